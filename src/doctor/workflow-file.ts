import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';

// A GitHub Actions workflow file read with the `yaml` package, keeping line numbers, reduced to what
// the Docker checks need: the events that trigger it, env, permissions, and each job's steps with
// their `uses`, `if` and `with` inputs. Everything else of the file is ignored.

export interface Located {
  value: string;
  /** 1-based line of the value in the file (for a block scalar: the line of its `|`). */
  line: number;
}

export interface WorkflowStep {
  /** 0-based position in the job. */
  index: number;
  name: string | null;
  /** `docker/build-push-action@v5`, null for `run:` steps. */
  uses: Located | null;
  if: string | null;
  with: Map<string, Located>;
  line: number;
}

export interface WorkflowJob {
  id: string;
  line: number;
  runsOn: string;
  if: string | null;
  /** Null when the job sets no `permissions` (then the workflow's apply). */
  permissions: Permissions | null;
  /** Line of the job's `permissions:` key, null without one. */
  permissionsLine: number | null;
  env: Map<string, string>;
  /** Whether `strategy.matrix` is set. */
  matrix: boolean;
  /** The matrix keys given as literal lists (`component: [a, b]`); `include`, `exclude` and expressions are not. */
  matrixValues: Map<string, string[]>;
  steps: WorkflowStep[];
}

/** `read-all` / `write-all` / per-scope levels. */
export type Permissions = { all: 'read' | 'write' | 'none' } | { scopes: Map<string, string> };

export interface Triggers {
  /** Event names of `on:`. */
  events: Set<string>;
  /** `push:` filters: branches, tags, or neither (both kinds of ref). */
  pushBranches: boolean;
  pushTags: boolean;
}

export interface WorkflowFile {
  /** As given (relative to the workspace when found there). */
  path: string;
  lines: string[];
  triggers: Triggers;
  env: Map<string, string>;
  permissions: Permissions | null;
  jobs: WorkflowJob[];
}

export class WorkflowParseError extends Error {}

export function parseWorkflow(path: string, text: string): WorkflowFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new WorkflowParseError(`${path}:${line}: not valid YAML (${error.message.split('\n')[0]})`);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new WorkflowParseError(`${path}: not a workflow (the top level is not a mapping)`);
  const lineOf = (node: Node | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const keyLine = (map: YAMLMap, key: string): number | null => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? lineOf(pair.key as Node) : null;
  };

  const jobs: WorkflowJob[] = [];
  const jobsNode = get(root, 'jobs');
  if (isMap(jobsNode)) {
    for (const pair of jobsNode.items) {
      const job = pair.value;
      if (!isMap(job)) continue;
      const steps: WorkflowStep[] = [];
      const stepsNode = get(job, 'steps');
      if (isSeq(stepsNode)) {
        stepsNode.items.forEach((item, index) => {
          if (!isMap(item)) return;
          const usesNode = get(item, 'uses');
          const withNode = get(item, 'with');
          const inputs = new Map<string, Located>();
          if (isMap(withNode)) {
            for (const p of withNode.items) {
              const key = scalarText(p.key as Node);
              if (key !== null) inputs.set(key, { value: nodeText(p.value as Node), line: lineOf(p.value as Node) });
            }
          }
          steps.push({
            index,
            name: scalarText(get(item, 'name')),
            uses: isScalar(usesNode) ? { value: String(usesNode.value), line: lineOf(usesNode) } : null,
            if: scalarText(get(item, 'if')),
            with: inputs,
            line: lineOf(item),
          });
        });
      }
      const strategy = get(job, 'strategy');
      jobs.push({
        id: scalarText(pair.key as Node) ?? '?',
        line: lineOf(pair.key as Node),
        runsOn: nodeText(get(job, 'runs-on')),
        if: scalarText(get(job, 'if')),
        permissions: permissionsOf(get(job, 'permissions')),
        permissionsLine: keyLine(job, 'permissions'),
        env: envOf(get(job, 'env')),
        matrix: isMap(strategy) && get(strategy, 'matrix') !== undefined,
        matrixValues: isMap(strategy) ? matrixValuesOf(get(strategy, 'matrix')) : new Map<string, string[]>(),
        steps,
      });
    }
  }
  // YAML 1.1 readers turn an unquoted `on` into true; the yaml package's default (1.2) keeps "on".
  const onNode = get(root, 'on') ?? get(root, true);
  return {
    path,
    lines: text.split(/\r?\n/),
    triggers: triggersOf(onNode),
    env: envOf(get(root, 'env')),
    permissions: permissionsOf(get(root, 'permissions')),
    jobs,
  };
}

