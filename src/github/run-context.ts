import { closeSync, fstatSync, openSync, readFileSync, constants } from 'node:fs';

/** What the runner tells an action about the run it is part of (environment and event payload). */
export interface RunContext {
  /** The REST API's base URL; null when GITHUB_API_URL is not an http(s) URL (then the API is not used). */
  apiUrl: string | null;
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
  /** What was wrong with the environment, one sentence each, for the warnings. */
  problems: string[];
}

/**
 * Read once, when the action starts, and never throws: a malformed event file or URL becomes a
 * problem to warn about (`@actions/github` builds its own context at import and throws on both).
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const problems: string[] = [];
  const apiUrl = httpUrl(env.GITHUB_API_URL || 'https://api.github.com');
  if (apiUrl === null)
    problems.push(`GITHUB_API_URL is not an http(s) URL (${JSON.stringify(truncated(env.GITHUB_API_URL ?? ''))}), so the GitHub API is not used`);
  const serverUrl = httpUrl(env.GITHUB_SERVER_URL || 'https://github.com');
  if (serverUrl === null)
    problems.push(`GITHUB_SERVER_URL is not an http(s) URL (${JSON.stringify(truncated(env.GITHUB_SERVER_URL ?? ''))}); links point to https://github.com`);
  return {
    apiUrl,
    serverUrl: serverUrl ?? 'https://github.com',
    owner: owner || null,
    repo: repo || null,
    runId: positiveInt(env.GITHUB_RUN_ID),
    workflow: env.GITHUB_WORKFLOW || null,
    job: env.GITHUB_JOB || null,
    eventName: env.GITHUB_EVENT_NAME || null,
    sha: env.GITHUB_SHA || null,
    runnerName: env.RUNNER_NAME || null,
    payload: readPayload(env.GITHUB_EVENT_PATH, problems),
    problems,
  };
}

/** GitHub's webhook payloads are capped at 25 MB. */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;

function readPayload(path: string | undefined, problems: string[]): Record<string, unknown> {
  if (!path) return {};
  const unusable = (why: string) => {
    problems.push(`the event payload (GITHUB_EVENT_PATH) ${why}, so the pull request is not known from it`);
    return {};
  };
  let fd: number;
  try {
    // Opened without blocking, then checked: a FIFO or a device must not hang the action.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return {}; // absent (a local run): nothing to say
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return unusable('is not a regular file');
    if (info.size > MAX_PAYLOAD_BYTES) return unusable('is larger than 25 MB');
    const value: unknown = JSON.parse(readFileSync(fd, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : unusable('is not a JSON object');
  } catch {
    return unusable('is not valid JSON');
  } finally {
    closeSync(fd);
  }
}

function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

function truncated(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
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
