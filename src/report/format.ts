import type { BuildStatus, Severity } from '../model.js';

export { formatDuration } from '../text/duration.js';

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}

export function formatCache(hits: number, misses: number, ratio: number | null): string {
  if (ratio === null) return '—';
  return `${hits}/${hits + misses} (${formatRatio(ratio)})`;
}

/** `sha256:1564b5e107af…f27e`: enough to recognise, short enough for a table. */
export function shortDigest(digest: string | null): string {
  if (!digest) return '—';
  const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
  return match ? `sha256:${match[1]!.slice(0, 12)}…${match[1]!.slice(-4)}` : digest;
}

export const STATUS_ICON: Record<BuildStatus, string> = { success: '✅', failure: '❌', canceled: '⏹️', unknown: '❔' };
export const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
