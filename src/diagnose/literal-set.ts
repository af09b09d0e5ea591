/** Characters are folded to 7-bit ASCII lower case; anything else shares one column. */
const ALPHABET = 128;
const OTHER = 127;

/**
 * Which of many literals a text contains, ignoring ASCII case, in one pass over the text (an
 * Aho-Corasick automaton compiled to a transition table). Each literal carries the id of what it
 * stands for (a pattern). It is a prefilter: a character outside ASCII matches any other such
 * character, so it may report a literal that is not there, never miss one that is.
 */
export class LiteralSet {
  /** next[state * ALPHABET + column]: the state after reading a character. */
  private readonly next: Int32Array;
  /** Whether reaching a state means a literal ended there. */
  private readonly accepts: Uint8Array;
  /** The ids of the literals that end at a state (its own and its failure states'). */
  private readonly outputs: number[][];
  readonly size: number;

  constructor(literals: Array<{ text: string; id: number }>) {
    const goto: Array<Map<number, number>> = [new Map()];
    const accepting: boolean[] = [false];
    const own: number[][] = [[]];
    for (const { text: literal, id } of literals) {
      if (literal.length === 0) continue;
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const column = fold(literal.charCodeAt(i));
        let target = goto[state]!.get(column);
        if (target === undefined) {
          target = goto.length;
          goto.push(new Map());
          accepting.push(false);
          own.push([]);
          goto[state]!.set(column, target);
        }
        state = target;
      }
      accepting[state] = true;
      own[state]!.push(id);
    }
    this.size = goto.length;
    this.outputs = own;
    this.next = new Int32Array(goto.length * ALPHABET);
    this.accepts = new Uint8Array(goto.length);
    // Breadth first: a state's failure state is complete before the state itself.
    const failure = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let column = 0; column < ALPHABET; column++) {
      const target = goto[0]!.get(column) ?? 0;
      this.next[column] = target;
      if (target !== 0) queue.push(target);
    }
    this.accepts[0] = accepting[0] ? 1 : 0;
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      this.accepts[state] = accepting[state] || this.accepts[failure[state]!] ? 1 : 0;
      if (this.accepts[failure[state]!]) this.outputs[state] = [...own[state]!, ...this.outputs[failure[state]!]!];
      for (let column = 0; column < ALPHABET; column++) {
        const target = goto[state]!.get(column);
        if (target === undefined) {
          this.next[state * ALPHABET + column] = this.next[failure[state]! * ALPHABET + column]!;
        } else {
          failure[target] = this.next[failure[state]! * ALPHABET + column]!;
          this.next[state * ALPHABET + column] = target;
          queue.push(target);
        }
      }
    }
  }

  /** Whether the text contains one of the literals (or, beyond ASCII, may contain one). */
  test(text: string): boolean {
    return this.find(text, () => true);
  }

  /**
   * Calls `found` with the id of each literal the text contains, in the order they end, until it
   * returns true; returns whether it did. An id may be reported more than once.
   */
  find(text: string, found: (id: number) => boolean): boolean {
    if (this.size === 1) return false;
    const next = this.next;
    const accepts = this.accepts;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = next[state * ALPHABET + fold(text.charCodeAt(i))]!;
      if (accepts[state] === 1) for (const id of this.outputs[state]!) if (found(id)) return true;
    }
    return false;
  }
}

function fold(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code < ALPHABET ? code : OTHER;
}
