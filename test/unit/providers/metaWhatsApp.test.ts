/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/** Meta WhatsApp Cloud API against a loopback Graph API: template request, errors, webhook signature and parsing. */
import { createHmac } from 'node:crypto';

import { SocialCollectionsMetaWhatsAppApi } from '../../../credentials/SocialCollectionsMetaWhatsAppApi.credentials';
import { metaWhatsAppAdapter } from '../../../nodes/shared/providers/adapters/metaWhatsApp';
import { DEBTOR, IDEM, MESSAGE, send } from '../../fixtures/providers/harness';
import { META, META_NUMBERS, metaHandler } from '../../fixtures/providers/meta';
import { LoopbackServer } from '../../fixtures/providers/server';

describe('Meta WhatsApp Cloud API', () => {
	let server: LoopbackServer;
	const credentials = () => ({ phoneNumberId: META.phoneNumberId, apiVersion: META.apiVersion, baseUrl: server.url });
	const secrets = { accessToken: META.accessToken };
	const wa = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: metaWhatsAppAdapter, channel: 'whatsapp', credentialType: new SocialCollectionsMetaWhatsAppApi(), credentials: credentials(), secrets, ...extra });

	beforeAll(async () => {
		server = await LoopbackServer.start(metaHandler());
	});
	afterAll(() => server.close());
	beforeEach(() => server.reset());

	test('sends a template message with language, positional parameters and the key as callback data', async () => {
		const { result } = await wa();
		expect(server.requests).toHaveLength(1);
		const request = server.requests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v24.0/${META.phoneNumberId}/messages`);
		expect(request.headers.authorization).toBe(`Bearer ${META.accessToken}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.body)).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '31612345678',
			type: 'template',
			template: {
				name: 'betalingsherinnering_v2',
				language: { policy: 'deterministic', code: 'nl' },
				components: [{ type: 'body', parameters: [{ type: 'text', text: 'Jan' }, { type: 'text', text: '€ 45,00' }] }],
			},
			biz_opaque_callback_data: IDEM,
		});
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'queued', providerStatus: 'accepted' });
		expect((result.outcome as { providerMessageId: string }).providerMessageId).toMatch(/^wamid\./);
	});

	test('named parameters become parameter_name entries', async () => {
		await wa({ message: { ...MESSAGE, whatsapp: { templateName: 'herinnering_named', language: 'nl_BE', parameters: { voornaam: 'Jan', bedrag: '€ 45,00' } } } });
		const body = JSON.parse(server.requests[0].body);
		expect(body.template.language.code).toBe('nl_BE');
		expect(body.template.components[0].parameters).toEqual([
			{ type: 'text', parameter_name: 'voornaam', text: 'Jan' },
			{ type: 'text', parameter_name: 'bedrag', text: '€ 45,00' },
		]);
	});

	test('a number not on WhatsApp (131026) is permanent and marks the contact invalid', async () => {
		const { result } = await wa({ recipient: { ...DEBTOR, mobile: `+${META_NUMBERS.notOnWhatsApp}` } });
		expect(server.requests).toHaveLength(1);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '131026', reason: 'invalid-contact' });
	});

	test('an unknown template (132001) is permanent; an expired token (190) is an auth failure', async () => {
		const unknown = await wa({ message: { ...MESSAGE, whatsapp: { templateName: META_NUMBERS.unknownTemplate, language: 'nl' } } });
		expect(unknown.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '132001', httpStatus: 404 });
		const expired = await wa({ secrets: { accessToken: 'expired' } });
		expect(expired.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', errorCode: '190', reason: 'auth' });
	});

	test('throughput limit (130429) is retried after the backoff; pair-rate 131056 too', async () => {
		server.fail({ status: 400, json: { error: { message: 'Rate limit hit', type: 'OAuthException', code: 130429 } } });
		server.fail({ status: 400, json: { error: { message: 'Pair rate limit hit', type: 'OAuthException', code: 131056 } } });
		const { result, sleeps } = await wa({ retry: { maxAttempts: 3, baseDelayMs: 200 } });
		expect(server.requests).toHaveLength(3);
		expect(sleeps).toEqual([150, 300]);
		expect(result.outcome.kind).toBe('accepted');
	});

	test('a message without a template name is refused before any request', async () => {
		const { result } = await wa({ message: { ...MESSAGE, whatsapp: {} } });
		expect(result.outcome).toMatchObject({ code: 'invalid-message', field: 'message.whatsapp.templateName' });
		expect(server.requests).toHaveLength(0);
	});

	describe('webhooks', () => {
		const payload = {
			object: 'whatsapp_business_account',
			entry: [
				{
					id: '102290129340398',
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: { display_phone_number: '3197000000000', phone_number_id: META.phoneNumberId },
								statuses: [
									{ id: 'wamid.AAA', status: 'delivered', timestamp: '1782813900', recipient_id: '31612345678', biz_opaque_callback_data: IDEM },
									{ id: 'wamid.BBB', status: 'failed', timestamp: '1782813960', recipient_id: '31612345679', errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'not a WhatsApp number' } }] },
								],
								messages: [{ from: '31612345678', id: 'wamid.CCC', timestamp: '1782814000', type: 'text', text: { body: 'Kan ik in termijnen betalen?' } }],
							},
						},
					],
				},
			],
		};
		const raw = JSON.stringify(payload);
		const signature = `sha256=${createHmac('sha256', META.appSecret).update(raw).digest('hex')}`;
		const request = (body: string, sig: string | undefined) => ({ method: 'POST', url: 'https://n8n/webhook', headers: { 'x-hub-signature-256': sig }, rawBody: body, query: {}, body: JSON.parse(body) });

		test('X-Hub-Signature-256 over the raw body verifies; a tampered body or wrong secret does not', () => {
			expect(metaWhatsAppAdapter.verifySignature!(request(raw, signature), { appSecret: META.appSecret })).toEqual({ ok: true });
			expect(metaWhatsAppAdapter.verifySignature!(request(raw.replace('delivered', 'read'), signature), { appSecret: META.appSecret }).ok).toBe(false);
			expect(metaWhatsAppAdapter.verifySignature!(request(raw, signature), { appSecret: 'other' }).ok).toBe(false);
			expect(metaWhatsAppAdapter.verifySignature!(request(raw, undefined), { appSecret: META.appSecret })).toEqual({ ok: false, reason: 'missing X-Hub-Signature-256 header' });
		});

		test('statuses and inbound replies become normalised events', () => {
			const events = metaWhatsAppAdapter.parseStatusCallback!(request(raw, signature));
			expect(events).toEqual([
				expect.objectContaining({ messageId: 'wamid.AAA', idempotencyKey: IDEM, status: 'delivered', time: new Date(1782813900 * 1000).toISOString(), recipient: '31612345678' }),
				expect.objectContaining({ messageId: 'wamid.BBB', status: 'failed', errorCode: '131026', errorMessage: 'not a WhatsApp number', permanent: true }),
				expect.objectContaining({ messageId: 'wamid.CCC', status: 'replied', replyText: 'Kan ik in termijnen betalen?', from: '31612345678' }),
			]);
		});
	});
});
