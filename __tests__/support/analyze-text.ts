import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseSource } from '../../src/parse/parse-source.js';
import { lineSelectorFor } from '../../src/diagnose/line-selector.js';
import { builtinSignatures } from '../../src/diagnose/load-catalog.js';
import { textSource, fileSource } from '../../src/input/log-source.js';
import { analyze, type Analysis } from '../../src/analyze/analyze.js';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from '../../src/analyze/rule.js';
import { toJsonReport } from '../../src/report/json-report.js';
import { expectValidReport } from './report-schema.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, '__tests__', 'fixtures');
export const SAMPLE = join(ROOT, 'samples', 'docker-publish-17964002949.log');

export function fixturePath(name: string): string {
  return join(FIXTURES, 'logs', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/**
 * Runs the parser and the analysis on text, as the CLI does on a file, but without the signature diagnosis: a failure's
 * findings are the word model's guess or `unknown` (diagnoseText in ./classify.js runs the diagnosis too). Its JSON report
 * must meet the published schema.
 */
export async function analyzeText(text: string, label = 'test.log', options: Partial<AnalysisOptions> = {}): Promise<Analysis> {
  const parsed = await parseSource(textSource(label, text), lineSelectorFor(builtinSignatures()));
  return validated(analyze(parsed.builds, parsed.problems, { ...DEFAULT_ANALYSIS_OPTIONS, ...options }));
}

export async function analyzeFile(path: string, options: Partial<AnalysisOptions> = {}): Promise<Analysis> {
  const parsed = await parseSource(fileSource(path), lineSelectorFor(builtinSignatures()));
  return validated(analyze(parsed.builds, parsed.problems, { ...DEFAULT_ANALYSIS_OPTIONS, ...options }));
}

/** Every analysis a test makes through these helpers is a schema test too. */
function validated(analysis: Analysis): Analysis {
  expectValidReport(toJsonReport(analysis));
  return analysis;
}
