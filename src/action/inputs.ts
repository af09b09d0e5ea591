import * as core from './workflow-commands.js';
import { parseFailOn, type FailOn } from '../analyze/fail-policy.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../analyze/rule.js';
import { parseMinutes } from '../input/values.js';
import { describeError } from '../input/errors.js';
import { parseCommentMode, type CommentMode } from '../github/comment-mode.js';
import { parseBuildMetadata, type BuildMetadata } from '../buildx/build-metadata.js';
import { parseSizeLimit } from '../text/bytes.js';
import { parseBaselineChoice, type BaselineChoice } from '../github/baseline-run.js';
import { MAX_HISTORY_RUNS } from '../github/history-runs.js';
import { parseSkip } from '../doctor/check.js';
import type { CheckGroup } from '../doctor/check.js';

export type SourceChoice = 'auto' | 'files' | 'jobs' | 'history';
/** `analyze` the build logs, run the live `doctor` checks, or `both`. */
export type ActionMode = 'analyze' | 'doctor' | 'both';

export interface ActionInputs {
  /** Glob patterns of log files, one a line (commas also separate). */
  logs: string[];
  failOn: FailOn;
  maxBuildMinutes: number;
  reportFile: string;
  summary: boolean;
  annotations: boolean;
  /** The team's signature catalog (YAML), null for the built-in one only. */
  signatures: string | null;
  /** The checkout, to point annotations at files. */
  workspace: string;
  source: SourceChoice;
  /** Glob patterns on job names, for the jobs source. */
  jobs: string[];
  /** A past run to diagnose (workflow_dispatch), null for the current one. */
  runId: number | null;
  comment: CommentMode;
  /** Tells apart the comments of several buildx-doctor steps in one job (matrix legs). */
  commentKey: string | null;
  githubToken: string;
  /** How long to wait for jobs of the run that are still running. */
  logWaitSeconds: number;
  /** docker/build-push-action's `metadata` output (JSON), for the history source. */
  metadata: BuildMetadata[];
  /** Build record refs, for the history source. */
  buildRefs: string[];
  /** Measure image sizes in the registry. */
  imageSizes: boolean;
  /** More images to measure, one reference a line. */
  images: string[];
  /** The tag to compare sizes with (default: the repository's default branch). */
  sizeBaseline: string | null;
  maxImageBytes: number | null;
  registryUsername: string | null;
  registryPassword: string | null;
  /** The run to compare with: `auto` (the last green run on the default branch), `off`, a run id, a branch. */
  baseline: BaselineChoice;
  /** The benchmark table of the workflow's last N runs instead of one run's diagnosis; 0 for none. */
  history: number;
  mode: ActionMode;
  /** Doctor check groups not to run. */
  doctorSkip: Set<CheckGroup>;
}

/**
 * Reads the inputs. A bad value never fails the step: it is reported as a warning and the default
 * is used, because buildx-doctor must not turn a build red by itself.
 */
export function readInputs(warnings: string[], env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const tolerant = <T>(name: string, fallback: T, parse: (text: string) => T): T => {
    const text = core.getInput(name);
    if (text.trim() === '') return fallback;
    try {
      return parse(text);
    } catch (error) {
      warnings.push(`input ${name}: ${describeError(error)}; using the default`);
      return fallback;
    }
  };
  const runnerTemp = env.RUNNER_TEMP || '.';
  return {
    logs: list(core.getInput('logs')),
    failOn: tolerant('fail-on', 'never', parseFailOn),
    maxBuildMinutes: tolerant('max-build-minutes', DEFAULT_ANALYSIS_OPTIONS.maxBuildMinutes, parseMinutes),
    reportFile: core.getInput('report-file').trim() || `${runnerTemp}/buildx-doctor/report.json`,
    summary: tolerant('summary', true, parseBoolean),
    annotations: tolerant('annotations', true, parseBoolean),
    signatures: core.getInput('signatures').trim() || null,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    source: tolerant('source', 'auto', parseSource),
    // Newlines only: matrix job names hold commas (`build (linux/amd64, runtime)`).
    jobs: core
      .getInput('jobs')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    runId: tolerant('run-id', null as number | null, (text) => {
      const n = Number(text.trim());
      if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`"${text}" is not a run id (a positive number)`);
      return n;
    }),
    comment: tolerant('comment', 'on-failure', parseCommentMode),
    commentKey: core.getInput('comment-key').trim() || null,
    githubToken: core.getInput('github-token').trim(),
    metadata: tolerant('metadata', [] as BuildMetadata[], parseBuildMetadata),
    buildRefs: list(core.getInput('build-ref')),
    imageSizes: tolerant('image-sizes', true, parseBoolean),
    images: list(core.getInput('images')),
    sizeBaseline: core.getInput('size-baseline').trim() || null,
    maxImageBytes: tolerant('max-image-size', null as number | null, parseSizeLimit),
    registryUsername: core.getInput('registry-username').trim() || null,
    registryPassword: core.getInput('registry-password') || null,
    baseline: tolerant('baseline', { kind: 'auto' }, parseBaselineChoice),
    history: tolerant('history', 0, (text) => {
      const n = Number(text.trim());
      if (!Number.isSafeInteger(n) || n < 0 || n > MAX_HISTORY_RUNS) throw new Error(`"${text}" is not a number of runs from 0 to ${MAX_HISTORY_RUNS}`);
      return n;
    }),
    mode: tolerant('mode', 'analyze', parseMode),
    doctorSkip: tolerant('doctor-skip', new Set<CheckGroup>(), parseSkip),
    logWaitSeconds: tolerant('log-wait-seconds', 120, (text) => {
      const n = Number(text.trim());
      if (!Number.isFinite(n) || n < 0 || n > 3600) throw new Error(`"${text}" is not a number of seconds from 0 to 3600`);
      return n;
    }),
  };
}

function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseSource(text: string): SourceChoice {
  const value = text.trim().toLowerCase();
  if (value === 'auto' || value === 'files' || value === 'jobs' || value === 'history') return value;
  throw new Error(`source must be auto, files, history or jobs, not "${text}"`);
}

function parseMode(text: string): ActionMode {
  const value = text.trim().toLowerCase();
  if (value === 'analyze' || value === 'doctor' || value === 'both') return value;
  throw new Error(`mode must be analyze, doctor or both, not "${text}"`);
}

function parseBoolean(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new Error(`"${text}" is not true or false`);
}
