import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { quote } from '../evidence.js';
import { truncate } from '../../text/markdown.js';
import { RUNNER_EXIT } from '../../parse/after-build-error.js';
import { RUNNER_CANCELED } from '../../parse/build-lines.js';

const ID = 'after-build-error';
const MAX_TITLE_ERROR = 120;
/** A job canceled after its build: nothing in the build to change (the catalog's advice is for an error). */
const CANCELED_FIX =
  'The build succeeded; the job was canceled later, in this step (by a user, a newer run of its concurrency group, or a time limit). Nothing in the build caused it.';

/**
 * A build that succeeded in a job whose later step reported an error (parse/after-build-error.ts):
 * said as a notice, never as the build's failure. It names no cause: that step's output is not a
 * Docker build's (a smoke test, a script), so no signature or guess reads it; it quotes the step's
 * last lines and its error, so that the reader need not open the log to see which step and what.
 * A notice: no `fail-on` policy counts it, and it is no root cause (the job's own status is red
 * already, or green for a `continue-on-error` step).
 */
export const afterBuildErrorRule: Rule = {
  ids: [ID],
  run({ build, catalog }: RuleContext): RuleFinding[] {
    const later = build.afterBuildError;
    if (!later || build.status !== 'success') return [];
    const advice = catalog.get(ID);
    const step = later.step === null ? 'A later step' : `The step "${later.step}"`;
    // The runner's own line for a `run:` step says only its exit code; an action's error says what.
    const exit = RUNNER_EXIT.exec(later.error.text);
    const canceled = RUNNER_CANCELED.test(later.error.text);
    const what = canceled ? 'was canceled' : exit ? `exited with code ${exit[1]}` : `reported an error: ${truncate(later.error.text.trim(), MAX_TITLE_ERROR)}`;
    return [
      {
        id: ID,
        severity: advice?.severity ?? 'notice',
        title: `${step} after the build ${what}`,
        evidence: [...later.lastLines, later.error].map((e) => quote(e.line, e.text)),
        fix: canceled ? CANCELED_FIX : (advice?.fix ?? ''),
        data: { step: later.step, stepLine: later.stepLine, errorLine: later.error.line, canceled: canceled ? 1 : 0 },
      },
    ];
  },
};
