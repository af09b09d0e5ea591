// The parsers of the live checks on captured real output (see fixtures/doctor/README.md): the table
// of `docker buildx ls` (the only form before buildx 0.13) must give what its JSON gives, and sizes
// as `docker buildx du` and `docker system df` print them.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuildersJson, parseBuildersTable } from '../src/doctor/builder-checks.js';
import { parseDuTotal, parseSize } from '../src/doctor/resource-checks.js';
import { parseVerboseManifest } from '../src/doctor/registry-checks.js';

const fixture = (name: string) => readFileSync(join(process.cwd(), '__tests__', 'fixtures', 'doctor', name), 'utf8');

describe('docker buildx ls', () => {
  it('the JSON: builders, the one in use, drivers, node status, BuildKit version and platforms', () => {
    const builders = parseBuildersJson(fixture('buildx-0.29-ls.json'));
    expect(builders.map((b) => `${b.name}:${b.driver}:${b.current}`)).toEqual(['gone:remote:false', 'idle:docker-container:false', 'default:docker:true']);
    expect(builders[2]!.nodes).toEqual([{ name: 'default', endpoint: 'default', status: 'running', buildkit: 'v0.0.0+unknown', platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4'], error: null }]);
    expect(builders[0]!.nodes[0]).toMatchObject({ endpoint: 'unix:///tmp/bxd-probe/nothing.sock', status: 'inactive', buildkit: null });
  });

  it('the table gives the same builders, nodes, endpoints, statuses and versions', () => {
    const fromTable = parseBuildersTable(fixture('buildx-0.29-ls.txt'));
    const fromJson = parseBuildersJson(fixture('buildx-0.29-ls.json'));
    const shape = (bs: typeof fromJson) => bs.map((b) => ({ name: b.name, driver: b.driver, current: b.current, nodes: b.nodes.map((n) => ({ name: n.name, endpoint: n.endpoint, status: n.status, buildkit: n.buildkit })) }));
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
    expect(parseVerboseManifest(JSON.stringify({ Ref: 'r', Descriptor: { digest: 'sha256:a', platform: { os: 'linux', architecture: 'amd64' } } }))).toEqual([{ platform: 'linux/amd64', digest: 'sha256:a' }]);
    const index = [
      { Descriptor: { digest: 'sha256:b', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } } },
      { Descriptor: { digest: 'sha256:c', platform: { os: 'unknown', architecture: 'unknown' } } },
    ];
    expect(parseVerboseManifest(JSON.stringify(index))).toEqual([{ platform: 'linux/arm/v7', digest: 'sha256:b' }]);
  });
});
