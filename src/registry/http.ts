// The one HTTP GET the registry code makes, over Node's built-in fetch (undici): a time limit per
// request, a bound on the body, redirects followed by hand (never from HTTPS down to plain HTTP,
// plain HTTP only to loopback hosts, the Authorization header dropped when the origin changes), and
// every failure turned into a RegistryError with a one-line reason that never holds a secret.

import { isLoopbackHost } from './reference.js';

export type RegistryErrorKind =
  | 'invalid-reference'
  | 'unreachable'
  | 'timeout'
  | 'not-found'
  | 'unauthorized'
  | 'denied'
  | 'rate-limited'
  | 'too-large'
  | 'bad-response'
  | 'unsupported'
  | 'http-status';

/** A registry request that failed; `message` is one line, safe to show (no credentials, no tokens). */
export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    readonly status: number | null = null,
    /** For `unreachable` and `timeout`: the host that could not be reached. */
    readonly host: string | null = null,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  /** Per request, from sending it to the last byte of the body. */
  timeoutMs: number;
  /** Largest body accepted for a successful (2xx) response; error bodies are cut, not refused. */
  maxBytes: number;
  fetch?: FetchLike;
  userAgent?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

const MAX_REDIRECTS = 5;
/** Enough of an error body for the registry's `errors[0].message`. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** `https://host` for a registry host, or `http://host` for a loopback one (`127.0.0.1:5000`, `localhost`). */
export function registryBaseUrl(host: string): string {
  return `${isLoopbackHost(host) ? 'http' : 'https'}://${host}`;
}

/** Whether a URL may be requested at all: HTTPS anywhere, plain HTTP only on loopback. */
export function isAllowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.host);
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

/** One line, without control characters, at most `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Turns a failure of fetch (or of reading the body) into a RegistryError about `host`. */
function networkError(error: unknown, host: string, signal: AbortSignal, timeoutMs: number): RegistryError {
  if (error instanceof RegistryError) return error;
  if (isTimeout(error, signal)) return new RegistryError('timeout', `${host} did not answer within ${formatSeconds(timeoutMs)}`, null, host);
  const code = errorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return new RegistryError('unreachable', `cannot reach ${host}: connection refused`, null, host);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new RegistryError('unreachable', `cannot reach ${host}: its name does not resolve (${code})`, null, host);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new RegistryError('unreachable', `cannot reach ${host}: the connection was closed (${code})`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new RegistryError('unreachable', `cannot reach ${host}: no route (${code})`, null, host);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new RegistryError('timeout', `${host} did not answer within ${formatSeconds(timeoutMs)}`, null, host);
    default:
      break;
  }
  if (code && /CERT|TLS|SSL|SELF_SIGNED|ALTNAME/i.test(code)) {
    return new RegistryError('unreachable', `cannot reach ${host}: TLS certificate problem (${code})`, null, host);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new RegistryError('unreachable', `cannot reach ${host}: ${oneLine(code ? `${message} (${code})` : message, 120)}`);
}

async function readBody(response: Response, maxBytes: number, refuseOverLimit: boolean, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (refuseOverLimit && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new RegistryError('too-large', `${what} is ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    if (total + chunk.length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      if (refuseOverLimit) throw new RegistryError('too-large', `${what} is over the ${maxBytes}-byte limit`);
      chunks.push(chunk.subarray(0, maxBytes - total));
      total = maxBytes;
      break;
    }
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks, total);
}

/**
 * GETs `url` with `headers`. Never throws anything but a RegistryError; a non-2xx answer is
 * returned (with its body cut to 64 KiB), not thrown, so that callers can read challenges.
 */
export async function httpGet(url: string, headers: Record<string, string>, options: HttpOptions): Promise<HttpResponse> {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new RegistryError('bad-response', `not a valid URL: ${oneLine(url, 120)}`);
  }
  const first = current;
  let sendHeaders: Record<string, string> = { ...headers };
  if (options.userAgent && !Object.keys(sendHeaders).some((k) => k.toLowerCase() === 'user-agent')) {
    sendHeaders['User-Agent'] = options.userAgent;
  }
  for (let hop = 0; ; hop++) {
    if (!isAllowedUrl(current)) {
      throw new RegistryError('unsupported', `refusing plain HTTP to ${current.host}: only loopback registries may use http://`);
    }
    let response: Response;
    try {
      response = await fetchImpl(current.toString(), { method: 'GET', headers: sendHeaders, redirect: 'manual', signal });
    } catch (error) {
      throw networkError(error, current.host, signal, options.timeoutMs);
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) throw new RegistryError('bad-response', `${first.host} redirected more than ${MAX_REDIRECTS} times`);
      let next: URL;
      try {
        next = new URL(response.headers.get('location')!, current);
      } catch {
        throw new RegistryError('bad-response', `${current.host} redirected to an invalid location`);
      }
      if (current.protocol === 'https:' && next.protocol !== 'https:') {
        throw new RegistryError('unsupported', `${current.host} redirected from HTTPS to ${next.protocol.replace(':', '')}; refused`);
      }
      if (next.origin !== current.origin) {
        // Credentials are for the host they were meant for (blob downloads go to a CDN with a signed URL).
        sendHeaders = Object.fromEntries(Object.entries(sendHeaders).filter(([k]) => k.toLowerCase() !== 'authorization'));
      }
      current = next;
      continue;
    }
    const ok = response.status >= 200 && response.status < 300;
    try {
      const body = await readBody(response, ok ? options.maxBytes : Math.min(options.maxBytes, MAX_ERROR_BODY_BYTES), ok, `the response of ${current.host}`);
      return { status: response.status, headers: response.headers, body, url: current.toString() };
    } catch (error) {
      throw networkError(error, current.host, signal, options.timeoutMs);
    }
  }
}

/** The registry's own words for an error answer (`errors[0].code` and `.message`), if its body has them. */
export function registryErrorText(body: Buffer): string | null {
  if (body.length === 0) return null;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: Array<{ code?: unknown; message?: unknown }> };
    const first = Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
    if (!first) return null;
    const parts = [typeof first.code === 'string' ? first.code : '', typeof first.message === 'string' ? first.message : ''].filter((p) => p !== '');
    return parts.length > 0 ? oneLine(parts.join(': '), 160) : null;
  } catch {
    return null;
  }
}
