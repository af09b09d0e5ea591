// The run's guard against temporary files left behind (support/global-setup.ts, global-teardown.ts)
// and the tests' temporary directories (support/temp-dir.ts).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support/analyze-text.js';
import { RUN_DIR_VARIABLE, startRunTempDir } from './support/global-setup.js';
import { finishRunTempDir, leftoversIn, mountsUnder } from './support/global-teardown.js';
import { removeTempDirs, tempDir } from './support/temp-dir.js';

/** A mountinfo line (proc(5)): the mount point is the fifth field, with spaces as \040. */
const mountLine = (point: string) => `36 35 98:0 / ${point.replace(/ /g, '\\040')} rw,relatime shared:1 - tmpfs tmpfs rw`;

describe('the run', () => {
  it('has a temporary directory of its own, which the tests and the children they start use', () => {
    const runDir = process.env[RUN_DIR_VARIABLE];
    expect(runDir).toBeDefined();
    expect(basename(runDir!)).toMatch(/^bxd-jest-/);
    expect(tmpdir()).toBe(runDir);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
    expect(child.stdout).toBe(runDir);
  });

  it('is guarded in every jest config: unit, tiers, and the base that .ci/run uses', async () => {
    for (const name of ['jest.config.js', 'jest.unit.config.js', 'jest.tiers.config.js']) {
      const config = ((await import(pathToFileURL(join(ROOT, name)).href)) as { default: { globalSetup: string; globalTeardown: string } }).default;
      expect(config.globalSetup).toBe('<rootDir>/__tests__/support/global-setup.ts');
      expect(config.globalTeardown).toBe('<rootDir>/__tests__/support/global-teardown.ts');
    }
  });
});

describe("the run's temporary directory", () => {
  it('is made sticky and writable by all (as /tmp is), TMPDIR points at it, and the old TMPDIR comes back', () => {
    const base = tempDir('bxd-guard-');
    const env: NodeJS.ProcessEnv = { TMPDIR: '/outer/tmp' };
    const dir = startRunTempDir(env, base);
    expect(dirname(dir)).toBe(base);
    expect(basename(dir)).toMatch(/^bxd-jest-/);
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
    expect(env.TMPDIR).toBe(dir);
    expect(finishRunTempDir(env, () => undefined, '')).toEqual([]);
    expect(existsSync(dir)).toBe(false);
    expect(env).toEqual({ TMPDIR: '/outer/tmp' });
  });

  it('unsets TMPDIR again when it was not set', () => {
    const env: NodeJS.ProcessEnv = {};
    startRunTempDir(env, tempDir('bxd-guard-'));
    expect(finishRunTempDir(env, () => undefined, '')).toEqual([]);
    expect(env).toEqual({});
  });

  it('fails the run naming each entry of ours left in it, notes the others, and removes it all', () => {
    const env: NodeJS.ProcessEnv = {};
    const dir = startRunTempDir(env, tempDir('bxd-guard-'));
    mkdirSync(join(dir, 'bxd-action-abc123', 'workspace'), { recursive: true });
    writeFileSync(join(dir, 'bxd-action-abc123', 'workspace', 'build.log'), 'x');
    mkdirSync(join(dir, 'buildx-doctor-docker-config-def456'));
    mkdirSync(join(dir, '.org.chromium.Chromium.xyz'));
    expect(leftoversIn(dir)).toEqual({ ours: ['buildx-doctor-docker-config-def456', 'bxd-action-abc123'], others: ['.org.chromium.Chromium.xyz'] });
    const notes: string[] = [];
    const problems = finishRunTempDir(env, (text) => notes.push(text), '');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('left 2 temporary entries');
    expect(problems[0]).toContain('buildx-doctor-docker-config-def456, bxd-action-abc123');
    expect(problems[0]).not.toContain('chromium');
    expect(notes).toEqual([expect.stringContaining('.org.chromium.Chromium.xyz')]);
    expect(existsSync(dir)).toBe(false);
  });

  it('is left in place when something is still mounted under it: removing it would go through the mount', () => {
    const env: NodeJS.ProcessEnv = {};
    const dir = startRunTempDir(env, tempDir('bxd-guard-'));
    const mount = join(realpathSync(dir), 'bxd-dockerd-x', 'exec', 'netns', 'abc');
    mkdirSync(mount, { recursive: true });
    const problems = finishRunTempDir(env, () => undefined, mountLine(mount));
    expect(problems).toEqual([expect.stringContaining('left 1 temporary entry'), expect.stringContaining(`it still holds mounts (${mount})`)]);
    expect(existsSync(mount)).toBe(true);
  });

  it('does nothing when the run has none (a config without the setup)', () => {
    const env: NodeJS.ProcessEnv = { TMPDIR: '/somewhere' };
    expect(finishRunTempDir(env, () => undefined, '')).toEqual([]);
    expect(env).toEqual({ TMPDIR: '/somewhere' });
  });
});

describe('mount points under a directory', () => {
  it('are the directory and what is below it, not a sibling that shares its name as a prefix, spaces decoded', () => {
    const info = ['/tmp/run', '/tmp/run/a b/c', '/tmp/running', '/proc'].map(mountLine).join('\n');
    expect(mountsUnder('/tmp/run', info)).toEqual(['/tmp/run', '/tmp/run/a b/c']);
    expect(mountsUnder('/tmp/run', null)).toEqual([]);
  });
});

describe("a test's temporary directories", () => {
  it('are made under os.tmpdir() with the prefix asked for, and removed with what they hold', () => {
    const dir = tempDir('bxd-made-');
    expect(dirname(dir)).toBe(tmpdir());
    expect(basename(dir)).toMatch(/^bxd-made-.{6}$/);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'file'), 'x');
    removeTempDirs();
    expect(existsSync(dir)).toBe(false);
  });
});
