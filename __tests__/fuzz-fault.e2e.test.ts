// The fuzz and fault suite: the bundled action (dist/index.js, run as the runner runs it) and the
// CLI (dist/cli.js) on broken, hostile, huge and random input, and against an API that fails in
// every way GitHub's can. Whatever happens, the same things must hold:
//   - the action exits 0 (only `fail-on` may fail it), with nothing on stderr (no stack trace);
//   - its trouble is at most a few one-line warnings, within GitHub's annotation limits;
//   - the summary is written, under 1 MiB, and inert: no HTML from the input, no mention, no link;
//   - no workflow command but buildx-doctor's own (`::warning`, `::error`, `::notice`, `::add-mask`);
//   - no secret from the input in any output: stdout, summary, report, outputs, PR comment.
// Random input comes from a seeded PRNG: every run tests the same cases, and a failure names its seed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { ACTIONS_BOT, BLOB_TEMPLATE, FakeGitHub, type FakeJob, type FakeReply, type FakeRequest } from './support/fake-github.js';
import { runActionAsync, type ActionRun } from './support/run-action.js';
import { expectValidReport } from './support/report-schema.js';
import { ROOT, SAMPLE, readFixture } from './support/analyze-text.js';
import { commentMarker } from '../src/github/sticky-comment.js';

/** mulberry32: a small, well-mixed 32-bit PRNG; the same seed gives the same cases on every machine. */
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

// Secrets planted in logs, names and signatures: none may come out anywhere.
const TOKEN = 'ghp_' + 'F8u7z6Q5r4S3t2U1v0W9x8Y7z6A5b4C3d2E1';
const PASSWORD = 'Fuzz-Pa55-word';
const SECRETS = [TOKEN, PASSWORD];
const API_TOKEN = 'ghs_fake-token-for-fuzz-0123456789';

/** Log lines that try everything: HTML, mentions, references, links, workflow commands, secrets in every form. */
const HOSTILE_LINES = [
  '<img src=x onerror=alert(1)> <script>alert(2)</script> </details><details open><summary>pwned</summary>',
  '@octo-org/security please look, cc @someone',
  'fixes #4242 and GH-4343, see octo/repo#4444 and https://evil.example/phish www.evil.example',
  '::error file=x::injected error',
  '::set-output name=status::success',
  '##[error]not from the runner',
  '```',
  `export GITHUB_TOKEN=${TOKEN}`,
  `docker login -u me -p${PASSWORD} ghcr.io`,
  `docker login -u me -p=${PASSWORD} ghcr.io`,
  `docker login -u me -p "${PASSWORD} two" ghcr.io`,
  `  -p ${PASSWORD} \\`,
  `git clone https://:${PASSWORD}@github.com/o/r`,
];

function hostileLog(): string {
  return [
    '#0 building with "default" instance using docker driver',
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    `#2 [1/2] FROM docker.io/library/busybox:latest #4242 GH-4343 <b>bold</b> @org/team ${TOKEN}`,
    '#2 CACHED',
    `#3 [2/2] RUN ./build.sh octo/repo#4444 https://evil.example <img src=x onerror=alert(1)> && docker login -u me -p${PASSWORD} ghcr.io`,
    ...HOSTILE_LINES.map((line, i) => `#3 0.${i}00 ${line}`),
    '#3 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1 <img src=x onerror=alert(1)> @org/team',
    ...HOSTILE_LINES,
    'ERROR: failed to solve: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1 </details> ``` @org/team #4242',
  ].join('\n');
}

const md = new MarkdownIt({ html: true, linkify: true });
const WORKFLOW_COMMAND = /^::(warning|error|notice|debug)( [^:]*)?::|^::add-mask::/;

