process.env.N8N_LOG_LEVEL = 'silent';

const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
};

/**
 * Two projects, both run by `npm test` (`jest`; one of them: `jest --selectProjects 'n8n 1.x'`):
 * - n8n 2.x: every test, against the n8n-workflow/n8n-core this package builds with.
 * - n8n 1.x: the node tests again, against the n8n-workflow/n8n-core that n8n 1.123.81 ships
 *   (npm aliases n8n-workflow-1 and n8n-core-1), for what differs between the lines: credential
 *   pre-authentication, 401 handling, the routing engine, polling. Every require of
 *   `n8n-workflow`/`n8n-core` (the nodes', the harness' and n8n-core's own) then gets the 1.x copy.
 *
 * @type {import('jest').Config}
 */
module.exports = {
	testTimeout: 20000,
	// Two workers even on a two-core machine, where Jest would otherwise run every file in band, in
	// one process: each file loads n8n-core anew, and that process ran out of heap (4 GB) as the
	// suites grew. A worker that holds more than 1 GB after a file is replaced.
	maxWorkers: 2,
	workerIdleMemoryLimit: '1GB',
	// The reliability proofs (triggerSimulation, faults, badInput, secrets and continueOnFail in
	// each test/<vendor>) record figures as they run: a run starts with none and prints them all at
	// its end.
	globalSetup: '<rootDir>/test/helpers/reliability/globalSetup.ts',
	globalTeardown: '<rootDir>/test/helpers/reliability/globalTeardown.ts',
	projects: [
		{
			displayName: 'n8n 2.x',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			transform,
			setupFilesAfterEnv: ['<rootDir>/test/helpers/setup.ts'],
		},
		{
			displayName: 'n8n 1.x',
			testEnvironment: 'node',
			roots: [
				'<rootDir>/test/nexudus',
				'<rootDir>/test/copper',
				'<rootDir>/test/cotalker',
				'<rootDir>/test/onlyoffice',
				'<rootDir>/test/shared',
			],
			testMatch: ['**/*.test.ts'],
			transform,
			setupFilesAfterEnv: [
				'<rootDir>/test/helpers/setup.ts',
				'<rootDir>/test/helpers/setup-n8n1.ts',
			],
			moduleNameMapper: {
				'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow-1',
				'^n8n-workflow/(.*)$': '<rootDir>/node_modules/n8n-workflow-1/$1',
				'^n8n-core$': '<rootDir>/node_modules/n8n-core-1',
				'^n8n-core/(.*)$': '<rootDir>/node_modules/n8n-core-1/$1',
			},
		},
	],
};
