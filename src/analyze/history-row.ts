import type { Analysis } from './analyze.js';
import type { BuildStatus } from '../model.js';
import { round } from './metrics.js';

/** What a run is, beyond its logs: the API knows it, a saved log file only partly. */
export interface RunFacts {
  runId: number | null;
  runNumber: number | null;
  url: string | null;
  /** When the run started (ISO 8601), null when unknown. */
  date: string | null;
  event: string | null;
  branch: string | null;
}

/** One component (a job, a matrix leg) of one run. */
export interface ComponentTime {
  name: string;
  /** First to last line of the job's log. */
  jobSeconds: number | null;
  /** The job's builds together (a job may build more than once). */
  buildSeconds: number | null;
  status: BuildStatus;
}

/** One line of the benchmark table. */
export interface HistoryRow extends RunFacts {
  /** Cache hits over all cacheable steps of the run, null when it had none. */
  cacheRatio: number | null;
  components: ComponentTime[];
}

const STATUS_ORDER: BuildStatus[] = ['failure', 'canceled', 'unknown', 'success'];

/**
 * A run's analysis folded into its table row. A component is a job: the builds of one job (`Build
 * runtime #1`, `#2`) add up, and the job's minutes are counted once, as the runbook counts them.
 */
export function historyRow(analysis: Analysis, facts: RunFacts): HistoryRow {
  const components = new Map<string, ComponentTime>();
  for (const { build } of analysis.builds) addToComponent(components, build.job ?? build.name.replace(/ #\d+$/, ''), build);
  // Builds past the listing limit were summed per job as they were folded (analyze/build-budget.ts).
  for (const job of analysis.omittedBuilds?.jobs ?? []) addToComponent(components, job.name, job);
  return { ...facts, cacheRatio: analysis.cacheHitRatio, components: [...components.values()] };
}

/** Adds a build (or a job's omitted builds, already summed) to its job's component. */
function addToComponent(components: Map<string, ComponentTime>, name: string, part: Omit<ComponentTime, 'name'>): void {
  const known = components.get(name);
  if (!known) {
    components.set(name, { name, jobSeconds: part.jobSeconds, buildSeconds: part.buildSeconds, status: part.status });
    return;
  }
  known.jobSeconds = maxOf(known.jobSeconds, part.jobSeconds);
  known.buildSeconds =
    known.buildSeconds === null || part.buildSeconds === null ? (known.buildSeconds ?? part.buildSeconds) : round(known.buildSeconds + part.buildSeconds, 1);
  if (STATUS_ORDER.indexOf(part.status) < STATUS_ORDER.indexOf(known.status)) known.status = part.status;
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
