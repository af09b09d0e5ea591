// The team's first GHCR publish (run 17964002949, cold cache), as `gh run view --log` wrote it.
// Every expected number below was read off the log by hand; the comments say where.
import { describe, expect, it, beforeAll } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { analyzeFile, SAMPLE } from './support/analyze-text.js';
import type { Analysis, BuildAnalysis } from '../src/analyze/analyze.js';

const lines = readFileSync(SAMPLE, 'utf8').split('\n');

let analysis: Analysis;
const build = (job: string): BuildAnalysis => analysis.builds.find((b) => b.build.name === job)!;

beforeAll(async () => {
  analysis = await analyzeFile(SAMPLE);
});

describe('run 17964002949: three components, cold cache', () => {
  it('finds one build per job, all successful', () => {
    expect(analysis.builds.map((b) => b.build.name)).toEqual(['Build runtime', 'Build engine', 'Build operate-ui']);
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['success', 'success', 'success']);
    expect(analysis.status).toBe('success');
    expect(analysis.problems).toEqual([]);
  });

  it("reproduces the runbook's cold-cache row: 64.3, 64.9 and 78.5 minutes of job time", () => {
    // runtime:    line 1 01:56:21.9780659Z .. line 2743 03:00:41.5297896Z = 3859.55 s
    // engine:     line 2744 01:56:21.9159530Z .. line 5557 03:01:14.1407891Z = 3892.22 s
    // operate-ui: line 5558 01:56:21.3151601Z .. line 8436 03:14:51.7020201Z = 4710.39 s
    expect(build('Build runtime').build.jobSeconds).toBeCloseTo(3859.6, 1);
    expect(build('Build engine').build.jobSeconds).toBeCloseTo(3892.2, 1);
    expect(build('Build operate-ui').build.jobSeconds).toBeCloseTo(4710.4, 1);
    expect((build('Build runtime').build.jobSeconds! / 60).toFixed(1)).toBe('64.3');
    expect((build('Build engine').build.jobSeconds! / 60).toFixed(1)).toBe('64.9');
    expect((build('Build operate-ui').build.jobSeconds! / 60).toFixed(1)).toBe('78.5');
  });

  it('measures the buildx invocation, from its command line to its last step', () => {
    // runtime: `[command]/usr/bin/docker buildx build` at 01:56:43.9857716Z, `#47 DONE` at 03:00:33.2924138Z
    const runtime = build('Build runtime').build;
    expect(runtime.buildSeconds).toBeCloseTo(3829.3, 1);
    expect(lines[runtime.firstLine - 1]).toContain('[command]/usr/bin/docker buildx build');
    expect(runtime.request.dockerfile).toBe('./runtime/Dockerfile');
    expect(runtime.request.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(runtime.request.cacheTo).toEqual(['type=gha,mode=max,scope=runtime']);
  });

  it('names the slowest step of each component: the arm64 cargo build', () => {
    // #41 DONE 3531.9s (line 2532), #41 DONE 3558.9s (line 5350), #41 DONE 4482.6s (line 8237)
    const slowest = (job: string) => build(job).timing.slowestSteps[0]!;
    expect(slowest('Build runtime')).toMatchObject({
      name: '[linux/arm64 builder 15/15] RUN cargo build --release --bin runtime',
      seconds: 3531.9,
      platform: 'linux/arm64',
    });
    expect(slowest('Build engine')).toMatchObject({ name: '[linux/arm64 builder 15/15] RUN cargo build --release --bin engine', seconds: 3558.9 });
    expect(slowest('Build operate-ui')).toMatchObject({ name: '[linux/arm64 builder 15/15] RUN cargo build --release --bin operate-ui', seconds: 4482.6 });
  });

  it('states the arm64 against amd64 cost as a qemu-emulation finding with its ratio', () => {
    // amd64 twins: #28 DONE 439.4s (line 2305), #27 DONE 439.8s (line 5112), #28 DONE 594.7s (line 7974)
    const expected: Record<string, [number, number]> = {
      'Build runtime': [3531.9, 439.4],
      'Build engine': [3558.9, 439.8],
      'Build operate-ui': [4482.6, 594.7],
    };
    for (const [job, [arm, amd]] of Object.entries(expected)) {
      const finding = build(job).findings.find((f) => f.id === 'qemu-emulation')!;
      expect(finding).toBeDefined();
      expect(finding.severity).toBe('warning');
      expect(finding.data).toMatchObject({ platform: 'linux/arm64', nativePlatform: 'linux/amd64', emulatedSeconds: arm, nativeSeconds: amd });
      expect(finding.data!.ratio).toBeCloseTo(arm / amd, 2);
      // The evidence quotes the log: each line number points at the quoted text.
      for (const evidence of finding.evidence) expect(lines[evidence.line - 1]).toContain(evidence.text);
    }
    // The runner said it was amd64 (`OS/Arch: linux/amd64` in `docker version`), not assumed.
    expect(build('Build runtime').build.nativePlatform).toBe('linux/amd64');
  });

  it('reports the cache export time of each component', () => {
    // `#46 DONE 270.5s` (line 2633), `#46 DONE 272.0s` (line 5447), `#50 DONE 181.9s` (line 8326)
    expect(build('Build runtime').build.cache.exports).toEqual([
      expect.objectContaining({ kind: 'gha', seconds: 270.5, ref: 'type=gha,mode=max,scope=runtime' }),
    ]);
    expect(build('Build engine').timing.cacheExportSeconds).toBe(272);
    expect(build('Build operate-ui').timing.cacheExportSeconds).toBe(181.9);
    // `#11 importing cache manifest from gha:13901689927648624581` then `#11 DONE 0.2s`
    expect(build('Build runtime').build.cache.imports).toEqual([expect.objectContaining({ kind: 'gha', ref: 'gha:13901689927648624581', seconds: 0.2 })]);
  });

  it('reports the pushed digest of each component', () => {
    // `pushing manifest for ghcr.io/afewell-hh/demon-runtime:main@sha256:1564b5e1...` (line 2554), etc.
    const digest = (job: string, ref: string) => build(job).build.images.find((i) => i.ref === ref);
    expect(digest('Build runtime', 'ghcr.io/afewell-hh/demon-runtime:main')).toEqual({
      ref: 'ghcr.io/afewell-hh/demon-runtime:main',
      digest: 'sha256:1564b5e107af46f2fd81412b42ca63385b0524d970ac9ae75ddfeaee47b8f27e',
      pushed: true,
    });
    expect(digest('Build engine', 'ghcr.io/afewell-hh/demon-engine:main')?.digest).toBe(
      'sha256:b065cba9522bcd328566224e0c66c56c58a3407553267f3dc172dbddf34c0a89',
    );
    expect(digest('Build operate-ui', 'ghcr.io/afewell-hh/demon-operate-ui:main')?.digest).toBe(
      'sha256:27cf7660a08767991e1909485fb2734ff0687d1b996279974f9344795b69d2ac',
    );
    // Three tags each (main, latest, sha-3602c03), all the same index.
    expect(build('Build runtime').build.images.filter((i) => i.pushed)).toHaveLength(3);
  });

  it('finds no cache hits: a cold cache, and says so', () => {
    // No step of the three builds is CACHED.
    expect(lines.filter((l) => / #\d+ CACHED$/.test(l))).toHaveLength(0);
    for (const b of analysis.builds) {
      expect(b.cache.hits).toBe(0);
      expect(b.cache.ratio).toBe(0);
      const miss = b.findings.find((f) => f.id === 'cache-miss')!;
      expect(miss.severity).toBe('warning');
      expect(miss.title).toMatch(/^No cache hits/);
    }
    expect(analysis.cacheHitRatio).toBe(0);
  });

  it('flags every component as over the 60-minute budget, and none under a larger one', async () => {
    for (const b of analysis.builds) expect(b.findings.map((f) => f.id)).toContain('slow-build');
    const relaxed = await analyzeFile(SAMPLE, { maxBuildMinutes: 90 });
    expect(relaxed.findings.map((f) => f.id)).not.toContain('slow-build');
  });

  it('orders findings cause first: emulation and cache before the slow build they explain', () => {
    const ids = build('Build runtime').findings.map((f) => f.id);
    expect(ids.indexOf('qemu-emulation')).toBeLessThan(ids.indexOf('slow-build'));
    expect(ids.indexOf('cache-miss')).toBeLessThan(ids.indexOf('slow-build'));
    expect(analysis.findings[0]!.id).toBe('qemu-emulation');
    expect(analysis.findings.every((f) => f.build !== null)).toBe(true);
  });

  it('counts the steps of both platforms', () => {
    const steps = build('Build runtime').build.steps.filter((s) => s.kind === 'instruction');
    // 15 builder steps + 2 final-stage steps, for each of two platforms.
    expect(steps).toHaveLength(34);
    expect(steps.filter((s) => s.platform === 'linux/arm64')).toHaveLength(17);
    expect(steps.find((s) => s.id === 28)).toMatchObject({
      stage: 'builder',
      index: 15,
      total: 15,
      instruction: 'RUN',
      command: 'cargo build --release --bin runtime',
      seconds: 439.4,
      status: 'done',
      cached: false,
    });
  });
});
