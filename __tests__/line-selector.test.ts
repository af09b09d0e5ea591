// The catalog's line selection is a prefilter: it may keep a line no pattern wants, never drop one
// that a pattern matches. Checked over every line of the labelled corpora against every pattern.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/analyze-text.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { requiredLiterals } from '../src/diagnose/required-literals.js';
import { LiteralSet } from '../src/diagnose/literal-set.js';
import { lineSelectorFor } from '../src/diagnose/line-selector.js';
import { normalizeForMatching } from '../src/diagnose/normalize.js';

const corpusLines = [
  join(FIXTURES, 'failures', 'cases.jsonl'),
  ...readdirSync(join(FIXTURES, 'unseen'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(FIXTURES, 'unseen', f)),
]
  .flatMap((file) => readFileSync(file, 'utf8').trim().split('\n'))
  .flatMap((line) => (JSON.parse(line) as { excerpt: string }).excerpt.split('\n'));

describe('required literals', () => {
  it('finds what a pattern cannot match without, and nothing it can', () => {
    expect(requiredLiterals('Failed to fetch https?://(?<host>\\S+)/')).toEqual(['Failed to fetch http']);
    expect(requiredLiterals('\\b(?:ImagePullBackOff|ErrImagePull)\\b')?.sort()).toEqual(['ErrImagePull', 'ImagePullBackOff']);
    expect(requiredLiterals('colou?r match')).toEqual(['r match']);
    expect(requiredLiterals('^(?!.*exec user process caused).*\\bexec format error\\b')).toEqual(['exec format error']);
    expect(requiredLiterals('^\\d+$')).toBeNull();
    expect(requiredLiterals('a|bc')).toBeNull();
  });

  it('every line a built-in pattern matches holds one of its literals (over the whole corpus)', () => {
    expect(corpusLines.length).toBeGreaterThan(4000);
    const misses: string[] = [];
    for (const signature of builtinSignatures()) {
      for (const pattern of signature.patterns) {
        const literals = requiredLiterals(pattern.source);
        expect([pattern.source, literals !== null]).toEqual([pattern.source, true]);
        const set = new LiteralSet(literals!.map((text) => ({ text, id: 0 })));
        for (const line of corpusLines)
          if (pattern.regex.test(normalizeForMatching(line)) && !set.test(line)) misses.push(`${signature.id} ${pattern.source}: ${line}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('the selector keeps every corpus line a built-in pattern matches', () => {
    const selector = lineSelectorFor(builtinSignatures());
    const patterns = builtinSignatures().flatMap((s) => s.patterns.map((p) => p.regex));
    const dropped = corpusLines.filter((line) => patterns.some((p) => p.test(normalizeForMatching(line))) && !selector.select(line));
    expect(dropped).toEqual([]);
  });
});

describe('LiteralSet', () => {
  it('reports each literal that ends in the text, ignoring ASCII case, overlapping ones included', () => {
    const set = new LiteralSet([
      { text: 'he', id: 1 },
      { text: 'she', id: 2 },
      { text: 'hers', id: 3 },
      { text: 'no space left', id: 4 },
    ]);
    const found: number[] = [];
    set.find('uSHErs', (id) => (found.push(id), false));
    expect(found.sort()).toEqual([1, 2, 3]);
    expect(set.test('write /x: No Space Left on device')).toBe(true);
    expect(set.test('nothing to see')).toBe(false);
    expect(new LiteralSet([]).test('anything')).toBe(false);
  });
});
