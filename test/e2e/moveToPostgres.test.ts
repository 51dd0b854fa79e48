/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * Workflow 9 (move to Postgres) in a real n8n with real Data Tables and a real PostgreSQL: the Data
 * Tables hold the state the shipped daily journey (workflow 1) left after seven simulated days over
 * generated debtors, plus what the other workflows write (intake events with a replayed accepted
 * event, municipality signals, a delivery status repeating a send's key) and an older duplicate row of
 * a debtor. The move runs twice: the same counts and keys on both sides, no row doubled, the newest
 * row of a debtor wins, a debtor changed by the Postgres edition is not overwritten, and a value
 * Postgres cannot take stops the run naming the table, the row and the column. Then the Postgres
 * edition of the daily journey (dispatcher and batch, in the same n8n) runs the next day on the moved
 * state: every open debtor gets one decision, and nothing the Data Table edition sent is sent again
 * (no step, no idempotency key).
 *
 * Small on purpose (2 shared cores): 80 debtors, 7 days, pages of 40 rows so every table spans pages.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, freePort, type WorkflowJson } from '../../scripts/n8nInstance';
import { applyMigrations } from '../../scripts/scale/migrate';
import { LocalPostgres, psql } from '../../scripts/scale/postgres';
import { BATCH_CREDENTIAL, BATCH_PATH, POSTGRES_CREDENTIAL } from '../../workflows/src/postgres';
import { generatePortfolio } from '../fixtures/portfolio';
import { N8nRest, ownerEnv, type Row } from './harness/rest';

jest.setTimeout(900_000);

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
// The days of the Data Table end-to-end test (workflows.test.ts): a week of working days and a Saturday.
const DAYS = ['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-06', '2026-07-07', '2026-07-08'];
const NEXT_DAY = '2026-07-09';
const COUNT = 80;
const PAGE_SIZE = 40;
const ROLE_LOGIN = 'move_test_login_1';

let dir: string;
let pg: LocalPostgres;
let url: string;
let n8n: N8nInstance;
let rest: N8nRest;
const setup = load('00-setup-data-tables.json');
const journey = load('01-daily-collection-journey.json');
const move = load('09-move-to-postgres.json');
const dispatcher = load('postgres/01-daily-collection-journey.json');
const batch = load('postgres/01-daily-collection-journey-batch.json');

/** Rows of a query as arrays of column texts. */
const rows = (query: string) =>
	psql(url, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));
const count = (query: string) => Number(rows(query)[0][0]);

/** Sets fixed values in a Set node (manual mode) of a saved workflow. */
const setValues = (wf: any, node: string, values: Record<string, string>) => {
	for (const assignment of wf.nodes.find((n: any) => n.name === node).parameters.assignments.assignments) if (assignment.name in values) assignment.value = values[assignment.name];
};

/** Every row of the five Data Tables. */
async function dataTables(): Promise<Record<string, Row[]>> {
	const names = ['sc_debtors', 'sc_contact_log', 'sc_tasks', 'sc_intake', 'sc_municipality_signals'];
	return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await rest.rows(name)] as const)));
}

/** What Postgres holds, in a form to compare between runs. */
const snapshot = () => ({
	debtors: rows('SELECT debtor_id, status, version, moved_from FROM sc_debtors ORDER BY debtor_id'),
	log: rows('SELECT moved_from, debtor_id, decision, idempotency_key FROM sc_contact_log ORDER BY id'),
	tasks: rows('SELECT moved_from, debtor_id, why FROM sc_tasks ORDER BY id'),
	intake: rows('SELECT moved_from, event_id, result FROM sc_intake ORDER BY id'),
	signals: rows('SELECT moved_from, debtor_id, arrears_cents FROM sc_municipality_signals ORDER BY id'),
});

async function runMove(): Promise<any> {
	const run = await rest.runManually(move.id as string, 'Move now (manual)');
	return run;
}

let tables: Record<string, Row[]>;
let first: any;
let afterFirst: ReturnType<typeof snapshot>;
let closedId: string;

