import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { formatSeconds, quote } from '../evidence.js';
import { inlineCode } from '../../text/markdown.js';

export const slowBuildRule: Rule = {
  ids: ['slow-build'],
  run({ build, timing, options, catalog }: RuleContext): RuleFinding[] {
    const seconds = build.buildSeconds ?? build.jobSeconds;
    const budget = options.maxBuildMinutes * 60;
    if (seconds === null || seconds <= budget) return [];
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
  },
};
