import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import type { Finding } from '../model.js';
import { parseBuildxVersion } from '../buildx/buildx-version.js';
import { versionDrift, type RunVersions } from './version-drift.js';
import { inlineCode } from '../text/markdown.js';
import { doctorFinding, type Check, type CheckResult } from './check.js';
import { firstLine, type DockerRunner } from './runner.js';

// The builder check group: docker and buildx versions, the builders `docker buildx ls` lists (the one
// in use, its driver, status and BuildKit version), stale builders (inactive, errored, or pointing at
// a socket that is gone), and the platforms the builder can build against those the workflow asks
// for, with the QEMU emulators registered in binfmt_misc. Read-only: nothing is bootstrapped.

export interface BuilderNode {
  name: string;
  endpoint: string;
  status: string;
  buildkit: string | null;
  platforms: string[];
  error: string | null;
}

export interface Builder {
  name: string;
  driver: string;
  current: boolean;
  nodes: BuilderNode[];
}

export interface BuilderChecksOptions {
  /** Platforms the workflows build (`linux/arm64`). */
  platforms: string[];
  /** Where the kernel lists registered emulators (a parameter so that a test can point elsewhere). */
  binfmtDir?: string;
  /** The versions a past run's log shows, for the drift check (null: no log to compare with). */
  pastRun?: RunVersions | null;
}

/** `docker buildx ls --format json`: one builder object a line (buildx 0.13 and later). */
export function parseBuildersJson(text: string): Builder[] {
  const builders: Builder[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('{')) continue;
    const raw = JSON.parse(line) as {
      Name?: string;
      Driver?: string;
      Current?: boolean;
      Nodes?: Array<{ Name?: string; Endpoint?: string; Status?: string; Err?: string; Version?: unknown; Platforms?: unknown }>;
      Err?: string;
    };
    builders.push({
      name: String(raw.Name ?? ''),
      driver: String(raw.Driver ?? ''),
      current: raw.Current === true,
      nodes: (raw.Nodes ?? []).map((n) => ({
        name: String(n.Name ?? ''),
        endpoint: String(n.Endpoint ?? ''),
        status: String(n.Status ?? (n.Err ? 'error' : '')),
        buildkit: typeof n.Version === 'string' && n.Version ? n.Version : null,
        platforms: Array.isArray(n.Platforms) ? n.Platforms.map(String) : [],
        error: typeof n.Err === 'string' && n.Err ? n.Err : raw.Err ? String(raw.Err) : null,
      })),
    });
  }
  return builders;
}

/**
 * The table of `docker buildx ls` for buildx before 0.13 (no --format): builder lines start at the
 * margin (`name *  driver`), node lines are indented (old) or start with `\_` (new), their columns
 * separated by two or more spaces: name, endpoint, status, BuildKit version, platforms.
 */
export function parseBuildersTable(text: string): Builder[] {
  const builders: Builder[] = [];
  const lines = text.split('\n');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    if (/^\S/.test(line)) {
      const columns = line.trim().split(/\s{2,}/);
      const name = columns[0]!.replace(/\s*\*$/, '');
      const error = columns.find((c) => /error|cannot|failed/i.test(c)) ?? null;
      builders.push({
        name,
        driver: (columns[1] ?? '').trim(),
        current: /\*$/.test(columns[0]!),
        nodes: error ? [{ name, endpoint: '', status: 'error', buildkit: null, platforms: [], error }] : [],
      });
      continue;
    }
    const builder = builders[builders.length - 1];
    if (!builder) continue;
    const columns = line
      .replace(/\\_/g, '')
      .trim()
      .split(/\s{2,}/);
    const [name = '', endpoint = '', status = '', buildkit = '', platforms = ''] = columns;
    builder.nodes.push({
      name,
      endpoint,
      status,
      buildkit: buildkit || null,
      platforms: platforms
        .split(/,\s*/)
        // The new table shortens the list (`linux/amd64 (+4)`): the rest is only in the JSON.
        .map((p) =>
          p
            .replace(/\s*\(\+\d+\)$/, '')
            .replace(/\*$/, '')
            .trim(),
        )
        .filter((p) => p.includes('/')),
      error: /error/i.test(status) ? status : null,
    });
  }
  return builders;
}

