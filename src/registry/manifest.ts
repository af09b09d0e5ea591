// What the registry's manifests say, read defensively: media types, index entries (platforms,
// attestations), and the compressed size of an image manifest (config.size plus layers[].size, as
// the manifest states them).

import { RegistryError } from './http.js';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
} as const;

/** The Accept header of a manifest GET: indexes first, so that a multi-platform tag answers its index. */
export const MANIFEST_ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest].join(', ');

const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
const IMAGE_TYPES = new Set<string>([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);
const IMAGE_CONFIG_TYPES = new Set<string>([MEDIA_TYPES.ociConfig, MEDIA_TYPES.dockerConfig]);

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string | null;
  digest: string;
  size: number;
  platform: Platform | null;
  annotations: Record<string, string>;
}

export type ManifestKind = 'index' | 'image' | 'schema1' | 'other';

export function isIndexType(mediaType: string | null): boolean {
  return mediaType !== null && INDEX_TYPES.has(mediaType);
}

export function isImageManifestType(mediaType: string | null): boolean {
  return mediaType !== null && IMAGE_TYPES.has(mediaType);
}

export function isImageConfigType(mediaType: string | null): boolean {
  return mediaType !== null && IMAGE_CONFIG_TYPES.has(mediaType);
}

/** `application/json; charset=utf-8` -> `application/json`. */
export function bareMediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return bare === '' ? null : bare;
}

/**
 * The media type of a manifest: its own `mediaType` field, else the `Content-Type` the registry
 * answered (umoci writes manifests without `mediaType`), else what its shape says.
 */
export function manifestMediaType(body: unknown, contentType: string | null): string | null {
  const own = (body as { mediaType?: unknown } | null)?.mediaType;
  if (typeof own === 'string' && own !== '') return own;
  const header = bareMediaType(contentType);
  if (header && header !== 'application/json' && header !== 'application/octet-stream' && header !== 'text/plain') return header;
  const shape = body as { schemaVersion?: unknown; manifests?: unknown; layers?: unknown; fsLayers?: unknown } | null;
  if (shape?.schemaVersion === 1 || Array.isArray(shape?.fsLayers)) return MEDIA_TYPES.dockerSchema1;
  if (Array.isArray(shape?.manifests)) return MEDIA_TYPES.ociIndex;
  if (Array.isArray(shape?.layers)) return MEDIA_TYPES.ociManifest;
  return header;
}

export function manifestKind(mediaType: string | null): ManifestKind {
  if (isIndexType(mediaType)) return 'index';
  if (isImageManifestType(mediaType)) return 'image';
  if (mediaType === MEDIA_TYPES.dockerSchema1 || mediaType === MEDIA_TYPES.dockerSchema1Signed) return 'schema1';
  return 'other';
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

function readPlatform(value: unknown): Platform | null {
  if (!value || typeof value !== 'object') return null;
  const { os, architecture, variant } = value as { os?: unknown; architecture?: unknown; variant?: unknown };
  if (typeof os !== 'string' || typeof architecture !== 'string' || os === '' || architecture === '') return null;
  return typeof variant === 'string' && variant !== '' ? { os, architecture, variant } : { os, architecture };
}

/** `linux/arm64/v8`, `linux/amd64`. */
export function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}

function readDescriptor(value: unknown, where: string): Descriptor {
  if (!value || typeof value !== 'object') throw new RegistryError('bad-response', `${where} is not a descriptor`);
  const { mediaType, digest, size, platform, annotations } = value as Record<string, unknown>;
  if (typeof digest !== 'string' || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) {
    throw new RegistryError('bad-response', `${where} has no valid digest`);
  }
  if (!isSize(size)) throw new RegistryError('bad-response', `${where} has no valid size`);
  return {
    mediaType: typeof mediaType === 'string' && mediaType !== '' ? mediaType : null,
    digest,
    size,
    platform: readPlatform(platform),
    annotations: stringRecord(annotations),
  };
}

/** The entries of an index or manifest list. */
export function indexEntries(body: unknown): Descriptor[] {
  const manifests = (body as { manifests?: unknown } | null)?.manifests;
  if (!Array.isArray(manifests)) throw new RegistryError('bad-response', 'the index has no `manifests` list');
  return manifests.map((entry, i) => readDescriptor(entry, `index entry ${i + 1}`));
}

/**
 * An index entry that is not an image for a platform: BuildKit's attestation manifests (annotation
 * `vnd.docker.reference.type: attestation-manifest`, platform `unknown/unknown`).
 */
export function isAttestationEntry(entry: Descriptor): boolean {
  if (entry.annotations['vnd.docker.reference.type'] === 'attestation-manifest') return true;
  return entry.platform !== null && entry.platform.os === 'unknown' && entry.platform.architecture === 'unknown';
}

export interface ImageManifest {
  config: Descriptor;
  layers: Descriptor[];
}

export function readImageManifest(body: unknown): ImageManifest {
  const { config, layers } = (body ?? {}) as { config?: unknown; layers?: unknown };
  if (config === undefined) throw new RegistryError('bad-response', 'the image manifest has no config');
  if (!Array.isArray(layers)) throw new RegistryError('bad-response', 'the image manifest has no `layers` list');
  return {
    config: readDescriptor(config, 'the config descriptor'),
    layers: layers.map((layer, i) => readDescriptor(layer, `layer ${i + 1}`)),
  };
}

/** Compressed size: config.size + the sum of layers[].size, as the manifest states them. */
export function compressedSize(manifest: ImageManifest): number {
  const total = manifest.layers.reduce((sum, layer) => sum + layer.size, manifest.config.size);
  if (!Number.isSafeInteger(total)) throw new RegistryError('bad-response', 'the manifest states sizes too large to add up');
  return total;
}

/** `os`/`architecture`/`variant` of an image config blob, null when it has none. */
export function configPlatform(body: unknown): Platform | null {
  return readPlatform(body);
}
