import type { LineSelector } from './line-selector.js';

const ESCAPE = 0x1b;
const SPACE = 0x20;
const ASCII_CODES = 128;
const NEWLINE = 0x0a;
/** Characters in a window: four, so that a window of a literal is rarely a window of ordinary output. */
const WINDOW = 4;
const CLASS_BITS = 7;
/** The hashed window table: 2^22 bits (512 KiB), a few hundred literals set one bit each. */
const TABLE_BITS = 22;
/** Two characters of a window: the gate's index (see BytePrefilter.low). */
const PAIR_BITS = 2 * CLASS_BITS;
const PAIR_MASK = (1 << PAIR_BITS) - 1;
/** scanLines' table by the last two bytes: they end some window of the table (BytePrefilter.low). */
const PAIR_LOW_GATE = 1;
/** The same: the second byte makes its line a candidate by itself (BytePrefilter.special). */
const PAIR_SPECIAL = 2;

/**
 * A cheaper, coarser LineSelector prefilter that reads bytes: whether a line (as UTF-8 bytes) may
 * contain one of the selector's literals. It never says no to a line that LiteralSet would find a
 * literal in; it may say yes to lines without one (the caller then decodes the line and asks the
 * selector). Made for output that is read but mostly never decoded (rawjson's step output).
 *
 * Each literal is stood for by one four-character window of it (its rarest, by a rough table of how
 * common characters are in logs), set in a hashed bit table that the last four bytes (case folded)
 * are looked up in: a multiply and a load per byte, in a table that stays in the cache. A literal of
 * three or two characters sets every window that ends with it, one of one character makes that
 * character a candidate by itself. A line that holds an escape byte (ANSI codes are stripped from
 * the text the selector sees), or a byte outside ASCII when some literal has nothing but characters
 * outside ASCII (LiteralSet lets those match any such character), is always a candidate.
 *
 * Why it never misses: the text is the line's bytes decoded, and an ASCII character in the text is
 * the same byte in the line with the same neighbours (a decoded multi-byte or invalid sequence is
 * never ASCII), so ASCII characters next to each other in the text are bytes next to each other in
 * the line, case folded the same way.
 */
export class BytePrefilter {
  /** The class of each byte: its case-folded value below 128, 0 above. */
  readonly classOf = new Uint8Array(256);
  /** 1 for a byte that makes its line a candidate by itself. */
  readonly special = new Uint8Array(256);
  /** One bit per hashed window: set when a line holding that window is a candidate. */
  readonly table = new Int32Array(1 << (TABLE_BITS - 5));
  /**
   * The gate before the table: 1 for the last two characters (`low`, the window's low 14 bits) and
   * the first two (`high`, its high 14 bits) of some window set in it. Two loads from 16 KiB tables
   * instead of a multiply and a load from the 512 KiB one: about five windows in six of a compiler's
   * output fail the gate (the built-in catalog's), and the loop ran about 15% faster alone.
   */
  readonly low = new Uint8Array(1 << PAIR_BITS);
  readonly high = new Uint8Array(1 << PAIR_BITS);
  /** The window's mask: four classes. */
  readonly mask = (1 << (WINDOW * CLASS_BITS)) - 1;
  readonly shift = 32 - TABLE_BITS;
  /** Every line is a candidate (a built-in pattern without literals runs on every line). */
  readonly everyLine: boolean;

  constructor(literals: readonly string[], everyLine: boolean) {
    this.everyLine = everyLine;
    for (let byte = 0; byte < 128; byte++) this.classOf[byte] = fold(byte);
    this.special[ESCAPE] = 1;
    let nonAscii = false;
    for (const literal of literals) {
      if (literal.length === 0) continue;
      const run = rarestAsciiRun(literal);
      if (run === null) {
        // Only escapes (candidates anyway) and characters outside ASCII: a byte outside ASCII stands for it.
        if (/[^\u0000-\u007f]/.test(literal)) nonAscii = true;
      } else if (run.length === 1) {
        const code = fold(run.charCodeAt(0));
        this.special[code] = 1;
        if (code >= 97 && code <= 122) this.special[code - 32] = 1;
      } else {
        this.setEndingWith(run);
      }
    }
    if (nonAscii) for (let byte = 128; byte < 256; byte++) this.special[byte] = 1;
  }

  /** Sets every window that ends with `text` (two to four ASCII characters). */
  private setEndingWith(text: string): void {
    let low = 0;
    for (let i = 0; i < text.length; i++) low = (low << CLASS_BITS) | fold(text.charCodeAt(i));
    const freeBits = (WINDOW - text.length) * CLASS_BITS;
    for (let high = 0; high < 1 << freeBits; high++) {
      const window = ((high << (text.length * CLASS_BITS)) | low) & this.mask;
      const slot = this.slot(window);
      this.table[slot >>> 5]! |= 1 << (slot & 31);
      this.low[window & PAIR_MASK] = 1;
      this.high[window >>> PAIR_BITS] = 1;
    }
  }

