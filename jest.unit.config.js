// `npm run test:unit`: the unit tier only, files named NAME.test.ts with no tier in their name
// (not .e2e, .integration, .smoke or .render; see __tests__/support/test-tier.ts). They need no
// root, Docker, browser, network or bundle, so a contributor can run them anywhere in under a minute.
// `npm test` runs this and then jest.tiers.config.js (the other tiers), so that each suite runs once.
import base from './jest.config.js';

// jest refuses testMatch and testRegex together: the unit tier replaces the base's testMatch.
const unit = { ...base };
delete unit.testMatch;

export default {
  ...unit,
  testRegex: ['/__tests__/[^/.]+\\.test\\.ts$'],
  // Marks the run, so that a helper starting a real component throws instead of starting it.
  setupFiles: ['<rootDir>/__tests__/support/unit-tier-setup.ts'],
};
