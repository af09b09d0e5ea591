import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, posix } from 'node:path';
import type { Build, EvidenceLine, Location } from '../model.js';
import { normalizeForMatching } from './normalize.js';

// `Dockerfile:12` (or `docker/app.Dockerfile:3`) then a `----` rule, then numbered lines with `>>>`.
const DOCKERFILE_HEADER = /^(?<file>[^\s:]+):(?<line>\d+)$/;
const EXCERPT_LINE = /^\s*(?<line>\d+) \|\s?(?<marker>>>>)?/;
// Compiler locations, each tool's own form.
const SOURCE_FORMS: Array<{ tool: string; regex: RegExp }> = [
  { tool: 'rustc', regex: /^-+> (?<file>[^\s:]+):(?<line>\d+):(?<col>\d+)\s*$/ },
  { tool: 'tsc', regex: /^(?<file>[^\s(:]+\.(?:ts|tsx|mts|cts))\((?<line>\d+),(?<col>\d+)\): error/ },
  { tool: 'go', regex: /^(?:\.\/)?(?<file>[^\s:]+\.go):(?<line>\d+):(?<col>\d+): / },
  { tool: 'gcc', regex: /^(?<file>[^\s:]+\.(?:c|cc|cpp|cxx|h|hh|hpp)):(?<line>\d+):(?<col>\d+): (?:fatal )?error/ },
  { tool: 'javac', regex: /^(?<file>[^\s:]+\.java):(?<line>\d+): error/ },
];
// Paths inside dependency caches are not the team's code.
const DEPENDENCY_PATH = /\/(?:\.cargo|cargo)\/registry\/|\/go\/pkg\/mod\/|node_modules\/|\/usr\/(?:lib|include|local\/include)\//;
const MAX_SOURCE_LOCATIONS = 5;
const MAX_STRIPPED_COMPONENTS = 8;

/**
 * Where in the repository a failure points: the Dockerfile line BuildKit marked with `>>>`, and the
 * source lines compilers named. Paths are mapped from the container (WORKDIR) back to the workspace
 * and kept only when the file exists there, so annotations never point at nothing.
 */
export function findLocations(build: Build, lines: EvidenceLine[], workspace: string | null, message: string): Location[] {
  const locations: Location[] = [];
  const dockerfile = dockerfileLocation(build, lines, workspace, message);
  if (dockerfile) locations.push(dockerfile);
  locations.push(...sourceLocations(build, lines, workspace));
  return locations;
}

function dockerfileLocation(build: Build, lines: EvidenceLine[], workspace: string | null, message: string): Location | null {
  for (let i = 0; i < lines.length; i++) {
    const header = DOCKERFILE_HEADER.exec(normalizeForMatching(lines[i]!.text));
    if (!header || !/dockerfile/i.test(header.groups!.file!)) continue;
    // The first `>>>` line of the excerpt that follows: the instruction that failed.
    let line = Number(header.groups!.line);
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const numbered = EXCERPT_LINE.exec(normalizeForMatching(lines[j]!.text).replace(/^-+$/, ''));
      if (numbered?.groups!.marker) {
        line = Number(numbered.groups.line);
        break;
      }
    }
    const printed = header.groups!.file!;
    const candidates = [build.request.dockerfile, printed].filter((c): c is string => !!c);
    const file = resolveInWorkspace(candidates, workspace);
    return { kind: 'dockerfile', file: file ?? cleanPath(build.request.dockerfile ?? printed), line, column: null, verified: file !== null, message };
  }
  return dockerfileLineOfFailedStep(build, workspace, message);
}

/**
 * Older BuildKit (Docker 20.10) prints no `Dockerfile:N` excerpt: find the failed instruction in
 * the workspace's Dockerfile by its text, which BuildKit prints as written (continuations joined).
 * Only an exact match counts; nothing is guessed.
 */
function dockerfileLineOfFailedStep(build: Build, workspace: string | null, message: string): Location | null {
  const step = build.steps.find((s) => s.status === 'error' && s.kind === 'instruction' && s.instruction !== 'FROM');
  if (!step || !workspace) return null;
  const file = resolveInWorkspace([build.request.dockerfile ?? 'Dockerfile'], workspace);
  if (!file) return null;
  let text: string;
  try {
    text = readFileSync(join(workspace, file), 'utf8');
  } catch {
    return null;
  }
  const wanted = collapse(step.command);
  const candidates = readInstructions(text).filter((i) => i.keyword === step.instruction && collapse(i.args) === wanted);
  const found = candidates.find((i) => step.stage === null || i.stage === step.stage) ?? (candidates.length === 1 ? candidates[0] : undefined);
  return found ? { kind: 'dockerfile', file, line: found.line, column: null, verified: true, message } : null;
}

