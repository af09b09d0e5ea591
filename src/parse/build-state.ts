import type { Build, BuildStatus, EvidenceLine, OmittedSteps } from '../model.js';
import { emptyInvocation, type Invocation } from './invocation.js';
import type { ProgressForm } from './dialects/dialect.js';
import type { DecodedLine } from '../decode/decoded-line.js';
import { BuildSteps, type VertexState } from './build-steps.js';
import { BuildEvidence } from './build-evidence.js';
import { textOf, type LineBytes } from '../input/line-bytes.js';
import { buildModel, buildStatus, type BuildOptions, type BuildStart, type JobWithoutBuild } from './build-model.js';

export type { VertexState } from './build-steps.js';
export type { BuildOptions, BuildStart, JobWithoutBuild } from './build-model.js';

/**
 * Everything known about one build while its lines are read. Holds per-step summaries and a few
 * bounded buffers, never the log itself. The parsers tell it what the output said (a step started,
 * ended, failed; the build failed, was canceled, its runner step ended) and it keeps the state
 * consistent: nothing outside sets its flags.
 */
export class BuildState extends BuildEvidence {
  private readonly steps = new BuildSteps();
  readonly vertices: ReadonlyMap<number, VertexState> = this.steps.vertices;
  invocation: Invocation;
  readonly firstLine: number;
  readonly firstText: string;
  /** The runner step the build ran in (gh run view logs), to tell its errors from later steps'. */
  readonly step: string | null;
  private start: number | null;
  private end: number | null;
  private last: number;
  private lastSaid: string | LineBytes;
  private failedFlag = false;
  private canceledFlag = false;
  /** Set when the runner starts another step: later lines are not this build's. */
  private closedFlag = false;
  /** Where the runner's next step began (close()); null while the build's step runs. */
  private closedAtLine: number | null = null;
  /** A row for a job that failed without any BuildKit output. */
  private noBuildKit = false;
  /** After a failure BuildKit prints the `------` block and the Dockerfile excerpt: keep them. */
  private capturing = false;
  /** How the progress was printed (BuildKit plain, the tty form, the legacy builder). */
  private printed: ProgressForm;
  /** The output said the build finished (the legacy builder's `Successfully built`). */
  private completed = false;

  constructor(start: BuildStart) {
    super();
    this.firstLine = start.line;
    this.last = start.line;
    this.firstText = start.text ?? '';
    this.lastSaid = this.firstText;
    this.start = start.timestamp;
    this.end = start.timestamp;
    this.step = start.step;
    this.printed = start.form ?? 'plain';
    this.invocation = start.invocation ?? emptyInvocation();
  }

  /** The row of a job that failed (or was canceled) before or without building: its own span, no build time. */
  static withoutBuildKit(job: JobWithoutBuild): BuildState {
    const build = new BuildState({ line: job.firstLine, timestamp: job.firstTs, step: null });
    build.canceledFlag = job.canceled;
    build.failedFlag = !job.canceled && job.failed;
    for (const error of job.errors) build.addError(error);
    build.touch(job.lastLine, job.lastTs);
    build.start = null;
    build.noBuildKit = true;
    return build;
  }

  get failed(): boolean {
    return this.failedFlag;
  }
  get canceled(): boolean {
    return this.canceledFlag;
  }
  get closed(): boolean {
    return this.closedFlag;
  }
  /** The line the runner's next step began on, when it did: the build's lines end before it. */
  get closedAt(): number | null {
    return this.closedAtLine;
  }
  get withoutBuildKit(): boolean {
    return this.noBuildKit;
  }
  get capturingErrorBlock(): boolean {
    return this.capturing;
  }
  get form(): ProgressForm {
    return this.printed;
  }
  get startTs(): number | null {
    return this.start;
  }
  get endTs(): number | null {
    return this.end;
  }
  get lastLine(): number {
    return this.last;
  }
  get lastText(): string {
    return textOf(this.lastSaid);
  }
  /** Steps past the listing limit, counted but not listed (null when none were dropped). */
  get omittedSteps(): OmittedSteps | null {
    return this.steps.omitted();
  }

  get hasVertices(): boolean {
    return this.vertices.size > 0;
  }

  /**
   * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
   * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
   */
  get hasBuildSteps(): boolean {
    return this.steps.hasBuildSteps;
  }

  /**
   * A log cut between two steps: nothing is running, but no exporter finished and a stage stopped
   * before its last instruction (`[2/4]` was the last one printed).
   */
  get cutBetweenSteps(): boolean {
    return !this.ended && this.steps.stageUnfinished;
  }

  /** Whether any step reported an error (a cache import or export can fail in a successful build). */
  get hasStepErrors(): boolean {
    return this.steps.hasStepErrors;
  }

  /**
   * True once the build has visibly ended: it failed, or every step ended and an exporter finished.
   * A `#1` header after that belongs to the next build (old BuildKit prints no `#0` line); before
   * that it is the same step printed again, which BuildKit does after a step is DONE.
   */
  get ended(): boolean {
    return this.failedFlag || this.completed || this.steps.exportedAll;
  }

