import type { Analysis } from '../analyze/analyze.js';
import { redact } from '../text/redact.js';
import { stripControl, truncate } from '../text/markdown.js';
import { formatCache, formatDuration, shortDigest } from './format.js';
import { TOOL_NAME } from '../version.js';

const WIDTH = 100;

/** A report for a terminal: plain text, at most 100 columns, no Markdown. */
export function renderText(analysis: Analysis): string {
  const out: string[] = [];
  out.push(`${TOOL_NAME}: ${analysis.builds.length} build(s), status ${analysis.status}`);
  for (const problem of analysis.problems) out.push(fit(`warning: ${redact(problem.message)}`));
  if (analysis.builds.length > 0) {
    out.push('');
    out.push(row(['BUILD', 'STATUS', 'JOB', 'BUILD', 'CACHE HITS', 'STEPS', 'DIGEST']));
    for (const { build, cache } of analysis.builds) {
      const digest = build.images.find((i) => i.digest)?.digest ?? null;
      out.push(
        row([
          build.name,
          build.status,
          formatDuration(build.jobSeconds),
          formatDuration(build.buildSeconds),
          formatCache(cache.hits, cache.misses, cache.ratio),
          String(build.steps.filter((s) => s.kind === 'instruction').length),
          shortDigest(digest),
        ]),
      );
    }
    for (const { build, timing } of analysis.builds) {
      if (timing.slowestSteps.length === 0 && build.cache.imports.length === 0 && build.cache.exports.length === 0) continue;
      out.push('', fit(`${build.name}: where the time went`));
      const platforms = Object.entries(timing.platformSeconds).map(([p, s]) => `${p} ${formatDuration(s)}`);
      if (platforms.length > 1 || (platforms.length === 1 && !('default' in timing.platformSeconds))) {
        out.push(fit(`  step time per platform: ${platforms.join(', ')}`));
      }
      if (build.cache.exports.length || build.cache.imports.length) {
        out.push(fit(`  cache import ${formatDuration(timing.cacheImportSeconds)}, export ${formatDuration(timing.cacheExportSeconds)}`));
      }
      for (const step of timing.slowestSteps) out.push(fit(`  ${formatDuration(step.seconds).padStart(10)}  ${redact(step.name)}`));
    }
  }
  out.push('');
  if (analysis.findings.length === 0) out.push('No findings.');
  for (const finding of analysis.findings) {
    out.push(fit(`${finding.severity.toUpperCase()} [${finding.id}] ${finding.build ? `${finding.build}: ` : ''}${redact(finding.title)}`));
    for (const evidence of finding.evidence.slice(0, 6)) out.push(fit(`    ${evidence.line}: ${redact(evidence.text)}`));
  }
  return out.join('\n') + '\n';
}

function fit(text: string): string {
  return truncate(stripControl(text).replace(/\s*[\r\n]+\s*/g, ' '), WIDTH);
}

// Widths that, with the spaces between, add up to the 100 columns of a terminal.
const COLUMNS = [20, 9, 10, 10, 14, 6, 25];

function row(cells: string[]): string {
  return cells
    .map((cell, i) => {
      const width = COLUMNS[i]!;
      const text = truncate(stripControl(cell), width);
      return i === cells.length - 1 ? text : text.padEnd(width);
    })
    .join(' ')
    .trimEnd();
}
