import type { VertexState } from '../build-state.js';
import { MAX_EXCERPT_LINE } from '../excerpt.js';
import type { RawLog } from './solve-status.js';
import { stripAnsi } from '../../text/ansi.js';
const NEWLINE = 0x0a;
/** An unfinished output line of a step is kept up to this many bytes until its newline comes. */
const MAX_PARTIAL_BYTES = 8 * 1024;

/** Where a step's output lines go, rendered as the plain printer writes them (`#6 0.053 text`). */
export type OutputSink = (step: VertexState, line: number, text: string) => void;

/**
 * A step's output as rawjson carries it: base64 bytes whose lines may span log objects. Cuts them
 * into lines where their newlines are; holds at most one unfinished line (bounded) per step.
 */
export class StepOutput {
  /** Start of the step's current run, for the `#N 1.234` offsets of its output lines. */
  runStart: number | null = null;
  /** Bytes of an output line whose newline has not come yet. */
  private partial: Buffer | null = null;
  private partialLine = 0;
  private partialTs: number | null = null;

  /** The bytes of one log object, read at input line `line`. */
  add(step: VertexState, log: RawLog, line: number, sink: OutputSink): void {
    const bytes = Buffer.from(log.data, 'base64');
    // The lines of one log object share its time: its `1.234` offset is written once, not per line.
    let at: string | null = null;
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) break;
      const piece = bytes.subarray(start, end);
      const whole = this.partial ? Buffer.concat([this.partial, piece]) : piece;
      this.partial = null;
      at ??= offset(log.timestamp, this.runStart);
      sink(step, line, render(step, whole, at));
      start = end + 1;
    }
    if (start < bytes.length) {
      const rest = bytes.subarray(start);
      if (!this.partial) {
        // The line is quoted where, and timed when, its first bytes came (as the plain printer does).
        this.partialLine = line;
        this.partialTs = log.timestamp;
      }
      const kept = this.partial ? Buffer.concat([this.partial, rest]) : Buffer.from(rest);
      this.partial = kept.length > MAX_PARTIAL_BYTES ? kept.subarray(0, MAX_PARTIAL_BYTES) : kept;
    }
  }

  /** The step ended (or the input did): an unfinished last line is a line too. */
  flush(step: VertexState, sink: OutputSink): void {
    if (!this.partial) return;
    const partial = this.partial;
    this.partial = null;
    sink(step, this.partialLine, render(step, partial, offset(this.partialTs, this.runStart)));
  }
}

/** One output line; `at` is its offset from the step's start as the plain printer writes it. */
function render(step: VertexState, bytes: Buffer, at: string): string {
  let text = bytes.toString('utf8');
  if (text.endsWith('\r')) text = text.slice(0, -1);
  text = stripAnsi(text);
  if (text.length > MAX_EXCERPT_LINE) text = text.slice(0, MAX_EXCERPT_LINE);
  return `#${step.id} ${at} ${text}`;
}

/** `1.234`, `12.34`, `123.4`: seconds since the step started, as the plain printer writes them. */
function offset(ts: number | null, start: number | null): string {
  const seconds = ts !== null && start !== null ? Math.max(0, (ts - start) / 1000) : 0;
  return seconds.toFixed(seconds < 10 ? 3 : seconds < 100 ? 2 : 1);
}
