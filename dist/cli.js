#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/input/errors.ts
/**
 * A problem with what the user gave us (a missing file, an empty or binary log, a bad input value).
 * It is reported as one line, never as a stack trace.
 */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/** One line for a person, whatever was thrown. */
function describeError(error) {
    if (error instanceof Error)
        return error.message.split('\n')[0] ?? String(error);
    return String(error).split('\n')[0] ?? 'unknown error';
}

;// CONCATENATED MODULE: ./src/input/line-reader.ts

const DEFAULT_LINE_READER_OPTIONS = {
    // BuildKit lines are short; the longest real ones (build-push-action's metadata JSON, a
    // `docker buildx build` command line) stay well under this.
    maxLineBytes: 64 * 1024,
    sniffBytes: 8 * 1024,
};
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/**
 * Splits a byte stream into lines and hands each to `onLine` as soon as it is complete.
 * Memory is bounded by the chunk size plus `maxLineBytes`, whatever the size of the input or of a
 * single line. Push-based rather than an async iterator: it is the hot path of every analysis.
 */
async function readLines(chunks, onLine, options = DEFAULT_LINE_READER_OPTIONS) {
    let lineNo = 0;
    let bytes = 0;
    let parts = [];
    let kept = 0;
    let cut = 0;
    let sniffed = 0;
    const append = (piece) => {
        const room = options.maxLineBytes - kept;
        if (piece.length <= room) {
            if (piece.length > 0)
                parts.push(piece);
            kept += piece.length;
        }
        else {
            if (room > 0)
                parts.push(piece.subarray(0, room));
            kept += Math.max(room, 0);
            cut += piece.length - Math.max(room, 0);
        }
    };
    const emit = () => {
        let buffer = parts.length === 1 ? parts[0] : Buffer.concat(parts, kept);
        if (buffer.length > 0 && buffer[buffer.length - 1] === CARRIAGE_RETURN && cut === 0) {
            buffer = buffer.subarray(0, buffer.length - 1);
        }
        lineNo += 1;
        onLine({ no: lineNo, text: buffer.toString('utf8'), cutBytes: cut });
        parts = [];
        kept = 0;
        cut = 0;
    };
    for await (const chunk of chunks) {
        const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (sniffed < options.sniffBytes) {
            const window = data.subarray(0, options.sniffBytes - sniffed);
            if (window.includes(0)) {
                throw new InputError(`binary data (a NUL byte within the first ${options.sniffBytes} bytes), not a build log`);
            }
            sniffed += window.length;
        }
        bytes += data.length;
        let start = 0;
        for (;;) {
            const end = data.indexOf(NEWLINE, start);
            if (end === -1)
                break;
            append(data.subarray(start, end));
            emit();
            start = end + 1;
        }
        if (start < data.length)
            append(data.subarray(start));
    }
    if (kept > 0 || cut > 0)
        emit();
    return { lines: lineNo, bytes };
}

;// CONCATENATED MODULE: ./src/decode/timestamp.ts
// GitHub's runner writes `2025-09-24T01:56:21.9780659Z` (seven fractional digits). This runs for
// every line of a log, so it reads digits by char code (no regex, no Date.parse per line) and caches
// the date part, which changes once a day of log.
let cachedDate = '';
let cachedDateMs = 0;
const ZERO = 48;
function digits(text, start, count) {
    let value = 0;
    for (let i = start; i < start + count; i++) {
        const d = text.charCodeAt(i) - ZERO;
        if (d < 0 || d > 9)
            return -1;
        value = value * 10 + d;
    }
    return value;
}
/** Milliseconds since the epoch, or null when `text` is not a runner timestamp. */
function parseRunnerTimestamp(text) {
    // YYYY-MM-DDTHH:MM:SS[.fffffff]Z
    if (text.length < 20 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(text.length - 1) !== 90 /* Z */)
        return null;
    if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
        return null;
    const date = text.slice(0, 10);
    if (date !== cachedDate) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
            return null;
        const dayMs = Date.parse(`${date}T00:00:00Z`);
        if (Number.isNaN(dayMs))
            return null;
        cachedDate = date;
        cachedDateMs = dayMs;
    }
    const h = digits(text, 11, 2);
    const m = digits(text, 14, 2);
    const s = digits(text, 17, 2);
    if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 60)
        return null;
    let ms = 0;
    const end = text.length - 1;
    if (end > 19) {
        if (text.charCodeAt(19) !== 46 /* . */ || end === 20)
            return null;
        const fraction = digits(text, 20, Math.min(3, end - 20));
        if (fraction < 0 || digits(text, 20, end - 20) < 0)
            return null;
        ms = end - 20 >= 3 ? fraction : fraction * 10 ** (3 - (end - 20));
    }
    else if (end !== 19) {
        return null;
    }
    return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

;// CONCATENATED MODULE: ./src/decode/line-decoder.ts

// `gh run view --log`: JOB<TAB>STEP<TAB>[BOM]TIMESTAMP TEXT
const GH_RUN_VIEW = /^([^\t]+)\t([^\t]*)\t\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
// A job log as the API or the web UI gives it: [BOM]TIMESTAMP TEXT
const ACTIONS = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
const RUNNER_COMMAND = /^##\[(group|endgroup|error|warning|notice|debug|section)\]/;
// CSI sequences (colours, cursor moves) and OSC sequences (titles, hyperlinks).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/**
 * Turns raw lines into decoded ones. Detection is per line, so files that mix formats (a
 * `gh run view` file with multi-line values, a job log with plain continuation lines) decode
 * correctly; the only state is what a continuation line inherits from the line before it.
 */
class LineDecoder {
    job = null;
    step = null;
    timestamp = null;
    format = 'plain';
    decode(raw) {
        let text = raw.text;
        let format;
        const gh = text.includes('\t') ? GH_RUN_VIEW.exec(text) : null;
        if (gh) {
            format = 'gh-run-view';
            this.job = gh[1];
            this.step = gh[2];
            this.timestamp = parseRunnerTimestamp(gh[3]) ?? this.timestamp;
            text = gh[4];
        }
        else if (this.format === 'gh-run-view' && this.isSameJobStep(text)) {
            // A continuation of a multi-line value: `JOB<TAB>STEP<TAB>TEXT` without a timestamp.
            format = 'gh-run-view';
            text = text.slice(this.job.length + this.step.length + 2);
        }
        else {
            const actions = ACTIONS.exec(text);
            if (actions) {
                format = 'actions';
                this.timestamp = parseRunnerTimestamp(actions[1]) ?? this.timestamp;
                text = actions[2];
                if (this.format === 'gh-run-view')
                    this.job = this.step = null;
            }
            else {
                // No prefix: a continuation line of whatever came before, or a plain BuildKit log.
                format = this.format;
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
            }
        }
        this.format = format;
        if (text.includes('\u001b'))
            text = text.replace(ANSI, '');
        let command = null;
        if (text.startsWith('##[')) {
            const match = RUNNER_COMMAND.exec(text);
            if (match) {
                command = match[1];
                text = text.slice(match[0].length);
            }
        }
        return {
            no: raw.no,
            text,
            timestamp: format === 'plain' ? null : this.timestamp,
            job: format === 'gh-run-view' ? this.job : null,
            step: format === 'gh-run-view' ? this.step : null,
            command,
            format,
        };
    }
    isSameJobStep(text) {
        if (this.job === null || this.step === null)
            return false;
        return text.startsWith(`${this.job}\t${this.step}\t`);
    }
}

