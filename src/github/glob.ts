import { minimatch } from 'minimatch';

// Job names are not paths: `Build (linux/amd64)` and a reusable workflow's `caller / build` hold a
// slash that `*` must cross. minimatch splits patterns at `/`, so the slash is swapped for a
// character neither a job name nor a pattern holds before matching.
const SLASH_STAND_IN = '\u0000';
const OPTIONS = {
  nocase: true,
  dot: true,
  // `!pattern` is an exclusion handled below; `#` and `(` are ordinary characters in job names.
  nonegate: true,
  nocomment: true,
  noext: true,
} as const;

/** `Build *`, `build (?*)`, `Build {amd64,arm64}`: minimatch syntax on job names, any case; `!pattern` excludes. */
export function matchesAny(name: string, patterns: string[]): boolean {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const subject = name.replaceAll('/', SLASH_STAND_IN);
  const test = (pattern: string) => minimatch(subject, pattern.trim().replaceAll('/', SLASH_STAND_IN), OPTIONS);
  return (include.length === 0 || include.some(test)) && !exclude.some(test);
}
