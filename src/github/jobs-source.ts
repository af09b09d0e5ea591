import type { LogSource } from '../input/log-source.js';
import type { Build } from '../model.js';
import { StepLineIndex, type ApiStep } from './step-lines.js';
import { InputError } from '../input/errors.js';
import { ApiError, call, whyNoAnswer, type GitHubClient } from './api.js';
import { matchesAny } from './glob.js';

export interface JobsSourceOptions {
  owner: string;
  repo: string;
  runId: number;
  /** Glob patterns on job names (`Build *`); empty for all. */
  jobPatterns: string[];
  /** The runner of the job running buildx-doctor, whose own job is skipped. */
  ownRunner: string | null;
  /** How long to wait for jobs that are still running, and between looks. */
  waitMs: number;
  pollMs: number;
}

export interface RunJob {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  htmlUrl: string | null;
  /** The job's steps as the API lists them, to tell which step a log line belongs to. */
  steps?: ApiStep[];
}

export interface JobsSourceResult {
  sources: LogSource[];
  jobs: RunJob[];
  problems: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The logs of a run's jobs, for a follow-up job (`needs:` + `if: always()`) or a past run: lists the
 * jobs (all pages), keeps those whose names match, waits a bounded time for any still running, and
 * gives one log source per finished job, streamed from GitHub when it is read.
 */
export async function jobLogSources(client: GitHubClient, options: JobsSourceOptions): Promise<JobsSourceResult> {
  const problems: string[] = [];
  const deadline = Date.now() + options.waitMs;
  let jobs = await listJobs(client, options);
  // Only running jobs are waited for: a queued or waiting one (an approval, a job that needs this
  // one) may not start for a long time.
  while (jobs.some((j) => j.status === 'in_progress') && Date.now() < deadline) {
    await sleep(Math.min(options.pollMs, Math.max(0, deadline - Date.now())));
    try {
      jobs = await listJobs(client, options);
    } catch {
      break; // keep the last listing: its finished jobs can still be read
    }
  }
  if (jobs.length === 0) problems.push(`no job of run ${options.runId} matches ${options.jobPatterns.join(', ') || '*'} (besides this one)`);
  const sources: LogSource[] = [];
  for (const job of jobs) {
    // A skipped job has no log to read.
    if (job.conclusion === 'skipped') continue;
    if (job.status !== 'completed') {
      problems.push(
        job.status === 'in_progress'
          ? `${job.name}: still in progress after ${Math.round(options.waitMs / 1000)} s, so its log is not ready; run buildx-doctor in a job that \`needs:\` it`
          : `${job.name}: ${job.status.replace(/_/g, ' ')}, so there is no log yet`,
      );
      continue;
    }
    sources.push(jobLogSource(client, options, job));
  }
  return { sources, jobs, problems };
}

async function listJobs(client: GitHubClient, options: JobsSourceOptions): Promise<RunJob[]> {
  const all = await call(client, `listing the jobs of run ${options.runId}`, () =>
    client.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
      owner: options.owner,
      repo: options.repo,
      run_id: options.runId,
      filter: 'latest',
      per_page: 100,
    }),
  );
  return all
    .filter((job) => !(options.ownRunner && job.runner_name === options.ownRunner && job.status !== 'completed'))
    .filter((job) => matchesAny(job.name, options.jobPatterns))
    .map((job) => ({
      id: job.id,
      name: job.name,
      status: job.status,
      conclusion: job.conclusion ?? null,
      htmlUrl: job.html_url ?? null,
      steps: (job.steps ?? []).map((step) => ({ number: step.number, name: step.name, startedAt: step.started_at ?? null })),
    }));
}

/** A job's log, downloaded when read (the API redirects to a short-lived URL that streams it). */
function jobLogSource(client: GitHubClient, options: JobsSourceOptions, job: RunJob): LogSource {
  // Which lines start which step, learnt while the log streams by: evidence then links to `#step:N:L`.
  const index = new StepLineIndex(job.steps ?? []);
  return {
    label: job.name,
    name: job.name,
    enrich(builds: Build[]) {
      const steps = index.starts();
      for (const build of builds) {
        build.jobId = job.id;
        build.jobUrl = job.htmlUrl;
        build.jobConclusion = job.conclusion;
        build.jobSteps = steps;
        build.stepNumber = StepLineIndex.stepOf(steps, build.firstLine)?.number ?? null;
      }
    },
    async open() {
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await call(client, `downloading the log of ${job.name}`, () =>
            client.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
              owner: options.owner,
              repo: options.repo,
              job_id: job.id,
              request: { parseSuccessResponseBody: false },
            }),
          );
          const body = response.data;
          const chunks =
            body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function'
              ? toBuffers(body as AsyncIterable<Uint8Array>, job.name)
              : [Buffer.from(typeof body === 'string' ? body : '')];
          // A finished job's log can also come back empty for a moment before it is stored: ask again.
          const started = await startOf(chunks);
          if (started === null && attempt < 2) {
            await sleep(options.pollMs);
            continue;
          }
          return index.watch(started ?? []);
        } catch (error) {
          // A job that just finished can answer 404 for a moment before its log is stored.
          if (error instanceof ApiError && error.status === 404 && attempt < 2) {
            await sleep(options.pollMs);
            continue;
          }
          throw new InputError((error as Error).message);
        }
      }
    },
  };
}

/** The stream with its first chunk read (null when it had none), the rest still to come. */
async function startOf(chunks: AsyncIterable<Buffer> | Buffer[]): Promise<AsyncIterable<Buffer> | null> {
  const iterator = (chunks as AsyncIterable<Buffer>)[Symbol.asyncIterator]?.() ?? (chunks as Buffer[])[Symbol.iterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return null;
  const head = first.value;
  return (async function* () {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** The body as it streams in; a connection that breaks midway is one sentence, like any API error. */
async function* toBuffers(stream: AsyncIterable<Uint8Array>, name: string): AsyncIterable<Buffer> {
  try {
    for await (const chunk of stream) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`GitHub API: downloading the log of ${name} broke off: ${whyNoAnswer(error)}`);
  }
}
