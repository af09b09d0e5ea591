// Issue 13, memory: past a limit, the analysis lists the builds a reader needs and folds the others
// into counts (src/analyze/build-budget.ts), and the run's numbers still count every build. The
// bundled CLI on thousands of builds under a small heap is in memory-bounds.e2e.test.ts.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Build, BuildStatus } from '../src/model.js';
import { BuildBudget, MAX_LISTED_BUILDS } from '../src/analyze/build-budget.js';
import { analyzeSources } from '../src/engine.js';
import { textSource } from '../src/input/log-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/analyze/rule.js';
import { historyRow } from '../src/analyze/history-row.js';
import { toJsonReport } from '../src/report/json-report.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderText } from '../src/report/text-report.js';
import { shouldFail } from '../src/analyze/fail-policy.js';
import { expectValidReport } from './support/report-schema.js';
import { SAMPLE } from './support/analyze-text.js';

/** A build of `steps` RUN steps that ran (none cached), as the parser would hand it over. */
function build(name: string, options: { status?: BuildStatus; seconds?: number | null; pushed?: boolean; job?: string | null; cached?: number } = {}): Build {
  const status = options.status ?? 'success';
  const steps = Array.from({ length: 4 }, (_, i) => ({
    id: i + 1,
    name: `[${i + 1}/4] RUN step ${i + 1}`,
    platform: null,
    stage: null,
    index: i + 1,
    total: 4,
    instruction: 'RUN',
    command: `step ${i + 1}`,
    kind: 'instruction' as const,
    cached: i < (options.cached ?? 0),
    seconds: 0.1,
    status: i < (options.cached ?? 0) ? ('cached' as const) : ('done' as const),
    line: i + 1,
    endLine: i + 1,
    endText: `#${i + 1} DONE 0.1s`,
    error: null,
  }));
  return {
    name,
    origin: 'plain progress',
    source: 'test.log',
    job: options.job === undefined ? name : options.job,
    status,
    jobSeconds: options.seconds ?? null,
    buildSeconds: options.seconds ?? null,
    platforms: [],
    nativePlatform: null,
    steps,
    cache: { imports: [], exports: [] },
    images: options.pushed ? [{ ref: `ghcr.io/o/${name}:1`, digest: null, pushed: true }] : [],
    request: { dockerfile: null, platforms: [], cacheFrom: [], cacheTo: [], tags: [], push: false },
    errors: status === 'failure' ? [{ line: 4, text: 'ERROR: failed to solve: exit code: 1' }] : [],
    errorDetails: [],
    failedStepTail: [],
    markedNonInstructions: [],
    firstLine: 1,
    lastLine: 4,
    boundary: { first: { line: 1, text: '#1' }, last: { line: 4, text: '#4' } },
    notes: [],
    excerpt: [],
    runner: { tokenPermissions: {}, secretSource: null, metadataTemplates: [] },
    withoutBuildKit: false,
    checks: [],
  };
}

const names = (builds: Build[]) => builds.map((b) => b.name);

describe('the budget of listed builds', () => {
  it('lists every build under the limit and omits nothing', () => {
    const budget = new BuildBudget(5);
    for (let i = 0; i < 5; i++) budget.add(build(`b${i}`, { seconds: 10 }), i);
    expect(names(budget.builds())).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    expect(budget.omitted()).toBeNull();
  });

  it('keeps failures, then canceled, then notable, then the slowest, and always the first and the last', () => {
    const budget = new BuildBudget(6);
    const plan: Array<[string, Parameters<typeof build>[1]]> = [
      ['first', { seconds: 1 }],
      ['quick', { seconds: 2 }],
      ['failed', { status: 'failure', seconds: 1 }],
      ['slow', { seconds: 900 }],
      ['pushed', { seconds: 1, pushed: true }],
      ['canceled', { status: 'canceled', seconds: 1 }],
      ['medium', { seconds: 50 }],
      ['quicker', { seconds: 1.5 }],
      ['last', { seconds: 1 }],
    ];
    plan.forEach(([name, options], i) => budget.add(build(name, options), i));
    // Six listed: `first` and `last` by place, the failure, the canceled, the one with an image, the slowest.
    expect(names(budget.builds())).toEqual(['first', 'failed', 'slow', 'pushed', 'canceled', 'last']);
    const omitted = budget.omitted()!;
    expect(omitted.count).toBe(3);
    expect(omitted.statuses).toEqual({ success: 3, failure: 0, canceled: 0, unknown: 0 });
    expect(omitted.maxSeconds).toBe(50);
    expect(omitted.runnerSeconds).toBe(53.5);
    expect(omitted.runnerJobs).toBe(3);
    expect(omitted.steps).toBe(12);
    expect(omitted.cacheMisses).toBe(12);
    expect(omitted.jobs.map((j) => j.name).sort()).toEqual(['medium', 'quick', 'quicker']);
  });

  it("counts a job's time once for the builds of one job, whether listed or folded (the later ones add none)", () => {
    const budget = new BuildBudget(2);
    const ofJob = (name: string, indexInJob: number) => ({ ...build(name, { job: 'matrix', seconds: 30 }), buildSeconds: 10, indexInJob });
    budget.add(build('first', { seconds: 1 }), 0);
    budget.add(ofJob('matrix #1', 0), 1);
    budget.add(ofJob('matrix #2', 1), 2);
    budget.add(ofJob('matrix #3', 2), 3);
    budget.add(build('last', { seconds: 1 }), 4);
    const omitted = budget.omitted()!;
    expect(omitted.count).toBe(3);
    expect(omitted.runnerSeconds).toBe(30);
    expect(omitted.runnerJobs).toBe(1);
  });

  it('among more failures than it can list, keeps the earliest (the likeliest root cause) and counts the rest', () => {
    const budget = new BuildBudget(4);
    for (let i = 0; i < 10; i++) budget.add(build(`f${i}`, { status: 'failure', seconds: 10 - i }), i);
    expect(names(budget.builds())).toEqual(['f0', 'f1', 'f2', 'f9']);
    expect(budget.omitted()!.statuses.failure).toBe(6);
    // Each folded failure had its build-outcome error: a fail-on policy still sees them.
    expect(budget.omitted()!.findings.error).toBeGreaterThanOrEqual(6);
  });

  it('decides by place in the input, not by arrival (sources are read concurrently)', () => {
    const budget = new BuildBudget(3);
    // Arrival order: the second source's builds come first.
    budget.add(build('s1-a', { seconds: 1 }), 2 ** 32);
    budget.add(build('s1-b', { seconds: 1 }), 2 ** 32 + 1);
    budget.add(build('s0-a', { seconds: 1 }), 0);
    budget.add(build('s0-b', { seconds: 5 }), 1);
    budget.add(build('s0-c', { seconds: 2 }), 2);
    expect(names(budget.builds())).toEqual(['s0-a', 's0-b', 's1-b']);
  });

  it('sums the omitted builds per job, and counts builds of jobs past the job list', () => {
    const budget = new BuildBudget(2);
    budget.add(build('a #1', { job: null, seconds: 3 }), 0);
    budget.add(build('a #2', { job: null, seconds: 4 }), 1);
    budget.add(build('a #3', { job: null, seconds: 5, status: 'unknown' }), 2);
    budget.add(build('z', { seconds: 100 }), 3);
    // Listed: `a #1` (first) and `z` (last); `a #2` and `a #3` make one job, named without `#N`.
    expect(names(budget.builds())).toEqual(['a #1', 'z']);
    expect(budget.omitted()!.jobs).toEqual([{ name: 'a', builds: 2, jobSeconds: 5, buildSeconds: 9, status: 'unknown' }]);
  });
});

