// The published JSON Schemas (schema/) against the types they come from and against the reports
// buildx-doctor writes: the committed schemas must be what `npm run schema` generates, they must
// refuse what the contract does not allow, and every fixture log the project has, through the whole
// engine, must give a report they accept (streamed, as files are written, and in memory).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, FIXTURES, SAMPLE } from './support/analyze-text.js';
import { expectValidDoctorReport, expectValidHistory, expectValidReport, schemaErrors, SCHEMA_FILES, validated } from './support/report-schema.js';
import { analyzeSources } from '../src/engine.js';
import { fileSource, textSource } from '../src/input/log-source.js';
import { DEFAULT_ANALYSIS_OPTIONS } from '../src/analyze/rule.js';
import { toJsonReport, writeJsonReport } from '../src/report/json-report.js';
import { compareAnalyses } from '../src/compare/compare.js';
import { historyRow } from '../src/analyze/history-row.js';
import { historyJson } from '../src/report/history-table.js';
import { runDoctor } from '../src/doctor/doctor.js';
import { doctorJson } from '../src/doctor/render.js';
import { doctorSection } from '../src/action/doctor-step.js';
import type { Analysis } from '../src/analyze/analyze.js';
import { CASES, matrix } from './support/report-cases.js';
import { tempDir } from './support/temp-dir.js';

const generator = join(ROOT, 'scripts', 'generate-schema.mjs');

/** The report as a file gets it: streamed by writeJsonReport. */
async function streamed(analysis: Analysis, extra: Parameters<typeof writeJsonReport>[2] = {}): Promise<string> {
  let text = '';
  await writeJsonReport(
    analysis,
    (chunk) => {
      text += chunk;
    },
    extra,
  );
  return text;
}

/** Both forms of the report of an analysis must be valid (and they are the same document). */
async function expectValidReports(analysis: Analysis): Promise<void> {
  const text = await streamed(analysis);
  expectValidReport(text);
  expect(JSON.parse(text)).toEqual(toJsonReport(analysis));
}

const files = (dir: string, keep: (name: string) => boolean = () => true) =>
  readdirSync(join(FIXTURES, dir))
    .filter(keep)
    .map((name) => join(FIXTURES, dir, name));

/** Every log fixture the project keeps: captures of real builds in every progress form, and the sample run. */
const LOGS = [
  SAMPLE,
  ...files('logs'),
  ...files('baseline', (n) => n.endsWith('.log')),
  ...files('rawjson'),
  ...files('modern/captures'),
  ...files('history', (n) => n.endsWith('.stderr')),
];

/** The excerpts of the labelled failure corpora (public issues), each one log. */
const EXCERPTS = [join(FIXTURES, 'failures', 'cases.jsonl'), ...files('unseen', (n) => n.endsWith('.jsonl'))].flatMap((file) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; excerpt: string }),
);

