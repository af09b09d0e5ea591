import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Build, Step } from '../src/model.js';
import type { DecodedLine } from '../src/decode/decoded-line.js';
import { LineDecoder } from '../src/decode/line-decoder.js';
import { readLines } from '../src/input/line-reader.js';
import { textSource } from '../src/input/log-source.js';
import { parseSource } from '../src/parse/parse-source.js';
import { BuildLogParser } from '../src/parse/build-log-parser.js';
import { RawJsonParser } from '../src/parse/rawjson/rawjson-parser.js';
import { looksLikeRawJson } from '../src/parse/rawjson/detect.js';
import { AutoDetectParser } from '../src/parse/rawjson/auto-parser.js';
import { MAX_OBJECT_CHARS } from '../src/parse/rawjson/json-splitter.js';
import { diagnoseBuilds } from '../src/diagnose/diagnose.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { analyze } from '../src/analyze/analyze.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/analyze/rule.js';
import { FIXTURES } from './support/analyze-text.js';

// Real captures (copied from the shared corpus): buildx 0.29.1 writes one SolveStatus per line,
// buildx 0.13.1 pretty-prints each over many lines. The plain captures of the same scenarios, made
// on the same machines a few seconds apart, are the existing fixtures in fixtures/logs.
const STACKS = [
  { version: '0.29.1', raw: 'forkyd28-bx0.29.1', plain: 'buildx0.29' },
  { version: '0.13.1', raw: 'trixie-bx0.13.1', plain: 'buildx0.13' },
] as const;
type Stack = (typeof STACKS)[number];

const RAW_SCENARIOS = {
  a3: 'a3-3step-rawjson-cached',
  a4: 'a4-3step-rawjson-nocache',
  a6: 'a6-3step-rawjson-partialcache-again-cached',
  b2: 'b2-fail-rawjson',
  e2: 'e2-multistage-parallel-rawjson',
} as const;
type RawScenario = keyof typeof RAW_SCENARIOS;

const PLAIN_SCENARIOS = {
  a1: 'a1-3step-plain-first',
  a2: 'a2-3step-plain-cached',
  a5: 'a5-3step-plain-partialcache',
  b1: 'b1-fail-plain',
  e1: 'e1-multistage-parallel-plain',
} as const;
type PlainScenario = keyof typeof PLAIN_SCENARIOS;

function rawText(stack: Stack, scenario: RawScenario): string {
  return readFileSync(join(FIXTURES, 'rawjson', `${stack.raw}-${RAW_SCENARIOS[scenario]}.stderr`), 'utf8');
}

function plainText(stack: Stack, scenario: PlainScenario): string {
  return readFileSync(join(FIXTURES, 'logs', `${stack.plain}-${PLAIN_SCENARIOS[scenario]}.log`), 'utf8');
}

function rawFixture(name: string): string {
  return readFileSync(join(FIXTURES, 'rawjson', name), 'utf8');
}

/** Reads text as parse-source does (line reader, decoder), into the rawjson parser. */
async function parseRaw(text: string | Buffer, label = 'build.stderr'): Promise<{ builds: Build[]; parser: RawJsonParser }> {
  const parser = new RawJsonParser(label);
  const decoder = new LineDecoder();
  await readLines(await textSource(label, text).open(), (raw) => parser.push(decoder.decode(raw)));
  return { builds: parser.end(), parser };
}

async function parseRawOne(text: string, label?: string): Promise<Build> {
  const { builds } = await parseRaw(text, label);
  expect(builds).toHaveLength(1);
  return builds[0]!;
}

async function parsePlainOne(text: string): Promise<Build> {
  const parsed = await parseSource(textSource('plain.log', text));
  expect(parsed.builds).toHaveLength(1);
  return parsed.builds[0]!;
}

/** Pushes lines straight into a parser (for inputs the line reader would cut). */
function pushAll(parser: { push(line: DecodedLine): void }, lines: string[]): void {
  const decoder = new LineDecoder();
  lines.forEach((text, i) => parser.push(decoder.decode({ no: i + 1, text, cutBytes: 0 })));
}

const instructions = (build: Build): Step[] => build.steps.filter((s) => s.kind === 'instruction');
const key = (s: Step): string => `${s.stage ?? '-'} ${s.index}/${s.total} ${s.instruction} ${s.command}`;
const stepList = (build: Build): string[] => instructions(build).map(key).sort();
/** Cached or not, for the instructions the cache counts (a FROM shown CACHED only means the base image was there). */
const cacheFlags = (build: Build): string[] =>
  instructions(build)
    .filter((s) => s.instruction !== 'FROM')
    .map((s) => `${key(s)} => ${s.cached ? 'cached' : 'built'}`)
    .sort();
const failing = (build: Build): string[] => build.steps.filter((s) => s.status === 'error').map(key);

// ---- an independent reading of the captures, for exact timing ------------------------------------

/** The SolveStatus objects of a capture: one per line, or pretty-printed between `{` and `}` at column 0. */
function progressObjects(text: string): Array<{ vertexes?: Array<Record<string, unknown>> }> {
  const objects = [];
  let pretty: string[] | null = null;
  for (const line of text.split('\n')) {
    if (pretty) {
      pretty.push(line);
      if (line === '}') {
        objects.push(JSON.parse(pretty.join('\n')));
        pretty = null;
      }
    } else if (line === '{') {
      pretty = [line];
    } else if (line.startsWith('{"')) {
      objects.push(JSON.parse(line));
    }
  }
  return objects;
}

function nanos(ts: string): bigint {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(ts)!;
  return BigInt(Date.parse(`${match[1]}Z`)) * 1_000_000n + BigInt((match[2] ?? '').padEnd(9, '0'));
}

