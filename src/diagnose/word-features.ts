import { normalizeForMatching } from './normalize.js';
import { WARNING_LINE } from './matcher.js';

// The words a failure's lines are read by when no signature recognised them (word-model.ts): what
// is left of a line once the framing is gone, in lower case, as words of letters, and each pair of
// neighbouring words, which tells `not found` from `found` and `no space` from `space`.

// Letters only: a three-digit number is as often a version's part (`v0.101.7`) or a size as a status.
const WORD = /[a-z]{2,24}/g;
// What wrappers say around every failed command, whatever its cause (`process "/bin/sh -c ..." did
// not complete successfully: exit code: 1`, `The command '/bin/sh -c ...' returned a non-zero code`):
// left in, these words of the frame would outvote the command's own, and a failure in words the model
// never saw would be guessed from its frame alone. The command's own words stay.
const WRAPPER =
  /did not complete successfully|process "\/bin\/sh -c|failed to solve(?: with frontend dockerfile\.v0)?:|executor failed running \[\/bin\/sh -c|returned a non-zero code|The command '\/bin\/sh -c|ERROR: Job failed: exit code|exit code:?|exit status|\/bin\/sh -c/gi;
// A run of hex letters this long is a digest or an id, not a word (`deadbeefcafe`).
const HEX_RUN = /^[a-f]{8,}$/;
// Lines of BuildKit's frame that any build prints, whatever broke (buildx's `building with "default" instance
// using docker driver`, the context and Dockerfile transfers): few excerpts of the corpus kept them, so their
// words would look like those of the few causes whose excerpts did.
const FRAME_LINE =
  /^building with "[^"]*" instance using \S+ driver$|^\[internal\] load (?:build definition from|\.dockerignore)|^transferring (?:dockerfile|context):/;
/** At most this many lines are read, the last ones: a failure's error comes at its end. */
const MAX_LINES = 200;

/** The distinct words and word pairs of `lines`, sorted: the same lines give the same features. */
export function wordFeatures(lines: readonly string[]): string[] {
  const features = new Set<string>();
  for (const line of lines.slice(-MAX_LINES)) {
    const normalized = normalizeForMatching(line);
    // A tool's warning is not read: a warning never outranks an error (matcher.ts), and its words (a registry's
    // 401 on an anonymous token, before a configure script failed) would name a cause the error does not have.
    if (WARNING_LINE.test(normalized) || FRAME_LINE.test(normalized)) continue;
    const words = (normalized.replace(WRAPPER, ' ').toLowerCase().match(WORD) ?? []).filter((w) => !HEX_RUN.test(w));
    for (let i = 0; i < words.length; i++) {
      features.add(words[i]!);
      if (i > 0) features.add(`${words[i - 1]!} ${words[i]!}`);
    }
  }
  return [...features].sort();
}
