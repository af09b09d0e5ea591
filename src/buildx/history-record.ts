import type { Build, BuildStatus } from '../model.js';
import { detach } from '../text/detach.js';

/** What `docker buildx history inspect --format json REF` says about a build. */
export interface HistoryRecord {
  ref: string;
  name: string | null;
  dockerfile: string | null;
  status: BuildStatus;
  durationSeconds: number | null;
  totalSteps: number | null;
  cachedSteps: number | null;
  completedSteps: number | null;
  error: { message: string; step: string | null; logs: string[]; sources: string[] } | null;
}

/** Reads the inspect JSON. Returns null (never throws) for anything that is not a record. */
export function parseHistoryRecord(text: string): HistoryRecord | null {
  // Only the fields read here; unknown, because buildx's JSON is checked field by field below.
  let raw: {
    Ref?: unknown;
    Error?: unknown;
    Name?: unknown;
    Dockerfile?: unknown;
    Status?: unknown;
    Duration?: unknown;
    NumTotalSteps?: unknown;
    NumCachedSteps?: unknown;
    NumCompletedSteps?: unknown;
  } | null;
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || typeof raw.Ref !== 'string') return null;
  const error = raw.Error && typeof raw.Error === 'object' ? (raw.Error as { Message?: unknown; Name?: unknown; Logs?: unknown; Sources?: unknown }) : null;
  return {
    ref: raw.Ref,
    name: typeof raw.Name === 'string' ? raw.Name : null,
    dockerfile: typeof raw.Dockerfile === 'string' ? raw.Dockerfile : null,
    status: statusOf(raw.Status),
    durationSeconds: typeof raw.Duration === 'number' ? Math.round(raw.Duration / 1e8) / 10 : null,
    totalSteps: numberOrNull(raw.NumTotalSteps),
    cachedSteps: numberOrNull(raw.NumCachedSteps),
    completedSteps: numberOrNull(raw.NumCompletedSteps),
    error: error
      ? {
          message: typeof error.Message === 'string' ? error.Message : '',
          step: typeof error.Name === 'string' ? error.Name : null,
          logs: Array.isArray(error.Logs) ? error.Logs.map(String).slice(-30) : [],
          // The Dockerfile excerpt (`Dockerfile:3`, `>>>`), base64. Not the stack, which holds the daemon's command line.
          sources:
            typeof error.Sources === 'string'
              ? Buffer.from(error.Sources, 'base64')
                  .toString('utf8')
                  .split('\n')
                  .filter((l) => l !== '')
                  .slice(0, 60)
              : [],
        }
      : null,
  };
}

function statusOf(value: unknown): BuildStatus {
  const text = (typeof value === 'string' ? value : '').toLowerCase();
  if (text === 'completed' || text === 'complete' || text === 'success') return 'success';
  if (text === 'failed' || text === 'error') return 'failure';
  if (text === 'canceled' || text === 'cancelled') return 'canceled';
  return 'unknown';
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The record is BuildKit's own account: its status, duration and error win over what the log
 * replay suggests, and its Dockerfile excerpt lets the diagnosis point at the line.
 */
export function applyRecord(build: Build, record: HistoryRecord): void {
  build.origin = 'buildx history record';
  if (record.name) build.name = record.name;
  if (record.status !== 'unknown') build.status = record.status;
  if (record.durationSeconds !== null) build.buildSeconds = record.durationSeconds;
  if (record.dockerfile && !build.request.dockerfile) build.request.dockerfile = record.dockerfile;
  if (record.error) {
    const line = build.lastLine;
    if (record.error.message && !build.errors.some((e) => e.text.includes(record.error!.message))) {
      build.errors.push({ line, text: detach(`ERROR: ${record.error.message}`) });
    }
    if (record.error.sources.length > 0 && !build.errorDetails.some((e) => /^\S+:\d+$/.test(e.text))) {
      build.errorDetails.push(...record.error.sources.map((text) => ({ line, text: detach(text) })));
    }
  }
  if (record.totalSteps !== null && record.cachedSteps !== null) {
    build.notes.push(`buildx history: ${record.completedSteps ?? '?'}/${record.totalSteps} steps completed, ${record.cachedSteps} cached`);
  }
}
