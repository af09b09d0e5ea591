import type { Build, BuildStatus, Finding, OmittedBuilds } from '../model.js';
import type { InputProblem } from '../parse/parse-source.js';
import { cacheStats, round, timing, type CacheStats, type Timing } from './metrics.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './rule.js';
import { RULES } from './rules/index.js';
import { tolerateAllowedFailure } from './allowed-failure.js';
import { rankFindings } from './rank.js';
import type { DiagnosisResult } from '../diagnose/diagnose.js';
import type { Signature } from '../diagnose/catalog.js';
import { builtinSignatures } from '../diagnose/load-catalog.js';
import { linkCanceledToFailures } from './run-level.js';
import { groupFindings, type FindingGroup } from './group.js';
import type { Comparison } from '../compare/compare.js';

export interface BuildAnalysis {
  build: Build;
  cache: CacheStats;
  timing: Timing;
  /** This build's findings, most likely root cause first. */
  findings: Finding[];
}

export interface Analysis {
  builds: BuildAnalysis[];
  /** Every finding of every build, most likely root cause first. */
  findings: Finding[];
  /** The same findings as the reports show them: one per kind over builds, root cause first. */
  groups: FindingGroup[];
  problems: InputProblem[];
  /** The worst status of all builds (`unknown` when there is none). */
  status: BuildStatus;
  /** Cache hits over all builds' cacheable steps. */
  cacheHitRatio: number | null;
  /** The longest build (for a matrix, the slowest component), in seconds. */
  durationSeconds: number | null;
  /**
   * Builds counted but not listed (past MAX_LISTED_BUILDS: analyze/build-budget.ts), null when all are.
   * `status`, `cacheHitRatio` and `durationSeconds` count them; the lists above do not hold them.
   */
  omittedBuilds: OmittedBuilds | null;
  /** Against a baseline run (`--baseline`, the action's `baseline`), set after the analysis when asked. */
  comparison?: Comparison;
}

const STATUS_ORDER: BuildStatus[] = ['failure', 'canceled', 'unknown', 'success'];

export interface AnalysisInputs {
  diagnosis?: DiagnosisResult;
  catalog?: Signature[];
  /** What is known of the builds not listed (the budget's fold), when there were too many. */
  omittedBuilds?: OmittedBuilds | null;
}

/** The catalog by id, made once per catalog (the budget analyses every build of a long log). */
const catalogMaps = new WeakMap<Signature[], Map<string, Signature>>();

function catalogMap(catalog: Signature[]): Map<string, Signature> {
  let map = catalogMaps.get(catalog);
  if (!map) {
    map = new Map(catalog.map((s) => [s.id, s]));
    catalogMaps.set(catalog, map);
  }
  return map;
}

export function analyzeBuild(build: Build, options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS, inputs: AnalysisInputs = {}): BuildAnalysis {
  const catalog = catalogMap(inputs.catalog ?? builtinSignatures());
  const diagnosis = inputs.diagnosis?.byBuild.get(build) ?? null;
  const context = { build, cache: cacheStats(build), timing: timing(build), options, diagnosis, catalog };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const finding of tolerateAllowedFailure(build, rule.run(context))) findings.push({ ...finding, build: build.name, source: build.source });
  }
  return { build, cache: context.cache, timing: context.timing, findings: rankFindings(findings) };
}

export function analyze(builds: Build[], problems: InputProblem[], options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS, inputs: AnalysisInputs = {}): Analysis {
  const analyses = linkCanceledToFailures(builds.map((build) => analyzeBuild(build, options, inputs)));
  const omitted = inputs.omittedBuilds ?? null;
  // The run's numbers count the builds that are not listed: they were summed as they were folded.
  let hits = omitted?.cacheHits ?? 0;
  let total = hits + (omitted?.cacheMisses ?? 0);
  for (const { cache } of analyses) {
    hits += cache.hits;
    total += cache.hits + cache.misses;
  }
  const durations = builds.map((b) => b.buildSeconds ?? b.jobSeconds).filter((s): s is number => s !== null);
  const longestOmitted = omitted?.maxSeconds ?? null;
  if (longestOmitted !== null) durations.push(longestOmitted);
  const present = (s: BuildStatus) => builds.some((b) => b.status === s) || (omitted?.statuses[s] ?? 0) > 0;
  const status = builds.length === 0 ? 'unknown' : (STATUS_ORDER.find(present) ?? 'unknown');
  const findings = rankFindings(analyses.flatMap((a) => a.findings));
  return {
    builds: analyses,
    findings,
    groups: groupFindings(findings),
    problems,
    status,
    cacheHitRatio: total === 0 ? null : round(hits / total, 3),
    durationSeconds: durations.length ? Math.max(...durations) : null,
    omittedBuilds: omitted,
  };
}