beforeAll(async () => {
	const started = Date.now();
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-move-'));
	fs.chmodSync(dir, 0o711);
	pg = await LocalPostgres.start({ dataDir: path.join(dir, 'data'), port: await freePort(), logFile: path.join(dir, 'postgres.log'), ephemeral: true });
	pg.ensureDatabase('social_collections', 'social_collections', ROLE_LOGIN);
	url = pg.url('social_collections', 'social_collections', ROLE_LOGIN);
	applyMigrations(url);

	n8n = await N8nInstance.create({ env: ownerEnv() });
	await n8n.importCredentials([
		{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: '127.0.0.1', port: pg.port, database: 'social_collections', user: 'social_collections', password: ROLE_LOGIN, ssl: 'disable', maxConnections: 5 } },
		{ ...BATCH_CREDENTIAL, type: 'jwtAuth', data: { keyType: 'passphrase', secret: `${ROLE_LOGIN}-batch`, algorithm: 'HS256' } },
	]);
	// The Postgres edition for the day after the move: a replayed day, so the window is checked from the planned moments.
	const sender = batch.nodes.find((node: any) => node.name === 'Send due messages') as any;
	sender.parameters.options = { ...sender.parameters.options, contactWindow: false };
	await n8n.importWorkflows([setup, journey, move, batch, dispatcher]);
	await n8n.publishWorkflow(batch.id as string);
	await n8n.start(300_000);
	rest = await N8nRest.signIn(n8n);
	expect((await rest.runManually(setup.id as string, 'Run once')).raw.status).toBe('success');

	const debtors = [...generatePortfolio({ seed: 9, count: COUNT, referenceDate: '2026-06-30' })].map((d: any) => d.record);
	// A closed debtor with an older duplicate row (versions before 0.9): the newer row must win.
	const closed = { ...debtors[0], debtorId: 'MOVE-CLOSED-1', claims: debtors[0].claims.map((claim: any) => ({ ...claim, openCents: 0 })) };
	closedId = closed.debtorId;
	await rest.insertRows('sc_debtors', [
		{ debtorId: closedId, status: 'closed', record: JSON.stringify({ ...closed, note: 'older' }) },
		{ debtorId: closedId, status: 'closed', record: JSON.stringify({ ...closed, note: 'newest' }) },
		...debtors.map((record) => ({ debtorId: record.debtorId, status: 'open', record: JSON.stringify(record) })),
	]);
	for (const day of DAYS) {
		await rest.updateWorkflow(journey.id as string, (wf) => {
			setValues(wf, 'Settings', { referenceDate: day, now: `${day}T08:00:00+02:00` });
			const sender = wf.nodes.find((n: any) => n.name === 'Send due messages');
			sender.parameters.options = { ...sender.parameters.options, contactWindow: false };
		});
		expect([day, (await rest.runManually(journey.id as string, 'Run now (manual)')).raw.status]).toEqual([day, 'success']);
	}
	// What workflows 2, 3 and 6 write, in their columns: an accepted event, its replay logged
	// "accepted" again (two requests at one moment), a rejection without an event id, signals, and a
	// delivery status that repeats the key of a sent message.
	const sent = (await rest.rows('sc_contact_log')).find((row) => row.decision === 'sent')!;
	await rest.insertRows('sc_contact_log', [{ ...Object.fromEntries(Object.entries(sent).filter(([key]) => !['id', 'createdAt', 'updatedAt'].includes(key))), decision: 'delivery-status', status: 'delivered', messageId: 'msg-1', loggedAt: '2026-07-03T09:00:00.000+02:00' }]);
	await rest.insertRows('sc_intake', [
		{ eventId: 'ERP-1', receivedAt: '2026-07-01T07:00:00.000+02:00', type: 'payment', debtorId: debtors[1].debtorId, result: 'accepted', reason: '' },
		{ eventId: 'ERP-1', receivedAt: '2026-07-01T07:00:00.001+02:00', type: 'payment', debtorId: debtors[1].debtorId, result: 'accepted', reason: '' },
		{ eventId: 'ERP-1', receivedAt: '2026-07-02T07:00:00.000+02:00', type: 'payment', debtorId: debtors[1].debtorId, result: 'duplicate', reason: 'already accepted earlier' },
		{ eventId: '', receivedAt: '2026-07-02T07:00:00.000+02:00', type: 'invoice', debtorId: '', result: 'rejected', reason: 'eventId is missing' },
	]);
	await rest.insertRows('sc_municipality_signals', debtors.slice(2, 5).map((record, i) => ({
		preparedOn: '2026-07-02', debtorId: record.debtorId, name: `${record.firstName ?? ''} ${record.lastName ?? ''}`.trim(), street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht',
		email: '', phone: '', arrearsCents: String(12_345 + i), arrearsSince: '2026-04-01', personalContactOn: '2026-06-01', debtHelpPointerOn: '2026-06-01', reminderWithOfferOn: '2026-06-15', status: 'prepared', submittedOn: '',
	})));
	tables = await dataTables();
	await rest.updateWorkflow(move.id as string, (wf) => setValues(wf, 'Settings', { pageSize: String(PAGE_SIZE) }));
	first = await runMove();
	afterFirst = snapshot();
	console.log(`move e2e ready in ${Math.round((Date.now() - started) / 1000)} s: ${Object.entries(tables).map(([name, list]) => `${name} ${list.length}`).join(', ')}`);
});

