/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tooling runs in plain Node, not inside n8n */
/**
 * A real n8n for end-to-end tests: a fresh user folder with the packed package installed as the
 * Community Nodes installer would, the n8n CLI (import, execute, export) and a running `n8n start`
 * for webhooks and forms. Every instance has its own folder, database and port, so test files can
 * run in parallel.
 */
import axios, { type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { keptFile, recordInstance, recordSecret, registryDir, secretFieldsOf } from './e2eRegistry';
import { freePort } from './ports';
import { ensureRuntime, installPackage, instanceEnv, packageTarball, REPO_ROOT, type Runtime } from './runtime';

/** Password fields of every credential type of this package (read from credentials/), for the run registry. */
function packageSecretFields(): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	const dir = path.join(REPO_ROOT, 'credentials');
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.credentials.ts'))) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(path.join(dir, file)) as Record<string, new () => { name: string; properties: Array<{ name: string; typeOptions?: { password?: boolean } }> }>;
		for (const Type of Object.values(module)) {
			if (typeof Type !== 'function') continue;
			const credential = new Type();
			fields[credential.name] = credential.properties.filter((property) => property.typeOptions?.password).map((property) => property.name);
		}
	}
	return fields;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** The JSON items of one run of a node, per output. */
export interface NodeRun {
	outputs: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown; binary?: unknown }>>;
	error?: { message: string; description?: string };
	executionStatus?: string;
}

export interface RunResult {
	raw: { data: { resultData: { runData: Record<string, Array<{ data?: { main?: NodeRun['outputs'] }; error?: NodeRun['error']; executionStatus?: string }>>; error?: unknown; lastNodeExecuted?: string } } ; status?: string };
	/** Items of `node` on output `output` (default 0) in its first run. */
	items(node: string, output?: number): Array<Record<string, unknown>>;
	/** Every output of `node` in its first run. */
	outputs(node: string): Array<Array<Record<string, unknown>>>;
	nodeNames(): string[];
}

export interface InstanceOptions {
	timezone?: string;
	env?: Record<string, string>;
	/** The packed package to install (default: the one the e2e global setup packed). */
	tarball?: string;
	/** Use this user folder instead of a fresh temporary one (`dispose()` still removes it). */
	userFolder?: string;
	/** Leave `.n8n/nodes` as it is (the scale stack links one shared install into every folder). */
	skipInstall?: boolean;
	/** Default: one derived from the user folder. Processes of one queue-mode stack share one key. */
	encryptionKey?: string;
	/** The port of `n8n start` (default: a free one). */
	port?: number;
	/** Every output chunk of the running process (`start`, `worker`), e.g. to show or keep it. */
	onOutput?: (chunk: string) => void;
}

export { freePort };

export function toRunResult(raw: RunResult['raw']): RunResult {
	const runOf = (node: string) => {
		const runs = raw.data.resultData.runData[node];
		if (!runs || runs.length === 0) {
			throw new Error(`node "${node}" did not run; nodes that ran: ${Object.keys(raw.data.resultData.runData).join(', ')}`);
		}
		return runs[0];
	};
	return {
		raw,
		outputs(node) {
			return (runOf(node).data?.main ?? []).map((items) => (items ?? []).map((item) => item.json));
		},
		items(node, output = 0) {
			return this.outputs(node)[output] ?? [];
		},
		nodeNames() {
			return Object.keys(raw.data.resultData.runData);
		},
	};
}

export class N8nInstance {
	readonly userFolder: string;
	readonly runtime: Runtime;
	readonly timezone: string;
	private server?: ChildProcess;
	private serverLog = '';
	port?: number;
	private readonly extraEnv: Record<string, string>;
	private readonly options: InstanceOptions;

	private constructor(runtime: Runtime, userFolder: string, options: InstanceOptions, brokerPort: number) {
		this.runtime = runtime;
		this.userFolder = userFolder;
		this.options = options;
		this.timezone = options.timezone ?? 'Europe/Amsterdam';
		// Each instance its own task-runner broker port: parallel test files must not collide on 5679.
		this.extraEnv = { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...options.env };
	}

