// The JSON report's public shape, schema version 1: what `report-file`, `--report-file` and
// `--format json` write. The writer (json-report.ts, and the doctor's JSON) must produce these types,
// so a field renamed there fails to compile instead of silently breaking the scripts that read it.
// The published JSON Schema (schema/report-v1.schema.json) is generated from this file by
// `npm run schema`: the doc comments here are the schema's descriptions, so write them for readers
// of the report, not of the code.
//
// These types are the contract's own, not the build model's (src/model.ts): the model may change
// shape freely; the report may not. Unions are closed where buildx-doctor decides every value
// (statuses, severities, step kinds); vocabularies that grow with new inputs or user signatures
// (build origins, cache backends, finding ids) are strings, so that a new value is an additive change.
import type { OmittedBuildsV1, OmittedStepsV1 } from './omitted-v1.js';

/**
 * A whole number (a line number, a count).
 * @asType integer
 */
export type Integer = number;

/** Which tool wrote the document. */
export interface ToolV1 {
  name: 'buildx-doctor';
  /** buildx-doctor's version. */
  version: string;
}

/** How a build ended: `success`, `failure`, `canceled`, or `unknown` (the log does not tell, or there is no build). */
export type BuildStatusV1 = 'success' | 'failure' | 'canceled' | 'unknown';

/** How a step ended: `running` when the log stops before it finished. */
export type StepStatusV1 = 'done' | 'cached' | 'error' | 'canceled' | 'running';

/** What a step is: a Dockerfile instruction, BuildKit's own work, or the cache and image exports. */
export type StepKindV1 = 'instruction' | 'internal' | 'auth' | 'cache-import' | 'cache-export' | 'export' | 'other';

export type SeverityV1 = 'error' | 'warning' | 'notice';

/** One line quoted from the input (redacted). */
export interface EvidenceLineV1 {
  /** 1-based line number in the input file the finding or build names as `source`. */
  line: Integer;
  text: string;
}

/** The analysis report: builds, findings and groups of the logs read. */
export interface ReportV1 {
  /** Bumped only when a field is renamed or removed or changes meaning; fields are added within a version. */
  schemaVersion: 1;
  tool: ToolV1;
  /** The worst status over all builds (`unknown` when there is no build). */
  status: BuildStatusV1;
  /** Cache hits over all cacheable steps of all builds, `0` to `1`; null when nothing was cacheable. */
  cacheHitRatio: number | null;
  /** The longest build in seconds (or job, without a build time); for a matrix, the slowest component. */
  durationSeconds: number | null;
  /** Present when a comparison was made (the CLI always makes one; `--baseline`, the action's `baseline`). */
  comparison?: ComparisonV1;
  /**
   * Present only when the input held more builds than are listed (256): what is known of those not in
   * `builds`. `status`, `cacheHitRatio` and `durationSeconds` count them; `builds`, `findings` and
   * `groups` do not.
   */
  omittedBuilds?: OmittedBuildsV1;
  builds: BuildV1[];
  /** Every finding of every build, most likely root cause first. */
  findings: FindingV1[];
  /** The findings as the reports show them: one per kind over builds. */
  groups: FindingGroupV1[];
  /** Inputs that could not be used. */
  problems: InputProblemV1[];
  /** With the action's `mode: both`: the doctor's checks and findings. */
  doctor?: DoctorSectionV1;
}

/** What a comparison with a baseline found overall. */
export interface ComparisonV1 {
  /** False when no baseline was given: `cacheBreak` then comes from each build's own log. */
  hasBaseline: boolean;
  /** How the baseline was named: its files, or e.g. `run 123 on main`. */
  baselineLabel: string | null;
  /** Why nothing could be compared (`the baseline (…) has no build`), else null. */
  note: string | null;
}

export interface BuildV1 {
  /** Job name, or file name; `#2` etc. for further builds of a job or file. */
  name: string;
  /**
   * Where the numbers come from: `plain progress`, `tty progress`, `legacy builder`, `GitHub job log`,
   * `gh run view log`, `rawjson progress`, `buildx history record`, `buildx history logs`.
   */
  origin: string;
  /** The input file (`-` for standard input). */
  source: string;
  /** Job name in a `gh run view --log` file, else null. */
  job: string | null;
  /** The GitHub job's id when the log came from the API (the jobs source), else null. */
  jobId: Integer | null;
  /** That job's page. */
  jobUrl: string | null;
  /** The job's step that ran the build, when the log came from the API. */
  step: JobStepV1 | null;
  status: BuildStatusV1;
  /** First to last timestamp of the job, null without timestamps. */
  jobSeconds: number | null;
  /** The buildx invocation, null when unknown. */
  buildSeconds: number | null;
  /** Platforms named in the build, in order of first appearance. */
  platforms: string[];
  /** Native platform of the machine that ran the build, null when the log does not say. */
  nativePlatform: string | null;
  /** From `--file` or build-push-action's `file`. */
  dockerfile: string | null;
  steps: StepV1[];
  cache: BuildCacheV1;
  timing: TimingV1;
  images: ImageV1[];
  /** The final error lines (`ERROR: failed to solve: …`, `##[error]…`). */
  errors: EvidenceLineV1[];
  /** What the parser noticed about the input (a truncated build, …). */
  notes: string[];
  /**
   * Past 1,000 steps only the slowest, failing, unfinished and export steps are listed; the others are
   * counted here (`cache.hits`/`misses` and `timing.platformSeconds` include them). Null when every step is listed.
   */
  omittedSteps: OmittedStepsV1 | null;
  /** The build's line range in the input. */
  lines: { first: Integer; last: Integer };
  /** This build's findings, most likely root cause first. */
  findings: FindingV1[];
  /** With a comparison: the baseline's build it was matched with, null when none. */
  baseline?: BaselineBuildV1 | null;
  /** With a comparison: where the cache broke, null when nothing broke. */
  cacheBreak?: CacheBreakV1 | null;
  /** With a comparison: this build minus the baseline's; null without a baseline build. */
  deltas?: DeltasV1 | null;
}

