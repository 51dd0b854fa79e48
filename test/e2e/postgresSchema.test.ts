/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tests run in plain Node, not inside n8n */
/**
 * The shipped SQL schema in a real PostgreSQL, as n8n's Postgres credential reaches it (its own
 * role, a password, TCP): the migrations apply once and again without change, the UNIQUE rules
 * refuse a second record of the same send or the same accepted event, the version compare-and-set
 * lets one of two writers win, and a claim with FOR UPDATE SKIP LOCKED passes over rows another run
 * holds and over unexpired leases.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../../scripts/n8nInstance';
import { applyMigrations, listMigrations, SQL_DIR } from '../../scripts/scale/migrate';
import { LocalPostgres, psql, psqlProgram } from '../../scripts/scale/postgres';

jest.setTimeout(240_000);

let dir: string;
let pg: LocalPostgres;
let url: string;
const sql = (statements: string) => psql(url, statements);
/** Rows of a query as arrays of column texts (psql unaligned output, `|` between columns). */
const rows = (query: string) =>
	sql(query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));

/** The schema as the catalog describes it: columns with types, defaults and nullability, every index and constraint. */
const catalog = () =>
	sql(`
		SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_name LIKE 'sc\\_%' ORDER BY 1, 2;
		SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'sc\\_%' ORDER BY 1, 2;
		SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid::regclass::text LIKE 'sc\\_%' ORDER BY 1, 2;
		SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1;
	`);

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pg-'));
	// Under root the server runs as the postgres user, which must pass through this folder.
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	pg.ensureDatabase('social_collections', 'social_collections', 'test_password_1');
	url = pg.url('social_collections', 'social_collections', 'test_password_1');
});

afterAll(async () => {
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
	const latest = listMigrations().length;

	test('apply in order, once; a second run applies nothing and changes nothing', () => {
		expect(applyMigrations(url)).toEqual({ applied: listMigrations().map((m) => m.version), current: latest });
		const before = catalog();
		expect(before).toContain('sc_debtors|debtor_id|text');
		expect(applyMigrations(url)).toEqual({ applied: [], current: latest });
		expect(catalog()).toBe(before);
		expect(rows('SELECT version, name FROM sc_schema_migrations ORDER BY version')).toEqual(listMigrations().map((m) => [String(m.version), m.name]));
	});

	test('every file may also be applied again by hand (psql --single-transaction -f) without change', () => {
		const before = catalog();
		for (const migration of listMigrations()) sql(`BEGIN;\n\\i '${migration.file}'\nCOMMIT;`);
		expect(catalog()).toBe(before);
		expect(rows('SELECT count(*) FROM sc_schema_migrations')).toEqual([[String(latest)]]);
	});

	test('a failing migration leaves nothing behind and is tried again next time', () => {
		const broken = fs.mkdtempSync(path.join(dir, 'sql-'));
		for (const file of fs.readdirSync(SQL_DIR)) fs.copyFileSync(path.join(SQL_DIR, file), path.join(broken, file));
		const next = latest + 1;
		fs.writeFileSync(
			path.join(broken, `${String(next).padStart(4, '0')}_broken.sql`),
			`CREATE TABLE IF NOT EXISTS sc_half_done (id integer);\nSELECT 1 / 0;\nINSERT INTO sc_schema_migrations (version, name) VALUES (${next}, 'broken') ON CONFLICT (version) DO NOTHING;\n`,
		);
		expect(() => applyMigrations(url, broken)).toThrow(/division by zero/);
		expect(rows("SELECT to_regclass('sc_half_done') IS NULL, max(version) FROM sc_schema_migrations")).toEqual([['t', String(latest)]]);
		fs.writeFileSync(path.join(broken, `${String(next).padStart(4, '0')}_broken.sql`), `INSERT INTO sc_schema_migrations (version, name) VALUES (${next}, 'broken') ON CONFLICT (version) DO NOTHING;\n`);
		expect(applyMigrations(url, broken)).toEqual({ applied: [next], current: next });
		sql(`DELETE FROM sc_schema_migrations WHERE version = ${next};`);
	});
});

