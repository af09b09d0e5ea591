// Time and memory benchmark of the bundled CLI against Node's readline reading the same file. Prints
// ratios, never pass/fail, and exits 0 whatever it measures.
//
//   npm run bench                  # plain and rawjson logs of about 100 MB and 1 GB
//   npm run bench -- 50 200        # other sizes, in MB (or BENCH_SMALL_MB / BENCH_MB)
//   BENCH_FORMATS=plain npm run bench
//
// The inputs are generated into a temporary directory and deleted after (and on Ctrl-C):
//   plain    the shipped sample (a `gh run view --log` file of a 3-job publish run) repeated;
//   rawjson  one `--progress=rawjson` build whose RUN step prints four lines per log object (a
//            compiler's output), as buildx writes it: one SolveStatus object a line.
// Each measurement runs in its own child process, so a peak RSS belongs to that process alone:
//   readline       node reading the file with readline over fs.createReadStream, counting lines;
//   buildx-doctor  node dist/cli.js analyze FILE --format json, its report written to the temp dir.
// Peak RSS is process.resourceUsage().maxRSS read in an 'exit' handler inside the child: the
// baseline prints it on stdout; the CLI gets the handler from a module preloaded with --import and
// reports on fd 3, so its stdout stays the report. When /usr/bin/time exists it wraps each child
// too, as a cross-check (and as the only figure left if a child dies without running exit handlers).
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SAMPLE = join(ROOT, 'samples', 'docker-publish-17964002949.log');
const BENCH_DIR = mkdtempSync(join(tmpdir(), 'bxd-bench-'));
const cleanUp = () => rmSync(BENCH_DIR, { recursive: true, force: true });
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
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

const [argSmall, argBig] = process.argv.length > 3 ? [process.argv[2], process.argv[3]] : [undefined, process.argv[2]];
const bigMb = sizeSetting(argBig ?? process.env.BENCH_MB, 'the large size (argument or BENCH_MB)', 1000);
let smallMb = sizeSetting(argSmall ?? process.env.BENCH_SMALL_MB, 'the small size (argument or BENCH_SMALL_MB)', 100);
if (smallMb >= bigMb) smallMb = bigMb / 10;
const formats = (process.env.BENCH_FORMATS ?? 'plain,rawjson')
  .split(',')
  .map((f) => f.trim())
  .filter(Boolean);
for (const format of formats) if (format !== 'plain' && format !== 'rawjson') die(`BENCH_FORMATS: unknown format "${format}" (plain, rawjson)`);

const log = (text) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------
// Inputs

const sample = readFileSync(SAMPLE);
const sampleEndsWithNewline = sample.length > 0 && sample[sample.length - 1] === 0x0a;
const unit = sampleEndsWithNewline ? sample : Buffer.concat([sample, Buffer.from('\n')]);

