import type { Build, EvidenceLine, Step } from '../model.js';
import type { Signature } from './catalog.js';
import { isWrapperLine, matchTrusted, rankMatches, type CandidateLine, type SignatureMatch } from './matcher.js';
import { matchUntrusted, BudgetClock, DEFAULT_BUDGET, type MatchBudget } from './safe-matcher.js';
import { normalizeForMatching } from './normalize.js';
import { failingCommands, withoutQuotedCommand } from './failing-command.js';
import { withWrappedLinesJoined } from './wrapped-lines.js';
import { FAILURE_LINE, isDockerFailure } from '../parse/failure-line.js';
import { isBuildCommand, parseBuildCommand } from '../parse/invocation.js';

/** What the signatures found in one build, most likely cause first. */
export interface BuildDiagnosis {
  matches: SignatureMatch[];
  /** The lines the signatures were matched against (the failure and its surroundings). */
  lines: CandidateLine[];
  /** The same lines before those that restate commands were left out (locations read the Dockerfile excerpt). */
  allLines: EvidenceLine[];
  /**
   * For a build that succeeded in a job whose later step failed: what the catalog's `laterSteps`
   * signatures found in that step's output (a `docker push` denied), most likely cause first.
   */
  laterStep?: LaterStepDiagnosis;
}

/** The `laterSteps` signatures' matches on the output of the step that failed after the build. */
export interface LaterStepDiagnosis {
  matches: SignatureMatch[];
  lines: EvidenceLine[];
}

export interface DiagnosisResult {
  byBuild: Map<Build, BuildDiagnosis>;
  /** One line per signature that was skipped because its patterns took too long. */
  problems: string[];
}

/** Builds worth diagnosing: those that did not succeed, and those whose steps reported errors. */
function needsDiagnosis(build: Build): boolean {
  return build.status !== 'success' || build.steps.some((s) => s.status === 'error');
}

export async function diagnoseBuilds(builds: Build[], signatures: Signature[], budget: MatchBudget = DEFAULT_BUDGET): Promise<DiagnosisResult> {
  const trusted = signatures.filter((s) => s.patternsOrigin === 'built-in');
  const untrusted = signatures.filter((s) => s.patternsOrigin !== 'built-in');
  const byBuild = new Map<Build, BuildDiagnosis>();
  const slow = new Set<string>();
  // One time budget for the user's patterns over all builds; a signature found slow once is not run again.
  const clock = new BudgetClock(budget.totalMs);
  // `userLines`: what the team's own signatures read, when it differs from what the built-in ones read.
  const match = async (lines: CandidateLine[], commands: CandidateLine[], later: boolean, userLines = lines): Promise<SignatureMatch[]> => {
    const read = (s: Signature) => !later || s.laterSteps;
    const matches = matchTrusted(trusted.filter(read), lines, commands);
    const runnable = untrusted.filter((s) => read(s) && !slow.has(s.id));
    if (runnable.length > 0) {
      const result = await matchUntrusted(runnable, userLines, budget, clock, commands);
      matches.push(...result.matches);
      for (const id of result.slow) slow.add(id);
    }
    return withoutIdleFallbacks(rankMatches(matches));
  };
  for (const build of builds) {
    const laterLines = laterStepLines(build);
    const laterMatches = laterLines ? await match(laterLines.docker.map(asCandidate), [], true, laterLines.all.map(asCandidate)) : [];
    const laterStep = laterMatches.length > 0 ? { laterStep: { matches: laterMatches, lines: laterLines!.all } } : null;
    if (!needsDiagnosis(build)) {
      if (laterStep) byBuild.set(build, { matches: [], lines: [], allLines: [], ...laterStep });
      continue;
    }
    const allLines = excerptLines(build);
    const lines = candidateLines(build, allLines);
    // Lines a terminal wrapped are read joined too (wrapped-lines.ts), the command a wrapped error line quotes as well;
    // what the reports quote and the word model reads stays as printed.
    const joined = withWrappedLinesJoined(lines);
    const matches = await match(withoutRestatingWrappers(joined, build), failingCommands(build, joined), false);
    byBuild.set(build, { matches, lines, allLines, ...laterStep });
  }
  const problems = [...slow].map((id) => {
    const origin = signatures.find((s) => s.id === id)?.origin ?? 'signatures';
    return `${origin}: signature ${id} was skipped: its patterns took longer than ${budget.perSignatureMs} ms (a pattern that backtracks catastrophically?)`;
  });
  return { byBuild, problems };
}

/**
 * The output and error of a step that failed after a build that succeeded (`all`, what a team's own
 * `laterSteps` signatures read), and those of its lines the built-in ones read (`docker`); null when none.
 */
function laterStepLines(build: Build): { all: EvidenceLine[]; docker: EvidenceLine[] } | null {
  const later = build.afterBuildError;
  // An annotation of a step that went on (`::error::` and no exit) failed nothing.
  if (!later || build.status !== 'success' || !later.stepFailed) return null;
  // A step that runs docker prints Docker's answers in its own words (`exec /app/server: no such file or
  // directory`); any other step (a test, curl, kubectl, a deploy script) only its lines that are Docker's,
  // a registry's or a cluster's pull: a test's `401 Unauthorized` or a script's `not found` is not a registry's.
  const runsDocker = DOCKER_COMMAND.test(later.command ?? later.step ?? '');
  const all = [...later.output, later.error];
  return { all, docker: runsDocker ? all : all.filter((line) => isDockerFailure(normalizeForMatching(line.text))) };
}

