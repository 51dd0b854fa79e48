/**
 * Jest's default order, with the whole-suite secret search (test/e2e/zzSecretSearch.test.ts) last.
 * When the search is part of the run, this opens the run registry (scripts/e2eRegistry.ts): one folder
 * per jest run under the OS temp dir, named in SC_E2E_REGISTRY for the harness and the test workers,
 * with the list of e2e files the search waits for. Without the search nothing is recorded or kept.
 */
const Sequencer = require('@jest/test-sequencer').default;
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SEARCH = /zzSecretSearch\.test\.ts$/;
const E2E = `${path.sep}test${path.sep}e2e${path.sep}`;
const PREFIX = 'sc-e2e-registry-';
const DAY = 24 * 3600 * 1000;

class SecretSearchLast extends Sequencer {
	async sort(tests) {
		const sorted = await super.sort(tests);
		const search = sorted.filter((test) => SEARCH.test(test.path));
		const others = sorted.filter((test) => !SEARCH.test(test.path));
		if (search.length > 0 && !process.env.SC_E2E_REGISTRY) {
			// A registry left by a run that was killed before its search cleaned up.
			for (const name of fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith(PREFIX))) {
				const full = path.join(os.tmpdir(), name);
				if (Date.now() - fs.statSync(full).mtimeMs > DAY) fs.rmSync(full, { recursive: true, force: true });
			}
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
			fs.writeFileSync(path.join(dir, 'tests.json'), JSON.stringify(others.map((test) => test.path).filter((file) => file.includes(E2E))));
			process.env.SC_E2E_REGISTRY = dir;
		}
		return [...others, ...search];
	}
}

module.exports = SecretSearchLast;
