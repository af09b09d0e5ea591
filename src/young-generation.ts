/**
 * How large V8's young generation may grow, per semi-space. Measured on the 100 MB plain input
 * (README, Benchmark): left alone it grows to 16 MiB a semi-space (32 MiB of RSS for the young
 * generation alone, a peak of 106-117 MiB); held at 4 MiB the peak is 84 MiB with no CPU cost
 * seen; held at its first 1 MiB scavenges promote more to the old generation (86-90 MiB).
 */
export const YOUNG_SEMI_SPACE_MIB = 4;

const MIB = 1024 * 1024;
let bounded = false;

/**
 * Keeps V8's young generation from growing past `semiSpaceMiB` per semi-space, from inside the
 * process: a long analysis allocates steadily, and V8 doubles the young generation each time the
 * bytes surviving its scavenges add up to its size, so a long read ends with it at the maximum,
 * however little of each line's garbage survives. The maximum (`--max-semi-space-size`) is read once when the heap is set up
 * and only a command-line flag sets it; the runner starts the action as `node dist/index.js`, and
 * `v8.setFlagsFromString` of that flag changes nothing afterwards (measured). The growth factor is
 * read at each growth: once the young generation has reached the bound, a factor of 1 stops it
 * there. A `gc` performance observer sees each growth; it lets go once the bound is set.
 *
 * Nothing here changes what is computed, only when V8 collects garbage. Idempotent; a V8 that
 * refuses the flag or lacks the statistics leaves the process as it was.
 *
 * `node:v8` and `perf_hooks` are loaded here, when a long read asks for the bound
 * (src/large-input.ts), not with the bundle: on a two-line log they were about 2% of the start.
 * `process.getBuiltinModule` loads them synchronously, so the bound is in place before the chunk
 * that asked for it is parsed; a Node without it (before 20.16) runs with V8's own young generation.
 */
export function boundYoungGeneration(semiSpaceMiB = YOUNG_SEMI_SPACE_MIB): void {
  if (bounded) return;
  bounded = true;
  if (typeof (process as Partial<Pick<NodeJS.Process, 'getBuiltinModule'>>).getBuiltinModule !== 'function') return;
  const { getHeapSpaceStatistics, setFlagsFromString } = process.getBuiltinModule('node:v8');
  const { PerformanceObserver } = process.getBuiltinModule('node:perf_hooks');
  const limit = semiSpaceMiB * MIB;
  const stopGrowing = (): boolean => {
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (newSpace === undefined) return true;
    if (newSpace.space_size < limit) return false;
    setFlagsFromString('--semi-space-growth-factor=1');
    return true;
  };
  try {
    if (stopGrowing()) return;
    const observer = new PerformanceObserver(() => {
      try {
        if (stopGrowing()) observer.disconnect();
      } catch {
        observer.disconnect();
      }
    });
    observer.observe({ entryTypes: ['gc'] });
  } catch {
    // No observer, no bound: the analysis runs the same, with V8's own young generation.
  }
}
