import {
	NodeConnectionTypes,
	NodeOperationError,
	sleep,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getDutchCalendar, isoDate, isWithinLegalContactWindow, nextLegalContactMoment, parseMoment } from '../shared/calendar';
import { DebtorValidationError, debtorFieldSelection, debtorIdOf, validateDebtor } from '../shared/debtor/validate';
import { parseFieldPath, readFieldPath } from '../shared/fieldPath';
import { INVALID_OUTPUT_VERSION, outputsWithInvalid } from '../shared/n8n/descriptions';
import { routeFailedItem, routesInvalidItems } from '../shared/n8n/items';
import { parameterPerItem } from '../shared/n8n/parameters';
import {
	DEFAULT_RETRY,
	SEND_CHANNELS,
	SEND_FIELDS,
	SendEngine,
	SendLedger,
	channelOrder,
	claimIdOf,
	parseChannelList,
	parseKeyList,
	providerById,
	recipientOf,
	stageOf,
	stepOf,
	type DeliveryRecord,
	type EngineSettings,
	type OutgoingMessage,
	type ProviderOptions,
	type ProviderSetup,
	type SendChannel,
	type SendPlan,
} from '../shared/providers';
import { senderDefaultsProblem } from '../shared/providers/adapters/smtp';
import { referenceDay } from '../shared/calendar/referenceDate';
import { CREDENTIAL_OF_PROVIDER, PROVIDER_PARAMETERS, channelSenderProperties } from './description';
import { credentialReader, httpFor, n8nLedgerStore, sendEmailHandOff, splitCredentials } from './transport';

interface SenderOptions {
	alreadySentField?: string;
	concurrency?: number;
	replyTo?: string;
	emailFrom?: string;
	emailFromName?: string;
	contactWindow?: boolean;
	deliveryProduct?: string;
	letterBinaryProperty?: string;
	letterColour?: boolean;
	maxAttempts?: number;
	maxDelayMs?: number;
	messageField?: string;
	now?: string;
	ratePerSecond?: number;
	toEmail?: string;
	toMobile?: string;
	referenceDate?: string;
	registeredMail?: boolean;
	retryTimeouts?: boolean;
	baseDelayMs?: number;
	ledger?: 'n8n' | 'off';
	ledgerBatchSize?: number;
	ledgerMaxEntries?: number;
	smsFrom?: string;
	statusCallbackUrl?: string;
	timeoutMs?: number;
	twilioContentSids?: string | IDataObject;
	unconfirmed?: 'hold' | 'resend';
	whatsappFrom?: string;
}

/**
 * Outputs: "Sent" and "Not Sent", then "Invalid" from version 2. Serialised into the description as
 * an expression, so it must be self-contained.
 */
const configuredOutputs = () => [
	{ type: 'main', displayName: 'Sent' },
	{ type: 'main', displayName: 'Not Sent' },
];

export { configuredOutputs as channelSenderOutputs };

// Checked once per process: the fields a send reads (see SEND_FIELDS).
const SEND_SELECTION = debtorFieldSelection(SEND_FIELDS);

