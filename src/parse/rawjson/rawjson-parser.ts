import type { Build, EvidenceLine } from '../../model.js';
import type { DecodedLine } from '../../decode/decoded-line.js';
import { CACHE_IMPORT_WARNING, FINAL_ERROR } from '../build-lines.js';
import { buildNameOf, jobSecondsBetween, numberedName } from '../build-identity.js';
import { isBuildCommand, parseBuildCommand } from '../invocation.js';
import { detach } from '../../text/detach.js';
import { JsonObjectSplitter, MAX_OBJECT_CHARS, type JsonObjectChunk, type JsonProblem } from './json-splitter.js';
import { EntryLines } from './entry-lines.js';
import type { LineSelector } from '../../diagnose/line-selector.js';
import { bytePrefilterFor, type BytePrefilter } from '../../diagnose/byte-prefilter.js';
import { readSolveStatus, type SolveStatus } from './solve-status.js';
import { CanonicalLogReader } from './canonical-logs.js';
import { DeferredExcerpt } from './deferred-excerpt.js';
import { renderOutput, type OutputBatch, type OutputLineRing } from './output-lines.js';
import { countProblem, renderProblems, type ProblemCounts } from './input-problems.js';
import { exactSeconds, RawBuild, type PlainEcho, type RawJsonWarning } from './raw-build.js';

export type { RawJsonWarning } from './raw-build.js';

const NEWLINE = 0x0a;
/** How a canonical `logs` line starts (canonical-logs.ts reads the rest). */
const LOGS_OPEN = '{"logs":[';
/** Lines of a log object scanned at a time (a larger object takes several scans). */
const LINES_PER_SCAN = 1024;

// The first vertex of every build: once a build has ended, one more starts a new build.
const BUILD_START = /^\[internal\] load (?:build definition|remote build context)\b/;

