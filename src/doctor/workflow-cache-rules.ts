import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../model.js';
import { inlineCode } from '../text/markdown.js';
import { actionOf, type WorkflowJob, type WorkflowStep } from './workflow-file.js';
import { finding, lineWithin, replaceHunk, type RuleContext } from './workflow-findings.js';
import { cacheInputs, type CacheEntry } from './workflow-inputs.js';

// Cache pitfalls of a build step: matrix legs sharing a gha scope, mode=max missing, a scope read that nobody writes.

export function cacheRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep): Finding[] {
  const out: Finding[] = [];
  const { from, to, toLine, fromLine } = cacheInputs(step);
  for (const entry of to) {
    const line = toLine === null ? step.line : lineWithin(ctx, toLine, entry.text);
    if (entry.type === 'gha' && job.matrix) {
      const scope = entry.attrs.get('scope');
      if (scope === undefined || !/matrix\.|strategy\.job-index/.test(scope)) {
        const title =
          scope === undefined
            ? "cache-to type=gha has no scope in a matrix job: the legs overwrite each other's cache"
            : `cache-to type=gha uses the same scope ${JSON.stringify(scope)} in every leg of the matrix`;
        const newEntry = scope === undefined ? `${entry.text},scope=\${{ matrix.<key> }}` : entry.text.replace(`scope=${scope}`, 'scope=${{ matrix.<key> }}');
        out.push(
          finding(
            ctx,
            'cache-miss',
            'warning',
            title,
            line,
            `Every leg of ${inlineCode(job.id)} writes the cache under one scope, so the last leg to finish replaces the others' cache and the next run misses. Give each leg its own scope (the matrix key that names the image), the same in \`cache-from\`.`,
            replaceHunk(ctx, line, entry.text, newEntry),
          ),
        );
      }
    }
    // An explicit `mode=min` is a choice (a small cache on purpose); only a missing mode is flagged.
    if (entry.type !== 'inline' && !entry.attrs.has('mode')) {
      const stages = dockerfileStages(ctx, step);
      if (stages === null || stages > 1) {
        const newEntry = entry.text.includes('=') ? entry.text.replace(/^type=([^,]+)/, 'type=$1,mode=max') : `type=registry,ref=${entry.text},mode=max`;
        const known = stages !== null;
        out.push(
          finding(
            ctx,
            'cache-miss',
            known ? 'warning' : 'notice',
            known
              ? `cache-to exports only the final stage of a ${stages}-stage Dockerfile (mode=max is missing)`
              : 'cache-to exports only the final stage (mode=max is missing)',
            line,
            `Without \`mode=max\` the cache holds only the layers of the stage that ends in the image; the builder stages (dependencies, compilation) are rebuilt on every run${known ? '' : ' when the Dockerfile has several stages'}.`,
            replaceHunk(ctx, line, entry.text, newEntry),
          ),
        );
      }
    }
  }
  const ghaTo = to.filter((e) => e.type === 'gha');
  const ghaFrom = from.filter((e) => e.type === 'gha');
  if (ghaTo.length > 0 && ghaFrom.length > 0) {
    const scopeOf = (e: CacheEntry) => e.attrs.get('scope') ?? 'buildkit';
    const read = new Set(ghaFrom.map(scopeOf));
    for (const entry of ghaTo) {
      if (read.has(scopeOf(entry))) continue;
      const fromEntry = ghaFrom[0]!;
      const line = fromLine === null ? step.line : lineWithin(ctx, fromLine, fromEntry.text);
      const newFrom = fromEntry.attrs.has('scope')
        ? fromEntry.text.replace(`scope=${scopeOf(fromEntry)}`, `scope=${scopeOf(entry)}`)
        : `${fromEntry.text},scope=${scopeOf(entry)}`;
      out.push(
        finding(
          ctx,
          'cache-miss',
          'warning',
          `cache-from reads scope ${JSON.stringify(scopeOf(fromEntry))} but cache-to writes scope ${JSON.stringify(scopeOf(entry))}`,
          line,
          'The build reads a cache that no build writes, so every run starts cold. Read the scope that `cache-to` writes.',
          replaceHunk(ctx, line, fromEntry.text, newFrom),
        ),
      );
    }
  }
  return out;
}

/** Number of `FROM` lines of the step's Dockerfile when it can be read without expressions, else null. */
export function dockerfileStages(ctx: RuleContext, step: WorkflowStep): number | null {
  if (!ctx.workspace || step.with.has('set') || actionOf(step.uses!.value)?.name !== 'docker/build-push-action') return null;
  const context = step.with.get('context')?.value ?? '.';
  const file = step.with.get('file')?.value ?? path.join(context, 'Dockerfile');
  if (file.includes('${{') || context.includes('${{') || /^[a-z]+:\/\//.test(context)) return null;
  try {
    const text = fs.readFileSync(path.resolve(ctx.workspace, file), 'utf8');
    return text.split('\n').filter((l) => /^\s*FROM\s/i.test(l)).length;
  } catch {
    return null;
  }
}
