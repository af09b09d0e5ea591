// A real OCI registry for integration tests: Debian's docker-registry (distribution 2.8), started on
// a free loopback port with its own config and storage under a temp dir, stopped by stop().
// Images are made without a daemon with umoci and pushed with skopeo; a small token service (JWT
// signed ES256 with a key made here, its self-signed certificate as the registry's rootcertbundle)
// gives the registry's `auth: token` mode something real to validate.
//
// Also reads what the registry actually stores (its filesystem layout), so tests can check sizes
// against the blobs themselves rather than against manifest arithmetic.
//
// Needs the Debian packages of scripts/ensure-test-deps.sh (docker-registry, skopeo, umoci,
// apache2-utils, openssl). Uses node built-ins only.

import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { needsRealComponent } from './test-tier.js';

export const REGISTRY_BIN = '/usr/bin/docker-registry';
export const SKOPEO_BIN = '/usr/bin/skopeo';
export const UMOCI_BIN = '/usr/bin/umoci';
export const HTPASSWD_BIN = '/usr/bin/htpasswd';
export const OPENSSL_BIN = '/usr/bin/openssl';

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program (no shell); throws with its output when it fails or takes too long. */
export function run(
  file: string,
  args: string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; allowFailure?: boolean } = {},
): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${file}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { exitCode: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (timedOut) reject(new Error(`\`${path.basename(file)} ${args.join(' ')}\` did not finish within ${timeoutMs} ms`));
      else if (result.exitCode !== 0 && !options.allowFailure) {
        reject(new Error(`\`${path.basename(file)} ${args.join(' ')}\` exited ${result.exitCode}:\n${(result.stderr || result.stdout).trim().slice(-2000)}`));
      } else resolve(result);
    });
  });
}

