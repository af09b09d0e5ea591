import type { EvidenceLine, OmittedSteps, StepStatus } from '../model.js';
import { parseVertexName, type VertexName } from './vertex-name.js';
import { detach } from '../text/detach.js';
import { PRUNE_AT, StepBudget } from './step-budget.js';
import { LineBytes } from '../input/line-bytes.js';

/** How many of a step's last output lines are kept while it runs (for error evidence). */
export const TAIL_LINES = 30;
const BOOTING = /^\[internal\] booting buildkit/;
/** Stages (per platform) whose last instruction is tracked; a real build has a few dozen. */
const MAX_STAGES_TRACKED = 10_000;

/** A step as BuildSteps keeps it; only this module (for BuildState) changes it. */
interface StepRecord {
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

/** A step as the parsers and dialects see it: read-only, changed through BuildState's methods. */
export type VertexState = { readonly [K in keyof StepRecord]: K extends 'tail' ? readonly EvidenceLine[] : StepRecord[K] };

/** The record behind a step handed out as read-only: the same object, writable here only. */
function own(vertex: VertexState): StepRecord {
  return vertex as StepRecord;
}

/**
 * The steps of one build and the changes of a step that do not touch the build as a whole (BuildState
 * makes those: a failed step fails the build). Bounded: past the listing limit the quickest steps
 * that finished well are counted instead of kept.
 */
export class BuildSteps {
  readonly vertices = new Map<number, VertexState>();
  /** The steps in the order they appeared, and how many of them export (an image or the cache). */
  private order: StepRecord[] = [];
  private exporters = 0;
  /** Steps past the listing limit: counted, not kept. */
  private readonly budget = new StepBudget();
  /** For each stage (and platform): its highest instruction number seen, and of how many. */
  private readonly stageLast = new Map<string, { index: number; total: number }>();
  /** The step whose tail may hold lines as bytes (outputBytes). */
  private bytesTail: StepRecord | null = null;

  /** The step with this number, started now if it is new. */
  vertex(id: number, name: string, line: number): VertexState {
    const known = this.vertices.get(id);
    if (known) return known;
    const text = detach(name);
    const vertex: StepRecord = {
      id,
      name: text,
      parsed: parseVertexName(text),
      status: 'running',
      seconds: null,
      line,
      endLine: null,
      endText: null,
      error: null,
      tail: [],
    };
    this.vertices.set(id, vertex);
    this.order.push(vertex);
    if (vertex.parsed.kind === 'export' || vertex.parsed.kind === 'cache-export') this.exporters++;
    this.noteStage(vertex.parsed);
    if (this.vertices.size > PRUNE_AT) this.prune();
    return vertex;
  }

  /** The step of this name, or a new one with the next free number. */
  named(name: string, line: number): VertexState {
    for (const vertex of this.vertices.values()) if (vertex.name === name) return vertex;
    let id = this.vertices.size + 1;
    while (this.vertices.has(id)) id++;
    return this.vertex(id, name, line);
  }

  /** Whether the step with this number was counted and dropped (past the listing limit). */
  wasOmitted(id: number): boolean {
    return this.budget.has(id);
  }

  omitted(): OmittedSteps | null {
    return this.budget.omitted();
  }

  /**
   * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
   * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
   */
  get hasBuildSteps(): boolean {
    for (const vertex of this.vertices.values()) if (!BOOTING.test(vertex.name)) return true;
    return false;
  }

  /** Whether any step reported an error (a cache import or export can fail in a successful build). */
  get hasStepErrors(): boolean {
    for (const vertex of this.vertices.values()) if (vertex.status === 'error') return true;
    return false;
  }

  /** Every step ended and one of them exported (an image or the cache). */
  get exportedAll(): boolean {
    // Asked for every line or object: without an exporter it is answered at once, and steps still
    // running are found from the newest, where they are (not by rescanning every step each time).
    if (this.exporters === 0) return false;
    for (let i = this.order.length - 1; i >= 0; i--) if (this.order[i]!.status === 'running') return false;
    return true;
  }

  /** A stage stopped before its last instruction (`[2/4]` was the last one printed). */
  get stageUnfinished(): boolean {
    for (const stage of this.stageLast.values()) if (stage.index < stage.total) return true;
    return false;
  }

  /** The line that ends the step (its status line), quoted as the step's end. */
  markEnd(vertex: VertexState, end: EvidenceLine): void {
    own(vertex).endLine = end.line;
    own(vertex).endText = detach(end.text);
  }

  done(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    const step = own(vertex);
    this.markEnd(step, end);
    step.status = 'done';
    if (seconds !== null) step.seconds = seconds;
    step.tail = [];
  }

  cached(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    const step = own(vertex);
    this.markEnd(step, end);
    step.status = 'cached';
    step.seconds = seconds ?? step.seconds ?? 0;
    step.tail = [];
  }

  canceled(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    const step = own(vertex);
    this.markEnd(step, end);
    if (step.status !== 'running' && seconds === null) return;
    step.status = 'canceled';
    if (seconds !== null) step.seconds = seconds;
  }

  /** The step ended with an error; whether that fails the build (a cache import or export does not). */
  failed(vertex: VertexState, end: EvidenceLine, seconds: number | null, error: string | null): boolean {
    const step = own(vertex);
    this.markEnd(step, end);
    step.status = 'error';
    if (seconds !== null) step.seconds = seconds;
    if (error !== null) step.error = detach(error);
    return !isCacheStep(step);
  }

  /** An error block names the step, without an `ERROR` status line; whether that fails the build. */
  failedByErrorBlock(vertex: VertexState, line: number, text: string): boolean {
    const step = own(vertex);
    if (step.status === 'error') return false;
    step.status = 'error';
    step.endLine ??= line;
    step.endText ??= detach(text);
    return !isCacheStep(step);
  }

  restart(vertex: VertexState): void {
    const step = own(vertex);
    step.status = 'running';
    step.seconds = null;
    step.endLine = null;
    step.endText = null;
  }

  output(vertex: VertexState, evidence: EvidenceLine): void {
    const tail = own(vertex).tail;
    tail.push(evidence);
    if (tail.length > TAIL_LINES) tail.shift();
  }

  /**
   * A line still in bytes joins the step's tail (a LineBytes reads as an evidence line). Only one
   * step's tail holds such lines at a time: when output moves to another step, the last one's are
   * decoded, so the chunks held stay as few as a tail's lines whatever the number of steps.
   */
  outputBytes(vertex: VertexState, line: LineBytes): void {
    const step = own(vertex);
    if (this.bytesTail !== step) {
      this.settle();
      this.bytesTail = step;
    }
    this.output(step, line);
  }

  /** Decodes the tail that may hold lines as bytes. */
  settle(): void {
    const step = this.bytesTail;
    if (step === null) return;
    this.bytesTail = null;
    // In place, and only the lines still bytes: output moving between two steps settled both tails
    // again and again, each time copying every line of them.
    const tail = step.tail;
    for (let i = 0; i < tail.length; i++) {
      const entry = tail[i]!;
      if (entry instanceof LineBytes) tail[i] = { line: entry.line, text: entry.text };
    }
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
}

/** A failed cache import is only a warning for BuildKit, and a failed cache export fails the build only when buildx says so. */
function isCacheStep(step: StepRecord): boolean {
  return step.parsed.kind === 'cache-import' || step.parsed.kind === 'cache-export';
}
