import type { Build, BuildStatus, OmittedBuilds, OmittedJob } from '../model.js';
import { analyzeBuild, type AnalysisInputs } from './analyze.js';
import { cacheStats, round, runnerSecondsOf } from './metrics.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './rule.js';

/**
 * Builds an analysis lists one by one; past this, the least telling are folded into counts. 256 is
 * the most jobs one GitHub matrix can make, so the jobs of a real workflow run are always listed;
 * a log holding more builds than that is a concatenation (a benchmark, a long-running builder's
 * history) whose reader wants the failures, the slow ones and the totals, not thousands of rows.
 * It also bounds memory: a listed build keeps its steps (up to 1,000) and failure excerpts.
 */
export const MAX_LISTED_BUILDS = 256;
/** Jobs counted one by one among the omitted builds (for the history row's time per job). */
export const MAX_OMITTED_JOBS = 256;

const STATUS_ORDER: BuildStatus[] = ['failure', 'canceled', 'unknown', 'success'];

/** What a build is worth keeping, from least to most: the order eviction reads it in. */
const Tier = {
  Ordinary: 0,
  /** Exported or pushed images, build checks, a cache import that found nothing, notes, error lines. */
  Notable: 1,
  /** Canceled or unfinished. */
  Unfinished: 2,
  Failed: 3,
} as const;
type Tier = (typeof Tier)[keyof typeof Tier];

interface Entry {
  build: Build;
  /** Where the build is in the input (sources in order, then builds in order): reports keep this order. */
  position: number;
  tier: Tier;
  seconds: number;
}

/**
 * The analysis' budget of listed builds. Builds are handed over as the parser closes them (in any
 * order across sources: each carries its position); at most `limit` are held. When one more
 * arrives, the least telling build that is neither the first nor the last of the input is folded
 * into `omitted()`: its status, steps, cache hits, time, images, findings and job. Which builds
 * stay, most telling first: failures (the earliest first: a root cause comes before what it
 * took down), canceled and unfinished builds, notable ones, then the rest; within a kind the
 * slowest first. Memory is bounded by the limit, not by the log.
 */
export class BuildBudget {
  private readonly entries: Entry[] = [];
  private readonly summary: OmittedBuilds = emptySummary();
  private readonly jobs = new Map<string, OmittedJob>();
  private readonly weighOptions: AnalysisOptions;

  constructor(
    private readonly limit = MAX_LISTED_BUILDS,
    options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS,
    private readonly inputs: Pick<AnalysisInputs, 'catalog'> = {},
  ) {
    // The rules count a folded build's findings; without the workspace they touch no file.
    this.weighOptions = { ...options, workspace: null };
  }

  /** Takes a closed build at `position` (larger is later in the input). */
  add(build: Build, position: number): void {
    this.entries.push(this.entryFor(build, position));
    if (this.entries.length > Math.max(2, this.limit)) this.fold(this.victim());
  }

  /** The listed builds, in input order. */
  builds(): Build[] {
    return [...this.entries].sort((a, b) => a.position - b.position).map((e) => e.build);
  }

  /** What is known of the folded builds, or null when every build is listed. */
  omitted(): OmittedBuilds | null {
    if (this.summary.count === 0) return null;
    return { ...this.summary, runnerSeconds: round(this.summary.runnerSeconds, 1), jobs: [...this.jobs.values()] };
  }

  private entryFor(build: Build, position: number): Entry {
    return { build, position, tier: tierOf(build), seconds: build.buildSeconds ?? build.jobSeconds ?? 0 };
  }

  /** The index of the least telling entry that is neither the first nor the last of the input. */
  private victim(): number {
    let first = 0;
    let last = 0;
    for (let i = 1; i < this.entries.length; i++) {
      if (this.entries[i]!.position < this.entries[first]!.position) first = i;
      if (this.entries[i]!.position > this.entries[last]!.position) last = i;
    }
    let victim = -1;
    for (let i = 0; i < this.entries.length; i++) {
      if (i === first || i === last) continue;
      // The current choice tells more than this one: this one goes instead.
      if (victim === -1 || moreTelling(this.entries[i]!, this.entries[victim]!)) victim = i;
    }
    return victim;
  }

