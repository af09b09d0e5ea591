import type { GitHubClient } from './api.js';
import { getRun, listWorkflowRuns, type RepoRef, type WorkflowRun } from './workflow-runs.js';

/** Runs the history reads at most: one page of the runs listing. */
export const MAX_HISTORY_RUNS = 100;

/**
 * The last `count` finished runs of the workflow the current run belongs to, any branch, newest
 * first. Requests: 2 (this run, for its workflow; one page of that workflow's runs). Reading each
 * run's jobs then costs 1 listing per 100 jobs and 1 download per job (jobs-source.ts).
 */
export async function recentRuns(client: GitHubClient, repo: RepoRef, currentRunId: number, count: number): Promise<WorkflowRun[]> {
  const current = await getRun(client, repo, currentRunId);
  const limit = Math.min(MAX_HISTORY_RUNS, count);
  const runs = await listWorkflowRuns(client, repo, { workflowId: current.workflowId, status: 'completed', limit: limit + 1 });
  return runs.filter((run) => run.id !== currentRunId).slice(0, limit);
}

/**
 * `work` over `items`, at most `limit` at a time, results in the items' order: a run's logs are
 * downloaded and parsed while the next run's are, without opening a hundred streams at once.
 */
export async function mapBounded<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
