// Unit tests of the image sizes' parts that need no registry: size limits and formatting, manifest
// reading, docker's error words sorted into reasons, and which logins Docker lacks.
// registry.integration.test.ts measures against a real registry through the docker CLI.
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hasDockerLogin, neededLogins } from '../src/buildx/docker-login.js';
import { classifyFailure } from '../src/buildx/imagetools.js';
import { imageManifestSize, isAttestationEntry, manifestKind, type Descriptor } from '../src/registry/manifest.js';
import { formatByteDelta, formatBytes, parseSizeLimit } from '../src/text/bytes.js';
import { measureImages } from '../src/registry/sizes.js';
import { tempDir } from './support/temp-dir.js';

const D1 = `sha256:${'a'.repeat(64)}`;

describe('parseSizeLimit and formatBytes', () => {
  it.each([
    ['25MiB', 25 * 1024 * 1024],
    ['1.5GB', 1_500_000_000],
    ['800kB', 800_000],
    ['800KB', 800_000],
    ['1048576', 1_048_576],
    ['25 MiB', 25 * 1024 * 1024],
    ['2gib', 2 * 1024 ** 3],
    ['512B', 512],
    ['0.5KiB', 512],
    ['1TB', 1e12],
  ])('%s -> %d bytes', (input, bytes) => {
    expect(parseSizeLimit(input)).toBe(bytes);
  });

  it.each(['', 'abc', '-1MB', '10 XB', '0', '1e3', '25MiB extra', 'MiB', '1.2.3MB'])('rejects %j with one clear line', (input) => {
    expect(() => parseSizeLimit(input)).toThrow(/^invalid size limit ".*": /);
    try {
      parseSizeLimit(input);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.00 KiB'],
    [1536, '1.50 KiB'],
    [1_048_575, '1.00 MiB'],
    [26_214_400, '25.0 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [1.5 * 1024 ** 3, '1.50 GiB'],
    [-2048, '-2.00 KiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('formats a change against a baseline', () => {
    expect(formatByteDelta(110 * 1024 * 1024, 100 * 1024 * 1024)).toBe('+10.0 MiB (+10.0%)');
    expect(formatByteDelta(900, 1000)).toBe('-100 B (-10.0%)');
    expect(formatByteDelta(5, 5)).toBe('±0 B (0.0%)');
    expect(formatByteDelta(5, 0)).toBe('+5 B');
  });
});

describe('manifests', () => {
  const entry = (over: Partial<Descriptor>): Descriptor => ({ mediaType: null, digest: D1, size: 1, platform: null, annotations: {}, ...over });

  it('takes the kind from the media type, else from the shape (umoci writes no mediaType)', () => {
    expect(manifestKind({ mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] })).toBe('index');
    expect(manifestKind({ mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json', manifests: [] })).toBe('index');
    expect(manifestKind({ mediaType: 'application/vnd.docker.distribution.manifest.v2+json', layers: [] })).toBe('image');
    expect(manifestKind({ schemaVersion: 2, layers: [] })).toBe('image');
    expect(manifestKind({ schemaVersion: 2, manifests: [] })).toBe('index');
    expect(manifestKind({ schemaVersion: 1, fsLayers: [] })).toBe('schema1');
    expect(manifestKind({ mediaType: 'application/vnd.cncf.helm.config.v1+json' })).toBe('other');
  });

  it('recognises attestation manifests by annotation or by platform unknown/unknown', () => {
    expect(isAttestationEntry(entry({ annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }))).toBe(true);
    expect(isAttestationEntry(entry({ platform: { os: 'unknown', architecture: 'unknown' } }))).toBe(true);
    expect(isAttestationEntry(entry({ platform: { os: 'linux', architecture: 'amd64' } }))).toBe(false);
  });

  it('adds config and layer sizes and refuses manifests without valid sizes', () => {
    const layer = (size: unknown) => ({ mediaType: 'l', digest: D1, size });
    expect(imageManifestSize({ config: layer(100), layers: [layer(1000), layer(2000)] })).toEqual({ bytes: 3100, configType: 'l' });
    expect(imageManifestSize({ config: layer(7), layers: [] }).bytes).toBe(7);
    expect(() => imageManifestSize({ config: layer(1), layers: [layer(-1)] })).toThrow(/layer 1 has no valid size/);
    expect(() => imageManifestSize({ config: layer('12'), layers: [] })).toThrow(/config descriptor has no valid size/);
    expect(() => imageManifestSize({ config: layer(1) })).toThrow(/no `layers` list/);
    expect(() => imageManifestSize({ config: layer(Number.MAX_SAFE_INTEGER), layers: [layer(10)] })).toThrow(/too large to add up/);
  });
});

describe("docker's words, sorted into reasons", () => {
  // Lines as docker buildx 0.29 prints them (captured against docker-registry 2.8).
  it.each([
    ['ERROR: 127.0.0.1:5123/app:nope: not found', 'not-found', '127.0.0.1:5123/app:nope was not found in the registry (127.0.0.1:5123/app:nope: not found)'],
    [
      'ERROR: failed to do request: Head "http://127.0.0.1:5999/v2/nope/manifests/v1": dial tcp 127.0.0.1:5999: connect: connection refused',
      'unreachable',
      'cannot reach 127.0.0.1:5123 (failed to do request: Head "http://127.0.0.1:5999/v2/nope/manifests/v1": dial tcp 127.0.0.1:5999: connect: connection refused)',
    ],
    [
      'ERROR: pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      'auth',
      '127.0.0.1:5123 refused access to 127.0.0.1:5123/app:nope (pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials)',
    ],
    [
      'ERROR: unexpected status from HEAD request to https://r/v2/a/manifests/1: 429 Too Many Requests',
      'rate-limited',
      '127.0.0.1:5123 is rate limiting (unexpected status from HEAD request to https://r/v2/a/manifests/1: 429 Too Many Requests)',
    ],
    [
      "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information",
      'docker',
      'docker buildx imagetools is not available (docker: unknown command: docker buildx)',
    ],
    ['', 'docker', 'docker buildx imagetools inspect 127.0.0.1:5123/app:nope failed (exit code 1)'],
  ])('%j', (stderr, kind, message) => {
    const error = classifyFailure('127.0.0.1:5123/app:nope', '127.0.0.1:5123', stderr, 1);
    expect([error.kind, error.message]).toEqual([kind, message]);
  });
});

describe('logins Docker lacks', () => {
  const withConfig = (config: object | null, fn: (env: NodeJS.ProcessEnv) => void) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-login-test-'));
    try {
      if (config) fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
      fn({ DOCKER_CONFIG: dir, HOME: dir });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  it('sees a login in `auths` (any spelling docker and login-action write) or `credHelpers`', () => {
    withConfig(
      {
        auths: { 'https://ghcr.io': {}, 'https://index.docker.io/v1/': { auth: 'eDp5' } },
        credHelpers: { '123.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login' },
      },
      (env) => {
        expect(hasDockerLogin('ghcr.io', env)).toBe(true);
        expect(hasDockerLogin('docker.io', env)).toBe(true);
        expect(hasDockerLogin('123.dkr.ecr.us-east-1.amazonaws.com', env)).toBe(true);
        expect(hasDockerLogin('quay.io', env)).toBe(false);
      },
    );
    withConfig(null, (env) => expect(hasDockerLogin('ghcr.io', env)).toBe(false));
    withConfig({ auths: 'nonsense' }, (env) => expect(hasDockerLogin('ghcr.io', env)).toBe(false));
  });

  it('uses the job token for ghcr.io only when Docker has no login for it, and explicit credentials before anything', () => {
    withConfig(null, (env) => {
      expect(neededLogins(['ghcr.io', 'docker.io'], [], 'ghs_x', 'octo', env)).toEqual([{ registry: 'ghcr.io', username: 'octo', password: 'ghs_x' }]);
      expect(neededLogins(['ghcr.io'], [], null, null, env)).toEqual([]);
      expect(neededLogins(['ghcr.io', 'quay.io'], [{ username: 'u', password: 'p' }], 'ghs_x', 'octo', env)).toEqual([
        { registry: 'ghcr.io', username: 'u', password: 'p' },
        { registry: 'quay.io', username: 'u', password: 'p' },
      ]);
      expect(neededLogins(['ghcr.io', 'quay.io'], [{ registry: 'quay.io', username: 'u', password: 'p' }], 'ghs_x', null, env)).toEqual([
        { registry: 'ghcr.io', username: 'buildx-doctor', password: 'ghs_x' },
        { registry: 'quay.io', username: 'u', password: 'p' },
      ]);
    });
    withConfig({ auths: { 'ghcr.io': { auth: 'eDp5' } } }, (env) => expect(neededLogins(['ghcr.io'], [], 'ghs_x', 'octo', env)).toEqual([]));
  });
});

// The one temporary directory the product makes: a login's DOCKER_CONFIG under os.tmpdir(), which
// holds a password. It must be gone when measureImages returns, whatever docker did.
describe('the temporary docker config of a login', () => {
  const CONFIG_PREFIX = 'buildx-doctor-docker-config-';
  const configsInTmp = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(CONFIG_PREFIX));

  /** measureImages with explicit credentials, docker being `dockerBinary`; returns its one result. */
  async function measureWithLogin(dockerBinary: string, env: NodeJS.ProcessEnv) {
    const saved = process.env.BUILDX_DOCTOR_DOCKER;
    process.env.BUILDX_DOCTOR_DOCKER = dockerBinary;
    try {
      const [result] = await measureImages([{ ref: 'registry.example/app:v1', digest: null }], {
        env,
        timeoutMs: 20_000,
        credentials: [{ registry: 'registry.example', username: 'ci', password: 'secret-0123' }],
      });
      return result!;
    } finally {
      if (saved === undefined) delete process.env.BUILDX_DOCTOR_DOCKER;
      else process.env.BUILDX_DOCTOR_DOCKER = saved;
    }
  }

  /**
   * A docker stand-in: records `COMMAND DOCKER_CONFIG`, has buildx, writes the login's config as
   * docker does; `vanish`: deletes itself once buildx was checked, so that the login cannot start.
   */
  function fakeDocker(loginExit: number, vanish = false): { binary: string; calls: string; env: NodeJS.ProcessEnv } {
    const dir = tempDir('bxd-fake-login-');
    const calls = path.join(dir, 'calls.log');
    const binary = path.join(dir, 'docker');
    fs.writeFileSync(
      binary,
      [
        '#!/bin/sh',
        'printf "%s %s\\n" "$1" "$DOCKER_CONFIG" >> "$FAKE_CALLS"',
        'if [ "$1 $2" = "buildx version" ]; then',
        '  echo "github.com/docker/buildx v0.29.1 a1b2c3d"',
        vanish ? '  rm -f "$0"' : '',
        '  exit 0',
        'fi',
        'if [ "$1" = login ]; then',
        '  printf \'{"auths":{"registry.example":{"auth":"%s"}}}\' "$(cat)" > "$DOCKER_CONFIG/config.json"',
        `  [ ${loginExit} = 0 ] || echo "Error response from daemon: unauthorized" >&2`,
        `  exit ${loginExit}`,
        'fi',
        'echo "ERROR: registry.example/app:v1: not found" >&2',
        'exit 1',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    return { binary, calls, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, FAKE_CALLS: calls } };
  }

  it.each([
    ['docker accepts the login (and then finds no image)', 0],
    ['docker refuses the login', 1],
  ])('is removed when %s', async (_case, loginExit) => {
    const before = configsInTmp();
    const fake = fakeDocker(loginExit);
    const result = await measureWithLogin(fake.binary, fake.env);
    expect(result.unavailable).toMatch(loginExit === 0 ? /^size unavailable: / : /docker login to registry\.example failed/);
    // The login ran in a config of its own under os.tmpdir(), which no longer exists.
    const logins = fs
      .readFileSync(fake.calls, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('login '));
    expect(logins).toHaveLength(1);
    const config = logins[0]!.slice('login '.length);
    expect(path.dirname(config)).toBe(os.tmpdir());
    expect(path.basename(config).startsWith(CONFIG_PREFIX)).toBe(true);
    expect(fs.existsSync(config)).toBe(false);
    expect(configsInTmp()).toEqual(before);
  });

  it('is removed when docker cannot be started for the login', async () => {
    const before = configsInTmp();
    const fake = fakeDocker(0, true);
    const result = await measureWithLogin(fake.binary, fake.env);
    expect(result.unavailable).toMatch(/docker login to registry\.example failed/);
    expect(fs.existsSync(fake.binary)).toBe(false);
    expect(configsInTmp()).toEqual(before);
  });
});
