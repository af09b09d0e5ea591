import type { BuildState } from './build-state.js';

const MAX_LINES = 400;

/**
 * docker/build-push-action prints the build's metadata file as JSON in a `##[group]Metadata` block.
 * The lines are collected (bounded) and read when the group ends.
 */
export class MetadataGroup {
  private readonly lines: string[] = [];

  add(text: string): void {
    if (this.lines.length < MAX_LINES) this.lines.push(text);
  }

  applyTo(build: BuildState): void {
    let metadata: unknown;
    try {
      metadata = JSON.parse(this.lines.join('\n'));
    } catch {
      build.notes.push('the build-push-action Metadata group is not valid JSON; image digests come from the progress output only');
      return;
    }
    if (!metadata || typeof metadata !== 'object') return;
    const record = metadata as Record<string, unknown>;
    const digest = typeof record['containerimage.digest'] === 'string' ? record['containerimage.digest'] : null;
    const names = typeof record['image.name'] === 'string' ? record['image.name'].split(',') : [];
    for (const name of names.map((n) => n.trim()).filter(Boolean)) {
      build.addImage(name, digest, build.images.get(name)?.pushed ?? false);
    }
  }
}
