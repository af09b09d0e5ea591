import type { EvidenceLine, Step } from '../model.js';
import { redact } from '../text/redact.js';

const MAX_EVIDENCE_TEXT = 500;

/** A quoted line, redacted and bounded: the only way log text becomes evidence. */
export function quote(line: number, text: string): EvidenceLine {
  const safe = redact(text);
  return { line, text: safe.length > MAX_EVIDENCE_TEXT ? `${safe.slice(0, MAX_EVIDENCE_TEXT)}…` : safe };
}

/** The header and end lines of a step, as BuildKit printed them. */
export function stepEvidence(step: Step): EvidenceLine[] {
  const lines = [quote(step.line, `#${step.id} ${step.name}`)];
  if (step.endLine !== null && step.endText !== null) lines.push(quote(step.endLine, step.endText));
  return lines;
}

export { formatDuration as formatSeconds } from '../text/duration.js';
