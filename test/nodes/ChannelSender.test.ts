/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The Channel Sender's execute() with n8n's helpers mocked to do real HTTP against loopback
 * providers: outputs (Sent / Not Sent, every item exactly once, pairedItem), the sandbox default,
 * fallback, skips with reasons, known keys, dry run, the contact window, retries, and error texts
 * without secrets or message bodies.
 */
import { createHash } from 'node:crypto';
import type { INodeExecutionData } from 'n8n-workflow';

import { ChannelSender } from '../../nodes/ChannelSender/ChannelSender.node';
import { channelSenderCredentials } from '../../nodes/ChannelSender/description';
import { evaluateOutputs } from './harness';
import type { DeliveryRecord } from '../../nodes/shared/providers';
import { META, metaHandler } from '../fixtures/providers/meta';
import { senderContext } from '../fixtures/providers/nodeContext';
import { LoopbackServer, form } from '../fixtures/providers/server';
import { TWILIO, TWILIO_NUMBERS, twilioHandler } from '../fixtures/providers/twilio';

const NOON = Date.parse('2026-06-30T10:00:00Z'); // Tuesday 12:00 Amsterdam
const SUNDAY = Date.parse('2026-06-28T10:00:00Z');

const key = (debtorId: string, channel: string, claimId = 'C-1', stage = 'reminder-1', day = '2026-06-30') =>
	`sc1-${createHash('sha256').update([debtorId, claimId, stage, channel, day].join('\n')).digest('hex').slice(0, 32)}`;

function debtor(id: string, extra: Record<string, unknown> = {}, message: Record<string, unknown> = {}): INodeExecutionData {
	return {
		json: {
			debtorId: id,
			firstName: 'Jan',
			lastName: 'de Vries',
			contact: { email: `${id.toLowerCase()}@example.nl`, mobile: '+31612345678' },
			consents: { whatsappOptIn: true },
			claims: [{ claimId: 'C-1', principalCents: 4500, openCents: 4500, invoiceDate: '2026-05-01', dueDate: '2026-05-15' }],
			message: {
				channel: 'sms',
				stage: 'reminder-1',
				subject: 'Herinnering',
				text: 'Beste Jan, uw factuur staat nog open.',
				html: '<p>Beste Jan, uw factuur staat nog open.</p>',
				sms: { text: 'Beste Jan, uw factuur van EUR 45,00 staat nog open. Betaal via https://pay.example.nl/x', encoding: 'GSM-7', segments: 1 },
				whatsapp: { templateName: 'betalingsherinnering_v2', language: 'nl', parameters: ['Jan', '€ 45,00'] },
				...message,
			},
			...extra,
		},
	};
}

const run = (ctx: ReturnType<typeof senderContext>['ctx']) => new ChannelSender().execute.call(ctx);