/** A step of the GitHub job. */
export interface JobStepV1 {
  /** GitHub's step number, 1-based. */
  number: Integer;
  /** The step's name, null when the job's step list was not read. */
  name: string | null;
}

export interface StepV1 {
  /** BuildKit's vertex name, e.g. `[linux/amd64 builder 15/15] RUN cargo build --release`. */
  name: string;
  /** Target platform when BuildKit names one, else null. */
  platform: string | null;
  /** Stage name from the vertex (`builder`), null for a single unnamed stage. */
  stage: string | null;
  /** `15` of `[15/15]`. */
  index: Integer | null;
  /** `15` of `[15/15]`. */
  total: Integer | null;
  /** Dockerfile instruction keyword (`RUN`, `COPY`, …), null for internal steps. */
  instruction: string | null;
  kind: StepKindV1;
  cached: boolean;
  /** Duration BuildKit reported, null when the step never finished. */
  seconds: number | null;
  status: StepStatusV1;
  /** The step's first line in the input. */
  line: Integer;
  /** The step's ERROR message, else null. */
  error: string | null;
}

export interface BuildCacheV1 {
  /** Cacheable steps (Dockerfile instructions but FROM) that BuildKit reported CACHED. */
  hits: Integer;
  /** Cacheable steps that ran. */
  misses: Integer;
  /** hits / (hits + misses), null when the build has no cacheable step that finished. */
  ratio: number | null;
  imports: CacheOperationV1[];
  exports: CacheOperationV1[];
}

/** A cache import or export BuildKit reported. */
export interface CacheOperationV1 {
  /** The cache backend: `gha`, `registry`, `local`, `s3`, `azblob`, `inline`, … */
  kind: string;
  /** Where from or to, when the log names it (`gha:1390…`, a registry ref, the `--cache-to` value). */
  ref: string | null;
  seconds: number | null;
  status: StepStatusV1;
  line: Integer;
}

export interface TimingV1 {
  /** The slowest steps that ran (not cached), slowest first. */
  slowestSteps: TimedStepV1[];
  /** Seconds of Dockerfile steps per platform (`default` when the build names none). */
  platformSeconds: Record<string, number>;
  cacheImportSeconds: number;
  cacheExportSeconds: number;
  /** Share of the build time spent exporting the cache, null without a build duration. */
  cacheExportShare: number | null;
}

export interface TimedStepV1 {
  name: string;
  platform: string | null;
  seconds: number;
  line: Integer;
}

export interface ImageV1 {
  ref: string;
  digest: string | null;
  pushed: boolean;
  /** Compressed size per platform. This and the next two are present only when sizes were measured or tried. */
  platforms?: ImagePlatformSizeV1[];
  /** Why the size could not be measured (`size unavailable: …`), else null. */
  sizeUnavailable?: string | null;
  /** Why there is no baseline size to compare with, else null. */
  baselineUnavailable?: string | null;
}

export interface ImagePlatformSizeV1 {
  platform: string;
  digest: string;
  compressedBytes: Integer;
  /** The same platform of the baseline tag, null when it has none. */
  baselineBytes: Integer | null;
}

/** The baseline's build a build was compared with. */
export interface BaselineBuildV1 {
  /** `comparison.baselineLabel`. */
  run: string | null;
  name: string;
  status: BuildStatusV1;
  buildSeconds: number | null;
  jobSeconds: number | null;
  cacheRatio: number | null;
}

/** Why the cache broke (README: "Against a baseline"). */
export type CacheBreakReasonV1 =
  | 'dockerfile-edited'
  | 'build-arg-changed'
  | 'context-changed'
  | 'base-image-changed'
  | 'cache-not-imported'
  | 'cache-mode-min'
  | 'cache-evicted'
  | 'platform-added'
  | 'first-build'
  | 'unknown';

