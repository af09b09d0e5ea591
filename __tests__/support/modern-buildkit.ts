// A modern Docker daemon with buildx (dockerd 28, buildx 0.29, containerd 2 from Debian unstable) for
// integration tests that need what Debian 12's Docker 20.10 cannot give: `--progress=rawjson`,
// `--metadata-file` with a build ref, and the build history (`docker buildx history ls|inspect|logs`).
//
// scripts/setup-modern-buildkit.sh downloads and unpacks the packages into .cache/modern-buildkit
// (once; later runs take a few milliseconds), without installing anything into the system. Each
// startModernBuildkit() call then runs its own dockerd (and the containerd that dockerd starts)
// with every path under a fresh temp dir, so it never touches a system daemon, and imports a base
// image `local/busybox:1` made from busybox-static without any registry. Nothing can be pulled here:
// the Dockerfiles used with it must start `FROM local/busybox:1` (or FROM scratch). Builds go
// through buildx's default builder (the docker driver, i.e. the daemon's own BuildKit), the only
// one that works without pulling moby/buildkit; it keeps the build history.
//
// Needs root, /bin/busybox and /usr/sbin/runc (scripts/ensure-test-deps.sh installs them) and, the
// first time, Debian's package mirror. Uses node built-ins only.
//
// Same structure as ./real-dockerd.ts (Docker 20.10), whose process helpers are private to it.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { needsRealComponent } from './test-tier.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sleep, signal, tailOfLog, stopDaemonTree } from './process-tools.js';

export const BUSYBOX_BIN = '/bin/busybox';
export const BASE_IMAGE = 'local/busybox:1';
export const SETUP_SCRIPT = path.join(process.cwd(), 'scripts', 'setup-modern-buildkit.sh');

/** Downloading and unpacking from scratch takes about 25 s; allow for a slow mirror. */
export const SETUP_TIMEOUT_MS = 600_000;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;
const DEFAULT_BUILD_TIMEOUT_MS = 120_000;
const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;
const LOG_TAIL_LINES = 40;

