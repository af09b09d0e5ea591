// BuildKit's own record of a build, read back through the action's exec path (src/buildx/docker-cli.ts and the
// docker CLI), against a real modern BuildKit with buildx (support/modern-buildkit.ts): the report
// from the record, from rawjson and from plain output of the same build agree.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { startModernBuildkit, SETUP_TIMEOUT_MS, type ModernBuildkit } from './support/modern-buildkit.js';
import { historySources } from '../src/buildx/history-source.js';
import { resetBuildxDetection } from '../src/buildx/buildx-version.js';
import { parseBuildMetadata } from '../src/buildx/build-metadata.js';
import { analyzeSources } from '../src/engine.js';
import { textSource } from '../src/input/log-source.js';
import type { Analysis } from '../src/analyze/analyze.js';
import { FIXTURES } from './support/analyze-text.js';

const CONTEXTS = join(FIXTURES, 'modern', 'contexts');
const OPTIONS = { maxBuildMinutes: 60, workspace: null };
let mb: ModernBuildkit;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  // No try/catch: a daemon that cannot start fails these tests.
  mb = await startModernBuildkit();
  // The action's docker calls see this process's environment: point them at the modern stack.
  for (const key of ['PATH', 'DOCKER_HOST', 'DOCKER_CONFIG', 'BUILDX_DOCTOR_DOCKER']) saved[key] = process.env[key];
  process.env.PATH = mb.env.PATH;
  process.env.DOCKER_HOST = mb.env.DOCKER_HOST;
  process.env.DOCKER_CONFIG = mb.env.DOCKER_CONFIG;
  process.env.BUILDX_DOCTOR_DOCKER = join(mb.binDir, 'docker');
  resetBuildxDetection();
}, SETUP_TIMEOUT_MS + 60_000);

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetBuildxDetection();
  await mb?.stop();
}, 60_000);

interface Shape {
  status: string;
  steps: string[];
  cached: string[];
  failing: string | null;
}

function shape(analysis: Analysis): Shape {
  expect(analysis.builds).toHaveLength(1);
  const build = analysis.builds[0]!.build;
  const instructions = build.steps.filter((s) => s.kind === 'instruction');
  const label = (s: (typeof instructions)[number]) => `${s.stage ?? ''} ${s.index}/${s.total} ${s.instruction} ${s.command}`;
  return {
    status: build.status,
    steps: instructions.map(label).sort(),
    cached: instructions
      .filter((s) => s.cached)
      .map(label)
      .sort(),
    failing: build.steps.find((s) => s.status === 'error')?.name ?? null,
  };
}

async function fromText(label: string, text: string): Promise<Analysis> {
  return analyzeSources([textSource(label, text)], OPTIONS);
}

describe('build records of a real BuildKit', () => {
  it('a cached build: the record, rawjson and plain output give the same report', async () => {
    const context = join(CONTEXTS, 'three-step');
    await mb.build(context, { progress: 'plain', tag: 'bxd/three:1' });
    const plain = await mb.build(context, { progress: 'plain', tag: 'bxd/three:1' });
    const rawjson = await mb.build(context, { progress: 'rawjson', tag: 'bxd/three:1', metadataFile: true });
    expect([plain.exitCode, rawjson.exitCode]).toEqual([0, 0]);

    // The latest record, with nothing given: what the action does right after a build.
    const latest = await historySources({ metadata: [], refs: [] });
    expect(latest.notes).toEqual([]);
    const fromRecord = await analyzeSources(latest.sources, OPTIONS);
    expect(fromRecord.builds[0]!.build.origin).toBe('buildx history record');

    // The same record named by the metadata file, as build-push-action's `metadata` output gives it.
    const byMetadata = await historySources({ metadata: parseBuildMetadata(JSON.stringify(rawjson.metadata)), refs: [] });
    const fromMetadata = await analyzeSources(byMetadata.sources, OPTIONS);

    const expected = shape(await fromText('plain.log', plain.stderr));
    expect(expected.status).toBe('success');
    expect(expected.cached.length).toBeGreaterThan(0);
    expect(shape(await fromText('rawjson.log', rawjson.stderr))).toEqual(expected);
    expect(shape(fromRecord)).toEqual(expected);
    expect(shape(fromMetadata)).toEqual(expected);
  }, 120_000);

  it('a failed build: the same status, steps, cached steps and failing instruction; the record names the Dockerfile line', async () => {
    const context = join(CONTEXTS, 'failing-run');
    const plain = await mb.build(context, { progress: 'plain', noCache: true });
    const rawjson = await mb.build(context, { progress: 'rawjson', noCache: true });
    expect([plain.exitCode, rawjson.exitCode].every((c) => c !== 0)).toBe(true);
    // A failed build writes no metadata file: its ref comes from the builder's list.
    const [ref] = await mb.historyRefs({ status: 'Error' });
    const history = await historySources({ metadata: [], refs: [ref!] });
    expect(history.notes).toEqual([]);
    const fromRecord = await analyzeSources(history.sources, { ...OPTIONS, workspace: context });

    const expected = shape(await fromText('plain.log', plain.stderr));
    expect(expected.status).toBe('failure');
    expect(expected.failing).toMatch(/RUN echo 'error: could not compile/);
    expect(shape(await fromText('rawjson.log', rawjson.stderr))).toEqual(expected);
    expect(shape(fromRecord)).toEqual(expected);
    expect(fromRecord.findings[0]).toMatchObject({ id: 'compile-error', severity: 'error' });
    expect(fromRecord.findings[0]!.locations).toContainEqual(expect.objectContaining({ kind: 'dockerfile', file: 'Dockerfile', verified: true }));
  }, 120_000);

  it('a ref that no longer exists is a clear note, not an error', async () => {
    const result = await historySources({ metadata: [], refs: ['doesnotexist0000000000000'] });
    expect(result.sources).toEqual([]);
    expect(result.notes[0]).toMatch(/^build record doesnotexist0000000000000: .*\(the record may have been removed, or the builder is gone\)$/);
  }, 60_000);
});
