import { MAX_EXCERPT_LINE } from '../excerpt.js';
import { stripAnsi } from '../../text/ansi.js';

/**
 * The complete output lines of one log object, kept as the bytes they came in. A line is rendered
 * (decoded, as the plain printer would print it: `#6 0.053 text`) only when something asks for its
 * text: an excerpt, a step's tail, a signature's literal in it. Most output lines never are.
 */
export interface OutputBatch {
  readonly bytes: Buffer;
  /** `#6 0.053 `: the step and the offset the lines of one log object share. */
  readonly prefix: string;
}

/** One output line's text, as the plain printer writes it (CR, escapes removed, long lines cut). */
export function renderOutput(prefix: string, bytes: Buffer, start: number, end: number): string {
  let text = bytes.toString('utf8', start, end);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  text = stripAnsi(text);
  if (text.length > MAX_EXCERPT_LINE) text = text.slice(0, MAX_EXCERPT_LINE);
  return prefix + text;
}

/**
 * The last `capacity` output lines pushed, as references into their batches (parallel arrays, no
 * object per line), rendered when drained. Holds at most `capacity` batches alive.
 */
export class OutputLineRing {
  private readonly lines: number[];
  private readonly batches: Array<OutputBatch | null>;
  private readonly starts: number[];
  private readonly ends: number[];
  private next = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.lines = new Array<number>(capacity).fill(0);
    this.batches = new Array<OutputBatch | null>(capacity).fill(null);
    this.starts = new Array<number>(capacity).fill(0);
    this.ends = new Array<number>(capacity).fill(0);
  }

  get size(): number {
    return this.count;
  }

  push(line: number, batch: OutputBatch, start: number, end: number): void {
    const slot = this.next;
    this.lines[slot] = line;
    this.batches[slot] = batch;
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.next = slot + 1 === this.capacity ? 0 : slot + 1;
    if (this.count < this.capacity) this.count++;
  }

  /** Renders the lines held, oldest first, and empties the ring. */
  drain(each: (line: number, text: string) => void): void {
    const count = this.count;
    this.count = 0;
    let slot = (this.next - count + this.capacity) % this.capacity;
    for (let k = 0; k < count; k++) {
      const batch = this.batches[slot]!;
      this.batches[slot] = null;
      each(this.lines[slot]!, renderOutput(batch.prefix, batch.bytes, this.starts[slot]!, this.ends[slot]!));
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
  }
}
