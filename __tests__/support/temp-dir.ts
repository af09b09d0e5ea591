// Temporary directories for tests, removed after the test file whatever its outcome: importing this
// module registers one afterAll (jest-circus runs it even when a test or a beforeAll failed).
//
// Only for directories that no process outlives the test in (files a test or a finished child
// writes). jest runs afterAll hooks in the order they were declared, and this one is declared
// first (imports run before the test file's body): a daemon's directory is removed by its own
// stop() instead, after the daemon has ended.
import { afterAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** Removes every directory tempDir() made so far (the afterAll below; a test may call it too). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

afterAll(removeTempDirs);

/** A new directory `os.tmpdir()/PREFIXxxxxxx`; name it `bxd-…` (the prefix the run's guard knows). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
