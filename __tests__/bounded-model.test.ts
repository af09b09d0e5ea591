// Issue 13, "1M distinct steps in plain output": the build model keeps counts and the slowest,
// failing and unfinished steps past a limit, so such a log is analysed within a small heap.
// The million-step run of the bundled CLI under a small heap is in memory-bounds.e2e.test.ts.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, analyzeText } from './support/analyze-text.js';
import { MAX_LISTED_STEPS } from '../src/parse/step-budget.js';
import { cacheStats } from '../src/analyze/metrics.js';

describe('a bounded build model', () => {
  it('a failing step past the limit is kept, and the build fails', async () => {
    const lines = ['#0 building with "default" instance using docker driver'];
    for (let i = 1; i <= 5000; i++) lines.push(`#${i} [${i}/5001] RUN step ${i}`, `#${i} DONE 0.1s`);
    lines.push(
      '#5001 [5001/5001] RUN make',
      '#5001 0.100 make: *** [all] Error 2',
      '#5001 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    );
    lines.push('ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2');
    const analysis = await analyzeText(lines.join('\n'), 'many.log');
    const build = analysis.builds[0]!.build;
    expect(build.status).toBe('failure');
    expect(build.steps.length).toBeLessThanOrEqual(2 * MAX_LISTED_STEPS);
    expect(build.steps.find((s) => s.status === 'error')?.name).toBe('[5001/5001] RUN make');
    expect(build.omittedSteps!.count + build.steps.length).toBe(5001);
    expect(cacheStats(build).misses).toBe(5001);
  });

  it('a build under the limit lists every step and omits nothing', async () => {
    const analysis = await analyzeText(readFileSync(join(ROOT, 'samples', 'docker-publish-17964002949.log'), 'utf8'), 'run.log');
    for (const { build } of analysis.builds) expect(build.omittedSteps ?? null).toBeNull();
  });
});
