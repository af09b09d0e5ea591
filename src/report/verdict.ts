import type { Analysis } from '../analyze/analyze.js';
import { measured, timeLimitOf, type FindingGroup } from '../analyze/group.js';
import { formatDuration } from '../text/duration.js';
import { runnerSecondsOf } from '../analyze/metrics.js';
import { escapeText } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { screenGroups } from './screen-groups.js';
import { caveatAndAdvice } from './likely-caveat.js';
import { firstLine, hasLine } from '../text/fix-lines.js';
import { SEVERITY_ICON, STATUS_ICON } from './format.js';
import { failuresAllAllowed, isAllowedFailure } from '../analyze/allowed-failure.js';

/**
 * The answer in three lines: what happened, where the time went, the one change that helps most.
 * Each is Markdown; `time` and `change` are null when there is nothing to say.
 */
export interface Verdict {
  happened: string;
  time: string | null;
  change: string | null;
  /**
   * `change` for a report that does not show the findings' advice below it (the PR comment lists a
   * warning in one line): where `change` points to a finding for the how, the how's first line.
   */
  changeWithHow: string | null;
  /** The failure `happened` names with its title: a report below it need not repeat the title. */
  named: FindingGroup | null;
}

export function verdictOf(analysis: Analysis): Verdict {
  // The groups the reports show below it: the verdict counts no warning and advises on no cause that
  // the screen tells elsewhere (a cache break the baseline explains is not "read and write the cache").
  const shown: Analysis = { ...analysis, groups: screenGroups(analysis).groups };
  const changed = change(shown, analysis.groups.length);
  return { happened: happened(shown), time: timeLine(shown), ...changed, named: namedFailure(shown) };
}

/** The failure whose title the verdict's first line gives (see `happened`). */
function namedFailure(analysis: Analysis): FindingGroup | null {
  const failed = analysis.builds.filter((b) => b.build.status === 'failure').map((b) => b.build);
  return failed.length === 0 ? null : buildFailureGroup(analysis.groups, failed);
}

/**
 * The failure of builds that failed: not a later step's error in another job (a push denied after a
 * build that succeeded), which afterBuildClause tells, though an error ranks before an allowed failure.
 */
function buildFailureGroup(groups: readonly FindingGroup[], failed: readonly { name: string }[]): FindingGroup | null {
  const names = new Set(failed.map((b) => b.name));
  return failureGroup(groups.filter((g) => g.builds.some((b) => names.has(b)) && !g.findings.every((f) => f.data?.laterCause !== undefined)));
}

/**
 * The first failure: an error, else a build's failure its job was allowed to have (a warning since the
 * job succeeded, analyze/allowed-failure.ts), which is still what went wrong in that build.
 */
function failureGroup(groups: readonly FindingGroup[]): FindingGroup | null {
  return groups.find((g) => g.severity === 'error') ?? groups.find(isAllowedBuildFailure) ?? null;
}

/** A build's failure its job was allowed (not a later step's: that one is told after the build, afterBuildClause). */
export function isAllowedBuildFailure(group: FindingGroup): boolean {
  return group.findings.some(isAllowedFailure);
}

/** The headline's icon: the builds' status, but ❌ for a later step's named failure and ⚠️ for failures every job was allowed. */
export function headlineIcon(analysis: Analysis): string {
  if (laterStepFailed(analysis.groups)) return STATUS_ICON.failure;
  if (failuresAllAllowed(analysis)) return SEVERITY_ICON.warning;
  return STATUS_ICON[analysis.status];
}

/** The group that answers "why": the first failure, else the cause that cost the most time. */
export function mainCause(analysis: Analysis): FindingGroup | null {
  const failure = failureGroup(analysis.groups);
  if (failure) return failure;
  const costly = analysis.groups.filter((g) => g.lostSeconds !== null && g.severity !== 'notice');
  // Measured against a native twin, emulation is a fact; a cold cache's cost is an upper bound.
  return costly.find((g) => g.id === 'qemu-emulation') ?? costly.sort((a, b) => b.lostSeconds! - a.lostSeconds!)[0] ?? null;
}

function names(list: string[]): string {
  return list.map((n) => `**${escapeText(n)}**`).join(', ');
}

