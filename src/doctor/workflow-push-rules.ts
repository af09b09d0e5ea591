import type { Finding } from '../model.js';
import { actionOf, packagesWrite, type WorkflowJob, type WorkflowStep } from './workflow-file.js';
import { finding, indentOf, insertHunk, replaceHunk, type RuleContext } from './workflow-findings.js';
import { literalBoolean } from './workflow-inputs.js';

// Push and permission pitfalls: pushing from pull requests (forks get a read-only token), ghcr.io without packages: write.

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** Whether a condition keeps pull requests (and forks) out. */
export function guardsPullRequests(condition: string | null): boolean {
  return condition !== null && /pull_request|event_name|github\.ref\b|refs\/(heads|tags)|\.fork\b|head\.repo|github\.repository\b/.test(condition);
}

/** Text with `${{ env.X }}` replaced from the job's and the workflow's env. */
export function withEnv(ctx: RuleContext, job: WorkflowJob, text: string): string {
  return text.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => job.env.get(name) ?? ctx.workflow.env.get(name) ?? whole);
}

export function pushRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep): Finding[] {
  const out: Finding[] = [];
  const push = step.with.get('push');
  const pushes = literalBoolean(push?.value);
  if (pushes === false) return out;
  const events = ctx.workflow.triggers.events;
  const onPullRequests = PULL_REQUEST_EVENTS.some((e) => events.has(e));
  if (pushes === true && onPullRequests && !guardsPullRequests(step.if) && !guardsPullRequests(job.if)) {
    const line = push!.line;
    out.push(
      finding(
        ctx,
        'registry-auth-denied',
        'warning',
        'push: true also on pull requests: a pull request from a fork gets a read-only token and the push is denied',
        line,
        'Build on pull requests, push only from branches and tags: make `push` depend on the event (and log in only when pushing).',
        replaceHunk(ctx, line, push!.value.trim(), "${{ github.event_name != 'pull_request' }}"),
      ),
    );
  }
  // The job token needs `packages: write` to push to ghcr.io; a personal token does not.
  const login = job.steps.find((s) => s.uses && actionOf(s.uses.value)?.name === 'docker/login-action');
  const registry = login ? withEnv(ctx, job, login.with.get('registry')?.value ?? '') : '';
  const password = login?.with.get('password')?.value ?? '';
  if (registry.includes('ghcr.io') && /GITHUB_TOKEN|github\.token/.test(password)) {
    const allowed = packagesWrite(ctx.workflow, job);
    if (allowed !== true) {
      const title =
        allowed === null
          ? 'pushes to ghcr.io with the job token but declares no permissions (new repositories default to read-only packages)'
          : 'pushes to ghcr.io with the job token, whose permissions lack packages: write';
      const indent = `${indentOf(ctx, job.line)}  `;
      const diff =
        job.permissionsLine !== null
          ? insertHunk(ctx, job.permissionsLine + 1, [`${indent}  packages: write`])
          : insertHunk(ctx, job.line + 1, [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  packages: write`]);
      out.push(
        finding(
          ctx,
          'registry-auth-denied',
          allowed === null ? 'warning' : 'error',
          title,
          job.permissionsLine ?? job.line,
          `GitHub's token can push to ghcr.io only with \`packages: write\` in the job's (or the workflow's) \`permissions\`.`,
          diff,
        ),
      );
    }
  }
  return out;
}
