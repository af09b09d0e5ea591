import { describe, expect, it } from '@jest/globals';
import { matchesAny } from '../src/github/glob.js';

// The `jobs` input: minimatch patterns on job names, where a slash is an ordinary character.
describe('matchesAny (the jobs input)', () => {
  it('lets `*` and `?` cross the slashes of matrix and reusable-workflow job names', () => {
    expect(matchesAny('Build (linux/amd64)', ['Build *'])).toBe(true);
    expect(matchesAny('call / build', ['call*build'])).toBe(true);
    expect(matchesAny('build a/b', ['build a?b'])).toBe(true);
    expect(matchesAny('Build (linux/amd64)', ['Build (linux/amd64)'])).toBe(true);
  });

  it('ignores case, and reads `(`, `#` and a leading dot literally', () => {
    expect(matchesAny('build (x)', ['BUILD (?)'])).toBe(true);
    expect(matchesAny('#1 build', ['#1 *'])).toBe(true);
    expect(matchesAny('.hidden job', ['*job'])).toBe(true);
    expect(matchesAny('Test', ['Build *'])).toBe(false);
    expect(matchesAny('Build', ['Build *'])).toBe(false);
  });

  it('expands braces and classes, which the hand-written matcher read literally', () => {
    expect(matchesAny('Build arm64', ['Build {amd64,arm64}'])).toBe(true);
    expect(matchesAny('Build 386', ['Build {amd64,arm64}'])).toBe(false);
    expect(matchesAny('shard 3', ['shard [1-4]'])).toBe(true);
    expect(matchesAny('shard 5', ['shard [1-4]'])).toBe(false);
  });

  it('includes everything when only exclusions are given, and `!pattern` wins over an inclusion', () => {
    expect(matchesAny('lint', [])).toBe(true);
    expect(matchesAny('lint', ['!Build *'])).toBe(true);
    expect(matchesAny('Build (linux/arm64)', ['Build *', '!*arm64*'])).toBe(false);
    expect(matchesAny('Build (linux/amd64)', ['Build *', '!*arm64*'])).toBe(true);
  });

  it('trims the spaces a multi-line input leaves around a pattern', () => {
    expect(matchesAny('Build x', ['  Build *  '])).toBe(true);
  });
});
