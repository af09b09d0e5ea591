import type { AfterBuildError, EvidenceLine } from '../model.js';
import { RUNNER_CANCELED, STEP_TIMED_OUT } from './build-lines.js';
import { truncate } from '../text/markdown.js';

/** How many of the failing step's lines before its error are quoted with it. */
const LAST_LINES = 5;
/**
 * How many of its kept lines before its error the catalog's `laterSteps` signatures read: a smoke
 * test's `ImagePullBackOff` is printed well before the script gives up.
 */
const OUTPUT_LINES = 40;
/** A step's group titles remembered, to leave them out of its last lines. */
const MAX_GROUP_LINES = 64;
/** The runner's line at the end of a `run:` step that failed. */
export const RUNNER_EXIT = /^Process completed with exit code (\d+)\.?$/;
/** A step's name is quoted up to this many characters (a `Run` title is the command's first line). */
const MAX_STEP_NAME = 120;
/** The runner's first line of a post step in a job log (a `gh run view` file names the step instead). */
export const POST_STEP_LINE = 'Post job cleanup.';

/**
 * The first error a runner's step reported after the job's last build: a smoke test that runs the
 * image, a script that reads the build's digest, an upload. Without it, a job whose build succeeded
 * and that then failed read "The build succeeded. Nothing to change." It is not the build's failure
 * and is never diagnosed as one: the reports state it, with the step and its last lines. Only the
 * catalog's `laterSteps` signatures read that step's output (a `docker push` denied, a smoke test's
 * pull): a test's own failure is not a Docker cause, and no guess is made from its words.
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
  /** The first error after the last build, of any kind (an annotation a passing step printed, too). */
  private first: ErrorAt | null = null;
  /** The first that failed its step for sure: the runner's exit status of a `run:` step, or its cancellation. */
  private exit: ErrorAt | null = null;
  /** The first that was its step's last line (an action's failure: `core.setFailed`). */
  private stepEnd: ErrorAt | null = null;
  /** The newest error of the step the job is in. */
  private newest: ErrorAt | null = null;

  /** A line of a `gh run view` file, with its step's name: a new name begins a step (true). */
  namedStep(name: string, line: number): boolean {
    if (this.step !== null && this.step.name === name) return false;
    this.begin(name, line);
    return true;
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
    if (this.step !== null) this.step.command ??= title.replace(/^Run /, '');
    this.inHeader = true;
  }

  /** Another `##[group]` in a step's output: its title is the runner's (stored without the command), not output. */
  group(line: number): void {
    if (this.step !== null && this.step.groups.length < MAX_GROUP_LINES) this.step.groups.push(line);
  }

  /** `##[endgroup]`: after a step's header, its output begins. */
  endGroup(line: number): void {
    if (this.inHeader && this.step !== null) this.step.outputFrom = line + 1;
    this.inHeader = false;
  }

  private begin(name: string, line: number): void {
    // The error on the line before a step begins was the last line of its own step.
    if (this.newest !== null && this.newest.line === line - 1) this.stepEnd ??= this.newest;
    this.newest = null;
    this.step = { name, line, outputFrom: line + 1, groups: [], command: null };
    this.inHeader = false;
  }

  /** A build starts: an error before it is not after the job's last build. */
  buildStarts(): void {
    this.first = null;
    this.exit = null;
    this.stepEnd = null;
    this.newest = null;
  }

  /** A `##[error]` that belongs to no build, in a job that has built. */
  error(line: number, text: string): void {
    const error = { step: this.step, line, text };
    this.first ??= error;
    if (RUNNER_EXIT.test(text) || RUNNER_CANCELED.test(text) || STEP_TIMED_OUT.test(text)) this.exit ??= error;
    this.newest = error;
  }

  /**
   * What to report for the job, given its last line and its kept lines (ExcerptCollector.between:
   * every `##[error]` marks the excerpt, so the lines before the error are among them). The error said
   * is the first that failed a step (an annotation `::error::` of a step that went on is not), else the
   * first of any kind. Null when no step erred.
   */
  result(lastLine: number, kept: (first: number, last: number) => EvidenceLine[]): AfterBuildError | null {
    if (this.newest !== null && this.newest.line === lastLine) this.stepEnd ??= this.newest;
    const failed = [this.exit, this.stepEnd].filter((e): e is ErrorAt => e !== null).sort((a, b) => a.line - b.line)[0];
    const chosen = failed ?? this.first;
    if (!chosen) return null;
    const from = chosen.step?.outputFrom ?? chosen.line;
    const groups = new Set(chosen.step?.groups ?? []);
    const before = kept(from, chosen.line - 1).filter((l) => l.text.trim() !== '' && !l.text.startsWith('##[') && !groups.has(l.line));
    return {
      step: chosen.step === null ? null : stepName(chosen.step.name),
      stepLine: chosen.step?.line ?? null,
      error: { line: chosen.line, text: chosen.text },
      lastLines: before.slice(-LAST_LINES),
      output: before.slice(-OUTPUT_LINES),
      command: chosen.step?.command ?? null,
      stepFailed: failed !== undefined,
    };
  }
}

interface ErrorAt {
  step: StepSpan | null;
  line: number;
  text: string;
}

interface StepSpan {
  name: string;
  line: number;
  outputFrom: number;
  /** Lines of the step that are the runner's group titles (at most MAX_GROUP_LINES). */
  groups: number[];
  /** The command of its `##[group]Run ...` title, once seen. */
  command: string | null;
}

function stepName(name: string): string {
  // A sentence's period, not a path's (`Run go test ./...`).
  return truncate(name.replace(/(?<!\.)\.$/, '').trim(), MAX_STEP_NAME);
}
