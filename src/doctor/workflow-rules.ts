import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Severity } from '../model.js';
import { codeBlock, inlineCode } from '../text/markdown.js';
import { doctorFinding } from './check.js';
import { actionOf, packagesWrite, type WorkflowFile, type WorkflowJob, type WorkflowStep } from './workflow-file.js';
import { contextsOf, invalidTags, parseFlavor, parseTagRule, type RefContext } from './metadata-tags.js';

// The Docker-specific pitfalls of a workflow, each a rule over one job: what a generic workflow linter
// cannot know (cache scopes, metadata-action templates, QEMU, the docker exporter). Every finding
// points at the line to change and shows the change as a diff; ids are the log catalog's where one fits.

export interface RuleContext {
  workflow: WorkflowFile;
  /** The repository root, to read the Dockerfile a build names (null: do not look). */
  workspace: string | null;
  /** Whether the workflow file lies in the workspace (only then its lines are annotated). */
  verified: boolean;
}

const BUILD_ACTIONS = new Set(['docker/build-push-action', 'docker/bake-action']);
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

export function isBuildStep(step: WorkflowStep): boolean {
  const action = step.uses ? actionOf(step.uses.value) : null;
  return action !== null && (BUILD_ACTIONS.has(action.name) || action.name.startsWith('docker/bake-action/'));
}

export function checkJob(ctx: RuleContext, job: WorkflowJob): Finding[] {
  const findings: Finding[] = [];
  for (const step of job.steps) {
    if (isBuildStep(step)) {
      findings.push(...cacheRules(ctx, job, step), ...pushRules(ctx, job, step), ...platformRules(ctx, job, step));
    }
    const action = step.uses ? actionOf(step.uses.value) : null;
    if (action?.name === 'docker/metadata-action') findings.push(...metadataRules(ctx, step));
    if (action) findings.push(...pinRules(ctx, job, step, action));
  }
  return findings;
}

// --- helpers --------------------------------------------------------------------------------------

function finding(ctx: RuleContext, id: string, severity: Severity, title: string, line: number, advice: string, diff: string[] | null, data?: Finding['data']): Finding {
  const file = ctx.workflow.path;
  const fix = diff ? `${advice}\n\n${codeBlock([`--- ${file}`, `+++ ${file}`, ...diff], 'diff')}` : advice;
  return doctorFinding({
    id,
    severity,
    title,
    fix,
    source: file,
    evidence: [{ line, text: ctx.workflow.lines[line - 1] ?? '' }],
    locations: [{ kind: 'source', file, line, column: null, verified: ctx.verified, message: title }],
    ...(data ? { data } : {}),
  });
}

/** A hunk that replaces line `line` with `replacement` (same indentation). */
function replaceHunk(ctx: RuleContext, line: number, from: string, to: string): string[] {
  const text = ctx.workflow.lines[line - 1] ?? '';
  return [`@@ -${line} +${line} @@`, `-${text}`, `+${text.replace(from, to)}`];
}

/** A hunk that inserts `added` lines before line `line`. */
function insertHunk(ctx: RuleContext, line: number, added: string[]): string[] {
  const text = ctx.workflow.lines[line - 1] ?? '';
  return [`@@ -${line} +${line},${added.length + 1} @@`, ...added.map((a) => `+${a}`), ` ${text}`];
}

function indentOf(ctx: RuleContext, line: number): string {
  return /^\s*/.exec(ctx.workflow.lines[line - 1] ?? '')?.[0] ?? '';
}

/** The line of `text` inside a multi-line input that starts at `from`, else `from`. */
function lineWithin(ctx: RuleContext, from: number, text: string): number {
  for (let i = from - 1; i < Math.min(ctx.workflow.lines.length, from + 200); i++) if (ctx.workflow.lines[i]!.includes(text)) return i + 1;
  return from;
}

/** Inputs that hold one entry a line (`cache-from`, `tags`); commas separate only when on one line for `platforms`. */
function entries(value: string): string[] {
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
}

