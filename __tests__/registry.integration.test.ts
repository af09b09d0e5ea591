// Image sizes against a REAL registry through Docker's own CLI: Debian's docker-registry
// (distribution 2.8) started here on loopback, images made with umoci and pushed with skopeo, read
// back by measureImages() through `docker buildx imagetools inspect` of the modern stack
// (support/modern-buildkit.ts) in every auth mode the registry has (none, htpasswd Basic, token with a
// JWT token service), with credentials from a docker config, a credential helper that docker runs,
// and `docker login` into a temporary config. Every size is checked against the blob files the
// registry actually stores (and, for one image, against the bytes of the blobs downloaded), never
// against the manifests' own arithmetic.
//
// imagetools needs no daemon, and talks plain HTTP to a loopback registry; `docker login` without a
// daemon tries HTTPS only, so one daemon is started for this file and the logins go through it (its
// 127.0.0.0/8 registries are insecure by default, as a real daemon's are).
//
// Needs root-installed packages (scripts/ensure-test-deps.sh). It fails, never skips, when a real
// component cannot start.
//   node --experimental-vm-modules node_modules/jest/bin/jest.js registry.integration
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureImages, type ImageSizeResult, type MeasureOptions } from '../src/registry/sizes.js';
import {
  countBlobBytes,
  freePort,
  makeTempDir,
  OciLayout,
  processesMentioning,
  readStoredImage,
  startRegistry,
  startSilentServer,
  startTokenService,
  type RealRegistry,
  type StoredImage,
  type TokenService,
} from './support/real-registry.js';
import { startModernBuildkit, SETUP_TIMEOUT_MS, type ModernBuildkit } from './support/modern-buildkit.js';

const USER = 'alice';
const PASSWORD = 'correct-horse-battery-staple';
const WRONG_PASSWORD = 'not-the-password';

let work: string;
let open: RealRegistry;
let basic: RealRegistry;
let tokenRegistry: RealRegistry;
let tokens: TokenService;
let storage: string;
let mb: ModernBuildkit;
/** The modern docker client with its own empty DOCKER_CONFIG: no docker config of the machine's leaks in. */
let NO_CONFIG: MeasureOptions;
const started: Array<{ stop: () => Promise<void> }> = [];
let savedDocker: string | undefined;

const stored = (repository: string, tag: string): StoredImage => readStoredImage(storage, repository, tag);

/** Reported platform -> size, and the same from the registry's storage, for comparison. */
function sizesOf(result: ImageSizeResult): Record<string, number> {
  return Object.fromEntries(result.platforms.map((p) => [p.platform, p.compressedBytes]));
}
function storedSizes(image: StoredImage): Record<string, number> {
  return Object.fromEntries(image.platforms.map((p) => [p.platform, p.blobBytes]));
}
function single<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

