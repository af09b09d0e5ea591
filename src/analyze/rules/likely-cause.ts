import type { Build, Step } from '../../model.js';
import type { Signature } from '../../diagnose/catalog.js';
import type { RuleFinding } from '../rule.js';
import { fillTemplate } from '../../diagnose/template.js';
import { wordFeatures } from '../../diagnose/word-features.js';
import { guessFromWords } from '../../diagnose/word-model.js';
import { builtinWordModel } from '../../diagnose/load-word-model.js';
import { inlineCode } from '../../text/markdown.js';
import { templateValues } from './template-values.js';
import { GUESSED_CAUSE_ORDER } from '../rank.js';

// A path's parts (`/usr/local/lib/python3.12/site-packages/...`, the command a wrapper's line names) say where,
// not why: they must not pass the gate below, or a traceback's or a command's path would decide.
const PATH = /\S*\/\S*/g;
// Markup's tags and attributes (a proxy's error page, `<img src=x onerror=...>` in a hostile log) say nothing of a cause either:
// the text between them stays (`<title>502 Bad Gateway</title>`).
const TAG = /<[^<>]*>/g;
/** How a guessed cause's fix begins: the reports find its caveat by it (report/likely-caveat.ts). */
export const LIKELY_CAVEAT_LEAD = '**Likely, not certain:**';
/** The words that speak most for a guess that are looked for in the failure's stated lines. */
const CONSIDERED_WORDS = 5;
/** The words a finding names as those that decided it. */
const SHOWN_WORDS = 3;

export interface LikelyCauseContext {
  build: Build;
  failedStep: Step | null;
  catalog: Map<string, Signature>;
}

/**
 * The cause a failure's words point at when no signature recognised its lines (word-model.ts), as
 * a finding of that cause's id, titled as likely and saying which words decided it; null when the
 * words do not decide, or the catalog in use has no advice for the cause. The caller gives the
 * evidence and the severity, as for the `unknown` finding this one stands in for.
 */
export function likelyCause(
  lines: string[],
  errorLines: string[],
  { build, failedStep, catalog }: LikelyCauseContext,
): Omit<RuleFinding, 'severity' | 'evidence'> | null {
  const found = guessFromWords(builtinWordModel(), wordFeatures(lines), CONSIDERED_WORDS);
  if (!found) return null;
  // The words that decide must be said where the failure is stated, not only around it: a traceback's
  // frames (`site-packages`, `line 12, in`), a progress line's crate names or a table's headers speak
  // for some cause in the corpus without saying what broke (found by a review: each such guess was wrong).
  const stated = new Set(wordFeatures(errorLines.map((line) => line.replace(TAG, ' ').replace(PATH, ' '))));
  if (!found.words.some((w) => stated.has(w))) return null;
  const guess = { ...found, words: [...found.words.filter((w) => stated.has(w)), ...found.words.filter((w) => !stated.has(w))].slice(0, SHOWN_WORDS) };
  const advice = catalog.get(guess.category);
  if (!advice) return null;
  const values = templateValues(build, failedStep);
  const title = fillTemplate(advice.title, values, 'text');
  const runnerUp = catalog.get(guess.runnerUp);
  const shown = guess.words.map((w) => inlineCode(w, 60)).join(', ');
  const why =
    `${LIKELY_CAVEAT_LEAD} no signature recognised this failure's lines, but their words${shown ? ` (${shown})` : ''} are those of ` +
    `failures whose cause was ${inlineCode(guess.category, 60)}${runnerUp ? ` more than of ${inlineCode(guess.runnerUp, 60)}` : ''}. ` +
    'Check the evidence before you follow the advice.';
  return {
    id: guess.category,
    title: `Likely: ${title}`,
    // Why it is only likely comes first, as its own paragraph (the reports show it as a caveat, not as a fix:
    // report/likely-caveat.ts), then only the advice.
    fix: [why, adviceOnly(fillTemplate(advice.fix, values, 'markdown'))].join('\n\n'),
    rank: GUESSED_CAUSE_ORDER,
    data: { role: 'likely-cause', basis: 'words', words: guess.words.join(', '), margin: Math.round(guess.margin * 10) / 10, runnerUp: guess.runnerUp },
  };
}

/**
 * A catalog fix's list items say what to do; its other lines say what the log shows (oom-killed's "exit code
 * 137 is SIGKILL"), which a guess cannot claim: the log may say otherwise (a PHP memory_limit's exit code 255).
 * A fix without list items is advice throughout.
 */
export function adviceOnly(fix: string): string {
  const items = fix.split('\n').filter((line) => /^\s*[-*] /.test(line));
  return items.length > 0 ? items.join('\n') : fix;
}
