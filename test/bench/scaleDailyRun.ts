/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- benchmarks run in plain Node, not inside n8n; workflow JSON is loose */
/**
 * The daily run of a Postgres edition on the scale stack, measured: any set of workflow JSON files
 * (e.g. workflows/postgres/) is imported into a prepared stack, its entry workflow is started with
 * "Execute workflow" on main, and the run counts as done when that execution has ended and no
 * execution it caused still runs (batches handed to the workers through the queue). Measured:
 *
 *   - wall time with 1 worker and with 2 workers (the same seeded day, the store reset in between);
 *   - peak RSS of main and of each worker (each with its task runner), sampled from /proc;
 *   - the No Operation baseline: the same workflows with every node of this package replaced by
 *     n8n-nodes-base.noOp (same names, so every connection stays), 2 workers;
 *   - a full re-plan: every open debtor made due (the switch, as SQL), then the same run.
 *
 * The workflows are prepared the way workflowDailyJourney.ts prepares workflow 1: assignments
 * `referenceDate` and `now` of Set nodes named "Settings" get the benchmark day (08:00 Amsterdam),
 * others can be given (`{baseUrl}` stands for n8n main's URL), and the Channel Sender's contact
 * window is off (a simulated day). Workflows with a Webhook node are published before main starts,
 * so their production webhooks are registered and their executions go to the workers.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { WorkflowJson } from '../../scripts/n8nInstance';
import { PACKAGE_NAME, REPO_ROOT } from '../../scripts/runtime';
import { psql } from '../../scripts/scale/postgres';
import type { ScaleStack } from '../../scripts/scale/stack';
import { BATCH_PATH, DEFAULT_BATCH_SIZE, DEFAULT_LEASE_MINUTES, FULL_REPLAN_SQL, SQL } from '../../workflows/src/postgres';
import { N8nRest } from '../e2e/harness/rest';
import { ProcessSampler, type ProcessPeak } from './scaleProcesses';
import { changedIndexes, hasPlannedOn, queryRows, reseedDebtors } from './scaleSeed';
import type { SeedRowOptions } from './scaleSeedRows';

type Node = WorkflowJson['nodes'][number] & { parameters?: Record<string, any>; name: string; type: string };

export interface DailyRunOptions {
	/** The workflows of the edition (every file of a folder: `workflowsFrom`). */
	workflows: WorkflowJson[];
	/** Id or name of the workflow to start; default: the only one with a Manual Trigger. */
	entry?: string;
	/** The benchmark day (YYYY-MM-DD). */
	day: string;
	/** The port n8n main listens on (given to ScaleStack.prepare as mainPort): `{baseUrl}` in settings. */
	mainPort: number;
	/** Jobs per worker (as the stack was prepared with), for starting the second worker again. */
	concurrency: number;
	/** More assignments of the "Settings" nodes, by name; `{baseUrl}` is replaced by main's URL. */
	settings?: Record<string, string>;
	/** Puts the store back as seeded, between runs. */
	reset: () => Promise<void>;
	/** SQL (on the package's database) that makes every open debtor due: the full re-plan switch. */
	fullReplanSql?: string;
	/** Run the No Operation baseline (default true) and the full re-plan (default true). */
	noOp?: boolean;
	fullReplan?: boolean;
	/** The longest one run may take (default 2 hours). */
	timeoutMs?: number;
	progress?: (message: string) => void;
}

export interface RunFigures {
	variant: 'journey' | 'no-op baseline' | 'full re-plan';
	workers: number;
	seconds: number;
	/** Debtors due (next_step_date on or before the day, or changed since planned) before and after the run. */
	dueBefore: number;
	dueAfter: number;
	/** Executions each worker started during the run (from its log), and executions n8n recorded. */
	workerExecutions: Record<string, number>;
	executions: number;
	/** Peak memory per n8n process (main, worker-1, ...). */
	memory: Record<string, ProcessPeak>;
	/** CPU seconds used during the run by each n8n process (with its task runner) and by PostgreSQL (server and backends, both databases). */
	cpuSeconds: Record<string, number>;
	/** The 1-minute load average when the run started and when it ended. */
	loadBefore: number;
	loadAfter: number;
}

/**
 * The shipped Postgres edition of the daily journey (dispatcher and batch workflow), which
 * `npm run bench:scale` measures unless --workflows names another folder: the dispatcher (the one
 * workflow with a Manual Trigger) is the entry, its `batchWebhookUrl` is the batch webhook on the
 * bench's main, and the full re-plan is the documented switch.
 */
