import type { DecodedLine } from '../../decode/decoded-line.js';
import type { BuildState, VertexState } from '../build-state.js';
import { applyVertexOutput } from '../vertex-line.js';
import type { BuildSink, Dialect } from './dialect.js';

// After a failed step, buildx prints the step's last output in a block, in plain and tty output
// alike (and people often paste only this block):
//   ------
//    > [builder 3/5] RUN npm ci:
//   #8 0.712 npm ERR! code ERESOLVE        (`0.712 npm ERR! ...` in newer buildx)
//   ------
const RULE = /^-{6}$/;
// ` > [builder 3/5] RUN npm ci:`; a terminal may cut a long one before its colon.
const HEADER = /^> (\[[^\]]*\] .+?):?$|^> (.+):$/;
// A paste that starts at the header, its `------` left out: only a numbered step's header with its
// colon is taken then (BuildKit prints it only for a step that failed).
const PASTED_HEADER = /^> (\[[^\]]*\d+\/\d+\] .+):$/;

/**
 * Reads that block into the failing step: its name from the header, its output from the lines
 * inside. A `------` not followed by a header is not a block and is left alone.
 */
export class ErrorBlockDialect implements Dialect {
  /** `rule`: a `------` was seen, a header may follow; `inside`: lines belong to the step. */
  private state: 'none' | 'rule' | 'inside' = 'none';
  private build: BuildState | null = null;
  private step: VertexState | null = null;
  /**
   * Whether the block's lines are the step's output. In plain progress the step printed them
   * already as it ran (`#8 0.712 ...`) and the block repeats them: they are not added twice.
   */
  private feedTail = false;

  accept(bare: string, line: DecodedLine, sink: BuildSink): boolean {
    if (this.state === 'inside') {
      if (RULE.test(bare)) {
        this.state = 'none';
        this.build?.addErrorDetail({ line: line.no, text: line.text });
        return true;
      }
      // A new block's header right after the last one (several steps failed).
      const header = HEADER.exec(bare);
      if (header && this.build && !bare.includes(' > ')) return this.open(header[1] ?? header[2]!, line, sink);
      this.build?.addErrorDetail({ line: line.no, text: line.text });
      if (this.step && this.build && this.feedTail) {
        applyVertexOutput(this.build, this.step, line);
        this.build.touch(line.no, line.timestamp, line.text);
      }
      return true;
    }
    if (RULE.test(bare)) {
      this.state = 'rule';
      return false;
    }
    if (this.state === 'rule') {
      this.state = 'none';
      const header = HEADER.exec(bare);
      if (header) return this.open(header[1] ?? header[2]!, line, sink);
    }
    if (sink.current() === null && bare.startsWith('> [')) {
      const header = PASTED_HEADER.exec(bare);
      if (header) return this.open(header[1]!, line, sink);
    }
    return false;
  }

  ignoresStepOutput(): boolean {
    // Inside a block every line is the block's; after a `------` the next line is tested as a header.
    return this.state === 'none';
  }

  private open(name: string, line: DecodedLine, sink: BuildSink): boolean {
    const build = sink.current() ?? sink.buildFor('plain', line);
    this.build = build;
    this.step = build.vertexNamed(name, line.no);
    this.feedTail = this.step.tail.length === 0;
    build.failStep(this.step, line);
    build.addErrorDetail({ line: line.no, text: line.text });
    build.touch(line.no, line.timestamp, line.text);
    this.state = 'inside';
    return true;
  }
}
