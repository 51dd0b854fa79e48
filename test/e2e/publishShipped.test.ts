/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * Every shipped workflow publishes the way an admin publishes it in the editor (n8n's REST API, which
 * checks every connected node's credentials and required parameters; the CLI's publish:workflow does
 * not), with only the credentials its page asks for and no SMTP credential: a creditor who does not
 * send by SMTP never has to make one. Only the Send Email workflow (10) needs n8n's SMTP credential,
 * and n8n refuses to publish it without one, naming the node.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from '../../scripts/n8nInstance';
import { N8nRest, ownerEnv } from './harness/rest';
import { BATCH_CREDENTIAL, POSTGRES_CREDENTIAL } from '../../workflows/src/postgres';
import { SEND_EMAIL_WORKFLOW_ID } from '../../workflows/src/sendEmail';

jest.setTimeout(600_000);

const DIR = path.join(REPO_ROOT, 'workflows');
const SHIPPED: WorkflowJson[] = [
	...fs.readdirSync(DIR).filter((file) => file.endsWith('.json')).map((file) => path.join(DIR, file)),
	...fs.readdirSync(path.join(DIR, 'postgres')).filter((file) => file.endsWith('.json')).map((file) => path.join(DIR, 'postgres', file)),
].map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));

/** The signing secret of the ERP intake and of the delivery reports (HTTPS Webhook, the triggers' default). */
const WEBHOOK_CRED = { id: 'scPublishHook001', name: 'HTTPS Webhook (creditor)' };
const SMTP_CRED = { id: 'scPublishSmtp001', name: 'SMTP (mail relay)' };
/** Credentials that only need to exist (publishing connects to nothing): no value here protects anything. */
const UNUSED = { text: 'publish-test-0123456789abcdef' };
const TRIGGERS_WITH_CREDENTIAL = new Set(['n8n-nodes-social-collections.erpIntakeTrigger', 'n8n-nodes-social-collections.deliveryStatusTrigger']);
/** Workflows started by hand only (set-up, demo, move): nothing to publish. */
const startedByHand = (wf: any) => wf.nodes.every((node: any) => node.type === 'n8n-nodes-base.manualTrigger' || node.type === 'n8n-nodes-base.executeWorkflowTrigger' || !/trigger$|\.webhook$/i.test(node.type));

describe('shipped workflows publish through the REST API with only their own credentials', () => {
	let n8n: N8nInstance;
	let rest: N8nRest;

	beforeAll(async () => {
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importCredentials([
			{ ...WEBHOOK_CRED, type: 'socialCollectionsWebhookApi', data: { url: 'http://127.0.0.1:9/unused', signingSecret: UNUSED.text } },
			{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: '127.0.0.1', port: 9, database: 'unused', user: 'unused', password: 'unused' } },
			{ ...BATCH_CREDENTIAL, type: 'jwtAuth', data: { keyType: 'passphrase', secret: UNUSED.text, algorithm: 'HS256' } },
			{ ...SMTP_CRED, type: 'smtp', data: { host: '127.0.0.1', port: 9, secure: false, disableStartTls: true } },
		]);
		await n8n.importWorkflows(SHIPPED);
		await n8n.start();
		rest = await N8nRest.signIn(n8n);
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	/** Publishes as the editor does; returns n8n's refusal, or undefined when it published. */
	const publish = async (id: string): Promise<string | undefined> => {
		try {
			await rest.activate(id);
			return undefined;
		} catch (error) {
			return (error as Error).message;
		}
	};

	const toPublish = SHIPPED.filter((wf) => !startedByHand(wf) && wf.id !== SEND_EMAIL_WORKFLOW_ID).map((wf) => [wf.name as string, wf.id as string] as const);

	test('what is published: every workflow with a schedule, form, webhook or trigger of the package', () => {
		expect(toPublish.length).toBe(17);
	});

	test.each(toPublish)('%s', async (_name, id) => {
		// The admin picks the credential on a trigger of the package that asks for one; nothing else is set.
		await rest.updateWorkflow(id, (wf) => {
			for (const node of wf.nodes) if (TRIGGERS_WITH_CREDENTIAL.has(node.type)) node.credentials = { socialCollectionsWebhookApi: WEBHOOK_CRED };
		});
		const stored = await rest.call<any>('get', `/workflows/${id}`);
		expect(JSON.stringify(stored.nodes)).not.toContain('"smtp"');
		expect(await publish(id)).toBeUndefined();
		expect((await rest.call<any>('get', `/workflows/${id}`)).activeVersionId).toBeTruthy();
		// Unpublished again: the two editions share webhook and form paths.
		await rest.call('post', `/workflows/${id}/deactivate`);
	});

	test('the Send Email workflow (10): refused without an SMTP credential, naming the node; published with one', async () => {
		const refused = await publish(SEND_EMAIL_WORKFLOW_ID);
		expect(refused).toMatch(/answered 400/);
		expect(refused).toContain('Send Email (SMTP)');
		expect(refused).toMatch(/Missing required credential: smtp/i);
		await rest.updateWorkflow(SEND_EMAIL_WORKFLOW_ID, (wf) => {
			wf.nodes.find((node: any) => node.name === 'Send Email (SMTP)').credentials = { smtp: SMTP_CRED };
		});
		expect(await publish(SEND_EMAIL_WORKFLOW_ID)).toBeUndefined();
	});
});
