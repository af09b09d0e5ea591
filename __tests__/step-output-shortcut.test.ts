// The shortcut for a step's own output lines and for quiet lines outside the steps
// (src/parse/step-output-shortcut.ts, src/parse/quiet-line.ts) must give exactly
// the builds the whole way gives: every fixture log, every corpus excerpt, the sample cut, shuffled
// and mutated, each as is, as a GitHub job log and as a `gh run view` file, in several chunk sizes,
// parsed with the shortcut and without it. The shortcut must also have been used, or the comparison
// proves nothing.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, SAMPLE } from './support/analyze-text.js';
import { parseSource, type ParsedSource } from '../src/parse/parse-source.js';
import { fileSource, type LogSource } from '../src/input/log-source.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { Pattern } from '../src/diagnose/catalog.js';
import { LineSelector, lineSelectorFor } from '../src/diagnose/line-selector.js';
import { LiteralSet } from '../src/diagnose/literal-set.js';
import { LineBytes } from '../src/input/line-bytes.js';
import { parseRunnerTimestamp, parseRunnerTimestampBytes, RunnerTimestampReader } from '../src/decode/timestamp.js';
import {
  anchoredPrefix,
  quietLineLiterals,
  quietLinePrefilter,
  startsWithDockerWord,
  startsWithParserPrefix,
  topLevelBranches,
} from '../src/parse/quiet-line.js';

/** mulberry32: the same seed gives the same cases on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The bytes in chunks of `size` (the last one shorter), as a stream would give them. */
function chunked(label: string, bytes: Buffer, size: number): LogSource {
  return {
    label,
    async open() {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(Buffer.from(bytes.subarray(at, at + size)));
      return chunks;
    },
  };
}

/**
 * The bytes as views of one buffer of `size`, filled again for each chunk, as fileSource reads a file.
 * `says` false: the source does not tell the parser so (the control: the parser's bytes then go stale).
 */
function reusing(label: string, bytes: Buffer, size: number, says = true): LogSource {
  return {
    label,
    reusesChunks: says,
    async open() {
      return (function* () {
        const buffer = Buffer.alloc(size);
        for (let at = 0; at < bytes.length; at += size) yield buffer.subarray(0, bytes.copy(buffer, 0, at, at + size));
      })();
    },
  };
}

/** What a parse gives, as the reports would see it. */
function outcome(parsed: ParsedSource): string {
  return JSON.stringify({ builds: parsed.builds, problems: parsed.problems, lines: parsed.lines, bytes: parsed.bytes });
}

const builtin = lineSelectorFor(builtinSignatures());
// A team's own signature: its literals alone select a line (here, lines of the sample's compile).
const withUser = new LineSelector([
  ...builtinSignatures(),
  { ...builtinSignatures()[0]!, id: 'team-rule', patternsOrigin: 'user', patterns: [new Pattern('Compiling serde', false)] },
]);

/** Parses `bytes` both ways; returns how many of a step's lines the shortcut took (quiet lines in `counts.quiet`). */
async function expectSameBothWays(
  label: string,
  bytes: Buffer,
  chunkSize = 64 * 1024,
  selector: LineSelector | null = builtin,
  counts: { quiet: number; endGroups?: number } = { quiet: 0 },
): Promise<number> {
  const whole = await parseSource(chunked(label, bytes, chunkSize), selector, { shortcut: false });
  const short = await parseSource(chunked(label, bytes, chunkSize), selector);
  expect(whole.shortcutLines).toBe(0);
  expect(whole.quietLines).toBe(0);
  expect(whole.endGroupLines).toBe(0);
  counts.quiet += short.quietLines;
  counts.endGroups = (counts.endGroups ?? 0) + short.endGroupLines;
  // toBe on the JSON text: a difference shows where it is without a diff of two huge objects.
  const [a, b] = [outcome(whole), outcome(short)];
  if (a !== b) {
    let at = 0;
    while (a[at] === b[at]) at++;
    expect([label, b.slice(Math.max(0, at - 300), at + 300)]).toEqual([label, a.slice(Math.max(0, at - 300), at + 300)]);
  }
  return short.shortcutLines - short.quietLines - short.endGroupLines;
}

