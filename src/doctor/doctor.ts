import type { Finding } from '../model.js';
import type { Check, CheckGroup } from './check.js';
// parseSkip lives beside CHECK_GROUPS so that reading the action's inputs does not load the doctor.
export { parseSkip } from './check.js';
import { runWorkflowChecks } from './workflow-checks.js';
import { runBuilderChecks } from './builder-checks.js';
import { DEFAULT_RESOURCE_OPTIONS, runResourceChecks } from './resource-checks.js';
import { runRegistryChecks } from './registry-checks.js';
import { runPackageChecks, type GitHubAccess } from './package-versions.js';
import { imagesFromWorkflows, readWorkflows } from './workflow-images.js';
import { ghcrLogins, runPushRightsChecks } from './push-rights.js';
import { dockerRunner, type DockerRunner } from './runner.js';
import type { RunVersions } from './version-drift.js';

// The doctor: runs the check groups in order (the workflow first, offline, because it tells the live
// checks which platforms to expect), each on its own so that one that cannot run is `skipped` with
// its reason and the others go on. Read-only throughout: nothing is built, pushed or started.

export interface DoctorOptions {
  workspace: string;
  /** Workflow files; empty: the workspace's `.github/workflows`. */
  workflows: string[];
  skip: Set<CheckGroup>;
  /** Image references for the registry check. */
  images: string[];
  warnFreeBytes?: number;
  failFreeBytes?: number;
  /** The docker runner (default: `docker` with this process's environment, 20 s per command). */
  docker?: DockerRunner;
  binfmtDir?: string;
  /** The buildx and BuildKit versions of a past run's log (the last good one), for the drift check. */
  pastRun?: RunVersions | null;
  /** The GitHub API (ghcr.io packages, a token's scopes), or why there is none. */
  github?: GitHubAccess;
  /** `owner/name` of the repository (`github.repository` in the workflow's image names), null when unknown. */
  repository?: string | null;
}

const NO_GITHUB: GitHubAccess = { client: null, reason: 'no GitHub token' };

export interface DoctorReport {
  checks: Check[];
  findings: Finding[];
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const docker = options.docker ?? dockerRunner();
  const checks: Check[] = [];
  const findings: Finding[] = [];
  const skipped = (group: CheckGroup) => checks.push({ id: group, status: 'skipped', title: titleOf(group), detail: 'skipped on request' });
  // A check group that throws is a bug in it; the others still run and the reason is shown.
  const guarded = async (group: CheckGroup, run: () => Promise<{ checks: Check[]; findings: Finding[] }> | { checks: Check[]; findings: Finding[] }) => {
    if (options.skip.has(group)) {
      skipped(group);
      return;
    }
    try {
      const result = await run();
      checks.push(...result.checks);
      findings.push(...result.findings);
    } catch (error) {
      checks.push({ id: group, status: 'skipped', title: titleOf(group), detail: `could not run: ${(error as Error).message.split('\n')[0]}` });
    }
  };

  let platforms: string[] = [];
  await guarded('workflow', () => {
    const result = runWorkflowChecks({ workspace: options.workspace, files: options.workflows });
    platforms = result.platforms;
    return result;
  });
  await guarded('builder', () => runBuilderChecks(docker, { platforms, binfmtDir: options.binfmtDir, pastRun: options.pastRun ?? null }));
  // `docker buildx du` would start a builder that is not running: only ask a running one.
  const current = checks.find((c) => c.id === 'builder.current');
  const skipCacheReason = current && current.status !== 'pass' ? 'the builder in use is not running (docker buildx du would start it)' : null;
  await guarded('resources', () =>
    runResourceChecks(docker, {
      warnFreeBytes: options.warnFreeBytes ?? DEFAULT_RESOURCE_OPTIONS.warnFreeBytes,
      failFreeBytes: options.failFreeBytes ?? DEFAULT_RESOURCE_OPTIONS.failFreeBytes,
      skipCacheReason,
    }),
  );
  await guarded('registry', async () => {
    const { images, source } = imagesToCheck(options);
    if (images.length === 0 && source) return { checks: [source], findings: [] };
    const manifests = await runRegistryChecks(docker, images);
    const packages = await runPackageChecks(options.github ?? NO_GITHUB, images);
    const logins = ghcrLogins(readWorkflows({ workspace: options.workspace, files: options.workflows }));
    const push = await runPushRightsChecks(options.github ?? NO_GITHUB, images, logins);
    const parts = [manifests, packages, push];
    return { checks: [...(source ? [source] : []), ...parts.flatMap((p) => p.checks)], findings: parts.flatMap((p) => p.findings) };
  });
  return { checks, findings: rankFindings(findings) };
}

/**
 * The images given (the input, a past run's tags), else those the workflows' metadata-action steps
 * name, with the tags they get on main; then a row says where they came from and what was left out.
 */
function imagesToCheck(options: DoctorOptions): { images: string[]; source: Check | null } {
  if (options.images.length > 0) return { images: options.images, source: null };
  const found = imagesFromWorkflows({ workspace: options.workspace, files: options.workflows, repository: options.repository ?? null });
  if (found.images.length === 0 && found.skipped.length === 0) return { images: [], source: null };
  const left = found.skipped.length > 0 ? `; left out: ${found.skipped.join('; ')}` : '';
  const source: Check =
    found.images.length > 0
      ? {
          id: 'registry.images',
          status: 'pass',
          title: 'Images to check',
          detail: `from docker/metadata-action (${found.sources.join(', ')}), tagged as on a push to main: ${found.images.join(', ')}${left}`,
        }
      : {
          id: 'registry.images',
          status: 'skipped',
          title: 'Images to check',
          detail: `none could be read from docker/metadata-action${left} (give them with --image or the images input)`,
        };
  return { images: found.images, source };
}

function titleOf(group: CheckGroup): string {
  return { workflow: 'Workflow files', builder: 'Builder', resources: 'Runner resources', registry: 'Registry' }[group];
}

/** Errors first, then warnings, then notices; the order of the checks within a severity. */
function rankFindings(findings: Finding[]): Finding[] {
  const order = { error: 0, warning: 1, notice: 2 };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order[a.f.severity] - order[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