;// CONCATENATED MODULE: ./src/parse/vertex-name.ts
// `[linux/arm64 builder  2/15] RUN ...`, `[stage-1 2/2] COPY ...`, `[1/4] FROM ...`,
// `[linux/amd64->arm64 build 3/7] RUN ...` (cross-compiling from the build platform).
const INSTRUCTION = /^\[(?:([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?(?:->[a-z0-9_/]+)?) +)?(?:([^\s\]]+) +)?(\d+)\/(\d+)\] +([A-Z]+)\b ?(.*)$/s;
// `[internal] load build context`, `[linux/arm64 internal] load metadata for ...`, `[auth] ...`
const BRACKETED = /^\[(?:([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?) +)?(internal|auth)\] ?(.*)$/s;
const CACHE_IMPORT = /^importing cache manifest from (\S+)/;
// Exporter vertex names across BuildKit versions; the older ones do not name the backend.
const CACHE_EXPORTS = [
    [/^exporting to GitHub Actions Cache/i, 'gha'],
    [/^exporting cache to GitHub Actions Cache/i, 'gha'],
    [/^exporting cache to registry/i, 'registry'],
    [/^exporting cache to client directory/i, 'local'],
    [/^exporting cache to Amazon S3/i, 's3'],
    [/^exporting cache to Azure Blob Storage/i, 'azblob'],
    [/^exporting cache\b/i, null],
    [/^exporting content cache\b/i, null],
];
const IMAGE_EXPORT = /^(exporting to |copying files\b|exporting layers\b)/;
/** Splits a vertex name into its parts. Never throws: an unknown shape is kind `other`. */
function parseVertexName(name) {
    const base = {
        platform: null,
        stage: null,
        index: null,
        total: null,
        instruction: null,
        command: name,
        kind: 'other',
        cacheKind: null,
        cacheRef: null,
    };
    const instruction = INSTRUCTION.exec(name);
    if (instruction) {
        return {
            ...base,
            platform: instruction[1] ?? null,
            stage: instruction[2] ?? null,
            index: Number(instruction[3]),
            total: Number(instruction[4]),
            instruction: instruction[5],
            command: instruction[6] ?? '',
            kind: 'instruction',
        };
    }
    const bracketed = BRACKETED.exec(name);
    if (bracketed) {
        return { ...base, platform: bracketed[1] ?? null, command: bracketed[3] ?? '', kind: bracketed[2] };
    }
    const cacheImport = CACHE_IMPORT.exec(name);
    if (cacheImport) {
        const ref = cacheImport[1];
        return { ...base, kind: 'cache-import', cacheKind: cacheKindOfRef(ref), cacheRef: ref };
    }
    for (const [pattern, kind] of CACHE_EXPORTS) {
        if (pattern.test(name))
            return { ...base, kind: 'cache-export', cacheKind: kind };
    }
    if (IMAGE_EXPORT.test(name))
        return { ...base, kind: 'export' };
    return base;
}
/** The cache backend of an `importing cache manifest from REF` reference. */
function cacheKindOfRef(ref) {
    const scheme = /^([a-z0-9]+):/.exec(ref);
    if (scheme && ['gha', 'local', 's3', 'azblob'].includes(scheme[1]))
        return scheme[1];
    return 'registry';
}
/** The `type=` of a `--cache-to`/`--cache-from` value (`type=gha,mode=max` -> `gha`). */
function cacheKindOfOption(value) {
    const type = /(?:^|,)type=([a-z0-9]+)/.exec(value);
    if (type)
        return type[1];
    // A bare reference (`--cache-from ghcr.io/org/app:cache`) is a registry cache.
    return value.trim() ? 'registry' : null;
}

;// CONCATENATED MODULE: ./src/parse/invocation.ts
function emptyInvocation() {
    return { dockerfile: null, platforms: [], cacheFrom: [], cacheTo: [], tags: [], push: false };
}
// `docker build`, `docker buildx build`, `docker buildx bake`, `docker image build`, as the runner echoes
// them (`[command]/usr/bin/docker buildx build ...`) or as a shell prints them (`+ docker build ...`).
const BUILD_COMMAND = /^(?:\[command\]|\+ |\$ )?\S*docker(?:\s+--?[\w-]+(?:[=\s]\S+)?)*\s+(?:buildx\s+(?:build|b|bake)|builder\s+build|image\s+build|build)(?:\s|$)/;
/** Whether a line is a build command being run, which starts a new build. */
function isBuildCommand(text) {
    return text.length < 16384 && BUILD_COMMAND.test(text);
}
/** Splits a command line into words, honouring simple quotes. */
function words(text) {
    const out = [];
    const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        out.push(match[1] ?? match[2] ?? match[3] ?? '');
    }
    return out;
}
/** Reads the options buildx-doctor cares about from a build command line. */
function parseBuildCommand(text) {
    const result = emptyInvocation();
    const argv = words(text);
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => inline ?? argv[++i] ?? '';
        switch (flag) {
            case '-f':
            case '--file':
                result.dockerfile = value();
                break;
            case '--platform':
                result.platforms.push(...splitList(value()));
                break;
            case '--cache-from':
                result.cacheFrom.push(value());
                break;
            case '--cache-to':
                result.cacheTo.push(value());
                break;
            case '-t':
            case '--tag':
                result.tags.push(value());
                break;
            case '--push':
                result.push = true;
                break;
            case '--output':
            case '-o': {
                const output = value();
                if (/(?:^|,)push=true/.test(output) || /^type=registry/.test(output))
                    result.push = true;
                break;
            }
            default:
                break;
        }
    }
    return result;
}
/**
 * docker/build-push-action echoes its inputs under `##[group]Run docker/build-push-action@vN` as
 * `  key: value` lines. Returns true when the line was one of the inputs it knows.
 */
function applyActionInput(invocation, text) {
    const match = /^ {2}([a-z-]+): (.*)$/.exec(text);
    if (!match)
        return false;
    const [, key, value] = match;
    switch (key) {
        case 'file':
            invocation.dockerfile = value.trim() || invocation.dockerfile;
            return true;
        case 'platforms':
            invocation.platforms = splitList(value);
            return true;
        case 'cache-from':
            invocation.cacheFrom = value.trim() ? [value.trim()] : [];
            return true;
        case 'cache-to':
            invocation.cacheTo = value.trim() ? [value.trim()] : [];
            return true;
        case 'push':
            invocation.push = value.trim() === 'true';
            return true;
        default:
            return false;
    }
}
function splitList(value) {
    return value
        .split(/[,\s]+/)
        .map((part) => part.trim())
        .filter(Boolean);
}

;// CONCATENATED MODULE: ./src/text/detach.ts
/**
 * A copy of `text` that no longer shares memory with the string it was cut from. V8 keeps a whole
 * line alive behind any slice or regex capture of it; a build keeps a few strings from thousands of
 * lines, so without copying, its memory would grow with the log instead of with the build.
 * Only for strings that outlive their line: not for the per-line hot path.
 */
function detach(text) {
    return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}

;// CONCATENATED MODULE: ./src/parse/build-state.ts



/** How many of a step's last output lines are kept while it runs (for error evidence). */
const TAIL_LINES = 30;
/** How many lines of the error block after a failure are kept. */
const ERROR_DETAIL_LINES = 200;
const ERROR_LINES = 20;
const BOOTING = /^\[internal\] booting buildkit/;
/**
 * Everything known about one build while its lines are read. Holds per-step summaries and a few
 * bounded buffers, never the log itself.
 */