describe('an analysis past the limit', () => {
  // The sample (a 3-job `gh run view` log) five times over: 15 builds, jobs named alike.
  const log = readFileSync(SAMPLE, 'utf8').repeat(5);
  const run = (limit: number) => analyzeSources([textSource('run.log', log)], DEFAULT_ANALYSIS_OPTIONS, undefined, null, limit);

  it('counts every build in the run numbers, the history row and the reports', async () => {
    const all = await run(MAX_LISTED_BUILDS);
    const folded = await run(4);
    expect(all.builds).toHaveLength(15);
    expect(all.omittedBuilds).toBeNull();
    expect(folded.builds).toHaveLength(4);
    expect(folded.omittedBuilds!.count).toBe(11);
    expect(folded.status).toBe(all.status);
    expect(folded.cacheHitRatio).toBe(all.cacheHitRatio);
    expect(folded.durationSeconds).toBe(all.durationSeconds);
    // The benchmark row: time per job, summed the same way with and without folding.
    const facts = { runId: null, runNumber: null, url: null, date: null, event: null, branch: null };
    const byName = (row: ReturnType<typeof historyRow>) => [...row.components].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(historyRow(folded, facts))).toEqual(byName(historyRow(all, facts)));
    // The verdict's count and time cover every build; a cause's cost is said to be the listed builds'.
    const verdictOf = (markdown: string) => markdown.split('\n').filter((l) => /^## |^⏱️/.test(l));
    const [happened, time] = verdictOf(renderMarkdown(all));
    expect(verdictOf(renderMarkdown(folded))[0]).toBe(happened);
    const foldedTime = verdictOf(renderMarkdown(folded))[1]!;
    expect(foldedTime.split(';')[0]).toBe(time!.split(';')[0]);
    expect(time).toMatch(/over 15 jobs; .* under QEMU emulation\.$/);
    expect(foldedTime).toMatch(/under QEMU emulation in the listed builds\.$/);

    const report = toJsonReport(folded);
    expectValidReport(report);
    expect(report.omittedBuilds!.count + report.builds.length).toBe(15);
    expect(report.omittedBuilds!.statuses.success).toBe(11);
    expect(report.omittedBuilds!.pushedImages).toBeGreaterThan(0);
    expect(toJsonReport(all).omittedBuilds).toBeUndefined();
    // One line in the summary and the terminal report, none when every build is listed.
    const line = /11 of 15 builds are counted but not listed \(11 succeeded\)/;
    expect(
      renderMarkdown(folded)
        .split('\n')
        .filter((l) => line.test(l)),
    ).toHaveLength(1);
    expect(renderText(folded)).toMatch(line);
    expect(renderMarkdown(all)).not.toMatch(/counted but not listed/);
  });

  it('a fail-on policy sees the findings of builds that are not listed', () => {
    expect(shouldFail([], 'warning', { error: 0, warning: 1, notice: 0 })).toBe(true);
    expect(shouldFail([], 'error', { error: 0, warning: 1, notice: 0 })).toBe(false);
    expect(shouldFail([], 'error', { error: 2, warning: 0, notice: 0 })).toBe(true);
    expect(shouldFail([], 'never', { error: 2, warning: 0, notice: 0 })).toBe(false);
  });
});
