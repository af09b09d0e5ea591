// The committed bundle as a whole: the action (dist/index.js) and the command line (dist/cli.js)
// are one ncc build whose chunk files both load, and every file of it is ASCII (scripts/build-dist.mjs).
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_BIN } from './support/run-action.js';
import { needsRealComponent } from './support/test-tier.js';
import { ROOT, SAMPLE } from './support/analyze-text.js';
import { tempDir } from './support/temp-dir.js';

const DIST = join(ROOT, 'dist');

/** A copy of dist/'s files alone (no node_modules, no src, no sub-folder) in a fresh directory. */
function copyOfDist(): string {
  needsRealComponent('the bundle (dist/)');
  const base = tempDir('bxd-bundle-');
  const dir = join(base, 'dist');
  mkdirSync(dir);
  for (const name of readdirSync(DIST)) if (statSync(join(DIST, name)).isFile()) copyFileSync(join(DIST, name), join(dir, name));
  return dir;
}

function node(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const result = spawnSync(NODE_BIN, args, {
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe(`one bundle for the action and the command line, under ${NODE_BIN}`, () => {
  it('has a single set of chunk files: no second bundle for the command line', () => {
    const entries = readdirSync(DIST, { withFileTypes: true });
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name)).toEqual([]);
    // dist/cli.js only marks the process and loads the action's entry.
    const cli = readFileSync(join(DIST, 'cli.js'), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(cli).toContain("await import('./index.js')");
    expect(statSync(join(DIST, 'cli.js')).mode & 0o111).not.toBe(0);
  });

  it('the command line runs analyze, history and doctor from the top-level files alone, and does not run the action', () => {
    const dist = copyOfDist();
    const work = join(dist, '..');
    const json = node([join(dist, 'cli.js'), 'analyze', SAMPLE, '--format', 'json'], { cwd: work });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.builds.map((b: { name: string }) => b.name)).toEqual(['Build runtime', 'Build engine', 'Build operate-ui']);

    const text = node([join(dist, 'cli.js'), 'analyze', SAMPLE], { cwd: work });
    expect(text.code).toBe(0);
    // Characters beyond ASCII, written as escapes in the bundle, come out as themselves.
    expect(text.stdout).toContain('7.5–8.1× slower than on linux/amd64');
    // No workflow command: the action's code did not run.
    expect(text.stdout).not.toMatch(/^::/m);

    const history = node([join(dist, 'cli.js'), 'history', SAMPLE, '--format', 'markdown'], { cwd: work });
    expect(history.stderr).toBe('');
    expect(history.code).toBe(0);
    expect(history.stdout).toContain('|');

    // The doctor is a chunk of its own, loaded on demand with its YAML parser.
    mkdirSync(join(work, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(work, '.github', 'workflows', 'build.yml'),
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
    );
    const doctor = node([join(dist, 'cli.js'), 'doctor', '--skip', 'builder,resources,registry', '--format', 'json'], { cwd: work });
    expect(doctor.stderr).toBe('');
    const doctorReport = JSON.parse(doctor.stdout);
    const files = doctorReport.doctor.checks.find((c: { id: string }) => c.id === 'workflow.files');
    expect(files?.status).toBeDefined();
    expect(files.status).not.toBe('skipped');

    const usage = node([join(dist, 'cli.js'), 'nonsense'], { cwd: work });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: buildx-doctor analyze/m);
  });

  it('the action from the same files runs as the action, not the command line', () => {
    const dist = copyOfDist();
    const work = join(dist, '..');
    const output = join(work, 'github-output');
    const summary = join(work, 'summary.md');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const run = node([join(dist, 'index.js')], {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GITHUB_ACTIONS: 'true',
        INPUT_LOGS: SAMPLE,
        RUNNER_TEMP: work,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('usage:');
    expect(readFileSync(output, 'utf8')).toMatch(/^root-cause<<(\S+)\nqemu-emulation\n\1$/m);
    expect(readFileSync(summary, 'utf8')).toContain('| Build operate-ui | ✅ success |');
  });

  it('every JavaScript file of the bundle is ASCII, so Node reads it as one byte per character', () => {
    const files = readdirSync(DIST).filter((name) => name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(2);
    for (const name of files) {
      const bytes = readFileSync(join(DIST, name));
      const beyond = bytes.findIndex((byte) => byte > 0x7f);
      expect({ file: name, firstByteBeyondAscii: beyond }).toEqual({ file: name, firstByteBeyondAscii: -1 });
    }
  });
});
