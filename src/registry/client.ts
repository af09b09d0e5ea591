// A small OCI Distribution API client: GET manifests, indexes and config blobs of one repository,
// over HTTPS (plain HTTP only for loopback registries), with the registry's authentication
// (anonymous, Basic, Bearer token challenge), a time limit per request and a bound on every body.
// resolveImage() walks an index to each platform's image manifest, leaving out attestations, and
// gives each platform's compressed size as its manifest states it.

import { createHash } from 'node:crypto';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import {
  basicAuthorization,
  CredentialStore,
  describeSource,
  fetchBearerToken,
  parseChallenges,
  type CredentialOptions,
  type ResolvedCredentials,
} from './auth.js';
import { httpGet, oneLine, RegistryError, registryBaseUrl, registryErrorText, type FetchLike, type HttpResponse } from './http.js';
import {
  compressedSize,
  configPlatform,
  formatPlatform,
  indexEntries,
  isAttestationEntry,
  isImageConfigType,
  isImageManifestType,
  isIndexType,
  MANIFEST_ACCEPT,
  manifestKind,
  manifestMediaType,
  readImageManifest,
  type Descriptor,
} from './manifest.js';
import { formatReference, manifestReference, type ImageReference } from './reference.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** How deep an index may nest indexes. */
const MAX_INDEX_DEPTH = 2;

export interface RegistryClientOptions extends CredentialOptions {
  /** Per request (default 15 s). */
  timeoutMs?: number;
  /** Largest manifest, index or config accepted (default 4 MiB). */
  maxManifestBytes?: number;
  /** Replaces the global fetch (tests). */
  fetch?: FetchLike;
  userAgent?: string;
}

export interface FetchedManifest {
  /** From the body's `mediaType`, else the `Content-Type` header. */
  mediaType: string | null;
  /** The manifest's digest: `Docker-Content-Digest`, else the sha256 of the body. */
  digest: string;
  body: unknown;
  bytes: number;
}

export interface PlatformImage {
  /** `linux/amd64`, `linux/arm64/v8`; `unknown` when neither index nor config says. */
  platform: string;
  /** Digest of the platform's image manifest. */
  digest: string;
  /** config.size + sum(layers[].size), as the manifest states them. */
  compressedBytes: number;
}

export interface ResolvedImage {
  /** Digest of what the reference named (the index, or the single manifest). */
  digest: string;
  mediaType: string | null;
  platforms: PlatformImage[];
}

