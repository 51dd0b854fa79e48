/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the harness runs in plain Node, not inside n8n */
/**
 * After each e2e file (setupFilesAfterEnv): marks it done in the run registry, so the secret search at
 * the end of the run starts only once every other file has stopped its n8n and kept its database.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { registryDir } from '../../../scripts/e2eRegistry';

export function doneMarker(dir: string, testPath: string): string {
	return path.join(dir, 'done', createHash('sha256').update(testPath).digest('hex'));
}

afterAll(() => {
	const dir = registryDir();
	const testPath = expect.getState().testPath;
	if (!dir || !testPath) return;
	fs.mkdirSync(path.join(dir, 'done'), { recursive: true });
	fs.writeFileSync(doneMarker(dir, testPath), testPath);
});
