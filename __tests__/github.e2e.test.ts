// The bundled action against a local GitHub API (support/fake-github.ts: requests and responses
// checked against GitHub's OpenAPI description), serving the real logs of run 17964002949 split per
// job: the follow-up job that reads a matrix, the sticky pull request comment, and what goes wrong.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { FakeGitHub, splitRunLog, type FakeJob } from './support/fake-github.js';
import { runActionAsync, type ActionRun } from './support/run-action.js';
import { FIXTURES, readFixture, SAMPLE } from './support/analyze-text.js';
import { join } from 'node:path';

const realJobs = splitRunLog(readFileSync(SAMPLE, 'utf8'));
// Real webhook payloads (from @octokit/webhooks-examples, see the fixture's `source`).
const payloads = JSON.parse(readFileSync(join(FIXTURES, 'github', 'event-payloads.json'), 'utf8'));
const pullRequestEvent = payloads.pull_request_synchronize;
const PR: number = pullRequestEvent.number;
const SHA: string = pullRequestEvent.pull_request.head.sha;

/** A job log as the API serves it, made from a real BuildKit capture: runner timestamps, build-push-action's error. */
function failingJobLog(extraLines: string[] = []): string {
  const lines = [
    '##[group]Run docker/build-push-action@v5',
    'with:',
    '  file: ./engine/Dockerfile',
    '##[endgroup]',
    '[command]/usr/bin/docker buildx build --file ./engine/Dockerfile .',
    ...readFixture('buildx0.29-b1-fail-plain.log').trimEnd().split('\n'),
    ...extraLines,
    '##[error]buildx failed with: ERROR: failed to build: failed to solve: process "/bin/sh -c ..." did not complete successfully: exit code: 101',
  ];
  return lines.map((line, i) => `2025-09-24T02:00:${String(i % 60).padStart(2, '0')}.0000000Z ${line}`).join('\n') + '\n';
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

beforeEach(async () => {
  nextJobId = 1;
  github = await new FakeGitHub().start();
  github.jobs = [
    job('Build runtime', realJobs.get('Build runtime')!),
    job('Build engine', realJobs.get('Build engine')!),
    job('Build operate-ui', realJobs.get('Build operate-ui')!),
    job('Diagnose', '', { status: 'in_progress', conclusion: null, runnerName: 'runner-self' }),
  ];
});

afterEach(async () => {
  await github.stop();
  expect(github.violations).toEqual([]);
});

function run(inputs: Record<string, string>, options: { event?: object; eventName?: string; env?: Record<string, string> } = {}): Promise<ActionRun> {
  return runActionAsync(
    { 'github-token': 'ghs_fake-token-for-tests-0123456789', 'log-wait-seconds': '2', ...inputs },
    {
      event: options.event ?? pullRequestEvent,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
        GITHUB_WORKFLOW: 'Docker Publish',
        GITHUB_SHA: 'b'.repeat(40),
        RUNNER_NAME: 'runner-self',
        ...options.env,
      },
    },
  );
}

const comments = () => github.comments.get(PR) ?? [];

