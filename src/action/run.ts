import * as core from './workflow-commands.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { analyzeSources } from '../engine.js';
import { builtinSignatures, loadCatalog } from '../diagnose/load-catalog.js';
import { readInputs } from './inputs.js';
import type { ActionRun } from './action-run.js';
import { chooseSources } from './choose-sources.js';
import { commitFileUrl } from './links.js';
import { readRunContext, runUrl, type RunContext } from '../github/run-context.js';
import type { ActionInputs } from './inputs.js';
import type { SizeOptions } from '../registry/measure-builds.js';
import { createClient } from '../github/api.js';
import { annotate } from './annotations.js';
import { writeJsonReport, type ReportExtras } from '../report/json-report.js';
import { writeFileStreaming } from '../report/sink.js';
import { DEFAULT_MARKDOWN_OPTIONS, renderMarkdown } from '../report/markdown-summary.js';
import { shouldFail, type FailOn } from '../analyze/fail-policy.js';
import { redact } from '../text/redact.js';
import { describeError } from '../input/errors.js';
import { escapeText } from '../text/markdown.js';
import type { Analysis } from '../analyze/analyze.js';
import { compareWithBaseline } from './baseline-step.js';
import type { HistoryStepOptions } from './history-step.js';
import type { DoctorReport } from '../doctor/doctor.js';

// Code only some runs need is loaded when their inputs ask for it (chunk files beside the entry),
// so that a run on log files compiles and evaluates only the parser, the analysis and the reports.
/** The doctor (its checks, the workflow file's YAML parser) is loaded only in the modes that run it. */
const loadDoctor = async () => ({ ...(await import('./doctor-step.js')), ...(await import('../doctor/render.js')) });
/** The benchmark table of past runs (`history: N`). */
const loadHistory = async () => ({ ...(await import('./history-step.js')), ...(await import('../report/history-table.js')) });

/** How far a run got: what the last line of defence needs to finish it. */
interface Progress {
  warnings: string[];
  failOn: FailOn;
  analysis: Analysis | null;
  /** The summary was written (it is never written twice). */
  summaryWritten: boolean;
  /** The escape being handled: a second one (undici throws from `end`, then from `close`) waits for it. */
  finishing: Promise<void> | null;
}

const progress: Progress = { warnings: [], failOn: 'never', analysis: null, summaryWritten: false, finishing: null };

/**
 * The action. Whatever happens inside, the step only fails when the `fail-on` policy says so:
 * bad inputs, unreadable logs and buildx-doctor's own errors become warnings in the log and notes
 * in the summary.
 */
