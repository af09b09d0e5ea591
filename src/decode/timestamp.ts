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
