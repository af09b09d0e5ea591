// The benchmark table: rows made from the real first-publish run (17964002949), the runbook's table
// reproduced, hostile names kept in their cells, and the CLI's `history` command over a saved run log
// and a folder of job logs. The charts drawn by the real Mermaid as GitHub does: history-table.render.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFile, SAMPLE } from './support/analyze-text.js';
import { splitRunLog } from './support/fake-github.js';
import { FIRST_PUBLISH, WARM_PR } from './support/history-rows.js';
import { historyRow, type HistoryRow } from '../src/analyze/history-row.js';
import { buildChart, cacheWord, historyJson, renderHistoryMarkdown, renderHistoryText } from '../src/report/history-table.js';
import { expectValidHistory } from './support/report-schema.js';
import { runCli } from '../src/cli/cli.js';

let cold: HistoryRow;
let dir: string;
beforeAll(async () => {
  cold = historyRow(await analyzeFile(SAMPLE), FIRST_PUBLISH);
  dir = mkdtempSync(join(tmpdir(), 'bxd-history-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a run folded into its row', () => {
  it('the first publish: one component per job, its job and build minutes, cold', () => {
    expect(cold.components.map((c) => [c.name, c.jobSeconds, c.buildSeconds, c.status])).toEqual([
      ['Build runtime', 3859.6, 3829.3, 'success'],
      ['Build engine', 3892.2, 3864.5, 'success'],
      ['Build operate-ui', 4710.4, 4688.9, 'success'],
    ]);
    expect(cold.cacheRatio).toBe(0);
    expect(cacheWord(cold.cacheRatio)).toBe('cold cache (0% cached)');
  });

  it('two builds in one job are one component: their build times add up, the job counts once, the worst status wins', async () => {
    const analysis = await analyzeFile(SAMPLE);
    const runtime = analysis.builds.find((b) => b.build.name === 'Build runtime')!;
    const second = { ...runtime, build: { ...runtime.build, name: 'Build runtime #2', job: null, buildSeconds: 10.7, status: 'failure' as const } };
    const row = historyRow({ ...analysis, builds: [runtime, second] }, FIRST_PUBLISH);
    expect(row.components).toEqual([{ name: 'Build runtime', jobSeconds: 3859.6, buildSeconds: 3840, status: 'failure' }]);
  });
});

describe('the runbook table, generated', () => {
  it('reproduces the runbook: the cold first publish, then the warm pull request run, oldest first', () => {
    const markdown = renderHistoryMarkdown([WARM_PR, cold], 'Docker Publish');
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('### 📊 Docker Publish: 2 runs');
    expect(lines).toContain('| Run | Date (UTC) | Context | Build runtime | Build engine | Build operate-ui |');
    const rows = lines.filter((l) => l.startsWith('| ['));
    expect(rows).toEqual([
      '| [17964002949](https://github.com/afewell-hh/Demon/actions/runs/17964002949) | 2025-09-24 | push · main · cold cache \\(0% cached\\) | 64.3 min | 64.9 min | 78.5 min |',
      '| [18020300302](https://github.com/afewell-hh/Demon/actions/runs/18020300302) | 2025-09-25 | pull\\_request · feature/cache · warm cache \\(94% cached\\) | 6.9 min | 6.8 min | 10.8 min |',
    ]);
  });

  it('a chart per component: build minutes of each run, by run number', () => {
    expect(buildChart([cold, WARM_PR], 'Build operate-ui')).toBe(
      [
        'xychart-beta',
        '  title "Build operate-ui: build minutes per run"',
        '  x-axis "run" ["12", "13"]',
        '  y-axis "minutes" 0 --> 86',
        '  bar [78.1, 10.2]',
      ].join('\n'),
    );
    expect(buildChart([cold], 'Build docs')).toBeNull();
  });

  it('a component missing from a run is a dash; a failed one carries its status', () => {
    const third: HistoryRow = {
      ...WARM_PR,
      runId: 3,
      runNumber: 14,
      date: '2025-09-26T00:00:00Z',
      components: [{ name: 'Build engine', jobSeconds: 120, buildSeconds: 100, status: 'failure' }],
    };
    const row = renderHistoryMarkdown([cold, third])
      .split('\n')
      .find((l) => l.includes('[3]'))!;
    expect(row.endsWith('| — | 2.0 min ❌ | — |')).toBe(true);
  });

  it('hostile job and branch names stay text: escaped in the table, unable to end the chart', () => {
    const name = 'Build "x"] \n  bar [999] @team <img src=x onerror=alert(1)>';
    const hostile: HistoryRow = { ...WARM_PR, branch: '@org/team <b>x</b>', components: [{ name, jobSeconds: 60, buildSeconds: 50, status: 'success' }] };
    const markdown = renderHistoryMarkdown([hostile]);
    expect(markdown).not.toContain('<img');
    // The table is Markdown: mentions broken up there. A chart is inside a code block, where GitHub links nothing.
    const table = markdown.slice(0, markdown.indexOf('```mermaid'));
    expect(table).not.toContain('@team');
    expect(table).not.toContain('@org');
    expect(markdown).not.toContain('<b>');
    const chart = buildChart([hostile], name)!;
    expect(chart.split('\n')).toHaveLength(5);
    expect(chart.split('\n')[4]).toBe('  bar [0.8]');
    expect(chart.split('\n')[1]).toMatch(/^ {2}title "[^"\n]*"$/);
  });

  it('text for a terminal and JSON for scripts carry the same numbers', () => {
    const text = renderHistoryText([WARM_PR, cold]).split('\n');
    expect(text[0]).toMatch(/^Run {10}Date \(UTC\) {2}Context +Build runtime {2}Build engine {2}Build operate-ui$/);
    expect(text[1]).toMatch(/^17964002949 {2}2025-09-24 {2}push · main · cold cache \(0% cached\) +64\.3 min +64\.9 min +78\.5 min$/);
    expectValidHistory(historyJson([WARM_PR, cold]));
    const json = JSON.parse(historyJson([WARM_PR, cold]));
    expect(json.schemaVersion).toBe(1);
    expect(json.runs.map((r: { runId: number; cache: string }) => [r.runId, r.cache])).toEqual([
      [17964002949, 'cold'],
      [18020300302, 'warm'],
    ]);
    expect(json.runs[0].components[2]).toEqual({ name: 'Build operate-ui', status: 'success', jobSeconds: 4710.4, buildSeconds: 4688.9 });
  });
});

describe('buildx-doctor history', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    return { code, stdout, stderr };
  }

  it('a saved `gh run view --log` file: its run id from the file name, its date from the first line', async () => {
    const { code, stdout, stderr } = await cli(['history', SAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toMatch(/^17964002949 {2}2025-09-24 {2}cold cache \(0% cached\) +64\.3 min +64\.9 min +78\.5 min$/);
  });

  it("a folder of job logs (as GitHub names them in a run's log archive) gives the same row", async () => {
    const folder = join(dir, 'run-17964002949');
    mkdirSync(folder);
    [...splitRunLog(readFileSync(SAMPLE, 'utf8'))].forEach(([job, log], i) => writeFileSync(join(folder, `${i}_${job}.txt`), log));
    const { code, stdout } = await cli(['history', folder, '--format', 'json']);
    expect(code).toBe(0);
    expectValidHistory(stdout);
    const json = JSON.parse(stdout);
    expect(json.runs).toHaveLength(1);
    expect(json.runs[0]).toMatchObject({ runId: 17964002949, date: expect.stringMatching(/^2025-09-24T01:56:21/), cache: 'cold' });
    expect(json.runs[0].components.map((c: { name: string; jobSeconds: number }) => [c.name, +(c.jobSeconds / 60).toFixed(1)])).toEqual([
      ['Build runtime', 64.3],
      ['Build engine', 64.9],
      ['Build operate-ui', 78.5],
    ]);
  });

  it('several runs in markdown: one row each; a log without a build is left out with a message', async () => {
    const empty = join(dir, 'notes-123456.log');
    writeFileSync(empty, 'hello world\n');
    const { code, stdout, stderr } = await cli(['history', SAMPLE, empty, '--format=markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('| 17964002949 | 2025-09-24 | cold cache \\(0% cached\\) | 64.3 min | 64.9 min | 78.5 min |');
    expect(stdout).toContain('### 📊 Benchmark: 1 run');
    expect(stderr).toContain(`${empty}: no build found; the run is left out`);
  });

  it('bad usage is one line and status 2', async () => {
    expect((await cli(['history'])).code).toBe(2);
    const bad = await cli(['history', SAMPLE, '--format', 'html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('buildx-doctor: --format must be text, markdown or json, not "html"');
    expect((await cli(['history', SAMPLE, '--format'])).stderr.split('\n')[0]).toBe('buildx-doctor: --format needs a value');
    expect((await cli(['history', SAMPLE, '--bogus'])).stderr.split('\n')[0]).toBe('buildx-doctor: unknown option --bogus');
    const missing = await cli(['history', join(dir, 'nope.log')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`buildx-doctor: ${join(dir, 'nope.log')}: no such file or folder\n`);
  });
});
