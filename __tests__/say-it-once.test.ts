// Each thing said once on the reader's screen: no sentence of a finding's explanation (its title, its
// fix, a quoted log line) appears twice in the job summary (also the CLI's `--format markdown`), the
// PR comment or the terminal report. Over every golden input, the reader's cases (a GHCR push 403,
// a compile error, a failing matrix…) and real pairs of builds whose cache broke against a baseline.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, ghRunLog, invalidTagJob } from './support/report-cases.js';
import { diagnoseText } from './support/classify.js';
import { analyzeFile, FIXTURES, ROOT } from './support/analyze-text.js';
import { compareAnalyses } from '../src/compare/compare.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderComment } from '../src/report/pr-comment.js';
import { renderText } from '../src/report/text-report.js';
import type { Analysis } from '../src/analyze/analyze.js';
import type { Finding } from '../src/model.js';
import { groupFindings } from '../src/analyze/group.js';
import { screenGroups } from '../src/report/screen-groups.js';
import { annotationsOf } from '../src/action/annotations.js';
import { adviceForBreaks, cacheBreakAdvice } from '../src/compare/cache-break-advice.js';
import type { CacheBreak, CacheBreakReason } from '../src/compare/cache-break.js';

const MARKER = '<!-- buildx-doctor:sticky-comment id=000000000000 -->';
const RUN_URL = 'https://github.com/afewell-hh/Demon/actions/runs/17964002949';
const GOLDEN = join(ROOT, '__tests__', 'golden');
const PAIRS = join(FIXTURES, 'baseline');

interface Input {
  name: string;
  analysis: () => Promise<Analysis>;
}

/** A real pair of builds (fixtures/baseline): the head analysed with the baseline compared, as `--baseline` does. */
async function withBaseline(head: string, base: string, workspace: string | null): Promise<Analysis> {
  const analysis = await analyzeFile(join(PAIRS, head));
  analysis.comparison = compareAnalyses(analysis, await analyzeFile(join(PAIRS, base)), { workspace, baselineLabel: 'run 42 on main' });
  return analysis;
}

const GOLDEN_INPUTS: Input[] = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.in'))
  .sort()
  .map((f) => ({ name: `golden ${f}`, analysis: () => diagnoseText(readFileSync(join(GOLDEN, f), 'utf8'), f.replace(/\.in$/, '.log')) }));
const CACHE_BREAKS: Input[] = [
  { name: 'cache break, plain, an edited RUN', analysis: () => withBaseline('plain-edited.log', 'plain-baseline.log', join(PAIRS, 'workspace-edited')) },
  { name: 'cache break, rawjson, an edited RUN', analysis: () => withBaseline('rawjson-edited.log', 'rawjson-baseline.log', join(PAIRS, 'workspace-edited')) },
  { name: 'cache break, plain, a build argument', analysis: () => withBaseline('plain-build-arg.log', 'plain-baseline.log', join(PAIRS, 'workspace')) },
];
/** A matrix of 10 components whose metadata rule gives every image the same broken tag (`-0899a35`). */
const SAME_TAG = Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const sameTagMatrix = () => diagnoseText(ghRunLog(SAME_TAG.map(invalidTagJob)), 'run.log');
const INPUTS: Input[] = [
  ...GOLDEN_INPUTS,
  ...CASES.map((c) => ({ name: c.name, analysis: c.analysis })),
  ...CACHE_BREAKS,
  { name: '10 builds, one invalid tag', analysis: sameTagMatrix },
];

