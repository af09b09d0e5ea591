import type { Build, Finding } from '../model.js';
import type { CacheStats, Timing } from './metrics.js';
import type { BuildDiagnosis } from '../diagnose/diagnose.js';
import type { Signature } from '../diagnose/catalog.js';

export interface AnalysisOptions {
  /** A build over this many minutes gets a `slow-build` finding. */
  maxBuildMinutes: number;
  /** The repository checkout, to point findings at files in it; null when there is none. */
  workspace: string | null;
  /** An image over this many compressed bytes (any platform) gets an `image-too-large` finding. */
  maxImageBytes?: number | null;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { maxBuildMinutes: 60, workspace: null, maxImageBytes: null };

/** What every rule sees: the build and the numbers computed once for it. */
export interface RuleContext {
  build: Build;
  cache: CacheStats;
  timing: Timing;
  options: AnalysisOptions;
  /** What the failure signatures found, for builds that needed a diagnosis. */
  diagnosis: BuildDiagnosis | null;
  /** The signature catalog by id: the advice of rule-based findings comes from it, so teams can override it. */
  catalog: Map<string, Signature>;
}

/** A finding without the fields every finding of a build shares. */
export type RuleFinding = Omit<Finding, 'build' | 'source'>;

/** One kind of finding. A new finding is one new rule module plus a line in `rules/index.ts`. */
export interface Rule {
  /** The finding ids this rule can produce. */
  ids: string[];
  run(context: RuleContext): RuleFinding[];
}
