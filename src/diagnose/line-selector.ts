import type { CompiledPattern, Signature } from './catalog.js';
import { normalizeForMatching } from './normalize.js';
import { LITERAL_FOUND, LiteralSet, NO_LITERAL, NOT_PRINTABLE, type ByteScan } from './literal-set.js';
import { builtinSignatures } from './load-catalog.js';
import { quietLinePrefilter, quietLineTexts } from '../parse/quiet-line.js';

/**
 * The kind (LiteralSet) of the parser's own literals (quiet-line.ts) in the selector's automaton:
 * scanQuietBytes() finds them in the same pass as the catalog's.
 */
export const PARSER_LITERAL = 2;

/**
 * Decides, while a log is read, which lines the signatures will want to see: the parser keeps the
 * lines around them for the diagnosis. Derived from the catalog itself (built-in and the team's own
 * signatures), so a signature's line is never dropped before it could match.
 *
 * Cheap first: one search for the literals every pattern needs. A built-in (reviewed) pattern then
 * confirms the line; a user's pattern is not run here (it runs later in a worker with a time
 * budget), so its literals alone select the line.
 *
 * The search is made in two ways. Building the literal automata (LiteralSet) for the built-in
 * catalog's literals took a sixth of the action's start, and a short log tests a handful
 * of lines: the first lines are searched for each literal in turn (`includes` on the line folded as
 * the automaton reads it, so the answers are the same), and the automata are built only when a log
 * has more lines to test than that is worth.
 */
export class LineSelector {
  private prefilterSet: LiteralSet | null = null;
  private userLiteralSet: LiteralSet | null = null;
  private readonly builtinLiterals: Array<{ text: string; id: number }>;
  private readonly userLiteralList: Array<{ text: string; id: number }>;
  /** The literals folded as the automaton reads them, for the line-by-line search (made on first use). */
  private foldedLiterals: { builtin: Array<{ text: string; id: number }>; user: string[] } | null = null;
  /** Lines still to test by searching each literal before the automata are built. */
  private linesBeforeAutomata: number;
  /** Built-in patterns that have no required literal: run on every line (kept few and cheap). */
  private readonly unfiltered: CompiledPattern[];
  /** Patterns, not their regular expressions: each is compiled the first time a line holds its literal. */
  private readonly confirm: CompiledPattern[];
  /** Every literal of both sets: a line without any of them is selected only by an unfiltered pattern. */
  readonly literals: readonly string[];
  /** Some built-in pattern has no literal, so any line may be selected (no prefilter can say no). */
  readonly testsEveryLine: boolean;
  /** The parser's literals that tell a quiet line (quiet-line.ts), ridden along in the prefilter. */
  private readonly parserLiterals: () => readonly string[];

