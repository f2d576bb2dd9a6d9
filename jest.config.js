/** Every test runs the real parts (HTTP on loopback, @forge packages, SQLite, Chromium); none is mocked. */
module.exports = {
  // Node, with the app's log lines printed only for failing tests.
  testEnvironment: '<rootDir>/test/support/quiet-log-environment.ts',
  roots: ['<rootDir>/src', '<rootDir>/static', '<rootDir>/test', '<rootDir>/local', '<rootDir>/bench'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // The bridge modules the Custom UI imports one by one (static/shared/forge-bridge.ts); the package's export map
  // lists only its index, so scripts/build-static.mjs resolves them for esbuild and this does for jest.
  moduleNameMapper: { '^@forge/bridge/out/(.*)$': '<rootDir>/node_modules/@forge/bridge/out/$1' },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Browser tests start Chromium; two workers keep a 2-core machine responsive.
  maxWorkers: 2,
};
