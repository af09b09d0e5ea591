import type { Signature } from './catalog.js';
import { requiredLiterals } from './required-literals.js';
import { normalizeForMatching } from './normalize.js';

/**
 * Decides, while a log is read, which lines the signatures will want to see: the parser keeps the
 * lines around them for the diagnosis. Derived from the catalog itself (built-in and the team's own
 * signatures), so a signature's line is never dropped before it could match.
 *
 * Cheap first: one search for the literals every pattern needs. A built-in (reviewed) pattern then
 * confirms the line; a user's pattern is not run here (it runs later in a worker with a time
 * budget), so its literals alone select the line.
 */
export class LineSelector {
  private readonly prefilter: RegExp | null;
  /** Built-in patterns that have no required literal: run on every line (kept few and cheap). */
  private readonly unfiltered: RegExp[];
  private readonly confirm: RegExp[];
  private readonly userLiterals: RegExp | null;
  /** User patterns with no literal to select their lines: they see only the lines kept for others. */
  readonly unselectable: string[] = [];

  constructor(signatures: Signature[]) {
    const builtinLiterals: string[] = [];
    const userLiterals: string[] = [];
    const unfiltered: RegExp[] = [];
    const confirm: RegExp[] = [];
    for (const signature of signatures) {
      const trusted = signature.patternsOrigin === 'built-in';
      for (const pattern of signature.patterns) {
        const literals = requiredLiterals(pattern.source);
        if (trusted) {
          if (literals) {
            builtinLiterals.push(...literals);
            confirm.push(pattern.regex);
          } else {
            unfiltered.push(pattern.regex);
          }
        } else if (literals) {
          userLiterals.push(...literals);
        } else {
          this.unselectable.push(`${signature.id}: ${pattern.source}`);
        }
      }
    }
    this.prefilter = alternation(builtinLiterals);
    this.userLiterals = alternation(userLiterals);
    this.unfiltered = unfiltered;
    this.confirm = confirm;
  }

  /** Whether a built-in signature matches the line, or a user signature may. */
  select(text: string): boolean {
    if (this.userLiterals?.test(text)) return true;
    const candidate = this.prefilter?.test(text) ?? false;
    if (!candidate && this.unfiltered.length === 0) return false;
    const normalized = normalizeForMatching(text);
    if (candidate && this.confirm.some((regex) => regex.test(normalized))) return true;
    return this.unfiltered.some((regex) => regex.test(normalized));
  }
}

/** One case-insensitive search for any of the literals (case is checked by the pattern itself). */
function alternation(literals: string[]): RegExp | null {
  const unique = [...new Set(literals.map((l) => l.toLowerCase()))];
  if (unique.length === 0) return null;
  // Longest first, so that a literal that contains another one is tried as a whole.
  unique.sort((a, b) => b.length - a.length);
  return new RegExp(unique.map(escape).join('|'), 'i');
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
