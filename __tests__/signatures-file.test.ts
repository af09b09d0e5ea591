// A team's own signatures file: adds entries, overrides built-in ones by id, fails clearly when it is
// wrong, and cannot hang the action with a pattern that backtracks forever.
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadCatalog, builtinSignatures } from '../src/diagnose/load-catalog.js';
import { matchUntrusted } from '../src/diagnose/safe-matcher.js';
import { performance } from 'node:perf_hooks';
import { diagnoseText } from './support/classify.js';
import { readFixture, ROOT } from './support/analyze-text.js';
import { BUILTIN_SIGNATURES_JSON } from '../src/diagnose/builtin-catalog.js';
import { embedSignatures, loadBuiltinCatalog, Pattern } from '../src/diagnose/catalog.js';
import { matchTrusted } from '../src/diagnose/matcher.js';
import { requiredLiterals } from '../src/diagnose/required-literals.js';
import { parse as parseYaml } from 'yaml';
import { ambiguousNestedRepeats } from './support/regex-shape.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('bxd-sig-');
let n = 0;
function file(text: string): string {
  const path = join(dir, `signatures-${++n}.yml`);
  writeFileSync(path, text);
  return path;
}

const MIRROR_LOG = [
  '#0 building with "default" instance using docker driver',
  '#4 [2/3] RUN apt-get update',
  '#4 3.2 E: Failed to fetch http://apt-mirror.internal.example/debian/dists/bookworm/InRelease  503  Service Unavailable',
  '#4 ERROR: process "/bin/sh -c apt-get update" did not complete successfully: exit code: 100',
  'ERROR: failed to solve: process "/bin/sh -c apt-get update" did not complete successfully: exit code: 100',
].join('\n');

