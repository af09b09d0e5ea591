import type { Step } from '../../model.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { quote } from '../evidence.js';
import { inlineCode } from '../../text/markdown.js';

const TAIL = 10;

/**
 * The baseline for a build that did not succeed: a failure is never left without a finding, even
 * when nothing more specific recognises it, and a canceled build says so.
 */
export const buildOutcomeRule: Rule = {
  ids: ['unknown', 'canceled'],
  run({ build, diagnosis, catalog }: RuleContext): RuleFinding[] {
    const matched = diagnosis?.matches ?? [];
    if (build.status === 'canceled') {
      if (matched.some((m) => m.signature.id === 'canceled')) return [];
      const advice = catalog.get('canceled');
      return [
        {
          id: 'canceled',
          severity: advice?.severity ?? 'warning',
          title: 'The build was canceled before it finished',
          evidence: build.errors.slice(0, 5).map((e) => quote(e.line, e.text)),
          fix: advice?.fix ?? '',
        },
      ];
    }
    // A signature that matched more than a WARNING line names the cause; this is the fallback.
    if (build.status !== 'failure' || matched.some((m) => !m.onlyWarnings)) return [];
    const final = build.errors[build.errors.length - 1] ?? null;
    const tail = build.failedStepTail.slice(-TAIL);
    const failedStep = build.steps.find((s) => s.status === 'error' && s.kind !== 'cache-import');
    return [
      {
        id: 'unknown',
        severity: 'error',
        title: failedStep ? stepFailureTitle(failedStep) : final ? `The build failed: ${shorten(final.text)}` : 'The build failed',
        evidence: [...tail, ...build.errors].map((e) => quote(e.line, e.text)),
        fix: [
          final ? `The last error reported: ${inlineCode(final.text, 300)}.` : 'The log shows the build failed but no error line.',
          catalog.get('unknown')?.fix ?? '',
        ].join('\n\n'),
      },
    ];
  },
};

/** `RUN cargo build --release failed: exit code: 101`: the step and why, without the shell quoting. */
function stepFailureTitle(step: Step): string {
  const error = step.error ?? '';
  const reason =
    /did not complete successfully: (.*)$/.exec(error)?.[1] ??
    /^executor failed running \[.*\]: (.*)$/s.exec(error)?.[1] ??
    error;
  const what = step.instruction ? `${step.instruction} ${step.command}` : step.name;
  return `${what.length > 60 ? `${what.slice(0, 59)}…` : what} failed${reason ? `: ${shorten(reason)}` : ''}`;
}

function shorten(text: string): string {
  const clean = text.replace(/^##\[error\]/, '').replace(/^#\d+ ERROR:\s*/, '');
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}
