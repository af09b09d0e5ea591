import type { ActionRun } from './action-run.js';
import type { Analysis } from '../analyze/analyze.js';
import type { AnalysisOptions } from '../analyze/rule.js';
import type { Signature } from '../diagnose/catalog.js';
import type { GitHubClient } from '../github/api.js';
import type { RunContext } from '../github/run-context.js';
import { runUrl } from '../github/run-context.js';
import type { BaselineChoice } from '../github/baseline-run.js';
import type { WorkflowRun } from '../github/workflow-runs.js';
import { analyzeSources } from '../engine.js';
import { compareAnalyses } from '../compare/compare.js';
import type { BaselineLine } from '../report/markdown-summary.js';

export interface BaselineStepOptions {
  choice: BaselineChoice;
  /** The run whose builds were analysed (the current one, or `run-id`). */
  runId: number | null;
  /** Job name patterns: the baseline's jobs are picked as the current run's are. */
  jobPatterns: string[];
  analysisOptions: AnalysisOptions;
  catalog: Signature[];
}

/**
 * Finds the baseline run, reads its jobs' logs exactly as the jobs source reads this run's, analyses
 * them with the same engine, and attaches the comparison to `head`. Returns the summary's one line
 * about the baseline: which run, or why there is none. Never throws: no baseline is a note.
 */
export async function compareWithBaseline(head: Analysis, run: ActionRun, options: BaselineStepOptions): Promise<BaselineLine | null> {
  const { client, context } = run;
  // Nothing was built: there is nothing to compare, and no request is spent on it.
  if (head.builds.length === 0) return null;
  const workspace = options.analysisOptions.workspace ?? null;
  const found = await baselineAnalysis(client, context, options);
  head.comparison = compareAnalyses(head, found.analysis, { workspace, ...(found.label ? { baselineLabel: found.label } : {}) });
  return found.line;
}

interface Found {
  analysis: Analysis | null;
  label: string | null;
  line: BaselineLine | null;
}

async function baselineAnalysis(client: GitHubClient | null, context: RunContext, options: BaselineStepOptions): Promise<Found> {
  const none = (reason: string): Found => ({ analysis: null, label: null, line: { text: `no baseline: ${reason}`, url: null } });
  const { choice } = options;
  if (choice.kind === 'off') return { analysis: null, label: null, line: null };
  if (!client || !context.owner || !context.repo || !options.runId) {
    // Zero configuration outside GitHub Actions (no token, no run): nothing to say unless asked for.
    return choice.kind === 'auto' ? { analysis: null, label: null, line: null } : none('the runs can only be read in GitHub Actions with a github-token');
  }
  // The API's run lookup and the jobs' logs are loaded only when there is a client to use them.
  const [{ findBaselineRun, whyNot }, { jobLogSources }] = await Promise.all([import('../github/baseline-run.js'), import('../github/jobs-source.js')]);
  const repo = { owner: context.owner, repo: context.repo };
  const lookup = await findBaselineRun(client, repo, { choice, currentRunId: options.runId, payload: context.payload });
  if (!lookup.run) return none(lookup.reason ?? 'none found');
  const run = lookup.run;
  const label = `run #${run.number}${run.branch ? ` on ${run.branch}` : ''}`;
  let analysis: Analysis;
  try {
    // The baseline run is finished: nothing to wait for, and no job of it is this one.
    const jobs = await jobLogSources(client, { ...repo, runId: run.id, jobPatterns: options.jobPatterns, ownRunner: null, waitMs: 0, pollMs: 200 });
    analysis = await analyzeSources(jobs.sources, options.analysisOptions, options.catalog, null);
  } catch (error) {
    return none(`${describeRun(run)}: ${whyNot(error)}`);
  }
  if (analysis.builds.length === 0) {
    return none(`${describeRun(run)} was found, but ${unreadableBecause(analysis)}`);
  }
  return { analysis, label, line: { text: `Baseline: ${describeRun(run)}`, url: runUrl(context, run.id) } };
}

/** `run #41 (17964002949) on main, 2025-09-24, push` */
export function describeRun(run: WorkflowRun): string {
  return `run #${run.number} (${run.id})${run.branch ? ` on ${run.branch}` : ''}, ${run.date.slice(0, 10)}, ${run.event}`;
}

/** Why the baseline's logs gave no build: expired logs (410) first, the most common reason. */
function unreadableBecause(analysis: Analysis): string {
  const messages = analysis.problems.map((p) => p.message);
  if (messages.some((m) => /\b410\b/.test(m))) return 'its logs have expired (GitHub keeps them 90 days by default)';
  if (messages.some((m) => /\b(403|404)\b/.test(m)))
    return `its logs could not be read (${messages.find((m) => /\b(403|404)\b/.test(m))}); the job's token needs the actions: read permission`;
  return messages.length > 0 ? `no build could be read from its logs (${messages[0]})` : 'no build could be read from its logs';
}
