// End-to-end check of the engine against genuine BuildKit output: a real dockerd (Debian's Docker
// 20.10 with its built-in BuildKit, see support/real-dockerd.ts) builds the fixture contexts, and
// the report made from each `--progress=plain` output is compared with what was actually built.
// Expected steps come from the fixtures' Dockerfiles, never from what the parser printed.
//
// Needs root and the packages of scripts/ensure-test-deps.sh. It fails (it does not skip) when the
// daemon cannot start.
//   node --experimental-vm-modules node_modules/jest/bin/jest.js real-buildkit
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDockerd, type BuildResult, type RealDockerd } from './support/real-dockerd.js';
import { textSource } from '../src/input/log-source.js';
import { parseSource, type ParsedSource } from '../src/parse/parse-source.js';
import { analyze, type Analysis } from '../src/analyze/analyze.js';
import { analyzeSources } from '../src/engine.js';
import { toJsonReport } from '../src/report/json-report.js';
import { expectValidReport } from './support/report-schema.js';
import type { Build, Step } from '../src/model.js';

const contexts = path.join(process.cwd(), '__tests__', 'fixtures', 'contexts');
const context = (name: string) => path.join(contexts, name);
const OPTIONS = { maxBuildMinutes: 60, workspace: null };
const BUILD_TEST_TIMEOUT_MS = 180_000;

// --- what the Dockerfile says ---------------------------------------------------------------

interface ExpectedInstruction {
  keyword: string;
  /** Everything after the keyword, whitespace collapsed (line continuations joined). */
  args: string;
  /** As BuildKit prints it: null for a single-stage file, else the `AS` name or `stage-N`. */
  stage: string | null;
  /** The `FROM ... AS name` of the stage, null when unnamed. */
  declaredName: string | null;
  stageNumber: number;
  index: number;
  total: number;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Reads a Dockerfile into its instructions, with the `[stage i/n]` BuildKit gives each one. */
function readDockerfile(contextDir: string): ExpectedInstruction[] {
  const text = fs.readFileSync(path.join(contextDir, 'Dockerfile'), 'utf8');
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || (pending === '' && trimmed === '')) continue;
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, '') + ' ';
      continue;
    }
    logical.push(collapse(pending + line));
    pending = '';
  }
  if (pending.trim() !== '') logical.push(collapse(pending));

  const stages: Array<{ name: string | null; lines: string[] }> = [];
  for (const line of logical) {
    const keyword = line.split(' ')[0]!.toUpperCase();
    if (keyword === 'FROM') {
      const as = /\sAS\s+(\S+)$/i.exec(line);
      stages.push({ name: as ? as[1]! : null, lines: [line] });
    } else {
      if (stages.length === 0) throw new Error(`${contextDir}/Dockerfile: "${line}" before the first FROM`);
      stages[stages.length - 1]!.lines.push(line);
    }
  }
  const multiStage = stages.length > 1;
  return stages.flatMap((stage, stageNumber) =>
    stage.lines.map((line, i) => {
      const space = line.indexOf(' ');
      return {
        keyword: line.slice(0, space).toUpperCase(),
        args: line.slice(space + 1),
        stage: multiStage ? (stage.name ?? `stage-${stageNumber}`) : null,
        declaredName: stage.name,
        stageNumber,
        index: i + 1,
        total: stage.lines.length,
      };
    }),
  );
}

// --- what the engine made of the output -------------------------------------------------------

interface Report {
  result: BuildResult;
  parsed: ParsedSource;
  analysis: Analysis;
  /** The JSON report, as a consumer would read it. */
  json: {
    status: string;
    cacheHitRatio: number | null;
    builds: Array<{ status: string; steps: Array<{ status: string; cached: boolean; index: number | null; stage: string | null }> }>;
    findings: Array<{ id: string; severity: string }>;
  };
}

