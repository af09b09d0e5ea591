import { HASH, type BytePrefilter } from '../../diagnose/byte-prefilter.js';

const NEWLINE = 0x0a;
/** Set in `last` for a pair that ends some window of the table (BytePrefilter.low). */
const LOW_GATE = 1;
/** Set in `last` for a pair whose second byte makes its line a candidate (BytePrefilter.special). */
const SPECIAL = 2;

/**
 * The byte prefilter's scan (BytePrefilter.scanLines) over rawjson's decoded output, with the same
 * answers from fewer loads a byte. BytePrefilter keeps a window of four case-folded classes, each
 * byte looked up in three tables (its class, whether it is special, then the two gates); this keeps
 * the last four bytes as they are, and looks the last two up in one 64 KiB table that holds both the
 * first gate and the special bit, already folded. Only a window past that gate (a few in ten) has its
 * first two bytes looked up, and only one past both is folded into BytePrefilter's window and looked
 * up in its hashed table. About a sixth less time over a compiler's output than BytePrefilter's loop.
 */
export class OutputScanner {
  /** By the last two bytes: LOW_GATE | SPECIAL. */
  private readonly last = new Uint8Array(1 << 16);
  /** By the first two bytes of the window: 1 when they start some window of the table. */
  private readonly first = new Uint8Array(1 << 16);

  constructor(private readonly prefilter: BytePrefilter) {
    const { classOf, special, low, high } = prefilter;
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const pair = (classOf[a]! << 7) | classOf[b]!;
        this.last[(a << 8) | b] = (low[pair]! !== 0 ? LOW_GATE : 0) | (special[b]! !== 0 ? SPECIAL : 0);
        this.first[(a << 8) | b] = high[pair]!;
      }
    }
  }

  /**
   * The window scanLines starts each line with after `text` (a rendered prefix): its last four
   * characters as bytes, one beyond ASCII as 0 (whose class BytePrefilter.start gives it too).
   */
  static startWindow(text: string): number {
    let window = 0;
    for (let i = Math.max(0, text.length - 4); i < text.length; i++) {
      const code = text.charCodeAt(i);
      window = (window << 8) | (code < 0x80 ? code : 0);
    }
    return window;
  }

  /**
   * BytePrefilter.scanLines with `startWindow` from OutputScanner.startWindow of the same text
   * (`startHit` is still BytePrefilter.start's): where each line ends, in `ends`, and 1 in `hits` for
   * a line that may hold a literal; stops after `ends.length` lines; returns how many it found.
   */
  scanLines(bytes: Uint8Array, from: number, to: number, startWindow: number, startHit: number, ends: Int32Array, hits: Uint8Array): number {
    const last = this.last;
    const first = this.first;
    const { classOf, table, shift } = this.prefilter;
    const capacity = ends.length;
    let count = 0;
    let window = startWindow;
    let hit = startHit;
    for (let i = from; i < to; i++) {
      const byte = bytes[i]!;
      if (byte === NEWLINE) {
        ends[count] = i;
        hits[count] = hit;
        if (++count === capacity) return count;
        window = startWindow;
        hit = startHit;
        continue;
      }
      // An int32: the oldest byte falls out at the top.
      window = (window << 8) | byte;
      const gate = last[window & 0xffff]!;
      if (gate !== 0) {
        if (gate >= SPECIAL) hit = 1;
        else if (first[window >>> 16]! !== 0) {
          const folded = (classOf[window >>> 24]! << 21) | (classOf[(window >>> 16) & 0xff]! << 14) | (classOf[(window >>> 8) & 0xff]! << 7) | classOf[byte]!;
          const slot = Math.imul(folded, HASH) >>> shift;
          hit |= (table[slot >>> 5]! >>> (slot & 31)) & 1;
        }
      }
    }
    return count;
  }
}