/** What must hold for any run of the action. */
function expectSafeAction(result: ActionRun, options: { maxOwnWarnings?: number; code?: number } = {}): void {
  actionDirs.push(dirname(result.workspace));
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: options.code ?? 0, stderr: '' });
  const lines = result.stdout.split('\n');
  for (const line of lines) if (/^\s*::/.test(line) || /^\s*##\[/.test(line)) expect(line).toMatch(WORKFLOW_COMMAND);
  const count = (kind: string) => lines.filter((l) => l.startsWith(`::${kind}`)).length;
  expect(count('warning')).toBeLessThanOrEqual(10);
  expect(count('error')).toBeLessThanOrEqual(10);
  expect(count('notice')).toBeLessThanOrEqual(10);
  const own = lines.filter((l) => l.startsWith('::warning title=buildx-doctor::'));
  expect(own.length <= (options.maxOwnWarnings ?? 1) ? [] : own).toEqual([]);
  // The summary: written, within GitHub's limit, inert.
  expect(result.summary.length).toBeGreaterThan(0);
  expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024);
  expectInert(result.summary);
  // No secret anywhere.
  const report = join(result.runnerTemp, 'buildx-doctor', 'report.json');
  const everything = [result.stdout, result.summary, JSON.stringify(result.outputs), existsSync(report) ? readFileSync(report, 'utf8') : ''].join('\n');
  for (const secret of SECRETS) expect(everything).not.toContain(secret);
  // Whatever the input, a report that was written meets the published schema.
  if (existsSync(report)) expectValidReport(readFileSync(report, 'utf8'));
}

/** Markdown that renders to nothing the input chose: no element, no mention, no reference, no link of its own. */
function expectInert(markdown: string): void {
  const html = md.render(markdown);
  // Only the elements Markdown itself makes, and buildx-doctor's own folding: no raw HTML.
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
  const allowed = new Set([
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'code',
    'pre',
    'details',
    'summary',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'br',
    'hr',
    'sub',
    'sup',
  ]);
  expect([...tags].filter((tag) => !allowed.has(tag))).toEqual([]);
  expect(html).not.toMatch(/<details open|<summary>pwned/i);
  expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
  const text = html.replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
  expect(text).not.toMatch(/@(octo-org|org|someone)\b|#\d|\bGH-\d|href="https?:\/\/(evil|www\.evil)/i);
}

/** The fields of the CLI's JSON report these tests read. */
interface CliReport {
  builds: Array<{ source: string }>;
  findings: Array<{ id: string; data?: Record<string, unknown> }>;
  omittedBuilds?: { count: number };
}

/** The CLI on a file: 0 with builds, 2 with none (its documented contract), never a crash. */
function expectSafeCli(file: string, extra: string[] = [], nodeArgs: string[] = []): { code: number | null; report: CliReport } {
  const json = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'cli.js'), 'analyze', file, '--format', 'json', ...extra], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (json.stdout) expectValidReport(json.stdout);
  const report = JSON.parse(json.stdout || '{"builds":[]}') as CliReport;
  expect(json.status).toBe(report.builds.length > 0 ? 0 : 2);
  const stderr = json.stderr.trimEnd();
  if (stderr) for (const line of stderr.split('\n')) expect(line).toMatch(/^buildx-doctor: /);
  expect(stderr.split('\n').length).toBeLessThanOrEqual(3);
  const markdown = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'cli.js'), 'analyze', file, '--format', 'markdown', ...extra], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  expect(markdown.status).toBe(json.status);
  expectInert(markdown.stdout);
  for (const secret of SECRETS) expect(json.stdout + json.stderr + markdown.stdout + markdown.stderr).not.toContain(secret);
  return { code: json.status, report };
}

const dir = mkdtempSync(join(tmpdir(), 'bxd-fuzz-'));
/** The action runs' own directories (workspace, runner temp): their logs are up to 50 MB each. */
const actionDirs: string[] = [];
afterAll(() => {
  for (const path of [dir, ...actionDirs]) rmSync(path, { recursive: true, force: true });
});

const sample = readFileSync(SAMPLE);
const smallBuild = readFixture('buildx0.29-a1-3step-plain-first.log');
const failingBuild = readFixture('buildx0.29-b1-fail-plain.log');

