/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmarks run in plain Node, not inside n8n */
/**
 * Shared pieces of the benchmarks: a minimal IExecuteFunctions (no mocking library in the hot loop),
 * a generated portfolio as n8n items, timing with warm-up, and the floors nodes are measured against.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { generatePortfolio } from '../fixtures/portfolio';

/** A node class from the built bundle in dist/ (what n8n loads), not from the TypeScript sources. */
export function builtNode(className: string): INodeType {
	const file = path.resolve(__dirname, '../../dist/nodes', className, `${className}.node.js`);
	if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const NodeClass = require(file)[className] as new () => INodeType;
	return new NodeClass();
}

/**
 * A domain module (path from the repository root) bundled the way the node bundles are (esbuild, one
 * file), so a domain figure is not slowed down by the TypeScript loader's module getters.
 */
export function bundledModule<T>(entry: string): T {
	const outfile = path.join(os.tmpdir(), `bench-${path.basename(path.dirname(entry))}-${path.basename(entry, '.ts')}-${process.pid}.js`);
	buildSync({ entryPoints: [path.resolve(__dirname, '../..', entry)], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(outfile) as T;
}

export function portfolioItems(count: number, seed = 2026): INodeExecutionData[] {
	const items: INodeExecutionData[] = new Array(count);
	let i = 0;
	for (const { record } of generatePortfolio({ seed, count })) items[i++] = { json: record as unknown as IDataObject };
	return items;
}

export function context(items: INodeExecutionData[], parameters: Record<string, unknown>, timezone = 'Europe/Amsterdam'): IExecuteFunctions {
	const node = { name: 'Bench', type: 'bench', typeVersion: 1, parameters, id: 'bench', position: [0, 0] };
	return {
		getInputData: () => items,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getNode: () => node,
		continueOnFail: () => false,
		getTimezone: () => timezone,
	} as unknown as IExecuteFunctions;
}

export async function runNodeOnce(nodeType: INodeType, items: INodeExecutionData[], parameters: Record<string, unknown>): Promise<INodeExecutionData[][]> {
	return (await nodeType.execute!.call(context(items, parameters))) as INodeExecutionData[][];
}

/** The floor: a plain loop that only copies each item (its JSON deep-copied, as a real copy must). */
export function copyFloor(items: INodeExecutionData[]): INodeExecutionData[][] {
	const out: INodeExecutionData[] = new Array(items.length);
	for (let i = 0; i < items.length; i++) out[i] = { json: structuredClone(items[i].json), pairedItem: { item: i } };
	return [out];
}

/** A shallower floor, printed for context: copies only the top level of each item's JSON. */
export function shallowFloor(items: INodeExecutionData[]): INodeExecutionData[][] {
	const out: INodeExecutionData[] = new Array(items.length);
	for (let i = 0; i < items.length; i++) out[i] = { json: { ...items[i].json }, pairedItem: { item: i } };
	return [out];
}

export interface Measurement {
	/** Best wall-clock time of the timed runs. */
	seconds: number;
	perSecond: number;
	/** Best CPU time (user + system) of this process over the timed runs. */
	cpuSeconds: number;
	/**
	 * Items per second of CPU time: the machine may be shared (other processes take the core away,
	 * which wall time counts and CPU time does not). GC helper threads count too, so it can be lower.
	 */
	perCpuSecond: number;
	heapGrowthMb: number;
}

function gc(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/**
 * A forced full collection before a timed run, and then a pause. After gc() V8 sweeps the freed
 * pages on helper threads, and the main thread joins in as it allocates; with 100,000 large records
 * on the heap (1.5 GB and more) that sweeping overlapped the timed run and cost it about 30% of its
 * wall time and half again its CPU time: a cost of the benchmark's own gc(), which n8n never calls.
 * Collections the run itself causes still count.
 */
async function collectAndSettle(): Promise<void> {
	gc();
	const heapMb = process.memoryUsage().heapUsed / 1048576;
	await new Promise((resolve) => setTimeout(resolve, Math.min(2000, Math.max(100, heapMb / 2))));
}

/** Results kept alive while their heap is measured (a local would let V8 drop them early). */
const retained: unknown[] = [];

/** Runs once and keeps the result in `retained` (its own async frame, gone when it returns). */
async function keepResult<T>(run: () => T | Promise<T>): Promise<void> {
	retained.push(await run());
}

/**
 * Heap the result of one run occupies: the heap with the result kept minus the heap right after
 * letting it go, both after a full collection. Measured as a difference after the run rather than
 * against the heap before it, because the collections also drop code V8 no longer needs (the
 * generator's, for one): against "before" that showed as a result of a few bytes, or less than none.
 */
async function heapOfResult<T>(run: () => T | Promise<T>): Promise<number> {
	await keepResult(run);
	gc();
	const withResult = process.memoryUsage().heapUsed;
	retained.length = 0;
	gc();
	return withResult - process.memoryUsage().heapUsed;
}

/**
 * Best of `runs` timed runs (wall clock and CPU time, each its own best) after a first (warm-up) run
 * that measures what one kept result occupies.
 */
export async function measure<T>(count: number, run: () => T | Promise<T>, runs = 3): Promise<Measurement> {
	// Heap first, while no earlier result of this run can still be referenced anywhere.
	const heapGrowth = await heapOfResult(run);
	let best = Number.POSITIVE_INFINITY;
	let bestCpu = Number.POSITIVE_INFINITY;
	for (let r = 0; r < runs; r++) {
		await collectAndSettle();
		const cpuBefore = process.cpuUsage();
		const start = process.hrtime.bigint();
		await run();
		best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
		const cpu = process.cpuUsage(cpuBefore);
		bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
	}
	return { seconds: best, perSecond: count / best, cpuSeconds: bestCpu, perCpuSecond: count / bestCpu, heapGrowthMb: heapGrowth / 1048576 };
}

/** "123,456 debtors/s (0.811 s); 140,000 per CPU-second (0.714 s)". */
export function rate(m: Measurement, unit: string): string {
	return `${fmt(m.perSecond)} ${unit}/s (${m.seconds.toFixed(3)} s); ${fmt(m.perCpuSecond)} per CPU-second (${m.cpuSeconds.toFixed(3)} s)`;
}

export function fmt(n: number): string {
	return Math.round(n).toLocaleString('en-US');
}

export function peakRssMb(): number {
	return process.resourceUsage().maxRSS / 1024;
}
