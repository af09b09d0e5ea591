import { describe, expect, it } from '@jest/globals';
import { StepLineIndex } from '../src/github/step-lines.js';
import { wrap } from '../src/report/text-report.js';
import { groupFindings } from '../src/analyze/group.js';
import type { Finding } from '../src/model.js';
import { ganttChart } from '../src/report/gantt.js';
import { analyzeText } from './support/analyze-text.js';

describe('which step a job log line belongs to', () => {
  // As the API serves it: a byte-order mark first.
  const log = [
    '\uFEFF2025-09-24T02:00:00.1000000Z Current runner version: 2.328.0',
    '2025-09-24T02:00:01.5000000Z ##[group]GITHUB_TOKEN Permissions',
    '2025-09-24T02:00:04.0000000Z ##[group]Run actions/checkout@v4',
    '2025-09-24T02:00:05.0000000Z Syncing repository',
    '2025-09-24T02:00:09.9000000Z ##[group]Run docker/build-push-action@v6',
    '2025-09-24T02:00:10.0000000Z #1 [internal] load build definition from Dockerfile',
  ].join('\n');
  const steps = [
    { number: 1, name: 'Set up job', startedAt: '2025-09-24T02:00:01Z' },
    { number: 2, name: 'Run actions/checkout@v4', startedAt: '2025-09-24T02:00:04Z' },
    { number: 3, name: 'Skipped', startedAt: null },
    { number: 4, name: 'Build and push', startedAt: '2025-09-24T02:00:09Z' },
  ];

  it.each([1, 7, 64, 100_000])("finds each step's first line, whatever the chunk size (%d bytes)", async (size) => {
    const index = new StepLineIndex(steps);
    const bytes = Buffer.from(log);
    const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    const seen: Buffer[] = [];
    for await (const chunk of index.watch(chunks)) seen.push(chunk);
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
    expect(index.starts()).toEqual([
      { number: 1, name: 'Set up job', firstLine: 1 },
      { number: 2, name: 'Run actions/checkout@v4', firstLine: 3 },
      { number: 4, name: 'Build and push', firstLine: 5 },
    ]);
    expect(StepLineIndex.stepOf(index.starts(), 6)).toMatchObject({ number: 4 });
    expect(StepLineIndex.stepOf(index.starts(), 4)).toMatchObject({ number: 2 });
  });
});

describe('wrapping for a terminal', () => {
  it('splits at spaces within the width, indents continuations, and breaks words longer than a line', () => {
    const text = 'fix: ' + 'word '.repeat(30) + 'x'.repeat(70);
    const lines = wrap(text, 40, '    ');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines[0]!.startsWith('    fix: word')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('      '))).toBe(true);
    // Nothing lost: the same characters, only the spaces differ.
    expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('never cuts without a width', () => {
    const long = 'y'.repeat(500);
    expect(wrap(long, null)).toEqual([long]);
  });
});

