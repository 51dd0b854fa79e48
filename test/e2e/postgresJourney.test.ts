/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * The Postgres edition of the daily journey (workflows/postgres/) on the queue-mode stack: PostgreSQL,
 * Redis, n8n main and two workers. A few hundred generated debtors in `sc_debtors`, three simulated
 * days: each day the dispatcher (run as a person clicks "Execute workflow", on main) calls the batch
 * webhook once per batch, queue mode runs the batches on the workers, and each batch claims, plans,
 * sends (Sandbox) and settles its debtors in SQL.
 *
 * Asserted: every debtor due that day (computed before the run) gets exactly one decision and is
 * planned for the day, no one else gets one; a second run of the same day decides nothing; no step
 * is sent twice; nobody is contacted outside the legal window; every send was claimed in `sc_sends`
 * and settled `sent`, with one contact-log row and one contact in the record; both workers ran batch
 * executions (n8n's execution records and the workers' logs); the JWT passphrase is in no execution's
 * saved data. About 6 minutes on a loaded 2-core machine, most of it starting the stack.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import type { WorkflowJson } from '../../scripts/n8nInstance';
import { psql } from '../../scripts/scale/postgres';
import type { ScaleStack } from '../../scripts/scale/stack';
import { BATCH_PATH } from '../../workflows/src/postgres';
import { generatePortfolio } from '../fixtures/portfolio';
import { N8nRest } from './harness/rest';
import { disposeScaleStack, prepareScaleStack } from './harness/scaleStack';

jest.setTimeout(1_500_000);

const DIR = path.join(REPO_ROOT, 'workflows', 'postgres');
const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
const COUNT = 240;
const BATCH_SIZE = 30;
const DAYS = ['2026-07-01', '2026-07-02', '2026-07-03'];

/** Fixed values in a Set node (manual mode) of a workflow. */
function setValues(wf: any, nodeName: string, values: Record<string, string>): void {
	const node = wf.nodes.find((n: any) => n.name === nodeName);
	for (const assignment of node.parameters.assignments.assignments) if (assignment.name in values) assignment.value = values[assignment.name];
}

let stack: ScaleStack | undefined;
let rest: N8nRest;
const dispatcher = load('01-daily-collection-journey.json');
const batch = load('01-daily-collection-journey-batch.json');
const days: Array<{ day: string; due: string[]; seconds: number }> = [];
let again: { due: string; logRows: string } | undefined;

const rows = (query: string): string[][] =>
	psql(stack!.appDatabaseUrl, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));

/** The due-today rule, written out independently of the workflow's SQL. */
const dueOn = (day: string) =>
	rows(`SELECT debtor_id FROM sc_debtors WHERE status = 'open' AND (planned_on IS NULL OR planned_on <> '${day}')
		AND (next_step_date <= '${day}' OR planned_version IS NULL OR version > planned_version) ORDER BY 1`).map(([id]) => id);

