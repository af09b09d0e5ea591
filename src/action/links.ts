import type { RunContext } from '../github/run-context.js';

/** Links to a file line at the commit that was built: `https://github.com/OWNER/REPO/blob/SHA/FILE#L12`. */
export function commitFileUrl(context: RunContext, sha: string | null): ((file: string, line: number) => string | null) | undefined {
  if (!context.owner || !context.repo || !sha || !/^[0-9a-f]{40}$/.test(sha)) return undefined;
  const base = `${context.serverUrl}/${context.owner}/${context.repo}/blob/${sha}`;
  return (file, line) => `${base}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
