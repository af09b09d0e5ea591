import type { Build, Step } from '../../model.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { isCacheable } from '../metrics.js';
import { quote, stepEvidence } from '../evidence.js';
import { inlineCode } from '../../text/markdown.js';

/** Below this share of cache hits a build is reported as mostly rebuilt. */
const FEW_HITS = 0.25;
/** Builds with fewer cacheable steps say too little about the cache to report on. */
const MIN_CACHEABLE = 2;
/** Rebuilding steps that took less than this in all is not worth a finding. */
const MIN_RERUN_SECONDS = 30;

export const cacheMissRule: Rule = {
  ids: ['cache-miss'],
  run({ build, cache }: RuleContext): RuleFinding[] {
    // A build that failed or was canceled says more about that than about its cache.
    if (build.status !== 'success' && build.status !== 'unknown') return [];
    if (cache.ratio === null || cache.hits + cache.misses < MIN_CACHEABLE || cache.ratio >= FEW_HITS) return [];
    const rerunSeconds = build.steps.filter((s) => isCacheable(s) && !s.cached).reduce((total, s) => total + (s.seconds ?? 0), 0);
    if (rerunSeconds < MIN_RERUN_SECONDS) return [];
    const none = cache.hits === 0;
    const firstRan = firstStepsThatRan(build);
    const evidence = [
      ...build.cache.imports.map((op) => quote(op.line, `importing cache manifest from ${op.ref ?? op.kind}${op.seconds !== null ? ` (${op.seconds} s)` : ''}`)),
      ...firstRan.flatMap((step) => stepEvidence(step)),
    ];
    const total = cache.hits + cache.misses;
    return [
      {
        id: 'cache-miss',
        severity: none ? 'warning' : 'notice',
        title: none
          ? `No cache hits: all ${total} cacheable steps ran`
          : `Few cache hits: ${cache.hits} of ${total} cacheable steps came from the cache`,
        evidence,
        fix: fixFor(build, firstRan),
        data: { hits: cache.hits, misses: cache.misses, ratio: cache.ratio, rerunSeconds: Math.round(rerunSeconds * 10) / 10 },
      },
    ];
  },
};

/** The first instruction that ran in each stage and platform: it invalidated everything after it. */
function firstStepsThatRan(build: Build): Step[] {
  const first = new Map<string, Step>();
  for (const step of build.steps) {
    if (!isCacheable(step) || step.cached) continue;
    const key = `${step.platform ?? ''}|${step.stage ?? ''}`;
    const known = first.get(key);
    if (!known || (step.index ?? 0) < (known.index ?? 0)) first.set(key, step);
  }
  // One per stage is enough: the same step on another platform says nothing new.
  const byStage = new Map<string, Step>();
  for (const step of first.values()) if (!byStage.has(step.stage ?? '')) byStage.set(step.stage ?? '', step);
  return [...byStage.values()].slice(0, 3);
}

function fixFor(build: Build, firstRan: Step[]): string {
  const lines: string[] = [];
  const imports = build.cache.imports;
  const cacheFrom = build.cache.imports.length > 0 || build.request.cacheFrom.length > 0;
  if (!cacheFrom) {
    lines.push(
      '- This build reads no cache. With `docker/build-push-action`, add `cache-from: type=gha,scope=<image>` and `cache-to: type=gha,mode=max,scope=<image>` (one scope per image of a matrix, so they do not evict each other).',
    );
  } else {
    const source = imports[0]?.ref ?? build.request.cacheFrom[0] ?? 'the cache';
    lines.push(
      `- The cache was read from ${inlineCode(source)} but nothing matched. On a first run or after the cache was evicted this is expected (GitHub keeps 10 GB of Actions cache per repository and evicts the least recently used); a warm run should then hit most steps. Warm the cache by running the workflow on a branch before merging large dependency changes.`,
    );
  }
  const cacheTo = build.request.cacheTo.join(' ');
  if (cacheTo && !/mode=max/.test(cacheTo) && new Set(build.steps.map((s) => s.stage)).size > 1) {
    lines.push(`- ${inlineCode(cacheTo)} exports only the final stage (mode=min): add \`mode=max\` so the builder stages are cached too.`);
  }
  if (firstRan.length > 0) {
    const first = firstRan[0]!;
    lines.push(
      `- The first step that ran was ${inlineCode(`${first.instruction} ${first.command}`)}: every step after it in its stage ran too. Copy only dependency manifests (for Rust: \`Cargo.toml\`, \`Cargo.lock\`, or a \`cargo chef prepare\` recipe) and build dependencies before copying the sources, so a source change does not rebuild them.`,
    );
  }
  lines.push(
    '- Keep compiler caches across builds with cache mounts, e.g. `RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/app/target cargo build --release`.',
  );
  return lines.join('\n');
}
