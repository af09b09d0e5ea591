import type { Signature } from './catalog.js';

/** A line offered to the signatures. */
export interface CandidateLine {
  line: number;
  /** As quoted in evidence. */
  text: string;
  /** As patterns see it (normalizeForMatching). */
  normalized: string;
  /** Part of the failure itself: the failing step's output, the error block, the final errors. */
  inFailure: boolean;
}

export interface SignatureMatch {
  signature: Signature;
  /** The matching lines, in input order (at most MAX_MATCHED_LINES). */
  lines: CandidateLine[];
  /** Named groups of the first match that captured each name. */
  groups: Record<string, string>;
  /** Whether any match is part of the failure itself. */
  inFailure: boolean;
  /** Whether every match is on a line the tool itself called a warning. */
  onlyWarnings: boolean;
}

const MAX_MATCHED_LINES = 8;
const WARNING_LINE = /^(?:WARNING|WARN|warning)\b/;

/** The raw result of running patterns: per signature, which lines matched and what they captured. */
export interface RawMatch {
  id: string;
  hits: Array<{ index: number; groups: Record<string, string> }>;
}

/**
 * Runs every pattern of every signature over the lines. Pure and self-contained (no imports used
 * inside), so the same function can run in a worker for patterns that are not ours.
 */
export function runPatterns(signatures: Array<{ id: string; sources: string[]; ignoreCase: boolean }>, lines: string[], maxHits: number): RawMatch[] {
  const out: RawMatch[] = [];
  for (const signature of signatures) {
    const hits: RawMatch['hits'] = [];
    const seen = new Set<number>();
    for (const source of signature.sources) {
      const regex = new RegExp(source, signature.ignoreCase ? 'i' : '');
      for (let index = 0; index < lines.length && hits.length < maxHits; index++) {
        if (seen.has(index)) continue;
        const match = regex.exec(lines[index]!);
        if (!match) continue;
        seen.add(index);
        const groups: Record<string, string> = {};
        for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined && value !== '') groups[name] = value;
        hits.push({ index, groups });
      }
    }
    if (hits.length > 0) {
      hits.sort((a, b) => a.index - b.index);
      out.push({ id: signature.id, hits });
    }
  }
  return out;
}

/** Turns raw pattern hits into matches over the candidate lines. */
export function toMatches(raw: RawMatch[], signatures: Signature[], lines: CandidateLine[]): SignatureMatch[] {
  const byId = new Map(signatures.map((s) => [s.id, s]));
  return raw.flatMap(({ id, hits }) => {
    const signature = byId.get(id);
    if (!signature) return [];
    const matched = hits.map((h) => lines[h.index]!);
    const groups: Record<string, string> = {};
    for (const hit of hits) for (const [name, value] of Object.entries(hit.groups)) groups[name] ??= value;
    return [
      {
        signature,
        lines: matched.slice(0, MAX_MATCHED_LINES),
        groups,
        inFailure: matched.some((l) => l.inFailure),
        onlyWarnings: matched.every((l) => WARNING_LINE.test(l.normalized)),
      },
    ];
  });
}

/** Matches trusted (built-in, reviewed) signatures in this thread. */
export function matchTrusted(signatures: Signature[], lines: CandidateLine[]): SignatureMatch[] {
  const specs = signatures.filter((s) => s.patterns.length > 0).map((s) => ({ id: s.id, sources: s.patterns.map((p) => p.source), ignoreCase: s.ignoreCase }));
  return toMatches(runPatterns(specs, lines.map((l) => l.normalized), MAX_MATCHED_LINES * 4), signatures, lines);
}

/** Most likely cause first: a match in the failure itself, then the more specific signature, then the earlier line. */
export function rankMatches(matches: SignatureMatch[]): SignatureMatch[] {
  return [...matches].sort(
    (a, b) =>
      Number(a.onlyWarnings) - Number(b.onlyWarnings) ||
      Number(b.inFailure) - Number(a.inFailure) ||
      b.signature.priority - a.signature.priority ||
      a.lines[0]!.line - b.lines[0]!.line,
  );
}
