import type { EvidenceLine } from '../model.js';
import { detach } from '../text/detach.js';
import { textOf, type LineBytes } from '../input/line-bytes.js';

/** Lines kept before a failure: where its cause usually is. */
const BEFORE = 200;
/** How many of the last lines the ring holds (a caller that defers lines needs no more than these). */
export const EXCERPT_RING_LINES = BEFORE;
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
  // The ring is three parallel arrays rather than an object per line: it takes every line of a
  // log, and an object each was a good part of the parser's garbage.
  private readonly ringLine = new Array<number>(BEFORE).fill(0);
  /** A step's line taken by the parser's shortcut stays bytes here until it is kept (most never are). */
  private readonly ringText = new Array<string | LineBytes>(BEFORE).fill('');
  /** 0 for a slot not filled yet. */
  private readonly ringSeq = new Array<number>(BEFORE).fill(0);
  /**
   * 1 where the text was bytes when pushed: decoded (now or at settle) into a string of its own, it
   * shares no memory with a longer one, so keep() need not copy it (detach) to let go of its line.
   */
  private readonly ringOwn = new Uint8Array(BEFORE);
  private next = 0;
  private seq = 0;
  private lastKeptSeq = 0;
  private afterLeft = 0;
  private readonly kept: Entry[] = [];

  push(no: number, text: string | LineBytes): void {
    const slot = this.next;
    this.ringLine[slot] = no;
    this.ringText[slot] = text;
    this.ringSeq[slot] = ++this.seq;
    this.ringOwn[slot] = typeof text === 'string' ? 0 : 1;
    this.next = slot + 1 === BEFORE ? 0 : slot + 1;
    if (this.afterLeft > 0) {
      this.afterLeft--;
      this.keep(slot);
    }
  }

  /** Decodes the ring's lines still held as bytes: the buffer they lie in is about to be filled again. */
  settle(): void {
    const texts = this.ringText;
    for (let i = 0; i < BEFORE; i++) {
      const text = texts[i]!;
      if (typeof text !== 'string') texts[i] = text.text;
    }
  }

  /**
   * Holds as many lines as it ever will: no push or mark changes what between() gives from now on,
   * so a caller may stop asking which lines to mark.
   */
  get full(): boolean {
    return this.kept.length >= MAX_LINES;
  }

  /** Whether the next line pushed will be kept (it follows a failure): it cannot be deferred. */
  get keepsNext(): boolean {
    return this.afterLeft > 0;
  }

  /** The line just pushed shows a failure: keep it, what came before it, and what follows. */
  mark(): void {
    // Oldest first, and only the lines not kept yet: the ring's lines are numbered one after
    // another (seq), and marks come in runs (an error block), where every line but the newest is
    // kept already. Walking the whole ring for each mark was most of the parser's time on a log
    // full of failures.
    const newest = this.seq;
    for (let seq = Math.max(this.lastKeptSeq + 1, newest - BEFORE + 1, 1); seq <= newest && this.kept.length < MAX_LINES; seq++) {
      this.keep((this.next - 1 - (newest - seq) + BEFORE) % BEFORE);
    }
    this.afterLeft = AFTER;
  }

  /** Kept lines with line numbers in [first, last], in order of arrival. */
  between(first: number, last: number): EvidenceLine[] {
    return this.kept.filter((e) => e.line >= first && e.line <= last).map((e) => ({ line: e.line, text: e.text }));
  }

  private keep(slot: number): void {
    const seq = this.ringSeq[slot]!;
    if (seq <= this.lastKeptSeq || this.kept.length >= MAX_LINES) return;
    this.lastKeptSeq = seq;
    const text = textOf(this.ringText[slot]!);
    const cut = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
    this.kept.push({ line: this.ringLine[slot]!, text: cut === text && this.ringOwn[slot] === 1 ? text : detach(cut), seq });
  }
}
