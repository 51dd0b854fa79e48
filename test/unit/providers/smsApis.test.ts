/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/** CM.com (SMS, WhatsApp), Bird, Spryng and Sinch against loopback servers: exact requests, errors, retries, delivery reports. */
import { createHash, createHmac } from 'node:crypto';

import { SocialCollectionsBirdApi } from '../../../credentials/SocialCollectionsBirdApi.credentials';
import { SocialCollectionsCmApi } from '../../../credentials/SocialCollectionsCmApi.credentials';
import { SocialCollectionsSinchApi } from '../../../credentials/SocialCollectionsSinchApi.credentials';
import { SocialCollectionsSpryngApi } from '../../../credentials/SocialCollectionsSpryngApi.credentials';
import { birdAdapter } from '../../../nodes/shared/providers/adapters/bird';
import { cmSmsAdapter, cmWhatsAppAdapter } from '../../../nodes/shared/providers/adapters/cm';
import { sinchAdapter } from '../../../nodes/shared/providers/adapters/sinch';
import { spryngAdapter } from '../../../nodes/shared/providers/adapters/spryng';
import { DEBTOR, IDEM, MESSAGE, send } from '../../fixtures/providers/harness';
import { LoopbackServer } from '../../fixtures/providers/server';
import { credentialTestStatus } from '../../fixtures/providers/n8nHttp';
import { BIRD, CM, SINCH, SPRYNG, birdHandler, cmHandler, sinchHandler, spryngHandler } from '../../fixtures/providers/smsApis';

const callback = (body: Record<string, unknown>, query: Record<string, string> = {}) => ({ method: 'POST', url: 'https://n8n/webhook', headers: {}, rawBody: JSON.stringify(body), query, body, now: Date.parse('2026-06-30T10:00:00Z') });

