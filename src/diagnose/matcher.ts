import type { Signature } from './catalog.js';

/** A line offered to the signatures. */
export interface CandidateLine {
  line: number;
  /** As quoted in evidence. */
  text: string;
  /** As patterns see it (normalizeForMatching). */
  normalized: string;
  /** Part of the failure itself: the failing step's output, the error block, the final errors. */
  inFailure: boolean;
  /**
   * The line of the nearest `Caused by:` at or before this one, if any: tools that chain errors
   * (cargo, the JVM, anyhow) print the outer error first and its cause after it.
   */
  causeChain?: number;
}

export interface SignatureMatch {
  signature: Signature;
  /** The matching lines, in input order (at most MAX_MATCHED_LINES). */
  lines: CandidateLine[];
  /** Named groups of the first match that captured each name. */
  groups: Record<string, string>;
  /** Whether any match is part of the failure itself. */
  inFailure: boolean;
  /** Whether every match is on a line the tool itself called a warning. */
  onlyWarnings: boolean;
  /** Whether it matched only the failing step's command (what ran), not a line of what it printed. */
  byCommand: boolean;
  /** Whether every match is a wrapper's line (`make: *** [x] Error 2`): it says a command failed, not why. */
  onlyWrappers: boolean;
  /**
   * Whether every match is the header of a cache import's error block (` > importing cache manifest
   * from X:`) and no line under it says why: BuildKit goes on without a cache it could not import, so
   * the header names a step that failed, never why the build did.
   */
  onlyCacheImportHeaders: boolean;
}

const MAX_MATCHED_LINES = 8;
/**
 * A tool's warning, as a line starts with it once its framing is gone (normalizeForMatching); also logrus's (the docker
 * CLI's and compose's own: `time="..." level=warning msg="commandConn.CloseWrite: ... signal: killed"`); also Maven's
 * and Gradle's `[WARNING] ` (a Quarkus or Jib plugin's `Could not connect to docker daemon!` before the error that followed).
 */
export const WARNING_LINE = /^(?:WARNING|WARN|warning)\b|^\[(?:WARNING|WARN)\] |^(?:time="[^"]*" )?level=warn(?:ing)?\b/;
// apk says in a WARNING that it gave an index up for this run (`WARNING: updating and opening URL:
// temporary error (try again later)`, `WARNING: fetching URL: DNS lookup error`, older `WARNING:
// Ignoring URL: ...`): no retry follows, and every package then looks missing. Such a line is the
// failure's cause, not a passing warning.
// Docker's note that it runs an image for another platform than the host's: a warning that is a cause (see rankMatches).
// Also as the legacy builder (` ---> [Warning] The requested image's platform ...`) and compose (` ! web The requested ...`) print it.
const PLATFORM_WARNING =
  /^(?:(?:WARNING|WARN|warning)\b|(?:-+> )?\[[Ww]arning\] |! [\w.-]+ ).*The requested image.s platform \(\S+\) does not match the detected host platform/;
