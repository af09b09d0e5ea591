import { escapeText, inlineCode } from '../text/markdown.js';
import type { Finding, Severity } from '../model.js';
import { formatDuration } from '../text/duration.js';
import { round } from './metrics.js';

/**
 * Findings of the same kind over several builds, said once: one title, one piece of advice, a row per
 * build. The reports show groups; the JSON report keeps every finding of every build.
 */
export interface FindingGroup {
  /** The findings' id (`qemu-emulation`, ...). */
  id: string;
  severity: Severity;
  /** For one build, the finding's own title; for several, what they have in common. */
  title: string;
  /** For one build, the finding's fix; for several, the advice they share (the facts are in the rows). */
  fix: string;
  /** The builds' findings, in the order of the builds. */
  findings: Finding[];
  /** The builds, in order. */
  builds: string[];
  /** A row per build when there are several (plain text cells: reports escape them). */
  table: { columns: string[]; rows: string[][] } | null;
  /** Findings this group explains and that are not shown on their own (a slow build explained by emulation). */
  folded: Finding[];
  /** Time the cause cost over all its builds, in seconds, when it is measured. */
  lostSeconds: number | null;
}

/** Kinds whose fix is `facts\n\nadvice`: the advice is the same for every build. */
const ADVICE_AFTER_FACTS = new Set(['qemu-emulation', 'cache-miss']);
/** A slow build is explained by these, when the same build has one. */
const EXPLAINS_SLOW = ['qemu-emulation', 'cache-miss'];

/** Groups ranked findings (most likely root cause first): each group sits where its first finding was. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const slowExplainedBy = new Map<Finding, Finding>();
  // Only a build (or a step it ended in) over its budget: a slow context or a hang notice is no time the cache or QEMU explains.
  for (const slow of findings.filter((f) => f.id === 'slow-build' && measured(f))) {
    const cause = EXPLAINS_SLOW.map((id) => findings.find((f) => f.id === id && f.build === slow.build && f.severity !== 'notice')).find(Boolean);
    if (cause) slowExplainedBy.set(slow, cause);
  }
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (slowExplainedBy.has(finding)) continue;
    const key = groupKey(finding);
    const members = byKey.get(key) ?? [];
    members.push(finding);
    byKey.set(key, members);
  }
  return [...byKey.values()].map((members) => {
    const folded = [...slowExplainedBy].filter(([, cause]) => members.includes(cause)).map(([slow]) => slow);
    return makeGroup(members, folded);
  });
}

/**
 * Same kind: the same id, and for causes that differ by their text (failures, build checks) the same
 * title; cache findings by what they found (no hits, few hits, a broken chain); an invalid tag by what
 * its advice says, the rule the tag breaks and the template that made it, not by the image it names
 * (a matrix tags each component's image with the same broken tag: one cause, one piece of advice).
 */
function groupKey(finding: Finding): string {
  // A rule's measurement by what it measured; a signature's or a guess's finding of the same id by its title (below).
  if (measured(finding)) return `${finding.id}|${(finding.id === 'cache-miss' ? finding.data?.pattern : finding.data?.platform) ?? ''}`;
  if (finding.id === 'canceled' && finding.data?.role !== 'likely-cause') return `${finding.id}|${finding.data?.platform ?? ''}`;
  const rule = tagRule(finding);
  if (rule !== null) return `${finding.id}|${finding.severity}|${rule}|${finding.data?.template ?? ''}`;
  return `${finding.id}|${finding.severity}|${finding.title}`;
}

/**
 * Whether a finding of the emulation or cache rule measured what its group's title counts and its table
 * shows (a step against its native twin, the cache hits), as opposed to a signature's or a guess's finding
 * of the same id (`exec /bin/sh: exec format error` in two builds), which has no ratio or hits: grouped as
 * such, it read "undefined ran under QEMU emulation in 2 builds: slower, — lost", its table NaN×.
 */
export function measured(finding: Finding): boolean {
  if (finding.data?.role === 'likely-cause') return false;
  if (finding.id === 'qemu-emulation') return Number.isFinite(Number(finding.data?.ratio));
  if (finding.id === 'cache-miss') return typeof finding.data?.pattern === 'string';
  // The budget's (`N builds went over the time budget`, also a step still running past it), not a slow context or a hang notice.
  return finding.id === 'slow-build' && typeof finding.data?.budgetSeconds === 'number';
}

