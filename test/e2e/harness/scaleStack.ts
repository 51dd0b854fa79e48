/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-dangerous-functions -- the harness runs in plain Node, not inside n8n */
/**
 * The queue-mode stack of `npm run start:scale` for an e2e test: PostgreSQL, Redis, n8n main and two
 * workers in a throwaway folder, with the package the e2e global setup packed.
 *
 *   const stack = await prepareScaleStack();
 *   await stack.main.importWorkflow(wf);
 *   await stack.main.publishWorkflow(wf.id);
 *   await stack.startN8n();
 *   ...
 *   await disposeScaleStack(stack);   // stops everything, removes the folder
 *
 * KEEP_SCALE_STACK=1 keeps the folder (logs of every process under logs/) after the test.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { spawnSync } from 'node:child_process';

import { keptFile, recordInstance } from '../../../scripts/e2eRegistry';
import { packageTarball } from '../../../scripts/runtime';
import { N8N_DATABASE, ScaleStack, type ScaleStackOptions } from '../../../scripts/scale/stack';

export async function prepareScaleStack(options: Partial<ScaleStackOptions> = {}): Promise<ScaleStack> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-scale-'));
	// PostgreSQL runs as the postgres user under root: it must be able to pass through this folder.
	fs.chmodSync(dir, 0o711);
	try {
		return await ScaleStack.prepare({ dir, tarball: packageTarball(), ephemeral: true, ...options });
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}

export async function disposeScaleStack(stack: ScaleStack | undefined): Promise<void> {
	if (!stack) return;
	// Under an e2e run with the secret search: n8n's database (executions, workflow history) as SQL text.
	const dump = keptFile('n8n-postgres.sql');
	if (dump) {
		await Promise.all([stack.main, ...stack.workers].map((instance) => instance.stop()));
		const result = spawnSync(path.join(stack.postgres.binDir, 'pg_dump'), ['--data-only', '-f', dump, '-d', stack.postgres.adminUrl(N8N_DATABASE)], { encoding: 'utf8' });
		if (result.status === 0) recordInstance({ label: `scale stack ${path.basename(stack.dir)}`, dump });
		else process.stderr.write(`pg_dump of the stack's n8n database failed: ${result.stderr}
`);
	}
	await stack.stop();
	if (process.env.KEEP_SCALE_STACK) process.stderr.write(`scale stack kept in ${stack.dir}\n`);
	else fs.rmSync(stack.dir, { recursive: true, force: true });
}