async function report(label: string, result: BuildResult): Promise<Report> {
  const parsed = await parseSource(textSource(label, result.output));
  const analysis = analyze(parsed.builds, parsed.problems, OPTIONS);
  const json = JSON.parse(JSON.stringify(toJsonReport(analysis))) as Report['json'];
  expectValidReport(json);
  // The engine entry point (what the CLI and the action call) must agree with the pieces.
  const viaEngine = await analyzeSources([textSource(label, result.output)], OPTIONS);
  expect(viaEngine.status).toBe(analysis.status);
  expect(viaEngine.builds.map((b) => b.build.steps.length)).toEqual(analysis.builds.map((b) => b.build.steps.length));
  return { result, parsed, analysis, json };
}

/** Runs assertions; when one fails, its message carries the build output, numbered. */
async function withOutput(result: BuildResult, check: () => void | Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const numbered = result.output
      .split('\n')
      .map((l, i) => `${String(i + 1).padStart(4)}  ${l}`)
      .join('\n');
    if (error instanceof Error) error.message += `\n--- build output (exit ${result.exitCode}) ---\n${numbered}`;
    throw error;
  }
}

const instructionSteps = (build: Build) => build.steps.filter((s) => s.kind === 'instruction');

/** The one instruction step at `[stage index/total]`; fails when there is none or several. */
function stepAt(build: Build, stage: string | null, index: number): Step {
  const found = instructionSteps(build).filter((s) => s.stage === stage && s.index === index);
  expect(found.map((s) => `[${s.stage ?? ''} ${s.index}/${s.total}] ${s.instruction}`)).toHaveLength(1);
  return found[0]!;
}

function expectStepMatches(step: Step, want: ExpectedInstruction): void {
  expect({ stage: step.stage, index: step.index, total: step.total, instruction: step.instruction, kind: step.kind }).toEqual({
    stage: want.stage,
    index: want.index,
    total: want.total,
    instruction: want.keyword,
    kind: 'instruction',
  });
  // BuildKit prints FROM with the normalised image reference and without `AS name`.
  if (want.keyword !== 'FROM') expect(collapse(step.command)).toBe(want.args);
}

function onlyBuild(r: Report): Build {
  expect(r.parsed.problems).toEqual([]);
  expect(r.parsed.builds).toHaveLength(1);
  expect(r.analysis.builds).toHaveLength(1);
  return r.parsed.builds[0]!;
}

// --- the tests --------------------------------------------------------------------------------

