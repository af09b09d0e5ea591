export const id = 254;
export const ids = [254];
export const modules = {

/***/ 7335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ INSPECT_JSON_MIN),
/* harmony export */   CC: () => (/* binding */ HISTORY_MIN),
/* harmony export */   Ou: () => (/* binding */ parseBuildxVersion),
/* harmony export */   jZ: () => (/* binding */ atLeast),
/* harmony export */   qJ: () => (/* binding */ detectBuildx)
/* harmony export */ });
/* unused harmony export resetBuildxDetection */
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5037);

/** `github.com/docker/buildx v0.29.1 b128...` or Debian's `github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4`. */
function parseBuildxVersion(output) {
    const match = /buildx\s+v?(\d+)\.(\d+)\.(\d+)/.exec(output);
    if (!match)
        return null;
    return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), raw: `${match[1]}.${match[2]}.${match[3]}` };
}
function atLeast(version, major, minor) {
    return version.major > major || (version.major === major && version.minor >= minor);
}
/** What the history source needs: `buildx history` came in 0.20, `history inspect --format json` in 0.21. */
const HISTORY_MIN = { major: 0, minor: 20 };
const INSPECT_JSON_MIN = { major: 0, minor: 21 };
let detected = null;
/** The buildx version, detected once per process; a string says why there is none. */
function detectBuildx() {
    detected ??= (async () => {
        try {
            const result = await (0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T)(['buildx', 'version'], { timeoutMs: 30_000 });
            if (result.exitCode !== 0)
                return `docker buildx is not available (${firstLine(result.stderr) || `exit code ${result.exitCode}`})`;
            return parseBuildxVersion(result.stdout) ?? `could not read the buildx version from "${firstLine(result.stdout)}"`;
        }
        catch (error) {
            return `docker is not installed on this runner (${error.message.split('\n')[0]})`;
        }
    })();
    return detected;
}
/** For tests: forget the detected version. */
function resetBuildxDetection() {
    detected = null;
}
function firstLine(text) {
    return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}


/***/ }),

/***/ 5037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ DockerMissingError),
/* harmony export */   T: () => (/* binding */ docker)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Output beyond this is not kept (a history log is one build's output; this is far above it). */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** Thrown when docker cannot be started at all: not installed, not executable. */
class DockerMissingError extends Error {
}
/**
 * Runs the docker CLI quietly (its output is data, not for the job log) and returns what it printed.
 * A failing command is a result; it throws only when docker cannot be started (DockerMissingError)
 * or is still running at the time limit, when it is killed. node's child_process rather than
 * @actions/exec: @actions/exec has no way to end a process, and a registry that never answers would
 * keep docker, and so the action, alive.
 */
function docker(args, options = {}) {
    const binary = process.env.BUILDX_DOCTOR_DOCKER || 'docker';
    const timeoutMs = options.timeoutMs ?? 120_000;
    // The environment is passed explicitly: what this process has now (DOCKER_HOST, DOCKER_CONFIG set by
    // earlier steps or by a caller) is what docker must see.
    const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e) => e[1] !== undefined));
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, args, { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const out = [];
        const err = [];
        let outBytes = 0;
        let errBytes = 0;
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (b) => {
            if (outBytes < MAX_OUTPUT)
                out.push(b);
            outBytes += b.length;
        });
        child.stderr.on('data', (b) => {
            if (errBytes < MAX_OUTPUT)
                err.push(b);
            errBytes += b.length;
        });
        child.stdin.on('error', () => undefined); // docker may exit before reading its input
        child.stdin.end(options.input ?? '');
        child.once('error', (error) => {
            clearTimeout(timer);
            const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
            reject(new DockerMissingError(`cannot run ${binary}: ${why}`));
        });
        child.once('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new Error(`docker ${args.slice(0, 3).join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
                return;
            }
            const text = (chunks) => Buffer.concat(chunks).toString('utf8').slice(0, MAX_OUTPUT);
            resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: text(out), stderr: text(err) });
        });
    });
}


/***/ }),

/***/ 9254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historySources: () => (/* binding */ historySources)
});

