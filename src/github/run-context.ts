import { readFileSync } from 'node:fs';

/** What the runner tells an action about the run it is part of (environment and event payload). */
export interface RunContext {
  apiUrl: string;
  serverUrl: string;
  owner: string | null;
  repo: string | null;
  runId: number | null;
  workflow: string | null;
  /** The job's id in the workflow (GITHUB_JOB): the same for every leg of a matrix. */
  job: string | null;
  eventName: string | null;
  sha: string | null;
  /** The runner running this job: its job is skipped when listing the run's jobs. */
  runnerName: string | null;
  /** The event payload (GITHUB_EVENT_PATH), `{}` when absent or unreadable. */
  payload: Record<string, unknown>;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    owner: owner || null,
    repo: repo || null,
    runId: positiveInt(env.GITHUB_RUN_ID),
    workflow: env.GITHUB_WORKFLOW || null,
    job: env.GITHUB_JOB || null,
    eventName: env.GITHUB_EVENT_NAME || null,
    sha: env.GITHUB_SHA || null,
    runnerName: env.RUNNER_NAME || null,
    payload: readPayload(env.GITHUB_EVENT_PATH),
  };
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    const value = JSON.parse(readFileSync(path, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

function positiveInt(text: string | undefined): number | null {
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The run's page, where the job summaries are. */
export function runUrl(context: RunContext, runId: number | null = context.runId): string | null {
  if (!context.owner || !context.repo || !runId) return null;
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${runId}`;
}
