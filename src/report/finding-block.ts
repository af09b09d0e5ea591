import type { Analysis } from '../analyze/analyze.js';
import { measured, type FindingGroup } from '../analyze/group.js';
import type { EvidenceLine, Finding } from '../model.js';
import { codeBlock, escapeCell, escapeText, inlineCode, truncate } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { SEVERITY_ICON, STATUS_ICON } from './format.js';
import { buildNamed, logLineUrl } from './links.js';
import { changeLineOf } from './verdict.js';
import { withoutLine } from '../text/fix-lines.js';
import { caveatAndAdvice } from './likely-caveat.js';
import { byRelation } from './screen-groups.js';

/** How much of a finding to show: the summary shows all of it, the comment the part that answers. */
export interface FindingBlockOptions {
  /** `###` or `####`. */
  heading: string;
  /** Evidence lines shown unfolded (the failing step's own error); the rest are folded. */
  unfoldedEvidence: number;
  /** Evidence lines in all, unfolded and folded. */
  maxEvidence: number;
  /** Whether the whole fix is shown (the summary) or its first line, the rest folded (the comment). */
  fullFix: boolean;
  /** Whether a group's table and the folded evidence are shown. */
  details: boolean;
  fileUrl?: (file: string, line: number) => string | null;
  /** The heading's text when the report said the title already (the summary's verdict names the failure). */
  title?: string;
  /** Whether the report said the fix's first line already (the verdict's 💡 line): the rest is shown. */
  fixLineSaid?: boolean;
  /** Findings that follow from this one and are not shown on their own (screen-groups.ts). */
  consequences?: Finding[];
}

/** `⏹️ runtime, engine: canceled after operate-ui failed`: a canceled job is a consequence, one line. */
export function canceledLine(group: FindingGroup): string {
  return `${STATUS_ICON.canceled} ${escapeText(redact(group.title))}`;
}

/** Whether a group's title already says how many builds it is about: a rule's measurements do (group.ts), a signature's match does not. */
const counted = (group: FindingGroup): boolean => measured(group.findings[0]!);

/**
 * The builds a group's headline names in front of its title: none when its title counts them, or
 * names them itself (the canceled jobs' line).
 */
export function buildsNamed(group: FindingGroup): string[] {
  if (group.id === 'canceled' || (group.findings.length > 1 && counted(group))) return [];
  return group.builds.filter(Boolean);
}

/** The headline: the title, after the builds it is about (unless a group's title counts them). */
export function headline(group: FindingGroup): string {
  const title = escapeText(redact(group.title));
  const builds = buildsNamed(group);
  return builds.length ? `${builds.map(escapeText).join(', ')}: ${title}` : title;
}

export function findingBlock(group: FindingGroup, analysis: Analysis, options: FindingBlockOptions): string {
  const first = group.findings[0]!;
  const out: string[] = [`${options.heading} ${SEVERITY_ICON[group.severity]} ${options.title ?? headline(group)}`];
  const places = placesOf(group.findings, options.fileUrl);
  if (places) out.push(`**Points at** ${places}`);
  if (group.table && options.details && !restatesTitle(group)) out.push(table(group.table));
  // The same failure in several builds: the first build's lines show it.
  const evidence = group.findings.length === 1 || !counted(group) ? evidenceOf(first, options.maxEvidence) : [];
  const unfolded = evidence.slice(0, options.unfoldedEvidence);
  const folded = evidence.slice(options.unfoldedEvidence);
  if (unfolded.length > 0) out.push(codeBlock(unfolded.map(quoteLine)) + sourceNote(first, unfolded[0]!, analysis));
  const diff = typeof first.data?.diff === 'string' && first.data.diff.trim() ? codeBlock(first.data.diff.split('\n'), 'diff') : '';
  const more: string[] = [];
  const { caveat, advice: fix } = caveatAndAdvice(group);
  if (caveat) out.push(caveat);
  const fixLine = changeLineOf(group, fix);
  if (options.fixLineSaid) {
    const rest = withoutLine(fix, fixLine);
    if (rest) out.push(rest);
    if (diff) out.push(diff);
  } else if (options.fullFix || fixLine === null) {
    out.push(fix);
    if (diff) out.push(diff);
  } else {
    out.push(`**Fix:** ${fixLine}`);
    if (diff) out.push(diff);
    // The rest, the lines that say what the log shows among them, is folded.
    const rest = withoutLine(fix, fixLine);
    if (rest) more.push(rest);
  }
  if (folded.length > 0) more.push(codeBlock(folded.map(quoteLine)));
  const consequences = consequenceLine(options.consequences ?? []);
  if (consequences) more.push(consequences);
  if (options.details && group.findings.length > 1 && counted(group)) {
    const perBuild = group.findings
      .map((f) => ({ f, lines: evidenceOf(f, 6) }))
      .filter(({ lines }) => lines.length > 0)
      .map(({ f, lines }) => `${escapeText(f.build ?? '')}${sourceNote(f, lines[0]!, analysis)}\n\n${codeBlock(lines.map(quoteLine))}`);
    more.push(...perBuild);
  }
  if (more.length > 0) {
    const what = folded.length > 0 || group.findings.length > 1 ? 'More from the log' : 'More';
    out.push(`<details><summary>${what}</summary>\n\n${more.join('\n\n')}\n\n</details>`);
  }
  return out.join('\n\n');
}