beforeAll(async () => {
	const started = Date.now();
	stack = await prepareScaleStack({ workers: 2, concurrency: 3 });
	// Replayed days are not today: the window is asserted from the planned moments (as in workflows.test.ts).
	const sender = batch.nodes.find((node) => node.name === 'Send due messages') as any;
	sender.parameters.options = { ...sender.parameters.options, contactWindow: false };
	await stack.main.importWorkflow(batch);
	await stack.main.publishWorkflow(batch.id as string);
	await stack.main.importWorkflow(dispatcher);
	await stack.startN8n();
	await stack.main.waitForWebhook(BATCH_PATH, 120_000);
	rest = await N8nRest.signIn(stack.main);
	console.log(`queue-mode stack ready in ${Math.round((Date.now() - started) / 1000)} s`);

	// The portfolio, straight into sc_debtors (one INSERT; the records as JSON parameters of psql's \copy would need a file).
	const debtors = [...generatePortfolio({ seed: 17, count: COUNT, referenceDate: '2026-06-30' })].map((d: any) => d.record);
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-pg-journey-')), 'debtors.csv');
	fs.writeFileSync(file, debtors.map((record) => `${record.debtorId}\t${JSON.stringify(record).replace(/\\/g, '\\\\')}`).join('\n') + '\n');
	fs.chmodSync(path.dirname(file), 0o755);
	fs.chmodSync(file, 0o644);
	psql(stack.appDatabaseUrl, `\\copy sc_debtors (debtor_id, record) FROM '${file}'`);
	expect(rows('SELECT count(*) FROM sc_debtors')).toEqual([[String(COUNT)]]);

	for (const day of DAYS) {
		const due = dueOn(day);
		await rest.updateWorkflow(dispatcher.id as string, (wf) =>
			setValues(wf, 'Settings', { referenceDate: day, now: `${day}T08:00:00+02:00`, batchWebhookUrl: `${stack!.main.baseUrl}/webhook/${BATCH_PATH}`, batchSize: String(BATCH_SIZE) }),
		);
		const dayStarted = Date.now();
		const run = await rest.runManually(dispatcher.id as string, 'Run now (manual)', 900_000);
		expect([day, run.raw.status]).toEqual([day, 'success']);
		days.push({ day, due, seconds: Math.round((Date.now() - dayStarted) / 1000) });
	}
	// The last day once more: nothing is due any more, nothing is decided again.
	const last = DAYS[DAYS.length - 1];
	const before = rows(`SELECT count(*) FROM sc_contact_log WHERE day = '${last}'`)[0][0];
	const rerun = await rest.runManually(dispatcher.id as string, 'Run now (manual)', 300_000);
	expect(rerun.raw.status).toBe('success');
	again = { due: String(dueOn(last).length), logRows: String(Number(rows(`SELECT count(*) FROM sc_contact_log WHERE day = '${last}'`)[0][0]) - Number(before)) };
	console.log(`postgres journey: ${days.map((d) => `${d.day}: ${d.due.length} due, ${d.seconds} s`).join('; ')}; total ${Math.round((Date.now() - started) / 1000)} s`);
});

afterAll(async () => {
	await disposeScaleStack(stack);
});

test('every due debtor gets exactly one decision a day and is planned for it; nobody else gets one', () => {
	expect(days.map((d) => d.day)).toEqual(DAYS);
	// Day one: nobody was ever planned, so everyone open is due; later days only some.
	expect(days[0].due).toHaveLength(COUNT);
	expect(days[1].due.length).toBeLessThan(COUNT);
	for (const { day, due } of days) {
		// One decision per debtor: a failed send's task row comes with its not-sent (or unconfirmed) row.
		const decided = rows(`SELECT debtor_id, count(*) FROM sc_contact_log l WHERE day = '${day}'
			AND NOT (decision = 'task' AND EXISTS (SELECT FROM sc_contact_log o WHERE o.day = l.day AND o.debtor_id = l.debtor_id AND o.decision IN ('not-sent', 'unconfirmed')))
			GROUP BY debtor_id ORDER BY debtor_id`);
		expect([day, decided.filter(([, n]) => n !== '1')]).toEqual([day, []]);
		expect([day, decided.map(([id]) => id)]).toEqual([day, due]);
		// Planned for the day from the version claimed, leases released.
		expect(rows(`SELECT count(*) FROM sc_debtors WHERE debtor_id IN (${due.map((id) => `'${id}'`).join(',')}) AND planned_on >= '${day}'`)).toEqual([[String(due.length)]]);
	}
	expect(rows('SELECT count(*) FROM sc_debtors WHERE lease_owner IS NOT NULL OR leased_until IS NOT NULL')).toEqual([['0']]);
	expect(again).toEqual({ due: '0', logRows: '0' });
});

