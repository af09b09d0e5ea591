import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/analyze-text.js';
import { TOOL_VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8');

describe('package and action metadata', () => {
  it('the version the reports carry is the package version', () => {
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('the CLI is the package bin and the action runs on node24 from dist/', () => {
    expect(pkg.bin['buildx-doctor']).toBe('dist/cli.js');
    expect(actionYml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js$/m);
  });

  it('every input and output is kebab-case and described', () => {
    const section = (name: string) => actionYml.split(`\n${name}:\n`)[1]!.split(/\n[a-z]+:\n/)[0]!;
    for (const part of [section('inputs'), section('outputs')]) {
      const names = [...part.matchAll(/^ {2}([^\s:]+):$/gm)].map((m) => m[1]!);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect((part.match(/^ {4}description:/gm) ?? []).length).toBe(names.length);
    }
  });
});
