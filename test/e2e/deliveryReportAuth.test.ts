/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any, no-console -- tests run in plain Node, not inside n8n; run data is loose JSON; the secrets are test-only, shared with this test's own n8n */
/**
 * Issue 22, item 3 in a real n8n: the Delivery Status Trigger with its default settings, for every
 * provider it offers. An unauthenticated report, a forged one (wrong signature or token) and a
 * body-swapped one (a valid signature carried by another body) are answered 401 and start nothing; a
 * correctly authenticated report is accepted (the positive control). Workflow 06 with a Postmark
 * trigger: a forged opt-out changes no record. Workflow 06 with a Pingen trigger: a report sent as
 * `application/vnd.api+json` (which n8n itself does not parse) reaches the contact log.
 * One n8n instance, loopback only.
 */
import axios from 'axios';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash, createHmac, createSign, generateKeyPairSync } from 'node:crypto';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from '../../scripts/n8nInstance';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { PACKAGE_PREFIX, noOp, workflow } from './harness/workflow';
import { PINGEN_VECTORS } from '../fixtures/providers/signatureVectors';

jest.setTimeout(900_000);

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const nodeNamed = (wf: WorkflowJson, name: string): any => {
	const node = wf.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`no node "${name}" in ${wf.name}`);
	return node;
};

/** Test-only secrets, one per provider, and a second one that is wrong for every provider. */
/**
 * A token saved in the node's removed option by an older version: not a configured secret (the secret
 * search would rightly find a credential's secret written into a workflow).
 */
const OLD_OPTION_TOKEN = 'old-node-option-token-e2e-7d3a';
const SECRET = {
	webhook: 'creditor-report-secret-e2e',
	twilio: 'twilio-auth-token-e2e',
	meta: 'meta-app-secret-e2e',
	mailgun: 'mailgun-signing-key-e2e',
	pingen: PINGEN_VECTORS.python.secret,
	bird: 'bird-signing-key-e2e',
	sinch: 'sinch-callback-secret-e2e',
	postmarkToken: 'postmark-report-token-e2e-4b1f9c',
	postmarkPassword: 'postmark-basic-password-e2e-77a0',
	cmToken: 'cm-report-token-e2e-9d2e11',
	spryngToken: 'spryng-report-token-e2e-0c5a3b',
};
const WRONG = 'not-the-secret-e2e';
const sendGridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const sendGridPublicKey = sendGridKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const otherKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

type Credential = { id: string; name: string; type: string; data: Record<string, unknown> };
const cred = (id: string, type: string, data: Record<string, unknown>): Credential => ({ id, name: `${type} (e2e)`, type, data });
const CREDENTIALS: Record<string, Credential> = {
	webhook: cred('scAuthWebhook001', 'socialCollectionsWebhookApi', { url: 'http://127.0.0.1:9/unused', signingSecret: SECRET.webhook }),
	twilio: cred('scAuthTwilio0001', 'socialCollectionsTwilioApi', { accountSid: `AC${'2'.repeat(32)}`, authToken: SECRET.twilio }),
	metaWhatsApp: cred('scAuthMeta000001', 'socialCollectionsMetaWhatsAppApi', { accessToken: 'unused', phoneNumberId: '1065', appSecret: SECRET.meta }),
	mailgun: cred('scAuthMailgun001', 'socialCollectionsMailgunApi', { apiKey: 'unused', domain: 'mg.example.nl', webhookSigningKey: SECRET.mailgun }),
	sendgrid: cred('scAuthSendGrid01', 'socialCollectionsSendGridApi', { apiKey: 'unused', webhookPublicKey: sendGridPublicKey }),
	pingen: cred('scAuthPingen0001', 'socialCollectionsPingenApi', { clientId: 'unused', clientSecret: 'unused', organisationId: 'unused', webhookSecret: SECRET.pingen }),
	bird: cred('scAuthBird000001', 'socialCollectionsBirdApi', { accessKey: 'unused', workspaceId: 'ws', smsChannelId: 'ch', webhookSigningKey: SECRET.bird }),
	sinch: cred('scAuthSinch00001', 'socialCollectionsSinchApi', { servicePlanId: 'plan', apiToken: 'unused', webhookSecret: SECRET.sinch }),
	postmark: cred('scAuthPostmark01', 'socialCollectionsPostmarkApi', { serverToken: 'unused', reportToken: SECRET.postmarkToken, reportUser: 'postmark', reportPassword: SECRET.postmarkPassword }),
	cm: cred('scAuthCm00000001', 'socialCollectionsCmApi', { productToken: 'unused', reportToken: SECRET.cmToken }),
	spryng: cred('scAuthSpryng0001', 'socialCollectionsSpryngApi', { apiKey: 'unused', reportToken: SECRET.spryngToken }),
};
/** A Postmark credential as it is after an upgrade, before anyone set a report token. */
const POSTMARK_BARE = cred('scAuthPostmark02', 'socialCollectionsPostmarkApi', { serverToken: 'unused' });