/** The input files, made once: name -> how to write it. */
const FILES: Record<string, (path: string) => void> = {
  empty: (p) => writeFileSync(p, ''),
  binary: (p) => {
    const random = prng(1);
    writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));
  },
  'invalid-utf8': (p) => {
    const random = prng(2);
    // High bytes that form no valid sequence, among ASCII lines: no NUL, so it is text of a kind.
    writeFileSync(
      p,
      Buffer.from(
        Array.from({ length: 20_000 }, (_, i) =>
          i % 80 === 79 ? 0x0a : random() < 0.5 ? 0x80 + Math.floor(random() * 0x80) : 0x20 + Math.floor(random() * 0x5f),
        ),
      ),
    );
  },
  'utf16-bom': (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(failingBuild, 'utf16le')])),
  crlf: (p) => writeFileSync(p, failingBuild.replace(/\n/g, '\r\n')),
  'cr-only': (p) => writeFileSync(p, failingBuild.replace(/\n/g, '\r')),
  hostile: (p) => writeFileSync(p, hostileLog()),
  'line-50mb': (p) => {
    const fd = openSync(p, 'w');
    writeSync(fd, `${failingBuild}\n#3 0.5 `);
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    writeSync(fd, '\n#3 DONE 1.0s\n');
    closeSync(fd);
  },
  'million-lines': (p) => {
    const fd = openSync(p, 'w');
    writeSync(fd, '#0 building with "default" instance using docker driver\n#5 [2/2] RUN ./loop\n');
    let batch = '';
    for (let i = 0; i < 1_000_000; i++) {
      batch += `#5 ${i % 100} .\n`;
      if (batch.length > 1 << 20) {
        writeSync(fd, batch);
        batch = '';
      }
    }
    writeSync(fd, `${batch}#5 DONE 12.0s\n`);
    closeSync(fd);
  },
  'builds-10000': (p) => writeFileSync(p, Array.from({ length: 10_000 }, () => smallBuild).join('\n')),
};

/** The real publish log cut at seeded random byte offsets, the pieces shuffled. */
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
  // Every other seed also drops a random piece (a truncated download).
  if (seed % 2 === 0 && pieces.length > 1) pieces.splice(Math.floor(random() * pieces.length), 1);
  return Buffer.concat(pieces);
}

const paths: Record<string, string> = {};
beforeAll(() => {
  for (const [name, write] of Object.entries(FILES)) write((paths[name] = join(dir, `${name}.log`)));
});

describe('the CLI on broken, hostile and huge input', () => {
  it.each(Object.keys(FILES))('%s', (name) => {
    // A bounded heap: memory must not grow with the size of a line or the number of lines.
    const { report } = expectSafeCli(paths[name]!, [], ['--max-old-space-size=256']);
    if (['utf16-bom', 'crlf', 'cr-only', 'line-50mb'].includes(name)) expect(report.findings[0]?.id).toBe('compile-error');
    // No signature names the hostile build's failure; its words (tokens it printed) may name a likely cause.
    if (name === 'hostile') expect(report.findings[0]?.id === 'unknown' || report.findings[0]?.data?.role === 'likely-cause').toBe(true);
    // Past 256 builds the report lists those a reader needs and counts the rest (analyze/build-budget.ts).
    if (name === 'builds-10000') {
      expect(report.builds).toHaveLength(256);
      expect(report.builds.length + report.omittedBuilds!.count).toBe(10_000);
    }
  });

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('the real log cut and shuffled, seed %i', (seed) => {
    const file = join(dir, `shuffled-${seed}.log`);
    writeFileSync(file, cutAndShuffled(seed));
    expectSafeCli(file);
  });

  it('a token in the file name', () => {
    const file = join(dir, `build-${TOKEN}.log`);
    writeFileSync(file, failingBuild);
    const { report } = expectSafeCli(file);
    expect(report.builds[0]?.source).toContain('***');
  });
});

/** Runs the action on files put in its workspace. */
function actionOnFiles(
  files: Record<string, string | Buffer | ((path: string) => void)>,
  inputs: Record<string, string> = {},
  options: { env?: Record<string, string>; event?: object | string; nodeArgs?: string[] } = {},
): Promise<ActionRun> {
  return runActionAsync(
    // No comment by default: without the API (no token here) it could not be written, and says so.
    { logs: 'logs/*', comment: 'off', ...inputs },
    {
      setup: (workspace) => {
        mkdirSync(join(workspace, 'logs'));
        for (const [name, content] of Object.entries(files)) {
          const path = join(workspace, 'logs', name);
          if (typeof content === 'function') content(path);
          else writeFileSync(path, content);
        }
      },
      env: options.env,
      event: options.event,
      nodeArgs: options.nodeArgs,
      timeoutMs: 120_000,
    },
  );
}

