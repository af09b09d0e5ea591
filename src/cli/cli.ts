import { analyzeSources } from '../engine.js';
import { fileSource, stdinSource, type LogSource } from '../input/log-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../analyze/rule.js';
import { renderMarkdown } from '../report/markdown-summary.js';
import { renderText, type TextOptions } from '../report/text-report.js';
import { writeJsonReport } from '../report/json-report.js';
import { streamWriter, writeFileStreaming } from '../report/sink.js';
import { describeError, InputError } from '../input/errors.js';
import { parseFailOn, shouldFail, type FailOn } from '../analyze/fail-policy.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { loadCatalog } from '../diagnose/load-catalog.js';
import { parseMinutes } from '../input/values.js';
import { compareAnalyses } from '../compare/compare.js';
import { DOCTOR_USAGE, HISTORY_USAGE } from './usage.js';
import { readArgs } from './args.js';

const USAGE = `usage: ${TOOL_NAME} analyze FILE... [--baseline FILE...] [--format text|markdown|json] [--max-build-minutes N]
       [--fail-on never|error|warning] [--report-file PATH] [--signatures FILE] [--workspace DIR]
${HISTORY_USAGE}

Reads Docker Buildx build output (plain progress, GitHub Actions job logs, \`gh run view --log\`)
and reports timings, cache hits, images and findings. Use - to read standard input.
--baseline takes the logs of an earlier build (every file up to the next option) and compares:
times, cache hits, and the step where the cache broke, with the reason (the Dockerfile is read
from --workspace to tell a changed build argument from an edit).

Exit status: 0 analysed, 1 a finding met --fail-on, 2 bad usage or nothing to analyse.

${DOCTOR_USAGE}`;

type Format = 'text' | 'markdown' | 'json';

interface CliOptions {
  files: string[];
  format: Format;
  maxBuildMinutes: number;
  failOn: FailOn;
  reportFile: string | null;
  signatures: string | null;
  workspace: string;
  /** The baseline's log files (`--baseline`), null when not given. */
  baseline: string[] | null;
}

export interface CliIo {
  /** May return a promise to apply backpressure (a pipe to a slow reader). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
  /** What standard output is: a terminal (its width) or not. Not a terminal when absent. */
  terminal?: { isTTY: boolean; columns?: number };
  /** The environment, for NO_COLOR. */
  env?: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = {
  stdout: streamWriter(process.stdout),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stdout,
  env: process.env,
};

/**
 * A terminal gets lines wrapped to its width and colour (unless NO_COLOR is set, https://no-color.org);
 * a pipe or a file gets whole lines and no colour.
 */
export function textOptionsFor(terminal: CliIo['terminal'], env: NodeJS.ProcessEnv = {}): TextOptions {
  if (!terminal?.isTTY) return { width: null, color: false };
  const columns = terminal.columns && terminal.columns > 0 ? terminal.columns : 80;
  return { width: columns, color: !env.NO_COLOR };
}

/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let options: CliOptions;
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      await io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return 0;
    }
    // The doctor and the history table are loaded only when their command runs (chunk files beside the entry).
    if (argv[0] === 'doctor') return await (await import('./doctor-command.js')).runDoctorCommand(argv.slice(1), io);
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      await io.stdout(`${USAGE}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    // The benchmark table of several runs: a command of its own (history-command.ts).
    if (argv[0] === 'history') return await (await import('./history-command.js')).runHistoryCli(argv.slice(1), io);
    options = parseAnalyzeArgs(argv);
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${USAGE.split('\n')[0]}\n`);
    return 2;
  }

  let catalog;
  try {
    catalog = await loadCatalog(options.signatures);
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${describeError(error)}\n`);
    return 2;
  }
  const sources: LogSource[] = options.files.map((file) => (file === '-' ? stdinSource(io.stdin) : fileSource(file)));
  const analysis = await analyzeSources(sources, { maxBuildMinutes: options.maxBuildMinutes, workspace: options.workspace }, catalog);
  for (const problem of analysis.problems) io.stderr(`${TOOL_NAME}: ${problem.message}\n`);
  if (analysis.builds.length === 0) return 2;
  // The baseline goes through the same pipeline; its own problems are only worth a line each.
  let baseline = null;
  if (options.baseline) {
    baseline = await analyzeSources(
      options.baseline.map((file) => fileSource(file)),
      { maxBuildMinutes: options.maxBuildMinutes, workspace: options.workspace },
      catalog,
    );
    for (const problem of baseline.problems) io.stderr(`${TOOL_NAME}: baseline: ${problem.message}\n`);
  }
  analysis.comparison = compareAnalyses(analysis, baseline, {
    workspace: options.workspace,
    baselineLabel: options.baseline ? options.baseline.join(', ') : undefined,
  });

  if (options.reportFile) {
    const path = options.reportFile;
    try {
      await writeFileStreaming(path, (write) => writeJsonReport(analysis, write));
    } catch (error) {
      io.stderr(`${TOOL_NAME}: could not write the report to ${path}: ${describeError(error)}\n`);
      return 2;
    }
  }
  if (options.format === 'json') await writeJsonReport(analysis, io.stdout);
  else if (options.format === 'markdown') await io.stdout(renderMarkdown(analysis));
  else await io.stdout(renderText(analysis, textOptionsFor(io.terminal, io.env)));
  return shouldFail(analysis.findings, options.failOn, analysis.omittedBuilds?.findings) ? 1 : 0;
}

const ANALYZE_OPTIONS = ['format', 'max-build-minutes', 'fail-on', 'report-file', 'signatures', 'workspace', 'baseline'] as const;

function parseAnalyzeArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command !== 'analyze') throw new InputError(`unknown command "${command}" (the commands are "analyze", "history" and "doctor")`);
  const options: CliOptions = {
    files: [],
    format: 'text',
    maxBuildMinutes: DEFAULT_ANALYSIS_OPTIONS.maxBuildMinutes,
    failOn: 'never',
    reportFile: null,
    signatures: null,
    workspace: process.cwd(),
    baseline: null,
  };
  // After --baseline, plain arguments are the baseline's files until the next option.
  let readingBaseline = false;
  for (const arg of readArgs(rest, ANALYZE_OPTIONS)) {
    if (arg.kind === 'positional') {
      if (readingBaseline && arg.value === '-') throw new InputError('the baseline cannot be read from standard input');
      if (readingBaseline) options.baseline!.push(arg.value);
      else options.files.push(arg.value);
      continue;
    }
    readingBaseline = false;
    switch (arg.flag) {
      case '--format': {
        const format = arg.value;
        if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new InputError(`--format must be text, markdown or json, not "${format}"`);
        options.format = format;
        break;
      }
      case '--max-build-minutes':
        options.maxBuildMinutes = parseMinutes(arg.value);
        break;
      case '--fail-on':
        options.failOn = parseFailOn(arg.value);
        break;
      case '--report-file':
        options.reportFile = arg.value;
        break;
      case '--signatures':
        options.signatures = arg.value;
        break;
      case '--workspace':
        options.workspace = arg.value;
        break;
      case '--baseline':
        (options.baseline ??= []).push(arg.value);
        readingBaseline = !arg.inline;
        break;
    }
  }
  if (options.files.length === 0) throw new InputError('no log file given (use - for standard input)');
  if (options.baseline?.includes('-')) throw new InputError('the baseline cannot be read from standard input');
  return options;
}
