// Registry authentication: anonymous, Basic, and the Bearer token challenge of ghcr.io and Docker
// Hub (on a 401 with `WWW-Authenticate: Bearer realm=...,service=...,scope=...`, GET the realm with
// `service` and `scope`, with Basic credentials when there are some, and use its `token` or
// `access_token`). Credentials come from explicit ones, then a docker config file (as docker login
// and docker/login-action write it), then, for ghcr.io, a GitHub token.
//
// Secrets never leave this module in a message: errors name the credentials' source, never them.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { httpGet, isAllowedUrl, oneLine, RegistryError, registryErrorText, type HttpOptions } from './http.js';
import { normalizeRegistryHost } from './reference.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Credentials for one registry (`ghcr.io`, `docker.io`, `127.0.0.1:5000`), or for every registry when `registry` is absent. */
export interface RegistryCredential extends Credentials {
  registry?: string;
}

export type CredentialSource = 'explicit' | 'docker-config' | 'github-token';

export interface ResolvedCredentials {
  credentials: Credentials;
  source: CredentialSource;
}

export interface CredentialOptions {
  /** Explicit credentials; they win over every other source. */
  credentials?: RegistryCredential[];
  /**
   * Docker config to read `auths` from: a `config.json` path or the directory holding it. Undefined:
   * `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. `false`: read none.
   */
  dockerConfig?: string | false;
  /** Used for ghcr.io when nothing else gives credentials for it (`GITHUB_TOKEN`, a PAT). */
  githubToken?: string | null;
  /** Username sent with the GitHub token (ghcr.io accepts any non-empty one). */
  githubUsername?: string | null;
  /** Environment for `DOCKER_CONFIG` and `HOME` (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export function describeSource(source: CredentialSource): string {
  switch (source) {
    case 'explicit':
      return 'the credentials given';
    case 'docker-config':
      return 'the credentials from the docker config';
    case 'github-token':
      return 'the GitHub token';
  }
}

// --- WWW-Authenticate --------------------------------------------------------------------------

export interface Challenge {
  /** Lower case: `basic`, `bearer`. */
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses a `WWW-Authenticate` value into its challenges (several may be joined with commas, as
 * fetch joins repeated headers): `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="..."`.
 */
export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return [];
  const challenges: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  let current: Challenge | null = null;
  while (i < n) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    const token = readToken();
    if (token === '') {
      i++; // an unexpected character: skip it
      continue;
    }
    skipSpace();
    if (header[i] === '=' && current) {
      i++;
      skipSpace();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++; // closing quote
      } else {
        const start = i;
        while (i < n && header[i] !== ',' && header[i] !== ' ') i++;
        value = header.slice(start, i);
      }
      current.params[token.toLowerCase()] = value;
    } else if (header[i] === '=' && !current) {
      // A parameter without a scheme: malformed; skip its value.
      while (i < n && header[i] !== ',') i++;
    } else {
      current = { scheme: token.toLowerCase(), params: {} };
      challenges.push(current);
    }
  }
  return challenges;
}

// --- credentials --------------------------------------------------------------------------------

/** The registry host a docker config `auths` key stands for (`https://index.docker.io/v1/` -> `registry-1.docker.io`). */
export function configKeyHost(key: string): string {
  let host = key.trim();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  host = host.split('/')[0] ?? host;
  return normalizeRegistryHost(host);
}