describe('the action on broken, hostile and huge input', () => {
  it.each(['empty', 'binary', 'invalid-utf8', 'utf16-bom', 'crlf', 'cr-only', 'hostile', 'line-50mb', 'million-lines', 'builds-10000'])('%s', async (name) => {
    const result = await actionOnFiles({ [`${name}.log`]: readFileSync(paths[name]!) }, {}, { nodeArgs: ['--max-old-space-size=384'] });
    expectSafeAction(result);
  });

  it.each([3, 4, 11])('the real log cut and shuffled, seed %i', async (seed) => {
    expectSafeAction(await actionOnFiles({ 'run.log': cutAndShuffled(seed) }));
  });

  it('15 empty log files and a good one: one budget for the warnings', async () => {
    const files: Record<string, string> = { 'good.log': failingBuild };
    for (let i = 0; i < 15; i++) files[`empty-${i}.log`] = '';
    const result = await actionOnFiles(files);
    expectSafeAction(result, { maxOwnWarnings: 4 });
    expect(result.outputs['root-cause']).toBe('compile-error');
  });

  it('a token in the name of a log file', async () => {
    expectSafeAction(await actionOnFiles({ [`build-${TOKEN}.log`]: failingBuild }));
  });

  it('a custom signature that repeats a capture 240,000 times, 60 failing builds, under a 384 MB heap', async () => {
    const signatures = `version: 1\nsignatures:\n  - id: loud\n    title: 'loud \${t}'\n    priority: 999\n    patterns: ['(?<t>exit code: \\d+)']\n    fix: '${'${t}'.repeat(240_000)}'\n`;
    const result = await actionOnFiles(
      { 'many.log': Array.from({ length: 60 }, () => failingBuild).join('\n'), 'signatures.yml.txt': signatures },
      { logs: 'logs/*.log', signatures: 'logs/signatures.yml.txt' },
      { nodeArgs: ['--max-old-space-size=384'] },
    );
    expectSafeAction(result);
    expect(result.outputs['root-cause']).toBe('loud');
  });

  it.each([
    ['huge and sparse', (p: string) => (writeFileSync(p, ''), truncateSync(p, 4 * 1024 * 1024 * 1024)), /larger than 1 MiB/],
    ['a FIFO', (p: string) => execFileSync('mkfifo', [p]), /not a regular file/],
  ])('a signatures file that is %s: refused in one line, the built-in ones used', async (_, make, message) => {
    const result = await actionOnFiles({ 'build.log': failingBuild, 'sig.yml.txt': make }, { logs: 'logs/*.log', signatures: 'logs/sig.yml.txt' });
    expectSafeAction(result);
    expect(result.stdout).toMatch(message);
    expect(result.outputs['root-cause']).toBe('compile-error');
  });

  it.each([
    ['a malformed event file', { event: '{"pull_request": {' }],
    ['GITHUB_API_URL=notaurl', { env: { GITHUB_API_URL: 'notaurl' } }],
    ['GITHUB_SERVER_URL=javascript:alert(1)', { env: { GITHUB_SERVER_URL: 'javascript:alert(1)' } }],
  ])('%s', async (_, options: { event?: string; env?: Record<string, string> }) => {
    expectSafeAction(await actionOnFiles({ 'build.log': failingBuild }, { 'github-token': API_TOKEN, comment: 'always' }, options));
  });
});