// A step's command that runs a container engine's CLI.
const DOCKER_COMMAND = /\b(?:docker|podman|nerdctl)\b/;

/** A later step's line, all of it that step's failure. */
function asCandidate(line: EvidenceLine): CandidateLine {
  return { line: line.line, text: line.text, normalized: normalizeForMatching(line.text), inFailure: true };
}

/**
 * A signature's `commands` are its fallback for a failure whose printed lines say nothing it knows:
 * once a line of the failure names a cause (not a warning, not a wrapper's `make: *** Error 2`), a
 * match on the failing command alone adds a second cause the log does not show (`load metadata for
 * IMAGE` read as a missing image beside the registry's 401). So does a match on wrappers' lines only
 * (`make: *** [image] Error 1` around `docker build`, or after a download that failed inside `RUN
 * make`): it restates that something failed, and the line that says why is already named.
 */
function withoutIdleFallbacks(ranked: SignatureMatch[]): SignatureMatch[] {
  const named = ranked.some((m) => !m.byCommand && !m.onlyWarnings && !m.onlyWrappers && m.inFailure);
  return named ? ranked.filter((m) => !m.byCommand && !m.onlyWrappers) : ranked;
}

/**
 * The lines signatures read, without a wrapper's lines printed after the build stated its own failure (`make: ***
 * [image] Error 1` after `ERROR: failed to solve: ...`): the wrapper that ran the build restates that it failed, and
 * says nothing the failing command or the fallback (the failure's own lines, the word model) would not say better.
 * Left out before matching, not after: a signature that the failing command matches (`RUN make`) keeps that match.
 * Printed before it, inside a step's output, such a line still points at what the step ran (`RUN make`: a compiler).
 */
function withoutRestatingWrappers(lines: CandidateLine[], build: Build): CandidateLine[] {
  // The build's last own failure line (`ERROR: failed to solve: ...`); the wrapper's line, read after it, may be one of its errors too.
  const own = build.errors.filter((e) => !restatesFailure(e.text));
  const stated = own.length > 0 ? Math.max(...own.map((e) => e.line)) : Infinity;
  // BuildKit frames every line a step printed (`#12 3.4 make: ...`, `12.34 make: ...` in the error block, `=> => # ...`):
  // a wrapper's line without a frame was printed outside the build's steps, in a paste cut before its failure line too.
  const buildKit = !build.withoutBuildKit && !build.legacyBuilder && build.steps.length > 0;
  const outside = (line: CandidateLine) => line.line > stated || (buildKit && line.normalized === line.text.trim());
  return lines.filter((line) => !(isWrapperLine(line.normalized) && outside(line)));
}

/** Whether a line as printed is a wrapper's that only restates a failure (`ERROR: Job failed: exit code 1`; matcher.ts's WRAPPER_LINE). */
export function restatesFailure(text: string): boolean {
  return isWrapperLine(normalizeForMatching(text));
}

