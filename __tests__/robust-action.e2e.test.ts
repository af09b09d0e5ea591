// What a broken runner, server or environment can do to the bundled action, one case each: the step
// stays green (unless `fail-on` says otherwise for what was found), the summary is written, and the
// trouble is one warning line. The API is the local stand-in of support/fake-github.ts.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS_BOT, FakeGitHub, type FakeJob } from './support/fake-github.js';
import { runActionAsync, type ActionRun } from './support/run-action.js';
import { readFixture } from './support/analyze-text.js';
import { commentMarker } from '../src/github/sticky-comment.js';

/** A job log as the API serves it: a real BuildKit capture with the runner's timestamps. */
function jobLog(fixture: string): string {
  return readFixture(fixture)
    .trimEnd()
    .split('\n')
    .map((line, i) => `2025-09-24T02:00:${String(i % 60).padStart(2, '0')}.0000000Z ${line}`)
    .join('\n');
}

const TOKEN = 'ghs_fake-token-for-tests-0123456789';
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
    job('Build runtime', jobLog('buildx0.29-a1-3step-plain-first.log')),
    job('Build engine', jobLog('buildx0.29-a2-3step-plain-cached.log')),
    job('Build operate-ui', jobLog('buildx0.29-b1-fail-plain.log'), { conclusion: 'failure' }),
  ];
});

afterEach(async () => {
  await github.stop();
  expect(github.violations).toEqual([]);
});

function run(
  inputs: Record<string, string>,
  options: { event?: object | string; eventName?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<ActionRun> {
  return runActionAsync(
    { 'github-token': TOKEN, 'log-wait-seconds': '2', ...inputs },
    {
      event: options.event ?? { pull_request: { number: 7, head: { sha: 'c'.repeat(40) } } },
      nodeArgs: options.nodeArgs,
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
        GITHUB_WORKFLOW: 'Docker Publish',
        GITHUB_SHA: 'b'.repeat(40),
        ...options.env,
      },
    },
  );
}

/** The `::warning` lines buildx-doctor printed about itself (not the findings'). */
const ownWarnings = (result: ActionRun) => result.stdout.split('\n').filter((l) => l.startsWith('::warning title=buildx-doctor::'));

function expectGreen(result: ActionRun): void {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.summary).not.toBe('');
}

describe('servers that misbehave', () => {
  it('a server that closes each response (HTTP/1.0 style): every log is read, no undici crash', async () => {
    github.closeEachResponse = true;
    // Logs of 20-60 KB arrive with the server's FIN before their reader starts: undici 6 then
    // asserted on every run here (nodejs/undici#5360).
    const checkout = Array.from(
      { length: 500 },
      (_, i) => `2025-09-24T01:59:00.0000000Z Receiving objects: ${Math.floor(i / 5)}% (${i}/500), 1.21 MiB | 2.42 MiB/s`,
    ).join('\n');
    for (const j of github.jobs) j.log = `${checkout}\n${j.log}`;
    expect(github.jobs.every((j) => j.log.length > 20_000 && j.log.length < 60_000)).toBe(true);
    const result = await run({ comment: 'off' });
    expectGreen(result);
    expect(result.summary).toContain('Read from the logs of 3 jobs of run 17964002949.');
    for (const name of ['Build runtime', 'Build engine', 'Build operate-ui']) expect(result.summary).toContain(`| ${name} |`);
    expect(result.outputs['root-cause']).toBe('compile-error');
    expect(ownWarnings(result)).toEqual([]);
  });

  it('an answer that is not JSON is a sentence, not a parser message', async () => {
    github.faults.push({
      match: (r) => r.template === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      reply: { status: 200, headers: { 'content-type': 'application/json' }, text: '<html>oops' },
    });
    const result = await run({ comment: 'off' });
    expectGreen(result);
    expect(ownWarnings(result)).toEqual([
      '::warning title=buildx-doctor::GitHub API: listing the jobs of run 17964002949 failed: the answer was not the JSON GitHub sends; no job log of run 17964002949 was read',
    ]);
    expect(result.summary).not.toMatch(/Cannot use|operator|TypeError/);
  });

  it('a 502 that stays is a sentence with the status and its reason', async () => {
    for (let i = 0; i < 6; i++)
      github.faults.push({
        match: (r) => r.template === '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
        reply: { status: 502, json: { message: 'Server Error' } },
      });
    const result = await run({ comment: 'off' });
    expectGreen(result);
    expect(ownWarnings(result)).toEqual([
      '::warning title=buildx-doctor::GitHub API: listing the jobs of run 17964002949 failed: 502 Bad Gateway (GitHub had an error; retried); no job log of run 17964002949 was read',
    ]);
  });
});

