// The comparison with a baseline: the cache-break reasoning on real captured pairs (made by
// cache-break.integration.test.ts on dockerd 28 + buildx 0.29 with the containerd store, kept in
// fixtures/baseline), on small hand-written logs for what a local daemon cannot produce (a gha
// scope that differs, a registry import that failed), and the reports that show it.
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, analyzeText, FIXTURES } from './support/analyze-text.js';
import { compareAnalyses } from '../src/compare/compare.js';
import { matchesWithArgs, parseDockerfile } from '../src/compare/dockerfile.js';
import { cacheLocation } from '../src/parse/vertex-name.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderComment } from '../src/report/pr-comment.js';
import { renderText } from '../src/report/text-report.js';
import { toJsonReport } from '../src/report/json-report.js';
import { expectValidReport } from './support/report-schema.js';
import { runCli } from '../src/cli/cli.js';
import { matrix } from './support/report-cases.js';
import type { Analysis } from '../src/analyze/analyze.js';
import { tempDir } from './support/temp-dir.js';

const PAIRS = path.join(FIXTURES, 'baseline');
const WORKSPACE = path.join(PAIRS, 'workspace');
const log = (progress: string, name: string) => path.join(PAIRS, `${progress}-${name}.log`);

async function breakOf(progress: string, head: string, base: string, workspace: string | null = WORKSPACE) {
  const comparison = compareAnalyses(await analyzeFile(log(progress, head)), await analyzeFile(log(progress, base)), { workspace });
  expect(comparison.builds).toHaveLength(1);
  expect(comparison.builds[0]!.baseline).not.toBeNull();
  return comparison.builds[0]!.cacheBreak;
}

describe.each(['plain', 'rawjson'])('captured real pairs, %s progress', (progress) => {
  it('nothing changed: no cache break', async () => {
    expect(await breakOf(progress, 'unchanged', 'baseline')).toBeNull();
  });

  it('dockerfile-edited at the edited RUN and its line in the edited Dockerfile', async () => {
    expect(await breakOf(progress, 'edited', 'baseline', path.join(PAIRS, 'workspace-edited'))).toMatchObject({
      step: '[stage-1 5/5]',
      reason: 'dockerfile-edited',
      dockerfileLine: 9,
      dockerfile: 'Dockerfile',
      rebuiltSteps: 1,
    });
  });

  it('build-arg-changed needs the Dockerfile; without it the changed text is an edit', async () => {
    expect(await breakOf(progress, 'build-arg', 'baseline')).toMatchObject({
      step: '[builder 3/3]',
      reason: 'build-arg-changed',
      dockerfileLine: 4,
      rebuiltSteps: 3,
    });
    expect((await breakOf(progress, 'build-arg', 'baseline', null))!).toMatchObject({ reason: 'dockerfile-edited', dockerfileLine: null });
  });

  it('context-changed at the COPY of the changed file', async () => {
    expect(await breakOf(progress, 'context', 'baseline')).toMatchObject({
      step: '[builder 2/3]',
      reason: 'context-changed',
      instruction: 'COPY a.txt /a.txt',
    });
  });

  it('base-image-changed when the FROM digest differs', async () => {
    expect((await breakOf(progress, 'base-image', 'baseline'))!.reason).toBe('base-image-changed');
  });

  it("cache-not-imported from BuildKit's warning, every step rebuilt", async () => {
    const cb = await breakOf(progress, 'not-imported', 'baseline');
    expect(cb).toMatchObject({ reason: 'cache-not-imported', rebuiltSteps: 6 });
    expect(cb!.detail).toMatch(/^BuildKit warned: WARNING: local cache import at \S+-missing not found/);
  });

  it('cache-mode-min at the intermediate stage; the same change against mode=max is context-changed', async () => {
    expect((await breakOf(progress, 'mode-min', 'baseline-min'))!.reason).toBe('cache-mode-min');
    expect(await breakOf(progress, 'mode-max', 'baseline')).toMatchObject({ step: '[stage-1 3/5]', reason: 'context-changed' });
  });

  it('cache-evicted when the import worked and nothing came from it', async () => {
    expect(await breakOf(progress, 'evicted', 'baseline-evicted')).toMatchObject({ reason: 'cache-evicted', rebuiltSteps: 6 });
  });

  it("platform-added at the new platform's step", async () => {
    expect(await breakOf(progress, 'platform-added', 'baseline-platform', path.join(PAIRS, 'workspace-platform'))).toMatchObject({
      reason: 'platform-added',
      platform: 'linux/arm64',
    });
  });
});

