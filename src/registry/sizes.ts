// Image sizes per platform, and their change against a baseline tag. BuildKit does not report sizes,
// so each pushed image's index (or manifest) and each platform's manifest are read through Docker's
// CLI (`docker buildx imagetools inspect --raw`), and config.size + layers[].size are added up.
// Failure is information, not an exception: an image that cannot be measured gets
// `unavailable: "size unavailable: <reason>"`, and the others go on.

import { loginToTemporaryConfig, neededLogins, type Credentials } from '../buildx/docker-login.js';
import { ImageSizeError, imagetoolsProblem, ManifestReader } from '../buildx/imagetools.js';
import { DIGEST, formatReference, InvalidReferenceError, parseReference, withDigest, withTag, type ImageReference } from '../reference/image-reference.js';
import { oneLine } from '../text/bytes.js';
import type { ImagePlatformSize, ImageRef } from '../model.js';
import { formatPlatform, indexEntries, isAttestationEntry, isImageType, isIndexType, manifestKind, imageManifestSize, readPlatform } from './manifest.js';

/** An image as the build printed it (`ghcr.io/org/app:1.2`); the digest, when given, is measured instead of the tag. */
export type ImageToMeasure = Pick<ImageRef, 'ref' | 'digest'> & { pushed?: boolean };

export interface ImageSizeResult {
  ref: string;
  /** The digest given, else the one the registry answered for the tag; null when unavailable. */
  digest: string | null;
  platforms: ImagePlatformSize[];
  /** `size unavailable: <one-line reason>`, or null when measured. */
  unavailable: string | null;
  /** Why the baseline could not be read (`main not found`), null when it was, or when none was asked. */
  baselineUnavailable: string | null;
}

export interface MeasureOptions {
  /** A tag of the same repository to compare with (`main`, `latest`); null or empty: none. */
  baselineTag?: string | null;
  /** docker calls at the same time (default 4). */
  concurrency?: number;
  /** Per docker call (default 30 s). */
  timeoutMs?: number;
  /** Docker's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Logged in to (a temporary DOCKER_CONFIG) for their registry; without `registry`, for every one measured. */
  credentials?: Credentials[];
  /** For ghcr.io when Docker has no login for it (the job token). */
  githubToken?: string | null;
  githubUsername?: string | null;
}

type PlatformImage = Omit<ImagePlatformSize, 'baselineBytes'>;

/** A one-line reason for any failure, never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof ImageSizeError || error instanceof InvalidReferenceError) return oneLine(error.message, 300);
  return oneLine(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, 300);
}

/**
 * Measures each image: per platform, the compressed size, and with `baselineTag`, the size of the same
 * platform at `repository:baselineTag`. Never throws for an image: see `unavailable` and
 * `baselineUnavailable`. Results are in the order of `images`.
 */
