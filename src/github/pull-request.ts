import type { RunContext } from './run-context.js';
import { call, type GitHubClient } from './api.js';

/**
 * The pull request a run belongs to. `pull_request` and `pull_request_target` carry it in the event;
 * `workflow_run` lists it, except for pull requests from forks, which are found by the head commit.
 */
export async function findPullRequest(
  client: GitHubClient,
  context: RunContext,
  run: { headSha: string | null; pullNumbers: number[] } | null,
): Promise<number | null> {
  // Only the fields read here; unknown, because the payload file is not validated.
  const payload = context.payload as { pull_request?: { number?: unknown }; workflow_run?: { pull_requests?: { number?: unknown }[]; head_sha?: unknown } };
  const direct = payload.pull_request?.number;
  if ((context.eventName === 'pull_request' || context.eventName === 'pull_request_target') && isInteger(direct)) return direct;
  let headSha: string | null;
  if (context.eventName === 'workflow_run' && payload.workflow_run) {
    const listed = payload.workflow_run.pull_requests?.[0]?.number;
    if (isInteger(listed)) return listed;
    headSha = typeof payload.workflow_run.head_sha === 'string' ? payload.workflow_run.head_sha : null;
  } else if (run) {
    if (run.pullNumbers[0]) return run.pullNumbers[0];
    headSha = run.headSha;
  } else {
    return null;
  }
  if (!headSha || !context.owner || !context.repo) return null;
  return byHeadSha(client, context.owner, context.repo, headSha);
}

async function byHeadSha(client: GitHubClient, owner: string, repo: string, sha: string): Promise<number | null> {
  const associated = await call(client, 'finding the pull request of the commit', () =>
    client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { owner, repo, commit_sha: sha, per_page: 100 }),
  );
  const open = associated.data.find((pr) => pr.state === 'open' && pr.head.sha === sha) ?? associated.data.find((pr) => pr.state === 'open');
  if (open) return open.number;
  // A fork's head commit is not in the base repository's history: look through the open pull requests.
  const pulls = await call(client, 'listing open pull requests', () =>
    client.paginate('GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'open', per_page: 100 }),
  );
  return pulls.find((pr) => pr.head.sha === sha)?.number ?? null;
}

function isInteger(value: unknown): value is number {
  return Number.isInteger(value);
}