describe('sc_contact_log and sc_intake', () => {
	const logRow = (key: string) => `INSERT INTO sc_contact_log (day, debtor_id, decision, channel, claim_ids, idempotency_key) VALUES ('2026-06-30', 'D-1', 'sent', 'email', '{INV-1,INV-2}', ${key});`;

	test('a second record of the same send is refused; decisions without a send need no key', () => {
		sql(logRow("'D-1:reminder-1:INV-1'"));
		expect(() => sql(logRow("'D-1:reminder-1:INV-1'"))).toThrow(/duplicate key value violates unique constraint "sc_contact_log_idempotency_key_key"/);
		sql(logRow('NULL'));
		sql(logRow('NULL'));
		// An empty key is a mistake (every such row would collide), not "no key".
		expect(() => sql(logRow("''"))).toThrow(/violates check constraint "sc_contact_log_idempotency_key_check"/);
		expect(rows("SELECT count(*), count(idempotency_key), min(claim_ids::text) FROM sc_contact_log WHERE debtor_id = 'D-1'")).toEqual([['3', '1', '{INV-1,INV-2}']]);
	});

	test('an ERP event is accepted once; replays and rejections are still logged', () => {
		const intake = (eventId: string, result: string) => `INSERT INTO sc_intake (event_id, type, debtor_id, result) VALUES (${eventId}, 'payment', 'D-1', '${result}');`;
		sql(intake("'ERP-1'", 'accepted'));
		expect(() => sql(intake("'ERP-1'", 'accepted'))).toThrow(/duplicate key value violates unique constraint "sc_intake_accepted_once"/);
		sql(intake("'ERP-1'", 'duplicate'));
		sql(intake('NULL', 'rejected'));
		expect(() => sql(intake('NULL', 'accepted'))).toThrow(/violates check constraint/);
		expect(() => sql(intake("'ERP-2'", 'maybe'))).toThrow(/violates check constraint "sc_intake_result_check"/);
		expect(rows('SELECT event_id, result FROM sc_intake ORDER BY id')).toEqual([
			['ERP-1', 'accepted'],
			['ERP-1', 'duplicate'],
			['', 'rejected'],
		]);
	});
});

