import type { Build, EvidenceLine } from '../model.js';
import type { DecodedLine } from '../decode/decoded-line.js';
import { BuildState, CACHE_IMPORT_WARNING } from './build-state.js';
import { applyActionInput, emptyInvocation, isBuildCommand, parseBuildCommand, type Invocation } from './invocation.js';
import { applyVertexLine } from './vertex-line.js';
import { MetadataGroup } from './metadata-group.js';
import { ExcerptCollector } from './excerpt.js';
import { RunnerFactsReader } from './runner-facts.js';
import type { BuildSink, Dialect, ProgressForm } from './dialects/dialect.js';
import { TtyProgressDialect } from './dialects/tty-progress.js';
import { LegacyBuilderDialect } from './dialects/legacy-builder.js';
import { ErrorBlockDialect } from './dialects/error-block.js';
import type { LineSelector } from '../diagnose/line-selector.js';
import { FAILURE_LINE, isDockerFailure, isDockerRelated } from './failure-line.js';

const VERTEX_LINE = /^#(\d+) (.*)$/s;
const BUILDER_LINE = /^#0 building with /;
// Top-level error lines of buildx/BuildKit and the docker CLI after a failed solve (docker compose
// names the service's target: `target web: failed to solve: ...`).
const FINAL_ERROR = /^(?:ERROR:? |error: |(?:target "?[\w.-]+"?: )?failed to solve\b|Error response from daemon: |ERROR \[)/;
const CANCELED = /^The operation was canceled\.|^The runner has received a shutdown signal|^Canceling since a higher priority waiting request/;
const DOCKERFILE_POINTER = /^\d+ \| >>> /;
const MAX_ORPHAN_ERRORS = 20;
const CANCEL_LINE = /The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|^The runner has received a shutdown signal/;
const OS_ARCH = /^\s*(?:OS\/Arch|Architecture):\s+(\S+)/;

/** One job of a run (a `gh run view` job), or the whole input when it has no jobs. */
class JobState {
  firstTs: number | null = null;
  lastTs: number | null = null;
  builds: BuildState[] = [];
  current: BuildState | null = null;
  canceled = false;
  nativePlatform: string | null = null;
  /** build-push-action inputs seen before its `docker buildx build` command. */
  pendingInputs: Invocation | null = null;
  readingActionInputs = false;
  metadata: MetadataGroup | null = null;
  /** `##[error]` lines that belong to no build (a job that failed before or after building). */
  strayErrors: { line: number; text: string }[] = [];
  /** Lines that state a failure outside BuildKit's progress (legacy builder, Kubernetes, CLI). */
  failureLines = 0;
  cancelLines = 0;
  /**
   * Final errors of a paste seen before any build: a terminal's tty display can be copied with its
   * last screen after the error. They go to the paste's first build when it is a tty one.
   */
  readonly orphanErrors: EvidenceLine[] = [];
  /** Whether a line only Docker prints was seen (tested until one is). */
  dockerRelated = false;
  /**
   * Whether the GitHub runner's own commands (`##[group]`, `##[error]`) were seen. Timestamps alone
   * do not make a runner's log: a pasted excerpt keeps them, and GitLab 16+ writes them too.
   */
  runnerCommands = false;
  /** Builds whose failure has marked the excerpt (a dialect's step error marks it once). */
  readonly marked = new WeakSet<BuildState>();
  /** How the job's lines were written, for the report's "where the numbers come from". */
  format: DecodedLine['format'] = 'plain';
  readonly excerpt = new ExcerptCollector();
  readonly facts = new RunnerFactsReader();
  /** Readers for the forms of build output other than BuildKit's plain progress. */
  readonly dialects: Dialect[] = [new ErrorBlockDialect(), new TtyProgressDialect(), new LegacyBuilderDialect()];
  sink: BuildSink | null = null;
  firstLine: number;
  lastLine: number;

  constructor(
    readonly name: string | null,
    line: number,
  ) {
    this.firstLine = line;
    this.lastLine = line;
  }
}

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
  ) {}

  push(line: DecodedLine): void {
    const job = this.jobFor(line);
    job.lastLine = line.no;
    job.format = line.format;
    if (line.timestamp !== null) {
      job.firstTs ??= line.timestamp;
      job.lastTs = line.timestamp;
    }
    const text = line.text;
    job.excerpt.push(line.no, line.command === 'error' ? `##[error]${text}` : text);

    if (line.command !== null) {
      job.runnerCommands = true;
      this.onRunnerCommand(job, line);
      if (line.command === 'error') job.excerpt.mark();
      return;
    }
    job.facts.line(text);
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
    for (const dialect of job.dialects) {
      if (dialect.accept(bare, line, this.sinkFor(job))) {
        if ((job.current?.failed && !job.marked.has(job.current)) || this.selector?.select(bare)) {
          if (job.current) job.marked.add(job.current);
          job.excerpt.mark();
        }
        return;
      }
    }
    if (bare.charCodeAt(0) === 0x23 /* # */) {
      const match = VERTEX_LINE.exec(bare);
      if (match) {
        this.onVertexLine(job, line, Number(match[1]), match[2]!);
        // A step's own output the catalog knows (an earlier cause of the failure) is kept too.
        if (match[2]!.startsWith('ERROR') || this.selector?.select(match[2]!)) job.excerpt.mark();
        return;
      }
    }
    if (isBuildCommand(text)) {
      this.startBuild(job, line, parseBuildCommand(text.replace(/^\[command\]/, '')));
      return;
    }
    const failure = FAILURE_LINE.test(bare) || (this.selector?.select(bare) ?? false);
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
      const carried = build.form !== 'plain' || (!this.fromRunner(job) && isDockerFailure(bare));
      if (failure && carried && build.ended && !build.failed && !CANCEL_LINE.test(text)) {
        build.failed = true;
        build.addError({ line: line.no, text });
      }
      if (FINAL_ERROR.test(bare)) {
        build.failed = true;
        build.addError({ line: line.no, text });
        build.touch(line.no, line.timestamp, line.text);
        build.capturingErrorBlock = true;
      } else if (DOCKERFILE_POINTER.test(bare)) {
        // BuildKit points into the Dockerfile (`  69 | >>> RUN ...`) only for an error, even when
        // the error line itself was not pasted.
        build.failed = true;
        build.capturingErrorBlock = true;
      }
      if (build.capturingErrorBlock) build.addErrorDetail({ line: line.no, text });
      return;
    }
    if (!build && job.builds.length === 0 && job.orphanErrors.length < MAX_ORPHAN_ERRORS && FINAL_ERROR.test(bare)) job.orphanErrors.push({ line: line.no, text });
    if (!job.dockerRelated && job.builds.length === 0) job.dockerRelated = isDockerRelated(bare);
    // Runs for every other line of a log: a cheap test first.
    if (job.nativePlatform === null && text.includes('Arch')) {
      const arch = OS_ARCH.exec(text);
      if (arch) job.nativePlatform = normalizeArch(arch[1]!);
    }
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
    if (line.command === 'endgroup') job.facts.endGroup();
    switch (line.command) {
      case 'group':
        job.readingActionInputs = /^Run docker\/build-push-action@/.test(text);
        if (job.readingActionInputs) job.pendingInputs = emptyInvocation();
        if (text === 'Metadata' && job.current) job.metadata = new MetadataGroup();
        if (text.startsWith('Run ') && isBuildCommand(text.slice(4))) {
          job.pendingInputs = parseBuildCommand(text.slice(4));
        }
        if (job.current) {
          job.current.capturingErrorBlock = false;
          // A new runner step begins: nothing after this is part of the build that ran before it.
          if (/^(Run|Post) /.test(text) && job.current.hasVertices) job.current.closed = true;
        }
        break;
      case 'endgroup':
        job.readingActionInputs = false;
        if (job.metadata && job.current) job.metadata.applyTo(job.current);
        job.metadata = null;
        break;
      case 'error': {
        const evidence = { line: line.no, text: `##[error]${text}` };
        if (CANCELED.test(text)) {
          job.canceled = true;
          if (job.current && !job.current.failed) job.current.canceled = true;
        }
        const build = job.current;
        if (build && this.belongsTo(build, line) && (line.step !== null || /buildx|docker|failed to solve|ERROR:/i.test(text))) {
          if (!CANCELED.test(text)) build.failed = true;
          build.addError(evidence);
          build.touch(line.no, line.timestamp, evidence.text);
        } else if (job.strayErrors.length < 20) {
          job.strayErrors.push(evidence);
        }
        break;
      }
      default:
        break;
    }
  }

  private onVertexLine(job: JobState, line: DecodedLine, id: number, rest: string): void {
    let build = job.current;
    if (BUILDER_LINE.test(line.text)) {
      if (!build || build.hasVertices) build = this.startBuild(job, line, null);
      build.touch(line.no, line.timestamp, line.text);
      return;
    }
    // Vertex numbers restart with each build: a `#1` header once the build has ended opens a new one.
    if (!build || build.closed || build.form !== 'plain' || (id === 1 && build.ended && !isStatusWord(rest))) {
      build = this.startBuild(job, line, null);
    }
    build.touch(line.no, line.timestamp, line.text);
    applyVertexLine(build, id, rest, line);
  }

  /** What a dialect may ask of this job: its open build, or a new one. */
  private sinkFor(job: JobState): BuildSink {
    return (job.sink ??= {
      current: () => job.current,
      buildFor: (form: ProgressForm, line: DecodedLine, fresh = false) => {
        const build = job.current;
        // A build command echoed just before (`$ docker build ...`) opened the build this output belongs to.
        if (build && !build.closed && this.belongsTo(build, line) && !build.hasVertices && !build.failed && build.form === 'plain') {
          build.form = form;
          return build;
        }
        if (!fresh && build && build.form === form && !build.closed && this.belongsTo(build, line)) return build;
        return this.startBuild(job, line, null, form);
      },
    });
  }

  private startBuild(job: JobState, line: DecodedLine, invocation: Invocation | null, form: ProgressForm = 'plain'): BuildState {
    const build = new BuildState(line.no, line.timestamp, line.step, line.text);
    build.form = form;
    const inputs = job.pendingInputs;
    build.invocation = mergeInvocations(invocation, inputs);
    job.pendingInputs = null;
    job.readingActionInputs = false;
    if (form === 'tty' && job.builds.length === 0 && job.orphanErrors.length > 0 && !this.fromRunner(job)) {
      build.failed = true;
      for (const error of job.orphanErrors) build.addError(error);
    }
    job.builds.push(build);
    job.current = build;
    job.dockerRelated = true;
    return build;
  }

  /** Whether a line of the job is part of the build (same runner step, when the log names steps). */
  private belongsTo(build: BuildState, line: DecodedLine): boolean {
    if (build.closed) return false;
    return build.step === null || line.step === null || build.step === line.step;
  }

  private finishJob(job: JobState): void {
    const jobSeconds = job.firstTs !== null && job.lastTs !== null ? Math.round((job.lastTs - job.firstTs) / 100) / 10 : null;
    const kept = job.builds.filter((b) => b.hasBuildSteps || b.errors.length > 0);
    const failed = this.failedWithoutBuild(job);
    if (kept.length === 0 && (failed || this.pastedDocker(job))) {
      // The job failed without BuildKit building anything (a refused login, a push, a CLI usage
      // error, a smoke test), or a paste holds Docker's output but no build: still a row, so that
      // its failure is diagnosed (or its state said).
      const build = new BuildState(job.firstLine, job.firstTs, null);
      build.canceled = job.canceled || (job.cancelLines > 0 && job.cancelLines === job.failureLines && job.strayErrors.length === 0);
      build.failed = !build.canceled && failed;
      for (const error of job.strayErrors) build.addError(error);
      build.touch(job.lastLine, job.lastTs);
      build.startTs = null;
      build.withoutBuildKit = true;
      kept.push(build);
    }
    // A build that did not end well but printed no error (a log cut off, a runner that died) is
    // explained, if at all, by the last lines of its job: keep them.
    if (kept.some((b) => b.status(job.canceled) === 'unknown')) job.excerpt.mark();
    const base = job.name ?? this.name ?? buildNameOf(this.source);
    kept.forEach((build, index) => {
      const name = kept.length > 1 ? `${base} #${index + 1}` : base;
      const origin = job.format === 'plain' ? FORM_ORIGIN[build.form] : ORIGIN[job.format];
      const result = build.toBuild(name, this.source, job.name, jobSeconds, job.nativePlatform, job.canceled, origin);
      if (result.status !== 'success' || build.hasStepErrors) {
        // Lines from where the build starts to where the next one starts (the job's start for the first).
        const first = index === 0 ? job.firstLine : build.firstLine;
        const last = index + 1 < kept.length ? kept[index + 1]!.firstLine - 1 : job.lastLine;
        result.excerpt = job.excerpt.between(first, last);
      }
      result.runner = job.facts.facts;
      this.finished.push(result);
    });
  }

  /** A pasted or terminal log (no runner) with a line only Docker prints. */
  private pastedDocker(job: JobState): boolean {
    return !this.fromRunner(job) && job.dockerRelated;
  }

  /**
   * A job whose log has no build: did it fail? A runner's `##[error]` says so; without runner
   * commands (a pasted or terminal log), a line that states a failure does.
   */
  private failedWithoutBuild(job: JobState): boolean {
    if (job.strayErrors.length > 0) return true;
    return !this.fromRunner(job) && job.failureLines > 0;
  }

  /** A runner's job log (`gh run view`, or one with runner commands), not a paste or another CI's log. */
  private fromRunner(job: JobState): boolean {
    return job.name !== null || job.runnerCommands;
  }
}

