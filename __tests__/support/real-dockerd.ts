// A real Docker daemon (Debian 12's docker.io, Docker 20.10 with its built-in BuildKit) for
// integration tests that need genuine `docker build --progress=plain` output.
//
// Each startDockerd() call runs its own dockerd (and the containerd that dockerd starts) with
// every path under a fresh temp dir, so it never touches a system daemon, and builds a base image
// `local/busybox:1` from busybox-static without any registry. Nothing can be pulled here: the
// Dockerfiles used with it must start `FROM local/busybox:1` (or FROM scratch).
//
// Needs root and the Debian packages installed by scripts/ensure-test-deps.sh.
// Uses node built-ins only.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sleep, signal, tailOfLog, stopDaemonTree } from './process-tools.js';
import { needsRealComponent } from './test-tier.js';

export const DOCKERD_BIN = '/usr/sbin/dockerd';
/** Debian's docker.io client (20.10). /usr/local/bin/docker is an unrelated newer client. */
export const DOCKER_BIN = '/usr/bin/docker';
export const BUSYBOX_BIN = '/bin/busybox';
export const BASE_IMAGE = 'local/busybox:1';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;
const DEFAULT_BUILD_TIMEOUT_MS = 120_000;
const LOG_TAIL_LINES = 40;

export interface BuildOptions {
  /** `-t TAG`; the output then ends with a `naming to docker.io/library/TAG` line. */
  tag?: string;
  /** `--no-cache` */
  noCache?: boolean;
  /** Inserted before the context dir, e.g. `['--target', 'builder']` or `['-f', 'Other.Dockerfile']`. */
  extraArgs?: string[];
  /** Kill the client and throw after this long (default 120 s). */
  timeoutMs?: number;
}

