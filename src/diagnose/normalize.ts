import { MAX_EXCERPT_LINE } from '../parse/excerpt.js';

const DIGITS = '0123456789';

// What signature patterns see of a line: the message, without the framing that build tools, CI
// systems and copy-paste put around it.
// Each with the characters it can start with (every one is anchored and starts with one of them):
// a framing is tried only on a line that starts with one, most lines start with none.
const FRAMING: Array<[RegExp, string]> = [
  [/^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /, '['], // AWS CodeBuild
  [/^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] /, '['], // devcontainer CLI
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z /, DIGITS], // a runner timestamp left in a pasted log
  [/^(?:[>│|]\s?)+/, '>│|'], // quoting and box drawing
  [/^##\[error\]/, '#'], // a runner's error annotation (Azure's Docker task repeats each build line as one)
  [/^#\d+ (?=\S)/, '#'], // BuildKit's vertex number
  [/^\d+\.\d+ /, DIGITS], // seconds since the step started (progress and the error block)
  // The tty view's live lines: what a running step printed last (` => => # E: Unable to locate package x`).
  [/^=> => # ?/, '='],
  // A colour code whose escape byte the paste lost or replaced (`[91mKilled`, `\ufffd[91mKilled`): the legacy
  // builder colours a step's stderr, and a web page or a CI viewer drops the ESC before it.
  [/^\ufffd?\[(?:\d{1,3}(?:;\d{1,3})*)?m(?!\])/, '[\ufffd'],
  // Markdown bold a reporter put around the pasted lines (`**Step 2/7 : COPY ...`).
  [/^\*\*(?=[A-Za-z])/, '*'],
];
// The same debris closing a line (`Killed[0m`), and the bold's closing marker (`... no such file or directory**`;
// not a glob's `src/**`).
const TRAILING_COLOUR = /\ufffd?\[(?:\d{1,3}(?:;\d{1,3})*)?m$/;
const TRAILING_BOLD = /(?<=[^\s/*])\*\*$/;

/** Whether a line starting with this code may start with a framing or `##[error]`. */
function mayBeFramed(first: number): boolean {
  return (
    first === 0x5b ||
    (first >= 0x30 && first <= 0x39) ||
    first === 0x3e ||
    first === 0x2502 ||
    first === 0x7c ||
    first === 0x23 ||
    first === 0x3d ||
    first === 0xfffd ||
    first === 0x2a
  );
}

const SMART_QUOTES = /[\u2018-\u201F]/;

/** The line as patterns see it. Bounded in length, so no pattern ever runs on a huge line. */
export function normalizeForMatching(text: string): string {
  return normalize(text, false);
}

/** normalizeForMatching trying every framing on every line: the reference its first-character test is tested against. */
export function normalizeTryingEveryFraming(text: string): string {
  return normalize(text, true);
}

function normalize(text: string, everyLine: boolean): string {
  let out = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
  // A paste from a web page can carry no-break spaces where the tool printed spaces.
  if (out.includes('\u00a0')) out = out.replace(/\u00a0/g, ' ');
  out = out.trimStart();
  // Most lines start with none of the characters a framing (or `##[error]`) starts with: twelve
  // replacements that could change nothing are not tried.
  if (everyLine || mayBeFramed(out.charCodeAt(0))) {
    for (let pass = 0; pass < 2; pass++) {
      for (const [framing, starts] of FRAMING) {
        if (!everyLine && !starts.includes(out.charAt(0))) continue;
        const next = out.replace(framing, '');
        if (next !== out) out = next.trimStart();
      }
    }
    out = out.replace(/^##\[error\]/, '');
  }
  out = out.trimEnd();
  if (out.endsWith('m') && TRAILING_COLOUR.test(out)) out = out.replace(TRAILING_COLOUR, '').trimEnd();
  if (out.endsWith('**')) out = out.replace(TRAILING_BOLD, '');
  // A paste through a word processor or a Markdown renderer curls the quotes the tools printed
  // straight (`caused “exec format error”`): patterns are written with the tools' own.
  return SMART_QUOTES.test(out) ? out.replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/[\u2018\u2019\u201A\u201B]/g, "'") : out;
}
