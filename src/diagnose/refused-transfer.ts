// What a registry refused: a pull or a push, and of which image. Registries answer a pull of a repository that does not
// exist (a misspelled owner, a tag never pushed, an image that moved) with the same `denied` or `unauthorized` as a pull
// of a private one, so the advice for a push (a token's `packages: write`, a fork's read-only token) is the wrong advice
// there: the reader is to check the name first. A push's refusal names its image in the lines before it more often than
// in the refusal (`The push refers to repository [x]`).
import type { Build } from '../model.js';
import type { SignatureMatch } from './matcher.js';
import { referencesIn } from '../reference/named-references.js';

/**
 * Words of a push, in the refusal, the lines before it or the build's final errors: then the refusal is never read as a
 * pull's. `push` as a word of its own, not a part of a name (`ghcr.io/acme/push-notifier`, `build-push-action`, `--push`).
 */
const PUSH_WORDS =
  /(?<![\w./:-])push(?:ing|ed)?(?![\w./:-])|The push refers to|exporting to image|\/blobs\/uploads\/|write_package|installation not allowed to (?:Write|Create)/i;

/**
 * Words of a pull, as the docker CLI, compose, BuildKit, the daemon's API clients and other registry clients print
 * them: the image looked for locally, a manifest read by its URL or its name, a base image's metadata, a pull named; a token
 * asked for a pull alone (`auth.docker.io/token?scope=repository%3Aacme%2Fapp%3Apull&service=...`, Concourse's check: a
 * push asks for `pull,push`).
 */
const PULL_WORDS =
  /Unable to find image '|\bPulling from\b|\bpull access denied\b|\bpull(?:ing)?\b|\/v2\/\S+\/manifests\/|\breading manifest\b|\berror getting manifest\b|\bload metadata for\b|failed to resolve source metadata|failed to get checksum for|error fetching image\b|\binitializing source docker:\/\/|\bscope=repository%3A\S+?%3Apull(?:&|\s|$)/i;

/**
 * Where those lines name the pulled image beyond what referencesIn reads (`Unable to find image 'X' locally`, `docker
 * pull X`): compose v1's `Pulling web (X)...`, `pull access denied for X,`, a manifest's URL, `reading manifest T in X: `,
 * a client's `Error pulling image X`, containers/image's `initializing source docker://X: ` (before any manifest was read:
 * its token request refused).
 */
const PULLED_IN_LINE =
  /\bPulling \S+ \(([^)\s]+)\)|pull access denied for ([^,\s]+),|(https?:\/\/[^/\s"]+)\/v2\/\S+\/manifests\/|\breading manifest \S+ in ([^\s:]+(?::\d+)?[^\s:]*)|\bError pulling image (\S+?)(?::? -|\s|$)|\binitializing source docker:\/\/(\S+?):\s/;

/**
 * Where they name the pushed image beyond referencesIn (`The push refers to repository [X]`, `docker push X`): podman's and
 * skopeo's upload URL with its host (`initiating layer upload to /v2/acme/app/blobs/uploads/ in quay.io`).
 */
const UPLOAD_IN_HOST = /\/v2\/(\S+?)\/(?:blobs|manifests)\/\S* in ([\w.-]+(?::\d+)?)\b/;

/** A step that pulls, by its name (`[internal] load metadata for X`) or its instruction (`FROM [--platform=P] X`). */
const METADATA_STEP = /\bload metadata for (\S+)/;
const FROM_COMMAND = /^(?:--platform=\S+ )?(\S+)/;

/** The lines of the output read with the refusal: those just before it say what the client was doing (`Pulling web (x)...`). */
const LINES_BEFORE = 3;
/**
 * How far before the refusal a push is looked for: `docker push` prints `The push refers to repository [x]` and a line a
 * layer before the registry's answer; a job log may show the command further up.
 */
const PUSH_LINES_BEFORE = 40;

export interface Refusal {
  /** `pull` or `push` when the output says which, else null. */
  operation: 'pull' | 'push' | null;
  /** The images the refusal, the lines before it and the failed pulling steps name, first named first. */
  references: string[];
}

/**
 * What `match` (a registry's refusal) refused. A push: push words in the refusal, the lines before it or the build's
 * final errors, or a failed export step. Else a pull: pull words in the refusal or the few lines just before it, or a
 * failed step that pulls (a base image's metadata, a `FROM`).
 */
export function readRefusal(match: SignatureMatch, build: Build): Refusal {
  const refusal = match.lines.map((l) => l.normalized);
  const first = match.lines[0]?.line ?? 0;
  const earlier = build.excerpt.filter((l) => l.line < first && l.line >= first - PUSH_LINES_BEFORE).map((l) => l.text);
  const failed = build.steps.filter((s) => s.status === 'error');
  if ([...refusal, ...build.errors.map((e) => e.text), ...earlier].some((l) => PUSH_WORDS.test(l)) || failed.some((s) => s.kind === 'export')) {
    return { operation: 'push', references: namedIn([...refusal, ...[...earlier].reverse()], uploadedTo) };
  }
  const before = earlier.slice(-LINES_BEFORE);
  const pullingSteps = failed.filter((s) => s.instruction === 'FROM' || s.name.includes('load metadata for '));
  if (pullingSteps.length === 0 && ![...refusal, ...before].some((l) => PULL_WORDS.test(l))) return { operation: null, references: [] };
  const references = namedIn([...refusal, ...[...before].reverse()], (line) => firstGroup(PULLED_IN_LINE.exec(line)));
  for (const step of pullingSteps) {
    const reference = (METADATA_STEP.exec(step.name) ?? FROM_COMMAND.exec(step.command))?.[1];
    if (reference) references.push(reference);
  }
  return { operation: 'pull', references };
}

/** The images each line names (the refusal's first, then the nearest line before it), in that order, once each. */
function namedIn(lines: string[], named: (line: string) => string | undefined): string[] {
  const references: string[] = [];
  for (const line of lines) {
    for (const reference of [named(line), ...referencesIn([line])]) if (reference && !references.includes(reference)) references.push(reference);
  }
  return references;
}

function uploadedTo(line: string): string | undefined {
  const upload = UPLOAD_IN_HOST.exec(line);
  return upload ? `${upload[2]}/${upload[1]}` : undefined;
}

function firstGroup(found: RegExpExecArray | null): string | undefined {
  return found?.slice(1).find((group) => group !== undefined);
}
