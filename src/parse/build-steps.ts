import type { EvidenceLine, OmittedSteps, StepStatus } from '../model.js';
import { parseVertexName, type VertexName } from './vertex-name.js';
import { detach } from '../text/detach.js';
import { PRUNE_AT, StepBudget } from './step-budget.js';

/** How many of a step's last output lines are kept while it runs (for error evidence). */
const TAIL_LINES = 30;
const BOOTING = /^\[internal\] booting buildkit/;
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
 * The steps of one build and the changes of a step that do not touch the build as a whole (BuildState
 * makes those: a failed step fails the build). Bounded: past the listing limit the quickest steps
 * that finished well are counted instead of kept.
 */
export class BuildSteps {
  readonly vertices = new Map<number, VertexState>();
  /** The steps in the order they appeared, and how many of them export (an image or the cache). */
  private order: VertexState[] = [];
  private exporters = 0;
  /** Steps past the listing limit: counted, not kept. */
  private readonly budget = new StepBudget();
  /** For each stage (and platform): its highest instruction number seen, and of how many. */
  private readonly stageLast = new Map<string, { index: number; total: number }>();

  /** The step with this number, started now if it is new. */
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
    vertex.endLine = end.line;
    vertex.endText = detach(end.text);
  }

  done(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    this.markEnd(vertex, end);
    vertex.status = 'done';
    if (seconds !== null) vertex.seconds = seconds;
    vertex.tail = [];
  }

  cached(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    this.markEnd(vertex, end);
    vertex.status = 'cached';
    vertex.seconds = seconds ?? vertex.seconds ?? 0;
    vertex.tail = [];
  }

  canceled(vertex: VertexState, end: EvidenceLine, seconds: number | null): void {
    this.markEnd(vertex, end);
    if (vertex.status !== 'running' && seconds === null) return;
    vertex.status = 'canceled';
    if (seconds !== null) vertex.seconds = seconds;
  }

  restart(vertex: VertexState): void {
    vertex.status = 'running';
    vertex.seconds = null;
    vertex.endLine = null;
    vertex.endText = null;
  }

  output(vertex: VertexState, evidence: EvidenceLine): void {
    vertex.tail.push(evidence);
    if (vertex.tail.length > TAIL_LINES) vertex.tail.shift();
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
