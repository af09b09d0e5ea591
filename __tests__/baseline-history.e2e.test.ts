// The bundled action finding its baseline run and reading the workflow's history through a local
// GitHub API (support/fake-github.ts: every request and response checked against GitHub's OpenAPI
// description). The cold run is the real run 17964002949 split per job; the warm runs wrap a real
// BuildKit capture of a fully cached build in runner framing.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub, splitRunLog, type FakeJob, type FakeRun } from './support/fake-github.js';
import { runActionAsync, type ActionRun } from './support/run-action.js';
import { FIXTURES, readFixture, SAMPLE } from './support/analyze-text.js';

const coldJobs = splitRunLog(readFileSync(SAMPLE, 'utf8'));
const payloads = JSON.parse(readFileSync(join(FIXTURES, 'github', 'event-payloads.json'), 'utf8'));
const pullRequestEvent = payloads.pull_request_synchronize;
/** The pull request's repository names `master` as its default branch. */
const DEFAULT_BRANCH: string = pullRequestEvent.repository.default_branch;

const CURRENT = 17964002949;
const WORKFLOW = 4242;

/**
 * A job that built from a warm cache: BuildKit's real output of a cached build, with runner
 * timestamps from the first to the last line spanning `seconds`.
 */
function warmJobLog(seconds: number, component: string): string {
  const lines = [
    '##[group]Run docker/build-push-action@v5',
    'with:',
    `  file: ./${component}/Dockerfile`,
    '##[endgroup]',
    `[command]/usr/bin/docker buildx build --file ./${component}/Dockerfile .`,
    ...readFixture('buildx0.29-a2-3step-plain-cached.log').trimEnd().split('\n'),
  ];
  const start = Date.parse('2025-09-25T10:00:00Z');
  return (
    lines
      .map((line, i) => `${new Date(start + Math.round((i * seconds * 1000) / (lines.length - 1))).toISOString().replace('Z', '0000Z')} ${line}`)
      .join('\n') + '\n'
  );
}

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

/** A run's three matrix legs; `warm` gives the job seconds of each leg, else the real cold logs. */
function legs(warm: [number, number, number] | null): FakeJob[] {
  return ['runtime', 'engine', 'operate-ui'].map((component, i) =>
    job(`Build ${component}`, warm ? warmJobLog(warm[i]!, component) : coldJobs.get(`Build ${component}`)!),
  );
}

/** buildx-doctor's own job in a past run: its log has its annotations, no build of the run's. */
const doctorJob = () => job('diagnose', '2025-09-25T10:10:00.0000000Z ##[error]Build engine: The code failed to compile\n');

function addRun(id: number, run: Partial<FakeRun>, jobs: FakeJob[] | null): void {
  github.runs.set(id, {
    headSha: 'a'.repeat(40),
    pullNumbers: [],
    name: 'Docker Publish',
    workflowId: WORKFLOW,
    event: 'push',
    branch: DEFAULT_BRANCH,
    ...run,
  });
  if (jobs) github.jobsByRun.set(id, [...jobs, doctorJob()]);
}

beforeEach(async () => {
  nextJobId = 1;
  github = await new FakeGitHub().start();
  // This run: a pull request's, its three legs done, this job still running.
  github.jobs = [...legs([600, 620, 700]), job('Diagnose', '', { status: 'in_progress', conclusion: null, runnerName: 'runner-self' })];
  addRun(
    CURRENT,
    { runNumber: 50, event: 'pull_request', branch: 'feature', status: 'in_progress', conclusion: null, createdAt: '2025-09-26T09:00:00Z' },
    null,
  );
  // The last green run on the default branch: the baseline.
  addRun(900, { runNumber: 41, createdAt: '2025-09-25T10:00:00Z' }, legs([414, 408, 648]));
  // Newer, but red: not a baseline.
  addRun(950, { runNumber: 45, conclusion: 'failure', createdAt: '2025-09-25T18:00:00Z' }, legs([400, 400, 400]));
  // Green, on another branch.
  addRun(960, { runNumber: 46, branch: 'release', createdAt: '2025-09-25T20:00:00Z' }, legs([420, 420, 420]));
  // Older and green: the first publish, cold.
  addRun(800, { runNumber: 30, createdAt: '2025-09-24T01:56:21Z' }, legs(null));
  // Another workflow's run on the default branch: never a baseline.
  addRun(990, { runNumber: 3, workflowId: 1, createdAt: '2025-09-26T08:00:00Z' }, legs([1, 1, 1]));
});

