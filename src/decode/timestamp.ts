// GitHub's runner writes `2025-09-24T01:56:21.9780659Z` (seven fractional digits). This runs for
// every line of a log, so it reads digits by char code (no regex, no Date.parse per line) and caches
// the date part, which changes once a day of log.

let cachedDate = '';
let cachedDateMs = 0;

const ZERO = 48;

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Milliseconds since the epoch, or null when `text` is not a runner timestamp. */
export function parseRunnerTimestamp(text: string): number | null {
  // YYYY-MM-DDTHH:MM:SS[.fffffff]Z
  if (text.length < 20 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(text.length - 1) !== 90 /* Z */) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const date = text.slice(0, 10);
  if (date !== cachedDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const dayMs = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(dayMs)) return null;
    cachedDate = date;
    cachedDateMs = dayMs;
  }
  const h = digits(text, 11, 2);
  const m = digits(text, 14, 2);
  const s = digits(text, 17, 2);
  if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 60) return null;
  let ms = 0;
  const end = text.length - 1;
  if (end > 19) {
    if (text.charCodeAt(19) !== 46 /* . */ || end === 20) return null;
    const fraction = digits(text, 20, Math.min(3, end - 20));
    if (fraction < 0 || digits(text, 20, end - 20) < 0) return null;
    ms = end - 20 >= 3 ? fraction : fraction * 10 ** (3 - (end - 20));
  } else if (end !== 19) {
    return null;
  }
  return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

/**
 * The same for a timestamp still in bytes: `bytes[start, end)` already known to have the runner
 * timestamp's shape (`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z`, so ASCII). Same result as
 * parseRunnerTimestamp on its text, without making the text (only when the day changes).
 */
export function parseRunnerTimestampBytes(bytes: Uint8Array, start: number, end: number): number | null {
  let sameDay = cachedDate.length === 10;
  for (let i = 0; sameDay && i < 10; i++) sameDay = bytes[start + i] === cachedDate.charCodeAt(i);
  if (!sameDay) return parseRunnerTimestamp(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
  const h = (bytes[start + 11]! - ZERO) * 10 + bytes[start + 12]! - ZERO;
  const m = (bytes[start + 14]! - ZERO) * 10 + bytes[start + 15]! - ZERO;
  const s = (bytes[start + 17]! - ZERO) * 10 + bytes[start + 18]! - ZERO;
  if (h > 23 || m > 59 || s > 60) return null;
  const fractionDigits = end - start - 21;
  let ms = 0;
  for (let i = 0; i < 3; i++) ms = ms * 10 + (i < fractionDigits ? bytes[start + 20 + i]! - ZERO : 0);
  return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const LETTER_T = 84;
const LETTER_Z = 90;

/** The two digits at `at` as a number, or -1. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const a = bytes[at]! - ZERO;
  const b = bytes[at + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Reads a runner timestamp from its bytes in one pass, shape and value: the step-line shortcut's
 * way, where the shape was checked first and the same bytes were then read again for the value.
 * read() gives what parseRunnerTimestamp gives for the text `bytes[at, end)` when those bytes have
 * the runner's shape (`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z`) and `end` is just past its
 * `Z` (then kept in `end`); null when they do not, or the value is not a time. The bytes after the
 * timestamp need not be checked: the shape ends at its `Z`, and a line's LF is no part of it.
 */
export class RunnerTimestampReader {
  /** Where the last timestamp read() accepted ends (just past its `Z`). */
  end = 0;

  read(bytes: Uint8Array, at: number): number | null {
    // The day is most often the one before: its bytes are compared, its shape and value known.
    let sameDay = cachedDate.length === 10;
    for (let i = 0; sameDay && i < 10; i++) sameDay = bytes[at + i] === cachedDate.charCodeAt(i);
    if (
      !sameDay &&
      (twoDigits(bytes, at) < 0 ||
        twoDigits(bytes, at + 2) < 0 ||
        bytes[at + 4] !== DASH ||
        twoDigits(bytes, at + 5) < 0 ||
        bytes[at + 7] !== DASH ||
        twoDigits(bytes, at + 8) < 0)
    )
      return null;
    if (bytes[at + 10] !== LETTER_T || bytes[at + 13] !== COLON || bytes[at + 16] !== COLON) return null;
    const h = twoDigits(bytes, at + 11);
    const m = twoDigits(bytes, at + 14);
    const s = twoDigits(bytes, at + 17);
    if (h < 0 || m < 0 || s < 0) return null;
    let k = at + 19;
    let ms = 0;
    if (bytes[k] === DOT) {
      k++;
      const from = k;
      for (let d = bytes[k]! - ZERO; d >= 0 && d <= 9; d = bytes[++k]! - ZERO) if (k - from < 3) ms = ms * 10 + d;
      if (k === from) return null;
      // Fewer than three digits are tenths or hundredths.
      for (let digits = k - from; digits < 3; digits++) ms *= 10;
    }
    if (bytes[k] !== LETTER_Z) return null;
    this.end = k + 1;
    if (!sameDay) return parseRunnerTimestamp(Buffer.from(bytes.buffer, bytes.byteOffset + at, k + 1 - at).toString('latin1'));
    if (h > 23 || m > 59 || s > 60) return null;
    return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
  }
}
