/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- tooling runs in plain Node, not inside n8n */
/**
 * n8n in queue mode on this machine, without Docker: PostgreSQL (n8n's database and the package's
 * `sc_` schema), Redis (the job queue), one `n8n start` (editor, API, webhooks, schedules: it hands
 * every production execution to the queue) and `n8n worker` processes that run them. The package is
 * installed once and linked into the user folder of every n8n process, so main and workers load the
 * same build. Used by `npm run start:scale` and by the e2e tests (test/e2e/harness/scaleStack.ts).
 *
 *   <dir>/secrets.json         encryption key and database passwords (made on first start, kept)
 *   <dir>/postgres/            the PostgreSQL cluster (owned by the `postgres` user under root)
 *   <dir>/redis/               Redis' files
 *   <dir>/nodes/               the installed package (what n8n reads as ~/.n8n/nodes)
 *   <dir>/n8n/<process>/       the user folder of main, worker-1, worker-2, ...
 *   <dir>/logs/<process>.log   the output of every process
 *
 * Start in two steps, `prepare()` then `startN8n()`, so workflows can be imported in between (n8n
 * registers the webhooks of published workflows when main starts).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { freePort, N8nInstance, type CredentialJson } from '../n8nInstance';
import { DEFAULT_OWNER, ensureRuntime, installPackageInto, ownerEnv } from '../runtime';
import { BATCH_CREDENTIAL, POSTGRES_CREDENTIAL } from '../../workflows/src/postgres';
import { applyMigrations, type MigrationResult } from './migrate';
import { LocalPostgres } from './postgres';
import { LocalRedis } from './redis';

/** The database of the package's tables and the role that owns it. */
export const APP_DATABASE = 'social_collections';
/** n8n's own database (workflows, credentials, executions) and its role. */
export const N8N_DATABASE = 'n8n';
/**
 * The n8n credential (type Postgres) for the package's tables, and the JWT credential of the
 * Postgres edition's batch webhook, imported into every stack; the workflows name them.
 */
export { BATCH_CREDENTIAL, POSTGRES_CREDENTIAL } from '../../workflows/src/postgres';

/**
 * The old-space limit (`--max-old-space-size`) of main and every worker. Without one V8 lets a
 * long-running worker's heap grow towards its default limit before it collects hard: 1.6 GB RSS
 * after ten busy minutes at 1,000,000 debtors. What a process holds at once is bounded by the batch
 * size times its jobs, far below this; docs/scale.md has the figures with and without it.
 */
export const DEFAULT_HEAP_MB = 768;

/** NODE_OPTIONS with the old-space limit added to what the environment already has. */
export function heapLimitedNodeOptions(heapMb: number, inherited = process.env.NODE_OPTIONS ?? ''): string {
	if (!(Number.isInteger(heapMb) && heapMb >= 256)) throw new Error(`the heap limit must be a whole number of MB, at least 256 (got ${heapMb})`);
	const others = inherited.split(/\s+/).filter((option) => option !== '' && !option.startsWith('--max-old-space-size'));
	return [...others, `--max-old-space-size=${heapMb}`].join(' ');
}

export interface ScaleStackOptions {
	/** The folder for all data and logs (see above). */
	dir: string;
	/** The packed package (`npm pack`) to install. */
	tarball: string;
	workers?: number;
	/** Jobs per worker at once (`n8n worker --concurrency`). */
	concurrency?: number;
	/** V8's old-space limit of every n8n process in MB (default DEFAULT_HEAP_MB). */
	heapMb?: number;
	/** Throwaway data (tests): Redis keeps no snapshot, PostgreSQL does not wait for the disk. */
	ephemeral?: boolean;
	/** The port of n8n main (default: a free one). */
	mainPort?: number;
	owner?: { email: string; password: string };
	timezone?: string;
	/** Output of every n8n process as it comes, with the process name (`main`, `worker-1`, ...). */
	onOutput?: (process: string, chunk: string) => void;
	/** Progress messages. */
	progress?: (message: string) => void;
}

interface Secrets {
	encryptionKey: string;
	n8nDatabasePassword: string;
	appDatabasePassword: string;
	/** The passphrase of the batch webhook's JWT credential (added to older secrets.json files). */
	batchSecret: string;
}

