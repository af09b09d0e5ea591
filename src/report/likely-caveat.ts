import type { Finding } from '../model.js';
import { LIKELY_CAVEAT_LEAD } from '../analyze/rules/likely-cause.js';

/** What a report says of a finding's fix: the caveat of a guessed cause apart from the advice. */
export interface CaveatAndAdvice {
  /** Why the cause is only likely (a paragraph of Markdown), or null for a cause the log shows. */
  caveat: string | null;
  /** What to do. */
  advice: string;
}

/**
 * A cause guessed from a failure's words (analyze/rules/likely-cause.ts) carries its caveat as the fix's
 * first paragraph. Reports say it as a caveat: labelled `Fix:`, or as the verdict's "one change that helps
 * most", it read as advice it is not.
 */
export function caveatAndAdvice(group: { fix: string; findings: Finding[] }): CaveatAndAdvice {
  const guessed = group.findings[0]?.data?.role === 'likely-cause';
  // Found by how it begins, not by the first blank line: a group's fix may have lost it (analyze/group.ts).
  const end = group.fix.indexOf('\n\n');
  if (!guessed || !group.fix.startsWith(LIKELY_CAVEAT_LEAD) || end === -1) return { caveat: null, advice: group.fix };
  return { caveat: group.fix.slice(0, end).trim(), advice: group.fix.slice(end + 2).trim() };
}
