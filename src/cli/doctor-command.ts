import { writeFile } from 'node:fs/promises';
import { describeError, InputError } from '../input/errors.js';
import { parseFailOn, shouldFail, type FailOn } from '../analyze/fail-policy.js';
import { TOOL_NAME } from '../version.js';
import { parseSkip, runDoctor } from '../doctor/doctor.js';
import { DEFAULT_RESOURCE_OPTIONS } from '../doctor/resource-checks.js';
import { doctorJson, renderDoctorMarkdown, renderDoctorText } from '../doctor/render.js';
import type { CheckGroup } from '../doctor/check.js';
import { versionsOfBuilds, type RunVersions } from '../doctor/version-drift.js';
import { fileSource } from '../input/log-source.js';
import { parseSources } from '../parse/parse-sources.js';
import { readArgs } from './args.js';
import { DOCTOR_USAGE } from './usage.js';
import { createClient } from '../github/api.js';
import type { GitHubAccess } from '../doctor/package-versions.js';

// `buildx-doctor doctor`: the live checks from the command line. With --workflow and
// --skip builder,resources,registry it reads only the given files (no docker, no network).

interface DoctorCliOptions {
  workflows: string[];
  workspace: string;
  skip: Set<CheckGroup>;
  images: string[];
  format: 'text' | 'markdown' | 'json';
  reportFile: string | null;
  /** A past run's saved log (`gh run view --log`), for the builder drift check. */
  log: string | null;
  failOn: FailOn;
  warnFreeBytes: number;
  failFreeBytes: number;
  githubToken: string;
  repository: string | null;
}

/** The GitHub API's time budget for the doctor: a few lookups per image, retries included. */
const API_BUDGET_MS = 60_000;

export interface DoctorIo {
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
}

export async function runDoctorCommand(args: string[], io: DoctorIo): Promise<number> {
  let options: DoctorCliOptions;
  try {
    if (args.includes('--help') || args.includes('-h')) {
      await io.stdout(`${DOCTOR_USAGE}\n`);
      return 0;
    }
    options = parseDoctorArgs(args);
  } catch (error) {
    io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${DOCTOR_USAGE.split('\n')[0]}\n`);
    return 2;
  }
  let pastRun: RunVersions | null = null;
  if (options.log) {
    // Read as `analyze` reads its logs (parseSources: a long log with V8's young generation bounded).
    const parsed = (await parseSources([fileSource(options.log)], null))[0]!;
    if (parsed.builds.length === 0 && parsed.problems.length > 0) {
      io.stderr(`${TOOL_NAME}: --log ${options.log}: ${parsed.problems[0]!.message}\n`);
      return 2;
    }
    pastRun = versionsOfBuilds(parsed.builds, options.log);
  }
  const report = await runDoctor({ ...options, pastRun, github: await githubAccess(options.githubToken) });
  const json = `${JSON.stringify(doctorJson(report), null, 2)}\n`;
  if (options.reportFile) {
    try {
      await writeFile(options.reportFile, json);
    } catch (error) {
      io.stderr(`${TOOL_NAME}: could not write the report to ${options.reportFile}: ${describeError(error)}\n`);
      return 2;
    }
  }
  if (options.format === 'json') await io.stdout(json);
  else if (options.format === 'markdown') await io.stdout(renderDoctorMarkdown(report));
  else await io.stdout(renderDoctorText(report));
  return shouldFail(report.findings, options.failOn) ? 1 : 0;
}

/** The API client when a token is given; else why not, for the checks that need it. */
async function githubAccess(token: string): Promise<GitHubAccess> {
  if (!token) return { client: null, reason: 'no token (set GITHUB_TOKEN or give --github-token)' };
  const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
  if (!/^https?:\/\/[^\s]+$/i.test(apiUrl)) return { client: null, reason: 'GITHUB_API_URL is not an http(s) URL' };
  return { client: await createClient({ token, apiUrl, budgetMs: API_BUDGET_MS, retries: 2 }) };
}

function gigabytes(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new InputError(`${flag} must be a number of GiB, not "${text}"`);
  return Math.round(n * 1024 ** 3);
}

const DOCTOR_OPTIONS = [
  'workflow',
  'workspace',
  'skip',
  'image',
  'format',
  'report-file',
  'log',
  'fail-on',
  'warn-free-gb',
  'fail-free-gb',
  'github-token',
  'repository',
] as const;

function parseDoctorArgs(args: string[]): DoctorCliOptions {
  const options: DoctorCliOptions = {
    workflows: [],
    workspace: process.cwd(),
    skip: new Set(),
    images: [],
    format: 'text',
    reportFile: null,
    log: null,
    failOn: 'never',
    warnFreeBytes: DEFAULT_RESOURCE_OPTIONS.warnFreeBytes,
    failFreeBytes: DEFAULT_RESOURCE_OPTIONS.failFreeBytes,
    githubToken: process.env.GITHUB_TOKEN ?? '',
    repository: process.env.GITHUB_REPOSITORY || null,
  };
  for (const arg of readArgs(args, DOCTOR_OPTIONS)) {
    if (arg.kind === 'positional') throw new InputError(`unexpected argument "${arg.value}" (workflow files go after --workflow)`);
    switch (arg.flag) {
      case '--workflow':
        options.workflows.push(arg.value);
        break;
      case '--workspace':
        options.workspace = arg.value;
        break;
      case '--skip':
        try {
          for (const group of parseSkip(arg.value)) options.skip.add(group);
        } catch (error) {
          throw new InputError(`--skip: ${describeError(error)}`);
        }
        break;
      case '--image':
        options.images.push(arg.value);
        break;
      case '--format': {
        const format = arg.value;
        if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new InputError(`--format must be text, markdown or json, not "${format}"`);
        options.format = format;
        break;
      }
      case '--report-file':
        options.reportFile = arg.value;
        break;
      case '--log':
        options.log = arg.value;
        break;
      case '--fail-on':
        options.failOn = parseFailOn(arg.value);
        break;
      case '--warn-free-gb':
        options.warnFreeBytes = gigabytes(arg.flag, arg.value);
        break;
      case '--github-token':
        options.githubToken = arg.value;
        break;
      case '--repository': {
        const repository = arg.value;
        if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InputError(`--repository must be OWNER/NAME, not "${repository}"`);
        options.repository = repository;
        break;
      }
      case '--fail-free-gb':
        options.failFreeBytes = gigabytes(arg.flag, arg.value);
        break;
    }
  }
  return options;
}
