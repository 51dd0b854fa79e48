/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * The daily collection journey (workflows/01-daily-collection-journey.json) over a generated
 * portfolio in the pinned real n8n (`n8n start`, Data Tables), measured against the same workflow
 * with the package's nodes replaced by No Operation nodes.
 *
 *   npm run bench:workflow                       10,000 debtors
 *   npm run bench:workflow -- 2000 [--rounds 2]  another size; more rounds (best of each variant)
 *   options: --heap=<MB>  n8n's heap (default: Node's own limit, enough for 10k debtors in n8n 2.41.1);
 *            --per-node: print the time n8n recorded per node (reads the whole execution back); --no-save: n8n does not store the runs' execution data (manual executions)
 *
 * Steps: a fresh n8n with the built package and the preset owner, "set up data tables" run, the
 * debtors (test/fixtures/portfolio, seed 2026, exported 2026-06-30) inserted into sc_debtors, then
 * per round the baseline and the journey run as "Execute workflow" on 1 July 2026, 08:00, with the
 * contact window off (simulated day, as in test/e2e/workflows.test.ts). Between runs the state the
 * journey saves into the debtor records is reset (sc_debtors seeded again) so every run starts alike;
 * the contact log and task rows a run adds are counted.
 *
 * Measured per run: wall time from "Execute workflow" to the finished execution, CPU time of the n8n
 * processes (main and task runner, from /proc/<pid>/stat), peak memory (highest sampled sum of VmRSS
 * of those processes, and the sum of their VmHWM after the peak was reset with clear_refs before the
 * run). Target: journey / baseline wall time at most 1.5.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8N_VERSION, ownerEnv, packPackage, PACKAGE_NAME, REPO_ROOT } from '../../scripts/runtime';
import { N8nInstance, type WorkflowJson } from '../../scripts/n8nInstance';
import { N8nRest } from '../e2e/harness/rest';
import { generatePortfolio } from '../fixtures/portfolio';
import { processTree, readProc, statusKb } from './scaleProcesses';

const args = process.argv.slice(2);
const COUNT = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) > 0 && args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 1;
const option = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
/** Heap of the n8n process in MB: one execution holds every node's output for every debtor. */
const HEAP = option('heap') ?? 'default';
/** --per-node: read each run back and print the time n8n recorded per node (large for 10k debtors). */
const PER_NODE = args.includes('--per-node');
/** --no-save: n8n keeps no data of the manual runs (EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS=false). */
const SAVE = !args.includes('--no-save');
const SEED = 2026;
const EXPORTED = '2026-06-30';
const DAY = '2026-07-01'; // a Wednesday, the first working day after the export
const NOW = `${DAY}T08:00:00+02:00`;
const TRIGGER = 'Run now (manual)';
const TARGET = 1.5;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Node = WorkflowJson['nodes'][number] & { parameters: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

function load(file: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'workflows', file), 'utf8')) as WorkflowJson;
}

/** The shipped journey on a fixed day, contact window off; `noOp`: the package's nodes replaced. */
function journey(noOp: boolean): WorkflowJson {
	const wf = load('01-daily-collection-journey.json');
	const nodes = wf.nodes as Node[];
	const settings = nodes.find((n) => n.name === 'Settings')!;
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name === 'referenceDate') assignment.value = DAY;
		if (assignment.name === 'now') assignment.value = NOW;
	}
	nodes.find((n) => n.name === 'Send due messages')!.parameters.options.contactWindow = false;
	if (!noOp) return { ...wf, id: 'scBenchJourney1', name: `${wf.name} (bench)` };
	// Same names, so every connection stays; a No Operation node passes every item on its output 0.
	wf.nodes = nodes.map((node) => (node.type.startsWith(`${PACKAGE_NAME}.`) ? { ...node, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} } : node));
	return { ...wf, id: 'scBenchNoOp0001', name: `${wf.name} (no-op baseline)` };
}