/** What a reader reads: Markdown's escapes and entities undone, emphasis and spacing ignored. */
function readable(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/\\([\\`*_{}[\]()#+!|~<>-])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ');
}

/** Long enough to be a statement rather than a name or a word; the probe is its start (reports cut very long lines). */
const MIN_SENTENCE = 30;
const PROBE = 200;

/** The sentences that explain a finding: its title and its fix. */
function sentencesOf(finding: Finding): string[] {
  return [...finding.title.split(' — '), ...finding.fix.split('\n')]
    .map((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/, ''))
    .flatMap((line) => line.split(/(?<=[.!?;])\s+/))
    .filter((line) => !line.startsWith('```') && !line.startsWith('|'))
    .map((s) => readable(s).trim())
    .filter((s) => s.length >= MIN_SENTENCE);
}

/** Its log lines as the reports quote them, with the line's number (`   13: #9 ERROR: …`). */
function quotedLinesOf(finding: Finding): string[] {
  return finding.evidence.map((e) => readable(`${String(e.line).padStart(5)}: ${e.text}`).trim()).filter((s) => s.length >= MIN_SENTENCE);
}

function occurrences(text: string, probe: string): number {
  let count = 0;
  for (let at = text.indexOf(probe); at !== -1; at = text.indexOf(probe, at + probe.length)) count++;
  return count;
}

/**
 * The sentences said more than once. Prose is counted outside code blocks: a title that is the
 * tool's own message (`error[E0425]: …`) is also the first line quoted as the tool printed it, and
 * that is the evidence, not a second explanation. A quoted log line is counted everywhere.
 */
function repeated(report: string, analysis: Analysis): string[] {
  // The terminal quotes a finding's first line as `    line 26: …`.
  const prose = readable(report.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/^ +line \d+: .*$/gm, ''));
  const all = readable(report);
  const sentences = new Set(analysis.findings.flatMap(sentencesOf).map((s) => s.slice(0, PROBE)));
  const quoted = new Set(analysis.findings.flatMap(quotedLinesOf).map((s) => s.slice(0, PROBE)));
  return [...[...sentences].filter((probe) => occurrences(prose, probe) > 1), ...[...quoted].filter((probe) => occurrences(all, probe) > 1)];
}

const REPORTS = [
  { report: 'job summary', render: (a: Analysis) => renderMarkdown(a) },
  { report: 'PR comment', render: (a: Analysis) => renderComment(a, MARKER, { runUrl: RUN_URL }) },
  // Below its verdict: on a terminal each finding is one self-contained entry (its title, where it
  // points, the first line of its fix), as issue 10 asked, even when the verdict above names it.
  { report: 'terminal report', render: (a: Analysis) => renderText(a).replace(/^[\s\S]*?\n\n/, '') },
];

describe.each(INPUTS)('$name', ({ analysis: make }) => {
  it.each(REPORTS)('the $report says no sentence of a finding twice', async ({ render }) => {
    const analysis = await make();
    expect(repeated(render(analysis), analysis)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('finds a sentence said twice, through Markdown escapes', async () => {
    const analysis = await CASES.find((c) => c.name === 'push-403')!.analysis();
    const summary = renderMarkdown(analysis);
    const title = analysis.findings[0]!.title.replace(/[()]/g, '\\$&');
    expect(repeated(`${summary}\n\n${analysis.findings[0]!.fix}`, analysis).length).toBeGreaterThan(0);
    expect(repeated(`${summary}\n\n## ${title} and ${title}`, analysis).length).toBeGreaterThan(0);
  });
});

describe('a GHCR push answered with 403', () => {
  it('is one finding: what the registry failure restates is folded under it, not listed again', async () => {
    const analysis = await CASES.find((c) => c.name === 'push-403')!.analysis();
    // The analysis (and the JSON report) keeps both readings of the lines.
    expect(analysis.groups.map((g) => g.id)).toEqual(['registry-auth-denied', 'registry-push-failure']);
    const comment = renderComment(analysis, MARKER, { runUrl: RUN_URL });
    expect(comment).not.toContain('Also worth a look');
    expect(comment.match(/^#+ /gm)).toEqual(['### ']);
    const summary = renderMarkdown(analysis);
    expect(summary.match(/^#### .*/gm)).toEqual(['#### ❌ Why Build runtime failed']);
    // Named once, in the root cause's fold, as what follows from it.
    for (const report of [comment, summary]) {
      expect(report.match(/Pushing to the registry failed/g)).toHaveLength(1);
      expect(report).toMatch(/<details><summary>More<\/summary>[\s\S]*“Pushing to the registry failed”: that follows from this cause\.[\s\S]*<\/details>/);
    }
    expect(renderText(analysis)).not.toContain('registry-push-failure');
  });
});

describe('a cache that broke against the baseline', () => {
  it.each(CACHE_BREAKS)('$name: where and why it broke is said once, in the baseline part', async ({ analysis: make }) => {
    const analysis = await make();
    expect(analysis.comparison!.builds[0]!.cacheBreak).not.toBeNull();
    // The analysis's own reading of the same break stays in the JSON report.
    expect(analysis.findings.some((f) => f.id === 'cache-miss')).toBe(true);
    const reports = REPORTS.map(({ render }) => render(analysis));
    for (const report of reports) {
      expect(report.match(/broke at/gi)).toHaveLength(1);
      expect(report).not.toMatch(/new: `?cache-miss/);
    }
    expect(reports[0]).toMatch(/### Against the baseline[\s\S]*Cache broke at/);
  });

  it.each(CACHE_BREAKS)("$name: the hidden cache-miss finding's remedy comes with the reason, once", async ({ analysis: make }) => {
    const analysis = await make();
    const { reason } = analysis.comparison!.builds[0]!.cacheBreak!;
    const advice = cacheBreakAdvice(reason);
    const reports = REPORTS.map(({ render }) => render(analysis));
    if (advice === null) {
      // A first build or an unexplained break has nothing specific to advise.
      for (const report of reports) expect(report).not.toMatch(/What to do about the cache|what to do \(/);
      return;
    }
    // The first words of the advice identify it however a report capitalises or wraps it.
    const words = advice.slice(1, 40);
    for (const report of reports) expect(report.split(words)).toHaveLength(2);
    const annotations = annotationsOf(analysis, []);
    expect(annotations.filter((a) => a.message.includes(words))).toHaveLength(1);
  });
});

describe('cache break advice', () => {
  it('is given once per reason however many builds broke for it, and not for a first build', () => {
    const at = (reason: CacheBreakReason) => ({ reason }) as CacheBreak;
    const advice = adviceForBreaks([at('cache-evicted'), at('first-build'), at('cache-evicted'), at('build-arg-changed'), at('unknown')]);
    expect(advice.map((a) => a.reason)).toEqual(['cache-evicted', 'build-arg-changed']);
    expect(advice[0]!.advice).toContain('scope');
  });
});

describe('what the screen folds, finding by finding', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    id: 'cache-miss',
    severity: 'warning',
    title: 'A cached chain broke',
    fix: 'Use mode=max.',
    evidence: [{ line: 5, text: '#5 DONE 1.0s' }],
    build: 'a',
    source: 'run.log',
    ...over,
  });
  const analysisOf = (findings: Finding[], breaks: Array<boolean> = []): Analysis =>
    ({
      builds: ['a', 'b'].map((name) => ({ build: { name } })),
      findings,
      groups: groupFindings(findings),
      comparison: breaks.length
        ? { hasBaseline: true, baselineLabel: null, note: null, builds: breaks.map((b, i) => ({ build: ['a', 'b'][i], cacheBreak: b ? {} : null })) }
        : undefined,
    }) as unknown as Analysis;

  it('a cache miss over two builds loses only the row of the build whose break the baseline tells', () => {
    const analysis = analysisOf([finding({ build: 'a' }), finding({ build: 'b' })], [true, false]);
    expect(analysis.groups).toHaveLength(1);
    const { groups } = screenGroups(analysis);
    expect(groups.map((g) => g.builds)).toEqual([['b']]);
  });

  it('a later match that quotes a line of its own is not a consequence: it stays a finding of its own', () => {
    const root = finding({ id: 'registry-auth-denied', severity: 'error', title: 'Denied', data: { role: 'root-cause' }, evidence: [{ line: 13, text: 'x' }] });
    const same = finding({ id: 'registry-push-failure', title: 'Push failed', data: { role: 'contributing' }, evidence: [{ line: 13, text: 'x' }] });
    const more = finding({
      id: 'network-timeout',
      title: 'Timed out',
      data: { role: 'contributing' },
      evidence: [
        { line: 13, text: 'x' },
        { line: 20, text: 'y' },
      ],
    });
    const other = finding({
      id: 'registry-push-failure',
      title: 'Push failed',
      build: 'b',
      data: { role: 'contributing' },
      evidence: [{ line: 13, text: 'x' }],
    });
    const screen = screenGroups(analysisOf([root, same, more, other]));
    expect(screen.groups.map((g) => `${g.id}:${g.builds.join(',')}`)).toEqual(['registry-auth-denied:a', 'network-timeout:a', 'registry-push-failure:b']);
    expect(screen.consequences.get(screen.groups[0]!)).toEqual([same]);
  });
});

describe('10 builds with the same invalid tag', () => {
  const ADVICE = 'guard the rule with';
  it('is one finding: the rule and its advice once, the builds and their images named', async () => {
    const analysis = await sameTagMatrix();
    // Each build's finding names its own image; the JSON report keeps all ten.
    expect(analysis.findings.filter((f) => f.id === 'invalid-tag')).toHaveLength(10);
    expect(analysis.groups.map((g) => g.id)).toEqual(['invalid-tag']);
    const group = analysis.groups[0]!;
    expect(group.builds).toEqual(SAME_TAG.map((c) => `Build ${c}`));
    expect(group.title).toBe('Image tags are not valid references: the tag "-0899a35" starts with "-"');
    // The advice names no one image: it is about all of them.
    expect(group.fix).toMatch(/^The tag `-0899a35` starts with `-`/);
    expect(group.fix).not.toContain('demon-c01');
    // In each report (the terminal's below its verdict, as above).
    for (const { render } of REPORTS) expect(occurrences(render(analysis), ADVICE)).toBe(1);
    const summary = renderMarkdown(analysis);
    // The summary's table gives each build its image, as code.
    for (const c of SAME_TAG) expect(summary).toContain(`| Build ${c} | \`ghcr.io/afewell-hh/demon-${c}:-0899a35\` |`);
    expect(summary.match(/^#### .*/gm)).toEqual([`#### ❌ Why ${SAME_TAG.map((c) => `Build ${c}`).join(', ')} failed`]);
    // One annotation, naming the builds.
    const annotations = annotationsOf(analysis);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.message).toMatch(/^Build c01, Build c02, .*Build c10: Image tags are not valid references/);
  });

  it('in a matrix of 30, the annotation names the first 10 and counts the rest: its message keeps the cause', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `component-with-a-long-name-${String(i + 1).padStart(2, '0')}`);
    const annotations = annotationsOf(await diagnoseText(ghRunLog(many.map(invalidTagJob)), 'run.log'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.message).toMatch(
      /^Build component-with-a-long-name-01, .*, Build component-with-a-long-name-10 and 20 more builds: Image tags are not valid references: the tag "-0899a35" starts with "-"$/,
    );
  });

  it('tags that break different rules stay two findings, each with its advice', async () => {
    const job = (c: string, tag: string) => {
      const j = invalidTagJob(c);
      return { ...j, steps: j.steps.map((s) => ({ ...s, lines: s.lines.map((l) => l.replaceAll(`demon-${c}:-0899a35`, `demon-${c}:${tag}`)) })) };
    };
    const analysis = await diagnoseText(ghRunLog([job('a', '-0899a35'), job('b', '.hidden'), job('c', '-0899a35')]), 'run.log');
    expect(analysis.groups.map((g) => `${g.id}:${g.builds.join(',')}`)).toEqual(['invalid-tag:Build a,Build c', 'invalid-tag:Build b']);
  });
});

describe('annotations follow the screen', () => {
  it('a consequence folded under its root cause is named in its annotation, not annotated again', async () => {
    const analysis = await CASES.find((c) => c.name === 'ten-builds')!.analysis();
    expect(analysis.groups.map((g) => g.id)).toContain('registry-push-failure');
    const annotations = annotationsOf(analysis);
    expect(annotations.map((a) => a.properties.title)).toEqual([
      'buildx-doctor: compile-error',
      'buildx-doctor: invalid-tag',
      'buildx-doctor: registry-auth-denied',
      'buildx-doctor: canceled',
    ]);
    expect(annotations[2]!.message).toBe(
      'Build c03, Build c08: The registry denied access to ghcr.io (the same lines also read as "Pushing to the registry failed": that follows from it)',
    );
    // The canceled jobs' line names them once.
    expect(annotations[3]!.message).toMatch(/^Build c04, Build c09: canceled after /);
  });
});

describe('a cause the root finding names, ranked after it', () => {
  it("is said to be included in the root finding, not to follow from it (the kubelet's status before the missing tag)", async () => {
    const analysis = await diagnoseText(
      [
        '  Warning  Failed     3m1s (x5 over 6m24s)  kubelet  Failed to pull image "acme/app:0.4.0": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/app:0.4.0": failed to resolve reference "docker.io/acme/app:0.4.0": docker.io/acme/app:0.4.0: not found',
        '  Warning  Failed     3m1s (x5 over 6m24s)  kubelet  Error: ErrImagePull',
      ].join('\n'),
      'k.log',
    );
    expect(analysis.findings.map((f) => [f.id, f.data?.causeOf ?? null])).toEqual([
      ['image-pull-backoff', null],
      ['manifest-unknown', 'image-pull-backoff'],
    ]);
    for (const report of [renderMarkdown(analysis), renderComment(analysis, MARKER, { runUrl: RUN_URL })]) {
      expect(report).toContain('“An image or tag does not exist: acme/app:0.4.0”, which this finding includes.');
      expect(report).not.toContain('that follows from this cause');
    }
    expect(annotationsOf(analysis)[0]!.message).toBe(
      'k: Kubernetes could not pull the image acme/app:0.4.0 (the same lines also read as "An image or tag does not exist: acme/app:0.4.0", which it includes)',
    );
  });
});

describe('a cache break against the baseline, annotated', () => {
  it.each(CACHE_BREAKS)('$name: on the line where it broke, as the baseline part tells it, not as a cache miss', async ({ analysis: make }) => {
    const analysis = await make();
    const cacheBreak = analysis.comparison!.builds[0]!.cacheBreak!;
    const annotations = annotationsOf(analysis).filter((a) => a.properties.title === 'buildx-doctor: cache-miss');
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.severity).toBe('warning');
    expect(annotations[0]!.message).toContain(`cache broke at ${cacheBreak.step} ${cacheBreak.instruction} against the baseline: ${cacheBreak.reason};`);
    expect(annotations[0]!.message).not.toMatch(/cache hits|cached chain/i);
    expect(cacheBreak.dockerfileLine).not.toBeNull();
    expect(annotations[0]!.properties).toMatchObject({ file: cacheBreak.dockerfile, startLine: cacheBreak.dockerfileLine });
  });
});
