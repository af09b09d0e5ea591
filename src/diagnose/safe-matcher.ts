import type { Signature } from './catalog.js';
import { patternSpecs, runPatterns, toMatches, type CandidateLine, type PatternSpec, type RawMatch, type SignatureMatch } from './matcher.js';

export interface MatchBudget {
  /** How long one signature may take over all the lines before it is given up. */
  perSignatureMs: number;
  /** How long all of them may take together. */
  totalMs: number;
}

export const DEFAULT_BUDGET: MatchBudget = { perSignatureMs: 2000, totalMs: 10000 };
const MAX_HITS = 32;

// The worker runs the same pure function as the main thread, from its source text: no file to
// bundle, and a pattern that backtracks forever only ever blocks the worker, which is terminated.
// It talks over its own MessageChannel so that the main thread can read what the worker already
// said (receiveMessageOnPort) before it decides that a signature ran out of time.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const runPatterns = ${runPatterns.toString()};
const { port, specs, lines, commands, maxHits } = workerData;
for (const spec of specs) {
  port.postMessage({ type: 'start', id: spec.id });
  port.postMessage({ type: 'done', id: spec.id, result: runPatterns([spec], lines, maxHits, commands) });
}
port.postMessage({ type: 'end' });
`;

export interface UntrustedResult {
  matches: SignatureMatch[];
  /** Signatures given up because their patterns took too long (catastrophic backtracking). */
  slow: string[];
}

/**
 * What is left of the total budget. Only time spent running patterns counts: starting a worker
 * thread on a loaded machine can take longer than any budget, and must not make a fast pattern
 * look slow.
 */
export class BudgetClock {
  constructor(public leftMs: number) {}
}

/**
 * Matches signatures whose patterns come from the user, in a worker thread with a time budget. A
 * pattern that does not finish in time is reported and skipped; the others still run.
 */
export async function matchUntrusted(
  signatures: Signature[],
  lines: CandidateLine[],
  budget: MatchBudget = DEFAULT_BUDGET,
  /** The total budget left, shared by the builds of one analysis. */
  clock: BudgetClock = new BudgetClock(budget.totalMs),
  /** The failing step's command, for `commands` patterns. */
  commands: CandidateLine[] = [],
): Promise<UntrustedResult> {
  const specs = patternSpecs(signatures);
  const texts = { lines: lines.map((l) => l.normalized), commands: commands.map((c) => c.normalized) };
  const raw: RawMatch[] = [];
  const slow: string[] = [];
  let remaining = specs;
  while (remaining.length > 0) {
    if (clock.leftMs <= 0) {
      // Out of total time: whatever did not run is reported as slow too.
      slow.push(...remaining.map((s) => s.id));
      break;
    }
    const { done, stuck } = await runWorker(await import('node:worker_threads'), remaining, texts, budget.perSignatureMs, clock);
    for (const result of done) raw.push(...result.raw);
    const finished = new Set(done.map((d) => d.id));
    remaining = remaining.filter((spec) => !finished.has(spec.id));
    if (stuck === undefined) break;
    if (stuck === null) {
      slow.push(...remaining.map((s) => s.id));
      break;
    }
    slow.push(stuck);
    remaining = remaining.filter((spec) => spec.id !== stuck);
  }
  return { matches: toMatches(raw, signatures, lines, commands), slow };
}

interface WorkerRun {
  done: Array<{ id: string; raw: RawMatch[] }>;
  /** The signature that ran out of time; null when the total budget ran out, undefined when all finished. */
  stuck: string | null | undefined;
}

type WorkerMessage = { type: 'start' | 'done' | 'end'; id?: string; result?: RawMatch[] };

/**
 * `threads` is node:worker_threads, imported by the caller when a user's pattern is to run: most
 * runs have none, and loading the module (with perf_hooks) took a few milliseconds of every start.
 */
function runWorker(
  threads: typeof import('node:worker_threads'),
  specs: PatternSpec[],
  texts: { lines: string[]; commands: string[] },
  perSignatureMs: number,
  clock: BudgetClock,
): Promise<WorkerRun> {
  const { MessageChannel, receiveMessageOnPort, Worker } = threads;
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, specs, lines: texts.lines, commands: texts.commands, maxHits: MAX_HITS },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const done: WorkerRun['done'] = [];
    let current: string | null = null;
    let startedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (stuck: string | null | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      port1.close();
      void worker.terminate();
      resolve({ done, stuck });
    };
    const handle = (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'start') {
        current = message.id!;
        startedAt = performance.now();
        // The clock runs only while a signature runs: from its start, never from the thread's.
        clearTimeout(timer);
        timer = setTimeout(expire, Math.max(0, Math.min(perSignatureMs, clock.leftMs)));
      } else if (message.type === 'done') {
        clock.leftMs -= performance.now() - startedAt;
        clearTimeout(timer);
        done.push({ id: message.id!, raw: message.result ?? [] });
        current = null;
      } else {
        finish(undefined);
      }
    };
    const expire = () => {
      // The worker may have finished just as the timer fired: read what it already said first.
      for (let pending = receiveMessageOnPort(port1); pending && !settled; pending = receiveMessageOnPort(port1)) handle(pending.message as WorkerMessage);
      if (settled || current === null) return;
      const spent = performance.now() - startedAt;
      clock.leftMs -= spent;
      finish(spent >= perSignatureMs || clock.leftMs > 0 ? current : null);
    };
    port1.on('message', handle);
    worker.on('error', () => finish(current));
    // A worker that exits before saying 'end' (out of memory) loses the signature it was running.
    worker.on('exit', () => {
      for (let pending = receiveMessageOnPort(port1); pending && !settled; pending = receiveMessageOnPort(port1)) handle(pending.message as WorkerMessage);
      finish(current ?? (done.length < specs.length ? specs[done.length]!.id : undefined));
    });
  });
}
