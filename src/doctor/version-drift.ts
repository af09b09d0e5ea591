import type { Finding } from '../model.js';
import type { Check } from './check.js';
import { doctorFinding } from './check.js';

// Builder drift, the runbook's fifth failure mode: the buildx and BuildKit this runner has now
// against those a past run's log shows (docker/setup-buildx-action prints both). A new BuildKit
// is often the answer to "it built yesterday": cache keys, frontend syntax and exporter behaviour
// change between minor versions.

export interface RunVersions {
  /** Which run the versions come from, for the detail (`run 17964002949`, `the log given`). */
  label: string;
  buildx: string | null;
  buildkit: string | null;
}

export interface LiveVersions {
  buildx: string | null;
  buildkit: string | null;
}

/**
 * `v0.24.0`, `0.24.0-rc1` → `0.24.0`: only the release numbers are compared. A BuildKit built into a
 * distribution's dockerd reports `v0.0.0+unknown`: no version, not a drift.
 */
function release(version: string | null): string | null {
  const numbers = version ? (/(\d+\.\d+\.\d+)/.exec(version)?.[1] ?? null) : null;
  return numbers === '0.0.0' ? null : numbers;
}

export function versionDrift(live: LiveVersions, past: RunVersions | null): { checks: Check[]; findings: Finding[] } {
  if (!past || (!past.buildx && !past.buildkit)) return { checks: [], findings: [] };
  const differs: string[] = [];
  const same: string[] = [];
  for (const [name, now, then] of [
    ['buildx', release(live.buildx), release(past.buildx)],
    ['BuildKit', release(live.buildkit), release(past.buildkit)],
  ] as const) {
    if (!now || !then) continue;
    (now === then ? same : differs).push(now === then ? `${name} ${now}` : `${name} ${then} in ${past.label}, ${now} here`);
  }
  if (differs.length === 0) {
    return same.length === 0
      ? { checks: [], findings: [] }
      : {
          checks: [{ id: 'builder.drift', status: 'pass', title: 'Versions against the last run', detail: `as in ${past.label}: ${same.join(', ')}` }],
          findings: [],
        };
  }
  const detail = differs.join('; ');
  return {
    checks: [{ id: 'builder.drift', status: 'warn', title: 'Versions against the last run', detail }],
    findings: [
      doctorFinding({
        id: 'builder-missing',
        severity: 'warning',
        title: `The builder drifted since ${past.label}: ${detail}`,
        fix: [
          'A build that broke after working may come from the newer builder rather than the code.',
          '- Pin the versions in the workflow: `docker/setup-buildx-action` with `version: v<buildx>` and `driver-opts: image=moby/buildkit:v<buildkit>`.',
          '- Or re-run the last good commit with `workflow_dispatch` on this builder to tell the two apart.',
        ].join('\n'),
        source: null,
        data: { drift: detail },
      }),
    ],
  };
}

/** The first versions the builds of a log show (every job of a run sets up the same builder). */
export function versionsOfBuilds(builds: Array<{ runner: { buildxVersion?: string; buildkitVersion?: string } }>, label: string): RunVersions | null {
  const buildx = builds.find((b) => b.runner.buildxVersion)?.runner.buildxVersion ?? null;
  const buildkit = builds.find((b) => b.runner.buildkitVersion)?.runner.buildkitVersion ?? null;
  return buildx || buildkit ? { label, buildx, buildkit } : null;
}
