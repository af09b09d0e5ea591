import type { Build } from '../model.js';
import type { DecodedLine } from '../decode/decoded-line.js';
import { BuildState } from './build-state.js';
import { applyActionInput, emptyInvocation, isBuildCommand, parseBuildCommand, type Invocation } from './invocation.js';
import { applyVertexLine } from './vertex-line.js';
import { MetadataGroup } from './metadata-group.js';
import { ExcerptCollector } from './excerpt.js';
import { RunnerFactsReader } from './runner-facts.js';

const VERTEX_LINE = /^#(\d+) (.*)$/s;
const BUILDER_LINE = /^#0 building with /;
// Top-level error lines of buildx/BuildKit and the docker CLI after a failed solve.
const FINAL_ERROR = /^(?:ERROR:? |error: |failed to solve\b|Error response from daemon: |ERROR \[)/;
const CANCELED = /^The operation was canceled\.|^The runner has received a shutdown signal|^Canceling since a higher priority waiting request/;
// Lines that state a failure, in any build tool's words (BuildKit, the legacy builder, buildx, the
// docker CLI, Kubernetes, CI systems). Vertex lines (`#N ERROR`) are recognised by the vertex parser.
const FAILURE_LINE =
  /(?:^|[\s>│|])(?:ERROR|[Ee]rror)(?::|\s\[)|\berror\[E\d+\]|failed to (?:solve|build|push|fetch|authorize|copy|compute cache key|read dockerfile|create LLB)|did not complete successfully|returned a non-zero code|executor failed running|Error response from daemon|ImagePullBackOff|ErrImagePull|The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|no space left on device|toomanyrequests|(?:^|\s)Killed$|\bFATAL\b|\bexit code:? \d+|\bsignal: killed\b|\bexited with code [1-9]|[Nn]o space left on device|^E: |has no installation candidate/;
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
  /** How the job's lines were written, for the report's "where the numbers come from". */
  format: DecodedLine['format'] = 'plain';
  readonly excerpt = new ExcerptCollector();
  readonly facts = new RunnerFactsReader();
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

    if (text.charCodeAt(0) === 0x23 /* # */) {
      const match = VERTEX_LINE.exec(text);
      if (match) {
        this.onVertexLine(job, line, Number(match[1]), match[2]!);
        if (match[2]!.startsWith('ERROR')) job.excerpt.mark();
        return;
      }
    }
    if (isBuildCommand(text)) {
      this.startBuild(job, line, parseBuildCommand(text.replace(/^\[command\]/, '')));
      return;
    }
    if (FAILURE_LINE.test(text)) {
      job.excerpt.mark();
      job.failureLines++;
      if (CANCEL_LINE.test(text)) job.cancelLines++;
    }
    const build = job.current;
    if (build && this.belongsTo(build, line)) {
      if (FINAL_ERROR.test(text)) {
        build.failed = true;
        build.addError({ line: line.no, text });
        build.touch(line.no, line.timestamp, line.text);
        build.capturingErrorBlock = true;
      }
      if (build.capturingErrorBlock) build.addErrorDetail({ line: line.no, text });
      return;
    }
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
    if (!build || build.closed || (id === 1 && build.ended && !isStatusWord(rest))) {
      build = this.startBuild(job, line, null);
    }
    build.touch(line.no, line.timestamp, line.text);
    applyVertexLine(build, id, rest, line);
  }

  private startBuild(job: JobState, line: DecodedLine, invocation: Invocation | null): BuildState {
    const build = new BuildState(line.no, line.timestamp, line.step, line.text);
    const inputs = job.pendingInputs;
    build.invocation = mergeInvocations(invocation, inputs);
    job.pendingInputs = null;
    job.readingActionInputs = false;
    job.builds.push(build);
    job.current = build;
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
    if (kept.length === 0 && this.failedWithoutBuild(job)) {
      // The job failed without BuildKit building anything (a refused login, the legacy builder, a
      // smoke test): still a row, so that its failure is diagnosed.
      const build = new BuildState(job.firstLine, job.firstTs, null);
      build.canceled = job.canceled || (job.cancelLines > 0 && job.cancelLines === job.failureLines && job.strayErrors.length === 0);
      build.failed = !build.canceled;
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
      const result = build.toBuild(name, this.source, job.name, jobSeconds, job.nativePlatform, job.canceled, ORIGIN[job.format]);
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

  /**
   * A job whose log has no build: did it fail? A runner's `##[error]` says so; without runner
   * commands (a pasted or terminal log), a line that states a failure does.
   */
  private failedWithoutBuild(job: JobState): boolean {
    if (job.strayErrors.length > 0) return true;
    const fromRunner = job.name !== null || job.firstTs !== null;
    return !fromRunner && job.failureLines > 0;
  }
}

const ORIGIN: Record<DecodedLine['format'], string> = { plain: 'plain progress', actions: 'GitHub job log', 'gh-run-view': 'gh run view log' };

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
