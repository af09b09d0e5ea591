// Start-up benchmark: the bundled action (dist/index.js) on a two-line log, run the way the runner
// runs it (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), against `node -e 0` on
// the same machine. Prints medians and their ratio, never pass/fail, and exits 0 whatever it measures.
//
//   npm run bench:start            # 21 runs of each, interleaved
//   BENCH_RUNS=51 npm run bench:start
//
// The two are interleaved so that a busy moment of the machine falls on both alike. CPU time
// (user + system, from process.resourceUsage() of the child) is shown beside wall time: on a shared
// machine it is the steadier of the two.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ACTION = join(ROOT, 'dist', 'index.js');
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 21);
const dir = mkdtempSync(join(tmpdir(), 'bxd-bench-start-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
// Ctrl-C or a CI timeout: through exit, so that the directory still goes (as in bench-memory.mjs).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const log = join(dir, 'build.log');
writeFileSync(log, '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.1s\n');
// A preloaded hook reports the child's own CPU time on fd 3 as it exits.
const hook = join(dir, 'cpu-hook.mjs');
writeFileSync(
  hook,
  "import { writeSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); try { writeSync(3, `${u.userCPUTime + u.systemCPUTime}\\n`); } catch {} });\n",
);

function runOnce(args, env) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', hook, ...args], {
      cwd: dir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let cpu = '';
    let stderr = '';
    child.stdio[3].setEncoding('utf8').on('data', (data) => (cpu += data));
    child.stderr.setEncoding('utf8').on('data', (data) => (stderr = (stderr + data).slice(-2000)));
    child.on('close', (code) => done({ seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: Number(cpu.trim()) / 1e6, code, stderr }));
  });
}

const actionEnv = () => {
  const out = join(dir, 'output');
  const summary = join(dir, 'summary.md');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  return { INPUT_LOGS: log, RUNNER_TEMP: dir, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' };
};

const samples = { node: [], action: [] };
for (let i = 0; i < RUNS; i++) {
  samples.node.push(await runOnce(['-e', '0'], {}));
  const run = await runOnce([ACTION], actionEnv());
  if (run.code !== 0) {
    process.stderr.write(`bench-start: the action exited with ${run.code}: ${run.stderr.trim().split('\n').pop()}\n`);
    process.exit(0);
  }
  samples.action.push(run);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const row = (name, runs) => ({ name, wall: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpuSeconds)) });
const node = row('node -e 0', samples.node);
const action = row('action (dist/index.js, 2-line log)', samples.action);
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
console.log(`buildx-doctor start-up (node ${process.version}, medians of ${RUNS} interleaved runs)`);
console.log('');
for (const r of [node, action]) console.log(`  ${r.name.padEnd(36)} wall ${ms(r.wall).padStart(7)}   CPU ${ms(r.cpu).padStart(7)}`);
console.log('');
console.log(`  ratio to node -e 0: wall ${(action.wall / node.wall).toFixed(2)}x, CPU ${(action.cpu / node.cpu).toFixed(2)}x   (goal: 2x)`);
