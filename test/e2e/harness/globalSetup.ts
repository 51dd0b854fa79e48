/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the harness runs in plain Node, not inside n8n */
/**
 * Once per e2e run: provision the pinned Node 24 + n8n (cached outside the repo) and pack the built
 * package, so every test file installs exactly what `npm publish` would ship.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureRuntime, packageTarball, packPackage } from '../../../scripts/runtime';

export default async function globalSetup(): Promise<void> {
	ensureRuntime();
	const target = packageTarball();
	fs.rmSync(path.dirname(target), { recursive: true, force: true });
	const packed = packPackage(path.dirname(target));
	fs.renameSync(packed, target);
}
