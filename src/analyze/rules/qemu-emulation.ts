import type { Step } from '../../model.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { formatSeconds, stepEvidence } from '../evidence.js';
import { round } from '../metrics.js';
import { inlineCode } from '../../text/markdown.js';

/** An emulated step this many times slower than the same step on the native platform. */
const MIN_RATIO = 3;
/** Ignore steps too short for the ratio to mean anything. */
const MIN_EMULATED_SECONDS = 30;
/** GitHub's hosted runners are amd64 unless the log says otherwise. */
const ASSUMED_NATIVE = 'linux/amd64';

interface Pair {
  native: Step;
  emulated: Step;
  ratio: number;
  extra: number;
}

export const qemuEmulationRule: Rule = {
  ids: ['qemu-emulation'],
  run({ build, catalog }: RuleContext): RuleFinding[] {
    const native = build.nativePlatform ?? ASSUMED_NATIVE;
    const byKey = new Map<string, Step>();
    for (const step of build.steps) {
      if (step.kind === 'instruction' && step.platform === native && step.status === 'done') byKey.set(keyOf(step), step);
    }
    const pairs: Pair[] = [];
    for (const step of build.steps) {
      if (step.kind !== 'instruction' || step.platform === null || step.platform === native || step.status !== 'done') continue;
      if (step.seconds === null || step.seconds < MIN_EMULATED_SECONDS) continue;
      const twin = byKey.get(keyOf(step));
      if (!twin || twin.seconds === null || twin.seconds <= 0) continue;
      const ratio = step.seconds / twin.seconds;
      if (ratio >= MIN_RATIO) pairs.push({ native: twin, emulated: step, ratio, extra: step.seconds - twin.seconds });
    }
    if (pairs.length === 0) return [];
    pairs.sort((a, b) => b.extra - a.extra);
    const worst = pairs[0]!;
    const extra = round(
      pairs.reduce((total, pair) => total + pair.extra, 0),
      1,
    );
    const share = build.buildSeconds ? round(Math.min(1, extra / build.buildSeconds), 3) : null;
    const emulatedPlatform = worst.emulated.platform!;
    const what = `${worst.emulated.instruction} ${worst.emulated.command}`;
    return [
      {
        id: 'qemu-emulation',
        severity: 'warning',
        title: `${emulatedPlatform} ran under QEMU emulation: ${truncateTitle(what)} took ${formatSeconds(worst.emulated.seconds)} against ${formatSeconds(worst.native.seconds)} on ${native} (${round(worst.ratio, 1)}×)`,
        evidence: [...stepEvidence(worst.native), ...stepEvidence(worst.emulated)],
        fix: [
          `Emulated steps cost about ${formatSeconds(extra)} more than their native twins${share !== null ? `, ${Math.round(share * 100)}% of this build's ${formatSeconds(build.buildSeconds)}` : ''}${build.nativePlatform ? '' : ` (native platform assumed to be ${native}: the log does not say)`}. The slowest: ${inlineCode(what)} on ${inlineCode(emulatedPlatform)}.`,
          '',
          // The advice after the blank line is the same for every build: a group of builds shows it once.
          `- Build each platform on a native runner (\`runs-on: ubuntu-24.04-arm\` for arm64) in a matrix, push by digest (\`outputs: type=image,push-by-digest=true,name-canonical=true,push=true\`), then merge the digests into one tag with \`docker buildx imagetools create\`.`,
          `- Or cross-compile: start the build stage with \`FROM --platform=$BUILDPLATFORM\` and compile for \`$TARGETPLATFORM\` (for Rust: \`rustup target add\` and a cross linker, or \`cargo zigbuild\`), so only the final, cheap stage runs per platform.`,
          `- If the emulated platform is not needed on pull requests, build \`linux/amd64\` only there and all platforms on \`main\`.`,
          ...(catalog.get('qemu-emulation')?.origin === 'built-in' ? [] : ['', catalog.get('qemu-emulation')!.fix]),
        ].join('\n'),
        data: {
          platform: emulatedPlatform,
          nativePlatform: native,
          ratio: round(worst.ratio, 2),
          emulatedSeconds: worst.emulated.seconds,
          nativeSeconds: worst.native.seconds,
          extraSeconds: extra,
          shareOfBuild: share,
          step: what.slice(0, 200),
          buildSeconds: build.buildSeconds,
        },
      },
    ];
  },
};

function keyOf(step: Step): string {
  return `${step.stage ?? ''}|${step.index ?? ''}|${step.instruction ?? ''} ${step.command}`;
}

function truncateTitle(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
