// The doctor's live checks against real parts: one modern dockerd + buildx (its data root on a small
// tmpfs, for the disk threshold), builders made with `docker buildx create` (one left inactive, one
// whose socket is gone), and real docker-registry instances with an image present, a tag missing and
// a registry that refuses anonymous reads. Nothing here is mocked; a part that cannot start fails.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startModernBuildkit, type ModernBuildkit } from './support/modern-buildkit.js';
import { freePort, OciLayout, readStoredImage, startRegistry, startSilentServer, type RealRegistry } from './support/real-registry.js';
import { runDoctor, type DoctorOptions } from '../src/doctor/doctor.js';
import { dockerRunner } from '../src/doctor/runner.js';
import { runCli } from '../src/cli/cli.js';
import { SAMPLE } from './support/analyze-text.js';
import { expectValidDoctorReport } from './support/report-schema.js';

const TMPFS_BYTES = 256 * 1024 * 1024;
const workflows = path.join(process.cwd(), '__tests__', 'fixtures', 'workflows');

let mb: ModernBuildkit | undefined;
let open: RealRegistry | undefined;
let locked: RealRegistry | undefined;
let storage = '';
let work = '';
let dataRoot = '';
let mounted = false;
const saved: Record<string, string | undefined> = {};
const bk = (): ModernBuildkit => {
  if (!mb) throw new Error('the modern BuildKit did not start (see beforeAll)');
  return mb;
};

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-doctor-'));
  dataRoot = path.join(work, 'data');
  fs.mkdirSync(dataRoot);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_BYTES}`, 'tmpfs', dataRoot], { encoding: 'utf8' });
  if (mount.status !== 0) throw new Error(`mount -t tmpfs failed (exit ${mount.status}): ${mount.stderr}`);
  mounted = true;
  mb = await startModernBuildkit({ dataRoot });
  for (const key of ['PATH', 'DOCKER_HOST', 'DOCKER_CONFIG', 'BUILDX_DOCTOR_DOCKER']) saved[key] = process.env[key];
  process.env.PATH = mb.env.PATH;
  process.env.DOCKER_HOST = mb.env.DOCKER_HOST;
  process.env.DOCKER_CONFIG = mb.env.DOCKER_CONFIG;
  process.env.BUILDX_DOCTOR_DOCKER = path.join(mb.binDir, 'docker');

  const layout = await OciLayout.create(path.join(work, 'layout'));
  await layout.buildImage('amd64', { os: 'linux', architecture: 'amd64' }, 50_000);
  await layout.buildImage('arm64', { os: 'linux', architecture: 'arm64' }, 40_000);
  layout.makeIndex('multi', [
    { tag: 'amd64', os: 'linux', architecture: 'amd64' },
    { tag: 'arm64', os: 'linux', architecture: 'arm64' },
  ]);
  storage = path.join(work, 'storage');
  open = await startRegistry({ storageDir: storage });
  await layout.push('multi', `${open.host}/demon-runtime:main`, { all: true });
  locked = await startRegistry({ storageDir: storage, auth: { kind: 'htpasswd', users: { ci: 'secret-pass' } } });
  // Like ghcr.io for a public package: anyone may pull, only a login may push.
}, 600_000);

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const problems: string[] = [];
  for (const stop of [() => mb?.stop(), () => open?.stop(), () => locked?.stop()]) {
    try {
      await stop();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (mounted) spawnSync('umount', [dataRoot]);
  fs.rmSync(work, { recursive: true, force: true });
  if (problems.length > 0) throw new Error(problems.join('\n'));
}, 120_000);

const base: DoctorOptions = { workspace: workflows, workflows: [], skip: new Set(['workflow', 'registry', 'resources']), images: [] };
const byId = (checks: Array<{ id: string }>, id: string) => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${JSON.stringify(checks)}`);
  return found as { id: string; status: string; detail: string };
};

