import { InputError } from '../input/errors.js';
import type { BuildCheck } from '../model.js';

/** What docker/build-push-action's `metadata` output (the buildx metadata file) says about a build. */
export interface BuildMetadata {
  /** The bake target, or null for a single build. */
  target: string | null;
  /** `builder/node/ref`: where the build's record is. */
  ref: string | null;
  digest: string | null;
  imageNames: string[];
  warnings: BuildCheckWarning[];
  /** Provenance (SLSA v0.2 or v1) is present: the build was attested. */
  provenance: boolean;
}

/** A Dockerfile build check (`buildx.build.warnings`): a rule broken on a line of the Dockerfile. */
export type BuildCheckWarning = BuildCheck;

/**
 * Reads the metadata JSON: one build's map, or bake's map of targets to such maps. Throws an
 * InputError (one line) when it is not that.
 */
export function parseBuildMetadata(text: string): BuildMetadata[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('metadata: not JSON (pass the build-push-action "metadata" output as it is)');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('metadata: expected a JSON object');
  const record = value as Record<string, unknown>;
  if (isSingle(record)) return [single(null, record)];
  const targets = Object.entries(record).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && isSingle(v as Record<string, unknown>));
  if (targets.length === 0)
    throw new InputError('metadata: neither a build\'s metadata nor a bake map of targets (no "buildx.build.ref" or "containerimage.digest")');
  return targets.map(([target, v]) => single(target, v as Record<string, unknown>));
}

function isSingle(record: Record<string, unknown>): boolean {
  return 'buildx.build.ref' in record || 'containerimage.digest' in record || 'buildx.build.warnings' in record || 'image.name' in record;
}

function single(target: string | null, record: Record<string, unknown>): BuildMetadata {
  const str = (key: string) => (typeof record[key] === 'string' ? record[key] : null);
  return {
    target,
    ref: str('buildx.build.ref'),
    digest: str('containerimage.digest'),
    imageNames: (str('image.name') ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    warnings: Array.isArray(record['buildx.build.warnings'])
      ? (record['buildx.build.warnings'] as unknown[]).map(warning).filter((w): w is BuildCheckWarning => w !== null)
      : [],
    provenance: record['buildx.build.provenance'] !== undefined,
  };
}

/** BuildKit sends `short`, `detail` and source data base64-encoded; older buildx wrote plain text. */
function warning(raw: unknown): BuildCheckWarning | null {
  if (!raw || typeof raw !== 'object') return null;
  // Only the fields read here; unknown, because the metadata file is not validated.
  const w = raw as {
    short?: unknown;
    rule?: unknown;
    detail?: unknown[];
    range?: { start?: { line?: unknown } }[];
    sourceInfo?: { filename?: unknown };
    url?: unknown;
  };
  const short = decode(w.short);
  const rule = /^([A-Z][A-Za-z]+):/.exec(short)?.[1] ?? (typeof w.rule === 'string' ? w.rule : 'build-check');
  const line = Number(w.range?.[0]?.start?.line);
  return {
    rule,
    message: short.replace(/^[A-Z][A-Za-z]+:\s*/, '') || decode(w.detail?.[0]) || 'build check warning',
    file: typeof w.sourceInfo?.filename === 'string' ? w.sourceInfo.filename : null,
    line: Number.isInteger(line) && line > 0 ? line : null,
    url: typeof w.url === 'string' ? w.url : null,
  };
}

function decode(value: unknown): string {
  if (typeof value !== 'string') return '';
  if (/^[A-Za-z0-9+/]+=*$/.test(value) && value.length % 4 === 0) {
    const text = Buffer.from(value, 'base64').toString('utf8');
    if (!/[\u0000-\u0008\uFFFD]/.test(text)) return text;
  }
  return value;
}
