/**
 * A line's text kept as the bytes it was read from, decoded only when something reads it. Most
 * lines of a log are a step's own output: the parser keeps the last few for excerpts and evidence
 * and almost never quotes them, so decoding each one was wasted work.
 *
 * Only ASCII bytes are ever wrapped (the caller checks): then Latin-1 decoding, the cheapest, gives
 * exactly the string UTF-8 decoding would. It has the shape of an evidence line (`line`, `text`), so
 * it can stand in one wherever only those two are read.
 */
export class LineBytes {
  private decoded: string | null = null;

  constructor(
    /** 1-based line number in the input. */
    readonly line: number,
    /**
     * The chunk the line was read from; let go once decoded. A file's chunk is a buffer filled again
     * for the next one: the parser decodes what it holds before that (BuildLogParser.settleBytes).
     */
    private bytes: Buffer | null,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get text(): string {
    if (this.decoded === null) {
      this.decoded = this.bytes!.toString('latin1', this.start, this.end);
      this.bytes = null;
    }
    return this.decoded;
  }
}

/** A text that may still be bytes: its string. */
export function textOf(text: string | LineBytes): string {
  return typeof text === 'string' ? text : text.text;
}