export interface ModernBuildOptions {
  /** `--progress=plain` (default) or `--progress=rawjson`; either way the progress goes to stderr. */
  progress?: 'plain' | 'rawjson';
  /** `-t TAG` */
  tag?: string;
  /** `--no-cache` */
  noCache?: boolean;
  /**
   * `--metadata-file PATH`; `true` picks a path in the daemon's temp dir. buildx writes no file for a
   * failed build (its ref is then in `historyRefs({ status: 'Error' })`).
   */
  metadataFile?: string | true;
  /** Inserted before the context dir, e.g. `['--target', 'builder']` or `['-f', 'Other.Dockerfile']`. */
  extraArgs?: string[];
  /** Kill the client and throw after this long (default 120 s). */
  timeoutMs?: number;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ModernBuildResult extends CommandResult {
  durationMs: number;
  /** The --metadata-file path, if one was asked for. */
  metadataFile?: string;
  /** That file parsed, if buildx wrote it (`buildx.build.ref` is `builder/node/ref`). */
  metadata?: Record<string, unknown>;
}

export interface DockerOptions {
  /** Kill the client and throw after this long (default 60 s). */
  timeoutMs?: number;
  cwd?: string;
  /** Added to `env`. */
  env?: Record<string, string>;
}

/** One line of `docker buildx history ls --format json`. */
export interface HistoryRecord {
  /** `builder/node/ID`; `history inspect` and `history logs` take the ID (see shortRef). */
  ref: string;
  name: string;
  /** `Completed`, `Error`, `Running`, `Canceled` */
  status: string;
  created_at: string;
  completed_at?: string;
  total_steps: number;
  completed_steps: number;
  cached_steps: number;
}

export interface ModernBuildkit {
  /** The temp dir holding everything of this daemon (removed by stop()). */
  dir: string;
  /** Path of the daemon's unix socket. */
  socket: string;
  /** `unix://<socket>` (DOCKER_HOST). */
  host: string;
  /** dockerd's own stdout+stderr. */
  logFile: string;
  /** The setup dir (.cache/modern-buildkit): bin/, root/, versions. */
  setupDir: string;
  /** The private bin dir, first on env.PATH. */
  binDir: string;
  /**
   * A complete environment for the modern client: PATH with the private bin dir first, DOCKER_HOST,
   * DOCKER_CONFIG (a private one with the buildx plugin), DOCKER_CLI_HINTS=false; the caller's
   * DOCKER_*, BUILDX_* and BUILDKIT_* variables left out.
   */
  env: NodeJS.ProcessEnv;
  /** The setup's stamp: Debian package versions (`docker.io`, `docker-buildx`, …) and more. */
  versions: Record<string, string>;
  /** Engine version from `docker version`, e.g. `28.5.2+dfsg4`. */
  serverVersion: string;
  /** containerd's version as the engine reports it, e.g. `2.1.9+unknown`. */
  containerdVersion: string;
  /** From `docker buildx version`, e.g. `0.29.1+ds1`. */
  buildxVersion: string;
  /** As `docker buildx inspect` reports it (Debian's build says `v0.0.0+unknown`). */
  buildkitVersion: string;
  /** Running scripts/setup-modern-buildkit.sh (tiny once the setup is cached). */
  setupMs: number;
  /** From spawning dockerd to its first answer. */
  startupMs: number;
  /** Making and importing the base image. */
  baseImageMs: number;
  /** Runs the modern `docker` client with `env`. */
  docker(args: string[], opts?: DockerOptions): Promise<CommandResult>;
  /** `docker buildx build --progress=… --network=host --load [opts] contextDir` */
  build(contextDir: string, opts?: ModernBuildOptions): Promise<ModernBuildResult>;
  /** `docker buildx history ls --format json`, newest first; throws if the command fails. */
  historyList(): Promise<HistoryRecord[]>;
  /** IDs (for `history inspect|logs`) of the builds with this status, newest first. */
  historyRefs(filter?: { status?: string }): Promise<string[]>;
  /** Last lines of dockerd's log (grpc chatter and plugin loading left out). */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run scripts/setup-modern-buildkit.sh first (default). With false, the setup must be complete. */
  runSetup?: boolean;
  /** The setup dir (default: BXD_MODERN_BUILDKIT_DIR or .cache/modern-buildkit). */
  setupDir?: string;
  /**
   * The daemon's daemon.json (default `{}`), e.g. `{ features: { 'containerd-snapshotter': true } }`
   * for the containerd image store, which cache export (`--cache-to`) needs on the docker driver.
   */
  daemonConfig?: Record<string, unknown>;
  /**
   * dockerd's --data-root (default: `data` in the temp dir), e.g. a small tmpfs the caller mounted
   * to test what a full disk does. The caller unmounts and removes it after stop().
   */
  dataRoot?: string;
}

/**
 * Runs beside dockerd: $1 node's pid, $2 dockerd's pid, $3 the temp dir. Ends when either is gone.
 * If node died without stop() (a crashed or killed jest worker), it stops dockerd (which stops its
 * containerd), containerd too if need be, and removes the temp dir, whose vfs layers can be large.
 */
const WATCHDOG_SCRIPT = `
while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 0.5; done
kill -0 "$1" 2>/dev/null && exit 0
kill -TERM "$2" 2>/dev/null
i=0; while kill -0 "$2" 2>/dev/null && [ $i -lt 40 ]; do sleep 0.5; i=$((i+1)); done
kill -KILL "$2" 2>/dev/null
c=$(cat "$3/exec/containerd/containerd.pid" 2>/dev/null)
if [ -n "$c" ] && kill -0 "$c" 2>/dev/null; then kill -TERM "$c"; sleep 2; kill -KILL "$c" 2>/dev/null; fi
rm -rf --one-file-system "$3" 2>/dev/null
exit 0
`;

/** `default/default/abc123` → `abc123` */
export function shortRef(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

function run(
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number; cwd?: string },
): Promise<CommandResult & { timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
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
  return fs.mkdtempSync(path.join(base, 'bxd-mbk-'));
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

function readVersions(stampFile: string): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const line of fs.readFileSync(stampFile, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) versions[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return versions;
}

/** Runs (or, with runSetup false, checks) the setup; returns its dir. */
async function ensureSetup(opts: StartOptions): Promise<string> {
  const wanted = opts.setupDir ?? process.env.BXD_MODERN_BUILDKIT_DIR ?? path.join(process.cwd(), '.cache', 'modern-buildkit');
  if (opts.runSetup === false) {
    if (!fs.existsSync(path.join(wanted, 'versions'))) {
      throw new Error(`modern buildkit: ${wanted} is not set up; run \`bash scripts/setup-modern-buildkit.sh\``);
    }
    return path.resolve(wanted);
  }
  if (!fs.existsSync(SETUP_SCRIPT)) throw new Error(`modern buildkit: ${SETUP_SCRIPT} is missing (run the tests from the repository root)`);
  const r = await run('bash', [SETUP_SCRIPT, wanted], { env: process.env, timeoutMs: SETUP_TIMEOUT_MS });
  if (r.timedOut) throw new Error(`modern buildkit: \`bash ${SETUP_SCRIPT}\` did not finish within ${SETUP_TIMEOUT_MS / 1000} s\n${r.stderr.trim()}`);
  if (r.exitCode !== 0) {
    throw new Error(`modern buildkit: \`bash ${SETUP_SCRIPT}\` failed (exit ${r.exitCode}):\n${r.stderr.trim() || r.stdout.trim()}`);
  }
  const dir = r.stdout.trim().split('\n').pop() ?? '';
  if (!dir || !fs.existsSync(path.join(dir, 'versions'))) {
    throw new Error(`modern buildkit: the setup script printed ${JSON.stringify(r.stdout)} instead of its dir\n${r.stderr.trim()}`);
  }
  return dir;
}

/** The modern docker client alone, without a daemon (`docker buildx imagetools` needs none). */
export interface ModernDockerClient {
  /** The `docker` binary (BUILDX_DOCTOR_DOCKER). */
  docker: string;
  /** A fresh DOCKER_CONFIG holding only the buildx plugin; `remove()` deletes it. */
  configDir: string;
  remove(): void;
}

export async function modernDockerClient(opts: StartOptions = {}): Promise<ModernDockerClient> {
  needsRealComponent('the modern docker client (dockerd 28 + buildx)');
  const setupDir = await ensureSetup(opts);
  const configDir = makeTempDir();
  fs.mkdirSync(path.join(configDir, 'cli-plugins'));
  fs.symlinkSync(fs.realpathSync(path.join(setupDir, 'docker-config', 'cli-plugins', 'docker-buildx')), path.join(configDir, 'cli-plugins', 'docker-buildx'));
  return { docker: path.join(setupDir, 'bin', 'docker'), configDir, remove: () => fs.rmSync(configDir, { recursive: true, force: true }) };
}

export async function startModernBuildkit(opts: StartOptions = {}): Promise<ModernBuildkit> {
  needsRealComponent('a real dockerd 28 + buildx (modern-buildkit)');
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`modern buildkit: dockerd needs root, but these tests run as uid ${process.getuid()}`);
  }
  try {
    fs.accessSync(BUSYBOX_BIN, fs.constants.X_OK);
  } catch {
    throw new Error(`modern buildkit: ${BUSYBOX_BIN} is missing; run \`bash scripts/ensure-test-deps.sh\` as root (installs busybox-static)`);
  }

