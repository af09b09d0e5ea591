import { getExecOutput } from '@actions/exec';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Output beyond this is not kept (a history log is one build's output; this is far above it). */
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * Runs the docker CLI through @actions/exec, quietly (its output is data, not for the job log).
 * Throws only when docker cannot be started at all (not installed); a failing command is a result.
 */
export async function docker(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandResult> {
  const binary = process.env.BUILDX_DOCTOR_DOCKER || 'docker';
  // The environment is passed explicitly: what this process has now (DOCKER_HOST, DOCKER_CONFIG set by
  // earlier steps or by a caller) is what docker must see.
  const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const run = getExecOutput(binary, args, { silent: true, ignoreReturnCode: true, env });
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`docker ${args.slice(0, 3).join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    const result = await Promise.race([run, timeout]);
    return { exitCode: result.exitCode, stdout: result.stdout.slice(0, MAX_OUTPUT), stderr: result.stderr.slice(0, MAX_OUTPUT) };
  } finally {
    clearTimeout(timer);
  }
}
