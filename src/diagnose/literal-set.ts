/** Characters are folded to 7-bit ASCII lower case; anything else shares one class. */
const ASCII = 128;

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
  /** next[(state << shift) + class]: the state after reading a character of that class. */
  private readonly next: Uint16Array | Int32Array;
  private readonly shift: number;
  /** The class of each character code below 128; codes above share the class of non-ASCII. */
  private readonly classOf: Uint8Array;
  private readonly nonAsciiClass: number;
  /** Whether reaching a state means a literal ended there. */
  private readonly accepts: Uint8Array;
  /** The ids of the literals that end at a state (its own and its failure states'). */
  private readonly outputs: number[][];
  readonly size: number;

  constructor(literals: Array<{ text: string; id: number }>) {
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
    // at every start), then completed breadth first. While it is a trie, 0 is a missing transition:
    // no edge of a trie leads back to its root.
    let capacity = 1;
    for (const { text } of literals) capacity += text.length;
    const table = new Int32Array(capacity * width);
    const own: number[][] = [[]];
    const accepting: boolean[] = [false];
    let states = 1;
    for (const { text: literal, id } of literals) {
      if (literal.length === 0) continue;
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const slot = state * width + column(literal.charCodeAt(i));
        let target = table[slot]!;
        if (target === 0) {
          target = states++;
          table[slot] = target;
          own.push([]);
          accepting.push(false);
        }
        state = target;
      }
      accepting[state] = true;
      own[state]!.push(id);
    }
    // Locals, not fields, in the loops: the object's shape is still changing in its constructor.
    const outputs = own;
    const accepts = new Uint8Array(states);
    // Breadth first: a state's failure state is complete before the state itself.
    const failure = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let c = 0; c < width; c++) {
      const target = table[c]!;
      if (target !== 0) queue[tail++] = target;
    }
    accepts[0] = accepting[0] ? 1 : 0;
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      const fail = failure[state]!;
      accepts[state] = accepting[state] || accepts[fail] === 1 ? 1 : 0;
      if (accepts[fail] === 1) outputs[state] = [...own[state]!, ...outputs[fail]!];
      const row = state * width;
      const failRow = fail * width;
      for (let c = 0; c < width; c++) {
        const target = table[row + c]!;
        if (target === 0) {
          table[row + c] = table[failRow + c]!;
        } else {
          failure[target] = table[failRow + c]!;
          queue[tail++] = target;
        }
      }
    }
    this.size = states;
    this.outputs = outputs;
    this.accepts = accepts;
    const used = table.subarray(0, states * width);
    if (states <= 0xffff) {
      this.next = new Uint16Array(used.length);
      this.next.set(used);
    } else {
      this.next = used.slice();
    }
  }

  /** Whether the text contains one of the literals (or, beyond ASCII, may contain one). */
  test(text: string): boolean {
    return this.firstEnd(text, 0, 0) !== -1;
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
    if (this.size === 1) return -1;
    const next = this.next;
    const accepts = this.accepts;
    const classOf = this.classOf;
    const nonAscii = this.nonAsciiClass;
    const shift = this.shift;
    let state = start;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = next[(state << shift) + (code < ASCII ? classOf[code]! : nonAscii)]!;
      if (accepts[state] === 1) {
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
