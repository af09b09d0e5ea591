// The benchmark rows' public shape, history schema version 1: what the action's `history-file` and
// `buildx-doctor history --format json` write. A document of its own, versioned apart from the
// report. schema/history-v1.schema.json is generated from this file (`npm run schema`); the doc
// comments are its descriptions.

import type { BuildStatusV1, Integer, ToolV1 } from './report-v1.js';

export interface HistoryV1 {
  /** Bumped only when a field is renamed or removed or changes meaning; fields are added within a version. */
  schemaVersion: 1;
  tool: ToolV1;
  /** Oldest first; runs without a date last, in the order given. */
  runs: HistoryRunV1[];
}

/** One workflow run: one row of the benchmark table. */
export interface HistoryRunV1 {
  /** Null when unknown (a saved log whose name has no run id). */
  runId: Integer | null;
  /** The workflow's run number; null from a saved log. */
  runNumber: Integer | null;
  /** The run's page; null from a saved log. */
  url: string | null;
  /**
   * When the run started (the log's first timestamp for a saved log), null when unknown.
   * @format date-time
   */
  date: string | null;
  /** The event that started the run (`push`, `pull_request`); null from a saved log. */
  event: string | null;
  /** Null from a saved log. */
  branch: string | null;
  /** Cache hits over all cacheable steps of the run, `0` to `1`; null when none. */
  cacheRatio: number | null;
  /** `warm` (cacheRatio of at least 0.5), `cold`, or null without a cacheRatio. */
  cache: 'warm' | 'cold' | null;
  /** One per job (matrix leg), in the order the run lists them; empty when the run's logs could not be read. */
  components: HistoryComponentV1[];
}

/** One job (a matrix leg) of a run. */
export interface HistoryComponentV1 {
  name: string;
  status: BuildStatusV1;
  /** First to last line of the job's log, in seconds; null without timestamps. */
  jobSeconds: number | null;
  /** The job's builds together, in seconds (a job may build more than once); null when unknown. */
  buildSeconds: number | null;
}