afterAll(async () => {
	await n8n?.dispose();
	await pg?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the Data Tables hold a real state: every table has rows spanning pages, a duplicate debtor, repeated keys', () => {
	expect(tables.sc_debtors.length).toBe(COUNT + 2);
	expect(tables.sc_contact_log.length).toBeGreaterThan(2 * PAGE_SIZE);
	expect(tables.sc_tasks.length).toBeGreaterThan(0);
	const keys = tables.sc_contact_log.map((row) => row.idempotencyKey).filter(Boolean);
	expect(new Set(keys).size).toBeLessThan(keys.length);
});

test('the first move copies every table and its check passes', () => {
	expect(first.raw.status).toBe('success');
	const summary = first.items('Compare both sides')[0];
	expect(summary.moved).toBe(true);
	const distinctDebtors = new Set(tables.sc_debtors.map((row) => row.debtorId)).size;
	expect(count('SELECT count(*) FROM sc_debtors')).toBe(distinctDebtors);
	expect(summary.tables.sc_debtors).toMatchObject({ dataTableRows: COUNT + 2, foundInPostgres: COUNT + 2, insertedThisRun: distinctDebtors });
	for (const name of ['sc_contact_log', 'sc_tasks', 'sc_intake', 'sc_municipality_signals']) {
		expect([name, count(`SELECT count(*) FROM ${name}`)]).toEqual([name, tables[name].length]);
		expect([name, summary.tables[name].insertedThisRun]).toEqual([name, tables[name].length]);
	}
	// Every row came from its Data Table row, once.
	expect(rows('SELECT moved_from FROM sc_contact_log ORDER BY id').map(([moved]) => moved)).toEqual(tables.sc_contact_log.map((row) => `data-table:sc_contact_log:${row.id}`));
});

test('every idempotency key is in Postgres, once, on the sent row; the delivery status keeps the message id', () => {
	const keys = [...new Set(tables.sc_contact_log.map((row) => row.idempotencyKey as string).filter(Boolean))].sort();
	expect(keys.length).toBeGreaterThan(0);
	expect(rows("SELECT idempotency_key FROM sc_contact_log WHERE idempotency_key IS NOT NULL ORDER BY idempotency_key COLLATE \"C\"").map(([key]) => key)).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
	expect(rows("SELECT decision, idempotency_key IS NULL, message_id FROM sc_contact_log WHERE decision = 'delivery-status'")).toEqual([['delivery-status', 't', 'msg-1']]);
	expect(count("SELECT count(*) FROM sc_contact_log WHERE idempotency_key IS NOT NULL AND decision <> 'sent'")).toBe(0);
});

