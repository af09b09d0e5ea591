import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { BuildComparison, CacheBreak } from '../compare/compare.js';
import { adviceForBreaks } from '../compare/cache-break-advice.js';
import { formatByteDelta, formatBytes } from '../text/bytes.js';
import { codeBlock, escapeCell, escapeText, inlineCode } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { formatCache, formatDuration, formatRatio, signedDuration, signedPoints } from './format.js';

// "Against the baseline": how each build compares with the baseline's, and where its cache broke.
// Every value that comes from a log (instructions, names, BuildKit's warnings) is escaped here.

/** In the PR comment: rows of the table and cache break sentences shown, the rest counted. */
const COMPACT_ROWS = 10;
const COMPACT_BREAKS = 5;

export interface BaselineSectionOptions {
  /** The PR comment: one table row per build and the cache break sentences, nothing else. */
  compact: boolean;
  heading: string;
  fileUrl?: (file: string, line: number) => string | null;
}

/**
 * Empty without a baseline: a build's own chain break is already a finding (`cache-miss`); the JSON
 * report still has its `cacheBreak`.
 */
export function baselineSection(analysis: Analysis, options: BaselineSectionOptions): string {
  const comparison = analysis.comparison;
  if (!comparison?.hasBaseline) return '';
  const pairs = analysis.builds
    .map((b, i) => ({ head: b, compared: comparison.builds[i] }))
    .filter((p): p is { head: BuildAnalysis; compared: BuildComparison } => p.compared !== undefined);
  const breaks = pairs.filter((p) => p.compared.cacheBreak);
  const compared = pairs.filter((p) => p.compared.baseline);
  if (compared.length === 0 && breaks.length === 0) return comparison.note ? [options.heading, `<sub>${escapeText(comparison.note)}</sub>`].join('\n\n') : '';
  const many = analysis.builds.length > 1;
  const blocks = [options.heading];
  const about = comparison.baselineLabel ? `Baseline: ${escapeText(redact(comparison.baselineLabel))}` : '';
  const sub = [about, comparison.note ? escapeText(comparison.note) : ''].filter(Boolean).join(' · ');
  if (sub) blocks.push(`<sub>${sub}</sub>`);
  if (options.compact) {
    // A comment stays short for a big matrix: the job summary has every build.
    if (compared.length > 0)
      blocks.push(
        compactTable(compared.slice(0, COMPACT_ROWS)) +
          (compared.length > COMPACT_ROWS ? `\n\n…and ${compared.length - COMPACT_ROWS} more builds in the job summary.` : ''),
      );
    const sentences = breaks
      .slice(0, COMPACT_BREAKS)
      .map((p) => `- ${cacheBreakSentence(p.compared.cacheBreak!, many ? p.head.build.name : null, options.fileUrl)}`);
    if (breaks.length > COMPACT_BREAKS) sentences.push(`- …and ${breaks.length - COMPACT_BREAKS} more in the job summary`);
    if (sentences.length > 0) blocks.push(sentences.join('\n'));
    const advice = whatToDo(breaks.map((p) => p.compared.cacheBreak!));
    if (advice) blocks.push(advice);
    return blocks.join('\n\n');
  }
  for (const { head, compared: c } of pairs) {
    if (!c.baseline && !c.cacheBreak) continue;
    const parts: string[] = [];
    if (many)
      parts.push(`**${escapeText(head.build.name)}**${c.baseline && c.baseline.name !== head.build.name ? ` against ${escapeText(c.baseline.name)}` : ''}`);
    if (c.baseline && c.deltas) parts.push(buildTable(head, c));
    if (c.cacheBreak) parts.push(`${cacheBreakSentence(c.cacheBreak, null, options.fileUrl)}\n<sub>${escapeText(redact(c.cacheBreak.detail))}</sub>`);
    if (c.deltas) {
      const slower = c.deltas.slowerSteps.map(
        (s) => `- ${inlineCode(redact(`${s.step} ${s.instruction}`), 120)}: ${formatDuration(s.baselineSeconds)} → ${formatDuration(s.seconds)}`,
      );
      if (slower.length) parts.push(['Much slower than in the baseline:', ...slower].join('\n'));
      const added = newFindings(c);
      const findings = [
        added.length ? `new: ${added.map((id) => inlineCode(id, 60)).join(', ')}` : '',
        c.deltas.goneFindings.length ? `gone: ${c.deltas.goneFindings.map((id) => inlineCode(id, 60)).join(', ')}` : '',
      ].filter(Boolean);
      if (findings.length) parts.push(`Findings against the baseline: ${findings.join('; ')}`);
      if (c.deltas.baselineDigests.length) {
        const lines = c.deltas.baselineDigests.map((d) => redact(`${d.ref.replace(/(@.*|:[^:/]*)$/, '')}@${d.digest}`));
        parts.push(`<details><summary>The baseline's digests</summary>\n\n${codeBlock(lines, 'text')}\n\n</details>`);
      }
    }
    blocks.push(parts.join('\n\n'));
  }
  const advice = whatToDo(breaks.map((p) => p.compared.cacheBreak!));
  if (advice) blocks.push(advice);
  return blocks.join('\n\n');
}

