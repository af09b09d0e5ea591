// Issue 13, "1M distinct steps in plain output": the build model keeps counts and the slowest,
// failing and unfinished steps past a limit, so such a log is analysed within a small heap.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, analyzeText } from './support/analyze-text.js';
import { expectValidReport } from './support/report-schema.js';
import { MAX_LISTED_STEPS } from '../src/parse/step-budget.js';
import { cacheStats } from '../src/analyze/metrics.js';

const STEPS = 1_000_000;

/** A plain-progress build of `steps` distinct steps, every tenth CACHED, step 777 the slowest, one failing. */
function writeManySteps(path: string, steps: number): void {
  const fd = openSync(path, 'w');
  try {
    let chunk = '#0 building with "default" instance using docker driver\n';
    for (let i = 1; i <= steps; i++) {
      chunk += `#${i} [${i}/${steps}] RUN step ${i}\n`;
      chunk += i % 10 === 0 ? `#${i} CACHED\n` : `#${i} DONE ${i === 777 ? '99.0' : `0.${i % 7}`}s\n`;
      // BuildKit prints a step's header again after it is DONE: a dropped step must not come back.
      if (i > 3000 && i % 1000 === 1) chunk += `#${i - 2500} [${i - 2500}/${steps}] RUN step ${i - 2500}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    chunk += `#${steps + 1} exporting to image\n#${steps + 1} DONE 0.1s\n`;
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

describe('a bounded build model', () => {
  it('a million distinct steps: the CLI under a 160 MB heap exits 0 with a summary that counts them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bxd-steps-'));
    try {
      const log = join(dir, 'steps.log');
      writeManySteps(log, STEPS);
      const run = spawnSync(process.execPath, ['--max-old-space-size=160', join(ROOT, 'dist', 'cli.js'), 'analyze', log, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // The one report with omittedSteps filled in: the schema must accept it as it is.
      expectValidReport(run.stdout);
      const report = JSON.parse(run.stdout);
      expect(report.builds).toHaveLength(1);
      const build = report.builds[0];
      expect(build.status).toBe('success');
      expect(build.steps.length).toBeLessThanOrEqual(2 * MAX_LISTED_STEPS + 1);
      expect(build.steps.length + build.omittedSteps.count).toBe(STEPS + 1);
      expect(build.omittedSteps.cached + build.steps.filter((s: { cached: boolean }) => s.cached).length).toBe(STEPS / 10);
      // The slowest step is listed; the counts still cover every step.
      expect(build.steps.map((s: { name: string }) => s.name)).toContain(`[777/${STEPS}] RUN step 777`);
      expect(build.timing.slowestSteps[0].seconds).toBe(99);
      expect(build.cache.hits + build.cache.misses).toBe(STEPS);
      expect(build.cache.hits).toBe(STEPS / 10);
      expect(build.notes.join('\n')).toMatch(/are counted but not listed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('a failing step past the limit is kept, and the build fails', async () => {
    const lines = ['#0 building with "default" instance using docker driver'];
    for (let i = 1; i <= 5000; i++) lines.push(`#${i} [${i}/5001] RUN step ${i}`, `#${i} DONE 0.1s`);
    lines.push('#5001 [5001/5001] RUN make', '#5001 0.100 make: *** [all] Error 2', '#5001 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2');
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