test('typed columns: dates, moments, claim ids, cents; the newest row of a debtor wins; a replayed accepted event is a duplicate', () => {
	const sample = tables.sc_contact_log.find((row) => row.decision === 'sent' && String(row.claimIds).includes(','))
		?? tables.sc_contact_log.find((row) => row.decision === 'sent')!;
	expect(rows(`SELECT day::text, array_to_string(claim_ids, ','), (moment = '${sample.moment}'::timestamptz)::text FROM sc_contact_log WHERE moved_from = 'data-table:sc_contact_log:${sample.id}'`)).toEqual([[sample.day, sample.claimIds, 'true']]);
	expect(rows("SELECT arrears_cents FROM sc_municipality_signals ORDER BY id").map(([cents]) => cents)).toEqual(['12345', '12346', '12347']);
	expect(rows(`SELECT status, record->>'note', next_step_date IS NULL FROM sc_debtors WHERE debtor_id = '${closedId}'`)).toEqual([['closed', 'newest', 't']]);
	expect(rows('SELECT event_id, result FROM sc_intake ORDER BY id')).toEqual([['ERP-1', 'accepted'], ['ERP-1', 'duplicate'], ['ERP-1', 'duplicate'], ['', 'rejected']]);
	// Records are the Data Table's, byte for byte as JSON.
	const open = tables.sc_debtors.find((row) => row.status === 'open')!;
	expect(JSON.parse(rows(`SELECT record::text FROM sc_debtors WHERE debtor_id = '${open.debtorId}'`)[0][0])).toEqual(JSON.parse(open.record as string));
});

test('the second move copies nothing twice, keeps what the Postgres edition changed, brings newer Data Table records', async () => {
	const [changedInPostgres, changedInDataTable] = tables.sc_debtors.filter((row) => row.status === 'open').slice(3, 5).map((row) => row.debtorId as string);
	// The Postgres edition changed one debtor after the first move; the Data Table edition (still
	// running) changed both.
	psql(url, `UPDATE sc_debtors SET record = record || '{"note": "postgres"}' WHERE debtor_id = '${changedInPostgres}';`);
	for (const id of [changedInPostgres, changedInDataTable]) {
		const row = tables.sc_debtors.find((r) => r.debtorId === id)!;
		const change = () => rest.updateRows('sc_debtors', 'id', row.id, { record: JSON.stringify({ ...JSON.parse(row.record as string), note: 'data table' }) });
		// Setting the same record twice is harmless: once more when n8n dropped a kept-alive connection (seen on a loaded machine).
		await change().catch((error: Error) => (/socket hang up|ECONNRESET/.test(error.message) ? change() : Promise.reject(error)));
	}
	const before = snapshot();
	const second = await runMove();
	expect(second.raw.status).toBe('success');
	const summary = second.items('Compare both sides')[0];
	for (const name of ['sc_contact_log', 'sc_tasks', 'sc_intake', 'sc_municipality_signals']) expect([name, summary.tables[name].insertedThisRun]).toEqual([name, 0]);
	expect(summary.tables.sc_debtors).toMatchObject({ insertedThisRun: 0, updatedThisRun: 1 });
	const after = snapshot();
	expect({ ...after, debtors: undefined }).toEqual({ ...afterFirst, debtors: undefined });
	expect(after.debtors.length).toBe(before.debtors.length);
	expect(rows(`SELECT debtor_id, record->>'note' FROM sc_debtors WHERE debtor_id IN ('${changedInPostgres}', '${changedInDataTable}') ORDER BY debtor_id = '${changedInDataTable}'`)).toEqual([
		[changedInPostgres, 'postgres'],
		[changedInDataTable, 'data table'],
	]);
	// Every other debtor is as the first move left it (same version).
	const unchanged = (list: string[][]) => list.filter(([id]) => id !== changedInDataTable);
	expect(unchanged(after.debtors)).toEqual(unchanged(before.debtors));
});

