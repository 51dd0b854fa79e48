/**
 * The same error matrix for every HTTP provider, against its loopback stand-in: the exact request
 * (method, path, authentication header), a 4xx answer in the provider's error shape (permanent, one
 * attempt), a wrong secret (the stand-in's own 401/auth answer: permanent), 429 with Retry-After
 * (waited exactly that long, then sent), 500 (retried with backoff, then sent) and a request that
 * never gets an answer (a timeout: the outcome is unknown, so it is repeated only where the
 * provider drops repeated idempotency keys).
 */
import type { ICredentialType } from 'n8n-workflow';

import { SocialCollectionsBirdApi } from '../../../credentials/SocialCollectionsBirdApi.credentials';
import { SocialCollectionsCmApi } from '../../../credentials/SocialCollectionsCmApi.credentials';
import { SocialCollectionsMailgunApi } from '../../../credentials/SocialCollectionsMailgunApi.credentials';
import { SocialCollectionsMetaWhatsAppApi } from '../../../credentials/SocialCollectionsMetaWhatsAppApi.credentials';
import { SocialCollectionsPostmarkApi } from '../../../credentials/SocialCollectionsPostmarkApi.credentials';
import { SocialCollectionsSendGridApi } from '../../../credentials/SocialCollectionsSendGridApi.credentials';
import { SocialCollectionsSinchApi } from '../../../credentials/SocialCollectionsSinchApi.credentials';
import { SocialCollectionsSpryngApi } from '../../../credentials/SocialCollectionsSpryngApi.credentials';
import { SocialCollectionsTwilioApi } from '../../../credentials/SocialCollectionsTwilioApi.credentials';
import { SocialCollectionsWebhookApi } from '../../../credentials/SocialCollectionsWebhookApi.credentials';
import { birdAdapter } from '../../../nodes/shared/providers/adapters/bird';
import { cmSmsAdapter } from '../../../nodes/shared/providers/adapters/cm';
import { mailgunAdapter } from '../../../nodes/shared/providers/adapters/mailgun';
import { metaWhatsAppAdapter } from '../../../nodes/shared/providers/adapters/metaWhatsApp';
import { postmarkAdapter } from '../../../nodes/shared/providers/adapters/postmark';
import { sendGridAdapter } from '../../../nodes/shared/providers/adapters/sendgrid';
import { sinchAdapter } from '../../../nodes/shared/providers/adapters/sinch';
import { spryngAdapter } from '../../../nodes/shared/providers/adapters/spryng';
import { twilioSmsAdapter } from '../../../nodes/shared/providers/adapters/twilio';
import { webhookAdapter } from '../../../nodes/shared/providers/adapters/webhook';
import type { ProviderAdapter, SendChannel } from '../../../nodes/shared/providers';
import { CREDITOR, creditorHandler } from '../../fixtures/providers/creditor';
import { MAILGUN, POSTMARK, SENDGRID, mailgunHandler, postmarkHandler, sendGridHandler } from '../../fixtures/providers/emailApis';
import { send } from '../../fixtures/providers/harness';
import { META, metaHandler } from '../../fixtures/providers/meta';
import { LoopbackServer, type Handler, type Recorded, type Reply } from '../../fixtures/providers/server';
import { BIRD, CM, SINCH, SPRYNG, birdHandler, cmHandler, sinchHandler, spryngHandler } from '../../fixtures/providers/smsApis';
import { TWILIO, twilioHandler } from '../../fixtures/providers/twilio';

