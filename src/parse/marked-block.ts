import type { MarkedNonInstruction } from '../model.js';
import { detach } from '../text/detach.js';
import { MAX_EXCERPT_LINE } from './excerpt.js';
import { normalizeForMatching } from '../diagnose/normalize.js';

// A line of BuildKit's Dockerfile excerpt that it marks (`  13 | >>> RUN make`), blanks around it aside.
const MARKED_LINE = /^\d+ \| >>> ?(.*)$/;
const INSTRUCTION = /^(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/i;
/** A build's error blocks quote its Dockerfile once or a few times: more are not more evidence. */
const MAX_KEPT = 5;

/**
 * Reads the lines of a build's error block, in the order they were printed, for BuildKit's
 * Dockerfile excerpt. BuildKit marks with `>>>` the lines of the instruction an error is about,
 * starting at its keyword: a marked block whose first line is no instruction (`  69 | >>> {`, the
 * body of a heredoc an old frontend did not read as one) is a line the frontend took for an
 * instruction, so the Dockerfile did not parse, even when the error line that says `unknown
 * instruction` was not pasted.
 *
 * It sees every line of the block, not the few kept as evidence: a block's later lines (a heredoc's
 * body, marked too) are known to continue it even when the kept lines skip the ones before them.
 */
export class MarkedBlockReader {
  /** What was found: the line that starts such a block, and the word read as its instruction. */
  readonly nonInstructions: MarkedNonInstruction[] = [];
  /** The line number of the last line read when it was a marked one, else null. */
  private lastMarked: number | null = null;

  read(line: number, text: string): void {
    const kept = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
    const body = kept.includes('>>>') ? markedBody(kept) : null;
    // The same number too: one rawjson log object holds several printed lines.
    const continues = this.lastMarked !== null && line - this.lastMarked <= 1;
    this.lastMarked = body === null ? null : line;
    if (body === null || body === '' || continues || this.nonInstructions.length >= MAX_KEPT) return;
    if (INSTRUCTION.test(body) || body.startsWith('#')) return;
    this.nonInstructions.push({ line, text: detach(kept), word: detach(body.split(/\s/)[0]!) });
  }

  /** Takes what another reader found (the lines its job printed outside any build, among this build's). */
  adopt(found: readonly MarkedNonInstruction[]): void {
    for (const marked of found) if (this.nonInstructions.length < MAX_KEPT) this.nonInstructions.push(marked);
  }
}

/**
 * The text after a line's `>>>` mark (trimmed), or null for a line that is not a marked one. Read as
 * the signatures read lines: a paste quotes the excerpt (`> `, `│`) or keeps BuildKit's `#1 0.104 `.
 */
function markedBody(text: string): string | null {
  const match = MARKED_LINE.exec(normalizeForMatching(text));
  return match ? match[1]!.trim() : null;
}
