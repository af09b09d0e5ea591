// The data of rawjson's log objects is base64. Going through Node's decoder from the line's text
// meant the base64 text as part of a decoded line (most of the garbage of reading a rawjson log) and
// a new Buffer a line. This decodes the text's bytes into a shared arena instead: the output of many
// log objects lies in one 64 KiB buffer. The decoding itself is Node's (a native loop, about four
// times faster than one in JavaScript), from a short-lived one-byte string of the base64 text.

/** Bytes of one arena; a full arena is left to whoever still holds slices of it, and a new one taken. */
const ARENA_BYTES = 64 * 1024;
/** Output larger than this gets a buffer of its own, so that at most a quarter of an arena is wasted. */
const OWN_BUFFER_BYTES = ARENA_BYTES / 4;
const EQUALS = 0x3d;

/**
 * Node's own helpers behind `toString('latin1')` and `write(…, 'base64')` (Buffer.prototype methods
 * since Node 0.x, not in its typings): their public wrappers check their arguments again on every
 * call, which cost more than the decoding itself here. Used when present, else the wrappers.
 */
interface NodeBufferHelpers {
  latin1Slice?: (start: number, end: number) => string;
  base64Write?: (text: string, offset: number) => number;
}
const helpers = Buffer.prototype as unknown as NodeBufferHelpers;
const FAST_HELPERS = typeof helpers.latin1Slice === 'function' && typeof helpers.base64Write === 'function';

/** Node's decoding of the base64 in `text[start, end)` into `out` at `at`: how many bytes it wrote. */
function nodeDecode(text: Buffer, start: number, end: number, out: Buffer, at: number): number {
  if (FAST_HELPERS) {
    const fast = out as unknown as Required<NodeBufferHelpers>;
    return fast.base64Write((text as unknown as Required<NodeBufferHelpers>).latin1Slice(start, end), at);
  }
  return out.write(text.toString('latin1', start, end), at, 'base64');
}

/**
 * Decodes base64 text from bytes into shared buffers. The bytes of the last decode are
 * `buffer[from, to)`, valid for as long as `buffer` is held: an arena is never written again once
 * it is full, so slices handed out earlier stay as they were.
 */
export class Base64Arena {
  private arena = Buffer.allocUnsafe(ARENA_BYTES);
  private used = 0;
  /** Where the last successful decode put its bytes. */
  buffer: Buffer = this.arena;
  from = 0;
  to = 0;

  /**
   * Decodes `text[start, end)` when it is plain base64 (a multiple of four characters of the
   * alphabet, `-` and `_` as Node reads them, padded with one or two `=` at the end only) and
   * returns true; anything else (an escape, a space, a `=` inside) returns false, and the caller
   * reads the object the general way.
   *
   * Node's decoder skips what is not in its alphabet and stops at `=`, so it writes fewer bytes than
   * plain text of this length decodes to exactly when the text is not plain: one character fewer
   * before the padding is already a byte fewer, whatever the length. So the count it returns is the
   * whole check; and a text it accepts is the same string the general way hands the same decoder.
   */
  decode(text: Buffer, start: number, end: number): boolean {
    const length = end - start;
    if ((length & 3) !== 0) return false;
    let padding = 0;
    if (length > 0 && text[end - 1] === EQUALS) padding = text[end - 2] === EQUALS ? 2 : 1;
    const size = (length >>> 2) * 3 - padding;
    let out: Buffer;
    let at: number;
    if (size > OWN_BUFFER_BYTES) {
      out = Buffer.allocUnsafe(size);
      at = 0;
    } else {
      if (this.used + size > ARENA_BYTES) {
        this.arena = Buffer.allocUnsafe(ARENA_BYTES);
        this.used = 0;
      }
      out = this.arena;
      at = this.used;
    }
    // Bytes past `at + size` may be written by a text that is not plain; they were handed to no one.
    if (size > 0 && nodeDecode(text, start, end, out, at) !== size) return false;
    if (out === this.arena) this.used = at + size;
    this.buffer = out;
    this.from = at;
    this.to = at + size;
    return true;
  }
}
