/** One Jest run: unit specs next to the code, e2e suites in test/. Each run gets its own database and Redis prefix (test/setup). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    // The console's browser suites (Chromium through playwright-core, axe-core on every page).
    '<rootDir>/apps/console/test/**/*.e2e-spec.ts',
  ],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@socle/agent$': '<rootDir>/apps/agent/src',
    // Fixtures and helpers of every suite; specs next to the code import them by this name, from any depth.
    '^@test-support/(.+)$': '<rootDir>/test/support/$1',
    '^@socle/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  // Every e2e suite also checks that each successful mutation it made left an audit entry.
  setupFilesAfterEnv: ['<rootDir>/test/setup/audit-every-mutation.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
