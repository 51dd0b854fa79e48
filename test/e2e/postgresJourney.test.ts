/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console, @typescript-eslint/no-explicit-any -- tests run in plain Node, not inside n8n; run data is loose JSON */
/**
 * The Postgres edition of the daily journey (workflows/postgres/) on the queue-mode stack: PostgreSQL,
 * Redis, n8n main and two workers. 2,000 generated debtors in `sc_debtors`, seven simulated days (the
 * days of the Data Table end-to-end test, workflows.test.ts): each day the dispatcher (run as a person
 * clicks "Execute workflow", on main) calls the batch webhook once per batch, queue mode runs the
 * batches on the workers, and each batch claims, plans, sends (Sandbox) and settles its debtors in SQL.
 * One debtor sent to on the first day pays in full before the second.
 *
 * On the last day a worker is killed (SIGKILL) while it holds a batch (a live lease in `sc_debtors`
 * owned by an execution that worker started): the day still completes, because the dispatcher keeps
 * counting until the lease (two minutes that day, set in the dispatcher's Settings) has ended and
 * another batch has taken the debtors up.
 *
 * Asserted: every debtor due that day (computed before the run) gets exactly one decision and is
 * planned for the day, no one else gets one; a second run of the same day decides nothing; no step
 * is sent twice and no idempotency key is logged twice; nobody is contacted outside the legal window;
 * nobody gets a payment request after paying; every send was claimed in `sc_sends`, with one
 * contact-log row and one contact in the record; both workers ran batch executions (n8n's execution
 * records and the workers' logs); the JWT passphrase is in no execution's saved data.
 *
 * Then the Data Table edition (workflows/01-daily-collection-journey.json) runs over the same 2,000
 * debtors, days and payment in a single n8n, and both editions must decide the same per debtor per
 * day: the debtors the Postgres edition found due get the same decisions from the Data Table edition
 * (which looks at every open debtor every day), and the debtors it passed over get no action from
 * the Data Table edition either. About 25 minutes on a loaded 2-core machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from '../../scripts/n8nInstance';
import { psql } from '../../scripts/scale/postgres';
import type { ScaleStack } from '../../scripts/scale/stack';
import { BATCH_PATH } from '../../workflows/src/postgres';
import { generatePortfolio } from '../fixtures/portfolio';
import { N8nRest, ownerEnv, type Row } from './harness/rest';
import { disposeScaleStack, prepareScaleStack } from './harness/scaleStack';

jest.setTimeout(3_600_000);

const load = (file: string): WorkflowJson => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8'));
const COUNT = 2000;
const BATCH_SIZE = 100;
// Working days after the portfolio's export day (Tue 30 June 2026), plus a Saturday: as workflows.test.ts.
const DAYS = ['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-06', '2026-07-07', '2026-07-08'];
const PAYS_ON = '2026-07-02';
const CRASH_DAY = DAYS[DAYS.length - 1];
const CRASH_LEASE_MINUTES = 2;
const PORTFOLIO = { seed: 17, count: COUNT, referenceDate: '2026-06-30' };

/** Fixed values in a Set node (manual mode) of a workflow. */
function setValues(wf: any, nodeName: string, values: Record<string, string>): void {
	const node = wf.nodes.find((n: any) => n.name === nodeName);
	for (const assignment of node.parameters.assignments.assignments) if (assignment.name in values) assignment.value = values[assignment.name];
}

/** Replayed days are not today: the window is asserted from the planned moments (as in workflows.test.ts). */
function withoutLiveWindow(wf: any): void {
	const sender = wf.nodes.find((node: any) => node.name === 'Send due messages');
	sender.parameters.options = { ...sender.parameters.options, contactWindow: false };
}

/** The debtor pays every open claim in full on `day` (as an ERP update would record it). */
function paidInFull(record: any, day: string): any {
	return {
		...record,
		payments: [...(record.payments ?? []), ...record.claims.filter((c: any) => c.openCents > 0).map((c: any) => ({ claimId: c.claimId, amountCents: c.openCents, date: day, method: 'bank-transfer' }))],
		claims: record.claims.map((c: any) => ({ ...c, openCents: 0 })),
	};
}

