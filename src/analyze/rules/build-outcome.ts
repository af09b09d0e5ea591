import type { Build, EvidenceLine, Severity, Step } from '../../model.js';
import { FAILURE_LINE } from '../../parse/failure-line.js';
import { normalizeForMatching } from '../../diagnose/normalize.js';
import type { Rule, RuleContext, RuleFinding } from '../rule.js';
import { quote } from '../evidence.js';
import { inlineCode } from '../../text/markdown.js';
import { likelyCause } from './likely-cause.js';
import { failedStepOf } from './template-values.js';
import { restatesFailure, type BuildDiagnosis } from '../../diagnose/diagnose.js';
import { isWrapperLine, namesCause, type CandidateLine } from '../../diagnose/matcher.js';

const TAIL = 10;
/** A failure told in more lines than this is not read for its words (wordLines). */
const MAX_WORD_LINES = 40;
// Words of a failure in any tool's output, for the paste whose lines none of the stricter failure
// lines recognise (`ls: cannot access '/x': No such file or directory`, `cd: /src: No such file`, the
// docker CLI retrying a layer it pushes or pulls):
// used only when nothing else names an error, so that a pasted failure is never left silent.
const LOOSE_FAILURE =
  /\b(?:cannot|can't|could not|couldn't|unable to|failed|failure|fatal|denied|refused|not found|no such file or directory|timed out|invalid|exception|segmentation fault|aborted)\b|\berror\b|\bexit (?:code|status):? [1-9]|^\s*File "[^"]+", line \d+, in \S+|^[0-9a-f]{12}: Retrying in \d+ seconds?$/i;
// apt's numbered fetch that failed (`Err:2 http://...`), its reason on the next line: quoted only when a paste was cut after
// it and nothing else says what failed (apt goes on past one of an optional repository: it is no failure of its own).
const APT_FETCH_ERROR = /^Err:\d+ \S/;
// A lone `EOF` as the paste's own line (the docker CLI's push or pull lost its connection), never a step's
// output, where it ends a heredoc (`#7 0.046 EOF`), which is why the raw text is tested, not the normalized.
const LONE_EOF = /^\s*(?:unexpected )?EOF\s*$/;
/** At most this many of the failure's own error lines are quoted. */
const MAX_ERROR_LINES = 8;

/**
 * The baseline for a build that did not succeed: a failure is never left without a finding, even
 * when nothing more specific recognises it, and a canceled build says so.
 */
export const buildOutcomeRule: Rule = {
  ids: ['unknown', 'canceled'],
  run({ build, diagnosis, catalog }: RuleContext): RuleFinding[] {
    const matched = diagnosis?.matches ?? [];
    if (build.status === 'canceled') {
      if (matched.some((m) => m.signature.id === 'canceled')) return [];
      const advice = catalog.get('canceled');
      return [
        {
          id: 'canceled',
          severity: advice?.severity ?? 'warning',
          title: 'The build was canceled before it finished',
          evidence: build.errors.slice(0, 5).map((e) => quote(e.line, e.text)),
          fix: advice?.fix ?? '',
        },
      ];
    }
    // A signature that names the cause (more than a WARNING line, or a warning that repeats: matcher.ts); this is the fallback.
    if (matched.some(namesCause)) return [];
    const lines = diagnosis?.allLines ?? build.excerpt;
    const strictLines = ownErrorLines(build, lines, FAILURE_LINE);
    // Failure words looser than a failure line's say less: a build that did not say it failed is
    // then only a warning (the paste may have been cut before its end).
    const loose = strictLines.length === 0;
    const errorLines = failureErrorLines(build, lines, strictLines);
    // A paste whose only trace of the failure is a tool's WARNING (a cache import that found
    // nothing) is better explained by that warning than by a finding that has nothing to quote.
    if (matched.length > 0 && strictLines.length === 0 && build.errors.length === 0 && build.failedStepTail.length === 0) return [];
    // So is one inside a CI job when every line the fallback would quote is the wrapper's (`ERROR: Job failed: exit code
    // 1`, Jenkins' `Finished: FAILURE`: they only restate that the job failed) or one a signature already read, unless the
    // failure's words point at a cause (below). Else `unknown` came first, quoting the very line the warning came from, and
    // the paste read otherwise wrapped than alone; a line no signature read (a script's `syntax error near unexpected
    // token`) still makes the fallback the failure.
    const read = new Set(matched.flatMap((m) => m.lines.map((l) => l.line)));
    const explained = (l: EvidenceLine) => restatesFailure(l.text) || read.has(l.line);
    const onlyWrapperFailed = matched.length > 0 && build.failedStepTail.length === 0 && errorLines.every(explained) && build.errors.every(explained);
    // A log cut before its end that still shows errors is a failure to explain, not a silence.
    if (build.status !== 'failure' && !(build.status === 'unknown' && errorLines.length > 0)) return [];
    const final = build.errors[build.errors.length - 1] ?? null;
    const failedStep = failedStepOf(build);
    const first = errorLines[0] ?? final;
    const evidence = dedupe(errorLines.length > 0 ? [...errorLines, ...build.errors] : [...build.failedStepTail.slice(-TAIL), ...build.errors]).map((e) =>
      quote(e.line, e.text),
    );
    const severity: Severity = loose && build.status !== 'failure' ? 'warning' : 'error';
    const lastError = final ? `The last error reported: ${inlineCode(final.text, 300)}.` : 'The log shows the build failed but no error line.';
    // No signature knew the failure's wording: the words may still say which cause it is.
    const stated = [...errorLines, ...build.errors].map((l) => l.text);
    const likely = likelyCause(wordLines(build, diagnosis?.lines, errorLines), stated, { build, failedStep, catalog });
    if (likely) return [{ ...likely, severity, evidence, fix: [likely.fix, lastError].join('\n\n') }];
    if (onlyWrapperFailed) return [];
    return [
      {
        id: 'unknown',
        severity,
        title: failedStep ? stepFailureTitle(failedStep) : first ? `The build failed: ${shorten(first.text)}` : 'The build failed',
        evidence,
        fix: [lastError, catalog.get('unknown')?.fix ?? ''].join('\n\n'),
      },
    ];
  },
};

