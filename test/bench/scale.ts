/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * The scale benchmark (issue 17): the queue-mode stack of `npm run start:scale` in a folder of its
 * own under the temp folder, a generated portfolio seeded into its `sc_debtors` with COPY, and the
 * daily run of a Postgres edition measured (scaleDailyRun.ts): by default the shipped one
 * (workflows/postgres: the dispatcher as entry, its batch webhook's URL set, the documented full
 * re-plan switch FULL_REPLAN_SQL), or the workflows of another folder.
 *
 *   npm run bench:scale -- <debtors> [--due-share 0.05] [--seed 2026] [--day 2026-07-01]
 *       [--workflows <folder>] [--entry <id or name>] [--set name=value ...] [--replan-sql <sql>]
 *       [--no-noop] [--no-replan] [--seed-only] [--concurrency 5] [--heap-mb 768] [--keep]
 *
 * Prints: debtors, the share due on the benchmark day, the seeding time, PostgreSQL's database size
 * (and per table), the load average; with --workflows also each run (1 and 2 workers, the No
 * Operation baseline, a full re-plan): wall time, peak RSS per n8n process, the ratio to the baseline.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../../scripts/n8nInstance';
import { N8N_VERSION, packPackage, REPO_ROOT } from '../../scripts/runtime';
import { DEFAULT_HEAP_MB, ScaleStack } from '../../scripts/scale/stack';
import { claimPlan, formatRun, measureDailyRuns, POSTGRES_EDITION, replacedNodes, seededReset, totalCpuSeconds, workflowsFrom, type RunFigures } from './scaleDailyRun';
import { databaseSize, seedPostgres } from './scaleSeed';
import { calibrateArrearsShare, DEFAULT_BENCH_DAY, DEFAULT_SEED } from './scaleSeedRows';

const USAGE =
	'usage: npm run bench:scale -- <debtors> [--due-share 0.05] [--seed 2026] [--day 2026-07-01] [--workflows <folder>] [--entry <id or name>] [--set name=value ...] [--replan-sql <sql>] [--no-noop] [--no-replan] [--seed-only] [--concurrency 5] [--heap-mb 768] [--keep]';
/** Disk to allow per seeded debtor: measured 2.3 KB in the table with its indexes, plus the WAL written while seeding; generous. */
const BYTES_PER_DEBTOR = 8_000;

interface Args {
	count: number;
	dueShare: number;
	seed: number;
	day: string;
	workflows: string;
	/** The daily run is measured (false: --seed-only). */
	measure: boolean;
	entry?: string;
	settings: Record<string, string>;
	replanSql?: string;
	noOp: boolean;
	replan: boolean;
	concurrency: number;
	heapMb: number;
	keep: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { workflows: POSTGRES_EDITION.dir, measure: true, count: 0, dueShare: 0.05, seed: DEFAULT_SEED, day: DEFAULT_BENCH_DAY, settings: {}, noOp: true, replan: true, concurrency: 5, heapMb: DEFAULT_HEAP_MB, keep: false };
	const value = (i: number) => {
		if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
		return argv[i + 1];
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (/^\d+$/.test(arg)) args.count = Number(arg);
		else if (arg === '--due-share') args.dueShare = Number(value(i++));
		else if (arg === '--seed') args.seed = Number(value(i++));
		else if (arg === '--day') args.day = value(i++);
		else if (arg === '--workflows') args.workflows = path.resolve(value(i++));
		else if (arg === '--entry') args.entry = value(i++);
		else if (arg === '--set') {
			const [name, ...rest] = value(i++).split('=');
			if (!name || rest.length === 0) throw new Error('--set needs name=value');
			args.settings[name] = rest.join('=');
		} else if (arg === '--replan-sql') args.replanSql = value(i++);
		else if (arg === '--concurrency') args.concurrency = Number(value(i++));
		else if (arg === '--heap-mb') args.heapMb = Number(value(i++));
		else if (arg === '--no-noop') args.noOp = false;
		else if (arg === '--no-replan') args.replan = false;
		else if (arg === '--seed-only') args.measure = false;
		else if (arg === '--keep') args.keep = true;
		else if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`unknown argument "${arg}"`);
	}
	if (!(args.count > 0)) throw new Error('give the number of debtors');
	if (!(args.dueShare >= 0 && args.dueShare <= 1)) throw new Error('--due-share needs a number from 0 to 1');
	if (!Number.isSafeInteger(args.seed) || args.seed < 0) throw new Error('--seed needs a whole number');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(args.day)) throw new Error('--day needs a date YYYY-MM-DD');
	if (!(Number.isInteger(args.concurrency) && args.concurrency > 0)) throw new Error('--concurrency needs a whole number above 0');
	return args;
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const mib = (bytes: number) => `${fmt(Math.round(bytes / 1048576))} MiB`;
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