/** Where a build stopped using the cache, and why. */
export interface CacheBreakV1 {
  /** The step's bracket as BuildKit printed it: `[4/6]`, `[linux/amd64 builder 2/3]`. */
  step: string;
  /** The instruction as printed (build arguments substituted): `RUN cargo build --release`. */
  instruction: string;
  platform: string | null;
  /** The Dockerfile of the instruction, null without the Dockerfile in the workspace. */
  dockerfile: string | null;
  dockerfileLine: Integer | null;
  reason: CacheBreakReasonV1;
  /** One sentence: the evidence behind the reason. */
  detail: string;
  /** Steps that ran from this one on, this one included. */
  rebuiltSteps: Integer;
  /** The time those steps took. */
  secondsLost: number;
  /** The step's first line in the input. */
  line: Integer;
}

/** This build minus its baseline build. */
export interface DeltasV1 {
  /** Null when either side is unknown. */
  buildSeconds: number | null;
  jobSeconds: number | null;
  /** This build's cache hit ratio minus the baseline's. */
  cacheRatio: number | null;
  /** Seconds of Dockerfile steps per platform (`default` without platforms), both sides. */
  platformSeconds: PlatformSecondsV1[];
  /** Steps that ran in both builds and took at least 5 s more and 1.5 times as long in this one. */
  slowerSteps: SlowerStepV1[];
  /** Compressed image size per platform when both builds' images were measured. */
  imageSizes: ImageSizeChangeV1[];
  /** Finding ids this build has and the baseline had not. */
  newFindings: string[];
  /** Finding ids the baseline had and this build has not. */
  goneFindings: string[];
  /** What the baseline pushed. */
  baselineDigests: Array<{ ref: string; digest: string }>;
}

export interface PlatformSecondsV1 {
  platform: string;
  seconds: number | null;
  baselineSeconds: number | null;
}

export interface SlowerStepV1 {
  step: string;
  instruction: string;
  platform: string | null;
  seconds: number;
  baselineSeconds: number;
}

export interface ImageSizeChangeV1 {
  ref: string;
  platform: string;
  bytes: Integer;
  baselineBytes: Integer;
  /** bytes minus baselineBytes. */
  change: Integer;
}

export interface FindingV1 {
  /** The finding's kind: a catalog id (`qemu-emulation`, `invalid-tag`, …) or a user signature's id. */
  id: string;
  severity: SeverityV1;
  title: string;
  /** Name of the build the finding is about; null for findings about the input itself and the doctor's. */
  build: string | null;
  /** The input file the evidence line numbers refer to (for the doctor, the workflow file; null for live checks). */
  source: string | null;
  evidence: EvidenceLineV1[];
  /** Markdown written by buildx-doctor; values taken from the log appear only as inline code. */
  fix: string;
  /** Places in the repository the finding points at. */
  locations: LocationV1[];
  /** The numbers behind the finding, for scripts (`ratio`, `extraSeconds`, …); which keys depends on `id`. */
  data: Record<string, number | string | null>;
}

export interface LocationV1 {
  kind: 'dockerfile' | 'source';
  /** Relative to the workspace (the repository root). */
  file: string;
  line: Integer;
  column: Integer | null;
  /** Whether the file was found in the workspace. */
  verified: boolean;
}

/** Findings of one kind over builds, as the reports show them. */
export interface FindingGroupV1 {
  id: string;
  severity: SeverityV1;
  title: string;
  /** The builds, in order. */
  builds: string[];
  /** Findings this one explains and that are not shown on their own. */
  folded: Array<{ id: string; build: string | null }>;
  /** What the cause cost over its builds, in seconds; null when not measured. */
  lostSeconds: number | null;
}

export interface InputProblemV1 {
  source: string;
  message: string;
}

/** `pass`, `warn`, `fail`, or `skipped` (the check could not run or was turned off). */
export type CheckStatusV1 = 'pass' | 'warn' | 'fail' | 'skipped';

export interface DoctorCheckV1 {
  /**
   * `workflow.<file>`, `builder.docker`, `builder.buildx`, `builder.current`, `builder.stale`, `builder.drift`,
   * `builder.platforms`, `resources.disk`, `resources.build-cache`, `registry.<image>`, or a group's name
   * (`workflow`, `builder`, …) when the group was skipped or could not run.
   */
  id: string;
  status: CheckStatusV1;
  title: string;
  /** What was seen, or why the check was skipped. */
  detail: string;
}

/** The doctor's part of an analysis report (`mode: both`). */
export interface DoctorSectionV1 {
  /** In order: workflow, builder, resources, registry. */
  checks: DoctorCheckV1[];
  /** The doctor's findings, errors first. */
  findings: FindingV1[];
}

/** The doctor's report alone: `mode: doctor`, `buildx-doctor doctor --format json` or `--report-file`. */
export interface DoctorReportV1 {
  schemaVersion: 1;
  tool: ToolV1;
  doctor: { checks: DoctorCheckV1[] };
  /** The doctor's findings, errors first. */
  findings: FindingV1[];
}
