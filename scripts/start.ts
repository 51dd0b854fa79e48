/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm start`: the product on this machine. Provisions the pinned n8n on Node 24 (cached), installs
 * the freshly built package into a local n8n user folder as the Community Nodes installer would,
 * imports every workflow in workflows/ and starts n8n on http://localhost:5678 with a preset owner.
 *
 * Settings (environment):
 *   N8N_PORT            port (default 5678)
 *   SC_LOCAL_FOLDER     n8n user folder with database and settings (default .n8n-local/ in the repo)
 *   SC_OWNER_EMAIL      owner login (default owner@example.com)
 *   SC_OWNER_PASSWORD   owner password (default SocialCollections1)
 *   GENERIC_TIMEZONE    workflow time zone (default Europe/Amsterdam)
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEFAULT_OWNER, ensureRuntime, installPackage, instanceEnv, ownerEnv, packPackage, REPO_ROOT, type Runtime } from './runtime';

const port = Number(process.env.N8N_PORT ?? 5678);
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

function env(runtime: Runtime): NodeJS.ProcessEnv {
	return instanceEnv(runtime, {
		userFolder,
		port,
		timezone: process.env.GENERIC_TIMEZONE ?? 'Europe/Amsterdam',
		encryptionKey: encryptionKey(),
		extra: ownerEnv({ email: ownerEmail, password: ownerPassword }),
	});
}

function cli(runtime: Runtime, args: string[]): void {
	const result = spawnSync(runtime.nodeBin, [runtime.n8nEntry, ...args], { env: env(runtime), encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

function main(): void {
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

	const n8n = spawn(runtime.nodeBin, [runtime.n8nEntry, 'start'], { env: env(runtime), stdio: 'inherit' });
	const stop = () => n8n.kill('SIGTERM');
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

main();
