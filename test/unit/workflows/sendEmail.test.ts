/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * Every shipped workflow (both editions) whose Channel Sender can send e-mail calls the Send Email
 * workflow (10) after it for the SMTP provider: handed-off items go through it, the others pass by,
 * and both come together again before the rest of the workflow, so every item leaves accounted for.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { SEND_EMAIL_WORKFLOW_ID } from '../../../workflows/src/sendEmail';

const DIR = path.resolve(__dirname, '../../../workflows');
const FILES = [...fs.readdirSync(DIR).map((file) => file), ...fs.readdirSync(path.join(DIR, 'postgres')).map((file) => `postgres/${file}`)].filter((file) => file.endsWith('.json')).sort();
const CHANNEL_SENDER = 'n8n-nodes-social-collections.channelSender';

interface Node {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, any>;
	onError?: string;
	credentials?: unknown;
}
interface Workflow {
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string; index: number }>> }>;
}

const load = (file: string): Workflow => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const targets = (wf: Workflow, name: string, output = 0) => (wf.connections[name]?.main[output] ?? []).map((link) => link.node);

describe("shipped workflows: SMTP through n8n's Send Email node", () => {
	const senders = FILES.flatMap((file) => {
		const wf = load(file);
		// The demo sends through the sandbox only; a dry run (Postgres's "Contact keys") sends nothing.
		return wf.nodes.filter((node) => node.type === CHANNEL_SENDER && !node.parameters.dryRun && !file.includes('08-demo')).map((node) => [file, node.name] as const);
	});

	test('the workflows that send are all covered', () => {
		expect(new Set(senders.map(([file]) => file))).toEqual(
			new Set([
				'01-daily-collection-journey.json',
				'03-early-warning.json',
				'04-flex-collection-date.json',
				'05-payment-arrangement.json',
				'06-delivery-status.json',
				'07-reversal-handling.json',
				'postgres/01-daily-collection-journey-batch.json',
				'postgres/03-early-warning-batch.json',
				'postgres/04-flex-collection-date.json',
				'postgres/05-payment-arrangement.json',
				'postgres/06-delivery-status.json',
				'postgres/07-reversal-handling-batch.json',
			]),
		);
	});

	test.each(senders)('%s: %s', (file, sender) => {
		const wf = load(file);
		const [handed] = targets(wf, sender, 0).filter((name) => name.endsWith('Send by e-mail (SMTP)?'));
		expect(handed).toBeDefined();
		const prefix = handed.slice(0, -'Send by e-mail (SMTP)?'.length);
		const byName = (name: string) => wf.nodes.find((node) => node.name === `${prefix}${name}`)!;
		expect(byName('Send by e-mail (SMTP)?').parameters.conditions.conditions[0].leftValue).toBe("={{ $json.delivery.handOff === 'sendEmail' }}");
		// No Send Email node in a sending workflow: it would need an SMTP credential to be published.
		expect(wf.nodes.filter((node) => node.type === 'n8n-nodes-base.emailSend')).toEqual([]);
		const call = byName('Send Email (SMTP workflow)');
		expect(call).toMatchObject({ type: 'n8n-nodes-base.executeWorkflow', typeVersion: 1.2, onError: 'continueErrorOutput' });
		expect(call.parameters).toMatchObject({ source: 'database', mode: 'once', workflowId: { mode: 'id', value: `={{ '${SEND_EMAIL_WORKFLOW_ID}' }}` }, options: { waitForSubWorkflow: true } });
		expect(targets(wf, `${prefix}Send by e-mail (SMTP)?`, 0)).toEqual([`${prefix}Send Email (SMTP workflow)`]);
		expect(targets(wf, `${prefix}Send by e-mail (SMTP)?`, 1)).toEqual([`${prefix}Sent (Send Email included)`]);
		expect(targets(wf, `${prefix}Send Email (SMTP workflow)`, 0)).toEqual([`${prefix}Sent by Send Email?`]);
		expect(targets(wf, `${prefix}Send Email (SMTP workflow)`, 1)).toEqual([`${prefix}Send Email workflow failed`]);
		expect(targets(wf, `${prefix}Sent by Send Email?`, 0)).toContain(`${prefix}Sent (Send Email included)`);
		expect(targets(wf, `${prefix}Sent by Send Email?`, 1)).toContain(`${prefix}Not sent (Send Email included)`);
		expect(targets(wf, `${prefix}Send Email workflow failed`)).toEqual([`${prefix}Held after Send Email workflow`]);
		expect(targets(wf, `${prefix}Held after Send Email workflow`)).toContain(`${prefix}Not sent (Send Email included)`);
		expect(byName('Send Email workflow failed').parameters.jsonOutput).toContain('unconfirmed: true');
		expect(byName('Not sent (Send Email included)').parameters).toMatchObject({ mode: 'append', numberInputs: 3 });
		expect(targets(wf, sender, 1)).toContain(`${prefix}Not sent (Send Email included)`);
		// The rest of the workflow reads the merged outputs, never the Channel Sender's Sent output directly.
		expect(targets(wf, sender, 0).filter((name) => name !== 'Settle the sends')).toEqual([handed]);
		expect(targets(wf, `${prefix}Sent (Send Email included)`).length).toBeGreaterThan(0);
		expect(targets(wf, `${prefix}Not sent (Send Email included)`).length).toBeGreaterThan(0);
		// Postgres: what comes back from the Send Email workflow settles its claims too.
		if (wf.nodes.some((node) => node.name === 'Settle the sends')) {
			for (const [from, output] of [[`${prefix}Sent by Send Email?`, 0], [`${prefix}Sent by Send Email?`, 1], [`${prefix}Held after Send Email workflow`, 0]] as const) {
				expect(targets(wf, from, output)).toContain('Settle the sends');
			}
		}
	});

	test('the Send Email workflow (10): called with the items, sends each with n8n\'s Send Email node, returns each with its delivery', () => {
		const wf = load('10-send-email-smtp.json');
		expect(wf).toMatchObject({ id: SEND_EMAIL_WORKFLOW_ID });
		const byName = (name: string) => wf.nodes.find((node) => node.name === name)!;
		expect(byName('Message to send')).toMatchObject({ type: 'n8n-nodes-base.executeWorkflowTrigger', parameters: { inputSource: 'passthrough' } });
		const mail = byName('Send Email (SMTP)');
		expect(mail).toMatchObject({ type: 'n8n-nodes-base.emailSend', typeVersion: 2.1, onError: 'continueRegularOutput' });
		expect(mail.parameters).toMatchObject({
			fromEmail: '={{ $json.delivery.email.from }}',
			toEmail: '={{ $json.delivery.email.to }}',
			emailFormat: 'both',
			options: { appendAttribution: false, attachments: '={{ $json.delivery.email.inlineAttachments }}', fileAttachments: '={{ $json.delivery.email.fileAttachments }}' },
		});
		// No credential in a shipped workflow: the admin picks n8n's SMTP credential.
		expect(mail.credentials).toBeUndefined();
		expect(targets(wf, 'Message to send')).toEqual(['Send Email (SMTP)']);
		expect(targets(wf, 'Send Email (SMTP)')).toEqual(['Delivery after sending']);
		const after = byName('Delivery after sending').parameters.jsonOutput as string;
		expect(after).toContain("status: 'sent', providerMessageId: $json.messageId");
		expect(after).toContain("errorCode: 'send-email-failed'");
		// The last node is the only one with output: it is what the caller gets back.
		expect(targets(wf, 'Delivery after sending')).toEqual([]);
	});
});