describe('CM.com', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(cmHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const credentials = () => ({ baseUrl: server.url, from: 'IncassoNL', whatsappNamespace: 'ns-1234' });

	test('SMS: product token header, 00-number, reference = key, allowed channel SMS', async () => {
		const { result } = await send({ adapter: cmSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsCmApi(), credentials: credentials(), secrets: { productToken: CM.productToken } });
		const [request] = server.requests;
		expect(request.path).toBe('/v1.0/message');
		expect(request.headers['x-cm-producttoken']).toBe(CM.productToken);
		expect(JSON.parse(request.body)).toEqual({
			messages: { msg: [{ from: 'IncassoNL', to: [{ number: '0031612345678' }], reference: IDEM, body: { type: 'auto', content: MESSAGE.sms!.text }, allowedChannels: ['SMS'], minimumNumberOfMessageParts: 1, maximumNumberOfMessageParts: 8 }] },
		});
		expect(result.outcome).toMatchObject({ kind: 'accepted', providerMessageId: IDEM, providerStatus: 'Accepted', details: { parts: 1 } });
	});

	test('WhatsApp: template in richContent with namespace, language and parameters', async () => {
		await send({ adapter: cmWhatsAppAdapter, channel: 'whatsapp', credentialType: new SocialCollectionsCmApi(), credentials: credentials(), secrets: { productToken: CM.productToken } });
		const msg = JSON.parse(server.requests[0].body).messages.msg[0];
		expect(msg.allowedChannels).toEqual(['WhatsApp']);
		expect(msg.richContent.conversation[0].template.whatsapp).toEqual({
			namespace: 'ns-1234',
			element_name: 'betalingsherinnering_v2',
			language: { policy: 'deterministic', code: 'nl' },
			components: [{ type: 'body', parameters: [{ type: 'text', text: 'Jan' }, { type: 'text', text: '€ 45,00' }] }],
		});
	});

	test('error codes: 101 token (auth), 402 blacklisted (opted out), 500 retried', async () => {
		const token = await send({ adapter: cmSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsCmApi(), credentials: credentials(), secrets: { productToken: 'wrong' } });
		expect(token.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '101', reason: 'auth' });
		const blacklisted = await send({ adapter: cmSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsCmApi(), credentials: credentials(), secrets: { productToken: CM.productToken }, recipient: { ...DEBTOR, mobile: '+31600000030' } });
		expect(blacklisted.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '402', reason: 'opted-out', errorMessage: 'Recipient is blacklisted' });
		server.fail({ status: 500, json: { details: 'Internal error', errorCode: 500, messages: [] } });
		const retried = await send({ adapter: cmSmsAdapter, channel: 'sms', credentialType: new SocialCollectionsCmApi(), credentials: credentials(), secrets: { productToken: CM.productToken } });
		expect(retried.result.attempts).toBe(2);
		expect(retried.result.outcome.kind).toBe('accepted');
	});

	test('the credential Test: a valid product token gets 2xx, a wrong one does not', async () => {
		const credential = new SocialCollectionsCmApi();
		const data = { productToken: CM.productToken, baseUrl: server.url, accountApiUrl: server.url, accountId: CM.accountId };
		expect(await credentialTestStatus(credential, data)).toBe(200);
		expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: `/accountbalance/v1.0/accountbalance/${CM.accountId}` });
		expect(server.requests.at(-1)!.headers['x-cm-producttoken']).toBe(CM.productToken);
		expect(await credentialTestStatus(credential, { ...data, productToken: 'wrong' })).toBe(401);
		expect(credential.properties.find((p) => p.name === 'accountApiUrl')?.default).toBe('https://api.cmtelecom.com');
		// The former Test, an empty message batch, is answered 400 even with a valid token.
		const { default: axios } = await import('axios');
		const empty = await axios.post(`${server.url}/v1.0/message`, { messages: { msg: [] } }, { headers: { 'X-CM-PRODUCTTOKEN': CM.productToken }, validateStatus: () => true });
		expect(empty.status).toBe(400);
	});

	test('status report: only the documented status.code is read; a code not in the table stays unknown', () => {
		const report = (status: Record<string, unknown>) => ({ messages: { msg: { received: '2026-06-30T10:00:05', to: '0031612345678', reference: IDEM, status } } });
		// `status.text` is not a field of CM's report: it no longer decides anything.
		expect(cmSmsAdapter.parseStatusCallback!(callback(report({ code: '3', text: 'Delivered', errorCode: '5', errorDescription: 'Absent subscriber' })))[0]).toMatchObject({ status: 'failed', providerStatus: '3', errorCode: '5', errorMessage: 'Absent subscriber' });
		expect(cmSmsAdapter.parseStatusCallback!(callback(report({ code: '7' })))[0]).toMatchObject({ status: 'unknown', providerStatus: '7' });
		expect(cmSmsAdapter.parseStatusCallback!(callback(report({ text: 'Delivered' })))[0]).toMatchObject({ status: 'unknown', providerStatus: undefined });
	});

	test('status report: delivered by reference', () => {
		const report = { messages: { msg: { received: '2026-06-30T10:00:05', to: '0031612345678', reference: IDEM, status: { code: '2', errorCode: '0', errorDescription: 'No error' }, operator: '20416' } } };
		expect(cmSmsAdapter.parseStatusCallback!(callback(report))).toEqual([
			{ provider: 'cm', channel: 'sms', messageId: IDEM, idempotencyKey: IDEM, status: 'delivered', providerStatus: '2', time: '2026-06-30T10:00:05', recipient: '0031612345678', errorCode: undefined, errorMessage: 'No error' },
		]);
	});
});

