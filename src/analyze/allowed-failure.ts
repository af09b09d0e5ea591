import type { Build } from '../model.js';
import type { Analysis } from './analyze.js';
import type { RuleFinding } from './rule.js';

/** Said after the title of a failure its job was allowed to have. */
const ALLOWED_SUFFIX = ' (allowed to fail: the job succeeded)';

/**
 * A job the GitHub API lists as a success went on past its failed step (`continue-on-error` on the
 * build step, or on a later `docker push`): the run is green, so the failure's cause is said as a
 * warning, titled as allowed, `tolerated: 1` in its data, and no `fail-on: error` policy counts it.
 * Only the jobs source knows a job's conclusion; a log read in its own job (which still runs) or from
 * a file keeps its errors. A build that succeeded keeps its warnings as they are (it had no failure).
 */
export function tolerateAllowedFailure(build: Build, findings: RuleFinding[]): RuleFinding[] {
  if (build.jobConclusion !== 'success') return findings;
  if (build.status !== 'failure' && !build.afterBuildError) return findings;
  return findings.map((finding) => {
    if (finding.severity !== 'error') return finding;
    const allowed = { ...finding, severity: 'warning' as const, title: `${finding.title}${ALLOWED_SUFFIX}`, data: { ...finding.data, tolerated: 1 } };
    // A build's failure stays the first of its warnings (the `root-cause` output names it, as the verdict does);
    // a later step's keeps its place after the build's own findings.
    return build.status === 'failure' ? { ...allowed, rank: 0 } : allowed;
  });
}

/** A finding of a build's failure its job was allowed (not a later step's, which is told after the build). */
export function isAllowedFailure(finding: { data?: Record<string, unknown> }): boolean {
  return finding.data?.tolerated === 1 && finding.data?.laterCause === undefined;
}

/** A build that failed in a job that was not allowed that failure. */
export function failedForReal(build: Build): boolean {
  return build.status === 'failure' && build.jobConclusion !== 'success';
}

/** Whether the run failed only where its jobs were allowed to (the headline is then no ❌, no comment is asked for). */
export function failuresAllAllowed(analysis: Analysis): boolean {
  const failed = analysis.builds.filter((b) => b.build.status === 'failure');
  return analysis.status === 'failure' && failed.length > 0 && failed.every((b) => b.build.jobConclusion === 'success');
}
