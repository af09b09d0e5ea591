import type { Finding } from '../model.js';
import { inlineCode } from '../text/markdown.js';
import type { WorkflowStep } from './workflow-file.js';
import { contextsOf, invalidTags, parseFlavor, parseTagRule, type RefContext } from './metadata-tags.js';
import { finding, lineWithin, replaceHunk, type RuleContext } from './workflow-findings.js';
import { entries } from './workflow-inputs.js';

// metadata-action tag rules that make an invalid tag where their template is empty.

const CONTEXT_NAME: Record<RefContext, string> = { branch: 'branch pushes', tag: 'tag pushes', pull_request: 'pull requests' };
const GUARD: Record<RefContext, string> = {
  pull_request: "enable=${{ github.event_name != 'pull_request' }}",
  tag: "enable=${{ !startsWith(github.ref, 'refs/tags/') }}",
  branch: "enable=${{ startsWith(github.ref, 'refs/tags/') }}",
};

export function metadataRules(ctx: RuleContext, step: WorkflowStep): Finding[] {
  const tags = step.with.get('tags');
  if (!tags) return [];
  const { events, pushBranches, pushTags } = ctx.workflow.triggers;
  const contexts = contextsOf(events, pushBranches, pushTags);
  const flavor = parseFlavor(step.with.get('flavor')?.value ?? '');
  const out: Finding[] = [];
  for (const text of entries(tags.value)) {
    const rule = parseTagRule(text);
    const bad = invalidTags(rule, contexts, flavor);
    if (bad.length === 0) continue;
    const line = lineWithin(ctx, tags.line, text);
    const where = bad.map((b) => `${inlineCode(b.tag)} on ${CONTEXT_NAME[b.context]}`).join(', ');
    const template = /\{\{\s*(branch|tag|base_ref)\b[^}]*\}\}/.exec(text)?.[0] ?? 'a template';
    // A sha tag whose prefix is a template: the fixed prefix is what metadata-action uses by default.
    const prefix = rule.attrs.get('prefix');
    const newText =
      rule.type === 'sha' && prefix !== undefined && /\{\{/.test(prefix)
        ? text.replace(`prefix=${prefix}`, 'prefix=sha-')
        : `${text},${bad
            .map((b) => GUARD[b.context])
            .filter((g, i, all) => all.indexOf(g) === i)
            .join(',')}`;
    out.push(
      finding(
        ctx,
        'invalid-tag',
        'error',
        `metadata-action tag rule ${text} makes an invalid tag on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}: ${bad[0]!.tag}`,
        line,
        `${inlineCode(template)} is empty on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}, so this rule makes the tag ${where}; a tag must start with a letter, digit or underscore, and the build fails with "invalid tag". Use a fixed text there, or turn the rule off where the template is empty.`,
        replaceHunk(ctx, line, text, newText),
        { rule: text, tag: bad[0]!.tag },
      ),
    );
  }
  return out;
}