export class ChannelSender implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Channel Sender',
		name: 'channelSender',
		icon: { light: 'file:channelSender.svg', dark: 'file:channelSender.dark.svg' },
		group: ['output'],
		// 2: records it cannot address leave on an "Invalid" output by default (1 sent them to "Not Sent" or on).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["dryRun"] ? "dry run" : ($parameter["channelSource"] === "fixed" ? $parameter["channel"] : "channel from item")}}',
		description: 'Sends the rendered message by e-mail, SMS, WhatsApp, letter or webhook, with fallback channels, retries and no duplicate sends',
		defaults: { name: 'Channel Sender' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: outputsWithInvalid(configuredOutputs, INVALID_OUTPUT_VERSION),
		credentials: [
			// SMTP: only the sender defaults; n8n's Send Email node after this one connects with n8n's SMTP credential.
			{ name: 'socialCollectionsSmtpApi', required: false, testedBy: 'smtpSenderCheck', displayOptions: { show: { emailProvider: ['smtp'] } } },
			// One entry per (channel, provider) pair, written out: the linter reads this list literally.
			// A unit test checks it equals channelSenderCredentials (derived from the provider options).
			{ name: 'socialCollectionsWebhookApi', required: true, displayOptions: { show: { emailProvider: ['webhook'] } } },
			{ name: 'socialCollectionsMailgunApi', required: true, displayOptions: { show: { emailProvider: ['mailgun'] } } },
			{ name: 'socialCollectionsPostmarkApi', required: true, displayOptions: { show: { emailProvider: ['postmark'] } } },
			{ name: 'socialCollectionsSendGridApi', required: true, displayOptions: { show: { emailProvider: ['sendgrid'] } } },
			{ name: 'socialCollectionsBirdApi', required: true, displayOptions: { show: { smsProvider: ['bird'] } } },
			{ name: 'socialCollectionsCmApi', required: true, displayOptions: { show: { smsProvider: ['cm'] } } },
			{ name: 'socialCollectionsWebhookApi', required: true, displayOptions: { show: { smsProvider: ['webhook'] } } },
			{ name: 'socialCollectionsSinchApi', required: true, displayOptions: { show: { smsProvider: ['sinch'] } } },
			{ name: 'socialCollectionsSpryngApi', required: true, displayOptions: { show: { smsProvider: ['spryng'] } } },
			{ name: 'socialCollectionsTwilioApi', required: true, displayOptions: { show: { smsProvider: ['twilio'] } } },
			{ name: 'socialCollectionsCmApi', required: true, displayOptions: { show: { whatsappProvider: ['cmWhatsApp'] } } },
			{ name: 'socialCollectionsWebhookApi', required: true, displayOptions: { show: { whatsappProvider: ['webhook'] } } },
			{ name: 'socialCollectionsMetaWhatsAppApi', required: true, displayOptions: { show: { whatsappProvider: ['metaWhatsApp'] } } },
			{ name: 'socialCollectionsTwilioApi', required: true, displayOptions: { show: { whatsappProvider: ['twilioWhatsApp'] } } },
			{ name: 'socialCollectionsWebhookApi', required: true, displayOptions: { show: { letterProvider: ['webhook'] } } },
			{ name: 'socialCollectionsPingenApi', required: true, displayOptions: { show: { letterProvider: ['pingen'] } } },
			{ name: 'socialCollectionsWebhookApi', required: true, displayOptions: { show: { phoneProvider: ['webhook'] } } },
		],
		properties: channelSenderProperties,
	};

	methods = {
		credentialTest: {
			/** The SMTP credential holds only sender defaults: its test checks them (the connection is tested on n8n's SMTP credential). */
			async smtpSenderCheck(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const problem = senderDefaultsProblem((credential.data ?? {}) as Record<string, unknown>);
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: "Sender defaults are usable; test the connection on n8n's SMTP credential of the Send Email node" };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const options = this.getNodeParameter('options', 0, {}) as SenderOptions;
		const dryRun = this.getNodeParameter('dryRun', 0, false) as boolean;
		const channelSource = this.getNodeParameter('channelSource', 0, 'item') as 'item' | 'fixed';
		const fixedChannel = this.getNodeParameter('channel', 0, 'email') as SendChannel;
		let fallback: SendChannel[];
		try {
			fallback = parseChannelList(this.getNodeParameter('fallbackChannels', 0, ''));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Fallback Channels: ${(error as Error).message}`);
		}
		const timeoutMs = options.timeoutMs ?? 30_000;
		let contentSids: Record<string, unknown> = {};
		if (options.twilioContentSids) {
			const raw = options.twilioContentSids;
			const parsed = typeof raw === 'string' ? (() => { try { return JSON.parse(raw) as unknown; } catch { return undefined; } })() : raw;
			if (!parsed || typeof parsed !== 'object') throw new NodeOperationError(this.getNode(), 'Twilio Content SIDs must be a JSON object of template name to Content SID');
			contentSids = parsed as Record<string, unknown>;
		}

		// Providers per channel, with their credentials read once.
		const providers: EngineSettings['providers'] = {};
		const secretValues: string[] = [];
		const credentialsOf = credentialReader(this, dryRun);
		for (const channel of SEND_CHANNELS) {
			const providerId = this.getNodeParameter(PROVIDER_PARAMETERS[channel], 0, 'sandbox') as string;
			if (providerId === 'none') continue;
			const adapter = providerById(providerId);
			if (!adapter || !adapter.channels.includes(channel)) {
				throw new NodeOperationError(this.getNode(), `Provider "${providerId}" is not available for ${channel} in this version of the node`);
			}
			const credentialType = adapter.credentialType ?? CREDENTIAL_OF_PROVIDER[providerId];
			// SMTP's credential holds only sender defaults and may be left out.
			const { publicFields, secrets } = splitCredentials((await credentialsOf(credentialType, adapter.id === 'smtp')) ?? {});
			for (const value of Object.values(secrets)) if (typeof value === 'string' && value.length >= 6) secretValues.push(value);
			const providerOptions: ProviderOptions = {
				from: channel === 'email' ? options.emailFrom : channel === 'sms' ? options.smsFrom : channel === 'whatsapp' ? options.whatsappFrom : undefined,
				fromName: channel === 'email' ? options.emailFromName : undefined,
				replyTo: options.replyTo,
				statusCallbackUrl: options.statusCallbackUrl,
				registered: options.registeredMail === true,
				deliveryProduct: options.deliveryProduct,
				printSpectrum: options.letterColour ? 'color' : 'grayscale',
				contentSids,
			};
			providers[channel] = {
				adapter,
				credentials: publicFields,
				options: providerOptions,
				ratePerSecond: options.ratePerSecond && options.ratePerSecond > 0 ? options.ratePerSecond : adapter.defaultRatePerSecond,
				http: httpFor(this, credentialType, timeoutMs),
			} satisfies ProviderSetup;
		}

		const calendar = getDutchCalendar();
		const timezone = this.getTimezone();
		// A replay or test may fix the moment the window is checked against; sending still runs on the real clock.
		const nowText = (options.now ?? '').trim();
		const fixedNow = nowText ? parseMoment(nowText, timezone) : undefined;
		if (fixedNow !== fixedNow) {
			throw new NodeOperationError(this.getNode(), 'Options > Now (for Replays) is not a date-time', {
				description: 'Use an ISO date-time such as 2026-07-06T09:00:00+02:00, or leave it empty for the real time.',
			});
		}
		const windowMoment = (ms: number) => fixedNow ?? ms;
		const settings: EngineSettings = {
			providers,
			retry: {
				maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
				baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
				maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
				retryUnknownOutcome: options.retryTimeouts === true,
			},
			timeoutMs,
			dryRun,
			contactWindow:
				options.contactWindow === false
					? undefined
					: { isOpen: (ms) => isWithinLegalContactWindow(windowMoment(ms), calendar), nextOpening: (ms) => nextLegalContactMoment(windowMoment(ms), calendar) },
			secretValues,
			resendUnconfirmed: options.unconfirmed === 'resend',
		};
		const store = options.ledger === 'off' || dryRun ? undefined : n8nLedgerStore(this, options.ledgerMaxEntries ?? 200_000);
		const engine = new SendEngine(settings, { sleep, now: () => Date.now(), random: Math.random, ledger: store ? new SendLedger(store) : undefined });

		const suppliedKeyOf = parameterPerItem<string>(this, 'idempotencyKey', '');
		const sentListOf = parameterPerItem<string>(this, 'alreadySentKeys', '');
		let day: string;
		try {
			day = isoDate(referenceDay(options.referenceDate ?? '', timezone));
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Reference Date: ${(error as Error).message}`);
		}
		// Parsed once: read for every item.
		const messagePath = parseFieldPath(options.messageField || 'message');
		const sentPath = parseFieldPath(options.alreadySentField || 'alreadySentKeys');
		const letterProperty = options.letterBinaryProperty || 'letter';

		// From version 2 each record is checked in the fields a send reads, before anything is sent.
		const checkRecords = this.getNode().typeVersion >= INVALID_OUTPUT_VERSION;
		const routeInvalid = routesInvalidItems(this, INVALID_OUTPUT_VERSION);
		const outputs: INodeExecutionData[][] = routeInvalid ? [[], [], []] : [[], []];
		const emit = async (index: number, delivery: DeliveryRecord | IDataObject) => {
			const item = items[index];
			const status = (delivery as DeliveryRecord).status;
			const handed = (delivery as DeliveryRecord).handOff === 'sendEmail' ? await sendEmailHandOff(this, delivery as DeliveryRecord, item.binary) : undefined;
			const binary = handed?.binary ?? item.binary;
			outputs[status === 'sent' || status === 'queued' ? 0 : 1].push({
				json: { ...item.json, delivery: (handed?.delivery ?? delivery) as unknown as IDataObject },
				...(binary ? { binary } : {}),
				pairedItem: { item: index },
			});
		};

		const batchSize = Math.max(1, options.ledgerBatchSize ?? 50);
		const concurrency = Math.max(1, options.concurrency ?? 5);
		const knownLists = new Map<string, Set<string>>();
		const plans: SendPlan[] = [];
		const byIndex = new Map<number, DeliveryRecord | IDataObject>();
		for (let i = 0; i < items.length; i++) {
			const json = items[i].json;
			if (checkRecords) {
				const problems = validateDebtor(json, SEND_SELECTION);
				if (problems.length > 0) {
					// Invalid output, "Not Sent" with the error when continuing on fail, or stop before any send.
					routeFailedItem(this, outputs, { invalidOutput: routeInvalid ? 2 : undefined, continueOutput: 1 }, items[i], i, new DebtorValidationError(i, debtorIdOf(json), problems));
					continue;
				}
			}
			const debtorId = typeof json.debtorId === 'string' ? json.debtorId : '';
			if (!debtorId) {
				byIndex.set(i, { status: 'failed-permanent', errorCode: 'invalid-item', errorMessage: 'the item has no debtorId: is this a debtor record?', field: 'debtorId', attempts: 0, skipped: [], tried: [] });
				continue;
			}
			const raw = readFieldPath(json, messagePath);
			const message: OutgoingMessage = raw && typeof raw === 'object' ? { ...(raw as OutgoingMessage) } : {};
			const binary = items[i].binary?.[letterProperty];
			if (binary) {
				const pdf = await this.helpers.getBinaryDataBuffer(i, letterProperty);
				message.letter = { ...(message.letter ?? {}), pdf: new Uint8Array(pdf), fileName: binary.fileName ?? 'letter.pdf' };
			}
			const listText = sentListOf(i);
			let known = knownLists.get(listText);
			if (!known) {
				known = new Set(parseKeyList(listText));
				knownLists.set(listText, known);
			}
			const itemKeys = parseKeyList(readFieldPath(json, sentPath));
			const record = json as Record<string, unknown>;
			plans.push({
				itemIndex: i,
				record,
				recipient: recipientOf(record, { email: options.toEmail, mobile: options.toMobile }),
				message,
				channels: channelOrder(record, message, { source: channelSource, fixed: fixedChannel, fallback }),
				claimId: claimIdOf(record, message),
				stage: stageOf(record, message),
				day,
				step: stepOf(record, message),
				suppliedKey: suppliedKeyOf(i) || undefined,
				alreadySent: itemKeys.length ? new Set([...known, ...itemKeys]) : known,
			});
		}
		try {
			const results = await engine.run(plans, concurrency, batchSize);
			plans.forEach((plan, k) => byIndex.set(plan.itemIndex, results[k]));
		} finally {
			await engine.dispose();
		}
		// In input order on each output; items already accounted for (invalid) have no delivery.
		for (let i = 0; i < items.length; i++) {
			const delivery = byIndex.get(i);
			if (delivery !== undefined) await emit(i, delivery);
		}
		return outputs;
	}
}
