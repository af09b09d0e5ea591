// jest.unit.config.js runs this before each unit suite: it marks the run as the unit tier, so that
// the helpers starting real components refuse to (support/test-tier.ts).
process.env.BXD_TEST_TIER = 'unit';
