import type { Build } from '../../model.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { formatSeconds, quote } from '../evidence.js';
import { inlineCode, truncate } from '../../text/markdown.js';

export const slowBuildRule: Rule = {
  ids: ['slow-build'],
  run(context: RuleContext): RuleFinding[] {
    return [...overBudget(context), ...slowContext(context.build)];
  },
};

function overBudget({ build, timing, options, catalog }: RuleContext): RuleFinding[] {
  const budget = options.maxBuildMinutes * 60;
  const seconds = build.buildSeconds ?? build.jobSeconds;
  if (seconds === null) return stillRunning(build, budget, catalog.get('slow-build')?.fix ?? '');
  if (seconds <= budget) return [];
  const which = build.buildSeconds !== null ? 'build' : 'job';
  const slowest = timing.slowestSteps.slice(0, 3);
  return [
    {
      id: 'slow-build',
      severity: 'warning',
      title: `The ${which} took ${formatSeconds(seconds)}, over the ${options.maxBuildMinutes} min budget`,
      evidence: [quote(build.boundary.first.line, build.boundary.first.text), quote(build.boundary.last.line, build.boundary.last.text)],
      fix: [
        `Where the time went: ${slowest.map((s) => `${inlineCode(s.name, 80)} ${formatSeconds(s.seconds)}`).join(', ') || 'no step timings in the log'}${timing.cacheExportSeconds > 0 ? `; cache export ${formatSeconds(timing.cacheExportSeconds)}` : ''}.`,
        '',
        catalog.get('slow-build')?.fix ?? '',
      ].join('\n'),
      data: { seconds, budgetSeconds: budget },
    },
  ];
}

// A build context that took a minute or more to reach the builder: the client sends it before any step
// can start, again on every build, and whatever it holds (node_modules, .git, build outputs) costs time
// even when no step reads it.
const SLOW_CONTEXT_SECONDS = 60;
// Also a Compose service's or a bake target's (`[web internal] load build context`).
const LOAD_CONTEXT = /^\[(?:[\w.-]+ )?internal\] load build context$/;

/** The build context's transfer, when it took long: quoted from its transfer line (which says how much), else the step that times it. */
function slowContext(build: Build): RuleFinding[] {
  const step = build.steps.filter((s) => LOAD_CONTEXT.test(s.name) && s.seconds !== null).sort((a, b) => b.seconds! - a.seconds!)[0];
  const transfer = build.contextTransfer;
  const seconds = Math.max(step?.seconds ?? 0, transfer?.seconds ?? 0);
  if (seconds < SLOW_CONTEXT_SECONDS) return [];
  // The transfer line when it accounts for the time (it says how much was sent), else the step's own end.
  const told = transfer !== undefined && transfer.seconds >= seconds / 2;
  const evidence = told ? quote(transfer.line, transfer.text) : quote(step!.endLine ?? step!.line, step!.endText ?? step!.name);
  return [
    {
      id: 'slow-build',
      severity: 'warning',
      title: `Sending the build context took ${formatSeconds(seconds)}`,
      evidence: [evidence],
      fix: [
        `The client sends the build context to the builder before any step starts, and again on every build: ${formatSeconds(seconds)} here.`,
        '',
        `- Leave out what no step needs with a \`.dockerignore\` (\`.git\`, \`node_modules\`, build outputs, data and model files)${told ? ': the line above says how much was sent' : ''}.`,
        '- Docker Desktop on Windows (WSL 2): keep the project inside the Linux file system (`~/project` in the distribution), not under `/mnt/c`, whose file sharing is many times slower.',
        '- A remote builder (a `docker-container` or `remote` driver, a cloud builder) receives the context over the network: send less, or build from a Git URL so the builder fetches it itself.',
      ].join('\n'),
      data: { seconds, budgetSeconds: null },
    },
  ];
}

/**
 * A log without timestamps that ends while a step still runs (a job stopped at its time limit, a paste
 * cut there): BuildKit's clock on the step's last output line says how long it had run by then. Also a
 * canceled step: the tty view gives its time (`=> CANCELED [3/7] RUN pip install ...  7411.1s`: a build
 * someone stopped after two hours), plain progress only the clock of its last output line.
 */
