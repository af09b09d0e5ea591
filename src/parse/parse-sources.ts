import type { Build } from '../model.js';
import type { LogSource } from '../input/log-source.js';
import type { LineSelector } from '../diagnose/line-selector.js';
import { parseSource, type ParsedSource } from './parse-source.js';
import { boundYoungGenerationPast } from '../large-input.js';

/**
 * How many sources are read at once. A matrix's job logs come from GitHub one request each: while
 * one downloads, others are parsed as their bytes arrive. Each source streams through its own
 * bounded parser, so memory grows with this number, never with the size of a log.
 */
export const CONCURRENT_SOURCES = 4;

/**
 * parseSource for every source, at most `limit` at a time, results in the order of `sources`
 * (reports do not depend on which download finished first). With `sink`, each build goes there as
 * it closes, with the index of its source (builds of several sources arrive interleaved).
 *
 * Every command that reads logs reads them here (`analyze`, the action, `doctor --log`): a long
 * read holds V8's young generation small so that peak memory stays flat, and a short one loads
 * nothing for it (src/large-input.ts).
 */
export async function parseSources(
  logs: LogSource[],
  selector: LineSelector | null,
  limit = CONCURRENT_SOURCES,
  sink: ((build: Build, sourceIndex: number) => void) | null = null,
): Promise<ParsedSource[]> {
  const sources = boundYoungGenerationPast(logs);
  const results = new Array<ParsedSource>(sources.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const index = next++;
      results[index] = await parseSource(sources[index]!, selector, sink ? { sink: (build) => sink(build, index) } : {});
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), sources.length) }, worker));
  return results;
}
