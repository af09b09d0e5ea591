import type { Build } from '../model.js';
import type { DecodedLine } from '../decode/decoded-line.js';
import { BuildState, type VertexState } from './build-state.js';
import { CACHE_IMPORT_WARNING, FINAL_ERROR, RUNNER_CANCELED, STEP_TIMED_OUT } from './build-lines.js';
import { buildNameOf, jobSecondsBetween, numberedName } from './build-identity.js';
import { applyActionInput, emptyInvocation, isBuildCommand, mergeInvocations, parseBuildCommand, type Invocation } from './invocation.js';
import { applyVertexLine } from './vertex-line.js';
import { MetadataGroup } from './metadata-group.js';
import { JobState } from './job-state.js';
import type { BuildSink, ProgressForm } from './dialects/dialect.js';
import type { LineSelector } from '../diagnose/line-selector.js';
import { FAILURE_LINE, isDockerFailure, isDockerRelated } from './failure-line.js';
import { isTerminalWidth } from '../text/terminal-width.js';
import type { LineBytes } from '../input/line-bytes.js';
import type { LineFormat } from '../decode/decoded-line.js';
import { normalizeForMatching } from '../diagnose/normalize.js';
import { POST_STEP_LINE } from './after-build-error.js';

const VERTEX_LINE = /^#(\d+) (.*)$/s;
const BUILDER_LINE = /^#0 building with /;
const DOCKERFILE_POINTER = /^\d+ \| >>> /;
const MAX_ORPHAN_ERRORS = 20;
// A wrapped line read joined is at most this long (the diagnosis joins at most 40 lines of a terminal's width).
const MAX_WRAPPED = 8000;
const CANCEL_LINE = /The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|^The runner has received a shutdown signal/;

/**
 * Turns decoded lines into builds: splits the input into jobs and builds, follows BuildKit's vertex
 * lines, and keeps what the reports need. It consumes one line at a time and holds no lines itself.
 */
export class BuildLogParser {
  private job: JobState | null = null;
  private readonly finished: Build[] = [];

  constructor(
    private readonly source: string,
    /** What to call builds of an input without job names (a job's log: the job's name). */
    private readonly name: string | null = null,
    /** Lines the signatures will want: the lines around them are kept for the diagnosis. */
    private readonly selector: LineSelector | null = null,
    /**
     * Where each build goes as soon as its job ends (the analysis' budget of listed builds), so that
     * a long log's builds are not all held here until the end; without it, end() returns them.
     */
    private readonly emit: ((build: Build) => void) | null = null,
  ) {}

