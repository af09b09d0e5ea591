import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { Build } from '../model.js';
import type { FindingGroup } from '../analyze/group.js';
import { codeBlock, escapeCell, escapeText } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { STATUS_ICON, formatCache, formatDuration, formatRatio } from './format.js';
import { TOOL_NAME } from '../version.js';
import { imageSizeSection } from './image-sizes.js';
import { changeOf, headlineIcon, isAllowedBuildFailure, verdictOf, type Verdict } from './verdict.js';
import { screenGroups } from './screen-groups.js';
import { canceledLine, findingBlock } from './finding-block.js';
import { ganttChart } from './gantt.js';
import { baselineSection } from './baseline-section.js';
import { omittedBuildsLine } from './omitted-builds.js';

export interface MarkdownOptions {
  /** GitHub refuses a job summary over 1 MiB per step; stay well under. */
  maxBytes: number;
  maxFindings: number;
  maxEvidenceLines: number;
  /** A link to a line of a repository file at the commit that was built, when known. */
  fileUrl?: (file: string, line: number) => string | null;
  /** One line under the verdict: where the numbers came from. */
  note?: string | null;
  /** The run's page, when known. */
  runUrl?: string | null;
  /** One line about the baseline run compared with: which run, or why there is none. */
  baseline?: BaselineLine | null;
}

