// The data of rawjson's log objects is base64. Going through Node's decoder meant a string of the
// base64 text first (a copy, and most of the garbage of reading a rawjson log: about 300 bytes a
// line, a hundred scavenges for 100 MB) and a new Buffer a line. This decodes the text's bytes in
// place into a shared arena instead: the output of many log objects lies in one 64 KiB buffer.

/** Bytes of one arena; a full arena is left to whoever still holds slices of it, and a new one taken. */
const ARENA_BYTES = 64 * 1024;
/** Output larger than this gets a buffer of its own, so that at most a quarter of an arena is wasted. */
const OWN_BUFFER_BYTES = ARENA_BYTES / 4;
/** A character outside the alphabet (a bit no character's six-bit value has). */
const INVALID = 0x100;
const EQUALS = 0x3d;

/**
 * Each byte's six-bit value: the standard alphabet and the URL-safe one (`-`, `_`), both of which
 * Node's 'base64' decoder reads, so that this decodes whatever it accepts to the same bytes.
 */
const VALUE = new Uint16Array(256).fill(INVALID);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
VALUE[0x2d] = 62; // -
VALUE[0x5f] = 63; // _

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
   * alphabet, padded with one or two `=` at the end only) and returns true; Node's decoder gives the
   * same bytes for such text. Anything else (an escape, a space, a `=` inside) returns false, and the
   * caller reads the object the general way. Bytes beyond `to` are never meant to be read.
   */
  decode(text: Uint8Array, start: number, end: number): boolean {
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
    const whole = padding === 0 ? end : end - 4;
    let seen = 0;
    let o = at;
    for (let i = start; i < whole; i += 4) {
      const a = VALUE[text[i]!]!;
      const b = VALUE[text[i + 1]!]!;
      const c = VALUE[text[i + 2]!]!;
      const d = VALUE[text[i + 3]!]!;
      seen |= a | b | c | d;
      const n = (a << 18) | (b << 12) | (c << 6) | d;
      // A Uint8Array keeps the low eight bits of what is stored.
      out[o] = n >>> 16;
      out[o + 1] = n >>> 8;
      out[o + 2] = n;
      o += 3;
    }
    if (padding !== 0) {
      const a = VALUE[text[whole]!]!;
      const b = VALUE[text[whole + 1]!]!;
      seen |= a | b;
      out[o++] = (a << 2) | (b >>> 4);
      if (padding === 1) {
        const c = VALUE[text[whole + 2]!]!;
        seen |= c;
        out[o++] = (b << 4) | (c >>> 2);
      }
    }
    if ((seen & INVALID) !== 0) return false;
    if (out === this.arena) this.used = o;
    this.buffer = out;
    this.from = at;
    this.to = o;
    return true;
  }
}
