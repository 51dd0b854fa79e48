/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- benchmarks run in plain Node, not inside n8n */
/**
 * `npm run bench`: runs every benchmark in test/bench (each in its own process, with --expose-gc so
 * heap figures are measured after a collection, and an 8 GB heap for 100k debtors and their full copy)
 * one after the other, and prints their figures. They run on the pinned Node (scripts/runtime.ts, the
 * version n8n runs on here, provisioned into the cache like the end-to-end runtime), not on whatever
 * Node started npm: V8 versions differ by a third in these figures.
 * Pass names to run only some: `npm run bench -- debtorSegmenter`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureNode } from '../../scripts/runtime';

const here = __dirname;
const wanted = process.argv.slice(2);
const benches = fs
	.readdirSync(here)
	.filter((file) => file.endsWith('.ts') && !['lib.ts', 'run.ts'].includes(file))
	.filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
	.sort();

const node = ensureNode();
let failed = 0;
for (const file of benches) {
	console.log(`\n== ${file}`);
	const result = spawnSync(node, ['--expose-gc', '--max-old-space-size=8000', '--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
	if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
