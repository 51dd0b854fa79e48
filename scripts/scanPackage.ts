/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- tooling runs in plain Node, not inside n8n */
/**
 * `npm run scan`: n8n's verification scan (`@n8n/scan-community-package`, pinned) on the package as
 * `npm publish` would ship it. The scanner's own `analyzePackage` runs both legs its
 * `analyzePackageByName` runs, without the registry and GitHub downloads:
 *   - the tarball: the packed package, unpacked, `**\/*.js` and `package.json`;
 *   - the source: this checkout with the scanner's SOURCE_FILE_PATTERNS (what provenance points at).
 *
 *   npm run scan                      build, pack, and print the scanner's report of each leg
 *   tsx scripts/scanPackage.ts --json [--dir <unpacked package>]
 *                                     the violations per file and rule as JSON (the e2e test reads it)
 *
 * Exits 1 when a leg has violations.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { packPackage, REPO_ROOT } from './runtime';

interface AnalyzeResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(packageDir: string, filePatterns?: string[]): Promise<AnalyzeResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The tarball leg's patterns, as analyzePackageByName passes them. */
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

export interface Violation {
	/** Path relative to the scanned folder, e.g. `dist/nodes/ToneTemplate/ToneTemplate.node.js`. */
	file: string;
	rule: string;
	count: number;
}

export interface LegReport {
	leg: 'tarball' | 'source';
	passed: boolean;
	message?: string;
	violations: Violation[];
	/** The scanner's stylish report, as n8n's verification shows it. */
	details?: string;
}

/**
 * The problems of the scanner's stylish report, counted per file and rule. The scanner returns only
 * the formatted text; its layout is ESLint's: a file's absolute path, then `line:col  error  message  rule`.
 */
export function countViolations(details: string, scannedDir: string): Violation[] {
	const counts = new Map<string, Violation>();
	let file = '';
	// eslint-disable-next-line no-control-regex -- colour codes, should the formatter add them
	for (const line of details.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
		if (line.startsWith('/')) {
			file = path.relative(scannedDir, line.trim());
			continue;
		}
		const problem = /^\s+\d+:\d+\s+error\s+.*?(?:\s{2,}(\S+))?\s*$/.exec(line);
		if (!problem || !file) continue;
		const rule = problem[1] ?? '(parse error)';
		const key = `${file}\n${rule}`;
		const known = counts.get(key);
		if (known) known.count++;
		else counts.set(key, { file, rule, count: 1 });
	}
	return [...counts.values()];
}

async function loadScanner(): Promise<Scanner> {
	// An ES module: imported at run time (tsx keeps the dynamic import), by absolute path.
	const entry = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs', { paths: [REPO_ROOT] });
	return (await import(entry)) as Scanner;
}

async function leg(scanner: Scanner, name: LegReport['leg'], dir: string, patterns: string[]): Promise<LegReport> {
	const result = await scanner.analyzePackage(dir, patterns);
	const violations = result.details ? countViolations(result.details, dir) : [];
	return { leg: name, passed: result.passed, message: result.message, violations, details: result.details };
}

/** Packs the built package (dist/ must exist) and unpacks it into a new temporary folder. */
export function unpackedPackage(tarball?: string): string {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'social-collections-scan-'));
	const packed = tarball ?? packPackage(work);
	const dir = path.join(work, 'package');
	fs.mkdirSync(dir);
	const untar = spawnSync('tar', ['-xzf', packed, '-C', dir, '--strip-components=1'], { encoding: 'utf8' });
	if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
	return dir;
}

export async function scanPackage(unpackedDir: string): Promise<LegReport[]> {
	// eslint-plugin-n8n-nodes-base takes NODE_ENV=test (set by jest) for its own test run and then
	// names every file Test.node.ts: the scan must see the real names, as n8n's verification does.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	const scanner = await loadScanner();
	// The scanner wants absolute folders (fast-glob and ESLint both take them as cwd).
	return [
		await leg(scanner, 'tarball', path.resolve(unpackedDir), TARBALL_FILE_PATTERNS),
		await leg(scanner, 'source', REPO_ROOT, scanner.SOURCE_FILE_PATTERNS),
	];
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const dirAt = args.indexOf('--dir');
	const dir = dirAt >= 0 ? args[dirAt + 1] : unpackedPackage();
	const reports = await scanPackage(dir);
	if (args.includes('--json')) {
		console.log(JSON.stringify(reports.map((report) => ({ ...report, details: undefined }))));
	} else {
		for (const report of reports) {
			const total = report.violations.reduce((sum, violation) => sum + violation.count, 0);
			console.log(`\n== ${report.leg} (${report.leg === 'tarball' ? dir : REPO_ROOT}): ${report.passed ? 'passed' : `${report.message ?? 'failed'}, ${total} violations`}`);
			if (report.details) console.log(report.details);
		}
	}
	if (reports.some((report) => !report.passed)) process.exitCode = 1;
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(2);
	});
}
