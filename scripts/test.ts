/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm test`: every test layer in one command. Builds the package (the end-to-end tests install the
 * packed build into a real n8n), type-checks the tests, runs jest's unit, node and e2e projects, and
 * ends with one plain line "Tests: N passed, N failed".
 *
 *   npm test                      everything
 *   npm test -- --selectProjects unit nodes   only the fast layers (any jest arguments pass through)
 *   SKIP_BUILD=1 npm test         reuse an existing dist/
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function step(label: string, command: string, args: string[]): number {
	console.log(`\n== ${label}`);
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	return result.status ?? 1;
}

const jestArgs = process.argv.slice(2);
const summaryFile = path.join(root, '.test-results', 'summary.json');
fs.rmSync(summaryFile, { force: true });

let status = 0;
if (!process.env.SKIP_BUILD) status = step('build', bin('gulp'), ['build']);
if (status === 0) status = step('type-check tests', bin('tsc'), ['--noEmit', '-p', 'tsconfig.test.json']);
if (status === 0) status = step('jest', bin('jest'), jestArgs);

if (fs.existsSync(summaryFile)) {
	const { passed, failed, skipped } = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
	console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	if (failed > 0 && status === 0) status = 1;
} else {
	console.log('\nTests: 0 passed, 1 failed');
	if (status === 0) status = 1;
}
process.exit(status);
