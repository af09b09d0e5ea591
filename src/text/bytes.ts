// Sizes in words: size budgets as people write them (`25MiB`, `1.5GB`) and byte counts and their
// changes as the reports show them.

/** Control characters and runs of white space to one space, cut to `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const UNITS: Record<string, number> = {
  b: 1,
  k: 1000,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  tb: 1000 ** 4,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  ki: 1024,
  mi: 1024 ** 2,
  gi: 1024 ** 3,
  ti: 1024 ** 4,
};

/**
 * `25MiB`, `1.5GB`, `800kB`, `1048576`, `25 MiB` -> bytes (kB/MB/GB decimal, KiB/MiB/GiB binary, unit
 * letters in any case). Throws an Error with a one-line message for anything else.
 */
export function parseSizeLimit(text: string): number {
  const shown = JSON.stringify(oneLine(String(text), 60));
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(String(text));
  const hint = 'expected bytes or a number with a unit: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB (e.g. 25MiB, 1.5GB, 800kB)';
  if (!match) throw new Error(`invalid size limit ${shown}: ${hint}`);
  const unit = match[2]!.toLowerCase();
  const factor = unit === '' ? 1 : UNITS[unit];
  if (factor === undefined) throw new Error(`invalid size limit ${shown}: unknown unit "${match[2]}"; ${hint}`);
  const bytes = Math.round(Number(match[1]) * factor);
  if (!Number.isSafeInteger(bytes)) throw new Error(`invalid size limit ${shown}: too large`);
  if (bytes <= 0) throw new Error(`invalid size limit ${shown}: must be more than 0 bytes`);
  return bytes;
}

/** `512 B`, `1.5 KiB`, `24.8 MiB`, `1.02 GiB`: binary units, three significant digits. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  if (value < 1024) return `${sign}${Math.round(value)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KiB would print as "1024 KiB": go up a unit instead.
  if (value >= 999.5 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${sign}${value.toFixed(digits)} ${units[unit]}`;
}

/** `+1.20 MiB (+5.1%)`, `-300 B (-0.2%)`, `±0 B (0.0%)`; without a percentage when the baseline is 0. */
export function formatByteDelta(current: number, baseline: number): string {
  const delta = current - baseline;
  const amount = delta === 0 ? '±0 B' : `${delta > 0 ? '+' : '-'}${formatBytes(Math.abs(delta))}`;
  if (baseline === 0) return amount;
  const percent = (delta / baseline) * 100;
  return `${amount} (${percent > 0 ? '+' : ''}${percent.toFixed(1)}%)`;
}
