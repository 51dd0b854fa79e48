/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * Twilio SMS and WhatsApp against a loopback Twilio: the exact request, the normalised outcome,
 * which failures are retried (429 with Retry-After, 5xx) and which are not (invalid number,
 * opted out, bad credentials, a timeout whose outcome is unknown).
 */
import { createHmac } from 'node:crypto';

import { SocialCollectionsTwilioApi } from '../../../credentials/SocialCollectionsTwilioApi.credentials';
import { twilioSmsAdapter, twilioWhatsAppAdapter } from '../../../nodes/shared/providers/adapters/twilio';
import { DEBTOR, IDEM, MESSAGE, send } from '../../fixtures/providers/harness';
import { LoopbackServer, form, type Recorded } from '../../fixtures/providers/server';
import { TWILIO, TWILIO_NUMBERS, twilioHandler } from '../../fixtures/providers/twilio';

describe('Twilio', () => {
	let server: LoopbackServer;
	const accepted: Recorded[] = [];
	const credentials = () => ({ accountSid: TWILIO.accountSid, from: TWILIO.from, baseUrl: server.url });
	const secrets = { authToken: TWILIO.authToken };
	const sms = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: twilioSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsTwilioApi(), credentials: credentials(), secrets, providerOptions: { statusCallbackUrl: 'https://n8n.example.nl/webhook/abc/delivery-status' }, ...extra });

	beforeAll(async () => {
		server = await LoopbackServer.start(twilioHandler(accepted));
	});
	afterAll(() => server.close());
	beforeEach(() => {
		server.reset();
		accepted.length = 0;
	});

	test('sends the exact Messages.json request and normalises the 201', async () => {
		const { result } = await sms();
		expect(server.requests).toHaveLength(1);
		const request = server.requests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`);
		expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO.authToken}`).toString('base64')}`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect([...new URLSearchParams(request.body)]).toEqual([
			['To', '+31612345678'],
			['From', 'IncassoNL'],
			['Body', MESSAGE.sms!.text!],
			['StatusCallback', `https://n8n.example.nl/webhook/abc/delivery-status?sc_key=${IDEM}`],
		]);
		expect(request.body).not.toContain('%20');
		expect(result.attempts).toBe(1);
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'queued', providerStatus: 'queued', details: { segments: 1 } });
		expect((result.outcome as { providerMessageId: string }).providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
	});

	test('a Messaging Service SID replaces From', async () => {
		await sms({ credentials: { ...credentials(), messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' } });
		const fields = form(server.requests[0].body);
		expect(fields.MessagingServiceSid).toBe('MG0123456789abcdef0123456789abcdef');
		expect(fields.From).toBeUndefined();
	});

	test('an invalid number (21211) fails permanently without a retry', async () => {
		const { result, sleeps } = await sms({ recipient: { ...DEBTOR, mobile: TWILIO_NUMBERS.invalid } });
		expect(server.requests).toHaveLength(1);
		expect(sleeps).toEqual([]);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '21211', httpStatus: 400, reason: 'invalid-contact' });
	});

	test('an opted-out recipient (21610) fails permanently as opted-out', async () => {
		const { result } = await sms({ recipient: { ...DEBTOR, mobile: TWILIO_NUMBERS.optedOut } });
		expect(server.requests).toHaveLength(1);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '21610', reason: 'opted-out' });
	});

	test('wrong credentials (401, 20003) fail permanently', async () => {
		const { result } = await send({ adapter: twilioSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsTwilioApi(), credentials: credentials(), secrets: { authToken: 'wrong' } });
		expect(server.requests).toHaveLength(1);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '20003', httpStatus: 401, reason: 'auth' });
	});

	test('429 with Retry-After waits exactly that long, then succeeds', async () => {
		server.fail({ status: 429, headers: { 'retry-after': '7' }, json: { code: 20429, message: 'Too Many Requests', status: 429 } });
		const { result, sleeps } = await sms();
		expect(server.requests).toHaveLength(2);
		expect(sleeps).toEqual([7000]);
		expect(result.attempts).toBe(2);
		expect(result.outcome.kind).toBe('accepted');
		// The repeat is the same request.
		expect(server.requests[1].body).toBe(server.requests[0].body);
	});

	test('a Retry-After beyond the allowed wait ends the attempts as transient', async () => {
		server.fail({ status: 429, headers: { 'retry-after': '120' }, json: { code: 20429, message: 'Too Many Requests', status: 429 } });
		const { result, sleeps } = await sms({ retry: { maxDelayMs: 30_000 } });
		expect(server.requests).toHaveLength(1);
		expect(sleeps).toEqual([]);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'transient', retryAfterMs: 120_000, reason: 'rate-limit' });
	});

	test('500s are retried with bounded exponential backoff and give up after max attempts', async () => {
		server.fail({ status: 500, json: { code: 20500, message: 'Internal Server Error', status: 500 } }, 5);
		const { result, sleeps } = await sms({ retry: { maxAttempts: 3, baseDelayMs: 1000 } });
		expect(server.requests).toHaveLength(3);
		// random() = 0.5: wait = backoff * 3/4, backoff 1000 then 2000.
		expect(sleeps).toEqual([750, 1500]);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'transient', errorCode: '20500', httpStatus: 500 });
	});

	test('a timeout is not repeated (the message may have gone out) unless allowed', async () => {
		server.fail({ hang: true });
		const first = await sms({ timeoutMs: 300 });
		expect(server.requests).toHaveLength(1);
		expect(first.result.outcome).toMatchObject({ kind: 'failed', permanence: 'transient', errorCode: 'timeout', outcomeUnknown: true });

		server.reset();
		server.fail({ hang: true });
		const second = await sms({ timeoutMs: 300, retry: { retryUnknownOutcome: true } });
		expect(server.requests).toHaveLength(2);
		expect(second.result.outcome.kind).toBe('accepted');
	});

	test('a missing sender is a configuration error before any request', async () => {
		await expect(send({ adapter: twilioSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsTwilioApi(), credentials: { ...credentials(), from: '' }, secrets })).resolves.toMatchObject({
			result: { outcome: { code: 'configuration', field: 'options.from' } },
		});
		expect(server.requests).toHaveLength(0);
	});

	test('WhatsApp: Content SID with positional variables and whatsapp: prefixes', async () => {
		const sid = `HX${'ab'.repeat(16)}`;
		const { result } = await send({
			adapter: twilioWhatsAppAdapter,
			channel: 'whatsapp',
			credentialType: new SocialCollectionsTwilioApi(),
			credentials: credentials(),
			secrets,
			providerOptions: { from: '+3197010000000', contentSids: { betalingsherinnering_v2: sid } },
		});
		expect(result.outcome.kind).toBe('accepted');
		expect([...new URLSearchParams(server.requests[0].body)]).toEqual([
			['To', 'whatsapp:+31612345678'],
			['From', 'whatsapp:+3197010000000'],
			['ContentSid', sid],
			['ContentVariables', JSON.stringify({ 1: 'Jan', 2: '€ 45,00' })],
		]);
	});

	test('the credential test request reaches the account resource', async () => {
		const credential = new SocialCollectionsTwilioApi();
		expect(credential.test.request.url).toBe('=/2010-04-01/Accounts/{{$credentials.accountSid}}.json');
		expect(credential.properties.find((p) => p.name === 'authToken')?.typeOptions?.password).toBe(true);
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe('https://api.twilio.com');
	});

	describe('status callbacks', () => {
		const url = `https://n8n.example.nl/webhook/abc/delivery-status?sc_key=${IDEM}`;
		const sign = (token: string, fullUrl: string, params: Record<string, string>) =>
			createHmac('sha1', token)
				.update(Object.keys(params).sort().reduce((acc, k) => acc + k + params[k], fullUrl))
				.digest('base64');
		const delivered = { AccountSid: TWILIO.accountSid, MessageSid: 'SM0123', MessageStatus: 'delivered', To: '+31612345678', From: 'IncassoNL', ApiVersion: '2010-04-01' };
		const callback = (params: Record<string, string>, signature: string, rawBody?: string) => ({
			method: 'POST',
			url,
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
			rawBody: rawBody ?? new URLSearchParams(params).toString(),
			query: { sc_key: IDEM },
			body: rawBody ? Object.fromEntries(new URLSearchParams(rawBody)) : params,
		});

		test('a correctly signed delivery report verifies and normalises', () => {
			const request = callback(delivered, sign(TWILIO.authToken, url, delivered));
			expect(twilioSmsAdapter.verifySignature!(request, { authToken: TWILIO.authToken })).toEqual({ ok: true });
			const [event] = twilioSmsAdapter.parseStatusCallback!({ ...request, now: Date.parse('2026-06-30T10:05:00Z') });
			expect(event).toEqual({
				provider: 'twilio',
				channel: 'sms',
				messageId: 'SM0123',
				idempotencyKey: IDEM,
				status: 'delivered',
				providerStatus: 'delivered',
				time: '2026-06-30T10:05:00.000Z',
				recipient: '+31612345678',
				from: 'IncassoNL',
				replyText: undefined,
				errorCode: undefined,
				permanent: undefined,
			});
		});

		test('a tampered body, a wrong token or a missing header is rejected', () => {
			const signature = sign(TWILIO.authToken, url, delivered);
			const tampered = { ...delivered, MessageStatus: 'failed' };
			expect(twilioSmsAdapter.verifySignature!(callback(tampered, signature), { authToken: TWILIO.authToken }).ok).toBe(false);
			expect(twilioSmsAdapter.verifySignature!(callback(delivered, signature), { authToken: 'another-token' }).ok).toBe(false);
			expect(twilioSmsAdapter.verifySignature!({ ...callback(delivered, signature), url: url.replace(IDEM, 'other') }, { authToken: TWILIO.authToken }).ok).toBe(false);
			expect(twilioSmsAdapter.verifySignature!({ ...callback(delivered, ''), headers: {} }, { authToken: TWILIO.authToken })).toEqual({ ok: false, reason: 'missing X-Twilio-Signature header' });
		});

		test('inbound STOP is an opt-out, other inbound text a reply, 30005 a permanent failure', () => {
			const stop = { MessageSid: 'SM9', SmsStatus: 'received', Body: 'STOP', From: '+31612345678', To: '+3197010000000' };
			expect(twilioSmsAdapter.parseStatusCallback!(callback(stop, ''))[0]).toMatchObject({ status: 'opted-out', replyText: 'STOP', from: '+31612345678' });
			const reply = { ...stop, Body: 'Ik betaal vrijdag' };
			expect(twilioSmsAdapter.parseStatusCallback!(callback(reply, ''))[0]).toMatchObject({ status: 'replied', replyText: 'Ik betaal vrijdag' });
			const failed = { ...delivered, MessageStatus: 'undelivered', ErrorCode: '30005' };
			expect(twilioSmsAdapter.parseStatusCallback!(callback(failed, ''))[0]).toMatchObject({ status: 'failed', errorCode: '30005', permanent: true });
			const wa = { ...delivered, MessageStatus: 'read', To: 'whatsapp:+31612345678', From: 'whatsapp:+3197010000000' };
			expect(twilioWhatsAppAdapter.parseStatusCallback!(callback(wa, ''))[0]).toMatchObject({ provider: 'twilioWhatsApp', channel: 'whatsapp', status: 'read', recipient: '+31612345678' });
		});
	});
});