export function requireTools(tools: string[]): void {
  needsRealComponent(`the real registry's tools (${tools.join(', ')})`);
  const missing = tools.filter((bin) => {
    try {
      fs.accessSync(bin, fs.constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    throw new Error(
      `real registry: ${missing.join(', ')} missing; run \`bash scripts/ensure-test-deps.sh\` as root (installs docker-registry, skopeo, umoci, apache2-utils, openssl)`,
    );
  }
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when `promise` settles within `ms` (the timer is cleared either way). */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// --- the registry ---------------------------------------------------------------------------------

export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string };

export interface RealRegistry {
  /** `127.0.0.1:PORT`, as an image reference's host. */
  host: string;
  port: number;
  storageDir: string;
  /** The config file, on the registry's command line (to find the process). */
  configFile: string;
  logTail(): string;
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  auth?: RegistryAuth;
  /** Share another registry's storage (read it through another auth mode); default: a new temp dir. */
  storageDir?: string;
}

function yamlString(s: string): string {
  return JSON.stringify(s); // JSON strings are YAML strings
}

/** Starts docker-registry on a free loopback port; resolves once `GET /v2/` answers. */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<RealRegistry> {
  requireTools([REGISTRY_BIN, ...(options.auth?.kind === 'htpasswd' ? [HTPASSWD_BIN] : [])]);
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startRegistryOnce(options, await freePort());
    } catch (error) {
      lastError = error as Error;
      if (!/address already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError!;
}

async function startRegistryOnce(options: StartRegistryOptions, port: number): Promise<RealRegistry> {
  const dir = makeTempDir('bxd-registry-');
  const storageDir = options.storageDir ?? path.join(dir, 'storage');
  fs.mkdirSync(storageDir, { recursive: true });
  const logFile = path.join(dir, 'registry.log');
  const host = `127.0.0.1:${port}`;
  const auth = options.auth ?? { kind: 'none' };

  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${yamlString(storageDir)}`,
    '  cache:',
    '    blobdescriptor: inmemory',
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${yamlString(host)}`,
    `  secret: ${yamlString(randomBytes(16).toString('hex'))}`,
  ];
  if (auth.kind === 'htpasswd') {
    const htpasswdFile = path.join(dir, 'htpasswd');
    const entries: string[] = [];
    try {
      for (const [user, password] of Object.entries(auth.users)) {
        entries.push((await run(HTPASSWD_BIN, ['-Bbn', user, password])).stdout.trim());
      }
    } catch (error) {
      // No stop() yet to remove the directory: a failed start must not leave it behind.
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    fs.writeFileSync(htpasswdFile, entries.join('\n') + '\n');
    lines.push('auth:', '  htpasswd:', '    realm: bxd-test-realm', `    path: ${yamlString(htpasswdFile)}`);
  } else if (auth.kind === 'token') {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${yamlString(auth.realm)}`,
      `    service: ${yamlString(auth.service)}`,
      `    issuer: ${yamlString(auth.issuer)}`,
      `    rootcertbundle: ${yamlString(auth.rootCertBundle)}`,
    );
  }
  const configFile = path.join(dir, 'config.yml');
  fs.writeFileSync(configFile, lines.join('\n') + '\n');

  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(REGISTRY_BIN, ['serve', configFile], { stdio: ['ignore', logFd, logFd], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } });
  fs.closeSync(logFd);
  // Set by the child's callbacks: typed by assertion so TypeScript does not narrow it to null below.
  let exited = null as string | null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });
  child.once('error', (e) => {
    exited = `spawn error: ${e.message}`;
  });
  const killAtExit = () => {
    if (!exited && child.pid) child.kill('SIGKILL');
  };
  process.once('exit', killAtExit);

  const logTail = () => {
    try {
      return fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-20).join('\n');
    } catch {
      return '(no registry log)';
    }
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killAtExit);
    if (!exited && child.pid) {
      child.kill('SIGTERM');
      if (!(await within(exitPromise, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        if (!(await within(exitPromise, STOP_TIMEOUT_MS))) throw new Error(`real registry: docker-registry (pid ${child.pid}) survived SIGKILL`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      const tail = logTail();
      await stop();
      throw new Error(`real registry: docker-registry ended before it was ready (${exited})\n--- registry log ---\n${tail}`);
    }
    try {
      const response = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200 || response.status === 401) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      const tail = logTail();
      await stop();
      throw new Error(`real registry: no answer on ${host} within ${READY_TIMEOUT_MS} ms\n--- registry log ---\n${tail}`);
    }
    await sleep(50);
  }
  return { host, port, storageDir, configFile, logTail, stop };
}

// --- a token service --------------------------------------------------------------------------------

export interface TokenRequest {
  service: string | null;
  scopes: string[];
  /** The username of the Basic credentials sent, null when anonymous (passwords are never kept). */
  user: string | null;
  status: number;
}

export interface TokenService {
  /** `http://127.0.0.1:PORT/token`: the registry's `realm`. */
  realm: string;
  service: string;
  issuer: string;
  /** The self-signed certificate the tokens' x5c carries: the registry's `rootcertbundle`. */
  certFile: string;
  requests: TokenRequest[];
  /** Which field of the JSON answer holds the token (`token` or `access_token`). */
  tokenField: 'token' | 'access_token';
  stop(): Promise<void>;
}

export interface TokenServiceOptions {
  users: Record<string, string>;
  /** Repositories anyone may pull without credentials (as ghcr.io does for public packages). */
  anonymousPull?: string[];
  service?: string;
  issuer?: string;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signJwt(header: object, claims: object, key: KeyObject): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  // JWS ES256 wants the raw r||s signature, not DER.
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

/**
 * A Docker registry token service (the protocol of ghcr.io and auth.docker.io) on loopback: GET
 * /token?service=...&scope=repository:NAME:pull answers `{token}` (or `{access_token}`), a JWT the
 * registry verifies through the certificate in its x5c header against its rootcertbundle.
 */
export async function startTokenService(options: TokenServiceOptions): Promise<TokenService> {
  requireTools([OPENSSL_BIN]);
  const dir = makeTempDir('bxd-token-');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const selfSigned = ['req', '-new', '-x509', '-key', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=buildx-doctor test token issuer', '-sha256'];
  try {
    await run(OPENSSL_BIN, selfSigned);
  } catch (error) {
    // No stop() yet to remove the directory: a failed start must not leave it behind.
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const certPem = fs.readFileSync(certFile, 'utf8');
  const certDer = certPem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  const service = options.service ?? 'bxd-test-registry';
  const issuer = options.issuer ?? 'bxd-test-issuer';
  const anonymousPull = new Set(options.anonymousPull ?? []);

  const state: TokenService = {
    realm: '',
    service,
    issuer,
    certFile,
    requests: [],
    tokenField: 'token',
    stop: async () => undefined,
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const answer = (status: number, body: object) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let user: string | null = null;
    let authenticated = false;
    const header = req.headers.authorization;
    if (header && /^basic /i.test(header)) {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      user = colon >= 0 ? decoded.slice(0, colon) : decoded;
      const password = colon >= 0 ? decoded.slice(colon + 1) : '';
      authenticated = Object.prototype.hasOwnProperty.call(options.users, user) && options.users[user] === password;
    }
    const record: TokenRequest = { service: url.searchParams.get('service'), scopes: url.searchParams.getAll('scope'), user, status: 200 };
    state.requests.push(record);
    if (url.pathname !== '/token') {
      record.status = 404;
      return answer(404, { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] });
    }
    if (header && !authenticated) {
      record.status = 401;
      return answer(401, { errors: [{ code: 'UNAUTHORIZED', message: 'invalid username or password' }] });
    }
    if (record.service !== service) {
      record.status = 400;
      return answer(400, { errors: [{ code: 'BAD_REQUEST', message: 'unknown service' }] });
    }
    const access: Array<{ type: string; name: string; actions: string[] }> = [];
    for (const scope of record.scopes) {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || !name || !actions) continue;
      const wanted = actions.split(',');
      const granted = authenticated ? wanted : anonymousPull.has(name) ? wanted.filter((a) => a === 'pull') : [];
      if (granted.length > 0) access.push({ type, name, actions: granted });
    }
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(
      { typ: 'JWT', alg: 'ES256', x5c: [certDer] },
      { iss: issuer, sub: user ?? '', aud: service, exp: now + 300, nbf: now - 5, iat: now, jti: randomBytes(12).toString('hex'), access },
      privateKey,
    );
    answer(200, { [state.tokenField]: token, expires_in: 300, issued_at: new Date().toISOString() });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  state.realm = `http://127.0.0.1:${address.port}/token`;
  state.stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return state;
}

// --- images without a daemon -----------------------------------------------------------------------

const REF_NAME = 'org.opencontainers.image.ref.name';

interface LayoutIndex {
  schemaVersion: number;
  manifests: Array<{ mediaType: string; digest: string; size: number; annotations?: Record<string, string>; platform?: object }>;
}

/** An OCI image layout on disk, filled with umoci. */
export class OciLayout {
  constructor(readonly dir: string) {}

  static async create(dir: string): Promise<OciLayout> {
    requireTools([UMOCI_BIN]);
    await run(UMOCI_BIN, ['init', '--layout', dir]);
    return new OciLayout(dir);
  }

  private readIndex(): LayoutIndex {
    return JSON.parse(fs.readFileSync(path.join(this.dir, 'index.json'), 'utf8')) as LayoutIndex;
  }

  /** The descriptor a tag points at in the layout. */
  descriptor(tag: string) {
    const found = this.readIndex().manifests.find((m) => m.annotations?.[REF_NAME] === tag);
    if (!found) throw new Error(`OCI layout ${this.dir} has no tag ${tag}`);
    return found;
  }

  /** Writes a blob into the layout; returns its descriptor fields. */
  putBlob(data: Buffer): { digest: string; size: number } {
    const hex = createHash('sha256').update(data).digest('hex');
    fs.writeFileSync(path.join(this.dir, 'blobs', 'sha256', hex), data);
    return { digest: `sha256:${hex}`, size: data.length };
  }

  /**
   * A one-platform image: umoci new, the platform set in its config, then a layer holding a file of
   * `randomBytes` random (incompressible) bytes, added by unpack, write, repack.
   */
  async buildImage(tag: string, platform: { os: string; architecture: string }, randomByteCount: number): Promise<void> {
    const image = `${this.dir}:${tag}`;
    await run(UMOCI_BIN, ['new', '--image', image]);
    await run(UMOCI_BIN, ['config', '--image', image, '--os', platform.os, '--architecture', platform.architecture, '--config.cmd', '/bin/true']);
    const bundle = fs.mkdtempSync(path.join(path.dirname(this.dir), 'bundle-'));
    fs.rmSync(bundle, { recursive: true });
    await run(UMOCI_BIN, ['unpack', '--image', image, bundle]);
    fs.writeFileSync(path.join(bundle, 'rootfs', 'payload.bin'), randomBytes(randomByteCount));
    await run(UMOCI_BIN, ['repack', '--image', image, bundle]);
    fs.rmSync(bundle, { recursive: true, force: true });
  }

  /**
   * An OCI index of the given platform tags, tagged `tag`; with `attestationFor`, also an
   * attestation manifest as BuildKit makes it (platform unknown/unknown, an in-toto layer, the
   * `vnd.docker.reference.type: attestation-manifest` annotation).
   */
  makeIndex(tag: string, platformTags: Array<{ tag: string; os: string; architecture: string }>, attestationFor?: string): void {
    const manifests: object[] = platformTags.map((p) => {
      const d = this.descriptor(p.tag);
      return { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: d.digest, size: d.size, platform: { os: p.os, architecture: p.architecture } };
    });
    if (attestationFor) {
      const subject = this.descriptor(attestationFor);
      const config = this.putBlob(
        Buffer.from(JSON.stringify({ architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [] } })),
      );
      const statement = this.putBlob(
        Buffer.from(
          JSON.stringify({
            _type: 'https://in-toto.io/Statement/v0.1',
            predicateType: 'https://slsa.dev/provenance/v0.2',
            subject: [{ name: 'payload', digest: { sha256: subject.digest.slice(7) } }],
            predicate: { padding: randomBytes(6000).toString('base64') },
          }),
        ),
      );
      const manifest = this.putBlob(
        Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
            layers: [
              { mediaType: 'application/vnd.in-toto+json', ...statement, annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } },
            ],
          }),
        ),
      );
      manifests.push({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        ...manifest,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': subject.digest },
      });
    }
    const index = this.putBlob(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests })));
    const layoutIndex = this.readIndex();
    layoutIndex.manifests = layoutIndex.manifests.filter((m) => m.annotations?.[REF_NAME] !== tag);
    layoutIndex.manifests.push({ mediaType: 'application/vnd.oci.image.index.v1+json', ...index, annotations: { [REF_NAME]: tag } });
    fs.writeFileSync(path.join(this.dir, 'index.json'), JSON.stringify(layoutIndex));
  }

  /** skopeo copy oci:DIR:TAG docker://DEST (`all` for an index, `v2s2` for Docker media types). */
  async push(tag: string, destination: string, options: { all?: boolean; format?: 'v2s2' | 'oci'; creds?: string } = {}): Promise<void> {
    requireTools([SKOPEO_BIN]);
    const args = ['--insecure-policy', 'copy', '--quiet', '--dest-tls-verify=false'];
    if (options.all) args.push('--all');
    if (options.format) args.push('--format', options.format);
    if (options.creds) args.push('--dest-creds', options.creds);
    args.push(`oci:${this.dir}:${tag}`, `docker://${destination}`);
    await run(SKOPEO_BIN, args, { timeoutMs: 60_000 });
  }
}