/** How long a builder's TCP endpoint may take to accept a connection. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * Why a node's endpoint is gone, or null: a unix socket that no longer exists, or a TCP endpoint that
 * refuses connections (nothing listens there any more). Only connects; sends nothing.
 */
export async function goneEndpoint(node: BuilderNode): Promise<string | null> {
  const unix = /^unix:\/\/(\/.+)$/.exec(node.endpoint);
  if (unix) return fs.existsSync(unix[1]!) ? null : `points at ${unix[1]}, which is gone`;
  const tcp = /^tcp:\/\/([^/:]+|\[[^\]]+\]):(\d+)/.exec(node.endpoint);
  if (!tcp) return null;
  const host = tcp[1]!.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(tcp[2]) });
    const done = (result: string | null) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(null));
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(error.code === 'ECONNREFUSED' ? `points at ${node.endpoint}, which refuses connections` : null),
    );
  });
}

const BINFMT_NAME: Record<string, string> = {
  amd64: 'qemu-x86_64',
  arm64: 'qemu-aarch64',
  arm: 'qemu-arm',
  '386': 'qemu-i386',
  ppc64le: 'qemu-ppc64le',
  s390x: 'qemu-s390x',
  riscv64: 'qemu-riscv64',
  mips64le: 'qemu-mips64el',
  loong64: 'qemu-loongarch64',
};

/** The architecture this machine runs natively, in Docker's words. */
export function nativeArch(): string {
  const arch = os.arch();
  return arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
}

