import type { LogSource } from './input/log-source.js';
import { parseSource, type InputProblem } from './parse/parse-source.js';
import { analyze, type Analysis } from './analyze/analyze.js';
import type { AnalysisOptions } from './analyze/rule.js';
import type { Build } from './model.js';

/**
 * The whole pipeline for a set of logs: each source is streamed through decoding and parsing one
 * after another, then all builds are analysed together. The action and the CLI both call this.
 */
export async function analyzeSources(sources: LogSource[], options: AnalysisOptions): Promise<Analysis> {
  const builds: Build[] = [];
  const problems: InputProblem[] = [];
  for (const source of sources) {
    const parsed = await parseSource(source);
    builds.push(...parsed.builds);
    problems.push(...parsed.problems);
  }
  return analyze(builds, problems, options);
}
