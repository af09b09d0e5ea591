import type { DecodedLine } from '../../decode/decoded-line.js';
import type { BuildState, VertexState } from '../build-state.js';
import { applyVertexLine, applyVertexOutput } from '../vertex-line.js';
import type { BuildSink, Dialect } from './dialect.js';

// The legacy builder (DOCKER_BUILDKIT=0, Docker before 23, docker-compose v1):
//   Sending build context to Docker daemon  2.048kB
//   Step 3/14 : RUN make            (`Step 3 : RUN make` before Docker 1.13)
//    ---> Using cache | ---> Running in 1a2b3c4d5e6f | ---> 1a2b3c4d5e6f
//   The command '/bin/sh -c make' returned a non-zero code: 2
//   Successfully built 1a2b3c4d5e6f / Successfully tagged app:latest
const CONTEXT = /^Sending build context to Docker daemon\b/;
const STEP = /^Step (\d+)(?:\/(\d+))? : ([A-Za-z]+)\b ?(.*)$/s;
const ARROW = /^---> (.*)$/;
const IMAGE_ID = /^[0-9a-f]{12}$/;
// How a step fails: the RUN command's status, or the daemon refusing the instruction; docker-compose
// v1 gives the daemon's refusal after the service's name (`ERROR: Service 'web' failed to build: lstat
// docs: no such file or directory`), which is the running step's failure too.
const STEP_FAILED =
  /^(?:The command .* returned a non-zero code: \d+|(?:COPY|ADD) failed: |failed to (?:copy|export|process|register) |unable to (?:find|prepare) |Error response from daemon: |\w+ requires (?:at least|exactly) |(?:ERROR: )?Service '[^']+' failed to build\b)/s;
const SUCCESS = /^Successfully (built|tagged) (\S+)/;

/** Reads the legacy builder's output into steps: one step per `Step N/M :` line. */
export class LegacyBuilderDialect implements Dialect {
  private build: BuildState | null = null;
  private step: VertexState | null = null;
  private lastNumber = -1;

  accept(bare: string, line: DecodedLine, sink: BuildSink): boolean {
    if (bare.charCodeAt(0) === 0x53 /* S */ && CONTEXT.test(bare)) {
      this.open(sink, line, true);
      return true;
    }
    const step = bare.startsWith('Step ') ? STEP.exec(bare) : null;
    if (step) return this.startStep(step, line, sink);
    if (this.build === null || this.build !== sink.current()) return false;
    const build = this.build;
    const arrow = bare.startsWith('--->') ? ARROW.exec(bare) : null;
    if (arrow) {
      build.touch(line.no, line.timestamp, line.text);
      const what = arrow[1]!.trim();
      if (!this.step) return true;
      if (what === 'Using cache') applyVertexLine(build, this.step.id, 'CACHED', line);
      else if (IMAGE_ID.test(what) && this.step.status === 'running') applyVertexLine(build, this.step.id, 'DONE', line);
      return true;
    }
    const success = bare.startsWith('Successfully ') ? SUCCESS.exec(bare) : null;
    if (success) {
      build.touch(line.no, line.timestamp, line.text);
      if (this.step?.status === 'running') applyVertexLine(build, this.step.id, 'DONE', line);
      if (success[1] === 'tagged') build.addImage(success[2]!, null, false);
      build.complete();
      return true;
    }
    if (this.step && this.step.status === 'running' && STEP_FAILED.test(bare)) {
      build.touch(line.no, line.timestamp, line.text);
      applyVertexLine(build, this.step.id, `ERROR: ${bare}`, line);
      return true;
    }
    // Output of the running step (a RUN command's own lines).
    if (this.step && this.step.status === 'running' && !bare.startsWith('Removing intermediate container')) {
      applyVertexOutput(build, this.step, line);
      build.touch(line.no, line.timestamp, line.text);
      // Not consumed: the parser still sees it (final errors, failure lines).
      return false;
    }
    return false;
  }

  ignoresStepOutput(current: BuildState | null): boolean {
    // `#N ...` is neither a `Step` nor `Sending build context` line; other lines it reads only for its own open build.
    return this.build === null || this.build !== current;
  }

  private open(sink: BuildSink, line: DecodedLine, fresh: boolean): BuildState {
    const build = sink.buildFor('legacy', line, fresh);
    if (build !== this.build) {
      this.build = build;
      this.step = null;
      this.lastNumber = -1;
    }
    build.touch(line.no, line.timestamp, line.text);
    return build;
  }

  private startStep(step: RegExpExecArray, line: DecodedLine, sink: BuildSink): boolean {
    const [, index, total, instruction, args] = step;
    const number = Number(index);
    // Numbering that starts again opens the next build (docker-compose v1 builds services in turn).
    const fresh = this.build === null || this.build !== sink.current() || number <= this.lastNumber;
    const build = this.open(sink, line, fresh);
    this.lastNumber = number;
    if (this.step?.status === 'running') applyVertexLine(build, this.step.id, 'DONE', line);
    this.step = build.vertex(number, `[${index}/${total ?? '?'}] ${instruction!.toUpperCase()} ${args}`.trimEnd(), line.no);
    return true;
  }
}
