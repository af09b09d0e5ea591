import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/cli.js';
import { fixturePath, readFixture, SAMPLE } from './support/analyze-text.js';
import { expectValidReport } from './support/report-schema.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bxd-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => (stderr += t),
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  });
  // Every JSON report the CLI prints or writes here must meet the published schema.
  const format = args.find((a, i) => args[i - 1] === '--format' || a.startsWith('--format='))?.replace('--format=', '');
  if (args[0] === 'analyze' && format === 'json' && stdout !== '') expectValidReport(stdout);
  const reportFile = args[args.indexOf('--report-file') + 1];
  if (args[0] === 'analyze' && args.includes('--report-file') && reportFile && code !== 2) expectValidReport(readFileSync(reportFile, 'utf8'));
  return { code, stdout, stderr };
}

describe('buildx-doctor analyze', () => {
  it('into a pipe, prints whole lines (nothing cut) and no colour', async () => {
    const { code, stdout } = await cli(['analyze', SAMPLE]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('buildx-doctor: All 3 builds succeeded, with 2 warnings below.');
    expect(stdout).toContain('Most help: Build linux/arm64 on native arm64 runners instead of under QEMU emulation');
    // Full digests, copyable; no ellipsis anywhere.
    expect(stdout).toContain('sha256:1564b5e107af46f2fd81412b42ca63385b0524d970ac9ae75ddfeaee47b8f27e');
    expect(stdout).not.toContain('…');
    expect(stdout).not.toContain('\u001b[');
  });

  it('on a terminal, wraps to its width, with colour unless NO_COLOR is set', async () => {
    const ansi = /\u001b\[[0-9;]*m/g;
    const run = async (env: NodeJS.ProcessEnv) => {
      let stdout = '';
      const code = await runCli(['analyze', fixturePath('dockerd20-failing-copy.log')], {
        stdout: (t) => void (stdout += t),
        stderr: () => undefined,
        terminal: { isTTY: true, columns: 60 },
        env,
      });
      return { code, stdout };
    };
    const colour = await run({});
    expect(colour.code).toBe(0);
    expect(colour.stdout).toMatch(/\u001b\[31mERROR \[copy-source-missing\]/);
    const plain = colour.stdout.replace(ansi, '');
    for (const line of plain.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    // Wrapped, not cut: the whole title and the first line of the fix are there.
    expect(plain.replace(/\s+/g, ' ')).toContain('A COPY or ADD source is not in the build context: /missing.txt');
    expect(plain).toMatch(/^ {4}fix: /m);
    const noColour = await run({ NO_COLOR: '1' });
    expect(noColour.stdout).not.toMatch(ansi);
    expect(noColour.stdout).toBe(plain);
  });

  it('prints the JSON report, schemaVersion 1', async () => {
    const { code, stdout } = await cli(['analyze', SAMPLE, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.builds).toHaveLength(3);
    expect(report.builds[0]).toEqual(
      expect.objectContaining({ name: 'Build runtime', status: 'success', jobSeconds: 3859.6, platforms: ['linux/arm64', 'linux/amd64'] }),
    );
    expect(report.builds[0].cache).toEqual(expect.objectContaining({ hits: 0, ratio: 0, exports: [expect.objectContaining({ kind: 'gha', seconds: 270.5 })] }));
    expect(report.findings[0]).toEqual(expect.objectContaining({ id: 'qemu-emulation', build: 'Build runtime', severity: 'warning' }));
  });

  it('prints exactly the job summary with --format markdown', async () => {
    const { stdout } = await cli(['analyze', SAMPLE, '--format=markdown']);
    expect(stdout).toMatch(/^## ✅ All 3 builds succeeded/);
    expect(stdout).toContain('| Build runtime | ✅ success | 64.3 min | 63.8 min | 0/30 (0%) | 34 |');
  });

  it('reads standard input with -', async () => {
    const { code, stdout } = await cli(['analyze', '-', '--format', 'json'], readFixture('buildx0.29-a2-3step-plain-cached.log'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).builds[0]).toEqual(expect.objectContaining({ name: 'stdin', source: '-', status: 'success' }));
  });

  it('fails the exit status only under --fail-on', async () => {
    const failing = fixturePath('buildx0.29-b1-fail-plain.log');
    expect((await cli(['analyze', failing])).code).toBe(0);
    expect((await cli(['analyze', failing, '--fail-on', 'error'])).code).toBe(1);
    expect((await cli(['analyze', fixturePath('buildx0.29-a1-3step-plain-first.log'), '--fail-on', 'warning'])).code).toBe(0);
  });

  it('writes the report file when asked', async () => {
    const out = join(dir, 'report.json');
    await cli(['analyze', SAMPLE, '--report-file', out]);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });
});

describe('bad input: one clear line and exit status 2, never a stack trace', () => {
  const expectOneLine = (stderr: string, pattern: RegExp) => {
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it('a missing file', async () => {
    const { code, stderr } = await cli(['analyze', join(dir, 'nope.log')]);
    expect(code).toBe(2);
    expectOneLine(stderr, /nope\.log: no such file$/);
  });

  it('a directory', async () => {
    const { code, stderr } = await cli(['analyze', dir]);
    expect(code).toBe(2);
    expectOneLine(stderr, /is a directory/);
  });

  it('an empty file', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const { code, stderr } = await cli(['analyze', empty]);
    expect(code).toBe(2);
    expectOneLine(stderr, /empty\.log: the log is empty$/);
  });

  it('a binary file', async () => {
    const binary = join(dir, 'logs.zip');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    const { code, stderr } = await cli(['analyze', binary]);
    expect(code).toBe(2);
    expectOneLine(stderr, /logs\.zip: binary data/);
  });

  it('the log of a run that was still in progress (81 bytes from gh)', async () => {
    const { code, stderr } = await cli(['analyze', fixturePath('docker-build-17962523423-in-progress.log')]);
    expect(code).toBe(2);
    expectOneLine(stderr, /still in progress when this log was saved.*fetch the log again once the run has finished$/);
  });

  it('a log with no build in it', async () => {
    const other = join(dir, 'npm.log');
    writeFileSync(other, 'npm ci\nadded 193 packages\n');
    const { code, stderr } = await cli(['analyze', other]);
    expect(code).toBe(2);
    expectOneLine(stderr, /no Docker build output found \(first line: "npm ci"\)/);
  });

  it('a 50 MB line in the middle of a build: cut, reported, the build still read', async () => {
    const big = join(dir, 'big-line.log');
    const fd = openSync(big, 'w');
    const [head, ...rest] = readFixture('buildx0.29-a1-3step-plain-first.log').split('\n#6 ');
    writeSync(fd, head + '\n#6 0.1 ');
    const block = Buffer.alloc(1024 * 1024, 0x7a);
    for (let i = 0; i < 50; i++) writeSync(fd, block);
    writeSync(fd, '\n#6 ' + rest.join('\n#6 '));
    closeSync(fd);
    const { code, stdout, stderr } = await cli(['analyze', big, '--format', 'json']);
    expect(code).toBe(0);
    expectOneLine(stderr, /1 line\(s\) longer than 64 KiB were cut/);
    expect(JSON.parse(stdout).builds[0].status).toBe('success');
  });

  it('a log cut off mid-build: status unknown, with a note saying so', async () => {
    const full = readFixture('buildx0.29-a1-3step-plain-first.log');
    const cut = full.slice(0, full.indexOf('#7 DONE'));
    const { code, stdout } = await cli(['analyze', '-', '--format', 'json'], cut);
    expect(code).toBe(0);
    const build = JSON.parse(stdout).builds[0];
    expect(build.status).toBe('unknown');
    expect(build.notes[0]).toMatch(/still running: it may be truncated/);
  });

  it('a log cut between two steps: unknown, not success', async () => {
    const lines = readFixture('buildx0.29-a1-3step-plain-first.log').split('\n');
    const cut = lines.slice(0, lines.findIndex((l) => l.startsWith('#7 ')) - 1).join('\n');
    const { stdout } = await cli(['analyze', '-', '--format', 'json'], cut);
    const build = JSON.parse(stdout).builds[0];
    expect(build.status).toBe('unknown');
    expect(build.notes[0]).toMatch(/ends between two steps/);
  });

  it('terminal redraws (a lone carriage return) are lines of their own', async () => {
    const text =
      '#0 building with "default" instance using docker driver\n#2 [2/2] RUN make\r#2 0.1 cc: error: no input files\r#2 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2\n';
    const { stdout } = await cli(['analyze', '-', '--format', 'json'], text);
    const report = JSON.parse(stdout);
    expect(report.builds[0].steps[0]).toMatchObject({ name: '[2/2] RUN make', status: 'error' });
    // The compiler's own error line names the cause.
    expect(report.findings[0]).toMatchObject({ id: 'compile-error', title: 'The code failed to compile in RUN make' });
  });

  it('bad usage', async () => {
    expect((await cli(['analyze'])).code).toBe(2);
    expect((await cli(['frobnicate', 'x.log'])).stderr).toMatch(/unknown command "frobnicate"/);
    expect((await cli(['analyze', SAMPLE, '--format', 'yaml'])).stderr).toMatch(/--format must be text, markdown or json/);
    expect((await cli(['analyze', SAMPLE, '--max-build-minutes', '-3'])).code).toBe(2);
    expect((await cli(['analyze', SAMPLE, '--fail-on', 'sometimes'])).stderr).toMatch(/fail-on must be never, error or warning/);
  });

  it('reads options the usual ways, and bad ones are one line each', async () => {
    const usage = /^usage: buildx-doctor analyze FILE\.\.\./;
    for (const [args, message] of [
      [['analyze', SAMPLE, '--format'], 'buildx-doctor: --format needs a value'],
      [['analyze', SAMPLE, '--bogus'], 'buildx-doctor: unknown option --bogus'],
      [['analyze', SAMPLE, '--bogus=1'], 'buildx-doctor: unknown option --bogus'],
      [['analyze', SAMPLE, '-x'], 'buildx-doctor: unknown option -x'],
      [['analyze', SAMPLE, '--format', '--json'], 'buildx-doctor: --format must be text, markdown or json, not "--json"'],
    ] as const) {
      const { code, stdout, stderr } = await cli([...args]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines[0]).toBe(message);
      expect(lines[1]).toMatch(usage);
      expect(lines).toHaveLength(2);
    }
    // `--flag=value` and `--flag value` are the same; the last one given wins; `--` ends the options.
    const json = (await cli(['analyze', SAMPLE, '--format=json'])).stdout;
    expect(JSON.parse(json).builds).toHaveLength(3);
    expect((await cli(['analyze', SAMPLE, '--format', 'json'])).stdout).toBe(json);
    expect((await cli(['analyze', SAMPLE, '--format', 'markdown', '--format=json'])).stdout).toBe(json);
    expect((await cli(['analyze', '--format', 'json', '--', SAMPLE])).stdout).toBe(json);
  });

  it('--baseline takes the files after it, up to the next option; --baseline=FILE only that one', async () => {
    const other = fixturePath('buildx0.29-a1-3step-plain-first.log');
    const builds = async (args: string[]) => JSON.parse((await cli(['analyze', SAMPLE, ...args, '--format', 'json'])).stdout).builds.length;
    expect(await builds(['--baseline', other, other])).toBe(3);
    expect(await builds(['--baseline=' + other, other])).toBe(4);
    expect(await builds(['--baseline', other, '--workspace', '.', other])).toBe(4);
  });

  it('one bad file among good ones: the good ones are reported, the bad one warned about', async () => {
    const { code, stdout, stderr } = await cli(['analyze', join(dir, 'missing.log'), fixturePath('buildx0.29-a1-3step-plain-first.log'), '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).builds).toHaveLength(1);
    expect(JSON.parse(stdout).problems).toEqual([{ source: join(dir, 'missing.log'), message: `${join(dir, 'missing.log')}: no such file` }]);
    expectOneLine(stderr, /missing\.log: no such file/);
  });

  // `doctor --log` reads its log as `analyze` reads its own (parseSources): the same problems, one line.
  it.each([
    ['a missing file', 'nope.log', null, /^buildx-doctor: --log .*nope\.log: .*nope\.log: no such file$/],
    ['a file with no build', 'no-build.log', 'hello\nworld\n', /^buildx-doctor: --log .*no-build\.log: .*no Docker build output found/],
  ])('doctor --log, %s', async (_, name, content, pattern) => {
    const log = join(dir, name);
    if (content !== null) writeFileSync(log, content);
    const { code, stdout, stderr } = await cli(['doctor', '--log', log, '--skip', 'builder,resources,registry', '--workspace', dir, '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expectOneLine(stderr, pattern);
  });
});

describe('the streamed JSON report', () => {
  it('is exactly the pretty-printed report object', async () => {
    const { analyzeFile } = await import('./support/analyze-text.js');
    const { toJsonReport, writeJsonReport } = await import('../src/report/json-report.js');
    for (const analysis of [await analyzeFile(SAMPLE), await analyzeFile(join(dir, 'does-not-exist.log'))]) {
      let streamed = '';
      await writeJsonReport(analysis, (chunk) => {
        streamed += chunk;
      });
      expect(streamed).toBe(JSON.stringify(toJsonReport(analysis), null, 2) + '\n');
    }
  });
});
