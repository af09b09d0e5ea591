// Every form in which a Docker build's output reaches people yields builds, steps where the form
// has them, and a finding; and the root cause is ranked by causality. The texts are written here
// in each tool's documented shape (they are not excerpts of the labelled corpus).
import { describe, expect, it } from '@jest/globals';
import { diagnoseText } from './support/classify.js';
import { loadCatalog } from '../src/diagnose/load-catalog.js';
import { stripCiFraming } from '../src/decode/ci-framing.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './support/temp-dir.js';

const lines = (...l: string[]) => l.join('\n');

describe('forms of build output', () => {
  it('the tty form: steps with their status and time, the error block, the Dockerfile excerpt', async () => {
    const analysis = await diagnoseText(
      lines(
        '[+] Building 2.1s (7/8) FINISHED                                  docker:desktop-linux',
        ' => [internal] load build definition from Dockerfile                      0.0s',
        ' => => transferring dockerfile: 141B                                       0.0s',
        ' => [1/4] FROM docker.io/library/node:20@sha256:abc                        0.0s',
        ' => CACHED [2/4] WORKDIR /app                                              0.0s',
        ' => ERROR [3/4] RUN npm ci                                                 0.8s',
        '------',
        ' > [3/4] RUN npm ci:',
        '0.712 npm ERR! code ERESOLVE',
        '0.713 npm ERR! ERESOLVE unable to resolve dependency tree',
        '------',
        'Dockerfile:5',
        '--------------------',
        '   5 | >>> RUN npm ci',
        '--------------------',
        'ERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1',
      ),
    );
    const build = analysis.builds[0]!.build;
    expect(build.origin).toBe('tty progress');
    expect(build.status).toBe('failure');
    expect(build.steps.map((s) => [s.name, s.status, s.seconds])).toEqual([
      ['[internal] load build definition from Dockerfile', 'done', 0],
      ['[1/4] FROM docker.io/library/node:20@sha256:abc', 'done', 0],
      ['[2/4] WORKDIR /app', 'cached', 0],
      ['[3/4] RUN npm ci', 'error', 0.8],
    ]);
    // The block's lines are the failing step's own output.
    expect(build.failedStepTail.map((l) => l.text)).toEqual(['0.712 npm ERR! code ERESOLVE', '0.713 npm ERR! ERESOLVE unable to resolve dependency tree']);
    expect(analysis.findings[0]!.id).toBe('package-install-failure');
  });

  it('the error block pasted alone names the failing step', async () => {
    const analysis = await diagnoseText(
      lines(
        '------',
        ' > [builder 5/7] RUN go build -o /out/app ./cmd/app:',
        '#0 0.920 # example.com/app',
        '#0 0.920 ./main.go:12:3: undefined: foo',
        '------',
        'ERROR: failed to solve: process "/bin/sh -c go build -o /out/app ./cmd/app" did not complete successfully: exit code: 1',
      ),
    );
    const build = analysis.builds[0]!.build;
    expect(build.steps.map((s) => [s.name, s.status, s.stage])).toEqual([['[builder 5/7] RUN go build -o /out/app ./cmd/app', 'error', 'builder']]);
    expect(analysis.findings[0]!.id).toBe('compile-error');
    // Copied from its header on, the `------` above it left out, and cut before any error word.
    const cut = await diagnoseText(
      lines(' > [api builder 6/9] RUN go mod download:', '30.20 go: github.com/acme/lib@v0.0.10: Get "https://proxy.golang.org/github.com/acme/lib/@v/v0.0'),
    );
    expect(cut.builds.map((b) => [b.build.status, b.build.steps.map((s) => [s.name, s.status])])).toEqual([
      ['failure', [['[api builder 6/9] RUN go mod download', 'error']]],
    ]);
    expect(cut.findings[0]!.id).toBe('package-install-failure');
    // A quoted line that only looks like a header (no step number) is not a failed step.
    expect((await diagnoseText(lines('> [note] remember to run:', 'make images'))).builds).toEqual([]);
  });

  it('the legacy builder: a step per `Step N/M`, cache hits, the failing RUN and its output', async () => {
    const analysis = await diagnoseText(
      lines(
        'Sending build context to Docker daemon  150.5kB',
        'Step 1/4 : FROM debian:bookworm',
        ' ---> e9bcf72ae729',
        'Step 2/4 : ENV DEBIAN_FRONTEND noninteractive',
        ' ---> Using cache',
        ' ---> fcb28ab5ac74',
        'Step 3/4 : RUN apt-get update && apt-get install -y libfoo-dev',
        ' ---> Running in 8dfccb24ae83',
        'Reading package lists...',
        'E: Unable to locate package libfoo-dev',
        "The command '/bin/sh -c apt-get update && apt-get install -y libfoo-dev' returned a non-zero code: 100",
      ),
    );
    const build = analysis.builds[0]!.build;
    expect(build.origin).toBe('legacy builder');
    expect(build.status).toBe('failure');
    expect(build.steps.map((s) => [s.index, s.instruction, s.status])).toEqual([
      [1, 'FROM', 'done'],
      [2, 'ENV', 'cached'],
      [3, 'RUN', 'error'],
    ]);
    expect(analysis.findings[0]).toMatchObject({ id: 'package-install-failure', title: expect.stringContaining('RUN apt-get update') });
  });

  it('docker-compose v1 builds services in turn: one build per service, a success and a failure', async () => {
    const analysis = await diagnoseText(
      lines(
        'Building db',
        'Step 1/2 : FROM postgres:16',
        ' ---> 1a2b3c4d5e6f',
        'Step 2/2 : COPY init.sql /docker-entrypoint-initdb.d/',
        ' ---> 2b3c4d5e6f7a',
        'Successfully built 2b3c4d5e6f7a',
        'Successfully tagged app_db:latest',
        'Building web',
        'Step 1/3 : FROM python:3.12',
        ' ---> 3c4d5e6f7a8b',
        'Step 2/3 : COPY requirements.txt .',
        'COPY failed: file not found in build context or excluded by .dockerignore: stat requirements.txt: file does not exist',
        "ERROR: Service 'web' failed to build",
      ),
    );
    expect(analysis.builds.map((b) => [b.build.status, b.build.steps.length])).toEqual([
      ['success', 2],
      ['failure', 2],
    ]);
    expect(analysis.builds[0]!.build.images.map((i) => i.ref)).toEqual(['app_db:latest']);
    expect(analysis.findings[0]!.id).toBe('copy-source-missing');
  });

  it('docker compose v2 labels steps with the service: the stage is still read', async () => {
    const analysis = await diagnoseText(
      lines(
        '#12 [web builder 3/5] RUN npm run build',
        '#12 4.120 Failed to compile.',
        '#12 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 1',
        'failed to solve: process "/bin/sh -c npm run build" did not complete successfully: exit code: 1',
      ),
    );
    const step = analysis.builds[0]!.build.steps[0]!;
    expect([step.stage, step.index, step.total, step.instruction]).toEqual(['builder', 3, 5, 'RUN']);
    expect(analysis.findings[0]!.id).toBe('compile-error');
    // Newer compose names the service's target before the final error; an unfinished tty screen then
    // has only that line to say the build failed.
    const target = await diagnoseText(
      lines(
        '[+] Building 1.6s (5/6)                                                         docker:default',
        ' => [web internal] load build definition from Dockerfile                                  0.0s',
        ' => CACHED [web 1/2] FROM docker.io/library/ubuntu@sha256:9a0b                             0.0s',
        ' => [web] preparing layers for inline cache                                               0.0s',
        'target web: failed to solve: Unavailable: error reading from server: EOF',
      ),
    );
    expect(target.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(target.findings[0]!.id).toBe('buildkit-connection-lost');
  });

  it('GitLab CI: section markers and runner timestamps are framing, the build inside is read', async () => {
    const analysis = await diagnoseText(
      lines(
        '2024-05-01T10:00:00.000000Z 00O section_start:1714557600:step_script',
        '2024-05-01T10:00:00.100000Z 00O+Executing "step_script" stage of the job script',
        '2024-05-01T10:00:01.000000Z 00O $ docker build -t registry.example.com/app:main .',
        '2024-05-01T10:00:02.000000Z 01E #5 [2/3] RUN pip install -r requirements.txt',
        '2024-05-01T10:00:09.000000Z 01E #5 6.910 ERROR: No matching distribution found for torch==9.9',
        '2024-05-01T10:00:09.100000Z 01E #5 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
        '2024-05-01T10:00:09.200000Z 00O section_end:1714557609:step_script',
        '2024-05-01T10:00:09.300000Z 00O ERROR: Job failed: exit code 1',
      ),
    );
    const build = analysis.builds[0]!.build;
    expect(build.steps.map((s) => s.name)).toEqual(['[2/3] RUN pip install -r requirements.txt']);
    // From the build command to the build's last line: the runner's verdict after the section is not build time.
    expect(build.buildSeconds).toBe(8.1);
    expect(analysis.findings[0]!.id).toBe('package-install-failure');
  });

  it('Jenkins, Buildkite and pastes cut mid-timestamp: the prefixes go, the lines stay', async () => {
    const jenkins = await diagnoseText(
      lines(
        '[Pipeline] sh',
        '[2024-05-01T10:00:00.123Z] + docker build -t app .',
        '[2024-05-01T10:00:01.456Z] #7 [3/4] RUN cargo build --release',
        '[2024-05-01T10:00:09.000Z] #7 8.100 error[E0425]: cannot find value `x` in this scope',
        '[2024-05-01T10:00:09.100Z] #7 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
      ),
    );
    expect(jenkins.builds[0]!.build.steps.map((s) => s.status)).toEqual(['error']);
    expect(jenkins.findings[0]!.id).toBe('compile-error');
    const buildkite = await diagnoseText(
      lines(
        '_bk;t=1714557600000#9 [4/5] RUN apk add --no-cache libfoo',
        '_bk;t=1714557601000#9 0.512 ERROR: unable to select packages:',
        '_bk;t=1714557601001#9 ERROR: process "/bin/sh -c apk add --no-cache libfoo" did not complete successfully: exit code: 1',
      ),
    );
    expect(buildkite.findings[0]!.id).toBe('package-install-failure');
    const cut = await diagnoseText(
      lines(
        '.1234567Z #4 [2/2] RUN make',
        '2024-05-01T10:00:02.1234567Z #4 0.3 main.c:3:5: error: unknown type name ‘foo’',
        '2024-05-01T10:00:02.2234567Z #4 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      ),
    );
    expect(cut.builds[0]!.build.steps.map((s) => s.name)).toEqual(['[2/2] RUN make']);
    expect(cut.findings[0]!.id).toBe('compile-error');
  });

  it('TeamCity and Google Cloud Build: their per-line markers are framing, the build inside is read', async () => {
    const teamcity = await diagnoseText(
      lines(
        '[10:51:35] :\t [Step 2/3] Starting: /usr/bin/docker build -t app .',
        '[10:51:40] :\t [Step 2/3] #9 [build 4/5] RUN go build -o /out/app ./...',
        '[10:51:52]W:\t [Step 2/3] #9 11.20 internal/server/http.go:41:9: undefined: handleHealth',
        '[10:51:52]W:\t [Step 2/3] #9 ERROR: process "/bin/sh -c go build -o /out/app ./..." did not complete successfully: exit code: 1',
        '[10:51:52]E:\t [Step 2/3] ERROR: failed to solve: process "/bin/sh -c go build -o /out/app ./..." did not complete successfully: exit code: 1',
      ),
    );
    expect(teamcity.builds[0]!.build.steps.map((s) => [s.name, s.status])).toEqual([['[build 4/5] RUN go build -o /out/app ./...', 'error']]);
    expect(teamcity.findings[0]!.id).toBe('compile-error');
    const cloudBuild = await diagnoseText(
      lines(
        'Step #1 - "build": Sending build context to Docker daemon  1.024MB',
        'Step #1 - "build": Step 3/5 : RUN npm ci',
        'Step #1 - "build":  ---> Running in 0f9e8d7c6b5a',
        'Step #1 - "build": npm ERR! code ERESOLVE',
        'Step #1 - "build": npm ERR! ERESOLVE unable to resolve dependency tree',
        'Step #1 - "build": The command \'/bin/sh -c npm ci\' returned a non-zero code: 1',
        'ERROR: build step 1 "gcr.io/cloud-builders/docker" failed: step exited with non-zero status: 1',
      ),
    );
    expect(cloudBuild.builds[0]!.build.steps.map((s) => [s.name, s.status])).toEqual([['[3/5] RUN npm ci', 'error']]);
    expect(cloudBuild.findings[0]!.id).toBe('package-install-failure');
  });

  it("TeamCity's copied page, Jenkins' bare time and Visual Studio's project number: framing, the legacy build inside is read", async () => {
    const read = async (...text: string[]) => {
      const analysis = await diagnoseText(lines(...text));
      return [analysis.builds[0]?.build.steps.map((s) => [s.name, s.status]), analysis.findings[0]?.id];
    };
    expect(await read('[17:04:51][Step 3/4] Step 3 : ADD app-*.war app.war', '[17:04:51][Step 3/4] lstat app-*.war: no such file or directory')).toEqual([
      [['[3/?] ADD app-*.war app.war', 'running']],
      'copy-source-missing',
    ]);
    expect(
      await read(
        '22:30:19 Step 6/10 : RUN pip3 install .',
        '22:30:19  ---> Running in d0fc155390e4',
        '22:30:25 ERROR: No matching distribution found for foo',
        "22:30:26 The command '/bin/sh -c pip3 install .' returned a non-zero code: 1",
      ),
    ).toEqual([[['[6/10] RUN pip3 install .', 'error']], 'package-install-failure']);
    expect(
      await read(
        '1>Step 17/21 : RUN dotnet publish Server.csproj -c Release -o /app',
        '1> ---> Running in 75faae6bd09c',
        '1>/src/Foo.cs(12,5): error CS1002: ; expected',
        "1>The command '/bin/sh -c dotnet publish Server.csproj -c Release -o /app' returned a non-zero code: 1",
      ),
    ).toEqual([[['[17/21] RUN dotnet publish Server.csproj -c Release -o /app', 'error']], 'compile-error']);
    // A shell's redirection at a line's start is no project number: the line stays as it was.
    expect(stripCiFraming('2>&1 | tee build.log')).toBe('2>&1 | tee build.log');
    expect(stripCiFraming('1>Step 3/9 : RUN x')).toBe('Step 3/9 : RUN x');
  });

  it('the Dev Containers CLI: its `[N ms]` marker is framing, the legacy build it relays is read', async () => {
    const devcontainer = await diagnoseText(
      lines(
        '[251577 ms] Step 8/8 : RUN apk update && apk add --no-cache wget',
        '[251629 ms]  ---> Running in 8ccd15e86ddd',
        '[252695 ms] /bin/sh: 1: apk: not found',
        "[253130 ms] The command '/bin/sh -c apk update && apk add --no-cache wget' returned a non-zero code: 127",
        '[253140 ms] Failed: Building an image from the Dockerfile (this can take a while).',
      ),
    );
    expect(devcontainer.builds[0]!.build.steps.map((s) => s.status)).toEqual(['error']);
    expect(devcontainer.findings[0]!.id).toBe('package-install-failure');
    expect(devcontainer.findings[0]!.evidence.map((e) => e.text)).toContain('/bin/sh: 1: apk: not found');
  });

  it("PowerShell's name of the native command before its stderr (`docker : ...`) is framing: docker's own message is read", async () => {
    const powershell = await diagnoseText(
      lines(
        'd0f104dc0a1f: Preparing',
        'd0f104dc0a1f: Waiting',
        'docker : unknown blob',
        'At line:1 char:1',
        '+ docker push registry.example.com/app/api:1.4',
        '    + CategoryInfo          : NotSpecified: (unknown blob:String) [], RemoteException',
        '    + FullyQualifiedErrorId : NativeCommandError',
      ),
    );
    expect(powershell.findings[0]!.id).toBe('registry-push-failure');
    expect(powershell.findings[0]!.evidence.map((e) => e.text)).toContain('unknown blob');
    // The same paste indented whole (a Markdown code block): the framing is after the blanks.
    const indented = await diagnoseText(lines('    d0f104dc0a1f: Preparing', '    d0f104dc0a1f: Waiting', '    docker : unknown blob'));
    expect(indented.findings[0]!.id).toBe('registry-push-failure');
    expect(indented.findings[0]!.evidence.map((e) => e.text.trim())).toContain('unknown blob');
  });

  it("a paste quoted whole (`> ` before each line) is read as the paste; one that starts at BuildKit's error block is not quoted", async () => {
    const legacy = [
      'Step 2/6 : RUN apt-get update && apt-get install -y libfoo',
      ' ---> Running in e3b34d57e100',
      'E: Unable to locate package libfoo',
      "The command '/bin/sh -c apt-get update && apt-get install -y libfoo' returned a non-zero code: 100",
    ];
    const quoted = await diagnoseText(lines(...legacy.map((line) => `> ${line}`)));
    expect(quoted.builds[0]!.build.steps.map((s) => [s.instruction, s.status])).toEqual([['RUN', 'error']]);
    expect(quoted.findings[0]!.id).toBe('package-install-failure');
    // The error block's own `>` stays the error block's: its step is named, the output under it is its; quoted, it reads the same.
    const steps = async (text: string) => (await diagnoseText(text)).builds[0]!.build.steps.map((s) => [s.name, s.status]);
    const block = [
      ' > [2/3] RUN apt-get install -y libfoo:',
      '0.312 E: Unable to locate package libfoo',
      '------',
      'ERROR: failed to solve: process "/bin/sh -c apt-get install -y libfoo" did not complete successfully: exit code: 100',
    ];
    expect(await steps(lines(...block))).toEqual([['[2/3] RUN apt-get install -y libfoo', 'error']]);
    expect(await steps(lines(...block.map((line) => `> ${line}`)))).toEqual([['[2/3] RUN apt-get install -y libfoo', 'error']]);
    // npm's banner of the script it runs starts with `>` too: no quote, and the error block after it is read.
    const npm = lines(
      '> app@1.0.0 docker:build',
      '> docker build -t app .',
      '',
      ' > [builder 5/7] RUN go mod download:',
      '0.181 malformed go.sum:',
      '0.181 /build/go.sum:1: wrong number of fields 2',
    );
    expect(await steps(npm)).toEqual([['[builder 5/7] RUN go mod download', 'error']]);
    // A quote ends at a line with text without `>`: the error block after a quoted command keeps its own `>`, and
    // the paste reads as it does without the quote.
    const errorBlock = ['', ' > [2/3] RUN apt-get install -y libfoo:', '0.312 E: Unable to locate package libfoo'];
    const read = async (first: string) => {
      const analysis = await diagnoseText(lines(first, ...errorBlock));
      return { steps: analysis.builds[0]!.build.steps.map((s) => [s.name, s.status]), first: analysis.findings[0]!.id };
    };
    const unquoted = await read('docker build -t app .');
    expect(unquoted.first).toBe('package-install-failure');
    expect(await read('> docker build -t app .')).toEqual(unquoted);
  });

  it("timestamps without the runner's commands are a paste (or GitLab), not a job log: Docker output in it is diagnosed", async () => {
    // No `##[group]` or `##[error]`: nothing says a runner step failed, the lines themselves do.
    const excerpt = await diagnoseText(
      lines(
        '2024-03-01T10:11:00.1234567Z  > [2/4] RUN apt-get update && apt-get install -y curl:',
        '2024-03-01T10:11:01.1234567Z 0.102 /bin/sh: apt-get: not found',
        '2024-03-01T10:11:02.1234567Z ------',
        '2024-03-01T10:11:03.1234567Z ERROR: failed to solve: process "/bin/sh -c apt-get update && apt-get install -y curl" did not complete successfully: exit code: 127',
      ),
    );
    expect(excerpt.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(excerpt.findings[0]!.id).toBe('package-install-failure');
    const gitlabPush = await diagnoseText(
      lines(
        '2024-05-01T10:00:01.000000Z 00O $ docker push registry.example.com/team/app:main',
        '2024-05-01T10:00:01.500000Z 00O The push refers to repository [registry.example.com/team/app]',
        '2024-05-01T10:00:02.000000Z 00O 5f70bf18a086: Preparing',
        '2024-05-01T10:00:02.500000Z 01E denied: requested access to the resource is denied',
        '2024-05-01T10:00:02.600000Z 00O ERROR: Job failed: exit code 1',
      ),
    );
    expect(gitlabPush.findings[0]!.id).toBe('registry-auth-denied');
    // A real job log of a job that built nothing and failed for another reason stays without builds.
    const tests = await diagnoseText(
      lines(
        '2024-03-01T10:11:00.1234567Z ##[group]Run npm test',
        '2024-03-01T10:11:01.1234567Z Error: expected 1 to be 2',
        '2024-03-01T10:11:02.1234567Z ##[endgroup]',
      ),
    );
    expect(tests.builds).toEqual([]);
  });

  it('indented pastes (a Markdown code block, a quoted mail) read like the original', async () => {
    const text = lines(
      '    #5 [2/2] RUN ./configure',
      '    #5 1.2 configure: error: C compiler cannot create executables',
      '    #5 ERROR: process "/bin/sh -c ./configure" did not complete successfully: exit code: 77',
    );
    const analysis = await diagnoseText(text);
    expect(analysis.builds[0]!.build.steps.map((s) => [s.name, s.status])).toEqual([['[2/2] RUN ./configure', 'error']]);
    expect(analysis.findings[0]!.id).toBe('compile-error');
    // The tty form's final errors are read indented too (a screen copied without its header): the build failed, and why.
    const tty = await diagnoseText(
      lines(
        '     => [internal] load build definition from Dockerfile.prod                 0.0s',
        '     => => transferring dockerfile: 2B                                         0.0s',
        '    ERROR: failed to solve: failed to read dockerfile: open Dockerfile.prod: no such file or directory',
        "    ERROR: Service 'web' failed to build : Build failed",
      ),
    );
    expect(tty.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(tty.findings[0]!.id).toBe('dockerfile-missing');
  });

  // Azure Pipelines' Docker task repeats each line of the build as an error annotation.
  it("a runner's error annotation before BuildKit's seconds is framing: the line inside is read", async () => {
    const text = lines(
      '2024-06-05T07:18:00.1816360Z ##[error]0.425   404  Not Found',
      "2024-06-05T07:18:00.1820974Z ##[error]0.452 E: The repository 'http://security.debian.org/debian-security stretch/updates Release' does not have a Release file.",
    );
    expect((await diagnoseText(text)).findings[0]!.id).toBe('package-install-failure');
  });

  // A paste through a web page can turn every space the tool printed into a no-break space.
  it('no-break spaces where the tool printed spaces read like the original', async () => {
    const text = lines(
      '#7 [3/5] RUN pip install -r requirements.txt',
      '#7 2.1 ERROR: No matching distribution found for torch==9.9',
      '#7 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
    ).replace(/ /g, '\u00a0');
    expect((await diagnoseText(text)).findings[0]!.id).toBe('package-install-failure');
  });

  it('a terminal copy: lines padded with blanks, and the last tty screen after the error', async () => {
    const padded = await diagnoseText(
      lines(
        '[+] Building 5.2s (9/11)                                              ',
        ' => ERROR [builder 4/6] RUN cargo build --release                              4.9s ',
        '------                                                                         ',
        ' > [builder 4/6] RUN cargo build --release:                                    ',
        '#11 4.812 error[E0425]: cannot find value `x` in this scope                    ',
        '------                                                                         ',
        'executor failed running [/bin/sh -c cargo build --release]: exit code: 101',
      ),
    );
    expect(padded.builds.map((b) => [b.build.status, b.build.steps.map((s) => [s.name, s.seconds])])).toEqual([
      ['failure', [['[builder 4/6] RUN cargo build --release', 4.9]]],
    ]);
    expect(padded.findings[0]!.id).toBe('compile-error');
    const reordered = await diagnoseText(
      lines(
        'failed to solve: rpc error: code = Unknown desc = failed commit on ref "manifest-sha256:0123": unexpected status: 401 Unauthorized',
        '[+] Building 15.0s (16/16) FINISHED',
        ' => [internal] load build definition from Dockerfile                                   0.1s',
      ),
    );
    expect(reordered.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(reordered.findings[0]!.id).toBe('registry-auth-denied');
  });

  it('docker push and pull output, and a CLI usage error, are diagnosed without any build step', async () => {
    const push = await diagnoseText(
      lines('The push refers to repository [ghcr.io/acme/app]', '5f70bf18a086: Preparing', 'denied: permission_denied: write_package'),
    );
    expect(push.findings[0]!.id).toBe('registry-auth-denied');
    const pull = await diagnoseText(lines('latest: Pulling from acme/tool', 'no matching manifest for linux/arm64/v8 in the manifest list entries'));
    expect(pull.findings[0]!.id).toBe('platform-mismatch');
    const usage = await diagnoseText(
      lines(
        '$ docker build -t acme/app:-0899a35 .',
        'invalid argument "acme/app:-0899a35" for "-t, --tag" flag: invalid reference format',
        "See 'docker build --help'.",
      ),
    );
    expect(usage.findings[0]!.id).toBe('invalid-tag');
  });

  it("a pasted plain build that succeeded, then a push refused: the paste's failure is the build's row", async () => {
    const pasted = lines(
      '#8 exporting to image',
      '#8 naming to docker.io/acme/app:1.0 done',
      '#8 DONE 0.5s',
      '+ docker push acme/app:1.0',
      'The push refers to repository [docker.io/acme/app]',
      'a1b2c3d4e5f6: Preparing',
      'denied: requested access to the resource is denied',
    );
    const analysis = await diagnoseText(pasted);
    expect(analysis.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(analysis.findings[0]!.id).toBe('registry-auth-denied');
    // In a runner's job log a later step's failure is that step's, not the build's.
    const job = await diagnoseText(
      lines(
        '2024-03-01T10:11:00.0000000Z ##[group]Run docker build -t app .',
        '2024-03-01T10:11:00.1000000Z docker build -t app .',
        '2024-03-01T10:11:00.2000000Z ##[endgroup]',
        '2024-03-01T10:11:01.0000000Z #8 exporting to image',
        '2024-03-01T10:11:01.1000000Z #8 DONE 0.5s',
        '2024-03-01T10:11:02.0000000Z ##[group]Run npm test',
        '2024-03-01T10:11:02.1000000Z ##[endgroup]',
        '2024-03-01T10:11:03.0000000Z Error: expected 1 to be 2',
      ),
    );
    expect(job.builds.map((b) => b.build.status)).toEqual(['success']);
    // Nor in a GitLab job: a test that fails after the build is the job's failure, not the build's.
    const gitlab = await diagnoseText(
      lines(
        '2024-05-01T10:00:01.000000Z 00O #8 exporting to image',
        '2024-05-01T10:00:01.100000Z 00O #8 DONE 0.5s',
        '2024-05-01T10:00:02.000000Z 00O $ npm test',
        '2024-05-01T10:00:03.000000Z 01E Error: expected 1 to be 2',
      ),
    );
    expect(gitlab.builds.map((b) => b.build.status)).toEqual(['success']);
  });

  it("a CI runner's verdict on the job (GitLab's `ERROR: Job failed`, Jenkins's `ERROR: script returned`) does not fail a build that ended well", async () => {
    const build = [
      '$ docker build -t registry.example.com/app:latest .',
      '#4 [2/2] RUN echo hello',
      '#4 0.321 hello',
      '#4 DONE 0.4s',
      '#5 exporting to image',
      '#5 naming to registry.example.com/app:latest done',
      '#5 DONE 0.1s',
    ];
    const gitlab = await diagnoseText(
      lines(
        'Running with gitlab-runner 16.5.0 (853330f9)',
        'section_start:1700000002:step_script',
        ...build,
        '$ ./run-tests.sh',
        'FAIL tests/app.test.js',
        'section_end:1700000010:step_script',
        'section_start:1700000011:cleanup_file_variables',
        'Cleaning up project directory and file based variables',
        'section_end:1700000012:cleanup_file_variables',
        'ERROR: Job failed: exit code 1',
      ),
    );
    expect(gitlab.builds.map((b) => b.build.status)).toEqual(['success']);
    expect(gitlab.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const jenkins = await diagnoseText(
      lines('[Pipeline] sh', '+ docker build -t app .', ...build.slice(1), '+ ./run-tests.sh', 'ERROR: script returned exit code 1'),
    );
    expect(jenkins.builds.map((b) => b.build.status)).toEqual(['success']);
    // When the build itself failed, its own error is still the finding, the verdict after it changes nothing.
    const failed = await diagnoseText(
      lines(
        'section_start:1700000002:step_script',
        '$ docker build -t app .',
        '#4 [2/2] RUN apt-get install -y nosuchpkg',
        '#4 0.500 E: Unable to locate package nosuchpkg',
        '#4 ERROR: process "/bin/sh -c apt-get install -y nosuchpkg" did not complete successfully: exit code: 100',
        'ERROR: failed to solve: process "/bin/sh -c apt-get install -y nosuchpkg" did not complete successfully: exit code: 100',
        'section_end:1700000010:step_script',
        'ERROR: Job failed: exit code 1',
      ),
    );
    expect(failed.builds.map((b) => b.build.status)).toEqual(['failure']);
    expect(failed.findings[0]!.id).toBe('package-install-failure');
  });

  it('a single pasted error line is a diagnosis, not a refusal', async () => {
    for (const [text, id] of [
      ['toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading', 'registry-rate-limit'],
      ['exec /bin/sh: exec format error', 'qemu-emulation'],
      [
        'qemu: uncaught target signal 11 (Segmentation fault) - core dumped\nqemu: uncaught target signal 11 (Segmentation fault) - core dumped',
        'qemu-emulation',
      ],
      ['ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref abc::def: "/dist": not found', 'copy-source-missing'],
      // Cut before its reason: still Docker's (the daemon registering a pulled layer), still a failure.
      ['failed to register layer: Error processing tar file(exit status 1): write /', 'unknown'],
    ] as const) {
      const analysis = await diagnoseText(text);
      const first = analysis.findings[0];
      // A failure no signature names may be named by its words, as a likely cause: a diagnosis too.
      const named = id === 'unknown' && first?.data?.role === 'likely-cause' ? 'unknown' : first?.id;
      expect([text, analysis.builds.length, named]).toEqual([text, 1, id]);
    }
  });

  it('text with nothing of Docker in it is still refused, with the reason', async () => {
    const analysis = await diagnoseText('hello world\nthis is a shopping list\n');
    expect(analysis.builds).toEqual([]);
    expect(analysis.problems[0]!.message).toMatch(/no Docker build output found/);
  });

  it('a paste that names an image, a digest or a registry path is Docker-related, not refused; prose with links still is', async () => {
    for (const text of [
      'ghcr.io/acme/app:latest: not found',
      'localhost:5000/team/api:2.1 push was rejected by the server',
      'HEAD /v2/team/api/manifests/2.1 returned 404',
      'FROM node:20-alpine\nRUN npm ci',
      'the layer sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef went missing',
      'buildctl: command not found',
      // A layer's progress in a push or pull, the daemon's errors, the other builders and runtimes by name.
      'd46f9f76f72f: Preparing\nd46f9f76f72f: Retrying in 3 seconds\nEOF',
      'Error response from daemon: something the catalog has no words for',
      'error building image: error building stage: something the catalog has no words for',
      'hcsshim::PrepareLayer - failed failed in Win32: The system cannot find the path specified.',
    ])
      expect([text, (await diagnoseText(text)).builds.length]).toEqual([text, 1]);
    for (const text of [
      'see https://example.com/docs/page for more\nat https://example.com/a/b:12:5',
      'I will compose a song about github.com/foo/bar',
      // A container tool's bare name is no build.
      'tests/test_runtime.py::test_detects_podman FAILED\nthe podman machine stopped',
    ])
      expect([text, (await diagnoseText(text)).problems[0]?.message]).toEqual([text, expect.stringMatching(/no Docker build output found/)]);
  });

  it('a tty, compose or legacy build cut before its end, then an error line without `ERROR`, failed and is diagnosed', async () => {
    const cases: [string, string][] = [
      [
        lines(
          '[+] Building 3.2s (6/9)',
          ' => [internal] load build definition from Dockerfile                       0.0s',
          ' => [2/5] WORKDIR /app                                                     0.1s',
          'failed to solve: process "/bin/sh -c ./frobnicate" did not complete successfully: exit code: 2',
        ),
        'unknown',
      ],
      [
        lines(
          ' => [web 3/6] COPY package.json .                                          0.1s',
          ' => [web 4/6] RUN ./frobnicate                                             4.2s',
          'error: the frobnicator is upside down',
        ),
        'unknown',
      ],
      [
        lines(
          'Step 1/3 : FROM alpine:3.19',
          ' ---> 05455a08881e',
          'Step 2/3 : COPY missing.txt /',
          'Error response from daemon: COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist',
        ),
        'copy-source-missing',
      ],
      [
        lines(
          'Step 2/4 : RUN ./frobnicate',
          ' ---> Running in 0123456789ab',
          'frobnicate: the widget is upside down',
          "The command '/bin/sh -c ./frobnicate' returned a non-zero code: 3",
        ),
        'unknown',
      ],
      [lines('#5 [2/3] RUN ./frobnicate', '#5 0.312 frobnicating', 'executor failed running [/bin/sh -c ./frobnicate]: exit code: 1'), 'unknown'],
    ];
    for (const [text, id] of cases) {
      const analysis = await diagnoseText(text);
      expect([text, analysis.builds[0]?.build.status === 'success', analysis.findings[0]?.id]).toEqual([text, false, id]);
    }
  });

  it("BuildKit before 0.11 under docker-compose v1 printed the failed step bare: it is the build's error and names the command", async () => {
    const analysis = await diagnoseText(
      lines(
        '#11 [4/6] RUN yarn install',
        '#11 190.6 info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.',
        '------',
        'executor failed running [/bin/sh -c yarn install]: exit code: 1',
        "ERROR: Service 'web' failed to build : Build failed",
      ),
    );
    expect(analysis.builds[0]!.build.status).toBe('failure');
    expect(analysis.findings[0]?.id).toBe('package-install-failure');
  });

  it('a pasted plain build that ended well, then the image failing to start (runc, QEMU): the paste is diagnosed, not silent', async () => {
    const analysis = await diagnoseText(
      lines('#8 exporting to image', '#8 naming to docker.io/library/app:latest done', '#8 DONE 0.3s', 'exec /usr/local/bin/app: exec format error'),
    );
    expect(analysis.findings[0]?.id).toBe('qemu-emulation');
  });

  it("gRPC's ResourceExhausted is a full disk only when it is not its message-size limit", async () => {
    const full = await diagnoseText(
      'ERROR: failed to solve: ResourceExhausted: failed to read dockerfile: failed to create temp dir: mkdir /var/lib/docker/tmp/buildkit-mount1: no space left on device',
    );
    expect(full.findings[0]?.id).toBe('disk-full');
    const size = await diagnoseText('ERROR: failed to solve: ResourceExhausted: grpc: received message larger than max (4400000 vs. 4194304)');
    expect(size.findings.map((f) => f.id)).not.toContain('disk-full');
  });

  it("a CI viewer's line numbers (Drone's `9514 | #10 ERROR: ...`) are the log's lines, not the Dockerfile excerpt", async () => {
    const analysis = await diagnoseText(
      lines(
        '9512 | #10 exporting to oci image format',
        '9514 | #10 ERROR: docker exporter does not currently support exporting manifest lists',
        '9515 | ------',
        '9518 | error: failed to solve: docker exporter does not currently support exporting manifest lists',
      ),
    );
    expect(analysis.findings[0]?.id).toBe('exporter-unsupported');
    // The Dockerfile excerpt itself still says only what the step was: `make` failing is not an error line.
    const excerpt = await diagnoseText(
      lines(
        '#7 [3/3] RUN make errors-report',
        '#7 ERROR: process "/bin/sh -c make errors-report" did not complete successfully: exit code: 2',
        'Dockerfile:3',
        '--------------------',
        '   3 | >>> RUN make errors-report || echo Killed',
        '--------------------',
      ),
    );
    expect(excerpt.findings.map((f) => f.id)).not.toContain('oom-killed');
  });

  it("a failure no signature knows quotes the step's own error lines, in log order, never nothing", async () => {
    const analysis = await diagnoseText(
      lines(
        '#6 [3/3] RUN ./frobnicate',
        '#6 0.1 starting',
        '#6 0.2 frobnicate: error: the widget is upside down',
        '#6 0.3 frobnicate: error: giving up',
        '#6 ERROR: process "/bin/sh -c ./frobnicate" did not complete successfully: exit code: 3',
      ),
    );
    const unknown = analysis.findings[0]!;
    expect(unknown.id).toBe('unknown');
    expect(unknown.evidence.map((e) => e.text)).toEqual([
      '#6 0.2 frobnicate: error: the widget is upside down',
      '#6 0.3 frobnicate: error: giving up',
      '#6 ERROR: process "/bin/sh -c ./frobnicate" did not complete successfully: exit code: 3',
    ]);
  });
});

describe('the error as the tool printed it', () => {
  it("a Rust error: the compiler's message is the title, its location and caret lines are quoted in order, the advice is Rust's", async () => {
    const analysis = await diagnoseText(
      lines(
        '#8 [builder 4/5] RUN cargo build --release',
        '#8 0.512    Compiling demo v0.1.0 (/app)',
        '#9 [stage-1 2/3] RUN apt-get update',
        '#8 0.934 error[E0425]: cannot find value `x` in this scope',
        '#9 1.001 Get:1 http://deb.debian.org/debian bookworm InRelease',
        '#8 0.934  --> src/main.rs:3:20',
        '#8 0.934   |',
        '#8 0.934 3 |     println!("{}", x);',
        '#8 0.934   |                    ^ not found in this scope',
        '#8 0.940 error: could not compile `demo` (bin "demo") due to 1 previous error',
        '#8 ERROR: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
      ),
    );
    const finding = analysis.findings[0]!;
    expect(finding.id).toBe('compile-error');
    expect(finding.title).toMatch(/^error\[E0425\]: cannot find value `x` in this scope/);
    expect(finding.evidence.slice(0, 5).map((e) => e.line)).toEqual([4, 6, 7, 8, 9]);
    expect(finding.fix).toMatch(/Rust, with `cargo`/);
    expect(finding.fix).not.toMatch(/go\.mod|Go, with|Node, with/);
  });
});

describe('root cause by causality', () => {
  it('a name-resolution failure before apt\'s "unable to locate" is the cause, and the finding says what followed', async () => {
    const analysis = await diagnoseText(
      lines(
        'Step 2/3 : RUN apt-get update && apt-get install -y curl',
        ' ---> Running in 0a1b2c3d4e5f',
        "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'",
        'E: Unable to locate package curl',
        "The command '/bin/sh -c apt-get update && apt-get install -y curl' returned a non-zero code: 100",
      ),
    );
    expect(analysis.findings.map((f) => f.id).slice(0, 2)).toEqual(['network-timeout', 'package-install-failure']);
    expect(analysis.findings[0]!.fix).toMatch(/The first error is on line 4; .*package-install-failure \(line 5\)/);
  });

  it('a missing secret before the generic cache-key error it causes', async () => {
    const analysis = await diagnoseText(
      lines(
        '#8 [4/6] RUN --mount=type=secret,id=npmrc cat /run/secrets/npmrc',
        '#8 0.1 cat: /run/secrets/npmrc: No such file or directory',
        '#8 ERROR: process "/bin/sh -c cat /run/secrets/npmrc" did not complete successfully: exit code: 1',
        'ERROR: failed to solve: failed to compute cache key: "/out": not found',
      ),
    );
    expect(analysis.findings[0]!.id).toBe('secret-missing');
  });

  it('apk giving an index up in a single WARNING is the cause of every package then missing; a lone retry warning is not', async () => {
    const apk = await diagnoseText(
      lines(
        '#5 [2/3] RUN apk add --no-cache curl',
        '#5 0.412 WARNING: updating and opening https://dl-cdn.alpinelinux.org/alpine/v3.19/main: temporary error (try again later)',
        '#5 0.413 ERROR: unable to select packages:',
        '#5 0.413   curl (no such package):',
        '#5 0.413     required by: world[curl]',
        '#5 ERROR: process "/bin/sh -c apk add --no-cache curl" did not complete successfully: exit code: 1',
      ),
    );
    expect(apk.findings.map((f) => f.id).slice(0, 2)).toEqual(['network-timeout', 'package-install-failure']);
    const pip = await diagnoseText(
      lines(
        '#6 [3/4] RUN pip install -r requirements.txt',
        "#6 3.1 WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)\")': /simple/numpy/",
        '#6 9.8 ERROR: Cannot install flask==1.0 and werkzeug==3.0 because these package versions have conflicting dependencies.',
        '#6 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
      ),
    );
    expect(pip.findings[0]?.id).toBe('package-install-failure');
  });

  it('a cancellation never outranks the concrete error, even a later one', async () => {
    const analysis = await diagnoseText(
      lines(
        '#9 pushing layers',
        '#9 12.0 error: failed to do request: Put "https://ghcr.io/v2/acme/app/blobs/uploads/x": write: broken pipe',
        '##[error]The operation was canceled.',
      ),
    );
    expect(analysis.findings[0]!.id).toBe('registry-push-failure');
  });

  // The package manager's command says what ran, not why it failed: the retries it printed say why.
  it("pip's retry loop is the cause of an install step that printed nothing else", async () => {
    const retry = (n: number) =>
      `${(10 + n).toFixed(2)} WARNING: Retrying (Retry(total=${n}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)")': /simple/flask/`;
    const analysis = await diagnoseText(
      lines(
        '#9 [5/8] RUN pip install -r requirements.txt',
        '#9 ERROR: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 1',
        '------',
        ' > [5/8] RUN pip install -r requirements.txt:',
        retry(4),
        retry(3),
        retry(2),
        '------',
      ),
    );
    expect(analysis.findings.map((f) => f.id)[0]).toBe('network-timeout');
  });

  // A build canceled while a step ran: the step's command says what was running, not why it stopped.
  it("a cancellation that killed a running step is not that step's command failing", async () => {
    const analysis = await diagnoseText(
      lines(
        '#9 [4/6] RUN npm run build',
        '#9 12.0 > vite build',
        '#9 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 143',
        'ERROR: failed to solve: Canceled: context canceled',
      ),
    );
    expect(analysis.findings.map((f) => f.id)[0]).toBe('canceled');
  });

  it("the catalog decides which lines are kept: a team's signature sees its line far from the failure", async () => {
    const dir = tempDir('bxd-select-');
    const file = join(dir, 'sig.yml');
    writeFileSync(
      file,
      "version: 1\nsignatures:\n  - id: widget-fault\n    title: The widget faulted\n    priority: 99\n    patterns: ['WIDGET-FAULT [0-9]+']\n    fix: Reseat the widget.\n",
    );
    const text = lines(
      '#4 [2/3] RUN ./prepare',
      '#4 0.1 WIDGET-FAULT 42 (continuing anyway)',
      ...Array.from({ length: 400 }, (_, i) => `#4 0.${i + 2} step ${i}`),
      '#4 DONE 9.0s',
      '#5 [3/3] RUN ./run',
      '#5 ERROR: process "/bin/sh -c ./run" did not complete successfully: exit code: 1',
    );
    const catalog = await loadCatalog(file);
    expect((await diagnoseText(text, 'w.log', catalog)).findings[0]).toMatchObject({ id: 'widget-fault', evidence: [{ line: 2 }, expect.anything()] });
    // Without the team's signature the line is not kept: nothing built in looks for it.
    expect((await diagnoseText(text, 'w.log')).findings[0]!.id).toBe('unknown');
  });

  it('causedBy names known ids: a user entry naming an unknown one is refused with the field named', async () => {
    const dir = tempDir('bxd-causes-');
    const file = join(dir, 'sig.yml');
    writeFileSync(file, 'version: 1\nsignatures:\n  - id: compile-error\n    causedBy: [no-such-id]\n');
    await expect(loadCatalog(file)).rejects.toThrow(/field "causedBy": "no-such-id" is not a signature id/);
  });
});
