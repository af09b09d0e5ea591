import type { Build, Step } from '../model.js';
import { formatDuration } from '../text/duration.js';

/**
 * A Mermaid `gantt` chart of one build: a section per platform (so that the amd64 and arm64 compiles
 * show side by side), the critical path marked `crit`, short steps bucketed so that a long build stays
 * readable. GitHub renders ```mermaid blocks in job summaries and comments.
 *
 * The log gives each step's duration but not its start, so the schedule is rebuilt from the
 * Dockerfile's order: steps of a stage run one after another, stages and platforms side by side, a
 * step that copies from another stage (`COPY --from=`, `--mount=from=`) starts after that stage, and
 * the exporters run last. The chart says so.
 */
export interface GanttOptions {
  /** Tasks per section before short ones are bucketed. */
  maxTasksPerSection: number;
}

const DEFAULT_GANTT: GanttOptions = { maxTasksPerSection: 6 };
/** Steps shorter than this are never drawn alone. */
const MIN_DRAWN_SECONDS = 1;
/** Steps under this share of the build are merged with their neighbours (they would be a sliver). */
const TINY_SHARE = 0.01;
const MAX_LABEL = 48;

interface Task {
  label: string;
  section: string;
  start: number;
  seconds: number;
  crit: boolean;
  /** How many steps the bar stands for, when several were merged. */
  merged?: number;
  /** Said instead of the duration: a step that failed or never finished has none. */
  note?: string;
}

export function ganttChart(build: Build, options: GanttOptions = DEFAULT_GANTT): string | null {
  const tasks = schedule(build);
  if (tasks.length === 0) return null;
  const sections = new Map<string, Task[]>();
  for (const task of tasks) sections.set(task.section, [...(sections.get(task.section) ?? []), task]);
  const makespan = Math.max(...tasks.map((t) => t.start + t.seconds));
  // The axis ends where the last bar drawn ends (bars are whole seconds, at least one).
  const drawnEnd = Math.max(...tasks.map((t) => Math.round(t.start) + Math.max(1, Math.round(t.seconds))));
  const axis = timeAxis(drawnEnd);
  const lines = [
    'gantt',
    `  title ${mermaidText(build.name, 60)}`,
    '  dateFormat HH:mm:ss',
    `  axisFormat ${axis.format}`,
    `  tickInterval ${axis.tickInterval}`,
    '  todayMarker off',
  ];
  let id = 0;
  for (const [section, sectionTasks] of sections) {
    lines.push(`  section ${mermaidText(section, 40)}`);
    for (const task of bucket(sectionTasks, options.maxTasksPerSection, Math.max(MIN_DRAWN_SECONDS, makespan * TINY_SHARE))) {
      const label = `${mermaidText(task.label, MAX_LABEL)} (${task.note ?? formatDuration(task.seconds)})`;
      lines.push(`    ${label} :${task.crit ? 'crit, ' : ''}t${++id}, ${clock(task.start)}, ${Math.max(1, Math.round(task.seconds))}s`);
    }
  }
  return lines.join('\n');
}

/** Tick steps a reader counts in, each with the unit Mermaid's `tickInterval` takes. */
const TICK_STEPS: Array<{ seconds: number; every: string }> = [
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ seconds: n, every: `${n}second` })),
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ seconds: n * 60, every: `${n}minute` })),
  ...[1, 2, 3, 6, 12].map((n) => ({ seconds: n * 3600, every: `${n}hour` })),
];
/** At most this many ticks along the axis (past it Mermaid's own choice of ticks is left). */
const MAX_TICKS = 10;

/**
 * The time axis for a chart `seconds` long (d3's time format: the chart's clock starts at 00:00:00):
 * ticks at a round step, labelled with their unit in the unit the step is counted in (`5s`, `2m 30s`,
 * `15m`, `1h 30m`). One format for every build read `00:00` at each tick of a build of a few seconds.
 */
