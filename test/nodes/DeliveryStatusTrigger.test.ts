/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The Delivery Status Trigger's webhook() with a mocked IWebhookFunctions: signed callbacks start
 * the workflow with normalised events, bad signatures get 401 and start nothing, unsigned providers
 * are refused until the credential has a token (or Postmark basic auth), Meta's GET handshake, and the status filter.
 */
import { createHash, createHmac } from 'node:crypto';
import { mockDeep } from 'jest-mock-extended';
import type { IWebhookFunctions } from 'n8n-workflow';

import { DeliveryStatusTrigger } from '../../nodes/DeliveryStatusTrigger/DeliveryStatusTrigger.node';
import { CREDITOR } from '../fixtures/providers/creditor';
import { META } from '../fixtures/providers/meta';
import { PINGEN_VECTORS } from '../fixtures/providers/signatureVectors';
import { TWILIO } from '../fixtures/providers/twilio';

const URL_BASE = 'https://n8n.example.nl/webhook/abc/delivery-status';
/** Not a secret: a value for the test only. */
const SHARED = ['postmark', 'url', 'test'].join('-');

interface Call {
	provider: string;
	webhook?: 'default' | 'setup';
	rawBody?: string;
	body?: Record<string, unknown>;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	options?: Record<string, unknown>;
	credentials?: Record<string, unknown>;
}

function call(spec: Call) {
	const ctx = mockDeep<IWebhookFunctions>();
	const response = { status: jest.fn(), json: jest.fn(), type: jest.fn(), send: jest.fn(), end: jest.fn() };
	for (const fn of [response.status, response.json, response.type, response.send]) fn.mockReturnValue(response);
	const query = spec.query ?? {};
	const search = new URLSearchParams(query).toString();
	ctx.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) => (name === 'provider' ? spec.provider : name === 'options' ? (spec.options ?? {}) : fallback)) as never);
	ctx.getWebhookName.mockReturnValue(spec.webhook ?? 'default');
	ctx.getQueryData.mockReturnValue(query);
	ctx.getHeaderData.mockReturnValue(spec.headers ?? {});
	ctx.getBodyData.mockReturnValue((spec.body ?? {}) as never);
	ctx.getRequestObject.mockReturnValue({ rawBody: Buffer.from(spec.rawBody ?? ''), originalUrl: `/webhook/abc/delivery-status${search ? `?${search}` : ''}` } as never);
	ctx.getResponseObject.mockReturnValue(response as never);
	ctx.getNodeWebhookUrl.mockReturnValue(URL_BASE);
	ctx.getNode.mockReturnValue({ name: 'Delivery status' } as never);
	ctx.getCredentials.mockResolvedValue((spec.credentials ?? {}) as never);
	return { ctx, response, run: () => new DeliveryStatusTrigger().webhook.call(ctx) };
}

