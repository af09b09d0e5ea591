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
 * Splits a byte stream into lines and hands each to `onLine` as soon as it is complete.
 * Memory is bounded by the chunk size plus `maxLineBytes`, whatever the size of the input or of a
 * single line. Push-based rather than an async iterator: it is the hot path of every analysis.
 */
export async function readLines(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  onLine: (line: RawLine) => void,
  options: LineReaderOptions = DEFAULT_LINE_READER_OPTIONS,
): Promise<{ lines: number; bytes: number }> {
  let lineNo = 0;
  let bytes = 0;
  let parts: Buffer[] = [];
  let kept = 0;
  let cut = 0;
  let sniffed = 0;
  let cap = options.maxLineBytes;

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
    let buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts, kept);
    if (buffer.length > 0 && buffer[buffer.length - 1] === CARRIAGE_RETURN && cut === 0) {
      buffer = buffer.subarray(0, buffer.length - 1);
    }
    lineNo += 1;
    onLine({ no: lineNo, text: buffer.toString('utf8'), cutBytes: cut });
    parts = [];
    kept = 0;
    cut = 0;
  };

  for await (const chunk of chunks) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (sniffed < options.sniffBytes) {
      const window = data.subarray(0, options.sniffBytes - sniffed);
      if (window.includes(0)) {
        throw new InputError(`binary data (a NUL byte within the first ${options.sniffBytes} bytes), not a build log`);
      }
      sniffed += window.length;
    }
    bytes += data.length;
    let start = 0;
    for (;;) {
      const end = data.indexOf(NEWLINE, start);
      if (end === -1) break;
      append(data.subarray(start, end));
      emit();
      start = end + 1;
    }
    if (start < data.length) append(data.subarray(start));
  }
  if (kept > 0 || cut > 0) emit();
  return { lines: lineNo, bytes };
}
