// The doctor's GitHub API checks against the local GitHub (support/fake-github.ts: every request and
// response checked against GitHub's OpenAPI description): a ghcr.io package's versions under an
// organization and a user (a name with `/` included), the refusals a job token meets, no token;
// push rights; and the same through the bundled dist/cli.js (hence an e2e suite).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { FakeGitHub } from './support/fake-github.js';
import { NODE_BIN } from './support/run-action.js';
import { ROOT } from './support/analyze-text.js';
import { createClient } from '../src/github/api.js';
import { ghcrPackages, runPackageChecks, type GitHubAccess } from '../src/doctor/package-versions.js';
import { ghcrLogins, runPushRightsChecks } from '../src/doctor/push-rights.js';
import { readWorkflows } from '../src/doctor/workflow-images.js';
import { freePort } from './support/real-registry.js';

let github: FakeGitHub;
beforeEach(async () => {
  github = await new FakeGitHub().start();
});
afterEach(async () => {
  await github.stop();
  expect(github.violations).toEqual([]);
});

const access = async (): Promise<GitHubAccess> => ({
  client: await createClient({ token: 'ghs_fake-token-for-tests-0123456789', apiUrl: github.url, budgetMs: 30_000, retries: 0 }),
});

describe('ghcr.io packages', () => {
  it('groups the references by package, keeps their tags, leaves other registries out', () => {
    expect(
      ghcrPackages([
        'ghcr.io/afewell-hh/demon-runtime:main',
        'ghcr.io/afewell-hh/demon-runtime:latest',
        'ghcr.io/acme/tools/cli:v1',
        'docker.io/library/busybox:1',
        'not a ref',
      ]),
    ).toEqual([
      { owner: 'afewell-hh', name: 'demon-runtime', tags: ['main', 'latest'] },
      { owner: 'acme', name: 'tools/cli', tags: ['v1'] },
    ]);
  });

  it("an organization's package: the org path, the latest versions newest first, the wanted tag found", async () => {
    github.owners.set('acme', 'Organization');
    github.packages.set('acme/app', [
      { tags: ['sha-1111111'], updatedAt: '2025-09-20T10:00:00Z' },
      { tags: ['main', 'latest', 'sha-2222222'], updatedAt: '2025-09-24T10:00:00Z' },
      { tags: [], updatedAt: '2025-09-22T10:00:00Z' },
    ]);
    const result = await runPackageChecks(await access(), ['ghcr.io/acme/app:main']);
    expect(result.checks).toEqual([
      {
        id: 'registry.package.ghcr.io/acme/app',
        status: 'pass',
        title: 'Package ghcr.io/acme/app',
        detail: 'latest 3 of 3 listed: main, latest, sha-2222222 (2025-09-24); (untagged) (2025-09-22); sha-1111111 (2025-09-20)',
      },
    ]);
    expect(result.findings).toEqual([]);
    expect(github.calls('GET', '/orgs/{org}/packages/{package_type}/{package_name}/versions').map((r) => r.params)).toEqual([
      { org: 'acme', package_type: 'container', package_name: 'app' },
    ]);
  });

  it("a user's package whose name has a slash: the users path, the name URL-encoded; a tag not listed is a warning", async () => {
    github.owners.set('octo', 'User');
    github.packages.set('octo/tools/cli', [{ tags: ['v2'], updatedAt: '2025-09-24T10:00:00Z' }]);
    const result = await runPackageChecks(await access(), ['ghcr.io/octo/tools/cli:v1', 'ghcr.io/octo/tools/cli:v2']);
    expect(result.checks[0]).toMatchObject({
      status: 'warn',
      detail: ':v1 not among the 1 latest versions (older, or never pushed); latest 1 of 1 listed: v2 (2025-09-24)',
    });
    const [request] = github.calls('GET', '/users/{username}/packages/{package_type}/{package_name}/versions');
    expect(request!.path).toBe('/users/octo/packages/container/tools%2Fcli/versions');
    // The owner's kind is asked once however many images it has.
    expect(github.calls('GET', '/users/{username}')).toHaveLength(1);
  });

  it('a 403 (the job token without packages: read) is a warning with what to do, never a failure', async () => {
    github.owners.set('acme', 'Organization');
    github.faults.push({
      match: (r) => r.template === '/orgs/{org}/packages/{package_type}/{package_name}/versions',
      reply: { status: 403, json: { message: 'Resource not accessible by integration' } },
    });
    const result = await runPackageChecks(await access(), ['ghcr.io/acme/app:main']);
    expect(result.checks[0]!.status).toBe('warn');
    expect(result.checks[0]!.detail).toBe(
      'GitHub API: listing the versions of the package acme/app failed: 403 Forbidden (the token lacks a permission, or a rate limit). Give the job permissions: packages: read; with the job token, the package must also grant this repository access (the package settings, Manage Actions access).',
    );
    expect(result.findings).toEqual([expect.objectContaining({ id: 'registry-auth-denied', severity: 'warning' })]);
  });

  it('a 404 (a package not linked to the repository, or none) says both; an unknown owner too', async () => {
    github.owners.set('acme', 'Organization');
    const result = await runPackageChecks(await access(), ['ghcr.io/acme/gone:main', 'ghcr.io/nobody/app:main']);
    expect(result.checks.map((c) => c.status)).toEqual(['warn', 'warn']);
    expect(result.checks[0]!.detail).toMatch(
      /404 Not Found .*The package does not exist under acme, or the token cannot see it: a private package not linked to this repository/,
    );
    expect(result.checks[1]!.detail).toMatch(/^GitHub API: looking up the owner nobody failed: 404 Not Found/);
    expect(result.findings).toEqual([]);
  });

  it('no token: each ghcr.io package is skipped with the reason, nothing asked; no ghcr.io image: no row', async () => {
    const none: GitHubAccess = { client: null, reason: 'no token (set GITHUB_TOKEN or give --github-token)' };
    expect((await runPackageChecks(none, ['ghcr.io/acme/app:main'])).checks).toEqual([
      {
        id: 'registry.package.ghcr.io/acme/app',
        status: 'skipped',
        title: 'Package ghcr.io/acme/app',
        detail: 'skipped: no token (set GITHUB_TOKEN or give --github-token)',
      },
    ]);
    expect((await runPackageChecks(await access(), ['127.0.0.1:5000/app:main'])).checks).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});

const workflowsDir = join(ROOT, '__tests__', 'fixtures', 'workflows');
const loginsOf = (name: string) => ghcrLogins(readWorkflows({ workspace: workflowsDir, files: [join(workflowsDir, name)] }));
const pat = async (): Promise<GitHubAccess> => ({
  client: await createClient({ token: 'ghp_fake-token-for-tests-0123456789', apiUrl: github.url, budgetMs: 30_000, retries: 0 }),
});

describe('push rights, without pushing', () => {
  it("the team's workflow logs in with the job token and has packages: write: pass, and the token's scopes are not asked", async () => {
    const logins = loginsOf('team-docker-build.yml');
    expect(logins).toEqual([{ file: 'team-docker-build.yml', job: 'build', jobToken: true, password: '${{ secrets.GITHUB_TOKEN }}', packagesWrite: true }]);
    const result = await runPushRightsChecks(await access(), ['ghcr.io/afewell-hh/demon-runtime:main'], logins);
    expect(result.checks).toEqual([
      {
        id: 'registry.push.ghcr.io',
        status: 'pass',
        title: 'Push rights on ghcr.io',
        detail: 'team-docker-build.yml job build logs in with the job token, which has packages: write',
      },
    ]);
    expect(github.requests).toEqual([]);
  });

  it('the job token without packages: write: fail (the workflow check raises the finding, not this one)', async () => {
    const result = await runPushRightsChecks(await access(), ['ghcr.io/acme/app:main'], loginsOf('pitfall-no-packages-write.yml'));
    expect(result.checks[0]).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/logs in with the job token, whose permissions lack packages: write/),
    });
    expect(result.findings).toEqual([]);
  });

  it('a classic token: write:packages in X-OAuth-Scopes passes, without it fails with registry-auth-denied', async () => {
    github.tokenUser = 'octo';
    github.tokenScopes = 'repo, write:packages, read:packages';
    const good = await runPushRightsChecks(await pat(), ['ghcr.io/acme/app:main'], []);
    expect(good.checks[0]).toMatchObject({ status: 'pass', detail: 'no workflow here logs in to ghcr.io; the token given (of octo) has write:packages' });
    github.tokenScopes = 'repo, read:packages';
    const bad = await runPushRightsChecks(await pat(), ['ghcr.io/acme/app:main'], []);
    expect(bad.checks[0]).toMatchObject({
      status: 'fail',
      detail: 'no workflow here logs in to ghcr.io; the token given (of octo) lacks write:packages (its scopes: repo, read:packages)',
    });
    expect(bad.findings).toEqual([expect.objectContaining({ id: 'registry-auth-denied', severity: 'error', data: { scopes: 'repo, read:packages' } })]);
    expect(github.calls('GET', '/user')).toHaveLength(2);
  });

  it('a fine-grained token (no scopes header) is a warning; the job token given (GET /user refused) says the workflow decides', async () => {
    github.tokenUser = 'octo';
    const fine = await runPushRightsChecks(await pat(), ['ghcr.io/acme/app:main'], []);
    expect(fine.checks[0]).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('has no scopes: a fine-grained token, which GitHub Packages does not take'),
    });
    github.tokenUser = null;
    const job = await runPushRightsChecks(await access(), ['ghcr.io/acme/app:main'], []);
    expect(job.checks[0]).toMatchObject({
      status: 'skipped',
      detail: "no workflow here logs in to ghcr.io; the token given is the job token (or an app's), whose rights are the workflow's permissions, not scopes",
    });
    expect(job.findings).toEqual([]);
  });

  it('another registry that cannot be reached: a warning saying so; no token: skipped with the reason', async () => {
    // Nothing listens on a port just freed: the other registry's token handshake cannot start, which is said, not guessed at.
    const host = `127.0.0.1:${await freePort()}`;
    const result = await runPushRightsChecks(
      { client: null, reason: 'no token (set GITHUB_TOKEN or give --github-token)' },
      [`${host}/app:main`, 'ghcr.io/acme/app:main'],
      [],
    );
    expect(result.checks).toEqual([
      {
        id: `registry.push.${host}/app`,
        status: 'warn',
        title: `Push rights on ${host}/app`,
        detail: 'push rights: not checked (the connection was refused (ECONNREFUSED))',
      },
      {
        id: 'registry.push.ghcr.io',
        status: 'skipped',
        title: 'Push rights on ghcr.io',
        detail: 'no workflow here logs in to ghcr.io; its scopes not checked: no token (set GITHUB_TOKEN or give --github-token)',
      },
    ]);
  });
});

