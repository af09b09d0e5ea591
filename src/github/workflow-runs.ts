import { call, type GitHubClient } from './api.js';

/** A workflow run as the baseline and the history need it. */
export interface WorkflowRun {
  id: number;
  number: number;
  workflowId: number;
  branch: string | null;
  event: string;
  status: string | null;
  conclusion: string | null;
  /** When it started (ISO 8601): `run_started_at`, else `created_at`. */
  date: string;
}

export interface RepoRef {
  owner: string;
  repo: string;
}

type ApiRun = {
  id: number;
  run_number: number;
  workflow_id: number;
  head_branch: string | null;
  event: string;
  status: string | null;
  conclusion: string | null;
  created_at: string;
  run_started_at?: string;
};

function toRun(run: ApiRun): WorkflowRun {
  return {
    id: run.id,
    number: run.run_number,
    workflowId: run.workflow_id,
    branch: run.head_branch,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    date: run.run_started_at ?? run.created_at,
  };
}

/** One run (1 request). */
export async function getRun(client: GitHubClient, repo: RepoRef, runId: number): Promise<WorkflowRun> {
  const response = await call(client, `reading run ${runId}`, () =>
    client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: runId }),
  );
  return toRun(response.data as ApiRun);
}

export interface RunFilter {
  workflowId: number;
  branch?: string;
  /** `success`, `completed`, ... as the API filters. */
  status: 'success' | 'completed';
  /** How many runs at most: one page of up to 100 (1 request), which is all either caller needs. */
  limit: number;
}

/** The workflow's runs, newest first (1 request: one page). */
export async function listWorkflowRuns(client: GitHubClient, repo: RepoRef, filter: RunFilter): Promise<WorkflowRun[]> {
  const perPage = Math.max(1, Math.min(100, filter.limit));
  const response = await call(client, `listing the runs of workflow ${filter.workflowId}`, () =>
    client.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
      ...repo,
      workflow_id: filter.workflowId,
      ...(filter.branch ? { branch: filter.branch } : {}),
      status: filter.status,
      per_page: perPage,
    }),
  );
  return (response.data.workflow_runs as ApiRun[]).map(toRun).slice(0, filter.limit);
}

/** The repository's default branch, from the event payload when it says (0 requests), else the API (1). */
export async function defaultBranch(client: GitHubClient, repo: RepoRef, payload: Record<string, unknown>): Promise<string> {
  const fromPayload = (payload as { repository?: { default_branch?: unknown } }).repository?.default_branch;
  if (typeof fromPayload === 'string' && fromPayload) return fromPayload;
  const response = await call(client, `reading the repository ${repo.owner}/${repo.repo}`, () => client.request('GET /repos/{owner}/{repo}', { ...repo }));
  return response.data.default_branch;
}
