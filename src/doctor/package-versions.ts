import type { Finding } from '../model.js';
import { ApiError, call, type GitHubClient } from '../github/api.js';
import { parseReference, type ImageReference } from '../reference/image-reference.js';
import { doctorFinding, type Check, type CheckResult } from './check.js';

// For each ghcr.io image, the package's latest versions and their tags through GitHub's packages API
// (the runbook's `gh api .../packages/container/NAME/versions`): what `docker manifest inspect`
// cannot show, which tags were pushed lately and when. The API path depends on whether the owner is
// an organization or a user, which `GET /users/{name}` tells. Read-only; a refusal is a warning with
// what to change, never a failed check: the registry check already says whether the tag exists.

/** The GitHub API for the doctor, or why there is none (no token). */
export type GitHubAccess = { client: GitHubClient } | { client: null; reason: string };

/** Versions listed in a check's detail; the API's first page (30) is searched for the wanted tags. */
const SHOWN_VERSIONS = 5;

export interface GhcrPackage {
  owner: string;
  /** The package name: the repository path after the owner (may hold `/`). */
  name: string;
  /** The tags of this package the images name. */
  tags: string[];
}

/** The ghcr.io packages the references name, each once; other registries and bad references are left out. */
export function ghcrPackages(images: string[]): GhcrPackage[] {
  const packages = new Map<string, GhcrPackage>();
  for (const text of images) {
    let ref: ImageReference;
    try {
      ref = parseReference(text);
    } catch {
      continue;
    }
    if (ref.registry !== 'ghcr.io' || !ref.repository.includes('/')) continue;
    const slash = ref.repository.indexOf('/');
    const owner = ref.repository.slice(0, slash);
    const name = ref.repository.slice(slash + 1);
    const key = `${owner}/${name}`;
    const entry = packages.get(key) ?? { owner, name, tags: [] };
    if (ref.tag && !entry.tags.includes(ref.tag)) entry.tags.push(ref.tag);
    packages.set(key, entry);
  }
  return [...packages.values()];
}

interface Version {
  tags: string[];
  updated: string;
}

export async function runPackageChecks(access: GitHubAccess, images: string[]): Promise<CheckResult> {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  const ownerKinds = new Map<string, Promise<'orgs' | 'users'>>();
  for (const pkg of ghcrPackages(images)) {
    const id = `registry.package.ghcr.io/${pkg.owner}/${pkg.name}`;
    const title = `Package ghcr.io/${pkg.owner}/${pkg.name}`;
    if (access.client === null) {
      checks.push({ id, status: 'skipped', title, detail: `skipped: ${access.reason}` });
      continue;
    }
    const client = access.client;
    try {
      if (!ownerKinds.has(pkg.owner)) ownerKinds.set(pkg.owner, ownerKind(client, pkg.owner));
      const kind = await ownerKinds.get(pkg.owner)!;
      const versions = await listVersions(client, kind, pkg);
      checks.push({ id, title, ...describeVersions(pkg, versions) });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : null;
      checks.push({ id, status: 'warn', title, detail: `${error instanceof ApiError ? error.message : String(error)}. ${adviceFor(status, pkg)}` });
      if (status === 401 || status === 403) {
        findings.push(
          doctorFinding({
            id: 'registry-auth-denied',
            severity: 'warning',
            title: `The GitHub token may not read the package ghcr.io/${pkg.owner}/${pkg.name}`,
            fix: adviceFor(status, pkg),
            source: null,
            data: { image: `ghcr.io/${pkg.owner}/${pkg.name}` },
          }),
        );
      }
    }
  }
  return { checks, findings };
}

/** `orgs` or `users`: the packages API has one path for each kind of owner. */
async function ownerKind(client: GitHubClient, owner: string): Promise<'orgs' | 'users'> {
  const response = await call(client, `looking up the owner ${owner}`, () => client.request('GET /users/{username}', { username: owner }));
  return (response.data as { type?: string }).type === 'Organization' ? 'orgs' : 'users';
}

async function listVersions(client: GitHubClient, kind: 'orgs' | 'users', pkg: GhcrPackage): Promise<Version[]> {
  const what = `listing the versions of the package ${pkg.owner}/${pkg.name}`;
  // Octokit encodes path parameters: a package name with `/` goes as `%2F`, as the API wants it.
  const response =
    kind === 'orgs'
      ? await call(client, what, () =>
          client.request('GET /orgs/{org}/packages/{package_type}/{package_name}/versions', {
            org: pkg.owner,
            package_type: 'container',
            package_name: pkg.name,
          }),
        )
      : await call(client, what, () =>
          client.request('GET /users/{username}/packages/{package_type}/{package_name}/versions', {
            username: pkg.owner,
            package_type: 'container',
            package_name: pkg.name,
          }),
        );
  return response.data
    .map((v) => ({ tags: v.metadata?.container?.tags ?? [], updated: v.updated_at ?? v.created_at }))
    .sort((a, b) => b.updated.localeCompare(a.updated));
}

function describeVersions(pkg: GhcrPackage, versions: Version[]): Pick<Check, 'status' | 'detail'> {
  if (versions.length === 0) return { status: 'warn', detail: 'the package has no versions' };
  const shown = versions
    .slice(0, SHOWN_VERSIONS)
    .map((v) => `${v.tags.length > 0 ? v.tags.join(', ') : '(untagged)'} (${v.updated.slice(0, 10)})`)
    .join('; ');
  const listed = new Set(versions.flatMap((v) => v.tags));
  const absent = pkg.tags.filter((t) => !listed.has(t));
  const latest = `latest ${Math.min(SHOWN_VERSIONS, versions.length)} of ${versions.length} listed: ${shown}`;
  if (absent.length === 0) return { status: 'pass', detail: latest };
  const names = absent.map((t) => `:${t}`).join(', ');
  return { status: 'warn', detail: `${names} not among the ${versions.length} latest versions (older, or never pushed); ${latest}` };
}

/** What to change, plain text (it goes into a check's detail and a finding's fix). */
function adviceFor(status: number | null, pkg: GhcrPackage): string {
  if (status === 403 || status === 401) {
    return 'Give the job permissions: packages: read; with the job token, the package must also grant this repository access (the package settings, Manage Actions access).';
  }
  if (status === 404) {
    return `The package does not exist under ${pkg.owner}, or the token cannot see it: a private package not linked to this repository (connect it in the package settings), or a token without packages: read.`;
  }
  return 'The other checks went on.';
}