const ORIGIN: Record<DecodedLine['format'], string> = { plain: 'plain progress', actions: 'GitHub job log', 'gh-run-view': 'gh run view log' };
const FORM_ORIGIN: Record<ProgressForm, string> = { plain: 'plain progress', tty: 'tty progress', legacy: 'legacy builder' };

function isStatusWord(rest: string): boolean {
  return /^(DONE|CACHED|ERROR|CANCELED|\.\.\.)/.test(rest);
}

/** The command line wins; build-push-action's echoed inputs fill what it lacks. */
function mergeInvocations(command: Invocation | null, inputs: Invocation | null): Invocation {
  if (!command) return inputs ?? emptyInvocation();
  if (!inputs) return command;
  return {
    dockerfile: command.dockerfile ?? inputs.dockerfile,
    platforms: command.platforms.length ? command.platforms : inputs.platforms,
    cacheFrom: command.cacheFrom.length ? command.cacheFrom : inputs.cacheFrom,
    cacheTo: command.cacheTo.length ? command.cacheTo : inputs.cacheTo,
    tags: command.tags.length ? command.tags : inputs.tags,
    push: command.push || inputs.push,
  };
}

function normalizeArch(arch: string): string {
  if (arch.includes('/')) return arch;
  const map: Record<string, string> = { x86_64: 'linux/amd64', amd64: 'linux/amd64', aarch64: 'linux/arm64', arm64: 'linux/arm64' };
  return map[arch] ?? `linux/${arch}`;
}

/** `logs/build-runtime.log` -> `build-runtime`: the file name is what a person calls the build. */
function buildNameOf(source: string): string {
  const file = source.split(/[\\/]/).pop() || source;
  return file === '-' ? 'stdin' : file.replace(/\.(log|txt|out|err|stderr|stdout)$/i, '') || file;
}
