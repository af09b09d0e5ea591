// Most of a rawjson log is step output: `logs` objects, one a line, always in the shape Go's encoder
// gives BuildKit's SolveStatus:
//   {"logs":[{"vertex":"sha256:…","stream":1,"data":"<base64>","timestamp":"2026-…Z"}]}
// Decoding such a line to a string, then JSON.parse, then base64 from that string was most of the
// cost of reading rawjson. This reads the same from the line's bytes: fixed keys compared in place,
// the data decoded natively, the vertex and the timestamp's date reused from the previous line when
// their bytes repeat (they nearly always do). Anything else, even the same object with a space, an
// escape or a byte outside ASCII in it, is left to the general path (a string and JSON.parse), so
// what this accepts is read exactly as JSON.parse would read it (__tests__/rawjson-bytes.test.ts).
import { RFC3339, wholeMilliseconds, type RawLog } from './solve-status.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const AMPERSAND = 0x26;
const EQUALS = 0x3d;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const LETTER_Z = 0x5a;

const OPEN = Buffer.from('{"logs":[', 'latin1');
const VERTEX = Buffer.from('{"vertex":"', 'latin1');
const STREAM = Buffer.from('","stream":', 'latin1');
const DATA = Buffer.from(',"data":"', 'latin1');
const TIMESTAMP = Buffer.from('","timestamp":"', 'latin1');
/** `"}` closes an entry, then `,` (another entry) or `]}` (the end of the line). */
const ENTRY_END = Buffer.from('"}', 'latin1');
const CLOSE = Buffer.from(']}', 'latin1');
/** `2026-11-29T05:58:51`: the part of a timestamp that repeats from one line to the next. */
const DATE_TIME_BYTES = 19;
/** Longer vertex or timestamp values are not Go's; the general path reads them. */
const MAX_VALUE_BYTES = 256;

/** Reads canonical `logs` lines from bytes; keeps the last vertex and date seen, to reuse them. */
export class CanonicalLogReader {
  private lastVertex = '';
  private readonly lastVertexBytes = Buffer.alloc(MAX_VALUE_BYTES);
  private lastVertexLength = -1;
  private readonly lastDateTime = Buffer.alloc(DATE_TIME_BYTES);
  private lastDateTimeKnown = false;
  private lastWhole: number | null = null;

  /**
   * The logs of the object on `data[start, end)` when it is a canonical `logs` line, else null. A
   * line this accepts decodes (UTF-8, HTML entities, ANSI) to itself: it is printable ASCII without
   * `&` or escape, so the line decoder would not have changed it either.
   */
  read(data: Buffer, start: number, end: number): RawLog[] | null {
    if (!startsWith(data, start, end, OPEN)) return null;
    let p = start + OPEN.length;
    const logs: RawLog[] = [];
    for (;;) {
      if (!startsWith(data, p, end, VERTEX)) return null;
      p += VERTEX.length;
      const vertexEnd = plainValueEnd(data, p, end);
      if (vertexEnd === -1) return null;
      const vertex = this.vertexAt(data, p, vertexEnd);
      p = vertexEnd;
      if (!startsWith(data, p, end, STREAM)) return null;
      p += STREAM.length;
      // 0 or a number without leading zeros, as the canonical shape allows (at most nine digits).
      let stream = 0;
      const digits = p;
      while (p < end && data[p]! >= ZERO && data[p]! <= NINE && p - digits < 9) stream = stream * 10 + data[p++]! - ZERO;
      if (p === digits || (data[digits] === ZERO && p - digits > 1)) return null;
      if (!startsWith(data, p, end, DATA)) return null;
      p += DATA.length;
      const dataEnd = data.indexOf(QUOTE, p);
      if (dataEnd === -1 || dataEnd >= end) return null;
      const bytes = decodeBase64(data, p, dataEnd);
      if (bytes === null) return null;
      p = dataEnd;
      if (!startsWith(data, p, end, TIMESTAMP)) return null;
      p += TIMESTAMP.length;
      const tsEnd = plainValueEnd(data, p, end);
      if (tsEnd === -1) return null;
      const timestamp = this.timestampAt(data, p, tsEnd);
      p = tsEnd;
      if (!startsWith(data, p, end, ENTRY_END)) return null;
      p += ENTRY_END.length;
      logs.push({ index: logs.length, vertex, stream, data: bytes, timestamp });
      if (p < end && data[p] === COMMA) {
        p++;
        continue;
      }
      return startsWith(data, p, end, CLOSE) && p + CLOSE.length === end ? logs : null;
    }
  }

