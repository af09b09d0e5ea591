import type { Finding, Severity } from '../model.js';
import { InputError } from '../input/errors.js';

/** When buildx-doctor itself may fail a job: only when the user asked for it. */
export type FailOn = 'never' | 'error' | 'warning';

export function parseFailOn(text: string): FailOn {
  const value = text.trim().toLowerCase() || 'never';
  if (value === 'never' || value === 'error' || value === 'warning') return value;
  throw new InputError(`fail-on must be never, error or warning, not "${text}"`);
}

/**
 * `omitted`: the findings of builds counted but not listed (Analysis.omittedBuilds.findings): a
 * folded build's warning must fail the job as a listed one's would.
 */
export function shouldFail(findings: Finding[], policy: FailOn, omitted: Record<Severity, number> | null = null): boolean {
  if (policy === 'never') return false;
  const errors = omitted?.error ?? 0;
  if (policy === 'error') return errors > 0 || findings.some((f) => f.severity === 'error');
  return errors + (omitted?.warning ?? 0) > 0 || findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}