interface Case {
	name: string;
	adapter: ProviderAdapter;
	channel: SendChannel;
	credentialType: ICredentialType;
	handler: () => Handler;
	credentials: (url: string) => Record<string, unknown>;
	secrets: Record<string, unknown>;
	wrongSecrets: Record<string, unknown>;
	/** Method and path of the send, and how the request proves who sends it. */
	request: { method: string; path: string; auth: (request: Recorded) => boolean };
	/** The provider's own answers for an invalid request, a rate limit and a server error. */
	invalid: Reply;
	rateLimited: (retryAfterSeconds: string) => Reply;
	serverError: Reply;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const CASES: Case[] = [
	{
		name: 'SendGrid',
		adapter: sendGridAdapter,
		channel: 'email',
		credentialType: new SocialCollectionsSendGridApi(),
		handler: sendGridHandler,
		credentials: (url) => ({ baseUrl: url, from: 'incasso@example.nl' }),
		secrets: { apiKey: SENDGRID.apiKey },
		wrongSecrets: { apiKey: 'SG.wrong' },
		request: { method: 'POST', path: '/v3/mail/send', auth: (r) => r.headers.authorization === `Bearer ${SENDGRID.apiKey}` },
		invalid: { status: 400, json: { errors: [{ field: 'from.email', message: 'The from email does not contain a valid address.' }] } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { errors: [{ field: null, message: 'too many requests' }] } }),
		serverError: { status: 500, json: { errors: [{ field: null, message: 'internal error' }] } },
	},
	{
		name: 'Postmark',
		adapter: postmarkAdapter,
		channel: 'email',
		credentialType: new SocialCollectionsPostmarkApi(),
		handler: postmarkHandler,
		credentials: (url) => ({ baseUrl: url, from: 'incasso@example.nl' }),
		secrets: { serverToken: POSTMARK.serverToken },
		wrongSecrets: { serverToken: 'wrong' },
		request: { method: 'POST', path: '/email', auth: (r) => r.headers['x-postmark-server-token'] === POSTMARK.serverToken },
		// Postmark answers invalid requests with 422 and an ErrorCode.
		invalid: { status: 422, json: { ErrorCode: 300, Message: 'Invalid email request' } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { ErrorCode: 429, Message: 'Rate limit exceeded' } }),
		serverError: { status: 500, json: { ErrorCode: 500, Message: 'Internal Server Error' } },
	},
	{
		name: 'Mailgun',
		adapter: mailgunAdapter,
		channel: 'email',
		credentialType: new SocialCollectionsMailgunApi(),
		handler: mailgunHandler,
		credentials: (url) => ({ baseUrl: url, domain: MAILGUN.domain, region: 'eu', from: 'incasso@mg.example.nl' }),
		secrets: { apiKey: MAILGUN.apiKey },
		wrongSecrets: { apiKey: 'wrong' },
		request: { method: 'POST', path: `/v3/${MAILGUN.domain}/messages`, auth: (r) => r.headers.authorization === basic('api', MAILGUN.apiKey) },
		invalid: { status: 400, json: { message: "'to' parameter is not a valid address. please check documentation" } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { message: 'Too many requests' } }),
		serverError: { status: 500, json: { message: 'Internal server error' } },
	},
	{
		name: 'Twilio',
		adapter: twilioSmsAdapter,
		channel: 'sms',
		credentialType: new SocialCollectionsTwilioApi(),
		handler: () => twilioHandler(),
		credentials: (url) => ({ baseUrl: url, accountSid: TWILIO.accountSid, from: TWILIO.from }),
		secrets: { authToken: TWILIO.authToken },
		wrongSecrets: { authToken: 'wrong' },
		request: { method: 'POST', path: `/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`, auth: (r) => r.headers.authorization === basic(TWILIO.accountSid, TWILIO.authToken) },
		invalid: { status: 400, json: { code: 21602, message: 'Message body is required.', more_info: 'https://www.twilio.com/docs/errors/21602', status: 400 } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 } }),
		serverError: { status: 500, json: { code: 20500, message: 'Internal Server Error', more_info: 'https://www.twilio.com/docs/errors/20500', status: 500 } },
	},
	{
		name: 'Meta WhatsApp Cloud API',
		adapter: metaWhatsAppAdapter,
		channel: 'whatsapp',
		credentialType: new SocialCollectionsMetaWhatsAppApi(),
		handler: () => metaHandler(),
		credentials: (url) => ({ baseUrl: url, phoneNumberId: META.phoneNumberId, apiVersion: META.apiVersion }),
		secrets: { accessToken: META.accessToken },
		wrongSecrets: { accessToken: 'wrong' },
		request: { method: 'POST', path: `/${META.apiVersion}/${META.phoneNumberId}/messages`, auth: (r) => r.headers.authorization === `Bearer ${META.accessToken}` },
		invalid: { status: 400, json: { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'A1' } } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'A2' } } }),
		serverError: { status: 500, json: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, fbtrace_id: 'A3' } } },
	},
	{
		name: 'CM.com',
		adapter: cmSmsAdapter,
		channel: 'sms',
		credentialType: new SocialCollectionsCmApi(),
		handler: cmHandler,
		credentials: (url) => ({ baseUrl: url, from: 'IncassoNL' }),
		secrets: { productToken: CM.productToken },
		wrongSecrets: { productToken: 'wrong' },
		request: { method: 'POST', path: '/v1.0/message', auth: (r) => r.headers['x-cm-producttoken'] === CM.productToken },
		invalid: { status: 400, json: { details: 'Malformed request', errorCode: 202, messages: [] } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { details: 'Too many requests', errorCode: 999, messages: [] } }),
		serverError: { status: 500, json: { details: 'Internal error', errorCode: 500, messages: [] } },
	},
	{
		name: 'Bird',
		adapter: birdAdapter,
		channel: 'sms',
		credentialType: new SocialCollectionsBirdApi(),
		handler: birdHandler,
		credentials: (url) => ({ baseUrl: url, workspaceId: BIRD.workspaceId, smsChannelId: BIRD.smsChannelId }),
		secrets: { accessKey: BIRD.accessKey },
		wrongSecrets: { accessKey: 'wrong' },
		request: { method: 'POST', path: `/workspaces/${BIRD.workspaceId}/channels/${BIRD.smsChannelId}/messages`, auth: (r) => r.headers.authorization === `AccessKey ${BIRD.accessKey}` },
		invalid: { status: 422, json: { code: 'InvalidPayload', message: 'receiver is required' } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { code: 'TooManyRequests', message: 'slow down' } }),
		serverError: { status: 500, json: { code: 'InternalServerError', message: 'internal error' } },
	},
	{
		name: 'Spryng',
		adapter: spryngAdapter,
		channel: 'sms',
		credentialType: new SocialCollectionsSpryngApi(),
		handler: spryngHandler,
		credentials: (url) => ({ baseUrl: url, from: 'IncassoNL' }),
		secrets: { apiKey: SPRYNG.apiKey },
		wrongSecrets: { apiKey: 'wrong' },
		request: { method: 'POST', path: '/v1/messages', auth: (r) => r.headers.authorization === `Bearer ${SPRYNG.apiKey}` },
		invalid: { status: 422, json: { message: 'The given data was invalid.', errors: { body: ['The body field is required.'] } } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { message: 'Too Many Attempts.' } }),
		serverError: { status: 500, json: { message: 'Server Error' } },
	},
	{
		name: 'Sinch',
		adapter: sinchAdapter,
		channel: 'sms',
		credentialType: new SocialCollectionsSinchApi(),
		handler: sinchHandler,
		credentials: (url) => ({ baseUrl: url, servicePlanId: SINCH.servicePlanId, from: 'IncassoNL' }),
		secrets: { apiToken: SINCH.apiToken },
		wrongSecrets: { apiToken: 'wrong' },
		request: { method: 'POST', path: `/xms/v1/${SINCH.servicePlanId}/batches`, auth: (r) => r.headers.authorization === `Bearer ${SINCH.apiToken}` },
		invalid: { status: 400, json: { code: 'syntax_invalid_parameter_format', text: 'Invalid parameter: to' } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { code: 'too_many_requests', text: 'Too many requests' } }),
		serverError: { status: 500, json: { code: 'internal_error', text: 'Internal error' } },
	},
	{
		name: 'HTTPS webhook',
		adapter: webhookAdapter,
		channel: 'sms',
		credentialType: new SocialCollectionsWebhookApi(),
		handler: () => creditorHandler(),
		credentials: (url) => ({ url: `${url}/api/messages` }),
		secrets: { signingSecret: CREDITOR.signingSecret },
		wrongSecrets: { signingSecret: 'wrong-secret' },
		request: { method: 'POST', path: '/api/messages', auth: (r) => /^sha256=[0-9a-f]{64}$/.test(String(r.headers['x-signature'])) },
		invalid: { status: 400, json: { error: 'recipient.mobile is missing' } },
		rateLimited: (seconds) => ({ status: 429, headers: { 'retry-after': seconds }, json: { error: 'slow down' } }),
		serverError: { status: 500, json: { error: 'database unavailable' } },
	},
];

