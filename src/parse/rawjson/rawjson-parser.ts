import type { Build, EvidenceLine, StepStatus } from '../../model.js';
import type { DecodedLine } from '../../decode/decoded-line.js';
import { BuildState, CACHE_IMPORT_WARNING, type VertexState } from '../build-state.js';
import { isBuildCommand, parseBuildCommand } from '../invocation.js';
import { MAX_EXCERPT_LINE } from '../excerpt.js';
import { detach } from '../../text/detach.js';
import { stripAnsi } from '../../text/ansi.js';
import { JsonObjectSplitter, MAX_OBJECT_CHARS, type JsonObjectChunk, type JsonProblem } from './json-splitter.js';
import { EntryLines } from './entry-lines.js';
import { ExcerptCollector } from '../excerpt.js';
import type { LineSelector } from '../../diagnose/line-selector.js';
import { readSolveStatus, type RawLog, type RawStatus, type RawVertex, type RawWarning, type SolveStatus } from './solve-status.js';

// What buildx prints as plain text after the JSON when a build fails; the same as the plain parser's.
const FINAL_ERROR = /^(?:ERROR:? |error: |failed to solve\b|Error response from daemon: |ERROR \[)/;
const PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const NAMED = /^naming to (\S+)(?: done)?/;
// BuildKit's printers show a vertex whose error ends so as CANCELED, not ERROR.
const CANCELED_ERROR = /context canceled$/;
// The first vertex of every build: once a build has ended, one more starts a new build.
const BUILD_START = /^\[internal\] load (?:build definition|remote build context)\b/;
const NEWLINE = 0x0a;
/** An unfinished output line of a step is kept up to this many bytes until its newline comes. */
const MAX_PARTIAL_BYTES = 8 * 1024;
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

/** What a rawjson build knows beyond the build model: where to find each step again, and the warnings. */
export interface RawJsonExtras {
  /** Step id -> the vertex digest (or `progress-group:ID` for a group of vertices shown as one step). */
  digests: Map<number, string>;
  warnings: RawJsonWarning[];
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
  /** Start of the current run, for the `#N 1.234` offsets of its output lines. */
  runStart: number | null;
  /** Bytes of an output line whose newline has not come yet. */
  partial: Buffer | null;
  partialLine: number;
  partialTs: number | null;
  doneStatuses: Set<string> | null;
  /** Status and end time last applied, so a repeated update changes nothing. */
  endSignature: string | null;
}

interface ProblemCount {
  count: number;
  /** The first problem of the kind: where it was and what. */
  firstLine: number;
  lastLine: number;
  detail: string;
}

class RawBuild {
  readonly state: BuildState;
  readonly tracks = new Map<string, Track>();
  readonly groups = new Map<string, Track>();
  readonly digests = new Map<number, string>();
  readonly warnings: RawJsonWarning[] = [];
  readonly problems = new Map<string, ProblemCount>();
  nextId = 1;
  firstStart: number | null = null;
  lastEnd: number | null = null;
  /** Plain text came after the progress (the error trailer): new vertices after it are a new build. */
  trailer = false;
  /** The last thing the build printed, as the plain printer would have: its boundary's last line. */
  lastEvent: EvidenceLine | null = null;

  constructor(line: number, text: string) {
    this.state = new BuildState(line, null, null, text);
  }
}

/**
 * Reads `docker buildx build --progress=rawjson` output (and `buildx history logs --progress=rawjson`)
 * into the same build model as BuildKit's plain progress: one SolveStatus JSON object per line
 * (buildx 0.14+) or pretty-printed over many lines (buildx 0.13), then the plain-text error trailer of
 * a failed build. Vertex updates are merged by digest; steps are numbered in order of first start, as
 * the plain printer numbers them. Holds per-step summaries, the last output lines of running steps and
 * the object being read, never the log.
 *
 * Evidence quotes what the plain printer would have printed (`#6 ERROR: ...`, `#6 0.053 error: ...`)
 * with the line number of the JSON line it came from: several quoted lines can share a line number.
 */
export class RawJsonParser {
  private readonly splitter: JsonObjectSplitter;
  /** Lines the signatures will want: the lines around them are kept for the diagnosis. */
  private readonly selector: LineSelector | null;
  private readonly excerpt = new ExcerptCollector();
  private current: RawBuild | null = null;
  private readonly finished: Array<{ build: Build; extras: RawJsonExtras }> = [];
  /** Problems seen before any build exists: they go to the first build. */
  private readonly orphanProblems = new Map<string, ProblemCount>();
  private firstLine: number | null = null;
  private lastLine = 0;
  private firstTs: number | null = null;
  private lastTs: number | null = null;
  private job: string | null = null;
  private ended = false;
  private resultExtras: RawJsonExtras[] = [];
  private resultNotes: string[] = [];

  constructor(
    private readonly source: string,
    /** What to call its builds when the input has no job names (as BuildLogParser's `name`). */
    private readonly name: string | null = null,
    selector: LineSelector | null = null,
  ) {
    this.selector = selector;
    this.splitter = new JsonObjectSplitter({
      object: (chunk) => this.onObject(chunk),
      text: (line) => this.onText(line),
      problem: (problem) => this.onProblem(problem),
    });
  }

  push(line: DecodedLine): void {
    this.firstLine ??= line.no;
    this.lastLine = line.no;
    if (line.timestamp !== null) {
      this.firstTs ??= line.timestamp;
      this.lastTs = line.timestamp;
    }
    if (this.job === null && line.job !== null) this.job = line.job;
    this.splitter.push(line);
  }

  /** Ends the input: every build found, in input order. */
  end(): Build[] {
    if (!this.ended) {
      this.ended = true;
      this.splitter.end();
      if (this.current) this.finish(this.current, this.lastLine);
      this.current = null;
      const base = this.job ?? this.name ?? buildNameOf(this.source);
      this.finished.forEach(({ build }, index) => {
        build.name = this.finished.length > 1 ? `${base} #${index + 1}` : base;
      });
      this.resultExtras = this.finished.map((f) => f.extras);
      // Problems no build took (no build at all, or after the last one): the parser's, or the last build's.
      const left = renderProblems(this.orphanProblems);
      const last = this.finished.at(-1);
      if (last) last.build.notes.push(...left);
      else this.resultNotes = left;
    }
    return this.finished.map((f) => f.build);
  }

  /** Per build returned by end(), in the same order: step digests and warnings. */
  get extras(): RawJsonExtras[] {
    return this.resultExtras;
  }

  /** Input problems when no build was found (otherwise they are in the builds' notes), after end(). */
  get notes(): string[] {
    return this.resultNotes;
  }

  // ---- input -------------------------------------------------------------------------------------

  private onObject(chunk: JsonObjectChunk): void {
    const status = readSolveStatus(chunk.value);
    if (!status) {
      this.problem('not-progress', { kind: 'invalid', firstLine: chunk.firstLine, lastLine: chunk.lastLine, detail: 'a JSON object that is not BuildKit progress' });
      return;
    }
    let build = this.current;
    if (build && this.startsNewBuild(build, status)) {
      this.finish(build, chunk.firstLine - 1);
      build = null;
    }
    build ??= this.startBuild(chunk.firstLine, status.vertexes[0]?.name ?? 'rawjson progress');
    const lines = new EntryLines(chunk);
    for (const vertex of status.vertexes) this.applyVertex(build, vertex, lines);
    for (const s of status.statuses) this.applyStatus(build, s, lines.status(s.index));
    for (const log of status.logs) this.applyLog(build, log, lines.log(log.index));
    for (const warning of status.warnings) this.applyWarning(build, warning, chunk.firstLine);
    if (chunk.lastLine > build.state.lastLine) build.state.lastLine = chunk.lastLine;
  }

  private onText(line: DecodedLine): void {
    const text = line.text;
    this.excerpt.push(line.no, text);
    if (text.trim() === '') return;
    let build = this.current;
    if (isBuildCommand(text)) {
      // A build command echoed before the progress (a script, a CI step): what it asked for.
      if (build && build.state.hasVertices) {
        this.finish(build, line.no - 1);
        build = null;
      }
      build ??= this.startBuild(line.no, text);
      build.state.invocation = parseBuildCommand(text.replace(/^\[command\]/, ''));
      return;
    }
    if (FINAL_ERROR.test(text)) {
      build ??= this.startBuild(line.no, text);
      build.state.failed = true;
      build.state.addError({ line: line.no, text });
      build.state.capturingErrorBlock = true;
      build.state.lastLine = line.no;
      build.lastEvent = { line: line.no, text };
      this.excerpt.mark();
    }
    if (!build) return;
    if (CACHE_IMPORT_WARNING.test(text)) build.state.addCacheWarning({ line: line.no, text });
    if (build.state.hasVertices) build.trailer = true;
    if (build.state.capturingErrorBlock) build.state.addErrorDetail({ line: line.no, text });
  }

  private onProblem(problem: JsonProblem): void {
    this.problem(problem.kind, problem);
  }

  private problem(kind: string, problem: JsonProblem): void {
    const counts = this.current?.problems ?? this.orphanProblems;
    const known = counts.get(kind);
    if (known) {
      known.count++;
    } else {
      counts.set(kind, { count: 1, firstLine: problem.firstLine, lastLine: problem.lastLine, detail: problem.detail });
    }
  }

  // ---- builds ------------------------------------------------------------------------------------

  private startBuild(line: number, firstText: string): RawBuild {
    const build = new RawBuild(line, firstText);
    for (const [kind, count] of this.orphanProblems) build.problems.set(kind, count);
    this.orphanProblems.clear();
    this.current = build;
    return build;
  }

  /**
   * Several invocations in one input. Once a build has visibly ended (it failed, or its steps are done
   * and an exporter finished), the next one shows as its build definition being loaded again, or as
   * vertices never seen before after the plain-text trailer. Text in the middle of a build that has not
   * ended (a stray line) does not split it.
   */
  private startsNewBuild(build: RawBuild, status: SolveStatus): boolean {
    if (!build.state.hasVertices || !build.state.ended) return false;
    return status.vertexes.some((v) => {
      const known = build.tracks.has(v.digest);
      if (BUILD_START.test(v.name)) return !known || (v.started !== null && build.lastEnd !== null && v.started > build.lastEnd);
      return build.trailer && !known;
    });
  }

  private finish(build: RawBuild, lastLine: number): void {
    if (this.current === build) this.current = null;
    const state = build.state;
    if (!state.hasBuildSteps && state.errors.length === 0) {
      // Nothing was built (progress without a started step): no build, as with the plain parser;
      // what was wrong with the input is still told.
      for (const [kind, count] of build.problems) if (!this.orphanProblems.has(kind)) this.orphanProblems.set(kind, count);
      return;
    }
    for (const track of build.tracks.values()) this.flushPartial(build, track);
    const jobSeconds = this.firstTs !== null && this.lastTs !== null ? Math.round((this.lastTs - this.firstTs) / 100) / 10 : null;
    const result = state.toBuild('', this.source, this.job, jobSeconds, null, false, 'rawjson progress');
    result.buildSeconds = build.firstStart !== null && build.lastEnd !== null ? exactSeconds(build.lastEnd - build.firstStart) : null;
    result.notes.push(...renderProblems(build.problems));
    // The first step's header, as the plain printer would show it (an object may only announce vertices).
    const first = result.steps[0];
    if (first) result.boundary.first = { line: first.line, text: `#${first.id} ${first.name}` };
    if (build.lastEvent) result.boundary.last = { line: build.lastEvent.line, text: detach(build.lastEvent.text) };
    // A build that did not end well without an error (a log cut off) is explained, if at all, by its last lines.
    if (result.status === 'unknown') this.excerpt.mark();
    if (result.status !== 'success' || state.hasStepErrors) {
      const from = this.finished.length === 0 ? (this.firstLine ?? state.firstLine) : state.firstLine;
      result.excerpt = mergeEvidence(this.excerpt.between(from, lastLine), result.failedStepTail, result.errorDetails, result.errors);
    }
    this.finished.push({ build: result, extras: { digests: build.digests, warnings: build.warnings } });
  }

  // ---- SolveStatus entries ----------------------------------------------------------------------

  private applyVertex(build: RawBuild, vertex: RawVertex, lines: EntryLines): void {
    let track = build.tracks.get(vertex.digest);
    if (!track) {
      if (vertex.group) {
        const key = `progress-group:${vertex.group.id}`;
        track = build.groups.get(key);
        if (!track) {
          track = newTrack(key, vertex.group.name || vertex.name);
          build.groups.set(key, track);
        }
      } else {
        track = newTrack(vertex.digest, vertex.name);
      }
      build.tracks.set(vertex.digest, track);
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
    this.refresh(build, track);
  }

  /** Applies the merged state of a track's vertices to its step. */
  private refresh(build: RawBuild, track: Track): void {
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
    if (build.firstStart === null || start < build.firstStart) build.firstStart = start;
    track.runStart = latest.start;
    const state = build.state;
    let step = track.step;
    if (!step) {
      const id = build.nextId++;
      step = state.vertex(id, track.name || track.key, line);
      track.step = step;
      build.digests.set(id, track.key);
      this.render(build, step.line, `#${id} ${step.name}`);
    }
    if (!allEnded || end === null) {
      if (step.status !== 'running') {
        // Started again (BuildKit does that with the build definition): running until it ends again.
        step.status = 'running';
        step.seconds = null;
        step.endLine = null;
        step.endText = null;
        track.endSignature = null;
      }
      return;
    }
    if (build.lastEnd === null || end > build.lastEnd) build.lastEnd = end;
    const canceled = error !== null && CANCELED_ERROR.test(error);
    const status: StepStatus = error !== null ? (canceled ? 'canceled' : 'error') : allCached ? 'cached' : 'done';
    const signature = `${status}|${end}|${error ?? ''}`;
    if (track.endSignature === signature) return;
    track.endSignature = signature;
    this.flushPartial(build, track);
    // A progress group runs from its first start to its last end; a vertex as its latest update says,
    // which is what the plain printer's `DONE x.ys` shows.
    const seconds = exactSeconds(track.members.size > 1 ? end - start : latest.end! - latest.start!);
    step.status = status;
    step.seconds = seconds;
    step.endLine = endLine;
    // As the plain printer ends a step (`DONE` with one decimal; `seconds` keeps the exact value).
    const endText = status === 'error' ? `#${step.id} ERROR: ${error}` : status === 'canceled' ? `#${step.id} CANCELED` : status === 'cached' ? `#${step.id} CACHED` : `#${step.id} DONE ${seconds.toFixed(1)}s`;
    step.endText = endText;
    if (status === 'done' || status === 'cached') {
      step.tail = [];
      track.doneStatuses = null;
    }
    if (status === 'error') {
      step.error = error;
      const kind = step.parsed.kind;
      if (kind !== 'cache-import' && kind !== 'cache-export') {
        // As in the plain parser: a failed cache import is only a warning, and a failed cache export
        // fails the build only when buildx says so (its final ERROR line).
        state.failed = true;
        state.capturingErrorBlock = true;
        state.addError({ line: endLine, text: endText });
      }
    }
    this.render(build, endLine, endText);
    if (status === 'error') this.excerpt.mark();
  }

  private applyStatus(build: RawBuild, status: RawStatus, line: number): void {
    const track = build.tracks.get(status.vertex);
    const step = track?.step;
    if (!track || !step) return;
    const pushed = PUSHED_MANIFEST.exec(status.id);
    if (pushed) build.state.addImage(pushed[1]!, pushed[2]!, true);
    else {
      const named = NAMED.exec(status.id);
      if (named) build.state.addImage(named[1]!, null, false);
    }
    if (status.completed === null) return;
    track.doneStatuses ??= new Set();
    if (track.doneStatuses.has(status.id) || track.doneStatuses.size >= MAX_STATUS_IDS) return;
    track.doneStatuses.add(status.id);
    const elapsed = status.started !== null ? (status.completed - status.started) / 1000 : 0;
    const text = `#${step.id} ${status.id}${elapsed > 0.01 ? ` ${elapsed.toFixed(1)}s` : ''} done`;
    build.state.addTail(step, { line, text });
    this.render(build, line, text);
  }

  /** A step's output: base64 bytes, cut into lines where their newlines are (a line may span logs). */
  private applyLog(build: RawBuild, log: RawLog, line: number): void {
    const track = build.tracks.get(log.vertex);
    if (!track || !track.step) return;
    const bytes = Buffer.from(log.data, 'base64');
    // The lines of one log object share its time: its `1.234` offset is written once, not per line.
    let at: string | null = null;
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) break;
      const piece = bytes.subarray(start, end);
      const whole = track.partial ? Buffer.concat([track.partial, piece]) : piece;
      track.partial = null;
      at ??= offset(log.timestamp, track.runStart);
      this.outputLine(build, track, whole, line, at);
      start = end + 1;
    }
    if (start < bytes.length) {
      const rest = bytes.subarray(start);
      if (!track.partial) {
        // The line is quoted where, and timed when, its first bytes came (as the plain printer does).
        track.partialLine = line;
        track.partialTs = log.timestamp;
      }
      const kept = track.partial ? Buffer.concat([track.partial, rest]) : Buffer.from(rest);
      track.partial = kept.length > MAX_PARTIAL_BYTES ? kept.subarray(0, MAX_PARTIAL_BYTES) : kept;
    }
  }

  private flushPartial(build: RawBuild, track: Track): void {
    if (!track.partial) return;
    const partial = track.partial;
    track.partial = null;
    this.outputLine(build, track, partial, track.partialLine, offset(track.partialTs, track.runStart));
  }

  /** One output line; `at` is its offset from the step's start as the plain printer writes it. */
  private outputLine(build: RawBuild, track: Track, bytes: Buffer, line: number, at: string): void {
    const step = track.step!;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    text = stripAnsi(text);
    if (text.length > MAX_EXCERPT_LINE) text = text.slice(0, MAX_EXCERPT_LINE);
    const rendered = `#${step.id} ${at} ${text}`;
    build.state.addTail(step, { line, text: rendered });
    this.render(build, line, rendered);
  }

  private applyWarning(build: RawBuild, warning: RawWarning, line: number): void {
    const step = build.tracks.get(warning.vertex)?.step ?? null;
    const text = warning.short.replace(/\s+$/, '');
    if (build.warnings.length < MAX_WARNINGS) {
      build.warnings.push({ line, stepId: step?.id ?? null, level: warning.level, text: detach(text), detail: warning.detail.map(detach), url: warning.url === null ? null : detach(warning.url) });
    }
    const rendered = step ? `#${step.id} WARN: ${text}` : `WARN: ${text}`;
    if (step) build.state.addTail(step, { line, text: rendered });
    this.render(build, line, rendered);
  }

  /** A line as the plain printer would have printed it: for the excerpt and the build's last line. */
  private render(build: RawBuild, line: number, text: string): void {
    this.excerpt.push(line, text);
    if (this.selector?.select(text)) this.excerpt.mark();
    if (line > build.state.lastLine) build.state.lastLine = line;
    if (!build.lastEvent || line >= build.lastEvent.line) build.lastEvent = { line, text };
  }
}

