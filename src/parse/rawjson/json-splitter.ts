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

interface Pending {
  firstLine: number;
  lastLine: number;
  lines: string[];
  chars: number;
  depth: number;
  /** Over the size limit: still scanned for its end, no longer kept. */
  skipping: boolean;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const TAB = 0x09;

interface ScanResult {
  depth: number;
  /** A string was still open at the end of the line: JSON strings never span lines, so the line was cut. */
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
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth < 0) return { depth, openString: false, negative: true };
    }
  }
  return { depth, openString: inString, negative: false };
}

/**
 * Splits a stream of lines into JSON objects and plain text. An object is either on one line (the
 * fast path: one JSON.parse, no scan) or spread over several, accumulated until its brackets balance
 * outside strings. Only the object being read is held, and never more than MAX_OBJECT_CHARS of it.
 *
 * Recovery never needs more than the current line: an object on one line that does not parse is
 * reported and dropped; a pretty-printed object only continues on lines that start with blank space
 * or a closing bracket (Go indents everything inside the top-level braces), so a line that does not
 * ends a broken object and is read afresh.
 */
export class JsonObjectSplitter {
  private pending: Pending | null = null;
  /** After a broken pretty-printed object: its remaining (indented) lines are skipped, not read as text. */
  private recovering = false;
  /** A line cut inside a string: reported when the next line comes, or as truncation if none does. */
  private cut: JsonProblem | null = null;

  constructor(private readonly handler: SplitterHandler) {}

  push(line: DecodedLine): void {
    const text = line.text;
    if (this.cut) {
      this.handler.problem(this.cut);
      this.cut = null;
    }
    if (this.pending) {
      if (continuesObject(text)) {
        this.continuePending(this.pending, line);
        return;
      }
      const broken = this.pending;
      this.pending = null;
      this.handler.problem({ kind: 'broken', firstLine: broken.firstLine, lastLine: broken.lastLine, detail: 'the object ends before its closing brace' });
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
    if (pending || cut) {
      const firstLine = pending?.firstLine ?? cut!.firstLine;
      const lastLine = pending?.lastLine ?? cut!.lastLine;
      this.handler.problem({ kind: 'truncated', firstLine, lastLine, detail: 'the input ends inside a JSON object' });
    }
  }

  private startObject(line: DecodedLine, start: number): void {
    const text = line.text;
    if (text.length > MAX_OBJECT_CHARS) {
      // Only if the line reader lets such lines through: skipped whole, as a pretty-printed one would be.
      this.handler.problem({ kind: 'oversize', firstLine: line.no, lastLine: line.no, detail: `the object is over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB` });
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
    const result = scan(start === 0 ? text : text.slice(start), 0);
    if (result.openString) {
      this.cut = { kind: 'broken', firstLine: line.no, lastLine: line.no, detail: 'a string runs to the end of the line (the line was cut?)' };
      this.recovering = true;
      return;
    }
    if (result.negative) {
      this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'unbalanced brackets' });
      return;
    }
    if (result.depth === 0) {
      this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'not valid JSON' });
      return;
    }
    const skipping = text.length > MAX_OBJECT_CHARS;
    this.pending = { firstLine: line.no, lastLine: line.no, lines: skipping ? [] : [text], chars: text.length, depth: result.depth, skipping };
  }

  private continuePending(pending: Pending, line: DecodedLine): void {
    const text = line.text;
    pending.lastLine = line.no;
    pending.chars += text.length + 1;
    const result = scan(text, pending.depth);
    if (result.openString || result.negative) {
      this.pending = null;
      this.recovering = true;
      const problem: JsonProblem = { kind: 'broken', firstLine: pending.firstLine, lastLine: line.no, detail: result.openString ? 'a string runs to the end of a line (a line was cut?)' : 'unbalanced brackets' };
      if (result.openString) this.cut = problem;
      else this.handler.problem(problem);
      return;
    }
    pending.depth = result.depth;
    if (!pending.skipping) {
      if (pending.chars > MAX_OBJECT_CHARS) {
        pending.skipping = true;
        pending.lines = [];
      } else {
        pending.lines.push(text);
      }
    }
    if (pending.depth > 0) return;
    this.pending = null;
    if (pending.skipping) {
      this.handler.problem({ kind: 'oversize', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: `the object is over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB` });
      return;
    }
    const joined = pending.lines.join('\n');
    const value = tryParse(joined);
    if (value === undefined) {
      this.handler.problem({ kind: 'invalid', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'not valid JSON' });
      return;
    }
    this.handler.object({ value, firstLine: pending.firstLine, lastLine: pending.lastLine, lines: pending.lines });
  }
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

