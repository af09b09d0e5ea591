import type { BuildStatus, Severity } from '../model.js';

/** `45.2 s` under a minute and a half, `64.3 min` above: the runbook's unit for builds. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds * 10) / 10} s`;
  return `${(seconds / 60).toFixed(1)} min`;
}

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
