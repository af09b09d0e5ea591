// Lines of build output that the plain and the rawjson parser read the same way (buildx prints them
// as plain text in both: after a rawjson progress, its error trailer is plain text too).

/** Top-level error lines of buildx/BuildKit and the docker CLI after a failed solve. */
// docker compose names the service's target: `target web: failed to solve: ...`; compose v2 prints
// the CLI's `unable to prepare context: ...` (no context, no Dockerfile) without `ERROR:`; BuildKit before
// 0.11 (dockerd 20.10, docker-compose v1) printed the failed step bare: `executor failed running [...]:
// exit code: 1`, and Docker 18.09's frontend its parse errors bare too (`failed to create LLB definition:
// ...`). A CI runner's verdict on the whole job (GitLab's `ERROR: Job failed: exit code 1`,
// Jenkins's `ERROR: script returned exit code 1`) begins like buildx's `ERROR: ...` but says only that
// some command of the job failed, perhaps a test long after the build: it is not the build's error,
// and a build that ended well before it stays a success.
export const FINAL_ERROR =
  /^(?:ERROR:? (?!Job failed\b|script returned exit code \d)|error: |(?:target "?[\w.-]+"?: )?failed to solve\b|Error response from daemon: |ERROR \[|unable to prepare context: |executor failed running \[|failed to create LLB definition: )/;

/**
 * The runner's `##[error]` when it cancels a job (a user, a newer run of the group, a shutdown, the
 * job's time limit): a build it stops did not fail by itself.
 */
export const RUNNER_CANCELED =
  /^The operation was canceled\.|^The runner has received a shutdown signal|^Canceling since a higher priority waiting request|^The job running on runner .+ has exceeded the maximum execution time/;

/**
 * The runner's `##[error]` when a step's `timeout-minutes` ran out: it stops that step alone (later
 * steps still run), so it cancels a build only in the build's own step.
 */
export const STEP_TIMED_OUT = /^The action .+ has timed out after \d+ minutes?\.?$/;

/** buildx prints this after the build when a --cache-from source has nothing (the build goes on uncached). */
export const CACHE_IMPORT_WARNING = /^WARNING: .*\b(?:cache import|import cache|cache importer)\b/i;
