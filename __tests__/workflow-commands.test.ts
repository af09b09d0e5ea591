import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSummary, escapeParameter, getInput, heredocDelimiter, setFailed, setOutput, setSecret, warning } from '../src/action/workflow-commands.js';

// The runner's protocol, written by buildx-doctor itself (not @actions/core): what a log line can
// do to it is what these tests pin down.
describe('workflow commands', () => {
  let dir: string;
  let written: string[];
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bxd-commands-'));
    written = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads an input as the runner passes it: upper case, spaces as underscores, trimmed', () => {
    expect(getInput('fail-on', { 'INPUT_FAIL-ON': '  error \n' })).toBe('error');
    expect(getInput('my input', { INPUT_MY_INPUT: 'x' })).toBe('x');
    expect(getInput('absent', {})).toBe('');
  });

  it('writes an output as a heredoc with a random delimiter, so that a value cannot end it', () => {
    const file = join(dir, 'output');
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    // A value that tries to end a fixed delimiter and set an output of its own.
    setOutput('root-cause', 'x\nEOF\nstatus=success');
    const text = readFileSync(file, 'utf8');
    const match = /^root-cause<<(ghadelimiter_[0-9a-f]{32})\nx\nEOF\nstatus=success\n\1\n$/.exec(text);
    expect(match).not.toBeNull();
    expect(written).toEqual([]);
  });

  it('never uses a delimiter the value holds: it draws another', () => {
    // A random source that repeats itself: the first delimiter drawn is the one the value holds.
    const draws = [0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25];
    const scripted = () => draws.shift()!;
    const held = `ghadelimiter_${'80000000'.repeat(4)}`;
    const delimiter = heredocDelimiter(`x\n${held}\nstatus=success`, scripted);
    expect(delimiter).toBe(`ghadelimiter_${'40000000'.repeat(4)}`);
    expect(draws).toEqual([]);
    // Through setOutput: the value read back as the runner reads a heredoc is the value given.
    const file = join(dir, 'output');
    writeFileSync(file, '');
    process.env.GITHUB_OUTPUT = file;
    const value = `x\n${held}\nstatus=success`;
    setOutput('root-cause', value);
    const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
    const end = first!.slice('root-cause<<'.length);
    expect(rest.slice(0, rest.indexOf(end)).join('\n')).toBe(value);
  });

  it('escapes annotations so that log text cannot end the command or start another', () => {
    warning('line one\n::error::forged 100%', { title: 'a:b,c', file: 'Dockerfile', startLine: 12, startColumn: 3 });
    expect(written).toEqual(['::warning title=a%3Ab%2Cc,file=Dockerfile,line=12,col=3::line one%0A::error::forged 100%25\n']);
    expect(escapeParameter('x\r\ny')).toBe('x%0D%0Ay');
  });

  it('masks a secret, and a failure sets the exit status with an error annotation', () => {
    setSecret('tok\nen');
    setFailed('findings of severity error');
    expect(written).toEqual(['::add-mask::tok%0Aen\n', '::error::findings of severity error\n']);
    expect(process.exitCode).toBe(1);
  });

  it('appends to the job summary, and does nothing outside a runner', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    await appendSummary('## buildx-doctor\n');
    expect(readFileSync(file, 'utf8')).toBe('before\n## buildx-doctor\n');
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(appendSummary('x')).resolves.toBeUndefined();
  });
});
