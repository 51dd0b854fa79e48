/** Three layers, run together by `npm test` (scripts/test.mjs): pure domain, node execute(), real n8n. */
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
};

module.exports = {
	projects: [
		{ displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
		{ displayName: 'nodes', testMatch: ['<rootDir>/test/nodes/**/*.test.ts'], transform, testEnvironment: 'node' },
		{
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			transform,
			testEnvironment: 'node',
			globalSetup: '<rootDir>/test/e2e/harness/globalSetup.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/harness/doneMarker.ts'],
		},
	],
	// Two cores on every machine here; each e2e file starts its own n8n on free ports.
	maxWorkers: 2,
	// The whole-suite secret search runs last and opens the run registry it searches.
	testSequencer: '<rootDir>/test/e2e/harness/sequencer.js',
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