export const POSTGRES_EDITION = {
	dir: path.join(REPO_ROOT, 'workflows', 'postgres'),
	// Only the daily journey's files: the folder also holds the edition's other workflows (forms, intake).
	files: /^01-daily-collection-journey/,
	settings: { batchWebhookUrl: `{baseUrl}/webhook/${BATCH_PATH}` } as Record<string, string>,
	fullReplanSql: FULL_REPLAN_SQL,
};

/**
 * The plan PostgreSQL chooses for the edition's batch claim on `day` (EXPLAIN ANALYZE with buffers,
 * in a transaction rolled back: nothing stays claimed), with the values the batch passes as literals,
 * as n8n's Postgres node (pg-promise) sends them.
 */
export function claimPlan(url: string, day: string, batchSize = DEFAULT_BATCH_SIZE): string {
	const values = [`'${day}'`, "'bench-explain'", String(batchSize), String(DEFAULT_LEASE_MINUTES)];
	const query = SQL.claimBatch.replace(/\$([1-4])\b/g, (_, n: string) => values[Number(n) - 1]);
	return psql(url, `BEGIN;\nEXPLAIN (ANALYZE, BUFFERS) ${query};\nROLLBACK;`).trim();
}

/** Every *.json workflow of a folder (whose file name matches `only`). */
export function workflowsFrom(dir: string, only: RegExp = /./): WorkflowJson[] {
	const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json') && only.test(file)).sort();
	if (files.length === 0) throw new Error(`${dir} holds no workflow (*.json)`);
	return files.map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowJson);
}

/** The DEFAULT full re-plan switch: every open debtor due on the day. */
export function defaultFullReplanSql(day: string): string {
	return `UPDATE sc_debtors SET next_step_date = '${day}' WHERE status = 'open';`;
}

const nodesOf = (wf: WorkflowJson) => wf.nodes as Node[];

/** A copy for the day: Settings assignments, the contact window off. */
export function preparedWorkflow(wf: WorkflowJson, day: string, settings: Record<string, string>, baseUrl: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowJson;
	const values: Record<string, string> = { referenceDate: day, now: `${day}T08:00:00+02:00` };
	for (const [name, value] of Object.entries(settings)) values[name] = value.replaceAll('{baseUrl}', baseUrl);
	for (const node of nodesOf(copy)) {
		if (node.name === 'Settings' && node.type === 'n8n-nodes-base.set') {
			for (const assignment of node.parameters?.assignments?.assignments ?? []) if (assignment.name in values) assignment.value = values[assignment.name];
		}
		if (node.type === `${PACKAGE_NAME}.channelSender`) node.parameters = { ...node.parameters, options: { ...node.parameters?.options, contactWindow: false } };
	}
	return copy;
}

/**
 * The same workflow with every node of this package replaced by a No Operation node of the same name;
 * n8n's own nodes (Postgres, If, Set, HTTP Request, JWT) stay. In the Postgres edition this baseline
 * still ends its day: a claimed record passes the No Operation nodes unchanged, the If nodes find no
 * `journey` or `schedule` on it and send it down their false output to *Log: waiting for its moment*,
 * and *Write contact log* settles it as the journey does (a `waiting` row, planned on the day, next
 * step the next day, lease released). So the baseline does the same claims and writes per debtor,
 * without the package's work.
 */
export function noOpWorkflow(wf: WorkflowJson): WorkflowJson {
	return {
		...wf,
		nodes: nodesOf(wf).map((node) => (node.type.startsWith(`${PACKAGE_NAME}.`) ? { ...node, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} } : node)),
	};
}

/**
 * The No Operation baseline as workflows of their own, installed next to the real ones: each
 * workflow's noOpWorkflow under another id (`...NoOp`) and name, each webhook under another path
 * (`<path>-noop`, a new webhook id), and every setting that named a webhook's URL pointing at the new
 * path. Why not the same workflows imported again after the baseline: n8n 2.41.1 in queue mode went
 * on running the first imported version of a published webhook workflow after a re-import, publish
 * and restart of main (the execution records named the No Operation version), so the journey would
 * have been measured without the package's nodes.
 */
