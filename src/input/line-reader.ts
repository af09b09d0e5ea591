import { TextDecoder } from 'node:util';
import { InputError } from './errors.js';

/** One line of the input as read, before any decoding of prefixes. */
export interface RawLine {
  /** 1-based line number in the input. */
  no: number;
  text: string;
  /** Bytes cut from the end of an over-long line (0 for most lines). */
  cutBytes: number;
}

export interface LineReaderOptions {
  /** Longer lines are cut to this many bytes; the rest is counted, never held in memory. */
  maxLineBytes: number;
  /** The same for a line that starts with `{`: one rawjson progress object can be large. */
  maxJsonLineBytes: number;
  /** How many of the first bytes are checked for NUL (a binary file). */
  sniffBytes: number;
}

export const DEFAULT_LINE_READER_OPTIONS: LineReaderOptions = {
  // BuildKit lines are short; the longest real ones (build-push-action's metadata JSON, a
  // `docker buildx build` command line) stay well under this.
  maxLineBytes: 64 * 1024,
  maxJsonLineBytes: 8 * 1024 * 1024,
  sniffBytes: 8 * 1024,
};

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const OPEN_BRACE = 0x7b;

/**
 * Offered each ordinary line as bytes before it is decoded: `bytes[start, end)` is the line without
 * its LF, `no` the number it gets. Returning true takes the line (it is counted, never decoded nor
 * given to `onLine`); false lets it go the usual way. Only a line that lies whole within one chunk,
 * ends with a bare LF, holds no CR and is not over the length limit is offered, so a taken line is
 * exactly what `onLine` would have been given. The bytes are a view of the chunk being read: a
 * taker may keep it (the parser's excerpt ring does, decoding a line only if it is quoted) unless
 * the source fills one buffer again for each chunk (LogSource.reusesChunks, a file): then the
 * reader's `chunkDone` is where a taker must decode or copy what it still holds.
 */
export type LineBytesTaker = (bytes: Buffer, start: number, end: number, no: number) => boolean;

/**
 * Splits a byte stream into lines and hands each to `onLine` as soon as it is complete.
 * Memory is bounded by the chunk size plus `maxLineBytes`, whatever the size of the input or of a
 * single line. Push-based rather than an async iterator: it is the hot path of every analysis.
 * A chunk may be a view of a buffer the source fills again for the next one: nothing of it is held
 * here past the chunk (the start of a line it ends within is copied), and `chunkDone` is called
 * after its last line, before the next chunk is asked for.
 *
 * Line breaks are LF and CRLF, and a lone CR too: a file written with CR alone (old Mac tools, some
 * terminal captures) must not become one 64 KiB line. Where a lone CR is a break is told by the
 * file's first line break: when it is a lone CR, every CR is a line of its own (numbered as an
 * editor numbers it); otherwise a lone CR is a terminal's redraw inside a line, and its parts keep
 * that line's number (empty parts are dropped).
 */
