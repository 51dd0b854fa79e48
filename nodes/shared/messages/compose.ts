/**
 * One message for one debtor: choose the template (stage, tone, register, language, channel, each
 * given or read from the item, with reported fallbacks), build the view, render it for the channel,
 * and describe the result in the shape the Channel Sender reads (`message`).
 */
import { LANGUAGES, STAGES, type DebtorRecord, type Language, type Stage } from '../debtor/model';
import type { DayNumber } from '../calendar';
import type { Cents } from '../money';
import { renderCustom, type CustomTemplateSet } from './custom';
import { formatMoney, spokenAmounts } from './format';
import type { RenderedWhatsApp, TemplateLibrary } from './render';
import { smsInfo, toGsm7, type SmsEncoding } from './sms';
import { MESSAGE_CHANNELS, TONES, type MessageChannel, type Register, type Tone } from './types';
import { buildView, MessageDataError, type BuiltView, type ViewSettings } from './view';

/** "item": read it from the item; otherwise the fixed value. */
export type FromItem<T> = T | 'item';

export interface Selection {
	stage: FromItem<Stage>;
	tone: FromItem<Tone>;
	register: FromItem<Register>;
	language: FromItem<Language>;
	channel: FromItem<MessageChannel>;
	defaultTone: Tone;
	defaultRegister: Register;
	defaultLanguage: Language;
	defaultChannel: MessageChannel;
}

/** A choice that could not be made as asked, and what was used instead. */
export interface Fallback {
	field: string;
	requested: string | null;
	used: string;
	reason: string;
}

export interface ItemParts {
	record: DebtorRecord;
	segmentation?: unknown;
	journey?: unknown;
	schedule?: unknown;
	costs?: unknown;
	arrangement?: unknown;
	messageData?: unknown;
}

export interface ResolvedSelection {
	stage: Stage;
	tone: Tone;
	register: Register;
	language: Language;
	channel: MessageChannel;
	fallbacks: Fallback[];
}

