import type { Build, BuildStatus, EvidenceLine, ImageRef, Step, StepStatus } from '../model.js';
import { cacheKindOfOption, parseVertexName, type VertexName } from './vertex-name.js';
import { emptyInvocation, type Invocation } from './invocation.js';
import { detach } from '../text/detach.js';
import type { ProgressForm } from './dialects/dialect.js';
import type { DecodedLine } from '../decode/decoded-line.js';
import { MAX_LISTED_STEPS, PRUNE_AT, StepBudget } from './step-budget.js';

/** How many of a step's last output lines are kept while it runs (for error evidence). */
const TAIL_LINES = 30;
/** How many lines of the error block after a failure are kept. */
const ERROR_DETAIL_LINES = 200;
const ERROR_LINES = 20;
const BOOTING = /^\[internal\] booting buildkit/;
/** buildx prints this after the build when a --cache-from source has nothing (the build goes on uncached). */
export const CACHE_IMPORT_WARNING = /^WARNING: .*\b(?:cache import|import cache|cache importer)\b/i;
/** Stages (per platform) whose last instruction is tracked; a real build has a few dozen. */
const MAX_STAGES_TRACKED = 10_000;

export interface VertexState {
  id: number;
  name: string;
  parsed: VertexName;
  status: StepStatus;
  seconds: number | null;
  line: number;
  endLine: number | null;
  endText: string | null;
  error: string | null;
  /** Last output lines; dropped once the step succeeds, so memory does not grow with output. */
  tail: EvidenceLine[];
}

/**
 * Everything known about one build while its lines are read. Holds per-step summaries and a few
 * bounded buffers, never the log itself.
 */
export class BuildState {
  readonly vertices = new Map<number, VertexState>();
  readonly images = new Map<string, ImageRef>();
  readonly errors: EvidenceLine[] = [];
  readonly errorDetails: EvidenceLine[] = [];
  /** BuildKit's warnings that a cache import found nothing (a few at most). */
  readonly cacheWarnings: EvidenceLine[] = [];
  readonly notes: string[] = [];
  invocation: Invocation = emptyInvocation();
  startTs: number | null = null;
  endTs: number | null = null;
  firstLine: number;
  lastLine: number;
  /** The runner step the build ran in (gh run view logs), to tell its errors from later steps'. */
  step: string | null;
  failed = false;
  canceled = false;
  /** Set when the runner starts another step: later lines are not this build's. */
  closed = false;
  /** A row for a job that failed without any BuildKit output. */
  withoutBuildKit = false;
  /** After a failure BuildKit prints the `------` block and the Dockerfile excerpt: keep them. */
  capturingErrorBlock = false;
  /** How the progress was printed (BuildKit plain, the tty form, the legacy builder). */
  form: ProgressForm = 'plain';
  /** The output said the build finished (the legacy builder's `Successfully built`). */
  private completed = false;
  /** The steps in the order they appeared, and how many of them export (an image or the cache). */
  private order: VertexState[] = [];
  private exporters = 0;
  /** Steps past the listing limit: counted, not kept. */
  private readonly budget = new StepBudget();
  /** For each stage (and platform): its highest instruction number seen, and of how many. */
  private readonly stageLast = new Map<string, { index: number; total: number }>();

  firstText = '';
  lastText = '';

  constructor(line: number, timestamp: number | null, step: string | null, text = '') {
    this.firstText = text;
    this.lastText = text;
    this.firstLine = line;
    this.lastLine = line;
    this.startTs = timestamp;
    this.endTs = timestamp;
    this.step = step;
  }

  get hasVertices(): boolean {
    return this.vertices.size > 0;
  }

  /**
   * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
   * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
   */
  get hasBuildSteps(): boolean {
    for (const vertex of this.vertices.values()) if (!BOOTING.test(vertex.name)) return true;
    return false;
  }

  /**
   * A log cut between two steps: nothing is running, but no exporter finished and a stage stopped
   * before its last instruction (`[2/4]` was the last one printed).
   */
  get cutBetweenSteps(): boolean {
    if (this.ended) return false;
    for (const stage of this.stageLast.values()) if (stage.index < stage.total) return true;
    return false;
  }

  /** Whether any step reported an error (a cache import or export can fail in a successful build). */
  get hasStepErrors(): boolean {
    for (const vertex of this.vertices.values()) if (vertex.status === 'error') return true;
    return false;
  }

