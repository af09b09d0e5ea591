import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { Finding } from '../model.js';
import { codeBlock, escapeCell, escapeText, inlineCode } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { SEVERITY_ICON, STATUS_ICON, formatCache, formatDuration, formatRatio, shortDigest } from './format.js';
import { TOOL_NAME } from '../version.js';
import { imageSizeSection } from './image-sizes.js';

export interface MarkdownOptions {
  /** GitHub refuses a job summary over 1 MiB per step; stay well under. */
  maxBytes: number;
  maxFindings: number;
  maxEvidenceLines: number;
  /** A link to a line of a repository file at the commit that was built, when known. */
  fileUrl?: (file: string, line: number) => string | null;
  /** One line under the headline: where the numbers came from. */
  note?: string | null;
}

export const DEFAULT_MARKDOWN_OPTIONS: MarkdownOptions = { maxBytes: 900 * 1024, maxFindings: 30, maxEvidenceLines: 25 };

/** The job summary: exactly what `--format markdown` prints. */
export function renderMarkdown(analysis: Analysis, options: MarkdownOptions = DEFAULT_MARKDOWN_OPTIONS): string {
  // Each block with its priority for the size limit (lower is kept first): the failure and its fix
  // matter more than the table of timings.
  const blocks: Array<{ text: string; priority: number }> = [{ text: headline(analysis), priority: 0 }];
  const add = (text: string, priority: number) => {
    if (text) blocks.push({ text, priority });
  };
  if (options.note) add(escapeText(options.note), 1);
  if (analysis.problems.length > 0) {
    add(analysis.problems.map((p) => `> [!WARNING]\n> ${escapeText(redact(p.message))}`).join('\n\n'), 1);
  }
  if (analysis.builds.length > 0) {
    add(buildTable(analysis.builds), 3);
    add(imageSizeSection(analysis.builds), 4);
    for (const block of timeSection(analysis.builds)) add(block, 5);
  }
  findingsSection(analysis.findings, options).forEach((block, index) => add(block, index === 0 ? 1 : 2));
  return fitToSize(blocks, options.maxBytes);
}

function headline(analysis: Analysis): string {
  const count = analysis.builds.length;
  const failed = analysis.builds.filter((b) => b.build.status === 'failure').length;
  const summary =
    count === 0
      ? 'no build found'
      : `${count} build${count === 1 ? '' : 's'}, ${failed > 0 ? `${failed} failed` : analysis.status === 'success' ? 'all succeeded' : analysis.status}`;
  return `## ${STATUS_ICON[analysis.status]} ${TOOL_NAME}: ${summary}`;
}

function buildTable(builds: BuildAnalysis[]): string {
  const rows = builds.map(({ build, cache }) => {
    const digest = build.images.find((i) => i.digest)?.digest ?? null;
    const steps = build.steps.filter((s) => s.kind === 'instruction').length;
    return `| ${escapeCell(build.name)} | ${STATUS_ICON[build.status]} ${build.status} | ${formatDuration(build.jobSeconds)} | ${formatDuration(build.buildSeconds)} | ${formatCache(cache.hits, cache.misses, cache.ratio)} | ${steps} | ${digest ? inlineCode(shortDigest(digest)) : '—'} |`;
  });
  return ['| Build | Status | Job time | Build time | Cache hits | Steps | Digest |', '|---|---|---:|---:|---:|---:|---|', ...rows].join('\n');
}

/** One block per build (so that cutting for size keeps whole ones), at most MAX_TIMED_BUILDS. */
function timeSection(builds: BuildAnalysis[]): string[] {
  const blocks = builds.map(({ build, timing }) => {
    const facts = [platformFacts(timing.platformSeconds), cacheFacts(build, timing)].filter(Boolean);
    const heading = `**${escapeText(build.name)}** <sub>(from the ${escapeText(build.origin)})</sub>${facts.length ? ` — ${facts.join(' · ')}` : ''}`;
    const steps = timing.slowestSteps.map((s, i) => `${i + 1}. ${inlineCode(s.name, 120)} — ${formatDuration(s.seconds)}`);
    return steps.length ? `${heading}\n\n${steps.join('\n')}` : heading;
  });
  const more = blocks.length > MAX_TIMED_BUILDS ? [`…and ${blocks.length - MAX_TIMED_BUILDS} more builds in the JSON report.`] : [];
  return ['### Where the time went', ...blocks.slice(0, MAX_TIMED_BUILDS), ...more];
}

