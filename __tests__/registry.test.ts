// Unit tests of src/registry/: references, size limits and formatting, WWW-Authenticate, docker
// config credentials, manifest reading, and the client's behaviour against a scripted fetch (what a
// real registry on loopback cannot show: HTTPS hosts, CDN redirects, Docker Hub's token flow,
// oversized or corrupt answers). registry.integration.test.ts runs against a real registry.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CredentialStore, configKeyHost, parseChallenges, readDockerConfigAuths } from '../src/registry/auth.js';
import { RegistryClient } from '../src/registry/client.js';
import { compressedSize, isAttestationEntry, manifestMediaType, readImageManifest, type Descriptor } from '../src/registry/manifest.js';
import { formatReference, InvalidReferenceError, isLoopbackHost, parseReference, withTag } from '../src/registry/reference.js';
import { formatByteDelta, formatBytes, measureImages, parseSizeLimit } from '../src/registry/sizes.js';

const D1 = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['ghcr.io/org/app:tag', { registry: 'ghcr.io', repository: 'org/app', tag: 'tag', digest: null }],
    ['alpine', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest', digest: null }],
    ['user/app:1.2', { registry: 'registry-1.docker.io', repository: 'user/app', tag: '1.2', digest: null }],
    ['docker.io/library/alpine:3.20', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: '3.20', digest: null }],
    ['docker.io/alpine', { registry: 'registry-1.docker.io', repository: 'library/alpine', tag: 'latest', digest: null }],
    ['index.docker.io/foo/bar', { registry: 'registry-1.docker.io', repository: 'foo/bar', tag: 'latest', digest: null }],
    [`app@${D1}`, { registry: 'registry-1.docker.io', repository: 'library/app', tag: null, digest: D1 }],
    [`ghcr.io/org/app:1.0@${D1}`, { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: D1 }],
    ['127.0.0.1:5000/x:y', { registry: '127.0.0.1:5000', repository: 'x', tag: 'y', digest: null }],
    ['localhost:5000/team/app', { registry: 'localhost:5000', repository: 'team/app', tag: 'latest', digest: null }],
    ['localhost/app:v1', { registry: 'localhost', repository: 'app', tag: 'v1', digest: null }],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1', digest: null }],
    ['Registry.Example.COM/a/b-c__d.e:V_1', { registry: 'registry.example.com', repository: 'a/b-c__d.e', tag: 'V_1', digest: null }],
    ['  ghcr.io/o/a:t  ', { registry: 'ghcr.io', repository: 'o/a', tag: 't', digest: null }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it.each([
    ['', /it is empty/],
    ['app:', /is not a valid tag/],
    ['App', /must be lowercase/],
    ['ghcr.io/Org/app', /must be lowercase/],
    ['app:-bad', /is not a valid tag/],
    ['app@sha256:abc', /is not a digest/],
    ['https://ghcr.io/org/app', /no scheme/],
    ['ghcr.io//app', /empty component/],
    ['my app', /white space/],
  ])('rejects %j with a one-line reason', (input, reason) => {
    expect(() => parseReference(input)).toThrow(InvalidReferenceError);
    expect(() => parseReference(input)).toThrow(reason);
    try {
      parseReference(input);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('formats and re-tags', () => {
    const ref = parseReference(`ghcr.io/org/app:pr-1@${D1}`);
    expect(formatReference(ref)).toBe(`ghcr.io/org/app:pr-1@${D1}`);
    expect(formatReference(withTag(ref, 'main'))).toBe('ghcr.io/org/app:main');
    expect(() => withTag(ref, '-x')).toThrow(/invalid tag/);
  });

  it.each([
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LOCALHOST:5000', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['10.0.0.1:5000', false],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
  ])('isLoopbackHost(%s) = %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

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

describe('WWW-Authenticate', () => {
  it('reads ghcr.io and Docker Hub Bearer challenges', () => {
    expect(parseChallenges('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/app:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:org/app:pull' } },
    ]);
    expect(parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull,push"')[0]!.params.scope).toBe(
      'repository:library/alpine:pull,push',
    );
  });

  it('reads several challenges, escapes and unquoted values', () => {
    expect(parseChallenges('Basic realm="a \\"b\\" c", Bearer realm=https://x/token, service=svc')).toEqual([
      { scheme: 'basic', params: { realm: 'a "b" c' } },
      { scheme: 'bearer', params: { realm: 'https://x/token', service: 'svc' } },
    ]);
    expect(parseChallenges(null)).toEqual([]);
    expect(parseChallenges('=,"')).toEqual([]);
    expect(parseChallenges('Bearer realm="unterminated').map((c) => c.params.realm)).toEqual(['unterminated']);
  });
});

describe('credentials', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-cred-'));
  const b64 = (s: string) => Buffer.from(s).toString('base64');

  it('reads a docker config as docker/login-action writes it', () => {
    const dir = tmp();
    try {
      const file = path.join(dir, 'config.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          auths: {
            'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
            'ghcr.io': { auth: b64('octocat:ghp_secret:with:colons') },
            'registry.example.com': { username: 'u', password: 'p' },
            'broken.example.com': { auth: '!!!' },
            'creds-helper.example.com': {},
          },
          credsStore: 'desktop',
        }),
      );
      const auths = readDockerConfigAuths(file);
      expect(auths.get('registry-1.docker.io')).toEqual({ username: 'hubuser', password: 'hubpass' });
      expect(auths.get('ghcr.io')).toEqual({ username: 'octocat', password: 'ghp_secret:with:colons' });
      expect(auths.get('registry.example.com')).toEqual({ username: 'u', password: 'p' });
      expect(auths.has('broken.example.com')).toBe(false);
      expect(auths.has('creds-helper.example.com')).toBe(false);

      fs.writeFileSync(file, '{not json');
      expect(readDockerConfigAuths(file).size).toBe(0);
      expect(readDockerConfigAuths(path.join(dir, 'missing.json')).size).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps config keys to registry hosts', () => {
    expect(configKeyHost('https://index.docker.io/v1/')).toBe('registry-1.docker.io');
    expect(configKeyHost('docker.io')).toBe('registry-1.docker.io');
    expect(configKeyHost('http://127.0.0.1:5000')).toBe('127.0.0.1:5000');
    expect(configKeyHost('GHCR.io')).toBe('ghcr.io');
  });

  it('prefers explicit credentials, then the docker config, then the GitHub token for ghcr.io', () => {
    const dir = tmp();
    try {
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: b64('cfg:cfgpass') }, 'quay.io': { auth: b64('q:qp') } } }));
      const fromEnv = new CredentialStore({ env: { DOCKER_CONFIG: dir }, githubToken: 'ghs_token' });
      expect(fromEnv.resolve('ghcr.io')).toEqual({ credentials: { username: 'cfg', password: 'cfgpass' }, source: 'docker-config' });
      expect(fromEnv.resolve('quay.io')?.source).toBe('docker-config');
      expect(fromEnv.resolve('registry-1.docker.io')).toBeNull();

      const explicit = new CredentialStore({ dockerConfig: dir, credentials: [{ registry: 'docker.io', username: 'me', password: 'pw' }], githubToken: 'ghs_token' });
      expect(explicit.resolve('registry-1.docker.io')).toEqual({ credentials: { username: 'me', password: 'pw' }, source: 'explicit' });
      expect(explicit.resolve('ghcr.io')?.source).toBe('docker-config');

      const tokenOnly = new CredentialStore({ dockerConfig: false, githubToken: 'ghs_token', githubUsername: 'octocat' });
      expect(tokenOnly.resolve('ghcr.io')).toEqual({ credentials: { username: 'octocat', password: 'ghs_token' }, source: 'github-token' });
      expect(tokenOnly.resolve('quay.io')).toBeNull();

      const anyRegistry = new CredentialStore({ dockerConfig: false, credentials: [{ username: 'all', password: 'x' }] });
      expect(anyRegistry.resolve('127.0.0.1:5000')?.credentials.username).toBe('all');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('manifests', () => {
  const entry = (over: Partial<Descriptor>): Descriptor => ({ mediaType: null, digest: D1, size: 1, platform: null, annotations: {}, ...over });

  it('takes the media type from the body, then Content-Type, then the shape', () => {
    expect(manifestMediaType({ mediaType: 'application/vnd.oci.image.index.v1+json' }, 'application/json')).toBe('application/vnd.oci.image.index.v1+json');
    expect(manifestMediaType({ schemaVersion: 2, layers: [] }, 'application/vnd.docker.distribution.manifest.v2+json; charset=utf-8')).toBe(
      'application/vnd.docker.distribution.manifest.v2+json',
    );
    expect(manifestMediaType({ schemaVersion: 2, manifests: [] }, 'application/json')).toBe('application/vnd.oci.image.index.v1+json');
    expect(manifestMediaType({ schemaVersion: 1, fsLayers: [] }, null)).toBe('application/vnd.docker.distribution.manifest.v1+json');
  });

  it('recognises attestation manifests by annotation or by platform unknown/unknown', () => {
    expect(isAttestationEntry(entry({ annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }))).toBe(true);
    expect(isAttestationEntry(entry({ platform: { os: 'unknown', architecture: 'unknown' } }))).toBe(true);
    expect(isAttestationEntry(entry({ platform: { os: 'linux', architecture: 'amd64' } }))).toBe(false);
  });

  it('adds config and layer sizes and refuses manifests without valid sizes', () => {
    const layer = (size: unknown) => ({ mediaType: 'l', digest: D1, size });
    expect(compressedSize(readImageManifest({ config: layer(100), layers: [layer(1000), layer(2000)] }))).toBe(3100);
    expect(compressedSize(readImageManifest({ config: layer(7), layers: [] }))).toBe(7);
    expect(() => readImageManifest({ config: layer(1), layers: [layer(-1)] })).toThrow(/layer 1 has no valid size/);
    expect(() => readImageManifest({ config: layer('12'), layers: [] })).toThrow(/config descriptor has no valid size/);
    expect(() => readImageManifest({ config: layer(1) })).toThrow(/no `layers` list/);
  });
});

