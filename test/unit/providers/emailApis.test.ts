/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/** SendGrid, Postmark and Mailgun against loopback servers: exact requests, errors, retries, callbacks and signatures. */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

import { SocialCollectionsMailgunApi } from '../../../credentials/SocialCollectionsMailgunApi.credentials';
import { SocialCollectionsPostmarkApi } from '../../../credentials/SocialCollectionsPostmarkApi.credentials';
import { SocialCollectionsSendGridApi } from '../../../credentials/SocialCollectionsSendGridApi.credentials';
import { mailgunAdapter, mailgunBaseUrl } from '../../../nodes/shared/providers/adapters/mailgun';
import { postmarkAdapter } from '../../../nodes/shared/providers/adapters/postmark';
import { sendGridAdapter } from '../../../nodes/shared/providers/adapters/sendgrid';
import { MAILGUN, POSTMARK, SENDGRID, mailgunHandler, multipart, postmarkHandler, sendGridHandler } from '../../fixtures/providers/emailApis';
import { DEBTOR, IDEM, MESSAGE, MESSAGE_WITH_QR, QR_PNG_BASE64, send } from '../../fixtures/providers/harness';
import { LoopbackServer, form } from '../../fixtures/providers/server';

const NOW = Date.parse('2026-06-30T10:00:00Z');
const callback = (body: unknown, headers: Record<string, string | undefined> = {}, rawBody = JSON.stringify(body)) => ({ method: 'POST', url: 'https://n8n/webhook', headers, rawBody, query: {}, body: body as Record<string, unknown>, now: NOW });

