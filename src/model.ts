// The build model: what one build did, as far as its log shows. Every later stage (analysis, reports)
// reads only this, never the raw log, so a new input source only has to produce these objects.

export type BuildStatus = 'success' | 'failure' | 'canceled' | 'unknown';
export type StepStatus = 'done' | 'cached' | 'error' | 'canceled' | 'running';
export type Severity = 'error' | 'warning' | 'notice';

/** One line quoted from the original input, with its 1-based line number in that input. */
export interface EvidenceLine {
  line: number;
  text: string;
}

/**
 * A line of BuildKit's Dockerfile excerpt that starts a `>>>`-marked block but is no instruction
 * (`  69 | >>> {`): the frontend read it as one, so the Dockerfile did not parse.
 */
export interface MarkedNonInstruction extends EvidenceLine {
  /** The word the frontend took for an instruction (`{`). */
  word: string;
}

export interface Step {
  /** BuildKit's vertex number in this build (`#12`). */
  id: number;
  /** BuildKit's vertex name, e.g. `[linux/amd64 builder 2/15] RUN apk add ...`. */
  name: string;
  /** Target platform when BuildKit names one (`linux/arm64`), else null. */
  platform: string | null;
  /** Stage name from the vertex (`builder`, `stage-1`), null for a single unnamed stage. */
  stage: string | null;
  index: number | null;
  total: number | null;
  /** Dockerfile instruction keyword (`RUN`, `COPY`, ...) or null for internal vertices. */
  instruction: string | null;
  /** What the instruction does, without the bracket prefix and keyword. */
  command: string;
  /** `internal`, `auth`, `instruction`, `cache-import`, `cache-export`, `export`, `other`. */
  kind: StepKind;
  cached: boolean;
  /** Duration BuildKit reported (`DONE 1.2s`), null when it never finished. */
  seconds: number | null;
  /**
   * For a step that never finished: how long it had run at its last output line (BuildKit's clock in
   * front of that line, `#15 19054.2 ...`), when the log shows one; absent otherwise.
   */
  runningSeconds?: number;
  status: StepStatus;
  /** Line of the vertex header where the step first appeared. */
  line: number;
  /** Line where the step ended (`#N DONE 1.2s`, `CACHED`, `ERROR`), null while running. */
  endLine: number | null;
  /** That line's text, for evidence. */
  endText: string | null;
  /** Error message of a failed vertex (`#6 ERROR: ...`). */
  error: string | null;
}

export type StepKind = 'instruction' | 'internal' | 'auth' | 'cache-import' | 'cache-export' | 'export' | 'other';

export interface CacheOperation {
  /** `gha`, `registry`, `local`, `s3`, `azblob`, `inline` or `unknown`. */
  kind: string;
  /** Where from or to, when the log names it (`gha:1390...`, a registry ref). */
  ref: string | null;
  seconds: number | null;
  status: StepStatus;
  line: number;
}

export interface ImageRef {
  ref: string;
  digest: string | null;
  pushed: boolean;
  /** Compressed size per platform, from the registry (only when sizes were measured). */
  platforms?: ImagePlatformSize[];
  /** Why the size could not be measured (not pushed, not found, refused, unreachable). */
  sizeUnavailable?: string | null;
  /** Why there is no baseline to compare with (no such tag, the image is the baseline). */
  baselineUnavailable?: string | null;
}

export interface ImagePlatformSize {
  platform: string;
  digest: string;
  compressedBytes: number;
  /** The same platform of the baseline tag, null when it has none. */
  baselineBytes: number | null;
}

export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  /** Markdown written by buildx-doctor; values taken from the log (already redacted) appear only as inline code. */
  fix: string;
  evidence: EvidenceLine[];
  /** Name of the build this finding is about; null for findings about the input itself. */
  build: string | null;
  /** Input file the evidence line numbers refer to. */
  source: string | null;
  /** Optional numbers behind the finding, for scripts (ratio, seconds, ...). */
  data?: Record<string, number | string | null>;
  /** Places in the repository the finding points at (the Dockerfile line, a source line). */
  locations?: Location[];
  /** Ordering within a severity: lower comes first (the most likely root cause). */
  rank?: number;
  /**
   * The line of `fix` that is the change to make, when it is not simply the first (a signature's fix may
   * open with what happened: "The image was built, but the cluster could not pull it."): the verdict's
   * one change and the comment's `Fix:` line. Not in the JSON report (`fix` holds it).
   */
  change?: string | null;
}

