import * as core from '@actions/core';
import { parseFailOn, type FailOn } from '../analyze/fail-policy.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../analyze/rule.js';
import { parseMinutes } from '../cli/cli.js';
import { describeError } from '../input/errors.js';

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
    logs: core
      .getInput('logs')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
    failOn: tolerant('fail-on', 'never', parseFailOn),
    maxBuildMinutes: tolerant('max-build-minutes', DEFAULT_ANALYSIS_OPTIONS.maxBuildMinutes, parseMinutes),
    reportFile: core.getInput('report-file').trim() || `${runnerTemp}/buildx-doctor/report.json`,
    summary: tolerant('summary', true, parseBoolean),
    annotations: tolerant('annotations', true, parseBoolean),
    signatures: core.getInput('signatures').trim() || null,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
  };
}

function parseBoolean(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new Error(`"${text}" is not true or false`);
}