/** A DOCKER_CONFIG with the buildx plugin and `config` as its config.json. */
function dockerConfig(config: object): string {
  const dir = makeTempDir('bxd-docker-config-');
  fs.symlinkSync(path.join(mb.env.DOCKER_CONFIG!, 'cli-plugins'), path.join(dir, 'cli-plugins'));
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

beforeAll(async () => {
  work = makeTempDir('bxd-registry-test-');
  storage = path.join(work, 'storage');
  fs.mkdirSync(storage);
  mb = await startModernBuildkit();
  started.push(mb);
  // measureImages runs BUILDX_DOCTOR_DOCKER, as the action runs `docker`.
  savedDocker = process.env.BUILDX_DOCTOR_DOCKER;
  process.env.BUILDX_DOCTOR_DOCKER = path.join(mb.binDir, 'docker');
  NO_CONFIG = { env: mb.env, timeoutMs: 60_000 };
  // Images, made without a daemon. Random payloads do not compress: each size is distinct.
  const layout = await OciLayout.create(path.join(work, 'layout'));
  await layout.buildImage('app-v1', { os: 'linux', architecture: 'amd64' }, 150_000);
  await layout.buildImage('app-main', { os: 'linux', architecture: 'amd64' }, 100_000);
  await layout.buildImage('multi-amd64', { os: 'linux', architecture: 'amd64' }, 200_000);
  await layout.buildImage('multi-arm64', { os: 'linux', architecture: 'arm64' }, 120_000);
  await layout.buildImage('multi-main-amd64', { os: 'linux', architecture: 'amd64' }, 90_000);
  layout.makeIndex(
    'multi-v1',
    [
      { tag: 'multi-amd64', os: 'linux', architecture: 'amd64' },
      { tag: 'multi-arm64', os: 'linux', architecture: 'arm64' },
    ],
    'multi-amd64',
  );
  layout.makeIndex('multi-main', [{ tag: 'multi-main-amd64', os: 'linux', architecture: 'amd64' }]);
  layout.makeIndex('attestation-only', [], 'app-main');
  layout.makeIndex('list-v1', [
    { tag: 'multi-arm64', os: 'linux', architecture: 'arm64' },
    { tag: 'app-main', os: 'linux', architecture: 'amd64' },
  ]);

  // One open registry takes the pushes; the Basic and token ones serve the same storage.
  open = await startRegistry({ storageDir: storage });
  started.push(open);
  await layout.push('app-v1', `${open.host}/app:v1`);
  await layout.push('app-main', `${open.host}/app:main`);
  await layout.push('multi-v1', `${open.host}/multi:v1`, { all: true });
  await layout.push('multi-main', `${open.host}/multi:main`, { all: true });
  await layout.push('attestation-only', `${open.host}/attestation:only`, { all: true });
  await layout.push('list-v1', `${open.host}/list:v1`, { all: true, format: 'v2s2' });

  basic = await startRegistry({ storageDir: storage, auth: { kind: 'htpasswd', users: { [USER]: PASSWORD } } });
  started.push(basic);
  tokens = await startTokenService({ users: { [USER]: PASSWORD }, anonymousPull: ['multi'] });
  started.push(tokens);
  tokenRegistry = await startRegistry({
    storageDir: storage,
    auth: { kind: 'token', realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile },
  });
  started.push(tokenRegistry);
}, SETUP_TIMEOUT_MS + 120_000);

afterAll(async () => {
  if (savedDocker === undefined) delete process.env.BUILDX_DOCTOR_DOCKER;
  else process.env.BUILDX_DOCTOR_DOCKER = savedDocker;
  // Registries first (they read the storage), then the token service, then the files.
  const problems: string[] = [];
  for (const component of started.reverse()) {
    try {
      await component.stop();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
  const left = [work, ...[open, basic, tokenRegistry].filter((r) => r).map((r) => r.configFile)].filter((t) => t).flatMap((t) => processesMentioning(t));
  if (left.length > 0) problems.push(`processes still running after the tests: ${left.join(', ')}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
});

describe('sizes from a real registry, no auth', () => {
  it('measures a single-platform OCI image (umoci manifest without mediaType) as the stored blobs add up', async () => {
    const expected = stored('app', 'v1');
    expect(expected.mediaType).toBeNull(); // umoci's manifest: the media type only comes from Content-Type
    const result = single(await measureImages([{ ref: `${open.host}/app:v1`, digest: null }], NO_CONFIG));
    expect(result.unavailable).toBeNull();
    expect(result.digest).toBe(expected.digest);
    const platform = single(result.platforms);
    expect(platform).toEqual({ platform: 'linux/amd64', digest: expected.digest, compressedBytes: expected.platforms[0]!.blobBytes, baselineBytes: null });
    // The blobs, downloaded: the same bytes again; and at least the random payload.
    let downloaded = 0;
    for (const digest of expected.platforms[0]!.blobDigests) downloaded += await countBlobBytes(open.host, 'app', digest);
    expect(platform.compressedBytes).toBe(downloaded);
    expect(platform.compressedBytes).toBeGreaterThan(150_000);
    expect(platform.compressedBytes).toBeLessThan(150_000 + 4_096);
  });

  it('measures what the digest names, not what the tag points at', async () => {
    const main = stored('app', 'main');
    const result = single(await measureImages([{ ref: `${open.host}/app:v1`, digest: main.digest }], NO_CONFIG));
    expect(result.digest).toBe(main.digest);
    expect(sizesOf(result)).toEqual(storedSizes(main));
  });

  it('walks a multi-platform OCI index to each platform and leaves out the attestation manifest', async () => {
    const expected = stored('multi', 'v1');
    expect(expected.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(expected.attestations).toBe(1);
    const result = single(await measureImages([{ ref: `${open.host}/multi:v1`, digest: expected.digest }], NO_CONFIG));
    expect(result.unavailable).toBeNull();
    expect(result.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(sizesOf(result)).toEqual(storedSizes(expected));
    expect(result.platforms.map((p) => p.digest)).toEqual(expected.platforms.map((p) => p.manifestDigest));
    expect(sizesOf(result)['linux/amd64']).toBeGreaterThan(200_000);
    expect(sizesOf(result)['linux/arm64']).toBeGreaterThan(120_000);
  });

  it('walks a Docker manifest list (v2s2) to each platform', async () => {
    const expected = stored('list', 'v1');
    expect(expected.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(
          storage,
          'docker/registry/v2/blobs/sha256',
          expected.platforms[0]!.manifestDigest.slice(7, 9),
          expected.platforms[0]!.manifestDigest.slice(7),
          'data',
        ),
        'utf8',
      ),
    ) as { mediaType: string };
    expect(manifest.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    const result = single(await measureImages([{ ref: `${open.host}/list:v1`, digest: null }], NO_CONFIG));
    expect(result.unavailable).toBeNull();
    expect(result.digest).toBe(expected.digest);
    expect(result.platforms.map((p) => p.platform)).toEqual(['linux/arm64', 'linux/amd64']);
    expect(sizesOf(result)).toEqual(storedSizes(expected));
  });

  it('fills baselineBytes from the baseline tag, per platform, null where the baseline lacks one', async () => {
    const results = await measureImages(
      [
        { ref: `${open.host}/app:v1`, digest: null },
        { ref: `${open.host}/multi:v1`, digest: null },
        { ref: `${open.host}/list:v1`, digest: null },
      ],
      { ...NO_CONFIG, baselineTag: 'main' },
    );
    const [app, multi, list] = results as [ImageSizeResult, ImageSizeResult, ImageSizeResult];

    const appMain = stored('app', 'main').platforms[0]!.blobBytes;
    const appV1 = stored('app', 'v1').platforms[0]!.blobBytes;
    expect(app.platforms).toEqual([expect.objectContaining({ platform: 'linux/amd64', compressedBytes: appV1, baselineBytes: appMain })]);
    expect(appV1 - appMain).toBeGreaterThan(45_000); // 150 kB of payload against 100 kB
    expect(app.baselineUnavailable).toBeNull();

    const multiMain = storedSizes(stored('multi', 'main'));
    expect(multi.platforms.map((p) => [p.platform, p.baselineBytes])).toEqual([
      ['linux/amd64', multiMain['linux/amd64']],
      ['linux/arm64', null],
    ]);
    expect(multi.baselineUnavailable).toBeNull();

    // No list:main: measured all the same, no baseline, and why.
    expect(list.unavailable).toBeNull();
    expect(list.platforms.every((p) => p.baselineBytes === null)).toBe(true);
    expect(list.baselineUnavailable).toMatch(/^baseline main: .*list:main was not found in the registry \(.*not found\)$/);
  });

  it('an index that holds only an attestation manifest has no size, and says why', async () => {
    const result = single(await measureImages([{ ref: `${open.host}/attestation:only`, digest: null }], NO_CONFIG));
    expect(result.unavailable).toBe(
      `size unavailable: the index of ${open.host}/attestation:only lists no image for a platform (only attestations or artifacts)`,
    );
    expect(result.platforms).toEqual([]);
  });

  it('reports unreachable, timed-out and missing images as unavailable without hiding the others', async () => {
    const closedPort = await freePort();
    const silent = await startSilentServer();
    try {
      const results = await measureImages(
        [
          { ref: `${open.host}/app:v1`, digest: null },
          { ref: `127.0.0.1:${closedPort}/app:v1`, digest: null },
          { ref: `${silent.host}/app:v1`, digest: null },
          { ref: `${open.host}/never-pushed:v1`, digest: null },
          { ref: `${open.host}/app:no-such-tag`, digest: null },
          { ref: `${open.host}/app:v1`, digest: `sha256:${'0'.repeat(64)}` },
          { ref: `${open.host}/app:v1`, digest: null, pushed: false },
          { ref: 'Not A Reference', digest: null },
          { ref: `${open.host}/multi:v1`, digest: null },
          { ref: `${silent.host}/other:v1`, digest: null },
        ],
        { ...NO_CONFIG, timeoutMs: 10_000 },
      );
      const reasons = results.map((r) => r.unavailable);
      expect(reasons[0]).toBeNull();
      expect(reasons[1]).toMatch(new RegExp(`^size unavailable: cannot reach 127\\.0\\.0\\.1:${closedPort} \\(.*connection refused\\)$`));
      expect(reasons[2]).toBe(`size unavailable: ${silent.host} did not answer within 10 s (docker buildx imagetools inspect was stopped)`);
      expect(reasons[3]).toMatch(/^size unavailable: .*never-pushed:v1 was not found in the registry \(.*not found\)$/);
      expect(reasons[4]).toMatch(/^size unavailable: .*app:no-such-tag was not found in the registry \(.*not found\)$/);
      expect(reasons[5]).toMatch(/^size unavailable: .*app(:v1)?@sha256:0{64} was not found in the registry/);
      expect(reasons[6]).toBe('size unavailable: the image was not pushed');
      expect(reasons[7]).toMatch(/^size unavailable: invalid image reference "Not A Reference"/);
      expect(reasons[8]).toBeNull();
      // The silent registry is not asked again: its second image fails the same way.
      expect(reasons[9]).toBe(reasons[2]);
      for (const r of results) {
        expect(r.unavailable ?? '').not.toMatch(/\n|\bat .*\.(ts|js):\d+/);
        if (r.unavailable) expect(r.platforms).toEqual([]);
      }
      expect(sizesOf(results[0]!)).toEqual(storedSizes(stored('app', 'v1')));
      expect(sizesOf(results[8]!)).toEqual(storedSizes(stored('multi', 'v1')));
      // docker was killed at the time limit, not left waiting on the silent registry.
      expect(processesMentioning(silent.host)).toEqual([]);
    } finally {
      await silent.stop();
    }
  }, 120_000);
});

describe('sizes from a real registry with Basic auth (htpasswd)', () => {
  it('anonymous: 401 with a Basic challenge gives a clear reason', async () => {
    const result = single(await measureImages([{ ref: `${basic.host}/app:v1`, digest: null }], NO_CONFIG));
    expect(result.unavailable).toMatch(
      new RegExp(`^size unavailable: ${basic.host} refused access to ${basic.host}/app:v1 \\(.*(no basic auth credentials|unauthorized)`),
    );
  });

  it('explicit credentials: docker login into a temporary config, measured, the config removed after', async () => {
    // os.tmpdir() is where measureImages makes the config: this run's own directory (global-setup.ts).
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('buildx-doctor-docker-config-'));
    const result = single(
      await measureImages([{ ref: `${basic.host}/multi:v1`, digest: null }], {
        ...NO_CONFIG,
        credentials: [{ registry: basic.host, username: USER, password: PASSWORD }],
      }),
    );
    expect(result.unavailable).toBeNull();
    expect(sizesOf(result)).toEqual(storedSizes(stored('multi', 'v1')));
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('buildx-doctor-docker-config-') && !before.includes(f))).toEqual([]);
    // Docker's own config was not written to.
    expect(
      fs.existsSync(path.join(mb.env.DOCKER_CONFIG!, 'config.json')) ? fs.readFileSync(path.join(mb.env.DOCKER_CONFIG!, 'config.json'), 'utf8') : '',
    ).not.toContain(basic.host);
  });

  it('credentials from a docker config (DOCKER_CONFIG), as docker/login-action writes them', async () => {
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const configDir = dockerConfig({ auths: { [basic.host]: { auth } } });
    try {
      const result = single(
        await measureImages([{ ref: `${basic.host}/app:v1`, digest: null }], { ...NO_CONFIG, env: { ...mb.env, DOCKER_CONFIG: configDir } }),
      );
      expect(result.unavailable).toBeNull();
      expect(sizesOf(result)).toEqual(storedSizes(stored('app', 'v1')));
    } finally {
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('credentials from a credential helper that docker runs (`credHelpers`)', async () => {
    const helperDir = makeTempDir('bxd-cred-helper-');
    const calls = path.join(helperDir, 'calls.log');
    // docker-credential-<name> get: the server on stdin, the credentials as JSON on stdout.
    fs.writeFileSync(
      path.join(helperDir, 'docker-credential-bxdtest'),
      [
        '#!/bin/sh',
        '[ "$1" = get ] || exit 1',
        'read -r server',
        `echo "$server" >> ${JSON.stringify(calls)}`,
        `printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}\\n' "$server"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const configDir = dockerConfig({ credHelpers: { [basic.host]: 'bxdtest' } });
    try {
      const env = { ...mb.env, DOCKER_CONFIG: configDir, PATH: `${helperDir}:${mb.env.PATH}` };
      const result = single(await measureImages([{ ref: `${basic.host}/list:v1`, digest: null }], { ...NO_CONFIG, env }));
      expect(result.unavailable).toBeNull();
      expect(sizesOf(result)).toEqual(storedSizes(stored('list', 'v1')));
      expect(fs.readFileSync(calls, 'utf8').trim().split('\n')).toContain(basic.host);
    } finally {
      fs.rmSync(configDir, { recursive: true, force: true });
      fs.rmSync(helperDir, { recursive: true, force: true });
    }
  });

  it('wrong credentials: docker login is refused, reported without the password, next to an image that is measured', async () => {
    const results = await measureImages(
      [
        { ref: `${basic.host}/app:v1`, digest: null },
        { ref: `${open.host}/app:v1`, digest: null },
      ],
      { ...NO_CONFIG, credentials: [{ registry: basic.host, username: USER, password: WRONG_PASSWORD }] },
    );
    expect(results[0]!.unavailable).toMatch(new RegExp(`^size unavailable: docker login to ${basic.host} failed \\(.*401`));
    expect(results[0]!.unavailable).not.toContain(WRONG_PASSWORD);
    expect(results[1]!.unavailable).toBeNull();
    expect(sizesOf(results[1]!)).toEqual(storedSizes(stored('app', 'v1')));
  });
});

describe('sizes from a real registry with token auth (Bearer challenge, JWT token service)', () => {
  it('the registry really checks tokens: a forged one is refused', async () => {
    const response = await fetch(`http://${tokenRegistry.host}/v2/app/manifests/v1`, { headers: { Authorization: 'Bearer e30.e30.c2ln' } });
    await response.arrayBuffer();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain(`realm="${tokens.realm}"`);
  });

  it('follows the challenge to the token service with docker config credentials', async () => {
    tokens.requests.length = 0;
    tokens.tokenField = 'token';
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const configDir = dockerConfig({ auths: { [tokenRegistry.host]: { auth } } });
    try {
      const env = { ...mb.env, DOCKER_CONFIG: configDir };
      const result = single(await measureImages([{ ref: `${tokenRegistry.host}/app:v1`, digest: null }], { ...NO_CONFIG, env, baselineTag: 'main' }));
      expect(result.unavailable).toBeNull();
      expect(sizesOf(result)).toEqual(storedSizes(stored('app', 'v1')));
      expect(result.platforms[0]!.baselineBytes).toBe(stored('app', 'main').platforms[0]!.blobBytes);
      expect(tokens.requests.length).toBeGreaterThanOrEqual(1);
      expect(tokens.requests.some((r) => r.user === USER && r.status === 200 && r.scopes.includes('repository:app:pull'))).toBe(true);
    } finally {
      fs.rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('explicit credentials with an `access_token` answer, and an anonymous token for a public repository', async () => {
    tokens.requests.length = 0;
    tokens.tokenField = 'access_token';
    try {
      const withCredentials = await measureImages([{ ref: `${tokenRegistry.host}/list:v1`, digest: null }], {
        ...NO_CONFIG,
        credentials: [{ registry: tokenRegistry.host, username: USER, password: PASSWORD }],
      });
      expect(single(withCredentials).unavailable).toBeNull();
      expect(sizesOf(withCredentials[0]!)).toEqual(storedSizes(stored('list', 'v1')));

      const anonymous = await measureImages(
        [
          { ref: `${tokenRegistry.host}/multi:v1`, digest: null },
          { ref: `${tokenRegistry.host}/app:v1`, digest: null },
        ],
        NO_CONFIG,
      );
      expect(anonymous[0]!.unavailable).toBeNull();
      expect(sizesOf(anonymous[0]!)).toEqual(storedSizes(stored('multi', 'v1')));
      // The token service grants nothing on app anonymously: the registry still refuses.
      expect(anonymous[1]!.unavailable).toMatch(new RegExp(`^size unavailable: ${tokenRegistry.host} refused access to ${tokenRegistry.host}/app:v1 \\(`));
      expect(tokens.requests.some((r) => r.user === null && r.scopes.includes('repository:multi:pull'))).toBe(true);
    } finally {
      tokens.tokenField = 'token';
    }
  });

  it('wrong credentials: the token service refuses them, the other images are measured', async () => {
    const results = await measureImages(
      [
        { ref: `${tokenRegistry.host}/app:v1`, digest: null },
        { ref: `${open.host}/list:v1`, digest: null },
      ],
      { ...NO_CONFIG, credentials: [{ registry: tokenRegistry.host, username: USER, password: WRONG_PASSWORD }] },
    );
    expect(results[0]!.unavailable).toMatch(new RegExp(`^size unavailable: docker login to ${tokenRegistry.host} failed \\(`));
    expect(results[0]!.unavailable).not.toContain(WRONG_PASSWORD);
    expect(tokens.requests.some((r) => r.user === USER && r.status === 401)).toBe(true);
    expect(results[1]!.unavailable).toBeNull();
    expect(sizesOf(results[1]!)).toEqual(storedSizes(stored('list', 'v1')));
  });
});

describe('where Docker cannot measure', () => {
  it('no docker CLI: every image is "not measured", nothing else is tried', async () => {
    const saved = process.env.BUILDX_DOCTOR_DOCKER;
    process.env.BUILDX_DOCTOR_DOCKER = path.join(work, 'no-such-docker');
    try {
      const results = await measureImages(
        [
          { ref: `${open.host}/app:v1`, digest: null },
          { ref: 'Not A Reference', digest: null },
        ],
        NO_CONFIG,
      );
      expect(results.map((r) => r.unavailable)).toEqual([
        'size unavailable: not measured: docker CLI not found',
        expect.stringMatching(/^size unavailable: invalid image reference/),
      ]);
    } finally {
      process.env.BUILDX_DOCTOR_DOCKER = saved;
    }
  });

  it('docker without the buildx plugin: the reason says so', async () => {
    const bare = makeTempDir('bxd-docker-config-');
    try {
      const result = single(await measureImages([{ ref: `${open.host}/app:v1`, digest: null }], { ...NO_CONFIG, env: { ...mb.env, DOCKER_CONFIG: bare } }));
      expect(result.unavailable).toMatch(/^size unavailable: docker buildx is not available \(.*buildx/);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