/** sha256 (or sha512) of `bytes` in digest form, null for another algorithm. */
function digestOf(bytes: Buffer, algorithm: string): string | null {
  if (algorithm !== 'sha256' && algorithm !== 'sha512') return null;
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

function isDigest(text: string): boolean {
  return /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(text);
}

export class RegistryClient {
  private readonly store: CredentialStore;
  private readonly timeoutMs: number;
  private readonly maxManifestBytes: number;
  /** `Authorization` per `registry/repository`, once a challenge has been answered. */
  private readonly authorizations = new Map<string, string>();
  /** Registries that could not be reached or timed out: later requests fail at once, the same way. */
  private readonly unreachable = new Map<string, RegistryError>();

  constructor(private readonly options: RegistryClientOptions = {}) {
    this.store = new CredentialStore(options);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxManifestBytes = options.maxManifestBytes ?? DEFAULT_MAX_MANIFEST_BYTES;
    if (!(this.timeoutMs > 0)) throw new Error(`timeoutMs must be a positive number of milliseconds, not ${this.timeoutMs}`);
    if (!(this.maxManifestBytes > 0)) throw new Error(`maxManifestBytes must be a positive number, not ${this.maxManifestBytes}`);
  }

  private http() {
    return { timeoutMs: this.timeoutMs, fetch: this.options.fetch, userAgent: this.options.userAgent ?? `${TOOL_NAME}/${TOOL_VERSION}` };
  }

  /**
   * GET `/v2/<repository>/<path>`, answering a 401 challenge once (Basic or Bearer). Returns a 2xx
   * response; every other outcome is a RegistryError with a one-line reason.
   */
  private async get(ref: ImageReference, path: string, accept: string, what: string): Promise<HttpResponse> {
    const url = `${registryBaseUrl(ref.registry)}/v2/${ref.repository}/${path}`;
    const key = `${ref.registry}/${ref.repository}`;
    let authorization = this.authorizations.get(key);
    let resolved: ResolvedCredentials | null = null;
    let answered = false;
    let response: HttpResponse;
    for (;;) {
      const headers: Record<string, string> = { Accept: accept };
      if (authorization) headers.Authorization = authorization;
      const down = this.unreachable.get(ref.registry);
      if (down) throw down;
      try {
        response = await httpGet(url, headers, { ...this.http(), maxBytes: this.maxManifestBytes });
      } catch (error) {
        if (error instanceof RegistryError && error.host === ref.registry && (error.kind === 'unreachable' || error.kind === 'timeout')) {
          this.unreachable.set(ref.registry, error);
        }
        throw error;
      }
      if (response.status !== 401 || answered) break;
      answered = true;
      const challenges = parseChallenges(response.headers.get('www-authenticate'));
      const bearer = challenges.find((c) => c.scheme === 'bearer');
      const basic = challenges.find((c) => c.scheme === 'basic');
      resolved = this.store.resolve(ref.registry);
      if (bearer) {
        const scope = bearer.params.scope || `repository:${ref.repository}:pull`;
        authorization = await fetchBearerToken(bearer, scope, resolved, this.http());
      } else if (basic && resolved) {
        authorization = basicAuthorization(resolved.credentials);
      } else {
        break;
      }
      this.authorizations.set(key, authorization);
    }

    const status = response.status;
    if (status >= 200 && status < 300) return response;
    const detail = registryErrorText(response.body);
    const said = `HTTP ${status}${detail ? ` ${detail}` : ''}`;
    const host = ref.registry;
    switch (status) {
      case 401:
        this.authorizations.delete(key);
        if (resolved) throw new RegistryError('unauthorized', `${host} refused ${describeSource(resolved.source)} (${said})`, status);
        throw new RegistryError('unauthorized', `${host} requires authentication and no credentials were found for it (${said})`, status);
      case 403:
        throw new RegistryError('denied', `${host} denied access to ${ref.repository}${resolved ? ` with ${describeSource(resolved.source)}` : ''} (${said})`, status);
      case 404:
        throw new RegistryError('not-found', `${what} was not found in the registry (${said})`, status);
      case 429:
        throw new RegistryError('rate-limited', `${host} is rate limiting (${said})`, status);
      default:
        throw new RegistryError('http-status', `${host} answered ${said} for ${what}`, status);
    }
  }

  /** The manifest or index that `reference` (a tag or digest; by default the one in `ref`) names. */
  async getManifest(ref: ImageReference, reference: string = manifestReference(ref)): Promise<FetchedManifest> {
    const what = reference === manifestReference(ref) ? formatReference(ref) : `${ref.registry}/${ref.repository}@${reference}`;
    const response = await this.get(ref, `manifests/${reference}`, MANIFEST_ACCEPT, what);
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new RegistryError('bad-response', `the manifest of ${what} is not JSON`);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new RegistryError('bad-response', `the manifest of ${what} is not a JSON object`);
    let digest: string | null = null;
    if (isDigest(reference)) {
      const computed = digestOf(response.body, reference.split(':')[0]!);
      if (computed !== null && computed !== reference) {
        throw new RegistryError('bad-response', `the manifest ${ref.registry} sent for ${reference} has digest ${computed}`);
      }
      digest = reference;
    } else {
      const header = response.headers.get('docker-content-digest');
      digest = header && isDigest(header.trim()) ? header.trim() : digestOf(response.body, 'sha256');
    }
    return { mediaType: manifestMediaType(body, response.headers.get('content-type')), digest: digest!, body, bytes: response.body.length };
  }

  /** A small blob (an image config), bounded like manifests and checked against its digest. */
  async getBlob(ref: ImageReference, digest: string): Promise<Buffer> {
    if (!isDigest(digest)) throw new RegistryError('bad-response', `not a digest: ${oneLine(digest, 80)}`);
    const response = await this.get(ref, `blobs/${digest}`, '*/*', `blob ${digest} of ${ref.registry}/${ref.repository}`);
    const computed = digestOf(response.body, digest.split(':')[0]!);
    if (computed !== null && computed !== digest) throw new RegistryError('bad-response', `blob ${digest} from ${ref.registry} has digest ${computed}`);
    return response.body;
  }

  /** The platform an image config states, or `unknown` when it cannot be read. */
  private async platformFromConfig(ref: ImageReference, config: Descriptor): Promise<string> {
    if (config.size > this.maxManifestBytes) return 'unknown';
    try {
      const blob = await this.getBlob(ref, config.digest);
      const platform = configPlatform(JSON.parse(blob.toString('utf8')));
      return platform ? formatPlatform(platform) : 'unknown';
    } catch {
      return 'unknown';
    }
  }

  private async walkIndex(ref: ImageReference, body: unknown, depth: number): Promise<PlatformImage[]> {
    const entries = indexEntries(body).filter((entry) => !isAttestationEntry(entry));
    const perEntry = await Promise.all(
      entries.map(async (entry): Promise<PlatformImage[]> => {
        if (isIndexType(entry.mediaType)) {
          if (depth >= MAX_INDEX_DEPTH) return [];
          const nested = await this.getManifest(ref, entry.digest);
          return manifestKind(nested.mediaType) === 'index' ? this.walkIndex(ref, nested.body, depth + 1) : [];
        }
        if (entry.mediaType !== null && !isImageManifestType(entry.mediaType)) return []; // an artifact
        const fetched = await this.getManifest(ref, entry.digest);
        if (manifestKind(fetched.mediaType) !== 'image') return [];
        const manifest = readImageManifest(fetched.body);
        let platform: string;
        if (entry.platform) {
          platform = formatPlatform(entry.platform);
        } else {
          if (manifest.config.mediaType !== null && !isImageConfigType(manifest.config.mediaType)) return []; // an artifact
          platform = await this.platformFromConfig(ref, manifest.config);
          if (platform === 'unknown/unknown') return [];
        }
        return [{ platform, digest: entry.digest, compressedBytes: compressedSize(manifest) }];
      }),
    );
    return perEntry.flat();
  }

  /** Each platform of the image `ref` names, with its compressed size. */
  async resolveImage(ref: ImageReference): Promise<ResolvedImage> {
    const top = await this.getManifest(ref);
    const kind = manifestKind(top.mediaType);
    const name = formatReference(ref);
    if (kind === 'index') {
      const platforms = await this.walkIndex(ref, top.body, 1);
      if (platforms.length === 0) throw new RegistryError('unsupported', `the index of ${name} lists no image for a platform (only attestations or artifacts)`);
      return { digest: top.digest, mediaType: top.mediaType, platforms };
    }
    if (kind === 'image') {
      const manifest = readImageManifest(top.body);
      if (manifest.config.mediaType !== null && !isImageConfigType(manifest.config.mediaType)) {
        throw new RegistryError('unsupported', `${name} is not a container image (its config is ${oneLine(manifest.config.mediaType, 80)})`);
      }
      const platform = await this.platformFromConfig(ref, manifest.config);
      return { digest: top.digest, mediaType: top.mediaType, platforms: [{ platform, digest: top.digest, compressedBytes: compressedSize(manifest) }] };
    }
    if (kind === 'schema1') throw new RegistryError('unsupported', `${name} has a Docker schema 1 manifest, which states no layer sizes`);
    throw new RegistryError('unsupported', `${name} has a manifest of unknown type ${oneLine(top.mediaType ?? '(none)', 80)}`);
  }
}
