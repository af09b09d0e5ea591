import { describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, readFixture, SAMPLE } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';
import { readFileSync } from 'node:fs';
import { tempDir } from './support/temp-dir.js';

const ts = (i: number) => `2026-01-05T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.0000000Z`;
/** A `gh run view --log` file: JOB<TAB>STEP<TAB>TIMESTAMP LINE. */
function ghLog(jobs: Array<{ job: string; steps: Array<{ step: string; lines: string[] }> }>): string {
  let i = 0;
  return jobs.flatMap(({ job, steps }) => steps.flatMap(({ step, lines }) => lines.map((line) => `${job}\t${step}\t${ts(i++)} ${line}`))).join('\n');
}

describe('real BuildKit captures', () => {
  it.each(['buildx0.29', 'buildx0.13'])('%s: a failing RUN is a compile error, pointing at the Dockerfile line', async (stack) => {
    const text = readFixture(`${stack}-b1-fail-plain.log`);
    const analysis = await diagnoseText(text, 'b1.log', undefined, join(FIXTURES, 'buildkit-contexts', 'b'));
    const first = analysis.findings[0]!;
    expect(first).toMatchObject({ id: 'compile-error', severity: 'error' });
    expect(first.title).toMatch(/^The code failed to compile in RUN echo/);
    // `Dockerfile:3` and `3 | >>> RUN echo 'error: could not compile ...'`
    expect(first.locations).toEqual([{ kind: 'dockerfile', file: 'Dockerfile', line: 3, column: null, verified: true, message: first.title }]);
    expect(readFileSync(join(FIXTURES, 'buildkit-contexts', 'b', 'Dockerfile'), 'utf8').split('\n')[2]).toMatch(/^RUN echo 'error: could not compile/);
    const lines = text.split('\n');
    for (const evidence of first.evidence) expect(lines[evidence.line - 1]).toBe(evidence.text);
    // The step's own error line comes before BuildKit's wrapper.
    expect(first.evidence[0]!.text).toMatch(/^#6 0\.\d+ error: could not compile `demo`/);
  });

  it.each(['buildx0.29', 'buildx0.13'])('%s: a RUN without a network on a daemon without a bridge is a builder problem', async (stack) => {
    const analysis = await diagnoseText(readFixture(`${stack}-a7-3step-plain-nocache-defaultnetwork.log`));
    expect(analysis.findings[0]).toMatchObject({ id: 'builder-missing', severity: 'error' });
    expect(analysis.findings[0]!.fix).toContain('--network=host');
  });

  it('old BuildKit: a missing COPY source', async () => {
    const analysis = await diagnoseText(readFixture('dockerd20-failing-copy.log'));
    expect(analysis.findings[0]).toMatchObject({ id: 'copy-source-missing', title: 'A COPY or ADD source is not in the build context: /missing.txt' });
  });

  it.each([
    'buildx0.29-a1-3step-plain-first.log',
    'buildx0.29-a2-3step-plain-cached.log',
    'buildx0.29-e1-multistage-parallel-plain.log',
    'buildx0.13-a5-3step-plain-partialcache.log',
    'dockerd20-multi-stage.log',
  ])('a log with no failure has no error finding: %s', async (name) => {
    const analysis = await diagnoseText(readFixture(name));
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the publish run has no error finding either', async () => {
    const analysis = await diagnoseText(readFileSync(SAMPLE, 'utf8'));
    expect(analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('root cause first', () => {
  it('a tty live line does not outrank a failure that says why (a COPY source not found)', async () => {
    const text = [
      ' => => # npm WARN EBADENGINE Unsupported engine {',
      'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 4b1c2d3e::abc: "/app/dist": not found',
    ].join('\n');
    expect((await diagnoseText(text)).findings[0]!.id).toBe('copy-source-missing');
  });

  it("a harmless `sh: git: not found` in a step's output does not outrank the compile error that failed it", async () => {
    const text = [
      '#7 [4/5] RUN npm run build',
      '#7 0.412 > node scripts/version.js && tsc -p tsconfig.build.json',
      '#7 0.530 /bin/sh: 1: git: not found',
      '#7 0.531 version: unknown (no git)',
      "#7 5.120 src/server.ts(14,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      '#7 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2',
      'ERROR: failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2',
    ].join('\n');
    expect((await diagnoseText(text)).findings[0]!.id).toBe('compile-error');
  });

  it("the runner's `Docker build failed with exit code 127` is a wrapper: a script path not found is no missing package", async () => {
    const text = [
      "##[group]Build container for action use: '/home/runner/work/_actions/acme/lint-action/v2/Dockerfile'.",
      '##[command]/usr/bin/docker build -t 2f1a9c:4e5b6a7c8d9e -f "/home/runner/work/_actions/acme/lint-action/v2/Dockerfile" "/home/runner/work/_actions/acme/lint-action/v2"',
      'Sending build context to Docker daemon  15.36kB',
      'Step 1/2 : FROM alpine:3.19',
      ' ---> 05455a08881e',
      'Step 2/2 : RUN /setup.sh',
      ' ---> Running in 7a8b9c0d1e2f',
      '/bin/sh: /setup.sh: not found',
      "The command '/bin/sh -c /setup.sh' returned a non-zero code: 127",
      '##[endgroup]',
      '##[error]Docker build failed with exit code 127',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings.map((f) => f.id)).not.toContain('package-install-failure');
    expect(findings[0]!.evidence.some((e) => e.text.includes('/setup.sh: not found'))).toBe(true);
  });

  it('a failed cache import (403) does not outrank the compile error that failed the build', async () => {
    const text = [
      '#0 building with "builder" instance using docker-container driver',
      '#5 importing cache manifest from ghcr.io/org/app:cache',
      '#5 ERROR: failed to authorize: failed to fetch oauth token: unexpected status: 403 Forbidden',
      '#6 [builder 2/3] RUN cargo build --release',
      '#6 12.1 error[E0308]: mismatched types',
      '#6 12.1  --> src/main.rs:4:9',
      '#6 12.2 error: could not compile `app` (bin "app") due to 1 previous error',
      '#6 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
      'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]!.id).toBe('compile-error');
    expect(findings[0]!.evidence[0]!.text).toBe('#6 12.1 error[E0308]: mismatched types');
    const auth = findings.find((f) => f.id === 'registry-auth-denied');
    if (auth) expect(auth.severity).not.toBe('error');
  });

  it('a WARNING never outranks an error', async () => {
    const text = [
      '#0 building with "default" instance using docker driver',
      '#4 [2/2] RUN ./configure',
      '#4 0.2 checking for gcc... no',
      '#4 ERROR: process "/bin/sh -c ./configure" did not complete successfully: exit code: 77',
      'WARNING: failed to fetch anonymous token: unexpected status: 401 Unauthorized ',
      'ERROR: failed to solve: process "/bin/sh -c ./configure" did not complete successfully: exit code: 77',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]).toMatchObject({ id: 'unknown', severity: 'error' });
    expect(findings[0]!.title).toBe('RUN ./configure failed: exit code: 77');
    expect(findings.find((f) => f.id === 'registry-auth-denied')?.severity).toBe('warning');
  });

  it('a wrapper line (make: ***) never outranks the concrete error of the build it ran', async () => {
    const text = [
      'docker compose -f tools/docker-compose.yml up',
      ' ✘ api Error     manifest unknown  0.2s',
      'Error response from daemon: manifest unknown',
      'make[1]: *** [Makefile:576: compose-up] Error 18',
      'make: *** [Makefile:569: compose] Error 2',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]!.id).toBe('manifest-unknown');
  });

  it('a make failure alone inside a RUN step is still named as the compile step that failed', async () => {
    const text = [
      '#7 [3/3] RUN make -j4',
      '#7 9.9 make: *** [Makefile:12: all] Error 1',
      '#7 ERROR: process "/bin/sh -c make -j4" did not complete successfully: exit code: 2',
      'ERROR: failed to solve: process "/bin/sh -c make -j4" did not complete successfully: exit code: 2',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]!.id).toBe('compile-error');
  });

  it('what the command says it would print is not what it printed: a quoted message in the failing command is no cause', async () => {
    const command = 'case \\"$(uname -m)\\" in x86_64) npm ci ;; *) echo \\"unsupported architecture\\" ; exit 1 ;; esac';
    const plain = [
      `#9 [3/4] RUN ${command.replace(/\\\\/g, '')}`,
      '#9 1.20 npm ERR! code ERESOLVE',
      '#9 1.21 npm ERR! ERESOLVE unable to resolve dependency tree',
      `#9 ERROR: process "/bin/sh -c ${command}" did not complete successfully: exit code: 1`,
      `ERROR: failed to solve: process "/bin/sh -c ${command}" did not complete successfully: exit code: 1`,
    ].join('\n');
    const legacy = [
      'Step 3/4 : RUN apt-get install -y libfoo-dev || (echo "no space left on device, giving up" && exit 1)',
      ' ---> Running in 1a2b3c4d5e6f',
      'E: Unable to locate package libfoo-dev',
      `The command '/bin/sh -c apt-get install -y libfoo-dev || (echo "no space left on device, giving up" && exit 1)' returned a non-zero code: 1`,
    ].join('\n');
    for (const text of [plain, legacy]) expect((await diagnoseText(text)).findings.map((f) => f.id)).toEqual(['package-install-failure']);
    // Past a redirection, every argument of printf, after a line break BuildKit wrote as `\n` (a heredoc): still what it would print.
    const compile = [
      '#8 4.512 error[E0425]: cannot find value `foo` in this scope',
      '#8 4.512 error: could not compile `app` (bin "app") due to 1 previous error',
    ];
    for (const said of [
      'echo >&2 \\"unsupported architecture: $ARCH\\"',
      `printf '%s\\n' \\"unsupported architecture: $ARCH\\"`,
      'true\\necho \\"unsupported architecture\\"',
    ]) {
      const text = [
        '#8 [3/4] RUN cargo build --release',
        ...compile,
        `#8 ERROR: process "/bin/sh -c set -eux; case \\"$(uname -m)\\" in x86_64) ;; *) ${said}; exit 1 ;; esac; cargo build --release" did not complete successfully: exit code: 101`,
      ].join('\n');
      expect([said, (await diagnoseText(text)).findings[0]!.id]).toEqual([said, 'compile-error']);
    }
    // A tool after a line break is still a tool: curl's 6 stays the network's.
    const heredoc =
      'ERROR: failed to solve: process "/bin/sh -c echo Installing\\ncurl -fsSL -o /usr/local/bin/tool https://releases.example.com/tool\\n" did not complete successfully: exit code: 6';
    expect((await diagnoseText(heredoc)).findings[0]!.id).toBe('network-timeout');
    // A message cut off with the line (a command over 2,000 characters) is emptied to the line's end.
    const long = plain.replace('exit 1 ;; esac', `exit 1 ;; esac${' && echo \\"step done\\"'.repeat(120)}`);
    expect((await diagnoseText(long)).findings.map((f) => f.id)).toEqual(['package-install-failure']);
    // The tool and its exit code are still read together (curl's 6: the host was not resolved), also inside `bash -c "..."`.
    const curl =
      'ERROR: failed to solve: process "/bin/sh -c curl -fsSL -o /usr/bin/tool \\"https://example.com/tool\\"" did not complete successfully: exit code: 6';
    expect((await diagnoseText(curl)).findings[0]!.id).toBe('network-timeout');
    const wrapped =
      'ERROR: failed to solve: process "/bin/sh -c bash -c \\"curl -fsSL -o /usr/local/bin/tool https://releases.example.com/tool\\"" did not complete successfully: exit code: 6';
    expect((await diagnoseText(wrapped)).findings[0]!.id).toBe('network-timeout');
  });

  it('exec format error in a step of an emulated platform is the missing emulator, not an image for the wrong platform', async () => {
    const build = (failing: string) =>
      [
        '#8 [linux/amd64 builder 3/5] RUN cargo build --release',
        '#8 DONE 412.0s',
        `#9 [${failing} builder 3/5] RUN cargo build --release`,
        '#9 0.412 standard_init_linux.go:228: exec user process caused: exec format error',
        `#9 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 1`,
        '------',
        ` > [${failing} builder 3/5] RUN cargo build --release:`,
        '#9 0.412 standard_init_linux.go:228: exec user process caused: exec format error',
        '------',
        'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 1',
      ].join('\n');
    // GitHub's hosted runners build linux/amd64 natively: the arm64 leg of the same build runs under QEMU.
    const emulated = (await diagnoseText(build('linux/arm64'))).findings[0]!;
    expect(emulated.id).toBe('qemu-emulation');
    expect(emulated.title).toBe('A step failed under QEMU emulation: no emulator is registered for linux/arm64');
    // With one platform and no word of the host, the image's platform is the likelier cause, as before.
    const single = build('linux/arm64').split('\n').slice(2).join('\n');
    expect((await diagnoseText(single)).findings[0]!.id).toBe('platform-mismatch');
    // Found by a review: a program of the step that ran (so the emulator works) and could not start another is not the
    // missing emulator: that other binary is for another CPU.
    const ranOther = build('linux/arm64').replaceAll(
      'standard_init_linux.go:228: exec user process caused: exec format error',
      'main.go:3: running "stringer": fork/exec /go/bin/stringer: exec format error',
    );
    expect((await diagnoseText(ranOther)).findings[0]).toMatchObject({
      id: 'platform-mismatch',
      title: 'A program in the image is for another CPU than the host',
    });
  });

  it("exec format error in a build from another architecture's image, or one that brings QEMU itself, is the missing emulator", async () => {
    const legacy = (base: string, run = 'pip install -r requirements.txt') =>
      [
        'Sending build context to Docker daemon  4.881MB',
        `Step 1/3 : FROM ${base}`,
        ' ---> 5c374f780c14',
        `Step 2/3 : RUN ${run}`,
        ' ---> Running in 3e388da7c03d',
        'standard_init_linux.go:211: exec user process caused "exec format error"',
        `The command '/bin/sh -c ${run}' returned a non-zero code: 1`,
      ].join('\n');
    // On an arm64 host the arm64v8 image would have run: the emulator is what is missing.
    const arm64 = (await diagnoseText(legacy('arm64v8/python:3.7.7-stretch'))).findings[0]!;
    expect(arm64.id).toBe('qemu-emulation');
    // It did not run under QEMU at all: the title says what is missing.
    expect(arm64.title).toBe('A step failed under QEMU emulation: no emulator is registered for linux/arm64');
    expect((await diagnoseText(legacy('arm32v7/debian:bookworm'))).findings[0]!.id).toBe('qemu-emulation');
    // The Dockerfile calls QEMU's static emulator itself (the balena and Raspberry Pi images' way).
    expect((await diagnoseText(legacy('balenalib/rpi-raspbian', '["/usr/bin/qemu-arm-static", "/bin/sh", "-c", "apt-get update"]'))).findings[0]!.id).toBe(
      'qemu-emulation',
    );
    // The image's shell ran and could not execute a downloaded program: that binary is for another platform.
    const wrongBinary = legacy('arm32v7/debian:bookworm', './tool --version').replace(
      'standard_init_linux.go:211: exec user process caused "exec format error"',
      'bash: line 1: ./tool: cannot execute binary file: Exec format error',
    );
    expect((await diagnoseText(wrongBinary)).findings[0]!.id).toBe('platform-mismatch');
    // On an arm64 host (docker version's `OS/Arch`) the arm64v8 image runs natively: nothing to emulate.
    const onArm = ['Server: Docker Engine - Community', ' Engine:', '  OS/Arch:          linux/arm64', legacy('arm64v8/python:3.7.7-stretch')].join('\n');
    expect((await diagnoseText(onArm)).findings[0]!.id).not.toBe('qemu-emulation');
    // A RUN of the same stage ran here before (not from the cache): the emulator works, the binary is wrong.
    const ranBefore = legacy('arm32v7/python:3.11', '["/usr/local/bin/tool", "--init"]').replace(
      'Step 2/3 : RUN',
      [
        'Step 2/3 : RUN pip install -r requirements.txt',
        ' ---> Running in 1f2e3d4c5b6a',
        'Successfully installed flask-3.0.0',
        ' ---> 9a8b7c6d5e4f',
        'Step 3/3 : RUN',
      ].join('\n'),
    );
    expect((await diagnoseText(ranBefore)).findings[0]!.id).toBe('platform-mismatch');
    // Python ran and could not start a downloaded program: that program is for another platform.
    const python = legacy('arm32v7/python:3.11', 'python3 setup.py build').replace(
      'standard_init_linux.go:211: exec user process caused "exec format error"',
      "OSError: [Errno 8] Exec format error: '/usr/local/bin/protoc'",
    );
    expect((await diagnoseText(python)).findings.map((f) => f.title)).not.toContain(
      'A step failed under QEMU emulation: no emulator is registered for linux/arm/v7',
    );
    // An image of no named architecture: the image's platform is the likelier cause, as before.
    expect((await diagnoseText(legacy('python:3.7.7-stretch'))).findings[0]!.id).toBe('platform-mismatch');
    // BuildKit names the base image in the metadata step.
    const buildkit = [
      '#3 [internal] load metadata for docker.io/arm32v7/golang:1.22',
      '#3 DONE 1.1s',
      '#6 [2/3] RUN go build -o /app .',
      '#6 0.301 exec /bin/sh: exec format error',
      '#6 ERROR: process "/bin/sh -c go build -o /app ." did not complete successfully: exit code: 1',
      'ERROR: failed to solve: process "/bin/sh -c go build -o /app ." did not complete successfully: exit code: 1',
    ].join('\n');
    expect((await diagnoseText(buildkit)).findings[0]!.title).toBe('A step failed under QEMU emulation: no emulator is registered for linux/arm/v7');
    // Another stage's foreign base image says nothing of the golang stage whose program could not start.
    const otherStage = [
      '#3 [internal] load metadata for docker.io/arm32v7/alpine:3.19',
      '#4 [internal] load metadata for docker.io/library/golang:1.22',
      '#5 [build 1/4] FROM docker.io/library/golang:1.22@sha256:0a1b2c3d4e5f',
      '#5 DONE 4.1s',
      '#8 [build 3/4] RUN ["/go/bin/gen"]',
      '#8 0.201 exec /go/bin/gen: exec format error',
      '#8 ERROR: process "/go/bin/gen" did not complete successfully: exit code: 1',
      'ERROR: failed to solve: process "/go/bin/gen" did not complete successfully: exit code: 1',
    ].join('\n');
    expect((await diagnoseText(otherStage)).findings.map((f) => f.title)).not.toContain(
      'A step failed under QEMU emulation: no emulator is registered for linux/arm/v7',
    );
  });

  it("a base image's metadata that failed after Go's 30-second dial timeout, with no word of why, is a registry that did not answer", async () => {
    const tty = (seconds: string) =>
      [
        '[+] Building 30.1s (2/2) FINISHED',
        ' => [internal] load build definition from Dockerfile                                  0.0s',
        ` => ERROR [internal] load metadata for docker.io/library/ros:noetic                   ${seconds}s`,
        '------',
        ' > [internal] load metadata for docker.io/library/ros:noetic:',
        '------',
        'Dockerfile:4',
        '--------------------',
        '   4 | >>> FROM ros:noetic',
        '--------------------',
      ].join('\n');
    const timedOut = (await diagnoseText(tty('30.0'))).findings;
    expect(timedOut.map((f) => f.id)).toEqual(['network-timeout']);
    // The finding says in words what it read from the clock, and whose registry it was.
    expect(timedOut[0]!.title).toBe("A network request failed during the build: docker.io/library/ros:noetic's registry did not answer in 30 s");
    expect(timedOut[0]!.fix).toContain("the connect timeout of Docker's registry client (30 s)");
    // The registry's answer, however long it took, says why: no timeout beside it.
    const answered = `${tty('31.0')}\nERROR: failed to solve: docker.io/library/ros:noetic: failed to resolve source metadata for docker.io/library/ros:noetic: docker.io/library/ros:noetic: not found`;
    expect((await diagnoseText(answered)).findings.map((f) => f.id)).toEqual(['manifest-unknown']);
    // Failing at once is the registry's answer: the image or tag does not exist (as before).
    expect((await diagnoseText(tty('1.5'))).findings[0]!.id).toBe('manifest-unknown');
    // A CI job's own failure line after the paste (GitLab's) is no word of why.
    expect((await diagnoseText(`${tty('30.0')}\nERROR: Job failed: exit code 1`)).findings.map((f) => f.id)).toEqual(['network-timeout']);
  });

  it("a CI job's wrapper lines around a paste (GitLab's, Jenkins', the runner's exit status) change neither its title nor its cause", async () => {
    const first = async (text: string) => {
      const finding = (await diagnoseText(text)).findings[0]!;
      return { id: finding.id, title: finding.title, evidence: finding.evidence[0]!.text };
    };
    const wrapped = (lines: string[]) => ({
      gitlab: ['$ docker build -t app .', ...lines, 'ERROR: Job failed: exit code 1'].join('\n'),
      jenkins: ['[Pipeline] sh', '+ docker build -t app .', ...lines, '[Pipeline] }', 'ERROR: script returned exit code 1', 'Finished: FAILURE'].join('\n'),
      circleci: ['#!/bin/bash -eo pipefail', 'docker build -t app .', ...lines, 'Exited with code exit status 1', 'CircleCI received exit code 1'].join('\n'),
      buildkite: ['$ docker build -t app .', ...lines, '🚨 Error: The command exited with status 1', 'user command error: exit status 1'].join('\n'),
    });
    // No signature knows this line: the fallback's title and its guess read the daemon's words, not the wrapper's.
    const legacy = [
      'Sending build context to Docker daemon 15.87 kB',
      'An error occurred trying to connect: Post http://%2Fvar%2Frun%2Fdocker.sock/v1.24/build?dockerfile=Dockerfile&t=yolo: EOF',
    ];
    const alone = await first(legacy.join('\n'));
    expect(alone.evidence).toContain('An error occurred trying to connect');
    for (const text of Object.values(wrapped(legacy))) expect(await first(text)).toEqual(alone);
    // The tty view's live line a paste starts at is the failure's cause (apt could not resolve its mirror),
    // with the job's `[Pipeline] }` and exit status after the build's error, as without them.
    const live = [
      "=> => #   Temporary failure resolving 'deb.debian.org'",
      'ERROR: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y curl" did not complete successfully: exit code: 100',
    ];
    expect((await first(live.join('\n'))).id).toBe('network-timeout');
    for (const text of Object.values(wrapped(live))) expect((await first(text)).id).toBe('network-timeout');
    // The builder's own words for a failed step name its command, after a `docker build` line that names no step too.
    const legacyStep = ["The command '/bin/sh -c pip3 install fancyimpute' returned a non-zero code: 1"];
    expect((await first(legacyStep.join('\n'))).id).toBe('package-install-failure');
    for (const text of Object.values(wrapped(legacyStep))) expect((await first(text)).id).toBe('package-install-failure');
    const jobLog = [
      '##[group]Run docker build -t app .',
      'docker build -t app .',
      '##[endgroup]',
      ...legacyStep,
      '##[error]Process completed with exit code 1.',
    ];
    expect((await first(jobLog.map((line, i) => `${ts(i)} ${line}`).join('\n'))).id).toBe('package-install-failure');
  });

  it("a docker push whose output ends in Go's bare EOF is the registry closing the connection; a pull's or a heredoc's EOF is not", async () => {
    const push = [
      'The push refers to repository [registry.example.com/rancher/agent]',
      'da9f45a1a82f: Layer already exists',
      '34c32605199e: Pushing [==================================================>]  2.048kB',
      '32d75bc97c41: Retrying in 5 seconds',
      'EOF',
    ].join('\n');
    const pushed = (await diagnoseText(push)).findings[0]!;
    expect([pushed.id, pushed.evidence.map((e) => e.text)]).toEqual(['registry-push-failure', ['EOF']]);
    const pull = ['latest: Pulling from acme/app', 'a1b2c3d4e5f6: Pulling fs layer', 'a1b2c3d4e5f6: Retrying in 5 seconds', 'EOF'].join('\n');
    expect((await diagnoseText(pull)).findings.map((f) => f.id)).not.toContain('registry-push-failure');
    // A push that ended, then a script's heredoc: that EOF is the heredoc's.
    const heredoc = [
      'The push refers to repository [registry.example.com/acme/app]',
      '34c32605199e: Pushed',
      'latest: digest: sha256:' + 'a'.repeat(64) + ' size: 1234',
      '$ cat > deploy.env <<EOF',
      'IMAGE=registry.example.com/acme/app:latest',
      'EOF',
      'Error: deployment "app" exceeded its progress deadline',
      'ERROR: Job failed: exit code 1',
    ].join('\n');
    expect((await diagnoseText(heredoc)).findings.map((f) => f.id)).not.toContain('registry-push-failure');
  });

  it('a retry loop of network WARNINGs is the root cause of the package manager error after it', async () => {
    const retry = (n: number) =>
      `#8 ${n}.3 WARNING: Retrying (Retry(total=${5 - n}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/flask/`;
    const text = [
      '#8 [4/6] RUN pip install -r requirements.txt',
      retry(1),
      retry(2),
      '#8 9.01 ERROR: Could not find a version that satisfies the requirement flask==2.0.1 (from versions: none)',
      '#8 9.01 ERROR: No matching distribution found for flask==2.0.1',
      '#8 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
      'ERROR: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]).toMatchObject({ id: 'network-timeout', severity: 'error' });
    expect(findings[0]!.fix).toMatch(/first error is on line 2; .*package-install-failure \(line 4\)/);
    // One warning is not a loop: the package manager's own error stays first when pip saw releases, none of them fitting.
    const once = text
      .split('\n')
      .filter((_, i) => i !== 2)
      .join('\n');
    expect((await diagnoseText(once.replace('(from versions: none)', '(from versions: 1.1.4, 2.0.0)'))).findings[0]!.id).toBe('package-install-failure');
    // When it saw none at all, the one connection that failed before says why.
    expect((await diagnoseText(once)).findings[0]!.id).toBe('network-timeout');
  });

  it('a compose build whose only failure is loading a base image names the missing image', async () => {
    const text = [
      '[+] Building 0.8s (2/2) FINISHED                                   docker:default',
      ' => [web internal] load build definition from Dockerfile            0.0s',
      ' => => transferring dockerfile: 915B                                0.0s',
      ' => ERROR [web internal] load metadata for docker.io/library/my-base:latest',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]!.id).toBe('manifest-unknown');
  });

  it('a paste whose only trace is a WARNING is explained by it, not by an empty "build failed"', async () => {
    const text = [
      'WARNING: local cache import at /tmp/.buildx-cache not found due to err: could not read /tmp/.buildx-cache/index.json: open /tmp/.buildx-cache/index.json: no such file or directory',
      '',
      'Generating build summary',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings.map((f) => f.id)).toEqual(['cache-import-failure']);
  });

  it('a matrix job canceled because another failed points at the one that failed', async () => {
    const log = ghLog([
      {
        job: 'Build engine',
        steps: [
          {
            step: 'Build and push',
            lines: [
              '[command]/usr/bin/docker buildx build --platform linux/amd64 .',
              '#7 [builder 3/3] RUN cargo build --release --bin engine',
              '#7 31.0 error[E0425]: cannot find value `x` in this scope',
              '#7 ERROR: process "/bin/sh -c cargo build --release --bin engine" did not complete successfully: exit code: 101',
              'ERROR: failed to solve: process "/bin/sh -c cargo build --release --bin engine" did not complete successfully: exit code: 101',
              '##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c cargo build --release --bin engine" did not complete successfully: exit code: 101',
            ],
          },
        ],
      },
      {
        job: 'Build runtime',
        steps: [
          {
            step: 'Build and push',
            lines: [
              '[command]/usr/bin/docker buildx build --platform linux/amd64 .',
              '#7 [builder 3/3] RUN cargo build --release --bin runtime',
              '#7 40.0    Compiling tokio v1.40.0',
              '##[error]The operation was canceled.',
            ],
          },
        ],
      },
    ]);
    const { findings, builds } = await diagnoseText(log);
    expect(builds.map((b) => b.build.status)).toEqual(['failure', 'canceled']);
    expect(findings[0]).toMatchObject({ id: 'compile-error', build: 'Build engine' });
    const canceled = findings.find((f) => f.build === 'Build runtime')!;
    expect(canceled).toMatchObject({ id: 'canceled', title: 'Canceled after Build engine failed' });
    expect(findings.indexOf(canceled)).toBeGreaterThan(0);
  });

  it('a push that fails after every step ran is reported as a push failure', async () => {
    const text = [
      '#0 building with "builder" instance using docker-container driver',
      '#5 [2/2] RUN make',
      '#5 DONE 30.1s',
      '#6 exporting to image',
      '#6 exporting layers 1.2s done',
      '#6 pushing layers',
      '#6 ERROR: failed to push registry.example.com/team/app:1.2.3: unexpected status from PUT request to https://registry.example.com/v2/team/app/blobs/uploads/x: 502 Bad Gateway',
      '------',
      ' > exporting to image:',
      '------',
      'ERROR: failed to solve: failed to push registry.example.com/team/app:1.2.3: unexpected status from PUT request to https://registry.example.com/v2/team/app/blobs/uploads/x: 502 Bad Gateway',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]!.id).toBe('registry-push-failure');
    expect(findings[0]!.fix).toContain('All 1 build steps finished; the failure came afterwards, in `exporting to image`');
  });

  it('a cache export that fails with ignore-error=true leaves a green build with a warning', async () => {
    const text = [
      '[command]/usr/bin/docker buildx build --cache-to type=gha,mode=max,ignore-error=true --push -t ghcr.io/o/a:1 .',
      '#0 building with "builder" instance using docker-container driver',
      '#5 [2/2] RUN make',
      '#5 DONE 30.1s',
      '#6 exporting to image',
      '#6 DONE 3.0s',
      '#7 exporting to GitHub Actions Cache',
      '#7 preparing build cache for export',
      '#7 ERROR: failed to upload cache: 429 Too Many Requests',
      '------',
      ' > exporting to GitHub Actions Cache:',
      '------',
    ].join('\n');
    const { findings, builds } = await diagnoseText(text);
    expect(builds[0]!.build.status).toBe('success');
    expect(findings[0]).toMatchObject({ id: 'cache-export-failure', severity: 'warning' });
    expect(findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('a failure no signature knows still gets a finding quoting the final error', async () => {
    const text = [
      '#0 building with "default" instance using docker driver',
      '#3 [2/2] RUN ./frobnicate',
      '#3 0.1 the frobnicator refused',
      '#3 ERROR: process "/bin/sh -c ./frobnicate" did not complete successfully: exit code: 3',
      'ERROR: failed to solve: process "/bin/sh -c ./frobnicate" did not complete successfully: exit code: 3',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]).toMatchObject({ id: 'unknown', severity: 'error', title: 'RUN ./frobnicate failed: exit code: 3' });
    expect(findings[0]!.fix).toContain('ERROR: failed to solve: process');
    expect(findings[0]!.evidence.map((e) => e.text)).toContain('#3 0.1 the frobnicator refused');
  });

  it('a pasted step output whose failure is in plain words is quoted, not left without a finding', async () => {
    const text = [' => [web 3/5] RUN ./build.sh     12.3s', ' => => # ./build.sh: line 4: cd: /src/app: No such file or directory'].join('\n');
    const { findings } = await diagnoseText(text);
    // The paste does not say the build failed (it may be cut): a warning that quotes the line, `unknown` or
    // the cause its words point at (word-model.test.ts), as likely.
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]!.id === 'unknown' || findings[0]!.data?.role === 'likely-cause').toBe(true);
    expect(findings[0]!.evidence.map((e) => e.text)).toEqual([' => => # ./build.sh: line 4: cd: /src/app: No such file or directory']);
    // Nothing that reads as a failure: still no finding.
    expect((await diagnoseText(' => [web 3/5] RUN ./build.sh     12.3s\n => => # compiling 12 files')).findings).toEqual([]);
  });
});

describe('signature families', () => {
  it("a download silenced by -s/-q is read from the downloader's documented exit status", async () => {
    const run = (command: string, code: number) =>
      diagnoseText(
        [
          `#6 [3/5] RUN ${command}`,
          `#6 ERROR: process "/bin/sh -c ${command}" did not complete successfully: exit code: ${code}`,
          `ERROR: failed to solve: process "/bin/sh -c ${command}" did not complete successfully: exit code: ${code}`,
        ].join('\n'),
      );
    const curl = 'curl -sL https://example.com/tool.tgz -o /tmp/tool.tgz && tar -xzf /tmp/tool.tgz';
    // 28: the transfer timed out; 18: it ended with data outstanding.
    for (const code of [28, 18]) expect((await run(curl, code)).findings[0]!.id).toBe('network-timeout');
    // 22 is an HTTP error answer (a wrong URL), not the network: no network finding.
    expect((await run(curl, 22)).findings.map((f) => f.id)).not.toContain('network-timeout');
    const legacy = [
      'Step 4/6 : RUN wget -q https://example.com/a.deb && dpkg -i a.deb',
      ' ---> Running in 433c224e8e2c',
      "The command '/bin/sh -c wget -q https://example.com/a.deb && dpkg -i a.deb' returned a non-zero code: 4",
    ].join('\n');
    expect((await diagnoseText(legacy)).findings[0]!.id).toBe('network-timeout');
  });

  it("each family's other wordings: apt's corrupted downloads, containerd's refused push, apt cut before its error, the old CLI's push, a package manager's installer", async () => {
    const step = (output: string[], command = 'apt-get update && apt-get install -y libpq-dev') =>
      ['Step 4/6 : RUN ' + command, ' ---> Running in 1a2b3c4d5e6f', ...output, `The command '/bin/sh -c ${command}' returned a non-zero code: 100`].join('\n');
    const first = async (text: string) => (await diagnoseText(text)).findings[0]?.id;
    // A proxy or a mirror mid-sync corrupted what apt fetched: the network, not the package list.
    expect(
      await first(
        step([
          'E: Failed to fetch http://deb.debian.org/debian/pool/main/p/postgresql-15/libpq5_15.5-0+deb12u1_amd64.deb  Hash Sum mismatch',
          '   Hashes of expected file:',
        ]),
      ),
    ).toBe('network-timeout');
    expect(
      await first(
        [
          '#12 exporting to image',
          '#12 pushing layers 1.0s done',
          '#12 ERROR: authorization status: 401: authorization failed',
          'error: failed to solve: authorization status: 401: authorization failed',
        ].join('\n'),
      ),
    ).toBe('registry-auth-denied');
    // Cut before apt's `E:` line: its explanation says it already.
    expect(
      await first(
        [
          'Step 2/6 : RUN apt-get install -y libpng12-dev',
          ' ---> Running in 3ab392bcb4c8',
          'Reading package lists...',
          'Package libpng12-dev is not available, but is referred to by another package.',
          'This may mean that the package is missing, has been obsoleted, or',
        ].join('\n'),
      ),
    ).toBe('package-install-failure');
    expect(await first('FATA[0005] Error pushing to registry: Server error: 413 trying to push acme/app blob - sha256:985c')).toBe('registry-push-failure');
    expect(
      await first(step(['Could not open input file: composer-setup.php'], 'php composer-setup.php --install-dir=/usr/local/bin --filename=composer')),
    ).toBe('package-install-failure');
  });

  it('docker/login-action with empty inputs: the secret it names is not available to the job', async () => {
    const log = [
      'Run docker/login-action@v3',
      '  with:',
      '    username: acme-bot',
      '    logout: true',
      '  env:',
      '    REGISTRY_PASSWORD: ',
      'Error: Username and password required',
    ].join('\n');
    expect((await diagnoseText(log)).findings[0]!.id).toBe('secret-missing');
  });
});

describe('a command line is not a diagnosis', () => {
  it('the CI line that runs the build with DOCKER_BUILDKIT=1 raises no builder finding', async () => {
    const log = [
      '+ DOCKER_BUILDKIT=1 docker build -t app .',
      '#5 [2/3] RUN ./configure',
      '#5 0.3 configure: error: frobnicate is required',
      '#5 ERROR: process "/bin/sh -c ./configure" did not complete successfully: exit code: 1',
      'ERROR: failed to solve: process "/bin/sh -c ./configure" did not complete successfully: exit code: 1',
    ].join('\n');
    const analysis = await diagnoseText(log, 'ci.log');
    expect(analysis.findings.map((f) => f.id)).not.toContain('builder-missing');
  });
});

describe('special cases the team met', () => {
  it('an invalid tag names the tag, the broken rule and the metadata-action template that made it', async () => {
    const log = [
      '##[group]Run docker/metadata-action@v5',
      'with:',
      '  images: ghcr.io/afewell-hh/demon-runtime',
      '  tags: type=ref,event=branch',
      'type=sha,prefix={{branch}}-',
      '  flavor: latest=auto',
      '##[endgroup]',
      '##[group]Run docker/build-push-action@v5',
      '##[endgroup]',
      '[command]/usr/bin/docker buildx build --tag ghcr.io/afewell-hh/demon-runtime:-0899a35 --push .',
      'ERROR: invalid tag "ghcr.io/afewell-hh/demon-runtime:-0899a35": invalid reference format',
      '##[error]buildx failed with: ERROR: invalid tag "ghcr.io/afewell-hh/demon-runtime:-0899a35": invalid reference format',
    ]
      .map((line, i) => `${ts(i)} ${line}`)
      .join('\n');
    const { findings } = await diagnoseText(log, 'job.log');
    const first = findings[0]!;
    expect(first.id).toBe('invalid-tag');
    expect(first.title).toBe('An image tag is not a valid reference: "ghcr.io/afewell-hh/demon-runtime:-0899a35"');
    expect(first.fix).toContain('starts with `-`; a tag must start with a letter, a digit or `_`');
    expect(first.fix).toContain('`tags: type=sha,prefix={{branch}}-`');
    expect(first.fix).toContain('`{{branch}}` is empty on `pull_request` events');
    expect(first.data).toMatchObject({ template: 'tags: type=sha,prefix={{branch}}-', tag: 'ghcr.io/afewell-hh/demon-runtime:-0899a35' });
  });

  const pushDenied = (setup: string[], error: string) =>
    ghLog([
      {
        job: 'Build runtime',
        steps: [
          { step: 'Set up job', lines: setup },
          {
            step: 'Build and push',
            lines: [
              '[command]/usr/bin/docker buildx build --tag ghcr.io/afewell-hh/demon-runtime:main --push .',
              '#9 exporting to image',
              '#9 pushing layers',
              `#9 ERROR: ${error}`,
              `ERROR: failed to solve: ${error}`,
              `##[error]buildx failed with: ERROR: failed to solve: ${error}`,
            ],
          },
        ],
      },
    ]);

  it('a GHCR 403 from a token without packages: write', async () => {
    const log = pushDenied(
      ['##[group]GITHUB_TOKEN Permissions', 'Contents: read', 'Metadata: read', 'Packages: read', '##[endgroup]', 'Secret source: Actions'],
      'failed to push ghcr.io/afewell-hh/demon-runtime:main: unexpected status from POST request to https://ghcr.io/v2/afewell-hh/demon-runtime/blobs/uploads/: 403 Forbidden',
    );
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to ghcr.io' });
    expect(first.data).toMatchObject({ cause: 'missing-packages-write', packagesPermission: 'read' });
    expect(first.fix).toMatch(/^The job's `GITHUB_TOKEN` had `packages: read`/);
  });

  it('a GHCR 403 on a pull request from a fork', async () => {
    const log = pushDenied(
      ['##[group]GITHUB_TOKEN Permissions', 'Packages: write', '##[endgroup]', 'Secret source: None'],
      'failed to push ghcr.io/afewell-hh/demon-runtime:main: unexpected status from POST request to https://ghcr.io/v2/afewell-hh/demon-runtime/blobs/uploads/: 403 Forbidden',
    );
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first.data).toMatchObject({ cause: 'fork-pull-request', secretSource: 'None' });
  });

  it('a GHCR 403 from an organization package that does not grant the repository', async () => {
    const log = pushDenied(
      ['##[group]GITHUB_TOKEN Permissions', 'Packages: write', '##[endgroup]', 'Secret source: Actions'],
      'failed to push ghcr.io/afewell-hh/demon-runtime:main: denied: installation not allowed to Write organization package',
    );
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first.data).toMatchObject({ cause: 'org-package-access', packagesPermission: 'write' });
    expect(first.fix).toContain('Manage Actions access');
  });

  // Another registry's denial: its own needs come first, before the catalog's GHCR advice.
  it('an Amazon ECR denial leads with ECR login, the IAM push actions and a repository made first', async () => {
    const log = pushDenied(
      ['##[group]GITHUB_TOKEN Permissions', 'Packages: read', '##[endgroup]', 'Secret source: Actions'],
      'failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme/app:main: unexpected status from HEAD request to https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/acme/app/blobs/sha256:abc: 403 Forbidden',
    );
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to 123456789012.dkr.ecr.eu-west-1.amazonaws.com' });
    // Packages: read is no cause for ECR: the GHCR permission is not what the reader is told first.
    expect(first.data).toMatchObject({ registryKind: 'ecr' });
    expect(first.data!.cause).toBeUndefined();
    expect(first.fix).toMatch(/^Amazon ECR answered: log in with `aws-actions\/amazon-ecr-login`/);
    expect(first.change).toMatch(/^Amazon ECR answered/);
    // GitHub's registry's own advice is no advice for an ECR push; the fork advice holds for any registry.
    expect(first.fix).not.toMatch(/ghcr\.io|packages: write|Manage Actions access/);
    expect(first.fix).toContain('Pull requests from forks run with a read-only token and no secrets');
  });

  it('a registry with no advice of its own is named in the check, without the GHCR items', async () => {
    const log = pushDenied(
      ['##[group]GITHUB_TOKEN Permissions', 'Packages: read', '##[endgroup]', 'Secret source: Actions'],
      'failed to push harbor.acme.example/team/app:main: unexpected status from HEAD request to https://harbor.acme.example/v2/team/app/blobs/sha256:abc: 401 Unauthorized',
    );
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first.data!.registryKind).toBeUndefined();
    expect(first.fix).not.toMatch(/ghcr\.io|packages: write|Manage Actions access/);
    expect(first.change).toBe(
      "Check the login step's credentials for `harbor.acme.example` and that they may push to (or pull) the repository, and that the repository exists.",
    );
  });

  // Found by a review: tags on two registries do not say which one denied the push; GHCR's own words do.
  it("GHCR's own words name GHCR whatever the tags; tags on several registries name none", async () => {
    const twoRegistries = (error: string) =>
      ghLog([
        {
          job: 'Build runtime',
          steps: [
            { step: 'Set up job', lines: ['##[group]GITHUB_TOKEN Permissions', 'Packages: read', '##[endgroup]', 'Secret source: Actions'] },
            {
              step: 'Build and push',
              lines: [
                '[command]/usr/bin/docker buildx build --tag docker.io/acme/app:main --tag ghcr.io/acme/app:main --push .',
                '#9 exporting to image',
                `#9 ERROR: ${error}`,
                `ERROR: failed to solve: ${error}`,
              ],
            },
          ],
        },
      ]);
    const ghcr = (await diagnoseText(twoRegistries('denied: permission_denied: write_package'))).findings[0]!;
    expect(ghcr).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to ghcr.io', data: { cause: 'missing-packages-write' } });
    const unknown = (await diagnoseText(twoRegistries('unexpected status: 401 Unauthorized'))).findings[0]!;
    expect(unknown).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access' });
    expect(unknown.fix).toContain('pushing to `ghcr.io` needs `permissions: packages: write`');
  });

  it('a GHCR denial, or one that names no registry, keeps the GHCR items', async () => {
    for (const error of [
      'failed to push ghcr.io/acme/app:main: unexpected status from HEAD request to https://ghcr.io/v2/acme/app/blobs/sha256:abc: 403 Forbidden',
      'denied: requested access to the resource is denied',
    ]) {
      const first = (await diagnoseText(pushDenied(['Secret source: Actions'], error))).findings[0]!;
      expect(first.id).toBe('registry-auth-denied');
      expect(first.fix).toContain('In GitHub Actions, pushing to `ghcr.io` needs `permissions: packages: write`');
      expect(first.fix).toContain('An organization package on `ghcr.io` must grant this repository access');
      expect(first.fix).not.toContain("Check the login step's credentials for");
    }
  });

  it("a denied push of a host-less name is Docker Hub's, with its access-token scope", async () => {
    const log = [
      '#0 building with "default" instance using docker driver',
      '#5 exporting to image',
      '#5 pushing layers 0.4s done',
      '#5 ERROR: failed to push acme/app:1.0: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      'ERROR: failed to solve: failed to push acme/app:1.0: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ].join('\n');
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to docker.io' });
    expect(first.data).toMatchObject({ registryKind: 'docker-hub' });
    expect(first.fix).toMatch(/^Docker Hub answered: .*Read & Write/);
  });

  // A registry refuses a pull of a name it does not have as it refuses a private one: the reader checks the name first,
  // and the advice for a push (a token's `packages: write`, a fork that must not push) is not given.
  describe('a refused pull', () => {
    const PUSH_ITEMS = /packages: write|role Write|do not push there|pushing to/;

    it('docker run of an image GHCR refuses: the name first, then the read access, and no push advice', async () => {
      const log = [
        "Unable to find image 'ghcr.io/acme/tool:latest' locally",
        'docker: Error response from daemon: Head "https://ghcr.io/v2/acme/tool/manifests/latest": unauthorized.',
      ].join('\n');
      const first = (await diagnoseText(log)).findings[0]!;
      expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to ghcr.io', data: { operation: 'pull' } });
      expect(first.fix).toMatch(/^A pull was refused by `ghcr\.io`: a registry answers a pull of an image it does not have/);
      // The lead alone is the summary's and the comment's one line; what this registry adds follows it.
      expect(first.fix.split('\n')[0]).toMatch(/credentials that may read it\.$/);
      expect(first.fix).toContain("another repository's private package must grant this one read access");
      expect(first.fix).not.toMatch(PUSH_ITEMS);
    });

    it("a base image's metadata refused: the registry is the base image's, not the build's push tag's", async () => {
      const log = ghLog([
        {
          job: 'Build runtime',
          steps: [
            { step: 'Set up job', lines: ['##[group]GITHUB_TOKEN Permissions', 'Packages: read', '##[endgroup]', 'Secret source: Actions'] },
            {
              step: 'Build and push',
              lines: [
                '[command]/usr/bin/docker buildx build --tag ghcr.io/acme/app:main --push .',
                '#3 [internal] load metadata for registry.acme.example/base/rust:1.80',
                '#3 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized',
                'ERROR: failed to solve: registry.acme.example/base/rust:1.80: failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized',
              ],
            },
          ],
        },
      ]);
      const first = (await diagnoseText(log)).findings[0]!;
      expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to registry.acme.example' });
      // `Packages: read` is no cause for a pull: the job's token may read.
      expect(first.data).toMatchObject({ operation: 'pull', packagesPermission: 'read' });
      expect(first.data!.cause).toBeUndefined();
      // No credentials were sent: the login comes first (a review).
      expect(first.fix).toMatch(/^A pull was refused by `registry\.acme\.example`, and the client sent no credentials: log in /);
      expect(first.fix).not.toMatch(PUSH_ITEMS);
    });

    it('compose v1 pulling a service the registry refuses: the line before names the image; its registry keeps its advice', async () => {
      const log = ['Pulling panel (quay.io/acme/panel:latest)...', 'ERROR: unauthorized: access to the requested resource is not authorized'].join('\n');
      const first = (await diagnoseText(log)).findings[0]!;
      expect(first).toMatchObject({ title: 'The registry denied access to quay.io', data: { operation: 'pull', registryKind: 'quay' } });
      expect(first.fix).toMatch(/^A pull was refused by `quay\.io`[^\n]+\n\nQuay answered: /);
    });

    it('a refusal in a build that pushes is a push, whatever pulled before it', async () => {
      const log = pushDenied(['Secret source: Actions'], 'unexpected status from HEAD request to https://ghcr.io/v2/acme/app/manifests/main: 403 Forbidden');
      const first = (await diagnoseText(log)).findings[0]!;
      expect(first.id).toBe('registry-auth-denied');
      expect(first.data!.operation).toBe('push');
      expect(first.fix).toContain('In GitHub Actions, pushing to `ghcr.io` needs `permissions: packages: write`');
    });

    // Found by a review: a push's refusal that names a manifest URL was read as a pull, and "push" in an image's name
    // made a pull a push.
    it("a docker push's refusal names a manifest: the lines before it say push, and name the registry", async () => {
      const log = [
        '$ docker push registry.example.com/team/app:1.0',
        'The push refers to repository [registry.example.com/team/app]',
        '5f70bf18a086: Preparing',
        'error parsing HTTP 403 response body: unexpected end of JSON input: "" (HEAD https://registry.example.com/v2/team/app/manifests/1.0)',
      ].join('\n');
      const first = (await diagnoseText(log)).findings[0]!;
      expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to registry.example.com', data: { operation: 'push' } });
      expect(first.fix).not.toContain('A pull was refused');
      // Docker Hub's push names no host in its refusal: the repository line does.
      const hub = ['The push refers to repository [docker.io/johndoe/webapp]', '5f70bf18a086: Preparing', 'denied: requested access to the resource is denied'];
      expect((await diagnoseText(hub.join('\n'))).findings[0]).toMatchObject({
        title: 'The registry denied access to docker.io',
        data: { registryKind: 'docker-hub' },
      });
      // podman names the host after its upload URL.
      const podman =
        'Error: writing blob: initiating layer upload to /v2/acme/app/blobs/uploads/ in quay.io: unauthorized: access to the requested resource is not authorized';
      expect((await diagnoseText(podman)).findings[0]).toMatchObject({ title: 'The registry denied access to quay.io', data: { operation: 'push' } });
    });

    it('"push" inside an image name is no push', async () => {
      const log = [
        '#4 [internal] load metadata for ghcr.io/acme/push-notifier-base:1.3',
        '#4 ERROR: unexpected status from HEAD request to https://ghcr.io/v2/acme/push-notifier-base/manifests/1.3: 403 Forbidden',
        'ERROR: failed to solve: ghcr.io/acme/push-notifier-base:1.3: unexpected status from HEAD request to https://ghcr.io/v2/acme/push-notifier-base/manifests/1.3: 403 Forbidden',
      ].join('\n');
      const first = (await diagnoseText(log)).findings[0]!;
      expect(first).toMatchObject({ id: 'registry-auth-denied', data: { operation: 'pull' } });
      expect(first.fix).not.toMatch(PUSH_ITEMS);
    });
  });

  // Found by a review: a host-less tag beside a ghcr.io one says nothing of where the denial came from.
  it("a 403 from an old buildx that names no registry: the build's host-less tag is not taken for Docker Hub", async () => {
    const log = [
      '##[group]GITHUB_TOKEN Permissions',
      'Packages: read',
      '##[endgroup]',
      'Secret source: Actions',
      '[command]/usr/bin/docker buildx build --tag acme/app:latest --tag ghcr.io/acme/app:latest --push .',
      '#4 exporting to image',
      '#4 pushing layers',
      '#4 ERROR: failed to authorize: rpc error: code = Unknown desc = failed to fetch oauth token: unexpected status: 403 Forbidden',
      'error: failed to solve: rpc error: code = Unknown desc = failed to authorize: rpc error: code = Unknown desc = failed to fetch oauth token: unexpected status: 403 Forbidden',
    ].join('\n');
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first).toMatchObject({ id: 'registry-auth-denied', title: 'The registry denied access to ghcr.io' });
    expect(first.data).toMatchObject({ cause: 'missing-packages-write' });
    expect(first.data!.registryKind).toBeUndefined();
  });

  it('a fork pull request to ECR stays a fork pull request: the registry setup would not help', async () => {
    const log = pushDenied(
      ['##[group]GITHUB_TOKEN Permissions', 'Packages: write', '##[endgroup]', 'Secret source: None'],
      'failed to push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:pr-1: unexpected status from POST request to https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/app/blobs/uploads/: 401 Unauthorized',
    );
    const first = (await diagnoseText(log)).findings[0]!;
    expect(first.data).toMatchObject({ cause: 'fork-pull-request', registryKind: 'ecr' });
    expect(first.fix).not.toContain('Amazon ECR answered');
  });
});

describe('the lines that broke', () => {
  it('maps container paths of compiler errors back to the repository, and skips dependencies', async () => {
    const workspace = tempDir('bxd-ws-');
    mkdirSync(join(workspace, 'crates', 'engine', 'src'), { recursive: true });
    mkdirSync(join(workspace, 'engine'), { recursive: true });
    writeFileSync(join(workspace, 'crates', 'engine', 'src', 'lib.rs'), 'fn a() {}\n');
    writeFileSync(join(workspace, 'engine', 'Dockerfile'), 'FROM rust\nWORKDIR /app\nCOPY . .\nRUN cargo build\n');
    const text = [
      '[command]/usr/bin/docker buildx build --file ./engine/Dockerfile .',
      '#0 building with "default" instance using docker driver',
      '#8 [builder 4/4] RUN cargo build',
      '#8 20.1 error[E0308]: mismatched types',
      '#8 20.1    --> /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/serde-1.0.0/src/lib.rs:10:5',
      '#8 20.1 error[E0425]: cannot find value `y` in this scope',
      '#8 20.1   --> /app/crates/engine/src/lib.rs:42:13',
      '#8 ERROR: process "/bin/sh -c cargo build" did not complete successfully: exit code: 101',
      '------',
      ' > [builder 4/4] RUN cargo build:',
      '------',
      'Dockerfile:4',
      '--------------------',
      '   2 |     WORKDIR /app',
      '   3 |     COPY . .',
      '   4 | >>> RUN cargo build',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c cargo build" did not complete successfully: exit code: 101',
    ].join('\n');
    const first = (await diagnoseText(text, 'build.log', undefined, workspace)).findings[0]!;
    expect(first.id).toBe('compile-error');
    expect(first.locations).toEqual([
      expect.objectContaining({ kind: 'dockerfile', file: 'engine/Dockerfile', line: 4, verified: true }),
      expect.objectContaining({
        kind: 'source',
        file: 'crates/engine/src/lib.rs',
        line: 42,
        column: 13,
        verified: true,
        message: 'error[E0425]: cannot find value `y` in this scope',
      }),
    ]);
  });

  it('claims no verified location for a file that is not in the workspace', async () => {
    const workspace = tempDir('bxd-ws-');
    const first = (await diagnoseText(readFixture('buildx0.29-b1-fail-plain.log'), 'b1.log', undefined, workspace)).findings[0]!;
    expect(first.locations).toEqual([expect.objectContaining({ kind: 'dockerfile', file: 'Dockerfile', line: 3, verified: false })]);
  });
});

describe('a builder that setup-buildx-action created', () => {
  it('is not read as a builder problem when a later step fails', async () => {
    const text = [
      '#1 [internal] booting buildkit',
      '#1 pulling image moby/buildkit:buildx-stable-1',
      '#1 creating container buildx_buildkit_builder-dff6a4ed-5d85-434e-84b6-e9050ce0aef80',
      '#1 creating container buildx_buildkit_builder-dff6a4ed-5d85-434e-84b6-e9050ce0aef80 0.3s done',
      '#1 DONE 4.1s',
      '#9 [builder 5/6] RUN cargo build --release',
      '#9 61.2 error[E0425]: cannot find value `x` in this scope',
      '#9 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
    ].join('\n');
    const { findings } = await diagnoseText(text);
    expect(findings[0]?.id).toBe('compile-error');
    expect(findings.map((f) => f.id)).not.toContain('builder-missing');
  });

  it('is when an error names its container', async () => {
    const text = 'ERROR: Error response from daemon: No such container: buildx_buildkit_builder-1a2b0';
    expect((await diagnoseText(text)).findings[0]?.id).toBe('builder-missing');
  });
});
