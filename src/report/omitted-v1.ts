// The JSON report's account of the builds and steps it counted but did not list (schemaVersion 1,
// part of ReportV1: see report-v1.ts). Kept apart so that the report's main type file stays readable.
import type { BuildStatusV1, Integer } from './report-v1.js';

/**
 * The builds counted but not listed. Past 256 builds, those a reader needs are listed (failing,
 * canceled and unfinished builds, the slowest, those with images, build checks, notes or error lines,
 * the first and the last of the input) and the others are counted here.
 */
export interface OmittedBuildsV1 {
  count: Integer;
  /** How many of them ended with each status. */
  statuses: { success: Integer; failure: Integer; canceled: Integer; unknown: Integer };
  /** Their steps, listed and omitted. */
  steps: Integer;
  /** Of their cacheable steps, how many hit and missed the cache (included in `cacheHitRatio`). */
  cacheHits: Integer;
  cacheMisses: Integer;
  /** Their job times added up, in seconds, each job's counted with its first build whether that build is listed or folded (build time where the job's is unknown): the runner time they took. */
  runnerSeconds: number;
  /** The longest of them (build time, else job time), in seconds (included in `durationSeconds`); null when none was timed. */
  maxSeconds: number | null;
  /** Images they exported, and how many of those were pushed. */
  images: Integer;
  pushedImages: Integer;
  /** Their findings by severity (the rules' findings; failures among them were not diagnosed against the signatures). */
  findings: { error: Integer; warning: Integer; notice: Integer };
  /** Per job (a build's `job`, else its name without `#N`), at most 256 jobs: their builds summed as the history row sums them. */
  jobs: OmittedJobV1[];
  /** Builds of jobs past those 256, counted only here and in the totals above. */
  buildsOfUnlistedJobs: Integer;
}

/** One job's omitted builds. */
export interface OmittedJobV1 {
  name: string;
  builds: Integer;
  /** The longest job time among them, in seconds. */
  jobSeconds: number | null;
  /** Their build times added up, in seconds. */
  buildSeconds: number | null;
  /** The worst of their statuses. */
  status: BuildStatusV1;
}

export interface OmittedStepsV1 {
  count: Integer;
  /** How many of them were CACHED. */
  cached: Integer;
  /** The longest of them, in seconds. */
  maxSeconds: number;
}
