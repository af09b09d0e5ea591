// Smoke test of the real-BuildKit harness: a real dockerd (Docker 20.10, Debian 12) builds the
// fixture contexts. With CAPTURE_DOCKERD20_LOGS=1 it also (re)writes the captured outputs in
// __tests__/fixtures/logs/dockerd20-*.log verbatim, for the parser's unit tests:
//   CAPTURE_DOCKERD20_LOGS=1 node --experimental-vm-modules node_modules/jest/bin/jest.js real-dockerd.smoke
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startDockerd, type BuildResult, type RealDockerd } from './support/real-dockerd.js';

const fixtures = path.join(process.cwd(), '__tests__', 'fixtures');
const context = (name: string) => path.join(fixtures, 'contexts', name);
const capture = process.env.CAPTURE_DOCKERD20_LOGS === '1';

function save(scenario: string, result: BuildResult): void {
  if (!capture) return;
  fs.writeFileSync(path.join(fixtures, 'logs', `dockerd20-${scenario}.log`), result.output);
}

describe('real dockerd (Docker 20.10 BuildKit)', () => {
  let dockerd: RealDockerd | undefined;

  beforeAll(async () => {
    dockerd = await startDockerd();
  }, 60_000);

  afterAll(async () => {
    await dockerd?.stop();
  }, 60_000);

  it('builds, then reuses the cache for every step', async () => {
    const first = await dockerd!.build(context('cached-three-step'), { tag: 'bxd/cached-three-step:test' });
    expect(first.exitCode).toBe(0);
    expect(first.output).toMatch(/^#\d+ \[4\/4\] RUN sleep 1/m);
    expect(first.output).not.toMatch(/CACHED/);
    save('first-build', first);

    const second = await dockerd!.build(context('cached-three-step'), { tag: 'bxd/cached-three-step:test' });
    expect(second.exitCode).toBe(0);
    save('cached-build', second);
    for (const step of ['RUN cat /app/greeting.txt', 'RUN sleep 1']) {
      const block = second.output.split('\n\n').find((b) => b.includes(step));
      expect(block).toBeDefined();
      expect(block).toMatch(/^#\d+ CACHED$/m);
    }
  }, 60_000);

  it('reports a failing RUN with a non-zero exit code and an ERROR', async () => {
    const result = await dockerd!.build(context('failing-run'));
    save('failing-run', result);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('ERROR');
    expect(result.output).toContain('error[E0425]: cannot find value `x` in this scope');
    expect(result.output).toContain('exit code: 101');
  }, 60_000);

  it('reports a COPY of a missing file', async () => {
    const result = await dockerd!.build(context('failing-copy'));
    save('failing-copy', result);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toContain('ERROR');
    expect(result.output).toContain('missing.txt');
  }, 60_000);

  it('builds a multi-stage Dockerfile', async () => {
    const result = await dockerd!.build(context('multi-stage'), { tag: 'bxd/multi-stage:test' });
    save('multi-stage', result);
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/\[builder \d\/\d\]/);
    expect(result.output).toContain('COPY --from=builder');
  }, 60_000);
});