describe('the plain parser', () => {
  it("keeps BuildKit's warning that the cache source was not found, as evidence of the build", async () => {
    const analysis = await analyzeFile(log('plain', 'not-imported'));
    const warnings = analysis.builds[0]!.build.cache.warnings ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toMatch(/^WARNING: local cache import at .* not found/);
    // A build without that warning has none.
    expect((await analyzeFile(log('plain', 'unchanged'))).builds[0]!.build.cache.warnings).toBeUndefined();
  });
});

// --- hand-written logs --------------------------------------------------------------------------

const DIGEST_A = `sha256:${'a'.repeat(64)}`;

function plainLog(opts: { command?: string; import?: string | null; steps: Array<[string, 'CACHED' | number]> }): string {
  const lines: string[] = [];
  if (opts.command) lines.push(opts.command);
  let n = 1;
  lines.push(`#${n} [internal] load build definition from Dockerfile`, `#${n++} DONE 0.0s`);
  if (opts.import) lines.push(`#${n} importing cache manifest from ${opts.import}`, `#${n++} DONE 0.3s`);
  lines.push(`#${n} [1/${opts.steps.length + 1}] FROM docker.io/library/alpine:3.19@${DIGEST_A}`, `#${n++} DONE 0.1s`);
  opts.steps.forEach(([text, result], i) => {
    lines.push(`#${n} [${i + 2}/${opts.steps.length + 1}] ${text}`, result === 'CACHED' ? `#${n++} CACHED` : `#${n++} DONE ${result.toFixed(1)}s`);
  });
  lines.push(`#${n} exporting to image`, `#${n} DONE 0.2s`);
  return lines.join('\n') + '\n';
}

async function compareTexts(head: string, base: string | null, workspace: string | null = null) {
  const headAnalysis = await analyzeText(head, 'app.log');
  const comparison = compareAnalyses(headAnalysis, base === null ? null : await analyzeText(base, 'app.log'), { workspace, baselineLabel: 'run 42 on main' });
  headAnalysis.comparison = comparison;
  return { analysis: headAnalysis, comparison, cacheBreak: comparison.builds[0]!.cacheBreak };
}

