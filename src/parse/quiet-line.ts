import { LiteralSet } from '../diagnose/literal-set.js';
import { requiredLiterals } from '../diagnose/required-literals.js';
import { CACHE_IMPORT_WARNING, FINAL_ERROR } from './build-lines.js';
import { FAILURE_LINE } from './failure-line.js';
import { POST_STEP_LINE } from './after-build-error.js';

// A "quiet" line of a runner's log is one the parser would only count, keep in the excerpt ring and
// take the time of: the runner's setup, `docker info`, the builder's inspection JSON, a cleanup
// step. Such a line is most of a real log outside a build's steps. Whether a line is quiet is told
// here from its bytes (the text after the runner's prefix, ASCII already checked): it must hold
// none of the texts the parser acts on. The parser's own state says the rest
// (JobState.passesQuietLine).

/**
 * What the parser's regular expressions on an ordinary line (no runner command, not `#N`) cannot
 * match without: worked out from the expressions themselves, so that a pattern added there is never
 * missed here. A top-level alternative anchored at the start with a plain text (FAILURE_LINE's
 * `^E: `) is a prefix of the line without its blanks, tested as such: as a literal found anywhere
 * in any case, `E: ` would turn away every `Name: ...` line of `docker info`. null when an
 * expression has no such set: then no line is quiet.
 */
function derived(): { literals: string[]; prefixes: string[] } | null {
  const literals: string[] = [];
  const prefixes: string[] = [];
  // FAILURE_LINE: a failure stated in any tool's words (marks the excerpt, counts failures);
  // FINAL_ERROR: buildx's `ERROR: ...` and its kin (fails the build, opens an error block);
  // CACHE_IMPORT_WARNING: a --cache-from source with nothing in it;
  // DOCKERFILE_POINTER (build-log-parser.ts): BuildKit's `  69 | >>> RUN ...` quote.
  for (const pattern of [FAILURE_LINE, FINAL_ERROR, CACHE_IMPORT_WARNING, /^\d+ \| >>> /]) {
    for (const branch of topLevelBranches(pattern.source)) {
      const prefix = pattern.flags.includes('i') || pattern.flags.includes('m') ? null : anchoredPrefix(branch);
      if (prefix !== null) {
        prefixes.push(prefix);
        continue;
      }
      const required = requiredLiterals(branch);
      if (required === null) return null;
      literals.push(...required);
    }
  }
  return { literals, prefixes };
}

/** The top-level alternatives of a regular expression's source (split at `|` outside groups and classes). */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      branches.push(source.slice(from, i));
      from = i + 1;
    }
  }
  branches.push(source.slice(from));
  return branches;
}

const SPECIAL = new Set(['\\', '(', ')', '[', ']', '{', '}', '|', '?', '*', '+', '.', '^', '$']);

/**
 * For an alternative `^TEXT...` whose TEXT is plain characters: that text (without a last character
 * a quantifier makes optional or repeats), which every line it matches starts with. Else null.
 */
export function anchoredPrefix(branch: string): string | null {
  if (branch[0] !== '^') return null;
  let end = 1;
  while (end < branch.length && !SPECIAL.has(branch[end]!)) end++;
  if ('?*+{'.includes(branch[end] ?? '') && end < branch.length) end--;
  return end > 1 ? branch.slice(1, end) : null;
}

/**
 * Texts the parser tests lines for with plain string tests (not regular expressions), read from its
 * code. A line holding one of them (in any ASCII case: the set is a prefilter) goes the whole way.
 */
const TESTED_TEXTS = [
  // JobState.noteArchitecture: `OS/Arch:` and `Architecture:` of `docker version` / `docker info`.
  'Arch',
  // RunnerFactsReader.line outside its groups.
  'BuildKit version:',
  'Secret source: ',
  // The dialects' lines (src/parse/dialects): the error block's rule and its pasted header, the tty
  // display's header and steps, the legacy builder's context and steps. Their other lines are read
  // only inside their state (an open block, the legacy dialect's own build), which the parser checks.
  '------',
  '> [',
  '[+] Building',
  '=> ',
  'Sending build context to Docker daemon',
  'Step ',
  // The parser's after-build error reader: a post step begins with it in a job log.
  POST_STEP_LINE,
];

let parserLiterals: LiteralSet | null | undefined;
let parserPrefixes: Buffer[] = [];

/** One automaton over every literal above, made on first use (null: no line can be quiet). */
export function quietLinePrefilter(): LiteralSet | null {
  if (parserLiterals === undefined) {
    const found = derived();
    parserLiterals = found === null ? null : new LiteralSet([...found.literals, ...TESTED_TEXTS].map((text) => ({ text, id: 0 })));
    parserPrefixes = found === null ? [] : found.prefixes.map((prefix) => Buffer.from(prefix, 'latin1'));
  }
  return parserLiterals;
}

/**
 * Whether the ASCII text in `bytes[start, end)`, its leading blanks left out, starts with one of
 * the anchored prefixes of the parser's expressions (case counts: none of them ignores it).
 */
export function startsWithParserPrefix(bytes: Uint8Array, start: number, end: number): boolean {
  let at = start;
  while (at < end && (bytes[at] === SPACE || bytes[at] === TAB)) at++;
  for (const prefix of parserPrefixes) {
    if (end - at < prefix.length) continue;
    let same = true;
    for (let k = 0; k < prefix.length && same; k++) same = bytes[at + k] === prefix[k];
    if (same) return true;
  }
  return false;
}

let parserTexts: readonly string[] | undefined;

/**
 * The literals quietLinePrefilter() looks for (none when no line can be quiet), for the catalog's
 * automaton to find in the same pass (LineSelector.scanQuietBytes).
 */
export function quietLineTexts(): readonly string[] {
  parserTexts ??= quietLineLiterals()?.literals ?? [];
  return parserTexts;
}

/** The literals and the anchored prefixes the quiet-line test looks for (for the tests). */
export function quietLineLiterals(): { literals: string[]; prefixes: string[] } | null {
  const found = derived();
  return found === null ? null : { literals: [...found.literals, ...TESTED_TEXTS], prefixes: found.prefixes };
}

const SPACE = 0x20;
const TAB = 0x09;
const DOCKER = Buffer.from('docker');

/**
 * Whether the first or the second word of `bytes[start, end)` (ASCII, words split by blanks) ends
 * with `docker`. isBuildCommand (invocation.ts) takes a line for a build command only when its
 * first word, after an optional `[command]`, `+ ` or `$ `, ends with `docker`: `docker` alone is in
 * too many of a runner's lines (`docker info`, paths, image names) to turn them all away.
 */
export function startsWithDockerWord(bytes: Uint8Array, start: number, end: number): boolean {
  let at = start;
  for (let word = 0; word < 2; word++) {
    while (at < end && (bytes[at] === SPACE || bytes[at] === TAB)) at++;
    const from = at;
    while (at < end && bytes[at] !== SPACE && bytes[at] !== TAB) at++;
    if (at - from >= DOCKER.length) {
      let same = true;
      for (let k = 0; k < DOCKER.length && same; k++) same = bytes[at - DOCKER.length + k] === DOCKER[k];
      if (same) return true;
    }
  }
  return false;
}