afterEach(async () => {
  await github.stop();
  expect(github.violations).toEqual([]);
});

function run(inputs: Record<string, string>, options: { event?: object; eventName?: string } = {}): Promise<ActionRun> {
  return runActionAsync(
    { 'github-token': 'ghs_fake-token-for-tests-0123456789', 'log-wait-seconds': '2', jobs: 'Build *', comment: 'off', ...inputs },
    {
      event: options.event ?? pullRequestEvent,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
        GITHUB_WORKFLOW: 'Docker Publish',
        GITHUB_RUN_ID: String(CURRENT),
        GITHUB_JOB: 'diagnose',
        GITHUB_SHA: 'b'.repeat(40),
        RUNNER_NAME: 'runner-self',
      },
    },
  );
}

const RUN = '/repos/{owner}/{repo}/actions/runs/{run_id}';
const RUNS = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';
const JOBS = '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs';
const LOGS = '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs';
const REPO = '/repos/{owner}/{repo}';
/** The build legs of a past run (its `diagnose` job is never read). */
const jobIds = (runId: number) =>
  github.jobsByRun
    .get(runId)!
    .filter((j) => j.name !== 'diagnose')
    .map((j) => String(j.id));
/** The API requests the baseline cost: all but reading this run's own jobs and logs (and the storage behind the log redirects). */
const baselineRequests = () => {
  const own = new Set(github.jobs.map((j) => String(j.id)));
  return github.requests.filter(
    (r) =>
      r.template !== null &&
      !r.template.startsWith('/_blob/') &&
      !(r.template === JOBS && r.params.run_id === String(CURRENT)) &&
      !(r.template === LOGS && own.has(r.params.job_id!)),
  );
};

