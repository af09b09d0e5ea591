// Image references, the one parser of the project (distribution/reference's grammar):
// `[host[:port]/]path[:tag][@digest]`. The first component is a host when it has a `.` or a `:`, is
// `localhost`, or has upper case letters; path components are lowercase [a-z0-9] joined by `.`, `_`,
// `__` or `-`s; a tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Docker Hub names (`alpine`, `user/app`,
// `index.docker.io/...`) are `docker.io/...`, one-component names under `library/`, as docker writes them.
// The image sizes read references with it, and the diagnosis names the rule a bad tag breaks.

/** Docker Hub, as docker names it in references. */
export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Any algorithm's digest (`sha256:...`, `sha512:...`). */
export const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

export interface ImageReference {
  /** The registry as docker names it: `ghcr.io`, `docker.io`, `127.0.0.1:5000` (lower case). */
  registry: string;
  /** Repository path in that registry, e.g. `org/app`, `library/alpine`. */
  repository: string;
  /** The tag; `latest` when the reference names neither a tag nor a digest. Null with a digest only. */
  tag: string | null;
  /** `sha256:...` when the reference has `@digest`. */
  digest: string | null;
}

/** A reference that does not follow the grammar; the message is one line. */
export class InvalidReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReferenceError';
  }
}

type Checked = { ok: ImageReference; problem?: undefined } | { problem: string };

/** The grammar, once: the parts of a reference, or the rule it breaks in words. */
function check(text: string): Checked {
  if (text === '') return { problem: 'the reference is empty' };
  if (/\s/.test(text)) return { problem: 'it contains white space' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return { problem: 'a reference has no scheme (drop the `://` part)' };

  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest) || (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest))) {
      return { problem: 'the part after `@` is not a digest (`sha256:` and 64 hex digits)' };
    }
  }

  const components = rest.split('/');
  let host: string | null = null;
  const first = components[0]!;
  if (components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    host = first;
    components.shift();
  }
  // The tag is after the last `:` of the path (a host's port went with the host).
  let tag: string | null = null;
  const last = components[components.length - 1]!;
  const colon = last.lastIndexOf(':');
  if (colon !== -1) {
    tag = last.slice(colon + 1);
    components[components.length - 1] = last.slice(0, colon);
    if (tag === '') return { problem: 'the tag after `:` is empty: a variable or template produced nothing' };
    if (tag.length > 128) return { problem: `the tag is ${tag.length} characters long; at most 128 are allowed` };
    if (/^[.-]/.test(tag)) return { problem: `the tag \`${tag}\` starts with \`${tag[0]}\`; a tag must start with a letter, a digit or \`_\`` };
    if (!TAG.test(tag)) return { problem: `the tag \`${tag}\` may only hold letters, digits, \`_\`, \`.\` and \`-\`` };
  }

  if (host !== null && !HOST.test(host)) return { problem: `\`${host}\` is not a valid registry host` };
  if (components.some((c) => c === '')) {
    return { problem: 'the name has an empty component (`//`, or a leading or trailing `/`): a variable in it is probably empty' };
  }
  for (const component of components) {
    if (component !== component.toLowerCase() && COMPONENT.test(component.toLowerCase()))
      return { problem: `the repository name must be lowercase (\`${component}\`)` };
    if (!COMPONENT.test(component))
      return { problem: `the name component \`${component}\` may only hold a-z, 0-9 and single \`.\`, \`_\`, \`__\` or \`-\` between them` };
  }

  const registry = host === null || DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB : host.toLowerCase();
  let repository = components.join('/');
  if (registry === DOCKER_HUB && components.length === 1) repository = `library/${repository}`;
  if (repository.length > 255) return { problem: 'the repository name is over 255 characters' };
  if (tag === null && digest === null) tag = 'latest';
  return { ok: { registry, repository, tag, digest } };
}

/** Parses `ghcr.io/org/app:tag`, `app@sha256:...`, `127.0.0.1:5000/x:y`; throws InvalidReferenceError. */
export function parseReference(input: string): ImageReference {
  const text = input.trim();
  const checked = check(text);
  if (checked.problem === undefined) return checked.ok;
  const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  throw new InvalidReferenceError(`invalid image reference ${shown}: ${checked.problem}`);
}

/** What GitHub's runner prints for a secret's value in a log: in a reference, the part that broke the rule may be hidden. */
const MASKED = '***';
/** A valid name component, put where the mask was to check the rest of the reference. */
const MASK_STAND_IN = 'masked';

/** Which rule of the grammar a reference breaks, in words; null when it is valid. */
export function explainReference(reference: string): string | null {
  const problem = check(reference).problem ?? null;
  if (problem === null || !reference.includes(MASKED)) return problem;
  // `gcr.io/***/app`: the runner hid a secret's value, so the log does not show what the reference really held. When the
  // rest is valid, the hidden value is what broke the rule; else the rest's own problem is the one to name.
  const rest = check(reference.split(MASKED).join(MASK_STAND_IN)).problem;
  if (rest !== undefined) return rest;
  return `\`${MASKED}\` is a secret's value the runner hides in logs, and the rest of the reference is valid: check that secret's value where it goes into the reference (upper case, a trailing newline or blank, a whole URL where one name belongs)`;
}

/** `registry/repository[:tag][@digest]`, e.g. `127.0.0.1:5000/app:v1`, `docker.io/library/alpine:3`. */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}

/** The same repository at another tag (the baseline), without a digest. */
export function withTag(ref: ImageReference, tag: string): ImageReference {
  if (!TAG.test(tag))
    throw new InvalidReferenceError(
      `invalid tag ${JSON.stringify(tag)}: a tag is 1 to 128 of letters, digits, \`_\`, \`.\`, \`-\`, not starting with \`.\` or \`-\``,
    );
  return { registry: ref.registry, repository: ref.repository, tag, digest: null };
}

/** The same repository at a digest: one manifest of an index. */
export function withDigest(ref: ImageReference, digest: string): ImageReference {
  return { registry: ref.registry, repository: ref.repository, tag: null, digest };
}