describe('a broken environment', () => {
  it('a malformed event file (GITHUB_EVENT_PATH): no crash when the bundle loads, the logs are still read', async () => {
    const result = await run({ comment: 'always' }, { event: '{"pull_request": {"number": 7,' });
    expectGreen(result);
    expect(result.summary).toContain('| Build runtime |');
    expect(ownWarnings(result)).toEqual([
      '::warning title=buildx-doctor::the event payload (GITHUB_EVENT_PATH) is not valid JSON, so the pull request is not known from it',
    ]);
    expect(github.comments.size).toBe(0);
  });

  it('GITHUB_API_URL that is not a URL: the API is left alone, the log files are read', async () => {
    const result = await runActionAsync(
      { 'github-token': TOKEN, logs: 'build.log' },
      {
        setup: (workspace) => writeFileSync(join(workspace, 'build.log'), readFixture('buildx0.29-a1-3step-plain-first.log')),
        env: { GITHUB_API_URL: 'notaurl' },
      },
    );
    expectGreen(result);
    expect(result.summary).toContain('The build succeeded.');
    expect(ownWarnings(result)).toEqual(['::warning title=buildx-doctor::GITHUB_API_URL is not an http(s) URL ("notaurl"), so the GitHub API is not used']);
  });
});

describe('the last line of defence', () => {
  // A fault injected into the bundled action's process, outside any promise of the run, as undici's
  // socket handlers throw: on the run's first synchronous file open (reading the event payload),
  // when the handlers are surely installed.
  const inject = (fault: string) =>
    `--import=data:text/javascript,import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module'; const open = fs.openSync; let armed = true; fs.openSync = (...a) => { if (armed) { armed = false; ${fault} } return open(...a) }; syncBuiltinESMExports();`;
  const throwFromTimer = (what: string) => inject(`setTimeout(() => { throw new Error(${JSON.stringify(what)}) }, 0);`);
  const rejectFromTimer = inject(`setTimeout(() => { Promise.reject(new Error('nobody awaited this')) }, 0);`);
  // After the analysis: the first thing the run does with it is to make the report's directory.
  const throwAfterAnalysis =
    "--import=data:text/javascript,import fs from 'node:fs/promises'; import { syncBuiltinESMExports } from 'node:module'; const mkdir = fs.mkdir; fs.mkdir = (...a) => { setTimeout(() => { throw new Error('late') }, 0); return mkdir(...a) }; syncBuiltinESMExports();";

  it('an uncaught exception: a warning, the summary, exit 0', async () => {
    const result = await run({ comment: 'off' }, { nodeArgs: [throwFromTimer('boom\n    at secret.js:1')] });
    expectGreen(result);
    expect(ownWarnings(result)).toContain('::warning title=buildx-doctor::buildx-doctor could not finish: boom');
    expect(result.summary).toContain('buildx-doctor could not finish: boom');
    expect(result.stdout + result.summary).not.toContain('secret.js');
  });

  it('two escapes in a row (undici throws from `end`, then from `close`): the first is finished, once', async () => {
    const twice = inject(`setTimeout(() => { throw new Error('first') }, 0); setTimeout(() => { throw new Error('second') }, 0);`);
    const result = await run({ comment: 'off' }, { nodeArgs: [twice] });
    expectGreen(result);
    expect(ownWarnings(result).filter((l) => l.includes('could not finish'))).toEqual(['::warning title=buildx-doctor::buildx-doctor could not finish: first']);
    expect(result.summary).toContain('buildx-doctor could not finish: first');
  });

  it('an unhandled rejection: the same', async () => {
    const result = await run({ comment: 'off' }, { nodeArgs: [rejectFromTimer] });
    expectGreen(result);
    expect(ownWarnings(result)).toContain('::warning title=buildx-doctor::buildx-doctor could not finish: nobody awaited this');
  });

  it('an escape after the analysis: the summary holds the builds, and fail-on still decides', async () => {
    const green = await run({ comment: 'off' }, { nodeArgs: [throwAfterAnalysis] });
    expectGreen(green);
    expect(green.summary).toContain('| Build operate-ui |');
    expect(ownWarnings(green)).toContain('::warning title=buildx-doctor::buildx-doctor could not finish: late');
    const red = await run({ comment: 'off', 'fail-on': 'error' }, { nodeArgs: [throwAfterAnalysis] });
    expect(red.code).toBe(1);
    expect(red.summary).toContain('| Build operate-ui |');
    expect(red.stderr).toBe('');
  });
});

