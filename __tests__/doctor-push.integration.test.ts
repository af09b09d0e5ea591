// Push rights on a registry other than ghcr.io, without pushing, against a real docker-registry in
// token-auth mode and its token service (support/real-registry.ts): the service grants push only to
// its user and pull only to anonymous callers, so Docker's stored credentials decide the answer.
// A registry with Basic auth decides on each push: said to be unchecked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startRegistry, startTokenService, type RealRegistry, type TokenService } from './support/real-registry.js';
import { runPushRightsChecks } from '../src/doctor/push-rights.js';
import { checkPushScope } from '../src/doctor/registry-push-scope.js';
import { parseReference } from '../src/reference/image-reference.js';
import { tempDir } from './support/temp-dir.js';

const USER = 'ci';
const PASSWORD = 'push-secret-0123';
let tokens: TokenService;
let registry: RealRegistry;
let basic: RealRegistry;

beforeAll(async () => {
  tokens = await startTokenService({ users: { [USER]: PASSWORD }, anonymousPull: ['acme/app'] });
  registry = await startRegistry({
    auth: { kind: 'token', realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile },
  });
  basic = await startRegistry({ auth: { kind: 'htpasswd', users: { [USER]: PASSWORD } } });
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  await basic?.stop();
  await tokens?.stop();
});

/** An environment whose DOCKER_CONFIG holds `auths` (as `docker login` writes them), or a helper. */
function dockerConfig(config: object): NodeJS.ProcessEnv {
  const dir = tempDir('bxd-push-config-');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return { ...process.env, DOCKER_CONFIG: dir };
}
const auth = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

describe('push rights through the token service', () => {
  it('the stored credentials of a user who may push: pass, and the scope asked was push,pull', async () => {
    const env = dockerConfig({ auths: { [registry.host]: { auth: auth(USER, PASSWORD) } } });
    const result = await runPushRightsChecks({ client: null, reason: 'no token' }, [`${registry.host}/acme/app:main`], [], env);
    expect(result.checks).toEqual([
      {
        id: `registry.push.${registry.host}/acme/app`,
        status: 'pass',
        title: `Push rights on ${registry.host}/acme/app`,
        detail: 'the stored credentials: the token service grants push on acme/app',
      },
    ]);
    expect(result.findings).toEqual([]);
    expect(tokens.requests.at(-1)).toMatchObject({ user: USER, scopes: ['repository:acme/app:push,pull'], status: 200 });
  });

  it('no credentials stored: the service refuses the push scope (pull only): fail with registry-auth-denied', async () => {
    const result = await runPushRightsChecks({ client: null, reason: 'no token' }, [`${registry.host}/acme/app:main`], [], dockerConfig({ auths: {} }));
    expect(result.checks[0]).toMatchObject({
      status: 'fail',
      detail: 'without credentials (none stored for it): the token service grants pull on acme/app, not push',
    });
    expect(result.findings).toEqual([expect.objectContaining({ id: 'registry-auth-denied', severity: 'error', data: { image: `${registry.host}/acme/app` } })]);
    expect(tokens.requests.at(-1)).toMatchObject({ user: null, status: 200 });
  });

  it('a wrong password: the service refuses the credentials', async () => {
    const scope = await checkPushScope(
      parseReference(`${registry.host}/acme/app:main`),
      dockerConfig({ auths: { [`http://${registry.host}`]: { auth: auth(USER, 'wrong') } } }),
    );
    expect(scope).toEqual({ status: 'fail', detail: "the registry's token service refused the stored credentials (401)" });
  });

  it('credentials in a credential helper are not read; a Basic-auth registry is not checked', async () => {
    const helper = await checkPushScope(parseReference(`${registry.host}/acme/app:main`), dockerConfig({ credHelpers: { [registry.host]: 'secretservice' } }));
    expect(helper).toEqual({
      status: 'skipped',
      detail: 'push rights: not checked for this registry (its credentials are in a credential helper, which is not read)',
    });
    const plain = await checkPushScope(
      parseReference(`${basic.host}/acme/app:main`),
      dockerConfig({ auths: { [basic.host]: { auth: auth(USER, PASSWORD) } } }),
    );
    expect(plain).toEqual({ status: 'skipped', detail: 'push rights: not checked for this registry (it does not use token auth, so it decides on each push)' });
  });
});
