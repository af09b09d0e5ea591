// The tiers other than unit (files named NAME.e2e, .integration, .smoke or .render .test.ts; see
// __tests__/support/test-tier.ts): the bundle, real daemons, registries and Chromium. `npm test` runs
// the unit tier first (jest.unit.config.js, guarded) and then these, so that each suite runs once.
import base from './jest.config.js';

// jest refuses testMatch and testRegex together: this run replaces the base's testMatch.
const tiers = { ...base };
delete tiers.testMatch;

export default {
  ...tiers,
  testRegex: ['/__tests__/[^/.]+\\.(?:e2e|integration|smoke|render)\\.test\\.ts$'],
};
