import type { ActionRun } from './action-run.js';
import type { AnalysisOptions } from '../analyze/rule.js';
import type { Signature } from '../diagnose/catalog.js';
import { ApiError } from '../github/api.js';
import { runUrl } from '../github/run-context.js';
import { mapBounded, recentRuns } from '../github/history-runs.js';
import { jobLogSources } from '../github/jobs-source.js';
import { whyNot } from '../github/baseline-run.js';
import { analyzeSources } from '../engine.js';
import { historyRow, type HistoryRow } from '../analyze/history-row.js';
import { describeError } from '../input/errors.js';

export interface HistoryStepOptions {
  count: number;
  jobPatterns: string[];
  analysisOptions: AnalysisOptions;
  catalog: Signature[];
}

/**
 * Runs read at once. Each holds one log stream open at a time (its jobs are read one after
 * another), so memory stays that of a few streams whatever N is.
 */
export const HISTORY_CONCURRENCY = 3;

/**
 * The benchmark table's rows: the workflow's last N finished runs, each run's jobs read and analysed
 * like the current run's. A run whose logs cannot be read (expired) keeps its row, without times,
 * and a warning says why. Returns no rows and a warning when the runs cannot be listed.
 */
export async function historyRows(run: ActionRun, options: HistoryStepOptions): Promise<HistoryRow[]> {
  const { client, context, warnings } = run;
  if (!client || !context.owner || !context.repo || !context.runId) {
    warnings.push('history: the runs can only be read in GitHub Actions with a github-token');
    return [];
  }
  const repo = { owner: context.owner, repo: context.repo };
  let runs;
  try {
    runs = await recentRuns(client, repo, context.runId, options.count);
  } catch (error) {
    warnings.push(`history: ${whyNot(error)}`);
    return [];
  }
  if (runs.length === 0) warnings.push('history: this workflow has no finished run yet');
  return mapBounded(runs, HISTORY_CONCURRENCY, async (run) => {
    const facts = { runId: run.id, runNumber: run.number, url: runUrl(context, run.id), date: run.date, event: run.event, branch: run.branch };
    try {
      const jobs = await jobLogSources(client, { ...repo, runId: run.id, jobPatterns: options.jobPatterns, ownRunner: null, waitMs: 0, pollMs: 200 });
      const analysis = await analyzeSources(jobs.sources, options.analysisOptions, options.catalog, null);
      // Per run, only what leaves it without any build is worth a warning (a job without a build is normal).
      if (analysis.builds.length === 0)
        warnings.push(`history: run ${run.id}: no build read${analysis.problems[0] ? ` (${analysis.problems[0].message})` : ''}`);
      return historyRow(analysis, facts);
    } catch (error) {
      warnings.push(`history: run ${run.id}: ${error instanceof ApiError ? error.message : describeError(error)}`);
      return { ...facts, cacheRatio: null, components: [] };
    }
  });
}