describe('a follow-up job reading the matrix', () => {
  it('reads every finished job but its own, one row per component, across pages of jobs', async () => {
    for (let i = 1; i <= 147; i++) github.jobs.push(job(`Lint ${i}`, '2025-09-24T01:00:00.0000000Z all good\n'));
    github.jobs.push(job('Build docs', '', { conclusion: 'skipped' }));
    const result = await run({ jobs: 'Build *', comment: 'off' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const listing = github.calls('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs');
    expect(listing.length).toBeGreaterThanOrEqual(2);
    expect(listing[1]!.query.get('page')).toBe('2');
    expect(listing[0]!.headers.authorization).toBe('token ghs_fake-token-for-tests-0123456789');
    // Read a few at a time: in whatever order the downloads start.
    expect(
      github
        .calls('GET', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs')
        .map((r) => r.params.job_id)
        .sort(),
    ).toEqual(['1', '2', '3']);
    expect(result.summary).toContain('Read from the logs of 3 jobs of run 17964002949.');
    expect(result.summary).toContain('| Build runtime | ✅ success | 64.3 min | 63.8 min | 0/30 (0%) | 34 |');
    expect(result.summary).toContain('| Build operate-ui | ✅ success | 78.5 min | 78.1 min | 0/34 (0%) | 38 |');
    expect(result.outputs.status).toBe('success');
    // The token never shows.
    // The runner is told to mask it (add-mask), and it shows nowhere else.
    expect(result.stdout.split('\n').filter((l) => l.includes('ghs_fake-token-for-tests'))).toEqual(['::add-mask::ghs_fake-token-for-tests-0123456789']);
    expect(result.summary).not.toContain('ghs_fake-token-for-tests');
  });

  it('downloads four logs at once and streams each into its parser; the rows keep the order of the jobs', async () => {
    for (const name of ['Build runtime', 'Build engine', 'Build operate-ui']) github.jobs.push(job(`${name} (arm64)`, realJobs.get(name)!));
    github.holdLogsUntil = 4;
    const result = await run({ jobs: 'Build *', comment: 'off', 'report-file': 'report.json' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(github.calls('GET', '/_blob/job-logs/{job_id}')).toHaveLength(6);
    // Held until four were in flight: four were, never more.
    expect(github.maxLogsInFlight).toBe(4);
    const report = JSON.parse(readFileSync(join(result.workspace, 'report.json'), 'utf8'));
    expect(report.builds.map((b: { name: string }) => b.name)).toEqual([
      'Build runtime',
      'Build engine',
      'Build operate-ui',
      'Build runtime (arm64)',
      'Build engine (arm64)',
      'Build operate-ui (arm64)',
    ]);
  });

  it('waits for a log that is not ready yet, then reads it; one that stays in progress is reported', async () => {
    github.jobs[1]!.status = 'in_progress';
    github.jobs.push(job('Build docs', '', { status: 'in_progress', conclusion: null }));
    let listings = 0;
    github.onListJobs = () => {
      if (++listings === 3) github.jobs[1]!.status = 'completed';
    };
    const result = await run({ jobs: 'Build *', comment: 'off' });
    expect(result.code).toBe(0);
    expect(listings).toBeGreaterThanOrEqual(3);
    expect(result.summary).toContain('| Build engine | ✅ success |');
    expect(result.summary).toContain('Build docs: still in progress after 2 s, so its log is not ready');
  });

  it('retries a 502, and honours a 429 with retry-after', async () => {
    github.faults.push({
      match: (r) => r.template === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      reply: { status: 502, json: { message: 'Server Error' } },
    });
    github.faults.push({
      match: (r) => r.template === '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
      reply: { status: 429, headers: { 'retry-after': '1' }, json: { message: 'API rate limit exceeded' } },
    });
    const started = Date.now();
    const result = await run({ jobs: 'Build *', comment: 'off' });
    expect(result.code).toBe(0);
    expect(result.summary).toContain('| Build runtime | ✅ success |');
    const listing = github.calls('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs');
    expect(listing.length).toBeGreaterThanOrEqual(2);
    const logs = github.calls('GET', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs').filter((r) => r.params.job_id === '1');
    expect(logs).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('matches matrix job names that hold commas', async () => {
    github.jobs = [
      job('build (linux/amd64, runtime)', realJobs.get('Build runtime')!),
      job('build (linux/amd64, engine)', realJobs.get('Build engine')!),
      job('test (linux/amd64, engine)', '2025-09-24T01:00:00.0000000Z ok\n'),
    ];
    const result = await run({ jobs: 'build (*, runtime)\nbuild (*, engine)', comment: 'off' });
    expect(result.code).toBe(0);
    const ids = github.jobs.filter((j) => j.name.startsWith('build')).map((j) => String(j.id));
    expect(github.calls('GET', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs').map((r) => r.params.job_id)).toEqual(ids);
    expect(result.summary).toContain('| build \\(linux/amd64, runtime\\) | ✅ success |');
  });

  it('diagnoses a past run by id (workflow_dispatch), without skipping any job', async () => {
    github.runs.set(555, { headSha: SHA, pullNumbers: [], name: 'Docker Publish' });
    github.jobs = [job('Build engine', failingJobLog(), { conclusion: 'failure', runnerName: 'runner-self' })];
    const result = await run({ 'run-id': '555', comment: 'off' }, { eventName: 'workflow_dispatch', event: payloads.workflow_dispatch });
    expect(result.code).toBe(0);
    expect(github.calls('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs')[0]!.params.run_id).toBe('555');
    expect(result.outputs['root-cause']).toBe('compile-error');
    expect(result.summary).toContain('Build engine');
  });

  it('a later step allowed to fail (the API lists its job as a success) is a warning; the same job failed is its failure', async () => {
    // The real smoke job: its build succeeded, then `docker run` could not start the entrypoint.
    const smoke = readFixture('after-build-smoke-job.log');
    const results = [];
    for (const conclusion of ['success', 'failure'] as const) {
      github.jobs = [job('Smoke test', smoke, { conclusion }), job('Diagnose', '', { status: 'in_progress', conclusion: null, runnerName: 'runner-self' })];
      const result = await run({ comment: 'off', 'fail-on': 'error' });
      results.push(result);
      const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8'));
      expect(report.findings[0]).toMatchObject({ id: 'entrypoint-not-found', severity: conclusion === 'success' ? 'warning' : 'error' });
    }
    const [tolerated, failed] = results;
    // Allowed to fail: green, said as what the step reported, no ❌; failed: `fail-on: error` turns it red.
    expect(tolerated!.code).toBe(0);
    expect(tolerated!.summary).toContain('allowed to fail: the job succeeded');
    expect(tolerated!.summary).toMatch(/a later step of its job reported: The container could not start/);
    expect(tolerated!.summary).not.toContain('## ❌');
    expect(failed!.code).toBe(1);
    expect(failed!.summary).toMatch(/## ❌ .*a later step of its job failed: The container could not start/);
  });

  it('a build step allowed to fail (its job a success) is said as allowed, under ⚠️, and fail-on: error leaves the step green', async () => {
    github.jobs = [
      job('Build engine', failingJobLog(), { conclusion: 'success' }),
      job('Diagnose', '', { status: 'in_progress', conclusion: null, runnerName: 'runner-self' }),
    ];
    const result = await run({ comment: 'off', 'fail-on': 'error' });
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8'));
    expect(report.findings[0]).toMatchObject({ id: 'compile-error', severity: 'warning', data: { tolerated: 1 } });
    expect(result.outputs['root-cause']).toBe('compile-error');
    expect(result.summary).toMatch(/^## ⚠️ \*\*Build engine\*\* failed: .*allowed to fail: the job succeeded/m);
    expect(result.summary).not.toContain('## ❌');
  });

  it('an API that refuses (401) is a warning and a green step', async () => {
    github.faults.push({
      match: (r) => r.template === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      reply: { status: 401, json: { message: 'Bad credentials' } },
    });
    const result = await run({ comment: 'off' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '::warning title=buildx-doctor::GitHub API: listing the jobs of run 17964002949 failed: 401 Unauthorized (the token was refused); no job log of run 17964002949 was read',
    );
    expect(result.summary).toContain('401 Unauthorized \\(the token was refused\\)');
  });
});

describe('links to the log', () => {
  it("evidence links to its line in the job's step (#step:N:L), the run and the job are linked", async () => {
    // failingJobLog: line 1 at 02:00:00, the build step's `[command]` on line 5 at 02:00:04.
    github.jobs[1] = job('Build engine', failingJobLog(), {
      conclusion: 'failure',
      steps: [
        { number: 1, name: 'Set up job', startedAt: '2025-09-24T02:00:00Z' },
        { number: 2, name: 'Build and push', startedAt: '2025-09-24T02:00:04Z' },
      ],
    });
    const id = github.jobs[1].id;
    const result = await run({ jobs: 'Build *', comment: 'always' });
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(result.outputs['report-file']!, 'utf8'));
    const engine = report.builds.find((b: { name: string }) => b.name === 'Build engine');
    expect(engine).toMatchObject({
      jobId: id,
      jobUrl: `https://github.com/afewell-hh/Demon/actions/runs/17964002949/job/${id}`,
      step: { number: 2, name: 'Build and push' },
    });
    const root = report.findings[0];
    const first = Math.min(...root.evidence.map((e: { line: number }) => e.line));
    const link = `https://github.com/afewell-hh/Demon/actions/runs/17964002949/job/${id}#step:2:${first - 5 + 1}`;
    expect(comments()[0]!.body).toContain(`[Line ${first} of the job's log](${link})`);
    expect(result.summary).toContain(`(${link})`);
    expect(result.summary).toContain('[The run](https://github.com/afewell-hh/Demon/actions/runs/17964002949)');
    expect(result.summary).toContain('[job](https://github.com/afewell-hh/Demon/actions/runs/17964002949/job/1)');
  });
});

describe('the sticky pull request comment', () => {
  it('is created on a failure, updated in place on the next push, and says so when a later run is green', async () => {
    github.jobs[1] = job('Build engine', failingJobLog(), { conclusion: 'failure' });
    const first = await run({ jobs: 'Build *' });
    expect(first.code).toBe(0);
    expect(comments()).toHaveLength(1);
    const body = comments()[0]!.body;
    expect(body).toMatch(/^<!-- buildx-doctor:sticky-comment id=[0-9a-f]{12} -->/);
    // The root cause is the headline, right under the hidden marker.
    expect(body.split('\n\n')[1]).toMatch(/^### ❌ Build engine: The code failed to compile in RUN echo/);
    expect(body).toMatch(
      /\| ✅ \[Build runtime\]\(https:\/\/github\.com\/afewell-hh\/Demon\/actions\/runs\/17964002949\/job\/1\) \| 63\.8 min \| 0\/30 \(0%\) \|/,
    );
    expect(body.length).toBeLessThan(65536);
    expect(first.outputs['comment-url']).toBe(`https://github.com/afewell-hh/Demon/pull/1#issuecomment-${comments()[0]!.id}`);

    // The same result again: the comment is left as it is.
    await run({ jobs: 'Build *' });
    expect(comments()).toHaveLength(1);
    expect(github.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(0);

    // A new push fails differently: the same comment is updated.
    github.jobs[0] = job('Build runtime', failingJobLog(), { conclusion: 'failure' });
    const second = await run({ jobs: 'Build *' });
    expect(second.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(github.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(1);
    // The same failure in two builds: one headline naming both.
    expect(comments()[0]!.body.split('\n\n')[1]).toMatch(/^### ❌ Build runtime, Build engine: The code failed to compile in RUN echo/);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);

    github.jobs[0] = job('Build runtime', realJobs.get('Build runtime')!);
    github.jobs[1] = job('Build engine', realJobs.get('Build engine')!);
    const green = await run({ jobs: 'Build *' });
    expect(green.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(github.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(2);
    expect(comments()[0]!.body).toContain('### ✅ buildx-doctor: all 3 builds succeeded');
  });

  it('on a green run with no comment yet, writes none (on-failure)', async () => {
    const result = await run({ jobs: 'Build *' });
    expect(result.code).toBe(0);
    expect(comments()).toHaveLength(0);
    expect(result.outputs['comment-url']).toBe('');
  });

  it('a fork pull request (403 on the comment) ends green with a warning', async () => {
    github.jobs[1] = job('Build engine', failingJobLog(), { conclusion: 'failure' });
    github.faults.push({
      match: (r) => r.method === 'POST' && r.template === '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      reply: { status: 403, json: { message: 'Resource not accessible by integration' } },
    });
    const result = await run({ jobs: 'Build *' });
    expect(result.code).toBe(0);
    expect(comments()).toHaveLength(0);
    expect(result.stdout).toMatch(
      /::warning title=buildx-doctor::could not write the pull request comment: GitHub API: commenting on the pull request failed: 403 Forbidden/,
    );
    expect(result.summary).toContain('a pull request from a fork');
    expect(result.outputs['root-cause']).toBe('compile-error');
  });

  it("finds a fork's pull request of a workflow_run by its head commit", async () => {
    github.jobs[1] = job('Build engine', failingJobLog(), { conclusion: 'failure' });
    const event = payloads.workflow_run_completed;
    expect(event.workflow_run.pull_requests).toEqual([]);
    github.pullsBySha.set(event.workflow_run.head_sha, PR);
    const result = await run({ jobs: 'Build *' }, { eventName: 'workflow_run', event });
    expect(result.code).toBe(0);
    expect(github.calls('GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls')[0]!.params.commit_sha).toBe(event.workflow_run.head_sha);
    expect(comments()).toHaveLength(1);
  });

  it('log text in the comment is inert: mentions, HTML, code fences', async () => {
    const hostile = ['@org/team have a look', '<details><summary>x</summary>', '</code></pre>', '```', '<img src=x onerror=alert(1)>'];
    github.jobs[1] = job('Build engine', failingJobLog(hostile.map((h) => `#6 0.1 ${h}`)), { conclusion: 'failure' });
    await run({ jobs: 'Build *', comment: 'always' });
    const body = comments()[0]!.body;
    const html = new MarkdownIt({ html: true }).render(body);
    expect(html).not.toMatch(/<img|<summary>x/);
    // Only buildx-doctor's own folded evidence opens a <details>.
    expect((html.match(/<details>/g) ?? []).length).toBe((body.match(/^<details><summary>/gm) ?? []).length);
    const outsideCode = html.replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(outsideCode).not.toContain('@org/team');
  });
});
