import * as fs from 'node:fs';
import type { Finding } from '../model.js';
import { doctorFinding, type Check, type CheckResult } from './check.js';
import { firstLine, type DockerRunner } from './runner.js';

// The runner's resources: free disk where Docker keeps its data (statfs of `DockerRootDir`) and the
// build cache's size (`docker buildx du`). Builds fail with "no space left on device" well before the
// disk is full (layers are unpacked and exported twice), hence a threshold rather than zero.

export interface ResourceChecksOptions {
  /** Under this many free bytes the check warns (default 10 GiB). */
  warnFreeBytes: number;
  /** Under this many free bytes it fails (default 2 GiB). */
  failFreeBytes: number;
  /** Why `docker buildx du` must not run (a builder that is not running would be started by it). */
  skipCacheReason?: string | null;
}

export const DEFAULT_RESOURCE_OPTIONS: ResourceChecksOptions = { warnFreeBytes: 10 * 1024 ** 3, failFreeBytes: 2 * 1024 ** 3 };

const UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3, TIB: 1024 ** 4 };

/** `1.982MB`, `3.346GiB`, `0B` as bytes; null when it is no size. */
export function parseSize(text: string): number | null {
  const match = /^([\d.]+)\s*([KMGT]i?B|B)$/i.exec(text.trim());
  if (!match) return null;
  const unit = UNITS[match[2]!.toUpperCase()];
  return unit === undefined ? null : Math.round(Number(match[1]) * unit);
}

/** The `Total:` line of `docker buildx du`. */
export function parseDuTotal(output: string): number | null {
  const match = /^Total:\s*(\S+)/m.exec(output);
  return match ? parseSize(match[1]!) : null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export async function runResourceChecks(docker: DockerRunner, options: ResourceChecksOptions = DEFAULT_RESOURCE_OPTIONS): Promise<CheckResult> {
  const checks: Check[] = [];
  const findings: Finding[] = [];

  const info = await docker(['info', '--format', '{{.DockerRootDir}}']);
  const root = info.ok && info.result.exitCode === 0 ? info.result.stdout.trim() : '';
  if (!root) {
    const why = !info.ok ? info.reason : firstLine(info.result.stderr) || 'docker info named no data root';
    checks.push({ id: 'resources.disk', status: 'skipped', title: 'Free disk', detail: `Docker's data root is unknown: ${why}` });
  } else {
    let free: number | null = null;
    let size = 0;
    let why = '';
    try {
      // The data root belongs to root; statfs needs no permission on it, only that it exists here
      // (a remote daemon's data root is not on this machine).
      const stat = fs.statfsSync(root);
      free = Number(stat.bavail) * Number(stat.bsize);
      size = Number(stat.blocks) * Number(stat.bsize);
    } catch (error) {
      why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
    if (free === null) {
      checks.push({
        id: 'resources.disk',
        status: 'skipped',
        title: 'Free disk',
        detail: `cannot read the file system of ${root} here (${why}); is the daemon remote?`,
      });
    } else {
      const status = free < options.failFreeBytes ? 'fail' : free < options.warnFreeBytes ? 'warn' : 'pass';
      const detail = `${formatBytes(free)} free of ${formatBytes(size)} under ${root} (warns under ${formatBytes(options.warnFreeBytes)}, fails under ${formatBytes(options.failFreeBytes)})`;
      checks.push({ id: 'resources.disk', status, title: 'Free disk', detail });
      if (status !== 'pass') {
        findings.push(
          doctorFinding({
            id: 'disk-full',
            severity: status === 'fail' ? 'error' : 'warning',
            title: `Only ${formatBytes(free)} free where Docker keeps its data`,
            fix: `Builds fail with "no space left on device" when layers, exports and the cache outgrow the disk. Free space before the build (\`docker buildx prune -f --keep-storage 5gb\`, \`docker image prune -af\`; on GitHub runners remove unused toolchains such as \`/usr/share/dotnet\`), or use a larger runner.`,
            source: null,
            data: { freeBytes: free, warnFreeBytes: options.warnFreeBytes, failFreeBytes: options.failFreeBytes },
          }),
        );
      }
    }
  }

  if (options.skipCacheReason) {
    checks.push({ id: 'resources.build-cache', status: 'skipped', title: 'Build cache', detail: options.skipCacheReason });
    return { checks, findings };
  }
  const du = await docker(['buildx', 'du']);
  const total = du.ok && du.result.exitCode === 0 ? parseDuTotal(du.result.stdout) : null;
  if (total === null) {
    const why = !du.ok ? du.reason : firstLine(du.result.stderr) || 'no Total line';
    checks.push({ id: 'resources.build-cache', status: 'skipped', title: 'Build cache', detail: `docker buildx du: ${why}` });
  } else {
    checks.push({
      id: 'resources.build-cache',
      status: 'pass',
      title: 'Build cache',
      detail: `${formatBytes(total)} used by the builder's cache (docker buildx du)`,
    });
  }
  return { checks, findings };
}