  push(line: DecodedLine): void {
    const job = this.jobFor(line);
    job.reached(line);
    const text = line.text;
    job.excerpt.push(line.no, line.command === 'error' ? `##[error]${text}` : text);
    // Another runner step began (gh run view names each line's step): nothing from here on is part of the
    // build, as a job log's `Run` group says. Tested when the step begins only: the shortcut takes the
    // lines after it (same job and step as the line before), never the first.
    if (line.step !== null && job.afterBuild.namedStep(line.step, line.no)) {
      const current = job.current;
      if (current !== null && current.step !== null && current.step !== line.step && !current.closed && current.hasVertices) current.close(line.no);
    }

    if (line.command !== null) {
      job.runnerCommands = true;
      this.onRunnerCommand(job, line);
      if (line.command === 'error') job.excerpt.mark(true);
      return;
    }
    job.facts.line(text);
    if (line.step === null && text === POST_STEP_LINE) {
      job.afterBuild.stepBegins(text, line.no);
      // A post step begins: as at a `Run` group, nothing after this is part of the build before it.
      if (job.current?.hasVertices) job.current.close(line.no);
    }
    if (job.metadata) {
      job.metadata.add(text);
      return;
    }
    if (job.readingActionInputs && job.pendingInputs && applyActionInput(job.pendingInputs, text)) return;

    // Pastes indent whole logs (Markdown code blocks, quoted e-mails) and terminals pad lines with
    // blanks: recognise lines without them.
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    const bare = first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09 ? text.trim() : text;
    const wrapped = this.readWrapped(job, text);
    for (const dialect of job.dialects) {
      if (dialect.accept(bare, line, this.sinkFor(job))) {
        // The first line after the build failed is its failure; later ones only when the catalog knows them.
        const failure = job.current?.failed === true && !job.marked.has(job.current);
        if (failure || this.selector?.select(bare)) {
          if (job.current) job.marked.add(job.current);
          job.excerpt.mark(failure);
        }
        return;
      }
    }
    if (bare.charCodeAt(0) === 0x23 /* # */) {
      const match = VERTEX_LINE.exec(bare);
      if (match) {
        this.onVertexLine(job, line, Number(match[1]), match[2]!);
        if (bare.includes('>>>')) this.onMarkedStepLine(job, line, Number(match[1]));
        // A step's own output the catalog knows (an earlier cause of the failure) is kept too.
        const failure = match[2]!.startsWith('ERROR');
        if (failure || this.selector?.select(match[2]!)) job.excerpt.mark(failure);
        return;
      }
    }
    if (isBuildCommand(text)) {
      this.startBuild(job, line, parseBuildCommand(text.replace(/^\[command\]/, '')));
      return;
    }
    const failure =
      FAILURE_LINE.test(bare) ||
      (this.selector?.select(bare) ?? false) ||
      (wrapped !== null && (FAILURE_LINE.test(wrapped) || (this.selector?.select(wrapped) ?? false)));
    if (failure) {
      job.excerpt.mark();
      job.failureLines++;
      if (CANCEL_LINE.test(text)) job.cancelLines++;
    }
    const build = job.current;
    if (build && this.belongsTo(build, line)) {
      if (CACHE_IMPORT_WARNING.test(bare)) build.addCacheWarning({ line: line.no, text });
      // After a legacy or tty build reported its end, a failure (a `docker push` refused, `make`
      // giving up) is what the pasted log ended with: the build's row carries it. So in a pasted
      // plain build when the failure is Docker's (a later test failing in a GitLab job is not the
      // build's); in a runner's log a later step's failure is never the build's.
      const carried = build.form !== 'plain' || (!job.fromRunner && isDockerFailure(bare));
      if (failure && carried && build.ended && !build.failed && !CANCEL_LINE.test(text)) {
        build.fail({ line: line.no, text });
        job.excerpt.mark(true);
      }
      if (FINAL_ERROR.test(bare)) {
        build.failWithErrorBlock({ line: line.no, text });
        job.excerpt.mark(true);
        build.touch(line.no, line.timestamp, line.text);
      } else if (DOCKERFILE_POINTER.test(bare)) {
        // BuildKit points into the Dockerfile (`  69 | >>> RUN ...`) only for an error, even when
        // the error line itself was not pasted.
        build.failWithErrorBlock();
      }
      if (build.capturingErrorBlock) build.addErrorDetail({ line: line.no, text });
      return;
    }
    if (!build && job.builds.length === 0 && job.orphanErrors.length < MAX_ORPHAN_ERRORS && FINAL_ERROR.test(bare))
      job.orphanErrors.push({ line: line.no, text });
    // The reader strips a paste's quoting (`> `, `│`) before it looks for the mark.
    if (bare.includes('>>>')) job.strayMarkedBlocks.read(line.no, text);
    if (!job.dockerRelated && job.builds.length === 0) job.dockerRelated = isDockerRelated(bare) || (wrapped !== null && isDockerRelated(wrapped));
    job.noteArchitecture(text);
  }