  /**
   * True once the build has visibly ended: it failed, or every step ended and an exporter finished.
   * A `#1` header after that belongs to the next build (old BuildKit prints no `#0` line); before
   * that it is the same step printed again, which BuildKit does after a step is DONE.
   */
  get ended(): boolean {
    if (this.failed || this.completed) return true;
    // Asked for every line or object: without an exporter it is answered at once, and steps still
    // running are found from the newest, where they are (not by rescanning every step each time).
    if (this.exporters === 0) return false;
    for (let i = this.order.length - 1; i >= 0; i--) if (this.order[i]!.status === 'running') return false;
    return true;
  }

  /** The output said the build finished: no export step will follow. */
  complete(): void {
    this.completed = true;
  }

  touch(line: number, timestamp: number | null, text?: string): void {
    this.lastLine = line;
    if (text !== undefined) this.lastText = text;
    if (timestamp !== null) {
      this.endTs = timestamp;
      if (this.startTs === null) this.startTs = timestamp;
    }
  }

  vertex(id: number, name: string, line: number): VertexState {
    let vertex = this.vertices.get(id);
    if (!vertex) {
      const own = detach(name);
      vertex = { id, name: own, parsed: parseVertexName(own), status: 'running', seconds: null, line, endLine: null, endText: null, error: null, tail: [] };
      this.vertices.set(id, vertex);
      this.order.push(vertex);
      if (vertex.parsed.kind === 'export' || vertex.parsed.kind === 'cache-export') this.exporters++;
      this.noteStage(vertex.parsed);
      if (this.vertices.size > PRUNE_AT) this.prune();
    }
    return vertex;
  }

  /** Whether the step with this number was counted and dropped (past the listing limit). */
  wasOmitted(id: number): boolean {
    return this.budget.has(id);
  }

  /** Keeps the highest instruction number of each stage: a log cut between steps shows there. */
  private noteStage(parsed: VertexName): void {
    const { kind, index, total, platform, stage } = parsed;
    if (kind !== 'instruction' || index === null || total === null) return;
    const key = `${platform ?? ''}|${stage ?? ''}`;
    const last = this.stageLast.get(key);
    if (last === undefined) {
      if (index > 0 && this.stageLast.size < MAX_STAGES_TRACKED) this.stageLast.set(key, { index, total });
    } else if (last.index < index) {
      last.index = index;
      last.total = total;
    }
  }

  /** Too many steps: the quickest that finished well are counted instead of kept. */
  private prune(): void {
    const drop = StepBudget.choose(this.order);
    if (drop.size === 0) return;
    for (const vertex of drop) {
      this.vertices.delete(vertex.id);
      this.budget.omit(vertex);
    }
    this.order = this.order.filter((vertex) => !drop.has(vertex));
  }

  /**
   * The step of this name, or a new one when the build has none (forms without vertex numbers: the
   * tty form, an error block pasted alone). New steps take the next free number.
   */
  vertexNamed(name: string, line: number): VertexState {
    for (const vertex of this.vertices.values()) if (vertex.name === name) return vertex;
    let id = this.vertices.size + 1;
    while (this.vertices.has(id)) id++;
    return this.vertex(id, name, line);
  }

  /** The output says this step failed (its error block), though no `ERROR` status line was seen. */
  failStep(vertex: VertexState, line: DecodedLine): void {
    if (vertex.status === 'error') return;
    vertex.status = 'error';
    vertex.endLine ??= line.no;
    vertex.endText ??= detach(line.text);
    if (vertex.parsed.kind === 'cache-import' || vertex.parsed.kind === 'cache-export') return;
    this.failed = true;
    this.capturingErrorBlock = true;
  }

  addTail(vertex: VertexState, evidence: EvidenceLine): void {
    vertex.tail.push(evidence);
    if (vertex.tail.length > TAIL_LINES) vertex.tail.shift();
  }

  addError(evidence: EvidenceLine): void {
    if (this.errors.length < ERROR_LINES && !this.errors.some((e) => e.text === evidence.text)) {
      this.errors.push({ line: evidence.line, text: detach(evidence.text) });
    }
  }

  addCacheWarning(evidence: EvidenceLine): void {
    if (this.cacheWarnings.length < 5) this.cacheWarnings.push({ line: evidence.line, text: detach(evidence.text) });
  }

  addErrorDetail(evidence: EvidenceLine): void {
    if (this.errorDetails.length < ERROR_DETAIL_LINES) this.errorDetails.push({ line: evidence.line, text: detach(evidence.text) });
  }

