// The `baseline` input's forms, and the bounded concurrency the history reads runs with.
import { describe, expect, it } from '@jest/globals';
import { parseBaselineChoice } from '../src/github/baseline-run.js';
import { mapBounded } from '../src/github/history-runs.js';

describe('the baseline input', () => {
  it('auto by default, off in its usual spellings, a run id, a branch name', () => {
    expect(parseBaselineChoice('')).toEqual({ kind: 'auto' });
    expect(parseBaselineChoice(' Auto ')).toEqual({ kind: 'auto' });
    for (const off of ['off', 'OFF', 'none', 'false', 'no']) expect(parseBaselineChoice(off)).toEqual({ kind: 'off' });
    expect(parseBaselineChoice('17964002949')).toEqual({ kind: 'run', runId: 17964002949 });
    expect(parseBaselineChoice('main')).toEqual({ kind: 'branch', branch: 'main' });
    expect(parseBaselineChoice('release/2.x')).toEqual({ kind: 'branch', branch: 'release/2.x' });
  });

  it('refuses what cannot be a branch, in one line', () => {
    for (const bad of ['two words', 'a..b', 'feature/', '-x', 'x.lock', 'ref@{1}', 'a:b', '0', '99999999999999999999']) {
      expect(() => parseBaselineChoice(bad)).toThrow(/^"[^\n]+" is not (auto, off, a run id or a branch name|a run id)$/);
    }
  });
});

describe('mapBounded', () => {
  it('never has more than the limit in flight, starts the next as one ends, and keeps the order of results', async () => {
    const gates = Array.from({ length: 7 }, () => {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      return { promise, open };
    });
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const done = mapBounded(gates, 3, async (gate, index) => {
      started.push(index);
      most = Math.max(most, ++inFlight);
      await gate.promise;
      inFlight--;
      return index * 10;
    });
    // Let the workers reach their first gates: only three have started.
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    // Ending the second lets exactly one more start.
    gates[1]!.open();
    await gates[1]!.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const gate of gates) gate.open();
    expect(await done).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(3);
  });
});
