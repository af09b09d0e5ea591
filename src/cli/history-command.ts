import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { analyzeSources } from '../engine.js';
import { fileSource, type LogSource } from '../input/log-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../analyze/rule.js';
import { historyRow, type HistoryRow, type RunFacts } from '../analyze/history-row.js';
import { historyJson, renderHistoryMarkdown, renderHistoryText } from '../report/history-table.js';
import { describeError, InputError } from '../input/errors.js';
import { TOOL_NAME } from '../version.js';
import type { CliIo } from './cli.js';
import { readArgs } from './args.js';
import { HISTORY_USAGE } from './usage.js';

/**
 * `buildx-doctor history LOG...`: the benchmark table of several runs, one LOG each, as the action's
 * `history: N` writes it. The run id is taken from the file or folder name (`...-17964002949.log`),
 * the date from the log's first timestamp; a saved log does not say the event or the branch.
 */
export async function runHistoryCli(argv: string[], io: CliIo): Promise<number> {
  let format: 'text' | 'markdown' | 'json' = 'text';
  const logs: string[] = [];
  try {
    for (const arg of readArgs(argv, ['format'])) {
      if (arg.kind === 'positional') {
        logs.push(arg.value);
        continue;
      }
      const value = arg.value;
      if (value !== 'text' && value !== 'markdown' && value !== 'json') throw new InputError(`--format must be text, markdown or json, not "${value}"`);
      format = value;
    }
    if (logs.length === 0) throw new InputError('no log given: one `gh run view --log` file or folder of job logs per run');
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${HISTORY_USAGE.trimStart()}\n`);
    return 2;
  }
  const rows: HistoryRow[] = [];
  for (const log of logs) {
    let sources: LogSource[];
    try {
      sources = await runSources(log);
    } catch (error) {
      io.stderr(`${TOOL_NAME}: ${describeError(error)}\n`);
      return 2;
    }
    // One run at a time: each is streamed through the same engine as `analyze`, then only its row is kept.
    const analysis = await analyzeSources(sources, DEFAULT_ANALYSIS_OPTIONS);
    if (analysis.builds.length === 0) {
      for (const problem of analysis.problems) io.stderr(`${TOOL_NAME}: ${problem.message}\n`);
      io.stderr(`${TOOL_NAME}: ${log}: no build found; the run is left out\n`);
      continue;
    }
    rows.push(historyRow(analysis, await factsOf(log, sources)));
  }
  if (rows.length === 0) return 2;
  if (format === 'json') await io.stdout(historyJson(rows));
  else if (format === 'markdown') await io.stdout(renderHistoryMarkdown(rows));
  else await io.stdout(renderHistoryText(rows));
  return 0;
}

/** A file is a run's log; a folder holds one log per job, named after the job (`0_Build runtime.txt`). */
async function runSources(path: string): Promise<LogSource[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(`${path}: no such file or folder`);
  }
  if (!info.isDirectory()) return [fileSource(path)];
  const files: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) if (entry.isFile()) files.push(entry.name);
  if (files.length === 0) throw new InputError(`${path}: the folder holds no log file`);
  return files.sort(byNumberPrefix).map((file) => ({ ...fileSource(join(path, file)), name: jobNameOf(file) }));
}

/** `0_Build runtime.txt` -> `Build runtime`: the name GitHub gives a job's log in a run's log archive. */
function jobNameOf(file: string): string {
  return file.replace(/\.(log|txt)$/i, '').replace(/^\d+_/, '') || file;
}

function byNumberPrefix(a: string, b: string): number {
  const na = Number(/^(\d+)_/.exec(a)?.[1] ?? Number.NaN);
  const nb = Number(/^(\d+)_/.exec(b)?.[1] ?? Number.NaN);
  if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
  return a.localeCompare(b);
}

async function factsOf(log: string, sources: LogSource[]): Promise<RunFacts> {
  const id = /(\d{5,})(?!.*\d{5,})/.exec(basename(log.replace(/[\\/]+$/, '')))?.[1];
  const runId = id && Number.isSafeInteger(Number(id)) ? Number(id) : null;
  return { runId, runNumber: null, url: null, date: await firstTimestamp(sources[0]?.label ?? null), event: null, branch: null };
}

/** The first runner timestamp in the log's first 64 KiB, or null: only that much is read. */
async function firstTimestamp(path: string | null): Promise<string | null> {
  if (!path) return null;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      const match = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\b/.exec(buffer.subarray(0, bytesRead).toString('utf8'));
      return match ? match[1]! : null;
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}
