/** Unit tests (no I/O) and integration tests (real engine + PostgreSQL) as two projects. */
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
};

module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 120_000,
  // the SDK's REST client keeps a keep-alive socket ~45 s after closeAllClients(); main.ts exits explicitly too
  forceExit: true,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    },
    // the process model of bpmn/ on the real engine with test job workers; the teardown reports BPMN coverage
    {
      ...shared,
      displayName: 'process',
      testMatch: ['<rootDir>/test/process/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/process/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    },
  ],
};
