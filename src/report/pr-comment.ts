import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import { escapeCell } from '../text/markdown.js';
import { STATUS_ICON, SEVERITY_ICON, formatCache, formatDuration } from './format.js';
import { TOOL_NAME } from '../version.js';
import { imageSizeSection } from './image-sizes.js';
import { canceledLine, findingBlock, headline } from './finding-block.js';
import { afterBuildClause, headlineIcon, isAllowedBuildFailure, laterStepFailed, verdictOf } from './verdict.js';
import { baselineSection } from './baseline-section.js';
import { screenGroups } from './screen-groups.js';

/** GitHub refuses a comment over 65,536 characters; keep a margin for the marker and the footer. */
export const MAX_COMMENT_CHARS = 60_000;
/** What a comment aims at: one screen. The root cause always shows; others shrink to a line past this. */
const TARGET_COMMENT_CHARS = 5_500;
const UNFOLDED_EVIDENCE = 8;
const TABLE_ROWS = 10;

export interface CommentLinks {
  /** The run's page (its job summaries have the full report). */
  runUrl: string | null;
  /** A link to a line of a file at the commit that was built. */
  fileUrl?: (file: string, line: number) => string | null;
}

/**
 * The pull request comment, in the summary's order: the root cause as the headline, its evidence
 * unfolded and a one-line fix; other failures; the canceled jobs in one line; the warnings in a line
 * each; then the builds. Short by design; the job summary has the rest.
 */
export function renderComment(analysis: Analysis, marker: string, links: CommentLinks): string {
  // A build whose log does not say how it ended is no success: it is told as the failures are.
  const notSucceeded = analysis.builds.filter((b) => b.build.status !== 'success');
  const footer = `<sub>${TOOL_NAME}${links.runUrl ? ` · full report in the job summary of [this run](${links.runUrl})` : ''}</sub>`;
  if (analysis.builds.length === 0) return [marker, `### ${STATUS_ICON[analysis.status]} ${TOOL_NAME}: no build found`, footer].join('\n\n');
  const verdict = verdictOf(analysis);
  // Each thing once: consequences under their root cause, a cache break in the baseline's lines.
  const screen = screenGroups(analysis);
  // A build's failure its job was allowed (continue-on-error) is told as a failure is, under a ⚠️ headline.
  const failure = (g: (typeof screen.groups)[number]) => g.severity === 'error' || isAllowedBuildFailure(g);
  const errors = screen.groups.filter(failure);
  const canceled = screen.groups.filter((g) => g.id === 'canceled');
  const warnings = screen.groups.filter((g) => !failure(g) && g.id !== 'canceled');
  const table = buildTable(analysis.builds);
  const sizes = imageSizeSection(analysis.builds, '**Image sizes**');
  const baseline = baselineSection(analysis, { compact: true, heading: '**Against the baseline**', fileUrl: links.fileUrl });
  const blockOptions = { unfoldedEvidence: UNFOLDED_EVIDENCE, maxEvidence: 20, fullFix: false, details: false, fileUrl: links.fileUrl };

  // A step after the builds failed for a cause the catalog names (a push denied): told as a failure.
  if ((notSucceeded.length === 0 && !laterStepFailed(errors)) || errors.length === 0) {
    // Nothing failed (or nothing was diagnosed): the verdict, then what is worth a look.
    // Builds past the listing limit are counted in the total (the budget lists all it can of the failed ones).
    const total = analysis.builds.length + (analysis.omittedBuilds?.count ?? 0);
    const head =
      notSucceeded.length === 0
        ? `### ✅ ${TOOL_NAME}: ${total === 1 ? 'the build succeeded' : `all ${total} builds succeeded`}${afterBuildClause(screen.groups, total)}`
        : `### ${headlineIcon(analysis)} ${verdict.happened}`;
    // The comment lists each warning in a line, without its advice: the change says how itself.
    const lines = [verdict.time ? `⏱️ ${verdict.time}` : '', verdict.changeWithHow && warnings.length ? `💡 ${verdict.changeWithHow}` : '']
      .filter(Boolean)
      .join('\n');
    return fit([marker, head, lines, baseline, ...canceled.map(canceledLine), warningList(warnings), table, sizes], footer);
  }
  // The root cause is the headline itself; every later failure gets a smaller heading.
  const [root, ...others] = errors;
  const rootBlock = findingBlock(root!, analysis, { ...blockOptions, heading: '###', consequences: screen.consequences.get(root!) });
  const otherBlocks = others.map((g) => findingBlock(g, analysis, { ...blockOptions, heading: '####', consequences: screen.consequences.get(g) }));
  const otherLines = others.map((g) => `- ${SEVERITY_ICON[g.severity]} ${headline(g)}`);
  const rest = [baseline, ...canceled.map(canceledLine), warningList(warnings), table, sizes];
  // Within the target, every failure in full; past it, the others in a line each.
  const full = [marker, rootBlock, ...otherBlocks, ...rest];
  if (length(full, footer) <= TARGET_COMMENT_CHARS) return fit(full, footer);
  const compact = [marker, rootBlock, otherLines.length ? `**Other failures**\n${otherLines.join('\n')}` : '', ...rest];
  return fit(compact, footer);
}

