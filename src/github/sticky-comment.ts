import { createHash } from 'node:crypto';
import { ApiError, call, type GitHubClient } from './api.js';

/**
 * The hidden marker that finds the comment again on the next run: one comment per workflow and job
 * (and `comment-key`, for the legs of a matrix that each run buildx-doctor), hashed so that no text
 * of it can end the HTML comment.
 */
export function commentMarker(workflow: string | null, job: string | null = null, key: string | null = null): string {
  const id = createHash('sha256')
    .update(JSON.stringify([workflow ?? '', job ?? '', key ?? '']))
    .digest('hex')
    .slice(0, 12);
  return `<!-- buildx-doctor:sticky-comment id=${id} -->`;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  url: string | null;
}

/**
 * Creates or updates the pull request's comment. When nothing calls for a comment (`wanted` false)
 * an existing one is still updated, so that a green run does not leave a stale failure on the PR.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  target: { owner: string; repo: string; number: number },
  marker: string,
  body: string,
  wanted: boolean,
): Promise<StickyResult> {
  const comments = await call(client, 'listing the pull request comments', () =>
    client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      per_page: 100,
    }),
  );
  // Only a comment of our own: anyone can paste the marker into a comment of theirs.
  const me = (await tokenLogin(client)).toLowerCase();
  const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker) && c.user?.login?.toLowerCase() === me);
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', url: existing.html_url };
    const updated = await call(client, 'updating the pull request comment', () =>
      client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: target.owner, repo: target.repo, comment_id: existing.id, body }),
    );
    return { action: 'updated', url: updated.data.html_url };
  }
  if (!wanted) return { action: 'skipped', url: null };
  const created = await call(client, 'commenting on the pull request', () =>
    client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: target.owner, repo: target.repo, issue_number: target.number, body }),
  );
  return { action: 'created', url: created.data.html_url };
}

/** Who GITHUB_TOKEN comments as. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login the token comments as. A personal token's user is `GET /user`; an installation token
 * (GITHUB_TOKEN) may not read it (403) and comments as github-actions[bot]. The comment of another
 * GitHub App's token is then not recognised: a new one is written, never someone else's edited.
 */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  try {
    const user = await call(client, 'reading who the token belongs to', () => client.request('GET /user'));
    return user.data.login;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return ACTIONS_BOT;
    throw error;
  }
}