  /** The table bit of a window (the hot loops inline this). */
  slot(window: number): number {
    return Math.imul(window, HASH) >>> this.shift;
  }

  /** Whether a line holding `window` is a candidate: the gate, then the table (the hot loops inline this). */
  windowHits(window: number): boolean {
    if ((this.low[window & PAIR_MASK]! & this.high[window >>> PAIR_BITS]!) === 0) return false;
    const slot = this.slot(window);
    return ((this.table[slot >>> 5]! >>> (slot & 31)) & 1) === 1;
  }

  /**
   * The window after reading `text` (ASCII: a rendered prefix) from a line's start, and whether it
   * hit; `bytes`, the same window as scanLines() keeps it: the last four characters as bytes, one
   * beyond ASCII as 0 (the byte whose class, 0, it has in `window`).
   */
  start(text: string): { window: number; hit: boolean; bytes: number } {
    let window = 0;
    let hit = false;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128 || this.special[code] === 1) hit = true;
      window = ((window << CLASS_BITS) | (code < 128 ? this.classOf[code]! : 0)) & this.mask;
      bytes = (bytes << 8) | (code < 128 ? code : 0);
      if (this.windowHits(window)) hit = true;
    }
    return { window, hit, bytes };
  }

  /**
   * The lines on `bytes[from, to)` (the last ends with a newline), each read after a text whose
   * start() is `startBytes` and `startHit` (its `bytes` and `hit`): where each ends, in `ends`, and 1
   * in `hits` for a line that may hold a literal, as mayMatch() answers for it. Stops after
   * `ends.length` lines; returns how many it found. The hot loop over rawjson's output: a tight loop
   * with no call in it.
   *
   * It keeps the last four bytes as they are (an int32: the oldest falls out at the top) and looks
   * the last two up in one 64 KiB table that holds both the first gate (`low`) and the special bit,
   * already folded: three loads a byte (class, special, gates) became one. Only a window past that
   * gate (a few in ten of a compiler's output) has its first two bytes looked up (`high`), and only
   * one past both is folded into mayMatch's window and looked up in the hashed table. About a sixth
   * less time over a compiler's output than reading the three tables for each byte.
   */
  scanLines(bytes: Uint8Array, from: number, to: number, startBytes: number, startHit: number, ends: Int32Array, hits: Uint8Array): number {
    const { last, first } = this.pairTables();
    const classOf = this.classOf;
    const table = this.table;
    const shift = this.shift;
    const capacity = ends.length;
    let count = 0;
    let window = startBytes;
    let hit = startHit;
    for (let i = from; i < to; i++) {
      const byte = bytes[i]!;
      if (byte === NEWLINE) {
        ends[count] = i;
        hits[count] = hit;
        if (++count === capacity) return count;
        window = startBytes;
        hit = startHit;
        continue;
      }
      window = (window << 8) | byte;
      const gate = last[window & 0xffff]!;
      if (gate !== 0) {
        if (gate >= PAIR_SPECIAL) hit = 1;
        else if (first[window >>> 16]! !== 0) {
          const folded = (classOf[window >>> 24]! << 21) | (classOf[(window >>> 16) & 0xff]! << 14) | (classOf[(window >>> 8) & 0xff]! << 7) | classOf[byte]!;
          const slot = Math.imul(folded, HASH) >>> shift;
          hit |= (table[slot >>> 5]! >>> (slot & 31)) & 1;
        }
      }
    }
    return count;
  }

  /** scanLines()'s tables by two raw bytes (a byte pair `(a << 8) | b`), made on its first call. */
  private pairs: { last: Uint8Array; first: Uint8Array } | null = null;

  private pairTables(): { last: Uint8Array; first: Uint8Array } {
    if (this.pairs !== null) return this.pairs;
    const { classOf, special, low, high } = this;
    /** By the last two bytes of the window: PAIR_LOW_GATE | PAIR_SPECIAL. */
    const last = new Uint8Array(1 << 16);
    /** By the first two bytes of the window: 1 when they start some window of the table. */
    const first = new Uint8Array(1 << 16);
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const pair = (classOf[a]! << CLASS_BITS) | classOf[b]!;
        last[(a << 8) | b] = (low[pair]! !== 0 ? PAIR_LOW_GATE : 0) | (special[b]! !== 0 ? PAIR_SPECIAL : 0);
        first[(a << 8) | b] = high[pair]!;
      }
    }
    this.pairs = { last, first };
    return this.pairs;
  }

  /** Whether `bytes[start, end)`, read after `text`, may hold a literal (the hot loop of callers, for tests). */
  mayMatch(text: string, bytes: Uint8Array, start: number, end: number): boolean {
    if (this.everyLine) return true;
    let { window, hit } = this.start(text);
    for (let i = start; i < end && !hit; i++) {
      const byte = bytes[i]!;
      window = ((window << CLASS_BITS) | this.classOf[byte]!) & this.mask;
      if (this.special[byte] === 1 || this.windowHits(window)) hit = true;
    }
    return hit;
  }
}

