import type { Finding } from '../model.js';
import { InputError } from '../input/errors.js';

/** When buildx-doctor itself may fail a job: only when the user asked for it. */
export type FailOn = 'never' | 'error' | 'warning';

export function parseFailOn(text: string): FailOn {
  const value = text.trim().toLowerCase() || 'never';
  if (value === 'never' || value === 'error' || value === 'warning') return value;
  throw new InputError(`fail-on must be never, error or warning, not "${text}"`);
}

export function shouldFail(findings: Finding[], policy: FailOn): boolean {
  if (policy === 'never') return false;
  if (policy === 'error') return findings.some((f) => f.severity === 'error');
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}
