import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { quote } from '../evidence.js';
import { truncate } from '../../text/markdown.js';
import { RUNNER_EXIT } from '../../parse/after-build-error.js';
import { RUNNER_CANCELED, STEP_TIMED_OUT } from '../../parse/build-lines.js';
import { matchFinding } from './signature-diagnosis.js';
import { referencesIn } from '../../reference/named-references.js';

const ID = 'after-build-error';
const MAX_TITLE_ERROR = 120;
/** A job canceled after its build: nothing in the build to change (the catalog's advice is for an error). */
const CANCELED_FIX =
  'The build succeeded; the job was canceled later, in this step (by a user, a newer run of its concurrency group, or a time limit). Nothing in the build caused it.';

/**
 * A build that succeeded in a job whose later step reported an error (parse/after-build-error.ts).
 * When the catalog's `laterSteps` signatures name a cause in that step's output (a `docker push`
 * denied, a smoke test's `ImagePullBackOff`), that cause is the job's failure: an error finding of
 * the signature's id, said with the step. Otherwise a notice, never the build's failure: the step's
 * output is not a Docker build's (a smoke test, a script), so no other signature or guess reads it;
 * it quotes the step's last lines and its error, so that the reader need not open the log to see
 * which step and what. A notice: no `fail-on` policy counts it, and it is no root cause (the job's
 * own status is red already, or green for a `continue-on-error` step).
 */
export const afterBuildErrorRule: Rule = {
  ids: [ID, '(catalog)'],
  run(context: RuleContext): RuleFinding[] {
    const { build, catalog, diagnosis } = context;
    const later = build.afterBuildError;
    if (!later || build.status !== 'success') return [];
    const step = later.step === null ? 'A later step' : `The step "${later.step}"`;
    const data = { step: later.step, stepLine: later.stepLine, errorLine: later.error.line };
    const named = diagnosis?.laterStep;
    if (named) {
      const [root, ...others] = named.matches;
      const where = later.step === null ? 'a later step' : `the step "${later.step}"`;
      const references = referencesIn([later.command ?? '', later.step ?? '', ...named.lines.map((l) => l.text)]);
      const finding = matchFinding(root!, context, { primary: true, others, allLines: named.lines, laterStep: where, references });
      const laterStep = { laterStep: later.step ?? '', laterStepLine: later.stepLine, laterErrorLine: later.error.line };
      // A job the API lists as a success let this step fail: analyze.ts says it as allowed (allowed-failure.ts).
      return [{ ...finding, evidence: withError(finding.evidence, later.error), data: { ...finding.data, ...laterStep } }];
    }
    const advice = catalog.get(ID);
    // The runner's own line for a `run:` step says only its exit code; an action's error says what.
    const exit = RUNNER_EXIT.exec(later.error.text);
    const timedOut = /has timed out after (\d+) minutes?/.exec(later.error.text);
    const canceled = RUNNER_CANCELED.test(later.error.text) || STEP_TIMED_OUT.test(later.error.text);
    const what = timedOut
      ? `was canceled: its timeout-minutes (${timedOut[1]}) ran out`
      : canceled
        ? 'was canceled'
        : exit
          ? `exited with code ${exit[1]}`
          : `reported an error: ${truncate(later.error.text.trim(), MAX_TITLE_ERROR)}`;
    return [
      {
        id: ID,
        severity: advice?.severity ?? 'notice',
        title: `${step} after the build ${what}`,
        evidence: [...later.lastLines, later.error].map((e) => quote(e.line, e.text)),
        fix: canceled ? CANCELED_FIX : (advice?.fix ?? ''),
        data: { ...data, canceled: canceled ? 1 : 0 },
      },
    ];
  },
};

/** The step's own error line (its exit) closes the evidence, once. */
function withError(evidence: RuleFinding['evidence'], error: { line: number; text: string }): RuleFinding['evidence'] {
  return evidence.some((e) => e.line === error.line) ? evidence : [...evidence, quote(error.line, error.text)];
}
