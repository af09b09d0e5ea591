import { Worker } from 'node:worker_threads';
import type { Signature } from './catalog.js';
import { runPatterns, toMatches, type CandidateLine, type RawMatch, type SignatureMatch } from './matcher.js';

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
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const runPatterns = ${runPatterns.toString()};
parentPort.on('message', ({ specs, lines, maxHits }) => {
  for (const spec of specs) {
    parentPort.postMessage({ type: 'start', id: spec.id });
    parentPort.postMessage({ type: 'done', id: spec.id, result: runPatterns([spec], lines, maxHits) });
  }
  parentPort.postMessage({ type: 'end' });
});
`;

export interface UntrustedResult {
  matches: SignatureMatch[];
  /** Signatures given up because their patterns took too long (catastrophic backtracking). */
  slow: string[];
}

/**
 * Matches signatures whose patterns come from the user, in a worker thread with a time budget. A
 * pattern that does not finish in time is reported and skipped; the others still run.
 */
export async function matchUntrusted(
  signatures: Signature[],
  lines: CandidateLine[],
  budget: MatchBudget = DEFAULT_BUDGET,
  /** When all matching must end (shared by the builds of one analysis). */
  deadline: number = Date.now() + budget.totalMs,
): Promise<UntrustedResult> {
  const specs = signatures.filter((s) => s.patterns.length > 0).map((s) => ({ id: s.id, sources: s.patterns.map((p) => p.source), ignoreCase: s.ignoreCase }));
  const texts = lines.map((l) => l.normalized);
  const raw: RawMatch[] = [];
  const slow: string[] = [];
  let remaining = specs;
  if (Date.now() >= deadline) return { matches: [], slow: specs.map((s) => s.id) };
  while (remaining.length > 0) {
    const { done, stuck } = await runWorker(remaining, texts, budget.perSignatureMs, deadline);
    for (const result of done) raw.push(...result.raw);
    const finished = new Set(done.map((d) => d.id));
    remaining = remaining.filter((spec) => !finished.has(spec.id));
    if (stuck === undefined) break;
    if (stuck === null) {
      // Out of total time: whatever did not run is reported as slow too.
      slow.push(...remaining.map((s) => s.id));
      break;
    }
    slow.push(stuck);
    remaining = remaining.filter((spec) => spec.id !== stuck);
  }
  return { matches: toMatches(raw, signatures, lines), slow };
}

interface WorkerRun {
  done: Array<{ id: string; raw: RawMatch[] }>;
  /** The signature that ran out of time; null when the total budget ran out, undefined when all finished. */
  stuck: string | null | undefined;
}

function runWorker(specs: Array<{ id: string; sources: string[]; ignoreCase: boolean }>, lines: string[], perSignatureMs: number, deadline: number): Promise<WorkerRun> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const done: WorkerRun['done'] = [];
    let current: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (stuck: string | null | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ done, stuck });
    };
    const arm = () => {
      clearTimeout(timer);
      const left = deadline - Date.now();
      timer = left < perSignatureMs ? setTimeout(() => finish(left <= 0 ? null : current), Math.max(0, left)) : setTimeout(() => finish(current), perSignatureMs);
    };
    worker.on('message', (message: { type: string; id?: string; result?: RawMatch[] }) => {
      if (message.type === 'start') {
        current = message.id!;
        arm();
      } else if (message.type === 'done') {
        done.push({ id: message.id!, raw: message.result ?? [] });
        current = null;
      } else if (message.type === 'end') {
        finish(undefined);
      }
    });
    worker.on('error', () => finish(current));
    // A worker that exits before saying 'end' (out of memory) loses the signature it was running.
    worker.on('exit', () => finish(current ?? (done.length < specs.length ? specs[done.length]!.id : undefined)));
    worker.postMessage({ specs, lines, maxHits: MAX_HITS });
    arm();
  });
}
