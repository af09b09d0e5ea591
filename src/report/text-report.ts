import type { Analysis } from '../analyze/analyze.js';
import type { FindingGroup } from '../analyze/group.js';
import { redact } from '../text/redact.js';
import { stripControl, truncate } from '../text/markdown.js';
import { formatCache, formatDuration, formatRatio, shortDigest, signedDuration, signedPoints } from './format.js';
import { TOOL_NAME } from '../version.js';
import { changeOf, verdictOf } from './verdict.js';
import { screenGroups } from './screen-groups.js';
import { newFindings } from './baseline-section.js';
import { adviceForBreaks } from '../compare/cache-break-advice.js';
import { restatesTitle } from './finding-block.js';
import { omittedBuildsLine } from './omitted-builds.js';
import { failuresAllAllowed } from '../analyze/allowed-failure.js';

export interface TextOptions {
  /** The terminal's width: lines are wrapped to it. null when the output is not a terminal: never cut. */
  width: number | null;
  /** ANSI colours (a terminal, and no NO_COLOR). */
  color: boolean;
}

/** A pipe or a file: full lines, no colour, so that grep and diff see everything. */
export const PLAIN_TEXT: TextOptions = { width: null, color: false };

const SGR = { bold: '1', red: '31', yellow: '33', green: '32', cyan: '36', dim: '2' } as const;

