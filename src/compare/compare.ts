// Replaced by part A at merge
import type { Analysis } from '../analyze/analyze.js';

export interface Comparison {
  baselineLabel: string | null;
}

export function compareAnalyses(_head: Analysis, _baseline: Analysis | null, options: { workspace?: string | null; baselineLabel?: string }): Comparison {
  return { baselineLabel: options.baselineLabel ?? null };
}
