/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The machinery of `npm run bench:scale` (test/bench/scaleDailyRun.ts) on the real queue-mode
 * stack, with a tiny daily run of its own standing in for the Postgres edition's: a dispatcher
 * (Manual Trigger) counts the due debtors and calls a batch webhook once per batch of 50, at once;
 * each batch execution claims its debtors (UPDATE ... FOR UPDATE SKIP LOCKED, a lease), plans them
 * with the Journey Planner and stores the next step date (at the earliest tomorrow) and the
 * planned version in one statement. 2,000 generated debtors, a quarter due. Checks that every
 * variant runs the whole day (nobody left due), that with 1 worker only worker-1 and with 2 workers
 * both ran batches, that the baseline ran without the package's nodes, that the full re-plan took
 * every open debtor, and that memory was sampled for every process. About 12 minutes on the shared
 * 2-core machine at a load average of 15 to 20, most of it n8n starting (main twice, a worker again).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { dayNumber, isoDate } from '../../nodes/shared/calendar';
import { freePort, type WorkflowJson } from '../../scripts/n8nInstance';
import { POSTGRES_CREDENTIAL, type ScaleStack } from '../../scripts/scale/stack';
import { measureDailyRuns, noOpWorkflow, seededReset, workflowsFrom, type RunFigures } from '../bench/scaleDailyRun';
import { queryRows, seedPostgres, type SeedResult } from '../bench/scaleSeed';
import { calibrateArrearsShare, plannedNextStep } from '../bench/scaleSeedRows';
import { debtorIdFor, generateDebtor } from '../fixtures/portfolio';
import { disposeScaleStack, prepareScaleStack } from './harness/scaleStack';
import { ourNode, workflow } from './harness/workflow';

jest.setTimeout(3_600_000);

const COUNT = 2000;
const SEED = 5;
const DAY = '2026-07-01';
const BATCH = 50;
const PATH = 'sc-bench-batch';
const postgres = (name: string, query: string, replacement: string) => ({
	name,
	type: 'n8n-nodes-base.postgres',
	typeVersion: 2.6,
	credentials: { postgres: POSTGRES_CREDENTIAL },
	parameters: { operation: 'executeQuery', query, options: { queryReplacement: replacement } },
});

const dispatcher = workflow(
	'Bench: dispatch the due debtors',
	[
		{ name: 'Run now (manual)', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1 },
		{
			name: 'Settings',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: {
				assignments: {
					assignments: [
						{ id: 'a1', name: 'referenceDate', type: 'string', value: '2026-01-01' },
						{ id: 'a2', name: 'batchSize', type: 'number', value: BATCH },
						{ id: 'a3', name: 'batchUrl', type: 'string', value: 'http://set-by-the-bench' },
					],
				},
				options: {},
			},
		},
		postgres(
			'One item per batch',
			"SELECT b AS batch, $1::text AS day, $2::int AS size FROM generate_series(1, (SELECT ceil(count(*)::numeric / $2)::int FROM sc_debtors WHERE status = 'open' AND next_step_date <= $1::date)) AS b",
			'={{ [$json.referenceDate, $json.batchSize] }}',
		),
		{
			name: 'Run the batches',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			// All requests at once: queue mode hands each batch execution to a free worker.
			parameters: {
				method: 'POST',
				url: "={{ $('Settings').first().json.batchUrl }}",
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ day: $json.day, size: $json.size }) }}',
				options: { timeout: 600000 },
			},
		},
	],
	[
		['Run now (manual)', 'Settings'],
		['Settings', 'One item per batch'],
		['One item per batch', 'Run the batches'],
	],
	'scBenchDispatch1',
);

const batch = workflow(
	'Bench: plan one batch',
	[
		{
			name: 'Batch arrives',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '0f3b4a52-8d7e-4c1a-9b6e-2d5f7a8c9e10',
			parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} },
		},
		postgres(
			'Claim the batch',
			"UPDATE sc_debtors SET lease_owner = $1, leased_until = now() + interval '15 minutes' WHERE debtor_id IN (SELECT debtor_id FROM sc_debtors WHERE status = 'open' AND next_step_date <= $2::date AND (leased_until IS NULL OR leased_until < now()) ORDER BY next_step_date, debtor_id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING record",
			'={{ [$execution.id, $json.body.day, $json.body.size] }}',
		),
		{ name: 'Debtor record', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: '={{ JSON.stringify($json.record) }}', options: {} } },
		ourNode('Plan', 'journeyPlanner', { routing: 'single', referenceDate: "={{ $('Batch arrives').first().json.body.day }}", language: 'en', ladders: '{}', debtHelpPauseDays: 30, options: {} }),
		{
			name: 'Plan row',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: '={{ JSON.stringify({ id: $json.debtorId, next: $json.journey ? ($json.journey.earliestDate ?? $json.journey.resumeDate ?? null) : null }) }}', options: {} },
		},
		{ name: 'All rows', type: 'n8n-nodes-base.aggregate', typeVersion: 1, parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: 'rows', options: {} } },
		postgres(
			'Save the plans',
			'WITH saved AS (UPDATE sc_debtors d SET next_step_date = CASE WHEN x.next IS NULL THEN NULL ELSE greatest(x.next::date, $2::date + 1) END, planned_version = d.version, lease_owner = NULL, leased_until = NULL FROM jsonb_to_recordset($1::jsonb) AS x(id text, next text) WHERE d.debtor_id = x.id RETURNING 1) SELECT count(*) AS saved FROM saved',
			"={{ [JSON.stringify($json.rows), $('Batch arrives').first().json.body.day] }}",
		),
	],
	[
		['Batch arrives', 'Claim the batch'],
		['Claim the batch', 'Debtor record'],
		['Debtor record', 'Plan'],
		['Plan', 'Plan row'],
		['Plan row', 'All rows'],
		['All rows', 'Save the plans'],
	],
	'scBenchBatch0001',
);