/** Seconds of each vertex, by name: completed - started of its last update that has a start. */
function referenceSeconds(text: string): Map<string, number> {
  const last = new Map<string, Record<string, unknown>>();
  for (const object of progressObjects(text)) for (const v of object.vertexes ?? []) if (v.started) last.set(v.name as string, v);
  const seconds = new Map<string, number>();
  for (const [name, v] of last) if (v.completed) seconds.set(name, Number(nanos(v.completed as string) - nanos(v.started as string)) / 1e9);
  return seconds;
}

function referenceBuildSeconds(text: string): number {
  let first: bigint | null = null;
  let last: bigint | null = null;
  for (const object of progressObjects(text)) {
    for (const v of object.vertexes ?? []) {
      if (v.started && (first === null || nanos(v.started as string) < first)) first = nanos(v.started as string);
      if (v.completed && (last === null || nanos(v.completed as string) > last)) last = nanos(v.completed as string);
    }
  }
  return Number(last! - first!) / 1e9;
}

const round1 = (seconds: number): number => Math.round(seconds * 10) / 10;

// ---------------------------------------------------------------------------------------------------

describe('looksLikeRawJson', () => {
  it.each(STACKS)('buildx $version: the first line of every rawjson capture', (stack) => {
    for (const scenario of Object.keys(RAW_SCENARIOS) as RawScenario[]) {
      const first = rawText(stack, scenario)
        .split('\n')
        .find((l) => l.trim() !== '')!;
      expect(looksLikeRawJson(first)).toBe(true);
    }
  });

  it('not plain progress, job logs, other JSON or an error message', () => {
    for (const stack of STACKS) {
      for (const scenario of Object.keys(PLAIN_SCENARIOS) as PlainScenario[]) {
        expect(looksLikeRawJson(plainText(stack, scenario).split('\n')[0]!)).toBe(false);
      }
    }
    for (const line of [
      '#1 [internal] load build definition from Dockerfile',
      '2025-09-24T01:56:21.9780659Z ##[group]Run docker/build-push-action@v6',
      '{"buildx.build.ref":"default/default/abc"}',
      '[{"vertexes":[]}]',
      'unknown flag: --progress',
      '',
      '{"vertexes" is what rawjson starts with',
    ]) {
      expect(looksLikeRawJson(line)).toBe(false);
    }
    expect(looksLikeRawJson('\uFEFF{"statuses":[]}')).toBe(true);
    expect(looksLikeRawJson('  {  ')).toBe(true);
  });
});

