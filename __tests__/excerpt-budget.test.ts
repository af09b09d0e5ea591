// The excerpt kept for the diagnosis has a budget of lines per job (src/parse/excerpt.ts). Lines kept
// for a failure (a step's ERROR, buildx's `ERROR: failed to solve`, the runner's `##[error]`) outrank
// lines kept because the catalog knows them, and newer lines outrank older: an earlier step that
// printed many such lines cannot crowd out the failing step's own lines, nor can a later one.
import { describe, expect, it } from '@jest/globals';
import { textSource } from '../src/input/log-source.js';
import { parseSource } from '../src/parse/parse-source.js';
import { builtinSignatures } from '../src/diagnose/load-catalog.js';
import { lineSelectorFor } from '../src/diagnose/line-selector.js';
import { ExcerptCollector } from '../src/parse/excerpt.js';
import { diagnoseText } from './support/classify.js';
import { OOM_CAUSE, crowdedJobLog } from './support/crowded-job-log.js';

async function parse(text: string) {
  return (await parseSource(textSource('job.log', text), lineSelectorFor(builtinSignatures()))).builds;
}

describe('the excerpt budget of a job', () => {
  it('without earlier noise: the failing step is diagnosed from its cause (the control)', async () => {
    const { text } = crowdedJobLog({ failingTests: 0 });
    expect((await diagnoseText(text, 'quiet-job.log')).findings[0]?.id).toBe('oom-killed');
  });

  it("keeps the failing step's cause when an earlier step spent the budget", async () => {
    const { text, causeLine, errorLine } = crowdedJobLog({ failingTests: 12 });
    const [build] = await parse(text);
    const kept = new Set(build!.excerpt.map((l) => l.line));
    expect([kept.has(causeLine), kept.has(errorLine)]).toEqual([true, true]);
    // The cause is neither in the step's last lines nor in BuildKit's error block: only the excerpt holds it.
    expect([...build!.failedStepTail, ...build!.errorDetails].some((l) => l.text.includes(OOM_CAUSE))).toBe(false);
    expect((await diagnoseText(text, 'crowded-job.log')).findings[0]?.id).toBe('oom-killed');
  });

  it("keeps the failing step's cause when a later step prints as many kept lines", async () => {
    const { text, causeLine } = crowdedJobLog({ failingTests: 12, failingTestsAfter: 12 });
    const [build] = await parse(text);
    expect(build!.excerpt.some((l) => l.line === causeLine)).toBe(true);
    expect((await diagnoseText(text, 'crowded-after.log')).findings[0]?.id).toBe('oom-killed');
  });

  it("keeps a step's first known line when the same step then prints more known lines than the budget holds", async () => {
    // `npm ERR! code ENOSPC` first, then 1,400 compile errors that follow from it, then the step's ERROR: the
    // budget is spent while the step prints; its first known lines stay (not only its newest).
    const lines = ['#0 building with "default" instance using docker driver', '', '#8 [3/3] RUN npm ci && npm run build'];
    lines.push('#8 1.000 npm ERR! code ENOSPC', '#8 1.001 npm ERR! nospc ENOSPC: no space left on device, write');
    for (let k = 0; k < 1400; k++) lines.push(`#8 5.${String(k).padStart(3, '0')} src/mod${k}.ts(1,20): error TS2307: Cannot find module 'dep${k}'.`);
    lines.push('#8 ERROR: process "/bin/sh -c npm ci && npm run build" did not complete successfully: exit code: 2');
    lines.push('ERROR: failed to solve: process "/bin/sh -c npm ci && npm run build" did not complete successfully: exit code: 2');
    const text = `${lines.join('\n')}\n`;
    const [build] = await parse(text);
    expect(build!.excerpt.some((l) => l.text.includes('ENOSPC'))).toBe(true);
    expect(build!.excerpt.length).toBeLessThanOrEqual(1200);
    expect((await diagnoseText(text, 'same-step.log')).findings[0]?.id).toBe('disk-full');
  });

  it('stays bounded however many lines are kept', async () => {
    const { text, causeLine } = crowdedJobLog({ failingTests: 60, linesBetween: 250, failingTestsAfter: 60 });
    const builds = await parse(text);
    expect(builds.reduce((n, b) => n + b.excerpt.length, 0)).toBeLessThanOrEqual(1200);
    expect(builds[0]!.excerpt.some((l) => l.line === causeLine)).toBe(true);
  });
});

/** Pushes `count` lines, marking every `every`th for the catalog; returns the last line number. */
function pushLines(collector: ExcerptCollector, from: number, count: number, every: number, text = 'noise'): number {
  let no = from;
  for (let k = 0; k < count; k++) {
    collector.push(++no, `${text} ${no}`);
    if (every > 0 && no % every === 0) collector.mark();
  }
  return no;
}

const all = (collector: ExcerptCollector) => collector.between(0, Number.MAX_SAFE_INTEGER);

