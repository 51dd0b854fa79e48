/**
 * Workflow 9 (move to Postgres), statically: every Postgres node runs a fixed statement whose data
 * comes only through query parameters, the page loop reads each table in id order after the last id,
 * and the statements cover every Data Table column. The statements themselves run against a real
 * PostgreSQL in test/e2e/moveToPostgres.test.ts.
 */
import { COLUMNS, MOVED_TABLES, copySql, moveToPostgres, verifySql } from '../../../workflows/src/09-move-to-postgres';
import { setupTables } from '../../../workflows/src/00-setup-data-tables';

interface Node {
	name: string;
	type: string;
	parameters: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const wf = moveToPostgres() as { nodes: Node[]; connections: Record<string, { main: Array<Array<{ node: string }>> }> };
const postgresNodes = wf.nodes.filter((node) => node.type === 'n8n-nodes-base.postgres');

test('every Postgres statement is fixed text; data reaches it only as the page parameter', () => {
	expect(postgresNodes).toHaveLength(2 * MOVED_TABLES.length + 1);
	for (const node of postgresNodes) {
		expect([node.name, node.parameters.operation]).toEqual([node.name, 'executeQuery']);
		// No expression in the statement: nothing is spliced into the SQL.
		expect([node.name, /\{\{|^=/.test(node.parameters.query)]).toEqual([node.name, false]);
		const replacement = node.parameters.options.queryReplacement;
		if (replacement !== undefined) {
			expect(replacement).toBe('={{ [JSON.stringify($json.page)] }}');
			expect(node.parameters.query).toContain('jsonb_to_recordset($1::jsonb)');
			expect(node.parameters.query).not.toMatch(/\$2/);
		}
	}
});

test('each page reads the rows after the last id, in id order, at most a page', () => {
	const read = wf.nodes.find((node) => node.name === 'Read the page')!;
	expect(read.parameters.filters.conditions).toEqual([{ keyName: 'id', condition: 'gt', keyValue: '={{ $json.after }}' }]);
	expect([read.parameters.orderByColumn, read.parameters.orderByDirection, read.parameters.returnAll]).toEqual(['id', 'ASC', undefined]);
	expect(read.parameters.limit).toBe('={{ $json.pageSize }}');
	// The run calls this same workflow for each page and loops until every table is read twice.
	const onePage = wf.nodes.find((node) => node.name === 'One page')!;
	expect(onePage.parameters.workflowId.value).toBe('={{ $workflow.id }}');
	expect(wf.connections['Every table read?'].main[1].map((link) => link.node)).toEqual(['Page to move']);
});

test('the statements name every column of the Data Tables workflow 0 creates', () => {
	const made = (setupTables() as { nodes: Node[] }).nodes.filter((node) => node.parameters.operation === 'create');
	for (const node of made) {
		const name = node.parameters.tableName as (typeof MOVED_TABLES)[number];
		const columns = (node.parameters.columns.column as Array<{ name: string }>).map((column) => column.name);
		if (name === 'sc_debtors') {
			expect(columns).toEqual(['debtorId', 'status', 'record']);
			continue;
		}
		// The room check's reserve table is empty between runs, the forms' attempts last one window: nothing to move.
		if (['sc_room', 'sc_form_attempts'].includes(name as string)) continue;
		expect([name, COLUMNS[name].map(([from]) => from)]).toEqual([name, columns]);
		for (const [, to] of COLUMNS[name]) {
			expect(copySql(name)).toContain(to);
			expect(verifySql(name)).toContain(to);
		}
		expect(copySql(name)).toMatch(/ON CONFLICT \(moved_from\) DO NOTHING/);
	}
	expect(copySql('sc_debtors')).toMatch(/ON CONFLICT \(debtor_id\) DO UPDATE[\s\S]*WHERE d\.moved_from IS NOT NULL AND d\.version = d\.moved_version/);
});
