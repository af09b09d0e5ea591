import type { EvidenceLine } from '../../model.js';
import { BuildState, type VertexState } from '../build-state.js';
import { detach } from '../../text/detach.js';
import type { EntryLines } from './entry-lines.js';
import type { ProblemCounts } from './input-problems.js';
import { StepOutput, type OutputSink } from './step-output.js';
import { OutputLineRing, renderOutput, type OutputBatch } from './output-lines.js';
import { TAIL_LINES } from '../build-steps.js';
import type { RawLog, RawStatus, RawVertex, RawWarning } from './solve-status.js';

const PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const NAMED = /^naming to (\S+)(?: done)?/;
// BuildKit's printers show a vertex whose error ends so as CANCELED, not ERROR.
const CANCELED_ERROR = /context canceled$/;
/** Completed status lines remembered per running step (to print each once). */
const MAX_STATUS_IDS = 256;
const MAX_WARNINGS = 100;

/** A BuildKit warning (`WARN: ...`) of the build, as the rawjson stream carries it. */
export interface RawJsonWarning {
  line: number;
  /** The step it is about, or null (a warning about the Dockerfile as a whole). */
  stepId: number | null;
  level: number;
  text: string;
  detail: string[];
  url: string | null;
}

/** Where the lines the plain printer would have printed go (the parser's excerpt of the input). */
export interface PlainEcho {
  print(line: number, text: string): void;
  /**
   * The complete output lines on `batch.bytes[from, to)` (each ends with a newline), all at input line
   * `line`; each is also pushed to `tail`. Returns where the last of them starts.
   */
  printOutput(line: number, batch: OutputBatch, from: number, to: number, tail: OutputLineRing): number;
  /** A step failed: the lines around it are kept for the diagnosis. */
  failure(): void;
}

interface Member {
  start: number | null;
  end: number | null;
  cached: boolean;
  error: string | null;
  line: number;
  endLine: number;
}

/** What becomes one step: a vertex, or a progress group of vertices that BuildKit shows as one. */
interface Track {
  key: string;
  name: string;
  /** Latest update per vertex digest (one entry unless this is a progress group). */
  members: Map<string, Member>;
  step: VertexState | null;
  output: StepOutput;
  doneStatuses: Set<string> | null;
  /** Status and end time last applied, so a repeated update changes nothing. */
  endSignature: string | null;
}

/**
 * One build of a rawjson stream: merges vertex updates by digest (a progress group into one step),
 * numbers steps in order of first start as the plain printer does, and tells its BuildState what
 * happened. Evidence quotes what the plain printer would have printed (`#6 ERROR: ...`).
 */
export class RawBuild {
  readonly state: BuildState;
  readonly tracks = new Map<string, Track>();
  private readonly groups = new Map<string, Track>();
  /** Step id -> the vertex digest (or `progress-group:ID` for a group of vertices shown as one step). */
  readonly digests = new Map<number, string>();
  readonly warnings: RawJsonWarning[] = [];
  readonly problems: ProblemCounts = new Map();
  private nextId = 1;
  firstStart: number | null = null;
  lastEnd: number | null = null;
  /** Plain text came after the progress (the error trailer): new vertices after it are a new build. */
  trailer = false;
  /** The last thing the build printed, as the plain printer would have (its boundary's last line); see lastEvent. */
  private lastLine: number | null = null;
  private lastText: string | null = null;
  /** Or an output line not rendered yet. */
  private lastBatch: OutputBatch | null = null;
  private lastOutputStart = 0;
  private lastOutputEnd = 0;
  /**
   * Output lines of one step whose way to its tail (BuildState.stepOutput) is put off: only the last
   * few survive there, so they are rendered only when something else happens to the step, or to the
   * build (settleTail). The tail is read only when the build is made, so nothing sees the difference.
   */
  private tailStep: VertexState | null = null;
  private readonly tailLines = new OutputLineRing(TAIL_LINES);

  constructor(
    line: number,
    text: string,
    private readonly echo: PlainEcho,
    private readonly outputAsBytes = true,
  ) {
    this.state = new BuildState({ line, timestamp: null, step: null, text });
  }

  /** The last thing the build printed, as the plain printer would have: its boundary's last line. */
  get lastEvent(): EvidenceLine | null {
    if (this.lastLine === null) return null;
    if (this.lastBatch) {
      this.lastText = renderOutput(this.lastBatch.prefix, this.lastBatch.bytes, this.lastOutputStart, this.lastOutputEnd);
      this.lastBatch = null;
    }
    return { line: this.lastLine, text: this.lastText! };
  }

