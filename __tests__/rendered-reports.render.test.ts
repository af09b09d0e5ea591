// The job summary and the pull request comment as a person sees them on GitHub: GitHub-flavoured
// Markdown (cmark-gfm), GitHub's stylesheet, the real Mermaid, headless Chromium, 1000 px wide.
// What the reports say without a browser (their first lines, order, lengths) is summary-and-comment.test.ts.
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

const ARTIFACTS = join(ROOT, '.artifacts', 'screenshots');
const README_SHOTS = join(ROOT, 'docs', 'screenshots');
const MARKER = '<!-- buildx-doctor:sticky-comment id=000000000000 -->';
const RUN_URL = 'https://github.com/afewell-hh/Demon/actions/runs/17964002949';
const comment = (analysis: Analysis) => renderComment(analysis, MARKER, { runUrl: RUN_URL });
/** A phone's screen, as GitHub's mobile page lays out a comment. */
const PHONE_WIDTH = 390;

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
    if (name === 'publish-run' && process.env.BXD_UPDATE_SCREENSHOTS === '1')
      copyFileSync(join(ARTIFACTS, `${name}-summary.png`), join(README_SHOTS, 'summary-publish-run.png'));

    const commentPage = await renderer.render(body);
    expect(commentPage.chartErrors.every((e) => e === null)).toBe(true);
    await commentPage.screenshot(join(ARTIFACTS, `${name}-comment.png`));
    if (name === 'failing-matrix' && process.env.BXD_UPDATE_SCREENSHOTS === '1')
      copyFileSync(join(ARTIFACTS, `${name}-comment.png`), join(README_SHOTS, 'comment-failing-matrix.png'));

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
    // On a phone, no table of the comment runs off the screen.
    const phone = await renderer.render(body, PHONE_WIDTH);
    expect(await phone.overflowingTables()).toBe(0);
    await phone.screenshot(join(ARTIFACTS, `${name}-comment-phone.png`));
  }, 120_000);
});

describe('sizes', () => {
  // Its length limits are checked in summary-and-comment.test.ts; here, that it still renders.
  it('100 builds: the summary renders, every chart without a syntax error', async () => {
    const analysis = await diagnoseText(matrix(100), 'run.log');
    const page = await renderer.render(renderMarkdown(analysis));
    expect(page.chartErrors.every((e) => e === null)).toBe(true);
  }, 120_000);
});

describe('the time axis', () => {
  it.each(['failing-matrix', 'publish-run'])('%s: every tick labelled with its unit, no two alike', async (name) => {
    const analysis = await CASES.find((c) => c.name === name)!.analysis();
    const page = await renderer.render(renderMarkdown(analysis));
    const charts = await page.axisLabels();
    expect(charts.length).toBeGreaterThan(0);
    for (const labels of charts) {
      expect(labels.length).toBeGreaterThan(2);
      expect(new Set(labels).size).toBe(labels.length);
      for (const label of labels) expect(label).toMatch(/^(?:\d+h(?: \d\dm)?|\d+m(?: \d\ds)?|\d+s)$/);
    }
  });
});

describe('Mermaid labels', () => {
  it('step names with Mermaid syntax in them (: ; # %% ` < > { }) still render', async () => {
    const names = [
      'RUN echo a:b; c # d %% e',
      'RUN printf "`x`" <y> {z} [w] &amp;',
      'COPY section/ title:/x',
      'RUN click here',
      'RUN make && make install & wait',
      'RUN cd /app&&make',
      'RUN echo &lt;img src=x&gt; &#60;b&#62; &ltb',
    ];
    const lines = ['#0 building with "default" instance using docker driver'];
    names.forEach((n, i) => lines.push(`#${i + 2} [stage-${i} 1/1] ${n}`, `#${i + 2} DONE ${10 + i}.0s`));
    const analysis = await analyzeText(lines.join('\n'), 'evil.log');
    const chart = ganttChart(analysis.builds[0]!.build)!;
    // A task's name ends at its first `:`; what follows is its tags, id, start and length.
    for (const line of chart.split('\n').filter((l) => l.startsWith('    '))) expect(line.slice(0, line.indexOf(':'))).toMatch(/ \(\d+(\.\d)? s\) $/);
    expect(mermaidText('title x', 20)).toBe('· title x');
    const page = await renderer.render(`\`\`\`mermaid\n${chart}\n\`\`\`\n`);
    expect(page.chartErrors).toEqual([null]);
    const labels = (await page.taskLabels())[0]!;
    // A shell's `&&` reads as written; what could be an HTML entity is not decoded into markup.
    expect(labels).toEqual(expect.arrayContaining([expect.stringContaining('RUN make && make install & wait')]));
    // Without blanks too (a word joiner, drawn as nothing, keeps the second `&` from starting an entity).
    expect(labels.map((l) => l.replace(/\u2060/g, ''))).toEqual(expect.arrayContaining([expect.stringContaining('RUN cd /app&&make')]));
    expect(labels.join('\n')).not.toMatch(/<img|<b>|&lt|&#/);
  });

  it('a broken chart is caught, not passed: the check can fail', async () => {
    const page = await renderer.render('```mermaid\ngantt\n  section a\n  b: c : d\n```\n');
    expect(page.chartErrors[0]).toEqual(expect.any(String));
  });
});
