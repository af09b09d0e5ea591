import { CredentialStore, basicAuthorization, fetchBearerToken, parseChallenges, describeSource, type CredentialOptions } from '../registry/auth.js';
import { httpGet, registryBaseUrl, RegistryError } from '../registry/http.js';
import { parseReference } from '../registry/reference.js';

// Whether the credentials on this runner could push to a repository, without pushing: the registry
// token protocol answers a request for `pull,push` with a token whose `access` claim lists what was
// granted (a JWT, as distribution's token auth and Docker Hub issue). Basic-auth registries only say
// whether the credentials are accepted; an opaque token says nothing, and then the answer is unknown.

export type PushVerdict = 'allowed' | 'refused' | 'unknown';

export interface PushAccess {
  verdict: PushVerdict;
  /** One line, no secrets. */
  detail: string;
}

export interface PushAccessOptions extends CredentialOptions {
  timeoutMs?: number;
}

/** The `access` claim of a JWT bearer token, null when the token is not a readable JWT. */
export function grantedActions(token: string, repository: string): string[] | null {
  const parts = token.replace(/^Bearer /, '').split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { access?: Array<{ type?: string; name?: string; actions?: string[] }> };
    if (!Array.isArray(payload.access)) return null;
    return payload.access.filter((a) => a.type === 'repository' && a.name === repository).flatMap((a) => a.actions ?? []);
  } catch {
    return null;
  }
}

export async function checkPushAccess(image: string, options: PushAccessOptions = {}): Promise<PushAccess> {
  let ref;
  try {
    ref = parseReference(image);
  } catch (error) {
    return { verdict: 'unknown', detail: (error as Error).message };
  }
  const http = { timeoutMs: options.timeoutMs ?? 15_000 };
  const base = registryBaseUrl(ref.registry);
  try {
    const first = await httpGet(`${base}/v2/`, {}, { ...http, maxBytes: 64 * 1024 });
    if (first.status >= 200 && first.status < 300) return { verdict: 'allowed', detail: 'the registry asks for no credentials' };
    if (first.status !== 401) return { verdict: 'unknown', detail: `GET /v2/ answered HTTP ${first.status}` };
    const challenges = parseChallenges(first.headers.get('www-authenticate'));
    const resolved = new CredentialStore(options).resolve(ref.registry);
    const who = resolved ? describeSource(resolved.source) : 'no credentials';
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer) {
      const token = await fetchBearerToken(bearer, `repository:${ref.repository}:pull,push`, resolved, http);
      const actions = grantedActions(token, ref.repository);
      if (actions === null) return { verdict: 'unknown', detail: `a token was issued to ${who}, but it does not say what it grants` };
      if (actions.includes('push')) return { verdict: 'allowed', detail: `the token service grants ${who} ${actions.join(', ')} on ${ref.repository}` };
      return { verdict: 'refused', detail: `the token service grants ${who} ${actions.length > 0 ? `only ${actions.join(', ')}` : 'nothing'} on ${ref.repository}, not push` };
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      if (!resolved) return { verdict: 'refused', detail: `the registry wants a login and there are no credentials for ${ref.registry}` };
      const second = await httpGet(`${base}/v2/`, { Authorization: basicAuthorization(resolved.credentials) }, { ...http, maxBytes: 64 * 1024 });
      if (second.status >= 200 && second.status < 300) return { verdict: 'allowed', detail: `${who} are accepted (this registry does not tell push rights apart before a push)` };
      return { verdict: 'refused', detail: `the registry refuses ${who} (HTTP ${second.status})` };
    }
    return { verdict: 'unknown', detail: 'the registry asks for an authentication this check does not know' };
  } catch (error) {
    if (error instanceof RegistryError && (error.kind === 'unauthorized' || error.kind === 'denied')) return { verdict: 'refused', detail: error.message };
    return { verdict: 'unknown', detail: error instanceof RegistryError ? error.message : String((error as Error).message).split('\n')[0]! };
  }
}