	/**
	 * New free ports for what this instance chose itself (n8n's port, the broker's), after a start
	 * found one taken: a port is free when chosen, but another process (or an outgoing connection,
	 * which draws from the same range) may take it before n8n listens on it.
	 */
	private async chooseNewPorts(): Promise<void> {
		if (this.options.port === undefined) this.port = await freePort();
		if (this.options.env?.N8N_RUNNERS_BROKER_PORT === undefined) this.extraEnv.N8N_RUNNERS_BROKER_PORT = String(await freePort());
	}

	/** A fresh n8n user folder (or the given one) with the packed package installed in `.n8n/nodes`. */
	static async create(options: InstanceOptions = {}): Promise<N8nInstance> {
		const runtime = ensureRuntime();
		const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-e2e-'));
		fs.mkdirSync(userFolder, { recursive: true });
		if (!options.skipInstall) installPackage(runtime, userFolder, options.tarball ?? packageTarball());
		return new N8nInstance(runtime, userFolder, options, await freePort());
	}

	env(): NodeJS.ProcessEnv {
		return instanceEnv(this.runtime, {
			userFolder: this.userFolder,
			timezone: this.timezone,
			port: this.port,
			encryptionKey: this.options.encryptionKey ?? `e2e-${path.basename(this.userFolder)}`,
			extra: {
				// `n8n execute` prints its run data through the logger at level info: keep info.
				N8N_LOG_LEVEL: 'info',
				// The e2e tests talk to loopback servers that stand in for the providers.
				N8N_SSRF_PROTECTION_ENABLED: 'false',
				...this.extraEnv,
			},
		});
	}

