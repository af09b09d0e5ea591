// Golden reports: for each real log in __tests__/golden/ (NAME.in), the JSON report and the Markdown
// job summary the engine makes of it are committed beside it (NAME.ok.json, NAME.ok.md), as
// reviewdog/errorformat keeps its .in/.ok pairs. Any change of output shows up here as a diff; when
// the change is meant, `npm run golden:update` rewrites the .ok files and the diff is reviewed in the
// commit. golden/README.md says where each input comes from.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/cli.js';
import { TOOL_VERSION } from '../src/version.js';
import { ROOT } from './support/analyze-text.js';
import { lineDiff } from './support/line-diff.js';

const GOLDEN = join(ROOT, '__tests__', 'golden');
/** Set by `npm run golden:update`: write the outputs as the new goldens instead of comparing. */
const UPDATE = process.env.BXD_GOLDEN_UPDATE === '1';
const NAMES = readdirSync(GOLDEN)
  .filter((file) => file.endsWith('.in'))
  .map((file) => file.slice(0, -'.in'.length))
  .sort();
const FORMATS = [
  { format: 'json', ext: 'ok.json' },
  { format: 'markdown', ext: 'ok.md' },
] as const;

// An empty directory as the workspace: the CLI reads Dockerfiles from it (to verify a finding's
// line), and the machine's own current directory must not change a golden. The logs are read as
// copies named NAME.log: the engine names a build after its file without a log extension (.log,
// .txt, .stderr…), and `.in` is none, so the goldens show the names a user sees.
let scratch: string;
let workspace: string;
let logs: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bxd-golden-'));
  workspace = join(scratch, 'workspace');
  logs = join(scratch, 'logs');
  mkdirSync(workspace);
  mkdirSync(logs);
  for (const name of NAMES) copyFileSync(join(GOLDEN, `${name}.in`), join(logs, `${name}.log`));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The engine's output with what depends on the machine or the release rather than on the log
 * replaced, so that a golden changes only when the reading of a log changes:
 * - absolute paths: the input is given by its absolute path (so the output does not depend on the
 *   directory jest runs from) and the report names it (`source`): the temporary copies are
 *   `<logs>/NAME.log`, the temporary workspace is `<workspace>`, the repository is `<repo>`;
 * - `tool.version`: the package version, which every release bumps, is `<version>` (checked first
 *   to be the package's own, so nothing else is hidden).
 * Nothing else varies: durations come from the log's timestamps, not from measuring the analysis;
 * the report carries no date of its own; the built-in signatures run without a time budget (only
 * user patterns have one, and the goldens use none). Two runs in a row give the same bytes (tested).
 */
function normalise(text: string, format: 'json' | 'markdown'): string {
  let out = text.split(workspace).join('<workspace>').split(logs).join('<logs>').split(ROOT).join('<repo>');
  if (format === 'json') {
    const report = JSON.parse(out) as { tool: { version: string } };
    expect(report.tool.version).toBe(TOOL_VERSION);
    report.tool.version = '<version>';
    out = `${JSON.stringify(report, null, 2)}\n`;
  }
  return out;
}

async function engineOutput(name: string, format: 'json' | 'markdown'): Promise<string> {
  let stdout = '';
  let stderr = '';
  const args = ['analyze', join(logs, `${name}.log`), '--format', format, '--workspace', workspace];
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {} });
  if (code !== 0) throw new Error(`buildx-doctor ${args.join(' ')} exited ${code}: ${stderr}`);
  return normalise(stdout, format);
}

it('has the real logs of each kind: a multi-job GitHub run, plain, rawjson, failing, legacy builder', () => {
  expect(NAMES.length).toBeGreaterThanOrEqual(6);
  // An .ok file whose log was removed would be compared with nothing and kept forever.
  const orphans = readdirSync(GOLDEN).filter((file) => /\.ok\.(json|md)$/.test(file) && !NAMES.includes(file.replace(/\.ok\.(json|md)$/, '')));
  expect(orphans).toEqual([]);
});

describe.each(NAMES)('%s', (name) => {
  it.each(FORMATS)('$ext is what the engine makes of the log', async ({ format, ext }) => {
    const actual = await engineOutput(name, format);
    const file = join(GOLDEN, `${name}.${ext}`);
    if (UPDATE) writeFileSync(file, actual);
    let expected: string;
    try {
      expected = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${file} is missing: run \`npm run golden:update\` and review the new file`);
    }
    const diff = lineDiff(expected, actual);
    if (diff !== '') {
      throw new Error(
        `__tests__/golden/${name}.${ext} differs from the engine's output (- golden, + now):\n${diff}\n\nIf the change is meant: \`npm run golden:update\`, and review the diff of the .ok files.`,
      );
    }
  });
});

describe('the golden machinery', () => {
  it('the output is the same twice (golden:update is deterministic)', async () => {
    const name = NAMES[0]!;
    for (const { format } of FORMATS) expect(await engineOutput(name, format)).toBe(await engineOutput(name, format));
  });

  it('a changed line is shown with its context, golden and now', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = before.replace('e', 'E').replace('j', 'j\nk');
    expect(lineDiff(before, before)).toBe('');
    expect(lineDiff(before, after)).toBe(['@@ -2,9 +2,10 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ' i', ' j', '+k'].join('\n'));
  });
});
