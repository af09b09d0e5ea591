import type { CompiledPattern, Signature } from './catalog.js';
import { normalizeForMatching } from './normalize.js';
import { LiteralSet } from './literal-set.js';
import { builtinSignatures } from './load-catalog.js';

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
  private readonly prefilter: LiteralSet;
  /** Built-in patterns that have no required literal: run on every line (kept few and cheap). */
  private readonly unfiltered: CompiledPattern[];
  /** Patterns, not their regular expressions: each is compiled the first time a line holds its literal. */
  private readonly confirm: CompiledPattern[];
  private readonly userLiterals: LiteralSet;
  /** Every literal of both sets: a line without any of them is selected only by an unfiltered pattern. */
  readonly literals: readonly string[];
  /** Some built-in pattern has no literal, so any line may be selected (no prefilter can say no). */
  readonly testsEveryLine: boolean;

  constructor(signatures: Signature[]) {
    const builtinLiterals: Array<{ text: string; id: number }> = [];
    const userLiterals: Array<{ text: string; id: number }> = [];
    const unfiltered: CompiledPattern[] = [];
    const confirm: CompiledPattern[] = [];
    for (const signature of signatures) {
      const trusted = signature.patternsOrigin === 'built-in';
      for (const pattern of signature.patterns) {
        // Worked out when the bundle was built for the built-in catalog.
        const literals = pattern.literals;
        if (trusted) {
          if (literals) {
            for (const text of literals) builtinLiterals.push({ text, id: confirm.length });
            confirm.push(pattern);
          } else {
            unfiltered.push(pattern);
          }
        } else if (literals) {
          for (const text of literals) userLiterals.push({ text, id: 0 });
        }
        // A user pattern with no literal selects nothing: it sees the lines kept for the others.
      }
    }
    this.prefilter = new LiteralSet(builtinLiterals);
    this.userLiterals = new LiteralSet(userLiterals);
    this.unfiltered = unfiltered;
    this.confirm = confirm;
    this.literals = [...builtinLiterals, ...userLiterals].map((l) => l.text);
    this.testsEveryLine = unfiltered.length > 0;
  }

  /**
   * Whether select() may be true for the ASCII text in `bytes[start, end)`: false only when it is
   * certainly false (no literal of any signature in it, and no pattern without literals to run), so
   * a line can be passed over without being decoded. A byte beyond ASCII answers true.
   */
  mayWantBytes(bytes: Uint8Array, start: number, end: number): boolean {
    return this.unfiltered.length > 0 || this.userLiterals.testBytes(bytes, start, end) || this.prefilter.testBytes(bytes, start, end);
  }

  /** Whether a built-in signature matches the line, or a user signature may. */
  select(text: string): boolean {
    if (this.userLiterals.test(text)) return true;
    // Only the patterns whose literal is in the line are run, on the line as patterns see it.
    let normalized: string | null = null;
    const confirmed = this.prefilter.find(text, (id) => this.confirm[id]!.regex.test((normalized ??= normalizeForMatching(text))));
    if (confirmed || this.unfiltered.length === 0) return confirmed;
    normalized ??= normalizeForMatching(text);
    return this.unfiltered.some((pattern) => pattern.regex.test(normalized!));
  }
}

let builtinSelector: LineSelector | null = null;

/** The selector of a catalog: the built-in one is made once. */
export function lineSelectorFor(catalog: Signature[]): LineSelector {
  if (catalog !== builtinSignatures()) return new LineSelector(catalog);
  builtinSelector ??= new LineSelector(catalog);
  return builtinSelector;
}