function stillRunning(build: Build, budget: number, advice: string): RuleFinding[] {
  const ran = (s: Build['steps'][number]) => (s.status === 'canceled' ? (s.seconds ?? s.runningSeconds) : s.runningSeconds);
  const step = build.steps.filter((s) => ran(s) !== undefined).sort((a, b) => ran(b)! - ran(a)!)[0];
  if (!step || ran(step)! <= budget) return waitingOnOneStep(build);
  const seconds = ran(step)!;
  const canceled = step.status === 'canceled';
  // A canceled step's own time is how long it ran; its last output's clock, how long at least.
  const atLeast = canceled && step.seconds === null ? 'at least ' : '';
  const last = canceled && step.endLine !== null ? quote(step.endLine, step.endText ?? step.name) : quote(build.boundary.last.line, build.boundary.last.text);
  return [
    {
      id: 'slow-build',
      severity: 'warning',
      title: canceled
        ? `The step "${truncate(step.name, 80)}" ran ${atLeast}${formatSeconds(seconds)} before it was canceled, over the ${budget / 60} min budget`
        : `The step "${truncate(step.name, 80)}" was still running after ${formatSeconds(seconds)}, over the ${budget / 60} min budget`,
      evidence: [quote(step.line, step.name), last],
      fix: [
        canceled
          ? `${inlineCode(step.name, 80)} ran ${atLeast}${formatSeconds(seconds)} before it was canceled (the build stopped by hand or by a time limit, or after another step failed).`
          : `The log ends while ${inlineCode(step.name, 80)} runs, ${formatSeconds(seconds)} after it started.`,
        '',
        advice,
      ].join('\n'),
      data: { seconds, budgetSeconds: budget, running: canceled ? 0 : 1 },
    },
  ];
}

/**
 * A log that ends with every step finished but one, and no failure, no cancellation, no end of the
 * build (a paste of a build that "hangs at exporting cache"): the build was waiting on that step when
 * the output stopped. Said as a notice, with no duration when the log shows none.
 */
function waitingOnOneStep(build: Build): RuleFinding[] {
  // The legacy builder's steps end only when the next starts (or `Successfully built`): its last step always looks running.
  if (build.status !== 'unknown' || build.withoutBuildKit || build.legacyBuilder || build.steps.length < 2) return [];
  const running = build.steps.filter((s) => s.status === 'running');
  if (running.length !== 1 || build.steps.some((s) => s.status === 'error' || s.status === 'canceled')) return [];
  const step = running[0]!;
  const ran = step.runningSeconds !== undefined ? ` for at least ${formatSeconds(step.runningSeconds)}` : '';
  return [
    {
      id: 'slow-build',
      severity: 'notice',
      title: `The log ends while "${truncate(step.name, 80)}" still runs: every other step had finished`,
      evidence: [quote(step.line, step.name), quote(build.boundary.last.line, build.boundary.last.text)],
      fix: [
        `Every other step had finished when the output stopped; ${inlineCode(step.name, 80)} was still running${ran}. A step that never ends is waiting on something: a registry or cache backend that does not answer (an export of every stage with \`mode=max\` can take long), a prompt, or a network call without a timeout.`,
        '',
        // The budget's advice (raise max-build-minutes) does not fit a step that never ends: what does.
        '- Give the job a `timeout-minutes`, so that a step that hangs ends the run instead of holding the runner.',
        '- A cache export that hangs: export less (`mode=min`) or to another backend, and add `ignore-error=true` to `cache-to` so a cache that fails does not fail the build.',
        '- A download or a prompt in a RUN: give the tool a timeout (`curl --max-time`, `pip --timeout`) and run it non-interactively (`DEBIAN_FRONTEND=noninteractive`, `-y`).',
      ].join('\n'),
      data: { seconds: step.runningSeconds ?? null, budgetSeconds: null, running: 1 },
    },
  ];
}
