/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmarks run in plain Node, not inside n8n */
/**
 * Memory and CPU time of named processes while a run lasts, from /proc: each process with its
 * descendants (n8n's task runner is a child of main and of every worker; PostgreSQL's backends are
 * children of its server), sampled every 200 ms (highest sum of VmRSS; CPU time used since the run
 * started), and the peak the kernel kept (VmHWM, reset with clear_refs when the run starts).
 *
 * CPU time is the figure that survives a shared machine: wall time stretches with the load other
 * jobs put on the cores, the CPU seconds a run needs much less.
 */
import * as fs from 'node:fs';

/** A file of /proc/<pid>/ (undefined when the process has exited). */
export function readProc(pid: number, file: string): string | undefined {
	try {
		return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
	} catch {
		return undefined; // the process has exited
	}
}

/** The process and every descendant. */
export function processTree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readProc(Number(entry), 'stat');
		if (!stat) continue;
		const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
		children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
	}
	const tree = [root];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
	return tree;
}

/** A field of /proc/<pid>/status in kB (0 when the process is gone). */
export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readProc(pid, 'status') ?? '')?.[1] ?? 0);
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times: USER_HZ, 100 on Linux whatever the kernel's own tick. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used, in clock ticks; undefined when it is gone. */
export function cpuTicks(pid: number): number | undefined {
	const stat = readProc(pid, 'stat');
	if (!stat) return undefined;
	// After "(comm)": state ppid ... utime is the 12th field, stime the 13th.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

export interface ProcessPeak {
	/** Highest sampled VmRSS of the process and its descendants together. */
	peakRssMb: number;
	/** VmHWM of the process itself since the run started (its own peak, without the task runner). */
	hwmMb: number;
	/** CPU seconds the process and its descendants used during the run (a descendant that ended between samples: up to its last sample). */
	cpuSeconds: number;
}

export class ProcessSampler {
	private readonly trees = new Map<string, number[]>();
	private readonly peaks = new Map<string, number>();
	/** Per name, per process id: CPU ticks when first seen in the run (0 for a process started during it) and when last sampled. */
	private readonly cpu = new Map<string, Map<number, { first: number; last: number }>>();
	private timer?: NodeJS.Timeout;

	/** `roots`: a name per process id (e.g. main, worker-1). */
	constructor(private readonly roots: Record<string, number>) {}

	start(): void {
		for (const [name, pid] of Object.entries(this.roots)) {
			const tree = processTree(pid);
			this.trees.set(name, tree);
			this.peaks.set(name, 0);
			this.cpu.set(name, new Map(tree.map((member) => [member, { first: cpuTicks(member) ?? 0, last: cpuTicks(member) ?? 0 }])));
			for (const member of tree) {
				try {
					// "5" resets the peak RSS (VmHWM): afterwards it is this run's peak.
					fs.writeFileSync(`/proc/${member}/clear_refs`, '5');
				} catch {
					// not permitted here: the sampled peak still stands
				}
			}
		}
		let tick = 0;
		this.timer = setInterval(() => {
			// New descendants (a task runner started for the run) join every two seconds.
			if (++tick % 10 === 0) for (const [name, pid] of Object.entries(this.roots)) this.trees.set(name, processTree(pid));
			this.sample();
		}, 200);
	}

	private sample(): void {
		for (const [name, tree] of this.trees) {
			const rss = tree.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0);
			this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, rss));
			const cpu = this.cpu.get(name)!;
			for (const pid of tree) {
				const ticks = cpuTicks(pid);
				if (ticks === undefined) continue;
				const seen = cpu.get(pid);
				if (seen) seen.last = ticks;
				else cpu.set(pid, { first: 0, last: ticks }); // started during the run
			}
		}
	}

	/** Current sum of VmRSS over every sampled process, in MB. */
	currentMb(): number {
		let kb = 0;
		for (const tree of this.trees.values()) for (const pid of tree) kb += statusKb(pid, 'VmRSS');
		return kb / 1024;
	}

	stop(): Record<string, ProcessPeak> {
		clearInterval(this.timer);
		this.sample();
		return Object.fromEntries(
			Object.entries(this.roots).map(([name, pid]) => [
				name,
				{
					peakRssMb: (this.peaks.get(name) ?? 0) / 1024,
					hwmMb: statusKb(pid, 'VmHWM') / 1024,
					cpuSeconds: [...(this.cpu.get(name)?.values() ?? [])].reduce((sum, { first, last }) => sum + Math.max(0, last - first), 0) / TICKS_PER_SECOND,
				},
			]),
		);
	}
}
