import type { Build, Step } from '../model.js';

export interface CacheStats {
  /** Cacheable steps that BuildKit reported CACHED. */
  hits: number;
  /** Cacheable steps that ran. */
  misses: number;
  /** hits / (hits + misses), null when the build has no cacheable step that finished. */
  ratio: number | null;
}

export interface TimedStep {
  name: string;
  platform: string | null;
  seconds: number;
  line: number;
}

export interface Timing {
  /** The slowest steps that ran (not cached), slowest first. */
  slowestSteps: TimedStep[];
  /** Seconds of Dockerfile steps per platform (`default` when the build names none). */
  platformSeconds: Record<string, number>;
  cacheImportSeconds: number;
  cacheExportSeconds: number;
  /** Share of the build time spent exporting the cache, null without a build duration. */
  cacheExportShare: number | null;
}

const SLOWEST = 5;

/**
 * Steps that can hit the build cache: Dockerfile instructions other than FROM. A FROM shown as
 * CACHED means the base image was already in the builder, not that the build cache matched, so
 * counting it would report hits on a build that rebuilt everything.
 */
export function isCacheable(step: Step): boolean {
  return step.kind === 'instruction' && step.instruction !== 'FROM' && step.status !== 'running' && step.status !== 'canceled';
}

export function cacheStats(build: Build): CacheStats {
  let hits = 0;
  let misses = 0;
  for (const step of build.steps) {
    if (!isCacheable(step)) continue;
    if (step.cached) hits++;
    else misses++;
  }
  // Steps past the listing limit were counted when they were dropped (parse/step-budget.ts).
  hits += build.omittedSteps?.cacheHits ?? 0;
  misses += build.omittedSteps?.cacheMisses ?? 0;
  const total = hits + misses;
  return { hits, misses, ratio: total === 0 ? null : round(hits / total, 3) };
}

export function timing(build: Build): Timing {
  const ran = build.steps.filter((s) => !s.cached && s.seconds !== null && s.seconds > 0 && s.kind !== 'internal' && s.kind !== 'auth');
  const slowestSteps = [...ran]
    .sort((a, b) => b.seconds! - a.seconds!)
    .slice(0, SLOWEST)
    .map((s) => ({ name: s.name, platform: s.platform, seconds: s.seconds!, line: s.line }));
  const platformSeconds: Record<string, number> = {};
  for (const step of build.steps) {
    if (step.kind !== 'instruction' || step.seconds === null) continue;
    const key = step.platform ?? 'default';
    platformSeconds[key] = round((platformSeconds[key] ?? 0) + step.seconds, 1);
  }
  for (const [key, seconds] of Object.entries(build.omittedSteps?.platformSeconds ?? {}))
    platformSeconds[key] = round((platformSeconds[key] ?? 0) + seconds, 1);
  const sum = (kind: 'imports' | 'exports'): number =>
    round(
      build.cache[kind].reduce((total, op) => total + (op.seconds ?? 0), 0),
      1,
    );
  const cacheExportSeconds = sum('exports');
  return {
    slowestSteps,
    platformSeconds,
    cacheImportSeconds: sum('imports'),
    cacheExportSeconds,
    cacheExportShare: build.buildSeconds ? round(cacheExportSeconds / build.buildSeconds, 3) : null,
  };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The runner time a build accounts for, in seconds: its job's time (first to last timestamp), else
 * its build time; null for a later build of a job whose time its first build already counts (the
 * builds of one job share that time), and for a build with no time at all.
 */
export function runnerSecondsOf(build: Pick<Build, 'jobSeconds' | 'buildSeconds' | 'indexInJob'>): number | null {
  if (build.jobSeconds !== null && (build.indexInJob ?? 0) > 0) return null;
  return build.jobSeconds ?? build.buildSeconds;
}