class BuildState {
    vertices = new Map();
    images = new Map();
    errors = [];
    errorDetails = [];
    notes = [];
    invocation = emptyInvocation();
    startTs = null;
    endTs = null;
    firstLine;
    lastLine;
    /** The runner step the build ran in (gh run view logs), to tell its errors from later steps'. */
    step;
    failed = false;
    canceled = false;
    /** Set when the runner starts another step: later lines are not this build's. */
    closed = false;
    /** After a failure BuildKit prints the `------` block and the Dockerfile excerpt: keep them. */
    capturingErrorBlock = false;
    metadataDigest = null;
    firstText = '';
    lastText = '';
    constructor(line, timestamp, step, text = '') {
        this.firstText = text;
        this.lastText = text;
        this.firstLine = line;
        this.lastLine = line;
        this.startTs = timestamp;
        this.endTs = timestamp;
        this.step = step;
    }
    get hasVertices() {
        return this.vertices.size > 0;
    }
    /**
     * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
     * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
     */
    get hasBuildSteps() {
        for (const vertex of this.vertices.values())
            if (!BOOTING.test(vertex.name))
                return true;
        return false;
    }
    /**
     * True once the build has visibly ended: it failed, or every step ended and an exporter finished.
     * A `#1` header after that belongs to the next build (old BuildKit prints no `#0` line); before
     * that it is the same step printed again, which BuildKit does after a step is DONE.
     */
    get ended() {
        if (this.failed)
            return true;
        let exported = false;
        for (const vertex of this.vertices.values()) {
            if (vertex.status === 'running')
                return false;
            if (vertex.parsed.kind === 'export' || vertex.parsed.kind === 'cache-export')
                exported = true;
        }
        return exported;
    }
    touch(line, timestamp, text) {
        this.lastLine = line;
        if (text !== undefined)
            this.lastText = text;
        if (timestamp !== null) {
            this.endTs = timestamp;
            if (this.startTs === null)
                this.startTs = timestamp;
        }
    }
    vertex(id, name, line) {
        let vertex = this.vertices.get(id);
        if (!vertex) {
            const own = detach(name);
            vertex = { id, name: own, parsed: parseVertexName(own), status: 'running', seconds: null, line, endLine: null, endText: null, error: null, tail: [] };
            this.vertices.set(id, vertex);
        }
        return vertex;
    }
    addTail(vertex, evidence) {
        vertex.tail.push(evidence);
        if (vertex.tail.length > TAIL_LINES)
            vertex.tail.shift();
    }
    addError(evidence) {
        if (this.errors.length < ERROR_LINES && !this.errors.some((e) => e.text === evidence.text)) {
            this.errors.push({ line: evidence.line, text: detach(evidence.text) });
        }
    }
    addErrorDetail(evidence) {
        if (this.errorDetails.length < ERROR_DETAIL_LINES)
            this.errorDetails.push({ line: evidence.line, text: detach(evidence.text) });
    }
    addImage(ref, digest, pushed) {
        const known = this.images.get(ref);
        if (known) {
            known.digest = digest === null ? known.digest : detach(digest);
            known.pushed ||= pushed;
        }
        else {
            const own = detach(ref);
            this.images.set(own, { ref: own, digest: digest === null ? null : detach(digest), pushed });
        }
    }
    status(jobCanceled) {
        if (this.failed)
            return 'failure';
        if (this.canceled || jobCanceled)
            return 'canceled';
        const vertices = [...this.vertices.values()];
        if (vertices.some((v) => v.status === 'error'))
            return 'failure';
        if (vertices.length === 0)
            return 'unknown';
        if (vertices.some((v) => v.status === 'running'))
            return 'unknown';
        if (vertices.some((v) => v.status === 'canceled'))
            return 'canceled';
        return 'success';
    }
    toBuild(name, source, job, jobSeconds, nativePlatform, jobCanceled) {
        const steps = [];
        const imports = [];
        const exports = [];
        const platforms = [];
        for (const vertex of this.vertices.values()) {
            const parsed = vertex.parsed;
            if (parsed.platform && !platforms.includes(parsed.platform))
                platforms.push(parsed.platform);
            if (parsed.kind === 'cache-import') {
                imports.push({ kind: parsed.cacheKind ?? 'unknown', ref: parsed.cacheRef, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
            }
            else if (parsed.kind === 'cache-export') {
                const option = this.invocation.cacheTo[0] ?? null;
                const kind = parsed.cacheKind ?? (option ? cacheKindOfOption(option) : null) ?? 'unknown';
                exports.push({ kind, ref: option, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
            }
            steps.push({
                id: vertex.id,
                name: vertex.name,
                platform: parsed.platform,
                stage: parsed.stage,
                index: parsed.index,
                total: parsed.total,
                instruction: parsed.instruction,
                command: parsed.command,
                kind: parsed.kind,
                cached: vertex.status === 'cached',
                seconds: vertex.seconds,
                status: vertex.status,
                line: vertex.line,
                endLine: vertex.endLine,
                endText: vertex.endText,
                error: vertex.error,
            });
        }
        for (const platform of this.invocation.platforms)
            if (!platforms.includes(platform))
                platforms.push(platform);
        const running = steps.filter((s) => s.status === 'running').length;
        const status = this.status(jobCanceled);
        const notes = [...this.notes];
        if (status === 'unknown' && running > 0) {
            notes.push(`the log ends while ${running} step(s) were still running: it may be truncated or the build still in progress`);
        }
        return {
            name,
            source,
            job,
            status,
            jobSeconds,
            buildSeconds: this.startTs !== null && this.endTs !== null ? round((this.endTs - this.startTs) / 1000) : null,
            platforms,
            nativePlatform,
            request: {
                ...this.invocation,
                dockerfile: this.invocation.dockerfile === null ? null : detach(this.invocation.dockerfile),
                platforms: this.invocation.platforms.map(detach),
                cacheFrom: this.invocation.cacheFrom.map(detach),
                cacheTo: this.invocation.cacheTo.map(detach),
                tags: this.invocation.tags.map(detach),
            },
            steps,
            cache: { imports, exports },
            images: [...this.images.values()],
            errors: [...this.errors],
            errorDetails: [...this.errorDetails],
            failedStepTail: ([...this.vertices.values()].find((v) => v.status === 'error')?.tail ?? []).map((e) => ({ line: e.line, text: detach(e.text) })),
            firstLine: this.firstLine,
            lastLine: this.lastLine,
            boundary: { first: { line: this.firstLine, text: detach(this.firstText) }, last: { line: this.lastLine, text: detach(this.lastText) } },
            notes,
        };
    }
}
function round(seconds) {
    return Math.round(seconds * 10) / 10;
}

;// CONCATENATED MODULE: ./src/parse/vertex-line.ts

// The status words BuildKit's plain printer puts after `#N `.
const DONE = /^DONE(?: (\d+(?:\.\d+)?)s)?$/;
const ERROR = /^ERROR(?: (\d+(?:\.\d+)?)s)?(?::\s?(.*))?$/s;
// `#N 12.34 text`: output of a running step, with seconds since it started.
const OUTPUT = /^\d+\.\d+ (.*)$/s;
const PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const NAMED = /^naming to (\S+)(?: done)?/;
const VERTEX_DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * Applies one `#N ...` line to the build. The plain printer writes a header (`#N NAME`) the first
 * time a step shows up and again whenever the output switches back to it, so a line that repeats
 * the step's name is a header and everything else is status or output of that step.
 */
function applyVertexLine(build, id, rest, line) {
    const known = build.vertices.get(id);
    if (!known) {
        if (isStatus(rest)) {
            // A status for a step whose header we never saw (the log was cut at its start).
            applyStatus(build, build.vertex(id, `#${id}`, line.no), rest, line);
        }
        else {
            build.vertex(id, rest, line.no);
        }
        return;
    }
    if (rest === known.name)
        return;
    applyStatus(build, known, rest, line);
}
function isStatus(rest) {
    return rest === 'CACHED' || rest === 'CANCELED' || rest === '...' || DONE.test(rest) || rest.startsWith('ERROR');
}
function applyStatus(build, vertex, rest, line) {
    if (rest === '...')
        return;
    if (isStatus(rest)) {
        vertex.endLine = line.no;
        vertex.endText = detach(line.text);
    }
    if (rest === 'CACHED') {
        vertex.status = 'cached';
        vertex.seconds ??= 0;
        vertex.tail = [];
        return;
    }
    if (rest === 'CANCELED') {
        if (vertex.status === 'running')
            vertex.status = 'canceled';
        return;
    }
    const done = DONE.exec(rest);
    if (done) {
        // A step can be reported DONE more than once (the build context is); the last one counts.
        vertex.status = 'done';
        vertex.seconds = done[1] !== undefined ? Number(done[1]) : vertex.seconds;
        vertex.tail = [];
        return;
    }
    const error = rest.startsWith('ERROR') ? ERROR.exec(rest) : null;
    if (error) {
        vertex.status = 'error';
        if (error[1] !== undefined)
            vertex.seconds = Number(error[1]);
        vertex.error = error[2] === undefined ? vertex.error : detach(error[2]);
        if (vertex.parsed.kind !== 'cache-import') {
            // A cache import that fails is only a warning for BuildKit; anything else fails the build.
            build.failed = true;
            build.capturingErrorBlock = true;
            build.addError({ line: line.no, text: `#${vertex.id} ${rest}` });
        }
        return;
    }
    // BuildKit before v0.9 prints each step's digest as its first status line: not output.
    if (VERTEX_DIGEST.test(rest))
        return;
    const output = OUTPUT.exec(rest);
    build.addTail(vertex, { line: line.no, text: output ? output[1] : rest });
    if (!output)
        applyProgress(build, rest);
}
/** Progress lines of exporter steps name the images that were written or pushed. */
function applyProgress(build, rest) {
    const pushed = PUSHED_MANIFEST.exec(rest);
    if (pushed) {
        build.addImage(pushed[1], pushed[2], true);
        return;
    }
    const named = NAMED.exec(rest);
    if (named)
        build.addImage(named[1], null, false);
}

;// CONCATENATED MODULE: ./src/parse/metadata-group.ts
const MAX_LINES = 400;
/**
 * docker/build-push-action prints the build's metadata file as JSON in a `##[group]Metadata` block.
 * The lines are collected (bounded) and read when the group ends.
 */
class MetadataGroup {
    lines = [];
    add(text) {
        if (this.lines.length < MAX_LINES)
            this.lines.push(text);
    }
    applyTo(build) {
        let metadata;
        try {
            metadata = JSON.parse(this.lines.join('\n'));
        }
        catch {
            build.notes.push('the build-push-action Metadata group is not valid JSON; image digests come from the progress output only');
            return;
        }
        if (!metadata || typeof metadata !== 'object')
            return;
        const record = metadata;
        const digest = typeof record['containerimage.digest'] === 'string' ? record['containerimage.digest'] : null;
        const names = typeof record['image.name'] === 'string' ? record['image.name'].split(',') : [];
        build.metadataDigest = digest;
        for (const name of names.map((n) => n.trim()).filter(Boolean)) {
            build.addImage(name, digest, build.images.get(name)?.pushed ?? false);
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/build-log-parser.ts




const VERTEX_LINE = /^#(\d+) (.*)$/s;
const BUILDER_LINE = /^#0 building with /;
// Top-level error lines of buildx/BuildKit and the docker CLI after a failed solve.
const FINAL_ERROR = /^(?:ERROR:? |error: |failed to solve\b|Error response from daemon: |ERROR \[)/;
const CANCELED = /^The operation was canceled\.|^The runner has received a shutdown signal|^Canceling since a higher priority waiting request/;
const OS_ARCH = /^\s*(?:OS\/Arch|Architecture):\s+(\S+)/;
/** One job of a run (a `gh run view` job), or the whole input when it has no jobs. */
class JobState {
    name;
    firstTs = null;
    lastTs = null;
    builds = [];
    current = null;
    canceled = false;
    nativePlatform = null;
    /** build-push-action inputs seen before its `docker buildx build` command. */
    pendingInputs = null;
    readingActionInputs = false;
    metadata = null;
    /** `##[error]` lines that belong to no build (a job that failed before or after building). */
    strayErrors = [];
    firstLine;
    lastLine;
    constructor(name, line) {
        this.name = name;
        this.firstLine = line;
        this.lastLine = line;
    }
}
/**
 * Turns decoded lines into builds: splits the input into jobs and builds, follows BuildKit's vertex
 * lines, and keeps what the reports need. It consumes one line at a time and holds no lines itself.
 */
class BuildLogParser {
    source;
    job = null;
    finished = [];
    constructor(source) {
        this.source = source;
    }
    push(line) {
        const job = this.jobFor(line);
        job.lastLine = line.no;
        if (line.timestamp !== null) {
            job.firstTs ??= line.timestamp;
            job.lastTs = line.timestamp;
        }
        const text = line.text;
        if (line.command !== null) {
            this.onRunnerCommand(job, line);
            return;
        }
        if (job.metadata) {
            job.metadata.add(text);
            return;
        }
        if (job.readingActionInputs && job.pendingInputs && applyActionInput(job.pendingInputs, text))
            return;
        if (text.charCodeAt(0) === 0x23 /* # */) {
            const match = VERTEX_LINE.exec(text);
            if (match) {
                this.onVertexLine(job, line, Number(match[1]), match[2]);
                return;
            }
        }
        if (isBuildCommand(text)) {
            this.startBuild(job, line, parseBuildCommand(text.replace(/^\[command\]/, '')));
            return;
        }
        const build = job.current;
        if (build && this.belongsTo(build, line)) {
            if (FINAL_ERROR.test(text)) {
                build.failed = true;
                build.addError({ line: line.no, text });
                build.touch(line.no, line.timestamp, line.text);
                build.capturingErrorBlock = true;
            }
            if (build.capturingErrorBlock)
                build.addErrorDetail({ line: line.no, text });
            return;
        }
        if (job.nativePlatform === null) {
            const arch = OS_ARCH.exec(text);
            if (arch)
                job.nativePlatform = normalizeArch(arch[1]);
        }
    }
    /** Ends the input: returns every build found, in input order. */
    end() {
        if (this.job)
            this.finishJob(this.job);
        this.job = null;
        return this.finished;
    }
    jobFor(line) {
        const name = line.job;
        if (this.job && this.job.name !== name && name !== null) {
            this.finishJob(this.job);
            this.job = null;
        }
        this.job ??= new JobState(name, line.no);
        return this.job;
    }
    onRunnerCommand(job, line) {
        const text = line.text;
        switch (line.command) {
            case 'group':
                job.readingActionInputs = /^Run docker\/build-push-action@/.test(text);
                if (job.readingActionInputs)
                    job.pendingInputs = emptyInvocation();
                if (text === 'Metadata' && job.current)
                    job.metadata = new MetadataGroup();
                if (text.startsWith('Run ') && isBuildCommand(text.slice(4))) {
                    job.pendingInputs = parseBuildCommand(text.slice(4));
                }
                if (job.current) {
                    job.current.capturingErrorBlock = false;
                    // A new runner step begins: nothing after this is part of the build that ran before it.
                    if (/^(Run|Post) /.test(text) && job.current.hasVertices)
                        job.current.closed = true;
                }
                break;
            case 'endgroup':
                job.readingActionInputs = false;
                if (job.metadata && job.current)
                    job.metadata.applyTo(job.current);
                job.metadata = null;
                break;
            case 'error': {
                const evidence = { line: line.no, text: `##[error]${text}` };
                if (CANCELED.test(text)) {
                    job.canceled = true;
                    if (job.current && !job.current.failed)
                        job.current.canceled = true;
                }
                const build = job.current;
                if (build && this.belongsTo(build, line) && (line.step !== null || /buildx|docker|failed to solve|ERROR:/i.test(text))) {
                    if (!CANCELED.test(text))
                        build.failed = true;
                    build.addError(evidence);
                    build.touch(line.no, line.timestamp, evidence.text);
                }
                else if (job.strayErrors.length < 20) {
                    job.strayErrors.push(evidence);
                }
                break;
            }
            default:
                break;
        }
    }
    onVertexLine(job, line, id, rest) {
        let build = job.current;
        if (BUILDER_LINE.test(line.text)) {
            if (!build || build.hasVertices)
                build = this.startBuild(job, line, null);
            build.touch(line.no, line.timestamp, line.text);
            return;
        }
        // Vertex numbers restart with each build: a `#1` header once the build has ended opens a new one.
        if (!build || build.closed || (id === 1 && build.ended && !isStatusWord(rest))) {
            build = this.startBuild(job, line, null);
        }
        build.touch(line.no, line.timestamp, line.text);
        applyVertexLine(build, id, rest, line);
    }
    startBuild(job, line, invocation) {
        const build = new BuildState(line.no, line.timestamp, line.step, line.text);
        const inputs = job.pendingInputs;
        build.invocation = mergeInvocations(invocation, inputs);
        job.pendingInputs = null;
        job.readingActionInputs = false;
        job.builds.push(build);
        job.current = build;
        return build;
    }
    /** Whether a line of the job is part of the build (same runner step, when the log names steps). */
    belongsTo(build, line) {
        if (build.closed)
            return false;
        return build.step === null || line.step === null || build.step === line.step;
    }
    finishJob(job) {
        const jobSeconds = job.firstTs !== null && job.lastTs !== null ? Math.round((job.lastTs - job.firstTs) / 100) / 10 : null;
        const kept = job.builds.filter((b) => b.hasBuildSteps || b.errors.length > 0);
        if (kept.length === 0 && job.strayErrors.length > 0) {
            // The job failed without building (a login that was refused, a missing file): still a row.
            const build = new BuildState(job.firstLine, job.firstTs, null);
            build.failed = !job.canceled;
            build.canceled = job.canceled;
            for (const error of job.strayErrors)
                build.addError(error);
            build.touch(job.lastLine, job.lastTs);
            build.startTs = null;
            kept.push(build);
        }
        const base = job.name ?? buildNameOf(this.source);
        kept.forEach((build, index) => {
            const name = kept.length > 1 ? `${base} #${index + 1}` : base;
            this.finished.push(build.toBuild(name, this.source, job.name, jobSeconds, job.nativePlatform, job.canceled));
        });
    }
}
function isStatusWord(rest) {
    return /^(DONE|CACHED|ERROR|CANCELED|\.\.\.)/.test(rest);
}
/** The command line wins; build-push-action's echoed inputs fill what it lacks. */
function mergeInvocations(command, inputs) {
    if (!command)
        return inputs ?? emptyInvocation();
    if (!inputs)
        return command;
    return {
        dockerfile: command.dockerfile ?? inputs.dockerfile,
        platforms: command.platforms.length ? command.platforms : inputs.platforms,
        cacheFrom: command.cacheFrom.length ? command.cacheFrom : inputs.cacheFrom,
        cacheTo: command.cacheTo.length ? command.cacheTo : inputs.cacheTo,
        tags: command.tags.length ? command.tags : inputs.tags,
        push: command.push || inputs.push,
    };
}
function normalizeArch(arch) {
    if (arch.includes('/'))
        return arch;
    const map = { x86_64: 'linux/amd64', amd64: 'linux/amd64', aarch64: 'linux/arm64', arm64: 'linux/arm64' };
    return map[arch] ?? `linux/${arch}`;
}
/** `logs/build-runtime.log` -> `build-runtime`: the file name is what a person calls the build. */
function buildNameOf(source) {
    const file = source.split(/[\\/]/).pop() || source;
    return file === '-' ? 'stdin' : file.replace(/\.(log|txt|out|err|stderr|stdout)$/i, '') || file;
}

;// CONCATENATED MODULE: ./src/parse/parse-source.ts




const FIRST_LINE_QUOTE = 120;
/** Reads one source through the pipeline: bytes -> lines -> decoded lines -> builds. */
async function parseSource(source) {
    const decoder = new LineDecoder();
    const parser = new BuildLogParser(source.label);
    let cutLines = 0;
    let firstText = null;
    let counts = { lines: 0, bytes: 0 };
    const problems = [];
    try {
        const chunks = await source.open();
        counts = await readLines(chunks, (raw) => {
            if (raw.cutBytes > 0)
                cutLines++;
            const line = decoder.decode(raw);
            if (firstText === null && line.text.trim() !== '')
                firstText = line.text.trim();
            parser.push(line);
        });
    }
    catch (error) {
        const message = describeError(error);
        problems.push({ source: source.label, message: message.startsWith(source.label) ? message : `${source.label}: ${message}` });
    }
    const builds = parser.end();
    if (problems.length === 0) {
        if (counts.bytes === 0 || firstText === null) {
            problems.push({ source: source.label, message: `${source.label}: the log is empty` });
        }
        else if (builds.length === 0) {
            problems.push({ source: source.label, message: noBuildMessage(source.label, firstText) });
        }
    }
    if (cutLines > 0) {
        problems.push({ source: source.label, message: `${source.label}: ${cutLines} line(s) longer than 64 KiB were cut` });
    }
    return { source: source.label, builds, problems, ...counts };
}
function noBuildMessage(label, firstText) {
    const quote = firstText.length > FIRST_LINE_QUOTE ? `${firstText.slice(0, FIRST_LINE_QUOTE)}…` : firstText;
    if (/still in progress|not (yet )?(be )?available/i.test(firstText)) {
        return `${label}: the run was still in progress when this log was saved, so it holds no build output ("${quote}"); fetch the log again once the run has finished`;
    }
    return `${label}: no Docker build output found (first line: "${quote}")`;
}

;// CONCATENATED MODULE: ./src/analyze/metrics.ts
const SLOWEST = 5;
/**
 * Steps that can hit the build cache: Dockerfile instructions other than FROM. A FROM shown as
 * CACHED means the base image was already in the builder, not that the build cache matched, so
 * counting it would report hits on a build that rebuilt everything.
 */
function isCacheable(step) {
    return step.kind === 'instruction' && step.instruction !== 'FROM' && step.status !== 'running' && step.status !== 'canceled';
}
function cacheStats(build) {
    let hits = 0;
    let misses = 0;
    for (const step of build.steps) {
        if (!isCacheable(step))
            continue;
        if (step.cached)
            hits++;
        else
            misses++;
    }
    const total = hits + misses;
    return { hits, misses, ratio: total === 0 ? null : metrics_round(hits / total, 3) };
}
function timing(build) {
    const ran = build.steps.filter((s) => !s.cached && s.seconds !== null && s.seconds > 0 && s.kind !== 'internal' && s.kind !== 'auth');
    const slowestSteps = [...ran]
        .sort((a, b) => b.seconds - a.seconds)
        .slice(0, SLOWEST)
        .map((s) => ({ name: s.name, platform: s.platform, seconds: s.seconds, line: s.line }));
    const platformSeconds = {};
    for (const step of build.steps) {
        if (step.kind !== 'instruction' || step.seconds === null)
            continue;
        const key = step.platform ?? 'default';
        platformSeconds[key] = metrics_round((platformSeconds[key] ?? 0) + step.seconds, 1);
    }
    const sum = (kind) => metrics_round(build.cache[kind].reduce((total, op) => total + (op.seconds ?? 0), 0), 1);
    const cacheExportSeconds = sum('exports');
    return {
        slowestSteps,
        platformSeconds,
        cacheImportSeconds: sum('imports'),
        cacheExportSeconds,
        cacheExportShare: build.buildSeconds ? metrics_round(cacheExportSeconds / build.buildSeconds, 3) : null,
    };
}
function metrics_round(value, digits) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

;// CONCATENATED MODULE: ./src/analyze/rule.ts
const DEFAULT_ANALYSIS_OPTIONS = { maxBuildMinutes: 60 };

;// CONCATENATED MODULE: ./src/text/redact.ts
// Log text can carry credentials that GitHub's own masking missed (a token echoed by a script, a
// password in a URL). Everything buildx-doctor quotes from a log passes through here first.
const PATTERNS = [
    // GitHub tokens: classic, fine-grained, app, OAuth, refresh.
    [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '***'],
    // JSON Web Tokens (registry bearer tokens, OIDC tokens).
    [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '***'],
    // AWS access key ids and npm tokens.
    [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '***'],
    [/\bnpm_[A-Za-z0-9]{30,}\b/g, '***'],
    // `Authorization: Bearer xxx`, `Basic xxx`.
    [/\b(Authorization:\s*(?:Bearer|Basic|token)\s+)\S+/gi, '$1***'],
    // Credentials in URLs: scheme://user:password@host
    [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, '$1***@'],
    // --password xxx, --token=xxx (command lines)
    [/(--(?:password|passwd|token|secret|api-key|access-key)(?:=|\s+))(?!\*\*\*)("[^"]*"|'[^']*'|\S+)/gi, '$1***'],
    // password=xxx, token: xxx, SECRET_KEY=xxx (assignments and config dumps)
    [/\b([A-Z0-9_]*(?:password|passwd|token|secret|api_?key|access_?key)[A-Z0-9_]*\s*[=:]\s*)(?!\*\*\*)("[^"]*"|'[^']*'|[^\s,;]+)/gi, '$1***'],
    // PEM private keys (the header line is enough to know the rest is secret).
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----.*/g, '-----BEGIN PRIVATE KEY----- ***'],
];
function redact(text) {
    let out = text;
    for (const [pattern, replacement] of PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}

;// CONCATENATED MODULE: ./src/analyze/evidence.ts

const MAX_EVIDENCE_TEXT = 500;
/** A quoted line, redacted and bounded: the only way log text becomes evidence. */
function quote(line, text) {
    const safe = redact(text);
    return { line, text: safe.length > MAX_EVIDENCE_TEXT ? `${safe.slice(0, MAX_EVIDENCE_TEXT)}…` : safe };
}
/** The header and end lines of a step, as BuildKit printed them. */
function stepEvidence(step) {
    const lines = [quote(step.line, `#${step.id} ${step.name}`)];
    if (step.endLine !== null && step.endText !== null)
        lines.push(quote(step.endLine, step.endText));
    return lines;
}
function formatSeconds(seconds) {
    if (seconds < 90)
        return `${Math.round(seconds * 10) / 10} s`;
    return `${Math.round(seconds / 6) / 10} min`;
}

;// CONCATENATED MODULE: ./src/text/markdown.ts
// Everything a log says is hostile by the time it reaches Markdown: it may hold `@org/team`
// mentions, HTML (`<img onerror>`, `</details>`), backtick runs that close a code span, or control
// characters. These helpers are the only way log text enters Markdown, the job summary or a comment.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';
/** Removes control and bidi-override characters (they can hide or reorder text). */
function stripControl(text) {
    return text.replace(CONTROL, '');
}
/** Shortens to `max` characters with an ellipsis. */
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
/** Plain text for Markdown: no HTML, no formatting, no mentions or issue links. */
function escapeText(text) {
    return stripControl(text)
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
        .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
        .replace(/^(\s*)([-=]{3,})/, '$1\\$2');
}
/** Text inside a table cell: escaped, on one line. */
function escapeCell(text) {
    return escapeText(text);
}
/**
 * An inline code span that cannot be broken out of: the fence is one backtick longer than the
 * longest run inside. Code spans render HTML and mentions as literal text.
 */
function inlineCode(text, max = 200) {
    const body = truncate(stripControl(text).replace(/[\r\n]+/g, ' '), max);
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A fenced code block for quoted log lines; the fence is longer than any backtick run inside. */
function codeBlock(lines, language = 'text') {
    const body = lines.map((line) => stripControl(line)).join('\n');
    const longest = Math.max(2, ...(body.match(/`{3,}|~{3,}/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language}\n${body}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/analyze/rules/build-outcome.ts


const TAIL = 10;
/**
 * The baseline for a build that did not succeed: a failure is never left without a finding, even
 * when nothing more specific recognises it, and a canceled build says so.
 */
const buildOutcomeRule = {
    ids: ['unknown', 'canceled'],
    run({ build }) {
        if (build.status === 'canceled') {
            return [
                {
                    id: 'canceled',
                    severity: 'warning',
                    title: 'The build was canceled before it finished',
                    evidence: build.errors.slice(0, 5).map((e) => quote(e.line, e.text)),
                    fix: [
                        '- When another job of the matrix failed, fix that job first: with `strategy.fail-fast` (the default) GitHub cancels the others.',
                        '- A newer push to the same branch cancels older runs when the workflow sets `concurrency` with `cancel-in-progress: true`.',
                        '- A job that hit `timeout-minutes` is canceled too: compare the job time with the timeout.',
                    ].join('\n'),
                },
            ];
        }
        if (build.status !== 'failure')
            return [];
        const final = build.errors[build.errors.length - 1] ?? null;
        const tail = build.failedStepTail.slice(-TAIL);
        const failedStep = build.steps.find((s) => s.status === 'error' && s.kind !== 'cache-import');
        return [
            {
                id: 'unknown',
                severity: 'error',
                title: failedStep ? stepFailureTitle(failedStep) : final ? `The build failed: ${shorten(final.text)}` : 'The build failed',
                evidence: [...tail, ...build.errors].map((e) => quote(e.line, e.text)),
                fix: [
                    final ? `The last error BuildKit reported: ${inlineCode(final.text, 300)}.` : 'The log shows the build failed but no error line.',
                    '',
                    '- Read the output of the failing step (in the evidence) for the first error, not the last.',
                    '- Reproduce locally with the same Dockerfile and platform: `docker buildx build --progress=plain --platform <platform> -f <Dockerfile> .`',
                ].join('\n'),
            },
        ];
    },
};
/** `RUN cargo build --release failed: exit code: 101`: the step and why, without the shell quoting. */
function stepFailureTitle(step) {
    const error = step.error ?? '';
    const reason = /did not complete successfully: (.*)$/.exec(error)?.[1] ??
        /^executor failed running \[.*\]: (.*)$/s.exec(error)?.[1] ??
        error;
    const what = step.instruction ? `${step.instruction} ${step.command}` : step.name;
    return `${what.length > 60 ? `${what.slice(0, 59)}…` : what} failed${reason ? `: ${shorten(reason)}` : ''}`;
}
function shorten(text) {
    const clean = text.replace(/^##\[error\]/, '').replace(/^#\d+ ERROR:\s*/, '');
    return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

;// CONCATENATED MODULE: ./src/analyze/rules/cache-miss.ts



/** Below this share of cache hits a build is reported as mostly rebuilt. */
const FEW_HITS = 0.25;
/** Builds with fewer cacheable steps say too little about the cache to report on. */
const MIN_CACHEABLE = 2;
/** Rebuilding steps that took less than this in all is not worth a finding. */
const MIN_RERUN_SECONDS = 30;
const cacheMissRule = {
    ids: ['cache-miss'],
    run({ build, cache }) {
        // A build that failed or was canceled says more about that than about its cache.
        if (build.status !== 'success' && build.status !== 'unknown')
            return [];
        if (cache.ratio === null || cache.hits + cache.misses < MIN_CACHEABLE || cache.ratio >= FEW_HITS)
            return [];
        const rerunSeconds = build.steps.filter((s) => isCacheable(s) && !s.cached).reduce((total, s) => total + (s.seconds ?? 0), 0);
        if (rerunSeconds < MIN_RERUN_SECONDS)
            return [];
        const none = cache.hits === 0;
        const firstRan = firstStepsThatRan(build);
        const evidence = [
            ...build.cache.imports.map((op) => quote(op.line, `importing cache manifest from ${op.ref ?? op.kind}${op.seconds !== null ? ` (${op.seconds} s)` : ''}`)),
            ...firstRan.flatMap((step) => stepEvidence(step)),
        ];
        const total = cache.hits + cache.misses;
        return [
            {
                id: 'cache-miss',
                severity: none ? 'warning' : 'notice',
                title: none
                    ? `No cache hits: all ${total} cacheable steps ran`
                    : `Few cache hits: ${cache.hits} of ${total} cacheable steps came from the cache`,
                evidence,
                fix: fixFor(build, firstRan),
                data: { hits: cache.hits, misses: cache.misses, ratio: cache.ratio, rerunSeconds: Math.round(rerunSeconds * 10) / 10 },
            },
        ];
    },
};
/** The first instruction that ran in each stage and platform: it invalidated everything after it. */
function firstStepsThatRan(build) {
    const first = new Map();
    for (const step of build.steps) {
        if (!isCacheable(step) || step.cached)
            continue;
        const key = `${step.platform ?? ''}|${step.stage ?? ''}`;
        const known = first.get(key);
        if (!known || (step.index ?? 0) < (known.index ?? 0))
            first.set(key, step);
    }
    // One per stage is enough: the same step on another platform says nothing new.
    const byStage = new Map();
    for (const step of first.values())
        if (!byStage.has(step.stage ?? ''))
            byStage.set(step.stage ?? '', step);
    return [...byStage.values()].slice(0, 3);
}
function fixFor(build, firstRan) {
    const lines = [];
    const imports = build.cache.imports;
    const cacheFrom = build.cache.imports.length > 0 || build.request.cacheFrom.length > 0;
    if (!cacheFrom) {
        lines.push('- This build reads no cache. With `docker/build-push-action`, add `cache-from: type=gha,scope=<image>` and `cache-to: type=gha,mode=max,scope=<image>` (one scope per image of a matrix, so they do not evict each other).');
    }
    else {
        const source = imports[0]?.ref ?? build.request.cacheFrom[0] ?? 'the cache';
        lines.push(`- The cache was read from ${inlineCode(source)} but nothing matched. On a first run or after the cache was evicted this is expected (GitHub keeps 10 GB of Actions cache per repository and evicts the least recently used); a warm run should then hit most steps. Warm the cache by running the workflow on a branch before merging large dependency changes.`);
    }
    const cacheTo = build.request.cacheTo.join(' ');
    if (cacheTo && !/mode=max/.test(cacheTo) && new Set(build.steps.map((s) => s.stage)).size > 1) {
        lines.push(`- ${inlineCode(cacheTo)} exports only the final stage (mode=min): add \`mode=max\` so the builder stages are cached too.`);
    }
    if (firstRan.length > 0) {
        const first = firstRan[0];
        lines.push(`- The first step that ran was ${inlineCode(`${first.instruction} ${first.command}`)}: every step after it in its stage ran too. Copy only dependency manifests (for Rust: \`Cargo.toml\`, \`Cargo.lock\`, or a \`cargo chef prepare\` recipe) and build dependencies before copying the sources, so a source change does not rebuild them.`);
    }
    lines.push('- Keep compiler caches across builds with cache mounts, e.g. `RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/app/target cargo build --release`.');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/analyze/rules/qemu-emulation.ts



/** An emulated step this many times slower than the same step on the native platform. */
const MIN_RATIO = 3;
/** Ignore steps too short for the ratio to mean anything. */
const MIN_EMULATED_SECONDS = 30;
/** GitHub's hosted runners are amd64 unless the log says otherwise. */
const ASSUMED_NATIVE = 'linux/amd64';
const qemuEmulationRule = {
    ids: ['qemu-emulation'],
    run({ build }) {
        const native = build.nativePlatform ?? ASSUMED_NATIVE;
        const byKey = new Map();
        for (const step of build.steps) {
            if (step.kind === 'instruction' && step.platform === native && step.status === 'done')
                byKey.set(keyOf(step), step);
        }
        const pairs = [];
        for (const step of build.steps) {
            if (step.kind !== 'instruction' || step.platform === null || step.platform === native || step.status !== 'done')
                continue;
            if (step.seconds === null || step.seconds < MIN_EMULATED_SECONDS)
                continue;
            const twin = byKey.get(keyOf(step));
            if (!twin || twin.seconds === null || twin.seconds <= 0)
                continue;
            const ratio = step.seconds / twin.seconds;
            if (ratio >= MIN_RATIO)
                pairs.push({ native: twin, emulated: step, ratio, extra: step.seconds - twin.seconds });
        }
        if (pairs.length === 0)
            return [];
        pairs.sort((a, b) => b.extra - a.extra);
        const worst = pairs[0];
        const extra = metrics_round(pairs.reduce((total, pair) => total + pair.extra, 0), 1);
        const share = build.buildSeconds ? metrics_round(Math.min(1, extra / build.buildSeconds), 3) : null;
        const emulatedPlatform = worst.emulated.platform;
        const what = `${worst.emulated.instruction} ${worst.emulated.command}`;
        return [
            {
                id: 'qemu-emulation',
                severity: 'warning',
                title: `${emulatedPlatform} ran under QEMU emulation: ${truncateTitle(what)} took ${formatSeconds(worst.emulated.seconds)} against ${formatSeconds(worst.native.seconds)} on ${native} (${metrics_round(worst.ratio, 1)}×)`,
                evidence: [...stepEvidence(worst.native), ...stepEvidence(worst.emulated)],
                fix: [
                    `Emulated steps cost about ${formatSeconds(extra)} more than their native twins${share !== null ? `, ${Math.round(share * 100)}% of this build's ${formatSeconds(build.buildSeconds)}` : ''}${build.nativePlatform ? '' : ` (native platform assumed to be ${native}: the log does not say)`}. The slowest: ${inlineCode(what)} on ${inlineCode(emulatedPlatform)}.`,
                    '',
                    `- Build each platform on a native runner (\`runs-on: ubuntu-24.04-arm\` for arm64) in a matrix, push by digest (\`outputs: type=image,push-by-digest=true,name-canonical=true,push=true\`), then merge the digests into one tag with \`docker buildx imagetools create\`.`,
                    `- Or cross-compile: start the build stage with \`FROM --platform=$BUILDPLATFORM\` and compile for \`$TARGETPLATFORM\` (for Rust: \`rustup target add\` and a cross linker, or \`cargo zigbuild\`), so only the final, cheap stage runs per platform.`,
                    `- If the emulated platform is not needed on pull requests, build \`linux/amd64\` only there and all platforms on \`main\`.`,
                ].join('\n'),
                data: {
                    platform: emulatedPlatform,
                    nativePlatform: native,
                    ratio: metrics_round(worst.ratio, 2),
                    emulatedSeconds: worst.emulated.seconds,
                    nativeSeconds: worst.native.seconds,
                    extraSeconds: extra,
                    shareOfBuild: share,
                },
            },
        ];
    },
};
function keyOf(step) {
    return `${step.stage ?? ''}|${step.index ?? ''}|${step.instruction ?? ''} ${step.command}`;
}
function truncateTitle(text) {
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

;// CONCATENATED MODULE: ./src/analyze/rules/slow-build.ts


const slowBuildRule = {
    ids: ['slow-build'],
    run({ build, timing, options }) {
        const seconds = build.buildSeconds ?? build.jobSeconds;
        const budget = options.maxBuildMinutes * 60;
        if (seconds === null || seconds <= budget)
            return [];
        const which = build.buildSeconds !== null ? 'build' : 'job';
        const slowest = timing.slowestSteps.slice(0, 3);
        return [
            {
                id: 'slow-build',
                severity: 'warning',
                title: `The ${which} took ${formatSeconds(seconds)}, over the ${options.maxBuildMinutes} min budget`,
                evidence: [quote(build.boundary.first.line, build.boundary.first.text), quote(build.boundary.last.line, build.boundary.last.text)],
                fix: [
                    `Where the time went: ${slowest.map((s) => `${inlineCode(s.name, 80)} ${formatSeconds(s.seconds)}`).join(', ') || 'no step timings in the log'}${timing.cacheExportSeconds > 0 ? `; cache export ${formatSeconds(timing.cacheExportSeconds)}` : ''}.`,
                    '',
                    '- Fix the causes named in the other findings of this build first (emulation, cache misses).',
                    '- A cold cache (first publish, large dependency update) is expected to be slow; the next run with a warm cache should be much faster.',
                    `- Raise the budget with the \`max-build-minutes\` input if this duration is expected.`,
                ].join('\n'),
                data: { seconds, budgetSeconds: budget },
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/analyze/rules/index.ts




/** Every rule, in no particular order: ranking decides what comes first. */
const RULES = [buildOutcomeRule, qemuEmulationRule, cacheMissRule, slowBuildRule];

;// CONCATENATED MODULE: ./src/analyze/rank.ts
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/**
 * Within a severity, causes come before their consequences: a failure before the cancellation of the
 * jobs it took down; emulation and cache misses before the slow build they produce.
 */
const CAUSE_ORDER = {
    unknown: 90,
    'qemu-emulation': 20,
    'cache-miss': 30,
    canceled: 60,
    'slow-build': 80,
};
const DEFAULT_CAUSE_ORDER = 10;
function compareFindings(a, b) {
    return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (CAUSE_ORDER[a.id] ?? DEFAULT_CAUSE_ORDER) - (CAUSE_ORDER[b.id] ?? DEFAULT_CAUSE_ORDER));
}
/** Sorts findings most likely root cause first; stable, so equal findings keep build order. */
function rankFindings(findings) {
    return [...findings].sort(compareFindings);
}

;// CONCATENATED MODULE: ./src/analyze/analyze.ts




const STATUS_ORDER = ['failure', 'canceled', 'unknown', 'success'];
function analyzeBuild(build, options = DEFAULT_ANALYSIS_OPTIONS) {
    const context = { build, cache: cacheStats(build), timing: timing(build), options };
    const findings = [];
    for (const rule of RULES) {
        for (const finding of rule.run(context))
            findings.push({ ...finding, build: build.name, source: build.source });
    }
    return { build, cache: context.cache, timing: context.timing, findings: rankFindings(findings) };
}
function analyze(builds, problems, options = DEFAULT_ANALYSIS_OPTIONS) {
    const analyses = builds.map((build) => analyzeBuild(build, options));
    let hits = 0;
    let total = 0;
    for (const { cache } of analyses) {
        hits += cache.hits;
        total += cache.hits + cache.misses;
    }
    const durations = builds.map((b) => b.buildSeconds ?? b.jobSeconds).filter((s) => s !== null);
    const status = builds.length === 0 ? 'unknown' : STATUS_ORDER.find((s) => builds.some((b) => b.status === s)) ?? 'unknown';
    return {
        builds: analyses,
        findings: rankFindings(analyses.flatMap((a) => a.findings)),
        problems,
        status,
        cacheHitRatio: total === 0 ? null : metrics_round(hits / total, 3),
        durationSeconds: durations.length ? Math.max(...durations) : null,
    };
}

;// CONCATENATED MODULE: ./src/engine.ts


/**
 * The whole pipeline for a set of logs: each source is streamed through decoding and parsing one
 * after another, then all builds are analysed together. The action and the CLI both call this.
 */
async function analyzeSources(sources, options) {
    const builds = [];
    const problems = [];
    for (const source of sources) {
        const parsed = await parseSource(source);
        builds.push(...parsed.builds);
        problems.push(...parsed.problems);
    }
    return analyze(builds, problems, options);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/input/log-source.ts



const CHUNK_BYTES = 64 * 1024;
function fileSource(path) {
    return {
        label: path,
        async open() {
            let info;
            try {
                info = await (0,promises_namespaceObject.stat)(path);
            }
            catch (error) {
                const code = error.code;
                if (code === 'ENOENT')
                    throw new InputError(`${path}: no such file`);
                if (code === 'EACCES')
                    throw new InputError(`${path}: permission denied`);
                throw new InputError(`${path}: cannot read (${code ?? 'unknown error'})`);
            }
            if (info.isDirectory())
                throw new InputError(`${path}: is a directory, not a log file`);
            const stream = (0,external_node_fs_namespaceObject.createReadStream)(path, { highWaterMark: CHUNK_BYTES });
            return withReadErrors(stream, path);
        },
    };
}
function stdinSource(stdin = process.stdin) {
    return {
        label: '-',
        async open() {
            return withReadErrors(stdin, 'standard input');
        },
    };
}
/** A source over text already in memory (tests, small API responses). */
function textSource(label, text) {
    return {
        label,
        async open() {
            return [typeof text === 'string' ? Buffer.from(text, 'utf8') : text];
        },
    };
}
async function* withReadErrors(stream, label) {
    try {
        yield* stream;
    }
    catch (error) {
        const code = error.code;
        throw new InputError(`${label}: read failed (${code ?? error.message})`);
    }
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** `45.2 s` under a minute and a half, `64.3 min` above: the runbook's unit for builds. */
function formatDuration(seconds) {
    if (seconds === null)
        return '—';
    if (seconds < 90)
        return `${Math.round(seconds * 10) / 10} s`;
    return `${(seconds / 60).toFixed(1)} min`;
}
function formatRatio(ratio) {
    return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}
function formatCache(hits, misses, ratio) {
    if (ratio === null)
        return '—';
    return `${hits}/${hits + misses} (${formatRatio(ratio)})`;
}
/** `sha256:1564b5e107af…f27e`: enough to recognise, short enough for a table. */
function shortDigest(digest) {
    if (!digest)
        return '—';
    const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
    return match ? `sha256:${match[1].slice(0, 12)}…${match[1].slice(-4)}` : digest;
}
const STATUS_ICON = { success: '✅', failure: '❌', canceled: '⏹️', unknown: '❔' };
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a test (bundles cannot read package.json at run time).
const TOOL_NAME = 'buildx-doctor';
const TOOL_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/report/markdown-summary.ts




const DEFAULT_MARKDOWN_OPTIONS = { maxBytes: 900 * 1024, maxFindings: 30, maxEvidenceLines: 25 };
/** The job summary: exactly what `--format markdown` prints. */
function renderMarkdown(analysis, options = DEFAULT_MARKDOWN_OPTIONS) {
    const parts = [headline(analysis)];
    if (analysis.problems.length > 0) {
        parts.push(analysis.problems.map((p) => `> [!WARNING]\n> ${escapeText(redact(p.message))}`).join('\n\n'));
    }
    if (analysis.builds.length > 0) {
        parts.push(buildTable(analysis.builds));
        parts.push(timeSection(analysis.builds));
    }
    parts.push(...findingsSection(analysis.findings, options));
    return fitToSize(parts.filter(Boolean), options.maxBytes);
}
function headline(analysis) {
    const count = analysis.builds.length;
    const failed = analysis.builds.filter((b) => b.build.status === 'failure').length;
    const summary = count === 0
        ? 'no build found'
        : `${count} build${count === 1 ? '' : 's'}, ${failed > 0 ? `${failed} failed` : analysis.status === 'success' ? 'all succeeded' : analysis.status}`;
    return `## ${STATUS_ICON[analysis.status]} ${TOOL_NAME}: ${summary}`;
}
function buildTable(builds) {
    const rows = builds.map(({ build, cache }) => {
        const digest = build.images.find((i) => i.digest)?.digest ?? null;
        const steps = build.steps.filter((s) => s.kind === 'instruction').length;
        return `| ${escapeCell(build.name)} | ${STATUS_ICON[build.status]} ${build.status} | ${formatDuration(build.jobSeconds)} | ${formatDuration(build.buildSeconds)} | ${formatCache(cache.hits, cache.misses, cache.ratio)} | ${steps} | ${digest ? inlineCode(shortDigest(digest)) : '—'} |`;
    });
    return ['| Build | Status | Job time | Build time | Cache hits | Steps | Digest |', '|---|---|---:|---:|---:|---:|---|', ...rows].join('\n');
}
function timeSection(builds) {
    const blocks = builds.map(({ build, timing }) => {
        const facts = [platformFacts(timing.platformSeconds), cacheFacts(build, timing)].filter(Boolean);
        const heading = `**${escapeText(build.name)}**${facts.length ? ` — ${facts.join(' · ')}` : ''}`;
        const steps = timing.slowestSteps.map((s, i) => `${i + 1}. ${inlineCode(s.name, 120)} — ${formatDuration(s.seconds)}`);
        return steps.length ? `${heading}\n\n${steps.join('\n')}` : heading;
    });
    return ['### Where the time went', ...blocks].join('\n\n');
}
function platformFacts(platformSeconds) {
    const entries = Object.entries(platformSeconds);
    if (entries.length === 0)
        return null;
    if (entries.length === 1 && entries[0][0] === 'default')
        return `step time ${formatDuration(entries[0][1])}`;
    return `step time per platform: ${entries.map(([platform, seconds]) => `${escapeText(platform)} ${formatDuration(seconds)}`).join(', ')}`;
}
function cacheFacts(build, timing) {
    const facts = [];
    if (build.cache.imports.length > 0)
        facts.push(`cache import ${formatDuration(timing.cacheImportSeconds)}`);
    if (build.cache.exports.length > 0) {
        const share = timing.cacheExportShare !== null ? ` (${formatRatio(timing.cacheExportShare)} of the build)` : '';
        facts.push(`cache export ${formatDuration(timing.cacheExportSeconds)}${share}`);
    }
    return facts.length ? facts.join(' · ') : null;
}
/** The findings as separate blocks, so that cutting for size never splits one. */
function findingsSection(findings, options) {
    if (findings.length === 0)
        return ['### Findings\n\nNothing to report: no failure, and no cache or timing problem found.'];
    const shown = findings.slice(0, options.maxFindings);
    const blocks = ['### Findings', ...shown.map((f) => findingBlock(f, options))];
    if (findings.length > shown.length)
        blocks.push(`…and ${findings.length - shown.length} more findings in the JSON report.`);
    return blocks;
}
function findingBlock(finding, options) {
    const where = finding.build ? `${escapeText(finding.build)}: ` : '';
    const lines = [`#### ${SEVERITY_ICON[finding.severity]} ${where}${escapeText(redact(finding.title))}`, '', `${inlineCode(finding.id)} · ${finding.severity}`, '', finding.fix];
    if (finding.evidence.length > 0) {
        const evidence = finding.evidence.slice(0, options.maxEvidenceLines);
        const width = String(Math.max(...evidence.map((e) => e.line))).length;
        const quoted = evidence.map((e) => `${String(e.line).padStart(width)}: ${redact(e.text)}`);
        if (finding.evidence.length > evidence.length)
            quoted.push(`… ${finding.evidence.length - evidence.length} more lines`);
        const source = finding.source ? ` of ${escapeText(finding.source)}` : '';
        lines.push('', `<details><summary>Evidence (line numbers${source})</summary>`, '', codeBlock(quoted), '', '</details>');
    }
    return lines.join('\n');
}
/** Joins whole blocks while they fit, so a long report never breaks a table, a fence or a <details>. */
function fitToSize(blocks, maxBytes) {
    const note = '> [!NOTE]\n> The summary was cut to fit GitHub\'s size limit: the JSON report has everything.';
    const all = blocks.join('\n\n') + '\n';
    if (Buffer.byteLength(all) <= maxBytes)
        return all;
    const kept = [];
    let size = Buffer.byteLength(note) + 4;
    for (const block of blocks) {
        const next = Buffer.byteLength(block) + 2;
        if (size + next > maxBytes)
            break;
        kept.push(block);
        size += next;
    }
    return [...kept, note].join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/text-report.ts




const WIDTH = 100;
/** A report for a terminal: plain text, at most 100 columns, no Markdown. */
function renderText(analysis) {
    const out = [];
    out.push(`${TOOL_NAME}: ${analysis.builds.length} build(s), status ${analysis.status}`);
    for (const problem of analysis.problems)
        out.push(fit(`warning: ${redact(problem.message)}`));
    if (analysis.builds.length > 0) {
        out.push('');
        out.push(row(['BUILD', 'STATUS', 'JOB', 'BUILD', 'CACHE HITS', 'STEPS', 'DIGEST']));
        for (const { build, cache } of analysis.builds) {
            const digest = build.images.find((i) => i.digest)?.digest ?? null;
            out.push(row([
                build.name,
                build.status,
                formatDuration(build.jobSeconds),
                formatDuration(build.buildSeconds),
                formatCache(cache.hits, cache.misses, cache.ratio),
                String(build.steps.filter((s) => s.kind === 'instruction').length),
                shortDigest(digest),
            ]));
        }
        for (const { build, timing } of analysis.builds) {
            out.push('', `${build.name}: where the time went`);
            const platforms = Object.entries(timing.platformSeconds).map(([p, s]) => `${p} ${formatDuration(s)}`);
            if (platforms.length > 1 || (platforms.length === 1 && !('default' in timing.platformSeconds))) {
                out.push(fit(`  step time per platform: ${platforms.join(', ')}`));
            }
            if (build.cache.exports.length || build.cache.imports.length) {
                out.push(fit(`  cache import ${formatDuration(timing.cacheImportSeconds)}, export ${formatDuration(timing.cacheExportSeconds)}`));
            }
            for (const step of timing.slowestSteps)
                out.push(fit(`  ${formatDuration(step.seconds).padStart(10)}  ${redact(step.name)}`));
        }
    }
    out.push('');
    if (analysis.findings.length === 0)
        out.push('No findings.');
    for (const finding of analysis.findings) {
        out.push(fit(`${finding.severity.toUpperCase()} [${finding.id}] ${finding.build ? `${finding.build}: ` : ''}${redact(finding.title)}`));
        for (const evidence of finding.evidence.slice(0, 6))
            out.push(fit(`    ${evidence.line}: ${redact(evidence.text)}`));
    }
    return out.join('\n') + '\n';
}
function fit(text) {
    return truncate(stripControl(text).replace(/\s*[\r\n]+\s*/g, ' '), WIDTH);
}
// Widths that, with the spaces between, add up to the 100 columns of a terminal.
const COLUMNS = [20, 9, 10, 10, 14, 6, 25];
function row(cells) {
    return cells
        .map((cell, i) => {
        const width = COLUMNS[i];
        const text = truncate(stripControl(cell), width);
        return i === cells.length - 1 ? text : text.padEnd(width);
    })
        .join(' ')
        .trimEnd();
}

;// CONCATENATED MODULE: ./src/report/json-report.ts


/**
 * The JSON report: a public, versioned contract (documented in the README). Add fields freely;
 * renaming or removing one, or changing its meaning, needs a new `schemaVersion`.
 */
const SCHEMA_VERSION = 1;
/** The whole report as one object (for callers that need it in memory; files are streamed). */
function toJsonReport(analysis) {
    const report = headerJson(analysis);
    for (const [key, items] of arraysOf(analysis))
        report[key] = items.map((item) => item());
    return report;
}
/**
 * Writes the report as `JSON.stringify(toJsonReport(analysis), null, 2)` would, one build and one
 * finding at a time: a report of hundreds of builds is never one string in memory.
 */
async function writeJsonReport(analysis, write) {
    const header = JSON.stringify(headerJson(analysis), null, 2);
    await write(header.slice(0, header.lastIndexOf('\n}')));
    for (const [key, items] of arraysOf(analysis)) {
        await write(`,\n  ${JSON.stringify(key)}: [`);
        for (let i = 0; i < items.length; i++) {
            await write(`${i > 0 ? ',' : ''}\n    ${JSON.stringify(items[i](), null, 2).replace(/\n/g, '\n    ')}`);
        }
        await write(items.length > 0 ? '\n  ]' : ']');
    }
    await write('\n}\n');
}
function headerJson(analysis) {
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        status: analysis.status,
        cacheHitRatio: analysis.cacheHitRatio,
        durationSeconds: analysis.durationSeconds,
    };
}
/** The report's arrays, as lazy items so that a writer can convert one at a time. */
function arraysOf(analysis) {
    return [
        ['builds', analysis.builds.map((b) => () => buildJson(b))],
        ['findings', analysis.findings.map((f) => () => findingJson(f))],
        ['problems', analysis.problems.map((p) => () => ({ source: p.source, message: redact(p.message) }))],
    ];
}
function buildJson({ build, cache, timing, findings }) {
    return {
        name: build.name,
        source: build.source,
        job: build.job,
        status: build.status,
        jobSeconds: build.jobSeconds,
        buildSeconds: build.buildSeconds,
        platforms: build.platforms,
        nativePlatform: build.nativePlatform,
        dockerfile: build.request.dockerfile,
        steps: build.steps.map((s) => ({
            name: redact(s.name),
            platform: s.platform,
            stage: s.stage,
            index: s.index,
            total: s.total,
            instruction: s.instruction,
            kind: s.kind,
            cached: s.cached,
            seconds: s.seconds,
            status: s.status,
            line: s.line,
            error: s.error === null ? null : redact(s.error),
        })),
        cache: {
            hits: cache.hits,
            misses: cache.misses,
            ratio: cache.ratio,
            imports: build.cache.imports.map((op) => ({ kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line })),
            exports: build.cache.exports.map((op) => ({ kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line })),
        },
        timing,
        images: build.images.map((i) => ({ ref: i.ref, digest: i.digest, pushed: i.pushed })),
        errors: build.errors.map((e) => ({ line: e.line, text: redact(e.text) })),
        notes: build.notes,
        lines: { first: build.firstLine, last: build.lastLine },
        findings: findings.map(findingJson),
    };
}
function findingJson(finding) {
    return {
        id: finding.id,
        severity: finding.severity,
        title: redact(finding.title),
        build: finding.build,
        source: finding.source,
        evidence: finding.evidence.map((e) => ({ line: e.line, text: redact(e.text) })),
        fix: finding.fix,
        data: finding.data ?? {},
    };
}

;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: ./src/report/sink.ts


/** A chunk writer over a stream that waits when the stream asks it to (backpressure). */
function streamWriter(stream) {
    return async (chunk) => {
        if (!stream.write(chunk))
            await (0,external_node_events_namespaceObject.once)(stream, 'drain');
    };
}
/** Writes a file chunk by chunk with `produce`, and closes it. */
async function writeFileStreaming(path, produce) {
    const stream = (0,external_node_fs_namespaceObject.createWriteStream)(path);
    const failed = (0,external_node_events_namespaceObject.once)(stream, 'error').then(([error]) => {
        throw error;
    });
    await Promise.race([(async () => {
            await (0,external_node_events_namespaceObject.once)(stream, 'open');
            await produce(streamWriter(stream));
            stream.end();
            await (0,external_node_events_namespaceObject.once)(stream, 'finish');
        })(), failed]);
}

;// CONCATENATED MODULE: ./src/analyze/fail-policy.ts

function parseFailOn(text) {
    const value = text.trim().toLowerCase() || 'never';
    if (value === 'never' || value === 'error' || value === 'warning')
        return value;
    throw new InputError(`fail-on must be never, error or warning, not "${text}"`);
}
function shouldFail(findings, policy) {
    if (policy === 'never')
        return false;
    if (policy === 'error')
        return findings.some((f) => f.severity === 'error');
    return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}

;// CONCATENATED MODULE: ./src/cli/cli.ts










const USAGE = `usage: ${TOOL_NAME} analyze FILE... [--format text|markdown|json] [--max-build-minutes N] [--fail-on never|error|warning] [--report-file PATH]

Reads Docker Buildx build output (plain progress, GitHub Actions job logs, \`gh run view --log\`)
and reports timings, cache hits, images and findings. Use - to read standard input.

Exit status: 0 analysed, 1 a finding met --fail-on, 2 bad usage or nothing to analyse.`;
const defaultIo = {
    stdout: streamWriter(process.stdout),
    stderr: (text) => process.stderr.write(text),
};
/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
async function runCli(argv, io = defaultIo) {
    let options;
    try {
        if (argv[0] === '--version' || argv[0] === '-V') {
            await io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
            return 0;
        }
        if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
            await io.stdout(`${USAGE}\n`);
            return argv.length === 0 ? 2 : 0;
        }
        options = parseArgs(argv);
    }
    catch (error) {
        io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${USAGE.split('\n')[0]}\n`);
        return 2;
    }
    const sources = options.files.map((file) => (file === '-' ? stdinSource(io.stdin) : fileSource(file)));
    const analysis = await analyzeSources(sources, { ...DEFAULT_ANALYSIS_OPTIONS, maxBuildMinutes: options.maxBuildMinutes });
    for (const problem of analysis.problems)
        io.stderr(`${TOOL_NAME}: ${problem.message}\n`);
    if (analysis.builds.length === 0)
        return 2;
    if (options.reportFile) {
        const path = options.reportFile;
        try {
            await writeFileStreaming(path, (write) => writeJsonReport(analysis, write));
        }
        catch (error) {
            io.stderr(`${TOOL_NAME}: could not write the report to ${path}: ${describeError(error)}\n`);
            return 2;
        }
    }
    if (options.format === 'json')
        await writeJsonReport(analysis, io.stdout);
    else if (options.format === 'markdown')
        await io.stdout(renderMarkdown(analysis));
    else
        await io.stdout(renderText(analysis));
    return shouldFail(analysis.findings, options.failOn) ? 1 : 0;
}
function parseArgs(argv) {
    const [command, ...rest] = argv;
    if (command !== 'analyze')
        throw new InputError(`unknown command "${command}" (the command is "analyze")`);
    const options = { files: [], format: 'text', maxBuildMinutes: DEFAULT_ANALYSIS_OPTIONS.maxBuildMinutes, failOn: 'never', reportFile: null };
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => {
            const v = inline ?? rest[++i];
            if (v === undefined)
                throw new InputError(`${flag} needs a value`);
            return v;
        };
        switch (flag) {
            case '--format': {
                const format = value();
                if (format !== 'text' && format !== 'markdown' && format !== 'json')
                    throw new InputError(`--format must be text, markdown or json, not "${format}"`);
                options.format = format;
                break;
            }
            case '--max-build-minutes':
                options.maxBuildMinutes = parseMinutes(value());
                break;
            case '--fail-on':
                options.failOn = parseFailOn(value());
                break;
            case '--report-file':
                options.reportFile = value();
                break;
            default:
                if (flag.startsWith('-') && flag !== '-')
                    throw new InputError(`unknown option ${flag}`);
                options.files.push(arg);
        }
    }
    if (options.files.length === 0)
        throw new InputError('no log file given (use - for standard input)');
    return options;
}
function parseMinutes(text) {
    const minutes = Number(text.trim());
    if (!Number.isFinite(minutes) || minutes <= 0)
        throw new InputError(`max-build-minutes must be a positive number of minutes, not "${text}"`);
    return minutes;
}

;// CONCATENATED MODULE: ./src/cli/main.ts


// The CLI entry point (`dist/cli.js`). Any error that escapes is a bug: one line, exit 2, no trace.
runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`buildx-doctor: internal error: ${describeError(error)}\n`);
    process.exitCode = 2;
});