	/**
	 * Runs an n8n CLI command to completion; resolves with stdout, rejects with the output tail.
	 * Stdout goes to a file, not a pipe: n8n exits right after printing, and megabytes of run data
	 * written to a pipe are cut off at exit, while writes to a file are synchronous.
	 */
	cli(args: string[], timeoutMs = 180_000): Promise<string> {
		const outFile = path.join(this.userFolder, `cli-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.out`);
		const out = fs.openSync(outFile, 'w');
		return new Promise((resolve, reject) => {
			const child = spawn(this.runtime.nodeBin, [this.runtime.n8nEntry, ...args], {
				env: this.env(),
				cwd: this.userFolder,
				stdio: ['ignore', out, 'pipe'],
			});
			let stderr = '';
			child.stderr!.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				fs.closeSync(out);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				if (code === 0) resolve(stdout);
				else if (signal === 'SIGSEGV' || signal === 'SIGABRT') {
					// n8n 2.41.1 on Node 24 now and then crashes while tearing down after a finished
					// command (native modules; seen as SIGSEGV and as SIGABRT). Callers verify what the
					// command produced (import message, exported file, complete run data), so the
					// result is still checked.
					process.stderr.write(`warning: n8n ${args[0]} crashed on exit (${signal}); checking its output\n`);
					resolve(stdout);
				} else reject(new Error(`n8n ${args.join(' ')} exited with ${code ?? `signal ${signal}`}:\n${stderr.slice(-3000)}\n${stdout.slice(-1500)}`));
			});
		});
	}

	/** The n8n version this instance runs, as reported by the CLI. */
	async version(): Promise<string> {
		return (await this.cli(['--version'])).trim().split('\n').pop()!.trim();
	}

	/** Every installed node type (`n8n export:nodes`): an oracle for type names and versions. */
	async exportNodes(): Promise<Array<{ name: string; version: number | number[]; displayName: string; outputs?: unknown; outputNames?: string[] }>> {
		const file = path.join(this.userFolder, 'nodes.json');
		await this.cli(['export:nodes', `--output=${file}`]);
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	}

	async importCredentials(credentials: CredentialJson[]): Promise<void> {
		if (registryDir()) {
			const secretFields = packageSecretFields();
			for (const credential of credentials) {
				for (const field of secretFieldsOf(credential.type, credential.data, secretFields)) recordSecret(String(credential.data[field]), `${credential.type}.${field}`);
			}
		}
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			// The secrets in plain text live only as long as the import.
			fs.rmSync(file, { force: true });
		}
	}

	/** Imports a workflow (an id is given when missing) and returns its id. */
	async importWorkflow(workflow: WorkflowJson): Promise<string> {
		const id = workflow.id ?? `e2e${Math.random().toString(36).slice(2, 14)}`;
		const file = path.join(this.userFolder, `workflow-${id}.json`);
		fs.writeFileSync(file, JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...workflow, id }));
		const output = await this.cli(['import:workflow', `--input=${file}`]);
		if (!/Successfully imported 1 workflow/.test(output)) throw new Error(`import of workflow "${workflow.name}" reported:\n${output.slice(-3000)}`);
		return id;
	}

	/** Imports several workflows with one CLI run (each CLI run boots n8n: one is much faster than many). */
	async importWorkflows(workflows: WorkflowJson[]): Promise<void> {
		const dir = fs.mkdtempSync(path.join(this.userFolder, 'import-'));
		workflows.forEach((workflow, index) => {
			if (!workflow.id) throw new Error(`workflow "${workflow.name}" has no id`);
			fs.writeFileSync(path.join(dir, `${index}.json`), JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...workflow }));
		});
		const output = await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		if (!new RegExp(`Successfully imported ${workflows.length} workflow`).test(output)) throw new Error(`import of ${workflows.length} workflows reported:\n${output.slice(-3000)}`);
	}

	/** Publishes (activates) a workflow so its webhooks answer once `start()` runs. */
	async publishWorkflow(id: string): Promise<void> {
		await this.cli(['publish:workflow', `--id=${id}`]);
	}

	/** Runs a workflow that starts with a Manual Trigger through `n8n execute` and returns its run data. */
	async execute(id: string): Promise<RunResult> {
		const stdout = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		// The run data is pretty-printed: it opens with "{" and closes with "}" alone at the start of a
		// line; log lines may come before and after it.
		const start = stdout.search(/^\{$/m);
		const end = start < 0 ? -1 : stdout.indexOf('\n}', start);
		if (start < 0 || end < 0) throw new Error(`n8n execute printed no run data:\n${stdout.slice(-2000)}`);
		return toRunResult(JSON.parse(stdout.slice(start, end + 2)));
	}

	/** Starts `n8n start` (on a free port unless one was given) and waits until it is ready. */
	async start(timeoutMs = 120_000): Promise<void> {
		this.port = this.options.port ?? (await freePort());
		await this.launch(['start'], async () => ({ env: {}, readyUrl: `${this.baseUrl}/healthz/readiness` }), timeoutMs);
	}

	/**
	 * Starts `n8n worker` (queue mode: the environment must name the queue's Redis and a shared
	 * database) and waits until its health endpoint, on a free port, says it is ready.
	 */
	async startWorker(concurrency: number, timeoutMs = 120_000): Promise<void> {
		await this.launch(
			['worker', `--concurrency=${concurrency}`],
			async () => {
				const healthPort = await freePort();
				return {
					env: { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
					readyUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
				};
			},
			timeoutMs,
		);
	}

	/**
	 * Spawns a long-running n8n command (its extra environment and ready URL from `ports`), keeps the
	 * tail of its output and polls the ready URL until 200. A start that stops because a port was
	 * taken in the meantime is tried again on new ports, twice at most.
	 */
	private async launch(args: string[], ports: () => Promise<{ env: Record<string, string>; readyUrl: string }>, timeoutMs: number): Promise<void> {
		if (this.server) throw new Error(`this n8n instance already runs a process (${this.userFolder})`);
		for (let attempt = 1; ; attempt++) {
			const { env, readyUrl } = await ports();
			const outcome = await this.launchOnce(args, env, readyUrl, timeoutMs);
			if (outcome === 'ready') return;
			if (attempt === 3 || !/already in use/.test(this.serverLog)) throw new Error(`n8n ${args[0]} exited with ${outcome.exitCode}:\n${this.serverLog}`);
			this.server = undefined;
			this.serverLog = '';
			await this.chooseNewPorts();
		}
	}

	private async launchOnce(args: string[], env: Record<string, string>, readyUrl: string, timeoutMs: number): Promise<'ready' | { exitCode: number }> {
		const child = spawn(this.runtime.nodeBin, [this.runtime.n8nEntry, ...args], {
			env: { ...this.env(), ...env },
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = child;
		// Under an e2e run the whole log is kept for the secret search at the end of the run.
		const logFile = keptFile(`${args[0]}.log`);
		if (logFile) recordInstance({ label: `${path.basename(this.userFolder)} ${args[0]}`, log: logFile });
		const keep = (chunk: Buffer) => {
			if (logFile) fs.appendFileSync(logFile, chunk);
			this.serverLog = (this.serverLog + chunk).slice(-20000);
			this.options.onOutput?.(chunk.toString());
		};
		child.stdout!.on('data', keep);
		child.stderr!.on('data', keep);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) {
				// The last output may still be in the pipes when the exit is seen.
				await Promise.race([once(child.stdout!, 'close'), new Promise((resolve) => setTimeout(resolve, 2000))]);
				return { exitCode: child.exitCode };
			}
			try {
				const response = await axios.get(readyUrl, { validateStatus: () => true, timeout: 2000 });
				if (response.status === 200) return 'ready';
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n ${args[0]} did not become ready in ${timeoutMs} ms:\n${this.serverLog}`);
	}

	get baseUrl(): string {
		if (!this.port) throw new Error('n8n is not started');
		return `http://127.0.0.1:${this.port}`;
	}

	/** The process id of the running `n8n start` or `n8n worker` (for benchmarks that sample its memory). */
	get pid(): number | undefined {
		return this.server?.pid;
	}

	get log(): string {
		return this.serverLog;
	}

	/**
	 * Waits until n8n has registered the production webhook at `pathName`: n8n reports ready before it
	 * has activated the published workflows, and answers 404 "is not registered" until then.
	 */
	async waitForWebhook(pathName: string, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = '';
		while (Date.now() < deadline) {
			const response = await axios.get(`${this.baseUrl}/webhook/${pathName}`, { validateStatus: () => true, timeout: 5000 });
			last = JSON.stringify(response.data);
			// Registered for another method answers with a hint; a GET webhook answers for real.
			if (response.status !== 404 || /not registered for GET requests/.test(last)) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`webhook ${pathName} was not registered within ${timeoutMs} ms: ${last}\n${this.serverLog.slice(-3000)}`);
	}

	/** POSTs to a production webhook of the running instance (after it is registered). */
	async webhook(pathName: string, body: unknown, config: AxiosRequestConfig = {}): Promise<AxiosResponse> {
		await this.waitForWebhook(pathName);
		return axios.post(`${this.baseUrl}/webhook/${pathName}`, body, { validateStatus: () => true, timeout: 60_000, ...config });
	}

	/**
	 * Kills the running `n8n start` at once (SIGKILL: no shutdown, no flush), as a crash or an
	 * out-of-memory kill would, and resolves when it is gone. The signal is sent before the first await,
	 * so a caller can kill at an exact moment (e.g. inside a provider stand-in's request handler).
	 */
	kill(): Promise<void> {
		const child = this.server;
		this.server = undefined;
		if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		child.kill('SIGKILL');
		return exited;
	}

	async stop(): Promise<void> {
		const child = this.server;
		this.server = undefined;
		if (child && child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	}

	/** Stops the server and removes the user folder (under an e2e run its database is kept for the secret search). */
	async dispose(): Promise<void> {
		await this.stop();
		const database = path.join(this.userFolder, '.n8n', 'database.sqlite');
		const kept = fs.existsSync(database) ? keptFile('database.sqlite') : undefined;
		if (kept) {
			fs.copyFileSync(database, kept);
			if (fs.existsSync(`${database}-wal`)) fs.copyFileSync(`${database}-wal`, `${kept}-wal`);
			recordInstance({ label: path.basename(this.userFolder), database: kept });
		}
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}
