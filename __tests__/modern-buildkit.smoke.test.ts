// Smoke test of the modern-BuildKit harness: dockerd 28 + buildx 0.29 (Debian unstable packages,
// unpacked by scripts/setup-modern-buildkit.sh) build the fixture contexts with --progress=plain and
// --progress=rawjson, fail a RUN with exit 101, and answer `docker buildx history ls|inspect|logs`.
//
// The first run downloads the packages (about 25 s); later runs reuse .cache/modern-buildkit.
// With CAPTURE_MODERN_BUILDKIT=1 it also (re)writes the outputs verbatim under
// __tests__/fixtures/modern/captures/, and MODERN_BUILDKIT_TIMINGS=1 prints how long each part took:
//   CAPTURE_MODERN_BUILDKIT=1 node --experimental-vm-modules node_modules/jest/bin/jest.js modern-buildkit.smoke
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETUP_TIMEOUT_MS, startModernBuildkit, type HistoryRecord, type ModernBuildkit, type ModernBuildResult } from './support/modern-buildkit.js';

const modern = path.join(process.cwd(), '__tests__', 'fixtures', 'modern');
const context = (name: string) => path.join(modern, 'contexts', name);
const capture = process.env.CAPTURE_MODERN_BUILDKIT === '1';
const FAIL_LINE = 'error: could not compile `demo` (bin "demo") due to 2 previous errors';

const timings: Record<string, number> = {};
async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Date.now() - t;
  }
}

let mb: ModernBuildkit | undefined;
const bk = (): ModernBuildkit => {
  if (!mb) throw new Error('the modern BuildKit did not start (see beforeAll)');
  return mb;
};

function save(name: string, text: string): void {
  if (!capture || !mb) return;
  const dir = path.join(modern, 'captures');
  fs.mkdirSync(dir, { recursive: true });
  const buildx = mb.buildxVersion.replace(/\+.*/, '');
  const engine = mb.serverVersion.replace(/\+.*/, '');
  fs.writeFileSync(path.join(dir, `d${engine}-bx${buildx}-${name}`), text);
}

/** The progress block of one step (`#N name` … up to the blank line) in --progress=plain output. */
function stepBlock(output: string, step: string): string | undefined {
  return output.split('\n\n').find((b) => b.split('\n')[0]?.includes(step));
}

interface RawVertex {
  digest: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
}
interface RawLog {
  vertex: string;
  stream?: number;
  data: string;
}
interface RawJsonStream {
  vertexes: RawVertex[];
  logs: RawLog[];
  lineCount: number;
}

/** Parses rawjson progress: one JSON object (a SolveStatus) per line; fails on anything else. */
function parseRawjson(text: string): RawJsonStream {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const out: RawJsonStream = { vertexes: [], logs: [], lineCount: lines.length };
  for (const line of lines) {
    let obj: { vertexes?: RawVertex[]; statuses?: unknown[]; logs?: RawLog[]; warnings?: unknown[] };
    try {
      obj = JSON.parse(line) as typeof obj;
    } catch {
      throw new Error(`not a rawjson line: ${line.slice(0, 200)}`);
    }
    expect(obj.vertexes || obj.statuses || obj.logs || obj.warnings).toBeDefined();
    out.vertexes.push(...(obj.vertexes ?? []));
    out.logs.push(...(obj.logs ?? []));
  }
  return out;
}

const logText = (s: RawJsonStream, vertexName: string): string => {
  const digests = new Set(s.vertexes.filter((v) => v.name?.includes(vertexName)).map((v) => v.digest));
  return s.logs
    .filter((l) => digests.has(l.vertex))
    .map((l) => Buffer.from(l.data, 'base64').toString('utf8'))
    .join('');
};

