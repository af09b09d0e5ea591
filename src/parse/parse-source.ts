import type { Build } from '../model.js';
import type { LogSource } from '../input/log-source.js';
import { readLines, type LineBytesTaker, type RawLine } from '../input/line-reader.js';
import { LineDecoder } from '../decode/line-decoder.js';
import { AutoDetectParser } from './rawjson/auto-parser.js';
import { describeError } from '../input/errors.js';
import { redactBuild } from './redact-build.js';
import { redact } from '../text/redact.js';
import type { LineSelector } from '../diagnose/line-selector.js';
import { StepOutputShortcut } from './step-output-shortcut.js';

/** A problem with an input as a whole: it could not be read, or held no build. */
export interface InputProblem {
  source: string;
  message: string;
}

export interface ParsedSource {
  source: string;
  /** The builds found, in input order; empty when they were handed to a sink instead. */
  builds: Build[];
  /** How many builds were found (handed to the sink or returned). */
  buildCount: number;
  problems: InputProblem[];
  lines: number;
  bytes: number;
  /** Lines taken as bytes, never decoded (0 without it): by the shortcut for a step's lines and quiet lines (StepOutputShortcut), or by the rawjson parser. */
  shortcutLines: number;
  /** Of those, the quiet lines outside a build's steps (quiet-line.ts) the shortcut took. */
  quietLines: number;
  /** Of those, the runner's `##[endgroup]` lines. */
  endGroupLines: number;
}

export interface ParseOptions {
  /**
   * Take a step's output, progress and header lines as bytes (StepOutputShortcut), and rawjson's canonical log lines
   * (its parser, which then also keeps output as bytes). On by default; the same builds either way: off is the
   * reference both are tested against.
   */
  shortcut?: boolean;
  /**
   * Receives each build (enriched and redacted) as soon as the parser closes it, instead of all of
   * them at the end: the analysis' budget keeps memory bounded that way.
   */
  sink?: (build: Build) => void;
}

const FIRST_LINE_QUOTE = 120;

/** Reads one source through the pipeline: bytes -> lines -> decoded lines -> builds. */
/**
 * `selector` is the catalog's say in what is kept for the diagnosis (diagnose/line-selector.ts);
 * without one, only lines that state a failure in general words are.
 */
export async function parseSource(source: LogSource, selector: LineSelector | null = null, options: ParseOptions = {}): Promise<ParsedSource> {
  const decoder = new LineDecoder();
  const sink = options.sink ?? null;
  const returned: Build[] = [];
  let buildCount = 0;
  const deliver = (build: Build): void => {
    buildCount++;
    source.enrich?.([build]);
    redactBuild(build);
    if (sink) sink(build);
    else returned.push(build);
  };
  const parser = new AutoDetectParser(source.label, source.name, selector, options.shortcut !== false, deliver);
  const shortcut = options.shortcut === false ? null : new StepOutputShortcut(decoder, () => parser.plain, selector);
  let cutLines = 0;
  /** rawjson lines its parser read from their bytes (counted with the shortcut's). */
  let rawjsonTaken = 0;
  let firstText: string | null = null;
  let counts = { lines: 0, bytes: 0 };
  const problems: InputProblem[] = [];
  try {
    const chunks = await source.open();
    const take = (raw: RawLine) => {
      const line = decoder.decode(raw);
      if (firstText === null && line.text.trim() !== '') firstText = line.text.trim();
      parser.push(line);
    };
    // Before the first line with text is seen, every line goes the whole way (it decides the format).
    // A rawjson input's canonical `logs` lines are read from their bytes by its parser, while the
    // decoder reads unprefixed lines (where such a line decodes to itself, and changes nothing here).
    const takeRawJson = (bytes: Buffer, start: number, end: number, no: number): boolean => {
      if (decoder.lastFormat !== 'plain' || !parser.pushBytes(bytes, start, end, no)) return false;
      rawjsonTaken++;
      return true;
    };
    const takeBytes: LineBytesTaker | null =
      shortcut && ((bytes, start, end, no) => firstText !== null && (shortcut.take(bytes, start, end, no) || takeRawJson(bytes, start, end, no)));
    counts = await readLines(
      chunks,
      (raw) => {
        if (raw.cutBytes > 0) cutLines++;
        // Terminal output pasted into a file redraws with a lone `\r`: each part is a line of its own
        // (with the same line number, which is where it is in the file).
        if (raw.text.includes('\r')) {
          for (const part of raw.text.split('\r')) if (part !== '') take({ ...raw, text: part });
        } else {
          take(raw);
        }
      },
      undefined,
      takeBytes,
      // A file is read into one buffer, filled again for each chunk: what the parser holds as bytes
      // (the excerpt ring, the open build's last line and step tail) is decoded before that.
      source.reusesChunks ? () => parser.plain?.settleBytes() : null,
    );
  } catch (error) {
    const message = describeError(error);
    problems.push({ source: source.label, message: message.startsWith(source.label) ? message : `${source.label}: ${message}` });
  }
  for (const build of parser.end()) deliver(build);
  if (problems.length === 0) {
    if (counts.bytes === 0 || firstText === null) {
      problems.push({ source: source.label, message: `${source.label}: the log is empty` });
    } else if (buildCount === 0) {
      problems.push({ source: source.label, message: noBuildMessage(source.label, firstText) });
      for (const note of parser.notes) problems.push({ source: source.label, message: `${source.label}: ${note}` });
    }
  }
  if (cutLines > 0) {
    problems.push({ source: source.label, message: `${source.label}: ${cutLines} line(s) longer than 64 KiB were cut` });
  }
  return {
    source: source.label,
    builds: returned,
    buildCount,
    problems: problems.map((p) => ({ ...p, message: redact(p.message) })),
    ...counts,
    shortcutLines: (shortcut?.taken ?? 0) + (shortcut?.takenQuiet ?? 0) + (shortcut?.takenEndGroups ?? 0) + rawjsonTaken,
    quietLines: shortcut?.takenQuiet ?? 0,
    endGroupLines: shortcut?.takenEndGroups ?? 0,
  };
}

function noBuildMessage(label: string, firstText: string): string {
  const quote = firstText.length > FIRST_LINE_QUOTE ? `${firstText.slice(0, FIRST_LINE_QUOTE)}…` : firstText;
  if (/still in progress|not (yet )?(be )?available/i.test(firstText)) {
    return `${label}: the run was still in progress when this log was saved, so it holds no build output ("${quote}"); fetch the log again once the run has finished`;
  }
  return `${label}: no Docker build output found (first line: "${quote}")`;
}
