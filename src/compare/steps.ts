import type { Build, Step } from '../model.js';
import { isCacheable } from '../analyze/metrics.js';
import { collapse } from './dockerfile.js';

// How a step of one build is found again in another: by platform, stage and position, the way
// BuildKit numbers Dockerfile instructions (`[linux/arm64 builder 3/7]`). Vertex numbers (`#12`)
// differ from build to build; the position does not unless the Dockerfile changed.

export function stepKey(step: Step): string {
  return `${step.platform ?? ''}|${step.stage ?? ''}|${step.index ?? ''}`;
}

/** `RUN cargo build --release`, whitespace collapsed: what is compared between builds. */
export function instructionText(step: Step): string {
  return collapse(`${step.instruction ?? ''} ${step.command}`);
}

/** The bracket BuildKit prints before the instruction: `[4/6]`, `[linux/amd64 builder 2/3]`. */
export function stepLabel(step: Step): string {
  return /^\[[^\]]*\]/.exec(step.name)?.[0] ?? `#${step.id}`;
}

/** A Dockerfile step that ran (it was not taken from the cache), in build order (vertex number). */
export function ranSteps(build: Build): Step[] {
  return build.steps.filter((s) => isCacheable(s) && !s.cached && (s.status === 'done' || s.status === 'error')).sort((a, b) => a.id - b.id);
}

/** The instruction steps by key; the first of a key wins (BuildKit prints a step once per build). */
export function stepsByKey(build: Build): Map<string, Step> {
  const map = new Map<string, Step>();
  for (const step of build.steps) if (step.kind === 'instruction' && !map.has(stepKey(step))) map.set(stepKey(step), step);
  return map;
}

/** The step before this one in its stage (index - 1), when the log has it. */
export function previousStep(byKey: Map<string, Step>, step: Step): Step | null {
  if (step.index === null || step.index <= 1) return null;
  return byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index - 1}`) ?? null;
}

/**
 * The digest the stage's FROM resolved to (`FROM docker.io/library/alpine:3.19@sha256:...`), if
 * printed. BuildKit prints a FROM once when two stages start from the same image (under the first
 * stage's name): a stage without its own FROM takes the build's only base digest, if there is one.
 */
export function baseDigest(build: Build, byKey: Map<string, Step>, step: Step): string | null {
  const from = byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|1`);
  if (from && from.instruction === 'FROM') return digestOf(from);
  const all = new Set(build.steps.filter((s) => s.instruction === 'FROM' && s.platform === step.platform).map(digestOf));
  return all.size === 1 ? [...all][0]! : null;
}

function digestOf(from: Step): string | null {
  return /@(sha256:[0-9a-f]{64})/.exec(from.command)?.[1] ?? null;
}

/** The stage that produced the image: the one of the last Dockerfile step of the build. */
export function finalStage(build: Build): string | null {
  const steps = build.steps.filter((s) => s.kind === 'instruction');
  if (steps.length === 0) return null;
  return steps.reduce((last, s) => (s.id > last.id ? s : last)).stage;
}
