import type { RawLine } from '../input/line-reader.js';
import type { DecodedLine, LineFormat, RunnerCommand } from './decoded-line.js';
import { parseRunnerTimestamp } from './timestamp.js';
import { isQuotedLine, startsQuotedPaste, stripCiFraming, unescapeEntities, unquote } from './ci-framing.js';
import { stripAnsi } from '../text/ansi.js';

// `gh run view --log`: JOB<TAB>STEP<TAB>[BOM]TIMESTAMP TEXT
const GH_RUN_VIEW = /^([^\t]+)\t([^\t]*)\t\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
// A job log as the API or the web UI gives it: [BOM]TIMESTAMP TEXT
const ACTIONS = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
const RUNNER_COMMAND = /^##\[(group|endgroup|error|warning|notice|debug|section)\]/;
// GitLab runner 16+ writes each line as `TIMESTAMP 00O TEXT` (stream number, O or E, `+` continues).
const GITLAB_STREAM = /^\d{2}[OE]\+? ?/;

/**
 * Turns raw lines into decoded ones. Detection is per line, so files that mix formats (a
 * `gh run view` file with multi-line values, a job log with plain continuation lines) decode
 * correctly; the only state is what a continuation line inherits from the line before it.
 */
export class LineDecoder {
  private job: string | null = null;
  private step: string | null = null;
  private timestamp: number | null = null;
  private format: LineFormat = 'plain';
  /** Null until the first plain line with text: then whether the paste is quoted whole (a `>` before each line), false once the quote ends. */
  private quoted: boolean | null = null;

  decode(raw: RawLine): DecodedLine {
    let text = raw.text;
    let format: LineFormat;

    const gh = text.includes('\t') ? GH_RUN_VIEW.exec(text) : null;
    if (gh) {
      format = 'gh-run-view';
      // Kept when unchanged: the prefix as bytes (prefixBytes) is made again only for a new job or step.
      if (gh[1] !== this.job || gh[2] !== this.step) {
        this.job = gh[1]!;
        this.step = gh[2]!;
        this.prefix = null;
      }
      this.timestamp = parseRunnerTimestamp(gh[3]!) ?? this.timestamp;
      text = gh[4]!;
    } else if (this.format === 'gh-run-view' && this.isSameJobStep(text)) {
      // A continuation of a multi-line value: `JOB<TAB>STEP<TAB>TEXT` without a timestamp.
      format = 'gh-run-view';
      text = text.slice(this.job!.length + this.step!.length + 2);
    } else {
      const actions = ACTIONS.exec(text);
      if (actions) {
        format = 'actions';
        this.timestamp = parseRunnerTimestamp(actions[1]!) ?? this.timestamp;
        text = actions[2]!;
        if (this.format === 'gh-run-view') {
          this.job = this.step = null;
          this.prefix = null;
        }
        if (text.charCodeAt(2) === 0x4f /* O */ || text.charCodeAt(2) === 0x45 /* E */) text = text.replace(GITLAB_STREAM, '');
      } else {
        // No prefix: a continuation line of whatever came before, or a plain BuildKit log.
        format = this.format;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
    }
    this.format = format;

    // Colours and cursor moves, and Buildkite's APC timestamps (`\e_bk;t=...\a`).
    text = stripAnsi(text);
    // Other CI systems' framing (GitLab sections, Jenkins timestamps, a cut timestamp) on lines
    // that carry no GitHub prefix.
    if (format === 'plain') {
      // Whether a paste is quoted whole is told by its first line with text; the quote ends at a line with text without
      // `>`. Once told no (most logs), nothing more is looked at.
      if (this.quoted !== false && text.trim() !== '') {
        if (this.quoted === null) this.quoted = startsQuotedPaste(text);
        else if (!isQuotedLine(text)) this.quoted = false;
      }
      if (this.quoted === true) text = unquote(text);
      text = stripCiFraming(unescapeEntities(text));
    }
    let command: RunnerCommand = null;
    if (text.startsWith('##[')) {
      const match = RUNNER_COMMAND.exec(text);
      if (match) {
        command = match[1] as RunnerCommand;
        text = text.slice(match[0].length);
      }
    }
    return {
      no: raw.no,
      text,
      timestamp: format === 'plain' ? null : this.timestamp,
      job: format === 'gh-run-view' ? this.job : null,
      step: format === 'gh-run-view' ? this.step : null,
      command,
      format,
    };
  }

  /** The format of the last line decoded. */
  get lastFormat(): LineFormat {
    return this.format;
  }

  /** The job of the last line (gh run view), else null. */
  get lastJob(): string | null {
    return this.format === 'gh-run-view' ? this.job : null;
  }

  /**
   * `JOB<TAB>STEP<TAB>` of the last line as bytes when it was a gh run view line: what the next line
   * of the same step starts with. Made when the job or step changes, not per line.
   */
  prefixBytes(): Buffer | null {
    if (this.format !== 'gh-run-view' || this.job === null || this.step === null) return null;
    return (this.prefix ??= Buffer.from(`${this.job}\t${this.step}\t`, 'utf8'));
  }

  /**
   * A line was taken without decoding (the parser's shortcut): it had the last line's format, job
   * and step and this timestamp, which is all that changes here (a continuation line inherits it).
   */
  tookLine(timestamp: number): void {
    this.timestamp = timestamp;
  }

  /** `JOB<TAB>STEP<TAB>` as bytes, null until asked for after a change of job or step. */
  private prefix: Buffer | null = null;

  private isSameJobStep(text: string): boolean {
    if (this.job === null || this.step === null) return false;
    return text.startsWith(`${this.job}\t${this.step}\t`);
  }
}
