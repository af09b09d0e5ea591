import type { Build, EvidenceLine, Severity, Step } from '../../model.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import type { SignatureMatch } from '../../diagnose/matcher.js';
import { fillTemplate } from '../../diagnose/template.js';
import { enrich } from '../../diagnose/enrich.js';
import { findLocations } from '../../diagnose/locations.js';
import { quote } from '../evidence.js';
import { statedFailureLines } from './build-outcome.js';
import { inlineCode } from '../../text/markdown.js';
import { failedStepOf, templateValues } from './template-values.js';
import { firstLine, firstListItem } from '../../text/fix-lines.js';
import { LATER_STEP_ORDER } from '../rank.js';

/** Besides the root cause, this many other signatures are reported, as possible contributors. */
const MAX_SECONDARY = 2;
const MAX_EVIDENCE = 12;
const CONTINUES_ERROR = /^(?:\s|-->|\||\^|=|at |Caused by|note:|help:|error|fatal|ERROR|ERR!|E: )|\d+ \|/;
/** Lines of the root cause's error quoted as the tool printed them. */
const MAX_PRINTED = 8;

/**
 * Names the cause of a failure from the signature catalog: the best match is the root cause, with
 * its evidence, the line it points at and a fix that uses what the match extracted.
 */
export const signatureDiagnosisRule: Rule = {
  // Every id of the signature catalog (signatures/builtin.yml and the team's own file).
  ids: ['(catalog)'],
  run(context: RuleContext): RuleFinding[] {
    const { diagnosis } = context;
    if (!diagnosis || diagnosis.matches.length === 0) return [];
    const seen = new Set<string>();
    const chosen = diagnosis.matches.filter((m) => !seen.has(m.signature.id) && seen.add(m.signature.id)).slice(0, 1 + MAX_SECONDARY);
    const root = chosen[0]!;
    return chosen.map((match, index) =>
      matchFinding(match, context, {
        primary: index === 0,
        others: index === 0 ? chosen.slice(1) : [],
        allLines: diagnosis.allLines,
        laterStep: null,
        // A cause the root names in its catalog entry (`causedBy`), ranked after it all the same (the kubelet's back-off
        // before the missing tag its pull reports): the reports must not say that it follows from the root.
        causeOf: index > 0 && root.signature.causedBy.includes(match.signature.id) ? root.signature.id : null,
      }),
    );
  },
};

/** How a match becomes a finding: its rank among the matches, and where it was read. */
export interface MatchFindingOptions {
  /** The root cause (else a possible contributor, at most a warning). */
  primary: boolean;
  /** The other matches, after it: which of them follow from it (causality). */
  others: SignatureMatch[];
  /** The lines matched, in input order: the error is quoted from them as the tool printed it. */
  allLines: EvidenceLine[];
  /**
   * The job's step after the build that printed it (`The step "Run docker push ..."`), for a match
   * in that step's output (after-build-error.ts); null for the build's own failure.
   */
  laterStep: string | null;
  /** Image references that output named (a later step's `docker push ghcr.io/acme/app`), before the build's tags. */
  references?: string[];
  /** For a contributor the root's catalog entry names as its cause: the root's id (`data.causeOf`). */
  causeOf?: string | null;
}

