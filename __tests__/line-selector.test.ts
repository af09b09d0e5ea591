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
import { normalizeForMatching, normalizeTryingEveryFraming } from '../src/diagnose/normalize.js';

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
    // A named backreference repeats its group's text: the literals around it still count.
    expect(requiredLiterals('could not download oci://\\S*?/(?<name>[\\w.-]+)/\\k<name>(?![\\w.-])')).toEqual(['could not download oci://']);
    // A quote may be curled in the raw line: it ends a literal.
    expect(requiredLiterals('Failed to pull image "(?<image>[^"]+)"')).toEqual(['Failed to pull image ']);
    // A character by its code is that character: a quote ends the literal as above, another letter joins it.
    expect(requiredLiterals('\\[Errno 8\\] Exec format error: \\x27(?<name>[^\\x27]+)\\x27')).toEqual(['[Errno 8] Exec format error: ']);
    expect(requiredLiterals('caf\\u00e9 au lait')).toEqual(['café au lait']);
  });

  it('every line a built-in pattern matches holds one of its literals (over the whole corpus)', () => {
    expect(corpusLines.length).toBeGreaterThan(4000);
    const misses: string[] = [];
    for (const signature of builtinSignatures()) {
      for (const pattern of signature.patterns) {
        // The literals the bundle carries (worked out at build time), which the selector uses.
        const literals = pattern.literals;
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

describe('normalizeForMatching', () => {
  it('gives what trying every framing gives, for every first character and the corpus', () => {
    // Each framing in its place, then after each possible first UTF-16 unit: a line is passed over
    // by its first character only where no framing could start with it.
    const framed = [
      '[Container] 2026/01/01 00:00:00 x',
      '[2026-01-01T00:00:00.1Z] x',
      '2026-01-01T00:00:00Z x',
      '> │ | x',
      '#12 x',
      '1.25 x',
      '##[error]x',
      '=> => # x',
      '[91mx',
      '\ufffd[0;31mx',
      '**x',
    ];
    const lines = [...corpusLines, ...framed, ...framed.map((f) => `  ${f}  `)];
    // Framings one after another (each stripped, the next then first).
    for (const a of framed) for (const b of framed) lines.push(a.slice(0, -1) + b, `${a.slice(0, -1)} ${b}`);
    for (let code = 0; code <= 0xffff; code++) for (const tail of ['', ...framed]) lines.push(String.fromCharCode(code) + tail);
    const differ = lines.filter((line) => normalizeForMatching(line) !== normalizeTryingEveryFraming(line));
    expect(differ).toEqual([]);
    expect(framed.map(normalizeForMatching)).toEqual(['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x']);
    expect(normalizeForMatching('lstat a.conf: no such file or directory**')).toBe('lstat a.conf: no such file or directory');
    expect(normalizeForMatching('COPY src/** /app/**')).toBe('COPY src/** /app/**');
    expect(normalizeForMatching('Killed[0m')).toBe('Killed');
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

  // The table is completed as scans need it (transitions worked out from failure states on first
  // use): whatever order texts come in, the answers are those of a plain substring search.
  it('finds what a substring search finds, on texts that force every kind of transition', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = 'abAB-é';
    const word = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    for (let round = 0; round < 20; round++) {
      const literals = Array.from({ length: 1 + random(12) }, (_, id) => ({ text: word(1 + random(5)), id }));
      const set = new LiteralSet(literals);
      for (let t = 0; t < 50; t++) {
        const text = word(random(30));
        const fold = (x: string) => x.toLowerCase();
        const expected = literals.filter((l) => fold(text).includes(fold(l.text))).map((l) => l.id);
        const found = new Set<number>();
        set.find(text, (id) => (found.add(id), false));
        // A prefilter: beyond ASCII a character may stand for another, never the other way round.
        for (const id of expected) expect(found.has(id)).toBe(true);
        if (!/é/.test(text) && !literals.some((l) => l.text.includes('é'))) expect([...found].sort()).toEqual([...new Set(expected)].sort());
        expect(set.test(text)).toBe(found.size > 0);
      }
    }
  });

  it('finds a second kind of literal only when asked, and never reports it as its own', () => {
    let seed = 11;
    // The high bits: an LCG's low bits repeat in short cycles.
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed >>> 16) % n;
    };
    const alphabet = 'abAB- ';
    const word = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    const seen = new Set<number>();
    for (let round = 0; round < 30; round++) {
      const literals = Array.from({ length: 1 + random(10) }, (_, id) => ({ text: word(1 + random(4)), id, kind: random(2) === 0 ? 1 : 2 }));
      const set = new LiteralSet(literals);
      for (let t = 0; t < 50; t++) {
        const text = word(random(24));
        const has = (kind: number) => literals.some((l) => l.kind === kind && text.toLowerCase().includes(l.text.toLowerCase()));
        const own = literals.filter((l) => l.kind === 1 && text.toLowerCase().includes(l.text.toLowerCase())).map((l) => l.id);
        const found = new Set<number>();
        set.find(text, (id) => (found.add(id), false));
        expect([text, [...found].sort()]).toEqual([text, [...new Set(own)].sort()]);
        expect([text, set.test(text)]).toEqual([text, has(1)]);
        const bytes = Buffer.from(text, 'latin1');
        expect([text, set.testBytes(bytes, 0, bytes.length)]).toEqual([text, has(1)]);
        const kinds = set.scanKinds(bytes, 0, bytes.length, false, 3);
        expect([text, kinds]).toEqual([text, (has(1) ? 1 : 0) | (has(2) ? 2 : 0)]);
        expect([text, set.scanKinds(bytes, 0, bytes.length, false, 2)]).toEqual([text, has(2) ? 2 : 0]);
        seen.add(kinds);
      }
    }
    // Neither, either and both were found, or the comparison proves little.
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});
