import type { Finding } from '../model.js';

// What every doctor check group returns: a list of checks (one row each in the report) and findings
// in the report's Finding shape, so a live check and a log diagnosis speak the same catalog ids.

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

export interface Check {
  /** Stable id, `group.what` (`builder.current`, `workflow.docker-build.yml`). */
  id: string;
  status: CheckStatus;
  title: string;
  /** What was seen, or why the check could not run (for `skipped`). */
  detail: string;
}

export interface CheckResult {
  checks: Check[];
  findings: Finding[];
}

export type CheckGroup = 'workflow' | 'builder' | 'resources' | 'registry';
export const CHECK_GROUPS: readonly CheckGroup[] = ['workflow', 'builder', 'resources', 'registry'];

/** `builder,resources` → the groups; an unknown name is an error the caller reports. */
export function parseSkip(text: string): Set<CheckGroup> {
  const groups = new Set<CheckGroup>();
  for (const name of text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    if (!(CHECK_GROUPS as readonly string[]).includes(name)) throw new Error(`unknown check group "${name}" (the groups are ${CHECK_GROUPS.join(', ')})`);
    groups.add(name as CheckGroup);
  }
  return groups;
}

/** A finding the doctor raised (not tied to a build of a log). */
export function doctorFinding(finding: Omit<Finding, 'build' | 'evidence'> & Partial<Pick<Finding, 'evidence'>>): Finding {
  return { build: null, evidence: [], ...finding };
}

/** The worst status of a set of checks, for one-line summaries. */
export function worstStatus(checks: Check[]): CheckStatus {
  const order: CheckStatus[] = ['fail', 'warn', 'pass', 'skipped'];
  for (const status of order) if (checks.some((c) => c.status === status)) return status;
  return 'skipped';
}
