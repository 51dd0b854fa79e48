/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; workflow JSON is loose */
/**
 * Static checks of workflow 6 (delivery status) in both editions: any number of Delivery Status
 * Triggers (each connects to *Reports* only, and no node after it names a trigger, so a copied
 * trigger works like the first), the trigger answers the provider after the run (a failed run gets
 * 500), and the Postgres edition decides each report in one transaction in SQL and writes only
 * through the Postgres node. The runs themselves: test/e2e/workflows02And06And07.test.ts (two
 * triggers at once) and test/e2e/postgresDeliveryStatus.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DeliveryStatusTrigger } from '../../../nodes/DeliveryStatusTrigger/DeliveryStatusTrigger.node';
import { DELIVERY_STATUS_PG_WEBHOOK_ID, DELIVERY_STATUS_WEBHOOK_ID, REPORTS } from '../../../workflows/src/06-delivery-status';
import { POSTGRES_CREDENTIAL, SQL } from '../../../workflows/src/postgres';

const ROOT = path.resolve(__dirname, '../../../workflows');
const EDITIONS = [
	['Data Tables', JSON.parse(fs.readFileSync(path.join(ROOT, '06-delivery-status.json'), 'utf8')), DELIVERY_STATUS_WEBHOOK_ID],
	['Postgres', JSON.parse(fs.readFileSync(path.join(ROOT, 'postgres', '06-delivery-status.json'), 'utf8')), DELIVERY_STATUS_PG_WEBHOOK_ID],
] as const;
const TRIGGER = 'n8n-nodes-social-collections.deliveryStatusTrigger';
const targets = (wf: any, from: string): string[] => (wf.connections[from]?.main ?? []).flat().map((link: any) => link.node);

describe.each(EDITIONS)('workflow 6 (%s)', (edition, wf, webhookId) => {
	const triggers = wf.nodes.filter((n: any) => n.type === TRIGGER);

	test('one trigger ships, with its own webhook id; every trigger connects to Reports only', () => {
		expect(triggers.map((n: any) => [n.name, n.webhookId, n.parameters.provider])).toEqual([['Delivery status', webhookId, 'webhook']]);
		for (const trigger of triggers) expect(targets(wf, trigger.name)).toEqual([REPORTS]);
		expect(wf.nodes.find((n: any) => n.name === REPORTS).type).toBe('n8n-nodes-base.noOp');
	});

	test('no node after Reports names a trigger: a copied trigger connected to Reports works like the first', () => {
		for (const n of wf.nodes.filter((x: any) => x.type !== TRIGGER && x.type !== 'n8n-nodes-base.stickyNote')) {
			const text = JSON.stringify(n.parameters);
			for (const trigger of triggers) expect([n.name, text.includes(`$('${trigger.name}')`) || text.includes(`$(\\"${trigger.name}\\")`)]).toEqual([n.name, false]);
		}
		// The reports are read from Reports: by the decision's code and the room check (Data Tables), as
		// the items of the decision's query (Postgres).
		const reads = wf.nodes.filter((n: any) => JSON.stringify(n.parameters).includes(`$('${REPORTS}')`) || JSON.stringify(n.parameters).includes(`$(\\"${REPORTS}\\")`));
		expect(reads.map((n: any) => n.name).sort()).toEqual(edition === 'Postgres' ? [] : expect.arrayContaining(['Decide per report']));
	});
});

test('the trigger answers the provider when the run is done, without the run\'s data (a failed run gets 500)', () => {
	const webhooks = new DeliveryStatusTrigger().description.webhooks ?? [];
	expect(webhooks.map((hook) => [hook.name, hook.responseMode, hook.responseData])).toEqual([
		['setup', 'lastNode', 'noData'],
		['default', 'lastNode', 'noData'],
	]);
});

describe('workflow 6, Postgres edition', () => {
	const wf = EDITIONS[1][1];
	const node = (name: string): any => wf.nodes.find((n: any) => n.name === name);

	test('each report is decided and logged by one query of its own, then followed up', () => {
		const decide = node('Decide and log each report');
		expect(decide.parameters).toMatchObject({ operation: 'executeQuery', query: SQL.deliveryReport, options: { queryReplacement: '={{ [JSON.stringify($json)] }}', queryBatching: 'independently' } });
		expect(targets(wf, REPORTS)).toEqual(['Decide and log each report']);
		expect(targets(wf, 'Decide and log each report')).toEqual(['Follow-up needed?']);
		expect(node('Debtor records').parameters.query).toBe(SQL.readRecord);
		expect(node('Write contact log').parameters.query).toBe(SQL.appendLog);
		expect(node('Write task list').parameters.query).toBe(SQL.appendTasks);
		// Record changes through the Postgres record loop (version check), never a Data Table.
		expect(node('Reply: Write if unchanged').parameters.query).toBe(SQL.writeRecord);
		expect(node('Fallback: Write if unchanged').parameters.query).toBe(SQL.writeRecord);
		expect(wf.nodes.filter((n: any) => n.type === 'n8n-nodes-base.dataTable')).toEqual([]);
		for (const n of wf.nodes.filter((x: any) => x.type === 'n8n-nodes-base.postgres')) expect(n.credentials).toEqual({ postgres: POSTGRES_CREDENTIAL });
	});

	test('the decision: the sent message\'s row locked first (a statement that returns no row), then one statement that logs, refuses a repeat and makes the debtor due', () => {
		const [lock, decide, ...rest] = SQL.deliveryReport.split(';\n');
		expect(rest).toEqual([]);
		expect(lock).toMatch(/FOR UPDATE\) sent\) < 0$/);
		expect(lock).toMatch(/idempotency_key = CAST\(\$1 AS jsonb\) ->> 'idempotencyKey' AND decision = 'sent'/);
		expect(decide).toMatch(/CASE WHEN key <> '' THEN key \|\| ':' \|\| status \|\| ':' \|\| message_id END/);
		expect(decide).toMatch(/ON CONFLICT \(idempotency_key\) DO NOTHING/);
		expect(decide).toMatch(/UPDATE sc_debtors SET version = version \+ 1/);
		expect(decide).toMatch(/FROM outcome WHERE EXISTS \(SELECT FROM logged\)$/);
	});
});