  const ts = Date.now();
  const setupDir = await ensureSetup(opts);
  const setupMs = Date.now() - ts;
  const versions = readVersions(path.join(setupDir, 'versions'));
  const binDir = path.join(setupDir, 'bin');
  const dockerBin = path.join(binDir, 'docker');
  const dockerdBin = path.join(binDir, 'dockerd');
  const buildxPlugin = path.join(setupDir, 'docker-config', 'cli-plugins', 'docker-buildx');
  for (const bin of [dockerBin, dockerdBin, path.join(binDir, 'containerd'), path.join(binDir, 'runc'), path.join(binDir, 'docker-init'), buildxPlugin]) {
    try {
      fs.accessSync(bin, fs.constants.X_OK);
    } catch {
      throw new Error(`modern buildkit: ${bin} is missing or broken; run \`BXD_MODERN_BUILDKIT_REFRESH=1 bash scripts/setup-modern-buildkit.sh\``);
    }
  }

  const dir = makeTempDir();
  const socket = path.join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const logFile = path.join(dir, 'dockerd.log');
  const pidFile = path.join(dir, 'docker.pid');
  const execRoot = path.join(dir, 'exec');
  // A private DOCKER_CONFIG per daemon: buildx keeps its builder state and local history data there.
  const clientConfig = path.join(dir, 'client-config');
  fs.mkdirSync(path.join(clientConfig, 'cli-plugins'), { recursive: true });
  fs.symlinkSync(fs.realpathSync(buildxPlugin), path.join(clientConfig, 'cli-plugins', 'docker-buildx'));
  // An empty daemon config so that a system /etc/docker/daemon.json cannot change this daemon.
  const daemonConfig = path.join(dir, 'daemon.json');
  fs.writeFileSync(daemonConfig, `${JSON.stringify(opts.daemonConfig ?? {})}\n`);

