/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; the workflows' expressions are evaluated as the JavaScript n8n runs; workflow JSON is loose */
/**
 * The daily runs (workflows 1 and 3) read each debtor record from the text of its sc_debtors row. A
 * row whose record is not a JSON object once ended the whole run at "Debtor record from row" (issue
 * 21); now it leaves that node on its error output and is logged as invalid, naming the field
 * `record`, with a task, like a record a node refuses. A refused record whose own debtorId is missing
 * or not text is logged under the row's debtorId column, so a person can find it.
 *
 * The expressions are evaluated here as the JavaScript they are (n8n runs them the same way; the
 * e2e test test/e2e/hostileRecords.test.ts runs them in a real n8n).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { RECORD_FROM_ROW } from '../../../workflows/src/canvas';

const DIR = path.resolve(__dirname, '../../../workflows');
const LOADER = 'Debtor record from row';

interface Node {
	name: string;
	parameters: Record<string, any>;
	onError?: string;
}
interface Workflow {
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}
const read = (file: string): Workflow => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

/** Evaluates an n8n expression "={{ ... }}" with `$json`, a fixed `$now` and `$('Settings')`. */
function evaluate(expression: string, json: Record<string, unknown>): unknown {
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)?.[1];
	if (body === undefined) throw new Error(`not an expression: ${expression}`);
	const $now = { toISO: () => '2026-07-01T08:00:00.000+02:00' };
	const $ = () => ({ first: () => ({ json: { referenceDate: '2026-07-01' } }) });
	return new Function('$json', '$now', '$', `return (${body});`)(json, $now, $);
}

const row = (record: string) => ({ id: 7, debtorId: 'D-7', status: 'open', record });

describe('the record of an sc_debtors row', () => {
	test('a JSON object is the record, with the row\'s id and debtorId', () => {
		expect(evaluate(RECORD_FROM_ROW, row('{"debtorId":"D-7","claims":[]}'))).toEqual({ debtorId: 'D-7', claims: [], rowId: 7, rowDebtorId: 'D-7' });
		// The record's own id stays what it is (a wrong one is refused by the nodes, naming debtorId).
		expect(evaluate(RECORD_FROM_ROW, row('{"debtorId":4711}'))).toEqual({ debtorId: 4711, rowId: 7, rowDebtorId: 'D-7' });
	});

	test.each([
		['text that is not JSON', '{"debtorId": "half a record'],
		['an empty text', ''],
		['null', 'null'],
		['a list', '[{"debtorId":"D-7"}]'],
		['a number', '42'],
		['a string', '"Sanne de Vries"'],
	])('%s: an item with nothing but the error, naming the field and not the text', (_what, text) => {
		const item = evaluate(RECORD_FROM_ROW, row(text)) as Record<string, any>;
		// n8n moves an item whose keys are only error, message and details to the error output.
		expect(Object.keys(item)).toEqual(['error']);
		expect(item.error).toEqual({ message: 'field record is not a JSON object', field: 'record', problems: [{ field: 'record', message: 'is not a JSON object' }] });
		expect(JSON.stringify(item)).not.toContain('Sanne');
		expect(JSON.stringify(item)).not.toContain('half');
	});
});

describe.each(['01-daily-collection-journey.json', '03-early-warning.json'])('%s', (file) => {
	const wf = read(file);
	const node = (name: string) => wf.nodes.find((n) => n.name === name)!;

	test('the loader continues on its error output, which is logged as invalid and becomes a task', () => {
		const loader = node(LOADER);
		expect(loader.onError).toBe('continueErrorOutput');
		expect(loader.parameters.jsonOutput).toBe(RECORD_FROM_ROW);
		expect(wf.connections[LOADER].main[1].map((link) => link.node).sort()).toEqual([`Log: invalid record (${LOADER})`, `Task: correct record (${LOADER})`]);
	});

	test.each(['Segment debtors', LOADER])('a refused item of %s is logged and tasked under the record\'s debtorId, else the row\'s', (from) => {
		// The contact-log row (raw JSON) and the task (a Set assignment) name the same debtor.
		const logged = (json: Record<string, unknown>) => JSON.parse(evaluate(node(`Log: invalid record (${from})`).parameters.jsonOutput, json) as string).debtorId;
		const task = node(`Task: correct record (${from})`).parameters.assignments.assignments.find((a: { name: string }) => a.name === 'debtorId').value;
		const both = (json: Record<string, unknown>) => [logged(json), evaluate(task, json)];
		expect(both({ debtorId: 'D-1', rowDebtorId: 'D-1' })).toEqual(['D-1', 'D-1']);
		expect(both({ rowDebtorId: 'D-2' })).toEqual(['D-2', 'D-2']);
		expect(both({ debtorId: 4711, rowDebtorId: 'D-3' })).toEqual(['D-3', 'D-3']);
		expect(both({ debtorId: '', rowDebtorId: 'D-4' })).toEqual(['D-4', 'D-4']);
		// The loader's error output: the row itself (debtorId is its column) with the error.
		expect(both({ id: 7, debtorId: 'D-5', record: 'x', error: { field: 'record' } })).toEqual(['D-5', 'D-5']);
		// Outside the daily runs (no row): the error's debtor, or empty.
		expect(both({ debtorId: 4711, error: {} })).toEqual(['', '']);
	});
});