  /**
   * The shortcut for a step's line (`#N ...`) read as bytes, the bulk of a real log: the open step
   * such a line goes to, when push() would do no more with it than count it, keep it for the excerpt
   * (and, for output, the step's tail) and move the build's last line and time; else null (another
   * job or format, no open plain build, an unknown step, a reader waiting for its next line). Then
   * takeStepLine() applies it. The caller vouches for the rest: the text is ASCII without control
   * characters or blanks at either end, the line is of the format and job of the line before it, it
   * is not a status line, and no signature's literal is in it.
   */
  openStepFor(format: LineFormat, job: string | null, id: number): VertexState | null {
    const state = this.job;
    if (state === null || state.format !== format || (job !== null && state.name !== job)) return null;
    const build = state.current;
    if (build === null || build.closed || build.form !== 'plain' || !state.passesStepOutput()) return null;
    // After the build ended, `#1` opens the next one.
    if (id === 1 && build.ended) return null;
    const vertex = build.vertices.get(id);
    // BuildKit's own steps print a few lines, and may quote the Dockerfile (onMarkedStepLine): all
    // of them go the whole way, where the excerpt's `>>>` mark is looked for.
    return vertex === undefined || vertex.parsed.kind === 'internal' ? null : vertex;
  }

  /** A line openStepFor() agreed to: the step's header printed again (`output` false) or its output. */
  takeStepLine(vertex: VertexState, no: number, timestamp: number, text: LineBytes, output: boolean): void {
    const state = this.job!;
    const build = state.current!;
    state.reachedAt(no, timestamp);
    state.excerpt.push(no, text);
    build.touch(no, timestamp, text);
    if (output) build.stepOutputBytes(vertex, text);
  }

  /**
   * A `#N DONE` or `#N DONE 1.23s` line (`text`, decoded: it becomes the step's end) that openStepFor()
   * agreed to: what push() does with it (vertex-line.ts), the step ended after `seconds` (or null).
   */
  takeStepDone(vertex: VertexState, no: number, timestamp: number, text: string, seconds: number | null): void {
    const state = this.job!;
    const build = state.current!;
    state.reachedAt(no, timestamp);
    state.excerpt.push(no, text);
    build.touch(no, timestamp, text);
    build.stepDone(vertex, { line: no, text }, seconds);
  }

  /**
   * The shortcut for a quiet line read as bytes (quiet-line.ts: none of the texts this parser or the
   * catalog looks for, ASCII, not a runner command nor `#N`, blanks aside): whether push()
   * would do no more with it than count it, keep it for the excerpt and move the job's last line and
   * time, given the job's state. Then takeQuietLine() applies it.
   */
  passesQuietLine(format: LineFormat, job: string | null): boolean {
    const state = this.job;
    if (state === null || state.format !== format || (job !== null && state.name !== job)) return false;
    return state.passesQuietLine();
  }

  /**
   * The shortcut for a `##[endgroup]` line (nothing after the command) of the format and job of the
   * line before it, read as bytes: what push() does with it (its text is empty). False, and nothing
   * done, when the open job is another's.
   */
  takeEndGroup(format: LineFormat, job: string | null, no: number, timestamp: number): boolean {
    const state = this.job;
    if (state === null || state.format !== format || (job !== null && state.name !== job)) return false;
    state.reachedAt(no, timestamp);
    state.excerpt.push(no, '');
    state.runnerCommands = true;
    this.endGroup(state, no);
    return true;
  }

  /** A line passesQuietLine() agreed to. */
  takeQuietLine(no: number, timestamp: number, text: LineBytes): void {
    const state = this.job!;
    state.reachedAt(no, timestamp);
    state.excerpt.push(no, text);
  }

  /**
   * Decodes every line still held as bytes (taken by the shortcut): the excerpt ring and the open
   * build's last line and step tail. Only the open job and its open build hold any (a build is
   * settled when the next opens, a job's builds are turned into strings when it ends). Called
   * before the buffer those bytes lie in is filled again (LogSource.reusesChunks).
   */
  settleBytes(): void {
    this.job?.excerpt.settle();
    this.job?.current?.settle();
  }

  /** Ends the input: returns every build found, in input order. */
  end(): Build[] {
    if (this.job) this.finishJob(this.job);
    this.job = null;
    return this.finished;
  }

