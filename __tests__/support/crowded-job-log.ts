// A GitHub job log whose excerpt budget (src/parse/excerpt.ts) is spent before its build fails: an
// earlier step prints many lines the parser keeps (failing tests, each with its `Error:` line), then
// `docker/build-push-action` runs a build whose `RUN make -j8` dies for lack of memory. The cause
// (`g++: fatal error: Killed signal terminated program cc1plus`) is printed early in the failing step:
// `make -j8` goes on with its other jobs, whose warnings push it out of the step's last 30 lines and
// out of BuildKit's error block, so only the excerpt can hold it. Line shapes as in the shipped
// sample (`samples/docker-publish-17964002949.log`): a runner timestamp, then the text.

/** The failing step's cause, as g++ prints it when the kernel kills its compiler. */
export const OOM_CAUSE = 'g++: fatal error: Killed signal terminated program cc1plus';

export interface CrowdedJobOptions {
  /** Failing tests the earlier step prints (each a line the parser keeps, with 200 lines before it and 120 after). */
  failingTests?: number;
  /** Passing tests' lines between two failures: enough to keep each failure's lines apart. */
  linesBetween?: number;
  /** Builds that succeed before the failing one, in the same step (a script that builds several images). */
  buildsBefore?: number;
  /** Failing tests printed after the build, by a step that runs whatever happened (`if: always()`). */
  failingTestsAfter?: number;
}

const START = Date.UTC(2025, 8, 24, 1, 56, 21);

/** The job log's text, with the line numbers (1-based) of the failing step's cause and its ERROR line. */
export function crowdedJobLog(options: CrowdedJobOptions = {}): { text: string; causeLine: number; errorLine: number } {
  const { failingTests = 12, linesBetween = 400, buildsBefore = 0, failingTestsAfter = 0 } = options;
  const lines: string[] = [];
  const say = (text: string) => lines.push(`${timestamp(lines.length)} ${text}`);

  say('##[group]Run actions/checkout@v4');
  say('with:');
  say('  repository: acme/parser');
  say('##[endgroup]');
  say('Syncing repository: acme/parser');
  testStep(say, 'npm test', failingTests, linesBetween);
  say('##[group]Run docker/build-push-action@v6');
  say('with:');
  say('  context: .');
  say('  push: true');
  say('  tags: ghcr.io/acme/parser:latest');
  say('##[endgroup]');
  for (let b = 0; b < buildsBefore; b++) succeedingBuild(say, b);
  const { causeLine, errorLine } = failingBuild(say, () => lines.length);
  say('##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c make -j8" did not complete successfully: exit code: 2');
  if (failingTestsAfter > 0) testStep(say, 'npm run test:e2e', failingTestsAfter, linesBetween);
  say('##[group]Run actions/checkout@v4');
  say('Post job cleanup.');
  say('##[endgroup]');
  return { text: lines.join('\n'), causeLine, errorLine };
}

/** A step that runs a test suite against a database that is not up: its failures say `Error:`. */
function testStep(say: (text: string) => void, command: string, failing: number, between: number): void {
  say(`##[group]Run ${command}`);
  say(command);
  say('##[endgroup]');
  say('> parser@1.4.0 test');
  say('> jest --ci');
  for (let t = 0; t < failing; t++) {
    for (let k = 0; k < between; k++) say(`  ✓ parses fixture ${t}-${k} (${(k % 9) + 1} ms)`);
    say(`  ● users api › GET /users/${t} returns the user`);
    say('');
    say('    Error: connect ECONNREFUSED 127.0.0.1:5432');
    say('        at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)');
  }
  say(`Tests:       ${failing} failed, ${failing * between} passed, ${failing * (between + 1)} total`);
  say('##[error]Process completed with exit code 1.');
}

/** One image of a script that builds several, built from the cache. */
function succeedingBuild(say: (text: string) => void, b: number): void {
  say('#0 building with "builder" instance using docker-container driver');
  say('');
  say('#1 [internal] load build definition from Dockerfile');
  say('#1 transferring dockerfile: 512B done');
  say('#1 DONE 0.0s');
  say(`#2 [1/2] FROM docker.io/library/node:20-alpine`);
  say('#2 CACHED');
  say(`#3 [2/2] RUN npm ci`);
  for (let k = 0; k < 400; k++) say(`#3 ${(1 + k / 100).toFixed(3)} npm warn deprecated pkg-${b}-${k}@1.0.0: no longer supported`);
  say('#3 DONE 9.2s');
  say('#4 exporting to image');
  say('#4 exporting layers done');
  say(`#4 writing image sha256:${String(b).padStart(64, '0')} done`);
  say('#4 DONE 0.1s');
}

/** The build that fails: `make -j8` loses its compiler to the OOM killer, then finishes its other jobs. */
function failingBuild(say: (text: string) => void, count: () => number): { causeLine: number; errorLine: number } {
  say('#0 building with "builder" instance using docker-container driver');
  say('');
  say('#1 [internal] load build definition from Dockerfile');
  say('#1 transferring dockerfile: 512B done');
  say('#1 DONE 0.0s');
  say('#2 [builder 1/3] FROM docker.io/library/gcc:13');
  say('#2 CACHED');
  say('#3 [builder 2/3] COPY . .');
  say('#3 DONE 0.1s');
  say('#4 [builder 3/3] RUN make -j8');
  for (let u = 0; u < 30; u++) say(`#4 ${(0.5 + u / 10).toFixed(3)} g++ -O2 -std=c++20 -c src/unit${u}.cpp -o build/unit${u}.o`);
  say(`#4 301.2 ${OOM_CAUSE}`);
  const causeLine = count();
  say('#4 301.2 compilation terminated.');
  say('#4 301.2 make: *** [Makefile:40: build/parser.o] Error 1');
  say('#4 301.2 make: *** Waiting for unfinished jobs....');
  // The jobs still running finish and print their warnings: 40 lines after the cause.
  for (let u = 0; u < 10; u++) {
    say(`#4 302.${u}00 src/unit${u}.cpp: In function 'int compute${u}(int)':`);
    say(`#4 302.${u}00 src/unit${u}.cpp:12:9: warning: unused variable 'tmp' [-Wunused-variable]`);
    say(`#4 302.${u}00    12 |     int tmp = x * ${u};`);
    say(`#4 302.${u}00       |         ^~~`);
  }
  say('#4 ERROR: process "/bin/sh -c make -j8" did not complete successfully: exit code: 2');
  const errorLine = count();
  say('------');
  say(' > [builder 3/3] RUN make -j8:');
  say("302.900 src/unit9.cpp: In function 'int compute9(int)':");
  say("302.900 src/unit9.cpp:12:9: warning: unused variable 'tmp' [-Wunused-variable]");
  say('302.900    12 |     int tmp = x * 9;');
  say('302.900       |         ^~~');
  say('------');
  say('Dockerfile:9');
  say('--------------------');
  say('   7 |     COPY . .');
  say('   8 |     ');
  say('   9 | >>> RUN make -j8');
  say('--------------------');
  say('ERROR: failed to solve: process "/bin/sh -c make -j8" did not complete successfully: exit code: 2');
  return { causeLine, errorLine };
}

/** The runner's timestamp for the line at `index`: seven fractional digits, as in the sample. */
function timestamp(index: number): string {
  return new Date(START + index * 13).toISOString().replace('Z', `${String(index % 10_000).padStart(4, '0')}Z`);
}