  /**
   * `linesBeforeAutomata`: how many lines are tested by searching each literal before the automata
   * are built (tests compare the two ways with 0 and Infinity). `parserLiterals`: the literals of
   * scanQuietBytes()'s second kind, asked for when the automaton is built.
   */
  constructor(signatures: Signature[], linesBeforeAutomata = LINES_BEFORE_AUTOMATA, parserLiterals: () => readonly string[] = quietLineTexts) {
    this.linesBeforeAutomata = linesBeforeAutomata;
    this.parserLiterals = parserLiterals;
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
    this.builtinLiterals = builtinLiterals;
    this.userLiteralList = userLiterals;
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
    if (this.unfiltered.length > 0) return true;
    if (this.searchLineByLine()) {
      // The automata's answer for bytes: false with no literal at all, true for a byte beyond ASCII,
      // else whether a literal is there.
      const { builtin, user } = this.folded();
      if (builtin.length === 0 && user.length === 0) return false;
      for (let i = start; i < end; i++) if (bytes[i]! > 0x7f) return true;
      const line = foldAsAutomaton(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
      return user.some((literal) => line.includes(literal)) || builtin.some((literal) => line.includes(literal.text));
    }
    return this.userLiterals.testBytes(bytes, start, end) || this.prefilter.testBytes(bytes, start, end);
  }

  /**
   * mayWantBytes() and the step-line shortcut's check that the bytes are printable ASCII, in one
   * pass over the line when the automata are in use (LiteralSet.scanPrintableBytes): NOT_PRINTABLE,
   * or whether mayWantBytes() would be true (LITERAL_FOUND) or false (NO_LITERAL). `tabs`: a tab
   * counts as printable.
   */
  scanPrintableBytes(bytes: Uint8Array, start: number, end: number, tabs: boolean): ByteScan {
    if (this.unfiltered.length > 0 || this.linesBeforeAutomata > 0 || this.userLiteralList.length > 0) {
      // The rare ways (a pattern run on every line, a short log's first lines, a team's literals): two passes.
      for (let i = start; i < end; i++) {
        const byte = bytes[i]!;
        if (byte >= DEL || (byte < SPACE && (byte !== TAB || !tabs))) return NOT_PRINTABLE;
      }
      return this.mayWantBytes(bytes, start, end) ? LITERAL_FOUND : NO_LITERAL;
    }
    return this.prefilter.scanPrintableBytes(bytes, start, end, tabs);
  }

  /**
   * scanPrintableBytes() and the quiet-line test's search for the parser's literals
   * (quietLinePrefilter().testBytes) in one pass over the line: NOT_PRINTABLE, or the bits
   * LITERAL_FOUND (mayWantBytes() would be true) and PARSER_LITERAL (one of the parser's literals is
   * there; beyond ASCII, may be: a printable line has no such byte). The parser's literals are a
   * second kind in the prefilter's automaton, which select(), mayWantBytes() and scanPrintableBytes()
   * do not see: a quiet line (a runner's own line) is the other half of a real log's lines, and
   * the two searches read each of them twice.
   */
  scanQuietBytes(bytes: Uint8Array, start: number, end: number, tabs: boolean): number {
    if (this.unfiltered.length > 0 || this.linesBeforeAutomata > 0 || this.userLiteralList.length > 0) {
      const scan = this.scanPrintableBytes(bytes, start, end, tabs);
      if (scan === NOT_PRINTABLE) return scan;
      return quietLinePrefilter()?.testBytes(bytes, start, end) ? scan | PARSER_LITERAL : scan;
    }
    return this.prefilter.scanKinds(bytes, start, end, tabs, LITERAL_FOUND | PARSER_LITERAL);
  }

  /** Whether a built-in signature matches the line, or a user signature may. */
  select(text: string): boolean {
    if (this.searchLineByLine()) return this.selectLineByLine(text);
    if (this.userLiterals.test(text)) return true;
    // Only the patterns whose literal is in the line are run, on the line as patterns see it.
    let normalized: string | null = null;
    const confirmed = this.prefilter.find(text, (id) => this.confirm[id]!.regex.test((normalized ??= normalizeForMatching(text))));
    if (confirmed || this.unfiltered.length === 0) return confirmed;
    normalized ??= normalizeForMatching(text);
    return this.unfiltered.some((pattern) => pattern.regex.test(normalized!));
  }

  /** select() without the automata: each literal searched in the folded line. */
  private selectLineByLine(text: string): boolean {
    const line = foldAsAutomaton(text);
    const { builtin, user } = this.folded();
    if (user.some((literal) => line.includes(literal))) return true;
    let normalized: string | null = null;
    for (const literal of builtin) {
      if (line.includes(literal.text) && this.confirm[literal.id]!.regex.test((normalized ??= normalizeForMatching(text)))) return true;
    }
    if (this.unfiltered.length === 0) return false;
    normalized ??= normalizeForMatching(text);
    return this.unfiltered.some((pattern) => pattern.regex.test(normalized));
  }

  /** Whether this line is still tested line by line; counts it. */
  private searchLineByLine(): boolean {
    if (this.linesBeforeAutomata <= 0) return false;
    this.linesBeforeAutomata--;
    return true;
  }

  private folded(): { builtin: Array<{ text: string; id: number }>; user: string[] } {
    // An empty literal is in no line for the automaton (it is skipped there), but `includes` finds it anywhere.
    this.foldedLiterals ??= {
      builtin: this.builtinLiterals.filter((l) => l.text.length > 0).map((l) => ({ text: foldAsAutomaton(l.text), id: l.id })),
      user: this.userLiteralList.filter((l) => l.text.length > 0).map((l) => foldAsAutomaton(l.text)),
    };
    return this.foldedLiterals;
  }

  private get prefilter(): LiteralSet {
    this.prefilterSet ??= new LiteralSet([...this.builtinLiterals, ...this.parserLiterals().map((text) => ({ text, id: 0, kind: PARSER_LITERAL }))]);
    return this.prefilterSet;
  }

  private get userLiterals(): LiteralSet {
    return (this.userLiteralSet ??= new LiteralSet(this.userLiteralList));
  }
}

/**
 * Lines tested by searching each literal before the automata are built. Measured on the shared
 * machine (load 10, the built-in catalog, the sample log's lines): building the automata about
 * 60 ms of CPU; one line searched literal by literal 0.04-0.1 ms. So the automata pay for
 * themselves after some hundreds of lines; a short log never builds them, and a long one pays at
 * most about 10 ms for these first lines.
 */
const LINES_BEFORE_AUTOMATA = 128;

/**
 * Text as LiteralSet reads it: ASCII letters in lower case, and every UTF-16 unit beyond ASCII
 * alike (the automaton gives them one class), here all written as U+0080.
 */
function foldAsAutomaton(text: string): string {
  return text.replace(NON_ASCII, '\u0080').toLowerCase();
}

const NON_ASCII = /[^\x00-\x7f]/g;

const DEL = 0x7f;
const SPACE = 0x20;
const TAB = 0x09;

let builtinSelector: LineSelector | null = null;

/** The selector of a catalog: the built-in one is made once. */
export function lineSelectorFor(catalog: Signature[]): LineSelector {
  if (catalog !== builtinSignatures()) return new LineSelector(catalog);
  builtinSelector ??= new LineSelector(catalog);
  return builtinSelector;
}
