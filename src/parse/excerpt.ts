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

interface Entry extends EvidenceLine {
  /** Order of arrival: several lines can share a line number (a rawjson log object, `\r` redraws). */
  seq: number;
}

/**
 * The lines around failures in a job, for diagnosis. A ring of the last lines is kept while
 * reading; when a failure shows, the ring is copied out and the lines after it are kept too. Memory
 * is bounded per job, and nothing is copied for a job that does not fail.
 */
export class ExcerptCollector {
  private readonly ring: Array<Entry | undefined> = new Array<Entry | undefined>(BEFORE);
  private next = 0;
  private seq = 0;
  private lastKeptSeq = 0;
  private afterLeft = 0;
  private readonly kept: Entry[] = [];

  push(no: number, text: string): void {
    const entry = { line: no, text, seq: ++this.seq };
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % BEFORE;
    if (this.afterLeft > 0) {
      this.afterLeft--;
      this.keep(entry);
    }
  }

  /** The line just pushed shows a failure: keep it, what came before it, and what follows. */
  mark(): void {
    for (let i = 0; i < BEFORE; i++) {
      const entry = this.ring[(this.next + i) % BEFORE];
      if (entry) this.keep(entry);
    }
    this.afterLeft = AFTER;
  }

  /** Kept lines with line numbers in [first, last], in order of arrival. */
  between(first: number, last: number): EvidenceLine[] {
    return this.kept.filter((e) => e.line >= first && e.line <= last).map((e) => ({ line: e.line, text: e.text }));
  }

  private keep(entry: Entry): void {
    if (entry.seq <= this.lastKeptSeq || this.kept.length >= MAX_LINES) return;
    this.lastKeptSeq = entry.seq;
    const text = entry.text.length > MAX_EXCERPT_LINE ? entry.text.slice(0, MAX_EXCERPT_LINE) : entry.text;
    this.kept.push({ line: entry.line, text: detach(text), seq: entry.seq });
  }
}
