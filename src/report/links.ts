import type { Analysis } from '../analyze/analyze.js';
import type { Build } from '../model.js';
import { StepLineIndex } from '../github/step-lines.js';

/**
 * A link to a line of a job's log on GitHub (`.../job/ID#step:N:L`), when the log came from the API
 * and the line's step is known; else the job's page, else null.
 */
export function logLineUrl(build: Build | undefined, line: number): string | null {
  if (!build?.jobUrl) return null;
  const step = StepLineIndex.stepOf(build.jobSteps, line);
  return step ? `${build.jobUrl}#step:${step.number}:${line - step.firstLine + 1}` : build.jobUrl;
}

/** The build a finding is about, by name. */
export function buildNamed(analysis: Analysis, name: string | null): Build | undefined {
  return name === null ? undefined : analysis.builds.find((b) => b.build.name === name)?.build;
}
