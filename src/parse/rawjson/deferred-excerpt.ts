import { EXCERPT_RING_LINES, ExcerptCollector } from '../excerpt.js';
import type { EvidenceLine } from '../../model.js';
import { OutputLineRing, renderOutput, type OutputBatch } from './output-lines.js';

/**
 * The parser's ExcerptCollector, fed output lines as bytes. The collector only ever keeps the last
 * lines before a failure, so output lines wait here undecoded (at most as many as its ring holds)
 * and are handed over, rendered, only when something else reaches the collector: a failure, a
 * line of text, the excerpt being asked for. Then the collector holds what it would have held had
 * every line been pushed as text; lines pushed out of both rings meanwhile were never decoded.
 */
export class DeferredExcerpt {
  private readonly collector = new ExcerptCollector();
  private readonly waiting = new OutputLineRing(EXCERPT_RING_LINES);

  /**
   * The collector's budget is spent on failures' lines: a line the catalog selects changes nothing
   * now, so nothing needs selecting (a failure still does: lines are still pushed).
   */
  get full(): boolean {
    return this.collector.full;
  }

  /** An output line, kept as bytes while no failure wants the lines after it. */
  pushOutput(line: number, batch: OutputBatch, start: number, end: number): void {
    if (this.collector.keepsNext) {
      this.settle();
      this.collector.push(line, renderOutput(batch.prefix, batch.bytes, start, end));
    } else {
      this.waiting.push(line, batch, start, end);
    }
  }

  push(line: number, text: string): void {
    this.settle();
    this.collector.push(line, text);
  }

  /** See ExcerptCollector.mark: `failure` for a failure, else a line the catalog knows. */
  mark(failure = false): void {
    this.settle();
    this.collector.mark(failure);
  }

  between(first: number, last: number): EvidenceLine[] {
    this.settle();
    return this.collector.between(first, last);
  }

  private settle(): void {
    if (this.waiting.size > 0) this.waiting.drain((line, text) => this.collector.push(line, text));
  }
}
