// jest's globalSetup (jest.config.js, so the unit run and the tiers both have it): gives the run a
// temporary directory of its own. It makes the directory and points TMPDIR at it before the workers
// start, so that os.tmpdir() in every worker, and in every child that inherits the environment, is
// that directory; global-teardown.ts then fails the run if the tests left anything of theirs in it.
// A directory per run, rather than a before/after listing of the shared /tmp, so that other runs and
// programs on the machine making bxd-* entries at the same time are never taken for a leak of ours.
//
// jest loads this file with require() (not as the tests' ES modules), which cannot follow the tests'
// `./x.js` import paths: it imports nothing of the project, and global-teardown.ts neither.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run's directory and the TMPDIR it replaced, for global-teardown.ts (which names them again). */
export const RUN_DIR_VARIABLE = 'BXD_RUN_TMPDIR';
export const OUTER_TMPDIR_VARIABLE = 'BXD_OUTER_TMPDIR';

/** Makes the run's directory under `base` (os.tmpdir()) and points TMPDIR at it; returns it. */
export function startRunTempDir(env: NodeJS.ProcessEnv = process.env, base: string = tmpdir()): string {
  const dir = mkdtempSync(join(base, 'bxd-jest-'));
  // Sticky and writable by all, as /tmp is: the tiers start daemons and a browser, and one that
  // drops root must still find a temporary directory it can write to.
  chmodSync(dir, 0o1777);
  // An empty value stands for "TMPDIR was not set" (an empty TMPDIR means the same to os.tmpdir()).
  env[OUTER_TMPDIR_VARIABLE] = env.TMPDIR ?? '';
  env[RUN_DIR_VARIABLE] = dir;
  env.TMPDIR = dir;
  return dir;
}

export default function globalSetup(): void {
  startRunTempDir();
}
