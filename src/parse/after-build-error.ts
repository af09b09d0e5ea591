import type { AfterBuildError, EvidenceLine } from '../model.js';
import { RUNNER_CANCELED } from './build-lines.js';

/** How many of the failing step's lines before its error are quoted with it. */
const LAST_LINES = 5;
/** A step's name is quoted up to this many characters (a `Run` title is the command's first line). */
const MAX_STEP_NAME = 120;
/** The runner's first line of a post step in a job log (a `gh run view` file names the step instead). */
export const POST_STEP_LINE = 'Post job cleanup.';

/**
 * The first error a runner's step reported after the job's last build: a smoke test that runs the
 * image, a script that reads the build's digest, an upload. Without it, a job whose build succeeded
 * and that then failed read "The build succeeded. Nothing to change." It is not the build's failure
 * and is never diagnosed as one: the reports state it, with the step and its last lines, and no
 * signature or guess reads that step's output (a test's failure is not a Docker cause).
 *
 * Where a step begins: in a `gh run view` file every line names its step; in a downloaded job log
 * a step begins with the runner's `##[group]Run ...` (a `run:` or `uses:` step) or with
 * `Post job cleanup.` (a post step).
 */
export class AfterBuildErrorReader {
  /** The runner's step the job is in, the line it began on and the first line of its own output. */
  private step: StepSpan | null = null;
  /** The step's `##[group]Run ...` (the runner's echo of the script or inputs) is open. */
  private inHeader = false;
  private first: { step: StepSpan | null; line: number; text: string } | null = null;

  /** A line of a `gh run view` file, with its step's name: a new name begins a step. */
  namedStep(name: string, line: number): void {
    if (this.step === null || this.step.name !== name) this.begin(name, line);
  }

  /** A job log's line that begins a step (POST_STEP_LINE). */
  stepBegins(name: string, line: number): void {
    this.begin(name, line);
  }

  /**
   * The runner's `##[group]Run ...`: in a job log it begins a step (`named` false); in either form
   * what follows up to its `##[endgroup]` is the runner's echo of the step, not its output.
   */
  runGroup(title: string, line: number, named: boolean): void {
    if (!named) this.begin(title, line);
    this.inHeader = true;
  }

  /** `##[endgroup]`: after a step's header, its output begins. */
  endGroup(line: number): void {
    if (this.inHeader && this.step !== null) this.step.outputFrom = line + 1;
    this.inHeader = false;
  }

  private begin(name: string, line: number): void {
    this.step = { name, line, outputFrom: line + 1 };
    this.inHeader = false;
  }

  /** A build starts: an error before it is not after the job's last build. */
  buildStarts(): void {
    this.first = null;
  }

  /** A `##[error]` that belongs to no build, in a job that has built: the first one is kept. */
  error(line: number, text: string): void {
    this.first ??= { step: this.step, line, text };
  }

  /**
   * What to report for the job, given its kept lines (ExcerptCollector.between: every `##[error]`
   * marks the excerpt, so the lines before the error are among them). Null when no step erred.
   */
  result(kept: (first: number, last: number) => EvidenceLine[]): AfterBuildError | null {
    const first = this.first;
    if (first === null) return null;
    const from = first.step?.outputFrom ?? first.line;
    const before = kept(from, first.line - 1).filter((l) => l.text.trim() !== '' && !l.text.startsWith('##['));
    return {
      step: first.step === null ? null : stepName(first.step.name),
      stepLine: first.step?.line ?? null,
      error: { line: first.line, text: first.text },
      lastLines: before.slice(-LAST_LINES),
      canceled: RUNNER_CANCELED.test(first.text),
    };
  }
}

interface StepSpan {
  name: string;
  line: number;
  outputFrom: number;
}

function stepName(name: string): string {
  const bare = name.replace(/\.$/, '').trim();
  return bare.length > MAX_STEP_NAME ? `${bare.slice(0, MAX_STEP_NAME - 1)}…` : bare;
}
