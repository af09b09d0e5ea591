// The line selector answers its first lines by searching each literal in the line, and builds its
// literal automata only for longer logs (a short log's start then skips building them). Both ways
// must give the same answer on every line: checked over the corpora, the sample log and lines made
// to differ (case, characters beyond ASCII, a literal beyond ASCII, long lines).
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SAMPLE } from './support/analyze-text.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { LineSelector, PARSER_LITERAL } from '../src/diagnose/line-selector.js';
import { quietLinePrefilter } from '../src/parse/quiet-line.js';
import { LITERAL_FOUND, NO_LITERAL, NOT_PRINTABLE } from '../src/diagnose/literal-set.js';
import { Pattern, type Signature } from '../src/diagnose/catalog.js';

const corpusLines = [
  join(FIXTURES, 'failures', 'cases.jsonl'),
  ...readdirSync(join(FIXTURES, 'unseen'))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(FIXTURES, 'unseen', f)),
]
  .flatMap((file) => readFileSync(file, 'utf8').trim().split('\n'))
  .flatMap((line) => (JSON.parse(line) as { excerpt: string }).excerpt.split('\n'));

const sampleLines = readFileSync(SAMPLE, 'utf8').split('\n');

const made = [
  '',
  'NO SPACE LEFT ON DEVICE',
  'ERROR: failed to solve: process "/bin/sh -c apt-get install" did not complete successfully: exit code: 137',
  'Caf\u00e9 \u2014 i/o timeout',
  '\u0130/o timeout', // a character beyond ASCII where a literal has an ASCII one
  'team\u00fcrule broke', // a literal beyond ASCII, and another character beyond ASCII in its place
  'team\u20acrule broke',
  'team rule broke',
  'TEAM\u00dcRULE',
  '\ud83d\ude80 rocket: ImagePullBackOff',
  `${'x'.repeat(200_000)} toomanyrequests`,
];

const user = (id: string, source: string, ignoreCase = false): Signature => ({
  ...builtinSignatures()[0]!,
  id,
  patternsOrigin: 'user',
  patterns: [new Pattern(source, ignoreCase)],
});

const catalogs: Array<[string, Signature[]]> = [
  ['built-in', builtinSignatures()],
  ['built-in and a team file', [...builtinSignatures(), user('team-a', 'team\u00fcrule'), user('team-b', 'Compiling serde', true)]],
];

const lines = [...made, ...corpusLines, ...sampleLines];

describe.each(catalogs)('the line selector with the %s catalog', (_name, catalog) => {
  it('gives the same answers line by line as with its automata, for text and for bytes', () => {
    expect(lines.length).toBeGreaterThan(10_000);
    const automata = new LineSelector(catalog, 0);
    const byLine = new LineSelector(catalog, Infinity);
    const differ: string[] = [];
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      const expected = [automata.select(line), automata.mayWantBytes(bytes, 0, bytes.length)];
      const got = [byLine.select(line), byLine.mayWantBytes(bytes, 0, bytes.length)];
      if (expected[0] !== got[0] || expected[1] !== got[1]) differ.push(`${JSON.stringify(expected)} ${JSON.stringify(got)} ${line.slice(0, 200)}`);
    }
    expect(differ).toEqual([]);
    // Both ways selected some lines and passed over others: the comparison was not of two constants.
    const selected = lines.filter((line) => byLine.select(line)).length;
    expect(selected).toBeGreaterThan(100);
    expect(selected).toBeLessThan(lines.length - 1000);
  });

  it('switches to its automata after its first lines and answers as before', () => {
    const automata = new LineSelector(catalog, 0);
    const switching = new LineSelector(catalog, 5);
    const answers = (selector: LineSelector) => lines.slice(0, 3000).map((line) => selector.select(line));
    expect(answers(switching)).toEqual(answers(automata));
  });
});

describe('the line-by-line search', () => {
  it('finds a literal of the bytes only among ASCII bytes, and answers yes to any byte beyond ASCII as the automaton does', () => {
    const selector = new LineSelector(catalogs[1]![1], Infinity);
    const bytes = Buffer.from('..... toomanyrequests ..... plain words \u00e9', 'utf8');
    expect(selector.mayWantBytes(bytes, 0, 25)).toBe(true);
    expect(selector.mayWantBytes(bytes, 27, 39)).toBe(false);
    expect(selector.mayWantBytes(bytes, 39, bytes.length)).toBe(true);
  });

  it('answers no for any bytes when there is no literal at all, as the empty automata do', () => {
    const bytes = Buffer.from('caf\u00e9 toomanyrequests', 'utf8');
    expect(new LineSelector([], 0).mayWantBytes(bytes, 0, bytes.length)).toBe(false);
    expect(new LineSelector([], Infinity).mayWantBytes(bytes, 0, bytes.length)).toBe(false);
  });
});

