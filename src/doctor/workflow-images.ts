import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReference } from '../reference/image-reference.js';
import { actionOf, parseWorkflow, type WorkflowFile, type WorkflowJob, type WorkflowStep } from './workflow-file.js';
import { parseFlavor, parseTagRule, tagIn, isValidTag, type TagRule } from './metadata-tags.js';
import { workflowFiles } from './workflow-checks.js';

// The images a repository pushes, when nobody named them (no `images` input, no past run's tags): the
// `images:` of the workflows' docker/metadata-action steps, with the tags its rules give on a push to
// `main` (what a deployment pulls). GitHub expressions are expanded where the file itself says their
// value: `github.repository`, `github.repository_owner`, the `env` the workflow and the job set, and
// matrix keys given as lists; anything else (secrets, inputs, step outputs) cannot be known offline,
// and such an image is left out with a note saying so.

export interface WorkflowImages {
  /** `ghcr.io/acme/app:main`, each once. */
  images: string[];
  /** Where each came from, `docker-build.yml:60`, for the check's detail. */
  sources: string[];
  /** Images left out, with why (one sentence each). */
  skipped: string[];
}

/** metadata-action's tags when the step gives none: the branch name on a branch push, among others. */
const DEFAULT_TAG_RULES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];

/** Larger files are skipped by the workflow check too. */
const MAX_WORKFLOW_BYTES = 1024 * 1024;

/** The workflow files the options name, parsed; those that cannot be read are left to the workflow check. */
export function readWorkflows(options: { workspace: string; files: string[] }): WorkflowFile[] {
  const workflows: WorkflowFile[] = [];
  for (const file of workflowFiles(options)) {
    try {
      if (fs.statSync(file).size > MAX_WORKFLOW_BYTES) continue;
      workflows.push(parseWorkflow(path.basename(file), fs.readFileSync(file, 'utf8')));
    } catch {
      continue; // the workflow check reports files it cannot read
    }
  }
  return workflows;
}

export function imagesFromWorkflows(options: { workspace: string; files: string[]; repository: string | null }): WorkflowImages {
  const result: WorkflowImages = { images: [], sources: [], skipped: [] };
  for (const workflow of readWorkflows(options)) {
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        if (step.uses && actionOf(step.uses.value)?.name === 'docker/metadata-action') addStepImages(result, workflow, job, step, options.repository);
      }
    }
  }
  return result;
}

function addStepImages(result: WorkflowImages, workflow: WorkflowFile, job: WorkflowJob, step: WorkflowStep, repository: string | null): void {
  const input = step.with.get('images');
  if (!input) return;
  const where = `${workflow.path}:${input.line}`;
  const tags = mainTags(step);
  if (tags.length === 0) {
    result.skipped.push(`${where}: its tag rules give no tag that is known before a push to main`);
    return;
  }
  for (const name of imageNames(input.value)) {
    const expanded = expandAll(name, workflow, job, repository);
    if (typeof expanded === 'string') {
      result.skipped.push(`${where}: ${name} (${expanded})`);
      continue;
    }
    for (const image of expanded) {
      // metadata-action lowercases the image name; ghcr.io accepts nothing else.
      const refs = tags.map((tag) => `${image.toLowerCase()}:${tag}`);
      const bad = refs.find((ref) => !isReference(ref));
      if (bad) {
        result.skipped.push(`${where}: ${bad} is not an image reference`);
        continue;
      }
      for (const ref of refs) if (!result.images.includes(ref)) result.images.push(ref);
      if (!result.sources.includes(where)) result.sources.push(where);
    }
  }
}

/** `images:` lines (commas also separate), or the CSV form `name=...,enable=...`; disabled ones left out. */
export function imageNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))) {
    if (/^name=/.test(line)) {
      const attrs = new Map(
        line.split(',').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()] as [string, string]),
      );
      if (attrs.get('enable') !== 'false' && attrs.get('name')) names.push(attrs.get('name')!);
    } else {
      names.push(
        ...line
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      );
    }
  }
  return names;
}

/** The tags the step's rules give on a push to the default branch, leaving out those that change every commit or day. */
export function mainTags(step: WorkflowStep): string[] {
  const text = step.with.get('tags')?.value;
  const lines =
    text === undefined
      ? DEFAULT_TAG_RULES
      : text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('#'));
  const flavor = parseFlavor(step.with.get('flavor')?.value ?? '');
  const tags: string[] = [];
  for (const rule of lines.map(parseTagRule)) {
    if (changesPerCommit(rule) || rule.type === 'schedule') continue;
    const tag = tagIn(rule, 'branch', flavor);
    if (tag && isValidTag(tag) && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** A rule whose tag is a commit, a date or an expression's value: no fixed tag to look up. */
function changesPerCommit(rule: TagRule): boolean {
  if (rule.type === 'sha') return true;
  // `enable` only decides whether the rule applies (metadata-tags reads it), not the tag's text.
  return [...rule.attrs].some(([key, v]) => key !== 'enable' && /\{\{\s*(sha|date|commit_date)\b|\$\{\{/.test(v));
}

/**
 * The names an image name stands for, one per matrix value it uses; or why it cannot be expanded.
 * `env` values are expanded too (they often hold `${{ github.repository }}`).
 */
export function expandAll(name: string, workflow: WorkflowFile, job: WorkflowJob, repository: string | null): string[] | string {
  let names = [name];
  // Each round expands the first expression left in every name; an env value may bring more, and
  // one that names itself must not loop: a few rounds are enough for any real workflow.
  for (let round = 0; round < 8 && names.some((n) => n.includes('${{')); round++) {
    const next: string[] = [];
    for (const text of names) {
      const match = /\$\{\{\s*([^}]*?)\s*\}\}/.exec(text);
      if (!match) {
        next.push(text);
        continue;
      }
      const values = valuesOf(match[1]!, workflow, job, repository);
      if (typeof values === 'string') return values;
      for (const value of values) next.push(text.slice(0, match.index) + value + text.slice(match.index + match[0].length));
    }
    names = next;
  }
  const left = names.find((n) => n.includes('${{'));
  return left ? `${/\$\{\{[^}]*\}\}/.exec(left)![0]} was not expanded` : names;
}

function valuesOf(expression: string, workflow: WorkflowFile, job: WorkflowJob, repository: string | null): string[] | string {
  if (expression === 'github.repository') return repository ? [repository] : 'the repository is not known: run in a workflow, or give --repository';
  if (expression === 'github.repository_owner')
    return repository ? [repository.split('/')[0]!] : 'the repository owner is not known: run in a workflow, or give --repository';
  const env = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression);
  if (env) {
    const value = job.env.get(env[1]!) ?? workflow.env.get(env[1]!);
    return value === undefined ? `${expression} is set neither by the workflow nor by the job` : [value];
  }
  const matrix = /^matrix\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression);
  if (matrix) {
    const values = job.matrixValues.get(matrix[1]!);
    return values && values.length > 0 ? values : `${expression} is not a list in the job's matrix`;
  }
  return `\${{ ${expression} }} is only known when the workflow runs`;
}

function isReference(text: string): boolean {
  try {
    parseReference(text);
    return true;
  } catch {
    return false;
  }
}
