import type { Finding, Severity } from '../model.js';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Within a severity, causes come before their consequences: a failure before the cancellation of the
 * jobs it took down; emulation and cache misses before the slow build they produce.
 */
const CAUSE_ORDER: Record<string, number> = {
  unknown: 90,
  'qemu-emulation': 20,
  'cache-miss': 30,
  canceled: 60,
  'slow-build': 80,
};
const DEFAULT_CAUSE_ORDER = 10;
/**
 * A cause the failure's words point at when no signature matched (rules/likely-cause.ts): after every cause
 * a signature named, in any build (those are read from the log, this one is guessed), before `unknown`.
 */
export const GUESSED_CAUSE_ORDER = 85;
/**
 * A cause a signature named in a job's step after its build, which succeeded (a push denied): the run's
 * failure when no build failed, after every build's own failure when one did (that build is the headline).
 */
export const LATER_STEP_ORDER = 95;

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || orderOf(a) - orderOf(b);
}

/** A finding's own rank (a diagnosis says which match is the root cause), else its kind's. */
function orderOf(finding: Finding): number {
  return finding.rank ?? CAUSE_ORDER[finding.id] ?? DEFAULT_CAUSE_ORDER;
}

/** Sorts findings most likely root cause first; stable, so equal findings keep build order. */
export function rankFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
