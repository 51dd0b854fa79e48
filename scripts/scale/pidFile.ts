/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- tooling runs in plain Node, not inside n8n */
/**
 * Which processes a running `npm run start:scale` has, so `npm run stop:scale` can stop them from
 * another terminal, also when the script itself was killed and left its processes behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../runtime';

export interface PidFile {
	/** The `npm run start:scale` process. */
	supervisor: number;
	/** Its processes by name, in the order they stop: workers, main, redis, postgres. */
	processes: Record<string, number | undefined>;
}

/** The folder of the scale stack's data: SC_SCALE_FOLDER or .scale/ in the repo. */
export function scaleFolder(): string {
	return path.resolve(process.env.SC_SCALE_FOLDER ?? path.join(REPO_ROOT, '.scale'));
}

const fileIn = (folder: string) => path.join(folder, 'pids.json');

export function readPidFile(folder: string): PidFile | undefined {
	const file = fileIn(folder);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PidFile) : undefined;
}

export function writePidFile(folder: string, pids: PidFile): void {
	fs.writeFileSync(fileIn(folder), JSON.stringify(pids, null, 2));
}

export function removePidFile(folder: string): void {
	fs.rmSync(fileIn(folder), { force: true });
}

export function isAlive(pid: number | undefined): boolean {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The command line of a process (empty when it is gone), to check a pid still belongs to us. */
export function commandLine(pid: number): string {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
	} catch {
		return '';
	}
}