export interface Location {
  kind: 'dockerfile' | 'source';
  /** Relative to the workspace (the repository root). */
  file: string;
  line: number;
  column: number | null;
  /** Whether the file was found in the workspace; only verified locations are annotated. */
  verified: boolean;
  /** What to say on the annotation. */
  message: string;
}

export interface Build {
  name: string;
  /** Where the numbers come from: `plain progress`, `GitHub job log`, `rawjson`, `buildx history record`. */
  origin: string;
  /** The input file (or `-`) the build came from. */
  source: string;
  /** The job name in a `gh run view --log` file, else null. */
  job: string | null;
  status: BuildStatus;
  /** First to last timestamp of the job, null when the log has no timestamps. */
  jobSeconds: number | null;
  /** The build step or buildx invocation, null when unknown. */
  buildSeconds: number | null;
  /** Platforms named in the build, in order of first appearance. */
  platforms: string[];
  /** Native platform of the machine that ran the build when the log says it, else null. */
  nativePlatform: string | null;
  steps: Step[];
  cache: {
    imports: CacheOperation[];
    exports: CacheOperation[];
    /** BuildKit's warnings that a cache import found nothing (`WARNING: local cache import at ... not found`). */
    warnings?: EvidenceLine[];
  };
  images: ImageRef[];
  /** What the build command asked for (its command line or build-push-action's inputs). */
  request: BuildRequest;
  /** The final error lines (`ERROR: failed to solve: ...`, `##[error]...`), in order. */
  errors: EvidenceLine[];
  /** What BuildKit printed after a failure: the `------` block and the Dockerfile excerpt. */
  errorDetails: EvidenceLine[];
  /** The last output lines of the step that failed. */
  failedStepTail: EvidenceLine[];
  /**
   * Where the error block's Dockerfile excerpt marks a line that is no instruction (a Dockerfile that
   * did not parse), read from the whole block as printed (parse/marked-block.ts); at most a few.
   */
  markedNonInstructions: MarkedNonInstruction[];
  /** Line range of the build in the input. */
  firstLine: number;
  lastLine: number;
  /** The first and last lines of the build as printed (the command or first step, the last step). */
  boundary: { first: EvidenceLine; last: EvidenceLine };
  /** Input problems found while parsing (truncated build, over-long lines cut). */
  notes: string[];
  /**
   * The slowest transfer of the build context the output timed on a progress line (`#3 transferring
   * context: 10.79MB 74.9s done`, the tty view's `=> => transferring context: 10.79MB  109.2s`), when
   * there is one; the step `[internal] load build context` times it too.
   */
  contextTransfer?: EvidenceLine & { seconds: number };
  /** Lines around the failures of the build's job (empty for a build that went well), for diagnosis. */
  excerpt: EvidenceLine[];
  /** What the runner said about the job, when the log has it. */
  runner: RunnerFacts;
  /** True for a job that failed before, after or without BuildKit: the row exists for its diagnosis. */
  withoutBuildKit: boolean;
  /**
   * Printed by the legacy builder (`Step 2/5 : ...`), whose steps end only when the next one starts:
   * its last step looks running in any log. Absent where the input cannot be legacy (rawjson).
   */
  legacyBuilder?: boolean;
  /** Dockerfile build checks BuildKit reported (`buildx.build.warnings`). */
  checks: BuildCheck[];
  /** The GitHub job the log was downloaded from (the jobs source only): its id and page. */
  jobId?: number | null;
  jobUrl?: string | null;
  /**
   * The job's conclusion as the API listed it (the jobs source only; null while it runs): `success`
   * for a job whose later step failed says that step was allowed to fail (`continue-on-error`).
   */
  jobConclusion?: string | null;
  /** The job's step that ran the build (GitHub's step number, 1-based), when known. */
  stepNumber?: number | null;
  /** Where each step of that job starts in the log, to link a log line to `#step:N:L`. */
  jobSteps?: JobStepStart[];
  /**
   * Steps that finished well and are counted here instead of listed in `steps`: past a limit, a
   * build keeps only its slowest, failing, unfinished and export steps (a log with a million steps
   * must not need gigabytes). Absent or null when every step is listed.
   */
  omittedSteps?: OmittedSteps | null;
  /**
   * The first error a later step of the job reported after this build, the job's last, succeeded
   * (parse/after-build-error.ts): a runner's log only. Absent or null when there was none.
   */
  afterBuildError?: AfterBuildError | null;
  /**
   * The build's place among the builds of its job (0 for the first or only one; absent where a build
   * is its own job): the builds of one job share its job time, which is runner time once, not per build.
   */
  indexInJob?: number;
}