/** A decision as both editions log it, comparable: decision, stage, channel, claims, moment (epoch seconds), reason. */
type Decision = { day: string; debtorId: string; text: string; decision: string; stage: string; idempotencyKey: string };
const decisionText = (decision: string, stage: string, channel: string, claims: string, moment: string, reason: string) =>
	[decision, stage, channel, claims, moment ? String(Math.floor(Date.parse(moment) / 1000)) : '', reason].join(' | ');

let stack: ScaleStack | undefined;
let rest: N8nRest;
const dispatcher = load('postgres/01-daily-collection-journey.json');
const batch = load('postgres/01-daily-collection-journey-batch.json');
const days: Array<{ day: string; due: string[]; seconds: number }> = [];
let again: { due: string; logRows: string } | undefined;
let payer = '';
let crash: { owner: string; worker: number; heldAtKill: string[]; status: string } | undefined;
let pgDecisions: Decision[] = [];

const rows = (query: string): string[][] =>
	psql(stack!.appDatabaseUrl, query)
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('|'));

/** The due-today rule, written out independently of the workflow's SQL. */
const dueOn = (day: string) =>
	rows(`SELECT debtor_id FROM sc_debtors WHERE status = 'open' AND (planned_on IS NULL OR planned_on <> '${day}')
		AND (next_step_date <= '${day}' OR planned_version IS NULL OR version > planned_version) ORDER BY 1`).map(([id]) => id);

/** Executions of the batch workflow that workers started, by worker (from the workers' logs). */
const startedBy = (s: ScaleStack): string[][] =>
	s.workers.map((_, i) => [...fs.readFileSync(s.logFile(`worker-${i + 1}`), 'utf8').matchAll(/Worker started execution (\d+) \(job \d+\)/g)].map((m) => m[1]));

/**
 * While the crash day runs: waits for a batch that holds a live lease and runs on a worker, and kills
 * that worker (SIGKILL) at once. Returns the lease owner, the worker and the debtors it held.
 */
