import type { StepKind } from '../model.js';

/** What a BuildKit vertex name says about the step. */
export interface VertexName {
  platform: string | null;
  stage: string | null;
  index: number | null;
  total: number | null;
  instruction: string | null;
  command: string;
  kind: StepKind;
  /** For cache vertices: the backend (`gha`, `registry`, ...) when the name tells it. */
  cacheKind: string | null;
  /** For cache imports: where from (`gha:1390...`, a registry reference). */
  cacheRef: string | null;
}

// `[linux/arm64 builder  2/15] RUN ...`, `[stage-1 2/2] COPY ...`, `[1/4] FROM ...`,
// `[linux/amd64->arm64 build 3/7] RUN ...` (cross-compiling from the build platform), `[3/?] RUN ...`
// (the legacy builder before Docker 1.13 did not print the number of steps), and docker compose's
// `[web builder 3/5] RUN ...` (the service's name first).
const INSTRUCTION = /^\[([^\]]*?) *(\d+)\/(\d+|\?)\] +([A-Z]+)\b ?(.*)$/s;
// A base image BuildKit could not resolve, before the stage's steps were numbered: docker compose's
// `[rabbitmq] FROM docker.io/library/openadr_build:latest` (the service's name, no `n/m`).
const UNNUMBERED_FROM = /^\[([^\]]+)\] +(FROM)\b ?(.*)$/s;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?(?:->[a-z0-9_/]+)?$/;
// `[internal] load build context`, `[linux/arm64 internal] load metadata for ...`, `[auth] ...`
const BRACKETED = /^\[(?:([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?) +)?(internal|auth)\] ?(.*)$/s;
const CACHE_IMPORT = /^importing cache manifest from (\S+)/;
// docker compose and bake put the service or target first (`[worker] importing cache manifest from ghcr.io/acme/worker:cache`,
// `[worker] exporting cache to registry`, `[worker] exporting to image`): the same steps as without it.
const SERVICE_PREFIX = /^\[([\w.-]+)\] /;

// Exporter vertex names across BuildKit versions; the older ones do not name the backend.
const CACHE_EXPORTS: Array<[RegExp, string | null]> = [
  [/^exporting to GitHub Actions Cache/i, 'gha'],
  [/^exporting cache to GitHub Actions Cache/i, 'gha'],
  [/^exporting cache to registry/i, 'registry'],
  [/^exporting cache to client directory/i, 'local'],
  [/^exporting cache to Amazon S3/i, 's3'],
  [/^exporting cache to Azure Blob Storage/i, 'azblob'],
  [/^exporting cache\b/i, null],
  [/^exporting content cache\b/i, null],
];
const IMAGE_EXPORT = /^(exporting to |copying files\b|exporting layers\b)/;

/** Splits a vertex name into its parts. Never throws: an unknown shape is kind `other`. */
export function parseVertexName(name: string): VertexName {
  const base: VertexName = {
    platform: null,
    stage: null,
    index: null,
    total: null,
    instruction: null,
    command: name,
    kind: 'other',
    cacheKind: null,
    cacheRef: null,
  };
  const instruction = INSTRUCTION.exec(name);
  if (instruction) {
    return {
      ...base,
      ...labelParts(instruction[1]!),
      index: Number(instruction[2]),
      total: instruction[3] === '?' ? null : Number(instruction[3]),
      instruction: instruction[4]!,
      command: instruction[5] ?? '',
      kind: 'instruction',
    };
  }
  const bracketed = BRACKETED.exec(name);
  if (bracketed) {
    return { ...base, platform: bracketed[1] ?? null, command: bracketed[3] ?? '', kind: bracketed[2] as StepKind };
  }
  const unnumbered = UNNUMBERED_FROM.exec(name);
  if (unnumbered) return { ...base, ...labelParts(unnumbered[1]!), instruction: 'FROM', command: unnumbered[3] ?? '', kind: 'instruction' };
  const service = SERVICE_PREFIX.exec(name);
  const bare = service ? name.slice(service[0].length) : name;
  const named = { ...base, stage: service?.[1] ?? null };
  const cacheImport = CACHE_IMPORT.exec(bare);
  if (cacheImport) {
    const ref = cacheImport[1]!;
    return { ...named, kind: 'cache-import', cacheKind: cacheKindOfRef(ref), cacheRef: ref };
  }
  for (const [pattern, kind] of CACHE_EXPORTS) {
    if (pattern.test(bare)) return { ...named, kind: 'cache-export', cacheKind: kind };
  }
  if (IMAGE_EXPORT.test(bare)) return { ...named, kind: 'export' };
  return base;
}

/** A step label's words before `n/m`: a platform (it has a slash), then the service (compose) and the stage. */
function labelParts(label: string): { platform: string | null; stage: string | null } {
  const words = label.split(/ +/).filter(Boolean);
  const platform = words.find((w) => PLATFORM.test(w)) ?? null;
  const names = words.filter((w) => w !== platform);
  return { platform, stage: names[names.length - 1] ?? null };
}

/** The cache backend of an `importing cache manifest from REF` reference. */
export function cacheKindOfRef(ref: string): string {
  const scheme = /^([a-z0-9]+):/.exec(ref);
  if (scheme && ['gha', 'local', 's3', 'azblob'].includes(scheme[1]!)) return scheme[1]!;
  return 'registry';
}

/** The `type=` of a `--cache-to`/`--cache-from` value (`type=gha,mode=max` -> `gha`). */
export function cacheKindOfOption(value: string): string | null {
  const type = /(?:^|,)type=([a-z0-9]+)/.exec(value);
  if (type) return type[1]!;
  // A bare reference (`--cache-from ghcr.io/org/app:cache`) is a registry cache.
  return value.trim() ? 'registry' : null;
}

/** Where a cache-from/cache-to option points, comparable between the two (`gha:app`, `registry:ghcr.io/o/a:cache`, `local:/dir`). */
export function cacheLocation(option: string): string | null {
  const kind = cacheKindOfOption(option);
  if (!kind) return null;
  const fields = new Map(
    option.split(',').map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as [string, string]),
  );
  if (!option.includes('type=')) return `registry:${option.trim()}`;
  switch (kind) {
    case 'gha':
      return `gha:${fields.get('scope') ?? 'buildkit'}`;
    case 'local':
      return `local:${fields.get('src') ?? fields.get('dest') ?? ''}`;
    case 'registry':
      return `registry:${fields.get('ref') ?? ''}`;
    default:
      return `${kind}:${fields.get('name') ?? fields.get('ref') ?? fields.get('bucket') ?? ''}`;
  }
}