interface CacheEntry {
  text: string;
  type: string;
  attrs: Map<string, string>;
}

function parseCacheEntry(text: string): CacheEntry {
  const attrs = new Map<string, string>();
  // A bare reference (`user/app:cache`) is a registry cache.
  if (!text.includes('=')) return { text, type: 'registry', attrs: new Map([['ref', text]]) };
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) attrs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return { text, type: attrs.get('type') ?? 'registry', attrs };
}

/** cache-from / cache-to of a build-push-action step, or of a bake-action's `set` (`*.cache-to=...`). */
function cacheInputs(step: WorkflowStep): { from: CacheEntry[]; to: CacheEntry[]; toLine: number | null; fromLine: number | null } {
  const from = entries(step.with.get('cache-from')?.value ?? '').map(parseCacheEntry);
  const to = entries(step.with.get('cache-to')?.value ?? '').map(parseCacheEntry);
  let toLine = step.with.get('cache-to')?.line ?? null;
  let fromLine = step.with.get('cache-from')?.line ?? null;
  const set = step.with.get('set');
  if (set) {
    for (const line of entries(set.value)) {
      const match = /^[^.=]+\.(cache-from|cache-to)=(.*)$/.exec(line);
      if (!match) continue;
      if (match[1] === 'cache-to') {
        to.push(parseCacheEntry(match[2]!));
        toLine ??= set.line;
      } else {
        from.push(parseCacheEntry(match[2]!));
        fromLine ??= set.line;
      }
    }
  }
  return { from, to, toLine, fromLine };
}

// --- cache ----------------------------------------------------------------------------------------

function cacheRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep): Finding[] {
  const out: Finding[] = [];
  const { from, to, toLine, fromLine } = cacheInputs(step);
  for (const entry of to) {
    const line = toLine === null ? step.line : lineWithin(ctx, toLine, entry.text);
    if (entry.type === 'gha' && job.matrix) {
      const scope = entry.attrs.get('scope');
      if (scope === undefined || !/matrix\.|strategy\.job-index/.test(scope)) {
        const title = scope === undefined ? 'cache-to type=gha has no scope in a matrix job: the legs overwrite each other\'s cache' : `cache-to type=gha uses the same scope ${JSON.stringify(scope)} in every leg of the matrix`;
        const newEntry = scope === undefined ? `${entry.text},scope=\${{ matrix.<key> }}` : entry.text.replace(`scope=${scope}`, 'scope=${{ matrix.<key> }}');
        out.push(
          finding(
            ctx,
            'cache-miss',
            'warning',
            title,
            line,
            `Every leg of ${inlineCode(job.id)} writes the cache under one scope, so the last leg to finish replaces the others' cache and the next run misses. Give each leg its own scope (the matrix key that names the image), the same in \`cache-from\`.`,
            replaceHunk(ctx, line, entry.text, newEntry),
          ),
        );
      }
    }
    // An explicit `mode=min` is a choice (a small cache on purpose); only a missing mode is flagged.
    if (entry.type !== 'inline' && !entry.attrs.has('mode')) {
      const stages = dockerfileStages(ctx, step);
      if (stages === null || stages > 1) {
        const newEntry = entry.text.includes('=') ? entry.text.replace(/^type=([^,]+)/, 'type=$1,mode=max') : `type=registry,ref=${entry.text},mode=max`;
        const known = stages !== null;
        out.push(
          finding(
            ctx,
            'cache-miss',
            known ? 'warning' : 'notice',
            known ? `cache-to exports only the final stage of a ${stages}-stage Dockerfile (mode=max is missing)` : 'cache-to exports only the final stage (mode=max is missing)',
            line,
            `Without \`mode=max\` the cache holds only the layers of the stage that ends in the image; the builder stages (dependencies, compilation) are rebuilt on every run${known ? '' : ' when the Dockerfile has several stages'}.`,
            replaceHunk(ctx, line, entry.text, newEntry),
          ),
        );
      }
    }
  }
  const ghaTo = to.filter((e) => e.type === 'gha');
  const ghaFrom = from.filter((e) => e.type === 'gha');
  if (ghaTo.length > 0 && ghaFrom.length > 0) {
    const scopeOf = (e: CacheEntry) => e.attrs.get('scope') ?? 'buildkit';
    const read = new Set(ghaFrom.map(scopeOf));
    for (const entry of ghaTo) {
      if (read.has(scopeOf(entry))) continue;
      const fromEntry = ghaFrom[0]!;
      const line = fromLine === null ? step.line : lineWithin(ctx, fromLine, fromEntry.text);
      const newFrom = fromEntry.attrs.has('scope') ? fromEntry.text.replace(`scope=${scopeOf(fromEntry)}`, `scope=${scopeOf(entry)}`) : `${fromEntry.text},scope=${scopeOf(entry)}`;
      out.push(
        finding(
          ctx,
          'cache-miss',
          'warning',
          `cache-from reads scope ${JSON.stringify(scopeOf(fromEntry))} but cache-to writes scope ${JSON.stringify(scopeOf(entry))}`,
          line,
          'The build reads a cache that no build writes, so every run starts cold. Read the scope that `cache-to` writes.',
          replaceHunk(ctx, line, fromEntry.text, newFrom),
        ),
      );
    }
  }
  return out;
}