describe('Bird', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(birdHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const sms = (secrets = { accessKey: BIRD.accessKey }) => send({ adapter: birdAdapter, channel: 'sms', credentialType: new SocialCollectionsBirdApi(), credentials: { baseUrl: server.url, workspaceId: BIRD.workspaceId, smsChannelId: BIRD.smsChannelId }, secrets });

	test('Channels API message with AccessKey, reference = key', async () => {
		const { result } = await sms();
		const [request] = server.requests;
		expect(request.path).toBe(`/workspaces/${BIRD.workspaceId}/channels/${BIRD.smsChannelId}/messages`);
		expect(request.headers.authorization).toBe(`AccessKey ${BIRD.accessKey}`);
		expect(JSON.parse(request.body)).toEqual({ receiver: { contacts: [{ identifierValue: '+31612345678' }] }, body: { type: 'text', text: { text: MESSAGE.sms!.text } }, reference: IDEM });
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'queued', providerStatus: 'accepted' });
	});

	test('401 permanent, 429 retried after Retry-After', async () => {
		expect((await sms({ accessKey: 'wrong' })).result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: 'Unauthorized', reason: 'auth' });
		server.fail({ status: 429, headers: { 'retry-after': '2' }, json: { code: 'TooManyRequests', message: 'slow down' } });
		const retried = await sms();
		expect(retried.sleeps).toEqual([2000]);
		expect(retried.result.outcome.kind).toBe('accepted');
	});

	test('notifications: delivered, failed with a reason, inbound reply', () => {
		expect(birdAdapter.parseStatusCallback!(callback({ service: 'channels', event: 'sms.outbound', payload: { id: 'm1', status: 'delivered', reference: IDEM, receiver: { contacts: [{ identifierValue: '+31612345678' }] }, updatedAt: '2026-06-30T10:00:09Z' } }))[0]).toMatchObject({ status: 'delivered', idempotencyKey: IDEM, recipient: '+31612345678' });
		// Bird's documented failed message ("Message failure codes"): failure{code, source}, reason, details.
		const failed = { id: 'm2', status: 'delivery_failed', reason: 'details: unknown subscriber; reason: unknown_subscriber; code: 1', direction: 'outgoing', details: 'unknown_subscriber', failure: { code: 15005, source: { name: 'sms-messagebird', code: '1' } } };
		expect(birdAdapter.parseStatusCallback!(callback({ event: 'sms.outbound', payload: failed }))[0]).toMatchObject({ status: 'failed', errorCode: '15005', errorMessage: 'details: unknown subscriber; reason: unknown_subscriber; code: 1; source sms-messagebird 1' });
		expect(birdAdapter.parseStatusCallback!(callback({ event: 'sms.outbound', payload: { ...failed, reason: undefined } }))[0]).toMatchObject({ errorCode: '15005', errorMessage: 'unknown_subscriber; source sms-messagebird 1' });
		expect(birdAdapter.parseStatusCallback!(callback({ event: 'sms.inbound', payload: { id: 'm3', status: 'delivered', body: { type: 'text', text: { text: 'Ik bel morgen' } } } }))[0]).toMatchObject({ status: 'replied', replyText: 'Ik bel morgen' });
	});

	describe('messagebird-signature (webhook subscriptions with a signing key)', () => {
		const signingKey = 'bird-signing-key-for-tests';
		const url = 'https://n8n.example.nl/webhook/abc/delivery-status';
		const raw = JSON.stringify({ service: 'channels', event: 'sms.outbound', payload: { id: 'm1', status: 'delivered', reference: IDEM } });
		// Bird's documented recipe, written out: base64 HMAC-SHA256 over "timestamp\nurl\n" + the raw SHA-256 bytes of the body.
		const sign = (body: string, at = '1782813600', calledUrl = url, key = signingKey) =>
			createHmac('sha256', key).update(Buffer.concat([Buffer.from(`${at}\n${calledUrl}\n`), createHash('sha256').update(body).digest()])).digest('base64');
		const signed = (body: string, headers: Record<string, string>, calledUrl = url) => ({ ...callback(JSON.parse(body) as Record<string, unknown>), url: calledUrl, rawBody: body, headers });

		test('a correctly signed notification verifies; the URL with the default port too', () => {
			const check = birdAdapter.verifySignature!(signed(raw, { 'messagebird-signature': sign(raw), 'messagebird-request-timestamp': '1782813600' }), { webhookSigningKey: signingKey });
			expect(check).toEqual({ ok: true });
			const withPort = sign(raw, '1782813600', 'https://n8n.example.nl:443/webhook/abc/delivery-status');
			expect(birdAdapter.verifySignature!(signed(raw, { 'messagebird-signature': withPort, 'messagebird-request-timestamp': '1782813600' }), { webhookSigningKey: signingKey }).ok).toBe(true);
		});

		test('a tampered body, another timestamp, another URL, a wrong key or a missing header is rejected', () => {
			const headers = { 'messagebird-signature': sign(raw), 'messagebird-request-timestamp': '1782813600' };
			const secrets = { webhookSigningKey: signingKey };
			expect(birdAdapter.verifySignature!(signed(raw.replace('delivered', 'delivery_failed'), headers), secrets)).toEqual({ ok: false, reason: 'messagebird-signature does not match' });
			expect(birdAdapter.verifySignature!(signed(raw, { ...headers, 'messagebird-request-timestamp': '1782813601' }), secrets).ok).toBe(false);
			expect(birdAdapter.verifySignature!(signed(raw, headers, 'https://evil.example/webhook/abc/delivery-status'), secrets).ok).toBe(false);
			expect(birdAdapter.verifySignature!(signed(raw, headers), { webhookSigningKey: 'another-key' }).ok).toBe(false);
			expect(birdAdapter.verifySignature!(signed(raw, { 'messagebird-request-timestamp': '1782813600' }), secrets)).toEqual({ ok: false, reason: 'missing messagebird-signature header' });
			expect(birdAdapter.verifySignature!(signed(raw, headers), {})).toEqual({ ok: false, reason: 'no Webhook Signing Key in the Bird credential' });
		});
	});
});

