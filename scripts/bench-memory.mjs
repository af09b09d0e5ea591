// Memory and time benchmark of the bundled CLI against a plain line reader. Prints ratios, never
// pass/fail, and exits 0 whatever it measures.
//
//   npm run bench                  # about 50 MB and 200 MB
//   npm run bench -- 400           # about 50 MB and 400 MB (or BENCH_MB=400)
//   BENCH_SMALL_MB=20 npm run bench
//
// The inputs are the shipped sample repeated into .bench/ (git-ignored); files that already have
// the right size are reused. Each measurement runs in its own child process, so a peak RSS belongs
// to that process alone:
//   baseline       node reading the file with readline over fs.createReadStream, counting lines;
//   buildx-doctor  node dist/cli.js analyze FILE --format json, its report written to .bench/.
// Peak RSS is process.resourceUsage().maxRSS read in an 'exit' handler inside the child: the
// baseline prints it on stdout; the CLI gets the handler from a module preloaded with --import and
// reports on fd 3, so its stdout stays the report. When /usr/bin/time exists it wraps each child
// too, as a cross-check (and as the only figure left if a child dies without running exit handlers).
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SAMPLE = join(ROOT, 'samples', 'docker-publish-17964002949.log');
const BENCH_DIR = join(ROOT, '.bench');
const TIME_BIN = '/usr/bin/time';
const MB = 1_000_000;

function die(message) {
  process.stderr.write(`bench-memory: ${message}\n`);
  process.exit(1);
}

function sizeSetting(value, name, fallback) {
  if (value === undefined || value === '') return fallback;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) die(`${name} must be a positive number of MB, not "${value}"`);
  return mb;
}

const shown = (path) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));
if (!existsSync(CLI)) die(`${shown(CLI)} is missing: run \`npm run build\` first`);
if (!existsSync(SAMPLE)) die(`the sample log ${shown(SAMPLE)} is missing`);

const bigMb = sizeSetting(process.argv[2] ?? process.env.BENCH_MB, 'the target size (argument or BENCH_MB)', 200);
let smallMb = sizeSetting(process.env.BENCH_SMALL_MB, 'BENCH_SMALL_MB', 50);
if (smallMb >= bigMb) smallMb = bigMb / 4;

const log = (text) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------
// Inputs

const sample = readFileSync(SAMPLE);
const sampleEndsWithNewline = sample.length > 0 && sample[sample.length - 1] === 0x0a;
const unit = sampleEndsWithNewline ? sample : Buffer.concat([sample, Buffer.from('\n')]);

/** The sample repeated to about `mb` MB; reused when a file of exactly that size is there. */
function ensureInput(mb) {
  const repeats = Math.max(1, Math.round((mb * MB) / unit.length));
  const path = join(BENCH_DIR, `docker-publish-x${repeats}.log`);
  const expected = repeats * unit.length;
  if (existsSync(path) && statSync(path).size === expected) return { path, repeats, bytes: expected, reused: true };
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    for (let i = 0; i < repeats; i++) {
      for (let written = 0; written < unit.length; ) written += writeSync(fd, unit, written, unit.length - written);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return { path, repeats, bytes: expected, reused: false };
}

// ---------------------------------------------------------------------------------------------
// Helper scripts the children run (rewritten each time, so they always match this file)

const BASELINE_SCRIPT = join(BENCH_DIR, 'baseline-readline.mjs');
const RSS_HOOK = join(BENCH_DIR, 'rss-hook.mjs');

function writeHelpers() {
  writeFileSync(
    BASELINE_SCRIPT,
    `// Written by scripts/bench-memory.mjs: the baseline, a line count with readline.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
let lines = 0;
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ lines, maxRSS: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }) + '\\n');
});
const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
rl.on('line', () => { lines++; });
`,
  );
  writeFileSync(
    RSS_HOOK,
    `// Written by scripts/bench-memory.mjs: preloaded with --import, reports this process's peak RSS on fd 3.
import { writeSync } from 'node:fs';
process.on('exit', (code) => {
  const usage = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ maxRSS: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime, code }) + '\\n');
  } catch {
    // fd 3 is not ours to write to: run outside the benchmark.
  }
});
`,
  );
}

// ---------------------------------------------------------------------------------------------
// Running one child

const hasTime = (() => {
  try {
    return statSync(TIME_BIN).isFile();
  } catch {
    return false;
  }
})();

/**
 * Runs `node ...args` and returns wall time, the child's report (JSON from `reportFd`), the
 * /usr/bin/time figures when available, its exit status and the tail of its stderr.
 */
function runNode(args, { stdoutTo = null, reportFd = 1, tag }) {
  return new Promise((resolvePromise) => {
    const timeFile = join(BENCH_DIR, `time-${tag}.txt`);
    rmSync(timeFile, { force: true });
    const command = hasTime ? TIME_BIN : process.execPath;
    const argv = hasTime ? ['-f', '%M %e', '-o', timeFile, process.execPath, ...args] : args;
    const outFd = stdoutTo ? openSync(stdoutTo, 'w') : null;
    const stdio = ['ignore', reportFd === 1 ? 'pipe' : outFd ?? 'ignore', 'pipe'];
    if (reportFd === 3) stdio.push('pipe');
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { stdio, cwd: ROOT });
    if (outFd !== null) closeSync(outFd);
    let report = '';
    let stderr = '';
    child.stdio[reportFd].setEncoding('utf8').on('data', (data) => {
      if (report.length < 1 << 16) report += data;
    });
    let headline = null;
    child.stderr.setEncoding('utf8').on('data', (data) => {
      stderr = (stderr + data).slice(-4096);
      // The line that says what went wrong, before any native stack trace that follows it.
      headline ??= /^(?:FATAL ERROR: .*|buildx-doctor: .*|\S*Error: .*)$/m.exec(stderr)?.[0] ?? null;
    });
    child.on('error', (error) => resolvePromise({ error: `cannot start ${command}: ${error.message}` }));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let child_ = null;
      try {
        child_ = JSON.parse(report.trim().split('\n').pop());
      } catch {
        child_ = null;
      }
      let time = null;
      if (hasTime && existsSync(timeFile)) {
        // The last line is ours; GNU time puts "Command exited with non-zero status N" above it.
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [kb, elapsed] = last.split(/\s+/).map(Number);
        if (Number.isFinite(kb)) time = { maxRSSKb: kb, seconds: elapsed };
        rmSync(timeFile, { force: true });
      }
      // /usr/bin/time exits with the child's status; a signal shows as 128+N there.
      resolvePromise({ seconds, child: child_, time, code, signal, stderr: headline ?? stderr.trim().split('\n').pop() ?? '' });
    });
  });
}

