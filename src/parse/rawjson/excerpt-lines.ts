import type { EvidenceLine } from '../../model.js';
import { MAX_EXCERPT_LINE } from '../excerpt.js';
import { detach } from '../../text/detach.js';

/** Lines kept before a failure, after it, and at most per input: as the plain parser's excerpt. */
const BEFORE = 200;
const AFTER = 120;
const MAX_LINES = 1200;

interface Entry {
  line: number;
  text: string;
  /** Order of arrival: in rawjson several lines (a log chunk's) come from one input line. */
  seq: number;
}

/**
 * The lines around failures, for diagnosis: a ring of the last lines, copied out when a failure
 * shows, and the lines after it. Like ExcerptCollector, except that lines are told apart by their
 * order of arrival, not by their line number: the lines of one log object share its line number.
 */
export class RenderedExcerpt {
  private readonly ring: Array<Entry | undefined> = new Array<Entry | undefined>(BEFORE);
  private next = 0;
  private seq = 0;
  private lastKeptSeq = 0;
  private afterLeft = 0;
  private readonly kept: Entry[] = [];

  push(line: number, text: string): void {
    const entry = { line, text, seq: ++this.seq };
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
