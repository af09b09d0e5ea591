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
/**
 * Lines let go at once when the budget is spent: a log full of marks lets go of lines once every
 * this many lines kept, not at every one (each time is a pass over the kept lines).
 */
const EVICT_BATCH = 64;
/** A step's first lines kept for the catalog that stay when the budget is spent while that step prints. */
const STEP_FIRST_KEPT = 64;
/** `#12 `: the step a kept line belongs to (plain progress and job logs; rawjson renders it too). */
const STEP_PREFIX = /^#\d+ /;
/** A job's failed steps whose earlier kept lines a failure looks for (a pass over the kept lines each). */
const MAX_FAILED_STEPS = 16;
/** `#12 ERROR: ...`: a step's failure, whose earlier lines start with `#12 `. */
const STEP_ERROR = /^#(\d+) ERROR\b/;

interface Entry extends EvidenceLine {
  /** Order of arrival: several lines can share a line number (a rawjson log object, `\r` redraws). */
  seq: number;
  /** Kept for a failure (mark(true)): only a newer failure's lines push it out of the budget. */
  failure: boolean;
}

/**
 * The lines around failures in a job, for diagnosis. A ring of the last lines is kept while
 * reading; when a failure shows, the ring is copied out and the lines after it are kept too. Memory
 * is bounded per job, and nothing is copied for a job that does not fail.
 *
 * Lines are marked for two reasons: a failure (a step's ERROR, buildx's `ERROR: failed to solve`, the
 * runner's `##[error]`) or a line the catalog knows (a cause, or noise: a test suite's `Error:` lines).
 * When the budget is spent, the oldest lines kept for the catalog go first, and a failure's lines
 * only for a newer failure's: an earlier step that printed many known lines cannot crowd out the
 * failure the diagnosis is about (the step that fails last is the one that fails the build), nor can
 * a later step. The failed step's own lines kept before its window (a cause printed long before its
 * ERROR) are held as the failure's too.
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
  /** Of the lines after marks still to keep (afterLeft), how many follow a failure. */
  private failureLeft = 0;
  /** The newest line whose failure window's kept lines were all made a failure's (mark(true) walks back to it). */
  private rankedSeq = 0;
  /** How many failed steps' kept lines were made the failure's, at most MAX_FAILED_STEPS. */
  private failedSteps = 0;
  /** The last of them (`#12 `): BuildKit may say a step's ERROR twice. */
  private lastFailedStep = '';
  private readonly kept: Entry[] = [];
  /** How many of the kept lines are not a failure's: those go first. */
  private keptForCatalog = 0;

  push(no: number, text: string | LineBytes): void {
    const slot = this.next;
    this.ringLine[slot] = no;
    this.ringText[slot] = text;
    this.ringSeq[slot] = ++this.seq;
    this.ringOwn[slot] = typeof text === 'string' ? 0 : 1;
    this.next = slot + 1 === BEFORE ? 0 : slot + 1;
    if (this.afterLeft > 0) {
      this.afterLeft--;
      const failure = this.failureLeft > 0;
      if (failure) this.failureLeft--;
      this.keep(slot, failure);
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
   * The budget is spent on failures' lines alone, and stays so: from now on a failure's line takes
   * the room of the oldest failure's, and a mark for a line the catalog knows (mark(false)) changes
   * nothing, so a caller may stop asking the catalog which lines to mark. A failure still changes
   * the excerpt (mark(true)): lines must still be pushed.
   */
  get full(): boolean {
    return this.kept.length >= MAX_LINES && this.keptForCatalog === 0;
  }

  /** Whether the next line pushed will be kept (it follows a failure): it cannot be deferred. */
  get keepsNext(): boolean {
    return this.afterLeft > 0;
  }

  /**
   * The line just pushed shows a failure (`failure`), or is one the catalog knows: keep it, what came
   * before it, and what follows. A failure's lines outrank the others (see the class).
   */
  mark(failure = false): void {
    // Oldest first, and only the lines not kept yet: the ring's lines are numbered one after
    // another (seq), and marks come in runs (an error block), where every line but the newest is
    // kept already. Walking the whole ring for each mark was most of the parser's time on a log
    // full of failures.
    const newest = this.seq;
    const first = Math.max(newest - BEFORE + 1, 1);
    for (let seq = Math.max(this.lastKeptSeq + 1, first); seq <= newest; seq++) {
      this.keep((this.next - 1 - (newest - seq) + BEFORE) % BEFORE, failure);
    }
    this.afterLeft = AFTER;
    if (failure) {
      this.failureLeft = AFTER;
      this.rankWindow(Math.max(first, this.rankedSeq + 1));
      this.rankFailedStep();
    }
  }

  /** Kept lines with line numbers in [first, last], in order of arrival. */
  between(first: number, last: number): EvidenceLine[] {
    return this.kept.filter((e) => e.line >= first && e.line <= last).map((e) => ({ line: e.line, text: e.text }));
  }

  private keep(slot: number, failure: boolean): void {
    const seq = this.ringSeq[slot]!;
    if (seq <= this.lastKeptSeq) return;
    if (this.kept.length >= MAX_LINES && !this.letGo(failure)) return;
    this.lastKeptSeq = seq;
    const text = textOf(this.ringText[slot]!);
    const cut = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
    this.kept.push({ line: this.ringLine[slot]!, text: cut === text && this.ringOwn[slot] === 1 ? text : detach(cut), seq, failure });
    if (!failure) this.keptForCatalog++;
  }

  /**
   * Makes room in a spent budget for a line kept for a failure (`failure`) or for the catalog: a batch of
   * lines kept for the catalog goes, or else, for a failure, the oldest failure's line alone, so that the
   * budget stays spent (full stays true). False when nothing may go: the line is not kept.
   *
   * Which catalog lines go: first other steps' lines, oldest first; then the step now printing (the
   * newest kept line's `#N `) loses its lines after its first STEP_FIRST_KEPT: a step's first known lines
   * are its likeliest cause (`npm ERR! code ENOSPC` before a thousand compile errors that follow from it),
   * and its last ones come with its failure's window anyway. Lines without a step prefix (tty, legacy)
   * count as other steps'.
   */
  private letGo(failure: boolean): boolean {
    const kept = this.kept;
    if (this.keptForCatalog === 0) {
      if (!failure) return false;
      kept.shift();
      return true;
    }
    const newest = kept[kept.length - 1];
    const step = newest === undefined ? null : (STEP_PREFIX.exec(newest.text)?.[0] ?? null);
    let left = EVICT_BATCH;
    // Pass 1: other steps' catalog lines. Pass 2: the current step's, past its first ones. Pass 3: any.
    for (let pass = 1; pass <= 3 && left > 0; pass++) {
      let seenOfStep = 0;
      let to = 0;
      for (let from = 0; from < kept.length; from++) {
        const entry = kept[from]!;
        if (left > 0 && !entry.failure) {
          const ofStep = step !== null && entry.text.startsWith(step);
          const goes = pass === 3 || (pass === 1 ? !ofStep : ofStep && ++seenOfStep > STEP_FIRST_KEPT);
          if (goes) {
            left--;
            continue;
          }
        }
        kept[to++] = entry;
      }
      kept.length = to;
    }
    this.keptForCatalog -= EVICT_BATCH - left;
    return true;
  }

  /** The kept lines from `from` (seq) to the newest are a failure's: walked back from the newest. */
  private rankWindow(from: number): void {
    const kept = this.kept;
    for (let i = kept.length - 1; i >= 0 && kept[i]!.seq >= from; i--) this.rankAsFailure(kept[i]!);
    this.rankedSeq = this.seq;
  }

  /**
   * A step's failure (`#12 ERROR: ...`, the newest line): its own lines kept earlier (a cause printed
   * long before the ERROR, kept for the catalog) are the failure's too. A few steps per job: each is
   * a pass over the kept lines. Step numbers restart with each build: another build's step of the same
   * number is kept as a failure's too, which costs room, never this failure's lines.
   */
  private rankFailedStep(): void {
    if (this.keptForCatalog === 0 || this.failedSteps >= MAX_FAILED_STEPS) return;
    const newest = this.kept[this.kept.length - 1];
    const failed = newest !== undefined && newest.seq === this.seq ? STEP_ERROR.exec(newest.text) : null;
    if (failed === null) return;
    const prefix = `#${failed[1]!} `;
    if (prefix === this.lastFailedStep) return;
    this.lastFailedStep = prefix;
    this.failedSteps++;
    for (const entry of this.kept) if (!entry.failure && entry.text.startsWith(prefix)) this.rankAsFailure(entry);
  }

  private rankAsFailure(entry: Entry): void {
    if (entry.failure) return;
    entry.failure = true;
    this.keptForCatalog--;
  }
}