export async function run(): Promise<void> {
  const warnings = progress.warnings;
  try {
    const inputs = readInputs(warnings);
    progress.failOn = inputs.failOn;
    const context = readRunContext();
    warnings.push(...context.problems);
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    const client =
      inputs.githubToken && context.apiUrl
        ? await createClient({ token: inputs.githubToken, apiUrl: context.apiUrl, budgetMs: API_BUDGET_MS, retries: 3 })
        : null;
    const actionRun: ActionRun = { inputs, context, client, warnings };
    if (inputs.mode === 'doctor') {
      // The live checks only: no logs are read.
      const { doctorForAction, writeDoctorReport, setDoctorOutputs, annotateDoctor, renderDoctorMarkdown } = await loadDoctor();
      const doctor = await doctorForAction(actionRun, null);
      const reportFile = await writeDoctorReport(actionRun, doctor);
      core.setOutput('report-file', reportFile ?? '');
      core.setOutput('findings', String(doctor.findings.length));
      core.setOutput('root-cause', doctor.findings[0]?.id ?? '');
      setDoctorOutputs(doctor);
      annotate(null, warnings, false);
      if (inputs.annotations) annotateDoctor(doctor);
      if (inputs.summary)
        await writeSummary(renderDoctorMarkdown(doctor, '##', warnings.map(redact))).catch((error: unknown) =>
          core.warning(`buildx-doctor could not write the job summary: ${oneLine(error)}`),
        );
      else progress.summaryWritten = true;
      if (shouldFail(doctor.findings, inputs.failOn))
        core.setFailed(`buildx-doctor: findings of severity ${inputs.failOn} or worse, and fail-on is ${inputs.failOn}`);
      return;
    }
    const catalog = await loadCatalog(inputs.signatures).catch((error: unknown) => {
      warnings.push(`input signatures: ${describeError(error)}; using the built-in signatures only`);
      return builtinSignatures();
    });
    const analysisOptions = { maxBuildMinutes: inputs.maxBuildMinutes, workspace: inputs.workspace, maxImageBytes: inputs.maxImageBytes };
    // In a job of its own, buildx-doctor's job in past runs holds no build of theirs: not read
    // (by its id, GITHUB_JOB, which is its name unless the workflow gives it another).
    const notThisJob = context.job ? [`!${context.job}`] : [];
    // workflow_dispatch with `history: N`: the benchmark table of the last N runs, not one run's diagnosis.
    if (inputs.history > 0) {
      await benchmarkRuns(actionRun, { count: inputs.history, jobPatterns: [...inputs.jobs, ...notThisJob], analysisOptions, catalog });
      return;
    }
    const chosen = await chooseSources(actionRun, API_BUDGET_MS);
    if (inputs.registryPassword) core.setSecret(inputs.registryPassword);
    const analysis = await analyzeSources(chosen.sources, analysisOptions, catalog, sizeOptions(inputs, context));
    warnings.push(...analysis.problems.map((p) => p.message));
    analysis.problems = [];
    progress.analysis = analysis;
    // Against the last green run on the default branch (or the `baseline` asked for): a note when there is none.
    const baseline = await compareWithBaseline(analysis, actionRun, {
      choice: inputs.baseline,
      runId: chosen.runId ?? context.runId,
      // A step in the build job (files, build records) compares with that same job of the baseline.
      jobPatterns: chosen.origin === 'jobs' ? [...inputs.jobs, ...notThisJob] : inputs.jobs,
      analysisOptions,
      catalog,
    });
    const doctorModule = inputs.mode === 'both' ? await loadDoctor() : null;
    const doctor: DoctorReport | null = doctorModule ? await doctorModule.doctorForAction(actionRun, analysis) : null;

    const reportFile = await writeReport(inputs.reportFile, analysis, warnings, doctorModule && doctor ? doctorModule.doctorSection(doctor) : {});
    // The sticky comment is about a pull request of a repository: outside one there is nothing to load.
    const commentUrl =
      inputs.comment !== 'off' && context.owner && context.repo
        ? await (await import('./comment-step.js')).commentOnPullRequest(analysis, actionRun, chosen.runId)
        : null;
    setOutputs(analysis, reportFile, commentUrl);
    annotate(analysis, warnings, inputs.annotations);
    if (doctorModule && doctor) {
      doctorModule.setDoctorOutputs(doctor);
      if (inputs.annotations) doctorModule.annotateDoctor(doctor);
    }
    if (inputs.summary) {
      const sourceNote =
        chosen.origin === 'jobs'
          ? `Read from the logs of ${chosen.sources.length} job${chosen.sources.length === 1 ? '' : 's'} of run ${chosen.runId}.`
          : chosen.origin === 'history'
            ? `Read from BuildKit's own build record${chosen.sources.length === 1 ? '' : 's'} (docker buildx history).`
            : null;
      const markdown = renderMarkdown(
        { ...analysis, problems: warnings.map((message) => ({ source: '', message: redact(message) })) },
        {
          ...DEFAULT_MARKDOWN_OPTIONS,
          fileUrl: commitFileUrl(context, context.sha),
          note: sourceNote,
          runUrl: runUrl(context, chosen.runId ?? context.runId),
          baseline,
        },
      );
      await writeSummary(doctorModule && doctor ? `${markdown}\n${doctorModule.renderDoctorMarkdown(doctor)}` : markdown).catch((error: unknown) =>
        core.warning(`buildx-doctor could not write the job summary: ${oneLine(error)}`),
      );
    } else {
      progress.summaryWritten = true;
    }
    if (shouldFail([...analysis.findings, ...(doctor?.findings ?? [])], inputs.failOn, analysis.omittedBuilds?.findings)) {
      core.setFailed(`buildx-doctor: findings of severity ${inputs.failOn} or worse, and fail-on is ${inputs.failOn}`);
    }
  } catch (error) {
    // A bug in buildx-doctor: tell the user, never fail their build for it.
    await finishAfterEscape(error);
  }
}

/**
 * The last line of defence: an exception thrown outside any promise of the run (a library's event
 * handler, a timer) or a rejection nobody awaited. It becomes a warning, the summary holds what
 * was found so far, and the step ends green unless `fail-on` asks otherwise for what was found.
 */
export function installLastResort(): void {
  process.on('uncaughtException', (error) => void finishAfterEscape(error).then(() => process.exit()));
  process.on('unhandledRejection', (reason) => void finishAfterEscape(reason).then(() => process.exit()));
}

function finishAfterEscape(error: unknown): Promise<void> {
  progress.finishing ??= finish(error);
  return progress.finishing;
}