describe('custom signatures', () => {
  it('adds a new signature, with its placeholders filled from named groups', async () => {
    const catalog = await loadCatalog(
      file(`version: 1
signatures:
  - id: internal-mirror-down
    title: "The internal apt mirror ${'$'}{host} is down"
    severity: error
    priority: 99
    patterns:
      - 'Failed to fetch https?://(?<host>apt-mirror\\.internal\\.example)/'
    fix: |
      See the runbook: https://wiki.example/runbooks/apt-mirror (mirror: ${'$'}{host}).
`),
    );
    const { findings } = await diagnoseText(MIRROR_LOG, 'build.log', catalog);
    expect(findings[0]).toMatchObject({ id: 'internal-mirror-down', title: 'The internal apt mirror apt-mirror.internal.example is down', severity: 'error' });
    expect(findings[0]!.fix).toBe('See the runbook: https://wiki.example/runbooks/apt-mirror (mirror: `apt-mirror.internal.example`).');
    // Built-in signatures still match, after it.
    expect(findings.map((f) => f.id)).toContain('package-install-failure');
  });

  it('overrides a built-in signature by id: the fields it gives replace the built-in ones', async () => {
    const catalog = await loadCatalog(
      file(`version: 1
signatures:
  - id: compile-error
    fix: |
      Runbook: run \`make build\` locally first (docs/operations/docker-troubleshooting.md#1).
`),
    );
    const { findings } = await diagnoseText(readFixture('buildx0.29-b1-fail-plain.log'), 'b1.log', catalog);
    expect(findings[0]!.id).toBe('compile-error');
    expect(findings[0]!.fix).toBe('Runbook: run `make build` locally first (docs/operations/docker-troubleshooting.md#1).');
    expect(findings[0]!.title).toMatch(/^The code failed to compile/);
    expect(catalog.find((s) => s.id === 'compile-error')!.patternsOrigin).toBe('built-in');
  });

  it.each([
    ['not: [valid', /not valid YAML/],
    ['version: 2\nsignatures: []\n', /field "version": must be 1, not 2/],
    ['version: 1\nsignatures:\n  - id: Bad_Id\n', /signature 1, field "id": must be a kebab-case id/],
    [
      "version: 1\nsignatures:\n  - id: x-y\n    title: t\n    fix: f\n    patterns: ['(unclosed']\n",
      /signature 1 \(x-y\), field "patterns\[1\]": Invalid regular expression/,
    ],
    ['version: 1\nsignatures:\n  - id: x-y\n    title: t\n    fix: f\n    patterns: []\n', /signature 1 \(x-y\), field "patterns": needs at least one pattern/],
    ['version: 1\nsignatures:\n  - id: x-y\n    titel: t\n', /signature 1 \(x-y\), field "titel": unknown field/],
    ['version: 1\nsignatures:\n  - id: x-y\n    title: t\n    severity: fatal\n', /field "severity": must be error, warning or notice/],
    ["version: 1\nsignatures:\n  - id: x-y\n    patterns: ['a']\n    fix: f\n", /signature x-y, field "title": required for a new signature/],
    [
      "version: 1\nsignatures:\n  - id: x-y\n    title: 'about ${nothing}'\n    patterns: ['a']\n    fix: f\n",
      /signature x-y, field "title": \$\{nothing\} is neither a named group/,
    ],
  ])('an invalid file gets one clear line naming the entry and the field: %s', async (text, message) => {
    const error = (await loadCatalog(file(text)).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('a missing file is a clear error', async () => {
    await expect(loadCatalog(join(dir, 'nope.yml'))).rejects.toThrow(/nope\.yml: no such file/);
  });

  it('a catastrophic pattern is cut off within its budget, and the other signatures still match', async () => {
    const catalog = await loadCatalog(
      file(`version: 1
signatures:
  - id: redos
    title: Catastrophic
    priority: 99
    patterns: ['^(a+)+$']
    fix: never shown
  - id: quick
    title: Quick one
    priority: 98
    patterns: ['frobnicator']
    fix: shown
`),
    );
    const lines = [
      { line: 1, text: 'x', normalized: `${'a'.repeat(40)}!`, inFailure: true },
      { line: 2, text: 'y', normalized: 'the frobnicator refused', inFailure: true },
    ];
    const result = await matchUntrusted(
      catalog.filter((s) => s.patternsOrigin !== 'built-in'),
      lines,
      { perSignatureMs: 1000, totalMs: 5000 },
    );
    expect(result.slow).toEqual(['redos']);
    expect(result.matches.map((m) => m.signature.id)).toEqual(['quick']);
  });

  it('a worker thread slow to start does not make a fast signature look slow', async () => {
    const catalog = await loadCatalog(file(`version: 1\nsignatures:\n  - id: quick\n    title: Quick one\n    patterns: ['frobnicator']\n    fix: shown\n`));
    const lines = [{ line: 1, text: 'y', normalized: 'the frobnicator refused', inFailure: true }];
    // The budgets are far above any pause a loaded machine gives a runnable thread (a 20 ms budget
    // was: on a busy 2-core machine the worker was sometimes not scheduled for that long between
    // saying 'start' and 'done'), and the main thread stays busy past both of them.
    const pending = matchUntrusted(
      catalog.filter((s) => s.patternsOrigin !== 'built-in'),
      lines,
      { perSignatureMs: 1000, totalMs: 2000 },
    );
    // Keep the main thread busy far past both budgets while the worker starts and runs: what it
    // reports meanwhile is read before any budget is judged, whatever the machine's load.
    const until = performance.now() + 2500;
    while (performance.now() < until) {
      // busy
    }
    const result = await pending;
    expect(result.slow).toEqual([]);
    expect(result.matches.map((m) => m.signature.id)).toEqual(['quick']);
  });

  it('through the whole pipeline, the slow signature is reported as a problem, not a crash', async () => {
    const catalog = await loadCatalog(file(`version: 1\nsignatures:\n  - id: redos\n    title: Catastrophic\n    patterns: ['^(\\w+\\s?)*$']\n    fix: f\n`));
    const text = [
      '#3 [2/2] RUN ./x',
      `#3 0.1 ${'word '.repeat(12)}word!`,
      '#3 ERROR: process "/bin/sh -c ./x" did not complete successfully: exit code: 3',
    ].join('\n');
    const analysis = await diagnoseText(text, 'x.log', catalog);
    expect(analysis.problems.map((p) => p.message).join('\n')).toMatch(/signature redos was skipped: its patterns took longer than/);
    expect(analysis.findings[0]!.id).toBe('unknown');
  }, 30000);
});

describe('patterns compiled on first use', () => {
  // A source that cannot compile: any attempt to compile it throws, so the test sees when one happens.
  const broken = () => new Pattern('(unclosed', false);
  const signature = () => ({ ...builtinSignatures()[0]!, id: 'broken', patterns: [broken()], commands: [broken()] });
  const line = { line: 1, text: 'x', normalized: 'x', inFailure: true };

  it('a pattern is not compiled while it has nothing to match', () => {
    expect(matchTrusted([signature()], [], [])).toEqual([]);
  });

  it('runs, and is compiled, only on a line that holds one of its required literals (ASCII case ignored)', () => {
    const needle = { ...signature(), patterns: [new Pattern('(unclosed', false, ['Needle'])], commands: [] };
    expect(matchTrusted([needle], [line, { ...line, normalized: 'a haystack' }])).toEqual([]);
    expect(() => matchTrusted([needle], [line, { ...line, normalized: 'a NEEDLE here' }])).toThrow(SyntaxError);
  });

  it('is compiled when it runs, once, with the flags of its signature', () => {
    expect(() => matchTrusted([signature()], [line])).toThrow(SyntaxError);
    const pattern = new Pattern('No Space (?<what>left)', true);
    const regex = pattern.regex;
    expect(pattern.regex).toBe(regex);
    expect(regex.flags).toBe('i');
    const disk = { ...builtinSignatures()[0]!, id: 'disk', patterns: [pattern], commands: [] };
    expect(matchTrusted([disk], [{ ...line, normalized: 'write: no space left on device' }]).map((m) => m.groups)).toEqual([{ what: 'left' }]);
    expect(pattern.regex).toBe(regex);
  });
});

describe('the built-in catalog', () => {
  it('the bundled copy is the reviewed file: the generated module is what the embed script writes from it', () => {
    const check = spawnSync(process.execPath, ['scripts/embed-catalog.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect([check.status, check.stderr]).toEqual([0, '']);
  });

  // The bundle does not validate the built-in catalog at start: the embed script did, at build time.
  // Here the reviewed file goes through the validation a team's file gets, and what it gives must be
  // what the bundle loads, field for field, literals and flags included.
  it('the embedded signatures are the reviewed file, validated, with the required literals of each pattern', () => {
    const reviewed = loadBuiltinCatalog(parseYaml(readFileSync(join(ROOT, 'signatures', 'builtin.yml'), 'utf8'), { maxAliasCount: 50 }));
    const embedded = builtinSignatures();
    expect(embedded.length).toBeGreaterThan(20);
    expect(embedded).toEqual(reviewed);
    expect(embedSignatures(embedded)).toEqual(embedSignatures(reviewed));
    expect(JSON.parse(BUILTIN_SIGNATURES_JSON)).toEqual(embedSignatures(reviewed));
    for (const [mine, theirs] of embedded.map((s, i) => [s, reviewed[i]!] as const)) {
      expect([mine.id, mine.origin, mine.patternsOrigin]).toEqual([theirs.id, 'built-in', 'built-in']);
      for (const [j, pattern] of mine.patterns.entries()) {
        expect([pattern.source, pattern.literals]).toEqual([theirs.patterns[j]!.source, requiredLiterals(pattern.source)]);
        // Compiled on first use at run time: here every one of them, with the signature's flags.
        expect(pattern.regex.flags).toBe(theirs.ignoreCase ? 'i' : '');
      }
      for (const command of mine.commands) expect(command.regex.flags).toBe(theirs.ignoreCase ? 'i' : '');
    }
  });

  it('the embed script refuses a catalog that is not valid, with one line that names the entry', () => {
    const root = tempDir('bxd-embed-');
    for (const path of ['scripts', 'src/diagnose', 'src/input', 'signatures']) mkdirSync(join(root, path), { recursive: true });
    for (const path of ['scripts/embed-catalog.mjs', 'src/diagnose/catalog.ts', 'src/diagnose/required-literals.ts', 'src/input/errors.ts'])
      copyFileSync(join(ROOT, path), join(root, path));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const yaml = readFileSync(join(ROOT, 'signatures', 'builtin.yml'), 'utf8');
    // A fix that names a placeholder no pattern captures.
    writeFileSync(join(root, 'signatures', 'builtin.yml'), yaml.replace("title: 'The runner ran out of disk space'", "title: 'Out of disk on ${volume}'"));
    const run = spawnSync(process.execPath, ['scripts/embed-catalog.mjs'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^signatures\/builtin\.yml: built-in: signature disk-full, field "title": \$\{volume\} is neither/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(root, 'src', 'diagnose', 'builtin-catalog.ts'))).toBe(false);
  });

  it('no built-in pattern can backtrack badly: no repeated group holds an ambiguous repetition', () => {
    // Decided from the patterns' shape, not from a clock: `(a+)*` is what blows up, and a repeated
    // group is safe when each repetition must cross a space that its `\S+` cannot take.
    const risky = builtinSignatures().flatMap((signature) =>
      [...signature.patterns, ...signature.commands].flatMap((pattern) =>
        ambiguousNestedRepeats(pattern.source).map((group) => `${signature.id}: ${group} in ${pattern.source}`),
      ),
    );
    expect(risky).toEqual([]);
  });

  it('the shape check knows a catastrophic pattern from a delimited one', () => {
    expect(ambiguousNestedRepeats('^(\\w+\\s?)*$')).toEqual(['(\\w+\\s?)']);
    expect(ambiguousNestedRepeats('(?:a|aa)+(?:x+)*')).toEqual(['(?:x+)']);
    expect(ambiguousNestedRepeats('\\bapk (?:-\\S+ )*(?:update|add)\\b')).toEqual([]);
    expect(ambiguousNestedRepeats('[(]+(ab)*')).toEqual([]);
  });

  it('every built-in pattern answers on long hostile lines', () => {
    const hostile = [
      'a'.repeat(2000),
      `${'error '.repeat(330)}!`,
      `${'-'.repeat(1999)}>`,
      `${'/x'.repeat(1000)}`,
      `${' '.repeat(1990)}Killed?`,
      '--platform '.repeat(180),
      'npm ERR! '.repeat(220),
      'a:'.repeat(1000),
      'a.'.repeat(1000),
    ];
    let tested = 0;
    for (const signature of builtinSignatures()) {
      for (const pattern of [...signature.patterns, ...signature.commands]) {
        for (const line of hostile) pattern.regex.test(line);
        tested++;
      }
    }
    expect(tested).toBeGreaterThan(100);
  });
});
