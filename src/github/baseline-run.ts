import { ApiError, type GitHubClient } from './api.js';
import { defaultBranch, getRun, listWorkflowRuns, type RepoRef, type WorkflowRun } from './workflow-runs.js';

/** The `baseline` input: which run this one is compared with. */
export type BaselineChoice = { kind: 'auto' } | { kind: 'off' } | { kind: 'run'; runId: number } | { kind: 'branch'; branch: string };

/** `auto` (default), `off`, a run id, or a branch name. Throws a one-line error on anything else. */
export function parseBaselineChoice(text: string): BaselineChoice {
  const value = text.trim();
  if (value === '' || value.toLowerCase() === 'auto') return { kind: 'auto' };
  if (['off', 'none', 'false', 'no'].includes(value.toLowerCase())) return { kind: 'off' };
  if (/^\d+$/.test(value)) {
    const runId = Number(value);
    if (!Number.isSafeInteger(runId) || runId <= 0) throw new Error(`"${value}" is not a run id`);
    return { kind: 'run', runId };
  }
  // What git allows in a branch name, roughly: enough to refuse a typo that cannot be a branch.
  if (value.length > 255 || /[\s~^:?*[\\\u0000-\u001f\u007f]|\.\.|@\{|^[-/.]|[/.]$|\.lock$/.test(value)) {
    throw new Error(`"${value}" is not auto, off, a run id or a branch name`);
  }
  return { kind: 'branch', branch: value };
}

export interface BaselineLookup {
  run: WorkflowRun | null;
  /** Why there is no baseline (one sentence), null when one was found. */
  reason: string | null;
}

export interface BaselineQuery {
  choice: Exclude<BaselineChoice, { kind: 'off' }>;
  /** The run being diagnosed: its workflow is the baseline's, and it is never its own baseline. */
  currentRunId: number;
  /** The event payload, which names the default branch (saves a request). */
  payload: Record<string, unknown>;
}

/** Successful runs looked at to skip the current one (it may already count as a success). */
const CANDIDATES = 5;

/**
 * Finds the run to compare with: for `auto`, the latest successful run of the same workflow on the
 * default branch; for a branch, the same on that branch; a run id is taken as it is. Requests: a run
 * id costs 1; `auto` and a branch cost 2 (this run, for its workflow, then one page of that workflow's
 * successful runs), plus 1 for `auto` when the event payload does not name the default branch.
 * No baseline is never an error: the reason is returned, to be said in the summary.
 */
export async function findBaselineRun(client: GitHubClient, repo: RepoRef, query: BaselineQuery): Promise<BaselineLookup> {
  try {
    if (query.choice.kind === 'run') {
      if (query.choice.runId === query.currentRunId) return { run: null, reason: `run ${query.choice.runId} is this run itself` };
      return { run: await getRun(client, repo, query.choice.runId), reason: null };
    }
    const current = await getRun(client, repo, query.currentRunId);
    const branch = query.choice.kind === 'branch' ? query.choice.branch : await defaultBranch(client, repo, query.payload);
    const runs = await listWorkflowRuns(client, repo, { workflowId: current.workflowId, branch, status: 'success', limit: CANDIDATES });
    const run = runs.find((r) => r.id !== query.currentRunId && r.conclusion === 'success') ?? null;
    return run ? { run, reason: null } : { run: null, reason: `this workflow has no successful run on ${branch} yet` };
  } catch (error) {
    return { run: null, reason: whyNot(error) };
  }
}

/** A refused or failed lookup, said so that the reader knows what to change. */
export function whyNot(error: unknown): string {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return `${error.message}; the job's token needs the actions: read permission to read the workflow's runs`;
  }
  return error instanceof Error ? error.message : String(error);
}
