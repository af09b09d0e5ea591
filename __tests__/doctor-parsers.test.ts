// The parsers of the live checks on captured real output (see fixtures/doctor/README.md): the table
// of `docker buildx ls` (the only form before buildx 0.13) must give what its JSON gives, and sizes
// as `docker buildx du` and `docker system df` print them.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuildersJson, parseBuildersTable } from '../src/doctor/builder-checks.js';
import { parseDuTotal, parseSize } from '../src/doctor/resource-checks.js';
import { parseVerboseManifest } from '../src/doctor/registry-checks.js';
import { versionDrift, versionsOfBuilds } from '../src/doctor/version-drift.js';
import { parseSource } from '../src/parse/parse-source.js';
import { fileSource, textSource } from '../src/input/log-source.js';
import { SAMPLE } from './support/analyze-text.js';

const fixture = (name: string) => readFileSync(join(process.cwd(), '__tests__', 'fixtures', 'doctor', name), 'utf8');

describe('docker buildx ls', () => {
  it('the JSON: builders, the one in use, drivers, node status, BuildKit version and platforms', () => {
    const builders = parseBuildersJson(fixture('buildx-0.29-ls.json'));
    expect(builders.map((b) => `${b.name}:${b.driver}:${b.current}`)).toEqual(['gone:remote:false', 'idle:docker-container:false', 'default:docker:true']);
    expect(builders[2]!.nodes).toEqual([
      {
        name: 'default',
        endpoint: 'default',
        status: 'running',
        buildkit: 'v0.0.0+unknown',
        platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4'],
        error: null,
      },
    ]);
    expect(builders[0]!.nodes[0]).toMatchObject({ endpoint: 'unix:///tmp/bxd-probe/nothing.sock', status: 'inactive', buildkit: null });
  });

  it('the table gives the same builders, nodes, endpoints, statuses and versions', () => {
    const fromTable = parseBuildersTable(fixture('buildx-0.29-ls.txt'));
    const fromJson = parseBuildersJson(fixture('buildx-0.29-ls.json'));
    const shape = (bs: typeof fromJson) =>
      bs.map((b) => ({
        name: b.name,
        driver: b.driver,
        current: b.current,
        nodes: b.nodes.map((n) => ({ name: n.name, endpoint: n.endpoint, status: n.status, buildkit: n.buildkit })),
      }));
    expect(shape(fromTable)).toEqual(shape(fromJson));
    // The new table shortens the platforms (`linux/amd64 (+4)`): the first one is kept.
    expect(fromTable[2]!.nodes[0]!.platforms).toEqual(['linux/amd64']);
  });
});

describe('sizes', () => {
  it('reads the units docker prints', () => {
    expect(parseSize('0B')).toBe(0);
    expect(parseSize('1.982MB')).toBe(1_982_000);
    expect(parseSize('3.346GiB')).toBe(Math.round(3.346 * 1024 ** 3));
    expect(parseSize('12kB')).toBe(12_000);
    expect(parseSize('lots')).toBeNull();
    expect(parseDuTotal('ID        RECLAIMABLE   SIZE      LAST ACCESSED\nReclaimable:\t0B\nTotal:\t\t4.2MB\n')).toBe(4_200_000);
  });
});

describe('docker manifest inspect --verbose', () => {
  it('a single manifest is one platform; attestations of an index are left out', () => {
    expect(parseVerboseManifest(JSON.stringify({ Ref: 'r', Descriptor: { digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } } }))).toEqual([
      { platform: 'linux/amd64', digest: 'sha256:a' },
    ]);
    const index = [
      { Descriptor: { digest: 'sha256:b', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } } },
      { Descriptor: { digest: 'sha256:c', platform: { os: 'unknown', architecture: 'unknown' } } },
    ];
    expect(parseVerboseManifest(JSON.stringify(index))).toEqual([{ platform: 'linux/arm/v7', digest: 'sha256:b' }]);
  });
});

describe('builder drift', () => {
  it('a log remembers the buildx and BuildKit that docker/setup-buildx-action set up (the real first publish)', async () => {
    const parsed = await parseSource(fileSource(SAMPLE));
    expect(parsed.builds).toHaveLength(3);
    for (const build of parsed.builds) expect([build.runner.buildxVersion, build.runner.buildkitVersion]).toEqual(['0.28.0', '0.24.0']);
    expect(versionsOfBuilds(parsed.builds, 'run 17964002949')).toEqual({ label: 'run 17964002949', buildx: '0.28.0', buildkit: '0.24.0' });
  });

  it('a log without setup-buildx-action has no versions: nothing to compare', async () => {
    const parsed = await parseSource(textSource('plain.log', '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n'));
    expect(versionsOfBuilds(parsed.builds, 'x')).toBeNull();
    expect(versionDrift({ buildx: '0.29.1', buildkit: '0.25.0' }, null)).toEqual({ checks: [], findings: [] });
  });

  it("names both versions of what drifted, and only releases count (v prefixes, rc suffixes, a distribution's v0.0.0)", () => {
    const past = { label: 'run 41', buildx: '0.28.0', buildkit: 'v0.24.0' };
    const drifted = versionDrift({ buildx: '0.29.1', buildkit: 'v0.25.0-rc1' }, past);
    expect(drifted.checks).toEqual([
      {
        id: 'builder.drift',
        status: 'warn',
        title: 'Versions against the last run',
        detail: 'buildx 0.28.0 in run 41, 0.29.1 here; BuildKit 0.24.0 in run 41, 0.25.0 here',
      },
    ]);
    expect(drifted.findings.map((f) => [f.id, f.severity])).toEqual([['builder-missing', 'warning']]);
    expect(versionDrift({ buildx: 'v0.28.0', buildkit: '0.24.0' }, past).checks.map((c) => c.status)).toEqual(['pass']);
    expect(versionDrift({ buildx: '0.28.0', buildkit: 'v0.0.0+unknown' }, past).checks).toEqual([
      { id: 'builder.drift', status: 'pass', title: 'Versions against the last run', detail: 'as in run 41: buildx 0.28.0' },
    ]);
  });
});
