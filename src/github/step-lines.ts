import type { JobStepStart } from '../model.js';

/** A step of a job as the API lists it. */
export interface ApiStep {
  number: number;
  name: string;
  /** ISO time the step started, null for a step that never ran. */
  startedAt: string | null;
}

/** The runner's timestamp at the start of every job log line: `2025-09-24T01:02:03.1234567Z `. */
// Read as latin1 (one byte a character), so a UTF-8 byte-order mark shows as `ï»¿`.
const TIMESTAMP = /^(?:\u00EF\u00BB\u00BF)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?Z /;
/** Enough of a line to hold its timestamp. */
const HEAD_BYTES = 48;

/**
 * Learns, while a job log streams by, the line each step's output starts on. A job log is one file,
 * but GitHub's links to its lines (`/job/ID#step:N:L`) count lines within a step; the API gives each
 * step's start time, and each log line carries its time, so the first line at or after a step's start
 * is where the step begins. Line numbers are counted as the line reader counts them (by `\n`).
 */
export class StepLineIndex {
  private readonly pending: Array<{ number: number; name: string; start: number }>;
  private readonly found: JobStepStart[] = [];
  private lineNo = 0;
  private head = '';
  private headDone = false;

  constructor(steps: ApiStep[]) {
    this.pending = steps
      .filter((s) => s.startedAt !== null && Number.isFinite(Date.parse(s.startedAt)))
      .map((s) => ({ number: s.number, name: s.name, start: Math.floor(Date.parse(s.startedAt!) / 1000) }))
      .sort((a, b) => a.number - b.number);
  }

  /** Passes the chunks through unchanged, reading the start of each line on the way. */
  async *watch(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncIterable<Buffer> {
    this.lineNo = 1;
    for await (const chunk of chunks) {
      this.scan(chunk);
      yield chunk;
    }
    this.endLine();
  }

  /** The steps found, in line order. */
  starts(): JobStepStart[] {
    return [...this.found];
  }

  /** The step a line of the log belongs to: the last one that started at or before it. */
  static stepOf(steps: JobStepStart[] | undefined, line: number): JobStepStart | null {
    let best: JobStepStart | null = null;
    for (const step of steps ?? []) if (step.firstLine <= line && (!best || step.firstLine >= best.firstLine)) best = step;
    return best;
  }

  private scan(chunk: Buffer): void {
    let from = 0;
    while (from <= chunk.length) {
      const newline = chunk.indexOf(0x0a, from);
      const end = newline === -1 ? chunk.length : newline;
      if (!this.headDone && this.head.length < HEAD_BYTES)
        this.head += chunk.subarray(from, Math.min(end, from + HEAD_BYTES - this.head.length)).toString('latin1');
      if (!this.headDone && this.head.length >= HEAD_BYTES) this.endHead();
      if (newline === -1) break;
      this.endLine();
      this.lineNo++;
      from = newline + 1;
    }
  }

  private endLine(): void {
    if (!this.headDone) this.endHead();
    this.head = '';
    this.headDone = false;
  }

  /** The line's time is known: every step that started by then (the last of them owns the line). */
  private endHead(): void {
    this.headDone = true;
    const match = TIMESTAMP.exec(this.head);
    if (!match || this.pending.length === 0) return;
    const seconds = Math.floor(Date.parse(`${match[1]}Z`) / 1000);
    let owner: { number: number; name: string } | null = null;
    // The first line of the log belongs to the first step even if its time is a hair earlier.
    while (this.pending.length > 0 && (seconds >= this.pending[0]!.start || (this.found.length === 0 && owner === null && this.lineNo === 1))) {
      owner = this.pending.shift()!;
    }
    if (owner) this.found.push({ number: owner.number, name: owner.name, firstLine: this.lineNo });
  }
}
