// A build step with `continue-on-error`: the build failed, the job the GitHub API lists went on and
// succeeded. The jobs source tells the job's conclusion (github/jobs-source.ts); the analysis says
// the failure's cause as allowed, and no report says the run failed.
import { describe, expect, it } from '@jest/globals';
import { textSource } from '../src/input/log-source.js';
import { parseSource } from '../src/parse/parse-source.js';
import { lineSelectorFor } from '../src/diagnose/line-selector.js';
import { diagnoseBuilds } from '../src/diagnose/diagnose.js';
import { analyze } from '../src/analyze/analyze.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { verdictOf } from '../src/report/verdict.js';
import { shouldFail } from '../src/analyze/fail-policy.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderComment } from '../src/report/pr-comment.js';
import { renderText } from '../src/report/text-report.js';
import { commentWanted } from '../src/action/comment-step.js';
import type { Build } from '../src/model.js';

const FAILED_BUILD = [
  '#0 building with "default" instance using docker driver',
  '#5 [build 3/4] RUN cargo build --release',
  '#5 12.30    Compiling demon-engine v0.1.0 (/src/engine)',
  '#5 13.10 error[E0425]: cannot find value `cfg` in this scope',
  '#5 13.11   --> engine/src/main.rs:12:5',
  '#5 13.40 error: could not compile `demon-engine` (bin "engine") due to 1 previous error',
  '#5 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
  'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
].join('\n');

/** As the jobs source enriches a downloaded job's builds with the job the API listed (by job name, or one for all). */
async function analyzed(conclusion: string | null | Record<string, string>, text = FAILED_BUILD) {
  const of = (b: Build) => (conclusion === null || typeof conclusion === 'string' ? conclusion : (conclusion[b.name] ?? null));
  const source = { ...textSource('build (arm64)', text), enrich: (builds: Build[]) => builds.forEach((b) => (b.jobConclusion = of(b))) };
  const catalog = builtinSignatures();
  const parsed = await parseSource(source, lineSelectorFor(catalog));
  const diagnosis = await diagnoseBuilds(parsed.builds, catalog);
  return analyze(parsed.builds, parsed.problems, { maxBuildMinutes: 60, workspace: null }, { diagnosis, catalog });
}