describe('Spryng', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(spryngHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const sms = (extra: Partial<Parameters<typeof send>[0]> = {}) => send({ adapter: spryngAdapter, channel: 'sms', credentialType: new SocialCollectionsSpryngApi(), credentials: { baseUrl: server.url, from: 'IncassoNL' }, secrets: { apiKey: SPRYNG.apiKey }, ...extra });

	test('Bearer key, recipients without +, reference = key', async () => {
		const { result } = await sms();
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${SPRYNG.apiKey}`);
		expect(JSON.parse(server.requests[0].body)).toEqual({ encoding: 'auto', body: MESSAGE.sms!.text, route: 'business', originator: 'IncassoNL', recipients: ['31612345678'], reference: IDEM });
		expect(result.outcome).toMatchObject({ kind: 'accepted', providerMessageId: '09a2f3b5-1234-4c5d-8e9f-0a1b2c3d4e5f', details: { credits: 1 } });
	});

	test('422 validation is permanent with the messages joined; 500 retried', async () => {
		server.fail({ status: 422, json: { message: 'The given data was invalid.', errors: { originator: ['The originator may not be greater than 11 characters.'] } } });
		expect((await sms()).result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorMessage: 'The given data was invalid. The originator may not be greater than 11 characters.' });
		server.fail({ status: 500, text: 'Server Error' });
		expect((await sms()).result.attempts).toBe(2);
	});

	test('legacy delivery report (GET query) and JSON form', () => {
		expect(spryngAdapter.parseStatusCallback!(callback({}, { REFERENCE: IDEM, STATUS: 'Delivered', RECIPIENT: '31612345678' }))[0]).toMatchObject({ status: 'delivered', idempotencyKey: IDEM, recipient: '31612345678' });
		expect(spryngAdapter.parseStatusCallback!(callback({ reference: IDEM, status: 'Not Delivered' }))[0]).toMatchObject({ status: 'failed' });
	});
});

describe('Sinch', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(sinchHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const sms = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: sinchAdapter, channel: 'sms', credentialType: new SocialCollectionsSinchApi(), credentials: { baseUrl: server.url, servicePlanId: SINCH.servicePlanId, from: 'IncassoNL' }, secrets: { apiToken: SINCH.apiToken }, providerOptions: { statusCallbackUrl: 'https://n8n.example.nl/webhook/s' }, ...extra });

	test('batch with per-recipient reports to the callback and client_reference = key', async () => {
		const { result } = await sms();
		expect(server.requests[0].path).toBe(`/xms/v1/${SINCH.servicePlanId}/batches`);
		expect(JSON.parse(server.requests[0].body)).toEqual({ from: 'IncassoNL', to: ['+31612345678'], body: MESSAGE.sms!.text, delivery_report: 'per_recipient', callback_url: 'https://n8n.example.nl/webhook/s', client_reference: IDEM });
		expect(result.outcome).toMatchObject({ kind: 'accepted', providerMessageId: '01FC66621XXXXX119Z8PMV1QPQ' });
	});

	test('syntax errors are permanent with Sinch\'s code; 401 auth; 503 retried', async () => {
		server.fail({ status: 400, json: { code: 'syntax_invalid_parameter_format', text: 'Invalid parameter: to' } });
		expect((await sms()).result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: 'syntax_invalid_parameter_format' });
		expect((await sms({ secrets: { apiToken: 'wrong' } })).result.outcome).toMatchObject({ reason: 'auth' });
		server.fail({ status: 503, json: { code: 'service_unavailable', text: 'try later' } });
		expect((await sms()).result.attempts).toBe(2);
	});

	test('recipient delivery reports: Delivered, Failed (final), Expired (temporary)', () => {
		const report = (status: string) => callback({ type: 'recipient_delivery_report_sms', batch_id: 'B1', recipient: '+31612345678', code: 0, status, at: '2026-06-30T10:00:10.000Z', client_reference: IDEM });
		expect(sinchAdapter.parseStatusCallback!(report('Delivered'))[0]).toMatchObject({ status: 'delivered', messageId: 'B1', idempotencyKey: IDEM });
		expect(sinchAdapter.parseStatusCallback!(report('Failed'))[0]).toMatchObject({ status: 'failed', permanent: true });
		expect(sinchAdapter.parseStatusCallback!(report('Expired'))[0]).toMatchObject({ status: 'failed', permanent: false });
	});

	describe('x-sinch-webhook-signature (HMAC callbacks of the service plan)', () => {
		// The test vector of Sinch's own .NET SDK (WebhooksTests.ValidateRequest): same scheme, body.nonce.timestamp.
		const vector = {
			secret: 'foo_secret1234',
			body: '{"app_id":"","accepted_time":"2021-10-18T17:49:13.813615Z","project_id":"e2df3a34-a71b-4448-9db5-a8d2baad28e4","contact_create_notification":{"contact":{"id":"01FJA8B466Y0R2GNXD78MD9SM1","channel_identities":[{"channel":"SMS","identity":"48123456789","app_id":""}],"display_name":"New Test Contact","email":"new.contact@email.com","external_id":"","metadata":"","language":"EN_US"}},"message_metadata":""}',
			headers: { 'x-sinch-webhook-signature-nonce': '01FJA8B4A7BM43YGWSG9GBV067', 'x-sinch-webhook-signature-timestamp': '1634579353', 'x-sinch-webhook-signature': '6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=' } as Record<string, string>,
		};
		const signed = (body: string, headers: Record<string, string>) => ({ ...callback(JSON.parse(body) as Record<string, unknown>), rawBody: body, headers });

		test("Sinch's published test vector verifies, with and without the algorithm header", () => {
			expect(sinchAdapter.verifySignature!(signed(vector.body, vector.headers), { webhookSecret: vector.secret })).toEqual({ ok: true });
			expect(sinchAdapter.verifySignature!(signed(vector.body, { ...vector.headers, 'x-sinch-webhook-signature-algorithm': 'HmacSHA256' }), { webhookSecret: vector.secret }).ok).toBe(true);
		});

		test('a delivery report signed with HmacSHA512 verifies; tampering, a wrong secret, another nonce or an unknown algorithm do not', () => {
			const raw = JSON.stringify({ type: 'recipient_delivery_report_sms', batch_id: 'B1', recipient: '+31612345678', code: 0, status: 'Delivered', at: '2026-06-30T10:00:10.000Z', client_reference: IDEM });
			const headers = { 'x-sinch-webhook-signature-nonce': 'N1', 'x-sinch-webhook-signature-timestamp': '1782813600', 'x-sinch-webhook-signature-algorithm': 'HmacSHA512' };
			const signature = createHmac('sha512', 'sinch-secret').update(`${raw}.N1.1782813600`).digest('base64');
			const secrets = { webhookSecret: 'sinch-secret' };
			expect(sinchAdapter.verifySignature!(signed(raw, { ...headers, 'x-sinch-webhook-signature': signature }), secrets)).toEqual({ ok: true });
			expect(sinchAdapter.verifySignature!(signed(raw.replace('Delivered', 'Failed'), { ...headers, 'x-sinch-webhook-signature': signature }), secrets)).toEqual({ ok: false, reason: 'x-sinch-webhook-signature does not match' });
			expect(sinchAdapter.verifySignature!(signed(raw, { ...headers, 'x-sinch-webhook-signature': signature }), { webhookSecret: 'other' }).ok).toBe(false);
			expect(sinchAdapter.verifySignature!(signed(raw, { ...headers, 'x-sinch-webhook-signature-nonce': 'N2', 'x-sinch-webhook-signature': signature }), secrets).ok).toBe(false);
			expect(sinchAdapter.verifySignature!(signed(raw, { ...headers, 'x-sinch-webhook-signature-algorithm': 'HmacMD5', 'x-sinch-webhook-signature': signature }), secrets)).toEqual({ ok: false, reason: 'unsupported x-sinch-webhook-signature-algorithm "HmacMD5"' });
			expect(sinchAdapter.verifySignature!(signed(raw, headers), secrets)).toEqual({ ok: false, reason: 'missing x-sinch-webhook-signature header' });
		});
	});
});
