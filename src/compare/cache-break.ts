import type { Build, Step } from '../model.js';
import { round } from '../analyze/metrics.js';
import { argsInScope, instructionAt, matchesWithArgs, usesVariables, type Dockerfile } from './dockerfile.js';
import { baseDigest, finalStage, instructionText, previousStep, ranSteps, stepKey, stepLabel, stepsByKey } from './steps.js';
import { cacheLocation } from '../parse/vertex-name.js';

export type CacheBreakReason =
  | 'dockerfile-edited'
  | 'build-arg-changed'
  | 'context-changed'
  | 'base-image-changed'
  | 'cache-not-imported'
  | 'cache-mode-min'
  | 'cache-evicted'
  | 'platform-added'
  | 'first-build'
  | 'unknown';

/** Where a build stopped using the cache, and why. */
export interface CacheBreak {
  /** The step's bracket as BuildKit printed it: `[4/6]`, `[linux/amd64 builder 2/3]`. */
  step: string;
  /** `RUN cargo build --release` (as printed, arguments substituted). */
  instruction: string;
  platform: string | null;
  /** The Dockerfile and line of the instruction, when the workspace has the Dockerfile. */
  dockerfile: string | null;
  dockerfileLine: number | null;
  reason: CacheBreakReason;
  /** One sentence of plain text (it may quote the log: escape it): the evidence behind the reason. */
  detail: string;
  /** Steps that ran from this one on, this one included. */
  rebuiltSteps: number;
  /** The time those steps took. */
  secondsLost: number;
  /** The input line of the step, for evidence. */
  line: number;
}

export interface BreakContext {
  dockerfile: Dockerfile | null;
}

/**
 * The first step, in build order, that ran in `head` although the baseline had it (and a cache it
 * could come from), with the reason. `base` undefined: the build has no counterpart in the baseline
 * (a first build). `base` null: no baseline at all, only a miss after hits within `head` is told.
 */
export function findCacheBreak(head: Build, base: Build | null | undefined, context: BreakContext): CacheBreak | null {
  const ran = ranSteps(head);
  if (ran.length === 0) return null;
  const headByKey = stepsByKey(head);
  if (base === null) return breakWithoutBaseline(ran, headByKey, context);
  if (base === undefined) {
    if (head.steps.some((s) => s.kind === 'instruction' && s.cached)) return breakWithoutBaseline(ran, headByKey, context);
    return make(ran, ran[0]!, 'first-build', 'the baseline has no build of this name: nothing could come from its cache', context);
  }
  const baseByKey = stepsByKey(base);
  const headHits = head.steps.some((s) => s.kind === 'instruction' && s.cached && s.instruction !== 'FROM');
  const baseExported = exported(base);
  const modeMin = modeMinBreak(head, base, ran, baseByKey, context);
  if (modeMin) return modeMin;
  // A baseline that names no platform built one: the one this build names first (its native one).
  const samePlatform = base.platforms.length === 0 ? primaryPlatform(head) : null;
  let newPlatform: Step | null = null;
  for (const step of ran) {
    const known = step.platform === null || base.platforms.includes(step.platform) || step.platform === samePlatform;
    if (!known) {
      newPlatform ??= step;
      continue;
    }
    // A baseline of one platform may not name it: its steps are this platform's.
    const counterpart = baseByKey.get(stepKey(step)) ?? baseByKey.get(stepKey({ ...step, platform: null }));
    if (!counterpart) {
      // A stage of another length: instructions were added or removed.
      const sibling = base.steps.find((s) => s.kind === 'instruction' && (s.platform === step.platform || s.platform === null) && s.stage === step.stage);
      if (sibling && sibling.total !== step.total)
        return make(
          ran,
          step,
          'dockerfile-edited',
          `the stage has ${step.total ?? '?'} steps, ${sibling.total ?? '?'} in the baseline: instructions were added or removed`,
          context,
        );
      continue;
    }
    if (counterpart.status !== 'done' && counterpart.status !== 'cached') continue;
    // Without a cache the step could have come from, its running is no break.
    if (!counterpart.cached && !baseExported && !headHits) continue;
    return reasonFor(head, base, ran, step, counterpart, headByKey, baseByKey, context);
  }
  if (newPlatform)
    return make(
      ran,
      newPlatform,
      'platform-added',
      `the baseline built ${base.platforms.length ? base.platforms.join(', ') : 'one platform'}, not ${newPlatform.platform}`,
      context,
    );
  return null;
}

/** The platform a build names first: its native one when it builds that, else linux/amd64 if it builds that. */
function primaryPlatform(build: Build): string | null {
  if (build.nativePlatform && build.platforms.includes(build.nativePlatform)) return build.nativePlatform;
  if (build.platforms.includes('linux/amd64')) return 'linux/amd64';
  return build.platforms[0] ?? null;
}