describe('SendGrid', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(sendGridHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const mail = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: sendGridAdapter, channel: 'email', credentialType: new SocialCollectionsSendGridApi(), credentials: { baseUrl: server.url, from: 'incasso@example.nl', fromName: 'Incasso NL' }, secrets: { apiKey: SENDGRID.apiKey }, ...extra });

	test('the v3 mail/send body, Bearer key, 202 with X-Message-Id', async () => {
		const { result } = await mail();
		const [request] = server.requests;
		expect(request.path).toBe('/v3/mail/send');
		expect(request.headers.authorization).toBe(`Bearer ${SENDGRID.apiKey}`);
		expect(JSON.parse(request.body)).toEqual({
			personalizations: [{ to: [{ email: DEBTOR.email, name: 'Jan de Vries' }], custom_args: { sc_key: IDEM } }],
			from: { email: 'incasso@example.nl', name: 'Incasso NL' },
			subject: MESSAGE.subject,
			content: [
				{ type: 'text/plain', value: MESSAGE.text },
				{ type: 'text/html', value: MESSAGE.html },
			],
			headers: { 'X-Idempotency-Key': IDEM },
		});
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'queued', providerStatus: 'http-202' });
		expect(String(result.outcome.providerMessageId)).toMatch(/^[A-Za-z0-9_-]{15}$/);
	});

	test('400 is permanent with the field named; 401 is auth; 429 and 503 are retried', async () => {
		const invalid = await mail({ recipient: { ...DEBTOR, email: '' } });
		expect(invalid.result.outcome).toMatchObject({ code: 'no-contact-data' });
		server.fail({ status: 400, json: { errors: [{ field: 'from.email', message: 'The from email does not contain a valid address.' }] } });
		const bad = await mail();
		expect(bad.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: 'http-400', errorMessage: 'from.email: The from email does not contain a valid address.' });
		const unauthorised = await mail({ secrets: { apiKey: 'wrong' } });
		expect(unauthorised.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', reason: 'auth' });
		server.fail({ status: 429, headers: { 'retry-after': '3' }, json: { errors: [{ message: 'too many requests' }] } });
		server.fail({ status: 503, json: {} });
		const retried = await mail();
		expect(retried.sleeps).toEqual([3000, 1500]);
		expect(retried.result.outcome.kind).toBe('accepted');
	});

	test('the QR code goes along as an inline attachment with the content_id the HTML shows', async () => {
		const { result } = await mail({ message: MESSAGE_WITH_QR });
		const body = JSON.parse(server.requests[0].body);
		expect(body.content[1]).toEqual({ type: 'text/html', value: MESSAGE_WITH_QR.html });
		expect(body.attachments).toEqual([{ content: QR_PNG_BASE64, type: 'image/png', filename: 'betalen-qr.png', disposition: 'inline', content_id: 'epc-qr' }]);
		expect(result.outcome.kind).toBe('accepted');
	});

	test('an HTML image without its attachment, or an attachment that is not base64, is never sent', async () => {
		const missing = await mail({ message: { ...MESSAGE_WITH_QR, attachments: [] } });
		expect(missing.result.outcome).toMatchObject({ field: 'message.attachments', message: 'the HTML shows cid:epc-qr but no attachment has that Content-ID' });
		const broken = await mail({ message: { ...MESSAGE_WITH_QR, attachments: [{ ...MESSAGE_WITH_QR.attachments![0], contentBase64: 'not base64!' }] } });
		expect(broken.result.outcome).toMatchObject({ field: 'message.attachments[0].contentBase64' });
		expect(server.requests).toHaveLength(0);
	});

	test('signed Event Webhook (ECDSA P-256): verified, tampering caught, events normalised', () => {
		const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
		const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
		const events = [
			{ email: DEBTOR.email, timestamp: 1782813900, event: 'delivered', sg_message_id: 'abc123.filterdrecv-1', sc_key: IDEM, response: '250 OK' },
			{ email: DEBTOR.email, timestamp: 1782813960, event: 'bounce', type: 'bounce', status: '5.1.1', reason: 'mailbox does not exist', sg_message_id: 'def456.filter', sc_key: IDEM },
			{ email: DEBTOR.email, timestamp: 1782814000, event: 'spamreport', sg_message_id: 'abc123.x' },
		];
		const raw = JSON.stringify(events);
		const timestamp = '1782814001';
		const signature = sign('sha256', Buffer.from(timestamp + raw), privateKey).toString('base64');
		const headers = { 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': timestamp };
		// The key as SendGrid shows it: base64 DER without PEM armour.
		const bare = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
		expect(sendGridAdapter.verifySignature!(callback(events, headers), { webhookPublicKey: bare })).toEqual({ ok: true });
		expect(sendGridAdapter.verifySignature!(callback(events, headers, raw.replace('delivered', 'open')), { webhookPublicKey: pem }).ok).toBe(false);
		expect(sendGridAdapter.verifySignature!(callback(events, { ...headers, 'x-twilio-email-event-webhook-timestamp': '1782814002' }), { webhookPublicKey: pem }).ok).toBe(false);
		expect(sendGridAdapter.parseStatusCallback!(callback(events)).map((e) => [e.messageId, e.status, e.idempotencyKey, e.permanent])).toEqual([
			['abc123', 'delivered', IDEM, undefined],
			['def456', 'bounced', IDEM, true],
			['abc123', 'opted-out', undefined, undefined],
		]);
	});
});

