// The history source through its real exec path (src/buildx/docker-cli.ts), with a docker CLI that answers
// with genuine buildx 0.29.1 output (fixtures/history). The real modern BuildKit is tested in
// modern-buildkit tests.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './support/analyze-text.js';
import { historySources } from '../src/buildx/history-source.js';
import { resetBuildxDetection, parseBuildxVersion } from '../src/buildx/buildx-version.js';
import { parseBuildMetadata } from '../src/buildx/build-metadata.js';
import { analyzeSources } from '../src/engine.js';
import { textSource } from '../src/input/log-source.js';
import { toJsonReport } from '../src/report/json-report.js';
import { expectValidReport } from './support/report-schema.js';
import { tempDir } from './support/temp-dir.js';

const HISTORY = join(FIXTURES, 'history');
const read = (name: string) => readFileSync(join(HISTORY, name), 'utf8');
let log: string;

beforeEach(() => {
  resetBuildxDetection();
  log = join(tempDir('bxd-fake-docker-'), 'calls.log');
  process.env.BUILDX_DOCTOR_DOCKER = join(HISTORY, 'fake-docker.mjs');
  process.env.FAKE_DOCKER_LOG = log;
  delete process.env.FAKE_DOCKER;
});
afterEach(() => {
  delete process.env.BUILDX_DOCTOR_DOCKER;
  delete process.env.FAKE_DOCKER;
});

const calls = () => readFileSync(log, 'utf8').trim().split('\n');
const workspace = join(FIXTURES, 'buildkit-contexts', 'b');

