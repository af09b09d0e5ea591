import type { DecodedLine } from '../../decode/decoded-line.js';
import { parseCanonicalLogObject } from './log-object.js';

/** A pretty-printed object larger than this is skipped (with a note), never held in memory. */
export const MAX_OBJECT_CHARS = 8 * 1024 * 1024;

/** One complete JSON value read from the input, with where it was. */
export interface JsonObjectChunk {
  value: unknown;
  firstLine: number;
  lastLine: number;
  /** The texts of the lines of a multi-line object (for finding which line holds what), else null. */
  lines: readonly string[] | null;
}

export type JsonProblemKind =
  /** Braces balance but the text is not JSON (the engine's message is not quoted: it would repeat log text). */
  | 'invalid'
  /** The object ends mid-way: a string runs to the end of a line (a cut line), or a new object begins. */
  | 'broken'
  /** The object is over MAX_OBJECT_CHARS. */
  | 'oversize'
  /** The input ends inside an object. */
  | 'truncated';

export interface JsonProblem {
  kind: JsonProblemKind;
  firstLine: number;
  lastLine: number;
  detail: string;
}

export interface SplitterHandler {
  object(chunk: JsonObjectChunk): void;
  /** A line outside any JSON object: the plain text buildx prints after the progress (the error trailer). */
  text(line: DecodedLine): void;
  problem(problem: JsonProblem): void;
}

/** A multi-line object being read: its lines until the line that closes it. */
interface Pending {
  firstLine: number;
  lastLine: number;
  /** The line that closes the object: its opening brace's indentation, then `}`. */
  closing: string;
  lines: string[];
  chars: number;
  /** Over the size limit: still read to its end, no longer kept. */
  skipping: boolean;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
/** A byte-order mark before the first object is not part of its indentation. */
const BOM = /\ufeff/g;
const OVERSIZE = `the object is over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB`;

/**
 * Splits a stream of lines into JSON objects and plain text. An object is either on one line (the
 * fast path: one JSON.parse, as buildx 0.14+ writes every one) or pretty-printed over several (buildx
 * 0.13): Go's encoder puts the opening `{` alone on its line and the closing `}` alone at the same
 * column, everything between is indented. So lines are gathered, not scanned, until that closing line,
 * and parsed once. Only the object being read is held, and never more than MAX_OBJECT_CHARS of it.
 *
 * Recovery never needs more than the current line: a one-line object that does not parse is reported
 * and dropped; a line that cannot be inside a pretty-printed object (it does not start with blank space
 * or a closing bracket) ends a broken one and is read afresh. Why an object did not parse (a string
 * cut at the end of its line, unbalanced brackets) is worked out only then, from its lines.
 */
export class JsonObjectSplitter {
  private pending: Pending | null = null;
  /** After a broken one-line object: indented lines that may follow are skipped, not read as text. */
  private recovering = false;
  /** A line cut inside a string: reported when the next line comes, or as truncation if none does. */
  private cut: JsonProblem | null = null;

  constructor(private readonly handler: SplitterHandler) {}

  /** Between objects, nothing held or pending: a line that is a whole object may be read elsewhere. */
  get idle(): boolean {
    return this.pending === null && !this.recovering && this.cut === null;
  }

  push(line: DecodedLine): void {
    const text = line.text;
    if (this.cut) {
      this.handler.problem(this.cut);
      this.cut = null;
    }
    const pending = this.pending;
    if (pending) {
      if (continuesObject(text)) {
        this.gather(pending, line);
        return;
      }
      this.pending = null;
      this.handler.problem(
        whyBroken(pending) ?? { kind: 'broken', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'the object ends before its closing brace' },
      );
    }
    if (this.recovering) {
      if (continuesObject(text)) return;
      this.recovering = false;
    }
    const start = firstNonBlank(text);
    if (start === -1 || text.charCodeAt(start) !== OPEN_BRACE) {
      this.handler.text(line);
      return;
    }
    this.startObject(line, start);
  }

  /** The input ended: an object still open was cut off. */
  end(): void {
    const pending = this.pending;
    this.pending = null;
    const cut = this.cut;
    this.cut = null;
    if (pending) {
      // A string cut before the last line was the object's end, as a line that cannot continue it is.
      const broken = whyBroken(pending);
      if (broken && broken.lastLine < pending.lastLine) this.handler.problem(broken);
      else this.handler.problem({ kind: 'truncated', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'the input ends inside a JSON object' });
    } else if (cut) {
      this.handler.problem({ kind: 'truncated', firstLine: cut.firstLine, lastLine: cut.lastLine, detail: 'the input ends inside a JSON object' });
    }
  }