describe('Postmark', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(postmarkHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const mail = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: postmarkAdapter, channel: 'email', credentialType: new SocialCollectionsPostmarkApi(), credentials: { baseUrl: server.url, from: 'incasso@example.nl', fromName: 'Incasso NL' }, secrets: { serverToken: POSTMARK.serverToken }, ...extra });

	test('the /email body on the transactional stream, MessageID back', async () => {
		const { result } = await mail();
		const [request] = server.requests;
		expect(request.headers['x-postmark-server-token']).toBe(POSTMARK.serverToken);
		expect(JSON.parse(request.body)).toEqual({
			From: 'Incasso NL <incasso@example.nl>',
			To: DEBTOR.email,
			Subject: MESSAGE.subject,
			HtmlBody: MESSAGE.html,
			TextBody: MESSAGE.text,
			MessageStream: 'outbound',
			Headers: [{ Name: 'X-Idempotency-Key', Value: IDEM }],
			Metadata: { sc_key: IDEM },
		});
		expect(result.outcome).toMatchObject({ kind: 'accepted', providerMessageId: 'b7bc2f4a-e38e-4336-af7d-e6c392c2f817', providerStatus: 'OK' });
	});

	test('the QR code goes along in Attachments with ContentID "cid:epc-qr"', async () => {
		const { result } = await mail({ message: MESSAGE_WITH_QR });
		const body = JSON.parse(server.requests[0].body);
		expect(body.HtmlBody).toBe(MESSAGE_WITH_QR.html);
		expect(body.Attachments).toEqual([{ Name: 'betalen-qr.png', Content: QR_PNG_BASE64, ContentType: 'image/png', ContentID: 'cid:epc-qr' }]);
		expect(result.outcome.kind).toBe('accepted');
	});

	test('406 inactive recipient is permanent (bounced); 10 is a bad token; 500 is retried', async () => {
		const inactive = await mail({ recipient: { ...DEBTOR, email: POSTMARK.inactive } });
		expect(inactive.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '406', reason: 'bounced' });
		const token = await mail({ secrets: { serverToken: 'wrong' } });
		expect(token.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '10', reason: 'auth' });
		server.fail({ status: 500, json: { ErrorCode: 500, Message: 'Internal Server Error' } });
		const retried = await mail();
		expect(retried.result.attempts).toBe(2);
		expect(retried.result.outcome.kind).toBe('accepted');
	});

	test('webhooks: delivery, hard and soft bounces, spam complaint', () => {
		expect(postmarkAdapter.parseStatusCallback!(callback({ RecordType: 'Delivery', MessageID: 'm1', Recipient: DEBTOR.email, DeliveredAt: '2026-06-30T10:01:00Z', Metadata: { sc_key: IDEM } }))[0]).toMatchObject({ status: 'delivered', messageId: 'm1', idempotencyKey: IDEM, time: '2026-06-30T10:01:00Z' });
		expect(postmarkAdapter.parseStatusCallback!(callback({ RecordType: 'Bounce', Type: 'HardBounce', TypeCode: 1, MessageID: 'm2', Email: DEBTOR.email, BouncedAt: '2026-06-30T10:02:00Z', Description: 'The server was unable to deliver your message' }))[0]).toMatchObject({ status: 'bounced', permanent: true, errorCode: '1' });
		expect(postmarkAdapter.parseStatusCallback!(callback({ RecordType: 'Bounce', Type: 'SoftBounce', MessageID: 'm3' }))[0]).toMatchObject({ status: 'failed', permanent: false });
		expect(postmarkAdapter.parseStatusCallback!(callback({ RecordType: 'SpamComplaint', MessageID: 'm4' }))[0]).toMatchObject({ status: 'opted-out' });
	});
});

