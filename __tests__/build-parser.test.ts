import { describe, expect, it } from '@jest/globals';
import { analyzeText, readFixture } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';

/** Puts runner timestamps (one second apart) in front of lines, as a downloaded job log has them. */
function asJobLog(lines: string[], start = Date.parse('2026-01-05T10:00:00Z')): string {
  return lines.map((line, i) => `${new Date(start + i * 1000).toISOString().replace('Z', '0000Z')} ${line}`).join('\n');
}

describe('BuildKit plain progress, real captures', () => {
  it.each(['buildx0.29', 'buildx0.13'])('%s: a first build, then the same build fully cached', async (stack) => {
    const first = await analyzeText(readFixture(`${stack}-a1-3step-plain-first.log`));
    const cached = await analyzeText(readFixture(`${stack}-a2-3step-plain-cached.log`));
    const instructions = (a: typeof first) =>
      a.builds[0]!.build.steps.filter((s) => s.kind === 'instruction').map((s) => `${s.index}/${s.total} ${s.instruction}`);
    expect(instructions(first)).toEqual(['1/4 FROM', '2/4 COPY', '3/4 RUN', '4/4 RUN']);
    expect(instructions(cached).sort()).toEqual(instructions(first).sort());
    expect(first.builds[0]!.cache).toEqual({ hits: 0, misses: 3, ratio: 0 });
    expect(cached.builds[0]!.cache).toEqual({ hits: 3, misses: 0, ratio: 1 });
    expect(cached.builds[0]!.build.status).toBe('success');
    expect(cached.builds[0]!.build.images).toEqual([{ ref: 'docker.io/library/demo-a:1', digest: null, pushed: false }]);
    // The `sleep 1` step: `#7 DONE 1.1s` or so.
    const sleep = first.builds[0]!.build.steps.find((s) => s.command.includes('sleep 1'))!;
    expect(sleep.seconds).toBeGreaterThanOrEqual(1);
    // Plain output has no timestamps: build time is unknown, not guessed.
    expect(first.builds[0]!.build.buildSeconds).toBeNull();
  });

  it('a failing RUN: failure, the failed step, the final error, the error block kept for diagnosis', async () => {
    const text = readFixture('buildx0.29-b1-fail-plain.log');
    const lines = text.split('\n');
    const { builds, findings, status } = await analyzeText(text);
    const build = builds[0]!.build;
    expect(status).toBe('failure');
    const failed = build.steps.filter((s) => s.status === 'error');
    expect(failed.map((s) => `${s.index}/${s.total} ${s.instruction}`)).toEqual(['3/3 RUN']);
    expect(failed[0]!.error).toMatch(/did not complete successfully: exit code: 101$/);
    expect(build.errors.at(-1)!.text).toMatch(/^ERROR: failed to build: failed to solve: process/);
    expect(lines[build.errors.at(-1)!.line - 1]).toBe(build.errors.at(-1)!.text);
    expect(build.errorDetails.map((l) => l.text)).toEqual(expect.arrayContaining(['Dockerfile:3', expect.stringMatching(/^ {3}3 \| >>> RUN/)]));
    expect(build.failedStepTail.map((l) => l.text)).toContain('#6 0.053 error: could not compile `demo` (bin "demo") due to 2 previous errors');
    for (const line of build.failedStepTail) expect(lines[line.line - 1]).toBe(line.text);
    // Never empty-handed: the step's output only restates its command, so no signature reads it. The finding
    // quotes the final error: `unknown`, titled by the step, or the cause its words point at, as likely.
    expect(findings[0]).toMatchObject({ severity: 'error' });
    if (findings[0]!.id === 'unknown') expect(findings[0]!.title).toMatch(/^RUN echo 'error: could not compile .* failed: exit code: 101$/);
    else expect(findings[0]!.data?.role).toBe('likely-cause');
    expect(findings[0]!.fix).toMatch(/The last error reported: `+ERROR: failed to build: failed to solve: process/);
    expect(findings.map((f) => f.id)).not.toContain('cache-miss');
  });

  it('parallel stages: stage names, and every step accounted for', async () => {
    const { builds } = await analyzeText(readFixture('buildx0.29-e1-multistage-parallel-plain.log'));
    const steps = builds[0]!.build.steps.filter((s) => s.kind === 'instruction');
    expect([...new Set(steps.map((s) => s.stage))]).toEqual(['base', 'left', 'right', 'final']);
    expect(steps.find((s) => s.stage === 'left')!.seconds).toBe(3.1);
    expect(builds[0]!.timing.slowestSteps.slice(0, 2).map((s) => s.seconds)).toEqual([3.1, 3.1]);
  });

  it('old BuildKit (Docker 20.10): digest lines are not output, COPY failure cancels siblings', async () => {
    const { builds } = await analyzeText(readFixture('dockerd20-failing-copy.log'));
    const build = builds[0]!.build;
    expect(build.status).toBe('failure');
    expect(build.steps.find((s) => s.status === 'error')!.instruction).toBe('COPY');
    expect(build.steps.some((s) => s.status === 'canceled')).toBe(true);
    const run = await analyzeText(readFixture('dockerd20-failing-run.log'));
    expect(run.builds[0]!.build.failedStepTail.some((l) => /^sha256:/.test(l.text))).toBe(false);
    expect(run.builds[0]!.build.failedStepTail.map((l) => l.text.replace(/^#5 [\d.]+ /, ''))).toContain('error[E0425]: cannot find value `x` in this scope');
  });
});

describe('cache import warnings', () => {
  // buildx prints this after the progress when a --cache-from source has nothing (captured from
  // dockerd 28 + buildx 0.29, see fixtures/baseline); the build goes on without a cache.
  const warning =
    'WARNING: local cache import at /tmp/c-missing not found due to err: could not lock /tmp/c-missing/index.json.lock: no such file or directory';
  const plain = [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [1/2] FROM docker.io/local/base:1',
    '#2 DONE 0.0s',
    '#3 [2/2] RUN true',
    '#3 DONE 0.2s',
    '#4 exporting to image',
    '#4 DONE 0.1s',
    warning,
  ];

  it("plain progress: kept with its line, as the build's cache evidence", async () => {
    const analysis = await analyzeText(plain.join('\n'));
    expect(analysis.builds[0]!.build.cache.warnings).toEqual([{ line: 9, text: warning }]);
  });

  it('rawjson progress: the text line after the JSON objects is kept the same way', async () => {
    const rawjson = [
      '{"vertexes":[{"digest":"sha256:1","name":"[1/2] FROM docker.io/local/base:1","started":"2026-01-05T10:00:00Z","completed":"2026-01-05T10:00:00.1Z"}]}',
      '{"vertexes":[{"digest":"sha256:2","inputs":["sha256:1"],"name":"[2/2] RUN true","started":"2026-01-05T10:00:00.1Z","completed":"2026-01-05T10:00:00.3Z"}]}',
      warning,
    ];
    const analysis = await analyzeText(rawjson.join('\n'));
    expect(analysis.builds[0]!.build.cache.warnings).toEqual([{ line: 3, text: warning }]);
  });

  it('other warnings are not cache evidence', async () => {
    const analysis = await analyzeText([...plain.slice(0, -1), 'WARNING: No output specified with docker-container driver.'].join('\n'));
    expect(analysis.builds[0]!.build.cache.warnings).toBeUndefined();
  });
});

describe('splitting an input into builds', () => {
  it('several buildx invocations in one log are several builds', async () => {
    const text = [readFixture('buildx0.29-a1-3step-plain-first.log'), readFixture('buildx0.29-b1-fail-plain.log')].join('\n');
    const { builds } = await analyzeText(text, 'ci.log');
    expect(builds.map((b) => [b.build.name, b.build.status])).toEqual([
      ['ci #1', 'success'],
      ['ci #2', 'failure'],
    ]);
  });

  it('without a `#0 building with` line (old BuildKit) a new `#1` after a finished build starts the next', async () => {
    const text = [readFixture('dockerd20-first-build.log'), readFixture('dockerd20-cached-build.log')].join('\n');
    const { builds } = await analyzeText(text);
    expect(builds).toHaveLength(2);
    expect(builds.map((b) => b.cache.ratio)).toEqual([0, 1]);
  });

  it('a step printed again after it was DONE stays in the same build', async () => {
    const text = [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '#2 [internal] load .dockerignore',
      '#2 DONE 0.0s',
      '#1 [internal] load build definition from Dockerfile',
      '#1 transferring dockerfile: 204B done',
      '#1 DONE 0.1s',
      '#3 [1/2] FROM docker.io/local/busybox:1',
      '#3 CACHED',
      '#4 [2/2] RUN true',
      '#4 DONE 0.2s',
      '#5 exporting to image',
      '#5 DONE 0.1s',
    ].join('\n');
    const { builds } = await analyzeText(text);
    expect(builds).toHaveLength(1);
    expect(builds[0]!.build.steps.find((s) => s.id === 1)!.seconds).toBe(0.1);
  });

  it('interleaved vertices: a step printed again after another resumes the same step', async () => {
    const text = [
      '#5 [linux/amd64 2/3] RUN make',
      '#5 0.100 building amd64',
      '#5 ...',
      '',
      '#6 [linux/arm64 2/3] RUN make',
      '#6 0.200 building arm64',
      '#6 ...',
      '',
      '#5 [linux/amd64 2/3] RUN make',
      '#5 DONE 40.0s',
      '',
      '#6 [linux/arm64 2/3] RUN make',
      '#6 DONE 200.0s',
    ].join('\n');
    const { builds, findings } = await analyzeText(text);
    expect(builds[0]!.build.steps.map((s) => [s.id, s.platform, s.seconds, s.status])).toEqual([
      [5, 'linux/amd64', 40, 'done'],
      [6, 'linux/arm64', 200, 'done'],
    ]);
    // 200 s against 40 s: five times slower under emulation (native platform assumed amd64).
    const qemu = findings.find((f) => f.id === 'qemu-emulation')!;
    expect(qemu.data).toMatchObject({ ratio: 5, nativePlatform: 'linux/amd64' });
    expect(qemu.fix).toContain('native platform assumed');
  });

  it('a job log with build-push-action: timestamps give build and job time; the ##[error] line fails it', async () => {
    const plain = readFixture('buildx0.29-b1-fail-plain.log').split('\n');
    const log = asJobLog([
      '##[group]Run actions/checkout@v4',
      '##[endgroup]',
      '##[group]Run docker/build-push-action@v6',
      'with:',
      '  file: ./app/Dockerfile',
      '  platforms: linux/amd64',
      '  push: false',
      '##[endgroup]',
      '[command]/usr/bin/docker buildx build --file ./app/Dockerfile --platform linux/amd64 .',
      ...plain,
      '##[error]buildx failed with: ERROR: failed to build: failed to solve: process did not complete successfully: exit code: 101',
      '##[group]Run echo done',
      'done',
      '##[error]Process completed with exit code 1.',
    ]);
    const { builds } = await analyzeText(log, 'job.log');
    expect(builds).toHaveLength(1);
    const build = builds[0]!.build;
    expect(build.status).toBe('failure');
    expect(build.request).toMatchObject({ dockerfile: './app/Dockerfile', platforms: ['linux/amd64'], push: false });
    expect(build.jobSeconds).toBe(log.split('\n').length - 1);
    // From the command line to the `##[error]buildx failed` line.
    expect(build.buildSeconds).toBe(plain.length + 1);
    expect(build.errors.at(-1)!.text).toMatch(/^##\[error\]buildx failed with/);
    // The later step's error is not the build's.
    expect(build.errors.some((e) => e.text.includes('Process completed'))).toBe(false);
  });

  it('a canceled job: the build is canceled, not failed', async () => {
    const log = [
      'Build engine\tBuild and push\t2026-01-05T10:00:00.0000000Z [command]/usr/bin/docker buildx build .',
      'Build engine\tBuild and push\t2026-01-05T10:00:01.0000000Z #1 [internal] load build definition from Dockerfile',
      'Build engine\tBuild and push\t2026-01-05T10:00:01.0000000Z #1 DONE 0.0s',
      'Build engine\tBuild and push\t2026-01-05T10:00:02.0000000Z #5 [2/3] RUN cargo build --release',
      'Build engine\tBuild and push\t2026-01-05T10:09:00.0000000Z ##[error]The operation was canceled.',
    ].join('\n');
    const { builds, findings } = await analyzeText(log);
    expect(builds[0]!.build.status).toBe('canceled');
    expect(findings.map((f) => f.id)).toEqual(['canceled']);
  });

  it('a job that failed before building still gets a row with its error', async () => {
    const log = [
      'Build ui\tLog in to GHCR\t2026-01-05T10:00:00.0000000Z ##[group]Run docker/login-action@v3',
      'Build ui\tLog in to GHCR\t2026-01-05T10:00:01.0000000Z ##[error]Error response from daemon: Get "https://ghcr.io/v2/": denied: denied',
      'Build other\tTest\t2026-01-05T10:00:00.0000000Z all good',
    ].join('\n');
    const { builds, status } = await analyzeText(log);
    expect(builds.map((b) => [b.build.name, b.build.status])).toEqual([['Build ui', 'failure']]);
    expect(builds[0]!.build.errors[0]!.text).toContain('denied');
    expect(status).toBe('failure');
  });

  it("an action's own docker build that failed and retries says so in a warning: a failed row, not 'no Docker build output'", async () => {
    const pull = ['54daec61ba20: Waiting', 'error pulling image configuration: denied: unauthenticated: User cannot be authenticated with the token provided.'];
    const retry = '##[warning]Docker build failed with exit code 1, back off 5.226 seconds before retry.';
    const { builds, findings } = await diagnoseText(asJobLog([...pull, retry]), 'job.log');
    expect(builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(builds[0]!.build.errors.map((e) => e.text)).toEqual([retry]);
    expect(findings[0]!.id).toBe('registry-auth-denied');
    // A warning that is not Docker's failure, or one beside a build of the job's own, adds no row.
    const tests = await analyzeText(asJobLog(['##[group]Run npm test', '##[warning]Tests failed with exit code 1, retrying.']), 'job.log');
    expect(tests.builds).toEqual([]);
    // The runner warns so before every retry of a pull too: one that worked goes on, and no build failed.
    const recovered = asJobLog([
      '##[group]Pull down action image',
      'Error response from daemon: received unexpected HTTP status: 503 Service Unavailable',
      '##[warning]Docker pull failed with exit code 1, back off 8.549 seconds before retry.',
      'Status: Downloaded newer image for ghcr.io/actions/jekyll-build-pages:v1.0.13',
      '##[endgroup]',
    ]);
    expect((await analyzeText(recovered, 'job.log')).builds).toEqual([]);
    const built = await analyzeText(asJobLog([...readFixture('buildx0.29-a1-3step-plain-first.log').split('\n'), retry]), 'job.log');
    expect(built.builds.map((b) => b.build.status)).toEqual(['success']);
  });

  it('the builder bootstrap of setup-buildx-action is not a build', async () => {
    const log = [
      '#1 [internal] booting buildkit',
      '#1 pulling image moby/buildkit:buildx-stable-1 4.5s done',
      '#1 DONE 4.9s',
      ...readFixture('buildx0.29-a1-3step-plain-first.log').split('\n'),
    ].join('\n');
    const { builds } = await analyzeText(log);
    expect(builds).toHaveLength(1);
    expect(builds[0]!.build.steps[0]!.name).toBe('load build definition from Dockerfile'.replace(/^/, '[internal] '));
  });
});

describe('recognising build commands', () => {
  it('knows the forms of docker build, and is linear on hostile lines', async () => {
    const { isBuildCommand } = await import('../src/parse/invocation.js');
    for (const yes of [
      '[command]/usr/bin/docker buildx build --file x .',
      '+ docker build -t a .',
      'docker -H unix:///tmp/d.sock --debug build .',
      'docker buildx bake',
      'docker image build .',
      '$ docker builder build .',
    ]) {
      expect([yes, isBuildCommand(yes)]).toEqual([yes, true]);
    }
    for (const no of [
      '[command]/usr/bin/docker buildx version',
      'docker buildx inspect --bootstrap',
      'docker version',
      'echo docker build',
      'docker buildx rm builder-1',
    ]) {
      expect([no, isBuildCommand(no)]).toEqual([no, false]);
    }
    // A pattern that backtracked on these would not return before the test's time limit; no clock here.
    expect(isBuildCommand(`docker${' --a'.repeat(5000)} x`)).toBe(false);
    expect(isBuildCommand(`docker${' --rm'.repeat(30)} image`)).toBe(false);
  });
});
