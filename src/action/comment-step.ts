import type { ActionRun } from './action-run.js';
import type { Analysis } from '../analyze/analyze.js';
import type { RunContext } from '../github/run-context.js';
import { runUrl } from '../github/run-context.js';
import { ApiError, call, type GitHubClient } from '../github/api.js';
import { findPullRequest } from '../github/pull-request.js';
import { commentMarker, upsertStickyComment } from '../github/sticky-comment.js';
import type { CommentMode } from '../github/comment-mode.js';
import { renderComment } from '../report/pr-comment.js';
import { describeError } from '../input/errors.js';
import { commitFileUrl } from './links.js';
import { failuresAllAllowed } from '../analyze/allowed-failure.js';

/** Whether this run calls for a comment (an existing one is updated in any case). */
export function commentWanted(mode: CommentMode, analysis: Analysis): boolean {
  if (mode === 'always') return true;
  if (mode === 'on-findings') return analysis.findings.length > 0;
  // A failure every job was allowed (continue-on-error) left the run green: no comment asked for.
  if (mode === 'on-failure') return analysis.status === 'failure' && !failuresAllAllowed(analysis);
  return false;
}

/**
 * The sticky pull request comment. Every failure here (no pull request, a read-only token on a
 * fork's pull request, an API error) is a warning, never a failed step. Returns the comment's URL.
 */
export async function commentOnPullRequest(analysis: Analysis, run: ActionRun, runId: number | null): Promise<string | null> {
  const { inputs, context, client, warnings } = run;
  if (inputs.comment === 'off' || !context.owner || !context.repo) return null;
  const wanted = commentWanted(inputs.comment, analysis);
  if (!client) {
    // With a token but no client, the reason (the API URL) was already given.
    if (wanted && !inputs.githubToken) warnings.push('no "github-token": the pull request comment was not written');
    return null;
  }
  const owner = context.owner;
  const repo = context.repo;
  try {
    const pastRun = inputs.runId && inputs.runId !== context.runId ? await readRun(client, owner, repo, inputs.runId) : null;
    const number = await findPullRequest(client, context, pastRun);
    if (number === null) return null;
    const marker = commentMarker(pastRun?.workflow ?? context.workflow, pastRun ? null : context.job, inputs.commentKey);
    const sha = pastRun?.headSha ?? pullHeadSha(context) ?? context.sha;
    const body = renderComment(analysis, marker, { runUrl: runUrl(context, runId ?? context.runId), fileUrl: commitFileUrl(context, sha) });
    const result = await upsertStickyComment(client, { owner, repo, number }, marker, body, wanted);
    return result.url;
  } catch (error) {
    const status = error instanceof ApiError ? error.status : null;
    const hint =
      status === 403 || status === 404
        ? ' The token may be read-only (a pull request from a fork) or lack `pull-requests: write`; the report is in this summary.'
        : '';
    warnings.push(`could not write the pull request comment: ${describeError(error)}.${hint}`);
    return null;
  }
}

async function readRun(client: GitHubClient, owner: string, repo: string, runId: number) {
  const run = await call(client, `reading run ${runId}`, () =>
    client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: runId }),
  );
  return {
    headSha: run.data.head_sha ?? null,
    pullNumbers: (run.data.pull_requests ?? []).map((pr) => pr.number),
    workflow: run.data.name ?? null,
  };
}

/** On a pull request the checkout is a merge commit; link to the pull request's head instead. */
function pullHeadSha(context: RunContext): string | null {
  // Only the fields read here; unknown, because the payload file is not validated.
  const payload = context.payload as { pull_request?: { head?: { sha?: unknown } }; workflow_run?: { head_sha?: unknown } };
  const sha = payload.pull_request?.head?.sha ?? payload.workflow_run?.head_sha;
  return typeof sha === 'string' ? sha : null;
}
