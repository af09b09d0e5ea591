// Why the cache broke, on real pairs of builds: a real modern BuildKit (support/modern-buildkit.ts,
// dockerd 28 + buildx 0.29) with the containerd image store, which cache export needs on the docker
// driver, builds a baseline that exports its cache, then the same project with one change of each
// kind, importing that cache the way a fresh CI runner does (the builder's own cache is pruned before
// every second build). The CLI compares the two logs (`analyze HEAD --baseline BASE --workspace DIR`)
// and must name the step and the reason the test caused, in plain and in rawjson progress.
//
// Needs root and what scripts/ensure-test-deps.sh installs, and overlayfs for the containerd store.
// A daemon that cannot start fails these tests (no skip).
//   node --experimental-vm-modules node_modules/jest/bin/jest.js cache-break.integration
// BXD_CAPTURE_DIR=DIR keeps every log written (how __tests__/fixtures/baseline was captured).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startModernBuildkit, SETUP_TIMEOUT_MS, type ModernBuildkit } from './support/modern-buildkit.js';
import { expectValidReport } from './support/report-schema.js';
import { runCli } from '../src/cli/cli.js';

const BASE = 'local/base:1';
const DOCKERFILE = [
  `FROM ${BASE} AS builder`,
  'ARG VERSION=1',
  'COPY a.txt /a.txt',
  'RUN echo "build $VERSION" > /b.txt && sleep 1',
  `FROM ${BASE}`,
  'WORKDIR /out',
  'COPY b2.txt /b2.txt',
  'COPY --from=builder /b.txt /b.txt',
  'RUN cat /b.txt /b2.txt > /final.txt',
  '',
].join('\n');
const FILES = { Dockerfile: DOCKERFILE, 'a.txt': 'a1\n', 'b2.txt': 'b1\n' };

let mb: ModernBuildkit;
let root: string;
let contextCount = 0;

beforeAll(async () => {
  // No try/catch: a daemon that cannot start fails these tests.
  mb = await startModernBuildkit({ daemonConfig: { features: { 'containerd-snapshotter': true }, 'storage-driver': 'overlayfs' } });
  root = path.join(mb.dir, 'pairs');
  fs.mkdirSync(root);
  await docker(['tag', 'local/busybox:1', BASE]);
}, SETUP_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await mb?.stop();
}, 60_000);

async function docker(args: string[]): Promise<string> {
  const r = await mb.docker(args);
  if (r.exitCode !== 0) throw new Error(`docker ${args.join(' ')} failed (exit ${r.exitCode}): ${r.stderr}`);
  return r.stdout;
}