/** Bytes free for this user on the file system of a folder (as df shows), so a seed that cannot fit stops before it starts. */
function freeBytes(dir: string): number {
	const stats = fs.statfsSync(dir);
	return stats.bavail * stats.bsize;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const tmp = os.tmpdir();
	const needed = args.count * BYTES_PER_DEBTOR + 2 * 1024 ** 3;
	const free = freeBytes(tmp);
	console.log(`Scale benchmark: ${fmt(args.count)} debtors, due share ${args.dueShare} on ${args.day}, seed ${args.seed}; n8n ${N8N_VERSION}, ${os.cpus().length} CPUs, load ${load()}`);
	console.log(`disk: ${mib(free)} free in ${tmp}, about ${mib(needed)} needed`);
	if (free < needed) throw new Error(`not enough disk space in ${tmp}: ${mib(free)} free, about ${mib(needed)} needed`);

	const dir = fs.mkdtempSync(path.join(tmp, 'social-collections-bench-scale-'));
	// PostgreSQL runs as the postgres user under root: it must be able to pass through this folder.
	fs.chmodSync(dir, 0o711);
	const tarball = packPackage(dir);
	const mainPort = await freePort();
	let stack: ScaleStack | undefined;
	try {
		stack = await ScaleStack.prepare({ dir, tarball, workers: 2, concurrency: args.concurrency, heapMb: args.heapMb, mainPort, progress: (message) => console.log(`  ${message}`) });
		console.log(`  n8n processes: old-space limit ${args.heapMb} MB (--max-old-space-size), ${args.concurrency} jobs per worker`);
		const calibration = calibrateArrearsShare(args.dueShare, { seed: args.seed, day: args.day });
		console.log(
			`  arrears share ${calibration.arrearsShare.toFixed(4)} (sampled: ${(100 * calibration.dueAmongArrears).toFixed(1)}% of debtors in arrears and ${(100 * calibration.dueAmongCurrent).toFixed(1)}% of current ones are due on ${args.day})`,
		);
		const seedOptions = { seed: args.seed, day: args.day, arrearsShare: calibration.arrearsShare };
		const seeded = await seedPostgres(stack.appDatabaseUrl, {
			...seedOptions,
			count: args.count,
			onProgress: (rows) => {
				if (rows % 100_000 === 0) console.log(`  seeded ${fmt(rows)}, load ${load()}`);
			},
		});
		const size = databaseSize(stack.appDatabaseUrl);
		const debtorsTable = size.tables.find((table) => table.table === 'sc_debtors');
		console.log(`
Seeded ${fmt(seeded.rows)} debtors (${fmt(seeded.open)} open) in ${seeded.seconds.toFixed(1)} s: ${fmt(Math.round(seeded.rows / seeded.seconds))} debtors/s (generate, plan, COPY)
  due on ${args.day}: ${fmt(seeded.due)} = ${((100 * seeded.due) / seeded.rows).toFixed(2)}% (asked ${(100 * args.dueShare).toFixed(2)}%)
  PostgreSQL database ${mib(size.databaseBytes)}; sc_debtors ${mib(debtorsTable?.bytes ?? 0)} (${fmt(Math.round((debtorsTable?.bytes ?? 0) / Math.max(1, seeded.rows)))} bytes per debtor, table, TOAST and indexes)
  per table: ${size.tables.map((t) => `${t.table} ${mib(t.bytes)}`).join(', ')}
  peak RSS of this seeding process ${mib(process.resourceUsage().maxRSS * 1024)}; load average ${load()}`);

		if (args.measure) {
			const edition = args.workflows === POSTGRES_EDITION.dir;
			const workflows = workflowsFrom(args.workflows, edition ? POSTGRES_EDITION.files : undefined);
			if (edition) console.log(`\nThe batch claim on ${args.day} (EXPLAIN ANALYZE, rolled back):\n${claimPlan(stack.appDatabaseUrl, args.day).replace(/^/gm, '  ')}`);
			console.log(`\nDaily run of ${path.relative(REPO_ROOT, args.workflows) || args.workflows}: ${workflows.map((wf) => wf.name).join('; ')}`);
			const runs = await measureDailyRuns(stack, {
				workflows,
				entry: args.entry,
				day: args.day,
				mainPort,
				concurrency: args.concurrency,
				// The shipped edition needs its batch URL and has its documented re-plan switch; another folder says what it needs.
				settings: edition ? { ...POSTGRES_EDITION.settings, ...args.settings } : args.settings,
				fullReplanSql: args.replanSql ?? (edition ? POSTGRES_EDITION.fullReplanSql : undefined),
				noOp: args.noOp,
				fullReplan: args.replan,
				reset: seededReset(stack, seedOptions, seeded.dueIndexes),
				progress: (message) => console.log(`  ${message}`),
			});
			report(runs, replacedNodes(workflows));
		} else {
			console.log('\n--seed-only: the daily run was not measured.');
		}
	} finally {
		await stack?.stop();
		if (args.keep) console.log(`stack folder kept: ${dir}`);
		else fs.rmSync(dir, { recursive: true, force: true });
	}
}

