import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../model.js';
import type { Check, CheckResult } from './check.js';
import { parseWorkflow, WorkflowParseError, type WorkflowFile } from './workflow-file.js';
import { checkJob, isBuildStep, workflowNotes } from './workflow-rules.js';

// The workflow check group: reads the workflow files (offline), keeps those that build with
// docker/build-push-action or bake, and runs the rules on each job. It also tells the live checks
// what the workflows ask for: the platforms (for the builder) and the images (for the registry).

export interface WorkflowChecksOptions {
  /** The repository root. */
  workspace: string;
  /** Files to check; empty: every `.github/workflows/*.yml|yaml` of the workspace. */
  files: string[];
}

export interface WorkflowCheckResult extends CheckResult {
  /** Platforms the build steps name (`linux/arm64`), for the builder's platform check. */
  platforms: string[];
}

/** Larger files are not workflows anyone wrote by hand; they are skipped, not parsed. */
const MAX_WORKFLOW_BYTES = 1024 * 1024;

export function workflowFiles(options: WorkflowChecksOptions): string[] {
  if (options.files.length > 0) return options.files;
  const dir = path.join(options.workspace, '.github', 'workflows');
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

export function runWorkflowChecks(options: WorkflowChecksOptions): WorkflowCheckResult {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  const platforms = new Set<string>();
  const files = workflowFiles(options);
  if (files.length === 0) {
    checks.push({
      id: 'workflow.files',
      status: 'skipped',
      title: 'Workflow files',
      detail: `no workflow files under ${path.join(options.workspace, '.github', 'workflows')} (give them with --workflow)`,
    });
    return { checks, findings, platforms: [] };
  }
  let building = 0;
  for (const file of files) {
    const shown = displayPath(options.workspace, file);
    const id = `workflow.${path.basename(file)}`;
    let workflow: WorkflowFile;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_WORKFLOW_BYTES) {
        checks.push({ id, status: 'skipped', title: `Workflow ${shown}`, detail: `${size} bytes, larger than a workflow file (not read)` });
        continue;
      }
      workflow = parseWorkflow(shown, fs.readFileSync(file, 'utf8'));
    } catch (error) {
      const detail = error instanceof WorkflowParseError ? error.message : `could not read ${shown}: ${(error as Error).message.split('\n')[0]}`;
      checks.push({ id, status: 'warn', title: `Workflow ${shown}`, detail });
      continue;
    }
    const builds = workflow.jobs.flatMap((job) => job.steps.filter(isBuildStep).map((step) => ({ job, step })));
    if (builds.length === 0) continue;
    building++;
    for (const { step } of builds) {
      for (const m of (step.with.get('platforms')?.value ?? '').matchAll(/\b(linux|windows)\/[a-z0-9]+(\/v\d)?\b/g)) platforms.add(m[0]);
    }
    const verified = !path.isAbsolute(shown) && !shown.startsWith('..');
    const own = workflow.jobs.flatMap((job) => checkJob({ workflow, workspace: options.workspace, verified }, job));
    findings.push(...own);
    const jobCount = new Set(builds.map((b) => b.job.id)).size;
    const status = own.some((f) => f.severity === 'error') ? 'fail' : own.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
    const counted =
      own.length === 0 ? 'no Docker pitfalls found' : `${own.length} finding${own.length === 1 ? '' : 's'}: ${[...new Set(own.map((f) => f.id))].join(', ')}`;
    const notes = workflowNotes(workflow);
    checks.push({
      id,
      status,
      title: `Workflow ${shown}`,
      detail: `${builds.length} build step${builds.length === 1 ? '' : 's'} in ${jobCount} job${jobCount === 1 ? '' : 's'}; ${counted}${notes.length > 0 ? `. Note: ${notes.join('; ')}` : ''}`,
    });
  }
  if (building === 0 && checks.length === 0) {
    checks.push({
      id: 'workflow.files',
      status: 'pass',
      title: 'Workflow files',
      detail: `${files.length} workflow file${files.length === 1 ? '' : 's'}, none builds with docker/build-push-action or bake`,
    });
  }
  return { checks, findings, platforms: [...platforms].sort() };
}

/** Relative to the workspace when inside it (as annotations need), else as given. */
function displayPath(workspace: string, file: string): string {
  const relative = path.relative(path.resolve(workspace), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
