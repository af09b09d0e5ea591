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
  for (const { build } of analysis.builds) {
    const name = build.job ?? build.name.replace(/ #\d+$/, '');
    const known = components.get(name);
    if (!known) {
      components.set(name, { name, jobSeconds: build.jobSeconds, buildSeconds: build.buildSeconds, status: build.status });
      continue;
    }
    known.jobSeconds = maxOf(known.jobSeconds, build.jobSeconds);
    known.buildSeconds =
      known.buildSeconds === null || build.buildSeconds === null
        ? (known.buildSeconds ?? build.buildSeconds)
        : round(known.buildSeconds + build.buildSeconds, 1);
    if (STATUS_ORDER.indexOf(build.status) < STATUS_ORDER.indexOf(known.status)) known.status = build.status;
  }
  return { ...facts, cacheRatio: analysis.cacheHitRatio, components: [...components.values()] };
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
