import * as core from './workflow-commands.js';
import type { Finding, Severity } from '../model.js';
import type { Analysis } from '../analyze/analyze.js';
import type { FindingGroup } from '../analyze/group.js';
import type { CacheBreak } from '../compare/cache-break.js';
import { cacheBreakAdvice } from '../compare/cache-break-advice.js';
import { byRelation, screenGroups } from '../report/screen-groups.js';
import { buildsNamed } from '../report/finding-block.js';
import { formatDuration } from '../text/duration.js';
import { redact } from '../text/redact.js';
import { stripControl, truncate } from '../text/markdown.js';

/** GitHub shows at most 10 annotations of each kind per step; more are dropped silently. */
const PER_SEVERITY = 10;
/** buildx-doctor's own warnings (unreadable inputs, API errors) take at most this many of them. */
const OWN_WARNINGS = 4;

export interface Annotation {
  severity: Severity;
  message: string;
  properties: core.AnnotationProperties;
}

/**
 * The annotations of an analysis: its findings as the reader's screen shows them (report/screen-groups.ts),
 * so that what the job summary folds under its root cause is not an annotation of its own. It is
 * named in its root cause's message instead. A build's cache miss that the baseline explains is
 * annotated as the summary tells it: where the cache broke, on that Dockerfile line when known.
 */
export function annotationsOf(analysis: Analysis, ownWarnings: string[] = []): Annotation[] {
  const screen = screenGroups(analysis);
  const shown = new Set<Finding>(screen.groups.flatMap((g) => g.findings));
  const explained = new Set(analysis.findings.filter((f) => f.id === 'cache-miss' && !shown.has(f)).map((f) => f.build));
  const breaks = (analysis.comparison?.builds ?? [])
    .filter((c) => c.cacheBreak && explained.has(c.build))
    .map((c) => ({ build: c.build, cacheBreak: c.cacheBreak! }));
  return annotationsFor(screen.groups, ownWarnings, screen.consequences, breaks);
}

/**
 * The annotations for the findings, most important first, within GitHub's limits: one per kind of
 * finding, however many builds it is about (the same warning on three components is one annotation).
 * A finding that points at files (the Dockerfile line, the source line a compiler named) is annotated
 * on each of them; the others on the run. A group's consequences (findings that only restate its
 * lines) are named in its message; cache breaks the baseline explains come after the findings.
 */
export function annotationsFor(
  groups: FindingGroup[],
  ownWarnings: string[] = [],
  consequences: Map<FindingGroup, Finding[]> = new Map(),
  cacheBreaks: Array<{ build: string; cacheBreak: CacheBreak }> = [],
): Annotation[] {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const out: Annotation[] = [];
  // One budget for everything the step annotates: buildx-doctor's own warnings first (few, and
  // folded into one when there are many: 15 empty logs are one problem), then the findings.
  const shown = ownWarnings.length > OWN_WARNINGS ? ownWarnings.slice(0, OWN_WARNINGS - 1) : ownWarnings;
  for (const warning of shown) out.push({ severity: 'warning', message: clean(redact(warning)), properties: { title: 'buildx-doctor' } });
  if (shown.length < ownWarnings.length) {
    const rest = ownWarnings.length - shown.length;
    out.push({
      severity: 'warning',
      message: `and ${rest} more warning${rest === 1 ? '' : 's'}: all are listed in the job summary`,
      properties: { title: 'buildx-doctor' },
    });
  }
  used.warning = out.length;
  for (const finding of groups) {
    const title = `buildx-doctor: ${finding.id}`;
    // The title is redacted alone: a build called "secrets" must not turn "secrets: ..." into "***".
    // The builds are named as the summary's headline names them (a group whose title counts them does not).
    const builds = buildsNamed(finding);
    const summary = clean(`${builds.length ? `${names(builds)}: ` : ''}${redact(finding.title)}${followers(consequences.get(finding) ?? [])}`);
    const seen = new Set<string>();
    const places = finding.findings
      .flatMap((f) => f.locations ?? [])
      .filter((l) => l.verified && !seen.has(`${l.file}:${l.line}`) && seen.add(`${l.file}:${l.line}`));
    const targets = places.length > 0 ? places : [null];
    for (const place of targets) {
      if (used[finding.severity] >= PER_SEVERITY) break;
      used[finding.severity]++;
      out.push({
        severity: finding.severity,
        message: place ? clean(place.kind === 'source' && place.message ? `${redact(place.message)} (${summary})` : summary) : summary,
        properties: place ? { title, file: place.file, startLine: place.line, ...(place.column ? { startColumn: place.column } : {}) } : { title },
      });
    }
  }
  for (const { where, builds, cacheBreak } of sameBreaks(cacheBreaks)) {
    if (used.warning >= PER_SEVERITY) break;
    used.warning++;
    out.push({
      severity: 'warning',
      message: clean(`${names(builds)}: ${breakSentence(cacheBreak)}`),
      properties: where ? { title: 'buildx-doctor: cache-miss', file: where.file, startLine: where.line } : { title: 'buildx-doctor: cache-miss' },
    });
  }
  return out;
}

