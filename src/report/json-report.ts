import type { Analysis, BuildAnalysis } from '../analyze/analyze.js';
import type { Finding } from '../model.js';
import { redact } from '../text/redact.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/**
 * The JSON report: a public, versioned contract (documented in the README). Add fields freely;
 * renaming or removing one, or changing its meaning, needs a new `schemaVersion`.
 */
export const SCHEMA_VERSION = 1;

export function toJsonReport(analysis: Analysis): object {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    status: analysis.status,
    cacheHitRatio: analysis.cacheHitRatio,
    durationSeconds: analysis.durationSeconds,
    builds: analysis.builds.map(buildJson),
    findings: analysis.findings.map(findingJson),
    problems: analysis.problems.map((p) => ({ source: p.source, message: redact(p.message) })),
  };
}

function buildJson({ build, cache, timing, findings }: BuildAnalysis): object {
  return {
    name: build.name,
    source: build.source,
    job: build.job,
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
      imports: build.cache.imports.map((op) => ({ kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line })),
      exports: build.cache.exports.map((op) => ({ kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line })),
    },
    timing,
    images: build.images.map((i) => ({ ref: i.ref, digest: i.digest, pushed: i.pushed })),
    errors: build.errors.map((e) => ({ line: e.line, text: redact(e.text) })),
    notes: build.notes,
    lines: { first: build.firstLine, last: build.lastLine },
    findings: findings.map(findingJson),
  };
}

function findingJson(finding: Finding): object {
  return {
    id: finding.id,
    severity: finding.severity,
    title: redact(finding.title),
    build: finding.build,
    source: finding.source,
    evidence: finding.evidence.map((e) => ({ line: e.line, text: redact(e.text) })),
    fix: finding.fix,
    data: finding.data ?? {},
  };
}