describe('builder', () => {
  it('a working builder: versions, the default builder in use with its driver, status and BuildKit version', async () => {
    const report = await runDoctor(base);
    const docker = byId(report.checks, 'builder.docker');
    expect(docker.status).toBe('pass');
    expect(docker.detail).toBe(`client ${bk().serverVersion}, engine ${bk().serverVersion}`);
    expect(byId(report.checks, 'builder.buildx')).toMatchObject({ status: 'pass', detail: `buildx ${bk().buildxVersion.replace(/\+.*/, '')}` });
    expect(byId(report.checks, 'builder.current')).toMatchObject({
      status: 'pass',
      detail: `default (driver docker, running, BuildKit ${bk().buildkitVersion})`,
    });
    expect(byId(report.checks, 'builder.stale')).toMatchObject({ status: 'pass' });
    expect(report.findings).toEqual([]);
  });

  it("drift: buildx and BuildKit against a past run's log (the real first publish: buildx 0.28.0, BuildKit 0.24.0), and none against the same versions", async () => {
    let out = '';
    const code = await runCli(['doctor', '--log', SAMPLE, '--skip', 'workflow,resources,registry', '--format', 'json'], {
      stdout: (t) => void (out += t),
      stderr: (t) => void (out += t),
    });
    expect(code).toBe(0);
    expectValidDoctorReport(out);
    const report = JSON.parse(out) as {
      doctor: { checks: Array<{ id: string; status: string; detail: string }> };
      findings: Array<{ id: string; severity: string; title: string }>;
    };
    const live = bk().buildxVersion.replace(/\+.*/, '').replace(/^v/, '');
    expect(live).not.toBe('0.28.0');
    // Debian's dockerd reports its BuildKit as v0.0.0+unknown: no version to compare, so buildx only.
    expect(report.doctor.checks.find((c) => c.id === 'builder.drift')).toEqual(
      expect.objectContaining({ status: 'warn', detail: `buildx 0.28.0 in ${SAMPLE}, ${live} here` }),
    );
    expect(report.findings).toEqual([
      expect.objectContaining({
        id: 'builder-missing',
        severity: 'warning',
        title: `The builder drifted since ${SAMPLE}: buildx 0.28.0 in ${SAMPLE}, ${live} here`,
      }),
    ]);

    const same = await runDoctor({
      ...base,
      skip: new Set(['workflow', 'resources', 'registry']),
      pastRun: { label: 'run 1', buildx: `v${live}`, buildkit: '0.24.0' },
    });
    expect(byId(same.checks, 'builder.drift')).toMatchObject({ status: 'pass', detail: `as in run 1: buildx ${live}` });
    expect(same.findings).toEqual([]);
  });

  it('platforms the workflow asks for: amd64 native, arm64 neither listed nor emulated (binfmt_misc read from a given dir)', async () => {
    const binfmt = fs.mkdtempSync(path.join(work, 'binfmt-'));
    const report = await runDoctor({
      ...base,
      skip: new Set(['registry', 'resources']),
      workflows: [path.join(workflows, 'team-docker-build.yml')],
      binfmtDir: binfmt,
    });
    const platforms = byId(report.checks, 'builder.platforms');
    expect(platforms.status).toBe('fail');
    expect(platforms.detail).toBe('asked: linux/amd64: native; linux/arm64: not supported by default, no QEMU emulator registered');
    expect(report.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['qemu-emulation:error']);
    expect(report.findings[0]!.data).toEqual({ platforms: 'linux/arm64', native: 'amd64' });

    // An emulator registered after the builder started: the builder still does not list it.
    fs.writeFileSync(path.join(binfmt, 'qemu-aarch64'), 'enabled\ninterpreter /usr/bin/qemu-aarch64-static\n');
    const again = await runDoctor({
      ...base,
      skip: new Set(['registry', 'resources']),
      workflows: [path.join(workflows, 'team-docker-build.yml')],
      binfmtDir: binfmt,
    });
    expect(byId(again.checks, 'builder.platforms').detail).toContain('linux/arm64: not supported by default although QEMU is registered (restart the builder)');
  });

  it('an inactive builder and one whose socket is gone are stale; in use, the gone one fails and the cache is not asked', async () => {
    const missing = path.join(work, 'buildkitd-that-was.sock');
    expect((await bk().docker(['buildx', 'create', '--name', 'idle', '--driver', 'docker-container'])).exitCode).toBe(0);
    expect((await bk().docker(['buildx', 'create', '--name', 'gone', '--driver', 'remote', `unix://${missing}`])).exitCode).toBe(0);
    try {
      const report = await runDoctor(base);
      const stale = byId(report.checks, 'builder.stale');
      expect(stale.status).toBe('warn');
      expect(stale.detail).toContain('2 stale builders');
      expect(stale.detail).toContain(`gone (remote): node gone0 points at ${missing}, which is gone`);
      expect(stale.detail).toContain('idle (docker-container): inactive');
      expect(report.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['builder-missing:warning']);
      expect(report.findings[0]!.fix).toContain('`docker buildx rm gone`');

      expect((await bk().docker(['buildx', 'use', 'gone'])).exitCode).toBe(0);
      const broken = await runDoctor({ ...base, skip: new Set(['workflow', 'registry']) });
      expect(byId(broken.checks, 'builder.current')).toMatchObject({ status: 'fail' });
      expect(byId(broken.checks, 'builder.current').detail).toContain(`its node points at ${missing}, which is gone`);
      expect(byId(broken.checks, 'resources.build-cache')).toMatchObject({
        status: 'skipped',
        detail: 'the builder in use is not running (docker buildx du would start it)',
      });
      expect(broken.findings[0]).toMatchObject({ id: 'builder-missing', severity: 'error' });

      expect((await bk().docker(['buildx', 'use', 'idle'])).exitCode).toBe(0);
      const idle = await runDoctor(base);
      expect(byId(idle.checks, 'builder.current')).toMatchObject({ status: 'warn' });
      expect(byId(idle.checks, 'builder.current').detail).toContain('idle (driver docker-container, inactive, BuildKit unknown): not running');
      // Read-only: the doctor did not start it.
      expect((await bk().docker(['ps', '-a', '--format', '{{.Names}}'])).stdout).not.toContain('buildx_buildkit_idle0');
    } finally {
      await bk().docker(['buildx', 'use', 'default']);
      await bk().docker(['buildx', 'rm', 'idle']);
      await bk().docker(['buildx', 'rm', 'gone']);
    }
  });

  it('remote builders over TCP: one whose port refuses is gone, one that never answers is inactive; a time limit skips the list, the other groups go on', async () => {
    const silent = await startSilentServer();
    const closed = `127.0.0.1:${await freePort()}`;
    try {
      // buildx waits 20 s for the silent endpoint, in create as in ls.
      expect((await bk().docker(['buildx', 'create', '--name', 'silent', '--driver', 'remote', `tcp://${silent.host}`], { timeoutMs: 90_000 })).exitCode).toBe(
        0,
      );
      expect((await bk().docker(['buildx', 'create', '--name', 'closed', '--driver', 'remote', `tcp://${closed}`], { timeoutMs: 90_000 })).exitCode).toBe(0);
      const report = await runDoctor(base);
      const stale = byId(report.checks, 'builder.stale');
      expect(stale.detail).toContain(`closed (remote): node closed0 points at tcp://${closed}, which refuses connections`);
      expect(stale.detail).toContain('silent (remote): inactive');

      const limited = await runDoctor({
        ...base,
        skip: new Set(['workflow', 'registry']),
        docker: dockerRunner(process.env, { timeoutMs: 20_000, slowTimeoutMs: 2_000 }),
        warnFreeBytes: 1024,
        failFreeBytes: 1024,
      });
      expect(byId(limited.checks, 'builder.list')).toMatchObject({
        status: 'skipped',
        detail: 'docker buildx ls failed: docker buildx ls --format did not finish within 2 s',
      });
      expect(byId(limited.checks, 'builder.buildx').status).toBe('pass');
      expect(byId(limited.checks, 'resources.disk').status).toBe('pass');
    } finally {
      await bk().docker(['buildx', 'rm', 'silent'], { timeoutMs: 90_000 });
      await bk().docker(['buildx', 'rm', 'closed'], { timeoutMs: 90_000 });
      await silent.stop();
    }
  }, 240_000);

  it('a daemon that does not answer: builder-missing, and the resource checks say why they cannot run', async () => {
    const env = { ...process.env, DOCKER_HOST: `unix://${path.join(work, 'no-daemon.sock')}` };
    const report = await runDoctor({ ...base, skip: new Set(['workflow', 'registry']), docker: dockerRunner(env) });
    const docker = byId(report.checks, 'builder.docker');
    expect(docker.status).toBe('fail');
    expect(docker.detail).toContain(
      `client ${bk().serverVersion}; the daemon does not answer: Cannot connect to the Docker daemon at unix://${path.join(work, 'no-daemon.sock')}`,
    );
    expect(byId(report.checks, 'resources.disk').status).toBe('skipped');
    expect(report.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['builder-missing:error']);
  });
});

