import type { LogSource } from './input/log-source.js';
import type { InputProblem } from './parse/parse-source.js';
import { parseSources } from './parse/parse-sources.js';
import { lineSelectorFor } from './diagnose/line-selector.js';
import { analyze, type Analysis } from './analyze/analyze.js';
import type { AnalysisOptions } from './analyze/rule.js';
import type { Build } from './model.js';
import type { Signature } from './diagnose/catalog.js';
import { builtinSignatures } from './diagnose/load-catalog.js';
import { diagnoseBuilds } from './diagnose/diagnose.js';
import { measureBuildImages, type SizeOptions } from './registry/measure-builds.js';

/**
 * The whole pipeline for a set of logs: each source is streamed through decoding and parsing (a
 * few at a time: parse/parse-sources.ts), failed builds are diagnosed against the signature catalog,
 * then all builds are analysed together. The action and the CLI both call this.
 */
export async function analyzeSources(
  sources: LogSource[],
  options: AnalysisOptions,
  catalog: Signature[] = builtinSignatures(),
  sizes: SizeOptions | null = null,
): Promise<Analysis> {
  const builds: Build[] = [];
  const problems: InputProblem[] = [];
  // The catalog decides which lines are kept for the diagnosis, the team's own signatures included.
  const selector = lineSelectorFor(catalog);
  for (const parsed of await parseSources(sources, selector)) {
    builds.push(...parsed.builds);
    problems.push(...parsed.problems);
  }
  // Image sizes come from the registry, not the log: measured when asked, before the analysis.
  if (sizes) await measureBuildImages(builds, sizes);
  const diagnosis = await diagnoseBuilds(builds, catalog);
  problems.push(...diagnosis.problems.map((message) => ({ source: 'signatures', message })));
  return analyze(builds, problems, options, { diagnosis, catalog });
}
