import type { ActionInputs } from './inputs.js';
import type { RunContext } from '../github/run-context.js';
import type { GitHubClient } from '../github/api.js';

/**
 * One run of the action: what its steps read (the inputs, the run's context, the GitHub client and
 * its time budget) and where they say what did not work. One object instead of the same parameters
 * threaded through every step.
 */
export interface ActionRun {
  readonly inputs: ActionInputs;
  readonly context: RunContext;
  /** The GitHub API within the run's time budget; null without a token or a usable API URL. */
  readonly client: GitHubClient | null;
  /** What went wrong without stopping the run: warnings in the log, notes in the job summary. */
  readonly warnings: string[];
}

/** `owner/name` of the repository the run belongs to, when known. */
export function repositoryOf(run: ActionRun): string | null {
  return run.context.owner && run.context.repo ? `${run.context.owner}/${run.context.repo}` : null;
}
