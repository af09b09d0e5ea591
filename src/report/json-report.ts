import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { CacheOperation, Finding, OmittedBuilds } from '../model.js';
import type { BuildComparison } from '../compare/compare.js';
import type { BuildV1, CacheOperationV1, FindingV1, JobStepV1, ReportV1, ToolV1 } from './report-v1.js';
import type { OmittedBuildsV1 } from './omitted-v1.js';
import { redact } from '../text/redact.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/**
 * The JSON report: a public, versioned contract (its type is ReportV1, its schema generated from
 * that, both documented in the README). Add fields freely; renaming or removing one, or changing
 * its meaning, needs a new `schemaVersion`.
 */
export const SCHEMA_VERSION = 1;

/** The fields before the report's arrays. */
type ReportHeader = Pick<ReportV1, 'schemaVersion' | 'tool' | 'status' | 'cacheHitRatio' | 'durationSeconds' | 'comparison' | 'omittedBuilds'>;
/** The report's arrays, written one item at a time, in this order. */
const ARRAY_KEYS = ['builds', 'findings', 'groups', 'problems'] as const;
type ArrayKey = (typeof ARRAY_KEYS)[number];
/** Each array's items, made lazily so that a writer can convert one at a time. */
type LazyArrays = { [K in ArrayKey]: Array<() => ReportV1[K][number]> };
/** Sections other parts add after the arrays (the doctor's, with `mode: both`). */
export type ReportExtras = Pick<ReportV1, 'doctor'>;

/** The tool's name and version, as every document buildx-doctor writes carries them. */
export function toolJson(): ToolV1 {
  return { name: TOOL_NAME, version: TOOL_VERSION };
}

/** The whole report as one object (for callers that need it in memory; files are streamed). */
export function toJsonReport(analysis: Analysis, extra: ReportExtras = {}): ReportV1 {
  const arrays = arraysOf(analysis);
  const all = <K extends ArrayKey>(key: K): Array<ReportV1[K][number]> => arrays[key].map((item) => item());
  return { ...headerJson(analysis), builds: all('builds'), findings: all('findings'), groups: all('groups'), problems: all('problems'), ...extra };
}

/**
 * Writes the report as `JSON.stringify(toJsonReport(analysis), null, 2)` would, one build and one
 * finding at a time: a report of hundreds of builds is never one string in memory.
 */
export async function writeJsonReport(analysis: Analysis, write: (chunk: string) => void | Promise<void>, extra: ReportExtras = {}): Promise<void> {
  const header = JSON.stringify(headerJson(analysis), null, 2);
  await write(header.slice(0, header.lastIndexOf('\n}')));
  const arrays = arraysOf(analysis);
  for (const key of ARRAY_KEYS) {
    const items: Array<() => unknown> = arrays[key];
    await write(`,\n  ${JSON.stringify(key)}: [`);
    for (let i = 0; i < items.length; i++) {
      await write(`${i > 0 ? ',' : ''}\n    ${indentedTwice(items[i]!())}`);
    }
    await write(items.length > 0 ? '\n  ]' : ']');
  }
  // Sections other parts add (the doctor's), after the arrays; small, so written whole.
  for (const [key, value] of Object.entries(extra)) await write(`,\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`);
  await write('\n}\n');
}

/**
 * `JSON.stringify(value, null, 2)` with every line but the first indented by four more spaces, as
 * an item of one of the report's arrays is: the value stringified two arrays deep, without those
 * arrays' brackets. No second pass over the text to indent it (a 9 MB report's items were a
 * regular expression's replacement each). A newline in JSON text is only ever its indentation.
 */
function indentedTwice(value: unknown): string {
  const nested = JSON.stringify([[value]], null, 2);
  return nested.slice(OPEN_TWICE.length, nested.length - CLOSE_TWICE.length);
}

const OPEN_TWICE = '[\n  [\n    ';
const CLOSE_TWICE = '\n  ]\n]';