/** Fibonacci hashing's multiplier (2^32 / golden ratio): spreads windows over the table. */
export const HASH = 0x9e3779b1 | 0;

const prefilters = new WeakMap<LineSelector, BytePrefilter>();

/** The byte prefilter of a selector (made once per selector). */
export function bytePrefilterFor(selector: LineSelector): BytePrefilter {
  let prefilter = prefilters.get(selector);
  if (!prefilter) {
    prefilter = new BytePrefilter(selector.literals, selector.testsEveryLine);
    prefilters.set(selector, prefilter);
  }
  return prefilter;
}

// How common a character is in build output, roughly (English letter frequencies, in percent; space,
// digits and the punctuation of paths and versions as common as frequent letters). A window's cost
// is the product of its characters' (as if independent); words that fill build logs (a compiler's
// `Compiling`, a package manager's `Downloading`) cost more. The cheapest window stands for its
// literal, so that few lines are candidates. Any choice is correct; this one only makes it fast.
const FREQUENCY: Record<string, number> = {
  ' ': 15,
  e: 12.7,
  t: 9.1,
  a: 8.2,
  o: 7.5,
  i: 7,
  n: 6.7,
  s: 6.3,
  h: 6.1,
  r: 6,
  d: 4.3,
  l: 4,
  c: 2.8,
  u: 2.8,
  m: 2.4,
  w: 2.4,
  f: 2.2,
  g: 2,
  y: 2,
  p: 1.9,
  b: 1.5,
  v: 1,
  k: 0.8,
  j: 0.15,
  x: 0.15,
  q: 0.1,
  z: 0.07,
  '0': 4,
  '1': 4,
  '2': 3,
  '3': 3,
  '4': 3,
  '5': 3,
  '6': 3,
  '7': 3,
  '8': 3,
  '9': 3,
  '.': 4,
  '/': 4,
  '-': 4,
  ':': 3,
  _: 2,
};
const COMMON_WORDS =
  'compiling compiled building downloading downloaded installing installed package module version running reading writing ' +
  'resolving fetching extracting exporting layer sha256 loading transferring context checking finished ' +
  'crates index added removed updating using from with done step cache';
/**
 * The common windows, each as its four case-folded codes packed 7 bits apiece (windowKey): a key of
 * a window read from a literal is made from its codes, with no string for it.
 */
const COMMON_WINDOWS = new Set<number>();
for (const word of COMMON_WORDS.split(' ')) {
  const spaced = ` ${word} `;
  for (let i = 0; i + WINDOW <= spaced.length; i++) COMMON_WINDOWS.add(windowKey(spaced, i));
}

/** FREQUENCY by character code (a character it does not list counts 1). */
const FREQUENCY_OF = new Float64Array(ASCII_CODES).fill(1);
for (const [ch, frequency] of Object.entries(FREQUENCY)) FREQUENCY_OF[ch.charCodeAt(0)] = frequency;

/** The four ASCII characters of `text` from `at`, case folded and packed 7 bits apiece. */
function windowKey(text: string, at: number): number {
  let key = 0;
  for (let k = at; k < at + WINDOW; k++) key = (key << CLASS_BITS) | fold(text.charCodeAt(k));
  return key;
}

/**
 * What a run of ASCII characters costs as the window that stands for its literal: how common it is
 * in build output (the product of its characters' frequencies, a window across words or one of a
 * common word costing more). The multiplications are made in the order they always were, so a
 * choice between windows of equal cost is the same.
 */
function windowCost(literal: string, at: number, length: number): number {
  let cost = length === WINDOW && COMMON_WINDOWS.has(windowKey(literal, at)) ? 1e6 : 1;
  // A window across words (`ng m`) is as common as the ends of words are.
  if (length === WINDOW && (literal.charCodeAt(at + 1) === SPACE || literal.charCodeAt(at + 2) === SPACE)) cost *= 100;
  for (let k = at; k < at + length; k++) cost *= FREQUENCY_OF[fold(literal.charCodeAt(k))]!;
  return cost;
}

/**
 * The rarest window of up to four ASCII characters (no escape) in the literal: a four-character one
 * when there is one, else the longest run of ASCII there is; null when it has no ASCII character.
 * Runs once per literal of the catalog at every start that reads rawjson (a thousand literals):
 * no string is made for a window, and a run shorter than the best so far is not costed.
 */
export function rarestAsciiRun(literal: string): string | null {
  let best = -1;
  let bestLength = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < literal.length; i++) {
    let length = 0;
    while (length < WINDOW && i + length < literal.length) {
      const code = literal.charCodeAt(i + length);
      if (code >= ASCII_CODES || code === ESCAPE) break;
      length++;
    }
    if (length === 0 || length < bestLength) continue;
    const cost = windowCost(literal, i, length);
    if (length > bestLength || cost < bestCost) {
      best = i;
      bestLength = length;
      bestCost = cost;
    }
  }
  return best === -1 ? null : literal.slice(best, best + bestLength);
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
