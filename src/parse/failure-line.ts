// What marks a line as a failure, or as Docker's at all, whatever printed it. Shared by the parser
// (which keeps the lines around failures) and the fallback diagnosis (which quotes them).

// Lines that state a failure, in any build tool's words (BuildKit, the legacy builder, buildx, the
// docker CLI, Kubernetes, CI systems). Vertex lines (`#N ERROR`) are recognised by the vertex parser.
// The docker CLI's usage errors stop a build before it starts (`unknown shorthand flag: 'f' in -f`, a
// plugin such as buildx or compose that is not installed). The old docker CLI printed its fatal errors with logrus's
// level and seconds (`FATA[4215] ...`), at times with nothing after them (a push that broke after its last layer). The legacy
// builder names a failed RUN's command (`The command '/bin/sh -c ...' returned a non-zero code: 1`) only when it failed:
// a paste cut before the code (an issue's title) still says so; prose that quotes a command and goes on does not.
export const FAILURE_LINE =
  /(?:^|[\s>│|])(?:ERROR|[Ee]rror)(?::|\s\[)|\berror\[E\d+\]|failed to (?:solve|build|push|fetch|authorize|copy|compute cache key|read dockerfile|create LLB|register layer|create shim)|OCI runtime \w+ failed|did not complete successfully|returned a non-zero code|executor failed running|Error response from daemon|ImagePullBackOff|ErrImagePull|The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|no space left on device|toomanyrequests|(?:^|\s)Killed$|\bFATAL\b|\bexit code:? \d+|\bsignal: killed\b|\bexited with code [1-9]|[Nn]o space left on device|^E: |has no installation candidate|\[ERROR\]|\bERR!|^fatal: |unexpected (?:HTTP )?status|^(?:denied|unauthorized|forbidden): |\b[Pp]ermission denied\b|Cannot connect to the Docker daemon|requires (?:exactly|at least) \d+ arguments?|no matching manifest|\bpanic: |^Traceback \(most recent call last\)|\*\*\* \[[^\]]*\] Error \d+|\bFinished: FAILURE\b|\bERR_PNPM_\w+|[Cc]ould not connect to|Error parsing reference|marked build as failure|^Push failed: |^(?:unknown|blob unknown|name unknown|manifest unknown|name invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|digest invalid|size invalid|range invalid): |^unknown (?:shorthand )?flag: |^FATA\[\d+\]|^The command '\/bin\/sh -c (?:[^']|'(?! ))*(?:' returned a non-zero code|$)/;

// Lines only Docker, BuildKit, a registry or a Docker CLI print (in any case: a title retells BuildKit's
// `failed to compute cache key` as `Failed ...`): a paste that holds one is never
// refused as "no Docker build output", whatever else it lacks.
// The container runtime's and emulator's words count (runc's `exec format error`, QEMU's `qemu-x86_64: `,
// Kubernetes pulling the image): a paste of a build that ended well followed by the image failing to
// start is a failure of that image, not text to ignore. So does the Engine API's JSON progress stream
// (`{"status":"Pushing","progressDetail":{},"id":"..."}`), which clients and Docker Hub's builds echo, and
// docker-py's SSH transport to a remote daemon (paramiko's `Secsh channel 10 open FAILED: `, Compose v1).
// So do the docker CLI's prefix for the daemon's errors, a layer's progress line of a push or a pull
// (`d46f9f76f72f: Retrying in 3 seconds`), the reference and pull errors of the CLI and the kubelet, and
// other builders' and runtimes' own words (kaniko's `error building image: `, buildah's `error building at STEP`,
// Windows' `hcsshim::`, the devicemapper storage driver's `devmapper: `), never a tool's bare name (a test
// named after podman is no build). So does Go refusing a go.mod newer than itself under `GOTOOLCHAIN=local`,
// which the official golang images set (elsewhere Go fetches the newer toolchain instead of failing), and the build client
// finding no local directory it was to send (the context's or the Dockerfile's: `could not find DIR: stat DIR: no such file ...`),
// and the docker CLI's line before it pulls an image `docker run` asked for (a paste that ends there: the pull failed).
// So do BuildKit's `failed to resolve source metadata` (a paste that keeps only the image's name before it) and the
// legacy builder's `The command '/bin/sh -c ...` cut before `returned a non-zero code` (an issue's title), not a sentence
// that quotes a command and goes on (`The command '/bin/sh -c echo $0' prints ...`: a review).
const DOCKER_WORDS =
  /docker|buildx|buildkit|buildctl|containerd|\bmoby\b|failed to register layer|failed to export image\b|Error processing tar file\b|\bstorage-driver=|\bOCI runtime\b|failed to create shim|\bDockerfile\b|\bPulling from\b|The push refers to (?:a )?repository|manifest (?:list|unknown)|\bfailed to solve\b|^Step \d+(?:\/\d+)? : |^Successfully built [0-9a-f]{12}$|^\[\+\] (?:Building|Pulling|Pushing)\b|^=> |^#\d+ |^---> |exec format error|exec user process caused|standard_init_linux|^qemu(?:-[\w]+)?: |\bOOMKilled\b|\bImagePullBackOff\b|\bErrImagePull\b|no matching manifest|toomanyrequests|error parsing HTTP (?:\d{3} )?response\b|^error checking context: |failed to (?:compute cache key|calculate checksum of ref)\b|\berror on cache query\b|no stage or image found with that name|can't mask dir \S+: mount\b|\bbuild\.secrets only supports file-based secrets\b|"progressDetail":|^Secsh channel \d+ open FAILED: |Error response from daemon|^[0-9a-f]{12}: (?:Preparing|Waiting|Pushing|Pushed|Layer already exists|Retrying in|Pulling fs layer|Downloading|Download complete|Verifying Checksum|Pull complete|Already exists)\b|invalid reference format|pull access denied|Failed to pull image "|image pull failed for |\bhcsshim::|^devmapper: |image operating system "|error building (?:image|stage): |Error: error building at STEP\b|\(running go [\w.]+; GOTOOLCHAIN=local\)|^could not find \S+: stat \S+: no such file or directory$|^Unable to find image '[^']+' locally$|\bfailed to resolve source metadata\b|^The command '\/bin\/sh -c (?:[^']|'(?! ))*(?:' returned a non-zero code|$)/i;