describe('resources', () => {
  it('free disk under the data root (a 256 MiB tmpfs) against the thresholds, and the build cache size', async () => {
    const context = path.join(work, 'context');
    fs.mkdirSync(context, { recursive: true });
    fs.writeFileSync(path.join(context, 'Dockerfile'), 'FROM local/busybox:1\nRUN head -c 3000000 /dev/urandom > /blob\n');
    const built = await bk().build(context, { tag: 'doctor/cache:1' });
    expect(built.exitCode).toBe(0);

    const df = spawnSync('df', ['-B1', '--output=avail', dataRoot], { encoding: 'utf8' });
    const avail = Number(df.stdout.trim().split('\n')[1]);
    expect(avail).toBeGreaterThan(0);

    const tight = await runDoctor({ ...base, skip: new Set(['workflow', 'registry', 'builder']) });
    const disk = byId(tight.checks, 'resources.disk');
    expect(disk.status).toBe('fail');
    expect(disk.detail).toContain(`of 256.0 MiB under ${dataRoot}`);
    const finding = tight.findings.find((f) => f.id === 'disk-full')!;
    expect(finding.severity).toBe('error');
    // statfs and df read the same file system; a few KiB may change between the two reads.
    expect(Math.abs(Number(finding.data!.freeBytes) - avail)).toBeLessThan(1024 * 1024);

    const warn = await runDoctor({ ...base, skip: new Set(['workflow', 'registry', 'builder']), warnFreeBytes: 1024 ** 3, failFreeBytes: 1024 * 1024 });
    expect(byId(warn.checks, 'resources.disk').status).toBe('warn');
    expect(warn.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['disk-full:warning']);

    const roomy = await runDoctor({ ...base, skip: new Set(['workflow', 'registry', 'builder']), warnFreeBytes: 1024 * 1024, failFreeBytes: 1024 });
    expect(byId(roomy.checks, 'resources.disk').status).toBe('pass');
    const cache = byId(roomy.checks, 'resources.build-cache');
    expect(cache.status).toBe('pass');
    // The RUN layer alone holds 3 MB of random bytes.
    const size = /^([\d.]+) (KiB|MiB)/.exec(cache.detail);
    expect(size).not.toBeNull();
    expect(Number(size![1]) * (size![2] === 'MiB' ? 1024 * 1024 : 1024)).toBeGreaterThan(2_900_000);
    expect(roomy.findings).toEqual([]);
  }, 180_000);
});