  private fold(index: number): void {
    const [entry] = this.entries.splice(index, 1);
    const { build } = entry!;
    const s = this.summary;
    s.count++;
    s.statuses[build.status]++;
    s.steps += build.steps.length + (build.omittedSteps?.count ?? 0);
    const cache = cacheStats(build);
    s.cacheHits += cache.hits;
    s.cacheMisses += cache.misses;
    // As the verdict counts runner time (a job's once) and the run's duration (build first).
    const runner = runnerSecondsOf(build);
    if (runner !== null) {
      s.runnerSeconds += runner;
      s.runnerJobs++;
    }
    const seconds = build.buildSeconds ?? build.jobSeconds;
    if (seconds !== null) s.maxSeconds = Math.max(s.maxSeconds ?? 0, seconds);
    s.images += build.images.length;
    s.pushedImages += build.images.filter((i) => i.pushed).length;
    // Its findings are counted (a fail-on policy must see them), by the rules alone: a failure that is
    // not listed is not diagnosed against the catalog. Analysed only now, so that each build is
    // analysed once whether it is listed or not.
    for (const finding of analyzeBuild(build, this.weighOptions, this.inputs).findings) s.findings[finding.severity]++;
    this.countJob(build);
  }

  /** Sums the build into its job's row, as the history row sums a job's listed builds. */
  private countJob(build: Build): void {
    const name = build.job ?? build.name.replace(/ #\d+$/, '');
    let job = this.jobs.get(name);
    if (!job) {
      if (this.jobs.size >= MAX_OMITTED_JOBS) {
        this.summary.buildsOfUnlistedJobs++;
        return;
      }
      job = { name, builds: 0, jobSeconds: null, buildSeconds: null, status: build.status };
      this.jobs.set(name, job);
    }
    job.builds++;
    if (build.jobSeconds !== null) job.jobSeconds = Math.max(job.jobSeconds ?? 0, build.jobSeconds);
    if (build.buildSeconds !== null) job.buildSeconds = round((job.buildSeconds ?? 0) + build.buildSeconds, 1);
    if (STATUS_ORDER.indexOf(build.status) < STATUS_ORDER.indexOf(job.status)) job.status = build.status;
  }
}

function emptySummary(): OmittedBuilds {
  return {
    count: 0,
    statuses: { success: 0, failure: 0, canceled: 0, unknown: 0 },
    steps: 0,
    cacheHits: 0,
    cacheMisses: 0,
    runnerSeconds: 0,
    runnerJobs: 0,
    maxSeconds: null,
    images: 0,
    pushedImages: 0,
    findings: { error: 0, warning: 0, notice: 0 },
    jobs: [],
    buildsOfUnlistedJobs: 0,
  };
}

/**
 * From the model alone: analysing every build as it arrives to learn its findings would analyse the
 * listed ones twice. What makes the rules' findings is here in its own terms: a failure or an error
 * line, build checks, a cache import that found nothing, notes (a cut log, omitted steps), images
 * (their size is measured and compared); slow and emulated builds are among the slowest.
 */
function tierOf(build: Build): Tier {
  if (build.status === 'failure') return Tier.Failed;
  if (build.status === 'canceled' || build.status === 'unknown') return Tier.Unfinished;
  const notable =
    build.images.length > 0 ||
    build.checks.length > 0 ||
    (build.cache.warnings?.length ?? 0) > 0 ||
    build.notes.length > 0 ||
    build.errors.length > 0 ||
    build.steps.some((s) => s.status === 'error');
  return notable ? Tier.Notable : Tier.Ordinary;
}

/** Whether `b` is more telling than `a` (so `a` goes first). */
function moreTelling(a: Entry, b: Entry): boolean {
  if (a.tier !== b.tier) return b.tier > a.tier;
  // Among failures the earliest is the likeliest root cause; among the others the slowest tells most.
  if (a.tier !== Tier.Failed && a.seconds !== b.seconds) return b.seconds > a.seconds;
  return b.position < a.position;
}
