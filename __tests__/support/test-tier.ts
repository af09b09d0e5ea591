// The tiers of the test suite, told apart by file name (the README's "Tests" section):
//   NAME.test.ts              unit: the source in-process; no root, Docker, browser, network or bundle
//   NAME.e2e.test.ts          the bundled dist/ run as the runner or a user runs it (some start daemons)
//   NAME.integration.test.ts  real dockerd/BuildKit stacks and registries (root, Debian packages)
//   NAME.smoke.test.ts        the real-component harnesses themselves (root, daemons)
//   NAME.render.test.ts       the reports drawn as GitHub does (cmark-gfm, headless Chromium)
// `npm run test:unit` (jest.unit.config.js) selects unit files by name and marks its run with
// BXD_TEST_TIER=unit. A suite named as unit that starts a real component would then pass only where
// that component happens to exist: every helper that starts one calls needsRealComponent first,
// so such a suite fails at once, with the name it should have.

/** The file names of each tier; a name matching none is a mistake (test-tiers.test.ts checks). */
export const TIER_OF_FILE = /^[a-z0-9][a-z0-9-]*(?:\.(e2e|integration|smoke|render))?\.test\.ts$/;

/** Throws when the unit run tries to start `what` (a daemon, a registry, a browser, the bundle). */
export function needsRealComponent(what: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.BXD_TEST_TIER !== 'unit') return;
  throw new Error(
    `${what} is not available to \`npm run test:unit\` (no root, Docker, browser, network or bundle there): ` +
      'name the suite *.integration.test.ts, *.e2e.test.ts or *.render.test.ts (see __tests__/support/test-tier.ts)',
  );
}