/** An error of a runner's step after the job's last build: not the build's failure. */
export interface AfterBuildError {
  /** The step's name (`gh run view`) or its runner title (`Run ./smoke.sh`, `Post job cleanup`), when known. */
  step: string | null;
  /** The line the step began on, when known. */
  stepLine: number | null;
  /** The runner's `##[error]` line, without the command (`Process completed with exit code 1.`). */
  error: EvidenceLine;
  /** The step's last lines before the error (at most a few, blank lines and runner commands left out). */
  lastLines: EvidenceLine[];
  /** More of the step's kept lines before the error (lastLines are their end): what `laterSteps` signatures read. */
  output: EvidenceLine[];
  /** The command the step ran, from the runner's `##[group]Run ...` title (`docker push ghcr.io/acme/app`), when the log shows it. */
  command: string | null;
  /** Whether the error failed its step (its exit status, or the step's last line), not an annotation of a step that went on. */
  stepFailed: boolean;
}

/** What is known of the steps a build did not list. */
export interface OmittedSteps {
  count: number;
  /** How many of them were CACHED. */
  cached: number;
  /** Of the cacheable ones (Dockerfile instructions but FROM), how many hit and missed the cache. */
  cacheHits: number;
  cacheMisses: number;
  /** Seconds of the Dockerfile instructions among them, per platform (`default` without one). */
  platformSeconds: Record<string, number>;
  /** The longest of them, in seconds (each listed step that finished took at least as long). */
  maxSeconds: number;
}

/**
 * What is known of the builds an analysis did not list. Past a limit (parse/build-budget.ts), the
 * builds a reader needs are kept whole (failing, canceled, unfinished, the slowest, those that
 * exported images or printed error lines, the first and the last) and the others are folded into these
 * counts and totals as they close, so that memory does not grow with the number of builds in a log.
 */
export interface OmittedBuilds {
  count: number;
  /** How many of them ended with each status. */
  statuses: Record<BuildStatus, number>;
  /** Their steps, listed and omitted. */
  steps: number;
  /** Of their cacheable steps, how many hit and missed the cache (the run's cache ratio counts them). */
  cacheHits: number;
  cacheMisses: number;
  /** Their job times added up, in seconds, each job's counted with its first build whether that build is listed or folded (build time where the job's is unknown): the runner time they took. */
  runnerSeconds: number;
  /** How many runner times that adds (metrics.ts runnerSecondsOf: a job's time once, with its first build). */
  runnerJobs: number;
  /** The longest of them (build time, else job time), in seconds; null when none was timed. */
  maxSeconds: number | null;
  /** Images they exported, and how many of those were pushed. */
  images: number;
  pushedImages: number;
  /** Their findings by severity (found by the rules as each build closed, before the signature diagnosis). */
  findings: Record<Severity, number>;
  /** Per job (a build's job, else its name without `#N`): what the run's history row needs, at most MAX_OMITTED_JOBS. */
  jobs: OmittedJob[];
  /** Builds whose job was not listed in `jobs` because that list was full. */
  buildsOfUnlistedJobs: number;
}

/** A job's omitted builds, summed as the history row sums a job's builds. */
export interface OmittedJob {
  name: string;
  builds: number;
  /** The longest job time among them. */
  jobSeconds: number | null;
  /** Their build times added up. */
  buildSeconds: number | null;
  /** The worst of their statuses. */
  status: BuildStatus;
}

/** A step of a GitHub job and the input line its log starts on. */
export interface JobStepStart {
  number: number;
  name: string;
  firstLine: number;
}

export interface BuildCheck {
  rule: string;
  message: string;
  file: string | null;
  line: number | null;
  url: string | null;
}

export interface RunnerFacts {
  /** GITHUB_TOKEN permissions as "Set up job" lists them (`packages` -> `write`). */
  tokenPermissions: Record<string, string>;
  /** `Actions` normally, `None` for a pull request from a fork (no secrets, read-only token). */
  secretSource: string | null;
  /** docker/metadata-action `tags`/`flavor`/`images` inputs, one template a line (`tags: type=sha,prefix={{branch}}-`). */
  metadataTemplates: string[];
  /** The buildx version `docker/setup-buildx-action` printed (`0.28.0`), for the doctor's drift check. */
  buildxVersion?: string;
  /** The BuildKit version of the builder it set up (`0.24.0`). */
  buildkitVersion?: string;
}

/** The options of the command that started a build, as far as the log echoes them. */
export interface BuildRequest {
  dockerfile: string | null;
  platforms: string[];
  cacheFrom: string[];
  cacheTo: string[];
  tags: string[];
  push: boolean;
}