describe('reports made from a real BuildKit (Docker 20.10) build', () => {
  let dockerd: RealDockerd | undefined;

  beforeAll(async () => {
    // No try/catch: when the daemon cannot start, every test here must fail, not skip.
    dockerd = await startDockerd();
  }, 90_000);

  afterAll(async () => {
    await dockerd?.stop();
  }, 60_000);

  const build = (name: string, opts?: Parameters<RealDockerd['build']>[1]) => {
    if (!dockerd) throw new Error('dockerd did not start (see beforeAll)');
    return dockerd.build(context(name), opts);
  };

  it(
    'first build runs every step, the rebuild takes every step from the cache',
    async () => {
      const dir = context('cached-three-step');
      const expected = readDockerfile(dir);
      const nonFrom = expected.filter((e) => e.keyword !== 'FROM');
      const sleepStep = expected.find((e) => e.keyword === 'RUN' && /\bsleep 1\b/.test(e.args));
      expect(sleepStep).toBeDefined();
      expect(nonFrom.length).toBeGreaterThan(0);
      const tag = `bxd/real-buildkit:it-${process.pid}-${Date.now()}`;

      const firstResult = await build('cached-three-step', { tag, noCache: true });
      await withOutput(firstResult, async () => {
        expect(firstResult.exitCode).toBe(0);
        const first = await report('first-build.log', firstResult);
        const b = onlyBuild(first);
        expect(b.status).toBe('success');
        expect(first.analysis.status).toBe('success');
        expect(first.json.status).toBe('success');

        expect(instructionSteps(b)).toHaveLength(expected.length);
        for (const want of expected) {
          const step = stepAt(b, want.stage, want.index);
          expectStepMatches(step, want);
          if (want.keyword === 'FROM') continue;
          expect({ step: step.name, cached: step.cached, status: step.status }).toEqual({ step: step.name, cached: false, status: 'done' });
          expect(step.seconds).not.toBeNull();
          expect(step.seconds!).toBeGreaterThanOrEqual(0);
        }
        const slept = stepAt(b, sleepStep!.stage, sleepStep!.index);
        expect(slept.seconds!).toBeGreaterThanOrEqual(0.9);

        const cache = first.analysis.builds[0]!.cache;
        expect(cache).toEqual({ hits: 0, misses: nonFrom.length, ratio: 0 });
        expect(first.json.cacheHitRatio).toBe(0);
      });

      const secondResult = await build('cached-three-step', { tag });
      await withOutput(secondResult, async () => {
        expect(secondResult.exitCode).toBe(0);
        const second = await report('cached-build.log', secondResult);
        const b = onlyBuild(second);
        expect(b.status).toBe('success');
        expect(second.analysis.status).toBe('success');
        expect(second.json.status).toBe('success');

        expect(instructionSteps(b)).toHaveLength(expected.length);
        for (const want of expected) {
          const step = stepAt(b, want.stage, want.index);
          expectStepMatches(step, want);
          if (want.keyword === 'FROM') continue;
          expect({ step: step.name, cached: step.cached, status: step.status }).toEqual({ step: step.name, cached: true, status: 'cached' });
        }

        const cache = second.analysis.builds[0]!.cache;
        expect(cache).toEqual({ hits: nonFrom.length, misses: 0, ratio: 1 });
        expect(second.json.cacheHitRatio).toBe(1);

        const images = b.images.filter((i) => i.ref.includes(tag));
        expect(images).toHaveLength(1);
        expect(images[0]!.pushed).toBe(false);
        expect(b.images.every((i) => !i.pushed)).toBe(true);
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );

  it(
    'a RUN that exits 101 fails the build, with the compiler error as evidence',
    async () => {
      const expected = readDockerfile(context('failing-run'));
      const failingRun = expected.filter((e) => e.keyword === 'RUN' && /\bexit 101\b/.test(e.args));
      expect(failingRun).toHaveLength(1);
      const want = failingRun[0]!;

      const result = await build('failing-run');
      await withOutput(result, async () => {
        expect(result.exitCode).not.toBe(0);
        const r = await report('failing-run.log', result);
        const b = onlyBuild(r);
        expect(b.status).toBe('failure');
        expect(r.analysis.status).toBe('failure');
        expect(r.json.status).toBe('failure');

        const step = stepAt(b, want.stage, want.index);
        expectStepMatches(step, want);
        expect(step.status).toBe('error');
        expect(step.error).not.toBeNull();
        expect(step.error!).toMatch(/exit code:? 101\b/);
        // It is the only step in error.
        expect(b.steps.filter((s) => s.status === 'error').map((s) => s.name)).toEqual([step.name]);

        expect(r.analysis.findings.length).toBeGreaterThan(0);
        const finding = r.analysis.findings[0]!;
        expect(finding.severity).toBe('error');
        expect(r.json.findings[0]!.severity).toBe('error');

        const lines = result.output.split('\n');
        const compilerError = finding.evidence.filter((e) => e.text.includes('error[E0425]'));
        expect(compilerError.length).toBeGreaterThan(0);
        for (const e of finding.evidence) {
          expect({ line: e.line, printed: lines[e.line - 1] ?? '(no such line)', quoted: e.text }).toEqual(
            expect.objectContaining({ printed: expect.stringContaining(e.text) }),
          );
        }
        // The compiler error really is a line of that step's output in the log.
        const printed = lines[compilerError[0]!.line - 1]!;
        expect(printed).toMatch(new RegExp(`^#${step.id} \\d+\\.\\d+ error\\[E0425\\]`));
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );

  it(
    'a COPY of a missing file fails the build at that COPY',
    async () => {
      const expected = readDockerfile(context('failing-copy'));
      // The Dockerfile copies one file that is in the context and one that is not.
      const present = new Set(fs.readdirSync(context('failing-copy')));
      const missingCopies = expected.filter((e) => e.keyword === 'COPY' && !present.has(e.args.split(' ')[0]!));
      expect(missingCopies).toHaveLength(1);
      const want = missingCopies[0]!;

      const result = await build('failing-copy');
      await withOutput(result, async () => {
        expect(result.exitCode).not.toBe(0);
        const r = await report('failing-copy.log', result);
        const b = onlyBuild(r);
        expect(b.status).toBe('failure');
        expect(r.analysis.status).toBe('failure');
        expect(r.json.status).toBe('failure');

        const step = stepAt(b, want.stage, want.index);
        expectStepMatches(step, want);
        expect(step.status).toBe('error');
        expect(step.error ?? '').toContain(want.args.split(' ')[0]!);
        expect(b.steps.filter((s) => s.status === 'error').map((s) => s.name)).toEqual([step.name]);

        // No instruction after the failing COPY finished. BuildKit normally does not print them at
        // all (the solve stops before them); any that is printed must not be `done`.
        const laterInFile = expected.filter((e) => e.stage === want.stage && e.index > want.index);
        expect(laterInFile.length).toBeGreaterThan(0);
        for (const e of laterInFile) {
          const shown = instructionSteps(b).filter((s) => s.stage === e.stage && s.index === e.index);
          for (const s of shown) expect({ step: s.name, status: s.status }).not.toEqual({ step: s.name, status: 'done' });
        }

        expect(r.analysis.findings[0]?.severity).toBe('error');
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );

  it(
    'a multi-stage build names each step with its stage',
    async () => {
      const expected = readDockerfile(context('multi-stage'));
      const stageNames = [...new Set(expected.map((e) => e.stage))];
      expect(stageNames.length).toBeGreaterThan(1);
      // The fixture has a named stage and an unnamed final stage.
      expect(expected.some((e) => e.declaredName !== null)).toBe(true);
      expect(expected.some((e) => e.declaredName === null)).toBe(true);
      const copyFrom = expected.filter((e) => e.keyword === 'COPY' && /--from=/.test(e.args));
      expect(copyFrom.length).toBeGreaterThan(0);

      const result = await build('multi-stage', { tag: `bxd/real-buildkit-multi:it-${process.pid}-${Date.now()}` });
      await withOutput(result, async () => {
        expect(result.exitCode).toBe(0);
        const r = await report('multi-stage.log', result);
        const b = onlyBuild(r);
        expect(b.status).toBe('success');
        expect(r.analysis.status).toBe('success');
        expect(r.json.status).toBe('success');

        // Every instruction but FROM is its own vertex, printed as `[stage i/n]`.
        for (const want of expected.filter((e) => e.keyword !== 'FROM')) {
          expectStepMatches(stepAt(b, want.stage, want.index), want);
        }
        // BuildKit merges identical vertices: two stages `FROM` the same image share one vertex,
        // printed with one of the stages' names. Each FROM shown must still be one of the file's.
        const froms = instructionSteps(b).filter((s) => s.instruction === 'FROM');
        expect(froms.length).toBeGreaterThan(0);
        for (const s of froms) {
          const match = expected.find((e) => e.keyword === 'FROM' && e.stage === s.stage && e.index === s.index);
          expect({ step: s.name, inDockerfile: match !== undefined }).toEqual({ step: s.name, inDockerfile: true });
          expectStepMatches(s, match!);
        }
        // No instruction step the Dockerfile does not have.
        for (const s of instructionSteps(b)) expect(stageNames).toContain(s.stage);
        expect(instructionSteps(b).length).toBeLessThanOrEqual(expected.length);

        for (const want of copyFrom) {
          const step = stepAt(b, want.stage, want.index);
          expect(step.instruction).toBe('COPY');
          expect(step.command).toMatch(/^--from=\S+ /);
          expect(step.status).toBe('done');
        }
        expect(b.steps.every((s) => s.status !== 'error' && s.status !== 'running')).toBe(true);
      });
    },
    BUILD_TEST_TIMEOUT_MS,
  );
});
