import type { LogSource } from './input/log-source.js';
import type { InputProblem } from './parse/parse-source.js';
import { CONCURRENT_SOURCES, parseSources } from './parse/parse-sources.js';
import { lineSelectorFor } from './diagnose/line-selector.js';
import { analyze, type Analysis } from './analyze/analyze.js';
import type { AnalysisOptions } from './analyze/rule.js';
import { BuildBudget, MAX_LISTED_BUILDS } from './analyze/build-budget.js';
import type { Build } from './model.js';
import type { Signature } from './diagnose/catalog.js';
import { builtinSignatures } from './diagnose/load-catalog.js';
import { diagnoseBuilds } from './diagnose/diagnose.js';
import { measureBuildImages, type SizeOptions } from './registry/measure-builds.js';

/**
 * The whole pipeline for a set of logs: each source is streamed through decoding and parsing (a
 * few at a time: parse/parse-sources.ts), each build goes to the budget of listed builds as it
 * closes (analyze/build-budget.ts: past a limit the least telling are folded into counts, so
 * memory does not grow with the number of builds), failed builds are diagnosed against the
 * signature catalog, then the listed builds are analysed together. The action and the CLI both call this.
 */
export async function analyzeSources(
  sources: LogSource[],
  options: AnalysisOptions,
  catalog: Signature[] = builtinSignatures(),
  sizes: SizeOptions | null = null,
  maxListedBuilds = MAX_LISTED_BUILDS,
): Promise<Analysis> {
  const problems: InputProblem[] = [];
  // The catalog decides which lines are kept for the diagnosis, the team's own signatures included.
  const selector = lineSelectorFor(catalog);
  const budget = new BuildBudget(maxListedBuilds, options, { catalog });
  // A build's place in the input: its source first (sources are read concurrently), then its order there.
  const seen = new Array<number>(sources.length).fill(0);
  const take = (build: Build, sourceIndex: number) => budget.add(build, sourceIndex * SOURCE_STRIDE + seen[sourceIndex]!++);
  // parseSources holds V8's young generation small on a long read (src/large-input.ts).
  for (const parsed of await parseSources(sources, selector, CONCURRENT_SOURCES, take)) problems.push(...parsed.problems);
  const builds = budget.builds();
  // Image sizes come from the registry, not the log: measured when asked, before the analysis.
  if (sizes) await measureBuildImages(builds, sizes);
  const diagnosis = await diagnoseBuilds(builds, catalog);
  problems.push(...diagnosis.problems.map((message) => ({ source: 'signatures', message })));
  return analyze(builds, problems, options, { diagnosis, catalog, omittedBuilds: budget.omitted() });
}

/** Positions of one source's builds: 2^32 apart, so 2^21 sources stay within exact integers. */
const SOURCE_STRIDE = 2 ** 32;
