/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
/**
 * The machinery of `npm run bench:scale` (test/bench/scaleDailyRun.ts) on the real queue-mode
 * stack, with the tiny daily run of test/bench/scaleTinyDay.ts standing in for the Postgres
 * edition's (a dispatcher calling a batch webhook once per batch of 50; each batch claims, plans
 * and stores its debtors' next step dates). 2,000 generated debtors, a quarter due. Checks that every
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
import type { ScaleStack } from '../../scripts/scale/stack';
import { measureDailyRuns, noOpWorkflow, seededReset, workflowsFrom, type RunFigures } from '../bench/scaleDailyRun';
import { queryRows, seedPostgres, type SeedResult } from '../bench/scaleSeed';
import { calibrateArrearsShare, plannedNextStep } from '../bench/scaleSeedRows';
import { batch, BATCH, dispatcher, PATH } from '../bench/scaleTinyDay';
import { debtorIdFor, generateDebtor } from '../fixtures/portfolio';
import { disposeScaleStack, prepareScaleStack } from './harness/scaleStack';

jest.setTimeout(3_600_000);

const COUNT = 2000;
const SEED = 5;
const DAY = '2026-07-01';
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

test('memory is sampled for main and every running worker; CPU time also for PostgreSQL', () => {
	for (const run of runs) {
		const names = ['main', ...Object.keys(run.workerExecutions)];
		expect(Object.keys(run.memory).sort()).toEqual(names.sort());
		for (const peak of Object.values(run.memory)) expect(peak.peakRssMb).toBeGreaterThan(100);
		expect(Object.keys(run.cpuSeconds).sort()).toEqual([...names, 'postgres'].sort());
		expect(run.cpuSeconds.main).toBeGreaterThan(0);
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
