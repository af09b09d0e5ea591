import type { BuildAnalysis } from '../analyze/analyze.js';
import { formatByteDelta, formatBytes } from '../text/bytes.js';
import { escapeCell, escapeText, inlineCode } from '../text/markdown.js';
import { redact } from '../text/redact.js';

/**
 * The image size table (per build, image and platform, with the change against the baseline), and
 * one line for each image whose size could not be had. Empty when no size was measured.
 */
export function imageSizeSection(builds: BuildAnalysis[], heading = '### Image sizes'): string {
  const rows: string[] = [];
  const unavailable: string[] = [];
  for (const { build } of builds) {
    for (const image of build.images) {
      if (image.sizeUnavailable) unavailable.push(`- ${escapeText(build.name)}: ${inlineCode(image.ref, 120)}: ${escapeText(redact(image.sizeUnavailable))}`);
      for (const platform of image.platforms ?? []) {
        const change = platform.baselineBytes === null ? '—' : formatByteDelta(platform.compressedBytes, platform.baselineBytes);
        const baseline = platform.baselineBytes === null ? '—' : formatBytes(platform.baselineBytes);
        rows.push(
          `| ${escapeCell(build.name)} | ${inlineCode(image.ref, 80)} | ${escapeCell(platform.platform)} | ${formatBytes(platform.compressedBytes)} | ${baseline} | ${change} |`,
        );
      }
    }
  }
  if (rows.length === 0 && unavailable.length === 0) return '';
  const table = rows.length ? ['| Build | Image | Platform | Compressed | Baseline | Change |', '|---|---|---|---:|---:|---:|', ...rows].join('\n') : '';
  return [heading, table, unavailable.join('\n')].filter(Boolean).join('\n\n');
}