describe('rawjson captures of both buildx versions', () => {
  describe.each(STACKS)('buildx $version', (stack) => {
    it.each(Object.keys(RAW_SCENARIOS) as RawScenario[])('%s parses into a complete build', async (scenario) => {
      const text = rawText(stack, scenario);
      const lines = text.split('\n');
      const build = await parseRawOne(text, `${stack.raw}-${RAW_SCENARIOS[scenario]}.stderr`);
      expect(build.name).toBe(`${stack.raw}-${RAW_SCENARIOS[scenario]}`);
      expect(build.status).toBe(scenario === 'b2' ? 'failure' : 'success');
      expect(build.notes).toEqual([]);
      expect(build.withoutBuildKit).toBe(false);
      expect(build.runner).toEqual({ tokenPermissions: {}, secretSource: null, metadataTemplates: [] });
      expect(build.request).toEqual({ dockerfile: null, platforms: [], cacheFrom: [], cacheTo: [], tags: [], push: false });
      expect(build.job).toBeNull();
      expect(build.jobSeconds).toBeNull();
      // Ids in order of first appearance, 1..n, as the plain printer numbers vertices.
      expect(build.steps.map((s) => s.id)).toEqual(build.steps.map((_, i) => i + 1));
      expect(build.steps[0]!.name).toBe('[internal] load build definition from Dockerfile');
      // Every step ended; the build's range and boundary are lines of the input.
      for (const step of build.steps) {
        expect(step.status).not.toBe('running');
        expect(step.endLine).not.toBeNull();
        expect(step.line).toBeGreaterThanOrEqual(build.firstLine);
        expect(step.endLine!).toBeLessThanOrEqual(build.lastLine);
      }
      expect(build.firstLine).toBe(1);
      expect(build.lastLine).toBe(lines.at(-1) === '' ? lines.length - 1 : lines.length);
      expect(build.boundary.first).toEqual({ line: build.steps[0]!.line, text: `#1 ${build.steps[0]!.name}` });
      // The last line: the exporter's end (where its `completed` is), or buildx's final error.
      const exporter = build.steps.at(-1)!;
      expect(build.boundary.last).toEqual(scenario === 'b2' ? build.errors.at(-1) : { line: exporter.endLine, text: exporter.endText });
      expect(lines[build.boundary.last.line - 1]).toMatch(scenario === 'b2' ? /^ERROR: / : stack.version === '0.13.1' ? /^\s+"completed": / : /"completed":/);
      // Each step's line holds its vertex (on its line, or where its entry begins when pretty-printed).
      for (const step of build.steps) expect(lines[step.line - 1]).toMatch(stack.version === '0.13.1' ? /^\s+"digest": "sha256:/ : /^\{"vertexes":/);
      if (scenario !== 'b2') {
        expect(build.images).toEqual([{ ref: `docker.io/library/demo-${scenario === 'e2' ? 'e' : 'a'}:1`, digest: null, pushed: false }]);
        expect(build.excerpt).toEqual([]);
        expect(build.errors).toEqual([]);
        expect(build.failedStepTail).toEqual([]);
      }
    });

    it('the failed build (b2): the failing step, its output decoded from base64, the trailer read as plain text', async () => {
      const text = rawText(stack, 'b2');
      const lines = text.split('\n');
      const build = await parseRawOne(text);
      const failed = build.steps.filter((s) => s.status === 'error');
      expect(failed.map((s) => `${s.index}/${s.total} ${s.instruction}`)).toEqual(['3/3 RUN']);
      expect(failed[0]!.error).toBe(
        `process "/bin/sh -c echo 'error: could not compile \`demo\` (bin \\"demo\\") due to 2 previous errors' >&2; exit 101" did not complete successfully: exit code: 101`,
      );
      expect(failed[0]!.seconds).toBeGreaterThan(0);
      // The step's output, as the plain printer would show it, at the line of its log object.
      expect(build.failedStepTail).toHaveLength(1);
      const tail = build.failedStepTail[0]!;
      expect(tail.text).toMatch(/^#6 0\.0\d\d error: could not compile `demo` \(bin "demo"\) due to 2 previous errors$/);
      expect(lines[tail.line - 1]).toMatch(
        stack.version === '0.13.1' ? /^\s+"data": "ZXJyb3I6IGNvdWxk/ : /^\{"logs":\[\{"vertex":"sha256:68a5b03f.*"data":"ZXJyb3I6IGNvdWxk/,
      );
      // The step's error, and buildx's final error line quoted as printed.
      expect(build.errors.map((e) => e.text)).toEqual([
        `#6 ERROR: ${failed[0]!.error}`,
        expect.stringMatching(/^ERROR: (failed to build: )?failed to solve: process "\/bin\/sh -c echo .* did not complete successfully: exit code: 101$/),
      ]);
      expect(lines[build.errors[0]!.line - 1]).toMatch(stack.version === '0.13.1' ? /^\s+"error": "process / : /"error":"process /);
      expect(lines[build.errors[1]!.line - 1]).toBe(build.errors[1]!.text);
      expect(build.lastLine).toBe(build.errors[1]!.line);
      // The trailer: the Dockerfile excerpt and the final error, each at its own line.
      expect(build.errorDetails.map((l) => l.text)).toEqual([
        'Dockerfile:3',
        '--------------------',
        '   1 |     FROM localbusybox:latest',
        '   2 |     RUN echo "compiling demo..." && echo "warning: unused variable: x"',
        '   3 | >>> RUN echo \'error: could not compile `demo` (bin "demo") due to 2 previous errors\' >&2; exit 101',
        '   4 |     ',
        '--------------------',
        build.errors[1]!.text,
      ]);
      for (const detail of build.errorDetails) expect(lines[detail.line - 1]).toBe(detail.text);
      // The excerpt: the steps before the failure, the failed step's output, the trailer; in input order.
      const excerpt = build.excerpt.map((l) => l.text);
      expect(excerpt).toEqual(expect.arrayContaining([tail.text, build.errors[0]!.text, ...build.errorDetails.map((l) => l.text)]));
      expect(excerpt.indexOf(tail.text)).toBeLessThan(excerpt.indexOf(build.errors[0]!.text));
      expect(excerpt.indexOf(build.errors[0]!.text)).toBeLessThan(excerpt.indexOf('Dockerfile:3'));
      expect(build.excerpt.map((l) => l.line)).toEqual([...build.excerpt.map((l) => l.line)].sort((a, b) => a - b));
    });
  });

  it('buildx 0.29.1 history logs --progress=rawjson (d9): a whole build in one object, the same build as b2', async () => {
    const history = await parseRawOne(rawFixture('forkyd28-bx0.29.1-d9-history-logs-fail-rawjson.stderr'));
    const live = await parseRawOne(rawText(STACKS[0], 'b2'));
    expect(history.status).toBe('failure');
    expect(history.firstLine).toBe(1);
    expect(history.lastLine).toBe(1);
    expect(history.steps.map((s) => s.line)).toEqual(history.steps.map(() => 1));
    // Steps ordered by first start, not by order in the object: as the live stream numbered them.
    expect(history.steps.map((s) => `${s.name} ${s.status}`)).toEqual(live.steps.map((s) => `${s.name} ${s.status}`));
    expect(history.failedStepTail.map((l) => l.text)).toEqual(['#6 0.056 error: could not compile `demo` (bin "demo") due to 2 previous errors']);
    expect(history.errors.map((e) => e.text)).toEqual([live.errors[0]!.text]);
    expect(history.errorDetails).toEqual([]);
  });

  it('buildx 0.13.1 has no history logs: its d9 capture is an error message, not rawjson', async () => {
    const text = rawFixture('trixie-bx0.13.1-d9-history-logs-fail-rawjson.stderr');
    expect(looksLikeRawJson(text.split('\n')[0]!)).toBe(false);
    const { builds, parser } = await parseRaw(text);
    expect(builds).toEqual([]);
    expect(parser.notes).toEqual([]);
  });
});

describe('rawjson agrees with plain progress of the same scenario', () => {
  // [rawjson, plain, whether both captures are in the same cache state]. a6 ran right after a5 with
  // nothing changed ("again-cached"), and b2 right after b1: their COPY/RUN steps came from the cache
  // where the plain run built them, so cache flags and timings are compared with a capture in the same
  // state instead (below).
  const PAIRS: Array<[RawScenario, PlainScenario, boolean]> = [
    ['a3', 'a2', true],
    ['a4', 'a1', true],
    ['a6', 'a5', false],
    ['b2', 'b1', false],
    ['e2', 'e1', true],
  ];

  describe.each(STACKS)('buildx $version', (stack) => {
    it.each(PAIRS)('%s vs %s: status, steps, failing instruction, cache, timing', async (rawScenario, plainScenario, sameCacheState) => {
      const raw = await parseRawOne(rawText(stack, rawScenario));
      const plain = await parsePlainOne(plainText(stack, plainScenario));
      expect(raw.status).toBe(plain.status);
      expect(stepList(raw)).toEqual(stepList(plain));
      expect(stepList(raw).length).toBeGreaterThanOrEqual(3);
      expect(failing(raw)).toEqual(failing(plain));
      expect(raw.platforms).toEqual(plain.platforms);
      expect(raw.images).toEqual(plain.images);
      expect(
        raw.steps
          .filter((s) => s.kind !== 'instruction')
          .map((s) => s.name)
          .sort(),
      ).toEqual(
        plain.steps
          .filter((s) => s.kind !== 'instruction')
          .map((s) => s.name)
          .sort(),
      );
      if (!sameCacheState) return;
      expect(cacheFlags(raw)).toEqual(cacheFlags(plain));
      // Different runs of the same build: the rawjson seconds, exact, round to what plain printed.
      for (const step of instructions(raw)) {
        const other = instructions(plain).find((s) => key(s) === key(step))!;
        expect(Math.abs(step.seconds! - other.seconds!)).toBeLessThanOrEqual(0.05 + 1e-9);
      }
    });

    it('a6 and the fully cached plain build a2 (the same cache state): the same steps from the cache', async () => {
      const raw = await parseRawOne(rawText(stack, 'a6'));
      const plain = await parsePlainOne(plainText(stack, 'a2'));
      expect(cacheFlags(raw)).toEqual(cacheFlags(plain));
      expect(cacheFlags(raw).every((f) => f.endsWith('=> cached'))).toBe(true);
      // And what changed since a5: the steps a5 rebuilt are cached now.
      const a5 = await parsePlainOne(plainText(stack, 'a5'));
      expect(cacheFlags(a5).every((f) => f.endsWith('=> built'))).toBe(true);
    });

    it('b2: the first RUN came from the cache (b1 had built it), the second failed as in b1', async () => {
      const raw = await parseRawOne(rawText(stack, 'b2'));
      const plain = await parsePlainOne(plainText(stack, 'b1'));
      expect(cacheFlags(raw)).toEqual([
        '- 2/3 RUN echo "compiling demo..." && echo "warning: unused variable: x" => cached',
        expect.stringMatching(/^- 3\/3 RUN .* => built$/),
      ]);
      expect(cacheFlags(plain)).toEqual([
        '- 2/3 RUN echo "compiling demo..." && echo "warning: unused variable: x" => built',
        expect.stringMatching(/^- 3\/3 RUN .* => built$/),
      ]);
    });

    it.each(Object.keys(RAW_SCENARIOS) as RawScenario[])('%s: every step time is exact: completed - started, to the millisecond', async (scenario) => {
      const text = rawText(stack, scenario);
      const build = await parseRawOne(text);
      const reference = referenceSeconds(text);
      for (const step of build.steps) {
        expect(Math.abs(step.seconds! - reference.get(step.name)!)).toBeLessThanOrEqual(0.0005 + 1e-9);
        // The end line quotes it as the plain printer would print it.
        if (step.status === 'done') expect(step.endText).toBe(`#${step.id} DONE ${reference.get(step.name)!.toFixed(1)}s`);
      }
      expect(Math.abs(build.buildSeconds! - referenceBuildSeconds(text))).toBeLessThanOrEqual(0.0005 + 1e-9);
    });

    it('the plain build of a failure diagnoses the same as its rawjson build', async () => {
      const catalog = builtinSignatures();
      const findings = async (build: Build) => {
        const diagnosis = await diagnoseBuilds([build], catalog);
        return analyze([build], [], DEFAULT_ANALYSIS_OPTIONS, { diagnosis, catalog }).findings.map((f) => `${f.severity} ${f.id}: ${f.title}`);
      };
      const raw = await findings(await parseRawOne(rawText(stack, 'b2')));
      const plain = await findings(await parsePlainOne(plainText(stack, 'b1')));
      expect(raw[0]).toBe(plain[0]);
      expect(raw[0]).toMatch(/^error /);
    });
  });

  it('buildx 0.29.1: b2 and the plain replay of the very same build (`history logs`, d8) agree on everything they both show', async () => {
    const raw = await parseRawOne(rawText(STACKS[0], 'b2'));
    const history = await parseRawOne(rawFixture('forkyd28-bx0.29.1-d9-history-logs-fail-rawjson.stderr'));
    const plain = await parsePlainOne(rawFixture('forkyd28-bx0.29.1-d8-history-logs-fail.stderr'));
    for (const build of [raw, history]) {
      expect(build.steps.map((s) => `${s.name} ${s.status} ${s.cached}`)).toEqual(plain.steps.map((s) => `${s.name} ${s.status} ${s.cached}`));
      expect(failing(build)).toEqual(failing(plain));
      expect(build.steps[5]!.error).toBe(plain.steps[5]!.error);
      expect(build.failedStepTail.map((l) => l.text.replace(/^#6 \S+/, '#6 T'))).toEqual(plain.failedStepTail.map((l) => l.text.replace(/^#6 \S+/, '#6 T')));
    }
    // The replay is the same record, so its times round exactly to the plain replay's.
    for (const [i, step] of history.steps.entries()) if (plain.steps[i]!.status === 'done') expect(round1(step.seconds!)).toBe(plain.steps[i]!.seconds);
  });
});

describe('streaming and hostile input: notes, never a throw', () => {
  const compact = (): string[] =>
    rawText(STACKS[0], 'e2')
      .split('\n')
      .filter((l) => l !== '');
  const pretty = (): string[] =>
    rawText(STACKS[1], 'e2')
      .split('\n')
      .filter((l) => l !== '');

  it('a one-line stream cut in the middle of an object: the steps so far, unknown, and why', async () => {
    const lines = compact();
    const cut = [...lines.slice(0, 24), lines[24]!.slice(0, Math.floor(lines[24]!.length / 2))].join('\n');
    const build = await parseRawOne(cut);
    expect(build.status).toBe('unknown');
    expect(build.notes).toEqual([
      'the log ends while 2 step(s) were still running: it may be truncated or the build still in progress',
      'the rawjson progress ends inside a JSON object (from line 25): the log was cut off',
    ]);
    expect(build.steps.filter((s) => s.status === 'running').map((s) => s.stage)).toEqual(['left', 'right']);
    // Still-running steps keep their last output; a step that ended dropped it.
    expect(build.excerpt.length).toBeGreaterThan(0);
  });

  it('a pretty-printed stream cut in the middle of an object', async () => {
    const lines = pretty();
    const at = lines.findIndex((l, i) => i > 300 && l.includes('"data"'));
    const build = await parseRawOne(lines.slice(0, at + 1).join('\n'));
    expect(build.status).toBe('unknown');
    expect(build.notes.at(-1)).toMatch(/^the rawjson progress ends inside a JSON object \(from line \d+\): the log was cut off$/);
  });

  it('garbage in the middle: skipped with a note, the build unchanged', async () => {
    const whole = await parseRawOne(compact().join('\n'));
    const lines = compact();
    lines.splice(
      20,
      0,
      '{"vertexes": [oops}',
      'this is not json {',
      '{"vertexes":[{"digest":"sha256:0","name":"x","started":"2026-11-29T05:58:56Z"',
      '{"unrelated":true}',
      '}}}',
    );
    const { builds } = await parseRaw(lines.join('\n'));
    expect(builds).toHaveLength(1);
    const build = builds[0]!;
    expect(build.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`)).toEqual(whole.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`));
    expect(build.status).toBe('success');
    expect(build.notes).toEqual([
      // Line 21 never closes its braces; line 23 is cut in its last string.
      '2 rawjson object(s) were cut off or malformed and skipped (first at line 21: the object ends before its closing brace)',
      '1 JSON object(s) that are not BuildKit progress were skipped (first at line 24)',
    ]);
    // A line that is only text (22, 25) is read as text: nothing to note.
    const oneBad = compact();
    oneBad.splice(20, 0, '{"vertexes":[]] }');
    expect((await parseRawOne(oneBad.join('\n'))).notes).toEqual(['1 line(s) of the rawjson progress were not valid JSON and were skipped (first at line 21)']);
  });

  it('the same in pretty-printed form: a broken object is skipped up to the next one', async () => {
    const whole = await parseRawOne(pretty().join('\n'));
    const lines = pretty();
    const at = lines.indexOf('{', 200);
    // An object whose string runs off its line, then its indented remainder.
    lines.splice(at, 0, '{', '  "vertexes": [', '    {', '      "digest": "sha256:0', '      "name": "x"', '    }', '  ]', '}');
    const build = await parseRawOne(lines.join('\n'));
    expect(build.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`)).toEqual(whole.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`));
    expect(build.notes).toEqual([
      `1 rawjson object(s) were cut off or malformed and skipped (first at lines ${at + 1}-${at + 4}: a string runs to the end of a line (a line was cut?))`,
    ]);
  });

  it('pretty-printed objects pasted with an indent end at their own closing brace, not at column 0', async () => {
    const whole = await parseRawOne(pretty().join('\n'));
    // A Markdown code block indents every line: each object's `}` is at the column of its `{`.
    const indented = await parseRawOne(
      pretty()
        .map((l) => `    ${l}`)
        .join('\n'),
    );
    expect(indented.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`)).toEqual(whole.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`));
    expect(indented.status).toBe(whole.status);
    expect(indented.notes).toEqual([]);
  });

  it('a pretty-printed object with brackets that do not balance is skipped whole, up to its closing brace', async () => {
    const whole = await parseRawOne(pretty().join('\n'));
    const lines = pretty();
    const at = lines.indexOf('{', 200);
    lines.splice(at, 0, '{', '  "vertexes": [', '  ]]', '  "statuses": []', '}');
    const build = await parseRawOne(lines.join('\n'));
    expect(build.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`)).toEqual(whole.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`));
    // Its remaining lines are not read as the plain-text trailer (which would end the build).
    expect(build.notes).toEqual([`1 rawjson object(s) were cut off or malformed and skipped (first at lines ${at + 1}-${at + 5}: unbalanced brackets)`]);
  });

  it('an object over 8 MiB is skipped with a note; the build goes on', async () => {
    const lines = pretty();
    const at = lines.indexOf('{', 200);
    const chunk = Buffer.alloc(40 * 1024, 'x').toString('base64'); // lines under the line reader's 64 KiB
    const huge = ['{', '  "logs": ['];
    const count = Math.ceil(MAX_OBJECT_CHARS / chunk.length) + 2;
    for (let i = 0; i < count; i++)
      huge.push(
        '    {',
        '      "vertex": "sha256:0",',
        `      "data": "${chunk}",`,
        '      "timestamp": "2026-11-29T05:58:56Z"',
        i + 1 < count ? '    },' : '    }',
      );
    huge.push('  ]', '}');
    lines.splice(at, 0, ...huge);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(MAX_OBJECT_CHARS);
    const build = await parseRawOne(text);
    const whole = await parseRawOne(pretty().join('\n'));
    expect(build.status).toBe('success');
    expect(build.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`)).toEqual(whole.steps.map((s) => `${s.name} ${s.status} ${s.seconds}`));
    expect(build.notes).toEqual([
      `1 rawjson object(s) over 8 MiB were skipped (first at lines ${at + 1}-${at + huge.length}): the steps they updated may be incomplete`,
    ]);
  });

  it('one line over 8 MiB (were the line reader to let it through) is skipped too', () => {
    const parser = new RawJsonParser('big.stderr');
    const lines = compact();
    lines.splice(10, 0, `{"logs":[{"vertex":"sha256:0","stream":1,"data":"${'A'.repeat(MAX_OBJECT_CHARS)}","timestamp":"2026-11-29T05:58:56Z"}]}`);
    pushAll(parser, lines);
    const [build] = parser.end();
    expect(build!.status).toBe('success');
    expect(build!.notes).toEqual(['1 rawjson object(s) over 8 MiB were skipped (first at line 11): the steps they updated may be incomplete']);
  });

  it('a JSON line the line reader cut (over 8 MiB): a note, the rest is read', async () => {
    const lines = compact();
    const log = Buffer.alloc(6.2 * 1024 * 1024, 'y\n').toString('base64');
    lines.splice(21, 0, `{"logs":[{"vertex":"sha256:a0b8e3ca","stream":1,"data":"${log}","timestamp":"2026-11-29T05:58:57Z"}]}`);
    let cutLines = 0;
    await readLines(await textSource('cut.stderr', lines.join('\n')).open(), (raw) => void (cutLines += raw.cutBytes > 0 ? 1 : 0));
    expect(cutLines).toBe(1);
    const { builds } = await parseRaw(lines.join('\n'));
    expect(builds[0]!.status).toBe('success');
    expect(builds[0]!.notes).toEqual([
      '1 rawjson object(s) were cut off or malformed and skipped (first at line 22: a string runs to the end of the line (the line was cut?))',
    ]);
  });

  it('cut anywhere, every capture parses without throwing', async () => {
    for (const stack of STACKS) {
      for (const scenario of Object.keys(RAW_SCENARIOS) as RawScenario[]) {
        const text = rawText(stack, scenario);
        for (let cut = 0; cut < text.length; cut += 97) {
          const { builds } = await parseRaw(text.slice(0, cut));
          for (const build of builds) {
            expect(build.steps.map((s) => s.id)).toEqual(build.steps.map((_, i) => i + 1));
            expect(['success', 'failure', 'unknown']).toContain(build.status);
          }
        }
      }
    }
  });

  it('progress in which nothing started, or only other JSON: no build, and the notes say why', () => {
    const announced = new RawJsonParser('a');
    pushAll(announced, [
      '{"vertexes":[{"digest":"sha256:1","name":"[internal] load build definition from Dockerfile"}]}',
      '{"logs":[]}',
      '{"vertexes":[{"digest":"sha256:2"',
    ]);
    expect(announced.end()).toEqual([]);
    expect(announced.notes).toEqual(['the rawjson progress ends inside a JSON object (from line 3): the log was cut off']);
    const other = new RawJsonParser('b');
    pushAll(other, ['{', '  "name": "default",', '  "driver": "docker"', '}']);
    expect(other.end()).toEqual([]);
    expect(other.notes).toEqual(['1 JSON object(s) that are not BuildKit progress were skipped (first at lines 1-4)']);
  });

  it('binary-looking and random text: no build, no throw', async () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const chars = '{}[]",:\\ \nabc0123456789eE-+.truefalsn\u00e9\u2603';
    let text = '{"vertexes":[';
    for (let i = 0; i < 20000; i++) text += chars[Math.floor(random() * chars.length)];
    const parser = new RawJsonParser('random');
    pushAll(parser, text.split('\n'));
    expect(() => parser.end()).not.toThrow();
  });
});

describe('merging vertex updates', () => {
  const T = (ms: number): string => new Date(Date.parse('2026-01-01T00:00:00Z') + ms).toISOString().replace('Z', '000000Z');
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  const line = (object: unknown): string => JSON.stringify(object);
  const parseLines = (lines: string[]): Build[] => {
    const parser = new RawJsonParser('synthetic.stderr');
    pushAll(parser, lines);
    return parser.end();
  };
  const def = { digest: 'sha256:d1', name: '[internal] load build definition from Dockerfile' };
  const run = { digest: 'sha256:r1', name: '[builder 2/3] RUN make' };
  const exp = { digest: 'sha256:e1', name: 'exporting to image' };

  it('output lines split across log objects, CR and ANSI removed, times relative to the step start', () => {
    const [build] = parseLines([
      line({ vertexes: [{ ...run, started: T(1000) }] }),
      line({ logs: [{ vertex: run.digest, stream: 1, data: b64('hel'), timestamp: T(1500) }] }),
      line({ logs: [{ vertex: run.digest, stream: 2, data: b64('lo\r\n\u001b[31mred\u001b[0m\nwor'), timestamp: T(2500) }] }),
      line({ logs: [{ vertex: run.digest, stream: 1, data: b64('ld'), timestamp: T(13000) }] }),
      line({ vertexes: [{ ...run, started: T(1000), completed: T(14000), error: 'process "/bin/sh -c make" did not complete successfully: exit code: 2' }] }),
    ]);
    expect(build!.failedStepTail).toEqual([
      { line: 3, text: '#1 1.500 hello' },
      { line: 3, text: '#1 1.500 red' },
      // Flushed when the step ended; its first bytes came at line 3, 1.5 s in.
      { line: 3, text: '#1 1.500 world' },
    ]);
    expect(build!.steps[0]).toMatchObject({
      stage: 'builder',
      index: 2,
      total: 3,
      instruction: 'RUN',
      command: 'make',
      status: 'error',
      seconds: 13,
      endLine: 5,
    });
  });

  it('the last 30 output lines of a step are kept, and none once it succeeds', () => {
    const lines = [
      line({
        vertexes: [
          { ...run, started: T(0) },
          { ...def, started: T(0) },
        ],
      }),
    ];
    for (let i = 0; i < 2000; i++) lines.push(line({ logs: [{ vertex: run.digest, stream: 1, data: b64(`line ${i}\nmore ${i}\n`), timestamp: T(i) }] }));
    lines.push(line({ vertexes: [{ ...def, started: T(0), completed: T(5) }] }));
    lines.push(line({ vertexes: [{ ...run, started: T(0), completed: T(3000), error: 'exit code: 1' }] }));
    const [build] = parseLines(lines);
    expect(build!.failedStepTail).toHaveLength(30);
    expect(build!.failedStepTail.at(-1)).toEqual({ line: 2001, text: '#1 1.999 more 1999' });
    expect(build!.excerpt.length).toBeLessThanOrEqual(1300);
    expect(build!.excerpt.at(-1)!.text).toBe('#1 ERROR: exit code: 1');
    expect(build!.steps.find((s) => s.id === 2)!.status).toBe('done');
  });

  it('cached, canceled, running; an announcement never undoes a start; a restart runs until it ends again', () => {
    const other = { digest: 'sha256:o1', name: '[builder 3/3] RUN test' };
    const cached = { digest: 'sha256:c1', name: '[builder 1/3] FROM alpine' };
    const never = { digest: 'sha256:n1', name: '[final 1/1] COPY --from=builder /a /a' };
    const [build] = parseLines([
      line({ vertexes: [def, cached, run, other, never] }),
      line({
        vertexes: [
          { ...def, started: T(0), completed: T(10) },
          { ...def, started: T(20) },
        ],
      }),
      line({ vertexes: [def, { ...cached, started: T(30), completed: T(30), cached: true }] }),
      line({
        vertexes: [
          { ...def, started: T(20), completed: T(40) },
          { ...run, started: T(50) },
          { ...other, started: T(60) },
        ],
      }),
      line({ vertexes: [{ ...other, started: T(60), completed: T(70), error: 'failed to copy: context canceled' }] }),
    ]);
    expect(build!.steps.map((s) => `#${s.id} ${s.name} ${s.status} ${s.seconds}`)).toEqual([
      '#1 [internal] load build definition from Dockerfile done 0.02',
      '#2 [builder 1/3] FROM alpine cached 0',
      '#3 [builder 2/3] RUN make running null',
      '#4 [builder 3/3] RUN test canceled 0.01',
    ]);
    expect(build!.status).toBe('unknown');
    expect(build!.notes).toEqual(['the log ends while 1 step(s) were still running: it may be truncated or the build still in progress']);
    expect(build!.buildSeconds).toBe(0.07);
  });

  it('a failed cache import does not fail the build; statuses name the pushed image', () => {
    const cache = { digest: 'sha256:ci', name: 'importing cache manifest from ghcr.io/org/app:cache' };
    const [build] = parseLines([
      line({
        vertexes: [
          { ...def, started: T(0), completed: T(1) },
          { ...cache, started: T(1), completed: T(2), error: 'ghcr.io/org/app:cache: not found' },
        ],
      }),
      line({ vertexes: [{ ...exp, started: T(3) }] }),
      line({
        statuses: [
          {
            id: `pushing manifest for ghcr.io/org/app:1@sha256:${'a'.repeat(64)}`,
            vertex: exp.digest,
            current: 0,
            timestamp: T(4),
            started: T(3),
            completed: T(4),
          },
        ],
      }),
      line({ vertexes: [{ ...exp, started: T(3), completed: T(5) }] }),
    ]);
    expect(build!.status).toBe('success');
    expect(build!.cache.imports).toEqual([{ kind: 'registry', ref: 'ghcr.io/org/app:cache', seconds: 0.001, status: 'error', line: 1 }]);
    expect(build!.images).toEqual([{ ref: 'ghcr.io/org/app:1', digest: `sha256:${'a'.repeat(64)}`, pushed: true }]);
    expect(build!.errors).toEqual([]);
  });

  it('a progress group shows as one step: from its first start to its last end, cached only if all are', () => {
    const group = { id: 'pg1', name: '[stage-1 2/2] COPY --link /src /dst', weak: false };
    const [build] = parseLines([
      line({ vertexes: [{ ...def, started: T(0), completed: T(1) }] }),
      line({
        vertexes: [
          { digest: 'sha256:m1', name: 'copy a', started: T(10), progressGroup: group },
          { digest: 'sha256:m2', name: 'copy b', started: T(15), progressGroup: group },
        ],
      }),
      line({ logs: [{ vertex: 'sha256:m2', stream: 1, data: b64('copied\n'), timestamp: T(16) }] }),
      line({ vertexes: [{ digest: 'sha256:m1', name: 'copy a', started: T(10), completed: T(20), cached: true, progressGroup: group }] }),
      line({ vertexes: [{ digest: 'sha256:m2', name: 'copy b', started: T(15), completed: T(40), progressGroup: group }] }),
    ]);
    expect(build!.steps.map((s) => `#${s.id} ${s.name} ${s.status} ${s.seconds}`)).toEqual([
      '#1 [internal] load build definition from Dockerfile done 0.001',
      '#2 [stage-1 2/2] COPY --link /src /dst done 0.03',
    ]);
    const parser = new RawJsonParser('x');
    pushAll(parser, [
      line({ vertexes: [{ ...def, started: T(0), completed: T(1) }] }),
      line({ vertexes: [{ digest: 'sha256:m1', name: 'copy a', started: T(10), completed: T(20), progressGroup: group }] }),
    ]);
    parser.end();
    expect(parser.extras[0]!.digests.get(2)).toBe('progress-group:pg1');
  });

  it('warnings are kept, with the step they are about', () => {
    const parser = new RawJsonParser('w');
    pushAll(parser, [
      line({ vertexes: [{ ...def, started: T(0), completed: T(1) }] }),
      line({
        warnings: [
          {
            vertex: def.digest,
            level: 1,
            short: b64('JSONArgsRecommended: JSON arguments recommended for CMD (line 5)'),
            detail: [b64('Use JSON arguments.')],
            url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
          },
        ],
      }),
    ]);
    const [build] = parser.end();
    expect(build!.status).toBe('success');
    expect(parser.extras[0]!.warnings).toEqual([
      {
        line: 2,
        stepId: 1,
        level: 1,
        text: 'JSONArgsRecommended: JSON arguments recommended for CMD (line 5)',
        detail: ['Use JSON arguments.'],
        url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
      },
    ]);
    expect(parser.extras[0]!.digests.get(1)).toBe(def.digest);
  });
});

describe('several builds in one input', () => {
  it('two invocations one after the other: two builds, named apart, line ranges apart', async () => {
    const first = rawText(STACKS[0], 'a3').trimEnd();
    const second = rawText(STACKS[0], 'a4').trimEnd();
    const { builds } = await parseRaw(`${first}\n${second}\n`, 'ci.log');
    expect(builds.map((b) => `${b.name} ${b.status} ${b.firstLine}-${b.lastLine}`)).toEqual(['ci #1 success 1-23', 'ci #2 success 24-59']);
    expect(cacheFlags(builds[0]!).every((f) => f.endsWith('cached'))).toBe(true);
    expect(cacheFlags(builds[1]!).every((f) => f.endsWith('built'))).toBe(true);
  });

  it('a failed build and its trailer, then another build (pretty-printed): the trailer stays with the failure', async () => {
    const failed = rawText(STACKS[1], 'b2').trimEnd();
    const next = rawText(STACKS[1], 'a3').trimEnd();
    const { builds } = await parseRaw(`${failed}\n${next}\n`);
    expect(builds.map((b) => b.status)).toEqual(['failure', 'success']);
    expect(builds[0]!.lastLine).toBe(253);
    expect(builds[1]!.firstLine).toBe(254);
    expect(builds[0]!.errorDetails.at(-1)!.line).toBe(253);
    expect(builds[1]!.excerpt).toEqual([]);
  });
});

describe('AutoDetectParser: one parser for both formats', () => {
  const viaAuto = async (text: string, label: string): Promise<{ builds: Build[]; format: string | null }> => {
    const parser = new AutoDetectParser(label);
    const decoder = new LineDecoder();
    await readLines(await textSource(label, text).open(), (raw) => parser.push(decoder.decode(raw)));
    return { builds: parser.end(), format: parser.format };
  };

  it.each(STACKS)('buildx $version: rawjson to the rawjson parser, plain to the plain parser, same builds as each alone', async (stack) => {
    const raw = rawText(stack, 'b2');
    const auto = await viaAuto(`\n\n${raw}`, 'b2.stderr');
    expect(auto.format).toBe('rawjson');
    const alone = (await parseRaw(`\n\n${raw}`, 'b2.stderr')).builds;
    expect(auto.builds).toEqual(alone);

    const plain = plainText(stack, 'b1');
    const autoPlain = await viaAuto(plain, 'b1.log');
    expect(autoPlain.format).toBe('plain');
    const plainParser = new BuildLogParser('b1.log');
    const decoder = new LineDecoder();
    await readLines(await textSource('b1.log', plain).open(), (line) => plainParser.push(decoder.decode(line)));
    expect(autoPlain.builds).toEqual(plainParser.end());
  });

  it('a name for the builds (a job log whose label is not a file name) goes to either parser', async () => {
    for (const [text, format] of [
      [rawText(STACKS[0], 'a3'), 'rawjson'],
      [plainText(STACKS[0], 'a2'), 'plain'],
    ] as const) {
      const parser = new AutoDetectParser('run 42 / job 7', 'Build image');
      const decoder = new LineDecoder();
      await readLines(await textSource('x', text).open(), (raw) => parser.push(decoder.decode(raw)));
      expect(parser.format).toBe(format);
      expect(parser.end().map((b) => `${b.name} ${b.source}`)).toEqual(['Build image run 42 / job 7']);
    }
  });

  it('empty input: no format, no build', async () => {
    expect(await viaAuto('\n\n', 'empty')).toEqual({ builds: [], format: null });
  });
});

describe('the fast reading of a log object', () => {
  it('gives what JSON.parse gives for the canonical shape, and leaves every other text to it', async () => {
    const { parseCanonicalLogObject } = await import('../src/parse/rawjson/log-object.js');
    const dir = join(FIXTURES, 'rawjson');
    const lines = readdirSync(dir)
      .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n'))
      .filter((line) => line.startsWith('{'));
    const canonical = '{"logs":[{"vertex":"sha256:01","stream":1,"data":"aGkK","timestamp":"2026-11-29T05:58:56.3Z"}]}';
    const variants = [
      canonical,
      canonical.replace('"stream":1', '"stream":01'),
      canonical.replace('"stream":1', '"stream":-1'),
      canonical.replace('sha256:01', 'sha256:\\u0030'),
      canonical.replace('sha256:01', 'sha\t256'),
      canonical.replace('aGkK', 'a Gk'),
      canonical.replace('}]}', '}] }'),
      canonical.replace('}]}', '},{"vertex":"x","stream":2,"data":"","timestamp":""}]}'),
      canonical.replace('"data"', '"dat"'),
      `${canonical} `,
    ];
    let fast = 0;
    for (const line of [...lines, ...variants]) {
      const value = parseCanonicalLogObject(line);
      if (value === undefined) continue;
      fast++;
      expect([line, value]).toEqual([line, JSON.parse(line)]);
    }
    expect(fast).toBeGreaterThan(10);
    expect(parseCanonicalLogObject(canonical)).toEqual(JSON.parse(canonical));
    for (const variant of variants.slice(1)) expect([variant, parseCanonicalLogObject(variant)]).toEqual([variant, undefined]);
  });
});