function headerJson(analysis: Analysis): ReportHeader {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: toolJson(),
    status: analysis.status,
    cacheHitRatio: analysis.cacheHitRatio,
    durationSeconds: analysis.durationSeconds,
    // Only when a comparison was made (`--baseline`, the action's baseline): additive to schema 1.
    ...(analysis.comparison
      ? {
          comparison: {
            hasBaseline: analysis.comparison.hasBaseline,
            baselineLabel: analysis.comparison.baselineLabel === null ? null : redact(analysis.comparison.baselineLabel),
            note: analysis.comparison.note,
          },
        }
      : {}),
    // Only when builds were folded (past MAX_LISTED_BUILDS): additive to schema 1, small logs' reports unchanged.
    ...(analysis.omittedBuilds ? { omittedBuilds: omittedBuildsJson(analysis.omittedBuilds) } : {}),
  };
}

/** Field by field, as for the builds: a field added to the model must not reach the report unnoticed. */
function omittedBuildsJson(o: OmittedBuilds): OmittedBuildsV1 {
  return {
    count: o.count,
    statuses: { success: o.statuses.success, failure: o.statuses.failure, canceled: o.statuses.canceled, unknown: o.statuses.unknown },
    steps: o.steps,
    cacheHits: o.cacheHits,
    cacheMisses: o.cacheMisses,
    runnerSeconds: o.runnerSeconds,
    maxSeconds: o.maxSeconds,
    images: o.images,
    pushedImages: o.pushedImages,
    findings: { error: o.findings.error, warning: o.findings.warning, notice: o.findings.notice },
    jobs: o.jobs.map((j) => ({ name: j.name, builds: j.builds, jobSeconds: j.jobSeconds, buildSeconds: j.buildSeconds, status: j.status })),
    buildsOfUnlistedJobs: o.buildsOfUnlistedJobs,
  };
}

/** The report's arrays, as lazy items so that a writer can convert one at a time. */
function arraysOf(analysis: Analysis): LazyArrays {
  return {
    builds: analysis.builds.map((b, i) => () => buildJson(b, analysis.comparison?.builds[i])),
    findings: analysis.findings.map((f) => () => findingJson(f)),
    groups: analysis.groups.map((g) => () => ({
      id: g.id,
      severity: g.severity,
      title: redact(g.title),
      builds: g.builds,
      folded: g.folded.map((f) => ({ id: f.id, build: f.build })),
      lostSeconds: g.lostSeconds,
    })),
    problems: analysis.problems.map((p) => () => ({ source: p.source, message: redact(p.message) })),
  };
}

function buildJson({ build, cache, timing, findings }: BuildAnalysis, compared: BuildComparison | undefined): BuildV1 {
  return {
    name: build.name,
    origin: build.origin,
    source: build.source,
    job: build.job,
    jobId: build.jobId ?? null,
    jobUrl: build.jobUrl ?? null,
    step: stepJson(build),
    status: build.status,
    jobSeconds: build.jobSeconds,
    buildSeconds: build.buildSeconds,
    platforms: build.platforms,
    nativePlatform: build.nativePlatform,
    dockerfile: build.request.dockerfile,
    steps: build.steps.map((s) => ({
      name: redact(s.name),
      platform: s.platform,
      stage: s.stage,
      index: s.index,
      total: s.total,
      instruction: s.instruction,
      kind: s.kind,
      cached: s.cached,
      seconds: s.seconds,
      status: s.status,
      line: s.line,
      error: s.error === null ? null : redact(s.error),
    })),
    cache: {
      hits: cache.hits,
      misses: cache.misses,
      ratio: cache.ratio,
      imports: build.cache.imports.map(cacheOperationJson),
      exports: build.cache.exports.map(cacheOperationJson),
    },
    // Field by field: a field added to the analysis' Timing must not reach the report unnoticed.
    timing: {
      slowestSteps: timing.slowestSteps.map((s) => ({ name: redact(s.name), platform: s.platform, seconds: s.seconds, line: s.line })),
      platformSeconds: timing.platformSeconds,
      cacheImportSeconds: timing.cacheImportSeconds,
      cacheExportSeconds: timing.cacheExportSeconds,
      cacheExportShare: timing.cacheExportShare,
    },
    images: build.images.map((i) => ({
      ref: i.ref,
      digest: i.digest,
      pushed: i.pushed,
      ...(i.platforms !== undefined || i.sizeUnavailable
        ? { platforms: i.platforms ?? [], sizeUnavailable: i.sizeUnavailable ?? null, baselineUnavailable: i.baselineUnavailable ?? null }
        : {}),
    })),
    errors: build.errors.map((e) => ({ line: e.line, text: redact(e.text) })),
    notes: build.notes,
    omittedSteps: build.omittedSteps ? { count: build.omittedSteps.count, cached: build.omittedSteps.cached, maxSeconds: build.omittedSteps.maxSeconds } : null,
    lines: { first: build.firstLine, last: build.lastLine },
    findings: findings.map(findingJson),
    ...(compared ? comparisonJson(compared) : {}),
  };
}