describe('the published schemas', () => {
  it('are what the report types generate (`npm run schema`)', () => {
    const run = spawnSync(process.execPath, [generator, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the freshness check fails on a schema that differs from the types, naming it', () => {
    const dir = tempDir('bxd-schema-');
    mkdirSync(join(dir, 'schema'));
    for (const file of Object.values(SCHEMA_FILES)) cpSync(file, join(dir, 'schema', basename(file)));
    const report = join(dir, 'schema', 'report-v1.schema.json');
    writeFileSync(report, readFileSync(report, 'utf8').replace('"cacheHitRatio"', '"cacheRatio"'));
    const run = spawnSync(process.execPath, [generator, '--check', '--dir', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('schema/report-v1.schema.json stale');
    expect(run.stderr).not.toContain('history-v1');
  });

  it("name no field the README's JSON sections do not show, and are linked from there", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const documented = readme.slice(readme.indexOf('## The JSON report'), readme.indexOf('## Development'));
    const fields = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'properties') Object.keys(value as object).forEach((name) => fields.add(name));
          walk(value);
        }
      }
    };
    for (const file of Object.values(SCHEMA_FILES)) {
      walk(JSON.parse(readFileSync(file, 'utf8')));
      expect(documented).toContain(`](schema/${basename(file)})`);
    }
    expect(fields.size).toBeGreaterThan(80);
    expect([...fields].filter((name) => !documented.includes(`"${name}"`))).toEqual([]);
  });

  it('refuse a report that breaks the contract: a renamed field, a value outside a union, a missing array, a fractional line', async () => {
    const analysis = await analyzeSources([fileSource(join(FIXTURES, 'logs', 'buildx0.29-b1-fail-plain.log'))], DEFAULT_ANALYSIS_OPTIONS);
    const good = toJsonReport(analysis);
    expect(schemaErrors('report', good)).toEqual([]);
    const broken = (
      change: (report: Record<string, unknown> & { builds: Array<Record<string, unknown> & { steps: Array<Record<string, unknown>> }> }) => void,
    ) => {
      const copy = structuredClone(good) as unknown as Parameters<typeof change>[0];
      change(copy);
      return schemaErrors('report', copy);
    };
    const renamed = broken((r) => {
      r.builds[0]!.jobSecs = r.builds[0]!.jobSeconds;
      delete r.builds[0]!.jobSeconds;
    });
    expect(renamed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/builds\/0 must have required property 'jobSeconds'/),
        expect.stringMatching(/^\/builds\/0 must NOT have additional properties .*jobSecs/),
      ]),
    );
    expect(broken((r) => (r.status = 'failed'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/status must be equal to one of the allowed values/)]),
    );
    expect(broken((r) => (r.builds[0]!.steps[0]!.kind = 'step'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/builds\/0\/steps\/0\/kind must be equal to one of the allowed values/)]),
    );
    expect(broken((r) => delete r.groups)).toEqual([expect.stringMatching(/^\/ must have required property 'groups'/)]);
    expect(broken((r) => (r.builds[0]!.steps[0]!.line = 1.5))).toEqual([expect.stringMatching(/^\/builds\/0\/steps\/0\/line must be integer/)]);
    expect(broken((r) => (r.schemaVersion = 2))).toEqual([expect.stringMatching(/^\/schemaVersion must be equal to constant/)]);
    // The doctor's report is a document of its own: the analysis report is not one.
    expect(schemaErrors('doctor', good).length).toBeGreaterThan(0);
  });
});