test('the next day in the Postgres edition decides for every open debtor once and sends nothing that was already sent', async () => {
	// Every step the Data Table edition sent (one per claim), and every key it logged, as moved.
	const steps = (list: string[][]) => list.flatMap(([debtor, stage, claims]) => (claims ? claims.split(',') : ['-']).map((claim) => `${debtor}/${claim}/${stage}`));
	const movedSent = rows("SELECT debtor_id, stage, array_to_string(claim_ids, ','), idempotency_key FROM sc_contact_log WHERE decision = 'sent'");
	expect(movedSent.length).toBeGreaterThan(0);
	const sentSteps = new Set(steps(movedSent));
	const movedKeys = new Set(rows('SELECT idempotency_key FROM sc_contact_log WHERE idempotency_key IS NOT NULL').map(([key]) => key));
	const open = rows("SELECT debtor_id FROM sc_debtors WHERE status = 'open' ORDER BY 1").map(([id]) => id);

	await rest.updateWorkflow(dispatcher.id as string, (wf) =>
		setValues(wf, 'Settings', { referenceDate: NEXT_DAY, now: `${NEXT_DAY}T08:00:00+02:00`, batchWebhookUrl: `${n8n.baseUrl}/webhook/${BATCH_PATH}`, batchSize: '30' }),
	);
	await n8n.waitForWebhook(BATCH_PATH);
	const run = await rest.runManually(dispatcher.id as string, 'Run now (manual)');
	expect(run.raw.status).toBe('success');

	// Never planned in Postgres, so every open debtor is due: one decision each (a failed or unknown send's task comes with it).
	const decided = rows(`SELECT debtor_id, count(*) FROM sc_contact_log l WHERE day = '${NEXT_DAY}'
		AND NOT (decision = 'task' AND EXISTS (SELECT FROM sc_contact_log o WHERE o.day = l.day AND o.debtor_id = l.debtor_id AND o.decision IN ('not-sent', 'unconfirmed')))
		GROUP BY debtor_id ORDER BY debtor_id`);
	expect(decided.map(([id]) => id)).toEqual(open);
	expect(decided.filter(([, n]) => n !== '1')).toEqual([]);
	const sentToday = rows(`SELECT debtor_id, stage, array_to_string(claim_ids, ','), idempotency_key FROM sc_contact_log WHERE day = '${NEXT_DAY}' AND decision = 'sent'`);
	const claimedToday = rows(`SELECT idempotency_key, status, coalesce(channel_key, '') FROM sc_sends WHERE day = '${NEXT_DAY}'`);
	console.log(`next day in Postgres: ${decided.length} decided, ${sentToday.length} sent, ${claimedToday.length} send claims; decisions ${rows(`SELECT decision, count(*) FROM sc_contact_log WHERE day = '${NEXT_DAY}' GROUP BY 1 ORDER BY 1`).map(([d, n]) => `${d} ${n}`).join(', ')}`);
	expect(sentToday.length).toBeGreaterThan(0);
	// No step sent again, no key used again (the log's UNIQUE key would drop a repeat's row silently, so the send claims are checked too).
	expect(steps(sentToday).filter((step) => sentSteps.has(step))).toEqual([]);
	expect(sentToday.filter(([, , , key]) => movedKeys.has(key))).toEqual([]);
	expect(claimedToday.filter(([, , channelKey]) => movedKeys.has(channelKey))).toEqual([]);
	expect(claimedToday.map(([, status]) => status).sort()).toEqual(sentToday.map(() => 'sent'));
});

test('a value Postgres cannot take stops the run naming the table, the row and the column, not the value', async () => {
	await rest.insertRows('sc_tasks', [{ openedAt: '2026-07-03T09:00:00.000+02:00', day: 'tomorrow-ish', debtorId: 'D-SECRET-NAME', stage: '', claimIds: '', why: 'call', done: 'false' }]);
	const id = (await rest.rows('sc_tasks')).at(-1)!.id;
	const failed = await runMove();
	expect(failed.raw.status).toBe('error');
	const message = JSON.stringify(failed.raw.data.resultData.error);
	expect(message).toContain(`sc_tasks row ${id}: column day is not a date (yyyy-mm-dd)`);
	expect(message).not.toContain('tomorrow-ish');
	expect(count(`SELECT count(*) FROM sc_tasks WHERE moved_from = 'data-table:sc_tasks:${id}'`)).toBe(0);
});
