import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { BuildStatus } from '../model.js';
import { findCacheBreak, type CacheBreak } from './cache-break.js';
import { buildDeltas, type BuildDeltas } from './deltas.js';
import { readDockerfile, type Dockerfile } from './dockerfile.js';
import { matchBuilds } from './match-builds.js';

export type { CacheBreak, CacheBreakReason } from './cache-break.js';
export type { BuildDeltas } from './deltas.js';

export interface CompareOptions {
  /** The repository checkout, to read the Dockerfile (tells a build argument from an edit, gives its line). */
  workspace?: string | null;
  /** How the reports name the baseline, e.g. `run 123 on main` or the baseline's log files. */
  baselineLabel?: string;
}

/** The baseline build a build was compared with. */
export interface BaselineBuild {
  /** The baseline as labelled (`run 123 on main`), null when not given. */
  run: string | null;
  name: string;
  status: BuildStatus;
  buildSeconds: number | null;
  jobSeconds: number | null;
  cacheRatio: number | null;
}

export interface BuildComparison {
  /** The build of this run (its name), in the order of `Analysis.builds`. */
  build: string;
  /** Its counterpart in the baseline; null without a baseline or when the baseline has no such build. */
  baseline: BaselineBuild | null;
  /** Where the cache broke and why; null when nothing broke (or nothing tells). */
  cacheBreak: CacheBreak | null;
  /** Null without a baseline build. */
  deltas: BuildDeltas | null;
}

export interface Comparison {
  /** Whether there was a baseline run at all. */
  hasBaseline: boolean;
  baselineLabel: string | null;
  /** Why there is no baseline, or what to know about it, for the reports. */
  note: string | null;
  /** One per build of this run, in the same order. */
  builds: BuildComparison[];
}

/**
 * Compares each build with its baseline build. Without a baseline (`null`), a build that had cache
 * hits and then a miss still gets its cache break, from its own log.
 */
export function compareAnalyses(head: Analysis, baseline: Analysis | null, options: CompareOptions): Comparison {
  const label = options.baselineLabel ?? null;
  const matches = baseline ? matchBuilds(head.builds, baseline.builds) : head.builds.map(() => undefined);
  const dockerfiles = new Map<string, Dockerfile | null>();
  const dockerfileFor = (b: BuildAnalysis) => {
    const key = b.build.request.dockerfile ?? 'Dockerfile';
    if (!dockerfiles.has(key)) dockerfiles.set(key, readDockerfile(options.workspace, b.build.request.dockerfile));
    return dockerfiles.get(key)!;
  };
  const builds = head.builds.map((b, i): BuildComparison => {
    const base = matches[i];
    const context = { dockerfile: dockerfileFor(b) };
    return {
      build: b.build.name,
      baseline: base
        ? {
            run: label,
            name: base.build.name,
            status: base.build.status,
            buildSeconds: base.build.buildSeconds,
            jobSeconds: base.build.jobSeconds,
            cacheRatio: base.cache.ratio,
          }
        : null,
      cacheBreak: findCacheBreak(b.build, baseline ? base?.build : null, context),
      deltas: base ? buildDeltas(b, base) : null,
    };
  });
  let note: string | null = null;
  if (!baseline) note = "no baseline to compare with: the cache break is told from this run's own logs";
  else if (baseline.builds.length === 0) note = `the baseline${label ? ` (${label})` : ''} has no build`;
  else if (builds.every((b) => b.baseline === null)) note = `no build of this run is in the baseline${label ? ` (${label})` : ''}`;
  return { hasBaseline: baseline !== null, baselineLabel: label, note, builds };
}
