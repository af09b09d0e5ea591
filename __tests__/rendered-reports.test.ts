// The job summary and the pull request comment as a person sees them on GitHub: GitHub-flavoured
// Markdown (cmark-gfm), GitHub's stylesheet, the real Mermaid, headless Chromium, 1000 px wide.
// Screenshots of every case are kept as test artefacts in .artifacts/screenshots/; with
// BXD_UPDATE_SCREENSHOTS=1 the two the README shows are written to docs/screenshots/ too.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GitHubRenderer } from './support/github-render.js';
import { CASES, matrix } from './support/report-cases.js';
import { diagnoseText } from './support/classify.js';
import { analyzeText, ROOT } from './support/analyze-text.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderComment } from '../src/report/pr-comment.js';
import { ganttChart, mermaidText } from '../src/report/gantt.js';
import { headline } from '../src/report/finding-block.js';
import type { Analysis } from '../src/analyze/analyze.js';
import { escapeText } from '../src/text/markdown.js';

const ARTIFACTS = join(ROOT, '.artifacts', 'screenshots');
const README_SHOTS = join(ROOT, 'docs', 'screenshots');
const MARKER = '<!-- buildx-doctor:sticky-comment id=000000000000 -->';
const RUN_URL = 'https://github.com/afewell-hh/Demon/actions/runs/17964002949';
const comment = (analysis: Analysis) => renderComment(analysis, MARKER, { runUrl: RUN_URL });

let renderer: GitHubRenderer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // No skip: a Chromium that cannot start fails every test here.
  renderer = await new GitHubRenderer().start();
}, 120_000);

afterAll(async () => {
  await renderer?.stop();
});

describe.each(CASES)('$name', ({ name, headline: expected, analysis: make }) => {
  it('the summary and the comment render as GitHub shows them, every chart without a syntax error', async () => {
    const analysis = await make();
    const summary = renderMarkdown(analysis);
    const body = comment(analysis);
    const charts = (summary.match(/^```mermaid$/gm) ?? []).length;
    const withSteps = analysis.builds.filter((b) => ganttChart(b.build) !== null).length;
    expect(charts).toBe(Math.min(withSteps, 12));

    const summaryPage = await renderer.render(summary);
    expect(summaryPage.chartErrors).toEqual(Array(charts).fill(null));
    await summaryPage.screenshot(join(ARTIFACTS, `${name}-summary.png`));
    if (name === 'publish-run' && process.env.BXD_UPDATE_SCREENSHOTS === '1') copyFileSync(join(ARTIFACTS, `${name}-summary.png`), join(README_SHOTS, 'summary-publish-run.png'));

    const commentPage = await renderer.render(body);
    expect(commentPage.chartErrors.every((e) => e === null)).toBe(true);
    await commentPage.screenshot(join(ARTIFACTS, `${name}-comment.png`));
    if (name === 'failing-matrix' && process.env.BXD_UPDATE_SCREENSHOTS === '1') copyFileSync(join(ARTIFACTS, `${name}-comment.png`), join(README_SHOTS, 'comment-failing-matrix.png'));

    if (expected) {
      // The root cause is the comment's headline, on the first screen.
      const root = analysis.groups.find((g) => g.severity === 'error')!;
      expect(headline(root)).toMatch(expected);
      const lead = body.split('\n\n')[1]!;
      expect(lead.startsWith('### ❌ ')).toBe(true);
      const text = root.builds[0]!;
      const top = await commentPage.topOf(text);
      expect(top).not.toBeNull();
      expect(top!).toBeLessThan(800);
      // And the summary says the same first.
      expect(summary.split('\n')[0]).toContain(text);
    }
  }, 120_000);
});

describe('the publish run', () => {
  it('states the verdict in its first three lines, gives the native-runner advice once, a gantt per build, under 10,000 characters', async () => {
    const analysis = await CASES.find((c) => c.name === 'publish-run')!.analysis();
    const summary = renderMarkdown(analysis);
    expect(summary.length).toBeLessThan(10_000);
    const [what, time, change] = summary.split('\n').filter((l) => l.trim() !== '');
    expect(what).toBe('## ✅ All 3 builds succeeded, with 2 warnings below.');
    expect(time).toBe('⏱️ 78.5 min wall time (the longest job), 207.7 runner minutes over 3 jobs; 168.3 min of it (81%) went to linux/arm64 under QEMU emulation.');
    expect(change).toMatch(/^💡 Build linux\/arm64 on native arm64 runners instead of under QEMU emulation/);
    expect(summary.match(/ubuntu-24\.04-arm/g)).toHaveLength(1);
    // Each thing once: one emulation finding and one cache finding with a row per build, no slow-build.
    expect(summary.match(/^#### /gm)).toHaveLength(2);
    expect(summary).toContain('| Build operate-ui | `RUN cargo build --release --bin operate-ui` | 9.9 min | 74.7 min | 7.5× | 64.8 min \\(83%\\) | 78.1 min \\(over budget\\) |');
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
  it.each(['failing-matrix', 'ten-builds'])('%s: the comment tells the findings in the summary\'s order', async (name) => {
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
    expect(inComment.length).toBeGreaterThanOrEqual(2);
    expect(order(summary).filter((g) => inComment.includes(g))).toEqual(inComment);
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

  it('100 builds stay within GitHub\'s limits: 1 MiB summary, 65,536-character comment', async () => {
    const analysis = await diagnoseText(matrix(100), 'run.log');
    expect(analysis.builds).toHaveLength(100);
    const summary = renderMarkdown(analysis);
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect((summary.match(/```/g) ?? []).length % 2).toBe(0);
    const body = comment(analysis);
    expect(body.length).toBeLessThan(65_536);
    expect(body.split('\n\n')[1]).toMatch(/^### ❌ /);
    const page = await renderer.render(summary);
    expect(page.chartErrors.every((e) => e === null)).toBe(true);
  }, 120_000);
});

describe('Mermaid labels', () => {
  it('step names with Mermaid syntax in them (: ; # %% ` < > { }) still render', async () => {
    const names = ['RUN echo a:b; c # d %% e', 'RUN printf "`x`" <y> {z} [w] &amp;', 'COPY section/ title:/x', 'RUN click here'];
    const lines = ['#0 building with "default" instance using docker driver'];
    names.forEach((n, i) => lines.push(`#${i + 2} [stage-${i} 1/1] ${n}`, `#${i + 2} DONE ${10 + i}.0s`));
    const analysis = await analyzeText(lines.join('\n'), 'evil.log');
    const chart = ganttChart(analysis.builds[0]!.build)!;
    // A task's name ends at its first `:`; what follows is its tags, id, start and length.
    for (const line of chart.split('\n').filter((l) => l.startsWith('    '))) expect(line.slice(0, line.indexOf(':'))).toMatch(/ \(\d+(\.\d)? s\) $/);
    expect(mermaidText('title x', 20)).toBe('· title x');
    const page = await renderer.render(`\`\`\`mermaid\n${chart}\n\`\`\`\n`);
    expect(page.chartErrors).toEqual([null]);
  });

  it('a broken chart is caught, not passed: the check can fail', async () => {
    const page = await renderer.render('```mermaid\ngantt\n  section a\n  b: c : d\n```\n');
    expect(page.chartErrors[0]).toEqual(expect.any(String));
  });
});
