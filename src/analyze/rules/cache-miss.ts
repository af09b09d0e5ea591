import type { Build, Step } from '../../model.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { isCacheable } from '../metrics.js';
import { stepEvidence } from '../evidence.js';
import { cacheLocation } from '../../parse/vertex-name.js';
import { inlineCode } from '../../text/markdown.js';
import { firstListItem } from '../../text/fix-lines.js';

/** Below this share of cache hits a build is reported as mostly rebuilt. */
const FEW_HITS = 0.25;
/** Builds with fewer cacheable steps say too little about the cache to report on. */
const MIN_CACHEABLE = 2;
/** Rebuilding steps that took less than this in all is not worth a finding. */
const MIN_RERUN_SECONDS = 30;

export const cacheMissRule: Rule = {
  ids: ['cache-miss'],
  run({ build, cache, catalog }: RuleContext): RuleFinding[] {
    // A build that failed or was canceled says more about that than about its cache.
    if (build.status !== 'success' && build.status !== 'unknown') return [];
    // Said in the warning below when there is one, else on its own.
    const ownImage = imageAsItsOwnCache(build, cache.hits, cache.misses);
    const ownImageAlone = (): RuleFinding[] => (ownImage ? [ownImageNotice(build, ownImage, catalog)] : []);
    if (cache.ratio === null || cache.hits + cache.misses < MIN_CACHEABLE || cache.ratio >= FEW_HITS) {
      const chain = brokenChain(build, catalog);
      return chain.length > 0 ? chain : ownImageAlone();
    }
    const rerunSeconds = build.steps.filter((s) => isCacheable(s) && !s.cached).reduce((total, s) => total + (s.seconds ?? 0), 0);
    if (rerunSeconds < MIN_RERUN_SECONDS) return ownImageAlone();
    const none = cache.hits === 0;
    const firstRan = firstStepsThatRan(build);
    const evidence = [...cacheImportSteps(build).flatMap(stepEvidence), ...firstRan.flatMap((step) => stepEvidence(step))];
    const total = cache.hits + cache.misses;
    return [
      {
        id: 'cache-miss',
        severity: none ? 'warning' : 'notice',
        title: none ? `No cache hits: all ${total} cacheable steps ran` : `Few cache hits: ${cache.hits} of ${total} cacheable steps came from the cache`,
        evidence,
        // What this build shows, then the advice (the catalog's, which a team can override), once.
        // An image that is its own cache source explains why nothing matched: said first, and its export is the change.
        fix: [ownImage ? ownImageAdvice(ownImage) : '', factsFor(build, firstRan, ownImage === null), catalog.get('cache-miss')?.fix ?? '']
          .filter(Boolean)
          .join('\n\n'),
        ...(ownImage ? { change: firstListItem(ownImageAdvice(ownImage)) } : {}),
        data: {
          pattern: none ? 'no-hits' : 'few-hits',
          hits: cache.hits,
          misses: cache.misses,
          ratio: cache.ratio,
          rerunSeconds: Math.round(rerunSeconds * 10) / 10,
          firstStep: firstRan[0] ? `${firstRan[0].instruction} ${firstRan[0].command}`.slice(0, 200) : null,
          cacheSource: build.cache.imports[0]?.ref ?? build.request.cacheFrom[0] ?? null,
        },
      },
    ];
  },
};

/**
 * `--cache-from` naming the image the build tags (`docker pull app:latest && docker build --cache-from
 * app:latest -t app:latest .`), and no cache exported anywhere: with BuildKit that image is a cache
 * source only if it was built with inline cache metadata, which this build does not export either (no
 * `--cache-to`, no `BUILDKIT_INLINE_CACHE=1`), so the next run misses too. The legacy builder used the
 * pulled layers themselves, so a workflow written for it lost its cache when BuildKit became the
 * default. Only when the log shows a step that ran and no hit. Returns that image, or null.
 */
function imageAsItsOwnCache(build: Build, hits: number, misses: number): string | null {
  if (hits > 0 || misses === 0 || build.withoutBuildKit || build.legacyBuilder || build.request.cacheTo.length > 0) return null;
  const tags = new Set(build.request.tags);
  return build.request.cacheFrom.map(registryCacheRef).find((ref): ref is string => ref !== null && tags.has(ref)) ?? null;
}

function ownImageAdvice(source: string): string {
  return [
    `The build reads its cache from ${inlineCode(source)}, the image it builds, and exports no cache: BuildKit reuses an image's layers as cache only when the image carries inline cache metadata, so the steps run again, now and next time.`,
    '',
    `- Export the cache with the image: \`--cache-to type=inline\` (or \`--build-arg BUILDKIT_INLINE_CACHE=1\`); with build-push-action, \`cache-to: type=inline\`.`,
    `- Or keep the cache apart from the image, with the intermediate stages too: \`--cache-to type=registry,ref=${source.replace(/:[^:/]+$/, '')}:buildcache,mode=max\` and the same ref in \`--cache-from\`.`,
  ].join('\n');
}

