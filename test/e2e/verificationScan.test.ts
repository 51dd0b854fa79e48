/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- tests run in plain Node, not inside n8n */
/**
 * n8n's verification scan is the gate (issue 24): the packed package, unpacked, must pass the pinned
 * `@n8n/scan-community-package`'s own `analyzePackage` as `analyzePackageByName` runs it (the tarball
 * leg: every `.js` and package.json; the source leg: this checkout with the scanner's source patterns).
 * The scanner is an ES module, so it runs in `scripts/scanPackage.ts` (also `npm run scan`).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { packageTarball, REPO_ROOT } from '../../scripts/runtime';
import { unpackedPackage, type LegReport } from '../../scripts/scanPackage';

// Linting nine bundles of up to 3 MB takes about two minutes on a quiet pair of cores.
jest.setTimeout(900_000);

let reports: LegReport[];

beforeAll(() => {
	const dir = unpackedPackage(packageTarball());
	const scan = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/scanPackage.ts', '--json', '--dir', dir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	// Exit 1 means violations were found: the report says which.
	if (scan.status !== 0 && scan.status !== 1) throw new Error(`the scan did not run (${scan.status}):\n${scan.stderr}`);
	reports = JSON.parse(scan.stdout.trim().split('\n').pop()!) as LegReport[];
	for (const report of reports) {
		const total = report.violations.reduce((sum, violation) => sum + violation.count, 0);
		console.log(
			`verification scan, ${report.leg} leg: ${total} violations` +
				report.violations.map((violation) => `\n  ${violation.count} ${violation.rule} in ${violation.file}`).join(''),
		);
	}
});

test('the source leg (nodes and credentials as TypeScript, package.json) has no violations', () => {
	const source = reports.find((report) => report.leg === 'source')!;
	expect(source.violations).toEqual([]);
	expect(source.passed).toBe(true);
});

test('the packed package (every shipped .js file, bundled libraries included, and package.json) has no violations', () => {
	const tarball = reports.find((report) => report.leg === 'tarball')!;
	expect(tarball.violations.map((violation) => `${violation.count} ${violation.rule} in ${violation.file}`)).toEqual([]);
	// An analysis that failed to run also reports no violations: only a pass counts.
	expect(tarball.message).toBeUndefined();
	expect(tarball.passed).toBe(true);
});
