/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm start`: the product on this machine. Builds the package, provisions the pinned n8n on Node 24
 * (cached), installs the freshly built package into a local n8n user folder as the Community Nodes
 * installer would, imports every workflow in workflows/ and starts n8n with a preset owner.
 *
 * It lives beside another n8n: each port it starts something on is n8n's default when free, else a
 * free one (a port set in the environment is used as set, or refused when taken), and the ports are
 * printed.
 *
 * Settings (environment):
 *   N8N_PORT                  editor, REST API, webhooks and forms (default 5678, else a free port)
 *   N8N_RUNNERS_BROKER_PORT   n8n's task broker, which Code nodes' task runner connects to (default 5679, else a free port)
 *   SC_LOCAL_FOLDER           n8n user folder with database and settings (default .n8n-local/ in the repo)
 *   SC_OWNER_EMAIL            owner login (default owner@example.com)
 *   SC_OWNER_PASSWORD         owner password (default SocialCollections1)
 *   GENERIC_TIMEZONE          workflow time zone (default Europe/Amsterdam)
 *   SKIP_BUILD=1              use the dist/ there is instead of building first
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { choosePorts, describePorts, type ChosenPort } from './ports';
import { DEFAULT_OWNER, ensureRuntime, installPackage, instanceEnv, ownerEnv, packPackage, REPO_ROOT, type Runtime } from './runtime';

const userFolder = path.resolve(process.env.SC_LOCAL_FOLDER ?? path.join(REPO_ROOT, '.n8n-local'));
const ownerEmail = process.env.SC_OWNER_EMAIL ?? DEFAULT_OWNER.email;
const ownerPassword = process.env.SC_OWNER_PASSWORD ?? DEFAULT_OWNER.password;

function encryptionKey(): string {
	// One random key per local folder, kept beside it: imported credentials stay readable across starts.
	const file = path.join(userFolder, 'encryption-key');
	if (!fs.existsSync(file)) {
		fs.mkdirSync(userFolder, { recursive: true });
		fs.writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
	}
	return fs.readFileSync(file, 'utf8').trim();
}

/** Every port n8n listens on in this set-up (regular mode, SQLite, task runner started by n8n). */
const PORT_SETTINGS = [
	{ variable: 'N8N_PORT', purpose: 'Editor, REST API, webhooks and forms', defaultPort: 5678 },
	{ variable: 'N8N_RUNNERS_BROKER_PORT', purpose: 'Task broker (Code nodes)', defaultPort: 5679 },
];

function env(runtime: Runtime, ports: ChosenPort[]): NodeJS.ProcessEnv {
	const portEnv = Object.fromEntries(ports.map((chosen) => [chosen.variable, String(chosen.port)]));
	return instanceEnv(runtime, {
		userFolder,
		timezone: process.env.GENERIC_TIMEZONE ?? 'Europe/Amsterdam',
		encryptionKey: encryptionKey(),
		extra: { ...ownerEnv({ email: ownerEmail, password: ownerPassword }), ...portEnv },
	});
}

function build(): void {
	if (process.env.SKIP_BUILD) return;
	const gulp = path.join(REPO_ROOT, 'node_modules', '.bin', 'gulp');
	const result = spawnSync(gulp, ['build'], { cwd: REPO_ROOT, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`the build failed (gulp build exited with ${result.status ?? result.signal})`);
}

function cli(runtime: Runtime, args: string[]): void {
	const result = spawnSync(runtime.nodeBin, [runtime.n8nEntry, ...args], { env: env(runtime, []), encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

async function main(): Promise<void> {
	build();
	const runtime = ensureRuntime();
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-pack-')));
	installPackage(runtime, userFolder, tarball);
	console.log(`Installed ${path.basename(tarball)} into ${path.join(userFolder, '.n8n', 'nodes')}`);

	const workflowsDir = path.join(REPO_ROOT, 'workflows');
	const workflows = fs.existsSync(workflowsDir) ? fs.readdirSync(workflowsDir).filter((f) => f.endsWith('.json')) : [];
	if (workflows.length > 0) {
		// Shipped workflows carry fixed ids, so importing again updates them instead of adding copies.
		cli(runtime, ['import:workflow', '--separate', `--input=${workflowsDir}`]);
		console.log(`Imported ${workflows.length} workflow(s) from workflows/`);
	}

	// Chosen right before n8n starts, so a port is free when it binds it (the CLI above listens on none).
	const ports = await choosePorts(PORT_SETTINGS);
	const port = ports[0].port;
	console.log(`\nStarting n8n on these ports of 127.0.0.1:\n${describePorts(ports).map((line) => `  ${line}`).join('\n')}\n`);
	const n8n = spawn(runtime.nodeBin, [runtime.n8nEntry, 'start'], { env: env(runtime, ports), stdio: 'inherit' });
	let stopping = false;
	const stop = () => {
		// Ctrl+C reaches n8n too (same process group); one signal from here is enough for a graceful stop.
		if (stopping) return;
		stopping = true;
		n8n.kill('SIGTERM');
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const url = `http://localhost:${port}`;
	const announce = setInterval(async () => {
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			if (response.ok) {
				clearInterval(announce);
				console.log(
					`\n  n8n with n8n-nodes-social-collections is ready: ${url}\n` +
						`  Sign in as ${ownerEmail} / ${ownerPassword}\n` +
						describePorts(ports).map((line) => `  ${line}\n`).join('') +
						`  Data lives in ${userFolder} (delete it to start over). Stop with Ctrl+C.\n`,
				);
			}
		} catch {
			// not listening yet
		}
	}, 1000);
	n8n.on('exit', (code) => {
		clearInterval(announce);
		process.exit(code ?? 0);
	});
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