/** The reference for scanPrintableBytes: a printable-ASCII check, then mayWantBytes on its own. */
function scanInTwoPasses(selector: LineSelector, bytes: Buffer, tabs: boolean): number {
  for (const byte of bytes) if (byte >= 0x7f || (byte < 0x20 && (byte !== 0x09 || !tabs))) return NOT_PRINTABLE;
  return selector.mayWantBytes(bytes, 0, bytes.length) ? LITERAL_FOUND : NO_LITERAL;
}

describe.each(catalogs)('the one-pass scan of bytes with the %s catalog', (_name, catalog) => {
  const withControls = [...lines, 'tab\tseparated toomanyrequests', 'a bell \u0007 toomanyrequests', 'DEL \u007f', 'toomanyrequests\tthen a tab'];

  it.each([
    ['its automata', 0],
    ['the line-by-line search', Infinity],
  ])('answers as the printable check and mayWantBytes do, with %s', (_way, linesBeforeAutomata) => {
    const selector = new LineSelector(catalog, linesBeforeAutomata);
    const reference = new LineSelector(catalog, linesBeforeAutomata);
    const answers = { [NOT_PRINTABLE]: 0, [NO_LITERAL]: 0, [LITERAL_FOUND]: 0 };
    const differ: string[] = [];
    for (const line of withControls) {
      const bytes = Buffer.from(line, 'utf8');
      for (const tabs of [false, true]) {
        const got = selector.scanPrintableBytes(bytes, 0, bytes.length, tabs);
        const expected = scanInTwoPasses(reference, bytes, tabs);
        answers[got]++;
        if (got !== expected) differ.push(`${expected} ${got} ${tabs} ${line.slice(0, 200)}`);
      }
    }
    expect(differ).toEqual([]);
    // Each answer was given for many lines: the comparison was not of two constants.
    for (const count of Object.values(answers)) expect(count).toBeGreaterThan(50);
  });

  it.each([
    ['its automata', 0],
    ['the line-by-line search', Infinity],
  ])("finds the parser's literals in the same pass as the quiet-line set does apart, with %s", (_way, linesBeforeAutomata) => {
    const selector = new LineSelector(catalog, linesBeforeAutomata);
    const reference = new LineSelector(catalog, linesBeforeAutomata);
    const quiet = quietLinePrefilter()!;
    const answers = new Map<number, number>();
    const differ: string[] = [];
    for (const line of [...withControls, 'Architecture: x86_64', 'an error here', 'Step 3/7 : RUN make']) {
      const bytes = Buffer.from(line, 'utf8');
      for (const tabs of [false, true]) {
        const got = selector.scanQuietBytes(bytes, 0, bytes.length, tabs);
        const scan = scanInTwoPasses(reference, bytes, tabs);
        const expected = scan === NOT_PRINTABLE ? scan : scan | (quiet.testBytes(bytes, 0, bytes.length) ? PARSER_LITERAL : 0);
        answers.set(got, (answers.get(got) ?? 0) + 1);
        if (got !== expected) differ.push(`${expected} ${got} ${tabs} ${line.slice(0, 200)}`);
      }
    }
    expect(differ).toEqual([]);
    // Every answer (unprintable, neither, either kind alone, both) was given for some lines.
    for (const answer of [NOT_PRINTABLE, NO_LITERAL, LITERAL_FOUND, PARSER_LITERAL, LITERAL_FOUND | PARSER_LITERAL])
      expect(answers.get(answer)).toBeGreaterThan(5);
  });

  it("keeps the parser's literals out of what the catalog is asked", () => {
    // `Step ` is the parser's (the legacy builder's steps), in no built-in pattern's literals.
    const selector = new LineSelector(catalog, 0);
    const bytes = Buffer.from('Step 3/7 : RUN make', 'utf8');
    expect(selector.scanQuietBytes(bytes, 0, bytes.length, false)).toBe(PARSER_LITERAL);
    expect(selector.scanPrintableBytes(bytes, 0, bytes.length, false)).toBe(NO_LITERAL);
    expect(selector.mayWantBytes(bytes, 0, bytes.length)).toBe(false);
    expect(selector.select('Step 3/7 : RUN make')).toBe(false);
  });

  it('reads only the bytes it is given', () => {
    const selector = new LineSelector(catalog, 0);
    const bytes = Buffer.from('\u0001toomanyrequests plain words\u00e9', 'utf8');
    expect(selector.scanPrintableBytes(bytes, 1, 16, false)).toBe(LITERAL_FOUND);
    expect(selector.scanPrintableBytes(bytes, 17, 28, false)).toBe(NO_LITERAL);
    expect(selector.scanPrintableBytes(bytes, 0, 16, false)).toBe(NOT_PRINTABLE);
    expect(selector.scanPrintableBytes(bytes, 17, bytes.length, false)).toBe(NOT_PRINTABLE);
  });
});
