// Everything a log says is hostile by the time it reaches Markdown: it may hold `@org/team`
// mentions, HTML (`<img onerror>`, `</details>`), backtick runs that close a code span, or control
// characters. These helpers are the only way log text enters Markdown, the job summary or a comment.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';

/** Removes control and bidi-override characters (they can hide or reorder text). */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}

/** Shortens to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Plain text for Markdown: no HTML, no formatting, no mentions, no links. GitHub links references
 * even where Markdown is escaped (`\#4242` still becomes a link to issue 4242, github/cmark-gfm#181),
 * so a zero-width space breaks each one up as it does mentions: `#42`, `GH-42`, `owner/repo#42`,
 * and bare URLs (`https://`, `www.`), which GitHub's autolinking would otherwise make clickable.
 */
export function escapeText(text: string): string {
  return stripControl(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()+!|~])/g, '\\$1')
    .replace(/#/g, `\\#${ZERO_WIDTH_SPACE}`)
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZERO_WIDTH_SPACE}`)
    .replace(/\b([a-z][a-z0-9+.-]{0,31}):\/\//gi, `$1:${ZERO_WIDTH_SPACE}//`)
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
    .replace(/^(\s*)([-=]{3,})/, '$1\\$2');
}

/** Text inside a table cell: escaped, on one line. */
export function escapeCell(text: string): string {
  return escapeText(text);
}

/**
 * An inline code span that cannot be broken out of: the fence is one backtick longer than the
 * longest run inside. Code spans render HTML and mentions as literal text.
 */
export function inlineCode(text: string, max = 200): string {
  const body = truncate(stripControl(text).replace(/[\r\n]+/g, ' '), max);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block for quoted log lines; the fence is longer than any backtick run inside. */
export function codeBlock(lines: string[], language = 'text'): string {
  const body = lines.map((line) => stripControl(line)).join('\n');
  const longest = Math.max(2, ...(body.match(/`{3,}|~{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}
