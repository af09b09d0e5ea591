import type { Build, BuildStatus, EvidenceLine, Step } from '../model.js';
import type { Invocation } from './invocation.js';
import type { ProgressForm } from './dialects/dialect.js';
import type { BuildState } from './build-state.js';
import type { VertexState } from './build-steps.js';
import { cacheKindOfOption } from './vertex-name.js';
import { detach } from '../text/detach.js';
import { MAX_LISTED_STEPS } from './step-budget.js';

/** Where a build starts: its first line, and how its progress is printed. */
export interface BuildStart {
  line: number;
  timestamp: number | null;
  /** The runner step the build ran in (gh run view logs), or null. */
  step: string | null;
  /** The first line's text (the build's boundary in the reports). */
  text?: string;
  form?: ProgressForm;
  /** What the build command (or build-push-action's inputs) asked for. */
  invocation?: Invocation;
}

/** A job that failed (or was canceled) without BuildKit output: the row that says so. */
export interface JobWithoutBuild {
  firstLine: number;
  firstTs: number | null;
  lastLine: number;
  lastTs: number | null;
  failed: boolean;
  canceled: boolean;
  errors: readonly EvidenceLine[];
}

/** What the parser knows of a build beyond its own lines: names, the job, where the numbers come from. */
export interface BuildOptions {
  name: string;
  source: string;
  job: string | null;
  jobSeconds: number | null;
  nativePlatform: string | null;
  /** The job the build ran in was canceled (a build without its own end is canceled too). */
  jobCanceled: boolean;
  /** Where the numbers come from, for the report (`plain progress`, `rawjson progress`, ...). */
  origin: string;
  /** When the source times the build itself (rawjson: first step's start to last step's end); else from timestamps. */
  buildSeconds?: number | null;
}

/** The build's outcome as far as its output tells. */
export function buildStatus(state: BuildState, jobCanceled: boolean): BuildStatus {
  if (state.failed) return 'failure';
  // A job canceled after the build's runner step ended (a later step began) did not cancel the build.
  if (state.canceled || (jobCanceled && !state.closed)) return 'canceled';
  const vertices = [...state.vertices.values()];
  // A failed cache import or export alone does not fail a build (BuildKit goes on; a failing
  // export without ignore-error prints the final ERROR line, which sets `failed`).
  if (vertices.some((v) => v.status === 'error' && v.parsed.kind !== 'cache-import' && v.parsed.kind !== 'cache-export')) return 'failure';
  if (vertices.length === 0) return 'unknown';
  if (vertices.some((v) => v.status === 'running')) return 'unknown';
  if (state.cutBetweenSteps) return 'unknown';
  if (vertices.some((v) => v.status === 'canceled')) return 'canceled';
  return 'success';
}