describe('every report the fixtures make is valid', () => {
  it(`the log fixtures (${LOGS.length}), one report each, streamed and in memory`, async () => {
    const before = validated.report;
    for (const log of LOGS) {
      const analysis = await analyzeSources([fileSource(log)], DEFAULT_ANALYSIS_OPTIONS);
      await expectValidReports(analysis);
    }
    expect(validated.report - before).toBe(LOGS.length);
  });

  it('all log fixtures in one report, and a report of nothing (inputs that could not be used)', async () => {
    await expectValidReports(
      await analyzeSources(
        LOGS.map((log) => fileSource(log)),
        DEFAULT_ANALYSIS_OPTIONS,
      ),
    );
    const nothing = await analyzeSources([textSource('empty.log', ''), fileSource(join(FIXTURES, 'no-such.log'))], DEFAULT_ANALYSIS_OPTIONS);
    expect(nothing.problems.length).toBe(2);
    await expectValidReports(nothing);
  });

  it(`the failure corpora's excerpts (${EXCERPTS.length}), diagnosed`, async () => {
    expect(EXCERPTS.length).toBeGreaterThan(100);
    for (const { id, excerpt } of EXCERPTS) await expectValidReports(await analyzeSources([textSource(`${id}.log`, excerpt)], DEFAULT_ANALYSIS_OPTIONS));
  });

  it("the reports' cases (the publish run, failing matrices) and a matrix of 100 builds", async () => {
    for (const c of CASES) await expectValidReports(await c.analysis());
    await expectValidReports(await analyzeSources([textSource('run.log', matrix(100))], DEFAULT_ANALYSIS_OPTIONS));
  });

  it('every baseline pair, compared as `--baseline` does (cache breaks, deltas, the baseline build), and without a baseline', async () => {
    const dir = join(FIXTURES, 'baseline');
    const heads = readdirSync(dir).filter((n) => n.endsWith('.log') && !n.includes('baseline'));
    expect(heads.length).toBeGreaterThan(10);
    let breaks = 0;
    // The pairs as fixtures/baseline/README.md lists them: a few have a baseline and a workspace of their own.
    const BASE: Record<string, string> = { 'mode-min': 'baseline-min', evicted: 'baseline-evicted', 'platform-added': 'baseline-platform' };
    const WORKSPACE: Record<string, string> = { edited: 'workspace-edited', 'platform-added': 'workspace-platform' };
    for (const head of heads) {
      const [form, change] = [head.slice(0, head.indexOf('-')), head.slice(head.indexOf('-') + 1, -'.log'.length)];
      const base = `${form}-${BASE[change] ?? 'baseline'}.log`;
      const workspace = WORKSPACE[change] ?? 'workspace';
      const analysis = await analyzeSources([fileSource(join(dir, head))], DEFAULT_ANALYSIS_OPTIONS);
      const baseline = await analyzeSources([fileSource(join(dir, base))], DEFAULT_ANALYSIS_OPTIONS);
      analysis.comparison = compareAnalyses(analysis, baseline, { workspace: join(dir, workspace), baselineLabel: base });
      if (analysis.comparison.builds.some((b) => b.cacheBreak !== null)) breaks++;
      await expectValidReports(analysis);
      analysis.comparison = compareAnalyses(analysis, null, {});
      await expectValidReports(analysis);
    }
    // The pairs exist to break the cache: the optional sections were really filled and checked.
    expect(breaks).toBeGreaterThan(heads.length / 2);
  });

  it('the doctor on every workflow fixture: its own report, and its section of an analysis report (`mode: both`)', async () => {
    const workflows = files('workflows', (n) => n.endsWith('.yml'));
    const offline = async () => ({ ok: false as const, reason: 'docker: not found' });
    const analysis = await analyzeSources([fileSource(SAMPLE)], DEFAULT_ANALYSIS_OPTIONS);
    let findings = 0;
    for (const workflow of workflows) {
      const report = await runDoctor({
        workspace: join(FIXTURES, 'workflows'),
        workflows: [workflow],
        skip: new Set(),
        images: ['ghcr.io/acme/app:main'],
        docker: offline,
      });
      findings += report.findings.length;
      expectValidDoctorReport(JSON.stringify(doctorJson(report)));
      expectValidReport(await streamed(analysis, doctorSection(report)));
    }
    expect(findings).toBeGreaterThan(workflows.length / 2);
  });

  it('the benchmark rows of the sample run and of the log fixtures', async () => {
    const rows = [];
    for (const log of [SAMPLE, ...files('logs')]) {
      const analysis = await analyzeSources([fileSource(log)], DEFAULT_ANALYSIS_OPTIONS);
      if (analysis.builds.length > 0) rows.push(historyRow(analysis, { runId: null, runNumber: null, url: null, date: null, event: null, branch: null }));
    }
    rows.push({
      ...rows[0]!,
      runId: 17964002949,
      runNumber: 12,
      url: 'https://github.com/o/r/actions/runs/17964002949',
      date: '2025-09-24T01:56:21Z',
      event: 'push',
      branch: 'main',
    });
    expectValidHistory(historyJson(rows));
    expect(schemaErrors('history', historyJson([{ ...rows[0]!, date: 'yesterday' }]))).toEqual([
      expect.stringMatching(/^\/runs\/0\/date must match format "date-time"/),
    ]);
  });
});
