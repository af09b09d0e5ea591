// The `comment` input, apart from the comment's code (sticky-comment.ts loads node:crypto for its
// marker): reading the inputs must not load what only a pull request's run uses.

export type CommentMode = 'off' | 'on-failure' | 'on-findings' | 'always';

export function parseCommentMode(text: string): CommentMode {
  const value = text.trim().toLowerCase() || 'on-failure';
  if (value === 'off' || value === 'on-failure' || value === 'on-findings' || value === 'always') return value;
  throw new Error(`comment must be off, on-failure, on-findings or always, not "${text}"`);
}
