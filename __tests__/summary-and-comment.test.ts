// What the job summary and the pull request comment say, read as text: the verdict first, one order
// of findings in both, the gantt of the publish run, GitHub's length limits. How GitHub draws them
// (cmark-gfm, Mermaid, Chromium) is rendered-reports.render.test.ts.
import { describe, expect, it } from '@jest/globals';
import { CASES, matrix } from './support/report-cases.js';
import { diagnoseText } from './support/classify.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderComment } from '../src/report/pr-comment.js';
import { ganttChart, timeAxis } from '../src/report/gantt.js';
import type { Analysis } from '../src/analyze/analyze.js';
import { escapeText } from '../src/text/markdown.js';

const MARKER = '<!-- buildx-doctor:sticky-comment id=000000000000 -->';
const RUN_URL = 'https://github.com/afewell-hh/Demon/actions/runs/17964002949';
const comment = (analysis: Analysis) => renderComment(analysis, MARKER, { runUrl: RUN_URL });

describe('the publish run', () => {
  it('states the verdict in its first three lines, gives the native-runner advice once, a gantt per build, under 10,000 characters', async () => {
    const analysis = await CASES.find((c) => c.name === 'publish-run')!.analysis();
    const summary = renderMarkdown(analysis);
    expect(summary.length).toBeLessThan(10_000);
    const [what, time, change] = summary.split('\n').filter((l) => l.trim() !== '');
    expect(what).toBe('## ✅ All 3 builds succeeded, with 2 warnings below.');
    expect(time).toBe(
      '⏱️ 78.5 min wall time (the longest job), 207.7 runner minutes over 3 jobs; 168.3 min of it (81%) went to linux/arm64 under QEMU emulation.',
    );
    expect(change).toMatch(/^💡 Build linux\/arm64 on native arm64 runners instead of under QEMU emulation/);
    expect(summary.match(/ubuntu-24\.04-arm/g)).toHaveLength(1);
    // Each thing once: one emulation finding and one cache finding with a row per build, no slow-build.
    expect(summary.match(/^#### /gm)).toHaveLength(2);
    expect(summary).toContain(
      '| Build operate-ui | `RUN cargo build --release --bin operate-ui` | 9.9 min | 74.7 min | 7.5× | 64.8 min \\(83%\\) | 78.1 min \\(over budget\\) |',
    );
    expect(summary).not.toMatch(/slow-build|over the 60 min budget/);
    expect(summary.match(/^```mermaid$/gm)).toHaveLength(3);
    // Full digests and the pushed tags, in a fold.
    expect(summary).toContain('docker pull ghcr.io/afewell-hh/demon-runtime@sha256:1564b5e107af46f2fd81412b42ca63385b0524d970ac9ae75ddfeaee47b8f27e');
    expect(summary).toContain('docker pull ghcr.io/afewell-hh/demon-operate-ui:sha-3602c03');
    expect(summary).not.toContain('…f27e');
  });

  it('its gantt shows the platforms side by side and the emulated compile on the critical path', async () => {
    const analysis = await CASES.find((c) => c.name === 'publish-run')!.analysis();
    const chart = ganttChart(analysis.builds[2]!.build)!;
    expect(chart).toMatch(/section linux\/arm64\n(?:.*\n)*? {4}RUN cargo build --release --bin operate-ui \(74\.7 min\) :crit, t\d+, 00:00:\d\d, 4483s/);
    expect(chart).toMatch(/section linux\/amd64\n(?:.*\n)*? {4}RUN cargo build --release --bin operate-ui \(9\.9 min\) :t\d+, 00:00:\d\d, 595s/);
    // The two compiles start within seconds of each other: side by side, not one after the other.
    const starts = [...chart.matchAll(/RUN cargo build .*:(?:crit, )?t\d+, 00:00:(\d\d),/g)].map((m) => Number(m[1]));
    expect(starts).toHaveLength(2);
    expect(Math.abs(starts[0]! - starts[1]!)).toBeLessThan(30);
  });
});

describe('the comment of a green run with warnings', () => {
  it('says how to make the change it advises: its warnings are a line each, the advice is not below it', async () => {
    const analysis = await CASES.find((c) => c.name === 'publish-run')!.analysis();
    const body = comment(analysis);
    const change = body.split('\n').find((l) => l.startsWith('💡 '))!;
    expect(change).toMatch(/^💡 Build linux\/arm64 on native arm64 runners instead of under QEMU emulation\. How: Build each platform on a native runner/);
    expect(change).toContain('`runs-on: ubuntu-24.04-arm`');
    expect(body).not.toContain('below');
    expect(body.match(/ubuntu-24\.04-arm/g)).toHaveLength(1);
    // The summary, whose finding gives the how, still points to it.
    expect(renderMarkdown(analysis)).toContain('(how: the first finding below)');
  });
});

describe("the comment's table of builds", () => {
  it('three columns at most, the status an icon before the name: it fits a phone', async () => {
    const analysis = await CASES.find((c) => c.name === 'failing-matrix')!.analysis();
    const table = comment(analysis)
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(table).toEqual([
      '| Build | Build time | Cache hits |',
      '|---|---:|---:|',
      '| ⏹️ Build runtime | 6 s | 0/1 (0%) |',
      '| ⏹️ Build engine | 6 s | 0/1 (0%) |',
      '| ❌ Build operate-ui | 2 s | no step ran |',
    ]);
  });
});

describe("the timeline's axis", () => {
  it('ticks at a round step, labelled with a unit, in the unit the build takes: seconds, minutes, hours', async () => {
    const short = await CASES.find((c) => c.name === 'failing-matrix')!.analysis();
    expect(ganttChart(short.builds[0]!.build)).toContain('\n  axisFormat %-Ss\n  tickInterval 1second\n');
    const long = await CASES.find((c) => c.name === 'publish-run')!.analysis();
    expect(ganttChart(long.builds[0]!.build)).toContain('\n  axisFormat %-Hh %Mm\n  tickInterval 10minute\n');
    expect(timeAxis(6)).toEqual({ format: '%-Ss', tickInterval: '1second' });
    expect(timeAxis(59)).toEqual({ format: '%-Ss', tickInterval: '10second' });
    expect(timeAxis(90)).toEqual({ format: '%-Mm %Ss', tickInterval: '10second' });
    expect(timeAxis(1800)).toEqual({ format: '%-Mm', tickInterval: '5minute' });
    expect(timeAxis(4700)).toEqual({ format: '%-Hh %Mm', tickInterval: '10minute' });
    expect(timeAxis(20 * 3600)).toEqual({ format: '%-Hh', tickInterval: '2hour' });
  });
});

describe('the failing pull request matrix', () => {
  it('the comment leads with the invalid tag; the canceled jobs are one line after it', async () => {
    const analysis = await CASES.find((c) => c.name === 'failing-matrix')!.analysis();
    const body = comment(analysis);
    const lead = body.split('\n\n')[1]!;
    expect(lead).toMatch(/^### ❌ Build operate-ui: .*-0899a35/);
    const canceled = '⏹️ Build runtime, Build engine: canceled after Build operate-ui failed';
    expect(body).toContain(canceled);
    expect(body.indexOf(canceled)).toBeGreaterThan(body.indexOf(lead));
    expect(body.match(/canceled/gi)!.length).toBeLessThanOrEqual(3);
    // The evidence is unfolded: the error line itself is on the page, before any <details>.
    const unfolded = body.slice(0, body.indexOf('<details>') === -1 ? undefined : body.indexOf('<details>'));
    expect(unfolded).toContain('invalid reference format');
    expect(body.length).toBeLessThan(6_000);
  });
});

describe('the timeline of a failure', () => {
  it('a step that never finished is drawn without a made-up duration', async () => {
    const analysis = await CASES.find((c) => c.name === 'failing-matrix')!.analysis();
    const chart = ganttChart(analysis.builds[0]!.build)!;
    expect(chart).toMatch(/RUN cargo build --release --bin runtime \(did not finish\) :crit, t\d+, 00:00:05, 1s/);
  });
});

describe('one order', () => {
  it.each(['failing-matrix', 'ten-builds'])("%s: the comment tells the findings in the summary's order", async (name) => {
    const analysis = await CASES.find((c) => c.name === name)!.analysis();
    const summary = renderMarkdown(analysis);
    const body = comment(analysis);
    const order = (doc: string) =>
      analysis.groups
        .map((g) => ({ g, at: doc.indexOf(escapeText(g.title)) }))
        .filter(({ at }) => at >= 0)
        .sort((a, b) => a.at - b.at)
        .map(({ g }) => g);
    const inComment = order(body);
    // The summary's verdict names the canceled jobs, so its findings leave out their line: the order
    // is that of the findings both tell.
    const inSummary = order(summary);
    const both = inComment.filter((g) => inSummary.includes(g));
    expect(both.length).toBeGreaterThanOrEqual(name === 'ten-builds' ? 4 : 1);
    expect(inSummary.filter((g) => inComment.includes(g))).toEqual(both);
  });
});

describe('sizes', () => {
  it('a comment on 10 builds, most of them failing differently, stays under 6,000 characters', async () => {
    const analysis = await diagnoseText(matrix(10), 'run.log');
    expect(analysis.builds).toHaveLength(10);
    expect(analysis.builds.filter((b) => b.build.status === 'failure').length).toBeGreaterThanOrEqual(6);
    const body = comment(analysis);
    expect(body.length).toBeLessThan(6_000);
    expect(body.split('\n\n')[1]).toMatch(/^### ❌ /);
  });

  it("100 builds stay within GitHub's limits: 1 MiB summary, 65,536-character comment", async () => {
    const analysis = await diagnoseText(matrix(100), 'run.log');
    expect(analysis.builds).toHaveLength(100);
    const summary = renderMarkdown(analysis);
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect((summary.match(/```/g) ?? []).length % 2).toBe(0);
    const body = comment(analysis);
    expect(body.length).toBeLessThan(65_536);
    expect(body.split('\n\n')[1]).toMatch(/^### ❌ /);
  });
});

describe('a log that does not say how its build ended', () => {
  // A paste cut before the end: the Dockerfile excerpt of an error, without the error line.
  const CUT = [
    'Dockerfile:12',
    '--------------------',
    '  11 |     RUN cat > /etc/app.json << EOF',
    '  12 | >>> {',
    '  13 |       "port": 8080',
    '--------------------',
  ].join('\n');

  it('is not called a success: the headline says the end is missing and what the log shows', async () => {
    const analysis = await diagnoseText(CUT, 'cut.log');
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['unknown']);
    const summary = renderMarkdown(analysis);
    expect(summary).toMatch(/^## ❔ The log does not say how the build ended, and it shows: The Dockerfile does not parse\.$/m);
    // The comment heads with the cause itself, as for a failure; neither says the build succeeded.
    const comment = renderComment(analysis, '<!-- m -->', { runUrl: null });
    expect(comment.match(/^#+ .*/m)![0]).toMatch(/The Dockerfile does not parse/);
    for (const report of [summary, comment]) expect(report).not.toMatch(/succeeded/);
  });
});