function replaced(): string[] {
	return load('01-daily-collection-journey.json').nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`)).map((n) => n.name);
}

// ---------------------------------------------------------------------------------------------
// Process figures from /proc
// ---------------------------------------------------------------------------------------------
function cpuTicks(pid: number): number {
	const stat = readProc(pid, 'stat');
	if (!stat) return 0;
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** Samples the memory of a process tree while a run lasts. */
class Sampler {
	private pids: number[] = [];
	private cpuAtStart = new Map<number, number>();
	private cpuLast = new Map<number, number>();
	private timer?: NodeJS.Timeout;
	peakRssKb = 0;
	currentRssKb = 0;

	constructor(private readonly root: number) {}

	start(): void {
		this.pids = processTree(this.root);
		for (const pid of this.pids) {
			// "5" resets the peak RSS (VmHWM) of the process, so VmHWM afterwards is this run's peak.
			try {
				fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
			} catch {
				// not permitted on this kernel: the sampled peak still stands
			}
			this.cpuAtStart.set(pid, cpuTicks(pid));
		}
		let tick = 0;
		this.timer = setInterval(() => {
			if (++tick % 10 === 0) {
				for (const pid of processTree(this.root)) {
					if (!this.pids.includes(pid)) {
						this.pids.push(pid);
						this.cpuAtStart.set(pid, 0); // started during the run: all its CPU time is the run's
					}
				}
			}
			this.sample();
		}, 100);
	}

	private sample(): void {
		let rss = 0;
		for (const pid of this.pids) {
			rss += statusKb(pid, 'VmRSS');
			const ticks = cpuTicks(pid);
			if (ticks > 0) this.cpuLast.set(pid, ticks);
		}
		this.currentRssKb = rss;
		this.peakRssKb = Math.max(this.peakRssKb, rss);
	}

	stop(): { peakRssMb: number; hwmMb: number; cpuSeconds: number; processes: number } {
		clearInterval(this.timer);
		this.sample();
		const hwm = this.pids.reduce((sum, pid) => sum + statusKb(pid, 'VmHWM'), 0);
		const ticks = this.pids.reduce((sum, pid) => sum + Math.max(0, (this.cpuLast.get(pid) ?? 0) - (this.cpuAtStart.get(pid) ?? 0)), 0);
		return { peakRssMb: this.peakRssKb / 1024, hwmMb: hwm / 1024, cpuSeconds: ticks / TICKS_PER_SECOND, processes: this.pids.length };
	}
}

// ---------------------------------------------------------------------------------------------
// The runs
// ---------------------------------------------------------------------------------------------
interface RunFigures {
	variant: string;
	seconds: number;
	cpuSeconds: number;
	peakRssMb: number;
	hwmMb: number;
	status: string;
	logRows: number;
	taskRows: number;
}

const mb = (value: number) => `${Math.round(value)} MB`;
const sec = (value: number) => `${value.toFixed(1)} s`;

/** Clicks "Execute workflow" and waits for the execution to end, reading only its status (not its megabytes of data). */
async function measure(n8n: N8nInstance, rest: N8nRest, workflowId: string, variant: string): Promise<RunFigures> {
	const logBefore = await rest.rowCount('sc_contact_log');
	const tasksBefore = await rest.rowCount('sc_tasks');
	const sampler = new Sampler(n8n.pid!);
	sampler.start();
	const started = performance.now();
	const { executionId } = await rest.call<{ executionId: string }>('post', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: TRIGGER } });
	// Progress on a timer of its own: while n8n works through thousands of items in one node its HTTP
	// server can stay silent for minutes, so polls may time out.
	const progress = setInterval(() => {
		console.log(`  ... ${variant}: ${sec((performance.now() - started) / 1000)}, n8n RSS now ${mb(sampler.currentRssKb / 1024)}, peak ${mb(sampler.peakRssKb / 1024)}`);
	}, 30_000);
	let status = 'running';
	try {
		while (!['success', 'error', 'crashed', 'canceled'].includes(status)) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			// A timed-out poll means n8n is busy: ask again.
			const list = await rest.executions(workflowId).catch((error: Error) => (/timeout/i.test(error.message) ? undefined : Promise.reject(error)));
			if (!list) continue;
			const found = list.find((e) => String(e.id) === String(executionId));
			if (found) status = found.status;
			// Without saving, n8n deletes the execution when it ends: the rows it wrote tell how it went.
			else if (!SAVE) status = 'success';
		}
	} finally {
		clearInterval(progress);
	}
	const seconds = (performance.now() - started) / 1000;
	const figures = sampler.stop();
	if (status !== 'success') {
		const execution = await rest.execution(executionId);
		throw new Error(`${variant} run ${executionId} ended ${status}: ${JSON.stringify(execution.raw.data.resultData.error ?? {}).slice(0, 1500)}`);
	}
	if (PER_NODE && SAVE) {
		const runData = (await rest.execution(executionId)).raw.data.resultData.runData as Record<string, Array<{ executionTime?: number }>>;
		const times = Object.entries(runData).map(([node, runs]) => [node, runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0)] as const);
		console.log(`  ${variant}, time per node (n8n's executionTime): ${times.sort((a, b) => b[1] - a[1]).map(([node, ms]) => `${node} ${sec(ms / 1000)}`).join(', ')}`);
	}
	const logRows = (await rest.rowCount('sc_contact_log')) - logBefore;
	const taskRows = (await rest.rowCount('sc_tasks')) - tasksBefore;
	// Every debtor leaves a contact-log row (a failed send that became a task leaves two).
	if (logRows < COUNT) throw new Error(`${variant} run ${executionId}: ${logRows} contact-log rows for ${COUNT} debtors`);
	return { variant, seconds, cpuSeconds: figures.cpuSeconds, peakRssMb: figures.peakRssMb, hwmMb: figures.hwmMb, status, logRows, taskRows };
}