describe('the baseline', () => {
  it('auto: the last green run of the same workflow on the default branch, read like this run, named in the summary', async () => {
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // The runs listing asked with its filters: this workflow, the default branch, successful runs only.
    const listing = github.calls('GET', RUNS);
    expect(listing).toHaveLength(1);
    expect(listing[0]!.params.workflow_id).toBe(String(WORKFLOW));
    expect(listing[0]!.query.get('branch')).toBe(DEFAULT_BRANCH);
    expect(listing[0]!.query.get('status')).toBe('success');
    // Run 900's jobs and logs were read: run 950 is red, 960 on another branch, 990 another workflow.
    expect(github.calls('GET', JOBS).map((r) => r.params.run_id)).toEqual([String(CURRENT), '900']);
    // This run's logs first, then the baseline's; within a run they download concurrently, in any order.
    const logsRead = github.calls('GET', LOGS).map((r) => r.params.job_id!);
    const sorted = (ids: string[]) => [...ids].sort();
    expect(sorted(logsRead.slice(0, 3))).toEqual(sorted(github.jobs.slice(0, 3).map((j) => String(j.id))));
    expect(sorted(logsRead.slice(3))).toEqual(sorted(jobIds(900)));
    // The budget the README states: this run (its workflow), one runs page, the baseline's jobs, one log per job.
    const asked = baselineRequests().map((r) => `${r.template} ${r.params.run_id ?? r.params.job_id ?? ''}`);
    expect(asked.slice(0, 3)).toEqual([`${RUN} ${CURRENT}`, `${RUNS} `, `${JOBS} 900`]);
    expect(sorted(asked.slice(3))).toEqual(sorted(jobIds(900).map((id) => `${LOGS} ${id}`)));
    expect(result.summary).toContain(
      `<sub>Baseline: run \\#\u200b41 \\(900\\) on ${DEFAULT_BRANCH}, 2025-09-25, push · [The baseline run](https://github.com/afewell-hh/Demon/actions/runs/900)</sub>`,
    );
    // This run's own analysis is untouched by it.
    expect(result.summary).toContain('| Build runtime | ✅ success |');
  });

  it('asks the repository for its default branch when the event does not say it (one more request)', async () => {
    github.defaultBranch = DEFAULT_BRANCH;
    const event = { ...pullRequestEvent, repository: { ...pullRequestEvent.repository, default_branch: undefined } };
    const result = await run({}, { event });
    expect(result.code).toBe(0);
    expect(github.calls('GET', REPO)).toHaveLength(1);
    expect(github.calls('GET', RUNS)[0]!.query.get('branch')).toBe(DEFAULT_BRANCH);
    expect(result.summary).toContain('Baseline: run \\#\u200b41 \\(900\\)');
  });

  it('expired logs (410) are a note, not an error: the run is named and why it cannot be compared', async () => {
    for (const id of jobIds(900))
      github.faults.push({ match: (r) => r.template === LOGS && r.params.job_id === id, reply: { status: 410, json: { message: 'Gone' } } });
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.summary).toContain(`no baseline: run \\#\u200b41 \\(900\\) on ${DEFAULT_BRANCH}, 2025-09-25, push was found, but its logs have expired`);
    expect(result.summary).not.toContain('[The baseline run]');
    expect(result.stdout).not.toMatch(/::warning[^\n]*410/);
    // Each expired log was asked for once: a 410 is not retried.
    expect(github.calls('GET', LOGS).filter((r) => jobIds(900).includes(r.params.job_id!))).toHaveLength(3);
    expect(result.summary).toContain('| Build runtime | ✅ success |');
  });

  it('a token without actions: read (403) is a note that says which permission is missing', async () => {
    github.faults.push({
      match: (r) => r.template === RUN && r.params.run_id === String(CURRENT),
      reply: { status: 403, json: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } },
    });
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.summary).toContain(`no baseline: GitHub API: reading run ${CURRENT} failed: 403 Forbidden`);
    expect(result.summary).toContain('needs the actions: read permission');
    expect(github.calls('GET', RUNS)).toHaveLength(0);
    expect(result.outputs.status).toBe('success');
  });

  it('the first run of a workflow has no baseline: a note', async () => {
    for (const id of [900, 950, 960, 800]) github.runs.delete(id);
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.summary).toContain(`no baseline: this workflow has no successful run on ${DEFAULT_BRANCH} yet`);
    expect(github.calls('GET', JOBS).map((r) => r.params.run_id)).toEqual([String(CURRENT)]);
  });

  it('baseline: off asks the API nothing about other runs and says nothing', async () => {
    const result = await run({ baseline: 'off' });
    expect(result.code).toBe(0);
    expect(github.calls('GET', RUN)).toHaveLength(0);
    expect(github.calls('GET', RUNS)).toHaveLength(0);
    expect(github.calls('GET', JOBS).map((r) => r.params.run_id)).toEqual([String(CURRENT)]);
    expect(result.summary).not.toContain('<sub>Baseline');
    expect(result.summary).not.toContain('no baseline');
  });

  it('a run id is taken as it is (one request to name it), whatever its branch', async () => {
    const result = await run({ baseline: '960' });
    expect(result.code).toBe(0);
    expect(github.calls('GET', RUN).map((r) => r.params.run_id)).toEqual(['960']);
    expect(github.calls('GET', RUNS)).toHaveLength(0);
    expect(github.calls('GET', JOBS).map((r) => r.params.run_id)).toEqual([String(CURRENT), '960']);
    expect(result.summary).toContain('Baseline: run \\#\u200b46 \\(960\\) on release, 2025-09-25, push');
  });

  it('a branch: the last green run of the workflow on that branch', async () => {
    const result = await run({ baseline: 'release' });
    expect(result.code).toBe(0);
    expect(github.calls('GET', RUNS)[0]!.query.get('branch')).toBe('release');
    expect(github.calls('GET', JOBS).map((r) => r.params.run_id)).toEqual([String(CURRENT), '960']);
    expect(result.summary).toContain('Baseline: run \\#\u200b46 \\(960\\) on release');
  });

  it('a baseline input that is no run and no branch is a warning, and auto is used', async () => {
    const result = await run({ baseline: 'two words' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '::warning title=buildx-doctor::input baseline: "two words" is not auto, off, a run id or a branch name; using the default',
    );
    expect(result.summary).toContain('Baseline: run \\#\u200b41 \\(900\\)');
  });
});

