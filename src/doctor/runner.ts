import { docker, type CommandResult } from '../buildx/docker-cli.js';

// Every command of the doctor goes through here: the project's docker runner (buildx/docker-cli.ts), each
// call with its own time limit, so one hung command (a builder whose node never answers) costs one
// check, not the run. A command that could not run at all comes back as a reason, not an exception.

export interface TimeLimits {
  /** Of one docker command. */
  timeoutMs: number;
  /** Of a command that waits for every builder node (`buildx ls`: buildx gives each unreachable one 20 s). */
  slowTimeoutMs: number;
}

export const DEFAULT_TIME_LIMITS: TimeLimits = { timeoutMs: 20_000, slowTimeoutMs: 45_000 };

export type RunOutcome = { ok: true; result: CommandResult } | { ok: false; reason: string };

export type DockerRunner = (args: string[], slow?: boolean) => Promise<RunOutcome>;

/** The runner used by the doctor: `docker` (or BUILDX_DOCTOR_DOCKER) with the current environment. */
export function dockerRunner(env: NodeJS.ProcessEnv = process.env, limits: TimeLimits = DEFAULT_TIME_LIMITS): DockerRunner {
  return async (args, slow = false) => {
    try {
      return { ok: true, result: await docker(args, { env, timeoutMs: slow ? limits.slowTimeoutMs : limits.timeoutMs }) };
    } catch (error) {
      const message = (error as Error).message.split('\n')[0] ?? String(error);
      // docker missing from PATH comes back from the docker runner as a DockerMissingError (spawn ENOENT).
      const reason = /did not finish within/.test(message) ? message : `docker could not be run (${message})`;
      return { ok: false, reason };
    }
  };
}

/** The first line of a command's error output, short, for a check's detail. */
export function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').slice(0, 300);
}