/** The build model the reports read, made from what was gathered while reading. */
export function buildModel(state: BuildState, options: BuildOptions): Build {
  const { invocation } = state;
  const steps: Step[] = [];
  const imports = [];
  const exports = [];
  const platforms: string[] = [];
  for (const vertex of state.vertices.values()) {
    const parsed = vertex.parsed;
    if (parsed.platform && !platforms.includes(parsed.platform)) platforms.push(parsed.platform);
    if (parsed.kind === 'cache-import') {
      imports.push({ kind: parsed.cacheKind ?? 'unknown', ref: parsed.cacheRef, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
    } else if (parsed.kind === 'cache-export') {
      const option = invocation.cacheTo[0] ?? null;
      const kind = parsed.cacheKind ?? (option ? cacheKindOfOption(option) : null) ?? 'unknown';
      exports.push({ kind, ref: option, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
    }
    steps.push({
      id: vertex.id,
      name: vertex.name,
      platform: parsed.platform,
      stage: parsed.stage,
      index: parsed.index,
      total: parsed.total,
      instruction: parsed.instruction,
      command: parsed.command,
      kind: parsed.kind,
      cached: vertex.status === 'cached',
      seconds: vertex.seconds,
      ...runningSecondsOf(vertex),
      status: vertex.status,
      line: vertex.line,
      endLine: vertex.endLine,
      endText: vertex.endText,
      error: vertex.error,
    });
  }
  for (const platform of invocation.platforms) if (!platforms.includes(platform)) platforms.push(platform);
  const status = state.status(options.jobCanceled);
  const omittedSteps = state.omittedSteps;
  const timed = state.startTs !== null && state.endTs !== null ? round((state.endTs - state.startTs) / 1000) : null;
  return {
    name: options.name,
    origin: options.origin,
    source: options.source,
    job: options.job,
    status,
    jobSeconds: options.jobSeconds,
    buildSeconds: options.buildSeconds !== undefined ? options.buildSeconds : timed,
    platforms,
    nativePlatform: options.nativePlatform,
    request: {
      ...invocation,
      dockerfile: invocation.dockerfile === null ? null : detach(invocation.dockerfile),
      platforms: invocation.platforms.map(detach),
      cacheFrom: invocation.cacheFrom.map(detach),
      cacheTo: invocation.cacheTo.map(detach),
      tags: invocation.tags.map(detach),
    },
    steps,
    cache: state.cacheWarnings.length > 0 ? { imports, exports, warnings: [...state.cacheWarnings] } : { imports, exports },
    images: [...state.images.values()],
    errors: [...state.errors],
    errorDetails: [...state.errorDetails],
    failedStepTail: (failedVertex(state)?.tail ?? []).map((e) => ({ line: e.line, text: detach(e.text) })),
    markedNonInstructions: [...state.markedBlocks.nonInstructions],
    firstLine: state.firstLine,
    lastLine: state.lastLine,
    excerpt: [],
    runner: { tokenPermissions: {}, secretSource: null, metadataTemplates: [] },
    withoutBuildKit: state.withoutBuildKit,
    legacyBuilder: state.form === 'legacy',
    checks: [],
    boundary: { first: { line: state.firstLine, text: detach(state.firstText) }, last: { line: state.lastLine, text: detach(state.lastText) } },
    notes: buildNotes(state, status, steps),
    omittedSteps,
    ...(state.contextTransfer ? { contextTransfer: { ...state.contextTransfer } } : {}),
  };
}

/** The build's own notes, then why its status is unknown and what was counted but not listed. */
function buildNotes(state: BuildState, status: BuildStatus, steps: readonly Step[]): string[] {
  const notes = [...state.notes];
  const running = steps.filter((s) => s.status === 'running').length;
  if (status === 'unknown' && running > 0) {
    notes.push(`the log ends while ${running} step(s) were still running: it may be truncated or the build still in progress`);
  } else if (status === 'unknown' && state.cutBetweenSteps) {
    notes.push('the log ends between two steps, before the last instruction and any export: it may be truncated or the build still in progress');
  }
  const omitted = state.omittedSteps;
  if (omitted) {
    notes.push(
      `${omitted.count} of its ${omitted.count + steps.length} steps (${omitted.cached} cached, none over ${omitted.maxSeconds} s) are counted but not listed: past ${MAX_LISTED_STEPS} steps, only the slowest, failing, unfinished and export steps are kept`,
    );
  }
  return notes;
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}

// BuildKit's clock in front of a step's output line: `#15 19054.2 text` (plain), `19054.2 text` (an error block).
const OUTPUT_CLOCK = /^(?:#\d+ )?(\d+\.\d+) /;

/**
 * How long a step that never finished had run at its last output line, when its tail shows it: one still
 * running where the log ends, or one canceled without a time of its own (plain progress's `#7 CANCELED`).
 */
function runningSecondsOf(vertex: VertexState): { runningSeconds?: number } {
  if ((vertex.status !== 'running' && vertex.status !== 'canceled') || vertex.seconds !== null) return {};
  const last = vertex.tail[vertex.tail.length - 1];
  const clock = last ? OUTPUT_CLOCK.exec(last.text) : null;
  return clock ? { runningSeconds: Number(clock[1]) } : {};
}

/**
 * The vertex whose failure failed the build, for its last lines: a failed cache import never does (BuildKit goes on
 * without the cache), so a step that failed after it is the one; the import only when nothing else failed.
 */
function failedVertex(state: BuildState): VertexState | undefined {
  const failed = [...state.vertices.values()].filter((v) => v.status === 'error');
  return failed.find((v) => v.parsed.kind !== 'cache-import') ?? failed[0];
}