export function matchFinding(
  match: SignatureMatch,
  { build, options }: RuleContext,
  { primary, others, allLines, laterStep, references = [], causeOf = null }: MatchFindingOptions,
): RuleFinding {
  const signature = match.signature;
  const failedStep = failedStepOf(build);
  const enrichment = enrich(match, build, references);
  const values: Record<string, string | undefined> = {
    ...templateValues(build, failedStep),
    ...match.groups,
    ...enrichment.values,
  };
  // A build that succeeded (a cache export with ignore-error) or a tool's own WARNING is never an
  // error, unless the warnings are the root cause of an error that followed (a retry loop before
  // the package manager gave up).
  const explainsError = primary && others.some((m) => !m.onlyWarnings && m.signature.causedBy.includes(signature.id));
  // A later step's failure is an error of the job, though the build succeeded (a push that was denied).
  let severity: Severity = signature.severity;
  if ((build.status === 'success' && laterStep === null) || (match.onlyWarnings && !explainsError) || !primary) severity = capAt(severity, 'warning');
  const cause = fillTemplate(signature.title, values, 'text');
  const title = laterStep === null ? cause : `${cause}, in ${laterStep} after the build`;
  // What to do comes first (reports show the fix's first line alone); which line came first last.
  const general = fillTemplate(signature.fix, values, 'markdown');
  const after = laterStep === null ? afterTheBuild(build, failedStep) : null;
  const fix = [enrichment.cause, after, general, causality(match, others)].filter(Boolean).join('\n\n');
  // The change: the cause in this build when code found one, else the catalog's first advice (a list
  // item), not its lead paragraph, which says what happened (catalog header).
  const change = enrichment.cause ? firstLine(enrichment.cause) : (firstListItem(general) ?? firstLine(general));
  const printed = primary ? asPrinted(match.lines[0]!, allLines) : [];
  // A match on the failing command alone quotes the command: the failure's own lines say what went wrong in it.
  const stated = primary && match.byCommand ? statedFailureLines(build, allLines) : [];
  const evidence = dedupe([...printed, ...match.lines, ...stated, ...(primary ? build.errors : [])])
    .slice(0, MAX_EVIDENCE)
    .map((l) => quote(l.line, l.text));
  // A Dockerfile's or a source file's line is a build's failure; a later step's is in no such file.
  const locations = primary && severity === 'error' && laterStep === null ? findLocations(build, allLines, options.workspace, title) : [];
  return {
    id: signature.id,
    severity,
    title,
    fix,
    evidence,
    locations,
    rank: laterStep !== null ? LATER_STEP_ORDER : primary ? 0 : 50,
    change,
    data: {
      ...Object.fromEntries(Object.entries(match.groups).map(([k, v]) => [k, v.slice(0, 200)])),
      ...enrichment.data,
      priority: signature.priority,
      signatureOrigin: signature.origin,
      role: primary ? 'root-cause' : 'contributing',
      ...(causeOf === null ? {} : { causeOf }),
      ...(laterStep === null ? {} : { laterCause: cause }),
    },
  };
}

/**
 * Which line came first and what followed from it: the root cause's first line, and the other
 * signatures that matched later lines of the same failure.
 */
function causality(root: SignatureMatch, others: SignatureMatch[]): string | null {
  const first = root.lines[0]!;
  const later = others.filter((m) => !m.onlyWarnings && m.lines[0]!.line > first.line);
  if (later.length === 0) return null;
  const what = later.map((m) => `${m.signature.id} (line ${m.lines[0]!.line})`).join(', ');
  return `The first error is on line ${first.line}; what the log reports after it follows from it: ${what}.`;
}

/** A failure in an exporter after every instruction ran: say so, the image itself was built. */
function afterTheBuild(build: Build, failedStep: Step | null): string | null {
  if (!failedStep || (failedStep.kind !== 'export' && failedStep.kind !== 'cache-export')) return null;
  const instructions = build.steps.filter((s) => s.kind === 'instruction');
  if (instructions.length === 0 || instructions.some((s) => s.status !== 'done' && s.status !== 'cached')) return null;
  return `All ${instructions.length} build steps finished; the failure came afterwards, in ${inlineCode(failedStep.name)}.`;
}

function capAt(severity: Severity, cap: Severity): Severity {
  const order: Severity[] = ['error', 'warning', 'notice'];
  return order.indexOf(severity) < order.indexOf(cap) ? cap : severity;
}

/**
 * The error as the tool printed it: from the root cause's first line, the lines that follow it
 * without a gap (a compiler's `-->` location and caret lines), up to 8, each text once.
 */
function asPrinted(first: EvidenceLine, lines: EvidenceLine[]): EvidenceLine[] {
  const start = lines.findIndex((l) => l.line === first.line && l.text === first.text);
  if (start === -1) return [];
  // Plain progress interleaves the steps that run at once: follow the root cause's own step.
  const step = /^#\d+ /.exec(first.text)?.[0] ?? null;
  const out: EvidenceLine[] = [];
  const seen = new Set<string>();
  let previous = first.line;
  for (let i = start; i < lines.length && out.length < MAX_PRINTED; i++) {
    const line = lines[i]!;
    if (step !== null && !line.text.startsWith(step)) continue;
    if (line.line - previous > (step === null ? 1 : 3)) break;
    previous = line.line;
    const text = line.text.replace(/^#\d+ (?:\d+\.\d+ )?|^\d+\.\d+ /, '');
    if (text.trim() === '' || seen.has(text)) continue;
    // After the first line, only what continues the error: indented lines, a compiler's location,
    // source and caret lines, notes, and further error lines.
    if (i > start && !CONTINUES_ERROR.test(text)) break;
    seen.add(text);
    out.push(line);
  }
  return out;
}

function dedupe(lines: EvidenceLine[]): EvidenceLine[] {
  const seen = new Set<number>();
  return lines.filter((l) => !seen.has(l.line) && seen.add(l.line));
}