function get(map: YAMLMap, key: string | boolean): Node | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return (pair?.value ?? undefined) as Node | undefined;
}

function scalarText(node: Node | null | undefined): string | null {
  return isScalar(node) && node.value !== null && node.value !== undefined ? primitiveText(node.value) : null;
}

/** A scalar's text; a sequence as its items joined by newlines (`platforms: [a, b]`); else "". */
function nodeText(node: Node | null | undefined): string {
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : primitiveText(node.value);
  if (isSeq(node)) return node.items.map((i) => nodeText(i as Node)).join('\n');
  return '';
}

/** A YAML scalar's value is a string, number or boolean (the core schema makes no objects), typed unknown by the library. */
function primitiveText(value: unknown): string {
  return String(value);
}

function envOf(node: Node | undefined): Map<string, string> {
  const env = new Map<string, string>();
  if (isMap(node)) for (const p of node.items) if (isScalar(p.key)) env.set(String(p.key.value), nodeText(p.value as Node));
  return env;
}

function matrixValuesOf(node: Node | undefined): Map<string, string[]> {
  const values = new Map<string, string[]>();
  if (!isMap(node)) return values;
  for (const p of node.items) {
    const key = scalarText(p.key as Node);
    if (key === null || key === 'include' || key === 'exclude' || !isSeq(p.value)) continue;
    const items = p.value.items.map((i) => scalarText(i as Node));
    if (items.every((i): i is string => i !== null)) values.set(key, items);
  }
  return values;
}

function permissionsOf(node: Node | undefined): Permissions | null {
  if (node === undefined) return null;
  if (isScalar(node)) {
    const text = primitiveText(node.value ?? '');
    if (text === 'write-all') return { all: 'write' };
    if (text === 'read-all') return { all: 'read' };
    return { all: 'none' };
  }
  const scopes = new Map<string, string>();
  if (isMap(node)) for (const p of node.items) if (isScalar(p.key)) scopes.set(String(p.key.value), nodeText(p.value as Node));
  return { scopes };
}

function triggersOf(node: Node | undefined): Triggers {
  const events = new Set<string>();
  let pushBranches = false;
  let pushTags = false;
  if (isScalar(node)) events.add(String(node.value));
  else if (isSeq(node)) for (const item of node.items) events.add(nodeText(item as Node));
  else if (isMap(node)) {
    for (const p of node.items) {
      if (!isScalar(p.key)) continue;
      const name = String(p.key.value);
      events.add(name);
      if (name === 'push' && isMap(p.value)) {
        const keys = p.value.items.map((i) => (isScalar(i.key) ? String(i.key.value) : ''));
        pushBranches = keys.includes('branches') || keys.includes('branches-ignore');
        pushTags = keys.includes('tags') || keys.includes('tags-ignore');
      }
    }
  }
  // A push without ref filters runs for branches and tags alike.
  if (events.has('push') && !pushBranches && !pushTags) pushBranches = pushTags = true;
  return { events, pushBranches, pushTags };
}

/** Whether the job may write packages: its own permissions, else the workflow's; null when neither sets any. */
export function packagesWrite(workflow: WorkflowFile, job: WorkflowJob): boolean | null {
  const permissions = job.permissions ?? workflow.permissions;
  if (permissions === null) return null;
  if ('all' in permissions) return permissions.all === 'write';
  return permissions.scopes.get('packages') === 'write';
}

/** `owner/name@ref` split; null for local (`./`) and docker:// actions. */
export function actionOf(uses: string): { name: string; ref: string } | null {
  const at = uses.lastIndexOf('@');
  if (at <= 0 || uses.startsWith('./') || uses.startsWith('docker://')) return null;
  return { name: uses.slice(0, at).toLowerCase(), ref: uses.slice(at + 1) };
}