  private jobFor(line: DecodedLine): JobState {
    const name = line.job;
    if (this.job && this.job.name !== name && name !== null) {
      this.finishJob(this.job);
      this.job = null;
    }
    this.job ??= new JobState(name, line.no);
    return this.job;
  }

  private onRunnerCommand(job: JobState, line: DecodedLine): void {
    const text = line.text;
    if (line.command === 'group') job.facts.group(text);
    switch (line.command) {
      case 'group':
        job.readingActionInputs = /^Run docker\/build-push-action@/.test(text);
        if (job.readingActionInputs) job.pendingInputs = emptyInvocation();
        if (text === 'Metadata' && job.current) job.metadata = new MetadataGroup();
        if (text.startsWith('Run ')) job.afterBuild.runGroup(text, line.no, line.step !== null);
        else job.afterBuild.group(line.no);
        if (text.startsWith('Run ') && isBuildCommand(text.slice(4))) {
          job.pendingInputs = parseBuildCommand(text.slice(4));
        }
        if (job.current) {
          job.current.endErrorBlock();
          // A new runner step begins: nothing after this is part of the build that ran before it.
          if (/^(Run|Post) /.test(text) && job.current.hasVertices) job.current.close(line.no);
        }
        break;
      case 'endgroup':
        this.endGroup(job, line.no);
        break;
      case 'error': {
        const evidence = { line: line.no, text: `##[error]${text}` };
        if (RUNNER_CANCELED.test(text)) {
          job.canceled = true;
          // A build whose runner step had ended (a later step began) finished before the cancellation.
          if (job.current && !job.current.closed) job.current.cancel();
        }
        const build = job.current;
        // In the build's own runner step (it is closed once another begins), the error is the build's:
        // `docker build ... && docker push ...` in one step fails with the push; its time limit stops it.
        if (build && this.belongsTo(build, line)) {
          const timedOut = STEP_TIMED_OUT.test(text);
          if (timedOut) build.cancel();
          if (timedOut || RUNNER_CANCELED.test(text)) build.addError(evidence);
          else build.fail(evidence);
          build.touch(line.no, line.timestamp, evidence.text);
        } else {
          if (job.builds.length > 0) job.afterBuild.error(line.no, text);
          if (job.strayErrors.length < 20) job.strayErrors.push(evidence);
        }
        break;
      }
      case 'warning':
        // The runner says a failed `docker build` or `docker pull` of an action's or a service's image
        // as a warning before it retries (`##[warning]Docker build failed with exit code 1, back off
        // 5.2 seconds before retry.`); a retry that works goes on, one that does not ends in ##[error].
        // So it is remembered, and counts only where the log ends with it (a paste cut at the failure).
        if (job.builds.length === 0 && FAILURE_LINE.test(text) && isDockerRelated(text)) job.retryWarning = { line: line.no, text: `##[warning]${text}` };
        break;
      default:
        break;
    }
  }

  /**
   * A step's line that holds BuildKit's `>>>` mark (`#1 0.104   13 | >>> {`): BuildKit prints the
   * Dockerfile parse error of its `[internal] load build definition` step inside that step's frame,
   * where the error block's reader never sees it. The build's reader reads through the frame (as
   * signatures see lines), and the build failed: BuildKit quotes the Dockerfile only for an error.
   * Only in BuildKit's own steps: in a RUN step such a line is the output of the user's program
   * (and openStepFor leaves only BuildKit's own steps' lines to push()).
   */
  private onMarkedStepLine(job: JobState, line: DecodedLine, id: number): void {
    const build = job.current;
    if (build === null || build.vertices.get(id)?.parsed.kind !== 'internal') return;
    build.markedBlocks.read(line.no, line.text);
    if (DOCKERFILE_POINTER.test(normalizeForMatching(line.text))) {
      build.failWithErrorBlock();
      job.excerpt.mark(true);
    }
  }

