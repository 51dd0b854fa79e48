/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; workflow JSON is loose */
/**
 * Static checks of the Postgres edition (workflows/postgres/*.json, written from the same builders as
 * the Data Table edition with the POSTGRES store): written by the builder, well connected, every query
 * a constant whose values come only from the Postgres node's query parameters, the send claimed before
 * the Channel Sender with the Channel Sender's own key, the batch webhook protected.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { workflowFiles } from '../../../build/workflows';
import { POSTGRES_SETUP, POSTGRES_WORKFLOWS, WORKFLOWS } from '../../../workflows/src';
import { dailyJourney } from '../../../workflows/src/01-daily-collection-journey';
import { BATCH_CREDENTIAL, BATCH_PATH, POSTGRES_CREDENTIAL, POSTGRES_NODE_VERSION, SQL } from '../../../workflows/src/postgres';
import { DATA_TABLES } from '../../../workflows/src/store';
import { FORM_SQL } from '../../../workflows/src/formStore';

const DIR = path.resolve(__dirname, '../../../workflows/postgres');
const FILES = fs.readdirSync(DIR).filter((file) => file.endsWith('.json')).sort();
const read = (file: string): any => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const batch = read('01-daily-collection-journey-batch.json');
const dispatcher = read('01-daily-collection-journey.json');
const node = (wf: any, name: string): any => {
	const found = wf.nodes.find((n: any) => n.name === name);
	if (!found) throw new Error(`no node ${name}`);
	return found;
};
const targets = (wf: any, from: string, output = 0): string[] => (wf.connections[from]?.main[output] ?? []).map((link: any) => link.node);

/**
 * Evaluates a Postgres node's Query Parameters expression the way the node reads it (an array: one
 * parameter per element) against a stand-in item and Settings.
 */
function parametersOf(expression: string, json: Record<string, unknown>): unknown[] {
	const match = /^=\{\{ ([\s\S]*) \}\}$/.exec(expression);
	if (!match) throw new Error(`not one expression: ${expression}`);
	const settings = { referenceDate: '2026-07-01', owner: 'batch-1', batchSize: '100', leaseMinutes: '15', nextDay: '2026-07-02', first: 'D-1', last: 'D-9', keys: [{ key: 'customer:abc', limit: 5 }], windowMinutes: 15 };
	const $ = () => ({ first: () => ({ json: settings }) });
	// A node that runs once for all its items reads them with $input.all().
	const $input = { all: () => [{ json }, { json }] };
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the expression is the workflow's own, evaluated as n8n would
	return new Function('$json', '$', '$input', `return (${match[1]});`)(json, $, $input) as unknown[];
}