describe('grouping findings over builds', () => {
  const finding = (id: string, build: string, extra: Partial<Finding> = {}): Finding => ({
    id,
    severity: 'warning',
    title: `${id} in ${build}`,
    fix: `facts of ${build}\n\nthe advice`,
    evidence: [],
    build,
    source: 'x.log',
    ...extra,
  });

  it('one group per kind, the advice once, a row per build; a slow build explained by emulation is folded into it', () => {
    const findings = [
      finding('qemu-emulation', 'a', { data: { platform: 'linux/arm64', nativePlatform: 'linux/amd64', ratio: 8, extraSeconds: 600, step: 'RUN make' } }),
      finding('qemu-emulation', 'b', { data: { platform: 'linux/arm64', nativePlatform: 'linux/amd64', ratio: 6, extraSeconds: 300, step: 'RUN make' } }),
      // The budget's findings, as the rule writes them (a slow context has no budget: not folded, tested with the rule).
      finding('slow-build', 'a', { data: { seconds: 4000, budgetSeconds: 3600 } }),
      finding('slow-build', 'c', { data: { seconds: 4000, budgetSeconds: 3600 } }),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.id, g.builds])).toEqual([
      ['qemu-emulation', ['a', 'b']],
      ['slow-build', ['c']],
    ]);
    const qemu = groups[0]!;
    expect(qemu.title).toBe('linux/arm64 ran under QEMU emulation in 2 builds: 6–8× slower than on linux/amd64, 15.0 min lost');
    expect(qemu.fix.startsWith('the advice')).toBe(true);
    expect(qemu.fix).not.toContain('facts of');
    expect(qemu.folded.map((f) => f.build)).toEqual(['a']);
    expect(qemu.table!.rows.map((r) => r[0])).toEqual(['a', 'b']);
    expect(qemu.table!.rows[0]!.at(-1)).toContain('over budget');
  });

  it("a signature's or a guess's emulation or cache finding in several builds is grouped by its title, not as a measurement", () => {
    // `exec /bin/sh: exec format error` in two builds of a matrix: no ratio, no platform, no time lost.
    const signature = (build: string) =>
      finding('qemu-emulation', build, {
        severity: 'error',
        title: 'A step failed under QEMU emulation',
        fix: 'The step ran an emulated binary.\n- register QEMU',
        data: { role: 'root-cause' },
      });
    const [qemu] = groupFindings([signature('a'), signature('b')]);
    expect(qemu!.builds).toEqual(['a', 'b']);
    expect(qemu!.title).toBe('A step failed under QEMU emulation');
    expect(qemu!.fix).toBe('The step ran an emulated binary.\n- register QEMU');
    expect(qemu!.table).toEqual({
      columns: ['Build', 'Finding'],
      rows: [
        ['a', 'A step failed under QEMU emulation'],
        ['b', 'A step failed under QEMU emulation'],
      ],
    });
    expect(qemu!.lostSeconds).toBeNull();
    // A guess keeps its caveat (the first paragraph), which a measurement's split would take for facts.
    const guess = (build: string) =>
      finding('cache-miss', build, {
        severity: 'error',
        title: 'Likely: x',
        fix: '**Likely, not certain:** words\n\n- the advice',
        data: { role: 'likely-cause' },
      });
    const [guessed] = groupFindings([guess('a'), guess('b')]);
    expect([guessed!.title, guessed!.fix]).toEqual(['Likely: x', '**Likely, not certain:** words\n\n- the advice']);
  });

  it('different failures stay apart; the same failure in two builds is one', () => {
    const groups = groupFindings([
      finding('compile-error', 'a', { severity: 'error', title: 'x failed' }),
      finding('compile-error', 'b', { severity: 'error', title: 'y failed' }),
      finding('compile-error', 'c', { severity: 'error', title: 'x failed' }),
    ]);
    expect(groups.map((g) => g.builds)).toEqual([['a', 'c'], ['b']]);
  });
});

describe('the gantt of a long build', () => {
  it('keeps each section to a few bars: the longest steps alone, the rest merged, nothing lost from the span', async () => {
    const lines = ['#0 building with "default" instance using docker driver'];
    for (let i = 1; i <= 60; i++) {
      lines.push(`#${i} [linux/amd64 ${i}/60] RUN step ${i}`, `#${i} DONE ${i === 30 ? 900 : 20 + (i % 7)}.0s`);
      lines.push(`#${100 + i} [linux/arm64 ${i}/60] RUN step ${i}`, `#${100 + i} DONE ${i === 30 ? 5000 : 60 + (i % 5)}.0s`);
    }
    const analysis = await analyzeText(lines.join('\n'));
    const chart = ganttChart(analysis.builds[0]!.build)!;
    const sections = chart.split('  section ').slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual(['linux/amd64', 'linux/arm64']);
    for (const section of sections) {
      const bars = section.split('\n').filter((l) => l.startsWith('    '));
      expect(bars.length).toBeLessThanOrEqual(6);
      expect(bars.some((b) => /^ {4}RUN step 30 /.test(b))).toBe(true);
      expect(bars.some((b) => / shorter steps /.test(b))).toBe(true);
    }
    // The emulated platform's chain is the longest: all of it is the critical path.
    expect(
      sections[1]!
        .split('\n')
        .filter((l) => l.startsWith('    '))
        .every((b) => b.includes(':crit,')),
    ).toBe(true);
    expect(
      sections[0]!
        .split('\n')
        .filter((l) => l.startsWith('    '))
        .some((b) => b.includes(':crit,')),
    ).toBe(false);
  });
});