// Unless the emulator then ran the image and crashed (QEMU's own report, or the JVM unable to start its spawn helper under
// QEMU's user-mode emulation): an image for another platform was run as emulation allows, and what failed is the emulation.
// So did a program that crashed (a segmentation fault, an illegal instruction, exit code 139, Rosetta's assertions): it ran,
// so an emulator ran it; without one an image for another platform does not start at all (`exec format error`).
const EMULATOR_CRASHED =
  /qemu: uncaught target signal|qemu: unhandled CPU exception|QEMU internal SIG|Failed to exec spawn helper|Segmentation fault|\bSIGSEGV\b|(?:exit code|non-zero code)(?:: | \()139\b|[Ii]llegal instruction|core dumped|BasicBlock requested for unrecognized address|VmTracker attempted to allocate existing mapping|rosetta error/;
// The note is read with or without its `WARNING:` (a terminal may wrap it, and the paste then holds it in two parts).
const PLATFORM_NOTE = /The requested image.s platform \(\S+\) does not match the(?: detected host platform|$)/;
// The kubelet's own status of a pod whose image it could not pull (`Error: ErrImagePull`, `Error: ImagePullBackOff`,
// `Back-off pulling image "x"`, also in `kubectl get pods`' STATUS column). A paste that shows it is about the pod that does
// not start: when the only cause in sight says that the image or tag was not found, or that the registry refused the pull,
// the back-off (whose advice starts with the tag and the pull secret) stays first. In train, such pastes are labelled the
// back-off 19 times and the missing tag 10; without the status the missing tag leads (27 to 11) and a refusal leads (12 to
// 4); a network, rate-limit or platform cause leads either way (not an image without the node's platform, `no match for
// platform in manifest: not found`).
const KUBELET_STATUS = /\b(?:ErrImagePull|ImagePullBackOff)\b|Back-off pulling image /;
const MISSING_OR_REFUSED =
  /^(?!.*(?:no match for platform|no matching manifest for)).*(?:manifest unknown|not found|does not exist|denied|unauthorized|40[13] )/i;
// BuildKit's build check on a base image pulled for another platform than the build's: printed with
// the build's warnings, after the steps (`- InvalidBaseImagePlatform: Base image x was pulled with
// platform "linux/amd64", expected "linux/arm64"`), it states a fact of the whole build that every RUN
// step of that stage follows from, wherever the log prints it.
const BUILD_CHECK_FACT = /^-? ?InvalidBaseImagePlatform: /;
// Like apk's index above, the last attempt of a pull that podman and buildah retry, in a warning of their own
// (`level=warning msg="Failed, retrying in 2s ... (3/3). Error: ... toomanyrequests: ..."`), is given up; an earlier attempt
// is a warning, as a later one may work.
const GIVEN_UP =
  /: temporary error \(try again later\)|^WARNING: (?:Ignoring|fetching|updating and opening) \S+: |^(?:time="[^"]*" )?level=warn(?:ing)? msg="Failed, retrying in \S+ \.\.\. \((\d+)\/\1\)/;
// pip's `(from versions: none)`: the index answered nothing it could read. A retry warning before it whose reason is the
// connection's (refused, reset, timed out, a name that did not resolve) says why, once is enough (see rankMatches).
const NO_VERSIONS_SEEN = '(from versions: none)';
const CONNECTION_FAILED =
  /NewConnectionError|ConnectTimeoutError|ReadTimeoutError|Temporary failure in name resolution|Name or service not known|\[Errno -[23]\]|timed out|Connection (?:reset|refused)/;
// Lines a wrapper prints when something it ran failed, with no word of why: make's `*** [target]
// Error 2`, Gradle's and Maven's summary (`FAILURE: Build failed with an exception.`, `Execution failed
// for task ':bootBuildImage'.`, `BUILD FAILURE`), a CI runner's exit status (of a step, or of the build
// of a container action: GitHub's, GitLab's, Jenkins', CircleCI's `Exited with code exit status 1`,
// Buildkite's `Error: The command exited with status 1`, Drone's `exit status 1`, TeamCity's `Process
// exited with code 1`, Azure's `Bash exited with code '1'.`, the actions toolkit's `The process
// '/usr/bin/docker' failed with exit code 1`). Inside a RUN they still point at a compiler; around a
// `docker build` (or a plugin's image build) they only restate the build's failure, so any concrete
// error outranks them.
const WRAPPER_LINE =
  /^(?:(?:g?make|mingw32-make)(?:\[\d+\])?: \*\*\* .*\bError \d+(?: \(ignored\))?|ERROR: Job failed: .*|(?:ERROR: )?script returned exit code \d+|Finished: FAILURE|Exited with code (?:exit status )?\d+|CircleCI received exit code \d+|(?:🚨 )?Error: The command exited with status \d+|user command error: exit status \d+|exit status \d+|Process exited with code \d+|(?:Bash|PowerShell|cmd(?:\.exe)?) exited with code '?\d+'?\.?|(?:Error: )?The process '[^']+' failed with exit code \d+|(?:Error: )?(?:Process completed|Docker build failed) with exit code \d+\.?|FAILURE: Build failed with an exception\.?|(?:> )?Execution failed for task '[^']+'\.?|(?:\[(?:INFO|ERROR)\] )?BUILD FAILURE)$/;

// The header BuildKit gives a cache import's error block, after normalizing (no `#N`, no `> `); compose and bake
// put the service or target first (` > [web] importing cache manifest from x:`), as the catalog's pattern allows.
const CACHE_IMPORT_HEADER = /^(?:\[[\w.-]+\] )?importing cache manifest from \S+:$/;

/**
 * Whether a match names a cause: more than a tool's warning, or a warning that repeats (a retry loop: pip's `Retrying`,
 * podman's `Failed, retrying in 2s ... (2/3)`), which is the real failure behind the final error.
 */
export function namesCause(m: SignatureMatch): boolean {
  return !m.onlyWarnings || m.lines.length >= 2;
}

/** Whether a line (normalized for matching) is a wrapper's that only restates a failure (WRAPPER_LINE). */
export function isWrapperLine(normalized: string): boolean {
  return WRAPPER_LINE.test(normalized);
}

/**
 * The header as printed. The diagnosis also offers a failed import's own `#N ERROR: <why>` line under
 * the header's words (so that the catalog reads it as the cache's): that line says why, it stays a cause.
 */
function isBareCacheImportHeader(line: CandidateLine): boolean {
  return CACHE_IMPORT_HEADER.test(line.normalized) && line.text.includes('importing cache manifest from');
}

/** The raw result of running patterns: per signature, which lines matched and what they captured. */
export interface RawMatch {
  id: string;
  hits: Array<{ index: number; groups: Record<string, string> }>;
}

/** What runPatterns needs of a signature: plain data, so that it can be sent to a worker. */
export interface PatternSpec {
  id: string;
  sources: string[];
  commandSources: string[];
  ignoreCase: boolean;
  /**
   * In this thread only (never sent to a worker): the signature's patterns and commands, in the order
   * of `sources` and `commandSources`, whose regular expressions are compiled once and kept, and the
   * patterns' required literals: a line that holds none of them is not offered to the pattern.
   */
  compiled?: { patterns: Array<{ regex: RegExp; literals: string[] | null }>; commands: Array<{ regex: RegExp }> };
}

/**
 * Runs every pattern of every signature over the lines, and its command patterns over the failing
 * commands (hit indexes past the lines). Pure and self-contained (no imports used inside), so the
 * same function can run in a worker for patterns that are not ours.
 */
export function runPatterns(signatures: PatternSpec[], lines: string[], maxHits: number, commands: string[] = []): RawMatch[] {
  const out: RawMatch[] = [];
  // Literals are compared in ASCII lower case (what the line selection's literal search ignores);
  // other characters keep their length, so a literal's ASCII run is found where the pattern matched.
  const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  let lowerLines: string[] | null = null;
  for (const signature of signatures) {
    const hits: RawMatch['hits'] = [];
    const seen = new Set<number>();
    const scan = (source: string, compiled: { regex: RegExp; literals?: string[] | null } | undefined, texts: string[], offset: number) => {
      // A pattern runs only on lines that hold one of its literals (every match holds one), and is
      // compiled only when such a line comes: most built-in patterns are never compiled in a run.
      const literals =
        texts === lines && compiled?.literals && compiled.literals.every((l) => !/[^\x00-\x7f]/.test(l)) ? compiled.literals.map(asciiLower) : null;
      const lowered = literals ? (lowerLines ??= lines.map(asciiLower)) : null;
      let regex: RegExp | null = null;
      for (let index = 0; index < texts.length && hits.length < maxHits; index++) {
        if (seen.has(index + offset)) continue;
        if (literals && !literals.some((literal) => lowered![index]!.includes(literal))) continue;
        regex ??= compiled ? compiled.regex : new RegExp(source, signature.ignoreCase ? 'i' : '');
        const match = regex.exec(texts[index]!);
        if (!match) continue;
        seen.add(index + offset);
        const groups: Record<string, string> = {};
        for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined && value !== '') groups[name] = value;
        hits.push({ index: index + offset, groups });
      }
    };
    signature.sources.forEach((source, i) => scan(source, signature.compiled?.patterns[i], lines, 0));
    signature.commandSources.forEach((source, i) => scan(source, signature.compiled?.commands[i], commands, lines.length));
    if (hits.length > 0) {
      hits.sort((a, b) => a.index - b.index);
      out.push({ id: signature.id, hits });
    }
  }
  return out;
}

