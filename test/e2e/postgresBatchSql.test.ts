/* eslint-disable @n8n/community-nodes/no-restricted-imports -- tests run in plain Node, not inside n8n */
/**
 * The daily journey batch's set-based statements (workflows/src/postgres.ts) in a real PostgreSQL,
 * with the parameters n8n's Postgres node gives them (one JSON array for all the batch's items):
 * the claims of the sends come back one per item in the items' order; a send claimed before is
 * reported with its state; the decisions of a batch are logged in one statement, a repeated
 * idempotency key is dropped and its contacts are not appended again, the contacts of a logged
 * send are appended to the current record, and only the lease owner plans and releases a debtor;
 * the settle step keeps sent and unconfirmed claims and gives up the others.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../../scripts/n8nInstance';
import { applyMigrations } from '../../scripts/scale/migrate';
import { LocalPostgres, psql } from '../../scripts/scale/postgres';
import { SQL } from '../../workflows/src/postgres';

jest.setTimeout(240_000);

let dir: string;
let pg: LocalPostgres;
let url: string;
const rows = (query: string) =>
	psql(url, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
/** A literal of SQL text. */
const text = (value: unknown) => `'${(typeof value === 'string' ? value : JSON.stringify(value)).replace(/'/g, "''")}'`;
/** Runs one of the edition's statements with its parameters, as the Postgres node does (a prepared statement). */
const run = (query: string, ...values: unknown[]) =>
	rows(`PREPARE q AS ${query};\nEXECUTE q(${values.map(text).join(', ')});\nDEALLOCATE q;`);

const DAY = '2026-07-01';
const record = (debtorId: string) => ({ debtorId, contacts: [{ at: '2026-06-01T09:00:00+02:00', channel: 'email', direction: 'outbound', stage: 'reminder', outcome: 'sent' }] });

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pg-batch-'));
	// Under root the server runs as the postgres user, which must pass through this folder.
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	pg.ensureDatabase('social_collections', 'social_collections', 'test_password_1');
	url = pg.url('social_collections', 'social_collections', 'test_password_1');
	applyMigrations(url);
	const debtors = ['D-1', 'D-2', 'D-3'].map((id) => `(${text(id)}, ${text(record(id))}, '${DAY}')`).join(', ');
	psql(url, `INSERT INTO sc_debtors (debtor_id, record, next_step_date) VALUES ${debtors};`);
});

afterAll(async () => {
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a batch claims its debtors; the sends are claimed in one statement, one row per item in their order', () => {
	const claimed = run(SQL.claimBatch, DAY, 'batch-1', '10', '15');
	expect(claimed.map(([json]) => JSON.parse(json).debtorId).sort()).toEqual(['D-1', 'D-2', 'D-3']);
	// An earlier run sent the contact with key k-0.
	psql(url, `INSERT INTO sc_sends (idempotency_key, debtor_id, day, claimed_by, status, channel, channel_key) VALUES ('k-0', 'D-3', '${DAY}', 'batch-0', 'sent', 'email', 'email-k-0');`);
	const sends = run(SQL.claimSends, [{ contactKey: 'k-2', debtorId: 'D-2' }, { contactKey: 'k-0', debtorId: 'D-3' }, { contactKey: 'k-1', debtorId: 'D-1' }], DAY, 'batch-1').map(([json]) => JSON.parse(json));
	expect(sends).toEqual([
		{ contactKey: 'k-2', claim: 'claimed', channel: null, channelKey: null },
		{ contactKey: 'k-0', claim: 'sent', channel: 'email', channelKey: 'email-k-0' },
		{ contactKey: 'k-1', claim: 'claimed', channel: null, channelKey: null },
	]);
	// Claimed again (a second batch, or the same run repeated): nobody gets it a second time.
	expect(run(SQL.claimSends, [{ contactKey: 'k-1', debtorId: 'D-1' }], DAY, 'batch-2').map(([json]) => JSON.parse(json).claim)).toEqual(['sending']);
});

test('the sends are settled in one statement: sent and unconfirmed kept, the others given up', () => {
	run(SQL.settleSends, [
		{ contactKey: 'k-1', outcome: 'sent', channel: 'sms', channelKey: 'sms-k-1', messageId: 'm-1' },
		{ contactKey: 'k-2', outcome: 'release', channel: '', channelKey: '', messageId: '' },
	]);
	expect(rows("SELECT idempotency_key, status, coalesce(channel, ''), coalesce(channel_key, ''), coalesce(message_id, '') FROM sc_sends ORDER BY 1")).toEqual([
		['k-0', 'sent', 'email', 'email-k-0', ''],
		['k-1', 'sent', 'sms', 'sms-k-1', 'm-1'],
	]);
});

