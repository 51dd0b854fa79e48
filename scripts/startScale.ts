/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm run start:scale`: n8n as large creditors run it, on this machine and without Docker. PostgreSQL
 * and Redis (Debian packages, installed with apt-get when missing), n8n main in queue mode and two
 * `n8n worker` processes, the freshly built package installed for all of them, the package's Postgres
 * schema applied and a Postgres credential for it imported, the shipped workflows imported. Ctrl+C
 * stops everything (n8n first, the databases last); so does `npm run stop:scale` from elsewhere.
 * See docs/scale.md.
 *
 * Settings (environment):
 *   SC_SCALE_FOLDER       data, secrets and logs (default .scale/ in the repo; delete it to start over)
 *   SC_SCALE_PORT         port of the editor (default 5678 when free, else a free one)
 *   SC_SCALE_WORKERS      number of workers (default 2)
 *   SC_SCALE_CONCURRENCY  executions per worker at once (default 10, n8n's default)
 *   SC_SCALE_HEAP_MB      V8 old-space limit of main and each worker in MB (default 768)
 *   SC_OWNER_EMAIL, SC_OWNER_PASSWORD, GENERIC_TIMEZONE   as for `npm start`
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { choosePorts } from './ports';
import { DEFAULT_OWNER, packPackage, REPO_ROOT } from './runtime';
import { APP_DATABASE, DEFAULT_HEAP_MB, POSTGRES_CREDENTIAL, ScaleStack } from './scale/stack';
import { isAlive, readPidFile, scaleFolder, writePidFile, removePidFile } from './scale/pidFile';

const folder = scaleFolder();
const owner = { email: process.env.SC_OWNER_EMAIL ?? DEFAULT_OWNER.email, password: process.env.SC_OWNER_PASSWORD ?? DEFAULT_OWNER.password };
const say = (message: string) => console.log(`[scale] ${message}`);

/** The editor's port: SC_SCALE_PORT (refused when taken), else 5678 when free, else a free one. */
async function mainPort(): Promise<number> {
	const [editor] = await choosePorts([{ variable: 'SC_SCALE_PORT', purpose: 'Editor, REST API, webhooks and forms', defaultPort: 5678 }]);
	return editor.port;
}

/** Passes a process's output on line by line, each line marked with the process's name. */
function prefixed(): (name: string, chunk: string) => void {
	const partial = new Map<string, string>();
	return (name, chunk) => {
		const lines = ((partial.get(name) ?? '') + chunk).split('\n');
		partial.set(name, lines.pop() ?? '');
		for (const line of lines) if (line.trim() !== '') console.log(`[${name}] ${line}`);
	};
}

async function main(): Promise<void> {
	const running = readPidFile(folder);
	if (running && isAlive(running.supervisor)) throw new Error(`the scale stack already runs (process ${running.supervisor}); stop it with \`npm run stop:scale\``);

	// Ctrl+C while the stack comes up: stop it as soon as it is there to stop.
	let stack = undefined as ScaleStack | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping || !stack) {
			stopping = true;
			return;
		}
		stopping = true;
		say('stopping: workers and main, then Redis, then PostgreSQL');
		await stack.stop();
		removePidFile(folder);
		say('stopped');
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pack-'));
	const tarball = packPackage(packDir);
	stack = await ScaleStack.prepare({
		dir: folder,
		tarball,
		workers: Number(process.env.SC_SCALE_WORKERS ?? 2),
		concurrency: Number(process.env.SC_SCALE_CONCURRENCY ?? 10),
		heapMb: Number(process.env.SC_SCALE_HEAP_MB ?? DEFAULT_HEAP_MB),
		mainPort: await mainPort(),
		owner,
		timezone: process.env.GENERIC_TIMEZONE ?? 'Europe/Amsterdam',
		onOutput: prefixed(),
		progress: say,
	}).finally(() => fs.rmSync(packDir, { recursive: true, force: true }));

	if (stopping) {
		stopping = false;
		await stop(0);
		return;
	}

	try {
		const workflowsDir = path.join(REPO_ROOT, 'workflows');
		say('importing the workflows in workflows/');
		// Shipped workflows carry fixed ids: importing again updates them instead of adding copies.
		await stack.main.cli(['import:workflow', '--separate', `--input=${workflowsDir}`]);
		// The Postgres edition (its workflows name the two credentials the stack created).
		say('importing the Postgres edition in workflows/postgres/');
		await stack.main.cli(['import:workflow', '--separate', `--input=${path.join(workflowsDir, 'postgres')}`]);
		say(`starting n8n main and ${stack.workers.length} workers`);
		writePidFile(folder, { supervisor: process.pid, processes: stack.pids() });
		await stack.startN8n();
	} catch (error) {
		if (!stopping) console.error(error instanceof Error ? error.message : error);
		stopping = false;
		await stop(1);
		return;
	}
	writePidFile(folder, { supervisor: process.pid, processes: stack.pids() });

	console.log(
		[
			'',
			`  n8n in queue mode with n8n-nodes-social-collections is ready: http://localhost:${stack.main.port}`,
			`  Sign in as ${owner.email} / ${owner.password}`,
			`  Main hands production executions (webhooks, forms, schedules) to ${stack.workers.length} workers via Redis on port ${stack.redis.port}.`,
			`  PostgreSQL on 127.0.0.1:${stack.postgres.port}: database "${APP_DATABASE}" has the sc_ schema (version ${stack.schema.current});`,
			`  the credential "${POSTGRES_CREDENTIAL.name}" reaches it (passwords in ${path.join(folder, 'secrets.json')}).`,
			`  Data and logs live in ${folder} (delete it to start over).`,
			'  Stop with Ctrl+C, or `npm run stop:scale` from another terminal.',
			'',
		].join('\n'),
	);

	// A process that dies takes the stack down: a half stack would look alive and run nothing.
	const started = stack;
	const watch = setInterval(() => {
		const dead = Object.entries(started.pids()).find(([, pid]) => !isAlive(pid));
		if (dead && !stopping) {
			clearInterval(watch);
			console.error(`[scale] ${dead[0]} exited; see ${started.logFile(dead[0])}`);
			void stop(1);
		}
	}, 2000);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