function decodeBasic(auth: string): Credentials | null {
  let decoded: string;
  try {
    decoded = Buffer.from(auth.trim(), 'base64').toString('utf8');
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function dockerConfigPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option !== undefined) {
    try {
      if (fs.statSync(option).isDirectory()) return path.join(option, 'config.json');
    } catch {
      /* not there: used as a file path, and found missing later */
    }
    return option;
  }
  const dir = env.DOCKER_CONFIG && env.DOCKER_CONFIG.trim() !== '' ? env.DOCKER_CONFIG : path.join(env.HOME || os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Credentials per registry host from a docker config file's `auths` (`auth` as base64 `user:pass`,
 * or `username`/`password`). A missing, unreadable or malformed file gives none. Credential helpers
 * (`credsStore`, `credHelpers`) are not run.
 */
export function readDockerConfigAuths(file: string): Map<string, Credentials> {
  const found = new Map<string, Credentials>();
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_CONFIG_BYTES) return found;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return found;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return found;
  }
  const auths = (parsed as { auths?: unknown } | null)?.auths;
  if (!auths || typeof auths !== 'object') return found;
  for (const [key, entry] of Object.entries(auths as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    const { auth, username, password } = entry as { auth?: unknown; username?: unknown; password?: unknown };
    let credentials: Credentials | null = null;
    if (typeof auth === 'string' && auth !== '') credentials = decodeBasic(auth);
    else if (typeof username === 'string' && typeof password === 'string' && username !== '') credentials = { username, password };
    if (!credentials) continue;
    const host = configKeyHost(key);
    // An exact host key wins over a URL form of the same host.
    if (!found.has(host) || !/:\/\//.test(key)) found.set(host, credentials);
  }
  return found;
}

/** Finds credentials for a registry host; null means anonymous. */
export class CredentialStore {
  private dockerAuths: Map<string, Credentials> | null = null;

  constructor(private readonly options: CredentialOptions = {}) {}

  resolve(registryHost: string): ResolvedCredentials | null {
    const host = normalizeRegistryHost(registryHost);
    for (const entry of this.options.credentials ?? []) {
      if (entry.username === '' && entry.password === '') continue;
      if (entry.registry === undefined || entry.registry === '' || configKeyHost(entry.registry) === host) {
        return { credentials: { username: entry.username, password: entry.password }, source: 'explicit' };
      }
    }
    if (this.options.dockerConfig !== false) {
      if (!this.dockerAuths) {
        const file = dockerConfigPath(this.options.dockerConfig || undefined, this.options.env ?? process.env);
        this.dockerAuths = readDockerConfigAuths(file);
      }
      const fromConfig = this.dockerAuths.get(host);
      if (fromConfig) return { credentials: fromConfig, source: 'docker-config' };
    }
    const token = this.options.githubToken;
    if (token && host === 'ghcr.io') {
      return { credentials: { username: this.options.githubUsername || 'x-access-token', password: token }, source: 'github-token' };
    }
    return null;
  }
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

// --- Bearer tokens ------------------------------------------------------------------------------

const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

/**
 * Asks a token service for a Bearer token (the Docker registry token protocol): GET `realm` with
 * `service` and `scope`, Basic credentials when given. Returns the `Authorization` header value.
 */
export async function fetchBearerToken(
  challenge: Challenge,
  scope: string,
  resolved: ResolvedCredentials | null,
  http: Omit<HttpOptions, 'maxBytes'>,
): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new RegistryError('bad-response', 'the registry asked for a Bearer token but named no realm');
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new RegistryError('bad-response', `the registry's token realm is not a URL: ${oneLine(realm, 120)}`);
  }
  if (!isAllowedUrl(url)) {
    throw new RegistryError('unsupported', `refusing the token realm ${url.host} over plain HTTP: only loopback hosts may use http://`);
  }
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  if (scope) url.searchParams.set('scope', scope);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (resolved) headers.Authorization = basicAuthorization(resolved.credentials);

  const response = await httpGet(url.toString(), headers, { ...http, maxBytes: MAX_TOKEN_RESPONSE_BYTES });
  const host = url.host;
  if (response.status === 401 || response.status === 403) {
    const detail = registryErrorText(response.body);
    const who = resolved ? `refused ${describeSource(resolved.source)}` : 'refused an anonymous token';
    throw new RegistryError(
      response.status === 401 ? 'unauthorized' : 'denied',
      `the token service at ${host} ${who} (HTTP ${response.status}${detail ? ` ${detail}` : ''})`,
      response.status,
    );
  }
  if (response.status === 429) throw new RegistryError('rate-limited', `the token service at ${host} is rate limiting (HTTP 429)`, 429);
  if (response.status < 200 || response.status >= 300) {
    throw new RegistryError('http-status', `the token service at ${host} answered HTTP ${response.status}`, response.status);
  }
  let parsed: { token?: unknown; access_token?: unknown };
  try {
    parsed = JSON.parse(response.body.toString('utf8')) as typeof parsed;
  } catch {
    throw new RegistryError('bad-response', `the token service at ${host} did not answer JSON`);
  }
  const token = typeof parsed?.token === 'string' && parsed.token !== '' ? parsed.token : typeof parsed?.access_token === 'string' ? parsed.access_token : '';
  if (token === '') throw new RegistryError('bad-response', `the token service at ${host} answered no token`);
  if (/[\r\n]/.test(token)) throw new RegistryError('bad-response', `the token service at ${host} answered a malformed token`);
  return `Bearer ${token}`;
}