/** The plain data of signatures, for runPatterns; with `compiled`, their patterns too (in this thread). */
export function patternSpecs(signatures: Signature[], compiled = false): PatternSpec[] {
  return signatures
    .filter((s) => s.patterns.length > 0 || s.commands.length > 0)
    .map((s) => ({
      id: s.id,
      sources: s.patterns.map((p) => p.source),
      commandSources: s.commands.map((p) => p.source),
      ignoreCase: s.ignoreCase,
      ...(compiled ? { compiled: { patterns: s.patterns, commands: s.commands } } : {}),
    }));
}

/** Turns raw pattern hits into matches over the candidate lines (and the failing commands after them). */
export function toMatches(raw: RawMatch[], signatures: Signature[], lines: CandidateLine[], commands: CandidateLine[] = []): SignatureMatch[] {
  const byId = new Map(signatures.map((s) => [s.id, s]));
  return raw.flatMap(({ id, hits }) => {
    const signature = byId.get(id);
    if (!signature) return [];
    const lineHits = hits.filter((h) => h.index < lines.length);
    // A command hit counts only when no line of the log matched: what it printed says more.
    const used = lineHits.length > 0 ? lineHits : hits;
    const matched = used.map((h) => (h.index < lines.length ? lines[h.index]! : commands[h.index - lines.length]!));
    const groups: Record<string, string> = {};
    for (const hit of used) for (const [name, value] of Object.entries(hit.groups)) groups[name] ??= value;
    return [
      {
        signature,
        lines: matched.slice(0, MAX_MATCHED_LINES),
        groups,
        inFailure: matched.some((l) => l.inFailure),
        onlyWarnings: matched.every((l) => WARNING_LINE.test(l.normalized) && !GIVEN_UP.test(l.normalized)),
        byCommand: lineHits.length === 0,
        onlyWrappers: lineHits.length > 0 && matched.every((l) => WRAPPER_LINE.test(l.normalized)),
        onlyCacheImportHeaders: lineHits.length > 0 && matched.every(isBareCacheImportHeader),
      },
    ];
  });
}

