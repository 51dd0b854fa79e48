/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/** Pingen letters against a loopback Pingen: token exchange, signed upload, letter creation, registered mail, errors, webhook signature. */
import { createHmac } from 'node:crypto';

import { SocialCollectionsPingenApi } from '../../../credentials/SocialCollectionsPingenApi.credentials';
import { pingenAdapter } from '../../../nodes/shared/providers/adapters/pingen';
import { DEBTOR, IDEM, MESSAGE, send } from '../../fixtures/providers/harness';
import { PINGEN, newPingenState, pingenHandler, pingenIdentityHandler, type PingenState } from '../../fixtures/providers/pingen';
import { LoopbackServer } from '../../fixtures/providers/server';

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));

describe('Pingen', () => {
	let server: LoopbackServer;
	let identity: LoopbackServer;
	let state: PingenState;
	const credentials = () => ({ clientId: PINGEN.clientId, organisationId: PINGEN.organisationId, baseUrl: server.url, identityUrl: identity.url, accessToken: '' });
	const letter = { ...MESSAGE, channel: 'letter', letter: { pdf: PDF, fileName: 'aanmaning-D-1001.pdf' } };
	const post = (extra: Partial<Parameters<typeof send>[0]> = {}) =>
		send({ adapter: pingenAdapter, channel: 'letter', credentialType: new SocialCollectionsPingenApi(), credentials: credentials(), secrets: { clientSecret: PINGEN.clientSecret }, message: letter, ...extra });

	beforeAll(async () => {
		state = newPingenState();
		server = await LoopbackServer.start(pingenHandler(() => server.url, state));
		identity = await LoopbackServer.start(pingenIdentityHandler(state));
	});
	afterAll(async () => {
		await server.close();
		await identity.close();
	});
	beforeEach(() => {
		server.reset();
		identity.reset();
	});

	test('gets the token from the identity host, uploads the PDF to the signed URL and creates the letter on the API host', async () => {
		const { result } = await post({ providerOptions: { registered: true } });
		expect(identity.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /auth/access-tokens']);
		expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /file-upload',
			`PUT ${server.requests[1].path}`,
			`POST /organisations/${PINGEN.organisationId}/deliveries/letters`,
		]);
		const [token] = identity.requests;
		const [upload, put, create] = server.requests;
		expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({ grant_type: 'client_credentials', client_id: PINGEN.clientId, client_secret: PINGEN.clientSecret, scope: 'letter organisation_read' });
		expect(upload.headers.authorization).toMatch(/^Bearer [0-9a-f]{32}$/);
		// The pre-signed upload carries no Bearer token and exactly the PDF bytes.
		expect(put.headers.authorization).toBeUndefined();
		expect(put.headers['content-type']).toBe('application/pdf');
		expect(new Uint8Array(put.bytes)).toEqual(PDF);
		expect(create.headers['content-type']).toBe('application/vnd.api+json');
		expect(create.headers['idempotency-key']).toBe(IDEM);
		const uploadId = put.path.slice('/upload/'.length);
		expect(JSON.parse(create.body)).toEqual({
			data: {
				type: 'letters',
				attributes: {
					file_original_name: 'aanmaning-D-1001.pdf',
					file_url: `${server.url}/upload/${uploadId}?signature=sig-${uploadId}`,
					file_url_signature: `sig-${uploadId}`,
					address_position: 'left',
					auto_send: true,
					delivery_product: 'registered',
					print_mode: 'simplex',
					print_spectrum: 'grayscale',
					meta_data: { recipient: { name: 'Jan de Vries', street: 'Kerkstraat', number: '12a', zip: '1234 AB', city: 'Utrecht', country: 'NL' } },
				},
			},
		});
		expect(result.outcome).toMatchObject({ kind: 'accepted', status: 'queued', providerStatus: 'validating', details: { deliveryProduct: 'registered' } });
	});

	test('without registered mail the chosen delivery product is used', async () => {
		await post({ providerOptions: { deliveryProduct: 'fast' } });
		expect(JSON.parse(server.requests.at(-1)!.body).data.attributes.delivery_product).toBe('fast');
	});

	test('a 422 on creation is permanent; a 503 on the upload slot is retried from the start', async () => {
		server.fail({ status: 422, json: { errors: [{ code: '422', title: 'Unprocessable Entity', detail: 'Address could not be read from the PDF' }] } }, 1, (r) => r.path.endsWith('/letters'));
		const rejected = await post();
		expect(rejected.result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', httpStatus: 422, errorMessage: 'create letter: Address could not be read from the PDF' });

		server.reset();
		server.fail({ status: 503, headers: { 'retry-after': '2' }, json: { errors: [{ code: '503', title: 'Service Unavailable' }] } }, 1, (r) => r.path === '/file-upload');
		const retried = await post();
		expect(retried.sleeps).toEqual([2000]);
		expect(retried.result.attempts).toBe(2);
		expect(retried.result.outcome.kind).toBe('accepted');
	});

	test('a letter without a PDF or an address is refused before any call', async () => {
		const noPdf = await post({ message: { ...MESSAGE, channel: 'letter' } });
		expect(noPdf.result.outcome).toMatchObject({ code: 'no-letter-pdf' });
		const notPdf = await post({ message: { ...letter, letter: { pdf: new Uint8Array([1, 2, 3, 4, 5, 6]) } } });
		expect(notPdf.result.outcome).toMatchObject({ code: 'no-letter-pdf' });
		const noAddress = await post({ recipient: { ...DEBTOR, address: undefined } });
		expect(noAddress.result.outcome).toMatchObject({ code: 'no-contact-data', field: 'contact.address' });
		expect(server.requests).toHaveLength(0);
	});

	test('wrong client credentials fail permanently at the token exchange, before any upload', async () => {
		const { result } = await send({ adapter: pingenAdapter, channel: 'letter', credentialType: new SocialCollectionsPingenApi(), credentials: credentials(), secrets: { clientSecret: 'wrong' }, message: letter });
		expect(identity.requests.map((r) => r.path)).toEqual(['/auth/access-tokens']);
		expect(server.requests).toHaveLength(0);
		expect(result.outcome).toMatchObject({ kind: 'failed', permanence: 'permanent', httpStatus: 401, reason: 'auth' });
	});

	test('the token host: identity.pingen.com, identity-staging.pingen.com for the staging API, or the one configured', async () => {
		const urls: string[] = [];
		const helper = { helpers: { httpRequest: async (options: { url: string }) => (urls.push(options.url), { access_token: 'token' }) } };
		const credential = new SocialCollectionsPingenApi();
		for (const fields of [{ baseUrl: 'https://api.pingen.com', identityUrl: '' }, { baseUrl: 'https://api-staging.pingen.com', identityUrl: '' }, { baseUrl: 'https://api-staging.pingen.com/', identityUrl: '' }, { baseUrl: 'http://127.0.0.1:1', identityUrl: 'http://127.0.0.1:2/' }]) {
			await expect(credential.preAuthentication!.call(helper as never, { clientId: 'id', clientSecret: 'secret', ...fields })).resolves.toEqual({ accessToken: 'token' });
		}
		expect(urls).toEqual([
			'https://identity.pingen.com/auth/access-tokens',
			'https://identity-staging.pingen.com/auth/access-tokens',
			'https://identity-staging.pingen.com/auth/access-tokens',
			'http://127.0.0.1:2/auth/access-tokens',
		]);
	});

	test('the API host issues no tokens and refuses one it did not issue', async () => {
		const { default: axios } = await import('axios');
		const token = await axios.post(`${server.url}/auth/access-tokens`, new URLSearchParams({ grant_type: 'client_credentials', client_id: PINGEN.clientId, client_secret: PINGEN.clientSecret }).toString(), { validateStatus: () => true });
		expect(token.status).toBe(401);
		expect(token.data).not.toHaveProperty('access_token');
		const organisation = await axios.get(`${server.url}/organisations/${PINGEN.organisationId}`, { headers: { Authorization: 'Bearer made-up' }, validateStatus: () => true });
		expect(organisation.status).toBe(401);
	});

	describe('webhooks', () => {
		const body = JSON.stringify({ data: { type: 'webhook_delivered', id: 'ev-1', attributes: { reason: '', url: 'https://n8n/webhook', created_at: '2026-07-02T08:15:00+00:00' }, relationships: { letter: { data: { id: 'letter-123', type: 'letters' } } } } });
		const signature = createHmac('sha256', PINGEN.webhookSecret).update(body).digest('hex');
		const request = (raw: string, sig?: string) => ({ method: 'POST', url: 'https://n8n/webhook', headers: { signature: sig }, rawBody: raw, query: {}, body: JSON.parse(raw) });

		test('hex HMAC-SHA256 of the raw body verifies; tampering fails', () => {
			expect(pingenAdapter.verifySignature!(request(body, signature), { webhookSecret: PINGEN.webhookSecret })).toEqual({ ok: true });
			expect(pingenAdapter.verifySignature!(request(body.replace('delivered', 'sent'), signature), { webhookSecret: PINGEN.webhookSecret }).ok).toBe(false);
			expect(pingenAdapter.verifySignature!(request(body), { webhookSecret: PINGEN.webhookSecret }).ok).toBe(false);
		});

		test('events map to delivered / bounced', () => {
			expect(pingenAdapter.parseStatusCallback!(request(body, signature))).toEqual([
				{ provider: 'pingen', channel: 'letter', messageId: 'letter-123', status: 'delivered', providerStatus: 'webhook_delivered', time: '2026-07-02T08:15:00+00:00', errorMessage: undefined, permanent: undefined },
			]);
			const undeliverable = body.replace('webhook_delivered', 'webhook_undeliverable').replace('"reason":""', '"reason":"Adressat unbekannt"');
			expect(pingenAdapter.parseStatusCallback!(request(undeliverable))[0]).toMatchObject({ status: 'bounced', errorMessage: 'Adressat unbekannt', permanent: true });
		});
	});
});
