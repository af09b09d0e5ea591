// How both parsers name a build and time its job: the same input read as plain or rawjson progress
// gives the same names and job seconds.

/** `logs/build-runtime.log` -> `build-runtime`: the file name is what a person calls the build. */
export function buildNameOf(source: string): string {
  const file = source.split(/[\\/]/).pop() || source;
  return file === '-' ? 'stdin' : file.replace(/\.(log|txt|out|err|stderr|stdout)$/i, '') || file;
}

/** The name of build `index` (from 0) of `count` found under one name: numbered only when there are several. */
export function numberedName(base: string, index: number, count: number): string {
  return count > 1 ? `${base} #${index + 1}` : base;
}

/** Seconds between a job's first and last timestamped line (to a tenth), or null without timestamps. */
export function jobSecondsBetween(firstTs: number | null, lastTs: number | null): number | null {
  return firstTs !== null && lastTs !== null ? Math.round((lastTs - firstTs) / 100) / 10 : null;
}