function secretsIn(dir: string): Secrets {
	const file = path.join(dir, 'secrets.json');
	if (!fs.existsSync(file)) {
		// Kept with the data: the credentials n8n encrypted stay readable and the roles keep their password.
		const secret = () => randomBytes(18).toString('hex');
		const made: Secrets = { encryptionKey: secret(), n8nDatabasePassword: secret(), appDatabasePassword: secret(), batchSecret: secret() };
		fs.writeFileSync(file, JSON.stringify(made, null, 2), { mode: 0o600 });
	}
	const secrets = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>;
	if (!secrets.batchSecret) {
		secrets.batchSecret = randomBytes(24).toString('hex');
		fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	}
	return secrets as Secrets;
}

/** Appends every chunk to the process's log file and passes it on. */
function logTo(file: string, name: string, onOutput?: ScaleStackOptions['onOutput']): (chunk: string) => void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	return (chunk) => {
		fs.appendFileSync(file, chunk);
		onOutput?.(name, chunk);
	};
}

export class ScaleStack {
	private constructor(
		readonly dir: string,
		readonly postgres: LocalPostgres,
		readonly redis: LocalRedis,
		readonly main: N8nInstance,
		readonly workers: N8nInstance[],
		private readonly secrets: Secrets,
		readonly schema: MigrationResult,
		private readonly concurrency: number,
	) {}

	/**
	 * PostgreSQL and Redis running, both databases and the `sc_` schema in place, the package
	 * installed for every n8n process, n8n's database migrated and the Postgres credential imported.
	 */
	static async prepare(options: ScaleStackOptions): Promise<ScaleStack> {
		const say = options.progress ?? (() => {});
		const dir = path.resolve(options.dir);
		fs.mkdirSync(dir, { recursive: true });
		const secrets = secretsIn(dir);
		const runtime = ensureRuntime();
		const logs = path.join(dir, 'logs');

		say('starting PostgreSQL and Redis, installing the package');
		const [postgresPort, redisPort] = [await freePort(), await freePort()];
		const postgres = LocalPostgres.start({ dataDir: path.join(dir, 'postgres'), port: postgresPort, logFile: path.join(logs, 'postgres.log'), ephemeral: options.ephemeral });
		const redis = LocalRedis.start({ dir: path.join(dir, 'redis'), port: redisPort, logFile: path.join(logs, 'redis.log'), persistent: !options.ephemeral });
		// Both servers are already starting (separate processes) while this installs.
		const nodesDir = path.join(dir, 'nodes');
		installPackageInto(runtime, nodesDir, options.tarball);
		const [pgStarted, queueStarted] = await Promise.allSettled([postgres, redis]);
		if (pgStarted.status === 'rejected' || queueStarted.status === 'rejected') {
			if (pgStarted.status === 'fulfilled') await pgStarted.value.stop();
			if (queueStarted.status === 'fulfilled') await queueStarted.value.stop();
			throw pgStarted.status === 'rejected' ? pgStarted.reason : (queueStarted as PromiseRejectedResult).reason;
		}
		const [pg, queue] = [pgStarted.value, queueStarted.value];
		try {
			return await ScaleStack.setUp(dir, pg, queue, secrets, options);
		} catch (error) {
			await queue.stop();
			await pg.stop();
			throw error;
		}
	}