describe('cache break from logs alone', () => {
  const steps: Array<[string, 'CACHED' | number]> = [
    ['COPY go.mod go.sum ./', 'CACHED'],
    ['RUN go mod download', 'CACHED'],
    ['COPY . .', 12.5],
    ['RUN go build ./...', 40],
  ];

  it('cache-not-imported when the build imports another gha scope than the baseline exported', async () => {
    const base = plainLog({
      command: 'docker buildx build --cache-from type=gha,scope=main --cache-to type=gha,scope=main,mode=max .',
      import: 'gha:111',
      steps: steps.map(([t]) => [t, 5]),
    });
    const head = plainLog({
      command: 'docker buildx build --cache-from type=gha,scope=pr-7 --cache-to type=gha,scope=pr-7,mode=max .',
      import: 'gha:222',
      steps: steps.map(([t]) => [t, 5]),
    });
    const { cacheBreak } = await compareTexts(head, base);
    expect(cacheBreak).toMatchObject({ step: '[2/5]', reason: 'cache-not-imported', rebuiltSteps: 4, secondsLost: 20 });
    expect(cacheBreak!.detail).toBe('this build imports gha:pr-7, the baseline exported gha:main');
  });

  it('cache-not-imported when the baseline exported and this build has no cache-from at all', async () => {
    const base = plainLog({ command: 'docker buildx build --cache-to type=registry,ref=ghcr.io/o/app:cache .', steps: steps.map(([t]) => [t, 5]) });
    const head = plainLog({ command: 'docker buildx build .', steps: steps.map(([t]) => [t, 5]) });
    expect((await compareTexts(head, base)).cacheBreak!.reason).toBe('cache-not-imported');
  });

  it('without a baseline: a miss after hits in the same stage, a COPY is the context', async () => {
    const { cacheBreak, comparison } = await compareTexts(plainLog({ steps }), null);
    expect(comparison.hasBaseline).toBe(false);
    expect(comparison.builds[0]!.baseline).toBeNull();
    expect(cacheBreak).toMatchObject({ step: '[4/5]', instruction: 'COPY . .', reason: 'context-changed', rebuiltSteps: 2, secondsLost: 52.5 });
  });

  it('without a baseline: a build that hit nothing, or missed nothing, has no cache break', async () => {
    expect((await compareTexts(plainLog({ steps: steps.map(([t]) => [t, 3]) }), null)).cacheBreak).toBeNull();
    expect((await compareTexts(plainLog({ steps: steps.map(([t]) => [t, 'CACHED']) }), null)).cacheBreak).toBeNull();
  });

  it('cache-mode-min needs an unchanged intermediate stage and a cache-to without mode=max', async () => {
    const multi = (command: string, builderRun: string, results: Array<'CACHED' | number>) =>
      [
        command,
        '#1 importing cache manifest from gha:1',
        '#1 DONE 0.3s',
        `#2 [builder 1/3] FROM docker.io/library/alpine:3.19@${DIGEST_A}`,
        '#2 DONE 0.1s',
        ...[
          '[builder 2/3] COPY a.txt /a.txt',
          `[builder 3/3] ${builderRun}`,
          '[stage-1 2/4] WORKDIR /out',
          '[stage-1 3/4] COPY b.txt /b.txt',
          '[stage-1 4/4] COPY --from=builder /out /out',
        ].flatMap((name, i) => [`#${i + 3} ${name}`, results[i] === 'CACHED' ? `#${i + 3} CACHED` : `#${i + 3} DONE ${(results[i] as number).toFixed(1)}s`]),
        '#8 exporting to image',
        '#8 DONE 0.1s',
        '#9 exporting cache to GitHub Actions Cache',
        '#9 DONE 1.0s',
      ].join('\n') + '\n';
    const min = '+ docker buildx build --cache-from type=gha --cache-to type=gha .';
    const max = '+ docker buildx build --cache-from type=gha --cache-to type=gha,mode=max .';
    const ranAgain: Array<'CACHED' | number> = [0.2, 9, 'CACHED', 0.1, 0.1];
    expect((await compareTexts(multi(min, 'RUN make', ranAgain), multi(min, 'RUN make', [1, 9, 1, 1, 1]))).cacheBreak).toMatchObject({
      step: '[builder 2/3]',
      reason: 'cache-mode-min',
      rebuiltSteps: 4,
    });
    // The baseline said mode=max: the builder's steps running is not the export mode.
    expect((await compareTexts(multi(min, 'RUN make', ranAgain), multi(max, 'RUN make', [1, 9, 1, 1, 1]))).cacheBreak!.reason).not.toBe('cache-mode-min');
    // The builder stage was edited: that, not the mode, is what broke it.
    expect((await compareTexts(multi(min, 'RUN make all', ranAgain), multi(min, 'RUN make', [1, 9, 1, 1, 1]))).cacheBreak!.reason).not.toBe('cache-mode-min');
  });

  it('deltas: build time, cache ratio, much slower steps and findings', async () => {
    const base = plainLog({
      steps: [
        ['COPY go.mod go.sum ./', 1],
        ['RUN go mod download', 10],
        ['COPY . .', 1],
        ['RUN go build ./...', 20],
      ],
    });
    const head = plainLog({
      steps: [
        ['COPY go.mod go.sum ./', 'CACHED'],
        ['RUN go mod download', 'CACHED'],
        ['COPY . .', 1],
        ['RUN go build ./...', 45],
      ],
    });
    const { comparison } = await compareTexts(head, base);
    const deltas = comparison.builds[0]!.deltas!;
    expect(deltas.cacheRatio).toBe(0.5);
    expect(deltas.slowerSteps).toEqual([{ step: '[5/5]', instruction: 'RUN go build ./...', platform: null, seconds: 45, baselineSeconds: 20 }]);
    expect(deltas.platformSeconds).toEqual([{ platform: 'default', seconds: 46.1, baselineSeconds: 32.1 }]);
  });

  it("deltas: image size per platform of the same repository, and the baseline's digests", async () => {
    const headAnalysis = await analyzeText(plainLog({ steps }), 'app.log');
    const baseAnalysis = await analyzeText(plainLog({ steps }), 'app.log');
    const size = (bytes: number) => [{ platform: 'linux/amd64', digest: DIGEST_A, compressedBytes: bytes, baselineBytes: null }];
    headAnalysis.builds[0]!.build.images = [{ ref: 'ghcr.io/o/app:pr-7', digest: DIGEST_A, pushed: true, platforms: size(3_000_000) }];
    baseAnalysis.builds[0]!.build.images = [{ ref: 'ghcr.io/o/app:main', digest: `sha256:${'b'.repeat(64)}`, pushed: true, platforms: size(2_000_000) }];
    const deltas = compareAnalyses(headAnalysis, baseAnalysis, {}).builds[0]!.deltas!;
    expect(deltas.imageSizes).toEqual([{ ref: 'ghcr.io/o/app:pr-7', platform: 'linux/amd64', bytes: 3_000_000, baselineBytes: 2_000_000, change: 1_000_000 }]);
    expect(deltas.baselineDigests).toEqual([{ ref: 'ghcr.io/o/app:main', digest: `sha256:${'b'.repeat(64)}` }]);
    headAnalysis.comparison = compareAnalyses(headAnalysis, baseAnalysis, {});
    expect(renderMarkdown(headAnalysis)).toMatch(/\| Image linux\/amd64 \| .+ \| .+ \| \+.+ \|/);
  });
});

