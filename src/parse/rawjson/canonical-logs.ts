// Most of a rawjson log is step output: `logs` objects, one a line, always in the shape Go's encoder
// gives BuildKit's SolveStatus:
//   {"logs":[{"vertex":"sha256:…","stream":1,"data":"<base64>","timestamp":"2026-…Z"}]}
// Decoding such a line to a string, then JSON.parse, then base64 from that string was most of the
// cost of reading rawjson. This reads the same from the line's bytes: fixed keys compared in place,
// the data decoded from its bytes into a shared arena (base64-arena.ts), the vertex and the
// timestamp's date reused from the previous line when their bytes repeat (they nearly always do),
// compared while their bytes are checked, so a line costs no new Buffer and one short-lived string,
// the base64 text Node's decoder reads (the line's head is checked with one native compare).
// Anything else, even the same object with a space, an escape or a byte outside ASCII in it, is
// left to the general path (a string and JSON.parse), so what this accepts is read exactly as
// JSON.parse would read it (__tests__/rawjson-bytes.test.ts).
import { RFC3339, wholeMilliseconds, type RawLog } from './solve-status.js';
import { Base64Arena } from './base64-arena.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const AMPERSAND = 0x26;
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

/**
 * The head of a canonical line, `{"logs":[{"vertex":"…","stream":1,"data":"`: the same bytes on every
 * line of a step's output, so compared with the last line's at once (one native compare where the
 * keys, the vertex and the stream were each read); longer ones are read every time.
 */
const MAX_HEAD_BYTES = 384;

/** Reads canonical `logs` lines from bytes; keeps the last head, vertex and date seen, to reuse them. */
export class CanonicalLogReader {
  private readonly arena = new Base64Arena();
  /** The logs of the last line read: the objects are reused from line to line (see read). */
  private readonly entries: RawLog[] = [];
  private readonly lastHead = Buffer.alloc(MAX_HEAD_BYTES);
  /** 0 while no head is known. */
  private lastHeadLength = 0;
  private headVertex = '';
  private headStream = 0;
  /** What the last entryHead() read. */
  private entryVertex = '';
  private entryStream = 0;
  /** Where the value read by the last plainValue() call ends (its closing quote). */
  private valueEnd = -1;
  /** Whether that value's first bytes were the same as the bytes it was compared with. */
  private valueSame = false;
  private lastVertex = '';
  private readonly lastVertexBytes = Buffer.alloc(MAX_VALUE_BYTES);
  private lastVertexLength = -1;
  private readonly lastDateTime = Buffer.alloc(DATE_TIME_BYTES);
  private lastDateTimeKnown = false;
  private lastWhole: number | null = null;

  /** The logs read by the last read() that returned a count: valid until the next read(). */
  get logs(): readonly RawLog[] {
    return this.entries;
  }

  /**
   * How many logs the object on `data[start, end)` holds when it is a canonical `logs` line (they are
   * `logs[0, count)`, until the next call: one object per entry, reused, so a line allocates none),
   * else -1. A line this accepts decodes (UTF-8, HTML entities, ANSI) to itself: it is printable ASCII
   * without `&` or escape, so the line decoder would not have changed it either.
   */
  read(data: Buffer, start: number, end: number): number {
    let p: number;
    let vertex: string;
    let stream: number;
    const headLength = this.lastHeadLength;
    if (headLength !== 0 && end - start > headLength && data.compare(this.lastHead, 0, headLength, start, start + headLength) === 0) {
      p = start + headLength;
      vertex = this.headVertex;
      stream = this.headStream;
    } else {
      if (!startsWith(data, start, end, OPEN)) return -1;
      p = this.entryHead(data, start + OPEN.length, end);
      if (p === -1) return -1;
      vertex = this.entryVertex;
      stream = this.entryStream;
      // Every byte of it was checked: it is a head whatever follows it on this line.
      if (p - start <= MAX_HEAD_BYTES) {
        data.copy(this.lastHead, 0, start, p);
        this.lastHeadLength = p - start;
        this.headVertex = vertex;
        this.headStream = stream;
      }
    }
    const arena = this.arena;
    let count = 0;
    for (;;) {
      const dataEnd = data.indexOf(QUOTE, p);
      if (dataEnd === -1 || dataEnd >= end) return -1;
      if (!arena.decode(data, p, dataEnd)) return -1;
      const bytes = arena.buffer;
      const from = arena.from;
      const to = arena.to;
      p = dataEnd;
      if (!startsWith(data, p, end, TIMESTAMP)) return -1;
      p += TIMESTAMP.length;
      if (!this.plainValue(data, p, end, this.lastDateTime, this.lastDateTimeKnown ? DATE_TIME_BYTES : -1)) return -1;
      const tsEnd = this.valueEnd;
      const timestamp = this.timestampAt(data, p, tsEnd, this.valueSame);
      p = tsEnd;
      if (!startsWith(data, p, end, ENTRY_END)) return -1;
      p += ENTRY_END.length;
      this.setEntry(count++, vertex, stream, bytes, from, to, timestamp);
      if (p < end && data[p] === COMMA) {
        p = this.entryHead(data, p + 1, end);
        if (p === -1) return -1;
        vertex = this.entryVertex;
        stream = this.entryStream;
        continue;
      }
      return startsWith(data, p, end, CLOSE) && p + CLOSE.length === end ? count : -1;
    }
  }

