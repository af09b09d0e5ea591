import type { DecodedLine } from '../../decode/decoded-line.js';
import type { BuildState, VertexState } from '../build-state.js';
import { applyVertexLine, applyVertexOutput } from '../vertex-line.js';
import type { BuildSink, Dialect } from './dialect.js';

// The interactive (tty) printer of buildx and docker compose, as people copy it from a terminal:
//   [+] Building 12.3s (8/10) FINISHED                       docker:default
//    => CACHED [stage 2/5] WORKDIR /app                      0.0s
//    => ERROR [stage 3/5] RUN npm ci                         12.3s
//    => => transferring context: 2B                           0.0s
//    => => # npm ERR! code ERESOLVE                           (a running step's last output lines)
// The error block after it (`------`, ` > [stage 3/5] RUN npm ci:`) is read by ErrorBlockDialect.
const HEADER = /^\[\+\] Building (\d+(?:\.\d+)?)s \((\d+)\/(\d+)\)( FINISHED)?/;
const STEP = /^=> (?:(CACHED|ERROR|CANCELED|DONE) )?(.+?)(?:\s+(\d+(?:\.\d+)?)s)?$/;
const SUB_STEP = /^=> => (# )?(.*)$/;
const ARROWLESS_ERROR = /^ERROR \[[^\]]*\b\d+\/\d+\] (?:RUN|COPY|ADD|FROM|WORKDIR)\b/;

/**
 * Reads the tty form into steps. It has no vertex numbers: a step is known by its name, and a
 * redrawn screen (the whole tty output pasted, one frame after another) updates the same steps.
 */
export class TtyProgressDialect implements Dialect {
  private build: BuildState | null = null;
  private lastStep: VertexState | null = null;
  private lastSeconds = 0;
  private finished = false;

  accept(bare: string, line: DecodedLine, sink: BuildSink): boolean {
    if (bare.startsWith('[+] Building')) {
      const header = HEADER.exec(bare);
      if (!header) return false;
      const seconds = Number(header[1]);
      // A new screen of the same build redraws from the top; a later build starts again near 0 s.
      const fresh = this.build === null || this.build !== sink.current() || (this.finished && seconds < this.lastSeconds);
      this.open(sink, line, fresh);
      this.lastSeconds = seconds;
      this.finished = header[4] !== undefined;
      this.build!.touch(line.no, line.timestamp, line.text);
      // FINISHED also heads the last screen of a failed build: it says the build ended, not how.
      if (this.finished) this.build!.complete();
      return true;
    }
    if (bare.startsWith('=> ')) return this.step(bare, line, sink);
    // A paste that starts right after the arrow (`ERROR [2/5] RUN apk add ...`): the failed step's
    // line all the same, when it names a numbered step and its instruction. Only where no other
    // form's build is open: after a plain build the line is that build's failure retold, and a new
    // tty build would split the build in two and repeat its finding.
    if (bare.startsWith('ERROR [') && ARROWLESS_ERROR.test(bare)) {
      const current = sink.current();
      if (current !== null && current !== this.build) return false;
      return this.step(`=> ${bare}`, line, sink);
    }
    return false;
  }

  ignoresStepOutput(): boolean {
    // Its lines start with `[+] Building` or `=> `, never with `#`.
    return true;
  }

  private open(sink: BuildSink, line: DecodedLine, fresh: boolean): void {
    const build = sink.buildFor('tty', line, fresh);
    if (build !== this.build) {
      this.build = build;
      this.lastStep = null;
      this.lastSeconds = 0;
      this.finished = false;
    }
  }

  private step(bare: string, line: DecodedLine, sink: BuildSink): boolean {
    if (this.build === null || this.build !== sink.current()) this.open(sink, line, false);
    const build = this.build!;
    build.touch(line.no, line.timestamp, line.text);
    const sub = SUB_STEP.exec(bare);
    if (sub) {
      // `=> => # output` is what a running step printed last; `=> => transferring ...` is progress.
      if (sub[1]) {
        if (this.lastStep) applyVertexOutput(build, this.lastStep, line);
      } else {
        // `=> => transferring context: 10.79MB  109.2s` times the context (a paste may hold only these lines).
        build.readContextTransfer(sub[2]!, { line: line.no, text: line.text });
      }
      return true;
    }
    const match = STEP.exec(bare);
    if (!match) return false;
    const [, status, name, seconds] = match;
    const vertex = build.vertexNamed(name!.trim(), line.no);
    this.lastStep = vertex;
    if (status === 'CACHED') applyVertexLine(build, vertex.id, 'CACHED', line);
    else if (status === 'ERROR') applyVertexLine(build, vertex.id, seconds ? `ERROR ${seconds}s` : 'ERROR', line);
    else if (status === 'CANCELED') applyVertexLine(build, vertex.id, seconds ? `CANCELED ${seconds}s` : 'CANCELED', line);
    // A step with its time and no status word is done, or still running in an unfinished screen:
    // a later frame (or the error) says which.
    else if (seconds !== undefined && vertex.status !== 'error') applyVertexLine(build, vertex.id, `DONE ${seconds}s`, line);
    return true;
  }
}
