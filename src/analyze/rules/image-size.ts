import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { formatByteDelta, formatBytes } from '../../text/bytes.js';
import { inlineCode } from '../../text/markdown.js';

/** An image whose compressed size on a platform is over the `max-image-size` budget. */
export const imageSizeRule: Rule = {
  ids: ['image-too-large'],
  run({ build, options }: RuleContext): RuleFinding[] {
    const limit = options.maxImageBytes ?? null;
    if (limit === null) return [];
    const findings: RuleFinding[] = [];
    for (const image of build.images) {
      const over = (image.platforms ?? []).filter((p) => p.compressedBytes > limit);
      if (over.length === 0) continue;
      const worst = over.reduce((a, b) => (b.compressedBytes > a.compressedBytes ? b : a));
      findings.push({
        id: 'image-too-large',
        severity: 'warning',
        title: `${image.ref} is ${formatBytes(worst.compressedBytes)} on ${worst.platform}, over the ${formatBytes(limit)} budget`,
        evidence: [],
        fix: [
          `Compressed size per platform: ${over.map((p) => `${inlineCode(p.platform)} ${formatBytes(p.compressedBytes)}${p.baselineBytes !== null ? ` (${formatByteDelta(p.compressedBytes, p.baselineBytes)} against the baseline)` : ''}`).join(', ')}.`,
          '',
          '- Build in stages and copy only the artifacts into a small final image (`distroless`, `alpine`, `scratch` for static binaries).',
          '- Leave caches and build tools out of the final stage (`--mount=type=cache` for package managers, `rm -rf /var/lib/apt/lists/*` in the same `RUN`).',
          '- Raise the `max-image-size` input if the size is expected.',
        ].join('\n'),
        data: { platform: worst.platform, bytes: worst.compressedBytes, limitBytes: limit },
      });
    }
    return findings;
  },
};
