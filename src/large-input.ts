import type { LogSource } from './input/log-source.js';
import { boundYoungGeneration } from './young-generation.js';

/**
 * Input bytes after which V8's young generation is bounded (src/young-generation.ts). The bound only
 * matters for a long read, and a short log should not pay for it: `node:v8` and `perf_hooks`, which
 * it loads, were about 2% of the start of a run on a two-line log (README, "Start"). It must still
 * come early: the objects that survive the start (compiled code, the catalog) already make V8 grow
 * the young generation within the first megabytes of a read. A file's first chunk (up to 1 MiB,
 * src/input/log-source.ts) past this size installs it before that chunk is parsed.
 */
export const LARGE_INPUT_BYTES = 256 * 1024;

/** The young generation bounded once the sources together have yielded more than `threshold` bytes. */
export function boundYoungGenerationPast(sources: LogSource[], threshold = LARGE_INPUT_BYTES): LogSource[] {
  return onLargeInput(sources, threshold, () => boundYoungGeneration());
}

/**
 * The same sources, counting the bytes they yield: `act` runs once, when all of them together have
 * yielded more than `threshold`. Each chunk is passed on as it comes and the next one is read only
 * when the reader asks for it, so a source that fills one buffer again for each chunk
 * (`reusesChunks`) keeps its contract.
 */
export function onLargeInput(sources: LogSource[], threshold: number, act: () => void): LogSource[] {
  let seen = 0;
  let acted = false;
  const count = (chunk: Buffer | string): void => {
    seen += chunk.length;
    if (acted || seen <= threshold) return;
    acted = true;
    act();
  };
  return sources.map((source) => ({
    ...source,
    async open() {
      return countChunks(await source.open(), count);
    },
  }));
}

async function* countChunks(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  count: (chunk: Buffer | string) => void,
): AsyncIterable<Buffer | string> {
  for await (const chunk of chunks) {
    count(chunk);
    yield chunk;
  }
}