/** The rule of the reference grammar an invalid tag breaks (`the tag \`-0899a35\` starts with \`-\`; …`), when it is known. */
function tagRule(finding: Finding): string | null {
  return finding.id === 'invalid-tag' && typeof finding.data?.rule === 'string' && typeof finding.data?.tag === 'string' ? finding.data.rule : null;
}

function makeGroup(findings: Finding[], folded: Finding[]): FindingGroup {
  const first = findings[0]!;
  const builds = findings.map((f) => f.build ?? '');
  const severity = findings.map((f) => f.severity).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])[0]!;
  const lostSeconds = lost(findings);
  const base = { id: first.id, severity, findings, builds, folded, lostSeconds };
  if (first.id === 'canceled') return { ...base, title: canceledTitle(findings), fix: first.fix, table: null };
  if (findings.length === 1) return { ...base, title: first.title, fix: withFolded(first.fix, folded), table: null };
  if (tagRule(first) !== null && findings.some((f) => f.title !== first.title))
    return { ...base, ...invalidTags(findings), fix: withFolded(sharedTagFix(first), folded) };
  const advice = ADVICE_AFTER_FACTS.has(first.id) && measured(first) ? adviceOf(first.fix) : first.fix;
  return { ...base, title: groupTitle(findings, lostSeconds), fix: withFolded(advice, folded), table: tableFor(findings, folded) };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The advice part of a `facts\n\nadvice` fix. */
function adviceOf(fix: string): string {
  const cut = fix.indexOf('\n\n');
  return cut === -1 ? fix : fix.slice(cut + 2);
}

function withFolded(fix: string, folded: Finding[]): string {
  if (folded.length === 0) return fix;
  // A fix is Markdown: build names (job names, `x #2`) go in escaped, never as references or HTML.
  const which =
    folded.length === 1
      ? `${escapeText(folded[0]!.build ?? 'The build')} went over its time budget`
      : `${folded.map((f) => escapeText(f.build ?? 'the build')).join(', ')} went over their time budget`;
  return `${fix}\n\n${which} because of this.`;
}

/**
 * Invalid tags that break the same rule in different images: the rule as the title, the image of
 * each build in the table (the headline names the builds).
 */
function invalidTags(findings: Finding[]): Pick<FindingGroup, 'title' | 'table'> {
  // The rule's first clause, its code spans as quotes: a title is plain text.
  const rule = tagRule(findings[0]!)!
    .split(';')[0]!
    .replace(/`([^`]*)`/g, '"$1"');
  return {
    title: `Image tags are not valid references: ${rule}`,
    table: { columns: ['Build', 'Image reference'], rows: findings.map((f) => [f.build ?? '', String(f.data?.tag ?? '')]) },
  };
}

/**
 * The fix of one build with its image left out: its first line opens with the reference it is about
 * (`` `ghcr.io/o/app:-0899a35`: the tag `-0899a35` starts with `-`; … ``), the rest is the same for
 * every build the group holds.
 */
function sharedTagFix(first: Finding): string {
  const named = `${inlineCode(String(first.data!.tag))}: `;
  if (!first.fix.startsWith(named)) return first.fix;
  const rest = first.fix.slice(named.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** `runtime, engine: canceled after operate-ui failed`: one line however many jobs were canceled. */
function canceledTitle(findings: Finding[]): string {
  const names = findings.map((f) => f.build ?? 'the build').join(', ');
  const because = findings.map((f) => f.data?.canceledBecause).find((b): b is string => typeof b === 'string');
  if (because) return `${names}: canceled after ${because} failed`;
  // A time limit said of all only when it stopped each of them (one job's limit is not another's).
  const limits = new Set(findings.map(timeLimitOf));
  const limit = limits.size === 1 ? [...limits][0] : null;
  return limit ? `${names}: canceled when ${limit} ran out` : `${names}: canceled before ${findings.length === 1 ? 'it' : 'they'} finished`;
}

/**
 * The time limit that canceled a build, from the canceled signature's match (`The action ... has
 * timed out after 60 minutes`, the job's maximum execution time): `its step's timeout-minutes (60)`.
 */
