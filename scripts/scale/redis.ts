/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tooling runs in plain Node, not inside n8n */
/**
 * A Redis server of its own for n8n's job queue (Bull): Debian's `redis-server` (installed with
 * apt-get when missing) on 127.0.0.1 at a given port, its files in a given folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { aptInstall } from './debian';

function findRedisServer(): string | undefined {
	for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin']) {
		const candidate = path.join(dir, 'redis-server');
		if (dir && fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

export function ensureRedisServer(): string {
	const found = findRedisServer();
	if (found) return found;
	aptInstall(['redis-server'], 'Redis is not installed (no redis-server)');
	const installed = findRedisServer();
	if (!installed) throw new Error('apt-get installed redis-server, but there is still no redis-server program');
	return installed;
}

/** Sends PING and resolves with true on +PONG. */
function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

export interface RedisOptions {
	dir: string;
	port: number;
	logFile: string;
	/** Keep the queue across restarts (snapshots in `dir`); tests need none. */
	persistent?: boolean;
}

export class LocalRedis {
	private constructor(
		readonly port: number,
		private readonly child: ChildProcess,
	) {}

	static async start(options: RedisOptions): Promise<LocalRedis> {
		const program = ensureRedisServer();
		fs.mkdirSync(options.dir, { recursive: true });
		fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
		const log = fs.openSync(options.logFile, 'a');
		const args = ['--port', String(options.port), '--bind', '127.0.0.1', '--dir', path.resolve(options.dir), '--daemonize', 'no', '--appendonly', 'no'];
		if (!options.persistent) args.push('--save', '');
		// Its own process group, like PostgreSQL: it stops after n8n, when our script says so.
		const child = spawn(program, args, { stdio: ['ignore', log, log], detached: true });
		fs.closeSync(log);
		const redis = new LocalRedis(options.port, child);
		const deadline = Date.now() + 30_000;
		while (!(await ping(options.port))) {
			if (child.exitCode !== null || Date.now() > deadline) {
				const tail = fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, 'utf8').slice(-3000) : '';
				throw new Error(`Redis did not start on port ${options.port}:\n${tail}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		return redis;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	async stop(timeoutMs = 15_000): Promise<void> {
		const child = this.child;
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		await exited;
		clearTimeout(timer);
	}
}