function warningList(groups: Analysis['groups']): string {
  if (groups.length === 0) return '';
  const shown = groups.slice(0, 5).map((g) => `- ${SEVERITY_ICON[g.severity]} ${headline(g)}`);
  const more = groups.length > 5 ? [`- …and ${groups.length - 5} more in the job summary`] : [];
  return ['**Also worth a look**', ...shown, ...more].join('\n');
}

/**
 * A row per build; past TABLE_ROWS, the rest are counted (the summary has them all). Three columns,
 * the status an icon before the build's name: a comment is read on phones too, where a fourth
 * column pushed the cache hits off the screen.
 */
function buildTable(builds: BuildAnalysis[]): string {
  // Without any time in the logs (a plain log has no timestamps) the column is left out, not dashed.
  const timed = builds.some((b) => (b.build.buildSeconds ?? b.build.jobSeconds) !== null);
  const rows = builds.slice(0, TABLE_ROWS).map((b) => row(b, timed));
  const more = builds.length > TABLE_ROWS ? `\n\n…and ${builds.length - TABLE_ROWS} more builds in the job summary.` : '';
  const head = timed ? ['| Build | Build time | Cache hits |', '|---|---:|---:|'] : ['| Build | Cache hits |', '|---|---:|'];
  const table = [...head, ...rows].join('\n') + more;
  return builds.length > 3 ? `<details><summary>${builds.length} builds</summary>\n\n${table}\n\n</details>` : table;
}

function row({ build, cache }: BuildAnalysis, timed: boolean): string {
  const name = build.jobUrl ? `[${escapeCell(build.name)}](${build.jobUrl})` : escapeCell(build.name);
  const hits =
    cache.ratio === null
      ? build.steps.some((s) => s.kind === 'instruction')
        ? 'nothing cacheable'
        : 'no step ran'
      : formatCache(cache.hits, cache.misses, cache.ratio);
  const time = timed ? ` ${formatDuration(build.buildSeconds ?? build.jobSeconds)} |` : '';
  return `| ${STATUS_ICON[build.status]} ${name} |${time} ${hits} |`;
}

function length(blocks: string[], footer: string): number {
  return [...blocks, footer].filter(Boolean).join('\n\n').length;
}

function fit(blocks: string[], footer: string): string {
  const present = blocks.filter(Boolean);
  const all = [...present, footer].join('\n\n');
  if (all.length <= MAX_COMMENT_CHARS) return all;
  const kept: string[] = [];
  let size = footer.length + 200;
  for (const block of present) {
    if (size + block.length + 2 > MAX_COMMENT_CHARS) break;
    kept.push(block);
    size += block.length + 2;
  }
  return [...kept, '…more in the job summary.', footer].filter(Boolean).join('\n\n');
}
