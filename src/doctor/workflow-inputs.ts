import { actionOf, type WorkflowStep } from './workflow-file.js';

// Reading a workflow step's inputs the way the Docker actions read them.

const BUILD_ACTIONS = new Set(['docker/build-push-action', 'docker/bake-action']);

export function isBuildStep(step: WorkflowStep): boolean {
  const action = step.uses ? actionOf(step.uses.value) : null;
  return action !== null && (BUILD_ACTIONS.has(action.name) || action.name.startsWith('docker/bake-action/'));
}

/** `true`, `false`, or an expression (null) for a boolean input. */
export function literalBoolean(value: string | undefined): boolean | null {
  if (value === undefined || value.trim() === '') return false;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '${{ true }}') return true;
  if (text === 'false' || text === '${{ false }}') return false;
  return null;
}

/** Inputs that hold one entry a line (`cache-from`, `tags`); commas separate only when on one line for `platforms`. */
export function entries(value: string): string[] {
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
}

export interface CacheEntry {
  text: string;
  type: string;
  attrs: Map<string, string>;
}

export function parseCacheEntry(text: string): CacheEntry {
  const attrs = new Map<string, string>();
  // A bare reference (`user/app:cache`) is a registry cache.
  if (!text.includes('=')) return { text, type: 'registry', attrs: new Map([['ref', text]]) };
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) attrs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return { text, type: attrs.get('type') ?? 'registry', attrs };
}

/** cache-from / cache-to of a build-push-action step, or of a bake-action's `set` (`*.cache-to=...`). */
export function cacheInputs(step: WorkflowStep): { from: CacheEntry[]; to: CacheEntry[]; toLine: number | null; fromLine: number | null } {
  const from = entries(step.with.get('cache-from')?.value ?? '').map(parseCacheEntry);
  const to = entries(step.with.get('cache-to')?.value ?? '').map(parseCacheEntry);
  let toLine = step.with.get('cache-to')?.line ?? null;
  let fromLine = step.with.get('cache-from')?.line ?? null;
  const set = step.with.get('set');
  if (set) {
    for (const line of entries(set.value)) {
      const match = /^[^.=]+\.(cache-from|cache-to)=(.*)$/.exec(line);
      if (!match) continue;
      if (match[1] === 'cache-to') {
        to.push(parseCacheEntry(match[2]!));
        toLine ??= set.line;
      } else {
        from.push(parseCacheEntry(match[2]!));
        fromLine ??= set.line;
      }
    }
  }
  return { from, to, toLine, fromLine };
}
