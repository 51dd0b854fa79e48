/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- the harness runs in plain Node, not inside n8n */
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

import { packageTarball } from '../../../scripts/runtime';
import { ScaleStack, type ScaleStackOptions } from '../../../scripts/scale/stack';

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
	await stack.stop();
	if (process.env.KEEP_SCALE_STACK) process.stderr.write(`scale stack kept in ${stack.dir}\n`);
	else fs.rmSync(stack.dir, { recursive: true, force: true });
}
