// Tests are TypeScript run as native ESM (the @actions/* packages are ESM-only).
// @swc/jest only strips types; `npm test` runs `tsc --noEmit` first for type errors.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  testTimeout: 60000,
  // Each run gets its own temporary directory (TMPDIR), and fails if the tests leave anything of
  // theirs in it: __tests__/support/global-setup.ts and global-teardown.ts.
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/scripts/plain-summary-reporter.cjs'],
};