  private startObject(line: DecodedLine, start: number): void {
    const text = line.text;
    if (text.length > MAX_OBJECT_CHARS) {
      // Only if the line reader lets such lines through: skipped whole, as a pretty-printed one would be.
      this.handler.problem({ kind: 'oversize', firstLine: line.no, lastLine: line.no, detail: OVERSIZE });
      this.recovering = true;
      return;
    }
    // Fast path: a whole object on its line, as buildx 0.14+ writes every one.
    if (text.charCodeAt(text.length - 1) === CLOSE_BRACE || text.trimEnd().endsWith('}')) {
      const value = parseCanonicalLogObject(text) ?? tryParse(text);
      if (value !== undefined) {
        this.handler.object({ value, firstLine: line.no, lastLine: line.no, lines: null });
        return;
      }
    }
    const scanned = scan(start === 0 ? text : text.slice(start), 0);
    if (scanned.openString) {
      this.cut = { kind: 'broken', firstLine: line.no, lastLine: line.no, detail: 'a string runs to the end of the line (the line was cut?)' };
      this.recovering = true;
    } else if (scanned.negative) {
      this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'unbalanced brackets' });
    } else if (scanned.depth === 0) {
      this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'not valid JSON' });
    } else {
      // Still open at the end of its line: the first line of a pretty-printed object.
      this.pending = {
        firstLine: line.no,
        lastLine: line.no,
        closing: `${text.slice(0, start).replace(BOM, '')}}`,
        lines: [text],
        chars: text.length,
        skipping: false,
      };
    }
  }

  /** One more line of a pretty-printed object; its closing line ends it. */
  private gather(pending: Pending, line: DecodedLine): void {
    const text = line.text;
    pending.lastLine = line.no;
    pending.chars += text.length + 1;
    if (!pending.skipping) {
      if (pending.chars > MAX_OBJECT_CHARS) {
        pending.skipping = true;
        pending.lines = [];
      } else {
        pending.lines.push(text);
      }
    }
    if (text.trimEnd() !== pending.closing) return;
    this.pending = null;
    if (pending.skipping) {
      this.handler.problem({ kind: 'oversize', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: OVERSIZE });
      return;
    }
    const value = tryParse(pending.lines.join('\n'));
    if (value !== undefined) {
      this.handler.object({ value, firstLine: pending.firstLine, lastLine: pending.lastLine, lines: pending.lines });
      return;
    }
    // Broken inside (then the rest of its lines were read as part of it), or balanced but not JSON.
    this.handler.problem(whyBroken(pending) ?? { kind: 'invalid', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'not valid JSON' });
  }
}

/**
 * Where and why a pretty-printed object that did not parse broke: the first line where a string runs
 * to the end of the line (JSON strings never span lines: the line was cut), or where more brackets
 * close than opened. Null when neither happened. Runs once per bad object, never on a good one.
 */
function whyBroken(pending: Pending): JsonProblem | null {
  let depth = 0;
  for (let i = 0; i < pending.lines.length; i++) {
    const scanned = scan(pending.lines[i]!, depth);
    const at = pending.firstLine + i;
    if (scanned.openString)
      return { kind: 'broken', firstLine: pending.firstLine, lastLine: at, detail: 'a string runs to the end of a line (a line was cut?)' };
    if (scanned.negative) return { kind: 'broken', firstLine: pending.firstLine, lastLine: at, detail: 'unbalanced brackets' };
    depth = scanned.depth;
  }
  return null;
}

interface ScanResult {
  depth: number;
  /** A string was still open at the end of the line. */
  openString: boolean;
  /** More closing than opening brackets. */
  negative: boolean;
}

/** Bracket depth after `text`, counting only brackets outside strings. */
function scan(text: string, depth: number): ScanResult {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === OPEN_BRACE || c === 0x5b /* [ */) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth < 0) return { depth, openString: false, negative: true };
    }
  }
  return { depth, openString: inString, negative: false };
}

/** Inside a pretty-printed object every line is indented, except the closing brace of the top level. */
function continuesObject(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return c === SPACE || c === TAB || c === CLOSE_BRACE || c === CLOSE_BRACKET;
}

function firstNonBlank(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 0xfeff) return i;
  }
  return -1;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