/** What a rawjson build knows beyond the build model: where to find each step again, and the warnings. */
export interface RawJsonExtras {
  /** Step id -> the vertex digest (or `progress-group:ID` for a group of vertices shown as one step). */
  digests: Map<number, string>;
  warnings: RawJsonWarning[];
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
  /** The selector's cheap test on bytes: output lines it rules out are never decoded. */
  private readonly prefilter: BytePrefilter | null;
  private readonly excerpt = new DeferredExcerpt();
  private readonly canonical = new CanonicalLogReader();
  /** printOutput's scratch: where the lines of a log object end, and which may hold a literal. */
  private readonly lineEnds = new Int32Array(LINES_PER_SCAN);
  private readonly lineHits = new Uint8Array(LINES_PER_SCAN);
  /** Builds print here what the plain printer would have printed: the excerpt, marked where the catalog wants. */
  private readonly echo: PlainEcho = {
    print: (line, text) => {
      this.excerpt.push(line, text);
      if (!this.excerpt.full && this.selector?.select(text)) this.excerpt.mark();
    },
    printOutput: (line, batch, from, to, tail) => this.printOutput(line, batch, from, to, tail),
    failure: () => this.excerpt.mark(true),
  };
  private current: RawBuild | null = null;
  private readonly finished: Array<{ build: Build; extras: RawJsonExtras }> = [];
  /** Problems seen before any build exists: they go to the first build. */
  private readonly orphanProblems: ProblemCounts = new Map();
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
    /** Output kept as bytes until quoted; false renders every output line, as before (the reference of the tests). */
    private readonly outputAsBytes = true,
  ) {
    this.selector = selector;
    this.prefilter = selector ? bytePrefilterFor(selector) : null;
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
    if (this.outputAsBytes && this.pushCanonicalText(line)) return;
    this.splitter.push(line);
  }

  /**
   * A canonical `logs` line that came as text: one the line reader could not offer as bytes (it
   * spanned two of its chunks: one line per 64 KiB, yet through the splitter and JSON.parse about 4%
   * of the CPU of a 300 MB log), or one behind a runner's prefix. Read from its text's bytes, as
   * pushBytes reads a line: only ASCII text, whose latin1 bytes are the text itself.
   */
  private pushCanonicalText(line: DecodedLine): boolean {
    const text = line.text;
    if (!this.splitter.idle || !text.startsWith(LOGS_OPEN) || text.length > MAX_OBJECT_CHARS) return false;
    if (Buffer.byteLength(text, 'utf8') !== text.length) return false;
    const bytes = Buffer.from(text, 'latin1');
    const count = this.canonical.read(bytes, 0, bytes.length);
    if (count === -1) return false;
    this.applyLogs(this.current ?? this.startBuild(line.no, 'rawjson progress'), count, line.no);
    return true;
  }

  /**
   * A whole input line as bytes: taken (true) when it is a canonical `logs` object read between
   * objects, which is then read without ever being a string; otherwise the caller pushes it as a line.
   */
  pushBytes(data: Buffer, start: number, end: number, no: number): boolean {
    if (!this.splitter.idle || end - start > MAX_OBJECT_CHARS) return false;
    const count = this.canonical.read(data, start, end);
    if (count === -1) return false;
    this.firstLine ??= no;
    this.lastLine = no;
    // What onObject does with an object that holds only logs (no vertex can start a new build).
    this.applyLogs(this.current ?? this.startBuild(no, 'rawjson progress'), count, no);
    return true;
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
        build.name = numberedName(base, index, this.finished.length);
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
      this.problem('not-progress', {
        kind: 'invalid',
        firstLine: chunk.firstLine,
        lastLine: chunk.lastLine,
        detail: 'a JSON object that is not BuildKit progress',
      });
      return;
    }
    let build = this.current;
    if (build && this.startsNewBuild(build, status)) {
      this.finish(build, chunk.firstLine - 1);
      build = null;
    }
    build ??= this.startBuild(chunk.firstLine, status.vertexes[0]?.name ?? 'rawjson progress');
    const lines = new EntryLines(chunk);
    for (const vertex of status.vertexes) build.applyVertex(vertex, lines);
    for (const s of status.statuses) build.applyStatus(s, lines.status(s.index));
    for (const log of status.logs) build.applyLog(log, lines.log(log.index));
    for (const warning of status.warnings) build.applyWarning(warning, chunk.firstLine);
    build.state.reach(chunk.lastLine);
  }

  /** The `count` logs the canonical reader has just read (its reused objects: none is kept). */
  private applyLogs(build: RawBuild, count: number, line: number): void {
    const logs = this.canonical.logs;
    for (let i = 0; i < count; i++) build.applyLog(logs[i]!, line);
    build.state.reach(line);
  }

  /**
   * The output lines of one log object (see PlainEcho.printOutput): each goes to the excerpt and to
   * the step's tail as bytes; one pass over the bytes finds where lines end and, with the byte
   * prefilter, which lines may hold a signature's literal. Only those are decoded and selected.
   */
  private printOutput(line: number, batch: OutputBatch, from: number, to: number, tail: OutputLineRing): number {
    const bytes = batch.bytes;
    const excerpt = this.excerpt;
    const prefilter = this.prefilter;
    const selector = this.selector;
    let lineStart = from;
    // Once the excerpt is full (a log full of errors), no line needs selecting: the lines are only cut.
    if (prefilter === null || selector === null || excerpt.full) {
      for (let end = bytes.indexOf(NEWLINE, from); end !== -1 && end < to; end = bytes.indexOf(NEWLINE, lineStart)) {
        excerpt.pushOutput(line, batch, lineStart, end);
        tail.push(line, batch, lineStart, end);
        if (end + 1 === to) return lineStart;
        lineStart = end + 1;
      }
      return lineStart;
    }
    const start = prefilter.start(batch.prefix);
    const startHit = prefilter.everyLine || start.hit ? 1 : 0;
    const ends = this.lineEnds;
    const hits = this.lineHits;
    // The byte loop first (lines' ends and whether each may hold a literal), then each line: the loop
    // over the bytes holds no call (with the pushes and the selection in it, it ran at about 4 ns a
    // byte in place, against about 2 for the same loop alone).
    for (;;) {
      const count = prefilter.scanLines(bytes, lineStart, to, start.bytes, startHit, ends, hits);
      for (let k = 0; k < count; k++) {
        const end = ends[k]!;
        excerpt.pushOutput(line, batch, lineStart, end);
        tail.push(line, batch, lineStart, end);
        if (hits[k] !== 0 && selector.select(renderOutput(batch.prefix, bytes, lineStart, end))) excerpt.mark();
        if (end + 1 === to) return lineStart;
        lineStart = end + 1;
      }
      if (count < ends.length) return lineStart;
    }
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
      build.state.failWithErrorBlock({ line: line.no, text });
      build.state.touch(line.no, null);
      build.lastEvent = { line: line.no, text };
      this.excerpt.mark(true);
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
    countProblem(this.current?.problems ?? this.orphanProblems, kind, problem);
  }

  // ---- builds ------------------------------------------------------------------------------------

  private startBuild(line: number, firstText: string): RawBuild {
    const build = new RawBuild(line, firstText, this.echo, this.outputAsBytes);
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
    build.flushAll();
    const result = state.toBuild({
      name: '',
      source: this.source,
      job: this.job,
      jobSeconds: jobSecondsBetween(this.firstTs, this.lastTs),
      nativePlatform: null,
      jobCanceled: false,
      origin: 'rawjson progress',
      buildSeconds: build.firstStart !== null && build.lastEnd !== null ? exactSeconds(build.lastEnd - build.firstStart) : null,
    });
    result.notes.push(...renderProblems(build.problems));
    // The first step's header, as the plain printer would show it (an object may only announce vertices).
    const first = result.steps[0];
    if (first) result.boundary.first = { line: first.line, text: `#${first.id} ${first.name}` };
    if (build.lastEvent) result.boundary.last = { line: build.lastEvent.line, text: detach(build.lastEvent.text) };
    // A build that did not end well without an error (a log cut off) is explained, if at all, by its last lines.
    if (result.status === 'unknown') this.excerpt.mark(true);
    if (result.status !== 'success' || state.hasStepErrors) {
      const from = this.finished.length === 0 ? (this.firstLine ?? state.firstLine) : state.firstLine;
      result.excerpt = mergeEvidence(this.excerpt.between(from, lastLine), result.failedStepTail, result.errorDetails, result.errors);
    }
    this.finished.push({ build: result, extras: { digests: build.digests, warnings: build.warnings } });
  }
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