test('the decisions are written in one statement: a repeated key dropped with its contacts, contacts appended, only the lease owner plans', () => {
	const contact = { at: `${DAY}T09:30:00+02:00`, channel: 'sms', direction: 'outbound', stage: 'reminder', outcome: 'sent' };
	// An earlier run logged key sms-k-9 for D-3 (and appended its contact then).
	psql(url, `INSERT INTO sc_contact_log (day, debtor_id, decision, idempotency_key) VALUES ('${DAY}', 'D-3', 'sent', 'sms-k-9');`);
	// Another batch took D-2's lease meanwhile: this batch must not plan it.
	psql(url, "UPDATE sc_debtors SET lease_owner = 'batch-2' WHERE debtor_id = 'D-2';");
	const row = (debtorId: string, decision: string, extra: Record<string, string> = {}) => ({ day: DAY, debtorId, decision, stage: 'reminder', claimIds: 'C-1,C-2', moment: '', idempotencyKey: '', nextStepDate: '2026-07-02', ...extra });
	const written = run(SQL.writeDecisions, [
		row('D-1', 'sent', { idempotencyKey: 'sms-k-1', moment: contact.at, contacts: JSON.stringify([contact, { ...contact, claimId: 'C-2' }]) }),
		row('D-2', 'waiting', { nextStepDate: '2026-07-09' }),
		row('D-3', 'sent', { idempotencyKey: 'sms-k-9', contacts: JSON.stringify([contact]) }),
		// A second row of D-1 (a task with its not-sent row): logged, the plan from the first.
		row('D-1', 'task', { nextStepDate: '2026-07-05' }),
	], 'batch-1');
	expect(written.map(([id]) => id).sort()).toEqual(['D-1', 'D-2', 'D-3']);
	expect(rows(`SELECT debtor_id, decision, array_to_string(claim_ids, ','), coalesce(idempotency_key, '') FROM sc_contact_log ORDER BY id`)).toEqual([
		['D-3', 'sent', '', 'sms-k-9'],
		['D-1', 'sent', 'C-1,C-2', 'sms-k-1'],
		['D-2', 'waiting', 'C-1,C-2', ''],
		['D-1', 'task', 'C-1,C-2', ''],
	]);
	// Contacts: D-1 gets its two, D-3 none (its row was a repeat), D-2 none.
	expect(rows("SELECT debtor_id, jsonb_array_length(record -> 'contacts'), version FROM sc_debtors ORDER BY 1")).toEqual([
		['D-1', '3', '2'],
		['D-2', '1', '1'],
		['D-3', '1', '1'],
	]);
	expect(rows("SELECT record -> 'contacts' -> 2 ->> 'claimId' FROM sc_debtors WHERE debtor_id = 'D-1'")).toEqual([['C-2']]);
	// Planned from the version claimed (1: the contacts raised D-1's version, so it is due again), lease released; D-2 left to its owner.
	expect(rows("SELECT debtor_id, coalesce(CAST(planned_on AS text), ''), coalesce(CAST(planned_version AS text), ''), coalesce(CAST(next_step_date AS text), ''), coalesce(lease_owner, '') FROM sc_debtors ORDER BY 1")).toEqual([
		['D-1', DAY, '1', '2026-07-02', ''],
		['D-2', '', '', DAY, 'batch-2'],
		['D-3', DAY, '1', '2026-07-02', ''],
	]);
});

test('the tasks of a batch are appended in one statement', () => {
	run(SQL.appendTasks, [
		{ day: DAY, debtorId: 'D-1', stage: 'reminder', claimIds: 'C-1', why: 'no channel worked', done: 'false' },
		{ day: DAY, debtorId: 'D-2', stage: '', claimIds: '', why: 'outcome unknown', done: '' },
	]);
	expect(rows("SELECT debtor_id, coalesce(stage, ''), array_to_string(claim_ids, ','), why, done FROM sc_tasks ORDER BY id")).toEqual([
		['D-1', 'reminder', 'C-1', 'no channel worked', 'f'],
		['D-2', '', '', 'outcome unknown', 'f'],
	]);
});