export function baselineWorkflows(workflows: WorkflowJson[]): WorkflowJson[] {
	const paths = new Map<string, string>();
	for (const wf of workflows) for (const node of nodesOf(wf)) if (node.type === 'n8n-nodes-base.webhook' && node.parameters?.path) paths.set(node.parameters.path, `${node.parameters.path}-noop`);
	const repath = (value: unknown) => (typeof value === 'string' ? [...paths].reduce((text, [from, to]) => text.replaceAll(`/webhook/${from}`, `/webhook/${to}`), value) : value);
	return workflows.map((wf) => {
		const copy = JSON.parse(JSON.stringify(noOpWorkflow(wf))) as WorkflowJson;
		if (!wf.id) throw new Error(`workflow "${wf.name}" has no id`);
		copy.id = baselineId(wf.id);
		copy.name = `${wf.name} (No Operation baseline)`;
		for (const node of nodesOf(copy)) {
			if (node.type === 'n8n-nodes-base.webhook' && node.parameters?.path) {
				node.parameters.path = paths.get(node.parameters.path);
				(node as { webhookId?: string }).webhookId = randomUUID();
			}
			if (node.name === 'Settings' && node.type === 'n8n-nodes-base.set') for (const assignment of node.parameters?.assignments?.assignments ?? []) assignment.value = repath(assignment.value);
		}
		return copy;
	});
}

/** The baseline's id of a workflow id: as long (n8n's own ids are 16 characters), ending in NoOp. */
export const baselineId = (id: string) => `${id.slice(0, Math.max(0, id.length - 4))}NoOp`;