function obj(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function firstString(...values: unknown[]): { value: string } | undefined {
	for (const value of values) if (typeof value === 'string' && value.trim() !== '') return { value: value.trim() };
	return undefined;
}

/** "nl", "NL", "nl-NL", "nl_BE" -> "nl"; undefined for languages without templates. */
function normaliseLanguage(value: unknown): Language | undefined {
	if (typeof value !== 'string') return undefined;
	const base = value.trim().toLowerCase().split(/[-_]/)[0];
	return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : undefined;
}

/** Stage, tone, register, language and channel for one item, with the fallbacks taken. */
export function resolveSelection(selection: Selection, item: ItemParts): ResolvedSelection {
	const fallbacks: Fallback[] = [];
	const journey = obj(item.journey);
	const schedule = obj(item.schedule);
	const data = obj(item.messageData);
	const record = item.record;

	let stage: Stage;
	if (selection.stage === 'item') {
		const sources: Array<[unknown, string]> = [
			[data.stage, 'messageData.stage'],
			[journey.stage, 'journey.stage'],
			[schedule.stage, 'schedule.stage'],
		];
		const found = sources.find(([value]) => typeof value === 'string' && value !== '');
		if (!found) throw new MessageDataError('journey.stage', 'no stage on the item (messageData.stage, journey.stage or schedule.stage); choose a stage in the node or run the Journey Planner first');
		if (!(STAGES as readonly string[]).includes(found[0] as string)) {
			throw new MessageDataError(found[1], `"${String(found[0]).slice(0, 40)}" is not a stage; use one of ${STAGES.join(', ')}`);
		}
		stage = found[0] as Stage;
	} else stage = selection.stage;

	let tone: Tone;
	if (selection.tone === 'item') {
		const found = firstString(data.tone, journey.tone, obj(item.segmentation).tone);
		if (found && (TONES as readonly string[]).includes(found.value)) tone = found.value as Tone;
		else {
			tone = selection.defaultTone;
			fallbacks.push({
				field: 'tone',
				requested: found?.value ?? null,
				used: tone,
				reason: found ? `"${found.value.slice(0, 30)}" is not a tone (supportive, neutral, firm)` : 'the item has no segmentation.tone; used the default tone',
			});
		}
	} else tone = selection.tone;

	let language: Language;
	if (selection.language === 'item') {
		const requested = typeof record.language === 'string' && record.language.trim() !== '' ? record.language.trim() : null;
		const found = normaliseLanguage(requested);
		if (found) language = found;
		else {
			language = selection.defaultLanguage;
			fallbacks.push({
				field: 'language',
				requested,
				used: language,
				reason: requested ? `no templates in "${requested.slice(0, 20)}"; used the default language` : 'the debtor record has no language; used the default language',
			});
		}
	} else language = selection.language;

	let register: Register;
	if (selection.register === 'item') {
		const requested = record.register;
		if (requested === 'u' || requested === 'je') register = requested;
		else {
			register = selection.defaultRegister;
			if (requested !== undefined && requested !== null) {
				fallbacks.push({ field: 'register', requested: String(requested).slice(0, 20), used: register, reason: 'not a register (u or je); used the default register' });
			}
		}
	} else register = selection.register;

	let channel: MessageChannel;
	if (selection.channel === 'item') {
		const found = firstString(data.channel, journey.channel, schedule.channel, record.preferredChannel);
		if (found && (MESSAGE_CHANNELS as readonly string[]).includes(found.value)) channel = found.value as MessageChannel;
		else {
			channel = selection.defaultChannel;
			fallbacks.push({
				field: 'channel',
				requested: found?.value ?? null,
				used: channel,
				reason:
					found?.value === 'phone'
						? 'a phone call is a task for a person, not a message; rendered the default channel as well'
						: found
							? `"${found.value.slice(0, 20)}" is not a message channel; used the default channel`
							: 'the item names no channel; used the default channel',
			});
		}
	} else channel = selection.channel;

	return { stage, tone, register, language, channel, fallbacks };
}

export interface MessageAttachment {
	filename: string;
	contentType: string;
	/** Content-ID the HTML refers to as cid:... */
	cid: string;
	contentBase64: string;
}

/** The rendered message, under `message` on the item. */
export interface RenderedMessage {
	channel: MessageChannel;
	stage: Stage;
	tone: Tone;
	register: Register;
	languageUsed: Language;
	templateId: string;
	templateVersion: string;
	libraryVersion: string;
	subject?: string;
	html?: string;
	text: string;
	sms?: { text: string; encoding: SmsEncoding; segments: number; characters: number };
	whatsapp?: RenderedWhatsApp;
	amountCents: Cents;
	amount: string;
	dueDate: string | null;
	sendDate: string;
	reference: string;
	claimId: string;
	claimIds: string[];
	paymentUrl: string | null;
	epcQr?: { payload: string };
	attachments?: MessageAttachment[];
	letterTerm?: BuiltView['letterTerm'];
	letterCosts?: BuiltView['letterCosts'];
	fallbacks: Fallback[];
	warnings: string[];
}

export interface ComposeOptions extends ViewSettings {
	/** Replace characters outside GSM-7 by look-alikes ("ë" -> "e") so an SMS stays cheap. Default true. */
	smsGsm7: boolean;
	custom?: CustomTemplateSet;
}

function renderSms(library: TemplateLibrary, selection: ResolvedSelection, view: Record<string, unknown>, options: ComposeOptions, custom: string | undefined) {
	let text = custom;
	if (text === undefined) {
		const entry = library.sms(selection.stage, selection.tone, selection.register, selection.language);
		if (!entry) throw new MessageDataError('stage', `no SMS template for ${selection.stage}/${selection.tone}/${selection.register}/${selection.language}`);
		text = library.renderSms(entry, view);
	}
	if (options.smsGsm7) text = toGsm7(text);
	const info = smsInfo(text);
	return { text, encoding: info.encoding, segments: info.segments, characters: info.characters };
}

/** Renders the message for one item. Throws MessageDataError / TemplateRenderError naming the field. */
export function composeMessage(
	library: TemplateLibrary,
	selection: ResolvedSelection,
	item: ItemParts & { referenceDay: DayNumber },
	options: ComposeOptions,
): RenderedMessage {
	const { stage, tone, register, language, channel } = selection;
	const meta = library.data.stages[stage];
	if (!meta) throw new MessageDataError('stage', `the template library has no stage "${stage}"`);
	if (item.record.flags?.deceased === true) {
		throw new MessageDataError('flags.deceased', 'the debtor is marked deceased: no collection message is rendered (use a bereavement process)');
	}
	const built = buildView(
		{
			stage,
			channel,
			tone,
			register,
			language,
			meta,
			record: item.record,
			referenceDay: item.referenceDay,
			costs: item.costs,
			schedule: item.schedule,
			arrangement: item.arrangement,
			journey: item.journey,
			messageData: item.messageData,
		},
		options,
	);
	const view = built.view;
	const custom = options.custom?.find(stage, channel, language);
	const warnings = custom ? [...custom.warnings.map((w) => `custom template: ${w}`)] : [];
	const message: RenderedMessage = {
		channel,
		stage,
		tone,
		register,
		languageUsed: language,
		templateId: '',
		templateVersion: '',
		libraryVersion: library.data.libraryVersion,
		text: '',
		amountCents: built.amountCents,
		amount: typeof view.amount === 'string' ? view.amount : formatMoney(built.amountCents, language),
		dueDate: built.dueDate,
		sendDate: built.sendDate,
		reference: built.reference,
		claimId: [...built.claimIds].sort().join(','),
		claimIds: built.claimIds,
		paymentUrl: built.payUrl,
		fallbacks: selection.fallbacks,
		warnings,
	};

	if (channel === 'email' || channel === 'letter') {
		let document: { subject?: string; html?: string; text: string };
		if (custom) {
			document = renderCustom(custom, view);
			message.templateId = custom.id;
			message.templateVersion = custom.version;
		} else {
			const entry = library.document(stage, channel, tone, register, language);
			if (!entry) throw new MessageDataError('stage', `no ${channel} template for ${stage}/${tone}/${register}/${language}`);
			document = library.renderDocument(entry, view);
			message.templateId = entry.id;
			message.templateVersion = entry.version;
		}
		message.subject = document.subject;
		message.html = document.html;
		// The plain-text part of an e-mail is what screen readers and text-only mail apps read aloud.
		message.text = channel === 'email' ? spokenAmounts(document.text, language) : document.text;
	} else if (channel === 'sms') {
		const customText = custom ? renderCustom(custom, view).text : undefined;
		const entry = library.sms(stage, tone, register, language);
		message.sms = renderSms(library, selection, view, options, customText);
		message.text = message.sms.text;
		message.templateId = custom ? custom.id : (entry?.id ?? '');
		message.templateVersion = custom ? custom.version : (entry?.version ?? '');
	} else {
		const entry = library.whatsapp(stage, language);
		if (!entry) throw new MessageDataError('stage', `no WhatsApp template for ${stage}/${language}`);
		message.whatsapp = library.renderWhatsApp(entry, view);
		message.text = message.whatsapp.text;
		// SMS text as the fallback when WhatsApp cannot deliver (not on WhatsApp, no opt-in).
		message.sms = renderSms(library, selection, view, options, undefined);
		message.templateId = entry.id;
		message.templateVersion = entry.version;
	}

	if (built.epcQr) {
		message.epcQr = { payload: built.epcQr.payload };
		const image = built.epcQr.image;
		if (image && image.dataUri.startsWith('cid:') && message.html?.includes(`cid:${image.cid}`)) {
			message.attachments = [{ filename: 'betalen-qr.png', contentType: 'image/png', cid: image.cid, contentBase64: image.base64 }];
		}
	}
	if (built.letterTerm) message.letterTerm = built.letterTerm;
	if (built.letterCosts) message.letterCosts = built.letterCosts;
	return message;
}