	private static async setUp(dir: string, pg: LocalPostgres, queue: LocalRedis, secrets: Secrets, options: ScaleStackOptions): Promise<ScaleStack> {
		const say = options.progress ?? (() => {});
		const logs = path.join(dir, 'logs');
		const nodesDir = path.join(dir, 'nodes');
		pg.ensureDatabase(N8N_DATABASE, N8N_DATABASE, secrets.n8nDatabasePassword);
		pg.ensureDatabase(APP_DATABASE, APP_DATABASE, secrets.appDatabasePassword);
		const schema = applyMigrations(pg.url(APP_DATABASE, APP_DATABASE, secrets.appDatabasePassword));
		say(`schema at version ${schema.current}${schema.applied.length > 0 ? ` (applied ${schema.applied.join(', ')})` : ''}`);

		const queueModeEnv = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: N8N_DATABASE,
			DB_POSTGRESDB_USER: N8N_DATABASE,
			DB_POSTGRESDB_PASSWORD: secrets.n8nDatabasePassword,
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(queue.port),
			NODE_OPTIONS: heapLimitedNodeOptions(options.heapMb ?? DEFAULT_HEAP_MB),
		};
		const instance = async (name: string, env: Record<string, string>) => {
			const userFolder = path.join(dir, 'n8n', name);
			const link = path.join(userFolder, '.n8n', 'nodes');
			fs.mkdirSync(path.dirname(link), { recursive: true });
			if (!fs.existsSync(link)) fs.symlinkSync(nodesDir, link, 'dir');
			return N8nInstance.create({
				userFolder,
				skipInstall: true,
				encryptionKey: secrets.encryptionKey,
				timezone: options.timezone,
				env: { ...queueModeEnv, ...env },
				port: name === 'main' ? options.mainPort : undefined,
				onOutput: logTo(path.join(logs, `${name}.log`), name, options.onOutput),
			});
		};
		const main = await instance('main', ownerEnv(options.owner ?? DEFAULT_OWNER));
		const workers = await Promise.all(Array.from({ length: options.workers ?? 2 }, (_, i) => instance(`worker-${i + 1}`, {})));
		const stack = new ScaleStack(dir, pg, queue, main, workers, secrets, schema, options.concurrency ?? 5);

		// The first n8n command migrates n8n's database; the processes started later find it ready.
		say('setting up n8n\'s database and importing the Postgres credential');
		await main.importCredentials([stack.postgresCredential(), stack.batchCredential()]);
		return stack;
	}

	/** The n8n credential (type Postgres) that reaches the package's tables. */
	postgresCredential(): CredentialJson {
		return {
			...POSTGRES_CREDENTIAL,
			type: 'postgres',
			data: {
				host: '127.0.0.1',
				port: this.postgres.port,
				database: APP_DATABASE,
				user: APP_DATABASE,
				password: this.secrets.appDatabasePassword,
				ssl: 'disable',
				// Each n8n process keeps a pool per credential: main and the workers stay far below
				// PostgreSQL's 100 connections.
				maxConnections: 10,
			},
		};
	}

	/**
	 * The JWT credential (a passphrase) with which the Postgres edition's dispatcher signs its calls
	 * of the batch webhook and the webhook checks them.
	 */
	batchCredential(): CredentialJson {
		return { ...BATCH_CREDENTIAL, type: 'jwtAuth', data: { keyType: 'passphrase', secret: this.secrets.batchSecret, algorithm: 'HS256' } };
	}

	/** The passphrase of the batch webhook's credential (for tests). */
	get batchSecret(): string {
		return this.secrets.batchSecret;
	}

	/** A libpq URL for the package's tables (what the credential holds). */
	get appDatabaseUrl(): string {
		return this.postgres.url(APP_DATABASE, APP_DATABASE, this.secrets.appDatabasePassword);
	}

	/** A libpq URL for n8n's own database (executions, workflows). */
	get n8nDatabaseUrl(): string {
		return this.postgres.url(N8N_DATABASE, N8N_DATABASE, this.secrets.n8nDatabasePassword);
	}

	/**
	 * Starts main and the workers side by side and waits until all are ready. Three n8n processes
	 * booting at once on two cores take a while: allow `timeoutMs` for each.
	 */
	async startN8n(timeoutMs = 300_000): Promise<void> {
		await Promise.all([this.main.start(timeoutMs), ...this.workers.map((worker) => worker.startWorker(this.concurrency, timeoutMs))]);
	}

	/** Process ids by name, for `npm run stop:scale` when this script cannot stop them itself. */
	pids(): Record<string, number | undefined> {
		return {
			...Object.fromEntries(this.workers.map((worker, i) => [`worker-${i + 1}`, worker.pid])),
			main: this.main.pid,
			redis: this.redis.pid,
			postgres: this.postgres.pid,
		};
	}

	logFile(name: string): string {
		return path.join(this.dir, 'logs', `${name}.log`);
	}

	/** Stops n8n first (workers finish their jobs), then Redis, then PostgreSQL. */
	async stop(): Promise<void> {
		await Promise.all([this.main, ...this.workers].map((instance) => instance.stop()));
		await this.redis.stop();
		await this.postgres.stop();
	}
}