describe('the Dockerfile', () => {
  it('numbers instructions as BuildKit does: FROM is 1, ARG/ENV get no step, stages named or stage-N', () => {
    const stages = parseDockerfile(
      '# syntax=docker/dockerfile:1\nARG GO=1.22\nFROM golang:${GO} AS build\nARG VERSION\nWORKDIR /src\nRUN go build \\\n  -ldflags "-X main.v=$VERSION" \\\n  ./...\n\nFROM alpine\nENV A=1\nCOPY --from=build /out /out\n',
    );
    expect(stages.map((s) => s.label)).toEqual(['build', 'stage-1']);
    expect(stages[0]!.instructions.map((i) => [i.index, i.keyword, i.line])).toEqual([
      [1, 'FROM', 3],
      [2, 'WORKDIR', 5],
      [3, 'RUN', 6],
    ]);
    expect(stages[0]!.instructions[2]!.args).toBe('go build -ldflags "-X main.v=$VERSION" ./...');
    expect(stages[0]!.args).toEqual([{ name: 'VERSION', index: 1 }]);
    expect(stages[1]!.instructions.map((i) => i.index)).toEqual([1, 2]);
    expect(parseDockerfile('FROM alpine\nRUN true\n')[0]!.label).toBeNull();
    // A heredoc's lines are its RUN's, not instructions.
    const heredoc = parseDockerfile('FROM alpine\nRUN <<EOF\nset -e\nCOPY is not an instruction here\nEOF\nCOPY a /a\n')[0]!;
    expect(heredoc.instructions.map((i) => [i.index, i.keyword, i.line])).toEqual([
      [1, 'FROM', 1],
      [2, 'RUN', 2],
      [3, 'COPY', 6],
    ]);
  });

  it('a printed RUN matches the Dockerfile text with its variables as wildcards, and only then', () => {
    expect(matchesWithArgs('echo "build $VERSION" > /b.txt', 'echo "build 2" > /b.txt')).toBe(true);
    expect(matchesWithArgs('curl ${URL:-https://x}/a | sh', 'curl https://example.test/a | sh')).toBe(true);
    expect(matchesWithArgs('echo "build $VERSION" > /b.txt', 'echo "built 2" > /b.txt')).toBe(false);
    expect(matchesWithArgs('make (all)', 'make (all)')).toBe(true);
  });

  it('cache locations compare what an export wrote with what an import reads', () => {
    expect(cacheLocation('type=gha,mode=max')).toBe('gha:buildkit');
    expect(cacheLocation('type=gha,scope=app,mode=max')).toBe('gha:app');
    expect(cacheLocation('type=registry,ref=ghcr.io/o/a:cache,mode=max')).toBe('registry:ghcr.io/o/a:cache');
    expect(cacheLocation('ghcr.io/o/a:cache')).toBe('registry:ghcr.io/o/a:cache');
    expect(cacheLocation('type=local,src=/c')).toBe(cacheLocation('type=local,dest=/c,mode=max'));
  });
});