const MAX_TIMED_BUILDS = 25;

function platformFacts(platformSeconds: Record<string, number>): string | null {
  const entries = Object.entries(platformSeconds);
  if (entries.length === 0) return null;
  if (entries.length === 1 && entries[0]![0] === 'default') return `step time ${formatDuration(entries[0]![1])}`;
  return `step time per platform: ${entries.map(([platform, seconds]) => `${escapeText(platform)} ${formatDuration(seconds)}`).join(', ')}`;
}

function cacheFacts(build: BuildAnalysis['build'], timing: BuildAnalysis['timing']): string | null {
  const facts: string[] = [];
  if (build.cache.imports.length > 0) facts.push(`cache import ${formatDuration(timing.cacheImportSeconds)}`);
  if (build.cache.exports.length > 0) {
    const share = timing.cacheExportShare !== null ? ` (${formatRatio(timing.cacheExportShare)} of the build)` : '';
    facts.push(`cache export ${formatDuration(timing.cacheExportSeconds)}${share}`);
  }
  return facts.length ? facts.join(' · ') : null;
}

/** The findings as separate blocks, so that cutting for size never splits one. */
function findingsSection(findings: Finding[], options: MarkdownOptions): string[] {
  if (findings.length === 0) return ['### Findings\n\nNothing to report: no failure, and no cache or timing problem found.'];
  const shown = findings.slice(0, options.maxFindings);
  const blocks = ['### Findings', ...shown.map((f) => findingBlock(f, options))];
  if (findings.length > shown.length) blocks.push(`…and ${findings.length - shown.length} more findings in the JSON report.`);
  return blocks;
}

function findingBlock(finding: Finding, options: MarkdownOptions): string {
  const where = finding.build ? `${escapeText(finding.build)}: ` : '';
  const lines = [`#### ${SEVERITY_ICON[finding.severity]} ${where}${escapeText(redact(finding.title))}`, '', `${inlineCode(finding.id)} · ${finding.severity}`, ''];
  const places = (finding.locations ?? []).filter((l) => l.verified);
  if (places.length > 0) {
    const links = places.map((place) => {
      const label = inlineCode(`${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`);
      const url = options.fileUrl?.(place.file, place.line) ?? null;
      return url ? `[${label}](${url})` : label;
    });
    lines.push(`**Points at** ${links.join(', ')}`, '');
  }
  lines.push(finding.fix);
  if (finding.evidence.length > 0) {
    const evidence = finding.evidence.slice(0, options.maxEvidenceLines);
    const width = String(Math.max(...evidence.map((e) => e.line))).length;
    const quoted = evidence.map((e) => `${String(e.line).padStart(width)}: ${redact(e.text)}`);
    if (finding.evidence.length > evidence.length) quoted.push(`… ${finding.evidence.length - evidence.length} more lines`);
    const source = finding.source ? ` of ${escapeText(finding.source)}` : '';
    lines.push('', `<details><summary>Evidence (line numbers${source})</summary>`, '', codeBlock(quoted), '', '</details>');
  }
  return lines.join('\n');
}

/**
 * Keeps whole blocks, the most important first, while they fit, and prints them in their order: a
 * long report never breaks a table, a fence or a <details>, and never loses a finding to timings.
 */
function fitToSize(blocks: Array<{ text: string; priority: number }>, maxBytes: number): string {
  const note = '> [!NOTE]\n> The summary was cut to fit GitHub\'s size limit: the JSON report has everything.';
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