export interface BuildResult {
  exitCode: number;
  /** The client's stderr: with --progress=plain, the whole progress stream. */
  output: string;
  /** The client's stdout (normally empty for a BuildKit build). */
  stdout: string;
  durationMs: number;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RealDockerd {
  /** Path of the daemon's unix socket. */
  socket: string;
  /** `unix://<socket>`, for `docker -H`. */
  host: string;
  /** The temp dir holding everything of this daemon (removed by stop()). */
  dir: string;
  /** dockerd's own stdout+stderr. */
  logFile: string;
  /** Server version as reported by `docker version`, e.g. `20.10.24+dfsg1`. */
  serverVersion: string;
  /** From spawning dockerd to its first answer. */
  startupMs: number;
  /** Making and importing the base image. */
  baseImageMs: number;
  build(contextDir: string, opts?: BuildOptions): Promise<BuildResult>;
  /** Runs any /usr/bin/docker command against this daemon. */
  docker(args: string[], timeoutMs?: number): Promise<CommandResult>;
  /** Last lines of dockerd's log (grpc chatter and plugin loading left out). */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** An environment for the docker client that ignores the user's docker config, contexts and hosts. */
function clientEnv(configDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DOCKER_|BUILDKIT_|BUILDX_)/.test(k)) continue;
    env[k] = v;
  }
  env.PATH = env.PATH || '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  env.DOCKER_CONFIG = configDir;
  env.DOCKER_CLI_HINTS = 'false';
  return { ...env, ...extra };
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandResult & { timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${file} ${args.join(' ')}: ${e.message}`));
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({
        exitCode: code ?? (sig ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/** A temp dir short enough for unix socket paths (containerd's sockets live 40 chars below it). */
function makeTempDir(): string {
  let base = os.tmpdir();
  if (base.length > 40) base = '/tmp';
  return fs.mkdtempSync(path.join(base, 'bxd-dockerd-'));
}

/** A minimal root filesystem: busybox-static plus one symlink per applet. */
function makeBusyboxRootfs(rootfs: string): void {
  const list = spawnSync(BUSYBOX_BIN, ['--list'], { encoding: 'utf8' });
  if (list.status !== 0 || !list.stdout) {
    throw new Error(`\`${BUSYBOX_BIN} --list\` failed (exit ${list.status}): ${list.stderr || list.error?.message || ''}`);
  }
  for (const d of ['bin', 'etc', 'tmp', 'root', 'proc', 'sys', 'dev', 'usr/bin', 'usr/sbin', 'sbin']) {
    fs.mkdirSync(path.join(rootfs, d), { recursive: true });
  }
  fs.chmodSync(path.join(rootfs, 'tmp'), 0o1777);
  fs.copyFileSync(BUSYBOX_BIN, path.join(rootfs, 'bin/busybox'));
  fs.chmodSync(path.join(rootfs, 'bin/busybox'), 0o755);
  for (const applet of list.stdout.split('\n').map((s) => s.trim())) {
    if (!applet || applet === 'busybox' || applet.includes('/')) continue;
    fs.symlinkSync('busybox', path.join(rootfs, 'bin', applet));
  }
  fs.writeFileSync(path.join(rootfs, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n');
  fs.writeFileSync(path.join(rootfs, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
}

export async function startDockerd(): Promise<RealDockerd> {
  needsRealComponent('a real dockerd 20.10 (real-dockerd)');
  for (const bin of [DOCKERD_BIN, DOCKER_BIN, BUSYBOX_BIN]) {
    try {
      fs.accessSync(bin, fs.constants.X_OK);
    } catch {
      throw new Error(`real dockerd: ${bin} is missing; run \`bash scripts/ensure-test-deps.sh\` as root (installs docker.io and busybox-static)`);
    }
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`real dockerd: dockerd needs root, but these tests run as uid ${process.getuid()}`);
  }

  const dir = makeTempDir();
  const socket = path.join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const logFile = path.join(dir, 'dockerd.log');
  const pidFile = path.join(dir, 'docker.pid');
  const execRoot = path.join(dir, 'exec');
  const clientConfig = path.join(dir, 'client-config');
  fs.mkdirSync(clientConfig);
  // An empty daemon config so that a system /etc/docker/daemon.json cannot change this daemon.
  const daemonConfig = path.join(dir, 'daemon.json');
  fs.writeFileSync(daemonConfig, '{}\n');

  let dockerd: ChildProcess | undefined;
  let watchdog: ChildProcess | undefined;
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let stopped = false;

  const logTail = (lines = LOG_TAIL_LINES) => tailOfLog(logFile, lines);

  const killAtExit = () => {
    // Last resort if a test forgets stop(): dockerd stops its own containerd on SIGTERM.
    if (dockerd?.pid && !exited) signal(dockerd.pid, 'SIGTERM');
  };

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killAtExit);
    const problems = await stopDaemonTree({ dockerd: exited ? undefined : dockerd, watchdog, execRoot, dir, stopTimeoutMs: STOP_TIMEOUT_MS });

    if (problems.length > 0) {
      throw new Error(`real dockerd: stop() had problems:\n- ${problems.join('\n- ')}`);
    }
  }

  const fail = async (what: string, detail = ''): Promise<never> => {
    const tail = logTail();
    let stopNote = '';
    try {
      await stop();
    } catch (err) {
      stopNote = `\n(cleanup: ${(err as Error).message})`;
    }
    throw new Error(`real dockerd: ${what}${detail ? `\n${detail.trim()}` : ''}\n--- tail of dockerd log (${logFile}) ---\n${tail}${stopNote}`);
  };

  const docker = async (args: string[], timeoutMs = 60_000): Promise<CommandResult> => {
    const r = await run(DOCKER_BIN, ['-H', host, ...args], clientEnv(clientConfig), timeoutMs);
    if (r.timedOut) throw new Error(`real dockerd: \`docker ${args.join(' ')}\` did not finish within ${timeoutMs} ms`);
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  };

  // --- start dockerd -------------------------------------------------------------------------
  const t0 = Date.now();
  const logFd = fs.openSync(logFile, 'a');
  try {
    dockerd = spawn(
      DOCKERD_BIN,
      [
        `--config-file=${daemonConfig}`,
        `--data-root=${path.join(dir, 'data')}`,
        `--exec-root=${execRoot}`,
        `--pidfile=${pidFile}`,
        `-H`,
        host,
        '--storage-driver=vfs',
        '--iptables=false',
        '--ip6tables=false',
        '--bridge=none',
      ],
      { detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, PATH: process.env.PATH || '/usr/sbin:/usr/bin:/sbin:/bin' } },
    );
  } finally {
    fs.closeSync(logFd);
  }
  let spawnError: Error | undefined;
  dockerd.on('error', (e) => (spawnError = e));
  dockerd.on('exit', (code, sig) => (exited = { code, signal: sig }));
  // Do not keep jest's event loop alive; stop() (or the exit hook / watchdog below) ends it.
  dockerd.unref();
  process.once('exit', killAtExit);

  if (dockerd.pid) {
    // If this node process dies without stop() (a crashed jest worker), SIGTERM dockerd.
    watchdog = spawn(
      '/bin/sh',
      [
        '-c',
        'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 0.5; done; kill -TERM "$2" 2>/dev/null; exit 0',
        'bxd-watchdog',
        String(process.pid),
        String(dockerd.pid),
      ],
      { detached: true, stdio: 'ignore' },
    );
    watchdog.on('error', () => undefined);
    watchdog.unref();
  }

  // --- wait until it answers ----------------------------------------------------------------
  let serverVersion: string;
  let lastError = '';
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError) return fail(`could not spawn ${DOCKERD_BIN}: ${spawnError.message}`);
    if (exited) {
      return fail(`dockerd exited during startup (code ${exited.code}, signal ${exited.signal})`);
    }
    if (fs.existsSync(socket)) {
      const r = await run(DOCKER_BIN, ['-H', host, 'version', '--format', '{{.Server.Version}}'], clientEnv(clientConfig), 10_000);
      if (r.exitCode === 0 && r.stdout.trim()) {
        serverVersion = r.stdout.trim();
        break;
      }
      lastError = (r.stderr || r.stdout).trim();
    }
    if (Date.now() > deadline) {
      return fail(`dockerd did not answer on ${socket} within ${READY_TIMEOUT_MS / 1000} s`, lastError && `last client error: ${lastError}`);
    }
    await sleep(100);
  }
  const startupMs = Date.now() - t0;

  // --- base image without a registry --------------------------------------------------------
  const t1 = Date.now();
  const rootfs = path.join(dir, 'rootfs');
  const rootfsTar = path.join(dir, 'rootfs.tar');
  try {
    makeBusyboxRootfs(rootfs);
  } catch (err) {
    return fail(`could not make the busybox rootfs in ${rootfs}`, (err as Error).message);
  }
  const tar = spawnSync('tar', ['-C', rootfs, '--numeric-owner', '--owner=0', '--group=0', '-cf', rootfsTar, '.'], { encoding: 'utf8' });
  if (tar.status !== 0) {
    return fail(`could not tar the busybox rootfs (tar exit ${tar.status})`, tar.stderr || tar.error?.message || '');
  }
  const imported = await docker([
    'import',
    '--change',
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    '--change',
    'CMD ["/bin/sh"]',
    rootfsTar,
    BASE_IMAGE,
  ]);
  if (imported.exitCode !== 0) {
    return fail(`\`docker import\` of ${BASE_IMAGE} failed (exit ${imported.exitCode})`, imported.stderr || imported.stdout);
  }
  fs.rmSync(rootfs, { recursive: true, force: true });
  fs.rmSync(rootfsTar, { force: true });
  const baseImageMs = Date.now() - t1;

  const build = async (contextDir: string, opts: BuildOptions = {}): Promise<BuildResult> => {
    if (stopped) throw new Error('real dockerd: build() called after stop()');
    if (!fs.existsSync(contextDir)) throw new Error(`real dockerd: build context ${contextDir} does not exist`);
    const args = ['-H', host, 'build', '--progress=plain', '--network=host'];
    if (opts.tag) args.push('-t', opts.tag);
    if (opts.noCache) args.push('--no-cache');
    args.push(...(opts.extraArgs ?? []), contextDir);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
    const started = Date.now();
    const r = await run(DOCKER_BIN, args, clientEnv(clientConfig, { DOCKER_BUILDKIT: '1' }), timeoutMs);
    if (r.timedOut) {
      throw new Error(
        `real dockerd: \`docker build ${contextDir}\` did not finish within ${timeoutMs} ms\n--- build output ---\n${r.stderr}\n--- tail of dockerd log ---\n${logTail()}`,
      );
    }
    if (exited) {
      throw new Error(`real dockerd: dockerd exited during a build (code ${exited.code}, signal ${exited.signal})\n--- tail of dockerd log ---\n${logTail()}`);
    }
    return { exitCode: r.exitCode, output: r.stderr, stdout: r.stdout, durationMs: Date.now() - started };
  };

  return { socket, host, dir, logFile, serverVersion, startupMs, baseImageMs, build, docker, logTail, stop };
}
