import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveLogFiles } from '../src/action/resolve-logs.js';

// A plain path is looked up without @actions/glob (it is loaded only for a real glob): both ways
// must give the same answers.
describe('the logs input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bxd-logs-'));
  writeFileSync(join(dir, 'a.log'), 'x');
  writeFileSync(join(dir, 'b.log'), 'x');
  mkdirSync(join(dir, 'dir.log'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = (sources: Array<{ label: string }>) => sources.map((s) => s.label.slice(s.label.lastIndexOf('/') + 1));

  it('reads a plain path, and says when it is missing or a directory', async () => {
    const problems: string[] = [];
    const sources = await resolveLogFiles([join(dir, 'a.log'), join(dir, 'missing.log'), join(dir, 'dir.log')], problems);
    expect(names(sources)).toEqual(['a.log']);
    expect(problems).toEqual([`logs: no file matches ${join(dir, 'missing.log')}`, `logs: no file matches ${join(dir, 'dir.log')}`]);
  });

  it('expands a glob to files only, once each, in order', async () => {
    const problems: string[] = [];
    const sources = await resolveLogFiles([join(dir, '*.log'), join(dir, 'a.log')], problems);
    expect(names(sources)).toEqual(['a.log', 'b.log']);
    expect(problems).toEqual([]);
  });
});