/**
 * mode=min exports the final stage's layers only. When a step of the final stage changed before its
 * `COPY --from`, the intermediate stage it copies from has to run again, although nothing of it
 * changed: with mode=max it would have come from the cache. The tell-tale: the cache was imported,
 * the final stage had hits, its first ran step comes before its first `COPY --from` (so it is not the
 * intermediate stage's change arriving), and an intermediate stage's unchanged steps ran.
 */
function modeMinBreak(head: Build, base: Build, ran: Step[], baseByKey: Map<string, Step>, context: BreakContext): CacheBreak | null {
  if (!head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached') || !exported(base) || exportModeOf(base) === 'max') return null;
  if (importProblem(head, base)) return null;
  const final = finalStage(head);
  const finalSteps = head.steps.filter((s) => s.kind === 'instruction' && s.stage === final && s.instruction !== 'FROM' && s.index !== null);
  if (!finalSteps.some((s) => s.cached)) return null;
  const firstCopyFrom = Math.min(...finalSteps.filter((s) => /--from=/.test(s.command)).map((s) => s.index!));
  const firstRan = Math.min(...finalSteps.filter((s) => !s.cached).map((s) => s.index!));
  if (!Number.isFinite(firstCopyFrom) || !(firstRan < firstCopyFrom)) return null;
  // An intermediate stage that was itself edited broke by its edit, not by the export mode.
  const others = ran.filter((s) => s.stage !== final);
  const unchanged = (s: Step) => {
    const before = baseByKey.get(stepKey(s)) ?? baseByKey.get(stepKey({ ...s, platform: null }));
    return before !== undefined && instructionText(before) === instructionText(s) && before.total === s.total;
  };
  if (others.length === 0 || !others.every(unchanged)) return null;
  const intermediate = others[0]!;
  const trigger = finalSteps.find((s) => s.index === firstRan)!;
  return make(
    ran,
    intermediate,
    'cache-mode-min',
    `the baseline exported its cache with mode=min (the final stage only): when ${stepLabel(trigger)} ${instructionText(trigger)} ran, the unchanged stage ${intermediate.stage ?? ''} had to run again; mode=max would have kept it`,
    context,
  );
}

function reasonFor(
  head: Build,
  base: Build,
  ran: Step[],
  step: Step,
  counterpart: Step,
  headByKey: Map<string, Step>,
  baseByKey: Map<string, Step>,
  context: BreakContext,
): CacheBreak {
  const said = instructionText(step);
  const before = instructionText(counterpart);
  if (said !== before || step.total !== counterpart.total) return editOrArgument(ran, step, before, context);

  const headBase = baseDigest(head, headByKey, step);
  const baseBase = baseDigest(base, baseByKey, counterpart);
  if (headBase && baseBase && headBase !== baseBase)
    return make(ran, step, 'base-image-changed', `the stage's FROM resolved to ${short(headBase)}, ${short(baseBase)} in the baseline`, context);

  const imported = importProblem(head, base);
  if (imported) return make(ran, step, 'cache-not-imported', imported, context);

  const previous = previousStep(headByKey, step);
  const hits = head.steps.filter((s) => s.kind === 'instruction' && s.instruction !== 'FROM' && s.cached).length;
  const importOk = head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached');
  const baseExported = exported(base);
  const copies = (step.instruction === 'COPY' || step.instruction === 'ADD') && !/--from=/.test(step.command);
  if (importOk && baseExported && hits === 0)
    return make(
      ran,
      step,
      'cache-evicted',
      "the cache was imported, yet no step came from it: the baseline's entries are gone (evicted or overwritten)",
      context,
    );
  if (copies && previous && (previous.cached || previous.instruction === 'FROM'))
    return make(
      ran,
      step,
      'context-changed',
      `the instruction is unchanged and the step before it ${previous.cached ? 'came from the cache' : 'is the FROM'}: the files it copies changed`,
      context,
    );
  if (step.instruction === 'RUN' && context.dockerfile && step.index !== null) {
    const args = argsInScope(context.dockerfile, step.stage, step.index);
    if (args.length > 0)
      return make(
        ran,
        step,
        'build-arg-changed',
        `the instruction is unchanged, and the build arguments in scope (${args.join(', ')}) are part of its cache key: one of them took another value`,
        context,
      );
  }
  if (importOk && baseExported)
    return make(ran, step, 'cache-evicted', 'the cache was imported, yet this unchanged step missed: its entry is gone (evicted or overwritten)', context);
  return make(ran, step, 'unknown', 'the instruction and the base image are unchanged and no cache import failed', context);
}

/** The printed text changed: an edit, unless the Dockerfile's own text (with its variables) gives both. */
function editOrArgument(ran: Step[], step: Step, before: string, context: BreakContext): CacheBreak {
  const line = context.dockerfile && step.index !== null ? instructionAt(context.dockerfile, step.stage, step.index) : null;
  if (
    line &&
    line.keyword === step.instruction &&
    usesVariables(line.args) &&
    matchesWithArgs(line.args, step.command) &&
    matchesWithArgs(line.args, before.slice(before.indexOf(' ') + 1))
  ) {
    return make(
      ran,
      step,
      'build-arg-changed',
      `the Dockerfile's instruction is the same, but a build argument it uses took another value (the baseline ran: ${before})`,
      context,
    );
  }
  return make(ran, step, 'dockerfile-edited', `the instruction changed (the baseline ran: ${before})`, context);
}

/**
 * Why the cache the baseline exported did not reach this build: no import at all, a failed import,
 * BuildKit's warning that the source was not found, or another scope or reference than the export's.
 */
function importProblem(head: Build, base: Build): string | null {
  if (!exported(base)) return null;
  const warning = head.cache.warnings?.[0];
  if (warning) return `BuildKit warned: ${warning.text}`;
  const failed = head.cache.imports.find((op) => op.status === 'error');
  if (failed && !head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached'))
    return `the cache import from ${failed.ref ?? failed.kind} failed`;
  if (head.cache.imports.length === 0) {
    return head.request.cacheFrom.length > 0
      ? 'the build asked for a cache (cache-from) but imported none'
      : 'the baseline exported a cache, but this build imported none (no cache-from)';
  }
  const from = new Set(head.request.cacheFrom.map(cacheLocation).filter((l): l is string => l !== null));
  const to = base.request.cacheTo.map(cacheLocation).filter((l): l is string => l !== null);
  if (from.size > 0 && to.length > 0 && !to.some((l) => from.has(l)))
    return `this build imports ${[...from].join(', ')}, the baseline exported ${to.join(', ')}`;
  return null;
}

function exported(build: Build): boolean {
  return build.cache.exports.some((op) => op.status === 'done') || build.request.cacheTo.length > 0;
}

/** `min` unless the baseline's cache-to said `mode=max` (BuildKit's default is min); null when unknown. */
function exportModeOf(base: Build): 'min' | 'max' | null {
  if (base.request.cacheTo.length === 0) return null;
  return base.request.cacheTo.some((o) => /(?:^|,)mode=max\b/.test(o)) ? 'max' : 'min';
}

/** Without a baseline: the first step that ran after an earlier step of its stage came from the cache. */
function breakWithoutBaseline(ran: Step[], byKey: Map<string, Step>, context: BreakContext): CacheBreak | null {
  for (const step of ran) {
    if (step.index === null) continue;
    let hitBefore = false;
    for (let i = step.index - 1; i >= 2 && !hitBefore; i--) hitBefore = byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|${i}`)?.cached ?? false;
    if (!hitBefore) continue;
    const copies = (step.instruction === 'COPY' || step.instruction === 'ADD') && !/--from=/.test(step.command);
    if (copies) return make(ran, step, 'context-changed', 'the steps before it came from the cache: the files it copies changed', context);
    const line = context.dockerfile ? instructionAt(context.dockerfile, step.stage, step.index) : null;
    const args = context.dockerfile ? argsInScope(context.dockerfile, step.stage, step.index) : [];
    if (line && line.keyword === step.instruction && args.length > 0)
      return make(
        ran,
        step,
        'build-arg-changed',
        `the steps before it came from the cache and build arguments in scope (${args.join(', ')}) are part of its cache key`,
        context,
      );
    return make(ran, step, 'dockerfile-edited', 'the steps before it came from the cache: the instruction (or what it depends on) changed', context);
  }
  return null;
}

function make(ran: Step[], step: Step, reason: CacheBreakReason, detail: string, context: BreakContext): CacheBreak {
  const rebuilt = ran.filter((s) => s.id >= step.id);
  const line = context.dockerfile && step.index !== null ? instructionAt(context.dockerfile, step.stage, step.index) : null;
  return {
    step: stepLabel(step),
    instruction: instructionText(step),
    platform: step.platform,
    dockerfile: line ? context.dockerfile!.path : null,
    dockerfileLine: line && line.keyword === step.instruction ? line.line : null,
    reason,
    detail,
    rebuiltSteps: rebuilt.length,
    secondsLost: round(
      rebuilt.reduce((sum, s) => sum + (s.seconds ?? 0), 0),
      1,
    ),
    line: step.line,
  };
}

function short(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}