describe('registry', () => {
  it('a tag present (platforms and digests as stored), a tag missing, and a registry that refuses', async () => {
    const present = `${open!.host}/demon-runtime:main`;
    const missing = `${open!.host}/demon-runtime:pr-17`;
    const refused = `${locked!.host}/demon-runtime:main`;
    const report = await runDoctor({ ...base, skip: new Set(['workflow', 'builder', 'resources']), images: [present, missing, refused] });
    const stored = readStoredImage(open!.storageDir, 'demon-runtime', 'main');
    const ok = byId(report.checks, `registry.${present}`);
    expect(ok.status).toBe('pass');
    expect(ok.detail).toBe(`exists: ${stored.platforms.map((p) => `${p.platform} ${p.manifestDigest.slice(0, 19)}`).join(', ')}`);
    expect(stored.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(byId(report.checks, `registry.${missing}`).status).toBe('fail');
    expect(byId(report.checks, `registry.${refused}`)).toMatchObject({ status: 'fail' });
    expect(report.findings.map((f) => `${f.id}:${f.data?.image}`).sort()).toEqual([`image-pull-backoff:${missing}`, `registry-auth-denied:${refused}`].sort());
    // Push rights without pushing: the open registry asks for no credentials; the Basic-auth one decides on each push.
    expect(byId(report.checks, `registry.push.${open!.host}/demon-runtime`)).toMatchObject({
      status: 'pass',
      detail: 'the registry asks for no credentials (GET /v2/ answered 200): whoever reaches it can push',
    });
    expect(byId(report.checks, `registry.push.${locked!.host}/demon-runtime`)).toMatchObject({
      status: 'skipped',
      detail: 'push rights: not checked for this registry (it does not use token auth, so it decides on each push)',
    });
  });
});

describe('the CLI on the real stack', () => {
  it('doctor --format json: every group, the JSON shape of the issue', async () => {
    let out = '';
    const code = await runCli(
      [
        'doctor',
        '--workflow',
        path.join(workflows, 'team-branch-prefix.yml'),
        '--workspace',
        workflows,
        '--image',
        `${open!.host}/demon-runtime:main`,
        '--format',
        'json',
        '--fail-on',
        'error',
      ],
      { stdout: (t) => void (out += t), stderr: (t) => void (out += t) },
    );
    expectValidDoctorReport(out);
    const report = JSON.parse(out) as {
      schemaVersion: number;
      doctor: { checks: Array<{ id: string; status: string }> };
      findings: Array<{ id: string; locations: Array<{ file: string; line: number }> }>;
    };
    expect(code).toBe(1);
    expect(report.schemaVersion).toBe(1);
    const ids = report.doctor.checks.map((c) => c.id);
    for (const id of [
      'workflow.team-branch-prefix.yml',
      'builder.docker',
      'builder.buildx',
      'builder.current',
      'builder.stale',
      'builder.platforms',
      'resources.disk',
      'resources.build-cache',
      `registry.${open!.host}/demon-runtime:main`,
    ]) {
      expect(ids).toContain(id);
    }
    const invalid = report.findings.find((f) => f.id === 'invalid-tag')!;
    expect(invalid.locations).toEqual([expect.objectContaining({ file: 'team-branch-prefix.yml', line: 66 })]);
  });
});
