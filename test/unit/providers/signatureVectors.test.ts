/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * Every provider that publishes signature test vectors, against our own signature functions and
 * adapters: each vector by its name in the provider's SDK tests (sources in the fixture file).
 * Bird, CM.com, Postmark and Spryng publish none (see docs/channels).
 */
import { createHmac } from 'node:crypto';

import { mailgunAdapter } from '../../../nodes/shared/providers/adapters/mailgun';
import { metaWhatsAppAdapter } from '../../../nodes/shared/providers/adapters/metaWhatsApp';
import { pingenAdapter } from '../../../nodes/shared/providers/adapters/pingen';
import { sendGridAdapter } from '../../../nodes/shared/providers/adapters/sendgrid';
import { sinchAdapter } from '../../../nodes/shared/providers/adapters/sinch';
import { twilioSmsAdapter } from '../../../nodes/shared/providers/adapters/twilio';
import { readCallbackBody, verifyHexBodyHmac, verifyMailgun, verifyMeta, verifySendGrid, verifySinch, verifyTwilio, verifyTwilioWithBody, type CallbackRequest } from '../../../nodes/shared/providers';
import { MAILGUN_VECTORS, META_VECTORS, PINGEN_VECTORS, SENDGRID_VECTORS, SINCH_VECTORS, TWILIO_VECTORS as T } from '../../fixtures/providers/signatureVectors';

const callback = (extra: Partial<CallbackRequest>): CallbackRequest => ({ method: 'POST', url: 'https://n8n.example.nl/webhook/abc/delivery-status', headers: {}, rawBody: '', query: {}, body: {}, ...extra });