describe('Channel Sender node', () => {
	let twilio: LoopbackServer;
	let meta: LoopbackServer;
	const credentials = () => ({
		socialCollectionsTwilioApi: { accountSid: TWILIO.accountSid, authToken: TWILIO.authToken, from: TWILIO.from, baseUrl: twilio.url },
		socialCollectionsMetaWhatsAppApi: { accessToken: META.accessToken, phoneNumberId: META.phoneNumberId, apiVersion: META.apiVersion, baseUrl: meta.url, appSecret: META.appSecret },
	});

	beforeAll(async () => {
		twilio = await LoopbackServer.start(twilioHandler());
		meta = await LoopbackServer.start(metaHandler());
	});
	afterAll(async () => {
		await twilio.close();
		await meta.close();
	});
	beforeEach(() => {
		twilio.reset();
		meta.reset();
		const realNow = Date.now.bind(Date);
		const start = realNow();
		jest.spyOn(Date, 'now').mockImplementation(() => NOON + (realNow() - start));
	});
	afterEach(() => jest.restoreAllMocks());

	test('description: two outputs (and Invalid from version 2), sandbox default for every channel', () => {
		const node = new ChannelSender();
		const { description } = node;
		expect(evaluateOutputs(node, 1, {})).toEqual(['Sent', 'Not Sent']);
		expect(evaluateOutputs(node, 2, {})).toEqual(['Sent', 'Not Sent', 'Invalid']);
		expect(evaluateOutputs(node, 2, { invalidRecords: 'fail' })).toEqual(['Sent', 'Not Sent']);
		for (const name of ['emailProvider', 'smsProvider', 'whatsappProvider', 'letterProvider', 'phoneProvider']) {
			expect(description.properties.find((p) => p.name === name)?.default).toBe('sandbox');
		}
	});

	test('by default (sandbox) nothing is sent; items leave on Sent as simulated, with the derived key', async () => {
		const { ctx } = senderContext({ items: [debtor('D-1'), debtor('D-2')], parameters: {} });
		const [sent, notSent] = await run(ctx);
		expect(notSent).toEqual([]);
		expect(sent.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const delivery = sent[0].json.delivery as unknown as DeliveryRecord;
		expect(delivery).toMatchObject({ channel: 'sms', provider: 'sandbox', status: 'sent', simulated: true, idempotencyKey: key('D-1', 'sms'), attempts: 1 });
		expect(delivery.details!.wouldSend).toEqual({ to: '+31612345678', text: 'Beste Jan, uw factuur van EUR 45,00 staat nog open. Betaal via https://pay.example.nl/x', segments: 1 });
		// The rest of the item is untouched.
		expect(sent[0].json.claims).toEqual(debtor('D-1').json.claims);
		expect(ctx.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
		expect(ctx.helpers.httpRequest).not.toHaveBeenCalled();
	});

	test('Twilio SMS: the real request goes out, the item leaves on Sent with the provider id', async () => {
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: { smsProvider: 'twilio', options: { statusCallbackUrl: 'https://n8n.example.nl/webhook/x/delivery-status' } }, credentials: credentials() });
		const [sent, notSent] = await run(ctx);
		expect(notSent).toEqual([]);
		const delivery = sent[0].json.delivery as unknown as DeliveryRecord;
		expect(delivery).toMatchObject({ channel: 'sms', provider: 'twilio', status: 'queued', idempotencyKey: key('D-1', 'sms'), attempts: 1, skipped: [] });
		expect(delivery.providerMessageId).toMatch(/^SM/);
		expect(delivery.timestamps.sentAt!.slice(0, 16)).toBe('2026-06-30T10:00');
		expect(twilio.requests).toHaveLength(1);
		expect(form(twilio.requests[0].body).StatusCallback).toBe(`https://n8n.example.nl/webhook/x/delivery-status?sc_key=${key('D-1', 'sms')}`);
	});

	test('fallback: WhatsApp to a number not on WhatsApp fails permanently, the SMS goes out', async () => {
		const item = debtor('D-1', { contact: { mobile: '+31600000020' } }, { channel: 'whatsapp' });
		const { ctx } = senderContext({ items: [item], parameters: { whatsappProvider: 'metaWhatsApp', smsProvider: 'twilio', fallbackChannels: 'sms' }, credentials: credentials() });
		const [sent] = await run(ctx);
		const delivery = sent[0].json.delivery as unknown as DeliveryRecord;
		expect(delivery).toMatchObject({ channel: 'sms', provider: 'twilio', status: 'queued', attempts: 2, idempotencyKey: key('D-1', 'sms') });
		expect(delivery.tried).toEqual([
			expect.objectContaining({ channel: 'whatsapp', provider: 'metaWhatsApp', outcome: 'failed-permanent', errorCode: '131026', idempotencyKey: key('D-1', 'whatsapp') }),
			expect.objectContaining({ channel: 'sms', provider: 'twilio', outcome: 'accepted' }),
		]);
	});

	test('skips with reasons; every item on exactly one output, in order, with pairedItem', async () => {
		const items = [
			debtor('D-OK'),
			debtor('D-NOMOBILE', { contact: { email: 'x@example.nl' } }),
			debtor('D-NOOPTIN', { consents: {} }, { channel: 'whatsapp' }),
			debtor('D-OPTOUT', { contact: { mobile: TWILIO_NUMBERS.optedOut } }),
			{ json: { notADebtor: true } },
		];
		const { ctx } = senderContext({ items, parameters: { smsProvider: 'twilio', whatsappProvider: 'metaWhatsApp' }, credentials: credentials() });
		const [sent, notSent] = await run(ctx);
		expect(sent.map((item) => item.json.debtorId)).toEqual(['D-OK']);
		expect(notSent.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }, { item: 4 }]);
		const deliveries = notSent.map((item) => item.json.delivery as unknown as DeliveryRecord);
		expect(deliveries[0]).toMatchObject({ status: 'skipped', reason: 'no-contact-data', skipped: [{ channel: 'sms', reason: 'no-contact-data' }] });
		expect(deliveries[1]).toMatchObject({ status: 'skipped', reason: 'no-consent', skipped: [{ channel: 'whatsapp', reason: 'no-consent', message: 'no recorded WhatsApp opt-in (consents.whatsappOptIn)' }] });
		expect(deliveries[2]).toMatchObject({ status: 'failed-permanent', errorCode: '21610', reason: 'opted-out', attempts: 1 });
		expect(deliveries[3]).toMatchObject({ status: 'failed-permanent', errorCode: 'invalid-item' });
		expect(meta.requests).toHaveLength(0);
	});

	test('keys already sent, from the list parameter or the item, are skipped without a request', async () => {
		const items = [debtor('D-1'), debtor('D-2', { alreadySentKeys: [key('D-2', 'sms')] }), debtor('D-3')];
		const { ctx } = senderContext({ items, parameters: { smsProvider: 'twilio', alreadySentKeys: `${key('D-1', 'sms')}, other` }, credentials: credentials() });
		const [sent, notSent] = await run(ctx);
		expect(sent.map((item) => item.json.debtorId)).toEqual(['D-3']);
		expect(notSent.map((item) => [item.json.debtorId, (item.json.delivery as Record<string, unknown>).reason])).toEqual([
			['D-1', 'already-sent'],
			['D-2', 'already-sent'],
		]);
		expect(twilio.requests).toHaveLength(1);
	});

	test('a second run of the same day sends nothing again: what the ledger knows as sent leaves on Sent, marked alreadySent', async () => {
		const first = senderContext({ items: [debtor('D-1'), debtor('D-2')], parameters: { smsProvider: 'twilio' }, credentials: credentials() });
		await run(first.ctx);
		const second = senderContext({ items: [debtor('D-1'), debtor('D-2')], parameters: { smsProvider: 'twilio' }, credentials: credentials(), ledger: first.ledger });
		const [sent, notSent] = await run(second.ctx);
		expect(notSent).toEqual([]);
		expect(sent.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const [index, item] of sent.entries()) {
			expect(item.json.delivery).toMatchObject({ status: 'sent', reason: 'already-sent', alreadySent: true, channel: 'sms', provider: 'twilio', attempts: 0, idempotencyKey: key(`D-${index + 1}`, 'sms') });
			expect((item.json.delivery as Record<string, unknown>).channelAssumed).toBeUndefined();
		}
		expect(twilio.requests).toHaveLength(2);
	});

	describe('journey steps: the key survives the day change', () => {
		const stepKey = (debtorId: string, channel: string, step: string) => `sc1-${createHash('sha256').update([debtorId, 'C-1', 'reminder-1', channel, `step:${step}`].join('\n')).digest('hex').slice(0, 32)}`;
		const planned = (id: string, stepId = 'reminder-1#1', stage = 'reminder-1') => debtor(id, { journey: { stage, stepId, occurrence: 1, claimIds: ['C-1'] } });
		const onDay = (items: INodeExecutionData[], referenceDate: string, ledger?: ReturnType<typeof senderContext>['ledger'], extra: Record<string, unknown> = {}) =>
			senderContext({ items, parameters: { smsProvider: 'twilio', options: { referenceDate, ...extra } }, credentials: credentials(), ledger });

		test('the key is debtor, claims, stage, channel and journey.stepId, whatever the day', async () => {
			const monday = onDay([planned('D-1')], '2026-06-29');
			const [sent] = await run(monday.ctx);
			expect(sent[0].json.delivery).toMatchObject({ status: 'queued', idempotencyKey: stepKey('D-1', 'sms', 'reminder-1#1') });
			// A message of another stage on the same item is not the planned step: the day key.
			const other = onDay([debtor('D-2', { journey: { stage: 'reminder-2', stepId: 'reminder-2#1', claimIds: ['C-1'] } })], '2026-06-29');
			const [otherSent] = await run(other.ctx);
			expect((otherSent[0].json.delivery as Record<string, unknown>).idempotencyKey).toBe(key('D-2', 'sms', 'C-1', 'reminder-1', '2026-06-29'));
		});

		test('a crash on one day and the next day\'s run with the record not updated: no second send, the contact leaves on Sent', async () => {
			const first = onDay([planned('D-1'), planned('D-2')], '2026-06-29');
			await run(first.ctx);
			expect(twilio.requests).toHaveLength(2);
			// The workflow never recorded the contacts (n8n died after the Channel Sender): the planner plans
			// the same step the next day, with the same step id.
			const next = onDay([planned('D-1'), planned('D-2'), planned('D-3')], '2026-06-30', first.ledger);
			const [sent, notSent] = await run(next.ctx);
			expect(notSent).toEqual([]);
			expect(sent.map((item) => [item.json.debtorId, (item.json.delivery as Record<string, unknown>).alreadySent ?? false])).toEqual([
				['D-1', true],
				['D-2', true],
				['D-3', false],
			]);
			expect(twilio.requests).toHaveLength(3);
			// The step after it (recorded: occurrence 2) is a new contact.
			const later = onDay([planned('D-1', 'reminder-1#2')], '2026-07-01', first.ledger);
			const [again] = await run(later.ctx);
			expect(again[0].json.delivery).toMatchObject({ status: 'queued', idempotencyKey: stepKey('D-1', 'sms', 'reminder-1#2') });
			expect(twilio.requests).toHaveLength(4);
		});

		test('an earlier attempt of unknown outcome leaves on Not Sent as unconfirmed, the next day too, with channel and key', async () => {
			const ledger = senderContext({ items: [], parameters: {} }).ledger;
			// A run stopped after reserving the contact: reserved, never confirmed.
			const contactKey = `sc1-${createHash('sha256').update(['D-1', 'C-1', 'reminder-1', '*', 'step:reminder-1#1'].join('\n')).digest('hex').slice(0, 32)}`;
			ledger.values.add(`r:${contactKey}`);
			const next = onDay([planned('D-1')], '2026-07-02', ledger);
			const [sent, notSent] = await run(next.ctx);
			expect(sent).toEqual([]);
			expect(notSent[0].json.delivery).toMatchObject({
				status: 'skipped',
				reason: 'earlier-attempt-unconfirmed',
				unconfirmed: true,
				outcomeUnknown: true,
				channel: 'sms',
				provider: 'twilio',
				contactKey,
				idempotencyKey: stepKey('D-1', 'sms', 'reminder-1#1'),
			});
			expect(String((notSent[0].json.delivery as Record<string, unknown>).errorMessage)).toContain(stepKey('D-1', 'sms', 'reminder-1#1'));
			expect(twilio.requests).toHaveLength(0);
			// "Send Again" after the check: sent with the same key.
			const resend = onDay([planned('D-1')], '2026-07-02', ledger, { unconfirmed: 'resend' });
			const [resent] = await run(resend.ctx);
			expect(resent[0].json.delivery).toMatchObject({ status: 'queued', idempotencyKey: stepKey('D-1', 'sms', 'reminder-1#1') });
			expect(resent[0].json.delivery).not.toHaveProperty('unconfirmed');
		});
	});

	test('dry run: exact requests, nothing sent, Not Sent output', async () => {
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: { smsProvider: 'twilio', dryRun: true }, credentials: credentials() });
		const [sent, notSent] = await run(ctx);
		expect(sent).toEqual([]);
		const delivery = notSent[0].json.delivery as unknown as DeliveryRecord;
		expect(delivery).toMatchObject({ status: 'skipped', reason: 'dry-run', dryRun: true, idempotencyKey: key('D-1', 'sms') });
		expect(delivery.requests).toEqual([
			{
				channel: 'sms',
				provider: 'twilio',
				request: {
					method: 'POST',
					url: `${twilio.url}/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`,
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					body: 'To=%2B31612345678&From=IncassoNL&Body=Beste+Jan%2C+uw+factuur+van+EUR+45%2C00+staat+nog+open.+Betaal+via+https%3A%2F%2Fpay.example.nl%2Fx',
				},
			},
		]);
		expect(JSON.stringify(delivery)).not.toContain(TWILIO.authToken);
		expect(twilio.requests).toHaveLength(0);
	});

	test('on a Sunday the legal contact window holds SMS back, with the next opening', async () => {
		jest.spyOn(Date, 'now').mockReturnValue(SUNDAY);
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: {} });
		const [sent, notSent] = await run(ctx);
		expect(sent).toEqual([]);
		expect(notSent[0].json.delivery).toMatchObject({ status: 'skipped', reason: 'outside-contact-window', nextContactMoment: '2026-06-29T05:00:00.000Z' });
	});

	test('Now (for Replays) fixes the moment the contact window is checked against, both ways', async () => {
		// Real clock at noon, fixed moment Tuesday 23:30: held until Wednesday 07:00.
		const night = senderContext({ items: [debtor('D-1')], parameters: { options: { now: '2026-06-30T23:30:00+02:00' } } });
		const [sentAtNight, heldAtNight] = await run(night.ctx);
		expect(sentAtNight).toEqual([]);
		expect(heldAtNight[0].json.delivery).toMatchObject({ status: 'skipped', reason: 'outside-contact-window', nextContactMoment: '2026-07-01T05:00:00.000Z' });
		// Real clock on a Sunday, fixed moment a Monday morning: sent.
		jest.spyOn(Date, 'now').mockReturnValue(SUNDAY);
		const morning = senderContext({ items: [debtor('D-1')], parameters: { options: { now: '2026-06-29T07:00:00+02:00' } } });
		const [sentInMorning] = await run(morning.ctx);
		expect(sentInMorning[0].json.delivery).toMatchObject({ status: 'sent', simulated: true });
		const bad = senderContext({ items: [debtor('D-1')], parameters: { options: { now: 'tomorrow' } } });
		await expect(run(bad.ctx)).rejects.toThrow('Options > Now (for Replays) is not a date-time');
	});

	test('429 with Retry-After is waited out and retried', async () => {
		twilio.fail({ status: 429, headers: { 'retry-after': '0' }, json: { code: 20429, message: 'Too Many Requests', status: 429 } });
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: { smsProvider: 'twilio' }, credentials: credentials() });
		const [sent] = await run(ctx);
		expect(sent[0].json.delivery).toMatchObject({ status: 'queued', attempts: 2 });
	});

	test('500s until the attempts run out: failed-transient on Not Sent', async () => {
		twilio.fail({ status: 500, json: { code: 20500, message: 'Internal Server Error', status: 500 } }, 3);
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: { smsProvider: 'twilio', options: { maxAttempts: 3, baseDelayMs: 1 } }, credentials: credentials() });
		const [sent, notSent] = await run(ctx);
		expect(sent).toEqual([]);
		expect(notSent[0].json.delivery).toMatchObject({ status: 'failed-transient', errorCode: '20500', attempts: 3 });
		expect(twilio.requests).toHaveLength(3);
	});

	test('no secret and no message body in error texts, even when the provider echoes them', async () => {
		const text = 'Beste Jan, uw factuur van EUR 45,00 staat nog open. Betaal via https://pay.example.nl/x';
		twilio.fail({ status: 400, json: { code: 21617, message: `Body too long: "${text}" (token ${TWILIO.authToken})`, status: 400 } });
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: { smsProvider: 'twilio' }, credentials: credentials() });
		const [, notSent] = await run(ctx);
		const json = JSON.stringify(notSent[0].json.delivery);
		expect(json).not.toContain(TWILIO.authToken);
		expect(json).not.toContain('Betaal via https://pay.example.nl/x');
		expect((notSent[0].json.delivery as Record<string, unknown>).errorMessage).toBe('Body too long: "[redacted]" (token [redacted])');
	});

	test('a provider that is not chosen needs no credential; a chosen one without it stops the node', async () => {
		const { ctx } = senderContext({ items: [debtor('D-1')], parameters: { smsProvider: 'twilio' } });
		await expect(run(ctx)).rejects.toThrow('credentials of type "socialCollectionsTwilioApi"');
	});
});

describe('Channel Sender credentials list', () => {
	test('the literal list in the node equals the one derived from the provider options', () => {
		const listed = new ChannelSender().description.credentials!.filter((credential) => credential.name !== 'socialCollectionsSmtpApi');
		expect(listed).toEqual(channelSenderCredentials);
	});
});