function report(runs: RunFigures[], replaced: string[]): void {
	console.log('\nDaily run:');
	for (const run of runs) console.log(`  ${run.variant}, ${run.workers} worker(s): ${formatRun(run)}`);
	const journey = runs.filter((run) => run.variant === 'journey' && run.workers === 2)[0];
	const baseline = runs.find((run) => run.variant === 'no-op baseline');
	if (journey && baseline && journey.dueBefore > 0 && baseline.dueBefore > 0) {
		const ratio = journey.seconds / journey.dueBefore / (baseline.seconds / baseline.dueBefore);
		console.log(`  per due debtor, journey / no-op baseline: ${ratio.toFixed(2)} (target at most 1.5) ${ratio <= 1.5 ? 'OK' : 'ABOVE TARGET'}`);
		// The same in CPU time (n8n and PostgreSQL), which the load of other jobs stretches much less than wall time.
		const cpuRatio = totalCpuSeconds(journey) / journey.dueBefore / (totalCpuSeconds(baseline) / baseline.dueBefore);
		console.log(`  per due debtor in CPU time, journey / no-op baseline: ${cpuRatio.toFixed(2)} (${((1000 * totalCpuSeconds(journey)) / journey.dueBefore).toFixed(1)} / ${((1000 * totalCpuSeconds(baseline)) / baseline.dueBefore).toFixed(1)} ms)`);
		console.log(`  the baseline replaced: ${replaced.join('; ') || 'nothing (no node of this package)'}`);
	}
	const peak = Math.max(...runs.flatMap((run) => Object.values(run.memory).map((m) => m.peakRssMb)));
	console.log(`  highest peak RSS of one n8n process (with its task runner): ${Math.round(peak)} MB (target at most 1,536 MB)`);
}

main().catch((error: Error) => {
	console.error(`bench:scale failed: ${error.stack ?? error.message}\n${USAGE}`);
	process.exit(1);
});
