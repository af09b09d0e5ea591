// BuildKit's SolveStatus (github.com/moby/buildkit/client/graph.go) as `--progress=rawjson` writes it.
// The input is untrusted: every field is read through the guards below, never assumed.

export interface RawVertex {
  /** Position in the object's `vertexes` array (invalid entries included). */
  index: number;
  digest: string;
  name: string;
  started: number | null;
  completed: number | null;
  cached: boolean;
  error: string | null;
  group: { id: string; name: string } | null;
}

export interface RawStatus {
  index: number;
  id: string;
  vertex: string;
  started: number | null;
  completed: number | null;
}

export interface RawLog {
  index: number;
  vertex: string;
  stream: number;
  /**
   * The output bytes (base64 in the JSON) are `data[from, to)`: a buffer of their own, or a slice of
   * the canonical reader's decoding arena (shared with other logs); the step's reader cuts them where
   * lines end.
   */
  data: Buffer;
  from: number;
  to: number;
  timestamp: number | null;
}

export interface RawWarning {
  index: number;
  vertex: string;
  level: number;
  short: string;
  detail: string[];
  url: string | null;
}

export interface SolveStatus {
  vertexes: RawVertex[];
  statuses: RawStatus[];
  logs: RawLog[];
  warnings: RawWarning[];
}

const KEYS = ['vertexes', 'statuses', 'logs', 'warnings'] as const;

/** The SolveStatus in `value`, or null when it is some other JSON (no SolveStatus key holds an array). */
export function readSolveStatus(value: unknown): SolveStatus | null {
  if (!isRecord(value)) return null;
  if (!KEYS.some((key) => Array.isArray(value[key]))) return null;
  return {
    vertexes: records(value.vertexes)
      .map(readVertex)
      .filter((v): v is RawVertex => v !== null),
    statuses: records(value.statuses)
      .map(readStatus)
      .filter((s): s is RawStatus => s !== null),
    logs: records(value.logs)
      .map(readLog)
      .filter((l): l is RawLog => l !== null),
    warnings: records(value.warnings).map(readWarning),
  };
}

function readVertex(v: Record<string, unknown> | null, index: number): RawVertex | null {
  if (!v || typeof v.digest !== 'string' || v.digest === '') return null;
  const group = isRecord(v.progressGroup) && typeof v.progressGroup.id === 'string' && v.progressGroup.id !== '' ? v.progressGroup : null;
  return {
    index,
    digest: v.digest,
    name: typeof v.name === 'string' ? v.name : '',
    started: timestamp(v.started),
    completed: timestamp(v.completed),
    cached: v.cached === true,
    error: typeof v.error === 'string' && v.error !== '' ? v.error : null,
    group: group ? { id: group.id as string, name: typeof group.name === 'string' ? group.name : '' } : null,
  };
}

function readStatus(s: Record<string, unknown> | null, index: number): RawStatus | null {
  if (!s || typeof s.vertex !== 'string' || typeof s.id !== 'string') return null;
  return { index, id: s.id, vertex: s.vertex, started: timestamp(s.started), completed: timestamp(s.completed) };
}

function readLog(l: Record<string, unknown> | null, index: number): RawLog | null {
  if (!l || typeof l.vertex !== 'string' || typeof l.data !== 'string') return null;
  const data = Buffer.from(l.data, 'base64');
  return {
    index,
    vertex: l.vertex,
    stream: typeof l.stream === 'number' ? l.stream : 1,
    data,
    from: 0,
    to: data.length,
    timestamp: timestamp(l.timestamp),
  };
}

function readWarning(w: Record<string, unknown> | null, index: number): RawWarning {
  const record = w ?? {};
  return {
    index,
    vertex: typeof record.vertex === 'string' ? record.vertex : '',
    level: typeof record.level === 'number' ? record.level : 0,
    short: typeof record.short === 'string' ? decodeBase64Text(record.short) : '',
    detail: Array.isArray(record.detail)
      ? record.detail
          .filter((d): d is string => typeof d === 'string')
          .slice(0, 20)
          .map(decodeBase64Text)
      : [],
    url: typeof record.url === 'string' && record.url !== '' ? record.url : null,
  };
}

function records(value: unknown): Array<Record<string, unknown> | null> {
  return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : null)) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeBase64Text(data: string): string {
  return Buffer.from(data, 'base64').toString('utf8');
}

// RFC 3339 with up to nanoseconds, as Go writes time.Time: `2026-11-29T05:58:51.139608677Z`.
export const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch, fractional (a double keeps well under a microsecond at today's
 * epoch), or null for a missing value and Go's zero time (`0001-01-01T00:00:00Z`).
 */
export function timestamp(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = RFC3339.exec(value);
  if (!match) return null;
  const whole = wholeMilliseconds(match[1]!, match[3]!);
  if (whole === null) return null;
  return match[2] === undefined ? whole : whole + Number(`0.${match[2]}`) * 1000;
}

/** The milliseconds of a timestamp's date and time to the second, in `zone`; null for Go's zero time or an invalid date. */
export function wholeMilliseconds(dateTime: string, zone: string): number | null {
  if (dateTime.startsWith('0001-')) return null;
  const whole = Date.parse(`${dateTime}${zone}`);
  return Number.isNaN(whole) ? null : whole;
}