/** Writes `mb` MB of `format` into the temp dir: the sample repeated, or a generated rawjson build. */
function writeInput(format, mb) {
  const path = join(BENCH_DIR, `${format}-${mb}mb.log`);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let chunk = '';
  const flush = () => {
    const data = Buffer.from(chunk, 'utf8');
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
    bytes += data.length;
    chunk = '';
  };
  try {
    if (format === 'plain') {
      const repeats = Math.max(1, Math.round((mb * MB) / unit.length));
      for (let i = 0; i < repeats; i++) for (let written = 0; written < unit.length;) written += writeSync(fd, unit, written, unit.length - written);
      return { path, bytes: repeats * unit.length, what: `${repeats} copies of the sample` };
    }
    const digest = (n) => `sha256:${String(n).padStart(64, '0')}`;
    const ts = (ms) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString().replace('Z', '000000Z');
    const put = (object) => {
      chunk += `${JSON.stringify(object)}\n`;
      if (chunk.length > 1 << 20) flush();
    };
    let t = 0;
    put({ vertexes: [{ digest: digest(1), name: '[internal] load build definition from Dockerfile', started: ts(t), completed: ts((t += 5)) }] });
    put({ vertexes: [{ digest: digest(2), name: '[1/2] FROM docker.io/library/busybox:1', started: ts(t), completed: ts((t += 5)), cached: true }] });
    put({ vertexes: [{ digest: digest(3), name: '[2/2] RUN cargo build --release', started: ts(t) }] });
    let n = 0;
    while (bytes + chunk.length < mb * MB) {
      const lines = [];
      for (let k = 0; k < 4; k++) lines.push(`   Compiling module-${++n} v0.${n % 100}.0 (/src/crates/module-${n})`);
      put({ logs: [{ vertex: digest(3), stream: 1, data: Buffer.from(`${lines.join('\n')}\n`).toString('base64'), timestamp: ts((t += 1)) }] });
    }
    put({ vertexes: [{ digest: digest(3), name: '[2/2] RUN cargo build --release', started: ts(10), completed: ts((t += 5)) }] });
    put({ vertexes: [{ digest: digest(4), name: 'exporting to image', started: ts(t), completed: ts((t += 50)) }] });
    flush();
    return { path, bytes, what: `one build, ${n} output lines` };
  } finally {
    closeSync(fd);
  }
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
    const stdio = ['ignore', reportFd === 1 ? 'pipe' : (outFd ?? 'ignore'), 'pipe'];
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
      let child_;
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

writeHelpers();

const sizes = [smallMb, bigMb];
const results = [];
log(`bench-memory: ${formats.join(' and ')} logs of ${sizes.map((s) => `~${s} MB`).join(' and ')}, generated in ${BENCH_DIR} (deleted after)`);
log(
  `bench-memory: peak RSS from process.resourceUsage() in each child${hasTime ? `, cross-checked with ${TIME_BIN}` : ` (${TIME_BIN} not found: no cross-check)`}`,
);

for (const format of formats) {
  for (const mb of sizes) {
    const started = Date.now();
    const input = writeInput(format, mb);
    log(`  ${format} ${(input.bytes / MB).toFixed(1)} MB (${input.what}), written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    log('    readline...');
    const baseline = await runNode([BASELINE_SCRIPT, input.path], { reportFd: 1, tag: 'baseline' });
    const reportPath = join(BENCH_DIR, 'report.json');
    log('    buildx-doctor...');
    const doctor = await runNode(['--import', RSS_HOOK, CLI, 'analyze', input.path, '--format', 'json'], { stdoutTo: reportPath, reportFd: 3, tag: 'doctor' });
    const doctorOk = !doctor.error && doctor.code === 0;
    const counts = doctorOk ? await countTopLevelArrays(reportPath) : null;
    const reportBytes = existsSync(reportPath) ? statSync(reportPath).size : 0;
    rmSync(reportPath, { force: true });
    rmSync(input.path, { force: true });
    results.push({ format, mb, input, baseline, doctor, doctorOk, counts, reportBytes });
  }
}

// A run that did not finish normally is marked: its time and peak are only up to where it stopped.
const failed = (run) => Boolean(run.error || run.signal || run.code !== 0);
const mark = (run, text) => (failed(run) ? `${text} (failed)` : text);
const cpu = (run) => (run.child?.cpuMicros !== undefined ? run.child.cpuMicros / 1e6 : null);
const rows = results.map(({ format, input, baseline, doctor }) => [
  format,
  `${(input.bytes / MB).toFixed(1)} MB`,
  baseline.child?.lines ?? 'n/a',
  mark(baseline, secs(baseline.error ? null : baseline.seconds)),
  mark(doctor, secs(doctor.error ? null : doctor.seconds)),
  ratio(doctor.seconds, baseline.seconds),
  ratio(cpu(doctor), cpu(baseline)),
  mib(peakKb(baseline)),
  mib(peakKb(doctor)),
]);

const out = [];
out.push('');
out.push(`buildx-doctor benchmark (node ${process.version}, ${relative(ROOT, CLI)})`);
out.push('');
out.push(table(['format', 'input', 'lines', 'readline', 'buildx-doctor', 'time ratio', 'CPU ratio', 'readline peak RSS', 'doctor peak RSS'], rows));
out.push('');
out.push('time ratio = buildx-doctor wall time / readline wall time on the same file; CPU ratio the same for user+system CPU');

out.push('');
out.push('memory growth (peak RSS, large input against small):');
for (const format of formats) {
  const [small, big] = results.filter((r) => r.format === format);
  if (!small || !big) continue;
  const delta = peakKb(big.doctor) !== null && peakKb(small.doctor) !== null ? peakKb(big.doctor) - peakKb(small.doctor) : null;
  out.push(
    `  ${format.padEnd(8)} input ${(big.input.bytes / small.input.bytes).toFixed(1)}×: readline ${ratio(peakKb(big.baseline), peakKb(small.baseline))}, buildx-doctor ${ratio(peakKb(big.doctor), peakKb(small.doctor))}` +
      (delta === null
        ? ''
        : ` (${mib(peakKb(small.doctor))} -> ${mib(peakKb(big.doctor))}, ${((delta * 1024) / (big.input.bytes - small.input.bytes)).toFixed(4)} bytes of RSS per input byte)`),
  );
}
if (results.some((r) => failed(r.baseline) || failed(r.doctor))) out.push('  (a run failed, see below: its peak is only up to where it stopped)');

out.push('');
out.push('reports:');
for (const r of results) {
  const sizeText = `${r.format} ${(r.input.bytes / MB).toFixed(1)} MB`;
  if (!r.doctorOk) {
    out.push(`  ${sizeText}: buildx-doctor failed (${describeFailure(r.doctor)})`);
    continue;
  }
  out.push(`  ${sizeText}: ${r.counts.builds ?? 'n/a'} builds, ${r.counts.findings ?? 'n/a'} findings, JSON report ${(r.reportBytes / MB).toFixed(1)} MB`);
}

out.push('');
out.push('details:');
for (const r of results) {
  for (const [name, run] of [
    ['readline', r.baseline],
    ['buildx-doctor', r.doctor],
  ]) {
    const cpuText = cpu(run) !== null ? `${cpu(run).toFixed(2)} s CPU` : 'CPU n/a';
    const cross = run.time ? `; ${TIME_BIN}: ${mib(run.time.maxRSSKb)}, ${secs(run.time.seconds)}` : '';
    const status = failed(run) ? `; ${describeFailure(run)}` : '';
    out.push(
      `  ${r.format} ${(r.input.bytes / MB).toFixed(1)} MB ${name.padEnd(13)} ${secs(run.seconds)} wall, ${cpuText}, peak ${mib(peakKb(run))}${cross}${status}`,
    );
  }
}
process.stdout.write(`${out.join('\n')}\n`);
process.exitCode = 0;
