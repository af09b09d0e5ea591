import { describe, expect, it } from '@jest/globals';
import { analyzeText, readFixture } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';
import { verdictOf } from '../src/report/verdict.js';
import { shouldFail } from '../src/analyze/fail-policy.js';
import { renderText } from '../src/report/text-report.js';
import { renderComment } from '../src/report/pr-comment.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { mergeCatalogs, parseCatalog } from '../src/diagnose/catalog.js';
import { textSource } from '../src/input/log-source.js';
import { parseSource } from '../src/parse/parse-source.js';
import { lineSelectorFor } from '../src/diagnose/line-selector.js';
import { diagnoseBuilds } from '../src/diagnose/diagnose.js';
import { analyze } from '../src/analyze/analyze.js';
import type { Build } from '../src/model.js';

// A job whose build succeeded and whose later step failed: a smoke test that runs the image
// (`exec /app/server: no such file or directory`). The fixtures are the real capture
// buildx0.29-a1-3step-plain-first.log inside a runner's job: set up, build-push-action, a `run:`
// step that fails, a post step; as a downloaded job log and as a `gh run view --log` file.
const JOB_LOG = 'after-build-smoke-job.log';
const GH_RUN_VIEW = 'after-build-smoke-gh-run-view.log';

/** Puts runner timestamps (one second apart) in front of lines, as a downloaded job log has them. */
function asJobLog(lines: string[], start = Date.parse('2026-01-05T10:00:00Z')): string {
  return lines.map((line, i) => `${new Date(start + i * 1000).toISOString().replace('Z', '0000Z')} ${line}`).join('\n');
}

const PLAIN = readFixture('buildx0.29-a1-3step-plain-first.log').trimEnd().split('\n');
const BUILD_STEP = [
  '##[group]Run docker/build-push-action@v6',
  'with:',
  '  push: false',
  '##[endgroup]',
  '[command]/usr/bin/docker buildx build --tag app:ci --load .',
  ...PLAIN,
];

