import type { Finding } from '../model.js';
import { inlineCode } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { doctorFinding, type Check, type CheckResult } from './check.js';
import { firstLine, type DockerRunner } from './runner.js';

// The registry check group: for each image reference given, whether the tag exists, its platforms and
// per-platform digests, with the runbook's `docker manifest inspect`. Nothing is pushed. A loopback
// registry is read over plain HTTP, as the Docker daemon treats 127.0.0.0/8 as insecure by default.

export interface ImageState {
  ref: string;
  exists: boolean;
  /** `linux/amd64` → manifest digest; empty for a missing tag. */
  platforms: Array<{ platform: string; digest: string }>;
}

interface VerboseEntry {
  Ref?: string;
  Descriptor?: { digest?: string; platform?: { os?: string; architecture?: string; variant?: string } };
}

/** `docker manifest inspect --verbose`: one object for a single manifest, an array for an index. */
export function parseVerboseManifest(text: string): Array<{ platform: string; digest: string }> {
  const parsed = JSON.parse(text) as VerboseEntry | VerboseEntry[];
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  return entries
    .map((e) => {
      const p = e.Descriptor?.platform;
      const platform = p?.os ? `${p.os}/${p.architecture ?? '?'}${p.variant ? `/${p.variant}` : ''}` : 'unknown';
      return { platform, digest: e.Descriptor?.digest ?? '' };
    })
    .filter((e) => e.platform !== 'unknown/unknown');
}

function isLoopback(ref: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//.test(ref);
}

export async function runRegistryChecks(docker: DockerRunner, images: string[]): Promise<CheckResult> {
  const checks: Check[] = [];
  const findings: Finding[] = [];
  if (images.length === 0) {
    checks.push({
      id: 'registry.images',
      status: 'skipped',
      title: 'Registry',
      detail: 'no images to look up (give them with --image or the images input, or name them in a docker/metadata-action step)',
    });
    return { checks, findings };
  }
  for (const ref of [...new Set(images)]) {
    const id = `registry.${ref}`;
    const title = `Image ${ref}`;
    const args = ['manifest', 'inspect', '--verbose', ...(isLoopback(ref) ? ['--insecure'] : []), ref];
    const outcome = await docker(args);
    if (!outcome.ok) {
      checks.push({ id, status: 'skipped', title, detail: outcome.reason });
      continue;
    }
    const { exitCode, stdout, stderr } = outcome.result;
    const error = redact(firstLine(stderr) || firstLine(stdout));
    if (exitCode === 0) {
      let platforms: ImageState['platforms'];
      try {
        platforms = parseVerboseManifest(stdout);
      } catch {
        checks.push({ id, status: 'warn', title, detail: 'the registry answered, but not with a manifest docker could read' });
        continue;
      }
      const listed = platforms.map((p) => `${p.platform} ${p.digest.slice(0, 19)}`).join(', ');
      checks.push({ id, status: 'pass', title, detail: `exists: ${listed || 'no platform listed'}` });
    } else if (/no such manifest|manifest unknown|not found/i.test(error)) {
      checks.push({ id, status: 'fail', title, detail: `the tag does not exist (${error})` });
      findings.push(
        doctorFinding({
          id: 'image-pull-backoff',
          severity: 'error',
          title: `${ref} does not exist in the registry`,
          fix: `Whatever pulls ${inlineCode(ref)} (a deployment, a smoke test) fails with ImagePullBackOff. A tag pushed only from \`main\` does not exist for a pull request; check the workflow's push condition and the tags metadata-action makes for the event.`,
          source: null,
          data: { image: ref },
        }),
      );
    } else if (/unauthorized|denied|authentication required|no basic auth credentials|\b40[13]\b/i.test(error)) {
      checks.push({ id, status: 'fail', title, detail: `the registry refused to show it (${error})` });
      findings.push(
        doctorFinding({
          id: 'registry-auth-denied',
          severity: 'error',
          title: `The registry refused access to ${ref}`,
          fix: `Log in before the check and the build (\`docker/login-action\`); for ghcr.io with the job token, the job needs \`packages: read\` (\`write\` to push) and the package must grant the repository access.`,
          source: null,
          data: { image: ref },
        }),
      );
    } else {
      checks.push({ id, status: 'warn', title, detail: `could not look it up: ${error || `exit code ${exitCode}`}` });
    }
  }
  return { checks, findings };
}
