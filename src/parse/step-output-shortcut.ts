import type { LineDecoder } from '../decode/line-decoder.js';
import { RunnerTimestampReader } from '../decode/timestamp.js';
import { PARSER_LITERAL, type LineSelector } from '../diagnose/line-selector.js';
import { LITERAL_FOUND, NO_LITERAL, NOT_PRINTABLE, type ByteScan } from '../diagnose/literal-set.js';
import { LineBytes } from '../input/line-bytes.js';
import type { BuildLogParser } from './build-log-parser.js';
import type { VertexState } from './build-state.js';
import type { LineFormat } from '../decode/decoded-line.js';
import { quietLinePrefilter, startsWithDockerWord, startsWithParserPrefix } from './quiet-line.js';

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const DOT = 0x2e;
const LETTER_O = 0x4f;
const LETTER_E = 0x45;
const LETTER_S = 0x73;
const DEL = 0x7f;
/** Longer step numbers are left to the parser (a number this long is not BuildKit's). */
const MAX_ID_DIGITS = 9;

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

/** `SECONDS.FRACTION `: the time since the step started, which starts a step's own output. */
function isOutput(bytes: Buffer, at: number): boolean {
  if (!isDigit(bytes[at])) return false;
  while (isDigit(bytes[at])) at++;
  if (bytes[at] !== DOT || !isDigit(bytes[at + 1])) return false;
  at++;
  while (isDigit(bytes[at])) at++;
  return bytes[at] === SPACE;
}

