/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; workflow JSON is loose */
/**
 * The limit on attempts of the two public forms (workflows/src/formStore.ts), in both editions: it
 * comes before anybody is looked up, over a limit the page is the same for everybody, the settings
 * are in the workflow, the caller's address is read as n8n reads it behind N8N_PROXY_HOPS proxies,
 * and the count (run here on stand-in rows) lets through at most the limit. Also the Postgres
 * editions of the forms: generated from the same builder, no Data Table node, the record loop's
 * version-checked write.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { POSTGRES_WORKFLOWS, WORKFLOWS } from '../../../workflows/src';
import { flexCollectionDate } from '../../../workflows/src/04-flex-collection-date';
import { paymentArrangement } from '../../../workflows/src/05-payment-arrangement';
import { ATTEMPTS_TABLE, ATTEMPT_KEYS, FORM_SQL, FORMS_ON_DATA_TABLES, FORMS_ON_POSTGRES, LIMIT_DEFAULTS, LIMIT_SETTINGS, clientAddressCode } from '../../../workflows/src/formStore';
import { SQL } from '../../../workflows/src/postgres';
import { setupTables } from '../../../workflows/src/00-setup-data-tables';

const node = (wf: any, name: string): any => {
	const found = wf.nodes.find((n: any) => n.name === name);
	if (!found) throw new Error(`no node ${name}`);
	return found;
};
const targets = (wf: any, from: string, output = 0): string[] => (wf.connections[from]?.main[output] ?? []).map((link: any) => link.node);
const readPg = (file: string): any => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../workflows/postgres', file), 'utf8'));

/** Every node an item can reach from `from` (any output). */
function downstream(wf: any, from: string): Set<string> {
	const seen = new Set<string>();
	const queue = [from];
	while (queue.length > 0) {
		const name = queue.shift()!;
		for (const output of wf.connections[name]?.main ?? []) for (const link of output ?? []) if (!seen.has(link.node)) {
			seen.add(link.node);
			queue.push(link.node);
		}
	}
	return seen;
}

/** Runs the "Within the limits?" Code node on stand-in rows. */
function within(wf: any, keys: Array<{ key: string; limit: number }>, rows: any[]): boolean {
	const $ = (other: string) => {
		if (other !== ATTEMPT_KEYS) throw new Error(`no items of ${other}`);
		return { first: () => ({ json: { keys } }) };
	};
	const $input = { all: () => rows.map((json) => ({ json })) };
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the workflow's own code, run as n8n's Code node runs it
	return (new Function('$input', '$', node(wf, 'Within the limits?').parameters.jsCode) as any)($input, $)[0].json.withinLimits;
}

const EDITIONS = [
	['04 (Data Tables)', WORKFLOWS['04-flex-collection-date.json'](), 'Form: choose your collection day'],
	['05 (Data Tables)', WORKFLOWS['05-payment-arrangement.json'](), 'Form: ask for an arrangement'],
	['04 (Postgres)', readPg('04-flex-collection-date.json'), 'Form: choose your collection day'],
	['05 (Postgres)', readPg('05-payment-arrangement.json'), 'Form: ask for an arrangement'],
] as const;

describe.each(EDITIONS)('limit on attempts, %s', (_, wf, form) => {
	test('the limit comes before the look-up; over it, one page for everybody that reads no debtor', () => {
		// Nothing between the form and the limit reads a debtor.
		const beforeLimit = [...downstream(wf, form)].filter((name) => !downstream(wf, LIMIT_SETTINGS).has(name) && name !== LIMIT_SETTINGS);
		expect(beforeLimit).not.toContain('Find debtor');
		expect(downstream(wf, LIMIT_SETTINGS)).toContain('Find debtor');
		expect(targets(wf, 'Go on?', 0)).toEqual(['Find debtor']);
		expect(targets(wf, 'Go on?', 1)).toEqual(['Page: too many attempts']);
		const page = node(wf, 'Page: too many attempts');
		expect(page.parameters).toMatchObject({ operation: 'completion', completionTitle: 'Te veel pogingen' });
		// The page reads only the settings: no field of the item, so nothing about who asked.
		expect(String(page.parameters.completionMessage)).not.toMatch(/\$json|Find debtor|Klantnummer/);
		// The attempt is counted before it is checked: the count includes it.
		const onPostgres = wf.nodes.some((n: any) => n.type === 'n8n-nodes-base.postgres');
		expect(targets(wf, 'Anything to count?', 0)).toEqual([onPostgres ? 'Count this attempt' : 'Forget old attempts']);
		expect(targets(wf, 'Attempts in the window')).toEqual(['Within the limits?']);
	});

	test('the settings are in the workflow, with the documented defaults; the form hands on its headers', () => {
		const values = Object.fromEntries(node(wf, LIMIT_SETTINGS).parameters.assignments.assignments.map((a: any) => [a.name, a.value]));
		expect(values).toEqual(LIMIT_DEFAULTS);
		expect(node(wf, form).parameters.options.showHeaders).toBe(true);
	});

	test('the count lets through at most the limit per key, and refuses when its own attempt was not seen', () => {
		const keys = [{ key: 'customer:a', limit: 3 }, { key: 'client:b', limit: 5 }];
		const rowsOf = (customer: number, client: number) => wf.nodes.some((n: any) => n.type === 'n8n-nodes-base.postgres')
			? [{ attemptKey: 'customer:a', attempts: customer }, { attemptKey: 'client:b', attempts: client }]
			: [...Array.from({ length: customer }, () => ({ attemptKey: 'customer:a' })), ...Array.from({ length: client }, () => ({ attemptKey: 'client:b' }))];
		expect(within(wf, keys, rowsOf(3, 5))).toBe(true);
		expect(within(wf, keys, rowsOf(4, 1))).toBe(false);
		expect(within(wf, keys, rowsOf(1, 6))).toBe(false);
		expect(within(wf, keys, rowsOf(1, 0).filter((r: any) => r.attemptKey !== 'client:b'))).toBe(false);
		// Both limits off: nothing counted, on it goes.
		expect(within(wf, [], [])).toBe(true);
	});
});