  set lastEvent(event: EvidenceLine) {
    this.lastLine = event.line;
    this.lastText = event.text;
    this.lastBatch = null;
  }

  applyVertex(vertex: RawVertex, lines: EntryLines): void {
    this.settleTail();
    let track = this.tracks.get(vertex.digest);
    if (!track) {
      if (vertex.group) {
        const key = `progress-group:${vertex.group.id}`;
        track = this.groups.get(key);
        if (!track) {
          track = newTrack(key, vertex.group.name || vertex.name);
          this.groups.set(key, track);
        }
      } else {
        track = newTrack(vertex.digest, vertex.name);
      }
      this.tracks.set(vertex.digest, track);
    }
    if (track.name === '' && vertex.name !== '') track.name = detach(vertex.name);
    const known = track.members.get(vertex.digest);
    // BuildKit announces vertices before they start, and may announce them again: such an update does
    // not undo a start (its own printer ignores it too).
    if (known && known.start !== null && vertex.started === null) return;
    track.members.set(vertex.digest, {
      start: vertex.started,
      end: vertex.completed,
      cached: vertex.cached,
      error: vertex.error === null ? null : detach(vertex.error),
      line: lines.vertex(vertex.index),
      endLine: lines.vertexEnd(vertex.index, vertex.error !== null),
    });
    this.refresh(track);
  }

  /** Applies the merged state of a track's vertices to its step. */
  private refresh(track: Track): void {
    let start: number | null = null;
    let latest: Member | null = null;
    let end: number | null = null;
    let allEnded = true;
    let allCached = true;
    let error: string | null = null;
    let line = Number.POSITIVE_INFINITY;
    let endLine = 0;
    for (const member of track.members.values()) {
      if (member.start === null) continue;
      if (start === null || member.start < start) start = member.start;
      if (!latest || member.start >= latest.start!) latest = member;
      line = Math.min(line, member.line);
      if (member.end === null) {
        allEnded = false;
        continue;
      }
      if (end === null || member.end > end) end = member.end;
      endLine = Math.max(endLine, member.endLine);
      allCached &&= member.cached;
      error ??= member.error;
    }
    // Never started: BuildKit's printers do not show it, and neither does the build model.
    if (start === null || latest === null) return;
    if (this.firstStart === null || start < this.firstStart) this.firstStart = start;
    track.output.runStart = latest.start;
    let step = track.step;
    if (!step) {
      const id = this.nextId++;
      step = this.state.vertex(id, track.name || track.key, line);
      track.step = step;
      this.digests.set(id, track.key);
      this.render(step.line, `#${id} ${step.name}`);
    }
    if (!allEnded || end === null) {
      if (step.status !== 'running') {
        this.state.restartStep(step);
        track.endSignature = null;
      }
      return;
    }
    if (this.lastEnd === null || end > this.lastEnd) this.lastEnd = end;
    const canceled = error !== null && CANCELED_ERROR.test(error);
    const status = error !== null ? (canceled ? 'canceled' : 'error') : allCached ? 'cached' : 'done';
    const signature = `${status}|${end}|${error ?? ''}`;
    if (track.endSignature === signature) return;
    track.endSignature = signature;
    this.flushOutput(track);
    // A progress group runs from its first start to its last end; a vertex as its latest update says,
    // which is what the plain printer's `DONE x.ys` shows.
    const seconds = exactSeconds(track.members.size > 1 ? end - start : latest.end! - latest.start!);
    // As the plain printer ends a step (`DONE` with one decimal; `seconds` keeps the exact value).
    const endText =
      status === 'error'
        ? `#${step.id} ERROR: ${error}`
        : status === 'canceled'
          ? `#${step.id} CANCELED`
          : status === 'cached'
            ? `#${step.id} CACHED`
            : `#${step.id} DONE ${seconds.toFixed(1)}s`;
    const ending = { line: endLine, text: endText };
    if (status === 'error') this.state.stepFailed(step, ending, seconds, error);
    else if (status === 'canceled') this.state.stepCanceled(step, ending, seconds);
    else if (status === 'cached') this.state.stepCached(step, ending, seconds);
    else this.state.stepDone(step, ending, seconds);
    if (status === 'done' || status === 'cached') track.doneStatuses = null;
    this.render(endLine, endText);
    if (status === 'error') this.echo.failure();
  }