// EXTERNAL MODULE: ./src/input/log-source.ts
var log_source = __webpack_require__(2310);
// EXTERNAL MODULE: ./src/buildx/docker-cli.ts
var docker_cli = __webpack_require__(5037);
// EXTERNAL MODULE: ./src/buildx/buildx-version.ts
var buildx_version = __webpack_require__(7335);
// EXTERNAL MODULE: ./src/text/detach.ts
var detach = __webpack_require__(9548);
;// CONCATENATED MODULE: ./src/buildx/history-record.ts

/** Reads the inspect JSON. Returns null (never throws) for anything that is not a record. */
function parseHistoryRecord(text) {
    // Only the fields read here; unknown, because buildx's JSON is checked field by field below.
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return null;
    }
    if (!raw || typeof raw !== 'object' || typeof raw.Ref !== 'string')
        return null;
    const error = raw.Error && typeof raw.Error === 'object' ? raw.Error : null;
    return {
        ref: raw.Ref,
        name: typeof raw.Name === 'string' ? raw.Name : null,
        dockerfile: typeof raw.Dockerfile === 'string' ? raw.Dockerfile : null,
        status: statusOf(raw.Status),
        durationSeconds: typeof raw.Duration === 'number' ? Math.round(raw.Duration / 1e8) / 10 : null,
        totalSteps: numberOrNull(raw.NumTotalSteps),
        cachedSteps: numberOrNull(raw.NumCachedSteps),
        completedSteps: numberOrNull(raw.NumCompletedSteps),
        error: error
            ? {
                message: typeof error.Message === 'string' ? error.Message : '',
                step: typeof error.Name === 'string' ? error.Name : null,
                logs: Array.isArray(error.Logs) ? error.Logs.map(String).slice(-30) : [],
                // The Dockerfile excerpt (`Dockerfile:3`, `>>>`), base64. Not the stack, which holds the daemon's command line.
                sources: typeof error.Sources === 'string'
                    ? Buffer.from(error.Sources, 'base64')
                        .toString('utf8')
                        .split('\n')
                        .filter((l) => l !== '')
                        .slice(0, 60)
                    : [],
            }
            : null,
    };
}
function statusOf(value) {
    const text = (typeof value === 'string' ? value : '').toLowerCase();
    if (text === 'completed' || text === 'complete' || text === 'success')
        return 'success';
    if (text === 'failed' || text === 'error')
        return 'failure';
    if (text === 'canceled' || text === 'cancelled')
        return 'canceled';
    return 'unknown';
}
function numberOrNull(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
/**
 * The record is BuildKit's own account: its status, duration and error win over what the log
 * replay suggests, and its Dockerfile excerpt lets the diagnosis point at the line.
 */
function applyRecord(build, record) {
    build.origin = 'buildx history record';
    if (record.name)
        build.name = record.name;
    if (record.status !== 'unknown')
        build.status = record.status;
    if (record.durationSeconds !== null)
        build.buildSeconds = record.durationSeconds;
    if (record.dockerfile && !build.request.dockerfile)
        build.request.dockerfile = record.dockerfile;
    if (record.error) {
        const line = build.lastLine;
        if (record.error.message && !build.errors.some((e) => e.text.includes(record.error.message))) {
            build.errors.push({ line, text: (0,detach/* detach */.Y)(`ERROR: ${record.error.message}`) });
        }
        if (record.error.sources.length > 0 && !build.errorDetails.some((e) => /^\S+:\d+$/.test(e.text))) {
            build.errorDetails.push(...record.error.sources.map((text) => ({ line, text: (0,detach/* detach */.Y)(text) })));
        }
    }
    if (record.totalSteps !== null && record.cachedSteps !== null) {
        build.notes.push(`buildx history: ${record.completedSteps ?? '?'}/${record.totalSteps} steps completed, ${record.cachedSteps} cached`);
    }
}

;// CONCATENATED MODULE: ./src/buildx/history-source.ts





/**
 * BuildKit's own record of builds that ran on this machine, read through `docker buildx history`:
 * the logs as rawjson (exact times, cached flags, errors) and the record (status, duration, the
 * error with its Dockerfile excerpt). With nothing given, the latest record of the current builder.
 */
async function historySources(request) {
    const notes = [];
    const version = await (0,buildx_version/* detectBuildx */.qJ)();
    if (typeof version === 'string')
        return { sources: [], notes: [`buildx history is not available: ${version}`] };
    if (!(0,buildx_version/* atLeast */.jZ)(version, buildx_version/* HISTORY_MIN */.CC.major, buildx_version/* HISTORY_MIN */.CC.minor)) {
        return { sources: [], notes: [`buildx ${version.raw} has no "buildx history" (it needs 0.${buildx_version/* HISTORY_MIN */.CC.minor}); give the build's log in "logs" instead`] };
    }
    const inspectJson = (0,buildx_version/* atLeast */.jZ)(version, buildx_version/* INSPECT_JSON_MIN */.$r.major, buildx_version/* INSPECT_JSON_MIN */.$r.minor);
    if (!inspectJson)
        notes.push(`buildx ${version.raw} cannot print records as JSON (it needs 0.${buildx_version/* INSPECT_JSON_MIN */.$r.minor}): status and timing come from the record's logs only`);
    const wanted = [
        ...request.metadata.filter((m) => m.ref).map((m) => ({ ref: m.ref, metadata: m })),
        ...request.refs.map((ref) => ({ ref, metadata: null })),
    ];
    if (wanted.length === 0) {
        const latest = await latestRef();
        if (typeof latest !== 'string' || latest.startsWith('!')) {
            return { sources: [], notes: [...notes, typeof latest === 'string' ? latest.slice(1) : 'the builder has no build record'] };
        }
        wanted.push({ ref: latest, metadata: null });
    }
    const sources = [];
    for (const { ref, metadata } of wanted) {
        const { id, builderArgs } = splitRef(ref);
        const logs = await (0,docker_cli/* docker */.T)(['buildx', 'history', 'logs', ...builderArgs, '--progress=rawjson', id]);
        if (logs.exitCode !== 0) {
            notes.push(`build record ${id}: ${firstLine(logs.stderr) || `docker exited with ${logs.exitCode}`} (the record may have been removed, or the builder is gone)`);
            continue;
        }
        const record = inspectJson ? await (0,docker_cli/* docker */.T)(['buildx', 'history', 'inspect', ...builderArgs, '--format', 'json', id]) : null;
        const parsed = record && record.exitCode === 0 ? parseHistoryRecord(record.stdout) : null;
        if (record && !parsed)
            notes.push(`build record ${id}: "history inspect" gave no record (${firstLine(record.stderr) || 'no JSON'})`);
        // `history logs` writes the progress to stderr.
        const source = (0,log_source/* textSource */.rC)(`buildx history ${id}`, logs.stderr || logs.stdout);
        sources.push({
            ...source,
            name: metadata?.target ?? parsed?.name ?? `build ${id.slice(0, 12)}`,
            enrich: (builds) => {
                for (const build of builds) {
                    if (parsed)
                        applyRecord(build, parsed);
                    else
                        build.origin = 'buildx history logs';
                    if (metadata)
                        applyMetadata(build, metadata);
                }
            },
        });
    }
    return { sources, notes };
}
/** The newest record of the current builder; a string starting with `!` says why there is none. */
async function latestRef() {
    const result = await (0,docker_cli/* docker */.T)(['buildx', 'history', 'ls', '--format', 'json']);
    if (result.exitCode !== 0)
        return `!could not list build records: ${firstLine(result.stderr) || `exit code ${result.exitCode}`}`;
    for (const line of result.stdout.split('\n')) {
        try {
            const entry = JSON.parse(line);
            if (typeof entry?.ref === 'string' && entry.ref)
                return entry.ref;
        }
        catch {
            // not a record line
        }
    }
    return '!the current builder has no build record (nothing was built on this runner)';
}
/** `builder/node/ref` \u2192 `--builder builder` and the ref; a bare ref stays as it is. */
function splitRef(ref) {
    const parts = ref.split('/');
    if (parts.length === 3 && parts.every(Boolean))
        return { id: parts[2], builderArgs: ['--builder', parts[0]] };
    return { id: ref, builderArgs: [] };
}
function applyMetadata(build, metadata) {
    for (const name of metadata.imageNames) {
        const known = build.images.find((i) => i.ref === name);
        if (known)
            known.digest ??= metadata.digest;
        else
            build.images.push({ ref: (0,detach/* detach */.Y)(name), digest: metadata.digest, pushed: false });
    }
    build.checks.push(...metadata.warnings);
}
function firstLine(text) {
    return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}


/***/ })

};
