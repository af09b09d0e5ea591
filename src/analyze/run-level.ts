import type { BuildAnalysis } from './analyze.js';
import { inlineCode } from '../text/markdown.js';
import { failedForReal } from './allowed-failure.js';

/**
 * A matrix job canceled because another one failed (fail-fast) is a consequence: its `canceled`
 * finding names the failed jobs, and a failure always ranks before cancellations.
 */
export function linkCanceledToFailures(analyses: BuildAnalysis[]): BuildAnalysis[] {
  // A failure its job was allowed (continue-on-error) let that job succeed: it canceled no other.
  const failed = analyses.filter((a) => failedForReal(a.build)).map((a) => a.build.name);
  if (failed.length === 0) return analyses;
  for (const analysis of analyses) {
    if (analysis.build.status !== 'canceled') continue;
    for (const finding of analysis.findings) {
      if (finding.id !== 'canceled') continue;
      finding.title = `Canceled after ${failed.join(', ')} failed`;
      finding.fix = `${failed.map((name) => inlineCode(name)).join(', ')} failed in the same run; with \`strategy.fail-fast\` (the default) GitHub then cancels the other jobs of the matrix. Fix that failure first: this job has no problem of its own in the log.\n\n${finding.fix}`;
      finding.data = { ...finding.data, canceledBecause: failed.join(', ') };
    }
  }
  return analyses;
}
