import type { JsonObjectChunk } from './json-splitter.js';

// Go's encoder writes a SolveStatus's arrays in order (vertexes, statuses, logs, warnings) and each
// entry's keys in struct order, one key a line when pretty-printed. So the k-th `"digest":` line is
// the k-th vertex (only vertices have that key), the k-th `"vertex":` line the k-th status (statuses
// come before logs and warnings, which also have one), the k-th `"data":` line the k-th log (warnings,
// whose source info also has `data`, come last).
const KEY_LINE = /^\s*"(digest|error|completed|vertex|data)":/;

/** Which input line holds each entry of an object, so that evidence points at the right line. */
export class EntryLines {
  private readonly digest: number[] = [];
  private readonly error: number[] = [];
  private readonly completed: number[] = [];
  private readonly vertexKey: number[] = [];
  private readonly data: number[] = [];
  private readonly first: number;
  private readonly multiLine: boolean;

  constructor(chunk: JsonObjectChunk) {
    this.first = chunk.firstLine;
    this.multiLine = chunk.lines !== null && chunk.lines.length > 1;
    if (!this.multiLine) return;
    chunk.lines!.forEach((text, i) => {
      const match = KEY_LINE.exec(text);
      if (!match) return;
      const no = chunk.firstLine + i;
      switch (match[1]) {
        case 'digest':
          this.digest.push(no);
          break;
        case 'error':
          this.error.push(no);
          break;
        case 'completed':
          this.completed.push(no);
          break;
        case 'vertex':
          this.vertexKey.push(no);
          break;
        default:
          this.data.push(no);
      }
    });
  }

  /** The line where vertex entry k begins. */
  vertex(k: number): number {
    return this.digest[k] ?? this.first;
  }

  /** The line of vertex entry k's `error` (or else `completed`) field. */
  vertexEnd(k: number, hasError: boolean): number {
    if (!this.multiLine) return this.first;
    const start = this.digest[k];
    if (start === undefined) return this.first;
    const end = this.digest[k + 1] ?? this.vertexKey[0] ?? Number.POSITIVE_INFINITY;
    const inEntry = (l: number): boolean => l > start && l < end;
    return (hasError ? this.error.find(inEntry) : undefined) ?? this.completed.find(inEntry) ?? start;
  }

  status(k: number): number {
    return this.vertexKey[k] ?? this.first;
  }

  log(k: number): number {
    return this.data[k] ?? this.first;
  }
}