/** A report for a terminal: the verdict, the findings (location, first line of the fix), the builds. */
export function renderText(analysis: Analysis, options: TextOptions = PLAIN_TEXT): string {
  const paint = (code: keyof typeof SGR, text: string) => (options.color ? `\u001b[${SGR[code]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const say = (text: string, indent = '', color?: keyof typeof SGR) => {
    for (const line of wrap(clean(text), options.width, indent)) out.push(color ? paint(color, line) : line);
  };
  const verdict = verdictOf(analysis);
  const statusColor = analysis.status === 'success' ? 'green' : analysis.status === 'failure' && !failuresAllAllowed(analysis) ? 'red' : 'yellow';
  say(`${TOOL_NAME}: ${plain(verdict.happened)}`, '', statusColor);
  if (verdict.time) say(plain(verdict.time), '  ');
  if (verdict.change) say(`Most help: ${plain(verdict.change)}`, '  ');
  const omitted = omittedBuildsLine(analysis);
  if (omitted) say(omitted, '  ');
  for (const problem of analysis.problems) say(`warning: ${redact(problem.message)}`, '  ', 'yellow');
  // Each thing once: consequences stay under their root cause, a cache break in the baseline's lines.
  const groups = screenGroups(analysis).groups;
  if (groups.length > 0) out.push('');
  for (const group of groups) findingLines(group, say);
  if (analysis.builds.length > 0) {
    out.push('');
    const header = row(['BUILD', 'STATUS', 'JOB', 'BUILD', 'CACHE HITS', 'STEPS', 'DIGEST'], options.width);
    out.push(paint('bold', header));
    for (const { build, cache } of analysis.builds) {
      const digest = build.images.find((i) => i.digest)?.digest ?? null;
      out.push(
        row(
          [
            build.name,
            build.status,
            formatDuration(build.jobSeconds),
            formatDuration(build.buildSeconds),
            formatCache(cache.hits, cache.misses, cache.ratio),
            String(build.steps.filter((s) => s.kind === 'instruction').length),
            options.width === null ? (digest ?? '—') : shortDigest(digest),
          ],
          options.width,
        ),
      );
    }
    baselineLines(analysis, say, (line) => out.push(line));
    for (const { build, timing } of analysis.builds) {
      if (timing.slowestSteps.length === 0) continue;
      out.push('');
      say(`${build.name}: where the time went`, '', 'bold');
      for (const step of timing.slowestSteps.slice(0, 3)) say(`${formatDuration(step.seconds).padStart(9)}  ${redact(step.name)}`, '             ');
    }
  }
  // Findings told in the baseline's lines are findings all the same.
  if (analysis.groups.length === 0 && analysis.builds.length > 0) out.push('', 'No findings.');
  return out.join('\n') + '\n';
}

/** Against the baseline: a line per build, where its cache broke and why, the steps that got much slower. */
function baselineLines(analysis: Analysis, say: (text: string, indent?: string, color?: keyof typeof SGR) => void, push: (line: string) => void): void {
  const comparison = analysis.comparison;
  // Without a baseline a build's own chain break is already a finding (cache-miss).
  if (!comparison?.hasBaseline) return;
  const rows = analysis.builds.map((b, i) => ({ b, c: comparison.builds[i] })).filter((r) => r.c && (r.c.baseline || r.c.cacheBreak));
  if (rows.length === 0 && !comparison.note) return;
  push('');
  say(`Against the baseline${comparison.baselineLabel ? ` (${redact(comparison.baselineLabel)})` : ''}`, '', 'bold');
  if (comparison.note) say(comparison.note, '  ');
  for (const { b, c } of rows) {
    const d = c!.deltas;
    if (c!.baseline && d) {
      const time = b.build.buildSeconds === null ? '' : `build ${formatDuration(b.build.buildSeconds)} (${signedDuration(d.buildSeconds)}), `;
      say(`${b.build.name}: ${time}cache hits ${formatRatio(b.cache.ratio)} (${signedPoints(d.cacheRatio)}), baseline ${c!.baseline.status}`, '  ');
    }
    const cb = c!.cacheBreak;
    if (cb) {
      const where = cb.dockerfile && cb.dockerfileLine !== null ? ` (${cb.dockerfile}:${cb.dockerfileLine})` : '';
      say(
        `${b.build.name}: cache broke at ${redact(`${cb.step} ${cb.instruction}`)}${where}: ${cb.reason}; ${cb.rebuiltSteps} step${cb.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${formatDuration(cb.secondsLost)} lost`,
        '  ',
        'yellow',
      );
      say(redact(cb.detail), '      ');
    }
    for (const s of d?.slowerSteps ?? [])
      say(`${b.build.name}: much slower: ${redact(`${s.step} ${s.instruction}`)} ${formatDuration(s.baselineSeconds)} -> ${formatDuration(s.seconds)}`, '  ');
    const added = newFindings(c!);
    if (d && (added.length || d.goneFindings.length))
      say(`${b.build.name}: findings new: ${added.join(', ') || 'none'}; gone: ${d.goneFindings.join(', ') || 'none'}`, '  ');
  }
  // The cache-miss finding steps back when a break is said here: its remedies come with the reason.
  for (const { reason, advice } of adviceForBreaks(rows.flatMap((r) => (r.c!.cacheBreak ? [r.c!.cacheBreak] : []))))
    say(`what to do (${reason}): ${advice}`, '  ');
}

function findingLines(group: FindingGroup, say: (text: string, indent?: string, color?: keyof typeof SGR) => void): void {
  const color = group.id === 'canceled' ? 'dim' : group.severity === 'error' ? 'red' : group.severity === 'warning' ? 'yellow' : 'cyan';
  const label = group.id === 'canceled' ? 'CANCELED' : group.severity.toUpperCase();
  const who = group.findings.length === 1 && group.builds[0] && group.id !== 'canceled' ? `${group.builds[0]}: ` : '';
  say(`${label} [${group.id}] ${who}${redact(group.title)}`, '', color);
  if (group.id === 'canceled') return;
  const places = group.findings.flatMap((f) => f.locations ?? []).filter((l) => l.verified);
  const seen = new Set<string>();
  for (const place of places) {
    const at = `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`;
    if (seen.has(at)) continue;
    seen.add(at);
    say(`at ${at}${place.kind === 'source' && place.message ? `  ${redact(place.message)}` : ''}`, '    ');
  }
  if (places.length === 0 && group.findings.length === 1) {
    const sorted = [...group.findings[0]!.evidence].sort((a, b) => a.line - b.line);
    // A later step's notice quotes its last lines and its error: the line before the error says most.
    const first = group.id === 'after-build-error' && sorted.length > 1 ? sorted[sorted.length - 2] : sorted[0];
    if (first) say(`line ${first.line}: ${redact(first.text)}`, '    ');
  }
  // A row per build, unless every row gives the title above again (the same failure in several builds).
  if (group.findings.length > 1 && !restatesTitle(group)) {
    for (const r of group.table?.rows ?? []) say(r.filter(Boolean).join(' · '), '    ');
  }
  const fix = changeOf(group);
  if (fix) say(`fix: ${plain(fix)}`, '    ');
}

/** Markdown of our own (code spans, bold) as plain text. */
export function plain(markdown: string): string {
  // Code spans first, left to right as CommonMark reads them: a backslash escapes the character after it (an escaped
  // backtick opens nothing), and a run of backticks opens a span that the next run of the same length closes. A span's
  // text is literal (a lone backslash, `**`); it stands in the rest as a placeholder, so that bold around a span and
  // escapes beside it are read across it.
  const source = markdown.replace(/[\ue000\ue001]/g, '');
  const spans: string[] = [];
  let rest = '';
  let at = 0;
  while (at < source.length) {
    const char = source[at]!;
    if (char === '\\' && ESCAPABLE.test(source[at + 1] ?? '')) {
      rest += source.slice(at, at + 2);
      at += 2;
      continue;
    }
    if (char !== '`') {
      rest += char;
      at++;
      continue;
    }
    const open = runLength(source, at);
    const close = closingRun(source, at + open, open);
    if (close === -1) {
      rest += source.slice(at, at + open);
      at += open;
      continue;
    }
    spans.push(codeText(source.slice(at + open, close)));
    rest += `\ue000${spans.length - 1}\ue001`;
    at = close + open;
  }
  return plainText(rest)
    .replace(/\ue000(\d+)\ue001/g, (_, k: string) => spans[Number(k)]!)
    .replace(/\u200b/g, '');
}