export function timeAxis(seconds: number): { format: string; tickInterval: string } {
  const step = TICK_STEPS.find((s) => seconds / s.seconds <= MAX_TICKS) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  if (step.seconds < 60) return { format: seconds < 60 ? '%-Ss' : '%-Mm %Ss', tickInterval: step.every };
  if (step.seconds < 3600) return { format: seconds < 3600 ? '%-Mm' : '%-Hh %Mm', tickInterval: step.every };
  return { format: '%-Hh', tickInterval: step.every };
}

/** A step of the chart: where it runs and what it waits for. */
interface Node {
  step: Step;
  chain: string;
  deps: string[];
  start: number;
  end: number;
  crit: boolean;
}

function schedule(build: Build): Task[] {
  const steps = build.steps.filter((s) => s.kind === 'instruction' && (s.seconds !== null || s.status === 'error' || s.status === 'running'));
  if (steps.length === 0) return [];
  const chains = new Map<string, Node[]>();
  const stages = new Set(steps.map((s) => s.stage).filter((s): s is string => s !== null));
  for (const step of [...steps].sort((a, b) => (a.index ?? 0) - (b.index ?? 0) || a.line - b.line)) {
    const chain = chainOf(step.platform, step.stage);
    const deps = stageRefs(step.command)
      .filter((name) => stages.has(name) && name !== step.stage)
      .map((name) => chainOf(step.platform, name));
    chains.set(chain, [...(chains.get(chain) ?? []), { step, chain, deps, start: 0, end: 0, crit: false }]);
  }
  // Each chain is timed once; a chain waits for the chains it copies from (a cycle is broken).
  const done = new Map<string, number>();
  const visiting = new Set<string>();
  const time = (key: string): number => {
    const known = done.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0;
    visiting.add(key);
    let clockAt = 0;
    for (const node of chains.get(key) ?? []) {
      node.start = Math.max(clockAt, ...node.deps.map((dep) => (chains.has(dep) ? time(dep) : 0)));
      node.end = node.start + durationOf(node.step);
      clockAt = node.end;
    }
    visiting.delete(key);
    done.set(key, clockAt);
    return clockAt;
  };
  for (const key of chains.keys()) time(key);
  const nodes = [...chains.values()].flat();
  markCritical(nodes, chains);
  const tasks: Task[] = nodes.map((n) => ({
    label: labelOf(n.step),
    section: n.step.platform ?? 'build',
    start: n.start,
    seconds: n.end - n.start,
    crit: n.crit,
    note: noteOf(n.step),
  }));
  // The exporters (image, cache) run after the last step.
  let at = Math.max(...nodes.map((n) => n.end));
  for (const step of build.steps.filter((s) => (s.kind === 'export' || s.kind === 'cache-export') && s.seconds !== null)) {
    tasks.push({ label: step.name, section: 'export', start: at, seconds: step.seconds!, crit: true });
    at += step.seconds!;
  }
  return tasks.sort((a, b) => a.start - b.start);
}

/** From the step that ends last back to the start: each step's predecessor is what it waited for. */
function markCritical(nodes: Node[], chains: Map<string, Node[]>): void {
  let current = nodes.reduce((a, b) => (b.end > a.end ? b : a));
  for (let guard = 0; guard < nodes.length; guard++) {
    current.crit = true;
    if (current.start <= 0) return;
    const chain = chains.get(current.chain)!;
    const before = chain[chain.indexOf(current) - 1];
    const dep = current.deps.map((d) => chains.get(d)?.at(-1)).find((last) => last && last.end === current.start);
    const next = dep ?? (before && before.end === current.start ? before : undefined);
    if (!next) return;
    current = next;
  }
}

/**
 * Many short steps merged into one bar, so that the long ones stay readable: neighbouring slivers
 * first, then, past `max` bars, everything but the longest.
 */
