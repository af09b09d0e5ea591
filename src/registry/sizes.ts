// Image sizes per platform from the registry, and their change against a baseline tag. BuildKit does
// not report sizes, so each pushed image is looked up: its index (or manifest), each platform's
// manifest, config.size + layers[].size. Failure is information, not an exception: an image that
// cannot be measured gets `unavailable: "size unavailable: <reason>"`, and the others go on.

import { RegistryClient, type PlatformImage, type RegistryClientOptions, type ResolvedImage } from './client.js';
import { oneLine, RegistryError } from './http.js';
import { formatReference, InvalidReferenceError, parseReference, withTag, type ImageReference } from './reference.js';

export interface ImageToMeasure {
  /** As the build printed it: `ghcr.io/org/app:1.2`. */
  ref: string;
  /** What the build pushed (`sha256:...`), measured instead of the tag when given. */
  digest: string | null;
  /** False for an image the build did not push: reported unavailable without asking the registry. */
  pushed?: boolean;
}

export interface PlatformSize {
  /** `linux/amd64`, `linux/arm64/v8` (`unknown` when the registry does not say). */
  platform: string;
  /** Digest of the platform's image manifest. */
  digest: string;
  /** config + layers, compressed, as the manifest states them. */
  compressedBytes: number;
  /** The same platform in the baseline tag; null when no baseline, or it lacks this platform. */
  baselineBytes: number | null;
}

export interface ImageSizeResult {
  ref: string;
  /** The digest given, else the one the registry answered for the tag; null when unavailable. */
  digest: string | null;
  platforms: PlatformSize[];
  /** `size unavailable: <one-line reason>`, or null when measured. */
  unavailable: string | null;
  /** Why the baseline could not be read (`main not found`), null when it was, or when none was asked. */
  baselineUnavailable: string | null;
}

export interface MeasureOptions extends RegistryClientOptions {
  /** A tag of the same repository to compare with (`main`, `latest`); null or empty: none. */
  baselineTag?: string | null;
  /** Images measured at the same time (default 4). */
  concurrency?: number;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/** A one-line reason for any failure, never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof RegistryError || error instanceof InvalidReferenceError) return oneLine(error.message, 300);
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(`unexpected error: ${message}`, 300);
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * Measures each image in the registry: per platform, the compressed size, and with `baselineTag`,
 * the size of the same platform at `repository:baselineTag`. Never throws for an image: see
 * `unavailable` and `baselineUnavailable`. Results are in the order of `images`.
 */
export async function measureImages(images: ImageToMeasure[], options: MeasureOptions = {}): Promise<ImageSizeResult[]> {
  const client = new RegistryClient(options);
  const baselineTag = options.baselineTag?.trim() || null;
  // One lookup per distinct reference: several images of a build share a baseline, or a digest.
  const lookups = new Map<string, Promise<ResolvedImage>>();
  const resolve = (ref: ImageReference): Promise<ResolvedImage> => {
    const key = formatReference(ref);
    let pending = lookups.get(key);
    if (!pending) {
      pending = client.resolveImage(ref);
      pending.catch(() => undefined); // awaited by every user; never an unhandled rejection
      lookups.set(key, pending);
    }
    return pending;
  };

  return mapLimit(images, options.concurrency ?? 4, async (image): Promise<ImageSizeResult> => {
    const result: ImageSizeResult = { ref: image.ref, digest: image.digest ?? null, platforms: [], unavailable: null, baselineUnavailable: null };
    const unavailable = (reason: string): ImageSizeResult => ({ ...result, platforms: [], unavailable: `size unavailable: ${reason}` });
    try {
      if (image.pushed === false) return unavailable('the image was not pushed');
      let ref = parseReference(image.ref);
      if (image.digest) {
        if (!DIGEST.test(image.digest)) return unavailable(`${JSON.stringify(oneLine(image.digest, 80))} is not a digest`);
        ref = { ...ref, digest: image.digest };
      }
      let baselineRef: ImageReference | null = null;
      if (baselineTag) {
        try {
          baselineRef = withTag(ref, baselineTag);
        } catch (error) {
          result.baselineUnavailable = `baseline: ${describeFailure(error)}`;
        }
      }
      const [current, baseline] = await Promise.allSettled([resolve(ref), baselineRef ? resolve(baselineRef) : Promise.resolve(null)]);
      if (current.status === 'rejected') return unavailable(describeFailure(current.reason));
      const measured = current.value;
      result.digest = image.digest ?? measured.digest;

      let baselinePlatforms: PlatformImage[] | null = null;
      if (baselineRef) {
        if (baseline.status === 'fulfilled' && baseline.value) baselinePlatforms = baseline.value.platforms;
        else if (baseline.status === 'rejected') result.baselineUnavailable = `baseline ${baselineTag}: ${describeFailure(baseline.reason)}`;
      }
      result.platforms = measured.platforms.map((p) => ({
        platform: p.platform,
        digest: p.digest,
        compressedBytes: p.compressedBytes,
        baselineBytes: baselinePlatforms?.find((b) => b.platform === p.platform)?.compressedBytes ?? null,
      }));
      return result;
    } catch (error) {
      return unavailable(describeFailure(error));
    }
  });
}

// --- sizes in words -----------------------------------------------------------------------------

const UNITS: Record<string, number> = {
  b: 1,
  k: 1000,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  tb: 1000 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  ki: 1024,
  mi: 1024 ** 2,
  gi: 1024 ** 3,
  ti: 1024 ** 4,
};

/**
 * `25MiB`, `1.5GB`, `800kB`, `1048576`, `25 MiB` -> bytes (kB/MB/GB decimal, KiB/MiB/GiB binary, unit
 * letters in any case). Throws an Error with a one-line message for anything else.
 */
export function parseSizeLimit(text: string): number {
  const shown = JSON.stringify(oneLine(String(text), 60));
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(String(text));
  const hint = 'expected bytes or a number with a unit: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB (e.g. 25MiB, 1.5GB, 800kB)';
  if (!match) throw new Error(`invalid size limit ${shown}: ${hint}`);
  const unit = match[2]!.toLowerCase();
  const factor = unit === '' ? 1 : UNITS[unit];
  if (factor === undefined) throw new Error(`invalid size limit ${shown}: unknown unit "${match[2]}"; ${hint}`);
  const bytes = Math.round(Number(match[1]) * factor);
  if (!Number.isSafeInteger(bytes)) throw new Error(`invalid size limit ${shown}: too large`);
  if (bytes <= 0) throw new Error(`invalid size limit ${shown}: must be more than 0 bytes`);
  return bytes;
}

/** `512 B`, `1.5 KiB`, `24.8 MiB`, `1.02 GiB`: binary units, three significant digits. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  if (value < 1024) return `${sign}${Math.round(value)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KiB would print as "1024 KiB": go up a unit instead.
  if (value >= 999.5 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${value.toFixed(digits)} ${units[unit]}`;
}

/** `+1.20 MiB (+5.1%)`, `-300 B (-0.2%)`, `±0 B (0.0%)`; without a percentage when the baseline is 0. */
export function formatByteDelta(current: number, baseline: number): string {
  const delta = current - baseline;
  const amount = delta === 0 ? '±0 B' : `${delta > 0 ? '+' : '-'}${formatBytes(Math.abs(delta))}`;
  if (baseline === 0) return amount;
  const percent = (delta / baseline) * 100;
  return `${amount} (${percent > 0 ? '+' : ''}${percent.toFixed(1)}%)`;
}