/** Builds named in front of a message, the first few: a matrix of 100 must not push the message past the cut. */
function names(builds: string[]): string {
  const shown = builds.slice(0, MAX_NAMED);
  return builds.length > MAX_NAMED ? `${shown.join(', ')} and ${builds.length - MAX_NAMED} more builds` : shown.join(', ');
}

const MAX_NAMED = 10;

/**
 * ` (the same lines also read as "Pushing to the registry failed": that follows from it)`; ` (... "An image or tag does not
 * exist: x", which it includes)` for a cause the root's catalog entry names (`data.causeOf`).
 */
function followers(consequences: Finding[]): string {
  const { follow, included } = byRelation(consequences, (title) => `"${redact(title)}"`);
  const parts: string[] = [];
  if (follow.length > 0) parts.push(`the same lines also read as ${follow.join(', ')}: ${follow.length === 1 ? 'that follows' : 'those follow'} from it`);
  if (included.length > 0) parts.push(`the same lines also read as ${included.join(', ')}, which it includes`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** The cache breaks, one per place and reason, with the builds that broke there. */
function sameBreaks(breaks: Array<{ build: string; cacheBreak: CacheBreak }>) {
  const byPlace = new Map<string, { where: { file: string; line: number } | null; builds: string[]; cacheBreak: CacheBreak }>();
  for (const { build, cacheBreak } of breaks) {
    const where = cacheBreak.dockerfile && cacheBreak.dockerfileLine !== null ? { file: cacheBreak.dockerfile, line: cacheBreak.dockerfileLine } : null;
    const key = `${where ? `${where.file}:${where.line}` : `${cacheBreak.step} ${cacheBreak.instruction}`}\u0000${cacheBreak.reason}`;
    const same = byPlace.get(key);
    if (same) same.builds.push(build);
    else byPlace.set(key, { where, builds: [build], cacheBreak });
  }
  return [...byPlace.values()];
}

/** The baseline section's sentence in plain text: `cache broke at [4/6] RUN make: build-arg-changed; 3 steps rebuilt, 2.2 min lost`. */
function breakSentence(b: CacheBreak): string {
  const steps = `${b.rebuiltSteps} step${b.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${formatDuration(b.secondsLost)} lost`;
  const advice = cacheBreakAdvice(b.reason);
  return `cache broke at ${redact(`${b.step} ${b.instruction}`)} against the baseline: ${b.reason}; ${steps}. ${redact(b.detail)}${advice ? `. What to do: ${advice}` : ''}`;
}

/** Annotates the step: buildx-doctor's own warnings always, the findings when `withFindings`. */
export function annotate(analysis: Analysis | null, ownWarnings: string[], withFindings: boolean): void {
  const annotations = withFindings && analysis ? annotationsOf(analysis, ownWarnings) : annotationsFor([], ownWarnings);
  for (const { severity, message, properties } of annotations) {
    if (severity === 'error') core.error(message, properties);
    else if (severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

function clean(text: string): string {
  return truncate(stripControl(text).replace(/\s+/g, ' '), 1000);
}