describe('Postgres edition (static)', () => {
	test('the expected workflows are there, each written by the builder', () => {
		expect(FILES).toEqual([...Object.keys(POSTGRES_WORKFLOWS), ...Object.keys(POSTGRES_SETUP)].sort());
		const files = workflowFiles();
		for (const file of FILES) expect([file, fs.readFileSync(path.join(DIR, file), 'utf8') === files[`postgres/${file}`]]).toEqual([file, true]);
		// The Data Table edition is the same description with the default store.
		expect(JSON.stringify(WORKFLOWS['01-daily-collection-journey.json']())).toBe(JSON.stringify(dailyJourney(DATA_TABLES)));
	});

	describe.each(FILES)('%s', (file) => {
		const wf = read(file);
		const names = wf.nodes.map((n: any) => n.name);

		test('ids fixed and apart from the Data Table edition; names unique; links to existing nodes; every node reached', () => {
			expect(wf.id).toMatch(/^[A-Za-z0-9]{10,20}$/);
			expect(Object.values(WORKFLOWS).map((build) => build().id)).not.toContain(wf.id);
			expect(new Set(names).size).toBe(names.length);
			const reached = new Set<string>();
			for (const [from, entry] of Object.entries<any>(wf.connections)) {
				expect(names).toContain(from);
				for (const output of entry.main) for (const link of output) {
					expect([from, names.includes(link.node)]).toEqual([from, true]);
					reached.add(link.node);
				}
			}
			for (const n of wf.nodes) {
				if (n.type === 'n8n-nodes-base.stickyNote' || /trigger/i.test(n.type) || n.type === 'n8n-nodes-base.webhook') continue;
				expect([n.name, reached.has(n.name)]).toEqual([n.name, true]);
			}
			expect(wf.settings.executionOrder).toBe('v1');
			expect(String(wf.nodes.find((n: any) => n.type === 'n8n-nodes-base.stickyNote').parameters.content)).toMatch(/^## /);
		});

		test('credentials are named, never filled in', () => {
			for (const n of wf.nodes.filter((x: any) => x.credentials)) {
				for (const credential of Object.values<any>(n.credentials)) expect([POSTGRES_CREDENTIAL, BATCH_CREDENTIAL]).toContainEqual(credential);
			}
		});

		test("every query is one of the edition's constants; its values come only from query parameters, as many as it uses", () => {
			const queries = [...Object.values(SQL), ...Object.values(FORM_SQL)] as string[];
			for (const n of wf.nodes.filter((x: any) => x.type === 'n8n-nodes-base.postgres')) {
				expect([n.name, n.typeVersion, n.credentials]).toEqual([n.name, POSTGRES_NODE_VERSION, { postgres: POSTGRES_CREDENTIAL }]);
				expect(n.parameters.operation).toBe('executeQuery');
				expect(queries).toContain(n.parameters.query);
				// n8n resolves {{ }} inside a query as text: a query must hold none.
				expect(n.parameters.query).not.toMatch(/\{\{|\$json|\$\(/);
				// Single (one transaction for the node's items), or each statement on its own where locks on
				// several debtors' rows at once could deadlock with a concurrent request (record writes, intake log).
				expect([n.name, ['single', 'independently'].includes(n.parameters.options.queryBatching)]).toEqual([n.name, true]);
				const highest = Math.max(0, ...[...String(n.parameters.query).matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
				const item = {
					debtorId: 'D-1', delivery: { contactKey: 'sc1-abc', status: 'sent', channel: 'email', idempotencyKey: 'sc1-def' }, referenceDate: '2026-07-01', owner: 'batch-1', batchSize: '100', leaseMinutes: '15',
					// ERP intake: an event, and a record loop's row to write.
					eventId: 'ERP-1', version: 0, status: 'open', record: '{"debtorId":"D-1"}', item: 0,
					// Set-up: a migration.
					name: 'initial', sql: 'SELECT 1;',
					// Forms: the keys of an attempt.
					keys: [{ key: 'customer:abc', limit: 5 }], windowMinutes: 15,
				};
				const values = parametersOf(n.parameters.options.queryReplacement, item);
				expect([n.name, Array.isArray(values), values.length]).toEqual([n.name, true, highest]);
				// Undefined elements are dropped by the node and would shift the later parameters.
				for (const value of values) expect([n.name, value === undefined]).toEqual([n.name, false]);
			}
		});
	});

	test('the batch starts at a webhook protected by a JWT the dispatcher signs, answers when done, and claims with SKIP LOCKED', () => {
		const hook = node(batch, 'Batch of due debtors');
		// Answered by a Respond to Webhook node once the debtors are claimed (not 'lastNode': n8n main would load each batch's whole run data to answer).
		expect(hook.parameters).toMatchObject({ httpMethod: 'POST', path: BATCH_PATH, authentication: 'jwtAuth', responseMode: 'responseNode' });
		expect(hook.credentials).toEqual({ jwtAuth: BATCH_CREDENTIAL });
		expect(hook.webhookId).toMatch(/^[0-9a-f-]{36}$/);
		expect(targets(batch, 'Batch of due debtors')).toEqual(['Settings']);
		expect(targets(batch, 'Settings')).toEqual(['Claim a batch of due debtors']);
		expect(node(batch, 'Claim a batch of due debtors').parameters.query).toBe(SQL.claimBatch);
		expect(targets(batch, 'Claim a batch of due debtors')).toEqual(['Answer: debtors claimed']);
		expect(node(batch, 'Answer: debtors claimed')).toMatchObject({ type: 'n8n-nodes-base.respondToWebhook', parameters: { respondWith: 'noData' } });
		expect(targets(batch, 'Answer: debtors claimed')).toEqual(['Debtor record from row']);
		expect(batch.nodes.filter((n: any) => n.type === 'n8n-nodes-base.respondToWebhook')).toHaveLength(1);
		expect(SQL.claimBatch).toMatch(/FOR UPDATE SKIP LOCKED/);
		expect(SQL.claimBatch).toMatch(/planned_on IS DISTINCT FROM CAST\(\$1 AS date\)/);
		expect(SQL.claimBatch).toMatch(/leased_until IS NULL OR leased_until < now\(\)/);
		// The dispatcher calls that webhook with a token signed by the same credential (never the passphrase), one item per batch.
		const sign = node(dispatcher, 'Batch token');
		expect([sign.type, sign.parameters.operation, sign.credentials]).toEqual(['n8n-nodes-base.jwt', 'sign', { jwtAuth: BATCH_CREDENTIAL }]);
		expect(sign.parameters.claimsJson).toMatch(/exp: \$now\.toUnixInteger\(\) \+ 3600/);
		expect(targets(dispatcher, 'Batch token')).toEqual(['One item per batch']);
		const call = node(dispatcher, 'Run a batch (webhook)');
		expect(call.parameters).toMatchObject({ method: 'POST', sendHeaders: true, headerParameters: { parameters: [{ name: 'Authorization', value: "={{ 'Bearer ' + $json.token }}" }] } });
		expect(call.credentials).toBeUndefined();
		expect(node(dispatcher, 'Settings').parameters.assignments.assignments.find((a: any) => a.name === 'batchWebhookUrl').value).toMatch(new RegExp(`/webhook/${BATCH_PATH}$`));
		expect(targets(dispatcher, 'Round done')).toEqual(['Count due debtors']);
		expect(targets(dispatcher, 'Wait for running batches')).toEqual(['Count due debtors']);
	});

	test('a send is claimed in sc_sends by the Channel Sender\'s own contact key before it is sent; the ledger of n8n is off', () => {
		const keys = node(batch, 'Contact keys');
		const send = node(batch, 'Send due messages');
		// The same node with the same parameters (so the same key), in a dry run that sends nothing.
		expect(keys.type).toBe(send.type);
		expect(keys.parameters).toEqual({ ...send.parameters, dryRun: true });
		expect(send.parameters.dryRun).toBeUndefined();
		expect(send.parameters.options.ledger).toBe('off');
		expect(targets(batch, 'Due today?')).toEqual(['Contact keys']);
		expect(targets(batch, 'Contact keys', 1)).toEqual(['Claim the sends', 'Claim per contact']);
		// One statement claims every due contact of the batch; its rows (one per item, in their order) are put beside the items by position.
		expect(node(batch, 'Claim the sends')).toMatchObject({ executeOnce: true, parameters: { query: SQL.claimSends } });
		expect(node(batch, 'Claim per contact')).toMatchObject({ type: 'n8n-nodes-base.merge', parameters: { mode: 'combine', combineBy: 'combineByPosition' } });
		expect(batch.connections['Claim the sends'].main[0]).toEqual([{ node: 'Claim per contact', type: 'main', index: 1 }]);
		expect(SQL.claimSends).toMatch(/ORDER BY i\.n$/);
		expect(node(batch, 'Settle the sends')).toMatchObject({ executeOnce: true, parameters: { query: SQL.settleSends } });
		// No Code node in the batch: items never travel to the task runner.
		expect(batch.nodes.filter((n: any) => n.type === 'n8n-nodes-base.code')).toEqual([]);
		expect(targets(batch, 'Claimed by this run?', 0)).toEqual(['Send due messages']);
		expect(targets(batch, 'Claimed by this run?', 1)).toEqual(['Sent by an earlier run?']);
		expect(targets(batch, 'Send due messages', 0)).toEqual(['Settle the sends', 'Send by e-mail (SMTP)?']);
		expect(targets(batch, 'Send due messages', 1)).toEqual(['Settle the sends', 'Not sent (Send Email included)']);
		// SMTP: what the Send Email workflow sent, or failed to send, is settled after it (a hand-off is left out of the first settle).
		expect(targets(batch, 'Sent by Send Email?', 0)).toEqual(expect.arrayContaining(['Settle the sends', 'Sent (Send Email included)']));
		expect(targets(batch, 'Sent by Send Email?', 1)).toEqual(expect.arrayContaining(['Settle the sends', 'Not sent (Send Email included)']));
		expect(targets(batch, 'Held after Send Email workflow')).toEqual(expect.arrayContaining(['Settle the sends', 'Not sent (Send Email included)']));
		expect(node(batch, 'Settle the sends').parameters.options.queryReplacement).toContain('.filter((delivery) => !delivery.handOff)');
		expect(targets(batch, 'Sent (Send Email included)')).toEqual(expect.arrayContaining(['Log: sent']));
		expect(targets(batch, 'Not sent (Send Email included)')).toEqual(expect.arrayContaining(['Outcome unknown?']));
		expect(targets(batch, 'Recorded as sent')).toEqual(['Log: sent']);
		expect(targets(batch, 'Outcome unknown: held')).toEqual(['Outcome unknown?']);
		expect(SQL.claimSends).toMatch(/ON CONFLICT \(idempotency_key\) DO NOTHING/);
		for (const name of ['Contact keys', 'Send due messages']) {
			for (const key of ['emailProvider', 'smsProvider', 'whatsappProvider', 'letterProvider', 'phoneProvider']) expect(node(batch, name).parameters[key] ?? 'sandbox').toBe('sandbox');
		}
	});

	test('the decision rows settle their debtors in one statement: log rows, contacts appended in SQL, plan, lease', () => {
		const write = node(batch, 'Write contact log');
		expect(write.parameters.query).toBe(SQL.writeDecisions);
		// Once for all its items: every row in one JSON array parameter, one statement.
		expect(write.executeOnce).toBe(true);
		expect(write.parameters.options.queryReplacement).toContain('$input.all().map((item) => item.json)');
		expect(node(batch, 'Write task list')).toMatchObject({ executeOnce: true, parameters: { query: SQL.appendTasks } });
		expect(SQL.writeDecisions).toMatch(/jsonb_array_elements\(CAST\(\$1 AS jsonb\)\) WITH ORDINALITY/);
		expect(SQL.writeDecisions).toMatch(/ON CONFLICT \(idempotency_key\) DO NOTHING/);
		expect(SQL.writeDecisions).toMatch(/coalesce\(d\.record -> 'contacts', '\[\]'\) \|\| a\.contacts/);
		expect(SQL.writeDecisions).toMatch(/planned_version = CASE WHEN d\.lease_owner = \$2 THEN d\.leased_version/);
		// No record travels back through the canvas to be written: the batch has no record loop.
		expect(batch.nodes.map((n: any) => n.name)).not.toContain('Write if unchanged');
		const logs = batch.nodes.filter((n: any) => n.name.startsWith('Log: '));
		expect(logs.length).toBeGreaterThanOrEqual(7);
		for (const log of logs) {
			expect([log.name, targets(batch, log.name)]).toEqual([log.name, ['Write contact log']]);
			const carries = String(log.parameters.jsonOutput);
			// Every decision but an invalid record's names the next step date (an invalid one waits for its correction).
			expect([log.name, carries.includes('"nextStepDate"')]).toEqual([log.name, !log.name.startsWith('Log: invalid record')]);
			expect([log.name, carries.includes('"contacts"')]).toEqual([log.name, log.name === 'Log: sent' || log.name === 'Log: unconfirmed']);
		}
	});
});
