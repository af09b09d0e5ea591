// Credentials Docker does not have yet (the job token for ghcr.io, the `registry-username` and
// `registry-password` inputs) go into a temporary DOCKER_CONFIG through `docker login
// --password-stdin`, so the secret is never on a command line or in a log, and the runner's own
// config is left untouched. The temporary config is removed after the sizes are read. Everything
// else (credential helpers, mirrors, certificates) stays Docker's own.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { docker, DockerMissingError } from './docker-cli.js';
import { oneLine } from '../text/bytes.js';

export interface Login {
  /** As docker names it: `ghcr.io`, `docker.io`, `127.0.0.1:5000`. */
  registry: string;
  username: string;
  password: string;
}

export interface TemporaryConfig {
  /** The environment whose DOCKER_CONFIG holds the logins. */
  env: NodeJS.ProcessEnv;
  /** Registry -> why `docker login` failed there (one line, without the secret). */
  refused: Map<string, string>;
  /** Deletes the temporary config and the credentials in it. */
  remove(): void;
}

/** The docker config dir `env` points at: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
}

/** `https://ghcr.io/v1/` -> `ghcr.io`: config keys as docker login and login-action write them. */
function keyHost(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

/** True when Docker's config has credentials (or a credential helper) for `registry`. */
export function hasDockerLogin(registry: string, env: NodeJS.ProcessEnv): boolean {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dockerConfigDir(env), 'config.json'), 'utf8')) as { auths?: object; credHelpers?: object };
    const keys = [...Object.keys(config.auths ?? {}), ...Object.keys(config.credHelpers ?? {})].map(keyHost);
    const wanted = registry === 'docker.io' ? ['docker.io', 'index.docker.io', 'registry-1.docker.io'] : [registry];
    return keys.some((k) => wanted.includes(k));
  } catch {
    return false; // no config, or one docker could not read either
  }
}

export interface Credentials {
  username: string;
  password: string;
  /** The registry they are for; without it, every registry measured. */
  registry?: string;
}

/** The logins Docker lacks: explicit credentials, and the job token for ghcr.io when Docker has no login for it. */
export function neededLogins(
  registries: string[],
  credentials: Credentials[],
  githubToken: string | null,
  githubUser: string | null,
  env: NodeJS.ProcessEnv,
): Login[] {
  const logins: Login[] = [];
  for (const registry of registries) {
    const given = credentials.find((c) => c.registry === registry) ?? credentials.find((c) => !c.registry);
    if (given) logins.push({ registry, username: given.username, password: given.password });
    else if (registry === 'ghcr.io' && githubToken && !hasDockerLogin(registry, env)) {
      logins.push({ registry, username: githubUser || 'buildx-doctor', password: githubToken });
    }
  }
  return logins;
}

/** Logs in to each registry in a fresh DOCKER_CONFIG that keeps the CLI plugins (buildx) and builders of `base`. */
export async function loginToTemporaryConfig(logins: Login[], base: NodeJS.ProcessEnv, timeoutMs: number): Promise<TemporaryConfig> {
  const original = dockerConfigDir(base);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buildx-doctor-docker-config-')); // mode 0700
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...base, DOCKER_CONFIG: dir };
  const refused = new Map<string, string>();
  try {
    if (fs.existsSync(path.join(original, 'cli-plugins'))) fs.symlinkSync(path.join(original, 'cli-plugins'), path.join(dir, 'cli-plugins'));
    // buildx keeps its builders under DOCKER_CONFIG/buildx; the current one (and its registry config) stays.
    if (!env.BUILDX_CONFIG && fs.existsSync(path.join(original, 'buildx'))) env.BUILDX_CONFIG = path.join(original, 'buildx');
    for (const login of logins) {
      const hide = (text: string) => (login.password ? text.split(login.password).join('***') : text);
      try {
        const result = await docker(['login', '--username', login.username, '--password-stdin', login.registry], { env, input: login.password, timeoutMs });
        if (result.exitCode !== 0) {
          const said = result.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.exitCode}`;
          refused.set(login.registry, `docker login to ${login.registry} failed (${oneLine(hide(said), 240)})`);
        }
      } catch (error) {
        const why = error instanceof DockerMissingError ? error.message : `no answer within ${Math.round(timeoutMs / 1000)} s`;
        refused.set(login.registry, `docker login to ${login.registry} failed (${oneLine(hide(why), 240)})`);
      }
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { env, refused, remove };
}
