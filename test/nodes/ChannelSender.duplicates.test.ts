/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * No duplicate sends after a crash. The same 1,000 items are run twice; the first run "crashes"
 * halfway: after 500 messages were accepted, the next requests reach the provider but their
 * answers never come back and the run never finishes (as when the n8n process dies). The send
 * ledger lives in n8n's database, so the second run sees it.
 *   - Generic webhook (the receiver drops repeated Idempotency-Keys): exactly 1,000 messages
 *     delivered, each debtor once; the in-flight ones are repeated with their key and dropped.
 *     Every item leaves on "Sent": the ones confirmed before the crash marked `alreadySent`.
 *   - Twilio-shaped provider (no idempotency): no debtor gets two messages; the contacts confirmed
 *     before the crash leave on "Sent" as `alreadySent`, those whose first attempt is unconfirmed
 *     (at most the two batches in flight) are held back on "Not Sent" (`unconfirmed`) for a check.
 *     After the check, a third run with the delivered keys given and "Send Again" sends the rest:
 *     1,000 in total.
 */
import type { IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { ChannelSender } from '../../nodes/ChannelSender/ChannelSender.node';
import { MemoryLedgerStore } from '../../nodes/shared/providers';
import { CREDITOR, creditorHandler, type CreditorState } from '../fixtures/providers/creditor';
import { senderContext } from '../fixtures/providers/nodeContext';
import { LoopbackServer, form, type Recorded } from '../fixtures/providers/server';
import { TWILIO, twilioHandler } from '../fixtures/providers/twilio';

jest.setTimeout(60_000);

const COUNT = 1000;
const CRASH_AFTER = 500;
const NOON = Date.parse('2026-06-30T10:00:00Z');

const items = (): INodeExecutionData[] =>
	Array.from({ length: COUNT }, (_, i) => ({
		json: {
			debtorId: `D-${String(i).padStart(4, '0')}`,
			contact: { mobile: `+316${String(10_000_000 + i)}` },
			claims: [{ claimId: `C-${i}`, principalCents: 4500, openCents: 4500, invoiceDate: '2026-05-01', dueDate: '2026-05-15' }],
			message: { channel: 'sms', stage: 'reminder-1', sms: { text: `Herinnering ${i}` } },
		},
	}));

/** Lets `accepted` requests through, then the process "dies": later requests arrive, answers never return. */
function crashingAfter(accepted: () => number) {
	let crashed = false;
	return async (_options: IHttpRequestOptions, send: () => Promise<unknown>) => {
		if (crashed || accepted() >= CRASH_AFTER) {
			crashed = true;
			await send();
			return new Promise(() => undefined);
		}
		return send();
	};
}

async function until(condition: () => boolean) {
	for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
	if (!condition()) throw new Error('condition not reached');
}

const parameters = (provider: 'webhook' | 'twilio', extra: Record<string, unknown> = {}) => ({
	smsProvider: provider,
	options: { concurrency: 5, ledgerBatchSize: 50, ratePerSecond: 100_000, ...extra },
});

describe('no duplicate sends after a crash (1,000 items, two runs)', () => {
	// The clock reads a fixed Tuesday noon but keeps running (the rate limiter needs time to pass).
	beforeEach(() => {
		const realNow = Date.now.bind(Date);
		const start = realNow();
		jest.spyOn(Date, 'now').mockImplementation(() => NOON + (realNow() - start));
	});
	afterEach(() => jest.restoreAllMocks());

	test('generic webhook: exactly 1,000 messages delivered, each debtor once', async () => {
		const state: CreditorState = { deliveries: new Map(), duplicates: 0 };
		const server = await LoopbackServer.start(creditorHandler(state));
		const credentials = { socialCollectionsWebhookApi: { url: `${server.url}/messages`, signingSecret: CREDITOR.signingSecret } };
		const ledger = new MemoryLedgerStore();
		try {
			const first = senderContext({ items: items(), parameters: parameters('webhook'), credentials, ledger, intercept: crashingAfter(() => state.deliveries.size) });
			void new ChannelSender().execute.call(first.ctx); // never finishes: the process died
			await until(() => state.deliveries.size >= CRASH_AFTER);
			await new Promise((resolve) => setTimeout(resolve, 200));
			const deliveredBeforeCrash = state.deliveries.size;
			// The ones in flight when it died reached the receiver too.
			expect(deliveredBeforeCrash).toBeGreaterThan(CRASH_AFTER);

			const second = senderContext({ items: items(), parameters: parameters('webhook'), credentials, ledger });
			const [sent, notSent] = await new ChannelSender().execute.call(second.ctx);
			// Nothing is held back (the receiver drops repeated keys, so unconfirmed contacts are simply
			// sent again), and confirmed ones leave on Sent without a request, for the workflow to record.
			expect(notSent).toEqual([]);
			expect(sent).toHaveLength(COUNT);
			const confirmed = sent.filter((item) => (item.json.delivery as Record<string, unknown>).alreadySent === true).length;
			expect(confirmed).toBeGreaterThanOrEqual(CRASH_AFTER - 2 * 50);
			expect(confirmed).toBeLessThanOrEqual(deliveredBeforeCrash);

			expect(state.deliveries.size).toBe(COUNT);
			const debtors = [...state.deliveries.values()].map((request: Recorded) => JSON.parse(request.body).debtorId);
			expect(new Set(debtors).size).toBe(COUNT);
			// Exactly the ones that arrived before the crash without being confirmed were repeated,
			// with their key, and dropped by the receiver.
			expect(state.duplicates).toBe(deliveredBeforeCrash - confirmed);
			expect(sent.filter((item) => (item.json.delivery as { details?: { duplicate?: boolean } }).details?.duplicate)).toHaveLength(deliveredBeforeCrash - confirmed);
		} finally {
			await server.close();
		}
	});

	test('Twilio-shaped provider: no debtor twice; unconfirmed contacts are held back until checked', async () => {
		const accepted: Recorded[] = [];
		const server = await LoopbackServer.start(twilioHandler(accepted));
		const credentials = { socialCollectionsTwilioApi: { accountSid: TWILIO.accountSid, authToken: TWILIO.authToken, from: TWILIO.from, baseUrl: server.url } };
		const ledger = new MemoryLedgerStore();
		try {
			const first = senderContext({ items: items(), parameters: parameters('twilio'), credentials, ledger, intercept: crashingAfter(() => accepted.length) });
			void new ChannelSender().execute.call(first.ctx);
			await until(() => accepted.length >= CRASH_AFTER);
			await new Promise((resolve) => setTimeout(resolve, 200));
			const acceptedBeforeCrash = accepted.length;

			const second = senderContext({ items: items(), parameters: parameters('twilio'), credentials, ledger });
			const [sent, notSent] = await new ChannelSender().execute.call(second.ctx);
			const delivery = (item: INodeExecutionData) => item.json.delivery as Record<string, unknown>;
			const skipped = sent.filter((item) => delivery(item).alreadySent === true);
			const fresh = sent.filter((item) => delivery(item).alreadySent !== true);
			// The batches that were being sent are unconfirmed: held back, not guessed.
			const held = notSent.filter((item) => delivery(item).reason === 'earlier-attempt-unconfirmed');
			expect(held.every((item) => delivery(item).unconfirmed === true)).toBe(true);
			expect(skipped.length + held.length + fresh.length).toBe(COUNT);
			expect(held.length).toBeGreaterThan(0);
			expect(held.length).toBeLessThanOrEqual(2 * 50);
			// Every message that went out before the crash is either confirmed or held back.
			expect(acceptedBeforeCrash - skipped.length).toBeLessThanOrEqual(held.length);
			const recipients = accepted.map((request) => form(request.body).To);
			expect(new Set(recipients).size).toBe(recipients.length);
			expect(accepted).toHaveLength(acceptedBeforeCrash + fresh.length);

			// The operator checks Twilio's log: some held-back ones did go out. Third run: those keys
			// are given as sent, the rest is sent again.
			const delivered = new Set(recipients);
			const deliveredKeys = held.filter((item) => delivered.has((item.json.contact as { mobile: string }).mobile)).map((item) => (item.json.delivery as { idempotencyKey: string }).idempotencyKey);
			expect(deliveredKeys).toHaveLength(acceptedBeforeCrash - skipped.length);
			const third = senderContext({ items: items(), parameters: { ...parameters('twilio', { unconfirmed: 'resend' }), alreadySentKeys: deliveredKeys.join(',') }, credentials, ledger });
			const [sentNow] = await new ChannelSender().execute.call(third.ctx);
			expect(sentNow.filter((item) => delivery(item).alreadySent !== true)).toHaveLength(held.length - deliveredKeys.length);
			expect(accepted).toHaveLength(COUNT);
			expect(new Set(accepted.map((request) => form(request.body).To)).size).toBe(COUNT);
		} finally {
			await server.close();
		}
	});
});
