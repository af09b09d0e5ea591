// The tiers of the suite stay apart: every test file is named for its tier (support/test-tier.ts),
// `npm run test:unit` selects exactly the unit-named ones, no unit suite reaches for a real
// component, and every helper that starts one refuses to in the unit run.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support/analyze-text.js';
import { needsRealComponent, TIER_OF_FILE } from './support/test-tier.js';

const TESTS = join(ROOT, '__tests__');
const files = readdirSync(TESTS).filter((f) => f.endsWith('.ts'));
const tierOf = (file: string) => TIER_OF_FILE.exec(file)?.[1] ?? 'unit';
const unitFiles = files.filter((f) => TIER_OF_FILE.test(f) && tierOf(f) === 'unit');

/** The helpers that start a real component, and what each must refuse in the unit run. */
const REAL_COMPONENT_HELPERS = ['modern-buildkit', 'real-dockerd', 'real-registry', 'github-render', 'run-action'];

/** The support modules a test file imports, directly or through other support modules. */
function supportModulesOf(file: string, seen = new Set<string>()): Set<string> {
  for (const [, name] of readFileSync(file, 'utf8').matchAll(/from '\.{1,2}\/(?:support\/)?([a-z0-9-]+)\.js'/g)) {
    const path = join(TESTS, 'support', `${name}.ts`);
    if (seen.has(name!) || !existsSync(path)) continue;
    seen.add(name!);
    supportModulesOf(path, seen);
  }
  return seen;
}

describe('test tiers', () => {
  it('every file in __tests__ is a test named for its tier', () => {
    expect(files.filter((f) => !TIER_OF_FILE.test(f))).toEqual([]);
    expect(unitFiles.length).toBeGreaterThan(20);
  });

  it('no test file sits in a folder of __tests__, where neither run (unit nor tiers) would select it', () => {
    const nested = readdirSync(TESTS, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('/') && f.endsWith('.test.ts'));
    expect(nested).toEqual([]);
  });

  it('the unit run selects exactly the unit-named files', async () => {
    const unitConfig = ((await import(pathToFileURL(join(ROOT, 'jest.unit.config.js')).href)) as { default: { testRegex: string[] } }).default;
    expect(unitConfig.testRegex).toHaveLength(1);
    const regex = new RegExp(unitConfig.testRegex[0]!);
    const selected = files.filter((f) => regex.test(`${TESTS}/${f}`));
    expect(selected.sort()).toEqual([...unitFiles].sort());
    expect(selected).toContain('test-tiers.test.ts');
    expect(selected).not.toContain('action.e2e.test.ts');
  });

  it('npm test runs every test file once: the unit run, then the other tiers', async () => {
    const regexOf = async (config: string) => {
      const { testRegex } = ((await import(pathToFileURL(join(ROOT, config)).href)) as { default: { testRegex: string[] } }).default;
      expect(testRegex).toHaveLength(1);
      return new RegExp(testRegex[0]!);
    };
    const unit = await regexOf('jest.unit.config.js');
    const tiers = await regexOf('jest.tiers.config.js');
    const testFiles = files.filter((f) => f.endsWith('.test.ts'));
    expect(testFiles.filter((f) => unit.test(`${TESTS}/${f}`) === tiers.test(`${TESTS}/${f}`))).toEqual([]);
    expect(testFiles.filter((f) => tiers.test(`${TESTS}/${f}`))).toContain('action.e2e.test.ts');
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.test).toMatch(/npm run test:unit && npm run test:tiers$/);
    expect(scripts['test:unit']).toContain('--config jest.unit.config.js');
    expect(scripts['test:tiers']).toContain('--config jest.tiers.config.js');
    // CI runs the README's command, not the unit tier a second time beside it.
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8').match(/^npm (?:test|run test:\w+)$/gm)).toEqual(['npm test']);
  });

  it.each(REAL_COMPONENT_HELPERS)('no unit suite imports support/%s, even through another support module', (helper) => {
    expect(unitFiles.filter((f) => supportModulesOf(join(TESTS, f)).has(helper))).toEqual([]);
  });

  it('no unit suite runs the bundle', () => {
    expect(unitFiles.filter((f) => /join\([^)]*['"]dist['"]|['"]dist\/(?:cli|index)\.js['"]\s*[,\]]/.test(readFileSync(join(TESTS, f), 'utf8')))).toEqual([]);
  });

  it.each(REAL_COMPONENT_HELPERS)('support/%s refuses to start in the unit run', (helper) => {
    expect(readFileSync(join(TESTS, 'support', `${helper}.ts`), 'utf8')).toMatch(/\bneedsRealComponent\(['`]/);
  });

  it('the refusal names the tier to choose, and only the unit run refuses', () => {
    expect(() => needsRealComponent('a real dockerd', { BXD_TEST_TIER: 'unit' })).toThrow(
      /^a real dockerd is not available to `npm run test:unit`.*\*\.integration\.test\.ts/,
    );
    expect(() => needsRealComponent('a real dockerd', {})).not.toThrow();
  });
});
