import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface DockerOptions {
  /** The environment docker sees (default: this process's, so DOCKER_HOST and DOCKER_CONFIG apply). */
  env?: NodeJS.ProcessEnv;
  /** The process is killed after this long and the call throws (default 120 s). */
  timeoutMs?: number;
  /** Written to docker's stdin (`docker login --password-stdin`): a secret never goes on a command line. */
  input?: string;
}

/** Output beyond this is not kept (a history log is one build's output; this is far above it). */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Thrown when docker cannot be started at all: not installed, not executable. */
export class DockerMissingError extends Error {}

/**
 * Runs the docker CLI quietly (its output is data, not for the job log) and returns what it printed.
 * A failing command is a result; it throws only when docker cannot be started (DockerMissingError)
 * or is still running at the time limit, when it is killed. node's child_process rather than
 * @actions/exec: @actions/exec has no way to end a process, and a registry that never answers would
 * keep docker, and so the action, alive.
 */
export function docker(args: string[], options: DockerOptions = {}): Promise<CommandResult> {
  const binary = process.env.BUILDX_DOCTOR_DOCKER || 'docker';
  const timeoutMs = options.timeoutMs ?? 120_000;
  // The environment is passed explicitly: what this process has now (DOCKER_HOST, DOCKER_CONFIG set by
  // earlier steps or by a caller) is what docker must see.
  const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      if (outBytes < MAX_OUTPUT) out.push(b);
      outBytes += b.length;
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errBytes < MAX_OUTPUT) err.push(b);
      errBytes += b.length;
    });
    child.stdin.on('error', () => undefined); // docker may exit before reading its input
    child.stdin.end(options.input ?? '');
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
      reject(new DockerMissingError(`cannot run ${binary}: ${why}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`docker ${args.slice(0, 3).join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
        return;
      }
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8').slice(0, MAX_OUTPUT);
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: text(out), stderr: text(err) });
    });
  });
}