test('no step is sent twice, every send was claimed and settled, and the record has the contact', () => {
	const sent = rows("SELECT debtor_id, stage, array_to_string(claim_ids, ','), idempotency_key FROM sc_contact_log WHERE decision = 'sent'");
	console.log(`sent: ${sent.length}; decisions: ${rows('SELECT decision, count(*) FROM sc_contact_log GROUP BY 1 ORDER BY 1').map(([d, n]) => `${d} ${n}`).join(', ')}`);
	expect(sent.length).toBeGreaterThan(0);
	const steps = sent.map(([debtor, stage, claims]) => `${debtor}/${stage}/${claims}`);
	expect(new Set(steps).size).toBe(steps.length);
	// The database refuses a second row with a key; every sent row has one, and it is a claimed send's channel key.
	expect(rows("SELECT count(*), count(DISTINCT idempotency_key) FROM sc_contact_log WHERE decision = 'sent'")).toEqual([[String(sent.length), String(sent.length)]]);
	expect(rows("SELECT status, count(*) FROM sc_sends GROUP BY status")).toEqual([['sent', String(sent.length)]]);
	expect(rows("SELECT count(*) FROM sc_contact_log l JOIN sc_sends s ON s.channel_key = l.idempotency_key AND s.debtor_id = l.debtor_id WHERE l.decision = 'sent'")).toEqual([[String(sent.length)]]);
	// Each send is in its debtor's record (one contact per claim of the step), appended in the database.
	const recorded = rows(`SELECT count(*) FROM sc_contact_log l JOIN sc_debtors d ON d.debtor_id = l.debtor_id
		WHERE l.decision = 'sent' AND EXISTS (SELECT FROM jsonb_array_elements(d.record -> 'contacts') c WHERE c ->> 'stage' = l.stage AND c ->> 'outcome' = 'sent' AND c ->> 'at' IS NOT NULL AND CAST(c ->> 'at' AS timestamptz) = l.moment)`);
	expect(recorded).toEqual([[String(sent.length)]]);
});

test('nobody is contacted outside the legal window, and a send goes out on its day', () => {
	const outside = rows(`SELECT debtor_id, moment FROM sc_contact_log WHERE decision = 'sent' AND channel <> 'letter' AND (
		CAST(moment AT TIME ZONE 'Europe/Amsterdam' AS date) <> day
		OR extract(hour FROM moment AT TIME ZONE 'Europe/Amsterdam') NOT BETWEEN 7 AND 19
		OR extract(dow FROM moment AT TIME ZONE 'Europe/Amsterdam') = 0)`);
	expect(outside).toEqual([]);
});

test('both workers ran batch executions; the JWT passphrase is in no saved execution data', () => {
	const s = stack!;
	const executions = psql(s.n8nDatabaseUrl, `SELECT id, mode, status FROM execution_entity WHERE "workflowId" = '${batch.id}' ORDER BY id;`)
		.trim()
		.split('\n')
		.map((line) => line.split('|'));
	expect(executions.length).toBeGreaterThanOrEqual(Math.ceil(COUNT / BATCH_SIZE));
	for (const [id, mode, status] of executions) expect([id, mode, status]).toEqual([id, 'webhook', 'success']);
	const ids = new Set(executions.map(([id]) => id));
	const perWorker = s.workers.map((_, i) => [...fs.readFileSync(s.logFile(`worker-${i + 1}`), 'utf8').matchAll(/Worker started execution (\d+) \(job \d+\)/g)].map((m) => m[1]).filter((id) => ids.has(id)));
	console.log(`batch executions: ${executions.length}; per worker: ${perWorker.map((list) => list.length).join(', ')}`);
	for (const list of perWorker) expect(list.length).toBeGreaterThan(0);
	expect(perWorker.flat().sort()).toEqual([...ids].sort());
	// The webhook's request headers are saved with each batch execution: they hold a signed token, never the passphrase.
	expect(psql(s.n8nDatabaseUrl, `SELECT count(*) FROM execution_data WHERE data LIKE '%${s.batchSecret}%';`).trim()).toBe('0');
	expect(Number(psql(s.n8nDatabaseUrl, "SELECT count(*) FROM execution_data WHERE data LIKE '%Bearer ey%';").trim())).toBeGreaterThan(0);
});
