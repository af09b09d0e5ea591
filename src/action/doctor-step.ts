import * as core from './workflow-commands.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Analysis } from '../analyze/analyze.js';
import { describeError } from '../input/errors.js';
import { stripControl, truncate } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { runDoctor, type DoctorReport } from '../doctor/doctor.js';
import { doctorChecksJson, doctorJson } from '../doctor/render.js';
import { findingJson, type ReportExtras } from '../report/json-report.js';
import { worstStatus } from '../doctor/check.js';
import { versionsOfBuilds } from '../doctor/version-drift.js';
import { repositoryOf, type ActionRun } from './action-run.js';
import type { GitHubAccess } from '../doctor/package-versions.js';

// The action's side of the doctor (`mode: doctor` or `both`): run the checks on this runner, annotate
// the workflow lines the findings point at, and give the report its `doctor` section.

/** GitHub shows at most 10 annotations of each kind per step. */
const PER_SEVERITY = 10;

/** Runs the doctor with the action's inputs; `images` adds what the analysed builds pushed. */
export function doctorForAction(run: ActionRun, analysis: Analysis | null): Promise<DoctorReport> {
  const { inputs, client } = run;
  const pushed = analysis ? analysis.builds.flatMap((b) => b.build.images.filter((i) => i.pushed).map((i) => i.ref)) : [];
  // The run analysed (a past run by `run-id`, or this one) tells which builder it had: drift.
  const pastRun = analysis
    ? versionsOfBuilds(
        analysis.builds.map((b) => b.build),
        inputs.runId ? `run ${inputs.runId}` : 'the run analysed',
      )
    : null;
  const github: GitHubAccess = client
    ? { client }
    : { client: null, reason: inputs.githubToken ? 'the GitHub API URL is not usable' : 'no token (the github-token input is empty)' };
  return runDoctor({
    workspace: inputs.workspace,
    workflows: [],
    skip: inputs.doctorSkip,
    images: [...new Set([...inputs.images, ...pushed])],
    pastRun,
    github,
    repository: repositoryOf(run),
  });
}

/** The `doctor` section of the analysis report (mode `both`). */
export function doctorSection(report: DoctorReport): ReportExtras {
  return { doctor: { checks: doctorChecksJson(report), findings: report.findings.map(findingJson) } };
}

/** The report of mode `doctor`: the CLI's JSON. Returns its path, or null when it could not be written. */
export async function writeDoctorReport(run: ActionRun, report: DoctorReport): Promise<string | null> {
  const path = run.inputs.reportFile;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(doctorJson(report), null, 2)}\n`);
    return path;
  } catch (error) {
    run.warnings.push(`could not write the report to ${path}: ${describeError(error)}`);
    return null;
  }
}

export function setDoctorOutputs(report: DoctorReport): void {
  core.setOutput('doctor-status', worstStatus(report.checks));
}

/** An annotation per finding, on the workflow line when the file is in the checkout. */
export function annotateDoctor(report: DoctorReport): void {
  const used = { error: 0, warning: 0, notice: 0 };
  for (const finding of report.findings) {
    if (used[finding.severity] >= PER_SEVERITY) continue;
    used[finding.severity]++;
    const place = finding.locations?.find((l) => l.verified);
    const properties: core.AnnotationProperties = place
      ? { title: `buildx-doctor: ${finding.id}`, file: place.file, startLine: place.line }
      : { title: `buildx-doctor: ${finding.id}` };
    const message = truncate(stripControl(redact(finding.title)).replace(/\s+/g, ' '), 1000);
    if (finding.severity === 'error') core.error(message, properties);
    else if (finding.severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}
