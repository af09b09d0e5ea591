/** Characters are folded to 7-bit ASCII lower case; anything else shares one class. */
const ASCII = 128;
const DEL = 0x7f;
const SPACE = 0x20;
const TAB = 0x09;
/** The outputs of a state where none of the set's own literals ends (shared, never changed). */
const NO_IDS: number[] = [];

/** What scanPrintableBytes() found in a line's bytes. */
export type ByteScan = typeof NOT_PRINTABLE | typeof NO_LITERAL | typeof LITERAL_FOUND;
export const NOT_PRINTABLE = -1;
export const NO_LITERAL = 0;
export const LITERAL_FOUND = 1;

/**
 * Which of many literals a text contains, ignoring ASCII case, in one pass over the text (an
 * Aho-Corasick automaton compiled to a transition table). Each literal carries the id of what it
 * stands for (a pattern). It is a prefilter: a character outside ASCII matches any other such
 * character, so it may report a literal that is not there, never miss one that is.
 *
 * It runs over nearly every line of a log, so the table is kept small enough to stay in the CPU's
 * cache: a column per character class (the characters the literals use, folded; all the others
 * share column 0) instead of per ASCII character, and 16-bit state numbers when they fit. With the
 * built-in catalog's 8,000 states that is a table of about 1 MB instead of 4 MB (the line selection
 * over the sample's lines took about a quarter less time).
 */
export class LiteralSet {
  /** next[(state << shift) + class]: the state after reading a character of that class, or `unknown`. */
  private readonly next: Uint16Array | Int32Array;
  /** The table's mark of a transition not worked out yet (resolve). */
  private readonly unknown: number;
  /** Each state's failure state: where the scan goes on when no literal continues. */
  private readonly failure: Int32Array;
  private readonly shift: number;
  /** The class of each character code below 128; codes above share the class of non-ASCII. */
  private readonly classOf: Uint8Array;
  private readonly nonAsciiClass: number;
  /** The kinds of the literals that end at a state (its own and its failure states'), as bits. */
  private readonly accepts: Uint8Array;
  /** The ids of the set's own literals (LITERAL_FOUND) that end at a state (its own and its failure states'). */
  private readonly outputs: number[][];
  readonly size: number;
  /**
   * Whether any literal is the set's own (LITERAL_FOUND): without one, test() and testBytes() are
   * false whatever the text, beyond ASCII too, as for an empty set.
   */
  private readonly hasOwn: boolean;