/** The characters a backslash escapes in CommonMark (ASCII punctuation). */
const ESCAPABLE = /^[!-/:-@[-`{-~]$/;

/** How many backticks run from `at`. */
function runLength(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end++;
  return end - at;
}

/** Where the next run of exactly `length` backticks from `from` starts, or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let at = text.indexOf('`', from); at !== -1; at = text.indexOf('`', at)) {
    const run = runLength(text, at);
    if (run === length) return at;
    at += run;
  }
  return -1;
}

/** A code span's text: CommonMark drops one blank at each end when both are there (inlineCode pads a backtick so). */
function codeText(body: string): string {
  return body.length >= 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '' ? body.slice(1, -1) : body;
}

/** Text outside code spans without bold marks, backslash escapes and the entities our Markdown writes. */
function plainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+!|~<>-])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Log text on one line, without control characters: colour is added after, line by line. */
function clean(text: string): string {
  return stripControl(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** Splits at spaces to fit `width` columns (a word longer than the width is broken); no width, no change. */
export function wrap(text: string, width: number | null, indent = ''): string[] {
  if (width === null) return [`${indent}${text}`];
  // Continuation lines are indented two more columns.
  const room = Math.max(20, width - indent.length - 2);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let rest = word;
    while (visible(rest) > room) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, room));
      rest = rest.slice(room);
    }
    if (!line) line = rest;
    else if (visible(line) + 1 + visible(rest) <= room) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l, i) => `${i === 0 ? indent : `${indent}  `}${l}`);
}

function visible(text: string): number {
  return [...text].length;
}

// Column widths for a terminal; without one, cells are never cut.
const COLUMNS = [20, 9, 10, 10, 14, 6, 25];

/** A table row; on a terminal narrower than the table, cut at its edge (the findings above wrap). */
function row(cells: string[], width: number | null): string {
  const line = cells
    .map((cell, i) => {
      const size = COLUMNS[i]!;
      const text = width === null ? stripControl(cell) : truncate(stripControl(cell), size);
      return i === cells.length - 1 ? text : text.padEnd(size);
    })
    .join(' ')
    .trimEnd();
  return width === null ? line : truncate(line, width);
}