function bucket(tasks: Task[], max: number, tiny: number): Task[] {
  const drawn = tasks.filter((t) => t.seconds >= MIN_DRAWN_SECONDS || t.crit);
  const merged = mergeRuns(drawn, (t) => t.seconds >= tiny);
  if (merged.length <= max) return merged;
  const keep = new Set([...merged].sort((a, b) => b.seconds - a.seconds).slice(0, max - 1));
  return mergeRuns(merged, (t) => keep.has(t));
}

/** Consecutive tasks that are not kept become one bar from the first start to the last end. */
function mergeRuns(tasks: Task[], kept: (task: Task) => boolean): Task[] {
  const out: Task[] = [];
  let run: Task[] = [];
  const flush = () => {
    if (run.length === 1) out.push(run[0]!);
    if (run.length > 1) {
      const start = Math.min(...run.map((t) => t.start));
      const end = Math.max(...run.map((t) => t.start + t.seconds));
      const count = run.reduce((n, t) => n + (t.merged ?? 1), 0);
      out.push({ label: `${count} shorter steps`, section: run[0]!.section, start, seconds: end - start, crit: run.some((t) => t.crit), merged: count });
    }
    run = [];
  };
  for (const task of tasks) {
    if (kept(task)) {
      flush();
      out.push(task);
    } else run.push(task);
  }
  flush();
  return out;
}

function chainOf(platform: string | null, stage: string | null): string {
  return `${platform ?? ''}|${stage ?? ''}`;
}

/** Stages a step reads from: `COPY --from=builder`, `RUN --mount=type=cache,from=deps`. */
function stageRefs(command: string): string[] {
  return [...command.matchAll(/(?:--from=|[,\s]from=)([A-Za-z0-9_.-]+)/g)].map((m) => m[1]!);
}

/** A failed or unfinished step is drawn one second long: it started, its end is unknown. */
function durationOf(step: Step): number {
  return step.seconds ?? 1;
}

function noteOf(step: Step): string | undefined {
  if (step.status === 'error') return step.seconds === null ? 'failed' : `failed after ${formatDuration(step.seconds)}`;
  if (step.seconds === null) return 'did not finish';
  return undefined;
}

function labelOf(step: Step): string {
  return step.instruction ? `${step.instruction} ${step.command}` : step.name;
}

/** Seconds from the start as a clock time (`01:02:03`), the chart's date format. */
function clock(seconds: number): string {
  const s = Math.min(Math.round(seconds), 24 * 3600 - 1);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Words Mermaid's gantt grammar reads as statements when a line starts with them. */
const KEYWORDS =
  /^(gantt|title|section|dateformat|axisformat|tickinterval|todaymarker|excludes|includes|inclusiveenddates|topaxis|weekday|weekend|click|accTitle|accDescr)\b/i;

/**
 * Text that cannot break a gantt line: `:` ends a task's name, `#` and `%%` start comments, `;` ends a
 * statement, backticks could close the code fence, and Mermaid reads `<...>` as HTML. An `&` before a
 * letter could start an HTML entity (`&lt`, which needs no `;`): a word joiner (U+2060, drawn as nothing)
 * after it keeps it a plain `&` (`cd /app&&make` reads as written); a shell's `&&` or `& ` stays as it is.
 */
export function mermaidText(text: string, max: number): string {
  let clean = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/:/g, '∶')
    .replace(/;/g, ',')
    .replace(/#/g, '♯')
    .replace(/%/g, '٪')
    .replace(/`/g, "'")
    .replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›'))
    .replace(/[{}[\]"]/g, (c) => ({ '{': '(', '}': ')', '[': '(', ']': ')', '"': "'" })[c]!)
    .replace(/&(?=[A-Za-z])/g, '&\u2060')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length > max) clean = `${clean.slice(0, max - 1).trimEnd()}…`;
  if (KEYWORDS.test(clean)) clean = `· ${clean}`;
  return clean || '·';
}
