/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- tests run in plain Node, not inside n8n */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { generatePortfolio } from '../../fixtures/portfolio';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'test/fixtures/generatePortfolio.ts');

function runCli(args: string[], nodeFlags: string[] = []) {
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- runs the fixture CLI under test, fixed arguments
	return spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', CLI, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
}

describe('streaming generation', () => {
	it('keeps heap growth small over 100,000 records', () => {
		const MB = 1024 * 1024;
		// Warm up (JIT, caches), then take the baseline.
		for (const item of generatePortfolio({ seed: 1, count: 500 })) JSON.stringify(item);
		const baseline = process.memoryUsage().heapUsed;
		let peak = baseline;
		let bytes = 0;
		let count = 0;
		for (const item of generatePortfolio({ seed: 1, count: 100000 })) {
			bytes += JSON.stringify(item).length;
			if (++count % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
		}
		expect(count).toBe(100000);

		// Holding the records would take at least their JSON size (objects in memory are larger still);
		// measuring it with heapUsed deltas is at the mercy of when the collector runs.
		const growth = peak - baseline;
		const heldBytes = bytes;
		// Generous bound, and far below what keeping the records would need.
		expect(growth).toBeLessThan(256 * MB);
		expect(growth).toBeLessThan(heldBytes / 5);
		expect(bytes).toBeGreaterThan(100000 * 1000);
	}, 300000);
});

describe('generate-portfolio CLI', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'portfolio-'));
	});
	afterAll(() => {
		rmSync(dir, { recursive: true, force: true });
	});

	it('writes the same records as the library, one per line, and a summary to stderr', () => {
		const result = runCli(['--count', '300', '--seed', '7']);
		expect(result.status).toBe(0);
		const expected = [...generatePortfolio({ seed: 7, count: 300 })].map(({ record }) => JSON.stringify(record) + '\n').join('');
		expect(result.stdout).toBe(expected);
		const summary = result.stderr.trim().split('\n').filter((line) => line.startsWith('portfolio:'));
		expect(summary).toHaveLength(1);
		expect(summary[0]).toMatch(/^portfolio: 300 debtors \(seed 7, reference 2026-06-30\) in [\d.]+ s, \d+ records\/s; mix: current \d+\.\d%/);
	}, 60000);

	it('writes records and truth to files, honouring --reference-date, --mix and --start', () => {
		const out = join(dir, 'records.ndjson');
		const truth = join(dir, 'truth.ndjson');
		const result = runCli(['--count', '50', '--seed', '3', '--start', '10', '--reference-date', '2025-12-31', '--mix', 'forgetful=1,dispute=1', '--out', out, '--truth', truth]);
		expect(result.status).toBe(0);
		const expected = [...generatePortfolio({ seed: 3, count: 50, startIndex: 10, referenceDate: '2025-12-31', mix: { forgetful: 1, dispute: 1 } })];
		const records = readFileSync(out, 'utf8').trimEnd().split('\n');
		const truths = readFileSync(truth, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
		expect(records).toEqual(expected.map(({ record }) => JSON.stringify(record)));
		expect(truths).toEqual(expected.map(({ record, truth: planted }) => ({ debtorId: record.debtorId, ...planted })));
		expect(new Set(truths.map((line) => line.persona))).toEqual(new Set(['forgetful', 'dispute']));
	}, 60000);

	it('rejects bad arguments with exit code 1 and the usage', () => {
		for (const args of [['--seed', '1'], ['--count', 'ten', '--seed', '1'], ['--count', '1', '--seed', '1', '--mix', 'nobody=1'], ['--count', '1', '--seed', '1', '--colour', 'red']]) {
			const result = runCli(args);
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('usage:');
		}
	}, 60000);

	it('streams with back-pressure: a small heap suffices, and a closed pipe stops it early', async () => {
		// 30,000 records are about 300 MB of JSON; with a 48 MB old space only streaming survives.
		const small = runCli(['--count', '30000', '--seed', '1', '--out', '/dev/null'], ['--max-old-space-size=48']);
		expect(small.status).toBe(0);
		expect(small.stderr).toContain('portfolio: 30000 debtors');

		// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- runs the fixture CLI under test, fixed arguments
		const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--count', '1000000', '--seed', '1'], { cwd: ROOT });
		const exit = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
		const started = Date.now();
		await new Promise<void>((done) => child.stdout.once('data', () => done()));
		child.stdout.destroy();
		const code = await exit;
		expect(code).toBe(0);
		// A million records take minutes; stopping at the first chunk takes seconds.
		expect(Date.now() - started).toBeLessThan(30000);
	}, 120000);
});
