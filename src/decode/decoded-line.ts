/** Which outer format a line was written in; detected for every line, never configured. */
export type LineFormat = 'gh-run-view' | 'actions' | 'plain';

/** A runner log command (`##[group]`, `##[error]`, ...) that the line carried, without the `##[...]`. */
export type RunnerCommand = 'group' | 'endgroup' | 'error' | 'warning' | 'notice' | 'debug' | 'section' | null;

/** A line with the transport around it removed: what the program on the runner printed. */
export interface DecodedLine {
  /** 1-based line number in the original input: evidence always points here. */
  no: number;
  /** The printed text: no BOM, timestamp, job/step prefix, runner command or ANSI escapes. */
  text: string;
  /** Milliseconds since the epoch, from the runner's timestamp (carried to continuation lines). */
  timestamp: number | null;
  /** Job and step names from a `gh run view --log` file. */
  job: string | null;
  step: string | null;
  command: RunnerCommand;
  format: LineFormat;
}
