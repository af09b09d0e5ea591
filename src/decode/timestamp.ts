// GitHub's runner writes `2025-09-24T01:56:21.9780659Z` (seven fractional digits). Date.parse accepts
// it, but this is called for every line of a log, so the date part is cached and only the time of day
// is computed per line.

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

let cachedDate = '';
let cachedDateMs = 0;

/** Milliseconds since the epoch, or null when `text` is not a runner timestamp. */
export function parseRunnerTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, date, hh, mm, ss, fraction] = match;
  if (date !== cachedDate) {
    const dayMs = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(dayMs)) return null;
    cachedDate = date!;
    cachedDateMs = dayMs;
  }
  const h = Number(hh);
  const m = Number(mm);
  const s = Number(ss);
  if (h > 23 || m > 59 || s > 60) return null;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}