/**
 * What to do about the breaks, once per reason for all builds: the `cache-miss` finding, whose fix
 * it replaces, is not shown when this section says where the cache broke.
 */
function whatToDo(breaks: CacheBreak[]): string {
  const advice = adviceForBreaks(breaks);
  if (advice.length === 0) return '';
  if (advice.length === 1) return `💡 ${capitalise(advice[0]!.advice)}`;
  return ['💡 What to do about the cache:', ...advice.map((a) => `- **${a.reason}**: ${a.advice}`)].join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The findings new against the baseline, less the cache miss when the break sentence above says it
 * (a reader would otherwise read of the same broken cache a second time).
 */
export function newFindings(c: BuildComparison): string[] {
  return c.deltas ? c.deltas.newFindings.filter((id) => !(id === 'cache-miss' && c.cacheBreak)) : [];
}

/** `Cache broke at [4/6] RUN cargo build (Dockerfile:12): build-arg-changed; 3 steps rebuilt, 2.2 min lost.` */
export function cacheBreakSentence(cacheBreak: CacheBreak, build: string | null, fileUrl?: (file: string, line: number) => string | null): string {
  let where = '';
  if (cacheBreak.dockerfile && cacheBreak.dockerfileLine !== null) {
    const text = `${escapeText(cacheBreak.dockerfile)}:${cacheBreak.dockerfileLine}`;
    const url = fileUrl?.(cacheBreak.dockerfile, cacheBreak.dockerfileLine) ?? null;
    where = ` (${url ? `[${text}](${url})` : text})`;
  }
  const who = build ? `${escapeText(build)}: c` : 'C';
  const steps = `${cacheBreak.rebuiltSteps} step${cacheBreak.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${formatDuration(cacheBreak.secondsLost)} lost`;
  return `${who}ache broke at ${inlineCode(redact(`${cacheBreak.step} ${cacheBreak.instruction}`), 160)}${where}: **${cacheBreak.reason}**; ${steps}.`;
}

function buildTable(head: BuildAnalysis, c: BuildComparison): string {
  const d = c.deltas!;
  const base = c.baseline!;
  const rows: string[] = [];
  const row = (what: string, now: string, before: string, change: string) => rows.push(`| ${what} | ${now} | ${before} | ${change} |`);
  if (head.build.buildSeconds !== null || base.buildSeconds !== null)
    row('Build time', formatDuration(head.build.buildSeconds), formatDuration(base.buildSeconds), signedDuration(d.buildSeconds));
  if (d.jobSeconds !== null) row('Job time', formatDuration(head.build.jobSeconds), formatDuration(base.jobSeconds), signedDuration(d.jobSeconds));
  row('Cache hits', formatCache(head.cache.hits, head.cache.misses, head.cache.ratio), formatRatio(base.cacheRatio), signedPoints(d.cacheRatio));
  for (const p of d.platformSeconds) {
    const change = p.seconds !== null && p.baselineSeconds !== null ? signedDuration(Math.round((p.seconds - p.baselineSeconds) * 10) / 10) : '—';
    row(`Steps${p.platform === 'default' ? '' : ` ${escapeCell(p.platform)}`}`, formatDuration(p.seconds), formatDuration(p.baselineSeconds), change);
  }
  for (const s of d.imageSizes)
    row(`Image ${escapeCell(s.platform)}`, formatBytes(s.bytes), formatBytes(s.baselineBytes), formatByteDelta(s.bytes, s.baselineBytes));
  return ['| | This run | Baseline | Change |', '|---|---:|---:|---:|', ...rows].join('\n');
}

function compactTable(pairs: Array<{ head: BuildAnalysis; compared: BuildComparison }>): string {
  // Without times in the logs (plain progress has no timestamps) the column is left out, not dashed.
  const timed = pairs.some(({ head }) => head.build.buildSeconds !== null);
  const rows = pairs.map(({ head, compared }) => {
    const d = compared.deltas!;
    const time =
      head.build.buildSeconds === null
        ? '—'
        : `${formatDuration(head.build.buildSeconds)}${d.buildSeconds === null ? '' : ` (${signedDuration(d.buildSeconds)})`}`;
    const cache = `${formatRatio(head.cache.ratio)}${d.cacheRatio === null ? '' : ` (${signedPoints(d.cacheRatio)})`}`;
    return `| ${escapeCell(head.build.name)} |${timed ? ` ${time} |` : ''} ${cache} |`;
  });
  const head = timed ? ['| Build | Build time (change) | Cache hits (change) |', '|---|---:|---:|'] : ['| Build | Cache hits (change) |', '|---|---:|'];
  return [...head, ...rows].join('\n');
}
