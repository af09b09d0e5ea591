import type { JsonProblem } from './json-splitter.js';
import { MAX_OBJECT_CHARS } from './json-splitter.js';

/** How often one kind of input problem happened, and where the first one was. */
export interface ProblemCount {
  count: number;
  firstLine: number;
  lastLine: number;
  detail: string;
}

/** Problems of the input by kind (each kind is one note, however often it happened). */
export type ProblemCounts = Map<string, ProblemCount>;

/** Counts one more problem of `kind`; the first of each kind says where and what. */
export function countProblem(counts: ProblemCounts, kind: string, problem: JsonProblem): void {
  const known = counts.get(kind);
  if (known) {
    known.count++;
  } else {
    counts.set(kind, { count: 1, firstLine: problem.firstLine, lastLine: problem.lastLine, detail: problem.detail });
  }
}

/** The notes that tell what was skipped of a rawjson input, and why. */
export function renderProblems(problems: ProblemCounts): string[] {
  const notes: string[] = [];
  const at = (p: ProblemCount): string => (p.firstLine === p.lastLine ? `line ${p.firstLine}` : `lines ${p.firstLine}-${p.lastLine}`);
  for (const [kind, p] of problems) {
    switch (kind) {
      case 'truncated':
        notes.push(`the rawjson progress ends inside a JSON object (from line ${p.firstLine}): the log was cut off`);
        break;
      case 'oversize':
        notes.push(
          `${p.count} rawjson object(s) over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB were skipped (first at ${at(p)}): the steps they updated may be incomplete`,
        );
        break;
      case 'broken':
        notes.push(`${p.count} rawjson object(s) were cut off or malformed and skipped (first at ${at(p)}: ${p.detail})`);
        break;
      case 'not-progress':
        notes.push(`${p.count} JSON object(s) that are not BuildKit progress were skipped (first at ${at(p)})`);
        break;
      default:
        notes.push(`${p.count} line(s) of the rawjson progress were not valid JSON and were skipped (first at ${at(p)})`);
    }
  }
  return notes;
}