/**
 * The lines a failure's words are read from: those the signatures read as the failure itself (the
 * failing step's output, the error block, the final errors; a paste without BuildKit's frame, whole),
 * not the frame around them (other steps, `[internal] load metadata for ...`, the step headers and the
 * Dockerfile excerpt that restate commands), whose words say what was built, not what broke. When no
 * line is marked as the failure, its own error lines.
 */
function wordLines(build: Build, candidates: CandidateLine[] | undefined, errorLines: EvidenceLine[]): string[] {
  // A wrapper's line (`##[error]Process completed with exit code 1.`) says nothing of the cause: its
  // words would make the same failure inside a CI job's log read otherwise than pasted alone.
  const own = (candidates ?? []).filter((l) => l.inFailure && !isWrapperLine(l.normalized));
  const lines = own.length > 0 ? own.map((l) => l.text) : dedupe([...errorLines, ...build.failedStepTail.slice(-TAIL), ...build.errors]).map((l) => l.text);
  // The model learnt from pasted excerpts (1 to 37 lines). A failure told in more lines (a long step's
  // output) is not what it knows: there its words are mostly what the step did (crate names, progress),
  // and a review found every guess on such logs decided by them. None is made.
  return lines.length <= MAX_WORD_LINES ? lines : [];
}

/**
 * What the word model reads of a build that needed a diagnosis, whatever the signatures found: the
 * corpus's train excerpts give it their documents this way (word-model.test.ts), so that it learns
 * from the same lines it is later asked about.
 */
export function failureWordLines(build: Build, diagnosis: BuildDiagnosis): string[] {
  return wordLines(build, diagnosis.lines, statedFailureLines(build, diagnosis.allLines));
}

/**
 * The lines that state a build's failure in its own words (what `unknown` quotes): for a finding whose signature matched only
 * the failing command, so that the line that says why (`plugin directory ... already exists`) is quoted beside it.
 */
export function statedFailureLines(build: Build, lines: EvidenceLine[]): EvidenceLine[] {
  return failureErrorLines(build, lines, ownErrorLines(build, lines, FAILURE_LINE));
}

/**
 * The lines that state the failure (`strict`: those a failure line recognises), without the lines of
 * a wrapper that only restate it (`ERROR: Job failed: exit code 1`, `make: *** [image] Error 1`,
 * Jenkins' `Finished: FAILURE`): when those are all a failure line recognises, the looser failure
 * words find the line that says why (`An error occurred trying to connect: ... EOF`). A wrapper's
 * line is quoted only when no other line says anything: the same paste inside a CI job's log must be
 * titled and guessed as it is without it.
 */
function failureErrorLines(build: Build, lines: EvidenceLine[], strict: EvidenceLine[]): EvidenceLine[] {
  const concrete = (found: EvidenceLine[]) => found.filter((l) => !restatesFailure(l.text));
  const own = concrete(strict);
  if (own.length > 0) return own;
  const loose = ownErrorLines(build, lines, LOOSE_FAILURE);
  // In that order, the first that holds a line: a wrapper's own line is quoted only when nothing else is, and apt's failed
  // fetch (scanned for only then) when nothing at all is.
  return [concrete(loose), strict, loose].find((found) => found.length > 0) ?? ownErrorLines(build, lines, APT_FETCH_ERROR);
}

/** `RUN cargo build --release failed: exit code: 101`: the step and why, without the shell quoting. */
function stepFailureTitle(step: Step): string {
  const error = step.error ?? '';
  const reason = /did not complete successfully: (.*)$/.exec(error)?.[1] ?? /^executor failed running \[.*\]: (.*)$/s.exec(error)?.[1] ?? error;
  const what = step.instruction ? `${step.instruction} ${step.command}` : step.name;
  return `${what.length > 60 ? `${what.slice(0, 59)}…` : what} failed${reason ? `: ${shorten(reason)}` : ''}`;
}

/**
 * The error lines of the failure itself, in log order: the failing step's own output when a step
 * failed, else the lines of the paste that state a failure.
 */
function ownErrorLines(build: Build, lines: EvidenceLine[], failure: RegExp): EvidenceLine[] {
  const source = build.failedStepTail.length > 0 ? build.failedStepTail : lines;
  const loose = failure === LOOSE_FAILURE;
  return dedupe(source.filter((l) => failure.test(normalizeForMatching(l.text)) || (loose && LONE_EOF.test(l.text)))).slice(0, MAX_ERROR_LINES);
}

/** One line per line number and text, in log order. */
function dedupe(lines: EvidenceLine[]): EvidenceLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.line}\u0000${l.text}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

function shorten(text: string): string {
  const clean = text.replace(/^##\[error\]/, '').replace(/^#\d+ ERROR:\s*/, '');
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}
