// Process and file helpers shared by the tests' real daemons (support/real-dockerd.ts,
// support/modern-buildkit.ts): signals, waits, leftovers, a daemon log's useful tail.
import { spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

/** True when a process exists and is not a zombie (a zombie may linger if PID 1 does not reap). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

export async function waitGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pids.every((p) => !isAlive(p))) return true;
    await sleep(50);
  }
  return pids.every((p) => !isAlive(p));
}

/** Resolves once node has seen `child` exit (and so has reaped it: no zombie is left behind). */
export function waitExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.removeListener('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** PIDs of processes whose command line mentions `dir` (our dockerd, its containerd, shims, runc). */
export function processesUsing(dir: string): number[] {
  const found: number[] = [];
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(dir) && isAlive(pid)) found.push(pid);
    } catch {
      /* exited meanwhile */
    }
  }
  return found;
}

/** Mount points at or below `dir`, deepest first (dockerd bind-mounts its data root onto itself). */
export function mountsUnder(dir: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  const points = text
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8))))
    .filter((p) => p === dir || p.startsWith(dir + '/'));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

export function tailOfLog(logFile: string, lines: number): string {
  let text: string;
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch (err) {
    return `(no dockerd log at ${logFile}: ${(err as Error).message})`;
  }
  const all = text.split('\n').filter((l) => l.trim() !== '');
  // Leave out grpc chatter and containerd's plugin list, which would hide the interesting lines.
  const useful = all.filter((l) => !l.includes('module=grpc') && !/msg="(skip )?loading plugin/.test(l));
  const chosen = (useful.length > 0 ? useful : all).slice(-lines);
  return chosen.length > 0 ? chosen.join('\n') : '(dockerd log is empty)';
}

/** What a test daemon left running: its processes and the temp dir holding everything of it. */
export interface DaemonTree {
  /** dockerd, unless it already exited. */
  dockerd: ChildProcess | undefined;
  watchdog: ChildProcess | undefined;
  execRoot: string;
  dir: string;
  stopTimeoutMs: number;
}

/**
 * Stops a test daemon and everything it started (containerd, shims, the watchdog), unmounts what it
 * mounted and removes its dir. Returns the problems met; an empty list means nothing is left.
 */
export async function stopDaemonTree({ dockerd, watchdog, execRoot, dir, stopTimeoutMs }: DaemonTree): Promise<string[]> {
  const problems: string[] = [];

  let containerdPid: number | undefined;
  try {
    containerdPid = Number(fs.readFileSync(path.join(execRoot, 'containerd', 'containerd.pid'), 'utf8').trim()) || undefined;
  } catch {
    /* containerd never started */
  }

  if (dockerd?.pid) {
    signal(dockerd.pid, 'SIGTERM');
    if (!(await waitExit(dockerd, stopTimeoutMs))) {
      problems.push(`dockerd (pid ${dockerd.pid}) ignored SIGTERM for ${stopTimeoutMs} ms; killed`);
      signal(dockerd.pid, 'SIGKILL');
      await waitExit(dockerd, 5_000);
    }
  }
  if (containerdPid && isAlive(containerdPid)) {
    // dockerd normally stops it; give it a moment, then be firm.
    if (!(await waitGone([containerdPid], 5_000))) {
      signal(containerdPid, 'SIGTERM');
      if (!(await waitGone([containerdPid], 5_000))) signal(containerdPid, 'SIGKILL');
    }
  }
  if (watchdog?.pid) {
    // It ends by itself within half a second of dockerd's exit (so its `sleep` is reaped too).
    if (!(await waitExit(watchdog, 3_000))) {
      signal(-watchdog.pid, 'SIGKILL');
      await waitExit(watchdog, 2_000);
    }
  }

  // Anything else still running from this daemon's dir (shims, runc, a stray containerd).
  let leftovers = processesUsing(dir);
  if (leftovers.length > 0) {
    leftovers.forEach((p) => signal(p, 'SIGKILL'));
    await waitGone(leftovers, 5_000);
    leftovers = processesUsing(dir);
    if (leftovers.length > 0) problems.push(`processes still running after SIGKILL: ${leftovers.join(', ')}`);
  }

  for (const mount of mountsUnder(dir)) {
    const r = spawnSync('umount', [mount], { encoding: 'utf8' });
    if (r.status !== 0) spawnSync('umount', ['-l', mount], { encoding: 'utf8' });
  }

  // vfs keeps a full copy of every layer: many files, so allow retries for transient EBUSY.
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (err) {
    const code = errnoCode(err);
    if (code !== 'EBUSY' && code !== 'ENOTEMPTY') problems.push(`could not remove ${dir}: ${(err as Error).message}`);
  }
  return problems;
}