describe('ExcerptCollector', () => {
  it('keeps the newest lines the catalog knows when they outgrow the budget, and never more than it', () => {
    const collector = new ExcerptCollector();
    const last = pushLines(collector, 0, 20_000, 250);
    const kept = all(collector);
    expect(kept.length).toBeGreaterThan(1100);
    expect(kept.length).toBeLessThanOrEqual(1200);
    // The newest mark's lines are there, the first marks' are gone.
    expect(kept.some((l) => l.line === last - 20)).toBe(true);
    expect(kept.some((l) => l.line <= 1000)).toBe(false);
  });

  it("keeps a failure's lines whatever the catalog marks after them", () => {
    const collector = new ExcerptCollector();
    let no = pushLines(collector, 0, 5000, 250);
    collector.push(++no, '#7 12.5 the cause');
    const cause = no;
    no = pushLines(collector, no, 100, 0, '#7 12.6 more output');
    collector.push(++no, '#7 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2');
    collector.mark(true);
    const error = no;
    pushLines(collector, no, 20_000, 250);
    const lines = all(collector).map((l) => l.line);
    expect([lines.includes(cause), lines.includes(error), lines.includes(error + 120), lines.includes(error + 121)]).toEqual([true, true, true, false]);
    expect(lines.length).toBeLessThanOrEqual(1200);
  });

  it("keeps the failed step's own earlier lines, kept for the catalog before its window", () => {
    const collector = new ExcerptCollector();
    let no = pushLines(collector, 0, 10, 0);
    collector.push(++no, '#7 3.1 E: Unable to locate package libfoo');
    collector.mark();
    const cause = no;
    // 500 lines of the step (out of the ring's 200), then its failure, then a catalog flood.
    no = pushLines(collector, no, 500, 0, '#7 3.2 output');
    collector.push(++no, '#7 ERROR: process "/bin/sh -c apt-get install -y libfoo" did not complete successfully: exit code: 100');
    collector.mark(true);
    pushLines(collector, no, 20_000, 250);
    expect(all(collector).some((l) => l.line === cause)).toBe(true);
  });

  it('is full when its budget holds failures alone: a catalog mark changes nothing from then on', () => {
    // Two collectors fed the same lines and failures; one is also marked for the catalog whenever it is full.
    const [plain, asked] = [new ExcerptCollector(), new ExcerptCollector()];
    let marksWhileFull = 0;
    for (let no = 1; no <= 20_000; no++) {
      for (const collector of [plain, asked]) collector.push(no, no % 250 === 0 ? `#3 ERROR: exit code: ${no}` : `line ${no}`);
      if (no % 250 === 0) for (const collector of [plain, asked]) collector.mark(true);
      else if (asked.full) {
        asked.mark();
        marksWhileFull++;
      }
    }
    expect(marksWhileFull).toBeGreaterThan(15_000);
    expect(JSON.stringify(all(asked))).toBe(JSON.stringify(all(plain)));
    // Full of failures, the newest failure took the room of the oldest.
    const lines = all(plain).map((l) => l.line);
    expect(lines.length).toBe(1200);
    expect(lines).toContain(20_000);
    expect(lines[0]).toBeGreaterThan(15_000);
  });
});

const digest = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;
const ts = (seconds: number): string => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString();
const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('the excerpt budget of a rawjson log', () => {
  it("keeps the failing step's cause when an earlier step spent the budget", async () => {
    const [tests, make] = [digest(1), digest(2)];
    const lines = [JSON.stringify({ vertexes: [{ digest: tests, name: '[1/2] RUN npm test || true', started: ts(0) }] })];
    const log = (vertex: string, at: number, text: string) =>
      lines.push(JSON.stringify({ logs: [{ vertex, stream: 1, data: b64(`${text}\n`), timestamp: ts(at) }] }));
    // The tests' `Error:` lines, each a line the parser keeps with 200 before and 120 after it.
    for (let k = 0; k < 6000; k++) log(tests, 1 + k / 100, k % 400 === 0 ? '    Error: connect ECONNREFUSED 127.0.0.1:5432' : `  ok ${k}`);
    lines.push(JSON.stringify({ vertexes: [{ digest: tests, name: '[1/2] RUN npm test || true', started: ts(0), completed: ts(70) }] }));
    lines.push(JSON.stringify({ vertexes: [{ digest: make, name: '[2/2] RUN make -j8', started: ts(71) }] }));
    log(make, 72, OOM_CAUSE);
    const cause = lines.length;
    for (let u = 0; u < 40; u++) log(make, 73, `src/unit${u}.cpp:12:9: warning: unused variable 'tmp' [-Wunused-variable]`);
    lines.push(
      JSON.stringify({
        vertexes: [
          {
            digest: make,
            name: '[2/2] RUN make -j8',
            started: ts(71),
            completed: ts(80),
            error: 'process "/bin/sh -c make -j8" did not complete successfully: exit code: 2',
          },
        ],
      }),
    );
    const text = `${lines.join('\n')}\n`;
    const [build] = await parse(text);
    expect(build!.excerpt.some((l) => l.line === cause && l.text.includes(OOM_CAUSE))).toBe(true);
    expect((await diagnoseText(text, 'crowded.rawjson')).findings[0]?.id).toBe('oom-killed');
  });
});