// --- the client against a scripted fetch ----------------------------------------------------------

type Route = (url: URL, headers: Headers) => Response | Promise<Response>;

interface Recorded {
  url: string;
  authorization: string | null;
  accept: string | null;
}

function scriptedFetch(routes: Record<string, Route>) {
  const calls: Recorded[] = [];
  const fetchImpl = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    calls.push({ url: input, authorization: headers.get('authorization'), accept: headers.get('accept') });
    const route = routes[`${url.origin}${url.pathname}`];
    if (!route) return new Response('{"errors":[{"code":"NOT_FOUND","message":"no route"}]}', { status: 404 });
    return route(url, headers);
  };
  return { fetch: fetchImpl, calls };
}

const json = (body: unknown, contentType: string, status = 200, extra: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...extra } });
const sha = (data: string | Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

function image(platform: { os: string; architecture: string; variant?: string }, layerSizes: number[]) {
  const config = JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [] } });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: sha(config), size: config.length },
    layers: layerSizes.map((size, i) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: sha(`layer${i}${size}`), size })),
  });
  return { config, manifest, digest: sha(manifest), total: config.length + layerSizes.reduce((a, b) => a + b, 0) };
}

describe('RegistryClient and measureImages against a scripted registry', () => {
  it('uses HTTPS for a remote registry and follows the Docker Hub token flow with docker config credentials', async () => {
    const amd64 = image({ os: 'linux', architecture: 'amd64' }, [1000, 2000]);
    const arm64 = image({ os: 'linux', architecture: 'arm64', variant: 'v8' }, [1500]);
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: [
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: amd64.digest, size: amd64.manifest.length, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: arm64.digest, size: arm64.manifest.length, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      ],
    });
    const challenge = 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:user/app:pull"';
    const guarded = (respond: () => Response): Route => (_url, headers) =>
      headers.get('authorization') === 'Bearer tok-123' ? respond() : json({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, 'application/json', 401, { 'WWW-Authenticate': challenge });
    const base = 'https://registry-1.docker.io/v2/user/app';
    const { fetch, calls } = scriptedFetch({
      [`${base}/manifests/v1`]: guarded(() => json(index, 'application/vnd.docker.distribution.manifest.list.v2+json', 200, { 'Docker-Content-Digest': sha(index) })),
      [`${base}/manifests/${amd64.digest}`]: guarded(() => json(amd64.manifest, 'application/vnd.docker.distribution.manifest.v2+json')),
      [`${base}/manifests/${arm64.digest}`]: guarded(() => json(arm64.manifest, 'application/vnd.docker.distribution.manifest.v2+json')),
      'https://auth.docker.io/token': (url, headers) => {
        expect(url.searchParams.get('service')).toBe('registry.docker.io');
        expect(url.searchParams.get('scope')).toBe('repository:user/app:pull');
        expect(headers.get('authorization')).toBe(`Basic ${Buffer.from('hubuser:hubpass').toString('base64')}`);
        return json({ access_token: 'tok-123', expires_in: 300 }, 'application/json');
      },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubpass').toString('base64') } } }));
      const [result] = await measureImages([{ ref: 'user/app:v1', digest: null }], { fetch, env: { DOCKER_CONFIG: dir } });
      expect(result).toEqual({
        ref: 'user/app:v1',
        digest: sha(index),
        platforms: [
          { platform: 'linux/amd64', digest: amd64.digest, compressedBytes: amd64.total, baselineBytes: null },
          { platform: 'linux/arm64/v8', digest: arm64.digest, compressedBytes: arm64.total, baselineBytes: null },
        ],
        unavailable: null,
        baselineUnavailable: null,
      });
      expect(calls.every((c) => c.url.startsWith('https://'))).toBe(true);
      // One token for the repository: asked once, then reused.
      expect(calls.filter((c) => c.url.startsWith('https://auth.docker.io/')).length).toBe(1);
      expect(calls[0]!.accept).toContain('application/vnd.oci.image.index.v1+json');
      expect(calls[0]!.accept).toContain('application/vnd.docker.distribution.manifest.v2+json');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the platform from the config of a single manifest with no mediaType, following a CDN redirect without the Authorization header', async () => {
    const img = image({ os: 'linux', architecture: 's390x' }, [42]);
    const bare = JSON.parse(img.manifest) as Record<string, unknown>;
    delete bare.mediaType;
    const manifest = JSON.stringify(bare);
    const configDigest = (bare.config as { digest: string }).digest;
    const { fetch, calls } = scriptedFetch({
      'https://ghcr.io/v2/org/app/manifests/v1': (_u, h) =>
        h.get('authorization') ? json(manifest, 'application/vnd.docker.distribution.manifest.v2+json') : json('{}', 'application/json', 401, { 'WWW-Authenticate': 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/app:pull"' }),
      'https://ghcr.io/token': (_u, h) => {
        expect(h.get('authorization')).toBe(`Basic ${Buffer.from('x-access-token:ghs_abc').toString('base64')}`);
        return json({ token: 'ghcr-token' }, 'application/json');
      },
      [`https://ghcr.io/v2/org/app/blobs/${configDigest}`]: () => new Response(null, { status: 307, headers: { Location: 'https://pkg-containers.githubusercontent.com/blob?sig=1' } }),
      'https://pkg-containers.githubusercontent.com/blob': () => new Response(img.config, { status: 200 }),
    });
    const [result] = await measureImages([{ ref: 'ghcr.io/org/app:v1', digest: null }], { fetch, dockerConfig: false, githubToken: 'ghs_abc' });
    expect(result!.unavailable).toBeNull();
    expect(result!.platforms).toEqual([{ platform: 'linux/s390x', digest: sha(manifest), compressedBytes: img.total, baselineBytes: null }]);
    const cdn = calls.find((c) => c.url.startsWith('https://pkg-containers.githubusercontent.com/'));
    expect(cdn?.authorization).toBeNull();
    expect(calls.find((c) => c.url.includes('/blobs/'))?.authorization).toBe('Bearer ghcr-token');
  });

  it('turns every failure into one line: too large, corrupt, downgraded, denied, rate limited, schema 1, attestations only', async () => {
    const att = image({ os: 'unknown', architecture: 'unknown' }, [10]);
    const attOnly = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: att.digest, size: 1, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }],
    });
    const good = image({ os: 'linux', architecture: 'amd64' }, [5]);
    const wrong = image({ os: 'linux', architecture: 'amd64' }, [6]);
    const big = 'x'.repeat(1500);
    const { fetch } = scriptedFetch({
      'https://r.example/v2/big/manifests/v1': () => json(big, 'application/vnd.oci.image.manifest.v1+json', 200, { 'Content-Length': String(big.length) }),
      'https://r.example/v2/chunked/manifests/v1': () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(150)));
              controller.close();
            },
          }),
          { status: 200, headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' } },
        ),
      [`https://r.example/v2/corrupt/manifests/${good.digest}`]: () => json(wrong.manifest, 'application/vnd.docker.distribution.manifest.v2+json'),
      'https://r.example/v2/down/manifests/v1': () => new Response(null, { status: 302, headers: { Location: 'http://r.example/plain' } }),
      'https://r.example/v2/denied/manifests/v1': () => json({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }, 'application/json', 403),
      'https://r.example/v2/busy/manifests/v1': () => json({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }, 'application/json', 429),
      'https://r.example/v2/old/manifests/v1': () => json({ schemaVersion: 1, fsLayers: [] }, 'application/vnd.docker.distribution.manifest.v1+prettyjws'),
      'https://r.example/v2/att/manifests/v1': () => json(attOnly, 'application/vnd.oci.image.index.v1+json'),
      'https://r.example/v2/realm/manifests/v1': () => json('{}', 'application/json', 401, { 'WWW-Authenticate': 'Bearer realm="http://auth.example/token",service="r"' }),
      'https://r.example/v2/ok/manifests/v1': () => json(good.manifest, 'application/vnd.docker.distribution.manifest.v2+json'),
    });
    const refs = ['big', 'chunked', 'corrupt', 'down', 'denied', 'busy', 'old', 'att', 'realm', 'ok'];
    const results = await measureImages(
      refs.map((name) => ({ ref: `r.example/${name}:v1`, digest: name === 'corrupt' ? good.digest : null })),
      { fetch, dockerConfig: false, maxManifestBytes: 1000, credentials: [{ registry: 'r.example', username: 'u', password: 'hunter2' }] },
    );
    const reasons = Object.fromEntries(refs.map((name, i) => [name, results[i]!.unavailable]));
    expect(reasons).toEqual({
      big: 'size unavailable: the response of r.example is 1500 bytes, over the 1000-byte limit',
      chunked: 'size unavailable: the response of r.example is over the 1000-byte limit',
      corrupt: `size unavailable: the manifest r.example sent for ${good.digest} has digest ${wrong.digest}`,
      down: 'size unavailable: r.example redirected from HTTPS to http; refused',
      denied: 'size unavailable: r.example denied access to denied (HTTP 403 DENIED: requested access to the resource is denied)',
      busy: 'size unavailable: r.example is rate limiting (HTTP 429 TOOMANYREQUESTS: slow down)',
      old: 'size unavailable: r.example/old:v1 has a Docker schema 1 manifest, which states no layer sizes',
      att: 'size unavailable: the index of r.example/att:v1 lists no image for a platform (only attestations or artifacts)',
      realm: 'size unavailable: refusing the token realm auth.example over plain HTTP: only loopback hosts may use http://',
      ok: null,
    });
    for (const r of results) expect(r.unavailable ?? '').not.toContain('hunter2');
  });

  it('never throws: a fetch that fails is an unavailable image, and a dead registry is asked only once', async () => {
    let calls = 0;
    const results = await measureImages(
      [
        { ref: 'r.example/x:v1', digest: null },
        { ref: 'r.example/y:v1', digest: 'not-a-digest' },
        { ref: 'r.example/z:v1', digest: null },
        { ref: 'r.example/w:v1', digest: null },
      ],
      {
        dockerConfig: false,
        concurrency: 1,
        fetch: async () => {
          calls++;
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND r.example'), { code: 'ENOTFOUND' }) });
        },
      },
    );
    const dead = 'size unavailable: cannot reach r.example: its name does not resolve (ENOTFOUND)';
    expect(results.map((r) => r.unavailable)).toEqual([dead, 'size unavailable: "not-a-digest" is not a digest', dead, dead]);
    expect(calls).toBe(1);
  });

  it('a reset connection is not taken for a dead registry', async () => {
    let calls = 0;
    const results = await measureImages(
      [
        { ref: 'r.example/x:v1', digest: null },
        { ref: 'r.example/z:v1', digest: null },
      ],
      {
        dockerConfig: false,
        concurrency: 1,
        fetch: async () => {
          calls++;
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
        },
      },
    );
    expect(results.map((r) => r.unavailable)).toEqual([
      'size unavailable: cannot reach r.example: the connection was closed (UND_ERR_SOCKET)',
      'size unavailable: cannot reach r.example: the connection was closed (UND_ERR_SOCKET)',
    ]);
    expect(calls).toBe(2);
  });

  it('rejects nonsense options up front', () => {
    expect(() => new RegistryClient({ timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
