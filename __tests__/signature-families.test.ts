// Each family of failures in the tools' own words. The lines below were written here from the error
// strings the tools emit (BuildKit's cache exporters and importers, solver, session and Dockerfile
// frontend; buildx's driver capability checks; the docker CLI; distribution's registry error codes;
// containerd's resolver; the package managers and compilers run inside RUN). They are not excerpts
// of the labelled corpus: they check that a signature knows the family, not one thread's phrasing.
// Each line is offered the way it reaches people: inside a failing RUN step (a tool run by the
// Dockerfile), as the build's final error (BuildKit and buildx), or pasted alone (a CLI's reply).
import { describe, expect, it } from '@jest/globals';
import { diagnoseText } from './support/classify.js';
import { verdictOf } from '../src/report/verdict.js';
import { firstListItem } from '../src/text/fix-lines.js';
import { groupFindings } from '../src/analyze/group.js';

type Where = 'run' | 'final' | 'paste';

/** The id of the cause a text's diagnosis names first, null when it names none. */
async function first(text: string): Promise<string | null> {
  return (await diagnoseText(text, 'case.log')).findings[0]?.id ?? null;
}
/** The first finding of a text's diagnosis, whole (its title and fix too). */
async function full(text: string) {
  return (await diagnoseText(text, 'x.log')).findings[0];
}
type Row = [category: string, where: Where, line: string];

/** A plain-progress build whose RUN step printed the line, then failed. */
function inRun(line: string): string {
  return [
    '#5 [build 3/4] RUN ./install.sh',
    ...line.split('\n').map((l, i) => `#5 ${(0.5 + i / 10).toFixed(3)} ${l}`),
    '#5 ERROR: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
    '------',
    ' > [build 3/4] RUN ./install.sh:',
    '------',
    'ERROR: failed to solve: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
  ].join('\n');
}

/** A plain-progress build whose step `RUN <command>` printed `error` (one line or several), then failed with `exitCode`. */
function failedRun(command: string, error: string, exitCode = 1): string {
  return [
    `#7 [3/4] RUN ${command}`,
    ...error.split('\n').map((line) => `#7 4.1 ${line}`),
    `#7 ERROR: process "/bin/sh -c ${command}" did not complete successfully: exit code: ${exitCode}`,
  ].join('\n');
}

/** The same failing RUN as the legacy builder, the tty form, docker compose v2 and a GitHub job log print it. */
/** A failed install's "Most help" line (the verdict's one change), once the first finding is checked to be the install's. */
async function installChange(command: string, error: string): Promise<string> {
  const analysis = await diagnoseText(failedRun(command, error), 'p.log');
  expect(analysis.findings[0]!.id).toBe('package-install-failure');
  return verdictOf(analysis).change ?? '';
}

const OTHER_FORMS: Record<string, (line: string) => string> = {
  legacy: (line) =>
    [
      'Step 3/5 : RUN ./install.sh',
      ' ---> Running in 1a2b3c4d5e6f',
      ...line.split('\n'),
      "The command '/bin/sh -c ./install.sh' returned a non-zero code: 1",
    ].join('\n'),
  tty: (line) =>
    [
      '[+] Building 3.2s (6/8)',
      ' => ERROR [build 3/4] RUN ./install.sh      1.2s',
      '------',
      ' > [build 3/4] RUN ./install.sh:',
      ...line.split('\n').map((l, i) => `${(0.5 + i / 10).toFixed(3)} ${l}`),
      '------',
      'Dockerfile:7',
      '--------------------',
      '   7 | >>> RUN ./install.sh',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
    ].join('\n'),
  compose: (line) =>
    [
      ' => ERROR [web build 3/4] RUN ./install.sh      1.2s',
      '------',
      ' > [web build 3/4] RUN ./install.sh:',
      ...line.split('\n').map((l, i) => `${(0.5 + i / 10).toFixed(3)} ${l}`),
      '------',
      'failed to solve: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
    ].join('\n'),
  'github-actions': (line) =>
    [
      '2024-05-01T10:00:00.0000000Z #5 [build 3/4] RUN ./install.sh',
      ...line.split('\n').map((l, i) => `2024-05-01T10:00:01.${i}000000Z #5 ${(0.5 + i / 10).toFixed(3)} ${l}`),
      '2024-05-01T10:00:02.0000000Z #5 ERROR: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
      '2024-05-01T10:00:02.1000000Z ERROR: failed to solve: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
      '2024-05-01T10:00:02.2000000Z ##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c ./install.sh" did not complete successfully: exit code: 1',
    ].join('\n'),
};

/** A plain-progress build that ended with the line as its error (`ERROR: failed to solve: ...` or buildx's own). */
function asFinal(line: string): string {
  return ['#1 [internal] load build definition from Dockerfile', '#1 transferring dockerfile: 312B done', '#1 DONE 0.0s', line].join('\n');
}

const ROWS: Row[] = [
  // apk names the repository it could not fetch and why; every package then looks missing.
  [
    'network-timeout',
    'run',
    'fetch http://dl-cdn.alpinelinux.org/alpine/v3.9/community/x86_64/APKINDEX.tar.gz\nERROR: http://dl-cdn.alpinelinux.org/alpine/v3.9/community:  Permission denied\nERROR: unable to select packages:\n  vips-dev (no such package):\n    required by: world[vips-dev]',
  ],
  // A registry answering a pull with a 5xx is down; a push's 5xx is the push's failure.
  [
    'network-timeout',
    'paste',
    'ERROR: Error response from daemon: Head "https://registry-1.docker.io/v2/moby/buildkit/manifests/buildx-stable-1": received unexpected HTTP status: 500 Internal Server Error',
  ],
  [
    'network-timeout',
    'paste',
    'ERROR: error pulling image configuration: download failed after attempts=6: received unexpected HTTP status: 500 Internal Server Error',
  ],
  ['registry-push-failure', 'paste', 'received unexpected HTTP status: 500 Internal Server Error'],
  ['secret-missing', 'run', 'Error connecting to agent: No such file or directory'],
  // curl's exit code for a host it could not resolve, as the failing step's command reports it.
  [
    'network-timeout',
    'paste',
    'ERROR: failed to solve: process "/bin/ash -o pipefail -c curl -fsSL https://example.com/ha_amd64 -o /usr/bin/ha" did not complete successfully: exit code: 6',
  ],
  ['builder-missing', 'paste', 'ERROR: use `docker --context=default buildx` to switch to context "default"'],
  // The classic builder leaves BuildKit's automatic arguments empty.
  [
    'builder-missing',
    'paste',
    'Step 1/73 : FROM --platform=$BUILDPLATFORM postgres:13.3-alpine AS builder\nfailed to parse platform : "" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
  ],
  [
    'qemu-emulation',
    'run',
    'Executing busybox-1.37.0-r29.trigger\n* execve: No such file or directory\nERROR: lib/apk/exec/busybox-1.37.0-r29.trigger: exited with error 127',
  ],
  // Next.js heads the module's error with `Failed to compile.`: what follows says why.
  ['network-timeout', 'run', 'Failed to compile.\n\napp/layout.tsx\n`next/font` error:\nFailed to fetch `Montserrat` from Google Fonts.'],
  // A registry down while a pull asks for a manifest (BuildKit's and containerd's wordings).
  [
    'network-timeout',
    'paste',
    'ERROR: failed to solve: ghcr.io/acme/base:16: pulling from host ghcr.io failed with status code [manifests 16]: 503 Service Unavailable',
  ],
  ['network-timeout', 'paste', 'failed to solve: failed to create LLB definition: unexpected status code [manifests v0.12.1]: 521 <none>'],
  // A push to a repository that does not exist, or that the credentials may not write: the push is denied (a pull of one is a missing image).
  [
    'registry-auth-denied',
    'paste',
    'ERROR: failed to solve: failed to push acme/app:1: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
  ],
  ['manifest-unknown', 'paste', 'Error response from daemon: pull access denied for acme/nothing, repository does not exist or may require authorization'],
  // buildx's line for a failed internal step, pasted alone: the base image it could not load.
  ['manifest-unknown', 'paste', 'ERROR [internal] load metadata for docker.io/library/node:20.18.2-alpine3.21'],
  // An installer script (godownloader's) that read an HTML page as the release's version.
  [
    'package-install-failure',
    'run',
    "reviewdog/reviewdog info checking GitHub for tag 'v0.14.1'\nreviewdog/reviewdog info found version:  <!DOCTYPE html> <html lang= for  <!DOCTYPE html> <html lang=/Linux/x86_64",
  ],
  // The docker CLI's bare answer for a private package pulled without a login.
  ['registry-auth-denied', 'paste', 'docker pull ghcr.io/acme/app:1.4.3\nError response from daemon: denied'],
  [
    'package-install-failure',
    'run',
    "Building wheels for collected packages: maturin\n  Building wheel for maturin (pyproject.toml): finished with status 'error'",
  ],
  ['cache-import-failure', 'paste', 'error on cache query: registry.gitlab.com/acme/app/cache not found'],
  // kind's own `docker pull` of its node image is no cluster's pull: Docker's answer after it names the cause.
  [
    'manifest-unknown',
    'paste',
    'ERROR: failed to create cluster: failed to pull image "kindest/node:latest": command "docker pull kindest/node:latest" failed with error: exit status 1\nCommand Output: Error response from daemon: manifest for kindest/node:latest not found: manifest unknown: manifest unknown',
  ],
  // `docker buildx build -t x .` where the docker CLI has no buildx plugin: the CLI itself reads `-t`.
  ['builder-missing', 'paste', "unknown shorthand flag: 't' in -t\nSee 'docker --help'."],
  // Package managers: missing packages, resolution conflicts, lock files, a manager not in the image.
  // A title retells BuildKit's COPY error with a capital and without the colon before `not found`.
  ['copy-source-missing', 'paste', 'Failed to compute cache key: "/package.json" not found'],
  ['package-install-failure', 'run', 'E: Unable to locate package libfoo-dev'],
  ['package-install-failure', 'run', "E: Package 'python' has no installation candidate"],
  ['package-install-failure', 'run', "E: Version '1.2.3-1' for 'curl' was not found"],
  ['package-install-failure', 'run', 'E: Unable to correct problems, you have held broken packages.'],
  ['package-install-failure', 'run', "E: The repository 'http://deb.debian.org/debian buster Release' does not have a Release file."],
  ['package-install-failure', 'run', 'ERROR: unable to select packages:\n  libfoo (no such package):\n    required by: world[libfoo]'],
  ['package-install-failure', 'run', 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree'],
  ['package-install-failure', 'run', 'npm error code ETARGET\nnpm error notarget No matching version found for left-pad@9.9.9.'],
  ['package-install-failure', 'run', 'npm ERR! 404 Not Found - GET https://registry.npmjs.org/no-such-pkg - Not found'],
  [
    'package-install-failure',
    'run',
    'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync.',
  ],
  ['package-install-failure', 'run', 'error Couldn\'t find package "left-pad@^9.0.0" required by "app@1.0.0" on the "npm" registry.'],
  ['package-install-failure', 'run', '➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.'],
  [
    'package-install-failure',
    'run',
    ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json',
  ],
  ['package-install-failure', 'run', ' ERR_PNPM_NO_MATCHING_VERSION  No matching version found for left-pad@9.9.9'],
  // pnpm refusing to touch node_modules without a terminal (its ERR_PNPM_ABORTED_* family) is the install failing.
  [
    'package-install-failure',
    'run',
    ' ERR_PNPM_ABORTED_REMOVE_MODULES_DIR_NO_TTY  Aborted removal of modules directory due to no TTY\n\nIf you are running pnpm in CI, set the CI environment variable to "true".',
  ],
  ['package-install-failure', 'run', ' ERR_PNPM_UNEXPECTED_STORE  Unexpected store location'],
  ['package-install-failure', 'run', 'ERROR: Could not find a version that satisfies the requirement torch==9.9 (from versions: none)'],
  ['package-install-failure', 'run', 'ERROR: Cannot install flask==1.0 and werkzeug==3.0 because these package versions have conflicting dependencies.'],
  ['package-install-failure', 'run', 'error: externally-managed-environment'],
  // Resolvers beyond the common ones: pacman, Julia's Pkg, cabal, Conan, rustup's components.
  ['package-install-failure', 'run', 'error: target not found: libfoo'],
  ['package-install-failure', 'run', 'ERROR: Unsatisfiable requirements detected for package Foo [1234abcd]:'],
  ['package-install-failure', 'run', 'Resolving dependencies...\nError: cabal: Could not resolve dependencies:\n[__0] trying: app-0.1.0.0 (user goal)'],
  ['package-install-failure', 'run', "ERROR: Missing prebuilt package for 'zlib/1.2.13'"],
  [
    'package-install-failure',
    'run',
    "error: component 'rustfmt' for target 'x86_64-unknown-linux-gnu' is unavailable for download for channel 'nightly-2020-01-01'",
  ],
  // Poetry and uv refusing the image's Python for a project that needs another, as pip's Requires-Python.
  [
    'package-install-failure',
    'run',
    'The currently activated Python version 3.9.18 is not supported by the project (^3.11).\nTrying to find and use a compatible version.\nNoCompatiblePythonVersionFound',
  ],
  ['package-install-failure', 'run', 'Current Python version (3.10.12) is not allowed by the project (>=3.11,<4.0).'],
  [
    'package-install-failure',
    'run',
    "error: The requested interpreter resolved to Python 3.10.12, which is incompatible with the project's Python requirement: `>=3.11`",
  ],
  ['package-install-failure', 'run', "Because app depends on requests (^99.0) which doesn't match any versions, version solving failed."],
  [
    'package-install-failure',
    'run',
    'pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.',
  ],
  ['package-install-failure', 'run', 'go: github.com/acme/lib@v1.2.3: invalid version: unknown revision v1.2.3'],
  ['package-install-failure', 'run', 'error: failed to select a version for the requirement `serde = "^99"`'],
  [
    'package-install-failure',
    'run',
    '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.acme:app:jar:1.0: Could not find artifact com.acme:lib:jar:2.0 in central (https://repo.maven.apache.org/maven2)',
  ],
  ['package-install-failure', 'run', "> Could not resolve all files for configuration ':app:compileClasspath'.\n   > Could not find com.acme:lib:2.0."],
  ['package-install-failure', 'run', 'Your requirements could not be resolved to an installable set of packages.'],
  ['package-install-failure', 'run', "Could not find gem 'rails (~> 99.0)' in locally installed gems."],
  // Windows images (the legacy builder's `cmd /S /C` and `powershell -Command` steps).
  [
    'package-install-failure',
    'paste',
    "Step 4/9 : RUN choco install -y git\n ---> Running in 1a2b3c4d5e6f\nChocolatey installed 0/1 packages. 1 packages failed.\nThe command 'cmd /S /C choco install -y git' returned a non-zero code: 1",
  ],
  [
    'package-install-failure',
    'paste',
    "Step 5/9 : RUN Install-Module -Name Az -Force\n ---> Running in 1a2b3c4d5e6f\nInstall-Module : No match was found for the specified search criteria and module name 'Az'.\nThe command 'powershell -Command $ErrorActionPreference = 'Stop'; Install-Module -Name Az -Force' returned a non-zero code: 1",
  ],
  ['package-install-failure', 'run', '/bin/sh: 1: apt-get: not found'],
  ['package-install-failure', 'run', '/bin/sh: apk: not found'],
  ['package-install-failure', 'run', 'bash: line 1: pip: command not found'],
  ['package-install-failure', 'run', '/bin/sh: yum: command not found'],
  // Repeated fetch failures are the network, not the package.
  [
    'network-timeout',
    'run',
    "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\nE: Unable to locate package curl",
  ],
  [
    'network-timeout',
    'run',
    'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.19/main: temporary error (try again later)\nWARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.19/community: temporary error (try again later)\nERROR: unable to select packages:\n  curl (no such package):',
  ],
  [
    'network-timeout',
    'run',
    'npm error code ETIMEDOUT\nnpm error network request to https://registry.npmjs.org/react failed, reason: connect ETIMEDOUT 104.16.0.35:443',
  ],
  [
    'network-timeout',
    'run',
    'npm ERR! code EAI_AGAIN\nnpm ERR! errno EAI_AGAIN\nnpm ERR! request to https://registry.npmjs.org/react failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org',
  ],
  [
    'network-timeout',
    'run',
    [4, 3]
      .map(
        (total) =>
          `WARNING: Retrying (Retry(total=${total}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/flask/`,
      )
      .concat('ERROR: Could not find a version that satisfies the requirement flask (from versions: none)')
      .join('\n'),
  ],
  ['network-timeout', 'run', 'info There appears to be trouble with your network connection. Retrying...'],
  // OpenSSL's own words for a mirror's certificate an old image cannot verify; a download cut short before it was unpacked.
  [
    'network-timeout',
    'run',
    'fetch https://mirror.example.org/alpine/v3.7/main/x86_64/APKINDEX.tar.gz\n140373535435724:error:14007086:SSL routines:CONNECT_CR_CERT:certificate verify failed:ssl_clnt.c:1026:',
  ],
  ['network-timeout', 'run', 'Fetching http://www.cpan.org/authors/id/E/ET/ETJ/Graph-0.9726.tar.gz ... OK\n\ngzip: stdin: unexpected end of file'],
  // bun names the socket's failure before what it was fetching.
  ['network-timeout', 'run', 'bun install v1.1.38\nerror: ConnectionRefused downloading package manifest react'],
  ['network-timeout', 'run', 'error: DNSResolveFailed downloading tarball react@18.2.0'],
  // Gradle nests the reason under its resolution failure: the connection that timed out is the cause.
  [
    'network-timeout',
    'run',
    "FAILURE: Build failed with an exception.\n\n* What went wrong:\nExecution failed for task ':app:compileJava'.\n> Could not resolve all files for configuration ':app:compileClasspath'.\n   > Could not resolve com.acme:lib:1.0.\n      > Could not get resource 'https://repo.maven.apache.org/maven2/com/acme/lib/1.0/lib-1.0.pom'.\n         > Could not GET 'https://repo.maven.apache.org/maven2/com/acme/lib/1.0/lib-1.0.pom'.\n            > Connect to repo.maven.apache.org:443 [repo.maven.apache.org/151.101.0.215] failed: Connect timed out",
  ],
  // ... and a version the repository does not have stays the install's failure.
  [
    'package-install-failure',
    'run',
    "Execution failed for task ':app:compileJava'.\n> Could not resolve all files for configuration ':app:compileClasspath'.\n   > Could not find com.acme:lib:9.9.\n     Searched in the following locations:\n       - https://repo.maven.apache.org/maven2/com/acme/lib/9.9/lib-9.9.pom",
  ],
  [
    'network-timeout',
    'run',
    'go: github.com/acme/lib@v1.2.3: Get "https://proxy.golang.org/github.com/acme/lib/@v/v1.2.3.mod": dial tcp: lookup proxy.golang.org on 127.0.0.11:53: server misbehaving',
  ],
  [
    'network-timeout',
    'run',
    "warning: spurious network error (2 tries remaining): [6] Couldn't resolve host name (Could not resolve host: index.crates.io)\nerror: failed to get `serde` as a dependency of package `app v0.1.0 (/app)`\nCaused by:\n  failed to download from `https://index.crates.io/config.json`\nCaused by:\n  [6] Couldn't resolve host name (Could not resolve host: index.crates.io)",
  ],
  ['network-timeout', 'run', 'curl: (6) Could not resolve host: example.com'],
  ['network-timeout', 'run', "fatal: unable to access 'https://github.com/acme/lib.git/': Could not resolve host: github.com"],
  // Git and SSH credentials a private dependency needs inside the build.
  ['secret-missing', 'run', 'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.'],
  ['secret-missing', 'run', "fatal: could not read Username for 'https://github.com': terminal prompts disabled"],
  ['secret-missing', 'run', 'Host key verification failed.\nfatal: Could not read from remote repository.'],
  ['secret-missing', 'run', 'cat: /run/secrets/npmrc: No such file or directory'],
  ['secret-missing', 'run', 'npm ERR! code E401\nnpm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/@acme%2flib - authentication token not provided'],
  ['secret-missing', 'run', "remote: Repository not found.\nfatal: repository 'https://github.com/acme/private.git/' not found"],
  ['secret-missing', 'final', 'ERROR: failed to solve: invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set'],
  ['secret-missing', 'final', 'ERROR: failed to solve: unset ssh forward key default'],
  ['secret-missing', 'final', 'ERROR: failed to solve: secret npmrc: not found'],
  // A Dockerfile saved empty; a layer download cut short; an entitlement the builder was not started with.
  ['dockerfile-missing', 'final', 'ERROR: failed to solve: file with no instructions'],
  // Azure Pipelines' Docker task on a Dockerfile input that matches no file; a daemon before 17.05 on ARG before FROM.
  ['dockerfile-missing', 'paste', '##[error]Unhandled: No Dockerfile matching  /home/vsts/work/1/s/app/Dockerfile  was found.'],
  [
    'dockerfile-parse-error',
    'paste',
    "Step 1/10 : ARG NGINX_VERSION\nERROR: Service 'nginx' failed to build: Please provide a source image with `from` prior to commit",
  ],
  // The legacy builder on the same empty Dockerfile: its only line, no `ERROR`, no exit code.
  ['dockerfile-missing', 'paste', 'Sending build context to Docker daemon  2.048kB\nNo image was generated. Is your Dockerfile empty?'],
  ['network-timeout', 'final', 'ERROR: failed to solve: failed to read expected number of bytes: unexpected EOF'],
  ['builder-missing', 'final', 'ERROR: failed to solve: granting entitlement network.host is not allowed by build daemon configuration'],
  // BuildKit without the privileges its worker needs: the daemon's EPERM as gRPC's PermissionDenied,
  // runc refused mounting /proc for a RUN (current and older runc wordings).
  ['builder-missing', 'paste', 'error: failed to solve: rpc error: code = PermissionDenied desc = operation not permitted'],
  [
    'builder-missing',
    'final',
    'ERROR: failed to solve: process "/bin/sh -c apk add curl" did not complete successfully: runc run failed: unable to start container process: error during container init: error mounting "proc" to rootfs at "/proc": mount proc:/proc (via /proc/self/fd/6), flags: 0xe: operation not permitted',
  ],
  [
    'builder-missing',
    'paste',
    'error: failed to solve: rpc error: code = Unknown desc = executor failed running [/bin/sh -c apk add curl]: process_linux.go:449: container init caused "rootfs_linux.go:58: mounting \\"proc\\" to rootfs \\"/tmp/buildkit-mount123\\" at \\"/proc\\" caused \\"operation not permitted\\""',
  ],
  // An engine with no BuildKit behind the Docker API; a BuildKit too old for a git context's subdirectory.
  ['builder-missing', 'paste', 'ERROR: failed to get status: rpc error: code = Unimplemented desc = unknown service moby.buildkit.v1.Control'],
  ['builder-missing', 'final', 'ERROR: failed to solve: failed to read dockerfile: failed to load cache key: subdir not supported yet'],
  // BuildKit asked for a platform no emulator is registered for; docker-compose v1 finding no daemon.
  ['qemu-emulation', 'final', 'error: failed to solve: failed to load LLB: runtime execution on platform linux/arm64 not supported'],
  ['builder-missing', 'paste', "ERROR: Couldn't connect to Docker daemon at http+docker://localhost - is it running?"],
  // distribution's error codes in a JSON body the client could not parse.
  [
    'registry-push-failure',
    'final',
    'ERROR: failed to solve: failed to parse error response 400: {"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]}',
  ],
  [
    'registry-auth-denied',
    'final',
    'ERROR: failed to solve: failed to parse error response 401: {"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}',
  ],
  // C and C++ toolchains: missing headers, libraries, compilers.
  ['compile-error', 'run', 'src/main.c:3:10: fatal error: openssl/ssl.h: No such file or directory'],
  ['compile-error', 'run', '/usr/bin/ld: cannot find -lssl: No such file or directory\ncollect2: error: ld returned 1 exit status'],
  ['compile-error', 'run', "src/app.cpp:10:5: error: 'foo' was not declared in this scope"],
  ['compile-error', 'run', 'configure: error: C compiler cannot create executables'],
  ['compile-error', 'run', 'CMake Error at CMakeLists.txt:5 (find_package):'],
  ['compile-error', 'run', 'Package libpng was not found in the pkg-config search path.'],
  ['compile-error', 'run', '/bin/sh: 1: gcc: not found'],
  ['compile-error', 'run', 'make: *** [Makefile:12: all] Error 2'],
  // A COPY --from or --target naming a stage that does not exist, and images or tags that do not.
  [
    'manifest-unknown',
    'final',
    'ERROR: failed to solve: builder: failed to resolve source metadata for docker.io/library/builder:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
  ],
  [
    'manifest-unknown',
    'final',
    'ERROR: failed to solve: docker.io/library/nosuch:1.0: failed to resolve source metadata for docker.io/library/nosuch:1.0: docker.io/library/nosuch:1.0: not found',
  ],
  ['manifest-unknown', 'final', 'ERROR: failed to solve: target stage "prod" could not be found'],
  // The legacy builder's words for the same `--target` (docker-compose v1 quotes them in its BuildError).
  ['manifest-unknown', 'paste', 'Error response from daemon: failed to reach build target prod in Dockerfile'],
  ['manifest-unknown', 'paste', "compose.service.BuildError: (<Service: api>, {'message': 'failed to reach build target debug in Dockerfile'})"],
  ['manifest-unknown', 'final', 'ERROR: failed to solve: cannot copy from stage "builder", it needs to be defined before current stage "final"'],
  ['manifest-unknown', 'paste', 'Error response from daemon: manifest for nginx:9.9 not found: manifest unknown: manifest unknown'],
  ['manifest-unknown', 'paste', 'manifest unknown: manifest unknown'],
  ['platform-mismatch', 'final', 'ERROR: failed to solve: alpine:3.19: no match for platform in manifest sha256:abc: not found'],
  // Registry error codes (distribution) as the docker CLI prints them, and containerd's resolver.
  ['registry-auth-denied', 'paste', 'denied: requested access to the resource is denied'],
  ['registry-auth-denied', 'paste', 'unauthorized: incorrect username or password'],
  ['registry-auth-denied', 'paste', 'unauthorized: authentication required'],
  // docker compose checking a service's build secrets against the project's `secrets:` before building.
  ['secret-missing', 'paste', 'service "app" refers to undefined build secret npmrc: invalid compose project'],
  // distribution's `unknown` errcode carrying the registry's own words for a refused login.
  [
    'registry-auth-denied',
    'paste',
    'docker: Error response from daemon: Head "https://registry.example.com/v2/team/app/manifests/1.2": unknown: Bad credentials.',
  ],
  // GitHub's API answering a token used inside RUN says the same words: that is the build's secret.
  [
    'secret-missing',
    'run',
    'curl: (22) The requested URL returned error: 401\n{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}',
  ],
  ['registry-auth-denied', 'paste', 'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password'],
  ['registry-auth-denied', 'final', 'ERROR: failed to solve: failed to authorize: failed to fetch anonymous token: unexpected status: 403 Forbidden'],
  [
    'registry-auth-denied',
    'final',
    'ERROR: failed to solve: failed to push ghcr.io/acme/app:latest: unexpected status from POST request to https://ghcr.io/v2/acme/app/blobs/uploads/: 403 Forbidden',
  ],
  [
    'registry-auth-denied',
    'final',
    'ERROR: failed to solve: quay.io/acme/app:latest: pulling from host quay.io failed with status code [manifests latest]: 401 UNAUTHORIZED',
  ],
  ['registry-auth-denied', 'paste', 'no basic auth credentials'],
  [
    'registry-auth-denied',
    'paste',
    'Error saving credentials: error storing credentials - err: exit status 1, out: `error getting credentials - err: exit status 1`',
  ],
  [
    'registry-auth-denied',
    'paste',
    'DENIED: Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/acme/locations/us/repositories/app"',
  ],
  [
    'registry-rate-limit',
    'paste',
    'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
  ],
  ['registry-rate-limit', 'paste', 'toomanyrequests: too many requests'],
  [
    'registry-rate-limit',
    'final',
    'ERROR: failed to solve: node:20: failed to resolve source metadata for docker.io/library/node:20: unexpected status from GET request to https://registry-1.docker.io/v2/library/node/manifests/20: 429 Too Many Requests',
  ],
  [
    'registry-push-failure',
    'final',
    'ERROR: failed to solve: failed to push registry.acme.io/app:1: failed commit on ref "layer-sha256:abc": unexpected status: 400 Bad Request',
  ],
  ['registry-push-failure', 'paste', 'blob upload unknown: blob upload unknown to registry'],
  ['registry-push-failure', 'paste', 'blob upload invalid: blob upload invalid'],
  // ECR refusing to overwrite a tag in an immutable repository, as the CLI wraps it.
  [
    'registry-push-failure',
    'paste',
    "Error: tag invalid: The image tag 'v1' already exists in the 'acme/app' repository and cannot be overwritten because the repository is immutable.",
  ],
  ['registry-push-failure', 'paste', 'manifest invalid: manifest invalid'],
  ['registry-push-failure', 'paste', 'digest invalid: provided digest did not match uploaded content'],
  ['registry-push-failure', 'paste', 'size invalid: provided length did not match content length'],
  ['registry-push-failure', 'paste', 'tag invalid: manifest tag did not match URI'],
  ['registry-push-failure', 'paste', 'name unknown: repository name not known to registry'],
  [
    'registry-push-failure',
    'final',
    'ERROR: failed to solve: failed to push registry.acme.io/app:1: unexpected status from PUT request to https://registry.acme.io/v2/app/manifests/1: 500 Internal Server Error',
  ],
  ['registry-push-failure', 'paste', 'received unexpected HTTP status: 502 Bad Gateway'],
  // The docker CLI on a registry endpoint (or a proxy in front of it) that answered with a page, not the API's JSON.
  ['registry-push-failure', 'paste', 'error parsing HTTP 404 response body: invalid character \'p\' after top-level value: "404 page not found\\n"'],
  ['registry-push-failure', 'paste', 'error parsing HTTP 400 response body: unexpected end of JSON input: ""'],
  [
    'registry-push-failure',
    'paste',
    'error parsing HTTP 502 response body: invalid character \'<\' looking for beginning of value: "<html><body><h1>502 Bad Gateway</h1></body></html>"',
  ],
  // A registry's 5xx in the docker client's words, old and new (a space before the colon in some builds).
  ['registry-push-failure', 'paste', 'received unexpected HTTP status : 503 Service Unavailable.'],
  ['registry-push-failure', 'paste', '2015/01/19 22:35:03 Received HTTP code 502 while uploading layer: <html><title>502 Bad Gateway</title>'],
  // apk before 3.12 in its own words: a package it does not have, and one every mirror has (the index was not read).
  ['package-install-failure', 'run', 'ERROR: unsatisfiable constraints:\n  libfoo-dev (missing):\n    required by: world[libfoo-dev]'],
  ['network-timeout', 'run', 'ERROR: unsatisfiable constraints:\n  curl (missing):\n    required by: world[curl]'],
  // npm's debug log numbers its lines; pip before 10 on an index it could not reach.
  ['package-install-failure', 'run', '123 error code ERESOLVE\n124 error ERESOLVE unable to resolve dependency tree'],
  [
    'network-timeout',
    'run',
    'Could not fetch URL https://pypi.org/simple/flask/: There was a problem confirming the ssl certificate: [SSL: CERTIFICATE_VERIFY_FAILED] - skipping\nCould not find a version that satisfies the requirement flask (from versions: )',
  ],
  // buildx reading a secret's (or an SSH key's) source file that is not there.
  ['secret-missing', 'paste', 'ERROR: failed to stat secrets/token.txt'],
  ['secret-missing', 'paste', 'ERROR: failed to stat /home/ci/.ssh/id_ed25519: stat /home/ci/.ssh/id_ed25519: no such file or directory'],
  // The client's SSH forwarding on a key it cannot use, or a git remote over SSH without the agent.
  ['secret-missing', 'paste', 'ERROR: stat /home/ci/.ssh/id_rsa: no such file or directory'],
  ['secret-missing', 'paste', 'ERROR: failed to parse /home/ci/.ssh/id_rsa: ssh: this private key is passphrase protected'],
  ['secret-missing', 'final', 'ERROR: failed to solve: failed to load cache key: failed to fetch remote git@github.com:acme/private.git: exit status 128'],
  ['secret-missing', 'final', 'ERROR: failed to solve: no configured known hosts forwarded from the client'],
  // BuildKit's solver on a source it could not resolve says `failed to load cache key`: no imported cache.
  ['network-timeout', 'final', 'ERROR: failed to solve: failed to load cache key: invalid response status 503'],
  ['copy-source-missing', 'final', 'ERROR: failed to solve: failed to load cache key: invalid response status 404'],
  // The Dockerfile frontend's checks of instructions' arguments.
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: ENV names can not be blank'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: Bad input to LABEL, too many arguments'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: empty platform value from expression $TARGETPLATFORM (TARGETPLATFORM)'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: dockerfile parse error on line 4: COPY cannot accept a heredoc as source'],
  // BuildKit's words retold in a title, capitalised: still Docker's, still the missing COPY source.
  ['copy-source-missing', 'paste', 'Failed to compute cache key: "/tsconfig.json": not found'],
  // A file of the build context the client cannot read or send (a database volume, a broken link).
  ['copy-source-missing', 'final', 'ERROR: failed to solve: error from sender: open /home/ci/app/pgdata: permission denied'],
  ['copy-source-missing', 'final', 'ERROR: failed to solve: error from sender: lstat /home/ci/app/node_modules/.bin/tsc: no such file or directory'],
  ['copy-source-missing', 'paste', "error checking context: 'can't stat '/home/ci/app/db/data''."],
  [
    'copy-source-missing',
    'paste',
    "ERROR: Service 'web' failed to build : error checking context: 'no permission to read from '/home/ci/app/data/PG_VERSION''.",
  ],
  // The docker-container builder that cannot start its BuildKit container (rootless Docker).
  [
    'builder-missing',
    'paste',
    'ERROR: Error response from daemon: OCI runtime create failed: runc create failed: unable to start container process: error during container init: write sysctl key net.ipv4.ping_group_range: write /proc/sys/net/ipv4/ping_group_range: invalid argument: unknown',
  ],
  // An entrypoint that cannot run at start is an image for another platform; the shell of a RUN step that
  // cannot run is a platform without an emulator.
  ['platform-mismatch', 'paste', 'exec /docker-entrypoint.sh: exec format error'],
  ['platform-mismatch', 'paste', 'api-1  | exec /usr/local/bin/gunicorn: exec format error'],
  ['qemu-emulation', 'run', 'exec /bin/sh: exec format error'],
  ['qemu-emulation', 'paste', 'exec /usr/bin/bash: exec format error'],
  // Quotes curled by a word processor or a Markdown renderer are the tool's straight ones.
  ['platform-mismatch', 'paste', 'standard_init_linux.go:228: exec user process caused: \u201cexec format error\u201d'],
  [
    'copy-source-missing',
    'final',
    'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: \u201c/package.json\u201d: not found',
  ],
  // containerd's resolver ending BuildKit's error with the reference it could not find.
  ['manifest-unknown', 'final', 'ERROR: failed to solve: ghcr.io/acme/base:2.1: not found'],
  ['manifest-unknown', 'final', 'ERROR: failed to solve: acme/base:2.1: registry.example.com:5000/acme/base:2.1: not found'],
  // Cache backends (registry, gha, local, s3, azblob) on export and import, in each of their wordings.
  ['cache-export-failure', 'final', 'ERROR: failed to solve: failed to configure registry cache exporter: invalid reference format'],
  // kubectl on a pod whose container never started: the image it was built into could not be pulled.
  ['image-pull-backoff', 'paste', 'Error from server (BadRequest): container "app" in pod "app-6d4cf" is waiting to start: trying and failing to pull image'],
  // A smoke test's pod whose image was pulled and whose container then stopped or was refused: not a pull failure.
  [
    'container-crash-loop',
    'paste',
    '  Normal   Pulled     3m (x4 over 4m)   kubelet  Successfully pulled image "ghcr.io/acme/api:1.4.2" in 1.2s\n  Warning  BackOff    2m (x10 over 4m)  kubelet  Back-off restarting failed container api in pod api-7d9f8c6b5-x2k4q_prod(1c2d)',
  ],
  ['container-crash-loop', 'paste', 'api-7d9f8c6b5-x2k4q   0/1     CrashLoopBackOff   5 (40s ago)   4m'],
  [
    'container-crash-loop',
    'paste',
    '  Warning  Failed     90s (x5 over 2m)   kubelet  Error: container has runAsNonRoot and image will run as root (pod: "api-7d9f8c6b5-x2k4q_prod(1c2d)", container: api)',
  ],
  // An exec format error in a crash loop's log is the image's platform: the root cause, the loop follows.
  ['platform-mismatch', 'paste', 'exec /app/server: exec format error\napi-7d9f8c6b5-x2k4q   0/1     CrashLoopBackOff   5 (40s ago)   4m'],
  // A container that cannot start its entrypoint: the file or its interpreter (a CRLF shebang) is missing.
  ['entrypoint-not-found', 'paste', 'exec /usr/local/bin/docker-entrypoint.sh: no such file or directory'],
  ['entrypoint-not-found', 'paste', 'app-1  | exec /app/start.sh: no such file or directory\napp-1 exited with code 1'],
  // The shell of a RUN step found but not loadable: an emulator registered without binfmt's fix-binary flag.
  ['qemu-emulation', 'run', 'exec /bin/bash: no such file or directory'],
  // A package manager missing from the image, run by a script a build tool wrote (MSBuild's Exec task): its
  // compile-looking error after it only follows.
  [
    'package-install-failure',
    'run',
    '/bin/sh: 2: /tmp/tmp9f8e7d.exec.cmd: yarn: not found\n/src/Web/Web.csproj(31,5): error MSB3073: The command "yarn install" exited with code 127.',
  ],
  // docker-compose v1 (docker-py) asking a credential helper that is not installed.
  ['registry-auth-denied', 'paste', 'docker.credentials.errors.InitializationError: docker-credential-osxkeychain not installed or not available in PATH'],
  ['entrypoint-not-found', 'paste', 'standard_init_linux.go:228: exec user process caused: no such file or directory'],
  [
    'entrypoint-not-found',
    'paste',
    'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/start.sh": stat /app/start.sh: no such file or directory: unknown.',
  ],
  ['qemu-emulation', 'paste', 'app-1  | exec /bin/sh: no such file or directory'],
  // A program that cannot load a shared library: the image lacks it (a binary copied from another stage or release).
  [
    'shared-library-missing',
    'run',
    '/usr/local/bin/api: error while loading shared libraries: libpq.so.5: cannot open shared object file: No such file or directory',
  ],
  ['shared-library-missing', 'run', 'OSError: libgomp.so.1: cannot open shared object file: No such file or directory'],
  // A pull that failed because the image has no variant for the node: the platform is the cause, the back-off follows.
  [
    'platform-mismatch',
    'paste',
    'Failed to pull image "quay.io/acme/operator:v1.2.0": rpc error: code = Unknown desc = no matching manifest for linux/arm64/v8 in the manifest list entries',
  ],
  [
    'platform-mismatch',
    'paste',
    '  Warning  Failed     12s (x3 over 57s)  kubelet  Failed to pull image "docker.io/acme/init:1.0": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/init:1.0": no match for platform in manifest: not found\n  Warning  Failed     12s (x3 over 57s)  kubelet  Error: ErrImagePull',
  ],
  // A tag that does not exist is the cause of the pull's failure (the back-off follows it), when the paste shows the pull
  // alone; with the pod's status (`Error: ErrImagePull`) the back-off leads (see "the first round of 2026-12-06 (evening)").
  [
    'manifest-unknown',
    'paste',
    '  Warning  Failed     5s (x3 over 52s)  kubelet  Failed to pull image "acme/app:v9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/acme/app:v9": failed to resolve reference "docker.io/acme/app:v9": docker.io/acme/app:v9: not found',
  ],
  // The azblob backend refused while it prepares its container (the 403 and Azure's words on the lines after).
  [
    'cache-export-failure',
    'final',
    'ERROR: failed to solve: failed to create cache container buildkit-cache: PUT https://acct.blob.core.windows.net/buildkit-cache\nRESPONSE 403: 403 This request is not authorized to perform this operation.',
  ],
  // The GitHub Actions cache client's words for an answer it could not read, with no exporter named.
  ['cache-export-failure', 'final', 'ERROR: failed to solve: failed to parse error response 429: Too Many Requests'],
  // buildx before multiple exporters: --push or --load beside an output of another type.
  ['exporter-unsupported', 'paste', 'buildx failed with: ERROR: push and "local" output can\'t be used together'],
  ['exporter-unsupported', 'final', 'ERROR: load and "oci" output can\'t be used together'],
  // Bake heads each target's failed import with the target; the solver then trips on a record the import brought.
  [
    'cache-import-failure',
    'paste',
    '------\n > [web] importing cache manifest from registry.acme.io/web:cache:\n------\nerror: failed to solve: failed to compute cache key: failed to get state for index 0 on [web 8/9] WORKDIR /app',
  ],
  [
    'cache-export-failure',
    'paste',
    "Error: buildx failed with: ERROR: failed to solve: failed to parse error response 400: <h2>Our services aren't available right now</h2>",
  ],
  ['cache-export-failure', 'final', 'ERROR: failed to solve: failed to configure gha cache exporter: url not set for github actions cache'],
  ['cache-export-failure', 'final', 'ERROR: failed to solve: failed to configure local cache exporter: local cache exporter requires dest'],
  ['cache-export-failure', 'final', 'ERROR: failed to solve: failed to configure s3 cache exporter: region ($AWS_REGION) not set for s3 cache'],
  [
    'cache-export-failure',
    'final',
    'ERROR: failed to solve: failed to configure azblob cache exporter: either ${BUILDKIT_AZURE_STORAGE_ACCOUNT_URL} or account_url attribute is required for azblob cache',
  ],
  ['cache-export-failure', 'final', 'ERROR: failed to solve: error writing layer blob: failed to reserve cache: Cache service responded with 429'],
  [
    'cache-export-failure',
    'final',
    'ERROR: failed to solve: failed to upload blob sha256:abc: operation error S3: PutObject, https response error StatusCode: 403, RequestID: X, api error AccessDenied: Access Denied',
  ],
  [
    'cache-export-failure',
    'final',
    'ERROR: failed to solve: invalid configuration for remote cache, OCI mediatypes are required for image-manifest cache format',
  ],
  [
    'cache-export-failure',
    'final',
    'ERROR: Cache export is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
  ],
  [
    'cache-export-failure',
    'final',
    'ERROR: cache export feature is currently not supported for docker driver. Please switch to a different driver (eg. "docker buildx create --use")',
  ],
  [
    'cache-export-failure',
    'final',
    '------\n > exporting cache to Amazon S3:\n------\nERROR: failed to solve: failed to upload blob sha256:abc: RequestCanceled',
  ],
  [
    'cache-export-failure',
    'final',
    '------\n > exporting cache to Azure Blob Storage:\n------\nERROR: failed to solve: failed to upload blob sha256:abc: RESPONSE 403: AuthorizationFailure',
  ],
  [
    'cache-export-failure',
    'final',
    '------\n > exporting cache to client directory:\n------\nERROR: failed to solve: failed to write blob sha256:abc: permission denied',
  ],
  ['cache-export-failure', 'final', '------\n > exporting content cache:\n------\nERROR: failed to solve: failed to write blob sha256:abc: EOF'],
  ['cache-import-failure', 'final', 'ERROR: failed to solve: failed to configure gha cache importer: token not set for github actions cache'],
  ['cache-import-failure', 'final', 'ERROR: failed to solve: failed to configure local cache importer: local cache importer requires src'],
  [
    'cache-import-failure',
    'final',
    'ERROR: failed to solve: failed to configure s3 cache importer: operation error S3: GetObject, https response error StatusCode: 403',
  ],
  ['cache-import-failure', 'final', 'ERROR: failed to solve: failed to load cache manifest sha256:abc: blob sha256:abc not found'],
  // Sessions and the connection to BuildKit, in older and newer wordings.
  ['session-lost', 'final', 'ERROR: failed to solve: no active session for kq7tc5xgu8mbm0x0sg7kk1dvp: context deadline exceeded'],
  ['session-lost', 'final', 'ERROR: failed to solve: rpc error: code = Unknown desc = no active sessions'],
  ['session-lost', 'final', 'ERROR: failed to solve: failed to get session: session not found'],
  ['buildkit-connection-lost', 'final', 'ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF'],
  ['buildkit-connection-lost', 'final', 'ERROR: failed to receive status: rpc error: code = Canceled desc = grpc: the client connection is closing'],
  [
    'buildkit-connection-lost',
    'final',
    'ERROR: failed to solve: rpc error: code = Unavailable desc = closing transport due to: connection error: desc = "error reading from server: EOF", received prior goaway: code: NO_ERROR',
  ],
  // Builder capabilities: what the docker driver cannot do.
  ['exporter-unsupported', 'final', 'ERROR: docker exporter does not currently support exporting manifest lists'],
  [
    'exporter-unsupported',
    'final',
    'ERROR: OCI exporter is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
  ],
  [
    'exporter-unsupported',
    'final',
    'ERROR: Attestation is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
  ],
  [
    'exporter-unsupported',
    'final',
    'ERROR: multiple outputs currently unsupported by the current BuildKit daemon, please upgrade to version v0.13+ or use a single output',
  ],
  ['builder-missing', 'final', "ERROR: multi-node push can't currently be performed with the docker driver, please switch to a different driver"],
  ['builder-missing', 'final', 'ERROR: push-by-digest is currently not implemented for docker driver, please create a new builder instance'],
  [
    'builder-missing',
    'final',
    'ERROR: failed to initialize builder mybuilder (mybuilder0): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  ],
  ['builder-missing', 'final', 'ERROR: no builder "mybuilder" found'],
  // Dockerfile frontend errors.
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: dockerfile parse error on line 7: unknown instruction: RUNN'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: circular dependency detected on stage: builder'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: dockerfile contains no stages to build'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: invalid name for build stage: "1builder", name can\'t start with a number or contain symbols'],
  ['dockerfile-parse-error', 'final', "ERROR: failed to solve: unexpected key 'dst' for mount type 'cache'"],
  ['dockerfile-missing', 'final', 'ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory'],
  ['copy-source-missing', 'final', 'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: "/app/dist": not found'],
  ['invalid-tag', 'paste', 'invalid argument "ghcr.io/Acme/app:latest" for "-t, --tag" flag: invalid reference format: repository name must be lowercase'],
  // Older daemons, compose v2's CLI errors and registries' own messages for the same codes.
  [
    'copy-source-missing',
    'paste',
    "Building web\nStep 5/6 : COPY docs /data/docs\nERROR: Service 'web' failed to build: lstat docs: no such file or directory",
  ],
  ['dockerfile-missing', 'paste', 'unable to prepare context: path "/srv/stacks/app/web" not found'],
  [
    'registry-push-failure',
    'paste',
    "The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/app]\nname unknown: The repository with name 'app' does not exist in the registry with id '123456789012'",
  ],
  ['cache-export-failure', 'final', 'ERROR: failed to solve: unknown cache exporter: "azblob"'],
  ['cache-import-failure', 'final', 'ERROR: failed to solve: unknown cache importer: s3'],
  [
    'package-install-failure',
    'run',
    'error: cannot install package `cargo-audit 0.21.0`, it requires rustc 1.85 or newer, while the currently active rustc version is 1.80.0',
  ],
  ['package-install-failure', 'run', 'The lockfile at `uv.lock` needs to be updated, but `--locked` was provided. To update the lockfile, run `uv lock`.'],
  [
    'package-install-failure',
    'run',
    'Ign:4 http://deb.debian.org/debian buster-backports InRelease\nErr:5 http://deb.debian.org/debian buster-backports Release\n  404  Not Found [IP: 151.101.2.132 80]',
  ],
  [
    'secret-missing',
    'run',
    'error NU1301: Unable to load the service index for source https://pkgs.dev.azure.com/acme/_packaging/feed/nuget/v3/index.json.\n  Response status code does not indicate success: 401 (Unauthorized).',
  ],
  ['compile-error', 'paste', "Step 7/9 : RUN node build.js\n ---> Running in 1a2b3c4d5e6f\nThe command '/bin/sh -c node build.js' returned a non-zero code: 1"],
  [
    'cache-export-failure',
    'final',
    'ERROR: failed to solve: error writing manifest blob: failed commit on ref "sha256:abc": unexpected status: 401 Unauthorized',
  ],
  ['builder-missing', 'paste', "the classic builder doesn't support secrets, set DOCKER_BUILDKIT=1 to use BuildKit"],
  ['builder-missing', 'paste', 'compose build requires buildx 0.17 or later'],
  ['dockerfile-missing', 'paste', 'unable to prepare context: the Dockerfile (/ci/Dockerfile) must be within the build context'],
  ['copy-source-missing', 'paste', "Step 4/8 : COPY app.jar /app/\nCOPY failed: file ('app.jar') not found or excluded by .dockerignore"],
  ['manifest-unknown', 'paste', 'The push refers to repository [docker.io/acme/app]\nAn image does not exist locally with the tag: acme/app'],
  ['registry-auth-denied', 'paste', 'Error: Cannot perform an interactive login from a non-TTY device'],
  ['secret-missing', 'final', 'ERROR: failed to solve: failed to compute cache key: secret GITHUB_TOKEN: not found'],
  ['network-timeout', 'final', 'ERROR: failed to solve: failed to copy: short read: expected 28436720 bytes but got 1048576: unexpected EOF'],
  [
    'network-timeout',
    'final',
    'ERROR: failed to solve: failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/ab/abc/data": dial tcp 104.18.121.25:443: i/o timeout',
  ],
  [
    'registry-auth-denied',
    'final',
    'ERROR: failed to solve: failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/acme/base/blobs/sha256:abc: 401 Unauthorized',
  ],
  [
    'registry-rate-limit',
    'final',
    'ERROR: failed to solve: DeadlineExceeded: golang:1.22: failed to resolve source metadata for docker.io/library/golang:1.22: failed to authorize: DeadlineExceeded: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fgolang%3Apull&service=registry.docker.io": 429 Too Many Requests',
  ],
  ['disk-full', 'final', 'ERROR: failed to solve: failed to register layer: write /usr/lib/x86_64-linux-gnu/libLLVM.so.17: no space left on device'],
  // A registry whose certificate the builder does not trust fails the push (BuildKit, newer and older Go wordings).
  [
    'registry-push-failure',
    'final',
    'ERROR: failed to solve: failed to push registry.example.com/team/app:1.2: failed to do request: Head "https://registry.example.com/v2/team/app/blobs/sha256:abc": tls: failed to verify certificate: x509: certificate signed by unknown authority',
  ],
  [
    'registry-push-failure',
    'final',
    'error: failed to solve: failed to push 10.0.0.5:5000/app:latest: failed to do request: Head https://10.0.0.5:5000/v2/app/blobs/sha256:abc: x509: certificate is valid for registry.local, not 10.0.0.5',
  ],
  // The same certificate on a pull is the connection's (the builder cannot reach the registry it trusts).
  [
    'network-timeout',
    'final',
    'ERROR: failed to solve: registry.example.com/base:1: failed to resolve source metadata for registry.example.com/base:1: failed to do request: Head "https://registry.example.com/v2/base/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
  ],
  // apk finding no base package (bash, curl) read no index: the mirror or DNS failed, even with `-q` silencing the fetch.
  [
    'network-timeout',
    'run',
    '  bash (no such package):\n    required by: world[bash]\n  curl (no such package):\n    required by: world[curl]\nERROR: unable to select packages:',
  ],
  ['network-timeout', 'run', 'ERROR: unable to select packages:\n  ca-certificates (no such package):\n    required by: world[ca-certificates]'],
  // A package that a release dropped (`python` since Alpine 3.16) is the package's own problem.
  ['package-install-failure', 'run', 'ERROR: unable to select packages:\n  python (no such package):\n    required by: world[python]'],
  // QEMU's user-mode loader finding no loader of the binary's own platform: a binary for another platform than the image.
  ['platform-mismatch', 'run', "qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory"],
  ['platform-mismatch', 'run', "qemu-aarch64-static: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory"],
  // The same emulator failing on its own is emulation.
  ['qemu-emulation', 'run', "qemu-aarch64: Could not open '/proc/self/exe': Permission denied"],
  // A git command given a secret (or the SSH agent, or a token in its URL) that failed without a word: the credential.
  [
    'secret-missing',
    'paste',
    ' => ERROR [web deps 2/6] RUN --mount=type=secret,id=gh_token git clone https://$(cat /run/secrets/gh_token)@github.com/acme/private.git  0.4s\n------\nfailed to solve: process "/bin/sh -c git clone https://$(cat /run/secrets/gh_token)@github.com/acme/private.git" did not complete successfully: exit code: 128',
  ],
  [
    'secret-missing',
    'paste',
    "Step 4/9 : RUN git clone https://${GITHUB_TOKEN}@github.com/acme/private.git /src\n ---> Running in 1a2b3c4d5e6f\nThe command '/bin/sh -c git clone https://${GITHUB_TOKEN}@github.com/acme/private.git /src' returned a non-zero code: 128",
  ],
  // Package managers in more of their own words: a source build missing its library's config tool, corepack's
  // rotated signing keys, composer's platform check, Go's checksum database.
  ['package-install-failure', 'run', 'Error: pg_config executable not found.\n\npg_config is required to build psycopg2 from source.'],
  [
    'package-install-failure',
    'run',
    'Internal Error: Cannot find matching keyid: {"signatures":[{"sig":"MEUCIQ","keyid":"SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"}]}',
  ],
  ['package-install-failure', 'run', 'Problem 1\n    - Root composer.json requires php ^8.2 but your php version (8.1.2) does not satisfy that requirement.'],
  ['package-install-failure', 'run', 'verifying github.com/acme/lib@v1.2.3: checksum mismatch\n\tdownloaded: h1:abc=\n\tgo.sum:     h1:def=\n\nSECURITY ERROR'],
  // Python refusing to write site-packages is the install, not a registry denying access (`Permission denied: '...'`).
  [
    'package-install-failure',
    'run',
    "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/local/lib/python3.12/site-packages/foo'",
  ],
  // Memory: the linker killed, bash's report of a killed job, the JVM's build daemons out of heap.
  ['oom-killed', 'run', 'collect2: fatal error: ld terminated with signal 9 [Killed]\ncompilation terminated.'],
  ['oom-killed', 'run', '/bin/sh: line 1:    12 Killed                  npm run build'],
  [
    'oom-killed',
    'run',
    'FAILURE: Build failed with an exception.\n\n* What went wrong:\nGradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)',
  ],
  ['oom-killed', 'run', 'Expiring Daemon because JVM heap space is exhausted'],
  ['oom-killed', 'run', 'The Kotlin daemon has terminated unexpectedly. This might be caused by insufficient memory'],
  [
    'oom-killed',
    'final',
    'ERROR: failed to solve: ResourceExhausted: process "/bin/sh -c npm run build" did not complete successfully: cannot allocate memory',
  ],
  // QEMU registered without binfmt's fix-binary flag: no emulated program can be loaded (dpkg's helpers first).
  ['qemu-emulation', 'run', 'Error while loading /usr/sbin/dpkg-split: No such file or directory'],
  [
    'qemu-emulation',
    'run',
    'Error while loading /usr/sbin/dpkg-deb: No such file or directory\ndpkg: error processing archive /var/cache/apt/archives/libc-bin_2.36-9_arm64.deb (--unpack):',
  ],
  // Rosetta finding no x86-64 loader: the emulation's (train: four excerpts labelled so to one the image's platform).
  ['qemu-emulation', 'run', 'rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2'],
  ['platform-mismatch', 'paste', 'no matching manifest for windows/amd64 10.0.17763 in the manifest list entries'],
  // Networks in busybox's, apt's 5xx, NuGet's and composer's words; apk giving an index up in a warning.
  ['network-timeout', 'run', "wget: bad address 'github.com'"],
  ['network-timeout', 'run', "Connecting to github.com (140.82.121.3:443)\nwget: can't connect to remote host (140.82.121.3): Connection refused"],
  [
    'network-timeout',
    'run',
    'E: Failed to fetch http://deb.debian.org/debian/pool/main/o/openssl/libssl3_3.0.11-1_amd64.deb  503  Service Unavailable [IP: 151.101.2.132 80]',
  ],
  [
    'network-timeout',
    'run',
    "  Failed to download package 'Newtonsoft.Json.13.0.1' from 'https://api.nuget.org/v3-flatcontainer/newtonsoft.json/13.0.1/newtonsoft.json.13.0.1.nupkg'.\n  The SSL connection could not be established, see inner exception.",
  ],
  [
    'network-timeout',
    'run',
    "The 'https://repo.packagist.org/packages.json' URL could not be accessed: HTTP/2 stream 1 was not closed cleanly: PROTOCOL_ERROR (err 1)",
  ],
  ['network-timeout', 'run', 'WARNING: fetching https://dl-cdn.alpinelinux.org/alpine/v3.19/main: DNS lookup error'],
  ['registry-auth-denied', 'paste', 'unknown: Authentication is required'],
  // BuildKit < 0.9 on a base image that does not exist; the old docker push of a tag never built.
  ['manifest-unknown', 'final', 'ERROR: failed to solve: failed to load cache key: docker.io/library/foo:1: not found'],
  ['manifest-unknown', 'paste', 'tag does not exist: acme/app:1.2'],
  // `failed to load cache key` is BuildKit's solver on a source it could not resolve, and `invalid response
  // status` its HTTP source (`ADD <url>`), not an imported cache: a URL that wants credentials.
  ['secret-missing', 'final', 'ERROR: failed to solve: failed to load cache key: invalid response status 403'],
  // The legacy builder on what only BuildKit parses; a plain-HTTP client at a TLS daemon.
  ['builder-missing', 'paste', 'Error response from daemon: dockerfile parse error line 7: Unknown flag: mount'],
  ['builder-missing', 'paste', 'ERROR: Error response from daemon: Client sent an HTTP request to an HTTPS server.'],
  // Compilers and their toolchains: Go older than go.mod, -sys crates, build tools pruned with the dev dependencies.
  ['compile-error', 'run', 'package github.com/acme/app/internal/x is not in std (/usr/local/go/src/github.com/acme/app/internal/x)'],
  ['compile-error', 'run', "go: errors parsing go.mod:\n/app/go.mod:3: invalid go version '1.22.1': must match format 1.23"],
  // A toolchain older than the code in Cargo's and Go's other words: an edition the TOML parser does
  // not know (cargo-chef reads Cargo.toml itself), a lock file format newer than Cargo, Go's note under
  // a compile error, a go.mod toolchain Go cannot download.
  [
    'compile-error',
    'run',
    'Error: Failed to compute recipe\n\nCaused by:\n    TOML parse error at line 7, column 11\n      |\n    7 | edition = "2024"\n      |           ^^^^^^\n    unknown variant `2024`, expected one of `2015`, `2018`, `2021`',
  ],
  [
    'compile-error',
    'run',
    'error: failed to parse lock file at: /app/Cargo.lock\n\nCaused by:\n  lock file version `4` was found, but this version of Cargo does not understand this lock file, perhaps Cargo needs to be updated?',
  ],
  ['compile-error', 'run', '# example.com/app\nnote: module requires Go 1.22'],
  ['compile-error', 'run', 'go: downloading go1.23.2 (linux/amd64)\ngo: download go1.23.2 for linux/amd64: toolchain not available'],
  // The same for the JVM and .NET.
  ['compile-error', 'run', '> Task :compileJava FAILED\nerror: release version 17 not supported'],
  ['compile-error', 'run', 'error: invalid source release: 17'],
  [
    'compile-error',
    'run',
    'Cannot find a Java installation on your machine matching this tasks requirements: {languageVersion=21, vendor=any, implementation=vendor-specific} for LINUX on x86_64.',
  ],
  ['compile-error', 'run', 'Dependency requires at least JVM runtime version 17. This build uses a Java 11 JVM.'],
  [
    'compile-error',
    'run',
    'java.lang.UnsupportedClassVersionError: com/acme/Plugin has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0',
  ],
  ['compile-error', 'run', "> BUG! exception in phase 'semantic analysis' in source unit '_BuildScript_' Unsupported class file major version 65"],
  [
    'compile-error',
    'run',
    'error: The current .NET SDK does not support targeting .NET 8.0.  Either target .NET 6.0 or lower, or use a version of the .NET SDK that supports .NET 8.0.',
  ],
  ['compile-error', 'run', 'go: errors parsing go.mod:\n/app/go.mod:5: unknown directive: toolchain'],
  ['compile-error', 'run', '  Could not find directory of OpenSSL installation, and this `-sys` crate cannot proceed without\n  this knowledge.'],
  // A JavaScript build tool not found: the install left it out (devDependencies not installed), no code failed to compile.
  ['package-install-failure', 'run', 'sh: react-scripts: not found'],
  ['compile-error', 'run', 'ninja: build stopped: subcommand failed.'],
  ['compile-error', 'run', ' ERROR  Failed to compile with 2 errors'],
  ['compile-error', 'run', 'npm ERR! Missing script: "build"'],
  // buildx refusing to create a builder that exists; the daemon before registry v2 on a tag that is not there;
  // an `--ssh default=$SSH_AUTH_SOCK` whose variable was empty.
  [
    'builder-missing',
    'paste',
    '+ docker buildx create --name ci_builder --use\nERROR: existing instance for "ci_builder" but no append mode, specify --node to make changes for existing instances',
  ],
  [
    'manifest-unknown',
    'paste',
    'Step 0 : FROM node:4.6.2\nPulling repository docker.io/library/node\nTag 4.6.2 not found in repository docker.io/library/node',
  ],
  [
    'secret-missing',
    'paste',
    '/usr/bin/docker buildx build --ssh default="" --tag acme/app:1 .\nERROR: stat "": no such file or directory\nError: buildx failed with: ERROR: stat "": no such file or directory',
  ],
  // GNU cat on a secret file that was not mounted (busybox says `can't open '...'`).
  ['secret-missing', 'run', 'cat: /run/secrets/api_key: No such file or directory'],
  // The bake file's parser (HCL diagnostics) and a BuildKit run without the privileges it needs.
  [
    'dockerfile-parse-error',
    'paste',
    'ERROR: docker-bake.hcl:12,3-8: Unsupported argument; An argument named "platform" is not expected here. Did you mean "platforms"?',
  ],
  ['builder-missing', 'paste', 'failed to fetch metadata: fork/exec /usr/local/lib/docker/cli-plugins/docker-buildx: no such file or directory'],
  ['builder-missing', 'paste', '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted'],
  ['builder-missing', 'final', 'error: failed to solve: failed to load LLB: frontend "dockerfile.v0" not found'],
  // CI runners: no docker on the runner, a CI that forbids privileged builders, a login action given an empty secret.
  [
    'builder-missing',
    'paste',
    'Error: Unable to locate executable file: docker. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.',
  ],
  ['builder-missing', 'paste', 'docker: Error response from daemon: authorization denied by plugin pipelines: --privileged=true is not allowed'],
  ['secret-missing', 'paste', '##[error]Input required and not supplied: password'],
  // BuildKit daemons that cannot run as configured (rootless, an unwritable state directory), compose without buildx.
  ['builder-missing', 'paste', 'Docker Compose requires buildx plugin to be installed'],
  ['builder-missing', 'paste', '[rootlesskit:child ] error: failed to share mount point: /: permission denied'],
  ['builder-missing', 'final', 'error: failed to solve: failed to create temp dir: mkdir /var/lib/buildkit/tmp: permission denied'],
  // Reading the Dockerfile failed because the connection to BuildKit closed, not because the file is missing.
  ['buildkit-connection-lost', 'final', 'ERROR: failed to solve: failed to read dockerfile: Canceled: grpc: the client connection is closing'],
  // A title or a sentence quoting apt's line: the quote opens it, the line is still apt's.
  ['package-install-failure', 'paste', 'Docker build fails with "E: Unable to locate package python3.11"'],
  ['package-install-failure', 'paste', 'apt-get fails in the image: `E: Unable to locate package libgl1-mesa-glx`'],
  // bun's frozen lockfile, as pnpm's and yarn's.
  [
    'package-install-failure',
    'run',
    'bun install v1.1.6 (e58d67b4)\nerror: lockfile had changes, but lockfile is frozen\nnote: try re-running without --frozen-lockfile and commit the updated lockfile',
  ],
  // Cargo older than the code: the first line of its MSRV report, and a lock file newer than Cargo reads.
  ['compile-error', 'run', 'error: rustc 1.70.0 is not supported by the following package:'],
  ['compile-error', 'run', 'error: failed to parse lock file at: /app/Cargo.lock\n\nCaused by:\n  lock file version 4 requires `-Znext-lockfile-bump`'],
  // BuildKit that may not mount where its root (and so its temporary directory) lives: not the Dockerfile's fault.
  [
    'builder-missing',
    'final',
    'ERROR: failed to solve: failed to read dockerfile: failed to mount /var/lib/buildkit/tmp/buildkit-mount1234: [{Type:bind Source:/var/lib/buildkit/runc-overlayfs/snapshots/snapshots/3/fs Target: Options:[rbind ro]}]: operation not permitted',
  ],
  // The legacy builder's COPY of several sources to a path that is no directory (pasted alone, or as compose v1 shows it).
  ['dockerfile-parse-error', 'paste', 'When using COPY with more than one source file, the destination must be a directory and end with a /'],
  [
    'dockerfile-parse-error',
    'paste',
    "Step 4/9 : ADD a.jar b.jar /app.jar\nERROR: Service 'app' failed to build: When using ADD with more than one source file, the destination must be a directory and end with a /",
  ],
  // The token request refused, in older containerd's words (the status code without its reason).
  ['registry-auth-denied', 'paste', 'eclipse-temurin:17-jdk: failed to authorize: failed to fetch anonymous token: unexpected status: 401'],
  ['registry-auth-denied', 'final', 'ERROR: failed to solve: node:20: failed to authorize: failed to fetch oauth token: unexpected status: 403'],
  // Cargo that cannot load the project it builds (a workspace member the Dockerfile did not copy, no manifest).
  [
    'compile-error',
    'run',
    'error: failed to load manifest for workspace member `/src/cli`\n\nCaused by:\n  failed to read `/src/cli/Cargo.toml`\n\nCaused by:\n  No such file or directory (os error 2)',
  ],
  ['compile-error', 'run', 'error: could not find `Cargo.toml` in `/app` or any parent directory'],
  [
    'compile-error',
    'run',
    "error: can't find `server` bin at `src/bin/server.rs` or `src/bin/server/main.rs`. Please specify bin.path if you want to use a non-default path.",
  ],
  // Other languages' compilers in their own words: Crystal, Zig, Dart, Nim, OCaml.
  [
    'compile-error',
    'run',
    "Showing last frame. Use --error-trace for full trace.\n\nIn src/app.cr:12:3\n\n 12 | foo.bar\n          ^--\nError: undefined method 'bar' for Foo",
  ],
  ['compile-error', 'run', "src/main.zig:10:5: error: use of undeclared identifier 'foo'"],
  ['compile-error', 'run', "lib/main.dart:12:3: Error: The method 'foo' isn't defined for the class 'App'."],
  ['compile-error', 'run', "/app/src/server.nim(12, 5) Error: undeclared identifier: 'foo'"],
  ['compile-error', 'run', 'File "bin/main.ml", line 3, characters 2-5:\nError: Unbound value foo'],
  // Composer's runtime platform check (a script run after install): the locked packages need another PHP.
  [
    'package-install-failure',
    'run',
    '> Illuminate\\Foundation\\ComposerScripts::postAutoloadDump\nIn platform_check.php line 28:\n  Composer detected issues in your platform: Your Composer dependencies require a PHP version ">= 8.3.0". You are running 8.1.31.',
  ],
  // The legacy builder's stderr colour with its escape byte lost or replaced in the paste: the line is still the tool's.
  ['oom-killed', 'paste', '  CXX(target) Release/obj.target/bcrypt_lib/src/bcrypt.o\n\ufffd[91mKilled'],
  ['package-install-failure', 'run', '[91mE: Unable to locate package libfoo-dev\n[0m'],
  // A JavaScript build tool's absence is the install's (devDependencies left out: every thread in the corpus concluded so).
  // Any other program not found is not read as a missing package: a version script's `git: not found` is harmless where
  // the step fails later for another reason.
  ['package-install-failure', 'run', 'sh: 1: tsc: not found'],
  // An installer refusing the image's Python; PECL (the package manager of PHP extensions) failing to build one.
  ['package-install-failure', 'run', 'ERROR: This script does not work on Python 3.7. The minimum supported Python version is 3.8.'],
  [
    'package-install-failure',
    'run',
    "configure: error: Please reinstall the libcurl distribution\nERROR: `/tmp/pear/temp/raphf/configure --with-php-config=/usr/local/bin/php-config' failed",
  ],
  ['network-timeout', 'run', 'Package "redis" does not have REST info xml available\ninstall failed'],
  // buildx bake on a target its file does not define.
  ['manifest-unknown', 'paste', 'ERROR: failed to find target backend'],
  ['manifest-unknown', 'paste', "ERROR: could not find any target matching 'frontend'"],
  // OrbStack's loader on an x86-64 binary in an arm64 image.
  [
    'platform-mismatch',
    'run',
    "OrbStack ERROR: Dynamic loader not found: /lib64/ld-linux-x86-64.so.2\n\nThis usually means that you're running an x86 program on an arm64 OS without multi-arch libraries.",
  ],
  // Documentation builds that fail on warnings or a page.
  [
    'compile-error',
    'run',
    "WARNING -  Documentation file 'index.md' contains a link to 'x.md' which is not found in documentation files.\n\nAborted with 1 warnings in strict mode!",
  ],
  [
    'compile-error',
    'run',
    'Error: error building site: render: failed to render pages: template: index.html:3:5: executing "main" at <.Foo>: can\'t evaluate field Foo',
  ],
  // A registry refusing a repository name on push (no namespace, a character it does not allow).
  ['registry-push-failure', 'paste', '------\n > pushing ghcr.io/app:v1.0 with docker:\n------\nERROR: name invalid'],
  // A daemon before multi-stage builds on `COPY --from`, as compose v1 relays it.
  ['dockerfile-parse-error', 'paste', "Step 3/10 : COPY --from=builder /app /app\nERROR: Service 'web' failed to build: Unknown flag: from"],
  // Markdown bold around the pasted lines (a reporter's emphasis): the lines are still the builder's.
  ['copy-source-missing', 'paste', '**Step 2/7 : COPY default.conf /etc/nginx/conf.d/default.conf\nlstat default.conf: no such file or directory**'],
  // The runner's build of a container action exiting 127 is a wrapper's line: a line that names the program leads.
  [
    'package-install-failure',
    'paste',
    "Step 5/6 : RUN tsc -p .\n ---> Running in 1a2b3c4d5e6f\n/bin/sh: 1: tsc: not found\nThe command '/bin/sh -c tsc -p .' returned a non-zero code: 127\nError: Docker build failed with exit code 127",
  ],
  // A proxy that wants credentials (407) is the build's network, not the registry refusing it.
  [
    'network-timeout',
    'run',
    "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Max retries exceeded with url: /packages/x.whl (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required')))",
  ],
  // Gradle's client on its daemon killed under it.
  ['oom-killed', 'run', '> Task :compileJava\nThe message received from the daemon indicates that the daemon has disappeared.'],
  // An instruction before the first FROM, in the legacy builder's and BuildKit's words.
  ['dockerfile-parse-error', 'paste', 'Error response from daemon: No build stage in current context'],
  ['dockerfile-parse-error', 'final', 'ERROR: failed to solve: failed to create LLB definition: no build stage in current context'],
  // Tools that chain errors print the outer one first and its cause after `Caused by:`: the cause still leads.
  [
    'network-timeout',
    'run',
    'error: failed to download `serde v1.0.200`\n\nCaused by:\n  failed to download from `https://static.crates.io/crates/serde/1.0.200/download`\n\nCaused by:\n  [28] Timeout was reached (Operation timed out after 30000 milliseconds with 0 bytes received)',
  ],
  [
    'network-timeout',
    'run',
    'error: failed to get `serde` as a dependency of package `app v0.1.0 (/app)`\n\nCaused by:\n  failed to load source for dependency `serde`\n\nCaused by:\n  Unable to update registry `crates-io`\n\nCaused by:\n  network failure seems to have happened',
  ],
  [
    'network-timeout',
    'run',
    "Could not resolve all dependencies for configuration ':app:runtimeClasspath'.\nCaused by: java.net.UnknownHostException: repo.maven.apache.org",
  ],
  // A cache source or destination whose type needs an option it was not given (buildx 0.10+), per backend.
  ['cache-import-failure', 'final', 'ERROR: s3 cache importer requires bucket'],
  ['cache-import-failure', 'paste', 'buildx failed with: ERROR: local cache importer requires src'],
  ['cache-export-failure', 'final', 'ERROR: registry cache exporter requires ref'],
  // Go before 1.21 naming the version its module needs, in its build error.
  ['compile-error', 'run', 'go build example.com/app/cmd/server: module requires Go 1.21'],
  // BuildKit's own lstat of a COPY source that the context lacks, said as the solve's error.
  ['copy-source-missing', 'paste', 'ERROR: failed to solve: lstat /config: no such file or directory'],
  // The server (or a filtering middlebox) refusing the TLS handshake, and Erlang's httpc (mix, rebar3).
  [
    'network-timeout',
    'final',
    'ERROR: failed to solve: golang:1.22: failed to resolve source metadata for docker.io/library/golang:1.22: failed to do request: Head "https://registry-1.docker.io/v2/library/golang/manifests/1.22": remote error: tls: handshake failure',
  ],
  [
    'network-timeout',
    'run',
    "===> Fetching hex\n** (Mix) httpc request failed with: {:failed_connect, [{:to_address, {'builds.hex.pm', 443}}, {:inet, [:inet], :etimedout}]}",
  ],
  ['network-timeout', 'run', 'Failed to fetch package index: {failed_connect,[{to_address,{"repo.hex.pm",443}},{inet,[inet],nxdomain}]}'],
  // docker compose refusing a service whose secret the file does not define (v1's words; v2's above).
  ['secret-missing', 'paste', 'Service "api" uses an undefined secret npm_token'],
  // A package manager that needs git in an image without it, in npm's, pip's and yarn's words.
  [
    'package-install-failure',
    'run',
    'npm ERR! code ENOGIT\nnpm ERR! Error while executing:\nnpm ERR! undefined ls-remote -h -t ssh://git@github.com/acme/lib.git\nnpm ERR! No git binary found in $PATH',
  ],
  ['package-install-failure', 'run', "ERROR: Cannot find command 'git' - do you have 'git' installed and in your PATH?"],
  ['package-install-failure', 'run', "error Couldn't find the binary git"],
  // A Go module whose packages moved (a /v2 path): the module is there, the package is not.
  ['package-install-failure', 'run', 'go: module github.com/acme/tool@latest found (v1.4.0), but does not contain package github.com/acme/tool/cmd/tool'],
  // pip's own entry script broken by an upgrade over the distribution's pip.
  [
    'package-install-failure',
    'run',
    'Traceback (most recent call last):\n  File "/usr/bin/pip3", line 9, in <module>\n    from pip import main\nImportError: cannot import name \'main\'',
  ],
  // An installer piped to the shell that was an error page.
  ['package-install-failure', 'run', 'sh: 1: 404:: not found'],
  ['package-install-failure', 'run', 'bash: line 1: Not: command not found'],
  // A base image named by an ARG without a value.
  ['invalid-tag', 'final', 'ERROR: failed to solve: base name (${BASE_IMAGE}) should not be blank'],
  // The docker CLI without the buildx plugin reads `docker buildx build --tag=...`'s flags as its own.
  ['builder-missing', 'paste', "unknown flag: --tag\nSee 'docker --help'."],
  // Quay's word for a tag it no longer has, pulled by docker and by compose v1.
  ['manifest-unknown', 'paste', 'Error response from daemon: unknown: Tag v1.0.0 was deleted or has expired. To pull, revive via time machine'],
  ['manifest-unknown', 'paste', 'Pulling erpnext        ... error\nERROR: unknown: Tag latest was deleted or has expired. To pull, revive via time machine'],
  // The Dockerfile frontend's own gRPC server gone mid-build.
  [
    'buildkit-connection-lost',
    'final',
    'failed to solve with frontend dockerfile.v0: failed to solve with frontend gateway.v0: frontend grpc server closed unexpectedly',
  ],
  // A GPG keyserver that could not be reached is the network; one that answered without the key is not.
  ['network-timeout', 'run', "gpg: keybox '/tmp/tmp.x/pubring.kbx' created\ngpg: keyserver receive failed: Cannot assign requested address"],
  ['network-timeout', 'run', 'gpg: keyserver receive failed: Server indicated a failure'],
  // An HTTP 408 on a pull is a timeout, not a failed push.
  [
    'network-timeout',
    'paste',
    "error pulling image configuration: download failed after attempts=2: error parsing HTTP 408 response body: invalid character '<' looking for beginning of value",
  ],
  // Docker Desktop's build backend refusing the builders' list.
  [
    'builder-missing',
    'paste',
    '[IPC build.buildBackendGetBuildersStream] buildBackend:/builders/stream (connect ECONNREFUSED /Users/me/Library/Containers/com.docker.docker/Data/docker-desktop-build.sock)',
  ],
  // A layer whose upload gave up, kaniko refused before it builds, npm's request to a URL ending in `/`, old docker's
  // registry ping, cargo's replaced registry, a client with no BuildKit to talk to.
  ['registry-push-failure', 'paste', '59cc35b0a56c: Image push failed'],
  [
    'registry-auth-denied',
    'paste',
    'error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "gcr.io/acme/app": creating push check transport for gcr.io failed: GET https://gcr.io/v2/token: UNAUTHORIZED',
  ],
  ['network-timeout', 'run', 'npm error request to https://registry.npmjs.org/failed, reason: self-signed certificate in certificate chain'],
  ['builder-missing', 'paste', 'FATA[0000] no buildkit host is available, tried 2 candidates: 2 errors occurred:'],
  // The JVM's Docker plugins with no daemon to talk to, and a `docker` on PATH that is another program.
  [
    'builder-missing',
    'paste',
    '[ERROR] F8: Cannot create docker access object  [Connect to localhost:2375 [localhost/127.0.0.1] failed: Connection refused: connect]',
  ],
  [
    'builder-missing',
    'paste',
    "[ERROR] Failed to execute goal io.fabric8:fabric8-maven-plugin:3.1.69:build failed: No <dockerHost> given, no DOCKER_HOST environment variable, no read/writable '/var/run/docker.sock'",
  ],
  [
    'builder-missing',
    'paste',
    'com.github.dockerjava.shaded.org.apache.http.conn.HttpHostConnectException: Connect to 127.0.0.1:2375 [/127.0.0.1] failed: Connection refused',
  ],
  ['builder-missing', 'paste', '[WARNING] [io.quarkus.container.image.docker.deployment.DockerWorking] No Docker binary found'],
  [
    'builder-missing',
    'paste',
    "[debug] Running command: 'docker build .' in '/app/target/docker'\n[info] Usage: docker [OPTIONS]\n[info]   -display DISPLAY  The X display to connect to.",
  ],
  // A context path that is blank, .NET's host under QEMU, uv's and R's resolvers, curl's and wget's own HTTP errors.
  ['dockerfile-missing', 'paste', 'unable to prepare context: path " " not found'],
  [
    'package-install-failure',
    'run',
    '  × No solution found when resolving dependencies:\n  ╰─▶ Because pip was not found in the package registry and you require pip, we can conclude that your requirements are unsatisfiable.',
  ],
  ['package-install-failure', 'run', "ERROR: dependency 'gplots' is not available for package 'rehh'"],
  ['package-install-failure', 'run', 'curl: (22) The requested URL returned error: 404 Not Found'],
  ['package-install-failure', 'run', '2023-07-27 06:38:19 ERROR 404: Not Found.'],
  [
    'network-timeout',
    'paste',
    'error pulling image configuration: download failed after attempts=6: tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match prod-registry-k8s-io.s3.amazonaws.com',
  ],
  // A digest elided by its writer, the Engine API's pull answered 404 through a client library, go-containerregistry's 5xx,
  // a tool that found no docker to run.
  ['manifest-unknown', 'paste', 'ERROR: ghcr.io/acme/app@sha256:...: not found'],
  [
    'manifest-unknown',
    'paste',
    "Execution failed for task ':bootBuildImage'.\n> Docker API call to 'localhost/v1.24/images/create?fromImage=docker.io%2Fpaketobuildpacks%2Fbuilder%3Abase' failed with status code 404 \"Not Found\"",
  ],
  [
    'manifest-unknown',
    'paste',
    'requests.exceptions.HTTPError: 404 Client Error: Not Found for url: http+docker://localhost/v1.41/images/create?tag=306d925c&fromImage=localhost',
  ],
  [
    'registry-push-failure',
    'paste',
    '2019/09/17 18:53:27 error processing import paths in "config/app.yaml": unsupported status code 502; body: <!DOCTYPE html>',
  ],
  [
    'builder-missing',
    'paste',
    "Unable to get docker version: An error occurred while trying to run 'docker'. Please make sure 'docker' is installed and in the $PATH.",
  ],
  // curl's own 403 on a download is the download's; git's (`fatal: unable to access ...: The requested URL returned error: 403`) stays a credential.
  ['package-install-failure', 'run', 'Downloading ANTs ...\ncurl: (22) The requested URL returned error: 403'],
  ['secret-missing', 'run', "fatal: unable to access 'https://github.com/acme/private.git/': The requested URL returned error: 403"],
  // A GitHub Actions cache blob read after its signed URL expired.
  [
    'cache-import-failure',
    'paste',
    'ERROR: failed to build: failed to solve: failed to compute cache key: failed to copy:\n  GET https://productionresultssa5.blob.core.windows.net/actions-cache/abc\nRESPONSE 403: 403 Server failed to authenticate the request.\nERROR CODE: AuthenticationFailed\n<AuthenticationErrorDetail>Signature not valid in the specified time frame:',
  ],
];

describe('signature families in the tools’ own words', () => {
  it.each(ROWS)('%s (%s): %s', async (category, where, line) => {
    const text = where === 'run' ? inRun(line) : where === 'final' ? asFinal(line) : line;
    const analysis = await diagnoseText(text, 'family.log');
    expect(analysis.findings.map((f) => f.id)[0]).toBe(category);
  });

  // A family is known in every form a RUN step's output reaches people, not only in plain progress.
  const inOtherForms = ROWS.filter(([, where]) => where === 'run').flatMap(([category, , line]) =>
    Object.keys(OTHER_FORMS).map((form) => [category, form, line] as [string, string, string]),
  );
  it.each(inOtherForms)('%s (RUN, %s form): %s', async (category, form, line) => {
    const analysis = await diagnoseText(OTHER_FORMS[form]!(line), 'family.log');
    expect(analysis.findings.map((f) => f.id)[0]).toBe(category);
  });
});

// Where one line says what failed, no second finding names another cause: a COPY source missing from the
// context is not also an image that does not exist, though BuildKit's checksum says `not found: not found`.
describe('no second cause where the line names one', () => {
  const copySource = [
    'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: "/app/requirements.txt": not found',
    'failed to solve with frontend dockerfile.v0: failed to build LLB: failed to compute cache key: "/dist" not found: not found',
    ' => ERROR [4/6] COPY package.json yarn.lock ./   0.0s\n------\n > [4/6] COPY package.json yarn.lock ./:\n------\nfailed to compute cache key: "/yarn.lock" not found: not found',
    '#7 [3/5] COPY app.jar /app/\n#7 ERROR: "/app.jar" not found: not found\n------\n > [3/5] COPY app.jar /app/:\n------\nERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 1::2: "/app.jar": not found',
  ];
  it.each(copySource)('a missing COPY source: %s', async (text) => {
    const ids = (await diagnoseText(text, 'copy.log')).findings.map((f) => f.id);
    expect(ids[0]).toBe('copy-source-missing');
    expect(ids).not.toContain('manifest-unknown');
  });

  // A signature's `commands` are the fallback for a failure that prints nothing known: beside a line that
  // names the cause they would add one the log does not show.
  it('the failing command is no second cause when a line of the failure names one', async () => {
    const text = [
      '#4 [internal] load metadata for docker.io/library/node:18',
      '#4 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status: 429 Too Many Requests',
      '------',
      ' > [internal] load metadata for docker.io/library/node:18:',
      '------',
      'ERROR: failed to solve: node:18: failed to authorize: failed to fetch anonymous token: unexpected status: 429 Too Many Requests',
    ].join('\n');
    expect((await diagnoseText(text, 'limit.log')).findings.map((f) => f.id)).toEqual(['registry-rate-limit']);
  });

  it("a wrapper's line (make around docker build) is no second cause either", async () => {
    const text = [
      '2024-01-01T10:00:00.0000000Z #9 [4/6] RUN npm ci',
      '2024-01-01T10:00:30.0000000Z #9 30.1 npm ERR! code ECONNRESET',
      '2024-01-01T10:00:31.0000000Z #9 ERROR: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
      '2024-01-01T10:00:31.0000000Z ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
      '2024-01-01T10:00:32.0000000Z make: *** [Makefile:3: image] Error 1',
      '2024-01-01T10:00:32.0000000Z ##[error]Process completed with exit code 2.',
    ].join('\n');
    expect((await diagnoseText(text, 'make.log')).findings.map((f) => f.id)).toEqual(['network-timeout']);
  });

  it('a wrapper still names a compiler when nothing else does', async () => {
    const text = [
      '#7 [3/4] RUN make',
      '#7 9.1 make: *** [Makefile:12: all] Error 2',
      '#7 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
    ].join('\n');
    expect((await diagnoseText(text, 'make.log')).findings.map((f) => f.id)[0]).toBe('compile-error');
  });

  it('the failing command still names the cause when no line does', async () => {
    const text = asFinal('ERROR: failed to solve: process "/bin/sh -c npm ci --omit=dev" did not complete successfully: exit code: 1');
    expect((await diagnoseText(text, 'npm.log')).findings.map((f) => f.id)).toEqual(['package-install-failure']);
  });

  const byCommand: Array<[string, string]> = [
    ['pnpm build', 'compile-error'],
    ['npx turbo run build --filter=web', 'compile-error'],
    ['flutter build web --release', 'compile-error'],
    ['mix deps.get --only prod', 'package-install-failure'],
    ['dart pub get', 'package-install-failure'],
    ['poetry export -f requirements.txt --output requirements.txt', 'package-install-failure'],
  ];
  it.each(byCommand)('the failing command %s names %s when no line does', async (command, id) => {
    const text = asFinal(`ERROR: failed to solve: process "/bin/sh -c ${command}" did not complete successfully: exit code: 1`);
    expect((await diagnoseText(text, 'cmd.log')).findings.map((f) => f.id)).toEqual([id]);
  });

  // BuildKit marks the lines of the instruction an error is about, from its keyword on.
  it('a marked Dockerfile line that is no instruction is a parse error, though the error line was cut', async () => {
    const text = [
      '[+] Building 0.1s (1/1) FINISHED',
      ' => [internal] load build definition from Dockerfile                0.0s',
      ' => => transferring dockerfile: 2.15kB                               0.0s',
      'Dockerfile:12',
      '--------------------',
      '  10 |     # the server config',
      "  11 |     RUN cat > /etc/app.json << 'EOF'",
      '  12 | >>> {',
    ].join('\n');
    expect((await diagnoseText(text, 'heredoc.log')).findings.map((f) => f.id)[0]).toBe('dockerfile-parse-error');
  });

  it('the continuation lines of a marked instruction are no parse error', async () => {
    const text = [
      ' => ERROR [3/4] RUN apt-get update &&     apt-get install -y libfoo      1.2s',
      '------',
      ' > [3/4] RUN apt-get update &&     apt-get install -y libfoo:',
      '0.9 E: Unable to locate package libfoo',
      '------',
      'Dockerfile:5',
      '--------------------',
      '   5 | >>> RUN apt-get update && \\',
      '   6 | >>>     apt-get install -y libfoo',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c apt-get update &&     apt-get install -y libfoo" did not complete successfully: exit code: 100',
    ].join('\n');
    const ids = (await diagnoseText(text, 'apt.log')).findings.map((f) => f.id);
    expect(ids[0]).toBe('package-install-failure');
    expect(ids).not.toContain('dockerfile-parse-error');
  });

  // Docker's warning that no platform was asked for, then a program that cannot start: in either direction the image has
  // no variant for the host, and no emulator ran it (it would not say `exec format error`). Train excerpts of an Arm image on
  // an x86-64 host are labelled so 13 times to 2 (batches 579 to 593's rules; the platform's advice names QEMU too).
  it('an Arm image whose entrypoint cannot run on an x86-64 host is a platform mismatch too', async () => {
    const text = [
      "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64/v3) and no specific platform was requested",
      'exec /usr/local/bin/entrypoint: exec format error',
    ].join('\n');
    expect((await diagnoseText(text, 'arm.log')).findings.map((f) => f.id)[0]).toBe('platform-mismatch');
  });

  it('an x86-64 image whose entrypoint cannot run on an Arm host is a platform mismatch', async () => {
    const text = [
      "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
      'exec /usr/local/bin/entrypoint: exec format error',
    ].join('\n');
    expect((await diagnoseText(text, 'amd64.log')).findings.map((f) => f.id)[0]).toBe('platform-mismatch');
  });

  // The same warning before a build step's shell cannot start: the base image has no variant for the host.
  it('an x86-64 base image whose shell cannot run in a build on an Arm host is a platform mismatch', async () => {
    const text = [
      'Step 1/4 : FROM acme/base:1.0',
      " ---> [Warning] The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
      ' ---> Running in ad35f7b62fd9',
      'exec /bin/sh: exec format error',
    ].join('\n');
    expect((await diagnoseText(text, 'rpi.log')).findings.map((f) => f.id)[0]).toBe('platform-mismatch');
  });

  it('an Arm base image whose shell cannot run in a build on an x86-64 host is a platform mismatch too', async () => {
    const text = [
      'Step 1/4 : FROM arm64v8/alpine:3.19',
      " ---> [Warning] The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64) and no specific platform was requested",
      ' ---> Running in ad35f7b62fd9',
      'exec /bin/sh: exec format error',
    ].join('\n');
    expect((await diagnoseText(text, 'arm.log')).findings.map((f) => f.id)[0]).toBe('platform-mismatch');
  });

  // A paste that starts right after the tty arrow still names the failed step, whose command says what failed.
  it('a tty step line without its arrow is the failed step', async () => {
    const ids = (await diagnoseText('ERROR [2/5] RUN apk add --no-cache python2 g++ make', 'tty.log')).findings.map((f) => f.id);
    expect(ids[0]).toBe('package-install-failure');
  });

  // After a plain build the same line is that build's failure retold: one build, one finding.
  it('a tty step line without its arrow after a plain build does not start a second build', async () => {
    const text = [
      '#3 [2/2] RUN apk add --no-cache foo',
      '#3 0.512 ERROR: unable to select packages:',
      '#3 0.513   foo (no such package):',
      '#3 ERROR: process "/bin/sh -c apk add --no-cache foo" did not complete successfully: exit code: 1',
      'ERROR [2/2] RUN apk add --no-cache foo',
      'ERROR: failed to solve: process "/bin/sh -c apk add --no-cache foo" did not complete successfully: exit code: 1',
    ].join('\n');
    const analysis = await diagnoseText(text, 'plain.log');
    expect(analysis.builds).toHaveLength(1);
    expect(analysis.findings.map((f) => f.id)).toEqual(['package-install-failure']);
  });

  // BuildKit goes on without a cache it could not import: the import's bare error-block header names
  // a step that failed, not why the build did, and a line that says why comes first.
  it("a cache import's bare header is no cause beside a registry's refusal", async () => {
    const text = [
      '#21 DONE 0.0s',
      '------',
      ' > importing cache manifest from index.docker.io/acme/app:latest:',
      '------',
      'Pushing index.docker.io/acme/app:latest...',
      'unauthorized: incorrect username or password',
    ].join('\n');
    expect((await diagnoseText(text, 'push.log')).findings.map((f) => f.id)[0]).toBe('registry-auth-denied');
  });

  it("a cache import's own error line is still the import's failure", async () => {
    const text = [
      '#12 importing cache manifest from localhost/acme/app:main',
      '#12 ERROR: failed to do request: Head "http://localhost/v2/acme/app/manifests/main": dial tcp 127.0.0.1:80: connect: connection refused',
      '------',
      ' > importing cache manifest from localhost/acme/app:main:',
      '------',
    ].join('\n');
    expect((await diagnoseText(text, 'import.log')).findings.map((f) => f.id)[0]).toBe('cache-import-failure');
  });

  // A tty paste that starts at the live lines (` => => # `) of the step that then failed: no step is drawn
  // above them, and they are all the paste shows of what that step printed.
  it("a tty paste's live lines are the failing step's output when no step is drawn above them", async () => {
    const text = [
      "=> => #   Temporary failure resolving 'deb.debian.org'",
      'target web: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y curl" did not complete successfully: exit code: 100',
    ].join('\n');
    expect((await diagnoseText(text, 'tty.log')).findings.map((f) => f.id)[0]).toBe('network-timeout');
    const anchored = [
      '=> => # E: Unable to locate package libfoo',
      'failed to solve: process "/bin/sh -c apt-get install -y libfoo" did not complete successfully: exit code: 100',
    ];
    expect((await diagnoseText(anchored.join('\n'), 'tty.log')).findings.map((f) => f.id)).toEqual(['package-install-failure']);
  });

  // Under a step that then failed they are that step's output; under one that did not, they say nothing of the failure.
  it("a tty paste's live lines of a step that did not fail are no cause", async () => {
    const text = [
      '[+] Building 40.2s (9/12)',
      ' => [web 4/6] RUN pip install -r requirements.txt     38.1s',
      " => => # WARNING: Retrying after connection broken by 'NewConnectionError: [Errno -3] Temporary failure in name resolution'",
      ' => ERROR [api 3/5] COPY dist /app/dist     0.0s',
      '------',
      ' > [api 3/5] COPY dist /app/dist:',
      '------',
      'failed to solve: failed to compute cache key: failed to calculate checksum of ref 1::2: "/dist": not found',
    ].join('\n');
    expect((await diagnoseText(text, 'tty.log')).findings.map((f) => f.id)[0]).toBe('copy-source-missing');
  });

  it('a credential helper that cannot run is named, in the title and in the first advice', async () => {
    for (const [line, helper] of [
      ['error getting credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``', 'docker-credential-desktop'],
      ['docker.credentials.errors.InitializationError: docker-credential-pass not installed or not available in PATH', 'docker-credential-pass'],
    ]) {
      const first = (await diagnoseText(line!, 'helper.log')).findings[0]!;
      // No registry was asked, so the title no longer says that one denied access (a review of train batches 603 to 609).
      expect([first.id, first.title]).toEqual(['registry-auth-denied', `The credential helper ${helper} could not run`]);
      expect(first.fix.split('\n')[0]).toContain(`\`${helper}\` is named by \`credsStore\``);
    }
  });

  it("a step's time limit stops that step alone: a build after it, or in another job canceled for another reason, is not said to be stopped by it", async () => {
    const before = [
      '2026-01-05T10:00:00.0000000Z ##[group]Run ./warm-cache.sh',
      '2026-01-05T10:00:01.0000000Z ##[endgroup]',
      "2026-01-05T10:05:00.0000000Z ##[error]The action 'Warm cache' has timed out after 5 minutes.",
      '2026-01-05T10:05:01.0000000Z ##[group]Run docker build -t app .',
      '2026-01-05T10:05:02.0000000Z ##[endgroup]',
      '2026-01-05T10:05:03.0000000Z #5 [build 1/1] RUN true',
      '2026-01-05T10:05:04.0000000Z #5 DONE 0.1s',
      '2026-01-05T10:05:05.0000000Z #6 exporting to image',
      '2026-01-05T10:05:06.0000000Z #6 DONE 0.2s',
    ].join('\n');
    const analysis = await diagnoseText(before);
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['success']);
    expect(verdictOf(analysis).happened).toBe('The build succeeded.');

    const job = (name: string, last: string) =>
      [
        '2026-01-05T10:00:00.0000000Z ##[group]Run docker/build-push-action@v6',
        '2026-01-05T10:00:01.0000000Z ##[endgroup]',
        '2026-01-05T10:00:02.0000000Z #5 [build 3/4] RUN cargo build --release',
        `2026-01-05T16:00:02.0000000Z ##[error]${last}`,
      ]
        .map((l) => `${name}\tBuild\t${l}`)
        .join('\n');
    const two = await diagnoseText(
      [
        job('amd64', 'The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 360 minutes.'),
        job('arm64', 'The operation was canceled.'),
      ].join('\n'),
    );
    expect(two.builds.map((b) => b.build.status)).toEqual(['canceled', 'canceled']);
    expect(verdictOf(two).happened).toBe('**amd64**, **arm64** were canceled.');
    expect(two.groups.find((g) => g.id === 'canceled')!.title).toBe('amd64, arm64: canceled before they finished');
  });

  it("BuildKit's InvalidBaseImagePlatform check before a RUN step fails: the base image's platform is the cause", async () => {
    const text = [
      ' 1 warning found (use docker --debug to expand):',
      ' - InvalidBaseImagePlatform: Base image osrf/ros:humble was pulled with platform "linux/amd64", expected "linux/arm64" for current build (line 1)',
      ...OTHER_FORMS.tty!('E: Unable to locate package nano').split('\n'),
    ].join('\n');
    const first = (await diagnoseText(text, 'ros.log')).findings[0]!;
    expect([first.id, first.title]).toEqual(['platform-mismatch', 'No image for the requested platform (linux/arm64)']);
    // Without the check's warning, the same failure is the package manager's.
    expect((await diagnoseText(OTHER_FORMS.tty!('E: Unable to locate package nano'), 'apt.log')).findings[0]!.id).toBe('package-install-failure');
  });

  it("apk's index given up in a paste cut before the step's exit: the network is the cause of the packages it cannot find", async () => {
    const text = [
      'Step 5/24 : RUN apk add --no-cache nginx openrc',
      ' ---> Running in 38b508fcc211',
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.13/main/armv7/APKINDEX.tar.gz',
      'WARNING: Ignoring https://dl-cdn.alpinelinux.org/alpine/v3.13/main: temporary error (try again later)',
      'ERROR: unable to select packages:',
      '  openrc (no such package):',
      '    required by: world[openrc]',
    ].join('\n');
    expect((await diagnoseText(text, 'apk.log')).findings[0]!.id).toBe('network-timeout');
  });

  it('a base image compose could not resolve before its steps were numbered (`[service] FROM x`) is the missing image', async () => {
    const text = [
      '[+] Building 4.6s (7/9)',
      ' => ERROR [rabbitmq] FROM docker.io/library/openadr_build:latest      4.4s',
      ' => => resolve docker.io/library/openadr_build:latest                 4.3s',
      ' => CACHED [postgres stage-0 1/4] FROM docker.io/library/postgres:13-alpine',
    ].join('\n');
    const analysis = await diagnoseText(text, 'compose.log');
    expect(analysis.builds[0]!.build.steps.find((s) => s.name.startsWith('[rabbitmq]'))).toMatchObject({ instruction: 'FROM', stage: 'rabbitmq' });
    expect(analysis.findings[0]!.id).toBe('manifest-unknown');
  });

  it("pip's one retry warning, the last line of a step whose command is all else that is known, is the cause", async () => {
    const text = [
      ' => ERROR [6/6] RUN pip install -r requirements.txt -i https://mirrors.example.com/pypi/simple/      203.8s',
      '------',
      ' > [6/6] RUN pip install -r requirements.txt -i https://mirrors.example.com/pypi/simple/:',
      '#0 2.217 Collecting torch==1.8.0',
      "#0 183.8 WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='mirrors.example.com', port=443): Read timed out. (read timeout=15)\")': /pypi/simple/pandas/",
    ].join('\n');
    expect((await diagnoseText(text, 'pip.log')).findings[0]!.id).toBe('network-timeout');
  });

  it("a log that ends while a step runs for hours: how long it had run, from BuildKit's clock on its last line", async () => {
    const text = [
      '#15 [8/9] RUN pip install flash_attn',
      '#15 69.67   Building wheel for flash_attn (pyproject.toml): started',
      '#15 381.6   Building wheel for flash_attn (pyproject.toml): still running...',
      '#15 19054.2   Building wheel for flash_attn (pyproject.toml): still running...',
    ].join('\n');
    const analysis = await diagnoseText(text, 'long.log');
    expect(analysis.builds[0]!.build.steps[0]).toMatchObject({ status: 'running', seconds: null, runningSeconds: 19054.2 });
    expect(analysis.findings.map((f) => [f.id, f.title])).toEqual([
      ['slow-build', 'The step "[8/9] RUN pip install flash_attn" was still running after 317.6 min, over the 60 min budget'],
    ]);
    // Under the budget, nothing to say; a finished step has its own duration instead.
    const short = await diagnoseText(text.replace('19054.2', '1054.2'), 'short.log');
    expect(short.findings.some((f) => f.id === 'slow-build')).toBe(false);
  });

  it('a step the tty view shows canceled after hours: its time is read, and it is the slow step', async () => {
    const text = (seconds: string) =>
      [
        ' => [internal] load build context                                   0.1s',
        ' => [2/7] RUN apt-get update && apt-get install patch               3.9s',
        ` => CANCELED [3/7] RUN pip install "apache-airflow[amazon,google]"  ${seconds}s`,
      ].join('\n');
    const analysis = await diagnoseText(text('7411.1'), 'canceled.log');
    expect(analysis.builds[0]!.build.steps[2]).toMatchObject({ status: 'canceled', seconds: 7411.1 });
    expect(analysis.findings.map((f) => [f.id, f.severity, f.title])).toEqual([
      [
        'slow-build',
        'warning',
        'The step "[3/7] RUN pip install "apache-airflow[amazon,google]"" ran 123.5 min before it was canceled, over the 60 min budget',
      ],
    ]);
    // Canceled early, it is no slow step; plain progress's `CANCELED` has no time.
    expect((await diagnoseText(text('12.0'), 'canceled.log')).findings.some((f) => f.id === 'slow-build')).toBe(false);
    const plain = await diagnoseText(['#7 [3/7] RUN pip install x', '#7 CANCELED'].join('\n'), 'plain.log');
    expect(plain.builds[0]!.build.steps[0]).toMatchObject({ status: 'canceled', seconds: null });
    // There, the clock of its last output line says how long it ran at least.
    const clocked = await diagnoseText(
      ['#7 [3/7] RUN pip install x', '#7 0.512 Collecting x', '#7 7400.120 still resolving', '#7 CANCELED'].join('\n'),
      'plain.log',
    );
    expect(clocked.findings.map((f) => f.title)).toEqual([
      'The step "[3/7] RUN pip install x" ran at least 123.3 min before it was canceled, over the 60 min budget',
    ]);
  });

  it('a build context that took a minute or more to send: in the tty view, its transfer lines alone, and plain progress', async () => {
    const tty = (seconds: string) =>
      [
        '[+] Building 112.4s (6/6) FINISHED',
        ' => [internal] load build definition from Dockerfile                 0.0s',
        ` => [internal] load build context                                 ${seconds}s`,
        ` => => transferring context: 10.79MB                              ${seconds}s`,
        ' => [2/2] COPY . /app                                                0.4s',
        ' => exporting to image                                               0.2s',
      ].join('\n');
    const slow = await diagnoseText(tty('109.2'), 'tty.log');
    expect(slow.findings.map((f) => [f.id, f.severity, f.title, f.evidence.map((e) => e.text.trim())])).toEqual([
      ['slow-build', 'warning', 'Sending the build context took 1.8 min', ['=> => transferring context: 10.79MB                              109.2s']],
    ]);
    expect(slow.findings[0]!.fix).toContain('.dockerignore');
    expect((await diagnoseText(tty('12.5'), 'fast.log')).findings).toEqual([]);
    // A paste of the transfer lines alone is that build, not a refusal.
    const lines = [' => => transferring context: 1.27kB          0.1s', '...', ' => => transferring context: 10.79MB       109.2s'].join('\n');
    expect((await diagnoseText(lines, 'lines.log')).findings.map((f) => f.title)).toEqual(['Sending the build context took 1.8 min']);
    // Plain progress times it as the step that loads the context.
    const plain = [
      '#3 [internal] load build context',
      '#3 transferring context: 10.79MB 74.9s done',
      '#3 DONE 75.0s',
      '',
      '#4 [2/2] COPY . /app',
      '#4 DONE 0.4s',
    ].join('\n');
    const fromStep = (await diagnoseText(plain, 'plain.log')).findings;
    expect(fromStep.map((f) => [f.title, f.evidence.map((e) => e.text)])).toEqual([
      ['Sending the build context took 75 s', ['#3 transferring context: 10.79MB 74.9s done']],
    ]);
  });

  it('a log that ends while one step still runs and every other had finished: the build was waiting on it', async () => {
    const text = [
      '#16 exporting to oci image format',
      '#16 sending tarball 7.6s done',
      '#16 DONE 14.0s',
      '',
      '#18 exporting cache',
      '#18 preparing build cache for export',
      '#18 ...',
      '',
      '#17 importing to docker',
      '#17 DONE 4.9s',
      '',
      '#18 exporting cache',
    ].join('\n');
    const analysis = await diagnoseText(text, 'hang.log');
    expect(analysis.findings.map((f) => [f.id, f.severity, f.title])).toEqual([
      ['slow-build', 'notice', 'The log ends while "exporting cache" still runs: every other step had finished'],
    ]);
    // Advice for a step that hangs, not the budget's.
    expect(analysis.findings[0]!.fix).toContain('`timeout-minutes`');
    expect(analysis.findings[0]!.fix).not.toContain('max-build-minutes');
    // A step that failed, or two still running (a paste cut mid-build), is no wait on one step.
    // The legacy builder closes a step only when the next starts: its last one always looks running.
    const legacy = [
      'Step 1/2 : FROM alpine:3.19',
      ' ---> 05455a08881e',
      'Step 2/2 : RUN echo hi',
      ' ---> Running in 3f2a1b',
      'hi',
      'Removing intermediate container 3f2a1b',
      ' ---> 9d1e2f',
    ];
    expect((await diagnoseText(legacy.join('\n'), 'legacy.log')).findings.some((f) => f.id === 'slow-build')).toBe(false);
    const failed = await diagnoseText(
      `${text}\n#19 [2/3] RUN make\n#19 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2`,
      'failed.log',
    );
    expect(failed.findings.some((f) => f.id === 'slow-build')).toBe(false);
    const two = await diagnoseText(`${text}\n\n#19 [2/3] RUN make\n#19 0.512 cc -c main.c`, 'two.log');
    expect(two.findings.some((f) => f.id === 'slow-build')).toBe(false);
  });

  it('an image given as its own cache source without inline cache: with BuildKit nothing is reused, now or next time', async () => {
    const build = (flags: string, steps = ['#5 [2/3] RUN apt-get update', '#5 DONE 9.1s', '#6 [3/3] RUN make', '#6 DONE 41.0s']) =>
      [`+ docker build --cache-from ghcr.io/acme/app:main ${flags}--tag ghcr.io/acme/app:main .`, ...steps].join('\n');
    const own = (analysis: Awaited<ReturnType<typeof diagnoseText>>) => analysis.findings.filter((f) => f.id === 'cache-miss');
    // Everything ran: the warning says so, with what the source lacks among its facts.
    const ownCache = await diagnoseText(build(''), 'own-cache.log');
    const [warning] = own(ownCache);
    // Why nothing matched comes first, and its export is the one change the verdict gives.
    expect(verdictOf(ownCache).change).toMatch(/^Export the cache with the image: `--cache-to type=inline`/);
    expect(warning!.fix).not.toContain('expected on a first run');
    expect([warning!.severity, warning!.title]).toEqual(['warning', 'No cache hits: all 2 cacheable steps ran']);
    expect(warning!.fix).toContain('`--cache-to type=inline`');
    expect(warning!.fix).toContain('type=registry,ref=ghcr.io/acme/app:buildcache,mode=max');
    // One short step that ran (too little for the warning): the notice alone.
    const short = own(await diagnoseText(build('', ['#5 [2/3] RUN apt-get update', '#5 DONE 9.1s']), 'short.log'));
    expect(short.map((f) => [f.severity, f.title])).toEqual([['notice', 'The image is its own cache source without inline cache: ghcr.io/acme/app:main']]);
    // Exported inline (either spelling) or to any cache, a cache kept apart from the image, a hit, or no step that ran: not said.
    const quiet = [
      build('--build-arg BUILDKIT_INLINE_CACHE=1 '),
      build('--cache-to type=inline '),
      build('--cache-from type=gha --cache-to type=gha,mode=max '),
      build('').replace('--cache-from ghcr.io/acme/app:main', '--cache-from type=registry,ref=ghcr.io/acme/app:buildcache'),
      build('').replace('#5 DONE 9.1s', '#5 CACHED'),
      build('', ['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s']),
    ];
    for (const text of quiet) {
      const findings = own(await diagnoseText(text, 'quiet.log'));
      expect(findings.filter((f) => f.data?.pattern === 'image-without-inline-cache' || f.fix.includes('`--cache-to type=inline`'))).toEqual([]);
    }
  });

  it("a Python traceback's frames alone are a failure's words: quoted, never silence", async () => {
    const text = [
      '#9 [4/5] RUN pip install -r requirements.txt',
      '#9 18.00   File "/usr/local/lib/python3.9/site-packages/pip/_vendor/distro.py", line 1014, in _lsb_release_info',
      '#9 18.00     stdout = subprocess.check_output(cmd, stderr=devnull)',
    ].join('\n');
    // No signature knows these words: the finding is the fallback's (`unknown`, or the word model's likely cause), with the frames.
    const first = (await diagnoseText(text, 'frames.log')).findings[0]!;
    expect(first.data?.signatureOrigin).toBeUndefined();
    expect(first.evidence.map((e) => e.text).join('\n')).toContain('distro.py", line 1014');
  });

  it("R's package installs are package installs when the step's output says nothing the catalog knows", async () => {
    for (const command of ['Rscript -e "renv::restore()"', 'R -e "install.packages(\'sf\')"', 'Rscript -e "BiocManager::install(\'DESeq2\')"']) {
      const text = [
        `#7 [6/6] RUN ${command}`,
        '#7 2.453 - One or more packages recorded in the lockfile are not installed.',
        `#7 ERROR: process "/bin/sh -c ${command.replace(/"/g, '\\"')}" did not complete successfully: exit code: 1`,
      ].join('\n');
      expect((await diagnoseText(text, 'r.log')).findings[0]!.id).toBe('package-install-failure');
    }
  });

  it("a step's timeout-minutes running out is no network timeout", async () => {
    const text = [
      '2026-01-05T10:00:00.0000000Z ##[group]Run docker/build-push-action@v6',
      '2026-01-05T10:00:01.0000000Z ##[endgroup]',
      '2026-01-05T10:00:02.0000000Z #5 [build 3/4] RUN cargo build --release',
      '2026-01-05T10:00:03.0000000Z #5 1.204    Compiling serde v1.0.200',
      "2026-01-05T10:10:02.0000000Z ##[error]The action 'Build image' has timed out after 10 minutes.",
    ].join('\n');
    const analysis = await diagnoseText(text);
    const ids = analysis.findings.map((f) => f.id);
    expect(ids).toContain('canceled');
    expect(ids).not.toContain('network-timeout');
    // The runner stopped the build: it was canceled, by the step's time limit, and the reports say which.
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['canceled']);
    const canceled = analysis.findings.find((f) => f.id === 'canceled')!;
    expect(canceled.title).toBe("The build was canceled before it finished: its step's timeout-minutes (10) ran out");
    expect(firstListItem(canceled.fix)).toMatch(/^The step's `timeout-minutes` \(`10`\) ran out while it built: set it above/);
    expect(analysis.groups.find((g) => g.id === 'canceled')!.title).toBe("case: canceled when its step's timeout-minutes (10) ran out");
    expect(verdictOf(analysis).happened).toBe("**case** was canceled: its step's timeout-minutes (10) ran out.");
  });

  it("the job's maximum execution time: canceled, and the limit said; without a limit the advice starts as before", async () => {
    const job = (last: string) =>
      [
        '2026-01-05T10:00:00.0000000Z ##[group]Run docker/build-push-action@v6',
        '2026-01-05T10:00:01.0000000Z ##[endgroup]',
        '2026-01-05T10:00:02.0000000Z #5 [build 3/4] RUN cargo build --release',
        '2026-01-05T10:00:03.0000000Z #5 1.204    Compiling serde v1.0.200',
        `2026-01-05T16:00:02.0000000Z ##[error]${last}`,
      ].join('\n');
    const limited = await diagnoseText(job('The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 360 minutes.'));
    expect(limited.builds[0]!.build.status).toBe('canceled');
    expect(verdictOf(limited).happened).toBe("**case** was canceled: its job's time limit (360 min) ran out.");
    expect(firstListItem(limited.findings.find((f) => f.id === 'canceled')!.fix)).toMatch(/^The job reached its time limit \(`360` min/);
    const plain = await diagnoseText(job('The operation was canceled.'));
    expect(plain.findings.find((f) => f.id === 'canceled')!.title).toBe('The build was canceled before it finished');
    expect(firstListItem(plain.findings.find((f) => f.id === 'canceled')!.fix)).toMatch(/^When another job of the matrix failed/);
    expect(verdictOf(plain).happened).toBe('**case** was canceled.');
  });

  it('a missing secret is not an image that does not exist either', async () => {
    const ids = (await diagnoseText(asFinal('ERROR: failed to solve: secret keyfile not found: not found'), 'secret.log')).findings.map((f) => f.id);
    expect(ids).toEqual(['secret-missing']);
  });

  // The narrowed pattern still knows the image it was written for.
  const missingImage = [
    'ERROR: failed to solve: acme/base:9: failed to resolve source metadata for docker.io/acme/base:9: docker.io/acme/base:9: not found: not found',
    'ERROR: failed to solve: failed to copy: httpReadSeeker: failed open: content at https://ghcr.io/v2/acme/app/manifests/sha256:abc not found: not found',
    'ERROR: failed to solve: failed to solve with frontend dockerfile.v0: failed to create LLB definition: docker.io/library/builder:latest: not found',
  ];
  it.each(missingImage)('a missing image: %s', async (line) => {
    const ids = (await diagnoseText(asFinal(line), 'image.log')).findings.map((f) => f.id);
    expect(ids[0]).toBe('manifest-unknown');
  });

  // Train batch 36's families, in wordings written here (not the excerpts').
  it('a registry that says why it denied a pull (an expired token) is the credentials, not an image that does not exist', async () => {
    const line =
      "Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/base, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again.";
    expect((await diagnoseText(line, 'pull.log')).findings[0]!.id).toBe('registry-auth-denied');
    // Without a reason, the same words are the missing image they usually are.
    const bare =
      "Error response from daemon: pull access denied for acme/nothing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    expect((await diagnoseText(bare, 'pull.log')).findings[0]!.id).toBe('manifest-unknown');
  });

  it('a login that never reached the registry is the network; a refused one stays a denial', async () => {
    const dial =
      'Error saving credentials: error storing credentials - err: exit status 1, out: `Post "https://registry.example.com/v2/": dial tcp 10.0.0.5:443: i/o timeout`';
    expect((await diagnoseText(dial, 'login.log')).findings[0]!.id).toBe('network-timeout');
    const refused = 'Error saving credentials: error storing credentials - err: exit status 1, out: `The user name or passphrase you entered is not correct.`';
    expect((await diagnoseText(refused, 'login.log')).findings[0]!.id).toBe('registry-auth-denied');
  });

  it('a push to a plain-HTTP registry, a layer upload the CLI keeps retrying, a pinned checksum that no longer matches', async () => {
    const http = [
      '$ docker push 192.168.1.20:5000/app',
      'The push refers to repository [192.168.1.20:5000/app]',
      'Get "https://192.168.1.20:5000/v2/": http: server gave HTTP response to HTTPS client',
    ];
    const push = (await diagnoseText(http.join('\n'), 'push.log')).findings[0]!;
    expect(push.id).toBe('registry-push-failure');
    expect(push.fix).toContain('insecure-registries');
    const retries = [
      'The push refers to repository [registry.example.com/app]',
      '3f1a2b4c5d6e: Layer already exists',
      '9a8b7c6d5e4f: Retrying in 3 seconds',
      '9a8b7c6d5e4f: Retrying in 2 seconds',
    ];
    expect((await diagnoseText(retries.join('\n'), 'push.log')).findings[0]!.id).toBe('registry-push-failure');
    const checksum = [
      '#7 [2/3] RUN curl -fsSLo tool.tgz https://example.com/tool.tgz && echo "abc  tool.tgz" | sha256sum -c -',
      '#7 1.20 tool.tgz: FAILED',
      '#7 1.20 sha256sum: WARNING: 1 computed checksum did NOT match',
      '#7 ERROR: process "/bin/sh -c curl -fsSLo tool.tgz https://example.com/tool.tgz && echo \\"abc  tool.tgz\\" | sha256sum -c -" did not complete successfully: exit code: 1',
    ];
    expect((await diagnoseText(checksum.join('\n'), 'sum.log')).findings[0]!.id).toBe('package-install-failure');
  });

  it('a push paste that ends with a lone EOF is a failure to quote, never silence', async () => {
    const paste = [
      '# docker push 10.0.0.9/team/agent:latest',
      'The push refers to repository [10.0.0.9/team/agent]',
      'a1b2c3d4e5f6: Layer already exists',
      'f6e5d4c3b2a1: Pushing [==================================================>]  134.6MB',
      'EOF',
    ];
    const analysis = await diagnoseText(paste.join('\n'), 'push.log');
    expect(analysis.findings.length).toBeGreaterThan(0);
    expect(analysis.findings[0]!.evidence.map((e) => e.text)).toContain('EOF');
  });

  it("a heredoc's EOF in a step's output is no failure word; a credential helper's local socket refused is no network", async () => {
    const cut = [
      '#7 [3/4] RUN cat /src/entrypoint.sh && ./long-task',
      '#7 0.046 cat > /etc/app.conf <<EOF',
      '#7 0.046 port=8080',
      '#7 0.046 EOF',
      '#7 0.300 running task 1/40',
    ];
    expect((await diagnoseText(cut.join('\n'), 'cut.log')).findings).toEqual([]);
    const dbus = [
      '$ echo "$TOKEN" | docker login -u ci --password-stdin',
      'Error saving credentials: error storing credentials - err: exit status 1, out: `error connecting to the D-Bus session bus: dial unix /run/user/1001/bus: connect: connection refused`',
    ];
    expect((await diagnoseText(dbus.join('\n'), 'login.log')).findings[0]!.id).toBe('registry-auth-denied');
  });

  it("a plain-HTTP registry answering a base image's pull is no failed push", async () => {
    const pull = [
      '#2 [internal] load metadata for myreg.local:5000/base:1',
      '#2 ERROR: failed to do request: Head "https://myreg.local:5000/v2/base/manifests/1": http: server gave HTTP response to HTTPS client',
      'ERROR: failed to solve: myreg.local:5000/base:1: failed to resolve source metadata for myreg.local:5000/base:1: failed to do request: Head "https://myreg.local:5000/v2/base/manifests/1": http: server gave HTTP response to HTTPS client',
    ];
    expect((await diagnoseText(pull.join('\n'), 'pull.log')).findings[0]!.id).not.toBe('registry-push-failure');
  });

  // Train batch 38's families, in wordings written here.
  // (Batch 38 made it the Dockerfile's syntax; train's threads since label it the reference, 8 to 4.)
  it('`FROM image AS name` read as one reference by an engine older than multi-stage builds is an invalid reference, with the engine as its fix', async () => {
    const old =
      'ERROR: Service \'api\' failed to build: Error parsing reference: "golang:1.8 as builder" is not a valid repository/tag: invalid reference format';
    const first = (await diagnoseText(old, 'old.log')).findings[0]!;
    expect(first.id).toBe('invalid-tag');
    expect(first.title).toContain('golang:1.8 as builder');
    // Its advice leads: the grammar's complaint (a blank in the reference) would hide it.
    expect(verdictOf(await diagnoseText(old, 'old.log')).change).toMatch(/^The Dockerfile's `FROM image AS name` was read as one reference/);
    expect(first.fix.split('\n').find((line) => line.startsWith('- '))).toBe(
      "- The Dockerfile's `FROM image AS name` was read as one reference (image `golang:1.8`): this Docker is older than multi-stage builds (17.05); upgrade the engine (or docker-compose's, or the CI service's), or build with a newer one.",
    );
    // A tag that breaks the grammar is still one.
    expect(
      (await diagnoseText('Error parsing reference: "Acme/App:1" is not a valid repository/tag: invalid reference format', 'tag.log')).findings[0]!.id,
    ).toBe('invalid-tag');
  });

  it("a kubelet's pull answered 429 is the rate limit; apt's virtual package; COPY --from naming no stage or image", async () => {
    const kubelet =
      'Warning  Failed  12s  kubelet  Failed to pull image "prom/node-exporter:v1.8.0": failed to pull and unpack image "docker.io/prom/node-exporter:v1.8.0": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/prom/node-exporter/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.';
    expect((await diagnoseText(kubelet, 'kubelet.log')).findings[0]!.id).toBe('registry-rate-limit');
    // So is the network the node pulled through: the back-off follows from a pull that never reached the registry.
    const dns = [
      '  Warning  Failed   18s (x2 over 37s)  kubelet  Failed to pull image "acme/api:1.0": rpc error: code = Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving',
      '  Warning  Failed   18s (x2 over 37s)  kubelet  Error: ErrImagePull',
      '  Normal   BackOff  2s (x4 over 34s)   kubelet  Back-off pulling image "acme/api:1.0"',
    ].join('\n');
    expect((await diagnoseText(dns, 'kubelet-dns.log')).findings.map((f) => f.id).slice(0, 2)).toEqual(['network-timeout', 'image-pull-backoff']);
    const virtual = [
      '#6 [2/3] RUN apt-get install -y netcat',
      '#6 4.50 Package netcat is a virtual package provided by:',
      '#6 4.50   netcat-openbsd 1.219-1',
      '#6 4.50   netcat-traditional 1.10-47',
    ];
    expect((await diagnoseText(virtual.join('\n'), 'apt.log')).findings[0]!.id).toBe('package-install-failure');
    const stage = (await diagnoseText('no stage or image found with that name', 'stage.log')).findings[0];
    expect(stage?.id).toBe('manifest-unknown');
  });

  it("apk's download of one package broken, a web page where a manifest was expected, Maven's help link, colcon's failed package", async () => {
    const apk = [
      'Step 3/7 : RUN apk add --no-cache openssl git',
      ' ---> Running in 0c1d2e3f4a5b',
      '(1/4) Installing ca-certificates (20191127-r5)',
      'ERROR: openssl-1.1.1k-r0: Connection reset by peer',
      '1 error; 12 MiB in 17 packages',
      "The command '/bin/sh -c apk add --no-cache openssl git' returned a non-zero code: 1",
    ];
    expect((await diagnoseText(apk.join('\n'), 'apk.log')).findings[0]!.id).toBe('network-timeout');
    // A package apk has in no index stays a package that cannot be installed.
    const missing = ['#5 [2/4] RUN apk add libfoo', '#5 0.90 ERROR: unable to select packages:', '#5 0.90   libfoo (no such package):'];
    expect((await diagnoseText(missing.join('\n'), 'apk-missing.log')).findings[0]!.id).toBe('package-install-failure');
    const html = [
      '#2 [internal] load metadata for registry.acme.example/base/node:20',
      '#2 ERROR: encountered unknown type text/html; children may not be fetched',
      'ERROR: failed to solve: registry.acme.example/base/node:20: encountered unknown type text/html; children may not be fetched',
    ];
    const page = (await diagnoseText(html.join('\n'), 'html.log')).findings[0]!;
    expect(page.id).toBe('network-timeout');
    expect(page.fix).toMatch(/^- A web page \(`text\/html`\) answered where a registry was expected/m);
    const maven = [
      '#9 [build 4/6] RUN mvn -B package',
      '#9 41.2 [ERROR] Failed to execute goal on project shop-api: Could not',
      '#9 41.2 [ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException',
      '#9 ERROR: process "/bin/sh -c mvn -B package" did not complete successfully: exit code: 1',
    ];
    expect((await diagnoseText(maven.join('\n'), 'maven.log')).findings[0]!.id).toBe('package-install-failure');
    const colcon = [
      '#7 [4/5] RUN . /opt/ros/humble/setup.sh && colcon build',
      '#7 95.1 Failed   <<< nav_tools [1min 2s, exited with code 2]',
      '#7 95.2 Summary: 4 packages finished [1min 40s]',
      '#7 95.2   1 package failed: nav_tools',
      '#7 ERROR: process "/bin/sh -c . /opt/ros/humble/setup.sh && colcon build" did not complete successfully: exit code: 2',
    ];
    expect((await diagnoseText(colcon.join('\n'), 'colcon.log')).findings[0]!.id).toBe('compile-error');
  });

  it('a builder named that does not exist, in old buildx words; Compose refusing a secret from the environment', async () => {
    const builder = (await diagnoseText('ERROR: open /home/runner/.docker/buildx/instances/ci-builder: no such file or directory', 'builder.log')).findings[0];
    expect(builder).toMatchObject({ id: 'builder-missing' });
    const compose = await diagnoseText('build.secrets only supports file-based secrets', 'compose.log');
    expect(compose.builds.length).toBe(1);
    expect(compose.findings[0]!.id).toBe('secret-missing');
    expect(compose.findings[0]!.fix).toContain('declare the secret with `file:`');
  });

  it("another architecture's apk scripts without QEMU; a requirements file or POM never copied in; corepack's fetch; pnpm's install check", async () => {
    const triggers = [
      '#9 [linux/amd64->arm64 build 3/6] RUN xx-apk add --no-cache libpng-dev',
      '#9 3.101 Executing libpng-1.6.40-r0.post-install',
      '#9 3.102 ERROR: libpng-1.6.40-r0.post-install: script exited with error 127',
      '#9 3.110 1 error; 40 MiB in 30 packages',
      '#9 ERROR: process "/bin/sh -c xx-apk add --no-cache libpng-dev" did not complete successfully: exit code: 1',
    ];
    expect((await diagnoseText(triggers.join('\n'), 'xx.log')).findings[0]!.id).toBe('qemu-emulation');
    const requirements = [
      '#7 [3/5] RUN pip install -r requirements/prod.txt',
      "#7 0.81 ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements/prod.txt'",
    ];
    expect((await diagnoseText(requirements.join('\n'), 'pip.log')).findings[0]).toMatchObject({
      id: 'copy-source-missing',
      data: { path: 'requirements/prod.txt' },
    });
    const corepack = [
      '#5 [2/6] RUN corepack enable && corepack prepare yarn@4.1.0 --activate',
      '#5 0.61 Internal Error: Error when performing the request to https://repo.yarnpkg.com/4.1.0/packages/yarnpkg-cli/bin/yarn.js; for troubleshooting help, see https://github.com/nodejs/corepack#troubleshooting',
      '#5 ERROR: process "/bin/sh -c corepack enable && corepack prepare yarn@4.1.0 --activate" did not complete successfully: exit code: 1',
    ];
    expect((await diagnoseText(corepack.join('\n'), 'corepack.log')).findings[0]!.id).toBe('network-timeout');
    const pnpm = ['#8 [6/9] RUN pnpm run build', '#8 0.9 [ERR_PNPM_VERIFY_DEPS_BEFORE_RUN] Cannot check whether dependencies are outdated'];
    expect((await diagnoseText(pnpm.join('\n'), 'pnpm.log')).findings[0]!.id).toBe('package-install-failure');
  });

  it('no SSH agent for a git source; two cache exports; an exporter the client cannot receive; a platform no Linux image has; a builder never reached', async () => {
    const ssh =
      'ERROR: failed to solve: failed to read dockerfile: failed to load cache key: rpc error: code = Unimplemented desc = unknown service moby.sshforward.v1.SSH';
    expect((await diagnoseText(ssh, 'ssh.log')).findings[0]!.id).toBe('secret-missing');
    const exports = 'ERROR: failed to solve: specifying multiple cache exports is not supported currently';
    expect((await diagnoseText(exports, 'exports.log')).findings[0]!.id).toBe('cache-export-failure');
    const diffcopy = 'ERROR: failed to solve: method /moby.filesync.v1.FileSend/diffcopy not supported by the client';
    expect((await diagnoseText(diffcopy, 'diffcopy.log')).findings[0]!.id).toBe('exporter-unsupported');
    // The vertex's own ERROR line (the tty form) says which platform; a Linux one that failed is no such case.
    for (const platform of ['darwin/arm64', 'arm64/v8'])
      expect(
        (await diagnoseText(` => ERROR [${platform} internal] load metadata for docker.io/library/golang:1.22                1.2s`, 'p.log')).findings[0]!.id,
      ).toBe('platform-mismatch');
    const linux = ' => ERROR [linux/arm64 internal] load metadata for docker.io/library/golang:1.99                1.2s';
    expect((await diagnoseText(linux, 'linux.log')).findings[0]!.id).not.toBe('platform-mismatch');
    const dial =
      'error: failed to get status: rpc error: code = Unavailable desc = connection error: desc = "transport: error while dialing: dial tcp 10.0.0.12:1234: connect: connection refused"';
    expect((await diagnoseText(dial, 'dial.log')).findings[0]!.id).toBe('builder-missing');
  });

  it('a cause the kubelet printed on a line the back-off matched too, though not its first, is the cause', async () => {
    const events = [
      'Warning  Failed   10s  kubelet  Error: ImagePullBackOff',
      'Warning  Failed   12s  kubelet  Failed to pull image "redis:7": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis:7": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.',
    ];
    expect((await diagnoseText(events.join('\n'), 'events.log')).findings[0]!.id).toBe('registry-rate-limit');
  });

  it("esbuild's unresolved import is the code, not a host; TeX Live's, Mix's and opam's own words", async () => {
    for (const line of [
      '✘ [ERROR] Could not resolve "lodash"',
      ' > js/app.js:3:7: error: Could not resolve "lodash" (mark it as external to exclude it from the bundle)',
    ]) {
      const esbuild = [
        '#12 [web 6/8] RUN npm run build',
        `#12 2.4 ${line}`,
        '#12 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 1',
      ];
      expect((await diagnoseText(esbuild.join('\n'), 'esbuild.log')).findings[0]!.id).toBe('compile-error');
    }
    // A host a tool could not resolve stays the network.
    expect(
      (await diagnoseText("fatal: unable to access 'https://gitlab.acme.example/x.git/': Could not resolve 'gitlab.acme.example'", 'git.log')).findings[0]!.id,
    ).toBe('network-timeout');
    const tlmgr = [
      '#5 [2/2] RUN tlmgr install booktabs',
      '#5 3.2 tlmgr itself needs to be updated.',
      '#5 ERROR: process "/bin/sh -c tlmgr install booktabs" did not complete successfully: exit code: 255',
    ];
    expect((await diagnoseText(tlmgr.join('\n'), 'tlmgr.log')).findings[0]!.id).toBe('package-install-failure');
    const missing = [
      'Step 4/6 : RUN cpanm DBI',
      ' ---> Running in 0a1b2c3d4e5f',
      '/bin/sh: 1: cpanm: not found',
      "The command '/bin/sh -c cpanm DBI' returned a non-zero code: 127",
    ];
    expect((await diagnoseText(missing.join('\n'), 'cpanm.log')).findings[0]!.id).toBe('package-install-failure');
    const rebar = ['#9 [build 5/7] RUN mix compile', '#9 4.1 ** (Mix) Could not find "rebar3", which is needed to build dependency :telemetry'];
    expect((await diagnoseText(rebar.join('\n'), 'mix.log')).findings[0]!.id).toBe('package-install-failure');
    const opam = [
      '#7 [3/6] RUN opam install . --deps-only',
      "#7 80.1 [ERROR] The sources of the following couldn't be obtained, aborting:",
      '#7 80.1           - dune.3.16.0: curl error code 503',
    ];
    expect((await diagnoseText(opam.join('\n'), 'opam.log')).findings[0]!.id).toBe('network-timeout');
  });

  it("colcon's summary of a failed package and its command, FFmpeg's configure giving up, Mix's release before a compile", async () => {
    const summary = [
      'Step 9/12 : RUN . /opt/ros/humble/setup.sh && colcon build',
      'Summary: 40 packages finished [12min 3s]',
      '  1 package failed: nav2_util',
      '  2 packages aborted: a b',
    ];
    expect((await diagnoseText(summary.join('\n'), 'colcon.log')).findings[0]!.id).toBe('compile-error');
    const command =
      'ERROR: failed to solve: process "/bin/bash -c source /opt/ros/jazzy/setup.bash && colcon build --symlink-install" did not complete successfully: exit code: 2';
    expect((await diagnoseText(command, 'colcon-command.log')).findings[0]!.id).toBe('compile-error');
    const ffmpeg = [
      '#11 [7/9] RUN cd ffmpeg && ./configure --enable-libx265',
      '#11 6.20 ERROR: x265 not found using pkg-config',
      '#11 6.20 If you think configure made a mistake, make sure you are using the latest',
      '#11 6.20 version from Git.  If the latest version fails, report the problem to the',
    ];
    expect((await diagnoseText(ffmpeg.join('\n'), 'ffmpeg.log')).findings[0]!.id).toBe('compile-error');
    const mix = [
      '#14 [build 9/10] RUN mix release',
      '#14 2.1 ** (Mix) Cannot execute task because the project was not yet compiled. When build_embedded is set to true, "MIX_ENV=prod mix compile" must be explicitly executed',
    ];
    expect((await diagnoseText(mix.join('\n'), 'mix.log')).findings[0]!.id).toBe('compile-error');
  });

  it("a builder that cannot boot without BuildKit's image; bake with no definition; kaniko's Dockerfile path; an image's configuration whose download broke", async () => {
    const boot = [
      ' => ERROR [web internal] booting buildkit                                                   4.7s',
      ' => => pulling image moby/buildkit:buildx-stable-1                                          4.6s',
      '------',
      ' > [web internal] booting buildkit:',
      '------',
      'Error response from daemon: No such image: moby/buildkit:buildx-stable-1',
    ];
    expect((await diagnoseText(boot.join('\n'), 'boot.log')).findings[0]!.id).toBe('builder-missing');
    expect((await diagnoseText('ERROR: failed to find target default', 'bake.log')).findings[0]!.id).toBe('dockerfile-missing');
    // A target of another name that does not exist stays a missing target.
    expect((await diagnoseText('ERROR: failed to find target api', 'bake-api.log')).findings[0]!.id).not.toBe('dockerfile-missing');
    const kaniko = 'Error: error resolving dockerfile path: please provide a valid path to a Dockerfile within the build context with --dockerfile';
    expect((await diagnoseText(kaniko, 'kaniko.log')).findings[0]!.id).toBe('dockerfile-missing');
    const config = [
      'latest: Pulling from library/redis',
      'a2abf6c4d29d: Pulling fs layer',
      'error pulling image configuration: download failed after attempts=6: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/7f/7f/data": dial tcp 104.16.1.1:443: i/o timeout',
    ];
    expect((await diagnoseText(config.join('\n'), 'config.log')).findings[0]!.id).toBe('network-timeout');
  });

  it("Gradle's plugin not found, R's repository index, cabal install, a TLS handshake Java saw cut, a registry that lost a blob, Docker Hub's push", async () => {
    const gradle = [
      '* What went wrong:',
      "Plugin [id: 'org.example.tool', version: '9.9.9.M1'] was not found in any of the following sources:",
      '',
      "- Gradle Core Plugins (plugin is not in 'org.gradle' namespace)",
    ].join('\n');
    expect(await first(inRun(gradle))).toBe('package-install-failure');
    expect(await first(inRun('Warning: unable to access index for repository https://cran.example.org/src/contrib:\n  cannot open URL'))).toBe(
      'package-install-failure',
    );
    expect(await first('ERROR: failed to solve: process "/bin/sh -c cabal install hlint-3.3.6" did not complete successfully: exit code: 1')).toBe(
      'package-install-failure',
    );
    // Maven's resolution failure whose reason is the TLS connection cut: the network, on the same line.
    const maven =
      '[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.example:app:jar:1.0: Could not transfer artifact org.example:lib:jar:1.0 from/to central (https://repo.maven.apache.org/maven2): Remote host terminated the handshake: SSL peer shut down incorrectly';
    expect(await first(inRun(maven))).toBe('network-timeout');
    const blob = [
      'The push refers to repository [nexus.example.com:8443/app]',
      '1a2b3c4d5e6f: Layer already exists',
      'blob unknown to registry - sha256:' + 'ab'.repeat(32),
    ];
    expect(await first(blob.join('\n'))).toBe('registry-push-failure');
    expect(await first('Push failed: {"status":"Buffering to Disk","progressDetail":{},"id":"0123456789ab"}')).toBe('registry-push-failure');
  });

  it("a build tool devDependencies would have brought, Mix without Hex, a manager by its full path, composer's missing extension, a Dockerfile Node could not open, Compose v1's SSH channels", async () => {
    expect(await first(inRun('> app@1.0.0 build\n> tsc && vite build\n\nsh: tsc: not found'))).toBe('package-install-failure');
    expect(await first(inRun('Could not find Hex, which is needed to build dependency :phoenix'))).toBe('package-install-failure');
    expect(await first(inRun('/bin/sh: 1: /usr/local/openresty/luajit/bin/luarocks: not found'))).toBe('package-install-failure');
    // The error block's lines keep composer's own indentation after the seconds: still a step's output, never refused.
    const composer = [
      '0.586   Problem 1',
      "0.586     - acme/thumbs 4.1.0 requires ext-exif * -> it is missing from your system. Install or enable PHP's exif extension.",
    ];
    expect(await first(composer.join('\n'))).toBe('package-install-failure');
    expect(await first("Deploy failed!\nError: ENOENT: no such file or directory, open '/srv/app/source_files/DockerFile'")).toBe('dockerfile-missing');
    expect(await first('Secsh channel 10 open FAILED: open failed: Connect failed')).toBe('builder-missing');
  });

  it("a download that was no archive, Go's vanity import gone, cargo's --locked, V8's frames of a failed allocation, a push before login, buildx's flags read by docker", async () => {
    expect(await first(inRun('100     9    0     9    0     0     19      0 --:--:-- --:--:-- --:--:--    19\ntar: invalid magic\ntar: short read'))).toBe(
      'package-install-failure',
    );
    expect(await first(inRun('gzip: stdin: not in gzip format\ntar: Child returned status 1'))).toBe('package-install-failure');
    const vanity =
      'modules/captcha/captcha.go:11:2: unrecognized import path "go.example.com/captcha": parse https://go.example.com/captcha?go-get=1: no go-import meta tags';
    expect(await first(inRun(vanity))).toBe('package-install-failure');
    expect(await first(inRun('error: cannot update the lock file /app/Cargo.lock because --locked was passed to prevent this'))).toBe(
      'package-install-failure',
    );
    const v8 = [
      'packages/web build:  8: 0x10c2ef5 v8::internal::HeapAllocator::AllocateRawWithRetryOrFailSlowPath(int, v8::internal::AllocationType) [node]',
      'packages/web build: 10: 0x14fb386 v8::internal::Runtime_AllocateInYoungGeneration(int, unsigned long*, v8::internal::Isolate*) [node]',
      'packages/web build: Aborted (core dumped)',
    ];
    expect(await first(inRun(v8.join('\n')))).toBe('oom-killed');
    expect(await first('203ac7c888b0: Image push failed\n\nPlease login prior to push:\nUsername: EOF')).toBe('registry-auth-denied');
    expect(await first("unknown shorthand flag: 'o' in -o\nSee 'docker --help'.")).toBe('builder-missing');
    expect(await first("unknown flag: --target\nSee 'docker --help'.")).toBe('builder-missing');
  });

  it("Mix's dependency that did not compile, Windows containers of another OS build, Artifact Registry's and docker 1.x's refusals, a registry's 503 on a manifest, kaniko's empty COPY, apk given no package, buildx's -f read by docker", async () => {
    // Named by a signature, not guessed by the word model ("Likely: ...").
    const mix = await diagnoseText(
      inRun('** (Mix) Could not compile dependency :prometheus_process_collector, "/opt/mix/rebar3 bare compile" command failed.'),
      'mix.log',
    );
    expect([mix.findings[0]!.id, mix.findings[0]!.title.startsWith('Likely')]).toEqual(['compile-error', false]);
    const appsignal = await diagnoseText(inRun('could not compile dependency :appsignal, "mix compile" failed. You can recompile this dependency'), 'mix.log');
    expect([appsignal.findings[0]!.id, appsignal.findings[0]!.title.startsWith('Likely')]).toEqual(['compile-error', false]);
    expect(await first('hcsshim::CreateComputeSystem 15f2c7d3 : The container operating system does not match the host operating system.')).toBe(
      'platform-mismatch',
    );
    expect(await first('3.0: Pulling from android-battery-historian/stable\ndocker: image operating system "linux" cannot be used on this platform.')).toBe(
      'platform-mismatch',
    );
    const gar =
      'Unauthenticated request. Unauthenticated requests do not have permission "artifactregistry.repositories.uploadArtifacts" on resource "projects/p/locations/us-central1/repositories/r" (or it may not exist)';
    expect(await first(gar)).toBe('registry-auth-denied');
    expect(await first('Sending image list\nError: Status 403 trying to push repository acme/api: "Access denied."')).toBe('registry-auth-denied');
    const outage = [
      '#3 [app internal] load metadata for docker.io/library/python:3.11-slim-bullseye',
      '#3 ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/python/manifests/sha256:8159: 503 Service Unavailable',
      'make: *** [Makefile:137: run-app-bg] Error 17',
    ];
    // The registry's outage, not make's wrapper line that follows it.
    expect(await first(outage.join('\n'))).toBe('network-timeout');
    const kaniko = 'error building image: error building stage: failed to get files used from context: copy failed: no source files specified';
    expect(await first(kaniko)).toBe('copy-source-missing');
    // `-f` is a flag of buildx's build and of compose alike: without the plugin the docker CLI read it, and which
    // plugin is missing the line does not say. A failure all the same (never a finding without a word of it), but
    // no signature's: at most the word model's hedged guess.
    for (const command of ['docker buildx build -f Dockerfile .', 'docker compose -f docker-compose.prod.yml up']) {
      const usage = (await diagnoseText(`${command}\nunknown shorthand flag: 'f' in -f\nSee 'docker --help'.`, 'usage.log')).findings[0]!;
      expect([command, usage.id === 'unknown' || usage.title.startsWith('Likely: ')]).toEqual([command, true]);
      expect(usage.evidence.map((e) => e.text)).toContain("unknown shorthand flag: 'f' in -f");
    }
    expect(await first(inRun('100   345  100   345    0     0   1806      0 --:--:-- --:--:-- --:--:--  8023\nERROR: /tmp/pv-1.6.0-r0.apk: IO ERROR'))).toBe(
      'package-install-failure',
    );
  });

  it("a registry that serves no image index, a v1 push to a v2 registry, ACR Tasks refused, go.mod's newer Go, an installer's missing python, curl as a package name", async () => {
    const index =
      '2020/09/24 10:27:49 failed to copy index: PUT http://registry.example.com/v2/app/manifests/1.0: UNSUPPORTED_MEDIA_TYPE: Manifest.list is not supported.';
    expect(await first(index)).toBe('registry-push-failure');
    expect(
      await first('Error interacting with this repository: registry.heroku.com/app/web PUT https://registry.heroku.com/v1/repositories/app/web/ returned 404'),
    ).toBe('registry-push-failure');
    const acr =
      '(TasksOperationsNotAllowed) ACR Tasks requests for the registry acme17 and 855bbbaa-a548 are not permitted. Please file an Azure support request at http://aka.ms/azuresupport for assistance.';
    expect(await first(acr)).toBe('builder-missing');
    expect(await first(inRun('go mod tidy: go.mod file indicates go 1.17, but maximum supported version is 1.16'))).toBe('compile-error');
    expect(await first(inRun('Welcome to the Google Cloud CLI!\n/google-cloud-sdk/install.sh: 224: python: not found'))).toBe('package-install-failure');
    expect(await first(inRun('/usr/bin/gcloud: 181: exec: python: not found'))).toBe('package-install-failure');
    // curl named as a package to install is no curl that could not connect (its exit code 7 is apk's).
    const apk = [
      '#7 [2/4] RUN apk add --no-cache python3~=3.12 py3-pip curl',
      '#7 0.912 ERROR: unable to select packages:',
      '#7 0.912   python3-3.14.5-r0:',
      '#7 0.912     breaks: world[python3~3.12]',
      '#7 ERROR: process "/bin/sh -c apk add --no-cache python3~=3.12 py3-pip curl" did not complete successfully: exit code: 7',
      'ERROR: failed to solve: process "/bin/sh -c apk add --no-cache python3~=3.12 py3-pip curl" did not complete successfully: exit code: 7',
    ];
    expect((await diagnoseText(apk.join('\n'), 'apk.log')).findings.map((f) => f.id)).toEqual(['package-install-failure']);
    // Nor one that follows another package (`su-exec curl`, `sudo curl`: apk's exit code 7).
    const packages = (names: string, exit: number) =>
      `ERROR: failed to solve: process "/bin/sh -c apk add --no-cache -q bash ${names}" did not complete successfully: exit code: ${exit}`;
    expect(await first(packages('su-exec curl', 7))).not.toBe('network-timeout');
    expect(await first(packages('sudo curl', 7))).not.toBe('network-timeout');
    expect(await first(packages('su-exec wget', 4))).not.toBe('network-timeout');
    expect(await first(packages('time curl', 7))).not.toBe('network-timeout');
    // curl as the command, after a path, `!`, `timeout 60`, a variable or `$(`, is the downloader that could not connect.
    const run = (command: string) => `ERROR: failed to solve: process "/bin/sh -c ${command}" did not complete successfully: exit code: 7`;
    for (const command of [
      '/usr/bin/curl -fsSL https://example.com/x.sh -o /x.sh',
      'set -e; if ! curl -fsS https://example.com/x -o x; then exit 7; fi',
      'timeout 60 curl -fsSL https://example.com/x -o x',
      'HTTPS_PROXY=http://proxy:3128 curl -fsSL https://example.com/x -o x',
      'env HTTPS_PROXY=http://proxy:3128 curl -fsSL https://example.com/x -o x',
      'sudo -E timeout 60s curl -fsSL https://example.com/x -o x',
      'A=1 B=2 curl -fsSL https://example.com/x -o x',
      'apk add --no-cache curl && curl -fsSL https://example.com/x -o x',
      'sh $(curl -fsSL https://example.com/x)',
    ])
      expect([command, await first(run(command))]).toEqual([command, 'network-timeout']);
    // Inside `bash -c "..."`, whose quotes BuildKit escapes, with curl's other network codes and wget's 4.
    const quoted = (command: string, exit: number) =>
      `ERROR: failed to solve: process "/bin/sh -c bash -c \\"${command}\\"" did not complete successfully: exit code: ${exit}`;
    expect(await first(quoted('curl -fsSL -H \\"Accept: */*\\" https://example.com/x -o x', 52))).toBe('network-timeout');
    expect(await first(quoted('wget -q https://example.com/x -O x', 4))).toBe('network-timeout');
  });

  it("an old runc's shell that cannot load in a build step, Rails' secret key base at precompile, a script with Windows line endings, a package script that is not there", async () => {
    // runc before 1.1 could not load a shell-form RUN's /bin/sh: an Arm image's shell without a usable emulator.
    const legacy = [
      'Step 11/32 : RUN apt-get update && apt-get install -y --no-install-recommends bzip2 sudo',
      ' ---> Running in b3bd7493802f',
      'standard_init_linux.go:211: exec user process caused "no such file or directory"',
    ];
    expect(await first(legacy.join('\n'))).toBe('qemu-emulation');
    // A step whose /bin/sh -c failed, said by the legacy builder's last line, behind another tool's framing.
    const framed = [
      '[Build]   app [=====>    ]  50% Step 2/4: standard_init_linux.go:190: exec user process caused "no such file or directory"',
      '[Error]   Build failed',
      "The command '/bin/sh -c true' returned a non-zero code: 1",
    ];
    expect(await first(framed.join('\n'))).toBe('qemu-emulation');
    // An exec-form RUN's own program, and a container started after a build, are the entrypoint as before.
    const execForm = [
      'Step 5/6 : RUN ["/app/setup.sh"]',
      ' ---> Running in 0c1d2e3f4a5b',
      'standard_init_linux.go:228: exec user process caused: no such file or directory',
    ];
    expect(await first(execForm.join('\n'))).toBe('entrypoint-not-found');
    expect(await first('$ docker run --rm acme/app\nstandard_init_linux.go:228: exec user process caused: no such file or directory')).toBe(
      'entrypoint-not-found',
    );

    const rails = (
      await diagnoseText(
        inRun("rake aborted!\nArgumentError: Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit`"),
        'rails.log',
      )
    ).findings[0]!;
    expect(rails.id).toBe('secret-missing');
    expect(firstListItem(rails.fix)).toContain('SECRET_KEY_BASE_DUMMY=1');
    // Another secret does not get Rails' advice.
    const other = (await diagnoseText(inRun('cat: /run/secrets/npmrc: No such file or directory'), 'other.log')).findings[0]!;
    expect([other.id, other.fix.includes('SECRET_KEY_BASE')]).toEqual(['secret-missing', false]);

    for (const line of [
      "/usr/bin/env: 'ruby\\r': No such file or directory",
      '/bin/bash^M: bad interpreter: No such file or directory',
      "./entrypoint.sh: line 2: $'\\r': command not found",
    ]) {
      const crlf = (await diagnoseText(inRun(line), 'crlf.log')).findings[0]!;
      expect([line, crlf.id, firstListItem(crlf.fix)]).toEqual([line, 'compile-error', expect.stringContaining('Windows line endings')]);
    }
    // A file that is really not there is no line ending.
    expect((await diagnoseText(inRun("/usr/bin/env: 'ruby': No such file or directory"), 'ruby.log')).findings[0]?.fix ?? '').not.toContain(
      'Windows line endings',
    );

    expect(await first(inRun('Usage Error: Couldn\'t find a script named "web:prod".'))).toBe('compile-error');
    expect(await first(inRun('npm error Missing script: "build:prod"'))).toBe('compile-error');
  });

  it("a download the server refused (wget 8, curl 22), a 404 page run as a script, the classic builder's empty platform arguments, WORKDIR of nothing, an image named on the next line, make without its compiler, an unquoted EOF", async () => {
    const final = (command: string, exit: number) =>
      `ERROR: failed to solve: process "/bin/sh -c ${command}" did not complete successfully: exit code: ${exit}`;
    const wget = (await diagnoseText(final('wget --quiet $SPARK_URL -O /tmp/spark.tgz && tar -C /opt -xf /tmp/spark.tgz', 8), 'wget.log')).findings[0]!;
    expect([wget.id, firstListItem(wget.fix)]).toEqual(['package-install-failure', expect.stringContaining('HTTP error')]);
    expect(await first(final('curl -fsSL https://example.com/v9.9/tool.tgz -o /tmp/tool.tgz', 22))).toBe('package-install-failure');
    expect(await first(`The command '/bin/sh -c wget -q https://example.com/x.tgz' returned a non-zero code: 8`)).toBe('package-install-failure');
    // Other exit codes of the same commands are not the server's answer, and 8 is wget's alone.
    // (The word model may still guess an install from the words wget and tar: a likely cause, not this rule's finding.)
    const exit2 = (await diagnoseText(final('wget --quiet $SPARK_URL -O /tmp/spark.tgz && tar -C /opt -xf /tmp/spark.tgz', 2), 'wget2.log')).findings[0];
    expect(exit2?.id === 'package-install-failure' && exit2.data?.role !== 'likely-cause').toBe(false);
    expect(await first(final('curl -fsSL https://example.com/x -o x', 8))).not.toBe('package-install-failure');
    // The page a script was fetched as, which Python then echoes before its SyntaxError.
    expect(await first(inRun('  File "<stdin>", line 1\n    404: Not Found\n                 ^\nSyntaxError: invalid syntax'))).toBe('package-install-failure');

    // The classic builder leaves TARGETARCH empty: the URL the step built is not the one meant.
    const classic = [
      'Step 10/31 : ADD https://example.com/releases/download/${VER}/tool_${TARGETOS}_${TARGETARCH} /usr/bin/tool',
      'ADD failed: failed to GET https://example.com/releases/download/0.7.1/tool__ with status 404 Not Found: <!DOCTYPE html>',
    ];
    const empty = (await diagnoseText(classic.join('\n'), 'classic.log')).findings[0]!;
    expect([empty.id, firstListItem(empty.fix)]).toEqual(['builder-missing', expect.stringContaining('leaves `TARGETOS` empty')]);
    expect(empty.title).toBe('The Docker builder is missing, broken or misconfigured: the classic builder leaves TARGETOS empty');
    // Any word of the command may show it: here the second, after a word whose text the failure does not show.
    const cp = [
      'Step 5/6 : RUN GOARCH=${TARGETARCH} go build -o /out/app-${TARGETARCH} ./cmd && cp /out/app-${TARGETARCH} /usr/bin/app',
      ' ---> Running in 9f8e7d6c5b4a',
      "cp: cannot stat '/out/app-': No such file or directory",
      "The command '/bin/sh -c GOARCH=${TARGETARCH} go build -o /out/app-${TARGETARCH} ./cmd && cp /out/app-${TARGETARCH} /usr/bin/app' returned a non-zero code: 1",
    ];
    expect(await first(cp.join('\n'))).toBe('builder-missing');
    // The same failure without a platform argument in the step is the download's.
    const plainAdd = [classic[0]!.replace('tool_${TARGETOS}_${TARGETARCH}', 'tool_linux_amd64'), classic[1]!];
    expect(await first(plainAdd.join('\n'))).not.toBe('builder-missing');

    expect(await first('Step 1/20 : FROM rocker/rstudio:4\n ---> 2da0aff6f773\nStep 2/20 : WORKDIR ${HOME}\ncannot normalize nothing')).toBe(
      'dockerfile-parse-error',
    );
    expect(await first('Error response from daemon: No such image:\ndiscourse/base:2.0.20240909-1149-arm6')).toBe('manifest-unknown');
    // make that cannot run the compiler it was given; BuildKit's `>>>` mark alone is Docker output, never refused.
    expect(await first(' >>> RUN make   | #make: clang-15: No such file or directory')).toBe('compile-error');
    expect(await first('Error response from daemon: Get https://docker.elastic.co/v2/: EOF')).toBe('network-timeout');
    // JupyterLab's extension build, whose npm install failed.
    expect(await first(inRun('An error occurred.\nRuntimeError: npm dependencies failed to install'))).toBe('package-install-failure');
  });

  it("a script without its execute bit, in a RUN (the shell's words) and as an entrypoint; the daemon's own layer-store words are Docker output", async () => {
    const run = (await diagnoseText(inRun('/bin/sh: ./build.sh: Permission denied'), 'run.log')).findings[0]!;
    expect([run.id, firstListItem(run.fix)]).toEqual(['compile-error', expect.stringContaining('`./build.sh` is not executable')]);
    const exit126 = (
      await diagnoseText('ERROR: failed to solve: process "/bin/sh -c ./gradlew --no-daemon build" did not complete successfully: exit code: 126', 'g.log')
    ).findings[0]!;
    // Exit status 126 alone is no proof (a script that ran may exit 126 for a command of its own): no execute-bit advice.
    expect(exit126.fix).not.toContain('is not executable');
    // A script with Windows line endings, which bash reports with exit 126 too, is told as such first.
    const crlf = (await diagnoseText(inRun('/bin/sh: 1: ./build.sh: /bin/bash^M: bad interpreter: No such file or directory'), 'crlf.log')).findings[0]!;
    expect(firstListItem(crlf.fix)).toContain('Windows line endings');
    // Another exit status, or a command that is no script of the context, says nothing of an execute bit.
    const exit1 = (
      await diagnoseText('ERROR: failed to solve: process "/bin/sh -c ./gradlew --no-daemon build" did not complete successfully: exit code: 1', 'g1.log')
    ).findings[0]!;
    expect(exit1.fix).not.toContain('is not executable');
    const entry = (
      await diagnoseText(
        'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/entrypoint.sh": permission denied: unknown',
        'e.log',
      )
    ).findings[0]!;
    expect([entry.id, firstListItem(entry.fix)]).toEqual(['entrypoint-not-found', expect.stringContaining('`/entrypoint.sh` is not executable')]);
    for (const line of [
      'failed to export image: failed to create image: failed to get layer sha256:0a1b2c: layer does not exist',
      'Error processing tar file(exit status 1): unexpected EOF',
      'level=error msg="failed to mount overlay: invalid argument" storage-driver=overlay2',
      // The legacy builder's last word alone.
      'Successfully built 0a1b2c3d4e5f',
    ])
      expect([line, (await diagnoseText(line, 'daemon.log')).builds.length]).toEqual([line, 1]);
  });

  it("this round's readings stay where they belong: runc's line after a build or its failure, platform arguments that had values, a context that is no time budget, Python's prompt", async () => {
    // runc's line from a `docker run` after the build ended well, or after the step's own failure, is the entrypoint's.
    const built = [
      'Step 3/4 : RUN chmod +x /entrypoint.sh',
      ' ---> Running in 9f8e7d6c5b4a',
      'Removing intermediate container 9f8e7d6c5b4a',
      ' ---> 0a1b2c3d4e5f',
      'Successfully built 0a1b2c3d4e5f',
      'Successfully tagged app:latest',
      '$ docker run --rm app:latest',
      'standard_init_linux.go:228: exec user process caused: no such file or directory',
    ];
    expect(await first(built.join('\n'))).toBe('entrypoint-not-found');
    const pip = [
      'Step 3/4 : RUN pip install -r requirements.txt',
      ' ---> Running in 9f8e7d6c5b4a',
      'ERROR: No matching distribution found for foo==9.9',
      "The command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1",
      '$ docker run --rm app:previous',
      'standard_init_linux.go:228: exec user process caused: no such file or directory',
    ];
    expect((await diagnoseText(pip.join('\n'), 'pip.log')).findings.map((f) => f.id)).toEqual(['package-install-failure', 'entrypoint-not-found']);

    // Platform arguments that had a value (an ARG default), or only restated in the builder's last line: no empty argument.
    const withDefault = [
      'Step 2/6 : ARG TARGETARCH=amd64',
      ' ---> Using cache',
      'Step 5/6 : RUN apt-get update && apt-get install -y libfoo-${TARGETARCH}-dev',
      ' ---> Running in 9f8e7d6c5b4a',
      'E: Unable to locate package libfoo-amd64-dev',
      "The command '/bin/sh -c apt-get update && apt-get install -y libfoo-${TARGETARCH}-dev' returned a non-zero code: 100",
    ];
    expect((await diagnoseText(withDefault.join('\n'), 'default.log')).findings.map((f) => f.id)).toEqual(['package-install-failure']);
    const restated = [
      'Step 5/6 : RUN npm ci && npm run build -- --arch=$TARGETARCH',
      ' ---> Running in 9f8e7d6c5b4a',
      'npm ERR! code ETIMEDOUT',
      "The command '/bin/sh -c npm ci && npm run build -- --arch=$TARGETARCH' returned a non-zero code: 1",
    ];
    expect((await diagnoseText(restated.join('\n'), 'restated.log')).findings.map((f) => f.id)).toEqual(['network-timeout']);

    // A slow context is no build over its budget, nor something a cold cache explains.
    const context = (name: string, seconds: string) =>
      [
        `[+] Building ${seconds}s (6/6) FINISHED`,
        ' => [internal] load build context                                  109.2s',
        ' => => transferring context: 10.79MB                              109.2s',
        ` => [2/3] COPY . /${name}                                            0.4s`,
        ' => [3/3] RUN make                                                1300.1s',
        ' => exporting to image                                               0.2s',
      ].join('\n');
    const analysis = await diagnoseText(`${context('a', '1412.4')}\n${context('b', '1410.0')}`, 'two.log');
    const groups = groupFindings(analysis.findings);
    const slow = groups.find((g) => g.id === 'slow-build')!;
    expect([slow.title, slow.builds.length, groups.flatMap((g) => g.folded).length]).toEqual(['Sending the build context took 1.8 min', 2, 0]);
    // Compose's and bake's context step, read from plain progress's transfer line.
    const bake = [
      '#3 [web internal] load build context',
      '#3 transferring context: 10.79MB 74.9s done',
      '#3 DONE 75.0s',
      '',
      '#4 [web 2/2] COPY . /app',
      '#4 DONE 0.4s',
    ];
    // A transfer line that does not account for the time is not quoted as if it did.
    const small = ['#4 [internal] load build context', '#4 transferring context: 1.02kB 0.3s', '#4 DONE 95.2s'];
    const stepEnd = (await diagnoseText(small.join('\n'), 'small.log')).findings[0]!;
    expect([stepEnd.evidence.map((e) => e.text), stepEnd.fix.includes('the line above says how much')]).toEqual([['#4 DONE 95.2s'], false]);
    const web = (await diagnoseText(bake.join('\n'), 'bake.log')).findings;
    expect(web.map((f) => [f.title, f.evidence.map((e) => e.text)])).toEqual([
      ['Sending the build context took 75 s', ['#3 transferring context: 10.79MB 74.9s done']],
    ]);

    expect((await diagnoseText('>>> from foo import bar', 'py.log')).builds).toEqual([]);
    // A data file's name with a CR is no interpreter; a test's request to its own server is no registry.
    expect((await diagnoseText(inRun("ls: cannot access '/data/dir\\r': No such file or directory"), 'ls.log')).findings[0]?.fix ?? '').not.toContain(
      'Windows line endings',
    );
    expect(await first(inRun('Get http://127.0.0.1:8080/health: EOF'))).not.toBe('network-timeout');
    // What the server said, not only a 404.
    const wget = (
      await diagnoseText('ERROR: failed to solve: process "/bin/sh -c wget -q https://example.com/x.tgz" did not complete successfully: exit code: 8', 'w.log')
    ).findings[0]!;
    expect(firstListItem(wget.fix)).toContain("another 5xx is the server's own failure");
    const script = (await diagnoseText(inRun('npm error Missing script: "build:prod"'), 'script.log')).findings[0]!;
    expect(firstListItem(script.fix)).toContain('package.json defines no script `build:prod`');
    const clang = (await diagnoseText(inRun('make: clang-15: No such file or directory'), 'clang.log')).findings[0]!;
    expect(firstListItem(clang.fix)).toContain('make calls `clang-15`');
  });

  it("npm without git, make without docker, a platform's builder without a Dockerfile, Jib refused, a layer cut short, a builder's missing snapshot", async () => {
    const npm = (await diagnoseText(inRun('npm ERR! code ENOENT\nnpm ERR! syscall spawn git\nnpm ERR! enoent spawn git ENOENT'), 'npm.log')).findings[0]!;
    expect([npm.id, firstListItem(npm.fix)]).toEqual(['package-install-failure', expect.stringContaining('install it in the build stage')]);
    const make = (await diagnoseText('> docker build -t demo .\nmake: docker: No such file or directory\nmake: *** [build] Error 1', 'make.log')).findings[0]!;
    expect([make.id, make.title, firstListItem(make.fix)]).toEqual([
      'builder-missing',
      'The Docker builder is missing, broken or misconfigured: the docker CLI is not installed',
      expect.stringContaining('install Docker'),
    ]);
    expect(await first('Error: failed to fetch an image or build from source: app does not have a Dockerfile or buildpacks configured')).toBe(
      'dockerfile-missing',
    );
    // A script's own words about a directory it skips are no missing Dockerfile.
    expect(await first(inRun('Skipping docs: directory does not have a Dockerfile\nerror[E0425]: cannot find value `x` in this scope'))).toBe('compile-error');
    const jib = (
      await diagnoseText('com.google.cloud.tools.jib.registry.RegistryUnauthorizedException: Unauthorized for registry.hub.docker.com/acme/app', 'jib.log')
    ).findings[0]!;
    expect([jib.id, jib.title]).toEqual(['registry-auth-denied', 'The registry denied access to registry.hub.docker.com']);
    // git's refusal of a repository another user owns (read by a version script) does not outrank the failure that follows.
    expect(
      await first(
        inRun(
          "fatal: detected dubious ownership in repository at '/app'\nnpm ERR! code ETIMEDOUT\nnpm ERR! network request to https://registry.npmjs.org/x failed, reason: connect ETIMEDOUT",
        ),
      ),
    ).toBe('network-timeout');
    expect(
      await first('error building image: error building stage: failed to get filesystem from image: error verifying size; got 48873538, want 174189948'),
    ).toBe('network-timeout');
    const snapshot = (
      await diagnoseText(
        'Error: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to read dockerfile: failed to mount pf93naxl3gjm: snapshot pf93naxl3gjm does not exist: not found',
        's.log',
      )
    ).findings;
    expect(snapshot.map((f) => f.id)[0]).toBe('builder-missing');
    expect(firstListItem(snapshot[0]!.fix)).toContain('docker buildx prune');
  });

  it("a kubelet's failed pull: what the registry answered is the first finding, the back-off follows it", async () => {
    const pull = (answer: string) =>
      `  Warning  Failed  12s (x3 over 50s)  kubelet  Failed to pull image "ghcr.io/acme/app:1.2": rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/acme/app:1.2": ${answer}`;
    const findings = async (answer: string) => (await diagnoseText(pull(answer), 'k.log')).findings;
    const missing = await findings('failed to resolve reference "ghcr.io/acme/app:1.2": ghcr.io/acme/app:1.2: not found');
    expect(missing.map((f) => [f.id, f.title])).toEqual([
      ['manifest-unknown', 'An image or tag does not exist: ghcr.io/acme/app:1.2'],
      ['image-pull-backoff', 'Kubernetes could not pull the image ghcr.io/acme/app:1.2'],
    ]);
    // A refused node, the pull alone: what the registry answered comes first (train labels such pastes the registry's 12
    // times, the back-off's 4), speaking of the node's credentials, not of the build's login (no advice for the job's token
    // or the registry's push); the back-off follows, its title saying what the registry answered. With the pod's status
    // (`Error: ImagePullBackOff`, as the team's labelled corpus has it) the back-off leads (see "the first round of
    // 2026-12-06 (evening)").
    const refused = await findings('failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized');
    expect([refused[0]!.id, refused[0]!.title, firstListItem(refused[0]!.fix), refused[1]!.title, firstListItem(refused[1]!.fix)]).toEqual([
      'registry-auth-denied',
      'The registry denied access to ghcr.io',
      expect.stringMatching(/^The cluster's node pulled `ghcr\.io\/acme\/app:1\.2` with the pod's `imagePullSecrets`/),
      'Kubernetes could not pull the image ghcr.io/acme/app:1.2: the registry refused the node ("401 Unauthorized")',
      expect.stringContaining('imagePullSecrets'),
    ]);
    expect(refused[0]!.fix).not.toContain('packages: write');
    const quay = (
      await diagnoseText(
        'Failed to pull image "quay.io/acme/app:1": rpc error: code = Unknown desc = reading manifest 1 in quay.io/acme/app: unauthorized: access to the requested resource is not authorized',
        'q.log',
      )
    ).findings.find((f) => f.id === 'registry-auth-denied')!;
    expect(firstListItem(quay.fix)).toContain('imagePullSecrets');
    expect(quay.fix).not.toMatch(/robot account/);
    // A pull secret or a local layer that is `not found` is no answer of the registry's: the back-off comes first.
    expect((await findings('secret "regcred": not found')).map((f) => [f.id, f.title])[0]).toEqual([
      'image-pull-backoff',
      'Kubernetes could not pull the image ghcr.io/acme/app:1.2',
    ]);
    // Without an answer, the title names the image alone.
    expect((await findings('failed to copy: read tcp 10.0.0.2:443: use of closed network connection'))[0]!.title).toBe(
      'Kubernetes could not pull the image ghcr.io/acme/app:1.2',
    );
  });

  it("a failed install's one change is the advice of the package manager that printed the error, not apt's", async () => {
    expect(await installChange('pip install -r requirements.txt', 'ERROR: No matching distribution found for torch==2.9.9')).toMatch(
      /^pip \(`No matching distribution found for torch==2\.9\.9`\): no release of that name and version fits the image/,
    );
    // The headline names the requirement, not only pip's words.
    expect(
      await installChange('pip install torch==2.9.9', 'ERROR: Could not find a version that satisfies the requirement torch==2.9.9 (from versions: 2.5.0)'),
    ).toMatch(/^pip \(`Could not find a version that satisfies the requirement torch==2\.9\.9`\)/);
    expect(await installChange('pip install psycopg2', 'ERROR: Failed building wheel for psycopg2')).toMatch(
      /^pip \(`Failed building wheel for psycopg2`\): .*needs a compiler/,
    );
    expect(await installChange('pip install flask', 'error: externally-managed-environment')).toMatch(
      /^pip \(`externally-managed-environment`\): .*virtual environment/,
    );
    expect(await installChange('npm ci', 'npm ERR! code ERESOLVE')).toMatch(/^npm \(`ERESOLVE`\): peer dependencies conflict/);
    expect(await installChange('npm install', 'npm error code E404')).toMatch(/^npm \(`E404`\): the registry has no such package or version/);
    expect(await installChange('apk add --no-cache libfoo', 'ERROR: unable to select packages:')).toMatch(/^apk \(`ERROR: unable to select packages`\): /);
    // apt's own error keeps apt's advice first, and names it.
    expect(await installChange('apt-get install -y libfoo', 'E: Unable to locate package libfoo')).toMatch(
      /^apt \(`E: Unable to locate package libfoo`\): run `apt-get update` in the same `RUN`/,
    );
    expect(await installChange('npm ci', 'npm error Missing: @emnapi/runtime@1.10.0 from lock file')).toMatch(
      /^The lock file is out of step with its manifest, or missing \(`Missing: @emnapi\/runtime@1\.10\.0 from lock file`\)/,
    );
    expect(await installChange('pnpm install --frozen-lockfile', ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile"')).toMatch(
      /^The lock file is out of step/,
    );
    expect(await installChange('bundle install', 'Your Ruby version is 2.7.1, but your Gemfile specified 3.2.0')).toMatch(
      /^The image's language version does not fit what the project or a dependency declares/,
    );
    expect(await installChange('composer install', 'Your requirements could not be resolved to an installable set of packages.')).toMatch(
      /^composer \(`Your requirements/,
    );
    expect(await installChange('bundle install', 'Gem::Ext::BuildError: ERROR: Failed to build gem native extension.')).toMatch(
      /^A package with native code is compiled during the install/,
    );
    expect(await installChange('apk add --no-cache curl', '/bin/sh: 1: apk: not found')).toMatch(
      /^The image has no `apk`: use the base image's own package manager/,
    );
    // Without a package manager's own words, no one manager's advice: where to look.
    expect(await installChange('./install-deps.sh', 'No definition of [nav2_core] for OS version [focal]\nERROR: 1 errors; 0 warnings')).toMatch(
      /^Find the package manager's first error in the step's output/,
    );
  });

  it('a keyserver that answered without the key is not the network, and an expired cache URL says so in its advice', async () => {
    expect(await first(inRun('gpg: keyserver receive failed: No data'))).not.toBe('network-timeout');
    const expired = (
      await diagnoseText(
        'ERROR: failed to solve: failed to compute cache key: failed to copy:\n  GET https://x.blob.core.windows.net/actions-cache/abc\nRESPONSE 403: 403 Server failed to authenticate the request.\n<AuthenticationErrorDetail>Signature not valid in the specified time frame:',
        'c.log',
      )
    ).findings[0]!;
    expect(firstListItem(expired.fix)).toMatch(/^The signed URL of a GitHub Actions cache blob expired before the build read it/);
  });

  it("Gradle's and Maven's summary lines restate a failure: a plugin's image build is not a compile error", async () => {
    const gradle = [
      " > Pulling builder image 'docker.io/paketobuildpacks/builder:base' ..................",
      'FAILURE: Build failed with an exception.',
      '* What went wrong:',
      "Execution failed for task ':bootBuildImage'.",
      '> Docker API call to \'localhost/v1.24/images/create?fromImage=docker.io%2Fpaketobuildpacks%2Fbuilder%3Abase\' failed with status code 404 "Not Found"',
    ].join('\n');
    expect((await diagnoseText(gradle, 'g.log')).findings.map((f) => f.id)).toEqual(['manifest-unknown']);
    // A compile task's failure stays a compile error.
    const compile = [
      'FAILURE: Build failed with an exception.',
      '* What went wrong:',
      "Execution failed for task ':compileJava'.",
      '> Compilation failed; see the compiler error output for details.',
    ].join('\n');
    expect(await first(compile)).toBe('compile-error');
  });

  it('what a review found: wrappers are not the network, kaniko under a network error, advice that fits the words', async () => {
    // kaniko's push check says the same words before a network or TLS failure: that is not a refusal.
    const kaniko = (tail: string) =>
      `error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "registry.example.com/app:1": creating push check transport for registry.example.com failed: ${tail}`;
    expect(await first(kaniko('Get "https://registry.example.com/v2/": x509: certificate signed by unknown authority'))).toBe('network-timeout');
    expect(await first(kaniko('GET https://gcr.io/v2/token: UNAUTHORIZED: authentication failed'))).toBe('registry-auth-denied');
    // cargo's `failed to query replaced source registry` only wraps what follows (here, --offline).
    const cargo = inRun(
      'error: failed to get `serde` as a dependency of package `app v0.1.0 (/app)`\nCaused by:\n  failed to query replaced source registry `crates-io`\nCaused by:\n  attempting to make an HTTP request, but --offline was specified',
    );
    expect(await first(cargo)).not.toBe('network-timeout');
    // What it wrapped: cargo offline without the dependency fetched or vendored, an install that could not run.
    expect(await first(cargo)).toBe('package-install-failure');
    // A program's own `ERROR 404:` is no wget download.
    expect(await first(inRun("ERROR 404: Template not found for view 'home'"))).not.toBe('package-install-failure');
    const change = async (command: string, error: string) => verdictOf(await diagnoseText(failedRun(command, error), 'p.log')).change ?? '';
    // pip's conflict is no missing release.
    expect(await change('pip install -r requirements.txt', 'ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/')).not.toMatch(/^pip \(/);
    // bash's wording of a package manager the image does not have (RHEL, UBI, Fedora images).
    expect(await change('apt-get install -y curl', '/bin/sh: line 1: apt-get: command not found')).toMatch(/^The image has no `apt-get`/);
    // Node's engines and composer's PHP version are the language version.
    expect(await change('npm ci', 'npm error code EBADENGINE')).toMatch(/^The image's language version does not fit/);
    expect(
      await change('composer install', '  - Root composer.json requires php ^8.2 but your php version (7.3.33) does not satisfy that requirement.'),
    ).toMatch(/^The image's language version does not fit/);
  });

  it('a COPY source missing from the context: the one change is where the path is read from, .dockerignore after it', async () => {
    const text = [
      '#8 [4/5] COPY target/app.jar /app/app.jar',
      '#8 ERROR: failed to calculate checksum of ref abc::def: "/target/app.jar": not found',
      'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: "/target/app.jar": not found',
    ].join('\n');
    const analysis = await diagnoseText(text, 'copy.log');
    expect(analysis.findings[0]!.id).toBe('copy-source-missing');
    expect(verdictOf(analysis).change).toMatch(/^Paths are relative to the context, not to the Dockerfile/);
    expect(analysis.findings[0]!.fix).toContain('Check `.dockerignore`');
  });

  it("a package manager's question with no one to answer it (apt, yum, dnf); the old daemon's glob that matched nothing", async () => {
    const yesFlag = /^The package manager asked to confirm and, with no terminal to answer, gave up .*`apt-get install -y`/;
    expect(await installChange('apt-get update && apt-get upgrade', 'Need to get 3652 kB of archives.\nDo you want to continue? [Y/n] Abort.')).toMatch(
      yesFlag,
    );
    expect(await installChange('yum install git', 'Total download size: 81 M\nIs this ok [y/d/N]: Exiting on user command')).toMatch(yesFlag);
    expect(await installChange('dnf install git', 'Is this ok [y/N]: Operation aborted.')).toMatch(yesFlag);
    // A question answered (`-y`) is no failure word.
    expect(await first(inRun('Do you want to continue? [Y/n] Y\nerror: linker `cc` not found'))).not.toBe('package-install-failure');
    const glob = await diagnoseText(['Step 7/17 : ADD *.deb /tmp/', 'No source files were specified'].join('\n'), 'glob.log');
    expect(glob.findings[0]!.id).toBe('copy-source-missing');
  });

  it("dpkg's exit status 139 is emulation; a download that was no xz archive; yum's 404 on a repository gone", async () => {
    expect(
      await first(
        inRun('Setting up libc-bin (2.35-0ubuntu3.8) ...\n installed libc-bin package post-installation script subprocess returned error exit status 139'),
      ),
    ).toBe('qemu-emulation');
    expect(await first(inRun('xz: (stdin): File format not recognized\ntar: Child returned status 1'))).toBe('package-install-failure');
    expect(
      await first(inRun('http://mirror.example.net/centos/5.11/os/x86_64/repodata/repomd.xml: [Errno 14] HTTP Error 404: Not Found\nTrying other mirror.')),
    ).toBe('package-install-failure');
  });

  it("make's target that builds, pushes or runs images restates docker's failure; another target's failure is still a compiler's", async () => {
    expect(await first('make: *** [docker-build] Error 2')).not.toBe('compile-error');
    expect(await first('make: *** [Makefile:31: img.publish] Error 1')).not.toBe('compile-error');
    expect(await first(inRun('make[1]: *** [src/main.o] Error 1\nmake: *** [all] Error 2'))).toBe('compile-error');
  });

  it("what a review found: make's line after the build keeps the failing command's match, a native segfault is no emulation, the CLI's newer TLS wording", async () => {
    const block = [
      '------',
      ' > [builder 4/4] RUN go build -o /app ./cmd/app:',
      '0.241 no required module provides package example.com/x/cmd/app; to add it:',
      '------',
    ];
    expect(await first(block.join('\n'))).toBe('compile-error');
    expect(await first([...block, 'make: *** [image] Error 1'].join('\n'))).toBe('compile-error');
    const generate = [
      '#9 [5/6] RUN go generate ./...',
      '#9 3.1 main.go:3: running "stringer": exit status 139',
      '#9 ERROR: process "/bin/sh -c go generate ./..." did not complete successfully: exit code: 1',
    ].join('\n');
    expect(await first(generate)).not.toBe('qemu-emulation');
    const tls = await diagnoseText(
      'error during connect: Get "https://10.0.0.5:2376/v1.41/version": x509: certificate has expired or is not yet valid',
      'tls.log',
    );
    expect(tls.findings[0]!.id).toBe('builder-missing');
    expect(verdictOf(tls).change).toMatch(/^The CLI reached the remote daemon but refused its TLS certificate/);
  });

  it("the builder's title says what is wrong with the CLI's context or the daemon's certificate, and a context that is not in the store", async () => {
    const title = async (text: string) => (await diagnoseText(text, 'cli.log')).findings[0]!;
    const tls = await title('error during connect: Get "https://10.0.0.5:2376/v1.41/version": x509: certificate has expired or is not yet valid');
    expect(tls.title).toBe(
      "The Docker builder is missing, broken or misconfigured: the CLI refused the remote daemon's TLS certificate (certificate has expired or is not yet valid)",
    );
    for (const line of [
      'ERROR: context "remote" does not exist',
      'Current context "colima" is not found on the file system, please check your config file at /home/u/.docker/config.json',
    ]) {
      const context = await title(line);
      expect([context.id, context.title, firstListItem(context.fix)]).toEqual([
        'builder-missing',
        expect.stringMatching(/^The Docker builder is missing, broken or misconfigured: the docker CLI cannot use its context "(?:remote|colima)"$/),
        expect.stringMatching(/^The docker CLI's context is not one it can use/),
      ]);
    }
    // Another tool's context (a kubeconfig's) is no docker CLI's.
    expect(await first('error: context "prod" does not exist in the kubeconfig')).not.toBe('builder-missing');
  });

  it('what train batches 129 and 131 showed: an instruction the shell ran, a download cut short, a proxy before the registry, the context sync, compose pulls, .NET SDKs', async () => {
    // A RUN whose last line ends with `\` hands the next instruction to the shell; a one-line paste of it is no refusal.
    const shell = (await diagnoseText('/bin/sh: 1: RUN: not found', 'sh.log')).findings[0]!;
    expect([shell.id, firstListItem(shell.fix)]).toEqual([
      'dockerfile-parse-error',
      expect.stringMatching(/^The shell ran `RUN` as a command: the RUN before it ends/),
    ]);
    expect(await first(inRun('sh: 1: mytool: not found'))).not.toBe('dockerfile-parse-error');
    // containerd validates the size of what it downloads: a pull cut short, not a push.
    expect(
      await first(
        ' > [1/6] FROM docker.io/library/python:3-alpine@sha256:dce56d40d885d2c8847aa2a278a29d50450c8e3d10f9d7ffeb2f38dcc1eb0ea4:\n------\nfailed commit on ref "layer-sha256:d8c681bc2183ac2de0b5e117ed74647ee5dfbdbf8a3730ac81c54f3b3db989f7": "layer-sha256:d8c681bc2183ac2de0b5e117ed74647ee5dfbdbf8a3730ac81c54f3b3db989f7" failed size validation: 7166337 != 11686631: failed precondition',
      ),
    ).toBe('network-timeout');
    expect(
      await first(
        'ERROR: failed to solve: failed commit on ref "manifest-sha256:0123": unexpected status from PUT request to https://r.example/v2/x/manifests/1: 400 Bad Request',
      ),
    ).toBe('registry-push-failure');
    // The old CLI's push answered by nginx in front of the registry.
    const proxy = (
      await diagnoseText(
        'The push refers to a repository [10.39.228.151:9003/utc]\nError: Status 405 trying to push repository utc: "<html>\\r\\n<head><title>405 Not Allowed</title></head>"',
        'proxy.log',
      )
    ).findings[0]!;
    expect([proxy.id, firstListItem(proxy.fix)]).toEqual([
      'registry-push-failure',
      expect.stringMatching(/^A status `405` on a push is a web server's in front of the registry/),
    ]);
    const sync = (await diagnoseText('failed to solve: changes out of order: "images/datamodel.png" "chains.py"', 'sync.log')).findings[0]!;
    expect([sync.id, firstListItem(sync.fix)]).toEqual(['session-lost', expect.stringContaining('Docker Compose 2.24.0 to 2.24.4')]);
    // compose v2's pull summary: the refused service is the failure, the pulls it canceled follow.
    const pull = [
      '[+] Pulling 3/3',
      '✔ web Skipped - Image is already present locally',
      '✘ mq Error                    context canceled',
      '✘ live Error                         denied',
    ];
    expect((await diagnoseText(pull.join('\n'), 'pull.log')).findings.map((f) => f.id)[0]).toBe('registry-auth-denied');
    const sdk = (
      await diagnoseText(
        inRun(
          'A compatible installed .NET SDK for global.json version [6.0.302] from [/src/global.json] was not found.\nInstall the [6.0.302] .NET SDK or update [/src/global.json] with an installed .NET SDK:',
        ),
        'sdk.log',
      )
    ).findings[0]!;
    expect([sdk.id, sdk.fix]).toEqual(['compile-error', expect.stringContaining('.NET, with `dotnet`')]);
    // Go refusing a go.mod newer than itself: the one change names the version; a one-line paste of it under the golang
    // images' `GOTOOLCHAIN=local` is Docker's (elsewhere Go would fetch the toolchain), another tool's version line is not.
    for (const line of [
      'go.mod requires go >= 1.25.0 (running go 1.24.13; GOTOOLCHAIN=local)',
      inRun('go: go.mod requires go >= 1.23.2 (running go 1.22.1; GOTOOLCHAIN=local)'),
    ]) {
      const go = await diagnoseText(line, 'go.log');
      expect([go.findings[0]?.id, verdictOf(go).change]).toEqual([
        'compile-error',
        expect.stringMatching(/^The module needs Go `1\.2[35]\.[02]` or newer, and the image's Go is older/),
      ]);
    }
    expect((await diagnoseText('node: requires node >= 22 (running node 20.1.0)', 'node.log')).builds).toEqual([]);
  });

  it("what train batches 133 and 135 showed: a pull cut short, Windows' old TLS, a builder that did not boot, phpize without autoconf", async () => {
    // The docker CLI's pull (or `docker run`'s) whose connection broke, in the CLI's words.
    expect(await first("c4a9b64b12f6: Downloading  89.72MB/89.72MB\ndocker: unexpected EOF.\nSee 'docker run --help'.")).toBe('network-timeout');
    // A word of an unexpected EOF inside a message is not the pull's.
    expect(await first(inRun('SyntaxError: unexpected EOF while parsing'))).not.toBe('network-timeout');
    // PowerShell's download, its message wrapped by the console.
    const tls = await diagnoseText(
      [
        'Step 3/6 : RUN powershell -Command Invoke-WebRequest -Uri https://example.org/x.zip -OutFile c:\\x.zip',
        ' ---> Running in c1bdf1b29820',
        'Invoke-WebRequest : The request was aborted: Could not create SSL/TLS secure',
        'channel.',
      ].join('\n'),
      'tls.log',
    );
    expect([tls.findings[0]!.id, firstListItem(tls.findings[0]!.fix)]).toEqual([
      'network-timeout',
      expect.stringContaining('[Net.ServicePointManager]::SecurityProtocol'),
    ]);
    // buildx's own step that starts a docker-container builder failed, with no word of why.
    const boot = [
      '#1 [internal] booting buildkit',
      '#1 pulling image moby/buildkit:buildx-stable-1',
      '#1 creating container buildx_buildkit_build',
      '#1 ERROR: exit code 1',
    ];
    expect(await first(boot.join('\n'))).toBe('builder-missing');
    const pecl = inRun("running: phpize\nCannot find autoconf. Please check your autoconf installation and the\nERROR: `phpize' failed");
    expect(firstListItem((await diagnoseText(pecl, 'pecl.log')).findings[0]!.fix)).toMatch(/^phpize found no autoconf/);
  });

  it("what train batches 137 and 139 showed: devicemapper's thin pool out of metadata or data space, cargo-chef's cargo killed", async () => {
    // A one-line paste of the storage driver's words is Docker's, and the disk's.
    expect(
      await first(
        'devmapper: Thin Pool has 1325 free metadata blocks which is less than minimum required 1331 free metadata blocks. Create more free metadata space in thin pool or use dm.min_free_space option to change behavior',
      ),
    ).toBe('disk-full');
    expect(await first('Step 41 : COPY . /go/src/app\nINFO[0007] Error running DeviceCreate (createSnapDevice) dm_task_run failed')).toBe('disk-full');
    const chef = [
      '#14 [builder 2/4] RUN cargo chef cook --release --recipe-path recipe.json',
      "#14 55.25 thread 'main' panicked at 'Process terminated by signal', /usr/local/cargo/registry/src/github.com-1ecc6299db9ec823/cargo-chef-0.1.21/src/recipe.rs:137:21",
      '#14 ERROR: process "/bin/sh -c cargo chef cook --release --recipe-path recipe.json" did not complete successfully: exit code: 101',
    ];
    expect(await first(chef.join('\n'))).toBe('oom-killed');
    // Another panic of cargo-chef's is the build's.
    expect(await first(chef.join('\n').replace('Process terminated by signal', 'Exited with status code: 101'))).not.toBe('oom-killed');
  });

  it('what train batches 175 to 181 showed: OCI indexes and attestations that consumers refuse, engines too old for OCI, hosts a builder cannot run on', async () => {
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    const first = async (text: string) => (await ids(text))[0];
    // buildx pushes an OCI index with attestations: `docker manifest`, AWS Lambda refuse it, and the advice says how not to.
    const manifest = ['$ docker manifest create acme/api:1.4 acme/api:1.4-amd64 acme/api:1.4-arm64', 'docker.io/acme/api:1.4-amd64 is a manifest list'].join(
      '\n',
    );
    expect(await first(manifest)).toBe('exporter-unsupported');
    expect(verdictOf(await diagnoseText(manifest, 'm.log')).change).toMatch(/`--provenance=false --sbom=false`/);
    for (const text of [
      'unsupported manifest media type and no default available: application/vnd.oci.image.index.v1+json',
      'Error: creating Lambda Function (api): InvalidParameterValueException: The image manifest, config or layer media type for the source image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4 is not supported.',
    ])
      expect(await first(text)).toBe('exporter-unsupported');
    expect(await ids('ERROR: the image you gave is a manifest list, pick one platform')).not.toContain('exporter-unsupported');
    // An engine too old for OCI media types: the engine, not a missing image.
    expect(
      await first(
        [
          'latest: Pulling from acme/api',
          "mediaType in manifest should be 'application/vnd.docker.distribution.manifest.v2+json' not 'application/vnd.oci.image.manifest.v1+json'",
        ].join('\n'),
      ),
    ).toBe('builder-missing');
    expect(
      await first(
        'time="2024-01-02T03:04:05Z" level=error msg="Attempting next endpoint for pull after error: manifest unknown: OCI index found, but Accept header does not support OCI indexes"',
      ),
    ).toBe('builder-missing');
    // Hosts a daemon or a daemonless builder cannot run on: no overlayfs, no /dev/fuse, no writable cgroup hierarchy.
    for (const text of [
      'failed to start daemon: error initializing graphdriver: driver not supported: overlay2',
      "error creating overlay mount to /var/lib/containers/storage/overlay/4f2a/merged: using mount program /usr/bin/fuse-overlayfs: fuse: device not found, try 'modprobe fuse' first",
      'error running container: error from crun creating container for [/bin/sh -c make]: creating cgroup directory `/sys/fs/cgroup/memory/buildah-buildah42`: No such file or directory',
    ])
      expect(await first(text)).toBe('builder-missing');
    // A registry certificate with only a Common Name: TLS, as the corpus reads certificates the client refuses.
    expect(await first('Get "https://registry.acme.internal/v2/": x509: certificate relies on legacy Common Name field, use SANs instead')).toBe(
      'network-timeout',
    );
  });

  it('what train batches 183 and 185 showed: tools older than the files they read, CentOS past its end of life, Go in module mode, the old builder skipping HTML', async () => {
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    const first = async (text: string) => (await ids(text))[0];
    // docker-compose and the docker CLI older than what they are given.
    for (const text of [
      'ERROR: Version in "./docker-compose.yml" is unsupported. You might be seeing this error because you\'re using the wrong Compose file version.',
      "ERROR: Unsupported config option for services service: 'web'",
      'unknown flag: --password-stdin',
      'ERROR: could not find docker: stat docker: no such file or directory',
    ])
      expect(await first(text)).toBe('builder-missing');
    // CentOS 7 and 8 past their end of life: the mirror list's host is gone, which is no network fault; another host is.
    const centos = [
      'Step 3/9 : RUN yum install -y epel-release',
      ' ---> Running in 4f2a9c1b3d5e',
      'Loaded plugins: fastestmirror, ovl',
      'Could not retrieve mirrorlist http://mirrorlist.centos.org/?release=7&arch=x86_64&repo=os&infra=container error was',
      '14: curl#6 - "Could not resolve host: mirrorlist.centos.org; Unknown error"',
      "The command '/bin/sh -c yum install -y epel-release' returned a non-zero code: 1",
    ].join('\n');
    expect(await first(centos)).toBe('package-install-failure');
    expect(verdictOf(await diagnoseText(centos, 'c.log')).change).toMatch(/vault\.centos\.org/);
    expect(
      await first(
        "Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: Curl error (6): Couldn't resolve host name for http://mirrorlist.centos.org/?release=8&arch=x86_64&repo=AppStream [Could not resolve host: mirrorlist.centos.org]",
      ),
    ).toBe('package-install-failure');
    expect(await first('curl: (6) Could not resolve host: deb.nodesource.com')).toBe('network-timeout');
    // Go in module mode: `go install` needs a version; a module that needs a newer Go than the image's.
    expect(
      await first(
        "go install: version is required when current directory is not in a module\n\tTry 'go install github.com/acme/tool@latest' to install the latest version",
      ),
    ).toBe('compile-error');
    expect(
      await first(
        [
          '#11 [build 4/7] RUN go mod download',
          '#11 0.338 go: golang.org/x/sys@v0.31.0: module golang.org/x/sys@v0.31.0 requires go >= 1.23.0 (running go 1.21.13; GOTOOLCHAIN=local)',
          '#11 ERROR: process "/bin/sh -c go mod download" did not complete successfully: exit code: 1',
        ].join('\n'),
      ),
    ).toBe('compile-error');
    // make calling a compiler by its path, which the image does not have.
    const clang = await diagnoseText(
      '#9 [4/5] RUN make && make install\n#9 2.101 make: /usr/bin/clang-15: No such file or directory\n#9 ERROR: process "/bin/sh -c make && make install" did not complete successfully: exit code: 2',
      'x.log',
    );
    expect(clang.findings[0]!.id).toBe('compile-error');
    expect(verdictOf(clang).change).toMatch(/make calls `clang-15`/);
    // Train batch 187: cgo without a C compiler, a Cargo older than the crate's edition, cross run where no engine is.
    expect(await first('#14 3.210 # runtime/cgo\n#14 3.211 cgo: exec: "gcc": executable file not found in $PATH')).toBe('compile-error');
    expect(await first('#9 41.20 error: edition 2021 is unstable and only available with -Z unstable-options.')).toBe('compile-error');
    expect(
      await first("info: installing component 'rust-std' for 'armv7-unknown-linux-gnueabihf'\nerror: no container engine found; install docker or podman"),
    ).toBe('builder-missing');
    // The legacy builder before 1.10 skipped what it could not read (an HTML page given as the Dockerfile).
    expect(
      await first(
        ['Step 0 : <!DOCTYPE html>', '# Skipping unknown instruction <!DOCTYPE', 'Step 1 : <html lang="en">', '# Skipping unknown instruction <HTML'].join(
          '\n',
        ),
      ),
    ).toBe('dockerfile-parse-error');
    // A package whose maintainer script needs what a container does not run (systemd).
    expect(
      await first(
        [
          'Step 19/28 : RUN apt-get update && apt-get install -y mongodb-org',
          'Setting up mongodb-org-server (4.0.28) ...',
          '/var/lib/dpkg/info/mongodb-org-server.postinst: 43: /var/lib/dpkg/info/mongodb-org-server.postinst: systemctl: not found',
          'dpkg: error processing package mongodb-org-server (--configure):',
        ].join('\n'),
      ),
    ).toBe('package-install-failure');
  });

  it('what a review of the second part of the session found: advice of its own for each new condition, a FUSE program in a RUN step, a pull that recovered', async () => {
    const cases: Array<[string, string, RegExp | null]> = [
      [
        "#10 [build 4/5] RUN ./gradlew build --no-daemon\n#10 45.21 > Task :integrationTest FAILED\n#10 45.30 \n#10 45.30 FAILURE: Build failed with an exception.\n#10 45.30 \n#10 45.30 * What went wrong:\n#10 45.30 Execution failed for task ':buildImage'.\n#10 45.30 > A problem occurred starting process 'command 'docker''\n#10 45.30    > Could not start 'docker'\n#10 45.30       > Cannot run program \"docker\" (in directory \"/app\"): error=2, No such file or directory\n#10 ERROR: process \"/bin/sh -c ./gradlew build --no-daemon\" did not complete successfully: exit code: 1",
        'builder-missing',
        /leave that task out of the image.s build/,
      ],
      [
        'PS C:\\src\\app> docker build -t app .\nError response from daemon: open \\\\.\\pipe\\docker_engine_linux: The system cannot find the file specified.',
        'builder-missing',
        /^Docker Desktop.s engine is not running/,
      ],
      [
        'PS C:\\src\\app> docker-compose up --build\nTraceback (most recent call last):\n  File "site-packages\\docker\\api\\client.py", line 214, in _retrieve_server_version\n  File "site-packages\\docker\\transport\\npipeconn.py", line 32, in connect\n  File "site-packages\\docker\\transport\\npipesocket.py", line 59, in connect\npywintypes.error: (2, \'CreateFile\', \'The system cannot find the file specified.\')\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File "docker-compose", line 3, in <module>\n  File "compose\\cli\\main.py", line 81, in main\ndocker.errors.DockerException: Error while fetching server API version: (2, \'CreateFile\', \'The system cannot find the file specified.\')\n[14932] Failed to execute script docker-compose',
        'builder-missing',
        /^Docker Desktop.s engine is not running/,
      ],
      [
        'PS C:\\src\\app> $env:DOCKER_BUILDKIT=0; docker build -f build\\Dockerfile -t app .\nerror during connect: Post "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.41/build?dockerfile=build%5CDockerfile&t=app": open build\\Dockerfile: The system cannot find the file specified.',
        'dockerfile-missing',
        null,
      ],
      [
        "$ docker pull registry.example.com/team/app:1.4.0\n1.4.0: Pulling from team/app\nmediaType in manifest should be 'application/vnd.docker.distribution.manifest.v2+json' not 'application/vnd.oci.image.manifest.v1+json'",
        'builder-missing',
        /OCI media types/,
      ],
      [
        '$ docker pull registry.local:5000/app:1.0\nError response from daemon: OCI manifest found, but accept header does not support OCI manifests',
        'builder-missing',
        /OCI media types/,
      ],
      [
        '[INFO] --- dockerfile-maven-plugin:1.4.13:build (default) @ api ---\n[INFO] Building Docker context /builds/acme/api\n[INFO] Image will be built without a name\n[INFO] \nOct 12, 2023 10:11:12 AM org.apache.http.impl.execchain.RetryExec execute\nINFO: I/O exception (java.io.IOException) caught when processing request to {}->unix://localhost:80: Permission denied\nOct 12, 2023 10:11:12 AM org.apache.http.impl.execchain.RetryExec execute\nINFO: Retrying request to {}->unix://localhost:80\n[ERROR] Failed to execute goal com.spotify:dockerfile-maven-plugin:1.4.13:build (default) on project api: Could not build image: java.util.concurrent.ExecutionException: com.spotify.docker.client.shaded.javax.ws.rs.ProcessingException: java.io.IOException: Permission denied -> [Help 1]',
        'builder-missing',
        /`docker` group/,
      ],
      [
        '$ docker build -t registry.gitlab.com/acme/app:latest .\ntime="2023-05-02T10:11:12.123456789Z" level=info msg="Starting up"\ntime="2023-05-02T10:11:12.223456789Z" level=error msg="failed to mount overlay: invalid argument" storage-driver=overlay2\ntime="2023-05-02T10:11:12.323456789Z" level=error msg="[graphdriver] prior storage driver overlay2 failed: driver not supported"\nfailed to start daemon: error initializing graphdriver: driver not supported',
        'builder-missing',
        /Docker-in-Docker needs `--privileged`/,
      ],
      [
        '#3 [internal] load metadata for registry.corp.local/base/python:3.11\n#3 ERROR: failed to do request: Head "https://registry.corp.local/v2/base/python/manifests/3.11": x509: certificate relies on legacy Common Name field, use SANs instead\n------\n > [internal] load metadata for registry.corp.local/base/python:3.11:\n------\nERROR: failed to solve: registry.corp.local/base/python:3.11: failed to do request: Head "https://registry.corp.local/v2/base/python/manifests/3.11": x509: certificate relies on legacy Common Name field, use SANs instead',
        'network-timeout',
        /a re-run will not help/,
      ],
      [
        '+ docker push myapp\nThe push refers to a repository [docker.io/library/myapp]\nYou cannot push a "root" repository. Please rename your repository to docker.io/<user>/<repo> (ex: docker.io/<user>/myapp)',
        'invalid-tag',
        /need a namespace/,
      ],
      [
        '$ docker pull ghcr.io/acme/charts/api:1.4.0\n1.4.0: Pulling from acme/charts/api\nunsupported media type application/vnd.cncf.helm.config.v1+json',
        'manifest-unknown',
        /an OCI artifact, not an image/,
      ],
      [
        '#8 [3/7] RUN conda create -y -n app python=3.11\n#8 2.113 \n#8 2.113 CondaToSNonInteractiveError: Terms of Service have not been accepted for the following channels. Please accept or remove them before proceeding:\n#8 2.113     \u2022 https://repo.anaconda.com/pkgs/main\n#8 2.113     \u2022 https://repo.anaconda.com/pkgs/r\n#8 2.113 \n#8 2.113 To accept a channel\'s Terms of Service, run the following and replace `CHANNEL` with the channel name/URL:\n#8 2.113     \u2023 conda tos accept --override-channels --channel CHANNEL\n#8 2.113 \n#8 ERROR: process "/bin/sh -c conda create -y -n app python=3.11" did not complete successfully: exit code: 1',
        'package-install-failure',
        /conda tos accept/,
      ],
      [
        'Generating tags...\n - api -> gcr.io/acme/api:v1.2.0-3-gfb06d1c\nChecking cache...\n - api: Not found. Building\nStarting build...\nbuild [api] failed: builder for artifact "api" doesn\'t support building for target platforms: "linux/arm64". Supported platforms are "linux/amd64". Please use a different builder.',
        'platform-mismatch',
        /cannot build for `linux\/arm64`/,
      ],
      [
        '#11 [builder 4/6] RUN go build -o /out/server ./cmd/server\n#11 0.231 go: cannot find main module, but found .git/config in /src\n#11 0.231 \tto create a module there, run:\n#11 0.231 \tgo mod init\n#11 ERROR: process "/bin/sh -c go build -o /out/server ./cmd/server" did not complete successfully: exit code: 1',
        'compile-error',
        /^Go found no `go.mod`/,
      ],
      [
        'STEP 1/4: FROM docker.io/library/node:20\nTrying to pull docker.io/library/node:20...\ntime="2025-02-04T15:51:23-05:00" level=warning msg="Failed, retrying in 2s ... (1/3). Error: initializing source docker://node:20: reading manifest 20 in docker.io/library/node: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"\nGetting image source signatures\nCopying config sha256:8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d\nWriting manifest to image destination\nSTEP 4/4: RUN npm ci\nnpm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! Could not resolve dependency:\nnpm ERR! peer react@"^17.0.0" from react-dom@17.0.2\nError: building at STEP "RUN npm ci": while running runtime: exit status 1',
        'package-install-failure',
        null,
      ],
    ];
    for (const [text, id, change] of cases) {
      const analysis = await diagnoseText(text, 'x.log');
      expect([text.split('\n').pop(), analysis.findings[0]?.id]).toEqual([text.split('\n').pop(), id]);
      if (change) expect(verdictOf(analysis).change).toMatch(change);
    }
    // A program of the step's own that needs FUSE (an AppImage) is no builder's signature (hostLacks); a cache written over an
    // image's tag is no OCI artifact. The word model may still guess the builder from these words, as a guess ("Likely:").
    expect(
      (
        await diagnoseText(
          '#12 [builder 6/9] RUN ./linuxdeploy-x86_64.AppImage --appdir AppDir --output appimage\n#12 0.412 fuse: device not found, try \'modprobe fuse\' first\n#12 0.413 Cannot mount AppImage, please check your FUSE setup.\n#12 0.413 You might still be able to extract the contents of this AppImage\n#12 0.413 if you run it with the --appimage-extract option.\n#12 ERROR: process "/bin/sh -c ./linuxdeploy-x86_64.AppImage --appdir AppDir --output appimage" did not complete successfully: exit code: 1',
          'x.log',
        )
      ).findings
        .filter((f) => !f.title.startsWith('Likely: '))
        .map((f) => f.id),
    ).not.toContain('builder-missing');
    expect(
      (
        await diagnoseText(
          '$ docker pull ghcr.io/acme/api:buildcache\nbuildcache: Pulling from acme/api\nunsupported media type application/vnd.buildkit.cacheconfig.v0',
          'x.log',
        )
      ).findings.map((f) => f.id),
    ).not.toContain('manifest-unknown');
    // skaffold names the image the cluster cannot pull.
    expect(verdictOf(await diagnoseText(" - deployment/api: container api is waiting to start: api:0a1b2c3d4e5f can't be pulled", 'x.log')).happened).toMatch(
      /api:0a1b2c3d4e5f/,
    );
  });

  it("what a review of this session's rules found: a Go program's EOF, a script's lower-case command, ECR's missing credentials, a 5xx push, Go fetching its toolchain, compose's durations", async () => {
    // A bare `unexpected EOF` is any Go program's: only the docker CLI's own words are a pull cut short.
    expect(await first(inRun('unexpected EOF').replace('RUN make', 'RUN go run ./cmd/gen-schema'))).not.toBe('network-timeout');
    expect((await diagnoseText('unexpected EOF', 'eof.log')).findings.map((f) => f.id)).not.toContain('network-timeout');
    // Only a Dockerfile's instruction, in its case, is a continuation's mistake.
    expect(await first(inRun('sh: 1: copy: not found'))).not.toBe('dockerfile-parse-error');
    expect(await first(inRun('bash: line 1: run: command not found'))).not.toBe('dockerfile-parse-error');
    // The one change reads the same in the terminal's text (no code span of a lone backslash, which its plain text loses).
    const shell = await diagnoseText('/bin/sh: 1: COPY: not found', 'sh.log');
    expect(verdictOf(shell).change).toMatch(/ends its last line with a backslash .*: end that line without the backslash\.$/);
    // ECR's `no basic auth credentials`: the node had no credentials, no tag is said missing.
    const ecr = await diagnoseText(
      '  Warning  Failed  3s  kubelet  Failed to pull image "1234.dkr.ecr.eu-west-1.amazonaws.com/app:1": rpc error: code = Unknown desc = Error response from daemon: pull access denied for 1234.dkr.ecr.eu-west-1.amazonaws.com/app, repository does not exist or may require authorization: authorization failed: no basic auth credentials',
      'ecr.log',
    );
    expect(ecr.findings.map((f) => f.id)[0]).not.toBe('manifest-unknown');
    // A cluster's pull: no advice about the job's fork pull requests; a job's push keeps it.
    const refused = ecr.findings.find((f) => f.id === 'registry-auth-denied')!;
    expect(refused.fix).not.toContain('forks');
    expect(
      (await diagnoseText(asFinal('ERROR: failed to push ghcr.io/acme/app:1: denied: permission_denied: write_package'), 'push.log')).findings[0]!.fix,
    ).toContain('Pull requests from forks run with a read-only token and no secrets, so `docker/login-action` has nothing to log in with');
    // A 5xx on the old CLI's push is the registry's, not a web server's in front of it.
    const push500 = (
      await diagnoseText('The push refers to a repository [r.example/team/app]\nError: Status 500 trying to push repository team/app: "{}"', 'p.log')
    ).findings[0]!;
    expect([push500.id, firstListItem(push500.fix)]).toEqual(['registry-push-failure', expect.not.stringContaining('405')]);
    // Go that fetched the newer toolchain itself: the compiler's error is the failure.
    const go = await diagnoseText(
      inRun('go: github.com/acme/app requires go >= 1.23; switching to go1.23.2\ncmd/app/main.go:42:9: undefined: server.NewRouter'),
      'go.log',
    );
    expect(verdictOf(go).change).not.toMatch(/^The module needs Go/);
    // compose's tty summary ends each service's line with its duration.
    expect(await first('[+] Pulling 2/2\n ✘ live Error      denied            1.2s \n ✘ mq Error      context canceled            1.2s ')).toBe(
      'registry-auth-denied',
    );
    // What the new matches advise first.
    const sdk = await diagnoseText(
      inRun('A compatible installed .NET SDK for global.json version [6.0.302] from [/src/global.json] was not found.'),
      'sdk.log',
    );
    expect(verdictOf(sdk).change).toMatch(/^The repository's `global\.json` pins a \.NET SDK the image does not have/);
    const pool = await diagnoseText(
      'devmapper: Thin Pool has 1325 free metadata blocks which is less than minimum required 1331 free metadata blocks.',
      'dm.log',
    );
    expect(verdictOf(pool).change).toMatch(/^The daemon's devicemapper thin pool is full/);
    const boot = await diagnoseText('#1 [internal] booting buildkit\n#1 ERROR: exit code 1', 'boot.log');
    expect(verdictOf(boot).change).toMatch(/^The docker-container builder did not start .*docker logs buildx_buildkit_<builder>0/);
    // cargo-chef's panic as Rust 1.73 and later print it: the message on the line after.
    const chef = [
      '#14 [builder 2/4] RUN cargo chef cook --release --recipe-path recipe.json',
      "#14 55.25 thread 'main' panicked at /usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/cargo-chef-0.1.62/src/recipe.rs:218:27:",
      '#14 55.25 Process terminated by signal',
      '#14 ERROR: process "/bin/sh -c cargo chef cook --release --recipe-path recipe.json" did not complete successfully: exit code: 101',
    ];
    expect(await first(chef.join('\n'))).toBe('oom-killed');
  });

  // (A rule that read a JavaScript step's bare exit 134 as memory was dropped after a review: Node aborts so for other reasons
  // too, an emulator's crash, a native module's assertion, and the heap's own words are already a pattern.)
  it("a JavaScript step's exit 134 is memory only in V8's words", async () => {
    const bare = 'ERROR: failed to solve: process "/bin/sh -c pnpm build" did not complete successfully: exit code: 134';
    expect((await diagnoseText(bare, 'bare.log')).findings.map((f) => f.id)).not.toContain('oom-killed');
    const heap = [
      '#9 [build 5/6] RUN pnpm build',
      '#9 88.21 FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      '#9 ERROR: process "/bin/sh -c pnpm build" did not complete successfully: exit code: 134',
    ].join('\n');
    expect(await first(heap)).toBe('oom-killed');
  });

  it("what train batches 141 and 143 showed: compose's bare cache-import header is no cause, a 401 or 403 with a page for a body is a refusal", async () => {
    // compose (and bake) put the service first in a cache import's error-block header; with no line under it, the
    // import failed but the build went on: the pull that failed is the cause.
    const compose = [
      '------',
      ' > [db] importing cache manifest from ubuntu:noble:',
      '------',
      '------',
      ' > [agent internal] load metadata for docker.io/library/acme-build:7.0-local:',
      '------',
      'failed to solve: acme-build:7.0-local: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ].join('\n');
    const ids = (await diagnoseText(compose, 'compose.log')).findings.map((f) => f.id);
    expect(ids[0]).toBe('manifest-unknown');
    expect(ids.indexOf('cache-import-failure')).toBeGreaterThan(0);
    // The header's own error line under it still makes the import the failure.
    const own = [
      '#7 [db] importing cache manifest from registry.acme.io/db:cache',
      '#7 ERROR: failed to configure registry cache importer: invalid reference format',
      '------',
      ' > [db] importing cache manifest from registry.acme.io/db:cache:',
      '------',
    ].join('\n');
    expect((await diagnoseText(own, 'own.log')).findings[0]!.id).toBe('cache-import-failure');
    // A compose service's failed import, then a step of the same service that failed: the step is the failure the
    // title names, and the import's line is the import finding's, not the step's.
    const service = [
      ' => ERROR [worker] importing cache manifest from ghcr.io/acme/worker:cache   0.8s',
      ' => [worker 2/5] WORKDIR /app                                                0.1s',
      ' => ERROR [worker 3/5] RUN apt-get install -y libfoo-dev                     6.1s',
      '------',
      ' > [worker] importing cache manifest from ghcr.io/acme/worker:cache:',
      '------',
      '------',
      ' > [worker 3/5] RUN apt-get install -y libfoo-dev:',
      '#0 6.010 E: Unable to locate package libfoo-dev',
      '------',
      'failed to solve: process "/bin/sh -c apt-get install -y libfoo-dev" did not complete successfully: exit code: 100',
    ].join('\n');
    const findings = (await diagnoseText(service, 'service.log')).findings;
    expect(findings[0]).toMatchObject({ id: 'package-install-failure', title: expect.stringContaining('RUN apt-get install -y libfoo-dev') });
    expect(findings[0]!.title).not.toContain('importing cache manifest');
    expect(findings[0]!.evidence.map((e) => e.text).join('\n')).not.toContain('importing cache manifest');
    expect(findings.map((f) => f.id)).toContain('cache-import-failure');
    const page =
      'error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<HTML><HEAD>\\n<TITLE>Access Denied</TITLE>\\n</HEAD>"';
    expect((await diagnoseText(page, 'page.log')).findings[0]!.id).toBe('registry-auth-denied');
    // A 408's page is the network's (a proxy that gave up waiting), as before.
    const timeout =
      'error pulling image configuration: download failed after attempts=2: error parsing HTTP 408 response body: invalid character \'<\' looking for beginning of value: "<html><body><h1>408 Request Time-out</h1>"';
    expect((await diagnoseText(timeout, 'timeout.log')).findings[0]!.id).toBe('network-timeout');
  });

  it('what train batches 145 and 147 showed: Windows builds, a registry with no auth, a proxy as an address, old COPY errors, a cache reference in capitals, an ARM base without its emulator', async () => {
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    // A Windows image of a newer build than the host's, then the image the build never made.
    const windows = [
      'Step 1/6 : FROM acme/builder:windows-latest',
      'windows-latest: Pulling from acme/builder',
      'a Windows version 10.0.20348-based image is incompatible with a 10.0.19045 host',
      "docker: Error response from daemon: pull access denied for app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.",
    ].join('\n');
    expect((await ids(windows))[0]).toBe('platform-mismatch');
    expect(verdictOf(await diagnoseText(windows, 'win.log')).change).toMatch(/^The image is for Windows `10\.0\.20348`, the host runs `10\.0\.19045`/);
    expect(
      await first(
        'Failed to register layer: re-exec error: exit status 1: output: ProcessUtilityVMImage C:\\ProgramData\\docker\\windowsfilter\\b8a3\\UtilityVM: The system cannot find the path specified.',
      ),
    ).toBe('platform-mismatch');
    expect(await first('FATA[0013] Error response from daemon: no successful auth challenge for https://registry.acme.io:5000/v2/ - errors: []')).toBe(
      'registry-auth-denied',
    );
    // A challenge that failed for a listed reason is that reason's (here the certificate), not a registry without auth.
    expect(
      await ids(
        'Error response from daemon: no successful auth challenge for https://10.0.0.5:5000/v2/ - errors: [Get https://10.0.0.5:5000/v2/: x509: certificate signed by unknown authority]',
      ),
    ).not.toContain('registry-auth-denied');
    expect(
      await first('Error while pulling image: Get https://index.docker.io/v1/repositories/acme/app/images: dial tcp 0.0.8.90:443: connect: invalid argument'),
    ).toBe('network-timeout');
    // A test's connection to a service on loopback is the test's, not the network's.
    expect(
      await ids(
        [
          '#14 [5/6] RUN go test ./...',
          '#14 8.104 repo_test.go:31: dial tcp [::1]:5432: connect: cannot assign requested address',
          '#14 ERROR: process "/bin/sh -c go test ./..." did not complete successfully: exit code: 1',
        ].join('\n'),
      ),
    ).not.toContain('network-timeout');
    const circle =
      'Job was rejected because this version of Docker is not supported on this resource class. Try removing the version of Docker in your .circleci/config.yml and re-running';
    expect(verdictOf(await diagnoseText(circle, 'circle.log')).change).toMatch(/^CircleCI refused the remote Docker the job asked for .*`setup_remote_docker`/);
    expect(
      await first(
        'Job was rejected because this version of Docker is not supported on this resource class. Try removing the version of Docker in your .circleci/config.yml and re-running',
      ),
    ).toBe('builder-missing');
    // The old daemon's COPY source in Go's bare words; a program's own `No such file` in a RUN is not the context's.
    expect(await first('Step 7/9 : COPY container-scripts/* /u01/oracle/\n2015/03/29 15:58:09 container-scripts/*: no such file or directory')).toBe(
      'copy-source-missing',
    );
    expect(await ids('Step 3/4 : RUN cat settings.ini\n ---> Running in 1a2b3c4d5e6f\ncat: settings.ini: No such file or directory')).not.toContain(
      'copy-source-missing',
    );
    // Go's bare words from a RUN's own program (a test, a migration tool) name that program's file, not a COPY source.
    for (const run of [
      [
        '#10 [builder 5/6] RUN go test ./...',
        '#10 2.531 testdata/golden.json: no such file or directory',
        '#10 ERROR: process "/bin/sh -c go test ./..." did not complete successfully: exit code: 1',
      ],
      [
        'Step 6/9 : RUN ./scripts/check-assets.sh',
        ' ---> Running in 4b1c2d3e4f5a',
        'static/logo.svg: no such file or directory',
        "The command '/bin/sh -c ./scripts/check-assets.sh' returned a non-zero code: 1",
      ],
      ['Step 6/9 : COPY static /srv/static', 'other/file: no such file or directory'],
    ]) {
      // No signature reads them as the context's (the word model may still guess it, as a finding titled `Likely:`).
      const named = (await diagnoseText(run.join('\n'), 'x.log')).findings.filter((f) => f.data?.role !== 'likely-cause').map((f) => f.id);
      expect(named).not.toContain('copy-source-missing');
    }
    // A cache exporter's reference in capitals is the name's fault, named in the title (a bare invalid reference stays the
    // exporter's: the family test above).
    const cache = (
      await diagnoseText(
        'Error: buildx failed with: ERROR: failed to build: failed to solve: failed to configure registry cache exporter: invalid reference format: repository name (Acme/app/base) must be lowercase',
        'cache.log',
      )
    ).findings;
    expect(cache[0]!.id).toBe('invalid-tag');
    expect(cache[0]!.title).toContain('Acme/app/base');
    expect(
      verdictOf(
        await diagnoseText(
          'ERROR: failed to solve: failed to configure registry cache exporter: invalid reference format: repository name (Acme/app/base) must be lowercase',
          'c.log',
        ),
      ).change,
    ).toMatch(/^`Acme\/app\/base`: a repository name must be lowercase \(`acme\/app\/base`\)/);
    // An ARM base image's RUN that cannot execute, the paste cut before the builder said the step failed.
    const arm = [
      'Step 1/14 : FROM arm32v7/ubuntu:xenial AS base',
      ' ---> ce53195c6905',
      'Step 2/14 : RUN apt-get update',
      ' ---> Running in 00d50daf3694',
      'standard_init_linux.go:207: exec user process caused "exec format error"',
    ].join('\n');
    expect(await first(arm)).toBe('qemu-emulation');
    // BuildKit's steps run side by side: a cut paste of them does not make its last RUN the failing one.
    const parallel = [
      '#2 [internal] load metadata for docker.io/arm64v8/debian:bookworm-slim',
      '#4 [2/4] COPY bin/agent /usr/local/bin/agent',
      '#4 DONE 0.1s',
      '#5 [3/4] RUN /usr/local/bin/agent --self-test',
      '#5 0.212 exec /usr/local/bin/agent: exec format error',
    ].join('\n');
    expect(await first(parallel)).not.toBe('qemu-emulation');
    // The build client finding no local directory to send is Docker's, not a paste to refuse (no cause is named: a program's
    // own `could not find` reads the same).
    const missing = await diagnoseText(
      'could not find /tmp/ctx/proxy/tmp/ctx/proxy: stat /tmp/ctx/proxy/tmp/ctx/proxy: no such file or directory\nexit status 17',
      'dir.log',
    );
    expect(missing.builds.length).toBeGreaterThan(0);
    expect(missing.findings[0]!.id).toBe('unknown');
    expect(
      await ids(
        [
          '#11 [builder 6/8] RUN go run ./cmd/gen',
          '#11 4.812 could not find web/templates: stat web/templates: no such file or directory',
          '#11 ERROR: process "/bin/sh -c go run ./cmd/gen" did not complete successfully: exit code: 1',
        ].join('\n'),
      ),
    ).not.toContain('dockerfile-missing');
  });

  it('what train batches 151 to 161 showed: OpenSSL 3 under an old bundler, CMake without sources, empty and unparsable references, a Maven repository that refuses, installers of other ecosystems', async () => {
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    // Node 17+ and webpack 4: OpenSSL's code, with its own advice first.
    const openssl = [
      '#12 [build 6/7] RUN npm run build',
      '#12 7.451 Error: error:0308010C:digital envelope routines::unsupported',
      '#12 7.452     at new Hash (node:internal/crypto/hash:68:19)',
      "#12 7.460   code: 'ERR_OSSL_EVP_UNSUPPORTED'",
      '#12 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 1',
    ].join('\n');
    expect((await ids(openssl))[0]).toBe('compile-error');
    expect(verdictOf(await diagnoseText(openssl, 'ossl.log')).change).toMatch(/OpenSSL 3\).*`ENV NODE_OPTIONS=--openssl-legacy-provider`/);
    // CMake run on a directory the sources never reached: the context, not the code.
    const cmake = [
      'Step 6/9 : RUN cmake -S /opt/diamond -B /build',
      ' ---> Running in 3f2a1b0c9d8e',
      'CMake Error: The source directory "/opt/diamond" does not appear to contain CMakeLists.txt.',
      'Specify --help for usage, or press the help button on the CMake GUI.',
      "The command '/bin/sh -c cmake -S /opt/diamond -B /build' returned a non-zero code: 1",
    ].join('\n');
    expect((await ids(cmake))[0]).toBe('copy-source-missing');
    expect(verdictOf(await diagnoseText(cmake, 'cmake.log')).change).toMatch(/^CMake found no CMakeLists\.txt in `\/opt\/diamond`/);
    // CMake's other errors are still the code's (or its dependencies').
    expect(
      (
        await ids(
          [
            'Step 6/9 : RUN cmake -S /src -B /build',
            'CMake Error at CMakeLists.txt:12 (find_package):',
            '  Could not find a package configuration file provided by "Boost" with any of the following names:',
            "The command '/bin/sh -c cmake -S /src -B /build' returned a non-zero code: 1",
          ].join('\n'),
        )
      )[0],
    ).toBe('compile-error');
    // GHCR refusing a token of an installation that no longer exists: a fragment, not refused.
    const ghcr = await diagnoseText('permission_denied: The requested installation does not exist.', 'ghcr.log');
    expect(ghcr.builds.length).toBeGreaterThan(0);
    expect(ghcr.findings[0]!.id).toBe('registry-auth-denied');
    // An empty reference as the old daemon prints it, and the kubelet's status for one it cannot parse.
    expect((await ids("ERROR: Service 'frontend' failed to build: Error parsing reference:"))[0]).toBe('invalid-tag');
    expect((await ids('ERROR: Service \'frontend\' failed to build: Error parsing reference: "" is not a valid repository/tag'))[0]).toBe('invalid-tag');
    const kubelet = [
      'NAME                       READY   STATUS             RESTARTS   AGE',
      'web-7d9c6b8f5d-x2x8q       0/1     InvalidImageName   0          5m',
      'Warning  Failed  12s (x5 over 1m)  kubelet  Error: InvalidImageName',
      'Normal   BackOff  10s  kubelet  Back-off pulling image "acme/web:4.598e+07"',
    ].join('\n');
    expect((await ids(kubelet))[0]).toBe('invalid-tag');
    // A Maven repository that answers 403 or 404 refused the dependency: no network fault; a reset still is one.
    const gradle = (status: string) =>
      [
        '#14 [build 4/6] RUN gradle shadowJar',
        '#14 41.2       > Could not resolve org.acme:widgets:34.',
        "#14 41.2          > Could not get resource 'https://maven.acme.org/org/acme/widgets/34/widgets-34.pom'.",
        `#14 41.2             > Could not GET 'https://maven.acme.org/org/acme/widgets/34/widgets-34.pom'. ${status}`,
        '#14 ERROR: process "/bin/sh -c gradle shadowJar" did not complete successfully: exit code: 1',
      ].join('\n');
    expect((await ids(gradle('Received status code 403 from server: Forbidden')))[0]).toBe('package-install-failure');
    expect(await ids(gradle('Received status code 403 from server: Forbidden'))).not.toContain('network-timeout');
    expect((await ids(gradle('Connection reset')))[0]).toBe('network-timeout');
    // Installers of other ecosystems in their own words: bower without git, pacman that cannot open its database,
    // tlmgr refusing a newer TeX Live; Dart's download cut short is the network; stack's GHC killed is memory.
    const legacyRun = (command: string, output: string[], code = 1) =>
      [`Step 4/9 : RUN ${command}`, ' ---> Running in 0a1b2c3d4e5f', ...output, `The command '/bin/sh -c ${command}' returned a non-zero code: ${code}`].join(
        '\n',
      );
    expect((await ids(legacyRun('bower install --allow-root', ['bower jquery#*          ENOGIT git is not installed or not in the PATH'])))[0]).toBe(
      'package-install-failure',
    );
    expect(
      (
        await ids(
          legacyRun('pacman -Syu --noconfirm hugo', ['error: failed to initialize alpm library', '(could not find or read directory: /var/lib/pacman/)'], 255),
        )
      )[0],
    ).toBe('package-install-failure');
    expect(
      (
        await ids(
          legacyRun('tlmgr install collection-latexextra', [
            'tlmgr: Local TeX Live (2023) is older than remote repository (2024).',
            'Cross release updates are only supported with',
          ]),
        )
      )[0],
    ).toBe('package-install-failure');
    expect(
      (
        await ids(
          [
            '#9 [4/6] RUN dart pub get',
            '#9 5.446 Downloading vm_service 7.2.0...',
            '#9 125.7 Connection closed before full header was received',
            '#9 ERROR: executor failed running [/bin/sh -c dart pub get]: exit code: 69',
          ].join('\n'),
        )
      )[0],
    ).toBe('network-timeout');
    expect(
      (
        await ids(
          legacyRun('stack build --only-dependencies', [
            '--  While building package regex-tdfa-1.2.2 using:',
            '    Process exited with code: ExitFailure (-9) (THIS MAY INDICATE OUT OF MEMORY)',
          ]),
        )
      )[0],
    ).toBe('oom-killed');
    // A deploy tool's own words for buildx missing on the machine that builds.
    expect((await ids('ERROR (Kamal::Cli::Build::BuildError): Docker buildx plugin is not installed locally'))[0]).toBe('builder-missing');
    // go-containerregistry (ko, crane, kaniko) refused by the registry: the credentials, not a failing registry; a 5xx stays the push's.
    const ko = (status: string) =>
      `2021/03/16 15:09:46 Error pushing image to acme/tests/webhook:v1: unable to push image to acme/tests/webhook:v1: HEAD https://index.docker.io/v2/acme/tests/webhook/blobs/sha256:${'8'.repeat(64)}: unsupported status code ${status}`;
    expect((await ids(ko('401')))[0]).toBe('registry-auth-denied');
    expect((await ids(ko('502; body: <html>')))[0]).toBe('registry-push-failure');
    // A registry's CDN whose name did not resolve, in glibc's words.
    expect(
      (
        await ids(
          [
            'error pulling image configuration: ',
            'Get https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/45/data?verify=1: ',
            'dial tcp: lookup production.cloudflare.docker.com: No address associated with hostname"',
          ].join('\n'),
        )
      )[0],
    ).toBe('network-timeout');
  });

  it('what train batches 167 to 173 showed: platforms, JVM build tools, skaffold and Bazel around docker, conda terms, logrus warnings', async () => {
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    const first = async (text: string) => (await ids(text))[0];
    // skaffold's status check names the image that cannot be pulled.
    expect(await first(" - deployment/web: container web is waiting to start: web:4f2a9c1 can't be pulled")).toBe('image-pull-backoff');
    // yum and dnf when a transaction will not fit.
    expect(
      await first(
        ['Step 4/9 : RUN yum install -y cuda-toolkit', 'Error: Transaction check error:', '  At least 2312MB more space needed on the / filesystem.'].join(
          '\n',
        ),
      ),
    ).toBe('disk-full');
    // A JVM build tool that runs docker: no CLI on its PATH, or no permission on the socket; Gradle's own summary says nothing more.
    const gradle = (cause: string) =>
      [
        ':buildDocker FAILED',
        '',
        'FAILURE: Build failed with an exception.',
        '',
        '* What went wrong:',
        "Execution failed for task ':buildDocker'.",
        cause,
      ].join('\n');
    expect(await first(gradle('> java.io.IOException: Cannot run program "docker": error=2, No such file or directory'))).toBe('builder-missing');
    expect(
      await first(
        gradle(
          '> java.io.IOException: Cannot run program "docker.exe" (in directory "C:\\src"): CreateProcess error=2, The system cannot find the file specified',
        ),
      ),
    ).toBe('builder-missing');
    expect(await first('[INFO] I/O exception (java.io.IOException) caught when processing request to {}->unix://localhost:80: Permission denied')).toBe(
      'builder-missing',
    );
    // Jib's refused manifest is the registry's, not the compiler's.
    expect(
      await first(
        gradle(
          '> com.google.cloud.tools.jib.plugins.common.BuildStepsExecutionException: Tried to push image manifest for registry.acme.io/api:1.4 but failed because: Registry may not support pushing OCI Manifest or Docker Image Manifest Version 2, Schema 2',
        ),
      ),
    ).toBe('registry-push-failure');
    // Docker Desktop not running: the engine's named pipe, not a missing Dockerfile.
    const pipe =
      'error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version": open //./pipe/docker_engine: The system cannot find the file specified.';
    expect(await ids(pipe)).toEqual(['builder-missing']);
    // A client that could not read the Dockerfile it was to send says `error during connect` too: the Dockerfile is the cause.
    expect(
      await first(
        'docker build: error during connect: Post http://%2Fvar%2Frun%2Fdocker.sock/v1.35/build?t=api: creating docker context: getting relative tar paths: opening dockerfile: docker/Dockerfile: open docker/Dockerfile: no such file or directory',
      ),
    ).toBe('dockerfile-missing');
    // A `--secret` the CLI could not parse.
    expect(await first("ERROR: failed to parse csv secret: invalid field 'file' must be a key=value pair")).toBe('secret-missing');
    // An image whose configuration says another platform than the one pulled, and a builder that cannot build for the cluster's.
    expect(
      await first("WARNING: Pulled image with specified platform (linux/arm64), but the resulting image's configured platform (linux/amd64) does not match."),
    ).toBe('platform-mismatch');
    const skaffold = await diagnoseText(
      'Building [api]...\nTarget platforms: [linux/arm64]\nbuild [api] failed: builder for artifact "api" doesn\'t support building for target platforms: "linux/arm64". Supported platforms are "linux/amd64"',
      'x.log',
    );
    expect(skaffold.builds.length).toBe(1);
    expect(skaffold.findings[0]!.id).toBe('platform-mismatch');
    // The old daemon refusing to push a name without a namespace.
    expect(
      await first(
        '2016/03/02 10:11:12 You cannot push a "root" repository. Please rename your repository to docker.io/<user>/<repo> (ex: docker.io/acme/4f2a9c1)',
      ),
    ).toBe('invalid-tag');
    // The legacy CLI's unreadable context file, quoted or not.
    for (const line of [
      "error checking context: 'no permission to read from '/src/data/pg/postmaster.pid''.",
      'error checking context: no permission to read from /src/weights/model.bin',
    ])
      expect(await first(line)).toBe('copy-source-missing');
    // Conda's channel terms, which a non-interactive build cannot accept.
    expect(
      await first(
        [
          '#9 [3/6] RUN conda env create -f environment.yml',
          '#9 3.112 CondaToSNonInteractiveError: Terms of Service have not been accepted for the following channels. Please accept or remove them before proceeding:',
          '#9 3.112     - https://repo.anaconda.com/pkgs/main',
          '#9 ERROR: process "/bin/sh -c conda env create -f environment.yml" did not complete successfully: exit code: 1',
        ].join('\n'),
      ),
    ).toBe('package-install-failure');
    // Go in module mode with no go.mod: the code's layout, not a package that could not be fetched.
    expect(
      await first(
        [
          'Step 5/9 : RUN go get -d ./cmd/server/...',
          ' ---> Running in 1f2e3d4c5b6a',
          'go: cannot find main module, but found .git/config in /go/src/app',
          "The command '/bin/sh -c go get -d ./cmd/server/...' returned a non-zero code: 1",
        ].join('\n'),
      ),
    ).toBe('compile-error');
    // The JVM's HTTP clients and Hugging Face's hub when the network did not answer.
    for (const line of [
      'Build image failed: Connect to gcr.io/142.250.1.82:443 timed out',
      '[ERROR] Failed to execute goal: Could not transfer artifact x:y:pom:1.0 from/to central: Connect to repo.maven.apache.org:443 [repo.maven.apache.org/151.101.12.215] failed: Connect timed out',
      "#11 12.40 OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files",
    ])
      expect(await first(line)).toBe('network-timeout');
    // curl refused by a registry's API (Bazel's rules_oci); a 404 there is no refusal.
    expect(
      await first('Error in fail: Failed to fetch https://cgr.dev/v2/chainguard/static/manifests/latest curl: (22) The requested URL returned error: 401'),
    ).toBe('registry-auth-denied');
    expect(
      await ids('Error in fail: Failed to fetch https://cgr.dev/v2/chainguard/static/manifests/latest curl: (22) The requested URL returned error: 404'),
    ).not.toContain('registry-auth-denied');
    // An OCI artifact that is no image (a Helm chart); an image manifest an old engine cannot read is not that.
    expect(await first('latest: Pulling from acme/charts/api\nunsupported media type application/vnd.cncf.helm.config.v1+json')).toBe('manifest-unknown');
    for (const type of ['vnd.oci.image.manifest.v1+json', 'vnd.in-toto+json'])
      expect(await ids(`unsupported media type application/${type}`)).not.toContain('manifest-unknown');
    // logrus's warnings (the docker CLI's, compose's) are warnings; podman's last retry of a pull carries its error.
    const pull = [
      'api Pulling',
      'time="2024-03-19T09:29:33Z" level=warning msg="commandConn.CloseWrite: commandconn: failed to wait: signal: killed"',
      'Error response from daemon: Head "https://ghcr.io/v2/acme/api/manifests/staging": unauthorized',
    ].join('\n');
    expect(await first(pull)).toBe('registry-auth-denied');
    expect(
      await first(
        [
          'STEP 1/7: FROM docker.io/debian:bookworm',
          'time="2025-02-04T15:51:23-05:00" level=warning msg="Failed, retrying in 2s ... (3/3). Error: initializing source docker://debian:bookworm: reading manifest bookworm in docker.io/library/debian: toomanyrequests: You have reached your pull rate limit."',
        ].join('\n'),
      ),
    ).toBe('registry-rate-limit');
    // Codespaces' creation log stamps each line it relays (`2022-10-23 11:51:21.161Z: `): BuildKit's steps read through it.
    const codespace = await diagnoseText(
      [
        '2022-10-23 11:51:21.161Z: #11 [dev_container_auto_added_stage_label 2/2] RUN apt-get update && apt-get -y install gettext-base',
        '2022-10-23 11:51:22.000Z: #11 0.869 Err:6 http://archive.ubuntu.com/ubuntu hirsute Release',
        '2022-10-23 11:51:22.000Z: #11 0.869   404  Not Found [IP: 91.189.91.38 80]',
        "2022-10-23 11:51:22.500Z: #11 1.201 E: The repository 'http://archive.ubuntu.com/ubuntu hirsute Release' does not have a Release file.",
        '2022-10-23 11:51:22.600Z: #11 ERROR: process "/bin/sh -c apt-get update && apt-get -y install gettext-base" did not complete successfully: exit code: 100',
      ].join('\n'),
      'x.log',
    );
    expect(codespace.builds[0]!.build.steps.map((s) => s.name)).toEqual([
      '[dev_container_auto_added_stage_label 2/2] RUN apt-get update && apt-get -y install gettext-base',
    ]);
    expect(codespace.findings[0]!.id).toBe('package-install-failure');
  });

  it("what a review of this session's rules found: a cache import beside a failed step, compose's cache exports, advice that fits the registry, the tool and the cluster", async () => {
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    const change = async (text: string) => verdictOf(await diagnoseText(text, 'x.log')).change;
    // Plain progress: an import with its own error line, then a step that failed. BuildKit went on without the cache:
    // the step is the failure, the import a warning (compose's service prefix or none).
    const importThenStep = (prefix: string) =>
      [
        `#3 ${prefix}importing cache manifest from ghcr.io/acme/api:buildcache`,
        '#3 ERROR: failed to configure registry cache importer: ghcr.io/acme/api:buildcache: not found',
        '',
        `#7 [${prefix ? 'api ' : ''}4/4] RUN pip install --no-cache-dir -r requirements.txt`,
        '#7 2.105 ERROR: No matching distribution found for fastapi==9.9.9',
        '#7 ERROR: process "/bin/sh -c pip install --no-cache-dir -r requirements.txt" did not complete successfully: exit code: 1',
        '------',
        ` > ${prefix}importing cache manifest from ghcr.io/acme/api:buildcache:`,
        '------',
        '------',
        ` > [${prefix ? 'api ' : ''}4/4] RUN pip install --no-cache-dir -r requirements.txt:`,
        '2.105 ERROR: No matching distribution found for fastapi==9.9.9',
        '------',
        'ERROR: failed to solve: process "/bin/sh -c pip install --no-cache-dir -r requirements.txt" did not complete successfully: exit code: 1',
      ].join('\n');
    for (const prefix of ['', '[api] ']) {
      const findings = (await diagnoseText(importThenStep(prefix), 'x.log')).findings;
      expect(findings[0]!.id).toBe('package-install-failure');
      expect(findings.find((f) => f.id === 'cache-import-failure')?.severity).toBe('warning');
    }
    // The import alone is still the failure its own error line says.
    expect(
      (
        await ids(
          [
            '#7 [db] importing cache manifest from registry.acme.io/db:cache',
            '#7 ERROR: failed to configure registry cache importer: invalid reference format',
            '------',
            ' > [db] importing cache manifest from registry.acme.io/db:cache:',
            '------',
          ].join('\n'),
        )
      )[0],
    ).toBe('cache-import-failure');
    // An import that failed in a build that then ran every step: the cache advice says the import failed, not that
    // nothing matched what it read.
    const importOnly = [
      '#3 importing cache manifest from ghcr.io/acme/worker:cache',
      '#3 ERROR: failed to configure registry cache importer: ghcr.io/acme/worker:cache: not found',
      '',
      '#5 [2/3] WORKDIR /src',
      '#5 DONE 0.1s',
      '',
      '#6 [3/3] RUN go build -o /out/worker ./cmd/worker',
      '#6 DONE 41.3s',
      '',
      '#8 exporting to image',
      '#8 DONE 1.3s',
    ].join('\n');
    const miss = (await diagnoseText(importOnly, 'x.log')).findings.find((f) => f.id === 'cache-miss');
    expect(miss?.fix).toMatch(/^The cache import from `ghcr\.io\/acme\/worker:cache` failed, so no step could come from it/);
    expect(miss?.fix).not.toContain('nothing matched');
    // The importer's `not found` is the import's (nothing exported there yet), not a missing image as well.
    expect((await ids(importOnly)).sort()).toEqual(['cache-import-failure', 'cache-miss']);
    // Older BuildKit printed the importer's error bare: its `not found` is the import's too, and a 403 still says why.
    const bare = (error: string) => importOnly.replace(/failed to configure registry cache importer: .*/, error);
    expect((await ids(bare('ghcr.io/acme/worker:cache: not found'))).sort()).toEqual(['cache-import-failure', 'cache-miss']);
    expect(await ids(bare('unexpected status: 403 Forbidden'))).toContain('registry-auth-denied');
    // A step's own `ERROR: ...: not found` beside the import is not the import's.
    expect(
      await ids(importOnly.replace('#6 DONE 41.3s', '#6 ERROR: ghcr.io/acme/base:1.2: not found').replace('#8 exporting to image\n#8 DONE 1.3s', '')),
    ).toContain('manifest-unknown');
    // A compose service's registry cache export that failed: its advice leads; with ignore-error the build succeeded.
    const exportFailed = (prefix: string, ignored: boolean) =>
      [
        `#7 [${prefix ? 'worker ' : ''}4/4] RUN go build -o /out/worker ./cmd/worker`,
        '#7 DONE 41.3s',
        '',
        `#9 ${prefix}exporting cache to registry`,
        '#9 writing cache manifest sha256:7a8b9c 0.2s done',
        '#9 ERROR: error writing manifest blob: failed commit on ref "sha256:7a8b9c": unexpected status from PUT request to https://ghcr.io/v2/acme/worker/manifests/cache: 400 Bad Request',
        ...(ignored
          ? [' Service worker  Built']
          : [
              '------',
              ` > ${prefix}exporting cache to registry:`,
              '------',
              'failed to solve: error writing manifest blob: failed commit on ref "sha256:7a8b9c": unexpected status from PUT request to https://ghcr.io/v2/acme/worker/manifests/cache: 400 Bad Request',
            ]),
      ].join('\n');
    for (const prefix of ['', '[worker] ']) {
      expect(await change(exportFailed(prefix, false))).toMatch(/^The export that failed is a registry cache \(`type=registry`\)/);
      const ignored = await diagnoseText(exportFailed(prefix, true), 'x.log');
      expect(ignored.status).toBe('success');
    }
    // go-containerregistry's refusal names the registry, so that registry's advice leads, not GHCR's.
    const kaniko =
      'error building image: GET https://us-central1-docker.pkg.dev/v2/acme-prod/images/base/manifests/1.4: unsupported status code 403; body: {"errors":[{"code":"DENIED","message":"denied"}]}';
    expect((await diagnoseText(kaniko, 'x.log')).findings[0]!.title).toContain('us-central1-docker.pkg.dev');
    expect(await change(kaniko)).not.toContain('ghcr.io');
    // Python's cryptography prints OpenSSL's text too: no Node advice there.
    const python = [
      '#9 [4/5] RUN python scripts/import_certs.py certs/client.p12',
      "#9 0.813 cryptography.exceptions.InternalError: Unknown OpenSSL error. ([_OpenSSLErrorWithText(code=50856204, lib=6, reason=524556, reason_text=b'error:0308010C:digital envelope routines::unsupported')])",
      '#9 ERROR: process "/bin/sh -c python scripts/import_certs.py certs/client.p12" did not complete successfully: exit code: 1',
    ].join('\n');
    expect(await change(python)).not.toMatch(/Node|webpack/);
    // A Maven repository's 401 is the build's credentials for that repository, not a container registry's login.
    const gradle401 = [
      '#12 [build 4/6] RUN ./gradlew build --no-daemon',
      "#12 41.20 > Could not GET 'https://maven.pkg.github.com/acme/commons/commons-2.3.1.pom'. Received status code 401 from server: Unauthorized",
      '#12 ERROR: process "/bin/sh -c ./gradlew build --no-daemon" did not complete successfully: exit code: 1',
    ].join('\n');
    expect((await ids(gradle401))[0]).toBe('package-install-failure');
    expect(await change(gradle401)).toMatch(/^The dependency repository refused the build \(HTTP `401`\).*--mount=type=secret/);
    // bower's ENOGIT: advice for any installer that fetches with git, not only npm's.
    expect(await change('Step 9/12 : RUN bower install --allow-root\nbower jquery#^3.6.0             ENOGIT git is not installed or not in the PATH')).toMatch(
      /^The installer fetches packages with git/,
    );
    // tlmgr's older words, and advice of its own; pacman's too.
    const tlmgr = [
      '#7 [3/4] RUN tlmgr install collection-latexextra',
      '#7 0.642 tlmgr: Remote repository is newer than local (2018 < 2019)',
      '#7 ERROR: process "/bin/sh -c tlmgr install collection-latexextra" did not complete successfully: exit code: 1',
    ].join('\n');
    expect((await ids(tlmgr))[0]).toBe('package-install-failure');
    expect(await change(tlmgr)).toMatch(/historic\/systems\/texlive/);
    expect(await change('Step 2/5 : RUN pacman -Syu --noconfirm hugo\nerror: failed to initialize alpm library')).toMatch(/^pacman cannot open its database/);
    // The kubelet's unparsable reference names it, with the cluster's advice; GHCR's unknown installation its own.
    const kubelet = [
      '  Warning  InspectFailed  12s (x4 over 40s)  kubelet  Failed to apply default image tag "us-docker.pkg.dev/acme/api/api:4.59805e+07": couldn\'t parse image reference "us-docker.pkg.dev/acme/api/api:4.59805e+07": invalid reference format',
      '  Warning  Failed         12s (x4 over 40s)  kubelet  Error: InvalidImageName',
    ].join('\n');
    expect((await diagnoseText(kubelet, 'x.log')).findings[0]).toMatchObject({
      id: 'invalid-tag',
      title: expect.stringContaining('us-docker.pkg.dev/acme/api/api:4.59805e+07'),
    });
    // The reference's own flaw leads (enrich.ts); the cluster's advice follows it.
    expect(await change(kubelet)).toMatch(/^`us-docker\.pkg\.dev\/acme\/api\/api:4\.59805e\+07`: the tag `4\.59805e\+07` may only hold/);
    expect((await diagnoseText(kubelet, 'x.log')).findings[0]!.fix).toContain('quote a tag of digits');
    expect(await change('web-7d9c6b8f5d-x2x8q       0/1     InvalidImageName   0          5m')).toMatch(/^The cluster cannot parse the pod's image reference/);
    expect(await change('denied: permission_denied: The requested installation does not exist.')).toMatch(/^GHCR knows no such installation/);
    // CMake's title names the directory.
    expect(
      (
        await diagnoseText(
          '#11 [5/6] RUN cmake -S /opt/app -B /build\n#11 0.231 CMake Error: The source directory "/opt/app" does not appear to contain CMakeLists.txt.',
          'x.log',
        )
      ).findings[0]!.title,
    ).toContain('/opt/app');
  });

  it("a missing tag a cluster pulled is advised as the cluster's first; a build's missing base image is not", async () => {
    const kubelet =
      '  Warning  Failed     12s   kubelet  Failed to pull image "ghcr.io/acme/app:pr-12": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/app:pr-12": failed to resolve reference "ghcr.io/acme/app:pr-12": ghcr.io/acme/app:pr-12: not found';
    const pulled = (await diagnoseText(kubelet, 'pod.log')).findings[0]!;
    expect(pulled.id).toBe('manifest-unknown');
    expect(verdictOf(await diagnoseText(kubelet, 'pod.log')).change).toMatch(/^A cluster's node pulled it \(`Failed to pull image`\): the tag a chart/);
    const base = [
      '#3 [internal] load metadata for docker.io/library/node:99-alpine',
      '#3 ERROR: docker.io/library/node:99-alpine: not found',
      'ERROR: failed to solve: node:99-alpine: failed to resolve source metadata for docker.io/library/node:99-alpine: docker.io/library/node:99-alpine: not found',
    ].join('\n');
    const built = (await diagnoseText(base, 'base.log')).findings[0]!;
    expect(built.id).toBe('manifest-unknown');
    expect(built.fix).not.toContain("A cluster's node");
    expect(verdictOf(await diagnoseText(base, 'base.log')).change).toMatch(/^Check the reference/);
  });

  it('what train batches 189 to 195 showed: native binaries for another platform, Prisma without OpenSSL, turbo, Next.js prerendering, swarm services without an image, buildah, tools with no docker', async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0]!;
    const esbuild = [
      '#12 [builder 6/6] RUN npm run build',
      '#12 3.101 Error:',
      "#12 3.101 You installed esbuild for another platform than the one you're currently using.",
      '#12 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 1',
    ].join('\n');
    expect(await first(esbuild)).toMatchObject({ id: 'platform-mismatch', fix: expect.stringContaining('.dockerignore') });
    const swc =
      '#9 4.2 Error: Error loading shared library ld-linux-aarch64.so.1: No such file or directory (needed by /app/node_modules/@next/swc-linux-arm64-gnu/next-swc.linux-arm64-gnu.node)';
    expect((await first(swc)).id).toBe('platform-mismatch');
    const kind = 'ctr: content digest sha256:5c1bbd3c8e2a1f0a1b0f6f0c7d6c5e4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d: not found';
    expect(await first(kind)).toMatchObject({ id: 'platform-mismatch', fix: expect.stringContaining('kind load image-archive') });
    const prisma = '#14 2.310 Error: Unknown binaryTarget linux-musl-openssl-undefined and no custom engine files were provided';
    expect(await first(prisma)).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('OpenSSL') });
    const turbo = ['#7 [deps 3/3] RUN turbo prune web --docker', '#7 0.41 x Cannot prune without parsed lockfile.'].join('\n');
    expect(await first(turbo)).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('turbo') });
    const bundler =
      "/usr/local/lib/ruby/3.2.0/rubygems.rb:264:in `find_spec_for_exe': Could not find 'bundler' (2.1.4) required by your /srv/Gemfile.lock. (Gem::GemNotFoundException)";
    expect(await first(bundler)).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('gem install bundler -v') });
    expect((await first('pecl/redis requires PHP (version >= 7.4.0), installed version is 7.2.34')).id).toBe('package-install-failure');
    expect((await first('Your Pipfile.lock (8f2a41) is out of date. Expected: (c0ffee).')).id).toBe('package-install-failure');
    const wget = [
      'Step 5/9 : RUN wget -q http://example.org/dl/tool-1.2.tgz',
      ' ---> Running in 3f2a1b0c9d8e',
      'wget: server returned error: HTTP/1.1 404 Not Found',
    ].join('\n');
    expect((await first(wget)).id).toBe('package-install-failure');
    const next = [
      '#15 [builder 7/7] RUN npm run build',
      '#15 41.2 Error occurred prerendering page "/login". Read more: https://nextjs.org/docs/messages/prerender-error',
      '#15 41.9 > Export encountered errors on following paths:',
      '#15 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 1',
    ].join('\n');
    expect(await first(next)).toMatchObject({ id: 'compile-error', fix: expect.stringContaining('prerenders') });
    const swarm =
      'failed to create service shop_api: Error response from daemon: rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided';
    expect(await first(swarm)).toMatchObject({ id: 'invalid-tag', fix: expect.stringContaining('docker stack deploy') });
    const buildah = [
      '[2/2] STEP 3/4: COPY dist/app.jar /opt/app.jar',
      'Error: error building at STEP "COPY dist/app.jar /opt/app.jar": no files found matching "/workspace/dist/app.jar": no such file or directory',
    ].join('\n');
    expect(await first(buildah)).toMatchObject({ id: 'copy-source-missing', title: expect.stringContaining('/workspace/dist/app.jar') });
    const skaffold = 'build [web] failed: exec: "docker": executable file not found in $PATH. Docker build ran into internal error. Please retry.';
    expect((await first(skaffold)).id).toBe('builder-missing');
    // Maven's [WARNING] is a warning: Quarkus says it twice, a retry, and nothing else failed.
    const quarkus = '[WARNING] [io.quarkus.container.image.docker.deployment.DockerBuild] Could not connect to docker daemon!';
    expect((await first([quarkus, quarkus].join('\n'))).id).toBe('builder-missing');
    const dotnet =
      "/usr/share/dotnet/sdk/8.0.100/Containers/build/Microsoft.NET.Build.Containers.targets(202,5): error CONTAINER1016: Unable to access the repository 'team/base' in the registry 'registry.example.com'. Please confirm your credentials are correct.";
    expect(await first(dotnet)).toMatchObject({ id: 'registry-auth-denied', title: expect.stringContaining('registry.example.com') });
    expect(await first("Unable to find fallback package folder '/usr/share/dotnet/sdk/NuGetFallbackFolder'.")).toMatchObject({
      id: 'compile-error',
      fix: expect.stringContaining('obj/'),
    });
    expect((await first("Package 'oniguruma', required by 'virtual:world', not found")).id).toBe('compile-error');
    expect((await first('libxml2 is missing.  Please locate mkmf.log to investigate how it is failing.')).id).toBe('package-install-failure');
    const reset = [
      '#11 20.1 error /app/node_modules/@prisma/engines: Command failed.',
      '#11 20.1 Error: aborted',
      '#11 20.1     at connResetException (node:internal/errors:720:14)',
    ].join('\n');
    expect((await first(reset)).id).toBe('network-timeout');
  });

  it('what train batches 197 to 203 showed: no shell in the base image, an engine older than the image, plugins for another architecture, go.work, Compose v1 gone', async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0]!;
    const distroless = [
      'Step 2/4 : RUN mkdir -p /data',
      ' ---> Running in 1c2d3e4f5a6b',
      'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
    ].join('\n');
    expect(await first(distroless)).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('has no shell') });
    const seccomp = [
      'Step 6/9 : RUN make build',
      ' ---> Running in 0a1b2c3d4e5f',
      'make: go: Operation not permitted',
      'make: *** [Makefile:12: build] Error 127',
      "The command '/bin/sh -c make build' returned a non-zero code: 2",
    ].join('\n');
    expect(await first(seccomp)).toMatchObject({ id: 'builder-missing', fix: expect.stringContaining('faccessat2') });
    const plugin = 'Error response from daemon: dial unix /run/docker/plugins/4f9c2e1a/loki.sock: connect: no such file or directory';
    expect(await first(plugin)).toMatchObject({ id: 'platform-mismatch', fix: expect.stringContaining('docker plugin inspect') });
    const gowork = [
      '#12 [build 6/9] RUN go mod download',
      '#12 0.31 go: cannot load module libs/auth listed in go.work file: open libs/auth/go.mod: no such file or directory',
    ].join('\n');
    expect((await first(gowork)).id).toBe('compile-error');
    expect((await first('go: inconsistent vendoring in /src:')).id).toBe('compile-error');
    expect((await first("nvcc fatal   : Unsupported gpu architecture 'compute_90'")).id).toBe('compile-error');
    expect(await first('/home/runner/work/_temp/1a2b.sh: line 1: docker-compose: command not found')).toMatchObject({
      id: 'builder-missing',
      fix: expect.stringContaining('docker compose'),
    });
    expect(await first('Error response from daemon: mkdir /var/lib/docker/tmp/docker-builder1234: read-only file system')).toMatchObject({
      id: 'disk-full',
      fix: expect.stringContaining('read-only'),
    });
    expect((await first('ERROR: failed to find one or more images after execution of build steps: ["gcr.io/acme/api:1.2"]')).id).toBe('manifest-unknown');
    const eacces = ['#9 [5/7] RUN npm ci', '#9 1.2 npm ERR! code EACCES', "#9 1.2 npm ERR! Error: EACCES: permission denied, mkdir '/app/node_modules'"].join(
      '\n',
    );
    expect(await first(eacces)).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('--chown') });
    expect((await first('rails-7.1.0 requires ruby version >= 2.7.0, which is incompatible with the current version, ruby 2.6.10p210')).id).toBe(
      'package-install-failure',
    );
    expect((await first("The repository 'http://deb.debian.org/debian buster-backports Release' does not have a Release file.")).id).toBe(
      'package-install-failure',
    );
  });

  it("what train batches 205 and 207 showed: other builders' words for a parse error, an image the daemon lacks, a name without its transport", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0]!;
    const earthly =
      "Error: build target: build main: bkClient.Build: failed to solve: rpc error: code = Unknown desc = syntax error: line 3:4 mismatched input 'COPY' expecting NL";
    expect((await first(earthly)).id).toBe('dockerfile-parse-error');
    const pack =
      "ERROR: failed to build: failed to fetch builder image 'index.docker.io/acme/builder:jammy': image index.docker.io/acme/builder:jammy does not exist on the daemon: not found";
    expect((await first(pack)).id).toBe('manifest-unknown');
    expect((await first('Container "app" uses a "transport":"details" format.')).id).toBe('invalid-tag');
    expect((await first('[builder] npm rebuild failed: exit status 1')).id).toBe('package-install-failure');
  });

  it("what a review of this session's rules found: registries' answers through a plugin's API call, wget's refusals, glibc on musl, shells, plugins and disks that are not what they seem", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0]!;
    // Spring Boot relays the registry's answer through its Docker API call: the registry's, not a missing daemon.
    const relayed =
      'Docker API call to \'/var/run/docker.sock/v1.24/images/create?fromImage=ghcr.io%2Facme%2Fbuilder%3A1\' failed with status code 500 "Internal Server Error" and message "Head "https://ghcr.io/v2/acme/builder/manifests/1": unauthorized"';
    expect((await first(relayed)).id).toBe('registry-auth-denied');
    const noDaemon =
      'Docker API call to \'localhost/v1.24/images/create?fromImage=paketobuildpacks%2Fbuilder\' failed with status code 500 "com.sun.jna.LastErrorException: [2] No such file or directory"';
    expect((await first(noDaemon)).id).toBe('builder-missing');
    const wget = ['#7 [3/6] RUN wget -q -O /usr/local/bin/yq https://example.org/yq', '#7 0.61 wget: server returned error: HTTP/1.1 403 Forbidden'].join('\n');
    expect((await first(wget)).id).toBe('package-install-failure');
    const hugo = '#9 0.31 Error loading shared library ld-linux-x86-64.so.2: No such file or directory (needed by /usr/local/bin/hugo)';
    const libc = await first(hugo);
    expect(libc).toMatchObject({ id: 'platform-mismatch', fix: expect.stringContaining('gcompat') });
    expect(libc.fix).not.toContain('node_modules` out of the build context');
    // A read-only bind mount a container writes to is no disk of the daemon's.
    expect((await first('touch: /var/lib/docker/volumes/.probe: Read-only file system'))?.id).not.toBe('disk-full');
    // A legacy plugin's socket (no id directory) is a plugin not running, not one for another architecture.
    expect((await first('failed to create network: dial unix /run/docker/plugins/weave.sock: connect: no such file or directory'))?.id).not.toBe(
      'platform-mismatch',
    );
    // A project's own script refused (macOS's privacy controls) is no engine older than the image.
    expect((await first('make: ./scripts/gen-version.sh: Operation not permitted'))?.id).not.toBe('builder-missing');
    expect((await first('gmake: cc: Operation not permitted')).id).toBe('builder-missing');
    // Maven's [WARNING] does not outrank the error that followed it.
    const quarkus = [
      '[WARNING] [io.quarkus.container.image.docker.deployment.DockerBuild] Could not connect to docker daemon!',
      '[INFO] [io.quarkus.container.image.buildah.deployment.BuildahBuild] Building image with buildah',
      'Error: building at STEP "COPY target/quarkus-app/lib/ /deployments/lib/": checking on sources under "/work": copier: stat: "/target/quarkus-app/lib": no such file or directory',
    ].join('\n');
    expect(await first(quarkus)).toMatchObject({ id: 'copy-source-missing', title: expect.stringContaining('/target/quarkus-app/lib') });
    // docker-compose missing inside an image is no runner's Compose v1; Windows' words for the runner's are.
    expect((await first(['#8 [4/5] RUN make test', '#8 0.2 /bin/sh: 1: docker-compose: not found'].join('\n'))).fix).not.toContain("GitHub's hosted runners");
    expect((await first("'docker-compose' is not recognized as an internal or external command,")).id).toBe('builder-missing');
    const run =
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown.';
    expect((await first(run)).fix).toContain('exec form');
    const cache = ['#9 [5/6] RUN npm ci', '#9 1.1 npm ERR! code EACCES', '#9 1.1 npm ERR! path /.npm'].join('\n');
    expect((await first(cache)).fix).toContain('npm_config_cache');
    expect((await first('ERROR: failed to find one or more images after execution of build steps: ["gcr.io/acme/api:4f2a"]')).fix).toContain('images:');
    expect((await first('Invalid image name "app:1.2.0", expected colon-separated transport:reference')).fix).toContain('docker-daemon:');
    // Another tool's parser in a RUN step's output is no Earthfile, nor a Dockerfile that did not parse.
    const antlr = ['#14 [5/6] RUN ./gen-grammar', "#14 2.311 parse error: syntax error: line 3:14 mismatched input 'EMIT' expecting NL"].join('\n');
    // (The word model may still guess it, as a `Likely:` finding with its caveat: no signature claims it.)
    const parsed = await first(antlr);
    expect(parsed.id === 'dockerfile-parse-error' && !parsed.title.startsWith('Likely:')).toBe(false);
    expect((await first("nvcc fatal   : Unsupported gpu architecture 'compute_90'")).fix).toContain('CUDA 11.8');
    expect((await first("Could not find 'bundler' (2.4.22) required by your /app/Gemfile.lock. (Gem::GemNotFoundException)")).fix).toContain('2.4.22');
    expect((await first("error Yarn hasn't been able to find a cache folder it can use.")).fix).toContain('YARN_CACHE_FOLDER');
    expect((await first('go: cannot load module libs/auth listed in go.work file: open libs/auth/go.mod: no such file or directory')).fix).toContain(
      'GOWORK=off',
    );
  });

  it("this round's rules: installers in R, conda, rebar3 and Hex, their networks, Testcontainers' daemon, act's loader, cut warnings", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    // An `ADD <url>` whose fetch failed on the network is the network's; a source not there stays copy-source-missing.
    const addTls = [
      'Step 11/30 : ADD https://example.org/tini /usr/bin/tini',
      'ADD failed: Get https://example.org/tini: x509: certificate signed by unknown authority',
    ];
    expect((await first(addTls.join('\n')))?.id).toBe('network-timeout');
    expect(
      (await first(['Step 4/9 : ADD app.tar /srv', 'ADD failed: stat /var/lib/docker/tmp/docker-builder1/app.tar: no such file or directory'].join('\n')))?.id,
    ).toBe('copy-source-missing');
    // conda's 404 is a file the channel no longer has (moved to a `broken` label); its other HTTP errors are the network's.
    expect((await first('CondaHTTPError: HTTP 404 NOT FOUND for url <https://conda.anaconda.org/conda-forge/linux-64/glib-2.58.3-0.tar.bz2>'))?.id).toBe(
      'package-install-failure',
    );
    expect((await first('CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://repo.anaconda.com/pkgs/main/linux-64/current_repodata.json>'))?.id).toBe(
      'network-timeout',
    );
    // R's installers, libmamba's and rebar3's own words.
    expect((await first('------------------------- ANTICONF ERROR ---------------------------'))?.id).toBe('package-install-failure');
    expect((await first("Warning message:\ninstallation of package 'sf' had non-zero exit status"))?.id).toBe('package-install-failure');
    expect((await first('#9 28.82 critical libmamba pip failed to install packages'))?.id).toBe('package-install-failure');
    expect((await first('===> Failed to fetch and copy dep: {git,"https://github.com/acme/dep.git",{ref,"27a97e0"}}'))?.id).toBe('package-install-failure');
    expect((await first('Unable to correct problems, you have held broken packages.'))?.id).toBe('package-install-failure');
    // The networks of Hex, pub, mbedTLS and apt, before the installer's summary.
    const hex = [
      'Step 60/88 : RUN mix deps.get',
      'Request failed (:timeout)',
      '** (Mix) Package fetch failed and no cached copy available (https://repo.hex.pm/tarballs/x-0.9.0.tar)',
    ];
    expect((await first(hex.join('\n')))?.id).toBe('network-timeout');
    expect((await first('Could not install Hex because Mix could not download metadata at https://repo.hex.pm/installs/hex-1.x.csv.'))?.id).toBe(
      'network-timeout',
    );
    expect((await first('Step 1/4 : FROM google/dart-runtime\nIt looks like pub.dartlang.org is having some trouble.'))?.id).toBe('network-timeout');
    expect((await first('#0 1.470 │   exception = Cert verify failed: BADCERT_NOT_TRUSTED while requesting https://pkg.julialang.org/registries'))?.id).toBe(
      'network-timeout',
    );
    const apt = [
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/s/shared-mime-info/shared-mime-info_1.3-1_amd64.deb  Error reading from server. Remote end closed connection [IP: 151.101.2.132 80]',
      'E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?',
    ];
    expect((await first(apt.join('\n')))?.id).toBe('network-timeout');
    // Testcontainers finding no daemon at all is a missing engine, not the refused connections it tried.
    const tc = [
      '17:15:09.952 [main] ERROR o.t.d.DockerClientProviderStrategy - Could not find a valid Docker environment. Please check configuration. Attempted configurations were:',
      '17:15:09.952 [main] ERROR o.t.d.DockerClientProviderStrategy - WindowsClientProviderStrategy: failed with exception TimeoutException (Timeout waiting for result with exception). Root cause ConnectException (Connection refused: connect)',
    ];
    expect((await first(tc.join('\n')))?.id).toBe('builder-missing');
    // A loader for another architecture, bare, quoted, or as act prints a container's output.
    for (const line of [
      '| /lib64/ld-linux-x86-64.so.2: No such file or directory',
      "qemu-aarch64: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory",
    ])
      expect((await first(`${line}\nError: exit with \`FAILURE\`: 255`))?.id).toBe('platform-mismatch');
    // Docker's platform warning cut where a paste wrapped it is still read, not refused.
    const cut = await diagnoseText(
      "WARNING: The requested image's platform (linux/amd64) does not match the\n         detected host platform (linux/arm64/v8) and no specific platform was requested",
      'x.log',
    );
    expect(cut.builds.length).toBe(1);
    expect(cut.findings[0]?.id).toBe('platform-mismatch');
    // The old CLI's fatal line with nothing after it (a push that broke after its last layer) is a failure, never silence.
    const push = ['c77b18aca8c8: Pushing [==================================================>] 17.21 GB/17.21 GB', 'FATA[4215]'].join('\n');
    expect((await diagnoseText(push, 'x.log')).findings.length).toBeGreaterThan(0);
  });

  it("the second round's rules: a pull's server errors, a push's HEAD, aged-out installers, expired keys, IaC tools' words", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    // The daemon's answer to a pull (a mirror down) is the network's; the same status in a push's progress stays the push's.
    expect(
      (await first('$ docker pull mirror.example.org/library/echo:1.4\nError response from daemon: received unexpected HTTP status: 504 Gateway Time-out'))?.id,
    ).toBe('network-timeout');
    const push = [
      'The push refers to repository [registry.example.org/app]',
      '5d61935416b6: Pushing [==>   ] 12MB/90MB',
      'received unexpected HTTP status: 500 Internal Server Error',
    ];
    expect((await first(push.join('\n')))?.id).toBe('registry-push-failure');
    const head = [
      'The push refers to repository [1234.dkr.ecr.us-east-1.amazonaws.com/app]',
      '5d61935416b6: Pushed',
      `Head "https://1234.dkr.ecr.us-east-1.amazonaws.com/v2/app/blobs/sha256:${'8c'.repeat(32)}": Bad Gateway`,
    ];
    expect((await first(head.join('\n')))?.id).toBe('registry-push-failure');
    // A pull through a proxy that answered a page where the registry's JSON was expected is no push.
    const proxied =
      'Failed to pull image [error pulling image configuration: download failed after attempts=1: error parsing HTTP 400 response body: invalid character \'<\' looking for beginning of value: "<?xml version=\\"1.0\\"?><Error></Error>"]';
    expect((await first(proxied))?.id).toBe('network-timeout');
    expect((await first("error parsing HTTP 429 response body: invalid character 'R' looking for beginning of value"))?.id).toBe('registry-rate-limit');
    // curl's 4xx is a file that is not there; its 500, 502, 503 and 504 are the server's failure for a while, as the network's
    // (train excerpts of batches 221 and 579 are labelled so; an earlier review had read it as the download's).
    expect((await first('#7 0.644 curl: (22) The requested URL returned error: 503'))?.id).toBe('network-timeout');
    expect((await first('#7 0.644 curl: (22) The requested URL returned error: 404'))?.id).toBe('package-install-failure');
    expect((await first('  Certificate verification failed: The certificate is NOT trusted. The certificate chain uses expired certificate.'))?.id).toBe(
      'network-timeout',
    );
    // CentOS 6 past its end of life: yum's metadata error is the release's, not the network's.
    const yum = [
      'Error: Cannot retrieve repository metadata (repomd.xml) for repository: base. Please verify its path and try again',
      'YumRepo Error: All mirror URLs are not using ftp, http[s] or file.',
    ];
    expect((await first(yum.join('\n')))?.id).toBe('package-install-failure');
    // Installers that no longer support the image's runtime, and repository keys that expired.
    expect(
      (await first('Step 7/13 : RUN python2 /tmp/get-pip.py\nTraceback (most recent call last):\n  File "/tmp/get-pip.py", line 24226, in <module>'))?.id,
    ).toBe('package-install-failure');
    expect((await first("bundler requires RubyGems version >= 3.0.0. Try 'gem update --system' to"))?.id).toBe('package-install-failure');
    expect((await first('AssertionError: steem requires Python 3.6 or newer'))?.id).toBe('package-install-failure');
    expect((await first('The following signatures were invalid: EXPKEYSIG 23E7166788B63E1E Yarn Packaging <yarn@dan.cx>'))?.id).toBe('package-install-failure');
    // QEMU's 32-bit guest without the address space it asks for; SAM's words for no daemon; ECS pulling a repository never made.
    expect(
      (await first('Unable to reserve 0xf7000000 bytes of virtual address space for use as guest address space (check your virtual memory ulimit setting)'))
        ?.id,
    ).toBe('qemu-emulation');
    expect((await first("Building function 'TestFunction'\nDocker is not reachable"))?.id).toBe('builder-missing');
    const ecs =
      "CannotPullContainerError: Error response from daemon: repository 1234.dkr.ecr.us-west-2.amazonaws.com/assets not found: name unknown: The repository with name 'assets' does not exist in the registry with id '1234'";
    expect((await first(ecs))?.id).toBe('manifest-unknown');
    // A warning a signature knows, inside a CI job whose only other failure lines are the wrapper's, reads as it does alone:
    // the fallback does not come first quoting the wrapper's line (or the warning's own).
    const warning =
      "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested";
    const jenkins = (lines: string[]) =>
      ['[Pipeline] sh', '+ docker build -t app:42 .', ...lines, 'ERROR: script returned exit code 1', 'Finished: FAILURE'].join('\n');
    expect((await first(warning))?.id).toBe('platform-mismatch');
    expect((await first(jenkins([warning])))?.id).toBe('platform-mismatch');
    // With a failure line of its own that no signature knows, the failure is still the fallback's, before the warning.
    expect((await first(jenkins([warning, 'standard_init_linux.go:228: exec user process caused: no such file or directory'])))?.id).not.toBe(
      'platform-mismatch',
    );
  });

  it("the third round's rules: old BuildKit's bare parse error, apt's failed fetch, a builder without merge-op, debootstrap's chroot", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    // Docker 18.09's frontend printed its error bare: the build failed, it is not a success to say nothing of.
    const bare = [
      '#2 [internal] load build definition from Dockerfile',
      '#2 transferring dockerfile: 1.87kB done',
      '#2 DONE 0.0s',
      'failed to create LLB definition: Dockerfile parse error line 12: ARG requires exactly one argument',
    ];
    const parsed = await diagnoseText(bare.join('\n'), 'x.log');
    expect(parsed.status).toBe('failure');
    expect(parsed.findings[0]?.id).toBe('dockerfile-parse-error');
    // apt's numbered failed fetch is a failure line: a paste that ends on it is never without a finding.
    const apt = [
      'Step 11/17 : RUN apt-get -y update',
      ' ---> Running in 81a9b8dbe0d2',
      'Get:1 http://deb.debian.org/debian buster InRelease [121 kB]',
      'Err:2 http://security.debian.org/debian-security buster/updates',
    ];
    expect((await diagnoseText(apt.join('\n'), 'x.log')).findings.length).toBeGreaterThan(0);
    expect((await first('Requested experimental feature mergeop is not supported by build server'))?.id).toBe('builder-missing');
    expect((await first("WARNING unable to detect os for base image 'gazebo_ros2_control:latest', maybe the base image does not exist"))?.id).toBe(
      'manifest-unknown',
    );
    expect((await first('W: Failure trying to run: chroot "/pi-gen/work/stage0/rootfs" /bin/true'))?.id).toBe('qemu-emulation');
    const target = [
      '#12 [builder 3/8] RUN if [ "$TARGETPLATFORM" = "linux/arm64" ]; then make; else echo "$TARGETPLATFORM is not supported"; exit 1; fi',
      '#12 0.520 linux/amd64 is not supported',
      '#12 ERROR: process "/bin/sh -c if ..." did not complete successfully: exit code: 1',
    ];
    expect((await first(target.join('\n')))?.id).toBe('platform-mismatch');
  });

  it("what a review of this session's rules found: real errors behind a warning, network causes libmamba lists, tests that skip without Docker", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    // A script's own error in a CI job stays the failure, before a cache import's warning.
    const behindWarning = await first(
      "$ docker run --rm $IMAGE ./ci/smoke.sh\nWARNING: local cache import at /tmp/.buildx-cache not found due to err: could not read /tmp/.buildx-cache/index.json: open /tmp/.buildx-cache/index.json: no such file or directory\n./ci/smoke.sh: line 14: syntax error near unexpected token `fi'\nERROR: Job failed: exit code 1",
    );
    expect(behindWarning).toMatchObject({
      id: 'unknown',
      evidence: expect.arrayContaining([expect.objectContaining({ text: expect.stringContaining('syntax error') })]),
    });
    // libmamba's summary line before the reasons it lists: the reasons decide (a certificate, a timeout).
    expect(
      (
        await first(
          '#8 [3/4] RUN micromamba install -y -n base -f /tmp/SE3nv.yaml && micromamba clean --all --yes\n#8 0.912 critical libmamba Multiple errors occured:\n#8 0.912     Download error (60) SSL peer certificate or SSH remote key was not OK [https://conda.anaconda.org/conda-forge/noarch/repodata.json.zst]\n#8 0.912     SSL certificate problem: self-signed certificate in certificate chain\n#8 0.912     Subdir conda-forge/noarch not loaded!\n#8 ERROR: process "/bin/sh -c micromamba install -y -n base -f /tmp/SE3nv.yaml && micromamba clean --all --yes" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c micromamba install -y -n base -f /tmp/SE3nv.yaml && micromamba clean --all --yes" did not complete successfully: exit code: 1',
        )
      )?.id,
    ).toBe('network-timeout');
    // yum's certificate error before its metadata error; git's, with advice that a re-run will not help.
    expect(
      (
        await first(
          '#7 [2/6] RUN yum install -y jq\n#7 2.31 Loaded plugins: fastestmirror, ovl\n#7 3.02 https://download.example-corp.com/rhel7/repodata/repomd.xml: [Errno 14] curl#60 - "Peer\'s Certificate issuer is not recognized."\n#7 3.02 Trying other mirror.\n#7 3.05 Error: Cannot retrieve repository metadata (repomd.xml) for repository: corp-rhel7. Please verify its path and try again\n#7 ERROR: process "/bin/sh -c yum install -y jq" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c yum install -y jq" did not complete successfully: exit code: 1',
        )
      )?.id,
    ).toBe('network-timeout');
    const git = await first(
      '#9 [builder 4/7] RUN git clone --depth 1 https://github.com/acme/libfoo.git /src/libfoo\n#9 0.213 Cloning into \'/src/libfoo\'...\n#9 0.402 fatal: unable to access \'https://github.com/acme/libfoo.git/\': server certificate verification failed. CAfile: none CRLfile: none\n#9 ERROR: process "/bin/sh -c git clone --depth 1 https://github.com/acme/libfoo.git /src/libfoo" did not complete successfully: exit code: 128\nERROR: failed to solve: process "/bin/sh -c git clone --depth 1 https://github.com/acme/libfoo.git /src/libfoo" did not complete successfully: exit code: 128',
    );
    expect(git).toMatchObject({ id: 'network-timeout', fix: expect.stringContaining('update-ca-certificates') });
    // A registry the builder does not trust: the daemon's or BuildKit's trust, not the image's, and no promise a re-run helps.
    const registry = await first(
      '#5 ERROR: failed to do request: Head "https://registry.corp.example/v2/base/manifests/1": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    );
    expect(registry?.fix).toContain('buildkitd.toml');
    expect(registry?.fix).not.toContain('Usually transient');
    // The headline says what failed: no "timed out" for a certificate the builder does not trust.
    expect(registry?.title).toBe(
      'A network request failed during the build: the server\'s certificate is not trusted ("certificate signed by unknown authority")',
    );
    expect(git?.title).toBe('A network request failed during the build: the server\'s certificate is not trusted ("server certificate verification failed")');
    // pytest's skip reason is no missing daemon; Testcontainers inside `docker build` gets advice of its own.
    expect(
      (
        await first(
          '#10 [test 4/4] RUN pytest -q -rs\n#10 5.07 .......................................F..                              [100%]\n#10 5.09 =================================== FAILURES ===================================\n#10 5.09 ______________________________ test_parse_dates ______________________________\n#10 5.09 tests/unit/test_parse.py:41: in test_parse_dates\n#10 5.09     assert parse("2024-01-01").day == 2\n#10 5.09 E   AssertionError: assert 1 == 2\n#10 5.10 =========================== short test summary info ============================\n#10 5.10 SKIPPED [2] tests/integration/test_pg.py:18: Docker is not reachable\n#10 5.10 FAILED tests/unit/test_parse.py::test_parse_dates - AssertionError: assert 1 == 2\n#10 5.10 1 failed, 40 passed, 2 skipped in 4.31s\n#10 ERROR: process "/bin/sh -c pytest -q -rs" did not complete successfully: exit code: 1\n------\n > [test 4/4] RUN pytest -q -rs:\n5.10 SKIPPED [2] tests/integration/test_pg.py:18: Docker is not reachable\n5.10 FAILED tests/unit/test_parse.py::test_parse_dates - AssertionError: assert 1 == 2\n5.10 1 failed, 40 passed, 2 skipped in 4.31s\n------\nERROR: failed to solve: process "/bin/sh -c pytest -q -rs" did not complete successfully: exit code: 1',
        )
      )?.id,
    ).not.toBe('builder-missing');
    expect(
      await first(
        '#12 [build 5/5] RUN ./mvnw -B verify\n#12 38.77 [main] INFO org.testcontainers.dockerclient.DockerClientProviderStrategy - Loaded org.testcontainers.dockerclient.UnixSocketClientProviderStrategy from ~/.testcontainers.properties, will try it first\n#12 38.91 [main] ERROR org.testcontainers.dockerclient.DockerClientProviderStrategy - Could not find a valid Docker environment. Please check configuration. Attempted configurations were:\n#12 38.91 \tUnixSocketClientProviderStrategy: failed with exception InvalidConfigurationException (Could not find unix domain socket). Root cause NoSuchFileException (/var/run/docker.sock)\n#12 38.91 As no valid configuration was found, execution cannot continue.\n#12 39.20 [ERROR] Tests run: 4, Failures: 0, Errors: 4, Skipped: 0, Time elapsed: 0.61 s <<< FAILURE! - in com.acme.OrderRepositoryIT\n#12 39.20 java.lang.IllegalStateException: Could not find a valid Docker environment. Please see logs and check configuration\n#12 ERROR: process "/bin/sh -c ./mvnw -B verify" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c ./mvnw -B verify" did not complete successfully: exit code: 1',
      ),
    ).toMatchObject({ id: 'builder-missing', fix: expect.stringContaining('-DskipITs') });
    // curl's 503 is the server's failure for a while: the network's, as its 5xx from a registry or a package index is.
    expect(
      (
        await first(
          '#8 [3/5] RUN curl -fsSL https://downloads.example.com/tool-1.2.3.tar.gz -o /tmp/tool.tgz\n#8 0.412 curl: (22) The requested URL returned error: 503\n#8 ERROR: process "/bin/sh -c curl -fsSL https://downloads.example.com/tool-1.2.3.tar.gz -o /tmp/tool.tgz" did not complete successfully: exit code: 22\n------\n > [3/5] RUN curl -fsSL https://downloads.example.com/tool-1.2.3.tar.gz -o /tmp/tool.tgz:\n0.412 curl: (22) The requested URL returned error: 503\n------\nERROR: failed to solve: process "/bin/sh -c curl -fsSL https://downloads.example.com/tool-1.2.3.tar.gz -o /tmp/tool.tgz" did not complete successfully: exit code: 22',
        )
      )?.id,
    ).toBe('network-timeout');
    // An ADD cut short by the network, in another of Go's words.
    expect(
      (
        await first(
          'Step 3/8 : ADD https://releases.example.com/tool-1.2.3.tar.gz /tmp/\nADD failed: Get "https://releases.example.com/tool-1.2.3.tar.gz": unexpected EOF',
        )
      )?.id,
    ).toBe('network-timeout');
    // `ln` naming the loader's path is a directory missing; act's prefixed line is the loader missing.
    expect(
      (
        await first(
          '#7 [3/6] RUN ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2\n#7 0.214 ln: /lib64/ld-linux-x86-64.so.2: No such file or directory\n#7 ERROR: process "/bin/sh -c ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c ln -s /lib/libc.musl-x86_64.so.1 /lib64/ld-linux-x86-64.so.2" did not complete successfully: exit code: 1',
        )
      )?.id,
    ).not.toBe('platform-mismatch');
    expect(
      (
        await first(
          "[CI/build] ⭐ Run Main Run tool\n[CI/build]   🐳  docker exec cmd=[bash --noprofile --norc -e -o pipefail /var/run/act/workflow/2] user= workdir=\n[CI/build]   | /lib64/ld-linux-x86-64.so.2: No such file or directory\n[CI/build]   ❌  Failure - Main Run tool\n[CI/build] exitcode '255': failure",
        )
      )?.id,
    ).toBe('platform-mismatch');
    // QEMU 5's wording; BuildKit's capability errors with a description or two blanks.
    expect(
      (
        await first(
          'Unable to reserve 0xffff0000 bytes of virtual address space at 0x1000 (Success) for use as guest address space (check your virtual memory ulimit setting, min_mmap_addr or reserve less using -R option)',
        )
      )?.id,
    ).toBe('qemu-emulation');
    expect(
      (
        await first(
          '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\nERROR: failed to solve: requested experimental feature mount.type.secret (secret mounts) is not supported by build server, please update docker',
        )
      )?.id,
    ).toBe('builder-missing');
    expect(
      (
        await first(
          '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\nERROR: failed to solve: requested experimental feature exec.secretenv  is not supported by build server, please update buildkit',
        )
      )?.id,
    ).toBe('builder-missing');
    // Docker's platform warning cut where a paste wrapped it: an Arm image on an x86 host that no emulator ran (`exec format
    // error`) has no variant for the host, as in the other direction (batches 579 to 593's rules).
    expect(
      (
        await first(
          "$ docker run --rm myorg/tool:1.4 --version\nWARNING: The requested image's platform (linux/arm64/v8) does not match the\ndetected host platform (linux/amd64) and no specific platform was requested\nexec /usr/local/bin/tool: exec format error\nERROR: Job failed: exit code 1",
        )
      )?.id,
    ).toBe('platform-mismatch');
    // apt's failed fetch of an ignored repository is no failure line: the smoke test after it is quoted.
    const apt = await first(
      '$ apt-get update -qq\nErr:3 https://packages.example.org/debian bookworm InRelease\n  403  Forbidden [IP: 10.20.30.40 443]\nW: Some index files failed to download. They have been ignored, or old ones used instead.\n$ ./scripts/smoke.sh\nsmoke test failed: GET http://localhost:8080/healthz returned 500\nERROR: Job failed: exit code 1',
    );
    expect(apt?.evidence.some((e) => e.text.includes('smoke test failed'))).toBe(true);
  });

  it('the rules of train batches 231 to 237: GoReleaser and ko, yarn and node-gyp, Rosetta, a Playwright download, a node out of disk', async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    const ids = async (text: string) => (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    // `docker manifest create` naming a per-platform image that was never pushed.
    const manifest = await first(
      '   • creating docker manifest  images=[ghcr.io/acme/tool:v1.2.0-amd64 ghcr.io/acme/tool:v1.2.0-arm64] manifest=ghcr.io/acme/tool:v1.2.0\n   ⨯ release failed after 3.10s error=docker manifests: failed to publish artifacts: failed to create docker manifest: ghcr.io/acme/tool:v1.2.0:\nno such manifest: ghcr.io/acme/tool:v1.2.0-amd64\n: exit status 1',
    );
    expect(manifest).toMatchObject({ id: 'manifest-unknown', title: 'An image or tag does not exist: ghcr.io/acme/tool:v1.2.0-amd64' });
    // A registry's NAME_UNKNOWN answering a read is a repository that does not exist; the same code answering a push stays the push's.
    expect(
      (
        await first(
          '2024/02/01 10:00:00 reading tags for ghcr.io/acme/app: GET https://ghcr.io/v2/acme/app/tags/list?n=1000: NAME_UNKNOWN: repository name not known to registry',
        )
      )?.id,
    ).toBe('manifest-unknown');
    expect(
      (
        await first(
          "The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/app]\n5f70bf18a086: Preparing\nname unknown: The repository with name 'app' does not exist in the registry with id '123456789012'",
        )
      )?.id,
    ).toBe('registry-push-failure');
    // go-containerregistry finding no variant of the base image for the platform it builds.
    expect(
      await first(
        'Error: failed to publish images: error building "ko://example.com/cmd/server": no child with platform darwin/arm64 in index cgr.dev/chainguard/static:latest',
      ),
    ).toMatchObject({ id: 'platform-mismatch', title: 'No image for the requested platform (darwin/arm64)' });
    // Rosetta's crash of an emulated compiler comes before the compiler's own errors.
    expect(
      (
        await first(
          '#12 [linux/amd64 builder 5/7] RUN make -j4\n#12 301.2 assertion failed [result.value != EEXIST]: VmTracker attempted to allocate existing mapping\n#12 301.2 (ThreadContextVm.cpp:47 mmap)\n#12 301.4 cc: internal compiler error: Trace/breakpoint trap signal terminated program cc1\n#12 301.5 make: *** [Makefile:20: src/main.o] Error 4\n#12 ERROR: process "/bin/sh -c make -j4" did not complete successfully: exit code: 2',
        )
      )?.id,
    ).toBe('qemu-emulation');
    // A native module's build without node-gyp.
    expect(
      (
        await first(
          "Step 6/9 : RUN npm ci\n ---> Running in 1a2b3c4d5e6f\nsh: 1: node-gyp: not found\nThe command '/bin/sh -c npm ci' returned a non-zero code: 127",
        )
      )?.id,
    ).toBe('package-install-failure');
    // Playwright's browser download cut short is the network's.
    expect(
      (
        await first(
          '#8 [4/6] RUN npx playwright install chromium\n#8 9.12 Error: Download failed: size mismatch, file size: 1048576, expected size: 160170704 URL: https://playwright.azureedge.net/builds/chromium/1097/chromium-linux.zip\n#8 ERROR: process "/bin/sh -c npx playwright install chromium" did not complete successfully: exit code: 1',
        )
      )?.id,
    ).toBe('network-timeout');
    // A node whose disk filled while it unpacked the image: the pull says so, with the node's advice, not the runner's.
    const pull = await first(
      'Warning  Failed     12s   kubelet  Failed to pull image "ghcr.io/acme/e2e:1.4": failed to pull and unpack image "ghcr.io/acme/e2e:1.4": failed to extract layer sha256:ba314c14dc6d1f56b259ac2195601b3ce7c1da6d2a7ba35c1766cead711a61a7: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/61/fs/usr/lib/libLLVM.so: no space left on device: unknown\nWarning  Failed     12s   kubelet  Error: ErrImagePull',
    );
    expect(pull).toMatchObject({
      id: 'image-pull-backoff',
      title: 'Kubernetes could not pull the image ghcr.io/acme/e2e:1.4: the node ran out of disk space (no space left on device)',
      fix: expect.stringContaining('imageGCHighThresholdPercent'),
    });
    expect(pull?.fix).not.toContain('/usr/share/dotnet');
    // gRPC's message-size limit in the CRI's words is no disk.
    expect(
      await ids(
        'Failed to pull image "registry.example.com/acme/api:4.2.0": rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4195304 vs. 4194304)',
      ),
    ).toEqual(['image-pull-backoff']);
  });

  it('the rules of train batches 239 to 253: pip, mamba, Meteor and PHP installers, Meson and CMake, Composer, old clients', async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    const id = async (text: string) => (await first(text))?.id;
    // pip 22's own box around a wheel it could not build; setuptools refusing a dependency's requirement list.
    expect(
      await id(
        '#9 [4/6] RUN pip install -r requirements.txt\n#9 41.20   × Building wheel for pyinstaller (pyproject.toml) did not run successfully.\n#9 41.20   │ exit code: 1\n#9 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
      ),
    ).toBe('package-install-failure');
    expect(
      await id(
        "Step 5/9 : RUN pip install -r requirements.txt\n ---> Running in 0f1e2d3c4b5a\n    error in legacy-tool setup command: 'install_requires' must be a string or list of strings containing valid project/version requirement specifiers\nThe command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1",
      ),
    ).toBe('package-install-failure');
    // mamba's solver, in its summary's words and its tree's.
    for (const line of ['Could not solve for environment specs', '#7 9.12 └─ python 3.12**  is uninstallable because there are no viable options']) {
      expect(
        await id(
          `#7 [3/5] RUN mamba install -y -c conda-forge python=3.12 pyfoo=1.0\n${line}\n#7 ERROR: process "/bin/sh -c mamba install -y -c conda-forge python=3.12 pyfoo=1.0" did not complete successfully: exit code: 1`,
        ),
      ).toBe('package-install-failure');
    }
    // Meteor's solver; docker-php-ext-install asked for an extension the php image no longer bundles.
    expect(
      await id(
        "=> Errors while initializing project:\n\nWhile selecting package versions:\nerror: unknown package: acme:payments-legacy\nRequired by: acme:checkout 2.0.1\nThe command '/bin/sh -c meteor build /out' returned a non-zero code: 1",
      ),
    ).toBe('package-install-failure');
    expect(
      await id(
        "Step 4/8 : RUN docker-php-ext-install mcrypt pdo_mysql\n ---> Running in 9a8b7c6d5e4f\nerror: /usr/src/php/ext/mcrypt does not exist\nThe command '/bin/sh -c docker-php-ext-install mcrypt pdo_mysql' returned a non-zero code: 1",
      ),
    ).toBe('package-install-failure');
    // Meson's missing library and a CMake older than the project needs are the build's own (compile-error), even alone.
    expect(
      await id(
        '#11 [build 6/8] RUN meson setup build\n#11 2.31 src/meson.build:12:0: ERROR: Dependency "libusb-1.0" not found, tried pkgconfig\n#11 ERROR: process "/bin/sh -c meson setup build" did not complete successfully: exit code: 1',
      ),
    ).toBe('compile-error');
    expect(await id('CMake 3.20 or higher is required.  You are running version 3.16.3')).toBe('compile-error');
    // PHP's own memory limit: the fix names it, not only the kernel's killer.
    const php = await first(
      '#6 [3/3] RUN composer install --no-dev\n#6 3.12 PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4096 bytes) in phar:///usr/bin/composer/src/Composer/DependencyResolver/Solver.php on line 223\n#6 ERROR: process "/bin/sh -c composer install --no-dev" did not complete successfully: exit code: 255',
    );
    expect(php).toMatchObject({ id: 'oom-killed', fix: expect.stringContaining('COMPOSER_MEMORY_LIMIT=-1') });
    // An old client's word for a manifest list without its platform.
    expect(await id('$ docker pull rabbitmq:3-management\n3-management: Pulling from library/rabbitmq\nno supported platform found in manifest list')).toBe(
      'platform-mismatch',
    );
    // Not Compose's `--profile` as a missing builder (kubectl's own flag error is the same line), nor Composer's timeout line
    // the cause (a warning it recovers from: its solver's problem is the failure).
    expect((await first("error: unknown flag: --profile\nSee 'kubectl debug --help' for usage."))?.data?.role).not.toBe('root-cause');
    expect(
      await id(
        '#8 [4/6] RUN composer install --no-dev\n#8 20.1 A connection timeout was encountered. If you intend to run Composer without connecting to the internet, run the command again prefixed with COMPOSER_DISABLE_NETWORK=1 to make Composer run in offline mode.\n#8 25.3 Your lock file does not contain a compatible set of packages. Please run composer update.\n#8 25.3   Problem 1\n#8 25.3     - symfony/console v7.0.4 requires php >=8.2 -> your php version (8.1.27) does not satisfy that requirement.\n#8 ERROR: process "/bin/sh -c composer install --no-dev" did not complete successfully: exit code: 2',
      ),
    ).toBe('package-install-failure');
  });

  it("what a review of this session's rules found: each new wording with the advice its cause needs", async () => {
    const first = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    const step = (command: string, lines: string[], code = 1) => failedRun(command, lines.join('\n'), code);
    // Rosetta's crash: turn Rosetta off or build natively, not "register QEMU".
    const rosetta = await first(
      step('make -j4', ['assertion failed [block != nullptr]: BasicBlock requested for unrecognized address', 'Trace/breakpoint trap'], 133),
    );
    expect(rosetta).toMatchObject({ id: 'qemu-emulation', fix: expect.stringMatching(/^- Rosetta, not QEMU/m) });
    expect(
      verdictOf(
        await diagnoseText(step('make -j4', ['assertion failed [result.value != EEXIST]: VmTracker attempted to allocate existing mapping'], 133), 'x.log'),
      ).change,
    ).toMatch(/Rosetta/);
    // npm's and curl's certificate words name the untrusted certificate in the headline, with the CA advice.
    const npm = await first(
      step('npm ci', [
        'npm ERR! code SELF_SIGNED_CERT_IN_CHAIN',
        'npm ERR! errno SELF_SIGNED_CERT_IN_CHAIN',
        'npm ERR! request to https://registry.npmjs.org/react failed, reason: self-signed certificate in certificate chain',
      ]),
    );
    expect(npm).toMatchObject({ id: 'network-timeout', title: expect.stringContaining('certificate is not trusted ("SELF_SIGNED_CERT_IN_CHAIN")') });
    const curl = await first(
      step('curl -fsSL https://example.org/install.sh -o /tmp/i.sh', ['curl: (60) SSL certificate problem: unable to get local issuer certificate'], 60),
    );
    expect(curl?.title).toContain('("SSL certificate problem: unable to get local issuer certificate")');
    expect(curl?.fix).toContain('update-ca-certificates');
    // Old curl's wording, without a colon, as git printed it.
    expect(
      (
        await first(
          step(
            'git clone https://git.example.org/acme/lib.git',
            ["fatal: unable to access 'https://git.example.org/acme/lib.git/': SSL certificate problem, verify that the CA cert is OK"],
            128,
          ),
        )
      )?.title,
    ).toContain('("SSL certificate problem")');
    // A CMake too old, and CMake 4 too new for an old project: each its own advice, not a missing -dev package.
    const old = await first(
      step('cmake -S . -B build', [
        'CMake Error at CMakeLists.txt:1 (cmake_minimum_required):',
        '  CMake 3.20 or higher is required.  You are running version 3.16.3',
      ]),
    );
    expect(old).toMatchObject({ id: 'compile-error', fix: expect.stringContaining('pip install cmake') });
    const four = await first(
      step('cmake -S vendor/yaml-cpp -B /tmp/y', [
        'CMake Error at CMakeLists.txt:2 (cmake_minimum_required):',
        '  Compatibility with CMake < 3.5 has been removed from CMake.',
      ]),
    );
    expect(four?.fix).toContain('CMAKE_POLICY_VERSION_MINIMUM=3.5');
    // docker manifest create: push first, --insecure for plain HTTP.
    const manifest = await first('$ docker manifest create 10.0.0.5:5000/app:1 10.0.0.5:5000/app:1-amd64\nno such manifest: 10.0.0.5:5000/app:1-amd64');
    expect(manifest).toMatchObject({ id: 'manifest-unknown', fix: expect.stringContaining('--insecure') });
    // A host OS asked for: set the platform to linux.
    const darwin = await first(
      'Error: failed to publish images: error building "ko://example.com/cmd/app": no child with platform darwin/arm64 in index cgr.dev/chainguard/static:latest',
    );
    expect(darwin?.fix).toContain('--platform=linux/arm64');
    expect((await first('no child with platform linux/riscv64 in index gcr.io/distroless/static:nonroot'))?.fix).not.toContain('its host');
    // The php images' missing extension source; setuptools refusing a dependency's metadata; node-gyp on Windows.
    expect((await first(step('docker-php-ext-install mcrypt', ['error: /usr/src/php/ext/mcrypt does not exist'])))?.fix).toMatch(
      /^- The php image does not carry/m,
    );
    const setuptools = await first(
      step('pip install gym==0.21.0', [
        "    error in gym setup command: 'extras_require' must be a dictionary whose values are strings or lists of strings containing valid project/version requirement specifiers.",
      ]),
    );
    expect(setuptools).toMatchObject({ id: 'package-install-failure', fix: expect.stringMatching(/^- A package's own requirement list/m) });
    expect((await first(step('npm ci', ["'node-gyp' is not recognized as an internal or external command,"])))?.id).toBe('package-install-failure');
    // PHP's own limit: "ran out of memory", with PHP's advice first; exit code 137 still says it was killed.
    const php = await first(step('vendor/bin/phpstan analyse', ['PHPStan process crashed because it reached configured PHP memory limit: 128M'], 255));
    expect(php).toMatchObject({
      id: 'oom-killed',
      title: 'A build step ran out of memory',
      fix: expect.stringMatching(/^- PHP stopped at its own memory limit/m),
    });
    expect((await first(step('cargo build --release', ['error: could not compile `app`', 'Killed'], 137)))?.title).toBe(
      'A build step ran out of memory and was killed (exit code 137)',
    );
  });

  it('the rules of train batches 255 to 261: old clients and GPUs, apt pins, yarn workspaces, vcpkg, a configured Dockerfile path', async () => {
    // --gpus on a docker CLI older than 19.03, and on docker build, which never had it: the CLI's advice, not buildx's.
    const gpus = await full("$ docker run --rm --gpus all nvidia/cuda:12.4.1-base-ubuntu22.04 nvidia-smi\nunknown flag: --gpus\nSee 'docker run --help'.");
    expect(gpus).toMatchObject({
      id: 'builder-missing',
      title: 'The docker CLI refused --gpus, a flag of docker run only (Docker 19.03 and later)',
      fix: expect.stringMatching(/^- The docker CLI refused `--gpus`: it is a flag of `docker run` only/),
    });
    // Neither the builder's headline nor its advice (setup-buildx-action, stale builders) applies.
    expect(gpus?.fix).not.toMatch(/buildx builder|setup-buildx-action|docker buildx rm/);
    expect(await first("unknown flag: --gpu\nSee 'docker run --help'.")).not.toBe('builder-missing');
    // NVIDIA's old wrapper gone: the toolkit's `--gpus`, not a compiler's error.
    const wrapper = await full('nvidia-docker run -it --rm app:gpu\n/bin/sh: 1: nvidia-docker: not found\nmake: *** [run-gpu] Error 127');
    expect(wrapper).toMatchObject({
      id: 'builder-missing',
      title: "nvidia-docker is not installed (NVIDIA's deprecated wrapper)",
      fix: expect.stringMatching(/^- `nvidia-docker` is not installed/),
    });
    // apt's one unmet dependency, quoted alone or in the step.
    expect(await first(' libcudnn8-dev : Depends: libcudnn8 (= 8.9.7.29-1+cuda12.2) but 8.9.7.29-1+cuda11.8 is to be installed')).toBe(
      'package-install-failure',
    );
    expect(
      await first(
        failedRun('apt-get install -y ros-humble-desktop', ' ros-humble-desktop : Depends: ros-humble-rviz2 but it is not going to be installed', 100),
      ),
    ).toBe('package-install-failure');
    // yarn asked for a workspace that is gone (1.x and 2+), vcpkg's port, npm 3's rename across layers.
    expect(await first(failedRun('yarn workspace api install', 'error Unknown workspace "api".'))).toBe('package-install-failure');
    expect(await first(failedRun('yarn workspace web build', 'Usage Error: Workspace not found (web)'))).toBe('package-install-failure');
    expect(await first(failedRun('vcpkg install', 'error: building openssl:x64-linux failed with: BUILD_FAILED'))).toBe('package-install-failure');
    expect(await first(failedRun('npm install', 'npm ERR! code EXDEV\nnpm ERR! syscall rename'))).toBe('package-install-failure');
    // A build tool's configured Dockerfile path that is not there.
    expect(
      await first(
        '[error]: Build step io.quarkus.container.image.docker.deployment.DockerProcessor#dockerBuildFromJar threw an exception: java.lang.IllegalArgumentException: Specified Dockerfile path /work/app/src/main/docker/Dockerfile.native does not exist',
      ),
    ).toBe('dockerfile-missing');
    // Docker 1.x's pull over the v1 protocol, and a manifest URL a tool's own GET found missing.
    const v1 = await full("Unable to find image 'acme/tool:latest' locally\nPulling repository docker.io/acme/tool\ndocker: Error: image acme/tool not found.");
    expect(v1).toMatchObject({ id: 'manifest-unknown', title: expect.stringContaining('acme/tool') });
    expect(
      await first(
        "ERROR: An error occurred during the fetch of repository 'base':\nDownload from https://ghcr.io/v2/acme/base/manifests/sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef failed: GET returned 404 Not Found",
      ),
    ).toBe('manifest-unknown');
  });

  it("the rules of train batches 263 to 277: Clojure, node-gyp spawned, Deno's lock, rustup components, Python's docker, masked registries", async () => {
    // Clojure's compiler is the build's own code.
    expect(await first(failedRun('lein uberjar', 'Syntax error compiling at (acme/core.clj:42:1).\nUnable to resolve symbol: frob in this context'))).toBe(
      'compile-error',
    );
    // node-gyp spawned by an install script but not in the image; Deno's lock refusing a changed module.
    expect(await first(failedRun('yarn install --frozen-lockfile', 'error /app/node_modules/deasync: Command failed.\nError: spawn node-gyp ENOENT'))).toBe(
      'package-install-failure',
    );
    const deno = (
      await diagnoseText(
        failedRun(
          'deno cache main.ts',
          'error: The source code is invalid, as it does not match the expected hash in the lock file.\n  Specifier: https://deno.land/x/oak@v12.6.1/mod.ts',
        ),
        'x.log',
      )
    ).findings[0];
    expect(deno).toMatchObject({ id: 'package-install-failure', fix: expect.stringMatching(/^- Deno's lock file no longer matches/m) });
    // A rustup component the toolchain lacks is what the image must install, not the crate's code.
    expect(
      await first(
        failedRun(
          'cargo build --release',
          "error: failed to run custom build command for `app v0.1.0 (/app)`\n  error: 'clippy-driver' is not installed for the toolchain '1.75.0-x86_64-unknown-linux-gnu'",
          101,
        ),
      ),
    ).toBe('package-install-failure');
    // A script that ran apt-get, reported by Python's subprocess.
    expect(await first("subprocess.CalledProcessError: Command '['apt-get', 'install', '-y', 'libpq-dev']' returned non-zero exit status 100.")).toBe(
      'package-install-failure',
    );
    // Another program's 100 is not apt's (dnf check-update says updates are available with it).
    for (const command of ["['./bin/validate', '--strict', 'schemas/']", "['dnf', '-q', 'check-update']"]) {
      expect(await first(`subprocess.CalledProcessError: Command '${command}' returned non-zero exit status 100.`)).not.toBe('package-install-failure');
    }
    expect(await first("subprocess.CalledProcessError: Command 'make' returned non-zero exit status 1000.")).not.toBe('package-install-failure');
    // A Python library that runs `docker build` where there is no docker CLI; not another program's missing file.
    const python = (await diagnoseText("FileNotFoundError: [Errno 2] No such file or directory: 'docker': 'docker'", 'x.log')).findings[0];
    expect(python).toMatchObject({ id: 'builder-missing', title: expect.stringContaining('the docker CLI is not installed') });
    expect(await first("FileNotFoundError: [Errno 2] No such file or directory: 'dockerfile.yaml'")).not.toBe('builder-missing');
    // Named once, the file is any path, a directory named docker too (`os.chdir("docker")`); the CLI's full path is the CLI.
    expect(await first(failedRun('python build.py', '    os.chdir("docker")\nFileNotFoundError: [Errno 2] No such file or directory: \'docker\''))).not.toBe(
      'builder-missing',
    );
    expect(await first("FileNotFoundError: [Errno 2] No such file or directory: '/usr/bin/docker': '/usr/bin/docker'")).toBe('builder-missing');
    // A base image's metadata step that found no such tag, also with the registry masked as a secret; not a COPY's source.
    for (const ref of ['registry.example.com/team/base:1.2', '***/team/base:1.2']) {
      expect(await first(`#4 [internal] load metadata for ${ref}\n#4 ERROR: ${ref}: not found`)).toBe('manifest-unknown');
    }
    expect(await first('#9 ERROR: failed to calculate checksum of ref 4f2a: "/app/dist": not found')).not.toBe('manifest-unknown');
  });

  it("a network failure's advice to re-run is left out beside an untrusted certificate's, which says a re-run will not help", async () => {
    const fixOf = async (text: string) => (await diagnoseText(text, 'x.log')).findings[0];
    const cert = await fixOf(
      failedRun(
        'npm ci',
        'npm ERR! code SELF_SIGNED_CERT_IN_CHAIN\nnpm ERR! request to https://registry.npmjs.org/express failed, reason: self-signed certificate in certificate chain',
      ),
    );
    expect(cert).toMatchObject({ id: 'network-timeout', fix: expect.stringContaining('a re-run will not help') });
    expect(cert?.fix).not.toContain('usually transient');
    const timeout = await fixOf(
      failedRun(
        'apt-get update',
        'E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Could not connect to deb.debian.org:80 (151.101.2.132), connection timed out',
        100,
      ),
    );
    expect(timeout?.fix).toMatch(/^- A timeout or a dropped connection is usually transient: re-run the job/m);
    expect(timeout?.fix).not.toContain('!${');
  });

  it("what a review of this session's rules found: a push's 404, Deno's network and lock, advice of their own, other versions' words", async () => {
    // A push's PUT of a manifest answered 404 is the push's; a read's 404 names the repository it asked for.
    expect(
      await first(
        '#15 ERROR: failed to push harbor.example.com/nonexistent-project/api:1.0.0: unexpected status from PUT request to https://harbor.example.com/v2/nonexistent-project/api/manifests/1.0.0: 404 Not Found',
      ),
    ).toBe('registry-push-failure');
    const read = await full(
      'Error: HEAD https://gitlab.com/v2/acme/tools/manifests/1.4.0: unexpected status code 404 Not Found (HEAD responses have no body, use GET for details)',
    );
    expect(read).toMatchObject({ id: 'manifest-unknown', title: 'An image or tag does not exist: acme/tools' });
    // Deno's lock: its own advice, in Deno 1's and Deno 2's words.
    for (const line of [
      'error: The source code is invalid, as it does not match the expected hash in the lock file.',
      'error: Integrity check failed for package: "npm:chalk@5.3.0". Unable to verify that the package',
      'error: The lockfile is out of date. Run `deno install --frozen=false`, or rerun with `--frozen=false` to update it.',
    ]) {
      const deno = await full(failedRun('deno cache main.ts', line));
      expect(deno).toMatchObject({ id: 'package-install-failure', fix: expect.stringMatching(/^- Deno's lock file no longer matches/m) });
      expect(deno?.fix).not.toContain('poetry lock');
    }
    // Deno's fetch that broke comes before the lock message that followed it.
    expect(
      await first(
        failedRun(
          'deno cache main.ts',
          "error: Import 'https://deno.land/std@0.200.0/http/server.ts' failed: error sending request for url (https://deno.land/std@0.200.0/http/server.ts): connection closed before message completed\nerror: The source code is invalid, as it does not match the expected hash in the lock file.",
        ),
      ),
    ).toBe('network-timeout');
    // Advice of their own: a rustup component, yarn's workspace, vcpkg's port, npm's rename across layers.
    const cases: [string, string, RegExp][] = [
      ['cargo build', "error: 'rustfmt' is not installed for the toolchain '1.59.0-x86_64-unknown-linux-gnu'.", /rustup component add/],
      ['cargo build', "error: 'cargo' is not installed for the custom toolchain 'esp'.", /rustup component add/],
      ['yarn workspace web build', "Usage Error: Workspace '@acme/web' not found. Did you mean any of the following:", /every workspace's `package.json`/],
      ['vcpkg install', 'Error: Building package boost-locale:x64-linux failed with: BUILD_FAILED', /buildtrees/],
      ['npm install -g yo', 'npm ERR! code EXDEV', /--no-bin-links/],
    ];
    for (const [command, line, advice] of cases) {
      const finding = await full(failedRun(command, line));
      expect([line, finding?.id]).toEqual([line, 'package-install-failure']);
      expect(finding?.fix).toMatch(advice);
    }
    // Clojure's other wordings; apt's lone lines for an installed or virtual package; nvidia-docker in zsh's words.
    for (const line of [
      'Syntax error (ClassNotFoundException) compiling at (acme/db.clj:12:3).',
      'Syntax error macroexpanding clojure.core/ns at (acme/core.clj:1:1).',
    ]) {
      expect(await first(failedRun('lein uberjar', line))).toBe('compile-error');
    }
    for (const line of [
      ' libc6-dev : Depends: libc6 (= 2.31-13+deb11u10) but 2.31-13+deb11u8 is installed',
      ' python3-dev : Depends: python3 but it is a virtual package',
    ]) {
      expect(await first(line)).toBe('package-install-failure');
    }
    expect((await full('$ nvidia-docker run --rm app\nzsh: command not found: nvidia-docker'))?.title).toBe(
      "nvidia-docker is not installed (NVIDIA's deprecated wrapper)",
    );
    // docker-py without the daemon's socket, or without the right to use it: the daemon, not the network.
    expect(
      await first(
        "Docker client initialization error: Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory')).\nCheck if docker is running on the host.",
      ),
    ).toBe('builder-missing');
    const denied = await full(
      "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', PermissionError(13, 'Permission denied'))",
    );
    expect(denied).toMatchObject({ id: 'builder-missing', fix: expect.stringContaining('usermod -aG docker') });
    // A broker's plugin manager and Confluent Hub; yarn missing where Python runs it.
    expect(
      await first(
        failedRun(
          'rabbitmq-plugins enable rabbitmq_delayed_message_exchange --offline',
          'Error:\nFailed to enable some plugins: \n    rabbitmq_delayed_message_exchange:\n        Plugin doesn\'t support current server version. Actual broker version: "3.8.9", supported by the plugin: ["3.7.0-3.7.x"]',
          70,
        ),
      ),
    ).toBe('package-install-failure');
    expect(
      await first(
        failedRun(
          'confluent-hub install --no-prompt acme/connector:1.0',
          'Error: Component not found, specify either valid name from Confluent Hub in format: <owner>/<name>:<version:latest> or path to a local file',
        ),
      ),
    ).toBe('package-install-failure');
    expect(await first(failedRun('python install.py', "FileNotFoundError: [Errno 2] No such file or directory: 'yarn': 'yarn'"))).toBe(
      'package-install-failure',
    );
  });
});

describe('tools an image lacks, PPAs, the Android SDK and old Compose in their own words', () => {
  it('names a tool the step runs that the image does not have, with advice to install its package', async () => {
    for (const tool of ['curl', 'bash', 'unzip']) {
      const finding = await full(failedRun(`${tool} --version`, `/bin/sh: ${tool}: not found`, 127));
      expect([tool, finding?.id]).toEqual([tool, 'package-install-failure']);
      expect(finding?.fix).toContain(`The image has no \`${tool}\``);
    }
    // git only when the step's own command found none (exit 127): a script asking git for a version goes on without it.
    const git = await full(failedRun('git submodule update --init', '/bin/sh: git: not found', 127));
    expect(git).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('The image has no `git`') });
    expect((await full(failedRun('npm run build', '/bin/sh: 1: git: not found\nsrc/a.ts(1,7): error TS2322: Type', 2)))?.id).toBe('compile-error');
    // Not a word that merely ends like one: a script's own command.
    expect((await full(failedRun('./run.sh', '/bin/sh: mygit: not found', 127)))?.fix ?? '').not.toContain('The image has no `');
  });

  it('reads apt without its E:, a PPA that is gone and the Android SDK manager', async () => {
    expect(await first('Unable to locate package libproj25')).toBe('package-install-failure');
    expect(await first('Error :  Unable to locate package openjdk-11-jdk')).toBe('package-install-failure');
    const ppa = await full(
      failedRun(
        'add-apt-repository -y ppa:deadsnakes/python3.6',
        "Cannot add PPA: 'ppa:~deadsnakes/ubuntu/python3.6'.\nThe user named '~deadsnakes' has no PPA named 'ubuntu/python3.6'",
      ),
    );
    expect(ppa).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('add-apt-repository could not add a PPA') });
    for (const line of [
      'Warning: Failed to find package platforms;android-99',
      'Failed to install the following SDK components:\n      platforms;android-33 Android SDK Platform 33',
      '7 of 7 SDK package licenses not accepted.',
    ]) {
      const finding = await full(failedRun('yes | sdkmanager "platforms;android-99"', line));
      expect([line, finding?.id]).toEqual([line, 'package-install-failure']);
      expect(finding?.fix).toContain('sdkmanager --list');
    }
    // A Python binding for GDAL built from source without GDAL's development files.
    expect(
      await first(
        failedRun(
          'pip install fiona',
          'WARNING:root:Failed to get options via gdal-config: [Errno 2] No such file or directory\nERROR: A GDAL API version must be specified. Provide a path to gdal-config using a GDAL_CONFIG environment variable',
        ),
      ),
    ).toBe('package-install-failure');
  });

  it('reads compose 1.x refusing what a newer Compose reads, and a tool finding no Dockerfile', async () => {
    for (const text of [
      "ERROR: The Compose file './docker-compose.yml' is invalid because:\n'name' does not match any of the regexes: '^x-'",
      'ERROR: Need service name for --build-arg option',
    ]) {
      const finding = await full(`$ docker-compose build\n${text}`);
      expect([text, finding?.id]).toEqual([text, 'builder-missing']);
      expect(finding?.fix).toContain('This Compose is older than the compose file');
    }
    // A service key other than `name` is the file's own mistake, not compose's age.
    expect(
      (await full("ERROR: The Compose file './docker-compose.yml' is invalid because:\n'servces' does not match any of the regexes: '^x-'"))?.fix ?? '',
    ).not.toContain('docker-compose is older than');
    expect(await first('Error: failed to build image: no Dockerfile')).toBe('dockerfile-missing');
  });
});

describe('apt, pip, Bundler, Singularity, an old Docker and a broken plugin in their own words', () => {
  it("names apt's invalid signature with what usually causes it, lxml's headers and a wheel for another platform", async () => {
    const signature = await full(
      failedRun('apt-get update', 'Err:1 http://ports.ubuntu.com/ubuntu-ports jammy InRelease\n  At least one invalid signature was encountered.', 100),
    );
    expect(signature).toMatchObject({ id: 'package-install-failure', fix: expect.stringContaining('libseccomp2') });
    expect(signature?.fix).toContain('out of disk');
    // Not apt's general advice beside it: the lists were updated, their signature is what failed.
    expect(signature?.fix).not.toContain('run `apt-get update` in the same `RUN`');
    // That advice stays for apt's other errors.
    expect((await full(failedRun('apt-get install -y libfoo-dev', 'E: Unable to locate package libfoo-dev', 100)))?.fix).toContain(
      'run `apt-get update` in the same `RUN`',
    );
    expect(await first(failedRun('pip install lxml', 'Error: Please make sure the libxml2 and libxslt development packages are installed.'))).toBe(
      'package-install-failure',
    );
    const wheel = await full(
      failedRun(
        'pip install /tmp/numpy-1.26.0-cp312-cp312-musllinux_1_1_x86_64.whl',
        'ERROR: numpy-1.26.0-cp312-cp312-musllinux_1_1_x86_64.whl is not a supported wheel on this platform.',
      ),
    );
    expect(wheel?.id).toBe('package-install-failure');
  });

  it('ranks the network first when pip saw no release at all after a retry', async () => {
    const text = failedRun(
      'pip install requests==2.31.0',
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f00>: Failed to establish a new connection: [Errno -2] Name or service not known')': /simple/requests/\nERROR: Could not find a version that satisfies the requirement requests==2.31.0 (from versions: none)\nERROR: No matching distribution found for requests==2.31.0",
    );
    expect(await first(text)).toBe('network-timeout');
    // Without a warning that says why, no versions is the name or the pin.
    expect(
      await first(failedRun('pip install reqeusts', 'ERROR: Could not find a version that satisfies the requirement reqeusts (from versions: none)')),
    ).toBe('package-install-failure');
  });

  it("reads a Gemfile that is not in the image as the build context's, and images that do not exist in other tools' words", async () => {
    expect(await first(failedRun('bundle install', 'Could not locate Gemfile or .bundle/ directory', 10))).toBe('copy-source-missing');
    for (const line of ['FATAL:   the requested image was not found', 'java.lang.Exception: Docker image acme/aligner:0.3.1 not found']) {
      expect([line, await first(line)]).toEqual([line, 'manifest-unknown']);
    }
    // The docker CLI's line before the pull it then tries is Docker's own: a paste that ends there is read, not refused.
    const alone = await diagnoseText("Unable to find image 'acme/tool:2.0' locally", 'x.log');
    expect(alone.builds.length).toBe(1);
    expect(alone.findings.length).toBeGreaterThan(0);
  });

  it("names a host runc older than the daemon's seccomp profile, and a CLI plugin that cannot run on this CPU", async () => {
    const clone3 = await full(
      'Step 3/9 : RUN apt-get update\n ---> Running in 1a2b3c4d5e6f\nfailed to create shim: OCI runtime create failed: container_linux.go:380: starting container process caused: error adding seccomp filter rule for syscall clone3: permission denied: unknown',
    );
    expect(clone3).toMatchObject({ id: 'builder-missing', fix: expect.stringContaining('20.10.10') });
    const plugin = await full('Invalid Plugins:\n  buildx      failed to fetch metadata: signal: illegal instruction');
    // Any plugin, and the daemon's profile refusing any call the host's libseccomp does not know.
    expect(
      (await full('Invalid Plugins:\n  model       failed to fetch metadata: fork/exec /usr/libexec/docker/cli-plugins/docker-model: exec format error'))?.id,
    ).toBe('builder-missing');
    expect(
      (
        await full(
          'Error response from daemon: OCI runtime create failed: container_linux.go:367: error adding seccomp filter rule for syscall faccessat2: permission denied: unknown',
        )
      )?.fix,
    ).toContain('libseccomp');
    expect(plugin).toMatchObject({ id: 'builder-missing', fix: expect.stringContaining('for this CPU') });
    // An illegal instruction in a step is still emulation's.
    expect(await first(failedRun('npm ci', 'qemu: uncaught target signal 4 (Illegal instruction) - core dumped', 132))).toBe('qemu-emulation');
  });
});

describe("the review of this session's rules: lines that look alike but say something else", () => {
  it("reads a tool not found as the cause only when the step's one command exited 127", async () => {
    // A script that ignores its curl (`|| true`) and then fails to compile.
    const ignored = await full(
      failedRun('npm run build', "sh: 1: curl: not found\nModule not found: Error: Can't resolve './App' in '/app/src'\nnpm ERR! code ELIFECYCLE"),
    );
    expect(ignored?.fix ?? '').not.toContain('The image has no `curl`');
    // git ran; the 127 came from the script after it.
    const chained = await full(
      failedRun('git clone https://github.com/acme/tool /src && /src/build.sh', "Cloning into '/src'...\n/bin/sh: 1: /src/build.sh: not found", 127),
    );
    expect(chained?.fix ?? '').not.toContain('The image has no `git`');
    const sudo = await full(failedRun('sudo apt-get install -y make', '/bin/sh: 1: sudo: not found', 127));
    expect(sudo?.fix).toContain('drop it');
    expect(sudo?.fix).not.toContain('install its package');
    // Its own headline, without the package managers' general advice.
    const git = await full(failedRun('git submodule update --init', '/bin/sh: 1: git: not found', 127));
    expect(git?.title).toBe('The image has no git, which RUN git submodule update --init runs');
    expect(git?.fix).not.toContain("Find the package manager's first error");
    // Words that leave no doubt the tool was needed: tar's decompressor, a script's interpreter, apt-key's GnuPG.
    for (const [line, tool] of [
      ['tar (child): xz: Cannot exec: No such file or directory', 'xz'],
      ["/usr/bin/env: 'python': No such file or directory", 'python'],
      ['E: gnupg, gnupg2 and gnupg1 do not seem to be installed, but one of them is required for this operation', 'gnupg'],
    ]) {
      const finding = await full(failedRun('./install.sh', line!, 2));
      expect([line, finding?.id]).toEqual([line, 'package-install-failure']);
      expect(finding?.fix).toContain(`The image has no \`${tool}\``);
    }
    // tar's other complaints are not a missing tool.
    expect((await full(failedRun('tar xJf a.tar.xz', 'tar (child): a.tar.xz: Cannot open: No such file or directory', 2)))?.fix ?? '').not.toContain(
      'The image has no',
    );
  });

  it('keeps apt, compose, a plugin, an image and a Dockerfile to their own words', async () => {
    // Not apt's: at most the word model's guess, without apt's own advice.
    const notApt = await full('Error: Unable to locate package manager in package.json');
    expect(notApt?.fix ?? '').not.toContain('apt (');
    expect(notApt?.title ?? 'Likely').toMatch(/^Likely/);
    for (const line of [
      "networks.backend value Additional properties are not allowed ('name' was unexpected)",
      "jsonschema.exceptions.ValidationError: Additional properties are not allowed ('name' was unexpected)",
    ]) {
      expect((await full(failedRun('python validate.py', line)))?.fix ?? '').not.toContain('docker-compose is older than');
    }
    const chmod = await full('Invalid Plugins:\n  compose     failed to fetch metadata: fork/exec /root/.docker/cli-plugins/docker-compose: permission denied');
    expect(chmod?.fix ?? '').not.toContain('for this CPU');
    expect(
      await first(failedRun('pytest', 'Docker image postgres:15 not found locally, pulling...\nE   ConnectionRefusedError: [Errno 111] Connection refused')),
    ).not.toBe('manifest-unknown');
    expect(await first(failedRun('npm test', '    Image not found\nFAIL src/App.test.js'))).not.toBe('manifest-unknown');
    expect(await first(failedRun('./build-all.sh', 'skip services/docs/: no Dockerfile\nnpm ERR! code ERESOLVE'))).toBe('package-install-failure');
  });

  it("promotes pip's retry only when the connection failed", async () => {
    const proxy = failedRun(
      'pip install flask',
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 407 Proxy Authentication Required'))': /simple/flask/\nERROR: Could not find a version that satisfies the requirement flask (from versions: none)",
    );
    const noSsl = failedRun(
      'pip install flask',
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'SSLError(\"Can't connect to HTTPS URL because the SSL module is not available.\")': /simple/flask/\nERROR: Could not find a version that satisfies the requirement flask (from versions: none)",
    );
    for (const text of [proxy, noSsl]) expect(await first(text)).toBe('package-install-failure');
  });
});

describe('plugin installers, PECL, compose 1.x and emulation that crashed (the afternoon of 2026-12-06)', () => {
  it("reads the Elastic stack's plugin installers and PlatformIO's unknown packages as an install that failed", async () => {
    for (const text of [
      failedRun(
        'bin/logstash-plugin install logstash-input-acme',
        'Validating logstash-input-acme\nPlugin logstash-input-acme does not exist\nERROR: Installation aborted, verification failed for logstash-input-acme',
      ),
      // No line the catalog knows: the installer that ran says what failed.
      failedRun(
        'bin/elasticsearch-plugin install analysis-icu',
        'Exception in thread "main" java.lang.IllegalStateException: unable to read from standard input',
      ),
      failedRun('pio run -e nodemcu', "Error: Detected unknown package 'espressif8266'"),
      failedRun('pio pkg install', "UnknownPackageError: Could not find the package with 'platformio/tool-acme' requirements for your system 'linux_aarch64'"),
    ])
      expect([text, await first(text)]).toEqual([text, 'package-install-failure']);
  });

  it("reads PECL's make with its arguments, and compose 1.x's missing image behind its ERROR:", async () => {
    const pecl = failedRun(
      'pecl install imagick',
      'ERROR: `make -j4 INSTALL_ROOT="/tmp/pear/temp/pear-build-rootAbc123/install-imagick-3.7.0" install\' failed',
    );
    expect(await first(pecl)).toBe('package-install-failure');
    expect(await first('ERROR: Error: image acme/web:dev not found')).toBe('manifest-unknown');
    // Compose v2's pull line with its message cut to the terminal's width; another registry answer is not read as a missing tag.
    expect(await first('[+] Pulling 1/1\n ✘ Image lscr.io/acme/web:nightly Error manifest unkn...')).toBe('manifest-unknown');
    expect(await first('[+] Pulling 1/1\n ✘ Image docker.io/acme/web:2.1 Error toomanyrequests: You have reached your pull rate limit.')).toBe(
      'registry-rate-limit',
    );
  });

  it('names the emulation when an image for another platform ran under QEMU and crashed, the platform when it could not start', async () => {
    const warning =
      "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested";
    for (const crash of [
      'qemu: uncaught target signal 11 (Segmentation fault) - core dumped',
      'Exception in thread "main" java.io.IOException: Cannot run program "/usr/share/elasticsearch/jdk/bin/java": error=0, Failed to exec spawn helper: pid: 97, exit value: 1',
    ]) {
      expect([crash, await first(`${warning}\n${crash}`)]).toEqual([crash, 'qemu-emulation']);
      expect([crash, await first(crash)]).toEqual([crash, 'qemu-emulation']);
      // The note as a terminal 120 columns wide wraps it, in two lines.
      const wrapped = `${warning.slice(0, 120)}\n${warning.slice(120)}\n${crash}`;
      expect([wrapped, await first(wrapped)]).toEqual([wrapped, 'qemu-emulation']);
    }
    // The image's program did not start at all: the image is for another platform (as before).
    expect(await first(`${warning}\nexec /usr/local/bin/server: exec format error`)).toBe('platform-mismatch');
  });
});

describe("the review of the afternoon's rules: lines that look alike but say something else", () => {
  it('reads a JVM spawn helper as emulation only for the programs of an amd64 image, and says what to do about a crash', async () => {
    // Natively (a JDK replaced under a running Gradle daemon) the JVM says the same.
    const gradle = failedRun(
      './gradlew build',
      '> Could not start process: Cannot run program "git": error=0, Failed to exec spawn helper: pid: 4120, exit value: 1',
    );
    expect(await first(gradle)).not.toBe('qemu-emulation');
    const crash = await full(
      "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested\nqemu: uncaught target signal 11 (Segmentation fault) - core dumped",
    );
    expect(crash?.id).toBe('qemu-emulation');
    expect(crash?.fix).toContain('The emulator ran the program and it crashed');
  });

  it("keeps PECL's make and compose 1.x's missing image to their own tools", async () => {
    const script = failedRun(
      './build.sh',
      "install: cannot create regular file '/opt/foo/lib/libfoo.so': No such file or directory\nERROR: `make PREFIX=/opt/foo install' failed",
    );
    expect(await first(script)).not.toBe('package-install-failure');
    expect(await first(failedRun('npm run build', 'ERROR: Error: image img/hero@2x.webp not found'))).not.toBe('manifest-unknown');
    expect(await first('Pulling api (registry.acme.io/platform/api:feature-login)...\nERROR: for api  Error: image platform/api:feature-login not found')).toBe(
      'manifest-unknown',
    );
  });

  it('quotes what went wrong beside a command that named the cause', async () => {
    const exists = await full(
      failedRun(
        'bin/elasticsearch-plugin install --batch analysis-icu',
        'ERROR: plugin directory [/usr/share/elasticsearch/plugins/analysis-icu] already exists; if you need to update the plugin, uninstall it first',
      ),
    );
    expect(exists?.id).toBe('package-install-failure');
    expect(JSON.stringify(exists?.evidence)).toContain('already exists');
    // An installer the image does not have is an install that failed (as a package manager missing from the image is), and
    // the line that says so is quoted.
    const missing = await full(failedRun('elasticsearch-plugin install --batch analysis-icu', '/bin/sh: 1: elasticsearch-plugin: not found', 127));
    expect(missing?.id).toBe('package-install-failure');
    expect(JSON.stringify(missing?.evidence)).toContain('elasticsearch-plugin: not found');
  });

  it('titles a pasted install failure without a step', async () => {
    expect((await full('E: Unable to locate package libfoo-dev'))?.title).toBe('Installing packages failed');
    expect((await full(failedRun('apt-get install -y libfoo-dev', 'E: Unable to locate package libfoo-dev', 100)))?.title).toBe(
      'Installing packages failed in RUN apt-get install -y libfoo-dev',
    );
  });
});

describe("the third round's rules (the afternoon of 2026-12-06)", () => {
  it("reads a shell's Exec format error as a program for another platform, a step the shell could not start as emulation", async () => {
    for (const line of ['sh: 1: ./bin/tool: Exec format error', "nohup: can't execute '/opt/app/server': Exec format error"])
      expect([line, await first(line)]).toEqual([line, 'platform-mismatch']);
    expect(await first(failedRun('./configure', 'exec /bin/sh: exec format error'))).toBe('qemu-emulation');
  });

  it('reads a tool without binaries for this platform, old pulls answered 5xx, and a wasm-bindgen CLI of another version', async () => {
    expect(
      await first(failedRun('wasm-pack build --release', 'Error: no prebuilt wasm-opt binaries are available for this platform: Unrecognized target!')),
    ).toBe('platform-mismatch');
    expect(await first('Error: Status 502 trying to pull repository acme/mail: "<html><body><h1>502 Bad Gateway</h1></body></html>"')).toBe('network-timeout');
    expect(
      await first(
        failedRun(
          'trunk build --release',
          'it looks like the Rust project used to create this Wasm file was linked against\nversion of wasm-bindgen that uses a different bindgen format than this binary:\n  rust Wasm file schema version: 0.2.92\n     this binary schema version: 0.2.95',
        ),
      ),
    ).toBe('compile-error');
  });

  it("names an engine's seccomp profile before the crash it caused", async () => {
    const chromium = [
      '[FATAL] starting chromium: chrome failed to start:',
      '[0201/191831.586807:FATAL:spawn_subprocess.cc(236)] posix_spawn: Operation not permitted (1)',
      '[0201/191831.747550:WARNING:spawn_subprocess.cc(260)] intermediate process terminated by signal 5 (Trace/breakpoint trap) (core dumped)',
    ].join('\n');
    const finding = await full(chromium);
    expect(finding?.id).toBe('builder-missing');
    expect(finding?.fix).toContain('seccomp');
  });
});

describe("the review of the third round's rules", () => {
  it("leaves a script's Exec format error (a missing #! line) to what it was before, not to another platform", async () => {
    for (const line of ["nohup: can't execute '/opt/app/start.sh': Exec format error", 'sh: 1: ./scripts/entry.sh: Exec format error'])
      expect([line, await first(line)]).not.toEqual([line, 'platform-mismatch']);
  });

  it("titles and advises an engine older than the image's C library, a missing prebuilt binary, wasm-bindgen and cargo offline", async () => {
    const spawn = await full('[0201/191831.586807:FATAL:spawn_subprocess.cc(236)] posix_spawn: Operation not permitted (1)');
    expect(spawn?.title).toMatch(/^The Docker engine is older than the image's C library expects/);
    expect(spawn?.fix).not.toContain('buildx builder that is gone');
    const wasmOpt = await full(failedRun('wasm-pack build', 'Error: no prebuilt wasm-opt binaries are available for this platform: Unrecognized target!'));
    expect(firstListItem(wasmOpt!.fix)).toContain('wasm-opt = false');
    // wasm-bindgen's older CLI wrote it in lower case; pasted alone it is read too.
    for (const text of [
      failedRun('wasm-bindgen target/app.wasm --out-dir pkg', '  rust wasm file schema version: 0.2.84\n     this binary schema version: 0.2.87'),
      'rust Wasm file schema version: 0.2.100\n   this binary schema version: 0.2.104',
    ]) {
      const finding = await full(text);
      expect([text, finding?.id]).toEqual([text, 'compile-error']);
      expect(finding?.fix).toContain('wasm-bindgen-cli --version');
    }
    const frozen = await full(
      failedRun(
        'cargo build --release --frozen',
        'error: failed to get `serde` as a dependency of package `app v0.1.0 (/app)`\nCaused by:\n  attempting to make an HTTP request, but --frozen was specified',
      ),
    );
    expect(frozen?.id).toBe('package-install-failure');
    expect(frozen?.fix).toContain('cargo fetch');
  });
});

describe('the first round of 2026-12-06 (evening)', () => {
  it("reads an engine before 1.11 that could not start another CPU's program as the image's platform, not QEMU's", async () => {
    for (const text of [
      'Error response from daemon: Cannot start container 4f61653adb0d: [8] System error: exec format error',
      'exec format error\ndocker: Error response from daemon: Cannot start container e87f1580bba3: [9] System error: exec format error.',
      'Step 2 : RUN useradd -u 1000 wine\n ---> Running in 95caf7824fd2\nINFO[0000] [8] System error: exec format error',
      'Step 5 : RUN rm -f /etc/apt/apt.conf.d/docker-gzip-indexes\n ---> Running in af7328358020\nexec format error',
    ])
      expect([text, await first(text)]).toEqual([text, 'platform-mismatch']);
    // A program named in the error is still read as before (QEMU's catch-all).
    expect(await first(failedRun('./configure', 'ERROR: qemu-aarch64: /lib/ld.so exec format error while loading'))).toBe('qemu-emulation');
  });

  it("keeps the kubelet's back-off first when the pod's status is shown, and the registry's cause first when only its pull is", async () => {
    const notFound =
      '  Warning  Failed     3m1s (x5 over 6m24s)  kubelet            Failed to pull image "icinga/app:0.4.0": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/icinga/app:0.4.0": failed to resolve reference "docker.io/icinga/app:0.4.0": docker.io/icinga/app:0.4.0: not found';
    const status = '  Warning  Failed     3m1s (x5 over 6m24s)  kubelet            Error: ErrImagePull';
    expect(await first(`${notFound}\n${status}`)).toBe('image-pull-backoff');
    expect(await first(notFound)).toBe('manifest-unknown');
    const denied =
      'Failed to pull image "ghcr.io/acme/private:1.0": rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/acme/private:1.0": failed to resolve reference "ghcr.io/acme/private:1.0": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized';
    expect(await first(denied)).toBe('registry-auth-denied');
    expect(await first(`${denied}\nError: ImagePullBackOff`)).toBe('image-pull-backoff');
    // A network cause still leads with or without the status lines.
    const dns =
      'Failed to pull image "busybox:1.32": rpc error: code = Unknown desc = Error response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 10.0.0.1:53: read udp 10.0.0.2:44156->10.0.0.1:53: i/o timeout';
    expect(await first(`${dns}\nError: ErrImagePull`)).toBe('network-timeout');
  });

  it("reads docker-py's traceback through the daemon's socket as a daemon that is not running", async () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "urllib3/connectionpool.py", line 677, in urlopen',
      '  File "http/client.py", line 966, in send',
      '  File "docker/transport/unixconn.py", line 43, in connect',
      'ConnectionRefusedError: [Errno 111] Connection refused',
    ].join('\n');
    expect(await first(traceback)).toBe('builder-missing');
    // A connection refused elsewhere (pip's index) stays the network's.
    expect(
      await first(
        failedRun(
          'pip install flask',
          "WARNING: Retrying (Retry(total=0)) after connection broken by 'NewConnectionError(ConnectionRefusedError(111, 'Connection refused'))': /simple/flask/\nERROR: Could not find a version that satisfies the requirement flask (from versions: none)",
        ),
      ),
    ).toBe('network-timeout');
  });
});

describe('the second and third rounds of 2026-12-06 (evening)', () => {
  it("reads tini unable to start an image's program as another CPU's program, not a script's or QEMU's", async () => {
    const binary = "[INFO  tini (1)] Spawned child process '/backrest' with pid '8'\n[FATAL tini (8)] exec /backrest failed: Exec format error";
    expect(await first(binary)).toBe('platform-mismatch');
    // A script without its #! line makes the same error: no signature names a platform or QEMU for it (the word model may
    // guess, titled "Likely").
    const script = await full('[FATAL tini (7)] exec /docker-entrypoint.sh failed: Exec format error');
    expect(script?.id).not.toBe('qemu-emulation');
    if (script?.id === 'platform-mismatch') expect(script.title).toMatch(/^Likely: /);
  });

  it('names the network first when an image is missing because its pull failed on it', async () => {
    const pull = [
      '[warning] Error getting v2 registry: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io: connection timed out',
      '[error] pulling image failed: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io: connection timed out',
      '[error] fatal task error: No such image: 046c07b70859:latest',
    ].join('\n');
    expect(await first(pull)).toBe('network-timeout');
    // The image missing alone stays the missing image.
    expect(await first('[error] fatal task error: No such image: 046c07b70859:latest')).toBe('manifest-unknown');
  });
});

describe('the review of the evening rules', () => {
  it("titles a program that could not start as the image's CPU, not a base image without the platform", async () => {
    for (const text of [
      'Error response from daemon: Cannot start container 4f61653adb0d: [8] System error: exec format error',
      '[FATAL tini (8)] exec /app/api failed: Exec format error',
    ]) {
      const finding = await full(text);
      expect([text, finding?.id, finding?.title]).toEqual([text, 'platform-mismatch', 'A program in the image is for another CPU than the host']);
      expect(finding?.fix).not.toContain('A base image has no variant');
      // The comment's one line of advice is the host's, not a build's.
      expect(firstListItem(finding!.fix)).toMatch(/^Run a tag built for the host's platform/);
    }
    // A build's base image without the platform keeps its title and advice.
    const manifest = await full('ERROR: no matching manifest for linux/arm64/v8 in the manifest list entries');
    expect(manifest?.title).toMatch(/^No image for the requested platform/);
    expect(manifest?.fix).toContain('A base image has no variant');
  });

  it('tells a docker-py client without a daemon to start it, without the buildx builder advice', async () => {
    const finding = await full(
      [
        'Traceback (most recent call last):',
        '  File "docker/transport/unixconn.py", line 43, in connect',
        'FileNotFoundError: [Errno 2] No such file or directory',
      ].join('\n'),
    );
    expect(finding?.title).toBe('The Docker daemon is not running, or not where the client looks for it');
    expect(firstListItem(finding!.fix)).toContain('sudo systemctl start docker');
    expect(finding?.fix).not.toContain('docker/setup-buildx-action');
  });

  it("reads a pull answered 5xx in docker-py's and compose's words as the registry's, a push's as the push's", async () => {
    expect(
      await first(
        'fatal: [host]: FAILED! => {"changed": false, "msg": "Error pulling image dock.example/app:latest - 500 Server Error: Internal Server Error (\\"received unexpected HTTP status: 502 Bad Gateway\\")"}',
      ),
    ).toBe('network-timeout');
    expect(await first(' ✘ bridge Error                       received unexpected HTTP status: 502 Bad Gateway')).toBe('network-timeout');
    expect(await first('received unexpected HTTP status: 502 Bad Gateway')).toBe('registry-push-failure');
  });
});

describe('the rules of train batches 361 to 375', () => {
  it("reads a Go program that could not start another of the image's programs as the image's CPU", async () => {
    for (const text of [
      '2021/09/20 19:34:57 Error executing command: fork/exec /busybox/mkdir: exec format error',
      '  "errorMessage": "RequestId: 1f2e Error: fork/exec /lambda-entrypoint.sh: exec format error"',
    ]) {
      const finding = await full(text);
      expect([text, finding?.id, finding?.title]).toEqual([text, 'platform-mismatch', 'A program in the image is for another CPU than the host']);
    }
    // QEMU's catch-all does not take it first when a build step printed it.
    expect(await first(failedRun('./deploy', 'Error: fork/exec /usr/local/bin/helper: exec format error'))).toBe('platform-mismatch');
    // A review: Go's own tools are the toolchain's, of the step's platform: they fail so when the emulator does.
    expect(await first(failedRun('go build ./...', 'go build runtime/cgo: fork/exec /usr/local/go/pkg/tool/linux_arm64/compile: exec format error'))).toBe(
      'qemu-emulation',
    );
  });

  it("reads Rosetta that cannot find the x86-64 loader as the emulation's, with the loader's advice", async () => {
    const finding = await full(failedRun('npm ci', '    error: rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2'));
    expect(finding).toMatchObject({ id: 'qemu-emulation', title: 'A step failed under Rosetta emulation' });
    // A review: turning Rosetta off only gives QEMU's words for the same missing loader; the program or the image's
    // platform is what to change.
    expect(firstListItem(finding!.fix)).toMatch(/^Rosetta ran an x86-64 program where the image has no x86-64 loader .*ARG TARGETARCH/);
    expect(finding?.fix).not.toContain('turn off Docker Desktop');
    // Rosetta's crash keeps its own advice, QEMU's title is QEMU's.
    expect(await full('rosetta error: Rosetta is only intended to run on Apple Silicon with a macOS host')).toMatchObject({
      title: 'A step failed under Rosetta emulation',
      fix: expect.stringMatching(/^- Rosetta, not QEMU/m),
    });
    expect((await full(failedRun('make', 'qemu: uncaught target signal 11 (Segmentation fault) - core dumped')))?.title).toBe(
      'A step failed under QEMU emulation',
    );
    // Both Rosetta lines in one paste: the title says Rosetta once.
    const both = await full(
      'rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2\nrosetta error: Rosetta is only intended to run on Apple Silicon with a macOS host',
    );
    expect(both?.title).toBe('A step failed under Rosetta emulation');
    // QEMU's own words for the same missing loader stay the binary's platform.
    expect(await first("qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory")).toBe('platform-mismatch');
  });

  it("reads Gradle's worker that exited 137 as killed for memory, not as the compile it was running", async () => {
    const finding = await full(
      [
        "Execution failed for task ':common:scala:compileScala'.",
        '> Failed to run Gradle Worker Daemon',
        "   > Process 'Gradle Worker Daemon 1' finished with non-zero exit value 137",
      ].join('\n'),
    );
    expect(finding).toMatchObject({ id: 'oom-killed', title: 'A build step ran out of memory and was killed (exit code 137)' });
    // A review: a paste with no step said "A process in (unknown)".
    expect(finding?.fix).toMatch(/^A process ran out of memory: /);
    expect(await first("Process 'Gradle Worker Daemon 1' finished with non-zero exit value 1")).not.toBe('oom-killed');
    // Maven Surefire's forked JVM.
    expect(await first('[ERROR] Process Exit Code: 137')).toBe('oom-killed');
  });

  it("reads cordova's missing build tools as the install's, and sdkmanager's licence warning alone as no cause", async () => {
    const tools =
      '* What went wrong:\nA problem occurred evaluating script.\n> No usable Android build tools found. Highest 32.x installed version is 30.0.3; Recommended version is 32.0.0.';
    const finding = await full(failedRun('./gradlew assembleRelease', tools));
    expect(finding?.id).toBe('package-install-failure');
    expect(finding?.fix).toContain('yes | sdkmanager --licenses');
    // A review: Gradle may accept the licence after sdkmanager's warning and fail on something else, which leads.
    const compiled = [
      'Warning: License for package Android SDK Build-Tools 34.0.0 not accepted.',
      'License for package Android SDK Build-Tools 34.0.0 accepted.',
      'Installing Android SDK Build-Tools 34.0.0 in /opt/android-sdk/build-tools/34.0.0',
      'e: file:///app/src/main/java/com/acme/MainActivity.kt:12:5 Unresolved reference: viewBinding',
      "Execution failed for task ':app:compileDebugKotlin'.",
    ].join('\n');
    expect(await first(failedRun('./gradlew assembleDebug', compiled))).toBe('compile-error');
  });

  it("reads a container's relative or quoted entrypoint that cannot execute as the image's platform, as its absolute one", async () => {
    for (const text of [
      'wgui  | exec ./init.sh: exec format error',
      '"exec /docker-entrypoint.sh: exec format error"',
      'exec /app/server: exec format error',
    ]) {
      // A review: titled and advised as a program that could not start, not as a build's base image.
      const finding = await full(text);
      expect([text, finding?.id, finding?.title]).toEqual([text, 'platform-mismatch', 'A program in the image is for another CPU than the host']);
    }
    // The shell a step starts with stays the emulator's.
    expect(await first('exec /bin/sh: exec format error')).toBe('qemu-emulation');
  });

  it("reads a job's time limit before a process killed with 137 as the cause, not memory", async () => {
    const log = [
      '2024-05-20T13:00:00.0000000Z ##[error]The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 60 minutes.',
      "2024-05-20T13:00:01.0000000Z Execution failed for task ':app:test'.",
      "2024-05-20T13:00:01.0000000Z > Process 'Gradle Test Executor 2' finished with non-zero exit value 137",
      '2024-05-20T13:00:01.5000000Z ##[error]The operation was canceled.',
    ].join('\n');
    expect(await first(log)).toBe('canceled');
    // A cancel after the kill is not its cause.
    const killedFirst = [
      "Execution failed for task ':app:test'.",
      "> Process 'Gradle Test Executor 2' finished with non-zero exit value 137",
      '##[error]The operation was canceled.',
    ].join('\n');
    expect(await first(killedFirst)).toBe('oom-killed');
  });

  it("advises GitLab's time limit in GitLab's terms, without GitHub's", async () => {
    const finding = await full('Step 6/9 : RUN make -j8 all\n ---> Running in 1f2e3d4c5b6a\nERROR: Job failed: execution took longer than 1h0m0s seconds');
    expect(finding?.id).toBe('canceled');
    expect(firstListItem(finding!.fix)).toMatch(/^GitLab stopped the job at its time limit .*`timeout:`/);
    expect(finding?.fix).not.toMatch(/fail-fast|cancel-in-progress|timeout-minutes/);
  });

  it("tells a Docker Hub pull denied 'or may require docker login' to log in if the image is private", async () => {
    const finding = await full(
      "docker: Error response from daemon: pull access denied for acme/internal-tool, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.",
    );
    expect(finding?.id).toBe('manifest-unknown');
    expect(finding?.fix).toContain('Docker Hub answers a pull of a private repository in the same words');
    expect((await full('Error: manifest for acme/app:9.9 not found: manifest unknown: manifest unknown'))?.fix).not.toContain('Docker Hub answers');
  });
});

describe('the rules of train batches 389 to 395', () => {
  it("reads Testcontainers for .NET's daemon check as the daemon not found, advised for a job and a desktop", async () => {
    const finding = await full(
      [
        '$ dotnet test --no-build',
        '  Failed Orders.IntegrationTests.OrderRepositoryTests [1 ms]',
        '  Error Message:',
        "   System.ArgumentException : Docker is either not running or misconfigured. Please ensure that Docker is running and that the endpoint is properly configured. (Parameter 'DockerEndpointAuthConfig')",
        'ERROR: Job failed: exit code 1',
      ].join('\n'),
    );
    expect(finding?.id).toBe('builder-missing');
    expect(finding?.title).toBe('The Docker daemon is not running, or not where the client looks for it');
    expect(finding?.fix).toContain('docker:dind');
    // The general "start the daemon" line is for a host's own client, not for Testcontainers in a job.
    expect(finding?.fix).not.toContain('systemctl');
  });

  it("reads Testcontainers' check of the daemon's free disk as the disk, not the daemon", async () => {
    const finding = await full(
      [
        '        ✔ Docker server version should be at least 1.6.0',
        '        ✘ Docker environment should have more than 2GB free disk space',
        'java.lang.AssertionError: Docker environment should have more than 2GB free disk space',
        '\tat org.testcontainers.DockerClientFactory.checkDiskSpace(DockerClientFactory.java:185)',
      ].join('\n'),
    );
    expect(finding?.id).toBe('disk-full');
  });

  it("reads Testcontainers' check of an image name as an invalid reference", async () => {
    expect(
      await first(
        'java.lang.IllegalArgumentException: Acme/Orders:latest is not a valid Docker image name (in Acme/Orders:latest)\n\tat org.testcontainers.utility.DockerImageName.assertValid(DockerImageName.java:185)',
      ),
    ).toBe('invalid-tag');
    expect((await full('java.lang.IllegalArgumentException:  is not a valid Docker image name (in )'))?.title).toBe('An image tag is not a valid reference');
  });

  it("titles hadolint's parse error as the linter's, and BuildKit's as the Dockerfile's", async () => {
    const lint = await full(
      [
        '#5 [lint]',
        '#5 ERROR Dockerfile:12 DL1000: unexpected "env=NPM_TOKEN"',
        'expecting "gid=", "id=", "mode=", "required", "uid=", source=, or target=',
        '#5 ERROR: linting failed',
      ].join('\n'),
    );
    expect(lint?.id).toBe('dockerfile-parse-error');
    expect(lint?.title).toBe('hadolint could not parse the Dockerfile');
    expect(firstListItem(lint!.fix)).toMatch(/^hadolint could not parse the Dockerfile .*Update hadolint/);
    const buildkit = await full('ERROR: failed to solve: dockerfile parse error on line 12: unknown instruction: RUNN');
    expect(buildkit?.title).toBe('The Dockerfile does not parse');
    expect(buildkit?.fix).not.toContain('hadolint');
  });
});

describe('the rules of train batches 397 to 403', () => {
  it('reads a container asked for another platform by name that cannot execute as the emulation, not the image', async () => {
    const asked = await full(['$ docker run --rm --platform=linux/amd64 acme/tool:2.1 --version', 'exec /usr/local/bin/tool: exec format error'].join('\n'));
    expect(asked?.id).toBe('qemu-emulation');
    expect(asked?.title).toBe('A container asked for linux/amd64 could not start: the host did not emulate that platform');
    expect(firstListItem(asked!.fix)).toMatch(/^The container was asked for `linux\/amd64` \(`docker run --platform`\)/);
    // Without the option the image is the one pulled for the host: another CPU's program.
    expect(await first('$ docker run --rm acme/tool:2.1 --version\nexec /usr/local/bin/tool: exec format error')).toBe('platform-mismatch');
    // Docker's warning that the image is not the host's, printed first, stays the cause.
    expect(
      await first(
        [
          '$ docker run --platform linux/amd64 acme/tool:2.1',
          "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
          'exec /init: exec format error',
        ].join('\n'),
      ),
    ).toBe('platform-mismatch');
    // A program that ran and could not start another is that program's platform, whatever was asked.
    expect(await first('$ docker run --platform linux/amd64 acme/tool:2.1\nError executing command: fork/exec /opt/helper: exec format error')).toBe(
      'platform-mismatch',
    );
  });

  it("reads an image the daemon's store holds for another platform as the platform, advised to pull it again", async () => {
    const stored = await full(
      'Error response from daemon: image with reference ghcr.io/acme/ci-image:latest was found but does not provide the specified platform (linux/amd64)',
    );
    expect(stored?.id).toBe('platform-mismatch');
    expect(stored?.title).toBe('No image for the requested platform (linux/amd64)');
    expect(firstListItem(stored!.fix)).toMatch(/^The daemon's own store holds that image for another platform .*docker pull --platform/);
    const bootBuildImage = await full(
      [
        "Execution failed for task ':bootBuildImage'.",
        "> Image platform mismatch detected. The configured platform 'linux/amd64' is not supported by the image 'docker.io/paketobuildpacks/builder-jammy-base:latest'. Requested platform 'linux/amd64' but got 'linux/arm64'",
      ].join('\n'),
    );
    expect(bootBuildImage?.id).toBe('platform-mismatch');
    expect(bootBuildImage?.title).toBe('No image for the requested platform (linux/amd64)');
  });

  it("reads Yarn 4's refusal of Yarn 1's settings, a buildpack's missing dependency and apko's missing index as the install", async () => {
    const yarn = await full(
      inRun(
        'Usage Error: Unrecognized or legacy configuration settings found: disableSelfUpdateCheck - run "yarn config" to see the list of settings supported in Yarn',
      ),
    );
    expect(yarn?.id).toBe('package-install-failure');
    expect(firstListItem(yarn!.fix)).toMatch(/^Yarn refused a setting it does not know .*`<environment>`/);
    expect(
      await first(
        [
          '[INFO]     [creator]     unable to invoke layer creator',
          '[INFO]     [creator]     unable to get dependency jdk',
          '[INFO]     [creator]     ERROR: failed to build: exit status 1',
          "[ERROR] Failed to execute goal org.springframework.boot:spring-boot-maven-plugin:3.3.0:build-image (default-cli) on project api: Execution default-cli of goal org.springframework.boot:spring-boot-maven-plugin:3.3.0:build-image failed: Builder lifecycle 'creator' failed with status code 51 -> [Help 1]",
        ].join('\n'),
      ),
    ).toBe('package-install-failure');
    expect(
      await first(
        'Error: failed to build image: resolving apk packages: for arch "riscv64": error getting repository indexes: reading index https://packages.example.dev/os/riscv64/APKINDEX.tar.gz: unexpected status code 404',
      ),
    ).toBe('package-install-failure');
  });

  it("reads Jib's invalid image reference, and says when a masked secret hides the part that broke the rule", async () => {
    const jib = await full(
      'Caused by: com.google.cloud.tools.jib.image.InvalidImageReferenceException: Invalid image reference: registry.example.com/***/orders',
    );
    expect(jib?.id).toBe('invalid-tag');
    expect(jib?.fix).toContain("is a secret's value the runner hides in logs");
  });
});

describe('the rules of train batches 405 to 411', () => {
  it('reads a Compose that does not know a key of the specification as too old, and a misspelt key as no such thing', async () => {
    for (const text of [
      "ERROR: The Compose file './docker-compose.yml' is invalid because:\nUnsupported config option for services.worker: 'profiles'",
      'validating /src/app/compose.yaml: services.api Additional property develop is not allowed',
      'ERROR: The Compose file \'./docker-compose.yml\' is invalid because:\nservices.web.depends_on.migrate.condition contains "service_completed_successfully", which is an invalid type, it should be a service_started, or a service_healthy',
    ]) {
      const finding = await full(text);
      expect([text, finding?.id, finding?.title]).toEqual([text, 'builder-missing', 'Docker Compose is older than the compose file']);
      expect(finding?.fix).not.toContain('setup-buildx-action');
    }
    expect(
      (await full("ERROR: The Compose file './docker-compose.yml' is invalid because:\nUnsupported config option for services.worker: 'enviroment'"))?.title,
    ).not.toBe('Docker Compose is older than the compose file');
  });

  it("reads buildx's kubernetes driver without a ready pod as the builder, advised in the cluster's terms", async () => {
    const finding = await full(
      '#1 [internal] booting buildkit\n#1 waiting for 1 pods to be ready 120.0s done\n#1 ERROR: expected 1 replicas to be ready, got 0',
    );
    expect(finding?.id).toBe('builder-missing');
    expect(firstListItem(finding!.fix)).toMatch(/^buildx's kubernetes driver found no ready BuildKit pod .*timeout=/);
    expect(await first('ERROR: no remote endpoint provided')).toBe('builder-missing');
  });

  it("reads a compose secret whose file was never created, and Rails' missing master key, as secrets", async () => {
    const file = await full(
      'Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /srv/app/secrets/db_password.txt',
    );
    expect(file?.id).toBe('secret-missing');
    expect(firstListItem(file!.fix)).toMatch(/^A secret's file that a compose service or a bind mount names does not exist/);
    // Any other bind source is not a compose secret's file (the word model may guess, but not with this advice).
    expect(
      (await full('Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /srv/app/data'))?.fix ?? '',
    ).not.toContain("A secret's file that a compose service");
    const rails = await full(
      inRun(
        "ActiveSupport::EncryptedFile::MissingKeyError: Missing encryption key to decrypt file with. Ask your team for your master key and write it to /rails/config/master.key or put it in the ENV['RAILS_MASTER_KEY'].",
      ),
    );
    expect(rails?.id).toBe('secret-missing');
    expect(firstListItem(rails!.fix)).toMatch(/^Rails could not read its encrypted credentials .*SECRET_KEY_BASE_DUMMY=1/);
  });

  it("reads Prisma's missing query engine as the container's platform, titled as Prisma's", async () => {
    const finding = await full(
      'PrismaClientInitializationError: Prisma Client could not locate the Query Engine for runtime "linux-musl-arm64-openssl-3.0.x".',
    );
    expect(finding?.id).toBe('platform-mismatch');
    expect(finding?.title).toBe("Prisma has no query engine for the container's platform");
    expect(firstListItem(finding!.fix)).toMatch(/^Prisma has no query engine .*binaryTargets/);
  });

  it("reads Bundler's deployment mode after the Gemfile changed as a stale lock file", async () => {
    expect(
      await first(
        inRun(
          'You are trying to install in deployment mode after changing\nyour Gemfile. Run `bundle install` elsewhere and add the\nupdated Gemfile.lock to version control.',
        ),
      ),
    ).toBe('package-install-failure');
  });
});

describe('the rules of train batches 413 and 415', () => {
  it('reads Helm given an image for a chart, or a chart name doubled, as a name that does not exist, not a login', async () => {
    const image = await full(
      '$ helm install web oci://registry-1.docker.io/acme/web\nError: INSTALLATION FAILED: manifest does not contain minimum number of descriptors (2), descriptors found: 1',
    );
    expect(image?.id).toBe('manifest-unknown');
    expect(firstListItem(image!.fix)).toMatch(/^Helm read an OCI reference that holds a container image, not a chart/);
    expect(await first('Error: could not load config with mediatype application/vnd.cncf.helm.config.v1+json')).toBe('manifest-unknown');
    const doubled = await full(
      'Error: could not download oci://ghcr.io/acme/charts/web/web: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fcharts%2Fweb%2Fweb%3Apull&service=ghcr.io: 403 Forbidden',
    );
    expect(doubled?.id).toBe('manifest-unknown');
    expect(firstListItem(doubled!.fix)).toMatch(/^Helm appends a chart's name to its repository, .*`web\/web`/);
    // A chart path whose last two parts differ is no doubled name: the registry's 403 stays a refusal.
    expect(
      await first(
        'Error: could not download oci://ghcr.io/acme/charts/web: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fcharts%2Fweb%3Apull&service=ghcr.io: 403 Forbidden',
      ),
    ).toBe('registry-auth-denied');
  });

  it('reads a Docker Hub repository without a namespace as one that does not exist, with the library/ name', async () => {
    const finding = await full(
      'Error: failed to resolve latest: GET "https://registry-1.docker.io/v2/redis/manifests/latest": response status code 401: unauthorized: authentication required',
    );
    expect(finding?.id).toBe('manifest-unknown');
    expect(firstListItem(finding!.fix)).toMatch(/^Docker Hub has no repository without a namespace \(`redis`\).*`docker.io\/library\/<name>`/);
    // With a namespace it is a refusal like any other.
    expect(
      await first(
        'Error: failed to resolve latest: GET "https://registry-1.docker.io/v2/acme/private-app/manifests/latest": response status code 401: unauthorized: authentication required',
      ),
    ).toBe('registry-auth-denied');
  });

  it("reads ORAS's failed blob upload as the push, and a token endpoint that answered a web page as the login", async () => {
    expect(
      await first(
        'Uploading 5f2d1c3b4a59 image.qcow2\nError: PUT "https://harbor.example.com/v2/infra/image/blobs/uploads/8914d340?digest=sha256%3Abb60": response status code 500: unknown: unknown error',
      ),
    ).toBe('registry-push-failure');
    expect(
      await first(
        "Error: failed to authorize: failed to fetch oauth token: unable to decode token response: invalid character '<' looking for beginning of value",
      ),
    ).toBe('registry-auth-denied');
  });
});

describe("what the review of the session's rules found", () => {
  it('reads a --platform run as emulated only until the next run, and not when the log shows the host is that platform', async () => {
    // The run that asked for amd64 worked; the one that failed asked for nothing.
    expect(
      (
        await full(
          [
            '+ docker run --rm --platform linux/arm64 alpine:3.20 uname -m',
            'aarch64',
            '+ docker run --rm acme/api:test',
            'exec /app/server: exec format error',
          ].join('\n'),
        )
      )?.title,
    ).toBe('A program in the image is for another CPU than the host');
    // GitHub's x86-64 runner image, or uname run on the host, says amd64 is native: nothing was emulated.
    for (const host of ['Image: ubuntu-24.04', '$ uname -m\nx86_64']) {
      const text = `${host}\n$ docker run --rm --platform linux/amd64 acme/api:test\nexec /docker-entrypoint.sh: exec format error`;
      expect([host, (await full(text))?.id]).toEqual([host, 'platform-mismatch']);
    }
    // What a container's own `uname -m` prints is no word of the host's.
    expect(
      await first(
        [
          '$ uname -m',
          '$ docker run --rm --platform linux/amd64 alpine:3.20 uname -m',
          'x86_64',
          '$ docker run --rm --platform linux/amd64 acme/api:test',
          'exec /docker-entrypoint.sh: exec format error',
        ].join('\n'),
      ),
    ).toBe('qemu-emulation');
    // A pull's progress between the command and the error keeps them together; podman's words for the same error.
    const pulled = Array.from({ length: 20 }, (_, i) => `${(0x1a2b3c4d5e60 + i).toString(16)}: Pull complete`);
    expect((await full(['$ docker run --platform linux/amd64 acme/api:test', ...pulled, 'exec /docker-entrypoint.sh: exec format error'].join('\n')))?.id).toBe(
      'qemu-emulation',
    );
    expect(
      (
        await full(
          '$ podman run --platform linux/amd64 acme/api:test\nError: crun: exec container process `/app/run`: Exec format error: OCI permission denied',
        )
      )?.title,
    ).toBe('A container asked for linux/amd64 could not start: the host did not emulate that platform');
  });

  it("reads a Compose key where the specification does not put it as the file's, not Compose's age", async () => {
    for (const text of [
      'validating /srv/app/compose.yaml: services.api Additional property ssh is not allowed',
      'validating /srv/app/compose.yaml: services.web.deploy Additional property restart is not allowed',
    ]) {
      expect([text, (await full(text))?.title]).not.toEqual([text, 'Docker Compose is older than the compose file']);
    }
    for (const text of [
      'validating /srv/app/compose.yaml: services.api.build Additional property ssh is not allowed',
      'validating /srv/app/compose.yaml: services.web.depends_on.db Additional property restart is not allowed',
      'ERROR: Invalid interpolation format for "environment" option in service "web": "RAILS_ENV=${RAILS_ENV:-}"',
    ]) {
      expect([text, (await full(text))?.title]).toEqual([text, 'Docker Compose is older than the compose file']);
    }
  });

  it("reads a bind mount's missing secret file by its own name, not a project's", async () => {
    expect(
      (
        await full(
          'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /builds/platform/secrets-manager/src.',
        )
      )?.fix ?? '',
    ).not.toContain("A secret's file");
    const file = await full(
      'docker: Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /opt/app/secrets/key.pem.',
    );
    expect(firstListItem(file!.fix)).toContain('(`/opt/app/secrets/key.pem`)');
  });

  it("no longer reads Testcontainers' words in a skipped test's reason, or bubblewrap's missing shell, as causes", async () => {
    expect(
      (
        await full(
          '  Skipped Acme.IntegrationTests.DbTests.Migrate [1 ms]\n  Skip reason: Docker is either not running or misconfigured\n  Failed Acme.UnitTests.PriceTests.AppliesDiscount [12 ms]\n  Error Message:\n   Assert.Equal() Failure',
        )
      )?.title ?? '',
    ).not.toBe('The Docker daemon is not running, or not where the client looks for it');
    expect(await first('bwrap: execvp /bin/sh: No such file or directory\nERROR: failed to build package. the build environment has been preserved:')).not.toBe(
      'qemu-emulation',
    );
  });

  it('gives the remote driver, rootless BuildKit and Blacksmith advice of their own', async () => {
    for (const [text, advice] of [
      ['ERROR: no remote endpoint provided', /^buildx's remote driver needs the address of a running buildkitd/],
      ['buildkitd: rootless mode requires to be executed as the mapped root in a user namespace', /^BuildKit in rootless mode must start inside RootlessKit/],
      ['Error: failed to expose and mount sticky disk: unexpected status code: 503', /^Blacksmith's builder could not mount its cache disk/],
    ] as const) {
      expect([text, firstListItem((await full(text))!.fix)]).toEqual([text, expect.stringMatching(advice)]);
    }
  });
});

describe('the rules of train batches 417 to 423', () => {
  it("reads a client and daemon that disagree on TLS at the daemon's ping as the daemon's setup, not a registry's", async () => {
    const tls = await full('Error: Error pinging Docker server: Get "https://10.0.0.5:2376/v1.41/_ping": tls: oversized record received with length 20527');
    expect(tls?.id).toBe('builder-missing');
    expect(tls?.title).toBe('The Docker client and daemon disagree on TLS');
    expect(firstListItem(tls!.fix)).toMatch(/^The client and the daemon disagree on TLS .*`DOCKER_TLS_VERIFY`/);
    // Old Docker's hint on every failed connection is no TLS mismatch: here the socket is missing.
    const socket = await full(
      'Get http:///var/run/docker.sock/v1.19/info: dial unix /var/run/docker.sock: no such file or directory. Are you trying to connect to a TLS-enabled daemon without TLS?',
    );
    expect(socket?.id).toBe('builder-missing');
    expect(socket?.title).not.toMatch(/TLS/);
    // A registry's ping (the v1 API) is no daemon's.
    expect(
      await first('Error response from daemon: Get https://registry.example.com:5000/v1/_ping: tls: oversized record received with length 20527'),
    ).not.toBe('builder-missing');
  });

  it('reads a logging driver the daemon has no plugin for as the daemon setup, with the driver named', async () => {
    const finding = await full("ERROR: for api  Cannot create container for service api: logger: no log driver named 'fluentbit' is registered");
    expect(finding?.id).toBe('builder-missing');
    expect(finding?.title).toBe('The Docker daemon has no logging driver named fluentbit');
    expect(firstListItem(finding!.fix)).toMatch(/^The daemon has no logging driver named `fluentbit`: .*`docker plugin ls`/);
    expect(finding!.fix).not.toMatch(/setup-buildx-action/);
  });

  it("reads a registry's 5xx on the old pull API after a tool's prefix as the network, and docker-py's missing login as a refusal", async () => {
    expect(
      await first(
        '[ERR] driver.docker: failed pulling container registry.example.com/app:1.2: Error: Status 503 trying to pull repository app: "Service Unavailable"',
      ),
    ).toBe('network-timeout');
    const login = await full('msg: Error: configuration for registry.example.com:5000 not found. Try logging into registry.example.com:5000 first.');
    expect(login?.id).toBe('registry-auth-denied');
    expect(login?.title).toBe('The client has no saved login for registry.example.com:5000');
  });

  it('reads Python unable to start a program as one for another CPU, and not a script', async () => {
    const program = await full("OSError: [Errno 8] Exec format error: '/usr/local/bin/helm'");
    expect(program?.id).toBe('platform-mismatch');
    expect(program?.title).toBe('A program in the image is for another CPU than the host');
    // A script without its `#!` line fails the same way: not read as a program for another CPU.
    expect(await first("OSError: [Errno 8] Exec format error: '/app/entrypoint.sh'")).not.toBe('platform-mismatch');
  });

  it("reads grafana-cli's plugin with no build for the platform, and setuptools-rust's failed cargo call", async () => {
    const plugin = await full('Error: ✗ grafana-clock-panel v is not supported on your system (Grafana v9.1.0 linux-armv7)');
    expect(plugin?.id).toBe('platform-mismatch');
    expect(plugin?.title).toBe('A tool or plugin has no build for this platform (linux-armv7)');
    expect(firstListItem(plugin!.fix)).toMatch(/^A tool has no prebuilt binary for this platform/);
    expect(
      await first(
        "subprocess.CalledProcessError: Command '['cargo', 'metadata', '--manifest-path', 'rust/Cargo.toml', '--format-version', '1']' returned non-zero exit status 101.",
      ),
    ).toBe('package-install-failure');
  });
});

describe('the rules of train batches 425 to 431', () => {
  it("reads a called service's gateway error and Grype without a database as the network, not a registry's push", async () => {
    expect(
      await first(
        'Error: signing [ghcr.io/acme/api@sha256:6978cac3f15b020ee8d5a2907dab3bba0fc10f5fdb01acf351eb89e6e6add1f0]: getting signer: getting key from Fulcio: retrieving cert: POST https://fulcio.sigstore.dev/api/v1/signingCert returned 502 Bad Gateway',
      ),
    ).toBe('network-timeout');
    expect(
      await first(
        '[0003] WARN unable to check for vulnerability database update\nfailed to load vulnerability db: vulnerability database is invalid (run db update to correct): database metadata not found: /home/runner/.cache/grype/db/5',
      ),
    ).toBe('network-timeout');
    // A registry's 5xx on a push stays the push's.
    expect(await first('Error: PUT https://ghcr.io/v2/acme/api/manifests/latest returned 502 Bad Gateway')).not.toBe('network-timeout');
  });

  it('reads a bare digest read as a Docker Hub name, and a digest actions/attest finds no image of, as names that do not exist', async () => {
    const digest = await full(
      'Error: signing [sha256:7cb40419573ccedc366bbcaccfa89ee25fefe8bbfe670f59174d9d258691a1f0]: accessing entity: GET https://index.docker.io/v2/library/sha256/manifests/7cb40419573ccedc366bbcaccfa89ee25fefe8bbfe670f59174d9d258691a1f0: UNAUTHORIZED: authentication required',
    );
    expect(digest?.id).toBe('manifest-unknown');
    expect(firstListItem(digest!.fix)).toMatch(/^A bare digest was read as an image's name/);
    const attest = await full(
      'Error: OCIError: Error uploading artifact to container registry\nError: Error fetching https://ghcr.io/v2/acme/api/manifests/sha256:1308113f945e420fd9a4fba2efe266315ffdb29fcdf0e214893d164cc15c86d0 - expected 200, received 404',
    );
    expect(attest?.id).toBe('manifest-unknown');
    expect(firstListItem(attest!.fix)).toMatch(/^actions\/attest found no image of that digest in the registry/);
    // An official image's name under library/ is no bare digest.
    expect((await full('Error: GET https://index.docker.io/v2/library/nginx/manifests/latest: UNAUTHORIZED: authentication required'))?.fix ?? '').not.toMatch(
      /bare digest/,
    );
  });
});

describe('what the review of the rules of train batches 417 to 423 found', () => {
  it("reads the docker CLI's and Terraform's words for a daemon that spoke no TLS, refused a certificate or was not listening", async () => {
    for (const line of [
      'error during connect: Get "https://build-host.internal:2376/v1.41/_ping": http: server gave HTTP response to HTTPS client',
      'error during connect: Get "https://docker:2376/v1.24/info": http: server gave HTTP response to HTTPS client',
      'Error: Error pinging Docker server: Get "https://docker-host.lan:2376/_ping": tls: first record does not look like a TLS handshake',
    ]) {
      const finding = await full(line);
      expect([line, finding?.title]).toEqual([line, 'The Docker client and daemon disagree on TLS']);
      expect(finding!.fix).not.toMatch(/setup-buildx-action/);
    }
    expect((await full('Error: Error pinging Docker server: Get "https://10.0.0.5:2376/_ping": x509: certificate signed by unknown authority'))?.title).toMatch(
      /refused the remote daemon's TLS certificate \(certificate signed by unknown authority\)$/,
    );
    const refused = await full('Error: Error pinging Docker server: Get "http://10.0.0.5:2375/_ping": dial tcp 10.0.0.5:2375: connect: connection refused');
    expect(refused?.id).toBe('builder-missing');
    expect(refused?.title).toBe('The Docker daemon is not running, or not where the client looks for it');
  });

  it("reads Python unable to execute a script as the script's missing #! line, and a program in bytes as one for another CPU", async () => {
    const script = await full("OSError: [Errno 8] Exec format error: '/workspace/scripts/gen_config.py'");
    expect(script?.id).toBe('entrypoint-not-found');
    expect(script?.title).toBe('A script could not be executed: /workspace/scripts/gen_config.py has no #! line, or a broken one');
    expect(firstListItem(script!.fix)).toMatch(/^`?\/workspace\/scripts\/gen_config\.py`? was executed as a program, .*`#!\/bin\/sh`/);
    expect(await first(`fatal: [app01]: FAILED! => {"changed": false, "msg": "[Errno 8] Exec format error: b'/opt/bin/migrate-helper'"}`)).toBe(
      'platform-mismatch',
    );
  });

  it('titles and advises a plugin without a build, a Rust build of a Python package, a misspelt logging driver and a missing saved login as what they are', async () => {
    const plugin = await full('Error: ✗ grafana-image-renderer v3.3.0 is not supported on your system (Grafana v8.2.3 linux-arm64)');
    expect(plugin?.title).toBe('A tool or plugin has no build for this platform (linux-arm64)');
    expect(plugin!.fix).not.toMatch(/A base image has no variant/);
    expect(
      firstListItem(
        (await full(
          "subprocess.CalledProcessError: Command '['cargo', 'metadata', '--manifest-path', 'src/rust/Cargo.toml']' returned non-zero exit status 101.",
        ))!.fix,
      ),
    ).toMatch(/^pip builds a package with Rust code from source/);
    expect((await full("Error response from daemon: logger: no log driver named 'jsonfile' is registered"))!.fix).toMatch(/`json-file`/);
    const login = await full(
      'docker.errors.APIError: 500 Server Error: Internal Server Error ("Error: configuration for ghcr.io not found. Try logging into ghcr.io first.")',
    );
    expect(login?.title).toBe('The client has no saved login for ghcr.io');
    expect(login!.fix).toMatch(/^The client found no saved login for `ghcr\.io`/);
    expect(login!.fix).not.toMatch(/packages: write/);
  });

  it("reads a registry's 5xx on the old pull API inside docker-py's error as the network", async () => {
    expect(
      await first(
        'fatal: [app02]: FAILED! => {"changed": false, "msg": "Error pulling image registry.internal/ops/api:2.3 - 500 Server Error: Internal Server Error (\\"Error: Status 503 trying to pull repository ops/api: \\\\\\"Service Unavailable\\\\\\"\\")"}',
      ),
    ).toBe('network-timeout');
  });
});

describe('the rules of train batches 433 to 439', () => {
  it("reads Cloud Run's container that could not load its program as one for another CPU, not QEMU", async () => {
    const finding = await full('terminated: Application failed to start: failed to load /app/server: exec format error');
    expect(finding?.id).toBe('platform-mismatch');
    expect(finding?.title).toBe('A program in the image is for another CPU than the host');
  });

  it("reads a token service's 5xx and .NET's failed name resolution as the network", async () => {
    expect(await first('#3 ERROR: failed to fetch oauth token: unexpected status from POST request to https://auth.docker.io/token: 502 Bad Gateway')).toBe(
      'network-timeout',
    );
    expect(await first("Invoke-WebRequest : The remote name could not be resolved: 'github.com'")).toBe('network-timeout');
    // A token service's 401 stays a refusal.
    expect(await first('failed to fetch anonymous token: unexpected status: 401 Unauthorized')).toBe('registry-auth-denied');
  });

  it("reads Windows' cmd without docker, a tool's own check and Docker's actions on a Windows runner as a missing engine", async () => {
    const cmd = await full("'docker' is not recognized as an internal or external command,\noperable program or batch file.");
    expect(cmd?.id).toBe('builder-missing');
    expect(cmd?.title).toMatch(/the docker CLI is not installed$/);
    expect(await first('Error: Docker is not installed or not in PATH')).toBe('builder-missing');
    const runner = await full('Run docker/login-action@v3\nError: Only supported on linux platform');
    expect(runner?.id).toBe('builder-missing');
    expect(runner?.title).toBe("Docker's actions run only on Linux runners");
    expect(firstListItem(runner!.fix)).toMatch(/^docker\/login-action, setup-buildx-action and build-push-action run only on Linux runners/);
  });

  it("reads Chocolatey's refusals as the install", async () => {
    expect(await first('Installing nodejs-lts...\nThe install of nodejs-lts was NOT successful.')).toBe('package-install-failure');
    expect(
      await first(
        "ERROR: Checksum for 'C:\\Users\\ContainerAdministrator\\AppData\\Local\\Temp\\chocolatey\\git\\2.44.0\\Git-64-bit.exe' did not meet '2331CAE21632689B1B4D4418DA67B7B490B661D0BB195AFFBFAE15927BC696B8' for checksum type 'SHA256'.",
      ),
    ).toBe('package-install-failure');
  });
});

describe('a registry that answers a pull in plain HTTP', () => {
  it('reads it as the registry setup the network finding names, with the insecure-registry advice and no re-run', async () => {
    const tty = await full(
      [
        '#5 [internal] load metadata for registry.local:5000/base/python:3.11',
        '#5 ERROR: failed to do request: Head "https://registry.local:5000/v2/base/python/manifests/3.11": http: server gave HTTP response to HTTPS client',
        'ERROR: failed to solve: registry.local:5000/base/python:3.11: failed to do request: Head "https://registry.local:5000/v2/base/python/manifests/3.11": http: server gave HTTP response to HTTPS client',
      ].join('\n'),
    );
    expect(tty?.id).toBe('network-timeout');
    expect(tty?.title).toBe('A network request failed during the build: the registry registry.local:5000 answered in plain HTTP');
    expect(firstListItem(tty!.fix)).toMatch(/^The registry `?registry\.local:5000`? serves plain HTTP .*`http = true`/);
    expect(tty!.fix).not.toMatch(/re-run the job/);
    // containerd's own log line, its quotes escaped.
    expect(
      await first(
        'INFO[0000] trying next host  error="failed to do request: Head \\"https://10.0.0.58:30500/v2/app/manifests/latest\\": http: server gave HTTP response to HTTPS client" host="10.0.0.58:30500"',
      ),
    ).toBe('network-timeout');
    // A push's stays the push's.
    expect(
      await first(
        'The push refers to repository [registry.local:5000/app]\nGet https://registry.local:5000/v1/_ping: http: server gave HTTP response to HTTPS client',
      ),
    ).toBe('registry-push-failure');
  });
});

describe('the rules of train batches 441 to 447', () => {
  it('reads a compiler killed by signal 9 as memory, and another signal not', async () => {
    expect(await first('sccache: Compiler killed by signal 9')).toBe('oom-killed');
    expect(await first('sccache: Compiler killed by signal SIGKILL')).toBe('oom-killed');
    expect(await first('sccache: Compiler killed by signal 15')).not.toBe('oom-killed');
    // A review's: a test runner that a timeout killed is no compiler (a `timeout -s KILL` wrapper's own words): no signature
    // names memory (the word model may still guess it from `killed`, as a likely cause).
    const timedOut = await full('ERROR: test runner killed by signal 9 after exceeding the 20m time limit (timeout -s KILL)');
    expect(timedOut?.id === 'oom-killed' && timedOut.data?.role !== 'likely-cause').toBe(false);
  });

  it("reads a Meson older than the project needs as the compile's, with the advice to install a newer one", async () => {
    const meson = await full('meson.build:1:0: ERROR: Meson version is 0.53.2 but project requires >= 0.54');
    expect(meson?.id).toBe('compile-error');
    expect(firstListItem(meson!.fix)).toMatch(
      /^The image's Meson is older than the project needs \(`?Meson version is 0\.53\.2 but project requires >= 0\.54`?\).*pip install meson/,
    );
  });

  it("reads a Rust build script's download that timed out or could not connect as the network, before the compile it broke", async () => {
    const url =
      'Url { scheme: "https", cannot_be_a_base: false, username: "", password: None, host: Some(Domain("example.org")), port: None, path: "/abi.json", query: None, fragment: None }';
    const timedOut = [
      `#0 799.0   thread 'main' panicked at 'No abi file found. Failed to download: reqwest::Error { kind: Request, url: ${url}, source: TimedOut }', build.rs:68:19`,
      '#0 822.0 error: failed to compile `app v4.1.0 (/app)`, intermediate artifacts can be found at `/app/target`',
    ].join('\n');
    expect(await first(timedOut)).toBe('network-timeout');
    expect(
      await first(
        `thread 'main' panicked at build.rs:12:5: reqwest::Error { kind: Request, url: ${url}, source: hyper_util::client::legacy::Error(Connect, ConnectError("dns error", Custom { kind: Uncategorized, error: "failed to lookup address information" })) }`,
      ),
    ).toBe('network-timeout');
    // A test's own server on a loopback address that did not answer is no network failure (a review's case), in reqwest's
    // newer print of the URL and in its older one.
    expect(await first(inRun('reqwest::Error { kind: Request, url: "http://127.0.0.1:8080/healthz", source: TimedOut }'))).not.toBe('network-timeout');
    expect(
      await first(
        'reqwest::Error { kind: Request, url: Url { scheme: "http", cannot_be_a_base: false, username: "", password: None, host: Some(Domain("localhost")), port: Some(8080), path: "/", query: None, fragment: None }, source: TimedOut }',
      ),
    ).not.toBe('network-timeout');
    // A status the server answered is no network failure.
    expect(await first(`Error: reqwest::Error { kind: Status(404), url: ${url} }`)).not.toBe('network-timeout');
  });

  it('reads a push whose content-trust signing found no trust data as the push, with the content-trust advice', async () => {
    const push = await full(
      [
        '$ docker push registry.gitlab.com/acme/app:latest',
        'The push refers to a repository [registry.gitlab.com/acme/app]',
        'fa465e6f6b6d: Pushed',
        'latest: digest: sha256:01a087f126a04c5e0b0dea153bfb153332f3c2472ef77dab260eb13456ce6926 size: 2001',
        'Signing and pushing trust metadata',
        'Error: trust data missing for remote repository registry.gitlab.com/acme/app or remote repository not found: timestamp key trust data unavailable.  Has a notary repository been initialized?',
        'ERROR: Job failed: exit code 1',
      ].join('\n'),
    );
    expect(push?.id).toBe('registry-push-failure');
    expect(firstListItem(push!.fix)).toMatch(/^Docker Content Trust .*DOCKER_CONTENT_TRUST/);
    // A pull's lookup of an unsigned image says so in other words: no push, no push's advice (a review's case).
    const pull = await full(
      '$ docker pull registry.internal.example/base/python:3.12-slim\nError: remote trust data does not exist for registry.internal.example/base/python: registry.internal.example does not have trust data for registry.internal.example/base/python',
    );
    expect(pull?.id).not.toBe('registry-push-failure');
    expect(pull?.fix ?? '').not.toMatch(/Docker Content Trust is on for the push/);
  });

  it("reads GitLab's Docker service that did not start as no daemon, and another service that did not start not", async () => {
    const dind = await full(
      [
        'Starting service docker:dind ...',
        'Waiting for services to be up and running...',
        "*** WARNING: Service runner-324fb482-project-159-concurrent-0-docker-0 probably didn't start properly.",
        'Error response from daemon: Cannot link to a non running container: /runner-324fb482-project-159-concurrent-0-docker-0 AS /runner-324fb482-project-159-concurrent-0-docker-0-wait-for-service/runner-324fb482-project-159-concurrent-0-docker-0',
      ].join('\n'),
    );
    expect(dind?.id).toBe('builder-missing');
    expect(dind?.title).toBe('The Docker daemon is not running, or not where the client looks for it');
    expect(firstListItem(dind!.fix)).toMatch(/^GitLab's service that runs the job's Docker daemon did not start/);
    // The image's name when the service has no alias (`docker:dind`).
    expect(
      await first(
        'Error response from daemon: Cannot link to a non running container: /runner-xk9spq2r-project-4821-concurrent-0-docker__dind-0 AS /runner-xk9spq2r-project-4821-concurrent-0-docker__dind-0-wait-for-service/service',
      ),
    ).toBe('builder-missing');
    // An alias that only starts with docker is another service (a review's case: a registry:2 service aliased docker-registry).
    expect(
      (
        await full(
          'Error response from daemon: Cannot link to a non running container: /runner-xk9spq2r-project-4821-concurrent-0-docker-registry-0 AS /runner-xk9spq2r-project-4821-concurrent-0-docker-registry-0-wait-for-service/service',
        )
      )?.fix ?? '',
    ).not.toMatch(/GitLab's service that runs the job's Docker daemon/);
    // It is a service container that exited, advised as GitLab's, not as a Kubernetes pod's.
    const postgres = await full(
      'Error response from daemon: Cannot link to a non running container: /runner-324fb482-project-159-concurrent-0-postgres-0 AS /runner-324fb482-project-159-concurrent-0-postgres-0-wait-for-service/service',
    );
    expect(postgres?.id).toBe('container-crash-loop');
    expect(firstListItem(postgres!.fix)).toMatch(/^A GitLab CI service's container exited before the job could use it/);
    expect(postgres!.fix).not.toMatch(/kubectl/);
    expect(
      await first(
        'Error response from daemon: Cannot link to a non running container: /runner-324fb482-project-159-concurrent-0-postgres-0 AS /runner-324fb482-project-159-concurrent-0-postgres-0-wait-for-service/runner-324fb482-project-159-concurrent-0-postgres-0',
      ),
    ).not.toBe('builder-missing');
  });
});

describe('the rules of train batches 449 to 455', () => {
  it("reads the old docker CLI's pull whose layer stream broke as the network", async () => {
    expect(
      await first(
        [
          'Pulling repository acme/tiles',
          'd0c2c581ba2f: Error pulling image (latest) from acme/tiles, flate: read error at offset 283508726: unexpected EOF  read error at offset 283508726: unexpected EOF',
          '84ae44f1140d: Error downloading dependent layers',
        ].join('\n'),
      ),
    ).toBe('network-timeout');
    // A review's: a local archive that is truncated is no download to re-run (`docker load` of a cached tarball).
    expect(
      await first(
        [
          '$ docker load -i /tmp/.docker-cache/base-image.tar.gz',
          'Error processing tar file(exit status 1): flate: read error at offset 183500800: unexpected EOF',
        ].join('\n'),
      ),
    ).not.toBe('network-timeout');
  });

  it("reads a .deb the image's dpkg cannot unpack as the install, with the advice on its compression", async () => {
    const deb = await full(
      [
        'Step 5/63 : RUN dpkg -i /tmp/hooks_1.0_all.deb',
        ' ---> Running in ea8f81488cbb',
        "dpkg-deb: error: archive '/tmp/hooks_1.0_all.deb' uses unknown compression for member 'control.tar.zst', giving up",
      ].join('\n'),
    );
    expect(deb?.id).toBe('package-install-failure');
    expect(firstListItem(deb!.fix)).toMatch(/^The image's dpkg cannot unpack the package .*dpkg-deb -Zxz/);
    // An xz member is the install too, without the zstd advice (a review's case: `-Zxz` is what it has).
    const xz = await full("dpkg-deb: error: archive '/tmp/vendor_2.1_amd64.deb' uses unknown compression for member 'data.tar.xz', giving up");
    expect(xz?.id).toBe('package-install-failure');
    expect(xz!.fix).not.toMatch(/zstd/);
  });

  it("reads a configure script's banner for a library it did not find as the compile", async () => {
    const configure = await full('checking for pcre2_compile_8 in -lpcre2-8... no\n\n   ERROR!  pcre2 library not found, go get it');
    expect(configure?.id).toBe('compile-error');
    // A signature's, not the word model's guess, and C's advice: `go get it` is no Go command (a review's case).
    expect(configure?.data?.role).toBe('root-cause');
    expect(configure?.fix ?? '').not.toMatch(/go\.mod/);
    // Not any program's `ERROR! ... not found` (a review's case: a runtime check for the GPU's library inside a build).
    const gpu = await full(inRun('ERROR! CUDA library not found (libcuda.so.1). Is the NVIDIA driver mounted?'));
    expect(gpu?.id === 'compile-error' && gpu.data?.role === 'root-cause').toBe(false);
  });
});

describe('the rules of train batches 465 to 471', () => {
  it("reads Go's fetch without git as the install, with Go's advice, in a build and pasted alone", async () => {
    const legacy = await full(
      [
        'Step 5/9 : RUN go get -d -v ./...',
        ' ---> Running in 0b7c1d2e3f4a',
        'go: missing Git command. See https://golang.org/s/gogetcmd',
        'package github.com/acme/lib: exec: "git": executable file not found in $PATH',
        "The command '/bin/sh -c go get -d -v ./...' returned a non-zero code: 1",
      ].join('\n'),
    );
    expect(legacy?.id).toBe('package-install-failure');
    expect(legacy?.fix).toMatch(/Go fetches modules from version control with git.*apk add --no-cache git/);
    // A module download's own line, pasted without Docker's (the catalog's word makes it a diagnosis, not a refusal).
    expect(
      await first('go: example.com/acme/utils@v0.0.1: git init --bare in /go/pkg/mod/cache/vcs/0f1e: exec: "git": executable file not found in $PATH'),
    ).toBe('package-install-failure');
    // Another program's missing git is not Go's: npm's keeps npm's advice.
    const npm = await full(inRun('npm ERR! code ENOGIT\nnpm ERR! No git binary found in $PATH'));
    expect(npm?.id).toBe('package-install-failure');
    expect(npm?.fix).not.toMatch(/Go fetches modules/);
  });

  it('reads Go without a go.mod, a cgo package built with cgo off and a missing C runtime as the compile', async () => {
    const noModule = await full(
      [
        'Step 6/8 : RUN go get -d -v',
        ' ---> Running in 5e4d3c2b1a09',
        "go: go.mod file not found in current directory or any parent directory; see 'go help modules'",
        "The command '/bin/sh -c go get -d -v' returned a non-zero code: 1",
      ].join('\n'),
    );
    expect(noModule?.id).toBe('compile-error');
    expect(noModule?.fix).toMatch(/Go found no `go\.mod` where it ran/);
    const cgo = await full(inRun('package github.com/mattn/go-sqlite3: C source files not allowed when not using cgo or SWIG: sqlite3-binding.c'));
    expect(cgo?.id).toBe('compile-error');
    expect(cgo?.fix).toMatch(/CGO_ENABLED=1/);
    const crt = await full(
      inRun(
        [
          '# github.com/acme/agent',
          '/usr/local/go/pkg/tool/linux_amd64/link: running gcc failed: exit status 1',
          '/usr/lib/gcc/x86_64-alpine-linux-musl/12.2.1/../../../../x86_64-alpine-linux-musl/bin/ld: cannot find Scrt1.o: No such file or directory',
        ].join('\n'),
      ),
    );
    expect(crt?.id).toBe('compile-error');
    expect(crt?.fix).toMatch(/musl-dev/);
  });

  it("reads minikube's daemon that Skaffold or docker-env could not reach as the missing daemon, with minikube's advice", async () => {
    const stopped = await full(
      [
        'creating runner: creating builder: getting docker client: getting minikube env: running [/usr/local/bin/minikube docker-env --shell none -p minikube]',
        ' - stdout: "* The control plane node must be running for this command\\n  - To fix this, run: \\"minikube start\\"\\n"',
        ' - stderr: ""',
        ' - cause: exit status 89',
      ].join('\n'),
    );
    expect(stopped?.id).toBe('builder-missing');
    expect(stopped?.title).toMatch(/Docker daemon is not running/);
    expect(stopped?.fix).toMatch(/minikube status/);
    // The general advice on a local daemon (systemctl, Docker Desktop) is not minikube's.
    expect(stopped?.fix).not.toMatch(/systemctl start docker/);
    const proxy = await first(
      "W0108 11:08:47.276089 3197810 docker-env.go:293] couldn't connect to docker inside minikube.  output: proxy: unknown scheme: socks",
    );
    expect(proxy).toBe('builder-missing');
  });

  it("reads Skaffold's COPY source that matched no file as the missing source", async () => {
    const skaffold = await full(
      'getting hash for artifact "web": getting dependencies for "web": file pattern [cmd/server/main.go] must match at least one file',
    );
    expect(skaffold?.id).toBe('copy-source-missing');
    expect(skaffold?.title).toMatch(/cmd\/server\/main\.go/);
    expect(skaffold?.fix).toMatch(/skaffold\.yaml/);
  });
});

describe('the rules of train batches 473 to 479', () => {
  it("reads GNU wget's 403 as a refused download, not a registry's login", async () => {
    const download = await full(
      inRun(
        [
          'Connecting to downloads.example.org (downloads.example.org)|203.0.113.7|:443... connected.',
          'HTTP request sent, awaiting response... 403 Forbidden',
          '2024-03-02 10:14:07 ERROR 403: Forbidden.',
        ].join('\n'),
      ),
    );
    expect(download?.id).toBe('package-install-failure');
    // A registry's 403 is still the login's.
    expect(await first('denied: 403 Forbidden\nerror: failed to push ghcr.io/acme/app:1.0: unexpected status: 403 Forbidden')).toBe('registry-auth-denied');
  });

  it('reads a download from Bintray, shut down in 2021, as the install, with where the files moved', async () => {
    const wget = await full(
      inRun(
        [
          'Connecting to dl.bintray.com (dl.bintray.com)|3.127.93.119|:443... connected.',
          'HTTP request sent, awaiting response... 403 Forbidden',
          '2021-06-14 11:43:32 ERROR 403: Forbidden.',
        ].join('\n'),
      ),
    );
    expect(wget?.id).toBe('package-install-failure');
    expect(firstListItem(wget!.fix)).toMatch(/dl\.bintray\.com.*May 2021.*archives\.boost\.io/);
    // BuildKit's ADD of a Bintray URL, as the tty form prints it.
    const add = await full(
      [
        '[+] Building 2.1s (6/12)',
        ' => [internal] load build definition from Dockerfile                       0.0s',
        ' => ERROR https://dl.bintray.com/boostorg/release/1.69.0/source/boost_1_6  1.3s',
      ].join('\n'),
    );
    expect(add?.id).toBe('package-install-failure');
    expect(add?.fix).toMatch(/Bintray down in May 2021/);
    // Bintray named in a command that failed for another reason is not the cause: only a fetch of it is.
    const other = await full(
      inRun('echo "deb https://dl.bintray.com/sbt/debian /" > /etc/apt/sources.list.d/sbt.list\nE: Unable to locate package sbt-extras'),
    );
    expect(other?.fix ?? '').not.toMatch(/Bintray down/);
  });
});

describe('the rules of train batches 481 to 487', () => {
  it("reads SQL Server's memory floor as memory, with its advice", async () => {
    const mssql = await full(
      [
        '$ docker run -e ACCEPT_EULA=Y -e MSSQL_SA_PASSWORD=x mcr.microsoft.com/mssql/server:2022-latest',
        'sqlservr: This program requires a machine with at least 2000 megabytes of memory',
      ].join('\n'),
    );
    expect(mssql?.id).toBe('oom-killed');
    expect(mssql?.fix).toMatch(/SQL Server needs more memory than the container has/);
  });

  it("reads a native module's missing binary and npm's workspace protocol as the install, with their advice", async () => {
    const rollup = await full(
      inRun(
        'Error: Cannot find module @rollup/rollup-linux-arm64-musl. npm has a bug related to optional dependencies (https://github.com/npm/cli/issues/4828). Please try `npm i` again after removing both package-lock.json and node_modules directory.\n    at requireWithFriendlyError (/app/node_modules/rollup/dist/native.js:83:9)',
      ),
    );
    expect(rollup?.id).toBe('package-install-failure');
    expect(firstListItem(rollup!.fix)).toMatch(/^A native module's binary for this platform is missing/);
    const sharp = await full(
      'Error: Could not load the "sharp" module using the linux-arm64 runtime\nERR_DLOPEN_FAILED: libvips-cpp.so.42: cannot open shared object file: No such file or directory',
    );
    expect(sharp?.id).toBe('package-install-failure');
    const workspace = await full(inRun('npm error code EUNSUPPORTEDPROTOCOL\nnpm error Unsupported URL Type "workspace:": workspace:^'));
    expect(workspace?.id).toBe('package-install-failure');
    expect(firstListItem(workspace!.fix)).toMatch(/^npm cannot install the `workspace:` and `catalog:` protocols/);
  });

  it("reads old Go's module requirements and TeX Live's failed action as the install, a stale struct field as the compile", async () => {
    expect(await first(inRun('go: finding github.com/acme/plugin v1.2.0\ngo: error loading module requirements'))).toBe('package-install-failure');
    expect(await first(inRun('+ tlmgr install collection-fontsrecommended\ntlmgr: An error has occurred. See above messages. Exiting.'))).toBe(
      'package-install-failure',
    );
    expect(
      await first(
        inRun(
          '# github.com/acme/cache/plugins/caddy\n/go/pkg/mod/github.com/acme/cache/plugins/caddy@v0.0.0-20240717102502-b0a36db1b550/configuration.go:367:50: unknown field Found in struct literal of type types.CacheProvider',
        ),
      ),
    ).toBe('compile-error');
  });

  it("reads Next.js' Google Fonts download whose family name has spaces as the network", async () => {
    // Pasted alone, as a compose build's output shows it.
    const fonts = await full('Failed to fetch `Noto Sans Mono` from Google Fonts.\n> Build failed because of webpack errors');
    expect(fonts?.id).toBe('network-timeout');
    expect(fonts?.data?.role).toBe('root-cause');
  });
});

describe('what the review of the rules of train batches 465 to 487 found', () => {
  it("gives Go's advice for git missing in today's wording, and reads Go's version stamping without git as the compile", async () => {
    const modern = await full(
      inRun('go: github.com/acme/internal-lib@v1.4.2: missing Git command. See https://golang.org/s/gogetcmd\ngo: error loading module requirements'),
    );
    expect(modern?.id).toBe('package-install-failure');
    expect(firstListItem(modern!.fix)).toMatch(/^Go fetches modules from version control with git/);
    const stamping = await full(
      inRun('error obtaining VCS status: exec: "git": executable file not found in $PATH\n\tUse -buildvcs=false to disable VCS stamping.'),
    );
    expect(stamping?.id).toBe('compile-error');
    expect(stamping?.fix).toMatch(/-buildvcs=false/);
    expect(stamping?.fix).not.toMatch(/Go fetches modules/);
  });

  it("reads pnpm's catalog: protocol given to npm as the workspace protocol's, and names no CPU the log did not", async () => {
    const catalog = await full(inRun('npm error code EUNSUPPORTEDPROTOCOL\nnpm error Unsupported URL Type "catalog:": catalog:'));
    expect(firstListItem(catalog!.fix)).toMatch(/^npm cannot install the `workspace:` and `catalog:` protocols/);
    const sharp = await full(inRun('Error: Could not load the "sharp" module using the linux-arm64 runtime'));
    expect(sharp?.fix).toMatch(/FROM --platform=\$BUILDPLATFORM/);
    expect(sharp?.fix).not.toMatch(/--cpu=x64/);
  });
});

describe('the rules of train batches 489 and 491', () => {
  it("reads mysqlclient's and Pillow's source builds without their libraries, and pip's failed setup.py, as the install", async () => {
    const mysql = await full(inRun('Exception: Can not find valid pkg-config name.\nSpecify MYSQLCLIENT_CFLAGS and MYSQLCLIENT_LDFLAGS env vars manually'));
    expect(mysql?.id).toBe('package-install-failure');
    expect(firstListItem(mysql!.fix)).toMatch(/^mysqlclient 2\.2 and later finds the MySQL client library with pkg-config/);
    const pillow = await full('ValueError: --enable-jpeg requested but jpeg not found, aborting.');
    expect(pillow?.id).toBe('package-install-failure');
    expect(firstListItem(pillow!.fix)).toMatch(/^Pillow is built from source/);
    expect(await first(inRun("Running setup.py install for lxml: finished with status 'error'\n    ERROR: Command errored out with exit status 1:"))).toBe(
      'package-install-failure',
    );
  });

  it("reads the kernel's report of a container's memory cgroup at its limit as memory", async () => {
    expect(
      await first(
        [
          '[20411.532911] Task in /docker/9f1c2e0a7b3d killed as a result of limit of /docker/9f1c2e0a7b3d',
          '[20411.532940] memory: usage 2097152kB, limit 2097152kB, failcnt 1187',
        ].join('\n'),
      ),
    ).toBe('oom-killed');
  });
});

describe('the rules of train batches 493 to 499', () => {
  it('reads a program that stops on an instruction the CPU lacks as built for newer CPUs, and an emulated crash still as QEMU', async () => {
    const compose = await full(
      [
        'api  | CPU lacks AVX support. Please consider upgrading to a newer CPU.',
        'api  | panic(main thread): Illegal instruction at address 0x1A2B3C4',
        'api  | oh no: Bun has crashed. This indicates a bug in Bun, not your code.',
        'api  | Illegal instruction (core dumped)',
        'api exited with code 132',
      ].join('\n'),
    );
    expect(compose?.id).toBe('platform-mismatch');
    expect(compose!.title).toMatch(/needs CPU instructions the host lacks/);
    expect(firstListItem(compose!.fix)).toMatch(/^Use the program's build for older CPUs \(Bun: its `-baseline` release/);
    expect(await first(inRun('CPU lacks AVX support. Please consider upgrading to a newer CPU.\npanic: Illegal instruction at address 0x489AE07'))).toBe(
      'platform-mismatch',
    );
    // Emulated, the same program crashed with a segfault: the emulation's.
    expect(await first(inRun('CPU: sse42 popcnt\npanic: Segmentation fault at address 0x92C603A8'))).toBe('qemu-emulation');
  });

  it("reads apt's words with a blank before the colon, a Debian package's unmet build dependencies and yum's missing capability as the install", async () => {
    expect(await first('E : Unable to locate package libfoo9')).toBe('package-install-failure');
    const deps = await full(
      inRun(
        'dpkg-checkbuilddeps: error: Unmet build dependencies: debhelper-compat (= 13) libfoo-dev\ndpkg-buildpackage: warning: build dependencies/conflicts unsatisfied; aborting',
      ),
    );
    expect(deps?.id).toBe('package-install-failure');
    expect(firstListItem(deps!.fix)).toMatch(
      /^A Debian package built in the image .* needs build dependencies the image lacks \(`Unmet build dependencies: debhelper-compat/,
    );
    expect(await first(['make -C deps all', 'Error: No Package found for kernel-devel = 4.18.0-80.el8', 'make: *** [deps] Error 1'].join('\n'))).toBe(
      'package-install-failure',
    );
  });

  it("reads the daemon's `Error: image x:tag not found` relayed at the end of another tool's line as a missing image, not an app's picture", async () => {
    const relayed = await full(
      "Failed to launch container: Failed to 'docker pull acme/agent:edge': exit status = 1 stderr = Error: image acme/agent:edge not found",
    );
    expect(relayed?.id).toBe('manifest-unknown');
    expect(relayed!.title).toMatch(/acme\/agent:edge/);
    expect((await diagnoseText('render failed: Error: image img/hero@2x.webp not found', 'x.log')).findings.some((f) => f.id === 'manifest-unknown')).toBe(
      false,
    );
  });

  it('reads a push to a host whose /v2/ answers 404 as a push to something that is no registry', async () => {
    const push = await full(
      'error pushing image "example.com/team/app" to "docker://example.com/team/app:latest": error copying layers and metadata: Error trying to reuse blob sha256:4a2b at destination: error pinging docker registry example.com: invalid status code from registry 404 (Not Found)',
    );
    expect(push?.id).toBe('registry-push-failure');
    expect(push!.fix).toMatch(/`example\.com` answered the registry API's ping \(`\/v2\/`\) with 404: it is not a registry/);
  });
});

describe('the rules of train batches 501 to 507', () => {
  it("reads an ECR call without AWS credentials as the registry login, with where the credentials go, and not Kaniko's probe before another registry", async () => {
    const ecr = await full(
      'error: ensure image exists: check image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.2 exists: list ECR images: NoCredentialProviders: no valid providers in chain. Deprecated.',
    );
    expect(ecr?.id).toBe('registry-auth-denied');
    expect(firstListItem(ecr!.fix)).toMatch(/^The AWS SDK found no credentials to log in to ECR with/);
    const kaniko = await full(
      [
        'E0105 13:50:28.345758      19 aws_credentials.go:77] while getting AWS credentials NoCredentialProviders: no valid providers in chain. Deprecated.',
        'error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "docker.io/acme/app:1": UNAUTHORIZED: authentication required',
      ].join('\n'),
    );
    expect(kaniko?.id).toBe('registry-auth-denied');
    expect(kaniko!.fix).not.toMatch(/AWS SDK found no credentials/);
  });
});

describe('the rules of train batches 509 to 515', () => {
  it("reads gpg without its agent, an old installer's missing index page and Pillow's headline cut at its comma as the install, each with its advice", async () => {
    const gpg = await full(
      inRun(
        "Warning: apt-key output should not be parsed (stdout is not a terminal)\ngpg: failed to start agent '/usr/bin/gpg-agent': No such file or directory\ngpg: can't connect to the agent: No such file or directory",
      ),
    );
    expect(gpg?.id).toBe('package-install-failure');
    expect(firstListItem(gpg!.fix)).toMatch(/^gpg could not start its agent .*: the image has gpg without `gpg-agent`/);
    const index = await full("Getting distribution for 'collective.foo'.\nCouldn't find index page for 'collective.foo' (maybe misspelled?)");
    expect(index?.id).toBe('package-install-failure');
    expect(firstListItem(index!.fix)).toMatch(/^setuptools or zc\.buildout found no page for the package in its index/);
    const pillow = await full('The headers or library files could not be found for jpeg,\na required dependency when compiling Pillow from source.');
    expect(pillow?.id).toBe('package-install-failure');
    expect(firstListItem(pillow!.fix)).toMatch(/^Pillow is built from source/);
  });

  it("reads the registry's 5xx to `docker run`'s pull as the network, not a push", async () => {
    const run = await full(
      [
        "Unable to find image 'acme/app:2.1' locally",
        '2.1: Pulling from acme/app',
        '4f4fb700ef54: Downloading',
        'docker: received unexpected HTTP status: 503 Service Unavailable.',
        "See 'docker run --help'.",
      ].join('\n'),
    );
    expect(run?.id).toBe('network-timeout');
    expect(run!.data?.role).not.toBe('likely-cause');
    // A push's own wording stays the push's.
    expect(
      await first(
        'The push refers to repository [registry.example.com/acme/app]\n5f70bf18a086: Pushing\nreceived unexpected HTTP status: 500 Internal Server Error',
      ),
    ).toBe('registry-push-failure');
  });
});

describe("what the review of the session's rules found (train batches 493 to 515)", () => {
  it("reads the CPU's missing instructions from the program's own words, not from a panic's `Illegal instruction at address`", async () => {
    // Zig's panic handler prints this line for any SIGILL (Bun is written in Zig): alone it says nothing of AVX.
    expect((await diagnoseText(inRun('panic: Illegal instruction at address 0x1d2c3b4'), 'x.log')).findings.some((f) => f.id === 'platform-mismatch')).toBe(
      false,
    );
    const tf = await full(
      inRun("The TensorFlow library was compiled to use AVX instructions, but these aren't available on your machine.\nAborted (core dumped)"),
    );
    expect(tf?.id).toBe('platform-mismatch');
    expect(firstListItem(tf!.fix)).toMatch(/TensorFlow: a build without AVX/);
    // The platform finding's general items (a base image's variants, Windows containers) say nothing of a CPU's features.
    expect(tf!.fix).not.toMatch(/imagetools inspect|Windows containers/);
  });

  it("gives ECR's credential helper without AWS credentials the AWS advice first, not a refused pull's or GHCR's", async () => {
    const helper =
      'error getting credentials - err: exit status 1, out: `ecr: Failed to get authorization token: NoCredentialProviders: no valid providers in chain. Deprecated.';
    const pasted = await full(helper);
    expect(pasted?.id).toBe('registry-auth-denied');
    expect(pasted!.fix).toMatch(/^- The AWS SDK found no credentials to log in to ECR with/);
    expect(pasted!.fix).not.toMatch(/ghcr\.io/);
    const build = await full(
      [
        '#4 [internal] load metadata for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/python:3.12',
        `#4 ERROR: ${helper}`,
        '------',
        ' > [internal] load metadata for 123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/python:3.12:',
        '------',
        `ERROR: failed to solve: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/python:3.12: ${helper}`,
      ].join('\n'),
    );
    expect(build?.id).toBe('registry-auth-denied');
    expect(build!.fix).toMatch(/^- The AWS SDK found no credentials/);
    expect(build!.fix).not.toMatch(/A pull was refused/);
  });

  it("tells a push into an ECR repository that was never created to create it, and leaves a pull's missing repository to the name", async () => {
    const push = await full(
      [
        '#12 exporting to image',
        '#12 pushing layers',
        "#12 ERROR: failed to push 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.8.0: name unknown: The repository with name 'payments-api' does not exist in the registry with id '123456789012'",
        '------',
        ' > exporting to image:',
        '------',
        "ERROR: failed to solve: failed to push 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.8.0: name unknown: The repository with name 'payments-api' does not exist in the registry with id '123456789012'",
      ].join('\n'),
    );
    expect(push?.id).toBe('registry-push-failure');
    expect(firstListItem(push!.fix)).toMatch(/^ECR has no such repository .*: ECR does not create a repository on push/);
    const pull = await full(
      "Error response from daemon: repository 123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api not found: name unknown: The repository with name 'payments-api' does not exist in the registry with id '123456789012'",
    );
    expect(pull?.fix ?? '').not.toMatch(/ECR does not create a repository on push/);
  });

  it("reads Podman's own words for a push to a host that is no registry, and puts Pillow's missing library before pip's general advice", async () => {
    const podman = await full(
      'Error: trying to reuse blob sha256:5f70bf18a086 at destination: pinging container registry nexus.example.internal:8081: invalid status code from registry 404 (Not Found)',
    );
    expect(podman?.id).toBe('registry-push-failure');
    expect(podman!.fix).toMatch(/`nexus\.example\.internal:8081` answered the registry API's ping/);
    const pillow = await full(
      inRun(
        [
          'error: subprocess-exited-with-error',
          'The headers or library files could not be found for zlib,',
          'a required dependency when compiling Pillow from source.',
          'ERROR: Failed building wheel for Pillow',
        ].join('\n'),
      ),
    );
    expect(pillow?.id).toBe('package-install-failure');
    expect(firstListItem(pillow!.fix)).toMatch(/^Pillow is built from source/);
  });
});

describe('the rules of train batches 521 to 535', () => {
  it("reads a container's `exec ...: exec format error` quoted in a sentence as the platform's, not QEMU's", async () => {
    const title = await full('Indexer throws "exec /usr/local/bin/indexer: exec format error" on startup (Raspberry Pi 4)');
    expect(title?.id).toBe('platform-mismatch');
    expect(title!.title).toMatch(/for another CPU than the host/);
    // The shell of a RUN step that could not start stays the emulator's (no emulator registered for that platform).
    expect(await first('"exec /bin/sh: exec format error"')).toBe('qemu-emulation');
  });

  it("reads rustup's broken toolchain download and an old engine's 5xx to a FROM's manifest request as the network", async () => {
    expect(
      await first(
        inRun(
          "error: could not download file from 'https://static.rust-lang.org/dist/2024-02-01/rust-std-1.76.0-x86_64-unknown-linux-gnu.tar.xz' to '/usr/local/rustup/downloads/1f0e.partial'",
        ),
      ),
    ).toBe('network-timeout');
    const legacy = [
      'Sending build context to Docker daemon  3.072kB',
      'Step 1/4 : FROM golang:1.21-alpine',
      'Get https://registry-1.docker.io/v2/library/golang/manifests/1.21-alpine: received unexpected HTTP status: 502 Bad Gateway',
    ].join('\n');
    expect(await first(legacy)).toBe('network-timeout');
    // A push's own 5xx stays the push's.
    expect(
      await first(
        [
          'The push refers to repository [registry.example.com/team/app]',
          '5f70bf18a086: Pushing [==================================================>]  1.024kB',
          'received unexpected HTTP status: 500 Internal Server Error',
        ].join('\n'),
      ),
    ).toBe('registry-push-failure');
  });

  it("reads docker-compose 1.x's `'ContainerConfig'` as Compose too old for the engine's images, and compose v1's `Bad response from Docker engine` as the daemon", async () => {
    const compose = await full(
      [
        '$ docker-compose up -d',
        'Recreating app_web_1 ... ',
        '',
        "ERROR: for app_web_1  'ContainerConfig'",
        '',
        "ERROR: for web  'ContainerConfig'",
        'Traceback (most recent call last):',
        '  File "/usr/bin/docker-compose", line 33, in <module>',
        "KeyError: 'ContainerConfig'",
      ].join('\n'),
    );
    expect(compose?.id).toBe('builder-missing');
    expect(compose!.title).toBe('docker-compose 1.x cannot recreate containers from images a current engine built');
    expect(firstListItem(compose!.fix)).toMatch(/^docker-compose 1\.x reads a field .*`ContainerConfig`.*: use Compose v2/);
    expect(compose!.fix).not.toMatch(/older than the compose file/);
    expect(await first('Building web\nERROR: Bad response from Docker engine')).toBe('builder-missing');
  });

  it("reads PECL's missing REST data, a Julia package's failed build and a `pear` command as the install", async () => {
    expect(await first(inRun('Package "redis" Version "4.3.0" does not have REST dependency information available'))).toBe('package-install-failure');
    expect(await first(inRun('ERROR: LoadError: HDF5 not properly installed. Please run Pkg.build("HDF5")'))).toBe('package-install-failure');
    const pear = await full(failedRun('pear config-set http_proxy $HTTP_PROXY', 'config-set expects 2 or 3 parameters'));
    expect(pear?.id).toBe('package-install-failure');
  });

  it("reads latexmk's and TeX's fatal errors as a compile error, and the shell's French `Processus arrêté` as a kill", async () => {
    expect(
      await first(inRun('! Emergency stop.\n!  ==> Fatal error occurred, no output PDF file produced!\nLatexmk: Errors, so I did not complete making targets')),
    ).toBe('compile-error');
    expect(await first(inRun('Processus arrêté'))).toBe('oom-killed');
  });

  it("keeps a paste of BuildKit's `failed to resolve source metadata` and a cut `The command '/bin/sh -c ...` line, each with a finding", async () => {
    for (const text of [
      'acme/indexer:latest: failed to resolve source metadata',
      "The command '/bin/sh -c /opt/tool/bin/tool-plugin install https://example.com/releases/download/v1.2.3/tool-plug",
    ]) {
      const analysis = await diagnoseText(text, 'p.log');
      expect([text, analysis.builds.length]).toEqual([text, 1]);
      expect(analysis.findings[0]?.evidence.map((e) => e.text).join('\n')).toContain(text.slice(0, 40));
    }
  });
});

describe('the rules of train batches 537 to 543', () => {
  it('reads a container entrypoint named relative to its working directory that cannot execute as the platform, not QEMU', async () => {
    const line = 'exec bin/start-server.sh: exec format error';
    expect(await first(line)).toBe('platform-mismatch');
    expect(await first(`api-1  | ${line}`)).toBe('platform-mismatch');
  });

  it("reads an engine not permitted to unpack a layer as the builder, in Buildah's and Podman's words", async () => {
    const layer = await full(
      [
        'Copying config 4a1f0c2b9e done',
        'Writing manifest to image destination',
        'Error: committing container for step {Env:[PATH=/usr/bin] Command:run}: copying layers and metadata for container "3f2c": initializing source containers-storage:app-working-container: storing layer "sha256:9b1c" to file: Error processing tar file(exit status 1): operation not permitted',
      ].join('\n'),
    );
    expect(layer?.id).toBe('builder-missing');
    expect(layer!.title).toBe('The engine was not permitted to unpack an image layer');
    expect(firstListItem(layer!.fix)).toMatch(/subordinate ID ranges/);
    const podman = await full(
      [
        '$ podman build -t app .',
        'STEP 1/4: FROM docker.io/library/node:22',
        'Error: creating build container: copying system image from manifest list: writing blob: adding layer with blob "sha256:1c2d": processing tar file(potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/shadow): Check /etc/subuid and /etc/subgid if configured locally and run "podman system migrate": lchown /etc/shadow: invalid argument): exit status 1',
      ].join('\n'),
    );
    expect(podman?.id).toBe('builder-missing');
    // The same extraction out of disk space stays the disk's.
    expect(await first('failed to register layer: Error processing tar file(exit status 1): write /usr/lib/libLLVM.so: no space left on device')).toBe(
      'disk-full',
    );
  });

  it("reads Composer's reverted require as the install, and CMake's add_subdirectory without a CMakeLists.txt as sources missing", async () => {
    expect(
      await first(
        failedRun(
          'composer require acme/ldap',
          'Installation failed, reverting ./composer.json and ./composer.lock to their original content.\n\n  [ErrorException]\n  Undefined index: extra',
        ),
      ),
    ).toBe('package-install-failure');
    const cmake = await full(
      inRun(
        [
          'CMake Error at CMakeLists.txt:41 (add_subdirectory):',
          '  The source directory',
          '',
          '    /src/app/third_party/googletest',
          '',
          '  does not contain a CMakeLists.txt file.',
          '',
          '-- Configuring incomplete, errors occurred!',
        ].join('\n'),
      ),
    );
    expect(cmake?.id).toBe('copy-source-missing');
    expect(firstListItem(cmake!.fix)).toMatch(/^CMake's `add_subdirectory` found a directory without a CMakeLists\.txt: a git submodule/);
    // Any other CMake error stays the compile's.
    expect(await first(inRun('CMake Error at CMakeLists.txt:12 (find_package):\n  Could not find a package configuration file provided by "Boost"'))).toBe(
      'compile-error',
    );
  });
});

describe("what the review of the session's rules found (train batches 521 to 543)", () => {
  it("leaves rustup's 404 and a toolchain that does not exist to the name, not the network", async () => {
    for (const line of [
      "error: could not download file from 'https://mirror.example.cn/rustup/dist/channel-rust-1.79.0.toml.sha256' to '/usr/local/rustup/tmp/5kq2_file': http request returned an unsuccessful status code: 404",
      "error: could not download nonexistent rust version 1.78-x86_64-unknown-linux-musl: could not download file from 'https://static.rust-lang.org/dist/rust-1.78-x86_64-unknown-linux-musl.tar.gz.sha256' to '/root/.rustup/tmp/a1'",
    ]) {
      const analysis = await diagnoseText(inRun(line), 'r.log');
      // No signature claims it: at most the word model's guess (data.basis `words`), which says "Likely".
      const first = analysis.findings[0];
      expect([line.slice(0, 40), first?.id === 'network-timeout' && first.data?.['basis'] !== 'words']).toEqual([line.slice(0, 40), false]);
    }
  });

  it("gives compose v1's own ContainerConfig line its title, and a daemon that answered badly the daemon's", async () => {
    // Python's KeyError alone is also Ansible's and other docker-py clients': no title naming docker-compose 1.x.
    expect((await full("KeyError: 'ContainerConfig'"))?.title ?? '').not.toMatch(/docker-compose 1\.x/);
    const bad = await full('Building web\nERROR: Bad response from Docker engine');
    expect(bad?.title).toBe('The Docker daemon is not running, or not where the client looks for it');
  });

  it("reads TeX's missing package or font as the install, before latexmk's summary", async () => {
    const tex = await full(
      inRun(
        "! LaTeX Error: File `fncychap.sty' not found.\n!  ==> Fatal error occurred, no output PDF file produced!\nLatexmk: Errors, so I did not complete making targets",
      ),
    );
    expect(tex?.id).toBe('package-install-failure');
    expect(firstListItem(tex!.fix)).toMatch(/^TeX Live in the image lacks a package or font/);
  });

  it("reads bash's French job report as a kill, and not compose's `Container x  Killed`", async () => {
    expect(await first(inRun('./build.sh : ligne 14 :   231 Processus arrêté        make -j8'))).toBe('oom-killed');
    const kill = await diagnoseText(
      [
        '2024-05-02T10:03:41.0000000Z ##[group]Run docker compose kill',
        '2024-05-02T10:03:41.6000000Z  Container app-db-1  Killed',
        '2024-05-02T10:03:41.9000000Z ##[error]Process completed with exit code 1.',
      ].join('\n'),
      'k.log',
    );
    expect(kill.findings.map((f) => f.id)).not.toContain('oom-killed');
  });

  it("keeps a cut `The command '/bin/sh -c ...` but not a sentence that quotes one and goes on", async () => {
    const prose = await diagnoseText(
      "$ sh -c 'echo $0' hello\nhello\nThe command '/bin/sh -c echo $0 hello' prints hello, as $0 is the first argument.",
      'p.log',
    );
    expect(prose.builds).toHaveLength(0);
    expect((await diagnoseText("The command '/bin/sh -c make install' returned a non-zero code: 2", 'c.log')).findings[0]?.id).toBeDefined();
  });

  it("reads CMake's `add_subdirectory given source ... which is not an existing directory` as sources missing, titled as CMake's", async () => {
    const cmake = await full(
      inRun(
        [
          'CMake Error at CMakeLists.txt:33 (add_subdirectory):',
          '  add_subdirectory given source "third_party/abseil-cpp" which is not an',
          '  existing directory.',
          '-- Configuring incomplete, errors occurred!',
        ].join('\n'),
      ),
    );
    expect(cmake?.id).toBe('copy-source-missing');
    expect(cmake!.title).toBe('A directory CMake adds is missing or empty in the image: third_party/abseil-cpp');
  });
});

describe('the rules of train batches 549 to 555', () => {
  it("tells a release the apt repository no longer has by its end of life, in old and new apt's words, not apt's general advice", async () => {
    const newer = await installChange(
      'apt-get update',
      [
        'Err:4 http://deb.debian.org/debian buster Release',
        '  404  Not Found [IP: 151.101.2.132 80]',
        "E: The repository 'http://deb.debian.org/debian buster Release' does not have a Release file.",
      ].join('\n'),
    );
    expect(newer.replace(/`/g, '')).toMatch(/^apt found no release buster at http:\/\/deb\.debian\.org\/debian: .*end of life.*archive\.debian\.org/);
    expect(newer).not.toMatch(/same `?RUN`? as/);
    // Old apt warned for each index and gave up after them; a paste may keep the warnings alone (a train excerpt).
    const older = await diagnoseText(
      [
        'W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/utopic/main/source/Sources  404  Not Found [IP: 91.189.91.24 80]',
        '',
        'W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/utopic-updates/main/binary-amd64/Packages  404  Not Found [IP: 91.189.91.24 80]',
      ].join('\n'),
      'w.log',
    );
    expect(older.findings[0]?.id).toBe('package-install-failure');
    expect((firstListItem(older.findings[0]!.fix) ?? '').replace(/`/g, '')).toMatch(
      /^apt found no release utopic at http:\/\/archive\.ubuntu\.com\/ubuntu: .*old-releases\.ubuntu\.com/,
    );
    // A third-party repository's missing release is named too; a package file gone from the pool (an index older than the
    // mirror) keeps apt's general advice, to update the index in the same RUN.
    const ppa = await installChange(
      'apt-get update',
      "W: The repository 'http://ppa.launchpad.net/x/y/ubuntu focal Release' does not have a Release file.\nE: Unable to locate package y",
    );
    expect(ppa.replace(/`/g, '')).toMatch(/apt found no release focal at http:\/\/ppa\.launchpad\.net\/x\/y\/ubuntu/);
    const pool = await installChange(
      'apt-get install -y curl',
      'E: Failed to fetch http://deb.debian.org/debian/pool/main/c/curl/curl_7.88.1-10_amd64.deb  404  Not Found [IP: 151.101.2.132 80]',
    );
    expect(pool).toMatch(/^apt \(.*same `RUN` as `apt-get install`/);
  });
});

describe('the rules of train batches 557 to 561', () => {
  it("reads Bundler's crash report as the install, with its own advice", async () => {
    const crash = await full(
      [
        "Step 13/34 : RUN bundle config set deployment 'true' && bundle install -j4 --path=vendor/bundle",
        ' ---> Running in eb61aaf5d24e',
        'Fetching gem metadata from https://rubygems.org/........',
        'Fetching https://github.com/blindsidenetworks/tabler-rubygem.git',
        '--- ERROR REPORT TEMPLATE -------------------------------------------------------',
      ].join('\n'),
    );
    expect(crash?.id).toBe('package-install-failure');
    expect(firstListItem(crash!.fix)).toMatch(/^Bundler crashed .*no git/);
  });
});

describe("what the review of the session's rules found (train batches 549 to 561)", () => {
  const releaseFile = (repo: string, suite: string) => `E: The repository '${repo} ${suite} Release' does not have a Release file.`;

  it("tells a repository that is not the distribution's from an end-of-life release, and names Ubuntu's ports in the rewrite", async () => {
    const vendor = await installChange('apt-get update', releaseFile('https://deb.nodesource.com/node_14.x', 'bookworm'));
    expect(vendor.replace(/`/g, '')).toMatch(
      /^apt found no release bookworm at https:\/\/deb\.nodesource\.com\/node_14\.x, a repository other than the distribution's/,
    );
    expect(vendor).not.toMatch(/past its end of life and its packages have left/);
    const mint = await installChange('apt-get update', releaseFile('https://download.docker.com/linux/ubuntu', 'vanessa'));
    expect(mint).toMatch(/UBUNTU_CODENAME/);
    // A mirror that serves the distribution under its own host (`/debian`, `/ubuntu`) is the distribution's.
    const mirror = await installChange('apt-get update', releaseFile('http://mirrors.aliyun.com/debian', 'stretch'));
    expect(mirror).toMatch(/past its end of life/);
    const ports = await installChange('apt-get update', releaseFile('http://ports.ubuntu.com/ubuntu-ports', 'mantic'));
    expect(ports).toMatch(/`ports\.ubuntu\.com\/ubuntu-ports` with `old-releases\.ubuntu\.com\/ubuntu`/);
  });

  it("reads a by-hash index's 404 as a mirror in the middle of a sync, not a release that is gone", async () => {
    const sync = await diagnoseText(
      failedRun(
        'apt-get update && apt-get install -y curl',
        [
          'Get:3 http://archive.ubuntu.com/ubuntu jammy-updates InRelease [119 kB]',
          'Err:6 http://archive.ubuntu.com/ubuntu jammy-updates/main amd64 Packages',
          '  404  Not Found [IP: 185.125.190.39 80]',
          'E: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy-updates/main/binary-amd64/by-hash/SHA256/3f4b1c2e9d  404  Not Found [IP: 185.125.190.39 80]',
          'E: Some index files failed to download. They have been ignored, or old ones used instead.',
        ].join('\n'),
        100,
      ),
      's.log',
    );
    expect(sync.findings[0]?.id).toBe('network-timeout');
    expect(sync.findings.map((f) => f.fix).join('\n')).not.toMatch(/apt found no release/);
  });

  it("gives a Release file from the future the clock's advice, and an expired one the archive's", async () => {
    const clock = await installChange(
      'apt-get update',
      'E: Release file for http://deb.debian.org/debian/dists/bookworm/InRelease is not valid yet (invalid for another 5h 12min 3s). Updates for this repository will not be applied.',
    );
    expect(clock).toMatch(/^apt finds the repository's Release file dated in the future .*clock is behind.*libseccomp/);
    const expired = await installChange(
      'apt-get update',
      'E: Release file for http://archive.debian.org/debian/dists/jessie/Release is expired (invalid since 1826d 2h 31min 10s). Updates for this repository will not be applied.',
    );
    expect(expired).toMatch(/Acquire::Check-Valid-Until=false/);
  });

  it("gives a repository key that is missing or expired the key's advice, not apt's general one", async () => {
    const missing = await installChange(
      'apt-get update',
      [
        "W: GPG error: https://packages.microsoft.com/debian/12/prod bookworm InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY EB3E94ADBE1229CF",
        "E: The repository 'https://packages.microsoft.com/debian/12/prod bookworm InRelease' is not signed.",
      ].join('\n'),
    );
    expect(missing).toMatch(/^apt has no valid key for a repository \(`NO_PUBKEY EB3E94ADBE1229CF`\): .*signed-by=/);
    const expired = await installChange(
      'apt-get update',
      [
        'W: GPG error: http://repo.mysql.com/apt/debian bullseye InRelease: The following signatures were invalid: EXPKEYSIG B7B3B788A8D3785C MySQL Release Engineering <mysql-build@oss.oracle.com>',
        "E: The repository 'http://repo.mysql.com/apt/debian bullseye InRelease' is not signed.",
      ].join('\n'),
    );
    expect(expired).toMatch(/^apt has no valid key for a repository \(`EXPKEYSIG B7B3B788A8D3785C/);
    expect(expired).not.toMatch(/same `RUN` as/);
  });

  it("reads Google's registries' own permission answer as access, led by that permission, and Docker Hub's guess as the name", async () => {
    const google = await full(
      'Error response from daemon: pull access denied for gcr.io/acme-prod/tool, repository does not exist or may require \'docker login\': denied: Permission denied for "1.0.1" from request "/v2/acme-prod/tool/manifests/1.0.1".',
    );
    expect(google?.id).toBe('registry-auth-denied');
    expect(google!.fix).toMatch(/^A pull was refused by `gcr\.io`: the registry says the credentials it was given may not read that repository/);
    const artifact = await full(
      'Error response from daemon: Head "https://us-central1-docker.pkg.dev/v2/acme/images/api/manifests/2.2.1": denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/acme/locations/us-central1/repositories/images" (or it may not exist)',
    );
    expect(artifact!.fix).toMatch(/may not read that repository/);
    const hub = await full(
      "Error response from daemon: pull access denied for acme/tool, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    expect(hub?.fix ?? '').not.toMatch(/may not read that repository/);
    // Docker Hub's own words for the same guess stay the missing image's (most often a name that does not exist).
    expect(hub?.id).toBe('manifest-unknown');
  });
});

describe('the rules of train batches 563 to 569', () => {
  it("reads a compose service's shell that cannot start as an image for another CPU, and a build step's as QEMU's", async () => {
    const service = ['Attaching to koc-db, koc-redis, koc-server', 'koc-server  | exec /bin/sh: exec format error', 'koc-server exited with code 1'].join('\n');
    expect(await first(service)).toBe('platform-mismatch');
    expect(await first(inRun('exec /bin/sh: exec format error'))).toBe('qemu-emulation');
  });

  it("reads a registry's 5xx to Podman's ping before a pull, and yarn's registry 5xx under make, as the network", async () => {
    const ping = [
      'podman pull cr.fluentbit.io/fluent/fluent-bit:2.1.10',
      'Trying to pull cr.fluentbit.io/fluent/fluent-bit:2.1.10...',
      'Error: initializing source docker://cr.fluentbit.io/fluent/fluent-bit:2.1.10: pinging container registry cr.fluentbit.io: received unexpected HTTP status: 502 Bad Gateway',
    ].join('\n');
    expect(await first(ping)).toBe('network-timeout');
    const yarn = [
      'cd jaeger-ui && yarn install && npm run build',
      '[2/4] Fetching packages...',
      'error An unexpected error occurred: "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz: Request failed \\"500 Internal Server Error\\"".',
      'make: *** [build_ui] Error 1',
    ].join('\n');
    expect(await first(yarn)).toBe('network-timeout');
  });
});

describe('the rules of train batches 579 to 585', () => {
  it("reads curl's and wget's 500, 502, 503 or 504 from a download as the network, before what the download would have installed", async () => {
    // An installer piped to sh whose download failed: the tool it would have installed is then missing.
    expect(await first(inRun('curl: (22) The requested URL returned error: 504\n/bin/sh: 1: rustc: not found'))).toBe('network-timeout');
    expect(await first(inRun('curl: (22) The requested URL returned error: 503'))).toBe('network-timeout');
    expect(await first(inRun('wget: server returned error: HTTP/1.1 502 Bad Gateway'))).toBe('network-timeout');
    expect(await first(inRun('2024-03-01 10:00:00 ERROR 500: Internal Server Error.'))).toBe('network-timeout');
    // A 404, a 403 and Maven Central's 501 are the URL's or the credentials', not a server's failure for a while.
    expect(await first(inRun('curl: (22) The requested URL returned error: 404'))).toBe('package-install-failure');
    expect(await first(inRun('wget: server returned error: HTTP/1.1 501 HTTPS Required'))).toBe('package-install-failure');
  });
});

describe('the rules of train batches 587 to 593', () => {
  it("reads Docker's warning of an image for another platform, then `exec format error`, as the platform in either direction and in every builder's words", async () => {
    // An Arm-only image run on an x86-64 host: no emulator ran it (it would not print `exec format error`).
    const armOnAmd = [
      'Status: Downloaded newer image for owasp/zap2docker-stable:latest',
      "WARNING: The requested image's platform (linux/arm64) does not match the detected host platform (linux/amd64/v3) and no specific platform was requested",
      'exec /zap/zap-baseline.py: exec format error',
    ].join('\n');
    expect(await first(armOnAmd)).toBe('platform-mismatch');
    expect(await first(armOnAmd.split('\n').slice(0, 2).join('\n'))).toBe('platform-mismatch');
    // The legacy builder prints the warning under ` ---> `, outside the RUN step that then fails.
    const legacy = [
      'Step 2/24 : RUN USER=root cargo new --bin relay',
      " ---> [Warning] The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
      ' ---> Running in a2d514b107fc',
      'exec /bin/sh: exec format error',
      "The command '/bin/sh -c USER=root cargo new --bin relay' returned a non-zero code: 1",
    ].join('\n');
    expect(await first(legacy)).toBe('platform-mismatch');
    // Compose's own form of the warning.
    expect(
      await first(
        " ! web The requested image's platform (linux/arm64) does not match the detected host platform (linux/amd64/v3) and no specific platform was requested",
      ),
    ).toBe('platform-mismatch');
  });

  it('reads a program that crashed after that warning as the emulation that ran it', async () => {
    const warning =
      "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64) and no specific platform was requested";
    expect(await first([warning, 'ldd: exited with unknown exit code (139)'].join('\n'))).toBe('qemu-emulation');
    expect(await first([warning, 'Segmentation fault (core dumped)'].join('\n'))).toBe('qemu-emulation');
    // dpkg's own words for a hook's exit status are no crash report of the emulator's.
    expect(
      await first(
        inRun(
          "dpkg: error: error executing hook 'if test -x /usr/share/pkg-config-dpkghook; then /usr/share/pkg-config-dpkghook update; fi', exit code 139\nE: Sub-process /usr/bin/dpkg returned an error code (2)",
        ),
      ),
    ).toBe('package-install-failure');
  });

  it("reads the buildpacks lifecycle's cache it could not set up or save as the cache, with the lifecycle's advice", async () => {
    const restore = await full(
      [
        '===> ANALYZING',
        "[analyzer] ERROR: failed to initialize cache: failed to create volume cache: removing backup directory '/cache/committed-backup': unlinkat /cache/committed-backup/x.tar: permission denied",
        'ERROR: failed with status code: 1',
      ].join('\n'),
    );
    expect(restore?.id).toBe('cache-import-failure');
    expect(restore?.fix).toContain('pack build --clear-cache');
    expect(restore?.fix).not.toContain('GitHub Actions cache');
    const save = await full(
      ['===> CACHE', "[cache] Error: failed to cache: saving image 'app/layers-cache': failed to write image to the following tags: [app/layers-cache]"].join(
        '\n',
      ),
    );
    expect(save?.id).toBe('cache-export-failure');
    expect(save?.fix).toContain('--cache-image');
    expect(save?.fix).not.toContain('type=gha');
  });

  it("reads the Dev Containers CLI's failed feature as the install, and the network before it as the cause", async () => {
    const feature =
      'ERROR: Feature "Docker (Docker-in-Docker)" (ghcr.io/devcontainers/features/docker-in-docker) failed to install! Look at the documentation at https://github.com/devcontainers/features/tree/main/src/docker-in-docker for help troubleshooting this error.';
    expect(await first(["(!) Unsupported  distribution version 'lunar'.", feature].join('\n'))).toBe('package-install-failure');
    expect(await first(['curl: (6) Could not resolve host: github.com', feature].join('\n'))).toBe('network-timeout');
  });

  it("reads `buildx create`'s `--driver` unknown to the docker CLI as buildx missing", async () => {
    expect(await first('[INFO] DOCKER> unknown flag: --driver')).toBe('builder-missing');
  });
});

describe("what the review of the session's rules found (train batches 579 to 593)", () => {
  it("reads Rosetta's crash after the platform warning as the emulation that ran the program", async () => {
    const text = [
      '% docker run --rm -p 8080:8080 acme/legacy-api:2.3',
      "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
      'assertion failed [block != nullptr]: BasicBlock requested for unrecognized address',
      '(BuilderBase.h:550 block_for_offset)',
    ].join('\n');
    expect(await full(text)).toMatchObject({ id: 'qemu-emulation', title: 'A step failed under Rosetta emulation' });
  });

  it("reads a dev container feature's `Architecture ... unsupported` as the platform, before the feature's failure", async () => {
    expect(
      await first(
        inRun(
          '(!) Architecture armv6l unsupported\nERROR: Feature "Kubectl, Helm, and Minikube" (ghcr.io/devcontainers/features/kubectl-helm-minikube) failed to install!',
        ),
      ),
    ).toBe('platform-mismatch');
  });

  it("reads npm's, Go's module proxy's and Maven's 5xx from a package registry as the network, as curl's", async () => {
    expect(
      await first(failedRun('npm ci', 'npm ERR! code E503\nnpm ERR! 503 Service Unavailable - GET https://registry.npmjs.org/@babel%2fcore/-/core-7.24.5.tgz')),
    ).toBe('network-timeout');
    expect(
      await first(
        failedRun(
          'go mod download',
          'go: github.com/aws/aws-sdk-go-v2/service/s3@v1.54.2: reading https://proxy.golang.org/github.com/aws/aws-sdk-go-v2/service/s3/@v/v1.54.2.zip: 502 Bad Gateway',
        ),
      ),
    ).toBe('network-timeout');
    expect(
      await first(
        failedRun(
          'mvn -B -q dependency:go-offline',
          '[ERROR] Failed to execute goal on project orders: Could not transfer artifact org.postgresql:postgresql:pom:42.7.3 from/to central (https://repo.maven.apache.org/maven2): status code: 503, reason phrase: Service Unavailable (503) -> [Help 1]',
        ),
      ),
    ).toBe('network-timeout');
    // A 404 from the same registries stays the install's.
    expect(await first(failedRun('npm ci', 'npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/left-pad-nope'))).toBe(
      'package-install-failure',
    );
  });

  it("tells a 501 `HTTPS Required` to use https, and the lifecycle's cache image refused by a registry's 5xx to re-run", async () => {
    const https = await full(inRun('HTTP request sent, awaiting response... 501 HTTPS Required\n2020-01-16 14:02:11 ERROR 501: HTTPS Required.'));
    expect(https?.id).toBe('package-install-failure');
    expect(https?.fix).toContain("a 501 `HTTPS Required` wants the URL's `https://`");
    const cache = await full("[cache] Error: failed to cache: saving image 'registry.acme.io/team/orders-cache': 500 Internal Server Error");
    expect(cache?.fix).toContain("a 5xx is the registry's own failure, re-run");
  });

  it('names the missing buildx plugin when the docker CLI does not know one of its flags', async () => {
    const plugin = await full("$ docker buildx create --name ci --driver docker-container\nunknown flag: --driver\nSee 'docker --help'.");
    expect(plugin?.id).toBe('builder-missing');
    expect(plugin?.title).toBe('The docker CLI has no buildx plugin: it does not know --driver');
    expect(plugin?.fix).toContain('docker-buildx-plugin');
    expect(plugin?.fix).not.toContain('a buildx builder that is gone');
  });
});

describe("a container run for another platform, titled and advised as a container's, not a build's (a review)", () => {
  const warning =
    "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64) and no specific platform was requested";

  it("names the container's platform and the host's when Docker's warning comes from `docker run` or compose", async () => {
    for (const text of [
      ['$ docker run --rm acme/report:2.1', warning, 'exec /bin/sh: exec format error'].join('\n'),
      warning,
      " ! web The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64) and no specific platform was requested",
    ]) {
      const finding = await full(text);
      expect(finding).toMatchObject({ id: 'platform-mismatch', title: "The container's image is for linux/arm64/v8, not the host's platform (linux/amd64)" });
      expect(finding?.fix).toContain('Run a tag built for the host');
      expect(finding?.fix).not.toContain('A base image has no variant for the platform being built');
      expect(finding?.fix).not.toContain('`FROM --platform=...`');
    }
  });

  it("titles runc's `exec user process caused` as a program that could not start, and leaves a legacy build's warning to the build", async () => {
    expect((await full('standard_init_linux.go:228: exec user process caused: exec format error'))?.title).toBe(
      'A program in the image is for another CPU than the host',
    );
    const legacy = [
      'Step 1/4 : FROM acme/base:1.0',
      " ---> [Warning] The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
      ' ---> Running in ad35f7b62fd9',
      'exec /bin/sh: exec format error',
    ].join('\n');
    const build = await full(legacy);
    expect(build?.title).toBe('No image for the requested platform (linux/arm64/v8)');
    expect(build?.fix).toContain('A base image has no variant for the platform being built');
  });
});

describe('a program that crashed under emulation (a review)', () => {
  it('advises the host’s own platform, not registering QEMU, which evidently ran it', async () => {
    const text = [
      '$ docker run --rm mongo:5.0',
      "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
      'Illegal instruction (core dumped)',
    ].join('\n');
    const finding = await full(text);
    expect(finding?.id).toBe('qemu-emulation');
    expect(firstListItem(finding!.fix)).toContain('The emulator ran the program and it crashed (`Illegal instruction`)');
    expect(finding?.fix).not.toContain('register QEMU before the build');
  });
});

describe('a dev container feature that failed to install (a review)', () => {
  it('is titled with the feature, not the generated RUN command, and advised as a feature', async () => {
    const text = [
      '#12 [dev_containers_target_stage 3/5] RUN --mount=type=bind,from=dev_containers_feature_content_source,source=go_0,target=/tmp/build-features-src/go_0 cp -ar /tmp/build-features-src/go_0 /tmp/dev-container-features && cd /tmp/dev-container-features/go_0 && ./devcontainer-features-install.sh',
      "#12 0.211 (!) Unsupported  distribution version 'lunar'.",
      '#12 0.212 ERROR: Feature "Go" (ghcr.io/devcontainers/features/go) failed to install! Look at the documentation at https://github.com/devcontainers/features/tree/main/src/go for help troubleshooting this error.',
      '#12 ERROR: process "/bin/sh -c cp -ar /tmp/build-features-src/go_0 /tmp/dev-container-features && cd /tmp/dev-container-features/go_0 && ./devcontainer-features-install.sh" did not complete successfully: exit code: 1',
    ].join('\n');
    const finding = await full(text);
    expect(finding).toMatchObject({ id: 'package-install-failure', title: 'The dev container feature Go failed to install' });
    expect(firstListItem(finding!.fix)).toContain('the install script of the feature `Go`');
  });
});

describe('the rules of train batches 603 to 609', () => {
  it("reads the kubelet's sentence for an image it may not pull (pull policy Never) as the pull, not as text without Docker in it", async () => {
    const analysis = await diagnoseText('Container image "web:dev" is not present with pull policy of Never', 'p.log');
    expect(analysis.builds.length).toBeGreaterThan(0);
    expect(analysis.findings[0]?.id).toBe('image-pull-backoff');
  });

  it("reads the Gradle wrapper's own download of Gradle that timed out as the network", async () => {
    for (const timeout of ['timeout', 'timeout (10000ms)']) {
      expect(
        await first(
          failedRun(
            './gradlew build -x test',
            [
              'Downloading https://services.gradle.org/distributions/gradle-8.5-bin.zip',
              `Exception in thread "main" java.io.IOException: Downloading from https://services.gradle.org/distributions/gradle-8.5-bin.zip failed: ${timeout}`,
              '\tat org.gradle.wrapper.Download.downloadInternal(Download.java:122)',
            ].join('\n'),
          ),
        ),
      ).toBe('network-timeout');
    }
  });

  it("reads the daemon's answer that a file of the context is missing as the COPY's source, not a path of `docker cp`", async () => {
    // As an IDE's Docker plugin printed it (IntelliJ), the daemon's answer then the plugin's own line.
    expect(
      await first(
        [
          'Error response from daemon: lstat start-tb-node.sh: no such file or directory',
          "Failed to deploy '<unknown> Dockerfile: Dockerfile': Can't retrieve image ID from build stream",
        ].join('\n'),
      ),
    ).toBe('copy-source-missing');
    expect(await first('Error response from daemon: lstat /var/lib/docker/overlay2/4f1c/merged/app/out.log: no such file or directory')).not.toBe(
      'copy-source-missing',
    );
  });

  it("reads Podman's remote build that cannot find the file given with -f as the Dockerfile's", async () => {
    expect(
      await first(
        ['$ podman build -f Containerfile.dev .', 'Error: stat /var/tmp/libpod_builder912873/build/Containerfile.dev: no such file or directory'].join('\n'),
      ),
    ).toBe('dockerfile-missing');
  });

  it('reads a credential helper that cannot be executed as the credentials, naming the helper', async () => {
    const finding = await full(
      [
        'docker-compose pull',
        '/mnt/c/Program Files/Docker/Docker/resources/bin/docker-credential-desktop.exe: Invalid argument',
        'Traceback (most recent call last):',
      ].join('\n'),
    );
    expect(finding?.id).toBe('registry-auth-denied');
    expect(finding?.fix).toContain('docker-credential-desktop.exe');
  });

  it("reads Angular's build over its size budget as the build's", async () => {
    // The line as a paste holds it, without the step that ran it (which alone would say the build's).
    expect(await first('25.49 Error: bundle initial exceeded maximum budget. Budget 1.20 MB was not met by 142.00 kB with a total of 1.34 MB.')).toBe(
      'compile-error',
    );
  });

  it("reads sharp's install script in its own words as the install, unless they name the network", async () => {
    // yarn 1's `Command failed.` for the package says that its install script failed; sharp's own line says why.
    const yarnOutput = (reason: string) =>
      [
        'error /base/node_modules/sharp: Command failed.',
        'Exit code: 1',
        'Directory: /base/node_modules/sharp',
        'Output:',
        `sharp: Installation error: ${reason}`,
        'info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.',
      ]
        .map((l) => `#11 69.29 ${l}`)
        .join('\n');
    expect(await first(yarnOutput('Invalid Version: 1.2.4_git20230717'))).toBe('package-install-failure');
    expect(await first(yarnOutput('Use with glibc 2.28 requires manual installation of libvips >= 8.11.3'))).toBe('package-install-failure');
    expect(await first(yarnOutput('connect ETIMEDOUT 140.82.121.3:443'))).toBe('network-timeout');
    expect(await first(inRun('sharp: Installation error: tunneling socket could not be established, cause=read ECONNRESET'))).toBe('network-timeout');
  });

  it('reads a tool that says a tag was not found when it pulled as the missing tag, not the kubelet', async () => {
    expect(await first('Error: failed to pull image "temporalio/admin-tools:1.23.1" - tag not found')).toBe('manifest-unknown');
  });
});

describe("what the review of the session's rules found (train batches 603 to 609)", () => {
  it("titles and advises a pod whose pull policy is Never as an image the node lacks, not the registry's", async () => {
    for (const text of [
      'Container image "myapp:dev" is not present with pull policy of Never',
      ['NAME                     READY   STATUS              RESTARTS   AGE', 'web-7d9c8b6f5-x2x4k      0/1     ErrImageNeverPull   0          2m13s'].join(
        '\n',
      ),
    ]) {
      const finding = await full(text);
      expect(finding?.id).toBe('image-pull-backoff');
      expect(finding?.title).toContain('may not pull it (imagePullPolicy: Never)');
      expect(firstListItem(finding?.fix ?? '')).toContain('kind load docker-image');
      expect(finding?.fix).not.toContain('imagePullSecrets');
      expect(finding?.fix).not.toContain('docker manifest inspect');
    }
    expect((await full('Container image "myapp:dev" is not present with pull policy of Never'))?.title).toContain('myapp:dev');
  });

  it('reads a Docker credential helper that could not run as the login in every form, naming the helper', async () => {
    const notFound = [
      '#2 [internal] load metadata for docker.io/library/node:20-alpine',
      '#2 ERROR: error getting credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``',
      '------',
      ' > [internal] load metadata for docker.io/library/node:20-alpine:',
      '------',
      'ERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: error getting credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ``',
    ].join('\n');
    const formatError = [
      '$ echo $CR_PAT | docker login ghcr.io -u octocat --password-stdin',
      'Error saving credentials: error storing credentials - err: fork/exec /usr/bin/docker-credential-desktop.exe: exec format error, out: ``',
    ].join('\n');
    const withPull = [
      '$ docker-compose up -d',
      'Pulling db (postgres:16)...',
      '/mnt/c/Program Files/Docker/Docker/resources/bin/docker-credential-desktop.exe: Invalid argument',
    ].join('\n');
    const goInvalid = '$ docker compose pull\nerror getting credentials - err: fork/exec /usr/bin/docker-credential-desktop.exe: invalid argument, out: ``';
    for (const text of [notFound, formatError, withPull, goInvalid]) {
      const finding = await full(text);
      expect(finding?.id).toBe('registry-auth-denied');
      expect(finding?.title).toMatch(/^The credential helper docker-credential-desktop(?:\.exe)? could not run$/);
      expect(finding?.fix).not.toContain('A pull was refused');
      expect(finding?.fix).not.toContain('packages: write');
    }
  });

  it('reads a credential helper that ran and failed as the helper, with what it said', async () => {
    const finding = await full(
      [
        '$ docker pull registry.gitlab.com/acme/platform/api:main',
        'Error response from daemon: Get "https://registry.gitlab.com/v2/": error getting credentials - err: exit status 1, out: `pass not initialized: exit status 1: Error: password store is empty. Try "pass init".`',
      ].join('\n'),
    );
    expect(finding?.id).toBe('registry-auth-denied');
    expect(finding?.title).toContain('The Docker credential helper failed ("pass not initialized');
    expect(firstListItem(finding?.fix ?? '')).toContain('pass init <gpg-id>');
    expect(finding?.fix).not.toContain('A pull was refused');
  });

  it('titles the AWS SDK without credentials as no login, not as a registry that denied access', async () => {
    const finding = await full(
      '#3 ERROR: error getting credentials - err: exit status 1, out: `ecr: Failed to get authorization token: operation error ECR: GetAuthorizationToken, get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found, operation error ec2imds: GetMetadata`',
    );
    expect(finding?.id).toBe('registry-auth-denied');
    expect(finding?.title).toMatch(/^The AWS SDK found no credentials to log in to the registry/);
  });

  it("reads the Gradle wrapper's other download failures: a release that does not exist, a proxy that refused it", async () => {
    const missing = await full(
      failedRun(
        './gradlew --version',
        [
          'Exception in thread "main" java.io.FileNotFoundException: https://downloads.gradle.org/distributions/gradle-8.55-bin.zip',
          '\tat org.gradle.wrapper.Download.downloadInternal(Download.java:95)',
        ].join('\n'),
      ),
    );
    expect(missing?.id).toBe('package-install-failure');
    expect(firstListItem(missing?.fix ?? '')).toContain('distributionUrl');
    const proxy = await full(
      failedRun(
        './gradlew dependencies --no-daemon',
        'Exception in thread "main" java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 Proxy Authentication Required"',
      ),
    );
    expect(proxy?.id).toBe('network-timeout');
    expect(firstListItem(proxy?.fix ?? '')).toContain('proxy');
    expect(proxy?.fix).not.toContain('re-run the job');
    // The daemon's own pull through the same proxy is set up in the daemon, not in a RUN step.
    const pull = await full('Error response from daemon: Get "https://registry-1.docker.io/v2/": Proxy Authentication Required');
    expect(pull?.id).toBe('network-timeout');
    expect(firstListItem(pull?.fix ?? '')).toContain("the daemon's own pulls");
  });

  it("reads Java's and Node's untrusted certificate as the certificate, with no re-run", async () => {
    const pkix = await full(
      failedRun(
        './gradlew build --no-daemon',
        [
          "   > Could not GET 'https://plugins.gradle.org/m2/org/springframework/boot/spring-boot-gradle-plugin/3.2.0/spring-boot-gradle-plugin-3.2.0.pom'.",
          '      > PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
        ].join('\n'),
      ),
    );
    expect(pkix?.id).toBe('network-timeout');
    expect(pkix?.title).toContain("the server's certificate is not trusted");
    expect(pkix?.fix).not.toContain('re-run the job');
    const sharp = await full(failedRun('npm ci', 'npm ERR! sharp: Installation error: self-signed certificate in certificate chain'));
    expect(sharp?.id).toBe('network-timeout');
    expect(sharp?.title).toContain("the server's certificate is not trusted");
  });

  it("reads sharp's download refused by a proxy as the network, and refused by the server as the install's download", async () => {
    expect(await first('npm ERR! sharp: Installation error: tunneling socket could not be established, statusCode=403')).toBe('network-timeout');
    expect(await first(failedRun('npm ci', 'npm ERR! sharp: Installation error: Status 403 Forbidden'))).toBe('package-install-failure');
  });

  it("reads Podman's context without a Containerfile as the Dockerfile's", async () => {
    expect(
      await first(
        [
          '$ podman build -t localhost/api:dev .',
          'Error: no Containerfile or Dockerfile specified or found in context directory, /home/dev/src/shop: no such file or directory',
        ].join('\n'),
      ),
    ).toBe('dockerfile-missing');
  });

  it("titles and advises the docker driver's refusal of a multi-platform build as the builder's, not the output's", async () => {
    const finding = await full(
      [
        '$ docker buildx build --platform linux/amd64,linux/arm64 -t acme/app:latest .',
        'ERROR: Multi-platform build is not supported for the docker driver.',
        'Switch to a different driver, or turn on the containerd image store, and try again.',
      ].join('\n'),
    );
    expect(finding?.id).toBe('exporter-unsupported');
    expect(finding?.title).toBe('The docker driver cannot build for several platforms at once');
    expect(firstListItem(finding?.fix ?? '')).toContain('docker buildx create --use');
    expect(finding?.fix).not.toContain('push: true');
  });

  it("advises a frontend tool that refuses the image's Node as too old with a newer node image", async () => {
    const finding = await full(
      failedRun(
        'npx ng build --configuration production',
        ['Node.js version v16.20.2 detected.', 'The Angular CLI requires a minimum Node.js version of v18.13.'].join('\n'),
        3,
      ),
    );
    expect(finding?.id).toBe('compile-error');
    expect(firstListItem(finding?.fix ?? '')).toContain('FROM node:');
  });

  it("advises a cluster node's pull over the rate limit with the node's credentials, not the job's login", async () => {
    const finding = await full(
      '  Warning  Failed     3s (x3 over 44s)  kubelet  Failed to pull image "nginx:1.25": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginx:1.25": 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.',
    );
    expect(finding?.id).toBe('registry-rate-limit');
    expect(firstListItem(finding?.fix ?? '')).toContain('imagePullSecrets');
    expect(finding?.fix).not.toContain('docker/login-action');
  });
});

describe("what the review left for the reader (train batches 603 to 609's neighbours)", () => {
  it("advises Podman's missing Containerfile or context as Podman's, not build-push-action's paths", async () => {
    const finding = await full(
      [
        '$ podman build -f docker/Containerfile.prod -t localhost/shop:dev .',
        'Error: stat /var/tmp/libpod_builder2347678443/build/docker/Containerfile.prod: no such file or directory',
      ].join('\n'),
    );
    expect(finding?.id).toBe('dockerfile-missing');
    expect(firstListItem(finding?.fix ?? '')).toContain('Podman did not find it');
    expect(finding?.fix).not.toContain('build-push-action');
  });

  it('advises sharp that found a libvips in the image with what to do about that libvips', async () => {
    const finding = await full(
      failedRun(
        'npm ci',
        [
          'npm ERR! sharp: Detected globally-installed libvips v8.15.1',
          'npm ERR! sharp: Attempting to build from source via node-gyp',
          'npm ERR! sharp: Found node-addon-api 7.1.0',
          'npm ERR! sharp: Please add node-gyp to your dependencies',
        ].join('\n'),
      ),
    );
    expect(finding?.id).toBe('package-install-failure');
    expect(firstListItem(finding?.fix ?? '')).toContain('SHARP_IGNORE_GLOBAL_LIBVIPS=1');
  });
});

describe('the rules of train batches 627 to 633', () => {
  it('reads an installer with no binary of its tool for the host as a tool without a build for this platform', async () => {
    // Elixir's esbuild and tailwind packages download the tool for the host's triple; choosenim installs Nim the same way.
    for (const error of [
      ['** (RuntimeError) esbuild is not available for architecture: armv7l-linux-gnueabihf', '    (esbuild 0.7.1) lib/esbuild.ex:240: Esbuild.target/0'].join(
        '\n',
      ),
      'choosenim-init: Error: Sorry, your platform (linux_riscv64) is not supported by choosenim.',
    ]) {
      const finding = await full(failedRun('mix assets.deploy', error));
      expect(finding?.id).toBe('platform-mismatch');
      expect(finding?.title).toBe('A tool or plugin has no build for this platform');
    }
  });

  it("reads Podman's or Buildah's denial of an official image's name on Docker Hub as a name that does not exist", async () => {
    const finding = await full(
      [
        'STEP 1/4: FROM ci-base:2024.05',
        'Resolving "ci-base" using unqualified-search registries (/etc/containers/registries.conf)',
        'Trying to pull docker.io/library/ci-base:2024.05...',
        'Error: creating build container: initializing source docker://ci-base:2024.05: reading manifest 2024.05 in docker.io/library/ci-base: errors:',
        'denied: requested access to the resource is denied',
        'unauthorized: authentication required',
      ].join('\n'),
    );
    expect(finding?.id).toBe('manifest-unknown');
    expect(finding?.title).toContain('ci-base');
    // A user's or an organisation's repository may be private: its denial stays the registry's.
    expect(
      await first(
        'Error: initializing source docker://acme/ci-base:2024.05: reading manifest 2024.05 in docker.io/acme/ci-base: requested access to the resource is denied',
      ),
    ).toBe('registry-auth-denied');
  });

  it("reads the daemon's `tag does not exist` quoted in a client's message, and Concourse's own question, as a missing tag", async () => {
    expect(await first(['Pushing index.docker.io/acme/web:nightly...', '{"message": "tag does not exist: acme/web:nightly"}'].join('\n'))).toBe(
      'manifest-unknown',
    );
    const finding = await full("failed to fetch digest for image 'acme/tools:1.2': 401 Unauthorized does the image exist?");
    expect(finding?.id).toBe('manifest-unknown');
    expect(finding?.title).toContain('acme/tools:1.2');
  });

  it("reads containers/image's refused token request as the login, though its answer after `password:` is redacted", async () => {
    const finding = await full(
      [
        'STEP 1/6: FROM registry.redhat.io/rhel9/nodejs-20:latest',
        'Error: creating build container: initializing source docker://registry.redhat.io/rhel9/nodejs-20:latest: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.',
      ].join('\n'),
    );
    expect(finding?.id).toBe('registry-auth-denied');
    // A signature's reading, not the word model's guess from the words left after the redaction.
    expect(finding?.data?.role).not.toBe('likely-cause');
  });

  it("reads Buildah's stage without a FROM (an instruction before the first one) as the Dockerfile's", async () => {
    expect(await first(['$ buildah bud -t app .', 'Error: reading multiple stages: stage 1 requires a FROM instruction ("")'].join('\n'))).toBe(
      'dockerfile-parse-error',
    );
  });
});

describe("what the review of the session's rules found (train batches 627 to 633)", () => {
  it("reads containers/image's denial of a user's or an organisation's repository, and Podman's refused login, as the login", async () => {
    for (const [text, registry] of [
      ['Error: initializing source docker://ghcr.io/acme/tools/builder:2.1: reading manifest 2.1 in ghcr.io/acme/tools/builder: denied', 'ghcr.io'],
      ['Error: logging into "quay.io": invalid username/password', 'quay.io'],
    ] as const) {
      const finding = await full(text);
      expect(finding?.id).toBe('registry-auth-denied');
      expect(finding?.data?.role).not.toBe('likely-cause');
      expect(finding?.title).toContain(registry);
    }
  });

  it("advises a token request containers/image says was refused as the login, and a node's as its pull secret", async () => {
    const refusal =
      'unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials.';
    const podman = await full(`Error: initializing source docker://registry.redhat.io/ubi9/ubi:latest: ${refusal}`);
    expect(podman?.id).toBe('registry-auth-denied');
    expect(firstListItem(podman?.fix ?? '') || podman?.fix).toContain('podman login registry.redhat.io');
    // The registry's answer after `password:` is kept, so the kubelet's pull is read as the pod's.
    const kubelet = await full(
      `  Warning  Failed     14s (x3 over 56s)  kubelet            Failed to pull image "registry.redhat.io/rhel8/postgresql-13:latest": rpc error: code = Unknown desc = ${refusal}`,
    );
    expect(kubelet?.fix).toContain('imagePullSecrets');
  });

  it("advises a refused token asked for a pull alone (Concourse's check) as a pull, not with a push's permissions", async () => {
    const finding = await full(
      'ERRO[0000] checking origin acme/private-app failed: GET https://auth.docker.io/token?scope=repository%3Aacme%2Fprivate-app%3Apull&service=registry.docker.io: unexpected status code 401 Unauthorized: {"details":"incorrect username or password"}',
    );
    expect(finding?.id).toBe('registry-auth-denied');
    expect(finding?.fix).toContain('A pull was refused');
    expect(finding?.fix).not.toContain('packages: write');
  });

  it('titles and advises a package or a Dockerfile check that refuses the platform as the step, not as a base image', async () => {
    for (const error of [
      'npm ERR! notsup Unsupported platform for fsevents@2.3.3: wanted {"os":"darwin"} (current: {"os":"linux"})',
      'unsupported architecture: riscv64',
    ]) {
      const finding = await full(failedRun('./install.sh', error));
      expect(finding?.id).toBe('platform-mismatch');
      expect(finding?.title).toBe('A step does not support the platform being built');
      expect(finding?.fix).not.toContain('A base image has no variant');
    }
  });

  it("leaves npm's skipped optional dependency for another platform alone, in a step that went on", async () => {
    const text = [
      '#10 [build 4/6] RUN npm install',
      '#10 9.812 npm WARN notsup SKIPPING OPTIONAL DEPENDENCY: Unsupported platform for fsevents@2.3.3: wanted {"os":"darwin","arch":"any"} (current: {"os":"linux","arch":"x64"})',
      '#10 9.830 added 812 packages, and audited 813 packages in 9s',
      '#10 DONE 10.4s',
      '#12 [build 6/6] RUN npm run build',
      "#12 4.873 src/routes/users.ts(27,18): error TS2339: Property 'email' does not exist on type 'User'.",
      '#12 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2',
    ].join('\n');
    const ids = (await diagnoseText(text, 'x.log')).findings.map((f) => f.id);
    expect(ids[0]).toBe('compile-error');
    expect(ids).not.toContain('platform-mismatch');
  });

  it("advises Podman's local base image that was looked up in Docker Hub's library/ as the local store's", async () => {
    const finding = await full(
      [
        'STEP 1/3: FROM ci-base:2024.05',
        'Error: creating build container: initializing source docker://ci-base:2024.05: reading manifest 2024.05 in docker.io/library/ci-base: errors:',
        'denied: requested access to the resource is denied',
      ].join('\n'),
    );
    expect(finding?.id).toBe('manifest-unknown');
    expect(firstListItem(finding?.fix ?? '')).toContain('`ci-base` up in its search registries');
    expect(firstListItem(finding?.fix ?? '')).toContain('`localhost/<name>`');
  });

  it('advises a push of a tag the local store does not have as a tag to make first, naming the image', async () => {
    const finding = await full(['$ docker push acme/web:1.4', 'An image does not exist locally with the tag: acme/web'].join('\n'));
    expect(finding?.id).toBe('manifest-unknown');
    expect(finding?.title).toContain('acme/web');
    expect(firstListItem(finding?.fix ?? '')).toContain('docker tag');
  });

  it('advises an instruction before the first FROM, and an old daemon refusing ARG there, as what they are', async () => {
    const before = await full(['$ buildah bud -t app .', 'Error: reading multiple stages: stage 1 requires a FROM instruction ("")'].join('\n'));
    expect(firstListItem(before?.fix ?? '')).toContain('before the first `FROM`');
    const old = await full(
      ['Step 1/9 : ARG NODE_VERSION=20', "ERROR: Service 'web' failed to build: Please provide a source image with `from` prior to commit"].join('\n'),
    );
    expect(old?.id).toBe('dockerfile-parse-error');
    expect(firstListItem(old?.fix ?? '')).toContain('17.05');
  });
});

describe('the rules of train batches 651 to 655', () => {
  it("reads a module's Go version quoted with its version, without Go's prefix, as the build's Go too old", async () => {
    const finding = await full('Docker build fails: example.com/tool@v0.0.0-20240820210122-780fb64b5bf9 requires go >= 1.23.2 (running go 1.22.7)');
    expect(finding?.id).toBe('compile-error');
    expect(finding?.data?.role).not.toBe('likely-cause');
  });

  it("reads an old daemon's `Invalid Dockerfile format` and the dockerfile-maven-plugin's missing Dockerfile as the Dockerfile's", async () => {
    expect(await first(['Step 12 : "/usr/local/bin/start.sh"', '2015/03/02 10:11:12 Invalid Dockerfile format'].join('\n'))).toBe('dockerfile-parse-error');
    expect(
      await first(
        '[ERROR] Failed to execute goal com.spotify:dockerfile-maven-plugin:1.4.10:build (default) on project api: Missing Dockerfile in context directory: /work/api',
      ),
    ).toBe('dockerfile-missing');
  });

  it("reads sharp's binaries for another platform in a container as a host's native binary, advised to stay out of the image", async () => {
    const finding = await full(
      "api_1  | Error: 'darwin-arm64v8' binaries cannot be used on the 'linuxmusl-x64' platform. Please remove the 'node_modules/sharp' directory and run 'npm install' on the 'linuxmusl-x64' platform.",
    );
    expect(finding?.id).toBe('platform-mismatch');
    expect(finding?.fix).toContain('`node_modules` in `.dockerignore`');
  });
});

describe('the rules of train batches 657 to 663', () => {
  it("reads GHCR's refusal to read a package it holds as the pull's missing login, not as a repository that does not exist", async () => {
    for (const line of [
      "Error response from daemon: pull access denied for ghcr.io/acme/private-tool, repository does not exist or may require 'docker login': denied: permission_denied: read_package",
      "ERROR: pull access denied for ghcr.io/acme/dashboard, repository does not exist or may require 'docker login': denied: permission_denied: read_package",
    ]) {
      const finding = await full(line);
      expect(finding?.id).toBe('registry-auth-denied');
      expect(finding?.fix).toContain('`read:packages`');
      // Led by the login, not by the name's check that leads a refusal that may be either.
      expect(finding?.fix).toContain('the login is what to fix');
      expect(finding?.fix).not.toContain('Check the reference first');
    }
    // The daemon's own guess alone stays a name that may not exist.
    expect(
      await first("Error response from daemon: pull access denied for ghcr.io/acme/gone, repository does not exist or may require 'docker login': denied"),
    ).not.toBe('registry-auth-denied');
  });

  it("reads a program's SSSE3 check as a CPU without the instructions it was built for, advised for an emulator and a VM too", async () => {
    const check = 'Instruction check fail. The CPU does not support SSSE3 instruction set.';
    // Emulated on an Arm host (Docker's warning first) or on a real processor or a VM's CPU model that lacks SSSE3 (AMD's
    // K10, kvm64): the same line, so the advice names each.
    for (const text of [
      [
        "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) and no specific platform was requested",
        'Setting up clickhouse-server (24.3.1.2672) ...',
        check,
        'dpkg: error processing package clickhouse-server (--configure):',
      ].join('\n'),
      ['x86_64', 'AMD Phenom(tm) II X4 955 Processor', check].join('\n'),
    ]) {
      const finding = await full(text);
      expect(finding?.id).toBe('platform-mismatch');
      expect(finding?.title).toContain('CPU instructions the host lacks');
      expect(finding?.fix).toContain('CPU does not support SSSE3 instruction set');
      expect(finding?.fix).toContain('emulated on Apple silicon');
      expect(finding?.fix).toContain('set its CPU type to `host`');
    }
  });

  it("reads a compose service that died of SIGILL's exit code as a program built for a newer CPU than the host's", async () => {
    const finding = await full(['Attaching to player', 'player exited with code 132'].join('\n'));
    expect(finding?.id).toBe('platform-mismatch');
    expect(finding?.title).toContain('CPU instructions the host lacks');
    // Another exit code says nothing of the CPU.
    expect(await first(['Attaching to player', 'player exited with code 137'].join('\n'))).not.toBe('platform-mismatch');
  });
});

describe('a paste cut within gpg’s keyserver line', () => {
  it("reads a legacy build whose paste ends within `gpg: keyserver receive failed` as the network's, not as no finding", async () => {
    const text = [
      'Step 2/10 : RUN gpg --keyserver hkp://keys.example.org:80 --recv-keys 3994D24FB8543576 && apt-get update',
      ' ---> Running in c086ad3e9a85',
      '+ gpg --keyserver hkp://keys.example.org:80 --recv-keys 3994D24FB8543576',
      "gpg: keybox '/root/.gnupg/pubring.kbx' created",
      'gpg: keyserver receive fa',
    ].join('\n');
    expect(await first(text)).toBe('network-timeout');
    // A whole line with a reason that is not the network's keeps its own reading.
    expect(await first(text.replace('receive fa', 'receive failed: No data'))).not.toBe('network-timeout');
  });
});

describe('the rules of train batches 671 to 677', () => {
  it("reads pip's PEP 668 refusal by its sentence where a paste starts after the error's code", async () => {
    const finding = await full(
      [
        '#9 [4/6] RUN pip3 install -r requirements.txt',
        '#9 110.8 × This environment is externally managed',
        '#9 110.8 ╰─> To install Python packages system-wide, try apt install',
        '#9 110.8     python3-xyz, where xyz is the package you are trying to',
        '#9 110.8     install.',
      ].join('\n'),
    );
    expect(finding?.id).toBe('package-install-failure');
    expect(finding?.fix).toContain('This environment is externally managed');
  });
});
