import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

// The Dockerfile as far as the cache-break reasoning needs it: each instruction with the `[stage i/n]`
// BuildKit gives it and its line, and the ARGs in scope. BuildKit prints a RUN with its build
// arguments already substituted, so only the file tells an argument that changed from an edit.

export interface DockerfileInstruction {
  keyword: string;
  /** The arguments after the keyword, continuation lines joined and whitespace collapsed. */
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
  /** Position in its stage as BuildKit counts it (FROM is 1). */
  index: number;
}

export interface DockerfileStage {
  /** The stage as BuildKit names it in a multi-stage file (`builder`, `stage-1`); null for a single stage. */
  label: string | null;
  instructions: DockerfileInstruction[];
  /** ARG names declared in the stage (and global ARGs it redeclares), in order, with the index after which they apply. */
  args: Array<{ name: string; index: number }>;
}

export interface Dockerfile {
  /** Relative to the workspace, as the reports show it. */
  path: string;
  stages: DockerfileStage[];
}

/** Files bigger than this are not a Dockerfile worth reading. */
const MAX_BYTES = 1024 * 1024;

/**
 * Reads `relative` (or `Dockerfile`) under `workspace`. Null when there is no workspace or no such
 * readable file: the reasoning then works from the logs alone.
 */
export function readDockerfile(workspace: string | null | undefined, relative: string | null): Dockerfile | null {
  if (!workspace) return null;
  const path = relative && relative !== '-' ? relative : 'Dockerfile';
  if (isAbsolute(path) || path.split(/[\\/]/).includes('..')) return null;
  const full = join(workspace, path);
  try {
    if (!statSync(full).isFile() || statSync(full).size > MAX_BYTES) return null;
    return { path, stages: parseDockerfile(readFileSync(full, 'utf8')) };
  } catch {
    return null;
  }
}

/** Splits Dockerfile text into stages and instructions (comments, blank lines and continuations handled). */
export function parseDockerfile(text: string): DockerfileStage[] {
  const logical: Array<{ text: string; line: number }> = [];
  let pending = '';
  let start = 0;
  const lines = text.split(/\r?\n/);
  // A heredoc (`RUN <<EOF` ... `EOF`) belongs to its instruction: its lines are no instructions.
  let heredoc: string | null = null;
  lines.forEach((raw, i) => {
    if (heredoc !== null) {
      if (raw.replace(/^\t+/, '') === heredoc) heredoc = null;
      return;
    }
    const trimmed = raw.trim();
    // Comments and blank lines may sit inside a continued instruction; they are skipped.
    if (trimmed.startsWith('#') || trimmed === '') return;
    if (pending === '') start = i + 1;
    if (/\\\s*$/.test(raw)) {
      pending += `${raw.replace(/\\\s*$/, '')} `;
      return;
    }
    logical.push({ text: collapse(pending + raw), line: start });
    heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(raw)?.[1] ?? null;
    pending = '';
  });
  if (pending.trim()) logical.push({ text: collapse(pending), line: start });

  const stages: Array<{ name: string | null; instructions: DockerfileInstruction[]; args: Array<{ name: string; index: number }> }> = [];
  for (const { text: instruction, line } of logical) {
    const space = instruction.indexOf(' ');
    const keyword = (space < 0 ? instruction : instruction.slice(0, space)).toUpperCase();
    const args = space < 0 ? '' : instruction.slice(space + 1);
    if (keyword === 'FROM') {
      const as = /\s+AS\s+(\S+)\s*$/i.exec(args);
      stages.push({ name: as ? as[1]! : null, instructions: [{ keyword, args, line, index: 1 }], args: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) continue; // global ARGs before the first FROM: they reach a stage only if it redeclares them
    if (keyword === 'ARG') {
      for (const name of args
        .split(/\s+/)
        .map((a) => a.split('=')[0]!)
        .filter(Boolean))
        stage.args.push({ name, index: stage.instructions.length });
      continue; // BuildKit prints no step for ARG (nor ENV, LABEL, ... below)
    }
    if (!STEP_KEYWORDS.has(keyword)) continue;
    stage.instructions.push({ keyword, args, line, index: stage.instructions.length + 1 });
  }
  const multi = stages.length > 1;
  return stages.map((s, i) => ({ label: multi ? (s.name ?? `stage-${i}`) : null, instructions: s.instructions, args: s.args }));
}

/**
 * The keywords BuildKit makes a step of (`[2/5] RUN ...`). ENV, ARG, LABEL, EXPOSE, CMD and the other
 * metadata instructions change the image config only and get no step number.
 */
const STEP_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The instruction BuildKit printed as `[label index/...]`, if the file has it. */
export function instructionAt(dockerfile: Dockerfile, label: string | null, index: number): DockerfileInstruction | null {
  const stage = dockerfile.stages.find((s) => s.label === label) ?? (dockerfile.stages.length === 1 ? dockerfile.stages[0] : undefined);
  return stage?.instructions.find((i) => i.index === index) ?? null;
}

/** Whether a build argument is in scope for the stage's instruction at `index`. */
export function argsInScope(dockerfile: Dockerfile, label: string | null, index: number): string[] {
  const stage = dockerfile.stages.find((s) => s.label === label) ?? (dockerfile.stages.length === 1 ? dockerfile.stages[0] : undefined);
  return (stage?.args ?? []).filter((a) => a.index < index).map((a) => a.name);
}

/**
 * Whether BuildKit's printed text could come from the Dockerfile's instruction with some values for
 * its `$VAR` / `${VAR}` / `${VAR:-default}` references: the file's text with each reference as a wildcard.
 */
export function matchesWithArgs(dockerfileArgs: string, printed: string): boolean {
  const parts = collapse(dockerfileArgs).split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
  const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?');
  return new RegExp(`^${pattern}$`).test(collapse(printed));
}

/** Whether the instruction refers to any variable. */
export function usesVariables(dockerfileArgs: string): boolean {
  return /\$\{[^}]*\}|\$[A-Za-z_]/.test(dockerfileArgs);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
