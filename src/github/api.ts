import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { describeError } from '../input/errors.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** The budget of the client made last (one per run of the action). */
let budgetSignal: AbortSignal | null = null;

/** An API call that failed for good (after retries): status and one line to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  token: string;
  apiUrl: string;
  /** All calls of one run of the action together, retries and waits included. */
  budgetMs: number;
  /** Retries of a 5xx or a dropped connection. */
  retries: number;
}

/**
 * Octokit with retries (5xx, network errors) and throttling (429, secondary rate limits, honouring
 * `retry-after`), all within one time budget: past it, requests are aborted and the caller reports
 * what it has.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const deadline = Date.now() + options.budgetMs;
  const controller = new AbortController();
  budgetSignal = controller.signal;
  const timer = setTimeout(() => controller.abort(new Error('the GitHub API time budget ran out')), options.budgetMs);
  timer.unref();
  const withinBudget = (retryAfterSeconds: number, retryCount: number) => retryCount < 3 && Date.now() + retryAfterSeconds * 1000 < deadline;
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      request: { signal: controller.signal },
      retry: { retries: options.retries },
      throttle: {
        onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => withinBudget(retryAfter, retryCount),
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => withinBudget(retryAfter, retryCount),
      },
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    },
    retry,
    throttling,
  );
}

/** Runs an API call and turns any failure into an ApiError with a one-line message. */
export async function call<T>(what: string, request: () => Promise<T>, signal: AbortSignal | null = budgetSignal): Promise<T> {
  try {
    return await request();
  } catch (error) {
    // Octokit reports an aborted request as a 500: say what really happened.
    if (signal?.aborted) throw new ApiError(null, `${what}: the GitHub API time budget ran out`);
    const status = typeof (error as { status?: unknown }).status === 'number' ? ((error as { status: number }).status as number) : null;
    const message = status ? `${what}: HTTP ${status}${explainStatus(status)}` : `${what}: ${describeError(error)}`;
    throw new ApiError(status, message);
  }
}

function explainStatus(status: number): string {
  if (status === 401) return ' (the token was refused)';
  if (status === 403) return ' (the token lacks a permission, or a rate limit)';
  if (status === 404) return ' (not found, or the token cannot see it)';
  if (status === 410) return ' (gone: logs expire after the retention period)';
  if (status >= 500) return ' (GitHub had an error; retried)';
  return '';
}