describe('Delivery Status Trigger', () => {
	test('description: a trigger with no inputs, the GET setup and POST webhooks on one path', () => {
		const { description } = new DeliveryStatusTrigger();
		expect(description.inputs).toEqual([]);
		expect(description.webhooks?.map((w) => [w.name, w.httpMethod, w.path])).toEqual([
			['setup', 'GET', 'delivery-status'],
			['default', 'POST', 'delivery-status'],
		]);
	});

	test('a correctly signed Twilio report starts the workflow with the normalised event', async () => {
		const params = { MessageSid: 'SM1', MessageStatus: 'delivered', To: '+31612345678', From: 'IncassoNL' };
		const url = `${URL_BASE}?sc_key=sc1-abc`;
		const signature = createHmac('sha1', TWILIO.authToken).update(Object.keys(params).sort().reduce((acc, k) => acc + k + params[k as keyof typeof params], url)).digest('base64');
		const raw = new URLSearchParams(params).toString();
		const { run, response } = call({ provider: 'twilio', rawBody: raw, body: params, query: { sc_key: 'sc1-abc' }, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, credentials: { authToken: TWILIO.authToken } });
		const result = await run();
		expect(response.status).not.toHaveBeenCalled();
		expect(result.workflowData![0]).toEqual([{ json: expect.objectContaining({ provider: 'twilio', messageId: 'SM1', idempotencyKey: 'sc1-abc', status: 'delivered', verified: true }) }]);

		const tampered = call({ provider: 'twilio', rawBody: raw.replace('delivered', 'failed'), query: { sc_key: 'sc1-abc' }, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, credentials: { authToken: TWILIO.authToken } });
		const rejected = await tampered.run();
		expect(rejected).toEqual({ noWebhookResponse: true });
		expect(tampered.response.status).toHaveBeenCalledWith(401);
	});

	test('a Twilio JSON report: the body must match bodySHA256 of the signed URL; a swapped body gets 401 and starts nothing', async () => {
		const raw = JSON.stringify({ MessageSid: 'SM1', MessageStatus: 'delivered', To: '+31612345678' });
		const query = { sc_key: 'sc1-abc', bodySHA256: createHash('sha256').update(raw).digest('hex') };
		const signature = createHmac('sha1', TWILIO.authToken).update(`${URL_BASE}?${new URLSearchParams(query).toString()}`).digest('base64');
		const headers = { 'content-type': 'application/json', 'x-twilio-signature': signature };
		const ok = await call({ provider: 'twilio', rawBody: raw, body: JSON.parse(raw) as Record<string, unknown>, query, headers, credentials: { authToken: TWILIO.authToken } }).run();
		expect(ok.workflowData![0][0].json).toMatchObject({ messageId: 'SM1', status: 'delivered', verified: true });
		const swappedRaw = JSON.stringify({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30005', To: '+31612345678' });
		const swapped = call({ provider: 'twilio', rawBody: swappedRaw, body: JSON.parse(swappedRaw) as Record<string, unknown>, query, headers, credentials: { authToken: TWILIO.authToken } });
		expect(await swapped.run()).toEqual({ noWebhookResponse: true });
		expect(swapped.response.status).toHaveBeenCalledWith(401);
	});

	test('the generic webhook: signed events pass, the status filter applies, a wrong signature gets 401', async () => {
		const now = Math.floor(Date.now() / 1000);
		const body = { events: [{ idempotencyKey: 'k1', status: 'delivered', channel: 'letter' }, { idempotencyKey: 'k2', status: 'read', channel: 'email' }] };
		const raw = JSON.stringify(body);
		const signature = `sha256=${createHmac('sha256', CREDITOR.signingSecret).update(`${now}.${raw}`).digest('hex')}`;
		const headers = { 'content-type': 'application/json', 'x-signature': signature, 'x-signature-timestamp': String(now) };
		const ok = await call({ provider: 'webhook', rawBody: raw, body, headers, credentials: { signingSecret: CREDITOR.signingSecret }, options: { statuses: ['delivered'] } }).run();
		expect(ok.workflowData![0].map((item) => [item.json.idempotencyKey, item.json.status])).toEqual([['k1', 'delivered']]);
		const bad = call({ provider: 'webhook', rawBody: raw, body, headers: { ...headers, 'x-signature': 'sha256=00' }, credentials: { signingSecret: CREDITOR.signingSecret } });
		await bad.run();
		expect(bad.response.status).toHaveBeenCalledWith(401);
	});

	test('unsigned providers: refused by default with what to configure; the token or basic auth from the credential lets a report in', async () => {
		const body = { RecordType: 'Delivery', MessageID: 'm1', Metadata: { sc_key: 'k' } };
		const raw = JSON.stringify(body);
		const headers = { 'content-type': 'application/json' };
		for (const provider of ['postmark', 'cm', 'spryng']) {
			const unprotected = call({ provider, rawBody: raw, body, headers, credentials: { serverToken: 'x' } });
			expect(await unprotected.run()).toEqual({ noWebhookResponse: true });
			expect(unprotected.response.status).toHaveBeenCalledWith(401);
			expect(unprotected.response.json.mock.calls[0][0].error).toMatch(/Report URL Token.*\?token=/);
			expect(unprotected.ctx.logger.warn).toHaveBeenCalledWith(expect.stringMatching(/refused a report \(401\).*Report URL Token/));
		}
		// A token somewhere else than the credential (the old node option) counts for nothing.
		const legacy = call({ provider: 'postmark', rawBody: raw, body, headers, query: { token: SHARED }, options: { urlToken: SHARED } });
		await legacy.run();
		expect(legacy.response.status).toHaveBeenCalledWith(401);

		const wrong = call({ provider: 'postmark', rawBody: raw, body, headers, query: { token: 'nope' }, credentials: { reportToken: SHARED } });
		await wrong.run();
		expect(wrong.response.status).toHaveBeenCalledWith(401);
		expect(wrong.response.json.mock.calls[0][0].error).toBe('not authenticated: missing or wrong token');
		const right = await call({ provider: 'postmark', rawBody: raw, body, headers, query: { token: SHARED }, credentials: { reportToken: SHARED } }).run();
		expect(right.workflowData![0][0].json).toMatchObject({ provider: 'postmark', status: 'delivered', idempotencyKey: 'k', verified: true, authenticatedBy: 'token' });

		const basic = (user: string, password: string) => ({ ...headers, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
		const credentials = { reportUser: 'postmark', reportPassword: SHARED };
		const basicOk = await call({ provider: 'postmark', rawBody: raw, body, headers: basic('postmark', SHARED), credentials }).run();
		expect(basicOk.workflowData![0][0].json).toMatchObject({ status: 'delivered', authenticatedBy: 'basic-auth' });
		for (const bad of [basic('postmark', 'nope'), basic('other', SHARED), headers]) {
			const refused = call({ provider: 'postmark', rawBody: raw, body, headers: bad, credentials });
			await refused.run();
			expect(refused.response.status).toHaveBeenCalledWith(401);
		}
		// Basic auth is Postmark's; CM.com's credential has no such fields and the trigger reads none.
		const cmBasic = call({ provider: 'cm', rawBody: raw, body, headers: basic('postmark', SHARED), credentials });
		await cmBasic.run();
		expect(cmBasic.response.status).toHaveBeenCalledWith(401);
	});

	test('a provider that always signs: without its secret every report is refused, a URL token does not replace it', async () => {
		const body = { signature: {}, 'event-data': { event: 'delivered' } };
		const refused = call({ provider: 'mailgun', rawBody: JSON.stringify(body), body, headers: { 'content-type': 'application/json' }, query: { token: SHARED }, credentials: { apiKey: 'k', reportToken: SHARED } });
		await refused.run();
		expect(refused.response.status).toHaveBeenCalledWith(401);
		expect(refused.response.json.mock.calls[0][0].error).toMatch(/set "Webhook Signing Key" in the Mailgun credential/);
	});

	test('Mailgun: a signature accepted once cannot carry another body; the same report again runs again (a resent report whose run failed)', async () => {
		const signingKey = 'mailgun-signing-key-for-tests';
		const timestamp = String(Math.floor(Date.now() / 1000));
		const token = `mg-token-${Date.now()}`;
		const signature = { timestamp, token, signature: createHmac('sha256', signingKey).update(`${timestamp}${token}`).digest('hex') };
		const report = (event: Record<string, unknown>) => {
			const body = { signature, 'event-data': { timestamp: Number(timestamp), 'user-variables': { sc_key: 'sc1-mg' }, ...event } };
			return call({ provider: 'mailgun', rawBody: JSON.stringify(body), body, headers: { 'content-type': 'application/json' }, credentials: { apiKey: 'k', webhookSigningKey: signingKey } });
		};
		const ok = await report({ event: 'delivered' }).run();
		expect(ok.workflowData![0][0].json).toMatchObject({ provider: 'mailgun', status: 'delivered', authenticatedBy: 'signature' });
		const again = await report({ event: 'delivered' }).run();
		expect(again.workflowData![0][0].json).toMatchObject({ provider: 'mailgun', status: 'delivered', authenticatedBy: 'signature' });
		const swapped = report({ event: 'failed', severity: 'permanent' });
		expect(await swapped.run()).toEqual({ noWebhookResponse: true });
		expect(swapped.response.status).toHaveBeenCalledWith(401);
	});

	test('Bird: a notification signed with the subscription key passes, a tampered one gets 401; without a key the URL token applies', async () => {
		const signingKey = 'bird-signing-key-for-tests';
		const body = { service: 'channels', event: 'sms.outbound', payload: { id: 'm1', status: 'delivered', reference: 'sc1-b' } };
		const raw = JSON.stringify(body);
		const at = String(Math.floor(Date.now() / 1000));
		const signature = createHmac('sha256', signingKey).update(Buffer.concat([Buffer.from(`${at}\n${URL_BASE}\n`), createHash('sha256').update(raw).digest()])).digest('base64');
		const headers = { 'content-type': 'application/json', 'messagebird-signature': signature, 'messagebird-request-timestamp': at };
		const ok = await call({ provider: 'bird', rawBody: raw, body, headers, credentials: { accessKey: 'k', webhookSigningKey: signingKey } }).run();
		expect(ok.workflowData![0][0].json).toMatchObject({ provider: 'bird', messageId: 'm1', idempotencyKey: 'sc1-b', status: 'delivered', verified: true });
		const tampered = call({ provider: 'bird', rawBody: raw.replace('delivered', 'delivery_failed'), body, headers, credentials: { accessKey: 'k', webhookSigningKey: signingKey } });
		await tampered.run();
		expect(tampered.response.status).toHaveBeenCalledWith(401);
		// No signing key and no token: refused rather than trusted.
		const unprotected = call({ provider: 'bird', rawBody: raw, body, headers: { 'content-type': 'application/json' }, credentials: { accessKey: 'k' } });
		await unprotected.run();
		expect(unprotected.response.status).toHaveBeenCalledWith(401);
		const token = await call({ provider: 'bird', rawBody: raw, body, query: { token: SHARED }, credentials: { accessKey: 'k', reportToken: SHARED } }).run();
		expect(token.workflowData![0][0].json).toMatchObject({ status: 'delivered', verified: true, authenticatedBy: 'token' });
		// With the signing key set the signature decides: a token does not let an unsigned report in.
		const unsigned = call({ provider: 'bird', rawBody: raw, body, query: { token: SHARED }, credentials: { accessKey: 'k', webhookSigningKey: signingKey, reportToken: SHARED } });
		await unsigned.run();
		expect(unsigned.response.status).toHaveBeenCalledWith(401);
	});

	test('Sinch: an HMAC-signed delivery report passes, a tampered one gets 401', async () => {
		const body = { type: 'recipient_delivery_report_sms', batch_id: 'B1', recipient: '+31612345678', code: 0, status: 'Delivered', at: '2026-06-30T10:00:10.000Z', client_reference: 'sc1-s' };
		const raw = JSON.stringify(body);
		const nonce = '01FJA8B4A7BM43YGWSG9GBV067';
		const at = String(Math.floor(Date.now() / 1000));
		const signature = createHmac('sha256', 'sinch-callback-secret').update(`${raw}.${nonce}.${at}`).digest('base64');
		const headers = { 'content-type': 'application/json', 'x-sinch-webhook-signature': signature, 'x-sinch-webhook-signature-nonce': nonce, 'x-sinch-webhook-signature-timestamp': at, 'x-sinch-webhook-signature-algorithm': 'HmacSHA256' };
		const ok = await call({ provider: 'sinch', rawBody: raw, body, headers, credentials: { apiToken: 't', webhookSecret: 'sinch-callback-secret' } }).run();
		expect(ok.workflowData![0][0].json).toMatchObject({ provider: 'sinch', messageId: 'B1', idempotencyKey: 'sc1-s', status: 'delivered', verified: true });
		const tampered = call({ provider: 'sinch', rawBody: raw.replace('Delivered', 'Failed'), body, headers, credentials: { apiToken: 't', webhookSecret: 'sinch-callback-secret' } });
		await tampered.run();
		expect(tampered.response.status).toHaveBeenCalledWith(401);
	});

	test('Pingen: a report sent as application/vnd.api+json (which n8n leaves unparsed) is read from the raw body', async () => {
		const { python } = PINGEN_VECTORS;
		// n8n parses only application/json: for Pingen's media type getBodyData() is {}.
		const headers = { 'content-type': 'application/vnd.api+json', signature: python.signature };
		const ok = await call({ provider: 'pingen', rawBody: python.body, body: {}, headers, credentials: { webhookSecret: python.secret } }).run();
		expect(ok.workflowData![0]).toEqual([
			{ json: expect.objectContaining({ provider: 'pingen', channel: 'letter', messageId: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', status: 'failed', providerStatus: 'webhook_issues', errorMessage: 'Page limit exceeded', verified: true }) },
		]);
		const charset = await call({ provider: 'pingen', rawBody: python.body, body: {}, headers: { ...headers, 'content-type': 'application/vnd.api+json; charset=utf-8' }, credentials: { webhookSecret: python.secret } }).run();
		expect(charset.workflowData![0][0].json).toMatchObject({ status: 'failed', verified: true });
		const forged = call({ provider: 'pingen', rawBody: python.body.replace('webhook_issues', 'webhook_delivered'), body: {}, headers, credentials: { webhookSecret: python.secret } });
		expect(await forged.run()).toEqual({ noWebhookResponse: true });
		expect(forged.response.status).toHaveBeenCalledWith(401);
	});

	test('a signed body that claims JSON but is not gets 400 and starts nothing', async () => {
		const raw = '{"data": ';
		const signature = createHmac('sha256', PINGEN_VECTORS.php.secret).update(raw).digest('hex');
		const broken = call({ provider: 'pingen', rawBody: raw, headers: { 'content-type': 'application/vnd.api+json', signature }, credentials: { webhookSecret: PINGEN_VECTORS.php.secret } });
		expect(await broken.run()).toEqual({ noWebhookResponse: true });
		expect(broken.response.status).toHaveBeenCalledWith(400);
	});

	test("Meta's GET handshake echoes hub.challenge for the right verify token only", async () => {
		const ok = call({ provider: 'metaWhatsApp', webhook: 'setup', query: { 'hub.mode': 'subscribe', 'hub.verify_token': META.verifyToken, 'hub.challenge': '1158201444' }, credentials: { verifyToken: META.verifyToken, appSecret: META.appSecret } });
		expect(await ok.run()).toEqual({ noWebhookResponse: true });
		expect(ok.response.status).toHaveBeenCalledWith(200);
		expect(ok.response.send).toHaveBeenCalledWith('1158201444');
		const wrong = call({ provider: 'metaWhatsApp', webhook: 'setup', query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'x', 'hub.challenge': '1' }, credentials: { verifyToken: META.verifyToken } });
		await wrong.run();
		expect(wrong.response.status).toHaveBeenCalledWith(403);
	});

	test('Spryng legacy GET delivery report is read from the query, with the token from the credential', async () => {
		const query = { REFERENCE: 'sc1-x', STATUS: 'Delivered', RECIPIENT: '31612345678' };
		const result = await call({ provider: 'spryng', webhook: 'setup', query: { ...query, token: SHARED }, credentials: { apiKey: 'k', reportToken: SHARED } }).run();
		expect(result.workflowData![0][0].json).toMatchObject({ provider: 'spryng', status: 'delivered', idempotencyKey: 'sc1-x', verified: true, authenticatedBy: 'token' });
		const unprotected = call({ provider: 'spryng', webhook: 'setup', query, credentials: { apiKey: 'k', reportToken: SHARED } });
		await unprotected.run();
		expect(unprotected.response.status).toHaveBeenCalledWith(401);
	});

	test('every provider the trigger offers has a credential, so no report is taken without one', () => {
		const { description } = new DeliveryStatusTrigger();
		const providers = (description.properties.find((p) => p.name === 'provider')!.options as Array<{ value: string }>).map((o) => o.value);
		const covered = description.credentials!.flatMap((c) => (c.displayOptions?.show?.provider as string[]) ?? []);
		expect(covered.sort()).toEqual(providers.sort());
		expect(JSON.stringify(description.properties)).not.toMatch(/urlToken/);
	});
});
