import * as fs from 'node:fs';
import * as path from 'node:path';
import { dockerConfigDir } from '../buildx/docker-login.js';
import type { ImageReference } from '../reference/image-reference.js';
import type { CheckStatus } from './check.js';
import { whyNoAnswer } from '../github/api.js';

// Push rights on a registry other than ghcr.io, without pushing: a registry with token auth (the
// protocol of Docker Hub, ghcr.io, Harbor, the distribution registry) answers `GET /v2/` with a
// Bearer challenge naming its token service; that service, asked for `repository:NAME:push,pull`
// with Docker's stored credentials, grants what those credentials may do, in the token's `access`
// claim. Only that handshake is done here: no manifest or blob is read (Docker's CLI does that).
// Credentials kept by a credential helper are not read, and a Basic-auth registry decides per
// request: both are said to be unchecked.

export interface PushScope {
  status: CheckStatus;
  detail: string;
}

const TIME_LIMIT_MS = 10_000;

export async function checkPushScope(ref: ImageReference, env: NodeJS.ProcessEnv = process.env): Promise<PushScope> {
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(ref.registry);
  const host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
  try {
    const ping = await fetch(`${loopback ? 'http' : 'https'}://${host}/v2/`, { signal: AbortSignal.timeout(TIME_LIMIT_MS) });
    await ping.body?.cancel();
    if (ping.ok) return { status: 'pass', detail: `the registry asks for no credentials (GET /v2/ answered ${ping.status}): whoever reaches it can push` };
    if (ping.status !== 401) return { status: 'warn', detail: `push rights: not checked (GET /v2/ answered ${ping.status}, not a request for credentials)` };
    const challenge = parseChallenge(ping.headers.get('www-authenticate') ?? '');
    if (!challenge) return { status: 'skipped', detail: 'push rights: not checked for this registry (it does not use token auth, so it decides on each push)' };
    const credentials = storedCredentials(ref.registry, env);
    if (credentials?.kind === 'helper')
      return { status: 'skipped', detail: 'push rights: not checked for this registry (its credentials are in a credential helper, which is not read)' };
    const url = new URL(challenge.realm);
    if (challenge.service) url.searchParams.set('service', challenge.service);
    url.searchParams.set('scope', `repository:${ref.repository}:push,pull`);
    const answer = await fetch(url, { headers: credentials ? { authorization: `Basic ${credentials.auth}` } : {}, signal: AbortSignal.timeout(TIME_LIMIT_MS) });
    if (answer.status === 401 || answer.status === 403) {
      await answer.body?.cancel();
      return { status: 'fail', detail: `the registry's token service refused the stored credentials (${answer.status})` };
    }
    if (!answer.ok) {
      await answer.body?.cancel();
      return { status: 'warn', detail: `push rights: not checked (the token service answered ${answer.status})` };
    }
    const body = (await answer.json()) as { token?: string; access_token?: string };
    const actions = grantedActions(body.token ?? body.access_token ?? '', ref.repository);
    if (actions === null) return { status: 'skipped', detail: 'push rights: not checked for this registry (its token does not say what it grants)' };
    const who = credentials ? 'the stored credentials' : 'without credentials (none stored for it)';
    if (actions.includes('push')) return { status: 'pass', detail: `${who}: the token service grants push on ${ref.repository}` };
    return { status: 'fail', detail: `${who}: the token service grants ${actions.length > 0 ? actions.join(', ') : 'nothing'} on ${ref.repository}, not push` };
  } catch (error) {
    // fetch says only "fetch failed"; the cause (connection refused, no such host) is in its chain.
    const message = (error as Error).name === 'TimeoutError' ? `no answer within ${TIME_LIMIT_MS / 1000} s` : whyNoAnswer(error);
    return { status: 'warn', detail: `push rights: not checked (${message})` };
  }
}

/** `Bearer realm="https://auth/token",service="registry"`; null for any other scheme. */
export function parseChallenge(header: string): { realm: string; service: string | null } | null {
  if (!/^bearer\s/i.test(header.trim())) return null;
  const params = new Map([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
  const realm = params.get('realm');
  if (!realm || !/^https?:\/\//i.test(realm)) return null;
  return { realm, service: params.get('service') ?? null };
}

/** The actions a registry JWT's `access` claim grants on a repository; null when it is no JWT. */
export function grantedActions(token: string, repository: string): string[] | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { access?: Array<{ type?: string; name?: string; actions?: string[] }> };
    if (!Array.isArray(claims.access)) return null;
    return claims.access.filter((a) => a.type === 'repository' && a.name === repository).flatMap((a) => a.actions ?? []);
  } catch {
    return null;
  }
}

/** Where Docker keeps a registry's credentials: base64 `user:password` in its config, or a helper. */
type Stored = { kind: 'auth'; auth: string } | { kind: 'helper' };

/** The credentials Docker's config holds for the registry, null when none. */
function storedCredentials(registry: string, env: NodeJS.ProcessEnv): Stored | null {
  let config: { auths?: Record<string, { auth?: string }>; credsStore?: string; credHelpers?: Record<string, string> };
  try {
    config = JSON.parse(fs.readFileSync(path.join(dockerConfigDir(env), 'config.json'), 'utf8')) as typeof config;
  } catch {
    return null;
  }
  const names = registry === 'docker.io' ? ['docker.io', 'index.docker.io', 'registry-1.docker.io'] : [registry];
  const hostOf = (key: string) =>
    key
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/\/.*$/, '')
      .toLowerCase();
  const entry = Object.entries(config.auths ?? {}).find(([key]) => names.includes(hostOf(key)))?.[1];
  if (entry?.auth) return { kind: 'auth', auth: entry.auth };
  if (Object.keys(config.credHelpers ?? {}).some((key) => names.includes(hostOf(key))) || (entry && config.credsStore)) return { kind: 'helper' };
  return null;
}
