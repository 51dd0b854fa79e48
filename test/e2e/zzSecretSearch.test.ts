/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tests run in plain Node, not inside n8n */
/**
 * Last of the e2e run (test/e2e/harness/sequencer.js): every secret and token the run's tests
 * configured through the harness, and every signature they computed from one, searched in all that
 * the run's n8n instances stored: every table of every SQLite database (execution data, workflow
 * history, workflows), the PostgreSQL dumps of the queue-mode stacks, and every log. Nothing may be
 * found. The run registry (kept databases and logs) is removed afterwards.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

import { readRegistry, registryDir, type RegistryContent } from '../../scripts/e2eRegistry';
import { ensureRuntime } from '../../scripts/runtime';
import { doneMarker } from './harness/doneMarker';
import { needlesOf, searchText, sqliteText, type Finding } from './harness/secretSearch';

jest.setTimeout(3_600_000);

const dir = registryDir();
const describeInRun = dir ? describe : describe.skip;

/** Waits until every other e2e file of this run has finished (its done marker is written). */
async function othersFinished(registry: string, timeoutMs: number): Promise<void> {
	const files: string[] = JSON.parse(fs.readFileSync(path.join(registry, 'tests.json'), 'utf8'));
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = files.filter((file) => !fs.existsSync(doneMarker(registry, file)));
		if (open.length === 0) return;
		if (Date.now() > deadline) throw new Error(`still running after ${timeoutMs / 60000} minutes: ${open.join(', ')}`);
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

describeInRun('secret search over the whole e2e run', () => {
	let registry: RegistryContent;

	beforeAll(async () => {
		await othersFinished(dir!, 3_000_000);
		registry = readRegistry(dir!);
	});

	afterAll(() => {
		if (dir && !process.env.KEEP_E2E_REGISTRY) fs.rmSync(dir, { recursive: true, force: true });
	});

	test('the search finds a planted secret in a real n8n database (it can fail)', () => {
		const planted = { kind: 'secret' as const, value: 'planted-secret-value-for-the-search', label: 'planted' };
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-planted-'));
		try {
			const database = path.join(folder, 'database.sqlite');
			const runtime = ensureRuntime();
			const script = `const sqlite3 = require(process.argv[1]); const db = new sqlite3.Database(process.argv[2]);
db.serialize(() => { db.run('CREATE TABLE execution_data (data TEXT)'); db.run('INSERT INTO execution_data VALUES (?)', [process.argv[3]]); }); db.close();`;
			const encoded = JSON.stringify({ nodes: [{ parameters: { token: Buffer.from(planted.value).toString('base64') } }] });
			const made = spawnSync(runtime.nodeBin, ['-e', script, path.join(runtime.n8nDir, 'node_modules', 'sqlite3'), database, encoded], { encoding: 'utf8' });
			expect(made.stderr).toBe('');
			expect(searchText(sqliteText(database), needlesOf([planted]), 'planted')).toEqual([{ label: 'planted', form: 'base64', where: 'planted' }]);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});

	test('no database, dump or log of the run holds a configured secret or a signature computed from one', () => {
		const needles = needlesOf(registry.secrets);
		const findings: Finding[] = [];
		for (const instance of registry.instances) {
			if (instance.database && fs.existsSync(instance.database)) findings.push(...searchText(sqliteText(instance.database), needles, `database of ${instance.label}`));
			if (instance.dump && fs.existsSync(instance.dump)) findings.push(...searchText(fs.readFileSync(instance.dump, 'utf8'), needles, `database dump of ${instance.label}`));
			if (instance.log && fs.existsSync(instance.log)) findings.push(...searchText(fs.readFileSync(instance.log, 'utf8'), needles, `log of ${instance.label}`));
		}
		process.stdout.write(`secret search: ${needles.length} values in ${registry.instances.length} databases and logs\n`);
		expect(findings).toEqual([]);
	});
});
