/** `45.2 s` under a minute and a half, `64.3 min` above: the runbook's unit for builds. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds * 10) / 10} s`;
  return `${(seconds / 60).toFixed(1)} min`;
}