export async function readLines(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  onLine: (line: RawLine) => void,
  options: LineReaderOptions = DEFAULT_LINE_READER_OPTIONS,
  takeBytes: LineBytesTaker | null = null,
  chunkDone: (() => void) | null = null,
): Promise<{ lines: number; bytes: number }> {
  let lineNo = 0;
  let bytes = 0;
  let parts: Buffer[] = [];
  let kept = 0;
  let cut = 0;
  let sniffed = 0;
  let cap = options.maxLineBytes;
  /** null until the first line break; then whether a lone CR ends a numbered line. */
  let crEndsLines: boolean | null = null;
  /** The next part belongs to the line already numbered (after a redraw CR). */
  let sameLine = false;
  /** The chunk ended with a CR: whether it is CRLF or a lone CR shows in the next chunk. */
  let pendingCr = false;

  const append = (piece: Buffer): void => {
    if (kept === 0 && cut === 0 && piece.length > 0) cap = piece[0] === OPEN_BRACE ? options.maxJsonLineBytes : options.maxLineBytes;
    const room = cap - kept;
    if (piece.length <= room) {
      if (piece.length > 0) parts.push(piece);
      kept += piece.length;
    } else {
      if (room > 0) parts.push(piece.subarray(0, room));
      kept += Math.max(room, 0);
      cut += piece.length - Math.max(room, 0);
    }
  };

  const emit = (): void => {
    const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts, kept);
    if (!sameLine) lineNo += 1;
    sameLine = false;
    onLine({ no: lineNo, text: buffer.toString('utf8'), cutBytes: cut });
    parts = [];
    kept = 0;
    cut = 0;
  };

  /** A line ended by LF or CRLF. */
  const endLine = (): void => {
    crEndsLines ??= false;
    // The empty rest of a line whose redraws were already given (`text\r\r\n`).
    if (sameLine && kept === 0 && cut === 0) {
      sameLine = false;
      return;
    }
    emit();
  };

  /** A line (or a redraw's part) ended by a lone CR. */
  const endAtLoneCr = (): void => {
    crEndsLines ??= true;
    if (crEndsLines) return emit();
    const empty = kept === 0 && cut === 0;
    if (!empty) emit();
    sameLine = true;
  };

  /** Set when the input starts with a UTF-16 byte-order mark: its text is read as UTF-8 from then on. */
  let utf16: TextDecoder | null = null;
  let first = true;
  for await (const chunk of chunks) {
    let data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (first && data.length > 0) {
      first = false;
      utf16 = utf16Decoder(data);
    }
    // Windows PowerShell 5 writes redirected output as UTF-16 with a BOM: its NUL bytes are text.
    if (utf16) data = Buffer.from(utf16.decode(data, { stream: true }), 'utf8');
    if (sniffed < options.sniffBytes) {
      const window = data.subarray(0, options.sniffBytes - sniffed);
      if (window.includes(0)) {
        throw new InputError(`binary data (a NUL byte within the first ${options.sniffBytes} bytes), not a build log`);
      }
      sniffed += window.length;
    }
    if (data.length === 0) continue;
    bytes += data.length;
    let start = 0;
    if (pendingCr) {
      pendingCr = false;
      if (data[0] === NEWLINE) {
        endLine();
        start = 1;
      } else {
        endAtLoneCr();
      }
    }
    // Most logs have no lone CR: its search is done once a chunk until one is found.
    let cr = data.indexOf(CARRIAGE_RETURN, start);
    for (;;) {
      const end = data.indexOf(NEWLINE, start);
      if (cr !== -1 && cr < start) cr = data.indexOf(CARRIAGE_RETURN, start);
      if (cr !== -1 && (end === -1 || cr < end - 1)) {
        // A CR before the next LF, and not the CR of a CRLF.
        append(data.subarray(start, cr));
        start = cr + 1;
        if (start === data.length) {
          pendingCr = true;
          break;
        }
        endAtLoneCr();
        continue;
      }
      if (end === -1) break;
      // The common line (whole in this chunk, nothing pending, no CR): offered as bytes first.
      if (takeBytes !== null && kept === 0 && cut === 0 && !sameLine && cr !== end - 1 && end - start <= options.maxLineBytes) {
        if (takeBytes(data, start, end, lineNo + 1)) {
          lineNo += 1;
          crEndsLines ??= false;
          start = end + 1;
          continue;
        }
      }
      // The CR of a CRLF is not the line's: neither kept nor counted against the length limit, as
      // when the CRLF is split between two chunks (then the CR is pending, never appended).
      const lineEnd = end > start && data[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
      if (kept === 0 && cut === 0 && lineEnd > start && lineEnd - start <= (data[start] === OPEN_BRACE ? options.maxJsonLineBytes : options.maxLineBytes)) {
        // What append() and endLine() do for a line whole in this chunk, with nothing before it and
        // not over the limit, decoded straight from the chunk: no view of it, no list of parts.
        crEndsLines ??= false;
        if (!sameLine) lineNo += 1;
        sameLine = false;
        onLine({ no: lineNo, text: data.toString('utf8', start, lineEnd), cutBytes: 0 });
      } else {
        append(data.subarray(start, lineEnd));
        endLine();
      }
      start = end + 1;
    }
    if (start < data.length) append(data.subarray(start));
    // A line continued in the next chunk: its start is copied out of this one, which its source may
    // fill again (one copy of a few bytes a chunk; a long line's earlier parts are copies already).
    for (let k = 0; k < parts.length; k++) if (parts[k]!.buffer === data.buffer) parts[k] = Buffer.from(parts[k]!);
    chunkDone?.();
  }
  const tail = utf16?.decode();
  if (tail) append(Buffer.from(tail, 'utf8'));
  if (pendingCr) endAtLoneCr();
  else if (kept > 0 || cut > 0) emit();
  return { lines: lineNo, bytes };
}

/** A decoder for input that starts with a UTF-16 byte-order mark (which it drops), else null. */
function utf16Decoder(start: Buffer): TextDecoder | null {
  if (start.length < 2) return null;
  if (start[0] === 0xff && start[1] === 0xfe) return new TextDecoder('utf-16le');
  if (start[0] === 0xfe && start[1] === 0xff) return new TextDecoder('utf-16be');
  return null;
}
