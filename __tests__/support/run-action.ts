import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ROOT } from './analyze-text.js';
import { needsRealComponent } from './test-tier.js';
import { expectValidDoctorReport, expectValidHistory, expectValidReport } from './report-schema.js';
import { tempDir } from './temp-dir.js';

/** Node binary that runs the bundle: this one, or the runner's (`BXD_NODE_BIN`, set by .ci/run to Node 24). */
export const NODE_BIN = process.env.BXD_NODE_BIN || process.execPath;

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  runnerTemp: string;
}

/**
 * Runs `dist/index.js` the way the GitHub runner does: inputs as INPUT_* variables, the event file,
 * GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, the workspace as working directory, no node_modules.
 */
interface Prepared {
  base: string;
  workspace: string;
  runnerTemp: string;
  summaryFile: string;
  outputFile: string;
  env: NodeJS.ProcessEnv;
}

function prepare(inputs: Record<string, string>, setup: (workspace: string) => void, env: Record<string, string>, event: object | string): Prepared {
  needsRealComponent('the bundled action (dist/index.js)');
  // Removed after the test file (temp-dir.ts): the test reads the run's files once it has ended.
  const base = tempDir('bxd-action-');
  const workspace = join(base, 'workspace');
  const runnerTemp = join(base, 'runner-temp');
  for (const dir of [workspace, runnerTemp]) spawnSync('mkdir', ['-p', dir]);
  const summaryFile = join(runnerTemp, 'step-summary.md');
  const outputFile = join(runnerTemp, 'github-output');
  const eventFile = join(runnerTemp, 'event.json');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  // A string is written as it is: a malformed event file.
  writeFileSync(eventFile, typeof event === 'string' ? event : JSON.stringify(event));
  setup(workspace);
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
  return {
    base,
    workspace,
    runnerTemp,
    summaryFile,
    outputFile,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: base,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: 'afewell-hh/Demon',
      GITHUB_RUN_ID: '17964002949',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: runnerTemp,
      // The run's own temporary directory (__tests__/support/global-setup.ts): what the action puts
      // under os.tmpdir() (a docker login's config) is then checked for by the run's guard.
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      ...inputEnv,
      ...env,
    },
  };
}

function collect(prepared: Prepared, code: number | null, stdout: string, stderr: string): ActionRun {
  const outputs = existsSync(prepared.outputFile) ? parseOutputFile(readFileSync(prepared.outputFile, 'utf8')) : {};
  expectValidDocuments(prepared, outputs);
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary: existsSync(prepared.summaryFile) ? readFileSync(prepared.summaryFile, 'utf8') : '',
    workspace: prepared.workspace,
    runnerTemp: prepared.runnerTemp,
  };
}

/**
 * The documents a run says it wrote (the `report-file` and `history-file` outputs) must meet their
 * published schemas: every e2e run is a schema test too. `mode: doctor` writes the doctor's report.
 */
function expectValidDocuments(prepared: Prepared, outputs: Record<string, string>): void {
  const read = (path: string) => readFileSync(isAbsolute(path) ? path : join(prepared.workspace, path), 'utf8');
  const doctorOnly = prepared.env.INPUT_MODE?.trim().toLowerCase() === 'doctor';
  if (outputs['report-file']) (doctorOnly ? expectValidDoctorReport : expectValidReport)(read(outputs['report-file']));
  if (outputs['history-file']) expectValidHistory(read(outputs['history-file']));
}

const DEFAULT_EVENT = { ref: 'refs/heads/main', repository: { full_name: 'afewell-hh/Demon', default_branch: 'main' } };

/**
 * Runs `dist/index.js` the way the GitHub runner does: inputs as INPUT_* variables, the event file,
 * GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, the workspace as working directory, no node_modules.
 */
export function runAction(inputs: Record<string, string>, setup: (workspace: string) => void = () => undefined, env: Record<string, string> = {}): ActionRun {
  const prepared = prepare(inputs, setup, env, DEFAULT_EVENT);
  const result = spawnSync(NODE_BIN, [join(ROOT, 'dist', 'index.js')], { cwd: prepared.workspace, encoding: 'utf8', timeout: 60_000, env: prepared.env });
  return collect(prepared, result.status, result.stdout, result.stderr);
}

/** The same, without blocking this process: for tests whose API server runs in the test itself. */
export function runActionAsync(
  inputs: Record<string, string>,
  options: { setup?: (workspace: string) => void; env?: Record<string, string>; event?: object | string; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ActionRun> {
  const prepared = prepare(inputs, options.setup ?? (() => undefined), options.env ?? {}, options.event ?? DEFAULT_EVENT);
  return new Promise((resolve) => {
    // nodeArgs: `--import` a fault to inject, `--max-old-space-size` to bound memory.
    const child = spawn(NODE_BIN, [...(options.nodeArgs ?? []), join(ROOT, 'dist', 'index.js')], { cwd: prepared.workspace, env: prepared.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(collect(prepared, code, stdout, stderr));
    });
  });
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}
