import type { OmittedSteps } from '../model.js';
import type { VertexState } from './build-steps.js';

/** Steps a build lists one by one; past this, the quickest finished ones are counted instead. */
export const MAX_LISTED_STEPS = 1000;
/** Steps are dropped in batches (when twice the limit is reached), so sorting stays cheap. */
export const PRUNE_AT = 2 * MAX_LISTED_STEPS;
/** Platforms counted separately in the omitted steps' seconds (a build names a few). */
const MAX_PLATFORMS = 64;
/** Vertex numbers below this are remembered in a bitmap (at most 2 MiB); larger ones in a set. */
const BITMAP_IDS = 1 << 24;

/**
 * A build's budget of listed steps: which steps to drop when there are too many, what is known of
 * the dropped ones (counts and seconds, for the cache ratio and the timing), and their numbers,
 * so that a later line of a dropped step (BuildKit prints a step's header again after it is DONE)
 * does not bring it back as a new step. Memory stays bounded by the limit, not the log.
 */
export class StepBudget {
  private readonly summary: OmittedSteps = { count: 0, cached: 0, cacheHits: 0, cacheMisses: 0, platformSeconds: {}, maxSeconds: 0 };
  private bitmap: Uint8Array | null = null;
  private readonly largeIds = new Set<number>();

  /**
   * The steps to drop from `order` so that at most MAX_LISTED_STEPS stay: the quickest of those
   * that finished well (DONE or CACHED). Failing, unfinished and canceled steps and the export and
   * cache steps are always kept: the reports and the build's status are made from them.
   */
  static choose(order: readonly VertexState[]): Set<VertexState> {
    const droppable = order.filter(isDroppable);
    const room = Math.max(0, MAX_LISTED_STEPS - (order.length - droppable.length));
    if (droppable.length <= room) return new Set();
    // Slowest first; among equals the earlier one stays.
    droppable.sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || a.line - b.line);
    return new Set(droppable.slice(room));
  }

  /** Counts a dropped step and remembers its number. */
  omit(vertex: VertexState): void {
    const s = this.summary;
    s.count++;
    if (vertex.status === 'cached') s.cached++;
    const { kind, instruction, platform } = vertex.parsed;
    if (kind === 'instruction' && instruction !== 'FROM') {
      if (vertex.status === 'cached') s.cacheHits++;
      else s.cacheMisses++;
    }
    if (kind === 'instruction' && vertex.seconds !== null) {
      const key = platform ?? 'default';
      if (key in s.platformSeconds || Object.keys(s.platformSeconds).length < MAX_PLATFORMS)
        s.platformSeconds[key] = (s.platformSeconds[key] ?? 0) + vertex.seconds;
    }
    if (vertex.seconds !== null && vertex.seconds > s.maxSeconds) s.maxSeconds = vertex.seconds;
    this.remember(vertex.id);
  }

  /** Whether the step with this number was dropped. */
  has(id: number): boolean {
    if (this.summary.count === 0) return false;
    if (id >= 0 && id < BITMAP_IDS && Number.isInteger(id))
      return this.bitmap !== null && id >> 3 < this.bitmap.length && (this.bitmap[id >> 3]! & (1 << (id & 7))) !== 0;
    return this.largeIds.has(id);
  }

  /** What is known of the dropped steps, or null when none was dropped. */
  omitted(): OmittedSteps | null {
    if (this.summary.count === 0) return null;
    const platformSeconds: Record<string, number> = {};
    for (const [key, seconds] of Object.entries(this.summary.platformSeconds)) platformSeconds[key] = Math.round(seconds * 10) / 10;
    return { ...this.summary, platformSeconds };
  }

  private remember(id: number): void {
    if (id >= 0 && id < BITMAP_IDS && Number.isInteger(id)) {
      const byte = id >> 3;
      if (this.bitmap === null || byte >= this.bitmap.length) {
        const grown = new Uint8Array(Math.min(BITMAP_IDS >> 3, Math.max(byte + 1, (this.bitmap?.length ?? 0) * 2, 1024)));
        if (this.bitmap) grown.set(this.bitmap);
        this.bitmap = grown;
      }
      this.bitmap[byte]! |= 1 << (id & 7);
    } else {
      this.largeIds.add(id);
    }
  }
}

function isDroppable(vertex: VertexState): boolean {
  if (vertex.status !== 'done' && vertex.status !== 'cached') return false;
  const kind = vertex.parsed.kind;
  return kind !== 'export' && kind !== 'cache-export' && kind !== 'cache-import';
}
