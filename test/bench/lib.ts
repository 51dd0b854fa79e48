/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmarks run in plain Node, not inside n8n */
/**
 * Shared pieces of the benchmarks: a minimal IExecuteFunctions (no mocking library in the hot loop),
 * a generated portfolio as n8n items, timing with warm-up, and the floors nodes are measured against.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import * as fs from 'node:fs';
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

/** Results kept alive while their heap is measured (a local would let V8 drop them early). */
const retained: unknown[] = [];

/**
 * Heap the result of one run occupies, measured in a call of its own: an async frame keeps the last
 * awaited value alive, so measuring inside the timing loop would count the previous result twice.
 */
async function heapOfResult<T>(run: () => T | Promise<T>): Promise<number> {
	gc();
	const before = process.memoryUsage().heapUsed;
	retained.push(await run());
	gc();
	const growth = process.memoryUsage().heapUsed - before;
	retained.length = 0;
	return growth;
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
		gc();
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