  /** `kind`: LITERAL_FOUND when absent (a literal of the set's own), else another bit below 256. */
  constructor(literals: Array<{ text: string; id: number; kind?: number }>) {
    // Classes: 0 for characters no literal uses, then one per folded character a literal uses.
    const classOf = new Uint8Array(ASCII);
    let classes = 1;
    let nonAsciiClass = 0;
    for (const { text } of literals) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= ASCII) {
          if (nonAsciiClass === 0) nonAsciiClass = classes++;
          continue;
        }
        const folded = fold(code);
        if (classOf[folded] === 0) classOf[folded] = classes++;
      }
    }
    // Upper-case letters read as their lower case.
    for (let code = 65; code <= 90; code++) classOf[code] = classOf[code + 32]!;
    this.classOf = classOf;
    this.nonAsciiClass = nonAsciiClass;
    let shift = 0;
    while (1 << shift < classes) shift++;
    this.shift = shift;
    const width = 1 << shift;
    const column = (code: number): number => (code < ASCII ? classOf[code]! : nonAsciiClass);

    // The trie is built straight into a table (no map per state: the built-in catalog's set is made
    // at every start). Only the trie's edges and the root's row are filled now; every other
    // transition is UNKNOWN until a scan first needs it (resolve). Completing the whole table up
    // front meant states × classes steps (about 500,000 for the built-in catalog) in code that runs
    // once, in V8's interpreter: a quarter of a short run's time.
    let capacity = 1;
    for (const { text } of literals) capacity += text.length;
    const unknown = capacity < 0xffff ? 0xffff : -1;
    const table = unknown === 0xffff ? new Uint16Array(capacity * width) : new Int32Array(capacity * width);
    table.fill(unknown);
    // The trie in typed arrays, a state's parent and the class that leads to it: no array per state
    // (the built-in catalog's set has about 17,000 states, made at every start).
    /** The kinds of the literals that end at each state of the trie. */
    const accepting = new Uint8Array(capacity);
    const parent = new Int32Array(capacity);
    const classIn = new Uint8Array(capacity);
    const depth = new Int32Array(capacity);
    /** The ids of the set's own literals that end at a state, for the few states where one does. */
    const own = new Map<number, number[]>();
    let states = 1;
    let maxDepth = 0;
    for (const { text: literal, id, kind = LITERAL_FOUND } of literals) {
      if (literal.length === 0) continue;
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const c = column(literal.charCodeAt(i));
        const slot = state * width + c;
        let target = table[slot]!;
        if (target === unknown) {
          target = states++;
          table[slot] = target;
          parent[target] = state;
          classIn[target] = c;
          depth[target] = depth[state]! + 1;
          if (depth[target]! > maxDepth) maxDepth = depth[target]!;
        }
        state = target;
      }
      accepting[state]! |= kind;
      if (kind === LITERAL_FOUND) {
        const ids = own.get(state);
        if (ids) ids.push(id);
        else own.set(state, [id]);
      }
    }
    // The root's missing edges lead back to it.
    for (let c = 0; c < width; c++) if (table[c] === unknown) table[c] = 0;
    this.next = table;
    this.unknown = unknown;
    this.failure = new Int32Array(states);
    // Locals, not fields, in the loops: the object's shape is still changing in its constructor.
    const outputs = new Array<number[]>(states).fill(NO_IDS);
    for (const [state, ids] of own) outputs[state] = ids;
    const accepts = new Uint8Array(states);
    const failure = this.failure;
    // Breadth first, i.e. by depth (a counting sort): a state's failure state, shallower, is
    // complete before the state itself; within a depth the order changes nothing.
    const first = new Int32Array(maxDepth + 2);
    for (let state = 1; state < states; state++) first[depth[state]! + 1]!++;
    for (let d = 1; d <= maxDepth + 1; d++) first[d]! += first[d - 1]!;
    const order = new Int32Array(states);
    for (let state = 1; state < states; state++) order[first[depth[state]!]!++] = state;
    accepts[0] = accepting[0]!;
    for (let k = 0; k < states - 1; k++) {
      const state = order[k]!;
      const from = parent[state]!;
      const fail = from === 0 ? 0 : this.resolve(failure[from]!, classIn[state]!);
      failure[state] = fail;
      accepts[state] = accepting[state]! | accepts[fail]!;
      if ((accepts[fail]! & LITERAL_FOUND) !== 0) outputs[state] = [...(own.get(state) ?? []), ...outputs[fail]!];
    }
    this.size = states;
    this.hasOwn = own.size > 0;
    this.outputs = outputs;
    this.accepts = accepts;
  }

  /**
   * The state after reading a character of class `c` in `state`, where the table does not know it
   * yet: the failure state's transition (the longest suffix that is a prefix of some literal),
   * remembered in the table. Iterative: a chain of failure states is at most a literal long.
   */
  private resolve(state: number, c: number): number {
    const next = this.next;
    const shift = this.shift;
    let s = state;
    let target = next[(s << shift) + c]!;
    while (target === this.unknown) {
      s = this.failure[s]!;
      target = next[(s << shift) + c]!;
    }
    // Every state on the way (their transitions are all this one) learns it.
    for (let t = state; t !== s; t = this.failure[t]!) next[(t << shift) + c] = target;
    return target;
  }

  /** Whether the text contains one of the literals (or, beyond ASCII, may contain one). */
  test(text: string): boolean {
    return this.firstEnd(text, 0, 0) !== -1;
  }

  /**
   * test() for text still in bytes, `bytes[start, end)`. An ASCII byte is its character, so on ASCII
   * text the answer is test()'s; a byte above 127 (part of a character beyond ASCII, whose class one
   * byte cannot tell) answers true, as a literal may be there: a caller that wants the exact
   * answer then decodes the text and asks test().
   */
  testBytes(bytes: Uint8Array, start: number, end: number): boolean {
    if (!this.hasOwn) return false;
    const next = this.next;
    const accepts = this.accepts;
    const classOf = this.classOf;
    const shift = this.shift;
    const unknown = this.unknown;
    let state = 0;
    for (let i = start; i < end; i++) {
      const code = bytes[i]!;
      if (code >= ASCII) return true;
      const c = classOf[code]!;
      const target = next[(state << shift) + c]!;
      state = target === unknown ? this.resolve(state, c) : target;
      if ((accepts[state]! & LITERAL_FOUND) !== 0) return true;
    }
    return false;
  }

  /**
   * testBytes() fused with the test the step-line shortcut makes of the same bytes, so that a line
   * is read once instead of twice: NOT_PRINTABLE when a byte of `bytes[start, end)` is a control
   * character (but a tab, when `tabs`) or DEL and above; else LITERAL_FOUND when testBytes() would
   * be true, NO_LITERAL when false.
   */
  scanPrintableBytes(bytes: Uint8Array, start: number, end: number, tabs: boolean): ByteScan {
    return this.scanKinds(bytes, start, end, tabs, LITERAL_FOUND) as ByteScan;
  }

  /**
   * scanPrintableBytes() for literals of the kinds in `kinds` (bits; see the constructor): NOT_PRINTABLE,
   * or the kinds found (NO_LITERAL for none). A literal of a kind but LITERAL_FOUND rides along in
   * the set's automaton for this search alone (test(), testBytes() and find() never see it), so
   * that a second set need not read the line again. Every byte is checked for printability, so a
   * literal found early does not end the loop; the automaton stops once every kind asked for is found.
   */
  scanKinds(bytes: Uint8Array, start: number, end: number, tabs: boolean, kinds: number): number {
    const next = this.next;
    const accepts = this.accepts;
    const classOf = this.classOf;
    const shift = this.shift;
    const unknown = this.unknown;
    // Nothing to find: only the bytes are checked.
    let found = this.size === 1 ? kinds : NO_LITERAL;
    const none = found;
    let state = 0;
    for (let i = start; i < end; i++) {
      const code = bytes[i]!;
      if (code >= DEL || (code < SPACE && (code !== TAB || !tabs))) return NOT_PRINTABLE;
      if (found === kinds) continue;
      const c = classOf[code]!;
      const target = next[(state << shift) + c]!;
      state = target === unknown ? this.resolve(state, c) : target;
      found |= accepts[state]! & kinds;
    }
    return found ^ none;
  }

  /**
   * Calls `found` with the id of each literal the text contains, in the order they end, until it
   * returns true; returns whether it did. An id may be reported more than once.
   */
  find(text: string, found: (id: number) => boolean): boolean {
    let from = 0;
    let state = 0;
    for (;;) {
      const end = this.firstEnd(text, from, state);
      if (end === -1) return false;
      // Taken before `found` runs, which may use this set again.
      state = this.stateAt;
      for (const id of this.outputs[state]!) if (found(id)) return true;
      from = end + 1;
    }
  }

  /** The state the scan was in when firstEnd last returned a match (to resume from there). */
  private stateAt = 0;

  /**
   * The index of the first character, from `from` on, at which a literal ends, starting in `start`;
   * or -1. The hot loop of the line selection: no calls, no allocation.
   */
  private firstEnd(text: string, from: number, start: number): number {
    if (!this.hasOwn) return -1;
    const next = this.next;
    const accepts = this.accepts;
    const classOf = this.classOf;
    const nonAscii = this.nonAsciiClass;
    const shift = this.shift;
    const unknown = this.unknown;
    let state = start;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const c = code < ASCII ? classOf[code]! : nonAscii;
      const target = next[(state << shift) + c]!;
      state = target === unknown ? this.resolve(state, c) : target;
      if ((accepts[state]! & LITERAL_FOUND) !== 0) {
        this.stateAt = state;
        return i;
      }
    }
    return -1;
  }
}

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
