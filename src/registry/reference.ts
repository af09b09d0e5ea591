// Image references as the registry API needs them: the host to talk to, the repository path, and a
// tag or a digest. Follows distribution/reference: `[host[:port]/]path[:tag][@digest]`, where the
// first component is a host when it has a `.` or a `:`, is `localhost`, or has upper case letters;
// Docker Hub names (`alpine`, `user/app`, `docker.io/...`) go to `registry-1.docker.io`, one-component
// names under `library/`.

/** Where Docker Hub's registry API answers. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

export interface ImageReference {
  /** Host (and port) of the registry API, e.g. `ghcr.io`, `registry-1.docker.io`, `127.0.0.1:5000`. */
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

/** True for `localhost`, `127.x.x.x` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  let name = host.toLowerCase();
  if (name.startsWith('[')) {
    name = name.slice(1, name.indexOf(']') === -1 ? undefined : name.indexOf(']'));
    return name === '::1' || name === '0:0:0:0:0:0:0:1';
  }
  name = name.replace(/:\d+$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The registry API host for a host as people write it (`docker.io` -> `registry-1.docker.io`). */
export function normalizeRegistryHost(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB_API_HOST : lower;
}

/** Parses `ghcr.io/org/app:tag`, `app@sha256:...`, `127.0.0.1:5000/x:y`; throws InvalidReferenceError. */
export function parseReference(input: string): ImageReference {
  const text = input.trim();
  const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  if (text === '') throw new InvalidReferenceError('invalid image reference "": it is empty');
  if (/\s/.test(text)) throw new InvalidReferenceError(`invalid image reference ${shown}: it contains white space`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) throw new InvalidReferenceError(`invalid image reference ${shown}: a reference has no scheme (drop the \`://\` part)`);

  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new InvalidReferenceError(`invalid image reference ${shown}: the part after \`@\` is not a digest like sha256:<64 hex digits>`);
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
      throw new InvalidReferenceError(`invalid image reference ${shown}: a sha256 digest has 64 lowercase hex digits`);
    }
  }

  const components = rest.split('/');
  let host: string | null = null;
  if (components.length > 1) {
    const first = components[0]!;
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      host = first;
      components.shift();
    }
  }
  // The tag is after the last `:` of the path (a host's port was taken off with the host).
  let tag: string | null = null;
  const last = components[components.length - 1]!;
  const colon = last.lastIndexOf(':');
  if (colon !== -1) {
    tag = last.slice(colon + 1);
    components[components.length - 1] = last.slice(0, colon);
    if (!TAG.test(tag)) throw new InvalidReferenceError(`invalid image reference ${shown}: \`${tag}\` is not a valid tag`);
  }

  if (host !== null && !HOST.test(host)) throw new InvalidReferenceError(`invalid image reference ${shown}: \`${host}\` is not a valid registry host`);
  for (const component of components) {
    if (component === '') throw new InvalidReferenceError(`invalid image reference ${shown}: the repository name has an empty component`);
    if (!COMPONENT.test(component)) {
      const why = component !== component.toLowerCase() ? 'must be lowercase' : 'may only hold a-z, 0-9 and single `.`, `_`, `__` or `-` between them';
      throw new InvalidReferenceError(`invalid image reference ${shown}: the name component \`${component}\` ${why}`);
    }
  }

  const registry = normalizeRegistryHost(host ?? 'docker.io');
  let repository = components.join('/');
  if (registry === DOCKER_HUB_API_HOST && components.length === 1) repository = `library/${repository}`;
  if (repository.length > 255) throw new InvalidReferenceError(`invalid image reference ${shown}: the repository name is over 255 characters`);
  if (tag === null && digest === null) tag = 'latest';
  return { registry, repository, tag, digest };
}

/** `registry/repository[:tag][@digest]`, e.g. `127.0.0.1:5000/app:v1`. */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}

/** The same repository at another tag (the baseline), without a digest. */
export function withTag(ref: ImageReference, tag: string): ImageReference {
  if (!TAG.test(tag)) throw new InvalidReferenceError(`invalid tag ${JSON.stringify(tag)}: a tag is 1 to 128 of letters, digits, \`_\`, \`.\`, \`-\`, not starting with \`.\` or \`-\``);
  return { registry: ref.registry, repository: ref.repository, tag, digest: null };
}

/** What to ask the registry for: the digest when there is one, else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest';
}