/** The excerpt and the failure's own lines, in input order. */
export function excerptLines(build: Build): EvidenceLine[] {
  // Keyed by line and text: in rawjson input one log object (one line) holds several output lines.
  const byLine = new Map<string, EvidenceLine>();
  for (const lines of [build.excerpt, build.failedStepTail, build.errorDetails, build.errors])
    for (const line of lines) byLine.set(`${line.line}\u0000${line.text}`, line);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** The lines signatures see, each marked whether it is the failure itself. */
export function candidateLines(build: Build, lines: EvidenceLine[] = excerptLines(build)): CandidateLine[] {
  const failing = new Set<number>();
  for (const own of [build.failedStepTail, build.errorDetails, build.errors]) for (const line of own) failing.add(line.line);
  if (build.withoutBuildKit) for (const line of lines) failing.add(line.line);
  // A failed cache import never fails a build (BuildKit goes on without the cache): not the failure.
  const failedIds = build.steps.filter((s) => s.status === 'error' && s.kind !== 'cache-import').map((s) => `#${s.id} `);
  // So when a step failed too, the import's own lines (`#3 ERROR: failed to configure registry cache importer: ...`, the
  // header of its error block) are no part of the failure; alone, the import is the failure the log shows.
  const failedImportSteps = build.steps.filter((s) => s.status === 'error' && s.kind === 'cache-import');
  const failedImports = failedIds.length === 0 ? [] : failedImportSteps;
  const importIds = failedImports.map((s) => `#${s.id} `);
  const importHeaders = new Set(failedImports.map((s) => `> ${s.name}:`));
  const isImportLine = (text: string) => importIds.some((id) => text.startsWith(id)) || importHeaders.has(text.trim());
  // Lines that only restate a step's command (its header, the error block's ` > [2/3] RUN ...:`,
  // the Dockerfile excerpt) say what the step was, not how it failed: a command that mentions
  // "error" or "Killed" must not match a signature.
  // A name the model cut (`...&&…`, a command over its length) restates the start of its header line.
  const named = build.steps.filter((s) => s.kind === 'instruction').map((s) => `#${s.id} ${s.name}`);
  const headers = new Set(named);
  const cutHeaders = named.filter((h) => h.endsWith('…')).map((h) => h.slice(0, -1));
  const isHeader = (text: string) => headers.has(text) || cutHeaders.some((h) => text.startsWith(h));
  // The tty view's live lines (` => => # ...`) are what a running step printed last; the parser gives
  // them to the step drawn above them. A paste that starts at them names no step: when that build failed,
  // no step is known to have failed and the failure's own lines say no more than that a process exited
  // (`did not complete successfully: exit code: 100`), they are the nearest the paste comes to its cause.
  // A failure that says why (`"/app/dist": not found`) outranks whatever a step printed last.
  const liveLinesFailed =
    build.status === 'failure' &&
    !build.steps.some((s) => s.status === 'error') &&
    // (Nor do lines that state no failure at all: the error block's rules and Dockerfile excerpt, a CI job's `[Pipeline] }`;
    // nor a wrapper's, `ERROR: script returned exit code 1`.)
    [...build.errorDetails, ...build.errors].every((line) => PROCESS_EXIT.test(line.text) || !FAILURE_LINE.test(line.text) || restatesFailure(line.text));
  // A cache import or export that failed says so only in its `#N ERROR` line; buildx would head its
  // error block with the step's name (` > importing cache manifest from X:`), which the catalog
  // knows: offer that header too, so that the error is read as the cache's.
  const cacheHeaders = build.steps
    .filter((s) => s.status === 'error' && (s.kind === 'cache-import' || s.kind === 'cache-export') && s.endLine !== null)
    .map((s) => ({
      line: s.endLine!,
      text: s.endText ?? s.name,
      normalized: `${s.name}:`,
      inFailure: s.kind === 'cache-export' && build.status === 'failure',
    }));
  // The lines that end a failed import (`#3 ERROR: ...`), read in the importer's words.
  const importErrors = new Set(failedImportSteps.filter((s) => s.endLine !== null).map((s) => s.endLine!));
  const own: CandidateLine[] = lines
    .filter((line) => !isHeader(line.text))
    .map((line) => ({
      line: line.line,
      text: line.text,
      normalized: importErrors.has(line.line) ? inImporterWords(normalizeForMatching(line.text)) : withoutQuotedCommand(normalizeForMatching(line.text)),
      inFailure:
        (failing.has(line.line) && !isImportLine(line.text)) ||
        line.text.startsWith('##[error]') ||
        failedIds.some((id) => line.text.startsWith(id)) ||
        // A step's failure in the builder's own words names the failing command, wherever the paste shows it (a
        // `docker build` command line, then only `The command '/bin/sh -c pip3 install x' returned a non-zero code: 1`).
        (build.steps.length === 0 && SHELL_FORM_STEP_FAILED.test(line.text)) ||
        (liveLinesFailed && TTY_LIVE_LINE.test(line.text)),
    }))
    // Blank lines say nothing; a pattern that matches anything must not make them evidence.
    .filter((line) => line.normalized !== '' && !RESTATED_COMMAND.test(line.normalized));
  const candidates = own
    .concat(
      cacheHeaders,
      markedNonInstructions(build),
      builtImageThatCannotStart(build, lines),
      emulatedStepThatCannotExec(build, lines),
      // These read the lines as normalized once above.
      buildThatReliesOnEmulation(build, own),
      metadataThatTimedOut(build, lines),
      pushThatEndedInEof(own),
      classicBuilderWithoutPlatformArgs(build, own),
      shellThatCannotLoad(build, own),
      legacyCopySourceMissing(build, own),
      containerRunOnAskedPlatform(build, own),
    )
    .sort((a, b) => a.line - b.line);
  let chain: number | undefined;
  for (const line of candidates) {
    if (CAUSED_BY.test(line.normalized)) chain = line.line;
    if (chain !== undefined) line.causeChain = chain;
  }
  return candidates;
}

// An import's error line that does not say it is the cache importer's (newer BuildKit says so: `failed to configure registry
// cache importer: ...`).
const IMPORTER_ERROR = /^ERROR: (?!.*\bcache importer\b)/;

/**
 * Older BuildKit printed a cache importer's error bare (`#3 ERROR: ghcr.io/acme/api:cache: not found`): read as it
 * stands, the ref it could not find looks like a missing image. Read in the newer words (`failed to configure cache
 * importer: ...`), it is the import's, which the catalog knows; whatever the error says (a 401, a timeout) still reads.
 */
function inImporterWords(normalized: string): string {
  return IMPORTER_ERROR.test(normalized) ? normalized.replace('ERROR: ', 'ERROR: failed to configure cache importer: ') : normalized;
}

/**
 * A Dockerfile excerpt whose `>>>`-marked block starts with no instruction (the parser read it:
 * parse/marked-block.ts) did not parse, even when the paste was cut before the error that says
 * `unknown instruction`. Offered to the signatures as that error, on the excerpt's line; never the
 * failure's own line, so any line of the failure that names a cause outranks it.
 */
function markedNonInstructions(build: Build): CandidateLine[] {
  return build.markedNonInstructions.map((marked) => ({
    line: marked.line,
    text: marked.text,
    normalized: `unknown instruction: ${marked.word}`,
    inFailure: false,
  }));
}

// A tty live line as pasted (leading blanks kept by the paste).
const TTY_LIVE_LINE = /^\s*=> => # /;
// A failure line that only says a step's process exited, in BuildKit's and the legacy builder's words.
const PROCESS_EXIT = /did not complete successfully: exit code: \d+|executor failed running .*: exit code: \d+|returned a non-zero code: \d+/;

const ENTRYPOINT_EXEC_FORMAT = /^exec \/\S+: exec format error$/;

/**
 * A container's entrypoint that cannot start (`exec /app/run: exec format error`) is, on its own, an
 * image pulled for another platform than the host's (platform-mismatch). When the log built and
 * exported that image first (a step done), it was built here for another platform: running it needs
 * the emulator. Offered to the signatures in those words, on the entrypoint's line.
 */
function builtImageThatCannotStart(build: Build, lines: EvidenceLine[]): CandidateLine[] {
  if (build.withoutBuildKit || !build.steps.some((s) => s.kind === 'export' && s.status === 'done')) return [];
  return lines
    .filter((line) => ENTRYPOINT_EXEC_FORMAT.test(normalizeForMatching(line.text)))
    .map((line) => ({ line: line.line, text: line.text, normalized: 'exec format error: an image built for another platform than the host', inFailure: true }));
}

const EXEC_FORMAT = /exec format error/i;
// A program of the step that ran and reports another it could not start (bash's `cannot execute binary file`, Python's
// `[Errno 8] Exec format error`, Go's `fork/exec X: exec format error`): the step's own process executed, so an emulator
// is registered; that other binary is for another platform than the image (the signatures read it so).
const PROGRAM_REPORTS_ANOTHER = /cannot execute binary file|\[Errno 8\] Exec format error|fork\/exec \S+: exec format error/i;

/**
 * A step BuildKit ran for another platform than the builder's own (`[linux/arm64 builder 3/7] RUN ...`
 * in a build of linux/amd64 and linux/arm64) that cannot execute its program (`exec user process caused:
 * exec format error`): no emulator is registered for that platform (binfmt, QEMU), which an image for
 * the wrong platform does not explain (the image is the one asked for). The builder's own platform is
 * the log's, else linux/amd64 when the build names several (GitHub's hosted runners: of several
 * platforms, the others are emulated); with one platform and no word of the host, nothing is assumed.
 * Offered to the signatures in those words, on each line of the failure that says exec format error.
 */
function emulatedStepThatCannotExec(build: Build, lines: EvidenceLine[]): CandidateLine[] {
  const native = build.nativePlatform ?? (build.platforms.length > 1 ? 'linux/amd64' : null);
  if (native === null || build.withoutBuildKit) return [];
  const failed = build.steps.filter((s) => s.status === 'error' && s.kind === 'instruction' && s.platform !== null);
  const emulated = failed.find((s) => s.platform !== native);
  if (!emulated || failed.some((s) => s.platform === native)) return [];
  return lines
    .filter((line) => EXEC_FORMAT.test(line.text) && !PROGRAM_REPORTS_ANOTHER.test(line.text))
    .map((line) => ({
      line: line.line,
      text: line.text,
      normalized: unemulatedStep(emulated.platform),
      inFailure: true,
    }));
}

// A base image from the official namespace of an architecture other than x86-64 (`FROM arm64v8/python`,
// `aarch64/node`, BuildKit's `load metadata for docker.io/arm32v7/golang`), and an emulator the Dockerfile
// copies or calls itself (`COPY qemu-arm-static /usr/bin/`, balena's `RUN [ "cross-build-start" ]`).
const FOREIGN_BASE = /(?:\bFROM (?:--platform=\S+ )?|load metadata for )(?:docker\.io\/)?(arm64v8|arm32v[5-7]|aarch64|armhf|armel|ppc64le|s390x|riscv64)\//;
const EMULATOR_IN_DOCKERFILE = /\bqemu-(aarch64|arm|armeb|ppc64le|s390x|riscv64|x86_64|i386)-static\b|\bcross-build-(?:start|end)\b/;
// The platform each of them stands for (a namespace's, or the architecture QEMU's binary emulates).
const PLATFORM_OF: Record<string, string> = {
  arm64v8: 'linux/arm64',
  aarch64: 'linux/arm64',
  arm32v7: 'linux/arm/v7',
  armhf: 'linux/arm/v7',
  arm32v6: 'linux/arm/v6',
  arm32v5: 'linux/arm/v5',
  armel: 'linux/arm/v5',
  arm: 'linux/arm',
  armeb: 'linux/arm',
  ppc64le: 'linux/ppc64le',
  s390x: 'linux/s390x',
  riscv64: 'linux/riscv64',
  x86_64: 'linux/amd64',
  i386: 'linux/386',
};

// The line a step's first process prints when the kernel cannot execute it (runc's `exec user process
// caused: exec format error`, `standard_init_linux.go:211: ...`, BuildKit's `exec /bin/sh: exec format
// error`, the old engine's `System error: exec format error`). Not a program that ran and reports another
// it could not start (PROGRAM_REPORTS_ANOTHER): that binary is for another platform than the image, whatever the host emulates.
const STEP_PROCESS_CANNOT_EXEC =
  /exec user process caused|standard_init_linux|System error: exec format error|(?:^|: )exec \/\S+: exec format error$|^exec format error$/i;

/** The words offered for an `exec format error` of a step whose platform needs an emulator (null: not named). */
function unemulatedStep(platform: string | null): string {
  return `exec format error in a step for ${platform ? `${platform}, ` : ''}a platform this builder emulates`;
}

/** `linux/arm64/v8` and `linux/arm64` are one platform for this purpose: the OS and the architecture. */
function osAndArch(platform: string): string {
  return platform.split('/').slice(0, 2).join('/');
}

/**
 * A build whose failing stage starts from another architecture's image, or brings QEMU's static emulator
 * itself, relies on emulation: when that step's first process cannot execute (`exec user process caused:
 * exec format error`), on a host of that architecture it would have run, so the emulator is what is
 * missing (no binfmt handler registered), not an image of the wrong platform. Not when the host is of
 * that architecture (docker version's `OS/Arch`), nor when a RUN of the same stage ran here before it
 * (its programs executed: the emulator works). Offered to the signatures in the words of an emulated
 * step (as for emulatedStepThatCannotExec), for the legacy builder too.
 */
function buildThatReliesOnEmulation(build: Build, lines: CandidateLine[]): CandidateLine[] {
  // A legacy paste cut before the builder said the step failed ends inside it: its last step, a RUN still running, is the
  // one (BuildKit's steps run in parallel, and a cut paste of them says less of which failed).
  const last = build.steps.filter((s) => s.kind === 'instruction').at(-1);
  const cutShort = build.legacyBuilder && last?.status === 'running' && last.instruction === 'RUN' ? last : undefined;
  const failing = build.steps.find((s) => s.status === 'error' && s.kind === 'instruction') ?? cutShort;
  if (!failing) return [];
  // The failing step's stage: the legacy builder's steps since the FROM before it; BuildKit's of its stage and platform.
  let stage: Step[];
  if (build.legacyBuilder) {
    const from = build.steps.filter((s) => s.instruction === 'FROM' && s.line <= failing.line).at(-1);
    stage = build.steps.filter((s) => s.line >= (from?.line ?? 0) && s.line <= failing.line);
  } else {
    stage = build.steps.filter((s) => s.kind === 'instruction' && s.stage === failing.stage && s.platform === failing.platform);
  }
  const base = stage.find((s) => s.instruction === 'FROM');
  // A paste without the stage's FROM: the base image's metadata, when the build has one base image only.
  const metadata = build.steps.filter((s) => s.kind === 'internal' && s.name.includes('load metadata for '));
  const baseName = base?.name ?? (metadata.length === 1 ? metadata[0]!.name : '');
  const named = FOREIGN_BASE.exec(baseName) ?? stage.map((s) => EMULATOR_IN_DOCKERFILE.exec(s.name)).find((m) => m !== null);
  if (!named) return [];
  const platform = (named[1] ? PLATFORM_OF[named[1]] : undefined) ?? failing.platform;
  if (platform && build.nativePlatform && osAndArch(platform) === osAndArch(build.nativePlatform)) return [];
  if (stage.some((s) => s !== failing && s.instruction === 'RUN' && s.status === 'done' && !s.cached)) return [];
  return lines
    .filter((line) => STEP_PROCESS_CANNOT_EXEC.test(line.normalized))
    .map((line) => ({ line: line.line, text: line.text, normalized: unemulatedStep(platform), inFailure: true }));
}

// A container run, with the platform it asked for by name when it did (`docker run --platform linux/amd64 ...`, also
// `docker container run`, podman's and nerdctl's): each run (and each build) starts what the lines after it belong to.
const CONTAINER_RUN = /\b(?:docker|podman|nerdctl)(?:\s+container)?\s+run\s/;
// The host's architecture: what `uname -m` prints (on a line of its own, a few lines after a command line that runs it
// outside a container: the runner echoes the command and its shell between), and GitHub's hosted runner images
// (`Image: ubuntu-24.04` is x86-64, `ubuntu-24.04-arm` Arm).
const UNAME_PLATFORM: Record<string, string> = { x86_64: 'linux/amd64', amd64: 'linux/amd64', aarch64: 'linux/arm64', arm64: 'linux/arm64' };
const RUNNER_IMAGE = /^Image: ubuntu-\d+\.\d+(-arm)?$/;
const UNAME_TO_OUTPUT_LINES = 4;
/** How many lines after its command a container's first process may fail: a pull's progress comes between. */
const RUN_TO_EXEC_LINES = 60;
// podman's (crun's) words for the same first process: `Error: crun: exec container process \`/app/run\`: Exec format error`.
const CONTAINER_PROCESS_CANNOT_EXEC = /exec container process .*: Exec format error/i;

/**
 * A container asked for another platform by name (`docker run --platform linux/amd64 ...`) whose first process cannot
 * execute (`exec /docker-entrypoint.sh: exec format error`, after that command and before the next run or build): the
 * image is the platform asked for, so the host's emulation of it is what failed (no binfmt handler, a Docker Desktop,
 * Colima or Rancher Desktop whose Rosetta or QEMU broke), not an image pulled for the wrong platform (train: four such
 * pastes the emulation's to one whose paste shows Docker's platform warning first). Not when the log shows the host is of
 * that platform (docker version's `OS/Arch`, `uname -m` run outside the container, GitHub's runner image): nothing was
 * emulated, and a script without `#!` or a mislabelled image fails so too. Offered to the signatures in those words, on
 * the error's line.
 */
function containerRunOnAskedPlatform(build: Build, lines: CandidateLine[]): CandidateLine[] {
  const found: CandidateLine[] = [];
  let host = build.nativePlatform;
  let asked: { platform: string; line: number } | null = null;
  /** The line of the last `uname -m` run on the host, whose output is still to come (null: none). */
  let unameAt: number | null = null;
  for (const line of lines) {
    const text = line.normalized.trim();
    if (unameAt !== null && line.line - unameAt <= UNAME_TO_OUTPUT_LINES && UNAME_PLATFORM[text] !== undefined) {
      host = UNAME_PLATFORM[text]!;
      unameAt = null;
      continue;
    }
    const uname = text.indexOf('uname -m');
    const run = CONTAINER_RUN.exec(text);
    // A container run of its own before the host's `uname -m` printed: what comes next is the container's.
    if (uname !== -1 && (run === null || uname < run.index)) unameAt = line.line;
    else if (run !== null) unameAt = null;
    const runner = RUNNER_IMAGE.exec(text);
    if (runner) host = runner[1] ? 'linux/arm64' : 'linux/amd64';
    if (run !== null || isBuildCommand(line.normalized)) {
      // The run's `--platform`, read as a build's is (the same option, the same quoting).
      const platform = run !== null ? parseBuildCommand(text.slice(run.index)).platforms[0] : undefined;
      asked = platform ? { platform, line: line.line } : null;
      continue;
    }
    if (asked === null || line.line - asked.line > RUN_TO_EXEC_LINES) continue;
    if (host !== null && osAndArch(host) === osAndArch(asked.platform)) continue;
    const cannotExec =
      (STEP_PROCESS_CANNOT_EXEC.test(line.normalized) || CONTAINER_PROCESS_CANNOT_EXEC.test(line.normalized)) && !PROGRAM_REPORTS_ANOTHER.test(line.normalized);
    if (cannotExec) found.push({ line: line.line, text: line.text, normalized: runOnAskedPlatform(asked.platform), inFailure: true });
  }
  return found;
}

/** The words offered for a container, run for a platform asked for by name, whose first process cannot execute. */
function runOnAskedPlatform(platform: string): string {
  return `exec format error in a container run for ${platform}, a platform asked for with --platform`;
}

// Go's error alone on a line (`container-scripts/*: no such file or directory`), as the old daemon reported a COPY or ADD
// source it could not find (with the log's timestamp before it, or a tool's `STDERR: ` relaying the daemon's stderr).
const BARE_NO_SUCH_FILE = /^(?:STDERR: )?(?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )?(\S+): no such file or directory$/;

/**
 * The legacy builder before `COPY failed:` existed printed only Go's error under the step's header (`Step 7 : COPY
 * container-scripts/* /u01/oracle/`, then `container-scripts/*: no such file or directory`). A RUN's programs print the
 * same words for their own files, so the line counts only after the header of a COPY or ADD that did not finish, and only
 * when it names one of that step's sources. Offered to the signatures in today's words (`COPY failed: stat ...`).
 */
function legacyCopySourceMissing(build: Build, lines: CandidateLine[]): CandidateLine[] {
  if (!build.legacyBuilder) return [];
  const last = build.steps.filter((s) => s.kind === 'instruction').at(-1);
  if (!last || (last.instruction !== 'COPY' && last.instruction !== 'ADD') || last.status === 'done' || last.status === 'cached') return [];
  // The sources: every word but the destination and the flags (`--chown=app`).
  const words = last.command.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
  const sources = new Set(words.slice(0, -1));
  return lines.flatMap((line) => {
    const found = line.line > last.line ? BARE_NO_SUCH_FILE.exec(line.text.trim()) : null;
    if (!found || !sources.has(found[1]!)) return [];
    return [{ line: line.line, text: line.text, normalized: `COPY failed: stat ${found[1]}: no such file or directory`, inFailure: true }];
  });
}

// A build step run by the shell (`RUN make` is `/bin/sh -c make`) that failed, in the legacy builder's and
// BuildKit's words: not an exec-form `RUN ["/app/run.sh"]`, whose own program is the process runc starts.
const SHELL_FORM_STEP_FAILED =
  /The command '\/bin\/(?:ba)?sh -c .*' returned a non-zero code: \d+|executor failed running \[\/bin\/(?:ba)?sh -c |process "\/bin\/(?:ba)?sh -c .*" did not complete successfully/;
// runc before 1.1 (`standard_init_linux.go:190: exec user process caused "no such file or directory"`).
const PROCESS_CANNOT_LOAD = /exec user process caused:? "?no such file or directory/;

// The legacy builder's words for a build that ended well: a runc line after them is a container's start.
const BUILD_ENDED = /^Successfully (?:built|tagged) /;

/**
 * Older runc's `exec user process caused "no such file or directory"` is a container's entrypoint that
 * cannot start, unless the process was a build step's shell: then the shell is there but cannot be
 * loaded, which for a base image's own `/bin/sh` is another architecture's binary with no usable
 * emulator (QEMU registered without its fix-binary flag, or a distribution's binfmt), what newer
 * BuildKit prints as `exec /bin/sh: no such file or directory`. A build step's shell when the builder's
 * next word is that a `/bin/sh -c` step failed (`The command '/bin/sh -c ...' returned a non-zero code`),
 * or when the line follows the header of the legacy builder's last step, a shell-form RUN, before that
 * step's failure; never after the build ended (`Successfully built`: a `docker run` of the image).
 * Offered to the signatures in those words, on runc's line.
 */
function shellThatCannotLoad(build: Build, lines: CandidateLine[]): CandidateLine[] {
  if (build.status === 'success') return [];
  const lastStep = build.steps.filter((s) => s.kind === 'instruction').at(-1);
  const shellStep = build.legacyBuilder && lastStep?.instruction === 'RUN' && !lastStep.command.trimStart().startsWith('[') ? lastStep : undefined;
  const ends = (line: CandidateLine) => BUILD_ENDED.test(line.normalized) || SHELL_FORM_STEP_FAILED.test(line.normalized);
  return lines
    .filter((line, i) => {
      if (!PROCESS_CANNOT_LOAD.test(line.normalized)) return false;
      const next = lines.slice(i + 1).find(ends);
      if (next !== undefined && SHELL_FORM_STEP_FAILED.test(next.normalized)) return true;
      return shellStep !== undefined && line.line > shellStep.line && !lines.some((l) => l.line > shellStep.line && l.line < line.line && ends(l));
    })
    .map((line) => ({ line: line.line, text: line.text, normalized: 'exec /bin/sh: no such file or directory', inFailure: true }));
}

// BuildKit's automatic platform arguments, which the classic builder does not set (they expand to nothing),
// used without a default (`${TARGETARCH:-amd64}` has one).
const PLATFORM_ARG = /\$(?:\{((?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT))\}|((?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT))\b)/g;
// Any other variable a command uses, with or without a default.
const OTHER_VARIABLE = /\$\{[^}]*\}|\$\w+/;

/**
 * The text each word of a command becomes when its platform arguments are empty, between the other
 * variables it uses (`.../download/${VER}/tool_${TARGETOS}_${TARGETARCH}` gives `/tool__`), with the
 * argument's name; not for a word with too little text around them to be told apart.
 */
function emptied(command: string): Array<{ name: string; text: string }> {
  const found: Array<{ name: string; text: string }> = [];
  for (const word of command.split(/\s+/)) {
    const names = [...word.matchAll(PLATFORM_ARG)].map((m) => m[1] ?? m[2]!);
    if (names.length === 0) continue;
    const marked = word.replace(/^["']+|["']+$/g, '').replace(PLATFORM_ARG, '\u0000');
    const piece = marked.split(OTHER_VARIABLE).find((p) => p.includes('\u0000'));
    // Text on the left of the first empty argument, so that what is left says where it was.
    if (piece === undefined || piece.startsWith('\u0000')) continue;
    const text = piece.replaceAll('\u0000', '');
    if (text.length >= 4) found.push({ name: names[0]!, text });
  }
  return found;
}

/**
 * A step of the legacy builder that uses one of BuildKit's automatic platform arguments (`ADD
 * .../easy-add_${TARGETOS}_${TARGETARCH}`) and failed on a line that shows the argument empty (`easy-add__
 * with status 404`): that builder leaves them empty, so the URL or path the step built is not the one meant.
 * Not when the line shows a value (an `ARG TARGETARCH=amd64`, a `--build-arg`). Offered to the signatures in
 * those words, on that line.
 */
function classicBuilderWithoutPlatformArgs(build: Build, lines: CandidateLine[]): CandidateLine[] {
  if (!build.legacyBuilder) return [];
  const last = build.steps.filter((s) => s.kind === 'instruction').at(-1);
  const words = last && last.status !== 'done' ? emptied(last.command) : [];
  if (words.length === 0) return [];
  // The text as the step expanded it, followed by no more of a name (nor by the variable itself: a line
  // that restates the command, `The command '/bin/sh -c ... --arch=$TARGETARCH' returned ...`, shows nothing).
  const shows = (text: string, empty: { text: string }) => {
    const at = text.indexOf(empty.text);
    return at >= 0 && !/[A-Za-z0-9$]/.test(text.charAt(at + empty.text.length)) && !SHELL_FORM_STEP_FAILED.test(text);
  };
  // A line that states the failure (not a `set -x` trace that echoes the value), for any word of the command.
  for (const line of lines) {
    if (line.line <= last!.line || !(line.inFailure || FAILURE_LINE.test(line.text))) continue;
    const empty = words.find((w) => shows(line.text, w));
    if (empty) return [{ ...line, normalized: `the classic builder leaves ${empty.name} empty`, inFailure: true }];
  }
  return [];
}

// Go's HTTP client gives a connection 30 seconds (net.Dialer's timeout in Docker's and BuildKit's registry
// transports): a base image's metadata that failed after about that long, with no word of why, was a registry
// that did not answer (a proxy, a VPN, a firewall), not an image that does not exist, which fails at once.
const DIAL_TIMEOUT_SECONDS = 29.5;
const LOAD_METADATA = /\bload metadata for \S+/;

/**
 * A failed `load metadata for ...` step that took the dial timeout, with no other line that says why:
 * offered to the signatures as the registry's silence, on the step's own ERROR line (part of the
 * failure), so that the guess its name alone would give (an image that does not exist) gives way to it.
 */
function metadataThatTimedOut(build: Build, lines: EvidenceLine[]): CandidateLine[] {
  const timedOut = build.steps.filter((s) => s.status === 'error' && s.seconds !== null && s.seconds >= DIAL_TIMEOUT_SECONDS && LOAD_METADATA.test(s.name));
  // Only with no word of why: any other line that states a failure (`...: not found`, `401 Unauthorized`,
  // the final `ERROR: failed to solve: ...`) is the registry's answer, or says more than the clock does.
  const ownLines = new Set(timedOut.map((s) => s.endLine ?? s.line));
  // A wrapper's line around the build (`ERROR: Job failed: exit code 1`) says nothing of why.
  const saysWhy = (line: EvidenceLine) => FAILURE_LINE.test(line.text) && !restatesFailure(line.text);
  if (timedOut.length === 0 || lines.some((line) => !ownLines.has(line.line) && saysWhy(line))) return [];
  return timedOut.map((s) => ({
    line: s.endLine ?? s.line,
    text: s.endText ?? s.name,
    normalized: `${LOAD_METADATA.exec(s.name)![0]}: the registry did not answer, timed out after ${Math.round(s.seconds!)} seconds`,
    inFailure: true,
  }));
}

// A layer's progress line in the docker CLI's push (not a pull's: `Pulling fs layer`, `Pull complete`);
// the end of a push (its digest) and the start of a pull, after which an EOF is not the push's.
const PUSH_PROGRESS = /^[0-9a-f]{12}: (?:Preparing|Pushing|Pushed|Layer already exists)\b|^The push refers to (?:a )?repository\b/;
const LAYER_PROGRESS = /^[0-9a-f]{12}: \S/;
const PUSH_ENDED = /: digest: sha256:[0-9a-f]{64} size: \d+|\bPulling from\b|: Pulling fs layer$/;
const BARE_EOF = /^(?:unexpected )?EOF$/;

/**
 * A `docker push` whose output ends in Go's bare `EOF` right after its layers' progress: the registry
 * (or a proxy in front of it) closed the connection while a layer was sent. Not an EOF after the push
 * ended or anywhere later (a heredoc's `EOF` in a script the log echoes). Offered to the signatures in
 * those words, on the EOF line.
 */
function pushThatEndedInEof(lines: CandidateLine[]): CandidateLine[] {
  let pushing = false;
  let previous = '';
  const out: CandidateLine[] = [];
  for (const line of lines) {
    const bare = line.normalized;
    if (PUSH_ENDED.test(bare)) pushing = false;
    else if (PUSH_PROGRESS.test(bare)) pushing = true;
    else if (pushing && BARE_EOF.test(bare) && LAYER_PROGRESS.test(previous))
      out.push({ line: line.line, text: line.text, normalized: 'a push whose connection the registry closed (EOF)', inFailure: true });
    previous = bare;
  }
  return out;
}

// The header of an error's cause in tools that chain them: cargo and anyhow (`Caused by:`), the
// JVM (`Caused by: java.net.ConnectException: ...`). apk heads its reasons the same way: `ERROR:
// unable to select packages:` (before apk 3.12 `ERROR: unsatisfiable constraints:`) comes first, then
// each package and why (`bash (no such package):`, `bash (missing):`). Gradle nests its causes under
// `> Could not resolve all files for configuration ':x'.` (`dependencies` or `artifacts` in other
// versions), down to the one that says why (`> Connect to repo.maven.apache.org:443 ... timed out`).
// Next.js and create-react-app head theirs with `Failed to compile.`, then the module and its error
// (`next/font` error: Failed to fetch `Montserrat` from Google Fonts.).
const CAUSED_BY =
  /^Caused by\b|^ERROR: (?:unable to select packages|unsatisfiable constraints):$|^Could not resolve all (?:files|dependencies|artifacts) for configuration\b|^Failed to compile\.$/;

// ` > [builder 2/3] RUN make:` (the error block's header, after quoting is stripped) and
// `  12 | >>> RUN make` (the Dockerfile excerpt: after the bar, `>>> ` marks the failing line and
// four blanks the others). A CI viewer's own line numbers (Drone's `9514 | #10 ERROR: ...`) put the
// log line right after the bar: those are the log, not the Dockerfile. The legacy builder's step
// header (`Step 3/14 : RUN ...`, `Step 3 : RUN ...` before Docker 1.13) restates its command too.
const RESTATED_COMMAND = /^\[[^\]]*\d+\/\d+\] .*:$|^\d+ \|(?: >>> | {4}|\s*$)|^Step \d+(?:\/\d+)? : /;