function ownImageNotice(build: Build, source: string, catalog: RuleContext['catalog']): RuleFinding {
  return {
    id: 'cache-miss',
    severity: 'notice',
    title: `The image is its own cache source without inline cache: ${source.length > 70 ? `${source.slice(0, 69)}…` : source}`,
    evidence: firstStepsThatRan(build)
      .slice(0, 1)
      .flatMap((step) => stepEvidence(step)),
    fix: [ownImageAdvice(source), catalog.get('cache-miss')?.fix ?? ''].filter(Boolean).join('\n\n'),
    change: firstListItem(ownImageAdvice(source)),
    data: { pattern: 'image-without-inline-cache', cacheSource: source },
  };
}

/** The image a registry cache source names (`app:1`, `type=registry,ref=app:1`), or null for another backend. */
function registryCacheRef(from: string): string | null {
  const location = cacheLocation(from);
  return location?.startsWith(REGISTRY) ? location.slice(REGISTRY.length) : null;
}
const REGISTRY = 'registry:';

function cacheImportSteps(build: Build): Step[] {
  return build.steps.filter((s) => s.kind === 'cache-import');
}

/**
 * A RUN that ran although the step before it in its stage came from the cache. Its parent layer
 * matched, so only its own cache entry was missing: the cache was exported without it (`mode=min`
 * keeps only the final stage), it was evicted, or a build argument it uses changed. (A COPY that
 * runs after cached steps is different: the files it copies changed, which is what caches are for.)
 */
function brokenChain(build: Build, catalog: RuleContext['catalog']): RuleFinding[] {
  if (build.cache.imports.length === 0 && build.request.cacheFrom.length === 0) return [];
  const byPlace = new Map<string, Step>();
  for (const step of build.steps) {
    if (step.kind === 'instruction' && step.index !== null) byPlace.set(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index}`, step);
  }
  for (const step of build.steps) {
    if (step.kind !== 'instruction' || step.instruction !== 'RUN' || step.cached || step.status === 'canceled' || step.index === null) continue;
    const previous = byPlace.get(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index - 1}`);
    if (!previous || !previous.cached || previous.instruction === 'FROM') continue;
    const what = `${step.instruction} ${step.command}`;
    const lines = [
      `${inlineCode(what, 120)} ran although ${inlineCode(`${previous.instruction} ${previous.command}`, 120)} before it came from the cache: the cache held its parent layer but not this step.`,
      '',
      `- \`cache-to\` without \`mode=max\` exports only the final stage's layers${build.request.cacheTo.length ? ` (this build: ${inlineCode(build.request.cacheTo.join(' '))})` : ''}: use \`mode=max\`.`,
      '- A build argument or secret this step uses changed (its value is part of the cache key), or the entry was evicted from the cache.',
      '- Downloads in such steps are better kept in a cache mount (`RUN --mount=type=cache,target=/go/pkg/mod go mod download`), which survives a miss.',
    ];
    return [
      {
        id: 'cache-miss',
        severity: step.status === 'running' || (step.seconds ?? 0) >= 10 ? 'warning' : 'notice',
        title: `A cached chain broke at ${what.length > 70 ? `${what.slice(0, 69)}…` : what}`,
        evidence: [...cacheImportSteps(build).flatMap(stepEvidence), ...stepEvidence(previous), ...stepEvidence(step)],
        fix: [lines.join('\n'), catalog.get('cache-miss')?.fix ?? ''].filter(Boolean).join('\n\n'),
        data: { pattern: 'broken-chain', step: what.slice(0, 200), seconds: step.seconds },
      },
    ];
  }
  return [];
}

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

/**
 * What the log says about this build's cache, in sentences (without the source's, when another paragraph explains it); the general advice (cache-from/cache-to,
 * warming, dependency layers) is the catalog's and follows once.
 */
function factsFor(build: Build, firstRan: Step[], withSource = true): string {
  const facts: string[] = [];
  const source = build.cache.imports[0]?.ref ?? build.request.cacheFrom[0] ?? null;
  // An import that failed read nothing: "nothing matched" would send the reader to the cache keys.
  const importFailed = build.cache.imports[0]?.status === 'error';
  if (withSource)
    facts.push(
      source && importFailed
        ? `The cache import from ${inlineCode(source)} failed, so no step could come from it: expected on a first run (nothing exported there yet), not on a warm run.`
        : source
          ? `The cache was read from ${inlineCode(source)} but nothing matched: expected on a first run or after the cache was evicted, not on a warm run.`
          : 'This build reads no cache (no `cache-from`).',
    );
  const cacheTo = build.request.cacheTo.join(' ');
  if (cacheTo && !/mode=max/.test(cacheTo) && new Set(build.steps.map((s) => s.stage)).size > 1) {
    facts.push(`${inlineCode(cacheTo)} exports only the final stage (mode=min): add \`mode=max\` so the builder stages are cached too.`);
  }
  const first = firstRan[0];
  if (first) facts.push(`The first step that ran was ${inlineCode(`${first.instruction} ${first.command}`)}; every step after it in its stage ran too.`);
  return facts.join(' ');
}