const START = Date.UTC(2025, 8, 24, 1, 56, 21);
function timestamp(i: number): string {
  // Seven fractional digits as the runner writes them; now and then none or fewer.
  const iso = new Date(START + i * 37).toISOString();
  if (i % 97 === 0) return iso.replace(/\.\d+Z$/, 'Z');
  if (i % 89 === 0) return iso.replace(/(\.\d)\d+Z$/, '$1Z');
  return iso.replace('Z', `${String(i % 10_000).padStart(4, '0')}Z`);
}

/** The text as a GitHub job log (`TIMESTAMP text`). */
function asJobLog(text: string): Buffer {
  return Buffer.from(
    text
      .split('\n')
      .map((line, i) => `${timestamp(i)} ${line}`)
      .join('\n'),
  );
}

/** The text as `gh run view --log` prints it, in two jobs of two steps each. */
function asRunView(text: string): Buffer {
  const lines = text.split('\n');
  return Buffer.from(
    lines
      .map((line, i) => {
        const job = i < lines.length / 2 ? 'Build amd64' : 'Build arm64';
        const step = i % Math.ceil(lines.length / 2) < 3 ? 'Set up job' : 'Build and push';
        return `${job}\t${step}\t${timestamp(i)} ${line}`;
      })
      .join('\n'),
  );
}

const sample = readFileSync(SAMPLE);

/** Text files of fixtures: logs, BuildKit's stderr, the corpora's excerpts. */
function fixtureTexts(): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  for (const dir of ['logs', 'baseline', 'modern', 'rawjson', 'history']) {
    for (const file of readdirSync(join(FIXTURES, dir))) {
      if (/\.(log|stderr|rawjson|txt)$/.test(file)) texts.push([`${dir}/${file}`, readFileSync(join(FIXTURES, dir, file), 'utf8')]);
    }
  }
  const corpora = [
    join(FIXTURES, 'failures', 'cases.jsonl'),
    ...readdirSync(join(FIXTURES, 'unseen'))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(FIXTURES, 'unseen', f)),
  ];
  for (const file of corpora) {
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .forEach((line, i) => texts.push([`${file.split('/').pop()}#${i}`, (JSON.parse(line) as { excerpt: string }).excerpt]));
  }
  return texts;
}

/**
 * The sample with a seeded share of its step output lines changed in the ways that must turn the
 * shortcut away (or must not confuse it): blanks at the end, a character beyond ASCII, colours, a
 * CR, a tab, an error word, a signature's literal, a step number that is not open, `#1` again, a
 * bad timestamp, a header, a rule and an error block, a runner command.
 */