/** Whether an emulator for `arch` is registered and enabled; null when binfmt_misc cannot be read. */
export function emulatorRegistered(arch: string, binfmtDir = '/proc/sys/fs/binfmt_misc'): boolean | null {
  const name = BINFMT_NAME[arch];
  if (!name) return false;
  try {
    fs.readdirSync(binfmtDir);
  } catch {
    return null;
  }
  try {
    return /^enabled/m.test(fs.readFileSync(`${binfmtDir}/${name}`, 'utf8'));
  } catch {
    return false;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function runBuilderChecks(docker: DockerRunner, options: BuilderChecksOptions): Promise<CheckResult> {
  const checks: Check[] = [];
  const findings: Finding[] = [];

  // --- docker and the daemon --------------------------------------------------------------------
  const version = await docker(['version', '--format', '{{json .}}']);
  if (!version.ok) {
    checks.push({ id: 'builder.docker', status: 'skipped', title: 'Docker', detail: version.reason });
    return { checks, findings };
  }
  let info: { Client?: { Version?: string }; Server?: { Version?: string } | null } = {};
  try {
    info = JSON.parse(version.result.stdout.trim() || '{}') as typeof info;
  } catch {
    /* an old client prints no JSON: the versions stay unknown */
  }
  const client = info.Client?.Version ?? 'unknown';
  if (version.result.exitCode !== 0 || !info.Server) {
    const why = firstLine(version.result.stderr) || `exit code ${version.result.exitCode}`;
    checks.push({ id: 'builder.docker', status: 'fail', title: 'Docker', detail: `client ${client}; the daemon does not answer: ${why}` });
    findings.push(
      doctorFinding({
        id: 'builder-missing',
        severity: 'error',
        title: 'The Docker daemon does not answer',
        fix: `\`docker version\` reached no daemon (${inlineCode(why)}). Check \`DOCKER_HOST\` and the docker context (\`docker context ls\`), and that the daemon runs on this runner.`,
        source: null,
      }),
    );
    return { checks, findings };
  }
  checks.push({ id: 'builder.docker', status: 'pass', title: 'Docker', detail: `client ${client}, engine ${info.Server.Version ?? 'unknown'}` });

  const buildx = await docker(['buildx', 'version']);
  const buildxVersion = buildx.ok && buildx.result.exitCode === 0 ? parseBuildxVersion(buildx.result.stdout) : null;
  if (!buildxVersion) {
    const why = buildx.ok ? firstLine(buildx.result.stderr) || firstLine(buildx.result.stdout) : buildx.reason;
    checks.push({ id: 'builder.buildx', status: 'fail', title: 'Buildx', detail: `docker buildx is not available: ${why}` });
    findings.push(
      doctorFinding({
        id: 'builder-missing',
        severity: 'error',
        title: 'docker buildx is not installed',
        fix: 'Install the buildx plugin (`docker/setup-buildx-action` on GitHub runners, `docker-buildx-plugin` elsewhere).',
        source: null,
      }),
    );
    return { checks, findings };
  }
  checks.push({ id: 'builder.buildx', status: 'pass', title: 'Buildx', detail: `buildx ${buildxVersion.raw}` });

  // --- builders ---------------------------------------------------------------------------------
  // `--format json` came with buildx 0.13; older ones print only the table.
  const json = buildxVersion.major > 0 || buildxVersion.minor >= 13;
  // buildx itself waits up to 20 s for each node that does not answer: the slow time limit.
  const ls = await docker(json ? ['buildx', 'ls', '--format', 'json'] : ['buildx', 'ls'], true);
  if (!ls.ok || ls.result.exitCode !== 0) {
    checks.push({
      id: 'builder.list',
      status: 'skipped',
      title: 'Builders',
      detail: `docker buildx ls failed: ${ls.ok ? firstLine(ls.result.stderr) : ls.reason}`,
    });
    return { checks, findings };
  }
  let builders: Builder[];
  try {
    builders = json ? parseBuildersJson(ls.result.stdout) : parseBuildersTable(ls.result.stdout);
  } catch (error) {
    checks.push({ id: 'builder.list', status: 'skipped', title: 'Builders', detail: `could not read docker buildx ls: ${(error as Error).message}` });
    return { checks, findings };
  }
  const current = builders.find((b) => b.current) ?? null;

  if (!current) {
    checks.push({
      id: 'builder.current',
      status: 'fail',
      title: 'Builder in use',
      detail: `none of ${plural(builders.length, 'builder')} is marked as in use`,
    });
    findings.push(
      doctorFinding({
        id: 'builder-missing',
        severity: 'error',
        title: 'No buildx builder is in use',
        fix: 'Select one: `docker buildx use default`, or create one with `docker/setup-buildx-action`.',
        source: null,
      }),
    );
  } else {
    const node = current.nodes[0];
    const gone = (await Promise.all(current.nodes.map(goneEndpoint))).find((g) => g !== null) ?? null;
    const describe = `${current.name} (driver ${current.driver}${node ? `, ${node.status || 'status unknown'}, BuildKit ${node.buildkit ?? 'unknown'}` : ''})`;
    if (gone) {
      checks.push({ id: 'builder.current', status: 'fail', title: 'Builder in use', detail: `${describe}: its node ${gone}` });
      findings.push(builderGone(current, gone));
    } else if (node?.error || node?.status === 'error') {
      checks.push({ id: 'builder.current', status: 'fail', title: 'Builder in use', detail: `${describe}: ${node.error ?? 'error'}` });
      findings.push(
        doctorFinding({
          id: 'builder-missing',
          severity: 'error',
          title: `The builder in use, ${current.name}, is in error`,
          fix: `Recreate it: \`docker buildx rm ${current.name}\` and \`docker buildx create --use\` (or re-run \`docker/setup-buildx-action\`).`,
          source: null,
        }),
      );
    } else if (node && node.status !== 'running') {
      checks.push({
        id: 'builder.current',
        status: 'warn',
        title: 'Builder in use',
        detail: `${describe}: not running; the next build starts it${current.driver === 'docker-container' ? ' (pulling moby/buildkit if needed)' : ''}`,
      });
    } else {
      checks.push({ id: 'builder.current', status: 'pass', title: 'Builder in use', detail: describe });
    }
  }

  const drift = versionDrift({ buildx: buildxVersion.raw, buildkit: current?.nodes[0]?.buildkit ?? null }, options.pastRun ?? null);
  checks.push(...drift.checks);
  findings.push(...drift.findings);

  const stale: string[] = [];
  for (const builder of builders) {
    if (builder === current) continue;
    for (const node of builder.nodes) {
      const gone = await goneEndpoint(node);
      if (gone) stale.push(`${builder.name} (${builder.driver}): node ${node.name} ${gone}`);
      else if (node.error || node.status === 'error') stale.push(`${builder.name} (${builder.driver}): error ${node.error ?? ''}`.trim());
      else if (node.status !== 'running') stale.push(`${builder.name} (${builder.driver}): ${node.status || 'status unknown'}`);
    }
  }
  checks.push({
    id: 'builder.stale',
    status: stale.length > 0 ? 'warn' : 'pass',
    title: 'Other builders',
    detail:
      stale.length > 0
        ? `${plural(stale.length, 'stale builder')}: ${stale.join('; ')}`
        : `${plural(builders.length - (current ? 1 : 0), 'other builder')}, none stale`,
  });
  if (stale.length > 0) {
    const names = [...new Set(stale.map((s) => s.split(' ')[0]!))];
    findings.push(
      doctorFinding({
        id: 'builder-missing',
        severity: 'warning',
        title: `${plural(names.length, 'stale buildx builder')}: ${names.join(', ')}`,
        fix: `Builders left behind by earlier jobs are picked up by name and fail with "failed to find builder" or a mismatched BuildKit. Remove them: ${names.map((n) => inlineCode(`docker buildx rm ${n}`)).join(', ')}.`,
        source: null,
        data: { builders: names.join(',') },
      }),
    );
  }

  // --- platforms --------------------------------------------------------------------------------
  if (current) {
    const supported = new Set(current.nodes.flatMap((n) => n.platforms).map((p) => p.replace(/\*$/, '')));
    const native = nativeArch();
    const notes: string[] = [];
    const missing: string[] = [];
    for (const platform of options.platforms) {
      const arch = platform.split('/')[1] ?? '';
      const emulator = arch === native ? null : emulatorRegistered(arch, options.binfmtDir);
      const listed = supported.has(platform) || [...supported].some((p) => p.startsWith(`${platform}/`));
      if (arch === native) notes.push(`${platform}: native`);
      else if (listed)
        notes.push(`${platform}: ${emulator ? 'emulated (QEMU registered)' : 'listed by the builder'}; a native ${arch} runner builds it many times faster`);
      else {
        missing.push(platform);
        notes.push(
          `${platform}: not supported by ${current.name}${emulator === null ? ' (binfmt_misc not readable)' : emulator ? ' although QEMU is registered (restart the builder)' : ', no QEMU emulator registered'}`,
        );
      }
    }
    if (options.platforms.length === 0) {
      checks.push({
        id: 'builder.platforms',
        status: 'pass',
        title: 'Platforms',
        detail: `${current.name} builds ${[...supported].join(', ') || 'no listed platform'} (native ${native}); no workflow asks for platforms`,
      });
    } else {
      checks.push({ id: 'builder.platforms', status: missing.length > 0 ? 'fail' : 'pass', title: 'Platforms', detail: `asked: ${notes.join('; ')}` });
    }
    if (missing.length > 0) {
      findings.push(
        doctorFinding({
          id: 'qemu-emulation',
          severity: 'error',
          title: `The builder ${current.name} cannot build ${missing.join(', ')}`,
          fix: `The workflow asks for ${missing.map((p) => inlineCode(p)).join(', ')}, which this ${native} runner's builder does not list. Register emulators with \`docker/setup-qemu-action\` (\`docker run --privileged --rm tonistiigi/binfmt --install all\`) before \`docker/setup-buildx-action\`, or build those platforms on native runners.`,
          source: null,
          data: { platforms: missing.join(','), native },
        }),
      );
    }
  }
  return { checks, findings };
}

function builderGone(builder: Builder, why: string): Finding {
  return doctorFinding({
    id: 'builder-missing',
    severity: 'error',
    title: `The builder in use, ${builder.name}, has a node that is gone`,
    fix: `Its node ${why.replace(/^points at (\S+)/, (_, e: string) => `points at ${inlineCode(e)}`)}, so every build fails to reach BuildKit. Remove it and select another: \`docker buildx rm ${builder.name}\` then \`docker buildx use default\` (or re-run \`docker/setup-buildx-action\`).`,
    source: null,
  });
}
