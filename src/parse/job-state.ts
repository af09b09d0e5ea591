import type { EvidenceLine } from '../model.js';
import type { DecodedLine } from '../decode/decoded-line.js';
import type { BuildState } from './build-state.js';
import type { Invocation } from './invocation.js';
import type { MetadataGroup } from './metadata-group.js';
import { ExcerptCollector } from './excerpt.js';
import { RunnerFactsReader } from './runner-facts.js';
import type { BuildSink, Dialect } from './dialects/dialect.js';
import { TtyProgressDialect } from './dialects/tty-progress.js';
import { LegacyBuilderDialect } from './dialects/legacy-builder.js';
import { ErrorBlockDialect } from './dialects/error-block.js';
import { MarkedBlockReader } from './marked-block.js';
import { AfterBuildErrorReader } from './after-build-error.js';

const OS_ARCH = /^\s*(?:OS\/Arch|Architecture):\s+(\S+)/;

/** One job of a run (a `gh run view` job), or the whole input when it has no jobs. */
export class JobState {
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
  /** The first error of a runner's step after the job's last build (a smoke test, a script). */
  readonly afterBuild = new AfterBuildErrorReader();
  /** The runner's warning that a `docker build`/`pull` of an image it needs failed and will be retried. */
  retryWarning: { line: number; text: string } | null = null;
  /** Lines that state a failure outside BuildKit's progress (legacy builder, Kubernetes, CLI). */
  failureLines = 0;
  cancelLines = 0;
  /**
   * Final errors of a paste seen before any build: a terminal's tty display can be copied with its
   * last screen after the error. They go to the paste's first build when it is a tty one.
   */
  readonly orphanErrors: EvidenceLine[] = [];
  /**
   * BuildKit's Dockerfile excerpt printed outside any build (a paste of the error alone): what it
   * marks goes, at the job's end, to the build whose lines it falls among.
   */
  readonly strayMarkedBlocks = new MarkedBlockReader();
  /** The lines at a terminal's width just before this one, joined, while no build has begun (a paste a terminal wrapped). */
  wrappedText: string | null = null;
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

  /** A line of the job: where it ends and when. */
  reached(line: DecodedLine): void {
    this.format = line.format;
    this.reachedAt(line.no, line.timestamp);
  }

  /** A line of the job's format so far: where it ends and when. */
  reachedAt(no: number, timestamp: number | null): void {
    this.lastLine = no;
    if (timestamp !== null) {
      this.firstTs ??= timestamp;
      this.lastTs = timestamp;
    }
  }

  /**
   * Whether a step's line (`#N ...`) would pass everything that reads the job's lines
   * before the vertex parser (runner facts, the metadata group, the action's inputs, the dialects)
   * without changing anything: then the parser may take it by its shortcut.
   */
  passesStepOutput(): boolean {
    if (this.metadata !== null || (this.readingActionInputs && this.pendingInputs !== null)) return false;
    if (!this.facts.ignoresStepOutput()) return false;
    for (const dialect of this.dialects) if (!dialect.ignoresStepOutput(this.current)) return false;
    return true;
  }

  /**
   * Whether a quiet line (quiet-line.ts: no runner command, not `#N` even after blanks, none
   * of the texts the parser or the catalog looks for) would change nothing here but the job's last
   * line and time and the excerpt ring: then the parser may take it from its bytes. Each condition
   * is a state in which push() reads such a line anyway: the metadata group and the action's inputs
   * take any line, the runner facts do inside their groups, a dialect inside its own state (an
   * error block, the legacy builder's build: ignoresStepOutput says it is in none), an open error
   * block captures every line of its build, and until the job is known to be Docker's every line
   * is tested for Docker's words.
   */
  passesQuietLine(): boolean {
    if (this.metadata !== null || (this.readingActionInputs && this.pendingInputs !== null)) return false;
    if (!this.facts.ignoresQuietLine()) return false;
    for (const dialect of this.dialects) if (!dialect.ignoresStepOutput(this.current)) return false;
    if (this.current !== null && this.current.capturingErrorBlock) return false;
    return this.dockerRelated || this.builds.length > 0;
  }

  /** `docker version` / `docker info` (`OS/Arch:`, `Architecture:`) says what the runner's platform is. */
  noteArchitecture(text: string): void {
    // Runs for every other line of a log: a cheap test first.
    if (this.nativePlatform !== null || !text.includes('Arch')) return;
    const arch = OS_ARCH.exec(text);
    if (arch) this.nativePlatform = normalizeArch(arch[1]!);
  }

  /** A runner's job log (`gh run view`, or one with runner commands), not a paste or another CI's log. */
  get fromRunner(): boolean {
    return this.name !== null || this.runnerCommands;
  }

  /** A pasted or terminal log (no runner) with a line only Docker prints. */
  get pastedDocker(): boolean {
    return !this.fromRunner && this.dockerRelated;
  }

  /**
   * A job whose log has no build: did it fail? A runner's `##[error]` says so; without runner
   * commands (a pasted or terminal log), a line that states a failure does.
   */
  get failedWithoutBuild(): boolean {
    if (this.strayErrors.length > 0) return true;
    return !this.fromRunner && this.failureLines > 0;
  }
}

function normalizeArch(arch: string): string {
  if (arch.includes('/')) return arch;
  const map: Record<string, string> = { x86_64: 'linux/amd64', amd64: 'linux/amd64', aarch64: 'linux/arm64', arm64: 'linux/arm64' };
  return map[arch] ?? `linux/${arch}`;
}
