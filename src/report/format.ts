import type { BuildStatus, Severity } from '../model.js';

import { formatDuration } from '../text/duration.js';

export { formatDuration };

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

/** `+32 s`, `−1.2 min`, `±0 s`. */
export function signedDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds === 0) return '±0 s';
  return `${seconds > 0 ? '+' : '−'}${formatDuration(Math.abs(seconds))}`;
}

/** A change of ratio in percentage points: `−40 pts`. */
export function signedPoints(change: number | null): string {
  if (change === null) return '—';
  const points = Math.round(change * 100);
  if (points === 0) return '±0 pts';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`;
}