describe('the action against an API that fails', () => {
  let github: FakeGitHub;
  let nextJobId = 1;
  const job = (name: string, log: string, extra: Partial<FakeJob> = {}): FakeJob => ({
    id: nextJobId++,
    name,
    status: 'completed',
    conclusion: 'success',
    runnerName: `runner-${nextJobId}`,
    log,
    ...extra,
  });
  const stamp = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line, i) => `2025-09-24T02:00:${String(i % 60).padStart(2, '0')}.0000000Z ${line}`)
      .join('\n');

  beforeAll(async () => {
    github = await new FakeGitHub().start();
  });
  afterAll(async () => {
    await github.stop();
  });

  function reset(): void {
    nextJobId = 1;
    github.jobs = [
      job('Build runtime', stamp(smallBuild)),
      job(`build (${TOKEN})`, stamp(hostileLog()), { conclusion: 'failure' }),
      job('Build operate-ui', stamp(failingBuild), { conclusion: 'failure' }),
    ];
    github.faults.length = 0;
    github.comments.clear();
    github.closeEachResponse = false;
    github.tokenUser = null;
    github.slowMs = 0;
    github.violations.length = 0;
  }

  function run(inputs: Record<string, string> = {}): Promise<ActionRun> {
    return runActionAsync(
      { 'github-token': API_TOKEN, 'log-wait-seconds': '2', comment: 'always', ...inputs },
      {
        event: { pull_request: { number: 9, head: { sha: 'c'.repeat(40) } } },
        env: { GITHUB_API_URL: github.url, GITHUB_EVENT_NAME: 'pull_request', GITHUB_WORKFLOW: 'Docker Publish', GITHUB_SHA: 'b'.repeat(40) },
        timeoutMs: 120_000,
      },
    );
  }

  const LIST = '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs';
  const LOGS = '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs';
  const COMMENT = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
  const on = (template: string, jobId?: string) => (r: FakeRequest) => r.template === template && (jobId === undefined || r.params.job_id === jobId);
  const faults = (template: string, reply: FakeReply, times = 1, jobId?: string) =>
    Array.from({ length: times }, () => ({ match: on(template, jobId), reply }));
  const secondary: FakeReply = {
    status: 403,
    headers: { 'retry-after': '1' },
    json: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
  };

  const CASES: Array<[string, () => Array<{ match: (r: FakeRequest) => boolean; reply: FakeReply }>, number]> = [
    ['no fault', () => [], 0],
    ['502 once, retried', () => faults(LIST, { status: 502, json: { message: 'Server Error' } }), 0],
    ['502 on every try of a log', () => faults(LOGS, { status: 502, json: { message: 'Server Error' } }, 6, '3'), 1],
    ['429 with retry-after', () => faults(LIST, { status: 429, headers: { 'retry-after': '1' }, json: { message: 'API rate limit exceeded' } }), 0],
    ['a secondary rate limit', () => faults(LOGS, secondary, 1, '1'), 0],
    ['404 on a log', () => faults(BLOB_TEMPLATE, { status: 404, text: 'The specified blob does not exist.' }, 5, '1'), 1],
    ['410 on a log', () => faults(LOGS, { status: 410, json: { message: 'Gone' } }, 1, '1'), 1],
    [
      'malformed JSON on the listing',
      () => faults(LIST, { status: 200, headers: { 'content-type': 'application/json' }, text: '{"total_count": 3, "jobs": [' }),
      1,
    ],
    ['malformed JSON on the comments', () => faults(COMMENT, { status: 200, headers: { 'content-type': 'application/json' }, text: 'null' }), 1],
    [
      'a connection reset before the answer',
      () => faults(LIST, { status: 200, headers: { 'content-type': 'application/json' }, text: '{"total_count": 0, "jobs": []}', resetAfterBytes: 0 }),
      0,
    ],
    [
      'a connection reset in the middle of the listing',
      () => faults(LIST, { status: 200, headers: { 'content-type': 'application/json' }, text: '{"total_count": 0, "jobs": []}', resetAfterBytes: 10 }),
      0,
    ],
    ['a connection reset in the middle of a log', () => faults(BLOB_TEMPLATE, { status: 200, text: stamp(failingBuild), resetAfterBytes: 700 }, 1, '3'), 1],
  ];

  it.each(CASES.map(([name], i) => [name, i]))('%s', async (_, index) => {
    reset();
    const [, make, maxOwnWarnings] = CASES[index as number]!;
    github.faults.push(...make());
    const result = await run();
    expectSafeAction(result, { maxOwnWarnings });
    for (const comment of github.comments.get(9) ?? []) {
      expect(comment.body.length).toBeLessThanOrEqual(65_536);
      expectInert(comment.body);
      for (const secret of SECRETS) expect(comment.body).not.toContain(secret);
    }
    expect(github.violations).toEqual([]);
  });

  it('a slow server: every answer 300 ms late', async () => {
    reset();
    github.slowMs = 300;
    const result = await run();
    github.slowMs = 0;
    expectSafeAction(result, { maxOwnWarnings: 0 });
    expect(result.summary).toContain('Read from the logs of 3 jobs');
  });

  it('a server that closes each response (HTTP/1.0 style)', async () => {
    reset();
    github.closeEachResponse = true;
    const result = await run();
    expectSafeAction(result, { maxOwnWarnings: 0 });
    expect(result.summary).toContain('Read from the logs of 3 jobs');
  });

  it('a comment of another user holding the marker is never edited', async () => {
    reset();
    const marker = commentMarker('Docker Publish', null, null);
    github.comments.set(9, [{ id: 1, body: `${marker} mallory's`, author: 'mallory' }]);
    const result = await run();
    expectSafeAction(result, { maxOwnWarnings: 0 });
    expect(github.comments.get(9)!.map((c) => c.author)).toEqual(['mallory', ACTIONS_BOT]);
    expect(github.comments.get(9)![0]!.body).toBe(`${marker} mallory's`);
  });
});
