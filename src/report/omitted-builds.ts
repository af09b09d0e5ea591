import type { Analysis } from '../analyze/analyze.js';
import { MAX_LISTED_BUILDS } from '../analyze/build-budget.js';
import type { BuildStatus } from '../model.js';

const STATUS_WORDS: Array<[BuildStatus, string]> = [
  ['failure', 'failed'],
  ['canceled', 'canceled'],
  ['unknown', 'unfinished'],
  ['success', 'succeeded'],
];

/**
 * One line saying that builds were counted but not listed (past MAX_LISTED_BUILDS), for the summary
 * and the terminal report; null when every build is listed. Numbers and fixed words only, so it is
 * safe as Markdown and as text.
 */
export function omittedBuildsLine(analysis: Analysis): string | null {
  const omitted = analysis.omittedBuilds;
  if (!omitted) return null;
  const total = analysis.builds.length + omitted.count;
  const statuses = STATUS_WORDS.filter(([status]) => omitted.statuses[status] > 0)
    .map(([status, word]) => `${count(omitted.statuses[status])} ${word}`)
    .join(', ');
  return (
    `${count(omitted.count)} of ${count(total)} builds are counted but not listed (${statuses}): past ${MAX_LISTED_BUILDS}, ` +
    'only failing, canceled, notable and the slowest builds are listed; the status, cache hit ratio and times count them all.'
  );
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