/** Whether `bytes[at, end)` starts with `word`. */
function startsWith(bytes: Buffer, at: number, end: number, word: string): boolean {
  if (end - at < word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether `bytes[at, end)` is `...`: BuildKit's mark that another step's output comes between. */
function isEllipsis(bytes: Buffer, at: number, end: number): boolean {
  return end - at === 3 && bytes[at] === DOT && bytes[at + 1] === DOT && bytes[at + 2] === DOT;
}

/**
 * For `DONE` or `DONE 1.23s` (vertex-line.ts's DONE, `^DONE(?: (\d+(?:\.\d+)?)s)?$`) in
 * `bytes[at, end)`: the seconds, or null without them; undefined for any other text.
 */
function doneSeconds(bytes: Buffer, at: number, end: number): number | null | undefined {
  if (!startsWith(bytes, at, end, 'DONE')) return undefined;
  if (end - at === 4) return null;
  let k = at + 4;
  if (bytes[k] !== SPACE || !isDigit(bytes[k + 1])) return undefined;
  const from = ++k;
  while (isDigit(bytes[k])) k++;
  if (bytes[k] === DOT) {
    if (!isDigit(bytes[k + 1])) return undefined;
    k++;
    while (isDigit(bytes[k])) k++;
  }
  if (bytes[k] !== LETTER_S || k + 1 !== end) return undefined;
  return Number(bytes.toString('latin1', from, k));
}

const END_GROUP = '##[endgroup]';

/** Whether `bytes[at, end)` is `##[endgroup]` and nothing else: the runner's group ends (its decoded text is empty). */
function isEndGroup(bytes: Buffer, at: number, end: number): boolean {
  return end - at === END_GROUP.length && startsWith(bytes, at, end, END_GROUP);
}

// What else a step's line says (vertex-line.ts): its status, its digest (old BuildKit), the image
// it pushed or named, the time the context took to send (build-evidence.ts, read whatever the step's
// state: after a `CANCELED` too). Left to the parser: a few lines a step (but `...` and `DONE`, above).
const STATUS_OR_IMAGE = ['DONE', 'CACHED', 'CANCELED', 'ERROR', '...', 'pushing manifest for ', 'naming to ', 'transferring context: '];
const DIGEST_LENGTH = 'sha256:'.length + 64;

function isStatusOrImage(bytes: Buffer, at: number, end: number): boolean {
  for (const word of STATUS_OR_IMAGE) if (startsWith(bytes, at, end, word)) return true;
  return end - at === DIGEST_LENGTH && startsWith(bytes, at, end, 'sha256:');
}

/**
 * The shortcut for the most common lines of a real log: a step's own output
 * (`JOB<TAB>STEP<TAB>TIMESTAMP #12 3.456 Compiling foo v1.0`, or the same without `JOB<TAB>STEP<TAB>`
 * in a job log), its progress (`#9 sha256:... 22.5MB / 222.5MB 0.2s`) and its header printed again.
 * Such a line is recognised from its bytes and taken without being decoded to a string, without the
 * decoder's regular expressions and without the dialects: the parser only counts it, keeps it as
 * bytes for the excerpt and the step's tail, and moves the build's time on.
 *
 * Taken is a line that would go the whole way to exactly that, nothing else; every other line goes
 * the usual way (bytes -> RawLine -> DecodedLine -> parser), so the result is the same with or
 * without the shortcut (__tests__/step-output-shortcut.test.ts runs both over every fixture). A line
 * is taken only when:
 * - it continues the line before it: the same format, and for gh run view the same job and step
 *   (compared as bytes), so the decoder's state but its timestamp stays as it is;
 * - its timestamp has the runner's shape and is valid, then `#N` and a blank;
 * - the rest is ASCII without control characters (no escape sequence, nothing a decoder strips),
 *   with no blank at either end (a pasted log's padding is trimmed) and, in a job log, no tab (a
 *   tab could make it a gh run view line);
 * - it is not a status (`CACHED`, `ERROR`, ...), a digest or an image the step pushed or named;
 *   `DONE` (with or without its seconds) and `...` are taken: the step's end is set from the
 *   first (BuildLogParser.takeStepDone), the second is taken as a header is;
 * - the catalog does not select it (scan() and selects(): the parser marks the excerpt for a selected line);
 * - the parser agrees: the open build is a plain one with step N, and nothing is waiting for a line.
 *
 * A line of the same prefix and timestamp whose text is not a step's (`#N `) is offered to the
 * quiet-line test instead (takeQuiet): the runner's and the actions' own lines, most of a log
 * outside the steps.
 */
export class StepOutputShortcut {
  /** How many step lines were taken (the tests show that the shortcut was used). */
  taken = 0;
  /** How many quiet lines (quiet-line.ts) were taken. */
  takenQuiet = 0;
  /** How many `##[endgroup]` lines were taken. */
  takenEndGroups = 0;
  /** Reads each line's timestamp (and where it ends). */
  private readonly timestamps = new RunnerTimestampReader();
  /** The parser's literals, to tell a quiet line (null: the shortcut takes none). */
  private readonly quiet = quietLinePrefilter();

  constructor(
    private readonly decoder: LineDecoder,
    /** The plain parser, once the input is known to be a plain log (null before, and for rawjson). */
    private readonly parser: () => BuildLogParser | null,
    private readonly selector: LineSelector | null,
  ) {}

  /**
   * Whether `bytes[start, end)` (printable ASCII: scan() said so) is the step's name: its header
   * printed again. Compared with the name's characters one to one: an ASCII byte is its character,
   * and a name with a character beyond ASCII cannot equal ASCII bytes (that character differs). No
   * bytes of the name are made: lines of two steps interleave (a multi-platform build), so a cache
   * of the last step's name missed on most lines and fell back to a WeakMap lookup.
   */
  private isName(vertex: VertexState, bytes: Buffer, start: number, end: number): boolean {
    const name = vertex.name;
    if (name.length !== end - start) return false;
    for (let k = 0; k < name.length; k++) if (bytes[start + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /**
   * Whether `bytes[start, end)` is printable ASCII (no control character but, when `tabs`, a tab;
   * nothing from DEL on) and, if so, whether a literal of the catalog is in it: one pass over the
   * line for both (LineSelector.scanPrintableBytes). Without a selector, no line holds a literal.
   */
  private scan(bytes: Buffer, start: number, end: number, tabs: boolean): ByteScan {
    if (this.selector !== null) return this.selector.scanPrintableBytes(bytes, start, end, tabs);
    for (let k = start; k < end; k++) {
      const byte = bytes[k]!;
      if (byte >= DEL || (byte < SPACE && (byte !== TAB || !tabs))) return NOT_PRINTABLE;
    }
    return NO_LITERAL;
  }

  /**
   * scan() and the search for the parser's literals (quiet-line.ts) in one pass when there is a
   * selector (LineSelector.scanQuietBytes): NOT_PRINTABLE, or the bits LITERAL_FOUND and PARSER_LITERAL.
   */
  private scanQuiet(bytes: Buffer, start: number, end: number, tabs: boolean): number {
    if (this.selector !== null) return this.selector.scanQuietBytes(bytes, start, end, tabs);
    const scan = this.scan(bytes, start, end, tabs);
    if (scan === NOT_PRINTABLE) return scan;
    return this.quiet!.testBytes(bytes, start, end) ? scan | PARSER_LITERAL : scan;
  }

  /**
   * For ASCII text in `bytes[start, end)` that holds a literal of some signature (scan() said so):
   * whether the catalog selects it as the parser would test it (LineSelector.select on the text
   * without blanks at either end). Most lines hold no literal and are answered from their bytes; a
   * line that holds one (`time`, `unicode` in a compiler's output) is decoded and asked, so that
   * only a line a signature confirms (or a team signature's literal alone selects) goes the whole way.
   */
  private selects(bytes: Buffer, start: number, end: number): boolean {
    const text = bytes.toString('latin1', start, end);
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    return this.selector!.select(first === SPACE || first === TAB || last === SPACE || last === TAB ? text.trim() : text);
  }

  /** A line as bytes (`bytes[start, end)`, without its LF): whether it was taken. */
  take(bytes: Buffer, start: number, end: number, no: number): boolean {
    const decoder = this.decoder;
    const format = decoder.lastFormat;
    let at = start;
    if (format === 'gh-run-view') {
      const prefix = decoder.prefixBytes();
      if (prefix === null || end - start <= prefix.length) return false;
      for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
      at += prefix.length;
    } else if (format !== 'actions') {
      return false;
    }
    // Read whole, shape and value, before anything else: a line whose timestamp is not a time
    // (hour 24) is never taken, whatever follows.
    const timestamp = this.timestamps.read(bytes, at);
    if (timestamp === null) return false;
    at = this.timestamps.end;
    if (bytes[at] !== SPACE) return false;
    if (bytes[at + 1] !== HASH) return this.takeQuiet(bytes, timestamp, at + 1, end, no, format);
    if (isEndGroup(bytes, at + 1, end)) return this.takeEndGroup(timestamp, no, format);
    const textStart = at + 1;
    // `#N `: the step's number.
    at += 2;
    let id = 0;
    const idStart = at;
    while (isDigit(bytes[at])) id = id * 10 + bytes[at++]! - 0x30;
    if (at === idStart || at - idStart > MAX_ID_DIGITS || bytes[at] !== SPACE) return false;
    const restStart = at + 1;
    const scan = this.scan(bytes, restStart, end, format === 'gh-run-view');
    if (scan === NOT_PRINTABLE) return false;
    const last = bytes[end - 1];
    if (restStart === end || last === SPACE || last === TAB) return false;
    const output = isOutput(bytes, restStart);
    const ellipsis = !output && isEllipsis(bytes, restStart, end);
    const done = output || ellipsis ? undefined : doneSeconds(bytes, restStart, end);
    // `#0 building with ...` opens a build; only output is taken for step 0.
    if (!output && (id === 0 || (!ellipsis && done === undefined && isStatusOrImage(bytes, restStart, end)))) return false;
    if (scan === LITERAL_FOUND && this.selects(bytes, restStart, end)) return false;
    const parser = this.parser();
    if (parser === null) return false;
    const vertex = parser.openStepFor(format, decoder.lastJob, id);
    if (vertex === null) return false;
    // A line that repeats the step's name is its header: nothing but the build's last line moves
    // (as for `...`, which says nothing of the step).
    const header = this.isName(vertex, bytes, restStart, end);
    if (done !== undefined && !header) parser.takeStepDone(vertex, no, timestamp, bytes.toString('latin1', textStart, end), done);
    else parser.takeStepLine(vertex, no, timestamp, new LineBytes(no, bytes, textStart, end), !header && !ellipsis);
    decoder.tookLine(timestamp);
    this.taken++;
    return true;
  }

  /** A `##[endgroup]` line: the parser ends the group (BuildLogParser.takeEndGroup). */
  private takeEndGroup(timestamp: number, no: number, format: LineFormat): boolean {
    const parser = this.parser();
    if (parser === null || !parser.takeEndGroup(format, this.decoder.lastJob, no, timestamp)) return false;
    this.decoder.tookLine(timestamp);
    this.takenEndGroups++;
    return true;
  }

  /**
   * A line whose text (`bytes[textStart, end)`, after the prefix and the timestamp's blank) is not a
   * step's: taken when it is quiet (quiet-line.ts) and the parser's state lets it pass.
   * - ASCII without control characters (nothing the decoder strips, no runner command: those start
   *   with `#`, as a step's line does, and go the whole way: so does any line whose first byte but
   *   blanks is `#`, as the parser trims them), no tab in a job log (it could make it a gh run view
   *   line). Blanks at either end are fine: every test of the parser but the
   *   vertex line's looks for a literal (or is done in a state the parser checks), and a literal
   *   is in the trimmed text only if it is in the whole one;
   * - in a job log, not GitLab's stream marker (`00O `), which the decoder removes;
   * - none of the parser's literals (quiet-line.ts), not a command line that runs `docker`
   *   (quiet-line.ts), and the catalog does not select it (scan() and selects()).
   */
  private takeQuiet(bytes: Buffer, timestamp: number, textStart: number, end: number, no: number, format: LineFormat): boolean {
    if (this.quiet === null) return false;
    const parser = this.parser();
    if (parser === null || !parser.passesQuietLine(format, this.decoder.lastJob)) return false;
    const tabs = format === 'gh-run-view';
    if (!tabs && textStart + 2 < end && (bytes[textStart + 2] === LETTER_O || bytes[textStart + 2] === LETTER_E)) return false;
    const scan = this.scanQuiet(bytes, textStart, end, tabs);
    if (scan === NOT_PRINTABLE || (scan & PARSER_LITERAL) !== 0) return false;
    // The first byte that is not a blank: the parser tests the line without them for `#N`.
    let first = textStart;
    while (first < end && (bytes[first] === SPACE || bytes[first] === TAB)) first++;
    if (first < end && bytes[first] === HASH) return false;
    if (startsWithParserPrefix(bytes, textStart, end) || startsWithDockerWord(bytes, textStart, end)) return false;
    if ((scan & LITERAL_FOUND) !== 0 && this.selects(bytes, textStart, end)) return false;
    parser.takeQuietLine(no, timestamp, new LineBytes(no, bytes, textStart, end));
    this.decoder.tookLine(timestamp);
    this.takenQuiet++;
    return true;
  }
}