/** Matches trusted (built-in, reviewed) signatures in this thread. */
export function matchTrusted(signatures: Signature[], lines: CandidateLine[], commands: CandidateLine[] = []): SignatureMatch[] {
  const raw = runPatterns(
    // The catalog's own compiled patterns: each is compiled once per run, not once per build.
    patternSpecs(signatures, true),
    lines.map((l) => l.normalized),
    MAX_MATCHED_LINES * 4,
    commands.map((c) => c.normalized),
  );
  return toMatches(raw, signatures, lines, commands);
}

/**
 * Most likely cause first. A match on a line beats one on the failing command or on a wrapper's
 * line (`make: *** ... Error 2`), and a cause beats a consequence (a cancellation); then a match
 * in the failure itself, then the more specific signature, then the earlier line. Last, causality: when an earlier line matched a signature that
 * the leader names in `causedBy` (a DNS failure before apt's "unable to locate"), the earlier one
 * is the root cause (a repeated warning too: a retry loop); followed as a chain.
 */
export function rankMatches(matches: SignatureMatch[]): SignatureMatch[] {
  const ranked = [...matches].sort(
    (a, b) =>
      Number(a.onlyWarnings) - Number(b.onlyWarnings) ||
      tier(a) - tier(b) ||
      Number(b.inFailure) - Number(a.inFailure) ||
      b.signature.priority - a.signature.priority ||
      a.lines[0]!.line - b.lines[0]!.line,
  );
  for (let step = 0; step < ranked.length; step++) {
    const leader = ranked[0]!;
    const cause = ranked.find(
      (m) =>
        m !== leader &&
        // A warning is no cause, unless it repeats: a retry loop (pip's `WARNING: Retrying ... after
        // connection broken by`) is the real failure behind the package manager's final error. Docker's
        // warning that an image's platform is not the host's states a fact: what fails after it follows from it.
        // A leader that only matched the failing command (no line says why) takes the one warning that does, and so does
        // pip's `(from versions: none)`: it saw no release at all, and a warning before it that the connection failed says
        // why (one retry suffices; a proxy's 407 or a Python without ssl are not the network's).
        (namesCause(m) ||
          leader.byCommand ||
          m.lines.some((l) => PLATFORM_WARNING.test(l.normalized)) ||
          (leader.lines.some((l) => l.normalized.includes(NO_VERSIONS_SEEN)) && m.lines.some((l) => CONNECTION_FAILED.test(l.normalized)))) &&
        !m.byCommand &&
        !m.onlyWrappers &&
        !(leader.lines.some((l) => EMULATOR_CRASHED.test(l.normalized)) && m.lines.every((l) => PLATFORM_NOTE.test(l.normalized))) &&
        !(leader.lines.some((l) => KUBELET_STATUS.test(l.normalized)) && m.lines.every((l) => MISSING_OR_REFUSED.test(l.normalized))) &&
        // A package manager's index it gave up on (apk's `temporary error`) is the cause of what it then cannot find,
        // though a paste cut before the step's exit shows only the final error as the failure: printed just before it.
        // So is Docker's warning that the image is for another platform: the legacy builder prints it under the `FROM` or
        // before ` ---> Running in`, outside the step that then fails in that image.
        (m.inFailure || !leader.inFailure || statesBuildFact(m) || m.lines.some((l) => gaveUpJustBefore(l, leader) || PLATFORM_WARNING.test(l.normalized))) &&
        leader.signature.causedBy.includes(m.signature.id) &&
        // A cause on the same line counts (`failed to compute cache key: secret not found`), and
        // one printed after the leader under a `Caused by:` that follows it (cargo's `failed to
        // download` ... `Caused by:` ... `[28] Timeout was reached`) or is the leader's own line
        // (apk's `ERROR: unable to select packages:` and the reasons listed under it).
        // A leader that matched only the failing command (what ran, no printed line) has no place in
        // the output: any cause the failure printed comes before it (pip's retries, then nothing else).
        (leader.byCommand ||
          statesBuildFact(m) ||
          m.lines[0]!.line < leader.lines[0]!.line ||
          // Two signatures that each name the other as a cause (an image for another platform, an emulator
          // missing) are told apart only by what came first: on the same line neither explains the other.
          (!m.signature.causedBy.includes(leader.signature.id) &&
            (m.lines[0]!.line === leader.lines[0]!.line ||
              // On a line the leader matched too, though not its first (`Failed to pull image "x": ... 429 Too Many Requests`
              // after the kubelet's `Error: ImagePullBackOff` line): the same line, as above.
              m.lines.some((l) => leader.lines.some((own) => own.line === l.line)) ||
              m.lines.some((l) => l.causeChain !== undefined && l.causeChain >= leader.lines[0]!.line)))),
    );
    if (!cause) break;
    ranked.splice(ranked.indexOf(cause), 1);
    ranked.unshift(cause);
  }
  return ranked;
}

