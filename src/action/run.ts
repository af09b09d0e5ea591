import * as core from '@actions/core';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { analyzeSources } from '../engine.js';
import { builtinSignatures, loadCatalog } from '../diagnose/load-catalog.js';
import { readInputs } from './inputs.js';
import { resolveLogFiles } from './resolve-logs.js';
import { annotate } from './annotations.js';
import { writeJsonReport } from '../report/json-report.js';
import { writeFileStreaming } from '../report/sink.js';
import { DEFAULT_MARKDOWN_OPTIONS, renderMarkdown } from '../report/markdown-summary.js';
import { shouldFail } from '../analyze/fail-policy.js';
import { describeError } from '../input/errors.js';
import { escapeText } from '../text/markdown.js';
import type { Analysis } from '../analyze/analyze.js';

/**
 * The action. Whatever happens inside, the step only fails when the `fail-on` policy says so:
 * bad inputs, unreadable logs and buildx-doctor's own errors become warnings in the log and notes
 * in the summary.
 */
export async function run(): Promise<void> {
  const warnings: string[] = [];
  try {
    const inputs = readInputs(warnings);
    const sources = await resolveLogFiles(inputs.logs, warnings);
    if (inputs.logs.length === 0) {
      warnings.push('nothing to analyse: set the "logs" input to the build log file(s), for example logs: build.log');
    }
    const catalog = await loadCatalog(inputs.signatures).catch((error: unknown) => {
      warnings.push(`input signatures: ${describeError(error)}; using the built-in signatures only`);
      return builtinSignatures();
    });
    const analysis = await analyzeSources(sources, { maxBuildMinutes: inputs.maxBuildMinutes, workspace: inputs.workspace }, catalog);
    warnings.push(...analysis.problems.map((p) => p.message));
    analysis.problems = [];

    await writeReport(inputs.reportFile, analysis, warnings);
    setOutputs(analysis, inputs.reportFile);
    if (inputs.annotations) annotate(analysis.findings);
    for (const warning of warnings) core.warning(warning, { title: 'buildx-doctor' });
    if (inputs.summary) {
      const markdown = renderMarkdown({ ...analysis, problems: warnings.map((message) => ({ source: '', message })) }, { ...DEFAULT_MARKDOWN_OPTIONS, fileUrl: commitFileUrl() });
      await writeSummary(markdown).catch((error: unknown) =>
        core.warning(`buildx-doctor could not write the job summary: ${describeError(error)}`),
      );
    }
    if (shouldFail(analysis.findings, inputs.failOn)) {
      core.setFailed(`buildx-doctor: findings of severity ${inputs.failOn} or worse, and fail-on is ${inputs.failOn}`);
    }
  } catch (error) {
    // A bug in buildx-doctor: tell the user, never fail their build for it.
    const message = `buildx-doctor could not finish: ${describeError(error)}`;
    core.warning(message);
    await writeSummary(`> [!WARNING]\n> ${escapeText(message)}\n`).catch(() => undefined);
  }
}

async function writeReport(path: string, analysis: Analysis, warnings: string[]): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileStreaming(path, (write) => writeJsonReport(analysis, write));
  } catch (error) {
    warnings.push(`could not write the report to ${path}: ${describeError(error)}`);
  }
}

function setOutputs(analysis: Analysis, reportFile: string): void {
  core.setOutput('report-file', reportFile);
  core.setOutput('status', analysis.status);
  core.setOutput('cache-hit-ratio', analysis.cacheHitRatio === null ? '' : String(analysis.cacheHitRatio));
  core.setOutput('duration-seconds', analysis.durationSeconds === null ? '' : String(Math.round(analysis.durationSeconds)));
  core.setOutput('root-cause', analysis.findings[0]?.id ?? '');
  core.setOutput('findings', String(analysis.findings.length));
}

/** Links to the file at the commit that was built: `https://github.com/OWNER/REPO/blob/SHA/FILE#L12`. */
function commitFileUrl(env: NodeJS.ProcessEnv = process.env): ((file: string, line: number) => string | null) | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  if (!server || !repository || !sha || !/^[0-9a-f]{40}$/.test(sha) || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return undefined;
  return (file, line) => `${server}/${repository}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown).write();
}
