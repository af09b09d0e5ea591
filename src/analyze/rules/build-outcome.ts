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
  run({ build }: RuleContext): RuleFinding[] {
    if (build.status === 'canceled') {
      return [
        {
          id: 'canceled',
          severity: 'warning',
          title: 'The build was canceled before it finished',
          evidence: build.errors.slice(0, 5).map((e) => quote(e.line, e.text)),
          fix: [
            '- When another job of the matrix failed, fix that job first: with `strategy.fail-fast` (the default) GitHub cancels the others.',
            '- A newer push to the same branch cancels older runs when the workflow sets `concurrency` with `cancel-in-progress: true`.',
            '- A job that hit `timeout-minutes` is canceled too: compare the job time with the timeout.',
          ].join('\n'),
        },
      ];
    }
    if (build.status !== 'failure') return [];
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
          final ? `The last error BuildKit reported: ${inlineCode(final.text, 300)}.` : 'The log shows the build failed but no error line.',
          '',
          '- Read the output of the failing step (in the evidence) for the first error, not the last.',
          '- Reproduce locally with the same Dockerfile and platform: `docker buildx build --progress=plain --platform <platform> -f <Dockerfile> .`',
        ].join('\n'),
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