/** The baseline run named (its page linked), or the reason there is none. */
export interface BaselineLine {
  text: string;
  url: string | null;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { maxBytes: 900 * 1024, maxFindings: 30, maxEvidenceLines: 25 };

/** Charts drawn; past this many builds the table and the JSON report have the rest. */
const MAX_CHARTS = 12;
/** Lines of a failing step's own error shown unfolded. */
const UNFOLDED_EVIDENCE = 8;

/**
 * The job summary (exactly what `--format markdown` prints). It opens with the verdict (what happened,
 * where the time went, the one change that helps most), then the findings, root cause first, each
 * kind once; then the builds, their timelines, and the pushed images.
 */
export function renderMarkdown(analysis: Analysis, options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): string {
  // Each block with its priority for the size limit (lower is kept first): the failure and its fix
  // matter more than the timelines.
  const blocks: Array<{ text: string; priority: number }> = [];
  const add = (text: string, priority: number) => {
    if (text) blocks.push({ text, priority });
  };
  const verdict = verdictOf(analysis);
  add(`## ${headlineIcon(analysis)} ${verdict.happened}`, 0);
  if (verdict.time) add(`⏱️ ${verdict.time}`, 0);
  if (verdict.change) add(`💡 ${verdict.change}`, 0);
  const omitted = omittedBuildsLine(analysis);
  // Numbers and fixed words only: nothing from the log to escape.
  if (omitted) add(`ℹ️ ${omitted}`, 0);
  const source = [options.note ? escapeText(options.note) : '', options.runUrl ? `[The run](${options.runUrl})` : ''].filter(Boolean).join(' · ');
  add(`<sub>${TOOL_NAME}${source ? ` · ${source}` : ''}</sub>`, 1);
  if (options.baseline)
    add(`<sub>${escapeText(redact(options.baseline.text))}${options.baseline.url ? ` · [The baseline run](${options.baseline.url})` : ''}</sub>`, 1);
  if (analysis.problems.length > 0) {
    add(analysis.problems.map((p) => `> [!WARNING]\n> ${escapeText(redact(p.message))}`).join('\n\n'), 1);
  }
  findingsSection(analysis, verdict, options).forEach((block, index) => add(block, index <= 1 ? 1 : 2));
  add(baselineSection(analysis, { compact: false, heading: '### Against the baseline', fileUrl: options.fileUrl }), 2);
  if (analysis.builds.length > 0) {
    add(buildTable(analysis), 3);
    add(imagesFold(analysis.builds), 4);
    add(imageSizeSection(analysis.builds), 4);
    timelines(analysis.builds).forEach((block) => add(block, 5));
  }
  return fitToSize(blocks, options.maxBytes);
}

/** The findings as separate blocks, so that cutting for size never splits one. */
function findingsSection(analysis: Analysis, verdict: Verdict, options: MarkdownOptions): string[] {
  const screen = screenGroups(analysis);
  // The verdict's first line names every canceled build: their one line would say it again.
  const canceledSaid = new Set(analysis.builds.filter((b) => b.build.status === 'canceled').map((b) => b.build.name));
  const shownGroups = screen.groups.filter((g) => g.id !== 'canceled' || !g.builds.every((b) => canceledSaid.has(b)));
  // The comment's order: failures, then the jobs they took down, then the rest.
  // A build's failure its job was allowed (continue-on-error) is a failure of the build all the same.
  const failure = (g: FindingGroup) => g.severity === 'error' || isAllowedBuildFailure(g);
  const groups = [
    ...shownGroups.filter(failure),
    ...shownGroups.filter((g) => !failure(g) && g.id === 'canceled'),
    ...shownGroups.filter((g) => !failure(g) && g.id !== 'canceled'),
  ];
  if (groups.length === 0) return [];
  const shown = groups.slice(0, options.maxFindings);
  const blocks = ['### Findings'];
  // What the verdict said (the failure's title, the first line of the fix) each block says only once.
  const named = verdict.named ? shown.find((g) => failure(g) && g.id === verdict.named!.id && g.title === verdict.named!.title) : undefined;
  let fixSaid = verdict.change !== null;
  for (const group of shown) {
    if (group.id === 'canceled') {
      blocks.push(canceledLine(group));
      continue;
    }
    const fixLineSaid = fixSaid && changeOf(group) === verdict.change;
    if (fixLineSaid) fixSaid = false;
    blocks.push(
      findingBlock(group, analysis, {
        heading: '####',
        unfoldedEvidence: UNFOLDED_EVIDENCE,
        maxEvidence: options.maxEvidenceLines,
        fullFix: true,
        details: true,
        fileUrl: options.fileUrl,
        title: group === named ? whyFailed(group) : undefined,
        fixLineSaid,
        consequences: screen.consequences.get(group),
      }),
    );
  }
  if (groups.length > shown.length) blocks.push(`…and ${groups.length - shown.length} more findings in the JSON report.`);
  return blocks;
}

/** The heading of the failure the verdict named: the title is in the line above, the builds are not repeated with it. */
function whyFailed(group: FindingGroup): string | undefined {
  const builds = group.builds.filter(Boolean);
  return builds.length ? `Why ${builds.map((b) => escapeText(b)).join(', ')} failed` : undefined;
}

function buildTable(analysis: Analysis): string {
  const builds = analysis.builds;
  // A column the logs say nothing about (no timestamps in a plain log) is left out, not filled with dashes.
  const columns: Array<{ head: string; align: string; cell: (b: BuildAnalysis) => string; shown: boolean }> = [
    { head: 'Build', align: '---', cell: (b) => escapeCell(b.build.name), shown: true },
    { head: 'Status', align: '---', cell: (b) => `${STATUS_ICON[b.build.status]} ${b.build.status}`, shown: true },
    { head: 'Job time', align: '---:', cell: (b) => formatDuration(b.build.jobSeconds), shown: builds.some((b) => b.build.jobSeconds !== null) },
    { head: 'Build time', align: '---:', cell: (b) => formatDuration(b.build.buildSeconds), shown: builds.some((b) => b.build.buildSeconds !== null) },
    { head: 'Cache hits', align: '---:', cell: (b) => cacheCell(b.build, b.cache), shown: true },
    { head: 'Steps', align: '---:', cell: (b) => String(b.build.steps.filter((s) => s.kind === 'instruction').length), shown: true },
    { head: 'Step time per platform', align: '---', cell: platformTimes, shown: builds.some((b) => Object.keys(b.timing.platformSeconds).length > 0) },
    { head: 'Log', align: '---', cell: (b) => (b.build.jobUrl ? `[job](${b.build.jobUrl})` : ''), shown: builds.some((b) => b.build.jobUrl) },
  ];
  const shown = columns.filter((c) => c.shown);
  return [
    '### Builds',
    '',
    `| ${shown.map((c) => c.head).join(' | ')} |`,
    `|${shown.map((c) => c.align).join('|')}|`,
    ...builds.map((b) => `| ${shown.map((c) => c.cell(b)).join(' | ')} |`),
  ].join('\n');
}

/** A build that stopped before any step has no cache to speak of: say so instead of a dash. */
function cacheCell(build: Build, cache: BuildAnalysis['cache']): string {
  if (cache.ratio === null) return build.steps.some((s) => s.kind === 'instruction') ? 'nothing cacheable' : 'no step ran';
  return formatCache(cache.hits, cache.misses, cache.ratio);
}

function platformTimes({ timing, build }: BuildAnalysis): string {
  const entries = Object.entries(timing.platformSeconds);
  const steps =
    entries.length === 1 && entries[0]![0] === 'default' ? [formatDuration(entries[0]![1])] : entries.map(([p, s]) => `${escapeText(p)} ${formatDuration(s)}`);
  const cache =
    build.cache.exports.length > 0
      ? [`cache export ${formatDuration(timing.cacheExportSeconds)}${timing.cacheExportShare !== null ? ` (${formatRatio(timing.cacheExportShare)})` : ''}`]
      : [];
  return [...steps, ...cache].join(', ');
}

/** Pushed tags and full digests, folded, ready to copy into `docker pull`. */
function imagesFold(builds: BuildAnalysis[]): string {
  const lines: string[] = [];
  let tags = 0;
  const digests = new Set<string>();
  for (const { build } of builds) {
    const pushed = build.images.filter((i) => i.pushed || i.digest);
    if (pushed.length === 0) continue;
    lines.push(`# ${build.name}`);
    for (const image of pushed) {
      tags++;
      lines.push(`docker pull ${image.ref}`);
    }
    for (const digest of new Set(pushed.map((i) => i.digest).filter((d): d is string => !!d))) {
      digests.add(digest);
      const repo = pushed.find((i) => i.digest === digest)!.ref.replace(/(@.*|:[^:/]*)$/, '');
      lines.push(`docker pull ${repo}@${digest}`);
    }
  }
  if (lines.length === 0) return '';
  const summary = `Pushed images: ${tags} tag${tags === 1 ? '' : 's'}, ${digests.size} digest${digests.size === 1 ? '' : 's'}`;
  return `<details><summary>${summary}</summary>\n\n${codeBlock(
    lines.map((l) => redact(l)),
    'sh',
  )}\n\n</details>`;
}

/** A gantt chart per build (the first MAX_CHARTS), each a block of its own. */
function timelines(builds: BuildAnalysis[]): string[] {
  const charts = builds
    .slice(0, MAX_CHARTS)
    .map(({ build }) => ganttChart(build))
    .filter((c): c is string => c !== null)
    .map((chart) => codeBlock(chart.split('\n'), 'mermaid'));
  if (charts.length === 0) return [];
  const more = builds.length > MAX_CHARTS ? [`…and ${builds.length - MAX_CHARTS} more builds: their steps are in the JSON report.`] : [];
  return [
    '### Timeline\n\n<sub>Steps placed from their durations in Dockerfile order (the log gives no start times); the critical path is red.</sub>',
    ...charts,
    ...more,
  ];
}

/**
 * Keeps whole blocks, the most important first, while they fit, and prints them in their order: a
 * long report never breaks a table, a fence or a <details>, and never loses a finding to timings.
 */
function fitToSize(blocks: Array<{ text: string; priority: number }>, maxBytes: number): string {
  const note = "> [!NOTE]\n> The summary was cut to fit GitHub's size limit: the JSON report has everything.";
  const all = blocks.map((b) => b.text).join('\n\n') + '\n';
  if (Buffer.byteLength(all) <= maxBytes) return all;
  const kept = new Set<number>();
  let size = Buffer.byteLength(note) + 4;
  const order = blocks.map((block, index) => ({ ...block, index })).sort((a, b) => a.priority - b.priority || a.index - b.index);
  for (const block of order) {
    const next = Buffer.byteLength(block.text) + 2;
    if (size + next > maxBytes) continue;
    kept.add(block.index);
    size += next;
  }
  return [...blocks.filter((_, index) => kept.has(index)).map((b) => b.text), note].join('\n\n') + '\n';
}
