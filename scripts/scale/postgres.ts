/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tooling runs in plain Node, not inside n8n */
/**
 * A PostgreSQL server of its own in a data folder, for the scale stack and its tests: Debian's
 * PostgreSQL binaries (installed with apt-get when missing), `initdb` once, `postgres` listening on
 * 127.0.0.1 at a given port and on a private socket folder. PostgreSQL refuses to run as root, so
 * under root the server runs as the `postgres` user the Debian package creates, owning the folder.
 *
 * Sign-in: over the socket folder (only its owner and root can enter it) the superuser `postgres`
 * needs no password; over TCP every role needs its password (scram-sha-256).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { aptInstall, isRoot } from './debian';

const BIN_ROOT = '/usr/lib/postgresql';

/** The newest `/usr/lib/postgresql/<major>/bin` that has a server, or undefined. */
export function findPostgresBin(): string | undefined {
	if (!fs.existsSync(BIN_ROOT)) return undefined;
	const majors = fs
		.readdirSync(BIN_ROOT)
		.filter((major) => /^\d+$/.test(major) && fs.existsSync(path.join(BIN_ROOT, major, 'bin', 'postgres')) && fs.existsSync(path.join(BIN_ROOT, major, 'bin', 'psql')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(BIN_ROOT, majors[0], 'bin') : undefined;
}

/** The folder of the PostgreSQL programs, installing Debian's `postgresql` first when there is none. */
export function ensurePostgresBin(): string {
	const found = findPostgresBin();
	if (found) return found;
	aptInstall(['postgresql'], `PostgreSQL is not installed (no server in ${BIN_ROOT})`);
	const installed = findPostgresBin();
	if (!installed) throw new Error(`apt-get installed postgresql, but there is still no server in ${BIN_ROOT}`);
	return installed;
}

/** The `psql` program (the one beside the server when there is one). */
export function psqlProgram(): string {
	const bin = findPostgresBin();
	return bin ? path.join(bin, 'psql') : 'psql';
}

interface Account {
	uid: number;
	gid: number;
	name: string;
}

/** Who runs the server: the current user, or under root the `postgres` system user. */
function serverAccount(): Account | undefined {
	if (!isRoot()) return undefined;
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('PostgreSQL refuses to run as root and there is no `postgres` user to run it as (Debian\'s postgresql package creates it)');
	const [name, , uid, gid] = line.split(':');
	return { name, uid: Number(uid), gid: Number(gid) };
}

/** Every folder above `dir` must let the server's user pass, or it cannot reach its data. */
function assertReachable(dir: string, account: Account | undefined): void {
	if (!account) return;
	for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
		const stat = fs.statSync(parent);
		const passable = stat.uid === account.uid ? stat.mode & 0o100 : stat.gid === account.gid ? stat.mode & 0o010 : stat.mode & 0o001;
		if (!passable) throw new Error(`the PostgreSQL server runs as "${account.name}", which may not enter ${parent}: put the data folder elsewhere or allow it (chmod o+x)`);
		if (parent === path.dirname(parent)) return;
	}
}

export interface PostgresOptions {
	/** The data folder (created with initdb when it has no cluster yet). */
	dataDir: string;
	port: number;
	/** Where the server writes its log. */
	logFile: string;
	/** Throwaway data (tests): no fsync, no waiting for the disk on commit. */
	ephemeral?: boolean;
}

export class LocalPostgres {
	private constructor(
		readonly binDir: string,
		readonly port: number,
		/** The folder of the server's Unix socket (short and private; a new one each start). */
		readonly socketDir: string,
		private readonly child: ChildProcess,
		private readonly logFile: string,
	) {}

	static async start(options: PostgresOptions): Promise<LocalPostgres> {
		const binDir = ensurePostgresBin();
		const account = serverAccount();
		const owned = { uid: account?.uid, gid: account?.gid };
		const dataDir = path.resolve(options.dataDir);
		if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
			fs.mkdirSync(dataDir, { recursive: true });
			assertReachable(dataDir, account);
			if (account) fs.chownSync(dataDir, account.uid, account.gid);
			fs.chmodSync(dataDir, 0o700);
			const init = spawnSync(
				path.join(binDir, 'initdb'),
				['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C', ...(options.ephemeral ? ['--no-sync'] : [])],
				{ ...owned, cwd: os.tmpdir(), encoding: 'utf8' },
			);
			if (init.status !== 0) throw new Error(`initdb of ${dataDir} failed (exit ${init.status ?? init.error?.message}):\n${init.stdout}${init.stderr}`);
		}
		// Socket paths are limited to about 100 characters: a short private folder in the temp folder.
		const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-pg-'));
		if (account) fs.chownSync(socketDir, account.uid, account.gid);
		fs.chmodSync(socketDir, 0o700);
		fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
		const log = fs.openSync(options.logFile, 'a');
		const settings = ['-c', 'listen_addresses=127.0.0.1', ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])];
		// Its own process group: Ctrl+C in a terminal reaches only our script, which stops n8n first
		// and the database last.
		const child = spawn(path.join(binDir, 'postgres'), ['-D', dataDir, '-p', String(options.port), '-k', socketDir, ...settings], {
			...owned,
			cwd: os.tmpdir(),
			stdio: ['ignore', log, log],
			detached: true,
		});
		fs.closeSync(log);
		const server = new LocalPostgres(binDir, options.port, socketDir, child, options.logFile);
		await server.waitReady();
		return server;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	private async waitReady(timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child.exitCode !== null) throw new Error(`PostgreSQL exited with ${this.child.exitCode}:\n${this.logTail()}`);
			const ready = spawnSync(path.join(this.binDir, 'pg_isready'), ['-q', '-U', 'postgres', '-h', this.socketDir, '-p', String(this.port)]);
			if (ready.status === 0) return;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		throw new Error(`PostgreSQL did not accept connections within ${timeoutMs} ms:\n${this.logTail()}`);
	}

	private logTail(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8').slice(-3000) : '(no log)';
	}

	/** A libpq URL for the superuser over the socket (no password; only this machine's root or owner). */
	adminUrl(database = 'postgres'): string {
		return `postgresql://postgres@/${database}?host=${encodeURIComponent(this.socketDir)}&port=${this.port}`;
	}

	/** A libpq URL over TCP on 127.0.0.1, as n8n and its Postgres credential connect. */
	url(database: string, user: string, password: string): string {
		return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
	}

	/** Runs SQL as the superuser; returns psql's unaligned, tuples-only output. */
	sql(statements: string, database = 'postgres'): string {
		return psql(this.adminUrl(database), statements);
	}

	/** A login role with this password owning database `name` (both created when missing). */
	ensureDatabase(name: string, owner: string, password: string): void {
		for (const [what, value] of [['database', name], ['role', owner], ['password', password]]) {
			// Names and the password go into SQL text: only plain characters, so no quoting can break.
			if (!/^[a-z0-9_]+$/.test(value)) throw new Error(`${what} for PostgreSQL must be lower-case letters, digits and _`);
		}
		this.sql(
			[
				`SELECT format('CREATE ROLE %I LOGIN', '${owner}') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') \\gexec`,
				`ALTER ROLE ${owner} LOGIN PASSWORD '${password}';`,
				`SELECT format('CREATE DATABASE %I OWNER %I', '${name}', '${owner}') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${name}') \\gexec`,
			].join('\n'),
		);
	}

	/** Fast shutdown (open sessions are ended, everything committed stays). */
	async stop(timeoutMs = 30_000): Promise<void> {
		const child = this.child;
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGINT');
			const timer = setTimeout(() => child.kill('SIGQUIT'), timeoutMs);
			await exited;
			clearTimeout(timer);
		}
		fs.rmSync(this.socketDir, { recursive: true, force: true });
	}
}

/**
 * Runs SQL (statements and psql meta-commands, fed on standard input) against a libpq URL with
 * psql; stops at the first error. Returns the unaligned, tuples-only output.
 */
export function psql(url: string, statements: string): string {
	const result = spawnSync(psqlProgram(), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url], {
		input: statements,
		encoding: 'utf8',
		cwd: os.tmpdir(),
		env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
	});
	if (result.status !== 0) {
		throw new PsqlError(`psql failed (exit ${result.status ?? result.error?.message}): ${result.stderr.trim().slice(-3000)}`, result.stderr);
	}
	return result.stdout;
}

/** A failed psql run; `stderr` holds PostgreSQL's message (e.g. which constraint refused a row). */
export class PsqlError extends Error {
	constructor(
		message: string,
		readonly stderr: string,
	) {
		super(message);
	}
}