  /** `##[endgroup]`: the runner's group ends, and whatever read it (runner facts, the action's inputs, the metadata). */
  private endGroup(job: JobState, no: number): void {
    job.afterBuild.endGroup(no);
    job.facts.endGroup();
    job.readingActionInputs = false;
    if (job.metadata && job.current) job.metadata.applyTo(job.current);
    job.metadata = null;
  }

  private onVertexLine(job: JobState, line: DecodedLine, id: number, rest: string): void {
    let build = job.current;
    if (BUILDER_LINE.test(line.text)) {
      if (!build || build.hasVertices) build = this.startBuild(job, line, null);
      build.touch(line.no, line.timestamp, line.text);
      return;
    }
    // Vertex numbers restart with each build: a `#1` header once the build has ended opens a new one.
    // Its status and its output do not: a failed build definition prints its error as output.
    if (!build || build.closed || build.form !== 'plain' || (id === 1 && build.ended && !isStatusWord(rest) && !isStepOutput(build, id, rest))) {
      build = this.startBuild(job, line, null);
    }
    build.touch(line.no, line.timestamp, line.text);
    applyVertexLine(build, id, rest, line);
  }

  /** What a dialect may ask of this job: its open build, or a new one. */
  private sinkFor(job: JobState): BuildSink {
    // The closures are made apart: made here, their context was allocated at every call (three a
    // line going the whole way), though the sink is made once a job.
    return job.sink ?? this.makeSink(job);
  }

  private makeSink(job: JobState): BuildSink {
    return (job.sink = {
      current: () => job.current,
      buildFor: (form: ProgressForm, line: DecodedLine, fresh = false) => {
        const build = job.current;
        // A build command echoed just before (`$ docker build ...`) opened the build this output belongs to.
        if (build && !build.closed && this.belongsTo(build, line) && !build.hasVertices && !build.failed && build.form === 'plain') {
          build.printedAs(form);
          return build;
        }
        if (!fresh && build && build.form === form && !build.closed && this.belongsTo(build, line)) return build;
        return this.startBuild(job, line, null, form);
      },
    });
  }

  private startBuild(job: JobState, line: DecodedLine, invocation: Invocation | null, form: ProgressForm = 'plain'): BuildState {
    const build = new BuildState({
      line: line.no,
      timestamp: line.timestamp,
      step: line.step,
      text: line.text,
      form,
      invocation: mergeInvocations(invocation, job.pendingInputs),
    });
    job.pendingInputs = null;
    job.readingActionInputs = false;
    job.afterBuild.buildStarts();
    job.current?.settle();
    if (form === 'tty' && job.builds.length === 0 && job.orphanErrors.length > 0 && !job.fromRunner) {
      build.fail();
      for (const error of job.orphanErrors) build.addError(error);
    }
    job.builds.push(build);
    job.current = build;
    job.dockerRelated = true;
    return build;
  }

  /**
   * A paste's line that a terminal wrapped, before any build (a fragment: a legacy builder's `The command '...'
   * returned a non-ze` then `ro code: 2`): the line with the wrapped lines before it, or null. Each part alone may lack
   * the words that make the whole a failure or Docker's; the diagnosis reads such lines joined too (wrapped-lines.ts).
   * Only until a line is known as Docker's: every line goes through push() until then (JobState.passesQuietLine), so
   * the shortcut and the whole way read the same.
   */
  private readWrapped(job: JobState, text: string): string | null {
    if (job.builds.length > 0 || job.fromRunner || job.dockerRelated) {
      job.wrappedText = null;
      return null;
    }
    const joined = job.wrappedText === null ? null : (job.wrappedText + text).trim();
    job.wrappedText = isTerminalWidth(text.length) ? (job.wrappedText ?? '') + text : null;
    if (job.wrappedText !== null && job.wrappedText.length > MAX_WRAPPED) job.wrappedText = text;
    return joined;
  }

  /** Whether a line of the job is part of the build (same runner step, when the log names steps). */
  private belongsTo(build: BuildState, line: DecodedLine): boolean {
    if (build.closed) return false;
    return build.step === null || line.step === null || build.step === line.step;
  }

