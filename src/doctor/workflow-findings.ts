import type { Finding, Severity } from '../model.js';
import { codeBlock } from '../text/markdown.js';
import { doctorFinding } from './check.js';
import type { WorkflowFile } from './workflow-file.js';

// How a workflow rule reports: a finding at the line to change, with the change as a diff.

export interface RuleContext {
  workflow: WorkflowFile;
  /** The repository root, to read the Dockerfile a build names (null: do not look). */
  workspace: string | null;
  /** Whether the workflow file lies in the workspace (only then its lines are annotated). */
  verified: boolean;
}

export function finding(
  ctx: RuleContext,
  id: string,
  severity: Severity,
  title: string,
  line: number,
  advice: string,
  diff: string[] | null,
  data?: Finding['data'],
): Finding {
  const file = ctx.workflow.path;
  const fix = diff ? `${advice}\n\n${codeBlock([`--- ${file}`, `+++ ${file}`, ...diff], 'diff')}` : advice;
  return doctorFinding({
    id,
    severity,
    title,
    fix,
    source: file,
    evidence: [{ line, text: ctx.workflow.lines[line - 1] ?? '' }],
    locations: [{ kind: 'source', file, line, column: null, verified: ctx.verified, message: title }],
    ...(data ? { data } : {}),
  });
}

/** A hunk that replaces line `line` with `replacement` (same indentation). */
export function replaceHunk(ctx: RuleContext, line: number, from: string, to: string): string[] {
  const text = ctx.workflow.lines[line - 1] ?? '';
  return [`@@ -${line} +${line} @@`, `-${text}`, `+${text.replace(from, to)}`];
}

/** A hunk that inserts `added` lines before line `line`. */
export function insertHunk(ctx: RuleContext, line: number, added: string[]): string[] {
  const text = ctx.workflow.lines[line - 1] ?? '';
  return [`@@ -${line} +${line},${added.length + 1} @@`, ...added.map((a) => `+${a}`), ` ${text}`];
}

export function indentOf(ctx: RuleContext, line: number): string {
  return /^\s*/.exec(ctx.workflow.lines[line - 1] ?? '')?.[0] ?? '';
}

/** The line of `text` inside a multi-line input that starts at `from`, else `from`. */
export function lineWithin(ctx: RuleContext, from: number, text: string): number {
  for (let i = from - 1; i < Math.min(ctx.workflow.lines.length, from + 200); i++) if (ctx.workflow.lines[i]!.includes(text)) return i + 1;
  return from;
}