interface DockerfileInstruction {
  line: number;
  keyword: string;
  args: string;
  /** The stage as BuildKit names it: the `AS` name, or `stage-N`. */
  stage: string;
}

/** The instructions of a Dockerfile with the line each starts on (continuations joined, comments skipped). */
function readInstructions(text: string): DockerfileInstruction[] {
  const out: DockerfileInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let stageIndex = -1;
  let stage = 'stage-0';
  for (let i = 0; i < lines.length && i < 5000; i++) {
    const first = lines[i]!;
    if (/^\s*(#|$)/.test(first)) continue;
    const start = i;
    let joined = first;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      joined = joined.replace(/\\\s*$/, ' ');
      i++;
      if (/^\s*#/.test(lines[i]!)) continue;
      joined += lines[i]!;
    }
    const match = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(joined);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    if (keyword === 'FROM') {
      stageIndex++;
      stage = /\s+[Aa][Ss]\s+(\S+)\s*$/.exec(match[2]!)?.[1]?.toLowerCase() ?? `stage-${stageIndex}`;
    }
    out.push({ line: start + 1, keyword, args: match[2]!, stage });
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function sourceLocations(build: Build, lines: EvidenceLine[], workspace: string | null): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  let lastMessage = '';
  for (const evidence of lines) {
    const text = normalizeForMatching(evidence.text);
    if (/^(?:error|fatal error)\b|: error\b|error\[E\d+\]/.test(text)) lastMessage = text;
    for (const { regex } of SOURCE_FORMS) {
      const match = regex.exec(text);
      if (!match) continue;
      const raw = match.groups!.file!;
      if (DEPENDENCY_PATH.test(raw) || DEPENDENCY_PATH.test(`/${raw}`)) break;
      const key = `${raw}:${match.groups!.line}`;
      if (seen.has(key)) break;
      seen.add(key);
      const dockerfileDir = build.request.dockerfile ? posix.dirname(cleanPath(build.request.dockerfile)) : null;
      const candidates = containerPathCandidates(raw, dockerfileDir);
      const file = resolveInWorkspace(candidates, workspace);
      if (file === null) break;
      out.push({
        kind: 'source',
        file,
        line: Number(match.groups!.line),
        column: match.groups!.col ? Number(match.groups!.col) : null,
        verified: true,
        message: (lastMessage || text).slice(0, 300),
      });
      break;
    }
    if (out.length >= MAX_SOURCE_LOCATIONS) break;
  }
  return out;
}

/**
 * `/app/crates/engine/src/lib.rs` -> `app/crates/engine/src/lib.rs`, `crates/engine/src/lib.rs`, ...:
 * the WORKDIR is unknown, so leading components are dropped one by one; a relative path is also
 * tried beside the Dockerfile (a crate built from its own directory).
 */
function containerPathCandidates(raw: string, dockerfileDir: string | null): string[] {
  const parts = raw
    .replace(/^\/+/, '')
    .split('/')
    .filter((p) => p && p !== '.');
  const out: string[] = [];
  for (let drop = 0; drop < Math.min(parts.length, MAX_STRIPPED_COMPONENTS); drop++) out.push(parts.slice(drop).join('/'));
  if (!isAbsolute(raw) && dockerfileDir && dockerfileDir !== '.') out.push(posix.join(dockerfileDir, raw));
  return out;
}

/** The first candidate that is a file in the workspace, as a workspace-relative path. */
export function resolveInWorkspace(candidates: string[], workspace: string | null): string | null {
  if (!workspace) return null;
  for (const candidate of candidates) {
    const relative = cleanPath(candidate);
    if (!relative || relative.startsWith('..')) continue;
    const full = join(workspace, relative);
    try {
      if (existsSync(full) && statSync(full).isFile()) return relative;
    } catch {
      // unreadable: not a candidate
    }
  }
  return null;
}

function cleanPath(path: string): string {
  return normalize(path)
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '');
}