describe('the caller\'s address, as n8n reads it behind N8N_PROXY_HOPS proxies', () => {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the workflow's own expression code
	const address = (headers: unknown, hops: number) => new Function('h', 'n', `return ${clientAddressCode('h', 'n')};`)(headers, hops);
	test.each([
		// No proxy: n8n hands no connection address to a workflow; what the caller writes is not believed.
		[{ 'x-forwarded-for': '203.0.113.5' }, 0, ''],
		[{}, 1, ''],
		[undefined, 1, ''],
		// One proxy: the address it added (the last); what the caller wrote before it is ignored.
		[{ 'x-forwarded-for': '10.0.0.1, 203.0.113.5' }, 1, '203.0.113.5'],
		[{ 'x-forwarded-for': '203.0.113.5' }, 1, '203.0.113.5'],
		// Two proxies: the address the outer one added.
		[{ 'x-forwarded-for': '10.0.0.1, 203.0.113.5, 172.16.0.2' }, 2, '203.0.113.5'],
		// Fewer entries than hops: the furthest, as express does.
		[{ 'x-forwarded-for': '2001:DB8::1' }, 3, '2001:db8::1'],
	])('%j with %i hops: %s', (headers, hops, expected) => {
		expect(address(headers, hops)).toBe(expected);
	});
});

describe('where the attempts live', () => {
	test('workflow 0 makes the Data Table; sql/0005 the Postgres table; the queries delete what is older than the window', () => {
		const made = (setupTables() as any).nodes.find((n: any) => n.parameters.tableName === ATTEMPTS_TABLE);
		expect(made.parameters.columns.column).toEqual([{ name: 'attemptKey', type: 'string' }, { name: 'atMs', type: 'number' }]);
		const sql = fs.readFileSync(path.resolve(__dirname, '../../../sql/0004_forms.sql'), 'utf8');
		expect(sql).toMatch(/CREATE TABLE IF NOT EXISTS sc_form_attempts/);
		expect(FORM_SQL.countAttempt).toMatch(/DELETE FROM sc_form_attempts WHERE at < now\(\) - make_interval\(mins => CAST\(\$2 AS integer\)\)/);
		expect(FORM_SQL.attemptsInWindow).toMatch(/LIMIT CAST\(k ->> 'limit' AS integer\) \+ 1/);
		// Data Tables: counted by a node after the one that inserted (committed) the attempt.
		const dt: any = WORKFLOWS['04-flex-collection-date.json']();
		expect(targets(dt, 'Count this attempt')).toEqual(['Attempts in the window']);
		expect(node(dt, 'Forget old attempts').parameters.filters.conditions).toEqual([{ keyName: 'atMs', condition: 'lt', keyValue: '={{ $json.sinceMs }}' }]);
	});
});

describe('Postgres editions of the forms', () => {
	test.each([
		['04-flex-collection-date.json', flexCollectionDate, 'scPgFlexDate04'],
		['05-payment-arrangement.json', paymentArrangement, 'scPgArrangement05'],
	] as const)('%s: one description, two stores', (file, build, id) => {
		const pg = readPg(file);
		expect(JSON.stringify(pg)).toBe(JSON.stringify(POSTGRES_WORKFLOWS[file]()));
		expect(JSON.stringify(pg)).toBe(JSON.stringify(build(FORMS_ON_POSTGRES)));
		expect(JSON.stringify(WORKFLOWS[file]())).toBe(JSON.stringify(build(FORMS_ON_DATA_TABLES)));
		expect(pg.id).toBe(id);
		expect(pg.nodes.some((n: any) => n.type === 'n8n-nodes-base.dataTable')).toBe(false);
		// Both editions may be imported into one n8n: their form and page webhooks differ.
		const dtHooks = new Set((WORKFLOWS[file]() as any).nodes.map((n: any) => n.webhookId).filter(Boolean));
		for (const n of pg.nodes.filter((x: any) => x.webhookId)) expect(dtHooks.has(n.webhookId)).toBe(false);
		// A saved choice goes through the record loop: read with the version, write only while it is the one read.
		for (const prefix of ['Held: ', file.startsWith('04') ? 'Choice: ' : 'Arrangement: ']) {
			expect(node(pg, `${prefix}Read the current row`).parameters.query).toBe(SQL.readRecord);
			expect(node(pg, `${prefix}Write if unchanged`).parameters.query).toBe(SQL.writeRecord);
		}
		expect(node(pg, 'Find debtor').parameters.query).toBe(FORM_SQL.findDebtor);
		expect(node(pg, 'Load held confirmations').parameters.query).toBe(FORM_SQL.heldRecords);
		expect(node(pg, 'Write contact log').parameters.query).toBe(FORM_SQL.appendLogRow);
	});

	test('a log row keeps its key only for a send, and a second row of the same send is dropped', () => {
		expect(FORM_SQL.appendLogRow).toMatch(/CASE WHEN r ->> 'status' = 'sent' THEN nullif\(r ->> 'idempotencyKey', ''\) END/);
		expect(FORM_SQL.appendLogRow).toMatch(/ON CONFLICT \(idempotency_key\) DO NOTHING/);
		expect(FORM_SQL.appendLogRow).toMatch(/SELECT count\(\*\) AS logged FROM logged$/);
	});
});
