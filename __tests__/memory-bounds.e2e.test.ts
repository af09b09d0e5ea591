// The bundled CLI (dist/cli.js, as users run it) within a small heap: issue 13's rows "1M distinct
// steps in plain output" (the bounded build model) and "a template that repeats a capture" (bounded
// templates). The in-process halves of both are bounded-model.test.ts and robust-units.test.ts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE, readFixture } from './support/analyze-text.js';
import { runActionAsync } from './support/run-action.js';
import { MAX_LISTED_STEPS } from '../src/parse/step-budget.js';
import { MAX_FILLED_CHARS } from '../src/diagnose/template.js';
import { MAX_LISTED_BUILDS, MAX_OMITTED_JOBS } from '../src/analyze/build-budget.js';
import { expectValidReport } from './support/report-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'bxd-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STEPS = 1_000_000;

/** A plain-progress build of `steps` distinct steps, every tenth CACHED, step 777 the slowest, one failing. */
function writeManySteps(path: string, steps: number): void {
  const fd = openSync(path, 'w');
  try {
    let chunk = '#0 building with "default" instance using docker driver\n';
    for (let i = 1; i <= steps; i++) {
      chunk += `#${i} [${i}/${steps}] RUN step ${i}\n`;
      chunk += i % 10 === 0 ? `#${i} CACHED\n` : `#${i} DONE ${i === 777 ? '99.0' : `0.${i % 7}`}s\n`;
      // BuildKit prints a step's header again after it is DONE: a dropped step must not come back.
      if (i > 3000 && i % 1000 === 1) chunk += `#${i - 2500} [${i - 2500}/${steps}] RUN step ${i - 2500}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    chunk += `#${steps + 1} exporting to image\n#${steps + 1} DONE 0.1s\n`;
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

describe('a bounded build model', () => {
  it('a million distinct steps: the CLI under a 160 MB heap exits 0 with a summary that counts them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bxd-steps-'));
    try {
      const log = join(dir, 'steps.log');
      writeManySteps(log, STEPS);
      const run = spawnSync(process.execPath, ['--max-old-space-size=160', join(ROOT, 'dist', 'cli.js'), 'analyze', log, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // The one report with omittedSteps filled in: the schema must accept it as it is.
      expectValidReport(run.stdout);
      const report = JSON.parse(run.stdout);
      expect(report.builds).toHaveLength(1);
      const build = report.builds[0];
      expect(build.status).toBe('success');
      expect(build.steps.length).toBeLessThanOrEqual(2 * MAX_LISTED_STEPS + 1);
      expect(build.steps.length + build.omittedSteps.count).toBe(STEPS + 1);
      expect(build.omittedSteps.cached + build.steps.filter((s: { cached: boolean }) => s.cached).length).toBe(STEPS / 10);
      // The slowest step is listed; the counts still cover every step.
      expect(build.steps.map((s: { name: string }) => s.name)).toContain(`[777/${STEPS}] RUN step 777`);
      expect(build.timing.slowestSteps[0].seconds).toBe(99);
      expect(build.cache.hits + build.cache.misses).toBe(STEPS);
      expect(build.cache.hits).toBe(STEPS / 10);
      expect(build.notes.join('\n')).toMatch(/are counted but not listed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

const BUILDS = 8000;
const SLOW = 777;
const FAILING = 4321;

/**
 * A `gh run view --log` file of `builds` jobs of one build each: 20 RUN steps (every fourth CACHED),
 * an image export; job SLOW takes 500 s, the others 10-16 s; job FAILING fails at its last step.
 */
function writeManyBuilds(path: string, builds: number): void {
  const fd = openSync(path, 'w');
  const ts = (s: number) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString().replace('Z', '0000Z');
  let chunk = '';
  try {
    for (let i = 1; i <= builds; i++) {
      const seconds = i === SLOW ? 500 : 10 + (i % 7);
      const at = (s: number, text: string) => (chunk += `build-${i}\tBuild\t${ts(i * 1000 + s)} ${text}\n`);
      at(0, '#0 building with "default" instance using docker driver');
      for (let k = 1; k <= 20; k++) {
        at(1, `#${k} [${k}/20] RUN step ${k} of build ${i}`);
        if (i === FAILING && k === 20) {
          at(2, `#${k} ERROR: process "/bin/sh -c step" did not complete successfully: exit code: 1`);
          at(2, 'ERROR: failed to solve: process "/bin/sh -c step" did not complete successfully: exit code: 1');
        } else {
          at(2, k % 4 === 0 ? `#${k} CACHED` : `#${k} DONE 0.${k % 9}s`);
        }
      }
      if (i !== FAILING) {
        at(seconds - 1, '#21 exporting to image');
        at(seconds, '#21 DONE 0.1s');
      }
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

describe('a bounded build list', () => {
  it(`${BUILDS} builds: the CLI under a 48 MB heap exits 0 with a summary, the failing, slowest, first and last builds listed and every build counted`, () => {
    // Holding every build took about 190 MB of heap for 20,000 such builds before the budget (8,000: ~75 MB).
    const log = join(dir, 'builds.log');
    const reportFile = join(dir, 'builds.json');
    writeManyBuilds(log, BUILDS);
    const run = spawnSync(
      process.execPath,
      ['--max-old-space-size=48', join(ROOT, 'dist', 'cli.js'), 'analyze', log, '--format', 'markdown', '--report-file', reportFile],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The summary: the failure first, and one line that says how many builds are counted but not listed.
    expect(run.stdout).toMatch(/^## ❌ \*\*build-4321\*\* failed/);
    const omittedLine = new RegExp(
      `^ℹ️ ${(BUILDS - MAX_LISTED_BUILDS).toLocaleString('en-US')} of ${BUILDS.toLocaleString('en-US')} builds are counted but not listed \\(${(BUILDS - MAX_LISTED_BUILDS).toLocaleString('en-US')} succeeded\\)`,
      'm',
    );
    expect(run.stdout).toMatch(omittedLine);
    const text = readFileSync(reportFile, 'utf8');
    expectValidReport(text);
    const report = JSON.parse(text);
    expect(report.builds).toHaveLength(MAX_LISTED_BUILDS);
    expect(report.omittedBuilds.count).toBe(BUILDS - MAX_LISTED_BUILDS);
    const listed = report.builds.map((b: { name: string }) => b.name);
    for (const name of ['build-1', `build-${FAILING}`, `build-${SLOW}`, `build-${BUILDS}`]) expect(listed).toContain(name);
    expect(report.status).toBe('failure');
    expect(report.durationSeconds).toBe(500);
    // Every build's cacheable steps: 5 of 20 cached in each, the failing build's last step an error.
    expect(report.cacheHitRatio).toBe(0.25);
    const steps = report.builds.reduce((n: number, b: { steps: unknown[] }) => n + b.steps.length, 0);
    expect(steps + report.omittedBuilds.steps).toBe(BUILDS * 21 - 1);
    expect(report.omittedBuilds.pushedImages).toBe(0);
    expect(report.omittedBuilds.images).toBe(0);
    // One job per build: the first jobs are listed one by one, the rest counted.
    expect(report.omittedBuilds.jobs).toHaveLength(MAX_OMITTED_JOBS);
    expect(report.omittedBuilds.jobs.length + report.omittedBuilds.buildsOfUnlistedJobs).toBe(BUILDS - MAX_LISTED_BUILDS);
  }, 240_000);
});

describe('bounded templates', () => {
  it('failing builds with such a signature stay within memory', async () => {
    const sig = join(dir, 'repeat.yml');
    writeFileSync(
      sig,
      `version: 1\nsignatures:\n  - id: loud\n    title: 'loud \${t}'\n    priority: 999\n    patterns: ['(?<t>exit code: \\d+)']\n    fix: '${'${t}'.repeat(240_000)}'\n`,
    );
    const log = readFixture('buildx0.29-b1-fail-plain.log');
    const analyse = (builds: number) => {
      const file = join(dir, `failures-${builds}.log`);
      writeFileSync(file, Array.from({ length: builds }, () => log).join('\n'));
      // Under a 300 MB heap: unbounded, 300 builds took 1.5 GB here (4.3 GB in the issue).
      return spawnSync(process.execPath, ['--max-old-space-size=300', join(ROOT, 'dist', 'cli.js'), 'analyze', file, '--signatures', sig, '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
      });
    };
    const some = analyse(20);
    expect(some.stderr).toBe('');
    expect(some.status).toBe(0);
    expectValidReport(some.stdout);
    const report = JSON.parse(some.stdout);
    const loud = report.findings.filter((f: { id: string }) => f.id === 'loud');
    expect(loud).toHaveLength(20);
    expect(report.findings.every((f: { fix: string }) => f.fix.length < MAX_FILLED_CHARS + 2000)).toBe(true);
    // 300 builds: user patterns may run out of their time budget (one line says so), never out of memory.
    const many = analyse(300);
    expect(many.status).toBe(0);
    expect(many.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(1);
    expectValidReport(many.stdout);
    // Past the listed-build budget the rest are counted, every one of them a failure.
    const manyReport = JSON.parse(many.stdout);
    expect(manyReport.builds).toHaveLength(MAX_LISTED_BUILDS);
    expect(manyReport.omittedBuilds.count).toBe(300 - MAX_LISTED_BUILDS);
    expect(manyReport.omittedBuilds.statuses.failure).toBe(300 - MAX_LISTED_BUILDS);
  }, 120_000);
});

// The young generation (src/young-generation.ts): V8 doubles it each time the bytes surviving its
// scavenges add up to its size, so a long read ends with it at V8's maximum (16 MiB a semi-space
// in Node 20, 32 MiB of RSS) unless the process stops its growth. A preloaded module reports the
// size of the young generation's semi-space as the process exits.
describe('a bounded young generation', () => {
  const NEW_SPACE_HOOK = `import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
process.on('exit', () => {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  writeFileSync(process.env.BXD_NEW_SPACE_FILE, String(space.space_size));
});
`;
  const MIB = 1024 * 1024;

  function longPlainLog(): string {
    const path = join(dir, 'long-plain.log');
    const sample = readFileSync(SAMPLE);
    const fd = openSync(path, 'w');
    try {
      // About 10 MB: far past the bytes after which an unbounded young generation has grown.
      for (let i = 0; i < 11; i++) writeSync(fd, sample);
    } finally {
      closeSync(fd);
    }
    return path;
  }

  it('the CLI (analyze, doctor --log) and the action read a long log with a young generation of at most 4 MiB a semi-space; an unbounded reader grows past it', async () => {
    const hook = join(dir, 'new-space-hook.mjs');
    writeFileSync(hook, NEW_SPACE_HOOK);
    const log = longPlainLog();
    const sizeFile = join(dir, 'new-space.txt');
    const newSpaceAfter = (args: string[]) => {
      rmSync(sizeFile, { force: true });
      const run = spawnSync(process.execPath, ['--import', hook, ...args], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        env: { ...process.env, BXD_NEW_SPACE_FILE: sizeFile },
      });
      return { run, bytes: Number(readFileSync(sizeFile, 'utf8')) };
    };

    // The measure sees growth: readline keeping the last 2,000 lines, as a parser keeps a few.
    const reader = join(dir, 'keep-lines.mjs');
    writeFileSync(
      reader,
      `import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
const kept = [];
let n = 0;
createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity }).on('line', (line) => { kept[n++ % 2000] = line; });
`,
    );
    const unbounded = newSpaceAfter([reader, log]);
    expect(unbounded.run.status).toBe(0);
    expect(unbounded.bytes).toBeGreaterThan(4 * MIB);

    const cli = newSpaceAfter([join(ROOT, 'dist', 'cli.js'), 'analyze', log, '--format', 'json']);
    expect(cli.run.stderr).toBe('');
    expect(cli.run.status).toBe(0);
    expect(JSON.parse(cli.run.stdout).builds).toHaveLength(33);
    expect(cli.bytes).toBeGreaterThan(0);
    expect(cli.bytes).toBeLessThanOrEqual(4 * MIB);

    // `doctor --log` reads its log where `analyze` reads them (src/parse/parse-sources.ts).
    const doctor = newSpaceAfter([
      join(ROOT, 'dist', 'cli.js'),
      'doctor',
      '--log',
      log,
      '--skip',
      'builder,resources,registry',
      '--workspace',
      dir,
      '--format',
      'json',
    ]);
    expect(doctor.run.stderr).toBe('');
    expect(doctor.run.status).toBe(0);
    expect(JSON.parse(doctor.run.stdout).doctor.checks.map((c: { id: string }) => c.id)).toContain('builder');
    expect(doctor.bytes).toBeGreaterThan(0);
    expect(doctor.bytes).toBeLessThanOrEqual(4 * MIB);

    // The action, started as the runner starts it (`node dist/index.js`, no flag of ours).
    rmSync(sizeFile, { force: true });
    const action = await runActionAsync({ logs: log }, { env: { BXD_NEW_SPACE_FILE: sizeFile }, nodeArgs: ['--import', hook], timeoutMs: 120_000 });
    expect(action.code).toBe(0);
    expect(action.summary).toMatch(/build/i);
    const actionBytes = Number(readFileSync(sizeFile, 'utf8'));
    expect(actionBytes).toBeGreaterThan(0);
    expect(actionBytes).toBeLessThanOrEqual(4 * MIB);
  }, 240_000);
});