  /**
   * An entry's `{"vertex":"…","stream":N,"data":"` at `p`: where its data starts (its vertex and stream
   * in entryVertex and entryStream), or -1.
   */
  private entryHead(data: Buffer, p: number, end: number): number {
    if (!startsWith(data, p, end, VERTEX)) return -1;
    p += VERTEX.length;
    if (!this.plainValue(data, p, end, this.lastVertexBytes, this.lastVertexLength)) return -1;
    this.entryVertex = this.vertexAt(data, p, this.valueEnd);
    p = this.valueEnd;
    if (!startsWith(data, p, end, STREAM)) return -1;
    p += STREAM.length;
    // 0 or a number without leading zeros, as the canonical shape allows (at most nine digits).
    let stream = 0;
    const digits = p;
    while (p < end && data[p]! >= ZERO && data[p]! <= NINE && p - digits < 9) stream = stream * 10 + data[p++]! - ZERO;
    if (p === digits || (data[digits] === ZERO && p - digits > 1)) return -1;
    if (!startsWith(data, p, end, DATA)) return -1;
    this.entryStream = stream;
    return p + DATA.length;
  }

  private setEntry(index: number, vertex: string, stream: number, data: Buffer, from: number, to: number, timestamp: number | null): void {
    const entry = this.entries[index];
    if (entry === undefined) {
      this.entries.push({ index, vertex, stream, data, from, to, timestamp });
      return;
    }
    entry.vertex = vertex;
    entry.stream = stream;
    entry.data = data;
    entry.from = from;
    entry.to = to;
    entry.timestamp = timestamp;
  }

  /**
   * Whether a JSON string value that starts at `start` is printable ASCII with no escape and no `&`
   * (which the line decoder would have unescaped), and short; then its closing quote is at
   * `valueEnd`, and `valueSame` tells whether its first `compareLength` bytes equal `compare`'s
   * (-1 never does). One loop for both, where a check and then Buffer.compare were two passes and a
   * call into C++.
   */
  private plainValue(data: Buffer, start: number, end: number, compare: Buffer, compareLength: number): boolean {
    const limit = Math.min(end, start + MAX_VALUE_BYTES);
    let same = compareLength >= 0;
    const compareEnd = start + compareLength;
    for (let i = start; i < limit; i++) {
      const c = data[i]!;
      if (c === QUOTE) {
        this.valueEnd = i;
        this.valueSame = same && i >= compareEnd;
        return true;
      }
      if (c < 0x20 || c > 0x7e || c === BACKSLASH || c === AMPERSAND) return false;
      if (same && i < compareEnd && c !== compare[i - start]) same = false;
    }
    return false;
  }

  /** The vertex digest on `data[start, end)` (checked by plainValue): the previous line's string when the bytes are the same. */
  private vertexAt(data: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length === this.lastVertexLength && this.valueSame) return this.lastVertex;
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
  private timestampAt(data: Buffer, start: number, end: number, sameDateTime: boolean): number | null {
    const length = end - start;
    let fractionEnd = -1;
    if (length === DATE_TIME_BYTES + 1 && data[end - 1] === LETTER_Z) fractionEnd = end - 1;
    else if (length > DATE_TIME_BYTES + 2 && length <= DATE_TIME_BYTES + 11 && data[start + DATE_TIME_BYTES] === DOT && data[end - 1] === LETTER_Z) {
      fractionEnd = end - 1;
      for (let i = start + DATE_TIME_BYTES + 1; i < fractionEnd; i++) if (data[i]! < ZERO || data[i]! > NINE) fractionEnd = -1;
    }
    if (fractionEnd === -1) return this.slowTimestamp(data, start, end);
    const dateEnd = start + DATE_TIME_BYTES;
    if (!sameDateTime) {
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
