import type { Build, ImageRef } from '../model.js';
import type { MeasureOptions } from './sizes.js';
import { explainReference, parseReference } from '../reference/image-reference.js';

export interface SizeOptions extends MeasureOptions {
  /** Images named by the user (`images` input), measured as part of the first build. */
  extraImages: string[];
}

/**
 * Measures the images the builds pushed (or the user named), once per image: the tags of one push
 * share a digest, so only the first is measured and the sizes are shown on it. The result is written
 * onto the builds' images; nothing here throws.
 */
export async function measureBuildImages(builds: Build[], options: SizeOptions): Promise<void> {
  if (builds.length === 0 && options.extraImages.length === 0) return;
  for (const ref of options.extraImages) {
    const target = builds[0];
    if (target && !target.images.some((i) => i.ref === ref)) target.images.push({ ref, digest: null, pushed: true });
  }
  const chosen: ImageRef[] = [];
  for (const build of builds) {
    const seen = new Set<string>();
    for (const image of build.images) {
      const key = image.digest ?? image.ref;
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push(image);
    }
  }
  // A push of the baseline tag itself (a push to main) would be compared with itself.
  const isBaseline = (ref: string) => !!options.baselineTag && explainReference(ref) === null && parseReference(ref).tag === options.baselineTag;
  const plain = chosen.filter((i) => !isBaseline(i.ref));
  const baselines = chosen.filter((i) => isBaseline(i.ref));
  if (chosen.length === 0) return;
  // The registry client (docker buildx imagetools, child_process) is loaded only when an image is to be measured.
  const { measureImages } = await import('./sizes.js');
  const results = [...(await measureImages(plain, options)), ...(await measureImages(baselines, { ...options, baselineTag: null }))];
  for (const [index, image] of [...plain, ...baselines].entries()) {
    const result = results[index]!;
    image.platforms = result.platforms;
    image.sizeUnavailable = result.unavailable;
    image.baselineUnavailable = isBaseline(image.ref) ? `this image is the baseline tag ${options.baselineTag} itself` : result.baselineUnavailable;
  }
}
