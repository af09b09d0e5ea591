export type GitHubClient = ReturnType<typeof import('@actions/github').getOctokit>;

/** Each client's time budget: aborted when it runs out (a client is made once per run). */
const budgets = new WeakMap<GitHubClient, AbortSignal>();

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
 *
 * `@actions/github` is loaded here, not when the bundle loads: importing it builds its `context`
 * from the environment, which throws on a malformed event payload (GITHUB_EVENT_PATH) or API URL.
 * buildx-doctor reads the run's context itself (run-context.ts), so the event file is hidden from
 * that import; `apiUrl` has been checked by the caller.
 */
export async function createClient(options: ClientOptions): Promise<GitHubClient> {
  // Loaded here, in a chunk of their own: Octokit and undici are most of the bundle, and a run
  // without a token (a step that reads its own log) never needs them.
  const [{ getOctokit }, { retry }, { throttling }, { safeFetch }] = await Promise.all([
    importWithoutEventFile(options.apiUrl),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
    import('./http-fetch.js'),
  ]);
  const deadline = Date.now() + options.budgetMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('the GitHub API time budget ran out')), options.budgetMs);
  timer.unref();
  const withinBudget = (retryAfterSeconds: number, retryCount: number) => retryCount < 3 && Date.now() + retryAfterSeconds * 1000 < deadline;
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      request: { signal: controller.signal, fetch: safeFetch },
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
  budgets.set(client, controller.signal);
  return client;
}

/** `@actions/github`, evaluated now, with the environment its import reads made harmless. */
async function importWithoutEventFile(apiUrl: string): Promise<typeof import('@actions/github')> {
  const saved = { GITHUB_EVENT_PATH: process.env.GITHUB_EVENT_PATH, GITHUB_API_URL: process.env.GITHUB_API_URL };
  delete process.env.GITHUB_EVENT_PATH;
  process.env.GITHUB_API_URL = apiUrl;
  try {
    return await import('@actions/github');
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * Runs an API call and turns any failure into an ApiError whose message is a sentence for a person:
 * "GitHub API: listing the jobs of run 5 failed: 502 Bad Gateway (GitHub had an error; retried)".
 */
export async function call<T>(client: GitHubClient, what: string, request: () => Promise<T>): Promise<T> {
  const signal = budgets.get(client) ?? null;
  try {
    return await request();
  } catch (error) {
    // Octokit reports an aborted request as a 500: say what really happened.
    if (signal?.aborted) throw new ApiError(null, `GitHub API: ${what} failed: the time budget for API calls ran out`);
    // Octokit gives a network failure status 500 too, but no response.
    const answered = typeof (error as { status?: unknown }).status === 'number' && (error as { response?: unknown }).response !== undefined;
    const status = answered ? (error as { status: number }).status : null;
    // node:http only for its table of reason phrases, and only once something failed.
    const { STATUS_CODES } = await import('node:http');
    throw new ApiError(
      status,
      `GitHub API: ${what} failed: ${status && status >= 400 ? `${status} ${STATUS_CODES[status] ?? 'error'}${explainStatus(status)}` : whyNoAnswer(error)}`,
    );
  }
}

/** What went wrong when there is no HTTP error status: the network, or an answer that is not what GitHub sends. */
export function whyNoAnswer(error: unknown): string {
  // The code is on the error or down its chain of causes (Octokit's error, fetch's TypeError, the socket's).
  let code: string | null = null;
  let network = false;
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && code === null && e.code !== 'ERR_ASSERTION') code = e.code;
    if (e.message === 'fetch failed' || e.message === 'terminated' || e.message === 'other side closed') network = true;
  }
  if (code && NETWORK[code]) return `${NETWORK[code]} (${code})`;
  if (code && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) return `a network error (${code})`;
  if (network) return 'the connection broke';
  if (error instanceof SyntaxError || error instanceof TypeError) return 'the answer was not the JSON GitHub sends';
  return 'no usable answer';
}

const NETWORK: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  ETIMEDOUT: 'the connection timed out',
  ENOTFOUND: 'the host name did not resolve',
  EAI_AGAIN: 'the host name did not resolve',
  EPIPE: 'the connection broke',
  UND_ERR_SOCKET: 'the connection closed early',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the answer was cut short',
};

function explainStatus(status: number): string {
  if (status === 401) return ' (the token was refused)';
  if (status === 403) return ' (the token lacks a permission, or a rate limit)';
  if (status === 404) return ' (not found, or the token cannot see it)';
  if (status === 410) return ' (gone: logs expire after the retention period)';
  if (status === 429) return ' (rate limited)';
  if (status >= 500) return ' (GitHub had an error; retried)';
  return '';
}
