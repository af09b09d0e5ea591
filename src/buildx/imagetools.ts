// Reading manifests through Docker's own client: `docker buildx imagetools inspect --raw REF` prints
// the manifest or index exactly as the registry stores it, and Docker brings everything needed to get
// it: credentials (config, credential helpers), mirrors, proxies and certificates. No daemon needed.
// Every failure becomes an ImageSizeError whose message is one line in words.

import { createHash } from 'node:crypto';
import { docker, DockerMissingError } from './docker-cli.js';
import { formatReference, type ImageReference } from '../reference/image-reference.js';
import { oneLine } from '../text/bytes.js';

export type ImageSizeErrorKind = 'unreachable' | 'timeout' | 'not-found' | 'auth' | 'rate-limited' | 'docker' | 'bad-manifest';

/** Why an image could not be measured, in one line (no stack, no secret). */
export class ImageSizeError extends Error {
  constructor(
    readonly kind: ImageSizeErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ImageSizeError';
  }
}

export interface InspectOptions {
  /** Docker's environment (DOCKER_CONFIG: whose credentials are used). */
  env: NodeJS.ProcessEnv;
  /** Per docker call; the process is killed after it. */
  timeoutMs: number;
}

/** The last `ERROR: ...` line docker printed (or its first line: docker's own usage errors), without the prefix. */
function dockerSaid(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const error = [...lines].reverse().find((l) => /^ERROR:/.test(l)) ?? lines[0] ?? '';
  return oneLine(error.replace(/^ERROR:\s*/, ''), 240);
}

/** Docker's words, sorted into what the report says about them. */
export function classifyFailure(name: string, registry: string, stderr: string, exitCode: number): ImageSizeError {
  const said = dockerSaid(stderr) || `exit code ${exitCode}`;
  if (/unknown command|is not a docker command|unknown flag: --raw/i.test(said)) {
    return new ImageSizeError('docker', `docker buildx imagetools is not available (${said})`);
  }
  if (/\b(?:401|403)\b|unauthorized|authorization failed|authentication required|no basic auth credentials|denied|forbidden/i.test(said)) {
    return new ImageSizeError('auth', `${registry} refused access to ${name} (${said})`);
  }
  if (/toomanyrequests|\b429\b|rate limit/i.test(said)) return new ImageSizeError('rate-limited', `${registry} is rate limiting (${said})`);
  if (/connection refused|no such host|network is unreachable|no route to host|dial tcp|connection reset|EOF$|timeout/i.test(said)) {
    return new ImageSizeError('unreachable', `cannot reach ${registry} (${said})`);
  }
  if (/not found|manifest unknown|name unknown/i.test(said)) return new ImageSizeError('not-found', `${name} was not found in the registry (${said})`);
  return new ImageSizeError('docker', `docker buildx imagetools inspect ${name} failed (${said})`);
}

async function imagetools(args: string[], name: string, registry: string, options: InspectOptions): Promise<string> {
  let result;
  try {
    result = await docker(['buildx', 'imagetools', 'inspect', ...args, name], { env: options.env, timeoutMs: options.timeoutMs });
  } catch (error) {
    if (error instanceof DockerMissingError) throw new ImageSizeError('docker', `docker CLI not found (${error.message})`);
    throw new ImageSizeError(
      'timeout',
      `${registry} did not answer within ${Math.round(options.timeoutMs / 1000)} s (docker buildx imagetools inspect was stopped)`,
    );
  }
  if (result.exitCode !== 0) throw classifyFailure(name, registry, result.stderr, result.exitCode);
  return result.stdout;
}

/** Why docker cannot read manifests here (no docker, no buildx), or null when `docker buildx` answers. */
export async function imagetoolsProblem(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | null> {
  try {
    const result = await docker(['buildx', 'version'], { env, timeoutMs });
    if (result.exitCode === 0) return null;
    return `docker buildx is not available (${oneLine(result.stderr, 200) || `exit code ${result.exitCode}`})`;
  } catch (error) {
    if (error instanceof DockerMissingError) return 'not measured: docker CLI not found';
    return `docker buildx did not answer within ${Math.round(timeoutMs / 1000)} s`;
  }
}

/** The manifest or index `name` names, as the registry's bytes (its sha256 is its digest). */
export function inspectRaw(name: string, registry: string, options: InspectOptions): Promise<string> {
  return imagetools(['--raw'], name, registry, options);
}

/** The image config (`os`, `architecture`, `variant`, ...) of a single-platform manifest. */
export async function inspectConfig(name: string, registry: string, options: InspectOptions): Promise<unknown> {
  const text = await imagetools(['--format', '{{json .Image}}'], name, registry, options);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ImageSizeError('bad-manifest', `the image config of ${name} is not JSON`);
  }
}

/** At most `limit` of `fn` running at once. */
function limiter(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Manifests of one measuring run: a bounded number of docker processes at once, each registry with
 * its environment (a temporary login, or Docker's own), and a registry that did not answer is not
 * asked again (its other images fail at once, the same way, instead of each waiting the time limit).
 */
export class ManifestReader {
  private readonly run: ReturnType<typeof limiter>;
  private readonly down = new Map<string, ImageSizeError>();

  constructor(
    private readonly envOf: (registry: string) => NodeJS.ProcessEnv,
    private readonly timeoutMs: number,
    concurrency: number,
    /** Registry -> why it cannot be read at all (a refused login). */
    private readonly refused: Map<string, string> = new Map(),
  ) {
    this.run = limiter(concurrency);
  }

  /** The manifest or index `ref` names, parsed, and its digest (the sha256 of the registry's bytes). */
  async manifest(ref: ImageReference): Promise<{ body: unknown; digest: string }> {
    const refused = this.refused.get(ref.registry);
    if (refused) throw new ImageSizeError('auth', refused);
    const known = this.down.get(ref.registry);
    if (known) throw known;
    const name = formatReference(ref);
    let text: string;
    try {
      text = await this.run(() => inspectRaw(name, ref.registry, { env: this.envOf(ref.registry), timeoutMs: this.timeoutMs }));
    } catch (error) {
      if (error instanceof ImageSizeError && (error.kind === 'unreachable' || error.kind === 'timeout')) this.down.set(ref.registry, error);
      throw error;
    }
    try {
      return { body: JSON.parse(text) as unknown, digest: `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}` };
    } catch {
      throw new ImageSizeError('bad-manifest', `the manifest of ${name} is not JSON`);
    }
  }

  /** The image config of a single-platform manifest, null when it cannot be read. */
  async config(ref: ImageReference): Promise<unknown> {
    try {
      return await this.run(() => inspectConfig(formatReference(ref), ref.registry, { env: this.envOf(ref.registry), timeoutMs: this.timeoutMs }));
    } catch {
      return null;
    }
  }
}