async function finish(error: unknown): Promise<void> {
  const message = `buildx-doctor could not finish: ${oneLine(error)}`;
  core.warning(message, { title: 'buildx-doctor' });
  const analysis = progress.analysis;
  if (!progress.summaryWritten) {
    const markdown = analysis
      ? renderMarkdown({ ...analysis, problems: [...progress.warnings, message].map((m) => ({ source: '', message: redact(m) })) }, DEFAULT_MARKDOWN_OPTIONS)
      : `> [!WARNING]\n> ${escapeText(redact(message))}\n`;
    await writeSummary(markdown).catch(() => undefined);
  }
  if (analysis && shouldFail(analysis.findings, progress.failOn, analysis.omittedBuilds?.findings)) {
    core.setFailed(`buildx-doctor: findings of severity ${progress.failOn} or worse, and fail-on is ${progress.failOn}`);
  } else {
    process.exitCode = 0;
  }
}

/** One line, without secrets, whatever was thrown. */
function oneLine(error: unknown): string {
  return redact(describeError(error)).replace(/[\r\n]+/g, ' ');
}

/** Image sizes: credentials from the inputs, the runner's docker config, or the job token for ghcr.io. */
function sizeOptions(inputs: ActionInputs, context: RunContext): SizeOptions | null {
  if (!inputs.imageSizes) return null;
  const payload = context.payload as { repository?: { default_branch?: unknown } };
  const defaultBranch = typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : null;
  return {
    extraImages: inputs.images,
    baselineTag: inputs.sizeBaseline ?? defaultBranch,
    credentials: inputs.registryUsername && inputs.registryPassword ? [{ username: inputs.registryUsername, password: inputs.registryPassword }] : [],
    githubToken: inputs.githubToken || undefined,
    githubUsername: context.owner ?? undefined,
  };
}

/**
 * The benchmark table in the job summary, its rows as JSON beside the report (`history-file`). The
 * step stays green whatever could not be read: each gap is a warning.
 */
async function benchmarkRuns(run: ActionRun, options: HistoryStepOptions): Promise<void> {
  const { inputs, context, warnings } = run;
  const { historyRows, historyJson, renderHistoryMarkdown } = await loadHistory();
  const rows = await historyRows(run, options);
  let historyFile: string | null = join(dirname(inputs.reportFile), 'history.json');
  try {
    await mkdir(dirname(historyFile), { recursive: true });
    await writeFile(historyFile, historyJson(rows));
  } catch (error) {
    warnings.push(`could not write the history to ${historyFile}: ${describeError(error)}`);
    historyFile = null;
  }
  core.setOutput('history-file', historyFile ?? '');
  annotate(null, warnings, inputs.annotations);
  if (!inputs.summary) {
    progress.summaryWritten = true;
    return;
  }
  const notes = warnings.map((message) => `> [!WARNING]\n> ${escapeText(redact(message))}`);
  const markdown = [renderHistoryMarkdown(rows, context.workflow), ...notes].join('\n\n');
  await writeSummary(markdown).catch((error: unknown) => core.warning(`buildx-doctor could not write the job summary: ${oneLine(error)}`));
}

/** All GitHub API calls of one run, retries and waits included. */
const API_BUDGET_MS = 5 * 60 * 1000;

/** Writes the JSON report; returns its path, or null when it could not be written. */
async function writeReport(path: string, analysis: Analysis, warnings: string[], extra: ReportExtras = {}): Promise<string | null> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileStreaming(path, (write) => writeJsonReport(analysis, write, extra));
    return path;
  } catch (error) {
    warnings.push(`could not write the report to ${path}: ${describeError(error)}`);
    return null;
  }
}

function setOutputs(analysis: Analysis, reportFile: string | null, commentUrl: string | null): void {
  core.setOutput('comment-url', commentUrl ?? '');
  core.setOutput('report-file', reportFile ?? '');
  core.setOutput('status', analysis.status);
  core.setOutput('cache-hit-ratio', analysis.cacheHitRatio === null ? '' : String(analysis.cacheHitRatio));
  core.setOutput('duration-seconds', analysis.durationSeconds === null ? '' : String(Math.round(analysis.durationSeconds)));
  // A notice (an error of a step after a build that succeeded, a few cache misses) is no root cause.
  core.setOutput('root-cause', analysis.findings.find((f) => f.severity !== 'notice')?.id ?? '');
  core.setOutput('findings', String(analysis.findings.length));
}

async function writeSummary(markdown: string): Promise<void> {
  progress.summaryWritten = true;
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.appendSummary(markdown);
}