// BuildKit's error block quotes a step's output as `12.34 text` (seconds since the step started), also
// with the output's own indentation (`0.586   Problem 1`, composer's).
const STEP_OUTPUT = /^\d+\.\d+ \S|^\d+\.\d{3} {2,}\S/;
// What else only a container tool's output holds, even in a one-line paste that names no tool: an
// image reference with a registry host and a tag or digest (`ghcr.io/acme/app:1.2: not found`), a
// content digest, the registry API's paths (`/v2/<name>/manifests/<ref>`, `/v2/<name>/tags/list`), a Dockerfile's own
// instructions (also as BuildKit marks the one that failed: `>>> RUN make`, upper case as the Dockerfile has
// them, not Python's prompt), compose's commands and its words for the project it loads (v1's and v2's validation of
// a service against the file's top-level secrets, configs, networks and volumes), a shell that was handed an
// instruction as a command (`/bin/sh: 1: RUN: not found`: the RUN before it ended with a continuation). Tested
// after the cheaper words above, and only for lines that are not a step's (`#N ...` lines never get here).
const CONTAINER_WORDS =
  /(?<![\w/.-])(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)(?::\d+)?\/[a-z0-9._-]+(?:\/[a-z0-9._-]+)*(?::[\w][\w.-]*|@sha256:[0-9a-f]{12})|\bsha256:[0-9a-f]{64}\b|\/v2\/[\w./-]*\/(?:manifests\/|blobs\/|tags\/list\b)|^(?:FROM|ONBUILD) \S|^COPY --from=|(?:^|\| )>>> (?:RUN|COPY|ADD|FROM|WORKDIR) |\bcompose(?:\.ya?ml\b| (?:build|up|pull|push|run|project|file)\b)|\b[Ss]ervice "?[\w.-]+"? (?:uses an undefined|refers to undefined) (?:build )?(?:secret|config|network|volume)\b|^(?:\/bin\/)?(?:ba|da)?sh: (?:\d+: |line \d+: )?(?:RUN|COPY|ADD|WORKDIR|FROM|EXPOSE|ENTRYPOINT): (?:command )?not found$/;

// A registry's answer as the docker CLI prints it (`denied: ...`, `toomanyrequests: ...`): the
// error codes of the registry API (distribution's errcode), lowercased with spaces.
const REGISTRY_REPLY =
  /^(?:denied|unauthorized|forbidden|toomanyrequests|unknown|blob unknown|name unknown|manifest unknown|name invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|digest invalid|size invalid|range invalid|unavailable): /;

/** Whether a failure line is Docker's own: a failure printed after a build that ended is the build's only then. */
export function isDockerFailure(bare: string): boolean {
  return REGISTRY_REPLY.test(bare) || isDockerRelated(bare);
}

/** Whether a line (without leading blanks) can only come from Docker or its tools. */
export function isDockerRelated(bare: string): boolean {
  return DOCKER_WORDS.test(bare) || STEP_OUTPUT.test(bare) || (mayNameContainerThings(bare) && CONTAINER_WORDS.test(bare));
}

/** A cheap test before CONTAINER_WORDS: each of its forms holds a slash, a digest, compose's words, a leading keyword or a shell's `not found`. */
function mayNameContainerThings(bare: string): boolean {
  return (
    bare.includes('/') ||
    bare.includes('sha256:') ||
    bare.includes('compose') ||
    bare.includes('ervice ') ||
    bare.includes('>>> ') ||
    bare.endsWith(': not found') ||
    /^(?:FROM|ONBUILD|COPY) /.test(bare)
  );
}