const hookOf = (index: number) => `7a0000${String(index).padStart(2, '0')}-0000-4000-8000-00000000e2e0`;
const PROVIDERS = Object.keys(CREDENTIALS);
const workflowId = (provider: string) => `scAuth${provider[0].toUpperCase()}${provider.slice(1)}`.slice(0, 16).padEnd(16, '0');

interface Attempt {
	body: string;
	headers?: Record<string, string>;
	/** Query string (without `?`), e.g. a token. */
	query?: string;
}
interface Case {
	/** What the provider would send, authenticated. */
	good: Attempt;
	unauthenticated: Attempt;
	forged: Attempt;
	/** A valid signature (or token) with another body; for token-only providers see below. */
	swapped: Attempt;
	/** The normalised event the positive control must emit. */
	event: Record<string, unknown>;
}

describe('Delivery Status Trigger: every unauthenticated report is refused, in real n8n', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;
	const url = (hook: string, query = '') => `http://localhost:${n8n.port}/webhook/${hook}/delivery-status${query ? `?${query}` : ''}`;
	/**
	 * POSTs straight to the webhook once it is registered. Not through `n8n.webhook`: its registration
	 * probe is a GET of the same URL, and a GET with the token is a Spryng legacy report of its own.
	 */
	const post = async (hook: string, attempt: Attempt) => {
		await n8n.waitForWebhook(`${hook}/delivery-status`);
		return axios.post(url(hook, attempt.query), attempt.body, { headers: { 'content-type': 'application/json', ...(attempt.headers ?? {}) }, transformRequest: [(data: string) => data], validateStatus: () => true, timeout: 60_000 });
	};

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importCredentials([...Object.values(CREDENTIALS), POSTMARK_BARE]);
		// One small workflow per provider: the trigger with default settings, then a node that only
		// runs when the trigger lets a report through.
		const workflows: WorkflowJson[] = PROVIDERS.map((provider, index) => {
			const { type, id, name } = CREDENTIALS[provider];
			return workflow(
				`Reports: ${provider}`,
				[{ name: 'Reports', type: `${PACKAGE_PREFIX}.deliveryStatusTrigger`, typeVersion: 1, webhookId: hookOf(index), parameters: { provider }, credentials: { [type]: { id, name } } }, noOp('Accepted')],
				[['Reports', 'Accepted']],
				workflowId(provider),
			);
		});
		// Postmark with a credential that has no token, and the token still in the node's old option.
		workflows.push(
			workflow(
				'Reports: postmark, nothing configured',
				[{ name: 'Reports', type: `${PACKAGE_PREFIX}.deliveryStatusTrigger`, typeVersion: 1, webhookId: hookOf(90), parameters: { provider: 'postmark', options: { urlToken: OLD_OPTION_TOKEN } }, credentials: { socialCollectionsPostmarkApi: { id: POSTMARK_BARE.id, name: POSTMARK_BARE.name } } }, noOp('Accepted')],
				[['Reports', 'Accepted']],
				'scAuthPostmarkNo',
			),
		);
		// Workflow 06 as shipped, once with a Postmark and once with a Pingen trigger.
		for (const [provider, id, hook] of [['postmark', 'scDeliveryStPm06', hookOf(91)], ['pingen', 'scDeliveryStPg06', hookOf(92)]] as const) {
			const status = load('06-delivery-status.json');
			status.id = id;
			status.name = `${status.name} (${provider})`;
			const trigger = nodeNamed(status, 'Delivery status');
			trigger.parameters.provider = provider;
			trigger.webhookId = hook;
			trigger.credentials = { [CREDENTIALS[provider].type]: { id: CREDENTIALS[provider].id, name: CREDENTIALS[provider].name } };
			nodeNamed(status, 'Send on the next channel').parameters.options = { contactWindow: false };
			workflows.push(status);
		}
		// One CLI run for all (each boots n8n); they are published over REST once n8n runs.
		await n8n.importWorkflows([load('00-setup-data-tables.json'), ...workflows]);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
		for (const wf of workflows) await rest.activate(wf.id as string);
		const setup = await rest.runManually('scSetupTables01', 'Run once');
		expect(setup.raw.status).toBe('success');
	});

	afterAll(async () => {
		if (process.env.DEBUG_WORKFLOWS) console.log(n8n?.log.slice(-5000));
		await n8n?.dispose();
	});

	/** The reports of each provider, built here because Twilio and Bird sign the URL n8n is called at. */
	function cases(): Record<string, Case> {
		const now = Math.floor(Date.now() / 1000);
		const hook = (provider: string) => hookOf(PROVIDERS.indexOf(provider));

		const creditor = (events: unknown[]) => JSON.stringify({ events });
		const creditorSign = (secret: string, body: string) => ({ 'x-signature-timestamp': String(now), 'x-signature': `sha256=${createHmac('sha256', secret).update(`${now}.${body}`).digest('hex')}` });
		const creditorGood = creditor([{ idempotencyKey: 'sc1-wh', status: 'delivered', channel: 'letter' }]);
		const creditorSwap = creditor([{ idempotencyKey: 'sc1-wh', status: 'failed', channel: 'letter' }]);

		// Twilio, JSON body: the signature covers the URL, whose bodySHA256 must be the body's hash.
		const twilioBody = JSON.stringify({ MessageSid: 'SMe2eauth', MessageStatus: 'delivered', To: '+31612345678' });
		const twilioSwap = JSON.stringify({ MessageSid: 'SMe2eauth', MessageStatus: 'undelivered', ErrorCode: '30005', To: '+31612345678' });
		const twilioQuery = `sc_key=sc1-tw&bodySHA256=${createHash('sha256').update(twilioBody).digest('hex')}`;
		const twilioSign = (secret: string) => createHmac('sha1', secret).update(url(hook('twilio'), twilioQuery)).digest('base64');

		const metaBody = (status: string) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.AUTH', status, timestamp: String(now), recipient_id: '31612345678', biz_opaque_callback_data: 'sc1-wa' }] } }] }] });
		const metaSign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

		const mailgunToken = `mg-e2e-${now}`;
		const mailgunSignature = (secret: string) => ({ timestamp: String(now), token: mailgunToken, signature: createHmac('sha256', secret).update(`${now}${mailgunToken}`).digest('hex') });
		const mailgunBody = (signature: unknown, event: Record<string, unknown>) => JSON.stringify({ signature, 'event-data': { timestamp: now, 'user-variables': { sc_key: 'sc1-mg' }, ...event } });

		const sendGridBody = (event: string) => JSON.stringify([{ email: 'a@example.nl', event, sg_message_id: 'sg-auth', sc_key: 'sc1-sg', timestamp: now }]);
		const sendGridSign = (key: typeof sendGridKeys.privateKey, body: string) => createSign('sha256').update(String(now) + body).sign(key).toString('base64');
		const sendGridHeaders = (signature: string) => ({ 'x-twilio-email-event-webhook-signature': signature, 'x-twilio-email-event-webhook-timestamp': String(now) });

		const pingenGood = PINGEN_VECTORS.python.body;
		const pingenSwap = pingenGood.replace('webhook_issues', 'webhook_delivered');
		const pingenSign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
		const pingenHeaders = (signature?: string) => ({ 'content-type': 'application/vnd.api+json', ...(signature ? { signature } : {}) });

		const birdBody = (status: string) => JSON.stringify({ service: 'channels', event: 'sms.outbound', payload: { id: 'bird-auth', status, reference: 'sc1-bd' } });
		const birdSign = (secret: string, body: string) => ({
			'messagebird-request-timestamp': String(now),
			'messagebird-signature': createHmac('sha256', secret).update(Buffer.concat([Buffer.from(`${now}\n${url(hook('bird'))}\n`), createHash('sha256').update(body).digest()])).digest('base64'),
		});

		const sinchBody = (status: string) => JSON.stringify({ type: 'recipient_delivery_report_sms', batch_id: 'B-AUTH', recipient: '+31612345678', code: 0, status, at: '2026-12-07T10:00:10.000Z', client_reference: 'sc1-sn' });
		const sinchSign = (secret: string, body: string) => ({
			'x-sinch-webhook-signature': createHmac('sha256', secret).update(`${body}.nonce-e2e.${now}`).digest('base64'),
			'x-sinch-webhook-signature-nonce': 'nonce-e2e',
			'x-sinch-webhook-signature-timestamp': String(now),
		});

		const postmarkBody = JSON.stringify({ RecordType: 'Delivery', MessageID: 'pm-auth', Recipient: 'a@example.nl', DeliveredAt: '2026-12-07T10:00:00Z', Metadata: { sc_key: 'sc1-pm' } });
		const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
		const cmBody = JSON.stringify({ messages: { msg: { received: '2026-12-07T10:00:00', to: '0031612345678', reference: 'sc1-cm', status: { code: '2', errorCode: '0' } } } });
		const spryngBody = JSON.stringify({ reference: 'sc1-sp', status: 'delivered', recipient: '31612345678' });

		return {
			webhook: {
				good: { body: creditorGood, headers: creditorSign(SECRET.webhook, creditorGood) },
				unauthenticated: { body: creditorGood },
				forged: { body: creditorGood, headers: creditorSign(WRONG, creditorGood) },
				swapped: { body: creditorSwap, headers: creditorSign(SECRET.webhook, creditorGood) },
				event: { provider: 'webhook', idempotencyKey: 'sc1-wh', status: 'delivered' },
			},
			twilio: {
				good: { body: twilioBody, query: twilioQuery, headers: { 'x-twilio-signature': twilioSign(SECRET.twilio) } },
				unauthenticated: { body: twilioBody, query: twilioQuery },
				forged: { body: twilioBody, query: twilioQuery, headers: { 'x-twilio-signature': twilioSign(WRONG) } },
				// Issue 22 item 4: the captured URL and signature carrying another body.
				swapped: { body: twilioSwap, query: twilioQuery, headers: { 'x-twilio-signature': twilioSign(SECRET.twilio) } },
				event: { provider: 'twilio', messageId: 'SMe2eauth', idempotencyKey: 'sc1-tw', status: 'delivered' },
			},
			metaWhatsApp: {
				good: { body: metaBody('read'), headers: { 'x-hub-signature-256': metaSign(SECRET.meta, metaBody('read')) } },
				unauthenticated: { body: metaBody('read') },
				forged: { body: metaBody('read'), headers: { 'x-hub-signature-256': metaSign(WRONG, metaBody('read')) } },
				swapped: { body: metaBody('failed'), headers: { 'x-hub-signature-256': metaSign(SECRET.meta, metaBody('read')) } },
				event: { provider: 'metaWhatsApp', messageId: 'wamid.AUTH', idempotencyKey: 'sc1-wa', status: 'read' },
			},
			mailgun: {
				good: { body: mailgunBody(mailgunSignature(SECRET.mailgun), { event: 'delivered' }) },
				unauthenticated: { body: mailgunBody({}, { event: 'delivered' }) },
				forged: { body: mailgunBody(mailgunSignature(WRONG), { event: 'delivered' }) },
				// Mailgun signs timestamp and token only: the signature of the report accepted above, on another event.
				swapped: { body: mailgunBody(mailgunSignature(SECRET.mailgun), { event: 'failed', severity: 'permanent' }) },
				event: { provider: 'mailgun', idempotencyKey: 'sc1-mg', status: 'delivered' },
			},
			sendgrid: {
				good: { body: sendGridBody('delivered'), headers: sendGridHeaders(sendGridSign(sendGridKeys.privateKey, sendGridBody('delivered'))) },
				unauthenticated: { body: sendGridBody('delivered') },
				forged: { body: sendGridBody('delivered'), headers: sendGridHeaders(sendGridSign(otherKeys.privateKey, sendGridBody('delivered'))) },
				swapped: { body: sendGridBody('bounce'), headers: sendGridHeaders(sendGridSign(sendGridKeys.privateKey, sendGridBody('delivered'))) },
				event: { provider: 'sendgrid', idempotencyKey: 'sc1-sg', status: 'delivered' },
			},
			pingen: {
				good: { body: pingenGood, headers: pingenHeaders(PINGEN_VECTORS.python.signature) },
				unauthenticated: { body: pingenGood, headers: pingenHeaders() },
				forged: { body: pingenGood, headers: pingenHeaders(pingenSign(WRONG, pingenGood)) },
				swapped: { body: pingenSwap, headers: pingenHeaders(PINGEN_VECTORS.python.signature) },
				event: { provider: 'pingen', channel: 'letter', messageId: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', status: 'failed', errorMessage: 'Page limit exceeded' },
			},
			bird: {
				good: { body: birdBody('delivered'), headers: birdSign(SECRET.bird, birdBody('delivered')) },
				unauthenticated: { body: birdBody('delivered') },
				forged: { body: birdBody('delivered'), headers: birdSign(WRONG, birdBody('delivered')) },
				swapped: { body: birdBody('delivery_failed'), headers: birdSign(SECRET.bird, birdBody('delivered')) },
				event: { provider: 'bird', messageId: 'bird-auth', idempotencyKey: 'sc1-bd', status: 'delivered' },
			},
			sinch: {
				good: { body: sinchBody('Delivered'), headers: sinchSign(SECRET.sinch, sinchBody('Delivered')) },
				unauthenticated: { body: sinchBody('Delivered') },
				forged: { body: sinchBody('Delivered'), headers: sinchSign(WRONG, sinchBody('Delivered')) },
				swapped: { body: sinchBody('Failed'), headers: sinchSign(SECRET.sinch, sinchBody('Delivered')) },
				event: { provider: 'sinch', messageId: 'B-AUTH', idempotencyKey: 'sc1-sn', status: 'delivered' },
			},
			// Postmark, CM.com and Spryng sign nothing: a token (or basic auth) proves the caller, not the
			// body. Their "swapped" report is a valid secret presented where it does not belong: another
			// provider's token, and for Postmark the basic-auth password as the URL token.
			postmark: {
				good: { body: postmarkBody, query: `token=${SECRET.postmarkToken}` },
				unauthenticated: { body: postmarkBody },
				forged: { body: postmarkBody, query: `token=${WRONG}`, headers: basic('postmark', WRONG) },
				swapped: { body: postmarkBody, query: `token=${SECRET.postmarkPassword}`, headers: basic('postmark', SECRET.postmarkToken) },
				event: { provider: 'postmark', messageId: 'pm-auth', idempotencyKey: 'sc1-pm', status: 'delivered', authenticatedBy: 'token' },
			},
			cm: {
				good: { body: cmBody, query: `token=${SECRET.cmToken}` },
				unauthenticated: { body: cmBody },
				forged: { body: cmBody, query: `token=${WRONG}` },
				swapped: { body: cmBody, query: `token=${SECRET.spryngToken}` },
				event: { provider: 'cm', idempotencyKey: 'sc1-cm', status: 'delivered' },
			},
			spryng: {
				good: { body: spryngBody, query: `token=${SECRET.spryngToken}` },
				unauthenticated: { body: spryngBody },
				forged: { body: spryngBody, query: `token=${WRONG}` },
				swapped: { body: spryngBody, query: `token=${SECRET.cmToken}` },
				event: { provider: 'spryng', idempotencyKey: 'sc1-sp', status: 'delivered' },
			},
		};
	}

	const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

	test.each(PROVIDERS)('%s: unauthenticated, forged and body-swapped reports get 401 and start nothing; an authenticated one is accepted', async (provider) => {
		const hook = hookOf(PROVIDERS.indexOf(provider));
		const wf = workflowId(provider);
		const report = cases()[provider];
		for (const kind of ['unauthenticated', 'forged'] as const) {
			const answer = await post(hook, report[kind]);
			expect([kind, answer.status]).toEqual([kind, 401]);
			expect(JSON.stringify(answer.data)).not.toMatch(/at \w+ \(|\/node_modules\//);
		}
		await settle();
		expect(await rest.executions(wf)).toEqual([]);

		// Positive control: the same report, authenticated, runs the workflow with the normalised event.
		const good = await post(hook, report.good);
		expect(good.status).toBe(200);
		let executions: Awaited<ReturnType<N8nRest['executions']>> = [];
		for (let i = 0; i < 120 && executions.length === 0; i++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			executions = await rest.executions(wf);
		}
		expect(executions).toHaveLength(1);
		const run = await rest.execution(executions[0].id);
		expect(run.items('Accepted')).toEqual([expect.objectContaining({ ...report.event, verified: true })]);

		// After the genuine report: its signature (or a secret that is not this URL's) on another body.
		const swapped = await post(hook, report.swapped);
		expect(['swapped', swapped.status]).toEqual(['swapped', 401]);
		await settle();
		expect(await rest.executions(wf)).toHaveLength(1);
	});

	test('Postmark: basic auth from the credential is accepted; the old node option and no configured token are not', async () => {
		const body = JSON.stringify({ RecordType: 'Delivery', MessageID: 'pm-basic', Recipient: 'a@example.nl', Metadata: { sc_key: 'sc1-pm2' } });
		const basic = await post(hookOf(PROVIDERS.indexOf('postmark')), { body, headers: { authorization: `Basic ${Buffer.from(`postmark:${SECRET.postmarkPassword}`).toString('base64')}` } });
		expect(basic.status).toBe(200);

		// Nothing configured in the credential; the token still in the node's old option (n8n no longer
		// hands it to the node: the option is not in its description) and in the URL.
		const bare = await post(hookOf(90), { body, query: `token=${OLD_OPTION_TOKEN}` });
		expect(bare.status).toBe(401);
		expect(bare.data.error).toMatch(/Report URL Token/);
		expect(n8n.log).toMatch(/refused a report \(401\)/);
		await settle();
		expect(await rest.executions('scAuthPostmarkNo')).toEqual([]);
	});

	describe('workflow 06', () => {
		const debtor = (debtorId: string) => ({
			debtorId,
			status: 'open',
			record: JSON.stringify({
				debtorId,
				firstName: 'Sam',
				lastName: 'Jansen',
				contact: { email: `${debtorId.toLowerCase()}@example.nl`, mobile: '+31612345678' },
				preferredChannel: 'email',
				claims: [{ claimId: `C-${debtorId}`, principalCents: 5000, openCents: 5000, invoiceDate: '2026-10-01', dueDate: '2026-10-15' }],
			}),
		});
		const sentRow = (debtorId: string, channel: string, idempotencyKey: string) => ({
			loggedAt: '2026-11-20T08:01:00.000+01:00', day: '2026-11-20', debtorId, decision: 'sent', stage: 'reminder-1', channel, claimIds: `C-${debtorId}`,
			status: 'sent', reason: 'sandbox', moment: '2026-11-20T08:00:00+01:00', templateId: `reminder-1/${channel}/neutral/u/nl`, idempotencyKey, messageId: '',
		});
		const recordOf = async (debtorId: string) => JSON.parse(String((await rest.rows('sc_debtors')).find((row: Row) => row.debtorId === debtorId)!.record));
		const waitForRun = async (id: string) => {
			for (let i = 0; i < 240; i++) {
				const list = await rest.executions(id);
				if (list.length && list.every((run) => run.status !== 'running' && run.status !== 'new')) return list;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			throw new Error(`workflow ${id} did not finish`);
		};

		test('Postmark: a forged opt-out is refused and changes no record; the same opt-out with the token closes the channel', async () => {
			await rest.insertRows('sc_debtors', [debtor('D-700')]);
			await rest.insertRows('sc_contact_log', [sentRow('D-700', 'email', 'sc1-e2e-pm-optout')]);
			const optOut = JSON.stringify({ RecordType: 'SubscriptionChange', MessageID: 'pm-sub-1', Recipient: 'd-700@example.nl', SuppressSending: true, ChangedAt: '2026-12-07T10:00:00Z', Metadata: { sc_key: 'sc1-e2e-pm-optout' } });
			const logBefore = await rest.rows('sc_contact_log');
			for (const attempt of [{ body: optOut }, { body: optOut, query: `token=${WRONG}` }, { body: optOut, query: `token=${SECRET.cmToken}` }]) {
				expect((await post(hookOf(91), attempt)).status).toBe(401);
			}
			await settle();
			expect(await rest.executions('scDeliveryStPm06')).toEqual([]);
			expect((await recordOf('D-700')).consents).toBeUndefined();
			expect(await rest.rows('sc_contact_log')).toEqual(logBefore);

			expect((await post(hookOf(91), { body: optOut, query: `token=${SECRET.postmarkToken}` })).status).toBe(200);
			expect((await waitForRun('scDeliveryStPm06')).map((run) => run.status)).toEqual(['success']);
			expect((await recordOf('D-700')).consents).toEqual({ emailOptOut: true });
		});

		test('Pingen: a report sent as application/vnd.api+json reaches the contact log; a forged one does not', async () => {
			const logBefore = await rest.rows('sc_contact_log');
			const forged = await post(hookOf(92), { body: PINGEN_VECTORS.python.body.replace('webhook_issues', 'webhook_delivered'), headers: { 'content-type': 'application/vnd.api+json', signature: PINGEN_VECTORS.python.signature } });
			expect(forged.status).toBe(401);
			await settle();
			expect(await rest.executions('scDeliveryStPg06')).toEqual([]);
			expect(await rest.rows('sc_contact_log')).toEqual(logBefore);

			const good = await post(hookOf(92), { body: PINGEN_VECTORS.python.body, headers: { 'content-type': 'application/vnd.api+json', signature: PINGEN_VECTORS.python.signature } });
			expect(good.status).toBe(200);
			expect((await waitForRun('scDeliveryStPg06')).map((run) => run.status)).toEqual(['success']);
			const added = (await rest.rows('sc_contact_log')).slice(logBefore.length);
			// Read from the raw body: the letter's id, its status and Pingen's reason. Pingen reports carry
			// no idempotency key, so workflow 06 logs the report as not matched to a sent message.
			expect(added.map((row) => [row.channel, row.status, row.messageId, row.decision])).toEqual([['letter', 'failed', 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'unmatched']]);
		});
	});
});
