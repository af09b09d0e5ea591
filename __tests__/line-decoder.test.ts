import { describe, expect, it } from '@jest/globals';
import { LineDecoder } from '../src/decode/line-decoder.js';
import type { DecodedLine } from '../src/decode/decoded-line.js';
import { stripAnsi } from '../src/text/ansi.js';
import { stripVTControlCharacters } from 'node:util';

function decodeAll(text: string): DecodedLine[] {
  const decoder = new LineDecoder();
  return text.split('\n').map((line, i) => decoder.decode({ no: i + 1, text: line, cutBytes: 0 }));
}

describe('LineDecoder', () => {
  it('reads `gh run view --log` lines: job, step, timestamp, BOM, and continuation lines', () => {
    const lines = decodeAll(
      [
        'Build runtime\tBuild and push Docker image\t\uFEFF2025-09-24T01:56:43.2676693Z ##[group]Run docker/build-push-action@v5',
        'Build runtime\tBuild and push Docker image\t2025-09-24T01:56:43.2678025Z   tags: ghcr.io/afewell-hh/demon-runtime:main',
        'Build runtime\tBuild and push Docker image\tghcr.io/afewell-hh/demon-runtime:latest',
        'Build engine\tSet up job\t2025-09-24T01:56:21.9159530Z Current runner version',
      ].join('\n'),
    );
    expect(lines[0]).toMatchObject({
      job: 'Build runtime',
      step: 'Build and push Docker image',
      command: 'group',
      text: 'Run docker/build-push-action@v5',
      format: 'gh-run-view',
    });
    expect(lines[0]!.timestamp).toBe(Date.parse('2025-09-24T01:56:43.267Z'));
    expect(lines[1]!.text).toBe('  tags: ghcr.io/afewell-hh/demon-runtime:main');
    // A multi-line value: the job and step, no timestamp; it inherits the last timestamp.
    expect(lines[2]).toMatchObject({ job: 'Build runtime', text: 'ghcr.io/afewell-hh/demon-runtime:latest', timestamp: lines[1]!.timestamp });
    expect(lines[3]).toMatchObject({ job: 'Build engine', step: 'Set up job' });
  });

  it('treats a line without any prefix in a gh file as a continuation of the current job', () => {
    const lines = decodeAll('Build a\tStep\t2025-01-01T00:00:00.000Z first\nbare continuation');
    expect(lines[1]).toMatchObject({ job: 'Build a', step: 'Step', text: 'bare continuation' });
  });

  it('reads a job log from the API: timestamps, ANSI colours, runner commands', () => {
    const lines = decodeAll(
      [
        '\uFEFF2025-09-24T03:00:33.3117538Z ##[group]Run echo "Component: runtime"',
        '2025-09-24T03:00:33.3117892Z \u001b[36;1mecho "Component: runtime"\u001b[0m',
        '2025-09-24T03:00:34.0000000Z ##[error]buildx failed with: ERROR: failed to solve',
        'a continuation without timestamp',
      ].join('\n'),
    );
    expect(lines.map((l) => l.format)).toEqual(['actions', 'actions', 'actions', 'actions']);
    expect(lines[0]).toMatchObject({ command: 'group', text: 'Run echo "Component: runtime"', job: null });
    expect(lines[1]!.text).toBe('echo "Component: runtime"');
    expect(lines[2]).toMatchObject({ command: 'error', text: 'buildx failed with: ERROR: failed to solve' });
    expect(lines[3]!.timestamp).toBe(lines[2]!.timestamp);
  });

  it('leaves plain BuildKit output alone, even with tabs in it', () => {
    const lines = decodeAll('#8 0.057 -rw-r--r--\t1 root\n#8 DONE 0.1s');
    expect(lines[0]).toMatchObject({ format: 'plain', text: '#8 0.057 -rw-r--r--\t1 root', timestamp: null, job: null });
    expect(lines[1]!.text).toBe('#8 DONE 0.1s');
  });

  it('rejects impossible timestamps instead of inventing times', () => {
    const lines = decodeAll('2025-09-24T25:61:00.0000000Z text');
    expect(lines[0]!.timestamp).toBeNull();
  });
});

describe('stripAnsi', () => {
  // Node's util.stripVTControlCharacters is the obvious replacement; these are the sequences of real
  // CI logs it leaves in the text, which is why the project keeps its own pattern.
  const nodeMisses: Array<[string, string, string]> = [
    ['an OSC title with a space', '\u001b]0;docker build .\u0007#5 DONE 0.1s', '#5 DONE 0.1s'],
    ["Buildkite's APC timestamp", '\u001b_bk;t=1700000000000\u0007#5 DONE 0.1s', '#5 DONE 0.1s'],
    ['a CSI with an intermediate byte (cursor shape)', '\u001b[1 q#5 DONE 0.1s', '#5 DONE 0.1s'],
  ];
  it.each(nodeMisses)('removes %s, which Node leaves', (_what, input, expected) => {
    expect(stripAnsi(input)).toBe(expected);
    expect(stripVTControlCharacters(input)).not.toBe(expected);
  });

  it('removes what both remove: colours, cursor moves, private modes, OSC 8 links', () => {
    const inputs = [
      '\u001b[31mred\u001b[0m',
      '\u001b[38;5;196mx\u001b[m',
      '\u001b[2K\u001b[1Gline',
      '\u001b[?25lhidden\u001b[?25h',
      '\u001b]8;;https://example.com/a?b=c\u001b\\link\u001b]8;;\u001b\\',
    ];
    expect(inputs.map(stripAnsi)).toEqual(['red', 'x', 'line', 'hidden', 'link']);
    expect(inputs.map(stripVTControlCharacters)).toEqual(inputs.map(stripAnsi));
  });

  it('the line decoder uses it: a Buildkite timestamp does not reach the text', () => {
    expect(decodeAll('\u001b_bk;t=1700000000000\u0007#5 [2/2] RUN make')[0]!.text).toBe('#5 [2/2] RUN make');
  });
});

describe('parseRunnerTimestamp', () => {
  it('agrees with Date.parse on the runner format and rejects anything else', async () => {
    const { parseRunnerTimestamp } = await import('../src/decode/timestamp.js');
    for (const text of ['2025-09-24T01:56:21.9780659Z', '2025-09-24T01:56:21Z', '2025-09-24T23:59:59.5Z', '2026-01-01T00:00:00.000Z']) {
      expect(parseRunnerTimestamp(text)).toBe(Date.parse(text.replace(/(\.\d{3})\d+Z$/, '$1Z')));
    }
    for (const text of ['2025-09-24 01:56:21Z', '2025-09-24T01:56:21.Z', '2025-13-45T01:56:21Z', 'xxxx-09-24T01:56:21Z', '2025-09-24T01:5a:21Z']) {
      expect(parseRunnerTimestamp(text)).toBeNull();
    }
  });
});
