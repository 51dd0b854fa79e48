/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm run stop:scale`: stops what `npm run start:scale` started (SC_SCALE_FOLDER as there). Asks the
 * start script to stop its stack, as Ctrl+C does; when that script is gone but its processes are
 * not, stops them itself by their recorded ids, in order: workers, main, Redis, PostgreSQL.
 */
import { commandLine, isAlive, readPidFile, removePidFile, scaleFolder } from './scale/pidFile';

/** What each recorded process must still be running, so a reused pid is never signalled. */
const EXPECTED: Array<[RegExp, RegExp]> = [
	[/^worker-\d+$/, /\bn8n\b.*\bworker\b/],
	[/^main$/, /\bn8n\b.*\bstart\b/],
	[/^redis$/, /redis-server/],
	[/^postgres$/, /\bpostgres\b/],
];

async function stopProcess(name: string, pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
	console.log(`[scale] stopping ${name} (process ${pid})`);
	process.kill(pid, signal);
	const deadline = Date.now() + timeoutMs;
	while (isAlive(pid)) {
		if (Date.now() > deadline) {
			console.log(`[scale] ${name} did not stop within ${timeoutMs / 1000} s: killing it`);
			process.kill(pid, 'SIGKILL');
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function main(): Promise<void> {
	const folder = scaleFolder();
	const pids = readPidFile(folder);
	if (!pids) {
		console.log(`[scale] nothing to stop: no running stack recorded in ${folder}`);
		return;
	}
	if (isAlive(pids.supervisor) && /startScale/.test(commandLine(pids.supervisor))) {
		// The start script stops its stack in order and removes the record.
		await stopProcess('npm run start:scale', pids.supervisor, 'SIGTERM', 120_000);
	}
	for (const [name, pid] of Object.entries(pids.processes)) {
		const expected = EXPECTED.find(([names]) => names.test(name))?.[1];
		if (!pid || !expected || !isAlive(pid) || !expected.test(commandLine(pid))) continue;
		// PostgreSQL: SIGINT is its fast shutdown (SIGTERM would wait for every client to leave).
		await stopProcess(name, pid, name === 'postgres' ? 'SIGINT' : 'SIGTERM', 60_000);
	}
	removePidFile(folder);
	console.log('[scale] stopped');
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