export function timeLimitOf(finding: Finding): string | null {
  if (finding.id !== 'canceled') return null;
  if (finding.data?.stepMinutes !== undefined) return `its step's timeout-minutes (${finding.data.stepMinutes})`;
  if (finding.data?.jobMinutes !== undefined) return `its job's time limit (${finding.data.jobMinutes} min)`;
  return null;
}

function groupTitle(findings: Finding[], lostSeconds: number | null): string {
  const first = findings[0]!;
  const n = findings.length;
  const data = first.data ?? {};
  // A signature's or a guess's finding in several builds: the reports name the builds in front of its title.
  if (!measured(first)) return first.title;
  switch (first.id) {
    case 'qemu-emulation': {
      const ratios = findings.map((f) => Number(f.data?.ratio)).filter(Number.isFinite);
      const range = ratios.length ? `${round(Math.min(...ratios), 1)}–${round(Math.max(...ratios), 1)}× slower than on ${data.nativePlatform}` : 'slower';
      return `${data.platform} ran under QEMU emulation in ${n} builds: ${range}, ${formatDuration(lostSeconds)} lost`;
    }
    case 'cache-miss':
      if (data.pattern === 'no-hits') return `No cache hits in ${n} builds: every cacheable step ran`;
      if (data.pattern === 'few-hits') return `Few cache hits in ${n} builds`;
      return `A cached chain broke in ${n} builds`;
    case 'slow-build':
      return `${n} builds went over the time budget`;
    default:
      // The same failure in several builds: the reports name the builds in front of it.
      return first.title;
  }
}

/** Seconds the cause cost, summed over builds, when the findings measure it. */
function lost(findings: Finding[]): number | null {
  const key = findings[0]!.id === 'qemu-emulation' ? 'extraSeconds' : findings[0]!.id === 'cache-miss' ? 'rerunSeconds' : null;
  if (!key) return null;
  const values = findings.map((f) => Number(f.data?.[key])).filter(Number.isFinite);
  return values.length
    ? round(
        values.reduce((a, b) => a + b, 0),
        1,
      )
    : null;
}

function tableFor(findings: Finding[], folded: Finding[]): FindingGroup['table'] {
  const id = findings[0]!.id;
  const overBudget = (build: string | null) => (folded.some((f) => f.build === build) ? ' (over budget)' : '');
  if (!measured(findings[0]!)) return { columns: ['Build', 'Finding'], rows: findings.map((f) => [f.build ?? '', f.title]) };
  if (id === 'qemu-emulation') {
    return {
      columns: ['Build', 'Slowest emulated step', 'Native', 'Emulated', 'Ratio', 'Lost', 'Build time'],
      rows: findings.map((f) => {
        const d = f.data ?? {};
        const share = typeof d.shareOfBuild === 'number' ? ` (${Math.round(d.shareOfBuild * 100)}%)` : '';
        return [
          f.build ?? '',
          String(d.step ?? ''),
          formatDuration(num(d.nativeSeconds)),
          formatDuration(num(d.emulatedSeconds)),
          `${round(Number(d.ratio), 1)}×`,
          `${formatDuration(num(d.extraSeconds))}${share}`,
          `${formatDuration(num(d.buildSeconds))}${overBudget(f.build)}`,
        ];
      }),
    };
  }
  if (id === 'cache-miss') {
    return {
      columns: ['Build', 'Cache hits', 'First step that ran', 'Time in steps that ran'],
      rows: findings.map((f) => {
        const d = f.data ?? {};
        const hits = typeof d.hits === 'number' && typeof d.misses === 'number' ? `${d.hits} of ${d.hits + d.misses}` : '';
        return [f.build ?? '', hits, String(d.firstStep ?? d.step ?? ''), `${formatDuration(num(d.rerunSeconds ?? d.seconds))}${overBudget(f.build)}`];
      }),
    };
  }
  return { columns: ['Build', 'Finding'], rows: findings.map((f) => [f.build ?? '', f.title]) };
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