export async function measureImages(images: ImageToMeasure[], options: MeasureOptions = {}): Promise<ImageSizeResult[]> {
  const baseEnv = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baselineTag = options.baselineTag?.trim() || null;

  // What to ask for, per image, before anything runs: invalid references need no docker.
  const plans = images.map((image) => {
    const result: ImageSizeResult = { ref: image.ref, digest: image.digest ?? null, platforms: [], unavailable: null, baselineUnavailable: null };
    try {
      if (image.pushed === false) throw new ImageSizeError('docker', 'the image was not pushed');
      let ref = parseReference(image.ref);
      if (image.digest) {
        if (!DIGEST.test(image.digest)) throw new ImageSizeError('docker', `${JSON.stringify(oneLine(image.digest, 80))} is not a digest`);
        ref = { ...ref, digest: image.digest };
      }
      let baseline: ImageReference | null = null;
      try {
        baseline = baselineTag ? withTag(ref, baselineTag) : null;
      } catch (error) {
        result.baselineUnavailable = `baseline: ${describeFailure(error)}`;
      }
      return { result, ref, baseline };
    } catch (error) {
      result.unavailable = `size unavailable: ${describeFailure(error)}`;
      return { result, ref: null, baseline: null };
    }
  });
  const wanted = plans.filter((p) => p.ref !== null);
  if (wanted.length === 0) return plans.map((p) => p.result);

  const problem = await imagetoolsProblem(baseEnv, timeoutMs);
  if (problem) {
    for (const p of wanted) p.result.unavailable = `size unavailable: ${problem}`;
    return plans.map((p) => p.result);
  }

  // Logins Docker does not have (explicit credentials, the job token for ghcr.io) in a temporary config.
  const registries = [...new Set(wanted.map((p) => p.ref.registry))];
  const logins = neededLogins(registries, options.credentials ?? [], options.githubToken ?? null, options.githubUsername ?? null, baseEnv);
  const temporary = logins.length > 0 ? await loginToTemporaryConfig(logins, baseEnv, timeoutMs) : null;
  const envOf = (registry: string) => (temporary && logins.some((l) => l.registry === registry) ? temporary.env : baseEnv);
  const reader = new ManifestReader(envOf, timeoutMs, options.concurrency ?? 4, temporary?.refused);

  const platformOf = async (ref: ImageReference): Promise<string> => {
    const platform = readPlatform(await reader.config(ref));
    return platform ? formatPlatform(platform) : 'unknown';
  };
  const walk = async (ref: ImageReference, body: unknown, depth: number): Promise<PlatformImage[]> => {
    const entries = indexEntries(body).filter((entry) => !isAttestationEntry(entry));
    const found = await Promise.all(
      entries.map(async (entry): Promise<PlatformImage[]> => {
        const at = withDigest(ref, entry.digest);
        const manifest = isIndexType(entry.mediaType) || isImageType(entry.mediaType) ? await reader.manifest(at) : null; // else an artifact
        if (manifest && manifestKind(manifest.body) === 'index') return depth < 2 ? walk(at, manifest.body, depth + 1) : [];
        if (!manifest || manifestKind(manifest.body) !== 'image') return [];
        const image = imageManifestSize(manifest.body);
        if (!entry.platform && !isImageType(image.configType)) return [];
        const platform = entry.platform ? formatPlatform(entry.platform) : await platformOf(at);
        return platform === 'unknown/unknown' ? [] : [{ platform, digest: entry.digest, compressedBytes: image.bytes }];
      }),
    );
    return found.flat();
  };
  const resolve = async (ref: ImageReference) => {
    const top = await reader.manifest(ref);
    const name = formatReference(ref);
    const kind = manifestKind(top.body);
    if (kind === 'index') {
      const platforms = await walk(ref, top.body, 1);
      if (platforms.length === 0)
        throw new ImageSizeError('bad-manifest', `the index of ${name} lists no image for a platform (only attestations or artifacts)`);
      return { digest: top.digest, platforms };
    }
    if (kind === 'image') {
      const image = imageManifestSize(top.body);
      if (!isImageType(image.configType))
        throw new ImageSizeError('bad-manifest', `${name} is not a container image (its config is ${oneLine(image.configType ?? '', 80)})`);
      return { digest: top.digest, platforms: [{ platform: await platformOf(ref), digest: top.digest, compressedBytes: image.bytes }] };
    }
    if (kind === 'schema1') throw new ImageSizeError('bad-manifest', `${name} has a Docker schema 1 manifest, which states no layer sizes`);
    throw new ImageSizeError('bad-manifest', `${name} has a manifest of unknown type`);
  };
  const lookups = new Map<string, Promise<{ digest: string; platforms: PlatformImage[] }>>();
  const lookup = (ref: ImageReference) => {
    const key = formatReference(ref);
    if (!lookups.has(key)) lookups.set(key, resolve(ref));
    lookups.get(key)!.catch(() => undefined); // awaited by every user; never an unhandled rejection
    return lookups.get(key)!;
  };

  try {
    await Promise.all(
      wanted.map(async ({ result, ref, baseline }) => {
        const [current, base] = await Promise.allSettled([lookup(ref), baseline ? lookup(baseline) : Promise.resolve(null)]);
        if (current.status === 'rejected') {
          result.unavailable = `size unavailable: ${describeFailure(current.reason)}`;
          return;
        }
        result.digest = result.digest ?? current.value.digest;
        if (base.status === 'rejected') result.baselineUnavailable = `baseline ${baselineTag}: ${describeFailure(base.reason)}`;
        const basePlatforms = base.status === 'fulfilled' ? base.value?.platforms : undefined;
        result.platforms = current.value.platforms.map((p) => ({
          ...p,
          baselineBytes: basePlatforms?.find((b) => b.platform === p.platform)?.compressedBytes ?? null,
        }));
      }),
    );
  } finally {
    temporary?.remove();
  }
  return plans.map((p) => p.result);
}
