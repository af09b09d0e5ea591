import type { DecodedLine } from '../decode/decoded-line.js';
import type { BuildState, VertexState } from './build-state.js';

// The status words BuildKit's plain printer puts after `#N `.
const DONE = /^DONE(?: (\d+(?:\.\d+)?)s)?$/;
// Plain progress prints `CANCELED` alone; the tty view's line gives the time the step ran (`=> CANCELED [3/7] RUN ... 7411.1s`).
const CANCELED = /^CANCELED(?: (\d+(?:\.\d+)?)s)?$/;
const ERROR = /^ERROR(?: (\d+(?:\.\d+)?)s)?(?::\s?(.*))?$/s;
// `#N 12.34 text`: output of a running step, with seconds since it started.
const OUTPUT = /^\d+\.\d+ (.*)$/s;
const PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const NAMED = /^naming to (\S+)(?: done)?/;
const VERTEX_DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Applies one `#N ...` line to the build. The plain printer writes a header (`#N NAME`) the first
 * time a step shows up and again whenever the output switches back to it, so a line that repeats
 * the step's name is a header and everything else is status or output of that step.
 */
export function applyVertexLine(build: BuildState, id: number, rest: string, line: DecodedLine): void {
  const known = build.vertices.get(id);
  if (!known) {
    // A step counted and dropped past the listing limit stays dropped, unless it now fails.
    if (build.wasOmitted(id) && !rest.startsWith('ERROR')) return;
    if (isStatus(rest) || OUTPUT.test(rest)) {
      // A status or output of a step whose header we never saw (the log was cut at its start).
      applyStatus(build, build.vertex(id, `#${id}`, line.no), rest, line);
    } else {
      build.vertex(id, rest, line.no);
    }
    return;
  }
  if (rest === known.name) return;
  applyStatus(build, known, rest, line);
}

function isStatus(rest: string): boolean {
  return rest === 'CACHED' || rest === '...' || (rest.startsWith('CANCELED') && CANCELED.test(rest)) || DONE.test(rest) || rest.startsWith('ERROR');
}

function applyStatus(build: BuildState, vertex: VertexState, rest: string, line: DecodedLine): void {
  if (rest === '...') return;
  const end = { line: line.no, text: line.text };
  if (rest === 'CACHED') {
    build.stepCached(vertex, end, null);
    return;
  }
  // Every output line of a step comes here: a prefix test first, as for ERROR below.
  const canceled = rest.startsWith('CANCELED') ? CANCELED.exec(rest) : null;
  if (canceled) {
    build.stepCanceled(vertex, end, canceled[1] !== undefined ? Number(canceled[1]) : null);
    return;
  }
  const done = DONE.exec(rest);
  if (done) {
    // A step can be reported DONE more than once (the build context is); the last one counts.
    build.stepDone(vertex, end, done[1] !== undefined ? Number(done[1]) : null);
    return;
  }
  const error = rest.startsWith('ERROR') ? ERROR.exec(rest) : null;
  if (error) {
    build.stepFailed(vertex, end, error[1] !== undefined ? Number(error[1]) : null, error[2] ?? null);
    return;
  }
  // `ERROR` followed by something that is not its status form: quoted as the step's end, read as output.
  if (rest.startsWith('ERROR')) build.markStepEnd(vertex, end);
  // BuildKit before v0.9 prints each step's digest as its first status line: not output.
  if (VERTEX_DIGEST.test(rest)) return;
  const output = OUTPUT.exec(rest);
  applyVertexOutput(build, vertex, line);
  if (!output) applyProgress(build, rest, line);
}

/** A line the step printed. Evidence quotes it as printed (with its `#N 1.234` prefix, if any). */
export function applyVertexOutput(build: BuildState, vertex: VertexState, line: DecodedLine): void {
  build.stepOutput(vertex, { line: line.no, text: line.text });
}

/** Progress lines of exporter steps name the images that were written or pushed; the context's says how long it took. */
function applyProgress(build: BuildState, rest: string, line: DecodedLine): void {
  if (build.readContextTransfer(rest, { line: line.no, text: line.text })) return;
  const pushed = PUSHED_MANIFEST.exec(rest);
  if (pushed) {
    build.addImage(pushed[1]!, pushed[2]!, true);
    return;
  }
  const named = NAMED.exec(rest);
  if (named) build.addImage(named[1]!, null, false);
}
