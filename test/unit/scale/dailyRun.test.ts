/**
 * How `npm run bench:scale` prepares the shipped Postgres edition of the daily journey
 * (test/bench/scaleDailyRun.ts): the dispatcher is the entry and calls the batch webhook on the
 * bench's main, the day is set, the contact window is off, and the No Operation baseline keeps
 * n8n's nodes and still settles every claimed debtor, so its day ends.
 */
import type { WorkflowJson } from '../../../scripts/n8nInstance';
import { PACKAGE_NAME } from '../../../scripts/runtime';
import { BATCH_PATH, FULL_REPLAN_SQL } from '../../../workflows/src/postgres';
import { baselineId, baselineWorkflows, entryOf, noOpWorkflow, POSTGRES_EDITION, preparedWorkflow, replacedNodes, workflowsFrom } from '../../bench/scaleDailyRun';

type Node = { name: string; type: string; parameters?: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
const nodes = (wf: WorkflowJson) => wf.nodes as Node[];
const node = (wf: WorkflowJson, name: string) => nodes(wf).find((n) => n.name === name)!;
const BASE = 'http://127.0.0.1:43210';
const DAY = '2026-07-01';

const edition = workflowsFrom(POSTGRES_EDITION.dir, POSTGRES_EDITION.files);
const prepared = edition.map((wf) => preparedWorkflow(wf, DAY, POSTGRES_EDITION.settings, BASE));
const dispatcher = prepared.find((wf) => wf.name === 'Social Collections (Postgres): daily collection journey')!;
const batch = prepared.find((wf) => wf.name === 'Social Collections (Postgres): daily collection journey, batch')!;

/** Names of nodes an item can reach from `from` along the given output of each node. */
function reachable(wf: WorkflowJson, from: string, outputOf: (node: Node) => number): string[] {
	const connections = wf.connections as Record<string, { main?: Array<Array<{ node: string }> | null> }>;
	const seen: string[] = [];
	for (let name: string | undefined = from; name !== undefined && !seen.includes(name); ) {
		seen.push(name);
		const targets: Array<{ node: string }> = connections[name]?.main?.[outputOf(node(wf, name))] ?? [];
		name = targets[0]?.node;
	}
	return seen;
}

describe('bench:scale on the shipped Postgres edition', () => {
	it('starts the dispatcher, whose batch calls go to the batch webhook on the bench\'s main, on the bench day', () => {
		expect(entryOf(prepared, undefined)).toEqual({ wf: dispatcher, trigger: 'Run now (manual)' });
		const settings = Object.fromEntries(node(dispatcher, 'Settings').parameters!.assignments.assignments.map((a: { name: string; value: string }) => [a.name, a.value]));
		expect(settings).toMatchObject({ referenceDate: DAY, now: `${DAY}T08:00:00+02:00`, batchWebhookUrl: `${BASE}/webhook/${BATCH_PATH}` });
		const webhook = nodes(batch).find((n) => n.type === 'n8n-nodes-base.webhook')!;
		expect(webhook.parameters!.path).toBe(BATCH_PATH);
		for (const sender of nodes(batch).filter((n) => n.type === `${PACKAGE_NAME}.channelSender`)) expect(sender.parameters!.options.contactWindow).toBe(false);
	});

	it('re-plans with the documented switch: every open debtor counts as never planned, no record changes', () => {
		expect(POSTGRES_EDITION.fullReplanSql).toBe(FULL_REPLAN_SQL);
		expect(FULL_REPLAN_SQL).toMatch(/^UPDATE sc_debtors SET planned_version = NULL WHERE status = 'open';$/);
	});

	it('has a No Operation baseline without the package\'s nodes that still settles each claimed debtor', () => {
		const baseline = noOpWorkflow(batch);
		expect(nodes(baseline).filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))).toEqual([]);
		expect(replacedNodes([batch])).toEqual(expect.arrayContaining([`${batch.name}: Segment debtors`, `${batch.name}: Plan next step`, `${batch.name}: Send due messages`]));
		// n8n's nodes stay as they are: the claim and the write are the same statements.
		for (const name of ['Claim a batch of due debtors', 'Write contact log', 'Log: waiting for its moment']) expect(node(baseline, name)).toEqual(node(batch, name));
		// A record without journey or schedule: No Operation passes it on (output 0), each If takes its false output.
		const path = reachable(baseline, 'Claim a batch of due debtors', (n) => (n.type === 'n8n-nodes-base.if' ? 1 : 0));
		expect(path).toEqual([
			'Claim a batch of due debtors',
			'Answer: debtors claimed',
			'Debtor record from row',
			'Segment debtors',
			'Plan next step',
			'Needs a person?',
			'Write the message',
			'When may we contact?',
			'Due today?',
			'Log: waiting for its moment',
			'Write contact log',
		]);
		for (const name of ['Needs a person?', 'Due today?']) expect(JSON.stringify(node(baseline, name).parameters)).toMatch(/\$json\.(journey|schedule)\./);
		// Its row plans the debtor for the next day, also when the item has no schedule.
		expect(node(baseline, 'Log: waiting for its moment').parameters!.jsonOutput).toContain("\"nextStepDate\": text(() => [[$json.schedule?.date ?? '', $json.journey?.nextReviewDate ?? $json.schedule?.date ?? ''].sort()[0], $('Settings').first().json.nextDay].sort().pop())");
		expect(noOpWorkflow(dispatcher)).toEqual(dispatcher);
	});

	it('installs the baseline as workflows of their own: other ids, names and webhook path, the dispatcher calling that path', () => {
		const baseline = baselineWorkflows(prepared);
		expect(baseline.map((wf) => wf.id)).toEqual(prepared.map((wf) => baselineId(wf.id!)));
		for (const [i, wf] of baseline.entries()) {
			expect(wf.id).toHaveLength(prepared[i].id!.length);
			expect(wf.id).toMatch(/NoOp$/);
			expect(prepared.map((p) => p.id)).not.toContain(wf.id);
			expect(wf.name).toMatch(/\(No Operation baseline\)$/);
			expect(nodes(wf).filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))).toEqual([]);
		}
		const [webhook] = baseline.flatMap((wf) => nodes(wf).filter((n) => n.type === 'n8n-nodes-base.webhook')) as Array<Node & { webhookId?: string }>;
		expect(webhook.parameters!.path).toBe(`${BATCH_PATH}-noop`);
		expect(webhook.webhookId).not.toBe((nodes(batch).find((n) => n.type === 'n8n-nodes-base.webhook') as { webhookId?: string }).webhookId);
		const baselineDispatcher = baseline.find((wf) => wf.id === baselineId(dispatcher.id!))!;
		const url = node(baselineDispatcher, 'Settings').parameters!.assignments.assignments.find((a: { name: string }) => a.name === 'batchWebhookUrl').value;
		expect(url).toBe(`${BASE}/webhook/${BATCH_PATH}-noop`);
		// The real ones are left as they were.
		expect(node(dispatcher, 'Settings').parameters!.assignments.assignments.find((a: { name: string }) => a.name === 'batchWebhookUrl').value).toBe(`${BASE}/webhook/${BATCH_PATH}`);
	});
});
