import type { Analysis } from '../analyze/analyze.js';
import { groupFindings, type FindingGroup } from '../analyze/group.js';
import type { Finding } from '../model.js';
import { isAllowedFailure } from '../analyze/allowed-failure.js';

/**
 * The findings as a reader's screen shows them (the job summary, the PR comment, the terminal): each
 * thing said in one place. The analysis keeps every finding, and the JSON report shows them all; here
 * two kinds step back behind the finding or section that already says what they say:
 * - a consequence of a build's root cause: another signature that matched only lines the root cause
 *   already quotes (a 403 on push also reads as "pushing to the registry failed"). It is folded under
 *   its root cause, named there in one line;
 * - a build's cache-miss finding when the comparison with the baseline names where that build's cache
 *   broke and why: the baseline section says it, with the reason the finding can only guess at.
 */
export interface ScreenGroups {
  /** The groups shown, in the analysis's order (root cause first). */
  groups: FindingGroup[];
  /** For a shown group, the consequences folded under it. */
  consequences: Map<FindingGroup, Finding[]>;
}

export function screenGroups(analysis: Analysis): ScreenGroups {
  const consequenceOf = consequences(analysis.findings);
  const cacheSaidByBaseline = cacheBreaksShown(analysis);
  const hidden = new Set<Finding>(consequenceOf.keys());
  for (const finding of analysis.findings)
    if (finding.id === 'cache-miss' && finding.build !== null && cacheSaidByBaseline.has(finding.build)) hidden.add(finding);
  if (hidden.size === 0) return { groups: analysis.groups, consequences: new Map() };
  // A slow build the analysis explained by a hidden cache miss goes with it: the baseline section
  // says why that build lost its time.
  for (const group of analysis.groups)
    for (const slow of group.folded) if (group.findings.some((f) => hidden.has(f) && f.build === slow.build)) hidden.add(slow);
  // Regrouped from the findings left, so that a group over several builds loses only the hidden
  // builds' rows, and its title still counts what it shows.
  const groups = groupFindings(analysis.findings.filter((f) => !hidden.has(f)));
  const groupOf = new Map<Finding, FindingGroup>(groups.flatMap((g) => g.findings.map((f) => [f, g] as const)));
  const folded = new Map<FindingGroup, Finding[]>();
  for (const [consequence, root] of consequenceOf) {
    const group = groupOf.get(root);
    if (!group) continue;
    const list = folded.get(group) ?? [];
    list.push(consequence);
    folded.set(group, list);
  }
  return { groups, consequences: folded };
}

/**
 * A root finding's folded findings, by how the reports name them: those that follow from it, and those its catalog entry
 * names as its own cause though it was ranked first (`data.causeOf`: the missing tag behind the kubelet's back-off), which
 * it includes: their titles, each labelled by `label` (redacted, quoted) and named once.
 */
export function byRelation(findings: Finding[], label: (title: string) => string): { follow: string[]; included: string[] } {
  const labels = (list: Finding[]) => [...new Set(list.map((f) => label(f.title)))];
  return { follow: labels(findings.filter((f) => f.data?.causeOf === undefined)), included: labels(findings.filter((f) => f.data?.causeOf !== undefined)) };
}

/**
 * Each consequence with the root cause it follows from: in the same build, a signature match the
 * diagnosis ranked after an error that is the build's root cause, whose every line the root cause
 * already quotes. It adds no line and no fact the root cause does not show.
 */
function consequences(findings: Finding[]): Map<Finding, Finding> {
  const out = new Map<Finding, Finding>();
  // Keyed by build and input file: a log of thousands of builds is read once, not once per finding.
  const key = (f: Finding) => `${f.source ?? ''}\u0000${f.build ?? ''}`;
  const roots = new Map<string, Finding>();
  // A build's failure its job was allowed is a warning, and still the root of what follows from it.
  for (const f of findings) if ((f.severity === 'error' || isAllowedFailure(f)) && f.data?.role === 'root-cause' && !roots.has(key(f))) roots.set(key(f), f);
  for (const finding of findings) {
    if (finding.severity === 'error' || finding.data?.role !== 'contributing') continue;
    const root = roots.get(key(finding));
    if (!root) continue;
    const quoted = new Set(root.evidence.map((e) => e.line));
    if (finding.evidence.length > 0 && finding.evidence.every((e) => quoted.has(e.line))) out.set(finding, root);
  }
  return out;
}

/** Builds for which the baseline section prints a cache break sentence. */
function cacheBreaksShown(analysis: Analysis): Set<string> {
  const comparison = analysis.comparison;
  const out = new Set<string>();
  if (!comparison?.hasBaseline) return out;
  analysis.builds.forEach((b, i) => {
    if (comparison.builds[i]?.cacheBreak) out.add(b.build.name);
  });
  return out;
}
