import type { Build } from '../model.js';
import type { RuleFinding } from './rule.js';

/** Said after the title of a failure its job was allowed to have. */
export const ALLOWED_SUFFIX = ' (allowed to fail: the job succeeded)';

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
  return findings.map((finding) =>
    finding.severity === 'error'
      ? { ...finding, severity: 'warning', title: `${finding.title}${ALLOWED_SUFFIX}`, data: { ...finding.data, tolerated: 1 } }
      : finding,
  );
}

/** Whether every failed build's job was allowed that failure (the verdict's headline is then no ❌). */
export function everyFailureAllowed(builds: readonly Build[]): boolean {
  const failed = builds.filter((b) => b.status === 'failure');
  return failed.length > 0 && failed.every((b) => b.jobConclusion === 'success');
}
