/**
 * Records the totals of a jest run in `.test-results/summary.json`; scripts/test.mjs prints them as
 * the one plain closing line "Tests: N passed, N failed" after jest has finished its own output.
 */
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
	constructor(globalConfig) {
		this.file = path.join(globalConfig.rootDir, '.test-results', 'summary.json');
	}

	onRunComplete(_contexts, results) {
		fs.mkdirSync(path.dirname(this.file), { recursive: true });
		fs.writeFileSync(
			this.file,
			JSON.stringify({
				passed: results.numPassedTests,
				failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
				skipped: results.numPendingTests + results.numTodoTests,
			}),
		);
	}
}
module.exports = SummaryReporter;
