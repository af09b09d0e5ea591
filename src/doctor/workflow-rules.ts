import type { Finding } from '../model.js';
import { actionOf, type WorkflowFile, type WorkflowJob } from './workflow-file.js';
import type { RuleContext } from './workflow-findings.js';
import { isBuildStep } from './workflow-inputs.js';
import { cacheRules } from './workflow-cache-rules.js';
import { pushRules } from './workflow-push-rules.js';
import { platformLists, platformRules, runnerArch } from './workflow-platform-rules.js';
import { metadataRules } from './workflow-tag-rules.js';
import { pinRules } from './workflow-pin-rules.js';

export type { RuleContext } from './workflow-findings.js';
export { isBuildStep } from './workflow-inputs.js';
export { runnerArch } from './workflow-platform-rules.js';

// The Docker-specific pitfalls of a workflow, each a rule over one job: what a generic workflow linter
// cannot know (cache scopes, metadata-action templates, QEMU, the docker exporter). Every finding
// points at the line to change and shows the change as a diff; ids are the log catalog's where one fits.
// The rules live by subject: workflow-cache-rules, -push-rules, -platform-rules, -tag-rules, -pin-rules.

export function checkJob(ctx: RuleContext, job: WorkflowJob): Finding[] {
  const findings: Finding[] = [];
  for (const step of job.steps) {
    if (isBuildStep(step)) {
      findings.push(...cacheRules(ctx, job, step), ...pushRules(ctx, job, step), ...platformRules(ctx, job, step));
    }
    const action = step.uses ? actionOf(step.uses.value) : null;
    if (action?.name === 'docker/metadata-action') findings.push(...metadataRules(ctx, step));
    if (action) findings.push(...pinRules(ctx, job, step, action));
  }
  return findings;
}

/**
 * What is not wrong but worth knowing (for the check's detail, not findings): a pinned major whose
 * next one behaves differently, and platforms emulated where a native runner would be much faster.
 */
export function workflowNotes(workflow: WorkflowFile): string[] {
  const notes: string[] = [];
  for (const job of workflow.jobs) {
    const native = runnerArch(job.runsOn);
    for (const step of job.steps) {
      const platforms = isBuildStep(step) ? step.with.get('platforms') : undefined;
      if (platforms && native) {
        const emulated = [
          ...new Set(
            platformLists(platforms.value)
              .flat()
              .filter((p) => !p.includes(`/${native}`)),
          ),
        ];
        if (emulated.length > 0)
          notes.push(
            `${emulated.join(', ')} built under QEMU on an ${native} runner (line ${platforms.line}): a native runner${emulated.some((p) => p.includes('arm64')) ? ' (ubuntu-24.04-arm)' : ''} builds it many times faster`,
          );
      }
      const action = step.uses ? actionOf(step.uses.value) : null;
      if (action?.name === 'docker/build-push-action' && /^v?5(\.|$)/.test(action.ref)) {
        notes.push(
          `build-push-action@${action.ref} (line ${step.uses!.line}): v6 adds a build summary and uploads the build record as an artifact (DOCKER_BUILD_SUMMARY / DOCKER_BUILD_RECORD_UPLOAD turn them off)`,
        );
      }
    }
  }
  return [...new Set(notes)];
}