function peakKb(run) {
  return run.child?.maxRSS ?? run.time?.maxRSSKb ?? null;
}

/** Counts the elements of the report's top-level arrays (builds, findings, problems) as it streams. */
async function countTopLevelArrays(path) {
  const counts = {};
  let depth = 0;
  let inString = false;
  let escaped = false;
  let key = null;
  let capture = null;
  let currentArray = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) {
          inString = false;
          if (capture !== null) key = capture;
          capture = null;
          continue;
        }
        if (capture !== null && capture.length < 64) capture += String.fromCharCode(c);
        continue;
      }
      switch (c) {
        case 0x22: // "
          inString = true;
          capture = depth === 1 ? '' : null;
          break;
        case 0x7b: // {
        case 0x5b: // [
          if (depth === 1 && c === 0x5b) {
            currentArray = key;
            counts[key] = 0;
          } else if (depth === 2 && currentArray !== null) {
            counts[currentArray] += 1;
          }
          depth++;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          depth--;
          if (depth === 1) currentArray = null;
          break;
        default:
          // A scalar element of a top-level array (none in the report today) is not counted.
          break;
      }
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const mib = (kb) => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);
const secs = (s) => (s === null || s === undefined ? 'n/a' : `${s.toFixed(2)} s`);
const ratio = (a, b) => (a === null || b === null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function describeFailure(run) {
  if (run.error) return run.error;
  if (run.signal) return `killed by ${run.signal}`;
  return `exit status ${run.code}${run.stderr ? `: ${run.stderr}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Main

mkdirSync(BENCH_DIR, { recursive: true });
for (const file of readdirSync(BENCH_DIR)) if (/^report-x\d+\.json$/.test(file)) rmSync(join(BENCH_DIR, file), { force: true });
writeHelpers();

const sizes = [smallMb, bigMb];
const results = [];
log(`bench-memory: inputs are ${relative(ROOT, SAMPLE)} (${(sample.length / 1000).toFixed(0)} KB) repeated; sizes ${sizes.map((s) => `~${s} MB`).join(' and ')}`);
log(`bench-memory: peak RSS from process.resourceUsage() in each child${hasTime ? `, cross-checked with ${TIME_BIN}` : ` (${TIME_BIN} not found: no cross-check)`}`);

for (const mb of sizes) {
  const started = Date.now();
  const input = ensureInput(mb);
  log(`  ${relative(ROOT, input.path)}: ${(input.bytes / MB).toFixed(1)} MB, ${input.repeats} copies (${input.reused ? 'reused' : `written in ${((Date.now() - started) / 1000).toFixed(1)} s`})`);

  log(`  baseline on ~${mb} MB...`);
  const baseline = await runNode([BASELINE_SCRIPT, input.path], { reportFd: 1, tag: 'baseline' });

  const reportPath = join(BENCH_DIR, `report-x${input.repeats}.json`);
  log(`  buildx-doctor on ~${mb} MB...`);
  const doctor = await runNode(['--import', RSS_HOOK, CLI, 'analyze', input.path, '--format', 'json'], {
    stdoutTo: reportPath,
    reportFd: 3,
    tag: 'doctor',
  });

  let counts = null;
  const doctorOk = !doctor.error && doctor.code === 0;
  if (doctorOk) counts = await countTopLevelArrays(reportPath);
  const reportBytes = existsSync(reportPath) ? statSync(reportPath).size : 0;
  if (mb !== bigMb) rmSync(reportPath, { force: true });

  results.push({ mb, input, baseline, doctor, doctorOk, counts, reportBytes, reportPath });
}

// A run that did not finish normally is marked: its time and peak are only up to where it stopped.
const failed = (run) => Boolean(run.error || run.signal || run.code !== 0);
const mark = (run, text) => (failed(run) ? `${text} (failed)` : text);
const rows = results.map(({ input, baseline, doctor }) => [
  `${(input.bytes / MB).toFixed(1)} MB`,
  baseline.child?.lines ?? 'n/a',
  mark(baseline, secs(baseline.error ? null : baseline.seconds)),
  mib(peakKb(baseline)),
  mark(doctor, secs(doctor.error ? null : doctor.seconds)),
  mib(peakKb(doctor)),
  ratio(doctor.seconds, baseline.seconds),
  ratio(peakKb(doctor), peakKb(baseline)),
]);

const out = [];
out.push('');
out.push(`buildx-doctor memory benchmark (node ${process.version}, ${relative(ROOT, CLI)})`);
out.push('');
out.push(table(['input', 'lines', 'baseline time', 'baseline peak RSS', 'doctor time', 'doctor peak RSS', 'time ratio', 'memory ratio'], rows));
out.push('');
out.push('time ratio = doctor time / baseline time; memory ratio = doctor peak RSS / baseline peak RSS');

const [small, big] = results;
const growthLabel = `${(big.input.bytes / MB).toFixed(0)} MB / ${(small.input.bytes / MB).toFixed(0)} MB`;
const inputGrowth = big.input.bytes / small.input.bytes;
out.push('');
out.push(`memory growth (peak RSS at ${growthLabel}; the input grew ${inputGrowth.toFixed(2)}×):`);
out.push(`  baseline:      ${ratio(peakKb(big.baseline), peakKb(small.baseline))}  (${mib(peakKb(small.baseline))} -> ${mib(peakKb(big.baseline))})`);
out.push(`  buildx-doctor: ${ratio(peakKb(big.doctor), peakKb(small.doctor))}  (${mib(peakKb(small.doctor))} -> ${mib(peakKb(big.doctor))})`);
if (results.some((r) => failed(r.baseline) || failed(r.doctor))) out.push('  (a run failed, see below: its peak is only up to where it stopped, so these ratios understate)');
const doctorDelta = peakKb(big.doctor) !== null && peakKb(small.doctor) !== null ? peakKb(big.doctor) - peakKb(small.doctor) : null;
const bytesDelta = big.input.bytes - small.input.bytes;
if (doctorDelta !== null) {
  out.push(`  buildx-doctor grows ${(doctorDelta / 1024).toFixed(1)} MiB for ${(bytesDelta / MB).toFixed(1)} MB more input (${((doctorDelta * 1024) / bytesDelta).toFixed(3)} bytes of RSS per input byte)`);
}

out.push('');
out.push('report sizes (the sample holds 3 builds, so every copy adds 3 builds to the report):');
for (const r of results) {
  const sizeText = `${(r.input.bytes / MB).toFixed(1)} MB`;
  if (!r.doctorOk) {
    out.push(`  ${sizeText}: buildx-doctor failed (${describeFailure(r.doctor)})`);
    continue;
  }
  const builds = r.counts.builds ?? 'n/a';
  const findings = r.counts.findings ?? 'n/a';
  out.push(`  ${sizeText}: ${builds} builds, ${findings} findings, JSON report ${(r.reportBytes / MB).toFixed(1)} MB${typeof builds === 'number' ? ` (${(r.reportBytes / builds / 1000).toFixed(1)} KB per build)` : ''}${r.mb === bigMb ? ` -> ${relative(ROOT, r.reportPath)}` : ''}`);
}

out.push('');
out.push('details:');
for (const r of results) {
  for (const [name, run] of [['baseline', r.baseline], ['buildx-doctor', r.doctor]]) {
    const cpu = run.child?.cpuMicros !== undefined ? `${(run.child.cpuMicros / 1e6).toFixed(2)} s CPU` : 'CPU n/a';
    const cross = run.time ? `; ${TIME_BIN}: ${mib(run.time.maxRSSKb)}, ${secs(run.time.seconds)}` : '';
    const status = failed(run) ? `; ${describeFailure(run)}` : '';
    out.push(`  ${(r.input.bytes / MB).toFixed(1)} MB ${name.padEnd(13)} ${secs(run.seconds)} wall, ${cpu}, peak ${mib(peakKb(run))}${cross}${status}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = 0;
