// The two runs of the benchmark table that the history tests share: the real first publish
// (17964002949; its row is made from samples/) and the runbook's warm pull request run (its log is
// not kept, so its row is written as the runbook records it).
import type { HistoryRow } from '../../src/analyze/history-row.js';

export const FIRST_PUBLISH = {
  runId: 17964002949,
  runNumber: 12,
  url: 'https://github.com/afewell-hh/Demon/actions/runs/17964002949',
  date: '2025-09-24T01:56:21Z',
  event: 'push',
  branch: 'main',
};

/** The runbook's second line, as it records it (its log is not kept): 6.9 / 6.8 / 10.8 min, warm. */
export const WARM_PR: HistoryRow = {
  runId: 18020300302,
  runNumber: 13,
  url: 'https://github.com/afewell-hh/Demon/actions/runs/18020300302',
  date: '2025-09-25T14:02:00Z',
  event: 'pull_request',
  branch: 'feature/cache',
  cacheRatio: 0.94,
  components: [
    { name: 'Build runtime', jobSeconds: 414, buildSeconds: 380, status: 'success' },
    { name: 'Build engine', jobSeconds: 408, buildSeconds: 371, status: 'success' },
    { name: 'Build operate-ui', jobSeconds: 648, buildSeconds: 610, status: 'success' },
  ],
};