function newTrack(key: string, name: string): Track {
  return {
    key: detach(key),
    name: detach(name),
    members: new Map(),
    step: null,
    runStart: null,
    partial: null,
    partialLine: 0,
    partialTs: null,
    doneStatuses: null,
    endSignature: null,
  };
}

/** Seconds from milliseconds, to the millisecond (BuildKit's timestamps have nanoseconds). */
function exactSeconds(ms: number): number {
  return Math.max(0, Math.round(ms)) / 1000;
}

/** `1.234`, `12.34`, `123.4`: seconds since the step started, as the plain printer writes them. */
function offset(ts: number | null, start: number | null): string {
  const seconds = ts !== null && start !== null ? Math.max(0, (ts - start) / 1000) : 0;
  return seconds.toFixed(seconds < 10 ? 3 : seconds < 100 ? 2 : 1);
}

/** Several lists of evidence as one, in input order, each line once. */
function mergeEvidence(...lists: EvidenceLine[][]): EvidenceLine[] {
  const seen = new Set<string>();
  const out: EvidenceLine[] = [];
  for (const list of lists) {
    for (const line of list) {
      const key = `${line.line}\u0000${line.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(line);
    }
  }
  // Stable: lines that share a line number keep their order of arrival.
  return out.sort((a, b) => a.line - b.line);
}

function renderProblems(problems: Map<string, ProblemCount>): string[] {
  const notes: string[] = [];
  const at = (p: ProblemCount): string => (p.firstLine === p.lastLine ? `line ${p.firstLine}` : `lines ${p.firstLine}-${p.lastLine}`);
  for (const [kind, p] of problems) {
    switch (kind) {
      case 'truncated':
        notes.push(`the rawjson progress ends inside a JSON object (from line ${p.firstLine}): the log was cut off`);
        break;
      case 'oversize':
        notes.push(`${p.count} rawjson object(s) over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB were skipped (first at ${at(p)}): the steps they updated may be incomplete`);
        break;
      case 'broken':
        notes.push(`${p.count} rawjson object(s) were cut off or malformed and skipped (first at ${at(p)}: ${p.detail})`);
        break;
      case 'not-progress':
        notes.push(`${p.count} JSON object(s) that are not BuildKit progress were skipped (first at ${at(p)})`);
        break;
      default:
        notes.push(`${p.count} line(s) of the rawjson progress were not valid JSON and were skipped (first at ${at(p)})`);
    }
  }
  return notes;
}

/** `logs/build-runtime.log` -> `build-runtime`, as the plain parser names builds. */
function buildNameOf(source: string): string {
  const file = source.split(/[\\/]/).pop() || source;
  return file === '-' ? 'stdin' : file.replace(/\.(log|txt|out|err|stderr|stdout)$/i, '') || file;
}