let stack: ScaleStack | undefined;
let seeded: SeedResult;
let runs: RunFigures[];
let arrearsShare: number;

beforeAll(async () => {
	const started = Date.now();
	const mainPort = await freePort();
	stack = await prepareScaleStack({ workers: 2, concurrency: 5, mainPort });
	arrearsShare = calibrateArrearsShare(0.25, { seed: SEED, day: DAY, sample: 1000 }).arrearsShare;
	seeded = await seedPostgres(stack.appDatabaseUrl, { count: COUNT, seed: SEED, day: DAY, arrearsShare });
	// As the bench reads them: files in a folder.
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bench-workflows-'));
	fs.writeFileSync(path.join(folder, 'dispatch.json'), JSON.stringify(dispatcher));
	fs.writeFileSync(path.join(folder, 'batch.json'), JSON.stringify(batch));
	runs = await measureDailyRuns(stack, {
		workflows: workflowsFrom(folder),
		day: DAY,
		mainPort,
		concurrency: 5,
		settings: { batchUrl: `{baseUrl}/webhook/${PATH}` },
		reset: seededReset(stack, { seed: SEED, day: DAY, arrearsShare }, seeded.dueIndexes),
		progress: (message) => console.log(message),
	});
	fs.rmSync(folder, { recursive: true, force: true });
	console.log(`bench machinery: ${Math.round((Date.now() - started) / 1000)} s`);
});

afterAll(async () => {
	await disposeScaleStack(stack);
});

const batches = (due: number) => Math.ceil(due / BATCH);

test('the baseline, the day with 1 and with 2 workers and the full re-plan each run the whole day', () => {
	expect(runs.map((run) => [run.variant, run.workers])).toEqual([
		['no-op baseline', 2],
		['journey', 1],
		['journey', 2],
		['full re-plan', 2],
	]);
	expect(seeded.due).toBeGreaterThan(300);
	for (const run of runs.slice(0, 3)) expect(run.dueBefore).toBe(seeded.due);
	const open = Number(queryRows(stack!.appDatabaseUrl, "SELECT count(*) FROM sc_debtors WHERE status = 'open'")[0][0]);
	expect(runs[3].dueBefore).toBe(open);
	for (const run of runs) {
		expect({ variant: run.variant, dueAfter: run.dueAfter }).toEqual({ variant: run.variant, dueAfter: 0 });
		// The dispatcher and one execution per batch, each batch on a worker.
		expect(run.executions).toBe(1 + batches(run.dueBefore));
		expect(Object.values(run.workerExecutions).reduce((a, b) => a + b, 0)).toBe(batches(run.dueBefore));
		expect(run.seconds).toBeGreaterThan(0);
	}
});

test('with 1 worker only worker-1 runs batches; with 2 both do', () => {
	expect(Object.keys(runs[1].workerExecutions)).toEqual(['worker-1']);
	expect(Object.keys(runs[2].workerExecutions)).toEqual(['worker-1', 'worker-2']);
	expect(runs[2].workerExecutions['worker-1']).toBeGreaterThan(0);
	expect(runs[2].workerExecutions['worker-2']).toBeGreaterThan(0);
});

test('memory is sampled for main and every running worker', () => {
	for (const run of runs) {
		const names = ['main', ...Object.keys(run.workerExecutions)];
		expect(Object.keys(run.memory).sort()).toEqual(names.sort());
		for (const peak of Object.values(run.memory)) expect(peak.peakRssMb).toBeGreaterThan(100);
	}
});

test('the full re-plan stored the planner\'s next step date for every open debtor', () => {
	const rows = queryRows(stack!.appDatabaseUrl, `SELECT debtor_id, coalesce(next_step_date::text, '-'), planned_version = version FROM sc_debtors WHERE status = 'open' ORDER BY debtor_id LIMIT 40`);
	const tomorrow = isoDate(dayNumber(DAY) + 1);
	for (const [id, next, planned] of rows) {
		const index = Number(id.slice(id.indexOf('-D') + 2));
		expect(id).toBe(debtorIdFor(SEED, index));
		const expected = plannedNextStep(generateDebtor(SEED, index, { arrearsShare }).record, dayNumber(DAY));
		expect([id, next, planned]).toEqual([id, expected === null ? '-' : expected > tomorrow ? expected : tomorrow, 't']);
	}
});

test('the baseline variant has no node of the package and keeps every connection', () => {
	const replaced = noOpWorkflow(batch as WorkflowJson);
	expect(replaced.nodes.map((node) => node.type)).not.toContain('n8n-nodes-social-collections.journeyPlanner');
	expect(replaced.nodes.find((node) => node.name === 'Plan')?.type).toBe('n8n-nodes-base.noOp');
	expect(replaced.connections).toEqual(batch.connections);
});
