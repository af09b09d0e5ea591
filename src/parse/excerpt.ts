import type { EvidenceLine } from '../model.js';
import { detach } from '../text/detach.js';

/** Lines kept before a failure: where its cause usually is. */
const BEFORE = 200;
/** Lines kept after a failure: the error block, the runner's `##[error]`, the exit status. */
const AFTER = 120;
/** At most this many lines per job, whatever the number of failures. */
const MAX_LINES = 1200;
/** Longer lines are cut before they are kept (and before any pattern sees them). */
export const MAX_EXCERPT_LINE = 2000;

/**
 * The lines around failures in a job, for diagnosis. A ring of the last lines is kept while
 * reading; when a failure shows, the ring is copied out and the lines after it are kept too. Memory
 * is bounded per job, and nothing is copied for a job that does not fail.
 */
export class ExcerptCollector {
  private readonly ring: EvidenceLine[] = new Array(BEFORE);
  private next = 0;
  private lastKept = 0;
  private afterLeft = 0;
  readonly lines: EvidenceLine[] = [];

  push(no: number, text: string): void {
    const line = { line: no, text };
    this.ring[this.next] = line;
    this.next = (this.next + 1) % BEFORE;
    if (this.afterLeft > 0) {
      this.afterLeft--;
      this.keep(line);
    }
  }

  /** The line just pushed shows a failure: keep it, what came before it, and what follows. */
  mark(): void {
    for (let i = 0; i < BEFORE; i++) {
      const line = this.ring[(this.next + i) % BEFORE];
      if (line) this.keep(line);
    }
    this.afterLeft = AFTER;
  }

  /** Kept lines in [first, last]. */
  between(first: number, last: number): EvidenceLine[] {
    return this.lines.filter((l) => l.line >= first && l.line <= last);
  }

  private keep(line: EvidenceLine): void {
    if (line.line <= this.lastKept || this.lines.length >= MAX_LINES) return;
    this.lastKept = line.line;
    const text = line.text.length > MAX_EXCERPT_LINE ? line.text.slice(0, MAX_EXCERPT_LINE) : line.text;
    this.lines.push({ line: line.line, text: detach(text) });
  }
}
