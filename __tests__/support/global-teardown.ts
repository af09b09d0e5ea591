// jest's globalTeardown (jest.config.js): runs after every test file, once the workers have ended.
// Restores TMPDIR, removes the run's directory (global-setup.ts), and fails the run, naming them,
// when the tests or the product left temporary entries of theirs in it.
//
// jest loads this file with require(), which cannot follow the tests' `./x.js` import paths: it
// imports nothing of the project (hence the names below, also in global-setup.ts, and its own
// reading of the mount table, as process-tools.ts has one).
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';

const RUN_DIR_VARIABLE = 'BXD_RUN_TMPDIR';
const OUTER_TMPDIR_VARIABLE = 'BXD_OUTER_TMPDIR';

/** The names the tests (bxd-) and the product (buildx-doctor-) give their temporary entries. */
export const OWN_PREFIXES = ['bxd-', 'buildx-doctor-'];

/** What is left in `dir`, split into our entries (a leak) and those of other programs. */
export function leftoversIn(dir: string): { ours: string[]; others: string[] } {
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const isOurs = (name: string) => OWN_PREFIXES.some((prefix) => name.startsWith(prefix));
  return { ours: names.filter(isOurs), others: names.filter((name) => !isOurs(name)) };
}

/** Mount points at or under `dir` (Linux; none where /proc/self/mountinfo cannot be read). */
export function mountsUnder(dir: string, mountinfo: string | null = readMountinfo()): string[] {
  if (mountinfo === null) return [];
  const points = mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((point): point is string => !!point)
    .map((point) => point.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8))));
  return [...new Set(points.filter((point) => point === dir || point.startsWith(`${dir}/`)))].sort();
}

function readMountinfo(): string | null {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return null;
  }
}

/**
 * Restores TMPDIR, removes the run's directory, and returns the problems to fail the run with: our
 * entries left in it (removed now, but a test or the product forgot them), or mounts under it (the
 * directory is then left in place: removing through a mount would delete what the mount shows).
 * Other programs' entries (a browser's, a daemon's) go with the directory and are only noted.
 */
export function finishRunTempDir(
  env: NodeJS.ProcessEnv = process.env,
  note: (text: string) => void = () => undefined,
  mountinfo: string | null = readMountinfo(),
): string[] {
  const dir = env[RUN_DIR_VARIABLE];
  if (!dir) return [];
  const outer = env[OUTER_TMPDIR_VARIABLE];
  if (outer) env.TMPDIR = outer;
  else delete env.TMPDIR;
  delete env[OUTER_TMPDIR_VARIABLE];
  delete env[RUN_DIR_VARIABLE];

  const problems: string[] = [];
  const { ours, others } = leftoversIn(dir);
  if (ours.length > 0) {
    problems.push(
      `the tests left ${ours.length} temporary ${ours.length === 1 ? 'entry' : 'entries'} in ${dir}: ${ours.join(', ')}. ` +
        'A test removes what it makes, also when it fails: tempDir() of __tests__/support/temp-dir.ts, afterAll or try/finally.',
    );
  }
  if (others.length > 0) note(`removing what other programs left in ${dir}: ${others.join(', ')}`);
  const mounts = existsSync(dir) ? mountsUnder(realpathSync(dir), mountinfo) : [];
  if (mounts.length > 0) {
    problems.push(`${dir} is left in place: it still holds mounts (${mounts.join(', ')}), so a daemon a test started was not stopped`);
    return problems;
  }
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  } catch (error) {
    problems.push(`could not remove ${dir}: ${(error as Error).message}`);
  }
  return problems;
}

export default function globalTeardown(): void {
  const problems = finishRunTempDir(process.env, (text) => process.stderr.write(`buildx-doctor tests: ${text}\n`));
  if (problems.length > 0) throw new Error(`temporary files of this run:\n- ${problems.join('\n- ')}`);
}