/**
 * A group's table whose every row gives the group's own title (the same failure in several builds)
 * says nothing the headline does not: the headline names the builds.
 */
export function restatesTitle(group: FindingGroup): boolean {
  return !counted(group) && group.findings.every((f) => f.title === group.title);
}

/**
 * The consequences named in one line, once each: their lines are the ones quoted above. One that the root's catalog entry
 * names as its cause (`data.causeOf`: the missing tag behind the kubelet's back-off) does not follow from it: this finding
 * includes it.
 */
function consequenceLine(findings: Finding[]): string {
  const { follow, included } = byRelation(findings, (title) => `“${escapeText(redact(title))}”`);
  const sentences: string[] = [];
  if (follow.length > 0)
    sentences.push(`The same lines also read as ${follow.join(', ')}: ${follow.length === 1 ? 'that follows' : 'those follow'} from this cause.`);
  if (included.length > 0) sentences.push(`The same lines also read as ${included.join(', ')}, which this finding includes.`);
  return sentences.join(' ');
}

/**
 * The evidence in log order, each line once, and each message once: BuildKit prints a failure in the
 * step (`#9 ERROR: failed to push …`), again in its summary (`ERROR: failed to solve: failed to push …`)
 * and the action a third time (`##[error]buildx failed with: …`); the first says it.
 */
function evidenceOf(finding: Finding, max: number): EvidenceLine[] {
  const seen = new Set<number>();
  const said = new Set<string>();
  return [...finding.evidence]
    .sort((a, b) => a.line - b.line)
    .filter((e) => !seen.has(e.line) && seen.add(e.line))
    .filter((e) => {
      const message = messageOf(e.text);
      // Short lines (a compiler's `|` and caret lines) repeat by design.
      if (message.length < MESSAGE_MIN) return true;
      const key = message.slice(0, MESSAGE_KEY);
      return !said.has(key) && !!said.add(key);
    })
    .slice(0, max);
}

const MESSAGE_MIN = 20;
/** Enough of a message to tell it from another; a repeat may be cut at a different length. */
const MESSAGE_KEY = 100;
/** What wraps a message when it is printed again: a step's `#N 0.123`, the runner's `##[error]`, buildx's prefixes. */
const WRAPPER = /^(?:#\d+ (?:\d+\.\d+ )?|\d+\.\d+ |##\[error\]|buildx failed with: |ERROR: |error: |failed to (?:solve|build): )/i;

function messageOf(text: string): string {
  let message = text.trim();
  for (let previous = ''; previous !== message;) {
    previous = message;
    message = message.replace(WRAPPER, '').trim();
  }
  return message;
}

function quoteLine(e: EvidenceLine): string {
  return `${String(e.line).padStart(5)}: ${truncate(redact(e.text), 400)}`;
}

/**
 * Where the quoted lines come from: a link to the first one in the job's log on GitHub when the log
 * came from the API, else the file's name (never a runner's absolute path).
 */
function sourceNote(finding: Finding, first: EvidenceLine, analysis: Analysis): string {
  const build = buildNamed(analysis, finding.build);
  const url = logLineUrl(build, first.line);
  if (url) return `\n<sub>[Line ${first.line} of the job's log](${url})</sub>`;
  const file = finding.source ? finding.source.split(/[\\/]/).pop()! : null;
  return file && file !== '-' ? `\n<sub>Lines of ${escapeText(file)}</sub>` : '';
}

function placesOf(findings: Finding[], fileUrl: FindingBlockOptions['fileUrl']): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const place of findings.flatMap((f) => f.locations ?? []).filter((l) => l.verified)) {
    const key = `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = inlineCode(key);
    const url = fileUrl?.(place.file, place.line) ?? null;
    links.push(url ? `[${label}](${url})` : label);
  }
  return links.join(', ');
}

function table({ columns, rows }: { columns: string[]; rows: string[][] }): string {
  // A step or an image reference is quoted as code; the numbers are right-aligned.
  const code = columns.findIndex((c) => /step|reference/i.test(c));
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map((_, i) => (i === 0 || i === code ? '---' : '---:')).join('|')}|`,
    ...rows.map((row) => `| ${row.map((cell, i) => (i === code && cell ? codeCell(cell, columns[i]!) : escapeCell(cell))).join(' | ')} |`),
  ].join('\n');
}

/**
 * A step or an image reference as code in a table cell: a `|` would end the cell even inside the code
 * (GFM splits the row first), so it is escaped, which GitHub shows as `|` in the code. A reference is
 * cut later than a step: its tag, at the end, is what the reader looks for.
 */
function codeCell(cell: string, column: string): string {
  return inlineCode(cell, /reference/i.test(column) ? 160 : 70).replace(/\|/g, '\\|');
}
