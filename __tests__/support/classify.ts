import { textSource } from '../../src/input/log-source.js';
import { parseSource } from '../../src/parse/parse-source.js';
import { diagnoseBuilds } from '../../src/diagnose/diagnose.js';
import { analyze, type Analysis } from '../../src/analyze/analyze.js';
import { builtinSignatures } from '../../src/diagnose/load-catalog.js';
import type { Signature } from '../../src/diagnose/catalog.js';
import { lineSelectorFor } from '../../src/diagnose/line-selector.js';
import { toJsonReport } from '../../src/report/json-report.js';
import { expectValidReport } from './report-schema.js';

/**
 * The whole engine on a text, with the diagnosis: what the action does for one log. Its JSON report
 * is checked against the published schema, so every case a test makes is a schema test too.
 */
export async function diagnoseText(
  text: string,
  label = 'case.log',
  catalog: Signature[] = builtinSignatures(),
  workspace: string | null = null,
): Promise<Analysis> {
  // As the engine does: the catalog in use decides which lines are kept for the diagnosis.
  const parsed = await parseSource(textSource(label, text), lineSelectorFor(catalog));
  const diagnosis = await diagnoseBuilds(parsed.builds, catalog);
  const analysis = analyze(
    parsed.builds,
    [...parsed.problems, ...diagnosis.problems.map((message) => ({ source: 'signatures', message }))],
    { maxBuildMinutes: 60, workspace },
    { diagnosis, catalog },
  );
  expectValidReport(toJsonReport(analysis));
  return analysis;
}