// --- what the registry stores ------------------------------------------------------------------------

export interface StoredPlatform {
  platform: string;
  manifestDigest: string;
  /** Bytes of the config and layer blob files on disk, added up. */
  blobBytes: number;
  blobDigests: string[];
}

export interface StoredImage {
  /** The digest the tag points at, from the registry's tag link. */
  digest: string;
  mediaType: string | null;
  platforms: StoredPlatform[];
  /** Index entries left out as attestations (platform unknown/unknown). */
  attestations: number;
}

/**
 * Reads an image straight from docker-registry's filesystem storage: the tag's link, the manifest
 * blob, and the size on disk of each blob file it names (each also checked to be linked into the
 * repository). Independent of the code under test.
 */
export function readStoredImage(storageDir: string, repository: string, tag: string): StoredImage {
  const v2 = path.join(storageDir, 'docker', 'registry', 'v2');
  const repoDir = path.join(v2, 'repositories', repository);
  const blobPath = (digest: string) => {
    const [algorithm, hex] = digest.split(':') as [string, string];
    return path.join(v2, 'blobs', algorithm, hex.slice(0, 2), hex, 'data');
  };
  const linked = (kind: '_layers' | '_manifests/revisions', digest: string) => {
    const [algorithm, hex] = digest.split(':') as [string, string];
    const link = path.join(repoDir, kind, algorithm, hex, 'link');
    if (fs.readFileSync(link, 'utf8').trim() !== digest) throw new Error(`${link} does not point at ${digest}`);
  };
  const readJson = (digest: string) => JSON.parse(fs.readFileSync(blobPath(digest), 'utf8')) as Record<string, unknown>;

  const digest = fs.readFileSync(path.join(repoDir, '_manifests', 'tags', tag, 'current', 'link'), 'utf8').trim();
  linked('_manifests/revisions', digest);
  const top = readJson(digest);

  const platformOf = (
    manifest: Record<string, unknown>,
    manifestDigest: string,
    given: { os: string; architecture: string; variant?: string } | null,
  ): StoredPlatform => {
    const config = manifest.config as { digest: string };
    const layers = manifest.layers as Array<{ digest: string }>;
    const digests = [config.digest, ...layers.map((l) => l.digest)];
    let blobBytes = 0;
    for (const d of digests) {
      linked('_layers', d);
      blobBytes += fs.statSync(blobPath(d)).size;
    }
    const p = given ?? (readJson(config.digest) as { os: string; architecture: string; variant?: string });
    return { platform: `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`, manifestDigest, blobBytes, blobDigests: digests };
  };

  if (Array.isArray(top.manifests)) {
    const platforms: StoredPlatform[] = [];
    let attestations = 0;
    for (const entry of top.manifests as Array<{ digest: string; platform?: { os: string; architecture: string; variant?: string } }>) {
      if (entry.platform?.os === 'unknown') {
        attestations++;
        continue;
      }
      linked('_manifests/revisions', entry.digest);
      platforms.push(platformOf(readJson(entry.digest), entry.digest, entry.platform ?? null));
    }
    return { digest, mediaType: typeof top.mediaType === 'string' ? top.mediaType : null, platforms, attestations };
  }
  return { digest, mediaType: typeof top.mediaType === 'string' ? top.mediaType : null, platforms: [platformOf(top, digest, null)], attestations: 0 };
}

/** Downloads a blob over the registry API and counts its bytes (an open registry only). */
export async function countBlobBytes(host: string, repository: string, digest: string): Promise<number> {
  const response = await fetch(`http://${host}/v2/${repository}/blobs/${digest}`);
  if (response.status !== 200) throw new Error(`GET blob ${digest}: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const actual = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  if (actual !== digest) throw new Error(`blob ${digest} downloaded with digest ${actual}`);
  return body.length;
}

/** A loopback TCP server that accepts connections and never answers (for timeouts). */
export async function startSilentServer(): Promise<{ host: string; stop: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** PIDs of running processes whose command line mentions `text` (to check nothing was left behind). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (cmdline.includes(text) && state !== 'Z') found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}