describe('the reports against the baseline', () => {
  // A hostile instruction: a mention, HTML, backticks, a link.
  const hostile = 'RUN echo "@octocat <img src=x onerror=alert(1)> ``` [x](https://evil.test)"';
  const base = plainLog({
    command: 'docker buildx build --cache-to type=gha,mode=max .',
    steps: [
      ['COPY go.mod ./', 2],
      ['RUN echo "<b>@octocat</b> #1"', 5],
    ],
  });
  /** The Markdown outside code spans: where log text must be escaped. */
  const outsideCode = (md: string) => md.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
  const section = (md: string, end = '### Builds') => md.slice(md.indexOf('Against the baseline'), md.indexOf(end));
  const head = plainLog({
    command: 'docker buildx build --cache-from type=gha --cache-to type=gha,mode=max .',
    import: 'gha:1',
    steps: [
      ['COPY go.mod ./', 'CACHED'],
      [hostile, 7.5],
    ],
  });

  async function analysed(): Promise<Analysis> {
    return (await compareTexts(head, base)).analysis;
  }

  it('the summary: a table and the cache break sentence, log text only inside code spans', async () => {
    const md = renderMarkdown(await analysed());
    expect(md).toContain('### Against the baseline');
    expect(md).toContain('<sub>Baseline: run 42 on main</sub>');
    expect(md).toMatch(/\| Cache hits \| 1\/2 \(50%\) \| 0% \| \+50 pts \|/);
    expect(md).toContain(
      'Cache broke at ````[3/3] RUN echo "@octocat <img src=x onerror=alert(1)> ``` [x](https://evil.test)"````: **dockerfile-edited**; 1 step rebuilt, 7.5 s lost.',
    );
    // The detail quotes the baseline's instruction: escaped, no live HTML, mention or reference.
    expect(md).toContain('<sub>the instruction changed \\(the baseline ran: RUN echo "&lt;b&gt;@\u200boctocat&lt;/b&gt; \\#\u200b1"\\)</sub>');
    expect(outsideCode(section(md))).not.toMatch(/<img|<b>|@octocat/);
  });

  it('the comment: compact, with the same sentence', async () => {
    const comment = renderComment(await analysed(), '<!-- m -->', { runUrl: null });
    expect(comment).toContain('**Against the baseline**');
    expect(comment).toContain('| Build | Cache hits (change) |\n|---|---:|\n| app | 50% (+50 pts) |');
    expect(comment).toMatch(/- Cache broke at .*\*\*dockerfile-edited\*\*/);
    expect(outsideCode(section(comment, '**Also'))).not.toMatch(/<img|<b>|@octocat/);
    expect(section(comment, '**Also')).toContain('@octocat'); // inside the code span
  });

  it('the comment stays short for a big matrix: ten rows, the rest counted; builds matched by job', async () => {
    const head = await analyzeText(matrix(12), 'run.log');
    head.comparison = compareAnalyses(head, await analyzeText(matrix(12), 'run.log'), { baselineLabel: 'run 7 on main' });
    expect(head.comparison.builds.every((b, i) => b.baseline?.name === head.builds[i]!.build.name)).toBe(true);
    const comment = renderComment(head, '<!-- m -->', { runUrl: null });
    const section = comment.slice(comment.indexOf('**Against the baseline**'));
    expect(section).toContain('…and 2 more builds in the job summary.');
    expect(section.split('\n').filter((l) => l.startsWith('| Build c') && l.includes('(±0 s)'))).toHaveLength(10);
  });

  it('the text report and the JSON report', async () => {
    const analysis = await analysed();
    const text = renderText(analysis);
    expect(text).toContain('Against the baseline (run 42 on main)');
    expect(text).toMatch(/app: cache broke at \[3\/3\] RUN echo .*: dockerfile-edited; 1 step rebuilt, 7.5 s lost/);
    const json = toJsonReport(analysis);
    expectValidReport(json);
    expect(json.schemaVersion).toBe(1);
    expect(json.comparison).toEqual({ hasBaseline: true, baselineLabel: 'run 42 on main', note: null });
    expect(json.builds[0]!.baseline).toEqual({ run: 'run 42 on main', name: 'app', status: 'success', buildSeconds: null, jobSeconds: null, cacheRatio: 0 });
    expect(json.builds[0]!.cacheBreak).toMatchObject({ step: '[3/3]', reason: 'dockerfile-edited', dockerfileLine: null, rebuiltSteps: 1, secondsLost: 7.5 });
    expect(json.builds[0]!.deltas?.cacheRatio).toBe(0.5);
    // Every field of the comparison is documented in the README's JSON section.
    const readme = fs.readFileSync(path.join(FIXTURES, '..', '..', 'README.md'), 'utf8');
    const documented = readme.slice(readme.indexOf('## The JSON report'), readme.indexOf('## Development'));
    const keys = [json.comparison, json.builds[0]!.baseline, json.builds[0]!.cacheBreak, json.builds[0]!.deltas].flatMap((o) => Object.keys(o as object));
    expect(keys.filter((k) => !documented.includes(`"${k}"`))).toEqual([]);
  });

  it('no comparison, no section: the reports are as before', async () => {
    const analysis = await analyzeText(head, 'app.log');
    expect(renderMarkdown(analysis)).not.toContain('Against the baseline');
    expectValidReport(toJsonReport(analysis));
    expect(toJsonReport(analysis)).not.toHaveProperty('comparison');
    expect(toJsonReport(analysis).builds[0]).not.toHaveProperty('cacheBreak');
  });

  it('without a baseline: the cache break is in the JSON report; the summary leaves it to the cache-miss finding', async () => {
    const { analysis } = await compareTexts(head, null);
    const md = renderMarkdown(analysis);
    expect(md).not.toContain('Against the baseline');
    expect(md).toContain('A cached chain broke at');
    expect(renderText(analysis)).not.toContain('Against the baseline');
    const json = toJsonReport(analysis);
    expectValidReport(json);
    expect(json.comparison?.hasBaseline).toBe(false);
    expect(json.builds[0]!.baseline).toBeNull();
    expect(json.builds[0]!.deltas).toBeNull();
    expect(json.builds[0]!.cacheBreak).toMatchObject({ step: '[3/3]', reason: 'dockerfile-edited' });
  });
});