function cacheOperationJson(op: CacheOperation): CacheOperationV1 {
  return { kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line };
}

/** The build against its baseline (README: "Against the baseline"). */
function comparisonJson(c: BuildComparison): Required<Pick<BuildV1, 'baseline' | 'cacheBreak' | 'deltas'>> {
  const b = c.cacheBreak;
  const base = c.baseline;
  const d = c.deltas;
  return {
    baseline: base && {
      run: base.run === null ? null : redact(base.run),
      name: base.name,
      status: base.status,
      buildSeconds: base.buildSeconds,
      jobSeconds: base.jobSeconds,
      cacheRatio: base.cacheRatio,
    },
    cacheBreak: b && {
      step: redact(b.step),
      instruction: redact(b.instruction),
      platform: b.platform,
      dockerfile: b.dockerfile,
      dockerfileLine: b.dockerfileLine,
      reason: b.reason,
      detail: redact(b.detail),
      rebuiltSteps: b.rebuiltSteps,
      secondsLost: b.secondsLost,
      line: b.line,
    },
    deltas: d && {
      buildSeconds: d.buildSeconds,
      jobSeconds: d.jobSeconds,
      cacheRatio: d.cacheRatio,
      platformSeconds: d.platformSeconds.map((p) => ({ platform: p.platform, seconds: p.seconds, baselineSeconds: p.baselineSeconds })),
      slowerSteps: d.slowerSteps.map((s) => ({
        step: redact(s.step),
        instruction: redact(s.instruction),
        platform: s.platform,
        seconds: s.seconds,
        baselineSeconds: s.baselineSeconds,
      })),
      imageSizes: d.imageSizes.map((i) => ({ ref: i.ref, platform: i.platform, bytes: i.bytes, baselineBytes: i.baselineBytes, change: i.change })),
      newFindings: d.newFindings,
      goneFindings: d.goneFindings,
      baselineDigests: d.baselineDigests.map((pushed) => ({ ref: pushed.ref, digest: pushed.digest })),
    },
  };
}

/** The job's step that ran the build (GitHub's step number and name), when the log came from the API. */
function stepJson(build: BuildAnalysis['build']): JobStepV1 | null {
  if (build.stepNumber === null || build.stepNumber === undefined) return null;
  const step = build.jobSteps?.find((s) => s.number === build.stepNumber);
  return { number: build.stepNumber, name: step?.name ?? null };
}

export function findingJson(finding: Finding): FindingV1 {
  return {
    id: finding.id,
    severity: finding.severity,
    title: redact(finding.title),
    build: finding.build,
    source: finding.source,
    evidence: finding.evidence.map((e) => ({ line: e.line, text: redact(e.text) })),
    fix: finding.fix,
    locations: (finding.locations ?? []).map((l) => ({ kind: l.kind, file: l.file, line: l.line, column: l.column, verified: l.verified })),
    data: finding.data ?? {},
  };
}
