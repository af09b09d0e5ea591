import type { Finding } from '../model.js';
import { ApiError, call } from '../github/api.js';
import { parseReference, type ImageReference } from '../reference/image-reference.js';
import { checkPushScope } from './registry-push-scope.js';
import { doctorFinding, worstStatus, type Check, type CheckResult, type CheckStatus } from './check.js';
import { actionOf, packagesWrite, type WorkflowFile } from './workflow-file.js';
import type { GitHubAccess } from './package-versions.js';
import { expandAll } from './workflow-images.js';

// Whether the credentials can push, without pushing. For ghcr.io there are two kinds of credentials:
// the job token, whose rights are the workflow's `permissions` (`packages: write`), and a personal
// access token (classic), whose scopes `GET /user` lists in `X-OAuth-Scopes` (`write:packages`).
// The workflow's docker/login-action steps tell which one pushes. Other registries: their token
// service is asked what Docker's stored credentials may do (registry-push-scope.ts).

export interface GhcrLogin {
  /** `docker-build.yml`. */
  file: string;
  job: string;
  /** Whether the password is the job token (`secrets.GITHUB_TOKEN`, `github.token`). */
  jobToken: boolean;
  /** The password's expression as written, for the detail. */
  password: string;
  /** The job's (or workflow's) `packages: write`; null when neither sets permissions. */
  packagesWrite: boolean | null;
}

/** The docker/login-action steps of the workflows that log in to ghcr.io. */
export function ghcrLogins(workflows: WorkflowFile[]): GhcrLogin[] {
  const logins: GhcrLogin[] = [];
  for (const workflow of workflows) {
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        if (!step.uses || actionOf(step.uses.value)?.name !== 'docker/login-action') continue;
        const registry = expandAll(step.with.get('registry')?.value ?? '', workflow, job, null);
        if (typeof registry === 'string' || !registry.some((r) => r.trim() === 'ghcr.io')) continue;
        const password = step.with.get('password')?.value.trim() ?? '';
        logins.push({
          file: workflow.path,
          job: job.id,
          jobToken: /secrets\.GITHUB_TOKEN\b|github\.token\b/.test(password),
          password,
          packagesWrite: packagesWrite(workflow, job),
        });
      }
    }
  }
  return logins;
}

interface Part {
  status: CheckStatus;
  text: string;
}

export async function runPushRightsChecks(
  access: GitHubAccess,
  images: string[],
  logins: GhcrLogin[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckResult> {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  const refs = images.flatMap((i) => referenceOf(i) ?? []);
  const repositories = new Map(refs.filter((r) => r.registry !== 'ghcr.io').map((r) => [`${r.registry}/${r.repository}`, r]));
  for (const [name, ref] of repositories) {
    const scope = await checkPushScope(ref, env);
    checks.push({ id: `registry.push.${name}`, status: scope.status, title: `Push rights on ${name}`, detail: scope.detail });
    if (scope.status === 'fail') {
      findings.push(
        doctorFinding({
          id: 'registry-auth-denied',
          severity: 'error',
          title: `The credentials cannot push to ${name}`,
          fix: 'Log in (`docker/login-action`) with an account that may push to this repository before the build.',
          source: null,
          data: { image: name },
        }),
      );
    }
  }
  if (!refs.some((r) => r.registry === 'ghcr.io')) return { checks, findings };

  const parts: Part[] = [];
  // The job token: the rights are the permissions of the job that logs in.
  for (const login of logins.filter((l) => l.jobToken)) {
    const where = `${login.file} job ${login.job} logs in with the job token`;
    if (login.packagesWrite === true) parts.push({ status: 'pass', text: `${where}, which has packages: write` });
    else if (login.packagesWrite === false) parts.push({ status: 'fail', text: `${where}, whose permissions lack packages: write (see the workflow finding)` });
    else parts.push({ status: 'warn', text: `${where} and sets no permissions: the repository's default decides (read-only packages for new repositories)` });
  }
  // Another secret, or no workflow that says: the scopes of the token given, if it is a personal one.
  const others = logins.filter((l) => !l.jobToken);
  if (others.length > 0 || logins.length === 0) {
    const pushedWith =
      others.length > 0 ? `the workflow pushes with ${[...new Set(others.map((l) => l.password))].join(', ')}` : 'no workflow here logs in to ghcr.io';
    parts.push(await tokenScopes(access, pushedWith, findings));
  }
  const status = worstStatus(parts.map((p) => ({ id: '', title: '', detail: '', status: p.status })));
  checks.push({ id: 'registry.push.ghcr.io', status, title: 'Push rights on ghcr.io', detail: parts.map((p) => p.text).join('; ') });
  return { checks, findings };
}

/** The token's scopes from `GET /user`: a classic token lists them, the job token is refused (403). */
async function tokenScopes(access: GitHubAccess, pushedWith: string, findings: Finding[]): Promise<Part> {
  if (access.client === null) return { status: 'skipped', text: `${pushedWith}; its scopes not checked: ${access.reason}` };
  const client = access.client;
  try {
    const response = await call(client, 'reading who the token belongs to', () => client.request('GET /user'));
    const login = (response.data as { login?: string }).login ?? '?';
    const header = response.headers['x-oauth-scopes'];
    if (header === undefined) {
      return {
        status: 'warn',
        text: `${pushedWith}; the token given (of ${login}) has no scopes: a fine-grained token, which GitHub Packages does not take; use a personal access token (classic) with write:packages, or the job token with packages: write`,
      };
    }
    const scopes = String(header)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (scopes.includes('write:packages')) return { status: 'pass', text: `${pushedWith}; the token given (of ${login}) has write:packages` };
    findings.push(
      doctorFinding({
        id: 'registry-auth-denied',
        severity: 'error',
        title: 'The token lacks the write:packages scope: pushes to ghcr.io are denied',
        fix: "Give the personal access token (classic) the `write:packages` scope (it includes `read:packages`), or log in with the job token and `packages: write` in the job's permissions.",
        source: null,
        data: { scopes: scopes.join(', ') },
      }),
    );
    return { status: 'fail', text: `${pushedWith}; the token given (of ${login}) lacks write:packages (its scopes: ${scopes.join(', ') || 'none'})` };
  } catch (error) {
    // GitHub refuses `GET /user` to installation tokens, the job token among them.
    if (error instanceof ApiError && error.status === 403)
      return {
        status: 'skipped',
        text: `${pushedWith}; the token given is the job token (or an app's), whose rights are the workflow's permissions, not scopes`,
      };
    return { status: 'warn', text: `${pushedWith}; ${error instanceof Error ? error.message : String(error)}` };
  }
}

function referenceOf(image: string): ImageReference | null {
  try {
    return parseReference(image);
  } catch {
    return null;
  }
}