describe('the sticky comment is only ever our own', () => {
  const PR = 7;
  const marker = commentMarker('Docker Publish', null, null);

  it('a comment of another user that holds the marker is left alone; ours is written', async () => {
    github.comments.set(PR, [{ id: 1, body: `${marker}\nI pasted the marker, edit me`, author: 'mallory' }]);
    const result = await run({ comment: 'on-failure' });
    expectGreen(result);
    const list = github.comments.get(PR)!;
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual({ id: 1, body: `${marker}\nI pasted the marker, edit me`, author: 'mallory' });
    expect(list[1]!.author).toBe(ACTIONS_BOT);
    expect(list[1]!.body.startsWith(marker)).toBe(true);
    expect(github.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toHaveLength(0);
    // The next run finds its own comment and updates it, still not mallory's.
    github.jobs[2] = job('Build operate-ui', jobLog('buildx0.29-b1-fail-plain.log').replace(/exit code: 101/g, 'exit code: 102'), { conclusion: 'failure' });
    await run({ comment: 'on-failure' });
    expect(github.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}').map((r) => r.params.comment_id)).toEqual([String(list[1]!.id)]);
    expect(list[0]!.body).toBe(`${marker}\nI pasted the marker, edit me`);
  });

  it("with a personal token, the comments of its user are ours, the bot's are not", async () => {
    github.tokenUser = 'octocat';
    github.comments.set(PR, [
      { id: 1, body: `${marker}\nold, by the bot`, author: ACTIONS_BOT },
      { id: 2, body: `${marker}\nold, by octocat`, author: 'octocat' },
    ]);
    const result = await run({ comment: 'on-failure' });
    expectGreen(result);
    expect(github.calls('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}').map((r) => r.params.comment_id)).toEqual(['2']);
    expect(github.comments.get(PR)![0]!.body).toBe(`${marker}\nold, by the bot`);
    expect(github.calls('GET', '/user')[0]!.headers.authorization).toBe(`token ${TOKEN}`);
  });
});

describe('one annotation budget for everything', () => {
  it('15 empty log files are not 15 warnings', async () => {
    const result = await runActionAsync(
      { logs: 'logs/*.log' },
      {
        setup: (workspace) => {
          mkdirSync(join(workspace, 'logs'));
          for (let i = 1; i <= 15; i++) writeFileSync(join(workspace, 'logs', `empty-${String(i).padStart(2, '0')}.log`), '');
        },
      },
    );
    expectGreen(result);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.length).toBeLessThanOrEqual(10);
    expect(ownWarnings(result)).toHaveLength(4);
    expect(ownWarnings(result)[3]).toBe('::warning title=buildx-doctor::and 12 more warnings: all are listed in the job summary');
    // The summary has every one.
    for (let i = 1; i <= 15; i++) expect(result.summary).toContain(`logs/empty-${String(i).padStart(2, '0')}.log: the log is empty`);
  });
});