describe('Mailgun', () => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(mailgunHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());
	const mail = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: mailgunAdapter, channel: 'email', credentialType: new SocialCollectionsMailgunApi(), credentials: { baseUrl: server.url, domain: MAILGUN.domain, region: 'eu', from: 'incasso@mg.example.nl' }, secrets: { apiKey: MAILGUN.apiKey }, ...extra });

	test('region picks the API host: EU and US', () => {
		expect(mailgunBaseUrl({ region: 'eu' })).toBe('https://api.eu.mailgun.net');
		expect(mailgunBaseUrl({ region: 'us' })).toBe('https://api.mailgun.net');
		expect(new SocialCollectionsMailgunApi().test.request.baseURL).toContain('https://api.eu.mailgun.net');
	});

	test('Basic api:key, form fields with the key as custom variable, id back without brackets', async () => {
		const { result } = await mail();
		const [request] = server.requests;
		expect(request.path).toBe(`/v3/${MAILGUN.domain}/messages`);
		expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`api:${MAILGUN.apiKey}`).toString('base64')}`);
		expect(Object.entries(form(request.body))).toEqual([
			['from', 'incasso@mg.example.nl'],
			['to', DEBTOR.email],
			['subject', MESSAGE.subject],
			['text', MESSAGE.text],
			['html', MESSAGE.html],
			['h:X-Idempotency-Key', IDEM],
			['v:sc_key', IDEM],
		]);
		expect(String(result.outcome.providerMessageId)).toMatch(/^20260630100000\.[0-9a-f]{12}@mg\.example\.nl$/);
	});

	test('with the QR code: multipart/form-data, the PNG as an `inline` part named after the cid the HTML shows', async () => {
		const { result } = await mail({ message: MESSAGE_WITH_QR });
		const [request] = server.requests;
		expect(request.headers['content-type']).toBe(`multipart/form-data; boundary=sc-${IDEM}`);
		const { fields, files } = multipart(request);
		expect(fields).toEqual({ from: 'incasso@mg.example.nl', to: DEBTOR.email, subject: MESSAGE.subject, text: MESSAGE.text, html: MESSAGE_WITH_QR.html, 'h:X-Idempotency-Key': IDEM, 'v:sc_key': IDEM });
		expect(files).toHaveLength(1);
		expect(files[0]).toMatchObject({ field: 'inline', filename: 'epc-qr', contentType: 'image/png' });
		expect(files[0].bytes.equals(Buffer.from(QR_PNG_BASE64, 'base64'))).toBe(true);
		expect(result.outcome.kind).toBe('accepted');
	});

	test('401 plain-text Forbidden is an auth failure; 400 permanent; 429 retried', async () => {
		const forbidden = await mail({ secrets: { apiKey: 'wrong' } });
		expect(forbidden.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorMessage: 'Forbidden', reason: 'auth' });
		server.fail({ status: 400, json: { message: "to parameter is not a valid address. please check documentation" } });
		expect((await mail()).result.outcome).toMatchObject({ permanence: 'permanent', httpStatus: 400 });
		server.fail({ status: 429, headers: { 'retry-after': '1' }, json: { message: 'rate limited' } });
		const retried = await mail();
		expect(retried.sleeps).toEqual([1000]);
		expect(retried.result.outcome.kind).toBe('accepted');
	});

	test('webhook signature in the body: verified, tampered token or timestamp rejected; events normalised', () => {
		const timestamp = String(NOW / 1000);
		const token = 'a'.repeat(50);
		const signature = createHmac('sha256', MAILGUN.signingKey).update(timestamp + token).digest('hex');
		const body = {
			signature: { timestamp, token, signature },
			'event-data': { event: 'failed', severity: 'permanent', timestamp: NOW / 1000, recipient: DEBTOR.email, message: { headers: { 'message-id': 'x@mg.example.nl' } }, 'user-variables': { sc_key: IDEM }, 'delivery-status': { code: 550, description: 'No such mailbox' } },
		};
		expect(mailgunAdapter.verifySignature!(callback(body), { webhookSigningKey: MAILGUN.signingKey })).toEqual({ ok: true });
		expect(mailgunAdapter.verifySignature!(callback({ ...body, signature: { ...body.signature, token: 'b'.repeat(50) } }), { webhookSigningKey: MAILGUN.signingKey }).ok).toBe(false);
		expect(mailgunAdapter.verifySignature!({ ...callback(body), now: NOW + 3_600_000 }, { webhookSigningKey: MAILGUN.signingKey }).ok).toBe(false);
		expect(mailgunAdapter.parseStatusCallback!(callback(body))[0]).toMatchObject({ status: 'bounced', permanent: true, messageId: 'x@mg.example.nl', idempotencyKey: IDEM, errorCode: '550', errorMessage: 'No such mailbox' });
	});
});