describe('reading BuildKit build records', () => {
  it('with nothing given, reads the latest record of the builder', async () => {
    const { sources, notes } = await historySources({ metadata: [], refs: [] });
    expect(notes).toEqual([]);
    expect(calls()).toEqual([
      'buildx version',
      'buildx history ls --format json',
      'buildx history logs --builder default --progress=rawjson wek87yli0eslwxhedzo9mum8m',
      'buildx history inspect --builder default --format json wek87yli0eslwxhedzo9mum8m',
    ]);
    const analysis = await analyzeSources(sources, { maxBuildMinutes: 60, workspace: null });
    const build = analysis.builds[0]!.build;
    expect(build).toMatchObject({ name: 'c', status: 'success', origin: 'buildx history record' });
    expectValidReport(toJsonReport(analysis));
    // Duration 32765942 ns in the record.
    expect(build.buildSeconds).toBe(0);
    expect(build.notes).toContain('buildx history: 8/8 steps completed, 2 cached');
  });

  it("a failed build from its ref (metadata): the record's error, the Dockerfile line, the same diagnosis as the plain log", async () => {
    const metadata = parseBuildMetadata(JSON.stringify({ 'buildx.build.ref': 'default/default/rf4bmtkvveuwusbuuycb4http' }));
    const { sources } = await historySources({ metadata, refs: [] });
    const fromRecord = await analyzeSources(sources, { maxBuildMinutes: 60, workspace });
    const fromPlain = await analyzeSources([textSource('b1.log', read('bx0.29-b1-fail-plain.stderr'))], { maxBuildMinutes: 60, workspace });
    const fromRawjson = await analyzeSources([textSource('b2.log', read('bx0.29-b2-fail-rawjson.stderr'))], { maxBuildMinutes: 60, workspace });
    const record = fromRecord.builds[0]!.build;
    expect(record).toMatchObject({ name: 'b', status: 'failure', origin: 'buildx history record' });
    expectValidReport(toJsonReport(fromRecord));
    const shape = (a: typeof fromPlain) => ({
      status: a.builds[0]!.build.status,
      steps: a.builds[0]!.build.steps.filter((s) => s.kind === 'instruction')
        .map((s) => `${s.index}/${s.total} ${s.instruction}`)
        .sort(),
      failing: a.builds[0]!.build.steps.find((s) => s.status === 'error')?.name,
      rootCause: a.findings[0]!.id,
    });
    expect(shape(fromRecord)).toEqual(shape(fromPlain));
    expect(shape(fromRawjson)).toEqual(shape(fromPlain));
    expect(fromRecord.findings[0]!.locations).toEqual([expect.objectContaining({ kind: 'dockerfile', file: 'Dockerfile', line: 3, verified: true })]);
    expect(record.errors.some((e) => e.text.endsWith('did not complete successfully: exit code: 101'))).toBe(true);
  });

  it('says plainly what is missing: an old buildx, no record, a removed record, no docker', async () => {
    process.env.FAKE_DOCKER = 'old';
    expect((await historySources({ metadata: [], refs: [] })).notes).toEqual([
      'buildx 0.13.1 has no "buildx history" (it needs 0.20); give the build\'s log in "logs" instead',
    ]);
    resetBuildxDetection();
    process.env.FAKE_DOCKER = 'empty';
    expect((await historySources({ metadata: [], refs: [] })).notes).toEqual(['the current builder has no build record (nothing was built on this runner)']);
    resetBuildxDetection();
    process.env.FAKE_DOCKER = 'gone';
    const gone = await historySources({ metadata: [], refs: ['rf4bmtkvveuwusbuuycb4http'] });
    expect(gone.sources).toEqual([]);
    expect(gone.notes[0]).toMatch(/^build record rf4bmtkvveuwusbuuycb4http: ERROR: ref rf4bmtkvveuwusbuuycb4http not found \(the record may have been removed/);
    resetBuildxDetection();
    process.env.BUILDX_DOCTOR_DOCKER = '/nonexistent/docker';
    expect((await historySources({ metadata: [], refs: [] })).notes[0]).toMatch(/^buildx history is not available: docker is not installed on this runner/);
  });
});

describe('build-push-action metadata', () => {
  it('reads single builds, bake maps and build checks', () => {
    const single = parseBuildMetadata(
      JSON.stringify({
        'buildx.build.ref': 'builder-1/builder-10/abc',
        'containerimage.digest': 'sha256:' + '1'.repeat(64),
        'image.name': 'ghcr.io/o/a:main,ghcr.io/o/a:sha-1',
        'buildx.build.provenance': {},
        'buildx.build.warnings': [
          {
            vertex: 'sha256:x',
            level: 1,
            short: Buffer.from("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)").toString('base64'),
            url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
            sourceInfo: { filename: 'Dockerfile', data: '' },
            range: [{ start: { line: 1 }, end: { line: 1 } }],
          },
        ],
      }),
    );
    expect(single).toEqual([
      {
        target: null,
        ref: 'builder-1/builder-10/abc',
        digest: 'sha256:' + '1'.repeat(64),
        imageNames: ['ghcr.io/o/a:main', 'ghcr.io/o/a:sha-1'],
        provenance: true,
        warnings: [
          {
            rule: 'FromAsCasing',
            message: "'as' and 'FROM' keywords' casing do not match (line 1)",
            file: 'Dockerfile',
            line: 1,
            url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
          },
        ],
      },
    ]);
    const bake = parseBuildMetadata(JSON.stringify({ app: { 'buildx.build.ref': 'b/n/1' }, worker: { 'buildx.build.ref': 'b/n/2', 'image.name': 'w' } }));
    expect(bake.map((m) => [m.target, m.ref])).toEqual([
      ['app', 'b/n/1'],
      ['worker', 'b/n/2'],
    ]);
    expect(() => parseBuildMetadata('not json')).toThrow(/^metadata: not JSON/);
    expect(() => parseBuildMetadata('{"foo": 1}')).toThrow(/neither a build's metadata nor a bake map/);
    // The real metadata file of a build (buildx 0.29.1, --metadata-file).
    const real = parseBuildMetadata(read('bx0.29-c1-metadata.json'))[0]!;
    expect(real).toMatchObject({ ref: 'default/default/s2lsz34lxh92jp1zvq9lfsnyc', imageNames: ['127.0.0.1:5000/x:1'], provenance: true });
  });

  it('reads buildx versions as upstream and Debian print them', () => {
    expect(parseBuildxVersion('github.com/docker/buildx v0.28.0 b1281b81bba797b21d9eaf256e6a13eb14419836')).toMatchObject({ major: 0, minor: 28, patch: 0 });
    expect(parseBuildxVersion(read('bx0.29-z1-buildx-version.stdout'))).toMatchObject({ major: 0, minor: 29, patch: 1 });
    expect(parseBuildxVersion('docker: unknown command')).toBeNull();
  });
});