function mutated(seed: number): Buffer {
  const random = prng(seed);
  const changes: Array<(line: string) => string> = [
    (l) => `${l}  `,
    (l) => `${l}\t`,
    (l) => l.replace(/ (\S+)$/, ' café $1'),
    (l) => l.replace(/ (\S+)$/, ' \u001b[31m$1\u001b[0m'),
    (l) => `${l}\rredrawn`,
    (l) => l.replace(/ (\S+)$/, '\t$1'),
    (l) => `${l} error: could not compile`,
    (l) => `${l} no space left on device`,
    (l) => l.replace(/#(\d+) /, '#9999 '),
    (l) => l.replace(/#(\d+) /, '#1 '),
    (l) => l.replace(/#(\d+) /, '#0001 '),
    (l) => l.replace(/T(\d\d):/, 'T25:'),
    (l) => l.replace(/(\d{4}-\d\d-\d\dT[\d:.]+Z) /, '$1'),
    (l) => l.replace(/(\d{4}-\d\d-\d\dT[\d:.]+Z) /, '\uFEFF$1 '),
    (l) => l.replace(/(\d{4}-\d\d-\d\dT[\d:]+)\.\d+Z/, '$1.Z'),
    (l) => l.replace(/ (#\d+ )[\d.]+ .*$/, ' $1------'),
    (l) => l.replace(/ (#\d+ )[\d.]+ .*$/, ' ------'),
    (l) => l.replace(/ #\d+ [\d.]+ .*$/, ' > [builder 3/5] RUN cargo build:'),
    (l) => l.replace(/ #\d+ [\d.]+ .*$/, ' ##[group]Metadata'),
    (l) => l.replace(/ #\d+ [\d.]+ .*$/, ' ##[endgroup]'),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 DONE 1.2s'),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'),
    (l) => l.replace(/\t/, ' \t'),
    (l) => l.replace(/^([^\t]*)\t/, '$1x\t'),
    (l) => l.replace(/#(\d+) ([\d.]+) /, '#$1 $2'),
    (l) => l.replace(/#(\d+) (\d+)\.(\d+) /, '#$1 $2. '),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 pushing manifest for ghcr.io/o/app:1@sha256:' + 'ab'.repeat(32)),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 naming to docker.io/library/app:latest done'),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 sha256:' + 'cd'.repeat(32)),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 ...'),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 CACHED'),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 [internal] load build definition from Dockerfile'),
    (l) => l.replace(/ #\d+ ([\d.]+ .*)$/, ' #0 $1'),
    (l) => l.replace(/ #\d+ [\d.]+ .*$/, ' #0 building with "default" instance using docker driver'),
    (l) => l.replace(/ (#\d+) [\d.]+ .*$/, ' $1 extracting sha256:' + 'ef'.repeat(32) + ' 1.2s done'),
  ];
  const lines = sample.toString('utf8').split('\n');
  const output = /\t\S+Z #\d+ \d+\.\d+ /;
  for (let i = 0; i < lines.length; i++) {
    if (output.test(lines[i]!) && random() < 0.06) lines[i] = changes[Math.floor(random() * changes.length)]!(lines[i]!);
  }
  return Buffer.from(lines.join('\n'));
}

/**
 * The sample with a seeded share of its other lines (the runner's and the actions' own: setup,
 * `docker info`, the builder's JSON, cleanup) replaced by or changed into what the parser, its
 * dialects, the runner facts or the decoder act on, so that every quiet-line condition
 * (src/parse/quiet-line.ts, JobState.passesQuietLine) is met by lines that must turn it away, in
 * every state the sample's jobs go through (groups, metadata, an action's inputs, an open build).
 */
function runnerLinesMutated(seed: number): Buffer {
  const random = prng(seed);
  const texts = [
    'docker build -t app .',
    '[command]/usr/bin/docker buildx build --push .',
    '+ docker build .',
    '$   docker image build .',
    '/usr/local/bin/docker builder build .',
    'ERROR: failed to solve: process did not complete',
    'error: could not compile `foo`',
    'failed to solve: rpc error',
    '------',
    ' > [builder 3/5] RUN cargo build:',
    '> [builder 3/5] RUN cargo build:',
    '[+] Building 12.3s (4/9) FINISHED',
    '=> [internal] load build definition 0.1s',
    '=> => # compiling',
    'Step 1/4 : FROM alpine',
    'Sending build context to Docker daemon  2.048kB',
    ' ---> Using cache',
    'Successfully built 0123456789ab',
    'Successfully tagged app:1',
    ' OS/Arch:  linux/arm64',
    'Architecture: aarch64',
    'BuildKit version:   v0.9.0',
    'Secret source: None',
    'Packages: read',
    'github.com/docker/buildx v0.9.0 abcdef',
    'builder-1: v0.12.0',
    '  tags: type=ref,event=branch',
    '  #3 [2/4] RUN make',
    '\t#3 1.2 output',
    '  12 | >>> RUN make',
    'WARNING: failed to import cache',
    'The operation was canceled.',
    'Killed',
    'E: Unable to locate package foo',
    'denied: requested access to the resource is denied',
    'unknown: not found',
    '00O hello',
    '12E+ hello',
    'café au lait',
    '\u001b[31mred\u001b[0m',
    'a\tb',
    'trailing  ',
    '  leading',
    '   ',
    '',
    '&amp; &#x27;',
    '{"containerimage.digest": "sha256:' + 'ab'.repeat(32) + '"}',
    '##[group]Metadata',
    '##[endgroup]',
    '##[error]Process completed with exit code 1.',
    '##[group]Run docker/build-push-action@v5',
    '##[group]Run docker/metadata-action@v5',
    '##[group]GITHUB_TOKEN Permissions',
    '##[group]Buildx version',
    '##[group]Post Build',
    '#0 building with "default" instance using docker driver',
    '#1 [internal] load build definition from Dockerfile',
    'docker-init:',
    'Status: Downloaded newer image for foo',
    'Step #1 - "build": hello',
    '[10:51:35] hello',
  ].map((t) => t.replace(/\\t/g, '\t').replace(/\\u001b/g, '\u001b'));
  const lines = sample.toString('utf8').split('\n');
  const runner = /^([^\t]*\t[^\t]*\t\S+Z) (?!#)(.*)$/;
  for (let i = 0; i < lines.length; i++) {
    const match = runner.exec(lines[i]!);
    if (!match || random() >= 0.08) continue;
    const r = random();
    if (r < 0.05) lines[i] = `${match[1]}${match[2]}`;
    else if (r < 0.1) lines[i] = `${match[1]} ${match[2]}\r`;
    else if (r < 0.6) lines[i] = `${match[1]} ${texts[Math.floor(random() * texts.length)]!}`;
    else lines[i] = `${match[1]} ${match[2]} ${texts[Math.floor(random() * texts.length)]!}`;
  }
  return Buffer.from(lines.join('\n'));
}

/** The sample cut at seeded byte offsets and the pieces shuffled (as the fuzz suite does). */
function cutAndShuffled(seed: number): Buffer {
  const random = prng(seed);
  const cuts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * sample.length)).sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, sample.length]) {
    pieces.push(sample.subarray(from, cut));
    from = cut;
  }
  for (let i = pieces.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
  }
  return Buffer.concat(pieces);
}

describe('the step output shortcut gives the builds the whole way gives', () => {
  it('on the sample, in chunks of every size, and takes most of its step output', async () => {
    const lines = sample.toString('utf8').split('\n');
    const outputLines = lines.filter((l) => /\t\S+Z #\d+ \d+\.\d+ /.test(l)).length;
    const stepLines = lines.filter((l) => /\t\S+Z #\d+ /.test(l)).length;
    const counts = { quiet: 0, endGroups: 0 };
    const taken = await expectSameBothWays('sample', sample, 64 * 1024, builtin, counts);
    // Most step lines, not all: statuses and lines with a signature's literal (`error`, `warning: ...`) go the whole way.
    expect(taken).toBeGreaterThan(outputLines);
    expect(taken).toBeLessThan(stepLines);
    // Most of the other lines too (the runner's setup, `docker info`, the builder's JSON): not runner
    // commands, nor lines the parser or the catalog looks for.
    const otherLines = lines.filter((l) => /\t\S+Z (?!#)/.test(l)).length;
    expect(counts.quiet).toBeGreaterThan(otherLines / 2);
    expect(counts.quiet).toBeLessThan(otherLines);
    // And the runner's `##[endgroup]` lines, but one that ends another job's last group (nothing
    // after the command: the decoded text is empty).
    const endGroups = lines.filter((l) => /\t\S+Z ##\[endgroup\]$/.test(l)).length;
    expect(endGroups).toBeGreaterThan(100);
    expect(counts.endGroups).toBeGreaterThan(endGroups * 0.9);
    expect(counts.endGroups).toBeLessThanOrEqual(endGroups);
    for (const size of [1000, 4093]) expect(await expectSameBothWays(`sample/${size}`, sample, size)).toBeGreaterThan(0);
    // Chunks shorter than a line: no line lies whole in a chunk, none is offered to the shortcut.
    expect(await expectSameBothWays('sample/7', sample, 7)).toBe(0);
    expect(await expectSameBothWays('sample/1', sample.subarray(0, 60_000), 1)).toBe(0);
  });

  it('on the sample as a GitHub job log (no job and step names)', async () => {
    const jobLog = Buffer.from(sample.toString('utf8').replace(/^[^\t\n]*\t[^\t\n]*\t/gm, ''));
    const counts = { quiet: 0 };
    expect(await expectSameBothWays('job.log', jobLog, 64 * 1024, builtin, counts)).toBeGreaterThan(3000);
    expect(counts.quiet).toBeGreaterThan(1000);
  });

  it('on the sample with a team signature whose literal is in its output', async () => {
    const taken = await expectSameBothWays('sample+team', sample, 64 * 1024, withUser);
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(await expectSameBothWays('sample', sample));
    // Without a catalog nothing is selected: the shortcut takes at least as much.
    expect(await expectSameBothWays('sample-no-catalog', sample, 64 * 1024, null)).toBeGreaterThanOrEqual(taken);
  });

  it.each(Array.from({ length: 8 }, (_, i) => i + 1))('on the sample with its output lines mutated, seed %i', async (seed) => {
    const bytes = mutated(seed);
    expect(await expectSameBothWays(`mutated-${seed}`, bytes)).toBeGreaterThan(1000);
    expect(await expectSameBothWays(`mutated-${seed}/4093`, bytes, 4093)).toBeGreaterThan(1000);
  });

  it.each(Array.from({ length: 8 }, (_, i) => i + 1))('on the sample with its runner lines mutated, seed %i', async (seed) => {
    const bytes = runnerLinesMutated(seed);
    const jobLog = Buffer.from(bytes.toString('utf8').replace(/^[^\t\n]*\t[^\t\n]*\t/gm, ''));
    for (const [label, input, size] of [
      [`runner-mutated-${seed}`, bytes, 64 * 1024],
      [`runner-mutated-${seed}/4093`, bytes, 4093],
      [`runner-mutated-${seed}/job.log/1000`, jobLog, 1000],
    ] as const) {
      const counts = { quiet: 0 };
      expect(await expectSameBothWays(label, input, size, builtin, counts)).toBeGreaterThan(1000);
      expect(counts.quiet).toBeGreaterThan(500);
    }
  });

  it.each(Array.from({ length: 8 }, (_, i) => i + 1))('on the sample cut and shuffled, seed %i', async (seed) => {
    await expectSameBothWays(`shuffled-${seed}`, cutAndShuffled(seed));
  });

  it("takes a step's DONE and `...` lines, and gives the step's end and time the whole way gives", async () => {
    const text = [
      '#0 building with "default" instance using docker driver',
      '#1 [internal] load build definition from Dockerfile',
      '#1 transferring dockerfile: 120B done',
      '#1 DONE 0.1s',
      '#2 [1/2] RUN make',
      '#2 0.512 compiling',
      '#3 [2/2] RUN make check',
      '#3 0.100 checking',
      '#2 ...',
      '#2 1.200 linking',
      '#2 DONE',
      '#3 DONE 12s',
      '#3 DONE 12.5.s',
      '#4 DONE',
      '#1 DONE 0.2s',
      '#1 ...',
      '',
    ].join('\n');
    for (const [label, bytes] of [
      ['done (job log)', asJobLog(text)],
      ['done (gh run view)', Buffer.from(asJobLog(text).toString().replace(/^/gm, 'Build\tBuild and push\t'))],
    ] as const) {
      // The step output and progress, both `...`, and each DONE of a known step (with a time, or
      // none); not `#3 DONE 12.5.s` (output, left to the parser), nor `#4 DONE` (a step not seen yet),
      // nor any line of `#1` (BuildKit's own step, whose lines may quote the Dockerfile: left to the parser).
      expect([label, await expectSameBothWays(label, bytes)]).toEqual([label, 6]);
      const steps = (await parseSource(chunked(label, bytes, 64 * 1024), builtin)).builds[0]!.steps;
      expect(steps.map((step) => [step.name, step.status, step.seconds])).toEqual([
        // The last DONE counts; a DONE without its time leaves none.
        ['[internal] load build definition from Dockerfile', 'done', 0.2],
        ['[1/2] RUN make', 'done', null],
        ['[2/2] RUN make check', 'done', 12],
        ['#4', 'done', null],
      ]);
    }
  });

  it('on every fixture log and corpus excerpt, as is, as a job log and as a gh run view file', async () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(300);
    let taken = 0;
    const counts = { quiet: 0 };
    for (const [label, text] of texts) {
      await expectSameBothWays(label, Buffer.from(text));
      taken += await expectSameBothWays(`${label} (job log)`, asJobLog(text), 64 * 1024, builtin, counts);
      taken += await expectSameBothWays(`${label} (gh run view)`, asRunView(text), 512, builtin, counts);
    }
    expect(taken).toBeGreaterThan(200);
    expect(counts.quiet).toBeGreaterThan(200);
  });

  it('on CRLF, lone-CR and UTF-16 files', async () => {
    const text = sample.toString('utf8').split('\n').slice(0, 3000).join('\n');
    await expectSameBothWays('crlf', Buffer.from(text.replace(/\n/g, '\r\n')));
    await expectSameBothWays('cr', Buffer.from(text.replace(/\n/g, '\r')));
    await expectSameBothWays('utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 4093);
  });
});

describe('read from one buffer filled again for each chunk (a file), the shortcut gives the builds the whole way gives', () => {
  /** Parses `bytes` the whole way in fresh chunks and with the shortcut over one reused buffer; returns the lines taken. */
  async function expectSameReused(label: string, bytes: Buffer, size: number): Promise<number> {
    const whole = await parseSource(chunked(label, bytes, 64 * 1024), builtin, { shortcut: false });
    const reused = await parseSource(reusing(label, bytes, size), builtin);
    const [a, b] = [outcome(whole), outcome(reused)];
    if (a !== b) {
      let at = 0;
      while (a[at] === b[at]) at++;
      expect([label, b.slice(Math.max(0, at - 300), at + 300)]).toEqual([label, a.slice(Math.max(0, at - 300), at + 300)]);
    }
    return reused.shortcutLines;
  }

  it('on the sample and the sample as a job log, in buffers of 1 MiB, 64 KiB, 4093, 1000 and 7 bytes', async () => {
    const jobLog = Buffer.from(sample.toString('utf8').replace(/^[^\t\n]*\t[^\t\n]*\t/gm, ''));
    for (const size of [1024 * 1024, 64 * 1024, 4093, 1000]) {
      expect(await expectSameReused(`sample/${size}`, sample, size)).toBeGreaterThan(5000);
      expect(await expectSameReused(`job.log/${size}`, jobLog, size)).toBeGreaterThan(3000);
    }
    expect(await expectSameReused('sample/7', sample.subarray(0, 60_000), 7)).toBe(0);
  });

  it.each([1, 2, 3])('on the sample with its output and runner lines mutated, seed %i', async (seed) => {
    expect(await expectSameReused(`mutated-${seed}/4093`, mutated(seed), 4093)).toBeGreaterThan(1000);
    expect(await expectSameReused(`runner-mutated-${seed}/1000`, runnerLinesMutated(seed), 1000)).toBeGreaterThan(1000);
  });

  it('on every fixture log and corpus excerpt as a gh run view file, in buffers of 512 bytes', async () => {
    let taken = 0;
    for (const [label, text] of fixtureTexts()) taken += await expectSameReused(`${label} (gh run view)`, asRunView(text), 512);
    expect(taken).toBeGreaterThan(200);
  });

  it('needs the parser told: a source that reuses its buffer without saying so gives other builds', async () => {
    // Failing builds quote lines the shortcut took as bytes (the excerpt, the failed step's tail).
    let differ = 0;
    for (const [label, text] of fixtureTexts()) {
      const bytes = asRunView(text);
      const whole = outcome(await parseSource(chunked(label, bytes, 64 * 1024), builtin, { shortcut: false }));
      if (outcome(await parseSource(reusing(label, bytes, 512, false), builtin)) !== whole) differ++;
    }
    expect(differ).toBeGreaterThan(10);
  });

  it('reads a file through fileSource, in its own buffer and in a small one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bxd-reused-'));
    try {
      const path = join(dir, 'sample.log');
      writeFileSync(path, sample);
      const whole = outcome(await parseSource(chunked(path, sample, 64 * 1024), builtin, { shortcut: false }));
      for (const source of [fileSource(path), fileSource(path, 4093)]) {
        expect(source.reusesChunks).toBe(true);
        const parsed = await parseSource(source, builtin);
        expect(parsed.shortcutLines).toBeGreaterThan(5000);
        expect(outcome(parsed)).toBe(whole);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the shortcut parts', () => {
  it('reads a runner timestamp from bytes as from text', () => {
    const texts = [
      '2025-09-24T01:56:21.9780659Z',
      '2025-09-24T01:56:21Z',
      '2025-09-24T23:59:60.5Z',
      '2025-09-25T00:00:00.12Z',
      '2025-09-24T24:00:00Z',
      '2024-02-29T12:00:00.123Z',
    ];
    for (const text of [...texts, ...texts]) {
      const bytes = Buffer.from(`xx${text}yy`);
      expect([text, parseRunnerTimestampBytes(bytes, 2, 2 + text.length)]).toEqual([text, parseRunnerTimestamp(text)]);
    }
  });

  it('reads a runner timestamp, shape and value, in one pass as from text', () => {
    const reader = new RunnerTimestampReader();
    const shaped = [
      '2025-09-24T01:56:21.9780659Z',
      '2025-09-24T01:56:21Z',
      '2025-09-24T23:59:60.5Z',
      '2025-09-25T00:00:00.12Z',
      '2024-02-29T12:00:00.123Z',
      '1969-12-31T23:59:59.9Z', // before the epoch: a negative time, still a time
    ];
    // A new day first, then the same day again (the cached day), then back.
    for (const text of [...shaped, ...shaped.slice().reverse(), ...shaped]) {
      const bytes = Buffer.from(`xx${text} #1 DONE`);
      expect([text, reader.read(bytes, 2)]).toEqual([text, parseRunnerTimestamp(text)]);
      expect(reader.end).toBe(2 + text.length);
    }
    // Not the shape, or not a time: null, whatever day is cached.
    const refused = [
      '2025-09-24T24:00:00Z',
      '2025-09-24T01:60:00Z',
      '2025-13-45T01:00:00Z',
      '2025-09-24T01:56:21.Z',
      '2025-09-24T01:56:21',
      '2025-09-24 01:56:21Z',
      '2025-09-2401:56:21Z',
      '2025-9-24T01:56:21Z',
      '2025-09-24T01:56:2xZ',
      '2025-09-24T01:56:21.97x0Z',
      '',
    ];
    for (const text of refused) {
      for (const cachedDay of ['2025-09-24T00:00:00Z', '2020-01-01T00:00:00Z']) {
        parseRunnerTimestamp(cachedDay);
        expect([text, reader.read(Buffer.from(`xx${text}\nnext`), 2)]).toEqual([text, null]);
      }
    }
  });

  it('tests literals in bytes as in text, and answers yes for bytes beyond ASCII', () => {
    const set = new LiteralSet([
      { text: 'No Space Left', id: 1 },
      { text: 'exit code', id: 2 },
    ]);
    for (const text of ['  no space left on device', 'NO SPACE LEFT', 'exit cod', 'xexit codex', 'nothing here', ''])
      expect([text, set.testBytes(Buffer.from(`>${text}<`), 1, 1 + Buffer.byteLength(text))]).toEqual([text, set.test(text)]);
    expect(set.testBytes(Buffer.from('café'), 0, 5)).toBe(true);
    expect(new LiteralSet([]).testBytes(Buffer.from('anything'), 0, 8)).toBe(false);
  });

  it("derives the quiet-line literals from the parser's own expressions", () => {
    const found = quietLineLiterals();
    expect(found).not.toBeNull();
    // One from each: FAILURE_LINE, FINAL_ERROR, CACHE_IMPORT_WARNING, the Dockerfile pointer; and the plain tests.
    for (const literal of ['did not complete successfully', 'failed to solve', 'cache import', ' | >>> ', 'Arch', '------', 'Step '])
      expect(found!.literals).toContain(literal);
    // FAILURE_LINE's alternatives anchored at the start with a plain text are prefixes, not literals.
    expect(found!.prefixes).toEqual(expect.arrayContaining(['E: ', 'fatal: ', 'Traceback ']));
    expect(found!.literals).not.toContain('E: ');
    const set = quietLinePrefilter()!;
    const turnedAway = (text: string) => {
      const bytes = Buffer.from(text);
      return set.testBytes(bytes, 0, bytes.length) || startsWithParserPrefix(bytes, 0, bytes.length);
    };
    for (const text of [
      'x ERROR: y',
      'Error response from daemon: no',
      ' OS/Arch: linux/amd64',
      '  12 | >>> RUN make',
      '=> [a 1/2] b',
      'E: Unable',
      '  fatal: not a git repository',
      'Traceback (most recent call last):',
    ])
      expect([text, turnedAway(text)]).toEqual([text, true]);
    for (const text of ["Current runner version: '2.328.0'", ' Debug Mode: false', '    "qemu-arm",', 'THE: x', 'e: lower case'])
      expect([text, turnedAway(text)]).toEqual([text, false]);
  });

  it('splits an expression into its top-level alternatives and reads their anchored prefixes', () => {
    expect(topLevelBranches('a|(?:b|c)|[|]|\\|d')).toEqual(['a', '(?:b|c)', '[|]', '\\|d']);
    expect(anchoredPrefix('^E: ')).toBe('E: ');
    expect(anchoredPrefix('^Traceback \\(most')).toBe('Traceback ');
    expect(anchoredPrefix('^abc?d')).toBe('ab');
    expect(anchoredPrefix('^(?:denied|forbidden): ')).toBeNull();
    expect(anchoredPrefix('\\bfatal: ')).toBeNull();
    expect(anchoredPrefix('^\\d+ ')).toBeNull();
  });

  it('tells a command line that runs docker from a line that names it', () => {
    const runs = ['docker build .', '[command]/usr/bin/docker info', '+ docker build', '$  docker build', '  /bin/docker', 'podman-docker x'];
    const names = ['Client: Docker Engine', ' Docker Root Dir: /var/lib/docker', 'docker.io/tonistiigi/binfmt:latest', 'a b docker', '', 'dockerx build'];
    for (const text of runs) expect([text, startsWithDockerWord(Buffer.from(text), 0, text.length)]).toEqual([text, true]);
    for (const text of names) expect([text, startsWithDockerWord(Buffer.from(text), 0, text.length)]).toEqual([text, false]);
  });

  it('decodes a line kept as bytes once, and lets go of its chunk', () => {
    const chunk = Buffer.from('xx#5 1.2 Compiling foo\nnext');
    const line = new LineBytes(7, chunk, 2, 22);
    expect(line.line).toBe(7);
    expect(line.text).toBe('#5 1.2 Compiling foo');
    chunk.fill(0x21);
    expect(line.text).toBe('#5 1.2 Compiling foo');
  });
});
