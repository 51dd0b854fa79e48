/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * Channel Sender and Delivery Status Trigger in a real n8n: imported (encrypted) credentials,
 * sends to loopback providers (Twilio, the creditor's webhook) with n8n's own authentication, the
 * sandbox default, an e-mail with the QR code as an inline image through Mailgun (multipart), and a
 * running n8n receiving signed callbacks over HTTP (Twilio, Bird, Sinch; good signature: event
 * emitted; tampered: 401), plus Meta's GET verification handshake.
 */
import axios from 'axios';
import { createHash, createHmac } from 'node:crypto';

import { N8nInstance, freePort } from '../../scripts/n8nInstance';
import { emitItems, manualTrigger, ourNode, workflow } from './harness/workflow';
import { CREDITOR, creditorHandler, type CreditorState } from '../fixtures/providers/creditor';
import { MAILGUN, mailgunHandler, multipart } from '../fixtures/providers/emailApis';
import { MESSAGE_WITH_QR, QR_PNG_BASE64 } from '../fixtures/providers/harness';
import { META } from '../fixtures/providers/meta';
import { LoopbackServer, form, type Recorded } from '../fixtures/providers/server';
import { BIRD, SINCH } from '../fixtures/providers/smsApis';
import { TWILIO, TWILIO_NUMBERS, twilioHandler } from '../fixtures/providers/twilio';

jest.setTimeout(300_000);

const TWILIO_CRED = { id: 'scTwilioCred0001', name: 'Twilio (loopback)' };
const WEBHOOK_CRED = { id: 'scWebhookCred001', name: 'Creditor system (loopback)' };
const META_CRED = { id: 'scMetaCred000001', name: 'WhatsApp (loopback)' };
const MAILGUN_CRED = { id: 'scMailgunCred001', name: 'Mailgun (loopback)' };
const BIRD_CRED = { id: 'scBirdCred000001', name: 'Bird (signed notifications)' };
const SINCH_CRED = { id: 'scSinchCred00001', name: 'Sinch (HMAC callbacks)' };
const BIRD_HOOK = '5d9a4b6c-1e3f-4a71-8c8d-9e0f1a2b3c4d';
const SINCH_HOOK = '6eab5c7d-2f40-4b82-9d9e-0f1a2b3c4d5e';
/** Values for this test only, as the fixtures keep theirs. */
const SIGNING = { bird: 'bird-signing-key-for-e2e', sinch: 'sinch-callback-secret-for-e2e' };
const STATUS_HOOK = '3b7e2f4a-9c1d-4e5f-8a6b-7c8d9e0f1a2b';
const META_HOOK = '4c8f3a5b-0d2e-4f60-9b7c-8d9e0f1a2b3c';

function debtor(id: string, channel: string, contact: Record<string, unknown>) {
	return {
		debtorId: id,
		firstName: 'Test',
		lastName: 'Debtor',
		contact,
		claims: [{ claimId: `${id}-C1`, principalCents: 4500, openCents: 4500, invoiceDate: '2026-05-01', dueDate: '2026-05-15' }],
		message: {
			channel,
			stage: 'reminder-1',
			subject: 'Herinnering factuur',
			text: 'Beste klant, uw factuur staat nog open.',
			html: '<p>Beste klant, uw factuur staat nog open.</p>',
			sms: { text: 'Uw factuur van EUR 45,00 staat nog open.', encoding: 'GSM-7', segments: 1 },
		},
	};
}

describe('Channel Sender and Delivery Status Trigger in real n8n', () => {
	let n8n: N8nInstance;
	let twilio: LoopbackServer;
	let creditor: LoopbackServer;
	let sink: LoopbackServer;
	let mailgun: LoopbackServer;
	const accepted: Recorded[] = [];
	const creditorState: CreditorState = { deliveries: new Map(), duplicates: 0 };

	beforeAll(async () => {
		twilio = await LoopbackServer.start(twilioHandler(accepted));
		creditor = await LoopbackServer.start(creditorHandler(creditorState));
		sink = await LoopbackServer.start(() => ({ status: 200, json: { ok: true } }));
		mailgun = await LoopbackServer.start(mailgunHandler());
		// Its own task-broker port, so instances of other test files on this machine do not collide.
		n8n = await N8nInstance.create({ env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()) } });
		await n8n.importCredentials([
			{ ...TWILIO_CRED, type: 'socialCollectionsTwilioApi', data: { accountSid: TWILIO.accountSid, authToken: TWILIO.authToken, from: TWILIO.from, baseUrl: twilio.url } },
			{ ...WEBHOOK_CRED, type: 'socialCollectionsWebhookApi', data: { url: `${creditor.url}/api/messages`, signingSecret: CREDITOR.signingSecret } },
			{ ...MAILGUN_CRED, type: 'socialCollectionsMailgunApi', data: { apiKey: MAILGUN.apiKey, domain: MAILGUN.domain, region: 'eu', from: 'incasso@mg.example.nl', baseUrl: mailgun.url } },
			{ ...BIRD_CRED, type: 'socialCollectionsBirdApi', data: { accessKey: BIRD.accessKey, workspaceId: BIRD.workspaceId, smsChannelId: BIRD.smsChannelId, webhookSigningKey: SIGNING.bird, baseUrl: 'http://127.0.0.1:9' } },
			{ ...SINCH_CRED, type: 'socialCollectionsSinchApi', data: { servicePlanId: SINCH.servicePlanId, apiToken: SINCH.apiToken, region: 'eu', webhookSecret: SIGNING.sinch, baseUrl: 'http://127.0.0.1:9' } },
			{ ...META_CRED, type: 'socialCollectionsMetaWhatsAppApi', data: { accessToken: META.accessToken, phoneNumberId: META.phoneNumberId, apiVersion: META.apiVersion, appSecret: META.appSecret, verifyToken: META.verifyToken, baseUrl: 'http://127.0.0.1:9' } },
		]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await twilio?.close();
		await creditor?.close();
		await sink?.close();
		await mailgun?.close();
	});

	test('a CLI run sends through Twilio and the creditor webhook with the imported credentials, and routes every item', async () => {
		const items = [
			debtor('D-SMS', 'sms', { mobile: '+31612345678' }),
			debtor('D-NOMOBILE', 'sms', { email: 'x@example.nl' }),
			debtor('D-OPTOUT', 'sms', { mobile: TWILIO_NUMBERS.optedOut }),
			debtor('D-MAIL', 'email', { email: 'debtor@example.nl' }),
		];
		const sender = {
			...ourNode('Send', 'channelSender', { smsProvider: 'twilio', emailProvider: 'webhook', options: { contactWindow: false, statusCallbackUrl: 'https://n8n.example.nl/webhook/status' } }),
			credentials: { socialCollectionsTwilioApi: TWILIO_CRED, socialCollectionsWebhookApi: WEBHOOK_CRED },
		};
		const sandbox = ourNode('Sandbox', 'channelSender', { options: { contactWindow: false } });
		const id = await n8n.importWorkflow(
			workflow('Channel Sender e2e', [manualTrigger(), emitItems('Debtors', items), sender, sandbox], [
				['Start', 'Debtors'],
				['Debtors', 'Send'],
				['Debtors', 'Sandbox'],
			]),
		);
		const run = await n8n.execute(id);
		const [sent, notSent] = run.outputs('Send');
		expect(sent.map((item) => item.debtorId)).toEqual(['D-SMS', 'D-MAIL']);
		expect(notSent.map((item) => item.debtorId)).toEqual(['D-NOMOBILE', 'D-OPTOUT']);
		const sms = sent[0].delivery as Record<string, unknown>;
		expect(sms).toMatchObject({ channel: 'sms', provider: 'twilio', status: 'queued', attempts: 1 });
		expect(String(sms.providerMessageId)).toMatch(/^SM[0-9a-f]{32}$/);
		expect(sent[1].delivery).toMatchObject({ channel: 'email', provider: 'webhook', status: 'sent' });
		expect(notSent[0].delivery).toMatchObject({ status: 'skipped', reason: 'no-contact-data' });
		expect(notSent[1].delivery).toMatchObject({ status: 'failed-permanent', errorCode: '21610', reason: 'opted-out' });

		// n8n itself applied the credential: Basic auth for Twilio, the HMAC signature for the webhook.
		expect(accepted).toHaveLength(1);
		expect(accepted[0].headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO.authToken}`).toString('base64')}`);
		expect(form(accepted[0].body).StatusCallback).toBe(`https://n8n.example.nl/webhook/status?sc_key=${sms.idempotencyKey}`);
		expect(creditorState.deliveries.size).toBe(1);
		const delivered = JSON.parse([...creditorState.deliveries.values()][0].body);
		expect(delivered).toMatchObject({ event: 'message', channel: 'email', debtorId: 'D-MAIL', message: { subject: 'Herinnering factuur' } });
		// No secret anywhere in the run data.
		expect(JSON.stringify(run.raw)).not.toContain(TWILIO.authToken);
		expect(JSON.stringify(run.raw)).not.toContain(CREDITOR.signingSecret);

		// The sandbox node (all defaults) sent nothing and marked every reachable item as simulated.
		const [simulated, notSimulated] = run.outputs('Sandbox');
		expect(simulated.map((item) => item.debtorId)).toEqual(['D-SMS', 'D-OPTOUT', 'D-MAIL']);
		expect(simulated.every((item) => (item.delivery as Record<string, unknown>).simulated === true)).toBe(true);
		expect(notSimulated.map((item) => item.debtorId)).toEqual(['D-NOMOBILE']);
		expect(accepted).toHaveLength(1);
	});

	test('an e-mail with the QR code as an inline image goes through Mailgun as multipart, through n8n\'s HTTP client', async () => {
		const item = { ...debtor('D-QR', 'email', { email: 'debtor@example.nl' }), message: { ...MESSAGE_WITH_QR, channel: 'email' } };
		const sender = { ...ourNode('Send Mail', 'channelSender', { emailProvider: 'mailgun', options: { contactWindow: false } }), credentials: { socialCollectionsMailgunApi: MAILGUN_CRED } };
		const id = await n8n.importWorkflow(workflow('Mailgun QR e2e', [manualTrigger(), emitItems('Debtors', [item]), sender], [['Start', 'Debtors'], ['Debtors', 'Send Mail']]));
		const run = await n8n.execute(id);
		const [sent, notSent] = run.outputs('Send Mail');
		expect(notSent).toEqual([]);
		expect(sent[0].delivery).toMatchObject({ channel: 'email', provider: 'mailgun', status: 'queued' });
		expect(mailgun.requests).toHaveLength(1);
		const [request] = mailgun.requests;
		expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`api:${MAILGUN.apiKey}`).toString('base64')}`);
		const { fields, files } = multipart(request);
		expect(fields.html).toContain('src="cid:epc-qr"');
		expect(files.map(({ field, filename, contentType }) => [field, filename, contentType])).toEqual([['inline', 'epc-qr', 'image/png']]);
		expect(files[0].bytes.equals(Buffer.from(QR_PNG_BASE64, 'base64'))).toBe(true);
	});

	describe('Delivery Status Trigger on a running n8n', () => {
		beforeAll(async () => {
			const forward = {
				name: 'Forward',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: { method: 'POST', url: `${sink.url}/events`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
			};
			const twilioFlow = await n8n.importWorkflow(
				workflow('Twilio status', [{ name: 'Status', type: 'n8n-nodes-social-collections.deliveryStatusTrigger', typeVersion: 1, webhookId: STATUS_HOOK, parameters: { provider: 'twilio' }, credentials: { socialCollectionsTwilioApi: TWILIO_CRED } }, forward], [['Status', 'Forward']]),
			);
			const metaFlow = await n8n.importWorkflow(
				workflow('Meta status', [{ name: 'WhatsApp Status', type: 'n8n-nodes-social-collections.deliveryStatusTrigger', typeVersion: 1, webhookId: META_HOOK, parameters: { provider: 'metaWhatsApp' }, credentials: { socialCollectionsMetaWhatsAppApi: META_CRED } }, { ...forward, name: 'Forward WA' }], [['WhatsApp Status', 'Forward WA']]),
			);
			const birdFlow = await n8n.importWorkflow(
				workflow('Bird status', [{ name: 'Bird Status', type: 'n8n-nodes-social-collections.deliveryStatusTrigger', typeVersion: 1, webhookId: BIRD_HOOK, parameters: { provider: 'bird' }, credentials: { socialCollectionsBirdApi: BIRD_CRED } }, { ...forward, name: 'Forward Bird' }], [['Bird Status', 'Forward Bird']]),
			);
			const sinchFlow = await n8n.importWorkflow(
				workflow('Sinch status', [{ name: 'Sinch Status', type: 'n8n-nodes-social-collections.deliveryStatusTrigger', typeVersion: 1, webhookId: SINCH_HOOK, parameters: { provider: 'sinch' }, credentials: { socialCollectionsSinchApi: SINCH_CRED } }, { ...forward, name: 'Forward Sinch' }], [['Sinch Status', 'Forward Sinch']]),
			);
			await n8n.publishWorkflow(twilioFlow);
			await n8n.publishWorkflow(metaFlow);
			await n8n.publishWorkflow(birdFlow);
			await n8n.publishWorkflow(sinchFlow);
			await n8n.start();
		});

		const waitFor = async (condition: () => boolean) => {
			for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
		};

		test('a signed Twilio delivery report is accepted and emitted normalised; a tampered one gets 401', async () => {
			const reference = 'sc1-00112233445566778899aabbccddeeff';
			const path = `${STATUS_HOOK}/delivery-status?sc_key=${reference}`;
			// Twilio signs the URL it was given: n8n's own webhook URL for this trigger.
			const signedUrl = `http://localhost:${n8n.port}/webhook/${path}`;
			const params = { AccountSid: TWILIO.accountSid, MessageSid: 'SMe2e0000000000000000000000000001', MessageStatus: 'delivered', To: '+31612345678', From: 'IncassoNL', ApiVersion: '2010-04-01' };
			const signature = createHmac('sha1', TWILIO.authToken)
				.update(Object.keys(params).sort().reduce((acc, name) => acc + name + params[name as keyof typeof params], signedUrl))
				.digest('base64');
			const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature };

			const tampered = await n8n.webhook(path, new URLSearchParams({ ...params, MessageStatus: 'failed' }).toString(), { headers });
			expect(tampered.status).toBe(401);
			const unsigned = await n8n.webhook(path, new URLSearchParams(params).toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
			expect(unsigned.status).toBe(401);

			const good = await n8n.webhook(path, new URLSearchParams(params).toString(), { headers });
			expect(good.status).toBe(200);
			await waitFor(() => sink.requests.length > 0);
			expect(sink.requests).toHaveLength(1);
			const event = JSON.parse(sink.requests[0].body);
			expect(event).toMatchObject({ provider: 'twilio', channel: 'sms', messageId: params.MessageSid, idempotencyKey: reference, status: 'delivered', providerStatus: 'delivered', recipient: '+31612345678', verified: true });
		});

		test("Meta's GET handshake echoes the challenge only for the right verify token; signed POSTs are emitted", async () => {
			const ok = await axios.get(`${n8n.baseUrl}/webhook/${META_HOOK}/delivery-status?hub.mode=subscribe&hub.verify_token=${META.verifyToken}&hub.challenge=1158201444`, { validateStatus: () => true });
			expect(ok.status).toBe(200);
			expect(String(ok.data)).toBe('1158201444');
			const wrong = await axios.get(`${n8n.baseUrl}/webhook/${META_HOOK}/delivery-status?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`, { validateStatus: () => true });
			expect(wrong.status).toBe(403);

			sink.reset();
			const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.E2E', status: 'read', timestamp: '1782813900', recipient_id: '31612345678', biz_opaque_callback_data: 'sc1-key' }] } }] }] });
			const signature = `sha256=${createHmac('sha256', META.appSecret).update(body).digest('hex')}`;
			const bad = await n8n.webhook(`${META_HOOK}/delivery-status`, body, { headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0') } });
			expect(bad.status).toBe(401);
			const good = await n8n.webhook(`${META_HOOK}/delivery-status`, body, { headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
			expect(good.status).toBe(200);
			await waitFor(() => sink.requests.length > 0);
			expect(JSON.parse(sink.requests[0].body)).toMatchObject({ provider: 'metaWhatsApp', messageId: 'wamid.E2E', status: 'read', idempotencyKey: 'sc1-key' });
		});

		test('a Bird notification signed with the subscription key is emitted; a tampered one gets 401', async () => {
			sink.reset();
			const path = `${BIRD_HOOK}/delivery-status`;
			const body = JSON.stringify({ service: 'channels', event: 'sms.outbound', payload: { id: 'bird-e2e-1', status: 'delivered', reference: 'sc1-bird', receiver: { contacts: [{ identifierValue: '+31612345678' }] } } });
			const at = String(Math.floor(Date.now() / 1000));
			// Bird signs the URL it calls: n8n's webhook URL for this trigger.
			const signedUrl = `http://localhost:${n8n.port}/webhook/${path}`;
			const signature = createHmac('sha256', SIGNING.bird).update(Buffer.concat([Buffer.from(`${at}\n${signedUrl}\n`), createHash('sha256').update(body).digest()])).digest('base64');
			const headers = { 'content-type': 'application/json', 'messagebird-signature': signature, 'messagebird-request-timestamp': at };
			const tampered = await n8n.webhook(path, body.replace('delivered', 'delivery_failed'), { headers });
			expect(tampered.status).toBe(401);
			const good = await n8n.webhook(path, body, { headers });
			expect(good.status).toBe(200);
			await waitFor(() => sink.requests.length > 0);
			expect(JSON.parse(sink.requests[0].body)).toMatchObject({ provider: 'bird', messageId: 'bird-e2e-1', idempotencyKey: 'sc1-bird', status: 'delivered', verified: true });
		});

		test('a Sinch delivery report with the service plan HMAC is emitted; a tampered one gets 401', async () => {
			sink.reset();
			const path = `${SINCH_HOOK}/delivery-status`;
			const body = JSON.stringify({ type: 'recipient_delivery_report_sms', batch_id: '01FC66621XXXXX119Z8PMV1QPQ', recipient: '+31612345678', code: 0, status: 'Delivered', at: '2026-06-30T10:00:10.000Z', client_reference: 'sc1-sinch' });
			const nonce = '01FJA8B4A7BM43YGWSG9GBV067';
			const at = String(Math.floor(Date.now() / 1000));
			const signature = createHmac('sha256', SIGNING.sinch).update(`${body}.${nonce}.${at}`).digest('base64');
			const headers = { 'content-type': 'application/json', 'x-sinch-webhook-signature': signature, 'x-sinch-webhook-signature-nonce': nonce, 'x-sinch-webhook-signature-timestamp': at, 'x-sinch-webhook-signature-algorithm': 'HmacSHA256' };
			const tampered = await n8n.webhook(path, body.replace('Delivered', 'Failed'), { headers });
			expect(tampered.status).toBe(401);
			const good = await n8n.webhook(path, body, { headers });
			expect(good.status).toBe(200);
			await waitFor(() => sink.requests.length > 0);
			expect(JSON.parse(sink.requests[0].body)).toMatchObject({ provider: 'sinch', messageId: '01FC66621XXXXX119Z8PMV1QPQ', idempotencyKey: 'sc1-sinch', status: 'delivered', verified: true });
		});
	});
});
