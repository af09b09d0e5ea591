import type { Build, Finding } from '../model.js';
import type { CacheStats, Timing } from './metrics.js';

export interface AnalysisOptions {
  /** A build over this many minutes gets a `slow-build` finding. */
  maxBuildMinutes: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { maxBuildMinutes: 60 };

/** What every rule sees: the build and the numbers computed once for it. */
export interface RuleContext {
  build: Build;
  cache: CacheStats;
  timing: Timing;
  options: AnalysisOptions;
}

/** A finding without the fields every finding of a build shares. */
export type RuleFinding = Omit<Finding, 'build' | 'source'>;

/** One kind of finding. A new finding is one new rule module plus a line in `rules/index.ts`. */
export interface Rule {
  /** The finding ids this rule can produce. */
  ids: string[];
  run(context: RuleContext): RuleFinding[];
}
