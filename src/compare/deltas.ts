import type { BuildAnalysis } from '../analyze/analyze.js';
import { round } from '../analyze/metrics.js';
import { instructionText, stepKey, stepLabel, stepsByKey } from './steps.js';

/** What changed between a build and its baseline, in numbers. */
export interface BuildDeltas {
  /** This build's seconds minus the baseline's; null when either is unknown. */
  buildSeconds: number | null;
  jobSeconds: number | null;
  /** This build's cache hit ratio minus the baseline's. */
  cacheRatio: number | null;
  /** Seconds of Dockerfile steps per platform, both sides. */
  platformSeconds: Array<{ platform: string; seconds: number | null; baselineSeconds: number | null }>;
  /** Steps that ran in both builds and took much longer in this one (SLOWER_BY seconds and SLOWER_FACTOR times). */
  slowerSteps: Array<{ step: string; instruction: string; platform: string | null; seconds: number; baselineSeconds: number }>;
  /** Compressed image size per platform when both builds' images were measured. */
  imageSizes: Array<{ ref: string; platform: string; bytes: number; baselineBytes: number; change: number }>;
  /** Finding ids this build has and the baseline had not, and the other way round. */
  newFindings: string[];
  goneFindings: string[];
  /** What the baseline pushed. */
  baselineDigests: Array<{ ref: string; digest: string }>;
}

/** A step is "much slower" when it took this many seconds more... */
export const SLOWER_BY = 5;
/** ...and this many times as long. */
export const SLOWER_FACTOR = 1.5;

export function buildDeltas(head: BuildAnalysis, base: BuildAnalysis): BuildDeltas {
  const diff = (a: number | null, b: number | null, digits = 1) => (a === null || b === null ? null : round(a - b, digits));
  const platforms = [...new Set([...Object.keys(head.timing.platformSeconds), ...Object.keys(base.timing.platformSeconds)])];
  const baseSteps = stepsByKey(base.build);
  const slowerSteps: BuildDeltas['slowerSteps'] = [];
  for (const step of head.build.steps) {
    if (step.kind !== 'instruction' || step.cached || step.seconds === null) continue;
    const before = baseSteps.get(stepKey(step));
    if (!before || before.cached || before.seconds === null || instructionText(before) !== instructionText(step)) continue;
    if (step.seconds - before.seconds >= SLOWER_BY && step.seconds >= before.seconds * SLOWER_FACTOR) {
      slowerSteps.push({
        step: stepLabel(step),
        instruction: instructionText(step),
        platform: step.platform,
        seconds: step.seconds,
        baselineSeconds: before.seconds,
      });
    }
  }
  slowerSteps.sort((a, b) => b.seconds - b.baselineSeconds - (a.seconds - a.baselineSeconds));
  const imageSizes: BuildDeltas['imageSizes'] = [];
  for (const image of head.build.images) {
    for (const platform of image.platforms ?? []) {
      const before = base.build.images.find((i) => sameRepository(i.ref, image.ref))?.platforms?.find((p) => p.platform === platform.platform);
      if (before)
        imageSizes.push({
          ref: image.ref,
          platform: platform.platform,
          bytes: platform.compressedBytes,
          baselineBytes: before.compressedBytes,
          change: platform.compressedBytes - before.compressedBytes,
        });
    }
  }
  const headIds = new Set(head.findings.map((f) => f.id));
  const baseIds = new Set(base.findings.map((f) => f.id));
  return {
    buildSeconds: diff(head.build.buildSeconds, base.build.buildSeconds),
    jobSeconds: diff(head.build.jobSeconds, base.build.jobSeconds),
    cacheRatio: diff(head.cache.ratio, base.cache.ratio, 3),
    platformSeconds: platforms.map((platform) => ({
      platform,
      seconds: head.timing.platformSeconds[platform] ?? null,
      baselineSeconds: base.timing.platformSeconds[platform] ?? null,
    })),
    slowerSteps: slowerSteps.slice(0, 5),
    imageSizes,
    newFindings: [...headIds].filter((id) => !baseIds.has(id)),
    goneFindings: [...baseIds].filter((id) => !headIds.has(id)),
    baselineDigests: base.build.images.filter((i) => i.digest).map((i) => ({ ref: i.ref, digest: i.digest! })),
  };
}

/** `ghcr.io/o/app:pr-7` and `ghcr.io/o/app:main` are the same image, another tag. */
function sameRepository(a: string, b: string): boolean {
  const repo = (ref: string) => ref.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
  return repo(a) === repo(b);
}
