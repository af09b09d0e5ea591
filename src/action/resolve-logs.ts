import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileSource, type LogSource } from '../input/log-source.js';

/** What makes a pattern a glob for @actions/glob (wildcards, character classes, negation, `~`). */
const GLOB_SYNTAX = /[*?[\]{}]|^\s*[!~#]/;

/** Expands the `logs` patterns into file sources; patterns that match nothing are reported. */
export async function resolveLogFiles(patterns: string[], problems: string[]): Promise<LogSource[]> {
  const sources: LogSource[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const files = await matchingFiles(pattern);
    if (files.length === 0) {
      problems.push(`logs: no file matches ${pattern}`);
      continue;
    }
    for (const file of files.sort()) {
      if (seen.has(file)) continue;
      seen.add(file);
      sources.push(fileSource(relativeToWorkspace(file)));
    }
  }
  return sources;
}

/**
 * The files a pattern names. A plain path (the usual `logs: build.log`) is looked up directly:
 * @actions/glob, and the @actions/core it loads, are only loaded for a real glob.
 */
async function matchingFiles(pattern: string): Promise<string[]> {
  if (GLOB_SYNTAX.test(pattern)) {
    const glob = await import('@actions/glob');
    const globber = await glob.create(pattern, { matchDirectories: false, implicitDescendants: false });
    return globber.glob();
  }
  const path = resolve(pattern.trim());
  const found = await stat(path).catch(() => null);
  return found?.isFile() ? [path] : [];
}

/** Reports name files relative to the workspace, as a person sees them in the repository. */
function relativeToWorkspace(file: string): string {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}