describe("an error of a step after the job's last build", () => {
  it.each([
    [JOB_LOG, 'Run docker run --rm app:ci /app/server --version'],
    [GH_RUN_VIEW, 'Smoke test'],
  ])("%s: the build succeeded; a notice names the step, quotes its output (not the runner's echo of it) and its exit", async (fixture, step) => {
    const text = readFixture(fixture);
    const lines = text.split('\n');
    const analysis = await analyzeText(text, fixture);
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['success']);
    const later = analysis.builds[0]!.build.afterBuildError!;
    expect(later.step).toBe(step);
    expect(later.error.text).toBe('Process completed with exit code 1.');
    expect(lines[later.error.line - 1]).toContain('##[error]Process completed with exit code 1.');
    // The step's own output only: the runner's `shell:` and the echoed script are its header.
    expect(later.lastLines.map((l) => l.text)).toEqual(['exec /app/server: no such file or directory']);
    expect(lines[later.lastLines[0]!.line - 1]).toContain('exec /app/server');
    expect(lines[later.stepLine! - 1]).toContain('##[group]Run docker run');

    const findings = analysis.findings.filter((f) => f.id === 'after-build-error');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'notice', title: `The step "${step}" after the build exited with code 1` });
    expect(findings[0]!.evidence.map((e) => e.text)).toEqual(['exec /app/server: no such file or directory', 'Process completed with exit code 1.']);
    // Not the build's failure: no signature or guess reads that step's output.
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(analysis.findings.some((f) => f.id === 'entrypoint-not-found')).toBe(false);

    const verdict = verdictOf(analysis);
    expect(verdict.happened).toBe('The build succeeded; a later step of its job reported an error.');
    expect(verdict.change).toBeNull();
    expect(renderText(analysis)).not.toContain('Nothing to change');
    // A notice: `fail-on: warning` does not fail the job for it (the job's own status says it failed).
    expect(shouldFail(analysis.findings, 'warning')).toBe(false);
    // The summary quotes the step's lines under the notice; the comment says it in its head and lists it.
    const summary = renderMarkdown(analysis);
    expect(summary).toContain('## ✅ The build succeeded; a later step of its job reported an error.');
    expect(summary).toMatch(
      /#### ℹ️ .*after the build exited with code 1\n\n```text\n *\d+: exec \/app\/server: no such file or directory\n *\d+: Process completed with exit code 1\.\n```/,
    );
    const comment = renderComment(analysis, '<!-- m -->', { runUrl: null });
    expect(comment).toContain('### ✅ buildx-doctor: the build succeeded; a later step of its job reported an error');
    expect(comment).toMatch(/\*\*Also worth a look\*\*\n- ℹ️ .*after the build exited with code 1/);
  });

  it("an action's own error in a post step: the step and the error's words", async () => {
    const analysis = await analyzeText(
      asJobLog([...BUILD_STEP, 'Post job cleanup.', "##[error]Error: Cannot find module '/home/runner/work/_actions/x/y/dist/post.js'"]),
    );
    const finding = analysis.findings.find((f) => f.id === 'after-build-error')!;
    expect(finding.title).toBe(
      `The step "Post job cleanup" after the build reported an error: Error: Cannot find module '/home/runner/work/_actions/x/y/dist/post.js'`,
    );
    expect(finding.evidence.map((e) => e.text)).toEqual(["Error: Cannot find module '/home/runner/work/_actions/x/y/dist/post.js'"]);
  });

  it("the first error after the build is the one said; the last lines are the step's own, at most five", async () => {
    const output = Array.from({ length: 8 }, (_, i) => `test ${i + 1} ok`);
    const analysis = await analyzeText(
      asJobLog([
        ...BUILD_STEP,
        '##[group]Run ./smoke.sh',
        './smoke.sh',
        '##[endgroup]',
        ...output,
        'FAILED: /healthz answered 503',
        '##[error]Process completed with exit code 2.',
        '##[group]Run ./upload.sh',
        '##[endgroup]',
        '##[error]Process completed with exit code 3.',
      ]),
    );
    const later = analysis.builds[0]!.build.afterBuildError!;
    expect(later.step).toBe('Run ./smoke.sh');
    expect(later.error.text).toBe('Process completed with exit code 2.');
    expect(later.lastLines.map((l) => l.text)).toEqual(['test 5 ok', 'test 6 ok', 'test 7 ok', 'test 8 ok', 'FAILED: /healthz answered 503']);
  });

  it('said of none: an error before the last build, a failed build, a paste without a runner', async () => {
    const before = await analyzeText(
      asJobLog(['##[group]Run ./prepare.sh', '##[endgroup]', 'no config', '##[error]Process completed with exit code 1.', ...BUILD_STEP]),
    );
    expect(before.builds.every((b) => !b.build.afterBuildError)).toBe(true);
    expect(before.findings.some((f) => f.id === 'after-build-error')).toBe(false);

    const failed = await analyzeText(
      asJobLog([
        ...BUILD_STEP.slice(0, 5),
        ...readFixture('buildx0.29-b1-fail-plain.log').trimEnd().split('\n'),
        '##[group]Run ./smoke.sh',
        '##[endgroup]',
        '##[error]Process completed with exit code 1.',
      ]),
    );
    expect(failed.builds[0]!.build.status).toBe('failure');
    expect(failed.findings.some((f) => f.id === 'after-build-error')).toBe(false);

    const pasted = await analyzeText([...PLAIN, 'exec /app/server: no such file or directory'].join('\n'));
    expect(pasted.findings.some((f) => f.id === 'after-build-error')).toBe(false);
  });

  it('a job canceled after its build ended: the build succeeded, the step after it was canceled', async () => {
    const analysis = await analyzeText(
      asJobLog([...BUILD_STEP, '##[group]Run ./smoke.sh', './smoke.sh', '##[endgroup]', 'waiting for the server', '##[error]The operation was canceled.']),
    );
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['success']);
    const finding = analysis.findings.find((f) => f.id === 'after-build-error')!;
    expect(finding.title).toBe('The step "Run ./smoke.sh" after the build was canceled');
    expect(finding.fix).toMatch(/^The build succeeded; the job was canceled later/);
    expect(finding.evidence.map((e) => e.text)).toEqual(['waiting for the server', 'The operation was canceled.']);
    expect(verdictOf(analysis).happened).toBe('The build succeeded; a later step of its job was canceled.');
    // Canceled while its own step ran, the build was canceled.
    const during = await analyzeText(asJobLog([...BUILD_STEP.slice(0, -3), '##[error]The operation was canceled.']));
    expect(during.builds.map((b) => b.build.status)).toEqual(['canceled']);
    expect(during.findings.some((f) => f.id === 'after-build-error')).toBe(false);
  });

  it("a failed build is diagnosed from its own step's lines, not from a later step's (a post step's cache upload)", async () => {
    const failedBuild = [...BUILD_STEP.slice(0, 5), ...readFixture('buildx0.29-b1-fail-plain.log').trimEnd().split('\n')];
    const reserve = 'Failed to save: Unable to reserve cache with key docker.io--tonistiigi--binfmt-latest-linux-x64, another job may be creating this cache.';
    // The same line inside the build's step is among the lines its diagnosis reads...
    const inStep = await analyzeText(asJobLog([...failedBuild, reserve]));
    expect(inStep.builds[0]!.build.excerpt.some((l) => l.text.includes('Unable to reserve cache'))).toBe(true);
    // ...and not once the runner began another step.
    const later = await analyzeText(asJobLog([...failedBuild, '##[group]Post cache', reserve, '##[endgroup]']));
    expect(later.builds[0]!.build.status).toBe('failure');
    expect(later.findings.some((f) => f.id === 'cache-export-failure')).toBe(false);
    expect(later.builds[0]!.build.excerpt.some((l) => l.text.includes('Unable to reserve cache'))).toBe(false);
  });

  it('several builds: the verdict names the build whose job erred after it', async () => {
    const other = readFixture(JOB_LOG)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => `other\tBuild\t${l.replace(/^\ufeff/, '')}`)
      .filter((l) => !l.includes('##[error]'));
    const analysis = await analyzeText([...other, readFixture(GH_RUN_VIEW)].join('\n'));
    expect(analysis.builds.map((b) => [b.build.name, Boolean(b.build.afterBuildError)])).toEqual([
      ['other', false],
      ['smoke', true],
    ]);
    expect(verdictOf(analysis).happened).toBe('All 2 builds succeeded; a later step of the job of **smoke** reported an error.');
  });

  it("an error in the build's own step is the build's: a push after the build in the same script step fails it", async () => {
    const step = ['##[group]Run docker build -t ghcr.io/acme/app:ci . && docker push ghcr.io/acme/app:ci', '##[endgroup]', ...PLAIN];
    const push = [
      'The push refers to repository [ghcr.io/acme/app]',
      'denied: permission_denied: write_package',
      '##[error]Process completed with exit code 1.',
    ];
    const jobLog = await diagnoseText(asJobLog([...step, ...push]));
    expect(jobLog.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(jobLog.findings[0]!.id).toBe('registry-auth-denied');
    expect(jobLog.findings.some((f) => f.id === 'after-build-error')).toBe(false);
    // The same job as `gh run view --log` prints it reads the same.
    const ghRunView = await diagnoseText(
      asJobLog([...step, ...push])
        .split('\n')
        .map((l) => `push\tBuild and push\t${l}`)
        .join('\n'),
    );
    expect(ghRunView.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(ghRunView.findings[0]!.id).toBe('registry-auth-denied');
  });

  it("the step that failed is said, not an earlier step's error annotation; the step's group titles are not its output", async () => {
    const analysis = await analyzeText(
      asJobLog([
        ...BUILD_STEP,
        '##[group]Run ./lint.sh',
        '##[endgroup]',
        '##[error]DL3008 Pin versions in apt get install',
        'lint done',
        '##[group]Run ./test.sh',
        '##[endgroup]',
        '##[group]Test output',
        'test a ok',
        'test b FAILED',
        '##[endgroup]',
        '##[error]Process completed with exit code 1.',
      ]),
    );
    const later = analysis.builds[0]!.build.afterBuildError!;
    expect(later.step).toBe('Run ./test.sh');
    expect(later.lastLines.map((l) => l.text)).toEqual(['test a ok', 'test b FAILED']);
    // The terminal shows the line before the error, not the oldest quoted one.
    expect(renderText(analysis)).toMatch(/after the build exited with code 1\n\s+line \d+: test b FAILED\n/);
    // An action's own failure is its step's last line: it is said too.
    const action = await analyzeText(
      asJobLog([
        ...BUILD_STEP,
        '##[group]Run ./lint.sh',
        '##[endgroup]',
        '##[error]DL3008 Pin versions',
        'lint done',
        '##[group]Run actions/upload-artifact@v4',
        '##[endgroup]',
        '##[error]No files were found with the provided path: dist',
        '##[group]Run echo next',
        '##[endgroup]',
        'next',
      ]),
    );
    expect(action.builds[0]!.build.afterBuildError!.error.text).toBe('No files were found with the provided path: dist');
  });

  it('a gh run view job canceled in a post step after its build: the build succeeded', async () => {
    const lines = asJobLog([...BUILD_STEP, '##[error]The operation was canceled.']).split('\n');
    const text = lines.map((l, i) => `job\t${i < lines.length - 1 ? 'Build and push' : 'Post Build and push'}\t${l}`).join('\n');
    const analysis = await analyzeText(text);
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['success']);
    expect(analysis.findings.find((f) => f.id === 'after-build-error')!.title).toBe('The step "Post Build and push" after the build was canceled');
  });

  it('two jobs that erred after their builds: the verdict names both, and both kinds', async () => {
    const job = (name: string, last: string) =>
      asJobLog([...BUILD_STEP, '##[group]Run ./smoke.sh', '##[endgroup]', 'smoke', last])
        .split('\n')
        .map((l) => `${name}\t${l.includes('smoke') || l.includes(last) ? 'Smoke' : 'Build'}\t${l}`)
        .join('\n');
    const analysis = await analyzeText([job('a', '##[error]Process completed with exit code 1.'), job('b', '##[error]The operation was canceled.')].join('\n'));
    expect(verdictOf(analysis).happened).toBe('All 2 builds succeeded; a later step of the jobs of **a**, **b** reported an error or was canceled.');
  });

  it('two builds in one job: its time is runner time once, not once per build', async () => {
    const analysis = await analyzeText(asJobLog([...BUILD_STEP, ...BUILD_STEP]));
    expect(analysis.builds.map((b) => [b.build.name, b.build.jobSeconds, b.build.indexInJob])).toEqual([
      ['test #1', 85, 0],
      ['test #2', 85, 1],
    ]);
    expect(verdictOf(analysis).time).toBe('85 s wall time.');
    // Two jobs, each its own: their times add up.
    const two = await analyzeText([readFixture(GH_RUN_VIEW), readFixture(GH_RUN_VIEW).replace(/^smoke\t/gm, 'other\t')].join(''));
    expect(verdictOf(two).time).toBe('57 s wall time (the longest job), 1.9 runner minutes over 2 jobs.');
  });

  describe("a cause the catalog's laterSteps signatures name in that step's output", () => {
    const laterStep = (name: string, output: string[]) =>
      asJobLog([
        ...BUILD_STEP,
        `##[group]Run ${name}`,
        name,
        'shell: /usr/bin/bash -e {0}',
        '##[endgroup]',
        ...output,
        '##[error]Process completed with exit code 1.',
      ]);

    it('a docker push denied: the job failed for the registry, with the 403 advice and the step, though the build succeeded', async () => {
      const analysis = await diagnoseText(
        laterStep('docker push ghcr.io/acme/app:ci', [
          'The push refers to repository [ghcr.io/acme/app]',
          '5f70bf18a086: Preparing',
          'denied: permission_denied: write_package',
        ]),
      );
      expect(analysis.builds.map((b) => b.build.status)).toEqual(['success']);
      const [first, ...rest] = analysis.findings;
      expect(first).toMatchObject({
        id: 'registry-auth-denied',
        severity: 'error',
        title: 'The registry denied access to ghcr.io, in the step "Run docker push ghcr.io/acme/app:ci" after the build',
      });
      expect(first!.data).toMatchObject({
        laterStep: 'Run docker push ghcr.io/acme/app:ci',
        laterCause: 'The registry denied access to ghcr.io',
        role: 'root-cause',
      });
      expect(first!.fix).toContain('packages: write');
      expect(first!.evidence.map((e) => e.text)).toEqual(['denied: permission_denied: write_package', 'Process completed with exit code 1.']);
      // One finding for that step: the notice is for a step whose cause no signature names.
      expect(rest.some((f) => f.id === 'after-build-error')).toBe(false);
      // No Dockerfile or source line: the push is in no file of the build.
      expect(first!.locations).toEqual([]);

      const verdict = verdictOf(analysis);
      expect(verdict.happened).toBe('The build succeeded; a later step of its job failed: The registry denied access to ghcr.io.');
      expect(verdict.change).toContain('packages: write');
      // An error finding: `fail-on: error` counts it (the job is red already, unless the step may fail).
      expect(shouldFail(analysis.findings, 'error')).toBe(true);
      // The comment tells it as the failure it is, with its advice.
      const comment = renderComment(analysis, '<!-- m -->', { runUrl: null });
      expect(comment).toMatch(/### ❌ case: The registry denied access to ghcr\.io, in the step "Run docker push/);
      expect(comment).toContain('packages: write');
      expect(comment).not.toContain('### ✅');
      expect(renderMarkdown(analysis)).toContain('## ❌ The build succeeded; a later step of its job failed: The registry denied access to ghcr.io.');
    });

    it("a later step's `docker run --platform linux/amd64 IMAGE`: the image is the registry's, not the platform", async () => {
      const analysis = await diagnoseText(
        laterStep('docker run --rm --platform linux/amd64 -e MODE=smoke ghcr.io/acme/private:1', [
          "Unable to find image 'ghcr.io/acme/private:1' locally",
          'docker: Error response from daemon: Head "https://ghcr.io/v2/acme/private/manifests/1": denied.',
        ]),
      );
      expect(analysis.findings[0]).toMatchObject({ id: 'registry-auth-denied' });
      expect(analysis.findings[0]!.title).toMatch(/^The registry denied access to ghcr\.io, in the step/);
      expect(analysis.findings[0]!.data!.registryKind).toBeUndefined();
    });

    it("a later step's `docker pull` that retried a layer and then worked is no failed push", async () => {
      const analysis = await diagnoseText(
        laterStep('docker pull ghcr.io/acme/app:ci && ./smoke.sh', [
          'ci: Pulling from acme/app',
          '4abcf2066143: Retrying in 2 seconds',
          '4abcf2066143: Retrying in 1 second',
          '4abcf2066143: Pull complete',
          'Status: Downloaded newer image for ghcr.io/acme/app:ci',
          'smoke: expected 200, got 500',
        ]),
      );
      expect(analysis.findings.map((f) => [f.id, f.severity])).toEqual([['after-build-error', 'notice']]);
    });

    it('a job the API lists as a success let that step fail (continue-on-error): the cause is a warning, the job not said to have failed', async () => {
      const text = laterStep('docker push ghcr.io/acme/app:ci', [
        'The push refers to repository [ghcr.io/acme/app]',
        '5f70bf18a086: Preparing',
        'denied: permission_denied: write_package',
      ]);
      // As the jobs source enriches a downloaded job's builds with the job the API listed.
      const analyzed = async (conclusion: string | null) => {
        const source = { ...textSource('build (runtime)', text), enrich: (builds: Build[]) => builds.forEach((b) => (b.jobConclusion = conclusion)) };
        const catalog = builtinSignatures();
        const parsed = await parseSource(source, lineSelectorFor(catalog));
        const diagnosis = await diagnoseBuilds(parsed.builds, catalog);
        return analyze(parsed.builds, parsed.problems, { maxBuildMinutes: 60, workspace: null }, { diagnosis, catalog });
      };
      const tolerated = await analyzed('success');
      const first = tolerated.findings[0]!;
      expect(first).toMatchObject({
        id: 'registry-auth-denied',
        severity: 'warning',
        title: 'The registry denied access to ghcr.io, in the step "Run docker push ghcr.io/acme/app:ci" after the build (allowed to fail: the job succeeded)',
      });
      expect(first.data).toMatchObject({ tolerated: 1, laterCause: 'The registry denied access to ghcr.io' });
      expect(first.fix).toContain('packages: write');
      expect(verdictOf(tolerated).happened).toBe(
        'The build succeeded, with 1 warning below; a later step of its job reported: The registry denied access to ghcr.io.',
      );
      expect(shouldFail(tolerated.findings, 'error')).toBe(false);
      expect(renderMarkdown(tolerated)).not.toContain('## ❌');
      // The same job failed (or still runs, as when the action reads its own job): the failure it was.
      for (const conclusion of ['failure', null])
        expect((await analyzed(conclusion)).findings[0]).toMatchObject({ severity: 'error', title: expect.not.stringContaining('allowed to fail') });
    });

    it("a smoke test's ImagePullBackOff well before the script gave up, and the real capture's `exec ...: no such file or directory` of docker run", async () => {
      const waits = Array.from({ length: 20 }, (_, i) => `Waiting for rollout ... (attempt ${i + 1}/20)`);
      const smoke = await diagnoseText(
        laterStep('scripts/tests/smoke-k8s-bootstrap.sh --verbose', [
          'deployment.apps/runtime created',
          'NAME                       READY   STATUS             RESTARTS   AGE',
          'runtime-7d9f8b6c5-x2x9q   0/1     ImagePullBackOff   0          62s',
          ...waits,
          'error: timed out waiting for the condition',
        ]),
      );
      expect(smoke.findings[0]).toMatchObject({ id: 'image-pull-backoff', severity: 'error' });
      expect(smoke.findings[0]!.evidence[0]!.text).toContain('ImagePullBackOff');

      for (const fixture of [JOB_LOG, GH_RUN_VIEW]) {
        const analysis = await diagnoseText(readFixture(fixture), fixture);
        expect(analysis.findings.map((f) => [f.id, f.severity])).toEqual([['entrypoint-not-found', 'error']]);
        expect(analysis.findings[0]!.title).toMatch(/^The container could not start its entrypoint \/app\/server, in the step ".+" after the build$/);
      }
    });

    it("a test's or a script's own error stays a notice: only Docker's lines, or a docker command's, are read, and no guess", async () => {
      for (const [command, output] of [
        ['./test.sh', ['error[E0425]: cannot find value `x` in this scope', 'error: could not compile `app` (bin "app") due to 1 previous error']],
        ['./test.sh', ['E: Unable to locate package jq']],
        ['./test.sh', ['curl: (6) Could not resolve host: example.invalid']],
        ['./test.sh', ['FAILED: /healthz answered 503']],
        // Words the registry signatures know, printed by a test, an HTTP client, a cluster's API or git.
        ['./smoke.sh', ['< HTTP/1.1 401 Unauthorized']],
        ['npm test', ['✕ returns 429 Too Many Requests when the limit is hit (12 ms)']],
        ['kubectl apply -f deploy.yaml', ['Error from server (Forbidden): unauthorized: authentication required']],
        [
          'aws ecs update-service --cluster c --service s',
          ['An error occurred (AccessDeniedException): User x is not authorized to perform: ecs:UpdateService'],
        ],
        ['git checkout gh-pages', ['fatal: invalid reference: gh-pages']],
        ['./deploy.sh', ['Error: unknown flag: --wait-for-jobs (did you mean --wait?)']],
        ['pytest', ['sqlite3.OperationalError: database or disk is full']],
        ['npm ci', ['npm ERR! notsup Unsupported platform for fsevents@2.3.2: wanted {"os":"darwin"} (current: {"os":"linux"})']],
      ] as const) {
        const analysis = await diagnoseText(laterStep(command, [...output]));
        expect([command, analysis.findings.map((f) => [f.id, f.severity])]).toEqual([command, [['after-build-error', 'notice']]]);
      }
    });

    it("an annotation of a step that went on is no step's failure: a notice, whatever its words", async () => {
      const analysis = await diagnoseText(
        asJobLog([
          ...BUILD_STEP,
          '##[group]Run docker pull ghcr.io/acme/base:1 || echo "::error::pull failed"',
          '##[endgroup]',
          'Error response from daemon: denied',
          '##[error]pull failed',
          'going on without the base image',
          '##[group]Run echo done',
          '##[endgroup]',
          'done',
        ]),
      );
      expect(analysis.findings.map((f) => [f.id, f.severity])).toEqual([['after-build-error', 'notice']]);
    });

    it('a job whose build failed beside one whose later push was denied: the failed build is the headline, the push is said after it', async () => {
      // As `gh run view --log` prints a job: each line with its job's and its step's name (the push's lines after the build's).
      const job = (name: string, lines: string[]) =>
        asJobLog(lines)
          .split('\n')
          .map((l, i) => `${name}\t${i < BUILD_STEP.length ? 'Build' : 'Push'}\t${l}`)
          .join('\n');
      const failed = [...BUILD_STEP.slice(0, 5), ...readFixture('buildx0.29-b1-fail-plain.log').trimEnd().split('\n')];
      const pushed = [
        ...BUILD_STEP,
        '##[group]Run docker push ghcr.io/acme/app:ci',
        '##[endgroup]',
        'denied: permission_denied: write_package',
        '##[error]Process completed with exit code 1.',
      ];
      for (const order of [
        [job('arm64', pushed), job('amd64', failed)],
        [job('amd64', failed), job('arm64', pushed)],
      ]) {
        const analysis = await diagnoseText(order.join('\n'));
        const happened = verdictOf(analysis).happened;
        expect(happened).toMatch(/^\*\*amd64\*\* failed: /);
        expect(happened).toMatch(/; a later step of the job of \*\*arm64\*\* failed: The registry denied access to ghcr\.io\.$/);
        expect(analysis.findings[0]!.build).toBe('amd64');
        expect(renderComment(analysis, '<!-- m -->', { runUrl: null })).toMatch(/^<!-- m -->\n\n### ❌ amd64: /);
      }
    });

    it('a docker command line of many options with values is read at once for the image it names', async () => {
      const options = Array.from({ length: 40 }, (_, i) => `--env=VAR_${i}=a=b`).join(' ');
      const analysis = await diagnoseText(
        laterStep(`docker run --rm --network=host ${options} "$IMAGE" ./smoke.sh`, [
          "Unable to find image 'ghcr.io/acme/app:ci' locally",
          'Error response from daemon: manifest unknown',
        ]),
      );
      expect(analysis.findings[0]).toMatchObject({ id: 'manifest-unknown', severity: 'error' });
    });

    it("a team's own signature reads a later step when it says laterSteps: true", async () => {
      const own = async (laterSteps: boolean) =>
        mergeCatalogs(
          builtinSignatures(),
          await parseCatalog(
            [
              'version: 1',
              'signatures:',
              '  - id: smoke-db-down',
              "    title: 'The smoke test could not reach its database'",
              `    laterSteps: ${laterSteps}`,
              '    patterns:',
              "      - 'could not connect to server: Connection refused'",
              '    fix: |',
              '      - Start the database service before the smoke test.',
            ].join('\n'),
            'team.yml',
          ),
        );
      const text = laterStep('./smoke.sh', ['psql: could not connect to server: Connection refused']);
      expect((await diagnoseText(text, 'a.log', await own(true))).findings[0]!.id).toBe('smoke-db-down');
      expect((await diagnoseText(text, 'a.log', await own(false))).findings[0]!.id).toBe('after-build-error');
      await expect(parseCatalog('version: 1\nsignatures:\n  - id: x\n    laterSteps: yes please\n', 't.yml')).rejects.toThrow(
        /signature 1 \(x\), field "laterSteps": must be true or false/,
      );
    });
  });
});