describe('the comparison on a pull request', () => {
  /** A real BuildKit capture (fixtures/baseline) as the runner prints a build-push-action step. */
  function framedCapture(name: string, startIso: string): string {
    const lines = [
      '##[group]Run docker/build-push-action@v6',
      '##[endgroup]',
      ...readFileSync(join(FIXTURES, 'baseline', name), 'utf8')
        .trimEnd()
        .split('\n'),
    ];
    const start = Date.parse(startIso);
    return lines.map((line, i) => `${new Date(start + i * 100).toISOString().replace('Z', '0000Z')} ${line}`).join('\n') + '\n';
  }

  it('finds the last green run on the default branch by itself and names the step that broke the cache, why, and what it cost', async () => {
    // This run: a file the build copies changed since the baseline (the real pair `context`).
    github.jobs = [
      job('Build runtime', framedCapture('plain-context.log', '2025-09-26T09:00:00Z')),
      job('Diagnose', '', { status: 'in_progress', conclusion: null, runnerName: 'runner-self' }),
    ];
    addRun(900, { runNumber: 41, createdAt: '2025-09-25T10:00:00Z' }, [job('Build runtime', framedCapture('plain-baseline.log', '2025-09-25T10:00:00Z'))]);
    const result = await run({ jobs: 'Build *', comment: 'always' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(github.calls('GET', JOBS).map((r) => r.params.run_id)).toEqual([String(CURRENT), '900']);
    // The pull request's sticky comment says it too.
    const comment = (github.comments.get(pullRequestEvent.number) ?? []).map((c) => c.body).join('\n');
    expect(comment).toMatch(/context-changed/);
    expect(comment).toContain('COPY a.txt /a.txt');
    expect(result.summary).toMatch(/Cache broke at `\[builder 2\/3\] COPY a\.txt \/a\.txt`.*\*\*context-changed\*\*; 2 steps rebuilt/);
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8'));
    const build = report.builds[0];
    expect(build.baseline).toMatchObject({ run: expect.stringContaining('41') });
    expect(build.cacheBreak).toMatchObject({ step: '[builder 2/3]', reason: 'context-changed', rebuiltSteps: 2 });
  });

  it('an unchanged build against its baseline: no cache break', async () => {
    github.jobs = [
      job('Build runtime', framedCapture('plain-unchanged.log', '2025-09-26T09:00:00Z')),
      job('Diagnose', '', { status: 'in_progress', conclusion: null, runnerName: 'runner-self' }),
    ];
    addRun(900, { runNumber: 41, createdAt: '2025-09-25T10:00:00Z' }, [job('Build runtime', framedCapture('plain-baseline.log', '2025-09-25T10:00:00Z'))]);
    const result = await run({ jobs: 'Build *' });
    expect(result.code).toBe(0);
    expect(result.summary).not.toContain('Cache broke at');
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8'));
    expect(report.builds[0].baseline).not.toBeNull();
    expect(report.builds[0].cacheBreak).toBeNull();
  });
});

describe('history: N (workflow_dispatch)', () => {
  it('reads the last 3 finished runs of the workflow, any branch, and writes the benchmark table and its chart', async () => {
    github.runs.get(CURRENT)!.event = 'workflow_dispatch';
    // No `jobs`: every job of each run, but buildx-doctor's own (GITHUB_JOB `diagnose`).
    const result = await run({ history: '3', jobs: '' }, { event: payloads.workflow_dispatch, eventName: 'workflow_dispatch' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const listing = github.calls('GET', RUNS);
    expect(listing).toHaveLength(1);
    expect(listing[0]!.query.get('status')).toBe('completed');
    expect(listing[0]!.query.has('branch')).toBe(false);
    // The three newest finished runs of this workflow (990 is another workflow's); not this run's own jobs.
    expect(
      github
        .calls('GET', JOBS)
        .map((r) => r.params.run_id)
        .sort(),
    ).toEqual(['900', '950', '960']);
    expect(github.calls('GET', LOGS)).toHaveLength(9);
    // Budget: this run + one runs page + per run (1 jobs page + 3 logs) = 2 + 3 × 4.
    expect(github.requests.filter((r) => r.template !== null && !r.template.startsWith('/_blob/'))).toHaveLength(14);
    const summary = result.summary;
    expect(summary).toContain('### 📊 Docker Publish: 3 runs');
    expect(summary).toContain('| Run | Date (UTC) | Context | Build runtime | Build engine | Build operate-ui |');
    // Oldest first, as the runbook reads; minutes from the first to the last line of each job.
    const rows = summary.split('\n').filter((l) => /^\| \[\d+\]/.test(l));
    expect(rows).toEqual([
      `| [900](https://github.com/afewell-hh/Demon/actions/runs/900) | 2025-09-25 | push · ${DEFAULT_BRANCH} · warm cache \\(100% cached\\) | 6.9 min | 6.8 min | 10.8 min |`,
      `| [950](https://github.com/afewell-hh/Demon/actions/runs/950) | 2025-09-25 | push · ${DEFAULT_BRANCH} · warm cache \\(100% cached\\) | 6.7 min | 6.7 min | 6.7 min |`,
      '| [960](https://github.com/afewell-hh/Demon/actions/runs/960) | 2025-09-25 | push · release · warm cache \\(100% cached\\) | 7.0 min | 7.0 min | 7.0 min |',
    ]);
    expect(summary).toContain('```mermaid\nxychart-beta\n  title "Build runtime: build minutes per run"\n  x-axis "run" ["41", "45", "46"]');
    const history = JSON.parse(readFileSync(result.outputs['history-file']!, 'utf8'));
    expect(history.schemaVersion).toBe(1);
    expect(history.runs.map((r: { runId: number }) => r.runId)).toEqual([900, 950, 960]);
    expect(history.runs[0].components[0]).toEqual({ name: 'Build runtime', status: 'success', jobSeconds: 414, buildSeconds: expect.any(Number) });
  });

  it('reproduces the runbook: the cold first publish and the warm runs after it, with a run whose logs expired kept as a row', async () => {
    github.runs.get(CURRENT)!.event = 'workflow_dispatch';
    for (const id of jobIds(950))
      github.faults.push({ match: (r) => r.template === LOGS && r.params.job_id === id, reply: { status: 410, json: { message: 'Gone' } } });
    const result = await run({ history: '5' }, { event: payloads.workflow_dispatch, eventName: 'workflow_dispatch' });
    expect(result.code).toBe(0);
    const rows = result.summary.split('\n').filter((l) => /^\| \[\d+\]/.test(l));
    expect(rows[0]).toBe(
      `| [800](https://github.com/afewell-hh/Demon/actions/runs/800) | 2025-09-24 | push · ${DEFAULT_BRANCH} · cold cache \\(0% cached\\) | 64.3 min | 64.9 min | 78.5 min |`,
    );
    expect(rows[1]).toContain('| 6.9 min | 6.8 min | 10.8 min |');
    expect(rows[2]).toBe(
      `| [950](https://github.com/afewell-hh/Demon/actions/runs/950) | 2025-09-25 | push · ${DEFAULT_BRANCH} · no cacheable step | — | — | — |`,
    );
    expect(rows).toHaveLength(4);
    expect(result.stdout).toContain('::warning title=buildx-doctor::history: run 950: no build read');
    expect(result.summary).toContain('410 Gone');
  });

  it('without actions: read the table is empty and a warning says why; the step stays green', async () => {
    github.faults.push({
      match: (r) => r.template === RUN,
      reply: { status: 403, json: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } },
    });
    const result = await run({ history: '3' }, { event: payloads.workflow_dispatch, eventName: 'workflow_dispatch' });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('No run to show.');
    expect(result.summary).toContain('needs the actions: read permission');
    expect(github.calls('GET', JOBS)).toHaveLength(0);
  });
});
