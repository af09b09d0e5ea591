import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { Finding } from '../model.js';
import { codeBlock, escapeCell, escapeText, inlineCode, truncate } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { STATUS_ICON, SEVERITY_ICON, formatCache, formatDuration } from './format.js';
import { TOOL_NAME } from '../version.js';
import { imageSizeSection } from './image-sizes.js';

/** GitHub refuses a comment over 65,536 characters; keep a margin for the marker and the footer. */
export const MAX_COMMENT_CHARS = 60_000;
const MAX_FIX_CHARS = 2_500;
const MAX_EVIDENCE_LINES = 5;

export interface CommentLinks {
  /** The run's page (its job summaries have the full report). */
  runUrl: string | null;
  /** A link to a line of a file at the commit that was built. */
  fileUrl?: (file: string, line: number) => string | null;
}

/**
 * The pull request comment: per build a row (status, time, cache), then the root cause of each failed
 * build with its fix and the line it points at. Short by design; the job summary has the rest.
 */
export function renderComment(analysis: Analysis, marker: string, links: CommentLinks): string {
  const failed = analysis.builds.filter((b) => b.build.status === 'failure' || b.build.status === 'canceled');
  const head =
    analysis.builds.length === 0
      ? `### ${STATUS_ICON[analysis.status]} ${TOOL_NAME}: no build found`
      : failed.length === 0
        ? `### ✅ ${TOOL_NAME}: ${analysis.builds.length === 1 ? 'the build succeeded' : `all ${analysis.builds.length} builds succeeded`}`
        : `### ❌ ${TOOL_NAME}: ${failed.length} of ${analysis.builds.length} build${analysis.builds.length === 1 ? '' : 's'} did not succeed`;
  const table = analysis.builds.length
    ? ['| Build | Status | Build time | Cache hits |', '|---|---|---:|---:|', ...analysis.builds.map(row)].join('\n')
    : '';
  const causes = failed.map((b) => rootCause(b, links)).filter(Boolean);
  const others = analysis.findings.filter((f) => f.severity === 'warning' && !failed.some((b) => b.build.name === f.build)).slice(0, 5);
  const otherList = others.length ? ['**Also worth a look**', ...others.map((f) => `- ${SEVERITY_ICON[f.severity]} ${escapeText(f.build ?? '')}: ${escapeText(redact(f.title))}`)].join('\n') : '';
  const footer = links.runUrl ? `<sub>Full report: the job summary of [this run](${links.runUrl}).</sub>` : '';
  const sizes = imageSizeSection(analysis.builds, '**Image sizes**');
  const blocks = [marker, head, table, sizes, ...causes, otherList, footer].filter(Boolean);
  return fit(blocks, footer);
}

function row({ build, cache }: BuildAnalysis): string {
  return `| ${escapeCell(build.name)} | ${STATUS_ICON[build.status]} ${build.status} | ${formatDuration(build.buildSeconds ?? build.jobSeconds)} | ${formatCache(cache.hits, cache.misses, cache.ratio)} |`;
}

function rootCause({ build, findings }: BuildAnalysis, links: CommentLinks): string {
  const cause: Finding | undefined = findings[0];
  if (!cause) return `#### ${STATUS_ICON[build.status]} ${escapeText(build.name)}\n\nNo diagnosis.`;
  const places = (cause.locations ?? [])
    .filter((l) => l.verified)
    .map((l) => {
      const label = inlineCode(`${l.file}:${l.line}`);
      const url = links.fileUrl?.(l.file, l.line) ?? null;
      return url ? `[${label}](${url})` : label;
    });
  return [
    `#### ${SEVERITY_ICON[cause.severity]} ${escapeText(build.name)}: ${escapeText(redact(cause.title))}`,
    places.length ? `**Points at** ${places.join(', ')}` : '',
    truncateMarkdown(cause.fix, MAX_FIX_CHARS),
    evidenceBlock(cause),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The first lines of the evidence, folded: enough to recognise the error without opening the run. */
function evidenceBlock(finding: Finding): string {
  const lines = finding.evidence.slice(0, MAX_EVIDENCE_LINES).map((e) => `${e.line}: ${truncate(redact(e.text), 300)}`);
  if (lines.length === 0) return '';
  return ['<details><summary>From the log</summary>', '', codeBlock(lines), '', '</details>'].join('\n');
}

/** Cuts at a line boundary and closes nothing: fixes are our own Markdown, line by line. */
function truncateMarkdown(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const cut = markdown.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n…`;
}

function fit(blocks: string[], footer: string): string {
  const all = blocks.join('\n\n');
  if (all.length <= MAX_COMMENT_CHARS) return all;
  const kept: string[] = [];
  let size = footer.length + 200;
  for (const block of blocks) {
    if (block === footer) continue;
    if (size + block.length + 2 > MAX_COMMENT_CHARS) break;
    kept.push(block);
    size += block.length + 2;
  }
  return [...kept, '…more in the job summary.', footer].filter(Boolean).join('\n\n');
}

