// The benchmark table's charts as GitHub draws them: every xychart-beta through the real Mermaid in
// headless Chromium (support/github-render.ts). The table itself is history-table.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { analyzeFile, SAMPLE } from './support/analyze-text.js';
import { GitHubRenderer } from './support/github-render.js';
import { FIRST_PUBLISH, WARM_PR } from './support/history-rows.js';
import { historyRow, type HistoryRow } from '../src/analyze/history-row.js';
import { renderHistoryMarkdown } from '../src/report/history-table.js';

let cold: HistoryRow;
beforeAll(async () => {
  cold = historyRow(await analyzeFile(SAMPLE), FIRST_PUBLISH);
});

describe('the charts as GitHub draws them', () => {
  let renderer: GitHubRenderer;
  beforeAll(async () => {
    // No skip: a Chromium that cannot start fails this test.
    renderer = await new GitHubRenderer().start();
  }, 120_000);
  afterAll(async () => {
    await renderer?.stop();
  });

  it('every xychart-beta of the table parses and renders in the real Mermaid, hostile names included', async () => {
    const hostile: HistoryRow = {
      ...WARM_PR,
      runId: 5,
      runNumber: 15,
      date: '2025-09-27T00:00:00Z',
      components: [{ name: 'Build "x"] ; %% # end', jobSeconds: 60, buildSeconds: 50, status: 'success' }],
    };
    const markdown = renderHistoryMarkdown([cold, WARM_PR, hostile]);
    const page = await renderer.render(markdown);
    expect(page.chartErrors).toEqual([null, null, null, null]);
  });
});
