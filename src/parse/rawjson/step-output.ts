import type { VertexState } from '../build-state.js';
import type { RawLog } from './solve-status.js';
import { renderOutput } from './output-lines.js';
const NEWLINE = 0x0a;
/** An unfinished output line of a step is kept up to this many bytes until its newline comes. */
const MAX_PARTIAL_BYTES = 8 * 1024;

/** Where a step's output lines go. */
export interface OutputSink {
  /** One line, rendered as the plain printer writes it (`#6 0.053 text`): a line that spanned log objects. */
  text(step: VertexState, line: number, text: string): void;
  /** The complete lines on `bytes[from, to)` (each ends with its newline), all of one log object. */
  lines(step: VertexState, line: number, bytes: Buffer, from: number, to: number, prefix: string): void;
}

/**
 * A step's output as rawjson carries it: bytes whose lines may span log objects. Cuts them where
 * their newlines are; holds at most one unfinished line (bounded) per step. The lines complete in
 * one log object go on as bytes, undecoded.
 */
export class StepOutput {
  /** Start of the step's current run, for the `#N 1.234` offsets of its output lines. */
  runStart: number | null = null;
  /** Bytes of an output line whose newline has not come yet. */
  private partial: Buffer | null = null;
  private partialLine = 0;
  private partialTs: number | null = null;

  /** The bytes of one log object (`log.data[log.from, log.to)`), read at input line `line`. */
  add(step: VertexState, log: RawLog, line: number, sink: OutputSink): void {
    const bytes = log.data;
    const to = log.to;
    // The lines of one log object share its time: its `1.234` offset is written once, not per line.
    let at: string | null = null;
    let start = log.from;
    if (this.partial) {
      const end = firstNewline(bytes, start, to);
      if (end !== -1) {
        const whole = Buffer.concat([this.partial, bytes.subarray(start, end)]);
        this.partial = null;
        at = offset(log.timestamp, this.runStart);
        sink.text(step, line, render(step, whole, at));
        start = end + 1;
      }
    }
    const last = lastNewline(bytes, start, to);
    if (last !== -1) {
      at ??= offset(log.timestamp, this.runStart);
      sink.lines(step, line, bytes, start, last + 1, `#${step.id} ${at} `);
      start = last + 1;
    }
    if (start < to) {
      const rest = bytes.subarray(start, to);
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
    sink.text(step, this.partialLine, render(step, partial, offset(this.partialTs, this.runStart)));
  }
}

// Loops rather than Buffer's indexOf and lastIndexOf: the bytes may be a slice of a larger buffer
// (see RawLog.data), and the last newline is nearly always the last byte.

/** The first newline on `bytes[from, to)`, or -1. */
function firstNewline(bytes: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) if (bytes[i] === NEWLINE) return i;
  return -1;
}

/** The last newline on `bytes[from, to)`, or -1. */
function lastNewline(bytes: Buffer, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (bytes[i] === NEWLINE) return i;
  return -1;
}

/** One output line; `at` is its offset from the step's start as the plain printer writes it. */
function render(step: VertexState, bytes: Buffer, at: string): string {
  return renderOutput(`#${step.id} ${at} `, bytes, 0, bytes.length);
}

/** `1.234`, `12.34`, `123.4`: seconds since the step started, as the plain printer writes them. */
function offset(ts: number | null, start: number | null): string {
  const seconds = ts !== null && start !== null ? Math.max(0, (ts - start) / 1000) : 0;
  return seconds.toFixed(seconds < 10 ? 3 : seconds < 100 ? 2 : 1);
}