describe('a failed build in a job the API lists as a success (continue-on-error)', () => {
  it('says the cause as a warning allowed to fail, in the verdict too, with no ❌ and no fail-on: error', async () => {
    const analysis = await analyzed('success');
    expect(analysis.builds[0]!.build.status).toBe('failure');
    const first = analysis.findings[0]!;
    expect(first).toMatchObject({ id: 'compile-error', severity: 'warning', title: expect.stringMatching(/ \(allowed to fail: the job succeeded\)$/) });
    expect(first.data).toMatchObject({ tolerated: 1 });
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const verdict = verdictOf(analysis);
    // (Markdown: the verdict escapes the log's and the title's punctuation.)
    expect(verdict.happened.replace(/\\/g, '')).toMatch(/^\*\*build \(arm64\)\*\* failed: .*cannot find value .*\(allowed to fail: the job succeeded\)\.$/);
    // The one change is still the compile error's (what to do if the build should pass).
    expect(verdict.change).toBe(first.change);
    expect(shouldFail(analysis.findings, 'error')).toBe(false);
    const summary = renderMarkdown(analysis);
    expect(summary.replace(/\\/g, '')).toMatch(/^## ⚠️ \*\*build \(arm64\)\*\* failed/m);
    expect(summary).not.toContain('## ❌');
    // Said once: the finding below the verdict is headed "Why ... failed", its title not repeated.
    expect(summary.match(/allowed to fail/g)).toHaveLength(1);
    expect(summary.replace(/\\/g, '')).toContain('#### ⚠️ Why build (arm64) failed');
    const comment = renderComment(analysis, '<!-- m -->', { runUrl: null });
    // The comment tells it as a failure (its error lines and fix), under ⚠️, once; only the build's row says ❌ (it did fail).
    expect(comment.replace(/\\/g, '')).toMatch(/^### ⚠️ .*cannot find value/m);
    expect(comment).toContain('error[E0425]: cannot find value `cfg` in this scope');
    expect(comment.match(/allowed to fail/g)).toHaveLength(1);
    expect(comment.match(/❌/g)).toHaveLength(1);
  });

  it('the same build in a job that failed, or that still runs (the action in its own job), is the failure it was', async () => {
    for (const conclusion of ['failure', null]) {
      const analysis = await analyzed(conclusion);
      expect(analysis.findings[0]).toMatchObject({ id: 'compile-error', severity: 'error', title: expect.not.stringContaining('allowed to fail') });
      expect(shouldFail(analysis.findings, 'error')).toBe(true);
      expect(renderMarkdown(analysis)).toMatch(/^## ❌ /m);
    }
  });

  it('a build that succeeded in a successful job keeps its findings as they are', async () => {
    const ok = ['#0 building with "default" instance using docker driver', '#5 [build 1/1] RUN true', '#5 DONE 0.1s'].join('\n');
    const analysis = await analyzed('success', ok);
    expect(analysis.findings.some((f) => f.data?.tolerated === 1)).toBe(false);
    expect(renderMarkdown(analysis)).toMatch(/^## ✅ /m);
  });

  // Found by a review of the change.
  const ts = (i: number) => `2026-01-05T10:00:${String(i).padStart(2, '0')}.0000000Z`;
  /** A `gh run view --log` file: JOB<TAB>STEP<TAB>TIMESTAMP LINE. */
  const ghLog = (jobs: Array<[string, string, string[]]>) => {
    let i = 0;
    return jobs.flatMap(([job, step, lines]) => lines.map((line) => `${job}\t${step}\t${ts(i++)} ${line}`)).join('\n');
  };
  const compileFailure = FAILED_BUILD.split('\n');
  const built = ['#0 building with "default" instance using docker driver', '#5 [build 1/1] RUN true', '#5 DONE 0.1s'];

  it("another job's later step that failed for real is no reason to name the wrong build", async () => {
    const text = ghLog([
      ['engine', 'Build', compileFailure],
      ['runtime', 'Build', built],
      [
        'runtime',
        'Push',
        [
          '##[group]Run docker push ghcr.io/acme/app:ci',
          'The push refers to repository [ghcr.io/acme/app]',
          'denied: permission_denied: write_package',
          '##[error]Process completed with exit code 1.',
        ],
      ],
    ]);
    const analysis = await analyzed({ engine: 'success', runtime: 'failure' }, text);
    const happened = verdictOf(analysis).happened.replace(/\\/g, '');
    expect(happened).toMatch(
      /^\*\*engine\*\* failed: .*cannot find value .*\(allowed to fail: the job succeeded\); a later step of the job of \*\*runtime\*\* failed: The registry denied access to ghcr\.io\.$/,
    );
    expect(renderMarkdown(analysis)).toMatch(/^## ❌ /m);
  });

  it('what follows from an allowed failure is folded under it, and it cancels no other job', async () => {
    const push = [
      '#0 building with "default" instance using docker driver',
      '#9 exporting to image',
      '#9 pushing layers',
      '#9 ERROR: failed to push ghcr.io/acme/app:ci: unexpected status from HEAD request to https://ghcr.io/v2/acme/app/blobs/sha256:abc: 403 Forbidden',
      'ERROR: failed to solve: failed to push ghcr.io/acme/app:ci: unexpected status from HEAD request to https://ghcr.io/v2/acme/app/blobs/sha256:abc: 403 Forbidden',
    ];
    const folded = await analyzed('success', push.join('\n'));
    expect(folded.findings[0]).toMatchObject({ id: 'registry-auth-denied', severity: 'warning' });
    expect(renderMarkdown(folded)).not.toMatch(/^#### .*Pushing to the registry failed/m);
    const text = ghLog([
      ['engine', 'Build', compileFailure],
      ['runtime', 'Build', ['#0 building with "default" instance using docker driver', '#5 [build 1/1] RUN sleep 600', '##[error]The operation was canceled.']],
    ]);
    const analysis = await analyzed({ engine: 'success', runtime: 'cancelled' }, text);
    const canceled = analysis.findings.find((f) => f.id === 'canceled')!;
    expect(canceled.title).not.toContain('after engine failed');
    expect(canceled.data?.canceledBecause).toBeUndefined();
  });

  it('no comment on-failure, and no red in the terminal, when every failure was allowed', async () => {
    const allowed = await analyzed('success');
    expect(commentWanted('on-failure', allowed)).toBe(false);
    expect(commentWanted('always', allowed)).toBe(true);
    expect(renderText(allowed, { color: true, width: 100 }).split('\n')[0]).toContain('\u001b[33m');
    const failed = await analyzed('failure');
    expect(commentWanted('on-failure', failed)).toBe(true);
    expect(renderText(failed, { color: true, width: 100 }).split('\n')[0]).toContain('\u001b[31m');
  });
});