async function seed(rest: N8nRest): Promise<void> {
	const started = performance.now();
	const rows: Array<Record<string, unknown>> = [];
	for (const { record } of generatePortfolio({ seed: SEED, count: COUNT, referenceDate: EXPORTED })) {
		rows.push({ debtorId: record.debtorId, status: 'open', record: JSON.stringify(record) });
		if (rows.length === 1000) {
			await rest.insertRows('sc_debtors', rows.splice(0));
			process.stdout.write(`\r  seeded ${await rest.rowCount('sc_debtors')} / ${COUNT} debtors`);
		}
	}
	if (rows.length) await rest.insertRows('sc_debtors', rows);
	console.log(`\r  seeded ${await rest.rowCount('sc_debtors')} debtors into sc_debtors in ${sec((performance.now() - started) / 1000)}`);
}

/** Back to the seeded debtors: the journey saved the contacts it sent into their records. */
async function reseed(rest: N8nRest): Promise<void> {
	await rest.dropTable('sc_debtors');
	await rest.runManually('scSetupTables01', 'Run once');
	await seed(rest);
}

async function main(): Promise<void> {
	console.log(
		`Daily collection journey over ${COUNT} debtors in real n8n (${ROUNDS} round(s)); day ${DAY}, contact window off; ` +
			`n8n heap ${HEAP === 'default' ? "Node's default" : `${HEAP} MB`}, execution data ${SAVE ? 'saved (n8n default)' : 'not saved (--no-save)'}`,
	);
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pack-')));
	const n8n = await N8nInstance.create({
		env: { ...ownerEnv(), ...(HEAP === 'default' ? {} : { NODE_OPTIONS: `--max-old-space-size=${Number(HEAP)}` }), ...(SAVE ? {} : { EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false' }) },
		tarball,
	});
	let finished = false;
	try {
		const [real, baseline] = [journey(false), journey(true)];
		await n8n.importWorkflows([load('00-setup-data-tables.json'), real, baseline]);
		await n8n.start();
		const rest = await N8nRest.signIn(n8n);
		await rest.runManually('scSetupTables01', 'Run once');
		await seed(rest);
		const results: RunFigures[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			for (const [variant, id] of [['no-op baseline', baseline.id!], ['journey', real.id!]] as const) {
				if (results.some((r) => r.variant === 'journey')) await reseed(rest);
				console.log(`  round ${round}: ${variant} ...`);
				const figures = await measure(n8n, rest, id, variant);
				results.push(figures);
				console.log(
					`  round ${round}: ${variant}: ${sec(figures.seconds)} wall, ${sec(figures.cpuSeconds)} CPU (n8n), peak RSS ${mb(figures.peakRssMb)} (VmHWM ${mb(figures.hwmMb)}), ` +
						`${figures.logRows} contact-log rows, ${figures.taskRows} tasks`,
				);
			}
		}
		report(results);
		finished = true;
	} finally {
		if (!finished) console.error(`n8n log (tail):\n${n8n.log.slice(-4000)}`);
		await n8n.dispose();
	}
}

function report(results: RunFigures[]): void {
	const best = (variant: string) => results.filter((r) => r.variant === variant).reduce((a, b) => (b.seconds < a.seconds ? b : a));
	const ours = best('journey');
	const base = best('no-op baseline');
	const ratio = ours.seconds / base.seconds;
	console.log(`
Daily journey, ${COUNT} debtors, n8n ${N8N_VERSION} (best of ${ROUNDS}):
  journey          ${sec(ours.seconds)} wall, ${sec(ours.cpuSeconds)} CPU, peak RSS ${mb(ours.peakRssMb)} (VmHWM ${mb(ours.hwmMb)}), ${(COUNT / ours.seconds).toFixed(0)} debtors/s
  no-op baseline   ${sec(base.seconds)} wall, ${sec(base.cpuSeconds)} CPU, peak RSS ${mb(base.peakRssMb)} (VmHWM ${mb(base.hwmMb)})
  ratio            ${ratio.toFixed(2)} wall, ${(ours.cpuSeconds / base.cpuSeconds).toFixed(2)} CPU, ${(ours.peakRssMb / base.peakRssMb).toFixed(2)} peak RSS (target: wall at most ${TARGET}) ${ratio <= TARGET ? 'OK' : 'ABOVE TARGET'}

What the baseline measures: the same workflow and data, with ${replaced().join(', ')} replaced by No Operation
nodes of the same names. It pays n8n's own share: the manual run, loading ${COUNT} rows from the sc_debtors Data
Table, parsing each record, the If and Set nodes, writing the contact log, and keeping every node's output in the
execution. A No Operation node passes every item on its output 0, so in the baseline no debtor is segmented,
planned, written to, scheduled or sent to: items take the "no" branches and end as contact-log rows without a
decision's details, and nothing is saved back to sc_debtors. The ratio is therefore what the package's five nodes
(and the work their outputs cause downstream: saving sent contacts, tasks) add to n8n's cost of the workflow.`);
}

main().catch((error: Error) => {
	console.error(`bench failed: ${error.stack ?? error.message}`);
	process.exit(1);
});