describe('the CLI', () => {
  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
    return { code, out, err };
  }

  it('--baseline takes every file up to the next option; the workspace gives the Dockerfile line', async () => {
    const r = await cli(['analyze', log('plain', 'build-arg'), '--baseline', log('plain', 'baseline'), '--workspace', WORKSPACE, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectValidReport(r.out);
    const build = (JSON.parse(r.out) as { builds: Array<{ cacheBreak: { reason: string; dockerfileLine: number } }> }).builds[0]!;
    expect(build.cacheBreak).toMatchObject({ reason: 'build-arg-changed', dockerfileLine: 4 });
  });

  it('markdown and text carry the cache break too', async () => {
    const md = await cli(['analyze', log('rawjson', 'context'), '--baseline', log('rawjson', 'baseline'), '--workspace', WORKSPACE, '--format', 'markdown']);
    expect(md.out).toContain('Cache broke at `[builder 2/3] COPY a.txt /a.txt` (Dockerfile:3): **context-changed**');
    const text = await cli(['analyze', log('rawjson', 'context'), '--baseline', log('rawjson', 'baseline'), '--workspace', WORKSPACE]);
    expect(text.out).toContain('cache broke at [builder 2/3] COPY a.txt /a.txt (Dockerfile:3): context-changed');
  });

  it('a baseline file that cannot be read is a line on stderr and a note, not a failure', async () => {
    const dir = tempDir('bxd-cmp-');
    const r = await cli(['analyze', log('plain', 'unchanged'), '--baseline', path.join(dir, 'missing.log'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^buildx-doctor: baseline: .*missing\.log/);
    expectValidReport(r.out);
    expect((JSON.parse(r.out) as { comparison: { note: string } }).comparison.note).toMatch(/the baseline .* has no build/);
  });

  it('the baseline cannot be standard input', async () => {
    const r = await cli(['analyze', log('plain', 'unchanged'), '--baseline', '-']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the baseline cannot be read from standard input');
  });
});