  /** The vertex digest on `data[start, end)`: the previous line's string when the bytes are the same. */
  private vertexAt(data: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length === this.lastVertexLength && data.compare(this.lastVertexBytes, 0, length, start, end) === 0) return this.lastVertex;
    this.lastVertex = data.toString('latin1', start, end);
    data.copy(this.lastVertexBytes, 0, start, end);
    this.lastVertexLength = length;
    return this.lastVertex;
  }

  /**
   * solve-status.ts's timestamp() of the value on `data[start, end)`, computed from the bytes for Go's
   * usual `…:SS.fffffffffZ` form: the date and time to the second is parsed once per second of the log,
   * the fraction from its digits. f / 10^n is the correctly rounded value of `0.ddd` (both are exact
   * integers before one division), so this equals Number(`0.${digits}`) to the last bit.
   */
  private timestampAt(data: Buffer, start: number, end: number): number | null {
    const length = end - start;
    let fractionEnd = -1;
    if (length === DATE_TIME_BYTES + 1 && data[end - 1] === LETTER_Z) fractionEnd = end - 1;
    else if (length > DATE_TIME_BYTES + 2 && length <= DATE_TIME_BYTES + 11 && data[start + DATE_TIME_BYTES] === DOT && data[end - 1] === LETTER_Z) {
      fractionEnd = end - 1;
      for (let i = start + DATE_TIME_BYTES + 1; i < fractionEnd; i++) if (data[i]! < ZERO || data[i]! > NINE) fractionEnd = -1;
    }
    if (fractionEnd === -1) return this.slowTimestamp(data, start, end);
    const dateEnd = start + DATE_TIME_BYTES;
    if (!this.lastDateTimeKnown || data.compare(this.lastDateTime, 0, DATE_TIME_BYTES, start, dateEnd) !== 0) {
      const dateTime = data.toString('latin1', start, dateEnd);
      // Checked as the general path checks it (the whole value against RFC3339): a miss goes there.
      if (!RFC3339.test(`${dateTime}Z`)) return this.slowTimestamp(data, start, end);
      this.lastWhole = wholeMilliseconds(dateTime, 'Z');
      data.copy(this.lastDateTime, 0, start, dateEnd);
      this.lastDateTimeKnown = true;
    }
    const whole = this.lastWhole;
    if (whole === null) return null;
    if (fractionEnd === dateEnd) return whole;
    let fraction = 0;
    let scale = 1;
    for (let i = dateEnd + 1; i < fractionEnd; i++) {
      fraction = fraction * 10 + data[i]! - ZERO;
      scale *= 10;
    }
    return whole + (fraction / scale) * 1000;
  }

  private slowTimestamp(data: Buffer, start: number, end: number): number | null {
    const match = RFC3339.exec(data.toString('latin1', start, end));
    if (!match) return null;
    const whole = wholeMilliseconds(match[1]!, match[3]!);
    if (whole === null) return null;
    return match[2] === undefined ? whole : whole + Number(`0.${match[2]}`) * 1000;
  }
}

function startsWith(data: Buffer, at: number, end: number, literal: Buffer): boolean {
  if (at + literal.length > end) return false;
  for (let i = 0; i < literal.length; i++) if (data[at + i] !== literal[i]) return false;
  return true;
}

/**
 * Where a JSON string value that starts at `start` ends (its closing quote), when it is printable
 * ASCII with no escape and no `&` (which the line decoder would have unescaped), and short; else -1.
 */
function plainValueEnd(data: Buffer, start: number, end: number): number {
  const limit = Math.min(end, start + MAX_VALUE_BYTES);
  for (let i = start; i < limit; i++) {
    const c = data[i]!;
    if (c === QUOTE) return i;
    if (c < 0x20 || c > 0x7e || c === BACKSLASH || c === AMPERSAND) return -1;
  }
  return -1;
}

/**
 * The bytes of the base64 text on `data[start, end)`, or null unless it is plain base64 (a multiple
 * of four characters, padded at the end only). Node's decoder skips characters outside the alphabet
 * and stops at a `=`: any such character (a `\`, a control or non-ASCII byte, a `=` inside) gives
 * fewer bytes than the length promises, so a wrong length sends the line to the general path.
 * Characters it reads but JSON would not change (`-`, `_`) decode alike in both paths.
 */
function decodeBase64(data: Buffer, start: number, end: number): Buffer | null {
  const length = end - start;
  if (length % 4 !== 0) return null;
  let padding = 0;
  if (length > 0 && data[end - 1] === EQUALS) padding = length > 1 && data[end - 2] === EQUALS ? 2 : 1;
  const bytes = Buffer.from(data.toString('latin1', start, end), 'base64');
  return bytes.length === (length / 4) * 3 - padding ? bytes : null;
}