/** Number of `FROM` lines of the step's Dockerfile when it can be read without expressions, else null. */
function dockerfileStages(ctx: RuleContext, step: WorkflowStep): number | null {
  if (!ctx.workspace || step.with.has('set') || actionOf(step.uses!.value)?.name !== 'docker/build-push-action') return null;
  const context = step.with.get('context')?.value ?? '.';
  const file = step.with.get('file')?.value ?? path.join(context, 'Dockerfile');
  if (file.includes('${{') || context.includes('${{') || /^[a-z]+:\/\//.test(context)) return null;
  try {
    const text = fs.readFileSync(path.resolve(ctx.workspace, file), 'utf8');
    return text.split('\n').filter((l) => /^\s*FROM\s/i.test(l)).length;
  } catch {
    return null;
  }
}

// --- push and permissions -------------------------------------------------------------------------

/** `true`, `false`, or an expression (null) for a boolean input. */
function literalBoolean(value: string | undefined): boolean | null {
  if (value === undefined || value.trim() === '') return false;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '${{ true }}') return true;
  if (text === 'false' || text === '${{ false }}') return false;
  return null;
}

/** Whether a condition keeps pull requests (and forks) out. */
function guardsPullRequests(condition: string | null): boolean {
  return condition !== null && /pull_request|event_name|github\.ref\b|refs\/(heads|tags)|\.fork\b|head\.repo|github\.repository\b/.test(condition);
}

/** Text with `${{ env.X }}` replaced from the job's and the workflow's env. */
function withEnv(ctx: RuleContext, job: WorkflowJob, text: string): string {
  return text.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => job.env.get(name) ?? ctx.workflow.env.get(name) ?? whole);
}

function pushRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep): Finding[] {
  const out: Finding[] = [];
  const push = step.with.get('push');
  const pushes = literalBoolean(push?.value);
  if (pushes === false) return out;
  const events = ctx.workflow.triggers.events;
  const onPullRequests = PULL_REQUEST_EVENTS.some((e) => events.has(e));
  if (pushes === true && onPullRequests && !guardsPullRequests(step.if) && !guardsPullRequests(job.if)) {
    const line = push!.line;
    out.push(
      finding(
        ctx,
        'registry-auth-denied',
        'warning',
        'push: true also on pull requests: a pull request from a fork gets a read-only token and the push is denied',
        line,
        'Build on pull requests, push only from branches and tags: make `push` depend on the event (and log in only when pushing).',
        replaceHunk(ctx, line, push!.value.trim(), "${{ github.event_name != 'pull_request' }}"),
      ),
    );
  }
  // The job token needs `packages: write` to push to ghcr.io; a personal token does not.
  const login = job.steps.find((s) => s.uses && actionOf(s.uses.value)?.name === 'docker/login-action');
  const registry = login ? withEnv(ctx, job, login.with.get('registry')?.value ?? '') : '';
  const password = login?.with.get('password')?.value ?? '';
  if (registry.includes('ghcr.io') && /GITHUB_TOKEN|github\.token/.test(password)) {
    const allowed = packagesWrite(ctx.workflow, job);
    if (allowed !== true) {
      const title = allowed === null ? 'pushes to ghcr.io with the job token but declares no permissions (new repositories default to read-only packages)' : 'pushes to ghcr.io with the job token, whose permissions lack packages: write';
      const indent = `${indentOf(ctx, job.line)}  `;
      const diff =
        job.permissionsLine !== null
          ? insertHunk(ctx, job.permissionsLine + 1, [`${indent}  packages: write`])
          : insertHunk(ctx, job.line + 1, [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  packages: write`]);
      out.push(finding(ctx, 'registry-auth-denied', allowed === null ? 'warning' : 'error', title, job.permissionsLine ?? job.line, `GitHub's token can push to ghcr.io only with \`packages: write\` in the job's (or the workflow's) \`permissions\`.`, diff));
    }
  }
  return out;
}

// --- platforms ------------------------------------------------------------------------------------

const PLATFORM = /\b(linux|windows|darwin)\/(amd64|arm64|arm|386|ppc64le|s390x|riscv64|mips64le|mips64|loong64)(\/v\d)?\b/g;

/** The platform lists the input can take: one per quoted alternative of an expression, else one. */
function platformLists(value: string): string[][] {
  const alternatives = value.includes('${{') ? [...value.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : [value];
  return alternatives.map((alt) => [...new Set([...alt.matchAll(PLATFORM)].map((m) => m[0]))]).filter((list) => list.length > 0);
}

/** The runner's architecture from `runs-on`, null when a label does not say (self-hosted, expressions). */
export function runnerArch(runsOn: string): 'amd64' | 'arm64' | null {
  if (/\barm\b|arm64|aarch64/i.test(runsOn)) return 'arm64';
  if (/^(ubuntu|windows)-[\w.]+$/.test(runsOn.trim()) || /^ubuntu-latest$/.test(runsOn.trim())) return 'amd64';
  return null;
}

function platformRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep): Finding[] {
  const out: Finding[] = [];
  const platforms = step.with.get('platforms');
  if (!platforms) return out;
  const lists = platformLists(platforms.value);
  const multi = lists.some((l) => l.length > 1);
  const load = step.with.get('load');
  if (multi && literalBoolean(load?.value) !== false) {
    out.push(
      finding(
        ctx,
        'exporter-unsupported',
        'warning',
        'load: true with several platforms: the docker exporter cannot load a multi-platform image',
        load!.line,
        'Without the containerd image store, `load` takes one platform only ("docker exporter does not currently support exporting manifest lists"). Push the multi-platform image, or load one platform per build.',
        replaceHunk(ctx, load!.line, load!.value.trim(), 'false'),
      ),
    );
  }
  const native = runnerArch(job.runsOn);
  if (native === null) return out;
  const foreign = [...new Set(lists.flat().filter((p) => !p.includes(`/${native}`)))];
  const qemu = job.steps.some((s) => s.index < step.index && s.uses && actionOf(s.uses.value)?.name === 'docker/setup-qemu-action');
  if (foreign.length > 0 && !qemu) {
    const indent = indentOf(ctx, step.line);
    out.push(
      finding(
        ctx,
        'qemu-emulation',
        'warning',
        `platforms ${foreign.join(', ')} on an ${native} runner without docker/setup-qemu-action`,
        platforms.line,
        `A \`RUN\` step for ${foreign.map((p) => inlineCode(p)).join(', ')} needs an emulator registered on the ${native} runner ("exec format error" otherwise). Register QEMU before the build, or build that platform on a native runner${native === 'amd64' ? ' (`ubuntu-24.04-arm` for arm64)' : ''}.`,
        insertHunk(ctx, step.line, [`${indent}- name: Set up QEMU`, `${indent}  uses: docker/setup-qemu-action@v3`]),
        { platforms: foreign.join(',') },
      ),
    );
  }
  return out;
}

// --- metadata-action tags -------------------------------------------------------------------------

const CONTEXT_NAME: Record<RefContext, string> = { branch: 'branch pushes', tag: 'tag pushes', pull_request: 'pull requests' };
const GUARD: Record<RefContext, string> = {
  pull_request: "enable=${{ github.event_name != 'pull_request' }}",
  tag: "enable=${{ !startsWith(github.ref, 'refs/tags/') }}",
  branch: "enable=${{ startsWith(github.ref, 'refs/tags/') }}",
};

function metadataRules(ctx: RuleContext, step: WorkflowStep): Finding[] {
  const tags = step.with.get('tags');
  if (!tags) return [];
  const { events, pushBranches, pushTags } = ctx.workflow.triggers;
  const contexts = contextsOf(events, pushBranches, pushTags);
  const flavor = parseFlavor(step.with.get('flavor')?.value ?? '');
  const out: Finding[] = [];
  for (const text of entries(tags.value)) {
    const rule = parseTagRule(text);
    const bad = invalidTags(rule, contexts, flavor);
    if (bad.length === 0) continue;
    const line = lineWithin(ctx, tags.line, text);
    const where = bad.map((b) => `${inlineCode(b.tag)} on ${CONTEXT_NAME[b.context]}`).join(', ');
    const template = /\{\{\s*(branch|tag|base_ref)\b[^}]*\}\}/.exec(text)?.[0] ?? 'a template';
    // A sha tag whose prefix is a template: the fixed prefix is what metadata-action uses by default.
    const prefix = rule.attrs.get('prefix');
    const newText =
      rule.type === 'sha' && prefix !== undefined && /\{\{/.test(prefix)
        ? text.replace(`prefix=${prefix}`, 'prefix=sha-')
        : `${text},${bad.map((b) => GUARD[b.context]).filter((g, i, all) => all.indexOf(g) === i).join(',')}`;
    out.push(
      finding(
        ctx,
        'invalid-tag',
        'error',
        `metadata-action tag rule ${text} makes an invalid tag on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}: ${bad[0]!.tag}`,
        line,
        `${inlineCode(template)} is empty on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}, so this rule makes the tag ${where}; a tag must start with a letter, digit or underscore, and the build fails with "invalid tag". Use a fixed text there, or turn the rule off where the template is empty.`,
        replaceHunk(ctx, line, text, newText),
        { rule: text, tag: bad[0]!.tag },
      ),
    );
  }
  return out;
}

// --- pinned majors --------------------------------------------------------------------------------

interface PinRule {
  action: string;
  /** The majors affected: below `below`. */
  below: number;
  severity: Severity;
  id: string;
  title: string;
  advice: string;
  to: string;
}

/** Majors whose behaviour changed in ways that break or silently change a Docker workflow. */
const PIN_RULES: PinRule[] = [
  {
    action: 'docker/build-push-action',
    below: 2,
    severity: 'error',
    id: 'action-major-changed',
    title: 'docker/build-push-action v1 has different inputs (repository, tag_with_ref) from v2 on',
    advice: 'v2 moved to buildx: `tags`, `push`, `cache-from`/`cache-to` replace the v1 inputs, which later majors ignore.',
    to: 'v6',
  },
  {
    action: 'docker/metadata-action',
    below: 3,
    severity: 'warning',
    id: 'action-major-changed',
    title: 'docker/metadata-action before v3 takes the old tag inputs (tag-sha, tag-edge)',
    advice: 'v3 replaced them with `tags: type=...` rules.',
    to: 'v5',
  },
  {
    action: 'actions/upload-artifact',
    below: 4,
    severity: 'error',
    id: 'action-major-changed',
    title: 'actions/upload-artifact before v4 no longer runs (turned off on 2025-01-30)',
    advice: 'v4 artifacts are immutable per name: give each matrix leg its own `name` and merge on download (`pattern`, `merge-multiple`).',
    to: 'v4',
  },
  {
    action: 'actions/download-artifact',
    below: 4,
    severity: 'error',
    id: 'action-major-changed',
    title: 'actions/download-artifact before v4 no longer runs (turned off on 2025-01-30)',
    advice: 'Use v4 together with upload-artifact v4: the two majors cannot read each other\'s artifacts.',
    to: 'v4',
  },
];

function pinRules(ctx: RuleContext, job: WorkflowJob, step: WorkflowStep, action: { name: string; ref: string }): Finding[] {
  const major = /^v?(\d+)(?:\.|$)/.exec(action.ref);
  const out: Finding[] = [];
  if (major) {
    for (const rule of PIN_RULES) {
      if (rule.action !== action.name || Number(major[1]) >= rule.below) continue;
      const line = step.uses!.line;
      out.push(finding(ctx, rule.id, rule.severity, rule.title, line, rule.advice, replaceHunk(ctx, line, `@${action.ref}`, `@${rule.to}`), { action: action.name, pinned: action.ref }));
    }
  }
  // setup-buildx-action pinned to a buildx older than 0.21 cannot use GitHub's cache service v2
  // (the v1 service was shut down on 2025-04-15): every type=gha cache import and export fails.
  if (action.name === 'docker/setup-buildx-action') {
    const version = step.with.get('version');
    const v = version ? /^v?0\.(\d+)\./.exec(version.value.trim()) : null;
    const usesGha = job.steps.some((s) => isBuildStep(s) && [...cacheInputs(s).from, ...cacheInputs(s).to].some((e) => e.type === 'gha'));
    if (v && Number(v[1]) < 21 && usesGha) {
      out.push(
        finding(
          ctx,
          'cache-export-failure',
          'error',
          `buildx ${version!.value.trim()} cannot use the GitHub Actions cache (service v1 was shut down; buildx 0.21 or later needed)`,
          version!.line,
          'type=gha needs buildx 0.21 or later since GitHub moved to its cache service v2; pin a newer buildx or let setup-buildx-action pick the latest.',
          replaceHunk(ctx, version!.line, version!.value.trim(), 'latest'),
        ),
      );
    }
  }
  return out;
}

/**
 * What is not wrong but worth knowing (for the check's detail, not findings): a pinned major whose
 * next one behaves differently, and platforms emulated where a native runner would be much faster.
 */
export function workflowNotes(workflow: WorkflowFile): string[] {
  const notes: string[] = [];
  for (const job of workflow.jobs) {
    const native = runnerArch(job.runsOn);
    for (const step of job.steps) {
      const platforms = isBuildStep(step) ? step.with.get('platforms') : undefined;
      if (platforms && native) {
        const emulated = [...new Set(platformLists(platforms.value).flat().filter((p) => !p.includes(`/${native}`)))];
        if (emulated.length > 0) notes.push(`${emulated.join(', ')} built under QEMU on an ${native} runner (line ${platforms.line}): a native runner${emulated.some((p) => p.includes('arm64')) ? ' (ubuntu-24.04-arm)' : ''} builds it many times faster`);
      }
      const action = step.uses ? actionOf(step.uses.value) : null;
      if (action?.name === 'docker/build-push-action' && /^v?5(\.|$)/.test(action.ref)) {
        notes.push(`build-push-action@${action.ref} (line ${step.uses!.line}): v6 adds a build summary and uploads the build record as an artifact (DOCKER_BUILD_SUMMARY / DOCKER_BUILD_RECORD_UPLOAD turn them off)`);
      }
    }
  }
  return [...new Set(notes)];
}