  applyStatus(status: RawStatus, line: number): void {
    this.settleTail();
    const track = this.tracks.get(status.vertex);
    const step = track?.step;
    if (!track || !step) return;
    const pushed = PUSHED_MANIFEST.exec(status.id);
    if (pushed) this.state.addImage(pushed[1]!, pushed[2]!, true);
    else {
      const named = NAMED.exec(status.id);
      if (named) this.state.addImage(named[1]!, null, false);
    }
    if (status.completed === null) return;
    track.doneStatuses ??= new Set();
    if (track.doneStatuses.has(status.id) || track.doneStatuses.size >= MAX_STATUS_IDS) return;
    track.doneStatuses.add(status.id);
    const elapsed = status.started !== null ? (status.completed - status.started) / 1000 : 0;
    const text = `#${step.id} ${status.id}${elapsed > 0.01 ? ` ${elapsed.toFixed(1)}s` : ''} done`;
    this.state.stepOutput(step, { line, text });
    this.render(line, text);
  }

  /** A step's output: base64 bytes, cut into lines where their newlines are (a line may span logs). */
  applyLog(log: RawLog, line: number): void {
    const track = this.tracks.get(log.vertex);
    if (!track || !track.step) return;
    track.output.add(track.step, log, line, this.output);
  }

  applyWarning(warning: RawWarning, line: number): void {
    this.settleTail();
    const step = this.tracks.get(warning.vertex)?.step ?? null;
    const text = warning.short.replace(/\s+$/, '');
    if (this.warnings.length < MAX_WARNINGS) {
      this.warnings.push({
        line,
        stepId: step?.id ?? null,
        level: warning.level,
        text: detach(text),
        detail: warning.detail.map(detach),
        url: warning.url === null ? null : detach(warning.url),
      });
    }
    const rendered = step ? `#${step.id} WARN: ${text}` : `WARN: ${text}`;
    if (step) this.state.stepOutput(step, { line, text: rendered });
    this.render(line, rendered);
  }

  /** The input ended or the build did: unfinished output lines of every step are lines too. */
  flushAll(): void {
    for (const track of this.tracks.values()) this.flushOutput(track);
    this.settleTail();
  }

  private flushOutput(track: Track): void {
    if (track.step) track.output.flush(track.step, this.output);
  }

  private readonly output: OutputSink = {
    text: (step, line, text) => {
      this.settleTail();
      this.state.stepOutput(step, { line, text });
      this.render(line, text);
    },
    lines: (step, line, bytes, from, to, prefix) => {
      if (!this.outputAsBytes) {
        // Every line rendered and passed on one by one: what the bytes way must be equal to.
        for (let start = from; start < to;) {
          const end = bytes.indexOf(0x0a, start);
          this.output.text(step, line, renderOutput(prefix, bytes, start, end));
          start = end + 1;
        }
        return;
      }
      if (this.tailStep !== step) {
        this.settleTail();
        this.tailStep = step;
      }
      const batch: OutputBatch = { bytes, prefix };
      const lastStart = this.echo.printOutput(line, batch, from, to, this.tailLines);
      this.state.reach(line);
      if (this.lastLine === null || line >= this.lastLine) {
        this.lastLine = line;
        this.lastBatch = batch;
        this.lastOutputStart = lastStart;
        this.lastOutputEnd = to - 1;
      }
    },
  };

  /** The put-off output lines go to their step's tail, in order. */
  private settleTail(): void {
    const step = this.tailStep;
    if (step === null) return;
    this.tailStep = null;
    this.tailLines.drain((line, text) => this.state.stepOutput(step, { line, text }));
  }

  /** A line as the plain printer would have printed it: for the excerpt and the build's last line. */
  render(line: number, text: string): void {
    this.echo.print(line, text);
    this.state.reach(line);
    if (this.lastLine === null || line >= this.lastLine) this.lastEvent = { line, text };
  }
}

function newTrack(key: string, name: string): Track {
  return { key: detach(key), name: detach(name), members: new Map(), step: null, output: new StepOutput(), doneStatuses: null, endSignature: null };
}

/** Seconds from milliseconds, to the millisecond (BuildKit's timestamps have nanoseconds). */
export function exactSeconds(ms: number): number {
  return Math.max(0, Math.round(ms)) / 1000;
}
