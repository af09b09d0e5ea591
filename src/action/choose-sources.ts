import type { ActionRun } from './action-run.js';
import type { LogSource } from '../input/log-source.js';
import { ApiError } from '../github/api.js';
import { resolveLogFiles } from './resolve-logs.js';
import type { RunJob } from '../github/jobs-source.js';
import { describeError } from '../input/errors.js';

// The jobs' logs (the API, minimatch for job patterns) and BuildKit's build records (the docker
// CLI, child_process) are read by code loaded only when this run reads them: the `logs` files,
// the common case, start without it.

export interface ChosenSources {
  sources: LogSource[];
  /** Which kind of source, said in the summary. */
  origin: 'files' | 'jobs' | 'history' | 'none';
  /** The run whose jobs were read. */
  runId: number | null;
  jobs: RunJob[];
}

/**
 * Where the logs come from, without configuration: the `logs` files when given; otherwise the jobs
 * of the run (`run-id`, or the current run for a follow-up job).
 */
export async function chooseSources(run: ActionRun, apiBudgetMs: number): Promise<ChosenSources> {
  const { inputs, context, client, warnings } = run;
  const useFiles = inputs.source === 'files' || (inputs.source === 'auto' && inputs.logs.length > 0);
  if (useFiles) {
    if (inputs.logs.length === 0) warnings.push('nothing to analyse: set the "logs" input to the build log file(s), for example logs: build.log');
    return { sources: await resolveLogFiles(inputs.logs, warnings), origin: 'files', runId: null, jobs: [] };
  }
  // Right after a build in the same job: BuildKit's own record of it, when there is one.
  const wantHistory = inputs.source === 'history' || (inputs.source === 'auto' && (inputs.metadata.length > 0 || inputs.buildRefs.length > 0));
  const tryHistory = inputs.source === 'auto' && !wantHistory && inputs.runId === null;
  let historyNotes: string[] = [];
  if (wantHistory || tryHistory) {
    const { historySources } = await import('../buildx/history-source.js');
    const history = await historySources({ metadata: inputs.metadata, refs: inputs.buildRefs });
    if (history.sources.length > 0 || wantHistory) {
      warnings.push(...history.notes);
      return { sources: history.sources, origin: history.sources.length > 0 ? 'history' : 'none', runId: null, jobs: [] };
    }
    // Said only if the jobs give nothing either: then it explains why there is nothing to analyse.
    historyNotes = history.notes;
  }
  const runId = inputs.runId ?? context.runId;
  if (!client || !context.owner || !context.repo || !runId) {
    warnings.push(...historyNotes);
    warnings.push(
      'nothing to analyse: give the "logs" input (log files), or run in GitHub Actions with a "github-token" so that the jobs of the run can be read',
    );
    return { sources: [], origin: 'none', runId: null, jobs: [] };
  }
  try {
    const { jobLogSources } = await import('../github/jobs-source.js');
    const result = await jobLogSources(client, {
      owner: context.owner,
      repo: context.repo,
      runId,
      jobPatterns: inputs.jobs,
      // Our own job is still running; skip it, unless we diagnose another run.
      ownRunner: inputs.runId && inputs.runId !== context.runId ? null : context.runnerName,
      // The wait stays inside the API time budget, with room left to download the logs.
      waitMs: Math.min(inputs.logWaitSeconds * 1000, Math.max(0, apiBudgetMs - 120_000)),
      pollMs: Math.min(10_000, Math.max(200, inputs.logWaitSeconds * 100)),
    });
    warnings.push(...result.problems);
    return { sources: result.sources, origin: 'jobs', runId, jobs: result.jobs };
  } catch (error) {
    warnings.push(
      error instanceof ApiError ? `${error.message}; no job log of run ${runId} was read` : `could not read the jobs of run ${runId}: ${describeError(error)}`,
    );
    return { sources: [], origin: 'none', runId, jobs: [] };
  }
}
