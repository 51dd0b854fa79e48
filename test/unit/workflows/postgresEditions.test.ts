/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; workflow JSON is loose */
/**
 * The Postgres editions of early warning (03), reversal handling (07) and the set-up (00), as written
 * to workflows/postgres/: one description with the Data Table edition (the builder with the POSTGRES
 * store), no Data Table node, every record change through the record loop's version check, the sends
 * claimed in sc_sends before the Channel Sender, the rows to the package's tables, unsaved changes
 * and invalid records logged and handed to a person. The set-up carries the text of every file of
 * sql/ and applies each the way the migration runner does. (postgresEdition.test.ts checks what all
 * files of the edition share: ids, links, credentials, constant queries and their parameters.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { shippedMigrations } from '../../../build/workflows';
import { listMigrations, migrationScript } from '../../../scripts/scale/migrate';
import { POSTGRES_SETUP, POSTGRES_WORKFLOWS, WORKFLOWS } from '../../../workflows/src';
import { setupPostgres } from '../../../workflows/src/00-setup-postgres';
import { earlyWarning } from '../../../workflows/src/03-early-warning';
import { reversalHandling } from '../../../workflows/src/07-reversal-handling';
import { BATCH_CREDENTIAL, BATCH_PATH, EARLY_WARNING_BATCHES, rangeDispatcher, REVERSAL_BATCHES, SQL } from '../../../workflows/src/postgres';
import { DATA_TABLES, POSTGRES } from '../../../workflows/src/store';

const DIR = path.resolve(__dirname, '../../../workflows/postgres');
const read = (file: string): any => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const node = (wf: any, name: string): any => {
	const found = wf.nodes.find((n: any) => n.name === name);
	if (!found) throw new Error(`no node ${name}`);
	return found;
};
const targets = (wf: any, from: string, output = 0): string[] => (wf.connections[from]?.main[output] ?? []).map((link: any) => link.node);
const sources = (wf: any, to: string): string[] =>
	Object.entries<any>(wf.connections).flatMap(([from, entry]) => (entry.main.some((output: any[]) => (output ?? []).some((link) => link.node === to)) ? [from] : []));

const editions = [
	{ file: '03-early-warning.json', batchFile: '03-early-warning-batch.json', build: earlyWarning, send: 'Send care message', loops: ['Care contact: ', 'Signal: '], batches: EARLY_WARNING_BATCHES },
	{ file: '07-reversal-handling.json', batchFile: '07-reversal-handling-batch.json', build: reversalHandling, send: 'Send the message', loops: [''], batches: REVERSAL_BATCHES },
] as const;

describe.each(editions)('$file, Postgres edition', ({ file, batchFile, build, send, loops, batches }) => {
	const pg = read(batchFile);
	const dispatcher = read(file);
	const dt: any = WORKFLOWS[file]();

	test('one description: the Data Table edition is the default store, the Postgres edition is written by the builder', () => {
		expect(JSON.stringify(dt)).toBe(JSON.stringify(build(DATA_TABLES)));
		expect(JSON.stringify(pg)).toBe(JSON.stringify(POSTGRES_WORKFLOWS[batchFile]()));
		expect(JSON.stringify(dispatcher)).toBe(JSON.stringify(POSTGRES_WORKFLOWS[file]()));
		expect(JSON.stringify(dispatcher)).toBe(JSON.stringify(rangeDispatcher(batches)));
		expect(JSON.stringify(pg)).toBe(JSON.stringify(build(POSTGRES)));
		expect(pg.nodes.some((n: any) => n.type === 'n8n-nodes-base.dataTable')).toBe(false);
		expect(dt.nodes.some((n: any) => n.type === 'n8n-nodes-base.postgres')).toBe(false);
		expect(pg.name).toMatch(/^Social Collections \(Postgres\): /);
		// The same decisions: every node of the Data Table edition is there with the same parameters (ids of
		// conditions aside), but for the Data Table pieces: the room check (no cap on Postgres), the older
		// duplicate rows (none: debtor_id is the key), and what the store does differently (load, write, send).
		const withoutIds = (value: any): any => (Array.isArray(value) ? value.map(withoutIds) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, v]) => [key, withoutIds(v)])) : value);
		const names = new Set(pg.nodes.map((n: any) => n.name));
		// (The triggers are the dispatcher's on Postgres.)
		const storeOnly = /^(Newest row per debtor|Room.*|Data Tables full|Stop: Data Tables full|.*Older duplicate rows|.*Delete older duplicate rows|Every working day at .*|Run now \(manual\))$/;
		expect(dt.nodes.filter((n: any) => !names.has(n.name) && !storeOnly.test(n.name)).map((n: any) => n.name)).toEqual([]);
		const differs = /^(Note: about|Note: find|Load debtors|Debtor record from row|Settings|Write .*|.*Read the current row|.*Row to write|.*Write if unchanged|.*Written\?|.*Apply the change|Every working day at .*|Send .*)$/;
		for (const n of dt.nodes.filter((x: any) => names.has(x.name) && !differs.test(x.name))) {
			expect([n.name, withoutIds(node(pg, n.name).parameters)]).toEqual([n.name, withoutIds(n.parameters)]);
		}
	});

	test('the batch loads one range of debtor_id given by the dispatcher, behind the JWT-protected webhook', () => {
		const hook = node(pg, 'Batch of debtors');
		expect(hook.type).toBe('n8n-nodes-base.webhook');
		expect(hook.parameters).toMatchObject({ httpMethod: 'POST', path: batches.path, authentication: 'jwtAuth', responseMode: 'responseNode' });
		expect([hook.webhookId, hook.credentials]).toEqual([batches.webhookId, { jwtAuth: BATCH_CREDENTIAL }]);
		// The webhook is the only trigger: the schedule is the dispatcher's.
		expect(pg.nodes.filter((n: any) => /trigger$/i.test(n.type) || n.type === 'n8n-nodes-base.webhook').map((n: any) => n.name)).toEqual(['Batch of debtors']);
		expect(targets(pg, 'Batch of debtors')).toEqual(['Settings']);
		expect(targets(pg, 'Settings')).toEqual(['Load debtors']);
		expect(node(pg, 'Settings').parameters.assignments.assignments.map((a: any) => a.name)).toEqual(['referenceDate', 'now', 'owner', 'first', 'last']);
		const load = node(pg, 'Load debtors');
		expect(load.parameters.query).toBe(file.startsWith('07') ? SQL.loadOpenRangeWithReversals : SQL.loadOpenRange);
		expect(load.parameters.options.queryReplacement).toBe("={{ [$('Settings').first().json.first, $('Settings').first().json.last] }}");
		expect(load.executeOnce).toBe(true);
		expect(load.parameters.query).toMatch(/status = 'open' AND .*debtor_id BETWEEN \$1 AND \$2 ORDER BY debtor_id$/);
		// A load that fails answers the dispatcher at once with an error; otherwise n8n answers when the execution ends.
		expect(targets(pg, 'Load debtors', 1)).toEqual(['Answer: load failed']);
		expect(node(pg, 'Answer: load failed').parameters.options.responseCode).toBe(500);
		expect(pg.nodes.filter((n: any) => n.type === 'n8n-nodes-base.respondToWebhook').map((n: any) => n.name)).toEqual(['Answer: load failed']);
		// A row whose record is not an object is logged as invalid and becomes a task.
		expect(targets(pg, 'Debtor record from row', 1)).toEqual(['Log: invalid record (Debtor record from row)', 'Task: correct record (Debtor record from row)']);
		expect(SQL.loadOpenRangeWithReversals).toMatch(/record @> CAST\('\{"reversals": \[\{\}\]\}' AS jsonb\)/);
	});

	test('the dispatcher cuts the same debtors into ranges and calls the batch webhook per range, some at a time, with a signed token', () => {
		expect([dispatcher.id, dispatcher.name]).toEqual([batches.id, batches.name]);
		expect(pg.id).not.toBe(dispatcher.id);
		expect(targets(dispatcher, 'Every working day at ' + `${String(batches.at[0]).padStart(2, '0')}:${String(batches.at[1]).padStart(2, '0')}`)).toEqual(['Settings']);
		expect(targets(dispatcher, 'Run now (manual)')).toEqual(['Settings']);
		const settings = node(dispatcher, 'Settings').parameters.assignments.assignments;
		expect(settings.map((a: any) => a.name)).toEqual(['referenceDate', 'now', 'batchWebhookUrl', 'batchSize', 'batchesAtOnce']);
		expect(settings.find((a: any) => a.name === 'batchWebhookUrl').value).toBe(`http://127.0.0.1:5678/webhook/${batches.path}`);
		expect(targets(dispatcher, 'Settings')).toEqual(['Batch ranges']);
		const ranges = node(dispatcher, 'Batch ranges');
		expect(ranges.parameters.query).toBe(file.startsWith('07') ? SQL.openRangesWithReversals : SQL.openRanges);
		expect(ranges.executeOnce).toBe(true);
		// The ranges cover the debtors the batch loads: the same filter.
		const filterOf = (sql: string) => /WHERE (.*?)( AND debtor_id BETWEEN|\) numbered)/.exec(sql)![1];
		expect(filterOf(ranges.parameters.query)).toBe(filterOf(node(pg, 'Load debtors').parameters.query));
		expect(ranges.parameters.query).not.toMatch(/\brecord\b(?! @>)/);
		// A round of batches: each range with its own token, one call each; the loop goes on when all answered.
		expect(targets(dispatcher, 'Batch ranges')).toEqual(['Batches at once']);
		expect(targets(dispatcher, 'Batches at once', 1).sort()).toEqual(['Batch token', 'Range and token']);
		expect(targets(dispatcher, 'Batch token')).toEqual(['Range and token']);
		expect(node(dispatcher, 'Batch token').credentials).toEqual({ jwtAuth: BATCH_CREDENTIAL });
		expect(node(dispatcher, 'Batch token').parameters.claimsJson).toContain(`sub: '${batches.path}'`);
		expect(targets(dispatcher, 'Range and token')).toEqual(['Run a batch (webhook)']);
		expect(targets(dispatcher, 'Run a batch (webhook)')).toEqual(['Batches at once']);
		expect(targets(dispatcher, 'Batches at once', 0)).toEqual(['All batches done']);
		const call = node(dispatcher, 'Run a batch (webhook)');
		expect(call.parameters.headerParameters.parameters).toEqual([{ name: 'Authorization', value: "={{ 'Bearer ' + $json.token }}" }]);
		expect(call.parameters.jsonBody).toMatch(/first: \$json\.first, last: \$json\.last/);
		expect(call.parameters.options.response.response).toEqual({ neverError: true, fullResponse: true });
		// The same token and call as the daily journey's dispatcher (one home: postgres.ts).
		const journey = read('01-daily-collection-journey.json');
		expect(node(journey, 'Batch token').parameters.claimsJson.replace(BATCH_PATH, batches.path)).toBe(node(dispatcher, 'Batch token').parameters.claimsJson);
		expect(node(journey, 'Run a batch (webhook)').parameters.url).toBe(call.parameters.url);
	});

	test("the dispatcher's last step fails the run when a batch failed, and reports the batches otherwise", () => {
		const code = node(dispatcher, 'All batches done').parameters.jsCode as string;
		const run = (answers: any[], ranges: any[]) => {
			const $input = { all: () => answers.map((json) => ({ json })) };
			const $ = (name: string) => (name === 'Settings' ? { first: () => ({ json: { referenceDate: '2026-11-24' } }) } : { all: () => ranges.map((json) => ({ json })) });
			// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the workflow's own code, run as n8n's Code node runs it
			return (new Function('$input', '$', code) as any)($input, $)[0].json;
		};
		expect(run([{ statusCode: 200 }, { statusCode: 200 }], [{ debtors: '3' }, { debtors: '1' }])).toEqual({ day: '2026-11-24', batches: 2, debtors: 4 });
		expect(() => run([{ statusCode: 200 }, { statusCode: 500 }], [{ debtors: '3' }, { debtors: '1' }])).toThrow(/^1 of 2 batches failed/);
		expect(() => run([{ error: { message: 'ECONNREFUSED' } }], [{ debtors: '3' }])).toThrow(/1 of 1 batches failed/);
	});

	test('every record change goes through the version check and its retry; an unsaved one is logged and becomes a task', () => {
		for (const prefix of loops) {
			expect(node(pg, `${prefix}Read the current row`).parameters.query).toBe(SQL.readRecord);
			const write = node(pg, `${prefix}Write if unchanged`);
			expect([write.parameters.query, write.parameters.options.queryBatching]).toEqual([SQL.writeRecord, 'independently']);
			expect(targets(pg, `${prefix}Anything to write?`)).toEqual([`${prefix}Check the whole record`]);
			expect(targets(pg, `${prefix}The change, once more`)).toEqual([`${prefix}Changes to write`]);
			expect(targets(pg, `${prefix}Not saved?`)).toEqual([`${prefix}Log: not saved`, `${prefix}Task: save by hand`]);
			expect(targets(pg, `${prefix}Log: not saved`)).toEqual(['Write contact log']);
			expect(targets(pg, `${prefix}Task: save by hand`)).toEqual(['Write task list']);
		}
		// No record is written anywhere else.
		const writes = pg.nodes.filter((n: any) => n.type === 'n8n-nodes-base.postgres' && /UPDATE sc_debtors|INSERT INTO sc_debtors/.test(n.parameters.query));
		expect(writes.map((n: any) => n.parameters.query)).toEqual(loops.map(() => SQL.writeRecord));
	});

	test("a send is claimed in sc_sends by the Channel Sender's own key before it is sent, and settled after", () => {
		const keys = node(pg, 'Contact keys');
		const sender = node(pg, send);
		expect(keys.parameters).toEqual({ ...sender.parameters, dryRun: true });
		expect(sender.parameters.options.ledger).toBe('off');
		expect({ ...sender.parameters, options: { ...sender.parameters.options, ledger: undefined } }).toEqual({ ...node(dt, send).parameters, options: { ...node(dt, send).parameters.options, ledger: undefined } });
		expect(targets(pg, 'Contact keys', 1)).toEqual(['Claim the sends', 'Claim per contact']);
		expect(targets(pg, 'Claimed by this run?', 0)).toEqual([send]);
		expect(targets(pg, send, 0)).toContain('Settle the sends');
		// A send an earlier run made goes on as sent (the same way), one of unknown outcome as not sent.
		expect(targets(pg, 'Recorded as sent')).toEqual(targets(dt, 'Sent (Send Email included)'));
		expect(targets(pg, send, 0).filter((n) => n !== 'Settle the sends')).toEqual(targets(dt, send, 0));
	});

	test('the log, the tasks and the signals go to their tables as they are; the same send is logged once', () => {
		expect(node(pg, 'Write contact log').parameters.query).toBe(SQL.appendLog);
		expect(node(pg, 'Write task list').parameters.query).toBe(SQL.appendTasks);
		expect(SQL.appendLog).toMatch(/ON CONFLICT \(idempotency_key\) DO NOTHING/);
		expect(SQL.appendLog).not.toMatch(/sc_debtors/);
		if (file.startsWith('03')) {
			expect(node(pg, 'Write municipality signals').parameters.query).toBe(SQL.appendSignal);
			expect(SQL.appendSignal).toMatch(/WHERE NOT EXISTS[\s\S]*arrears_since IS NOT DISTINCT FROM/);
		}
		// Every log row of the Data Table edition reaches the log here too (and those of the Postgres pieces' Invalid outputs).
		const postgresOnly = /\((Contact keys|Debtor record from row)\)$/;
		expect(sources(pg, 'Write contact log').filter((n) => !postgresOnly.test(n)).sort()).toEqual(sources(dt, 'Write contact log').filter((n) => !postgresOnly.test(n)).sort());
	});
});

describe('00-setup-postgres.json', () => {
	const wf = read('00-setup-postgres.json');

	test('written by the builder from the files of sql/, each with its whole text', () => {
		expect(JSON.stringify(wf)).toBe(JSON.stringify(POSTGRES_SETUP['00-setup-postgres.json'](shippedMigrations())));
		const code = node(wf, 'The shipped migrations').parameters.jsCode as string;
		const listed = JSON.parse(/const migrations = ([\s\S]*?);\nreturn/.exec(code)![1]);
		expect(listed).toEqual(listMigrations().map(({ version, name, file }) => ({ version, name, sql: fs.readFileSync(file, 'utf8') })));
		expect([wf.id, wf.name]).toEqual(['scPgSetupSchema00', 'Social Collections (Postgres): set up the schema']);
	});

	test('each migration is applied in its own statement, once, under the lock and with the check the runner uses', () => {
		expect(targets(wf, 'Run once')).toEqual(['The shipped migrations']);
		expect(targets(wf, 'The shipped migrations')).toEqual(['Apply each migration once']);
		const apply = node(wf, 'Apply each migration once');
		expect([apply.parameters.query, apply.parameters.options.queryBatching, apply.parameters.options.queryReplacement]).toEqual([SQL.applyMigration, 'independently', '={{ [$json.version, $json.name, $json.sql] }}']);
		// The runner's lock and its "listed, so skipped" check, and the same refusal of a migration that does not record itself.
		const runner = migrationScript(listMigrations());
		expect(runner).toContain("pg_advisory_xact_lock(hashtext('sc_schema_migrations'))");
		expect(SQL.applyMigration).toContain("pg_advisory_xact_lock(hashtext('sc_schema_migrations'))");
		expect(SQL.applyMigration).toMatch(/IF EXISTS \(SELECT FROM sc_schema_migrations WHERE version = wanted\) THEN\s+RETURN 'already applied'/);
		expect(SQL.applyMigration).toMatch(/did not record itself in sc_schema_migrations/);
		// The helper is a temporary function: nothing of it stays in the schema.
		expect(SQL.applyMigration).toMatch(/^CREATE OR REPLACE FUNCTION pg_temp\.sc_apply_migration/);
		expect(targets(wf, 'Apply each migration once')).toEqual(['Schema version now']);
		expect(node(wf, 'Schema version now').executeOnce).toBe(true);
		expect(targets(wf, 'Schema version now')).toEqual(['Report']);
	});

	test('the report says what was applied and the version, in the runner\'s words', () => {
		const code = node(wf, 'Report').parameters.jsCode as string;
		const run = (results: any[], current: number) => {
			const $ = () => ({ all: () => results.map((json) => ({ json })) });
			const $input = { first: () => ({ json: { current: String(current) } }) };
			// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- the workflow's own code, run as n8n's Code node runs it
			return (new Function('$', '$input', code) as any)($, $input)[0].json;
		};
		const shipped = listMigrations().length;
		const all = listMigrations().map((m) => m.version);
		expect(run(all.map((version) => ({ version: String(version), result: 'applied' })), shipped)).toEqual({ applied: all, alreadyApplied: [], current: shipped, shipped, summary: `applied migration(s) ${all.join(', ')}; the schema is at version ${shipped}` });
		expect(run(all.map((version) => ({ version, result: 'already applied' })), shipped).summary).toBe(`nothing to apply; the schema is at version ${shipped}`);
		expect(run([], shipped + 1).summary).toMatch(/newer than this workflow's/);
	});

	test('refuses migrations it could not carry as written, and gaps', () => {
		expect(() => setupPostgres([{ version: 1, name: 'initial', sql: "SELECT '{{ x }}';" }])).toThrow(/expression/);
		expect(() => setupPostgres([{ version: 2, name: 'second', sql: 'SELECT 1;' }])).toThrow(/expected 1/);
		expect(() => setupPostgres([{ version: 1, name: 'Bad-Name', sql: 'SELECT 1;' }])).toThrow(/lower-case/);
	});
});