async function killAWorkerHoldingABatch(s: ScaleStack, running: Promise<unknown>): Promise<NonNullable<typeof crash>> {
	let finished = false;
	void running.finally(() => (finished = true));
	while (!finished) {
		const owners = rows("SELECT DISTINCT lease_owner FROM sc_debtors WHERE lease_owner LIKE 'batch-%' AND leased_until > now()").map(([owner]) => owner);
		const perWorker = startedBy(s);
		for (const owner of owners) {
			const worker = perWorker.findIndex((list) => list.includes(owner.slice('batch-'.length)));
			if (worker < 0) continue;
			await s.workers[worker].kill();
			const heldAtKill = rows(`SELECT debtor_id FROM sc_debtors WHERE lease_owner = '${owner}' ORDER BY 1`).map(([id]) => id);
			return { owner, worker, heldAtKill, status: '' };
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('the crash day ended before a worker held a batch');
}

beforeAll(async () => {
	// Jest reports a failed beforeAll only when the file ends (after the Data Table edition's run): say it now.
	await runTheWeek().catch((error) => {
		console.error(`the Postgres week failed: ${error.stack ?? error}`);
		throw error;
	});
});

async function runTheWeek(): Promise<void> {
	const started = Date.now();
	stack = await prepareScaleStack({ workers: 2, concurrency: 3 });
	withoutLiveWindow(batch);
	await stack.main.importWorkflow(batch);
	await stack.main.publishWorkflow(batch.id as string);
	await stack.main.importWorkflow(dispatcher);
	await stack.startN8n();
	await stack.main.waitForWebhook(BATCH_PATH, 120_000);
	rest = await N8nRest.signIn(stack.main);
	console.log(`queue-mode stack ready in ${Math.round((Date.now() - started) / 1000)} s`);

	// The portfolio, straight into sc_debtors with psql's \copy (records as text; backslashes escaped for COPY).
	const debtors = [...generatePortfolio(PORTFOLIO)].map((d: any) => d.record);
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-pg-journey-')), 'debtors.csv');
	fs.writeFileSync(file, debtors.map((record) => `${record.debtorId}\t${JSON.stringify(record).replace(/\\/g, '\\\\')}`).join('\n') + '\n');
	fs.chmodSync(path.dirname(file), 0o755);
	fs.chmodSync(file, 0o644);
	psql(stack.appDatabaseUrl, `\\copy sc_debtors (debtor_id, record) FROM '${file}'`);
	expect(rows('SELECT count(*) FROM sc_debtors')).toEqual([[String(COUNT)]]);

	for (const day of DAYS) {
		if (day === PAYS_ON) {
			// The first debtor sent a payment request on day one pays in full: the record changes, so the debtor is due.
			payer = rows(`SELECT min(debtor_id) FROM sc_contact_log WHERE day = '${DAYS[0]}' AND decision = 'sent' AND stage <> 'payment-received'`)[0][0];
			const record = JSON.parse(rows(`SELECT record FROM sc_debtors WHERE debtor_id = '${payer}'`)[0][0]);
			psql(stack.appDatabaseUrl, `UPDATE sc_debtors SET record = '${JSON.stringify(paidInFull(record, day)).replace(/'/g, "''")}' WHERE debtor_id = '${payer}';`);
		}
		const due = dueOn(day);
		const lease = day === CRASH_DAY ? CRASH_LEASE_MINUTES : 15;
		await rest.updateWorkflow(dispatcher.id as string, (wf) =>
			setValues(wf, 'Settings', {
				referenceDate: day,
				now: `${day}T08:00:00+02:00`,
				batchWebhookUrl: `${stack!.main.baseUrl}/webhook/${BATCH_PATH}`,
				batchSize: String(BATCH_SIZE),
				leaseMinutes: String(lease),
			}),
		);
		const dayStarted = Date.now();
		const running = rest.runManually(dispatcher.id as string, 'Run now (manual)', 1_200_000);
		if (day === CRASH_DAY) crash = await killAWorkerHoldingABatch(stack, running);
		const run = await running;
		expect([day, run.raw.status]).toEqual([day, 'success']);
		days.push({ day, due, seconds: Math.round((Date.now() - dayStarted) / 1000) });
		console.log(`${day}: ${due.length} due, ${days[days.length - 1].seconds} s`);
	}
	if (crash) crash.status = psql(stack.n8nDatabaseUrl, `SELECT status FROM execution_entity WHERE id = ${crash.owner.slice('batch-'.length)};`).trim();
	console.log(`killed worker-${crash!.worker + 1} holding ${crash!.owner} (${crash!.heldAtKill.length} debtors; execution ${crash!.status})`);
	// The last day once more: nothing is due any more, nothing is decided again.
	const last = DAYS[DAYS.length - 1];
	const before = rows(`SELECT count(*) FROM sc_contact_log WHERE day = '${last}'`)[0][0];
	const rerun = await rest.runManually(dispatcher.id as string, 'Run now (manual)', 300_000);
	expect(rerun.raw.status).toBe('success');
	again = { due: String(dueOn(last).length), logRows: String(Number(rows(`SELECT count(*) FROM sc_contact_log WHERE day = '${last}'`)[0][0]) - Number(before)) };
	pgDecisions = rows(`SELECT day, debtor_id, decision, coalesce(stage, ''), coalesce(channel, ''), array_to_string(claim_ids, ','), coalesce(to_char(moment AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''), coalesce(reason, ''), coalesce(idempotency_key, '')
		FROM sc_contact_log ORDER BY id`).map(([day, debtorId, decision, stage, channel, claims, moment, reason, key]) => ({ day, debtorId, decision, stage, idempotencyKey: key, text: decisionText(decision, stage, channel, claims, moment, reason) }));
	console.log(`postgres journey: ${days.map((d) => `${d.day}: ${d.due.length} due, ${d.seconds} s`).join('; ')}; total ${Math.round((Date.now() - started) / 1000)} s`);
}

afterAll(async () => {
	await disposeScaleStack(stack);
});

test('every due debtor gets exactly one decision a day and is planned for it; nobody else gets one', () => {
	expect(days.map((d) => d.day)).toEqual(DAYS);
	// Day one: nobody was ever planned, so everyone open is due; later days only some.
	expect(days[0].due).toHaveLength(COUNT);
	expect(days[1].due.length).toBeLessThan(COUNT);
	for (const { day, due } of days) {
		// One decision per debtor: a failed or unknown send's task row comes with its not-sent (or unconfirmed) row.
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

test('crash: a worker killed while it held a batch; the day completed, its debtors decided once, no key logged twice', () => {
	expect(crash).toBeDefined();
	const { owner, heldAtKill, status } = crash!;
	// It held debtors when it died, and its execution did not end well.
	expect(heldAtKill.length).toBeGreaterThan(0);
	expect(['crashed', 'error']).toContain(status);
	// Each of them has one decision on the crash day (the first test checks every due debtor), made
	// by another batch after the lease ended, or by the dead batch before it died.
	const decided = rows(`SELECT DISTINCT debtor_id FROM sc_contact_log WHERE day = '${CRASH_DAY}' AND debtor_id IN (${heldAtKill.map((id) => `'${id}'`).join(',')}) ORDER BY 1`).map(([id]) => id);
	expect(decided).toEqual(heldAtKill);
	expect(rows(`SELECT count(*) FROM sc_debtors WHERE lease_owner = '${owner}'`)).toEqual([['0']]);
	// The database refuses a second row with a key; no key is in the log twice over the whole week.
	expect(rows('SELECT idempotency_key, count(*) FROM sc_contact_log WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1')).toEqual([]);
	// A send the dead batch had claimed but not settled is not sent again: it is logged unconfirmed with a task for a person.
	const unsettled = rows(`SELECT idempotency_key FROM sc_sends WHERE status = 'sending'`);
	expect(unsettled).toEqual([]);
});

test('no step is sent twice, every send was claimed and settled, and the record has the contact', () => {
	const sent = rows("SELECT debtor_id, stage, array_to_string(claim_ids, ','), idempotency_key FROM sc_contact_log WHERE decision = 'sent'");
	console.log(`sent: ${sent.length}; decisions: ${rows('SELECT decision, count(*) FROM sc_contact_log GROUP BY 1 ORDER BY 1').map(([d, n]) => `${d} ${n}`).join(', ')}`);
	expect(sent.length).toBeGreaterThan(0);
	const steps = sent.map(([debtor, stage, claims]) => `${debtor}/${stage}/${claims}`);
	expect(new Set(steps).size).toBe(steps.length);
	expect(rows("SELECT count(*), count(DISTINCT idempotency_key) FROM sc_contact_log WHERE decision = 'sent'")).toEqual([[String(sent.length), String(sent.length)]]);
	const unconfirmed = Number(rows("SELECT count(*) FROM sc_contact_log WHERE decision = 'unconfirmed'")[0][0]);
	expect(rows('SELECT status, count(*) FROM sc_sends GROUP BY status ORDER BY status')).toEqual([['sent', String(sent.length)], ...(unconfirmed ? [['unconfirmed', String(unconfirmed)]] : [])]);
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

test('nobody gets a payment request after paying', () => {
	expect(payer).toMatch(/\S/);
	const after = rows(`SELECT day, stage FROM sc_contact_log WHERE debtor_id = '${payer}' AND decision = 'sent' AND day >= '${PAYS_ON}' ORDER BY day`);
	// The thank-you goes out once; nothing is asked of the debtor after paying.
	expect(after.map(([, stage]) => stage)).toEqual(['payment-received']);
	expect(rows(`SELECT count(*) FROM sc_contact_log WHERE debtor_id = '${payer}' AND decision IN ('task', 'not-sent', 'unconfirmed') AND day >= '${PAYS_ON}'`)).toEqual([['0']]);
});

test('both workers ran batch executions; the JWT passphrase is in no saved execution data', () => {
	const s = stack!;
	const executions = psql(s.n8nDatabaseUrl, `SELECT id, mode, status FROM execution_entity WHERE "workflowId" = '${batch.id}' ORDER BY id;`)
		.trim()
		.split('\n')
		.map((line) => line.split('|'));
	expect(executions.length).toBeGreaterThanOrEqual(Math.ceil(COUNT / BATCH_SIZE));
	const ids = new Set(executions.map(([id]) => id));
	const perWorker = startedBy(s).map((list) => list.filter((id) => ids.has(id)));
	// Every batch succeeded but those the killed worker was running (up to its concurrency, 3): the one
	// that held the lease among them.
	const failed = executions.filter(([, mode, status]) => mode !== 'webhook' || status !== 'success');
	expect(failed.map(([id]) => id)).toContain(crash!.owner.slice('batch-'.length));
	expect(failed.length).toBeLessThanOrEqual(3);
	// A failed batch ran on the killed worker: the surviving worker never started it. It may be in no
	// log at all, because SIGKILL takes the killed worker's last unwritten log lines with it.
	const survivors = perWorker.filter((_, i) => i !== crash!.worker).flat();
	for (const [id, mode, status] of failed) expect([id, mode, status, survivors.includes(id)]).toEqual([id, 'webhook', 'error', false]);
	console.log(`batch executions: ${executions.length}; per worker: ${perWorker.map((list) => list.length).join(', ')}`);
	for (const list of perWorker) expect(list.length).toBeGreaterThan(0);
	const failedIds = new Set(failed.map(([id]) => id));
	const logged = new Set(perWorker.flat());
	expect([...ids].filter((id) => !logged.has(id) && !failedIds.has(id))).toEqual([]);
	// The webhook's request headers are saved with each batch execution: they hold a signed token, never the passphrase.
	expect(psql(s.n8nDatabaseUrl, `SELECT count(*) FROM execution_data WHERE data LIKE '%${s.batchSecret}%';`).trim()).toBe('0');
	expect(Number(psql(s.n8nDatabaseUrl, "SELECT count(*) FROM execution_data WHERE data LIKE '%Bearer ey%';").trim())).toBeGreaterThan(0);
});

describe('the Data Table edition decides the same for the same debtors and days', () => {
	let n8n: N8nInstance | undefined;
	let dtDecisions: Decision[] = [];

	beforeAll(async () => {
		if (pgDecisions.length === 0) throw new Error('nothing to compare with: the Postgres week did not run');
		// The stack has given what the tests above need: stop it, so the single n8n has the machine.
		await disposeScaleStack(stack);
		stack = undefined;
		const started = Date.now();
		const setup = load('00-setup-data-tables.json');
		const journey = load('01-daily-collection-journey.json');
		n8n = await N8nInstance.create({ env: ownerEnv() });
		await n8n.importWorkflows([setup, journey]);
		await n8n.start(300_000);
		const dt = await N8nRest.signIn(n8n);
		expect((await dt.runManually(setup.id as string, 'Run once')).raw.status).toBe('success');
		const debtors = [...generatePortfolio(PORTFOLIO)].map((d: any) => d.record);
		await dt.insertRows('sc_debtors', debtors.map((record) => ({ debtorId: record.debtorId, status: 'open', record: JSON.stringify(record) })));
		for (const day of DAYS) {
			if (day === PAYS_ON) {
				const row = (await dt.rows('sc_debtors')).find((r) => r.debtorId === payer)!;
				await dt.updateRows('sc_debtors', 'id', row.id, { record: JSON.stringify(paidInFull(JSON.parse(row.record as string), day)) });
			}
			await dt.updateWorkflow(journey.id as string, (wf) => {
				setValues(wf, 'Settings', { referenceDate: day, now: `${day}T08:00:00+02:00` });
				withoutLiveWindow(wf);
			});
			const dayStarted = Date.now();
			// The run's data (2,000 debtors through every node) is not read back: its status is enough, the log is in the table.
			const { executionId } = await dt.call<{ executionId: string }>('post', `/workflows/${journey.id}/run`, { triggerToStartFrom: { name: 'Run now (manual)' } });
			let status = '';
			for (const deadline = Date.now() + 1_200_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 1000))) {
				status = (await dt.executions(journey.id as string)).find((e) => String(e.id) === String(executionId))?.status ?? '';
				if (['success', 'error', 'crashed', 'canceled'].includes(status)) break;
			}
			expect([day, status]).toEqual([day, 'success']);
			console.log(`Data Table edition ${day}: ${Math.round((Date.now() - dayStarted) / 1000)} s`);
		}
		dtDecisions = (await dt.rows('sc_contact_log')).map((row: Row) => ({
			day: String(row.day),
			debtorId: String(row.debtorId),
			decision: String(row.decision),
			stage: String(row.stage ?? ''),
			idempotencyKey: String(row.idempotencyKey ?? ''),
			text: decisionText(String(row.decision), String(row.stage ?? ''), String(row.channel ?? ''), String(row.claimIds ?? ''), String(row.moment ?? ''), String(row.reason ?? '')),
		}));
		console.log(`Data Table edition over ${COUNT} debtors x ${DAYS.length} days in ${Math.round((Date.now() - started) / 1000)} s`);
	});

	afterAll(async () => {
		await n8n?.dispose();
	});

	/** Decisions per day and debtor, each the sorted texts of its rows. */
	const byDebtorDay = (list: Decision[]) => {
		const map = new Map<string, string[]>();
		for (const d of list) map.set(`${d.day} ${d.debtorId}`, [...(map.get(`${d.day} ${d.debtorId}`) ?? []), d.text].sort());
		return map;
	};

	// The Postgres edition looks at a debtor only on its next review date (the planner's, bounded by
	// the segmenter's): the first day anything can change for an unchanged record. These two tests hold
	// it to the Data Table edition, which looks at every open debtor every day.
	test('a debtor the Postgres edition found due gets the same decisions from both editions', () => {
		// The crash leaves a mark of its own: a send the dead batch claimed and never settled is
		// `unconfirmed` (held for a person) where the Data Table edition, never crashed, sent it.
		const crashMarked = new Set(pgDecisions.filter((d) => d.day === CRASH_DAY && d.decision === 'unconfirmed').map((d) => d.debtorId));
		const pg = byDebtorDay(pgDecisions.filter((d) => !(d.day === CRASH_DAY && crashMarked.has(d.debtorId))));
		const dt = byDebtorDay(dtDecisions);
		const differ = [...pg].filter(([key, texts]) => JSON.stringify(dt.get(key)) !== JSON.stringify(texts)).map(([key, texts]) => ({ key, postgres: texts, dataTable: dt.get(key) }));
		console.log(`compared ${pg.size} debtor-days; ${crashMarked.size} left out (unconfirmed by the crash); ${differ.length} differ${differ.length ? `, e.g. ${JSON.stringify(differ.slice(0, 3))}` : ''}`);
		expect(differ.slice(0, 10)).toEqual([]);
		expect(crashMarked.size).toBeLessThanOrEqual(crash!.heldAtKill.length);
		// The same sends, under the same idempotency keys.
		const keys = (list: Decision[]) => list.filter((d) => d.decision === 'sent').map((d) => `${d.day} ${d.debtorId} ${d.idempotencyKey}`).sort();
		expect(keys(pgDecisions)).toEqual(keys(dtDecisions.filter((d) => !(d.day === CRASH_DAY && crashMarked.has(d.debtorId)))));
	});

	test('a debtor the Postgres edition passed over gets no action from the Data Table edition that day', () => {
		const pgDecided = new Set(pgDecisions.map((d) => `${d.day} ${d.debtorId}`));
		const acted = dtDecisions.filter((d) => !pgDecided.has(`${d.day} ${d.debtorId}`) && !['waiting', 'no-step'].includes(d.decision));
		expect(acted.slice(0, 10).map((d) => `${d.day} ${d.debtorId}: ${d.text}`)).toEqual([]);
		// The Data Table edition looks at every open debtor every day: on day one all of them, as the Postgres edition.
		expect(new Set(dtDecisions.filter((d) => d.day === DAYS[0]).map((d) => d.debtorId)).size).toBe(COUNT);
	});
});