/** A build context (and workspace) of its own: the base files with some replaced. */
function context(files: Record<string, string> = {}): string {
  const dir = path.join(root, `ctx-${++contextCount}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries({ ...FILES, ...files })) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

type Progress = 'plain' | 'rawjson';

/**
 * Builds and writes the log as a CI step shows it: a plain log starts with the command (`set -x`),
 * rawjson is the progress alone (its first line must be JSON).
 */
async function build(name: string, dir: string, progress: Progress, args: string[]): Promise<string> {
  const r = await mb.build(dir, { progress, extraArgs: args });
  if (r.exitCode !== 0) throw new Error(`build ${name} failed (exit ${r.exitCode}):\n${r.stderr.slice(-3000)}`);
  const logDir = path.join(root, progress, name);
  fs.mkdirSync(logDir, { recursive: true });
  // The file is called app.log whatever the scenario: builds are matched by name, as in CI by job.
  const file = path.join(logDir, 'app.log');
  const command = progress === 'plain' ? `+ docker buildx build --progress=plain ${args.join(' ')} .\n` : '';
  fs.writeFileSync(file, command + r.stderr);
  if (process.env.BXD_CAPTURE_DIR) {
    fs.mkdirSync(process.env.BXD_CAPTURE_DIR, { recursive: true });
    fs.writeFileSync(path.join(process.env.BXD_CAPTURE_DIR, `${progress}-${name}.log`), command + r.stderr);
  }
  return file;
}

/** A fresh runner: nothing in the builder's own cache, only what is imported. */
async function prune(): Promise<void> {
  await docker(['builder', 'prune', '-af']);
}

interface CacheBreakJson {
  step: string;
  instruction: string;
  platform: string | null;
  dockerfileLine: number | null;
  reason: string;
  rebuiltSteps: number;
  secondsLost: number;
}

/** `buildx-doctor analyze HEAD... --baseline BASE... [--workspace DIR] --format json`, per build. */
async function compare(
  head: string[],
  base: string[],
  workspace?: string,
): Promise<Array<{ name: string; baseline: { name: string } | null; cacheBreak: CacheBreakJson | null }>> {
  let out = '';
  let err = '';
  const args = ['analyze', ...head, '--baseline', ...base, '--format', 'json', ...(workspace ? ['--workspace', workspace] : [])];
  const code = await runCli(args, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expectValidReport(out);
  return (JSON.parse(out) as { builds: Array<{ name: string; baseline: { name: string } | null; cacheBreak: CacheBreakJson | null }> }).builds;
}

async function cacheBreakOf(head: string, base: string, workspace?: string): Promise<CacheBreakJson | null> {
  const [only] = await compare([head], [base], workspace);
  expect(only!.baseline).not.toBeNull();
  return only!.cacheBreak;
}

describe.each<Progress>(['plain', 'rawjson'])('%s progress', (progress) => {
  const caches = () => path.join(root, `cache-${progress}`);
  let baseline: string;
  let baselineDir: string;

  beforeAll(async () => {
    baselineDir = context();
    await prune();
    baseline = await build('baseline', baselineDir, progress, ['--cache-to', `type=local,dest=${caches()}-max,mode=max`]);
  }, 120_000);

  /** The second build: a fresh builder importing the baseline's cache (or `cacheFrom`). */
  async function head(name: string, dir: string, extra: string[] = [], cacheFrom = `${caches()}-max`): Promise<string> {
    await prune();
    return build(name, dir, progress, ['--cache-from', `type=local,src=${cacheFrom}`, ...extra]);
  }

  it('nothing changed: every step from the imported cache, no cache break', async () => {
    const dir = context();
    expect(await cacheBreakOf(await head('unchanged', dir), baseline, dir)).toBeNull();
  }, 120_000);

  it('dockerfile-edited: the last RUN of the final stage, at its Dockerfile line', async () => {
    const dir = context({ Dockerfile: DOCKERFILE.replace('> /final.txt', '> /final.txt && echo edited') });
    const cb = await cacheBreakOf(await head('edited', dir), baseline, dir);
    expect(cb).toMatchObject({ step: '[stage-1 5/5]', reason: 'dockerfile-edited', dockerfileLine: 9, rebuiltSteps: 1 });
    expect(cb!.instruction).toBe('RUN cat /b.txt /b2.txt > /final.txt && echo edited');
  }, 120_000);

  it('build-arg-changed: the RUN that uses the argument, told from an edit by the Dockerfile in the workspace', async () => {
    const dir = context();
    const log = await head('build-arg', dir, ['--build-arg', 'VERSION=2']);
    const cb = await cacheBreakOf(log, baseline, dir);
    expect(cb).toMatchObject({ step: '[builder 3/3]', reason: 'build-arg-changed', dockerfileLine: 4 });
    // BuildKit printed the value: `RUN echo "build 2" ...`.
    expect(cb!.instruction).toContain('build 2');
    // The steps after it ran too: the RUN, COPY --from and the final RUN.
    expect(cb!.rebuiltSteps).toBe(3);
    expect(cb!.secondsLost).toBeGreaterThan(0.5);
    // Without the Dockerfile, the changed text is all there is: an edit.
    expect((await cacheBreakOf(log, baseline))!.reason).toBe('dockerfile-edited');
  }, 120_000);

  it('context-changed: the COPY whose file changed, with the instruction as it was', async () => {
    const dir = context({ 'a.txt': 'a2\n' });
    expect(await cacheBreakOf(await head('context', dir), baseline, dir)).toMatchObject({
      step: '[builder 2/3]',
      instruction: 'COPY a.txt /a.txt',
      reason: 'context-changed',
      dockerfileLine: 3,
    });
  }, 120_000);

  it('base-image-changed: the FROM resolved to another digest', async () => {
    const dir = context();
    const other = path.join(root, `base-${progress}`);
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'Dockerfile'), `FROM local/busybox:1\nRUN echo ${progress} > /etc/base-version\n`);
    const tagged = await mb.build(other, { tag: BASE });
    expect(tagged.exitCode).toBe(0);
    try {
      const cb = await cacheBreakOf(await head('base-image', dir), baseline, dir);
      expect(cb!.reason).toBe('base-image-changed');
      expect(['[builder 2/3]', '[stage-1 2/5]']).toContain(cb!.step);
    } finally {
      await docker(['tag', 'local/busybox:1', BASE]);
    }
  }, 120_000);

  it('cache-not-imported: the cache source is not there (BuildKit warns and builds uncached)', async () => {
    const dir = context();
    const cb = await cacheBreakOf(await head('not-imported', dir, [], `${caches()}-missing`), baseline, dir);
    expect(cb!.reason).toBe('cache-not-imported');
    expect(cb!.rebuiltSteps).toBe(6);
  }, 120_000);

  it('cache-mode-min: the final stage changed before its COPY --from, and the unchanged builder stage ran again', async () => {
    await prune();
    const minBaseline = await build('baseline-min', context(), progress, ['--cache-to', `type=local,dest=${caches()}-min,mode=min`]);
    const dir = context({ 'b2.txt': 'b2\n' });
    const cb = await cacheBreakOf(await head('mode-min', dir, [], `${caches()}-min`), minBaseline, dir);
    expect(cb!.reason).toBe('cache-mode-min');
    expect(cb!.step).toMatch(/^\[builder [23]\/3\]$/);
    // The same change against a mode=max baseline is the COPY of the changed file.
    const max = await cacheBreakOf(await head('mode-max', dir), baseline, dir);
    expect(max).toMatchObject({ step: '[stage-1 3/5]', reason: 'context-changed' });
  }, 180_000);

  it("cache-evicted: the cache was imported, but the baseline's entries were gone from it", async () => {
    const evicted = `${caches()}-evicted`;
    await prune();
    const evictedBaseline = await build('baseline-evicted', context(), progress, ['--cache-to', `type=local,dest=${evicted},mode=max`]);
    // Another project's cache takes its place (the gha backend evicts the oldest entries at 10 GB).
    const other = path.join(root, `other-${progress}`);
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'Dockerfile'), 'FROM local/busybox:1\nRUN echo other > /other.txt\n');
    await prune();
    await build('other-project', other, progress, ['--cache-to', `type=local,dest=${evicted},mode=max`]);
    const dir = context();
    const cb = await cacheBreakOf(await head('evicted', dir, [], evicted), evictedBaseline, dir);
    expect(cb!.reason).toBe('cache-evicted');
    expect(cb!.rebuiltSteps).toBe(6);
  }, 180_000);

  it('platform-added: the steps of the new platform ran, the old platform came from the cache', async () => {
    // FROM scratch and COPY only: the second platform needs no emulator. A COPY of the same file is
    // the same step on every platform (BuildKit prints it once): the platform's own file makes a step.
    const files = {
      Dockerfile: 'FROM scratch\nARG TARGETARCH\nCOPY a.txt /a.txt\nCOPY ${TARGETARCH}.txt /arch.txt\n',
      'amd64.txt': 'amd64\n',
      'arm64.txt': 'arm64\n',
    };
    await prune();
    const platformBaseline = await build('baseline-platform', context(files), progress, [
      '--platform',
      'linux/amd64',
      '--cache-to',
      `type=local,dest=${caches()}-platform,mode=max`,
    ]);
    const dir = context(files);
    const log = await head('platform-added', dir, ['--platform', 'linux/amd64,linux/arm64'], `${caches()}-platform`);
    const cb = await cacheBreakOf(log, platformBaseline, dir);
    expect(cb).toMatchObject({ reason: 'platform-added', platform: 'linux/arm64' });
    expect(cb!.step).toBe('[linux/arm64 2/2]');
  }, 180_000);

  it('first-build: a build the baseline does not have; the one it has is matched by name', async () => {
    const app = await head('first-build', context());
    const toolDir = path.join(root, `tool-${progress}`);
    fs.mkdirSync(toolDir);
    fs.writeFileSync(path.join(toolDir, 'Dockerfile'), 'FROM local/busybox:1\nRUN echo tool > /tool.txt\n');
    const toolLog = await build('first-build-tool', toolDir, progress, []);
    const tool = path.join(path.dirname(toolLog), 'tool.log');
    fs.renameSync(toolLog, tool);
    const builds = await compare([app, tool], [baseline]);
    expect(builds.map((b) => [b.name, b.baseline?.name ?? null, b.cacheBreak?.reason ?? null])).toEqual([
      ['app', 'app', null],
      ['tool', null, 'first-build'],
    ]);
    expect(builds[1]!.cacheBreak!.step).toBe('[2/2]');
  }, 120_000);
});
