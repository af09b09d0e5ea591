import type { Finding, Severity } from '../model.js';
import type { WorkflowJob, WorkflowStep } from './workflow-file.js';
import { finding, replaceHunk, type RuleContext } from './workflow-findings.js';
import { cacheInputs, isBuildStep } from './workflow-inputs.js';

// Actions pinned to a major whose behaviour changed in ways that break or silently change a Docker workflow.

interface PinRule {
  action: string;
  /** The majors affected: below `below`. */
  below: number;
  severity: Severity;
  id: string;
  title: string;
  advice: string;
  to: string;
}

/** Majors whose behaviour changed in ways that break or silently change a Docker workflow. */
const PIN_RULES: PinRule[] = [
  {
    action: 'docker/build-push-action',
    below: 2,
    severity: 'error',
    id: 'action-major-changed',
    title: 'docker/build-push-action v1 has different inputs (repository, tag_with_ref) from v2 on',
    advice: 'v2 moved to buildx: `tags`, `push`, `cache-from`/`cache-to` replace the v1 inputs, which later majors ignore.',
    to: 'v6',
  },
  {
    action: 'docker/metadata-action',
    below: 3,
    severity: 'warning',
    id: 'action-major-changed',
    title: 'docker/metadata-action before v3 takes the old tag inputs (tag-sha, tag-edge)',
    advice: 'v3 replaced them with `tags: type=...` rules.',
    to: 'v5',
  },
  {
    action: 'actions/upload-artifact',
    below: 4,
    severity: 'error',
    id: 'action-major-changed',
    title: 'actions/upload-artifact before v4 no longer runs (turned off on 2025-01-30)',
    advice: 'v4 artifacts are immutable per name: give each matrix leg its own `name` and merge on download (`pattern`, `merge-multiple`).',
    to: 'v4',
  },
  {
    action: 'actions/download-artifact',
    below: 4,
    severity: 'error',
    id: 'action-major-changed',
    title: 'actions/download-artifact before v4 no longer runs (turned off on 2025-01-30)',
    advice: "Use v4 together with upload-artifact v4: the two majors cannot read each other's artifacts.",
    to: 'v4',
  },
];

export function pinRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep, action: { name: string; ref: string }): Finding[] {
  const major = /^v?(\d+)(?:\.|$)/.exec(action.ref);
  const out: Finding[] = [];
  if (major) {
    for (const rule of PIN_RULES) {
      if (rule.action !== action.name || Number(major[1]) >= rule.below) continue;
      const line = step.uses!.line;
      out.push(
        finding(ctx, rule.id, rule.severity, rule.title, line, rule.advice, replaceHunk(ctx, line, `@${action.ref}`, `@${rule.to}`), {
          action: action.name,
          pinned: action.ref,
        }),
      );
    }
  }
  // setup-buildx-action pinned to a buildx older than 0.21 cannot use GitHub's cache service v2
  // (the v1 service was shut down on 2025-04-15): every type=gha cache import and export fails.
  if (action.name === 'docker/setup-buildx-action') {
    const version = step.with.get('version');
    const v = version ? /^v?0\.(\d+)\./.exec(version.value.trim()) : null;
    const usesGha = job.steps.some((s) => isBuildStep(s) && [...cacheInputs(s).from, ...cacheInputs(s).to].some((e) => e.type === 'gha'));
    if (v && Number(v[1]) < 21 && usesGha) {
      out.push(
        finding(
          ctx,
          'cache-export-failure',
          'error',
          `buildx ${version!.value.trim()} cannot use the GitHub Actions cache (service v1 was shut down; buildx 0.21 or later needed)`,
          version!.line,
          'type=gha needs buildx 0.21 or later since GitHub moved to its cache service v2; pin a newer buildx or let setup-buildx-action pick the latest.',
          replaceHunk(ctx, version!.line, version!.value.trim(), 'latest'),
        ),
      );
    }
  }
  return out;
}