describe('sc_debtors', () => {
	const record = (id: string, extra = '') => `'{"debtorId": "${id}"${extra}}'`;

	test('compare-and-set on version: of two writers that read version 1, one wins', () => {
		sql(`INSERT INTO sc_debtors (debtor_id, record) VALUES ('D-CAS', ${record('D-CAS')});`);
		expect(rows("SELECT version, status FROM sc_debtors WHERE debtor_id = 'D-CAS'")).toEqual([['1', 'open']]);
		const write = (note: string) => rows(`UPDATE sc_debtors SET record = ${record('D-CAS', `, "note": "${note}"`)} WHERE debtor_id = 'D-CAS' AND version = 1 RETURNING version;`);
		expect(write('first')).toEqual([['2']]);
		expect(write('second')).toEqual([]);
		expect(rows("SELECT version, record->>'note' FROM sc_debtors WHERE debtor_id = 'D-CAS'")).toEqual([['2', 'first']]);
	});

	test('the version counts changes of record and status, not plans or leases; "changed since planned" follows', () => {
		const state = () => rows("SELECT version, planned_version, version > coalesce(planned_version, 0) FROM sc_debtors WHERE debtor_id = 'D-CAS'")[0];
		sql("UPDATE sc_debtors SET planned_version = version, next_step_date = '2026-07-01', lease_owner = 'run-1', leased_until = now() WHERE debtor_id = 'D-CAS';");
		expect(state()).toEqual(['2', '2', 'f']);
		sql("UPDATE sc_debtors SET status = 'closed' WHERE debtor_id = 'D-CAS';");
		expect(state()).toEqual(['3', '2', 't']);
		// A writer that forgets to raise the version cannot keep it: the trigger raises it.
		sql(`UPDATE sc_debtors SET record = ${record('D-CAS', ', "note": "third"')}, version = 3 WHERE debtor_id = 'D-CAS';`);
		expect(state()).toEqual(['4', '2', 't']);
	});

	test("a record whose debtorId is not the row's is refused", () => {
		expect(() => sql(`INSERT INTO sc_debtors (debtor_id, record) VALUES ('D-X', ${record('D-Y')});`)).toThrow(/violates check constraint "sc_debtors_check"/);
		expect(() => sql(`INSERT INTO sc_debtors (debtor_id, record, status) VALUES ('D-X', ${record('D-X')}, 'paused');`)).toThrow(/violates check constraint "sc_debtors_status_check"/);
	});

	test('a claim with FOR UPDATE SKIP LOCKED passes over rows another run holds and over unexpired leases', async () => {
		const ids = Array.from({ length: 10 }, (_, i) => `D-${String(i).padStart(2, '0')}`);
		sql(`INSERT INTO sc_debtors (debtor_id, record, next_step_date) VALUES ${ids.map((id) => `('${id}', ${record(id)}, '2026-06-30')`).join(', ')};`);
		const claim = (owner: string, limit: number) =>
			rows(`
				UPDATE sc_debtors SET lease_owner = '${owner}', leased_until = now() + interval '15 minutes'
				WHERE debtor_id IN (
					SELECT debtor_id FROM sc_debtors
					WHERE status = 'open' AND next_step_date <= '2026-06-30' AND (leased_until IS NULL OR leased_until < now())
					ORDER BY next_step_date, debtor_id LIMIT ${limit}
					FOR UPDATE SKIP LOCKED)
				RETURNING debtor_id;`)
				.map(([id]) => id)
				.sort();

		// Another run holds the first four rows in an open transaction for a few seconds.
		const holder = spawn(psqlProgram(), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url], { stdio: ['pipe', 'pipe', 'pipe'] });
		let held = '';
		holder.stdout.on('data', (chunk) => (held += chunk));
		const holderDone = new Promise((resolve) => holder.on('close', resolve));
		holder.stdin.end(
			"BEGIN;\nSELECT debtor_id FROM sc_debtors WHERE debtor_id LIKE 'D-0%' ORDER BY debtor_id LIMIT 4 FOR UPDATE;\nSELECT pg_sleep(4) AS sc_holding;\nCOMMIT;\n",
		);
		const deadline = Date.now() + 20_000;
		while (rows("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%sc_holding%' AND state = 'active' AND pid <> pg_backend_pid()")[0][0] !== '1') {
			if (Date.now() > deadline) throw new Error('the holding session did not start');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const started = Date.now();
		const first = claim('run-a', 10);
		// Did not wait for the holder: skipped its rows instead.
		expect(Date.now() - started).toBeLessThan(3000);
		expect(first).toEqual(ids.slice(4));
		await holderDone;
		expect(held.trim().split('\n').filter((line) => line.startsWith('D-'))).toEqual(ids.slice(0, 4));

		// The held rows are free now; the leased ones are not until their lease ends.
		expect(claim('run-b', 10)).toEqual(ids.slice(0, 4));
		expect(claim('run-c', 10)).toEqual([]);
		// run-a died: its lease ends, another run takes the batch up.
		sql("UPDATE sc_debtors SET leased_until = now() - interval '1 second' WHERE lease_owner = 'run-a';");
		expect(claim('run-d', 10)).toEqual(ids.slice(4));
		expect(rows("SELECT count(*) FROM sc_debtors WHERE debtor_id LIKE 'D-0%' AND version = 1")).toEqual([['10']]);
	});
});