  // ---- the build as a whole ----------------------------------------------------------------------

  /** The output said the build finished: no export step will follow. */
  complete(): void {
    this.completed = true;
  }

  /** A line of the build was read (its text, when given, is the build's last line so far). */
  touch(line: number, timestamp: number | null, text?: string | LineBytes): void {
    this.last = line;
    if (text !== undefined) this.lastSaid = text;
    if (timestamp !== null) {
      this.end = timestamp;
      if (this.start === null) this.start = timestamp;
    }
  }

  /**
   * Another build is open now: what this one keeps as bytes is decoded, so that a build kept for the
   * report does not hold on to the chunk its last lines were read from.
   */
  settle(): void {
    this.lastSaid = textOf(this.lastSaid);
    this.steps.settle();
  }

  /** Evidence at `line` belongs to the build (a rawjson entry): its last line moves on, never back. */
  reach(line: number): void {
    if (line > this.last) this.last = line;
  }

  /** The output says the build failed; `evidence`, when given, is the line that says so. */
  fail(evidence?: EvidenceLine): void {
    this.failedFlag = true;
    if (evidence) this.addError(evidence);
  }

  /** The build failed and BuildKit's error block follows (the `------` excerpt, the Dockerfile lines). */
  failWithErrorBlock(evidence?: EvidenceLine): void {
    this.fail(evidence);
    this.capturing = true;
  }

  /** The job was canceled while this build ran; a build that already failed stays failed. */
  cancel(): void {
    if (!this.failedFlag) this.canceledFlag = true;
  }

  /** A runner group began: an error block does not run past it. */
  endErrorBlock(): void {
    this.capturing = false;
  }

  /** The runner began another step on line `line`: nothing from there on is part of the build. */
  close(line: number): void {
    this.closedFlag = true;
    this.closedAtLine ??= line;
  }

  /** Output in another form (tty, legacy builder) came for a build opened by its echoed command. */
  printedAs(form: ProgressForm): void {
    this.printed = form;
  }

  // ---- steps -------------------------------------------------------------------------------------

  /** The step with this number, started now if it is new. */
  vertex(id: number, name: string, line: number): VertexState {
    return this.steps.vertex(id, name, line);
  }

  /**
   * The step of this name, or a new one when the build has none (forms without vertex numbers: the
   * tty form, an error block pasted alone). New steps take the next free number.
   */
  vertexNamed(name: string, line: number): VertexState {
    return this.steps.named(name, line);
  }

  /** Whether the step with this number was counted and dropped (past the listing limit). */
  wasOmitted(id: number): boolean {
    return this.steps.wasOmitted(id);
  }

  /** The line that ends the step (its status line), quoted as the step's end. */
  markStepEnd(vertex: VertexState, end: EvidenceLine): void {
    this.steps.markEnd(vertex, end);
  }

  /** The step finished (DONE); `seconds` when the output says how long. Its output is no longer needed. */
  stepDone(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    this.steps.done(vertex, end, seconds);
  }

  /** The step's result came from the cache (no time unless the output gives one). */
  stepCached(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    this.steps.cached(vertex, end, seconds);
  }

  /**
   * The step was canceled. A plain `CANCELED` line after the step ended leaves its status (BuildKit
   * repeats steps it stopped); a rawjson update, which carries the time, is the step's whole state.
   */
  stepCanceled(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    this.steps.canceled(vertex, end, seconds);
  }

  /**
   * The step failed (`ERROR`). A failed cache import is only a warning for BuildKit, and a failed
   * cache export fails the build only without `ignore-error=true` (then the final `ERROR: failed to
   * solve` says so): other steps fail the build, and their error block follows.
   */
  stepFailed(vertex: VertexState, end: EvidenceLine, seconds: number | null, error: string | null): void {
    if (this.steps.failed(vertex, end, seconds, error)) this.failWithErrorBlock(end);
  }

  /** The output says this step failed (its error block), though no `ERROR` status line was seen. */
  failStep(vertex: VertexState, line: DecodedLine): void {
    if (!this.steps.failedByErrorBlock(vertex, line.no, line.text)) return;
    this.failedFlag = true;
    this.capturing = true;
  }

  /** The step started again (BuildKit does that with the build definition): running until it ends again. */
  restartStep(vertex: VertexState): void {
    this.steps.restart(vertex);
  }

  /** A line the step printed: its last few are kept while it runs, for the evidence of a failure. */
  stepOutput(vertex: VertexState, evidence: EvidenceLine): void {
    this.steps.output(vertex, evidence);
  }

  /** The same for a line still in bytes (the parser's shortcut for a step's output). */
  stepOutputBytes(vertex: VertexState, line: LineBytes): void {
    this.steps.outputBytes(vertex, line);
  }

  // ---- the result --------------------------------------------------------------------------------

  /** The build's outcome as far as its output tells (`jobCanceled`: the job it ran in was canceled). */
  status(jobCanceled: boolean): BuildStatus {
    return buildStatus(this, jobCanceled);
  }

  /** The build for the reports. */
  toBuild(options: BuildOptions): Build {
    return buildModel(this, options);
  }
}