  const basePath = process.env.PATH || '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const searchPath = `${binDir}:${basePath}`;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DOCKER_|BUILDKIT_|BUILDX_)/.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, { PATH: searchPath, DOCKER_HOST: host, DOCKER_CONFIG: clientConfig, DOCKER_CLI_HINTS: 'false' });

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
      throw new Error(`modern buildkit: stop() had problems:\n- ${problems.join('\n- ')}`);
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
    throw new Error(`modern buildkit: ${what}${detail ? `\n${detail.trim()}` : ''}\n--- tail of dockerd log (${logFile}) ---\n${tail}${stopNote}`);
  };

  const docker = async (args: string[], dopts: DockerOptions = {}): Promise<CommandResult> => {
    const timeoutMs = dopts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const r = await run(dockerBin, args, { env: { ...env, ...dopts.env }, timeoutMs, cwd: dopts.cwd });
    if (r.timedOut) {
      throw new Error(`modern buildkit: \`docker ${args.join(' ')}\` did not finish within ${timeoutMs} ms\n--- tail of dockerd log ---\n${logTail()}`);
    }
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  };

  // --- start dockerd -------------------------------------------------------------------------
  const t0 = Date.now();
  const logFd = fs.openSync(logFile, 'a');
  try {
    dockerd = spawn(
      dockerdBin,
      [
        `--config-file=${daemonConfig}`,
        `--data-root=${opts.dataRoot ?? path.join(dir, 'data')}`,
        `--exec-root=${execRoot}`,
        `--pidfile=${pidFile}`,
        '-H',
        host,
        // vfs works everywhere for the classic store; a daemon.json may choose another (the containerd
        // store has no vfs snapshotter: `native` or `overlayfs`), and both at once is refused.
        ...(opts.daemonConfig?.['storage-driver'] ? [] : ['--storage-driver=vfs']),
        '--iptables=false',
        '--ip6tables=false',
        '--bridge=none',
      ],
      // The private bin dir first: dockerd finds containerd, docker-init and runc (via the shim) on PATH.
      { detached: true, stdio: ['ignore', logFd, logFd], env: { ...env, PATH: searchPath } },
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
    watchdog = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'bxd-watchdog', String(process.pid), String(dockerd.pid), dir], {
      detached: true,
      stdio: 'ignore',
    });
    watchdog.on('error', () => undefined);
    watchdog.unref();
  }

  let serverVersion: string;
  let containerdVersion: string;
  let startupMs: number;
  let buildxVersion: string;
  let buildkitVersion: string;
  let baseImageMs: number;
  try {
    // --- wait until it answers ----------------------------------------------------------------
    let lastError = '';
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (spawnError) return fail(`could not spawn ${dockerdBin}: ${spawnError.message}`);
      if (exited) return fail(`dockerd exited during startup (code ${exited.code}, signal ${exited.signal})`);
      if (fs.existsSync(socket)) {
        const r = await run(dockerBin, ['version', '--format', '{{json .Server}}'], { env, timeoutMs: 10_000 });
        if (r.exitCode === 0 && r.stdout.trim().startsWith('{')) {
          const server = JSON.parse(r.stdout) as { Version?: string; Components?: { Name: string; Version: string }[] };
          serverVersion = server.Version ?? '';
          containerdVersion = server.Components?.find((c) => c.Name === 'containerd')?.Version ?? '';
          break;
        }
        lastError = (r.stderr || r.stdout).trim();
      }
      if (Date.now() > deadline) {
        return fail(`dockerd did not answer on ${socket} within ${READY_TIMEOUT_MS / 1000} s`, lastError && `last client error: ${lastError}`);
      }
      await sleep(100);
    }
    startupMs = Date.now() - t0;

    // --- buildx ---------------------------------------------------------------------------------
    const bxv = await docker(['buildx', 'version']);
    buildxVersion = /github\.com\/docker\/buildx\s+(\S+)/.exec(bxv.stdout)?.[1] ?? '';
    if (bxv.exitCode !== 0 || !buildxVersion) {
      return fail(`\`docker buildx version\` failed (exit ${bxv.exitCode}): is ${buildxPlugin} a working plugin?`, bxv.stderr || bxv.stdout);
    }
    const bxi = await docker(['buildx', 'inspect']);
    buildkitVersion = /^BuildKit version:\s*(\S+)/m.exec(bxi.stdout)?.[1] ?? '';
    if (bxi.exitCode !== 0 || !/^Driver:\s*docker$/m.test(bxi.stdout)) {
      return fail(`\`docker buildx inspect\` did not show the default docker-driver builder (exit ${bxi.exitCode})`, bxi.stderr || bxi.stdout);
    }

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
    baseImageMs = Date.now() - t1;
  } catch (err) {
    // fail() has stopped the daemon already; anything else (a client timeout, bad JSON) has not.
    if (stopped) throw err;
    return fail('startup failed', (err as Error).stack ?? String(err));
  }

  let metadataCount = 0;
  const build = async (contextDir: string, bopts: ModernBuildOptions = {}): Promise<ModernBuildResult> => {
    if (stopped) throw new Error('modern buildkit: build() called after stop()');
    if (!fs.existsSync(contextDir)) throw new Error(`modern buildkit: build context ${contextDir} does not exist`);
    const progress = bopts.progress ?? 'plain';
    const args = ['buildx', 'build', `--progress=${progress}`, '--network=host', '--load'];
    if (bopts.tag) args.push('-t', bopts.tag);
    if (bopts.noCache) args.push('--no-cache');
    let metadataFile: string | undefined;
    if (bopts.metadataFile) {
      metadataFile = bopts.metadataFile === true ? path.join(dir, `metadata-${++metadataCount}.json`) : bopts.metadataFile;
      fs.rmSync(metadataFile, { force: true });
      args.push('--metadata-file', metadataFile);
    }
    args.push(...(bopts.extraArgs ?? []), contextDir);
    const timeoutMs = bopts.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
    const started = Date.now();
    const r = await run(dockerBin, args, { env, timeoutMs });
    if (r.timedOut) {
      throw new Error(
        `modern buildkit: \`docker ${args.join(' ')}\` did not finish within ${timeoutMs} ms\n--- build output ---\n${r.stderr}\n--- tail of dockerd log ---\n${logTail()}`,
      );
    }
    if (exited) {
      throw new Error(
        `modern buildkit: dockerd exited during a build (code ${exited.code}, signal ${exited.signal})\n--- tail of dockerd log ---\n${logTail()}`,
      );
    }
    const result: ModernBuildResult = { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, durationMs: Date.now() - started };
    if (metadataFile) {
      result.metadataFile = metadataFile;
      if (fs.existsSync(metadataFile)) result.metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8')) as Record<string, unknown>;
    }
    return result;
  };

  const historyList = async (): Promise<HistoryRecord[]> => {
    const r = await docker(['buildx', 'history', 'ls', '--format', 'json']);
    if (r.exitCode !== 0) {
      throw new Error(
        `modern buildkit: \`docker buildx history ls --format json\` failed (exit ${r.exitCode})\n${r.stderr}\n--- tail of dockerd log ---\n${logTail()}`,
      );
    }
    return r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as HistoryRecord);
  };

  const historyRefs = async (filter: { status?: string } = {}): Promise<string[]> =>
    (await historyList()).filter((h) => !filter.status || h.status === filter.status).map((h) => shortRef(h.ref));

  return {
    dir,
    socket,
    host,
    logFile,
    setupDir,
    binDir,
    env,
    versions,
    serverVersion,
    containerdVersion,
    buildxVersion,
    buildkitVersion,
    setupMs,
    startupMs,
    baseImageMs,
    docker,
    build,
    historyList,
    historyRefs,
    logTail,
    stop,
  };
}
