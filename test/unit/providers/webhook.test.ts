/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/** The generic HTTPS webhook and the sandbox: signed JSON to the creditor's system, duplicates dropped by key, and nothing sent in the sandbox. */
import { createHmac } from 'node:crypto';

import { SocialCollectionsWebhookApi } from '../../../credentials/SocialCollectionsWebhookApi.credentials';
import { sandboxAdapter } from '../../../nodes/shared/providers/adapters/sandbox';
import { webhookAdapter } from '../../../nodes/shared/providers/adapters/webhook';
import { signPackageWebhook, verifyPackageWebhook } from '../../../nodes/shared/providers';
import { CREDITOR, creditorHandler, type CreditorState } from '../../fixtures/providers/creditor';
import { DEBTOR, IDEM, MESSAGE, send } from '../../fixtures/providers/harness';
import { LoopbackServer } from '../../fixtures/providers/server';

const NOW = Date.parse('2026-06-30T10:00:00Z');

describe('HTTPS webhook (creditor system)', () => {
	let server: LoopbackServer;
	let state: CreditorState;
	const hook = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: webhookAdapter, channel: 'sms', credentialType: new SocialCollectionsWebhookApi(), credentials: { url: `${server.url}/api/messages` }, secrets: { signingSecret: CREDITOR.signingSecret }, now: () => NOW, ...extra });

	beforeAll(async () => {
		state = { deliveries: new Map(), duplicates: 0 };
		server = await LoopbackServer.start(creditorHandler(state));
	});
	afterAll(() => server.close());
	beforeEach(() => {
		server.reset();
		state.deliveries.clear();
		state.duplicates = 0;
	});

	test('POSTs the message JSON with Idempotency-Key and an HMAC-SHA256 signature over "<timestamp>.<body>"', async () => {
		const { result } = await hook();
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'sent', providerMessageId: `msg-${IDEM}` });
		const [request] = server.requests;
		expect(request.path).toBe('/api/messages');
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers['idempotency-key']).toBe(IDEM);
		expect(request.headers['x-signature-timestamp']).toBe(String(NOW / 1000));
		const expected = createHmac('sha256', CREDITOR.signingSecret).update(`${NOW / 1000}.${request.body}`).digest('hex');
		expect(request.headers['x-signature']).toBe(`sha256=${expected}`);
		const body = JSON.parse(request.body);
		expect(body).toEqual({
			event: 'message',
			idempotencyKey: IDEM,
			channel: 'sms',
			debtorId: 'D-1001',
			recipient: { name: 'Jan de Vries', email: DEBTOR.email, mobile: DEBTOR.mobile, address: DEBTOR.address, language: 'nl' },
			message: MESSAGE,
			createdAt: '2026-06-30T10:00:00.000Z',
		});
	});

	test('a repeat with the same key is dropped by the receiver (409) and still counts as delivered', async () => {
		await hook();
		const again = await hook();
		expect(again.result.outcome).toMatchObject({ kind: 'accepted', details: { duplicate: true } });
		expect(state.deliveries.size).toBe(1);
		expect(state.duplicates).toBe(1);
	});

	test('a timeout is repeated with the same key (the receiver drops repeats), so the message arrives once', async () => {
		// The first request reaches the receiver, but its answer never comes back.
		server.fail({ hang: true });
		const { result } = await hook({ timeoutMs: 300 });
		expect(result.attempts).toBe(2);
		expect(result.outcome.kind).toBe('accepted');
		expect(server.requests).toHaveLength(2);
	});

	test('a wrong secret gets 401: permanent (auth)', async () => {
		const { result } = await hook({ secrets: { signingSecret: 'wrong-secret' } });
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', httpStatus: 401, reason: 'auth' });
	});

	test('delivery events posted back are verified with the same scheme, and tampering is caught', () => {
		const raw = JSON.stringify({ events: [{ idempotencyKey: IDEM, messageId: 'msg-1', status: 'delivered', channel: 'letter', time: '2026-07-01T09:00:00Z' }] });
		const headers = signPackageWebhook(CREDITOR.signingSecret, raw, NOW / 1000);
		const request = (body: string) => ({ method: 'POST', url: 'https://n8n/webhook', headers: { 'x-signature': headers['X-Signature'], 'x-signature-timestamp': headers['X-Signature-Timestamp'] }, rawBody: body, query: {}, body: JSON.parse(body), now: NOW + 1000 });
		expect(webhookAdapter.verifySignature!(request(raw), { signingSecret: CREDITOR.signingSecret })).toEqual({ ok: true });
		expect(webhookAdapter.verifySignature!(request(raw.replace('delivered', 'read')), { signingSecret: CREDITOR.signingSecret }).ok).toBe(false);
		expect(webhookAdapter.parseStatusCallback!(request(raw))).toEqual([
			{ provider: 'webhook', channel: 'letter', messageId: 'msg-1', idempotencyKey: IDEM, status: 'delivered', providerStatus: 'delivered', time: '2026-07-01T09:00:00Z', recipient: undefined, replyText: undefined, errorCode: undefined, errorMessage: undefined },
		]);
		// An old signature is refused (replay), as is a missing timestamp.
		expect(verifyPackageWebhook(CREDITOR.signingSecret, raw, headers['X-Signature'], headers['X-Signature-Timestamp'], NOW + 301_000)).toEqual({ ok: false, reason: 'timestamp outside the allowed window' });
		expect(verifyPackageWebhook(CREDITOR.signingSecret, raw, headers['X-Signature'], undefined, NOW).ok).toBe(false);
	});
});

describe('sandbox', () => {
	test('validates like a real send and records what would have been sent, without any request', async () => {
		const { result } = await send({ adapter: sandboxAdapter, channel: 'sms', credentials: {} });
		expect(result.outcome).toEqual({
			kind: 'accepted',
			status: 'sent',
			providerMessageId: `sandbox-${IDEM}`,
			details: { simulated: true, wouldSend: { to: '+31612345678', text: MESSAGE.sms!.text, segments: 1 } },
		});
		const email = await send({ adapter: sandboxAdapter, channel: 'email', credentials: {} });
		expect(email.result.outcome).toMatchObject({ details: { wouldSend: { to: 'jan.devries@example.nl', subject: MESSAGE.subject, text: MESSAGE.text, htmlLength: MESSAGE.html!.length } } });
		const broken = await send({ adapter: sandboxAdapter, channel: 'email', credentials: {}, message: { ...MESSAGE, subject: '' } });
		expect(broken.result.outcome).toMatchObject({ code: 'invalid-message', field: 'message.subject' });
	});
});