/** Lines between a package manager's given-up index and its failure: apk prints them one after the other. */
const GIVEN_UP_DISTANCE = 30;

/** Whether a line is a package manager's index given up (GIVEN_UP) printed shortly before the leader's first line. */
function gaveUpJustBefore(line: CandidateLine, leader: SignatureMatch): boolean {
  const distance = leader.lines[0]!.line - line.line;
  return distance >= 0 && distance <= GIVEN_UP_DISTANCE && GIVEN_UP.test(line.normalized);
}

/** Whether a match is on a build check's line (BUILD_CHECK_FACT): a cause wherever it was printed. */
function statesBuildFact(match: SignatureMatch): boolean {
  return match.lines.some((l) => BUILD_CHECK_FACT.test(l.normalized));
}

function tier(match: SignatureMatch): number {
  if (match.signature.role === 'consequence') return 3;
  // A wrapper's line or the command that ran say that something failed, not what: after any concrete
  // line. So does a cache import's bare header: the import failed, but the build went on without it.
  // The command at least names what ran (`FROM x`, `apt-get install`); a wrapper's line (`make: *** [image]
  // Error 1` around `docker build`) names only the wrapper's target: after the command.
  if (match.onlyWrappers && !match.byCommand) return 2;
  return match.byCommand || match.onlyCacheImportHeaders ? 1 : 0;
}
