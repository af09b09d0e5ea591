import type { DecodedLine } from '../../decode/decoded-line.js';
import type { BuildState } from '../build-state.js';

/**
 * How a build's progress was printed. `plain` is BuildKit's `--progress=plain` (`#5 [2/4] RUN ...`),
 * which the parser reads itself; the other forms are read by a dialect that turns their lines into
 * the same steps and statuses.
 */
export type ProgressForm = 'plain' | 'tty' | 'legacy';

/** What a dialect may ask of the parser: the build its lines belong to. */
export interface BuildSink {
  /** The open build of this form, or a new one when there is none (or it has ended). */
  buildFor(form: ProgressForm, line: DecodedLine, fresh?: boolean): BuildState;
  /** The open build, whatever its form, or null. */
  current(): BuildState | null;
}

/**
 * A reader for one form of build output. `accept` looks at a line (its leading blanks removed, as
 * pastes indent whole logs) and returns true when the line was this form's and has been applied.
 */
export interface Dialect {
  accept(bare: string, line: DecodedLine, sink: BuildSink): boolean;
  /**
   * Whether `accept` would return false and change nothing for a step's line (`#N ...`: its output,
   * progress or header) while `current` is the open build: the parser's byte-level shortcut takes
   * such a line without showing it to the dialects only then.
   */
  ignoresStepOutput(current: BuildState | null): boolean;
}
