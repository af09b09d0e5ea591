import type { LogSource } from '../input/log-source.js';
import { textSource } from '../input/log-source.js';
import type { Build } from '../model.js';
import { docker } from './docker-cli.js';
import { atLeast, detectBuildx, HISTORY_MIN, INSPECT_JSON_MIN } from './buildx-version.js';
import { applyRecord, parseHistoryRecord } from './history-record.js';
import type { BuildMetadata } from './build-metadata.js';
import { detach } from '../text/detach.js';

export interface HistoryRequest {
  /** build-push-action's metadata (one build, or bake's targets): the refs of the records to read. */
  metadata: BuildMetadata[];
  /** Refs given directly (`builder/node/ref` or a bare ref). */
  refs: string[];
}

export interface HistoryResult {
  sources: LogSource[];
  /** One line each: what could not be read and why. */
  notes: string[];
}

/**
 * BuildKit's own record of builds that ran on this machine, read through `docker buildx history`:
 * the logs as rawjson (exact times, cached flags, errors) and the record (status, duration, the
 * error with its Dockerfile excerpt). With nothing given, the latest record of the current builder.
 */
export async function historySources(request: HistoryRequest): Promise<HistoryResult> {
  const notes: string[] = [];
  const version = await detectBuildx();
  if (typeof version === 'string') return { sources: [], notes: [`buildx history is not available: ${version}`] };
  if (!atLeast(version, HISTORY_MIN.major, HISTORY_MIN.minor)) {
    return { sources: [], notes: [`buildx ${version.raw} has no "buildx history" (it needs 0.${HISTORY_MIN.minor}); give the build's log in "logs" instead`] };
  }
  const inspectJson = atLeast(version, INSPECT_JSON_MIN.major, INSPECT_JSON_MIN.minor);
  if (!inspectJson)
    notes.push(`buildx ${version.raw} cannot print records as JSON (it needs 0.${INSPECT_JSON_MIN.minor}): status and timing come from the record's logs only`);

  const wanted = [
    ...request.metadata.filter((m) => m.ref).map((m) => ({ ref: m.ref!, metadata: m })),
    ...request.refs.map((ref) => ({ ref, metadata: null as BuildMetadata | null })),
  ];
  if (wanted.length === 0) {
    const latest = await latestRef();
    if (typeof latest !== 'string' || latest.startsWith('!')) {
      return { sources: [], notes: [...notes, typeof latest === 'string' ? latest.slice(1) : 'the builder has no build record'] };
    }
    wanted.push({ ref: latest, metadata: null });
  }

  const sources: LogSource[] = [];
  for (const { ref, metadata } of wanted) {
    const { id, builderArgs } = splitRef(ref);
    const logs = await docker(['buildx', 'history', 'logs', ...builderArgs, '--progress=rawjson', id]);
    if (logs.exitCode !== 0) {
      notes.push(
        `build record ${id}: ${firstLine(logs.stderr) || `docker exited with ${logs.exitCode}`} (the record may have been removed, or the builder is gone)`,
      );
      continue;
    }
    const record = inspectJson ? await docker(['buildx', 'history', 'inspect', ...builderArgs, '--format', 'json', id]) : null;
    const parsed = record && record.exitCode === 0 ? parseHistoryRecord(record.stdout) : null;
    if (record && !parsed) notes.push(`build record ${id}: "history inspect" gave no record (${firstLine(record.stderr) || 'no JSON'})`);
    // `history logs` writes the progress to stderr.
    const source = textSource(`buildx history ${id}`, logs.stderr || logs.stdout);
    sources.push({
      ...source,
      name: metadata?.target ?? parsed?.name ?? `build ${id.slice(0, 12)}`,
      enrich: (builds: Build[]) => {
        for (const build of builds) {
          if (parsed) applyRecord(build, parsed);
          else build.origin = 'buildx history logs';
          if (metadata) applyMetadata(build, metadata);
        }
      },
    });
  }
  return { sources, notes };
}

/** The newest record of the current builder; a string starting with `!` says why there is none. */
async function latestRef(): Promise<string> {
  const result = await docker(['buildx', 'history', 'ls', '--format', 'json']);
  if (result.exitCode !== 0) return `!could not list build records: ${firstLine(result.stderr) || `exit code ${result.exitCode}`}`;
  for (const line of result.stdout.split('\n')) {
    try {
      const entry = JSON.parse(line) as { ref?: unknown } | null;
      if (typeof entry?.ref === 'string' && entry.ref) return entry.ref;
    } catch {
      // not a record line
    }
  }
  return '!the current builder has no build record (nothing was built on this runner)';
}

/** `builder/node/ref` → `--builder builder` and the ref; a bare ref stays as it is. */
function splitRef(ref: string): { id: string; builderArgs: string[] } {
  const parts = ref.split('/');
  if (parts.length === 3 && parts.every(Boolean)) return { id: parts[2]!, builderArgs: ['--builder', parts[0]!] };
  return { id: ref, builderArgs: [] };
}

function applyMetadata(build: Build, metadata: BuildMetadata): void {
  for (const name of metadata.imageNames) {
    const known = build.images.find((i) => i.ref === name);
    if (known) known.digest ??= metadata.digest;
    else build.images.push({ ref: detach(name), digest: metadata.digest, pushed: false });
  }
  build.checks.push(...metadata.warnings);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}