/** Names of the nodes the baseline replaces. */
export function replacedNodes(workflows: WorkflowJson[]): string[] {
	return workflows.flatMap((wf) => nodesOf(wf).filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`)).map((node) => `${wf.name}: ${node.name}`));
}

const hasWebhook = (wf: WorkflowJson) => nodesOf(wf).some((node) => node.type === 'n8n-nodes-base.webhook');
const manualTriggerOf = (wf: WorkflowJson) => nodesOf(wf).find((node) => node.type === 'n8n-nodes-base.manualTrigger');

/** The daily journey's dispatcher: the entry when the folder holds it (the edition's folder also holds 00, 03 and 07, each with a Manual Trigger). */
const DAILY_DISPATCHER_ID = 'scPgDailyDispatch1';

export function entryOf(workflows: WorkflowJson[], entry: string | undefined): { wf: WorkflowJson; trigger: string } {
	const dispatcher = workflows.filter((wf) => wf.id === DAILY_DISPATCHER_ID);
	const candidates = entry ? workflows.filter((wf) => wf.id === entry || wf.name === entry) : dispatcher.length === 1 ? dispatcher : workflows.filter((wf) => manualTriggerOf(wf));
	if (candidates.length !== 1) throw new Error(entry ? `no single workflow with id or name "${entry}"` : 'name the entry workflow (--entry): not exactly one workflow has a Manual Trigger');
	const trigger = manualTriggerOf(candidates[0]);
	if (!trigger) throw new Error(`workflow "${candidates[0].name}" has no Manual Trigger to start it with`);
	if (!candidates[0].id) throw new Error(`workflow "${candidates[0].name}" has no id`);
	return { wf: candidates[0], trigger: trigger.name };
}

/**
 * Debtors the daily run of `day` must still take: open, due by their next step date or changed since
 * planned (never planned counts as changed), and, where the store has `planned_on`, not planned that
 * day yet (a debtor gets one decision a day: one whose record the run changed is due tomorrow).
 */
export function dueCount(url: string, day: string): number {
	const notPlannedToday = hasPlannedOn(url) ? ` AND planned_on IS DISTINCT FROM '${day}'` : '';
	return Number(
		queryRows(url, `SELECT count(*) FROM sc_debtors WHERE status = 'open' AND (next_step_date <= '${day}' OR planned_version IS NULL OR version > planned_version)${notPlannedToday}`)[0][0],
	);
}

/**
 * The reset between runs for a store seeded with seedPostgres: the debtors the seed had due and
 * those a run changed are seeded again, the other sc_ tables emptied, and n8n's record of processed
 * items (the Channel Sender's send ledger) cleared, so each run starts from the same state.
 */
export function seededReset(stack: ScaleStack, seedOptions: Omit<SeedRowOptions, 'count' | 'startIndex'> & { seed: number; day: string }, dueIndexes: number[]): () => Promise<void> {
	return async () => {
		const url = stack.appDatabaseUrl;
		await reseedDebtors(url, [...changedIndexes(url, seedOptions.seed, seedOptions.day), ...dueIndexes], seedOptions);
		const others = queryRows(url, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'sc\\_%' AND tablename NOT IN ('sc_debtors', 'sc_schema_migrations')").map(([table]) => table);
		if (others.length > 0) psql(url, `TRUNCATE ${others.join(', ')};`);
		psql(stack.n8nDatabaseUrl, "SELECT 'TRUNCATE processed_data' WHERE to_regclass('processed_data') IS NOT NULL \\gexec");
	};
}

const logSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

function logSince(file: string, offset: number): string {
	if (!fs.existsSync(file)) return '';
	const fd = fs.openSync(file, 'r');
	try {
		const length = Math.max(0, fs.statSync(file).size - offset);
		const buffer = Buffer.alloc(length);
		fs.readSync(fd, buffer, 0, length, offset);
		return buffer.toString('utf8');
	} finally {
		fs.closeSync(fd);
	}
}

/** Runs the day's workflows in every variant on a prepared stack whose n8n is not started yet. */
export async function measureDailyRuns(stack: ScaleStack, options: DailyRunOptions): Promise<RunFigures[]> {
	const say = options.progress ?? (() => {});
	const baseUrl = `http://127.0.0.1:${options.mainPort}`;
	const real = options.workflows.map((wf) => preparedWorkflow(wf, options.day, options.settings ?? {}, baseUrl));
	const journeyEntry = entryOf(real, options.entry);
	const baseline = options.noOp !== false ? baselineWorkflows(real) : [];
	// Entry workflows are started by hand, not published (their schedule triggers would run on their own).
	const entries = new Set([journeyEntry.wf.id, baselineId(journeyEntry.wf.id!)]);
	const url = stack.appDatabaseUrl;
	const timeoutMs = options.timeoutMs ?? 2 * 3600_000;
	const results: RunFigures[] = [];

	const install = async (workflows: WorkflowJson[]) => {
		await stack.main.importWorkflows(workflows);
		for (const wf of workflows) if (hasWebhook(wf) && !entries.has(wf.id)) await stack.main.publishWorkflow(wf.id!);
	};
	// Both sets at once, before main starts: it registers the webhooks of published workflows when it starts.
	await install([...baseline, ...real]);
	await stack.startN8n(900_000);
	const rest = await N8nRest.signIn(stack.main);

	const run = async (variant: RunFigures['variant']): Promise<RunFigures> => {
		const entry = variant === 'no-op baseline' ? { ...journeyEntry.wf, id: baselineId(journeyEntry.wf.id!) } : journeyEntry.wf;
		const trigger = journeyEntry.trigger;
		const running = [stack.main, ...stack.workers].filter((instance) => instance.pid !== undefined);
		const workers = stack.workers.map((worker, i) => ({ name: `worker-${i + 1}`, worker })).filter(({ worker }) => worker.pid !== undefined);
		const dueBefore = dueCount(url, options.day);
		const lastExecution = Number(queryRows(stack.n8nDatabaseUrl, 'SELECT coalesce(max(id), 0) FROM execution_entity')[0][0]);
		const offsets = new Map(workers.map(({ name }) => [name, logSize(stack.logFile(name))]));
		const processes = Object.fromEntries(running.map((instance) => [instance === stack.main ? 'main' : `worker-${stack.workers.indexOf(instance) + 1}`, instance.pid!]));
		const sampler = new ProcessSampler(stack.postgres.pid === undefined ? processes : { ...processes, postgres: stack.postgres.pid });
		const loadBefore = os.loadavg()[0];
		say(`${variant}, ${workers.length} worker(s): ${dueBefore} debtors due`);
		sampler.start();
		const started = performance.now();
		const { executionId } = await rest.call<{ executionId: string }>('post', `/workflows/${entry.id}/run`, { triggerToStartFrom: { name: trigger } });
		const progress = setInterval(() => say(`  ... ${variant}: ${((performance.now() - started) / 1000).toFixed(0)} s, ${dueCount(url, options.day)} still due, n8n RSS ${Math.round(sampler.currentMb())} MB`), 30_000);
		let status = '';
		try {
			// n8n's own records, read from its database: the REST API can stay silent while main is busy.
			for (;;) {
				const [row] = queryRows(
					stack.n8nDatabaseUrl,
					`SELECT (SELECT status FROM execution_entity WHERE id = ${Number(executionId)}), (SELECT count(*) FROM execution_entity WHERE id > ${lastExecution} AND status IN ('new', 'running'))`,
				);
				status = row[0];
				if (['success', 'error', 'crashed', 'canceled'].includes(status) && row[1] === '0') break;
				if (performance.now() - started > timeoutMs) throw new Error(`${variant} did not finish in ${timeoutMs / 1000} s (status ${status})`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		} finally {
			clearInterval(progress);
		}
		const seconds = (performance.now() - started) / 1000;
		const sampled = sampler.stop();
		// Memory of the n8n processes (the target); CPU time of every process the run kept busy.
		const memory = Object.fromEntries(Object.entries(sampled).filter(([name]) => name !== 'postgres'));
		const cpuSeconds = Object.fromEntries(Object.entries(sampled).map(([name, figures]) => [name, figures.cpuSeconds]));
		if (status !== 'success') {
			const execution = await rest.call<any>('get', `/executions/${executionId}`);
			throw new Error(`${variant} run ${executionId} ended ${status}: ${JSON.stringify(execution).slice(0, 1500)}`);
		}
		const workerExecutions = Object.fromEntries(workers.map(({ name }) => [name, (logSince(stack.logFile(name), offsets.get(name)!).match(/Worker started execution \d+/g) ?? []).length]));
		const [executions, withPackage] = queryRows(
			stack.n8nDatabaseUrl,
			`SELECT count(*), count(*) FILTER (WHERE d."workflowData"::text LIKE '%"${PACKAGE_NAME}.%') FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id WHERE e.id > ${lastExecution}`,
		)[0].map(Number);
		// What ran is what was meant: the baseline without the package's nodes, the journey with them (when it has any).
		const expected = variant === 'no-op baseline' ? withPackage === 0 : withPackage > 0 || replacedNodes(real).length === 0;
		if (!expected) throw new Error(`${variant}: ${withPackage} of ${executions} executions ran workflows with this package's nodes`);
		const figures: RunFigures = { variant, workers: workers.length, seconds, dueBefore, dueAfter: dueCount(url, options.day), workerExecutions, executions, memory, cpuSeconds, loadBefore, loadAfter: os.loadavg()[0] };
		say(`${variant}, ${workers.length} worker(s): ${formatRun(figures)}`);
		results.push(figures);
		return figures;
	};

	const [firstWorker, secondWorker] = stack.workers;
	if (!firstWorker || !secondWorker) throw new Error('the daily run is measured with 1 and with 2 workers: prepare the stack with 2');
	if (baseline.length > 0) {
		await run('no-op baseline');
		await options.reset();
	}
	await secondWorker.stop();
	await run('journey');
	await options.reset();
	await secondWorker.startWorker(options.concurrency, 900_000);
	await run('journey');
	if (options.fullReplan !== false) {
		await options.reset();
		psql(url, options.fullReplanSql ?? defaultFullReplanSql(options.day));
		await run('full re-plan');
	}
	return results;
}

const mb = (value: number) => `${Math.round(value)} MB`;

/** CPU seconds of a run: every n8n process (with its task runner) and PostgreSQL. */
export const totalCpuSeconds = (r: RunFigures) => Object.values(r.cpuSeconds).reduce((sum, seconds) => sum + seconds, 0);

/** One line per run: wall time, debtors, executions per worker, memory per process, load. */
export function formatRun(r: RunFigures): string {
	const perSecond = r.dueBefore > 0 ? `, ${(r.dueBefore / r.seconds).toFixed(0)} due debtors/s` : '';
	const memory = Object.entries(r.memory)
		.map(([name, peak]) => `${name} ${mb(peak.peakRssMb)} (VmHWM ${mb(peak.hwmMb)})`)
		.join(', ');
	const workers = Object.entries(r.workerExecutions)
		.map(([name, n]) => `${name} ${n}`)
		.join(', ');
	const cpu = totalCpuSeconds(r);
	const cpuPerDebtor = r.dueBefore > 0 ? `, ${((1000 * cpu) / r.dueBefore).toFixed(1)} ms per due debtor` : '';
	const cpuParts = Object.entries(r.cpuSeconds)
		.map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
		.join(', ');
	return (
		`${r.seconds.toFixed(1)} s wall for ${r.dueBefore} due debtors${perSecond}; ${r.dueAfter} still due after; ${r.executions} executions (started by ${workers || 'no worker'}); ` +
		`CPU ${cpu.toFixed(1)} s${cpuPerDebtor} (${cpuParts}); peak RSS ${memory}; load ${r.loadBefore.toFixed(2)} -> ${r.loadAfter.toFixed(2)}`
	);
}