/** dist/cli.js as a user runs it, asynchronously: the local GitHub answers from this process. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      NODE_BIN,
      [join(ROOT, 'dist', 'cli.js'), ...args],
      { cwd: ROOT, env: { PATH: '/nonexistent', GITHUB_API_URL: github.url, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('through dist/cli.js', () => {
  it('GITHUB_TOKEN lists the package versions and its scopes are read; without docker the manifest check is skipped and the others go on', async () => {
    github.owners.set('acme', 'Organization');
    github.tokenUser = 'octo';
    github.tokenScopes = 'write:packages, read:packages';
    github.packages.set('acme/app', [{ tags: ['main'], updatedAt: '2025-09-24T10:00:00Z' }]);
    const run = await cli(['doctor', '--skip', 'workflow,builder,resources', '--image', 'ghcr.io/acme/app:main', '--format', 'json'], {
      GITHUB_TOKEN: 'ghp_fake-token-for-tests-0123456789',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const checks = JSON.parse(run.stdout).doctor.checks as Array<{ id: string; status: string; detail: string }>;
    expect(checks.filter((c) => c.id.startsWith('registry')).map((c) => `${c.id}:${c.status}`)).toEqual([
      'registry.ghcr.io/acme/app:main:skipped',
      'registry.package.ghcr.io/acme/app:pass',
      'registry.push.ghcr.io:pass',
    ]);
    expect(github.calls('GET', '/orgs/{org}/packages/{package_type}/{package_name}/versions')[0]!.headers.authorization).toBe(
      'token ghp_fake-token-for-tests-0123456789',
    );
  });

  it('no token: the package check says so and nothing is asked', async () => {
    const run = await cli(['doctor', '--skip', 'workflow,builder,resources', '--image', 'ghcr.io/acme/app:main', '--format', 'json'], {});
    const checks = JSON.parse(run.stdout).doctor.checks as Array<{ id: string; status: string; detail: string }>;
    expect(checks.find((c) => c.id === 'registry.package.ghcr.io/acme/app')).toMatchObject({
      status: 'skipped',
      detail: 'skipped: no token (set GITHUB_TOKEN or give --github-token)',
    });
    expect(github.requests).toEqual([]);
  });
});