/** `history ls` once every build has been recorded and none is still running (bounded). */
async function settledHistory(count: number): Promise<HistoryRecord[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const list = await bk().historyList();
    if ((list.length >= count && list.every((h) => h.status !== 'Running')) || Date.now() > deadline) return list;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('modern BuildKit (dockerd 28 + buildx from Debian unstable)', () => {
  let first: ModernBuildResult | undefined;
  let failed: ModernBuildResult | undefined;
  let okRef = '';
  let failRef = '';

  beforeAll(async () => {
    const t = Date.now();
    mb = await startModernBuildkit();
    timings.start = Date.now() - t;
  }, SETUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    const t = Date.now();
    await mb?.stop();
    timings.stop = Date.now() - t;
    if (process.env.MODERN_BUILDKIT_TIMINGS === '1' && mb) {
      const { setupMs, startupMs, baseImageMs } = mb;
      console.log(`modern buildkit timings (ms): ${JSON.stringify({ setupMs, startupMs, baseImageMs, ...timings })}`);
    }
  }, 60_000);

  it('runs the unpacked engine, its own containerd and buildx', () => {
    const m = bk();
    expect(m.serverVersion).toMatch(/^\d+\.\d+\.\d+/);
    // The engine reports the containerd it started: the unpacked one, not Debian 12's 1.6.
    expect(m.containerdVersion).not.toBe('');
    expect(m.versions.CONTAINERD_VERSION).toContain(m.containerdVersion);
    expect(m.buildxVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(m.env.PATH?.split(':')[0]).toBe(m.binDir);
    expect(m.env.DOCKER_HOST).toBe(m.host);
    expect(fs.existsSync(path.join(m.env.DOCKER_CONFIG!, 'cli-plugins', 'docker-buildx'))).toBe(true);
  });

  it('builds with --progress=plain, then reuses the cache for every step', async () => {
    first = await timed('buildFirst', () => bk().build(context('three-step'), { progress: 'plain', tag: 'bxd/three-step:1', metadataFile: true }));
    save('build-plain-first.stderr', first.stderr);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(/^#0 building with "default" instance using docker driver$/m);
    for (const step of ['[2/4] COPY hello.txt', '[3/4] RUN echo "step two', '[4/4] RUN echo "step three']) {
      const block = stepBlock(first.stderr, step);
      expect(block).toMatch(/^#\d+ DONE \d+\.\d+s$/m);
      expect(block).not.toMatch(/CACHED/);
    }
    expect(stepBlock(first.stderr, '[3/4] RUN')).toMatch(/^#\d+ \d+\.\d+ step two: hello from the modern buildkit smoke test$/m);
    expect(first.stderr).toMatch(/naming to docker\.io\/bxd\/three-step:1/);
    expect(first.metadata?.['buildx.build.ref']).toMatch(/^default\/default\/[a-z0-9]+$/);

    const cached = await timed('buildCached', () => bk().build(context('three-step'), { progress: 'plain', tag: 'bxd/three-step:1' }));
    save('build-plain-cached.stderr', cached.stderr);
    expect(cached.exitCode).toBe(0);
    for (const step of ['[2/4] COPY hello.txt', '[3/4] RUN echo "step two', '[4/4] RUN echo "step three']) {
      expect(stepBlock(cached.stderr, step)).toMatch(/^#\d+ CACHED$/m);
    }
  }, 60_000);

  it('streams --progress=rawjson: one JSON object per line, with the step logs in base64', async () => {
    const r = await timed('buildRawjson', () => bk().build(context('three-step'), { progress: 'rawjson', tag: 'bxd/three-step:1', noCache: true }));
    save('build-rawjson-nocache.stderr', r.stderr);
    expect(r.exitCode).toBe(0);
    const s = parseRawjson(r.stderr);
    expect(s.lineCount).toBeGreaterThan(5);
    const run = s.vertexes.filter((v) => v.name?.startsWith('[3/4] RUN echo "step two'));
    expect(run.some((v) => v.started && v.completed && !v.cached && !v.error)).toBe(true);
    expect(logText(s, '[3/4] RUN')).toContain('step two: hello from the modern buildkit smoke test');
    expect(logText(s, '[4/4] RUN')).toContain('step three: listing');
  }, 60_000);

  it('fails a RUN that exits 101, and writes no --metadata-file for it', async () => {
    failed = await timed('buildFailing', () => bk().build(context('failing-run'), { progress: 'plain', metadataFile: true }));
    save('build-plain-fail.stderr', failed.stderr);
    expect(failed.exitCode).toBe(1);
    const block = stepBlock(failed.stderr, '[3/3] RUN');
    expect(block).toContain(FAIL_LINE);
    expect(block).toMatch(/^#\d+ ERROR: process "\/bin\/sh -c .*" did not complete successfully: exit code: 101$/m);
    expect(failed.stderr).toMatch(/^------\n > \[3\/3\] RUN echo .*:\n[\d.]+ error: could not compile/m);
    expect(failed.stderr).toMatch(/^Dockerfile:3$/m);
    expect(failed.stderr).toMatch(/^ERROR: failed to build: failed to solve: process "\/bin\/sh -c .*exit code: 101$/m);
    // Observed with buildx 0.29.1: a failed build leaves no metadata file; its ref is in the history.
    expect(failed.metadataFile).toBeDefined();
    expect(failed.metadata).toBeUndefined();
  }, 60_000);

  it('lists the builds with `buildx history ls`, newest first', async () => {
    const list = await settledHistory(4);
    const raw = await timed('historyLs', () => bk().docker(['buildx', 'history', 'ls', '--format', 'json']));
    save('history-ls.json', raw.stdout);
    expect(raw.exitCode).toBe(0);
    expect(
      raw.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as HistoryRecord).ref),
    ).toEqual(list.map((h) => h.ref));
    // The name is the context dir: relative to the git work tree when it is in one (buildx reads git
    // info), so `__tests__/fixtures/modern/contexts/three-step` here, `three-step` outside git.
    expect(list.map((h) => [h.name.split('/').pop(), h.status])).toEqual([
      ['failing-run', 'Error'],
      ['three-step', 'Completed'],
      ['three-step', 'Completed'],
      ['three-step', 'Completed'],
    ]);
    for (const h of list) {
      expect(h.ref).toMatch(/^default\/default\/[a-z0-9]+$/);
      expect(Date.parse(h.created_at)).not.toBeNaN();
      expect(Date.parse(h.completed_at ?? '')).toBeGreaterThanOrEqual(Date.parse(h.created_at));
      expect(h.completed_steps).toBeLessThanOrEqual(h.total_steps);
    }
    const [fail, rawjson, cached, firstRec] = list as [HistoryRecord, HistoryRecord, HistoryRecord, HistoryRecord];
    expect(firstRec.ref).toBe(first?.metadata?.['buildx.build.ref']);
    expect(cached.total_steps).toBe(firstRec.total_steps);
    expect(cached.cached_steps).toBeGreaterThanOrEqual(firstRec.cached_steps + 3);
    expect(rawjson.completed_steps).toBe(rawjson.total_steps);
    expect(fail.completed_steps).toBeLessThanOrEqual(fail.total_steps);
    okRef = rawjson.ref.split('/').pop()!;
    failRef = fail.ref.split('/').pop()!;

    // The documented way to find a failed build's ref without a metadata file.
    const r = await bk().docker(['buildx', 'history', 'ls', '--filter', 'status=error', '--format', '{{.Ref}}']);
    expect(r.exitCode).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('/').pop()),
    ).toEqual([failRef]);
  }, 60_000);

  it('inspects a successful and the failed build with `buildx history inspect --format json`', async () => {
    expect(okRef).not.toBe('');
    const ok = await timed('historyInspectOk', () => bk().docker(['buildx', 'history', 'inspect', '--format', 'json', okRef]));
    save('history-inspect-ok.json', ok.stdout);
    expect(ok.exitCode).toBe(0);
    const okInfo = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(okInfo).toMatchObject({ Name: expect.stringMatching(/(^|\/)three-step$/), Ref: okRef, Status: 'completed' });
    expect(okInfo.Error).toBeUndefined();
    expect(okInfo.NumTotalSteps).toEqual(expect.any(Number));
    expect(okInfo.NumCompletedSteps).toBe(okInfo.NumTotalSteps);
    expect(okInfo.Duration).toBeGreaterThan(0);

    const bad = await timed('historyInspectFail', () => bk().docker(['buildx', 'history', 'inspect', '--format', 'json', failRef]));
    save('history-inspect-fail.json', bad.stdout);
    expect(bad.exitCode).toBe(0);
    const badInfo = JSON.parse(bad.stdout) as {
      Name: string;
      Status: string;
      Error?: { Code: number; Message: string; Name: string; Logs: string[]; Sources?: string; Stack?: string };
    };
    expect(badInfo).toMatchObject({ Name: expect.stringMatching(/(^|\/)failing-run$/), Status: 'failed' });
    expect(badInfo.Error?.Code).toEqual(expect.any(Number));
    expect(badInfo.Error?.Message).toMatch(/^process "\/bin\/sh -c .*" did not complete successfully: exit code: 101$/);
    expect(badInfo.Error?.Name).toMatch(/^\[3\/3\] RUN echo 'error: could not compile/);
    expect(badInfo.Error?.Logs).toContain(FAIL_LINE);
    // Sources: the Dockerfile excerpt of the error, base64.
    expect(Buffer.from(badInfo.Error?.Sources ?? '', 'base64').toString('utf8')).toMatch(/^Dockerfile:3\n[\s\S]* {3}3 \| >>> RUN echo 'error/);
  }, 60_000);

  it('replays both builds with `buildx history logs --progress=rawjson` (on stderr)', async () => {
    expect(failRef).not.toBe('');
    const ok = await timed('historyLogsOk', () => bk().docker(['buildx', 'history', 'logs', '--progress=rawjson', okRef]));
    save('history-logs-ok.rawjson', ok.stderr);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toBe('');
    const okStream = parseRawjson(ok.stderr);
    expect(okStream.vertexes.some((v) => v.error)).toBe(false);
    expect(logText(okStream, '[3/4] RUN')).toContain('step two: hello from the modern buildkit smoke test');

    const bad = await timed('historyLogsFail', () => bk().docker(['buildx', 'history', 'logs', '--progress=rawjson', failRef]));
    save('history-logs-fail.rawjson', bad.stderr);
    expect(bad.exitCode).toBe(0);
    expect(bad.stdout).toBe('');
    const badStream = parseRawjson(bad.stderr);
    const errored = badStream.vertexes.filter((v) => v.error);
    expect(errored.map((v) => v.name)).toEqual([expect.stringMatching(/^\[3\/3\] RUN echo 'error: could not compile/)]);
    expect(errored[0]?.error).toMatch(/did not complete successfully: exit code: 101$/);
    expect(logText(badStream, '[3/3] RUN')).toContain(FAIL_LINE);
  }, 60_000);
});
