import { describe, expect, it } from '@jest/globals';
import { diagnoseText } from './support/classify.js';
import { verdictOf } from '../src/report/verdict.js';
import { renderComment } from '../src/report/pr-comment.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { plain, renderText } from '../src/report/text-report.js';
import { firstLine, firstListItem, withoutLine } from '../src/text/fix-lines.js';

// The verdict's one change and the comment's `Fix:` line are the fix's first list item (what to do), not
// its lead paragraph (what happened): "The image was built, but the cluster could not pull it." is no
// change. A cause code found in the build (a 403's missing permission) comes before both.

const PULL_BACKOFF = [
  'Events:',
  '  Warning  Failed     12s   kubelet  Failed to pull image "ghcr.io/acme/app:pr-12": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/app:pr-12": not found',
  '  Warning  Failed     12s   kubelet  Error: ErrImagePull',
  '  Normal   BackOff    1s    kubelet  Back-off pulling image "ghcr.io/acme/app:pr-12"',
  '  Warning  Failed     1s    kubelet  Error: ImagePullBackOff',
].join('\n');

const COMPILE = [
  '#12 [builder 5/6] RUN cargo build --release',
  '#12 41.20 error[E0425]: cannot find value `x` in this scope',
  '#12 41.20  --> src/main.rs:3:13',
  '#12 41.90 error: could not compile `app` (bin "app") due to 1 previous error',
  '#12 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
  'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
].join('\n');

const FORBIDDEN = [
  '#14 pushing layers',
  '#14 ERROR: failed to push ghcr.io/acme/app:main: unexpected status from POST request to https://ghcr.io/v2/acme/app/blobs/uploads/: 403 Forbidden',
  'ERROR: failed to solve: failed to push ghcr.io/acme/app:main: unexpected status from POST request to https://ghcr.io/v2/acme/app/blobs/uploads/: 403 Forbidden',
].join('\n');

describe("a fix's change line", () => {
  it('reads list items and lines as the reports need them', () => {
    const fix = 'What happened.\n\n- First change.\n- Second.';
    expect(firstLine(fix)).toBe('What happened.');
    expect(firstListItem(fix)).toBe('First change.');
    expect(firstListItem('No list here.')).toBeNull();
    expect(withoutLine(fix, 'First change.')).toBe('What happened.\n\n- Second.');
    expect(withoutLine(fix, 'Not in it.')).toBe(fix);
  });

  it("a signature's lead paragraph says what happened; the change is its first advice, in the verdict, the comment and the terminal", async () => {
    const analysis = await diagnoseText(PULL_BACKOFF);
    const group = analysis.groups[0]!;
    expect(group.id).toBe('image-pull-backoff');
    expect(group.fix.split('\n')[0]).toBe('The image was built, but the cluster could not pull it.');
    const change = verdictOf(analysis).change!;
    expect(change).toMatch(/^Check that the tag exists and holds your platform/);
    expect(renderComment(analysis, '<!-- m -->', { runUrl: null })).toContain(`**Fix:** ${change}`);
    expect(renderText(analysis)).toContain('Most help: Check that the tag exists');
    // The summary says the change once (its 💡 line) and keeps the lead paragraph under the finding.
    const summary = renderMarkdown(analysis);
    expect(summary).toContain(`💡 ${change}`);
    expect(summary.split(change).length - 1).toBe(1);
    expect(summary).toContain('The image was built, but the cluster could not pull it.');
  });

  it("a compile error's change is to fix the first error; a 403's is the cause found in the job", async () => {
    expect(verdictOf(await diagnoseText(COMPILE)).change).toBe('Fix the first error the compiler printed: later ones often follow from it.');
    const forbidden = await diagnoseText(FORBIDDEN);
    expect(forbidden.groups[0]!.id).toBe('registry-auth-denied');
    expect(verdictOf(forbidden).change).toMatch(/^In GitHub Actions, pushing to `ghcr\.io` needs `permissions: packages: write`/);
  });

  it("the terminal's text keeps a code span's own characters and drops Markdown's marks only around them", () => {
    // A code span's text is literal (CommonMark): a lone backslash, `**` or an escaped character inside one stays.
    expect(plain('end the line without the `\\` at its end')).toBe('end the line without the \\ at its end');
    expect(plain('`**` stays, **bold** goes')).toBe('** stays, bold goes');
    expect(plain('`a\\_b` and a\\_b')).toBe('a\\_b and a_b');
    // inlineCode pads a span that starts or ends with a backtick, and fences it with a longer run.
    expect(plain('`` `x` `` and ``` a``b ```')).toBe('`x` and a``b');
    // Escaped backticks outside code are text; entities and GitHub's zero-width spaces go.
    expect(plain('\\`not code\\` &lt;tag&gt; @\u200bteam')).toBe('`not code` <tag> @team');
    // Bold around a span, and a span right after an escaped backslash (`C:\\` then the span).
    expect(plain('**use `x` first**')).toBe('use x first');
    expect(plain('C:\\\\`x`')).toBe('C:\\x');
    // A run of backticks with no run as long after it is text.
    expect(plain('a `` b ` c')).toBe('a `` b ` c');
  });
});
