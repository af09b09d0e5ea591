import type { Build } from '../../model.js';
import type { DecodedLine } from '../../decode/decoded-line.js';
import { BuildLogParser } from '../build-log-parser.js';
import { looksLikeRawJson } from './detect.js';
import { RawJsonParser } from './rawjson-parser.js';
import type { LineSelector } from '../../diagnose/line-selector.js';

/** Blank lines held at most before the first line with text decides the format. */
const MAX_HELD = 1000;

/**
 * A parser with BuildLogParser's shape that picks the format from the first line with text: rawjson
 * progress goes to RawJsonParser, anything else to BuildLogParser. Nothing is read twice: blank lines
 * before that line are held (a few) and handed over once the format is known.
 */
export class AutoDetectParser {
  private parser: BuildLogParser | RawJsonParser | null = null;
  private held: DecodedLine[] = [];

  constructor(
    private readonly source: string,
    /** What to call builds of an input without job names (BuildLogParser's and RawJsonParser's `name`). */
    private readonly name: string | null = null,
    /** Which lines the signatures will want (the catalog decides what is kept for the diagnosis). */
    private readonly selector: LineSelector | null = null,
    /** rawjson step output kept as bytes until quoted; false renders every line (the reference it is tested against). */
    private readonly outputAsBytes = true,
    /** Where the plain parser hands each build as its job ends (BuildLogParser's `emit`); rawjson builds come from end(). */
    private readonly emit: ((build: Build) => void) | null = null,
  ) {}

  /** The format chosen, once a line with text was seen. */
  get format(): 'rawjson' | 'plain' | null {
    if (this.parser === null) return null;
    return this.parser instanceof RawJsonParser ? 'rawjson' : 'plain';
  }

  /** Input problems a rawjson input had when it held no build (in the builds' notes otherwise). */
  get notes(): string[] {
    return this.parser instanceof RawJsonParser ? this.parser.notes : [];
  }

  /** The plain parser, once the input is known to be a plain log (the line reader's shortcut talks to it). */
  get plain(): BuildLogParser | null {
    return this.parser instanceof BuildLogParser ? this.parser : null;
  }

  push(line: DecodedLine): void {
    if (this.parser === null) {
      if (line.text.trim() === '') {
        if (this.held.length < MAX_HELD) this.held.push(line);
        return;
      }
      this.parser = looksLikeRawJson(line.text)
        ? new RawJsonParser(this.source, this.name, this.selector, this.outputAsBytes)
        : new BuildLogParser(this.source, this.name, this.selector, this.emit);
      for (const held of this.held) this.parser.push(held);
      this.held = [];
    }
    this.parser.push(line);
  }

  /**
   * A whole line as bytes (see readLines' LineBytesConsumer): taken only by the rawjson parser, and
   * only when it can read the line without its text; otherwise the caller pushes it as a line.
   */
  pushBytes(data: Buffer, start: number, end: number, no: number): boolean {
    return this.parser instanceof RawJsonParser && this.parser.pushBytes(data, start, end, no);
  }

  end(): Build[] {
    // Nothing but blank lines: the plain parser says what it says about an empty log.
    const parser = this.parser ?? new BuildLogParser(this.source, this.name, this.selector, this.emit);
    for (const held of this.held) parser.push(held);
    this.held = [];
    return parser.end();
  }
}