  private finishJob(job: JobState): void {
    const jobSeconds = jobSecondsBetween(job.firstTs, job.lastTs);
    // A paste of the tty view's transfer lines alone (`=> => transferring context: 10MB  109.2s`) is a build too: it says where the time went.
    const kept = job.builds.filter((b) => b.hasBuildSteps || b.errors.length > 0 || b.contextTransfer !== null);
    if (job.retryWarning !== null && job.retryWarning.line >= job.lastLine && job.strayErrors.length < 20) job.strayErrors.push(job.retryWarning);
    const failed = job.failedWithoutBuild;
    if (kept.length === 0 && (failed || job.pastedDocker)) {
      // The job failed without BuildKit building anything (a refused login, a push, a CLI usage
      // error, a smoke test), or a paste holds Docker's output but no build: still a row, so that
      // its failure is diagnosed (or its state said).
      const canceled = job.canceled || (job.cancelLines > 0 && job.cancelLines === job.failureLines && job.strayErrors.length === 0);
      kept.push(
        BuildState.withoutBuildKit({
          firstLine: job.firstLine,
          firstTs: job.firstTs,
          lastLine: job.lastLine,
          lastTs: job.lastTs,
          failed,
          canceled,
          errors: job.strayErrors,
        }),
      );
    }
    // A build that did not end well but printed no error (a log cut off, a runner that died) is
    // explained, if at all, by the last lines of its job: keep them.
    if (kept.some((b) => b.status(job.canceled) === 'unknown')) job.excerpt.mark(true);
    const base = job.name ?? this.name ?? buildNameOf(this.source);
    kept.forEach((build, index) => {
      const origin = job.format === 'plain' ? FORM_ORIGIN[build.form] : ORIGIN[job.format];
      const name = numberedName(base, index, kept.length);
      // Lines from where the build starts to where the next one starts (the job's start for the first),
      // or to where the runner began its next step: a later step's lines (a post step's cache upload
      // that failed, a script's echoed `::error`) are not the build's, and no diagnosis reads them.
      const first = index === 0 ? job.firstLine : build.firstLine;
      const next = index + 1 < kept.length ? kept[index + 1]!.firstLine - 1 : job.lastLine;
      const last = build.closedAt !== null ? Math.min(next, build.closedAt - 1) : next;
      build.markedBlocks.adopt(job.strayMarkedBlocks.nonInstructions.filter((m) => m.line >= first && m.line <= last));
      const result = build.toBuild({
        name,
        source: this.source,
        job: job.name,
        jobSeconds,
        nativePlatform: job.nativePlatform,
        jobCanceled: job.canceled,
        origin,
      });
      if (kept.length > 1) result.indexInJob = index;
      if (result.status !== 'success' || build.hasStepErrors) result.excerpt = job.excerpt.between(first, last);
      result.runner = job.facts.facts;
      // Only the job's last build: a step's error after it is not the build's, and said only of a build that succeeded.
      if (index === kept.length - 1 && result.status === 'success' && job.fromRunner) {
        const later = job.afterBuild.result(job.lastLine, (from, to) => job.excerpt.between(from, to));
        if (later !== null) result.afterBuildError = later;
      }
      if (this.emit) this.emit(result);
      else this.finished.push(result);
    });
  }
}

const ORIGIN: Record<DecodedLine['format'], string> = { plain: 'plain progress', actions: 'GitHub job log', 'gh-run-view': 'gh run view log' };
const FORM_ORIGIN: Record<ProgressForm, string> = { plain: 'plain progress', tty: 'tty progress', legacy: 'legacy builder' };

/** `#N 0.104 ...`, the output of a step the build has: never a step's header. */
function isStepOutput(build: BuildState, id: number, rest: string): boolean {
  return build.vertices.has(id) && /^\d+\.\d+ /.test(rest);
}

function isStatusWord(rest: string): boolean {
  return /^(DONE|CACHED|ERROR|CANCELED|\.\.\.)/.test(rest);
}
