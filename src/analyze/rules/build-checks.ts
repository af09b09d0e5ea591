import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { resolveInWorkspace } from '../../diagnose/locations.js';
import { inlineCode } from '../../text/markdown.js';

/**
 * Dockerfile build checks BuildKit reported (`buildx.build.warnings` in the build's metadata): each
 * names a rule and a line, so each becomes a warning annotated on that line of the Dockerfile.
 */
export const buildChecksRule: Rule = {
  ids: ['build-check'],
  run({ build, options }: RuleContext): RuleFinding[] {
    return build.checks.map((check) => {
      const file = resolveInWorkspace(
        [check.file, build.request.dockerfile].filter((f): f is string => !!f),
        options.workspace,
      );
      return {
        id: 'build-check',
        severity: 'warning',
        title: `${check.rule}: ${check.message}`,
        evidence: [],
        fix: [
          `BuildKit's build check ${inlineCode(check.rule)} flagged ${check.line ? `line ${check.line} of ` : ''}${inlineCode(check.file ?? build.request.dockerfile ?? 'the Dockerfile')}.`,
          check.url
            ? `The rule, and how to fix or silence it (\`# check=skip=${check.rule}\`): ${check.url}`
            : `Silence it with \`# check=skip=${check.rule}\` at the top of the Dockerfile if it is intended.`,
        ].join('\n\n'),
        locations:
          check.line && file ? [{ kind: 'dockerfile', file, line: check.line, column: null, verified: true, message: `${check.rule}: ${check.message}` }] : [],
        data: { rule: check.rule, line: check.line },
      };
    });
  },
};