function happened(analysis: Analysis): string {
  const builds = analysis.builds.map((b) => b.build);
  if (builds.length === 0) return 'No build was found in the input.';
  const failed = builds.filter((b) => b.status === 'failure');
  const canceled = builds.filter((b) => b.status === 'canceled');
  // Builds past the listing limit count too (the budget lists every failure it can, so these are rare).
  const omitted = analysis.omittedBuilds?.statuses;
  const failedCount = failed.length + (omitted?.failure ?? 0);
  const unknown = builds.filter((b) => b.status === 'unknown');
  if (failedCount === 0 && canceled.length === 0 && !omitted?.canceled && unknown.length > 0) {
    // A paste cut before the end, or a runner that died: not a success. A cause found in its lines
    // is said as what the log shows, not as why the build failed.
    const cause = analysis.groups.find((g) => g.severity === 'error');
    const shows = cause ? `, and ${unknown.length === 1 ? 'it shows' : 'they show'}: ${escapeText(redact(cause.title))}` : '';
    if (unknown.length > 1) return `The logs of ${names(unknown.map((b) => b.name))} do not say how their builds ended${shows}.`;
    const who = builds.length === 1 ? 'The log' : `The log of ${names(unknown.map((b) => b.name))}`;
    return `${who} does not say how the build ended${shows}.`;
  }
  if (failedCount === 0 && canceled.length === 0 && !omitted?.canceled) {
    const warnings = analysis.groups.filter((g) => g.severity === 'warning').length;
    const total = builds.length + (analysis.omittedBuilds?.count ?? 0);
    const all = total === 1 ? 'The build succeeded' : `All ${total} builds succeeded`;
    return `${all}${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'} below` : ''}${afterBuildClause(analysis.groups, total)}.`;
  }
  const parts: string[] = [];
  const cause = buildFailureGroup(analysis.groups, failed);
  if (failed.length > 0) {
    const more = failedCount > 1 ? ` (${failedCount} builds failed)` : '';
    // A title that quotes a line ending with a period (`Process completed with exit code 1.`) ends the sentence itself.
    const title = escapeText(redact(cause?.title ?? '')).replace(/\.+$/, '');
    parts.push(cause ? `${names(cause.builds)} failed: ${title}${more}` : `${names(failed.map((b) => b.name))} failed`);
  }
  if (canceled.length > 0) {
    // A time limit that ran out says why (a step's `timeout-minutes`, the job's maximum), when one
    // limit stopped every canceled build (one job's limit is not another's).
    const limits = new Set(analysis.groups.flatMap((g) => (g.id === 'canceled' ? g.findings : [])).map(timeLimitOf));
    const limit = limits.size === 1 ? [...limits][0] : null;
    const why = failed.length ? ' after it' : limit ? `: ${limit} ran out` : '';
    parts.push(`${names(canceled.map((b) => b.name))} ${canceled.length === 1 ? 'was' : 'were'} canceled${why}`);
  }
  // A job whose build succeeded and whose later step failed (a push denied) beside a build that failed.
  const total = builds.length + (analysis.omittedBuilds?.count ?? 0);
  return `${parts.join('; ')}${afterBuildClause(analysis.groups, total)}.`;
}

/** Whether a step after the builds failed for a cause the catalog names (a push denied): the run failed, though no build did. */
export function laterStepFailed(groups: readonly FindingGroup[]): boolean {
  return groups.some((g) => g.severity === 'error' && g.findings.some((f) => f.data?.laterCause !== undefined));
}

/**
 * `; a later step of its job reported an error` (or `was canceled`) when a job failed after its build (a smoke test):
 * a run whose builds succeeded must not read as one with nothing to say. `failed: <cause>` when the
 * catalog named the cause in that step's output (a push denied). Empty otherwise.
 */
export function afterBuildClause(groups: readonly FindingGroup[], totalBuilds: number): string {
  const later = groups.filter((g) => g.id === 'after-build-error' || g.findings.some((f) => f.data?.laterCause !== undefined));
  if (later.length === 0) return '';
  const findings = later.flatMap((g) => g.findings);
  const builds = [...new Set(later.flatMap((g) => g.builds))];
  const named = findings.find((f) => f.data?.laterCause !== undefined);
  const cause = named?.data?.laterCause;
  const canceled = findings.filter((f) => f.data?.canceled === 1).length;
  const what =
    cause !== undefined
      ? `${named!.severity === 'error' ? 'failed' : 'reported'}: ${escapeText(redact(String(cause)))}`
      : canceled === findings.length
        ? 'was canceled'
        : canceled === 0
          ? 'reported an error'
          : 'reported an error or was canceled';
  const whose = totalBuilds === 1 ? 'of its job' : builds.length === 1 ? `of the job of ${names(builds)}` : `of the jobs of ${names(builds)}`;
  return `; a later step ${whose} ${what}`;
}

function timeLine(analysis: Analysis): string | null {
  const spans = analysis.builds.map((b) => b.build.jobSeconds ?? b.build.buildSeconds).filter((s): s is number => s !== null);
  // The builds past the listing limit were summed as they were folded (analyze/build-budget.ts).
  const omitted = analysis.omittedBuilds;
  const omittedTimed = omitted?.maxSeconds !== null && omitted?.maxSeconds !== undefined;
  if (spans.length === 0 && !omittedTimed) return null;
  const wall = Math.max(...spans, omitted?.maxSeconds ?? 0);
  // A job's time once, however many builds it ran (metrics.ts runnerSecondsOf), listed or folded.
  const runners = analysis.builds.map((b) => runnerSecondsOf(b.build)).filter((s): s is number => s !== null);
  const runner = runners.reduce((a, b) => a + b, omitted?.runnerSeconds ?? 0);
  const count = runners.length + (omitted?.runnerJobs ?? 0);
  const jobs = count > 1 ? `, ${(runner / 60).toFixed(1)} runner minutes over ${count} jobs` : '';
  const wallText = `${formatDuration(wall)} wall time${count > 1 ? ' (the longest job)' : ''}${jobs}`;
  const cause = mainCause(analysis);
  // A cause's cost is measured on the listed builds' findings only: say so when some are not listed.
  const listedOnly = omitted ? ' in the listed builds' : '';
  if (cause?.id === 'qemu-emulation' && cause.lostSeconds) {
    const platform = cause.findings[0]!.data?.platform ?? 'the emulated platform';
    return `${wallText}; ${formatDuration(cause.lostSeconds)} of it (${share(cause.lostSeconds, runner)}) went to ${escapeText(String(platform))} under QEMU emulation${listedOnly}.`;
  }
  if (cause?.id === 'cache-miss' && cause.lostSeconds) {
    return `${wallText}; up to ${formatDuration(cause.lostSeconds)} (${share(cause.lostSeconds, runner)}) went to steps a warm cache would have skipped${listedOnly}.`;
  }
  return `${wallText}.`;
}

function share(part: number, whole: number): string {
  return `${Math.min(100, Math.round((part / whole) * 100))}%`;
}

function change(analysis: Analysis, findings: number): Pick<Verdict, 'change' | 'changeWithHow'> {
  const cause = mainCause(analysis);
  const same = (text: string | null) => ({ change: text, changeWithHow: text });
  // Nothing to change only when nothing was found, also where the screen tells it (the baseline part).
  if (!cause) return same(findings === 0 && analysis.builds.length > 0 ? 'Nothing to change.' : null);
  // Only the emulation rule's measurement names the emulated platform and so the runners to build on (not a
  // signature's or a guess, which read "Build the emulated platform on native the emulated platform runners").
  if (cause.id === 'qemu-emulation' && measured(cause.findings[0]!)) {
    const platform = String(cause.findings[0]!.data!.platform);
    const arch = platform.split('/')[1] ?? platform;
    const what = `Build ${escapeText(platform)} on native ${escapeText(arch)} runners instead of under QEMU emulation`;
    // The how (runner labels, pushing by digest) is in the finding's advice, said once there; a
    // finding's fix is `facts\n\nadvice`, the advice the same for every build.
    const fix = cause.findings[0]!.fix;
    const how = firstLine(fix.includes('\n\n') ? fix.slice(fix.indexOf('\n\n') + 2) : fix);
    return { change: `${what} (how: the first finding below).`, changeWithHow: how ? `${what}. How: ${how}` : `${what}.` };
  }
  return same(changeOf(cause));
}

/**
 * The change a group's fix says first, in one line. A guessed cause's caveat is not a change: the change is
 * its first advice, said as conditional as the guess ("If so: ..."; the headline says "Likely").
 */
export function changeOf(group: Pick<FindingGroup, 'fix' | 'findings'>): string | null {
  const { caveat, advice } = caveatAndAdvice(group);
  const line = changeLineOf(group, advice);
  return line !== null && caveat !== null ? `If so: ${line}` : line;
}

/**
 * The line of `advice` (a group's fix, or its advice without a guess's caveat) that is the change: the one
 * its finding names (Finding.change: a signature's fix may open with what happened), else the first line.
 */
export function changeLineOf(group: Pick<FindingGroup, 'findings'>, advice: string): string | null {
  const named = group.findings[0]?.change ?? null;
  // A group's fix may be another than its first finding's (analyze/group.ts): the named line must be in it.
  if (named !== null && hasLine(advice, named)) return named;
  return firstLine(advice);
}
