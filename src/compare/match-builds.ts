import type { BuildAnalysis } from '../analyze/analyze.js';

/**
 * Pairs each build of this run with the baseline's: same job (matrix leg) and build name first, then
 * the same name, then the same job; builds left over on both sides are paired in order (two single
 * logs given to the CLI carry their file names, which differ). Each baseline build is used once.
 * Returns, per head build in order, its baseline build or undefined.
 */
export function matchBuilds(head: BuildAnalysis[], baseline: BuildAnalysis[]): Array<BuildAnalysis | undefined> {
  const result: Array<BuildAnalysis | undefined> = head.map(() => undefined);
  const free = new Set(baseline);
  const pass = (same: (a: BuildAnalysis, b: BuildAnalysis) => boolean) => {
    head.forEach((h, i) => {
      if (result[i]) return;
      const match = [...free].find((b) => same(h, b));
      if (match) {
        result[i] = match;
        free.delete(match);
      }
    });
  };
  pass((a, b) => a.build.job === b.build.job && a.build.name === b.build.name);
  pass((a, b) => a.build.name === b.build.name);
  pass((a, b) => a.build.job !== null && a.build.job === b.build.job);
  const leftHead = head.map((_, i) => i).filter((i) => !result[i]);
  const leftBase = [...free];
  if (leftHead.length === leftBase.length) leftHead.forEach((i, n) => (result[i] = leftBase[n]));
  return result;
}