describe.each(CASES)('$name: the error matrix', (spec) => {
	let server: LoopbackServer;
	beforeAll(async () => {
		server = await LoopbackServer.start(spec.handler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());

	const run = (secrets = spec.secrets, timeoutMs = 2000) =>
		send({ adapter: spec.adapter, channel: spec.channel, credentialType: spec.credentialType, credentials: spec.credentials(server.url), secrets, timeoutMs, retry: { baseDelayMs: 1000 } });

	test('the request goes to the documented endpoint, authenticated', async () => {
		const { result } = await run();
		expect(result.outcome.kind).toBe('accepted');
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect([request.method, request.path]).toEqual([spec.request.method, spec.request.path]);
		expect(spec.request.auth(request)).toBe(true);
	});

	test('an invalid request is permanent: one attempt, no wait', async () => {
		server.fail(spec.invalid);
		const { result, sleeps } = await run();
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', httpStatus: (spec.invalid as { status: number }).status });
		expect(result.attempts).toBe(1);
		expect(sleeps).toEqual([]);
	});

	test('a wrong secret is an authentication failure, never retried', async () => {
		const { result } = await run(spec.wrongSecrets);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', reason: 'auth' });
		expect(result.attempts).toBe(1);
	});

	test('429 with Retry-After: waits exactly that long, then sends', async () => {
		server.fail(spec.rateLimited('7'));
		const { result, sleeps } = await run();
		expect(sleeps).toEqual([7000]);
		expect(result.attempts).toBe(2);
		expect(result.outcome.kind).toBe('accepted');
	});

	test('500 is retried with backoff, then sent', async () => {
		server.fail(spec.serverError);
		const { result, sleeps } = await run();
		// Base 1 s, full jitter on the upper half (random 0.5 in the harness): 750 ms.
		expect(sleeps).toEqual([750]);
		expect(result.attempts).toBe(2);
		expect(result.outcome.kind).toBe('accepted');
	});

	test('no answer in time: a timeout with an unknown outcome, repeated only where repeats are dropped', async () => {
		server.fail({ hang: true });
		const { result } = await run(spec.secrets, 300);
		if (spec.adapter.idempotency === 'native') {
			expect(result.attempts).toBe(2);
			expect(result.outcome.kind).toBe('accepted');
		} else {
			expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'transient', errorCode: 'timeout', outcomeUnknown: true });
			expect(result.attempts).toBe(1);
		}
		expect(server.requests.length).toBe(result.attempts);
	});
});