describe('Twilio: twilio-node spec/validation.spec.js', () => {
	const requestUrlWithHash = `${T.requestUrl}&bodySHA256=${T.bodySignature}`;
	const requestUrlWithHashEmpty = `${T.requestUrl}&bodySHA256=${T.bodySignatureEmpty}`;
	const valid = (signature: string | undefined, url: string, params: Parameters<typeof verifyTwilio>[2] = T.defaultParams) => verifyTwilio(T.token, url, params, signature).ok;

	test('should succeed with the correct signature', () => expect(valid(T.defaultSignature, T.requestUrl)).toBe(true));
	test('should fail when given the wrong signature', () => expect(valid('WRONG_SIGNATURE', T.requestUrl)).toBe(false));
	test('should validate post body correctly (and fail with a wrong sha)', () => {
		expect(verifyTwilioWithBody(T.token, requestUrlWithHash, T.body, T.requestUrlWithHashSignature).ok).toBe(true);
		expect(verifyTwilioWithBody(T.token, requestUrlWithHash.replace(T.bodySignature, 'WRONG_HASH'), T.body, T.requestUrlWithHashSignature).ok).toBe(false);
	});
	test('should validate request body when given', () => expect(verifyTwilioWithBody(T.token, requestUrlWithHash, T.body, T.requestUrlWithHashSignature)).toEqual({ ok: true }));
	test('should validate request body when empty', () => expect(verifyTwilioWithBody(T.token, requestUrlWithHashEmpty, '{}', T.requestUrlWithHashSignatureEmptyBody)).toEqual({ ok: true }));
	test('should validate request body with only sha param', () => {
		const sig = T.bodySignature.replace('+', '%2B').replace('=', '%3D');
		expect(verifyTwilioWithBody(T.token, `https://mycompany.com/myapp.php?bodySHA256=${sig}`, T.body, T.onlyShaParamSignature)).toEqual({ ok: true });
	});
	test('should fail validation if given body but no bodySHA256 param', () => {
		expect(verifyTwilioWithBody(T.token, T.requestUrl, T.body, T.defaultSignature).ok).toBe(false);
	});
	test('should fail when signature undefined', () => expect(valid(undefined, T.requestUrl)).toBe(false));
	test('should validate https urls with ports by stripping them', () => expect(valid(T.defaultSignature, T.requestUrl.replace('.com', '.com:1234'))).toBe(true));
	test('should validate http urls with ports', () => expect(valid(T.httpWithPortSignature, T.requestUrl.replace('.com', '.com:1234').replace('https', 'http'))).toBe(true));
	test('should validate https urls without ports by adding standard port 443', () => expect(valid(T.httpsAddPort443Signature, T.requestUrl)).toBe(true));
	test('should validate http urls without ports by adding standard port 80', () => expect(valid(T.httpAddPort80Signature, T.requestUrl.replace('https', 'http'))).toBe(true));
	test('should validate urls with credentials', () => expect(valid(T.credentialsSignature, 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2')).toBe(true));
	test('should validate urls with just username', () => expect(valid(T.usernameOnlySignature, 'https://user@mycompany.com/myapp.php?foo=1&bar=2')).toBe(true));
	test('should validate urls with credentials by adding port', () => expect(valid(T.credentialsAddPortSignature, 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2')).toBe(true));
	test('should validate urls with special characters', () => expect(valid(T.specialCharactersSignature, `${T.requestUrl}&Body=It's+amazing`)).toBe(true));
	test('should validate request body with an array parameter', () => {
		expect(valid(T.arrayParamSignature, T.requestUrl, { 'MessagingBinding.Address': ['+1325xxxxxxx', '+1415xxxxxxx'] })).toBe(true);
	});
	test('should validate request body with an array parameter regardless of the position of values in the array', () => {
		expect(valid(T.arrayParamSignature, T.requestUrl, { 'MessagingBinding.Address': ['+1415xxxxxxx', '+1325xxxxxxx'] })).toBe(true);
	});
	test('should validate request body with multiple params and values', () => {
		expect(valid(T.multipleValuesSignature, T.requestUrl, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] })).toBe(true);
	});
	test('middleware: should send 403 for invalid signatures (an unexpected query parameter)', () => expect(valid(T.defaultSignature, `${T.requestUrl}&somethingUnexpected=true`)).toBe(false));
	test('middleware: should fail validation of post body with wrong hash', () => {
		expect(verifyTwilioWithBody(T.token, requestUrlWithHash.slice(0, -1), T.body, T.requestUrlWithHashSignature).ok).toBe(false);
	});
});

describe('Twilio: twilio-node spec/unit/webhooks/webhooks.spec.js', () => {
	// That spec signs with getExpectedTwilioSignature: the URL followed by no parameters.
	const sign = (url: string) => createHmac('sha1', T.unitToken).update(url).digest('base64');
	const cases: Array<[string, string, string, boolean]> = [
		['should return false when the signature URL does not match the target URL', 'https://example.com/path?test=param', 'https://example.com/path?test=param2', false],
		['with port: should return true when the target url contains the port', 'https://example.com:443/path?test=param', 'https://example.com:443/path?test=param', true],
		['with port: should return true when the target url does not contain the port', 'https://example.com:443/path?test=param', 'https://example.com/path?test=param', true],
		['without port: should return true when the target url does not contain the port', 'https://example.com/path?test=param', 'https://example.com/path?test=param', true],
		['without port: should return true when the target url contains the port', 'https://example.com/path?test=param', 'https://example.com:443/path?test=param', true],
		["unescaped quote: should return true when the target url contains the unescaped single quote", "https://example.com/path?test=param'WithQuote", "https://example.com/path?test=param'WithQuote", true],
		['unescaped quote: should return true when the target url contains the escaped single quote', "https://example.com/path?test=param'WithQuote", 'https://example.com/path?test=param%27WithQuote', true],
		['escaped quote: should return true when the target url contains the unescaped single quote', 'https://example.com/path?test=param%27WithQuote', "https://example.com/path?test=param'WithQuote", true],
		['escaped quote: should return true when the target url contains the escaped single quote', 'https://example.com/path?test=param%27WithQuote', 'https://example.com/path?test=param%27WithQuote', true],
	];
	test.each(cases)('%s', (_name, serverUrl, targetUrl, expected) => {
		expect(verifyTwilio(T.unitToken, targetUrl, {}, sign(serverUrl)).ok).toBe(expected);
	});
});

describe('Twilio through the adapter: the body is covered', () => {
	const jsonReport = (url: string, rawBody: string, signature: string) =>
		callback({ url, rawBody, body: JSON.parse(rawBody) as Record<string, unknown>, headers: { 'content-type': 'application/json', 'x-twilio-signature': signature } });
	const url = `${T.requestUrl}&bodySHA256=${T.bodySignature}`;

	test('a JSON report whose body matches bodySHA256 verifies', () => {
		expect(twilioSmsAdapter.verifySignature!(jsonReport(url, T.body, T.requestUrlWithHashSignature), { authToken: T.token })).toEqual({ ok: true });
	});

	test("a captured URL and signature carrying another body (undelivered, 30005) is refused", () => {
		const swapped = JSON.stringify({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30005' });
		expect(twilioSmsAdapter.verifySignature!(jsonReport(url, swapped, T.requestUrlWithHashSignature), { authToken: T.token })).toEqual({ ok: false, reason: 'the body does not match bodySHA256 of the signed URL' });
		// The same swapped body posted as a form, or as JSON under a URL without bodySHA256, is refused too.
		expect(twilioSmsAdapter.verifySignature!({ ...jsonReport(url, swapped, T.requestUrlWithHashSignature), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': T.requestUrlWithHashSignature } }, { authToken: T.token }).ok).toBe(false);
		expect(twilioSmsAdapter.verifySignature!(jsonReport(T.requestUrl, swapped, T.defaultSignature), { authToken: T.token })).toEqual({ ok: false, reason: 'a report with a non-form body needs bodySHA256 in its signed URL' });
	});

	test('a form report with a repeated field is signed over every value', () => {
		const rawBody = 'Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234';
		const form = callback({ url: T.requestUrl, rawBody, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': T.multipleValuesSignature } });
		expect(twilioSmsAdapter.verifySignature!(form, { authToken: T.token })).toEqual({ ok: true });
		expect(twilioSmsAdapter.verifySignature!({ ...form, rawBody: 'Sid=CA123&SidAccount=AC123&Digits=5678' }, { authToken: T.token }).ok).toBe(false);
	});
});

describe('Mailgun: mailgun-php tests/Api/WebhookTest.php', () => {
	const now = Number(MAILGUN_VECTORS.timestamp) * 1000;
	test('testVerifyWebhookGood', () => expect(verifyMailgun(MAILGUN_VECTORS.signingKey, MAILGUN_VECTORS.timestamp, MAILGUN_VECTORS.goodToken, MAILGUN_VECTORS.signature, now)).toEqual({ ok: true }));
	test('testVerifyWebhookBad', () => expect(verifyMailgun(MAILGUN_VECTORS.signingKey, MAILGUN_VECTORS.timestamp, MAILGUN_VECTORS.badToken, MAILGUN_VECTORS.signature, now).ok).toBe(false));
	test('testVerifyWebhookEmptyRequest', () => expect(verifyMailgun(MAILGUN_VECTORS.signingKey, '0', '', '', now).ok).toBe(false));
	test('testVerifyWebhookGood through the adapter, and as a subaccount\'s parent-signature', () => {
		const signature = { timestamp: MAILGUN_VECTORS.timestamp, token: MAILGUN_VECTORS.goodToken, signature: MAILGUN_VECTORS.signature };
		expect(mailgunAdapter.verifySignature!(callback({ body: { signature }, now }), { webhookSigningKey: MAILGUN_VECTORS.signingKey })).toEqual({ ok: true });
		// A subaccount's event: `signature` is signed with the subaccount's key, `parent-signature` with the parent's.
		const subaccount = callback({ body: { signature: { ...signature, signature: 'f'.repeat(64), 'parent-signature': MAILGUN_VECTORS.signature } }, now });
		expect(mailgunAdapter.verifySignature!(subaccount, { webhookSigningKey: MAILGUN_VECTORS.signingKey })).toEqual({ ok: true });
		// The parent signature covers the same timestamp and token: another token fails both.
		const forged = callback({ body: { signature: { ...signature, token: MAILGUN_VECTORS.badToken, signature: 'f'.repeat(64), 'parent-signature': MAILGUN_VECTORS.signature } }, now });
		expect(mailgunAdapter.verifySignature!(forged, { webhookSigningKey: MAILGUN_VECTORS.signingKey }).ok).toBe(false);
	});
});

describe('Meta: WhatsApp-Nodejs-SDK src/__tests__/utils.test.ts', () => {
	test('signature match', () => {
		expect(verifyMeta(META_VECTORS.appSecret, META_VECTORS.body, `sha256=${META_VECTORS.signature}`)).toEqual({ ok: true });
		expect(metaWhatsAppAdapter.verifySignature!(callback({ rawBody: META_VECTORS.body, headers: { 'x-hub-signature-256': `sha256=${META_VECTORS.signature}` } }), { appSecret: META_VECTORS.appSecret })).toEqual({ ok: true });
		expect(verifyMeta(META_VECTORS.appSecret, 'test2', `sha256=${META_VECTORS.signature}`).ok).toBe(false);
	});
});

describe('SendGrid: sendgrid-nodejs packages/eventwebhook/src/eventwebhook.spec.js', () => {
	const S = SENDGRID_VECTORS;
	test('should verify a valid single event signature', () => expect(verifySendGrid(S.publicKey, S.payload, S.signature, S.timestamp)).toEqual({ ok: true }));
	test('should verify a valid multi event signature', () => expect(verifySendGrid(S.publicKeyMultiple, S.payloadMultiple, S.signatureMultiple, S.timestampMultiple)).toEqual({ ok: true }));
	test('should reject for invalid key', () => expect(verifySendGrid(S.invalidKey, S.payload, S.signature, S.timestamp).ok).toBe(false));
	test('should reject for bad payload', () => expect(verifySendGrid(S.publicKey, 'payload', S.signature, S.timestamp).ok).toBe(false));
	test('should reject for bad signature', () => expect(verifySendGrid(S.publicKey, S.payload, S.badSignature, S.timestamp).ok).toBe(false));
	test('should reject for bad timestamp', () => expect(verifySendGrid(S.publicKey, S.payload, S.signature, 'timestamp').ok).toBe(false));
	test('a valid single event signature through the adapter', () => {
		const request = callback({ rawBody: S.payload, headers: { 'x-twilio-email-event-webhook-signature': S.signature, 'x-twilio-email-event-webhook-timestamp': S.timestamp } });
		expect(sendGridAdapter.verifySignature!(request, { webhookPublicKey: S.publicKey })).toEqual({ ok: true });
	});
});

describe('Sinch: sinch-sdk-node', () => {
	const headers = (vector: { signature: string; nonce: string; timestamp: string }, signature = vector.signature) => ({
		'x-sinch-webhook-signature': signature,
		'x-sinch-webhook-signature-algorithm': 'HmacSHA256',
		'x-sinch-webhook-signature-nonce': vector.nonce,
		'x-sinch-webhook-signature-timestamp': vector.timestamp,
	});
	const { sms, conversation } = SINCH_VECTORS;
	test('SMS Webhook Signature Validation: should authorize a valid authorization header', () => {
		expect(verifySinch(sms.secret, sms.body, headers(sms))).toEqual({ ok: true });
		expect(sinchAdapter.verifySignature!(callback({ rawBody: sms.body, headers: headers(sms) }), { webhookSecret: sms.secret })).toEqual({ ok: true });
	});
	test('SMS Webhook Signature Validation: should reject a signature if the secret is not set', () => {
		expect(sinchAdapter.verifySignature!(callback({ rawBody: sms.body, headers: headers(sms) }), {}).ok).toBe(false);
	});
	test('SMS Webhook Signature Validation: should reject an invalid authorization header', () => expect(verifySinch(sms.secret, sms.body, headers(sms, 'invalid-signature')).ok).toBe(false));
	test('Webhook signature (Conversation API): should validate the signature header when valid', () => expect(verifySinch(conversation.secret, conversation.body, headers(conversation))).toEqual({ ok: true }));
	test('Webhook signature (Conversation API): should reject the signature header when missing', () => expect(verifySinch(conversation.secret, conversation.body, {}).ok).toBe(false));
	test('Webhook signature (Conversation API): should reject the signature header when invalid', () => expect(verifySinch(conversation.secret, conversation.body, headers(conversation, 'invalid-signature')).ok).toBe(false));
});

describe('Pingen: pingen2-sdk-php and pingen2-sdk-python IncomingWebhook tests', () => {
	const { php, python } = PINGEN_VECTORS;
	const report = (body: string, signature?: string) => {
		const headers = { 'content-type': 'application/vnd.api+json', ...(signature ? { signature } : {}) };
		// The body as the trigger reads it: n8n leaves application/vnd.api+json unparsed ({}).
		return callback({ rawBody: body, headers, body: readCallbackBody(headers['content-type'], body, {}).body });
	};

	test('PHP testPositive (and Python test_positive)', () => {
		expect(verifyHexBodyHmac(php.secret, php.body, php.signature, 'Signature')).toEqual({ ok: true });
		expect(verifyHexBodyHmac(python.secret, python.body, python.signature, 'Signature')).toEqual({ ok: true });
		expect(pingenAdapter.verifySignature!(report(php.body, php.signature), { webhookSecret: php.secret })).toEqual({ ok: true });
		expect(pingenAdapter.verifySignature!(report(python.body, python.signature), { webhookSecret: python.secret })).toEqual({ ok: true });
	});
	test('PHP testSignatureHeaderMissing / Python test_missing_signature_header', () => {
		expect(pingenAdapter.verifySignature!(report(python.body), { webhookSecret: 'webhook_test_secret' })).toEqual({ ok: false, reason: 'missing Signature header' });
	});
	test('PHP testSignatureAreDifferent / Python test_webhook_signature_matching_failed', () => {
		expect(pingenAdapter.verifySignature!(report(php.body, 'example'), { webhookSecret: php.secret }).ok).toBe(false);
		expect(pingenAdapter.verifySignature!(report(python.body, 'wrong99999999999999999999999999999999999999999999999999signature'), { webhookSecret: 'webhook_test_secret' }).ok).toBe(false);
	});
	test('the verified SDK reports map to a failed letter with its id and reason', () => {
		expect(pingenAdapter.parseStatusCallback!(report(python.body, python.signature))).toEqual([
			{ provider: 'pingen', channel: 'letter', messageId: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', status: 'failed', providerStatus: 'webhook_issues', time: '2024-04-26T09:54:38+0200', errorMessage: 'Page limit exceeded', permanent: undefined },
		]);
		expect(pingenAdapter.parseStatusCallback!(report(php.body, php.signature))[0]).toMatchObject({ messageId: '4f31cdb2-bc0d-4db5-a13d-3336958dba02', status: 'failed' });
	});
});