  addImage(ref: string, digest: string | null, pushed: boolean): void {
    const known = this.images.get(ref);
    if (known) {
      known.digest = digest === null ? known.digest : detach(digest);
      known.pushed ||= pushed;
    } else {
      const own = detach(ref);
      this.images.set(own, { ref: own, digest: digest === null ? null : detach(digest), pushed });
    }
  }

  status(jobCanceled: boolean): BuildStatus {
    if (this.failed) return 'failure';
    if (this.canceled || jobCanceled) return 'canceled';
    const vertices = [...this.vertices.values()];
    // A failed cache import or export alone does not fail a build (BuildKit goes on; a failing
    // export without ignore-error prints the final ERROR line, which sets `failed`).
    if (vertices.some((v) => v.status === 'error' && v.parsed.kind !== 'cache-import' && v.parsed.kind !== 'cache-export')) return 'failure';
    if (vertices.length === 0) return 'unknown';
    if (vertices.some((v) => v.status === 'running')) return 'unknown';
    if (this.cutBetweenSteps) return 'unknown';
    if (vertices.some((v) => v.status === 'canceled')) return 'canceled';
    return 'success';
  }

  toBuild(name: string, source: string, job: string | null, jobSeconds: number | null, nativePlatform: string | null, jobCanceled: boolean, origin = 'plain progress'): Build {
    const steps: Step[] = [];
    const imports = [];
    const exports = [];
    const platforms: string[] = [];
    for (const vertex of this.vertices.values()) {
      const parsed = vertex.parsed;
      if (parsed.platform && !platforms.includes(parsed.platform)) platforms.push(parsed.platform);
      if (parsed.kind === 'cache-import') {
        imports.push({ kind: parsed.cacheKind ?? 'unknown', ref: parsed.cacheRef, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
      } else if (parsed.kind === 'cache-export') {
        const option = this.invocation.cacheTo[0] ?? null;
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
        status: vertex.status,
        line: vertex.line,
        endLine: vertex.endLine,
        endText: vertex.endText,
        error: vertex.error,
      });
    }
    for (const platform of this.invocation.platforms) if (!platforms.includes(platform)) platforms.push(platform);
    const running = steps.filter((s) => s.status === 'running').length;
    const status = this.status(jobCanceled);
    const notes = [...this.notes];
    if (status === 'unknown' && running > 0) {
      notes.push(`the log ends while ${running} step(s) were still running: it may be truncated or the build still in progress`);
    } else if (status === 'unknown' && this.cutBetweenSteps) {
      notes.push('the log ends between two steps, before the last instruction and any export: it may be truncated or the build still in progress');
    }
    const omittedSteps = this.budget.omitted();
    if (omittedSteps) {
      notes.push(
        `${omittedSteps.count} of its ${omittedSteps.count + steps.length} steps (${omittedSteps.cached} cached, none over ${omittedSteps.maxSeconds} s) are counted but not listed: past ${MAX_LISTED_STEPS} steps, only the slowest, failing, unfinished and export steps are kept`,
      );
    }
    return {
      name,
      origin,
      source,
      job,
      status,
      jobSeconds,
      buildSeconds: this.startTs !== null && this.endTs !== null ? round((this.endTs - this.startTs) / 1000) : null,
      platforms,
      nativePlatform,
      request: {
        ...this.invocation,
        dockerfile: this.invocation.dockerfile === null ? null : detach(this.invocation.dockerfile),
        platforms: this.invocation.platforms.map(detach),
        cacheFrom: this.invocation.cacheFrom.map(detach),
        cacheTo: this.invocation.cacheTo.map(detach),
        tags: this.invocation.tags.map(detach),
      },
      steps,
      cache: this.cacheWarnings.length > 0 ? { imports, exports, warnings: [...this.cacheWarnings] } : { imports, exports },
      images: [...this.images.values()],
      errors: [...this.errors],
      errorDetails: [...this.errorDetails],
      failedStepTail: ([...this.vertices.values()].find((v) => v.status === 'error')?.tail ?? []).map((e) => ({ line: e.line, text: detach(e.text) })),
      firstLine: this.firstLine,
      lastLine: this.lastLine,
      excerpt: [],
      runner: { tokenPermissions: {}, secretSource: null, metadataTemplates: [] },
      withoutBuildKit: this.withoutBuildKit,
      checks: [],
      boundary: { first: { line: this.firstLine, text: detach(this.firstText) }, last: { line: this.lastLine, text: detach(this.lastText) } },
      notes,
      omittedSteps,
    };
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
