// Whether a registry's refusal was of a pull, not a push, and of which image. Registries answer a pull of a repository
// that does not exist (a misspelled owner, a tag never pushed, an image that moved) with the same `denied` or
// `unauthorized` as a pull of a private one, so the advice for a push (a token's `packages: write`, a fork's read-only
// token) is the wrong advice there: the reader is to check the name first.
import type { Build } from '../model.js';
import type { SignatureMatch } from './matcher.js';

/** Words of a push, in the refusal or the build's final errors: then the refusal is never read as a pull's. */
const PUSH_WORDS =
  /\bpush(?:ing|ed)?\b|The push refers to|exporting to image|\/blobs\/uploads\/|write_package|installation not allowed to (?:Write|Create)|\bmay push\b/i;

/**
 * Words of a pull, as the docker CLI, compose, BuildKit, the daemon's API clients and other registry clients print
 * them: the image looked for locally, a manifest read by its URL or its name, a base image's metadata, a pull named.
 */
const PULL_WORDS =
  /Unable to find image '|\bPulling from\b|\bpull access denied\b|\bpull(?:ing)?\b|\/v2\/\S+\/manifests\/|\breading manifest\b|\berror getting manifest\b|\bload metadata for\b|failed to resolve source metadata|failed to get checksum for|error fetching image\b/i;

/**
 * Where those lines name the image (or its registry's URL): the docker CLI's `Unable to find image 'X' locally`,
 * compose v1's `Pulling web (X)...`, `pull access denied for X,`, a manifest's URL, `reading manifest T in X: `, a
 * client's `Error pulling image X`, a `docker pull X` echoed.
 */
const PULLED_IN_LINE =
  /Unable to find image '([^'\s]+)' locally|\bPulling \S+ \(([^)\s]+)\)|pull access denied for ([^,\s]+),|(https?:\/\/[^/\s"]+)\/v2\/\S+\/manifests\/|\breading manifest \S+ in ([^\s:]+(?::\d+)?[^\s:]*)|\bError pulling image (\S+?)(?::? -|\s|$)|\bdocker pull (?!-)(\S+)/;

/** A step that pulls, by its name (`[internal] load metadata for X`) or its instruction (`FROM [--platform=P] X`). */
const METADATA_STEP = /\bload metadata for (\S+)/;
const FROM_COMMAND = /^(?:--platform=\S+ )?(\S+)/;

/** The lines of the output read with the refusal: those just before it say what the client was doing (`Pulling web (x)...`). */
const LINES_BEFORE = 3;

export interface RefusedPull {
  /** The images the refusal, the lines before it and the failed pulling steps name, first named first. */
  references: string[];
}

/**
 * Whether `match` (a registry's refusal) refused a pull: pull words in the refusal or the few lines before it, or a
 * failed step that pulls (a base image's metadata, a `FROM`), and no push anywhere in the refusal, the build's final
 * errors or a failed export step. Null when it did not (a push, or nothing says).
 */
export function refusedPull(match: SignatureMatch, build: Build): RefusedPull | null {
  const refusal = match.lines.map((l) => l.normalized);
  if (refusal.some((l) => PUSH_WORDS.test(l)) || build.errors.some((e) => PUSH_WORDS.test(e.text))) return null;
  const failed = build.steps.filter((s) => s.status === 'error');
  if (failed.some((s) => s.kind === 'export')) return null;
  const first = match.lines[0]?.line ?? 0;
  const before = build.excerpt.filter((l) => l.line < first && l.line >= first - LINES_BEFORE && !PUSH_WORDS.test(l.text)).map((l) => l.text);
  const pullingSteps = failed.filter((s) => s.instruction === 'FROM' || s.name.includes('load metadata for '));
  if (pullingSteps.length === 0 && !refusal.some((l) => PULL_WORDS.test(l)) && !before.some((l) => PULL_WORDS.test(l))) return null;
  const references: string[] = [];
  for (const line of [...refusal, ...before]) {
    const named = PULLED_IN_LINE.exec(line);
    const reference = named?.slice(1).find((group) => group !== undefined);
    if (reference) references.push(reference);
  }
  for (const step of pullingSteps) {
    const reference = (METADATA_STEP.exec(step.name) ?? FROM_COMMAND.exec(step.command))?.[1];
    if (reference) references.push(reference);
  }
  return { references };
}
