import * as glob from '@actions/glob';
import { fileSource, type LogSource } from '../input/log-source.js';

/** Expands the `logs` patterns into file sources; patterns that match nothing are reported. */
export async function resolveLogFiles(patterns: string[], problems: string[]): Promise<LogSource[]> {
  const sources: LogSource[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const globber = await glob.create(pattern, { matchDirectories: false, implicitDescendants: false });
    const files = await globber.glob();
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

/** Reports name files relative to the workspace, as a person sees them in the repository. */
function relativeToWorkspace(file: string): string {
  const root = process.env.GITHUB_WORKSPACE || process.cwd();
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}
