import type { CandidateLine } from './matcher.js';
import { normalizeForMatching } from './normalize.js';
import { withoutQuotedCommand } from './failing-command.js';
import { isTerminalWidth } from '../text/terminal-width.js';

// A log copied from a terminal that wrapped its long lines: each such line is cut at the terminal's width and
// goes on at the start of the next one (`... failed to resolve reference "quay.io/x:1":` then `quay.io/x:1: not
// found`), so a message the signatures know in one line is split in two and neither half says it. The width
// shows in the paste: its longest lines all have the same length, and no line is longer. Such a line and the
// lines that go on from it are offered once more joined, on the first one's line; the lines as they are stay.

/** A terminal narrower than this is not one a log is read in: lines this short are a tool's own. */
const MIN_WIDTH = 60;
/**
 * How many lines must have the width: one longest line is any paste's. Unless the width is a terminal's usual one
 * (isTerminalWidth): a paste of a single long line (a failed RUN's whole command, `The command '/bin/sh -c ...' returned
 * a non-zero code`) wrapped by an 80-column terminal has one line at the width and its rest.
 */
const MIN_AT_WIDTH = 2;
/** A wrapped line goes on over at most this many lines (a failed RUN's command of a few thousand characters). */
const MAX_JOINED = 40;
// The tty view pads each of its lines to the terminal's width and ends it with the step's time (`... 0.2s`):
// those lines are whole, not wrapped.
const PADDED_TTY_LINE = /\s\d+(?:\.\d+)?s$/;
// A line that starts as a build's or a runner's own lines do starts a line of its own, whatever the one before it.
const LINE_START = /^(?:#\d+ |=> |##\[|\[\+\] |Step \d+(?:\/\d+)? : | ---> )/;

/**
 * The terminal width that wrapped `lines`, or null when they do not look wrapped. Counted by line: a line may be
 * offered twice (a failed cache step's `#N ERROR` line is also its error block's header).
 */
function wrapWidth(lines: readonly CandidateLine[]): number | null {
  let width = 0;
  const atWidth = new Set<number>();
  for (const { text, line } of lines) {
    if (text.length > width) {
      width = text.length;
      atWidth.clear();
    }
    if (text.length === width) atWidth.add(line);
  }
  return width >= MIN_WIDTH && (atWidth.size >= MIN_AT_WIDTH || isTerminalWidth(width)) ? width : null;
}

/** `lines` (sorted by line), and each run of lines a terminal wrapped joined into one more candidate. */
export function withWrappedLinesJoined(lines: CandidateLine[]): CandidateLine[] {
  const width = wrapWidth(lines);
  if (width === null) return lines;
  const wrapped = (line: CandidateLine) => line.text.length === width && !PADDED_TTY_LINE.test(line.text);
  const joined: CandidateLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    // A run starts at a wrapped line that does not itself go on from the line before it.
    const before = lines[i - 1];
    if (!wrapped(first) || (before && before.line === first.line - 1 && wrapped(before))) continue;
    const run = [first];
    while (run.length < MAX_JOINED && wrapped(run[run.length - 1]!)) {
      const next = lines[i + run.length];
      if (!next || next.line !== run[run.length - 1]!.line + 1 || LINE_START.test(next.text)) break;
      run.push(next);
    }
    if (run.length < 2) continue;
    const text = run.map((line) => line.text).join('');
    joined.push({
      line: first.line,
      text,
      normalized: withoutQuotedCommand(normalizeForMatching(text)),
      inFailure: run.some((line) => line.inFailure),
      ...(first.causeChain !== undefined ? { causeChain: first.causeChain } : {}),
    });
  }
  return joined.length === 0 ? lines : [...lines, ...joined].sort((a, b) => a.line - b.line);
}
