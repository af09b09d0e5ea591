// What manifests say, read defensively: index entries (platforms, attestations) and the compressed
// size of an image manifest (config.size plus layers[].size, as the manifest states them). The media
// type comes from the manifest's own field, else from its shape (umoci writes none).

import { ImageSizeError } from '../buildx/imagetools.js';
import { DIGEST } from '../reference/image-reference.js';

export type ManifestKind = 'index' | 'image' | 'schema1' | 'other';

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

const bad = (message: string) => new ImageSizeError('bad-manifest', message);

export function manifestKind(body: unknown): ManifestKind {
  const shape = (body ?? {}) as { mediaType?: unknown; schemaVersion?: unknown; manifests?: unknown; layers?: unknown; fsLayers?: unknown };
  const type = typeof shape.mediaType === 'string' ? shape.mediaType : '';
  if (/manifest\.list\.v2\+json$|image\.index\.v1\+json$/.test(type)) return 'index';
  if (/distribution\.manifest\.v2\+json$|image\.manifest\.v1\+json$/.test(type)) return 'image';
  if (shape.schemaVersion === 1 || Array.isArray(shape.fsLayers) || /manifest\.v1\+(?:pretty)?jws|manifest\.v1\+json$/.test(type)) return 'schema1';
  if (type !== '') return 'other';
  if (Array.isArray(shape.manifests)) return 'index';
  return Array.isArray(shape.layers) ? 'image' : 'other';
}

/** An index entry or manifest that is a container image (not an artifact), by its media type when it has one. */
export function isImageType(mediaType: string | null): boolean {
  return (
    mediaType === null || /distribution\.manifest\.v2\+json$|image\.manifest\.v1\+json$|container\.image\.v1\+json$|image\.config\.v1\+json$/.test(mediaType)
  );
}

export function isIndexType(mediaType: string | null): boolean {
  return mediaType !== null && /manifest\.list\.v2\+json$|image\.index\.v1\+json$/.test(mediaType);
}

export function readPlatform(value: unknown): Platform | null {
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
  if (!value || typeof value !== 'object') throw bad(`${where} is not a descriptor`);
  const { mediaType, digest, size, platform, annotations } = value as Record<string, unknown>;
  if (typeof digest !== 'string' || !DIGEST.test(digest)) throw bad(`${where} has no valid digest`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw bad(`${where} has no valid size`);
  const notes: Record<string, string> = {};
  if (annotations && typeof annotations === 'object') for (const [k, v] of Object.entries(annotations)) if (typeof v === 'string') notes[k] = v;
  return {
    mediaType: typeof mediaType === 'string' && mediaType !== '' ? mediaType : null,
    digest,
    size,
    platform: readPlatform(platform),
    annotations: notes,
  };
}

/** The entries of an index or manifest list. */
export function indexEntries(body: unknown): Descriptor[] {
  const manifests = (body as { manifests?: unknown } | null)?.manifests;
  if (!Array.isArray(manifests)) throw bad('the index has no `manifests` list');
  return manifests.map((entry, i) => readDescriptor(entry, `index entry ${i + 1}`));
}

/** BuildKit's attestation manifests: annotation `vnd.docker.reference.type`, platform `unknown/unknown`. */
export function isAttestationEntry(entry: Descriptor): boolean {
  if (entry.annotations['vnd.docker.reference.type'] === 'attestation-manifest') return true;
  return entry.platform !== null && entry.platform.os === 'unknown' && entry.platform.architecture === 'unknown';
}

/** An image manifest's compressed size, config.size + the sum of layers[].size as it states them, and its config's media type. */
export function imageManifestSize(body: unknown): { bytes: number; configType: string | null } {
  const { config, layers } = (body ?? {}) as { config?: unknown; layers?: unknown };
  if (config === undefined) throw bad('the image manifest has no config');
  if (!Array.isArray(layers)) throw bad('the image manifest has no `layers` list');
  const configDescriptor = readDescriptor(config, 'the config descriptor');
  const bytes = layers.reduce((sum: number, layer, i) => sum + readDescriptor(layer, `layer ${i + 1}`).size, configDescriptor.size);
  if (!Number.isSafeInteger(bytes)) throw bad('the manifest states sizes too large to add up');
  return { bytes, configType: configDescriptor.mediaType };
}
