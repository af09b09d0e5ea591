import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 303:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ commitFileUrl)
/* harmony export */ });
/** Links to a file line at the commit that was built: `https://github.com/OWNER/REPO/blob/SHA/FILE#L12`. */
function commitFileUrl(context, sha) {
    if (!context.owner || !context.repo || !sha || !/^[0-9a-f]{40}$/.test(sha))
        return undefined;
    const base = `${context.serverUrl}/${context.owner}/${context.repo}/blob/${sha}`;
    return (file, line) => `${base}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}


/***/ }),

/***/ 6812:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony exports heredocDelimiter, escapeData, escapeParameter */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



/** An input of the step, as the runner passes it: `INPUT_` and the name upper-cased, spaces as `_`; trimmed. */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/**
 * A step output. In the GITHUB_OUTPUT file as a heredoc whose delimiter occurs nowhere in the name
 * or the value, so that no value (log text) can end it early and set outputs of its own; outside a
 * runner, on stdout.
 */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        issue('set-output', value, { name });
        return;
    }
    const delimiter = heredocDelimiter(`${name}\n${value}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, 'utf8');
}
/**
 * A heredoc delimiter that does not occur in the text: a random one, drawn again in the (unlikely)
 * case that the text holds it. What keeps a value from ending the heredoc is that check, not the
 * delimiter being unpredictable, so Math.random serves: node:crypto (which randomUUID needs) took
 * about a twentieth of the action's start to load, for the outputs of every run.
 */
function heredocDelimiter(text, random = Math.random) {
    for (;;) {
        let suffix = '';
        while (suffix.length < 32)
            suffix += Math.floor(random() * 0x1_0000_0000)
                .toString(16)
                .padStart(8, '0');
        const delimiter = `ghadelimiter_${suffix}`;
        if (!text.includes(delimiter))
            return delimiter;
    }
}
/** Asks the runner to mask a value in every later line of the log. */
function setSecret(value) {
    issue('add-mask', value);
}
function error(message, properties = {}) {
    issue('error', message, annotationParameters(properties));
}
function warning(message, properties = {}) {
    issue('warning', message, annotationParameters(properties));
}
function notice(message, properties = {}) {
    issue('notice', message, annotationParameters(properties));
}
/** Marks the step failed (exit status 1 when the process ends) with an error annotation saying why. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends Markdown to the job summary. Outside a runner (no GITHUB_STEP_SUMMARY) there is none. */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(file, markdown, 'utf8');
}
function annotationParameters(properties) {
    return {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    };
}
/** `::name key=value,...::message`, escaped so that no text can end the command or start another. */
function issue(name, message, parameters = {}) {
    const list = Object.entries(parameters)
        .filter((entry) => entry[1] !== undefined && entry[1] !== '')
        .map(([key, value]) => `${key}=${escapeParameter(String(value))}`)
        .join(',');
    process.stdout.write(`::${name}${list ? ` ${list}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** The runner's escapes for a command's message: `%`, CR and LF. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A parameter's value also may not hold the `:` or `,` that separate parameters. */
function escapeParameter(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 2128:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  n: () => (/* binding */ analyze),
  Z: () => (/* binding */ analyzeBuild)
});

// EXTERNAL MODULE: ./src/analyze/metrics.ts
var metrics = __nccwpck_require__(7401);
// EXTERNAL MODULE: ./src/analyze/rule.ts
var rule = __nccwpck_require__(1312);
// EXTERNAL MODULE: ./src/parse/failure-line.ts
var failure_line = __nccwpck_require__(984);
// EXTERNAL MODULE: ./src/diagnose/normalize.ts
var normalize = __nccwpck_require__(7971);
// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __nccwpck_require__(3326);
// EXTERNAL MODULE: ./src/text/duration.ts
var duration = __nccwpck_require__(9495);
;// CONCATENATED MODULE: ./src/analyze/evidence.ts

const MAX_EVIDENCE_TEXT = 500;
/** A quoted line, redacted and bounded: the only way log text becomes evidence. */
function quote(line, text) {
    const safe = (0,redact/* redact */.E)(text);
    return { line, text: safe.length > MAX_EVIDENCE_TEXT ? `${safe.slice(0, MAX_EVIDENCE_TEXT)}\u2026` : safe };
}
/** The header and end lines of a step, as BuildKit printed them. */
function stepEvidence(step) {
    const lines = [quote(step.line, `#${step.id} ${step.name}`)];
    if (step.endLine !== null && step.endText !== null)
        lines.push(quote(step.endLine, step.endText));
    return lines;
}


// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __nccwpck_require__(6590);
// EXTERNAL MODULE: ./src/analyze/rules/likely-cause.ts + 4 modules
var likely_cause = __nccwpck_require__(1855);
// EXTERNAL MODULE: ./src/analyze/rules/template-values.ts
var template_values = __nccwpck_require__(7587);
;// CONCATENATED MODULE: ./src/analyze/rules/build-outcome.ts






const TAIL = 10;
/** A failure told in more lines than this is not read for its words (wordLines). */
const MAX_WORD_LINES = 40;
// Words of a failure in any tool's output, for the paste whose lines none of the stricter failure
// lines recognise (`ls: cannot access '/x': No such file or directory`, `cd: /src: No such file`):
// used only when nothing else names an error, so that a pasted failure is never left silent.
const LOOSE_FAILURE = /\b(?:cannot|can't|could not|couldn't|unable to|failed|failure|fatal|denied|refused|not found|no such file or directory|timed out|invalid|exception|segmentation fault|aborted)\b|\berror\b|\bexit (?:code|status):? [1-9]|^\s*File "[^"]+", line \d+, in \S+/i;
/** At most this many of the failure's own error lines are quoted. */
const MAX_ERROR_LINES = 8;
/**
 * The baseline for a build that did not succeed: a failure is never left without a finding, even
 * when nothing more specific recognises it, and a canceled build says so.
 */
const buildOutcomeRule = {
    ids: ['unknown', 'canceled'],
    run({ build, diagnosis, catalog }) {
        const matched = diagnosis?.matches ?? [];
        if (build.status === 'canceled') {
            if (matched.some((m) => m.signature.id === 'canceled'))
                return [];
            const advice = catalog.get('canceled');
            return [
                {
                    id: 'canceled',
                    severity: advice?.severity ?? 'warning',
                    title: 'The build was canceled before it finished',
                    evidence: build.errors.slice(0, 5).map((e) => quote(e.line, e.text)),
                    fix: advice?.fix ?? '',
                },
            ];
        }
        // A signature that matched more than a WARNING line names the cause; this is the fallback.
        if (matched.some((m) => !m.onlyWarnings))
            return [];
        const lines = diagnosis?.allLines ?? build.excerpt;
        const strictLines = ownErrorLines(build, lines, failure_line/* FAILURE_LINE */.EV);
        // Failure words looser than a failure line's say less: a build that did not say it failed is
        // then only a warning (the paste may have been cut before its end).
        const loose = strictLines.length === 0;
        const errorLines = loose ? ownErrorLines(build, lines, LOOSE_FAILURE) : strictLines;
        // A paste whose only trace of the failure is a tool's WARNING (a cache import that found
        // nothing) is better explained by that warning than by a finding that has nothing to quote.
        if (matched.length > 0 && strictLines.length === 0 && build.errors.length === 0 && build.failedStepTail.length === 0)
            return [];
        // A log cut before its end that still shows errors is a failure to explain, not a silence.
        if (build.status !== 'failure' && !(build.status === 'unknown' && errorLines.length > 0))
            return [];
        const final = build.errors[build.errors.length - 1] ?? null;
        const failedStep = (0,template_values/* failedStepOf */.n0)(build);
        const first = errorLines[0] ?? final;
        const evidence = dedupe(errorLines.length > 0 ? [...errorLines, ...build.errors] : [...build.failedStepTail.slice(-TAIL), ...build.errors]).map((e) => quote(e.line, e.text));
        const severity = loose && build.status !== 'failure' ? 'warning' : 'error';
        const lastError = final ? `The last error reported: ${(0,markdown/* inlineCode */.ti)(final.text, 300)}.` : 'The log shows the build failed but no error line.';
        // No signature knew the failure's wording: the words may still say which cause it is.
        const stated = [...errorLines, ...build.errors].map((l) => l.text);
        const likely = (0,likely_cause/* likelyCause */.IT)(wordLines(build, diagnosis?.lines, errorLines), stated, { build, failedStep, catalog });
        if (likely)
            return [{ ...likely, severity, evidence, fix: [likely.fix, lastError].join('\n\n') }];
        return [
            {
                id: 'unknown',
                severity,
                title: failedStep ? stepFailureTitle(failedStep) : first ? `The build failed: ${shorten(first.text)}` : 'The build failed',
                evidence,
                fix: [lastError, catalog.get('unknown')?.fix ?? ''].join('\n\n'),
            },
        ];
    },
};
/**
 * The lines a failure's words are read from: those the signatures read as the failure itself (the
 * failing step's output, the error block, the final errors; a paste without BuildKit's frame, whole),
 * not the frame around them (other steps, `[internal] load metadata for ...`, the step headers and the
 * Dockerfile excerpt that restate commands), whose words say what was built, not what broke. When no
 * line is marked as the failure, its own error lines.
 */
function wordLines(build, candidates, errorLines) {
    const own = (candidates ?? []).filter((l) => l.inFailure);
    const lines = own.length > 0 ? own.map((l) => l.text) : dedupe([...errorLines, ...build.failedStepTail.slice(-TAIL), ...build.errors]).map((l) => l.text);
    // The model learnt from pasted excerpts (1 to 37 lines). A failure told in more lines (a long step's
    // output) is not what it knows: there its words are mostly what the step did (crate names, progress),
    // and a review found every guess on such logs decided by them. None is made.
    return lines.length <= MAX_WORD_LINES ? lines : [];
}
/**
 * What the word model reads of a build that needed a diagnosis, whatever the signatures found: the
 * corpus's train excerpts give it their documents this way (word-model.test.ts), so that it learns
 * from the same lines it is later asked about.
 */
function failureWordLines(build, diagnosis) {
    const strict = ownErrorLines(build, diagnosis.allLines, FAILURE_LINE);
    return wordLines(build, diagnosis.lines, strict.length > 0 ? strict : ownErrorLines(build, diagnosis.allLines, LOOSE_FAILURE));
}
/** `RUN cargo build --release failed: exit code: 101`: the step and why, without the shell quoting. */
function stepFailureTitle(step) {
    const error = step.error ?? '';
    const reason = /did not complete successfully: (.*)$/.exec(error)?.[1] ?? /^executor failed running \[.*\]: (.*)$/s.exec(error)?.[1] ?? error;
    const what = step.instruction ? `${step.instruction} ${step.command}` : step.name;
    return `${what.length > 60 ? `${what.slice(0, 59)}\u2026` : what} failed${reason ? `: ${shorten(reason)}` : ''}`;
}
/**
 * The error lines of the failure itself, in log order: the failing step's own output when a step
 * failed, else the lines of the paste that state a failure.
 */
function ownErrorLines(build, lines, failure) {
    const source = build.failedStepTail.length > 0 ? build.failedStepTail : lines;
    return dedupe(source.filter((l) => failure.test((0,normalize/* normalizeForMatching */._)(l.text)))).slice(0, MAX_ERROR_LINES);
}
/** One line per line number and text, in log order. */
function dedupe(lines) {
    const seen = new Set();
    return lines.filter((l) => {
        const key = `${l.line}\u0000${l.text}`;
        return !seen.has(key) && seen.add(key) !== undefined;
    });
}
function shorten(text) {
    const clean = text.replace(/^##\[error\]/, '').replace(/^#\d+ ERROR:\s*/, '');
    return clean.length > 120 ? `${clean.slice(0, 119)}\u2026` : clean;
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
    run({ build, cache, catalog }) {
        // A build that failed or was canceled says more about that than about its cache.
        if (build.status !== 'success' && build.status !== 'unknown')
            return [];
        if (cache.ratio === null || cache.hits + cache.misses < MIN_CACHEABLE || cache.ratio >= FEW_HITS)
            return brokenChain(build, catalog);
        const rerunSeconds = build.steps.filter((s) => (0,metrics/* isCacheable */.TZ)(s) && !s.cached).reduce((total, s) => total + (s.seconds ?? 0), 0);
        if (rerunSeconds < MIN_RERUN_SECONDS)
            return [];
        const none = cache.hits === 0;
        const firstRan = firstStepsThatRan(build);
        const evidence = [...cacheImportSteps(build).flatMap(stepEvidence), ...firstRan.flatMap((step) => stepEvidence(step))];
        const total = cache.hits + cache.misses;
        return [
            {
                id: 'cache-miss',
                severity: none ? 'warning' : 'notice',
                title: none ? `No cache hits: all ${total} cacheable steps ran` : `Few cache hits: ${cache.hits} of ${total} cacheable steps came from the cache`,
                evidence,
                // What this build shows, then the advice (the catalog's, which a team can override), once.
                fix: [factsFor(build, firstRan), catalog.get('cache-miss')?.fix ?? ''].filter(Boolean).join('\n\n'),
                data: {
                    pattern: none ? 'no-hits' : 'few-hits',
                    hits: cache.hits,
                    misses: cache.misses,
                    ratio: cache.ratio,
                    rerunSeconds: Math.round(rerunSeconds * 10) / 10,
                    firstStep: firstRan[0] ? `${firstRan[0].instruction} ${firstRan[0].command}`.slice(0, 200) : null,
                    cacheSource: build.cache.imports[0]?.ref ?? build.request.cacheFrom[0] ?? null,
                },
            },
        ];
    },
};
function cacheImportSteps(build) {
    return build.steps.filter((s) => s.kind === 'cache-import');
}
/**
 * A RUN that ran although the step before it in its stage came from the cache. Its parent layer
 * matched, so only its own cache entry was missing: the cache was exported without it (`mode=min`
 * keeps only the final stage), it was evicted, or a build argument it uses changed. (A COPY that
 * runs after cached steps is different: the files it copies changed, which is what caches are for.)
 */
function brokenChain(build, catalog) {
    if (build.cache.imports.length === 0 && build.request.cacheFrom.length === 0)
        return [];
    const byPlace = new Map();
    for (const step of build.steps) {
        if (step.kind === 'instruction' && step.index !== null)
            byPlace.set(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index}`, step);
    }
    for (const step of build.steps) {
        if (step.kind !== 'instruction' || step.instruction !== 'RUN' || step.cached || step.status === 'canceled' || step.index === null)
            continue;
        const previous = byPlace.get(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index - 1}`);
        if (!previous || !previous.cached || previous.instruction === 'FROM')
            continue;
        const what = `${step.instruction} ${step.command}`;
        const lines = [
            `${(0,markdown/* inlineCode */.ti)(what, 120)} ran although ${(0,markdown/* inlineCode */.ti)(`${previous.instruction} ${previous.command}`, 120)} before it came from the cache: the cache held its parent layer but not this step.`,
            '',
            `- \`cache-to\` without \`mode=max\` exports only the final stage's layers${build.request.cacheTo.length ? ` (this build: ${(0,markdown/* inlineCode */.ti)(build.request.cacheTo.join(' '))})` : ''}: use \`mode=max\`.`,
            '- A build argument or secret this step uses changed (its value is part of the cache key), or the entry was evicted from the cache.',
            '- Downloads in such steps are better kept in a cache mount (`RUN --mount=type=cache,target=/go/pkg/mod go mod download`), which survives a miss.',
        ];
        return [
            {
                id: 'cache-miss',
                severity: step.status === 'running' || (step.seconds ?? 0) >= 10 ? 'warning' : 'notice',
                title: `A cached chain broke at ${what.length > 70 ? `${what.slice(0, 69)}\u2026` : what}`,
                evidence: [...cacheImportSteps(build).flatMap(stepEvidence), ...stepEvidence(previous), ...stepEvidence(step)],
                fix: [lines.join('\n'), catalog.get('cache-miss')?.fix ?? ''].filter(Boolean).join('\n\n'),
                data: { pattern: 'broken-chain', step: what.slice(0, 200), seconds: step.seconds },
            },
        ];
    }
    return [];
}
/** The first instruction that ran in each stage and platform: it invalidated everything after it. */
function firstStepsThatRan(build) {
    const first = new Map();
    for (const step of build.steps) {
        if (!(0,metrics/* isCacheable */.TZ)(step) || step.cached)
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
/**
 * What the log says about this build's cache, in sentences; the general advice (cache-from/cache-to,
 * warming, dependency layers) is the catalog's and follows once.
 */
function factsFor(build, firstRan) {
    const facts = [];
    const source = build.cache.imports[0]?.ref ?? build.request.cacheFrom[0] ?? null;
    facts.push(source
        ? `The cache was read from ${(0,markdown/* inlineCode */.ti)(source)} but nothing matched: expected on a first run or after the cache was evicted, not on a warm run.`
        : 'This build reads no cache (no `cache-from`).');
    const cacheTo = build.request.cacheTo.join(' ');
    if (cacheTo && !/mode=max/.test(cacheTo) && new Set(build.steps.map((s) => s.stage)).size > 1) {
        facts.push(`${(0,markdown/* inlineCode */.ti)(cacheTo)} exports only the final stage (mode=min): add \`mode=max\` so the builder stages are cached too.`);
    }
    const first = firstRan[0];
    if (first)
        facts.push(`The first step that ran was ${(0,markdown/* inlineCode */.ti)(`${first.instruction} ${first.command}`)}; every step after it in its stage ran too.`);
    return facts.join(' ');
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
    run({ build, catalog }) {
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
        const extra = (0,metrics/* round */.LI)(pairs.reduce((total, pair) => total + pair.extra, 0), 1);
        const share = build.buildSeconds ? (0,metrics/* round */.LI)(Math.min(1, extra / build.buildSeconds), 3) : null;
        const emulatedPlatform = worst.emulated.platform;
        const what = `${worst.emulated.instruction} ${worst.emulated.command}`;
        return [
            {
                id: 'qemu-emulation',
                severity: 'warning',
                title: `${emulatedPlatform} ran under QEMU emulation: ${truncateTitle(what)} took ${(0,duration/* formatDuration */.a)(worst.emulated.seconds)} against ${(0,duration/* formatDuration */.a)(worst.native.seconds)} on ${native} (${(0,metrics/* round */.LI)(worst.ratio, 1)}\u00d7)`,
                evidence: [...stepEvidence(worst.native), ...stepEvidence(worst.emulated)],
                fix: [
                    `Emulated steps cost about ${(0,duration/* formatDuration */.a)(extra)} more than their native twins${share !== null ? `, ${Math.round(share * 100)}% of this build's ${(0,duration/* formatDuration */.a)(build.buildSeconds)}` : ''}${build.nativePlatform ? '' : ` (native platform assumed to be ${native}: the log does not say)`}. The slowest: ${(0,markdown/* inlineCode */.ti)(what)} on ${(0,markdown/* inlineCode */.ti)(emulatedPlatform)}.`,
                    '',
                    // The advice after the blank line is the same for every build: a group of builds shows it once.
                    `- Build each platform on a native runner (\`runs-on: ubuntu-24.04-arm\` for arm64) in a matrix, push by digest (\`outputs: type=image,push-by-digest=true,name-canonical=true,push=true\`), then merge the digests into one tag with \`docker buildx imagetools create\`.`,
                    `- Or cross-compile: start the build stage with \`FROM --platform=$BUILDPLATFORM\` and compile for \`$TARGETPLATFORM\` (for Rust: \`rustup target add\` and a cross linker, or \`cargo zigbuild\`), so only the final, cheap stage runs per platform.`,
                    `- If the emulated platform is not needed on pull requests, build \`linux/amd64\` only there and all platforms on \`main\`.`,
                    ...(catalog.get('qemu-emulation')?.origin === 'built-in' ? [] : ['', catalog.get('qemu-emulation').fix]),
                ].join('\n'),
                data: {
                    platform: emulatedPlatform,
                    nativePlatform: native,
                    ratio: (0,metrics/* round */.LI)(worst.ratio, 2),
                    emulatedSeconds: worst.emulated.seconds,
                    nativeSeconds: worst.native.seconds,
                    extraSeconds: extra,
                    shareOfBuild: share,
                    step: what.slice(0, 200),
                    buildSeconds: build.buildSeconds,
                },
            },
        ];
    },
};
function keyOf(step) {
    return `${step.stage ?? ''}|${step.index ?? ''}|${step.instruction ?? ''} ${step.command}`;
}
function truncateTitle(text) {
    return text.length > 60 ? `${text.slice(0, 59)}\u2026` : text;
}

;// CONCATENATED MODULE: ./src/analyze/rules/slow-build.ts


const slowBuildRule = {
    ids: ['slow-build'],
    run({ build, timing, options, catalog }) {
        const budget = options.maxBuildMinutes * 60;
        const seconds = build.buildSeconds ?? build.jobSeconds;
        if (seconds === null)
            return stillRunning(build, budget, catalog.get('slow-build')?.fix ?? '');
        if (seconds <= budget)
            return [];
        const which = build.buildSeconds !== null ? 'build' : 'job';
        const slowest = timing.slowestSteps.slice(0, 3);
        return [
            {
                id: 'slow-build',
                severity: 'warning',
                title: `The ${which} took ${(0,duration/* formatDuration */.a)(seconds)}, over the ${options.maxBuildMinutes} min budget`,
                evidence: [quote(build.boundary.first.line, build.boundary.first.text), quote(build.boundary.last.line, build.boundary.last.text)],
                fix: [
                    `Where the time went: ${slowest.map((s) => `${(0,markdown/* inlineCode */.ti)(s.name, 80)} ${(0,duration/* formatDuration */.a)(s.seconds)}`).join(', ') || 'no step timings in the log'}${timing.cacheExportSeconds > 0 ? `; cache export ${(0,duration/* formatDuration */.a)(timing.cacheExportSeconds)}` : ''}.`,
                    '',
                    catalog.get('slow-build')?.fix ?? '',
                ].join('\n'),
                data: { seconds, budgetSeconds: budget },
            },
        ];
    },
};
/**
 * A log without timestamps that ends while a step still runs (a job stopped at its time limit, a paste
 * cut there): BuildKit's clock on the step's last output line says how long it had run by then.
 */
function stillRunning(build, budget, advice) {
    const step = build.steps.filter((s) => s.runningSeconds !== undefined).sort((a, b) => b.runningSeconds - a.runningSeconds)[0];
    if (!step || step.runningSeconds <= budget)
        return [];
    const seconds = step.runningSeconds;
    return [
        {
            id: 'slow-build',
            severity: 'warning',
            title: `The step "${(0,markdown/* truncate */.xv)(step.name, 80)}" was still running after ${(0,duration/* formatDuration */.a)(seconds)}, over the ${budget / 60} min budget`,
            evidence: [quote(step.line, step.name), quote(build.boundary.last.line, build.boundary.last.text)],
            fix: [`The log ends while ${(0,markdown/* inlineCode */.ti)(step.name, 80)} runs, ${(0,duration/* formatDuration */.a)(seconds)} after it started.`, '', advice].join('\n'),
            data: { seconds, budgetSeconds: budget, running: 1 },
        },
    ];
}

// EXTERNAL MODULE: ./src/diagnose/template.ts
var template = __nccwpck_require__(4772);
// EXTERNAL MODULE: ./src/reference/image-reference.ts
var image_reference = __nccwpck_require__(5676);
;// CONCATENATED MODULE: ./src/diagnose/enrich.ts


const ENRICHERS = {
    'registry-auth-denied': registryAuth,
    'invalid-tag': invalidTag,
    'compile-error': toolchain,
    'package-install-failure': toolchain,
};
// Which toolchain printed the error or ran the failing command: its advice, not another's.
const TOOLCHAIN_SIGNS = [
    ['rust', /\b(?:cargo|rustc|rustup)\b|error\[E\d{4}\]|\.rs:\d+/],
    ['go', /\bgo (?:build|install|mod|vet|test|get)\b|\.go:\d+:\d+|\bgo: |\bcgo\b/],
    ['node', /\b(?:npm|npx|yarn|pnpm|node|tsc|vite|webpack|next build|ng build)\b|error TS\d{4}|\.tsx?[(:]\d+/],
    ['java', /\b(?:mvnw?|gradlew?|javac|kotlinc)\b|\.(?:java|kt):|\[ERROR\] /],
    ['dotnet', /\bdotnet\b|error (?:CS|MSB|NU|NETSDK)\d{4}/],
    ['python', /\b(?:pip3?|python3?|poetry|uv|conda)\b|\bwheel\b/],
    ['native', /\b(?:gcc|g\+\+|clang|cc1plus|make|cmake|ld)\b|\.(?:c|cc|cpp|cxx|h|hpp):\d+/],
];
/** How a fix names each toolchain. */
const TOOL_NAMES = {
    rust: 'cargo',
    go: 'go',
    node: 'node',
    java: 'javac',
    dotnet: 'dotnet',
    python: 'pip',
    native: 'cc',
};
/** The toolchain of a compile or install failure, from the matched lines and the failing command. */
function toolchain(match, build) {
    const failing = build.steps.find((s) => s.status === 'error' && s.instruction === 'RUN');
    const text = [...match.lines.map((l) => l.normalized), failing?.command ?? ''].join('\n');
    for (const [name, sign] of TOOLCHAIN_SIGNS) {
        const seen = sign.exec(text);
        if (seen)
            return { values: { [name]: TOOL_NAMES[name] }, cause: null, data: { toolchain: name, seen: seen[0] } };
    }
    return { values: {}, cause: null, data: {} };
}
function enrich(match, build, references = []) {
    return ENRICHERS[match.signature.id]?.(match, build, references) ?? { values: {}, cause: null, data: {} };
}
/**
 * A registry 403 has three common causes that the error text alone does not tell apart: the job's
 * token lacks `packages: write`, the job runs for a fork's pull request (read-only token, no
 * secrets), or an organization package does not grant the repository access. The runner's "Set up
 * job" section says which permissions and secrets the job had.
 */
function registryAuth(match, build, references) {
    const text = match.lines.map((l) => l.normalized).join('\n');
    const registry = registryOf(match.groups, build, references);
    const values = registry ? { registry } : {};
    const packages = build.runner.tokenPermissions.packages ?? null;
    const data = {};
    let cause = null;
    if (/installation not allowed to Write organization package/.test(text)) {
        data.cause = 'org-package-access';
        cause =
            'The organization package exists but does not grant this repository write access: in the package settings, "Manage Actions access", add the repository with the Write role (or let the workflow create a new package).';
    }
    else if (build.runner.secretSource === 'None') {
        data.cause = 'fork-pull-request';
        cause =
            'This job ran without secrets ("Secret source: None"): a pull request from a fork, whose `GITHUB_TOKEN` is read-only. Do not push from such runs: `push: ${{ github.event_name != \'pull_request\' }}`, or push from a `workflow_run` after review.';
    }
    else if (packages !== null && packages !== 'write' && (!registry || registry === 'ghcr.io')) {
        data.cause = 'missing-packages-write';
        cause = `The job's \`GITHUB_TOKEN\` had \`packages: ${packages}\` ("Set up job" lists it): add \`permissions: packages: write\` to the workflow or the job.`;
    }
    else if (/\b40[13]\b/.test(text) && /anonymous token/.test(text)) {
        data.cause = 'not-logged-in';
        cause = `The builder asked for an anonymous token, so it had no credentials${registry ? ` for ${(0,markdown/* inlineCode */.ti)(registry)}` : ''}: log in with \`docker/login-action\` before the build step (and before \`docker/setup-buildx-action\` creates the builder, for a pull of a private base image).`;
    }
    if (packages)
        data.packagesPermission = packages;
    if (build.runner.secretSource)
        data.secretSource = build.runner.secretSource;
    return { values, cause, data };
}
function registryOf(groups, build, references) {
    if (groups.registry)
        return groups.registry;
    for (const candidate of [groups.ref, groups.authurl, groups.repo, ...references, ...build.request.tags, ...build.images.map((i) => i.ref)]) {
        if (!candidate)
            continue;
        const url = /^https?:\/\/([^/\s]+)/.exec(candidate);
        if (url)
            return url[1];
        const first = candidate.split('/')[0];
        if (candidate.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'))
            return first;
    }
    return null;
}
/**
 * Names the rule of the reference grammar a tag breaks, and, when docker/metadata-action's inputs are
 * in the log, the template that produced it: `{{branch}}` is empty on pull_request events, so
 * `type=sha,prefix={{branch}}-` gives `-0899a35`.
 */
function invalidTag(match, build) {
    const data = {};
    const reasons = [];
    const candidates = match.groups.tag !== undefined ? [match.groups.tag] : build.request.tags;
    for (const tag of candidates) {
        const rule = (0,image_reference/* explainReference */.fL)(tag);
        if (rule) {
            reasons.push(`${(0,markdown/* inlineCode */.ti)(tag)}: ${rule}.`);
            data.tag = tag;
            data.rule = rule;
            break;
        }
    }
    const text = match.lines.map((l) => l.normalized).join('\n');
    if (reasons.length === 0 && /tag is needed when pushing/.test(text)) {
        reasons.push('The build was asked to push but had no tag at all: the tag list was empty.');
    }
    const templates = build.runner.metadataTemplates;
    const suspect = templates.find((t) => /\{\{\s*(?:branch|tag|base_ref|is_default_branch)\s*\}\}|\{\{\s*raw\s*\}\}/.test(t)) ?? null;
    if (suspect) {
        data.template = suspect;
        reasons.push(`The tags come from \`docker/metadata-action\`, and ${(0,markdown/* inlineCode */.ti)(suspect)} uses a value that is empty for some events: \`{{branch}}\` is empty on \`pull_request\` events (and \`{{tag}}\` outside tag pushes), so \`type=sha,prefix={{branch}}-\` yields \`-<sha>\`. Use \`{{base_ref}}\`/\`type=ref,event=pr\` on pull requests, or guard the rule with \`enable=\${{ github.event_name != 'pull_request' }}\`.`);
    }
    else if (templates.length > 0 && /tag is needed when pushing/.test(text)) {
        data.template = templates[0];
        reasons.push(`No \`docker/metadata-action\` rule applied to this event (${(0,markdown/* inlineCode */.ti)(templates.join('; '), 160)}): add one that always applies, such as \`type=sha\`.`);
    }
    return { values: data.tag !== undefined ? { tag: data.tag } : {}, cause: reasons.length ? reasons.join(' ') : null, data };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/diagnose/locations.ts



// `Dockerfile:12` (or `docker/app.Dockerfile:3`) then a `----` rule, then numbered lines with `>>>`.
const DOCKERFILE_HEADER = /^(?<file>[^\s:]+):(?<line>\d+)$/;
const EXCERPT_LINE = /^\s*(?<line>\d+) \|\s?(?<marker>>>>)?/;
// Compiler locations, each tool's own form.
const SOURCE_FORMS = [
    { tool: 'rustc', regex: /^-+> (?<file>[^\s:]+):(?<line>\d+):(?<col>\d+)\s*$/ },
    { tool: 'tsc', regex: /^(?<file>[^\s(:]+\.(?:ts|tsx|mts|cts))\((?<line>\d+),(?<col>\d+)\): error/ },
    { tool: 'go', regex: /^(?:\.\/)?(?<file>[^\s:]+\.go):(?<line>\d+):(?<col>\d+): / },
    { tool: 'gcc', regex: /^(?<file>[^\s:]+\.(?:c|cc|cpp|cxx|h|hh|hpp)):(?<line>\d+):(?<col>\d+): (?:fatal )?error/ },
    { tool: 'javac', regex: /^(?<file>[^\s:]+\.java):(?<line>\d+): error/ },
];
// Paths inside dependency caches are not the team's code.
const DEPENDENCY_PATH = /\/(?:\.cargo|cargo)\/registry\/|\/go\/pkg\/mod\/|node_modules\/|\/usr\/(?:lib|include|local\/include)\//;
const MAX_SOURCE_LOCATIONS = 5;
const MAX_STRIPPED_COMPONENTS = 8;
/**
 * Where in the repository a failure points: the Dockerfile line BuildKit marked with `>>>`, and the
 * source lines compilers named. Paths are mapped from the container (WORKDIR) back to the workspace
 * and kept only when the file exists there, so annotations never point at nothing.
 */
function findLocations(build, lines, workspace, message) {
    const locations = [];
    const dockerfile = dockerfileLocation(build, lines, workspace, message);
    if (dockerfile)
        locations.push(dockerfile);
    locations.push(...sourceLocations(build, lines, workspace));
    return locations;
}
function dockerfileLocation(build, lines, workspace, message) {
    for (let i = 0; i < lines.length; i++) {
        const header = DOCKERFILE_HEADER.exec((0,normalize/* normalizeForMatching */._)(lines[i].text));
        if (!header || !/dockerfile/i.test(header.groups.file))
            continue;
        // The first `>>>` line of the excerpt that follows: the instruction that failed.
        let line = Number(header.groups.line);
        for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
            const numbered = EXCERPT_LINE.exec((0,normalize/* normalizeForMatching */._)(lines[j].text).replace(/^-+$/, ''));
            if (numbered?.groups.marker) {
                line = Number(numbered.groups.line);
                break;
            }
        }
        const printed = header.groups.file;
        const candidates = [build.request.dockerfile, printed].filter((c) => !!c);
        const file = resolveInWorkspace(candidates, workspace);
        return { kind: 'dockerfile', file: file ?? cleanPath(build.request.dockerfile ?? printed), line, column: null, verified: file !== null, message };
    }
    return dockerfileLineOfFailedStep(build, workspace, message);
}
/**
 * Older BuildKit (Docker 20.10) prints no `Dockerfile:N` excerpt: find the failed instruction in
 * the workspace's Dockerfile by its text, which BuildKit prints as written (continuations joined).
 * Only an exact match counts; nothing is guessed.
 */
function dockerfileLineOfFailedStep(build, workspace, message) {
    const step = build.steps.find((s) => s.status === 'error' && s.kind === 'instruction' && s.instruction !== 'FROM');
    if (!step || !workspace)
        return null;
    const file = resolveInWorkspace([build.request.dockerfile ?? 'Dockerfile'], workspace);
    if (!file)
        return null;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(workspace, file), 'utf8');
    }
    catch {
        return null;
    }
    const wanted = collapse(step.command);
    const candidates = readInstructions(text).filter((i) => i.keyword === step.instruction && collapse(i.args) === wanted);
    const found = candidates.find((i) => step.stage === null || i.stage === step.stage) ?? (candidates.length === 1 ? candidates[0] : undefined);
    return found ? { kind: 'dockerfile', file, line: found.line, column: null, verified: true, message } : null;
}
/** The instructions of a Dockerfile with the line each starts on (continuations joined, comments skipped). */
function readInstructions(text) {
    const out = [];
    const lines = text.split(/\r?\n/);
    let stageIndex = -1;
    let stage = 'stage-0';
    for (let i = 0; i < lines.length && i < 5000; i++) {
        const first = lines[i];
        if (/^\s*(#|$)/.test(first))
            continue;
        const start = i;
        let joined = first;
        while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
            joined = joined.replace(/\\\s*$/, ' ');
            i++;
            if (/^\s*#/.test(lines[i]))
                continue;
            joined += lines[i];
        }
        const match = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(joined);
        if (!match)
            continue;
        const keyword = match[1].toUpperCase();
        if (keyword === 'FROM') {
            stageIndex++;
            stage = /\s+[Aa][Ss]\s+(\S+)\s*$/.exec(match[2])?.[1]?.toLowerCase() ?? `stage-${stageIndex}`;
        }
        out.push({ line: start + 1, keyword, args: match[2], stage });
    }
    return out;
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function sourceLocations(build, lines, workspace) {
    const out = [];
    const seen = new Set();
    let lastMessage = '';
    for (const evidence of lines) {
        const text = (0,normalize/* normalizeForMatching */._)(evidence.text);
        if (/^(?:error|fatal error)\b|: error\b|error\[E\d+\]/.test(text))
            lastMessage = text;
        for (const { regex } of SOURCE_FORMS) {
            const match = regex.exec(text);
            if (!match)
                continue;
            const raw = match.groups.file;
            if (DEPENDENCY_PATH.test(raw) || DEPENDENCY_PATH.test(`/${raw}`))
                break;
            const key = `${raw}:${match.groups.line}`;
            if (seen.has(key))
                break;
            seen.add(key);
            const dockerfileDir = build.request.dockerfile ? external_node_path_.posix.dirname(cleanPath(build.request.dockerfile)) : null;
            const candidates = containerPathCandidates(raw, dockerfileDir);
            const file = resolveInWorkspace(candidates, workspace);
            if (file === null)
                break;
            out.push({
                kind: 'source',
                file,
                line: Number(match.groups.line),
                column: match.groups.col ? Number(match.groups.col) : null,
                verified: true,
                message: (lastMessage || text).slice(0, 300),
            });
            break;
        }
        if (out.length >= MAX_SOURCE_LOCATIONS)
            break;
    }
    return out;
}
/**
 * `/app/crates/engine/src/lib.rs` -> `app/crates/engine/src/lib.rs`, `crates/engine/src/lib.rs`, ...:
 * the WORKDIR is unknown, so leading components are dropped one by one; a relative path is also
 * tried beside the Dockerfile (a crate built from its own directory).
 */
function containerPathCandidates(raw, dockerfileDir) {
    const parts = raw
        .replace(/^\/+/, '')
        .split('/')
        .filter((p) => p && p !== '.');
    const out = [];
    for (let drop = 0; drop < Math.min(parts.length, MAX_STRIPPED_COMPONENTS); drop++)
        out.push(parts.slice(drop).join('/'));
    if (!(0,external_node_path_.isAbsolute)(raw) && dockerfileDir && dockerfileDir !== '.')
        out.push(external_node_path_.posix.join(dockerfileDir, raw));
    return out;
}
/** The first candidate that is a file in the workspace, as a workspace-relative path. */
function resolveInWorkspace(candidates, workspace) {
    if (!workspace)
        return null;
    for (const candidate of candidates) {
        const relative = cleanPath(candidate);
        if (!relative || relative.startsWith('..'))
            continue;
        const full = (0,external_node_path_.join)(workspace, relative);
        try {
            if ((0,external_node_fs_.existsSync)(full) && (0,external_node_fs_.statSync)(full).isFile())
                return relative;
        }
        catch {
            // unreadable: not a candidate
        }
    }
    return null;
}
function cleanPath(path) {
    return (0,external_node_path_.normalize)(path)
        .replace(/\\/g, '/')
        .replace(/^(?:\.\/)+/, '')
        .replace(/^\/+/, '');
}

// EXTERNAL MODULE: ./src/text/fix-lines.ts
var fix_lines = __nccwpck_require__(7370);
;// CONCATENATED MODULE: ./src/analyze/rules/signature-diagnosis.ts







/** Besides the root cause, this many other signatures are reported, as possible contributors. */
const MAX_SECONDARY = 2;
const MAX_EVIDENCE = 12;
const CONTINUES_ERROR = /^(?:\s|-->|\||\^|=|at |Caused by|note:|help:|error|fatal|ERROR|ERR!|E: )|\d+ \|/;
/** Lines of the root cause's error quoted as the tool printed them. */
const MAX_PRINTED = 8;
/**
 * Names the cause of a failure from the signature catalog: the best match is the root cause, with
 * its evidence, the line it points at and a fix that uses what the match extracted.
 */
const signatureDiagnosisRule = {
    // Every id of the signature catalog (signatures/builtin.yml and the team's own file).
    ids: ['(catalog)'],
    run(context) {
        const { diagnosis } = context;
        if (!diagnosis || diagnosis.matches.length === 0)
            return [];
        const seen = new Set();
        const chosen = diagnosis.matches.filter((m) => !seen.has(m.signature.id) && seen.add(m.signature.id)).slice(0, 1 + MAX_SECONDARY);
        return chosen.map((match, index) => matchFinding(match, context, { primary: index === 0, others: index === 0 ? chosen.slice(1) : [], allLines: diagnosis.allLines, laterStep: null }));
    },
};
function matchFinding(match, { build, options }, { primary, others, allLines, laterStep, references = [] }) {
    const signature = match.signature;
    const failedStep = (0,template_values/* failedStepOf */.n0)(build);
    const enrichment = enrich(match, build, references);
    const values = {
        ...(0,template_values/* templateValues */.nX)(build, failedStep),
        ...match.groups,
        ...enrichment.values,
    };
    // A build that succeeded (a cache export with ignore-error) or a tool's own WARNING is never an
    // error, unless the warnings are the root cause of an error that followed (a retry loop before
    // the package manager gave up).
    const explainsError = primary && others.some((m) => !m.onlyWarnings && m.signature.causedBy.includes(signature.id));
    // A later step's failure is an error of the job, though the build succeeded (a push that was denied).
    let severity = signature.severity;
    if ((build.status === 'success' && laterStep === null) || (match.onlyWarnings && !explainsError) || !primary)
        severity = capAt(severity, 'warning');
    const cause = (0,template/* fillTemplate */.o)(signature.title, values, 'text');
    const title = laterStep === null ? cause : `${cause}, in ${laterStep} after the build`;
    // What to do comes first (reports show the fix's first line alone); which line came first last.
    const general = (0,template/* fillTemplate */.o)(signature.fix, values, 'markdown');
    const after = laterStep === null ? afterTheBuild(build, failedStep) : null;
    const fix = [enrichment.cause, after, general, causality(match, others)].filter(Boolean).join('\n\n');
    // The change: the cause in this build when code found one, else the catalog's first advice (a list
    // item), not its lead paragraph, which says what happened (catalog header).
    const change = enrichment.cause ? (0,fix_lines/* firstLine */.TM)(enrichment.cause) : ((0,fix_lines/* firstListItem */.oI)(general) ?? (0,fix_lines/* firstLine */.TM)(general));
    const printed = primary ? asPrinted(match.lines[0], allLines) : [];
    const evidence = signature_diagnosis_dedupe([...printed, ...match.lines, ...(primary ? build.errors : [])])
        .slice(0, MAX_EVIDENCE)
        .map((l) => quote(l.line, l.text));
    // A Dockerfile's or a source file's line is a build's failure; a later step's is in no such file.
    const locations = primary && severity === 'error' && laterStep === null ? findLocations(build, allLines, options.workspace, title) : [];
    return {
        id: signature.id,
        severity,
        title,
        fix,
        evidence,
        locations,
        rank: primary ? 0 : 50,
        change,
        data: {
            ...Object.fromEntries(Object.entries(match.groups).map(([k, v]) => [k, v.slice(0, 200)])),
            ...enrichment.data,
            priority: signature.priority,
            signatureOrigin: signature.origin,
            role: primary ? 'root-cause' : 'contributing',
            ...(laterStep === null ? {} : { laterCause: cause }),
        },
    };
}
/**
 * Which line came first and what followed from it: the root cause's first line, and the other
 * signatures that matched later lines of the same failure.
 */
function causality(root, others) {
    const first = root.lines[0];
    const later = others.filter((m) => !m.onlyWarnings && m.lines[0].line > first.line);
    if (later.length === 0)
        return null;
    const what = later.map((m) => `${m.signature.id} (line ${m.lines[0].line})`).join(', ');
    return `The first error is on line ${first.line}; what the log reports after it follows from it: ${what}.`;
}
/** A failure in an exporter after every instruction ran: say so, the image itself was built. */
function afterTheBuild(build, failedStep) {
    if (!failedStep || (failedStep.kind !== 'export' && failedStep.kind !== 'cache-export'))
        return null;
    const instructions = build.steps.filter((s) => s.kind === 'instruction');
    if (instructions.length === 0 || instructions.some((s) => s.status !== 'done' && s.status !== 'cached'))
        return null;
    return `All ${instructions.length} build steps finished; the failure came afterwards, in ${(0,markdown/* inlineCode */.ti)(failedStep.name)}.`;
}
function capAt(severity, cap) {
    const order = ['error', 'warning', 'notice'];
    return order.indexOf(severity) < order.indexOf(cap) ? cap : severity;
}
/**
 * The error as the tool printed it: from the root cause's first line, the lines that follow it
 * without a gap (a compiler's `-->` location and caret lines), up to 8, each text once.
 */
function asPrinted(first, lines) {
    const start = lines.findIndex((l) => l.line === first.line && l.text === first.text);
    if (start === -1)
        return [];
    // Plain progress interleaves the steps that run at once: follow the root cause's own step.
    const step = /^#\d+ /.exec(first.text)?.[0] ?? null;
    const out = [];
    const seen = new Set();
    let previous = first.line;
    for (let i = start; i < lines.length && out.length < MAX_PRINTED; i++) {
        const line = lines[i];
        if (step !== null && !line.text.startsWith(step))
            continue;
        if (line.line - previous > (step === null ? 1 : 3))
            break;
        previous = line.line;
        const text = line.text.replace(/^#\d+ (?:\d+\.\d+ )?|^\d+\.\d+ /, '');
        if (text.trim() === '' || seen.has(text))
            continue;
        // After the first line, only what continues the error: indented lines, a compiler's location,
        // source and caret lines, notes, and further error lines.
        if (i > start && !CONTINUES_ERROR.test(text))
            break;
        seen.add(text);
        out.push(line);
    }
    return out;
}
function signature_diagnosis_dedupe(lines) {
    const seen = new Set();
    return lines.filter((l) => !seen.has(l.line) && seen.add(l.line));
}

;// CONCATENATED MODULE: ./src/analyze/rules/build-checks.ts


/**
 * Dockerfile build checks BuildKit reported (`buildx.build.warnings` in the build's metadata): each
 * names a rule and a line, so each becomes a warning annotated on that line of the Dockerfile.
 */
const buildChecksRule = {
    ids: ['build-check'],
    run({ build, options }) {
        return build.checks.map((check) => {
            const file = resolveInWorkspace([check.file, build.request.dockerfile].filter((f) => !!f), options.workspace);
            return {
                id: 'build-check',
                severity: 'warning',
                title: `${check.rule}: ${check.message}`,
                evidence: [],
                fix: [
                    `BuildKit's build check ${(0,markdown/* inlineCode */.ti)(check.rule)} flagged ${check.line ? `line ${check.line} of ` : ''}${(0,markdown/* inlineCode */.ti)(check.file ?? build.request.dockerfile ?? 'the Dockerfile')}.`,
                    check.url
                        ? `The rule, and how to fix or silence it (\`# check=skip=${check.rule}\`): ${check.url}`
                        : `Silence it with \`# check=skip=${check.rule}\` at the top of the Dockerfile if it is intended.`,
                ].join('\n\n'),
                locations: check.line && file ? [{ kind: 'dockerfile', file, line: check.line, column: null, verified: true, message: `${check.rule}: ${check.message}` }] : [],
                data: { rule: check.rule, line: check.line },
            };
        });
    },
};

// EXTERNAL MODULE: ./src/text/bytes.ts
var bytes = __nccwpck_require__(1080);
;// CONCATENATED MODULE: ./src/analyze/rules/image-size.ts


/** An image whose compressed size on a platform is over the `max-image-size` budget. */
const imageSizeRule = {
    ids: ['image-too-large'],
    run({ build, options }) {
        const limit = options.maxImageBytes ?? null;
        if (limit === null)
            return [];
        const findings = [];
        for (const image of build.images) {
            const over = (image.platforms ?? []).filter((p) => p.compressedBytes > limit);
            if (over.length === 0)
                continue;
            const worst = over.reduce((a, b) => (b.compressedBytes > a.compressedBytes ? b : a));
            findings.push({
                id: 'image-too-large',
                severity: 'warning',
                title: `${image.ref} is ${(0,bytes/* formatBytes */.z3)(worst.compressedBytes)} on ${worst.platform}, over the ${(0,bytes/* formatBytes */.z3)(limit)} budget`,
                evidence: [],
                fix: [
                    `Compressed size per platform: ${over.map((p) => `${(0,markdown/* inlineCode */.ti)(p.platform)} ${(0,bytes/* formatBytes */.z3)(p.compressedBytes)}${p.baselineBytes !== null ? ` (${(0,bytes/* formatByteDelta */.a$)(p.compressedBytes, p.baselineBytes)} against the baseline)` : ''}`).join(', ')}.`,
                    '',
                    '- Build in stages and copy only the artifacts into a small final image (`distroless`, `alpine`, `scratch` for static binaries).',
                    '- Leave caches and build tools out of the final stage (`--mount=type=cache` for package managers, `rm -rf /var/lib/apt/lists/*` in the same `RUN`).',
                    '- Raise the `max-image-size` input if the size is expected.',
                ].join('\n'),
                data: { platform: worst.platform, bytes: worst.compressedBytes, limitBytes: limit },
            });
        }
        return findings;
    },
};

// EXTERNAL MODULE: ./src/parse/after-build-error.ts
var after_build_error = __nccwpck_require__(7627);
// EXTERNAL MODULE: ./src/parse/build-lines.ts
var build_lines = __nccwpck_require__(3641);
;// CONCATENATED MODULE: ./src/analyze/rules/after-build-error.ts





const ID = 'after-build-error';
const MAX_TITLE_ERROR = 120;
/** A job canceled after its build: nothing in the build to change (the catalog's advice is for an error). */
const CANCELED_FIX = 'The build succeeded; the job was canceled later, in this step (by a user, a newer run of its concurrency group, or a time limit). Nothing in the build caused it.';
/**
 * A build that succeeded in a job whose later step reported an error (parse/after-build-error.ts).
 * When the catalog's `laterSteps` signatures name a cause in that step's output (a `docker push`
 * denied, a smoke test's `ImagePullBackOff`), that cause is the job's failure: an error finding of
 * the signature's id, said with the step. Otherwise a notice, never the build's failure: the step's
 * output is not a Docker build's (a smoke test, a script), so no other signature or guess reads it;
 * it quotes the step's last lines and its error, so that the reader need not open the log to see
 * which step and what. A notice: no `fail-on` policy counts it, and it is no root cause (the job's
 * own status is red already, or green for a `continue-on-error` step).
 */
const afterBuildErrorRule = {
    ids: [ID, '(catalog)'],
    run(context) {
        const { build, catalog, diagnosis } = context;
        const later = build.afterBuildError;
        if (!later || build.status !== 'success')
            return [];
        const step = later.step === null ? 'A later step' : `The step "${later.step}"`;
        const data = { step: later.step, stepLine: later.stepLine, errorLine: later.error.line };
        const named = diagnosis?.laterStep;
        if (named) {
            const [root, ...others] = named.matches;
            const where = later.step === null ? 'a later step' : `the step "${later.step}"`;
            const references = referencesIn([later.step ?? '', ...named.lines.map((l) => l.text)]);
            const finding = matchFinding(root, context, { primary: true, others, allLines: named.lines, laterStep: where, references });
            const laterStep = { laterStep: later.step ?? '', laterStepLine: later.stepLine, laterErrorLine: later.error.line };
            return [{ ...finding, evidence: withError(finding.evidence, later.error), data: { ...finding.data, ...laterStep } }];
        }
        const advice = catalog.get(ID);
        // The runner's own line for a `run:` step says only its exit code; an action's error says what.
        const exit = after_build_error/* RUNNER_EXIT */.CS.exec(later.error.text);
        const canceled = build_lines/* RUNNER_CANCELED */.P2.test(later.error.text);
        const what = canceled ? 'was canceled' : exit ? `exited with code ${exit[1]}` : `reported an error: ${(0,markdown/* truncate */.xv)(later.error.text.trim(), MAX_TITLE_ERROR)}`;
        return [
            {
                id: ID,
                severity: advice?.severity ?? 'notice',
                title: `${step} after the build ${what}`,
                evidence: [...later.lastLines, later.error].map((e) => quote(e.line, e.text)),
                fix: canceled ? CANCELED_FIX : (advice?.fix ?? ''),
                data: { ...data, canceled: canceled ? 1 : 0 },
            },
        ];
    },
};
// Where a step names the image it pushes, pulls or runs: docker's own lines and the step's command.
const REFERENCE_SIGNS = [
    /The push refers to repository \[([^\]\s]+)\]/,
    /Unable to find image '([^'\s]+)' locally/,
    /\bdocker (?:image )?(?:push|pull|run)\b(?: +-\S+(?:[= ][^\s-]\S*)?)* +([a-z0-9][^\s'"]*)/,
];
/** The image references a later step's name and output give, in order. */
function referencesIn(texts) {
    const found = [];
    for (const text of texts)
        for (const sign of REFERENCE_SIGNS) {
            const reference = sign.exec(text)?.[1];
            if (reference && !found.includes(reference))
                found.push(reference);
        }
    return found;
}
/** The step's own error line (its exit) closes the evidence, once. */
function withError(evidence, error) {
    return evidence.some((e) => e.line === error.line) ? evidence : [...evidence, quote(error.line, error.text)];
}

;// CONCATENATED MODULE: ./src/analyze/rules/index.ts








/** Every rule, in no particular order: ranking decides what comes first. */
const RULES = [
    signatureDiagnosisRule,
    buildOutcomeRule,
    qemuEmulationRule,
    cacheMissRule,
    slowBuildRule,
    buildChecksRule,
    imageSizeRule,
    afterBuildErrorRule,
];

// EXTERNAL MODULE: ./src/analyze/rank.ts
var rank = __nccwpck_require__(4684);
// EXTERNAL MODULE: ./src/diagnose/load-catalog.ts + 2 modules
var load_catalog = __nccwpck_require__(4983);
;// CONCATENATED MODULE: ./src/analyze/run-level.ts

/**
 * A matrix job canceled because another one failed (fail-fast) is a consequence: its `canceled`
 * finding names the failed jobs, and a failure always ranks before cancellations.
 */
function linkCanceledToFailures(analyses) {
    const failed = analyses.filter((a) => a.build.status === 'failure').map((a) => a.build.name);
    if (failed.length === 0)
        return analyses;
    for (const analysis of analyses) {
        if (analysis.build.status !== 'canceled')
            continue;
        for (const finding of analysis.findings) {
            if (finding.id !== 'canceled')
                continue;
            finding.title = `Canceled after ${failed.join(', ')} failed`;
            finding.fix = `${failed.map((name) => (0,markdown/* inlineCode */.ti)(name)).join(', ')} failed in the same run; with \`strategy.fail-fast\` (the default) GitHub then cancels the other jobs of the matrix. Fix that failure first: this job has no problem of its own in the log.\n\n${finding.fix}`;
            finding.data = { ...finding.data, canceledBecause: failed.join(', ') };
        }
    }
    return analyses;
}

// EXTERNAL MODULE: ./src/analyze/group.ts
var group = __nccwpck_require__(3415);
;// CONCATENATED MODULE: ./src/analyze/analyze.ts







const STATUS_ORDER = ['failure', 'canceled', 'unknown', 'success'];
/** The catalog by id, made once per catalog (the budget analyses every build of a long log). */
const catalogMaps = new WeakMap();
function catalogMap(catalog) {
    let map = catalogMaps.get(catalog);
    if (!map) {
        map = new Map(catalog.map((s) => [s.id, s]));
        catalogMaps.set(catalog, map);
    }
    return map;
}
function analyzeBuild(build, options = rule/* DEFAULT_ANALYSIS_OPTIONS */.a, inputs = {}) {
    const catalog = catalogMap(inputs.catalog ?? (0,load_catalog/* builtinSignatures */.n)());
    const diagnosis = inputs.diagnosis?.byBuild.get(build) ?? null;
    const context = { build, cache: (0,metrics/* cacheStats */.wn)(build), timing: (0,metrics/* timing */.N9)(build), options, diagnosis, catalog };
    const findings = [];
    for (const rule of RULES) {
        for (const finding of rule.run(context))
            findings.push({ ...finding, build: build.name, source: build.source });
    }
    return { build, cache: context.cache, timing: context.timing, findings: (0,rank/* rankFindings */.JM)(findings) };
}
function analyze(builds, problems, options = rule/* DEFAULT_ANALYSIS_OPTIONS */.a, inputs = {}) {
    const analyses = linkCanceledToFailures(builds.map((build) => analyzeBuild(build, options, inputs)));
    const omitted = inputs.omittedBuilds ?? null;
    // The run's numbers count the builds that are not listed: they were summed as they were folded.
    let hits = omitted?.cacheHits ?? 0;
    let total = hits + (omitted?.cacheMisses ?? 0);
    for (const { cache } of analyses) {
        hits += cache.hits;
        total += cache.hits + cache.misses;
    }
    const durations = builds.map((b) => b.buildSeconds ?? b.jobSeconds).filter((s) => s !== null);
    const longestOmitted = omitted?.maxSeconds ?? null;
    if (longestOmitted !== null)
        durations.push(longestOmitted);
    const present = (s) => builds.some((b) => b.status === s) || (omitted?.statuses[s] ?? 0) > 0;
    const status = builds.length === 0 ? 'unknown' : (STATUS_ORDER.find(present) ?? 'unknown');
    const findings = (0,rank/* rankFindings */.JM)(analyses.flatMap((a) => a.findings));
    return {
        builds: analyses,
        findings,
        groups: (0,group/* groupFindings */.kG)(findings),
        problems,
        status,
        cacheHitRatio: total === 0 ? null : (0,metrics/* round */.LI)(hits / total, 3),
        durationSeconds: durations.length ? Math.max(...durations) : null,
        omittedBuilds: omitted,
    };
}


/***/ }),

/***/ 7736:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zu: () => (/* binding */ MAX_LISTED_BUILDS),
/* harmony export */   s8: () => (/* binding */ BuildBudget)
/* harmony export */ });
/* unused harmony export MAX_OMITTED_JOBS */
/* harmony import */ var _analyze_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2128);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7401);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1312);



/**
 * Builds an analysis lists one by one; past this, the least telling are folded into counts. 256 is
 * the most jobs one GitHub matrix can make, so the jobs of a real workflow run are always listed;
 * a log holding more builds than that is a concatenation (a benchmark, a long-running builder's
 * history) whose reader wants the failures, the slow ones and the totals, not thousands of rows.
 * It also bounds memory: a listed build keeps its steps (up to 1,000) and failure excerpts.
 */
const MAX_LISTED_BUILDS = 256;
/** Jobs counted one by one among the omitted builds (for the history row's time per job). */
const MAX_OMITTED_JOBS = 256;
const STATUS_ORDER = ['failure', 'canceled', 'unknown', 'success'];
/** What a build is worth keeping, from least to most: the order eviction reads it in. */
const Tier = {
    Ordinary: 0,
    /** Exported or pushed images, build checks, a cache import that found nothing, notes, error lines. */
    Notable: 1,
    /** Canceled or unfinished. */
    Unfinished: 2,
    Failed: 3,
};
/**
 * The analysis' budget of listed builds. Builds are handed over as the parser closes them (in any
 * order across sources: each carries its position); at most `limit` are held. When one more
 * arrives, the least telling build that is neither the first nor the last of the input is folded
 * into `omitted()`: its status, steps, cache hits, time, images, findings and job. Which builds
 * stay, most telling first: failures (the earliest first: a root cause comes before what it
 * took down), canceled and unfinished builds, notable ones, then the rest; within a kind the
 * slowest first. Memory is bounded by the limit, not by the log.
 */
class BuildBudget {
    limit;
    inputs;
    entries = [];
    summary = emptySummary();
    jobs = new Map();
    weighOptions;
    constructor(limit = MAX_LISTED_BUILDS, options = _rule_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_ANALYSIS_OPTIONS */ .a, inputs = {}) {
        this.limit = limit;
        this.inputs = inputs;
        // The rules count a folded build's findings; without the workspace they touch no file.
        this.weighOptions = { ...options, workspace: null };
    }
    /** Takes a closed build at `position` (larger is later in the input). */
    add(build, position) {
        this.entries.push(this.entryFor(build, position));
        if (this.entries.length > Math.max(2, this.limit))
            this.fold(this.victim());
    }
    /** The listed builds, in input order. */
    builds() {
        return [...this.entries].sort((a, b) => a.position - b.position).map((e) => e.build);
    }
    /** What is known of the folded builds, or null when every build is listed. */
    omitted() {
        if (this.summary.count === 0)
            return null;
        return { ...this.summary, runnerSeconds: (0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .round */ .LI)(this.summary.runnerSeconds, 1), jobs: [...this.jobs.values()] };
    }
    entryFor(build, position) {
        return { build, position, tier: tierOf(build), seconds: build.buildSeconds ?? build.jobSeconds ?? 0 };
    }
    /** The index of the least telling entry that is neither the first nor the last of the input. */
    victim() {
        let first = 0;
        let last = 0;
        for (let i = 1; i < this.entries.length; i++) {
            if (this.entries[i].position < this.entries[first].position)
                first = i;
            if (this.entries[i].position > this.entries[last].position)
                last = i;
        }
        let victim = -1;
        for (let i = 0; i < this.entries.length; i++) {
            if (i === first || i === last)
                continue;
            // The current choice tells more than this one: this one goes instead.
            if (victim === -1 || moreTelling(this.entries[i], this.entries[victim]))
                victim = i;
        }
        return victim;
    }
    fold(index) {
        const [entry] = this.entries.splice(index, 1);
        const { build } = entry;
        const s = this.summary;
        s.count++;
        s.statuses[build.status]++;
        s.steps += build.steps.length + (build.omittedSteps?.count ?? 0);
        const cache = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .cacheStats */ .wn)(build);
        s.cacheHits += cache.hits;
        s.cacheMisses += cache.misses;
        // As the verdict counts runner time (a job's once) and the run's duration (build first).
        const runner = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .runnerSecondsOf */ .$9)(build);
        if (runner !== null) {
            s.runnerSeconds += runner;
            s.runnerJobs++;
        }
        const seconds = build.buildSeconds ?? build.jobSeconds;
        if (seconds !== null)
            s.maxSeconds = Math.max(s.maxSeconds ?? 0, seconds);
        s.images += build.images.length;
        s.pushedImages += build.images.filter((i) => i.pushed).length;
        // Its findings are counted (a fail-on policy must see them), by the rules alone: a failure that is
        // not listed is not diagnosed against the catalog. Analysed only now, so that each build is
        // analysed once whether it is listed or not.
        for (const finding of (0,_analyze_js__WEBPACK_IMPORTED_MODULE_0__/* .analyzeBuild */ .Z)(build, this.weighOptions, this.inputs).findings)
            s.findings[finding.severity]++;
        this.countJob(build);
    }
    /** Sums the build into its job's row, as the history row sums a job's listed builds. */
    countJob(build) {
        const name = build.job ?? build.name.replace(/ #\d+$/, '');
        let job = this.jobs.get(name);
        if (!job) {
            if (this.jobs.size >= MAX_OMITTED_JOBS) {
                this.summary.buildsOfUnlistedJobs++;
                return;
            }
            job = { name, builds: 0, jobSeconds: null, buildSeconds: null, status: build.status };
            this.jobs.set(name, job);
        }
        job.builds++;
        if (build.jobSeconds !== null)
            job.jobSeconds = Math.max(job.jobSeconds ?? 0, build.jobSeconds);
        if (build.buildSeconds !== null)
            job.buildSeconds = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .round */ .LI)((job.buildSeconds ?? 0) + build.buildSeconds, 1);
        if (STATUS_ORDER.indexOf(build.status) < STATUS_ORDER.indexOf(job.status))
            job.status = build.status;
    }
}
function emptySummary() {
    return {
        count: 0,
        statuses: { success: 0, failure: 0, canceled: 0, unknown: 0 },
        steps: 0,
        cacheHits: 0,
        cacheMisses: 0,
        runnerSeconds: 0,
        runnerJobs: 0,
        maxSeconds: null,
        images: 0,
        pushedImages: 0,
        findings: { error: 0, warning: 0, notice: 0 },
        jobs: [],
        buildsOfUnlistedJobs: 0,
    };
}
/**
 * From the model alone: analysing every build as it arrives to learn its findings would analyse the
 * listed ones twice. What makes the rules' findings is here in its own terms: a failure or an error
 * line, build checks, a cache import that found nothing, notes (a cut log, omitted steps), images
 * (their size is measured and compared); slow and emulated builds are among the slowest.
 */
function tierOf(build) {
    if (build.status === 'failure')
        return Tier.Failed;
    if (build.status === 'canceled' || build.status === 'unknown')
        return Tier.Unfinished;
    const notable = build.images.length > 0 ||
        build.checks.length > 0 ||
        (build.cache.warnings?.length ?? 0) > 0 ||
        build.notes.length > 0 ||
        build.errors.length > 0 ||
        build.steps.some((s) => s.status === 'error');
    return notable ? Tier.Notable : Tier.Ordinary;
}
/** Whether `b` is more telling than `a` (so `a` goes first). */
function moreTelling(a, b) {
    if (a.tier !== b.tier)
        return b.tier > a.tier;
    // Among failures the earliest is the likeliest root cause; among the others the slowest tells most.
    if (a.tier !== Tier.Failed && a.seconds !== b.seconds)
        return b.seconds > a.seconds;
    return b.position < a.position;
}


/***/ }),

/***/ 797:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ shouldFail),
/* harmony export */   X: () => (/* binding */ parseFailOn)
/* harmony export */ });
/* harmony import */ var _input_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1377);

function parseFailOn(text) {
    const value = text.trim().toLowerCase() || 'never';
    if (value === 'never' || value === 'error' || value === 'warning')
        return value;
    throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`fail-on must be never, error or warning, not "${text}"`);
}
/**
 * `omitted`: the findings of builds counted but not listed (Analysis.omittedBuilds.findings): a
 * folded build's warning must fail the job as a listed one's would.
 */
function shouldFail(findings, policy, omitted = null) {
    if (policy === 'never')
        return false;
    const errors = omitted?.error ?? 0;
    if (policy === 'error')
        return errors > 0 || findings.some((f) => f.severity === 'error');
    return errors + (omitted?.warning ?? 0) > 0 || findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}


/***/ }),

/***/ 3415:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   jh: () => (/* binding */ measured),
/* harmony export */   kG: () => (/* binding */ groupFindings),
/* harmony export */   qn: () => (/* binding */ timeLimitOf)
/* harmony export */ });
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6590);
/* harmony import */ var _text_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9495);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7401);



/** Kinds whose fix is `facts\n\nadvice`: the advice is the same for every build. */
const ADVICE_AFTER_FACTS = new Set(['qemu-emulation', 'cache-miss']);
/** A slow build is explained by these, when the same build has one. */
const EXPLAINS_SLOW = ['qemu-emulation', 'cache-miss'];
/** Groups ranked findings (most likely root cause first): each group sits where its first finding was. */
function groupFindings(findings) {
    const slowExplainedBy = new Map();
    for (const slow of findings.filter((f) => f.id === 'slow-build')) {
        const cause = EXPLAINS_SLOW.map((id) => findings.find((f) => f.id === id && f.build === slow.build && f.severity !== 'notice')).find(Boolean);
        if (cause)
            slowExplainedBy.set(slow, cause);
    }
    const byKey = new Map();
    for (const finding of findings) {
        if (slowExplainedBy.has(finding))
            continue;
        const key = groupKey(finding);
        const members = byKey.get(key) ?? [];
        members.push(finding);
        byKey.set(key, members);
    }
    return [...byKey.values()].map((members) => {
        const folded = [...slowExplainedBy].filter(([, cause]) => members.includes(cause)).map(([slow]) => slow);
        return makeGroup(members, folded);
    });
}
/**
 * Same kind: the same id, and for causes that differ by their text (failures, build checks) the same
 * title; cache findings by what they found (no hits, few hits, a broken chain); an invalid tag by what
 * its advice says, the rule the tag breaks and the template that made it, not by the image it names
 * (a matrix tags each component's image with the same broken tag: one cause, one piece of advice).
 */
function groupKey(finding) {
    // A rule's measurement by what it measured; a signature's or a guess's finding of the same id by its title (below).
    if (measured(finding))
        return `${finding.id}|${(finding.id === 'cache-miss' ? finding.data?.pattern : finding.data?.platform) ?? ''}`;
    if (finding.id === 'canceled' && finding.data?.role !== 'likely-cause')
        return `${finding.id}|${finding.data?.platform ?? ''}`;
    const rule = tagRule(finding);
    if (rule !== null)
        return `${finding.id}|${finding.severity}|${rule}|${finding.data?.template ?? ''}`;
    return `${finding.id}|${finding.severity}|${finding.title}`;
}
/**
 * Whether a finding of the emulation or cache rule measured what its group's title counts and its table
 * shows (a step against its native twin, the cache hits), as opposed to a signature's or a guess's finding
 * of the same id (`exec /bin/sh: exec format error` in two builds), which has no ratio or hits: grouped as
 * such, it read "undefined ran under QEMU emulation in 2 builds: slower, \u2014 lost", its table NaN\u00d7.
 */
function measured(finding) {
    if (finding.data?.role === 'likely-cause')
        return false;
    if (finding.id === 'qemu-emulation')
        return Number.isFinite(Number(finding.data?.ratio));
    if (finding.id === 'cache-miss')
        return typeof finding.data?.pattern === 'string';
    return finding.id === 'slow-build';
}
/** The rule of the reference grammar an invalid tag breaks (`the tag \`-0899a35\` starts with \`-\`; \u2026`), when it is known. */
function tagRule(finding) {
    return finding.id === 'invalid-tag' && typeof finding.data?.rule === 'string' && typeof finding.data?.tag === 'string' ? finding.data.rule : null;
}
function makeGroup(findings, folded) {
    const first = findings[0];
    const builds = findings.map((f) => f.build ?? '');
    const severity = findings.map((f) => f.severity).sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])[0];
    const lostSeconds = lost(findings);
    const base = { id: first.id, severity, findings, builds, folded, lostSeconds };
    if (first.id === 'canceled')
        return { ...base, title: canceledTitle(findings), fix: first.fix, table: null };
    if (findings.length === 1)
        return { ...base, title: first.title, fix: withFolded(first.fix, folded), table: null };
    if (tagRule(first) !== null && findings.some((f) => f.title !== first.title))
        return { ...base, ...invalidTags(findings), fix: withFolded(sharedTagFix(first), folded) };
    const advice = ADVICE_AFTER_FACTS.has(first.id) && measured(first) ? adviceOf(first.fix) : first.fix;
    return { ...base, title: groupTitle(findings, lostSeconds), fix: withFolded(advice, folded), table: tableFor(findings, folded) };
}
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/** The advice part of a `facts\n\nadvice` fix. */
function adviceOf(fix) {
    const cut = fix.indexOf('\n\n');
    return cut === -1 ? fix : fix.slice(cut + 2);
}
function withFolded(fix, folded) {
    if (folded.length === 0)
        return fix;
    // A fix is Markdown: build names (job names, `x #2`) go in escaped, never as references or HTML.
    const which = folded.length === 1
        ? `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(folded[0].build ?? 'The build')} went over its time budget`
        : `${folded.map((f) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeText */ .X1)(f.build ?? 'the build')).join(', ')} went over their time budget`;
    return `${fix}\n\n${which} because of this.`;
}
/**
 * Invalid tags that break the same rule in different images: the rule as the title, the image of
 * each build in the table (the headline names the builds).
 */
function invalidTags(findings) {
    // The rule's first clause, its code spans as quotes: a title is plain text.
    const rule = tagRule(findings[0])
        .split(';')[0]
        .replace(/`([^`]*)`/g, '"$1"');
    return {
        title: `Image tags are not valid references: ${rule}`,
        table: { columns: ['Build', 'Image reference'], rows: findings.map((f) => [f.build ?? '', String(f.data?.tag ?? '')]) },
    };
}
/**
 * The fix of one build with its image left out: its first line opens with the reference it is about
 * (`` `ghcr.io/o/app:-0899a35`: the tag `-0899a35` starts with `-`; \u2026 ``), the rest is the same for
 * every build the group holds.
 */
function sharedTagFix(first) {
    const named = `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(String(first.data.tag))}: `;
    if (!first.fix.startsWith(named))
        return first.fix;
    const rest = first.fix.slice(named.length);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
}
/** `runtime, engine: canceled after operate-ui failed`: one line however many jobs were canceled. */
function canceledTitle(findings) {
    const names = findings.map((f) => f.build ?? 'the build').join(', ');
    const because = findings.map((f) => f.data?.canceledBecause).find((b) => typeof b === 'string');
    if (because)
        return `${names}: canceled after ${because} failed`;
    const limit = findings.map(timeLimitOf).find((l) => l !== null);
    return limit ? `${names}: canceled when ${limit} ran out` : `${names}: canceled before ${findings.length === 1 ? 'it' : 'they'} finished`;
}
/**
 * The time limit that canceled a build, from the canceled signature's match (`The action ... has
 * timed out after 60 minutes`, the job's maximum execution time): `its step's timeout-minutes (60)`.
 */
function timeLimitOf(finding) {
    if (finding.id !== 'canceled')
        return null;
    if (finding.data?.stepMinutes !== undefined)
        return `its step's timeout-minutes (${finding.data.stepMinutes})`;
    if (finding.data?.jobMinutes !== undefined)
        return `its job's time limit (${finding.data.jobMinutes} min)`;
    return null;
}
function groupTitle(findings, lostSeconds) {
    const first = findings[0];
    const n = findings.length;
    const data = first.data ?? {};
    // A signature's or a guess's finding in several builds: the reports name the builds in front of its title.
    if (!measured(first))
        return first.title;
    switch (first.id) {
        case 'qemu-emulation': {
            const ratios = findings.map((f) => Number(f.data?.ratio)).filter(Number.isFinite);
            const range = ratios.length ? `${(0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .round */ .LI)(Math.min(...ratios), 1)}\u2013${(0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .round */ .LI)(Math.max(...ratios), 1)}\u00d7 slower than on ${data.nativePlatform}` : 'slower';
            return `${data.platform} ran under QEMU emulation in ${n} builds: ${range}, ${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(lostSeconds)} lost`;
        }
        case 'cache-miss':
            if (data.pattern === 'no-hits')
                return `No cache hits in ${n} builds: every cacheable step ran`;
            if (data.pattern === 'few-hits')
                return `Few cache hits in ${n} builds`;
            return `A cached chain broke in ${n} builds`;
        case 'slow-build':
            return `${n} builds went over the time budget`;
        default:
            // The same failure in several builds: the reports name the builds in front of it.
            return first.title;
    }
}
/** Seconds the cause cost, summed over builds, when the findings measure it. */
function lost(findings) {
    const key = findings[0].id === 'qemu-emulation' ? 'extraSeconds' : findings[0].id === 'cache-miss' ? 'rerunSeconds' : null;
    if (!key)
        return null;
    const values = findings.map((f) => Number(f.data?.[key])).filter(Number.isFinite);
    return values.length
        ? (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .round */ .LI)(values.reduce((a, b) => a + b, 0), 1)
        : null;
}
function tableFor(findings, folded) {
    const id = findings[0].id;
    const overBudget = (build) => (folded.some((f) => f.build === build) ? ' (over budget)' : '');
    if (!measured(findings[0]))
        return { columns: ['Build', 'Finding'], rows: findings.map((f) => [f.build ?? '', f.title]) };
    if (id === 'qemu-emulation') {
        return {
            columns: ['Build', 'Slowest emulated step', 'Native', 'Emulated', 'Ratio', 'Lost', 'Build time'],
            rows: findings.map((f) => {
                const d = f.data ?? {};
                const share = typeof d.shareOfBuild === 'number' ? ` (${Math.round(d.shareOfBuild * 100)}%)` : '';
                return [
                    f.build ?? '',
                    String(d.step ?? ''),
                    (0,_text_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(num(d.nativeSeconds)),
                    (0,_text_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(num(d.emulatedSeconds)),
                    `${(0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .round */ .LI)(Number(d.ratio), 1)}\u00d7`,
                    `${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(num(d.extraSeconds))}${share}`,
                    `${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(num(d.buildSeconds))}${overBudget(f.build)}`,
                ];
            }),
        };
    }
    if (id === 'cache-miss') {
        return {
            columns: ['Build', 'Cache hits', 'First step that ran', 'Time in steps that ran'],
            rows: findings.map((f) => {
                const d = f.data ?? {};
                const hits = typeof d.hits === 'number' && typeof d.misses === 'number' ? `${d.hits} of ${d.hits + d.misses}` : '';
                return [f.build ?? '', hits, String(d.firstStep ?? d.step ?? ''), `${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(num(d.rerunSeconds ?? d.seconds))}${overBudget(f.build)}`];
            }),
        };
    }
    return { columns: ['Build', 'Finding'], rows: findings.map((f) => [f.build ?? '', f.title]) };
}
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}


/***/ }),

/***/ 7401:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ runnerSecondsOf),
/* harmony export */   LI: () => (/* binding */ round),
/* harmony export */   N9: () => (/* binding */ timing),
/* harmony export */   TZ: () => (/* binding */ isCacheable),
/* harmony export */   wn: () => (/* binding */ cacheStats)
/* harmony export */ });
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
    // Steps past the listing limit were counted when they were dropped (parse/step-budget.ts).
    hits += build.omittedSteps?.cacheHits ?? 0;
    misses += build.omittedSteps?.cacheMisses ?? 0;
    const total = hits + misses;
    return { hits, misses, ratio: total === 0 ? null : round(hits / total, 3) };
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
        platformSeconds[key] = round((platformSeconds[key] ?? 0) + step.seconds, 1);
    }
    for (const [key, seconds] of Object.entries(build.omittedSteps?.platformSeconds ?? {}))
        platformSeconds[key] = round((platformSeconds[key] ?? 0) + seconds, 1);
    const sum = (kind) => round(build.cache[kind].reduce((total, op) => total + (op.seconds ?? 0), 0), 1);
    const cacheExportSeconds = sum('exports');
    return {
        slowestSteps,
        platformSeconds,
        cacheImportSeconds: sum('imports'),
        cacheExportSeconds,
        cacheExportShare: build.buildSeconds ? round(cacheExportSeconds / build.buildSeconds, 3) : null,
    };
}
function round(value, digits) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}
/**
 * The runner time a build accounts for, in seconds: its job's time (first to last timestamp), else
 * its build time; null for a later build of a job whose time its first build already counts (the
 * builds of one job share that time), and for a build with no time at all.
 */
function runnerSecondsOf(build) {
    if (build.jobSeconds !== null && (build.indexInJob ?? 0) > 0)
        return null;
    return build.jobSeconds ?? build.buildSeconds;
}


/***/ }),

/***/ 4684:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JM: () => (/* binding */ rankFindings),
/* harmony export */   _s: () => (/* binding */ GUESSED_CAUSE_ORDER)
/* harmony export */ });
/* unused harmony export compareFindings */
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
/**
 * A cause the failure's words point at when no signature matched (rules/likely-cause.ts): after every cause
 * a signature named, in any build (those are read from the log, this one is guessed), before `unknown`.
 */
const GUESSED_CAUSE_ORDER = 85;
function compareFindings(a, b) {
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || orderOf(a) - orderOf(b);
}
/** A finding's own rank (a diagnosis says which match is the root cause), else its kind's. */
function orderOf(finding) {
    return finding.rank ?? CAUSE_ORDER[finding.id] ?? DEFAULT_CAUSE_ORDER;
}
/** Sorts findings most likely root cause first; stable, so equal findings keep build order. */
function rankFindings(findings) {
    return [...findings].sort(compareFindings);
}


/***/ }),

/***/ 1312:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ DEFAULT_ANALYSIS_OPTIONS)
/* harmony export */ });
const DEFAULT_ANALYSIS_OPTIONS = { maxBuildMinutes: 60, workspace: null, maxImageBytes: null };


/***/ }),

/***/ 1855:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  zL: () => (/* binding */ LIKELY_CAVEAT_LEAD),
  IT: () => (/* binding */ likelyCause)
});

// UNUSED EXPORTS: adviceOnly

// EXTERNAL MODULE: ./src/diagnose/template.ts
var template = __nccwpck_require__(4772);
// EXTERNAL MODULE: ./src/diagnose/normalize.ts
var normalize = __nccwpck_require__(7971);
// EXTERNAL MODULE: ./src/diagnose/matcher.ts
var matcher = __nccwpck_require__(7238);
;// CONCATENATED MODULE: ./src/diagnose/word-features.ts


// The words a failure's lines are read by when no signature recognised them (word-model.ts): what
// is left of a line once the framing is gone, in lower case, as words of letters, and each pair of
// neighbouring words, which tells `not found` from `found` and `no space` from `space`.
// Letters only: a three-digit number is as often a version's part (`v0.101.7`) or a size as a status.
const WORD = /[a-z]{2,24}/g;
// What wrappers say around every failed command, whatever its cause (`process "/bin/sh -c ..." did
// not complete successfully: exit code: 1`, `The command '/bin/sh -c ...' returned a non-zero code`):
// left in, these words of the frame would outvote the command's own, and a failure in words the model
// never saw would be guessed from its frame alone. The command's own words stay.
const WRAPPER = /did not complete successfully|process "\/bin\/sh -c|failed to solve(?: with frontend dockerfile\.v0)?:|executor failed running \[\/bin\/sh -c|returned a non-zero code|The command '\/bin\/sh -c|ERROR: Job failed: exit code|exit code:?|exit status|\/bin\/sh -c/gi;
// A run of hex letters this long is a digest or an id, not a word (`deadbeefcafe`).
const HEX_RUN = /^[a-f]{8,}$/;
// Lines of BuildKit's frame that any build prints, whatever broke (buildx's `building with "default" instance
// using docker driver`, the context and Dockerfile transfers): few excerpts of the corpus kept them, so their
// words would look like those of the few causes whose excerpts did.
const FRAME_LINE = /^building with "[^"]*" instance using \S+ driver$|^\[internal\] load (?:build definition from|\.dockerignore)|^transferring (?:dockerfile|context):/;
/** At most this many lines are read, the last ones: a failure's error comes at its end. */
const MAX_LINES = 200;
/** The distinct words and word pairs of `lines`, sorted: the same lines give the same features. */
function wordFeatures(lines) {
    const features = new Set();
    for (const line of lines.slice(-MAX_LINES)) {
        const normalized = (0,normalize/* normalizeForMatching */._)(line);
        // A tool's warning is not read: a warning never outranks an error (matcher.ts), and its words (a registry's
        // 401 on an anonymous token, before a configure script failed) would name a cause the error does not have.
        if (matcher/* WARNING_LINE */.cc.test(normalized) || FRAME_LINE.test(normalized))
            continue;
        const words = (normalized.replace(WRAPPER, ' ').toLowerCase().match(WORD) ?? []).filter((w) => !HEX_RUN.test(w));
        for (let i = 0; i < words.length; i++) {
            features.add(words[i]);
            if (i > 0)
                features.add(`${words[i - 1]} ${words[i]}`);
        }
    }
    return [...features].sort();
}

;// CONCATENATED MODULE: ./src/diagnose/word-model.ts
// A naive Bayes model of the words of real build failures, learnt from the labelled corpus's train
// parts (__tests__/fixtures/unseen/train-*.jsonl and the 53 cases; never its frozen test parts).
// The signatures know wordings; this knows words. It is asked only when no signature recognised a
// failure, so that a failure in words no signature was written for is still named, as a likely cause
// and with the words that decided it, instead of "the build failed".
//
// Multinomial naive Bayes over the set of a document's features (word-features.ts), with Lidstone
// smoothing and equal priors: the failures no signature recognises are not distributed like the
// corpus. The margin is the log-likelihood lead of the best cause over the next one; below
// `minMargin` the words do not decide and there is no guess. The settings were chosen by 5-fold
// cross-validation on the train parts, grouped by thread (word-model.test.ts prints it).
const WORD_MODEL_SETTINGS = { alpha: 0.5, minMargin: 4, minDocumentFrequency: 2, maxDocumentShare: 0.1, minClassDocuments: 5 };
function trainWordModel(documents, settings = WORD_MODEL_SETTINGS) {
    const perClass = new Map();
    for (const d of documents)
        perClass.set(d.category, (perClass.get(d.category) ?? 0) + 1);
    const classes = [...perClass]
        .filter(([, n]) => n >= settings.minClassDocuments)
        .map(([c]) => c)
        .sort();
    const index = new Map(classes.map((c, i) => [c, i]));
    const learnt = documents.filter((d) => index.has(d.category));
    const frequency = new Map();
    for (const d of learnt)
        for (const f of new Set(d.features))
            frequency.set(f, (frequency.get(f) ?? 0) + 1);
    const counts = new Map();
    const totals = classes.map(() => 0);
    for (const d of learnt) {
        const c = index.get(d.category);
        for (const f of new Set(d.features)) {
            const n = frequency.get(f) ?? 0;
            if (n < settings.minDocumentFrequency || n > settings.maxDocumentShare * learnt.length)
                continue;
            let row = counts.get(f);
            if (!row)
                counts.set(f, (row = classes.map(() => 0)));
            row[c]++;
            totals[c]++;
        }
    }
    const features = {};
    for (const f of [...counts.keys()].sort()) {
        features[f] = counts
            .get(f)
            .map((n, c) => (n > 0 ? `${c}:${n}` : ''))
            .filter(Boolean)
            .join(' ');
    }
    return {
        version: 1,
        alpha: settings.alpha,
        minMargin: settings.minMargin,
        classes,
        documents: classes.map((c) => perClass.get(c)),
        totals,
        features,
    };
}
/** The parsed counts, kept with the model so a second guess does not parse them again. */
const parsedCounts = new WeakMap();
function countsOf(model) {
    let parsed = parsedCounts.get(model);
    if (!parsed) {
        parsed = new Map();
        for (const [feature, pairs] of Object.entries(model.features)) {
            const row = new Map();
            for (const pair of pairs.split(' ')) {
                const [c, n] = pair.split(':');
                row.set(Number(c), Number(n));
            }
            parsed.set(feature, row);
        }
        parsedCounts.set(model, parsed);
    }
    return parsed;
}
/** Which cause the features point at, or null when none leads by the model's margin. */
function guessFromWords(model, features, explainWith = 3) {
    if (model.classes.length < 2)
        return null;
    const counts = countsOf(model);
    const known = [...new Set(features)].filter((f) => counts.has(f));
    if (known.length === 0)
        return null;
    const vocabulary = counts.size;
    const logOf = (feature, c) => Math.log(((counts.get(feature).get(c) ?? 0) + model.alpha) / (model.totals[c] + model.alpha * vocabulary));
    const scores = model.classes.map((_, c) => known.reduce((sum, f) => sum + logOf(f, c), 0));
    const order = scores.map((_, c) => c).sort((a, b) => scores[b] - scores[a] || a - b);
    const [best, next] = [order[0], order[1]];
    const margin = scores[best] - scores[next];
    if (margin < model.minMargin)
        return null;
    const words = known
        .map((f) => ({ f, lead: logOf(f, best) - logOf(f, next), n: counts.get(f).get(best) ?? 0 }))
        .filter((w) => w.lead > 0 && w.n > 0)
        .sort((a, b) => b.lead - a.lead || b.n - a.n || (a.f < b.f ? -1 : 1))
        .slice(0, explainWith)
        .map((w) => w.f);
    return { category: model.classes[best], margin, runnerUp: model.classes[next], words };
}

;// CONCATENATED MODULE: ./src/diagnose/word-model-data.ts
// Generated by `npm run word-model:update` (__tests__/word-model.test.ts) from the labelled corpus's train
// parts and the 53 cases (never a frozen test part). Do not edit or merge by hand: run the generator again.
// JSON (WordModel, word-model.ts), parsed when first needed (load-word-model.ts).
const WORD_MODEL_JSON = `{"version":1,"alpha":0.5,"minMargin":4,"classes":["builder-missing","buildkit-connection-lost","cache-export-failure","cache-import-failure","canceled","compile-error","copy-source-missing","disk-full","dockerfile-missing","dockerfile-parse-error","exporter-unsupported","image-pull-backoff","invalid-tag","manifest-unknown","network-timeout","oom-killed","package-install-failure","platform-mismatch","qemu-emulation","registry-auth-denied","registry-push-failure","registry-rate-limit","secret-missing","session-lost"],"documents":[58,21,43,22,5,114,121,48,59,35,25,28,45,86,150,65,299,67,50,101,38,34,24,5],"totals":[1858,701,1580,349,85,3820,2621,1595,1449,625,842,1333,981,2240,6527,2087,13097,1936,1489,2931,1197,1853,675,129],"features":{
"aa":"2:3 6:2 7:1 8:2 11:1 14:2 15:1 16:2 18:1 20:2 22:1",
"aa ae":"2:1 6:1",
"aa ce":"2:1 16:1",
"aab":"2:1 19:1",
"aac":"2:1 7:1 19:1",
"aae":"18:1 19:1",
"aarch":"13:1 14:1 15:1 17:3 18:3",
"aarch addon":"13:1 17:1",
"aarch linux":"15:1 18:2",
"aarch ubuntu":"17:2",
"ab":"0:1 1:2 2:5 3:1 14:1 16:2 17:2 19:1 20:1 22:1",
"ab ad":"2:2",
"ab df":"0:1 16:1",
"aba":"2:1 19:1",
"abb":"7:1 11:1",
"abf":"19:1 23:1",
"abort":"15:2",
"aborted":"14:1 16:1 18:1",
"aborting":"5:2",
"aborting due":"5:2",
"about":"5:3 8:1 14:2 16:12 22:1",
"about the":"5:2 16:1",
"about this":"5:1 14:2 16:10",
"about to":"16:3",
"above":"7:2 13:1 14:1 15:4 16:2",
"above exception":"7:2 13:1 14:1",
"ac":"0:1 2:2 6:4 7:1 14:3 15:1 16:1 17:1 20:3 23:1",
"ac ba":"6:1 17:1",
"accept":"16:5 17:1",
"accept an":"16:4",
"access":"3:1 11:3 13:31 14:3 16:1 19:19 22:6",
"access denied":"3:1 11:3 13:31",
"access forbidden":"19:3",
"access https":"14:3",
"access rights":"16:1 22:4",
"access to":"11:2 13:10 19:14",
"access token":"19:1 22:1",
"account":"6:1 14:1 22:1",
"ace":"14:1 17:1",
"action":"0:2 7:1 8:1 16:1 17:1 19:2 21:1 22:2",
"action master":"16:1 19:1",
"action src":"0:1 17:1",
"actions":"0:2 2:12 3:1 7:1 8:1 14:1 15:1 16:2 17:1 20:1 21:1",
"actions cache":"2:8",
"actions githubusercontent":"2:2",
"actions is":"2:2",
"actions runner":"7:1 8:1 15:1",
"actions runs":"0:1 8:1 14:1 16:1 21:1",
"actions uraimo":"0:1 17:1",
"activate":"16:4",
"active":"5:2 16:1 23:3",
"active rustc":"5:2 16:1",
"active session":"23:2",
"actual":"16:3",
"actual npm":"16:3",
"ad":"2:3 6:1 7:2 11:1 13:1 16:1 17:1 19:3 20:2 21:1",
"ad ada":"2:2",
"ad download":"7:1 13:1",
"ad fa":"6:1 7:1",
"ad preparing":"19:1 20:1",
"ada":"2:3 14:1 16:1",
"ada ecc":"2:2",
"add":"5:3 6:2 7:1 14:11 15:1 16:20 18:5 22:1",
"add build":"5:1 15:1",
"add failed":"6:2",
"add git":"5:1 16:1",
"add no":"7:1 14:6 16:9 18:4",
"add one":"16:2",
"add py":"16:2",
"add update":"14:3 16:4",
"added":"1:2 10:1 15:1",
"added stage":"1:2 10:1",
"addfile":"7:2",
"additional":"1:1 15:4 16:2 22:1",
"additional disk":"16:2",
"additional logging":"15:4",
"addon":"13:1 14:2 16:2 17:2",
"addon can":"13:1 14:1 16:1 17:1",
"addon start":"13:1 16:1",
"addons":"7:1 14:1",
"addr":"5:1 18:1",
"address":"5:1 14:2 22:1",
"admin":"6:1 16:1",
"ae":"2:4 6:2 7:3 14:2 15:2 16:3 17:1 18:1 19:1 20:1 21:1 22:1 23:1",
"ae bc":"7:1 20:1",
"aed":"22:1 23:1",
"af":"2:1 6:1 7:1 11:1 16:2 17:1 19:2 20:3",
"af ee":"2:1 11:1",
"afb":"7:1 14:1",
"afc":"7:1 19:1 20:1",
"after":"0:2 13:1 14:9 15:1 16:4 19:1 21:1",
"after connection":"14:4",
"after error":"0:1 13:1 19:1",
"after period":"14:3",
"after this":"16:2",
"again":"0:1 2:4 5:1 10:7 14:14 16:10 19:1",
"again later":"14:7",
"again registry":"14:7",
"age":"11:7 13:1",
"age from":"11:3 13:1",
"agent":"0:1 4:1 13:1 18:1 19:3 22:3",
"agent no":"22:2",
"agent plugins":"0:1 19:1",
"aha":"0:1 7:1",
"ai":"13:1 16:1",
"ak":"6:1 12:1",
"aka":"2:1 5:2 11:1",
"aka ms":"2:1 5:2 11:1",
"alibrary":"14:5 19:2",
"alibrary fpython":"14:2",
"aligning":"16:2",
"aligning the":"16:2",
"aliyun":"14:2 16:2",
"aliyun com":"14:2 16:2",
"aliyuncs":"14:1 19:1",
"aliyuncs com":"14:1 19:1",
"all":"5:4 11:1 14:3 15:2 16:8 19:1 22:1",
"all deb":"14:2",
"all error":"5:1 14:1",
"all workspace":"16:4",
"allocation":"15:12",
"allocation failed":"15:12",
"allocation failure":"15:3",
"allow":"5:1 14:2 16:1",
"allow untrusted":"14:1 16:1",
"allowed":"0:1 12:1 16:2 19:7 21:1",
"allowed to":"16:2 19:7",
"alpine":"0:2 7:1 8:1 9:1 10:1 13:2 14:21 16:5 17:5 19:5 20:1 21:3",
"alpine as":"0:1 9:1",
"alpine community":"14:13 16:5",
"alpine dial":"14:2",
"alpine edge":"16:1 21:1",
"alpine failed":"14:6 17:1 19:1 21:1",
"alpine latest":"19:1 20:1",
"alpine main":"14:10 16:5",
"alpine manifests":"21:2",
"alpine no":"17:2",
"alpine ns":"14:3",
"alpinelinux":"14:13 16:4",
"alpinelinux org":"14:13 16:4",
"already":"0:1 7:2 16:2 20:7",
"already and":"16:2",
"already exists":"0:1 7:2 20:7",
"also":"5:1 16:3 17:1",
"also install":"5:1 16:2",
"alternative":"5:1 14:1",
"alternative instead":"5:1 14:1",
"am":"6:1 15:1 21:1",
"amazonaws":"6:1 19:1 20:4",
"amazonaws com":"6:1 19:1 20:4",
"amd":"0:4 4:1 5:2 6:4 7:1 10:2 11:1 13:2 14:1 15:2 16:12 17:6 18:1 19:1 21:1",
"amd deb":"16:4",
"amd in":"17:3",
"amd linux":"0:1 10:1 19:1",
"amd not":"6:1 13:2",
"amd packages":"16:6",
"amd ubuntu":"4:1 16:1",
"ament":"16:2",
"amt":"14:2",
"amt if":"14:2",
"amt is":"14:2",
"an":"0:2 2:1 5:6 6:2 7:5 8:2 14:4 15:3 16:30 17:2 18:4 19:4 22:1",
"an assembly":"5:3",
"an error":"2:1 7:1 8:1 14:1 15:1 16:2 18:4 19:1",
"an exception":"16:1 17:1",
"an existing":"16:8",
"an image":"6:2 7:1 8:1 14:1",
"an impossible":"16:2",
"an incorrect":"16:4",
"an install":"16:7",
"an installable":"16:4",
"an interactive":"19:2",
"an invalid":"0:2",
"an optimized":"5:2 14:1 15:2",
"an unexpected":"7:1 14:1 16:2",
"an update":"16:3",
"and":"0:6 2:4 4:1 5:9 6:1 7:1 9:1 10:8 11:9 13:2 14:4 15:7 16:29 17:4 19:2 20:1 21:24 22:6",
"and an":"16:3",
"and checking":"5:2",
"and from":"5:2",
"and hence":"16:2",
"and in":"16:3",
"and linting":"15:2",
"and not":"16:2",
"and package":"6:1 16:3",
"and parent":"14:2",
"and path":"16:3",
"and possible":"5:1 16:1",
"and potentially":"16:4",
"and prioritize":"5:1 14:1 15:1",
"and publish":"19:1 20:1",
"and push":"0:1 4:1",
"and retry":"15:2",
"and running":"0:1 19:1",
"and the":"16:1 22:4",
"and then":"0:2",
"and try":"2:4 10:7 16:1 19:1",
"and unpack":"11:8 13:2 14:1 17:2",
"and upgrading":"21:24",
"android":"0:1 4:1",
"angular":"7:1 14:1 16:2",
"anonymous":"5:1 11:2 14:6 15:1 19:5",
"anonymous program":"5:1 14:1 15:1",
"anonymous telemetry":"5:1 14:1 15:1",
"anonymous token":"11:2 14:4 19:5",
"another":"7:2 13:1 14:2 16:10",
"another exception":"7:2 13:1 14:1",
"another min":"16:3",
"another package":"14:1 16:7",
"another source":"14:1 16:7",
"ansi":"15:1 16:2",
"ansible":"6:1 11:1",
"any":"5:1 7:1 13:2 14:4 16:8",
"any of":"14:2",
"any support":"14:2 16:1",
"any target":"13:2",
"any whl":"16:6",
"apache":"5:2 6:1 7:1 13:1 14:3 15:1 16:3",
"apache maven":"5:2",
"apache org":"5:1 14:2 16:1",
"apcu":"14:1 16:1",
"api":"2:1 3:1 5:3 6:5 7:1 12:1 13:2 14:6 15:4 16:7 19:2 21:1",
"api build":"5:1 7:1 19:1",
"api error":"2:1 3:1 21:1",
"api failed":"6:3 15:2 16:2",
"api latest":"12:1 13:1",
"api nuget":"14:3",
"api packages":"16:2",
"apis":"2:2",
"apis artifactcache":"2:2",
"apk":"5:1 7:1 9:1 14:11 15:1 16:19 18:7",
"apk add":"5:1 7:1 14:10 15:1 16:16 18:4",
"apk del":"15:1 16:1",
"apk exec":"18:2",
"apk no":"14:1 16:2",
"apk only":"16:3",
"apk update":"5:1 14:2 16:4 18:2",
"apk upgrade":"5:1 14:1 15:1",
"apkindex":"14:11 16:4",
"apkindex tar":"14:11 16:4",
"app":"0:1 3:1 5:17 6:11 7:2 8:4 12:2 13:3 14:10 15:8 16:16 17:4 18:1 19:2 21:2",
"app build":"6:2 13:1",
"app failed":"5:1 6:1 7:1 8:1 14:2 15:1 16:3",
"app frontend":"6:1 15:1",
"app latest":"12:1 19:1",
"app node":"5:1 15:1 21:1",
"app npm":"14:1 16:1",
"app public":"6:2",
"app requirements":"6:1 16:2",
"app rm":"14:1 15:1",
"app src":"5:2",
"app target":"5:2 6:1",
"appears":"14:4",
"appears to":"14:4",
"append":"0:2",
"append mode":"0:2",
"application":"11:1 16:4",
"applied":"16:3",
"applylayer":"7:2",
"applylayer stdout":"7:2",
"approve":"16:2",
"approve builds":"16:2",
"apps":"3:1 11:1 15:1",
"appstream":"16:2",
"appstream cannot":"16:2",
"april":"2:3",
"april migrate":"2:3",
"apt":"5:1 9:2 14:8 15:1 16:60 17:4 18:8",
"apt archives":"16:1 18:1",
"apt dpkg":"16:1 18:1",
"apt get":"5:1 9:2 14:8 15:1 16:48 17:3 18:6",
"apt install":"16:8",
"apt lists":"5:1 14:3 16:6 17:2 18:2",
"apt transport":"5:1 16:1",
"apt update":"16:4",
"apt utils":"16:1 18:1",
"apturl":"16:2",
"apull":"11:2 14:5 19:4",
"apull service":"11:2 14:5 19:3",
"arch":"0:3 5:2 13:1 14:1 16:2 17:2",
"arch action":"0:1 17:1",
"arch amd":"0:1 14:1 16:1",
"architecture":"5:1 15:1",
"archive":"7:3 14:5 16:4 18:2",
"archive ubuntu":"14:3 16:3",
"archives":"14:1 16:4 18:2",
"archives maybe":"14:1 16:3",
"are":"0:2 5:5 11:1 12:1 14:5 16:15 22:1",
"are behind":"14:5",
"are in":"16:3",
"are no":"11:1 16:1",
"are running":"16:2",
"are trying":"16:3",
"are using":"5:2 16:5",
"are you":"0:2 5:2",
"ares":"5:1 18:1",
"arg":"0:2 1:2 7:1 10:1 12:3 14:1 16:1 21:1",
"arg buildkit":"1:2 10:1",
"arg dev":"1:2 10:1",
"arg version":"0:1 12:1",
"argon":"7:1 16:1",
"args":"5:2 7:1",
"argument":"0:4 8:2 12:13",
"argument ghcr":"12:2",
"arguments":"5:2 16:2",
"argv":"14:2 16:2",
"argv usr":"14:2 16:1",
"arm":"0:1 1:1 4:1 7:1 10:1 13:1 14:4 16:1 17:25 18:7 19:2",
"arm builder":"0:1 18:1",
"arm deb":"14:2 18:3",
"arm in":"17:15",
"arm python":"14:1 17:1",
"arm ubuntu":"17:3",
"armhf":"14:1 17:1",
"armv":"14:2 16:2",
"armv addon":"14:1 16:2",
"articles":"5:1 16:1",
"artifact":"14:2 16:1 19:1",
"artifact org":"14:2",
"artifactcache":"2:2",
"artifactcache actions":"2:2",
"artifactcache caches":"2:2",
"artifacts":"5:1 8:1 16:1 18:1",
"as":"0:4 5:4 9:1 12:2 14:4 15:1 16:5 19:2 20:1 21:1",
"as and":"5:2",
"as build":"0:1 21:1",
"as dependency":"14:1 16:1",
"as failure":"0:1 14:1 16:1 19:1 20:1",
"as root":"16:3",
"asap":"2:3",
"asap for":"2:3",
"ash":"14:2 15:1 16:1 18:1",
"ash pipefail":"14:2 15:1 16:1 18:1",
"assembly":"5:3",
"assembly reference":"5:2",
"assert":"5:1 14:1",
"assets":"3:1 15:4 16:1",
"assets npm":"15:1 16:1",
"assignable":"5:2",
"assignable to":"5:2",
"assigned":"11:4 13:1 17:1",
"assigned default":"11:2",
"assistant":"14:1 17:1",
"at":"0:10 1:1 2:4 5:13 7:2 8:1 10:7 11:1 13:1 14:9 15:8 16:12 18:2 19:2 21:1",
"at app":"5:2",
"at https":"2:3 7:1 10:7 11:1 13:1 14:1 16:2 18:1",
"at process":"1:1 14:1",
"at tcp":"0:4",
"at the":"8:1 15:4 16:3",
"at tmp":"5:2",
"at unix":"0:6",
"at usr":"5:4 14:1 16:1 21:1",
"at uv":"16:2",
"attempt":"14:6 15:1 16:1",
"attempt failed":"14:5",
"attempting":"13:1 19:1",
"attempting next":"13:1 19:1",
"attempts":"14:1 16:1",
"attention":"5:1 14:1 15:1",
"attention next":"5:1 14:1 15:1",
"attestation":"10:4",
"attestation is":"10:4",
"attestations":"10:3",
"audit":"5:1 16:2",
"aufs":"0:1 7:1",
"aug":"4:1 8:1",
"auth":"0:2 11:1 12:1 14:8 16:1 19:9 21:1 22:3",
"auth credentials":"19:2",
"auth docker":"14:8 19:4",
"auth sock":"22:2",
"authenticated":"11:1 19:2",
"authenticated with":"11:1 19:2",
"authenticating":"19:2 21:24 22:1",
"authenticating and":"21:24",
"authentication":"11:1 19:1",
"authentication required":"11:1 19:1",
"author":"16:2",
"author to":"16:2",
"authority":"14:1 20:1",
"authorization":"0:1 11:1 13:14 19:8",
"authorization failed":"13:13 19:4",
"authorization server":"13:13",
"authorization status":"19:2",
"authorization token":"19:4",
"authorize":"11:2 14:7 19:6",
"authorize failed":"11:2 14:4 19:6",
"authorize rpc":"14:3",
"authorized":"19:2",
"auto":"0:1 1:2 5:1 7:1 9:1 10:1 13:1 19:1",
"auto added":"1:2 10:1",
"available":"14:3 16:17 19:1",
"available but":"14:1 16:7",
"available from":"14:1 16:7",
"average":"15:3 16:1 17:1",
"average mu":"15:3",
"average speed":"16:1 17:1",
"avoid":"5:1 15:1",
"awaiting":"14:2",
"awaiting headers":"14:2",
"aws":"6:1 15:1 19:4 21:1",
"aws ecr":"19:3",
"awx":"11:1 13:1",
"azure":"4:1 10:1",
"azurecr":"11:1 12:1",
"azurecr io":"11:1 12:1",
"ba":"2:1 4:1 6:2 7:1 13:1 17:3 19:2 20:3",
"ba waiting":"19:2",
"back":"1:1 6:1 8:1 11:14 13:2 14:2 16:1 17:1 19:1 21:4",
"back off":"6:1 8:1 11:14 13:2 14:2 16:1 17:1 19:1 21:3",
"backend":"5:2 6:1 8:1 9:2 11:1 13:1 14:2 16:3 20:1",
"backend failed":"9:2 14:2 16:1",
"backends":"2:3",
"backoff":"5:1 11:12 13:1 17:1",
"backoff kubelet":"11:3",
"backoff over":"11:7 13:1 17:1",
"backports":"14:1 16:3",
"backports inrelease":"14:1 16:1",
"backtrace":"2:1 5:3",
"backtrace environment":"2:1 5:3",
"bad":"2:5 8:1 14:5 19:1 20:2",
"bad network":"14:4",
"bad request":"2:5 20:1",
"baed":"7:1 20:1",
"baf":"7:1 20:2",
"bake":"10:1 14:1 22:1",
"bar":"1:1 20:1",
"base":"1:2 5:2 6:2 7:2 8:2 10:1 12:8 13:16 14:3 15:2 16:6 17:1 19:2 20:1 21:3",
"base apk":"5:1 15:1",
"base base":"13:2",
"base failed":"13:2 14:1 19:1",
"base image":"1:2 8:1 10:1 12:1 13:1 17:1 21:2",
"base latest":"10:1 13:2",
"base name":"12:6 14:1",
"base no":"6:1 8:1 14:1",
"base pull":"13:2",
"base python":"14:1 16:1",
"base repository":"13:5",
"based":"5:1 17:1",
"baseimage":"13:1 19:1",
"bash":"0:1 5:3 7:1 14:7 15:1 16:16 17:2 19:2",
"bash apt":"5:1 16:3",
"bash cd":"16:2",
"bash completion":"16:2",
"bash curl":"14:2",
"bash exited":"5:2",
"bash no":"14:3",
"bash pipefail":"14:1 16:4",
"basic":"19:2",
"basic auth":"19:2",
"bb":"2:3 6:1 7:1 11:1 14:1 16:1 18:1 20:3",
"bb bd":"16:1 20:1",
"bb cf":"7:1 11:1",
"bba":"5:3 19:1",
"bba cargo":"5:2",
"bbb":"2:1 6:1 14:1 20:1",
"bbe":"0:1 7:1 14:1",
"bbf":"6:1 19:1",
"bc":"2:4 6:1 7:1 11:2 14:3 15:1 16:1 17:1 18:2 19:1 20:4 21:2 23:1",
"bc ce":"2:1 14:1",
"bca":"21:1 22:1",
"bcc":"20:2",
"bcd":"5:1 6:1",
"bce":"6:1 19:1 20:1",
"bcrypt":"5:1 15:1 16:1",
"bd":"1:1 3:1 6:1 7:2 14:2 15:1 16:2 17:1 19:1 20:1",
"bd preparing":"19:1 20:1",
"bda":"19:1 20:1",
"bdc":"7:1 18:1",
"bdd":"6:1 19:1",
"bdf":"7:1 20:1",
"be":"0:3 1:1 2:4 3:1 5:5 6:2 7:2 9:2 10:1 11:5 12:28 13:6 14:12 15:6 16:47 17:3 19:3 20:3 21:1 22:1",
"be allowed":"16:2",
"be applied":"16:3",
"be authenticated":"11:1 19:2",
"be blank":"12:6",
"be built":"5:2",
"be easiest":"16:3",
"be found":"2:1 5:2 13:5 14:7 15:4 16:9 22:1",
"be installed":"0:2 16:10",
"be lowercase":"3:1 9:1 12:22",
"be maintained":"16:3",
"be re":"16:2",
"be resolved":"16:5",
"be trouble":"14:4",
"be updated":"5:1 16:4",
"be used":"5:1 10:1 16:3",
"bea":"3:1 20:1",
"because":"5:2 11:1 14:5 16:5",
"because connected":"14:3",
"because it":"5:2",
"because the":"14:3 16:3",
"bed":"2:1 20:1",
"bee":"1:1 23:1",
"been":"2:1 14:5 15:1 16:14 19:1",
"been created":"16:2",
"been ignored":"14:5 16:4",
"been moved":"16:2",
"been obsoleted":"14:1 16:7",
"before":"6:1 8:1 13:2 14:2 15:2 16:5 19:1 21:3",
"before continuing":"16:3",
"before retry":"6:1 8:1 13:1 14:2 16:1 19:1 21:3",
"beginning":"2:2 19:1 20:2",
"beginning of":"2:2 19:1 20:2",
"behind":"14:5",
"behind proxy":"14:5",
"believe":"16:3",
"believe this":"16:3",
"beta":"5:1 14:1 19:1",
"bf":"5:1 7:2 11:2 14:1 16:3 17:2 18:1 19:3 21:1 22:1",
"bf preparing":"19:3",
"bf pull":"7:1 17:1",
"bfc":"4:1 17:1",
"bff":"7:1 19:1 21:1",
"bin":"0:3 3:1 5:9 6:1 7:5 8:1 9:1 14:8 15:11 16:43 17:4 18:19 19:6 22:1",
"bin activate":"16:3",
"bin ash":"14:2 15:1 16:1 18:1",
"bin bash":"0:1 7:1 14:2 15:1 16:6 19:1",
"bin composer":"16:2",
"bin configure":"18:3",
"bin deb":"18:2",
"bin docker":"0:2 5:1 7:2 8:1 15:1 17:1 19:4",
"bin dpkg":"18:4",
"bin filename":"16:2",
"bin lib":"15:1 18:1",
"bin linux":"6:1 15:1",
"bin node":"14:2 16:1",
"bin npm":"14:2 16:1",
"bin pip":"16:7",
"bin poetry":"16:2",
"bin python":"14:1 16:5",
"bin sh":"5:1 16:16 17:2 18:10",
"bin ubuntu":"16:1 18:2",
"binaries":"5:1 15:1 16:1 17:1",
"binary":"16:7 17:1",
"binary amd":"16:4",
"binary found":"16:2",
"bind":"0:2 9:1 16:1",
"bind source":"0:2 16:1",
"bionic":"13:1 16:1 21:1",
"blank":"12:6",
"blob":"2:23 3:5 7:1 20:8",
"blob core":"2:1 3:1",
"blob error":"2:2",
"blob failed":"2:13 7:1",
"blob not":"3:3",
"blob patch":"2:2",
"blob sha":"2:1 3:1 20:2",
"blob upload":"2:1 20:1",
"blobs":"2:1 14:1 19:3 20:6",
"blobs sha":"2:1 14:1 19:1 20:1",
"blobs uploads":"19:2 20:5",
"body":"2:1 7:1 19:1 20:3",
"body html":"20:2",
"body invalid":"19:1 20:2",
"bookworm":"6:1 14:2 19:1",
"bool":"0:1 15:1",
"boost":"5:2 15:1",
"boost include":"5:2",
"boost missing":"5:2",
"boot":"14:3 18:1",
"boot spring":"14:2",
"boot starter":"14:2",
"booting":"14:2 19:1 21:2",
"booting builder":"19:1 21:1",
"booting buildkit":"14:2 21:1",
"bootstrap":"0:1 15:1 16:2 19:1",
"bootstrap pypa":"16:2",
"bower":"14:1 15:1 16:1",
"bower install":"14:1 16:1",
"branch":"0:1 3:1 5:1 8:1",
"branch master":"0:1 8:1",
"break":"16:4",
"break system":"16:3",
"breaking":"16:4",
"breaking your":"16:3",
"breaks":"16:2",
"broken":"0:1 14:4 16:8 20:1",
"broken by":"14:4",
"broken dependency":"16:4",
"broken packages":"16:3",
"brotli":"13:1 18:1",
"browser":"5:1 7:1 19:1",
"browserslist":"15:2",
"browserslist caniuse":"15:2",
"buffer":"7:1 14:1",
"bug":"14:1 16:4",
"bug please":"14:1 16:2",
"bug report":"14:1 16:2",
"bug the":"16:2",
"build and":"0:1 4:1 19:1 20:1",
"build apk":"14:3",
"build app":"5:1 13:1 15:1",
"build apt":"5:1 15:1 16:14",
"build arg":"0:1 1:2 10:1 12:1 16:1",
"build armv":"16:2",
"build as":"0:1 14:1 16:1 19:1 20:1",
"build attestation":"10:3",
"build base":"5:1 12:6 14:2 15:1 16:2",
"build bin":"5:2 15:1",
"build build":"0:1 4:1 5:3 6:5 8:5 9:4 12:1 13:3 14:3 15:3 16:15 18:1",
"build bundle":"14:1 15:1 16:5",
"build cache":"2:10 19:1",
"build cargo":"5:1 6:1",
"build cd":"5:3 15:1 16:4",
"build configuration":"5:1 15:1",
"build container":"12:1 16:1",
"build context":"0:1 1:1 5:1 6:11 7:1 9:2 12:1 16:1 21:2",
"build copy":"6:21",
"build crystal":"5:1 15:1",
"build default":"8:1 13:1 19:1",
"build desktop":"5:2 8:1 19:1",
"build details":"5:2 8:2 19:2",
"build docker":"0:1 5:2 6:1 10:1 13:1 15:1 16:2",
"build dockerfile":"9:1 13:1",
"build error":"0:1 2:2 5:2 6:1 7:1 9:2 12:1 14:5 15:3 16:3 17:1 22:1",
"build essential":"5:1 14:2 16:6 17:1 18:1",
"build failed":"0:2 1:1 2:1 5:4 6:14 7:3 8:9 9:4 13:5 14:10 15:2 16:19 17:1 19:7 21:3 22:1",
"build failure":"5:1 19:1",
"build finished":"0:1 4:1",
"build from":"6:1 12:6 14:1 15:1",
"build get":"14:3",
"build ghcr":"0:1 17:1",
"build github":"5:2 15:2",
"build go":"5:7 14:3",
"build help":"0:2 8:1 12:9",
"build image":"12:2 14:1 16:2 17:1 21:1",
"build images":"0:1 21:1",
"build invalid":"12:1 13:1",
"build is":"10:4",
"build js":"5:1 15:1",
"build ldflags":"5:3",
"build libs":"6:5",
"build llb":"16:1 19:3 21:1",
"build load":"1:2",
"build lstat":"6:2",
"build main":"1:1 4:1 5:1",
"build manifest":"13:2",
"build multi":"10:3",
"build no":"0:1 6:1 7:2 12:1",
"build nokogiri":"16:3",
"build not":"2:1 6:3",
"build npm":"5:1 14:2 15:9 16:3",
"build openedx":"0:1 16:1",
"build operation":"7:1 8:1",
"build php":"16:2",
"build pip":"6:1 7:1 15:3 16:5",
"build platform":"10:1 16:1",
"build pnpm":"5:1 16:2",
"build poetry":"16:2",
"build process":"5:1 14:1 16:2 18:1",
"build pull":"13:5",
"build push":"0:1 12:1 20:1",
"build py":"7:2 19:1",
"build release":"5:7 15:2 16:1 18:1",
"build requires":"0:1 8:2",
"build rs":"2:1 5:2",
"build run":"5:1 14:1 16:2",
"build script":"5:2 15:3 19:1",
"build scripts":"16:2",
"build service":"7:1 13:1 19:1",
"build sh":"6:1 19:1",
"build src":"5:2 15:1",
"build state":"6:1 19:1 20:1",
"build step":"0:1 5:2 14:1 16:3 19:1 20:1",
"build summary":"1:1 2:3 3:1 6:3 12:2 19:2",
"build tag":"0:1 12:1 16:1",
"build tags":"5:2",
"build target":"1:1 13:2",
"build the":"0:1 2:1 14:1 16:1",
"build unknown":"9:2",
"build vue":"15:2",
"build web":"5:1 13:1",
"buildctl":"0:1 6:1",
"builder":"0:11 3:1 4:1 5:5 6:34 10:1 12:1 13:4 14:2 15:1 16:5 17:1 18:1 19:1 21:1",
"builder app":"6:4",
"builder build":"0:1 6:1",
"builder builder":"0:1 10:1",
"builder but":"0:2",
"builder dist":"6:3",
"builder docker":"6:3 10:1 14:1",
"builder found":"0:3",
"builder instance":"0:2 19:1 21:1",
"builder requirements":"6:3",
"builder run":"5:5 6:1 14:1 15:1 16:3 17:1 18:1",
"builder server":"6:2",
"builder use":"0:2",
"builderror":"13:1 16:1",
"builders":"5:1 16:1",
"builders docker":"5:1 16:1",
"building":"0:5 2:1 5:6 6:3 7:1 8:10 9:1 12:1 13:1 14:5 15:4 16:25 20:1 21:1 23:1",
"building dependency":"14:2 16:18",
"building docker":"0:1 8:1",
"building for":"15:3",
"building fresh":"16:2",
"building image":"0:2 8:1 14:1 23:1",
"building the":"2:1 8:1 12:1",
"building web":"0:1 8:1 15:1 21:1",
"building wheel":"16:2",
"buildkit":"0:12 1:2 2:1 6:5 8:24 10:1 13:1 14:2 18:9 19:2 21:1 22:2",
"buildkit buildkitd":"0:2",
"buildkit buildx":"0:1 14:2 21:1",
"buildkit frontend":"0:3",
"buildkit inline":"1:2 10:1",
"buildkit manifests":"14:1 19:1",
"buildkit mount":"0:2 6:5 8:24",
"buildkit qemu":"18:9",
"buildkit runc":"0:2 22:1",
"buildkitd":"0:2",
"buildkitd sock":"0:2",
"buildkite":"0:2 19:3",
"buildkite agent":"0:1 19:3",
"buildkite plugin":"0:1 19:1",
"builds":"0:2 6:1 14:1 16:2 20:1",
"builds ignored":"16:2",
"builds to":"16:2",
"buildx":"0:18 1:4 2:18 3:8 5:3 6:9 7:2 8:3 10:11 12:6 14:4 16:7 17:2 18:4 19:15 20:4 21:3 22:1",
"buildx action":"19:1 21:1",
"buildx bake":"10:1 14:1",
"buildx build":"0:3 1:2 10:1 16:1",
"buildx buildkit":"0:2",
"buildx call":"8:1 19:1 20:2",
"buildx create":"0:8 2:6 10:4",
"buildx failed":"0:1 1:2 2:13 3:7 5:3 6:9 7:2 8:2 10:7 12:6 14:1 16:5 17:2 18:4 19:12 20:2 21:1 22:1",
"buildx rm":"0:1 16:1",
"buildx stable":"0:1 14:2 19:1 21:1",
"buildx version":"19:1 21:1",
"built":"0:1 5:2 13:1 14:1 16:1 17:1 19:1",
"built because":"5:2",
"bullseye":"13:1 14:2 17:2 21:1",
"bullseye failed":"17:1 21:1",
"bullseye inrelease":"14:2",
"bullseye no":"17:2",
"bundle":"14:1 15:5 16:14",
"bundle config":"16:4",
"bundle install":"14:1 15:4 16:14",
"bundler":"14:1 15:2 16:7",
"buster":"13:1 14:5 16:12 21:1",
"buster inrelease":"14:3 16:5",
"buster release":"16:8",
"buster updates":"14:3 16:10",
"busybox":"18:2",
"busybox trigger":"18:2",
"but":"0:3 5:3 14:1 16:21 19:1",
"but is":"14:1 16:7",
"but it":"16:2",
"but locked":"16:2",
"but no":"0:2",
"but not":"16:2",
"but your":"16:7 19:1",
"by":"0:1 5:13 6:9 7:1 14:25 15:2 16:25 17:1 18:1 20:1 21:24 22:1",
"by another":"14:1 16:7",
"by authenticating":"21:24",
"by default":"16:2",
"by dockerignore":"6:9",
"by newconnectionerror":"14:2",
"by passing":"16:3",
"by peer":"14:3",
"by running":"16:1 17:1",
"by setting":"16:2",
"by the":"5:3 14:1",
"by unknown":"14:1 20:1",
"by visiting":"5:1 14:1 15:1",
"by world":"14:11 16:6",
"bzip":"16:1 18:1",
"ca":"0:1 1:1 2:1 5:2 6:3 7:3 11:1 14:3 16:6 17:1 18:2 19:4 20:1 21:1",
"ca af":"16:1 19:1",
"ca certificates":"5:1 14:2 16:3 18:2",
"ca preparing":"19:2",
"caa":"6:1 19:1",
"cache add":"14:1 16:2",
"cache allow":"14:1 16:1",
"cache apk":"14:2 15:1 16:4",
"cache apt":"16:1 18:1",
"cache backends":"2:3",
"cache bash":"14:2 16:2",
"cache build":"16:2",
"cache clean":"15:3 16:5",
"cache dir":"7:1 14:3 15:1 16:9",
"cache export":"2:12",
"cache exporter":"2:2",
"cache ffmpeg":"16:2",
"cache for":"2:7",
"cache from":"0:1 10:1 16:1",
"cache git":"7:1 18:1",
"cache importer":"3:4",
"cache ingest":"2:1 7:1",
"cache key":"3:8 6:55 7:1 19:2 21:1",
"cache manifest":"2:5 3:2 6:1 19:1",
"cache not":"2:2 7:1",
"cache python":"12:1 14:1 16:2",
"cache sunset":"2:3",
"cache tini":"16:1 18:1",
"cache tmp":"1:2 10:1",
"cache vcs":"22:2",
"caches":"2:2",
"cad":"11:1 20:1 21:1",
"calculate":"6:36",
"calculate checksum":"6:36",
"call":"5:3 7:2 8:1 13:1 14:1 15:2 16:5 19:3 20:2",
"call and":"15:2",
"call failed":"8:1 19:1 20:2",
"call last":"7:2 13:1 14:1 16:5 19:2",
"called":"5:1 14:1",
"can":"0:1 5:5 10:1 13:3 14:9 15:5 16:32 17:3 22:3",
"can also":"16:2 17:1",
"can be":"5:1 10:1 14:7 15:4 16:13 22:1",
"can build":"13:1 14:1 16:2 17:2",
"can disable":"16:2",
"can find":"5:1 16:1",
"can learn":"5:1 14:1 15:1",
"can only":"13:1 16:11",
"can open":"22:2",
"can override":"16:3",
"canceled":"0:1 1:4 4:3 13:1 14:2 18:1",
"canceled desc":"1:2",
"canceled while":"14:2",
"candidate":"14:1 16:15",
"caniuse":"15:2",
"caniuse lite":"15:2",
"cannot":"0:10 2:1 5:8 6:1 8:6 11:1 13:1 14:1 15:1 16:15 17:2 19:5 22:1",
"cannot be":"5:3 11:1 19:2",
"cannot connect":"0:10",
"cannot find":"5:4 8:1 14:1 16:3",
"cannot install":"16:2",
"cannot locate":"8:5 16:1",
"cannot perform":"16:3 19:2",
"cannot prepare":"16:2",
"cannot proceed":"16:3",
"capability":"0:3",
"capability moby":"0:3",
"captured":"13:1 14:1",
"cargo":"5:20 6:1 15:3 16:4 18:1 19:1",
"cargo build":"5:8 15:3 16:1",
"cargo chef":"5:3 19:1",
"cargo does":"5:2",
"cargo install":"5:3 16:1",
"cargo lock":"5:3",
"cargo registry":"5:5 18:1",
"cargo toml":"5:3 6:1",
"cargo update":"5:5",
"cases":"14:4",
"cases you":"14:4",
"casing":"5:2",
"casing do":"5:2",
"cat":"9:4 15:1 16:1 19:1 22:2",
"cat can":"22:2",
"caused":"0:1 5:9 14:1 15:1 16:2 17:12 18:9",
"caused by":"5:9 14:1 15:1 16:2 17:1 18:1",
"caused exec":"17:11 18:8",
"cb":"0:1 3:1 11:2 13:1 19:1 20:3",
"cb not":"3:1 13:1",
"cb preparing":"19:1 20:1",
"cb waiting":"19:1 20:1",
"cc":"1:1 3:1 5:2 6:1 7:1 11:1 14:1 15:4 20:1 21:1 22:1 23:1",
"cc plus":"15:2",
"ccb":"12:1 16:1",
"ccc":"12:1 19:1",
"cd":"0:1 5:8 7:2 14:5 15:8 16:12 18:3 19:2 20:3 22:1",
"cd app":"14:1 16:2",
"cd opt":"15:1 16:1",
"cd rm":"5:1 14:1",
"cd source":"14:1 15:1",
"cd usr":"16:1 18:1",
"cde":"11:1 16:1",
"cdn":"14:13 16:4",
"cdn alpinelinux":"14:13 16:4",
"ce":"0:1 2:3 6:1 7:2 11:1 14:2 15:1 16:3 17:1 19:2 20:1 21:1",
"ce ca":"2:1 11:1",
"ceb":"7:1 19:1",
"ced":"0:1 14:1 15:2 17:1 19:1",
"cee":"13:1 20:1",
"center":"20:3",
"center body":"20:2",
"center hr":"20:2",
"center nginx":"20:3",
"center request":"20:3",
"centos":"0:1 8:1 16:2",
"central":"6:1 14:2 16:1 20:1",
"central amazonaws":"6:1 20:1",
"central https":"14:2 16:1",
"certificate":"2:1 14:3 20:1",
"certificate certificate":"14:1 20:1",
"certificate signed":"14:1 20:1",
"certificates":"2:1 5:1 14:2 16:3 18:2",
"certificates curl":"5:1 16:1",
"certificates has":"14:1 16:2",
"certificates is":"14:1 16:1",
"cf":"2:2 5:1 6:1 7:2 11:2 16:2 17:1 18:1 20:3 21:2",
"cf fd":"20:1 21:1",
"cf unexpected":"2:2",
"cfa":"7:1 8:1",
"cffi":"16:2",
"cflags":"5:2",
"cgo":"5:12 16:1",
"cgo compiler":"5:4",
"cgo enabled":"5:7 16:1",
"cgroupparent":"0:2",
"cgroupparent cpuperiod":"0:2",
"ch":"13:1 19:1",
"chain":"7:1 14:1",
"change":"16:2",
"changed":"5:1 8:1 11:1 16:2",
"changelog":"16:4",
"changelog https":"16:4",
"changes":"0:3 5:1 16:1",
"changes for":"0:2",
"char":"15:3",
"char const":"15:3",
"character":"2:2 19:1 20:2",
"character looking":"2:2 19:1 20:2",
"check":"1:1 2:3 3:1 6:3 7:1 12:2 16:6 19:3",
"check build":"1:1 2:3 6:3 12:2 19:2",
"check if":"16:3",
"check the":"7:1 16:2",
"checking":"0:2 5:5 8:1 15:2 16:1 19:1",
"checking and":"15:2",
"checking for":"5:2 8:1 16:1",
"checking out":"0:1 19:1",
"checking validity":"5:3",
"checkout":"15:1 19:1",
"checksum":"6:36 16:3",
"checksum did":"16:2",
"checksum of":"6:36",
"chef":"5:3 19:1",
"chef src":"5:2",
"chmod":"5:1 14:3 17:1 18:1",
"chmod run":"17:1 18:1",
"chown":"6:1 9:1",
"chromium":"16:2",
"ci":"0:2 1:1 14:6 15:1 16:16 19:1 20:1 21:1 22:1",
"ci can":"16:2",
"ci command":"16:8",
"ci environments":"16:2",
"ci npm":"14:1 16:2",
"ci registry":"0:1 14:1",
"cilium":"11:1 17:1",
"cjs":"16:4",
"clap":"5:1 15:1",
"class":"5:1 18:1 22:1",
"clean":"5:2 15:5 16:11 18:1",
"clean force":"15:1 16:2",
"cleaning":"5:1 16:1",
"cleanup":"0:1 13:1 16:1",
"cli":"0:1 5:3 6:1 7:2 10:1 13:1 14:5 15:5 16:16 18:1 19:2",
"cli install":"14:1 16:7",
"cli main":"5:1 7:2 13:1 16:1 19:1",
"cli releases":"14:1 16:4",
"cli run":"14:1 16:1",
"cli service":"15:2",
"client":"0:1 1:2 5:3 6:1 7:1 13:2 14:7 15:3 16:6 17:1 22:1 23:1",
"client build":"5:2 15:1",
"client connection":"1:2",
"client py":"6:1 14:2",
"client timeout":"14:2",
"clone":"5:1 6:1 14:2 15:1 16:1 19:1 22:3",
"clone git":"14:1 22:2",
"clone https":"5:1 14:1 15:1 16:1",
"cloning":"5:2 14:4 19:1 22:3",
"cloning into":"5:2 14:4 19:1 22:3",
"closed":"1:1 2:2 14:2",
"closed else":"14:2",
"closed network":"1:1 2:1",
"closing":"1:4",
"closing transport":"1:2",
"cloud":"3:1 5:1 16:2",
"cloud builders":"5:1 16:1",
"cluster":"7:1 12:1 13:1",
"cluster failed":"7:1 13:1",
"cluster kind":"7:1 13:1",
"cmake":"5:4 14:1 15:1 16:5 17:1 18:3",
"cmake build":"15:1 18:1",
"cmake error":"5:2",
"cmake make":"14:1 18:1",
"cmake message":"5:2",
"cmake modules":"5:2",
"cmd":"5:7 6:1 8:1 14:2 15:2 16:1 19:1 21:1",
"cmd docker":"8:1 21:1",
"cn":"14:6 19:2",
"cn github":"14:2",
"cn on":"14:2",
"code canceled":"1:2",
"code desc":"11:2 18:1",
"code eai":"14:6",
"code ebadengine":"16:4",
"code elifecycle":"15:4",
"code enogit":"16:3",
"code eresolve":"16:16",
"code etimedout":"14:2",
"code eusage":"16:7",
"code file":"0:1 16:1",
"code https":"21:7",
"code manifests":"19:2 21:1",
"code no":"1:2",
"code notfound":"11:5 13:2 17:2 23:1",
"code server":"14:1 21:1 22:1",
"code unavailable":"1:16",
"code unknown":"0:3 1:1 2:3 5:1 6:1 7:1 8:7 9:3 10:2 11:12 13:2 14:7 15:2 17:3 18:2 19:13 20:2 21:2",
"collect":"5:3",
"collect error":"5:3",
"collected":"16:3",
"collected packages":"16:3",
"collecting":"14:3 15:3 16:9",
"collecting flash":"16:2",
"collecting package":"15:1 16:1",
"collecting pip":"16:2",
"collecting torch":"14:1 15:2",
"collects":"5:1 14:1 15:1",
"collects completely":"5:1 14:1 15:1",
"column":"5:1 14:1",
"com alpine":"16:1 20:1",
"com browserslist":"15:2",
"com docker":"7:1 15:1 21:1 22:1",
"com en":"14:2 16:8",
"com errors":"7:1 18:1",
"com example":"5:1 19:1",
"com for":"2:2",
"com gin":"14:2",
"com github":"14:1 16:1",
"com go":"0:1 2:3 5:2 8:1 10:7 12:1",
"com increase":"21:27",
"com library":"14:2",
"com mattermost":"5:2",
"com mitchellh":"16:1 18:1",
"com moby":"0:2",
"com no":"14:1 22:1",
"com npm":"14:2 16:4",
"com pkg":"5:1 7:1",
"com pypi":"14:1 16:1",
"com rust":"5:1 18:1",
"com setup":"5:1 16:2",
"com simple":"16:2",
"com spf":"5:1 18:1",
"com stretchr":"5:1 14:1",
"com terminal":"22:2",
"com ubuntu":"14:2 16:3 18:1",
"command":"0:6 1:2 5:8 6:1 7:2 13:3 14:5 15:11 16:39 17:1 18:3 19:6 20:1 21:1",
"command apt":"14:1 16:1 17:1",
"command bash":"16:1 19:1",
"command bin":"14:1 15:1 16:4 18:1",
"command can":"16:8",
"command did":"6:1 19:1 20:1",
"command docker":"0:1 6:1 7:1 13:2 19:1 20:1 21:1",
"command failed":"1:2 5:2 14:1 15:8 16:3 18:1 19:1",
"command gcc":"16:3",
"command hook":"0:1 19:2",
"command line":"0:1 5:2",
"command make":"5:1 15:2",
"command not":"0:3",
"command output":"13:1 16:1",
"command sh":"15:3 18:1",
"command with":"16:5",
"commit":"0:1 2:11 5:1 8:1 9:1 14:1 19:1 20:3",
"commit on":"2:10 19:1 20:3",
"common":"5:2 7:2 8:1 15:1 16:6 17:1",
"common requires":"5:1 16:1",
"community":"14:13 16:6",
"community apkindex":"14:11 16:4",
"community temporary":"14:7",
"compacts":"15:2",
"compacts near":"15:2",
"compat":"8:1 16:1",
"compatible":"5:4 16:10",
"compatible dependency":"5:4",
"compatible set":"16:3",
"compatible ver":"5:4",
"compatible with":"16:6",
"compilation":"5:2 15:2",
"compile":"5:12 7:2 14:1 15:1 16:1",
"compile default":"5:2",
"compile on":"5:2",
"compile writing":"7:2",
"compiled":"5:3",
"compiled successfully":"5:3",
"compiler":"5:7 16:1",
"compiler gcc":"5:4",
"compiler plugin":"5:2",
"compiling":"5:5 15:2",
"complete":"6:1 7:2 13:1 14:7 15:4 16:10 17:1 19:1 20:1 22:1",
"complete log":"14:7 15:4 16:9 22:1",
"complete post":"6:1 20:1",
"completed":"1:3 7:2 9:1 10:2 12:1 16:1 17:1 18:1 19:3 20:1 21:1",
"completed with":"1:3 7:2 9:1 10:2 12:1 17:1 18:1 19:3 20:1 21:1",
"completely":"5:1 14:1 15:1",
"completely anonymous":"5:1 14:1 15:1",
"completion":"16:2",
"component":"0:3 5:1 12:1 15:1",
"component must":"0:2 12:1",
"component of":"0:2",
"components":"5:1 16:1",
"compose":"0:5 1:1 5:1 7:2 8:4 9:1 12:1 13:8 15:1 16:1 17:1 19:4 21:1 23:1",
"compose build":"0:2 8:1 13:3",
"compose cli":"7:2 13:1 19:1",
"compose docker":"1:1 5:1 8:1 13:1 19:2 21:1",
"compose latest":"0:1 19:1",
"compose line":"7:2 13:1 19:1",
"compose profile":"9:1 13:1",
"compose project":"1:1 7:1 13:1 19:1",
"compose service":"7:1 13:1 19:1",
"compose up":"0:1 8:3 13:3 15:1 16:1 17:1 19:1",
"compose yml":"1:1 5:1 13:1 19:2",
"composer":"6:1 16:10",
"composer as":"16:2",
"composer composer":"16:3",
"composer install":"16:2",
"composer json":"6:1 16:2",
"composer phar":"16:2",
"composer setup":"16:2",
"composer update":"16:4",
"compreface":"13:2",
"compreface core":"13:2",
"compute":"3:8 5:2 6:54 7:1 19:1",
"compute cache":"3:8 6:54 7:1",
"computed":"16:2",
"computed checksum":"16:2",
"concurrent":"0:1 19:1",
"concurrent via":"0:1 19:1",
"conda":"15:2 16:2 21:1",
"conda env":"15:1 16:2",
"conf":"6:1 16:1",
"config":"0:1 1:1 5:3 6:3 12:1 14:6 15:2 16:23 17:1 18:1 19:3 20:3 22:1 23:1",
"config build":"16:3",
"config for":"14:1 19:2",
"config is":"14:4",
"config js":"15:1 16:1",
"config json":"14:1 19:1",
"config mismatch":"16:3",
"config set":"16:2 17:1",
"config sha":"20:3 23:1",
"config usr":"16:2",
"config virtualenvs":"16:6",
"configuration":"0:1 5:1 11:1 14:2 15:1 16:3 18:1 19:1 21:1",
"configuration denied":"11:1 19:1",
"configuration doesn":"16:2",
"configure":"2:1 3:2 5:3 16:3 18:4",
"configure error":"5:3 16:1",
"configure gd":"5:1 16:2",
"configure registry":"2:1 3:2",
"conflict":"16:6",
"conflict or":"16:5",
"conflicting":"16:3",
"conflicting peer":"16:2",
"confluence":"5:1 16:1",
"confluence display":"5:1 16:1",
"connect":"0:20 3:1 14:10 15:1",
"connect connection":"0:1 3:1 14:1",
"connect get":"0:4",
"connect network":"14:2",
"connect none":"14:3",
"connect to":"0:15 14:3",
"connected":"14:3 16:1",
"connected host":"14:3",
"connected party":"14:3",
"connectex":"14:3",
"connectex connection":"14:3",
"connection":"0:4 1:5 2:1 3:3 6:1 14:18",
"connection attempt":"14:3",
"connection broken":"14:4",
"connection client":"14:2",
"connection errno":"14:2",
"connection error":"0:2 1:2",
"connection failed":"14:3",
"connection is":"1:2",
"connection refused":"0:1 3:1 14:2",
"connection reset":"14:3",
"connection retrying":"14:4",
"connection timed":"0:1 3:2",
"connection verifiedhttpsconnection":"14:2",
"connectivity":"14:4",
"connector":"0:1 6:1",
"consider":"5:2 16:6",
"consider installing":"16:2",
"consider upgrading":"16:4",
"console":"14:1 16:1",
"const":"15:3 18:1",
"const node":"15:3",
"const oomdetails":"15:2",
"constraints":"14:6 16:2",
"consult":"16:2",
"consult the":"16:2",
"contact":"16:3",
"contact your":"16:3",
"contain":"16:3",
"contain compatible":"16:3",
"container":"0:6 1:2 5:2 10:1 12:2 13:1 14:3 15:1 16:4 17:1 18:1 19:2 20:1 22:1 23:1",
"container auto":"1:2 10:1",
"container error":"12:1 16:1",
"container failed":"5:1 23:1",
"container features":"1:2 10:1",
"containerd":"2:4 3:1 7:2 10:7",
"containerd image":"2:4 10:7",
"containerd mount":"7:2",
"containers":"0:2 1:3 10:1 11:1 21:1",
"containers base":"1:2 10:1",
"containers target":"1:2 10:1",
"content":"3:1 11:1 13:1",
"content at":"11:1 13:1",
"contents":"16:3",
"contents can":"16:3",
"context":"0:8 1:3 5:2 6:12 7:2 8:15 9:2 12:1 13:1 14:1 16:1 19:1 21:3 23:3",
"context canceled":"0:1 1:2 13:1",
"context create":"0:2",
"context deadline":"23:3",
"context default":"0:2",
"context for":"0:2",
"context name":"0:2",
"context or":"6:9",
"context path":"8:4",
"context to":"0:1 7:1 9:2 12:1 21:2",
"context unable":"8:11",
"contexts":"0:3",
"continue":"15:1 22:1",
"continuing":"16:3",
"control":"16:2 18:2 19:1",
"control subprocess":"18:2",
"controller":"11:1 13:1 17:1",
"controllers":"5:1 6:1",
"copy":"1:1 3:3 6:61 7:1 9:1 11:1 13:2 14:2 16:3 19:1 20:6 21:8",
"copy failed":"6:51 7:1 20:1",
"copy from":"6:2 13:1",
"copy frontend":"6:1 16:1",
"copy httpreaderseeker":"19:1 21:1",
"copy httpreadseeker":"11:1 13:1 14:1 21:7",
"copy package":"6:2",
"copy read":"3:2 14:1",
"copy requirements":"6:2",
"copy unexpected":"20:5",
"copying":"1:1 20:1",
"copyright":"7:1 16:1 18:1",
"core":"2:1 3:1 5:4 6:2 11:1 12:1 13:2 14:3 15:1 16:8 18:12",
"core base":"13:2",
"core dumped":"18:12",
"core failed":"13:2",
"core not":"6:1 11:1",
"core test":"12:1 14:1",
"core windows":"2:1 3:1",
"corepack":"16:7",
"corepack cjs":"16:3",
"corepack dist":"16:3",
"corepack is":"16:3",
"corepack will":"16:2",
"correct":"7:1 16:4 22:4",
"correct access":"16:1 22:4",
"correct problems":"16:3",
"corresponding":"5:2",
"corresponding type":"5:2",
"could":"0:3 2:1 3:1 5:7 7:3 8:1 13:7 14:16 15:1 16:51 17:1 18:2 21:1 22:9",
"could not":"0:3 2:1 3:1 5:7 7:3 8:1 13:7 14:16 15:1 16:51 17:1 18:2 21:1 22:9",
"couldn":"5:1 12:1 14:1 16:3 22:1",
"couldn find":"16:2 22:1",
"couldn parse":"12:1 16:1",
"count":"2:1 11:1",
"cp":"5:1 14:3 15:2 16:4",
"cp cp":"14:3 15:2",
"cp manylinux":"14:3 15:2",
"cp usr":"16:2",
"cpp":"5:1 6:1 12:1 16:1 17:1",
"cpu":"8:1 9:1 16:2",
"cpuperiod":"0:2",
"cpuperiod cpuquota":"0:2",
"cpuquota":"0:2",
"cpuquota cpusetcpus":"0:2",
"cpusetcpus":"0:2",
"cpusetcpus cpusetmems":"0:2",
"cpusetmems":"0:2",
"cpusetmems cpushares":"0:2",
"cpush":"19:2",
"cpush service":"19:2",
"cpushares":"0:2",
"cpushares dockerfile":"0:2",
"cpython":"14:1 16:1",
"cr":"5:1 6:1 15:1 19:1",
"cr static":"5:1 15:1",
"crate":"15:1 16:1",
"crates":"5:4 14:1 15:1 16:1 18:1",
"crates io":"5:4 14:1 15:1 16:1 18:1",
"create":"0:9 2:6 5:1 7:6 9:8 10:4 12:1 13:6 14:6 16:13 17:3 19:6 21:1 23:1",
"create archive":"7:2",
"create builder":"0:2",
"create cluster":"7:1 13:1",
"create context":"0:2",
"create false":"16:6",
"create llb":"9:8 12:1 13:5 14:5 17:3 19:4 21:1 23:1",
"create name":"0:5",
"create organization":"19:2",
"create use":"0:2 2:6 10:4",
"create virtual":"16:3",
"created":"0:2 5:1 7:1 11:1 14:1 16:3",
"createfile":"8:2",
"creating":"0:2 5:2 7:2 13:3 14:2 15:3 16:1 18:1 19:3 21:1",
"creating an":"5:2 14:1 15:2",
"creating cluster":"7:1 13:1",
"creating network":"13:2 15:1 19:2",
"creating new":"0:1 19:1 21:1",
"credential":"19:4",
"credential desktop":"19:2",
"credentials":"11:1 19:16",
"credentials err":"19:11",
"cron":"13:1 16:3",
"cross":"5:1 14:1 18:2",
"crypto":"5:1 7:1",
"crystal":"5:1 15:1",
"crystal build":"5:1 15:1",
"cs":"5:3 16:1",
"cs error":"5:3",
"cs the":"5:3",
"csproj":"5:6 14:3 16:1 18:1",
"csproj error":"14:3 16:1",
"csproj in":"14:3",
"csproj release":"16:1 18:1",
"cu":"5:1 6:1 15:1 17:1",
"cuda":"7:2 12:1 13:1 14:2 17:1 21:1",
"cudnn":"5:1 14:1 17:1",
"curl":"5:1 11:1 14:9 16:21 17:1 18:3",
"curl could":"14:1 16:1",
"curl dirmngr":"5:1 16:1",
"curl gcc":"16:2",
"curl git":"14:2",
"curl https":"14:1 16:2 17:1",
"curl jq":"14:2",
"curl missing":"14:2",
"curl sl":"5:1 14:1 16:2",
"curl ss":"16:2",
"curl ssl":"16:2",
"current":"0:2 3:1 5:7 13:1 14:1 15:4 16:13 17:2",
"current environment":"0:2",
"current mu":"15:3",
"current net":"5:3",
"current platform":"16:3",
"current project":"16:2",
"current ver":"5:4",
"current version":"16:2",
"currently":"0:2 2:6 5:2 10:14 16:1 17:1",
"currently active":"5:2 16:1",
"currently not":"0:2 2:6 10:4",
"currently support":"10:10",
"custom":"3:1 5:1 6:1 12:1",
"cwiki":"5:1 16:1",
"cwiki apache":"5:1 16:1",
"cxx":"15:1 18:1",
"da":"2:2 3:1 4:1 6:3 7:1 11:1 16:2 17:1 19:2 20:1",
"da ec":"2:1 4:1",
"dab":"17:2",
"dae":"2:1 7:1 14:1 17:1 19:1",
"daemon":"0:16 7:6 9:14 11:12 12:1 13:14 14:3 17:4 19:13 21:13",
"daemon at":"0:9",
"daemon denied":"19:3",
"daemon dockerfile":"9:13",
"daemon error":"7:1 19:1",
"daemon get":"14:1 19:2",
"daemon head":"11:1 14:1 19:7",
"daemon kb":"0:1 9:2 12:1",
"daemon manifest":"11:5 13:10",
"daemon mb":"7:1 21:1",
"daemon mkdir":"7:2",
"daemon no":"17:3",
"daemon pull":"11:3 13:4",
"daemon running":"0:10",
"daemon toomanyrequests":"21:11",
"daemon unknown":"9:1 11:1",
"daemon without":"0:2",
"daf":"11:1 19:1",
"dargs":"5:2",
"dargs cmake":"5:2",
"dashboard":"5:2 6:1 8:2 11:1 12:2 16:2 19:2",
"dashboard build":"5:2 8:2 19:2",
"dashboard promethus":"12:2",
"data":"0:3 1:3 2:1 7:1 8:3 11:1 14:4 15:2 17:1 18:2 22:1",
"data docker":"1:1 8:1",
"data graceful":"1:2",
"data loaded":"0:2",
"data self":"14:2",
"database":"7:1 8:1 16:1",
"datasource":"5:2 16:1",
"date":"14:1 15:1 16:3",
"date with":"15:1 16:1",
"db":"0:1 2:2 5:2 6:1 7:2 8:1 9:1 11:2 13:3 14:1 15:2 16:2 17:4 18:1 19:3 20:6 21:1",
"db cb":"11:2",
"db ec":"5:1 16:1 20:1",
"db failed":"9:1 13:1",
"db pulling":"13:1 17:1",
"dba":"7:1 14:1 16:1",
"dbf":"20:2",
"dc":"0:1 2:1 6:1 7:2 11:1 14:2 15:1 16:3 17:1 18:1 19:3 20:3",
"dc fc":"16:1 20:1",
"dc preparing":"19:2",
"dcad":"8:1 17:1",
"dcb":"7:1 13:1 19:1",
"dce":"7:1 19:1",
"dcf":"14:1 20:1 23:1",
"dd":"2:1 3:1 7:2 11:1 14:1 18:1 19:3 20:3 21:1 22:1",
"dd done":"2:1 14:1",
"ddd":"7:2 20:1 21:1",
"de":"0:1 2:1 5:1 6:3 12:1 14:4 16:1 17:3 19:2 20:4 21:1 22:2 23:1",
"de cf":"17:1 21:1",
"de connectex":"14:2",
"de da":"17:1 20:1",
"de layer":"20:2",
"de preparing":"19:1 20:1",
"deadline":"23:3",
"deadline exceeded":"23:3",
"deadlineexceeded":"11:1 14:4 23:2",
"deadlineexceeded deadlineexceeded":"14:3",
"deadlineexceeded node":"14:2",
"deb":"5:1 6:1 14:11 16:22 18:5",
"deb control":"18:2",
"deb debian":"14:10 16:15",
"deb hash":"14:2",
"deb no":"18:2",
"deb nodesource":"5:1 16:2",
"deb not":"16:3",
"deb unpack":"18:2",
"debian":"5:1 8:1 13:1 14:12 16:19 17:3 18:1 19:1 21:2",
"debian bullseye":"17:2",
"debian buster":"14:1 16:9 21:1",
"debian dists":"14:8 16:5",
"debian org":"14:12 16:15",
"debian packaged":"16:3",
"debian security":"14:6 16:14",
"debian stretch":"14:1 16:4",
"debug":"0:2 1:2 5:4 7:1 13:2 14:9 15:4 16:13 17:1 18:1 20:1 22:1",
"debug data":"1:2",
"debug log":"14:9 15:4 16:10 20:1 22:1",
"debug logging":"5:1 16:1",
"debug to":"5:2 16:1 17:1",
"declarations":"5:2",
"default":"0:5 5:2 6:1 8:1 11:5 12:2 13:6 15:1 16:4 17:4 19:4 21:1 22:1",
"default compile":"5:2",
"default default":"8:1 19:1",
"default docker":"19:1 21:1",
"default driver":"13:2 15:1 19:2",
"default scheduler":"11:4 13:1 17:1",
"default tag":"13:2 17:3",
"default with":"13:2 15:1 19:2",
"defaults":"14:1 16:1",
"define":"16:2",
"define packagemanager":"16:2",
"defined":"5:3 13:1 18:1",
"definition":"9:7 12:1 13:5 14:5 16:2 17:3 19:4 21:1 22:1 23:1",
"definition docker":"13:2",
"definition dockerfile":"9:6",
"definition failed":"9:1 12:1 14:5 21:1",
"definition no":"17:3 23:1",
"definition pull":"13:3",
"definition rpc":"19:3",
"del":"15:1 16:1",
"demo":"0:1 5:1 16:1",
"demos":"8:1 16:1",
"denied":"0:2 3:1 5:1 11:4 13:31 14:1 19:36",
"denied access":"19:3",
"denied denied":"19:2",
"denied for":"11:3 13:17",
"denied installation":"19:7",
"denied permission":"19:6",
"denied repository":"13:13",
"denied requested":"11:2 13:10 19:12",
"denied unauthenticated":"11:1 19:1",
"denied write":"19:5",
"denied your":"19:3",
"dep":"5:2 14:1 15:1",
"dep deprecationwarning":"5:1 14:1",
"dependencies":"14:1 16:16",
"dependencies from":"16:3",
"dependencies run":"14:1 16:1",
"dependencies should":"16:2",
"dependency":"5:5 14:3 15:1 16:37",
"dependency conflict":"16:5",
"dependency management":"16:2",
"dependency of":"14:1 16:1",
"dependency resolution":"16:4",
"dependency tree":"14:2 16:27",
"dependency versions":"5:4",
"dependency vite":"16:2",
"depends":"14:1 16:3",
"depends on":"14:1 16:1",
"deploy":"5:1 6:2 8:1 15:2 17:1",
"deploy failed":"15:1 17:1",
"deploy stack":"6:1 8:1",
"deployment":"3:1 6:1 8:1 15:2 16:5",
"deployment without":"15:2 16:4",
"deprecated":"5:2 14:1 15:3",
"deprecated please":"5:1 14:1 15:1",
"deprecation":"5:1 14:1 16:1",
"deprecation to":"5:1 14:1",
"deprecationwarning":"5:1 14:1 15:1",
"deprecationwarning the":"5:1 14:1",
"deps":"5:3 7:1 14:3 15:2 16:7 17:1",
"deps run":"16:2",
"desc":"0:6 1:17 2:3 5:1 6:1 7:1 8:7 9:3 10:2 11:20 13:4 14:7 15:2 17:5 18:3 19:13 20:2 21:2 23:1",
"desc closing":"1:2",
"desc docker":"10:2",
"desc error":"0:1 1:16 2:3 11:12 13:2 19:5",
"desc failed":"0:1 6:1 8:7 9:3 11:6 13:2 14:6 17:3 19:8 20:2 21:2",
"desc no":"17:2 23:1",
"desc unsupported":"0:2",
"desktop":"5:2 6:1 8:2 17:1 19:4",
"desktop dashboard":"5:2 8:2 19:2",
"desktop executable":"19:2",
"desktop linux":"5:2 8:1 19:1",
"destination":"9:1 14:1",
"detailed":"16:4",
"detailed specification":"16:4",
"details":"5:3 8:2 11:1 16:7 17:1 19:3",
"details about":"16:2",
"details docker":"5:2 8:2 19:2",
"detected":"5:1 16:1 17:1 18:1",
"detected host":"17:1 18:1",
"determining":"5:2 14:3",
"determining projects":"5:2 14:3",
"dev":"1:2 2:2 4:1 5:5 6:1 7:1 8:1 9:1 10:1 13:3 14:7 15:3 16:49 17:3 18:12 19:2 22:1",
"dev arm":"14:2 18:2",
"dev buildkit":"18:9",
"dev cmake":"16:1 18:1",
"dev container":"1:2 10:1",
"dev containers":"1:2 10:1",
"dev docker":"5:1 16:3 17:1 19:1",
"dev eslint":"16:4",
"dev github":"5:1 15:1",
"dev has":"16:4",
"dev is":"9:1 16:2",
"dev libfreetype":"16:2",
"dev libjpeg":"16:6",
"dev libmcrypt":"16:3",
"dev libpng":"16:5",
"dev library":"2:2 14:1",
"dev libxml":"14:1 15:1",
"dev libxslt":"14:1 15:1",
"dev master":"16:2",
"dev no":"8:1 14:1 16:2",
"dev python":"16:2",
"dev vite":"16:4",
"devcontainer":"1:3 17:1",
"devcontainercli":"1:2 10:1",
"devcontainers":"10:1 17:1",
"devel":"13:1 19:1",
"development":"5:1 6:1 13:4 15:2 16:7",
"development build":"6:1 16:1",
"development could":"13:3",
"development test":"16:2",
"development yarn":"15:1 16:3",
"device":"5:1 7:44 19:2 22:1",
"device home":"7:3",
"devkit":"16:1 18:1",
"devops":"0:1 8:1",
"df":"0:1 2:1 5:1 6:1 7:2 13:1 14:2 16:2 17:2 19:1 20:3",
"df fd":"16:1 20:1",
"dfc":"6:1 14:1 20:1",
"dfc dd":"14:1 20:1",
"dfd":"2:1 14:1",
"dfsg":"16:2 18:1",
"dfsg ubuntu":"16:2",
"diag":"7:3",
"diag worker":"7:3",
"diagnostics":"5:1 7:1",
"dial":"0:12 3:1 11:1 14:33",
"dial grpc":"0:2",
"dial stdio":"0:2",
"dial tcp":"0:5 3:1 11:1 14:33",
"dial unix":"0:4",
"did":"5:2 6:2 13:1 14:3 16:5 19:1 20:1",
"did not":"6:2 14:3 16:4 19:1 20:1",
"did you":"5:2 13:1",
"didn":"5:1 15:1 16:1",
"didn exit":"5:1 15:1",
"diff":"7:1 9:1",
"different":"0:1 2:10 10:11 16:4",
"different driver":"0:1 2:10 10:11",
"different python":"16:4",
"digest":"3:1 17:1 20:2",
"digest sha":"17:1 20:2",
"dind":"0:1 19:1",
"dir":"0:1 5:3 7:3 14:5 15:3 16:14",
"dir requirements":"7:1 14:1 15:1 16:4",
"dir usr":"16:5",
"directive":"5:4",
"directive toolchain":"5:3",
"directory":"0:3 2:1 3:1 5:10 6:44 8:44 9:1 13:1 14:2 15:2 16:7 17:1 18:8 21:1 22:6",
"directory app":"15:1 16:1",
"directory home":"15:1 21:1",
"directory os":"5:3",
"directory root":"5:1 13:1",
"dirmngr":"5:1 16:1",
"disable":"15:2 16:2",
"disable package":"16:2",
"disabled":"22:3",
"disk":"7:2 16:2",
"disk space":"16:2",
"display":"2:1 5:4 14:1 16:1 19:1",
"display backtrace":"2:1 5:3",
"display maven":"5:1 16:1",
"dist":"1:1 5:1 6:8 15:1 16:6",
"dist lib":"16:3",
"dist no":"6:3",
"dist not":"6:2",
"dist packages":"16:2",
"distinct":"14:1 16:2",
"distinct packages":"14:1 16:2",
"distribution":"11:1 14:2 15:1 16:25 18:1",
"distribution found":"14:2 16:20",
"distribution provider":"16:3",
"distribution that":"16:2",
"distro":"16:1 17:1 18:1",
"dists":"14:10 16:7",
"dists bullseye":"14:2",
"dists buster":"14:3 16:1",
"dists jammy":"14:1 16:1",
"dists jessie":"14:1 16:1",
"dists stretch":"14:1 16:3",
"django":"6:1 16:1 21:1",
"dkr":"6:1 19:1 20:4",
"dkr ecr":"6:1 19:1 20:4",
"dl":"14:13 16:4",
"dl cdn":"14:13 16:4",
"dlc":"0:2",
"dlc builder":"0:2",
"dload":"16:1 17:1",
"dload upload":"16:1 17:1",
"dnf":"5:1 16:1",
"dns":"11:1 19:1",
"do":"3:1 5:2 11:1 14:18 15:2 16:5 20:3",
"do it":"15:2",
"do not":"5:2 16:4",
"do request":"3:1 11:1 14:18 20:3",
"doc":"5:2 6:1 7:1 16:4 20:1 22:1",
"doc python":"16:3",
"docker addon":"13:1 14:1 16:1 17:1",
"docker api":"7:1 19:1",
"docker aufs":"0:1 7:1",
"docker auth":"0:1 19:2",
"docker build":"0:8 4:1 5:3 6:5 7:3 8:6 12:13 13:2 14:6 16:4 18:2 19:4 20:1 21:3",
"docker builder":"6:30 16:1",
"docker buildx":"0:10 1:2 2:6 10:5 16:2 19:1",
"docker cache":"0:1 19:1",
"docker com":"0:1 2:3 8:1 10:7 14:1 16:1 21:28",
"docker command":"0:3",
"docker compose":"0:4 1:1 5:1 7:2 8:3 9:1 12:1 13:8 15:1 16:1 17:1 19:4 21:1 23:1",
"docker container":"0:4 13:1",
"docker context":"0:3 19:1 21:1",
"docker credential":"19:3",
"docker daemon":"0:13 7:1 9:2 12:1 21:2",
"docker debug":"5:2 16:1 17:1 20:1",
"docker desktop":"5:2 6:1 8:2 19:2",
"docker distribution":"11:1 15:1",
"docker docker":"7:1 8:1 13:1",
"docker dockerfile":"6:1 8:1 14:1 19:2",
"docker driver":"0:3 2:11 10:14",
"docker entrypoint":"6:1 17:2",
"docker error":"5:4 6:1 8:1 9:1 12:1 14:3 16:1 17:1 19:2 20:1 21:3",
"docker exe":"7:1 13:2",
"docker executor":"0:2 19:1",
"docker exporter":"10:13",
"docker failed":"0:2 5:1 6:1 7:1 8:1 16:1 19:2",
"docker go":"0:2 14:1",
"docker help":"0:2",
"docker image":"0:2 2:1 6:1 7:1 8:2 10:1 12:1 14:3 15:1 19:1",
"docker images":"8:2 13:1 14:1",
"docker info":"0:1 19:1 21:1",
"docker invalid":"12:2",
"docker io":"0:1 4:1 11:4 13:23 14:32 17:17 19:19 20:2 21:9",
"docker login":"0:1 11:3 13:17 19:2 22:1",
"docker no":"8:2 17:1",
"docker not":"0:1 6:1 8:1 13:1",
"docker on":"0:2",
"docker overlay":"6:2 7:3",
"docker php":"5:1 6:1 16:7",
"docker pkg":"12:3 13:1",
"docker pull":"0:1 7:3 11:1 13:7 17:4 19:5 21:2",
"docker push":"6:1 7:1 14:1 19:11 20:9",
"docker registry":"14:1 19:2",
"docker run":"0:1 7:1 12:2 14:2 16:1 17:4 19:2 21:1",
"docker setup":"19:1 21:1",
"docker sh":"6:1 16:1",
"docker sock":"0:8 19:1",
"docker tag":"19:2",
"docker tmp":"6:36 7:5 8:20",
"docker toolbox":"7:1 13:1",
"docker user":"16:1 19:1",
"docker utils":"7:2",
"dockerd":"13:1 19:1",
"dockerfile aarch":"17:2",
"dockerfile dev":"5:1 8:1 16:1",
"dockerfile dockerfile":"0:2 8:4",
"dockerfile failed":"0:2 14:1 23:1",
"dockerfile no":"8:35",
"dockerfile open":"8:32",
"dockerfile parse":"9:28",
"dockerfile path":"8:11",
"dockerfile with":"1:2 10:1",
"dockerfiles":"0:1 8:1",
"dockerfiles dockerfile":"0:1 8:1",
"dockerhub":"8:1 19:1 22:1",
"dockerhub user":"19:1 22:1",
"dockerignore":"6:9",
"dockerignore stat":"6:9",
"docs":"0:1 2:3 5:1 6:1 8:1 10:7 14:3 16:8 21:1",
"docs cli":"14:2 16:8",
"docs docker":"0:1 2:3 8:1 10:7 21:1",
"doctype":"9:3 20:1",
"document":"16:2",
"documentation":"5:1 14:2 16:11",
"documentation about":"14:2 16:8",
"documentation at":"16:2",
"does":"0:1 2:1 5:9 6:12 7:1 10:10 11:3 13:30 14:1 16:22 17:1 18:1 20:2 22:1",
"does not":"2:1 5:9 6:12 7:1 10:10 11:3 13:30 14:1 16:22 17:1 18:1 20:2 22:1",
"doesn":"16:4",
"doesn define":"16:2",
"doesn match":"16:2",
"dom":"14:1 16:2",
"domain":"2:1 5:1",
"don":"16:2",
"done":"0:1 2:10 4:1 12:1 14:3 15:2 16:3 19:8 20:5 21:1 23:2",
"dos":"14:1 15:1 16:1",
"dos unix":"14:1 16:1",
"dotnet":"5:5 13:1 14:3 16:1 17:1 18:1 20:1",
"dotnet publish":"5:1 16:1 18:1",
"dotnet restore":"5:1 14:3",
"dotnet sdk":"5:3 13:1",
"doubanio":"16:2",
"doubanio com":"16:2",
"down":"2:3 19:1",
"down effective":"2:3",
"download":"5:12 6:1 7:2 13:2 14:18 15:1 16:15 21:1 22:3",
"download complete":"7:2 13:1",
"download from":"14:1 16:1",
"download https":"16:3",
"download kafka":"6:1 14:1",
"download metadata":"16:2",
"download pytorch":"14:1 15:1 16:1",
"download they":"14:5 16:4",
"downloaded":"8:1 13:1 16:1 17:1 18:1",
"downloaded newer":"8:1 13:1 17:1 18:1",
"downloading":"5:1 7:1 13:1 14:2 15:2 16:9 18:1",
"downloading https":"14:1 15:1 16:4",
"downloading torch":"14:1 15:1",
"dpkg":"14:1 16:1 18:7",
"dpkg deb":"18:2",
"dpkg error":"18:5",
"dpkg returned":"18:4",
"dpkg split":"18:2",
"driver":"0:9 2:11 7:1 10:14 13:2 15:1 16:1 19:2",
"driver docker":"0:6",
"driver eg":"0:1 2:6 10:4",
"driver or":"2:4 10:7",
"driver please":"0:1 2:6 10:4",
"dso":"5:2",
"due":"1:2 2:1 5:3 7:3 14:1 16:2",
"due to":"1:2 2:1 5:3 7:3 14:1 16:2",
"dump":"16:1 19:1",
"dumped":"18:12",
"during":"0:5 7:2 13:1 14:1 19:2",
"during connect":"0:5",
"during handling":"7:2 13:1 14:1",
"dvws":"15:1 17:1",
"dvws mongo":"15:1 17:1",
"dvws mysql":"15:1 17:1",
"dz":"6:1 16:1",
"ea":"0:1 1:1 2:2 6:1 7:1 14:3 15:1 17:1 18:1 19:1 20:2 21:1 22:1",
"ea done":"2:1 20:1",
"ea eb":"6:1 7:1",
"ea fe":"1:1 18:1",
"ea ff":"0:1 14:1",
"eab":"2:2",
"eac":"2:1 17:1 20:1",
"eaf":"0:1 2:1 20:1",
"eai":"14:7",
"eai again":"14:7",
"easiest":"16:3",
"easiest to":"16:3",
"east":"13:1 20:1",
"eb":"2:2 6:1 7:1 14:1 16:3 18:1 19:1 20:1 21:1 23:1",
"eb fe":"16:1 21:1",
"ebadengine":"16:4",
"ec":"0:1 2:2 3:1 4:1 5:1 6:1 7:1 11:1 14:2 16:1 17:1 19:1 20:4 21:1",
"ecc":"2:2 5:1 7:1 16:1 19:1 21:1 22:1",
"ecc cf":"2:2",
"echo":"0:1 6:1 9:1 14:1 16:8",
"echo php":"16:2",
"eclipse":"14:1 17:1",
"eclipse temurin":"14:1 17:1",
"ecr":"6:1 8:1 19:6 20:4 21:1",
"ecr aws":"6:1 19:1 21:1",
"ecr eu":"6:1 19:1 20:2",
"ecr get":"19:3",
"ed":"1:1 6:1 7:2 11:1 14:3 18:1 19:2 20:1 21:1",
"ed failed":"11:1 14:1",
"edae":"7:1 20:1",
"edc":"14:1 20:1",
"edge":"2:1 16:1 21:1",
"edition":"5:3 15:1",
"edu":"14:2",
"edu cn":"14:2",
"ee":"2:4 5:1 6:1 11:1 12:1 14:2 15:1 18:1 19:3 20:3",
"ee db":"18:1 20:1",
"ee preparing":"19:2 20:1",
"eec":"19:1 23:1",
"eef":"1:1 14:1",
"ef":"1:1 2:1 6:5 14:1 16:1 17:1 19:2 20:3",
"efc":"6:1 16:2",
"eff":"20:1 22:1",
"effective":"2:3",
"effective april":"2:3",
"eg":"0:1 2:6 10:4",
"eg docker":"0:1 2:6 10:4",
"egg":"16:3",
"egg info":"16:2",
"either":"3:1 5:8 16:2",
"either target":"5:3",
"either upgrade":"5:5",
"elifecycle":"5:1 15:4",
"elixir":"5:1 13:1 18:1",
"else":"14:2 16:2",
"else self":"14:2",
"emit":"14:1 15:1",
"empty":"0:1 12:1 16:1 22:1",
"empty git":"0:1 22:1",
"emulator":"18:9",
"emulator apk":"18:2",
"emulator npm":"18:2",
"en":"14:2 16:10 20:1",
"en docs":"14:2 16:8",
"enable":"0:1 5:2 16:4",
"enable full":"5:1 16:1",
"enabled":"0:4 5:7 16:3 19:1",
"enabled by":"16:2",
"enabled daemon":"0:2",
"enabled go":"5:3",
"enabled goos":"5:3",
"encountered":"14:1 16:1 18:2",
"encountered while":"14:1 18:2",
"end":"7:1 8:1 9:1 16:1",
"endpoint":"0:2 13:1 14:2 19:1",
"endpoint for":"13:1 19:1",
"endpoint https":"14:2",
"engine":"7:1 16:9",
"engine node":"16:3",
"engine not":"16:3",
"engine unsupported":"16:4",
"engines":"16:2",
"engines yarn":"16:2",
"enogit":"16:3",
"ensuring":"7:1 13:1",
"ensuring node":"7:1 13:1",
"entered":"16:1 22:1",
"entering":"13:1 14:1",
"entering directory":"13:1 14:1",
"entity":"2:1 20:10",
"entity too":"20:10",
"entries":"17:18",
"entries no":"17:3",
"entry":"2:1 5:1 16:2",
"entrypoint":"6:2 17:2 18:1",
"entrypoint sh":"6:1 17:2",
"env":"0:1 5:7 6:2 7:1 14:1 15:4 16:6 22:1",
"env build":"0:1 16:1",
"env cgo":"5:2",
"env create":"16:2",
"env production":"15:2",
"environment":"0:2 2:1 5:5 14:1 15:2 16:12 19:1",
"environment and":"0:1 16:1",
"environment for":"16:3",
"environment is":"16:7",
"environment using":"16:3",
"environment variable":"2:1 5:5 16:1",
"environment working":"15:2 16:1",
"environments":"5:1 16:3",
"environments this":"16:2",
"eof":"0:1 1:17 2:1 14:3 20:3",
"eof received":"1:2",
"eresolve":"16:17",
"eresolve could":"16:8",
"eresolve report":"16:2",
"eresolve unable":"16:9",
"erlang":"5:1 17:1",
"err":"1:1 14:13 15:7 16:47 18:1 19:11 22:2",
"err argv":"14:2 16:1",
"err at":"14:1 15:1",
"err code":"14:10 15:4 16:19 18:1",
"err command":"15:2 18:1",
"err complete":"14:6 15:4 16:6 22:1",
"err could":"16:5",
"err dev":"16:5",
"err engine":"16:3",
"err eresolve":"16:10",
"err errno":"14:9 15:4",
"err error":"14:1 15:1 22:1",
"err exec":"19:2",
"err failed":"15:4 16:3",
"err fix":"16:3",
"err found":"16:9",
"err http":"14:2 16:10",
"err https":"14:1 16:1",
"err if":"14:2",
"err later":"16:4",
"err linux":"14:2 16:1",
"err network":"14:5",
"err no":"16:2 19:1",
"err node":"14:2 16:10 18:1",
"err not":"16:3",
"err note":"16:2",
"err notsup":"16:2",
"err npm":"14:2 16:5",
"err out":"19:8",
"err path":"15:2 18:1",
"err peer":"16:4",
"err please":"14:2 16:3 22:1",
"err pnpm":"16:12 22:1",
"err request":"14:4",
"err root":"14:6 15:3 16:5 22:1",
"err signal":"15:2",
"err syscall":"14:3",
"err the":"16:4",
"err this":"15:4 16:4",
"err to":"16:2",
"err usr":"16:1 22:1",
"err while":"16:9",
"err you":"16:2",
"errimagepull":"11:16 13:2 17:1",
"errno":"5:1 7:4 14:14 15:4",
"errno eai":"14:6",
"errno no":"5:1 7:4",
"errno temporary":"14:2",
"erro":"0:2",
"error aborting":"5:2",
"error alpine":"19:1 21:1",
"error an":"7:1 14:1 16:3",
"error apk":"5:1 16:3 18:2",
"error app":"15:1 16:1",
"error apt":"14:1 16:3 17:1 18:3",
"error arm":"17:4",
"error at":"5:3 14:1",
"error authenticating":"19:2 22:1",
"error blob":"2:1 3:2",
"error build":"1:1 5:5 7:1 14:2 16:2 22:1",
"error builder":"5:1 13:2 16:2 17:1",
"error building":"6:1 8:1 9:1 14:2",
"error buildx":"0:1 1:2 2:13 3:6 5:3 6:5 7:2 8:1 10:4 12:6 14:2 16:5 17:1 18:3 19:11 20:4 21:1 22:1",
"error cache":"2:7",
"error call":"15:2",
"error cannot":"0:1 8:4 13:1 16:4 19:2",
"error cargo":"5:3 15:1",
"error code":"0:4 1:17 2:4 5:1 6:1 7:1 8:7 9:3 10:2 11:20 13:4 14:9 15:3 16:15 17:5 18:7 19:13 20:2 21:2 22:1 23:1",
"error command":"1:2 5:1 14:1 15:5 16:6",
"error compiling":"5:2",
"error complete":"14:1 16:3",
"error copy":"6:5",
"error could":"0:1 3:1 5:3 7:3 8:1 13:2 14:1 15:1 16:20",
"error couldn":"5:1 16:3 22:1",
"error cs":"5:3",
"error deadlineexceeded":"14:2 23:2",
"error debian":"17:2",
"error debug":"1:2",
"error denied":"19:9",
"error desc":"0:2 1:2",
"error dev":"16:6",
"error docker":"0:1 6:1 10:10 14:1 16:3 19:1 20:1 21:1",
"error dockerfile":"9:4",
"error during":"0:5 19:1",
"error eresolve":"16:7",
"error err":"16:2",
"error errimagepull":"11:13 13:2 17:1",
"error errno":"5:1 14:2",
"error error":"0:6 1:1 2:18 7:1 14:4 17:1 19:5 21:2",
"error exec":"17:2 18:1",
"error existing":"0:2",
"error externally":"16:8",
"error fatal":"7:1 16:1",
"error fix":"16:2",
"error for":"5:1 12:1 16:2",
"error found":"16:9",
"error frontend":"6:2 14:1 15:1 16:1",
"error get":"14:2 19:2",
"error getting":"19:10",
"error git":"14:1 15:1 22:2",
"error go":"5:5 14:1 16:1",
"error gobuilder":"5:1 16:1",
"error head":"19:3",
"error help":"5:1 16:1",
"error http":"13:1 14:5 21:1",
"error https":"14:5",
"error ignored":"16:5",
"error imagepullbackoff":"11:10 13:1",
"error in":"13:1 15:1",
"error ineffective":"15:2",
"error internal":"13:10 14:5 17:5 19:3",
"error invalid":"3:1 5:1 12:8",
"error job":"0:1 14:1",
"error killed":"15:2",
"error later":"16:3",
"error ld":"5:3",
"error lib":"18:2",
"error line":"9:24",
"error log":"7:1 14:1 16:2",
"error make":"5:2 21:1",
"error manifest":"13:8",
"error message":"6:1 14:1 17:1 18:1",
"error mib":"18:2",
"error msg":"0:1 18:1 19:2 20:1",
"error multi":"10:4",
"error multiple":"0:1 10:3",
"error netsdk":"5:3",
"error no":"0:4 5:1 7:1 14:1 16:17 17:8 23:2",
"error node":"14:1 16:6 19:1",
"error not":"2:1 13:1 16:1 22:1",
"error npm":"14:1 16:9",
"error nu":"14:3",
"error occurred":"7:2 9:2 13:1 14:1 15:1 16:4",
"error on":"3:1 5:1 9:4 14:1",
"error package":"5:3 16:1",
"error parsing":"9:1 12:2 19:1 20:2",
"error peer":"16:4",
"error pip":"14:1 15:1 16:1",
"error pnpm":"16:6",
"error preparation":"0:3",
"error process":"1:2 7:1 9:1 10:2 12:1 14:1 16:1 17:1 18:5 19:2 21:1",
"error processing":"7:11 18:5",
"error pull":"13:7",
"error pulling":"7:1 11:1 14:2 19:1 21:2",
"error pushing":"20:2",
"error python":"5:2 14:1",
"error re":"5:1 16:1",
"error reached":"15:7",
"error reading":"0:1 1:19 16:1",
"error request":"14:2",
"error response":"0:2 2:2 5:1 7:4 9:14 11:12 13:14 14:3 17:4 19:13 21:11",
"error rocm":"13:2",
"error rpc":"0:3 1:1 2:2 8:3 9:1 10:1 18:2 19:2 21:1",
"error run":"5:2 14:4 16:14",
"error running":"14:1 19:1 22:1",
"error rustc":"5:2",
"error server":"5:1 16:1 19:2",
"error ssh":"16:1 22:1",
"error stage":"6:2 16:2 17:1",
"error stat":"22:2",
"error status":"16:1 20:1",
"error statuscode":"2:1 3:1",
"error stream":"14:2",
"error subprocess":"16:2",
"error syncworker":"13:2 14:1 16:1 17:1",
"error target":"0:1 1:1",
"error the":"4:1 7:1 14:1 16:7 17:1 18:1 19:3",
"error this":"2:3 14:1 16:3",
"error to":"5:1 16:3",
"error toomanyrequests":"21:4",
"error try":"5:1 14:7",
"error ts":"5:3",
"error type":"5:2",
"error ubuntu":"14:1 17:1",
"error unable":"14:9 16:8",
"error unavailable":"0:1 1:3",
"error unexpected":"5:1 19:5",
"error unsatisfiable":"14:6 16:2",
"error while":"0:1 6:1 16:7 18:3 22:1",
"error writing":"2:22 7:1 20:1",
"error yarn":"6:1 16:1",
"errordetail":"6:1 19:1 21:1",
"errordetail message":"6:1 19:1 21:1",
"errors":"0:1 5:6 7:3 13:1 14:2 15:1 16:2 18:4 19:2",
"errors and":"5:1 16:1",
"errors docker":"7:1 18:1",
"errors parsing":"5:4",
"errors re":"5:1 16:1",
"errors were":"18:2",
"es":"5:1 6:1 16:2",
"esbuild":"16:2 18:1",
"eslint":"14:1 16:4",
"eslint config":"16:2",
"eslint from":"16:4",
"eslint plugin":"14:1 16:2",
"esockettimedout":"14:2",
"essential":"5:1 14:2 16:7 17:1 18:1",
"essential libpq":"14:2",
"essential ubuntu":"16:2",
"establish":"14:2",
"establish new":"14:2",
"established":"14:3",
"established connection":"14:3",
"eta":"14:1 16:2",
"etc":"2:1 7:1 16:5 19:1 20:1",
"etc localtime":"16:2",
"etimedout":"14:2",
"eu":"6:1 19:1 20:2",
"eu central":"6:1 20:1",
"eu west":"19:1 20:1",
"eusage":"16:7",
"evaluate":"8:11",
"evaluate symlinks":"8:11",
"event":"5:1 16:1",
"events":"1:1 11:3 13:1 14:1",
"ex":"16:1 18:1",
"ex apk":"16:1 18:1",
"exactly":"8:2",
"exactly argument":"8:2",
"example":"0:1 5:1 19:1 20:1",
"example com":"0:1 20:1",
"exceeded":"14:2 21:1 23:3",
"exceeded while":"14:2",
"exception":"5:1 7:3 13:1 14:2 16:2 17:1 19:2",
"exception another":"7:2 13:1 14:1",
"exception occurred":"5:1 7:2 13:1 14:1",
"excluded":"6:9",
"excluded by":"6:9",
"exe":"7:1 13:2 14:1 16:1 18:1",
"exe error":"7:1 13:2",
"exe run":"7:1 13:1",
"exec":"5:6 14:1 15:2 16:2 17:22 18:22 19:2",
"exec app":"17:3",
"exec bin":"17:2 18:10",
"exec busybox":"18:2",
"exec docker":"19:2",
"exec format":"17:22 18:19",
"exec gcc":"5:5",
"exec user":"17:11 18:8",
"exec usr":"17:1 18:1",
"executable":"5:5 14:1 16:1 17:1 19:2",
"executable file":"5:5 14:1 19:2",
"execute":"0:1 5:4 13:1 14:1 16:2 17:1 19:3",
"execute goal":"5:2 16:1 19:1",
"execute script":"13:1 19:1",
"execute shell":"0:1 14:1 16:1",
"executing":"0:1 6:1 18:2 22:1",
"executing busybox":"18:2",
"execution":"6:1 15:1 18:1",
"executor":"0:3 14:2 18:1 19:1",
"executor failed":"14:1 18:1",
"executor with":"0:1 19:1",
"execve":"18:2",
"execve no":"18:2",
"exist":"2:1 5:4 6:12 11:3 13:30 16:1 20:2",
"exist in":"5:1 20:2",
"exist on":"5:2",
"exist or":"11:3 13:29",
"existing":"0:2 16:9",
"existing instance":"0:2",
"existing instances":"0:2",
"existing package":"16:8",
"exists":"0:1 4:1 6:1 7:2 16:4 19:1 20:7 22:4",
"exit":"5:1 6:1 14:1 15:1 16:3 19:1 20:1",
"exit successfully":"5:1 6:1 15:1 19:1 20:1",
"exited":"0:4 2:1 5:7 6:2 13:2 16:6 18:3 19:2 22:1",
"exited with":"0:4 2:1 5:7 6:1 13:2 16:6 18:3 19:2 22:1",
"exiting":"7:1 22:1",
"expand":"5:2 16:1 17:1",
"expected":"5:2 14:2 16:6 17:1",
"expected file":"14:2",
"expected version":"16:4",
"expired":"19:4",
"expired please":"19:3",
"expires":"14:2 16:1",
"explorer":"3:1 5:1 19:1",
"export":"0:1 2:19 3:1 7:1 14:1 16:3",
"export done":"2:8",
"export feature":"2:6",
"export is":"2:5",
"exporter":"2:2 6:1 10:13 12:2 19:1",
"exporter does":"10:10",
"exporter is":"10:2",
"exporter latest":"12:2",
"exporting":"2:14 3:2 10:10 19:8 20:6 23:3",
"exporting cache":"2:6",
"exporting config":"20:3 23:1",
"exporting layers":"20:3 23:2",
"exporting manifest":"10:10 20:3 23:1",
"exporting to":"2:8 3:1 10:2 19:8 20:6 23:2",
"ext":"5:1 15:1 16:8",
"ext configure":"5:1 16:2",
"ext install":"5:1 16:6",
"extension":"5:1 16:2",
"extensions":"1:1 14:1 15:1",
"externally":"16:9",
"externally managed":"16:9",
"extldflags":"5:2",
"extldflags static":"5:2",
"extra":"15:2",
"extracting":"7:2",
"extracting mb":"7:2",
"extras":"16:2",
"fa":"2:4 3:1 6:1 7:1 12:2 15:1 16:2 17:3 20:2 21:1",
"faa":"0:1 7:1",
"face":"14:2",
"face de":"14:2",
"fad":"16:2",
"fail":"0:1 5:1 7:1 15:1",
"failed after":"0:1 14:2",
"failed at":"15:4",
"failed because":"14:4",
"failed cannot":"0:3",
"failed command":"5:1 14:1",
"failed commit":"2:10 19:1 20:3",
"failed docker":"0:1 1:2 19:1",
"failed failed":"0:1 6:1 11:1",
"failed file":"6:10",
"failed for":"11:1 14:2",
"failed forbidden":"6:2",
"failed javascript":"15:12",
"failed kubelet":"11:3",
"failed no":"6:5 16:2 19:1",
"failed open":"11:1 13:1 14:1 19:1 21:8",
"failed over":"11:12 13:2 17:1",
"failed reason":"14:9",
"failed running":"13:1 14:1 18:2",
"failed stat":"6:35",
"failed step":"5:1 16:1",
"failed using":"16:3",
"failed with":"0:3 1:2 2:13 3:7 5:5 6:11 7:4 8:4 10:7 12:6 13:2 14:10 15:5 16:12 17:4 18:4 19:19 20:4 21:4 22:1",
"fails":"13:1 19:1",
"fails with":"13:1 19:1",
"failure":"0:2 5:2 6:1 7:1 14:17 15:3 16:1 17:1 19:2 20:1",
"failure in":"14:5",
"failure resolving":"14:10",
"failure scavenge":"15:2",
"false":"0:2 5:2 14:1 16:9",
"false in":"16:2",
"false poetry":"16:4",
"fata":"0:1 8:1 12:1 20:2",
"fatal":"0:1 5:6 7:1 14:5 15:15 16:1 18:1 19:2 22:8",
"fatal could":"16:1 22:8",
"fatal error":"5:5 15:15 18:1 22:1",
"fatal msg":"0:1 19:2",
"fatal unable":"14:4",
"fatalprocessoutofmemory":"15:3",
"fatalprocessoutofmemory internal":"15:3",
"fault":"18:10",
"fault core":"18:9",
"fb":"1:1 2:4 6:1 7:1 11:2 15:1 19:2 20:3 21:1 22:2",
"fb fe":"15:1 22:1",
"fb unexpected":"2:1 20:1",
"fbc":"14:1 19:1 21:1",
"fbe":"14:1 17:1",
"fbf":"0:1 14:1 16:1",
"fc":"2:3 6:1 7:1 14:1 16:4 17:1 20:3 21:1 23:1",
"fc ae":"6:1 16:1",
"fcb":"7:1 22:1",
"fcc":"6:1 14:1 20:1",
"fce":"7:1 16:1",
"fcf":"14:1 17:1 20:1",
"fd":"2:3 7:3 12:1 14:1 15:1 16:1 17:1 19:2 20:5 21:1",
"fd retrying":"20:2",
"fdc":"3:1 21:1",
"fdf":"7:1 16:1",
"fe":"1:1 5:1 6:3 7:2 14:1 15:2 16:1 17:2 18:2 19:2 20:1 21:2 22:1 23:1",
"fe ac":"6:1 23:1",
"fe dd":"19:1 21:1",
"feature":"0:1 2:6 5:3 10:4",
"feature is":"0:1 2:6 5:1 10:4",
"features":"1:2 5:2 10:1 14:1 15:1 16:1",
"features dockerfile":"1:2 10:1",
"features vsc":"1:2",
"fedora":"5:1 12:1",
"fef":"2:2 11:1",
"fetch":"5:1 6:1 11:2 13:1 14:35 15:1 16:12 18:1 19:15 22:4",
"fetch an":"6:1 14:1",
"fetch anonymous":"11:2 14:4 19:5",
"fetch http":"14:17 16:6",
"fetch https":"14:7 15:1 16:5 18:1 22:1",
"fetch new":"19:3",
"fetch oauth":"14:3 19:7",
"fetch remote":"22:2",
"fetch some":"14:1 16:3",
"fetched":"16:3 18:1",
"fetched kb":"16:2 18:1",
"fetching":"0:1 14:3 15:1 16:4 21:1",
"fetching packages":"14:2 16:3",
"few":"15:3",
"few gcs":"15:3",
"ff":"0:1 1:1 2:1 6:1 7:2 11:1 14:2 19:1 20:3 21:1 23:1",
"ff ac":"14:1 23:1",
"ff ad":"19:1 21:1",
"ff fbf":"0:1 14:1",
"ff fc":"2:1 20:1",
"ff fe":"7:2",
"ffc":"8:1 13:1",
"ffd":"2:1 17:1",
"ffmpeg":"15:1 16:3",
"fi":"9:1 16:1 22:1",
"field":"2:1 16:3 19:1",
"field consult":"16:2",
"field corepack":"16:2",
"file at":"5:2",
"file bin":"7:2",
"file compose":"7:2 13:1 19:1",
"file contents":"16:3",
"file docker":"13:1 19:1",
"file dockerfile":"0:1 8:1",
"file does":"6:11 16:3",
"file exec":"16:1 17:1",
"file exists":"16:2",
"file for":"16:4",
"file including":"16:3",
"file name":"15:2",
"file not":"5:5 6:9 14:1 19:2",
"file or":"0:3 2:1 3:1 5:7 6:44 8:43 15:1 16:3 17:1 18:7 22:6",
"file site":"7:2 19:1",
"file tarfile":"7:2",
"file tempfile":"7:2",
"file then":"16:7",
"file tmp":"16:2",
"file usr":"14:2 16:3 18:1 19:1",
"file version":"5:2",
"file with":"14:2 16:4",
"file write":"7:11",
"filename":"15:1 16:2",
"filename composer":"16:2",
"files":"5:3 6:7 7:1 13:1 14:6 15:2 16:8",
"files docker":"7:1 13:1",
"files failed":"14:5 16:4",
"files pythonhosted":"15:1 16:3",
"files were":"6:5",
"filesize":"14:2",
"filesize weak":"14:2",
"filesystem":"14:1 16:1",
"find":"0:2 5:7 8:1 13:6 14:5 15:2 16:27 17:1 19:1 21:2 22:1",
"find any":"13:2",
"find boost":"5:2",
"find driver":"0:2",
"find image":"13:2 14:2 17:1 19:1 21:2",
"find matching":"16:3",
"find module":"5:3",
"find package":"5:1 14:1",
"find target":"13:2",
"find version":"14:2 16:19",
"finding":"5:1 18:1 22:1",
"finding github":"5:1 18:1 22:1",
"finding golang":"18:1 22:1",
"finding gopkg":"18:1 22:1",
"findpackagehandlestandar":"5:2",
"findpackagehandlestandar dargs":"5:2",
"finished":"0:2 4:1 5:1 6:1 8:1 14:1 15:1 16:3 19:2 20:1",
"finished at":"5:1 19:1",
"finished failure":"0:1 6:1 14:1 19:1 20:1",
"finished with":"16:3",
"first":"5:1 7:1 11:1",
"fix":"8:1 14:1 15:1 16:12 17:1 19:1",
"fix missing":"14:1 16:4",
"fix the":"16:7",
"fl":"11:1 16:1",
"flag":"0:4 9:5 12:11 13:2 16:1",
"flag invalid":"12:10",
"flag mount":"9:2",
"flag value":"13:2",
"flags":"0:1 5:1 15:1 20:1",
"flags lxml":"5:1 15:1",
"flash":"16:2",
"flask":"13:1 14:2 19:2",
"focal":"16:1 18:1",
"focalboard":"5:2",
"focalboard server":"5:2",
"folder":"16:2",
"following":"5:5 14:3 15:1 16:18 19:1",
"following articles":"5:1 16:1",
"following file":"14:2 16:1",
"following information":"16:2",
"following new":"16:2",
"following packages":"5:3 16:7",
"following url":"5:1 14:1 15:1 16:1",
"following versions":"16:3",
"fonts":"14:2 16:1",
"foo":"0:1 1:1 3:1 8:1 9:1 20:1",
"foo bar":"1:1 20:1",
"for another":"16:3",
"for apturl":"16:2",
"for base":"13:2",
"for beginning":"2:2 19:1 20:2",
"for build":"0:1 20:1",
"for com":"14:2",
"for connection":"14:2",
"for current":"0:2 17:1",
"for dependency":"16:2",
"for details":"16:3",
"for dlc":"0:2",
"for docker":"0:2 2:6 10:4 13:22 14:20 17:15 19:9 21:7",
"for documentation":"14:2 16:8",
"for existing":"0:2",
"for export":"2:7",
"for full":"5:1 16:3",
"for ghcr":"13:1 14:1 17:1 19:2",
"for http":"16:3",
"for https":"3:1 14:1 22:4",
"for install":"16:4",
"for libc":"16:1 18:2",
"for linux":"17:17",
"for mcr":"17:3",
"for more":"2:3 4:1 5:4 11:1 16:9 17:1",
"for node":"13:2",
"for os":"16:1 23:1",
"for package":"16:2",
"for packaging":"16:2",
"for platform":"11:2 17:25 20:1",
"for production":"15:3",
"for python":"16:2",
"for quay":"11:1 18:1",
"for registry":"19:1 20:1",
"for repo":"16:2",
"for source":"14:3",
"for tag":"12:11",
"for target":"0:1 5:1 6:1 7:1 8:1 14:1 16:1 21:1",
"for the":"2:7 3:1 10:10 16:6",
"for this":"16:3",
"for tmaier":"0:1 19:1",
"for unfinished":"5:2",
"for you":"16:4",
"forbidden":"6:2 11:3 19:15",
"forbidden path":"6:2",
"force":"5:2 13:1 15:1 16:8",
"force or":"16:5",
"foreign":"20:2",
"foreign layer":"20:2",
"format":"2:1 3:3 5:3 8:1 9:2 10:2 12:29 15:1 16:1 17:22 18:19 23:1",
"format error":"17:22 18:19",
"format repository":"3:1 9:1 12:18",
"found at":"5:1 8:1",
"found eslint":"16:4",
"found exec":"5:4",
"found for":"14:2 16:21",
"found get":"16:2",
"found in":"2:1 5:5 6:9 11:1 14:8 15:4 16:12 19:2 22:1",
"found incompatible":"16:4",
"found ip":"16:9",
"found manifest":"11:4 13:17",
"found not":"6:18 11:1 13:1 22:1",
"found use":"5:2 16:1 17:1",
"found vite":"16:4",
"fp":"14:2 18:1",
"fp closed":"14:2",
"fp read":"14:2",
"fpm":"8:1 14:2 16:1",
"fpython":"14:2",
"fpython apull":"14:2",
"framework":"2:1 16:1 17:2",
"freefont":"16:2",
"freetype":"16:3",
"freetype dir":"16:2",
"fresh":"0:1 16:2",
"fresh packages":"16:2",
"from another":"14:1 16:7",
"from builder":"6:2",
"from command":"5:1 13:1 16:1",
"from daemon":"0:2 7:4 9:14 11:12 13:14 14:3 17:4 19:13 21:11",
"from environment":"0:2",
"from flag":"13:2",
"from get":"11:2 19:5 21:1",
"from gha":"2:3",
"from ghcr":"6:1 12:1",
"from head":"11:1 19:2 21:1",
"from host":"19:1 21:1",
"from https":"0:1 5:1 14:2 16:1",
"from it":"16:2",
"from keywords":"5:2",
"from library":"7:1 17:2",
"from lock":"16:4",
"from message":"11:3 13:1",
"from non":"19:2",
"from paths":"16:3",
"from pip":"16:2",
"from post":"19:2 20:1",
"from put":"2:3 20:1",
"from remote":"16:1 22:5",
"from server":"1:19",
"from setuptools":"16:2",
"from should":"12:6",
"from source":"6:1 14:1 15:1",
"from the":"16:17 22:1",
"from to":"14:2",
"from type":"0:1 10:1 16:1",
"from versions":"14:2 16:16",
"from vitejs":"16:2",
"fromascasing":"5:2",
"fromascasing as":"5:2",
"frontend":"0:3 5:3 6:7 8:1 9:1 12:3 13:1 14:5 15:6 16:3 18:1 19:2 22:1 23:1",
"frontend build":"5:2 6:1 15:1",
"frontend builder":"5:1 6:1 14:1 15:1",
"frontend capability":"0:3",
"frontend contexts":"0:3",
"frontend dist":"6:2",
"frontend failed":"6:2 13:1 14:1 15:2",
"frontend gateway":"9:1 19:2",
"frontend npm":"5:1 14:1",
"frontend pnpm":"16:2",
"frontend run":"14:1 15:1",
"frozen":"15:1 16:20",
"frozen installation":"16:6",
"frozen lockfile":"16:18",
"fs":"5:1 14:1 15:1 22:1",
"full":"5:2 7:1 12:1 16:7 17:1 19:1",
"full debug":"5:1 16:1",
"full installed":"16:3",
"full report":"16:2",
"full stack":"5:1 16:1 19:1",
"func":"7:2",
"func wrapper":"7:2",
"function":"5:4 7:1",
"future":"5:1 16:2",
"fy":"14:1 23:1",
"ga":"5:1 14:1",
"gateway":"4:1 9:1 13:1 19:2 20:3",
"gateway rpc":"9:1 19:2",
"gb":"19:1 20:1",
"gcc":"5:7 7:3 14:2 15:1 16:10 18:2 19:1",
"gcc executable":"5:5",
"gcc failed":"16:3",
"gcc libc":"14:1 16:1",
"gcc musl":"7:1 18:1",
"gcc no":"5:1 14:1",
"gcc not":"5:4",
"gcc python":"14:1 16:2",
"gcr":"0:2 3:1 5:1 11:2 13:1 16:1",
"gcr io":"0:2 3:1 5:1 11:2 13:1 16:1",
"gcs":"14:1 15:3",
"gd":"5:1 16:5",
"gd with":"5:1 16:2",
"gem":"15:2 16:5",
"gem install":"15:2 16:2",
"gemfile":"16:6",
"gemfile specified":"16:4",
"generate":"5:1 15:1 16:8",
"generate package":"16:7",
"generated":"14:1 16:3",
"generated the":"16:2",
"generating":"3:1 16:2",
"generator":"13:2",
"generator base":"13:2",
"generic":"11:1 14:1 16:2",
"get":"0:5 2:1 3:1 5:4 7:1 9:2 11:7 14:34 15:3 16:59 17:4 18:8 19:14 21:1 22:1",
"get all":"11:1 19:1",
"get clean":"16:3 18:1",
"get github":"15:1 16:1",
"get go":"5:1 16:1",
"get http":"0:4 16:4 18:1",
"get https":"2:1 14:23 15:1 16:2 19:5 22:1",
"get install":"5:1 14:6 15:1 16:42 17:3 18:5",
"get login":"19:3",
"get pip":"16:2",
"get pods":"11:3",
"get qq":"16:2",
"get request":"11:2 19:5 21:1",
"get update":"5:1 14:6 16:27 17:3 18:5",
"get volta":"14:1 17:1",
"getaddrinfo":"14:8",
"getaddrinfo eai":"14:7",
"getcomposer":"16:5",
"getcomposer org":"16:5",
"getconf":"16:3",
"getconf nprocessors":"16:3",
"getimageblob":"7:3",
"getimageblob no":"7:3",
"getting":"12:1 16:1 17:1 19:10",
"getting credentials":"19:10",
"getting started":"12:1 17:1",
"gh":"2:3 5:1",
"gh io":"2:3",
"gha":"2:4 10:1",
"gha cache":"2:3",
"ghcr":"0:1 6:1 7:1 10:1 11:7 12:10 13:5 14:2 17:2 19:20 20:1",
"ghcr io":"0:1 6:1 7:1 10:1 11:7 12:10 13:5 14:2 17:2 19:20 20:1",
"gin":"14:2",
"gin gonic":"14:2",
"gin mod":"14:2",
"git":"0:2 5:2 6:1 7:2 8:2 9:2 12:2 14:10 15:1 16:27 17:2 18:5 19:1 22:8",
"git binary":"16:2",
"git clone":"5:1 14:2 15:1 16:1 22:3",
"git commit":"0:1 8:1",
"git core":"16:2",
"git could":"14:2",
"git error":"16:1 22:1",
"git git":"5:1 22:1",
"git github":"14:1 16:1 22:3",
"git https":"16:1 22:1",
"git installed":"16:3",
"git ls":"22:2",
"git make":"7:1 18:2",
"git no":"14:2 16:1",
"git python":"16:3",
"git repository":"0:1 14:1 16:1 22:1",
"git source":"22:2",
"git submodules":"0:1 19:1",
"git url":"8:1 16:1",
"git was":"14:1 16:1",
"github":"0:4 2:10 3:1 5:16 7:4 8:4 12:4 14:21 15:5 16:15 18:2 19:2 20:1 21:2 22:9",
"github actions":"2:10 20:1",
"github com":"0:3 3:1 5:16 7:3 8:4 12:4 14:21 15:5 16:14 18:2 19:2 21:2 22:8",
"githubstatus":"2:2",
"githubstatus com":"2:2",
"githubusercontent":"2:2 16:1",
"githubusercontent com":"2:2 16:1",
"gitlab":"0:4 3:1 19:2 20:1 22:1",
"gitlab com":"0:1 3:1 19:1 20:1",
"gitlab runner":"0:2 19:1",
"glibc":"14:1 15:1 17:1",
"global":"7:1 16:3 17:1 19:1 22:1",
"global require":"16:2",
"glx":"16:2",
"gnu":"5:2 7:5 15:1 18:2",
"gnupg":"16:3 18:1",
"go":"0:6 1:1 2:4 4:1 5:43 6:2 7:2 8:2 10:7 12:1 14:15 15:3 16:3 17:12 18:9 19:1 21:1 22:2",
"go attestations":"10:3",
"go build":"2:3 5:17 7:1 10:4 14:1 15:2",
"go errors":"5:4",
"go exec":"17:11 18:8",
"go finding":"5:1 18:1 22:1",
"go get":"5:1 15:1 16:1",
"go github":"5:1 14:8 22:2",
"go go":"5:20",
"go gotoolchain":"5:21",
"go install":"5:3",
"go mod":"5:26 6:1 14:7 16:2 22:1",
"go module":"5:2",
"go pkg":"5:2 15:2 22:2",
"go running":"5:21",
"go src":"5:3 7:1 8:1 14:1 18:1 21:1",
"go sum":"5:1 6:1 16:1",
"go undefined":"5:6",
"go version":"0:2 5:3",
"goal":"5:2 16:1 19:1",
"goal org":"5:2",
"goarch":"0:1 5:4",
"goarch amd":"0:1 5:2",
"goaway":"1:2",
"goaway code":"1:2",
"gobuilder":"5:1 16:1",
"gobuilder run":"5:1 16:1",
"going":"16:2",
"going to":"16:2",
"golang":"0:1 5:3 7:2 14:10 18:1 21:1 22:2",
"golang org":"5:2 7:1 14:9 18:1 22:2",
"gonic":"14:2",
"gonic gin":"14:2",
"google":"11:1 14:2 16:1 17:1",
"googleapis":"14:2",
"googleapis com":"14:2",
"goos":"5:6",
"goos goarch":"5:2",
"goos linux":"5:4",
"gopath":"14:1 16:1",
"gopkg":"5:1 18:1 22:1",
"gopkg in":"5:1 18:1 22:1",
"goproxy":"14:3 16:1",
"goproxy cn":"14:2",
"goreleaser":"7:1 18:1",
"goreleaser com":"7:1 18:1",
"goroutine":"16:1 18:1",
"got":"0:1 16:3",
"gotoolchain":"5:21",
"gotoolchain local":"5:21",
"gpg":"6:1 14:3 16:1 19:1",
"gpg could":"14:2",
"gpu":"5:1 6:1 13:3 19:1",
"graceful":"1:2 15:1",
"graceful stop":"1:2",
"gradle":"5:1 14:1",
"grafana":"13:1 14:1 19:1",
"graph":"5:1 7:1",
"grep":"0:1 15:1 16:1 19:1",
"group":"0:1 2:1 5:2 16:1 19:1",
"grpc":"0:2 1:2 14:1",
"grpc the":"1:2",
"gs":"6:1 13:1",
"guest":"5:1 19:1",
"gui":"16:2",
"gulp":"9:1 15:1",
"gy":"6:1 7:1",
"gyp":"16:3",
"gz":"7:1 14:12 15:1 16:7",
"gz cd":"14:1 15:1",
"gz mb":"16:2",
"gz tar":"14:1 15:1",
"ha":"0:1 14:1",
"handle":"5:1 7:1 16:1",
"handler":"14:1 15:1",
"handling":"7:2 13:1 14:1 16:1",
"handling of":"7:2 13:1 14:1",
"handshake":"14:5",
"handshake timeout":"14:4",
"harbor":"2:2 20:1",
"harbor silvenia":"2:2",
"has":"0:1 6:1 14:4 15:1 16:15 19:6",
"has been":"14:1 15:1 16:7",
"has exited":"0:1 6:1",
"has expired":"19:4",
"has failed":"14:3",
"has no":"14:1 16:14",
"hash":"14:2 16:1",
"hash sum":"14:2",
"hashes":"14:2 16:1",
"hashes of":"14:2",
"hassio":"13:2 16:1",
"have":"2:1 5:1 14:10 16:30 21:28 22:4",
"have bad":"14:4",
"have been":"2:1 14:5 16:5",
"have git":"16:3",
"have held":"16:3",
"have not":"16:2",
"have pipx":"16:3",
"have python":"16:3",
"have reached":"21:28",
"have release":"16:13",
"have the":"16:1 22:4",
"have their":"16:3",
"have unmet":"16:2",
"head":"3:1 5:1 11:3 14:18 19:11 20:5 21:1",
"head body":"20:2",
"head https":"11:2 14:18 19:9 20:1",
"head request":"11:1 19:2 21:1",
"head title":"20:4",
"headers":"14:3 15:1 16:5 19:1",
"heap":"15:12",
"heap limit":"15:9",
"heap out":"15:12",
"held":"16:3",
"held broken":"16:3",
"hello":"6:1 11:1 17:1 18:1",
"helm":"11:2 19:2 20:1",
"helm tiller":"11:2",
"help":"0:5 5:2 7:2 8:1 12:10 13:1 14:9 16:5 17:1 19:2 20:1 21:1",
"help config":"14:4",
"help http":"5:1 16:1",
"help to":"16:2",
"hence":"16:2",
"hence installable":"16:2",
"here":"5:2 8:1 16:2 19:1",
"hex":"14:1 18:1",
"higher":"4:1 15:1",
"hint":"16:5",
"hint see":"16:5",
"home":"0:4 1:3 3:1 5:2 7:6 8:5 10:1 13:1 14:3 15:2 16:6 17:3 19:2 21:1",
"home opt":"16:2",
"home runner":"0:1 3:1 7:3 10:1 16:1 17:1 19:1",
"hook":"0:1 19:3",
"hooks":"0:1 15:1 19:2",
"hooks pre":"19:2",
"host":"0:5 7:1 13:1 14:15 16:4 17:1 18:2 19:1 21:1 22:5",
"host github":"14:3",
"host has":"14:3",
"host key":"22:4",
"host platform":"17:1 18:1",
"host pypi":"14:1 16:2",
"how":"0:1 5:1 14:1 15:1 16:1",
"how to":"0:1 5:1 14:1 15:1",
"however":"16:4",
"however the":"16:2",
"however version":"16:2",
"hr":"20:3",
"hr center":"20:3",
"html":"5:1 6:1 15:2 16:4 20:5",
"html head":"20:2",
"html packagemanager":"16:2",
"http":"0:8 2:1 3:1 5:1 7:1 11:1 13:2 14:30 15:2 16:26 18:1 19:2 20:13 21:1",
"http archive":"14:2 16:3",
"http client":"14:3 16:1",
"http code":"14:1 20:1 21:1",
"http cwiki":"5:1 16:1",
"http deb":"14:9 16:15",
"http dl":"14:7",
"http docker":"0:4",
"http localhost":"3:1 20:1",
"http proxy":"15:1 19:1",
"http pypi":"16:2",
"http request":"14:2 15:1",
"http response":"19:1 20:2",
"http security":"14:7 16:11",
"http status":"14:2 20:9",
"http tls":"14:4",
"http var":"0:2",
"httpreaderseeker":"19:1 21:1",
"httpreaderseeker failed":"19:1 21:1",
"httpreadseeker":"11:1 13:1 14:1 21:7",
"httpreadseeker failed":"11:1 13:1 14:1 21:7",
"httpredir":"14:2",
"httpredir debian":"14:2",
"https aka":"2:1 5:2 11:1",
"https api":"14:3",
"https artifactcache":"2:2",
"https auth":"14:8 19:4",
"https bootstrap":"16:2",
"https deb":"5:1 16:2",
"https dl":"14:6 16:4",
"https docker":"14:3",
"https docs":"0:1 2:3 8:1 10:7 21:1",
"https download":"14:1 15:1 16:1",
"https files":"15:1 16:3",
"https get":"14:1 16:2 17:1",
"https getcomposer":"16:5",
"https gh":"2:3",
"https ghcr":"11:5 13:1 14:2 19:9",
"https github":"0:2 3:1 5:2 8:3 14:10 15:3 16:11 18:1 19:1 21:1 22:3",
"https go":"4:1 17:1",
"https goproxy":"14:2 16:1",
"https goreleaser":"7:1 18:1",
"https harbor":"2:2",
"https index":"14:1 19:1",
"https mirrors":"14:1 16:2",
"https nextjs":"5:1 14:1 15:1",
"https nodejs":"16:2",
"https proxy":"14:7",
"https pypi":"14:3",
"https registry":"14:29 15:1 16:5 17:1 19:7 20:2 21:8",
"https repo":"14:2 16:1",
"https response":"2:1 3:1",
"https rubygems":"14:1 16:1",
"https www":"2:2 21:27",
"https yarnpkg":"14:2 16:8",
"httpsconnectionpool":"14:2",
"httpsconnectionpool host":"14:2",
"hub":"11:1 20:1 21:1",
"humble":"16:1 17:1",
"icinga":"11:1 16:1",
"iconv":"16:5",
"iconv include":"16:3",
"iconv lib":"16:3",
"id":"0:1 2:3 6:1 7:2 8:1 14:3 16:2 20:2 22:1",
"id internal":"14:2",
"identity":"3:1 13:1",
"if":"5:6 6:2 14:9 15:1 16:25 22:1",
"if amt":"14:2",
"if key":"16:3",
"if not":"5:1 6:1 14:2",
"if the":"6:1 16:2",
"if this":"16:1 22:1",
"if you":"5:5 14:7 15:1 16:16",
"ign":"16:8",
"ign http":"16:7",
"ignore":"16:6",
"ignore engines":"16:2",
"ignored":"14:5 16:11",
"ignored build":"16:2",
"ignored builds":"16:2",
"ignored or":"14:5 16:4",
"ignored the":"16:4",
"ik":"20:2",
"illegal":"18:2",
"illegal instruction":"18:2",
"image":"0:7 1:3 2:7 3:1 5:1 6:2 7:7 8:9 9:1 10:10 11:24 12:7 13:9 14:11 15:1 16:4 17:10 18:2 19:18 20:10 21:7 23:3",
"image build":"0:1 7:1 8:1 16:1",
"image config":"14:1 19:2",
"image configuration":"11:1 14:2 19:1 21:1",
"image dev":"1:2 10:1",
"image docker":"0:1 11:4 13:1 14:2 17:2 19:1",
"image error":"1:1 12:1 14:2 21:1",
"image failed":"2:1 21:1",
"image for":"8:1 13:1 14:1 17:1 18:1",
"image format":"8:1 10:2 23:1",
"image gcr":"11:2",
"image ghcr":"0:1 7:1 11:6 12:1 14:1 19:1",
"image kindest":"7:1 13:1",
"image latest":"8:1 13:1",
"image moby":"0:1 14:2 21:1",
"image or":"6:1 14:1",
"image platform":"17:1 18:1",
"image pull":"11:1 13:1",
"image quay":"11:2 17:2 20:1",
"image sha":"0:1 19:1",
"image store":"2:4 10:7",
"image tag":"6:1 12:1",
"image tmaier":"0:1 19:1",
"imagemagick":"6:1 15:1",
"imagepullbackoff":"11:14 13:1",
"images":"0:2 8:2 10:1 13:1 14:1 17:1 21:1",
"images sh":"13:1 17:1",
"img":"0:1 14:1",
"implemented":"0:1 19:1",
"import":"6:1 14:1 16:5 22:1",
"import main":"16:2",
"importer":"3:4",
"importer invalid":"3:2",
"importer requires":"3:2",
"importerror":"16:2",
"importing":"2:4 3:2 6:1 19:1",
"importing cache":"2:4 3:2 6:1 19:1",
"importlib":"16:2",
"impossible":"16:2",
"impossible situation":"16:2",
"in addfile":"7:2",
"in app":"5:1 14:1",
"in build":"6:9 7:1 13:1 19:2",
"in ci":"16:3",
"in create":"7:2",
"in dockerfile":"8:11 13:1",
"in fp":"14:2",
"in func":"7:2",
"in function":"5:2",
"in get":"18:1 19:1",
"in go":"16:1 22:2",
"in kb":"16:3 18:1",
"in main":"7:2 13:1 16:1 19:1",
"in manifest":"11:3 17:25",
"in mirrorlist":"16:2",
"in module":"7:2 13:1 16:5 19:1",
"in most":"14:4",
"in ms":"16:2",
"in name":"14:5",
"in packages":"14:1 18:2",
"in path":"5:5 14:1 16:2 19:3",
"in perform":"7:1 13:1 19:1",
"in question":"16:2",
"in read":"14:2",
"in readinto":"14:2",
"in root":"14:1 15:1 16:4",
"in sec":"14:3",
"in second":"20:4",
"in seconds":"20:3",
"in sync":"16:3",
"in the":"5:3 11:1 14:2 15:1 16:8 17:18 20:2",
"in this":"5:2 14:1 15:1 17:1",
"in yaml":"18:1 22:1",
"in your":"5:1 16:6",
"include":"5:5 9:1 14:2 16:8 19:1",
"include bundle":"16:3",
"include dir":"5:2",
"include docker":"16:2",
"include python":"16:2",
"include the":"14:2 16:1",
"include usr":"16:3",
"include with":"16:2",
"included":"5:2 14:2",
"included in":"5:1 14:1",
"including":"5:1 14:1 15:1 16:3",
"including how":"5:1 14:1 15:1",
"including require":"16:3",
"incoming":"16:2",
"incompatible":"16:8",
"incompatible module":"16:4",
"incompatible with":"16:8",
"incorrect":"5:1 16:4 19:4",
"incorrect and":"16:4",
"incorrect username":"19:4",
"increase":"21:28",
"increase rate":"21:27",
"increase the":"21:24",
"index":"3:3 4:1 5:4 14:10 15:2 16:5 18:1 19:3 20:1 22:1",
"index crates":"5:4 14:1",
"index docker":"4:1 19:3",
"index files":"14:5 16:4",
"index for":"14:3",
"index json":"3:2 14:3 22:1",
"ineffective":"15:2",
"ineffective mark":"15:2",
"infiniflow":"13:1 17:1",
"infiniflow ragflow":"13:1 17:1",
"info":"0:2 5:3 13:2 14:9 15:4 16:12 17:1 18:1 19:3 20:1 21:1",
"info build":"5:1 14:1 19:1",
"info building":"5:2",
"info docker":"14:1 16:1 20:1",
"info finished":"5:1 19:1",
"info if":"14:1 16:2",
"info msg":"13:1 19:1",
"info syncworker":"13:1 16:1",
"info there":"14:3",
"info total":"5:1 19:1",
"info visit":"14:2 16:8",
"information":"2:3 4:1 5:4 11:1 14:5 15:1 16:26 22:2",
"information about":"5:3 16:1 22:1",
"information https":"2:3",
"information is":"5:1 14:1 15:1",
"information may":"16:2",
"information provided":"14:1 16:2",
"information see":"4:1 16:1",
"infra":"0:1 16:1",
"ingest":"2:1 7:1",
"init":"0:1 6:1 7:1 16:2 17:13 18:9 19:1",
"init linux":"17:11 18:8",
"initialized":"0:1 22:1",
"initialized empty":"0:1 22:1",
"inline":"1:2 10:1",
"inline cache":"1:2 10:1",
"input":"5:2 16:1",
"inrelease":"14:9 16:10",
"inrelease is":"16:3",
"inrelease kb":"16:2",
"inrelease temporary":"14:7",
"inside":"16:2",
"inside virtual":"16:2",
"insightsengineering":"12:1 19:1",
"inspecting":"19:1 21:1",
"inspecting default":"19:1 21:1",
"install before":"16:3",
"install bower":"14:1 16:1",
"install build":"13:1 14:1 15:1 16:2",
"install bundler":"15:1 16:3",
"install ca":"16:1 18:2",
"install cargo":"5:1 16:1",
"install cd":"5:1 14:1",
"install cron":"16:2",
"install curl":"14:1 16:1",
"install deployment":"15:2 16:1",
"install dir":"16:2",
"install error":"5:1 15:1",
"install for":"14:2 16:7",
"install from":"16:9",
"install frozen":"16:13",
"install gcc":"16:2 18:1",
"install getconf":"16:3",
"install git":"16:3",
"install libfreetype":"16:4",
"install mypackage":"16:2",
"install nginx":"16:2",
"install no":"5:1 7:1 14:4 15:1 16:25 17:1 18:1",
"install nodejs":"5:1 16:5",
"install non":"16:3",
"install npm":"14:1 15:3 16:10 18:1",
"install nproc":"16:3",
"install numpy":"16:2",
"install packages":"7:2 16:3",
"install pdo":"5:1 16:2",
"install php":"14:1 16:1",
"install production":"16:2",
"install pure":"16:3",
"install python":"16:8",
"install qq":"15:1 16:1",
"install quiet":"15:3",
"install recommends":"5:1 14:2 16:4 17:1 18:2",
"install requirements":"7:1 14:1 15:2 16:12 18:1",
"install rust":"5:2",
"install sh":"13:1 18:1",
"install sudo":"14:1 17:1 18:1",
"install system":"15:1 16:1",
"install the":"0:1 5:1 16:2",
"install tmp":"15:3",
"install unsafe":"16:2",
"install upgrade":"16:9",
"install wget":"16:3",
"install with":"5:2 16:9",
"install xyz":"16:3",
"install yes":"16:1 18:1",
"installable":"16:6",
"installable set":"16:4",
"installable via":"16:2",
"installation":"14:1 16:26 18:1 19:7",
"installation because":"16:3",
"installation candidate":"14:1 16:14",
"installation not":"19:7",
"installation or":"16:3",
"installation should":"16:3",
"installed":"0:3 5:2 15:1 16:21 18:2 19:1",
"installed and":"0:1 16:3",
"installed on":"0:1 16:3",
"installed pip":"16:2",
"installed this":"16:2",
"installed to":"16:2",
"installer":"6:1 16:4 18:1",
"installer php":"16:2",
"installing":"5:1 14:2 15:2 16:14 18:2",
"installing collected":"16:2",
"installing dependencies":"16:3",
"installing it":"16:2",
"installing libcurl":"18:2",
"installing libpsl":"18:2",
"installing nghttp":"18:2",
"installing the":"16:3",
"installs":"16:2",
"installs from":"16:2",
"instance":"0:5 19:2 21:1",
"instance for":"0:2",
"instance with":"0:2",
"instances":"0:2 22:1",
"instead":"5:1 14:6 15:1 16:6",
"instruction":"9:25 18:2",
"instruction apt":"9:2",
"instruction cat":"9:4",
"instruction core":"18:2",
"instruction doctype":"9:3",
"instruction git":"9:2",
"insufficient":"13:13 19:3",
"insufficient scope":"13:13 19:2",
"int":"0:1 5:1 7:1",
"intel":"6:1 17:1",
"interaction":"16:4",
"interaction no":"16:3",
"interactive":"14:1 19:2",
"interactive login":"19:2",
"interface":"13:1 16:1",
"intermediate":"5:1 14:3 15:1 16:2",
"intermediate container":"14:3 15:1 16:2",
"internal":"1:2 5:2 6:1 11:1 13:19 14:22 15:4 16:4 17:15 18:3 19:8 20:10 21:8 22:2",
"internal booting":"14:2 21:1",
"internal error":"14:2 15:1",
"internal fatalprocessoutofmemory":"15:3",
"internal isolate":"15:3",
"internal load":"1:1 5:1 13:19 14:16 17:15 19:8 21:7 22:2",
"internal mirrorlist":"16:2",
"internal server":"14:2 20:9 21:1",
"into":"2:1 5:3 14:6 15:1 16:1 19:1 20:1 22:3",
"into go":"2:1 14:1",
"invalid":"0:5 2:3 3:4 5:5 6:1 9:2 12:36 13:2 16:4 19:1 20:3 22:1",
"invalid argument":"0:4 12:13",
"invalid character":"2:2 19:1 20:2",
"invalid component":"0:2",
"invalid for":"3:1 16:3",
"invalid from":"13:2",
"invalid go":"5:3",
"invalid reference":"2:1 3:3 9:2 12:29",
"invalid tag":"12:9",
"invalid target":"5:2",
"invidious":"5:1 15:1",
"invidious cr":"5:1 15:1",
"invidious failed":"5:1 15:1",
"io arm":"14:1 17:6",
"io bba":"5:3",
"io cilium":"11:1 17:1",
"io cloud":"5:1 16:1",
"io dial":"14:7",
"io docker":"14:1 19:2",
"io gha":"2:3",
"io index":"15:1 16:1 18:1",
"io infiniflow":"13:1 17:1",
"io insightsengineering":"12:1 19:1",
"io ioexception":"7:5",
"io library":"13:17 14:19 17:6 19:4 21:9",
"io moby":"14:1 19:1",
"io net":"14:4",
"io nvidia":"7:1 14:1",
"io on":"14:5",
"io pip":"16:2",
"io read":"1:1 14:1",
"io theholm":"12:2",
"io timeout":"14:2",
"io token":"11:2 14:8 19:4",
"io unauthorized":"19:4",
"ioexception":"7:5",
"ioexception no":"7:4",
"ip":"14:2 16:9",
"is about":"16:3",
"is an":"0:2 14:1 16:1",
"is available":"16:3",
"is bug":"14:1 16:2",
"is but":"16:4",
"is closing":"1:2",
"is compatible":"16:2",
"is currently":"0:2 2:6 10:4",
"is denied":"11:2 13:10 19:12",
"is deprecated":"5:1 14:1 15:2",
"is enabled":"0:1 16:2",
"is externally":"16:7",
"is incompatible":"16:7",
"is likely":"15:4",
"is locked":"16:3",
"is missing":"0:1 14:1 16:7",
"is mistake":"16:3",
"is needed":"12:2 16:1",
"is not":"0:1 2:5 5:8 9:1 10:10 12:2 14:3 16:21 18:1 19:2",
"is now":"5:1 15:1",
"is only":"14:1 16:7",
"is outdated":"15:2",
"is probably":"15:4 16:1",
"is problem":"14:4",
"is referred":"14:1 16:7",
"is required":"5:2",
"is set":"14:4",
"is shutting":"2:3",
"is temporarily":"2:2",
"is the":"0:9 5:5 16:3",
"is unreachable":"14:2",
"is used":"5:1 14:1 15:1",
"isolate":"15:3",
"isolate char":"15:3",
"issue":"5:1 15:1 16:3",
"issues":"5:1 14:2 16:1",
"it":"0:1 5:4 8:1 11:1 13:1 14:1 15:3 16:16 17:1",
"it inside":"16:2",
"it is":"0:1 16:5",
"it may":"16:3",
"it or":"16:4",
"it regularly":"15:2",
"it requires":"5:2 16:1",
"its":"5:2",
"its corresponding":"5:2",
"itself":"14:1 16:1",
"jammy":"14:2 16:2 17:1 21:1",
"jammy backports":"14:1 16:1",
"jammy failed":"14:1 21:1",
"jammy security":"14:1 16:1",
"jammy updates":"14:1 16:1",
"jan":"14:2 15:1",
"jar":"6:3 7:1 16:1",
"jar no":"6:2 7:1",
"java":"5:2 7:2 13:3 16:2 17:2",
"java cannot":"5:1 17:1",
"javascript":"15:12",
"javascript heap":"15:12",
"jdk":"17:2 19:1",
"jenkins":"0:1 6:1 15:1 16:2 21:1",
"jessie":"14:1 16:1",
"jessie inrelease":"14:1 16:1",
"jessie release":"14:1 16:1",
"jessie updates":"14:1 16:1",
"jinja":"16:2",
"job":"0:3 4:1 8:2 11:1 14:1 21:1 23:1",
"job failed":"0:1 14:1",
"job step":"0:1 8:1",
"jobs":"5:2 14:1 15:1 16:1",
"jobs step":"14:1 16:1",
"jpeg":"5:1 16:4",
"jpeg dir":"16:2",
"jq":"14:3 16:1",
"jre":"13:1 14:1 17:1",
"js":"1:1 5:5 9:1 10:1 14:3 15:9 16:3 18:1 21:1 22:1",
"js now":"5:1 14:1 15:1",
"js roadmap":"5:1 14:1 15:1",
"js stacktrace":"15:5",
"json":"0:1 2:1 3:2 5:4 6:8 10:1 11:1 12:1 14:4 15:2 16:21 17:1 19:1 22:1",
"json and":"16:3",
"json are":"16:3",
"json file":"16:7",
"json no":"3:1 6:1",
"json not":"6:5 11:1",
"json or":"5:1 16:11",
"json requires":"16:2",
"json stringify":"16:3",
"json with":"16:7",
"json working":"15:1 16:1",
"kafka":"6:2 14:1",
"kafka failed":"6:1 14:1",
"kafka sh":"6:1 14:1",
"kb":"0:1 9:2 12:1 13:1 16:10 18:1 20:1",
"kb in":"16:2 18:1",
"key":"0:1 2:1 3:8 5:1 6:55 7:1 9:1 14:1 15:1 16:4 17:1 19:3 21:1 22:5",
"key blob":"3:4",
"key build":"6:2",
"key failed":"3:4 6:36 19:1 21:1",
"key null":"16:3",
"key requirements":"6:3",
"key value":"5:1 16:1",
"key verification":"22:4",
"keycloak":"5:1 6:1 7:1",
"keyid":"16:3",
"keyid json":"16:3",
"keys":"16:6 17:1",
"keys resolved":"16:3",
"keywords":"5:2",
"keywords casing":"5:2",
"killed":"0:1 11:1 15:26",
"killed signal":"15:2",
"kind":"7:1 13:1",
"kindest":"7:1 13:1",
"kindest node":"7:1 13:1",
"kit":"5:1 12:1",
"kube":"11:1 17:3",
"kube system":"11:1 17:1",
"kubectl":"11:5 17:1",
"kubectl get":"11:4",
"kubectl rpc":"11:1 17:1",
"kubelet":"11:14 13:2 17:1",
"kubelet back":"11:7 13:1",
"kubelet error":"11:7 13:2",
"kubelet failed":"11:8 13:2",
"kubelet pulling":"11:6 13:1",
"kubernetes":"6:1 11:4",
"label":"0:1 1:2 10:1",
"label home":"1:1 10:1",
"lang":"5:2 17:1 18:1",
"large":"4:1 18:1 20:10",
"large center":"20:3",
"large title":"20:3",
"last":"5:1 7:2 11:2 13:1 14:4 15:5 16:6 19:2",
"last allocation":"15:2",
"last few":"15:3",
"last modification":"14:2",
"later":"0:2 14:7 16:7",
"later to":"16:7",
"latest":"0:5 2:1 3:1 4:1 5:6 7:1 8:1 10:1 11:3 12:6 13:20 14:6 15:2 16:4 17:9 18:1 19:19 20:4",
"latest failed":"13:2 14:1 17:3 19:1",
"latest for":"12:3",
"latest locally":"13:1 14:1 17:1",
"latest no":"17:3 19:1",
"latest not":"13:7",
"latest npm":"16:2",
"latest pull":"13:2",
"latest pulling":"7:1 13:2 14:1 17:5",
"latest unauthorized":"19:5",
"latest version":"5:5 16:1",
"layer":"2:13 5:1 7:13 14:2 20:10",
"layer already":"20:6",
"layer blob":"2:13 7:1",
"layer error":"7:7",
"layer sha":"2:6 20:1",
"layer write":"7:2",
"layers":"19:7 20:4 23:2",
"layers done":"19:7 20:4 23:2",
"layout":"5:1 14:1",
"layout tsx":"5:1 14:1",
"ld":"5:3 17:2 18:2",
"ld linux":"17:2 18:1",
"ld returned":"5:3",
"ldflags":"5:7 15:1",
"ldflags extldflags":"5:2",
"ldflags github":"5:2",
"ldflags main":"5:1 15:1",
"learn":"0:1 2:3 5:2 7:1 8:1 10:7 14:1 15:1 18:1",
"learn more":"2:3 5:2 7:1 10:7 14:1 15:1 18:1",
"leaving":"13:1 14:1 15:1 21:1",
"leaving directory":"13:1 14:1 15:1 21:1",
"left":"7:44 16:1 17:1",
"left on":"7:44",
"left speed":"16:1 17:1",
"legacy":"2:3 16:6",
"legacy peer":"16:5",
"legacy service":"2:3",
"lemmy":"8:1 16:1",
"len":"7:1 14:1 20:2",
"less":"16:1 17:1",
"level":"0:4 13:1 14:1 15:1 18:1 19:4 20:2",
"level error":"0:1 18:1 19:2 20:1",
"level fatal":"0:1 19:2",
"level info":"13:1 19:1",
"level warning":"0:2 14:1",
"lib":"0:2 2:1 5:8 6:40 7:18 8:20 14:7 15:3 16:16 17:5 18:8 19:3 21:1 22:1",
"lib apk":"18:2",
"lib apt":"5:1 14:3 16:6 17:2 18:2",
"lib buildkit":"0:2 2:1 22:1",
"lib corepack":"16:3",
"lib docker":"6:38 7:10 8:20 19:1",
"lib ld":"17:2 18:1",
"lib linux":"5:1 7:3",
"lib node":"14:1 15:1 16:3",
"lib python":"7:1 14:2 16:2 18:1 19:1",
"lib rs":"5:2",
"lib ruby":"16:2",
"lib usr":"16:3",
"lib with":"16:3",
"libc":"7:1 14:2 16:2 18:5",
"libc bin":"16:1 18:4",
"libc dev":"14:2 16:1 18:1",
"libclang":"16:2",
"libclang dev":"16:2",
"libcrypto":"5:2 15:1",
"libcurl":"18:2",
"libfreetype":"16:7",
"libfreetype dev":"16:6",
"libgcc":"16:2",
"libgl":"16:2",
"libgl mesa":"16:2",
"libjpeg":"5:1 16:6",
"libjpeg turbo":"16:5",
"libmcrypt":"16:4",
"libmcrypt dev":"16:4",
"libmysqlclient":"7:1 16:1",
"libpcre":"16:2",
"libpng":"5:1 16:7",
"libpng dev":"5:1 16:7",
"libpq":"14:2 15:1",
"libpq dev":"14:2",
"libpsl":"18:2",
"libraries":"16:1 17:1",
"library":"2:2 5:1 7:2 12:1 13:17 14:19 16:1 17:8 19:4 20:1 21:9",
"library alpine":"13:1 19:1 21:2",
"library debian":"17:2 21:1",
"library docker":"13:1 21:1",
"library eclipse":"14:1 17:1",
"library mysql":"17:2",
"library nginx":"14:3 17:1 19:2",
"library node":"7:1 14:4 19:2 21:1",
"library php":"13:1 14:1",
"library postgresql":"2:2",
"library python":"14:6 21:1",
"library rocm":"13:2",
"library ubuntu":"14:2 17:2 21:1",
"libs":"5:1 6:5 15:1 16:1 18:2",
"libs no":"6:3",
"libssl":"5:1 15:1 16:3 18:1",
"libssl dev":"16:3",
"libstdc":"14:1 15:1 16:1",
"libxml":"14:1 15:1 16:1",
"libxml dev":"14:1 15:1",
"libxslt":"14:1 15:1",
"libxslt dev":"14:1 15:1",
"license":"17:1 18:1",
"light":"5:1 6:1 12:1",
"like":"5:1 7:1 14:1 15:1",
"like to":"5:1 14:1 15:1",
"likely":"15:4 16:1",
"likely additional":"15:4",
"limit":"15:11 21:29",
"limit allocation":"15:9",
"limit by":"21:24",
"limit https":"21:4",
"limit you":"21:22",
"line":"0:2 5:5 7:2 9:28 12:1 13:1 14:4 15:3 16:7 17:2 18:1 19:2",
"line column":"5:1 14:1",
"line docker":"0:2",
"line in":"7:2 13:1 14:2 16:4 18:1 19:2",
"line unknown":"9:27",
"lines":"8:1 16:1 21:1",
"link":"5:1 9:1 15:3 16:1",
"link flags":"5:1 15:1",
"linking":"16:2",
"linking dependencies":"16:2",
"linting":"5:3 15:2",
"linting and":"5:2",
"linting service":"15:2",
"linux":"0:4 4:1 5:10 6:7 7:7 8:1 10:2 13:1 14:4 15:4 16:9 17:34 18:14 19:2 21:1",
"linux amd":"0:3 4:1 6:4 10:2 15:2 16:1 17:4 18:1 19:1",
"linux arm":"0:1 4:1 7:1 10:1 13:1 17:17 18:2 19:1",
"linux desktop":"5:2 8:1 19:1",
"linux generic":"14:1 16:1",
"linux gnu":"5:2 7:5 15:1 18:2",
"linux go":"0:1 5:4 17:11 18:8",
"linux headers":"16:2",
"linux libc":"14:1 16:1 18:1",
"linux so":"17:2 18:1",
"list":"0:1 5:1 14:1 15:1 16:3 17:18 20:1 23:1",
"list entries":"17:18",
"lists":"5:1 10:10 14:7 16:34 17:2 18:2",
"lite":"15:2",
"lite is":"15:2",
"litemap":"5:2",
"litemap requires":"5:2",
"llama":"12:1 16:1",
"llama cpp":"12:1 16:1",
"llb":"2:1 9:8 12:1 13:5 14:5 16:1 17:3 19:7 21:2 23:1",
"llb definition":"9:7 12:1 13:5 14:5 17:3 19:4 21:1 23:1",
"llb failed":"19:3 21:1",
"llzma":"5:1 15:1",
"lm":"6:1 15:1",
"ln":"5:2 14:1 16:3",
"ln opt":"14:1 16:2",
"load":"0:2 1:3 5:3 6:1 10:1 13:19 14:19 16:2 17:15 19:9 21:8 22:2",
"load build":"0:1 1:3 5:1",
"load cache":"6:1 10:1 19:2 21:1",
"load git":"22:2",
"load metadata":"13:19 14:16 17:15 19:8 21:7",
"load the":"14:3",
"loaded":"0:2",
"loaded from":"0:2",
"loader":"5:1 14:1 16:1 17:1",
"loading":"7:1 18:3",
"loading usr":"18:3",
"local":"0:2 2:1 3:1 5:29 7:2 8:1 10:1 11:1 13:4 14:5 15:1 16:24 17:1 18:5 19:5 20:1",
"local bin":"5:1 8:1 14:1 16:10 17:1 18:1 19:3",
"local cargo":"5:4 18:1",
"local go":"14:1 15:1",
"local include":"16:5",
"local lib":"14:2 16:7 18:2",
"local project":"16:2",
"local repository":"13:2 20:1",
"local share":"0:1 5:1 16:3",
"localhost":"0:1 3:1 20:1",
"locally":"6:1 13:2 14:2 17:1 19:1 21:2",
"localtime":"16:2",
"locate":"8:5 14:3 16:24",
"locate package":"14:3 16:23",
"locate specified":"8:5",
"location":"5:1 15:1 16:2",
"lock":"5:3 6:9 15:1 16:25 17:1 18:1",
"lock file":"5:2 6:1 16:7",
"lock json":"6:3 16:11 17:1",
"lock needs":"16:2",
"lock no":"6:2",
"lock not":"6:3",
"lock yaml":"6:1 16:4",
"locked":"5:3 16:5",
"locked no":"16:2",
"locked to":"16:3",
"locked was":"16:2",
"lockfile":"5:1 16:30",
"lockfile at":"16:2",
"lockfile cannot":"16:4",
"lockfile config":"16:3",
"lockfile ignore":"16:2",
"lockfile is":"16:4",
"lockfile prod":"16:2",
"lockfile run":"16:3",
"lockfile so":"16:2",
"lockfile with":"16:3",
"lockfileversion":"16:7",
"lockfileversion run":"16:7",
"log":"0:1 5:1 6:1 7:6 14:10 15:5 16:13 20:1 22:1",
"log of":"14:7 15:4 16:9 22:1",
"logger":"11:1 15:1",
"logging":"5:2 15:4 16:1 20:1",
"logging output":"15:4",
"login":"0:1 11:3 13:17 19:5 20:1 22:1",
"login denied":"11:2 13:10",
"login from":"19:2",
"login to":"19:2",
"logs":"5:1 6:1 7:1 14:7 15:4 16:10 22:1 23:1",
"logs debug":"14:7 15:4 16:9 22:1",
"longer":"4:1 16:1",
"looking":"2:2 14:1 19:1 20:2",
"looking for":"2:2 19:1 20:2",
"lookup":"0:4 14:16 16:1",
"lookup auth":"14:3",
"lookup docker":"0:3 14:2",
"lookup goproxy":"14:2",
"lookup proxy":"14:2",
"lookup registry":"14:4",
"lower":"5:3",
"lower or":"5:3",
"lowercase":"3:1 9:1 12:22",
"ls":"0:1 14:1 15:1 16:1 18:2 22:3",
"ls remote":"16:1 22:2",
"lsb":"5:1 18:2",
"lsb release":"5:1 18:2",
"lstat":"6:11 8:10",
"lstat home":"8:4",
"lstat scripts":"6:2",
"lstat var":"6:5",
"lto":"7:1 15:1",
"lxml":"5:1 14:1 15:1",
"lxml llzma":"5:1 15:1",
"macbook":"12:1 17:1",
"macbook pro":"12:1 17:1",
"machine":"16:1 17:1",
"main":"1:1 2:1 3:1 4:1 5:9 6:1 7:2 11:1 12:1 13:4 14:13 15:2 16:20 17:1 18:1 19:2 22:1",
"main amd":"16:7",
"main apkindex":"14:8 16:4",
"main arm":"16:1 18:1",
"main binary":"16:4",
"main go":"5:4 14:1",
"main not":"3:1 13:1",
"main panicked":"2:1 5:3",
"main py":"7:2 13:1 16:1 19:1",
"main temporary":"14:7",
"main version":"5:1 15:1",
"maintained":"16:3",
"maintained using":"16:3",
"major":"16:3",
"major version":"16:3",
"make":"0:4 1:1 5:22 6:3 7:5 8:1 9:1 12:4 13:1 14:11 15:8 16:21 17:2 18:5 21:2 22:4",
"make all":"5:1 14:1",
"make build":"5:5 6:1 7:1 9:1 12:2 14:2 15:3 16:2 17:1 21:1",
"make changes":"0:2",
"make docker":"5:1 6:2 8:1 12:1",
"make entering":"13:1 14:1",
"make gcc":"7:1 16:1",
"make image":"0:1 16:1",
"make install":"5:1 14:1 18:1",
"make leaving":"13:1 14:1 15:1 21:1",
"make make":"5:1 18:2",
"make makefile":"1:1 5:10 7:1 13:1 14:3 15:1 16:3 18:2 21:1",
"make no":"5:2",
"make opt":"5:2",
"make python":"16:3",
"make sure":"0:1 5:1 14:4 15:1 16:5 22:4",
"make target":"5:2 7:1",
"make waiting":"5:2",
"makefile":"1:1 5:11 6:1 7:1 8:1 13:1 14:3 15:1 16:5 18:2 21:2",
"makefile build":"5:1 14:1 16:1 21:1",
"makefile docker":"13:1 14:2 16:1",
"makefile recipe":"5:1 6:1 8:1 16:1 21:1",
"makefile release":"5:1 18:1",
"makefile server":"5:2",
"man":"5:1 18:1",
"manage":"16:5",
"managed":"16:9",
"managed environment":"16:8",
"management":"16:2",
"management but":"16:2",
"manager":"5:1 6:2 11:1 16:4",
"manager apk":"16:3",
"manifest":"2:13 3:2 5:3 6:1 10:10 11:9 12:1 13:28 14:1 17:40 19:2 20:5 23:1",
"manifest at":"5:2",
"manifest blob":"2:9",
"manifest for":"5:1 11:5 13:23 17:18 20:2",
"manifest from":"2:4 3:2 6:1 19:1",
"manifest json":"11:1 12:1",
"manifest list":"17:18 23:1",
"manifest lists":"10:10",
"manifest not":"11:2 17:19",
"manifest sha":"2:1 17:6 19:1 20:3 23:1",
"manifest unknown":"11:5 13:22",
"manifests":"2:3 3:1 11:4 13:1 14:19 19:16 21:10",
"manifests alpine":"14:4 19:1",
"manifests buildx":"14:1 19:1",
"manifests cache":"2:2",
"manifests denied":"19:2",
"manifests dial":"14:3",
"manifests forbidden":"11:1 19:2",
"manifests latest":"2:1 11:1 14:2 19:6",
"manifests master":"3:1 19:2",
"manifests sha":"11:1 13:1 21:8",
"manifests slim":"14:3",
"manifests unauthorized":"11:1 19:1",
"many":"21:12",
"many requests":"21:12",
"manylinux":"14:3 15:2 16:1 18:1",
"manylinux whl":"14:3 15:2 16:1",
"map":"14:2",
"mariadb":"16:2 17:1",
"mariadb client":"16:2 17:1",
"mark":"5:1 15:4 17:1",
"mark compacts":"15:2",
"marked":"0:1 14:1 16:1 19:1 20:1",
"marked build":"0:1 14:1 16:1 19:1 20:1",
"master":"0:1 3:2 8:1 11:1 13:2 16:4 19:3",
"match":"0:2 2:1 5:5 11:2 12:1 16:7 17:26 18:1",
"match for":"11:2 17:25",
"match format":"5:3",
"match line":"5:2",
"match the":"2:1 16:2 17:1",
"match za":"0:2",
"matching":"8:1 13:2 14:2 16:23 17:18",
"matching distribution":"14:2 16:20",
"matching keyid":"16:3",
"matching manifest":"17:18",
"material":"12:1 14:1",
"matplotlib":"16:2",
"mattermost":"5:2",
"mattermost focalboard":"5:2",
"maven":"5:2 14:2 16:1 19:1",
"maven apache":"14:2 16:1",
"maven compiler":"5:2",
"maven plugins":"5:2",
"maven using":"5:1 16:1",
"maven with":"5:1 16:1",
"max":"5:1 10:1 12:1 15:1",
"max old":"5:1 15:1",
"maximum":"2:1 4:1",
"may":"2:1 5:3 11:4 13:30 14:2 16:15 21:24",
"may be":"11:1 16:3",
"may help":"16:2",
"may increase":"21:24",
"may mean":"14:1 16:9",
"may require":"5:1 11:3 13:30",
"maybe":"14:1 16:3",
"maybe run":"14:1 16:3",
"mb":"7:3 14:2 15:7 16:7 19:1 20:2 21:1",
"mb eta":"14:1 16:1",
"mb mb":"7:2 14:1 16:1 19:1 20:2",
"mb memory":"15:2",
"mb ms":"15:3",
"mcr":"17:3",
"mcr microsoft":"17:3",
"mcrypt":"16:2",
"md":"5:1 14:1 16:1 18:1",
"mean":"5:1 13:1 14:1 16:9",
"mean that":"14:1 16:9",
"memory":"0:2 15:15",
"memory limit":"15:2",
"memory memswap":"0:2",
"memswap":"0:2",
"meraki":"12:2",
"meraki dashboard":"12:2",
"merge":"5:1 16:1",
"merged":"6:2",
"mesa":"16:3",
"mesa glx":"16:2",
"message":"2:2 5:2 6:2 7:1 11:4 13:15 14:1 15:1 17:1 18:1 19:3 21:9",
"message error":"6:1 19:1",
"message insufficient":"13:13 19:2",
"message toomanyrequests":"21:9",
"met":"5:2",
"metadata":"13:21 14:22 15:2 16:11 17:19 19:10 21:8",
"metadata for":"13:20 14:22 16:2 17:19 19:10 21:8",
"metadata kb":"16:2",
"metadata repodata":"15:1 16:1",
"mib":"14:1 18:2",
"mib in":"14:1 18:2",
"microservice":"14:1 19:1",
"microsoft":"2:1 4:1 5:3 13:1 14:1 16:1 17:3",
"microsoft com":"4:1 17:3",
"microsoft net":"5:3",
"might":"15:2",
"might not":"15:2",
"migrate":"2:3 17:1",
"migrate to":"2:3",
"migrating":"16:2",
"migrating the":"16:2",
"min":"16:3 19:1",
"min updates":"16:3",
"minimal":"19:1 21:1",
"minute":"11:1 21:1",
"mirror":"13:1 14:2",
"mirrorlist":"16:3",
"mirrorlist no":"16:2",
"mirrors":"14:2 16:2",
"mirrors aliyun":"14:2 16:2",
"mismatch":"14:2 16:4",
"mismatch cannot":"16:3",
"missing":"0:1 5:6 14:6 16:16",
"missing boost":"5:2",
"missing has":"14:1 16:7",
"missing or":"0:1 16:1",
"mistake":"16:3",
"mistake please":"16:3",
"mitchellh":"16:1 18:1",
"mix":"5:1 14:1 18:1",
"mk":"0:1 5:1 7:1 14:1",
"mk recipe":"0:1 5:1 7:1 14:1",
"mkdir":"5:3 7:6 14:4 15:1 16:2 17:2 18:1",
"mkdir opt":"14:2",
"mkdir tmp":"7:2",
"mkdir var":"7:2 15:1 16:1 17:1",
"mnt":"6:1 7:1",
"mnt sda":"6:1 7:1",
"moby":"0:6 6:3 14:2 19:2 21:1",
"moby buildkit":"0:6 14:2 19:2 21:1",
"mod":"5:29 6:1 14:12 16:2 22:2",
"mod cache":"22:2",
"mod dial":"14:8",
"mod download":"5:11 14:6 16:2 22:1",
"mod github":"5:2",
"mod invalid":"5:3",
"mod requires":"5:20",
"mod unknown":"5:3",
"mode":"0:3 5:1 8:1 10:1 16:2 19:1",
"mode by":"16:2",
"mode false":"0:1 16:2",
"mode specify":"0:2",
"model":"5:2 9:1",
"modification":"14:2",
"modification reported":"14:2",
"module":"5:9 7:2 13:1 14:2 16:11 19:1",
"module expected":"16:4",
"module is":"5:1 14:1",
"module named":"16:2",
"module node":"5:1 16:1",
"module on":"5:2",
"module requires":"5:2",
"modules":"5:5 6:3 7:1 9:1 14:1 15:5 16:23 17:1 18:1 21:1",
"modules corepack":"16:3",
"modules eslint":"16:4",
"modules findpackagehandlestandar":"5:2",
"modules vite":"16:4",
"modules vitejs":"16:2",
"modules yarn":"14:1 16:1",
"mongo":"15:1 17:1 21:1",
"mongo pulling":"17:1 21:1",
"monitor":"0:1 7:1 11:1",
"monitoring":"5:1 17:1",
"montserrat":"14:2",
"more":"2:7 4:1 5:5 7:1 9:1 10:7 11:1 13:1 14:1 15:1 16:11 17:1 18:1",
"more at":"2:3 7:1 10:7 18:1",
"more details":"5:1 16:4 17:1",
"more including":"5:1 14:1 15:1",
"more information":"2:3 4:1 5:3 11:1 16:5",
"most":"5:1 7:2 13:1 14:5 16:6 19:2",
"most cases":"14:4",
"most recent":"5:1 7:2 13:1 14:1 16:5 19:2",
"mount":"0:4 6:5 7:2 8:24 9:3 16:2 18:1 22:1",
"mount build":"6:3",
"mount dockerfile":"8:19",
"mount tmp":"0:2 8:1",
"mount type":"0:2 9:1 16:2 18:1 22:1",
"moved":"16:2",
"moved out":"16:2",
"mp":"6:1 11:1",
"ms":"0:1 1:3 2:1 5:2 11:1 15:4 16:2 20:1",
"ms average":"15:3",
"ms dotnet":"5:2",
"ms error":"1:2",
"ms mark":"15:2",
"ms vscode":"1:2",
"msg":"0:4 8:1 13:1 14:1 18:1 19:4 20:1",
"msg attempting":"13:1 19:1",
"msg error":"19:2",
"mu":"15:3",
"mu allocation":"15:3",
"mu current":"15:3",
"multi":"8:1 10:4 17:1",
"multi platform":"10:4",
"multiarch":"0:2 17:2",
"multiple":"0:1 10:3",
"multiple platforms":"0:1 10:3",
"musl":"7:2 16:1 17:1 18:1",
"musl dev":"7:1 16:1 18:1",
"must":"0:2 3:1 5:4 9:2 12:23 16:3",
"must be":"3:1 9:2 12:22 16:1",
"must match":"0:2 5:3 12:1",
"mv":"5:1 14:1 15:1 16:3",
"mv composer":"16:2",
"mv tmp":"14:1 16:1",
"my":"0:1 3:1 8:1 14:1 17:1 20:1 22:1",
"myapp":"19:1 20:1",
"mymicroservice":"5:1 8:1 14:2",
"mymicroservice csproj":"5:1 14:2",
"mypackage":"16:2",
"mysql":"5:2 15:1 16:6 17:3 19:1",
"mysql client":"16:2",
"mysql mysql":"15:1 17:1",
"name":"0:9 1:1 3:1 5:8 6:1 9:1 11:5 12:30 14:8 15:5 16:5 17:2 19:1 20:3",
"name build":"12:6",
"name builder":"0:3",
"name current":"5:4",
"name dlc":"0:2",
"name foo":"0:1 9:1",
"name main":"15:1 16:1",
"name must":"9:1 12:21",
"name ready":"11:5",
"name resolution":"14:5",
"name to":"0:3",
"name unknown":"20:2",
"name yourself":"16:2",
"named":"16:2",
"namespace":"2:1 5:2 11:1",
"namespace name":"5:2 11:1",
"native":"0:2 8:1 15:5 16:2",
"native snapshots":"0:2",
"native stack":"15:3",
"nccl":"5:2",
"near":"15:2 16:1",
"near heap":"15:2",
"need":"5:2 14:1 16:5",
"need to":"5:2 16:3",
"needed":"12:2 16:1",
"needed when":"12:2",
"needs":"0:1 5:1 13:1 16:3",
"needs to":"0:1 5:1 13:1 16:3",
"net":"0:1 2:1 3:1 5:5 11:1 14:8 16:3 17:1 19:1",
"net core":"5:1 16:1",
"net either":"5:2",
"net http":"14:6",
"net or":"5:2",
"net sdk":"5:3",
"net targetframeworkinference":"5:3",
"net tools":"5:1 16:1",
"netcat":"16:3",
"netcat openbsd":"16:2",
"netsdk":"5:3",
"netsdk the":"5:3",
"network":"0:1 1:1 2:1 13:2 14:13 15:1 18:1 19:2",
"network connection":"1:1 2:1 14:4",
"network connectivity":"14:4",
"network if":"14:3",
"network in":"14:4",
"network is":"14:2",
"network proxy":"14:3",
"network read":"14:2",
"network request":"14:2",
"network settings":"14:4",
"network this":"14:4",
"new":"0:2 2:3 13:1 14:2 15:1 16:10 18:1 19:4 21:1",
"new builder":"0:1 19:1 21:1",
"new connection":"14:2",
"new error":"16:3 18:1",
"new major":"16:3",
"new one":"19:3",
"new packages":"16:2",
"new service":"2:3",
"newconnectionerror":"14:2",
"newconnectionerror pip":"14:2",
"newer":"5:3 8:1 13:1 16:3 17:1 18:1",
"newer image":"8:1 13:1 17:1 18:1",
"newer version":"5:1 16:2",
"newer while":"5:2 16:1",
"newly":"16:2",
"newly installed":"16:2",
"next":"5:4 13:1 14:2 15:1 16:1 19:1",
"next build":"5:2 14:1 15:1",
"next endpoint":"13:1 19:1",
"next js":"5:3 14:1 15:1",
"nextjs":"5:1 14:1 15:1",
"nextjs org":"5:1 14:1 15:1",
"ng":"5:1 14:1 15:1 16:1 19:1",
"ng build":"5:1 15:1",
"ngc":"14:1 17:1",
"nghttp":"18:2",
"nghttp libs":"18:2",
"nginx":"6:3 8:1 9:1 11:1 13:1 14:5 15:1 16:7 17:1 19:2 20:3",
"nginx alpine":"13:1 14:2 17:1 19:2",
"nginx center":"20:3",
"nginx failed":"6:1 9:1 15:1 16:3",
"nginx internal":"14:2 19:1",
"nightly":"5:2 7:1 15:1",
"nju":"6:1 20:1",
"no active":"23:3",
"no ansi":"16:2",
"no append":"0:2",
"no basic":"19:2",
"no builder":"0:4",
"no cache":"0:1 7:2 8:1 12:1 14:10 15:1 16:23 18:4",
"no credentials":"11:1 19:1",
"no dev":"16:4",
"no error":"1:2",
"no frozen":"16:5",
"no git":"16:2",
"no install":"5:1 14:2 16:6 17:1 18:2",
"no installation":"14:1 16:14",
"no interaction":"16:4",
"no match":"11:2 17:25",
"no matching":"14:2 16:20 17:18",
"no module":"16:2",
"no root":"16:3",
"no rule":"5:2",
"no source":"6:5",
"no space":"7:44",
"no such":"0:6 2:1 3:1 5:7 6:44 8:43 14:13 15:1 16:9 17:1 18:7 22:7 23:1",
"no urls":"16:2",
"node":"0:2 1:1 3:1 5:7 6:2 7:4 9:1 10:1 11:1 12:1 13:4 14:10 15:10 16:36 17:3 18:2 19:6 20:1 21:3",
"node alpine":"14:4 19:1",
"node build":"5:1 15:1",
"node dep":"5:1 14:1",
"node error":"11:1 19:1",
"node gyp":"16:2",
"node image":"7:1 13:1 19:1",
"node internal":"1:1 14:1 16:1 18:1",
"node is":"16:3",
"node js":"10:1 16:1",
"node latest":"13:1 14:1",
"node manifests":"14:4 19:2 21:1",
"node modules":"5:2 6:2 7:1 9:1 14:1 15:4 16:20 17:1 18:1 21:1",
"node not":"13:2",
"node npm":"16:4",
"node oomerrorhandler":"15:2",
"node sha":"7:1 21:1",
"node slim":"7:1 14:1 21:1",
"node trace":"5:1 14:1",
"node usr":"14:2 16:1",
"nodejs":"5:1 13:1 14:2 15:1 16:11 18:1",
"nodejs npm":"16:3",
"nodejs org":"16:2",
"nodes":"0:2",
"nodesource":"5:1 16:3",
"nodesource com":"5:1 16:2",
"nokogiri":"15:1 16:4",
"nokogiri with":"15:1 16:3",
"non":"0:1 5:3 8:1 14:2 16:5 19:3",
"non debian":"16:3",
"non resolvable":"14:2",
"non tty":"19:2",
"non zero":"5:2 8:1 16:1 19:1",
"none":"0:1 12:1 14:8 16:12 19:1",
"none after":"14:4",
"none any":"16:6",
"none else":"14:2",
"none read":"14:4",
"none redirect":"14:3",
"none status":"14:2",
"normal":"11:12 13:2 17:1",
"normal backoff":"11:11 13:1 17:1",
"normal pulling":"11:10 13:1 17:1",
"normal scheduled":"11:4 13:1 17:1",
"not allowed":"0:1 19:7",
"not assignable":"5:2",
"not authorized":"19:2",
"not available":"14:1 16:8 19:1",
"not be":"2:1 5:1 12:6 13:5 14:1 16:13",
"not build":"14:1 16:2",
"not compatible":"16:4",
"not compile":"5:4 15:1",
"not connect":"0:1 14:1",
"not contain":"16:3",
"not create":"0:2 16:1",
"not currently":"10:10",
"not exist":"2:1 5:4 6:12 11:3 13:30 16:1 20:2",
"not exit":"6:1 19:1 20:1",
"not fetch":"14:2",
"not find":"5:2 8:1 13:2 14:2 16:20",
"not for":"16:2",
"not fp":"14:2",
"not going":"16:2",
"not have":"2:1 14:1 16:16",
"not implemented":"0:1 19:1",
"not in":"14:1 16:3",
"not install":"7:2",
"not installed":"16:2 18:1 19:1",
"not like":"5:1 14:1 15:1",
"not match":"2:1 5:2 16:3 17:1 18:1",
"not met":"5:2",
"not none":"14:2",
"not open":"16:1 17:1 18:1",
"not packaged":"16:2",
"not permitted":"0:3",
"not problem":"15:4 16:1",
"not properly":"14:3",
"not read":"3:1 14:1 16:1 18:1 22:8",
"not requested":"16:3",
"not resolve":"14:8 16:15",
"not run":"14:1 16:3",
"not satisfy":"16:6",
"not succeed":"15:2",
"not support":"5:4",
"not supported":"0:1 2:11 5:3 10:14 16:1",
"not transfer":"14:2",
"not upgraded":"16:2",
"not valid":"9:1 12:2 16:3",
"not want":"16:2",
"not yet":"16:2",
"note":"2:1 5:8 16:8",
"note if":"16:3",
"note run":"2:1 5:3",
"note that":"16:4",
"notfound":"11:5 13:2 17:2 23:1",
"notfound desc":"11:5 13:2 17:2 23:1",
"notice":"16:5",
"notice changelog":"16:4",
"notice new":"16:5",
"notice run":"16:3",
"notice to":"16:2",
"notsup":"16:3",
"notsup actual":"16:3",
"notsup not":"16:3",
"notsup required":"16:3",
"now":"5:2 14:1 15:2 16:3",
"now add":"16:2",
"now collects":"5:1 14:1 15:1",
"npm":"5:4 6:1 7:2 14:17 15:22 16:53 17:1 18:3 22:2",
"npm and":"6:1 15:1",
"npm available":"16:4",
"npm cache":"15:3 16:2",
"npm ci":"14:4 15:1 16:13 22:1",
"npm cli":"14:1 16:4",
"npm config":"16:1 17:1",
"npm debug":"14:2 16:1",
"npm err":"14:11 15:7 16:23 18:1 22:1",
"npm error":"14:4 15:1 16:14",
"npm help":"14:4",
"npm info":"14:1 15:1",
"npm install":"14:5 15:12 16:21 17:1 18:2",
"npm itself":"14:1 16:1",
"npm latest":"14:1 16:2",
"npm logs":"14:7 15:4 16:9 22:1",
"npm ls":"14:1 15:1",
"npm node":"16:3",
"npm not":"16:5",
"npm notice":"16:4",
"npm npm":"14:3 15:1 16:3 18:1",
"npm or":"16:7",
"npm registry":"7:1 16:3",
"npm run":"5:4 14:1 15:7 16:5 18:1",
"npm shrinkwrap":"16:10",
"npm there":"15:4",
"npm to":"16:3",
"npmjs":"7:1 14:11 15:1 16:5",
"npmjs org":"7:1 14:11 15:1 16:5",
"nproc":"5:1 16:3",
"nproc gd":"16:2",
"nprocessors":"16:3",
"nprocessors onln":"16:3",
"npx":"15:2",
"ns":"14:4 20:1",
"ns docker":"14:4",
"nu":"14:3 22:1",
"nu unable":"14:3",
"nuget":"14:3 22:1",
"nuget org":"14:3",
"null":"0:2 1:1 2:1 5:1 15:1 16:3 18:1",
"null dial":"0:2",
"null signature":"16:3",
"null throw":"16:3",
"number":"2:1 5:1 8:1",
"numpy":"16:4",
"nuxt":"15:1 16:1",
"nvidia":"7:1 14:3",
"nvidia cuda":"14:2",
"oauth":"5:1 14:3 16:1 19:7",
"oauth token":"14:3 19:7",
"obj":"5:2 15:1",
"object":"2:1 14:4 15:1 16:1",
"object at":"14:3",
"objects":"6:1 7:1 16:1",
"obsoleted":"14:1 16:7",
"obsoleted or":"14:1 16:7",
"occurred":"5:1 7:4 9:2 13:2 14:3 15:1 16:4 19:1",
"occurred while":"7:1 15:1",
"oci":"0:1 10:1 18:1 23:1",
"oci image":"10:1 23:1",
"oci runtime":"0:1 18:1",
"oct":"0:1 14:1",
"of":"0:2 1:1 2:6 3:1 4:1 5:13 6:36 7:2 13:1 14:18 15:19 16:45 19:3 20:2 22:1",
"of additional":"16:2",
"of archives":"16:2",
"of breaking":"16:3",
"of cargo":"5:2",
"of closed":"1:1 2:1",
"of date":"15:1 16:1",
"of expected":"14:2",
"of incoming":"16:2",
"of memory":"15:13",
"of node":"16:4",
"of npm":"16:4",
"of our":"2:2",
"of output":"16:2",
"of packages":"16:7",
"of platform":"0:2",
"of pnpm":"16:4",
"of received":"14:2",
"of ref":"6:36",
"of the":"2:1 3:1 5:4 7:2 13:1 14:2 16:6 19:1",
"of this":"5:1 14:7 15:4 16:12 22:1",
"of time":"14:3",
"of types":"5:3",
"of value":"2:1 19:1 20:2",
"off":"6:1 8:1 11:14 13:2 14:2 15:1 16:1 17:1 19:1 21:3",
"off pulling":"11:14 13:1 17:1",
"off seconds":"6:1 13:1 14:2 16:1 19:1 21:3",
"ok":"14:1 16:2",
"ok distinct":"16:2",
"old":"5:1 14:5 15:2 16:4",
"old ones":"14:5 16:4",
"old space":"5:1 15:2",
"ollama":"5:1 11:1",
"on":"0:6 1:1 2:15 3:3 4:1 5:9 7:44 9:4 10:7 11:1 14:13 15:2 16:10 17:2 19:4 20:3 22:1",
"on arch":"0:1 17:1",
"on closed":"1:1 2:1",
"on current":"16:3",
"on device":"7:44",
"on go":"5:2",
"on line":"9:4",
"on no":"0:2 14:2",
"on project":"5:2 16:1 19:1",
"on read":"14:5",
"on ref":"2:10 19:1 20:3",
"on runner":"0:1 19:1",
"on the":"0:1 2:4 10:7 16:1",
"on this":"0:1 7:1 11:1 16:2",
"on type":"5:2",
"one":"2:1 5:1 9:1 14:1 16:6 19:4",
"one of":"5:1 16:2 19:1",
"one or":"2:1 16:1",
"one referencing":"16:2",
"ones":"14:5 16:4",
"ones used":"14:5 16:4",
"onln":"16:3",
"onln deployment":"16:3",
"only":"1:1 5:1 12:1 13:1 14:1 16:25 17:1 19:1",
"only available":"14:1 16:7",
"only for":"16:2",
"only install":"16:11",
"oomdetails":"15:2",
"oomdetails const":"15:2",
"oomerrorhandler":"15:2",
"oomerrorhandler char":"15:2",
"opcache":"14:1 16:1",
"open":"3:1 5:1 6:1 7:1 8:33 11:2 13:2 14:2 16:5 17:1 18:1 19:1 21:8 22:3",
"open app":"5:1 8:1",
"open bug":"14:1 16:2",
"open content":"11:1 13:1",
"open dockerfile":"8:9",
"open failed":"14:1 19:1",
"open lib":"17:1 18:1",
"open run":"22:2",
"open tmp":"3:1 8:4",
"open unexpected":"21:8",
"open var":"7:1 8:19",
"openbsd":"16:2",
"opencloudtouch":"6:1 19:1",
"openedx":"0:1 16:1",
"openjdk":"7:1 13:1",
"openssh":"16:2 22:1",
"openssl":"5:3 14:2 15:1 16:4",
"openssl no":"14:2",
"openssl openssl":"5:1 16:1",
"operation":"0:3 2:1 3:1 4:2 7:1 8:1 14:3 16:2 18:1 19:1",
"operation error":"2:1 3:1",
"operation not":"0:3",
"operation timed":"14:3",
"operation was":"4:2 18:1",
"operator":"11:3 12:1 13:1 16:1 17:2",
"operator controller":"11:1 17:1",
"operator not":"11:1 13:1",
"operator rpc":"11:2 13:1",
"opt":"5:5 6:1 7:1 14:4 15:3 16:7 17:1",
"opt out":"5:1 14:1 15:1",
"optimized":"5:2 14:1 15:2 16:1",
"optimized production":"5:2 14:1 15:2",
"option":"0:1 5:2",
"options":"0:3 5:1 8:1 16:2",
"options rbind":"0:2",
"or an":"5:1 16:1",
"or any":"5:1 14:1",
"or been":"16:2",
"or build":"6:1 14:1",
"or directory":"0:3 2:1 3:1 5:7 6:43 8:43 15:1 16:3 17:1 18:7 22:6",
"or established":"14:3",
"or excluded":"6:9",
"or have":"14:4",
"or if":"16:2",
"or its":"5:2",
"or later":"0:2",
"or legacy":"16:5",
"or lower":"5:3",
"or may":"11:3 13:30",
"or more":"2:1 16:1",
"or namespace":"5:2",
"or newer":"5:2 16:1",
"or npm":"16:3",
"or old":"14:5 16:4",
"or os":"16:3",
"or password":"19:4",
"or retry":"16:5",
"or select":"5:4",
"or try":"14:1 16:3",
"or turn":"2:4 10:7",
"or use":"5:5 16:2",
"oracle":"7:1 8:1",
"oracle database":"7:1 8:1",
"org":"5:7 7:3 14:55 15:5 16:37 17:1 18:1 22:2",
"org alpine":"14:13 16:4",
"org apache":"5:2",
"org api":"16:2",
"org confluence":"5:1 16:1",
"org debian":"14:10 16:15",
"org dists":"14:2",
"org github":"14:7",
"org index":"14:3",
"org installer":"16:3",
"org maven":"14:2 16:1",
"org npm":"14:1 17:1",
"org packages":"15:1 16:3",
"org pnpm":"14:1 16:3",
"org react":"14:2",
"org registry":"14:2",
"org root":"16:2",
"org springframework":"14:2",
"org sys":"5:1 14:1 18:1",
"org telemetry":"5:1 14:1 15:1",
"org text":"5:1 14:1",
"org whl":"15:1 16:1",
"organization":"19:7",
"organization package":"19:7",
"origin":"0:1 1:1 16:1 22:1",
"os":"0:1 5:5 12:1 15:1 16:7 17:1 18:1 23:1",
"os by":"16:3",
"os distribution":"16:3",
"os error":"5:4",
"os version":"12:1 16:1",
"oserror":"7:3",
"oserror errno":"7:3",
"oss":"14:1 19:1",
"otp":"5:1 15:1",
"our":"2:2 19:1",
"our services":"2:2",
"out":"0:2 3:3 5:3 6:2 14:7 15:16 16:4 19:12",
"out if":"5:1 14:1 15:1",
"out no":"19:2",
"out of":"15:14 16:3",
"outdated":"15:2 16:4",
"outdated lockfile":"16:4",
"outdated please":"15:2",
"output":"0:1 7:3 8:1 10:1 13:2 14:1 15:4 16:8",
"output above":"15:4",
"output type":"0:1 16:1",
"output write":"7:2",
"outside":"6:2 16:1",
"outside the":"6:2",
"over":"11:13 13:2 17:1 18:1",
"over kubelet":"11:13 13:2 17:1",
"overlay":"0:1 6:2 7:3 16:1",
"override":"16:3",
"override this":"16:3",
"pack":"7:1 16:1",
"package":"5:12 6:4 7:1 14:18 15:2 16:84 17:1 18:4 19:12",
"package apt":"16:2",
"package build":"14:1 16:2",
"package ca":"14:1 16:2",
"package cargo":"5:1 16:1",
"package cmake":"16:2",
"package curl":"16:3",
"package git":"16:4",
"package in":"16:2",
"package is":"14:1 16:7",
"package json":"5:1 6:2 16:7",
"package libc":"18:3",
"package libclang":"16:2",
"package libpng":"16:4",
"package libssl":"16:2",
"package lists":"14:4 16:27",
"package lock":"6:3 16:11 17:1",
"package manager":"16:4",
"package metadata":"15:1 16:2",
"package mode":"16:2",
"package nginx":"16:2",
"package nodejs":"14:1 16:3",
"package npm":"16:2",
"package python":"14:1 16:4",
"package requirements":"5:2",
"package was":"16:3",
"package wget":"16:4",
"package you":"16:3",
"packaged":"16:5",
"packaged already":"16:2",
"packaged python":"16:3",
"packagemanager":"16:2",
"packagemanager field":"16:2",
"packages":"1:1 5:4 7:5 14:17 15:2 16:55 18:3 19:2 22:1",
"packages available":"14:1 16:2",
"packages could":"16:2",
"packages docker":"7:2 19:1",
"packages due":"7:2",
"packages have":"16:2",
"packages html":"16:2",
"packages in":"15:1 16:3",
"packages kb":"16:4",
"packages not":"16:3",
"packages pip":"14:2 16:3 18:1",
"packages please":"16:3",
"packages replace":"16:2",
"packages stacks":"16:3",
"packages system":"16:3",
"packages when":"16:3",
"packages will":"16:2",
"packaging":"16:2",
"packaging you":"16:2",
"panic":"15:1 16:1 18:1",
"panicked":"2:1 5:3",
"panicked at":"2:1 5:3",
"parallel":"5:1 15:1",
"parent":"14:4",
"parent pom":"14:2",
"parent relativepath":"14:2",
"parse":"0:2 2:2 5:5 9:29 12:3 16:1 22:1",
"parse error":"2:2 5:1 9:28",
"parse lock":"5:2",
"parse manifest":"5:2",
"parse platform":"0:2",
"parse stage":"9:1 12:2",
"parser":"15:1 16:1",
"parsing":"5:4 9:1 12:2 16:1 19:1 20:2",
"parsing go":"5:4",
"parsing http":"19:1 20:2",
"parsing reference":"9:1 12:2",
"part":"2:1 16:1",
"participate":"5:1 14:1 15:1",
"participate in":"5:1 14:1 15:1",
"parts":"2:1 15:1",
"party":"14:3",
"party did":"14:3",
"pass":"19:1 22:1",
"passing":"16:3",
"passing break":"16:3",
"password":"0:1 16:1 17:1 19:4 22:1",
"patch":"2:2 16:1",
"patch https":"2:2",
"path":"5:9 6:2 7:1 8:17 14:1 15:3 16:11 18:1 19:4 22:1",
"path app":"8:1 15:2",
"path lstat":"8:10",
"path out":"19:2",
"path outside":"6:2",
"path to":"16:5",
"paths":"16:3",
"paths src":"16:2",
"pcntl":"5:1 16:1",
"pcre":"16:1 18:1",
"pdo":"5:1 16:4",
"pdo mysql":"5:1 16:4",
"pdo pdo":"16:2",
"pear":"16:2",
"pecl":"16:2",
"pecl install":"16:2",
"peer":"14:3 16:8",
"peer dependency":"16:2",
"peer deps":"16:5",
"peer vite":"16:4",
"pep":"16:4",
"pep for":"16:4",
"perform":"7:1 13:1 16:4 19:3",
"perform an":"19:2",
"perform command":"7:1 13:1 19:1",
"perform frozen":"16:3",
"perhaps":"5:1 16:1",
"period":"14:3",
"period of":"14:3",
"perm":"16:2",
"permission":"0:1 5:1 14:1 19:6",
"permission denied":"0:1 5:1 14:1 19:6",
"permitted":"0:3",
"pflag":"5:1 18:1",
"phar":"16:2",
"phar usr":"16:2",
"phase":"6:1 19:1 20:1",
"phase complete":"6:1 19:1 20:1",
"php":"5:1 6:1 8:1 13:1 14:3 16:23 22:1",
"php but":"16:2",
"php composer":"16:2",
"php echo":"16:2",
"php ext":"5:1 16:6",
"php failed":"5:1 16:6",
"php fpm":"8:1 14:2 16:1",
"php install":"16:2",
"php mv":"16:2",
"php php":"16:3",
"php version":"16:8",
"php your":"16:5",
"phpmyadmin":"7:1 21:1",
"pi":"7:1 8:1",
"pick":"16:2",
"pick which":"16:2",
"pid":"0:1 19:1",
"ping":"0:2 5:1 14:2",
"ping attempt":"14:2",
"ping dial":"0:1 14:2",
"ping registry":"14:2",
"pip":"6:1 7:3 14:12 15:7 16:54 18:2",
"pip command":"16:4",
"pip get":"16:2",
"pip install":"7:2 14:6 15:7 16:43 18:1",
"pip internal":"16:1 18:1",
"pip line":"16:3",
"pip make":"16:3",
"pip not":"6:1 16:2",
"pip py":"16:5",
"pip vendor":"14:6 18:1",
"pip version":"16:2",
"pipe":"1:1 20:1 22:1",
"pipefail":"14:3 15:1 16:6 18:1",
"pipefail apk":"14:1 16:1",
"pipefail apt":"16:3",
"pipeline":"8:1 14:1 20:1",
"pipelines":"0:1 4:1",
"pipx":"16:4",
"pipx install":"16:3",
"pipx installed":"16:3",
"pixelfed":"6:1 13:1",
"pkg":"5:6 7:2 12:4 13:1 14:1 15:4 16:4 22:3",
"pkg config":"5:2 15:1 16:2",
"pkg errors":"5:1 7:1",
"pkg github":"12:3 22:1",
"pkg mod":"5:2 22:2",
"pkg no":"7:2",
"pkg tool":"15:2",
"pl":"6:1 16:1",
"platform":"0:4 5:1 7:1 10:6 11:2 16:8 17:27 18:1 20:1",
"platform build":"10:4",
"platform in":"11:2 17:25",
"platform is":"0:2",
"platform linux":"0:2 10:2 16:1 17:2 18:1",
"platform specifier":"0:2",
"platforms":"0:1 10:3 14:1 16:1",
"platforms feature":"0:1 10:3",
"please":"0:4 2:8 5:2 9:1 10:4 14:8 15:4 16:22 19:4 21:1 22:4",
"please check":"16:3",
"please consider":"16:2",
"please contact":"16:3",
"please include":"14:2 16:1",
"please make":"0:1 14:4 16:2 22:4",
"please open":"14:1 16:2",
"please read":"5:1 16:1",
"please run":"15:2 16:3 19:3",
"please switch":"0:1 2:6 10:4",
"please update":"15:1 16:3",
"please use":"0:2 5:1 14:1 15:1 16:2",
"please visit":"2:2",
"plugin":"0:3 5:5 14:1 15:2 16:8 18:1 19:2",
"plugin compile":"5:2",
"plugin hooks":"0:1 19:1",
"plugin import":"14:1 16:1",
"plugin jinja":"16:2",
"plugin react":"16:3",
"plugins":"0:1 5:3 15:1 16:2 19:1",
"plugins docker":"0:1 16:1",
"plugins maven":"5:2",
"plus":"5:1 15:2",
"pm":"11:1 14:1 15:1 16:1",
"pnpm":"5:1 6:1 14:1 15:1 16:21 22:1",
"pnpm approve":"16:2",
"pnpm build":"5:1 15:1 16:1",
"pnpm frozen":"16:4",
"pnpm ignored":"16:2",
"pnpm install":"16:16",
"pnpm lock":"6:1 16:4",
"pnpm lockfile":"16:5",
"pnpm or":"16:2",
"pnpm pnpm":"16:4",
"pnpm sha":"16:2",
"pnpm tgz":"16:3",
"pnpm that":"16:2",
"pod":"11:5 17:1",
"pods":"11:4",
"poetry":"6:1 16:13",
"poetry config":"16:6",
"poetry install":"16:9",
"poetry lock":"6:1 16:2",
"poetry not":"16:5",
"poetry only":"16:2",
"poetry poetry":"16:2",
"points":"14:2",
"pom":"14:2",
"pom for":"14:2",
"pom release":"14:2",
"pool":"8:1 11:1 14:3 16:3 17:1",
"pool main":"14:1 16:3",
"port":"0:1 14:2",
"port read":"14:2",
"portal":"13:1 22:1",
"possible":"2:1 5:1 15:1 16:1",
"possible solutions":"5:1 16:1",
"post":"0:5 6:1 14:3 16:1 18:1 19:3 20:4",
"post build":"6:1 20:1",
"post http":"0:4",
"post https":"14:3 20:2",
"post request":"19:2 20:1",
"postgres":"5:2 12:1 13:1 19:1",
"postgresql":"2:2 15:1 16:1",
"postgresql manifests":"2:2",
"potential":"5:2",
"potential utf":"5:2",
"potentially":"16:4",
"potentially broken":"16:4",
"pr":"19:1 21:1",
"pre":"17:1 19:2",
"pre command":"19:2",
"precise":"5:5 20:1",
"precise compatible":"5:4",
"prefix":"5:1 14:1 15:1 16:1",
"preparation":"0:3",
"preparation failed":"0:3",
"prepare":"5:1 8:15 16:2",
"prepare context":"8:15",
"prepare internal":"16:2",
"preparing":"0:1 2:7 7:1 8:1 16:2 18:1 19:9 20:4",
"preparing build":"2:7",
"preparing metadata":"16:2",
"preparing the":"0:1 8:1",
"preparing to":"8:1 18:1",
"pretty":"0:1 15:1",
"previous":"5:3 7:1",
"previous error":"5:3",
"prior":"1:2 9:1",
"prior goaway":"1:2",
"prioritize":"5:1 14:1 15:1",
"prioritize features":"5:1 14:1 15:1",
"private":"19:1 22:2",
"privileged":"0:1 17:1",
"pro":"5:1 12:1 17:1",
"probably":"15:4 16:2",
"probably not":"15:4",
"problem":"14:5 15:4 16:5 19:1",
"problem related":"14:4",
"problem with":"15:4 16:1",
"problems":"7:1 14:1 16:3",
"problems you":"16:3",
"proc":"0:2 15:1",
"proceed":"16:4",
"proceed with":"16:3",
"process":"0:5 1:4 5:3 6:1 7:3 9:1 10:2 12:1 14:3 15:3 16:4 17:13 18:19 19:5 20:1 21:1",
"process bin":"14:2 16:3",
"process caused":"0:1 17:11 18:8",
"process completed":"1:3 7:2 9:1 10:2 12:1 17:1 18:1 19:3 20:1 21:1",
"process dev":"18:7",
"process didn":"5:1 15:1",
"process usr":"0:2 18:4 19:2",
"processing":"7:11 14:1 16:1 18:6",
"processing archive":"18:2",
"processing package":"18:3",
"processing tar":"7:11",
"processing triggers":"16:1 18:2",
"processor":"15:1 16:1",
"prod":"4:1 5:1 11:1 14:2 16:3 22:1",
"production":"5:3 14:1 15:9 16:3",
"production build":"5:2 14:1 15:2",
"production npm":"15:1 16:1",
"profile":"5:2 9:1 13:1",
"program":"5:1 7:2 13:1 14:1 15:3 17:1",
"program by":"5:1 14:1 15:1",
"program cc":"15:2",
"program files":"7:1 13:1",
"project":"0:2 1:1 3:1 5:2 7:1 11:1 13:1 14:2 16:23 19:3 20:1",
"project concurrent":"0:1 19:1",
"project could":"16:2",
"project doesn":"16:2",
"project name":"0:1 1:1",
"project py":"7:1 13:1 19:1",
"project use":"16:2",
"projects":"5:2 14:3 16:4 19:1",
"projects to":"5:2 14:3",
"prometheus":"7:1 19:1",
"promethus":"12:2",
"promethus exporter":"12:2",
"promotion":"6:1 15:1",
"promotion failed":"6:1 15:1",
"prompts":"22:3",
"prompts disabled":"22:3",
"properly":"14:7",
"properly respond":"14:3",
"properly see":"14:4",
"properties":"8:1 16:2",
"properties common":"16:2",
"property":"5:2",
"protocol":"14:1 19:1",
"provided":"11:1 14:1 16:4 19:3",
"provided in":"14:1 16:2",
"provided to":"16:2",
"provider":"5:1 16:3",
"provider you":"16:3",
"proxy":"7:1 8:1 11:1 14:14 15:1 17:2 19:1",
"proxy config":"14:4",
"proxy golang":"14:8",
"proxy or":"14:4",
"proxy please":"14:4",
"ps":"0:1 12:1 13:1",
"psutil":"16:2",
"pub":"5:1 6:1",
"public":"6:4 19:1 20:1 21:2",
"public ecr":"19:1 21:1",
"public not":"6:2",
"publish":"5:1 12:1 16:3 18:1 19:2 20:1",
"publish it":"16:2",
"publish marked":"19:1 20:1",
"pull":"0:1 5:1 7:4 11:24 12:1 13:41 14:1 17:9 19:7 20:1 21:30",
"pull access":"11:3 13:31",
"pull and":"11:8 13:2 14:1 17:2",
"pull base":"21:2",
"pull complete":"7:1 17:1",
"pull failed":"11:1 13:1",
"pull ghcr":"11:1 13:3 17:1 19:5",
"pull image":"7:1 11:22 13:5 14:1 17:4",
"pull kindest":"7:1 13:1",
"pull rate":"21:28",
"pull request":"5:1 20:1",
"pulled":"13:1 17:1",
"pulling":"0:2 7:3 8:1 11:14 12:1 13:11 14:3 15:1 17:10 19:9 21:4",
"pulling docker":"0:1 19:1",
"pulling from":"7:2 13:4 14:1 17:6 19:1 21:1",
"pulling image":"0:1 7:1 11:14 13:1 14:3 17:1 19:1 21:2",
"pulling over":"11:8 13:1 17:1",
"punycode":"5:1 14:1",
"punycode module":"5:1 14:1",
"pure":"16:4",
"pure lockfile":"16:4",
"push":"0:3 4:1 6:1 7:1 10:1 12:1 14:1 16:1 19:21 20:17",
"push docker":"4:1 19:1 20:1",
"push error":"7:1 12:1",
"push ghcr":"19:7",
"push platform":"0:1 20:1",
"push quay":"7:1 19:1",
"push refers":"6:1 7:1 14:1 19:10 20:12",
"pushed":"20:4",
"pushing":"4:1 6:1 12:2 14:1 19:11 20:12 21:1",
"pushing ghcr":"19:1 20:1",
"pushing layers":"19:7 20:4",
"pushing manifest":"20:2",
"pushing mb":"19:1 20:2",
"pushing to":"12:2 19:1 20:1",
"put":"2:3 20:2",
"put request":"2:3 20:1",
"py":"6:5 7:2 13:3 14:2 16:17 18:1 19:2 21:1",
"py egg":"16:2",
"py file":"6:1 16:1",
"py line":"7:2 13:1 14:2 16:2 18:1 19:2",
"py none":"16:6",
"py not":"6:3",
"py py":"16:2",
"py somepackage":"16:2",
"pypa":"16:3 18:1",
"pypa io":"16:3",
"pypi":"14:5 16:3",
"pypi doubanio":"16:2",
"pypi simple":"14:1 16:1",
"pypi tuna":"14:2",
"pyproject":"16:5",
"pyproject toml":"16:5",
"python":"0:1 5:3 7:1 9:1 12:1 13:2 14:16 16:49 17:2 18:1 19:3 21:1",
"python alpine":"0:1 9:1",
"python and":"16:3",
"python application":"16:3",
"python dev":"14:1 16:5",
"python dist":"16:2",
"python full":"16:3",
"python http":"14:2",
"python installation":"16:5",
"python make":"16:4",
"python manifests":"14:3 21:1",
"python no":"5:1 14:1 16:4",
"python package":"16:3",
"python packages":"16:3",
"python pip":"14:2 16:10",
"python python":"16:3",
"python readme":"16:3",
"python requires":"16:3",
"python setup":"16:2",
"python site":"7:1 14:2 18:1",
"python slim":"13:1 14:6 17:1 21:1",
"python socket":"14:2",
"python venv":"14:1 16:6",
"python version":"16:4",
"python xyz":"16:3",
"pythonhosted":"15:1 16:3",
"pythonhosted org":"15:1 16:3",
"pytorch":"5:1 14:1 15:1 16:1",
"pytorch org":"14:1 15:1 16:1",
"qemu":"16:1 17:2 18:19",
"qemu could":"17:1 18:1",
"qemu emulator":"18:9",
"qemu uncaught":"18:9",
"qq":"14:1 15:1 16:3",
"qq apache":"15:1 16:1",
"qq apt":"14:1 16:1",
"qq install":"16:2",
"qq update":"16:2",
"quay":"7:1 11:2 17:2 18:1 19:1 20:1",
"quay io":"7:1 11:2 17:2 18:1 19:1 20:1",
"query":"3:1 5:1 14:1 19:1",
"question":"16:2",
"question is":"16:2",
"queue":"14:1 19:1 22:1",
"quiet":"15:3 16:1 21:1",
"rabbitmq":"7:1 13:1",
"ragflow":"13:1 14:1 17:1",
"rails":"15:2",
"raise":"14:1 19:1",
"range":"0:1 3:1",
"rate":"7:1 21:30",
"rate limit":"21:29",
"rb":"16:2",
"rbind":"0:2",
"rbind ro":"0:2",
"rc":"5:1 8:1 11:1 12:1 13:1 16:3",
"re":"5:5 8:1 11:1 16:4 17:1",
"re run":"5:1 16:1",
"re running":"5:3 17:1",
"reached":"2:1 15:7 21:28",
"reached heap":"15:7",
"reached your":"21:28",
"react":"6:1 14:2 15:1 16:7",
"react dom":"14:1 16:1",
"react failed":"14:1 16:1",
"read":"0:2 1:1 2:2 3:3 5:3 8:34 14:18 16:3 18:1 22:8",
"read amt":"14:2",
"read connection":"3:2 14:4",
"read dockerfile":"0:2 8:34",
"read from":"16:1 22:4",
"read none":"14:3",
"read tcp":"2:1 3:2 14:3",
"read the":"5:1 16:1",
"read timed":"14:2",
"read udp":"14:5",
"read username":"22:4",
"reading":"0:1 1:19 14:4 16:29",
"reading from":"1:19",
"reading package":"14:4 16:27",
"reading state":"14:2 16:19",
"readinto":"14:2",
"readme":"5:1 15:1 16:4",
"readme md":"5:1 16:1",
"readme venv":"16:3",
"ready":"11:5",
"ready status":"11:5",
"reason":"6:1 11:3 13:1 14:9 16:1",
"reason age":"11:3 13:1",
"reason getaddrinfo":"14:6",
"receive":"1:15 23:1",
"receive status":"1:15 23:1",
"received":"0:1 1:2 2:1 14:4 16:1 17:1 20:10",
"received file":"14:2",
"received prior":"1:2",
"received unexpected":"14:2 20:9",
"received xferd":"16:1 17:1",
"recent":"5:1 7:2 13:1 14:1 16:5 19:2",
"recent call":"5:1 7:2 13:1 14:1 16:5 19:2",
"recipe":"0:1 5:4 6:2 7:1 8:1 14:1 16:1 21:1",
"recipe for":"0:1 5:1 6:1 7:1 8:1 14:1 16:1 21:1",
"recipe rs":"5:2",
"recommends":"5:1 14:2 16:4 17:1 18:2",
"recommends build":"14:1 17:1",
"recommends libpng":"5:1 16:1",
"record":"3:1 16:1",
"recorded":"16:2",
"recorded in":"16:2",
"recv":"14:2 17:1",
"recv into":"14:2",
"redacted":"2:1 14:1 19:1",
"redirect":"14:3",
"redirect none":"14:3",
"redis":"7:1 8:1 12:1 13:1 14:1 19:1",
"reduce":"5:1 15:3",
"reduce mb":"15:2",
"ref":"0:1 2:11 3:1 6:36 16:1 19:1 20:3",
"ref ac":"6:2",
"ref ca":"6:2",
"ref de":"6:2",
"ref layer":"2:1 20:1",
"ref moby":"6:3",
"ref sha":"2:8",
"reference":"1:1 2:4 3:3 5:7 6:3 9:2 11:6 12:31 13:2 14:1 19:2",
"reference docker":"11:2 12:2 13:1",
"reference format":"2:1 3:3 9:2 12:29",
"reference ghcr":"11:4 14:1",
"reference to":"5:3",
"referencing":"16:2",
"referencing pnpm":"16:2",
"referred":"14:1 16:7",
"referred to":"14:1 16:7",
"refers":"6:1 7:1 14:1 19:10 20:12",
"refers to":"6:1 7:1 14:1 19:10 20:12",
"refs":"12:1 18:1 22:1",
"refs tags":"12:1 22:1",
"refused":"0:1 3:1 14:2",
"regarding":"5:1 14:1 15:1",
"regarding usage":"5:1 14:1 15:1",
"register":"5:1 6:1 7:10 17:1",
"register layer":"7:10",
"registry":"0:2 2:1 3:4 5:5 7:1 12:2 14:40 15:2 16:6 17:2 18:1 19:18 20:6 21:9",
"registry blobs":"14:1 20:1",
"registry cache":"2:1 3:3",
"registry docker":"14:23 19:8 20:1 21:9",
"registry endpoint":"14:2",
"registry gitlab":"0:1 3:1 19:2 20:1",
"registry npm":"16:1 17:1",
"registry npmjs":"7:1 14:11 15:1 16:5",
"registry ref":"0:1 16:1",
"registry src":"5:5",
"registry unauthorized":"19:2",
"registry with":"20:2",
"registry yarnpkg":"14:2",
"regularly":"15:2",
"related":"14:4",
"related to":"14:4",
"relativepath":"14:2",
"relativepath points":"14:2",
"relay":"5:1 13:1 19:1",
"release":"0:1 5:15 6:2 7:1 14:6 15:4 16:22 18:6",
"release app":"5:1 16:1 18:1",
"release deps":"7:1 15:1",
"release does":"16:13",
"release file":"16:17",
"release from":"14:2",
"release gpg":"14:3 16:1",
"release help":"5:2",
"releases":"14:3 15:1 16:6",
"releases download":"14:2 16:2",
"releases tag":"16:4",
"remote":"0:1 1:2 14:2 16:1 22:8",
"remote containers":"1:2",
"remote https":"22:2",
"remote remote":"1:2",
"remote repository":"16:1 22:4",
"remote ssh":"16:1 22:1",
"remove":"0:1 6:1 13:1 16:4",
"remove and":"16:2",
"removing":"14:3 15:1 16:2 19:1",
"removing intermediate":"14:3 15:1 16:2",
"rendering":"15:1 16:1",
"replace":"16:4",
"replace it":"16:2",
"replaced":"14:1 16:1 22:1",
"repo":"6:1 12:2 14:3 16:5",
"repo appstream":"16:2",
"repo maven":"14:2 16:1",
"repodata":"15:1 16:1",
"repodata json":"15:1 16:1",
"report":"14:3 16:4",
"report this":"14:2",
"report txt":"16:2",
"report with":"14:1 16:2",
"reported":"7:1 14:2",
"reportoomfailure":"15:3",
"reportoomfailure internal":"15:3",
"repositories":"16:3",
"repository":"0:2 3:1 6:1 7:1 8:1 9:2 11:6 12:25 13:30 14:7 16:18 19:16 20:14 22:6",
"repository alibrary":"14:5 19:2",
"repository docker":"19:4 20:2",
"repository does":"11:3 13:30",
"repository exists":"16:1 22:4",
"repository ghcr":"19:3",
"repository http":"16:13",
"repository in":"0:1 22:1",
"repository name":"3:1 9:1 12:24",
"repository tag":"9:1 12:2",
"repository will":"16:3",
"repository with":"20:2",
"req":"16:2",
"request":"2:8 3:1 4:1 5:1 11:5 14:33 15:1 16:1 19:9 20:15 21:2",
"request canceled":"14:2",
"request entity":"20:10",
"request failed":"14:2",
"request for":"4:1 14:1",
"request get":"14:1 15:1",
"request head":"3:1 11:1 14:17 20:1",
"request post":"20:2",
"request to":"2:3 11:3 14:9 19:9 20:2 21:2",
"requested":"11:2 13:10 15:1 16:5 17:1 18:1 19:14",
"requested access":"11:2 13:10 19:12",
"requested an":"16:2",
"requested image":"17:1 18:1",
"requested resource":"19:2",
"requests":"16:1 21:12",
"requests server":"21:8",
"require":"5:4 11:3 13:30 14:1 16:9",
"require authorization":"13:13",
"require dev":"16:3",
"require different":"16:3",
"require docker":"11:3 13:17",
"require the":"5:2",
"required":"5:2 9:1 11:1 14:12 15:1 16:13 19:2 22:1",
"required by":"14:12 16:7",
"required node":"16:3",
"required packages":"16:2",
"requirement":"14:2 16:29",
"requirement install":"16:4",
"requirements":"5:2 6:12 7:2 14:3 15:6 16:31 18:1",
"requirements could":"16:4",
"requirements txt":"6:11 7:2 14:3 15:6 16:23 18:1",
"requires":"0:3 1:1 3:2 5:33 7:1 8:2 14:1 16:14 19:1",
"requires buildx":"0:2",
"requires exactly":"8:2",
"requires go":"5:23",
"requires php":"16:6",
"requires python":"16:3",
"requires rustc":"5:7 16:1",
"reserve":"2:2",
"reserve cache":"2:2",
"reset":"14:3 17:1",
"reset by":"14:3",
"resolution":"14:5 16:5",
"resolution simple":"14:2",
"resolvable":"14:2",
"resolvable parent":"14:2",
"resolve":"5:1 11:6 13:8 14:24 16:21 17:12 19:7 21:4",
"resolve dependency":"16:13",
"resolve host":"14:6 16:1",
"resolve httpredir":"14:2",
"resolve image":"14:1 19:2",
"resolve reference":"11:6 13:2 14:1",
"resolve security":"14:2",
"resolve source":"13:6 14:14 17:12 19:3 21:4",
"resolve the":"16:2",
"resolved":"14:1 16:11",
"resolved to":"16:5",
"resolving":"14:13 16:19",
"resolving angular":"16:2",
"resolving deb":"14:8",
"resolving eslint":"16:3",
"resolving packages":"14:2 16:3",
"resolving security":"14:7",
"resource":"2:1 3:1 5:1 11:2 13:10 19:14",
"resource is":"11:2 13:10 19:14",
"resources":"15:1 16:1",
"respond":"14:3",
"respond after":"14:3",
"response":"0:2 2:5 3:2 5:1 6:1 7:5 9:14 11:12 13:14 14:5 17:4 19:14 20:3 21:11 22:1",
"response body":"2:1 19:1 20:2",
"response error":"2:1 3:1 7:1",
"response from":"0:2 5:1 7:4 9:14 11:12 13:14 14:3 17:4 19:13 21:11",
"response py":"14:2",
"response status":"6:1 22:1",
"response the":"2:1 3:1",
"restarts":"11:5",
"restarts age":"11:5",
"restore":"5:4 14:3 16:2",
"restore src":"14:3",
"retries":"13:1 14:1",
"retrieve":"16:1 22:1",
"retry":"6:1 8:1 13:1 14:8 15:3 16:6 17:1 19:1 21:4",
"retry last":"15:2",
"retry total":"14:3",
"retrying":"7:1 13:1 14:9 15:1 20:5",
"retrying in":"20:5",
"retrying retry":"14:3",
"return":"5:1 8:1 13:1 14:2",
"return code":"8:1 13:1",
"return self":"14:2",
"returned":"0:2 5:4 6:1 8:1 13:1 15:2 18:5 19:2",
"returned an":"18:4",
"returned error":"18:3 19:1",
"returned non":"5:1 19:1",
"rf":"5:1 6:1 14:4 15:4 16:14 17:3 18:2",
"rf node":"16:1 17:1",
"rf tmp":"15:1 16:2",
"rf var":"14:4 16:10 17:2 18:2",
"rights":"16:2 22:4",
"risk":"15:1 16:3",
"risk of":"16:3",
"rm":"0:3 5:2 6:2 12:1 13:1 14:7 15:5 16:16 17:5 18:2 19:1 22:1",
"rm rf":"5:1 14:4 15:4 16:14 17:3 18:2",
"rm tmp":"14:1 15:1 16:1",
"ro":"0:2",
"ro operation":"0:2",
"roadmap":"5:1 14:1 15:1",
"roadmap and":"5:1 14:1 15:1",
"rocm":"13:3",
"rocm gpu":"13:2",
"root":"0:1 5:1 7:4 8:4 12:1 13:1 14:8 15:4 16:30 17:2 18:3 20:1 22:1",
"root composer":"16:2",
"root for":"16:2",
"root npm":"7:1 14:7 15:4 16:9 18:1 22:1",
"root project":"16:15",
"root root":"16:1 18:1",
"root super":"16:2",
"root vm":"0:1 8:1",
"rootfs":"6:1 14:1 15:1",
"ros":"14:1 16:3 17:1",
"ros humble":"16:1 17:1",
"rosdep":"16:4",
"rosdep install":"16:3",
"rosdep keys":"16:3",
"rpc":"0:4 1:17 2:3 5:1 6:1 7:1 8:7 9:3 10:2 11:20 13:4 14:7 15:2 17:5 18:3 19:13 20:2 21:2 23:1",
"rpc error":"0:4 1:17 2:3 5:1 6:1 7:1 8:7 9:3 10:2 11:20 13:4 14:7 15:2 17:5 18:3 19:13 20:2 21:2 23:1",
"rs":"2:1 5:6 15:1 16:1",
"rsync":"16:2",
"ruby":"3:1 14:1 16:9",
"ruby version":"16:6",
"rubygems":"14:1 16:2",
"rubygems org":"14:1 16:1",
"rule":"5:2",
"rule to":"5:2",
"run an":"16:7",
"run apk":"7:1 14:1 16:4",
"run apt":"14:2 16:9 18:1",
"run aws":"19:3",
"run build":"5:4 14:1 15:4 16:5 18:1",
"run buildkit":"0:1 22:1",
"run can":"14:7 15:4 16:9 22:1",
"run cargo":"5:2",
"run cd":"5:1 16:1",
"run composer":"16:4",
"run conda":"15:1 16:1",
"run docker":"0:8 1:1 6:1 8:1 10:1 19:4 21:2 22:1",
"run dotnet":"14:1 16:1",
"run for":"14:1 16:1",
"run go":"5:4 16:1",
"run help":"0:1 7:2 12:1 13:1 14:2 17:1 19:1 21:1",
"run maven":"5:1 16:1",
"run mkdir":"14:2",
"run mount":"16:2 18:1 22:1",
"run npm":"5:2 14:2 15:1 16:7",
"run on":"0:1 17:1",
"run opt":"16:1 17:1",
"run pip":"14:2 16:9",
"run pnpm":"16:6",
"run rm":"12:1 17:1 19:1",
"run scripts":"16:2",
"run secrets":"22:3",
"run sh":"17:1 18:1",
"run this":"16:2 17:1",
"run uv":"16:3",
"run with":"2:1 5:3 16:2",
"run yarn":"14:1 15:1",
"runc":"0:2 16:1 22:1",
"runc native":"0:2",
"runit":"16:2",
"runner":"0:3 3:1 7:3 8:1 10:1 15:1 16:1 17:1 19:3",
"runner runners":"7:2",
"runner work":"0:1 3:1 8:1 10:1 15:1 16:1 17:1",
"runners":"7:2",
"runners diag":"7:2",
"running":"0:16 4:1 5:26 6:2 7:2 11:1 13:2 14:4 16:12 17:5 18:2 19:6 20:1 21:1 22:1",
"running bin":"14:1 19:1",
"running build":"19:1 22:1",
"running cargo":"5:2",
"running command":"6:1 20:1 21:1",
"running dev":"18:2",
"running go":"5:21",
"running in":"5:1 7:2 14:2 16:6 17:1",
"running on":"0:2 4:1 19:1",
"running plugin":"0:1 19:1",
"running with":"0:1 19:1",
"runs":"0:1 3:1 8:1 14:1 16:1 21:1",
"runs job":"0:1 8:1 21:1",
"runs jobs":"14:1 16:1",
"runtime":"0:2 5:4 7:1 13:1 14:1 15:1 16:1 18:2",
"runtime cgo":"5:2",
"rust":"2:1 5:8 14:1 16:1 18:1 19:1",
"rust backtrace":"2:1 5:3",
"rust lang":"5:2 18:1",
"rustc":"5:9 15:1 16:1",
"rustc is":"5:3",
"rustc or":"5:6 16:1",
"rustc version":"5:2 16:1",
"rustflags":"5:1 16:1",
"sandbox":"11:1 16:1",
"satisfies":"14:3 16:20",
"satisfies the":"14:2 16:19",
"satisfy":"16:6",
"satisfy that":"16:6",
"sbin":"18:3",
"sbin dpkg":"18:2",
"scan":"5:1 8:1 14:1 15:1",
"scan go":"5:1 14:1",
"scavenge":"15:3",
"scavenge might":"15:2",
"scheduled":"11:4 13:1 17:1",
"scheduled default":"11:4 13:1",
"scheduler":"6:1 11:4 13:1 17:1",
"scheduler successfully":"11:4 13:1 17:1",
"scipy":"16:2",
"scope":"11:2 13:13 14:5 16:4 19:7",
"scope all":"16:4",
"scope authorization":"13:13 19:2",
"scope repository":"11:2 14:5 19:4",
"scopes":"19:2",
"script":"0:1 5:4 6:1 13:1 15:5 16:5 17:1 18:1 19:2",
"script build":"5:2 15:1",
"script docker":"13:1 19:1",
"script returned":"0:1 6:1",
"scripts":"6:2 15:1 16:3 17:2 18:1 19:1",
"scripts docker":"17:1 19:1",
"scripts no":"6:2",
"sda":"6:1 7:1",
"sda var":"6:1 7:1",
"sdk":"4:1 5:3 7:1 13:1 15:1 17:1",
"sdk does":"5:3",
"sdk sdks":"5:3",
"sdk targets":"5:3",
"sdk that":"5:3",
"sdks":"5:3",
"sdks microsoft":"5:3",
"se":"3:1 8:1",
"sec":"6:1 14:3",
"second":"20:4",
"seconds":"6:1 8:1 13:1 14:2 16:2 19:1 20:3 21:3",
"seconds before":"6:1 8:1 13:1 14:2 16:1 19:1 21:3",
"secret":"15:1 19:1 22:3",
"secret key":"15:1 19:1",
"secrets":"22:4",
"security":"14:12 16:19",
"security buster":"14:1 16:8",
"security debian":"14:8 16:9",
"security dists":"14:5 16:4",
"security inrelease":"14:3 16:3",
"security main":"16:2",
"security stretch":"16:3",
"security ubuntu":"14:1 16:2",
"sed":"14:1 16:1",
"see":"0:6 2:1 4:1 5:6 7:2 8:1 12:10 13:1 14:6 16:13 17:2 19:1 21:2 22:1",
"see docker":"0:5 7:1 8:1 12:10 14:2 17:1 19:1 21:1",
"see https":"0:1 2:1 4:1 5:2 16:3 17:1 21:1 22:1",
"see npm":"14:4",
"see pep":"16:4",
"see the":"5:2 16:1",
"see usr":"16:3",
"segmentation":"18:11",
"segmentation fault":"18:10",
"select":"5:5 14:9 16:9",
"select compatible":"5:4",
"select packages":"14:9 16:8",
"self":"0:1 5:1 13:1 14:4",
"self fp":"14:2",
"self sock":"14:2",
"sending":"0:1 2:1 7:1 9:2 12:1 14:1 20:1 21:2",
"sending build":"0:1 7:1 9:2 12:1 21:2",
"sentry":"13:2",
"server":"0:2 1:19 2:1 5:6 6:4 7:1 8:1 11:1 12:1 13:16 14:6 15:2 16:7 17:2 19:5 20:10 21:10 22:1",
"server api":"5:1 14:1",
"server bin":"16:1 17:1",
"server build":"5:1 6:1",
"server docker":"5:2 13:1",
"server eof":"1:17",
"server error":"12:1 14:3 20:10 21:2",
"server failed":"5:1 6:1 8:1 14:1 15:2 16:3",
"server go":"5:1 19:1",
"server main":"5:1 13:1",
"server message":"13:13 19:2 21:8",
"service api":"15:2 16:1",
"service app":"5:1 6:1 7:1 8:1 14:1 15:1 16:3",
"service asap":"2:3",
"service backend":"9:2 14:1 16:2",
"service build":"15:2",
"service code":"0:1 22:1",
"service compreface":"13:2",
"service db":"9:1 13:1",
"service docker":"19:2",
"service frontend":"6:2 13:1 14:1 15:1",
"service ghcr":"11:2",
"service index":"14:3",
"service invidious":"5:1 15:1",
"service is":"2:3",
"service kafka":"6:1 14:1",
"service nginx":"6:1 9:1 15:1 16:2",
"service php":"5:1 16:9",
"service py":"7:1 13:1 19:1",
"service registry":"14:5 19:4",
"service server":"5:1 6:1 15:1 16:2",
"service sidekiq":"15:2 16:2",
"service superset":"14:1 16:1",
"service test":"6:1 16:1",
"service web":"0:1 6:4 9:2 13:2 14:3 15:7 16:13",
"service webserver":"6:2 8:1",
"service webui":"14:1 16:1",
"services":"2:2 3:1 5:1 6:1 11:1 19:2 22:1",
"session":"0:1 16:1 18:1 23:2",
"session for":"23:2",
"set":"0:2 5:3 9:1 14:5 16:13 17:1 18:1 19:2 22:1",
"set ex":"16:1 18:1",
"set of":"16:7",
"set properly":"14:4",
"set the":"5:2 16:1",
"set to":"0:2",
"setting":"16:6 18:3 19:1",
"setting is":"16:2",
"setting package":"16:2",
"setting up":"16:2 18:3 19:1",
"settings":"5:1 14:4 19:1",
"setup":"0:1 5:2 11:1 15:1 16:10 19:2 21:1",
"setup bash":"16:3",
"setup buildx":"19:1 21:1",
"setup php":"16:2",
"setup py":"16:3",
"setuptools":"16:5",
"setuptools poetry":"16:2",
"sh":"0:3 5:3 6:7 13:2 14:3 15:4 16:22 17:9 18:14 19:1 20:1 21:1",
"sh bash":"14:1 16:1 17:1",
"sh exec":"17:4 18:9",
"sh line":"0:1 15:1",
"sh no":"6:6 18:1",
"sh npm":"16:4",
"sh poetry":"16:4",
"sh tmp":"14:1 16:1",
"sh usr":"14:1 16:1",
"sh vite":"15:2",
"sha":"0:2 1:1 2:16 3:1 6:1 7:2 11:2 12:1 13:1 14:3 16:7 17:7 18:1 19:4 20:10 21:8 23:1",
"sha ab":"1:1 2:3 16:1 17:1 19:1",
"sha ac":"14:1 23:1",
"sha ba":"2:1 17:1 20:1",
"sha bb":"2:1 20:1",
"sha db":"11:1 20:1",
"sha de":"17:1 20:1",
"sha fa":"2:1 12:1 17:1",
"sha fb":"2:2",
"sha ffd":"2:1 17:1",
"sha redacted":"2:1 19:1",
"sha sum":"16:2",
"shape":"5:1 14:1 15:1",
"shape next":"5:1 14:1 15:1",
"share":"0:1 5:5 6:1 7:3 14:1 15:1 16:11",
"share cmake":"5:2",
"share doc":"7:1 16:3",
"share dotnet":"5:3",
"share tutor":"0:1 16:1",
"share zoneinfo":"16:2",
"shell":"0:1 7:1 14:1 16:2",
"shell marked":"0:1 14:1 16:1",
"should":"11:1 12:6 15:2 16:12",
"should be":"11:1 16:6",
"should bug":"16:2",
"should consider":"16:4",
"should do":"15:2",
"should not":"12:6",
"show":"5:1 14:1 22:1",
"show where":"5:1 14:1",
"shrinkwrap":"16:10",
"shrinkwrap json":"16:10",
"shutting":"2:3",
"shutting down":"2:3",
"sidekiq":"15:2 16:2",
"sidekiq failed":"15:2 16:1",
"sig":"3:1 16:1",
"sigabrt":"15:2",
"sigkill":"15:2",
"signal":"1:1 5:2 15:9 18:9",
"signal killed":"15:3",
"signal null":"1:1 5:1",
"signal segmentation":"18:7",
"signal sigabrt":"15:2",
"signal sigkill":"15:2",
"signal terminated":"15:2",
"signature":"14:2 16:3",
"signature null":"16:3",
"signatures":"16:3",
"signatures keys":"16:3",
"signed":"14:2 20:1 21:1",
"signed by":"14:1 20:1",
"sigsegv":"18:2",
"silvenia":"2:2",
"silvenia dev":"2:2",
"simple":"0:1 8:1 14:6 16:3 19:1",
"simple flask":"14:2",
"simple python":"0:1 19:1",
"simple trusted":"16:2",
"since":"4:1 16:1 18:1",
"single":"14:1 16:1",
"sirius":"5:1 14:1",
"site":"5:1 7:3 14:2 18:1 19:1",
"site packages":"7:3 14:2 18:1 19:1",
"situation":"16:2",
"situation or":"16:2",
"size":"3:1 5:2 15:1",
"skip":"5:1 16:1",
"skipped":"16:1 20:2",
"skipped foreign":"20:2",
"skipping":"0:1 5:1 7:1 11:1 14:1 19:2",
"skipping git":"0:1 19:1",
"sl":"5:1 14:1 16:2",
"sl https":"5:1 14:1 16:2",
"slave":"6:1 7:1",
"slim":"7:1 13:1 14:7 17:1 19:1 21:3",
"slim bookworm":"14:2 19:1",
"slim buster":"14:2",
"slim failed":"14:3 17:1",
"snapshot":"6:1 11:1 16:1 20:1",
"snapshots":"0:2 22:1",
"snapshots options":"0:2",
"snapshots snapshots":"0:2 22:1",
"so":"5:1 6:1 7:6 16:3 17:2 18:1",
"so no":"7:6 17:1 18:1",
"so that":"16:2",
"sock":"0:10 14:2 19:1 22:2",
"sock build":"0:2",
"sock connect":"0:2",
"sock is":"0:5",
"sock no":"0:2 22:1",
"sock recv":"14:2",
"socket":"0:1 14:4",
"socket py":"14:2",
"software":"5:1 16:2 18:1",
"software properties":"16:2",
"solutions":"5:1 16:1",
"solutions please":"5:1 16:1",
"solve":"0:1 2:1 9:1 15:1 19:3 23:1",
"solve with":"9:1 19:2 23:1",
"solving":"15:2 16:1",
"solving environment":"15:2 16:1",
"some":"14:7 16:10 17:1 23:1",
"some archives":"14:1 16:3",
"some index":"14:5 16:4",
"some packages":"16:2",
"some required":"16:2",
"somepackage":"16:2",
"somepackage please":"16:2",
"sorry":"16:1 17:1",
"source":"0:2 5:2 6:7 7:1 8:2 9:2 13:7 14:24 15:2 16:10 17:12 19:3 21:4 22:3",
"source error":"6:1 14:1",
"source files":"5:1 6:5",
"source https":"14:3 22:2",
"source metadata":"13:6 14:14 17:12 19:3 21:4",
"source var":"0:2",
"sources":"13:1 16:3",
"sourcing":"16:1 19:1",
"sp":"3:1 18:1",
"space":"5:1 7:44 15:2 16:2",
"space left":"7:44",
"space size":"5:1 15:1",
"space will":"16:2",
"spec":"1:1 16:1",
"specification":"16:4",
"specified":"2:2 3:1 6:5 8:6 16:5",
"specified dockerfile":"8:5",
"specifier":"0:2",
"specifier component":"0:2",
"specify":"0:2 16:1",
"specify the":"0:1 16:1",
"speed":"16:1 17:1",
"speed time":"16:1 17:1",
"spent":"16:1 17:1",
"spent left":"16:1 17:1",
"spf":"5:1 18:1",
"spf pflag":"5:1 18:1",
"spf viper":"5:1 18:1",
"split":"18:2",
"split no":"18:2",
"spring":"13:1 14:2",
"spring boot":"14:2",
"springframework":"14:2",
"springframework boot":"14:2",
"sql":"6:1 16:1",
"sqlite":"5:3 14:1 16:2",
"sqlite curl":"14:1 16:1",
"src":"0:2 2:1 5:24 6:7 7:2 8:2 10:1 14:4 15:4 16:7 17:1 18:2 21:2",
"src app":"5:2 16:2 21:1",
"src build":"2:1 5:1",
"src cargo":"5:2",
"src core":"5:1 6:1",
"src file":"6:2",
"src github":"5:3 7:1 8:1 14:1 21:1",
"src ignore":"16:2",
"src index":"5:4",
"src invidious":"5:1 15:1",
"src lib":"5:2",
"src mymicroservice":"5:1 14:2",
"src not":"6:2",
"src recipe":"5:2",
"src run":"0:1 17:1",
"ss":"6:1 16:2",
"ss https":"16:2",
"ssh":"0:1 16:2 19:1 22:7",
"ssh agent":"19:1 22:2",
"ssh git":"16:1 22:1",
"sshd":"5:1 16:1",
"ssl":"5:3 7:1 14:2 16:3",
"ssl https":"16:3",
"st":"15:1 19:1 21:1",
"stable":"0:1 12:1 14:2 16:3 19:1 21:1",
"stable done":"0:1 14:2 21:1",
"stack":"0:1 5:5 6:2 8:1 15:3 16:1 19:1",
"stack trace":"5:1 15:3 16:1",
"stacks":"8:1 16:3",
"stacks could":"16:3",
"stacktrace":"15:5",
"stage":"1:2 6:2 9:1 10:1 12:2 13:6 14:1 16:2 17:1 18:1",
"stage build":"1:2",
"stage cache":"10:1 13:1",
"stage copy":"6:2",
"stage development":"13:2",
"stage label":"1:2 10:1",
"stage name":"9:1 12:2",
"stage run":"16:2 17:1",
"staging":"0:1 13:1 19:1",
"standalone":"6:1 13:1",
"standard":"5:2 17:11 18:8",
"standard init":"17:11 18:8",
"start":"0:1 5:1 6:1 8:2 10:1 13:1 14:1 15:1 16:2 17:2 18:1",
"start build":"13:1 16:1",
"started":"12:1 16:2 17:1",
"starter":"12:1 14:2",
"starter parent":"14:2",
"starting":"0:1 15:2 19:2",
"starting type":"15:2",
"stat":"6:44 7:1 22:3",
"stat app":"6:3",
"stat var":"6:32",
"state":"3:1 6:1 14:2 16:19 19:1 20:3",
"state failed":"6:1 19:1 20:1",
"state information":"14:2 16:19",
"static":"5:6 15:3 17:1",
"static warnings":"5:1 15:1",
"status":"1:15 2:11 3:1 5:4 6:2 7:1 8:1 11:8 13:2 14:5 16:8 17:1 18:1 19:27 20:17 21:10 22:1 23:1",
"status authorization":"19:2",
"status bad":"2:4 20:2",
"status code":"5:2 6:1 19:2 21:8 22:1",
"status downloaded":"8:1 13:1 17:1 18:1",
"status error":"16:3",
"status forbidden":"19:7",
"status from":"2:3 11:3 19:9 20:2 21:2",
"status internal":"14:2 20:8",
"status none":"14:3",
"status not":"2:1 20:1",
"status of":"2:2 5:1",
"status request":"20:4",
"status restarts":"11:5",
"status rpc":"1:15 23:1",
"status unauthorized":"2:1 19:6",
"status when":"16:1 20:1",
"statuscode":"2:1 3:1 20:1",
"stderr":"0:1 2:1 5:2 7:2 8:1 16:1 21:1 22:1",
"stderr error":"2:1 21:1",
"stderr lines":"8:1 21:1",
"stderr write":"7:1 16:1",
"stdin":"0:1 1:1",
"stdio":"0:2",
"stdlib":"5:1 16:1",
"stdout":"5:2 7:2 8:1",
"stdout stderr":"7:2",
"step":"0:3 3:1 5:2 6:3 8:1 12:1 14:3 16:8 19:1 20:1 21:2",
"step arg":"0:1 12:1 14:1 21:1",
"step copy":"6:3",
"step docker":"6:1 19:1 20:1",
"step error":"0:1 16:1",
"step execute":"0:1 14:1 16:1",
"step exited":"5:1 16:1",
"step from":"0:1 12:1 14:1 21:1",
"step gcr":"5:1 16:1",
"step run":"5:1 14:1 16:4",
"stop":"0:1 1:3 5:3",
"store":"2:5 5:1 10:7 16:1 19:1",
"store and":"2:4 10:7",
"str":"5:3 13:1",
"stream":"6:1 14:2 16:1 23:1",
"stream error":"6:1 14:2",
"stream id":"14:2",
"stretch":"14:1 16:4",
"stretch main":"16:3",
"stretch release":"16:4",
"stretch updates":"14:1 16:4",
"stretchr":"5:1 14:1",
"stretchr testify":"5:1 14:1",
"strict":"5:1 16:2",
"string":"2:2 5:1 7:1 16:2 18:1",
"string is":"5:1 16:1",
"stringify":"16:3",
"stringify signatures":"16:3",
"sub":"18:4",
"sub process":"18:4",
"submodules":"0:1 19:1",
"submodules setup":"0:1 19:1",
"subprocess":"13:1 16:2 18:3 19:1",
"subprocess exited":"16:2",
"subprocess returned":"18:3",
"succeed":"15:2",
"succeeded":"11:1 20:1",
"success":"16:1 22:1",
"successfully":"0:1 5:4 6:1 7:1 11:4 13:2 15:1 16:5 17:1 19:2 20:1",
"successfully assigned":"11:4 13:1 17:1",
"successfully built":"13:1 19:1",
"successfully created":"0:1 7:1",
"successfully docker":"6:1 19:1 20:1",
"successfully installed":"16:3",
"such":"0:6 2:1 3:1 5:7 6:44 8:43 14:13 15:1 16:9 17:1 18:7 22:7 23:1",
"such file":"0:3 2:1 3:1 5:7 6:44 8:43 15:1 16:3 17:1 18:7 22:6",
"such host":"0:3 14:4",
"such package":"14:9 16:4",
"sudo":"5:1 8:2 14:2 16:6 17:2 18:2 20:1",
"sudo apt":"16:2 18:1",
"sudo docker":"8:2 20:1",
"sudo rm":"16:2",
"sum":"5:1 6:1 14:2 16:3",
"sum mismatch":"14:2",
"sum warning":"16:2",
"summary":"1:1 2:3 3:1 6:3 12:2 19:2",
"summary support":"1:1 2:3 6:3 12:2 19:2",
"sunset":"2:3",
"super":"16:2",
"super user":"16:2",
"superset":"14:1 16:1",
"superset failed":"14:1 16:1",
"supervisor":"5:1 13:1 14:2 16:1 17:1",
"supervisor docker":"13:1 14:1 16:1 17:1",
"supervisord":"5:1 6:1",
"support":"1:1 2:3 5:4 6:3 10:10 12:2 14:2 16:2 19:2",
"support exporting":"10:10",
"support request":"14:2 16:1",
"support targeting":"5:3",
"supported":"0:1 2:11 5:3 10:14 16:2",
"supported by":"5:3",
"supported for":"0:1 2:11 10:14",
"supporting":"5:5",
"supporting rustc":"5:5",
"supports":"5:3 16:1",
"supports net":"5:3",
"sure":"0:1 5:1 14:4 15:1 16:5 22:4",
"sure that":"14:4 15:1",
"sure you":"5:1 16:5 22:4",
"sw":"11:1 15:1",
"switch":"0:2 2:10 5:2 10:11 16:1",
"switch to":"0:2 2:10 5:2 10:11 16:1",
"symbol":"5:3",
"symfony":"6:1 16:2",
"symlinks":"8:11",
"symlinks in":"8:11",
"sync":"14:1 16:5 22:1",
"sync locked":"16:2",
"sync please":"16:3",
"syncworker":"13:2 14:1 16:1 17:1",
"syncworker supervisor":"13:1 14:1 16:1 17:1",
"syntax":"5:2 7:1 16:1",
"sys":"0:1 5:1 6:1 14:1 16:3 18:1",
"syscall":"5:1 14:4 18:1",
"syscall getaddrinfo":"14:2",
"system":"0:3 5:2 7:5 8:1 11:1 12:1 14:1 15:1 16:11 17:3",
"system dependencies":"16:2",
"system error":"17:2",
"system io":"7:5",
"system packages":"16:3",
"system wide":"16:6",
"tag":"0:1 2:1 3:1 6:1 9:1 11:1 12:25 13:2 15:1 16:5 17:3 19:2",
"tag docker":"0:1 12:1",
"tag flag":"12:11",
"tag ghcr":"12:6",
"tag invalid":"9:1 12:1",
"tag is":"12:2",
"tag latest":"13:2 17:3",
"tags":"5:5 12:2 15:1 20:1 22:1",
"tags invalid":"12:2",
"tar":"1:1 7:13 14:13 15:1 16:7",
"tar file":"7:11",
"tar gz":"14:12 15:1 16:6",
"tar no":"7:2",
"tarfile":"7:2",
"tarfile py":"7:2",
"target":"0:3 1:4 5:15 6:7 7:3 8:1 10:1 11:1 13:11 14:2 15:2 16:7 18:9 19:1 21:1 23:1",
"target build":"1:1 5:2 6:1 14:1 16:1 21:1",
"target debug":"5:1 13:1",
"target dev":"1:2 10:1",
"target docker":"7:1 8:1",
"target matching":"13:2",
"target net":"5:3",
"target release":"5:4 6:1 7:1 15:2",
"target signal":"18:9",
"target stage":"1:2 10:1 13:5",
"target target":"5:1 7:1",
"targetarch":"5:2",
"targetframeworkinference":"5:3",
"targetframeworkinference targets":"5:3",
"targeting":"5:3",
"targeting net":"5:3",
"targets":"5:4",
"targets error":"5:3",
"targets microsoft":"5:3",
"task":"1:1 5:1 13:1 16:1 18:1",
"tcp":"0:9 2:1 3:3 11:1 14:36 20:1",
"tcp connect":"0:1 3:1 14:1",
"tcp face":"14:2",
"tcp lookup":"0:4 14:16",
"tcp read":"3:2 14:3",
"tcp timeout":"11:1 14:13",
"td":"19:1 20:2",
"telemetry":"5:1 14:1 15:1",
"telemetry regarding":"5:1 14:1 15:1",
"temp":"3:1 7:1 15:1 16:2",
"tempfile":"7:2",
"tempfile py":"7:2",
"template":"15:1 16:1 18:1",
"temporarily":"2:2",
"temporarily unavailable":"2:2",
"temporary":"14:22",
"temporary error":"14:7",
"temporary failure":"14:15",
"temurin":"14:1 17:1",
"terminal":"22:3 23:1",
"terminal prompts":"22:3",
"terminated":"1:1 5:1 14:1 15:2 16:1",
"terminated program":"15:2",
"terminated with":"14:1 16:1",
"test":"0:2 5:2 6:3 12:2 13:1 14:1 15:2 16:6 19:1 20:2 21:1 22:2",
"test development":"15:2 16:3",
"test docker":"12:1 22:1",
"test failed":"6:1 16:1",
"test server":"6:1 13:1",
"testify":"5:1 14:1",
"testing":"16:2",
"tests":"0:1 5:1 13:1 21:1",
"text":"5:2 14:1",
"tgz":"14:6 15:1 16:5",
"tgz esockettimedout":"14:2",
"tgz failed":"14:2",
"than":"4:1 9:1 16:1",
"than the":"4:1 16:1",
"that":"0:1 5:6 14:7 15:1 16:40 17:1",
"that generated":"16:2",
"that in":"16:2",
"that installs":"16:2",
"that it":"0:1 16:2",
"that require":"16:3",
"that requirement":"16:6",
"that satisfies":"14:2 16:19",
"that some":"16:2",
"that supports":"5:3",
"that the":"14:5 16:7",
"that you":"16:4 17:1",
"the above":"7:2 13:1 14:1 16:1",
"the author":"16:2",
"the build":"6:2 8:1 14:2 18:1",
"the client":"1:2 22:1",
"the command":"5:2 14:2 15:3 16:7 17:1 18:2",
"the connected":"14:3",
"the containerd":"2:4 10:7",
"the correct":"16:1 22:4",
"the current":"3:1 5:3 16:6",
"the currently":"5:2 16:1",
"the default":"13:2 15:1 19:2",
"the detailed":"16:4",
"the detected":"17:1 18:1",
"the docker":"0:11 2:6 6:1 7:1 10:10 12:1 14:1 19:1",
"the documentation":"16:2",
"the engine":"16:4",
"the environment":"5:2 16:1 19:1",
"the error":"0:1 6:1",
"the errors":"5:1 16:1",
"the following":"5:5 14:3 15:1 16:18 19:1",
"the frozen":"16:3",
"the full":"5:1 16:1",
"the image":"2:1 8:1",
"the information":"14:1 16:2",
"the job":"4:1 8:1",
"the latest":"5:5 16:2 19:1",
"the limit":"21:24",
"the local":"16:3 19:1",
"the lockfile":"16:11",
"the manifest":"17:17",
"the name":"16:2",
"the net":"5:3",
"the new":"2:3",
"the newer":"16:2",
"the npm":"16:10",
"the operation":"4:2 18:1",
"the package":"5:2 14:1 16:14",
"the pip":"16:3",
"the process":"0:2 7:1 17:1 19:2",
"the punycode":"5:1 14:1",
"the push":"6:1 7:1 14:1 19:10 20:12",
"the registry":"20:2",
"the repository":"8:1 16:14 20:2 22:4",
"the requested":"17:1 18:1 19:2",
"the requirement":"14:2 16:20",
"the resource":"3:1 11:2 13:10 19:12",
"the risk":"16:3",
"the root":"16:15",
"the service":"14:3",
"the situation":"16:2",
"the specified":"2:2",
"the status":"2:2 5:1",
"the switch":"5:1 16:1",
"the system":"8:1 14:1 16:3",
"the token":"11:1 19:2",
"the type":"5:3",
"the unstable":"16:2",
"the upstream":"16:5",
"the url":"0:1 16:1",
"the value":"16:2",
"the version":"16:4",
"the warning":"5:1 14:1",
"theholm":"12:2",
"theholm meraki":"12:2",
"their":"16:3",
"their rosdep":"16:3",
"then":"0:2 16:11 22:1",
"then create":"0:2",
"then try":"16:7",
"then use":"16:3",
"there":"8:1 11:1 14:5 15:4 16:2",
"there appears":"14:4",
"there are":"11:1 16:1",
"there is":"15:4",
"there was":"8:1 14:1",
"they":"14:5 16:4",
"they have":"14:5 16:4",
"think":"14:1 16:2",
"think this":"14:1 16:2",
"this":"0:2 2:3 5:7 7:2 11:1 14:16 15:7 16:62 17:1 18:1 19:1 22:2",
"this anonymous":"5:1 14:1 15:1",
"this at":"16:3",
"this command":"14:2 16:14",
"this environment":"16:7",
"this error":"5:1 14:2",
"this feature":"5:2",
"this field":"16:2",
"this host":"0:1 7:1",
"this information":"5:1 14:1 15:1",
"this is":"14:6 15:4 16:7 18:1 22:1",
"this legacy":"2:3",
"this machine":"16:1 17:1",
"this may":"5:1 11:1 14:1 16:9",
"this module":"16:4",
"this operation":"16:2",
"this package":"15:1 16:3",
"this repository":"16:3",
"this run":"14:7 15:4 16:9 22:1",
"this script":"16:2",
"this setting":"16:2",
"this version":"5:2 16:4",
"those":"5:1 16:1",
"thread":"2:1 5:3",
"thread main":"2:1 5:3",
"throw":"16:3",
"throw new":"16:3",
"tianon":"13:1 17:1",
"tiller":"11:2",
"time":"0:4 4:1 5:2 7:1 13:1 14:3 16:1 17:1 18:2 19:4 20:1 22:1",
"time current":"16:1 17:1",
"time level":"0:4 13:1 14:1 18:1 19:3 20:1",
"time or":"14:3",
"time time":"16:1 17:1",
"timed":"0:1 3:2 14:6",
"timed out":"0:1 3:2 14:6",
"timeout":"2:1 11:1 14:30",
"timeout exceeded":"14:2",
"times":"11:1 13:1",
"tini":"6:1 16:2 18:1",
"title":"20:5",
"title head":"20:3",
"title request":"20:4",
"tls":"0:4 7:1 14:6 15:1 20:1",
"tls data":"0:2",
"tls enabled":"0:2",
"tls failed":"14:1 20:1",
"tls handshake":"14:5",
"tmaier":"0:1 19:1",
"tmaier docker":"0:1 19:1",
"tmp":"0:3 1:2 3:1 5:2 6:38 7:9 8:24 10:1 14:2 15:4 16:8 18:2 19:1",
"tmp buildkit":"0:2 6:5 8:24",
"tmp containerd":"7:2",
"tmp devcontainercli":"1:2 10:1",
"tmp docker":"6:32 7:2",
"tmp getimageblob":"7:3",
"tmp pip":"16:2",
"tmp requirements":"15:3",
"tmp var":"14:1 15:1",
"tmproot":"7:2",
"to accept":"16:4",
"to access":"14:3 19:1",
"to an":"7:2 16:4",
"to authorize":"11:2 14:7 19:6",
"to avoid":"5:1 15:1",
"to be":"0:2 5:1 13:1 14:4 16:6 19:1",
"to by":"14:1 16:7",
"to calculate":"6:36",
"to central":"14:2",
"to commit":"2:1 9:1",
"to compile":"5:5 14:1",
"to compute":"3:8 5:1 6:54 7:1",
"to configure":"2:1 3:2",
"to connect":"0:3 14:1",
"to connection":"1:2",
"to context":"0:2",
"to copy":"1:1 3:3 6:1 7:1 11:1 13:1 14:2 19:1 20:6 21:8",
"to correct":"16:3",
"to create":"0:2 7:4 9:8 12:1 13:6 14:5 16:1 17:3 19:6 21:1 23:1",
"to date":"16:2",
"to deploy":"6:1 8:1",
"to dial":"0:2",
"to different":"0:1 2:10 10:11",
"to display":"2:1 5:3",
"to do":"3:1 11:1 14:18 16:1 20:3",
"to docker":"0:1 7:1 9:2 10:1 12:1 20:1 21:2",
"to download":"14:7 16:9",
"to enable":"5:2 16:1",
"to establish":"14:2",
"to evaluate":"8:11",
"to execute":"5:4 13:1 16:1 19:3",
"to expand":"5:2 16:1 17:1",
"to fetch":"6:1 11:2 13:1 14:22 16:8 18:1 19:15 22:2",
"to find":"0:2 13:4 14:2 15:1 16:1 17:1 19:1 21:2",
"to fix":"16:2 17:1",
"to generate":"16:7",
"to get":"3:1 14:2 16:2",
"to github":"2:8 14:1",
"to https":"0:1 2:3 11:2 14:9 19:9 20:1 21:2",
"to image":"3:1 19:8 20:6 23:1",
"to install":"16:5",
"to learn":"0:1 5:1",
"to load":"5:2 6:1 14:3 19:2 21:1",
"to locate":"14:3 16:23",
"to make":"0:2 5:2 16:1",
"to mount":"0:2",
"to network":"14:4",
"to oci":"10:1 23:1",
"to open":"5:1 22:1",
"to opt":"5:1 14:1 15:1",
"to parse":"0:2 2:2 5:4 9:1 12:2",
"to participate":"5:1 14:1 15:1",
"to pick":"16:2",
"to ping":"14:2",
"to prepare":"8:15",
"to previous":"5:3 7:1",
"to publish":"16:2",
"to pull":"7:1 11:22 13:5 14:1 17:4",
"to push":"19:6 20:4",
"to read":"0:2 5:1 8:34",
"to receive":"1:15 23:1",
"to register":"7:10",
"to registry":"12:2 19:1 20:1",
"to remove":"0:1 16:2",
"to repository":"6:1 7:1 14:1 19:10 20:12",
"to reserve":"2:2",
"to resolve":"11:6 13:8 14:16 16:11 17:12 19:3 21:4",
"to respond":"14:3",
"to restore":"5:2 14:3",
"to run":"5:2 16:2 17:1 18:1",
"to see":"5:1 16:1",
"to select":"14:9 16:9",
"to shape":"5:1 14:1 15:1",
"to show":"5:1 14:1",
"to solve":"0:1 2:1 9:1 19:2 23:1",
"to system":"16:2",
"to the":"0:11 2:3 11:2 13:10 16:2 19:14 23:1",
"to type":"5:2 10:1",
"to update":"16:8",
"to use":"16:5",
"to venv":"16:5",
"to verify":"14:1 20:1",
"to version":"16:3",
"to walk":"6:3",
"to write":"19:5",
"token":"11:4 14:8 19:19 22:3",
"token dial":"14:3",
"token get":"14:4",
"token has":"19:6",
"token post":"14:3",
"token provided":"11:1 19:2",
"token scope":"11:2 14:4 19:4",
"token unexpected":"11:1 19:12",
"toml":"5:5 6:1 16:5 18:1",
"toml file":"16:2",
"toml finished":"16:2",
"too":"18:1 20:10 21:12",
"too large":"18:1 20:10",
"too many":"21:12",
"tool":"15:2 16:1",
"tool linux":"15:2",
"toolbox":"7:1 13:1",
"toolbox docker":"7:1 13:1",
"toolchain":"5:4",
"tools":"4:1 5:2 8:1 13:1 14:2 16:2 19:1",
"toomanyrequests":"21:31",
"toomanyrequests too":"21:2",
"toomanyrequests you":"21:26",
"torch":"7:1 14:2 15:2 16:2",
"torch cp":"14:2 15:2",
"torchvision":"14:1 16:1",
"total":"5:1 14:3 16:1 17:1 19:1",
"total connect":"14:3",
"total received":"16:1 17:1",
"total spent":"16:1 17:1",
"total time":"5:1 19:1",
"trace":"5:4 14:1 15:3 16:1",
"trace deprecation":"5:1 14:1",
"trace of":"5:1 16:1",
"traceback":"7:2 13:1 14:1 16:5 19:2",
"traceback most":"7:2 13:1 14:1 16:5 19:2",
"transfer":"11:1 14:2",
"transfer artifact":"14:2",
"transforming":"15:2",
"transport":"0:1 1:2 5:1 16:1",
"transport due":"1:2",
"transport https":"5:1 16:1",
"tree":"14:2 15:1 16:27",
"trigger":"18:2",
"trigger exited":"18:2",
"triggers":"16:1 18:2",
"triggers for":"16:1 18:2",
"trouble":"14:4",
"trouble with":"14:4",
"true":"0:3 3:1 5:1 8:1 16:3 18:1 19:1 22:1",
"trusted":"16:3",
"trusted host":"16:3",
"trusty":"14:1 16:1",
"trusty security":"14:1 16:1",
"try":"0:1 2:4 5:4 6:1 10:7 14:8 15:1 16:18 19:1",
"try again":"0:1 2:4 10:7 14:7 16:8 19:1",
"try apt":"16:3",
"try either":"16:2",
"try re":"5:2",
"try running":"5:1 16:1",
"try with":"14:1 16:3",
"trying":"0:3 5:2 7:1 16:3 20:1",
"trying to":"0:3 5:1 7:1 16:3 20:1",
"ts":"5:4",
"ts cannot":"5:2",
"ts error":"5:2",
"tsc":"5:2",
"tsinghua":"14:2",
"tsinghua edu":"14:2",
"tsx":"5:3 14:1",
"ttf":"16:3",
"ttf freefont":"16:2",
"tty":"16:1 19:2",
"tty device":"19:2",
"tue":"0:1 14:1",
"tue oct":"0:1 14:1",
"tuna":"14:2",
"tuna tsinghua":"14:2",
"turbo":"16:5",
"turbo dev":"16:5",
"turn":"2:4 10:7",
"turn on":"2:4 10:7",
"tutor":"0:1 16:1",
"tutor env":"0:1 16:1",
"txt":"5:1 6:11 7:3 14:3 15:6 16:29 18:1",
"txt file":"6:2",
"txt http":"16:2",
"txt https":"14:1 16:1",
"txt line":"15:1 16:1",
"txt no":"6:4",
"txt not":"6:5",
"txt pip":"14:1 16:2",
"type":"0:3 2:1 5:12 9:1 10:1 11:3 13:1 15:3 16:5 18:2 22:1",
"type bind":"0:2 9:1 16:1",
"type cache":"16:1 18:1",
"type checking":"15:2",
"type declarations":"5:2",
"type docker":"0:1 16:1",
"type error":"5:4 16:1",
"type or":"5:2",
"type reason":"11:3 13:1",
"type registry":"0:1 16:1",
"typeerror":"13:1 16:1",
"types":"5:4 14:1 16:2",
"typescript":"5:1 16:2",
"tzdata":"14:1 16:3 18:1",
"ubuntu":"4:1 5:1 13:1 14:6 16:8 17:6 18:3 19:1 20:1 21:3",
"ubuntu arm":"4:1 18:1",
"ubuntu bionic":"13:1 21:1",
"ubuntu com":"14:3 16:3 18:1",
"ubuntu dists":"14:2 16:2",
"ubuntu error":"17:1 21:1",
"ubuntu failed":"14:3 17:2",
"ubuntu jammy":"16:2 17:1 21:1",
"ubuntu latest":"4:1 17:2",
"ubuntu manifests":"14:1 21:1",
"ubuntu no":"17:2",
"ubuntu pool":"16:2",
"ucsc":"7:1 15:1",
"udp":"14:6",
"udp timeout":"14:4",
"ue":"6:1 7:1",
"ui":"5:1 6:1 11:1 14:2 16:2",
"ui build":"5:1 16:1",
"ulimits":"0:2",
"ulimits null":"0:2",
"unable":"0:1 5:2 8:15 13:2 14:24 16:48 17:1 19:1 21:2 23:1",
"unable to":"0:1 5:2 8:15 13:2 14:24 16:48 17:1 19:1 21:2 23:1",
"unauthenticated":"11:1 19:2 21:4",
"unauthenticated pull":"21:4",
"unauthenticated user":"11:1 19:2",
"unauthorized":"2:1 11:1 19:27 22:2",
"unauthorized access":"19:3",
"unauthorized authentication":"11:1 19:1",
"unauthorized incorrect":"19:4",
"unavailable":"0:2 1:19 2:2",
"unavailable connection":"0:2",
"unavailable desc":"1:15",
"unavailable error":"1:3",
"unavailable please":"2:2",
"uncaught":"18:9",
"uncaught target":"18:9",
"undefined":"5:9 16:1 22:1",
"undefined reference":"5:2",
"understand":"5:1 16:1",
"unexpected":"1:1 2:9 5:1 7:1 9:1 11:3 14:3 16:2 19:25 20:17 21:9",
"unexpected error":"7:1 14:1 16:2",
"unexpected http":"14:2 20:9",
"unexpected status":"2:9 11:3 19:24 20:8 21:9",
"unfinished":"5:2",
"unfinished jobs":"5:2",
"unhandled":"5:1 7:1 8:1",
"unhandled exception":"5:1 7:1",
"unimplemented":"0:1 3:1",
"unix":"0:10 14:1 16:1",
"unix run":"0:2",
"unix var":"0:8",
"unknown":"0:8 1:2 2:6 3:1 5:5 6:1 7:2 8:7 9:30 10:2 11:15 13:23 14:8 15:2 16:3 17:3 18:2 19:14 20:12 21:2",
"unknown authority":"14:1 20:1",
"unknown blob":"20:4",
"unknown desc":"0:3 1:1 2:3 5:1 6:1 7:1 8:7 9:3 10:2 11:12 13:2 14:7 15:2 17:3 18:2 19:13 20:2 21:2",
"unknown directive":"5:3",
"unknown failed":"1:1 11:1 13:1",
"unknown flag":"0:3 9:5",
"unknown instruction":"9:25",
"unknown linux":"5:1 7:1",
"unknown manifest":"11:5 13:16",
"unknown the":"20:2",
"unmet":"16:2",
"unmet dependencies":"16:2",
"unpack":"11:8 13:2 14:1 17:2 18:3",
"unpack image":"11:8 13:2 14:1 17:2",
"unpacking":"14:1 18:1",
"unreachable":"14:2",
"unrecognized":"8:1 16:1",
"unsafe":"16:2",
"unsafe perm":"16:2",
"unsatisfiable":"14:6 16:2",
"unsatisfiable constraints":"14:6 16:2",
"unstable":"5:2 16:2",
"unsupported":"0:3 5:1 16:4",
"unsupported engine":"16:4",
"unsupported frontend":"0:3",
"untrusted":"14:1 16:1",
"unzip":"5:1 14:3 16:5",
"unzip git":"5:1 16:1",
"up":"0:2 5:1 8:3 9:1 13:5 15:1 16:5 17:1 18:3 19:4",
"up and":"0:1 19:1",
"up build":"9:1 16:1",
"up libc":"18:2",
"up to":"16:2",
"update":"5:8 14:11 15:4 16:59 17:3 18:7",
"update apk":"5:1 14:1 16:4",
"update apt":"5:1 14:4 16:27 17:3 18:4",
"update db":"15:2",
"update name":"5:4 15:1",
"update no":"16:2",
"update of":"16:3",
"update or":"14:1 16:3",
"update qq":"14:1 16:1",
"update run":"16:2",
"update the":"16:2",
"update your":"16:4",
"updated":"0:1 5:1 16:5",
"updated but":"16:3",
"updates":"14:10 16:18 18:1",
"updates for":"16:3",
"updates inrelease":"14:8 16:9",
"updates main":"14:1 16:6 18:1",
"updates release":"14:3 16:12",
"updating":"15:2 16:1 18:1",
"updating crates":"15:1 16:1 18:1",
"upgrade":"0:1 5:6 14:1 15:1 16:11 18:1",
"upgrade apk":"5:1 14:1 15:1",
"upgrade pip":"16:8",
"upgrade rustc":"5:4",
"upgrade to":"0:1 5:1 16:2",
"upgraded":"16:2",
"upgraded newly":"16:2",
"upgrading":"16:4 21:24",
"upgrading https":"21:23",
"upgrading via":"16:4",
"upload":"2:1 16:2 17:1 19:3 20:2",
"upload total":"16:1 17:1",
"uploading":"20:3",
"uploading layer":"20:2",
"uploads":"19:2 20:5",
"uploads eof":"20:2",
"uploads forbidden":"19:2",
"upstream":"16:5",
"upstream dependency":"16:5",
"uraimo":"0:1 17:1",
"uraimo run":"0:1 17:1",
"url":"0:2 5:2 8:2 14:5 15:3 16:3 19:2 22:1",
"url https":"8:1 14:1 15:1 22:1",
"urllib":"14:6",
"urllib connection":"14:3",
"urllib response":"14:2",
"urls":"16:2",
"urls in":"16:2",
"us":"6:1 13:1 16:1 20:1",
"us east":"13:1 20:1",
"usage":"0:1 2:1 5:1 8:1 14:1 15:1 16:2 20:1",
"usage docker":"0:1 8:1",
"use":"0:9 1:1 2:7 5:9 10:4 14:1 15:5 16:12 17:2",
"use docker":"0:3 5:3 16:1 17:1",
"use no":"16:2",
"use node":"5:1 14:1",
"use of":"1:1 2:1",
"use path":"16:3",
"use pipx":"16:3",
"use poetry":"16:2",
"use the":"5:1 16:2",
"use userland":"5:1 14:1",
"use version":"5:3",
"used":"5:1 10:1 14:6 15:1 16:7",
"used instead":"14:5 16:5",
"used to":"5:1 14:1 15:1",
"user":"0:2 1:1 11:2 14:1 15:1 16:4 17:12 18:9 19:4 22:1",
"user cannot":"11:1 19:2",
"user process":"17:11 18:8",
"user see":"16:2",
"userland":"5:1 14:1",
"userland alternative":"5:1 14:1",
"username":"1:1 17:1 19:5 22:6",
"username for":"22:4",
"username or":"19:4",
"users":"6:1 8:2 16:2",
"uses":"7:1 22:1",
"uses an":"7:1 22:1",
"using":"0:3 5:3 6:1 9:1 13:2 14:2 15:2 16:18 17:3 19:1",
"using default":"13:2 17:3",
"using docker":"0:2 19:1",
"using git":"16:3",
"using pip":"16:2",
"using pnpm":"16:3",
"using python":"16:3",
"using the":"5:1 16:6",
"using worker":"15:2",
"usr":"0:2 3:1 5:16 6:1 7:12 8:1 14:9 15:5 16:33 17:1 18:12 19:6 21:1 22:1",
"usr bin":"0:2 3:1 5:2 7:2 14:4 15:3 16:4 18:4 19:2 22:1",
"usr include":"16:3",
"usr lib":"5:1 7:5 15:1 16:3 18:1 19:1",
"usr local":"5:6 7:1 8:1 14:4 15:1 16:18 17:1 18:5 19:3",
"usr sbin":"18:2",
"usr share":"5:4 6:1 7:3 14:1 15:1 16:8",
"usr src":"5:4 15:1 16:2 18:1 21:1",
"utc":"7:3",
"utc log":"7:3",
"utf":"5:2",
"utf requires":"5:2",
"util":"0:1 5:2 14:2",
"utils":"7:2 15:3 16:5 18:1 20:1 22:1",
"utils build":"7:2 16:1",
"utils is":"16:1 18:1",
"utils reportoomfailure":"15:3",
"uv":"6:2 16:3 17:1",
"uv lock":"6:1 16:3",
"uv sync":"16:2",
"vagrant":"19:1 20:1",
"valid":"0:1 9:1 12:2 16:4",
"valid repository":"9:1 12:2",
"valid yet":"16:3",
"validating":"16:2",
"validating package":"16:2",
"validator":"7:1 16:1",
"validity":"5:3",
"validity of":"5:3",
"value":"0:1 2:1 5:1 12:1 13:2 16:3 18:1 19:1 20:2",
"value for":"0:1 12:1",
"value found":"16:2",
"value html":"20:2",
"var":"0:11 2:1 5:1 6:38 7:10 8:20 14:6 15:2 16:12 17:4 18:3 19:3 22:1",
"var cache":"14:2 15:1 16:5 18:1",
"var lib":"0:2 2:1 5:1 6:38 7:10 8:20 14:3 16:6 17:3 18:2 19:2 22:1",
"var run":"0:8 15:1 16:1 19:1",
"variable":"2:1 5:6 16:1 22:1",
"variable to":"2:1 5:3 16:1",
"variant":"5:1 15:1",
"vcs":"22:2",
"vendor":"5:3 14:6 16:1 18:1",
"vendor urllib":"14:6",
"venv":"14:3 16:7",
"venv bin":"16:6",
"venv for":"16:3",
"venv path":"16:5",
"ver":"5:5",
"ver is":"5:5",
"ver precise":"5:4",
"verification":"22:4",
"verification failed":"22:4",
"verifiedhttpsconnection":"14:2",
"verifiedhttpsconnection object":"14:2",
"verify":"14:1 20:1",
"verify certificate":"14:1 20:1",
"verifying":"16:4",
"verifying lock":"16:3",
"version":"0:2 5:19 7:1 12:4 14:5 15:3 16:60 17:2 18:3 19:1 21:1 22:1",
"version and":"16:3",
"version as":"12:2",
"version build":"0:1 12:1",
"version dev":"15:1 16:1",
"version does":"16:6",
"version for":"12:1 16:1",
"version got":"16:3",
"version however":"16:2",
"version is":"5:2 16:8",
"version must":"5:3",
"version of":"5:7 16:13",
"version requires":"5:1 16:3",
"version supporting":"5:4",
"version that":"14:2 16:22",
"versions":"5:4 14:3 16:17",
"versions none":"14:1 16:9",
"versions that":"16:3",
"versions with":"5:4",
"via":"0:1 16:6 19:1",
"via the":"16:4",
"view":"5:2 8:2 19:2",
"view build":"5:2 8:2 19:2",
"vim":"5:1 7:1 14:1 16:4 17:1",
"vim wget":"14:1 16:1",
"violation":"14:1 18:1",
"viper":"5:1 18:1",
"virtual":"14:3 16:6",
"virtual environment":"14:1 16:4",
"virtualenvs":"16:6",
"virtualenvs create":"16:6",
"visit":"2:2 11:1 14:2 16:8",
"visit https":"2:2 11:1 14:2 16:8",
"visiting":"5:1 14:1 15:1",
"visiting the":"5:1 14:1 15:1",
"vite":"5:2 15:4 16:6",
"vite build":"5:2 15:2",
"vite building":"15:2",
"vite from":"16:4",
"vite plugin":"16:2",
"vitejs":"16:3",
"vitejs plugin":"16:3",
"vm":"0:1 8:1",
"vm centos":"0:1 8:1",
"volta":"14:1 17:1",
"volta sh":"14:1 17:1",
"volume":"11:1 13:1",
"vsc":"1:2",
"vscode":"1:2 16:1 17:1",
"vscode remote":"1:2",
"vt":"6:1 16:1",
"vue":"15:2 16:2",
"vue cli":"15:2",
"wait":"2:1 5:1 19:1",
"waiting":"4:1 5:2 14:3 19:8 20:2",
"waiting for":"5:2 14:2 19:1",
"walk":"6:3",
"walk var":"6:2",
"want":"16:2",
"want to":"16:2",
"war":"6:1 16:1",
"warn":"15:1 16:2",
"warning":"0:3 5:3 6:1 7:1 8:1 11:15 13:4 14:4 15:1 16:7 17:4 19:1 21:3",
"warning computed":"16:2",
"warning docker":"6:1 8:1 13:1 14:2 16:1 19:1 21:3",
"warning failed":"11:15 13:2 17:1",
"warning found":"5:1 17:1",
"warning msg":"0:2 14:1",
"warning the":"16:3 17:1",
"warning was":"5:1 14:1",
"warnings":"5:5 15:1 16:1",
"warnings all":"5:1 15:1",
"warnings found":"5:1 16:1",
"warp":"0:1 15:1",
"was":"2:1 4:2 5:2 7:1 8:2 14:4 16:12 17:2 18:1 22:1",
"was canceled":"4:2 18:1",
"was created":"5:1 14:1",
"was found":"5:1 8:1",
"was not":"7:1 14:1 16:4",
"was provided":"16:2",
"wc":"6:1 15:1",
"we":"16:2",
"weak":"14:2",
"web":"0:2 3:1 5:1 6:5 7:1 8:1 9:2 11:2 13:4 14:4 15:8 16:18 17:1 19:1 20:1 21:1",
"web dev":"14:1 16:1",
"web failed":"0:1 6:5 9:2 13:2 14:3 15:5 16:13",
"webapp":"16:2",
"webpack":"5:1 13:1 14:1 15:3",
"webserver":"6:2 8:2 17:1",
"webserver failed":"6:2 8:1",
"webui":"11:1 14:1 16:1",
"webui failed":"14:1 16:1",
"were":"5:2 6:5 14:1 18:2",
"were encountered":"14:1 18:2",
"were not":"5:2",
"were specified":"6:5",
"west":"19:1 20:1",
"west amazonaws":"19:1 20:1",
"wget":"14:4 15:1 16:9 17:1 18:1",
"wget curl":"16:2",
"wget git":"16:2",
"wget https":"14:3",
"wheel":"16:3 17:1",
"wheel for":"16:2",
"wheels":"16:2",
"when":"7:1 8:1 9:1 12:2 16:5 20:1",
"when building":"16:1 20:1",
"when pushing":"12:2",
"when your":"16:3",
"where":"5:6 14:1 16:3",
"where compatible":"5:4",
"where the":"5:1 14:1",
"where xyz":"16:3",
"which":"14:1 16:8 18:2",
"which dependencies":"16:2",
"which depends":"14:1 16:1",
"which ls":"18:2",
"which will":"16:3",
"while":"0:2 2:1 5:2 6:1 7:1 14:3 15:1 16:17 18:4 20:1 22:1",
"while awaiting":"14:2",
"while executing":"6:1 22:1",
"while loading":"18:3",
"while processing":"14:1 18:2",
"while resolving":"16:15",
"while the":"5:2 16:1",
"while waiting":"14:2",
"whl":"14:3 15:3 16:8",
"whl mb":"14:2 15:2 16:2",
"whl metadata":"16:2",
"why":"15:2",
"why you":"15:2",
"wide":"16:6",
"wide python":"16:3",
"wide try":"16:3",
"will":"0:1 11:1 14:2 15:1 16:16",
"will be":"0:1 11:1 16:3",
"will manage":"16:3",
"will not":"14:1 16:3",
"will now":"16:3",
"windows":"0:1 2:1 3:1 16:1 17:2 20:1",
"windows net":"2:1 3:1",
"wish":"16:4",
"wish to":"16:4",
"with an":"16:9 17:1 19:1",
"with any":"14:2 16:1",
"with back":"6:1 8:1 13:1 14:2 16:1 19:1 21:3",
"with code":"0:3 2:1 5:2 6:1 15:1 16:3 18:1 19:1",
"with docker":"0:1 14:1 19:1 20:1 21:1",
"with error":"0:1 1:2 2:11 3:7 5:3 6:9 7:3 8:3 10:4 12:6 13:1 14:4 15:1 16:8 17:2 18:6 19:13 20:3 21:1 22:2",
"with features":"1:2 10:1",
"with fix":"14:1 16:3",
"with force":"16:5",
"with freetype":"16:2",
"with frontend":"9:1 19:2 23:1",
"with frozen":"16:2",
"with gitlab":"0:1 19:1",
"with iconv":"16:3",
"with id":"7:1 20:2",
"with image":"0:1 19:1",
"with jpeg":"5:1 16:2",
"with learn":"2:2 10:3",
"with locked":"5:2",
"with lockfileversion":"16:7",
"with mb":"15:2",
"with name":"20:2",
"with native":"8:1 15:1",
"with non":"5:1 16:1",
"with npm":"14:1 15:4 16:11",
"with outdated":"16:3",
"with rust":"2:1 5:3",
"with status":"5:2 13:1 16:4 19:1 21:1",
"with the":"5:1 6:1 7:1 11:1 13:2 14:1 15:1 16:11 19:4",
"with this":"16:8",
"with tls":"0:2",
"with your":"14:4 16:3",
"without":"0:2 15:2 16:6 17:1 19:1",
"without development":"16:2",
"without test":"15:2 16:3",
"without tls":"0:2",
"work":"0:2 3:1 7:2 8:2 10:1 15:1 16:3 17:1",
"work actions":"0:1 8:1 16:1 17:1",
"work pkg":"7:2",
"work temp":"3:1 15:1",
"worker":"5:1 6:1 7:3 13:2 15:2 19:1",
"worker utc":"7:3",
"worker with":"15:2",
"working":"15:2 16:1",
"working done":"15:1 16:1",
"working failed":"15:1 16:1",
"workspace":"0:1 1:1 5:2 6:1 13:1 15:1 16:6 21:1",
"workspace projects":"16:4",
"world":"14:12 16:8 17:1",
"world bash":"14:3",
"world curl":"14:3",
"world git":"14:2",
"world jq":"14:2",
"world nodejs":"14:1 16:1",
"world openssl":"14:2",
"world python":"16:5",
"wrapper":"5:1 7:2",
"write":"0:1 1:1 7:25 16:1 19:11 20:1",
"write organization":"19:5",
"write package":"19:5",
"write root":"7:2",
"write tmp":"7:2",
"write usr":"7:7",
"write var":"7:5",
"write work":"7:2",
"writing":"2:22 7:3 20:2",
"writing blob":"20:2",
"writing layer":"2:13 7:1",
"writing manifest":"2:9",
"writing output":"7:2",
"ws":"16:2",
"www":"2:2 6:1 14:1 21:27",
"www docker":"21:27",
"www githubstatus":"2:2",
"xb":"15:2",
"xe":"8:1 15:1",
"xf":"15:2",
"xferd":"16:1 17:1",
"xferd average":"16:1 17:1",
"xml":"6:2 7:1 14:1",
"xml no":"6:1 7:1",
"xx":"6:1 14:1 16:1 19:1",
"xx xx":"14:1 19:1",
"xxx":"3:1 6:1 8:1 19:1",
"xxx xxx":"6:1 19:1",
"xxxx":"0:1 13:1 20:1",
"xxxxx":"11:1 13:2 19:1",
"xyz":"16:3",
"xyz is":"16:3",
"xyz where":"16:3",
"xyz which":"16:3",
"xz":"16:3",
"xz utils":"16:3",
"yaml":"6:2 16:7 18:1 21:1 22:1",
"yaml no":"6:1 16:1",
"yaml not":"16:2",
"yarn":"6:4 7:1 14:5 15:2 16:14",
"yarn build":"14:2 15:1",
"yarn cache":"15:1 16:3",
"yarn error":"7:1 14:1 16:2",
"yarn install":"14:2 16:10",
"yarn lock":"6:4",
"yarn run":"14:1 15:1 16:1",
"yarnpkg":"14:3 16:8",
"yarnpkg com":"14:3 16:8",
"yes":"15:1 16:3 17:1 18:3",
"yet":"16:5",
"yet been":"16:2",
"yet invalid":"16:3",
"yk":"16:1 23:1",
"yml":"1:1 5:2 13:2 15:1 19:2",
"yml up":"5:1 13:1 19:1",
"you":"0:2 5:9 13:1 14:8 15:2 16:29 17:1 21:28 22:4",
"you are":"5:2 14:5 16:10",
"you believe":"16:3",
"you can":"5:3 14:1 15:1 16:7 17:1",
"you do":"16:2",
"you have":"16:11 21:28 22:4",
"you make":"5:1 16:3",
"you may":"5:1 14:1 16:2 21:24",
"you mean":"5:1 13:1",
"you missing":"5:2",
"you must":"5:1 16:1",
"you need":"5:1 14:1",
"you not":"5:1 14:1 15:1",
"you re":"5:2 17:1",
"you should":"15:2 16:6",
"you think":"14:1 16:2",
"you trying":"0:2",
"you want":"16:2",
"you wish":"16:3",
"your":"0:1 5:2 14:4 15:1 16:34 19:5 21:28",
"your authorization":"19:4",
"your bundle":"16:2",
"your gemfile":"16:5",
"your lock":"16:6",
"your lockfile":"16:2",
"your network":"14:4",
"your package":"16:3",
"your path":"16:3",
"your php":"16:6",
"your pull":"21:24",
"your pyproject":"16:2",
"your python":"16:3",
"your requirements":"16:4",
"your ruby":"16:4",
"your unauthenticated":"21:4",
"your version":"16:3",
"yourself":"16:2",
"yq":"14:2",
"yum":"16:2",
"yum install":"16:2",
"za":"0:2",
"za invalid":"0:2",
"zero":"5:3 8:1 16:1 19:1",
"zero status":"5:1 16:1",
"zerotrie":"5:2",
"zerotrie requires":"5:2",
"zerovec":"5:2",
"zerovec requires":"5:2",
"zip":"5:2 14:4 16:5",
"zip unzip":"5:1 14:1",
"zlib":"5:1 14:1 16:2",
"zlib dev":"14:1 16:2",
"zoneinfo":"16:2"
}}`;

;// CONCATENATED MODULE: ./src/diagnose/load-word-model.ts

let builtin = null;
/** The word model learnt from the corpus's train parts (word-model-data.ts), parsed when first asked for. */
function builtinWordModel() {
    builtin ??= JSON.parse(WORD_MODEL_JSON);
    return builtin;
}

// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __nccwpck_require__(6590);
// EXTERNAL MODULE: ./src/analyze/rules/template-values.ts
var template_values = __nccwpck_require__(7587);
// EXTERNAL MODULE: ./src/analyze/rank.ts
var rank = __nccwpck_require__(4684);
;// CONCATENATED MODULE: ./src/analyze/rules/likely-cause.ts







// A path's parts (`/usr/local/lib/python3.12/site-packages/...`, the command a wrapper's line names) say where,
// not why: they must not pass the gate below, or a traceback's or a command's path would decide.
const PATH = /\S*\/\S*/g;
/** How a guessed cause's fix begins: the reports find its caveat by it (report/likely-caveat.ts). */
const LIKELY_CAVEAT_LEAD = '**Likely, not certain:**';
/** The words that speak most for a guess that are looked for in the failure's stated lines. */
const CONSIDERED_WORDS = 5;
/** The words a finding names as those that decided it. */
const SHOWN_WORDS = 3;
/**
 * The cause a failure's words point at when no signature recognised its lines (word-model.ts), as
 * a finding of that cause's id, titled as likely and saying which words decided it; null when the
 * words do not decide, or the catalog in use has no advice for the cause. The caller gives the
 * evidence and the severity, as for the `unknown` finding this one stands in for.
 */
function likelyCause(lines, errorLines, { build, failedStep, catalog }) {
    const found = guessFromWords(builtinWordModel(), wordFeatures(lines), CONSIDERED_WORDS);
    if (!found)
        return null;
    // The words that decide must be said where the failure is stated, not only around it: a traceback's
    // frames (`site-packages`, `line 12, in`), a progress line's crate names or a table's headers speak
    // for some cause in the corpus without saying what broke (found by a review: each such guess was wrong).
    const stated = new Set(wordFeatures(errorLines.map((line) => line.replace(PATH, ' '))));
    if (!found.words.some((w) => stated.has(w)))
        return null;
    const guess = { ...found, words: [...found.words.filter((w) => stated.has(w)), ...found.words.filter((w) => !stated.has(w))].slice(0, SHOWN_WORDS) };
    const advice = catalog.get(guess.category);
    if (!advice)
        return null;
    const values = (0,template_values/* templateValues */.nX)(build, failedStep);
    const title = (0,template/* fillTemplate */.o)(advice.title, values, 'text');
    const runnerUp = catalog.get(guess.runnerUp);
    const shown = guess.words.map((w) => (0,markdown/* inlineCode */.ti)(w, 60)).join(', ');
    const why = `${LIKELY_CAVEAT_LEAD} no signature recognised this failure's lines, but their words${shown ? ` (${shown})` : ''} are those of ` +
        `failures whose cause was ${(0,markdown/* inlineCode */.ti)(guess.category, 60)}${runnerUp ? ` more than of ${(0,markdown/* inlineCode */.ti)(guess.runnerUp, 60)}` : ''}. ` +
        'Check the evidence before you follow the advice.';
    return {
        id: guess.category,
        title: `Likely: ${title}`,
        // Why it is only likely comes first, as its own paragraph (the reports show it as a caveat, not as a fix:
        // report/likely-caveat.ts), then only the advice.
        fix: [why, adviceOnly((0,template/* fillTemplate */.o)(advice.fix, values, 'markdown'))].join('\n\n'),
        rank: rank/* GUESSED_CAUSE_ORDER */._s,
        data: { role: 'likely-cause', basis: 'words', words: guess.words.join(', '), margin: Math.round(guess.margin * 10) / 10, runnerUp: guess.runnerUp },
    };
}
/**
 * A catalog fix's list items say what to do; its other lines say what the log shows (oom-killed's "exit code
 * 137 is SIGKILL"), which a guess cannot claim: the log may say otherwise (a PHP memory_limit's exit code 255).
 * A fix without list items is advice throughout.
 */
function adviceOnly(fix) {
    const items = fix.split('\n').filter((line) => /^\s*[-*] /.test(line));
    return items.length > 0 ? items.join('\n') : fix;
}


/***/ }),

/***/ 7587:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n0: () => (/* binding */ failedStepOf),
/* harmony export */   nX: () => (/* binding */ templateValues)
/* harmony export */ });
/* unused harmony export stepLabel */
/** The step whose failure failed the build: a failed cache import never does (BuildKit goes on without it). */
function failedStepOf(build) {
    return build.steps.find((s) => s.status === 'error' && s.kind !== 'cache-import') ?? null;
}
/** `RUN cargo build --release`, or the step's name when it ran no instruction. */
function stepLabel(step) {
    return step.instruction ? `${step.instruction} ${step.command}` : step.name;
}
/** What every signature's title and fix may use (signatures/builtin.yml's header): the build and its failed step. */
function templateValues(build, failedStep) {
    return {
        build: build.name,
        step: failedStep ? stepLabel(failedStep) : undefined,
        stage: failedStep?.stage ?? undefined,
        platform: failedStep?.platform ?? build.platforms[0],
        dockerfile: build.request.dockerfile ?? undefined,
    };
}


/***/ }),

/***/ 7288:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ adviceForBreaks),
/* harmony export */   i: () => (/* binding */ cacheBreakAdvice)
/* harmony export */ });
// What to do about a cache break, by its reason. With a baseline the comparison says where the cache
// broke and why, and the `cache-miss` finding (whose fix lists the generic remedies) steps back from
// the reader's screen; without this the reader would learn why and not what to do. One sentence per
// reason, written for docker/build-push-action users; the text is ours (Markdown-safe, no log text).
const ADVICE = {
    'dockerfile-edited': 'expected after an edit of that instruction; to keep it from rebuilding what follows, put instructions that change often (copying the sources) after those that rarely do (installing dependencies).',
    'build-arg-changed': 'a build argument that changes every run (a commit SHA, a date) breaks the cache from the first instruction that uses it: declare such an `ARG` as late as possible, in the last stage, or pass it as a label instead.',
    'context-changed': 'copy only what the step needs: dependency manifests (`Cargo.toml`, `Cargo.lock`, `package*.json`) before the sources, and a `.dockerignore` for files that change on every run (`.git`, build output).',
    'base-image-changed': 'the base image tag now points at a new image: pin it by digest (`FROM image:tag@sha256:...`) and update the digest on purpose (Dependabot or Renovate), so a rebuild happens when you choose.',
    'cache-not-imported': 'the cache was not read: give `cache-from` the same type and `scope` as `cache-to`, and see the import error in the log.',
    'cache-mode-min': "`mode=min` exports only the final image's layers, so the build stages always rebuild: use `cache-to: type=gha,mode=max,scope=<image>`.",
    'cache-evicted': 'GitHub keeps 10 GB of Actions cache per repository and evicts the least recently used first: give each image of a matrix its own `scope`, and for large multi-platform builds consider a registry cache (`type=registry,ref=<image>:buildcache,mode=max`), which GitHub does not evict.',
    'platform-added': 'a platform new to this build has no cache yet; the next run of this workflow will have one.',
    'first-build': null,
    unknown: null,
};
function cacheBreakAdvice(reason) {
    return ADVICE[reason];
}
/** The distinct reasons of these breaks that have advice, in the order they first appear, with it. */
function adviceForBreaks(breaks) {
    const seen = new Map();
    for (const b of breaks) {
        const advice = ADVICE[b.reason];
        if (advice && !seen.has(b.reason))
            seen.set(b.reason, advice);
    }
    return [...seen].map(([reason, advice]) => ({ reason, advice }));
}


/***/ }),

/***/ 713:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  S: () => (/* binding */ compareAnalyses)
});

// EXTERNAL MODULE: ./src/analyze/metrics.ts
var metrics = __nccwpck_require__(7401);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/compare/dockerfile.ts


/** Files bigger than this are not a Dockerfile worth reading. */
const MAX_BYTES = 1024 * 1024;
/**
 * Reads `relative` (or `Dockerfile`) under `workspace`. Null when there is no workspace or no such
 * readable file: the reasoning then works from the logs alone.
 */
function readDockerfile(workspace, relative) {
    if (!workspace)
        return null;
    const path = relative && relative !== '-' ? relative : 'Dockerfile';
    if ((0,external_node_path_.isAbsolute)(path) || path.split(/[\\/]/).includes('..'))
        return null;
    const full = (0,external_node_path_.join)(workspace, path);
    try {
        if (!(0,external_node_fs_.statSync)(full).isFile() || (0,external_node_fs_.statSync)(full).size > MAX_BYTES)
            return null;
        return { path, stages: parseDockerfile((0,external_node_fs_.readFileSync)(full, 'utf8')) };
    }
    catch {
        return null;
    }
}
/** Splits Dockerfile text into stages and instructions (comments, blank lines and continuations handled). */
function parseDockerfile(text) {
    const logical = [];
    let pending = '';
    let start = 0;
    const lines = text.split(/\r?\n/);
    // A heredoc (`RUN <<EOF` ... `EOF`) belongs to its instruction: its lines are no instructions.
    let heredoc = null;
    lines.forEach((raw, i) => {
        if (heredoc !== null) {
            if (raw.replace(/^\t+/, '') === heredoc)
                heredoc = null;
            return;
        }
        const trimmed = raw.trim();
        // Comments and blank lines may sit inside a continued instruction; they are skipped.
        if (trimmed.startsWith('#') || trimmed === '')
            return;
        if (pending === '')
            start = i + 1;
        if (/\\\s*$/.test(raw)) {
            pending += `${raw.replace(/\\\s*$/, '')} `;
            return;
        }
        logical.push({ text: collapse(pending + raw), line: start });
        heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(raw)?.[1] ?? null;
        pending = '';
    });
    if (pending.trim())
        logical.push({ text: collapse(pending), line: start });
    const stages = [];
    for (const { text: instruction, line } of logical) {
        const space = instruction.indexOf(' ');
        const keyword = (space < 0 ? instruction : instruction.slice(0, space)).toUpperCase();
        const args = space < 0 ? '' : instruction.slice(space + 1);
        if (keyword === 'FROM') {
            const as = /\s+AS\s+(\S+)\s*$/i.exec(args);
            stages.push({ name: as ? as[1] : null, instructions: [{ keyword, args, line, index: 1 }], args: [] });
            continue;
        }
        const stage = stages[stages.length - 1];
        if (!stage)
            continue; // global ARGs before the first FROM: they reach a stage only if it redeclares them
        if (keyword === 'ARG') {
            for (const name of args
                .split(/\s+/)
                .map((a) => a.split('=')[0])
                .filter(Boolean))
                stage.args.push({ name, index: stage.instructions.length });
            continue; // BuildKit prints no step for ARG (nor ENV, LABEL, ... below)
        }
        if (!STEP_KEYWORDS.has(keyword))
            continue;
        stage.instructions.push({ keyword, args, line, index: stage.instructions.length + 1 });
    }
    const multi = stages.length > 1;
    return stages.map((s, i) => ({ label: multi ? (s.name ?? `stage-${i}`) : null, instructions: s.instructions, args: s.args }));
}
/**
 * The keywords BuildKit makes a step of (`[2/5] RUN ...`). ENV, ARG, LABEL, EXPOSE, CMD and the other
 * metadata instructions change the image config only and get no step number.
 */
const STEP_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** The instruction BuildKit printed as `[label index/...]`, if the file has it. */
function instructionAt(dockerfile, label, index) {
    const stage = dockerfile.stages.find((s) => s.label === label) ?? (dockerfile.stages.length === 1 ? dockerfile.stages[0] : undefined);
    return stage?.instructions.find((i) => i.index === index) ?? null;
}
/** Whether a build argument is in scope for the stage's instruction at `index`. */
function argsInScope(dockerfile, label, index) {
    const stage = dockerfile.stages.find((s) => s.label === label) ?? (dockerfile.stages.length === 1 ? dockerfile.stages[0] : undefined);
    return (stage?.args ?? []).filter((a) => a.index < index).map((a) => a.name);
}
/**
 * Whether BuildKit's printed text could come from the Dockerfile's instruction with some values for
 * its `$VAR` / `${VAR}` / `${VAR:-default}` references: the file's text with each reference as a wildcard.
 */
function matchesWithArgs(dockerfileArgs, printed) {
    const parts = collapse(dockerfileArgs).split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
    const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?');
    return new RegExp(`^${pattern}$`).test(collapse(printed));
}
/** Whether the instruction refers to any variable. */
function usesVariables(dockerfileArgs) {
    return /\$\{[^}]*\}|\$[A-Za-z_]/.test(dockerfileArgs);
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/compare/steps.ts


// How a step of one build is found again in another: by platform, stage and position, the way
// BuildKit numbers Dockerfile instructions (`[linux/arm64 builder 3/7]`). Vertex numbers (`#12`)
// differ from build to build; the position does not unless the Dockerfile changed.
function stepKey(step) {
    return `${step.platform ?? ''}|${step.stage ?? ''}|${step.index ?? ''}`;
}
/** `RUN cargo build --release`, whitespace collapsed: what is compared between builds. */
function instructionText(step) {
    return collapse(`${step.instruction ?? ''} ${step.command}`);
}
/** The bracket BuildKit prints before the instruction: `[4/6]`, `[linux/amd64 builder 2/3]`. */
function stepLabel(step) {
    return /^\[[^\]]*\]/.exec(step.name)?.[0] ?? `#${step.id}`;
}
/** A Dockerfile step that ran (it was not taken from the cache), in build order (vertex number). */
function ranSteps(build) {
    return build.steps.filter((s) => (0,metrics/* isCacheable */.TZ)(s) && !s.cached && (s.status === 'done' || s.status === 'error')).sort((a, b) => a.id - b.id);
}
/** The instruction steps by key; the first of a key wins (BuildKit prints a step once per build). */
function stepsByKey(build) {
    const map = new Map();
    for (const step of build.steps)
        if (step.kind === 'instruction' && !map.has(stepKey(step)))
            map.set(stepKey(step), step);
    return map;
}
/** The step before this one in its stage (index - 1), when the log has it. */
function previousStep(byKey, step) {
    if (step.index === null || step.index <= 1)
        return null;
    return byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index - 1}`) ?? null;
}
/**
 * The digest the stage's FROM resolved to (`FROM docker.io/library/alpine:3.19@sha256:...`), if
 * printed. BuildKit prints a FROM once when two stages start from the same image (under the first
 * stage's name): a stage without its own FROM takes the build's only base digest, if there is one.
 */
function baseDigest(build, byKey, step) {
    const from = byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|1`);
    if (from && from.instruction === 'FROM')
        return digestOf(from);
    const all = new Set(build.steps.filter((s) => s.instruction === 'FROM' && s.platform === step.platform).map(digestOf));
    return all.size === 1 ? [...all][0] : null;
}
function digestOf(from) {
    return /@(sha256:[0-9a-f]{64})/.exec(from.command)?.[1] ?? null;
}
/** The stage that produced the image: the one of the last Dockerfile step of the build. */
function finalStage(build) {
    const steps = build.steps.filter((s) => s.kind === 'instruction');
    if (steps.length === 0)
        return null;
    return steps.reduce((last, s) => (s.id > last.id ? s : last)).stage;
}

// EXTERNAL MODULE: ./src/parse/vertex-name.ts
var vertex_name = __nccwpck_require__(7849);
;// CONCATENATED MODULE: ./src/compare/cache-break.ts




/**
 * The first step, in build order, that ran in `head` although the baseline had it (and a cache it
 * could come from), with the reason. `base` undefined: the build has no counterpart in the baseline
 * (a first build). `base` null: no baseline at all, only a miss after hits within `head` is told.
 */
function findCacheBreak(head, base, context) {
    const ran = ranSteps(head);
    if (ran.length === 0)
        return null;
    const headByKey = stepsByKey(head);
    if (base === null)
        return breakWithoutBaseline(ran, headByKey, context);
    if (base === undefined) {
        if (head.steps.some((s) => s.kind === 'instruction' && s.cached))
            return breakWithoutBaseline(ran, headByKey, context);
        return make(ran, ran[0], 'first-build', 'the baseline has no build of this name: nothing could come from its cache', context);
    }
    const baseByKey = stepsByKey(base);
    const headHits = head.steps.some((s) => s.kind === 'instruction' && s.cached && s.instruction !== 'FROM');
    const baseExported = exported(base);
    const modeMin = modeMinBreak(head, base, ran, baseByKey, context);
    if (modeMin)
        return modeMin;
    // A baseline that names no platform built one: the one this build names first (its native one).
    const samePlatform = base.platforms.length === 0 ? primaryPlatform(head) : null;
    let newPlatform = null;
    for (const step of ran) {
        const known = step.platform === null || base.platforms.includes(step.platform) || step.platform === samePlatform;
        if (!known) {
            newPlatform ??= step;
            continue;
        }
        // A baseline of one platform may not name it: its steps are this platform's.
        const counterpart = baseByKey.get(stepKey(step)) ?? baseByKey.get(stepKey({ ...step, platform: null }));
        if (!counterpart) {
            // A stage of another length: instructions were added or removed.
            const sibling = base.steps.find((s) => s.kind === 'instruction' && (s.platform === step.platform || s.platform === null) && s.stage === step.stage);
            if (sibling && sibling.total !== step.total)
                return make(ran, step, 'dockerfile-edited', `the stage has ${step.total ?? '?'} steps, ${sibling.total ?? '?'} in the baseline: instructions were added or removed`, context);
            continue;
        }
        if (counterpart.status !== 'done' && counterpart.status !== 'cached')
            continue;
        // Without a cache the step could have come from, its running is no break.
        if (!counterpart.cached && !baseExported && !headHits)
            continue;
        return reasonFor(head, base, ran, step, counterpart, headByKey, baseByKey, context);
    }
    if (newPlatform)
        return make(ran, newPlatform, 'platform-added', `the baseline built ${base.platforms.length ? base.platforms.join(', ') : 'one platform'}, not ${newPlatform.platform}`, context);
    return null;
}
/** The platform a build names first: its native one when it builds that, else linux/amd64 if it builds that. */
function primaryPlatform(build) {
    if (build.nativePlatform && build.platforms.includes(build.nativePlatform))
        return build.nativePlatform;
    if (build.platforms.includes('linux/amd64'))
        return 'linux/amd64';
    return build.platforms[0] ?? null;
}
/**
 * mode=min exports the final stage's layers only. When a step of the final stage changed before its
 * `COPY --from`, the intermediate stage it copies from has to run again, although nothing of it
 * changed: with mode=max it would have come from the cache. The tell-tale: the cache was imported,
 * the final stage had hits, its first ran step comes before its first `COPY --from` (so it is not the
 * intermediate stage's change arriving), and an intermediate stage's unchanged steps ran.
 */
function modeMinBreak(head, base, ran, baseByKey, context) {
    if (!head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached') || !exported(base) || exportModeOf(base) === 'max')
        return null;
    if (importProblem(head, base))
        return null;
    const final = finalStage(head);
    const finalSteps = head.steps.filter((s) => s.kind === 'instruction' && s.stage === final && s.instruction !== 'FROM' && s.index !== null);
    if (!finalSteps.some((s) => s.cached))
        return null;
    const firstCopyFrom = Math.min(...finalSteps.filter((s) => /--from=/.test(s.command)).map((s) => s.index));
    const firstRan = Math.min(...finalSteps.filter((s) => !s.cached).map((s) => s.index));
    if (!Number.isFinite(firstCopyFrom) || !(firstRan < firstCopyFrom))
        return null;
    // An intermediate stage that was itself edited broke by its edit, not by the export mode.
    const others = ran.filter((s) => s.stage !== final);
    const unchanged = (s) => {
        const before = baseByKey.get(stepKey(s)) ?? baseByKey.get(stepKey({ ...s, platform: null }));
        return before !== undefined && instructionText(before) === instructionText(s) && before.total === s.total;
    };
    if (others.length === 0 || !others.every(unchanged))
        return null;
    const intermediate = others[0];
    const trigger = finalSteps.find((s) => s.index === firstRan);
    return make(ran, intermediate, 'cache-mode-min', `the baseline exported its cache with mode=min (the final stage only): when ${stepLabel(trigger)} ${instructionText(trigger)} ran, the unchanged stage ${intermediate.stage ?? ''} had to run again; mode=max would have kept it`, context);
}
function reasonFor(head, base, ran, step, counterpart, headByKey, baseByKey, context) {
    const said = instructionText(step);
    const before = instructionText(counterpart);
    if (said !== before || step.total !== counterpart.total)
        return editOrArgument(ran, step, before, context);
    const headBase = baseDigest(head, headByKey, step);
    const baseBase = baseDigest(base, baseByKey, counterpart);
    if (headBase && baseBase && headBase !== baseBase)
        return make(ran, step, 'base-image-changed', `the stage's FROM resolved to ${cache_break_short(headBase)}, ${cache_break_short(baseBase)} in the baseline`, context);
    const imported = importProblem(head, base);
    if (imported)
        return make(ran, step, 'cache-not-imported', imported, context);
    const previous = previousStep(headByKey, step);
    const hits = head.steps.filter((s) => s.kind === 'instruction' && s.instruction !== 'FROM' && s.cached).length;
    const importOk = head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached');
    const baseExported = exported(base);
    const copies = (step.instruction === 'COPY' || step.instruction === 'ADD') && !/--from=/.test(step.command);
    if (importOk && baseExported && hits === 0)
        return make(ran, step, 'cache-evicted', "the cache was imported, yet no step came from it: the baseline's entries are gone (evicted or overwritten)", context);
    if (copies && previous && (previous.cached || previous.instruction === 'FROM'))
        return make(ran, step, 'context-changed', `the instruction is unchanged and the step before it ${previous.cached ? 'came from the cache' : 'is the FROM'}: the files it copies changed`, context);
    if (step.instruction === 'RUN' && context.dockerfile && step.index !== null) {
        const args = argsInScope(context.dockerfile, step.stage, step.index);
        if (args.length > 0)
            return make(ran, step, 'build-arg-changed', `the instruction is unchanged, and the build arguments in scope (${args.join(', ')}) are part of its cache key: one of them took another value`, context);
    }
    if (importOk && baseExported)
        return make(ran, step, 'cache-evicted', 'the cache was imported, yet this unchanged step missed: its entry is gone (evicted or overwritten)', context);
    return make(ran, step, 'unknown', 'the instruction and the base image are unchanged and no cache import failed', context);
}
/** The printed text changed: an edit, unless the Dockerfile's own text (with its variables) gives both. */
function editOrArgument(ran, step, before, context) {
    const line = context.dockerfile && step.index !== null ? instructionAt(context.dockerfile, step.stage, step.index) : null;
    if (line &&
        line.keyword === step.instruction &&
        usesVariables(line.args) &&
        matchesWithArgs(line.args, step.command) &&
        matchesWithArgs(line.args, before.slice(before.indexOf(' ') + 1))) {
        return make(ran, step, 'build-arg-changed', `the Dockerfile's instruction is the same, but a build argument it uses took another value (the baseline ran: ${before})`, context);
    }
    return make(ran, step, 'dockerfile-edited', `the instruction changed (the baseline ran: ${before})`, context);
}
/**
 * Why the cache the baseline exported did not reach this build: no import at all, a failed import,
 * BuildKit's warning that the source was not found, or another scope or reference than the export's.
 */
function importProblem(head, base) {
    if (!exported(base))
        return null;
    const warning = head.cache.warnings?.[0];
    if (warning)
        return `BuildKit warned: ${warning.text}`;
    const failed = head.cache.imports.find((op) => op.status === 'error');
    if (failed && !head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached'))
        return `the cache import from ${failed.ref ?? failed.kind} failed`;
    if (head.cache.imports.length === 0) {
        return head.request.cacheFrom.length > 0
            ? 'the build asked for a cache (cache-from) but imported none'
            : 'the baseline exported a cache, but this build imported none (no cache-from)';
    }
    const from = new Set(head.request.cacheFrom.map(cacheLocation).filter((l) => l !== null));
    const to = base.request.cacheTo.map(cacheLocation).filter((l) => l !== null);
    if (from.size > 0 && to.length > 0 && !to.some((l) => from.has(l)))
        return `this build imports ${[...from].join(', ')}, the baseline exported ${to.join(', ')}`;
    return null;
}
function exported(build) {
    return build.cache.exports.some((op) => op.status === 'done') || build.request.cacheTo.length > 0;
}
/** `min` unless the baseline's cache-to said `mode=max` (BuildKit's default is min); null when unknown. */
function exportModeOf(base) {
    if (base.request.cacheTo.length === 0)
        return null;
    return base.request.cacheTo.some((o) => /(?:^|,)mode=max\b/.test(o)) ? 'max' : 'min';
}
/** Where a cache-from/cache-to option points, comparable between the two (`gha:app`, `registry:ghcr.io/o/a:cache`, `local:/dir`). */
function cacheLocation(option) {
    const kind = (0,vertex_name/* cacheKindOfOption */.FZ)(option);
    if (!kind)
        return null;
    const fields = new Map(option.split(',').map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    if (!option.includes('type='))
        return `registry:${option.trim()}`;
    switch (kind) {
        case 'gha':
            return `gha:${fields.get('scope') ?? 'buildkit'}`;
        case 'local':
            return `local:${fields.get('src') ?? fields.get('dest') ?? ''}`;
        case 'registry':
            return `registry:${fields.get('ref') ?? ''}`;
        default:
            return `${kind}:${fields.get('name') ?? fields.get('ref') ?? fields.get('bucket') ?? ''}`;
    }
}
/** Without a baseline: the first step that ran after an earlier step of its stage came from the cache. */
function breakWithoutBaseline(ran, byKey, context) {
    for (const step of ran) {
        if (step.index === null)
            continue;
        let hitBefore = false;
        for (let i = step.index - 1; i >= 2 && !hitBefore; i--)
            hitBefore = byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|${i}`)?.cached ?? false;
        if (!hitBefore)
            continue;
        const copies = (step.instruction === 'COPY' || step.instruction === 'ADD') && !/--from=/.test(step.command);
        if (copies)
            return make(ran, step, 'context-changed', 'the steps before it came from the cache: the files it copies changed', context);
        const line = context.dockerfile ? instructionAt(context.dockerfile, step.stage, step.index) : null;
        const args = context.dockerfile ? argsInScope(context.dockerfile, step.stage, step.index) : [];
        if (line && line.keyword === step.instruction && args.length > 0)
            return make(ran, step, 'build-arg-changed', `the steps before it came from the cache and build arguments in scope (${args.join(', ')}) are part of its cache key`, context);
        return make(ran, step, 'dockerfile-edited', 'the steps before it came from the cache: the instruction (or what it depends on) changed', context);
    }
    return null;
}
function make(ran, step, reason, detail, context) {
    const rebuilt = ran.filter((s) => s.id >= step.id);
    const line = context.dockerfile && step.index !== null ? instructionAt(context.dockerfile, step.stage, step.index) : null;
    return {
        step: stepLabel(step),
        instruction: instructionText(step),
        platform: step.platform,
        dockerfile: line ? context.dockerfile.path : null,
        dockerfileLine: line && line.keyword === step.instruction ? line.line : null,
        reason,
        detail,
        rebuiltSteps: rebuilt.length,
        secondsLost: (0,metrics/* round */.LI)(rebuilt.reduce((sum, s) => sum + (s.seconds ?? 0), 0), 1),
        line: step.line,
    };
}
function cache_break_short(digest) {
    return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}

;// CONCATENATED MODULE: ./src/compare/deltas.ts


/** A step is "much slower" when it took this many seconds more... */
const SLOWER_BY = 5;
/** ...and this many times as long. */
const SLOWER_FACTOR = 1.5;
function buildDeltas(head, base) {
    const diff = (a, b, digits = 1) => (a === null || b === null ? null : (0,metrics/* round */.LI)(a - b, digits));
    const platforms = [...new Set([...Object.keys(head.timing.platformSeconds), ...Object.keys(base.timing.platformSeconds)])];
    const baseSteps = stepsByKey(base.build);
    const slowerSteps = [];
    for (const step of head.build.steps) {
        if (step.kind !== 'instruction' || step.cached || step.seconds === null)
            continue;
        const before = baseSteps.get(stepKey(step));
        if (!before || before.cached || before.seconds === null || instructionText(before) !== instructionText(step))
            continue;
        if (step.seconds - before.seconds >= SLOWER_BY && step.seconds >= before.seconds * SLOWER_FACTOR) {
            slowerSteps.push({
                step: stepLabel(step),
                instruction: instructionText(step),
                platform: step.platform,
                seconds: step.seconds,
                baselineSeconds: before.seconds,
            });
        }
    }
    slowerSteps.sort((a, b) => b.seconds - b.baselineSeconds - (a.seconds - a.baselineSeconds));
    const imageSizes = [];
    for (const image of head.build.images) {
        for (const platform of image.platforms ?? []) {
            const before = base.build.images.find((i) => sameRepository(i.ref, image.ref))?.platforms?.find((p) => p.platform === platform.platform);
            if (before)
                imageSizes.push({
                    ref: image.ref,
                    platform: platform.platform,
                    bytes: platform.compressedBytes,
                    baselineBytes: before.compressedBytes,
                    change: platform.compressedBytes - before.compressedBytes,
                });
        }
    }
    const headIds = new Set(head.findings.map((f) => f.id));
    const baseIds = new Set(base.findings.map((f) => f.id));
    return {
        buildSeconds: diff(head.build.buildSeconds, base.build.buildSeconds),
        jobSeconds: diff(head.build.jobSeconds, base.build.jobSeconds),
        cacheRatio: diff(head.cache.ratio, base.cache.ratio, 3),
        platformSeconds: platforms.map((platform) => ({
            platform,
            seconds: head.timing.platformSeconds[platform] ?? null,
            baselineSeconds: base.timing.platformSeconds[platform] ?? null,
        })),
        slowerSteps: slowerSteps.slice(0, 5),
        imageSizes,
        newFindings: [...headIds].filter((id) => !baseIds.has(id)),
        goneFindings: [...baseIds].filter((id) => !headIds.has(id)),
        baselineDigests: base.build.images.filter((i) => i.digest).map((i) => ({ ref: i.ref, digest: i.digest })),
    };
}
/** `ghcr.io/o/app:pr-7` and `ghcr.io/o/app:main` are the same image, another tag. */
function sameRepository(a, b) {
    const repo = (ref) => ref.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
    return repo(a) === repo(b);
}

;// CONCATENATED MODULE: ./src/compare/match-builds.ts
/**
 * Pairs each build of this run with the baseline's: same job (matrix leg) and build name first, then
 * the same name, then the same job; builds left over on both sides are paired in order (two single
 * logs given to the CLI carry their file names, which differ). Each baseline build is used once.
 * Returns, per head build in order, its baseline build or undefined.
 */
function matchBuilds(head, baseline) {
    const result = head.map(() => undefined);
    const free = new Set(baseline);
    const pass = (same) => {
        head.forEach((h, i) => {
            if (result[i])
                return;
            const match = [...free].find((b) => same(h, b));
            if (match) {
                result[i] = match;
                free.delete(match);
            }
        });
    };
    pass((a, b) => a.build.job === b.build.job && a.build.name === b.build.name);
    pass((a, b) => a.build.name === b.build.name);
    pass((a, b) => a.build.job !== null && a.build.job === b.build.job);
    const leftHead = head.map((_, i) => i).filter((i) => !result[i]);
    const leftBase = [...free];
    if (leftHead.length === leftBase.length)
        leftHead.forEach((i, n) => (result[i] = leftBase[n]));
    return result;
}

;// CONCATENATED MODULE: ./src/compare/compare.ts




/**
 * Compares each build with its baseline build. Without a baseline (`null`), a build that had cache
 * hits and then a miss still gets its cache break, from its own log.
 */
function compareAnalyses(head, baseline, options) {
    const label = options.baselineLabel ?? null;
    const matches = baseline ? matchBuilds(head.builds, baseline.builds) : head.builds.map(() => undefined);
    const dockerfiles = new Map();
    const dockerfileFor = (b) => {
        const key = b.build.request.dockerfile ?? 'Dockerfile';
        if (!dockerfiles.has(key))
            dockerfiles.set(key, readDockerfile(options.workspace, b.build.request.dockerfile));
        return dockerfiles.get(key);
    };
    const builds = head.builds.map((b, i) => {
        const base = matches[i];
        const context = { dockerfile: dockerfileFor(b) };
        return {
            build: b.build.name,
            baseline: base
                ? {
                    run: label,
                    name: base.build.name,
                    status: base.build.status,
                    buildSeconds: base.build.buildSeconds,
                    jobSeconds: base.build.jobSeconds,
                    cacheRatio: base.cache.ratio,
                }
                : null,
            cacheBreak: findCacheBreak(b.build, baseline ? base?.build : null, context),
            deltas: base ? buildDeltas(b, base) : null,
        };
    });
    let note = null;
    if (!baseline)
        note = "no baseline to compare with: the cache break is told from this run's own logs";
    else if (baseline.builds.length === 0)
        note = `the baseline${label ? ` (${label})` : ''} has no build`;
    else if (builds.every((b) => b.baseline === null))
        note = `no build of this run is in the baseline${label ? ` (${label})` : ''}`;
    return { hasBaseline: baseline !== null, baselineLabel: label, note, builds };
}


/***/ }),

/***/ 1564:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zc: () => (/* binding */ lineSelectorFor),
/* harmony export */   ow: () => (/* binding */ PARSER_LITERAL)
/* harmony export */ });
/* unused harmony export LineSelector */
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7971);
/* harmony import */ var _literal_set_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1326);
/* harmony import */ var _load_catalog_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4983);
/* harmony import */ var _parse_quiet_line_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1062);




/**
 * The kind (LiteralSet) of the parser's own literals (quiet-line.ts) in the selector's automaton:
 * scanQuietBytes() finds them in the same pass as the catalog's.
 */
const PARSER_LITERAL = 2;
/**
 * Decides, while a log is read, which lines the signatures will want to see: the parser keeps the
 * lines around them for the diagnosis. Derived from the catalog itself (built-in and the team's own
 * signatures), so a signature's line is never dropped before it could match.
 *
 * Cheap first: one search for the literals every pattern needs. A built-in (reviewed) pattern then
 * confirms the line; a user's pattern is not run here (it runs later in a worker with a time
 * budget), so its literals alone select the line.
 *
 * The search is made in two ways. Building the literal automata (LiteralSet) for the built-in
 * catalog's literals took a sixth of the action's start, and a short log tests a handful
 * of lines: the first lines are searched for each literal in turn (`includes` on the line folded as
 * the automaton reads it, so the answers are the same), and the automata are built only when a log
 * has more lines to test than that is worth.
 */
class LineSelector {
    prefilterSet = null;
    userLiteralSet = null;
    builtinLiterals;
    userLiteralList;
    /** The literals folded as the automaton reads them, for the line-by-line search (made on first use). */
    foldedLiterals = null;
    /** Lines still to test by searching each literal before the automata are built. */
    linesBeforeAutomata;
    /** Built-in patterns that have no required literal: run on every line (kept few and cheap). */
    unfiltered;
    /** Patterns, not their regular expressions: each is compiled the first time a line holds its literal. */
    confirm;
    /** Every literal of both sets: a line without any of them is selected only by an unfiltered pattern. */
    literals;
    /** Some built-in pattern has no literal, so any line may be selected (no prefilter can say no). */
    testsEveryLine;
    /** The parser's literals that tell a quiet line (quiet-line.ts), ridden along in the prefilter. */
    parserLiterals;
    /**
     * `linesBeforeAutomata`: how many lines are tested by searching each literal before the automata
     * are built (tests compare the two ways with 0 and Infinity). `parserLiterals`: the literals of
     * scanQuietBytes()'s second kind, asked for when the automaton is built.
     */
    constructor(signatures, linesBeforeAutomata = LINES_BEFORE_AUTOMATA, parserLiterals = _parse_quiet_line_js__WEBPACK_IMPORTED_MODULE_2__/* .quietLineTexts */ .T0) {
        this.linesBeforeAutomata = linesBeforeAutomata;
        this.parserLiterals = parserLiterals;
        const builtinLiterals = [];
        const userLiterals = [];
        const unfiltered = [];
        const confirm = [];
        for (const signature of signatures) {
            const trusted = signature.patternsOrigin === 'built-in';
            for (const pattern of signature.patterns) {
                // Worked out when the bundle was built for the built-in catalog.
                const literals = pattern.literals;
                if (trusted) {
                    if (literals) {
                        for (const text of literals)
                            builtinLiterals.push({ text, id: confirm.length });
                        confirm.push(pattern);
                    }
                    else {
                        unfiltered.push(pattern);
                    }
                }
                else if (literals) {
                    for (const text of literals)
                        userLiterals.push({ text, id: 0 });
                }
                // A user pattern with no literal selects nothing: it sees the lines kept for the others.
            }
        }
        this.builtinLiterals = builtinLiterals;
        this.userLiteralList = userLiterals;
        this.unfiltered = unfiltered;
        this.confirm = confirm;
        this.literals = [...builtinLiterals, ...userLiterals].map((l) => l.text);
        this.testsEveryLine = unfiltered.length > 0;
    }
    /**
     * Whether select() may be true for the ASCII text in `bytes[start, end)`: false only when it is
     * certainly false (no literal of any signature in it, and no pattern without literals to run), so
     * a line can be passed over without being decoded. A byte beyond ASCII answers true.
     */
    mayWantBytes(bytes, start, end) {
        if (this.unfiltered.length > 0)
            return true;
        if (this.searchLineByLine()) {
            // The automata's answer for bytes: false with no literal at all, true for a byte beyond ASCII,
            // else whether a literal is there.
            const { builtin, user } = this.folded();
            if (builtin.length === 0 && user.length === 0)
                return false;
            for (let i = start; i < end; i++)
                if (bytes[i] > 0x7f)
                    return true;
            const line = foldAsAutomaton(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
            return user.some((literal) => line.includes(literal)) || builtin.some((literal) => line.includes(literal.text));
        }
        return this.userLiterals.testBytes(bytes, start, end) || this.prefilter.testBytes(bytes, start, end);
    }
    /**
     * mayWantBytes() and the step-line shortcut's check that the bytes are printable ASCII, in one
     * pass over the line when the automata are in use (LiteralSet.scanPrintableBytes): NOT_PRINTABLE,
     * or whether mayWantBytes() would be true (LITERAL_FOUND) or false (NO_LITERAL). `tabs`: a tab
     * counts as printable.
     */
    scanPrintableBytes(bytes, start, end, tabs) {
        if (this.unfiltered.length > 0 || this.linesBeforeAutomata > 0 || this.userLiteralList.length > 0) {
            // The rare ways (a pattern run on every line, a short log's first lines, a team's literals): two passes.
            for (let i = start; i < end; i++) {
                const byte = bytes[i];
                if (byte >= DEL || (byte < SPACE && (byte !== TAB || !tabs)))
                    return _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_PRINTABLE */ .qv;
            }
            return this.mayWantBytes(bytes, start, end) ? _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .LITERAL_FOUND */ .V7 : _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .NO_LITERAL */ .WZ;
        }
        return this.prefilter.scanPrintableBytes(bytes, start, end, tabs);
    }
    /**
     * scanPrintableBytes() and the quiet-line test's search for the parser's literals
     * (quietLinePrefilter().testBytes) in one pass over the line: NOT_PRINTABLE, or the bits
     * LITERAL_FOUND (mayWantBytes() would be true) and PARSER_LITERAL (one of the parser's literals is
     * there; beyond ASCII, may be: a printable line has no such byte). The parser's literals are a
     * second kind in the prefilter's automaton, which select(), mayWantBytes() and scanPrintableBytes()
     * do not see: a quiet line (a runner's own line) is the other half of a real log's lines, and
     * the two searches read each of them twice.
     */
    scanQuietBytes(bytes, start, end, tabs) {
        if (this.unfiltered.length > 0 || this.linesBeforeAutomata > 0 || this.userLiteralList.length > 0) {
            const scan = this.scanPrintableBytes(bytes, start, end, tabs);
            if (scan === _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_PRINTABLE */ .qv)
                return scan;
            return (0,_parse_quiet_line_js__WEBPACK_IMPORTED_MODULE_2__/* .quietLinePrefilter */ .S2)()?.testBytes(bytes, start, end) ? scan | PARSER_LITERAL : scan;
        }
        return this.prefilter.scanKinds(bytes, start, end, tabs, _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .LITERAL_FOUND */ .V7 | PARSER_LITERAL);
    }
    /** Whether a built-in signature matches the line, or a user signature may. */
    select(text) {
        if (this.searchLineByLine())
            return this.selectLineByLine(text);
        if (this.userLiterals.test(text))
            return true;
        // Only the patterns whose literal is in the line are run, on the line as patterns see it.
        let normalized = null;
        const confirmed = this.prefilter.find(text, (id) => this.confirm[id].regex.test((normalized ??= (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeForMatching */ ._)(text))));
        if (confirmed || this.unfiltered.length === 0)
            return confirmed;
        normalized ??= (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeForMatching */ ._)(text);
        return this.unfiltered.some((pattern) => pattern.regex.test(normalized));
    }
    /** select() without the automata: each literal searched in the folded line. */
    selectLineByLine(text) {
        const line = foldAsAutomaton(text);
        const { builtin, user } = this.folded();
        if (user.some((literal) => line.includes(literal)))
            return true;
        let normalized = null;
        for (const literal of builtin) {
            if (line.includes(literal.text) && this.confirm[literal.id].regex.test((normalized ??= (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeForMatching */ ._)(text))))
                return true;
        }
        if (this.unfiltered.length === 0)
            return false;
        normalized ??= (0,_normalize_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeForMatching */ ._)(text);
        return this.unfiltered.some((pattern) => pattern.regex.test(normalized));
    }
    /** Whether this line is still tested line by line; counts it. */
    searchLineByLine() {
        if (this.linesBeforeAutomata <= 0)
            return false;
        this.linesBeforeAutomata--;
        return true;
    }
    folded() {
        // An empty literal is in no line for the automaton (it is skipped there), but `includes` finds it anywhere.
        this.foldedLiterals ??= {
            builtin: this.builtinLiterals.filter((l) => l.text.length > 0).map((l) => ({ text: foldAsAutomaton(l.text), id: l.id })),
            user: this.userLiteralList.filter((l) => l.text.length > 0).map((l) => foldAsAutomaton(l.text)),
        };
        return this.foldedLiterals;
    }
    get prefilter() {
        this.prefilterSet ??= new _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .LiteralSet */ .gv([...this.builtinLiterals, ...this.parserLiterals().map((text) => ({ text, id: 0, kind: PARSER_LITERAL }))]);
        return this.prefilterSet;
    }
    get userLiterals() {
        return (this.userLiteralSet ??= new _literal_set_js__WEBPACK_IMPORTED_MODULE_3__/* .LiteralSet */ .gv(this.userLiteralList));
    }
}
/**
 * Lines tested by searching each literal before the automata are built. Measured on the shared
 * machine (load 10, the built-in catalog, the sample log's lines): building the automata about
 * 60 ms of CPU; one line searched literal by literal 0.04-0.1 ms. So the automata pay for
 * themselves after some hundreds of lines; a short log never builds them, and a long one pays at
 * most about 10 ms for these first lines.
 */
const LINES_BEFORE_AUTOMATA = 128;
/**
 * Text as LiteralSet reads it: ASCII letters in lower case, and every UTF-16 unit beyond ASCII
 * alike (the automaton gives them one class), here all written as U+0080.
 */
function foldAsAutomaton(text) {
    return text.replace(NON_ASCII, '\u0080').toLowerCase();
}
const NON_ASCII = /[^\x00-\x7f]/g;
const DEL = 0x7f;
const SPACE = 0x20;
const TAB = 0x09;
let builtinSelector = null;
/** The selector of a catalog: the built-in one is made once. */
function lineSelectorFor(catalog) {
    if (catalog !== (0,_load_catalog_js__WEBPACK_IMPORTED_MODULE_1__/* .builtinSignatures */ .n)())
        return new LineSelector(catalog);
    builtinSelector ??= new LineSelector(catalog);
    return builtinSelector;
}


/***/ }),

/***/ 1326:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V7: () => (/* binding */ LITERAL_FOUND),
/* harmony export */   WZ: () => (/* binding */ NO_LITERAL),
/* harmony export */   gv: () => (/* binding */ LiteralSet),
/* harmony export */   qv: () => (/* binding */ NOT_PRINTABLE)
/* harmony export */ });
/** Characters are folded to 7-bit ASCII lower case; anything else shares one class. */
const ASCII = 128;
const DEL = 0x7f;
const SPACE = 0x20;
const TAB = 0x09;
/** The outputs of a state where none of the set's own literals ends (shared, never changed). */
const NO_IDS = [];
const NOT_PRINTABLE = -1;
const NO_LITERAL = 0;
const LITERAL_FOUND = 1;
/**
 * Which of many literals a text contains, ignoring ASCII case, in one pass over the text (an
 * Aho-Corasick automaton compiled to a transition table). Each literal carries the id of what it
 * stands for (a pattern). It is a prefilter: a character outside ASCII matches any other such
 * character, so it may report a literal that is not there, never miss one that is.
 *
 * It runs over nearly every line of a log, so the table is kept small enough to stay in the CPU's
 * cache: a column per character class (the characters the literals use, folded; all the others
 * share column 0) instead of per ASCII character, and 16-bit state numbers when they fit. With the
 * built-in catalog's 8,000 states that is a table of about 1 MB instead of 4 MB (the line selection
 * over the sample's lines took about a quarter less time).
 */
class LiteralSet {
    /** next[(state << shift) + class]: the state after reading a character of that class, or `unknown`. */
    next;
    /** The table's mark of a transition not worked out yet (resolve). */
    unknown;
    /** Each state's failure state: where the scan goes on when no literal continues. */
    failure;
    shift;
    /** The class of each character code below 128; codes above share the class of non-ASCII. */
    classOf;
    nonAsciiClass;
    /** The kinds of the literals that end at a state (its own and its failure states'), as bits. */
    accepts;
    /** The ids of the set's own literals (LITERAL_FOUND) that end at a state (its own and its failure states'). */
    outputs;
    size;
    /**
     * Whether any literal is the set's own (LITERAL_FOUND): without one, test() and testBytes() are
     * false whatever the text, beyond ASCII too, as for an empty set.
     */
    hasOwn;
    /** `kind`: LITERAL_FOUND when absent (a literal of the set's own), else another bit below 256. */
    constructor(literals) {
        // Classes: 0 for characters no literal uses, then one per folded character a literal uses.
        const classOf = new Uint8Array(ASCII);
        let classes = 1;
        let nonAsciiClass = 0;
        for (const { text } of literals) {
            for (let i = 0; i < text.length; i++) {
                const code = text.charCodeAt(i);
                if (code >= ASCII) {
                    if (nonAsciiClass === 0)
                        nonAsciiClass = classes++;
                    continue;
                }
                const folded = fold(code);
                if (classOf[folded] === 0)
                    classOf[folded] = classes++;
            }
        }
        // Upper-case letters read as their lower case.
        for (let code = 65; code <= 90; code++)
            classOf[code] = classOf[code + 32];
        this.classOf = classOf;
        this.nonAsciiClass = nonAsciiClass;
        let shift = 0;
        while (1 << shift < classes)
            shift++;
        this.shift = shift;
        const width = 1 << shift;
        const column = (code) => (code < ASCII ? classOf[code] : nonAsciiClass);
        // The trie is built straight into a table (no map per state: the built-in catalog's set is made
        // at every start). Only the trie's edges and the root's row are filled now; every other
        // transition is UNKNOWN until a scan first needs it (resolve). Completing the whole table up
        // front meant states \u00d7 classes steps (about 500,000 for the built-in catalog) in code that runs
        // once, in V8's interpreter: a quarter of a short run's time.
        let capacity = 1;
        for (const { text } of literals)
            capacity += text.length;
        const unknown = capacity < 0xffff ? 0xffff : -1;
        const table = unknown === 0xffff ? new Uint16Array(capacity * width) : new Int32Array(capacity * width);
        table.fill(unknown);
        // The trie in typed arrays, a state's parent and the class that leads to it: no array per state
        // (the built-in catalog's set has about 17,000 states, made at every start).
        /** The kinds of the literals that end at each state of the trie. */
        const accepting = new Uint8Array(capacity);
        const parent = new Int32Array(capacity);
        const classIn = new Uint8Array(capacity);
        const depth = new Int32Array(capacity);
        /** The ids of the set's own literals that end at a state, for the few states where one does. */
        const own = new Map();
        let states = 1;
        let maxDepth = 0;
        for (const { text: literal, id, kind = LITERAL_FOUND } of literals) {
            if (literal.length === 0)
                continue;
            let state = 0;
            for (let i = 0; i < literal.length; i++) {
                const c = column(literal.charCodeAt(i));
                const slot = state * width + c;
                let target = table[slot];
                if (target === unknown) {
                    target = states++;
                    table[slot] = target;
                    parent[target] = state;
                    classIn[target] = c;
                    depth[target] = depth[state] + 1;
                    if (depth[target] > maxDepth)
                        maxDepth = depth[target];
                }
                state = target;
            }
            accepting[state] |= kind;
            if (kind === LITERAL_FOUND) {
                const ids = own.get(state);
                if (ids)
                    ids.push(id);
                else
                    own.set(state, [id]);
            }
        }
        // The root's missing edges lead back to it.
        for (let c = 0; c < width; c++)
            if (table[c] === unknown)
                table[c] = 0;
        this.next = table;
        this.unknown = unknown;
        this.failure = new Int32Array(states);
        // Locals, not fields, in the loops: the object's shape is still changing in its constructor.
        const outputs = new Array(states).fill(NO_IDS);
        for (const [state, ids] of own)
            outputs[state] = ids;
        const accepts = new Uint8Array(states);
        const failure = this.failure;
        // Breadth first, i.e. by depth (a counting sort): a state's failure state, shallower, is
        // complete before the state itself; within a depth the order changes nothing.
        const first = new Int32Array(maxDepth + 2);
        for (let state = 1; state < states; state++)
            first[depth[state] + 1]++;
        for (let d = 1; d <= maxDepth + 1; d++)
            first[d] += first[d - 1];
        const order = new Int32Array(states);
        for (let state = 1; state < states; state++)
            order[first[depth[state]]++] = state;
        accepts[0] = accepting[0];
        for (let k = 0; k < states - 1; k++) {
            const state = order[k];
            const from = parent[state];
            const fail = from === 0 ? 0 : this.resolve(failure[from], classIn[state]);
            failure[state] = fail;
            accepts[state] = accepting[state] | accepts[fail];
            if ((accepts[fail] & LITERAL_FOUND) !== 0)
                outputs[state] = [...(own.get(state) ?? []), ...outputs[fail]];
        }
        this.size = states;
        this.hasOwn = own.size > 0;
        this.outputs = outputs;
        this.accepts = accepts;
    }
    /**
     * The state after reading a character of class `c` in `state`, where the table does not know it
     * yet: the failure state's transition (the longest suffix that is a prefix of some literal),
     * remembered in the table. Iterative: a chain of failure states is at most a literal long.
     */
    resolve(state, c) {
        const next = this.next;
        const shift = this.shift;
        let s = state;
        let target = next[(s << shift) + c];
        while (target === this.unknown) {
            s = this.failure[s];
            target = next[(s << shift) + c];
        }
        // Every state on the way (their transitions are all this one) learns it.
        for (let t = state; t !== s; t = this.failure[t])
            next[(t << shift) + c] = target;
        return target;
    }
    /** Whether the text contains one of the literals (or, beyond ASCII, may contain one). */
    test(text) {
        return this.firstEnd(text, 0, 0) !== -1;
    }
    /**
     * test() for text still in bytes, `bytes[start, end)`. An ASCII byte is its character, so on ASCII
     * text the answer is test()'s; a byte above 127 (part of a character beyond ASCII, whose class one
     * byte cannot tell) answers true, as a literal may be there: a caller that wants the exact
     * answer then decodes the text and asks test().
     */
    testBytes(bytes, start, end) {
        if (!this.hasOwn)
            return false;
        const next = this.next;
        const accepts = this.accepts;
        const classOf = this.classOf;
        const shift = this.shift;
        const unknown = this.unknown;
        let state = 0;
        for (let i = start; i < end; i++) {
            const code = bytes[i];
            if (code >= ASCII)
                return true;
            const c = classOf[code];
            const target = next[(state << shift) + c];
            state = target === unknown ? this.resolve(state, c) : target;
            if ((accepts[state] & LITERAL_FOUND) !== 0)
                return true;
        }
        return false;
    }
    /**
     * testBytes() fused with the test the step-line shortcut makes of the same bytes, so that a line
     * is read once instead of twice: NOT_PRINTABLE when a byte of `bytes[start, end)` is a control
     * character (but a tab, when `tabs`) or DEL and above; else LITERAL_FOUND when testBytes() would
     * be true, NO_LITERAL when false.
     */
    scanPrintableBytes(bytes, start, end, tabs) {
        return this.scanKinds(bytes, start, end, tabs, LITERAL_FOUND);
    }
    /**
     * scanPrintableBytes() for literals of the kinds in `kinds` (bits; see the constructor): NOT_PRINTABLE,
     * or the kinds found (NO_LITERAL for none). A literal of a kind but LITERAL_FOUND rides along in
     * the set's automaton for this search alone (test(), testBytes() and find() never see it), so
     * that a second set need not read the line again. Every byte is checked for printability, so a
     * literal found early does not end the loop; the automaton stops once every kind asked for is found.
     */
    scanKinds(bytes, start, end, tabs, kinds) {
        const next = this.next;
        const accepts = this.accepts;
        const classOf = this.classOf;
        const shift = this.shift;
        const unknown = this.unknown;
        // Nothing to find: only the bytes are checked.
        let found = this.size === 1 ? kinds : NO_LITERAL;
        const none = found;
        let state = 0;
        for (let i = start; i < end; i++) {
            const code = bytes[i];
            if (code >= DEL || (code < SPACE && (code !== TAB || !tabs)))
                return NOT_PRINTABLE;
            if (found === kinds)
                continue;
            const c = classOf[code];
            const target = next[(state << shift) + c];
            state = target === unknown ? this.resolve(state, c) : target;
            found |= accepts[state] & kinds;
        }
        return found ^ none;
    }
    /**
     * Calls `found` with the id of each literal the text contains, in the order they end, until it
     * returns true; returns whether it did. An id may be reported more than once.
     */
    find(text, found) {
        let from = 0;
        let state = 0;
        for (;;) {
            const end = this.firstEnd(text, from, state);
            if (end === -1)
                return false;
            // Taken before `found` runs, which may use this set again.
            state = this.stateAt;
            for (const id of this.outputs[state])
                if (found(id))
                    return true;
            from = end + 1;
        }
    }
    /** The state the scan was in when firstEnd last returned a match (to resume from there). */
    stateAt = 0;
    /**
     * The index of the first character, from `from` on, at which a literal ends, starting in `start`;
     * or -1. The hot loop of the line selection: no calls, no allocation.
     */
    firstEnd(text, from, start) {
        if (!this.hasOwn)
            return -1;
        const next = this.next;
        const accepts = this.accepts;
        const classOf = this.classOf;
        const nonAscii = this.nonAsciiClass;
        const shift = this.shift;
        const unknown = this.unknown;
        let state = start;
        for (let i = from; i < text.length; i++) {
            const code = text.charCodeAt(i);
            const c = code < ASCII ? classOf[code] : nonAscii;
            const target = next[(state << shift) + c];
            state = target === unknown ? this.resolve(state, c) : target;
            if ((accepts[state] & LITERAL_FOUND) !== 0) {
                this.stateAt = state;
                return i;
            }
        }
        return -1;
    }
}
function fold(code) {
    return code >= 65 && code <= 90 ? code + 32 : code;
}


/***/ }),

/***/ 4983:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  n: () => (/* binding */ builtinSignatures),
  a: () => (/* binding */ loadCatalog)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./src/diagnose/builtin-catalog.ts
// Generated by scripts/embed-catalog.mjs from signatures/builtin.yml: edit that file, then run
// `npm run build`. Do not edit or merge by hand: run the generator again. A test fails when this
// differs from what the file gives.
// Validated at build time. JSON (EmbeddedSignature[]), parsed with JSON.parse when first needed
// (load-catalog.ts): V8 reads JSON text faster than the same data as an object literal.
const BUILTIN_SIGNATURES_JSON = `[
{"id":"image-pull-backoff","title":"Kubernetes could not pull the image[[ \${image}]]","severity":"error","priority":100,"ignoreCase":true,"role":"cause","causedBy":["platform-mismatch"],"laterSteps":true,"patterns":[["\\\\b(?:ImagePullBackOff|ErrImagePull)\\\\b",["ImagePullBackOff","ErrImagePull"]],["Back-off pulling image \\"(?<image>[^\\"]+)\\"",["Back-off pulling image "]],["Failed to pull image \\"(?<image>[^\\"]+)\\"(?!: command \\")",["Failed to pull image "]],["\\\\bErrImageNeverPull\\\\b|\\\\bInvalidImageName\\\\b",["ErrImageNeverPull","InvalidImageName"]],["pull QPS exceeded|Error: ImagePullBackOff|ImageInspectError|rpc error: code = NotFound desc = failed to pull and unpack image",["pull QPS exceeded","Error: ImagePullBackOff","ImageInspectError","rpc error: code = NotFound desc = failed to pull and unpack image"]],["is waiting to start: (?:trying and failing to pull image|image can.t be pulled)",["is waiting to start: "]]],"commands":[],"fix":"The image was built, but the cluster could not pull it.\\n- Check that the tag exists and holds your platform: \`docker manifest inspect <image>\` (or \`docker buildx imagetools inspect <image>\`). A tag pushed only on \`main\` does not exist for a pull request build.\\n- A private GHCR package needs an \`imagePullSecrets\` entry with a token that has \`read:packages\`, or the package made public.\\n- A manifest the node cannot read (an OCI index with attestations for an old container runtime): build with \`provenance: false\` or update the runtime."},
{"id":"container-crash-loop","title":"The image was pulled, but its container does not keep running","severity":"error","priority":25,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":true,"patterns":[["\\\\bCrashLoopBackOff\\\\b",["CrashLoopBackOff"]],["Back-off restarting failed container",["Back-off restarting failed container"]],["container has runAsNonRoot and image will run as root|image has non-numeric user \\\\(.*\\\\), cannot verify user is non-root",["container has runAsNonRoot and image will run as root","), cannot verify user is non-root"]]],"commands":[],"fix":"- Read why the container stopped: \`kubectl logs <pod> --previous\` and \`kubectl describe pod <pod>\` (\`Last State\`: an exit code 137 is the pod's memory limit); the pull itself worked.\\n- \`runAsNonRoot\`: give the image a numeric user (\`USER 10001\` in the Dockerfile) or set \`runAsUser\` in the pod's \`securityContext\`.\\n- A container that exits at once with \`exec format error\` in its log was built for another platform than the node's."},
{"id":"entrypoint-not-found","title":"The container could not start its entrypoint[[ \${path}]]","severity":"error","priority":30,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":true,"patterns":[["^(?:[\\\\w.-]+ +\\\\| +)?exec \\"?(?!/(?:usr/)?bin/(?:sh|bash|ash|dash|busybox)\\"?:)(?<path>/[^\\\\s\\":]+)\\"?: no such file or directory$",[": no such file or directory"]],["exec user process caused:? \\"?no such file or directory",["no such file or directory"]],["exec: \\"(?!/(?:usr/)?bin/(?:sh|bash|ash|dash|busybox)\\")(?<path>/[^\\"]+)\\": stat \\\\S+: no such file or directory",[": no such file or directory"]]],"commands":[],"fix":"- Check the file and the interpreter its first line names: the kernel says \\"no such file or directory\\" when either is missing from the image.\\n- A script saved with Windows line endings asks for \`/bin/sh\\\\r\`: convert it (\`dos2unix\`, or \`* text eol=lf\` in \`.gitattributes\`) or run \`sed -i 's/\\\\r$//'\` on it in the Dockerfile.\\n- \`#!/bin/bash\` in an Alpine or distroless image that has no bash: use \`#!/bin/sh\` or install bash.\\n- A binary built against glibc does not run on Alpine's musl: build it in the same base image, or statically (\`CGO_ENABLED=0\` for Go).\\n- \`stat <path>: no such file or directory\`: the file is not there: check that the \`COPY\` put it there (\`docker run --rm --entrypoint ls <image> -l <dir>\`) and that no volume mount hides it.\\n- In a RUN step of another platform than the runner's (\`[linux/arm64 ...]\`), the missing interpreter is the emulator's: register QEMU with its fix-binary flag (\`docker/setup-qemu-action\`, or \`docker run --privileged --rm tonistiigi/binfmt --install all\`)."},
{"id":"shared-library-missing","title":"A program could not load[[ \${lib}]]: the library is not in the image","severity":"error","priority":35,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["error while loading shared libraries: (?<lib>[^\\\\s:]+): cannot open shared object file",["error while loading shared libraries: "]],["(?:Error|error): (?<lib>lib[\\\\w.+-]*\\\\.so[\\\\w.]*): cannot open shared object file",[": cannot open shared object file"]]],"commands":[],"fix":"- List what the program needs and what is missing: \`ldd <program>\` in the image (\`docker run --rm --entrypoint ldd <image> <program>\`).\\n- Install the package that provides it in the stage that runs the program (\`apt-get install -y libssl3\`, \`apk add openssl\`; \`apt-file search <lib>\` names it).\\n- A binary copied from a build stage (\`COPY --from=builder\`) needs that stage's libraries too: build both stages on the same base image and release (a \`libssl.so.1.1\` from bullseye is not on bookworm), or link statically.\\n- CUDA libraries (\`libcudart\`, \`libcudnn\`) come from NVIDIA's \`-runtime\` or \`-devel\` base images, not from a plain Python image."},
{"id":"disk-full","title":"The runner ran out of disk space","severity":"error","priority":95,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":true,"patterns":[["[Nn]o space left on device",["o space left on device"]],["\\\\bResourceExhausted\\\\b(?!: grpc: (?:received|trying to send) message larger than max)(?!.*[Cc]annot allocate memory)",["ResourceExhausted"]],["[Dd]isk quota exceeded",["isk quota exceeded"]],["\\\\bENOSPC\\\\b",["ENOSPC"]],["[Nn]ot enough (?:free )?(?:disk )?space",["ot enough "]],["There is not enough space on the disk",["There is not enough space on the disk"]],["enough free space in \\\\S+|\\\\[Errno 28\\\\]|[Ii]nsufficient (?:disk |storage )?space|database or disk is full|Thin Pool has \\\\d+ free data blocks|[Dd]isk is full|write error: No space",["enough free space in ","[Errno 28]","nsufficient ","database or disk is full"," free data blocks","isk is full","write error: No space"]],["[Nn]o space left\\\\b|out of disk space|[Dd]isk (?:space )?(?:is )?(?:almost )?full",["o space left","out of disk space","isk "]],["running out of disk space|Free space left: \\\\d+ MB",["running out of disk space","Free space left: "]]],"commands":[],"fix":"GitHub-hosted runners have about 14 GB free; multi-platform builds and their exports fill it fast.\\n- Free space before the build: remove preinstalled toolchains you do not need (\`sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc\`), or use a larger runner.\\n- Do not \`--load\` multi-platform images; push them, or build one platform per job.\\n- Prune between builds on self-hosted runners: \`docker buildx prune -f --keep-storage 10gb\`."},
{"id":"oom-killed","title":"A build step was killed for lack of memory[[ (exit code \${exit})]]","severity":"error","priority":92,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["exit code: (?<exit>137)\\\\b",["exit code: "]],["returned a non-zero code: (?<exit>137)\\\\b",["returned a non-zero code: "]],["(?:^|\\\\s)Killed$",["Killed"]],["\\\\bsignal: 9\\\\b|\\\\bSIGKILL\\\\b",["signal: 9","SIGKILL"]],["\\\\bOOMKilled\\\\b",["OOMKilled"]],["[Oo]ut of memory|Cannot allocate memory|JavaScript heap out of memory|fatal error: runtime: out of memory",["ut of memory","Cannot allocate memory","JavaScript heap out of memory","fatal error: runtime: out of memory"]],["Killed signal terminated program",["Killed signal terminated program"]],["internal compiler error: Killed",["internal compiler error: Killed"]],["FATAL ERROR: (?:Reached heap limit|Ineffective mark-compacts|CALL_AND_RETRY_LAST)",["Reached heap limit","Ineffective mark-compacts","CALL_AND_RETRY_LAST"]],["java\\\\.lang\\\\.OutOfMemoryError",["java.lang.OutOfMemoryError"]],["memory allocation of \\\\d+ bytes failed",["memory allocation of "]],["\\\\(signal: 9, SIGKILL",["(signal: 9, SIGKILL"]],["\\\\bexit (?:code|status):? 137\\\\b",["exit "]],["[Cc]annot allocate memory|[Oo]ut of memory",["annot allocate memory","ut of memory"]],["<--- (?:Last few GCs|JS stacktrace) --->",["Last few GCs","JS stacktrace"]],["virtual memory exhausted|out of memory allocating|LLVM ERROR: out of memory|GC overhead limit exceeded",["virtual memory exhausted","out of memory allocating","LLVM ERROR: out of memory","GC overhead limit exceeded"]],["runtime: (?:out of memory|cannot allocate memory)|Out of memory: Killed process",["out of memory","cannot allocate memory","Out of memory: Killed process"]],["std::bad_alloc|\\\\bMemoryError\\\\b|\\\\bENOMEM\\\\b|\\\\b(?:code|status)\\\\W{1,3}137\\\\b|exited with (?:code )?137\\\\b|killed by (?:the )?OOM|\\\\boom[-_]kill|[Mm]emory limit exceeded|terminated by signal (?:9|SIGKILL)",["std::bad_alloc","MemoryError","ENOMEM","code","status","exited with ","killed by ","kill","emory limit exceeded","terminated by signal "]],["\\\\bsignal: killed\\\\b|fatal error: Killed\\\\b|\\\\berrno 137\\\\b|killed due to memory|memory cgroup out of memory|OOM command not allowed",["signal: killed","fatal error: Killed","errno 137","killed due to memory","memory cgroup out of memory","OOM command not allowed"]],["terminated with signal 9\\\\b|\\\\[Killed\\\\]|: line \\\\d+: +\\\\d+ Killed\\\\b",["terminated with signal 9","[Killed]",": line "]],["JVM heap space is exhausted|\\\\bJava heap space\\\\b|terminated unexpectedly\\\\. This might be caused by insufficient memory|insufficient memory for the Java Runtime Environment",["JVM heap space is exhausted","Java heap space","terminated unexpectedly. This might be caused by insufficient memory","insufficient memory for the Java Runtime Environment"]],["Gradle build daemon disappeared unexpectedly|The message received from the daemon indicates that the daemon has disappeared",["Gradle build daemon disappeared unexpectedly","The message received from the daemon indicates that the daemon has disappeared"]]],"commands":[],"fix":"The kernel killed a process in \${step} (exit code 137 is SIGKILL, usually the out-of-memory killer).\\n- Lower the build's parallelism: \`CARGO_BUILD_JOBS=2\`, \`make -j2\`, \`NODE_OPTIONS=--max-old-space-size=...\`; fat LTO and large link steps need the most memory.\\n- Under QEMU emulation memory use is higher and slower to free: build that platform natively.\\n- For cargo under emulation, use the sparse registry protocol (\`CARGO_REGISTRIES_CRATES_IO_PROTOCOL=sparse\`) instead of cloning the crates.io index.\\n- Use a runner with more memory, or add swap on a self-hosted one."},
{"id":"qemu-emulation","title":"A step failed under QEMU emulation","severity":"error","priority":90,"ignoreCase":true,"role":"cause","causedBy":["platform-mismatch"],"laterSteps":false,"patterns":[["^(?!.*(?:exec user process caused|cannot execute binary file))(?!(?:[\\\\w.-]+ +\\\\| +)?exec /(?!(?:usr/)?bin/(?:sh|bash|ash|dash|busybox)\\\\b)\\\\S+: exec format error).*\\\\bexec format error\\\\b",["exec format error"]],["QEMU internal SIG[A-Z]+",["QEMU internal SIG"]],["qemu: uncaught target signal",["qemu: uncaught target signal"]],["\\\\bqemu-[a-z0-9_]+(?:-static)?: .*(?:[Ee]rror|failed|[Uu]nsupported)",["qemu-"]],["\\\\.buildkit_qemu_emulator",[".buildkit_qemu_emulator"]],["runtime execution on platform \\\\S+ not supported",["runtime execution on platform "]],["^exec /(?:usr/)?bin/(?:sh|bash|ash|dash|busybox)\\\\S*: exec format error",[": exec format error"]],["^(?:[\\\\w.-]+ +\\\\| +)?exec /(?:usr/)?bin/(?:sh|bash|ash|dash|busybox): no such file or directory$",[": no such file or directory"]],["The requested image.s platform \\\\(linux/(?:arm|aarch64)[^)]*\\\\) does not match the detected host platform \\\\(linux/(?:amd64|x86_64|386)",[") does not match the detected host platform (linux/"]],["\\\\bqemu-\\\\w+(?:-static)?: (?:Could not(?! open .\\\\S*ld-(?:linux|musl))|Unable to|unknown|uncaught)",["Could not","Unable to","unknown","uncaught"]],["fatal error: (?:schedule: holding locks|unexpected signal during runtime execution)",["schedule: holding locks","unexpected signal during runtime execution"]],["qemu: unhandled CPU exception|Invalid ELF image for this architecture",["qemu: unhandled CPU exception","Invalid ELF image for this architecture"]],["Value too large for defined data type",["Value too large for defined data type"]],["^Error while loading /\\\\S+: No such file or directory",[": No such file or directory"]],["^ERROR: \\\\S+\\\\.trigger: exited with error 127$|Segmentation fault|\\\\bSIGSEGV\\\\b|(?:exit code|non-zero code): 139\\\\b|[Ii]llegal instruction|\\\\bSIGILL\\\\b|core dumped|Bus error|\\\\bSIGBUS\\\\b",[".trigger: exited with error 127","Segmentation fault","SIGSEGV","exit code","non-zero code","llegal instruction","SIGILL","core dumped","Bus error","SIGBUS"]],["rosetta error(?!: failed to open elf at \\\\S*/ld-)|Rosetta is only intended to run on Apple Silicon|lfstack\\\\.push invalid packing|qemu: Unsupported syscall|qemu.*: Unsupported",["rosetta error","Rosetta is only intended to run on Apple Silicon","lfstack.push invalid packing","qemu: Unsupported syscall",": Unsupported"]]],"commands":[],"fix":"The step ran an emulated (non-native) binary, and the emulator crashed, could not run it, or was so slow that the tool's timeouts fired.\\n- \`exec format error\`: register QEMU before the build (\`docker/setup-qemu-action\`) or build only the native platform.\\n- \`exec /bin/sh: no such file or directory\` in a RUN step: QEMU is registered without its fix-binary flag (a distribution's \`qemu-user-binfmt\`), so the container cannot load it: register it again with \`docker run --privileged --rm tonistiigi/binfmt --install all\` or \`docker/setup-qemu-action\`.\\n- Emulated builds are many times slower and some programs crash under QEMU: build each platform on a native runner (\`ubuntu-24.04-arm\` for arm64) and merge the digests with \`docker buildx imagetools create\`, or cross-compile from \`FROM --platform=$BUILDPLATFORM\`.\\n- yarn timing out under emulation: \`yarn install --network-timeout 600000\`."},
{"id":"builder-missing","title":"The buildx builder is missing, broken or misconfigured[[: \${builder}]]","severity":"error","priority":88,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["no builder \\"?(?<builder>[^\\"\\\\s]+)\\"? found",["no builder "]],["failed to find builder",["failed to find builder"]],["could not create a builder instance",["could not create a builder instance"]],["failed to initialize builder",["failed to initialize builder"]],["no valid drivers found",["no valid drivers found"]],["buildx: command not found",["buildx: command not found"]],["buildkit version .* (?:is not|not) supported|requires BuildKit v?\\\\d",["buildkit version ","requires BuildKit "]],["network bridge not found",["network bridge not found"]],["[Cc]annot connect to the Docker daemon",["annot connect to the Docker daemon"]],["Is the docker daemon running",["Is the docker daemon running"]],["Couldn't connect to Docker daemon(?: at \\\\S+)?(?: - is it running\\\\?)?",["t connect to Docker daemon"]],["\\\\berror during connect\\\\b",["error during connect"]],["permission denied while trying to connect to the Docker daemon",["permission denied while trying to connect to the Docker daemon"]],["dial unix \\\\S*(?:docker|buildkitd)\\\\.sock: (?:connect: )?(?:permission denied|no such file or directory|connection refused)",["permission denied","no such file or directory","connection refused"]],["unsupported frontend capability|unknown service moby\\\\.buildkit\\\\.v1\\\\.Control|subdir not supported yet",["unsupported frontend capability","unknown service moby.buildkit.v1.Control","subdir not supported yet"]],["granting entitlement \\\\S+ is not allowed by build daemon configuration",[" is not allowed by build daemon configuration"]],["BuildKit is enabled but the buildx component is missing",["BuildKit is enabled but the buildx component is missing"]],["failed to find driver",["failed to find driver"]],["existing instance for \\\\S+ but no append mode|instance name \\\\S+ already exists",["existing instance for "," already exists"]],["Unable to locate executable file: .?(?:docker|buildx)\\\\b|authorization denied by plugin \\\\S+: .*(?:privileged|not allowed)",["Unable to locate executable file: ","authorization denied by plugin "]],["fork/exec \\\\S*docker-buildx\\\\S*: |buildx isn.t installed|buildx component is missing|frontend \\"[\\\\w.]+\\" not found|\\\\[rootlesskit:\\\\w+ *\\\\] error|rootlesskit: not found|failed to mount \\\\S*/buildkit-mount\\\\S*: .*operation not permitted|/var/lib/buildkit\\\\S*: permission denied|requires buildx plugin to be installed",["docker-buildx","t installed","buildx component is missing"," not found","[rootlesskit:","rootlesskit: not found","operation not permitted",": permission denied","requires buildx plugin to be installed"]],["code = PermissionDenied desc = operation not permitted|mounting \\\\\\\\?\\"proc\\\\\\\\?\\" to rootfs .*operation not permitted|mount proc:/proc \\\\S*(?: \\\\(via \\\\S+\\\\))?, flags: \\\\w+: operation not permitted",["code = PermissionDenied desc = operation not permitted","operation not permitted",": operation not permitted"]],["auto-push is currently not implemented for docker driver",["auto-push is currently not implemented for docker driver"]],["write sysctl key net\\\\.ipv4\\\\.ping_group_range",["write sysctl key net.ipv4.ping_group_range"]],["(?:push-by-digest|push) is currently not implemented for (?:the )?docker driver|multi-node push can.t currently be performed",[" is currently not implemented for ","t currently be performed"]],["(?:the )?--(?:platform|load|push|ssh|secret|cache-from|cache-to)\\\\b.* (?:flag|option) (?:is only supported|requires) (?:with )?(?:BuildKit|buildx)",["is only supported","requires"]],["current builder instance is not running|builder \\\\S+ is not running",["current builder instance is not running"," is not running"]],["Are you trying to connect to a TLS-enabled daemon|Client sent an HTTP request to an HTTPS server",["Are you trying to connect to a TLS-enabled daemon","Client sent an HTTP request to an HTTPS server"]],["(?:Error response from daemon|failed to build ?): [Dd]ockerfile parse error line \\\\d+: [Uu]nknown flag: (?:mount|chmod|link|parents|exclude|checksum|network|security)\\\\b",["ockerfile parse error line "]],["Is your docker daemon up and running",["Is your docker daemon up and running"]],["failed to dial gRPC|unable to upgrade to h2c",["failed to dial gRPC","unable to upgrade to h2c"]],["(?:^|[/\\\\s])docker: (?:command )?not found",["not found"]],["the --mount option requires BuildKit",["the --mount option requires BuildKit"]],["the classic builder doesn.t support|set DOCKER_BUILDKIT=1 to use BuildKit|compose build requires buildx \\\\S+ or later",["the classic builder doesn","set DOCKER_BUILDKIT=1 to use BuildKit","compose build requires buildx "]],["listing workers for Build|failed to list workers",["listing workers for Build","failed to list workers"]],["(?:[Cc]ould not|[Cc]annot|failed to) connect to (?:unix://)?\\\\S*(?:buildkitd|docker)\\\\.sock",[" connect to "]],["client version \\\\S+ is too (?:new|old)|Minimum supported API version|requires (?:API|Docker) version|docker-buildx: (?:command )?not found|buildx plugin not found|ERROR: (?:failed to initialize builder|no builder)|the docker driver (?:does not support|cannot)|current driver \\\\S+ does not support|BuildKit is (?:disabled|not enabled)",["client version ","Minimum supported API version","requires ","docker-buildx: ","buildx plugin not found","failed to initialize builder","no builder","the docker driver "," does not support","BuildKit is "]],["\\\\b(?:error|failed|no such|not found|not running|denied|exited|cannot|unable)\\\\b.*buildx_buildkit_\\\\S+|buildx_buildkit_\\\\S+.*\\\\b(?:error|failed|no such|not found|not running|denied|exited|cannot|unable)\\\\b",["buildx_buildkit_"]],["failed to parse platform : \\"\\" is an invalid component of \\"\\"",[" is an invalid component of "]],["\\\\.docker/buildx/\\\\S+: permission denied|is not a docker command|use .docker --context=\\\\S+ buildx. to switch to context|option requires BuildKit\\\\b|requires BuildKit to be enabled",[": permission denied","is not a docker command"," to switch to context","option requires BuildKit","requires BuildKit to be enabled"]],["unknown flag: --(?:platform|push|load|cache-to|iidfile|secret|ssh|builder|provenance|sbom|attest|metadata-file|output|progress|cache-from|build-context|allow|call|check)\\\\b|^unknown flag: --tag=?\\\\S*$|^unknown shorthand flag: .t. in -t\\\\S*$",["unknown flag: --","unknown flag: --tag","unknown shorthand flag: "]]],"commands":[],"fix":"The build talks to a buildx builder that is gone, was never created, runs an incompatible BuildKit, or lacks what the build needs.\\n- In CI, create it in the same job right before the build with \`docker/setup-buildx-action\`, and do not remove it in a step that runs before later docker steps (a post step of another action).\\n- On self-hosted runners remove stale builders: \`docker buildx ls\`, then \`docker buildx rm <name>\`; re-run.\\n- Pin the BuildKit version so runs do not drift: \`docker/setup-buildx-action\` with \`driver-opts: image=moby/buildkit:v0.x.y\`.\\n- \`network bridge not found\`: the daemon runs without its bridge network (\`dockerd --bridge=none\`); build with \`--network=host\` or use a \`docker-container\` builder."},
{"id":"session-lost","title":"BuildKit lost the client session","severity":"error","priority":86,"ignoreCase":true,"role":"cause","causedBy":["cache-import-failure","qemu-emulation"],"laterSteps":false,"patterns":[["no active session for (?<session>\\\\S+)",["no active session for "]],["\\\\bsession (?:\\\\S+ )?not found\\\\b",["not found"]],["failed to get session",["failed to get session"]],["session canceled",["session canceled"]],["no active sessions?\\\\b|failed to (?:get|find) (?:a )?session|session (?:\\\\S+ )?(?:has )?(?:expired|closed)|context for session \\\\S+ (?:is )?(?:done|canceled)",["no active session","failed to ","session ","context for session "]]],"commands":[],"fix":"The build outlived the client session (long builds, a slow export) or the client went away.\\n- Make the build shorter (cache, native runners instead of emulation) so it finishes well within limits.\\n- Retry: this failure is usually not reproducible; keep exports and pushes fast (push by digest, smaller images)."},
{"id":"cache-export-failure","title":"Exporting the build cache failed","severity":"error","priority":85,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["^(?:exporting (?:cache\\\\b.*|content cache|inline cache|to GitHub Actions Cache)|preparing (?:build cache for export|layers for inline cache)):$",["exporting ","build cache for export","layers for inline cache"]],["OCI mediatypes are required for image-manifest cache format",["OCI mediatypes are required for image-manifest cache format"]],["unknown cache exporter",["unknown cache exporter"]],["Cache export is not supported for the docker driver",["Cache export is not supported for the docker driver"]],["This legacy service is shutting down",["This legacy service is shutting down"]],["error writing (?:manifest|layer) blob(?:.*(?:cache|400 Bad Request)|: )",["error writing "]],["failed to (?:export|upload) (?:remote )?cache",["failed to "]],["cache export feature is currently not supported",["cache export feature is currently not supported"]],["ERROR exporting (?:cache|to GitHub Actions Cache)",["ERROR exporting "]],["failed to configure \\\\w+ cache exporter",["failed to configure "]],["\\\\b(?:local|registry|s3|azblob|gha) cache exporter requires\\\\b",[" cache exporter requires"]],["operation error S3: (?:PutObject|CreateMultipartUpload|UploadPart|CompleteMultipartUpload)",["operation error S3: "]],["failed to (?:create|get properties of) cache container",[" cache container"]],["failed to (?:reserve|commit|save) cache",["failed to "]],["Cache service responded with (?:4\\\\d\\\\d|5\\\\d\\\\d)",["Cache service responded with "]],["failed to parse error response \\\\d{3}\\\\b(?!: \\\\{\\"errors\\")",["failed to parse error response "]],["(?:failed|unable) to export (?:remote |local |gha |registry |inline )?cache|error exporting cache|cache-to .*(?:not supported|invalid)|export cache .*(?:failed|error)|failed to upload \\\\S+ to (?:GitHub Actions )?cache",[" to export ","error exporting cache","cache-to ","export cache ","failed to upload "]],["Unable to reserve cache|another job may be creating this cache|failed to (?:commit|finalize) (?:cache|upload)|Cache upload failed|error writing layer blob: .*(?:cache|:buildcache|-cache)",["Unable to reserve cache","another job may be creating this cache","failed to ","Cache upload failed","error writing layer blob: "]]],"commands":[],"fix":"The image may be fine; writing the cache was what failed.\\n- \`type=gha\` needs a builder that can export cache (\`docker/setup-buildx-action\`, not the plain \`docker\` driver) and a current buildx/BuildKit (the legacy cache service was shut down on 2025-04-15).\\n- GitHub's cache API rate-limits (429) busy repositories: use \`mode=max\` with a \`scope\` per image, or add \`ignore-error=true\` to \`cache-to\` so a cache hiccup does not fail the build.\\n- A registry cache (\`type=registry\`) needs write access to its \`ref\` and a registry that accepts OCI manifests (\`image-manifest=true,oci-mediatypes=true\` for some registries)."},
{"id":"exporter-unsupported","title":"The chosen output cannot hold this build","severity":"error","priority":84,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["docker exporter does not currently support exporting manifest lists",["docker exporter does not currently support exporting manifest lists"]],["[Mm]ulti(?:ple)?[- ]platform(?:s)? (?:build |feature )?is (?:currently )?not supported for (?:the )?docker driver",["not supported for "]],["is not supported (?:by|for) the docker driver",[" the docker driver"]],["exporter is not supported for the docker driver",["exporter is not supported for the docker driver"]],["docker exporter does not (?:currently )?support",["docker exporter does not "]],["[Mm]ulti(?:ple)?[- ]platforms? (?:build |feature )?(?:is )?(?:currently )?not supported",["not supported"]],["exporter feature is currently not supported for docker driver",["exporter feature is currently not supported for docker driver"]],["multiple outputs (?:are )?(?:currently )?(?:not supported|unsupported)|push and load may not be set together|[Aa]ttestations? (?:is|are) not supported",["multiple outputs ","push and load may not be set together"," not supported"]],["(?:push|load) and \\"?\\\\w+\\"? output can.t be used together",["t be used together"]]],"commands":[],"fix":"\`--load\` and \`type=docker\` write to the classic image store, which cannot hold a multi-platform image.\\n- Push multi-platform images (\`push: true\`), or write \`type=oci,dest=image.tar\`.\\n- To test locally, build and load one platform: \`platforms: linux/amd64\` with \`load: true\`.\\n- Or enable the containerd image store on the daemon, which can hold multi-platform images."},
{"id":"cache-import-failure","title":"Importing the build cache failed","severity":"error","priority":83,"ignoreCase":true,"role":"cause","causedBy":["registry-rate-limit"],"laterSteps":false,"patterns":[["^(?:\\\\[[\\\\w.-]+\\\\] )?importing cache manifest from (?<cache>\\\\S+):$",["importing cache manifest from "]],["failed to get state for index \\\\d+ on \\\\[",["failed to get state for index "]],["blob (?:sha256:[0-9a-f]{64} )?not found",["not found"]],["failed to (?:load|fetch|get) cache(?! key\\\\b)",["failed to "]],["failed to configure \\\\w+ cache importer|unknown cache importer",["failed to configure ","unknown cache importer"]],["\\\\b(?:local|registry|s3|azblob|gha) cache importer requires\\\\b",[" cache importer requires"]],["could not read \\\\S*index\\\\.json",["could not read "]],["operation error S3: (?:GetObject|HeadObject|ListObjects)",["operation error S3: "]],["invalid status response \\\\d+ .*blob\\\\.core\\\\.windows\\\\.net",["invalid status response "]],["cache import at \\\\S+ not found|error on cache query\\\\b|(?:failed|unable) to import cache|error importing cache|importing cache manifest from \\\\S+ failed|failed to parse cache manifest|invalid cache config|cache manifest .* not found|AzureBlobStorage.*(?:BlobNotFound|ContainerNotFound)",["cache import at ","error on cache query"," to import cache","error importing cache","importing cache manifest from ","failed to parse cache manifest","invalid cache config","cache manifest ","AzureBlobStorage"]]],"commands":[],"fix":"The cache that was read refers to layers that are gone (evicted from the GitHub Actions cache, deleted from the registry) or could not be fetched.\\n- Re-run once: a fresh export repairs it. If it repeats, change the cache \`scope\` (or \`ref\`) to start clean.\\n- Write and read the same scope per image, with \`mode=max\`, so the manifest and its blobs are saved together."},
{"id":"secret-missing","title":"A build secret is missing[[: \${secret}]]","severity":"error","priority":82,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["/run/secrets/(?<secret>[^'\\"\\\\s:]+)'?:? No such file or directory",[" No such file or directory"]],["secret (?<secret>\\\\S+) not found",[" not found"]],["could not read (?:Username|Password) for .(?<host>[^']+).: terminal prompts disabled",[": terminal prompts disabled"]],["failed to (?:read|load) secret",["failed to "]],["Permission denied \\\\(publickey\\\\)",["Permission denied (publickey)"]],["Host key verification failed",["Host key verification failed"]],["could not read (?:Username|Password) for",["could not read "]],["no SSH key .* forwarded from the client|no configured known hosts forwarded from the client|failed to fetch remote (?:git@|ssh://)\\\\S+: (?:exit status 128|git stderr)|failed to load cache key: invalid response status 40[13]\\\\b",[" forwarded from the client","no configured known hosts forwarded from the client","failed to fetch remote ","failed to load cache key: invalid response status 40"]],["no auth sock variable|SSH_AUTH_SOCK",["no auth sock variable","SSH_AUTH_SOCK"]],["attempted ssh-agent authentication",["attempted ssh-agent authentication"]],["failed to authenticate when downloading repository",["failed to authenticate when downloading repository"]],["[Aa]uthentication failed for .https?://",["uthentication failed for "]],["npm (?:ERR!|error) code E401|Unable to authenticate, need: ",[" code E401","Unable to authenticate, need: "]],["invalid empty ssh agent socket|could not parse ssh",["invalid empty ssh agent socket","could not parse ssh"]],["stat \\\\S*ssh[\\\\w.-]*\\\\.sock: no such file or directory",[".sock: no such file or directory"]],["ERR_PNPM_FETCH_40[13]|No authorization settings were found",["ERR_PNPM_FETCH_40","No authorization settings were found"]],["fatal: Could not read from remote repository|(?:^|remote: |ERROR: )Repository not found|remote: (?:Invalid username or password|Support for password authentication was removed)|^Username for .https?://|fatal: could not read Username",["fatal: Could not read from remote repository","Repository not found","Invalid username or password","Support for password authentication was removed","Username for ","fatal: could not read Username"]],["HTTP error 40[13] while getting|40[13] Client Error: (?:Unauthorized|Forbidden) for url|npm (?:ERR!|error) (?:code E403|403 Forbidden|need auth|401 Unauthorized)|This command requires you to be logged in|Incorrect or missing password",[" while getting"," Client Error: ","code E403","403 Forbidden","need auth","401 Unauthorized","This command requires you to be logged in","Incorrect or missing password"]],["Load key .*: (?:invalid format|No such file)|Could not open a connection to your authentication agent|Error connecting to agent: (?:No such file or directory|Connection refused)|sign_and_send_pubkey: signing failed|ssh: handshake failed|no such identity|Permission denied, please try again|Error: Could not find SSH agent|ssh-add: .*(?:not found|No such file)",["invalid format","No such file","Could not open a connection to your authentication agent","Error connecting to agent: ","sign_and_send_pubkey: signing failed","ssh: handshake failed","no such identity","Permission denied, please try again","Error: Could not find SSH agent","ssh-add: "]],["secret (?:not found|is required)|secret \\"(?<secret>[^\\"]+)\\" (?:not found|is required)|required secret \\\\S+ not found|SECRET_\\\\w+.*(?:unbound variable|not set)",["not found","is required","required secret ","SECRET_"]],["The requested URL returned error: 40[13]|fatal: Authentication failed|could not read Password for|(?<!/v2/\\\\S*: \\\\w+: )Bad credentials",["The requested URL returned error: 40","fatal: Authentication failed","could not read Password for","Bad credentials"]],["Response status code does not indicate success: 40[13]\\\\b",["Response status code does not indicate success: 40"]],["/run/buildkit/ssh_agent\\\\.\\\\d+",["/run/buildkit/ssh_agent."]],["unset ssh forward key|make sure SSH_AUTH_SOCK is set",["unset ssh forward key","make sure SSH_AUTH_SOCK is set"]],["^(?:ERROR: )?stat \\"\\": no such file or directory$",[": no such file or directory"]],["^(?:ERROR: )?stat \\\\S*(?:\\\\.ssh/|id_rsa|id_ed25519|id_ecdsa|agent\\\\.\\\\d+)\\\\S*: no such file or directory|failed to parse \\\\S+: ssh: |failed to connect to \\\\S*(?:ssh|agent)\\\\S*: |^(?:ERROR: )?secret \\\\S+ too big\\\\b",[": no such file or directory","failed to parse ","failed to connect to "," too big"]],["^(?:ERROR|error): failed to stat (?!\\\\S*[Dd]ockerfile)\\\\S+$|^(?:ERROR|error): failed to stat (?!\\\\S*[Dd]ockerfile)\\\\S+: stat \\\\S+: no such file or directory",[": failed to stat ",": no such file or directory"]],["[Uu]sername and password required",["sername and password required"]],["Input required and not supplied: \\\\w*(?:password|token|username|secret|key)\\\\w*",["Input required and not supplied: "]],["refers to undefined (?:build )?secret (?<secret>\\\\S+?):? ",["refers to undefined "]],["[Ss]ervice \\"?[\\\\w.-]+\\"? uses an undefined secret\\\\b",[" uses an undefined secret"]]],"commands":["\\\\bgit clone (?:\\\\S+ )*(?:git@|ssh://)","--mount=type=(?:secret|ssh)\\\\b.*\\\\bgit (?:clone|fetch|pull|submodule|ls-remote)\\\\b|\\\\bgit clone (?:\\\\S+ )*https://\\\\S*(?:/run/secrets/|\\\\$\\\\{?\\\\w*(?:TOKEN|PASSWORD|PAT|CREDENTIALS)\\\\b)"],"fix":"The step expected a secret (a \`RUN --mount=type=secret\` file, or credentials for a private dependency) that the build did not receive.\\n- With build-push-action pass it with the same id: \`secrets: |\` then \`id=value\` (or \`secret-files:\`); with the CLI, \`--secret id=<id>,env=<VAR>\`.\\n- Secrets are not available to pull requests from forks.\\n- Read it in the same \`RUN\` that mounts it: exports do not persist to later layers, and \`ARG\`/\`ENV\` would leak it into the image."},
{"id":"platform-mismatch","title":"No image for the requested platform[[ (\${wanted})]]","severity":"error","priority":81,"ignoreCase":true,"role":"cause","causedBy":["qemu-emulation"],"laterSteps":true,"patterns":[["no match for platform in manifest",["no match for platform in manifest"]],["image with reference .* was found but does not match the specified platform",[" was found but does not match the specified platform"]],["The requested image's platform \\\\((?!linux/(?:arm|aarch64)[^)]*\\\\) does not match the detected host platform \\\\(linux/(?:amd64|x86_64|386))(?<found>[^)]+)\\\\) does not match the detected host platform \\\\((?<wanted>[^)]+)\\\\)",[") does not match the detected host platform ("]],["^(?:[\\\\w.-]+ +\\\\| +)?exec /(?!(?:usr/)?bin/(?:sh|bash|ash|dash|busybox)\\\\b)\\\\S+: exec format error",[": exec format error"]],["no matching manifest for (?<wanted>\\\\S+)(?: [\\\\d.]+)? in the manifest list entries",[" in the manifest list entries"]],["exec user process caused:? \\"?exec format error",["exec user process caused"]],["does not match the specified platform",["does not match the specified platform"]],["image platform \\\\((?<found>[^)]+)\\\\) does not match",["image platform ("]],["cannot execute binary file: Exec format error",["cannot execute binary file: Exec format error"]],["qemu-\\\\w+(?:-static)?: Could not open .\\\\S*ld-(?:linux|musl)\\\\S*.: No such file or directory",[": No such file or directory"]],["(?:^|: )\\\\S*/ld-linux-\\\\S+\\\\.so\\\\.\\\\d+. ?: No such file or directory|rosetta error: failed to open elf at \\\\S*/ld-|Dynamic loader not found: \\\\S*/ld-(?:linux|musl)",[": No such file or directory","rosetta error: failed to open elf at ","Dynamic loader not found: "]],["(?:only provides|no) (?:pre-?built|precompiled) binar(?:y|ies) for",[" binar"]],["[Uu]nsupported (?:architecture|arch|platform)\\\\b|not supported on (?:arm64|aarch64|armv7l?|x86_64|amd64)\\\\b",["nsupported ","not supported on "]],["no image found in manifest list for architecture|does not (?:provide|support) (?:the )?(?:platform|architecture)|wanted \\\\S+, actual: \\\\S+",["no image found in manifest list for architecture","does not ",", actual: "]],["InvalidBaseImagePlatform: Base image \\\\S+ was pulled with platform \\"(?<found>[^\\"]+)\\", expected \\"(?<wanted>[^\\"]+)\\"",["InvalidBaseImagePlatform: Base image "]]],"commands":[],"fix":"A base image has no variant for the platform being built.\\n- Check what it offers: \`docker buildx imagetools inspect <image>\`.\\n- Build for the platforms it has (\`platforms:\`), pick a multi-platform base, or set \`FROM --platform=...\` to a valid value (check build args that form it).\\n- A binary downloaded or copied for another architecture than the image (\`cannot execute binary file\`, QEMU or Rosetta finding no \`ld-linux\` loader): fetch the one for the platform being built (\`ARG TARGETARCH\` in the download URL)."},
{"id":"registry-rate-limit","title":"The registry refused with a rate limit","severity":"error","priority":80,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":true,"patterns":[["\\\\btoomanyrequests\\\\b",["toomanyrequests"]],["\\\\b429 Too Many Requests\\\\b",["429 Too Many Requests"]],["[Yy]ou have reached your (?:unauthenticated )?pull rate limit",["ou have reached your "]],["\\\\b[Tt]oo [Mm]any [Rr]equests\\\\b",["equests"]],["\\\\brate limit(?:ed| exceeded)\\\\b",["rate limit"]],["\\\\bTOOMANYREQUESTS\\\\b|\\\\bRate exceeded\\\\b|\\\\bThrottlingException\\\\b|\\\\bQuota ?Exceeded\\\\b|429 Client Error|(?:status|code)(?: code)?:? 429\\\\b|\\\\b429\\\\b (?:Too|too)",["TOOMANYREQUESTS","Rate exceeded","ThrottlingException","Exceeded","429 Client Error","status","code","429"]]],"commands":[],"fix":"Docker Hub limits anonymous pulls per IP, and runners share IPs.\\n- Log in before building, even for public images: \`docker/login-action\` with a Docker Hub token.\\n- Mirror base images to GHCR or use \`mirror.gcr.io\`.\\n- setup-buildx-action pulls \`moby/buildkit\` too: log in before it, or set \`driver-opts: image=<mirror>/moby/buildkit\`."},
{"id":"registry-auth-denied","title":"The registry denied access[[ to \${registry}]][[: the credential helper \${helper} could not run]]","severity":"error","priority":78,"ignoreCase":true,"role":"cause","causedBy":["manifest-unknown"],"laterSteps":true,"patterns":[["installation not allowed to Write organization package",["installation not allowed to Write organization package"]],["permission_denied: (?:write_package|The token provided does not match expected scopes)",["permission_denied: "]],["failed to fetch (?:anonymous|oauth) token: unexpected status(?: from \\\\w+ request to (?<authurl>\\\\S+))?: (?<status>40[13])\\\\b",[" token: unexpected status"]],["failed to authorize: .*(?<status>40[13]) (?:Unauthorized|Forbidden)",["failed to authorize: "]],["failed to push (?<ref>\\\\S+): (?:denied|unauthorized|.*40[13])",["failed to push "]],["Error response from daemon: (?:denied|unauthorized|forbidden)[\\\\s_*.]*$|\\\\bdenied: (?:requested access to the resource is denied|denied|permission_denied)",["Error response from daemon: ","denied: "]],["unauthorized: (?:authentication required|incorrect username or password)",["authentication required","incorrect username or password"]],["pull access denied for (?<repo>\\\\S+?),",["pull access denied for "]],["unexpected status from \\\\w+ request to https://(?<registry>[^/\\\\s]+)/\\\\S*: (?<status>40[13]) ",["unexpected status from "]],["insufficient_scope: authorization failed",["insufficient_scope: authorization failed"]],["authorization status: 40[13]",["authorization status: 40"]],["unexpected status(?: code)?: 40[13] (?:Unauthorized|Forbidden)",["unexpected status"]],["failed with status code \\\\[[^\\\\]]*\\\\]: 40[13] (?:Unauthorized|Forbidden)",["failed with status code ["]],["\\\\bno basic auth credentials\\\\b",["no basic auth credentials"]],["^(?:denied|unauthorized|forbidden): ",["denied","unauthorized","forbidden"]],["Cannot perform an interactive login from a non[- ]TTY device",["Cannot perform an interactive login from a non"]],["exec: \\"(?<helper>docker-credential-[\\\\w.-]+)\\": executable file not found",[": executable file not found"]],["\\\\b(?<helper>docker-credential-[\\\\w.-]+) not installed or not available in PATH",[" not installed or not available in PATH"]],["error getting credentials",["error getting credentials"]],["\\\\b40[13] (?:Unauthorized|Forbidden)\\\\b",["Unauthorized","Forbidden"]],["Error (?:authenticating|saving credentials)|error storing credentials",["authenticating","saving credentials","error storing credentials"]],["authorization token has expired|[Rr]eauthenticate and try again",["authorization token has expired","eauthenticate and try again"]],["don.t have the needed permissions|Permission \\"[\\\\w.]+\\" denied",["t have the needed permissions","Permission "]],["(?<!proxy )\\\\bauthentication (?:is )?required\\\\b|\\\\bnot authorized\\\\b|User cannot be authenticated",["authentication ","not authorized","User cannot be authenticated"]],["installation not allowed to (?:Write|Create)",["installation not allowed to "]],["error from registry: (?:denied|unauthorized)",["error from registry: "]],["\\"\\\\S+/(?:manifests|blobs)/\\\\S+\\": (?:unauthorized|denied|forbidden)\\\\b",["unauthorized","denied","forbidden"]],["/v2/\\\\S*: (?:unknown|unauthorized|denied): (?:Bad credentials|[Ii]nvalid (?:credentials|username or password)|[Ii]ncorrect username or password)",["Bad credentials","credentials","username or password","ncorrect username or password"]],["(?:^|: )unauthorized(?::|$)",["unauthorized"]],["\\"code\\": ?\\"(?:UNAUTHORIZED|DENIED)\\"",["UNAUTHORIZED","DENIED"]],["(?:^|[:\\\\]\\"] |[\`'\\"])(?:UNAUTHORIZED|DENIED): |security token included in the request is invalid|HTTP Basic: Access denied|access to the requested resource is not authorized|not authorized to perform: ecr:|unauthorized to access repository|requested access to the resource is denied",["UNAUTHORIZED","DENIED","security token included in the request is invalid","HTTP Basic: Access denied","access to the requested resource is not authorized","not authorized to perform: ecr:","unauthorized to access repository","requested access to the resource is denied"]]],"commands":[],"fix":"[[- \${helper} is named by \`credsStore\` or \`credHelpers\` in \`~/.docker/config.json\` but cannot run here: install it, or remove that entry (a config copied from Docker Desktop names \`docker-credential-desktop\`) and \`docker login\` again.]]\\n- In GitHub Actions, pushing to \`ghcr.io\` needs \`permissions: packages: write\` in the workflow (or job) and \`docker/login-action\` with \`registry: ghcr.io\`, \`username: \${{ github.actor }}\`, \`password: \${{ secrets.GITHUB_TOKEN }}\`.\\n- An organization package must grant this repository access: package settings, \\"Manage Actions access\\", role Write.\\n- Pull requests from forks get a read-only token: do not push there (\`push: \${{ github.event_name != 'pull_request' }}\`).\\n- For other registries check the credentials of the login step and that the repository exists."},
{"id":"invalid-tag","title":"An image tag is not a valid reference[[: \\"\${tag}\\"]]","severity":"error","priority":76,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":true,"patterns":[["invalid tag \\"(?<tag>[^\\"]*)\\": invalid reference format",[": invalid reference format"]],["invalid argument \\"(?<tag>[^\\"]*)\\" for \\"-t, --tag\\" flag",["invalid argument "]],["tag is needed when pushing to registry",["tag is needed when pushing to registry"]],["invalid reference format(?:: repository name (?:\\\\(\\\\S+\\\\) )?must be lowercase)?",["invalid reference format"]],["could not parse reference",["could not parse reference"]],["repository name must be lowercase",["repository name must be lowercase"]],["invalid reference format",["invalid reference format"]],["invalid argument \\"(?<tag>[^\\"]*)\\" for [^:]*\\\\bt(?:ag)?\\\\b",["invalid argument "]],["Error parsing reference: .* is not a valid repository/tag",[" is not a valid repository/tag"]],["(?:could not|failed to|cannot|unable to) parse (?:image )?reference|invalid repository name|repository name .*must (?:be lowercase|match)|invalid reference: |base name \\\\(\\\\S*\\\\) should not be blank",["reference","invalid repository name","repository name ","invalid reference: ",") should not be blank"]]],"commands":[],"fix":"A reference is \`[registry/]name[:tag][@digest]\`: the name lowercase, the tag 1 to 128 of \`[A-Za-z0-9_.-]\`, not starting with \`.\` or \`-\`.\\n- An empty tag usually comes from an empty variable or a metadata template that produced nothing for this event.\\n- \`docker/metadata-action\` with no tag rule that applies to the event (a pull request, a tag push) gives no tags at all: add \`type=ref,event=pr\` or \`type=sha\`."},
{"id":"dockerfile-missing","title":"The Dockerfile could not be read","severity":"error","priority":75,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["failed to read dockerfile(?!: (?:Canceled|Unavailable|rpc error: code = (?:Canceled|Unavailable))\\\\b)",["failed to read dockerfile"]],["open (?<path>\\\\S*Dockerfile\\\\S*): no such file or directory",[": no such file or directory"]],["unable to prepare context: unable to evaluate symlinks in Dockerfile path",["unable to prepare context: unable to evaluate symlinks in Dockerfile path"]],["Cannot locate specified Dockerfile",["Cannot locate specified Dockerfile"]],["requires exactly 1 argument",["requires exactly 1 argument"]],["unable to prepare context: (?:path \\\\S+ not found|context must be a directory)",["unable to prepare context: "]],["lstat \\\\S*Dockerfile\\\\S*: no such file or directory",[": no such file or directory"]],["the Dockerfile \\\\(\\\\S+\\\\) cannot be empty",[") cannot be empty"]],["No Dockerfile matching .+ was found",["No Dockerfile matching "]],["\\\\bfile with no instructions\\\\b|No image was generated\\\\. Is your Dockerfile empty",["file with no instructions","No image was generated. Is your Dockerfile empty"]],["the Dockerfile \\\\(\\\\S+\\\\) must be within the build context|unable to stat Dockerfile|unable to evaluate symlinks in context path",[") must be within the build context","unable to stat Dockerfile","unable to evaluate symlinks in context path"]],["\\\\bDockerfile not found\\\\b",["Dockerfile not found"]],["(?:could not|cannot|can.t|unable to) (?:find|locate|open|read) (?:the )?(?:specified )?Dockerfile|Dockerfile(?:\\\\.\\\\w+)?: no such file or directory",["Dockerfile",": no such file or directory"]],["\\\\bresolve : lstat \\\\S+: no such file or directory|Dockerfile (?:\\\\(\\\\S+\\\\) )?cannot be empty|build path \\\\S+ either does not exist|^(?!.*(?:COPY|ADD) failed).*The system cannot find the (?:file|path) specified",[": no such file or directory","cannot be empty"," either does not exist","The system cannot find the "]]],"commands":[],"fix":"- The \`file\` (or \`-f\`) path is relative to the repository root in build-push-action, not to \`context\`: check both, and that \`actions/checkout\` ran first.\\n- A \`.dockerignore\` that excludes the Dockerfile (\`*\` without \`!Dockerfile\`) hides it from the builder.\\n- File names are case-sensitive on Linux runners."},
{"id":"dockerfile-parse-error","title":"The Dockerfile does not parse","severity":"error","priority":74,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[["[Dd]ockerfile parse error(?: on)? line (?<line>\\\\d+)",["ockerfile parse error"]],["failed to parse (?:dockerfile|stage name)",["failed to parse "]],["unknown instruction: (?<instruction>\\\\S+)",["unknown instruction: "]],["unexpected key .(?<key>[^' ]+). for mount type",["unexpected key "]],["failed to process \\"(?<expr>[^\\"]+)\\": unexpected end of statement",[": unexpected end of statement"]],["\\\\b(?:FROM|COPY|ADD|RUN|ENV|ARG|LABEL|EXPOSE|WORKDIR|USER|VOLUME|ENTRYPOINT|CMD|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL) requires (?:at least |exactly )?(?:one|two|three|\\\\d+) arguments?",[" requires "]],["unexpected end of statement|missing .}.|ARG names can not be blank|[Ss]yntax error - can.t find = in",["unexpected end of statement","missing ","ARG names can not be blank","yntax error - can"]],["Please provide a source image with .from. prior to commit",["Please provide a source image with "]],["circular dependency detected on stage|dockerfile contains no stages to build|no build stage in current context|invalid name for build stage|variable expansion is not supported for --from|doesn.t support variable expansion, define alias stage|only one \\\\S+ parser directive can be used|invalid escape token|Unknown type .* in HEALTHCHECK",["circular dependency detected on stage","dockerfile contains no stages to build","no build stage in current context","invalid name for build stage","variable expansion is not supported for --from","t support variable expansion, define alias stage"," parser directive can be used","invalid escape token"," in HEALTHCHECK"]],["failed to create LLB definition: (?:failed to parse|dockerfile parse error|unknown instruction)",["failed to create LLB definition: "]],["\\\\S+\\\\.hcl:\\\\d+,\\\\d+-\\\\d+: [A-Z][\\\\w ]+;",[".hcl:"]],["\\\\b[A-Z]+ names can not be blank|Bad input to [A-Z]+, too many arguments|VOLUME specified can not be an empty string|cannot accept a heredoc as|isn.t allowed as an ONBUILD trigger|Chaining ONBUILD via|HEALTHCHECK NONE takes no arguments|Missing command after HEALTHCHECK|dockerfile line greater than max allowed size|failed to process arguments for platform|empty platform value from expression",[" names can not be blank",", too many arguments","VOLUME specified can not be an empty string","cannot accept a heredoc as","t allowed as an ONBUILD trigger","Chaining ONBUILD via","HEALTHCHECK NONE takes no arguments","Missing command after HEALTHCHECK","dockerfile line greater than max allowed size","failed to process arguments for platform","empty platform value from expression"]],["\\\\bunknown flag: --\\\\S+ in (?:RUN|COPY|ADD)",["unknown flag: --"]],["(?:^|failed to build ?: )Unknown flag: \\\\w+$",["Unknown flag: "]],["When using (?:COPY|ADD) with more than one source file, the destination must be a directory",[" with more than one source file, the destination must be a directory"]],["requires either one or three arguments|unsupported modifier .* in substitution|[Ss]yntax error - |failed to parse platform(?! : \\"\\" is an invalid component)|empty continuation line found|unterminated heredoc|Dockerfile: ?\\\\S*:\\\\d+: (?:syntax|unexpected)|parse error on line|invalid (?:field|mount type|reference format) .*in (?:RUN|COPY|ADD|FROM)",["requires either one or three arguments","unsupported modifier ","yntax error - ","failed to parse platform","empty continuation line found","unterminated heredoc","Dockerfile:","parse error on line","invalid "]]],"commands":[],"fix":"- Check the line named in the error; a \`# syntax=docker/dockerfile:1\` line at the top picks the current frontend, which older daemons do not have by default.\\n- Mount options depend on the frontend version (\`RUN --mount=type=secret,required\` needs dockerfile:1.4 or later)."},
{"id":"copy-source-missing","title":"A COPY or ADD source is not in the build context[[: \${path}]]","severity":"error","priority":72,"ignoreCase":false,"role":"cause","causedBy":["secret-missing","compile-error","package-install-failure"],"laterSteps":false,"patterns":[["[Ff]ailed to (?:compute cache key|calculate checksum of ref \\\\S+): (?:failed to calculate checksum of ref \\\\S+: )?\\"(?<path>[^\\"]+)\\": not found",["compute cache key","calculate checksum of ref "]],["\\"(?<path>/[^\\"]+)\\" not found: not found",[" not found: not found"]],["failed to walk \\\\S+: lstat \\\\S+: no such file or directory",[": no such file or directory"]],["COPY failed: (?:file not found in build context|stat .*: no such file or directory)",["file not found in build context",": no such file or directory"]],["(?:ADD|COPY) failed: (?:stat|lstat) \\\\S+: no such file or directory",[": no such file or directory"]],["(?:ADD|COPY) failed: forbidden path outside the build context",[" failed: forbidden path outside the build context"]],["[Ff]ailed to compute cache key: .*not found",["ailed to compute cache key: "]],["lstat /var/lib/docker/tmp/\\\\S+: no such file or directory",[": no such file or directory"]],["COPY failed: no source files were specified",["COPY failed: no source files were specified"]],["file not found in build context or excluded by \\\\.dockerignore|file \\\\(.\\\\S+.\\\\) not found or excluded by \\\\.dockerignore",["file not found in build context or excluded by .dockerignore",") not found or excluded by .dockerignore"]],["[Ff]orbidden path outside the build context|ADD failed: failed to GET \\\\S+ with status 404|failed to load cache key: invalid response status 404\\\\b",["orbidden path outside the build context","ADD failed: failed to GET ","failed to load cache key: invalid response status 404"]],["(?:ADD|COPY) failed: \\\\S",[" failed: "]],["(?:^|failed to (?:build|solve) ?: )lstat (?![^:]*[Dd]ockerfile)\\\\S+: no such file or directory$",[": no such file or directory"]],["error from sender: (?:open|lstat|stat|readlink|read) \\\\S+: (?:permission denied|no such file or directory)|error checking context: .(?:can.t stat|no permission to read from) ",["error from sender: ","error checking context: "]]],"commands":["^(?:COPY|ADD) "],"fix":"The path must exist inside the build context (the \`context\` input, \`.\` by default) after \`.dockerignore\` is applied.\\n- Check \`.dockerignore\` first: \`*\` followed by \`!\` exceptions hides everything not listed.\\n- Paths are relative to the context, not to the Dockerfile; with \`COPY --from=<image>\` the path must exist in that image.\\n- Files produced by earlier workflow steps must be written inside the context.\\n- A file of the context that cannot be read (\`error from sender\`, \`error checking context\`): list data directories and broken links in \`.dockerignore\`."},
{"id":"package-install-failure","title":"Installing packages failed in \${step}","severity":"error","priority":70,"ignoreCase":false,"role":"cause","causedBy":["network-timeout","platform-mismatch","qemu-emulation","disk-full","secret-missing"],"laterSteps":false,"patterns":[["(?:^|[\`\\"'] ?)E: Unable to locate package (?<package>[^\\\\s\`\\"']+)",["E: Unable to locate package "]],["^E: Package .(?<package>[^']+). has no installation candidate",[" has no installation candidate"]],["^E: (?:Failed to fetch|Some packages could not be installed)",["Failed to fetch","Some packages could not be installed"]],["has no installation candidate|^Package \\\\S+ is not available, but is referred to by another package",["has no installation candidate"," is not available, but is referred to by another package"]],["ERROR: unable to select packages|ERROR: \\\\S+ \\\\(no such package\\\\)",["ERROR: unable to select packages"," (no such package)"]],["No matching distribution found for (?<package>\\\\S+)",["No matching distribution found for "]],["npm ERR! (?:code E404|404 Not Found|notarget)",["npm ERR! "]],["error Couldn't find package \\"(?<package>[^\\"]+)\\"",["t find package "]],["returned a non-zero code: 100\\\\b",["returned a non-zero code: 100"]],["^E: (?:Version .* was not found|Unable to correct problems|The repository .* (?:does not have a Release file|is not signed|no longer has a Release file)|Sub-process /usr/bin/dpkg returned an error code)",[" was not found","Unable to correct problems","The repository ","Sub-process /usr/bin/dpkg returned an error code"]],["The following packages have unmet dependencies",["The following packages have unmet dependencies"]],["\\\\bNO_PUBKEY\\\\b",["NO_PUBKEY"]],["ERROR: (?:unable to select packages|\\\\S+: (?:UNTRUSTED signature|No such file or directory))",["unable to select packages","UNTRUSTED signature","No such file or directory"]],["\\\\((?:no such package|missing)\\\\):?$|breaks: world\\\\[|^ERROR: unsatisfiable constraints:?$|required by: world\\\\[",["no such package","missing","breaks: world[","ERROR: unsatisfiable constraints","required by: world["]],["No package \\\\S+ available|Error: Unable to find a match|No match for argument|Cannot find a valid baseurl for repo|Failed to download metadata for repo",["No package ","Error: Unable to find a match","No match for argument","Cannot find a valid baseurl for repo","Failed to download metadata for repo"]],["Could not find a version that satisfies the requirement",["Could not find a version that satisfies the requirement"]],["ResolutionImpossible|conflicting dependencies|version solving failed|SolverProblemError",["ResolutionImpossible","conflicting dependencies","version solving failed","SolverProblemError"]],["Failed building wheel for (?<package>\\\\S+)|Building wheel for \\\\S+ \\\\([^)]*\\\\): finished with status .error.",["Failed building wheel for ","): finished with status "]],["Could not build wheels for \\\\S+",["Could not build wheels for "]],["metadata-generation-failed|Getting requirements to build wheel did not run successfully|egg_info\\" failed|(?:pg_config|mysql_config) executable not found|mysql_config: not found|Cannot find matching keyid|Root composer\\\\.json requires |does not satisfy that requirement|but it is missing from your system|^verifying \\\\S+@\\\\S+: checksum mismatch|^SECURITY ERROR$",["metadata-generation-failed","Getting requirements to build wheel did not run successfully","egg_info"," executable not found","mysql_config: not found","Cannot find matching keyid","Root composer.json requires ","does not satisfy that requirement","but it is missing from your system",": checksum mismatch","SECURITY ERROR"]],["externally-managed-environment",["externally-managed-environment"]],["npm (?:ERR!|error) (?:code )?(?:ERESOLVE|E404|ETARGET|EINTEGRITY|ENOVERSIONS|notarget)\\\\b|\\\\berror code (?:ERESOLVE|ETARGET|E404)\\\\b|\\\\bERESOLVE (?:unable to resolve dependency tree|could not resolve)\\\\b",["npm ","error code ","unable to resolve dependency tree","could not resolve"]],["npm (?:ERR!|error) (?:Could not resolve dependency|While resolving|Conflicting peer dependency)",["Could not resolve dependency","While resolving","Conflicting peer dependency"]],["error An unexpected error occurred: \\".*(?:Not found|404)",["error An unexpected error occurred: "]],["Your lockfile needs to be updated|The lockfile would have been modified|lockfile had changes, but lockfile is frozen|lockfile .* (?:is )?not up to date|ERR_PNPM_(?:OUTDATED_LOCKFILE|NO_MATCHING_VERSION|FETCH_404|LOCKFILE)",["Your lockfile needs to be updated","The lockfile would have been modified","lockfile had changes, but lockfile is frozen","not up to date","ERR_PNPM_"]],["Your requirements could not be resolved to an installable set of packages",["Your requirements could not be resolved to an installable set of packages"]],["Could not find gem|Bundler could not find compatible versions|An error occurred while installing \\\\S+",["Could not find gem","Bundler could not find compatible versions","An error occurred while installing "]],["error: failed to select a version for|error: no matching package named|error: cannot install package \`|lock ?file\\\\b.{0,40} needs to be updated,? but \`?--locked\`? was (?:passed|provided)",["error: failed to select a version for","error: no matching package named","error: cannot install package \`"," needs to be updated"]],["\\\\bgo: \\\\S+@\\\\S+: (?:invalid version|unknown revision|reading \\\\S+: 404|verifying module)",["invalid version","unknown revision","reading ","verifying module"]],["^(?:/bin/(?:ba)?sh: )?(?:\\\\d+: )?(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|pip3?|npm|yarn|pnpm|gem|bundle|composer|conda): (?:command )?not found",["not found"]],["exit code: 100\\\\b",["exit code: 100"]],["error: could not find \`\\\\S+\` in registry|some crates failed to install|error: failed to download",["error: could not find \`","some crates failed to install","error: failed to download"]],["\\\\bgyp ERR!|Failed to build gem native extension",["gyp ERR!","Failed to build gem native extension"]],["dpkg: error processing|Errors were encountered while processing|E: dpkg was interrupted",["dpkg: error processing","Errors were encountered while processing","E: dpkg was interrupted"]],["The following signatures couldn.t be verified|is not signed|GPG error",["The following signatures couldn","is not signed","GPG error"]],["Couldn.t find any versions for|Your lock file does not contain a compatible set of packages",["t find any versions for","Your lock file does not contain a compatible set of packages"]],["\\\\berror NU\\\\d{4}\\\\b",["error NU"]],["^E: [A-Z]",["E: "]],["^404\\\\s+Not Found(?: \\\\[IP: [^\\\\]]*\\\\])?$|Release file for \\\\S+ is not valid yet|Could not get lock /var/lib/|Unable to fetch some archives|Couldn.t find any package by|You have held broken packages|Broken packages",["Not Found","Release file for ","Could not get lock /var/lib/","Unable to fetch some archives","t find any package by","You have held broken packages","Broken packages"]],["^ERROR: \\\\d+ errors?; \\\\d+|package mentioned in index not found|^ERROR: unable to (?:select|lock|install)",["ERROR: ","package mentioned in index not found","ERROR: unable to "]],["nothing provides \\\\S+|none of the providers can be installed|Could not retrieve mirrorlist|One of the configured repositories failed|doesn.t have enough cached data to continue|conflicting requests|No provider of .\\\\S+. found|Errors during downloading metadata for repository|There are no enabled repos|not registered with an entitlement server|GPG check FAILED|requires a different Python|Requires-Python|This script does not work on Python \\\\d|Python version \\\\(?[\\\\d.]+\\\\)? is not (?:supported|allowed) by the project|NoCompatiblePythonVersionFound|incompatible with the project.s Python requirement|subprocess-exited-with-error|command .\\\\S*(?:gcc|cc|g\\\\+\\\\+|clang)(?:-\\\\d+)?. failed|unable to execute .\\\\S*(?:gcc|cc|g\\\\+\\\\+)(?:-\\\\d+)?.| is not installed\\\\. Try running|legacy-install-failure|Could not install packages due to an",["nothing provides ","none of the providers can be installed","Could not retrieve mirrorlist","One of the configured repositories failed","t have enough cached data to continue","conflicting requests","No provider of ","Errors during downloading metadata for repository","There are no enabled repos","not registered with an entitlement server","GPG check FAILED","requires a different Python","Requires-Python","This script does not work on Python ","Python version ","NoCompatiblePythonVersionFound","incompatible with the project","subprocess-exited-with-error","command ","unable to execute "," is not installed. Try running","legacy-install-failure","Could not install packages due to an"]],["pyproject\\\\.toml changed significantly since poetry\\\\.lock|poetry\\\\.lock is not consistent|[Pp]oetry could not find a pyproject\\\\.toml|Because (?:\\\\S+ )?(?:depends on|requires) .* (?:version solving failed|is forbidden)|Hash mismatch|THESE PACKAGES DO NOT MATCH THE HASHES|PackagesNotFoundError|ResolvePackageNotFound|UnsatisfiableError|LibMambaUnsatisfiableError|Solving environment: failed|nothing provides requested",["pyproject.toml changed significantly since poetry.lock","poetry.lock is not consistent","oetry could not find a pyproject.toml","version solving failed","is forbidden","Hash mismatch","THESE PACKAGES DO NOT MATCH THE HASHES","PackagesNotFoundError","ResolvePackageNotFound","UnsatisfiableError","LibMambaUnsatisfiableError","Solving environment: failed","nothing provides requested"]],["npm (?:ERR!|error) (?:code )?(?:EBADENGINE|ENOTSUP|EUSAGE|ENOLOCK|EBADPLATFORM|EINVALIDPACKAGENAME)\\\\b|can only install (?:packages )?(?:when your package\\\\.json and package-lock\\\\.json|with an existing package-lock)|Missing: \\\\S+ from lock file|Invalid: lock file|The engine \\"\\\\S+\\" is incompatible with this module|Found incompatible module|doesn.t seem to be present in your lockfile|ERR_PNPM_(?:NO_LOCKFILE|UNSUPPORTED_ENGINE|PEER_DEP_ISSUES|BAD_PM_VERSION|NO_MATCHING_VERSION\\\\w*|LOCKFILE\\\\w*|OUTDATED\\\\w*|FROZEN\\\\w*|IGNORED_BUILDS|ABORTED_REMOVE_MODULES_DIR\\\\w*|UNEXPECTED_(?:VIRTUAL_)?STORE|MODULES_BREAKING_CHANGE|PUBLIC_HOIST_PATTERN_DIFF|REGISTRIES_MISMATCH|NO_IMPORTER_MANIFEST_FOUND|VIRTUAL_STORE_DIR_MAX_LENGTH_DIFF)|\\\\bYN00(?:01|18|28|35|60)\\\\b|Unsupported engine",["EBADENGINE","ENOTSUP","EUSAGE","ENOLOCK","EBADPLATFORM","EINVALIDPACKAGENAME","when your package.json and package-lock.json","with an existing package-lock"," from lock file","Invalid: lock file"," is incompatible with this module","Found incompatible module","t seem to be present in your lockfile","ERR_PNPM_","YN00","Unsupported engine"]],["Your Ruby version is \\\\S+, but your Gemfile specified|Bundler::GemNotFound|Could not find \\\\S+ in any of the sources|Gem::Ext::BuildError|requires Ruby version|You must use Bundler \\\\d|Could not find compatible versions|the requested PHP extension \\\\S+ is missing|Composer detected issues in your platform|^ERROR: \`\\\\S*/tmp/pear/\\\\S+/configure\\\\b.*' failed$|^ERROR: \`(?:make|phpize)' failed$|requires php [^ ]+ -> your php version|lock file is not up to date with the latest changes in composer\\\\.json|composer\\\\.lock.* not up to date",[", but your Gemfile specified","Bundler::GemNotFound"," in any of the sources","Gem::Ext::BuildError","requires Ruby version","You must use Bundler ","Could not find compatible versions","the requested PHP extension ","Composer detected issues in your platform","/tmp/pear/","ERROR: \`"," -> your php version","lock file is not up to date with the latest changes in composer.json"," not up to date"]],["the lock file \\\\S+ needs to be updated but --locked was passed|failed to load source for dependency|failed to select a version for the requirement|\\\\bgo: (?:\\\\S+: )?(?:reading \\\\S+: 4\\\\d\\\\d|unrecognized import path|module \\\\S+ found .* but does not contain package|\\\\S+@\\\\S+: (?:invalid version|unknown revision|reading))|go: updates to go\\\\.mod needed|inconsistent vendoring",[" needs to be updated but --locked was passed","failed to load source for dependency","failed to select a version for the requirement","reading ","unrecognized import path"," but does not contain package","invalid version","unknown revision","reading","go: updates to go.mod needed","inconsistent vendoring"]],["Could not resolve dependencies for project|Could not find artifact \\\\S+|Non-resolvable (?:parent|import) POM|Failed to read artifact descriptor|Could not transfer artifact|Could not resolve all (?:files|dependencies|artifacts|task dependencies) for configuration|Could not find [\\\\w.-]+:[\\\\w.-]+:[\\\\w.-]+\\\\.",["Could not resolve dependencies for project","Could not find artifact ","Non-resolvable ","Failed to read artifact descriptor","Could not transfer artifact","Could not resolve all ","Could not find "]],["^(?:\\\\d+> *)?(?:\\\\S*(?:ba|da|z)?sh: )?(?:line \\\\d+: )?(?:\\\\d+: )?(?:/\\\\S+: )?(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|pip3?|pipenv|poetry|npm|npx|yarn|pnpm|gem|bundle|composer|conda|mamba|uv|easy_install|dpkg|rpm): (?:command )?not found",["not found"]],["exec: \\"(?:apt-get|apt|apk|yum|dnf|microdnf|pip3?|npm|yarn|pnpm|bundle|composer|conda|poetry)\\": executable file not found|No module named pip\\\\b|pip: No such file or directory|npm (?:ERR!|error) code ENOGIT|No git binary found in \\\\$PATH|Cannot find command .git. - do you have .git. installed|Couldn.t find the binary git|git was not found in your PATH|\\\\bmodule \\\\S+ found \\\\([^)]*\\\\), but does not contain package\\\\b|^\\\\s*File \\"/usr/(?:local/)?bin/pip[\\\\d.]*\\", line \\\\d+, in <module>|^(?:ba|da)?sh: (?:line )?(?:\\\\d+: )?(?:<!DOCTYPE|<html|<HTML|<\\\\?xml|404:?|four-oh-four,?|Not|Moved)(?: \\\\S+)?: (?:command )?not found$",[": executable file not found","No module named pip","pip: No such file or directory"," code ENOGIT","No git binary found in $PATH","Cannot find command ","t find the binary git","git was not found in your PATH","), but does not contain package",", in <module>","not found"]],["ModuleNotFoundError: No module named|ImportError: No module named|No module named .?(?:pip|setuptools|distutils|wheel)\\\\b|Chocolatey installed \\\\d+/\\\\d+ packages?\\\\. [1-9]\\\\d* packages? failed|Install-(?:Module|Package) : No match was found for the specified search criteria",["ModuleNotFoundError: No module named","ImportError: No module named","No module named ","Chocolatey installed "," : No match was found for the specified search criteria"]]],"commands":["\\\\bapt(?:-get)? (?:-\\\\S+ )*(?:install|update)\\\\b","\\\\bapk (?:-\\\\S+ )*(?:update|add)\\\\b","\\\\b(?:yum|dnf|microdnf|zypper) (?:-\\\\S+ )*install\\\\b","\\\\bpip3? (?:-\\\\S+ )*install\\\\b|-m pip install\\\\b","\\\\bnpm (?:ci|install|i|clean-install|install-clean)\\\\b","\\\\byarn(?: install)?(?: --\\\\S+)*\\\\s*(?:$|&&)","\\\\bpnpm (?:install|i)\\\\b","\\\\b(?:gem|bundle) install\\\\b","\\\\bcomposer (?:install|require|update)\\\\b","\\\\bgo mod (?:download|tidy)\\\\b","\\\\b(?:poetry (?:install|export|lock)|conda install|conda env create|uv sync|uv pip install)\\\\b","\\\\b(?:apt(?:-get)?|yum|dnf) (?:-\\\\S+ )*(?:upgrade|dist-upgrade|update)\\\\b|\\\\b(?:dpkg|rpm) -[iU]","\\\\b(?:pipenv (?:install|sync)|pip-sync|conda env update|(?:micro)?mamba (?:install|create|env)|poetry add|yarn add|pnpm add|bun install|npm (?:add|update))\\\\b","\\\\b(?:dotnet restore|go get|go mod vendor|cpanm?|luarocks install|opam install)\\\\b|install\\\\.packages\\\\(","\\\\bmix deps\\\\.get\\\\b|\\\\b(?:flutter|dart) pub get\\\\b|\\\\bshards install\\\\b|\\\\bpecl install\\\\b|\\\\bdocker-php-(?:ext|pecl)-install\\\\b|\\\\binstall-php-extensions\\\\b","\\\\bchoco(?:latey)? (?:install|upgrade)\\\\b|\\\\bInstall-(?:Module|Package)\\\\b|\\\\bwinget install\\\\b","\\\\binstall\\\\.packages\\\\(|\\\\b(?:remotes|devtools|BiocManager|pak)::(?:install\\\\w*|pkg_install)\\\\(|\\\\brenv::restore\\\\(","\\\\bcomposer-setup\\\\.php\\\\b|getcomposer\\\\.org/installer|\\\\bget-pip\\\\.py\\\\b|install\\\\.python-poetry\\\\.org"],"fix":"- apt: run \`apt-get update\` in the same \`RUN\` as \`apt-get install\`; a package missing from a new base image release was renamed or dropped (check the distribution's package search).\\n- Pin the base image (\`debian:bookworm-20250101\`) so package sets do not change under you.\\n- Network errors inside the build (DNS, proxies) show up here too: check the lines before the error."},
{"id":"compile-error","title":"[[\${message} \u2014 ]]The code failed to compile in \${step}","severity":"error","priority":68,"ignoreCase":false,"role":"cause","causedBy":["network-timeout","platform-mismatch","package-install-failure","qemu-emulation","disk-full","secret-missing"],"laterSteps":false,"patterns":[["(?<message>error\\\\[E\\\\d{4}\\\\]: .+)",["error[E"]],["error: could not compile \`(?<crate>[^\`]+)\`",["error: could not compile \`"]],["requires rustc (?<rustc>\\\\d+\\\\.\\\\d+(?:\\\\.\\\\d+)?)(?: or newer)?",["requires rustc "]],["^(?<message>(?<file>[\\\\w./-]+\\\\.go):\\\\d+:\\\\d+: .+)",[".go"]],["^(?<message>(?<file>[\\\\w./-]+\\\\.tsx?)\\\\(\\\\d+,\\\\d+\\\\): error TS\\\\d+.*)",["): error TS"]],["(?<message>error TS\\\\d{4}: .+)",["error TS"]],["^(?<message>(?<file>[\\\\w./-]+\\\\.(?:c|cc|cpp|cxx|h|hpp)):\\\\d+:\\\\d+: (?:fatal )?error: .+)",["error: "]],["^(?<message>(?<file>[\\\\w./-]+\\\\.java):\\\\d+: error: .+)",[": error: "]],["\\\\bBUILD FAILED\\\\b|Compilation failed|COMPILATION ERROR",["BUILD FAILED","Compilation failed","COMPILATION ERROR"]],["error: failed to run custom build command for",["error: failed to run custom build command for"]],["failed to parse manifest at",["failed to parse manifest at"]],["feature \`edition20\\\\d\\\\d\` is required",["feature \`edition20"]],["error: linking with \`\\\\S+\` failed",["error: linking with \`"]],["error: aborting due to",["error: aborting due to"]],["cgo: C compiler \\"\\\\S+\\" not found",["cgo: C compiler "]],["^(?:\\\\S+\\\\.go:\\\\d+:\\\\d+: )?(?:undefined: \\\\S+|cannot use .* as .* value)",["undefined: ","cannot use "]],["no Go files in",["no Go files in"]],["\\\\bgo: (?:\\\\S+ )?requires go >= ",["requires go >= "]],["missing go\\\\.sum entry",["missing go.sum entry"]],["\\\\bis not in (?:std|GOROOT)\\\\b|errors parsing go\\\\.mod|invalid go version|unknown directive: (?:toolchain|godebug)\\\\b",["is not in ","errors parsing go.mod","invalid go version","unknown directive: "]],["unknown variant \`20\\\\d\\\\d\`, expected one of \`2015\`|lock file version \`?\\\\d+\`? was found, but this version of Cargo does not understand this lock file|lock file version \\\\d+ requires \`-Znext-lockfile-bump\`|\\\\brustc \\\\S+ is not supported by the following packages?:",["\`, expected one of \`2015\`"," was found, but this version of Cargo does not understand this lock file"," requires \`-Znext-lockfile-bump\`"," is not supported by the following package"]],["^(?:note|go build \\\\S+): module requires Go \\\\d|\\\\bgo: download go1\\\\.\\\\S+ for \\\\S+: toolchain not available",[": module requires Go ",": toolchain not available"]],["failed to load manifest for (?:workspace member|dependency) |could not find \`Cargo\\\\.toml\` in |current package believes it.s in a workspace when it.s not|no targets specified in the manifest|can.t find \`\\\\S+\` bin at \`|can.t find library \`\\\\S+\`, rename file to",["failed to load manifest for ","could not find \`Cargo.toml\` in ","current package believes it","no targets specified in the manifest","\` bin at \`","\`, rename file to"]],["^In \\\\S+\\\\.cr:\\\\d+:\\\\d+$|^Showing last frame\\\\. Use --error-trace for full trace|^[\\\\w./-]+\\\\.(?:zig|dart):\\\\d+:\\\\d+: [Ee]rror: |^[\\\\w./-]+\\\\.nim\\\\(\\\\d+, ?\\\\d+\\\\) Error: |^File \\"[\\\\w./-]+\\\\.mli?\\", line \\\\d+, characters \\\\d+-\\\\d+:$",[".cr:","Showing last frame. Use --error-trace for full trace","rror: ",") Error: ",", characters "]],["error: (?:invalid (?:source|target) release|release version \\\\d+ not supported)|Cannot find a Java installation on your machine matching|requires at least JVM runtime version \\\\d+|has been compiled by a more recent version of the Java Runtime|Unsupported class file major version \\\\d+|The current \\\\.NET SDK does not support targeting",["invalid ","release version ","Cannot find a Java installation on your machine matching","requires at least JVM runtime version ","has been compiled by a more recent version of the Java Runtime","Unsupported class file major version ","The current .NET SDK does not support targeting"]],["\\\\[ERROR\\\\] \\\\S+\\\\.(?:java|kt|scala):\\\\[\\\\d+,\\\\d+\\\\]",["[ERROR] "]],["\\\\[ERROR\\\\] (?:COMPILATION ERROR|Failed to execute goal .*(?:compil|compile))",["COMPILATION ERROR","Failed to execute goal "]],["cannot find symbol|package \\\\S+ does not exist",["cannot find symbol"," does not exist"]],["Execution failed for task .\\\\S*(?:[Cc]ompile|assemble|build)",["Execution failed for task "]],["Module not found: (?:Error: )?Can.t resolve",["Module not found: "]],["Failed to compile\\\\.?$|Type error: |Build failed with \\\\d+ errors?|error during build:|\u2718 \\\\[ERROR\\\\]|ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL",["Failed to compile","Type error: ","Build failed with ","error during build:","\u2718 [ERROR]","ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL"]],["(?<message>\\\\berror CS\\\\d{4}\\\\b.*)|\\\\bBuild FAILED\\\\.",["error CS","Build FAILED."]],["fatal error: \\\\S+\\\\.h(?:pp)?: No such file or directory",[": No such file or directory"]],["undefined reference to|ld: cannot find -l\\\\S+|collect2: error: ld returned",["undefined reference to","ld: cannot find -l","collect2: error: ld returned"]],["\\\\b(?:gcc|g\\\\+\\\\+|cc|c\\\\+\\\\+|clang|clang\\\\+\\\\+)(?:-\\\\d+)?: (?:fatal )?error: ",["error: "]],["CMake Error|configure: error: ",["CMake Error","configure: error: "]],["Could not find directory of OpenSSL installation|ninja: build stopped: subcommand failed|Failed to compile with \\\\d+ errors?|Missing script: \\"(?:build|compile|dist)[^\\"]*\\"",["Could not find directory of OpenSSL installation","ninja: build stopped: subcommand failed","Failed to compile with ","Missing script: "]],["\\\\bmake(?:\\\\[\\\\d+\\\\])?: \\\\*\\\\*\\\\* \\\\[[^\\\\]]*\\\\] Error \\\\d+",["] Error "]],["Rust toolchain not found|toolchain .* is not installed",["Rust toolchain not found"," is not installed"]],["^e: (?:file://)?\\\\S+\\\\.kts?:",["e: "]],["\\\\berror (?:MSB|NETSDK)\\\\d{4}\\\\b",["error "]],["^ERROR in \\\\S|^\\\\s*-->\\\\s+\\\\S+\\\\.rs:\\\\d+:\\\\d+",["ERROR in ",".rs:"]],["\\\\[error\\\\] \\\\S+\\\\.scala:\\\\d+",["[error] "]],["(?:^|\\\\s)[\\\\w./-]+\\\\.swift:\\\\d+:\\\\d+: error:",[": error:"]],["fatal error: .?[\\\\w./+-]+\\\\.(?:h|hh|hpp|hxx).? file not found|fatal error: [\\\\w./+-]+\\\\.(?:h|hh|hpp|hxx): No such file or directory|ld(?:\\\\.\\\\w+)?: library not found for -l|cannot find -l\\\\S+|error: linker .\\\\S+. not found",[" file not found",": No such file or directory",": library not found for -l","cannot find -l","error: linker "]],["^(?:\\\\S*(?:ba|da|z)?sh: )?(?:line \\\\d+: )?(?:\\\\d+: )?(?:cc|gcc|g\\\\+\\\\+|c\\\\+\\\\+|clang|clang\\\\+\\\\+|make|cmake|ninja|pkg-config|autoreconf|autoconf|automake|libtool|cargo|rustc|go|javac|mvn|gradle|dotnet|tsc|react-scripts|vite|next|nest|ng|webpack|rollup|esbuild|tsup|turbo|nuxt|vue-cli-service|craco|parcel|gulp|grunt): (?:command )?not found",["not found"]],["Package .?\\\\S+.? was not found in the pkg-config search path|No package .\\\\S+. found|Could NOT find \\\\S+|No CMAKE_\\\\w+_COMPILER could be found|C compiler cannot create executables|no acceptable C compiler found|Could not find a package configuration file provided by",[" was not found in the pkg-config search path","No package ","Could NOT find ","_COMPILER could be found","C compiler cannot create executables","no acceptable C compiler found","Could not find a package configuration file provided by"]],["\\\\bBUILD FAILURE\\\\b|FAILURE: Build failed with an exception|(?:Aborted|Exited) with \\\\d+ warnings? in strict mode|Error: error building site|Liquid Exception: |build finished with problems|> Build error occurred|Build error occurred$|\\\\[vite\\\\]: Rollup failed to resolve|npm (?:ERR!|error) Failed at the \\\\S+ (?:build|compile|dist)\\\\S* script|An unhandled exception occurred:",["BUILD FAILURE","FAILURE: Build failed with an exception"," in strict mode","Error: error building site","Liquid Exception: ","build finished with problems","> Build error occurred","Build error occurred","[vite]: Rollup failed to resolve"," Failed at the ","An unhandled exception occurred:"]],["== Compilation error in file|\\\\*\\\\* \\\\((?:CompileError|SyntaxError|TokenMissingError)\\\\)|(?:^|\\\\s)[\\\\w./-]+\\\\.hs:\\\\d+:\\\\d+: error|PHP Parse error|SyntaxError: (?:invalid syntax|Unexpected token)|No rule to make target|Error: Cannot find module .",["== Compilation error in file","CompileError","SyntaxError","TokenMissingError",": error","PHP Parse error","invalid syntax","Unexpected token","No rule to make target","Error: Cannot find module "]]],"commands":["\\\\b(?:cargo|cross) (?:\\\\+\\\\S+ )?(?:build|install|test|check|chef cook)\\\\b","\\\\bgo (?:build|install|vet|test|generate)\\\\b","\\\\b(?:npm|pnpm|bun) run (?:build|compile|dist|bundle|prod)","\\\\byarn (?:run )?(?:build|compile|dist)","\\\\bpnpm (?:build|compile|dist)\\\\b|\\\\b(?:turbo|nx|lerna) (?:run )?build\\\\b|\\\\bflutter build\\\\b","(?:\\\\bmvn|mvnw)\\\\b.*\\\\b(?:package|install|compile|verify)\\\\b","\\\\bgradlew?\\\\b.*\\\\b(?:build|assemble|bootJar|jar|shadowJar|installDist|compile\\\\w*)\\\\b","^(?:.*&& *)?(?:make|cmake --build|ninja|bazel build)\\\\b","\\\\b(?:tsc|ng build|next build|vite build|webpack|nuxt build)\\\\b","\\\\bdotnet (?:build|publish)\\\\b","\\\\b(?:javac|g\\\\+\\\\+|gcc|clang\\\\+\\\\+|clang)\\\\b","\\\\b(?:mix compile|cabal build|stack build|swift build|zig build|crystal build|shards build|dart compile|nimble build|dune build)\\\\b","\\\\bgo-wrapper (?:install|download)\\\\b","\\\\bpython3? -m (?:compileall|py_compile)\\\\b","\\\\b(?:node|bun|deno run|tsx|ts-node) (?:\\\\S+/)?build\\\\w*\\\\.(?:m?js|cjs|ts)\\\\b","(?:^|&& *|; *)(?:cmake\\\\b|meson (?:setup|compile)|scons|bjam|b2 |sbt |\\\\./mvnw|\\\\./gradlew)"],"fix":"The compiler rejected the code inside the build, so the same error shows without Docker.\\n- Fix the first error the compiler printed: later ones often follow from it.\\n[[- Rust, with \${rust}: reproduce with the image's toolchain, \`docker buildx build --target <stage> --progress=plain .\` or \`cargo build --release --locked\`. \\"requires rustc X or newer\\" or \\"feature \`edition2024\` is required\\": a dependency needs a newer compiler than the base image has; update the base image tag (\`rust:1.xx\`, or \`rust-toolchain.toml\`) or pin the dependency (\`cargo update <crate> --precise <version>\`).]]\\n[[- Go, with \${go}: build with the Go version of \`go.mod\`'s \`go\` line (\`golang:1.xx\` base image); \\"undefined:\\" after a dependency update means a module API changed: \`go mod tidy\` and rebuild locally.]]\\n[[- Node, with \${node}: run the same script locally with the image's Node version (\`node:xx\`) and a clean install (\`npm ci\`); dev dependencies the build needs (\`tsc\`, \`vite\`) must not be pruned before it.]]\\n[[- Java, with \${java}: run the same Maven or Gradle goal locally with the image's JDK; a missing package or symbol is often a dependency that is not declared for that module.]]\\n[[- .NET, with \${dotnet}: \`dotnet build\` locally with the SDK of the base image (\`mcr.microsoft.com/dotnet/sdk:x.y\`) and the project's \`global.json\`.]]\\n[[- C/C++, with \${native}: a missing header or library (\`fatal error: x.h\`, \`ld: cannot find -lx\`) needs its \`-dev\` package in the build stage (\`apt-get install libx-dev\`, \`apk add x-dev\`).]]\\n[[- Python, with \${python}: a C extension needs a compiler and headers in the image (\`build-essential\`, \`python3-dev\`), or a wheel for the image's platform and Python version.]]"},
{"id":"manifest-unknown","title":"An image or tag does not exist[[: \${image}]]","severity":"error","priority":65,"ignoreCase":true,"role":"cause","causedBy":[],"laterSteps":true,"patterns":[["\\\\bmanifest unknown\\\\b",["manifest unknown"]],["failed to resolve source metadata for (?<image>\\\\S+?): .*not found",["failed to resolve source metadata for "]],["failed to create LLB definition: (?<image>\\\\S+?): not found",["failed to create LLB definition: "]],["content at \\\\S+ not found: not found",[" not found: not found"]],["pull access denied for (?<image>\\\\S+?), repository does not exist",[", repository does not exist"]],["invalid stage name|failed to resolve stage|stage (?<stage_name>\\\\S+) not found",["invalid stage name","failed to resolve stage"," not found"]],["failed to get stage",["failed to get stage"]],["manifest for \\\\S+ not found",["manifest for "]],["pull access denied for (?<image>[a-z0-9._-]+), repository does not exist",[", repository does not exist"]],["pull access denied, repository does not exist or may require authorization",["pull access denied, repository does not exist or may require authorization"]],["docker\\\\.io/library/(?<image>[a-z0-9._-]+)(?::\\\\S+)?: pull access denied",[": pull access denied"]],["failed to resolve (?:source metadata for|reference) \\\\S+: .*not found",["failed to resolve "]],["(?<!\\"|\\\\bsecret \\\\S{1,200}) not found: not found\\\\b|reference does not exist",[" not found: not found","reference does not exist"]],["repository (?<image>\\\\S+) not found",["repository "]],["\\\\bNo such image: |\\\\bMANIFEST_UNKNOWN\\\\b",["No such image: ","MANIFEST_UNKNOWN"]],["An image does not exist locally with the tag|^tag does not exist: ",["An image does not exist locally with the tag","tag does not exist: "]],["\\\\bTag \\\\S+ not found in repository \\\\S+|^Error: image \\\\S+ not found$",[" not found in repository ","Error: image "]],["failed to load cache key: (?<image>[\\\\w./-]+:[\\\\w.-]+): not found",["failed to load cache key: "]],["invalid from flag value \\\\S+|failed to solve with frontend dockerfile\\\\.v0: failed to create LLB definition: \\\\S+: not found|: not found: manifest unknown|repository does not exist or may require|(?<!\\"|\\\\bsecret \\\\S{1,200}) not found: not found$|\\\\bdoes not exist on the registry",["invalid from flag value ","failed to solve with frontend dockerfile.v0: failed to create LLB definition: ",": not found: manifest unknown","repository does not exist or may require"," not found: not found","does not exist on the registry"]],["\\\\(did you mean \\\\S+\\\\?\\\\)",["(did you mean "]],["target stage .* could not be found|failed to reach build target \\\\S+ in Dockerfile|^(?:ERROR: )?failed to find target \\\\S+$|could not find any target matching|cannot (?:copy|mount) from stage .*(?:needs to be defined|stage needs)",[" could not be found","failed to reach build target ","failed to find target ","could not find any target matching"," from stage "]],["(?:^|: )(?<image>[a-z0-9-]+\\\\.[a-z0-9.-]+(?::\\\\d+)?/[\\\\w./-]+(?::[\\\\w.-]+|@sha256:[0-9a-f]{12,64})): not found$",[": not found"]]],"commands":["^load metadata for \\\\S+","^FROM \\\\S+"],"fix":"- Check the reference: \`docker buildx imagetools inspect <image>\`. Tags are removed upstream too (old distribution releases).\\n- \`COPY --from=<name>\` needs a stage of that name defined earlier in the Dockerfile, or an image that exists.\\n- An image you pushed yourself may carry an index your client cannot read: try \`provenance: false\` when pushing."},
{"id":"registry-push-failure","title":"Pushing to the registry failed","severity":"error","priority":62,"ignoreCase":true,"role":"cause","causedBy":["network-timeout","disk-full","registry-rate-limit"],"laterSteps":true,"patterns":[["failed commit on ref \\"(?<ref>[^\\"]+)\\": (?<reason>.+)",["failed commit on ref "]],["failed to push (?<image>\\\\S+): (?!denied|unauthorized)(?<reason>.+)",["failed to push "]],["error (?:writing|pushing) (?:layer|manifest)(?: blob)?",["writing","pushing"]],["unexpected status from PUT request to \\\\S+: 5\\\\d\\\\d",["unexpected status from PUT request to "]],["^(?!.*(?:\\\\b(?:Head|GET) \\"https?://|error pulling image)).*[Rr]eceived unexpected HTTP status ?: 5\\\\d\\\\d",["eceived unexpected HTTP status"]],["Received HTTP code (?:40[04-9]|41\\\\d|5\\\\d\\\\d) while uploading|HTTP code 5\\\\d\\\\d while uploading",["Received HTTP code "," while uploading"]],["\\\\bblob upload (?:unknown|invalid)\\\\b|^unknown blob\\\\b",["blob upload ","unknown blob"]],["\\\\bname unknown: repository name not known to registry",["name unknown: repository name not known to registry"]],["^name unknown: |does not exist in the registry with id",["name unknown: ","does not exist in the registry with id"]],["\\\\bMANIFEST_INVALID\\\\b|manifest invalid|\\\\bNAME_INVALID\\\\b|(?:^|ERROR: )name invalid$",["MANIFEST_INVALID","manifest invalid","NAME_INVALID","name invalid"]],["\\"code\\": ?\\"(?:BLOB_UNKNOWN|BLOB_UPLOAD_(?:UNKNOWN|INVALID)|DIGEST_INVALID|SIZE_INVALID|MANIFEST_BLOB_UNKNOWN|MANIFEST_UNVERIFIED)\\"",["BLOB_UNKNOWN","BLOB_UPLOAD_","DIGEST_INVALID","SIZE_INVALID","MANIFEST_BLOB_UNKNOWN","MANIFEST_UNVERIFIED"]],["client disconnected during blob PATCH",["client disconnected during blob PATCH"]],["failed to push \\\\S+: .*(?:x509: |tls: failed to verify certificate|certificate signed by unknown authority)",["failed to push "]],["failed to (?:copy|do request): .*(?:PUT|PATCH) .*: (?:EOF|broken pipe|connection reset)",["failed to "]],["failed to do request: (?:Put|Post|Patch|PUT|POST|PATCH) \\"?\\\\S+/blobs/uploads/",["failed to do request: "]],["^(?:unknown|blob unknown|name invalid|size invalid|digest invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|range invalid|manifest unverified): |\\\\btag invalid: .*(?:already exists|immutable)",["unknown","blob unknown","name invalid","size invalid","digest invalid","unsupported","tag invalid","manifest invalid","manifest blob unknown","blob upload ","range invalid","manifest unverified","tag invalid: "]],["Error pushing to registry: Server error: \\\\d{3}|Server error: \\\\d{3} trying to push",["Error pushing to registry: Server error: "," trying to push"]],["[Ee]rror parsing HTTP (?:40[0456789]|41\\\\d|5\\\\d\\\\d) response body|^Error parsing HTTP response: ",["rror parsing HTTP ","Error parsing HTTP response: "]],["Request Entity Too Large|Payload Too Large|manifest blob unknown|unexpected status(?: code)? from (?:PUT|POST|PATCH) request to \\\\S+: (?:400|404|405|409|413|500|502|503|504)\\\\b|failed to upload (?:layer|blob)",["Request Entity Too Large","Payload Too Large","manifest blob unknown","unexpected status","failed to upload "]]],"commands":[],"fix":"The image was built; the registry failed while receiving it.\\n- Retry: registry 5xx and dropped connections are usually transient.\\n- Very large layers time out: make them smaller (multi-stage builds, fewer files in the final image).\\n- Some registries reject OCI indexes with attestations: try \`provenance: false\`."},
{"id":"network-timeout","title":"A network request timed out during the build","severity":"error","priority":60,"ignoreCase":true,"role":"cause","causedBy":["qemu-emulation"],"laterSteps":false,"patterns":[["\\\\bi/o timeout\\\\b",["i/o timeout"]],["TLS handshake timeout",["TLS handshake timeout"]],["failed to read expected number of bytes: unexpected EOF",["failed to read expected number of bytes: unexpected EOF"]],["Client\\\\.Timeout exceeded",["Client.Timeout exceeded"]],["context deadline exceeded",["context deadline exceeded"]],["request canceled while waiting for connection",["request canceled while waiting for connection"]],["Temporary failure (?:in name resolution|resolving)",["Temporary failure "]],["Could not resolve host|no such host|Connection timed out|connection reset by peer|does not have REST info xml available|Connection to \`\\\\S+' failed",["Could not resolve host","no such host","Connection timed out","connection reset by peer","does not have REST info xml available","Connection to \`"]],["dial tcp \\\\S+: connect: (?:connection refused|network is unreachable)",["connection refused","network is unreachable"]],["Could not resolve [\\"\\\\x27\\\\u2018][\\\\w.-]+[\\"\\\\x27\\\\u2019]",["Could not resolve "]],["getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|\\\\bEAI_AGAIN\\\\b|\\\\bETIMEDOUT\\\\b|\\\\bECONNRESET\\\\b|socket hang up",["getaddrinfo ","EAI_AGAIN","ETIMEDOUT","ECONNRESET","socket hang up"]],["Read timed out|ReadTimeoutError|ConnectTimeoutError|Failed to establish a new connection|Max retries exceeded with url|Could not fetch URL https?://\\\\S+: .*- skipping$|There was a problem confirming the ssl certificate",["Read timed out","ReadTimeoutError","ConnectTimeoutError","Failed to establish a new connection","Max retries exceeded with url","Could not fetch URL http","There was a problem confirming the ssl certificate"]],["[Nn]etwork is unreachable|server misbehaving",["etwork is unreachable","server misbehaving"]],["curl: \\\\((?:6|7|18|28|35|52|56)\\\\)|\\\\bcurl .*(?:did not complete successfully: exit code|returned a non-zero code): (?:6|7|28|35|56)$",["curl: (","did not complete successfully: exit code","returned a non-zero code"]],["unable to resolve host address|Temporary failure in name resolution",["unable to resolve host address","Temporary failure in name resolution"]],["\\\\bnetwork timeout\\\\b|(?<!has )timed out after \\\\d+",["network timeout","timed out after "]],["temporary error \\\\(try again later\\\\)|^ERROR: https?://\\\\S+: +(?:Permission denied|Connection refused|network error|DNS lookup error|Operation timed out|No route to host|Network unreachable|Host is unreachable)$|(?:\\\\b(?:Head|GET) \\"https?://\\\\S+\\"|error pulling image configuration: .*): received unexpected HTTP status: 5\\\\d\\\\d",["temporary error (try again later)","Permission denied","Connection refused","network error","DNS lookup error","Operation timed out","No route to host","Network unreachable","Host is unreachable",": received unexpected HTTP status: 5"]],["^(?:bash|busybox|curl|wget|git|jq|make|gcc|g\\\\+\\\\+|musl-dev|build-base|alpine-sdk|ca-certificates|tzdata|openssl|openssl-dev|openssh|openssh-client|tar|gzip|bzip2|xz|unzip|zip|coreutils|findutils|grep|sed|shadow|sudo|tini|su-exec|dumb-init|libc6-compat|linux-headers|python3|py3-pip|nodejs|npm|libffi-dev|zlib-dev|vim|nano|file|bind-tools|procps|util-linux|patch|perl|autoconf|automake|libtool|pkgconf|cmake|rsync|less) \\\\((?:no such package|missing)\\\\):?$",["no such package","missing"]],["There appears to be trouble with your network connection",["There appears to be trouble with your network connection"]],["\\\\bEHOSTUNREACH\\\\b|Name or service not known|nodename nor servname provided",["EHOSTUNREACH","Name or service not known","nodename nor servname provided"]],["Failed to connect to \\\\S+ port \\\\d+|Could not connect to \\\\S+:\\\\d+|proxyconnect tcp",["Failed to connect to ","Could not connect to ","proxyconnect tcp"]],["timeout awaiting response headers|net/http: request canceled|Operation timed out",["timeout awaiting response headers","net/http: request canceled","Operation timed out"]],["dial tcp: lookup \\\\S+(?: on \\\\S+)?: (?:no such host|server misbehaving|i/o timeout)",["dial tcp: lookup "]],["Unable to load the service index for source|Failed to fetch .\\\\S+. from Google Fonts",["Unable to load the service index for source"," from Google Fonts"]],["Could not fetch specs from|Bundler::HTTPError|Retrying fetcher due to error",["Could not fetch specs from","Bundler::HTTPError","Retrying fetcher due to error"]],["spurious network error|network failure seems to have happened|\\\\b(?:ConnectionRefused|ConnectionClosed|ConnectionReset|ConnectionTimedOut|DNSResolveFailed|NetworkUnreachable|HostUnreachable|Timeout|TimedOut) downloading (?:package manifest|tarball)\\\\b",["spurious network error","network failure seems to have happened"," downloading "]],["stream error: stream ID \\\\d+",["stream error: stream ID "]],["npm (?:ERR!|error) (?:code )?(?:ERR_SOCKET_TIMEOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|EPROTO)\\\\b",["ERR_SOCKET_TIMEOUT","ECONNREFUSED","ECONNRESET","ENOTFOUND","ETIMEDOUT","EAI_AGAIN","ENETUNREACH","EHOSTUNREACH","ECONNABORTED","EPROTO"]],["npm (?:ERR!|error) network\\\\b|problem related to network connectivity|request to https?://\\\\S+ failed, reason:",[" network","problem related to network connectivity"," failed, reason:"]],["\\\\b(?:ESOCKETTIMEDOUT|ECONNREFUSED|ENETUNREACH|ECONNABORTED|ERR_SOCKET_TIMEOUT)\\\\b",["ESOCKETTIMEDOUT","ECONNREFUSED","ENETUNREACH","ECONNABORTED","ERR_SOCKET_TIMEOUT"]],["connection broken by|ProtocolError\\\\(|NewConnectionError|RemoteDisconnected|Connection aborted|IncompleteRead|ProxyError|ConnectionResetError|ConnectionRefusedError",["connection broken by","ProtocolError(","NewConnectionError","RemoteDisconnected","Connection aborted","IncompleteRead","ProxyError","ConnectionResetError","ConnectionRefusedError"]],["\\\\b[Cc]onnect(?:ion)? (?:timed out|refused)\\\\b|\\\\bNo route to host\\\\b",["timed out","refused","No route to host"]],["(?:[Rr]ead|[Ss]ocket|[Rr]equest|[Hh]andshake|[Cc]onnect) tim(?:ed out|eout)\\\\b|\\\\bTimeout was reached\\\\b",[" tim","Timeout was reached"]],["Could not connect to \\\\S+|Unable to connect to \\\\S+|Connection failed \\\\[IP:|Undetermined Error|Clearsigned file isn.t valid|does the network require authentication",["Could not connect to ","Unable to connect to ","Connection failed [IP:","Undetermined Error","Clearsigned file isn","does the network require authentication"]],["network error \\\\(check Internet connection|DNS lookup error|could not connect to server \\\\(check repositories file\\\\)",["network error (check Internet connection","DNS lookup error","could not connect to server (check repositories file)"]],["remote error: tls: handshake failure|\\\\{:?failed_connect,|[:{ ]nxdomain\\\\b|gnutls_handshake\\\\(\\\\) failed|RPC failed; curl|\\\\bearly EOF\\\\b|remote end hung up unexpectedly|SSL_ERROR_SYSCALL|SSL_read: |SSL_connect: |unable to access .https?://[^ ]+: (?:Failed to connect|Could not resolve|Operation timed out|OpenSSL|GnuTLS)",["remote error: tls: handshake failure","failed_connect,","nxdomain","gnutls_handshake() failed","RPC failed; curl","early EOF","remote end hung up unexpectedly","SSL_ERROR_SYSCALL","SSL_read: ","SSL_connect: ","unable to access "]],["curl: \\\\((?:5|16|55|92)\\\\)|Couldn.t resolve (?:host|proxy)|Could not resolve (?:proxy|host):|Curl error \\\\((?:5|6|7|28|35|56)\\\\)",["curl: (","t resolve ","Could not resolve ","Curl error ("]],["Connect to \\\\S+ (?:\\\\[[^\\\\]]*\\\\] )?failed|Could not (?:GET|HEAD) .https?://|(?:Transfer|Download) failed for|SocketTimeoutException|UnknownHostException|java\\\\.net\\\\.ConnectException|SSLHandshakeException|NoHttpResponseException",["Connect to ","Could not "," failed for","SocketTimeoutException","UnknownHostException","java.net.ConnectException","SSLHandshakeException","NoHttpResponseException"]],["CondaHTTPError|CONNECTION FAILED for url|Cannot retrieve repository metadata",["CondaHTTPError","CONNECTION FAILED for url","Cannot retrieve repository metadata"]],["(?:Head|Get|HEAD|GET) \\"https?://\\\\S+\\": (?:unexpected )?EOF\\\\b|failed to do request: (?:Head|Get|HEAD|GET) \\"?\\\\S+\\"?: (?:EOF|dial tcp|read tcp|net/http|remote error)",["http","failed to do request: "]],["^(?!.*\\\\bfailed to push\\\\b).*x509: certificate (?:signed by unknown authority|has expired|is valid for)",["x509: certificate "]],["CERTIFICATE_VERIFY_FAILED|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SSL certificate problem|unable to get local issuer certificate",["CERTIFICATE_VERIFY_FAILED","SELF_SIGNED_CERT_IN_CHAIN","UNABLE_TO_GET_ISSUER_CERT_LOCALLY","SSL certificate problem","unable to get local issuer certificate"]],["short read: expected \\\\d+ bytes but got \\\\d+|read tcp \\\\S+->\\\\S+: read: |unexpected EOF while reading|wget: (?:download timed out|unable to connect)|failed: (?:Connection timed out|Connection refused|Temporary failure|No route to host|Network is unreachable)",["short read: expected ","read tcp ","unexpected EOF while reading","download timed out","unable to connect","Connection timed out","Connection refused","Temporary failure","No route to host","Network is unreachable"]],["HTTPSConnectionPool\\\\(host=|HTTPConnectionPool\\\\(host=|[Cc]onnection reset\\\\b|[Tt]emporary failure in name resolution|Could not resolve hostname",["HTTPSConnectionPool(host=","HTTPConnectionPool(host=","onnection reset","emporary failure in name resolution","Could not resolve hostname"]],["\\"https?://[^\\"]+\\": dial tcp\\\\b",[": dial tcp"]],["\\\\bDeadlineExceeded\\\\b|failed to load cache key: invalid response status 5\\\\d\\\\d\\\\b",["DeadlineExceeded","failed to load cache key: invalid response status 5"]],["Hash Sum mismatch|Bad header line|Mirror sync in progress\\\\?|wget: bad address|wget: can.t connect to remote host|ssl_client: \\\\S+: handshake failed|wget: error getting response|Failed to fetch \\\\S+\\\\s+5\\\\d\\\\d\\\\b|The SSL connection could not be established|URL could not be accessed: |\\\\bwas not closed cleanly\\\\b",["Hash Sum mismatch","Bad header line","Mirror sync in progress?","wget: bad address","t connect to remote host",": handshake failed","wget: error getting response","Failed to fetch ","The SSL connection could not be established","URL could not be accessed: ","was not closed cleanly"]],["Gem::RemoteFetcher::(?:UnknownHost|Fetch)Error|Net::(?:Open|Read)Timeout",["Gem::RemoteFetcher::","Timeout"]],["\\\\bcurl\\\\b[^\\"']*(?:\\" did not complete successfully: exit code: |' returned a non-zero code: |\\\\]: exit code: )(?:6|7|18|28|35|52|56)$",[" did not complete successfully: exit code: "," returned a non-zero code: ","]: exit code: "]],["\\\\bwget\\\\b[^\\"']*(?:\\" did not complete successfully: exit code: |' returned a non-zero code: |\\\\]: exit code: )4$",[" did not complete successfully: exit code: "," returned a non-zero code: ","]: exit code: "]]],"commands":[],"fix":"- Usually transient: re-run the job. When it repeats, the host named in the error is down or unreachable from the runner.\\n- Pull base images through a mirror or log in (anonymous pulls are throttled and slower).\\n- Inside \`RUN\` steps, retry downloads (\`apt-get -o Acquire::Retries=3\`, \`npm ci --fetch-retries=5\`)."},
{"id":"buildkit-connection-lost","title":"The connection to BuildKit broke during the build","severity":"error","priority":55,"ignoreCase":true,"role":"cause","causedBy":["oom-killed","disk-full"],"laterSteps":false,"patterns":[["failed to receive status: rpc error",["failed to receive status: rpc error"]],["error reading from server: EOF",["error reading from server: EOF"]],["rpc error: code = Unavailable",["rpc error: code = Unavailable"]],["closing transport due to|transport is closing",["closing transport due to","transport is closing"]],["buildkitd (?:exited|has been killed|died)",["buildkitd "]],["transport is closing|the connection is unavailable|closing transport due to",["transport is closing","the connection is unavailable","closing transport due to"]],["http2: server sent GOAWAY|graceful_stop",["http2: server sent GOAWAY","graceful_stop"]],["grpc: the client connection is closing|error reading from server: (?:EOF|connection reset)|received prior goaway",["grpc: the client connection is closing","error reading from server: ","received prior goaway"]]],"commands":[],"fix":"The builder (BuildKit) stopped answering: it crashed, was killed for memory, or its container or host went away.\\n- Re-run; if it repeats at the same step, that step crashes BuildKit (very large layers, inline cache on old engines): update Docker/BuildKit via \`docker/setup-buildx-action\`.\\n- Check the runner's memory and disk: BuildKit dies when the host runs out."},
{"id":"canceled","title":"The build was canceled before it finished[[: its step's timeout-minutes (\${stepMinutes}) ran out]][[: its job's time limit (\${jobMinutes} min) ran out]]","severity":"warning","priority":40,"ignoreCase":false,"role":"consequence","causedBy":[],"laterSteps":false,"patterns":[["The operation was canceled",["The operation was canceled"]],["Canceling since a higher priority waiting request",["Canceling since a higher priority waiting request"]],["\\\\bBuild canceled\\\\b",["Build canceled"]],["The runner has received a shutdown signal",["The runner has received a shutdown signal"]],["The job running on runner .* has exceeded the maximum execution time(?: of (?<jobMinutes>\\\\d+) minutes?)?",[" has exceeded the maximum execution time"]],["The job was canceled because",["The job was canceled because"]],["received cancellation signal",["received cancellation signal"]],["ran longer than the maximum time of \\\\d+ minutes",["ran longer than the maximum time of "]],["^The action .+ has timed out after (?<stepMinutes>\\\\d+) minutes?\\\\.?$",[" has timed out after "]],["Build was aborted|execution took longer than \\\\S+ seconds|Canceled: context canceled",["Build was aborted","execution took longer than ","Canceled: context canceled"]]],"commands":[],"fix":"[[- The step's \`timeout-minutes\` (\${stepMinutes}) ran out while it built: set it above the build's time with a cold cache (where the time went is in this report), or make the build faster first (a warm cache, dependencies built in their own layer).]]\\n[[- The job reached its time limit (\${jobMinutes} min; 360 on GitHub-hosted runners): make the build faster (a warm cache, no emulated platform on one runner) or split the platforms across jobs.]]\\n- When another job of the matrix failed, fix that job first: with \`strategy.fail-fast\` (the default) GitHub cancels the others.\\n- A newer push to the same branch cancels older runs when the workflow sets \`concurrency\` with \`cancel-in-progress: true\`.\\n- A job that reached \`timeout-minutes\` is canceled too: compare the job time with the timeout."},
{"id":"cache-miss","title":"The build cache did not match","severity":"warning","priority":30,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[],"commands":[],"fix":"- With \`docker/build-push-action\`, read and write the cache: \`cache-from: type=gha,scope=<image>\` and \`cache-to: type=gha,mode=max,scope=<image>\`, one scope per image of a matrix so they do not evict each other.\\n- A first run, or one after the cache was evicted (GitHub keeps 10 GB per repository, least recently used first), misses everything; warm the cache by running the workflow on a branch before merging large dependency changes.\\n- Copy dependency manifests and build dependencies before the sources (for Rust: \`cargo chef\`), so a source change does not rebuild them, and keep compiler caches with \`RUN --mount=type=cache,...\`."},
{"id":"slow-build","title":"The build took longer than its budget","severity":"warning","priority":20,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[],"commands":[],"fix":"- Fix the causes named in the other findings of this build first (emulation, cache misses).\\n- A cold cache (first publish, large dependency update) is expected to be slow; the next run with a warm cache should be much faster.\\n- Raise the budget with the \`max-build-minutes\` input if this duration is expected."},
{"id":"after-build-error","title":"A step after the build reported an error","severity":"notice","priority":0,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[],"commands":[],"fix":"The build succeeded: the error came from a later step of the job (a smoke test, a script, an upload), whose output is not a Docker build's and is not diagnosed here. Its last lines are quoted above; the step's log holds the rest.\\n- A step with \`continue-on-error: true\` reports its error and leaves the job green: nothing to change if that is intended.\\n- A step that runs the image just built (\`docker run\`, a Kubernetes smoke test) fails on what is in the image: reproduce it with the same tag or digest locally."},
{"id":"unknown","title":"The build failed","severity":"error","priority":0,"ignoreCase":false,"role":"cause","causedBy":[],"laterSteps":false,"patterns":[],"commands":[],"fix":"No known signature matched. Read the failing step's output (in the evidence) for the first error, not the last, and reproduce locally with the same Dockerfile and platform: \`docker buildx build --progress=plain --platform <platform> -f <Dockerfile> .\`\\nAdd a signature for this failure to your own \`signatures\` file so the next one is recognised."}
]`;

// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __nccwpck_require__(1377);
// EXTERNAL MODULE: ./src/diagnose/required-literals.ts
var required_literals = __nccwpck_require__(1068);
;// CONCATENATED MODULE: ./src/diagnose/catalog.ts


/**
 * A pattern whose regular expression is built the first time it is used, and its required literals
 * likewise unless given. The built-in catalog's 440 patterns were all compiled (and their literals
 * worked out) at every start, while a log that fails runs them once and a green one never does.
 */
class Pattern {
    source;
    ignoreCase;
    #regex;
    #literals;
    constructor(source, ignoreCase, 
    /** Worked out at build time for the built-in catalog (scripts/embed-catalog.mjs); else on first use. */
    literals, 
    /** Already compiled (a user's pattern is compiled when read, to report a syntax error then). */
    regex) {
        this.source = source;
        this.ignoreCase = ignoreCase;
        this.#literals = literals;
        this.#regex = regex;
    }
    get regex() {
        return (this.#regex ??= new RegExp(this.source, this.ignoreCase ? 'i' : ''));
    }
    get literals() {
        if (this.#literals === undefined)
            this.#literals = (0,required_literals/* requiredLiterals */.C)(this.source);
        return this.#literals;
    }
}
const CATALOG_VERSION = 1;
/**
 * Placeholders every title and fix may use, whatever the patterns capture. The toolchain ones
 * (`rust`, `go`, ...) have a value (the tool seen) only when the failure came from that toolchain,
 * so a fix can give each its own advice in `[[ ... ]]` parts.
 */
const TOOLCHAINS = ['rust', 'go', 'node', 'java', 'native', 'dotnet', 'python'];
const CONTEXT_VARIABLES = ['build', 'step', 'stage', 'platform', 'dockerfile', 'registry', ...TOOLCHAINS];
const SEVERITIES = ['error', 'warning', 'notice'];
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_PATTERN = 1000;
const MAX_PATTERNS = 50;
const FIELDS = new Set(['id', 'title', 'severity', 'priority', 'patterns', 'commands', 'causedBy', 'role', 'ignoreCase', 'laterSteps', 'fix']);
const ROLES = ['cause', 'consequence'];
/**
 * Reads a catalog file (YAML). Throws an InputError naming the entry and the field. The YAML parser
 * is loaded here, not at start: only a team's own signatures file is YAML at run time.
 */
async function parseCatalog(text, origin, options = { requirePatterns: true }) {
    const { parse: parseYaml } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    let document;
    try {
        document = parseYaml(text, { maxAliasCount: 50 });
    }
    catch (error) {
        throw new errors/* InputError */.d(`${origin}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    return readCatalogDocument(document, origin, options);
}
/** Validates a parsed catalog document (parseCatalog's YAML, or the built-in one parsed at build time). */
function readCatalogDocument(document, origin, options = { requirePatterns: true }) {
    const root = document;
    if (!root || typeof root !== 'object' || Array.isArray(root))
        throw new errors/* InputError */.d(`${origin}: expected a mapping with "version" and "signatures"`);
    if (root.version !== CATALOG_VERSION)
        throw new errors/* InputError */.d(`${origin}: field "version": must be ${CATALOG_VERSION}, not ${JSON.stringify(root.version)}`);
    if (!Array.isArray(root.signatures))
        throw new errors/* InputError */.d(`${origin}: field "signatures": must be a list`);
    const seen = new Set();
    return root.signatures.map((entry, index) => {
        const where = (field, id) => `${origin}: signature ${index + 1}${id ? ` (${id})` : ''}, field "${field}"`;
        if (!entry || typeof entry !== 'object' || Array.isArray(entry))
            throw new errors/* InputError */.d(`${origin}: signature ${index + 1}: must be a mapping`);
        const raw = entry;
        const id = raw.id;
        if (typeof id !== 'string' || !ID.test(id))
            throw new errors/* InputError */.d(`${where('id')}: must be a kebab-case id such as "registry-auth-denied"`);
        if (seen.has(id))
            throw new errors/* InputError */.d(`${where('id', id)}: "${id}" appears twice`);
        seen.add(id);
        for (const key of Object.keys(raw))
            if (!FIELDS.has(key))
                throw new errors/* InputError */.d(`${where(key, id)}: unknown field (known: ${[...FIELDS].join(', ')})`);
        const out = { id, origin };
        if (raw.title !== undefined) {
            if (typeof raw.title !== 'string' || !raw.title.trim() || raw.title.includes('\n'))
                throw new errors/* InputError */.d(`${where('title', id)}: must be a one-line text`);
            out.title = raw.title.trim();
        }
        if (raw.severity !== undefined) {
            if (!SEVERITIES.includes(raw.severity))
                throw new errors/* InputError */.d(`${where('severity', id)}: must be error, warning or notice`);
            out.severity = raw.severity;
        }
        if (raw.priority !== undefined) {
            if (typeof raw.priority !== 'number' || !Number.isFinite(raw.priority) || raw.priority < 0 || raw.priority > 1000) {
                throw new errors/* InputError */.d(`${where('priority', id)}: must be a number from 0 to 1000`);
            }
            out.priority = raw.priority;
        }
        if (raw.ignoreCase !== undefined) {
            if (typeof raw.ignoreCase !== 'boolean')
                throw new errors/* InputError */.d(`${where('ignoreCase', id)}: must be true or false`);
            out.ignoreCase = raw.ignoreCase;
        }
        if (raw.laterSteps !== undefined) {
            if (typeof raw.laterSteps !== 'boolean')
                throw new errors/* InputError */.d(`${where('laterSteps', id)}: must be true or false`);
            out.laterSteps = raw.laterSteps;
        }
        if (raw.patterns !== undefined) {
            if (!Array.isArray(raw.patterns) || raw.patterns.length > MAX_PATTERNS)
                throw new errors/* InputError */.d(`${where('patterns', id)}: must be a list of at most ${MAX_PATTERNS} regular expressions`);
            out.patterns = raw.patterns.map((pattern, i) => compilePattern(pattern, out.ignoreCase ?? false, `${where(`patterns[${i + 1}]`, id)}`));
        }
        if (raw.commands !== undefined) {
            if (!Array.isArray(raw.commands) || raw.commands.length > MAX_PATTERNS)
                throw new errors/* InputError */.d(`${where('commands', id)}: must be a list of at most ${MAX_PATTERNS} regular expressions`);
            out.commands = raw.commands.map((pattern, i) => compilePattern(pattern, out.ignoreCase ?? false, `${where(`commands[${i + 1}]`, id)}`));
        }
        if (raw.causedBy !== undefined) {
            if (!Array.isArray(raw.causedBy) || raw.causedBy.some((c) => typeof c !== 'string' || !ID.test(c)))
                throw new errors/* InputError */.d(`${where('causedBy', id)}: must be a list of signature ids`);
            out.causedBy = raw.causedBy;
        }
        if (raw.role !== undefined) {
            if (!ROLES.includes(raw.role))
                throw new errors/* InputError */.d(`${where('role', id)}: must be cause or consequence`);
            out.role = raw.role;
        }
        if (raw.fix !== undefined) {
            if (typeof raw.fix !== 'string' || !raw.fix.trim())
                throw new errors/* InputError */.d(`${where('fix', id)}: must be Markdown text`);
            out.fix = raw.fix.trim();
        }
        if (options.requirePatterns && raw.patterns !== undefined && out.patterns.length === 0) {
            throw new errors/* InputError */.d(`${where('patterns', id)}: needs at least one pattern`);
        }
        return out;
    });
}
function compilePattern(pattern, ignoreCase, where) {
    if (typeof pattern !== 'string' || pattern === '')
        throw new errors/* InputError */.d(`${where}: must be a non-empty regular expression (a quoted string)`);
    if (pattern.length > MAX_PATTERN)
        throw new errors/* InputError */.d(`${where}: longer than ${MAX_PATTERN} characters`);
    try {
        return new Pattern(pattern, ignoreCase, undefined, new RegExp(pattern, ignoreCase ? 'i' : ''));
    }
    catch (error) {
        throw new errors/* InputError */.d(`${where}: ${error.message}`);
    }
}
/**
 * The built-in catalog with a user's entries on top: an entry with a known id replaces the fields
 * it gives (a team's own fix and runbook link, extra patterns); a new id adds a signature.
 */
function mergeCatalogs(builtin, user) {
    const merged = new Map(builtin.map((s) => [s.id, s]));
    for (const entry of user) {
        const base = merged.get(entry.id);
        if (base) {
            const ignoreCase = entry.ignoreCase ?? base.ignoreCase;
            const patterns = entry.patterns ?? (ignoreCase === base.ignoreCase ? base.patterns : base.patterns.map((p) => new Pattern(p.source, ignoreCase, p.literals)));
            const commands = entry.commands ?? (ignoreCase === base.ignoreCase ? base.commands : base.commands.map((p) => new Pattern(p.source, ignoreCase, p.literals)));
            // Patterns and commands run in the worker as soon as either came from the user's file.
            const patternsOrigin = entry.patterns || entry.commands ? (entry.origin ?? 'user') : base.patternsOrigin;
            merged.set(entry.id, { ...base, ...definedFields(entry), patterns, commands, ignoreCase, origin: entry.origin ?? base.origin, patternsOrigin });
        }
        else {
            const where = `${entry.origin}: signature ${entry.id}`;
            if (!entry.title)
                throw new errors/* InputError */.d(`${where}, field "title": required for a new signature`);
            if (!entry.fix)
                throw new errors/* InputError */.d(`${where}, field "fix": required for a new signature`);
            if (!entry.patterns || entry.patterns.length === 0)
                throw new errors/* InputError */.d(`${where}, field "patterns": required for a new signature`);
            merged.set(entry.id, {
                id: entry.id,
                title: entry.title,
                severity: entry.severity ?? 'error',
                priority: entry.priority ?? 50,
                patterns: entry.patterns,
                commands: entry.commands ?? [],
                causedBy: entry.causedBy ?? [],
                role: entry.role ?? 'cause',
                ignoreCase: entry.ignoreCase ?? false,
                laterSteps: entry.laterSteps ?? false,
                fix: entry.fix,
                origin: entry.origin ?? 'user',
                patternsOrigin: entry.origin ?? 'user',
            });
        }
    }
    const signatures = [...merged.values()];
    for (const signature of signatures) {
        checkPlaceholders(signature);
        checkCausedBy(signature, merged);
    }
    return signatures;
}
function definedFields(entry) {
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
/** Every `${name}` must be a named group of one of the patterns or a context variable. */
function checkPlaceholders(signature) {
    const groups = new Set(CONTEXT_VARIABLES);
    for (const pattern of [...signature.patterns, ...signature.commands])
        for (const name of namedGroups(pattern.source))
            groups.add(name);
    for (const field of ['title', 'fix']) {
        for (const match of signature[field].matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
            if (!groups.has(match[1])) {
                throw new errors/* InputError */.d(`${signature.origin}: signature ${signature.id}, field "${field}": \${${match[1]}} is neither a named group of its patterns nor one of ${CONTEXT_VARIABLES.join(', ')}`);
            }
        }
    }
}
/** Every id a signature names as its cause must be a signature of the catalog. */
function checkCausedBy(signature, known) {
    for (const id of signature.causedBy) {
        if (!known.has(id))
            throw new errors/* InputError */.d(`${signature.origin}: signature ${signature.id}, field "causedBy": "${id}" is not a signature id`);
    }
}
function namedGroups(source) {
    return [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]);
}
/** The built-in catalog: every entry complete; entries without patterns give advice to analysis rules. */
function loadBuiltinCatalog(document) {
    const entries = readCatalogDocument(document, 'built-in signatures', { requirePatterns: false });
    const signatures = entries.map((entry) => {
        for (const field of ['title', 'severity', 'priority', 'patterns', 'fix']) {
            if (entry[field] === undefined)
                throw new InputError(`built-in signatures: ${entry.id}: field "${field}" is missing`);
        }
        const signature = {
            ignoreCase: false,
            commands: [],
            causedBy: [],
            role: 'cause',
            laterSteps: false,
            ...entry,
            origin: 'built-in',
            patternsOrigin: 'built-in',
        };
        checkPlaceholders(signature);
        return signature;
    });
    const known = new Map(signatures.map((s) => [s.id, s]));
    for (const signature of signatures)
        checkCausedBy(signature, known);
    return signatures;
}
/** The embedded form of validated built-in signatures (scripts/embed-catalog.mjs writes it). */
function embedSignatures(signatures) {
    return signatures.map((s) => ({
        id: s.id,
        title: s.title,
        severity: s.severity,
        priority: s.priority,
        ignoreCase: s.ignoreCase,
        role: s.role,
        causedBy: s.causedBy,
        laterSteps: s.laterSteps,
        patterns: s.patterns.map((p) => [p.source, p.literals]),
        commands: s.commands.map((p) => p.source),
        fix: s.fix,
    }));
}
/** The built-in signatures from their embedded form: no validation (done at build time), patterns compiled on first use. */
function fromEmbedded(entries) {
    return entries.map((e) => ({
        id: e.id,
        title: e.title,
        severity: e.severity,
        priority: e.priority,
        patterns: e.patterns.map(([source, literals]) => new Pattern(source, e.ignoreCase, literals)),
        commands: e.commands.map((source) => new Pattern(source, e.ignoreCase)),
        causedBy: e.causedBy,
        role: e.role,
        ignoreCase: e.ignoreCase,
        laterSteps: e.laterSteps,
        fix: e.fix,
        origin: 'built-in',
        patternsOrigin: 'built-in',
    }));
}

;// CONCATENATED MODULE: ./src/diagnose/load-catalog.ts





let builtin = null;
/** The reviewed catalog shipped with buildx-doctor (signatures/builtin.yml). */
function builtinSignatures() {
    // Parsed from YAML and validated at build time (scripts/embed-catalog.mjs): only JSON.parse here.
    builtin ??= fromEmbedded(JSON.parse(BUILTIN_SIGNATURES_JSON));
    return builtin;
}
const MAX_FILE_BYTES = 1024 * 1024;
/** The built-in catalog with the team's file on top. Throws an InputError that names the entry and field. */
async function loadCatalog(userFile) {
    if (!userFile)
        return builtinSignatures();
    return mergeCatalogs(builtinSignatures(), await parseCatalog(await readSignaturesFile(userFile), userFile));
}
/**
 * The file's text, looked at before it is read: a FIFO or a device would block or never end, and
 * a huge (or sparse) file would be read whole before a size check. Opened without blocking, then
 * checked by its descriptor, so that what is checked is what is read.
 */
async function readSignaturesFile(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        throw new errors/* InputError */.d(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`}`);
    }
    try {
        const info = await handle.stat();
        if (info.isDirectory())
            throw new errors/* InputError */.d(`${path}: is a directory, not a signatures file`);
        if (!info.isFile())
            throw new errors/* InputError */.d(`${path}: not a regular file (a pipe, socket or device), so it is not read`);
        if (info.size > MAX_FILE_BYTES)
            throw new errors/* InputError */.d(`${path}: larger than 1 MiB (${info.size.toLocaleString('en-US')} bytes)`);
        // Read at most one byte more than allowed: a file that grew since the check is refused too.
        const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_FILE_BYTES)
                throw new errors/* InputError */.d(`${path}: larger than 1 MiB`);
        }
        return buffer.subarray(0, length).toString('utf8');
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d)
            throw error;
        throw new errors/* InputError */.d(`${path}: cannot read (${error.code ?? 'error'})`);
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 7238:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $k: () => (/* binding */ patternSpecs),
/* harmony export */   WY: () => (/* binding */ rankMatches),
/* harmony export */   Ze: () => (/* binding */ runPatterns),
/* harmony export */   bZ: () => (/* binding */ toMatches),
/* harmony export */   cc: () => (/* binding */ WARNING_LINE),
/* harmony export */   j5: () => (/* binding */ matchTrusted)
/* harmony export */ });
const MAX_MATCHED_LINES = 8;
/** A tool's warning, as a line starts with it once its framing is gone (normalizeForMatching). */
const WARNING_LINE = /^(?:WARNING|WARN|warning)\b/;
// apk says in a WARNING that it gave an index up for this run (`WARNING: updating and opening URL:
// temporary error (try again later)`, `WARNING: fetching URL: DNS lookup error`, older `WARNING:
// Ignoring URL: ...`): no retry follows, and every package then looks missing. Such a line is the
// failure's cause, not a passing warning.
// Docker's note that it runs an image for another platform than the host's: a warning that is a cause (see rankMatches).
const PLATFORM_WARNING = /^(?:WARNING|WARN|warning)\b.*The requested image.s platform \(\S+\) does not match the detected host platform/;
// BuildKit's build check on a base image pulled for another platform than the build's: printed with
// the build's warnings, after the steps (`- InvalidBaseImagePlatform: Base image x was pulled with
// platform "linux/amd64", expected "linux/arm64"`), it states a fact of the whole build that every RUN
// step of that stage follows from, wherever the log prints it.
const BUILD_CHECK_FACT = /^-? ?InvalidBaseImagePlatform: /;
const GIVEN_UP = /: temporary error \(try again later\)|^WARNING: (?:Ignoring|fetching|updating and opening) \S+: /;
// Lines a wrapper prints when something it ran failed, with no word of why: make's `*** [target]
// Error 2`, a CI runner's exit status (of a step, or of the build of a container action). Inside a RUN
// they still point at a compiler; around a `docker build` they only restate the build's failure, so any
// concrete error outranks them.
const WRAPPER_LINE = /^(?:(?:g?make|mingw32-make)(?:\[\d+\])?: \*\*\* .*\bError \d+(?: \(ignored\))?|ERROR: Job failed: .*|script returned exit code \d+|Error: (?:Process completed|Docker build failed) with exit code \d+\.?)$/;
// The header BuildKit gives a cache import's error block, after normalizing (no `#N`, no `> `).
const CACHE_IMPORT_HEADER = /^importing cache manifest from \S+:$/;
/**
 * The header as printed. The diagnosis also offers a failed import's own `#N ERROR: <why>` line under
 * the header's words (so that the catalog reads it as the cache's): that line says why, it stays a cause.
 */
function isBareCacheImportHeader(line) {
    return CACHE_IMPORT_HEADER.test(line.normalized) && line.text.includes('importing cache manifest from');
}
/**
 * Runs every pattern of every signature over the lines, and its command patterns over the failing
 * commands (hit indexes past the lines). Pure and self-contained (no imports used inside), so the
 * same function can run in a worker for patterns that are not ours.
 */
function runPatterns(signatures, lines, maxHits, commands = []) {
    const out = [];
    // Literals are compared in ASCII lower case (what the line selection's literal search ignores);
    // other characters keep their length, so a literal's ASCII run is found where the pattern matched.
    const asciiLower = (text) => text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
    let lowerLines = null;
    for (const signature of signatures) {
        const hits = [];
        const seen = new Set();
        const scan = (source, compiled, texts, offset) => {
            // A pattern runs only on lines that hold one of its literals (every match holds one), and is
            // compiled only when such a line comes: most built-in patterns are never compiled in a run.
            const literals = texts === lines && compiled?.literals && compiled.literals.every((l) => !/[^\x00-\x7f]/.test(l)) ? compiled.literals.map(asciiLower) : null;
            const lowered = literals ? (lowerLines ??= lines.map(asciiLower)) : null;
            let regex = null;
            for (let index = 0; index < texts.length && hits.length < maxHits; index++) {
                if (seen.has(index + offset))
                    continue;
                if (literals && !literals.some((literal) => lowered[index].includes(literal)))
                    continue;
                regex ??= compiled ? compiled.regex : new RegExp(source, signature.ignoreCase ? 'i' : '');
                const match = regex.exec(texts[index]);
                if (!match)
                    continue;
                seen.add(index + offset);
                const groups = {};
                for (const [name, value] of Object.entries(match.groups ?? {}))
                    if (value !== undefined && value !== '')
                        groups[name] = value;
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
function patternSpecs(signatures, compiled = false) {
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
function toMatches(raw, signatures, lines, commands = []) {
    const byId = new Map(signatures.map((s) => [s.id, s]));
    return raw.flatMap(({ id, hits }) => {
        const signature = byId.get(id);
        if (!signature)
            return [];
        const lineHits = hits.filter((h) => h.index < lines.length);
        // A command hit counts only when no line of the log matched: what it printed says more.
        const used = lineHits.length > 0 ? lineHits : hits;
        const matched = used.map((h) => (h.index < lines.length ? lines[h.index] : commands[h.index - lines.length]));
        const groups = {};
        for (const hit of used)
            for (const [name, value] of Object.entries(hit.groups))
                groups[name] ??= value;
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
function matchTrusted(signatures, lines, commands = []) {
    const raw = runPatterns(
    // The catalog's own compiled patterns: each is compiled once per run, not once per build.
    patternSpecs(signatures, true), lines.map((l) => l.normalized), MAX_MATCHED_LINES * 4, commands.map((c) => c.normalized));
    return toMatches(raw, signatures, lines, commands);
}
/**
 * Most likely cause first. A match on a line beats one on the failing command or on a wrapper's
 * line (`make: *** ... Error 2`), and a cause beats a consequence (a cancellation); then a match
 * in the failure itself, then the more specific signature, then the earlier line. Last, causality: when an earlier line matched a signature that
 * the leader names in `causedBy` (a DNS failure before apt's "unable to locate"), the earlier one
 * is the root cause (a repeated warning too: a retry loop); followed as a chain.
 */
function rankMatches(matches) {
    const ranked = [...matches].sort((a, b) => Number(a.onlyWarnings) - Number(b.onlyWarnings) ||
        tier(a) - tier(b) ||
        Number(b.inFailure) - Number(a.inFailure) ||
        b.signature.priority - a.signature.priority ||
        a.lines[0].line - b.lines[0].line);
    for (let step = 0; step < ranked.length; step++) {
        const leader = ranked[0];
        const cause = ranked.find((m) => m !== leader &&
            // A warning is no cause, unless it repeats: a retry loop (pip's `WARNING: Retrying ... after
            // connection broken by`) is the real failure behind the package manager's final error. Docker's
            // warning that an image's platform is not the host's states a fact: what fails after it follows from it.
            // A leader that only matched the failing command (no line says why) takes the one warning that does.
            (!m.onlyWarnings || m.lines.length >= 2 || leader.byCommand || m.lines.some((l) => PLATFORM_WARNING.test(l.normalized))) &&
            !m.byCommand &&
            !m.onlyWrappers &&
            // A package manager's index it gave up on (apk's `temporary error`) is the cause of what it then cannot find,
            // though a paste cut before the step's exit shows only the final error as the failure.
            (m.inFailure || !leader.inFailure || statesBuildFact(m) || m.lines.some((l) => GIVEN_UP.test(l.normalized))) &&
            leader.signature.causedBy.includes(m.signature.id) &&
            // A cause on the same line counts (`failed to compute cache key: secret not found`), and
            // one printed after the leader under a `Caused by:` that follows it (cargo's `failed to
            // download` ... `Caused by:` ... `[28] Timeout was reached`) or is the leader's own line
            // (apk's `ERROR: unable to select packages:` and the reasons listed under it).
            // A leader that matched only the failing command (what ran, no printed line) has no place in
            // the output: any cause the failure printed comes before it (pip's retries, then nothing else).
            (leader.byCommand ||
                statesBuildFact(m) ||
                m.lines[0].line <= leader.lines[0].line ||
                m.lines.some((l) => l.causeChain !== undefined && l.causeChain >= leader.lines[0].line)));
        if (!cause)
            break;
        ranked.splice(ranked.indexOf(cause), 1);
        ranked.unshift(cause);
    }
    return ranked;
}
/** Whether a match is on a build check's line (BUILD_CHECK_FACT): a cause wherever it was printed. */
function statesBuildFact(match) {
    return match.lines.some((l) => BUILD_CHECK_FACT.test(l.normalized));
}
function tier(match) {
    if (match.signature.role === 'consequence')
        return 2;
    // A wrapper's line or the command that ran say that something failed, not what: after any concrete
    // line. So does a cache import's bare header: the import failed, but the build went on without it.
    return match.byCommand || match.onlyWrappers || match.onlyCacheImportHeaders ? 1 : 0;
}


/***/ }),

/***/ 7971:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ normalizeForMatching)
/* harmony export */ });
/* unused harmony export normalizeTryingEveryFraming */
/* harmony import */ var _parse_excerpt_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4402);

const DIGITS = '0123456789';
// What signature patterns see of a line: the message, without the framing that build tools, CI
// systems and copy-paste put around it.
// Each with the characters it can start with (every one is anchored and starts with one of them):
// a framing is tried only on a line that starts with one, most lines start with none.
const FRAMING = [
    [/^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /, '['], // AWS CodeBuild
    [/^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] /, '['], // devcontainer CLI
    [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z /, DIGITS], // a runner timestamp left in a pasted log
    [/^(?:[>\u2502|]\s?)+/, '>\u2502|'], // quoting and box drawing
    [/^##\[error\]/, '#'], // a runner's error annotation (Azure's Docker task repeats each build line as one)
    [/^#\d+ (?=\S)/, '#'], // BuildKit's vertex number
    [/^\d+\.\d+ /, DIGITS], // seconds since the step started (progress and the error block)
    // The tty view's live lines: what a running step printed last (` => => # E: Unable to locate package x`).
    [/^=> => # ?/, '='],
    // A colour code whose escape byte the paste lost or replaced (`[91mKilled`, `\ufffd[91mKilled`): the legacy
    // builder colours a step's stderr, and a web page or a CI viewer drops the ESC before it.
    [/^\ufffd?\[(?:\d{1,3}(?:;\d{1,3})*)?m(?!\])/, '[\ufffd'],
    // Markdown bold a reporter put around the pasted lines (`**Step 2/7 : COPY ...`).
    [/^\*\*(?=[A-Za-z])/, '*'],
];
// The same debris closing a line (`Killed[0m`), and the bold's closing marker (`... no such file or directory**`;
// not a glob's `src/**`).
const TRAILING_COLOUR = /\ufffd?\[(?:\d{1,3}(?:;\d{1,3})*)?m$/;
const TRAILING_BOLD = /(?<=[^\s/*])\*\*$/;
/** Whether a line starting with this code may start with a framing or `##[error]`. */
function mayBeFramed(first) {
    return (first === 0x5b ||
        (first >= 0x30 && first <= 0x39) ||
        first === 0x3e ||
        first === 0x2502 ||
        first === 0x7c ||
        first === 0x23 ||
        first === 0x3d ||
        first === 0xfffd ||
        first === 0x2a);
}
const SMART_QUOTES = /[\u2018-\u201F]/;
/** The line as patterns see it. Bounded in length, so no pattern ever runs on a huge line. */
function normalizeForMatching(text) {
    return normalize(text, false);
}
/** normalizeForMatching trying every framing on every line: the reference its first-character test is tested against. */
function normalizeTryingEveryFraming(text) {
    return normalize(text, true);
}
function normalize(text, everyLine) {
    let out = text.length > _parse_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_EXCERPT_LINE */ .oW ? text.slice(0, _parse_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_EXCERPT_LINE */ .oW) : text;
    // A paste from a web page can carry no-break spaces where the tool printed spaces.
    if (out.includes('\u00a0'))
        out = out.replace(/\u00a0/g, ' ');
    out = out.trimStart();
    // Most lines start with none of the characters a framing (or `##[error]`) starts with: twelve
    // replacements that could change nothing are not tried.
    if (everyLine || mayBeFramed(out.charCodeAt(0))) {
        for (let pass = 0; pass < 2; pass++) {
            for (const [framing, starts] of FRAMING) {
                if (!everyLine && !starts.includes(out.charAt(0)))
                    continue;
                const next = out.replace(framing, '');
                if (next !== out)
                    out = next.trimStart();
            }
        }
        out = out.replace(/^##\[error\]/, '');
    }
    out = out.trimEnd();
    if (out.endsWith('m') && TRAILING_COLOUR.test(out))
        out = out.replace(TRAILING_COLOUR, '').trimEnd();
    if (out.endsWith('**'))
        out = out.replace(TRAILING_BOLD, '');
    // A paste through a word processor or a Markdown renderer curls the quotes the tools printed
    // straight (`caused \u201cexec format error\u201d`): patterns are written with the tools' own.
    return SMART_QUOTES.test(out) ? out.replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/[\u2018\u2019\u201A\u201B]/g, "'") : out;
}


/***/ }),

/***/ 1068:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ requiredLiterals)
/* harmony export */ });
// Which plain texts a regular expression cannot match without: a cheap test (a substring search)
// that rules a line out before any regular expression runs on it.
/** Literals shorter than this rule out too little to be worth testing. */
const MIN_LITERAL = 3;
/**
 * A set of literals of which every match of `source` contains at least one, or null when there is
 * no such set of useful literals (a pattern made only of classes and wildcards). Conservative: it
 * may return null for a pattern that has literals, never a set that a match could avoid.
 */
function requiredLiterals(source) {
    try {
        const parsed = parseAlternation(source, 0);
        return parsed.end === source.length ? best(parsed.branches) : null;
    }
    catch {
        return null;
    }
}
/** The alternatives of a group or of the whole pattern, each with its candidate sets. */
function parseAlternation(source, start) {
    const branches = [];
    let candidates = [];
    let run = '';
    const flush = () => {
        if (run.length >= MIN_LITERAL)
            candidates.push([run]);
        run = '';
    };
    let i = start;
    while (i < source.length) {
        const c = source[i];
        if (c === ')')
            break;
        if (c === '|') {
            flush();
            branches.push(candidates);
            candidates = [];
            i++;
            continue;
        }
        if (c === '(') {
            flush();
            let inner = i + 1;
            let capturing = true;
            if (source[inner] === '?') {
                // (?:  (?<name>  (?=  (?!  (?<=  (?<!
                const kind = source[inner + 1];
                if (kind === ':')
                    inner += 2;
                else if (kind === '<' && source[inner + 2] !== '=' && source[inner + 2] !== '!')
                    inner = source.indexOf('>', inner) + 1;
                else {
                    // A lookaround matches no text of its own: its literals are not required.
                    capturing = false;
                    inner += kind === '<' ? 3 : 2;
                }
            }
            const group = parseAlternation(source, inner);
            if (source[group.end] !== ')')
                throw new Error('unbalanced');
            i = group.end + 1;
            const optional = isOptionalQuantifier(source, i);
            i = skipQuantifier(source, i);
            if (capturing && !optional) {
                const set = best(group.branches);
                if (set)
                    candidates.push(set);
            }
            continue;
        }
        if (c === '[') {
            flush();
            i = skipClass(source, i);
            i = skipQuantifier(source, i);
            continue;
        }
        let literal;
        let next = i + 1;
        if (c === '\\') {
            const e = source[i + 1];
            next = i + 2;
            if (e === undefined)
                throw new Error('trailing backslash');
            if (/[dDsSwWbBnrtfv0-9pPuxck]/.test(e)) {
                if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'k' || e === 'c')
                    throw new Error('escape not handled');
                literal = null;
            }
            else {
                literal = e;
            }
        }
        else if (c === '.' || c === '^' || c === '$') {
            literal = null;
        }
        else if (c === '*' || c === '+' || c === '?' || c === '{') {
            throw new Error('quantifier without atom');
        }
        else {
            literal = c;
        }
        // A quote the tool printed straight may reach the log curled (a paste through a web page or a word
        // processor); patterns see it straightened (normalizeForMatching), the raw line holds it curled.
        if (literal === '"' || literal === "'")
            literal = null;
        if (literal === null) {
            flush();
            i = skipQuantifier(source, next);
            continue;
        }
        if (isOptionalQuantifier(source, next)) {
            // `colou?r`: the letter before an optional quantifier may be missing.
            flush();
            i = skipQuantifier(source, next);
            continue;
        }
        run += literal;
        if (next < source.length && (source[next] === '+' || source[next] === '{')) {
            // `a+`, `a{2,}`: the letter is there at least once, but what follows is not adjacent.
            flush();
            i = skipQuantifier(source, next);
            continue;
        }
        i = next;
    }
    flush();
    branches.push(candidates);
    return { branches, end: i };
}
/** For alternatives: each must contribute a set; the result is their union, or null. */
function best(branches) {
    const union = [];
    for (const candidates of branches) {
        // The candidate whose shortest literal is longest rules out the most.
        let chosen = null;
        for (const set of candidates) {
            if (!chosen || shortest(set) > shortest(chosen))
                chosen = set;
        }
        if (!chosen)
            return null;
        union.push(...chosen);
    }
    return [...new Set(union)];
}
function shortest(set) {
    return Math.min(...set.map((s) => s.length));
}
function isOptionalQuantifier(source, i) {
    const c = source[i];
    if (c === '?' || c === '*')
        return true;
    if (c === '{')
        return /^\{0\s*(?:,|\})/.test(source.slice(i, i + 6));
    return false;
}
function skipQuantifier(source, i) {
    const c = source[i];
    if (c === '?' || c === '*' || c === '+')
        i++;
    else if (c === '{') {
        const close = source.indexOf('}', i);
        if (close === -1)
            throw new Error('unclosed quantifier');
        i = close + 1;
    }
    else
        return i;
    // A lazy or possessive marker.
    if (source[i] === '?')
        i++;
    return i;
}
function skipClass(source, i) {
    let j = i + 1;
    if (source[j] === '^')
        j++;
    if (source[j] === ']')
        j++;
    while (j < source.length && source[j] !== ']')
        j += source[j] === '\\' ? 2 : 1;
    if (j >= source.length)
        throw new Error('unclosed class');
    return j + 1;
}


/***/ }),

/***/ 4772:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ fillTemplate)
/* harmony export */ });
/* unused harmony export MAX_FILLED_CHARS */
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6590);

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
// An optional part that is a whole line: dropped with its line break.
const OPTIONAL_LINE = /^[ \t]*\[\[([^\n]*?)\]\][ \t]*(?:\n|$)/gm;
/**
 * The longest a filled title or fix may be. A signature file may repeat a placeholder a quarter of
 * a million times, and every failed build fills it again: without a bound, 300 builds took 4 GB.
 * A fix longer than this would not fit a pull request comment anyway.
 */
const MAX_FILLED_CHARS = 16_000;
/**
 * Fills a signature's title or fix. `[[ ... ]]` parts vanish when a placeholder in them has no
 * value. In Markdown, values (log text) become inline code, which cannot carry HTML or mentions.
 * The result is at most `max` characters, cut between a value and the text around it (never inside
 * an inline code span), with any code fence left open closed again.
 */
function fillTemplate(template, values, mode, max = MAX_FILLED_CHARS) {
    const has = (name) => values[name] !== undefined && values[name] !== '';
    const kept = (inner) => [...inner.matchAll(PLACEHOLDER)].every((m) => has(m[1]));
    const withLines = template.replace(OPTIONAL_LINE, (whole, inner) => (kept(inner) ? whole.replace(/\[\[|\]\]/g, '') : ''));
    const withOptional = withLines.replace(OPTIONAL, (_, inner) => {
        const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]);
        return names.every(has) ? inner : '';
    });
    const fill = (name) => {
        const value = values[name];
        if (value === undefined || value === '')
            return mode === 'markdown' ? '(unknown)' : 'the build';
        return mode === 'markdown' ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(value, 200) : value.length > 80 ? `${value.slice(0, 79)}\u2026` : value;
    };
    const pieces = [];
    let length = 0;
    let from = 0;
    let cut = false;
    for (const match of withOptional.matchAll(PLACEHOLDER)) {
        const text = withOptional.slice(from, match.index);
        const value = fill(match[1]);
        if (length + text.length + value.length > max) {
            pieces.push((0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(text, Math.max(0, max - length)));
            cut = true;
            break;
        }
        pieces.push(text, value);
        length += text.length + value.length;
        from = match.index + match[0].length;
    }
    if (!cut) {
        const rest = withOptional.slice(from);
        cut = length + rest.length > max;
        pieces.push(cut ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(rest, Math.max(0, max - length)) : rest);
    }
    const out = pieces.join('');
    if (!cut)
        return out;
    return mode === 'markdown' ? `${closeOpenFence(out)}\n\n(cut to ${max.toLocaleString('en-US')} characters)` : `${out}\u2026`;
}
/** A Markdown text cut short may end inside a fenced block: close it, or the rest of the page is code. */
function closeOpenFence(text) {
    let open = null;
    for (const line of text.split('\n')) {
        const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (!fence)
            continue;
        if (open === null)
            open = fence;
        else if (fence[0] === open[0] && fence.length >= open.length)
            open = null;
    }
    return open === null ? text : `${text}\n${open}`;
}


/***/ }),

/***/ 7751:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   VB: () => (/* binding */ doctorFinding),
/* harmony export */   l9: () => (/* binding */ parseSkip)
/* harmony export */ });
/* unused harmony export CHECK_GROUPS */
const CHECK_GROUPS = ['workflow', 'builder', 'resources', 'registry'];
/** `builder,resources` \u2192 the groups; an unknown name is an error the caller reports. */
function parseSkip(text) {
    const groups = new Set();
    for (const name of text
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean)) {
        if (!CHECK_GROUPS.includes(name))
            throw new Error(`unknown check group "${name}" (the groups are ${CHECK_GROUPS.join(', ')})`);
        groups.add(name);
    }
    return groups;
}
/** A finding the doctor raised (not tied to a build of a log). */
function doctorFinding(finding) {
    return { build: null, evidence: [], ...finding };
}
/** The worst status of a set of checks, for one-line summaries. */
function worstStatus(checks) {
    const order = ['fail', 'warn', 'pass', 'skipped'];
    for (const status of order)
        if (checks.some((c) => c.status === status))
            return status;
    return 'skipped';
}


/***/ }),

/***/ 6987:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  T: () => (/* binding */ analyzeSources)
});

// EXTERNAL MODULE: ./src/parse/parse-sources.ts + 41 modules
var parse_sources = __nccwpck_require__(6166);
// EXTERNAL MODULE: ./src/diagnose/line-selector.ts
var line_selector = __nccwpck_require__(1564);
// EXTERNAL MODULE: ./src/analyze/analyze.ts + 13 modules
var analyze = __nccwpck_require__(2128);
// EXTERNAL MODULE: ./src/analyze/build-budget.ts
var build_budget = __nccwpck_require__(7736);
// EXTERNAL MODULE: ./src/diagnose/load-catalog.ts + 2 modules
var load_catalog = __nccwpck_require__(4983);
// EXTERNAL MODULE: ./src/diagnose/matcher.ts
var matcher = __nccwpck_require__(7238);
;// CONCATENATED MODULE: ./src/diagnose/safe-matcher.ts

const DEFAULT_BUDGET = { perSignatureMs: 2000, totalMs: 10000 };
const MAX_HITS = 32;
// The worker runs the same pure function as the main thread, from its source text: no file to
// bundle, and a pattern that backtracks forever only ever blocks the worker, which is terminated.
// It talks over its own MessageChannel so that the main thread can read what the worker already
// said (receiveMessageOnPort) before it decides that a signature ran out of time.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const runPatterns = ${matcher/* runPatterns */.Ze.toString()};
const { port, specs, lines, commands, maxHits } = workerData;
for (const spec of specs) {
  port.postMessage({ type: 'start', id: spec.id });
  port.postMessage({ type: 'done', id: spec.id, result: runPatterns([spec], lines, maxHits, commands) });
}
port.postMessage({ type: 'end' });
`;
/**
 * What is left of the total budget. Only time spent running patterns counts: starting a worker
 * thread on a loaded machine can take longer than any budget, and must not make a fast pattern
 * look slow.
 */
class BudgetClock {
    leftMs;
    constructor(leftMs) {
        this.leftMs = leftMs;
    }
}
/**
 * Matches signatures whose patterns come from the user, in a worker thread with a time budget. A
 * pattern that does not finish in time is reported and skipped; the others still run.
 */
async function matchUntrusted(signatures, lines, budget = DEFAULT_BUDGET, 
/** The total budget left, shared by the builds of one analysis. */
clock = new BudgetClock(budget.totalMs), 
/** The failing step's command, for `commands` patterns. */
commands = []) {
    const specs = (0,matcher/* patternSpecs */.$k)(signatures);
    const texts = { lines: lines.map((l) => l.normalized), commands: commands.map((c) => c.normalized) };
    const raw = [];
    const slow = [];
    let remaining = specs;
    while (remaining.length > 0) {
        if (clock.leftMs <= 0) {
            // Out of total time: whatever did not run is reported as slow too.
            slow.push(...remaining.map((s) => s.id));
            break;
        }
        const { done, stuck } = await runWorker(await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5919, 23)), remaining, texts, budget.perSignatureMs, clock);
        for (const result of done)
            raw.push(...result.raw);
        const finished = new Set(done.map((d) => d.id));
        remaining = remaining.filter((spec) => !finished.has(spec.id));
        if (stuck === undefined)
            break;
        if (stuck === null) {
            slow.push(...remaining.map((s) => s.id));
            break;
        }
        slow.push(stuck);
        remaining = remaining.filter((spec) => spec.id !== stuck);
    }
    return { matches: (0,matcher/* toMatches */.bZ)(raw, signatures, lines, commands), slow };
}
/**
 * `threads` is node:worker_threads, imported by the caller when a user's pattern is to run: most
 * runs have none, and loading the module (with perf_hooks) took a few milliseconds of every start.
 */
function runWorker(threads, specs, texts, perSignatureMs, clock) {
    const { MessageChannel, receiveMessageOnPort, Worker } = threads;
    return new Promise((resolve) => {
        const { port1, port2 } = new MessageChannel();
        const worker = new Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { port: port2, specs, lines: texts.lines, commands: texts.commands, maxHits: MAX_HITS },
            transferList: [port2],
            resourceLimits: { maxOldGenerationSizeMb: 256 },
        });
        const done = [];
        let current = null;
        let startedAt = 0;
        let timer;
        let settled = false;
        const finish = (stuck) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            port1.close();
            void worker.terminate();
            resolve({ done, stuck });
        };
        const handle = (message) => {
            if (settled)
                return;
            if (message.type === 'start') {
                current = message.id;
                startedAt = performance.now();
                // The clock runs only while a signature runs: from its start, never from the thread's.
                clearTimeout(timer);
                timer = setTimeout(expire, Math.max(0, Math.min(perSignatureMs, clock.leftMs)));
            }
            else if (message.type === 'done') {
                clock.leftMs -= performance.now() - startedAt;
                clearTimeout(timer);
                done.push({ id: message.id, raw: message.result ?? [] });
                current = null;
            }
            else {
                finish(undefined);
            }
        };
        const expire = () => {
            // The worker may have finished just as the timer fired: read what it already said first.
            for (let pending = receiveMessageOnPort(port1); pending && !settled; pending = receiveMessageOnPort(port1))
                handle(pending.message);
            if (settled || current === null)
                return;
            const spent = performance.now() - startedAt;
            clock.leftMs -= spent;
            finish(spent >= perSignatureMs || clock.leftMs > 0 ? current : null);
        };
        port1.on('message', handle);
        worker.on('error', () => finish(current));
        // A worker that exits before saying 'end' (out of memory) loses the signature it was running.
        worker.on('exit', () => {
            for (let pending = receiveMessageOnPort(port1); pending && !settled; pending = receiveMessageOnPort(port1))
                handle(pending.message);
            finish(current ?? (done.length < specs.length ? specs[done.length].id : undefined));
        });
    });
}

// EXTERNAL MODULE: ./src/diagnose/normalize.ts
var normalize = __nccwpck_require__(7971);
// EXTERNAL MODULE: ./src/parse/excerpt.ts
var excerpt = __nccwpck_require__(4402);
;// CONCATENATED MODULE: ./src/diagnose/failing-command.ts

// How build tools quote the command that failed:
//   process "/bin/sh -c npm run build" did not complete successfully: exit code: 1   (BuildKit)
//   executor failed running [/bin/sh -c npm run build]: exit code: 1                  (BuildKit < 0.11)
//   The command '/bin/sh -c npm run build' returned a non-zero code: 1              (legacy builder)
const QUOTED = /(?:process "|executor failed running \[|The command ')(?:\/dev\/\.buildkit_qemu_emulator )?(?:\/bin\/(?:ba)?sh -c |cmd \/S \/C )?(.+?)(?:" did not complete successfully|\]: |' returned a non-zero code)/;
const MAX_COMMANDS = 4;
// `[web internal] load metadata for IMAGE`: compose prefixes the service to BuildKit's internal
// steps, which the parser then does not take for internal ones; the command is the same.
const PREFIXED_INTERNAL = /^\[[^\]]*\binternal\] (load metadata for \S+)/;
/**
 * The commands that failed, for the catalog's `commands` patterns: the failing step's own (a RUN's
 * shell command; `COPY ...`, `FROM ...` for other instructions; `load metadata for IMAGE` for
 * BuildKit's internal steps), and any a final error quotes. Each is offered as a line whose text is
 * where it was seen.
 */
function failingCommands(build, lines) {
    const out = [];
    const add = (line, text, command) => {
        const normalized = command.trim().slice(0, excerpt/* MAX_EXCERPT_LINE */.oW);
        if (normalized && out.length < MAX_COMMANDS && !out.some((c) => c.normalized === normalized))
            out.push({ line, text, normalized, inFailure: true });
    };
    for (const step of build.steps) {
        if (step.status !== 'error')
            continue;
        const prefixed = step.kind === 'other' ? PREFIXED_INTERNAL.exec(step.name) : null;
        if (prefixed)
            add(step.line, step.name, prefixed[1]);
        if (step.kind !== 'instruction' && step.kind !== 'internal')
            continue;
        add(step.line, step.name, step.instruction === 'RUN' || step.instruction === null ? step.command : `${step.instruction} ${step.command}`);
    }
    for (const line of lines) {
        if (!line.inFailure)
            continue;
        const quoted = QUOTED.exec(line.normalized);
        if (quoted)
            add(line.line, line.text, quoted[1]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/diagnose.ts




/** Builds worth diagnosing: those that did not succeed, and those whose steps reported errors. */
function needsDiagnosis(build) {
    return build.status !== 'success' || build.steps.some((s) => s.status === 'error');
}
async function diagnoseBuilds(builds, signatures, budget = DEFAULT_BUDGET) {
    const trusted = signatures.filter((s) => s.patternsOrigin === 'built-in');
    const untrusted = signatures.filter((s) => s.patternsOrigin !== 'built-in');
    const byBuild = new Map();
    const slow = new Set();
    // One time budget for the user's patterns over all builds; a signature found slow once is not run again.
    const clock = new BudgetClock(budget.totalMs);
    const match = async (lines, commands, later) => {
        const read = (s) => !later || s.laterSteps;
        const matches = (0,matcher/* matchTrusted */.j5)(trusted.filter(read), lines, commands);
        const runnable = untrusted.filter((s) => read(s) && !slow.has(s.id));
        if (runnable.length > 0) {
            const result = await matchUntrusted(runnable, lines, budget, clock, commands);
            matches.push(...result.matches);
            for (const id of result.slow)
                slow.add(id);
        }
        return withoutIdleFallbacks((0,matcher/* rankMatches */.WY)(matches));
    };
    for (const build of builds) {
        const laterLines = laterStepLines(build);
        const laterMatches = laterLines ? await match(laterLines.map(asCandidate), [], true) : [];
        const laterStep = laterMatches.length > 0 ? { laterStep: { matches: laterMatches, lines: laterLines } } : null;
        if (!needsDiagnosis(build)) {
            if (laterStep)
                byBuild.set(build, { matches: [], lines: [], allLines: [], ...laterStep });
            continue;
        }
        const allLines = excerptLines(build);
        const lines = candidateLines(build, allLines);
        const matches = await match(lines, failingCommands(build, lines), false);
        byBuild.set(build, { matches, lines, allLines, ...laterStep });
    }
    const problems = [...slow].map((id) => {
        const origin = signatures.find((s) => s.id === id)?.origin ?? 'signatures';
        return `${origin}: signature ${id} was skipped: its patterns took longer than ${budget.perSignatureMs} ms (a pattern that backtracks catastrophically?)`;
    });
    return { byBuild, problems };
}
/** The output and error of a step that failed after a build that succeeded, or null. */
function laterStepLines(build) {
    const later = build.afterBuildError;
    if (!later || build.status !== 'success')
        return null;
    return [...later.output, later.error];
}
/** A later step's line, all of it that step's failure. */
function asCandidate(line) {
    return { line: line.line, text: line.text, normalized: (0,normalize/* normalizeForMatching */._)(line.text), inFailure: true };
}
/**
 * A signature's `commands` are its fallback for a failure whose printed lines say nothing it knows:
 * once a line of the failure names a cause (not a warning, not a wrapper's `make: *** Error 2`), a
 * match on the failing command alone adds a second cause the log does not show (`load metadata for
 * IMAGE` read as a missing image beside the registry's 401). So does a match on wrappers' lines only
 * (`make: *** [image] Error 1` around `docker build`, or after a download that failed inside `RUN
 * make`): it restates that something failed, and the line that says why is already named.
 */
function withoutIdleFallbacks(ranked) {
    const named = ranked.some((m) => !m.byCommand && !m.onlyWarnings && !m.onlyWrappers && m.inFailure);
    return named ? ranked.filter((m) => !m.byCommand && !m.onlyWrappers) : ranked;
}
/** The excerpt and the failure's own lines, in input order. */
function excerptLines(build) {
    // Keyed by line and text: in rawjson input one log object (one line) holds several output lines.
    const byLine = new Map();
    for (const lines of [build.excerpt, build.failedStepTail, build.errorDetails, build.errors])
        for (const line of lines)
            byLine.set(`${line.line}\u0000${line.text}`, line);
    return [...byLine.values()].sort((a, b) => a.line - b.line);
}
/** The lines signatures see, each marked whether it is the failure itself. */
function candidateLines(build, lines = excerptLines(build)) {
    const failing = new Set();
    for (const own of [build.failedStepTail, build.errorDetails, build.errors])
        for (const line of own)
            failing.add(line.line);
    if (build.withoutBuildKit)
        for (const line of lines)
            failing.add(line.line);
    // A failed cache import never fails a build (BuildKit goes on without the cache): not the failure.
    const failedIds = build.steps.filter((s) => s.status === 'error' && s.kind !== 'cache-import').map((s) => `#${s.id} `);
    // Lines that only restate a step's command (its header, the error block's ` > [2/3] RUN ...:`,
    // the Dockerfile excerpt) say what the step was, not how it failed: a command that mentions
    // "error" or "Killed" must not match a signature.
    const headers = new Set(build.steps.filter((s) => s.kind === 'instruction').map((s) => `#${s.id} ${s.name}`));
    // The tty view's live lines (` => => # ...`) are what a running step printed last; the parser gives
    // them to the step drawn above them. A paste that starts at them names no step: when that build failed,
    // no step is known to have failed and the failure's own lines say no more than that a process exited
    // (`did not complete successfully: exit code: 100`), they are the nearest the paste comes to its cause.
    // A failure that says why (`"/app/dist": not found`) outranks whatever a step printed last.
    const liveLinesFailed = build.status === 'failure' &&
        !build.steps.some((s) => s.status === 'error') &&
        [...build.errorDetails, ...build.errors].every((line) => PROCESS_EXIT.test(line.text));
    // A cache import or export that failed says so only in its `#N ERROR` line; buildx would head its
    // error block with the step's name (` > importing cache manifest from X:`), which the catalog
    // knows: offer that header too, so that the error is read as the cache's.
    const cacheHeaders = build.steps
        .filter((s) => s.status === 'error' && (s.kind === 'cache-import' || s.kind === 'cache-export') && s.endLine !== null)
        .map((s) => ({
        line: s.endLine,
        text: s.endText ?? s.name,
        normalized: `${s.name}:`,
        inFailure: s.kind === 'cache-export' && build.status === 'failure',
    }));
    const candidates = lines
        .filter((line) => !headers.has(line.text))
        .map((line) => ({
        line: line.line,
        text: line.text,
        normalized: (0,normalize/* normalizeForMatching */._)(line.text),
        inFailure: failing.has(line.line) ||
            line.text.startsWith('##[error]') ||
            failedIds.some((id) => line.text.startsWith(id)) ||
            (liveLinesFailed && TTY_LIVE_LINE.test(line.text)),
    }))
        // Blank lines say nothing; a pattern that matches anything must not make them evidence.
        .filter((line) => line.normalized !== '' && !RESTATED_COMMAND.test(line.normalized))
        .concat(cacheHeaders, markedNonInstructions(build), builtImageThatCannotStart(build, lines))
        .sort((a, b) => a.line - b.line);
    let chain;
    for (const line of candidates) {
        if (CAUSED_BY.test(line.normalized))
            chain = line.line;
        if (chain !== undefined)
            line.causeChain = chain;
    }
    return candidates;
}
/**
 * A Dockerfile excerpt whose `>>>`-marked block starts with no instruction (the parser read it:
 * parse/marked-block.ts) did not parse, even when the paste was cut before the error that says
 * `unknown instruction`. Offered to the signatures as that error, on the excerpt's line; never the
 * failure's own line, so any line of the failure that names a cause outranks it.
 */
function markedNonInstructions(build) {
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
function builtImageThatCannotStart(build, lines) {
    if (build.withoutBuildKit || !build.steps.some((s) => s.kind === 'export' && s.status === 'done'))
        return [];
    return lines
        .filter((line) => ENTRYPOINT_EXEC_FORMAT.test((0,normalize/* normalizeForMatching */._)(line.text)))
        .map((line) => ({ line: line.line, text: line.text, normalized: 'exec format error: an image built for another platform than the host', inFailure: true }));
}
// The header of an error's cause in tools that chain them: cargo and anyhow (`Caused by:`), the
// JVM (`Caused by: java.net.ConnectException: ...`). apk heads its reasons the same way: `ERROR:
// unable to select packages:` (before apk 3.12 `ERROR: unsatisfiable constraints:`) comes first, then
// each package and why (`bash (no such package):`, `bash (missing):`). Gradle nests its causes under
// `> Could not resolve all files for configuration ':x'.` (`dependencies` or `artifacts` in other
// versions), down to the one that says why (`> Connect to repo.maven.apache.org:443 ... timed out`).
// Next.js and create-react-app head theirs with `Failed to compile.`, then the module and its error
// (`next/font` error: Failed to fetch `Montserrat` from Google Fonts.).
const CAUSED_BY = /^Caused by\b|^ERROR: (?:unable to select packages|unsatisfiable constraints):$|^Could not resolve all (?:files|dependencies|artifacts) for configuration\b|^Failed to compile\.$/;
// ` > [builder 2/3] RUN make:` (the error block's header, after quoting is stripped) and
// `  12 | >>> RUN make` (the Dockerfile excerpt: after the bar, `>>> ` marks the failing line and
// four blanks the others). A CI viewer's own line numbers (Drone's `9514 | #10 ERROR: ...`) put the
// log line right after the bar: those are the log, not the Dockerfile.
const RESTATED_COMMAND = /^\[[^\]]*\d+\/\d+\] .*:$|^\d+ \|(?: >>> | {4}|\s*$)/;

// EXTERNAL MODULE: ./src/reference/image-reference.ts
var image_reference = __nccwpck_require__(5676);
;// CONCATENATED MODULE: ./src/registry/measure-builds.ts

/**
 * Measures the images the builds pushed (or the user named), once per image: the tags of one push
 * share a digest, so only the first is measured and the sizes are shown on it. The result is written
 * onto the builds' images; nothing here throws.
 */
async function measureBuildImages(builds, options) {
    if (builds.length === 0 && options.extraImages.length === 0)
        return;
    for (const ref of options.extraImages) {
        const target = builds[0];
        if (target && !target.images.some((i) => i.ref === ref))
            target.images.push({ ref, digest: null, pushed: true });
    }
    const chosen = [];
    for (const build of builds) {
        const seen = new Set();
        for (const image of build.images) {
            const key = image.digest ?? image.ref;
            if (seen.has(key))
                continue;
            seen.add(key);
            chosen.push(image);
        }
    }
    // A push of the baseline tag itself (a push to main) would be compared with itself.
    const isBaseline = (ref) => !!options.baselineTag && (0,image_reference/* explainReference */.fL)(ref) === null && (0,image_reference/* parseReference */.F2)(ref).tag === options.baselineTag;
    const plain = chosen.filter((i) => !isBaseline(i.ref));
    const baselines = chosen.filter((i) => isBaseline(i.ref));
    if (chosen.length === 0)
        return;
    // The registry client (docker buildx imagetools, child_process) is loaded only when an image is to be measured.
    const { measureImages } = await __nccwpck_require__.e(/* import() */ 715).then(__nccwpck_require__.bind(__nccwpck_require__, 5715));
    const results = [...(await measureImages(plain, options)), ...(await measureImages(baselines, { ...options, baselineTag: null }))];
    for (const [index, image] of [...plain, ...baselines].entries()) {
        const result = results[index];
        image.platforms = result.platforms;
        image.sizeUnavailable = result.unavailable;
        image.baselineUnavailable = isBaseline(image.ref) ? `this image is the baseline tag ${options.baselineTag} itself` : result.baselineUnavailable;
    }
}

;// CONCATENATED MODULE: ./src/engine.ts







/**
 * The whole pipeline for a set of logs: each source is streamed through decoding and parsing (a
 * few at a time: parse/parse-sources.ts), each build goes to the budget of listed builds as it
 * closes (analyze/build-budget.ts: past a limit the least telling are folded into counts, so
 * memory does not grow with the number of builds), failed builds are diagnosed against the
 * signature catalog, then the listed builds are analysed together. The action and the CLI both call this.
 */
async function analyzeSources(sources, options, catalog = (0,load_catalog/* builtinSignatures */.n)(), sizes = null, maxListedBuilds = build_budget/* MAX_LISTED_BUILDS */.Zu) {
    const problems = [];
    // The catalog decides which lines are kept for the diagnosis, the team's own signatures included.
    const selector = (0,line_selector/* lineSelectorFor */.Zc)(catalog);
    const budget = new build_budget/* BuildBudget */.s8(maxListedBuilds, options, { catalog });
    // A build's place in the input: its source first (sources are read concurrently), then its order there.
    const seen = new Array(sources.length).fill(0);
    const take = (build, sourceIndex) => budget.add(build, sourceIndex * SOURCE_STRIDE + seen[sourceIndex]++);
    // parseSources holds V8's young generation small on a long read (src/large-input.ts).
    for (const parsed of await (0,parse_sources/* parseSources */.u)(sources, selector, parse_sources/* CONCURRENT_SOURCES */.H, take))
        problems.push(...parsed.problems);
    const builds = budget.builds();
    // Image sizes come from the registry, not the log: measured when asked, before the analysis.
    if (sizes)
        await measureBuildImages(builds, sizes);
    const diagnosis = await diagnoseBuilds(builds, catalog);
    problems.push(...diagnosis.problems.map((message) => ({ source: 'signatures', message })));
    return (0,analyze/* analyze */.n)(builds, problems, options, { diagnosis, catalog, omittedBuilds: budget.omitted() });
}
/** Positions of one source's builds: 2^32 apart, so 2^21 sources stay within exact integers. */
const SOURCE_STRIDE = 2 ** 32;


/***/ }),

/***/ 8943:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MR: () => (/* binding */ whyNoAnswer),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   UU: () => (/* binding */ createClient),
/* harmony export */   hD: () => (/* binding */ ApiError)
/* harmony export */ });
/** Each client's time budget: aborted when it runs out (a client is made once per run). */
const budgets = new WeakMap();
/** An API call that failed for good (after retries): status and one line to show. */
class ApiError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'ApiError';
    }
}
/**
 * Octokit with retries (5xx, network errors) and throttling (429, secondary rate limits, honouring
 * `retry-after`), all within one time budget: past it, requests are aborted and the caller reports
 * what it has.
 *
 * `@actions/github` is loaded here, not when the bundle loads: importing it builds its `context`
 * from the environment, which throws on a malformed event payload (GITHUB_EVENT_PATH) or API URL.
 * buildx-doctor reads the run's context itself (run-context.ts), so the event file is hidden from
 * that import; `apiUrl` has been checked by the caller.
 */
async function createClient(options) {
    // Loaded here, in a chunk of their own: Octokit and undici are most of the bundle, and a run
    // without a token (a step that reads its own log) never needs them.
    const [{ getOctokit }, { retry }, { throttling }, { safeFetch }] = await Promise.all([
        importWithoutEventFile(options.apiUrl),
        Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(735)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9735)),
        Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(856)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6856)),
        Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(594)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5594)),
    ]);
    const deadline = Date.now() + options.budgetMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('the GitHub API time budget ran out')), options.budgetMs);
    timer.unref();
    const withinBudget = (retryAfterSeconds, retryCount) => retryCount < 3 && Date.now() + retryAfterSeconds * 1000 < deadline;
    const client = getOctokit(options.token, {
        baseUrl: options.apiUrl,
        request: { signal: controller.signal, fetch: safeFetch },
        retry: { retries: options.retries },
        throttle: {
            onRateLimit: (retryAfter, _options, _octokit, retryCount) => withinBudget(retryAfter, retryCount),
            onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => withinBudget(retryAfter, retryCount),
        },
        log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    }, retry, throttling);
    budgets.set(client, controller.signal);
    return client;
}
/** `@actions/github`, evaluated now, with the environment its import reads made harmless. */
async function importWithoutEventFile(apiUrl) {
    const saved = { GITHUB_EVENT_PATH: process.env.GITHUB_EVENT_PATH, GITHUB_API_URL: process.env.GITHUB_API_URL };
    delete process.env.GITHUB_EVENT_PATH;
    process.env.GITHUB_API_URL = apiUrl;
    try {
        return await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(758)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1758));
    }
    finally {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined)
                delete process.env[name];
            else
                process.env[name] = value;
        }
    }
}
/**
 * Runs an API call and turns any failure into an ApiError whose message is a sentence for a person:
 * "GitHub API: listing the jobs of run 5 failed: 502 Bad Gateway (GitHub had an error; retried)".
 */
async function call(client, what, request) {
    const signal = budgets.get(client) ?? null;
    try {
        return await request();
    }
    catch (error) {
        // Octokit reports an aborted request as a 500: say what really happened.
        if (signal?.aborted)
            throw new ApiError(null, `GitHub API: ${what} failed: the time budget for API calls ran out`);
        // Octokit gives a network failure status 500 too, but no response.
        const answered = typeof error.status === 'number' && error.response !== undefined;
        const status = answered ? error.status : null;
        // node:http only for its table of reason phrases, and only once something failed.
        const { STATUS_CODES } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
        throw new ApiError(status, `GitHub API: ${what} failed: ${status && status >= 400 ? `${status} ${STATUS_CODES[status] ?? 'error'}${explainStatus(status)}` : whyNoAnswer(error)}`);
    }
}
/** What went wrong when there is no HTTP error status: the network, or an answer that is not what GitHub sends. */
function whyNoAnswer(error) {
    // The code is on the error or down its chain of causes (Octokit's error, fetch's TypeError, the socket's).
    let code = null;
    let network = false;
    for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
        if (typeof e.code === 'string' && code === null && e.code !== 'ERR_ASSERTION')
            code = e.code;
        if (e.message === 'fetch failed' || e.message === 'terminated' || e.message === 'other side closed')
            network = true;
    }
    if (code && NETWORK[code])
        return `${NETWORK[code]} (${code})`;
    if (code && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code))
        return `a network error (${code})`;
    if (network)
        return 'the connection broke';
    if (error instanceof SyntaxError || error instanceof TypeError)
        return 'the answer was not the JSON GitHub sends';
    return 'no usable answer';
}
const NETWORK = {
    ECONNRESET: 'the connection was reset',
    ECONNREFUSED: 'the connection was refused',
    ETIMEDOUT: 'the connection timed out',
    ENOTFOUND: 'the host name did not resolve',
    EAI_AGAIN: 'the host name did not resolve',
    EPIPE: 'the connection broke',
    UND_ERR_SOCKET: 'the connection closed early',
    UND_ERR_CONNECT_TIMEOUT: 'connecting timed out',
    UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
    UND_ERR_BODY_TIMEOUT: 'the answer stopped arriving',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the answer was cut short',
};
function explainStatus(status) {
    if (status === 401)
        return ' (the token was refused)';
    if (status === 403)
        return ' (the token lacks a permission, or a rate limit)';
    if (status === 404)
        return ' (not found, or the token cannot see it)';
    if (status === 410)
        return ' (gone: logs expire after the retention period)';
    if (status === 429)
        return ' (rate limited)';
    if (status >= 500)
        return ' (GitHub had an error; retried)';
    return '';
}


/***/ }),

/***/ 7836:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   findBaselineRun: () => (/* binding */ findBaselineRun),
/* harmony export */   parseBaselineChoice: () => (/* binding */ parseBaselineChoice),
/* harmony export */   whyNot: () => (/* binding */ whyNot)
/* harmony export */ });
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8943);
/* harmony import */ var _workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5593);


/** `auto` (default), `off`, a run id, or a branch name. Throws a one-line error on anything else. */
function parseBaselineChoice(text) {
    const value = text.trim();
    if (value === '' || value.toLowerCase() === 'auto')
        return { kind: 'auto' };
    if (['off', 'none', 'false', 'no'].includes(value.toLowerCase()))
        return { kind: 'off' };
    if (/^\d+$/.test(value)) {
        const runId = Number(value);
        if (!Number.isSafeInteger(runId) || runId <= 0)
            throw new Error(`"${value}" is not a run id`);
        return { kind: 'run', runId };
    }
    // What git allows in a branch name, roughly: enough to refuse a typo that cannot be a branch.
    if (value.length > 255 || /[\s~^:?*[\\\u0000-\u001f\u007f]|\.\.|@\{|^[-/.]|[/.]$|\.lock$/.test(value)) {
        throw new Error(`"${value}" is not auto, off, a run id or a branch name`);
    }
    return { kind: 'branch', branch: value };
}
/** Successful runs looked at to skip the current one (it may already count as a success). */
const CANDIDATES = 5;
/**
 * Finds the run to compare with: for `auto`, the latest successful run of the same workflow on the
 * default branch; for a branch, the same on that branch; a run id is taken as it is. Requests: a run
 * id costs 1; `auto` and a branch cost 2 (this run, for its workflow, then one page of that workflow's
 * successful runs), plus 1 for `auto` when the event payload does not name the default branch.
 * No baseline is never an error: the reason is returned, to be said in the summary.
 */
async function findBaselineRun(client, repo, query) {
    try {
        if (query.choice.kind === 'run') {
            if (query.choice.runId === query.currentRunId)
                return { run: null, reason: `run ${query.choice.runId} is this run itself` };
            return { run: await (0,_workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .getRun */ .Mh)(client, repo, query.choice.runId), reason: null };
        }
        const current = await (0,_workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .getRun */ .Mh)(client, repo, query.currentRunId);
        const branch = query.choice.kind === 'branch' ? query.choice.branch : await (0,_workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultBranch */ .OR)(client, repo, query.payload);
        const runs = await (0,_workflow_runs_js__WEBPACK_IMPORTED_MODULE_1__/* .listWorkflowRuns */ .K9)(client, repo, { workflowId: current.workflowId, branch, status: 'success', limit: CANDIDATES });
        const run = runs.find((r) => r.id !== query.currentRunId && r.conclusion === 'success') ?? null;
        return run ? { run, reason: null } : { run: null, reason: `this workflow has no successful run on ${branch} yet` };
    }
    catch (error) {
        return { run: null, reason: whyNot(error) };
    }
}
/** A refused or failed lookup, said so that the reader knows what to change. */
function whyNot(error) {
    if (error instanceof _api_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && (error.status === 403 || error.status === 404)) {
        return `${error.message}; the job's token needs the actions: read permission to read the workflow's runs`;
    }
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 522:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   st: () => (/* binding */ recentRuns),
/* harmony export */   x_: () => (/* binding */ MAX_HISTORY_RUNS),
/* harmony export */   yJ: () => (/* binding */ mapBounded)
/* harmony export */ });
/* harmony import */ var _workflow_runs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5593);

/** Runs the history reads at most: one page of the runs listing. */
const MAX_HISTORY_RUNS = 100;
/**
 * The last `count` finished runs of the workflow the current run belongs to, any branch, newest
 * first. Requests: 2 (this run, for its workflow; one page of that workflow's runs). Reading each
 * run's jobs then costs 1 listing per 100 jobs and 1 download per job (jobs-source.ts).
 */
async function recentRuns(client, repo, currentRunId, count) {
    const current = await (0,_workflow_runs_js__WEBPACK_IMPORTED_MODULE_0__/* .getRun */ .Mh)(client, repo, currentRunId);
    const limit = Math.min(MAX_HISTORY_RUNS, count);
    const runs = await (0,_workflow_runs_js__WEBPACK_IMPORTED_MODULE_0__/* .listWorkflowRuns */ .K9)(client, repo, { workflowId: current.workflowId, status: 'completed', limit: limit + 1 });
    return runs.filter((run) => run.id !== currentRunId).slice(0, limit);
}
/**
 * `work` over `items`, at most `limit` at a time, results in the items' order: a run's logs are
 * downloaded and parsed while the next run's are, without opening a hundred streams at once.
 */
async function mapBounded(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ }),

/***/ 7068:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext),
/* harmony export */   V: () => (/* binding */ runUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Read once, when the action starts, and never throws: a malformed event file or URL becomes a
 * problem to warn about (`@actions/github` builds its own context at import and throws on both).
 */
function readRunContext(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const problems = [];
    const apiUrl = httpUrl(env.GITHUB_API_URL || 'https://api.github.com');
    if (apiUrl === null)
        problems.push(`GITHUB_API_URL is not an http(s) URL (${JSON.stringify(truncated(env.GITHUB_API_URL ?? ''))}), so the GitHub API is not used`);
    const serverUrl = httpUrl(env.GITHUB_SERVER_URL || 'https://github.com');
    if (serverUrl === null)
        problems.push(`GITHUB_SERVER_URL is not an http(s) URL (${JSON.stringify(truncated(env.GITHUB_SERVER_URL ?? ''))}); links point to https://github.com`);
    return {
        apiUrl,
        serverUrl: serverUrl ?? 'https://github.com',
        owner: owner || null,
        repo: repo || null,
        runId: positiveInt(env.GITHUB_RUN_ID),
        workflow: env.GITHUB_WORKFLOW || null,
        job: env.GITHUB_JOB || null,
        eventName: env.GITHUB_EVENT_NAME || null,
        sha: env.GITHUB_SHA || null,
        runnerName: env.RUNNER_NAME || null,
        payload: readPayload(env.GITHUB_EVENT_PATH, problems),
        problems,
    };
}
/** GitHub's webhook payloads are capped at 25 MB. */
const MAX_PAYLOAD_BYTES = 25 * 1024 * 1024;
function readPayload(path, problems) {
    if (!path)
        return {};
    const unusable = (why) => {
        problems.push(`the event payload (GITHUB_EVENT_PATH) ${why}, so the pull request is not known from it`);
        return {};
    };
    let fd;
    try {
        // Opened without blocking, then checked: a FIFO or a device must not hang the action.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch {
        return {}; // absent (a local run): nothing to say
    }
    try {
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!info.isFile())
            return unusable('is not a regular file');
        if (info.size > MAX_PAYLOAD_BYTES)
            return unusable('is larger than 25 MB');
        const value = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8'));
        return value && typeof value === 'object' && !Array.isArray(value) ? value : unusable('is not a JSON object');
    }
    catch {
        return unusable('is not valid JSON');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function httpUrl(text) {
    try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:' ? text.replace(/\/+$/, '') : null;
    }
    catch {
        return null;
    }
}
function truncated(text) {
    return text.length > 80 ? `${text.slice(0, 79)}\u2026` : text;
}
function positiveInt(text) {
    const n = Number(text);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
}
/** The run's page, where the job summaries are. */
function runUrl(context, runId = context.runId) {
    if (!context.owner || !context.repo || !runId)
        return null;
    return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${runId}`;
}


/***/ }),

/***/ 331:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ StepLineIndex)
/* harmony export */ });
/** The runner's timestamp at the start of every job log line: `2025-09-24T01:02:03.1234567Z `. */
// Read as latin1 (one byte a character), so a UTF-8 byte-order mark shows as `\u00ef\u00bb\u00bf`.
const TIMESTAMP = /^(?:\u00EF\u00BB\u00BF)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?Z /;
/** Enough of a line to hold its timestamp. */
const HEAD_BYTES = 48;
/**
 * Learns, while a job log streams by, the line each step's output starts on. A job log is one file,
 * but GitHub's links to its lines (`/job/ID#step:N:L`) count lines within a step; the API gives each
 * step's start time, and each log line carries its time, so the first line at or after a step's start
 * is where the step begins. Line numbers are counted as the line reader counts them (by `\n`).
 */
class StepLineIndex {
    pending;
    found = [];
    lineNo = 0;
    head = '';
    headDone = false;
    constructor(steps) {
        this.pending = steps
            .filter((s) => s.startedAt !== null && Number.isFinite(Date.parse(s.startedAt)))
            .map((s) => ({ number: s.number, name: s.name, start: Math.floor(Date.parse(s.startedAt) / 1000) }))
            .sort((a, b) => a.number - b.number);
    }
    /** Passes the chunks through unchanged, reading the start of each line on the way. */
    async *watch(chunks) {
        this.lineNo = 1;
        for await (const chunk of chunks) {
            this.scan(chunk);
            yield chunk;
        }
        this.endLine();
    }
    /** The steps found, in line order. */
    starts() {
        return [...this.found];
    }
    /** The step a line of the log belongs to: the last one that started at or before it. */
    static stepOf(steps, line) {
        let best = null;
        for (const step of steps ?? [])
            if (step.firstLine <= line && (!best || step.firstLine >= best.firstLine))
                best = step;
        return best;
    }
    scan(chunk) {
        let from = 0;
        while (from <= chunk.length) {
            const newline = chunk.indexOf(0x0a, from);
            const end = newline === -1 ? chunk.length : newline;
            if (!this.headDone && this.head.length < HEAD_BYTES)
                this.head += chunk.subarray(from, Math.min(end, from + HEAD_BYTES - this.head.length)).toString('latin1');
            if (!this.headDone && this.head.length >= HEAD_BYTES)
                this.endHead();
            if (newline === -1)
                break;
            this.endLine();
            this.lineNo++;
            from = newline + 1;
        }
    }
    endLine() {
        if (!this.headDone)
            this.endHead();
        this.head = '';
        this.headDone = false;
    }
    /** The line's time is known: every step that started by then (the last of them owns the line). */
    endHead() {
        this.headDone = true;
        const match = TIMESTAMP.exec(this.head);
        if (!match || this.pending.length === 0)
            return;
        const seconds = Math.floor(Date.parse(`${match[1]}Z`) / 1000);
        let owner = null;
        // The first line of the log belongs to the first step even if its time is a hair earlier.
        while (this.pending.length > 0 && (seconds >= this.pending[0].start || (this.found.length === 0 && owner === null && this.lineNo === 1))) {
            owner = this.pending.shift();
        }
        if (owner)
            this.found.push({ number: owner.number, name: owner.name, firstLine: this.lineNo });
    }
}


/***/ }),

/***/ 5593:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ listWorkflowRuns),
/* harmony export */   Mh: () => (/* binding */ getRun),
/* harmony export */   OR: () => (/* binding */ defaultBranch)
/* harmony export */ });
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8943);

function toRun(run) {
    return {
        id: run.id,
        number: run.run_number,
        workflowId: run.workflow_id,
        branch: run.head_branch,
        event: run.event,
        status: run.status,
        conclusion: run.conclusion,
        date: run.run_started_at ?? run.created_at,
    };
}
/** One run (1 request). */
async function getRun(client, repo, runId) {
    const response = await (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(client, `reading run ${runId}`, () => client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: runId }));
    return toRun(response.data);
}
/** The workflow's runs, newest first (1 request: one page). */
async function listWorkflowRuns(client, repo, filter) {
    const perPage = Math.max(1, Math.min(100, filter.limit));
    const response = await (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(client, `listing the runs of workflow ${filter.workflowId}`, () => client.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        ...repo,
        workflow_id: filter.workflowId,
        ...(filter.branch ? { branch: filter.branch } : {}),
        status: filter.status,
        per_page: perPage,
    }));
    return response.data.workflow_runs.map(toRun).slice(0, filter.limit);
}
/** The repository's default branch, from the event payload when it says (0 requests), else the API (1). */
async function defaultBranch(client, repo, payload) {
    const fromPayload = payload.repository?.default_branch;
    if (typeof fromPayload === 'string' && fromPayload)
        return fromPayload;
    const response = await (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)(client, `reading the repository ${repo.owner}/${repo.repo}`, () => client.request('GET /repos/{owner}/{repo}', { ...repo }));
    return response.data.default_branch;
}


/***/ }),

/***/ 1377:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeError),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
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


/***/ }),

/***/ 5310:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ textOf),
/* harmony export */   i: () => (/* binding */ LineBytes)
/* harmony export */ });
/**
 * A line's text kept as the bytes it was read from, decoded only when something reads it. Most
 * lines of a log are a step's own output: the parser keeps the last few for excerpts and evidence
 * and almost never quotes them, so decoding each one was wasted work.
 *
 * Only ASCII bytes are ever wrapped (the caller checks): then Latin-1 decoding, the cheapest, gives
 * exactly the string UTF-8 decoding would. It has the shape of an evidence line (`line`, `text`), so
 * it can stand in one wherever only those two are read.
 */
class LineBytes {
    line;
    bytes;
    start;
    end;
    decoded = null;
    constructor(
    /** 1-based line number in the input. */
    line, 
    /**
     * The chunk the line was read from; let go once decoded. A file's chunk is a buffer filled again
     * for the next one: the parser decodes what it holds before that (BuildLogParser.settleBytes).
     */
    bytes, start, end) {
        this.line = line;
        this.bytes = bytes;
        this.start = start;
        this.end = end;
    }
    get text() {
        if (this.decoded === null) {
            this.decoded = this.bytes.toString('latin1', this.start, this.end);
            this.bytes = null;
        }
        return this.decoded;
    }
}
/** A text that may still be bytes: its string. */
function textOf(text) {
    return typeof text === 'string' ? text : text.text;
}


/***/ }),

/***/ 2310:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ fileSource),
/* harmony export */   rC: () => (/* binding */ textSource),
/* harmony export */   sD: () => (/* binding */ stdinSource)
/* harmony export */ });
/* unused harmony export FILE_CHUNK_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1377);


/**
 * A file is read into one buffer of this size, filled again for each chunk. A fresh buffer per
 * chunk (fs.createReadStream's 64 KiB) cost its allocation and the page faults of new memory at
 * every chunk: on the 100 MB rawjson input, reading that way was a quarter to a third of the CPU. At 1 MiB
 * the parser's bytes are settled (excerpt ring decoded) once per ~8,000 lines; reused 64 KiB
 * reads measured no better than the stream (README, Benchmark).
 */
const FILE_CHUNK_BYTES = 1024 * 1024;
/** A log file; `chunkBytes` is the size of the buffer it is read into (tests read in small chunks). */
function fileSource(path, chunkBytes = FILE_CHUNK_BYTES) {
    return {
        label: path,
        reusesChunks: true,
        async open() {
            let info;
            try {
                info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
            }
            catch (error) {
                const code = error.code;
                if (code === 'ENOENT')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${path}: no such file`);
                if (code === 'EACCES')
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${path}: permission denied`);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${path}: cannot read (${code ?? 'unknown error'})`);
            }
            if (info.isDirectory())
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${path}: is a directory, not a log file`);
            return withReadErrors(reusedBufferChunks(path, chunkBytes), path);
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
/**
 * The file's bytes as views of one buffer, filled again for each chunk (see LogSource.reusesChunks).
 * Reads go through the thread pool (FileHandle.read), so other sources read concurrently go on; a
 * FIFO is read as it is written. The file is closed when the reader stops, early or at the end.
 */
async function* reusedBufferChunks(path, size) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafeSlow(size);
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, size, null);
            if (bytesRead === 0)
                return;
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        await handle.close();
    }
}
async function* withReadErrors(stream, label) {
    try {
        yield* stream;
    }
    catch (error) {
        const code = error.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${label}: read failed (${code ?? error.message})`);
    }
}


/***/ }),

/***/ 9016:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ parseMinutes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1377);

/** A positive number of minutes (the `max-build-minutes` input and `--max-build-minutes`). */
function parseMinutes(text) {
    const minutes = Number(text.trim());
    if (!Number.isFinite(minutes) || minutes <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(`max-build-minutes must be a positive number of minutes, not "${text}"`);
    return minutes;
}


/***/ }),

/***/ 7627:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ RUNNER_EXIT),
/* harmony export */   qK: () => (/* binding */ AfterBuildErrorReader),
/* harmony export */   zv: () => (/* binding */ POST_STEP_LINE)
/* harmony export */ });
/* harmony import */ var _build_lines_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3641);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6590);


/** How many of the failing step's lines before its error are quoted with it. */
const LAST_LINES = 5;
/**
 * How many of its kept lines before its error the catalog's `laterSteps` signatures read: a smoke
 * test's `ImagePullBackOff` is printed well before the script gives up.
 */
const OUTPUT_LINES = 40;
/** A step's group titles remembered, to leave them out of its last lines. */
const MAX_GROUP_LINES = 64;
/** The runner's line at the end of a `run:` step that failed. */
const RUNNER_EXIT = /^Process completed with exit code (\d+)\.?$/;
/** A step's name is quoted up to this many characters (a `Run` title is the command's first line). */
const MAX_STEP_NAME = 120;
/** The runner's first line of a post step in a job log (a `gh run view` file names the step instead). */
const POST_STEP_LINE = 'Post job cleanup.';
/**
 * The first error a runner's step reported after the job's last build: a smoke test that runs the
 * image, a script that reads the build's digest, an upload. Without it, a job whose build succeeded
 * and that then failed read "The build succeeded. Nothing to change." It is not the build's failure
 * and is never diagnosed as one: the reports state it, with the step and its last lines. Only the
 * catalog's `laterSteps` signatures read that step's output (a `docker push` denied, a smoke test's
 * pull): a test's own failure is not a Docker cause, and no guess is made from its words.
 *
 * Where a step begins: in a `gh run view` file every line names its step; in a downloaded job log
 * a step begins with the runner's `##[group]Run ...` (a `run:` or `uses:` step) or with
 * `Post job cleanup.` (a post step).
 */
class AfterBuildErrorReader {
    /** The runner's step the job is in, the line it began on and the first line of its own output. */
    step = null;
    /** The step's `##[group]Run ...` (the runner's echo of the script or inputs) is open. */
    inHeader = false;
    /** The first error after the last build, of any kind (an annotation a passing step printed, too). */
    first = null;
    /** The first that failed its step for sure: the runner's exit status of a `run:` step, or its cancellation. */
    exit = null;
    /** The first that was its step's last line (an action's failure: `core.setFailed`). */
    stepEnd = null;
    /** The newest error of the step the job is in. */
    newest = null;
    /** A line of a `gh run view` file, with its step's name: a new name begins a step (true). */
    namedStep(name, line) {
        if (this.step !== null && this.step.name === name)
            return false;
        this.begin(name, line);
        return true;
    }
    /** A job log's line that begins a step (POST_STEP_LINE). */
    stepBegins(name, line) {
        this.begin(name, line);
    }
    /**
     * The runner's `##[group]Run ...`: in a job log it begins a step (`named` false); in either form
     * what follows up to its `##[endgroup]` is the runner's echo of the step, not its output.
     */
    runGroup(title, line, named) {
        if (!named)
            this.begin(title, line);
        this.inHeader = true;
    }
    /** Another `##[group]` in a step's output: its title is the runner's (stored without the command), not output. */
    group(line) {
        if (this.step !== null && this.step.groups.length < MAX_GROUP_LINES)
            this.step.groups.push(line);
    }
    /** `##[endgroup]`: after a step's header, its output begins. */
    endGroup(line) {
        if (this.inHeader && this.step !== null)
            this.step.outputFrom = line + 1;
        this.inHeader = false;
    }
    begin(name, line) {
        // The error on the line before a step begins was the last line of its own step.
        if (this.newest !== null && this.newest.line === line - 1)
            this.stepEnd ??= this.newest;
        this.newest = null;
        this.step = { name, line, outputFrom: line + 1, groups: [] };
        this.inHeader = false;
    }
    /** A build starts: an error before it is not after the job's last build. */
    buildStarts() {
        this.first = null;
        this.exit = null;
        this.stepEnd = null;
        this.newest = null;
    }
    /** A `##[error]` that belongs to no build, in a job that has built. */
    error(line, text) {
        const error = { step: this.step, line, text };
        this.first ??= error;
        if (RUNNER_EXIT.test(text) || _build_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .RUNNER_CANCELED */ .P2.test(text))
            this.exit ??= error;
        this.newest = error;
    }
    /**
     * What to report for the job, given its last line and its kept lines (ExcerptCollector.between:
     * every `##[error]` marks the excerpt, so the lines before the error are among them). The error said
     * is the first that failed a step (an annotation `::error::` of a step that went on is not), else the
     * first of any kind. Null when no step erred.
     */
    result(lastLine, kept) {
        if (this.newest !== null && this.newest.line === lastLine)
            this.stepEnd ??= this.newest;
        const failed = [this.exit, this.stepEnd].filter((e) => e !== null).sort((a, b) => a.line - b.line)[0];
        const chosen = failed ?? this.first;
        if (!chosen)
            return null;
        const from = chosen.step?.outputFrom ?? chosen.line;
        const groups = new Set(chosen.step?.groups ?? []);
        const before = kept(from, chosen.line - 1).filter((l) => l.text.trim() !== '' && !l.text.startsWith('##[') && !groups.has(l.line));
        return {
            step: chosen.step === null ? null : stepName(chosen.step.name),
            stepLine: chosen.step?.line ?? null,
            error: { line: chosen.line, text: chosen.text },
            lastLines: before.slice(-LAST_LINES),
            output: before.slice(-OUTPUT_LINES),
        };
    }
}
function stepName(name) {
    return (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(name.replace(/\.$/, '').trim(), MAX_STEP_NAME);
}


/***/ }),

/***/ 3641:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P2: () => (/* binding */ RUNNER_CANCELED),
/* harmony export */   gt: () => (/* binding */ CACHE_IMPORT_WARNING),
/* harmony export */   iZ: () => (/* binding */ FINAL_ERROR)
/* harmony export */ });
// Lines of build output that the plain and the rawjson parser read the same way (buildx prints them
// as plain text in both: after a rawjson progress, its error trailer is plain text too).
/** Top-level error lines of buildx/BuildKit and the docker CLI after a failed solve. */
// docker compose names the service's target: `target web: failed to solve: ...`; compose v2 prints
// the CLI's `unable to prepare context: ...` (no context, no Dockerfile) without `ERROR:`; BuildKit before
// 0.11 (dockerd 20.10, docker-compose v1) printed the failed step bare: `executor failed running [...]:
// exit code: 1`. A CI runner's verdict on the whole job (GitLab's `ERROR: Job failed: exit code 1`,
// Jenkins's `ERROR: script returned exit code 1`) begins like buildx's `ERROR: ...` but says only that
// some command of the job failed, perhaps a test long after the build: it is not the build's error,
// and a build that ended well before it stays a success.
const FINAL_ERROR = /^(?:ERROR:? (?!Job failed\b|script returned exit code \d)|error: |(?:target "?[\w.-]+"?: )?failed to solve\b|Error response from daemon: |ERROR \[|unable to prepare context: |executor failed running \[)/;
/**
 * The runner's `##[error]` when it cancels a job or a step (a user, a newer run of the group, a
 * shutdown, a step's `timeout-minutes`, the job's time limit): a build it stops did not fail by itself.
 */
const RUNNER_CANCELED = /^The operation was canceled\.|^The runner has received a shutdown signal|^Canceling since a higher priority waiting request|^The action .+ has timed out after \d+ minutes?\.?$|^The job running on runner .+ has exceeded the maximum execution time/;
/** buildx prints this after the build when a --cache-from source has nothing (the build goes on uncached). */
const CACHE_IMPORT_WARNING = /^WARNING: .*\b(?:cache import|import cache|cache importer)\b/i;


/***/ }),

/***/ 4402:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ ExcerptCollector),
/* harmony export */   LF: () => (/* binding */ EXCERPT_RING_LINES),
/* harmony export */   oW: () => (/* binding */ MAX_EXCERPT_LINE)
/* harmony export */ });
/* harmony import */ var _text_detach_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9548);
/* harmony import */ var _input_line_bytes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5310);


/** Lines kept before a failure: where its cause usually is. */
const BEFORE = 200;
/** How many of the last lines the ring holds (a caller that defers lines needs no more than these). */
const EXCERPT_RING_LINES = BEFORE;
/** Lines kept after a failure: the error block, the runner's `##[error]`, the exit status. */
const AFTER = 120;
/** At most this many lines per job, whatever the number of failures. */
const MAX_LINES = 1200;
/** Longer lines are cut before they are kept (and before any pattern sees them). */
const MAX_EXCERPT_LINE = 2000;
/**
 * Lines let go at once when the budget is spent: a log full of marks lets go of lines once every
 * this many lines kept, not at every one (each time is a pass over the kept lines).
 */
const EVICT_BATCH = 64;
/** A step's first lines kept for the catalog that stay when the budget is spent while that step prints. */
const STEP_FIRST_KEPT = 64;
/** `#12 `: the step a kept line belongs to (plain progress and job logs; rawjson renders it too). */
const STEP_PREFIX = /^#\d+ /;
/** A job's failed steps whose earlier kept lines a failure looks for (a pass over the kept lines each). */
const MAX_FAILED_STEPS = 16;
/** `#12 ERROR: ...`: a step's failure, whose earlier lines start with `#12 `. */
const STEP_ERROR = /^#(\d+) ERROR\b/;
/**
 * The lines around failures in a job, for diagnosis. A ring of the last lines is kept while
 * reading; when a failure shows, the ring is copied out and the lines after it are kept too. Memory
 * is bounded per job, and nothing is copied for a job that does not fail.
 *
 * Lines are marked for two reasons: a failure (a step's ERROR, buildx's `ERROR: failed to solve`, the
 * runner's `##[error]`) or a line the catalog knows (a cause, or noise: a test suite's `Error:` lines).
 * When the budget is spent, the oldest lines kept for the catalog go first, and a failure's lines
 * only for a newer failure's: an earlier step that printed many known lines cannot crowd out the
 * failure the diagnosis is about (the step that fails last is the one that fails the build), nor can
 * a later step. The failed step's own lines kept before its window (a cause printed long before its
 * ERROR) are held as the failure's too.
 */
class ExcerptCollector {
    // The ring is three parallel arrays rather than an object per line: it takes every line of a
    // log, and an object each was a good part of the parser's garbage.
    ringLine = new Array(BEFORE).fill(0);
    /** A step's line taken by the parser's shortcut stays bytes here until it is kept (most never are). */
    ringText = new Array(BEFORE).fill('');
    /** 0 for a slot not filled yet. */
    ringSeq = new Array(BEFORE).fill(0);
    /**
     * 1 where the text was bytes when pushed: decoded (now or at settle) into a string of its own, it
     * shares no memory with a longer one, so keep() need not copy it (detach) to let go of its line.
     */
    ringOwn = new Uint8Array(BEFORE);
    next = 0;
    seq = 0;
    lastKeptSeq = 0;
    afterLeft = 0;
    /** Of the lines after marks still to keep (afterLeft), how many follow a failure. */
    failureLeft = 0;
    /** The newest line whose failure window's kept lines were all made a failure's (mark(true) walks back to it). */
    rankedSeq = 0;
    /** How many failed steps' kept lines were made the failure's, at most MAX_FAILED_STEPS. */
    failedSteps = 0;
    /** The last of them (`#12 `): BuildKit may say a step's ERROR twice. */
    lastFailedStep = '';
    kept = [];
    /** How many of the kept lines are not a failure's: those go first. */
    keptForCatalog = 0;
    push(no, text) {
        const slot = this.next;
        this.ringLine[slot] = no;
        this.ringText[slot] = text;
        this.ringSeq[slot] = ++this.seq;
        this.ringOwn[slot] = typeof text === 'string' ? 0 : 1;
        this.next = slot + 1 === BEFORE ? 0 : slot + 1;
        if (this.afterLeft > 0) {
            this.afterLeft--;
            const failure = this.failureLeft > 0;
            if (failure)
                this.failureLeft--;
            this.keep(slot, failure);
        }
    }
    /** Decodes the ring's lines still held as bytes: the buffer they lie in is about to be filled again. */
    settle() {
        const texts = this.ringText;
        for (let i = 0; i < BEFORE; i++) {
            const text = texts[i];
            if (typeof text !== 'string')
                texts[i] = text.text;
        }
    }
    /**
     * The budget is spent on failures' lines alone, and stays so: from now on a failure's line takes
     * the room of the oldest failure's, and a mark for a line the catalog knows (mark(false)) changes
     * nothing, so a caller may stop asking the catalog which lines to mark. A failure still changes
     * the excerpt (mark(true)): lines must still be pushed.
     */
    get full() {
        return this.kept.length >= MAX_LINES && this.keptForCatalog === 0;
    }
    /** Whether the next line pushed will be kept (it follows a failure): it cannot be deferred. */
    get keepsNext() {
        return this.afterLeft > 0;
    }
    /**
     * The line just pushed shows a failure (`failure`), or is one the catalog knows: keep it, what came
     * before it, and what follows. A failure's lines outrank the others (see the class).
     */
    mark(failure = false) {
        // Oldest first, and only the lines not kept yet: the ring's lines are numbered one after
        // another (seq), and marks come in runs (an error block), where every line but the newest is
        // kept already. Walking the whole ring for each mark was most of the parser's time on a log
        // full of failures.
        const newest = this.seq;
        const first = Math.max(newest - BEFORE + 1, 1);
        for (let seq = Math.max(this.lastKeptSeq + 1, first); seq <= newest; seq++) {
            this.keep((this.next - 1 - (newest - seq) + BEFORE) % BEFORE, failure);
        }
        this.afterLeft = AFTER;
        if (failure) {
            this.failureLeft = AFTER;
            this.rankWindow(Math.max(first, this.rankedSeq + 1));
            this.rankFailedStep();
        }
    }
    /** Kept lines with line numbers in [first, last], in order of arrival. */
    between(first, last) {
        return this.kept.filter((e) => e.line >= first && e.line <= last).map((e) => ({ line: e.line, text: e.text }));
    }
    keep(slot, failure) {
        const seq = this.ringSeq[slot];
        if (seq <= this.lastKeptSeq)
            return;
        if (this.kept.length >= MAX_LINES && !this.letGo(failure))
            return;
        this.lastKeptSeq = seq;
        const text = (0,_input_line_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .textOf */ .b)(this.ringText[slot]);
        const cut = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
        this.kept.push({ line: this.ringLine[slot], text: cut === text && this.ringOwn[slot] === 1 ? text : (0,_text_detach_js__WEBPACK_IMPORTED_MODULE_1__/* .detach */ .Y)(cut), seq, failure });
        if (!failure)
            this.keptForCatalog++;
    }
    /**
     * Makes room in a spent budget for a line kept for a failure (`failure`) or for the catalog: a batch of
     * lines kept for the catalog goes, or else, for a failure, the oldest failure's line alone, so that the
     * budget stays spent (full stays true). False when nothing may go: the line is not kept.
     *
     * Which catalog lines go: first other steps' lines, oldest first; then the step now printing (the
     * newest kept line's `#N `) loses its lines after its first STEP_FIRST_KEPT: a step's first known lines
     * are its likeliest cause (`npm ERR! code ENOSPC` before a thousand compile errors that follow from it),
     * and its last ones come with its failure's window anyway. Lines without a step prefix (tty, legacy)
     * count as other steps'.
     */
    letGo(failure) {
        const kept = this.kept;
        if (this.keptForCatalog === 0) {
            if (!failure)
                return false;
            kept.shift();
            return true;
        }
        const newest = kept[kept.length - 1];
        const step = newest === undefined ? null : (STEP_PREFIX.exec(newest.text)?.[0] ?? null);
        let left = EVICT_BATCH;
        // Pass 1: other steps' catalog lines. Pass 2: the current step's, past its first ones. Pass 3: any.
        for (let pass = 1; pass <= 3 && left > 0; pass++) {
            let seenOfStep = 0;
            let to = 0;
            for (let from = 0; from < kept.length; from++) {
                const entry = kept[from];
                if (left > 0 && !entry.failure) {
                    const ofStep = step !== null && entry.text.startsWith(step);
                    const goes = pass === 3 || (pass === 1 ? !ofStep : ofStep && ++seenOfStep > STEP_FIRST_KEPT);
                    if (goes) {
                        left--;
                        continue;
                    }
                }
                kept[to++] = entry;
            }
            kept.length = to;
        }
        this.keptForCatalog -= EVICT_BATCH - left;
        return true;
    }
    /** The kept lines from `from` (seq) to the newest are a failure's: walked back from the newest. */
    rankWindow(from) {
        const kept = this.kept;
        for (let i = kept.length - 1; i >= 0 && kept[i].seq >= from; i--)
            this.rankAsFailure(kept[i]);
        this.rankedSeq = this.seq;
    }
    /**
     * A step's failure (`#12 ERROR: ...`, the newest line): its own lines kept earlier (a cause printed
     * long before the ERROR, kept for the catalog) are the failure's too. A few steps per job: each is
     * a pass over the kept lines. Step numbers restart with each build: another build's step of the same
     * number is kept as a failure's too, which costs room, never this failure's lines.
     */
    rankFailedStep() {
        if (this.keptForCatalog === 0 || this.failedSteps >= MAX_FAILED_STEPS)
            return;
        const newest = this.kept[this.kept.length - 1];
        const failed = newest !== undefined && newest.seq === this.seq ? STEP_ERROR.exec(newest.text) : null;
        if (failed === null)
            return;
        const prefix = `#${failed[1]} `;
        if (prefix === this.lastFailedStep)
            return;
        this.lastFailedStep = prefix;
        this.failedSteps++;
        for (const entry of this.kept)
            if (!entry.failure && entry.text.startsWith(prefix))
                this.rankAsFailure(entry);
    }
    rankAsFailure(entry) {
        if (entry.failure)
            return;
        entry.failure = true;
        this.keptForCatalog--;
    }
}


/***/ }),

/***/ 984:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EV: () => (/* binding */ FAILURE_LINE),
/* harmony export */   eA: () => (/* binding */ isDockerRelated),
/* harmony export */   pA: () => (/* binding */ isDockerFailure)
/* harmony export */ });
// What marks a line as a failure, or as Docker's at all, whatever printed it. Shared by the parser
// (which keeps the lines around failures) and the fallback diagnosis (which quotes them).
// Lines that state a failure, in any build tool's words (BuildKit, the legacy builder, buildx, the
// docker CLI, Kubernetes, CI systems). Vertex lines (`#N ERROR`) are recognised by the vertex parser.
const FAILURE_LINE = /(?:^|[\s>\u2502|])(?:ERROR|[Ee]rror)(?::|\s\[)|\berror\[E\d+\]|failed to (?:solve|build|push|fetch|authorize|copy|compute cache key|read dockerfile|create LLB|register layer|create shim)|OCI runtime \w+ failed|did not complete successfully|returned a non-zero code|executor failed running|Error response from daemon|ImagePullBackOff|ErrImagePull|The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|no space left on device|toomanyrequests|(?:^|\s)Killed$|\bFATAL\b|\bexit code:? \d+|\bsignal: killed\b|\bexited with code [1-9]|[Nn]o space left on device|^E: |has no installation candidate|\[ERROR\]|\bERR!|^fatal: |unexpected (?:HTTP )?status|^(?:denied|unauthorized|forbidden): |\b[Pp]ermission denied\b|Cannot connect to the Docker daemon|requires (?:exactly|at least) \d+ arguments?|no matching manifest|\bpanic: |^Traceback \(most recent call last\)|\*\*\* \[[^\]]*\] Error \d+|\bFinished: FAILURE\b|\bERR_PNPM_\w+|[Cc]ould not connect to|Error parsing reference|marked build as failure|^(?:unknown|blob unknown|name unknown|manifest unknown|name invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|digest invalid|size invalid|range invalid): /;
// Lines only Docker, BuildKit, a registry or a Docker CLI print (in any case: a title retells BuildKit's
// `failed to compute cache key` as `Failed ...`): a paste that holds one is never
// refused as "no Docker build output", whatever else it lacks.
// The container runtime's and emulator's words count (runc's `exec format error`, QEMU's `qemu-x86_64: `,
// Kubernetes pulling the image): a paste of a build that ended well followed by the image failing to
// start is a failure of that image, not text to ignore.
const DOCKER_WORDS = /docker|buildx|buildkit|buildctl|containerd|\bmoby\b|failed to register layer|\bOCI runtime\b|failed to create shim|\bDockerfile\b|\bPulling from\b|The push refers to a repository|manifest (?:list|unknown)|\bfailed to solve\b|^Step \d+(?:\/\d+)? : |^\[\+\] Building|^=> |^#\d+ |^---> |exec format error|exec user process caused|standard_init_linux|^qemu(?:-[\w]+)?: |\bOOMKilled\b|\bImagePullBackOff\b|\bErrImagePull\b|no matching manifest|toomanyrequests|error parsing HTTP (?:\d{3} )?response\b|^error checking context: |failed to (?:compute cache key|calculate checksum of ref)\b|\berror on cache query\b|can't mask dir \S+: mount\b/i;
// BuildKit's error block quotes a step's output as `12.34 text` (seconds since the step started).
const STEP_OUTPUT = /^\d+\.\d+ \S/;
// What else only a container tool's output holds, even in a one-line paste that names no tool: an
// image reference with a registry host and a tag or digest (`ghcr.io/acme/app:1.2: not found`), a
// content digest, the registry API's paths (`/v2/<name>/manifests/<ref>`), a Dockerfile's own
// instructions, compose's commands and its words for the project it loads (v1's and v2's validation of
// a service against the file's top-level secrets, configs, networks and volumes). Tested after the cheaper
// words above, and only for lines that are not a step's (`#N ...` lines never get here).
const CONTAINER_WORDS = /(?<![\w/.-])(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|localhost)(?::\d+)?\/[a-z0-9._-]+(?:\/[a-z0-9._-]+)*(?::[\w][\w.-]*|@sha256:[0-9a-f]{12})|\bsha256:[0-9a-f]{64}\b|\/v2\/[\w./-]*\/(?:manifests|blobs)\/|^(?:FROM|ONBUILD) \S|^COPY --from=|\bcompose(?:\.ya?ml\b| (?:build|up|pull|push|run|project|file)\b)|\b[Ss]ervice "?[\w.-]+"? (?:uses an undefined|refers to undefined) (?:build )?(?:secret|config|network|volume)\b/;
// A registry's answer as the docker CLI prints it (`denied: ...`, `toomanyrequests: ...`): the
// error codes of the registry API (distribution's errcode), lowercased with spaces.
const REGISTRY_REPLY = /^(?:denied|unauthorized|forbidden|toomanyrequests|unknown|blob unknown|name unknown|manifest unknown|name invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|digest invalid|size invalid|range invalid|unavailable): /;
/** Whether a failure line is Docker's own: a failure printed after a build that ended is the build's only then. */
function isDockerFailure(bare) {
    return REGISTRY_REPLY.test(bare) || isDockerRelated(bare);
}
/** Whether a line (without leading blanks) can only come from Docker or its tools. */
function isDockerRelated(bare) {
    return DOCKER_WORDS.test(bare) || STEP_OUTPUT.test(bare) || (mayNameContainerThings(bare) && CONTAINER_WORDS.test(bare));
}
/** A cheap test before CONTAINER_WORDS: each of its forms holds a slash, a digest, compose's words or a leading keyword. */
function mayNameContainerThings(bare) {
    return bare.includes('/') || bare.includes('sha256:') || bare.includes('compose') || bare.includes('ervice ') || /^(?:FROM|ONBUILD|COPY) /.test(bare);
}


/***/ }),

/***/ 6166:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  H: () => (/* binding */ CONCURRENT_SOURCES),
  u: () => (/* binding */ parseSources)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __nccwpck_require__(1377);
;// CONCATENATED MODULE: ./src/input/line-reader.ts


const DEFAULT_LINE_READER_OPTIONS = {
    // BuildKit lines are short; the longest real ones (build-push-action's metadata JSON, a
    // `docker buildx build` command line) stay well under this.
    maxLineBytes: 64 * 1024,
    maxJsonLineBytes: 8 * 1024 * 1024,
    sniffBytes: 8 * 1024,
};
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const OPEN_BRACE = 0x7b;
/**
 * Splits a byte stream into lines and hands each to `onLine` as soon as it is complete.
 * Memory is bounded by the chunk size plus `maxLineBytes`, whatever the size of the input or of a
 * single line. Push-based rather than an async iterator: it is the hot path of every analysis.
 * A chunk may be a view of a buffer the source fills again for the next one: nothing of it is held
 * here past the chunk (the start of a line it ends within is copied), and `chunkDone` is called
 * after its last line, before the next chunk is asked for.
 *
 * Line breaks are LF and CRLF, and a lone CR too: a file written with CR alone (old Mac tools, some
 * terminal captures) must not become one 64 KiB line. Where a lone CR is a break is told by the
 * file's first line break: when it is a lone CR, every CR is a line of its own (numbered as an
 * editor numbers it); otherwise a lone CR is a terminal's redraw inside a line, and its parts keep
 * that line's number (empty parts are dropped).
 */
async function readLines(chunks, onLine, options = DEFAULT_LINE_READER_OPTIONS, takeBytes = null, chunkDone = null) {
    let lineNo = 0;
    let bytes = 0;
    let parts = [];
    let kept = 0;
    let cut = 0;
    let sniffed = 0;
    let cap = options.maxLineBytes;
    /** null until the first line break; then whether a lone CR ends a numbered line. */
    let crEndsLines = null;
    /** The next part belongs to the line already numbered (after a redraw CR). */
    let sameLine = false;
    /** The chunk ended with a CR: whether it is CRLF or a lone CR shows in the next chunk. */
    let pendingCr = false;
    const append = (piece) => {
        if (kept === 0 && cut === 0 && piece.length > 0)
            cap = piece[0] === OPEN_BRACE ? options.maxJsonLineBytes : options.maxLineBytes;
        const room = cap - kept;
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
        const buffer = parts.length === 1 ? parts[0] : Buffer.concat(parts, kept);
        if (!sameLine)
            lineNo += 1;
        sameLine = false;
        onLine({ no: lineNo, text: buffer.toString('utf8'), cutBytes: cut });
        parts = [];
        kept = 0;
        cut = 0;
    };
    /** A line ended by LF or CRLF. */
    const endLine = () => {
        crEndsLines ??= false;
        // The empty rest of a line whose redraws were already given (`text\r\r\n`).
        if (sameLine && kept === 0 && cut === 0) {
            sameLine = false;
            return;
        }
        emit();
    };
    /** A line (or a redraw's part) ended by a lone CR. */
    const endAtLoneCr = () => {
        crEndsLines ??= true;
        if (crEndsLines)
            return emit();
        const empty = kept === 0 && cut === 0;
        if (!empty)
            emit();
        sameLine = true;
    };
    /** Set when the input starts with a UTF-16 byte-order mark: its text is read as UTF-8 from then on. */
    let utf16 = null;
    let first = true;
    for await (const chunk of chunks) {
        let data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (first && data.length > 0) {
            first = false;
            utf16 = utf16Decoder(data);
        }
        // Windows PowerShell 5 writes redirected output as UTF-16 with a BOM: its NUL bytes are text.
        if (utf16)
            data = Buffer.from(utf16.decode(data, { stream: true }), 'utf8');
        if (sniffed < options.sniffBytes) {
            const window = data.subarray(0, options.sniffBytes - sniffed);
            if (window.includes(0)) {
                throw new errors/* InputError */.d(`binary data (a NUL byte within the first ${options.sniffBytes} bytes), not a build log`);
            }
            sniffed += window.length;
        }
        if (data.length === 0)
            continue;
        bytes += data.length;
        let start = 0;
        if (pendingCr) {
            pendingCr = false;
            if (data[0] === NEWLINE) {
                endLine();
                start = 1;
            }
            else {
                endAtLoneCr();
            }
        }
        // Most logs have no lone CR: its search is done once a chunk until one is found.
        let cr = data.indexOf(CARRIAGE_RETURN, start);
        for (;;) {
            const end = data.indexOf(NEWLINE, start);
            if (cr !== -1 && cr < start)
                cr = data.indexOf(CARRIAGE_RETURN, start);
            if (cr !== -1 && (end === -1 || cr < end - 1)) {
                // A CR before the next LF, and not the CR of a CRLF.
                append(data.subarray(start, cr));
                start = cr + 1;
                if (start === data.length) {
                    pendingCr = true;
                    break;
                }
                endAtLoneCr();
                continue;
            }
            if (end === -1)
                break;
            // The common line (whole in this chunk, nothing pending, no CR): offered as bytes first.
            if (takeBytes !== null && kept === 0 && cut === 0 && !sameLine && cr !== end - 1 && end - start <= options.maxLineBytes) {
                if (takeBytes(data, start, end, lineNo + 1)) {
                    lineNo += 1;
                    crEndsLines ??= false;
                    start = end + 1;
                    continue;
                }
            }
            // The CR of a CRLF is not the line's: neither kept nor counted against the length limit, as
            // when the CRLF is split between two chunks (then the CR is pending, never appended).
            const lineEnd = end > start && data[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
            if (kept === 0 && cut === 0 && lineEnd > start && lineEnd - start <= (data[start] === OPEN_BRACE ? options.maxJsonLineBytes : options.maxLineBytes)) {
                // What append() and endLine() do for a line whole in this chunk, with nothing before it and
                // not over the limit, decoded straight from the chunk: no view of it, no list of parts.
                crEndsLines ??= false;
                if (!sameLine)
                    lineNo += 1;
                sameLine = false;
                onLine({ no: lineNo, text: data.toString('utf8', start, lineEnd), cutBytes: 0 });
            }
            else {
                append(data.subarray(start, lineEnd));
                endLine();
            }
            start = end + 1;
        }
        if (start < data.length)
            append(data.subarray(start));
        // A line continued in the next chunk: its start is copied out of this one, which its source may
        // fill again (one copy of a few bytes a chunk; a long line's earlier parts are copies already).
        for (let k = 0; k < parts.length; k++)
            if (parts[k].buffer === data.buffer)
                parts[k] = Buffer.from(parts[k]);
        chunkDone?.();
    }
    const tail = utf16?.decode();
    if (tail)
        append(Buffer.from(tail, 'utf8'));
    if (pendingCr)
        endAtLoneCr();
    else if (kept > 0 || cut > 0)
        emit();
    return { lines: lineNo, bytes };
}
/** A decoder for input that starts with a UTF-16 byte-order mark (which it drops), else null. */
function utf16Decoder(start) {
    if (start.length < 2)
        return null;
    if (start[0] === 0xff && start[1] === 0xfe)
        return new external_node_util_.TextDecoder('utf-16le');
    if (start[0] === 0xfe && start[1] === 0xff)
        return new external_node_util_.TextDecoder('utf-16be');
    return null;
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
/**
 * The same for a timestamp still in bytes: `bytes[start, end)` already known to have the runner
 * timestamp's shape (`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z`, so ASCII). Same result as
 * parseRunnerTimestamp on its text, without making the text (only when the day changes).
 */
function parseRunnerTimestampBytes(bytes, start, end) {
    let sameDay = cachedDate.length === 10;
    for (let i = 0; sameDay && i < 10; i++)
        sameDay = bytes[start + i] === cachedDate.charCodeAt(i);
    if (!sameDay)
        return parseRunnerTimestamp(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
    const h = (bytes[start + 11] - ZERO) * 10 + bytes[start + 12] - ZERO;
    const m = (bytes[start + 14] - ZERO) * 10 + bytes[start + 15] - ZERO;
    const s = (bytes[start + 17] - ZERO) * 10 + bytes[start + 18] - ZERO;
    if (h > 23 || m > 59 || s > 60)
        return null;
    const fractionDigits = end - start - 21;
    let ms = 0;
    for (let i = 0; i < 3; i++)
        ms = ms * 10 + (i < fractionDigits ? bytes[start + 20 + i] - ZERO : 0);
    return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}
const DASH = 45;
const COLON = 58;
const DOT = 46;
const LETTER_T = 84;
const LETTER_Z = 90;
/** The two digits at `at` as a number, or -1. */
function twoDigits(bytes, at) {
    const a = bytes[at] - ZERO;
    const b = bytes[at + 1] - ZERO;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
/**
 * Reads a runner timestamp from its bytes in one pass, shape and value: the step-line shortcut's
 * way, where the shape was checked first and the same bytes were then read again for the value.
 * read() gives what parseRunnerTimestamp gives for the text `bytes[at, end)` when those bytes have
 * the runner's shape (`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z`) and `end` is just past its
 * `Z` (then kept in `end`); null when they do not, or the value is not a time. The bytes after the
 * timestamp need not be checked: the shape ends at its `Z`, and a line's LF is no part of it.
 */
class RunnerTimestampReader {
    /** Where the last timestamp read() accepted ends (just past its `Z`). */
    end = 0;
    read(bytes, at) {
        // The day is most often the one before: its bytes are compared, its shape and value known.
        let sameDay = cachedDate.length === 10;
        for (let i = 0; sameDay && i < 10; i++)
            sameDay = bytes[at + i] === cachedDate.charCodeAt(i);
        if (!sameDay &&
            (twoDigits(bytes, at) < 0 ||
                twoDigits(bytes, at + 2) < 0 ||
                bytes[at + 4] !== DASH ||
                twoDigits(bytes, at + 5) < 0 ||
                bytes[at + 7] !== DASH ||
                twoDigits(bytes, at + 8) < 0))
            return null;
        if (bytes[at + 10] !== LETTER_T || bytes[at + 13] !== COLON || bytes[at + 16] !== COLON)
            return null;
        const h = twoDigits(bytes, at + 11);
        const m = twoDigits(bytes, at + 14);
        const s = twoDigits(bytes, at + 17);
        if (h < 0 || m < 0 || s < 0)
            return null;
        let k = at + 19;
        let ms = 0;
        if (bytes[k] === DOT) {
            k++;
            const from = k;
            for (let d = bytes[k] - ZERO; d >= 0 && d <= 9; d = bytes[++k] - ZERO)
                if (k - from < 3)
                    ms = ms * 10 + d;
            if (k === from)
                return null;
            // Fewer than three digits are tenths or hundredths.
            for (let digits = k - from; digits < 3; digits++)
                ms *= 10;
        }
        if (bytes[k] !== LETTER_Z)
            return null;
        this.end = k + 1;
        if (!sameDay)
            return parseRunnerTimestamp(Buffer.from(bytes.buffer, bytes.byteOffset + at, k + 1 - at).toString('latin1'));
        if (h > 23 || m > 59 || s > 60)
            return null;
        return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
    }
}

;// CONCATENATED MODULE: ./src/decode/ci-framing.ts
// What CI systems and copy-paste put in front of the lines a build printed, when the log is not a
// GitHub Actions log (those are decoded by the line decoder itself). Removing it lets the parser
// read a GitLab, Jenkins, Buildkite or CircleCI log, or a paste cut mid-timestamp, like a terminal's.
const PREFIXES = [
    // GitLab: `section_start:1600000000:step_script` / `section_end:...` markers (the `\r\e[0K` after
    // them is already a line break and an ANSI code removed).
    /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?/,
    // GitLab runner 16+ timestamps each line: `2024-01-02T03:04:05.123456Z 00O ` (stream, `+` continues).
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z \d{2}[OE]\+? ?/,
    // Buildkite's timestamp marker, its escape lost in a paste: `_bk;t=1600000000000`.
    /^_bk;t=\d+\u0007?/,
    // TeamCity's build log: `[10:51:35] :\t [Step 2/3] ` (`W:` and `E:` for warnings and errors,
    // `i:` for its own messages); the time goes with the marker, so it comes before Jenkins' below.
    /^\[\d{2}:\d{2}:\d{2}\](?:[WEi]:|\s:)\s*(?:\[Step \d+\/\d+\] ?)?/,
    // Jenkins' timestamper and many tools: `[2023-01-02T03:04:05.678Z] `, `[10:51:35] `, `[10:51:35.123]`.
    /^\[(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\] ?/,
    // A runner timestamp cut at its start by a paste (`.1234567Z `, `3:04:05.1234567Z `).
    /^[\d:T-]{0,19}\.\d{3,9}Z (?=\S)/,
    // Google Cloud Build names the build step before each line: `Step #1 - "build": `, `Step #0: `
    // (never the legacy builder's `Step 3/14 : `, which has no `#`).
    /^Step #\d+(?: - "[^"]*")?: /,
    // AWS CodeBuild and Drone: `[Container] 2023/01/02 03:04:05.678 `.
    /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /,
    // A date and time, then a space: log shippers and exports (`2024-03-01 10:11:12.123 | `,
    // `2024/03/01 10:11:12 UTC `). A program's own dated lines lose only their date.
    /^\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}| UTC)?(?: \|)? /,
    // A date and time, then a tab (Bamboo, TeamCity exports: `09-Apr-2018 05:40:02\t`).
    /^[\w/.:-]{6,12}[ T]\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\t/,
];
// BuildKit's vertex lines pasted as shell comments or Markdown (`# #12 1.542 ...`).
const COMMENTED_VERTEX = /^# (?=#\d+ )/;
// Logs copied from a web page that escaped them (Azure DevOps, some CI exports): `&#x27;`, `&quot;`.
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(quot|amp|lt|gt|apos));/g;
const NAMED = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
/** The line with HTML character references decoded, when a web page escaped it. */
function unescapeEntities(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(ENTITY, (whole, hex, dec, name) => {
        if (name)
            return NAMED[name];
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
/**
 * The line without CI framing. Cheap for the common case: only a line that starts with one of the
 * characters a framing starts with is tested.
 */
function stripCiFraming(text) {
    const first = text.charCodeAt(0);
    if (first === 0x23 /* # */)
        return text.charCodeAt(1) === 0x20 ? text.replace(COMMENTED_VERTEX, '') : text;
    // s(ection), S(tep #), digits, _ (buildkite), [ (brackets), . or : (a cut timestamp)
    if (!(first === 0x73 || first === 0x53 || (first >= 0x30 && first <= 0x39) || first === 0x5f || first === 0x5b || first === 0x2e || first === 0x3a))
        return text;
    let out = text;
    for (const prefix of PREFIXES) {
        const match = prefix.exec(out);
        if (match && match[0].length > 0)
            out = out.slice(match[0].length);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/text/ansi.ts
// Terminal escape sequences in log text.
//
// Node's util.stripVTControlCharacters is not used: its pattern (that of ansi-regex) leaves part of
// an OSC title that contains a space (`\e]0;my build\a`), the whole of an APC sequence (Buildkite's
// `\e_bk;t=...\a` timestamps) and the intermediate bytes of a CSI sequence (`\e[1 q`) in the text.
// __tests__/line-decoder.test.ts shows each case on both.
// CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), APC sequences and the
// two-byte escapes (`\eM`).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]_][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/** The text without its terminal escape sequences. */
function stripAnsi(text) {
    return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

;// CONCATENATED MODULE: ./src/decode/line-decoder.ts



// `gh run view --log`: JOB<TAB>STEP<TAB>[BOM]TIMESTAMP TEXT
const GH_RUN_VIEW = /^([^\t]+)\t([^\t]*)\t\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
// A job log as the API or the web UI gives it: [BOM]TIMESTAMP TEXT
const ACTIONS = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
const RUNNER_COMMAND = /^##\[(group|endgroup|error|warning|notice|debug|section)\]/;
// GitLab runner 16+ writes each line as `TIMESTAMP 00O TEXT` (stream number, O or E, `+` continues).
const GITLAB_STREAM = /^\d{2}[OE]\+? ?/;
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
            // Kept when unchanged: the prefix as bytes (prefixBytes) is made again only for a new job or step.
            if (gh[1] !== this.job || gh[2] !== this.step) {
                this.job = gh[1];
                this.step = gh[2];
                this.prefix = null;
            }
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
                if (this.format === 'gh-run-view') {
                    this.job = this.step = null;
                    this.prefix = null;
                }
                if (text.charCodeAt(2) === 0x4f /* O */ || text.charCodeAt(2) === 0x45 /* E */)
                    text = text.replace(GITLAB_STREAM, '');
            }
            else {
                // No prefix: a continuation line of whatever came before, or a plain BuildKit log.
                format = this.format;
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
            }
        }
        this.format = format;
        // Colours and cursor moves, and Buildkite's APC timestamps (`\e_bk;t=...\a`).
        text = stripAnsi(text);
        // Other CI systems' framing (GitLab sections, Jenkins timestamps, a cut timestamp) on lines
        // that carry no GitHub prefix.
        if (format === 'plain')
            text = stripCiFraming(unescapeEntities(text));
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
    /** The format of the last line decoded. */
    get lastFormat() {
        return this.format;
    }
    /** The job of the last line (gh run view), else null. */
    get lastJob() {
        return this.format === 'gh-run-view' ? this.job : null;
    }
    /**
     * `JOB<TAB>STEP<TAB>` of the last line as bytes when it was a gh run view line: what the next line
     * of the same step starts with. Made when the job or step changes, not per line.
     */
    prefixBytes() {
        if (this.format !== 'gh-run-view' || this.job === null || this.step === null)
            return null;
        return (this.prefix ??= Buffer.from(`${this.job}\t${this.step}\t`, 'utf8'));
    }
    /**
     * A line was taken without decoding (the parser's shortcut): it had the last line's format, job
     * and step and this timestamp, which is all that changes here (a continuation line inherits it).
     */
    tookLine(timestamp) {
        this.timestamp = timestamp;
    }
    /** `JOB<TAB>STEP<TAB>` as bytes, null until asked for after a change of job or step. */
    prefix = null;
    isSameJobStep(text) {
        if (this.job === null || this.step === null)
            return false;
        return text.startsWith(`${this.job}\t${this.step}\t`);
    }
}

;// CONCATENATED MODULE: ./src/parse/invocation.ts
function emptyInvocation() {
    return { dockerfile: null, platforms: [], cacheFrom: [], cacheTo: [], tags: [], push: false };
}
// `docker build`, `docker buildx build`, `docker buildx bake`, `docker image build`, as the runner echoes
// them (`[command]/usr/bin/docker buildx build ...`) or as a shell prints them (`+ docker build ...`).
// Checked word by word, not with one regular expression: global flags before the subcommand
// (`docker -H unix:///x --debug build`) would otherwise make the pattern backtrack exponentially.
const DOCKER_WORD = /^(?:\[command\]|\+ |\$ )?\S*docker$/;
const GLOBAL_FLAGS_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const MAX_COMMAND_WORDS = 12;
/** Whether a line is a build command being run, which starts a new build. */
function isBuildCommand(text) {
    if (text.length > 16384 || !text.includes('docker'))
        return false;
    const head = text
        .replace(/^(?:\[command\]|\+ |\$ )/, '')
        .trimStart()
        .split(/\s+/, MAX_COMMAND_WORDS);
    if (!DOCKER_WORD.test(head[0] ?? ''))
        return false;
    let i = 1;
    while (i < head.length && head[i].startsWith('-'))
        i += GLOBAL_FLAGS_WITH_VALUE.has(head[i]) ? 2 : 1;
    const [first, second] = [head[i], head[i + 1]];
    if (first === 'build')
        return true;
    if (first === 'buildx')
        return second === 'build' || second === 'b' || second === 'bake';
    return (first === 'builder' || first === 'image') && second === 'build';
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

// EXTERNAL MODULE: ./src/parse/vertex-name.ts
var vertex_name = __nccwpck_require__(7849);
// EXTERNAL MODULE: ./src/text/detach.ts
var detach = __nccwpck_require__(9548);
;// CONCATENATED MODULE: ./src/parse/step-budget.ts
/** Steps a build lists one by one; past this, the quickest finished ones are counted instead. */
const MAX_LISTED_STEPS = 1000;
/** Steps are dropped in batches (when twice the limit is reached), so sorting stays cheap. */
const PRUNE_AT = 2 * MAX_LISTED_STEPS;
/** Platforms counted separately in the omitted steps' seconds (a build names a few). */
const MAX_PLATFORMS = 64;
/** Vertex numbers below this are remembered in a bitmap (at most 2 MiB); larger ones in a set. */
const BITMAP_IDS = 1 << 24;
/**
 * A build's budget of listed steps: which steps to drop when there are too many, what is known of
 * the dropped ones (counts and seconds, for the cache ratio and the timing), and their numbers,
 * so that a later line of a dropped step (BuildKit prints a step's header again after it is DONE)
 * does not bring it back as a new step. Memory stays bounded by the limit, not the log.
 */
class StepBudget {
    summary = { count: 0, cached: 0, cacheHits: 0, cacheMisses: 0, platformSeconds: {}, maxSeconds: 0 };
    bitmap = null;
    largeIds = new Set();
    /**
     * The steps to drop from `order` so that at most MAX_LISTED_STEPS stay: the quickest of those
     * that finished well (DONE or CACHED). Failing, unfinished and canceled steps and the export and
     * cache steps are always kept: the reports and the build's status are made from them.
     */
    static choose(order) {
        const droppable = order.filter(isDroppable);
        const room = Math.max(0, MAX_LISTED_STEPS - (order.length - droppable.length));
        if (droppable.length <= room)
            return new Set();
        // Slowest first; among equals the earlier one stays.
        droppable.sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || a.line - b.line);
        return new Set(droppable.slice(room));
    }
    /** Counts a dropped step and remembers its number. */
    omit(vertex) {
        const s = this.summary;
        s.count++;
        if (vertex.status === 'cached')
            s.cached++;
        const { kind, instruction, platform } = vertex.parsed;
        if (kind === 'instruction' && instruction !== 'FROM') {
            if (vertex.status === 'cached')
                s.cacheHits++;
            else
                s.cacheMisses++;
        }
        if (kind === 'instruction' && vertex.seconds !== null) {
            const key = platform ?? 'default';
            if (key in s.platformSeconds || Object.keys(s.platformSeconds).length < MAX_PLATFORMS)
                s.platformSeconds[key] = (s.platformSeconds[key] ?? 0) + vertex.seconds;
        }
        if (vertex.seconds !== null && vertex.seconds > s.maxSeconds)
            s.maxSeconds = vertex.seconds;
        this.remember(vertex.id);
    }
    /** Whether the step with this number was dropped. */
    has(id) {
        if (this.summary.count === 0)
            return false;
        if (id >= 0 && id < BITMAP_IDS && Number.isInteger(id))
            return this.bitmap !== null && id >> 3 < this.bitmap.length && (this.bitmap[id >> 3] & (1 << (id & 7))) !== 0;
        return this.largeIds.has(id);
    }
    /** What is known of the dropped steps, or null when none was dropped. */
    omitted() {
        if (this.summary.count === 0)
            return null;
        const platformSeconds = {};
        for (const [key, seconds] of Object.entries(this.summary.platformSeconds))
            platformSeconds[key] = Math.round(seconds * 10) / 10;
        return { ...this.summary, platformSeconds };
    }
    remember(id) {
        if (id >= 0 && id < BITMAP_IDS && Number.isInteger(id)) {
            const byte = id >> 3;
            if (this.bitmap === null || byte >= this.bitmap.length) {
                const grown = new Uint8Array(Math.min(BITMAP_IDS >> 3, Math.max(byte + 1, (this.bitmap?.length ?? 0) * 2, 1024)));
                if (this.bitmap)
                    grown.set(this.bitmap);
                this.bitmap = grown;
            }
            this.bitmap[byte] |= 1 << (id & 7);
        }
        else {
            this.largeIds.add(id);
        }
    }
}
function isDroppable(vertex) {
    if (vertex.status !== 'done' && vertex.status !== 'cached')
        return false;
    const kind = vertex.parsed.kind;
    return kind !== 'export' && kind !== 'cache-export' && kind !== 'cache-import';
}

// EXTERNAL MODULE: ./src/input/line-bytes.ts
var line_bytes = __nccwpck_require__(5310);
;// CONCATENATED MODULE: ./src/parse/build-steps.ts




/** How many of a step's last output lines are kept while it runs (for error evidence). */
const TAIL_LINES = 30;
const BOOTING = /^\[internal\] booting buildkit/;
/** Stages (per platform) whose last instruction is tracked; a real build has a few dozen. */
const MAX_STAGES_TRACKED = 10_000;
/** The record behind a step handed out as read-only: the same object, writable here only. */
function own(vertex) {
    return vertex;
}
/**
 * The steps of one build and the changes of a step that do not touch the build as a whole (BuildState
 * makes those: a failed step fails the build). Bounded: past the listing limit the quickest steps
 * that finished well are counted instead of kept.
 */
class BuildSteps {
    vertices = new Map();
    /** The steps in the order they appeared, and how many of them export (an image or the cache). */
    order = [];
    exporters = 0;
    /** Steps past the listing limit: counted, not kept. */
    budget = new StepBudget();
    /** For each stage (and platform): its highest instruction number seen, and of how many. */
    stageLast = new Map();
    /** The step whose tail may hold lines as bytes (outputBytes). */
    bytesTail = null;
    /** The step with this number, started now if it is new. */
    vertex(id, name, line) {
        const known = this.vertices.get(id);
        if (known)
            return known;
        const text = (0,detach/* detach */.Y)(name);
        const vertex = {
            id,
            name: text,
            parsed: (0,vertex_name/* parseVertexName */.fv)(text),
            status: 'running',
            seconds: null,
            line,
            endLine: null,
            endText: null,
            error: null,
            tail: [],
        };
        this.vertices.set(id, vertex);
        this.order.push(vertex);
        if (vertex.parsed.kind === 'export' || vertex.parsed.kind === 'cache-export')
            this.exporters++;
        this.noteStage(vertex.parsed);
        if (this.vertices.size > PRUNE_AT)
            this.prune();
        return vertex;
    }
    /** The step of this name, or a new one with the next free number. */
    named(name, line) {
        for (const vertex of this.vertices.values())
            if (vertex.name === name)
                return vertex;
        let id = this.vertices.size + 1;
        while (this.vertices.has(id))
            id++;
        return this.vertex(id, name, line);
    }
    /** Whether the step with this number was counted and dropped (past the listing limit). */
    wasOmitted(id) {
        return this.budget.has(id);
    }
    omitted() {
        return this.budget.omitted();
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
    /** Whether any step reported an error (a cache import or export can fail in a successful build). */
    get hasStepErrors() {
        for (const vertex of this.vertices.values())
            if (vertex.status === 'error')
                return true;
        return false;
    }
    /** Every step ended and one of them exported (an image or the cache). */
    get exportedAll() {
        // Asked for every line or object: without an exporter it is answered at once, and steps still
        // running are found from the newest, where they are (not by rescanning every step each time).
        if (this.exporters === 0)
            return false;
        for (let i = this.order.length - 1; i >= 0; i--)
            if (this.order[i].status === 'running')
                return false;
        return true;
    }
    /** A stage stopped before its last instruction (`[2/4]` was the last one printed). */
    get stageUnfinished() {
        for (const stage of this.stageLast.values())
            if (stage.index < stage.total)
                return true;
        return false;
    }
    /** The line that ends the step (its status line), quoted as the step's end. */
    markEnd(vertex, end) {
        own(vertex).endLine = end.line;
        own(vertex).endText = (0,detach/* detach */.Y)(end.text);
    }
    done(vertex, end, seconds) {
        const step = own(vertex);
        this.markEnd(step, end);
        step.status = 'done';
        if (seconds !== null)
            step.seconds = seconds;
        step.tail = [];
    }
    cached(vertex, end, seconds) {
        const step = own(vertex);
        this.markEnd(step, end);
        step.status = 'cached';
        step.seconds = seconds ?? step.seconds ?? 0;
        step.tail = [];
    }
    canceled(vertex, end, seconds) {
        const step = own(vertex);
        this.markEnd(step, end);
        if (step.status !== 'running' && seconds === null)
            return;
        step.status = 'canceled';
        if (seconds !== null)
            step.seconds = seconds;
    }
    /** The step ended with an error; whether that fails the build (a cache import or export does not). */
    failed(vertex, end, seconds, error) {
        const step = own(vertex);
        this.markEnd(step, end);
        step.status = 'error';
        if (seconds !== null)
            step.seconds = seconds;
        if (error !== null)
            step.error = (0,detach/* detach */.Y)(error);
        return !isCacheStep(step);
    }
    /** An error block names the step, without an `ERROR` status line; whether that fails the build. */
    failedByErrorBlock(vertex, line, text) {
        const step = own(vertex);
        if (step.status === 'error')
            return false;
        step.status = 'error';
        step.endLine ??= line;
        step.endText ??= (0,detach/* detach */.Y)(text);
        return !isCacheStep(step);
    }
    restart(vertex) {
        const step = own(vertex);
        step.status = 'running';
        step.seconds = null;
        step.endLine = null;
        step.endText = null;
    }
    output(vertex, evidence) {
        const tail = own(vertex).tail;
        tail.push(evidence);
        if (tail.length > TAIL_LINES)
            tail.shift();
    }
    /**
     * A line still in bytes joins the step's tail (a LineBytes reads as an evidence line). Only one
     * step's tail holds such lines at a time: when output moves to another step, the last one's are
     * decoded, so the chunks held stay as few as a tail's lines whatever the number of steps.
     */
    outputBytes(vertex, line) {
        const step = own(vertex);
        if (this.bytesTail !== step) {
            this.settle();
            this.bytesTail = step;
        }
        this.output(step, line);
    }
    /** Decodes the tail that may hold lines as bytes. */
    settle() {
        const step = this.bytesTail;
        if (step === null)
            return;
        this.bytesTail = null;
        // In place, and only the lines still bytes: output moving between two steps settled both tails
        // again and again, each time copying every line of them.
        const tail = step.tail;
        for (let i = 0; i < tail.length; i++) {
            const entry = tail[i];
            if (entry instanceof line_bytes/* LineBytes */.i)
                tail[i] = { line: entry.line, text: entry.text };
        }
    }
    /** Keeps the highest instruction number of each stage: a log cut between steps shows there. */
    noteStage(parsed) {
        const { kind, index, total, platform, stage } = parsed;
        if (kind !== 'instruction' || index === null || total === null)
            return;
        const key = `${platform ?? ''}|${stage ?? ''}`;
        const last = this.stageLast.get(key);
        if (last === undefined) {
            if (index > 0 && this.stageLast.size < MAX_STAGES_TRACKED)
                this.stageLast.set(key, { index, total });
        }
        else if (last.index < index) {
            last.index = index;
            last.total = total;
        }
    }
    /** Too many steps: the quickest that finished well are counted instead of kept. */
    prune() {
        const drop = StepBudget.choose(this.order);
        if (drop.size === 0)
            return;
        for (const vertex of drop) {
            this.vertices.delete(vertex.id);
            this.budget.omit(vertex);
        }
        this.order = this.order.filter((vertex) => !drop.has(vertex));
    }
}
/** A failed cache import is only a warning for BuildKit, and a failed cache export fails the build only when buildx says so. */
function isCacheStep(step) {
    return step.parsed.kind === 'cache-import' || step.parsed.kind === 'cache-export';
}

// EXTERNAL MODULE: ./src/parse/excerpt.ts
var excerpt = __nccwpck_require__(4402);
// EXTERNAL MODULE: ./src/diagnose/normalize.ts
var normalize = __nccwpck_require__(7971);
;// CONCATENATED MODULE: ./src/parse/marked-block.ts



// A line of BuildKit's Dockerfile excerpt that it marks (`  13 | >>> RUN make`), blanks around it aside.
const MARKED_LINE = /^\d+ \| >>> ?(.*)$/;
const INSTRUCTION = /^(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\b/i;
/** A build's error blocks quote its Dockerfile once or a few times: more are not more evidence. */
const MAX_KEPT = 5;
/**
 * Reads the lines of a build's error block, in the order they were printed, for BuildKit's
 * Dockerfile excerpt. BuildKit marks with `>>>` the lines of the instruction an error is about,
 * starting at its keyword: a marked block whose first line is no instruction (`  69 | >>> {`, the
 * body of a heredoc an old frontend did not read as one) is a line the frontend took for an
 * instruction, so the Dockerfile did not parse, even when the error line that says `unknown
 * instruction` was not pasted.
 *
 * It sees every line of the block, not the few kept as evidence: a block's later lines (a heredoc's
 * body, marked too) are known to continue it even when the kept lines skip the ones before them.
 */
class MarkedBlockReader {
    /** What was found: the line that starts such a block, and the word read as its instruction. */
    nonInstructions = [];
    /** The line number of the last line read when it was a marked one, else null. */
    lastMarked = null;
    read(line, text) {
        const kept = text.length > excerpt/* MAX_EXCERPT_LINE */.oW ? text.slice(0, excerpt/* MAX_EXCERPT_LINE */.oW) : text;
        const body = kept.includes('>>>') ? markedBody(kept) : null;
        // The same number too: one rawjson log object holds several printed lines.
        const continues = this.lastMarked !== null && line - this.lastMarked <= 1;
        this.lastMarked = body === null ? null : line;
        if (body === null || body === '' || continues || this.nonInstructions.length >= MAX_KEPT)
            return;
        if (INSTRUCTION.test(body) || body.startsWith('#'))
            return;
        this.nonInstructions.push({ line, text: (0,detach/* detach */.Y)(kept), word: (0,detach/* detach */.Y)(body.split(/\s/)[0]) });
    }
    /** Takes what another reader found (the lines its job printed outside any build, among this build's). */
    adopt(found) {
        for (const marked of found)
            if (this.nonInstructions.length < MAX_KEPT)
                this.nonInstructions.push(marked);
    }
}
/**
 * The text after a line's `>>>` mark (trimmed), or null for a line that is not a marked one. Read as
 * the signatures read lines: a paste quotes the excerpt (`> `, `\u2502`) or keeps BuildKit's `#1 0.104 `.
 */
function markedBody(text) {
    const match = MARKED_LINE.exec((0,normalize/* normalizeForMatching */._)(text));
    return match ? match[1].trim() : null;
}

;// CONCATENATED MODULE: ./src/parse/build-evidence.ts


/** How many lines of the error block after a failure are kept. */
const ERROR_DETAIL_LINES = 200;
const ERROR_LINES = 20;
/** BuildKit's warnings that a cache import found nothing: a few at most. */
const CACHE_WARNINGS = 5;
/**
 * What a build's output quoted as evidence and the images it named: bounded lists, each line detached
 * from the (possibly huge) input line it was sliced from. The base of BuildState.
 */
class BuildEvidence {
    images = new Map();
    errors = [];
    errorDetails = [];
    /** BuildKit's warnings that a cache import found nothing. */
    cacheWarnings = [];
    notes = [];
    /** Reads every line of the error block, kept or not, for a Dockerfile excerpt that did not parse. */
    markedBlocks = new MarkedBlockReader();
    addError(evidence) {
        if (this.errors.length < ERROR_LINES && !this.errors.some((e) => e.text === evidence.text)) {
            this.errors.push({ line: evidence.line, text: (0,detach/* detach */.Y)(evidence.text) });
        }
    }
    addCacheWarning(evidence) {
        if (this.cacheWarnings.length < CACHE_WARNINGS)
            this.cacheWarnings.push({ line: evidence.line, text: (0,detach/* detach */.Y)(evidence.text) });
    }
    addErrorDetail(evidence) {
        this.markedBlocks.read(evidence.line, evidence.text);
        if (this.errorDetails.length < ERROR_DETAIL_LINES)
            this.errorDetails.push({ line: evidence.line, text: (0,detach/* detach */.Y)(evidence.text) });
    }
    addImage(ref, digest, pushed) {
        const known = this.images.get(ref);
        if (known) {
            known.digest = digest === null ? known.digest : (0,detach/* detach */.Y)(digest);
            known.pushed ||= pushed;
        }
        else {
            const own = (0,detach/* detach */.Y)(ref);
            this.images.set(own, { ref: own, digest: digest === null ? null : (0,detach/* detach */.Y)(digest), pushed });
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/build-model.ts



/** The build's outcome as far as its output tells. */
function buildStatus(state, jobCanceled) {
    if (state.failed)
        return 'failure';
    // A job canceled after the build's runner step ended (a later step began) did not cancel the build.
    if (state.canceled || (jobCanceled && !state.closed))
        return 'canceled';
    const vertices = [...state.vertices.values()];
    // A failed cache import or export alone does not fail a build (BuildKit goes on; a failing
    // export without ignore-error prints the final ERROR line, which sets `failed`).
    if (vertices.some((v) => v.status === 'error' && v.parsed.kind !== 'cache-import' && v.parsed.kind !== 'cache-export'))
        return 'failure';
    if (vertices.length === 0)
        return 'unknown';
    if (vertices.some((v) => v.status === 'running'))
        return 'unknown';
    if (state.cutBetweenSteps)
        return 'unknown';
    if (vertices.some((v) => v.status === 'canceled'))
        return 'canceled';
    return 'success';
}
/** The build model the reports read, made from what was gathered while reading. */
function buildModel(state, options) {
    const { invocation } = state;
    const steps = [];
    const imports = [];
    const exports = [];
    const platforms = [];
    for (const vertex of state.vertices.values()) {
        const parsed = vertex.parsed;
        if (parsed.platform && !platforms.includes(parsed.platform))
            platforms.push(parsed.platform);
        if (parsed.kind === 'cache-import') {
            imports.push({ kind: parsed.cacheKind ?? 'unknown', ref: parsed.cacheRef, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
        }
        else if (parsed.kind === 'cache-export') {
            const option = invocation.cacheTo[0] ?? null;
            const kind = parsed.cacheKind ?? (option ? (0,vertex_name/* cacheKindOfOption */.FZ)(option) : null) ?? 'unknown';
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
            ...runningSecondsOf(vertex),
            status: vertex.status,
            line: vertex.line,
            endLine: vertex.endLine,
            endText: vertex.endText,
            error: vertex.error,
        });
    }
    for (const platform of invocation.platforms)
        if (!platforms.includes(platform))
            platforms.push(platform);
    const status = state.status(options.jobCanceled);
    const omittedSteps = state.omittedSteps;
    const timed = state.startTs !== null && state.endTs !== null ? round((state.endTs - state.startTs) / 1000) : null;
    return {
        name: options.name,
        origin: options.origin,
        source: options.source,
        job: options.job,
        status,
        jobSeconds: options.jobSeconds,
        buildSeconds: options.buildSeconds !== undefined ? options.buildSeconds : timed,
        platforms,
        nativePlatform: options.nativePlatform,
        request: {
            ...invocation,
            dockerfile: invocation.dockerfile === null ? null : (0,detach/* detach */.Y)(invocation.dockerfile),
            platforms: invocation.platforms.map(detach/* detach */.Y),
            cacheFrom: invocation.cacheFrom.map(detach/* detach */.Y),
            cacheTo: invocation.cacheTo.map(detach/* detach */.Y),
            tags: invocation.tags.map(detach/* detach */.Y),
        },
        steps,
        cache: state.cacheWarnings.length > 0 ? { imports, exports, warnings: [...state.cacheWarnings] } : { imports, exports },
        images: [...state.images.values()],
        errors: [...state.errors],
        errorDetails: [...state.errorDetails],
        failedStepTail: ([...state.vertices.values()].find((v) => v.status === 'error')?.tail ?? []).map((e) => ({ line: e.line, text: (0,detach/* detach */.Y)(e.text) })),
        markedNonInstructions: [...state.markedBlocks.nonInstructions],
        firstLine: state.firstLine,
        lastLine: state.lastLine,
        excerpt: [],
        runner: { tokenPermissions: {}, secretSource: null, metadataTemplates: [] },
        withoutBuildKit: state.withoutBuildKit,
        checks: [],
        boundary: { first: { line: state.firstLine, text: (0,detach/* detach */.Y)(state.firstText) }, last: { line: state.lastLine, text: (0,detach/* detach */.Y)(state.lastText) } },
        notes: buildNotes(state, status, steps),
        omittedSteps,
    };
}
/** The build's own notes, then why its status is unknown and what was counted but not listed. */
function buildNotes(state, status, steps) {
    const notes = [...state.notes];
    const running = steps.filter((s) => s.status === 'running').length;
    if (status === 'unknown' && running > 0) {
        notes.push(`the log ends while ${running} step(s) were still running: it may be truncated or the build still in progress`);
    }
    else if (status === 'unknown' && state.cutBetweenSteps) {
        notes.push('the log ends between two steps, before the last instruction and any export: it may be truncated or the build still in progress');
    }
    const omitted = state.omittedSteps;
    if (omitted) {
        notes.push(`${omitted.count} of its ${omitted.count + steps.length} steps (${omitted.cached} cached, none over ${omitted.maxSeconds} s) are counted but not listed: past ${MAX_LISTED_STEPS} steps, only the slowest, failing, unfinished and export steps are kept`);
    }
    return notes;
}
function round(seconds) {
    return Math.round(seconds * 10) / 10;
}
// BuildKit's clock in front of a step's output line: `#15 19054.2 text` (plain), `19054.2 text` (an error block).
const OUTPUT_CLOCK = /^(?:#\d+ )?(\d+\.\d+) /;
/** How long a step that never finished had run at its last output line, when its tail shows it. */
function runningSecondsOf(vertex) {
    if (vertex.status !== 'running' || vertex.seconds !== null)
        return {};
    const last = vertex.tail[vertex.tail.length - 1];
    const clock = last ? OUTPUT_CLOCK.exec(last.text) : null;
    return clock ? { runningSeconds: Number(clock[1]) } : {};
}

;// CONCATENATED MODULE: ./src/parse/build-state.ts





/**
 * Everything known about one build while its lines are read. Holds per-step summaries and a few
 * bounded buffers, never the log itself. The parsers tell it what the output said (a step started,
 * ended, failed; the build failed, was canceled, its runner step ended) and it keeps the state
 * consistent: nothing outside sets its flags.
 */
class BuildState extends BuildEvidence {
    steps = new BuildSteps();
    vertices = this.steps.vertices;
    invocation;
    firstLine;
    firstText;
    /** The runner step the build ran in (gh run view logs), to tell its errors from later steps'. */
    step;
    start;
    end;
    last;
    lastSaid;
    failedFlag = false;
    canceledFlag = false;
    /** Set when the runner starts another step: later lines are not this build's. */
    closedFlag = false;
    /** Where the runner's next step began (close()); null while the build's step runs. */
    closedAtLine = null;
    /** A row for a job that failed without any BuildKit output. */
    noBuildKit = false;
    /** After a failure BuildKit prints the `------` block and the Dockerfile excerpt: keep them. */
    capturing = false;
    /** How the progress was printed (BuildKit plain, the tty form, the legacy builder). */
    printed;
    /** The output said the build finished (the legacy builder's `Successfully built`). */
    completed = false;
    constructor(start) {
        super();
        this.firstLine = start.line;
        this.last = start.line;
        this.firstText = start.text ?? '';
        this.lastSaid = this.firstText;
        this.start = start.timestamp;
        this.end = start.timestamp;
        this.step = start.step;
        this.printed = start.form ?? 'plain';
        this.invocation = start.invocation ?? emptyInvocation();
    }
    /** The row of a job that failed (or was canceled) before or without building: its own span, no build time. */
    static withoutBuildKit(job) {
        const build = new BuildState({ line: job.firstLine, timestamp: job.firstTs, step: null });
        build.canceledFlag = job.canceled;
        build.failedFlag = !job.canceled && job.failed;
        for (const error of job.errors)
            build.addError(error);
        build.touch(job.lastLine, job.lastTs);
        build.start = null;
        build.noBuildKit = true;
        return build;
    }
    get failed() {
        return this.failedFlag;
    }
    get canceled() {
        return this.canceledFlag;
    }
    get closed() {
        return this.closedFlag;
    }
    /** The line the runner's next step began on, when it did: the build's lines end before it. */
    get closedAt() {
        return this.closedAtLine;
    }
    get withoutBuildKit() {
        return this.noBuildKit;
    }
    get capturingErrorBlock() {
        return this.capturing;
    }
    get form() {
        return this.printed;
    }
    get startTs() {
        return this.start;
    }
    get endTs() {
        return this.end;
    }
    get lastLine() {
        return this.last;
    }
    get lastText() {
        return (0,line_bytes/* textOf */.b)(this.lastSaid);
    }
    /** Steps past the listing limit, counted but not listed (null when none were dropped). */
    get omittedSteps() {
        return this.steps.omitted();
    }
    get hasVertices() {
        return this.vertices.size > 0;
    }
    /**
     * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
     * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
     */
    get hasBuildSteps() {
        return this.steps.hasBuildSteps;
    }
    /**
     * A log cut between two steps: nothing is running, but no exporter finished and a stage stopped
     * before its last instruction (`[2/4]` was the last one printed).
     */
    get cutBetweenSteps() {
        return !this.ended && this.steps.stageUnfinished;
    }
    /** Whether any step reported an error (a cache import or export can fail in a successful build). */
    get hasStepErrors() {
        return this.steps.hasStepErrors;
    }
    /**
     * True once the build has visibly ended: it failed, or every step ended and an exporter finished.
     * A `#1` header after that belongs to the next build (old BuildKit prints no `#0` line); before
     * that it is the same step printed again, which BuildKit does after a step is DONE.
     */
    get ended() {
        return this.failedFlag || this.completed || this.steps.exportedAll;
    }
    // ---- the build as a whole ----------------------------------------------------------------------
    /** The output said the build finished: no export step will follow. */
    complete() {
        this.completed = true;
    }
    /** A line of the build was read (its text, when given, is the build's last line so far). */
    touch(line, timestamp, text) {
        this.last = line;
        if (text !== undefined)
            this.lastSaid = text;
        if (timestamp !== null) {
            this.end = timestamp;
            if (this.start === null)
                this.start = timestamp;
        }
    }
    /**
     * Another build is open now: what this one keeps as bytes is decoded, so that a build kept for the
     * report does not hold on to the chunk its last lines were read from.
     */
    settle() {
        this.lastSaid = (0,line_bytes/* textOf */.b)(this.lastSaid);
        this.steps.settle();
    }
    /** Evidence at `line` belongs to the build (a rawjson entry): its last line moves on, never back. */
    reach(line) {
        if (line > this.last)
            this.last = line;
    }
    /** The output says the build failed; `evidence`, when given, is the line that says so. */
    fail(evidence) {
        this.failedFlag = true;
        if (evidence)
            this.addError(evidence);
    }
    /** The build failed and BuildKit's error block follows (the `------` excerpt, the Dockerfile lines). */
    failWithErrorBlock(evidence) {
        this.fail(evidence);
        this.capturing = true;
    }
    /** The job was canceled while this build ran; a build that already failed stays failed. */
    cancel() {
        if (!this.failedFlag)
            this.canceledFlag = true;
    }
    /** A runner group began: an error block does not run past it. */
    endErrorBlock() {
        this.capturing = false;
    }
    /** The runner began another step on line `line`: nothing from there on is part of the build. */
    close(line) {
        this.closedFlag = true;
        this.closedAtLine ??= line;
    }
    /** Output in another form (tty, legacy builder) came for a build opened by its echoed command. */
    printedAs(form) {
        this.printed = form;
    }
    // ---- steps -------------------------------------------------------------------------------------
    /** The step with this number, started now if it is new. */
    vertex(id, name, line) {
        return this.steps.vertex(id, name, line);
    }
    /**
     * The step of this name, or a new one when the build has none (forms without vertex numbers: the
     * tty form, an error block pasted alone). New steps take the next free number.
     */
    vertexNamed(name, line) {
        return this.steps.named(name, line);
    }
    /** Whether the step with this number was counted and dropped (past the listing limit). */
    wasOmitted(id) {
        return this.steps.wasOmitted(id);
    }
    /** The line that ends the step (its status line), quoted as the step's end. */
    markStepEnd(vertex, end) {
        this.steps.markEnd(vertex, end);
    }
    /** The step finished (DONE); `seconds` when the output says how long. Its output is no longer needed. */
    stepDone(vertex, end, seconds) {
        this.steps.done(vertex, end, seconds);
    }
    /** The step's result came from the cache (no time unless the output gives one). */
    stepCached(vertex, end, seconds) {
        this.steps.cached(vertex, end, seconds);
    }
    /**
     * The step was canceled. A plain `CANCELED` line after the step ended leaves its status (BuildKit
     * repeats steps it stopped); a rawjson update, which carries the time, is the step's whole state.
     */
    stepCanceled(vertex, end, seconds) {
        this.steps.canceled(vertex, end, seconds);
    }
    /**
     * The step failed (`ERROR`). A failed cache import is only a warning for BuildKit, and a failed
     * cache export fails the build only without `ignore-error=true` (then the final `ERROR: failed to
     * solve` says so): other steps fail the build, and their error block follows.
     */
    stepFailed(vertex, end, seconds, error) {
        if (this.steps.failed(vertex, end, seconds, error))
            this.failWithErrorBlock(end);
    }
    /** The output says this step failed (its error block), though no `ERROR` status line was seen. */
    failStep(vertex, line) {
        if (!this.steps.failedByErrorBlock(vertex, line.no, line.text))
            return;
        this.failedFlag = true;
        this.capturing = true;
    }
    /** The step started again (BuildKit does that with the build definition): running until it ends again. */
    restartStep(vertex) {
        this.steps.restart(vertex);
    }
    /** A line the step printed: its last few are kept while it runs, for the evidence of a failure. */
    stepOutput(vertex, evidence) {
        this.steps.output(vertex, evidence);
    }
    /** The same for a line still in bytes (the parser's shortcut for a step's output). */
    stepOutputBytes(vertex, line) {
        this.steps.outputBytes(vertex, line);
    }
    // ---- the result --------------------------------------------------------------------------------
    /** The build's outcome as far as its output tells (`jobCanceled`: the job it ran in was canceled). */
    status(jobCanceled) {
        return buildStatus(this, jobCanceled);
    }
    /** The build for the reports. */
    toBuild(options) {
        return buildModel(this, options);
    }
}

// EXTERNAL MODULE: ./src/parse/build-lines.ts
var build_lines = __nccwpck_require__(3641);
;// CONCATENATED MODULE: ./src/parse/build-identity.ts
// How both parsers name a build and time its job: the same input read as plain or rawjson progress
// gives the same names and job seconds.
/** `logs/build-runtime.log` -> `build-runtime`: the file name is what a person calls the build. */
function buildNameOf(source) {
    const file = source.split(/[\\/]/).pop() || source;
    return file === '-' ? 'stdin' : file.replace(/\.(log|txt|out|err|stderr|stdout)$/i, '') || file;
}
/** The name of build `index` (from 0) of `count` found under one name: numbered only when there are several. */
function numberedName(base, index, count) {
    return count > 1 ? `${base} #${index + 1}` : base;
}
/** Seconds between a job's first and last timestamped line (to a tenth), or null without timestamps. */
function jobSecondsBetween(firstTs, lastTs) {
    return firstTs !== null && lastTs !== null ? Math.round((lastTs - firstTs) / 100) / 10 : null;
}

;// CONCATENATED MODULE: ./src/parse/vertex-line.ts
// The status words BuildKit's plain printer puts after `#N `.
const DONE = /^DONE(?: (\d+(?:\.\d+)?)s)?$/;
const ERROR = /^ERROR(?: (\d+(?:\.\d+)?)s)?(?::\s?(.*))?$/s;
// `#N 12.34 text`: output of a running step, with seconds since it started.
const OUTPUT = /^\d+\.\d+ (.*)$/s;
const PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const vertex_line_NAMED = /^naming to (\S+)(?: done)?/;
const VERTEX_DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * Applies one `#N ...` line to the build. The plain printer writes a header (`#N NAME`) the first
 * time a step shows up and again whenever the output switches back to it, so a line that repeats
 * the step's name is a header and everything else is status or output of that step.
 */
function applyVertexLine(build, id, rest, line) {
    const known = build.vertices.get(id);
    if (!known) {
        // A step counted and dropped past the listing limit stays dropped, unless it now fails.
        if (build.wasOmitted(id) && !rest.startsWith('ERROR'))
            return;
        if (isStatus(rest) || OUTPUT.test(rest)) {
            // A status or output of a step whose header we never saw (the log was cut at its start).
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
    const end = { line: line.no, text: line.text };
    if (rest === 'CACHED') {
        build.stepCached(vertex, end, null);
        return;
    }
    if (rest === 'CANCELED') {
        build.stepCanceled(vertex, end, null);
        return;
    }
    const done = DONE.exec(rest);
    if (done) {
        // A step can be reported DONE more than once (the build context is); the last one counts.
        build.stepDone(vertex, end, done[1] !== undefined ? Number(done[1]) : null);
        return;
    }
    const error = rest.startsWith('ERROR') ? ERROR.exec(rest) : null;
    if (error) {
        build.stepFailed(vertex, end, error[1] !== undefined ? Number(error[1]) : null, error[2] ?? null);
        return;
    }
    // `ERROR` followed by something that is not its status form: quoted as the step's end, read as output.
    if (rest.startsWith('ERROR'))
        build.markStepEnd(vertex, end);
    // BuildKit before v0.9 prints each step's digest as its first status line: not output.
    if (VERTEX_DIGEST.test(rest))
        return;
    const output = OUTPUT.exec(rest);
    applyVertexOutput(build, vertex, line);
    if (!output)
        applyProgress(build, rest);
}
/** A line the step printed. Evidence quotes it as printed (with its `#N 1.234` prefix, if any). */
function applyVertexOutput(build, vertex, line) {
    build.stepOutput(vertex, { line: line.no, text: line.text });
}
/** Progress lines of exporter steps name the images that were written or pushed. */
function applyProgress(build, rest) {
    const pushed = PUSHED_MANIFEST.exec(rest);
    if (pushed) {
        build.addImage(pushed[1], pushed[2], true);
        return;
    }
    const named = vertex_line_NAMED.exec(rest);
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
        for (const name of names.map((n) => n.trim()).filter(Boolean)) {
            build.addImage(name, digest, build.images.get(name)?.pushed ?? false);
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/runner-facts.ts

const PERMISSION = /^([A-Za-z][A-Za-z ]*[A-Za-z]): (read|write|none)$/;
const SECRET_SOURCE = /^Secret source: (\S+)/;
const TEMPLATE_INPUT = /^ {2}(tags|flavor|images): ?(.*)$/;
const OTHER_INPUT = /^ {2}[a-z-]+: /;
// docker/setup-buildx-action's groups: `github.com/docker/buildx v0.28.0 <commit>`, and
// `<builder>: v0.24.0` under "BuildKit version" (also `BuildKit version:  v0.24.0` in its inspect).
const BUILDX_VERSION = /^github\.com\/docker\/buildx v(\d+\.\d+\.\d+\S*)/;
const BUILDKIT_NODE_VERSION = /^\S+: v(\d+\.\d+\.\d+\S*)$/;
const BUILDKIT_INSPECT_VERSION = /^BuildKit version:\s+v(\d+\.\d+\.\d+\S*)/;
/**
 * What the runner and the actions before the build printed about the job: the GITHUB_TOKEN's
 * permissions and secret source ("Set up job"), and docker/metadata-action's tag templates. They
 * tell apart causes that look alike in the error (a 403 from a read-only token or from org settings).
 */
class RunnerFactsReader {
    facts = { tokenPermissions: {}, secretSource: null, metadataTemplates: [] };
    section = null;
    templateKey = null;
    group(title) {
        this.section =
            title === 'GITHUB_TOKEN Permissions'
                ? 'permissions'
                : /^Run docker\/metadata-action@/.test(title)
                    ? 'metadata-action'
                    : title === 'Buildx version'
                        ? 'buildx-version'
                        : title === 'BuildKit version'
                            ? 'buildkit-version'
                            : null;
        this.templateKey = null;
    }
    endGroup() {
        this.section = null;
        this.templateKey = null;
    }
    line(text) {
        if (this.section === 'permissions') {
            const permission = PERMISSION.exec(text);
            if (permission)
                this.facts.tokenPermissions[permission[1].toLowerCase().replace(/ /g, '-')] = permission[2];
            return;
        }
        if (this.section === 'metadata-action') {
            const input = TEMPLATE_INPUT.exec(text);
            if (input) {
                this.templateKey = input[1];
                if (input[2].trim())
                    this.addTemplate(`${this.templateKey}: ${input[2].trim()}`);
            }
            else if (OTHER_INPUT.test(text)) {
                this.templateKey = null;
            }
            else if (this.templateKey && text.trim() && !/^(with|env):$/.test(text)) {
                this.addTemplate(`${this.templateKey}: ${text.trim()}`);
            }
            return;
        }
        if (this.section === 'buildx-version') {
            const version = BUILDX_VERSION.exec(text);
            if (version)
                this.facts.buildxVersion = version[1];
            return;
        }
        if (this.section === 'buildkit-version') {
            const version = BUILDKIT_NODE_VERSION.exec(text);
            if (version)
                this.facts.buildkitVersion ??= version[1];
            return;
        }
        // Runs for every line of a log: a cheap test first.
        if (this.facts.buildkitVersion === undefined && text.startsWith('BuildKit version:')) {
            const version = BUILDKIT_INSPECT_VERSION.exec(text);
            if (version)
                this.facts.buildkitVersion = version[1];
        }
        if (this.facts.secretSource === null && text.startsWith('Secret source: ')) {
            const secret = SECRET_SOURCE.exec(text);
            if (secret)
                this.facts.secretSource = secret[1];
        }
    }
    /**
     * Whether `line` would change nothing for a step's line (`#N ...`): none of the patterns can
     * match a line that starts with `#N `; only a metadata-action template list takes any line as its
     * next value.
     */
    ignoresStepOutput() {
        return this.section !== 'metadata-action' || this.templateKey === null;
    }
    /**
     * Whether `line` would change nothing for a line without `BuildKit version:` and `Secret source: `:
     * outside the groups it reads, nothing else is tested.
     */
    ignoresQuietLine() {
        return this.section === null;
    }
    addTemplate(text) {
        if (this.facts.metadataTemplates.length < 40)
            this.facts.metadataTemplates.push((0,detach/* detach */.Y)(text.slice(0, 300)));
    }
}

;// CONCATENATED MODULE: ./src/parse/dialects/tty-progress.ts

// The interactive (tty) printer of buildx and docker compose, as people copy it from a terminal:
//   [+] Building 12.3s (8/10) FINISHED                       docker:default
//    => CACHED [stage 2/5] WORKDIR /app                      0.0s
//    => ERROR [stage 3/5] RUN npm ci                         12.3s
//    => => transferring context: 2B                           0.0s
//    => => # npm ERR! code ERESOLVE                           (a running step's last output lines)
// The error block after it (`------`, ` > [stage 3/5] RUN npm ci:`) is read by ErrorBlockDialect.
const HEADER = /^\[\+\] Building (\d+(?:\.\d+)?)s \((\d+)\/(\d+)\)( FINISHED)?/;
const STEP = /^=> (?:(CACHED|ERROR|CANCELED|DONE) )?(.+?)(?:\s+(\d+(?:\.\d+)?)s)?$/;
const SUB_STEP = /^=> => (# )?(.*)$/;
const ARROWLESS_ERROR = /^ERROR \[[^\]]*\b\d+\/\d+\] (?:RUN|COPY|ADD|FROM|WORKDIR)\b/;
/**
 * Reads the tty form into steps. It has no vertex numbers: a step is known by its name, and a
 * redrawn screen (the whole tty output pasted, one frame after another) updates the same steps.
 */
class TtyProgressDialect {
    build = null;
    lastStep = null;
    lastSeconds = 0;
    finished = false;
    accept(bare, line, sink) {
        if (bare.startsWith('[+] Building')) {
            const header = HEADER.exec(bare);
            if (!header)
                return false;
            const seconds = Number(header[1]);
            // A new screen of the same build redraws from the top; a later build starts again near 0 s.
            const fresh = this.build === null || this.build !== sink.current() || (this.finished && seconds < this.lastSeconds);
            this.open(sink, line, fresh);
            this.lastSeconds = seconds;
            this.finished = header[4] !== undefined;
            this.build.touch(line.no, line.timestamp, line.text);
            // FINISHED also heads the last screen of a failed build: it says the build ended, not how.
            if (this.finished)
                this.build.complete();
            return true;
        }
        if (bare.startsWith('=> '))
            return this.step(bare, line, sink);
        // A paste that starts right after the arrow (`ERROR [2/5] RUN apk add ...`): the failed step's
        // line all the same, when it names a numbered step and its instruction. Only where no other
        // form's build is open: after a plain build the line is that build's failure retold, and a new
        // tty build would split the build in two and repeat its finding.
        if (bare.startsWith('ERROR [') && ARROWLESS_ERROR.test(bare)) {
            const current = sink.current();
            if (current !== null && current !== this.build)
                return false;
            return this.step(`=> ${bare}`, line, sink);
        }
        return false;
    }
    ignoresStepOutput() {
        // Its lines start with `[+] Building` or `=> `, never with `#`.
        return true;
    }
    open(sink, line, fresh) {
        const build = sink.buildFor('tty', line, fresh);
        if (build !== this.build) {
            this.build = build;
            this.lastStep = null;
            this.lastSeconds = 0;
            this.finished = false;
        }
    }
    step(bare, line, sink) {
        if (this.build === null || this.build !== sink.current())
            this.open(sink, line, false);
        const build = this.build;
        build.touch(line.no, line.timestamp, line.text);
        const sub = SUB_STEP.exec(bare);
        if (sub) {
            // `=> => # output` is what a running step printed last; `=> => transferring ...` is progress.
            if (sub[1] && this.lastStep)
                applyVertexOutput(build, this.lastStep, line);
            return true;
        }
        const match = STEP.exec(bare);
        if (!match)
            return false;
        const [, status, name, seconds] = match;
        const vertex = build.vertexNamed(name.trim(), line.no);
        this.lastStep = vertex;
        if (status === 'CACHED')
            applyVertexLine(build, vertex.id, 'CACHED', line);
        else if (status === 'ERROR')
            applyVertexLine(build, vertex.id, seconds ? `ERROR ${seconds}s` : 'ERROR', line);
        else if (status === 'CANCELED')
            applyVertexLine(build, vertex.id, 'CANCELED', line);
        // A step with its time and no status word is done, or still running in an unfinished screen:
        // a later frame (or the error) says which.
        else if (seconds !== undefined && vertex.status !== 'error')
            applyVertexLine(build, vertex.id, `DONE ${seconds}s`, line);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/dialects/legacy-builder.ts

// The legacy builder (DOCKER_BUILDKIT=0, Docker before 23, docker-compose v1):
//   Sending build context to Docker daemon  2.048kB
//   Step 3/14 : RUN make            (`Step 3 : RUN make` before Docker 1.13)
//    ---> Using cache | ---> Running in 1a2b3c4d5e6f | ---> 1a2b3c4d5e6f
//   The command '/bin/sh -c make' returned a non-zero code: 2
//   Successfully built 1a2b3c4d5e6f / Successfully tagged app:latest
const CONTEXT = /^Sending build context to Docker daemon\b/;
const legacy_builder_STEP = /^Step (\d+)(?:\/(\d+))? : ([A-Za-z]+)\b ?(.*)$/s;
const ARROW = /^---> (.*)$/;
const IMAGE_ID = /^[0-9a-f]{12}$/;
// How a step fails: the RUN command's status, or the daemon refusing the instruction; docker-compose
// v1 gives the daemon's refusal after the service's name (`ERROR: Service 'web' failed to build: lstat
// docs: no such file or directory`), which is the running step's failure too.
const STEP_FAILED = /^(?:The command .* returned a non-zero code: \d+|(?:COPY|ADD) failed: |failed to (?:copy|export|process|register) |unable to (?:find|prepare) |Error response from daemon: |\w+ requires (?:at least|exactly) |(?:ERROR: )?Service '[^']+' failed to build\b)/s;
const SUCCESS = /^Successfully (built|tagged) (\S+)/;
/** Reads the legacy builder's output into steps: one step per `Step N/M :` line. */
class LegacyBuilderDialect {
    build = null;
    step = null;
    lastNumber = -1;
    accept(bare, line, sink) {
        if (bare.charCodeAt(0) === 0x53 /* S */ && CONTEXT.test(bare)) {
            this.open(sink, line, true);
            return true;
        }
        const step = bare.startsWith('Step ') ? legacy_builder_STEP.exec(bare) : null;
        if (step)
            return this.startStep(step, line, sink);
        if (this.build === null || this.build !== sink.current())
            return false;
        const build = this.build;
        const arrow = bare.startsWith('--->') ? ARROW.exec(bare) : null;
        if (arrow) {
            build.touch(line.no, line.timestamp, line.text);
            const what = arrow[1].trim();
            if (!this.step)
                return true;
            if (what === 'Using cache')
                applyVertexLine(build, this.step.id, 'CACHED', line);
            else if (IMAGE_ID.test(what) && this.step.status === 'running')
                applyVertexLine(build, this.step.id, 'DONE', line);
            return true;
        }
        const success = bare.startsWith('Successfully ') ? SUCCESS.exec(bare) : null;
        if (success) {
            build.touch(line.no, line.timestamp, line.text);
            if (this.step?.status === 'running')
                applyVertexLine(build, this.step.id, 'DONE', line);
            if (success[1] === 'tagged')
                build.addImage(success[2], null, false);
            build.complete();
            return true;
        }
        if (this.step && this.step.status === 'running' && STEP_FAILED.test(bare)) {
            build.touch(line.no, line.timestamp, line.text);
            applyVertexLine(build, this.step.id, `ERROR: ${bare}`, line);
            return true;
        }
        // Output of the running step (a RUN command's own lines).
        if (this.step && this.step.status === 'running' && !bare.startsWith('Removing intermediate container')) {
            applyVertexOutput(build, this.step, line);
            build.touch(line.no, line.timestamp, line.text);
            // Not consumed: the parser still sees it (final errors, failure lines).
            return false;
        }
        return false;
    }
    ignoresStepOutput(current) {
        // `#N ...` is neither a `Step` nor `Sending build context` line; other lines it reads only for its own open build.
        return this.build === null || this.build !== current;
    }
    open(sink, line, fresh) {
        const build = sink.buildFor('legacy', line, fresh);
        if (build !== this.build) {
            this.build = build;
            this.step = null;
            this.lastNumber = -1;
        }
        build.touch(line.no, line.timestamp, line.text);
        return build;
    }
    startStep(step, line, sink) {
        const [, index, total, instruction, args] = step;
        const number = Number(index);
        // Numbering that starts again opens the next build (docker-compose v1 builds services in turn).
        const fresh = this.build === null || this.build !== sink.current() || number <= this.lastNumber;
        const build = this.open(sink, line, fresh);
        this.lastNumber = number;
        if (this.step?.status === 'running')
            applyVertexLine(build, this.step.id, 'DONE', line);
        this.step = build.vertex(number, `[${index}/${total ?? '?'}] ${instruction.toUpperCase()} ${args}`.trimEnd(), line.no);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/dialects/error-block.ts

// After a failed step, buildx prints the step's last output in a block, in plain and tty output
// alike (and people often paste only this block):
//   ------
//    > [builder 3/5] RUN npm ci:
//   #8 0.712 npm ERR! code ERESOLVE        (`0.712 npm ERR! ...` in newer buildx)
//   ------
const RULE = /^-{6}$/;
// ` > [builder 3/5] RUN npm ci:`; a terminal may cut a long one before its colon.
const error_block_HEADER = /^> (\[[^\]]*\] .+?):?$|^> (.+):$/;
// A paste that starts at the header, its `------` left out: only a numbered step's header with its
// colon is taken then (BuildKit prints it only for a step that failed).
const PASTED_HEADER = /^> (\[[^\]]*\d+\/\d+\] .+):$/;
/**
 * Reads that block into the failing step: its name from the header, its output from the lines
 * inside. A `------` not followed by a header is not a block and is left alone.
 */
class ErrorBlockDialect {
    /** `rule`: a `------` was seen, a header may follow; `inside`: lines belong to the step. */
    state = 'none';
    build = null;
    step = null;
    /**
     * Whether the block's lines are the step's output. In plain progress the step printed them
     * already as it ran (`#8 0.712 ...`) and the block repeats them: they are not added twice.
     */
    feedTail = false;
    accept(bare, line, sink) {
        if (this.state === 'inside') {
            if (RULE.test(bare)) {
                this.state = 'none';
                this.build?.addErrorDetail({ line: line.no, text: line.text });
                return true;
            }
            // A new block's header right after the last one (several steps failed).
            const header = error_block_HEADER.exec(bare);
            if (header && this.build && !bare.includes(' > '))
                return this.open(header[1] ?? header[2], line, sink);
            this.build?.addErrorDetail({ line: line.no, text: line.text });
            if (this.step && this.build && this.feedTail) {
                applyVertexOutput(this.build, this.step, line);
                this.build.touch(line.no, line.timestamp, line.text);
            }
            return true;
        }
        if (RULE.test(bare)) {
            this.state = 'rule';
            return false;
        }
        if (this.state === 'rule') {
            this.state = 'none';
            const header = error_block_HEADER.exec(bare);
            if (header)
                return this.open(header[1] ?? header[2], line, sink);
        }
        if (sink.current() === null && bare.startsWith('> [')) {
            const header = PASTED_HEADER.exec(bare);
            if (header)
                return this.open(header[1], line, sink);
        }
        return false;
    }
    ignoresStepOutput() {
        // Inside a block every line is the block's; after a `------` the next line is tested as a header.
        return this.state === 'none';
    }
    open(name, line, sink) {
        const build = sink.current() ?? sink.buildFor('plain', line);
        this.build = build;
        this.step = build.vertexNamed(name, line.no);
        this.feedTail = this.step.tail.length === 0;
        build.failStep(this.step, line);
        build.addErrorDetail({ line: line.no, text: line.text });
        build.touch(line.no, line.timestamp, line.text);
        this.state = 'inside';
        return true;
    }
}

// EXTERNAL MODULE: ./src/parse/after-build-error.ts
var after_build_error = __nccwpck_require__(7627);
;// CONCATENATED MODULE: ./src/parse/job-state.ts







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
    /** The first error of a runner's step after the job's last build (a smoke test, a script). */
    afterBuild = new after_build_error/* AfterBuildErrorReader */.qK();
    /** The runner's warning that a `docker build`/`pull` of an image it needs failed and will be retried. */
    retryWarning = null;
    /** Lines that state a failure outside BuildKit's progress (legacy builder, Kubernetes, CLI). */
    failureLines = 0;
    cancelLines = 0;
    /**
     * Final errors of a paste seen before any build: a terminal's tty display can be copied with its
     * last screen after the error. They go to the paste's first build when it is a tty one.
     */
    orphanErrors = [];
    /**
     * BuildKit's Dockerfile excerpt printed outside any build (a paste of the error alone): what it
     * marks goes, at the job's end, to the build whose lines it falls among.
     */
    strayMarkedBlocks = new MarkedBlockReader();
    /** Whether a line only Docker prints was seen (tested until one is). */
    dockerRelated = false;
    /**
     * Whether the GitHub runner's own commands (`##[group]`, `##[error]`) were seen. Timestamps alone
     * do not make a runner's log: a pasted excerpt keeps them, and GitLab 16+ writes them too.
     */
    runnerCommands = false;
    /** Builds whose failure has marked the excerpt (a dialect's step error marks it once). */
    marked = new WeakSet();
    /** How the job's lines were written, for the report's "where the numbers come from". */
    format = 'plain';
    excerpt = new excerpt/* ExcerptCollector */.B6();
    facts = new RunnerFactsReader();
    /** Readers for the forms of build output other than BuildKit's plain progress. */
    dialects = [new ErrorBlockDialect(), new TtyProgressDialect(), new LegacyBuilderDialect()];
    sink = null;
    firstLine;
    lastLine;
    constructor(name, line) {
        this.name = name;
        this.firstLine = line;
        this.lastLine = line;
    }
    /** A line of the job: where it ends and when. */
    reached(line) {
        this.format = line.format;
        this.reachedAt(line.no, line.timestamp);
    }
    /** A line of the job's format so far: where it ends and when. */
    reachedAt(no, timestamp) {
        this.lastLine = no;
        if (timestamp !== null) {
            this.firstTs ??= timestamp;
            this.lastTs = timestamp;
        }
    }
    /**
     * Whether a step's line (`#N ...`) would pass everything that reads the job's lines
     * before the vertex parser (runner facts, the metadata group, the action's inputs, the dialects)
     * without changing anything: then the parser may take it by its shortcut.
     */
    passesStepOutput() {
        if (this.metadata !== null || (this.readingActionInputs && this.pendingInputs !== null))
            return false;
        if (!this.facts.ignoresStepOutput())
            return false;
        for (const dialect of this.dialects)
            if (!dialect.ignoresStepOutput(this.current))
                return false;
        return true;
    }
    /**
     * Whether a quiet line (quiet-line.ts: no runner command, not `#N` even after blanks, none
     * of the texts the parser or the catalog looks for) would change nothing here but the job's last
     * line and time and the excerpt ring: then the parser may take it from its bytes. Each condition
     * is a state in which push() reads such a line anyway: the metadata group and the action's inputs
     * take any line, the runner facts do inside their groups, a dialect inside its own state (an
     * error block, the legacy builder's build: ignoresStepOutput says it is in none), an open error
     * block captures every line of its build, and until the job is known to be Docker's every line
     * is tested for Docker's words.
     */
    passesQuietLine() {
        if (this.metadata !== null || (this.readingActionInputs && this.pendingInputs !== null))
            return false;
        if (!this.facts.ignoresQuietLine())
            return false;
        for (const dialect of this.dialects)
            if (!dialect.ignoresStepOutput(this.current))
                return false;
        if (this.current !== null && this.current.capturingErrorBlock)
            return false;
        return this.dockerRelated || this.builds.length > 0;
    }
    /** `docker version` / `docker info` (`OS/Arch:`, `Architecture:`) says what the runner's platform is. */
    noteArchitecture(text) {
        // Runs for every other line of a log: a cheap test first.
        if (this.nativePlatform !== null || !text.includes('Arch'))
            return;
        const arch = OS_ARCH.exec(text);
        if (arch)
            this.nativePlatform = normalizeArch(arch[1]);
    }
    /** A runner's job log (`gh run view`, or one with runner commands), not a paste or another CI's log. */
    get fromRunner() {
        return this.name !== null || this.runnerCommands;
    }
    /** A pasted or terminal log (no runner) with a line only Docker prints. */
    get pastedDocker() {
        return !this.fromRunner && this.dockerRelated;
    }
    /**
     * A job whose log has no build: did it fail? A runner's `##[error]` says so; without runner
     * commands (a pasted or terminal log), a line that states a failure does.
     */
    get failedWithoutBuild() {
        if (this.strayErrors.length > 0)
            return true;
        return !this.fromRunner && this.failureLines > 0;
    }
}
function normalizeArch(arch) {
    if (arch.includes('/'))
        return arch;
    const map = { x86_64: 'linux/amd64', amd64: 'linux/amd64', aarch64: 'linux/arm64', arm64: 'linux/arm64' };
    return map[arch] ?? `linux/${arch}`;
}

// EXTERNAL MODULE: ./src/parse/failure-line.ts
var failure_line = __nccwpck_require__(984);
;// CONCATENATED MODULE: ./src/parse/build-log-parser.ts










const VERTEX_LINE = /^#(\d+) (.*)$/s;
const BUILDER_LINE = /^#0 building with /;
const DOCKERFILE_POINTER = /^\d+ \| >>> /;
const MAX_ORPHAN_ERRORS = 20;
const CANCEL_LINE = /The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|^The runner has received a shutdown signal/;
/**
 * Turns decoded lines into builds: splits the input into jobs and builds, follows BuildKit's vertex
 * lines, and keeps what the reports need. It consumes one line at a time and holds no lines itself.
 */
class BuildLogParser {
    source;
    name;
    selector;
    emit;
    job = null;
    finished = [];
    constructor(source, 
    /** What to call builds of an input without job names (a job's log: the job's name). */
    name = null, 
    /** Lines the signatures will want: the lines around them are kept for the diagnosis. */
    selector = null, 
    /**
     * Where each build goes as soon as its job ends (the analysis' budget of listed builds), so that
     * a long log's builds are not all held here until the end; without it, end() returns them.
     */
    emit = null) {
        this.source = source;
        this.name = name;
        this.selector = selector;
        this.emit = emit;
    }
    push(line) {
        const job = this.jobFor(line);
        job.reached(line);
        const text = line.text;
        job.excerpt.push(line.no, line.command === 'error' ? `##[error]${text}` : text);
        // Another runner step began (gh run view names each line's step): nothing from here on is part of the
        // build, as a job log's `Run` group says. Tested when the step begins only: the shortcut takes the
        // lines after it (same job and step as the line before), never the first.
        if (line.step !== null && job.afterBuild.namedStep(line.step, line.no)) {
            const current = job.current;
            if (current !== null && current.step !== null && current.step !== line.step && !current.closed && current.hasVertices)
                current.close(line.no);
        }
        if (line.command !== null) {
            job.runnerCommands = true;
            this.onRunnerCommand(job, line);
            if (line.command === 'error')
                job.excerpt.mark(true);
            return;
        }
        job.facts.line(text);
        if (line.step === null && text === after_build_error/* POST_STEP_LINE */.zv) {
            job.afterBuild.stepBegins(text, line.no);
            // A post step begins: as at a `Run` group, nothing after this is part of the build before it.
            if (job.current?.hasVertices)
                job.current.close(line.no);
        }
        if (job.metadata) {
            job.metadata.add(text);
            return;
        }
        if (job.readingActionInputs && job.pendingInputs && applyActionInput(job.pendingInputs, text))
            return;
        // Pastes indent whole logs (Markdown code blocks, quoted e-mails) and terminals pad lines with
        // blanks: recognise lines without them.
        const first = text.charCodeAt(0);
        const last = text.charCodeAt(text.length - 1);
        const bare = first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09 ? text.trim() : text;
        for (const dialect of job.dialects) {
            if (dialect.accept(bare, line, this.sinkFor(job))) {
                // The first line after the build failed is its failure; later ones only when the catalog knows them.
                const failure = job.current?.failed === true && !job.marked.has(job.current);
                if (failure || this.selector?.select(bare)) {
                    if (job.current)
                        job.marked.add(job.current);
                    job.excerpt.mark(failure);
                }
                return;
            }
        }
        if (bare.charCodeAt(0) === 0x23 /* # */) {
            const match = VERTEX_LINE.exec(bare);
            if (match) {
                this.onVertexLine(job, line, Number(match[1]), match[2]);
                if (bare.includes('>>>'))
                    this.onMarkedStepLine(job, line, Number(match[1]));
                // A step's own output the catalog knows (an earlier cause of the failure) is kept too.
                const failure = match[2].startsWith('ERROR');
                if (failure || this.selector?.select(match[2]))
                    job.excerpt.mark(failure);
                return;
            }
        }
        if (isBuildCommand(text)) {
            this.startBuild(job, line, parseBuildCommand(text.replace(/^\[command\]/, '')));
            return;
        }
        const failure = failure_line/* FAILURE_LINE */.EV.test(bare) || (this.selector?.select(bare) ?? false);
        if (failure) {
            job.excerpt.mark();
            job.failureLines++;
            if (CANCEL_LINE.test(text))
                job.cancelLines++;
        }
        const build = job.current;
        if (build && this.belongsTo(build, line)) {
            if (build_lines/* CACHE_IMPORT_WARNING */.gt.test(bare))
                build.addCacheWarning({ line: line.no, text });
            // After a legacy or tty build reported its end, a failure (a `docker push` refused, `make`
            // giving up) is what the pasted log ended with: the build's row carries it. So in a pasted
            // plain build when the failure is Docker's (a later test failing in a GitLab job is not the
            // build's); in a runner's log a later step's failure is never the build's.
            const carried = build.form !== 'plain' || (!job.fromRunner && (0,failure_line/* isDockerFailure */.pA)(bare));
            if (failure && carried && build.ended && !build.failed && !CANCEL_LINE.test(text)) {
                build.fail({ line: line.no, text });
                job.excerpt.mark(true);
            }
            if (build_lines/* FINAL_ERROR */.iZ.test(bare)) {
                build.failWithErrorBlock({ line: line.no, text });
                job.excerpt.mark(true);
                build.touch(line.no, line.timestamp, line.text);
            }
            else if (DOCKERFILE_POINTER.test(bare)) {
                // BuildKit points into the Dockerfile (`  69 | >>> RUN ...`) only for an error, even when
                // the error line itself was not pasted.
                build.failWithErrorBlock();
            }
            if (build.capturingErrorBlock)
                build.addErrorDetail({ line: line.no, text });
            return;
        }
        if (!build && job.builds.length === 0 && job.orphanErrors.length < MAX_ORPHAN_ERRORS && build_lines/* FINAL_ERROR */.iZ.test(bare))
            job.orphanErrors.push({ line: line.no, text });
        // The reader strips a paste's quoting (`> `, `\u2502`) before it looks for the mark.
        if (bare.includes('>>>'))
            job.strayMarkedBlocks.read(line.no, text);
        if (!job.dockerRelated && job.builds.length === 0)
            job.dockerRelated = (0,failure_line/* isDockerRelated */.eA)(bare);
        job.noteArchitecture(text);
    }
    /**
     * The shortcut for a step's line (`#N ...`) read as bytes, the bulk of a real log: the open step
     * such a line goes to, when push() would do no more with it than count it, keep it for the excerpt
     * (and, for output, the step's tail) and move the build's last line and time; else null (another
     * job or format, no open plain build, an unknown step, a reader waiting for its next line). Then
     * takeStepLine() applies it. The caller vouches for the rest: the text is ASCII without control
     * characters or blanks at either end, the line is of the format and job of the line before it, it
     * is not a status line, and no signature's literal is in it.
     */
    openStepFor(format, job, id) {
        const state = this.job;
        if (state === null || state.format !== format || (job !== null && state.name !== job))
            return null;
        const build = state.current;
        if (build === null || build.closed || build.form !== 'plain' || !state.passesStepOutput())
            return null;
        // After the build ended, `#1` opens the next one.
        if (id === 1 && build.ended)
            return null;
        const vertex = build.vertices.get(id);
        // BuildKit's own steps print a few lines, and may quote the Dockerfile (onMarkedStepLine): all
        // of them go the whole way, where the excerpt's `>>>` mark is looked for.
        return vertex === undefined || vertex.parsed.kind === 'internal' ? null : vertex;
    }
    /** A line openStepFor() agreed to: the step's header printed again (`output` false) or its output. */
    takeStepLine(vertex, no, timestamp, text, output) {
        const state = this.job;
        const build = state.current;
        state.reachedAt(no, timestamp);
        state.excerpt.push(no, text);
        build.touch(no, timestamp, text);
        if (output)
            build.stepOutputBytes(vertex, text);
    }
    /**
     * A `#N DONE` or `#N DONE 1.23s` line (`text`, decoded: it becomes the step's end) that openStepFor()
     * agreed to: what push() does with it (vertex-line.ts), the step ended after `seconds` (or null).
     */
    takeStepDone(vertex, no, timestamp, text, seconds) {
        const state = this.job;
        const build = state.current;
        state.reachedAt(no, timestamp);
        state.excerpt.push(no, text);
        build.touch(no, timestamp, text);
        build.stepDone(vertex, { line: no, text }, seconds);
    }
    /**
     * The shortcut for a quiet line read as bytes (quiet-line.ts: none of the texts this parser or the
     * catalog looks for, ASCII, not a runner command nor `#N`, blanks aside): whether push()
     * would do no more with it than count it, keep it for the excerpt and move the job's last line and
     * time, given the job's state. Then takeQuietLine() applies it.
     */
    passesQuietLine(format, job) {
        const state = this.job;
        if (state === null || state.format !== format || (job !== null && state.name !== job))
            return false;
        return state.passesQuietLine();
    }
    /**
     * The shortcut for a `##[endgroup]` line (nothing after the command) of the format and job of the
     * line before it, read as bytes: what push() does with it (its text is empty). False, and nothing
     * done, when the open job is another's.
     */
    takeEndGroup(format, job, no, timestamp) {
        const state = this.job;
        if (state === null || state.format !== format || (job !== null && state.name !== job))
            return false;
        state.reachedAt(no, timestamp);
        state.excerpt.push(no, '');
        state.runnerCommands = true;
        this.endGroup(state, no);
        return true;
    }
    /** A line passesQuietLine() agreed to. */
    takeQuietLine(no, timestamp, text) {
        const state = this.job;
        state.reachedAt(no, timestamp);
        state.excerpt.push(no, text);
    }
    /**
     * Decodes every line still held as bytes (taken by the shortcut): the excerpt ring and the open
     * build's last line and step tail. Only the open job and its open build hold any (a build is
     * settled when the next opens, a job's builds are turned into strings when it ends). Called
     * before the buffer those bytes lie in is filled again (LogSource.reusesChunks).
     */
    settleBytes() {
        this.job?.excerpt.settle();
        this.job?.current?.settle();
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
        if (line.command === 'group')
            job.facts.group(text);
        switch (line.command) {
            case 'group':
                job.readingActionInputs = /^Run docker\/build-push-action@/.test(text);
                if (job.readingActionInputs)
                    job.pendingInputs = emptyInvocation();
                if (text === 'Metadata' && job.current)
                    job.metadata = new MetadataGroup();
                if (text.startsWith('Run '))
                    job.afterBuild.runGroup(text, line.no, line.step !== null);
                else
                    job.afterBuild.group(line.no);
                if (text.startsWith('Run ') && isBuildCommand(text.slice(4))) {
                    job.pendingInputs = parseBuildCommand(text.slice(4));
                }
                if (job.current) {
                    job.current.endErrorBlock();
                    // A new runner step begins: nothing after this is part of the build that ran before it.
                    if (/^(Run|Post) /.test(text) && job.current.hasVertices)
                        job.current.close(line.no);
                }
                break;
            case 'endgroup':
                this.endGroup(job, line.no);
                break;
            case 'error': {
                const evidence = { line: line.no, text: `##[error]${text}` };
                if (build_lines/* RUNNER_CANCELED */.P2.test(text)) {
                    job.canceled = true;
                    // A build whose runner step had ended (a later step began) finished before the cancellation.
                    if (job.current && !job.current.closed)
                        job.current.cancel();
                }
                const build = job.current;
                // In the build's own runner step (it is closed once another begins), the error is the build's:
                // `docker build ... && docker push ...` in one step fails with the push.
                if (build && this.belongsTo(build, line)) {
                    if (build_lines/* RUNNER_CANCELED */.P2.test(text))
                        build.addError(evidence);
                    else
                        build.fail(evidence);
                    build.touch(line.no, line.timestamp, evidence.text);
                }
                else {
                    if (job.builds.length > 0)
                        job.afterBuild.error(line.no, text);
                    if (job.strayErrors.length < 20)
                        job.strayErrors.push(evidence);
                }
                break;
            }
            case 'warning':
                // The runner says a failed `docker build` or `docker pull` of an action's or a service's image
                // as a warning before it retries (`##[warning]Docker build failed with exit code 1, back off
                // 5.2 seconds before retry.`); a retry that works goes on, one that does not ends in ##[error].
                // So it is remembered, and counts only where the log ends with it (a paste cut at the failure).
                if (job.builds.length === 0 && failure_line/* FAILURE_LINE */.EV.test(text) && (0,failure_line/* isDockerRelated */.eA)(text))
                    job.retryWarning = { line: line.no, text: `##[warning]${text}` };
                break;
            default:
                break;
        }
    }
    /**
     * A step's line that holds BuildKit's `>>>` mark (`#1 0.104   13 | >>> {`): BuildKit prints the
     * Dockerfile parse error of its `[internal] load build definition` step inside that step's frame,
     * where the error block's reader never sees it. The build's reader reads through the frame (as
     * signatures see lines), and the build failed: BuildKit quotes the Dockerfile only for an error.
     * Only in BuildKit's own steps: in a RUN step such a line is the output of the user's program
     * (and openStepFor leaves only BuildKit's own steps' lines to push()).
     */
    onMarkedStepLine(job, line, id) {
        const build = job.current;
        if (build === null || build.vertices.get(id)?.parsed.kind !== 'internal')
            return;
        build.markedBlocks.read(line.no, line.text);
        if (DOCKERFILE_POINTER.test((0,normalize/* normalizeForMatching */._)(line.text))) {
            build.failWithErrorBlock();
            job.excerpt.mark(true);
        }
    }
    /** `##[endgroup]`: the runner's group ends, and whatever read it (runner facts, the action's inputs, the metadata). */
    endGroup(job, no) {
        job.afterBuild.endGroup(no);
        job.facts.endGroup();
        job.readingActionInputs = false;
        if (job.metadata && job.current)
            job.metadata.applyTo(job.current);
        job.metadata = null;
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
        // Its status and its output do not: a failed build definition prints its error as output.
        if (!build || build.closed || build.form !== 'plain' || (id === 1 && build.ended && !isStatusWord(rest) && !isStepOutput(build, id, rest))) {
            build = this.startBuild(job, line, null);
        }
        build.touch(line.no, line.timestamp, line.text);
        applyVertexLine(build, id, rest, line);
    }
    /** What a dialect may ask of this job: its open build, or a new one. */
    sinkFor(job) {
        // The closures are made apart: made here, their context was allocated at every call (three a
        // line going the whole way), though the sink is made once a job.
        return job.sink ?? this.makeSink(job);
    }
    makeSink(job) {
        return (job.sink = {
            current: () => job.current,
            buildFor: (form, line, fresh = false) => {
                const build = job.current;
                // A build command echoed just before (`$ docker build ...`) opened the build this output belongs to.
                if (build && !build.closed && this.belongsTo(build, line) && !build.hasVertices && !build.failed && build.form === 'plain') {
                    build.printedAs(form);
                    return build;
                }
                if (!fresh && build && build.form === form && !build.closed && this.belongsTo(build, line))
                    return build;
                return this.startBuild(job, line, null, form);
            },
        });
    }
    startBuild(job, line, invocation, form = 'plain') {
        const build = new BuildState({
            line: line.no,
            timestamp: line.timestamp,
            step: line.step,
            text: line.text,
            form,
            invocation: mergeInvocations(invocation, job.pendingInputs),
        });
        job.pendingInputs = null;
        job.readingActionInputs = false;
        job.afterBuild.buildStarts();
        job.current?.settle();
        if (form === 'tty' && job.builds.length === 0 && job.orphanErrors.length > 0 && !job.fromRunner) {
            build.fail();
            for (const error of job.orphanErrors)
                build.addError(error);
        }
        job.builds.push(build);
        job.current = build;
        job.dockerRelated = true;
        return build;
    }
    /** Whether a line of the job is part of the build (same runner step, when the log names steps). */
    belongsTo(build, line) {
        if (build.closed)
            return false;
        return build.step === null || line.step === null || build.step === line.step;
    }
    finishJob(job) {
        const jobSeconds = jobSecondsBetween(job.firstTs, job.lastTs);
        const kept = job.builds.filter((b) => b.hasBuildSteps || b.errors.length > 0);
        if (job.retryWarning !== null && job.retryWarning.line >= job.lastLine && job.strayErrors.length < 20)
            job.strayErrors.push(job.retryWarning);
        const failed = job.failedWithoutBuild;
        if (kept.length === 0 && (failed || job.pastedDocker)) {
            // The job failed without BuildKit building anything (a refused login, a push, a CLI usage
            // error, a smoke test), or a paste holds Docker's output but no build: still a row, so that
            // its failure is diagnosed (or its state said).
            const canceled = job.canceled || (job.cancelLines > 0 && job.cancelLines === job.failureLines && job.strayErrors.length === 0);
            kept.push(BuildState.withoutBuildKit({
                firstLine: job.firstLine,
                firstTs: job.firstTs,
                lastLine: job.lastLine,
                lastTs: job.lastTs,
                failed,
                canceled,
                errors: job.strayErrors,
            }));
        }
        // A build that did not end well but printed no error (a log cut off, a runner that died) is
        // explained, if at all, by the last lines of its job: keep them.
        if (kept.some((b) => b.status(job.canceled) === 'unknown'))
            job.excerpt.mark(true);
        const base = job.name ?? this.name ?? buildNameOf(this.source);
        kept.forEach((build, index) => {
            const origin = job.format === 'plain' ? FORM_ORIGIN[build.form] : ORIGIN[job.format];
            const name = numberedName(base, index, kept.length);
            // Lines from where the build starts to where the next one starts (the job's start for the first),
            // or to where the runner began its next step: a later step's lines (a post step's cache upload
            // that failed, a script's echoed `::error`) are not the build's, and no diagnosis reads them.
            const first = index === 0 ? job.firstLine : build.firstLine;
            const next = index + 1 < kept.length ? kept[index + 1].firstLine - 1 : job.lastLine;
            const last = build.closedAt !== null ? Math.min(next, build.closedAt - 1) : next;
            build.markedBlocks.adopt(job.strayMarkedBlocks.nonInstructions.filter((m) => m.line >= first && m.line <= last));
            const result = build.toBuild({
                name,
                source: this.source,
                job: job.name,
                jobSeconds,
                nativePlatform: job.nativePlatform,
                jobCanceled: job.canceled,
                origin,
            });
            if (kept.length > 1)
                result.indexInJob = index;
            if (result.status !== 'success' || build.hasStepErrors)
                result.excerpt = job.excerpt.between(first, last);
            result.runner = job.facts.facts;
            // Only the job's last build: a step's error after it is not the build's, and said only of a build that succeeded.
            if (index === kept.length - 1 && result.status === 'success' && job.fromRunner) {
                const later = job.afterBuild.result(job.lastLine, (from, to) => job.excerpt.between(from, to));
                if (later !== null)
                    result.afterBuildError = later;
            }
            if (this.emit)
                this.emit(result);
            else
                this.finished.push(result);
        });
    }
}
const ORIGIN = { plain: 'plain progress', actions: 'GitHub job log', 'gh-run-view': 'gh run view log' };
const FORM_ORIGIN = { plain: 'plain progress', tty: 'tty progress', legacy: 'legacy builder' };
/** `#N 0.104 ...`, the output of a step the build has: never a step's header. */
function isStepOutput(build, id, rest) {
    return build.vertices.has(id) && /^\d+\.\d+ /.test(rest);
}
function isStatusWord(rest) {
    return /^(DONE|CACHED|ERROR|CANCELED|\.\.\.)/.test(rest);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/detect.ts
// `docker buildx build --progress=rawjson` writes one BuildKit SolveStatus per JSON object: on one line
// (buildx 0.14 and later) or pretty-printed over many, starting with a lone `{` (buildx 0.13). The
// object's first key is one of SolveStatus's four (Go writes them in this order, leaving empty ones out).
const COMPACT_START = /^\{\s*"(?:vertexes|statuses|logs|warnings)"\s*:/;
/**
 * Whether an input whose first non-empty line is `firstNonEmptyLine` is rawjson progress. A lone `{`
 * is taken as the start of a pretty-printed object: the rawjson parser makes no build from other
 * JSON, so a wrong guess ends as "no Docker build output found", as it would with the plain parser.
 */
function looksLikeRawJson(firstNonEmptyLine) {
    const text = firstNonEmptyLine.replace(/^\uFEFF/, '').trim();
    return text === '{' || COMPACT_START.test(text);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/log-object.ts
// Most of a rawjson log is step output, one `logs` object a line, always in the same shape:
//   {"logs":[{"vertex":"sha256:\u2026","stream":1,"data":"<base64>","timestamp":"2026-\u2026Z"}]}
// JSON.parse of such a line built a whole object tree and was the largest single cost of reading
// rawjson. This reads exactly that shape with one anchored regular expression (linear: every
// part is a character class closed by a literal quote) and gives back what JSON.parse would;
// anything else, even the same object with a space or an escape in it, is left to JSON.parse.
const CANONICAL_LOG = /^\{"logs":\[\{"vertex":"([^"\\\u0000-\u001f]*)","stream":(0|[1-9][0-9]{0,8}),"data":"([A-Za-z0-9+/=]*)","timestamp":"([^"\\\u0000-\u001f]*)"\}\]\}$/;
/** The value JSON.parse gives for a canonical one-log object, or undefined for any other text. */
function parseCanonicalLogObject(text) {
    if (!text.startsWith('{"logs":[{"vertex":"'))
        return undefined;
    const match = CANONICAL_LOG.exec(text);
    if (!match)
        return undefined;
    return { logs: [{ vertex: match[1], stream: Number(match[2]), data: match[3], timestamp: match[4] }] };
}

;// CONCATENATED MODULE: ./src/parse/rawjson/json-splitter.ts

/** A pretty-printed object larger than this is skipped (with a note), never held in memory. */
const MAX_OBJECT_CHARS = 8 * 1024 * 1024;
const json_splitter_OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
/** A byte-order mark before the first object is not part of its indentation. */
const BOM = /\ufeff/g;
const OVERSIZE = `the object is over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB`;
/**
 * Splits a stream of lines into JSON objects and plain text. An object is either on one line (the
 * fast path: one JSON.parse, as buildx 0.14+ writes every one) or pretty-printed over several (buildx
 * 0.13): Go's encoder puts the opening `{` alone on its line and the closing `}` alone at the same
 * column, everything between is indented. So lines are gathered, not scanned, until that closing line,
 * and parsed once. Only the object being read is held, and never more than MAX_OBJECT_CHARS of it.
 *
 * Recovery never needs more than the current line: a one-line object that does not parse is reported
 * and dropped; a line that cannot be inside a pretty-printed object (it does not start with blank space
 * or a closing bracket) ends a broken one and is read afresh. Why an object did not parse (a string
 * cut at the end of its line, unbalanced brackets) is worked out only then, from its lines.
 */
class JsonObjectSplitter {
    handler;
    pending = null;
    /** After a broken one-line object: indented lines that may follow are skipped, not read as text. */
    recovering = false;
    /** A line cut inside a string: reported when the next line comes, or as truncation if none does. */
    cut = null;
    constructor(handler) {
        this.handler = handler;
    }
    /** Between objects, nothing held or pending: a line that is a whole object may be read elsewhere. */
    get idle() {
        return this.pending === null && !this.recovering && this.cut === null;
    }
    push(line) {
        const text = line.text;
        if (this.cut) {
            this.handler.problem(this.cut);
            this.cut = null;
        }
        const pending = this.pending;
        if (pending) {
            if (continuesObject(text)) {
                this.gather(pending, line);
                return;
            }
            this.pending = null;
            this.handler.problem(whyBroken(pending) ?? { kind: 'broken', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'the object ends before its closing brace' });
        }
        if (this.recovering) {
            if (continuesObject(text))
                return;
            this.recovering = false;
        }
        const start = firstNonBlank(text);
        if (start === -1 || text.charCodeAt(start) !== json_splitter_OPEN_BRACE) {
            this.handler.text(line);
            return;
        }
        this.startObject(line, start);
    }
    /** The input ended: an object still open was cut off. */
    end() {
        const pending = this.pending;
        this.pending = null;
        const cut = this.cut;
        this.cut = null;
        if (pending) {
            // A string cut before the last line was the object's end, as a line that cannot continue it is.
            const broken = whyBroken(pending);
            if (broken && broken.lastLine < pending.lastLine)
                this.handler.problem(broken);
            else
                this.handler.problem({ kind: 'truncated', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'the input ends inside a JSON object' });
        }
        else if (cut) {
            this.handler.problem({ kind: 'truncated', firstLine: cut.firstLine, lastLine: cut.lastLine, detail: 'the input ends inside a JSON object' });
        }
    }
    startObject(line, start) {
        const text = line.text;
        if (text.length > MAX_OBJECT_CHARS) {
            // Only if the line reader lets such lines through: skipped whole, as a pretty-printed one would be.
            this.handler.problem({ kind: 'oversize', firstLine: line.no, lastLine: line.no, detail: OVERSIZE });
            this.recovering = true;
            return;
        }
        // Fast path: a whole object on its line, as buildx 0.14+ writes every one.
        if (text.charCodeAt(text.length - 1) === CLOSE_BRACE || text.trimEnd().endsWith('}')) {
            const value = parseCanonicalLogObject(text) ?? tryParse(text);
            if (value !== undefined) {
                this.handler.object({ value, firstLine: line.no, lastLine: line.no, lines: null });
                return;
            }
        }
        const scanned = scan(start === 0 ? text : text.slice(start), 0);
        if (scanned.openString) {
            this.cut = { kind: 'broken', firstLine: line.no, lastLine: line.no, detail: 'a string runs to the end of the line (the line was cut?)' };
            this.recovering = true;
        }
        else if (scanned.negative) {
            this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'unbalanced brackets' });
        }
        else if (scanned.depth === 0) {
            this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'not valid JSON' });
        }
        else {
            // Still open at the end of its line: the first line of a pretty-printed object.
            this.pending = {
                firstLine: line.no,
                lastLine: line.no,
                closing: `${text.slice(0, start).replace(BOM, '')}}`,
                lines: [text],
                chars: text.length,
                skipping: false,
            };
        }
    }
    /** One more line of a pretty-printed object; its closing line ends it. */
    gather(pending, line) {
        const text = line.text;
        pending.lastLine = line.no;
        pending.chars += text.length + 1;
        if (!pending.skipping) {
            if (pending.chars > MAX_OBJECT_CHARS) {
                pending.skipping = true;
                pending.lines = [];
            }
            else {
                pending.lines.push(text);
            }
        }
        if (text.trimEnd() !== pending.closing)
            return;
        this.pending = null;
        if (pending.skipping) {
            this.handler.problem({ kind: 'oversize', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: OVERSIZE });
            return;
        }
        const value = tryParse(pending.lines.join('\n'));
        if (value !== undefined) {
            this.handler.object({ value, firstLine: pending.firstLine, lastLine: pending.lastLine, lines: pending.lines });
            return;
        }
        // Broken inside (then the rest of its lines were read as part of it), or balanced but not JSON.
        this.handler.problem(whyBroken(pending) ?? { kind: 'invalid', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'not valid JSON' });
    }
}
/**
 * Where and why a pretty-printed object that did not parse broke: the first line where a string runs
 * to the end of the line (JSON strings never span lines: the line was cut), or where more brackets
 * close than opened. Null when neither happened. Runs once per bad object, never on a good one.
 */
function whyBroken(pending) {
    let depth = 0;
    for (let i = 0; i < pending.lines.length; i++) {
        const scanned = scan(pending.lines[i], depth);
        const at = pending.firstLine + i;
        if (scanned.openString)
            return { kind: 'broken', firstLine: pending.firstLine, lastLine: at, detail: 'a string runs to the end of a line (a line was cut?)' };
        if (scanned.negative)
            return { kind: 'broken', firstLine: pending.firstLine, lastLine: at, detail: 'unbalanced brackets' };
        depth = scanned.depth;
    }
    return null;
}
/** Bracket depth after `text`, counting only brackets outside strings. */
function scan(text, depth) {
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c /* \ */)
                i++;
            else if (c === 0x22 /* " */)
                inString = false;
        }
        else if (c === 0x22) {
            inString = true;
        }
        else if (c === json_splitter_OPEN_BRACE || c === 0x5b /* [ */) {
            depth++;
        }
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth--;
            if (depth < 0)
                return { depth, openString: false, negative: true };
        }
    }
    return { depth, openString: inString, negative: false };
}
/** Inside a pretty-printed object every line is indented, except the closing brace of the top level. */
function continuesObject(text) {
    if (text.length === 0)
        return false;
    const c = text.charCodeAt(0);
    return c === SPACE || c === TAB || c === CLOSE_BRACE || c === CLOSE_BRACKET;
}
function firstNonBlank(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== SPACE && c !== TAB && c !== 0xfeff)
            return i;
    }
    return -1;
}
function tryParse(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/parse/rawjson/entry-lines.ts
// Go's encoder writes a SolveStatus's arrays in order (vertexes, statuses, logs, warnings) and each
// entry's keys in struct order, one key a line when pretty-printed. So the k-th `"digest":` line is
// the k-th vertex (only vertices have that key), the k-th `"vertex":` line the k-th status (statuses
// come before logs and warnings, which also have one), the k-th `"data":` line the k-th log (warnings,
// whose source info also has `data`, come last).
const KEY_LINE = /^\s*"(digest|error|completed|vertex|data)":/;
/** Which input line holds each entry of an object, so that evidence points at the right line. */
class EntryLines {
    digest = [];
    error = [];
    completed = [];
    vertexKey = [];
    data = [];
    first;
    multiLine;
    constructor(chunk) {
        this.first = chunk.firstLine;
        this.multiLine = chunk.lines !== null && chunk.lines.length > 1;
        if (!this.multiLine)
            return;
        chunk.lines.forEach((text, i) => {
            const match = KEY_LINE.exec(text);
            if (!match)
                return;
            const no = chunk.firstLine + i;
            switch (match[1]) {
                case 'digest':
                    this.digest.push(no);
                    break;
                case 'error':
                    this.error.push(no);
                    break;
                case 'completed':
                    this.completed.push(no);
                    break;
                case 'vertex':
                    this.vertexKey.push(no);
                    break;
                default:
                    this.data.push(no);
            }
        });
    }
    /** The line where vertex entry k begins. */
    vertex(k) {
        return this.digest[k] ?? this.first;
    }
    /** The line of vertex entry k's `error` (or else `completed`) field. */
    vertexEnd(k, hasError) {
        if (!this.multiLine)
            return this.first;
        const start = this.digest[k];
        if (start === undefined)
            return this.first;
        const end = this.digest[k + 1] ?? this.vertexKey[0] ?? Number.POSITIVE_INFINITY;
        const inEntry = (l) => l > start && l < end;
        return (hasError ? this.error.find(inEntry) : undefined) ?? this.completed.find(inEntry) ?? start;
    }
    status(k) {
        return this.vertexKey[k] ?? this.first;
    }
    log(k) {
        return this.data[k] ?? this.first;
    }
}

;// CONCATENATED MODULE: ./src/diagnose/byte-prefilter.ts
const ESCAPE = 0x1b;
const byte_prefilter_SPACE = 0x20;
const ASCII_CODES = 128;
const byte_prefilter_NEWLINE = 0x0a;
/** Characters in a window: four, so that a window of a literal is rarely a window of ordinary output. */
const WINDOW = 4;
const CLASS_BITS = 7;
/** The hashed window table: 2^22 bits (512 KiB), a few hundred literals set one bit each. */
const TABLE_BITS = 22;
/** Two characters of a window: the gate's index (see BytePrefilter.low). */
const PAIR_BITS = 2 * CLASS_BITS;
const PAIR_MASK = (1 << PAIR_BITS) - 1;
/** scanLines' table by the last two bytes: they end some window of the table (BytePrefilter.low). */
const PAIR_LOW_GATE = 1;
/** The same: the second byte makes its line a candidate by itself (BytePrefilter.special). */
const PAIR_SPECIAL = 2;
/**
 * A cheaper, coarser LineSelector prefilter that reads bytes: whether a line (as UTF-8 bytes) may
 * contain one of the selector's literals. It never says no to a line that LiteralSet would find a
 * literal in; it may say yes to lines without one (the caller then decodes the line and asks the
 * selector). Made for output that is read but mostly never decoded (rawjson's step output).
 *
 * Each literal is stood for by one four-character window of it (its rarest, by a rough table of how
 * common characters are in logs), set in a hashed bit table that the last four bytes (case folded)
 * are looked up in: a multiply and a load per byte, in a table that stays in the cache. A literal of
 * three or two characters sets every window that ends with it, one of one character makes that
 * character a candidate by itself. A line that holds an escape byte (ANSI codes are stripped from
 * the text the selector sees), or a byte outside ASCII when some literal has nothing but characters
 * outside ASCII (LiteralSet lets those match any such character), is always a candidate.
 *
 * Why it never misses: the text is the line's bytes decoded, and an ASCII character in the text is
 * the same byte in the line with the same neighbours (a decoded multi-byte or invalid sequence is
 * never ASCII), so ASCII characters next to each other in the text are bytes next to each other in
 * the line, case folded the same way.
 */
class BytePrefilter {
    /** The class of each byte: its case-folded value below 128, 0 above. */
    classOf = new Uint8Array(256);
    /** 1 for a byte that makes its line a candidate by itself. */
    special = new Uint8Array(256);
    /** One bit per hashed window: set when a line holding that window is a candidate. */
    table = new Int32Array(1 << (TABLE_BITS - 5));
    /**
     * The gate before the table: 1 for the last two characters (`low`, the window's low 14 bits) and
     * the first two (`high`, its high 14 bits) of some window set in it. Two loads from 16 KiB tables
     * instead of a multiply and a load from the 512 KiB one: about five windows in six of a compiler's
     * output fail the gate (the built-in catalog's), and the loop ran about 15% faster alone.
     */
    low = new Uint8Array(1 << PAIR_BITS);
    high = new Uint8Array(1 << PAIR_BITS);
    /** The window's mask: four classes. */
    mask = (1 << (WINDOW * CLASS_BITS)) - 1;
    shift = 32 - TABLE_BITS;
    /** Every line is a candidate (a built-in pattern without literals runs on every line). */
    everyLine;
    constructor(literals, everyLine) {
        this.everyLine = everyLine;
        for (let byte = 0; byte < 128; byte++)
            this.classOf[byte] = fold(byte);
        this.special[ESCAPE] = 1;
        let nonAscii = false;
        for (const literal of literals) {
            if (literal.length === 0)
                continue;
            const run = rarestAsciiRun(literal);
            if (run === null) {
                // Only escapes (candidates anyway) and characters outside ASCII: a byte outside ASCII stands for it.
                if (/[^\u0000-\u007f]/.test(literal))
                    nonAscii = true;
            }
            else if (run.length === 1) {
                const code = fold(run.charCodeAt(0));
                this.special[code] = 1;
                if (code >= 97 && code <= 122)
                    this.special[code - 32] = 1;
            }
            else {
                this.setEndingWith(run);
            }
        }
        if (nonAscii)
            for (let byte = 128; byte < 256; byte++)
                this.special[byte] = 1;
    }
    /** Sets every window that ends with `text` (two to four ASCII characters). */
    setEndingWith(text) {
        let low = 0;
        for (let i = 0; i < text.length; i++)
            low = (low << CLASS_BITS) | fold(text.charCodeAt(i));
        const freeBits = (WINDOW - text.length) * CLASS_BITS;
        for (let high = 0; high < 1 << freeBits; high++) {
            const window = ((high << (text.length * CLASS_BITS)) | low) & this.mask;
            const slot = this.slot(window);
            this.table[slot >>> 5] |= 1 << (slot & 31);
            this.low[window & PAIR_MASK] = 1;
            this.high[window >>> PAIR_BITS] = 1;
        }
    }
    /** The table bit of a window (the hot loops inline this). */
    slot(window) {
        return Math.imul(window, HASH) >>> this.shift;
    }
    /** Whether a line holding `window` is a candidate: the gate, then the table (the hot loops inline this). */
    windowHits(window) {
        if ((this.low[window & PAIR_MASK] & this.high[window >>> PAIR_BITS]) === 0)
            return false;
        const slot = this.slot(window);
        return ((this.table[slot >>> 5] >>> (slot & 31)) & 1) === 1;
    }
    /**
     * The window after reading `text` (ASCII: a rendered prefix) from a line's start, and whether it
     * hit; `bytes`, the same window as scanLines() keeps it: the last four characters as bytes, one
     * beyond ASCII as 0 (the byte whose class, 0, it has in `window`).
     */
    start(text) {
        let window = 0;
        let hit = false;
        let bytes = 0;
        for (let i = 0; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (code >= 128 || this.special[code] === 1)
                hit = true;
            window = ((window << CLASS_BITS) | (code < 128 ? this.classOf[code] : 0)) & this.mask;
            bytes = (bytes << 8) | (code < 128 ? code : 0);
            if (this.windowHits(window))
                hit = true;
        }
        return { window, hit, bytes };
    }
    /**
     * The lines on `bytes[from, to)` (the last ends with a newline), each read after a text whose
     * start() is `startBytes` and `startHit` (its `bytes` and `hit`): where each ends, in `ends`, and 1
     * in `hits` for a line that may hold a literal, as mayMatch() answers for it. Stops after
     * `ends.length` lines; returns how many it found. The hot loop over rawjson's output: a tight loop
     * with no call in it.
     *
     * It keeps the last four bytes as they are (an int32: the oldest falls out at the top) and looks
     * the last two up in one 64 KiB table that holds both the first gate (`low`) and the special bit,
     * already folded: three loads a byte (class, special, gates) became one. Only a window past that
     * gate (a few in ten of a compiler's output) has its first two bytes looked up (`high`), and only
     * one past both is folded into mayMatch's window and looked up in the hashed table. About a sixth
     * less time over a compiler's output than reading the three tables for each byte.
     */
    scanLines(bytes, from, to, startBytes, startHit, ends, hits) {
        const { last, first } = this.pairTables();
        const classOf = this.classOf;
        const table = this.table;
        const shift = this.shift;
        const capacity = ends.length;
        let count = 0;
        let window = startBytes;
        let hit = startHit;
        for (let i = from; i < to; i++) {
            const byte = bytes[i];
            if (byte === byte_prefilter_NEWLINE) {
                ends[count] = i;
                hits[count] = hit;
                if (++count === capacity)
                    return count;
                window = startBytes;
                hit = startHit;
                continue;
            }
            window = (window << 8) | byte;
            const gate = last[window & 0xffff];
            if (gate !== 0) {
                if (gate >= PAIR_SPECIAL)
                    hit = 1;
                else if (first[window >>> 16] !== 0) {
                    const folded = (classOf[window >>> 24] << 21) | (classOf[(window >>> 16) & 0xff] << 14) | (classOf[(window >>> 8) & 0xff] << 7) | classOf[byte];
                    const slot = Math.imul(folded, HASH) >>> shift;
                    hit |= (table[slot >>> 5] >>> (slot & 31)) & 1;
                }
            }
        }
        return count;
    }
    /** scanLines()'s tables by two raw bytes (a byte pair `(a << 8) | b`), made on its first call. */
    pairs = null;
    pairTables() {
        if (this.pairs !== null)
            return this.pairs;
        const { classOf, special, low, high } = this;
        /** By the last two bytes of the window: PAIR_LOW_GATE | PAIR_SPECIAL. */
        const last = new Uint8Array(1 << 16);
        /** By the first two bytes of the window: 1 when they start some window of the table. */
        const first = new Uint8Array(1 << 16);
        for (let a = 0; a < 256; a++) {
            for (let b = 0; b < 256; b++) {
                const pair = (classOf[a] << CLASS_BITS) | classOf[b];
                last[(a << 8) | b] = (low[pair] !== 0 ? PAIR_LOW_GATE : 0) | (special[b] !== 0 ? PAIR_SPECIAL : 0);
                first[(a << 8) | b] = high[pair];
            }
        }
        this.pairs = { last, first };
        return this.pairs;
    }
    /** Whether `bytes[start, end)`, read after `text`, may hold a literal (the hot loop of callers, for tests). */
    mayMatch(text, bytes, start, end) {
        if (this.everyLine)
            return true;
        let { window, hit } = this.start(text);
        for (let i = start; i < end && !hit; i++) {
            const byte = bytes[i];
            window = ((window << CLASS_BITS) | this.classOf[byte]) & this.mask;
            if (this.special[byte] === 1 || this.windowHits(window))
                hit = true;
        }
        return hit;
    }
}
/** Fibonacci hashing's multiplier (2^32 / golden ratio): spreads windows over the table. */
const HASH = 0x9e3779b1 | 0;
const prefilters = new WeakMap();
/** The byte prefilter of a selector (made once per selector). */
function bytePrefilterFor(selector) {
    let prefilter = prefilters.get(selector);
    if (!prefilter) {
        prefilter = new BytePrefilter(selector.literals, selector.testsEveryLine);
        prefilters.set(selector, prefilter);
    }
    return prefilter;
}
// How common a character is in build output, roughly (English letter frequencies, in percent; space,
// digits and the punctuation of paths and versions as common as frequent letters). A window's cost
// is the product of its characters' (as if independent); words that fill build logs (a compiler's
// `Compiling`, a package manager's `Downloading`) cost more. The cheapest window stands for its
// literal, so that few lines are candidates. Any choice is correct; this one only makes it fast.
const FREQUENCY = {
    ' ': 15,
    e: 12.7,
    t: 9.1,
    a: 8.2,
    o: 7.5,
    i: 7,
    n: 6.7,
    s: 6.3,
    h: 6.1,
    r: 6,
    d: 4.3,
    l: 4,
    c: 2.8,
    u: 2.8,
    m: 2.4,
    w: 2.4,
    f: 2.2,
    g: 2,
    y: 2,
    p: 1.9,
    b: 1.5,
    v: 1,
    k: 0.8,
    j: 0.15,
    x: 0.15,
    q: 0.1,
    z: 0.07,
    '0': 4,
    '1': 4,
    '2': 3,
    '3': 3,
    '4': 3,
    '5': 3,
    '6': 3,
    '7': 3,
    '8': 3,
    '9': 3,
    '.': 4,
    '/': 4,
    '-': 4,
    ':': 3,
    _: 2,
};
const COMMON_WORDS = 'compiling compiled building downloading downloaded installing installed package module version running reading writing ' +
    'resolving fetching extracting exporting layer sha256 loading transferring context checking finished ' +
    'crates index added removed updating using from with done step cache';
/**
 * The common windows, each as its four case-folded codes packed 7 bits apiece (windowKey): a key of
 * a window read from a literal is made from its codes, with no string for it.
 */
const COMMON_WINDOWS = new Set();
for (const word of COMMON_WORDS.split(' ')) {
    const spaced = ` ${word} `;
    for (let i = 0; i + WINDOW <= spaced.length; i++)
        COMMON_WINDOWS.add(windowKey(spaced, i));
}
/** FREQUENCY by character code (a character it does not list counts 1). */
const FREQUENCY_OF = new Float64Array(ASCII_CODES).fill(1);
for (const [ch, frequency] of Object.entries(FREQUENCY))
    FREQUENCY_OF[ch.charCodeAt(0)] = frequency;
/** The four ASCII characters of `text` from `at`, case folded and packed 7 bits apiece. */
function windowKey(text, at) {
    let key = 0;
    for (let k = at; k < at + WINDOW; k++)
        key = (key << CLASS_BITS) | fold(text.charCodeAt(k));
    return key;
}
/**
 * What a run of ASCII characters costs as the window that stands for its literal: how common it is
 * in build output (the product of its characters' frequencies, a window across words or one of a
 * common word costing more). The multiplications are made in the order they always were, so a
 * choice between windows of equal cost is the same.
 */
function windowCost(literal, at, length) {
    let cost = length === WINDOW && COMMON_WINDOWS.has(windowKey(literal, at)) ? 1e6 : 1;
    // A window across words (`ng m`) is as common as the ends of words are.
    if (length === WINDOW && (literal.charCodeAt(at + 1) === byte_prefilter_SPACE || literal.charCodeAt(at + 2) === byte_prefilter_SPACE))
        cost *= 100;
    for (let k = at; k < at + length; k++)
        cost *= FREQUENCY_OF[fold(literal.charCodeAt(k))];
    return cost;
}
/**
 * The rarest window of up to four ASCII characters (no escape) in the literal: a four-character one
 * when there is one, else the longest run of ASCII there is; null when it has no ASCII character.
 * Runs once per literal of the catalog at every start that reads rawjson (a thousand literals):
 * no string is made for a window, and a run shorter than the best so far is not costed.
 */
function rarestAsciiRun(literal) {
    let best = -1;
    let bestLength = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = 0; i < literal.length; i++) {
        let length = 0;
        while (length < WINDOW && i + length < literal.length) {
            const code = literal.charCodeAt(i + length);
            if (code >= ASCII_CODES || code === ESCAPE)
                break;
            length++;
        }
        if (length === 0 || length < bestLength)
            continue;
        const cost = windowCost(literal, i, length);
        if (length > bestLength || cost < bestCost) {
            best = i;
            bestLength = length;
            bestCost = cost;
        }
    }
    return best === -1 ? null : literal.slice(best, best + bestLength);
}
function fold(code) {
    return code >= 65 && code <= 90 ? code + 32 : code;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/solve-status.ts
// BuildKit's SolveStatus (github.com/moby/buildkit/client/graph.go) as `--progress=rawjson` writes it.
// The input is untrusted: every field is read through the guards below, never assumed.
const KEYS = ['vertexes', 'statuses', 'logs', 'warnings'];
/** The SolveStatus in `value`, or null when it is some other JSON (no SolveStatus key holds an array). */
function readSolveStatus(value) {
    if (!isRecord(value))
        return null;
    if (!KEYS.some((key) => Array.isArray(value[key])))
        return null;
    return {
        vertexes: records(value.vertexes)
            .map(readVertex)
            .filter((v) => v !== null),
        statuses: records(value.statuses)
            .map(readStatus)
            .filter((s) => s !== null),
        logs: records(value.logs)
            .map(readLog)
            .filter((l) => l !== null),
        warnings: records(value.warnings).map(readWarning),
    };
}
function readVertex(v, index) {
    if (!v || typeof v.digest !== 'string' || v.digest === '')
        return null;
    const group = isRecord(v.progressGroup) && typeof v.progressGroup.id === 'string' && v.progressGroup.id !== '' ? v.progressGroup : null;
    return {
        index,
        digest: v.digest,
        name: typeof v.name === 'string' ? v.name : '',
        started: timestamp(v.started),
        completed: timestamp(v.completed),
        cached: v.cached === true,
        error: typeof v.error === 'string' && v.error !== '' ? v.error : null,
        group: group ? { id: group.id, name: typeof group.name === 'string' ? group.name : '' } : null,
    };
}
function readStatus(s, index) {
    if (!s || typeof s.vertex !== 'string' || typeof s.id !== 'string')
        return null;
    return { index, id: s.id, vertex: s.vertex, started: timestamp(s.started), completed: timestamp(s.completed) };
}
function readLog(l, index) {
    if (!l || typeof l.vertex !== 'string' || typeof l.data !== 'string')
        return null;
    const data = Buffer.from(l.data, 'base64');
    return {
        index,
        vertex: l.vertex,
        stream: typeof l.stream === 'number' ? l.stream : 1,
        data,
        from: 0,
        to: data.length,
        timestamp: timestamp(l.timestamp),
    };
}
function readWarning(w, index) {
    const record = w ?? {};
    return {
        index,
        vertex: typeof record.vertex === 'string' ? record.vertex : '',
        level: typeof record.level === 'number' ? record.level : 0,
        short: typeof record.short === 'string' ? decodeBase64Text(record.short) : '',
        detail: Array.isArray(record.detail)
            ? record.detail
                .filter((d) => typeof d === 'string')
                .slice(0, 20)
                .map(decodeBase64Text)
            : [],
        url: typeof record.url === 'string' && record.url !== '' ? record.url : null,
    };
}
function records(value) {
    return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : null)) : [];
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function decodeBase64Text(data) {
    return Buffer.from(data, 'base64').toString('utf8');
}
// RFC 3339 with up to nanoseconds, as Go writes time.Time: `2026-11-29T05:58:51.139608677Z`.
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
/**
 * Milliseconds since the epoch, fractional (a double keeps well under a microsecond at today's
 * epoch), or null for a missing value and Go's zero time (`0001-01-01T00:00:00Z`).
 */
function timestamp(value) {
    if (typeof value !== 'string')
        return null;
    const match = RFC3339.exec(value);
    if (!match)
        return null;
    const whole = wholeMilliseconds(match[1], match[3]);
    if (whole === null)
        return null;
    return match[2] === undefined ? whole : whole + Number(`0.${match[2]}`) * 1000;
}
/** The milliseconds of a timestamp's date and time to the second, in `zone`; null for Go's zero time or an invalid date. */
function wholeMilliseconds(dateTime, zone) {
    if (dateTime.startsWith('0001-'))
        return null;
    const whole = Date.parse(`${dateTime}${zone}`);
    return Number.isNaN(whole) ? null : whole;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/base64-arena.ts
// The data of rawjson's log objects is base64. Going through Node's decoder from the line's text
// meant the base64 text as part of a decoded line (most of the garbage of reading a rawjson log) and
// a new Buffer a line. This decodes the text's bytes into a shared arena instead: the output of many
// log objects lies in one 64 KiB buffer. The decoding itself is Node's (a native loop, about four
// times faster than one in JavaScript), from a short-lived one-byte string of the base64 text.
/** Bytes of one arena; a full arena is left to whoever still holds slices of it, and a new one taken. */
const ARENA_BYTES = 64 * 1024;
/** Output larger than this gets a buffer of its own, so that at most a quarter of an arena is wasted. */
const OWN_BUFFER_BYTES = ARENA_BYTES / 4;
const EQUALS = 0x3d;
const helpers = Buffer.prototype;
const FAST_HELPERS = typeof helpers.latin1Slice === 'function' && typeof helpers.base64Write === 'function';
/** Node's decoding of the base64 in `text[start, end)` into `out` at `at`: how many bytes it wrote. */
function nodeDecode(text, start, end, out, at) {
    if (FAST_HELPERS) {
        const fast = out;
        return fast.base64Write(text.latin1Slice(start, end), at);
    }
    return out.write(text.toString('latin1', start, end), at, 'base64');
}
/**
 * Decodes base64 text from bytes into shared buffers. The bytes of the last decode are
 * `buffer[from, to)`, valid for as long as `buffer` is held: an arena is never written again once
 * it is full, so slices handed out earlier stay as they were.
 */
class Base64Arena {
    arena = Buffer.allocUnsafe(ARENA_BYTES);
    used = 0;
    /** Where the last successful decode put its bytes. */
    buffer = this.arena;
    from = 0;
    to = 0;
    /**
     * Decodes `text[start, end)` when it is plain base64 (a multiple of four characters of the
     * alphabet, `-` and `_` as Node reads them, padded with one or two `=` at the end only) and
     * returns true; anything else (an escape, a space, a `=` inside) returns false, and the caller
     * reads the object the general way.
     *
     * Node's decoder skips what is not in its alphabet and stops at `=`, so it writes fewer bytes than
     * plain text of this length decodes to exactly when the text is not plain: one character fewer
     * before the padding is already a byte fewer, whatever the length. So the count it returns is the
     * whole check; and a text it accepts is the same string the general way hands the same decoder.
     */
    decode(text, start, end) {
        const length = end - start;
        if ((length & 3) !== 0)
            return false;
        let padding = 0;
        if (length > 0 && text[end - 1] === EQUALS)
            padding = text[end - 2] === EQUALS ? 2 : 1;
        const size = (length >>> 2) * 3 - padding;
        let out;
        let at;
        if (size > OWN_BUFFER_BYTES) {
            out = Buffer.allocUnsafe(size);
            at = 0;
        }
        else {
            if (this.used + size > ARENA_BYTES) {
                this.arena = Buffer.allocUnsafe(ARENA_BYTES);
                this.used = 0;
            }
            out = this.arena;
            at = this.used;
        }
        // Bytes past `at + size` may be written by a text that is not plain; they were handed to no one.
        if (size > 0 && nodeDecode(text, start, end, out, at) !== size)
            return false;
        if (out === this.arena)
            this.used = at + size;
        this.buffer = out;
        this.from = at;
        this.to = at + size;
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/rawjson/canonical-logs.ts
// Most of a rawjson log is step output: `logs` objects, one a line, always in the shape Go's encoder
// gives BuildKit's SolveStatus:
//   {"logs":[{"vertex":"sha256:\u2026","stream":1,"data":"<base64>","timestamp":"2026-\u2026Z"}]}
// Decoding such a line to a string, then JSON.parse, then base64 from that string was most of the
// cost of reading rawjson. This reads the same from the line's bytes: fixed keys compared in place,
// the data decoded from its bytes into a shared arena (base64-arena.ts), the vertex and the
// timestamp's date reused from the previous line when their bytes repeat (they nearly always do),
// compared while their bytes are checked, so a line costs no new Buffer and one short-lived string,
// the base64 text Node's decoder reads (the line's head is checked with one native compare).
// Anything else, even the same object with a space, an escape or a byte outside ASCII in it, is
// left to the general path (a string and JSON.parse), so what this accepts is read exactly as
// JSON.parse would read it (__tests__/rawjson-bytes.test.ts).


const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const AMPERSAND = 0x26;
const COMMA = 0x2c;
const canonical_logs_ZERO = 0x30;
const NINE = 0x39;
const canonical_logs_DOT = 0x2e;
const canonical_logs_LETTER_Z = 0x5a;
const OPEN = Buffer.from('{"logs":[', 'latin1');
const VERTEX = Buffer.from('{"vertex":"', 'latin1');
const STREAM = Buffer.from('","stream":', 'latin1');
const DATA = Buffer.from(',"data":"', 'latin1');
const TIMESTAMP = Buffer.from('","timestamp":"', 'latin1');
/** `"}` closes an entry, then `,` (another entry) or `]}` (the end of the line). */
const ENTRY_END = Buffer.from('"}', 'latin1');
const CLOSE = Buffer.from(']}', 'latin1');
/** `2026-11-29T05:58:51`: the part of a timestamp that repeats from one line to the next. */
const DATE_TIME_BYTES = 19;
/** Longer vertex or timestamp values are not Go's; the general path reads them. */
const MAX_VALUE_BYTES = 256;
/**
 * The head of a canonical line, `{"logs":[{"vertex":"\u2026","stream":1,"data":"`: the same bytes on every
 * line of a step's output, so compared with the last line's at once (one native compare where the
 * keys, the vertex and the stream were each read); longer ones are read every time.
 */
const MAX_HEAD_BYTES = 384;
/** Reads canonical `logs` lines from bytes; keeps the last head, vertex and date seen, to reuse them. */
class CanonicalLogReader {
    arena = new Base64Arena();
    /** The logs of the last line read: the objects are reused from line to line (see read). */
    entries = [];
    lastHead = Buffer.alloc(MAX_HEAD_BYTES);
    /** 0 while no head is known. */
    lastHeadLength = 0;
    headVertex = '';
    headStream = 0;
    /** What the last entryHead() read. */
    entryVertex = '';
    entryStream = 0;
    /** Where the value read by the last plainValue() call ends (its closing quote). */
    valueEnd = -1;
    /** Whether that value's first bytes were the same as the bytes it was compared with. */
    valueSame = false;
    lastVertex = '';
    lastVertexBytes = Buffer.alloc(MAX_VALUE_BYTES);
    lastVertexLength = -1;
    lastDateTime = Buffer.alloc(DATE_TIME_BYTES);
    lastDateTimeKnown = false;
    lastWhole = null;
    /** The logs read by the last read() that returned a count: valid until the next read(). */
    get logs() {
        return this.entries;
    }
    /**
     * How many logs the object on `data[start, end)` holds when it is a canonical `logs` line (they are
     * `logs[0, count)`, until the next call: one object per entry, reused, so a line allocates none),
     * else -1. A line this accepts decodes (UTF-8, HTML entities, ANSI) to itself: it is printable ASCII
     * without `&` or escape, so the line decoder would not have changed it either.
     */
    read(data, start, end) {
        let p;
        let vertex;
        let stream;
        const headLength = this.lastHeadLength;
        if (headLength !== 0 && end - start > headLength && data.compare(this.lastHead, 0, headLength, start, start + headLength) === 0) {
            p = start + headLength;
            vertex = this.headVertex;
            stream = this.headStream;
        }
        else {
            if (!startsWith(data, start, end, OPEN))
                return -1;
            p = this.entryHead(data, start + OPEN.length, end);
            if (p === -1)
                return -1;
            vertex = this.entryVertex;
            stream = this.entryStream;
            // Every byte of it was checked: it is a head whatever follows it on this line.
            if (p - start <= MAX_HEAD_BYTES) {
                data.copy(this.lastHead, 0, start, p);
                this.lastHeadLength = p - start;
                this.headVertex = vertex;
                this.headStream = stream;
            }
        }
        const arena = this.arena;
        let count = 0;
        for (;;) {
            const dataEnd = data.indexOf(QUOTE, p);
            if (dataEnd === -1 || dataEnd >= end)
                return -1;
            if (!arena.decode(data, p, dataEnd))
                return -1;
            const bytes = arena.buffer;
            const from = arena.from;
            const to = arena.to;
            p = dataEnd;
            if (!startsWith(data, p, end, TIMESTAMP))
                return -1;
            p += TIMESTAMP.length;
            if (!this.plainValue(data, p, end, this.lastDateTime, this.lastDateTimeKnown ? DATE_TIME_BYTES : -1))
                return -1;
            const tsEnd = this.valueEnd;
            const timestamp = this.timestampAt(data, p, tsEnd, this.valueSame);
            p = tsEnd;
            if (!startsWith(data, p, end, ENTRY_END))
                return -1;
            p += ENTRY_END.length;
            this.setEntry(count++, vertex, stream, bytes, from, to, timestamp);
            if (p < end && data[p] === COMMA) {
                p = this.entryHead(data, p + 1, end);
                if (p === -1)
                    return -1;
                vertex = this.entryVertex;
                stream = this.entryStream;
                continue;
            }
            return startsWith(data, p, end, CLOSE) && p + CLOSE.length === end ? count : -1;
        }
    }
    /**
     * An entry's `{"vertex":"\u2026","stream":N,"data":"` at `p`: where its data starts (its vertex and stream
     * in entryVertex and entryStream), or -1.
     */
    entryHead(data, p, end) {
        if (!startsWith(data, p, end, VERTEX))
            return -1;
        p += VERTEX.length;
        if (!this.plainValue(data, p, end, this.lastVertexBytes, this.lastVertexLength))
            return -1;
        this.entryVertex = this.vertexAt(data, p, this.valueEnd);
        p = this.valueEnd;
        if (!startsWith(data, p, end, STREAM))
            return -1;
        p += STREAM.length;
        // 0 or a number without leading zeros, as the canonical shape allows (at most nine digits).
        let stream = 0;
        const digits = p;
        while (p < end && data[p] >= canonical_logs_ZERO && data[p] <= NINE && p - digits < 9)
            stream = stream * 10 + data[p++] - canonical_logs_ZERO;
        if (p === digits || (data[digits] === canonical_logs_ZERO && p - digits > 1))
            return -1;
        if (!startsWith(data, p, end, DATA))
            return -1;
        this.entryStream = stream;
        return p + DATA.length;
    }
    setEntry(index, vertex, stream, data, from, to, timestamp) {
        const entry = this.entries[index];
        if (entry === undefined) {
            this.entries.push({ index, vertex, stream, data, from, to, timestamp });
            return;
        }
        entry.vertex = vertex;
        entry.stream = stream;
        entry.data = data;
        entry.from = from;
        entry.to = to;
        entry.timestamp = timestamp;
    }
    /**
     * Whether a JSON string value that starts at `start` is printable ASCII with no escape and no `&`
     * (which the line decoder would have unescaped), and short; then its closing quote is at
     * `valueEnd`, and `valueSame` tells whether its first `compareLength` bytes equal `compare`'s
     * (-1 never does). One loop for both, where a check and then Buffer.compare were two passes and a
     * call into C++.
     */
    plainValue(data, start, end, compare, compareLength) {
        const limit = Math.min(end, start + MAX_VALUE_BYTES);
        let same = compareLength >= 0;
        const compareEnd = start + compareLength;
        for (let i = start; i < limit; i++) {
            const c = data[i];
            if (c === QUOTE) {
                this.valueEnd = i;
                this.valueSame = same && i >= compareEnd;
                return true;
            }
            if (c < 0x20 || c > 0x7e || c === BACKSLASH || c === AMPERSAND)
                return false;
            if (same && i < compareEnd && c !== compare[i - start])
                same = false;
        }
        return false;
    }
    /** The vertex digest on `data[start, end)` (checked by plainValue): the previous line's string when the bytes are the same. */
    vertexAt(data, start, end) {
        const length = end - start;
        if (length === this.lastVertexLength && this.valueSame)
            return this.lastVertex;
        this.lastVertex = data.toString('latin1', start, end);
        data.copy(this.lastVertexBytes, 0, start, end);
        this.lastVertexLength = length;
        return this.lastVertex;
    }
    /**
     * solve-status.ts's timestamp() of the value on `data[start, end)`, computed from the bytes for Go's
     * usual `\u2026:SS.fffffffffZ` form: the date and time to the second is parsed once per second of the log,
     * the fraction from its digits. f / 10^n is the correctly rounded value of `0.ddd` (both are exact
     * integers before one division), so this equals Number(`0.${digits}`) to the last bit.
     */
    timestampAt(data, start, end, sameDateTime) {
        const length = end - start;
        let fractionEnd = -1;
        if (length === DATE_TIME_BYTES + 1 && data[end - 1] === canonical_logs_LETTER_Z)
            fractionEnd = end - 1;
        else if (length > DATE_TIME_BYTES + 2 && length <= DATE_TIME_BYTES + 11 && data[start + DATE_TIME_BYTES] === canonical_logs_DOT && data[end - 1] === canonical_logs_LETTER_Z) {
            fractionEnd = end - 1;
            for (let i = start + DATE_TIME_BYTES + 1; i < fractionEnd; i++)
                if (data[i] < canonical_logs_ZERO || data[i] > NINE)
                    fractionEnd = -1;
        }
        if (fractionEnd === -1)
            return this.slowTimestamp(data, start, end);
        const dateEnd = start + DATE_TIME_BYTES;
        if (!sameDateTime) {
            const dateTime = data.toString('latin1', start, dateEnd);
            // Checked as the general path checks it (the whole value against RFC3339): a miss goes there.
            if (!RFC3339.test(`${dateTime}Z`))
                return this.slowTimestamp(data, start, end);
            this.lastWhole = wholeMilliseconds(dateTime, 'Z');
            data.copy(this.lastDateTime, 0, start, dateEnd);
            this.lastDateTimeKnown = true;
        }
        const whole = this.lastWhole;
        if (whole === null)
            return null;
        if (fractionEnd === dateEnd)
            return whole;
        let fraction = 0;
        let scale = 1;
        for (let i = dateEnd + 1; i < fractionEnd; i++) {
            fraction = fraction * 10 + data[i] - canonical_logs_ZERO;
            scale *= 10;
        }
        return whole + (fraction / scale) * 1000;
    }
    slowTimestamp(data, start, end) {
        const match = RFC3339.exec(data.toString('latin1', start, end));
        if (!match)
            return null;
        const whole = wholeMilliseconds(match[1], match[3]);
        if (whole === null)
            return null;
        return match[2] === undefined ? whole : whole + Number(`0.${match[2]}`) * 1000;
    }
}
function startsWith(data, at, end, literal) {
    if (at + literal.length > end)
        return false;
    for (let i = 0; i < literal.length; i++)
        if (data[at + i] !== literal[i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/output-lines.ts


/** One output line's text, as the plain printer writes it (CR, escapes removed, long lines cut). */
function renderOutput(prefix, bytes, start, end) {
    let text = bytes.toString('utf8', start, end);
    if (text.endsWith('\r'))
        text = text.slice(0, -1);
    text = stripAnsi(text);
    if (text.length > excerpt/* MAX_EXCERPT_LINE */.oW)
        text = text.slice(0, excerpt/* MAX_EXCERPT_LINE */.oW);
    return prefix + text;
}
/**
 * The last `capacity` output lines pushed, as references into their batches (parallel arrays, no
 * object per line), rendered when drained. Holds at most `capacity` batches alive.
 */
class OutputLineRing {
    capacity;
    lines;
    batches;
    starts;
    ends;
    next = 0;
    count = 0;
    constructor(capacity) {
        this.capacity = capacity;
        this.lines = new Array(capacity).fill(0);
        this.batches = new Array(capacity).fill(null);
        this.starts = new Array(capacity).fill(0);
        this.ends = new Array(capacity).fill(0);
    }
    get size() {
        return this.count;
    }
    push(line, batch, start, end) {
        const slot = this.next;
        this.lines[slot] = line;
        this.batches[slot] = batch;
        this.starts[slot] = start;
        this.ends[slot] = end;
        this.next = slot + 1 === this.capacity ? 0 : slot + 1;
        if (this.count < this.capacity)
            this.count++;
    }
    /** Renders the lines held, oldest first, and empties the ring. */
    drain(each) {
        const count = this.count;
        this.count = 0;
        let slot = (this.next - count + this.capacity) % this.capacity;
        for (let k = 0; k < count; k++) {
            const batch = this.batches[slot];
            this.batches[slot] = null;
            each(this.lines[slot], renderOutput(batch.prefix, batch.bytes, this.starts[slot], this.ends[slot]));
            slot = slot + 1 === this.capacity ? 0 : slot + 1;
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/rawjson/deferred-excerpt.ts


/**
 * The parser's ExcerptCollector, fed output lines as bytes. The collector only ever keeps the last
 * lines before a failure, so output lines wait here undecoded (at most as many as its ring holds)
 * and are handed over, rendered, only when something else reaches the collector: a failure, a
 * line of text, the excerpt being asked for. Then the collector holds what it would have held had
 * every line been pushed as text; lines pushed out of both rings meanwhile were never decoded.
 */
class DeferredExcerpt {
    collector = new excerpt/* ExcerptCollector */.B6();
    waiting = new OutputLineRing(excerpt/* EXCERPT_RING_LINES */.LF);
    /**
     * The collector's budget is spent on failures' lines: a line the catalog selects changes nothing
     * now, so nothing needs selecting (a failure still does: lines are still pushed).
     */
    get full() {
        return this.collector.full;
    }
    /** An output line, kept as bytes while no failure wants the lines after it. */
    pushOutput(line, batch, start, end) {
        if (this.collector.keepsNext) {
            this.settle();
            this.collector.push(line, renderOutput(batch.prefix, batch.bytes, start, end));
        }
        else {
            this.waiting.push(line, batch, start, end);
        }
    }
    push(line, text) {
        this.settle();
        this.collector.push(line, text);
    }
    /** See ExcerptCollector.mark: `failure` for a failure, else a line the catalog knows. */
    mark(failure = false) {
        this.settle();
        this.collector.mark(failure);
    }
    between(first, last) {
        this.settle();
        return this.collector.between(first, last);
    }
    settle() {
        if (this.waiting.size > 0)
            this.waiting.drain((line, text) => this.collector.push(line, text));
    }
}

;// CONCATENATED MODULE: ./src/parse/rawjson/input-problems.ts

/** Counts one more problem of `kind`; the first of each kind says where and what. */
function countProblem(counts, kind, problem) {
    const known = counts.get(kind);
    if (known) {
        known.count++;
    }
    else {
        counts.set(kind, { count: 1, firstLine: problem.firstLine, lastLine: problem.lastLine, detail: problem.detail });
    }
}
/** The notes that tell what was skipped of a rawjson input, and why. */
function renderProblems(problems) {
    const notes = [];
    const at = (p) => (p.firstLine === p.lastLine ? `line ${p.firstLine}` : `lines ${p.firstLine}-${p.lastLine}`);
    for (const [kind, p] of problems) {
        switch (kind) {
            case 'truncated':
                notes.push(`the rawjson progress ends inside a JSON object (from line ${p.firstLine}): the log was cut off`);
                break;
            case 'oversize':
                notes.push(`${p.count} rawjson object(s) over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB were skipped (first at ${at(p)}): the steps they updated may be incomplete`);
                break;
            case 'broken':
                notes.push(`${p.count} rawjson object(s) were cut off or malformed and skipped (first at ${at(p)}: ${p.detail})`);
                break;
            case 'not-progress':
                notes.push(`${p.count} JSON object(s) that are not BuildKit progress were skipped (first at ${at(p)})`);
                break;
            default:
                notes.push(`${p.count} line(s) of the rawjson progress were not valid JSON and were skipped (first at ${at(p)})`);
        }
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/step-output.ts

const step_output_NEWLINE = 0x0a;
/** An unfinished output line of a step is kept up to this many bytes until its newline comes. */
const MAX_PARTIAL_BYTES = 8 * 1024;
/**
 * A step's output as rawjson carries it: bytes whose lines may span log objects. Cuts them where
 * their newlines are; holds at most one unfinished line (bounded) per step. The lines complete in
 * one log object go on as bytes, undecoded.
 */
class StepOutput {
    /** Start of the step's current run, for the `#N 1.234` offsets of its output lines. */
    runStart = null;
    /** Bytes of an output line whose newline has not come yet. */
    partial = null;
    partialLine = 0;
    partialTs = null;
    /** The bytes of one log object (`log.data[log.from, log.to)`), read at input line `line`. */
    add(step, log, line, sink) {
        const bytes = log.data;
        const to = log.to;
        // The lines of one log object share its time: its `1.234` offset is written once, not per line.
        let at = null;
        let start = log.from;
        if (this.partial) {
            const end = firstNewline(bytes, start, to);
            if (end !== -1) {
                const whole = Buffer.concat([this.partial, bytes.subarray(start, end)]);
                this.partial = null;
                at = offset(log.timestamp, this.runStart);
                sink.text(step, line, render(step, whole, at));
                start = end + 1;
            }
        }
        const last = lastNewline(bytes, start, to);
        if (last !== -1) {
            at ??= offset(log.timestamp, this.runStart);
            sink.lines(step, line, bytes, start, last + 1, `#${step.id} ${at} `);
            start = last + 1;
        }
        if (start < to) {
            const rest = bytes.subarray(start, to);
            if (!this.partial) {
                // The line is quoted where, and timed when, its first bytes came (as the plain printer does).
                this.partialLine = line;
                this.partialTs = log.timestamp;
            }
            const kept = this.partial ? Buffer.concat([this.partial, rest]) : Buffer.from(rest);
            this.partial = kept.length > MAX_PARTIAL_BYTES ? kept.subarray(0, MAX_PARTIAL_BYTES) : kept;
        }
    }
    /** The step ended (or the input did): an unfinished last line is a line too. */
    flush(step, sink) {
        if (!this.partial)
            return;
        const partial = this.partial;
        this.partial = null;
        sink.text(step, this.partialLine, render(step, partial, offset(this.partialTs, this.runStart)));
    }
}
// Loops rather than Buffer's indexOf and lastIndexOf: the bytes may be a slice of a larger buffer
// (see RawLog.data), and the last newline is nearly always the last byte.
/** The first newline on `bytes[from, to)`, or -1. */
function firstNewline(bytes, from, to) {
    for (let i = from; i < to; i++)
        if (bytes[i] === step_output_NEWLINE)
            return i;
    return -1;
}
/** The last newline on `bytes[from, to)`, or -1. */
function lastNewline(bytes, from, to) {
    for (let i = to - 1; i >= from; i--)
        if (bytes[i] === step_output_NEWLINE)
            return i;
    return -1;
}
/** One output line; `at` is its offset from the step's start as the plain printer writes it. */
function render(step, bytes, at) {
    return renderOutput(`#${step.id} ${at} `, bytes, 0, bytes.length);
}
/** `1.234`, `12.34`, `123.4`: seconds since the step started, as the plain printer writes them. */
function offset(ts, start) {
    const seconds = ts !== null && start !== null ? Math.max(0, (ts - start) / 1000) : 0;
    return seconds.toFixed(seconds < 10 ? 3 : seconds < 100 ? 2 : 1);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/raw-build.ts





const raw_build_PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const raw_build_NAMED = /^naming to (\S+)(?: done)?/;
// BuildKit's printers show a vertex whose error ends so as CANCELED, not ERROR.
const CANCELED_ERROR = /context canceled$/;
/** Completed status lines remembered per running step (to print each once). */
const MAX_STATUS_IDS = 256;
const MAX_WARNINGS = 100;
/**
 * One build of a rawjson stream: merges vertex updates by digest (a progress group into one step),
 * numbers steps in order of first start as the plain printer does, and tells its BuildState what
 * happened. Evidence quotes what the plain printer would have printed (`#6 ERROR: ...`).
 */
class RawBuild {
    echo;
    outputAsBytes;
    state;
    tracks = new Map();
    groups = new Map();
    /** Step id -> the vertex digest (or `progress-group:ID` for a group of vertices shown as one step). */
    digests = new Map();
    warnings = [];
    problems = new Map();
    nextId = 1;
    firstStart = null;
    lastEnd = null;
    /** Plain text came after the progress (the error trailer): new vertices after it are a new build. */
    trailer = false;
    /** The last thing the build printed, as the plain printer would have (its boundary's last line); see lastEvent. */
    lastLine = null;
    lastText = null;
    /** Or an output line not rendered yet. */
    lastBatch = null;
    lastOutputStart = 0;
    lastOutputEnd = 0;
    /**
     * Output lines of one step whose way to its tail (BuildState.stepOutput) is put off: only the last
     * few survive there, so they are rendered only when something else happens to the step, or to the
     * build (settleTail). The tail is read only when the build is made, so nothing sees the difference.
     */
    tailStep = null;
    tailLines = new OutputLineRing(TAIL_LINES);
    constructor(line, text, echo, outputAsBytes = true) {
        this.echo = echo;
        this.outputAsBytes = outputAsBytes;
        this.state = new BuildState({ line, timestamp: null, step: null, text });
    }
    /** The last thing the build printed, as the plain printer would have: its boundary's last line. */
    get lastEvent() {
        if (this.lastLine === null)
            return null;
        if (this.lastBatch) {
            this.lastText = renderOutput(this.lastBatch.prefix, this.lastBatch.bytes, this.lastOutputStart, this.lastOutputEnd);
            this.lastBatch = null;
        }
        return { line: this.lastLine, text: this.lastText };
    }
    set lastEvent(event) {
        this.lastLine = event.line;
        this.lastText = event.text;
        this.lastBatch = null;
    }
    applyVertex(vertex, lines) {
        this.settleTail();
        let track = this.tracks.get(vertex.digest);
        if (!track) {
            if (vertex.group) {
                const key = `progress-group:${vertex.group.id}`;
                track = this.groups.get(key);
                if (!track) {
                    track = newTrack(key, vertex.group.name || vertex.name);
                    this.groups.set(key, track);
                }
            }
            else {
                track = newTrack(vertex.digest, vertex.name);
            }
            this.tracks.set(vertex.digest, track);
        }
        if (track.name === '' && vertex.name !== '')
            track.name = (0,detach/* detach */.Y)(vertex.name);
        const known = track.members.get(vertex.digest);
        // BuildKit announces vertices before they start, and may announce them again: such an update does
        // not undo a start (its own printer ignores it too).
        if (known && known.start !== null && vertex.started === null)
            return;
        track.members.set(vertex.digest, {
            start: vertex.started,
            end: vertex.completed,
            cached: vertex.cached,
            error: vertex.error === null ? null : (0,detach/* detach */.Y)(vertex.error),
            line: lines.vertex(vertex.index),
            endLine: lines.vertexEnd(vertex.index, vertex.error !== null),
        });
        this.refresh(track);
    }
    /** Applies the merged state of a track's vertices to its step. */
    refresh(track) {
        let start = null;
        let latest = null;
        let end = null;
        let allEnded = true;
        let allCached = true;
        let error = null;
        let line = Number.POSITIVE_INFINITY;
        let endLine = 0;
        for (const member of track.members.values()) {
            if (member.start === null)
                continue;
            if (start === null || member.start < start)
                start = member.start;
            if (!latest || member.start >= latest.start)
                latest = member;
            line = Math.min(line, member.line);
            if (member.end === null) {
                allEnded = false;
                continue;
            }
            if (end === null || member.end > end)
                end = member.end;
            endLine = Math.max(endLine, member.endLine);
            allCached &&= member.cached;
            error ??= member.error;
        }
        // Never started: BuildKit's printers do not show it, and neither does the build model.
        if (start === null || latest === null)
            return;
        if (this.firstStart === null || start < this.firstStart)
            this.firstStart = start;
        track.output.runStart = latest.start;
        let step = track.step;
        if (!step) {
            const id = this.nextId++;
            step = this.state.vertex(id, track.name || track.key, line);
            track.step = step;
            this.digests.set(id, track.key);
            this.render(step.line, `#${id} ${step.name}`);
        }
        if (!allEnded || end === null) {
            if (step.status !== 'running') {
                this.state.restartStep(step);
                track.endSignature = null;
            }
            return;
        }
        if (this.lastEnd === null || end > this.lastEnd)
            this.lastEnd = end;
        const canceled = error !== null && CANCELED_ERROR.test(error);
        const status = error !== null ? (canceled ? 'canceled' : 'error') : allCached ? 'cached' : 'done';
        const signature = `${status}|${end}|${error ?? ''}`;
        if (track.endSignature === signature)
            return;
        track.endSignature = signature;
        this.flushOutput(track);
        // A progress group runs from its first start to its last end; a vertex as its latest update says,
        // which is what the plain printer's `DONE x.ys` shows.
        const seconds = exactSeconds(track.members.size > 1 ? end - start : latest.end - latest.start);
        // As the plain printer ends a step (`DONE` with one decimal; `seconds` keeps the exact value).
        const endText = status === 'error'
            ? `#${step.id} ERROR: ${error}`
            : status === 'canceled'
                ? `#${step.id} CANCELED`
                : status === 'cached'
                    ? `#${step.id} CACHED`
                    : `#${step.id} DONE ${seconds.toFixed(1)}s`;
        const ending = { line: endLine, text: endText };
        if (status === 'error')
            this.state.stepFailed(step, ending, seconds, error);
        else if (status === 'canceled')
            this.state.stepCanceled(step, ending, seconds);
        else if (status === 'cached')
            this.state.stepCached(step, ending, seconds);
        else
            this.state.stepDone(step, ending, seconds);
        if (status === 'done' || status === 'cached')
            track.doneStatuses = null;
        this.render(endLine, endText);
        if (status === 'error')
            this.echo.failure();
    }
    applyStatus(status, line) {
        this.settleTail();
        const track = this.tracks.get(status.vertex);
        const step = track?.step;
        if (!track || !step)
            return;
        const pushed = raw_build_PUSHED_MANIFEST.exec(status.id);
        if (pushed)
            this.state.addImage(pushed[1], pushed[2], true);
        else {
            const named = raw_build_NAMED.exec(status.id);
            if (named)
                this.state.addImage(named[1], null, false);
        }
        if (status.completed === null)
            return;
        track.doneStatuses ??= new Set();
        if (track.doneStatuses.has(status.id) || track.doneStatuses.size >= MAX_STATUS_IDS)
            return;
        track.doneStatuses.add(status.id);
        const elapsed = status.started !== null ? (status.completed - status.started) / 1000 : 0;
        const text = `#${step.id} ${status.id}${elapsed > 0.01 ? ` ${elapsed.toFixed(1)}s` : ''} done`;
        this.state.stepOutput(step, { line, text });
        this.render(line, text);
    }
    /** A step's output: base64 bytes, cut into lines where their newlines are (a line may span logs). */
    applyLog(log, line) {
        const track = this.tracks.get(log.vertex);
        if (!track || !track.step)
            return;
        track.output.add(track.step, log, line, this.output);
    }
    applyWarning(warning, line) {
        this.settleTail();
        const step = this.tracks.get(warning.vertex)?.step ?? null;
        const text = warning.short.replace(/\s+$/, '');
        if (this.warnings.length < MAX_WARNINGS) {
            this.warnings.push({
                line,
                stepId: step?.id ?? null,
                level: warning.level,
                text: (0,detach/* detach */.Y)(text),
                detail: warning.detail.map(detach/* detach */.Y),
                url: warning.url === null ? null : (0,detach/* detach */.Y)(warning.url),
            });
        }
        const rendered = step ? `#${step.id} WARN: ${text}` : `WARN: ${text}`;
        if (step)
            this.state.stepOutput(step, { line, text: rendered });
        this.render(line, rendered);
    }
    /** The input ended or the build did: unfinished output lines of every step are lines too. */
    flushAll() {
        for (const track of this.tracks.values())
            this.flushOutput(track);
        this.settleTail();
    }
    flushOutput(track) {
        if (track.step)
            track.output.flush(track.step, this.output);
    }
    output = {
        text: (step, line, text) => {
            this.settleTail();
            this.state.stepOutput(step, { line, text });
            this.render(line, text);
        },
        lines: (step, line, bytes, from, to, prefix) => {
            if (!this.outputAsBytes) {
                // Every line rendered and passed on one by one: what the bytes way must be equal to.
                for (let start = from; start < to;) {
                    const end = bytes.indexOf(0x0a, start);
                    this.output.text(step, line, renderOutput(prefix, bytes, start, end));
                    start = end + 1;
                }
                return;
            }
            if (this.tailStep !== step) {
                this.settleTail();
                this.tailStep = step;
            }
            const batch = { bytes, prefix };
            const lastStart = this.echo.printOutput(line, batch, from, to, this.tailLines);
            this.state.reach(line);
            if (this.lastLine === null || line >= this.lastLine) {
                this.lastLine = line;
                this.lastBatch = batch;
                this.lastOutputStart = lastStart;
                this.lastOutputEnd = to - 1;
            }
        },
    };
    /** The put-off output lines go to their step's tail, in order. */
    settleTail() {
        const step = this.tailStep;
        if (step === null)
            return;
        this.tailStep = null;
        this.tailLines.drain((line, text) => this.state.stepOutput(step, { line, text }));
    }
    /** A line as the plain printer would have printed it: for the excerpt and the build's last line. */
    render(line, text) {
        this.echo.print(line, text);
        this.state.reach(line);
        if (this.lastLine === null || line >= this.lastLine)
            this.lastEvent = { line, text };
    }
}
function newTrack(key, name) {
    return { key: (0,detach/* detach */.Y)(key), name: (0,detach/* detach */.Y)(name), members: new Map(), step: null, output: new StepOutput(), doneStatuses: null, endSignature: null };
}
/** Seconds from milliseconds, to the millisecond (BuildKit's timestamps have nanoseconds). */
function exactSeconds(ms) {
    return Math.max(0, Math.round(ms)) / 1000;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/rawjson-parser.ts













const rawjson_parser_NEWLINE = 0x0a;
/** How a canonical `logs` line starts (canonical-logs.ts reads the rest). */
const LOGS_OPEN = '{"logs":[';
/** Lines of a log object scanned at a time (a larger object takes several scans). */
const LINES_PER_SCAN = 1024;
// The first vertex of every build: once a build has ended, one more starts a new build.
const BUILD_START = /^\[internal\] load (?:build definition|remote build context)\b/;
/**
 * Reads `docker buildx build --progress=rawjson` output (and `buildx history logs --progress=rawjson`)
 * into the same build model as BuildKit's plain progress: one SolveStatus JSON object per line
 * (buildx 0.14+) or pretty-printed over many lines (buildx 0.13), then the plain-text error trailer of
 * a failed build. Vertex updates are merged by digest; steps are numbered in order of first start, as
 * the plain printer numbers them. Holds per-step summaries, the last output lines of running steps and
 * the object being read, never the log.
 *
 * Evidence quotes what the plain printer would have printed (`#6 ERROR: ...`, `#6 0.053 error: ...`)
 * with the line number of the JSON line it came from: several quoted lines can share a line number.
 */
class RawJsonParser {
    source;
    name;
    outputAsBytes;
    splitter;
    /** Lines the signatures will want: the lines around them are kept for the diagnosis. */
    selector;
    /** The selector's cheap test on bytes: output lines it rules out are never decoded. */
    prefilter;
    excerpt = new DeferredExcerpt();
    canonical = new CanonicalLogReader();
    /** printOutput's scratch: where the lines of a log object end, and which may hold a literal. */
    lineEnds = new Int32Array(LINES_PER_SCAN);
    lineHits = new Uint8Array(LINES_PER_SCAN);
    /** Builds print here what the plain printer would have printed: the excerpt, marked where the catalog wants. */
    echo = {
        print: (line, text) => {
            this.excerpt.push(line, text);
            if (!this.excerpt.full && this.selector?.select(text))
                this.excerpt.mark();
        },
        printOutput: (line, batch, from, to, tail) => this.printOutput(line, batch, from, to, tail),
        failure: () => this.excerpt.mark(true),
    };
    current = null;
    finished = [];
    /** Problems seen before any build exists: they go to the first build. */
    orphanProblems = new Map();
    firstLine = null;
    lastLine = 0;
    firstTs = null;
    lastTs = null;
    job = null;
    ended = false;
    resultExtras = [];
    resultNotes = [];
    constructor(source, 
    /** What to call its builds when the input has no job names (as BuildLogParser's `name`). */
    name = null, selector = null, 
    /** Output kept as bytes until quoted; false renders every output line, as before (the reference of the tests). */
    outputAsBytes = true) {
        this.source = source;
        this.name = name;
        this.outputAsBytes = outputAsBytes;
        this.selector = selector;
        this.prefilter = selector ? bytePrefilterFor(selector) : null;
        this.splitter = new JsonObjectSplitter({
            object: (chunk) => this.onObject(chunk),
            text: (line) => this.onText(line),
            problem: (problem) => this.onProblem(problem),
        });
    }
    push(line) {
        this.firstLine ??= line.no;
        this.lastLine = line.no;
        if (line.timestamp !== null) {
            this.firstTs ??= line.timestamp;
            this.lastTs = line.timestamp;
        }
        if (this.job === null && line.job !== null)
            this.job = line.job;
        if (this.outputAsBytes && this.pushCanonicalText(line))
            return;
        this.splitter.push(line);
    }
    /**
     * A canonical `logs` line that came as text: one the line reader could not offer as bytes (it
     * spanned two of its chunks: one line per 64 KiB, yet through the splitter and JSON.parse about 4%
     * of the CPU of a 300 MB log), or one behind a runner's prefix. Read from its text's bytes, as
     * pushBytes reads a line: only ASCII text, whose latin1 bytes are the text itself.
     */
    pushCanonicalText(line) {
        const text = line.text;
        if (!this.splitter.idle || !text.startsWith(LOGS_OPEN) || text.length > MAX_OBJECT_CHARS)
            return false;
        if (Buffer.byteLength(text, 'utf8') !== text.length)
            return false;
        const bytes = Buffer.from(text, 'latin1');
        const count = this.canonical.read(bytes, 0, bytes.length);
        if (count === -1)
            return false;
        this.applyLogs(this.current ?? this.startBuild(line.no, 'rawjson progress'), count, line.no);
        return true;
    }
    /**
     * A whole input line as bytes: taken (true) when it is a canonical `logs` object read between
     * objects, which is then read without ever being a string; otherwise the caller pushes it as a line.
     */
    pushBytes(data, start, end, no) {
        if (!this.splitter.idle || end - start > MAX_OBJECT_CHARS)
            return false;
        const count = this.canonical.read(data, start, end);
        if (count === -1)
            return false;
        this.firstLine ??= no;
        this.lastLine = no;
        // What onObject does with an object that holds only logs (no vertex can start a new build).
        this.applyLogs(this.current ?? this.startBuild(no, 'rawjson progress'), count, no);
        return true;
    }
    /** Ends the input: every build found, in input order. */
    end() {
        if (!this.ended) {
            this.ended = true;
            this.splitter.end();
            if (this.current)
                this.finish(this.current, this.lastLine);
            this.current = null;
            const base = this.job ?? this.name ?? buildNameOf(this.source);
            this.finished.forEach(({ build }, index) => {
                build.name = numberedName(base, index, this.finished.length);
            });
            this.resultExtras = this.finished.map((f) => f.extras);
            // Problems no build took (no build at all, or after the last one): the parser's, or the last build's.
            const left = renderProblems(this.orphanProblems);
            const last = this.finished.at(-1);
            if (last)
                last.build.notes.push(...left);
            else
                this.resultNotes = left;
        }
        return this.finished.map((f) => f.build);
    }
    /** Per build returned by end(), in the same order: step digests and warnings. */
    get extras() {
        return this.resultExtras;
    }
    /** Input problems when no build was found (otherwise they are in the builds' notes), after end(). */
    get notes() {
        return this.resultNotes;
    }
    // ---- input -------------------------------------------------------------------------------------
    onObject(chunk) {
        const status = readSolveStatus(chunk.value);
        if (!status) {
            this.problem('not-progress', {
                kind: 'invalid',
                firstLine: chunk.firstLine,
                lastLine: chunk.lastLine,
                detail: 'a JSON object that is not BuildKit progress',
            });
            return;
        }
        let build = this.current;
        if (build && this.startsNewBuild(build, status)) {
            this.finish(build, chunk.firstLine - 1);
            build = null;
        }
        build ??= this.startBuild(chunk.firstLine, status.vertexes[0]?.name ?? 'rawjson progress');
        const lines = new EntryLines(chunk);
        for (const vertex of status.vertexes)
            build.applyVertex(vertex, lines);
        for (const s of status.statuses)
            build.applyStatus(s, lines.status(s.index));
        for (const log of status.logs)
            build.applyLog(log, lines.log(log.index));
        for (const warning of status.warnings)
            build.applyWarning(warning, chunk.firstLine);
        build.state.reach(chunk.lastLine);
    }
    /** The `count` logs the canonical reader has just read (its reused objects: none is kept). */
    applyLogs(build, count, line) {
        const logs = this.canonical.logs;
        for (let i = 0; i < count; i++)
            build.applyLog(logs[i], line);
        build.state.reach(line);
    }
    /**
     * The output lines of one log object (see PlainEcho.printOutput): each goes to the excerpt and to
     * the step's tail as bytes; one pass over the bytes finds where lines end and, with the byte
     * prefilter, which lines may hold a signature's literal. Only those are decoded and selected.
     */
    printOutput(line, batch, from, to, tail) {
        const bytes = batch.bytes;
        const excerpt = this.excerpt;
        const prefilter = this.prefilter;
        const selector = this.selector;
        let lineStart = from;
        // Once the excerpt is full (a log full of errors), no line needs selecting: the lines are only cut.
        if (prefilter === null || selector === null || excerpt.full) {
            for (let end = bytes.indexOf(rawjson_parser_NEWLINE, from); end !== -1 && end < to; end = bytes.indexOf(rawjson_parser_NEWLINE, lineStart)) {
                excerpt.pushOutput(line, batch, lineStart, end);
                tail.push(line, batch, lineStart, end);
                if (end + 1 === to)
                    return lineStart;
                lineStart = end + 1;
            }
            return lineStart;
        }
        const start = prefilter.start(batch.prefix);
        const startHit = prefilter.everyLine || start.hit ? 1 : 0;
        const ends = this.lineEnds;
        const hits = this.lineHits;
        // The byte loop first (lines' ends and whether each may hold a literal), then each line: the loop
        // over the bytes holds no call (with the pushes and the selection in it, it ran at about 4 ns a
        // byte in place, against about 2 for the same loop alone).
        for (;;) {
            const count = prefilter.scanLines(bytes, lineStart, to, start.bytes, startHit, ends, hits);
            for (let k = 0; k < count; k++) {
                const end = ends[k];
                excerpt.pushOutput(line, batch, lineStart, end);
                tail.push(line, batch, lineStart, end);
                if (hits[k] !== 0 && selector.select(renderOutput(batch.prefix, bytes, lineStart, end)))
                    excerpt.mark();
                if (end + 1 === to)
                    return lineStart;
                lineStart = end + 1;
            }
            if (count < ends.length)
                return lineStart;
        }
    }
    onText(line) {
        const text = line.text;
        this.excerpt.push(line.no, text);
        if (text.trim() === '')
            return;
        let build = this.current;
        if (isBuildCommand(text)) {
            // A build command echoed before the progress (a script, a CI step): what it asked for.
            if (build && build.state.hasVertices) {
                this.finish(build, line.no - 1);
                build = null;
            }
            build ??= this.startBuild(line.no, text);
            build.state.invocation = parseBuildCommand(text.replace(/^\[command\]/, ''));
            return;
        }
        if (build_lines/* FINAL_ERROR */.iZ.test(text)) {
            build ??= this.startBuild(line.no, text);
            build.state.failWithErrorBlock({ line: line.no, text });
            build.state.touch(line.no, null);
            build.lastEvent = { line: line.no, text };
            this.excerpt.mark(true);
        }
        if (!build)
            return;
        if (build_lines/* CACHE_IMPORT_WARNING */.gt.test(text))
            build.state.addCacheWarning({ line: line.no, text });
        if (build.state.hasVertices)
            build.trailer = true;
        if (build.state.capturingErrorBlock)
            build.state.addErrorDetail({ line: line.no, text });
    }
    onProblem(problem) {
        this.problem(problem.kind, problem);
    }
    problem(kind, problem) {
        countProblem(this.current?.problems ?? this.orphanProblems, kind, problem);
    }
    // ---- builds ------------------------------------------------------------------------------------
    startBuild(line, firstText) {
        const build = new RawBuild(line, firstText, this.echo, this.outputAsBytes);
        for (const [kind, count] of this.orphanProblems)
            build.problems.set(kind, count);
        this.orphanProblems.clear();
        this.current = build;
        return build;
    }
    /**
     * Several invocations in one input. Once a build has visibly ended (it failed, or its steps are done
     * and an exporter finished), the next one shows as its build definition being loaded again, or as
     * vertices never seen before after the plain-text trailer. Text in the middle of a build that has not
     * ended (a stray line) does not split it.
     */
    startsNewBuild(build, status) {
        if (!build.state.hasVertices || !build.state.ended)
            return false;
        return status.vertexes.some((v) => {
            const known = build.tracks.has(v.digest);
            if (BUILD_START.test(v.name))
                return !known || (v.started !== null && build.lastEnd !== null && v.started > build.lastEnd);
            return build.trailer && !known;
        });
    }
    finish(build, lastLine) {
        if (this.current === build)
            this.current = null;
        const state = build.state;
        if (!state.hasBuildSteps && state.errors.length === 0) {
            // Nothing was built (progress without a started step): no build, as with the plain parser;
            // what was wrong with the input is still told.
            for (const [kind, count] of build.problems)
                if (!this.orphanProblems.has(kind))
                    this.orphanProblems.set(kind, count);
            return;
        }
        build.flushAll();
        const result = state.toBuild({
            name: '',
            source: this.source,
            job: this.job,
            jobSeconds: jobSecondsBetween(this.firstTs, this.lastTs),
            nativePlatform: null,
            jobCanceled: false,
            origin: 'rawjson progress',
            buildSeconds: build.firstStart !== null && build.lastEnd !== null ? exactSeconds(build.lastEnd - build.firstStart) : null,
        });
        result.notes.push(...renderProblems(build.problems));
        // The first step's header, as the plain printer would show it (an object may only announce vertices).
        const first = result.steps[0];
        if (first)
            result.boundary.first = { line: first.line, text: `#${first.id} ${first.name}` };
        if (build.lastEvent)
            result.boundary.last = { line: build.lastEvent.line, text: (0,detach/* detach */.Y)(build.lastEvent.text) };
        // A build that did not end well without an error (a log cut off) is explained, if at all, by its last lines.
        if (result.status === 'unknown')
            this.excerpt.mark(true);
        if (result.status !== 'success' || state.hasStepErrors) {
            const from = this.finished.length === 0 ? (this.firstLine ?? state.firstLine) : state.firstLine;
            result.excerpt = mergeEvidence(this.excerpt.between(from, lastLine), result.failedStepTail, result.errorDetails, result.errors);
        }
        this.finished.push({ build: result, extras: { digests: build.digests, warnings: build.warnings } });
    }
}
/** Several lists of evidence as one, in input order, each line once. */
function mergeEvidence(...lists) {
    const seen = new Set();
    const out = [];
    for (const list of lists) {
        for (const line of list) {
            const key = `${line.line}\u0000${line.text}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(line);
        }
    }
    // Stable: lines that share a line number keep their order of arrival.
    return out.sort((a, b) => a.line - b.line);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/auto-parser.ts



/** Blank lines held at most before the first line with text decides the format. */
const MAX_HELD = 1000;
/**
 * A parser with BuildLogParser's shape that picks the format from the first line with text: rawjson
 * progress goes to RawJsonParser, anything else to BuildLogParser. Nothing is read twice: blank lines
 * before that line are held (a few) and handed over once the format is known.
 */
class AutoDetectParser {
    source;
    name;
    selector;
    outputAsBytes;
    emit;
    parser = null;
    held = [];
    constructor(source, 
    /** What to call builds of an input without job names (BuildLogParser's and RawJsonParser's `name`). */
    name = null, 
    /** Which lines the signatures will want (the catalog decides what is kept for the diagnosis). */
    selector = null, 
    /** rawjson step output kept as bytes until quoted; false renders every line (the reference it is tested against). */
    outputAsBytes = true, 
    /** Where the plain parser hands each build as its job ends (BuildLogParser's `emit`); rawjson builds come from end(). */
    emit = null) {
        this.source = source;
        this.name = name;
        this.selector = selector;
        this.outputAsBytes = outputAsBytes;
        this.emit = emit;
    }
    /** The format chosen, once a line with text was seen. */
    get format() {
        if (this.parser === null)
            return null;
        return this.parser instanceof RawJsonParser ? 'rawjson' : 'plain';
    }
    /** Input problems a rawjson input had when it held no build (in the builds' notes otherwise). */
    get notes() {
        return this.parser instanceof RawJsonParser ? this.parser.notes : [];
    }
    /** The plain parser, once the input is known to be a plain log (the line reader's shortcut talks to it). */
    get plain() {
        return this.parser instanceof BuildLogParser ? this.parser : null;
    }
    push(line) {
        if (this.parser === null) {
            if (line.text.trim() === '') {
                if (this.held.length < MAX_HELD)
                    this.held.push(line);
                return;
            }
            this.parser = looksLikeRawJson(line.text)
                ? new RawJsonParser(this.source, this.name, this.selector, this.outputAsBytes)
                : new BuildLogParser(this.source, this.name, this.selector, this.emit);
            for (const held of this.held)
                this.parser.push(held);
            this.held = [];
        }
        this.parser.push(line);
    }
    /**
     * A whole line as bytes (see readLines' LineBytesConsumer): taken only by the rawjson parser, and
     * only when it can read the line without its text; otherwise the caller pushes it as a line.
     */
    pushBytes(data, start, end, no) {
        return this.parser instanceof RawJsonParser && this.parser.pushBytes(data, start, end, no);
    }
    end() {
        // Nothing but blank lines: the plain parser says what it says about an empty log.
        const parser = this.parser ?? new BuildLogParser(this.source, this.name, this.selector, this.emit);
        for (const held of this.held)
            parser.push(held);
        this.held = [];
        return parser.end();
    }
}

// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __nccwpck_require__(3326);
;// CONCATENATED MODULE: ./src/parse/redact-build.ts

/** Step names longer than this are cut: a name is a label, and memory must not grow with one line. */
const MAX_NAME = 1024;
/**
 * Takes secrets out of everything a build keeps from its log, once, before anything reports on it:
 * the build's, job's and file's names, step names and errors, error lines and excerpts, the command's options (a `--cache-to` can hold
 * S3 keys), notes. Reports, findings and the JSON report are made from this model only.
 */
function redactBuild(build) {
    // A token can sit in a job's or a file's name too (a matrix value, a path built from a secret).
    build.name = (0,redact/* redact */.E)(cut(build.name));
    build.source = (0,redact/* redact */.E)(build.source);
    if (build.job !== null)
        build.job = (0,redact/* redact */.E)(cut(build.job));
    for (const step of build.steps) {
        step.name = (0,redact/* redact */.E)(cut(step.name));
        step.command = (0,redact/* redact */.E)(cut(step.command));
        if (step.error !== null)
            step.error = (0,redact/* redact */.E)(step.error);
        if (step.endText !== null)
            step.endText = (0,redact/* redact */.E)(step.endText);
    }
    const lines = (list) => {
        for (const line of list)
            line.text = (0,redact/* redact */.E)(line.text);
    };
    lines(build.errors);
    lines(build.errorDetails);
    lines(build.failedStepTail);
    lines(build.cache.warnings ?? []);
    lines(build.excerpt);
    for (const marked of build.markedNonInstructions) {
        marked.text = (0,redact/* redact */.E)(marked.text);
        marked.word = (0,redact/* redact */.E)(marked.word);
    }
    build.boundary.first.text = (0,redact/* redact */.E)(build.boundary.first.text);
    build.boundary.last.text = (0,redact/* redact */.E)(build.boundary.last.text);
    for (const list of [build.cache.imports, build.cache.exports])
        for (const op of list)
            if (op.ref !== null)
                op.ref = (0,redact/* redact */.E)(op.ref);
    build.request.cacheFrom = build.request.cacheFrom.map(redact/* redact */.E);
    build.request.cacheTo = build.request.cacheTo.map(redact/* redact */.E);
    build.request.tags = build.request.tags.map(redact/* redact */.E);
    if (build.request.dockerfile !== null)
        build.request.dockerfile = (0,redact/* redact */.E)(build.request.dockerfile);
    build.notes = build.notes.map(redact/* redact */.E);
    build.runner.metadataTemplates = build.runner.metadataTemplates.map(redact/* redact */.E);
}
function cut(text) {
    return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}\u2026` : text;
}

// EXTERNAL MODULE: ./src/diagnose/line-selector.ts
var line_selector = __nccwpck_require__(1564);
// EXTERNAL MODULE: ./src/diagnose/literal-set.ts
var literal_set = __nccwpck_require__(1326);
// EXTERNAL MODULE: ./src/parse/quiet-line.ts
var quiet_line = __nccwpck_require__(1062);
;// CONCATENATED MODULE: ./src/parse/step-output-shortcut.ts





const step_output_shortcut_TAB = 0x09;
const step_output_shortcut_SPACE = 0x20;
const step_output_shortcut_HASH = 0x23;
const step_output_shortcut_DOT = 0x2e;
const LETTER_O = 0x4f;
const LETTER_E = 0x45;
const LETTER_S = 0x73;
const DEL = 0x7f;
/** Longer step numbers are left to the parser (a number this long is not BuildKit's). */
const MAX_ID_DIGITS = 9;
function isDigit(byte) {
    return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}
/** `SECONDS.FRACTION `: the time since the step started, which starts a step's own output. */
function isOutput(bytes, at) {
    if (!isDigit(bytes[at]))
        return false;
    while (isDigit(bytes[at]))
        at++;
    if (bytes[at] !== step_output_shortcut_DOT || !isDigit(bytes[at + 1]))
        return false;
    at++;
    while (isDigit(bytes[at]))
        at++;
    return bytes[at] === step_output_shortcut_SPACE;
}
/** Whether `bytes[at, end)` starts with `word`. */
function step_output_shortcut_startsWith(bytes, at, end, word) {
    if (end - at < word.length)
        return false;
    for (let k = 0; k < word.length; k++)
        if (bytes[at + k] !== word.charCodeAt(k))
            return false;
    return true;
}
/** Whether `bytes[at, end)` is `...`: BuildKit's mark that another step's output comes between. */
function isEllipsis(bytes, at, end) {
    return end - at === 3 && bytes[at] === step_output_shortcut_DOT && bytes[at + 1] === step_output_shortcut_DOT && bytes[at + 2] === step_output_shortcut_DOT;
}
/**
 * For `DONE` or `DONE 1.23s` (vertex-line.ts's DONE, `^DONE(?: (\d+(?:\.\d+)?)s)?$`) in
 * `bytes[at, end)`: the seconds, or null without them; undefined for any other text.
 */
function doneSeconds(bytes, at, end) {
    if (!step_output_shortcut_startsWith(bytes, at, end, 'DONE'))
        return undefined;
    if (end - at === 4)
        return null;
    let k = at + 4;
    if (bytes[k] !== step_output_shortcut_SPACE || !isDigit(bytes[k + 1]))
        return undefined;
    const from = ++k;
    while (isDigit(bytes[k]))
        k++;
    if (bytes[k] === step_output_shortcut_DOT) {
        if (!isDigit(bytes[k + 1]))
            return undefined;
        k++;
        while (isDigit(bytes[k]))
            k++;
    }
    if (bytes[k] !== LETTER_S || k + 1 !== end)
        return undefined;
    return Number(bytes.toString('latin1', from, k));
}
const END_GROUP = '##[endgroup]';
/** Whether `bytes[at, end)` is `##[endgroup]` and nothing else: the runner's group ends (its decoded text is empty). */
function isEndGroup(bytes, at, end) {
    return end - at === END_GROUP.length && step_output_shortcut_startsWith(bytes, at, end, END_GROUP);
}
// What else a step's line says (vertex-line.ts): its status, its digest (old BuildKit), the image
// it pushed or named. Left to the parser: a few lines a step (but `...` and `DONE`, above).
const STATUS_OR_IMAGE = ['DONE', 'CACHED', 'CANCELED', 'ERROR', '...', 'pushing manifest for ', 'naming to '];
const DIGEST_LENGTH = 'sha256:'.length + 64;
function isStatusOrImage(bytes, at, end) {
    for (const word of STATUS_OR_IMAGE)
        if (step_output_shortcut_startsWith(bytes, at, end, word))
            return true;
    return end - at === DIGEST_LENGTH && step_output_shortcut_startsWith(bytes, at, end, 'sha256:');
}
/**
 * The shortcut for the most common lines of a real log: a step's own output
 * (`JOB<TAB>STEP<TAB>TIMESTAMP #12 3.456 Compiling foo v1.0`, or the same without `JOB<TAB>STEP<TAB>`
 * in a job log), its progress (`#9 sha256:... 22.5MB / 222.5MB 0.2s`) and its header printed again.
 * Such a line is recognised from its bytes and taken without being decoded to a string, without the
 * decoder's regular expressions and without the dialects: the parser only counts it, keeps it as
 * bytes for the excerpt and the step's tail, and moves the build's time on.
 *
 * Taken is a line that would go the whole way to exactly that, nothing else; every other line goes
 * the usual way (bytes -> RawLine -> DecodedLine -> parser), so the result is the same with or
 * without the shortcut (__tests__/step-output-shortcut.test.ts runs both over every fixture). A line
 * is taken only when:
 * - it continues the line before it: the same format, and for gh run view the same job and step
 *   (compared as bytes), so the decoder's state but its timestamp stays as it is;
 * - its timestamp has the runner's shape and is valid, then `#N` and a blank;
 * - the rest is ASCII without control characters (no escape sequence, nothing a decoder strips),
 *   with no blank at either end (a pasted log's padding is trimmed) and, in a job log, no tab (a
 *   tab could make it a gh run view line);
 * - it is not a status (`CACHED`, `ERROR`, ...), a digest or an image the step pushed or named;
 *   `DONE` (with or without its seconds) and `...` are taken: the step's end is set from the
 *   first (BuildLogParser.takeStepDone), the second is taken as a header is;
 * - the catalog does not select it (scan() and selects(): the parser marks the excerpt for a selected line);
 * - the parser agrees: the open build is a plain one with step N, and nothing is waiting for a line.
 *
 * A line of the same prefix and timestamp whose text is not a step's (`#N `) is offered to the
 * quiet-line test instead (takeQuiet): the runner's and the actions' own lines, most of a log
 * outside the steps.
 */
class StepOutputShortcut {
    decoder;
    parser;
    selector;
    /** How many step lines were taken (the tests show that the shortcut was used). */
    taken = 0;
    /** How many quiet lines (quiet-line.ts) were taken. */
    takenQuiet = 0;
    /** How many `##[endgroup]` lines were taken. */
    takenEndGroups = 0;
    /** Reads each line's timestamp (and where it ends). */
    timestamps = new RunnerTimestampReader();
    /** The parser's literals, to tell a quiet line (null: the shortcut takes none). */
    quiet = (0,quiet_line/* quietLinePrefilter */.S2)();
    constructor(decoder, 
    /** The plain parser, once the input is known to be a plain log (null before, and for rawjson). */
    parser, selector) {
        this.decoder = decoder;
        this.parser = parser;
        this.selector = selector;
    }
    /**
     * Whether `bytes[start, end)` (printable ASCII: scan() said so) is the step's name: its header
     * printed again. Compared with the name's characters one to one: an ASCII byte is its character,
     * and a name with a character beyond ASCII cannot equal ASCII bytes (that character differs). No
     * bytes of the name are made: lines of two steps interleave (a multi-platform build), so a cache
     * of the last step's name missed on most lines and fell back to a WeakMap lookup.
     */
    isName(vertex, bytes, start, end) {
        const name = vertex.name;
        if (name.length !== end - start)
            return false;
        for (let k = 0; k < name.length; k++)
            if (bytes[start + k] !== name.charCodeAt(k))
                return false;
        return true;
    }
    /**
     * Whether `bytes[start, end)` is printable ASCII (no control character but, when `tabs`, a tab;
     * nothing from DEL on) and, if so, whether a literal of the catalog is in it: one pass over the
     * line for both (LineSelector.scanPrintableBytes). Without a selector, no line holds a literal.
     */
    scan(bytes, start, end, tabs) {
        if (this.selector !== null)
            return this.selector.scanPrintableBytes(bytes, start, end, tabs);
        for (let k = start; k < end; k++) {
            const byte = bytes[k];
            if (byte >= DEL || (byte < step_output_shortcut_SPACE && (byte !== step_output_shortcut_TAB || !tabs)))
                return literal_set/* NOT_PRINTABLE */.qv;
        }
        return literal_set/* NO_LITERAL */.WZ;
    }
    /**
     * scan() and the search for the parser's literals (quiet-line.ts) in one pass when there is a
     * selector (LineSelector.scanQuietBytes): NOT_PRINTABLE, or the bits LITERAL_FOUND and PARSER_LITERAL.
     */
    scanQuiet(bytes, start, end, tabs) {
        if (this.selector !== null)
            return this.selector.scanQuietBytes(bytes, start, end, tabs);
        const scan = this.scan(bytes, start, end, tabs);
        if (scan === literal_set/* NOT_PRINTABLE */.qv)
            return scan;
        return this.quiet.testBytes(bytes, start, end) ? scan | line_selector/* PARSER_LITERAL */.ow : scan;
    }
    /**
     * For ASCII text in `bytes[start, end)` that holds a literal of some signature (scan() said so):
     * whether the catalog selects it as the parser would test it (LineSelector.select on the text
     * without blanks at either end). Most lines hold no literal and are answered from their bytes; a
     * line that holds one (`time`, `unicode` in a compiler's output) is decoded and asked, so that
     * only a line a signature confirms (or a team signature's literal alone selects) goes the whole way.
     */
    selects(bytes, start, end) {
        const text = bytes.toString('latin1', start, end);
        const first = text.charCodeAt(0);
        const last = text.charCodeAt(text.length - 1);
        return this.selector.select(first === step_output_shortcut_SPACE || first === step_output_shortcut_TAB || last === step_output_shortcut_SPACE || last === step_output_shortcut_TAB ? text.trim() : text);
    }
    /** A line as bytes (`bytes[start, end)`, without its LF): whether it was taken. */
    take(bytes, start, end, no) {
        const decoder = this.decoder;
        const format = decoder.lastFormat;
        let at = start;
        if (format === 'gh-run-view') {
            const prefix = decoder.prefixBytes();
            if (prefix === null || end - start <= prefix.length)
                return false;
            for (let k = 0; k < prefix.length; k++)
                if (bytes[at + k] !== prefix[k])
                    return false;
            at += prefix.length;
        }
        else if (format !== 'actions') {
            return false;
        }
        // Read whole, shape and value, before anything else: a line whose timestamp is not a time
        // (hour 24) is never taken, whatever follows.
        const timestamp = this.timestamps.read(bytes, at);
        if (timestamp === null)
            return false;
        at = this.timestamps.end;
        if (bytes[at] !== step_output_shortcut_SPACE)
            return false;
        if (bytes[at + 1] !== step_output_shortcut_HASH)
            return this.takeQuiet(bytes, timestamp, at + 1, end, no, format);
        if (isEndGroup(bytes, at + 1, end))
            return this.takeEndGroup(timestamp, no, format);
        const textStart = at + 1;
        // `#N `: the step's number.
        at += 2;
        let id = 0;
        const idStart = at;
        while (isDigit(bytes[at]))
            id = id * 10 + bytes[at++] - 0x30;
        if (at === idStart || at - idStart > MAX_ID_DIGITS || bytes[at] !== step_output_shortcut_SPACE)
            return false;
        const restStart = at + 1;
        const scan = this.scan(bytes, restStart, end, format === 'gh-run-view');
        if (scan === literal_set/* NOT_PRINTABLE */.qv)
            return false;
        const last = bytes[end - 1];
        if (restStart === end || last === step_output_shortcut_SPACE || last === step_output_shortcut_TAB)
            return false;
        const output = isOutput(bytes, restStart);
        const ellipsis = !output && isEllipsis(bytes, restStart, end);
        const done = output || ellipsis ? undefined : doneSeconds(bytes, restStart, end);
        // `#0 building with ...` opens a build; only output is taken for step 0.
        if (!output && (id === 0 || (!ellipsis && done === undefined && isStatusOrImage(bytes, restStart, end))))
            return false;
        if (scan === literal_set/* LITERAL_FOUND */.V7 && this.selects(bytes, restStart, end))
            return false;
        const parser = this.parser();
        if (parser === null)
            return false;
        const vertex = parser.openStepFor(format, decoder.lastJob, id);
        if (vertex === null)
            return false;
        // A line that repeats the step's name is its header: nothing but the build's last line moves
        // (as for `...`, which says nothing of the step).
        const header = this.isName(vertex, bytes, restStart, end);
        if (done !== undefined && !header)
            parser.takeStepDone(vertex, no, timestamp, bytes.toString('latin1', textStart, end), done);
        else
            parser.takeStepLine(vertex, no, timestamp, new line_bytes/* LineBytes */.i(no, bytes, textStart, end), !header && !ellipsis);
        decoder.tookLine(timestamp);
        this.taken++;
        return true;
    }
    /** A `##[endgroup]` line: the parser ends the group (BuildLogParser.takeEndGroup). */
    takeEndGroup(timestamp, no, format) {
        const parser = this.parser();
        if (parser === null || !parser.takeEndGroup(format, this.decoder.lastJob, no, timestamp))
            return false;
        this.decoder.tookLine(timestamp);
        this.takenEndGroups++;
        return true;
    }
    /**
     * A line whose text (`bytes[textStart, end)`, after the prefix and the timestamp's blank) is not a
     * step's: taken when it is quiet (quiet-line.ts) and the parser's state lets it pass.
     * - ASCII without control characters (nothing the decoder strips, no runner command: those start
     *   with `#`, as a step's line does, and go the whole way: so does any line whose first byte but
     *   blanks is `#`, as the parser trims them), no tab in a job log (it could make it a gh run view
     *   line). Blanks at either end are fine: every test of the parser but the
     *   vertex line's looks for a literal (or is done in a state the parser checks), and a literal
     *   is in the trimmed text only if it is in the whole one;
     * - in a job log, not GitLab's stream marker (`00O `), which the decoder removes;
     * - none of the parser's literals (quiet-line.ts), not a command line that runs `docker`
     *   (quiet-line.ts), and the catalog does not select it (scan() and selects()).
     */
    takeQuiet(bytes, timestamp, textStart, end, no, format) {
        if (this.quiet === null)
            return false;
        const parser = this.parser();
        if (parser === null || !parser.passesQuietLine(format, this.decoder.lastJob))
            return false;
        const tabs = format === 'gh-run-view';
        if (!tabs && textStart + 2 < end && (bytes[textStart + 2] === LETTER_O || bytes[textStart + 2] === LETTER_E))
            return false;
        const scan = this.scanQuiet(bytes, textStart, end, tabs);
        if (scan === literal_set/* NOT_PRINTABLE */.qv || (scan & line_selector/* PARSER_LITERAL */.ow) !== 0)
            return false;
        // The first byte that is not a blank: the parser tests the line without them for `#N`.
        let first = textStart;
        while (first < end && (bytes[first] === step_output_shortcut_SPACE || bytes[first] === step_output_shortcut_TAB))
            first++;
        if (first < end && bytes[first] === step_output_shortcut_HASH)
            return false;
        if ((0,quiet_line/* startsWithParserPrefix */.hj)(bytes, textStart, end) || (0,quiet_line/* startsWithDockerWord */.uw)(bytes, textStart, end))
            return false;
        if ((scan & literal_set/* LITERAL_FOUND */.V7) !== 0 && this.selects(bytes, textStart, end))
            return false;
        parser.takeQuietLine(no, timestamp, new line_bytes/* LineBytes */.i(no, bytes, textStart, end));
        this.decoder.tookLine(timestamp);
        this.takenQuiet++;
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/parse-source.ts







const FIRST_LINE_QUOTE = 120;
/** Reads one source through the pipeline: bytes -> lines -> decoded lines -> builds. */
/**
 * `selector` is the catalog's say in what is kept for the diagnosis (diagnose/line-selector.ts);
 * without one, only lines that state a failure in general words are.
 */
async function parseSource(source, selector = null, options = {}) {
    const decoder = new LineDecoder();
    const sink = options.sink ?? null;
    const returned = [];
    let buildCount = 0;
    const deliver = (build) => {
        buildCount++;
        source.enrich?.([build]);
        redactBuild(build);
        if (sink)
            sink(build);
        else
            returned.push(build);
    };
    const parser = new AutoDetectParser(source.label, source.name, selector, options.shortcut !== false, deliver);
    const shortcut = options.shortcut === false ? null : new StepOutputShortcut(decoder, () => parser.plain, selector);
    let cutLines = 0;
    /** rawjson lines its parser read from their bytes (counted with the shortcut's). */
    let rawjsonTaken = 0;
    let firstText = null;
    let counts = { lines: 0, bytes: 0 };
    const problems = [];
    try {
        const chunks = await source.open();
        const take = (raw) => {
            const line = decoder.decode(raw);
            if (firstText === null && line.text.trim() !== '')
                firstText = line.text.trim();
            parser.push(line);
        };
        // Before the first line with text is seen, every line goes the whole way (it decides the format).
        // A rawjson input's canonical `logs` lines are read from their bytes by its parser, while the
        // decoder reads unprefixed lines (where such a line decodes to itself, and changes nothing here).
        const takeRawJson = (bytes, start, end, no) => {
            if (decoder.lastFormat !== 'plain' || !parser.pushBytes(bytes, start, end, no))
                return false;
            rawjsonTaken++;
            return true;
        };
        const takeBytes = shortcut && ((bytes, start, end, no) => firstText !== null && (shortcut.take(bytes, start, end, no) || takeRawJson(bytes, start, end, no)));
        counts = await readLines(chunks, (raw) => {
            if (raw.cutBytes > 0)
                cutLines++;
            // Terminal output pasted into a file redraws with a lone `\r`: each part is a line of its own
            // (with the same line number, which is where it is in the file).
            if (raw.text.includes('\r')) {
                for (const part of raw.text.split('\r'))
                    if (part !== '')
                        take({ ...raw, text: part });
            }
            else {
                take(raw);
            }
        }, undefined, takeBytes, 
        // A file is read into one buffer, filled again for each chunk: what the parser holds as bytes
        // (the excerpt ring, the open build's last line and step tail) is decoded before that.
        source.reusesChunks ? () => parser.plain?.settleBytes() : null);
    }
    catch (error) {
        const message = (0,errors/* describeError */.U)(error);
        problems.push({ source: source.label, message: message.startsWith(source.label) ? message : `${source.label}: ${message}` });
    }
    for (const build of parser.end())
        deliver(build);
    if (problems.length === 0) {
        if (counts.bytes === 0 || firstText === null) {
            problems.push({ source: source.label, message: `${source.label}: the log is empty` });
        }
        else if (buildCount === 0) {
            problems.push({ source: source.label, message: noBuildMessage(source.label, firstText) });
            for (const note of parser.notes)
                problems.push({ source: source.label, message: `${source.label}: ${note}` });
        }
    }
    if (cutLines > 0) {
        problems.push({ source: source.label, message: `${source.label}: ${cutLines} line(s) longer than 64 KiB were cut` });
    }
    return {
        source: source.label,
        builds: returned,
        buildCount,
        problems: problems.map((p) => ({ ...p, message: (0,redact/* redact */.E)(p.message) })),
        ...counts,
        shortcutLines: (shortcut?.taken ?? 0) + (shortcut?.takenQuiet ?? 0) + (shortcut?.takenEndGroups ?? 0) + rawjsonTaken,
        quietLines: shortcut?.takenQuiet ?? 0,
        endGroupLines: shortcut?.takenEndGroups ?? 0,
    };
}
function noBuildMessage(label, firstText) {
    const quote = firstText.length > FIRST_LINE_QUOTE ? `${firstText.slice(0, FIRST_LINE_QUOTE)}\u2026` : firstText;
    if (/still in progress|not (yet )?(be )?available/i.test(firstText)) {
        return `${label}: the run was still in progress when this log was saved, so it holds no build output ("${quote}"); fetch the log again once the run has finished`;
    }
    return `${label}: no Docker build output found (first line: "${quote}")`;
}

;// CONCATENATED MODULE: ./src/young-generation.ts
/**
 * How large V8's young generation may grow, per semi-space. Measured on the 100 MB plain input
 * (README, Benchmark): left alone it grows to 16 MiB a semi-space (32 MiB of RSS for the young
 * generation alone, a peak of 106-117 MiB); held at 4 MiB the peak is 84 MiB with no CPU cost
 * seen; held at its first 1 MiB scavenges promote more to the old generation (86-90 MiB).
 */
const YOUNG_SEMI_SPACE_MIB = 4;
const MIB = 1024 * 1024;
let bounded = false;
/**
 * Keeps V8's young generation from growing past `semiSpaceMiB` per semi-space, from inside the
 * process: a long analysis allocates steadily, and V8 doubles the young generation each time the
 * bytes surviving its scavenges add up to its size, so a long read ends with it at the maximum,
 * however little of each line's garbage survives. The maximum (`--max-semi-space-size`) is read once when the heap is set up
 * and only a command-line flag sets it; the runner starts the action as `node dist/index.js`, and
 * `v8.setFlagsFromString` of that flag changes nothing afterwards (measured). The growth factor is
 * read at each growth: once the young generation has reached the bound, a factor of 1 stops it
 * there. A `gc` performance observer sees each growth; it lets go once the bound is set.
 *
 * Nothing here changes what is computed, only when V8 collects garbage. Idempotent; a V8 that
 * refuses the flag or lacks the statistics leaves the process as it was.
 *
 * `node:v8` and `perf_hooks` are loaded here, when a long read asks for the bound
 * (src/large-input.ts), not with the bundle: on a two-line log they were about 2% of the start.
 * `process.getBuiltinModule` loads them synchronously, so the bound is in place before the chunk
 * that asked for it is parsed; a Node without it (before 20.16) runs with V8's own young generation.
 */
function boundYoungGeneration(semiSpaceMiB = YOUNG_SEMI_SPACE_MIB) {
    if (bounded)
        return;
    bounded = true;
    if (typeof process.getBuiltinModule !== 'function')
        return;
    const { getHeapSpaceStatistics, setFlagsFromString } = process.getBuiltinModule('node:v8');
    const { PerformanceObserver } = process.getBuiltinModule('node:perf_hooks');
    const limit = semiSpaceMiB * MIB;
    const stopGrowing = () => {
        const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
        if (newSpace === undefined)
            return true;
        if (newSpace.space_size < limit)
            return false;
        setFlagsFromString('--semi-space-growth-factor=1');
        return true;
    };
    try {
        if (stopGrowing())
            return;
        const observer = new PerformanceObserver(() => {
            try {
                if (stopGrowing())
                    observer.disconnect();
            }
            catch {
                observer.disconnect();
            }
        });
        observer.observe({ entryTypes: ['gc'] });
    }
    catch {
        // No observer, no bound: the analysis runs the same, with V8's own young generation.
    }
}

;// CONCATENATED MODULE: ./src/large-input.ts

/**
 * Input bytes after which V8's young generation is bounded (src/young-generation.ts). The bound only
 * matters for a long read, and a short log should not pay for it: `node:v8` and `perf_hooks`, which
 * it loads, were about 2% of the start of a run on a two-line log (README, "Start"). It must still
 * come early: the objects that survive the start (compiled code, the catalog) already make V8 grow
 * the young generation within the first megabytes of a read. A file's first chunk (up to 1 MiB,
 * src/input/log-source.ts) past this size installs it before that chunk is parsed.
 */
const LARGE_INPUT_BYTES = 256 * 1024;
/** The young generation bounded once the sources together have yielded more than `threshold` bytes. */
function boundYoungGenerationPast(sources, threshold = LARGE_INPUT_BYTES) {
    return onLargeInput(sources, threshold, () => boundYoungGeneration());
}
/**
 * The same sources, counting the bytes they yield: `act` runs once, when all of them together have
 * yielded more than `threshold`. Each chunk is passed on as it comes and the next one is read only
 * when the reader asks for it, so a source that fills one buffer again for each chunk
 * (`reusesChunks`) keeps its contract.
 */
function onLargeInput(sources, threshold, act) {
    let seen = 0;
    let acted = false;
    const count = (chunk) => {
        seen += chunk.length;
        if (acted || seen <= threshold)
            return;
        acted = true;
        act();
    };
    return sources.map((source) => ({
        ...source,
        async open() {
            return countChunks(await source.open(), count);
        },
    }));
}
async function* countChunks(chunks, count) {
    for await (const chunk of chunks) {
        count(chunk);
        yield chunk;
    }
}

;// CONCATENATED MODULE: ./src/parse/parse-sources.ts


/**
 * How many sources are read at once. A matrix's job logs come from GitHub one request each: while
 * one downloads, others are parsed as their bytes arrive. Each source streams through its own
 * bounded parser, so memory grows with this number, never with the size of a log.
 */
const CONCURRENT_SOURCES = 4;
/**
 * parseSource for every source, at most `limit` at a time, results in the order of `sources`
 * (reports do not depend on which download finished first). With `sink`, each build goes there as
 * it closes, with the index of its source (builds of several sources arrive interleaved).
 *
 * Every command that reads logs reads them here (`analyze`, the action, `doctor --log`): a long
 * read holds V8's young generation small so that peak memory stays flat, and a short one loads
 * nothing for it (src/large-input.ts).
 */
async function parseSources(logs, selector, limit = CONCURRENT_SOURCES, sink = null) {
    const sources = boundYoungGenerationPast(logs);
    const results = new Array(sources.length);
    let next = 0;
    const worker = async () => {
        while (next < sources.length) {
            const index = next++;
            results[index] = await parseSource(sources[index], selector, sink ? { sink: (build) => sink(build, index) } : {});
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), sources.length) }, worker));
    return results;
}


/***/ }),

/***/ 1062:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S2: () => (/* binding */ quietLinePrefilter),
/* harmony export */   T0: () => (/* binding */ quietLineTexts),
/* harmony export */   hj: () => (/* binding */ startsWithParserPrefix),
/* harmony export */   uw: () => (/* binding */ startsWithDockerWord)
/* harmony export */ });
/* unused harmony exports topLevelBranches, anchoredPrefix, quietLineLiterals */
/* harmony import */ var _diagnose_literal_set_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1326);
/* harmony import */ var _diagnose_required_literals_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1068);
/* harmony import */ var _build_lines_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3641);
/* harmony import */ var _failure_line_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(984);
/* harmony import */ var _after_build_error_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7627);





// A "quiet" line of a runner's log is one the parser would only count, keep in the excerpt ring and
// take the time of: the runner's setup, `docker info`, the builder's inspection JSON, a cleanup
// step. Such a line is most of a real log outside a build's steps. Whether a line is quiet is told
// here from its bytes (the text after the runner's prefix, ASCII already checked): it must hold
// none of the texts the parser acts on. The parser's own state says the rest
// (JobState.passesQuietLine).
/**
 * What the parser's regular expressions on an ordinary line (no runner command, not `#N`) cannot
 * match without: worked out from the expressions themselves, so that a pattern added there is never
 * missed here. A top-level alternative anchored at the start with a plain text (FAILURE_LINE's
 * `^E: `) is a prefix of the line without its blanks, tested as such: as a literal found anywhere
 * in any case, `E: ` would turn away every `Name: ...` line of `docker info`. null when an
 * expression has no such set: then no line is quiet.
 */
function derived() {
    const literals = [];
    const prefixes = [];
    // FAILURE_LINE: a failure stated in any tool's words (marks the excerpt, counts failures);
    // FINAL_ERROR: buildx's `ERROR: ...` and its kin (fails the build, opens an error block);
    // CACHE_IMPORT_WARNING: a --cache-from source with nothing in it;
    // DOCKERFILE_POINTER (build-log-parser.ts): BuildKit's `  69 | >>> RUN ...` quote.
    for (const pattern of [_failure_line_js__WEBPACK_IMPORTED_MODULE_0__/* .FAILURE_LINE */ .EV, _build_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .FINAL_ERROR */ .iZ, _build_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .CACHE_IMPORT_WARNING */ .gt, /^\d+ \| >>> /]) {
        for (const branch of topLevelBranches(pattern.source)) {
            const prefix = pattern.flags.includes('i') || pattern.flags.includes('m') ? null : anchoredPrefix(branch);
            if (prefix !== null) {
                prefixes.push(prefix);
                continue;
            }
            const required = (0,_diagnose_required_literals_js__WEBPACK_IMPORTED_MODULE_2__/* .requiredLiterals */ .C)(branch);
            if (required === null)
                return null;
            literals.push(...required);
        }
    }
    return { literals, prefixes };
}
/** The top-level alternatives of a regular expression's source (split at `|` outside groups and classes). */
function topLevelBranches(source) {
    const branches = [];
    let depth = 0;
    let inClass = false;
    let from = 0;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\')
            i++;
        else if (inClass)
            inClass = c !== ']';
        else if (c === '[')
            inClass = true;
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth--;
        else if (c === '|' && depth === 0) {
            branches.push(source.slice(from, i));
            from = i + 1;
        }
    }
    branches.push(source.slice(from));
    return branches;
}
const SPECIAL = new Set(['\\', '(', ')', '[', ']', '{', '}', '|', '?', '*', '+', '.', '^', '$']);
/**
 * For an alternative `^TEXT...` whose TEXT is plain characters: that text (without a last character
 * a quantifier makes optional or repeats), which every line it matches starts with. Else null.
 */
function anchoredPrefix(branch) {
    if (branch[0] !== '^')
        return null;
    let end = 1;
    while (end < branch.length && !SPECIAL.has(branch[end]))
        end++;
    if ('?*+{'.includes(branch[end] ?? '') && end < branch.length)
        end--;
    return end > 1 ? branch.slice(1, end) : null;
}
/**
 * Texts the parser tests lines for with plain string tests (not regular expressions), read from its
 * code. A line holding one of them (in any ASCII case: the set is a prefilter) goes the whole way.
 */
const TESTED_TEXTS = [
    // JobState.noteArchitecture: `OS/Arch:` and `Architecture:` of `docker version` / `docker info`.
    'Arch',
    // RunnerFactsReader.line outside its groups.
    'BuildKit version:',
    'Secret source: ',
    // The dialects' lines (src/parse/dialects): the error block's rule and its pasted header, the tty
    // display's header and steps, the legacy builder's context and steps. Their other lines are read
    // only inside their state (an open block, the legacy dialect's own build), which the parser checks.
    '------',
    '> [',
    '[+] Building',
    '=> ',
    'Sending build context to Docker daemon',
    'Step ',
    // The parser's after-build error reader: a post step begins with it in a job log.
    _after_build_error_js__WEBPACK_IMPORTED_MODULE_3__/* .POST_STEP_LINE */ .zv,
];
let parserLiterals;
let parserPrefixes = [];
/** One automaton over every literal above, made on first use (null: no line can be quiet). */
function quietLinePrefilter() {
    if (parserLiterals === undefined) {
        const found = derived();
        parserLiterals = found === null ? null : new _diagnose_literal_set_js__WEBPACK_IMPORTED_MODULE_4__/* .LiteralSet */ .gv([...found.literals, ...TESTED_TEXTS].map((text) => ({ text, id: 0 })));
        parserPrefixes = found === null ? [] : found.prefixes.map((prefix) => Buffer.from(prefix, 'latin1'));
    }
    return parserLiterals;
}
/**
 * Whether the ASCII text in `bytes[start, end)`, its leading blanks left out, starts with one of
 * the anchored prefixes of the parser's expressions (case counts: none of them ignores it).
 */
function startsWithParserPrefix(bytes, start, end) {
    let at = start;
    while (at < end && (bytes[at] === SPACE || bytes[at] === TAB))
        at++;
    for (const prefix of parserPrefixes) {
        if (end - at < prefix.length)
            continue;
        let same = true;
        for (let k = 0; k < prefix.length && same; k++)
            same = bytes[at + k] === prefix[k];
        if (same)
            return true;
    }
    return false;
}
let parserTexts;
/**
 * The literals quietLinePrefilter() looks for (none when no line can be quiet), for the catalog's
 * automaton to find in the same pass (LineSelector.scanQuietBytes).
 */
function quietLineTexts() {
    parserTexts ??= quietLineLiterals()?.literals ?? [];
    return parserTexts;
}
/** The literals and the anchored prefixes the quiet-line test looks for (for the tests). */
function quietLineLiterals() {
    const found = derived();
    return found === null ? null : { literals: [...found.literals, ...TESTED_TEXTS], prefixes: found.prefixes };
}
const SPACE = 0x20;
const TAB = 0x09;
const DOCKER = Buffer.from('docker');
/**
 * Whether the first or the second word of `bytes[start, end)` (ASCII, words split by blanks) ends
 * with `docker`. isBuildCommand (invocation.ts) takes a line for a build command only when its
 * first word, after an optional `[command]`, `+ ` or `$ `, ends with `docker`: `docker` alone is in
 * too many of a runner's lines (`docker info`, paths, image names) to turn them all away.
 */
function startsWithDockerWord(bytes, start, end) {
    let at = start;
    for (let word = 0; word < 2; word++) {
        while (at < end && (bytes[at] === SPACE || bytes[at] === TAB))
            at++;
        const from = at;
        while (at < end && bytes[at] !== SPACE && bytes[at] !== TAB)
            at++;
        if (at - from >= DOCKER.length) {
            let same = true;
            for (let k = 0; k < DOCKER.length && same; k++)
                same = bytes[at - DOCKER.length + k] === DOCKER[k];
            if (same)
                return true;
        }
    }
    return false;
}


/***/ }),

/***/ 7849:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FZ: () => (/* binding */ cacheKindOfOption),
/* harmony export */   fv: () => (/* binding */ parseVertexName)
/* harmony export */ });
/* unused harmony export cacheKindOfRef */
// `[linux/arm64 builder  2/15] RUN ...`, `[stage-1 2/2] COPY ...`, `[1/4] FROM ...`,
// `[linux/amd64->arm64 build 3/7] RUN ...` (cross-compiling from the build platform), `[3/?] RUN ...`
// (the legacy builder before Docker 1.13 did not print the number of steps), and docker compose's
// `[web builder 3/5] RUN ...` (the service's name first).
const INSTRUCTION = /^\[([^\]]*?) *(\d+)\/(\d+|\?)\] +([A-Z]+)\b ?(.*)$/s;
// A base image BuildKit could not resolve, before the stage's steps were numbered: docker compose's
// `[rabbitmq] FROM docker.io/library/openadr_build:latest` (the service's name, no `n/m`).
const UNNUMBERED_FROM = /^\[([^\]]+)\] +(FROM)\b ?(.*)$/s;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?(?:->[a-z0-9_/]+)?$/;
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
        // Before `n/m`: a platform (it has a slash), then the service (compose) and the stage.
        const words = instruction[1].split(/ +/).filter(Boolean);
        const platform = words.find((w) => PLATFORM.test(w)) ?? null;
        const names = words.filter((w) => w !== platform);
        return {
            ...base,
            platform,
            stage: names[names.length - 1] ?? null,
            index: Number(instruction[2]),
            total: instruction[3] === '?' ? null : Number(instruction[3]),
            instruction: instruction[4],
            command: instruction[5] ?? '',
            kind: 'instruction',
        };
    }
    const bracketed = BRACKETED.exec(name);
    if (bracketed) {
        return { ...base, platform: bracketed[1] ?? null, command: bracketed[3] ?? '', kind: bracketed[2] };
    }
    const unnumbered = UNNUMBERED_FROM.exec(name);
    if (unnumbered) {
        const words = unnumbered[1].split(/ +/).filter(Boolean);
        const platform = words.find((w) => PLATFORM.test(w)) ?? null;
        const names = words.filter((w) => w !== platform);
        return { ...base, platform, stage: names[names.length - 1] ?? null, instruction: 'FROM', command: unnumbered[3] ?? '', kind: 'instruction' };
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


/***/ }),

/***/ 5676:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ DIGEST),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Rd: () => (/* binding */ withTag),
/* harmony export */   fL: () => (/* binding */ explainReference),
/* harmony export */   hQ: () => (/* binding */ withDigest),
/* harmony export */   x_: () => (/* binding */ InvalidReferenceError)
/* harmony export */ });
/* unused harmony export DOCKER_HUB */
// Image references, the one parser of the project (distribution/reference's grammar):
// `[host[:port]/]path[:tag][@digest]`. The first component is a host when it has a `.` or a `:`, is
// `localhost`, or has upper case letters; path components are lowercase [a-z0-9] joined by `.`, `_`,
// `__` or `-`s; a tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Docker Hub names (`alpine`, `user/app`,
// `index.docker.io/...`) are `docker.io/...`, one-component names under `library/`, as docker writes them.
// The image sizes read references with it, and the diagnosis names the rule a bad tag breaks.
/** Docker Hub, as docker names it in references. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Any algorithm's digest (`sha256:...`, `sha512:...`). */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
/** A reference that does not follow the grammar; the message is one line. */
class InvalidReferenceError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidReferenceError';
    }
}
/** The grammar, once: the parts of a reference, or the rule it breaks in words. */
function check(text) {
    if (text === '')
        return { problem: 'the reference is empty' };
    if (/\s/.test(text))
        return { problem: 'it contains white space' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
        return { problem: 'a reference has no scheme (drop the `://` part)' };
    let rest = text;
    let digest = null;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest) || (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest))) {
            return { problem: 'the part after `@` is not a digest (`sha256:` and 64 hex digits)' };
        }
    }
    const components = rest.split('/');
    let host = null;
    const first = components[0];
    if (components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
        host = first;
        components.shift();
    }
    // The tag is after the last `:` of the path (a host's port went with the host).
    let tag = null;
    const last = components[components.length - 1];
    const colon = last.lastIndexOf(':');
    if (colon !== -1) {
        tag = last.slice(colon + 1);
        components[components.length - 1] = last.slice(0, colon);
        if (tag === '')
            return { problem: 'the tag after `:` is empty: a variable or template produced nothing' };
        if (tag.length > 128)
            return { problem: `the tag is ${tag.length} characters long; at most 128 are allowed` };
        if (/^[.-]/.test(tag))
            return { problem: `the tag \`${tag}\` starts with \`${tag[0]}\`; a tag must start with a letter, a digit or \`_\`` };
        if (!TAG.test(tag))
            return { problem: `the tag \`${tag}\` may only hold letters, digits, \`_\`, \`.\` and \`-\`` };
    }
    if (host !== null && !HOST.test(host))
        return { problem: `\`${host}\` is not a valid registry host` };
    if (components.some((c) => c === '')) {
        return { problem: 'the name has an empty component (`//`, or a leading or trailing `/`): a variable in it is probably empty' };
    }
    for (const component of components) {
        if (component !== component.toLowerCase() && COMPONENT.test(component.toLowerCase()))
            return { problem: `the repository name must be lowercase (\`${component}\`)` };
        if (!COMPONENT.test(component))
            return { problem: `the name component \`${component}\` may only hold a-z, 0-9 and single \`.\`, \`_\`, \`__\` or \`-\` between them` };
    }
    const registry = host === null || DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB : host.toLowerCase();
    let repository = components.join('/');
    if (registry === DOCKER_HUB && components.length === 1)
        repository = `library/${repository}`;
    if (repository.length > 255)
        return { problem: 'the repository name is over 255 characters' };
    if (tag === null && digest === null)
        tag = 'latest';
    return { ok: { registry, repository, tag, digest } };
}
/** Parses `ghcr.io/org/app:tag`, `app@sha256:...`, `127.0.0.1:5000/x:y`; throws InvalidReferenceError. */
function parseReference(input) {
    const text = input.trim();
    const checked = check(text);
    if (checked.problem === undefined)
        return checked.ok;
    const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}\u2026` : text);
    throw new InvalidReferenceError(`invalid image reference ${shown}: ${checked.problem}`);
}
/** Which rule of the grammar a reference breaks, in words; null when it is valid. */
function explainReference(reference) {
    return check(reference).problem ?? null;
}
/** `registry/repository[:tag][@digest]`, e.g. `127.0.0.1:5000/app:v1`, `docker.io/library/alpine:3`. */
function formatReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}
/** The same repository at another tag (the baseline), without a digest. */
function withTag(ref, tag) {
    if (!TAG.test(tag))
        throw new InvalidReferenceError(`invalid tag ${JSON.stringify(tag)}: a tag is 1 to 128 of letters, digits, \`_\`, \`.\`, \`-\`, not starting with \`.\` or \`-\``);
    return { registry: ref.registry, repository: ref.repository, tag, digest: null };
}
/** The same repository at a digest: one manifest of an index. */
function withDigest(ref, digest) {
    return { registry: ref.registry, repository: ref.repository, tag: null, digest };
}


/***/ }),

/***/ 3205:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ newFindings),
/* harmony export */   d_: () => (/* binding */ baselineSection)
/* harmony export */ });
/* unused harmony export cacheBreakSentence */
/* harmony import */ var _compare_cache_break_advice_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7288);
/* harmony import */ var _text_bytes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1080);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3326);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2011);





// "Against the baseline": how each build compares with the baseline's, and where its cache broke.
// Every value that comes from a log (instructions, names, BuildKit's warnings) is escaped here.
/** In the PR comment: rows of the table and cache break sentences shown, the rest counted. */
const COMPACT_ROWS = 10;
const COMPACT_BREAKS = 5;
/**
 * Empty without a baseline: a build's own chain break is already a finding (`cache-miss`); the JSON
 * report still has its `cacheBreak`.
 */
function baselineSection(analysis, options) {
    const comparison = analysis.comparison;
    if (!comparison?.hasBaseline)
        return '';
    const pairs = analysis.builds
        .map((b, i) => ({ head: b, compared: comparison.builds[i] }))
        .filter((p) => p.compared !== undefined);
    const breaks = pairs.filter((p) => p.compared.cacheBreak);
    const compared = pairs.filter((p) => p.compared.baseline);
    if (compared.length === 0 && breaks.length === 0)
        return comparison.note ? [options.heading, `<sub>${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(comparison.note)}</sub>`].join('\n\n') : '';
    const many = analysis.builds.length > 1;
    const blocks = [options.heading];
    const about = comparison.baselineLabel ? `Baseline: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(comparison.baselineLabel))}` : '';
    const sub = [about, comparison.note ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(comparison.note) : ''].filter(Boolean).join(' \u00b7 ');
    if (sub)
        blocks.push(`<sub>${sub}</sub>`);
    if (options.compact) {
        // A comment stays short for a big matrix: the job summary has every build.
        if (compared.length > 0)
            blocks.push(compactTable(compared.slice(0, COMPACT_ROWS)) +
                (compared.length > COMPACT_ROWS ? `\n\n\u2026and ${compared.length - COMPACT_ROWS} more builds in the job summary.` : ''));
        const sentences = breaks
            .slice(0, COMPACT_BREAKS)
            .map((p) => `- ${cacheBreakSentence(p.compared.cacheBreak, many ? p.head.build.name : null, options.fileUrl)}`);
        if (breaks.length > COMPACT_BREAKS)
            sentences.push(`- \u2026and ${breaks.length - COMPACT_BREAKS} more in the job summary`);
        if (sentences.length > 0)
            blocks.push(sentences.join('\n'));
        const advice = whatToDo(breaks.map((p) => p.compared.cacheBreak));
        if (advice)
            blocks.push(advice);
        return blocks.join('\n\n');
    }
    for (const { head, compared: c } of pairs) {
        if (!c.baseline && !c.cacheBreak)
            continue;
        const parts = [];
        if (many)
            parts.push(`**${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(head.build.name)}**${c.baseline && c.baseline.name !== head.build.name ? ` against ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(c.baseline.name)}` : ''}`);
        if (c.baseline && c.deltas)
            parts.push(buildTable(head, c));
        if (c.cacheBreak)
            parts.push(`${cacheBreakSentence(c.cacheBreak, null, options.fileUrl)}\n<sub>${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(c.cacheBreak.detail))}</sub>`);
        if (c.deltas) {
            const slower = c.deltas.slowerSteps.map((s) => `- ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(`${s.step} ${s.instruction}`), 120)}: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(s.baselineSeconds)} \u2192 ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(s.seconds)}`);
            if (slower.length)
                parts.push(['Much slower than in the baseline:', ...slower].join('\n'));
            const added = newFindings(c);
            const findings = [
                added.length ? `new: ${added.map((id) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)(id, 60)).join(', ')}` : '',
                c.deltas.goneFindings.length ? `gone: ${c.deltas.goneFindings.map((id) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)(id, 60)).join(', ')}` : '',
            ].filter(Boolean);
            if (findings.length)
                parts.push(`Findings against the baseline: ${findings.join('; ')}`);
            if (c.deltas.baselineDigests.length) {
                const lines = c.deltas.baselineDigests.map((d) => (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(`${d.ref.replace(/(@.*|:[^:/]*)$/, '')}@${d.digest}`));
                parts.push(`<details><summary>The baseline's digests</summary>\n\n${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .codeBlock */ .DV)(lines, 'text')}\n\n</details>`);
            }
        }
        blocks.push(parts.join('\n\n'));
    }
    const advice = whatToDo(breaks.map((p) => p.compared.cacheBreak));
    if (advice)
        blocks.push(advice);
    return blocks.join('\n\n');
}
/**
 * What to do about the breaks, once per reason for all builds: the `cache-miss` finding, whose fix
 * it replaces, is not shown when this section says where the cache broke.
 */
function whatToDo(breaks) {
    const advice = (0,_compare_cache_break_advice_js__WEBPACK_IMPORTED_MODULE_0__/* .adviceForBreaks */ .a)(breaks);
    if (advice.length === 0)
        return '';
    if (advice.length === 1)
        return `\ud83d\udca1 ${capitalise(advice[0].advice)}`;
    return ['\ud83d\udca1 What to do about the cache:', ...advice.map((a) => `- **${a.reason}**: ${a.advice}`)].join('\n');
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/**
 * The findings new against the baseline, less the cache miss when the break sentence above says it
 * (a reader would otherwise read of the same broken cache a second time).
 */
function newFindings(c) {
    return c.deltas ? c.deltas.newFindings.filter((id) => !(id === 'cache-miss' && c.cacheBreak)) : [];
}
/** `Cache broke at [4/6] RUN cargo build (Dockerfile:12): build-arg-changed; 3 steps rebuilt, 2.2 min lost.` */
function cacheBreakSentence(cacheBreak, build, fileUrl) {
    let where = '';
    if (cacheBreak.dockerfile && cacheBreak.dockerfileLine !== null) {
        const text = `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(cacheBreak.dockerfile)}:${cacheBreak.dockerfileLine}`;
        const url = fileUrl?.(cacheBreak.dockerfile, cacheBreak.dockerfileLine) ?? null;
        where = ` (${url ? `[${text}](${url})` : text})`;
    }
    const who = build ? `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(build)}: c` : 'C';
    const steps = `${cacheBreak.rebuiltSteps} step${cacheBreak.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(cacheBreak.secondsLost)} lost`;
    return `${who}ache broke at ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E)(`${cacheBreak.step} ${cacheBreak.instruction}`), 160)}${where}: **${cacheBreak.reason}**; ${steps}.`;
}
function buildTable(head, c) {
    const d = c.deltas;
    const base = c.baseline;
    const rows = [];
    const row = (what, now, before, change) => rows.push(`| ${what} | ${now} | ${before} | ${change} |`);
    if (head.build.buildSeconds !== null || base.buildSeconds !== null)
        row('Build time', (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(head.build.buildSeconds), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(base.buildSeconds), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .signedDuration */ .Tp)(d.buildSeconds));
    if (d.jobSeconds !== null)
        row('Job time', (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(head.build.jobSeconds), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(base.jobSeconds), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .signedDuration */ .Tp)(d.jobSeconds));
    row('Cache hits', (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatCache */ .uI)(head.cache.hits, head.cache.misses, head.cache.ratio), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRatio */ .B0)(base.cacheRatio), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .signedPoints */ .HM)(d.cacheRatio));
    for (const p of d.platformSeconds) {
        const change = p.seconds !== null && p.baselineSeconds !== null ? (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .signedDuration */ .Tp)(Math.round((p.seconds - p.baselineSeconds) * 10) / 10) : '\u2014';
        row(`Steps${p.platform === 'default' ? '' : ` ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .kq)(p.platform)}`}`, (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(p.seconds), (0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(p.baselineSeconds), change);
    }
    for (const s of d.imageSizes)
        row(`Image ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .kq)(s.platform)}`, (0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(s.bytes), (0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(s.baselineBytes), (0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_1__/* .formatByteDelta */ .a$)(s.bytes, s.baselineBytes));
    return ['| | This run | Baseline | Change |', '|---|---:|---:|---:|', ...rows].join('\n');
}
function compactTable(pairs) {
    // Without times in the logs (plain progress has no timestamps) the column is left out, not dashed.
    const timed = pairs.some(({ head }) => head.build.buildSeconds !== null);
    const rows = pairs.map(({ head, compared }) => {
        const d = compared.deltas;
        const time = head.build.buildSeconds === null
            ? '\u2014'
            : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(head.build.buildSeconds)}${d.buildSeconds === null ? '' : ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .signedDuration */ .Tp)(d.buildSeconds)})`}`;
        const cache = `${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRatio */ .B0)(head.cache.ratio)}${d.cacheRatio === null ? '' : ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_3__/* .signedPoints */ .HM)(d.cacheRatio)})`}`;
        return `| ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeCell */ .kq)(head.build.name)} |${timed ? ` ${time} |` : ''} ${cache} |`;
    });
    const head = timed ? ['| Build | Build time (change) | Cache hits (change) |', '|---|---:|---:|'] : ['| Build | Cache hits (change) |', '|---|---:|'];
    return [...head, ...rows].join('\n');
}


/***/ }),

/***/ 9025:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  HD: () => (/* binding */ buildsNamed),
  E3: () => (/* binding */ canceledLine),
  nA: () => (/* binding */ findingBlock),
  Pl: () => (/* binding */ headline),
  gr: () => (/* binding */ restatesTitle)
});

// EXTERNAL MODULE: ./src/analyze/group.ts
var analyze_group = __nccwpck_require__(3415);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __nccwpck_require__(6590);
// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __nccwpck_require__(3326);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __nccwpck_require__(2011);
// EXTERNAL MODULE: ./src/github/step-lines.ts
var step_lines = __nccwpck_require__(331);
;// CONCATENATED MODULE: ./src/report/links.ts

/**
 * A link to a line of a job's log on GitHub (`.../job/ID#step:N:L`), when the log came from the API
 * and the line's step is known; else the job's page, else null.
 */
function logLineUrl(build, line) {
    if (!build?.jobUrl)
        return null;
    const step = step_lines/* StepLineIndex */.P.stepOf(build.jobSteps, line);
    return step ? `${build.jobUrl}#step:${step.number}:${line - step.firstLine + 1}` : build.jobUrl;
}
/** The build a finding is about, by name. */
function buildNamed(analysis, name) {
    return name === null ? undefined : analysis.builds.find((b) => b.build.name === name)?.build;
}

// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __nccwpck_require__(687);
// EXTERNAL MODULE: ./src/text/fix-lines.ts
var fix_lines = __nccwpck_require__(7370);
// EXTERNAL MODULE: ./src/report/likely-caveat.ts
var likely_caveat = __nccwpck_require__(889);
;// CONCATENATED MODULE: ./src/report/finding-block.ts








/** `\u23f9\ufe0f runtime, engine: canceled after operate-ui failed`: a canceled job is a consequence, one line. */
function canceledLine(group) {
    return `${format/* STATUS_ICON */.tW.canceled} ${(0,markdown/* escapeText */.X1)((0,redact/* redact */.E)(group.title))}`;
}
/** Whether a group's title already says how many builds it is about: a rule's measurements do (group.ts), a signature's match does not. */
const counted = (group) => (0,analyze_group/* measured */.jh)(group.findings[0]);
/**
 * The builds a group's headline names in front of its title: none when its title counts them, or
 * names them itself (the canceled jobs' line).
 */
function buildsNamed(group) {
    if (group.id === 'canceled' || (group.findings.length > 1 && counted(group)))
        return [];
    return group.builds.filter(Boolean);
}
/** The headline: the title, after the builds it is about (unless a group's title counts them). */
function headline(group) {
    const title = (0,markdown/* escapeText */.X1)((0,redact/* redact */.E)(group.title));
    const builds = buildsNamed(group);
    return builds.length ? `${builds.map(markdown/* escapeText */.X1).join(', ')}: ${title}` : title;
}
function findingBlock(group, analysis, options) {
    const first = group.findings[0];
    const out = [`${options.heading} ${format/* SEVERITY_ICON */._9[group.severity]} ${options.title ?? headline(group)}`];
    const places = placesOf(group.findings, options.fileUrl);
    if (places)
        out.push(`**Points at** ${places}`);
    if (group.table && options.details && !restatesTitle(group))
        out.push(table(group.table));
    // The same failure in several builds: the first build's lines show it.
    const evidence = group.findings.length === 1 || !counted(group) ? evidenceOf(first, options.maxEvidence) : [];
    const unfolded = evidence.slice(0, options.unfoldedEvidence);
    const folded = evidence.slice(options.unfoldedEvidence);
    if (unfolded.length > 0)
        out.push((0,markdown/* codeBlock */.DV)(unfolded.map(quoteLine)) + sourceNote(first, unfolded[0], analysis));
    const diff = typeof first.data?.diff === 'string' && first.data.diff.trim() ? (0,markdown/* codeBlock */.DV)(first.data.diff.split('\n'), 'diff') : '';
    const more = [];
    const { caveat, advice: fix } = (0,likely_caveat/* caveatAndAdvice */.M)(group);
    if (caveat)
        out.push(caveat);
    const fixLine = (0,verdict/* changeLineOf */.E8)(group, fix);
    if (options.fixLineSaid) {
        const rest = (0,fix_lines/* withoutLine */.Hx)(fix, fixLine);
        if (rest)
            out.push(rest);
        if (diff)
            out.push(diff);
    }
    else if (options.fullFix || fixLine === null) {
        out.push(fix);
        if (diff)
            out.push(diff);
    }
    else {
        out.push(`**Fix:** ${fixLine}`);
        if (diff)
            out.push(diff);
        // The rest, the lines that say what the log shows among them, is folded.
        const rest = (0,fix_lines/* withoutLine */.Hx)(fix, fixLine);
        if (rest)
            more.push(rest);
    }
    if (folded.length > 0)
        more.push((0,markdown/* codeBlock */.DV)(folded.map(quoteLine)));
    const consequences = consequenceLine(options.consequences ?? []);
    if (consequences)
        more.push(consequences);
    if (options.details && group.findings.length > 1 && counted(group)) {
        const perBuild = group.findings
            .map((f) => ({ f, lines: evidenceOf(f, 6) }))
            .filter(({ lines }) => lines.length > 0)
            .map(({ f, lines }) => `${(0,markdown/* escapeText */.X1)(f.build ?? '')}${sourceNote(f, lines[0], analysis)}\n\n${(0,markdown/* codeBlock */.DV)(lines.map(quoteLine))}`);
        more.push(...perBuild);
    }
    if (more.length > 0) {
        const what = folded.length > 0 || group.findings.length > 1 ? 'More from the log' : 'More';
        out.push(`<details><summary>${what}</summary>\n\n${more.join('\n\n')}\n\n</details>`);
    }
    return out.join('\n\n');
}
/**
 * A group's table whose every row gives the group's own title (the same failure in several builds)
 * says nothing the headline does not: the headline names the builds.
 */
function restatesTitle(group) {
    return !counted(group) && group.findings.every((f) => f.title === group.title);
}
/** The consequences named in one line, once each: their lines are the ones quoted above. */
function consequenceLine(findings) {
    const titles = [...new Set(findings.map((f) => f.title))];
    if (titles.length === 0)
        return '';
    return `The same lines also read as ${titles.map((t) => `\u201c${(0,markdown/* escapeText */.X1)((0,redact/* redact */.E)(t))}\u201d`).join(', ')}: ${titles.length === 1 ? 'that follows' : 'those follow'} from this cause.`;
}
/**
 * The evidence in log order, each line once, and each message once: BuildKit prints a failure in the
 * step (`#9 ERROR: failed to push \u2026`), again in its summary (`ERROR: failed to solve: failed to push \u2026`)
 * and the action a third time (`##[error]buildx failed with: \u2026`); the first says it.
 */
function evidenceOf(finding, max) {
    const seen = new Set();
    const said = new Set();
    return [...finding.evidence]
        .sort((a, b) => a.line - b.line)
        .filter((e) => !seen.has(e.line) && seen.add(e.line))
        .filter((e) => {
        const message = messageOf(e.text);
        // Short lines (a compiler's `|` and caret lines) repeat by design.
        if (message.length < MESSAGE_MIN)
            return true;
        const key = message.slice(0, MESSAGE_KEY);
        return !said.has(key) && !!said.add(key);
    })
        .slice(0, max);
}
const MESSAGE_MIN = 20;
/** Enough of a message to tell it from another; a repeat may be cut at a different length. */
const MESSAGE_KEY = 100;
/** What wraps a message when it is printed again: a step's `#N 0.123`, the runner's `##[error]`, buildx's prefixes. */
const WRAPPER = /^(?:#\d+ (?:\d+\.\d+ )?|\d+\.\d+ |##\[error\]|buildx failed with: |ERROR: |error: |failed to (?:solve|build): )/i;
function messageOf(text) {
    let message = text.trim();
    for (let previous = ''; previous !== message;) {
        previous = message;
        message = message.replace(WRAPPER, '').trim();
    }
    return message;
}
function quoteLine(e) {
    return `${String(e.line).padStart(5)}: ${(0,markdown/* truncate */.xv)((0,redact/* redact */.E)(e.text), 400)}`;
}
/**
 * Where the quoted lines come from: a link to the first one in the job's log on GitHub when the log
 * came from the API, else the file's name (never a runner's absolute path).
 */
function sourceNote(finding, first, analysis) {
    const build = buildNamed(analysis, finding.build);
    const url = logLineUrl(build, first.line);
    if (url)
        return `\n<sub>[Line ${first.line} of the job's log](${url})</sub>`;
    const file = finding.source ? finding.source.split(/[\\/]/).pop() : null;
    return file && file !== '-' ? `\n<sub>Lines of ${(0,markdown/* escapeText */.X1)(file)}</sub>` : '';
}
function placesOf(findings, fileUrl) {
    const seen = new Set();
    const links = [];
    for (const place of findings.flatMap((f) => f.locations ?? []).filter((l) => l.verified)) {
        const key = `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const label = (0,markdown/* inlineCode */.ti)(key);
        const url = fileUrl?.(place.file, place.line) ?? null;
        links.push(url ? `[${label}](${url})` : label);
    }
    return links.join(', ');
}
function table({ columns, rows }) {
    // A step or an image reference is quoted as code; the numbers are right-aligned.
    const code = columns.findIndex((c) => /step|reference/i.test(c));
    return [
        `| ${columns.join(' | ')} |`,
        `|${columns.map((_, i) => (i === 0 || i === code ? '---' : '---:')).join('|')}|`,
        ...rows.map((row) => `| ${row.map((cell, i) => (i === code && cell ? codeCell(cell, columns[i]) : (0,markdown/* escapeCell */.kq)(cell))).join(' | ')} |`),
    ].join('\n');
}
/**
 * A step or an image reference as code in a table cell: a `|` would end the cell even inside the code
 * (GFM splits the row first), so it is escaped, which GitHub shows as `|` in the code. A reference is
 * cut later than a step: its tag, at the end, is what the reader looks for.
 */
function codeCell(cell, column) {
    return (0,markdown/* inlineCode */.ti)(cell, /reference/i.test(column) ? 160 : 70).replace(/\|/g, '\\|');
}


/***/ }),

/***/ 2011:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B0: () => (/* binding */ formatRatio),
/* harmony export */   HM: () => (/* binding */ signedPoints),
/* harmony export */   Tp: () => (/* binding */ signedDuration),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   _9: () => (/* binding */ SEVERITY_ICON),
/* harmony export */   a3: () => (/* reexport safe */ _text_duration_js__WEBPACK_IMPORTED_MODULE_0__.a),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   uI: () => (/* binding */ formatCache)
/* harmony export */ });
/* harmony import */ var _text_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9495);


function formatRatio(ratio) {
    return ratio === null ? '\u2014' : `${Math.round(ratio * 100)}%`;
}
function formatCache(hits, misses, ratio) {
    if (ratio === null)
        return '\u2014';
    return `${hits}/${hits + misses} (${formatRatio(ratio)})`;
}
/** `sha256:1564b5e107af\u2026f27e`: enough to recognise, short enough for a table. */
function shortDigest(digest) {
    if (!digest)
        return '\u2014';
    const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
    return match ? `sha256:${match[1].slice(0, 12)}\u2026${match[1].slice(-4)}` : digest;
}
const STATUS_ICON = { success: '\u2705', failure: '\u274c', canceled: '\u23f9\ufe0f', unknown: '\u2754' };
const SEVERITY_ICON = { error: '\u274c', warning: '\u26a0\ufe0f', notice: '\u2139\ufe0f' };
/** `+32 s`, `\u22121.2 min`, `\u00b10 s`. */
function signedDuration(seconds) {
    if (seconds === null)
        return '\u2014';
    if (seconds === 0)
        return '\u00b10 s';
    return `${seconds > 0 ? '+' : '\u2212'}${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(Math.abs(seconds))}`;
}
/** A change of ratio in percentage points: `\u221240 pts`. */
function signedPoints(change) {
    if (change === null)
        return '\u2014';
    const points = Math.round(change * 100);
    if (points === 0)
        return '\u00b10 pts';
    return `${points > 0 ? '+' : '\u2212'}${Math.abs(points)} pts`;
}


/***/ }),

/***/ 4200:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $G: () => (/* binding */ ganttChart),
/* harmony export */   Hg: () => (/* binding */ mermaidText)
/* harmony export */ });
/* unused harmony export timeAxis */
/* harmony import */ var _text_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9495);

const DEFAULT_GANTT = { maxTasksPerSection: 6 };
/** Steps shorter than this are never drawn alone. */
const MIN_DRAWN_SECONDS = 1;
/** Steps under this share of the build are merged with their neighbours (they would be a sliver). */
const TINY_SHARE = 0.01;
const MAX_LABEL = 48;
function ganttChart(build, options = DEFAULT_GANTT) {
    const tasks = schedule(build);
    if (tasks.length === 0)
        return null;
    const sections = new Map();
    for (const task of tasks)
        sections.set(task.section, [...(sections.get(task.section) ?? []), task]);
    const makespan = Math.max(...tasks.map((t) => t.start + t.seconds));
    // The axis ends where the last bar drawn ends (bars are whole seconds, at least one).
    const drawnEnd = Math.max(...tasks.map((t) => Math.round(t.start) + Math.max(1, Math.round(t.seconds))));
    const axis = timeAxis(drawnEnd);
    const lines = [
        'gantt',
        `  title ${mermaidText(build.name, 60)}`,
        '  dateFormat HH:mm:ss',
        `  axisFormat ${axis.format}`,
        `  tickInterval ${axis.tickInterval}`,
        '  todayMarker off',
    ];
    let id = 0;
    for (const [section, sectionTasks] of sections) {
        lines.push(`  section ${mermaidText(section, 40)}`);
        for (const task of bucket(sectionTasks, options.maxTasksPerSection, Math.max(MIN_DRAWN_SECONDS, makespan * TINY_SHARE))) {
            const label = `${mermaidText(task.label, MAX_LABEL)} (${task.note ?? (0,_text_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(task.seconds)})`;
            lines.push(`    ${label} :${task.crit ? 'crit, ' : ''}t${++id}, ${clock(task.start)}, ${Math.max(1, Math.round(task.seconds))}s`);
        }
    }
    return lines.join('\n');
}
/** Tick steps a reader counts in, each with the unit Mermaid's `tickInterval` takes. */
const TICK_STEPS = [
    ...[1, 2, 5, 10, 15, 30].map((n) => ({ seconds: n, every: `${n}second` })),
    ...[1, 2, 5, 10, 15, 30].map((n) => ({ seconds: n * 60, every: `${n}minute` })),
    ...[1, 2, 3, 6, 12].map((n) => ({ seconds: n * 3600, every: `${n}hour` })),
];
/** At most this many ticks along the axis (past it Mermaid's own choice of ticks is left). */
const MAX_TICKS = 10;
/**
 * The time axis for a chart `seconds` long (d3's time format: the chart's clock starts at 00:00:00):
 * ticks at a round step, labelled with their unit in the unit the step is counted in (`5s`, `2m 30s`,
 * `15m`, `1h 30m`). One format for every build read `00:00` at each tick of a build of a few seconds.
 */
function timeAxis(seconds) {
    const step = TICK_STEPS.find((s) => seconds / s.seconds <= MAX_TICKS) ?? TICK_STEPS[TICK_STEPS.length - 1];
    if (step.seconds < 60)
        return { format: seconds < 60 ? '%-Ss' : '%-Mm %Ss', tickInterval: step.every };
    if (step.seconds < 3600)
        return { format: seconds < 3600 ? '%-Mm' : '%-Hh %Mm', tickInterval: step.every };
    return { format: '%-Hh', tickInterval: step.every };
}
function schedule(build) {
    const steps = build.steps.filter((s) => s.kind === 'instruction' && (s.seconds !== null || s.status === 'error' || s.status === 'running'));
    if (steps.length === 0)
        return [];
    const chains = new Map();
    const stages = new Set(steps.map((s) => s.stage).filter((s) => s !== null));
    for (const step of [...steps].sort((a, b) => (a.index ?? 0) - (b.index ?? 0) || a.line - b.line)) {
        const chain = chainOf(step.platform, step.stage);
        const deps = stageRefs(step.command)
            .filter((name) => stages.has(name) && name !== step.stage)
            .map((name) => chainOf(step.platform, name));
        chains.set(chain, [...(chains.get(chain) ?? []), { step, chain, deps, start: 0, end: 0, crit: false }]);
    }
    // Each chain is timed once; a chain waits for the chains it copies from (a cycle is broken).
    const done = new Map();
    const visiting = new Set();
    const time = (key) => {
        const known = done.get(key);
        if (known !== undefined)
            return known;
        if (visiting.has(key))
            return 0;
        visiting.add(key);
        let clockAt = 0;
        for (const node of chains.get(key) ?? []) {
            node.start = Math.max(clockAt, ...node.deps.map((dep) => (chains.has(dep) ? time(dep) : 0)));
            node.end = node.start + durationOf(node.step);
            clockAt = node.end;
        }
        visiting.delete(key);
        done.set(key, clockAt);
        return clockAt;
    };
    for (const key of chains.keys())
        time(key);
    const nodes = [...chains.values()].flat();
    markCritical(nodes, chains);
    const tasks = nodes.map((n) => ({
        label: labelOf(n.step),
        section: n.step.platform ?? 'build',
        start: n.start,
        seconds: n.end - n.start,
        crit: n.crit,
        note: noteOf(n.step),
    }));
    // The exporters (image, cache) run after the last step.
    let at = Math.max(...nodes.map((n) => n.end));
    for (const step of build.steps.filter((s) => (s.kind === 'export' || s.kind === 'cache-export') && s.seconds !== null)) {
        tasks.push({ label: step.name, section: 'export', start: at, seconds: step.seconds, crit: true });
        at += step.seconds;
    }
    return tasks.sort((a, b) => a.start - b.start);
}
/** From the step that ends last back to the start: each step's predecessor is what it waited for. */
function markCritical(nodes, chains) {
    let current = nodes.reduce((a, b) => (b.end > a.end ? b : a));
    for (let guard = 0; guard < nodes.length; guard++) {
        current.crit = true;
        if (current.start <= 0)
            return;
        const chain = chains.get(current.chain);
        const before = chain[chain.indexOf(current) - 1];
        const dep = current.deps.map((d) => chains.get(d)?.at(-1)).find((last) => last && last.end === current.start);
        const next = dep ?? (before && before.end === current.start ? before : undefined);
        if (!next)
            return;
        current = next;
    }
}
/**
 * Many short steps merged into one bar, so that the long ones stay readable: neighbouring slivers
 * first, then, past `max` bars, everything but the longest.
 */
function bucket(tasks, max, tiny) {
    const drawn = tasks.filter((t) => t.seconds >= MIN_DRAWN_SECONDS || t.crit);
    const merged = mergeRuns(drawn, (t) => t.seconds >= tiny);
    if (merged.length <= max)
        return merged;
    const keep = new Set([...merged].sort((a, b) => b.seconds - a.seconds).slice(0, max - 1));
    return mergeRuns(merged, (t) => keep.has(t));
}
/** Consecutive tasks that are not kept become one bar from the first start to the last end. */
function mergeRuns(tasks, kept) {
    const out = [];
    let run = [];
    const flush = () => {
        if (run.length === 1)
            out.push(run[0]);
        if (run.length > 1) {
            const start = Math.min(...run.map((t) => t.start));
            const end = Math.max(...run.map((t) => t.start + t.seconds));
            const count = run.reduce((n, t) => n + (t.merged ?? 1), 0);
            out.push({ label: `${count} shorter steps`, section: run[0].section, start, seconds: end - start, crit: run.some((t) => t.crit), merged: count });
        }
        run = [];
    };
    for (const task of tasks) {
        if (kept(task)) {
            flush();
            out.push(task);
        }
        else
            run.push(task);
    }
    flush();
    return out;
}
function chainOf(platform, stage) {
    return `${platform ?? ''}|${stage ?? ''}`;
}
/** Stages a step reads from: `COPY --from=builder`, `RUN --mount=type=cache,from=deps`. */
function stageRefs(command) {
    return [...command.matchAll(/(?:--from=|[,\s]from=)([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
}
/** A failed or unfinished step is drawn one second long: it started, its end is unknown. */
function durationOf(step) {
    return step.seconds ?? 1;
}
function noteOf(step) {
    if (step.status === 'error')
        return step.seconds === null ? 'failed' : `failed after ${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(step.seconds)}`;
    if (step.seconds === null)
        return 'did not finish';
    return undefined;
}
function labelOf(step) {
    return step.instruction ? `${step.instruction} ${step.command}` : step.name;
}
/** Seconds from the start as a clock time (`01:02:03`), the chart's date format. */
function clock(seconds) {
    const s = Math.min(Math.round(seconds), 24 * 3600 - 1);
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}
/** Words Mermaid's gantt grammar reads as statements when a line starts with them. */
const KEYWORDS = /^(gantt|title|section|dateformat|axisformat|tickinterval|todaymarker|excludes|includes|inclusiveenddates|topaxis|weekday|weekend|click|accTitle|accDescr)\b/i;
/**
 * Text that cannot break a gantt line: `:` ends a task's name, `#` and `%%` start comments, `;` ends a
 * statement, backticks could close the code fence, and Mermaid reads `<...>` as HTML.
 */
function mermaidText(text, max) {
    let clean = text
        .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
        .replace(/:/g, '\u2236')
        .replace(/;/g, ',')
        .replace(/#/g, '\u266f')
        .replace(/%/g, '\u066a')
        .replace(/`/g, "'")
        .replace(/[<>]/g, (c) => (c === '<' ? '\u2039' : '\u203a'))
        .replace(/[{}[\]"]/g, (c) => ({ '{': '(', '}': ')', '[': '(', ']': ')', '"': "'" })[c])
        .replace(/&/g, '+')
        .replace(/\s+/g, ' ')
        .trim();
    if (clean.length > max)
        clean = `${clean.slice(0, max - 1).trimEnd()}\u2026`;
    if (KEYWORDS.test(clean))
        clean = `\u00b7 ${clean}`;
    return clean || '\u00b7';
}


/***/ }),

/***/ 100:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ imageSizeSection)
/* harmony export */ });
/* harmony import */ var _text_bytes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1080);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3326);



/**
 * The image size table (per build, image and platform, with the change against the baseline), and
 * one line for each image whose size could not be had. Empty when no size was measured.
 */
function imageSizeSection(builds, heading = '### Image sizes') {
    const rows = [];
    const unavailable = [];
    for (const { build } of builds) {
        for (const image of build.images) {
            if (image.sizeUnavailable)
                unavailable.push(`- ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)(build.name)}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(image.ref, 120)}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(image.sizeUnavailable))}`);
            for (const platform of image.platforms ?? []) {
                const change = platform.baselineBytes === null ? '\u2014' : (0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatByteDelta */ .a$)(platform.compressedBytes, platform.baselineBytes);
                const baseline = platform.baselineBytes === null ? '\u2014' : (0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(platform.baselineBytes);
                rows.push(`| ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(build.name)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(image.ref, 80)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(platform.platform)} | ${(0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(platform.compressedBytes)} | ${baseline} | ${change} |`);
            }
        }
    }
    if (rows.length === 0 && unavailable.length === 0)
        return '';
    const table = rows.length ? ['| Build | Image | Platform | Compressed | Baseline | Change |', '|---|---|---|---:|---:|---:|', ...rows].join('\n') : '';
    return [heading, table, unavailable.join('\n')].filter(Boolean).join('\n\n');
}


/***/ }),

/***/ 4225:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ toolJson),
/* harmony export */   aO: () => (/* binding */ findingJson),
/* harmony export */   a_: () => (/* binding */ writeJsonReport),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony export toJsonReport */
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3326);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(311);


/**
 * The JSON report: a public, versioned contract (its type is ReportV1, its schema generated from
 * that, both documented in the README). Add fields freely; renaming or removing one, or changing
 * its meaning, needs a new `schemaVersion`.
 */
const SCHEMA_VERSION = 1;
/** The report's arrays, written one item at a time, in this order. */
const ARRAY_KEYS = ['builds', 'findings', 'groups', 'problems'];
/** The tool's name and version, as every document buildx-doctor writes carries them. */
function toolJson() {
    return { name: _version_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .l, version: _version_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_VERSION */ .w };
}
/** The whole report as one object (for callers that need it in memory; files are streamed). */
function toJsonReport(analysis, extra = {}) {
    const arrays = arraysOf(analysis);
    const all = (key) => arrays[key].map((item) => item());
    return { ...headerJson(analysis), builds: all('builds'), findings: all('findings'), groups: all('groups'), problems: all('problems'), ...extra };
}
/**
 * Writes the report as `JSON.stringify(toJsonReport(analysis), null, 2)` would, one build and one
 * finding at a time: a report of hundreds of builds is never one string in memory.
 */
async function writeJsonReport(analysis, write, extra = {}) {
    const header = JSON.stringify(headerJson(analysis), null, 2);
    await write(header.slice(0, header.lastIndexOf('\n}')));
    const arrays = arraysOf(analysis);
    for (const key of ARRAY_KEYS) {
        const items = arrays[key];
        await write(`,\n  ${JSON.stringify(key)}: [`);
        for (let i = 0; i < items.length; i++) {
            await write(`${i > 0 ? ',' : ''}\n    ${indentedTwice(items[i]())}`);
        }
        await write(items.length > 0 ? '\n  ]' : ']');
    }
    // Sections other parts add (the doctor's), after the arrays; small, so written whole.
    for (const [key, value] of Object.entries(extra))
        await write(`,\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`);
    await write('\n}\n');
}
/**
 * `JSON.stringify(value, null, 2)` with every line but the first indented by four more spaces, as
 * an item of one of the report's arrays is: the value stringified two arrays deep, without those
 * arrays' brackets. No second pass over the text to indent it (a 9 MB report's items were a
 * regular expression's replacement each). A newline in JSON text is only ever its indentation.
 */
function indentedTwice(value) {
    const nested = JSON.stringify([[value]], null, 2);
    return nested.slice(OPEN_TWICE.length, nested.length - CLOSE_TWICE.length);
}
const OPEN_TWICE = '[\n  [\n    ';
const CLOSE_TWICE = '\n  ]\n]';
function headerJson(analysis) {
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: toolJson(),
        status: analysis.status,
        cacheHitRatio: analysis.cacheHitRatio,
        durationSeconds: analysis.durationSeconds,
        // Only when a comparison was made (`--baseline`, the action's baseline): additive to schema 1.
        ...(analysis.comparison
            ? {
                comparison: {
                    hasBaseline: analysis.comparison.hasBaseline,
                    baselineLabel: analysis.comparison.baselineLabel === null ? null : (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(analysis.comparison.baselineLabel),
                    note: analysis.comparison.note,
                },
            }
            : {}),
        // Only when builds were folded (past MAX_LISTED_BUILDS): additive to schema 1, small logs' reports unchanged.
        ...(analysis.omittedBuilds ? { omittedBuilds: omittedBuildsJson(analysis.omittedBuilds) } : {}),
    };
}
/** Field by field, as for the builds: a field added to the model must not reach the report unnoticed. */
function omittedBuildsJson(o) {
    return {
        count: o.count,
        statuses: { success: o.statuses.success, failure: o.statuses.failure, canceled: o.statuses.canceled, unknown: o.statuses.unknown },
        steps: o.steps,
        cacheHits: o.cacheHits,
        cacheMisses: o.cacheMisses,
        runnerSeconds: o.runnerSeconds,
        maxSeconds: o.maxSeconds,
        images: o.images,
        pushedImages: o.pushedImages,
        findings: { error: o.findings.error, warning: o.findings.warning, notice: o.findings.notice },
        jobs: o.jobs.map((j) => ({ name: j.name, builds: j.builds, jobSeconds: j.jobSeconds, buildSeconds: j.buildSeconds, status: j.status })),
        buildsOfUnlistedJobs: o.buildsOfUnlistedJobs,
    };
}
/** The report's arrays, as lazy items so that a writer can convert one at a time. */
function arraysOf(analysis) {
    return {
        builds: analysis.builds.map((b, i) => () => buildJson(b, analysis.comparison?.builds[i])),
        findings: analysis.findings.map((f) => () => findingJson(f)),
        groups: analysis.groups.map((g) => () => ({
            id: g.id,
            severity: g.severity,
            title: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(g.title),
            builds: g.builds,
            folded: g.folded.map((f) => ({ id: f.id, build: f.build })),
            lostSeconds: g.lostSeconds,
        })),
        problems: analysis.problems.map((p) => () => ({ source: p.source, message: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(p.message) })),
    };
}
function buildJson({ build, cache, timing, findings }, compared) {
    return {
        name: build.name,
        origin: build.origin,
        source: build.source,
        job: build.job,
        jobId: build.jobId ?? null,
        jobUrl: build.jobUrl ?? null,
        step: stepJson(build),
        status: build.status,
        jobSeconds: build.jobSeconds,
        buildSeconds: build.buildSeconds,
        platforms: build.platforms,
        nativePlatform: build.nativePlatform,
        dockerfile: build.request.dockerfile,
        steps: build.steps.map((s) => ({
            name: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(s.name),
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
            error: s.error === null ? null : (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(s.error),
        })),
        cache: {
            hits: cache.hits,
            misses: cache.misses,
            ratio: cache.ratio,
            imports: build.cache.imports.map(cacheOperationJson),
            exports: build.cache.exports.map(cacheOperationJson),
        },
        // Field by field: a field added to the analysis' Timing must not reach the report unnoticed.
        timing: {
            slowestSteps: timing.slowestSteps.map((s) => ({ name: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(s.name), platform: s.platform, seconds: s.seconds, line: s.line })),
            platformSeconds: timing.platformSeconds,
            cacheImportSeconds: timing.cacheImportSeconds,
            cacheExportSeconds: timing.cacheExportSeconds,
            cacheExportShare: timing.cacheExportShare,
        },
        images: build.images.map((i) => ({
            ref: i.ref,
            digest: i.digest,
            pushed: i.pushed,
            ...(i.platforms !== undefined || i.sizeUnavailable
                ? { platforms: i.platforms ?? [], sizeUnavailable: i.sizeUnavailable ?? null, baselineUnavailable: i.baselineUnavailable ?? null }
                : {}),
        })),
        errors: build.errors.map((e) => ({ line: e.line, text: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(e.text) })),
        notes: build.notes,
        omittedSteps: build.omittedSteps ? { count: build.omittedSteps.count, cached: build.omittedSteps.cached, maxSeconds: build.omittedSteps.maxSeconds } : null,
        lines: { first: build.firstLine, last: build.lastLine },
        findings: findings.map(findingJson),
        ...(compared ? comparisonJson(compared) : {}),
    };
}
function cacheOperationJson(op) {
    return { kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line };
}
/** The build against its baseline (README: "Against the baseline"). */
function comparisonJson(c) {
    const b = c.cacheBreak;
    const base = c.baseline;
    const d = c.deltas;
    return {
        baseline: base && {
            run: base.run === null ? null : (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(base.run),
            name: base.name,
            status: base.status,
            buildSeconds: base.buildSeconds,
            jobSeconds: base.jobSeconds,
            cacheRatio: base.cacheRatio,
        },
        cacheBreak: b && {
            step: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(b.step),
            instruction: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(b.instruction),
            platform: b.platform,
            dockerfile: b.dockerfile,
            dockerfileLine: b.dockerfileLine,
            reason: b.reason,
            detail: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(b.detail),
            rebuiltSteps: b.rebuiltSteps,
            secondsLost: b.secondsLost,
            line: b.line,
        },
        deltas: d && {
            buildSeconds: d.buildSeconds,
            jobSeconds: d.jobSeconds,
            cacheRatio: d.cacheRatio,
            platformSeconds: d.platformSeconds.map((p) => ({ platform: p.platform, seconds: p.seconds, baselineSeconds: p.baselineSeconds })),
            slowerSteps: d.slowerSteps.map((s) => ({
                step: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(s.step),
                instruction: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(s.instruction),
                platform: s.platform,
                seconds: s.seconds,
                baselineSeconds: s.baselineSeconds,
            })),
            imageSizes: d.imageSizes.map((i) => ({ ref: i.ref, platform: i.platform, bytes: i.bytes, baselineBytes: i.baselineBytes, change: i.change })),
            newFindings: d.newFindings,
            goneFindings: d.goneFindings,
            baselineDigests: d.baselineDigests.map((pushed) => ({ ref: pushed.ref, digest: pushed.digest })),
        },
    };
}
/** The job's step that ran the build (GitHub's step number and name), when the log came from the API. */
function stepJson(build) {
    if (build.stepNumber === null || build.stepNumber === undefined)
        return null;
    const step = build.jobSteps?.find((s) => s.number === build.stepNumber);
    return { number: build.stepNumber, name: step?.name ?? null };
}
function findingJson(finding) {
    return {
        id: finding.id,
        severity: finding.severity,
        title: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(finding.title),
        build: finding.build,
        source: finding.source,
        evidence: finding.evidence.map((e) => ({ line: e.line, text: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(e.text) })),
        fix: finding.fix,
        locations: (finding.locations ?? []).map((l) => ({ kind: l.kind, file: l.file, line: l.line, column: l.column, verified: l.verified })),
        data: finding.data ?? {},
    };
}


/***/ }),

/***/ 889:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ caveatAndAdvice)
/* harmony export */ });
/* harmony import */ var _analyze_rules_likely_cause_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1855);

/**
 * A cause guessed from a failure's words (analyze/rules/likely-cause.ts) carries its caveat as the fix's
 * first paragraph. Reports say it as a caveat: labelled `Fix:`, or as the verdict's "one change that helps
 * most", it read as advice it is not.
 */
function caveatAndAdvice(group) {
    const guessed = group.findings[0]?.data?.role === 'likely-cause';
    // Found by how it begins, not by the first blank line: a group's fix may have lost it (analyze/group.ts).
    const end = group.fix.indexOf('\n\n');
    if (!guessed || !group.fix.startsWith(_analyze_rules_likely_cause_js__WEBPACK_IMPORTED_MODULE_0__/* .LIKELY_CAVEAT_LEAD */ .zL) || end === -1)
        return { caveat: null, advice: group.fix };
    return { caveat: group.fix.slice(0, end).trim(), advice: group.fix.slice(end + 2).trim() };
}


/***/ }),

/***/ 6836:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ renderMarkdown),
/* harmony export */   V: () => (/* binding */ DEFAULT_MARKDOWN_OPTIONS)
/* harmony export */ });
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3326);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2011);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(311);
/* harmony import */ var _image_sizes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(100);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(687);
/* harmony import */ var _screen_groups_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(669);
/* harmony import */ var _finding_block_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9025);
/* harmony import */ var _gantt_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(4200);
/* harmony import */ var _baseline_section_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3205);
/* harmony import */ var _omitted_builds_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(5828);











const DEFAULT_MARKDOWN_OPTIONS = { maxBytes: 900 * 1024, maxFindings: 30, maxEvidenceLines: 25 };
/** Charts drawn; past this many builds the table and the JSON report have the rest. */
const MAX_CHARTS = 12;
/** Lines of a failing step's own error shown unfolded. */
const UNFOLDED_EVIDENCE = 8;
/**
 * The job summary (exactly what `--format markdown` prints). It opens with the verdict (what happened,
 * where the time went, the one change that helps most), then the findings, root cause first, each
 * kind once; then the builds, their timelines, and the pushed images.
 */
function renderMarkdown(analysis, options = DEFAULT_MARKDOWN_OPTIONS) {
    // Each block with its priority for the size limit (lower is kept first): the failure and its fix
    // matter more than the timelines.
    const blocks = [];
    const add = (text, priority) => {
        if (text)
            blocks.push({ text, priority });
    };
    const verdict = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_3__/* .verdictOf */ .Vj)(analysis);
    // The builds' status, unless a step after them failed for a cause the catalog names (a push denied).
    const icon = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_3__/* .laterStepFailed */ .oY)(analysis.groups) ? _format_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW.failure : _format_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[analysis.status];
    add(`## ${icon} ${verdict.happened}`, 0);
    if (verdict.time)
        add(`\u23f1\ufe0f ${verdict.time}`, 0);
    if (verdict.change)
        add(`\ud83d\udca1 ${verdict.change}`, 0);
    const omitted = (0,_omitted_builds_js__WEBPACK_IMPORTED_MODULE_8__/* .omittedBuildsLine */ .U)(analysis);
    // Numbers and fixed words only: nothing from the log to escape.
    if (omitted)
        add(`\u2139\ufe0f ${omitted}`, 0);
    const source = [options.note ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .escapeText */ .X1)(options.note) : '', options.runUrl ? `[The run](${options.runUrl})` : ''].filter(Boolean).join(' \u00b7 ');
    add(`<sub>${_version_js__WEBPACK_IMPORTED_MODULE_10__/* .TOOL_NAME */ .l}${source ? ` \u00b7 ${source}` : ''}</sub>`, 1);
    if (options.baseline)
        add(`<sub>${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(options.baseline.text))}${options.baseline.url ? ` \u00b7 [The baseline run](${options.baseline.url})` : ''}</sub>`, 1);
    if (analysis.problems.length > 0) {
        add(analysis.problems.map((p) => `> [!WARNING]\n> ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(p.message))}`).join('\n\n'), 1);
    }
    findingsSection(analysis, verdict, options).forEach((block, index) => add(block, index <= 1 ? 1 : 2));
    add((0,_baseline_section_js__WEBPACK_IMPORTED_MODULE_7__/* .baselineSection */ .d_)(analysis, { compact: false, heading: '### Against the baseline', fileUrl: options.fileUrl }), 2);
    if (analysis.builds.length > 0) {
        add(buildTable(analysis), 3);
        add(imagesFold(analysis.builds), 4);
        add((0,_image_sizes_js__WEBPACK_IMPORTED_MODULE_2__/* .imageSizeSection */ .k)(analysis.builds), 4);
        timelines(analysis.builds).forEach((block) => add(block, 5));
    }
    return fitToSize(blocks, options.maxBytes);
}
/** The findings as separate blocks, so that cutting for size never splits one. */
function findingsSection(analysis, verdict, options) {
    const screen = (0,_screen_groups_js__WEBPACK_IMPORTED_MODULE_4__/* .screenGroups */ .h)(analysis);
    // The verdict's first line names every canceled build: their one line would say it again.
    const canceledSaid = new Set(analysis.builds.filter((b) => b.build.status === 'canceled').map((b) => b.build.name));
    const shownGroups = screen.groups.filter((g) => g.id !== 'canceled' || !g.builds.every((b) => canceledSaid.has(b)));
    // The comment's order: failures, then the jobs they took down, then the rest.
    const groups = [
        ...shownGroups.filter((g) => g.severity === 'error'),
        ...shownGroups.filter((g) => g.severity !== 'error' && g.id === 'canceled'),
        ...shownGroups.filter((g) => g.severity !== 'error' && g.id !== 'canceled'),
    ];
    if (groups.length === 0)
        return [];
    const shown = groups.slice(0, options.maxFindings);
    const blocks = ['### Findings'];
    // What the verdict said (the failure's title, the first line of the fix) each block says only once.
    const named = verdict.named ? shown.find((g) => g.severity === 'error' && g.id === verdict.named.id && g.title === verdict.named.title) : undefined;
    let fixSaid = verdict.change !== null;
    for (const group of shown) {
        if (group.id === 'canceled') {
            blocks.push((0,_finding_block_js__WEBPACK_IMPORTED_MODULE_5__/* .canceledLine */ .E3)(group));
            continue;
        }
        const fixLineSaid = fixSaid && (0,_verdict_js__WEBPACK_IMPORTED_MODULE_3__/* .changeOf */ .C2)(group) === verdict.change;
        if (fixLineSaid)
            fixSaid = false;
        blocks.push((0,_finding_block_js__WEBPACK_IMPORTED_MODULE_5__/* .findingBlock */ .nA)(group, analysis, {
            heading: '####',
            unfoldedEvidence: UNFOLDED_EVIDENCE,
            maxEvidence: options.maxEvidenceLines,
            fullFix: true,
            details: true,
            fileUrl: options.fileUrl,
            title: group === named ? whyFailed(group) : undefined,
            fixLineSaid,
            consequences: screen.consequences.get(group),
        }));
    }
    if (groups.length > shown.length)
        blocks.push(`\u2026and ${groups.length - shown.length} more findings in the JSON report.`);
    return blocks;
}
/** The heading of the failure the verdict named: the title is in the line above, the builds are not repeated with it. */
function whyFailed(group) {
    const builds = group.builds.filter(Boolean);
    return builds.length ? `Why ${builds.map((b) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .escapeText */ .X1)(b)).join(', ')} failed` : undefined;
}
function buildTable(analysis) {
    const builds = analysis.builds;
    // A column the logs say nothing about (no timestamps in a plain log) is left out, not filled with dashes.
    const columns = [
        { head: 'Build', align: '---', cell: (b) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .escapeCell */ .kq)(b.build.name), shown: true },
        { head: 'Status', align: '---', cell: (b) => `${_format_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUS_ICON */ .tW[b.build.status]} ${b.build.status}`, shown: true },
        { head: 'Job time', align: '---:', cell: (b) => (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(b.build.jobSeconds), shown: builds.some((b) => b.build.jobSeconds !== null) },
        { head: 'Build time', align: '---:', cell: (b) => (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(b.build.buildSeconds), shown: builds.some((b) => b.build.buildSeconds !== null) },
        { head: 'Cache hits', align: '---:', cell: (b) => cacheCell(b.build, b.cache), shown: true },
        { head: 'Steps', align: '---:', cell: (b) => String(b.build.steps.filter((s) => s.kind === 'instruction').length), shown: true },
        { head: 'Step time per platform', align: '---', cell: platformTimes, shown: builds.some((b) => Object.keys(b.timing.platformSeconds).length > 0) },
        { head: 'Log', align: '---', cell: (b) => (b.build.jobUrl ? `[job](${b.build.jobUrl})` : ''), shown: builds.some((b) => b.build.jobUrl) },
    ];
    const shown = columns.filter((c) => c.shown);
    return [
        '### Builds',
        '',
        `| ${shown.map((c) => c.head).join(' | ')} |`,
        `|${shown.map((c) => c.align).join('|')}|`,
        ...builds.map((b) => `| ${shown.map((c) => c.cell(b)).join(' | ')} |`),
    ].join('\n');
}
/** A build that stopped before any step has no cache to speak of: say so instead of a dash. */
function cacheCell(build, cache) {
    if (cache.ratio === null)
        return build.steps.some((s) => s.kind === 'instruction') ? 'nothing cacheable' : 'no step ran';
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCache */ .uI)(cache.hits, cache.misses, cache.ratio);
}
function platformTimes({ timing, build }) {
    const entries = Object.entries(timing.platformSeconds);
    const steps = entries.length === 1 && entries[0][0] === 'default' ? [(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(entries[0][1])] : entries.map(([p, s]) => `${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .escapeText */ .X1)(p)} ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(s)}`);
    const cache = build.cache.exports.length > 0
        ? [`cache export ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(timing.cacheExportSeconds)}${timing.cacheExportShare !== null ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatRatio */ .B0)(timing.cacheExportShare)})` : ''}`]
        : [];
    return [...steps, ...cache].join(', ');
}
/** Pushed tags and full digests, folded, ready to copy into `docker pull`. */
function imagesFold(builds) {
    const lines = [];
    let tags = 0;
    const digests = new Set();
    for (const { build } of builds) {
        const pushed = build.images.filter((i) => i.pushed || i.digest);
        if (pushed.length === 0)
            continue;
        lines.push(`# ${build.name}`);
        for (const image of pushed) {
            tags++;
            lines.push(`docker pull ${image.ref}`);
        }
        for (const digest of new Set(pushed.map((i) => i.digest).filter((d) => !!d))) {
            digests.add(digest);
            const repo = pushed.find((i) => i.digest === digest).ref.replace(/(@.*|:[^:/]*)$/, '');
            lines.push(`docker pull ${repo}@${digest}`);
        }
    }
    if (lines.length === 0)
        return '';
    const summary = `Pushed images: ${tags} tag${tags === 1 ? '' : 's'}, ${digests.size} digest${digests.size === 1 ? '' : 's'}`;
    return `<details><summary>${summary}</summary>\n\n${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .codeBlock */ .DV)(lines.map((l) => (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(l)), 'sh')}\n\n</details>`;
}
/** A gantt chart per build (the first MAX_CHARTS), each a block of its own. */
function timelines(builds) {
    const charts = builds
        .slice(0, MAX_CHARTS)
        .map(({ build }) => (0,_gantt_js__WEBPACK_IMPORTED_MODULE_6__/* .ganttChart */ .$G)(build))
        .filter((c) => c !== null)
        .map((chart) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .codeBlock */ .DV)(chart.split('\n'), 'mermaid'));
    if (charts.length === 0)
        return [];
    const more = builds.length > MAX_CHARTS ? [`\u2026and ${builds.length - MAX_CHARTS} more builds: their steps are in the JSON report.`] : [];
    return [
        '### Timeline\n\n<sub>Steps placed from their durations in Dockerfile order (the log gives no start times); the critical path is red.</sub>',
        ...charts,
        ...more,
    ];
}
/**
 * Keeps whole blocks, the most important first, while they fit, and prints them in their order: a
 * long report never breaks a table, a fence or a <details>, and never loses a finding to timings.
 */
function fitToSize(blocks, maxBytes) {
    const note = "> [!NOTE]\n> The summary was cut to fit GitHub's size limit: the JSON report has everything.";
    const all = blocks.map((b) => b.text).join('\n\n') + '\n';
    if (Buffer.byteLength(all) <= maxBytes)
        return all;
    const kept = new Set();
    let size = Buffer.byteLength(note) + 4;
    const order = blocks.map((block, index) => ({ ...block, index })).sort((a, b) => a.priority - b.priority || a.index - b.index);
    for (const block of order) {
        const next = Buffer.byteLength(block.text) + 2;
        if (size + next > maxBytes)
            continue;
        kept.add(block.index);
        size += next;
    }
    return [...blocks.filter((_, index) => kept.has(index)).map((b) => b.text), note].join('\n\n') + '\n';
}


/***/ }),

/***/ 5828:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ omittedBuildsLine)
/* harmony export */ });
/* harmony import */ var _analyze_build_budget_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7736);

const STATUS_WORDS = [
    ['failure', 'failed'],
    ['canceled', 'canceled'],
    ['unknown', 'unfinished'],
    ['success', 'succeeded'],
];
/**
 * One line saying that builds were counted but not listed (past MAX_LISTED_BUILDS), for the summary
 * and the terminal report; null when every build is listed. Numbers and fixed words only, so it is
 * safe as Markdown and as text.
 */
function omittedBuildsLine(analysis) {
    const omitted = analysis.omittedBuilds;
    if (!omitted)
        return null;
    const total = analysis.builds.length + omitted.count;
    const statuses = STATUS_WORDS.filter(([status]) => omitted.statuses[status] > 0)
        .map(([status, word]) => `${count(omitted.statuses[status])} ${word}`)
        .join(', ');
    return (`${count(omitted.count)} of ${count(total)} builds are counted but not listed (${statuses}): past ${_analyze_build_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LISTED_BUILDS */ .Zu}, ` +
        'only failing, canceled, notable and the slowest builds are listed; the status, cache hit ratio and times count them all.');
}
function count(n) {
    return n.toLocaleString('en-US');
}


/***/ }),

/***/ 669:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ screenGroups)
/* harmony export */ });
/* harmony import */ var _analyze_group_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3415);

function screenGroups(analysis) {
    const consequenceOf = consequences(analysis.findings);
    const cacheSaidByBaseline = cacheBreaksShown(analysis);
    const hidden = new Set(consequenceOf.keys());
    for (const finding of analysis.findings)
        if (finding.id === 'cache-miss' && finding.build !== null && cacheSaidByBaseline.has(finding.build))
            hidden.add(finding);
    if (hidden.size === 0)
        return { groups: analysis.groups, consequences: new Map() };
    // A slow build the analysis explained by a hidden cache miss goes with it: the baseline section
    // says why that build lost its time.
    for (const group of analysis.groups)
        for (const slow of group.folded)
            if (group.findings.some((f) => hidden.has(f) && f.build === slow.build))
                hidden.add(slow);
    // Regrouped from the findings left, so that a group over several builds loses only the hidden
    // builds' rows, and its title still counts what it shows.
    const groups = (0,_analyze_group_js__WEBPACK_IMPORTED_MODULE_0__/* .groupFindings */ .kG)(analysis.findings.filter((f) => !hidden.has(f)));
    const groupOf = new Map(groups.flatMap((g) => g.findings.map((f) => [f, g])));
    const folded = new Map();
    for (const [consequence, root] of consequenceOf) {
        const group = groupOf.get(root);
        if (!group)
            continue;
        const list = folded.get(group) ?? [];
        list.push(consequence);
        folded.set(group, list);
    }
    return { groups, consequences: folded };
}
/**
 * Each consequence with the root cause it follows from: in the same build, a signature match the
 * diagnosis ranked after an error that is the build's root cause, whose every line the root cause
 * already quotes. It adds no line and no fact the root cause does not show.
 */
function consequences(findings) {
    const out = new Map();
    // Keyed by build and input file: a log of thousands of builds is read once, not once per finding.
    const key = (f) => `${f.source ?? ''}\u0000${f.build ?? ''}`;
    const roots = new Map();
    for (const f of findings)
        if (f.severity === 'error' && f.data?.role === 'root-cause' && !roots.has(key(f)))
            roots.set(key(f), f);
    for (const finding of findings) {
        if (finding.severity === 'error' || finding.data?.role !== 'contributing')
            continue;
        const root = roots.get(key(finding));
        if (!root)
            continue;
        const quoted = new Set(root.evidence.map((e) => e.line));
        if (finding.evidence.length > 0 && finding.evidence.every((e) => quoted.has(e.line)))
            out.set(finding, root);
    }
    return out;
}
/** Builds for which the baseline section prints a cache break sentence. */
function cacheBreaksShown(analysis) {
    const comparison = analysis.comparison;
    const out = new Set();
    if (!comparison?.hasBaseline)
        return out;
    analysis.builds.forEach((b, i) => {
        if (comparison.builds[i]?.cacheBreak)
            out.add(b.build.name);
    });
    return out;
}


/***/ }),

/***/ 6443:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ writeFileStreaming),
/* harmony export */   y: () => (/* binding */ streamWriter)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_events__WEBPACK_IMPORTED_MODULE_1__);


/** A chunk writer over a stream that waits when the stream asks it to (backpressure). */
function streamWriter(stream) {
    return async (chunk) => {
        if (!stream.write(chunk))
            await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(stream, 'drain');
    };
}
/** Writes a file chunk by chunk with `produce`, and closes it. */
async function writeFileStreaming(path, produce) {
    const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path);
    const failed = (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(stream, 'error').then(([error]) => {
        throw error;
    });
    await Promise.race([
        (async () => {
            await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(stream, 'open');
            await produce(streamWriter(stream));
            stream.end();
            await (0,node_events__WEBPACK_IMPORTED_MODULE_1__.once)(stream, 'finish');
        })(),
        failed,
    ]);
}


/***/ }),

/***/ 687:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ changeOf),
/* harmony export */   E8: () => (/* binding */ changeLineOf),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   gq: () => (/* binding */ afterBuildClause),
/* harmony export */   oY: () => (/* binding */ laterStepFailed)
/* harmony export */ });
/* unused harmony export mainCause */
/* harmony import */ var _analyze_group_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3415);
/* harmony import */ var _text_duration_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9495);
/* harmony import */ var _analyze_metrics_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(7401);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3326);
/* harmony import */ var _screen_groups_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(669);
/* harmony import */ var _likely_caveat_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(889);
/* harmony import */ var _text_fix_lines_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(7370);








function verdictOf(analysis) {
    // The groups the reports show below it: the verdict counts no warning and advises on no cause that
    // the screen tells elsewhere (a cache break the baseline explains is not "read and write the cache").
    const shown = { ...analysis, groups: (0,_screen_groups_js__WEBPACK_IMPORTED_MODULE_2__/* .screenGroups */ .h)(analysis).groups };
    const changed = change(shown, analysis.groups.length);
    return { happened: happened(shown), time: timeLine(shown), ...changed, named: namedFailure(shown) };
}
/** The failure whose title the verdict's first line gives (see `happened`). */
function namedFailure(analysis) {
    if (!analysis.builds.some((b) => b.build.status === 'failure'))
        return null;
    return analysis.groups.find((g) => g.severity === 'error') ?? null;
}
/** The group that answers "why": the first failure, else the cause that cost the most time. */
function mainCause(analysis) {
    const failure = analysis.groups.find((g) => g.severity === 'error');
    if (failure)
        return failure;
    const costly = analysis.groups.filter((g) => g.lostSeconds !== null && g.severity !== 'notice');
    // Measured against a native twin, emulation is a fact; a cold cache's cost is an upper bound.
    return costly.find((g) => g.id === 'qemu-emulation') ?? costly.sort((a, b) => b.lostSeconds - a.lostSeconds)[0] ?? null;
}
function names(list) {
    return list.map((n) => `**${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(n)}**`).join(', ');
}
function happened(analysis) {
    const builds = analysis.builds.map((b) => b.build);
    if (builds.length === 0)
        return 'No build was found in the input.';
    const failed = builds.filter((b) => b.status === 'failure');
    const canceled = builds.filter((b) => b.status === 'canceled');
    // Builds past the listing limit count too (the budget lists every failure it can, so these are rare).
    const omitted = analysis.omittedBuilds?.statuses;
    const failedCount = failed.length + (omitted?.failure ?? 0);
    const unknown = builds.filter((b) => b.status === 'unknown');
    if (failedCount === 0 && canceled.length === 0 && !omitted?.canceled && unknown.length > 0) {
        // A paste cut before the end, or a runner that died: not a success. A cause found in its lines
        // is said as what the log shows, not as why the build failed.
        const cause = analysis.groups.find((g) => g.severity === 'error');
        const shows = cause ? `, and ${unknown.length === 1 ? 'it shows' : 'they show'}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(cause.title))}` : '';
        if (unknown.length > 1)
            return `The logs of ${names(unknown.map((b) => b.name))} do not say how their builds ended${shows}.`;
        const who = builds.length === 1 ? 'The log' : `The log of ${names(unknown.map((b) => b.name))}`;
        return `${who} does not say how the build ended${shows}.`;
    }
    if (failedCount === 0 && canceled.length === 0 && !omitted?.canceled) {
        const warnings = analysis.groups.filter((g) => g.severity === 'warning').length;
        const total = builds.length + (analysis.omittedBuilds?.count ?? 0);
        const all = total === 1 ? 'The build succeeded' : `All ${total} builds succeeded`;
        return `${all}${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'} below` : ''}${afterBuildClause(analysis.groups, total)}.`;
    }
    const parts = [];
    const cause = analysis.groups.find((g) => g.severity === 'error');
    if (failed.length > 0) {
        const more = failedCount > 1 ? ` (${failedCount} builds failed)` : '';
        // A title that quotes a line ending with a period (`Process completed with exit code 1.`) ends the sentence itself.
        const title = (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(cause?.title ?? '')).replace(/\.+$/, '');
        parts.push(cause ? `${names(cause.builds)} failed: ${title}${more}` : `${names(failed.map((b) => b.name))} failed`);
    }
    if (canceled.length > 0) {
        // A time limit that ran out says why (a step's `timeout-minutes`, the job's maximum).
        const limit = analysis.groups
            .flatMap((g) => (g.id === 'canceled' ? g.findings : []))
            .map(_analyze_group_js__WEBPACK_IMPORTED_MODULE_0__/* .timeLimitOf */ .qn)
            .find((l) => l !== null);
        const why = failed.length ? ' after it' : limit ? `: ${limit} ran out` : '';
        parts.push(`${names(canceled.map((b) => b.name))} ${canceled.length === 1 ? 'was' : 'were'} canceled${why}`);
    }
    return `${parts.join('; ')}.`;
}
/** Whether a step after the builds failed for a cause the catalog names (a push denied): the run failed, though no build did. */
function laterStepFailed(groups) {
    return groups.some((g) => g.severity === 'error' && g.findings.some((f) => f.data?.laterCause !== undefined));
}
/**
 * `; a later step of its job reported an error` (or `was canceled`) when a job failed after its build (a smoke test):
 * a run whose builds succeeded must not read as one with nothing to say. `failed: <cause>` when the
 * catalog named the cause in that step's output (a push denied). Empty otherwise.
 */
function afterBuildClause(groups, totalBuilds) {
    const later = groups.filter((g) => g.id === 'after-build-error' || g.findings.some((f) => f.data?.laterCause !== undefined));
    if (later.length === 0)
        return '';
    const findings = later.flatMap((g) => g.findings);
    const builds = [...new Set(later.flatMap((g) => g.builds))];
    const cause = findings.find((f) => f.data?.laterCause !== undefined)?.data?.laterCause;
    const canceled = findings.filter((f) => f.data?.canceled === 1).length;
    const what = cause !== undefined
        ? `failed: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(String(cause)))}`
        : canceled === findings.length
            ? 'was canceled'
            : canceled === 0
                ? 'reported an error'
                : 'reported an error or was canceled';
    const whose = totalBuilds === 1 ? 'of its job' : builds.length === 1 ? `of the job of ${names(builds)}` : `of the jobs of ${names(builds)}`;
    return `; a later step ${whose} ${what}`;
}
function timeLine(analysis) {
    const spans = analysis.builds.map((b) => b.build.jobSeconds ?? b.build.buildSeconds).filter((s) => s !== null);
    // The builds past the listing limit were summed as they were folded (analyze/build-budget.ts).
    const omitted = analysis.omittedBuilds;
    const omittedTimed = omitted?.maxSeconds !== null && omitted?.maxSeconds !== undefined;
    if (spans.length === 0 && !omittedTimed)
        return null;
    const wall = Math.max(...spans, omitted?.maxSeconds ?? 0);
    // A job's time once, however many builds it ran (metrics.ts runnerSecondsOf), listed or folded.
    const runners = analysis.builds.map((b) => (0,_analyze_metrics_js__WEBPACK_IMPORTED_MODULE_5__/* .runnerSecondsOf */ .$9)(b.build)).filter((s) => s !== null);
    const runner = runners.reduce((a, b) => a + b, omitted?.runnerSeconds ?? 0);
    const count = runners.length + (omitted?.runnerJobs ?? 0);
    const jobs = count > 1 ? `, ${(runner / 60).toFixed(1)} runner minutes over ${count} jobs` : '';
    const wallText = `${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a)(wall)} wall time${count > 1 ? ' (the longest job)' : ''}${jobs}`;
    const cause = mainCause(analysis);
    // A cause's cost is measured on the listed builds' findings only: say so when some are not listed.
    const listedOnly = omitted ? ' in the listed builds' : '';
    if (cause?.id === 'qemu-emulation' && cause.lostSeconds) {
        const platform = cause.findings[0].data?.platform ?? 'the emulated platform';
        return `${wallText}; ${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a)(cause.lostSeconds)} of it (${share(cause.lostSeconds, runner)}) went to ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(String(platform))} under QEMU emulation${listedOnly}.`;
    }
    if (cause?.id === 'cache-miss' && cause.lostSeconds) {
        return `${wallText}; up to ${(0,_text_duration_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a)(cause.lostSeconds)} (${share(cause.lostSeconds, runner)}) went to steps a warm cache would have skipped${listedOnly}.`;
    }
    return `${wallText}.`;
}
function share(part, whole) {
    return `${Math.min(100, Math.round((part / whole) * 100))}%`;
}
function change(analysis, findings) {
    const cause = mainCause(analysis);
    const same = (text) => ({ change: text, changeWithHow: text });
    // Nothing to change only when nothing was found, also where the screen tells it (the baseline part).
    if (!cause)
        return same(findings === 0 && analysis.builds.length > 0 ? 'Nothing to change.' : null);
    // Only the emulation rule's measurement names the emulated platform and so the runners to build on (not a
    // signature's or a guess, which read "Build the emulated platform on native the emulated platform runners").
    if (cause.id === 'qemu-emulation' && (0,_analyze_group_js__WEBPACK_IMPORTED_MODULE_0__/* .measured */ .jh)(cause.findings[0])) {
        const platform = String(cause.findings[0].data.platform);
        const arch = platform.split('/')[1] ?? platform;
        const what = `Build ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(platform)} on native ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeText */ .X1)(arch)} runners instead of under QEMU emulation`;
        // The how (runner labels, pushing by digest) is in the finding's advice, said once there; a
        // finding's fix is `facts\n\nadvice`, the advice the same for every build.
        const fix = cause.findings[0].fix;
        const how = (0,_text_fix_lines_js__WEBPACK_IMPORTED_MODULE_7__/* .firstLine */ .TM)(fix.includes('\n\n') ? fix.slice(fix.indexOf('\n\n') + 2) : fix);
        return { change: `${what} (how: the first finding below).`, changeWithHow: how ? `${what}. How: ${how}` : `${what}.` };
    }
    return same(changeOf(cause));
}
/**
 * The change a group's fix says first, in one line. A guessed cause's caveat is not a change: the change is
 * its first advice, said as conditional as the guess ("If so: ..."; the headline says "Likely").
 */
function changeOf(group) {
    const { caveat, advice } = (0,_likely_caveat_js__WEBPACK_IMPORTED_MODULE_3__/* .caveatAndAdvice */ .M)(group);
    const line = changeLineOf(group, advice);
    return line !== null && caveat !== null ? `If so: ${line}` : line;
}
/**
 * The line of `advice` (a group's fix, or its advice without a guess's caveat) that is the change: the one
 * its finding names (Finding.change: a signature's fix may open with what happened), else the first line.
 */
function changeLineOf(group, advice) {
    const named = group.findings[0]?.change ?? null;
    // A group's fix may be another than its first finding's (analyze/group.ts): the named line must be in it.
    if (named !== null && (0,_text_fix_lines_js__WEBPACK_IMPORTED_MODULE_7__/* .hasLine */ .pc)(advice, named))
        return named;
    return (0,_text_fix_lines_js__WEBPACK_IMPORTED_MODULE_7__/* .firstLine */ .TM)(advice);
}


/***/ }),

/***/ 1080:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   a$: () => (/* binding */ formatByteDelta),
/* harmony export */   q6: () => (/* binding */ parseSizeLimit),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
// Sizes in words: size budgets as people write them (`25MiB`, `1.5GB`) and byte counts and their
// changes as the reports show them.
/** Control characters and runs of white space to one space, cut to `max` characters. */
function oneLine(text, max = 200) {
    const flat = text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
const UNITS = {
    b: 1,
    k: 1000,
    kb: 1000,
    mb: 1000 ** 2,
    gb: 1000 ** 3,
    tb: 1000 ** 4,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
    ki: 1024,
    mi: 1024 ** 2,
    gi: 1024 ** 3,
    ti: 1024 ** 4,
};
/**
 * `25MiB`, `1.5GB`, `800kB`, `1048576`, `25 MiB` -> bytes (kB/MB/GB decimal, KiB/MiB/GiB binary, unit
 * letters in any case). Throws an Error with a one-line message for anything else.
 */
function parseSizeLimit(text) {
    const shown = JSON.stringify(oneLine(String(text), 60));
    const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(String(text));
    const hint = 'expected bytes or a number with a unit: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB (e.g. 25MiB, 1.5GB, 800kB)';
    if (!match)
        throw new Error(`invalid size limit ${shown}: ${hint}`);
    const unit = match[2].toLowerCase();
    const factor = unit === '' ? 1 : UNITS[unit];
    if (factor === undefined)
        throw new Error(`invalid size limit ${shown}: unknown unit "${match[2]}"; ${hint}`);
    const bytes = Math.round(Number(match[1]) * factor);
    if (!Number.isSafeInteger(bytes))
        throw new Error(`invalid size limit ${shown}: too large`);
    if (bytes <= 0)
        throw new Error(`invalid size limit ${shown}: must be more than 0 bytes`);
    return bytes;
}
/** `512 B`, `1.5 KiB`, `24.8 MiB`, `1.02 GiB`: binary units, three significant digits. */
function formatBytes(bytes) {
    if (!Number.isFinite(bytes))
        return String(bytes);
    const sign = bytes < 0 ? '-' : '';
    let value = Math.abs(bytes);
    if (value < 1024)
        return `${sign}${Math.round(value)} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    // 1023.96 KiB would print as "1024 KiB": go up a unit instead.
    if (value >= 999.5 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${sign}${value.toFixed(digits)} ${units[unit]}`;
}
/** `+1.20 MiB (+5.1%)`, `-300 B (-0.2%)`, `\u00b10 B (0.0%)`; without a percentage when the baseline is 0. */
function formatByteDelta(current, baseline) {
    const delta = current - baseline;
    const amount = delta === 0 ? '\u00b10 B' : `${delta > 0 ? '+' : '-'}${formatBytes(Math.abs(delta))}`;
    if (baseline === 0)
        return amount;
    const percent = (delta / baseline) * 100;
    return `${amount} (${percent > 0 ? '+' : ''}${percent.toFixed(1)}%)`;
}


/***/ }),

/***/ 9548:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ detach)
/* harmony export */ });
/**
 * A copy of `text` that no longer shares memory with the string it was cut from. V8 keeps a whole
 * line alive behind any slice or regex capture of it; a build keeps a few strings from thousands of
 * lines, so without copying, its memory would grow with the log instead of with the build.
 * Only for strings that outlive their line: not for the per-line hot path.
 */
function detach(text) {
    return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}


/***/ }),

/***/ 9495:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** `45.2 s` under a minute and a half, `64.3 min` above: the runbook's unit for builds. */
function formatDuration(seconds) {
    if (seconds === null)
        return '\u2014';
    if (seconds < 90)
        return `${Math.round(seconds * 10) / 10} s`;
    return `${(seconds / 60).toFixed(1)} min`;
}


/***/ }),

/***/ 7370:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hx: () => (/* binding */ withoutLine),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   oI: () => (/* binding */ firstListItem),
/* harmony export */   pc: () => (/* binding */ hasLine)
/* harmony export */ });
/* unused harmony export withoutFirstLine */
// The lines of a fix (Markdown written by buildx-doctor and the catalog) that reports quote alone: the
// change to make, said in one line, and the rest without it.
/** The first sentence-like line of a fix: what to do, in one line. */
function firstLine(fix) {
    const index = firstLineIndex(fix);
    return index === -1 ? null : bare(fix.split('\n')[index]);
}
/** The first list item of a fix (`- ...`, `1. ...`), without its marker; null when it has none. */
function firstListItem(fix) {
    const item = fix.split('\n').find((l) => LIST_ITEM.test(l) && bare(l) !== '');
    return item === undefined ? null : bare(item);
}
/** The fix without the line `firstLine` gives: the rest, for a report that said the first line already. */
function withoutFirstLine(fix) {
    return withoutLine(fix, firstLine(fix));
}
/** Whether a line of the fix says `line` (without its list marker). */
function hasLine(fix, line) {
    return fix.split('\n').some((l) => bare(l) === line);
}
/** The fix without its first line whose text (without a list marker) is `line`; the fix as it is when none is. */
function withoutLine(fix, line) {
    if (line === null)
        return fix;
    const lines = fix.split('\n');
    const index = lines.findIndex((l) => bare(l) === line);
    if (index === -1)
        return fix;
    lines.splice(index, 1);
    return lines.join('\n').trim();
}
const LIST_ITEM = /^\s*(?:[-*]|\d+\.)\s+/;
function firstLineIndex(fix) {
    return fix.split('\n').findIndex((l) => {
        const line = bare(l);
        return line !== '' && !line.startsWith('```') && !line.startsWith('|') && !line.startsWith('<');
    });
}
/** A line without its list marker. */
function bare(line) {
    return line.replace(LIST_ITEM, '').trim();
}


/***/ }),

/***/ 6590:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   kU: () => (/* binding */ stripControl),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
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
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}\u2026`;
}
/**
 * Plain text for Markdown: no HTML, no formatting, no mentions, no links. GitHub links references
 * even where Markdown is escaped (`\#4242` still becomes a link to issue 4242, github/cmark-gfm#181),
 * so a zero-width space breaks each one up as it does mentions: `#42`, `GH-42`, `owner/repo#42`,
 * and bare URLs (`https://`, `www.`), which GitHub's autolinking would otherwise make clickable.
 */
function escapeText(text) {
    return stripControl(text)
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()+!|~])/g, '\\$1')
        .replace(/#/g, `\\#${ZERO_WIDTH_SPACE}`)
        .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZERO_WIDTH_SPACE}`)
        .replace(/\b([a-z][a-z0-9+.-]{0,31}):\/\//gi, `$1:${ZERO_WIDTH_SPACE}//`)
        .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
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


/***/ }),

/***/ 3326:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
/* unused harmony export redactUngated */
// Log text can carry credentials that GitHub's own masking missed (a token echoed by a script, a
// password in a URL or a JSON config). Everything buildx-doctor keeps from a log passes through here
// once, when the build model is made (src/parse/redact-build.ts); reports may call it again.
//
// Every pattern has bounded repetition before its anchor, so a long line cannot make it quadratic,
// and text is cut to MAX_REDACT characters first.
const MAX_REDACT = 8192;
/**
 * Each pattern with the texts it cannot match without (lower case; at least one must be in the
 * lower-cased text), so that a line with none of them costs a few substring searches instead of
 * every regular expression. Redaction runs on every line an excerpt keeps and again in the reports,
 * and this was a tenth of a whole analysis. A gate may let through text its pattern does not match
 * (then the pattern runs and changes nothing), never hold back text it matches. A replacement only
 * ever puts `***` in, so it cannot make a gate's text appear for a later pattern.
 */
const PATTERNS = [
    // GitHub, GitLab and npm tokens.
    [
        /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255}|glpat-[A-Za-z0-9_-]{20,255}|npm_[A-Za-z0-9]{30,255})\b/g,
        '***',
        ['gh', 'github_pat_', 'glpat-', 'npm_'],
    ],
    // JSON Web Tokens (registry bearer tokens, OIDC tokens).
    [/\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}/g, '***', ['eyj']],
    // AWS access key ids.
    [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '***', ['akia', 'asia']],
    // `Authorization: Bearer xxx`, `"Authorization": "Basic xxx"`.
    [/(Authorization"?\s{0,8}[:=]\s{0,8}"?(?:Bearer|Basic|token)\s{1,8})[^\s"']{1,4096}/gi, '$1***', ['authorization']],
    // Credentials in URLs: scheme://user:password@host (the password may itself hold an @).
    // The user may be empty (`https://:token@host`).
    [/\b([a-z][a-z0-9+.-]{0,32}:\/\/[^\s:/@]{0,256}:)(?!\*\*\*@)[^\s/]{1,512}@(?=[^\s@/]{1,256}(?:[/:\s]|$))/gi, '$1***@', ['://']],
    // --password xxx, --token=xxx, -p xxx after a login, curl -u user:pass (command lines).
    [/(--(?:password|passwd|token|secret|api-key|access-key)(?:=|\s{1,8}))(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|\S{1,4096})/gi, '$1***', ['--']],
    // -p after a login (docker, helm, oras, podman), a mysql client or a -u user, in every form:
    // `-p X`, `-pX`, `-p=X`, `-p "two words"`.
    [
        /(\b(?:login|mysql\w{0,16})\b[^\n]{0,256}?\s-p|\s-u\s{1,8}\S{1,256}\s{1,8}-p)(=|\s{1,8})?(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s"']\S{0,4095})/g,
        '$1$2***',
        ['-p'],
    ],
    // A continuation line that holds only `-p X \` (the `login` was on the line before).
    [
        /^(\s{0,64}(?:#\d{1,9}\s(?:\d{1,9}\.\d{1,9}\s)?)?\s{0,64}-p)(=|\s{1,8})(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s"'\\]\S{0,4095})(?=\s{1,8}\\\s{0,8}$)/g,
        '$1$2***',
        ['-p'],
    ],
    [/(\s-u\s{1,8}[^\s:]{1,256}:)(?!\*\*\*)\S{1,4096}/g, '$1***', ['-u']],
    // "password": "xxx", "token": "xxx", "auth": "xxx" (JSON and docker config.json).
    [
        /("[\w-]{0,64}(?:password|passwd|token|secret|auth|api_?key|access_?key)[\w-]{0,64}"\s{0,8}:\s{0,8}")(?!\*\*\*)[^"]{1,4096}"/gi,
        '$1***"',
        ['pass', 'token', 'secret', 'auth', 'api', 'access'],
    ],
    // password=xxx, TOKEN=xxx, SECRET_KEY=xxx (assignments).
    [
        /\b([A-Z0-9_]{0,64}(?:password|passwd|token|secret|api_?key|access_?key)[A-Z0-9_]{0,64}\s{0,8}=\s{0,8})(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s,;"']{1,4096})/gi,
        '$1***',
        ['pass', 'token', 'secret', 'api', 'access'],
    ],
    // password: xxx, api_key: xxx, GITHUB_TOKEN: xxx (config dumps). Not a bare "token:", which is
    // BuildKit's own wording ("failed to fetch oauth token: unexpected status: 403") and must stay;
    // nor BuildKit's "secret GITHUB_TOKEN: not found", which names the missing secret, not its value;
    // nor a tool's error on a secret's file (`cat: /run/secrets/api_key: No such file or directory`).
    [
        /\b([A-Z0-9_]{0,64}(?:password|passwd|secret|api_?key|access_?key|_token)[A-Z0-9_]{0,64}\s{0,8}:\s{0,8})(?!\*\*\*|not found\b|No such file or directory\b|Permission denied\b)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s,;"']{1,4096})/gi,
        '$1***',
        ['pass', 'secret', 'api', 'access', '_token'],
    ],
    // PEM private keys (the header line is enough to know the rest is secret).
    [/-----BEGIN [A-Z ]{0,64}PRIVATE KEY-----.*/g, '-----BEGIN PRIVATE KEY----- ***', ['-----begin']],
];
/**
 * Every gate's words in one expression over the lower-cased text: most texts (step names, commands,
 * quoted lines) hold none, and one search rules them all out where the gates took two dozen.
 */
const GATE_WORDS = [...new Set(PATTERNS.flatMap(([, , gate]) => gate))].map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
const ANY_GATE = new RegExp(GATE_WORDS);
/**
 * The same words ignoring case, tried on the text itself: no lower-cased copy of every line (most of
 * the garbage redaction made). Where it finds none, no pattern can match: a match needs its gate's
 * ASCII word in the text in some case, and `i` without `u` folds only ASCII onto ASCII (a character
 * that lower-cases to ASCII, the Kelvin sign or `\u0130`, may pass a gate below, but no pattern matches it).
 */
const ANY_GATE_ANY_CASE = new RegExp(GATE_WORDS, 'i');
function redact(text) {
    let out = text.length > MAX_REDACT ? `${text.slice(0, MAX_REDACT)}\u2026` : text;
    if (!ANY_GATE_ANY_CASE.test(out))
        return out;
    const lower = out.toLowerCase();
    if (!ANY_GATE.test(lower))
        return out;
    for (const [pattern, replacement, gate] of PATTERNS) {
        // A replacement only puts `***` in: the text as lowered before still tells each gate.
        if (gate.some((needle) => lower.includes(needle)))
            out = out.replace(pattern, replacement);
    }
    return out;
}
/** redact without the gates: every pattern on every text. The reference the gates are tested against. */
function redactUngated(text) {
    let out = text.length > MAX_REDACT ? `${text.slice(0, MAX_REDACT)}\u2026` : text;
    for (const [pattern, replacement] of PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}


/***/ }),

/***/ 311:
/***/ (function (__unused_webpack_module, __webpack_exports__, __nccwpck_require__) {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ TOOL_NAME),
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
// Kept in step with package.json by a test (bundles cannot read package.json at run time).
const TOOL_NAME = 'buildx-doctor';
const TOOL_VERSION = '0.1.0';


/***/ }),

/***/ 2613:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ (function (module) {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/action/workflow-commands.ts
var workflow_commands = __nccwpck_require__(6812);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/engine.ts + 4 modules
var engine = __nccwpck_require__(6987);
// EXTERNAL MODULE: ./src/diagnose/load-catalog.ts + 2 modules
var load_catalog = __nccwpck_require__(4983);
// EXTERNAL MODULE: ./src/analyze/fail-policy.ts
var fail_policy = __nccwpck_require__(797);
// EXTERNAL MODULE: ./src/analyze/rule.ts
var rule = __nccwpck_require__(1312);
// EXTERNAL MODULE: ./src/input/values.ts
var values = __nccwpck_require__(9016);
// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __nccwpck_require__(1377);
;// CONCATENATED MODULE: ./src/github/comment-mode.ts
// The `comment` input, apart from the comment's code (sticky-comment.ts loads node:crypto for its
// marker): reading the inputs must not load what only a pull request's run uses.
function parseCommentMode(text) {
    const value = text.trim().toLowerCase() || 'on-failure';
    if (value === 'off' || value === 'on-failure' || value === 'on-findings' || value === 'always')
        return value;
    throw new Error(`comment must be off, on-failure, on-findings or always, not "${text}"`);
}

;// CONCATENATED MODULE: ./src/buildx/build-metadata.ts

/**
 * Reads the metadata JSON: one build's map, or bake's map of targets to such maps. Throws an
 * InputError (one line) when it is not that.
 */
function parseBuildMetadata(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new errors/* InputError */.d('metadata: not JSON (pass the build-push-action "metadata" output as it is)');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new errors/* InputError */.d('metadata: expected a JSON object');
    const record = value;
    if (isSingle(record))
        return [single(null, record)];
    const targets = Object.entries(record).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v) && isSingle(v));
    if (targets.length === 0)
        throw new errors/* InputError */.d('metadata: neither a build\'s metadata nor a bake map of targets (no "buildx.build.ref" or "containerimage.digest")');
    return targets.map(([target, v]) => single(target, v));
}
function isSingle(record) {
    return 'buildx.build.ref' in record || 'containerimage.digest' in record || 'buildx.build.warnings' in record || 'image.name' in record;
}
function single(target, record) {
    const str = (key) => (typeof record[key] === 'string' ? record[key] : null);
    return {
        target,
        ref: str('buildx.build.ref'),
        digest: str('containerimage.digest'),
        imageNames: (str('image.name') ?? '')
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean),
        warnings: Array.isArray(record['buildx.build.warnings'])
            ? record['buildx.build.warnings'].map(warning).filter((w) => w !== null)
            : [],
        provenance: record['buildx.build.provenance'] !== undefined,
    };
}
/** BuildKit sends `short`, `detail` and source data base64-encoded; older buildx wrote plain text. */
function warning(raw) {
    if (!raw || typeof raw !== 'object')
        return null;
    // Only the fields read here; unknown, because the metadata file is not validated.
    const w = raw;
    const short = decode(w.short);
    const rule = /^([A-Z][A-Za-z]+):/.exec(short)?.[1] ?? (typeof w.rule === 'string' ? w.rule : 'build-check');
    const line = Number(w.range?.[0]?.start?.line);
    return {
        rule,
        message: short.replace(/^[A-Z][A-Za-z]+:\s*/, '') || decode(w.detail?.[0]) || 'build check warning',
        file: typeof w.sourceInfo?.filename === 'string' ? w.sourceInfo.filename : null,
        line: Number.isInteger(line) && line > 0 ? line : null,
        url: typeof w.url === 'string' ? w.url : null,
    };
}
function decode(value) {
    if (typeof value !== 'string')
        return '';
    if (/^[A-Za-z0-9+/]+=*$/.test(value) && value.length % 4 === 0) {
        const text = Buffer.from(value, 'base64').toString('utf8');
        if (!/[\u0000-\u0008\uFFFD]/.test(text))
            return text;
    }
    return value;
}

// EXTERNAL MODULE: ./src/text/bytes.ts
var bytes = __nccwpck_require__(1080);
// EXTERNAL MODULE: ./src/github/baseline-run.ts
var baseline_run = __nccwpck_require__(7836);
// EXTERNAL MODULE: ./src/github/history-runs.ts
var history_runs = __nccwpck_require__(522);
// EXTERNAL MODULE: ./src/doctor/check.ts
var check = __nccwpck_require__(7751);
;// CONCATENATED MODULE: ./src/action/inputs.ts











/**
 * Reads the inputs. A bad value never fails the step: it is reported as a warning and the default
 * is used, because buildx-doctor must not turn a build red by itself.
 */
function readInputs(warnings, env = process.env) {
    const tolerant = (name, fallback, parse) => {
        const text = workflow_commands/* getInput */.V4(name);
        if (text.trim() === '')
            return fallback;
        try {
            return parse(text);
        }
        catch (error) {
            warnings.push(`input ${name}: ${(0,errors/* describeError */.U)(error)}; using the default`);
            return fallback;
        }
    };
    const runnerTemp = env.RUNNER_TEMP || '.';
    return {
        logs: list(workflow_commands/* getInput */.V4('logs')),
        failOn: tolerant('fail-on', 'never', fail_policy/* parseFailOn */.X),
        maxBuildMinutes: tolerant('max-build-minutes', rule/* DEFAULT_ANALYSIS_OPTIONS */.a.maxBuildMinutes, values/* parseMinutes */.l),
        reportFile: workflow_commands/* getInput */.V4('report-file').trim() || `${runnerTemp}/buildx-doctor/report.json`,
        summary: tolerant('summary', true, parseBoolean),
        annotations: tolerant('annotations', true, parseBoolean),
        signatures: workflow_commands/* getInput */.V4('signatures').trim() || null,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        source: tolerant('source', 'auto', parseSource),
        // Newlines only: matrix job names hold commas (`build (linux/amd64, runtime)`).
        jobs: workflow_commands/* getInput */.V4('jobs')
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
        runId: tolerant('run-id', null, (text) => {
            const n = Number(text.trim());
            if (!Number.isSafeInteger(n) || n <= 0)
                throw new Error(`"${text}" is not a run id (a positive number)`);
            return n;
        }),
        comment: tolerant('comment', 'on-failure', parseCommentMode),
        commentKey: workflow_commands/* getInput */.V4('comment-key').trim() || null,
        githubToken: workflow_commands/* getInput */.V4('github-token').trim(),
        metadata: tolerant('metadata', [], parseBuildMetadata),
        buildRefs: list(workflow_commands/* getInput */.V4('build-ref')),
        imageSizes: tolerant('image-sizes', true, parseBoolean),
        images: list(workflow_commands/* getInput */.V4('images')),
        sizeBaseline: workflow_commands/* getInput */.V4('size-baseline').trim() || null,
        maxImageBytes: tolerant('max-image-size', null, bytes/* parseSizeLimit */.q6),
        registryUsername: workflow_commands/* getInput */.V4('registry-username').trim() || null,
        registryPassword: workflow_commands/* getInput */.V4('registry-password') || null,
        baseline: tolerant('baseline', { kind: 'auto' }, baseline_run.parseBaselineChoice),
        history: tolerant('history', 0, (text) => {
            const n = Number(text.trim());
            if (!Number.isSafeInteger(n) || n < 0 || n > history_runs/* MAX_HISTORY_RUNS */.x_)
                throw new Error(`"${text}" is not a number of runs from 0 to ${history_runs/* MAX_HISTORY_RUNS */.x_}`);
            return n;
        }),
        mode: tolerant('mode', 'analyze', parseMode),
        doctorSkip: tolerant('doctor-skip', new Set(), check/* parseSkip */.l9),
        logWaitSeconds: tolerant('log-wait-seconds', 120, (text) => {
            const n = Number(text.trim());
            if (!Number.isFinite(n) || n < 0 || n > 3600)
                throw new Error(`"${text}" is not a number of seconds from 0 to 3600`);
            return n;
        }),
    };
}
function list(text) {
    return text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
function parseSource(text) {
    const value = text.trim().toLowerCase();
    if (value === 'auto' || value === 'files' || value === 'jobs' || value === 'history')
        return value;
    throw new Error(`source must be auto, files, history or jobs, not "${text}"`);
}
function parseMode(text) {
    const value = text.trim().toLowerCase();
    if (value === 'analyze' || value === 'doctor' || value === 'both')
        return value;
    throw new Error(`mode must be analyze, doctor or both, not "${text}"`);
}
function parseBoolean(text) {
    const value = text.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(value))
        return true;
    if (['false', 'no', 'off', '0'].includes(value))
        return false;
    throw new Error(`"${text}" is not true or false`);
}

// EXTERNAL MODULE: ./src/github/api.ts
var api = __nccwpck_require__(8943);
// EXTERNAL MODULE: ./src/input/log-source.ts
var log_source = __nccwpck_require__(2310);
;// CONCATENATED MODULE: ./src/action/resolve-logs.ts



/** What makes a pattern a glob for @actions/glob (wildcards, character classes, negation, `~`). */
const GLOB_SYNTAX = /[*?[\]{}]|^\s*[!~#]/;
/** Expands the `logs` patterns into file sources; patterns that match nothing are reported. */
async function resolveLogFiles(patterns, problems) {
    const sources = [];
    const seen = new Set();
    for (const pattern of patterns) {
        const files = await matchingFiles(pattern);
        if (files.length === 0) {
            problems.push(`logs: no file matches ${pattern}`);
            continue;
        }
        for (const file of files.sort()) {
            if (seen.has(file))
                continue;
            seen.add(file);
            sources.push((0,log_source/* fileSource */.IO)(relativeToWorkspace(file)));
        }
    }
    return sources;
}
/**
 * The files a pattern names. A plain path (the usual `logs: build.log`) is looked up directly:
 * @actions/glob, and the @actions/core it loads, are only loaded for a real glob.
 */
async function matchingFiles(pattern) {
    if (GLOB_SYNTAX.test(pattern)) {
        const glob = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(581), __nccwpck_require__.e(25)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2025));
        const globber = await glob.create(pattern, { matchDirectories: false, implicitDescendants: false });
        return globber.glob();
    }
    const path = (0,external_node_path_.resolve)(pattern.trim());
    const found = await (0,promises_.stat)(path).catch(() => null);
    return found?.isFile() ? [path] : [];
}
/** Reports name files relative to the workspace, as a person sees them in the repository. */
function relativeToWorkspace(file) {
    const root = process.env.GITHUB_WORKSPACE || process.cwd();
    return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

;// CONCATENATED MODULE: ./src/action/choose-sources.ts



/**
 * Where the logs come from, without configuration: the `logs` files when given; otherwise the jobs
 * of the run (`run-id`, or the current run for a follow-up job).
 */
async function chooseSources(run, apiBudgetMs) {
    const { inputs, context, client, warnings } = run;
    const useFiles = inputs.source === 'files' || (inputs.source === 'auto' && inputs.logs.length > 0);
    if (useFiles) {
        if (inputs.logs.length === 0)
            warnings.push('nothing to analyse: set the "logs" input to the build log file(s), for example logs: build.log');
        return { sources: await resolveLogFiles(inputs.logs, warnings), origin: 'files', runId: null, jobs: [] };
    }
    // Right after a build in the same job: BuildKit's own record of it, when there is one.
    const wantHistory = inputs.source === 'history' || (inputs.source === 'auto' && (inputs.metadata.length > 0 || inputs.buildRefs.length > 0));
    const tryHistory = inputs.source === 'auto' && !wantHistory && inputs.runId === null;
    let historyNotes = [];
    if (wantHistory || tryHistory) {
        const { historySources } = await __nccwpck_require__.e(/* import() */ 254).then(__nccwpck_require__.bind(__nccwpck_require__, 9254));
        const history = await historySources({ metadata: inputs.metadata, refs: inputs.buildRefs });
        if (history.sources.length > 0 || wantHistory) {
            warnings.push(...history.notes);
            return { sources: history.sources, origin: history.sources.length > 0 ? 'history' : 'none', runId: null, jobs: [] };
        }
        // Said only if the jobs give nothing either: then it explains why there is nothing to analyse.
        historyNotes = history.notes;
    }
    const runId = inputs.runId ?? context.runId;
    if (!client || !context.owner || !context.repo || !runId) {
        warnings.push(...historyNotes);
        warnings.push('nothing to analyse: give the "logs" input (log files), or run in GitHub Actions with a "github-token" so that the jobs of the run can be read');
        return { sources: [], origin: 'none', runId: null, jobs: [] };
    }
    try {
        const { jobLogSources } = await Promise.all(/* import() */[__nccwpck_require__.e(581), __nccwpck_require__.e(638)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4638));
        const result = await jobLogSources(client, {
            owner: context.owner,
            repo: context.repo,
            runId,
            jobPatterns: inputs.jobs,
            // Our own job is still running; skip it, unless we diagnose another run.
            ownRunner: inputs.runId && inputs.runId !== context.runId ? null : context.runnerName,
            // The wait stays inside the API time budget, with room left to download the logs.
            waitMs: Math.min(inputs.logWaitSeconds * 1000, Math.max(0, apiBudgetMs - 120_000)),
            pollMs: Math.min(10_000, Math.max(200, inputs.logWaitSeconds * 100)),
        });
        warnings.push(...result.problems);
        return { sources: result.sources, origin: 'jobs', runId, jobs: result.jobs };
    }
    catch (error) {
        warnings.push(error instanceof api/* ApiError */.hD ? `${error.message}; no job log of run ${runId} was read` : `could not read the jobs of run ${runId}: ${(0,errors/* describeError */.U)(error)}`);
        return { sources: [], origin: 'none', runId, jobs: [] };
    }
}

// EXTERNAL MODULE: ./src/action/links.ts
var links = __nccwpck_require__(303);
// EXTERNAL MODULE: ./src/github/run-context.ts
var run_context = __nccwpck_require__(7068);
// EXTERNAL MODULE: ./src/compare/cache-break-advice.ts
var cache_break_advice = __nccwpck_require__(7288);
// EXTERNAL MODULE: ./src/report/screen-groups.ts
var screen_groups = __nccwpck_require__(669);
// EXTERNAL MODULE: ./src/report/finding-block.ts + 1 modules
var finding_block = __nccwpck_require__(9025);
// EXTERNAL MODULE: ./src/text/duration.ts
var duration = __nccwpck_require__(9495);
// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __nccwpck_require__(3326);
// EXTERNAL MODULE: ./src/text/markdown.ts
var text_markdown = __nccwpck_require__(6590);
;// CONCATENATED MODULE: ./src/action/annotations.ts







/** GitHub shows at most 10 annotations of each kind per step; more are dropped silently. */
const PER_SEVERITY = 10;
/** buildx-doctor's own warnings (unreadable inputs, API errors) take at most this many of them. */
const OWN_WARNINGS = 4;
/**
 * The annotations of an analysis: its findings as the reader's screen shows them (report/screen-groups.ts),
 * so that what the job summary folds under its root cause is not an annotation of its own. It is
 * named in its root cause's message instead. A build's cache miss that the baseline explains is
 * annotated as the summary tells it: where the cache broke, on that Dockerfile line when known.
 */
function annotationsOf(analysis, ownWarnings = []) {
    const screen = (0,screen_groups/* screenGroups */.h)(analysis);
    const shown = new Set(screen.groups.flatMap((g) => g.findings));
    const explained = new Set(analysis.findings.filter((f) => f.id === 'cache-miss' && !shown.has(f)).map((f) => f.build));
    const breaks = (analysis.comparison?.builds ?? [])
        .filter((c) => c.cacheBreak && explained.has(c.build))
        .map((c) => ({ build: c.build, cacheBreak: c.cacheBreak }));
    return annotationsFor(screen.groups, ownWarnings, screen.consequences, breaks);
}
/**
 * The annotations for the findings, most important first, within GitHub's limits: one per kind of
 * finding, however many builds it is about (the same warning on three components is one annotation).
 * A finding that points at files (the Dockerfile line, the source line a compiler named) is annotated
 * on each of them; the others on the run. A group's consequences (findings that only restate its
 * lines) are named in its message; cache breaks the baseline explains come after the findings.
 */
function annotationsFor(groups, ownWarnings = [], consequences = new Map(), cacheBreaks = []) {
    const used = { error: 0, warning: 0, notice: 0 };
    const out = [];
    // One budget for everything the step annotates: buildx-doctor's own warnings first (few, and
    // folded into one when there are many: 15 empty logs are one problem), then the findings.
    const shown = ownWarnings.length > OWN_WARNINGS ? ownWarnings.slice(0, OWN_WARNINGS - 1) : ownWarnings;
    for (const warning of shown)
        out.push({ severity: 'warning', message: clean((0,redact/* redact */.E)(warning)), properties: { title: 'buildx-doctor' } });
    if (shown.length < ownWarnings.length) {
        const rest = ownWarnings.length - shown.length;
        out.push({
            severity: 'warning',
            message: `and ${rest} more warning${rest === 1 ? '' : 's'}: all are listed in the job summary`,
            properties: { title: 'buildx-doctor' },
        });
    }
    used.warning = out.length;
    for (const finding of groups) {
        const title = `buildx-doctor: ${finding.id}`;
        // The title is redacted alone: a build called "secrets" must not turn "secrets: ..." into "***".
        // The builds are named as the summary's headline names them (a group whose title counts them does not).
        const builds = (0,finding_block/* buildsNamed */.HD)(finding);
        const summary = clean(`${builds.length ? `${names(builds)}: ` : ''}${(0,redact/* redact */.E)(finding.title)}${followers(consequences.get(finding) ?? [])}`);
        const seen = new Set();
        const places = finding.findings
            .flatMap((f) => f.locations ?? [])
            .filter((l) => l.verified && !seen.has(`${l.file}:${l.line}`) && seen.add(`${l.file}:${l.line}`));
        const targets = places.length > 0 ? places : [null];
        for (const place of targets) {
            if (used[finding.severity] >= PER_SEVERITY)
                break;
            used[finding.severity]++;
            out.push({
                severity: finding.severity,
                message: place ? clean(place.kind === 'source' && place.message ? `${(0,redact/* redact */.E)(place.message)} (${summary})` : summary) : summary,
                properties: place ? { title, file: place.file, startLine: place.line, ...(place.column ? { startColumn: place.column } : {}) } : { title },
            });
        }
    }
    for (const { where, builds, cacheBreak } of sameBreaks(cacheBreaks)) {
        if (used.warning >= PER_SEVERITY)
            break;
        used.warning++;
        out.push({
            severity: 'warning',
            message: clean(`${names(builds)}: ${breakSentence(cacheBreak)}`),
            properties: where ? { title: 'buildx-doctor: cache-miss', file: where.file, startLine: where.line } : { title: 'buildx-doctor: cache-miss' },
        });
    }
    return out;
}
/** Builds named in front of a message, the first few: a matrix of 100 must not push the message past the cut. */
function names(builds) {
    const shown = builds.slice(0, MAX_NAMED);
    return builds.length > MAX_NAMED ? `${shown.join(', ')} and ${builds.length - MAX_NAMED} more builds` : shown.join(', ');
}
const MAX_NAMED = 10;
/** ` (the same lines also read as "Pushing to the registry failed": that follows from it)`. */
function followers(consequences) {
    const titles = [...new Set(consequences.map((f) => (0,redact/* redact */.E)(f.title)))];
    if (titles.length === 0)
        return '';
    return ` (the same lines also read as ${titles.map((t) => `"${t}"`).join(', ')}: ${titles.length === 1 ? 'that follows' : 'those follow'} from it)`;
}
/** The cache breaks, one per place and reason, with the builds that broke there. */
function sameBreaks(breaks) {
    const byPlace = new Map();
    for (const { build, cacheBreak } of breaks) {
        const where = cacheBreak.dockerfile && cacheBreak.dockerfileLine !== null ? { file: cacheBreak.dockerfile, line: cacheBreak.dockerfileLine } : null;
        const key = `${where ? `${where.file}:${where.line}` : `${cacheBreak.step} ${cacheBreak.instruction}`}\u0000${cacheBreak.reason}`;
        const same = byPlace.get(key);
        if (same)
            same.builds.push(build);
        else
            byPlace.set(key, { where, builds: [build], cacheBreak });
    }
    return [...byPlace.values()];
}
/** The baseline section's sentence in plain text: `cache broke at [4/6] RUN make: build-arg-changed; 3 steps rebuilt, 2.2 min lost`. */
function breakSentence(b) {
    const steps = `${b.rebuiltSteps} step${b.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${(0,duration/* formatDuration */.a)(b.secondsLost)} lost`;
    const advice = (0,cache_break_advice/* cacheBreakAdvice */.i)(b.reason);
    return `cache broke at ${(0,redact/* redact */.E)(`${b.step} ${b.instruction}`)} against the baseline: ${b.reason}; ${steps}. ${(0,redact/* redact */.E)(b.detail)}${advice ? `. What to do: ${advice}` : ''}`;
}
/** Annotates the step: buildx-doctor's own warnings always, the findings when `withFindings`. */
function annotate(analysis, ownWarnings, withFindings) {
    const annotations = withFindings && analysis ? annotationsOf(analysis, ownWarnings) : annotationsFor([], ownWarnings);
    for (const { severity, message, properties } of annotations) {
        if (severity === 'error')
            workflow_commands/* error */.z3(message, properties);
        else if (severity === 'warning')
            workflow_commands/* warning */.$e(message, properties);
        else
            workflow_commands/* notice */.lm(message, properties);
    }
}
function clean(text) {
    return (0,text_markdown/* truncate */.xv)((0,text_markdown/* stripControl */.kU)(text).replace(/\s+/g, ' '), 1000);
}

// EXTERNAL MODULE: ./src/report/json-report.ts
var json_report = __nccwpck_require__(4225);
// EXTERNAL MODULE: ./src/report/sink.ts
var sink = __nccwpck_require__(6443);
// EXTERNAL MODULE: ./src/report/markdown-summary.ts
var markdown_summary = __nccwpck_require__(6836);
// EXTERNAL MODULE: ./src/compare/compare.ts + 5 modules
var compare = __nccwpck_require__(713);
;// CONCATENATED MODULE: ./src/action/baseline-step.ts



/**
 * Finds the baseline run, reads its jobs' logs exactly as the jobs source reads this run's, analyses
 * them with the same engine, and attaches the comparison to `head`. Returns the summary's one line
 * about the baseline: which run, or why there is none. Never throws: no baseline is a note.
 */
async function compareWithBaseline(head, run, options) {
    const { client, context } = run;
    // Nothing was built: there is nothing to compare, and no request is spent on it.
    if (head.builds.length === 0)
        return null;
    const workspace = options.analysisOptions.workspace ?? null;
    const found = await baselineAnalysis(client, context, options);
    head.comparison = (0,compare/* compareAnalyses */.S)(head, found.analysis, { workspace, ...(found.label ? { baselineLabel: found.label } : {}) });
    return found.line;
}
async function baselineAnalysis(client, context, options) {
    const none = (reason) => ({ analysis: null, label: null, line: { text: `no baseline: ${reason}`, url: null } });
    const { choice } = options;
    if (choice.kind === 'off')
        return { analysis: null, label: null, line: null };
    if (!client || !context.owner || !context.repo || !options.runId) {
        // Zero configuration outside GitHub Actions (no token, no run): nothing to say unless asked for.
        return choice.kind === 'auto' ? { analysis: null, label: null, line: null } : none('the runs can only be read in GitHub Actions with a github-token');
    }
    // The API's run lookup and the jobs' logs are loaded only when there is a client to use them.
    const [{ findBaselineRun, whyNot }, { jobLogSources }] = await Promise.all([Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 7836)), Promise.all(/* import() */[__nccwpck_require__.e(581), __nccwpck_require__.e(638)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4638))]);
    const repo = { owner: context.owner, repo: context.repo };
    const lookup = await findBaselineRun(client, repo, { choice, currentRunId: options.runId, payload: context.payload });
    if (!lookup.run)
        return none(lookup.reason ?? 'none found');
    const run = lookup.run;
    const label = `run #${run.number}${run.branch ? ` on ${run.branch}` : ''}`;
    let analysis;
    try {
        // The baseline run is finished: nothing to wait for, and no job of it is this one.
        const jobs = await jobLogSources(client, { ...repo, runId: run.id, jobPatterns: options.jobPatterns, ownRunner: null, waitMs: 0, pollMs: 200 });
        analysis = await (0,engine/* analyzeSources */.T)(jobs.sources, options.analysisOptions, options.catalog, null);
    }
    catch (error) {
        return none(`${describeRun(run)}: ${whyNot(error)}`);
    }
    if (analysis.builds.length === 0) {
        return none(`${describeRun(run)} was found, but ${unreadableBecause(analysis)}`);
    }
    return { analysis, label, line: { text: `Baseline: ${describeRun(run)}`, url: (0,run_context/* runUrl */.V)(context, run.id) } };
}
/** `run #41 (17964002949) on main, 2025-09-24, push` */
function describeRun(run) {
    return `run #${run.number} (${run.id})${run.branch ? ` on ${run.branch}` : ''}, ${run.date.slice(0, 10)}, ${run.event}`;
}
/** Why the baseline's logs gave no build: expired logs (410) first, the most common reason. */
function unreadableBecause(analysis) {
    const messages = analysis.problems.map((p) => p.message);
    if (messages.some((m) => /\b410\b/.test(m)))
        return 'its logs have expired (GitHub keeps them 90 days by default)';
    if (messages.some((m) => /\b(403|404)\b/.test(m)))
        return `its logs could not be read (${messages.find((m) => /\b(403|404)\b/.test(m))}); the job's token needs the actions: read permission`;
    return messages.length > 0 ? `no build could be read from its logs (${messages[0]})` : 'no build could be read from its logs';
}

;// CONCATENATED MODULE: ./src/action/run.ts



















// Code only some runs need is loaded when their inputs ask for it (chunk files beside the entry),
// so that a run on log files compiles and evaluates only the parser, the analysis and the reports.
/** The doctor (its checks, the workflow file's YAML parser) is loaded only in the modes that run it. */
const loadDoctor = async () => ({ ...(await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(601), __nccwpck_require__.e(469)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9469))), ...(await __nccwpck_require__.e(/* import() */ 619).then(__nccwpck_require__.bind(__nccwpck_require__, 6619))) });
/** The benchmark table of past runs (`history: N`). */
const loadHistory = async () => ({ ...(await Promise.all(/* import() */[__nccwpck_require__.e(581), __nccwpck_require__.e(773)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3773))), ...(await __nccwpck_require__.e(/* import() */ 595).then(__nccwpck_require__.bind(__nccwpck_require__, 6595))) });
const progress = { warnings: [], failOn: 'never', analysis: null, summaryWritten: false, finishing: null };
/**
 * The action. Whatever happens inside, the step only fails when the `fail-on` policy says so:
 * bad inputs, unreadable logs and buildx-doctor's own errors become warnings in the log and notes
 * in the summary.
 */
async function run() {
    const warnings = progress.warnings;
    try {
        const inputs = readInputs(warnings);
        progress.failOn = inputs.failOn;
        const context = (0,run_context/* readRunContext */.$)();
        warnings.push(...context.problems);
        if (inputs.githubToken)
            workflow_commands/* setSecret */.Pq(inputs.githubToken);
        const client = inputs.githubToken && context.apiUrl
            ? await (0,api/* createClient */.UU)({ token: inputs.githubToken, apiUrl: context.apiUrl, budgetMs: API_BUDGET_MS, retries: 3 })
            : null;
        const actionRun = { inputs, context, client, warnings };
        if (inputs.mode === 'doctor') {
            // The live checks only: no logs are read.
            const { doctorForAction, writeDoctorReport, setDoctorOutputs, annotateDoctor, renderDoctorMarkdown } = await loadDoctor();
            const doctor = await doctorForAction(actionRun, null);
            const reportFile = await writeDoctorReport(actionRun, doctor);
            workflow_commands/* setOutput */.uH('report-file', reportFile ?? '');
            workflow_commands/* setOutput */.uH('findings', String(doctor.findings.length));
            workflow_commands/* setOutput */.uH('root-cause', doctor.findings[0]?.id ?? '');
            setDoctorOutputs(doctor);
            annotate(null, warnings, false);
            if (inputs.annotations)
                annotateDoctor(doctor);
            if (inputs.summary)
                await writeSummary(renderDoctorMarkdown(doctor, '##', warnings.map(redact/* redact */.E))).catch((error) => workflow_commands/* warning */.$e(`buildx-doctor could not write the job summary: ${oneLine(error)}`));
            else
                progress.summaryWritten = true;
            if ((0,fail_policy/* shouldFail */.W)(doctor.findings, inputs.failOn))
                workflow_commands/* setFailed */.C1(`buildx-doctor: findings of severity ${inputs.failOn} or worse, and fail-on is ${inputs.failOn}`);
            return;
        }
        const catalog = await (0,load_catalog/* loadCatalog */.a)(inputs.signatures).catch((error) => {
            warnings.push(`input signatures: ${(0,errors/* describeError */.U)(error)}; using the built-in signatures only`);
            return (0,load_catalog/* builtinSignatures */.n)();
        });
        const analysisOptions = { maxBuildMinutes: inputs.maxBuildMinutes, workspace: inputs.workspace, maxImageBytes: inputs.maxImageBytes };
        // In a job of its own, buildx-doctor's job in past runs holds no build of theirs: not read
        // (by its id, GITHUB_JOB, which is its name unless the workflow gives it another).
        const notThisJob = context.job ? [`!${context.job}`] : [];
        // workflow_dispatch with `history: N`: the benchmark table of the last N runs, not one run's diagnosis.
        if (inputs.history > 0) {
            await benchmarkRuns(actionRun, { count: inputs.history, jobPatterns: [...inputs.jobs, ...notThisJob], analysisOptions, catalog });
            return;
        }
        const chosen = await chooseSources(actionRun, API_BUDGET_MS);
        if (inputs.registryPassword)
            workflow_commands/* setSecret */.Pq(inputs.registryPassword);
        const analysis = await (0,engine/* analyzeSources */.T)(chosen.sources, analysisOptions, catalog, sizeOptions(inputs, context));
        warnings.push(...analysis.problems.map((p) => p.message));
        analysis.problems = [];
        progress.analysis = analysis;
        // Against the last green run on the default branch (or the `baseline` asked for): a note when there is none.
        const baseline = await compareWithBaseline(analysis, actionRun, {
            choice: inputs.baseline,
            runId: chosen.runId ?? context.runId,
            // A step in the build job (files, build records) compares with that same job of the baseline.
            jobPatterns: chosen.origin === 'jobs' ? [...inputs.jobs, ...notThisJob] : inputs.jobs,
            analysisOptions,
            catalog,
        });
        const doctorModule = inputs.mode === 'both' ? await loadDoctor() : null;
        const doctor = doctorModule ? await doctorModule.doctorForAction(actionRun, analysis) : null;
        const reportFile = await writeReport(inputs.reportFile, analysis, warnings, doctorModule && doctor ? doctorModule.doctorSection(doctor) : {});
        // The sticky comment is about a pull request of a repository: outside one there is nothing to load.
        const commentUrl = inputs.comment !== 'off' && context.owner && context.repo
            ? await (await __nccwpck_require__.e(/* import() */ 730).then(__nccwpck_require__.bind(__nccwpck_require__, 6730))).commentOnPullRequest(analysis, actionRun, chosen.runId)
            : null;
        setOutputs(analysis, reportFile, commentUrl);
        annotate(analysis, warnings, inputs.annotations);
        if (doctorModule && doctor) {
            doctorModule.setDoctorOutputs(doctor);
            if (inputs.annotations)
                doctorModule.annotateDoctor(doctor);
        }
        if (inputs.summary) {
            const sourceNote = chosen.origin === 'jobs'
                ? `Read from the logs of ${chosen.sources.length} job${chosen.sources.length === 1 ? '' : 's'} of run ${chosen.runId}.`
                : chosen.origin === 'history'
                    ? `Read from BuildKit's own build record${chosen.sources.length === 1 ? '' : 's'} (docker buildx history).`
                    : null;
            const markdown = (0,markdown_summary/* renderMarkdown */.G)({ ...analysis, problems: warnings.map((message) => ({ source: '', message: (0,redact/* redact */.E)(message) })) }, {
                ...markdown_summary/* DEFAULT_MARKDOWN_OPTIONS */.V,
                fileUrl: (0,links/* commitFileUrl */.v)(context, context.sha),
                note: sourceNote,
                runUrl: (0,run_context/* runUrl */.V)(context, chosen.runId ?? context.runId),
                baseline,
            });
            await writeSummary(doctorModule && doctor ? `${markdown}\n${doctorModule.renderDoctorMarkdown(doctor)}` : markdown).catch((error) => workflow_commands/* warning */.$e(`buildx-doctor could not write the job summary: ${oneLine(error)}`));
        }
        else {
            progress.summaryWritten = true;
        }
        if ((0,fail_policy/* shouldFail */.W)([...analysis.findings, ...(doctor?.findings ?? [])], inputs.failOn, analysis.omittedBuilds?.findings)) {
            workflow_commands/* setFailed */.C1(`buildx-doctor: findings of severity ${inputs.failOn} or worse, and fail-on is ${inputs.failOn}`);
        }
    }
    catch (error) {
        // A bug in buildx-doctor: tell the user, never fail their build for it.
        await finishAfterEscape(error);
    }
}
/**
 * The last line of defence: an exception thrown outside any promise of the run (a library's event
 * handler, a timer) or a rejection nobody awaited. It becomes a warning, the summary holds what
 * was found so far, and the step ends green unless `fail-on` asks otherwise for what was found.
 */
function installLastResort() {
    process.on('uncaughtException', (error) => void finishAfterEscape(error).then(() => process.exit()));
    process.on('unhandledRejection', (reason) => void finishAfterEscape(reason).then(() => process.exit()));
}
function finishAfterEscape(error) {
    progress.finishing ??= finish(error);
    return progress.finishing;
}
async function finish(error) {
    const message = `buildx-doctor could not finish: ${oneLine(error)}`;
    workflow_commands/* warning */.$e(message, { title: 'buildx-doctor' });
    const analysis = progress.analysis;
    if (!progress.summaryWritten) {
        const markdown = analysis
            ? (0,markdown_summary/* renderMarkdown */.G)({ ...analysis, problems: [...progress.warnings, message].map((m) => ({ source: '', message: (0,redact/* redact */.E)(m) })) }, markdown_summary/* DEFAULT_MARKDOWN_OPTIONS */.V)
            : `> [!WARNING]\n> ${(0,text_markdown/* escapeText */.X1)((0,redact/* redact */.E)(message))}\n`;
        await writeSummary(markdown).catch(() => undefined);
    }
    if (analysis && (0,fail_policy/* shouldFail */.W)(analysis.findings, progress.failOn, analysis.omittedBuilds?.findings)) {
        workflow_commands/* setFailed */.C1(`buildx-doctor: findings of severity ${progress.failOn} or worse, and fail-on is ${progress.failOn}`);
    }
    else {
        process.exitCode = 0;
    }
}
/** One line, without secrets, whatever was thrown. */
function oneLine(error) {
    return (0,redact/* redact */.E)((0,errors/* describeError */.U)(error)).replace(/[\r\n]+/g, ' ');
}
/** Image sizes: credentials from the inputs, the runner's docker config, or the job token for ghcr.io. */
function sizeOptions(inputs, context) {
    if (!inputs.imageSizes)
        return null;
    const payload = context.payload;
    const defaultBranch = typeof payload.repository?.default_branch === 'string' ? payload.repository.default_branch : null;
    return {
        extraImages: inputs.images,
        baselineTag: inputs.sizeBaseline ?? defaultBranch,
        credentials: inputs.registryUsername && inputs.registryPassword ? [{ username: inputs.registryUsername, password: inputs.registryPassword }] : [],
        githubToken: inputs.githubToken || undefined,
        githubUsername: context.owner ?? undefined,
    };
}
/**
 * The benchmark table in the job summary, its rows as JSON beside the report (`history-file`). The
 * step stays green whatever could not be read: each gap is a warning.
 */
async function benchmarkRuns(run, options) {
    const { inputs, context, warnings } = run;
    const { historyRows, historyJson, renderHistoryMarkdown } = await loadHistory();
    const rows = await historyRows(run, options);
    let historyFile = (0,external_node_path_.join)((0,external_node_path_.dirname)(inputs.reportFile), 'history.json');
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(historyFile), { recursive: true });
        await (0,promises_.writeFile)(historyFile, historyJson(rows));
    }
    catch (error) {
        warnings.push(`could not write the history to ${historyFile}: ${(0,errors/* describeError */.U)(error)}`);
        historyFile = null;
    }
    workflow_commands/* setOutput */.uH('history-file', historyFile ?? '');
    annotate(null, warnings, inputs.annotations);
    if (!inputs.summary) {
        progress.summaryWritten = true;
        return;
    }
    const notes = warnings.map((message) => `> [!WARNING]\n> ${(0,text_markdown/* escapeText */.X1)((0,redact/* redact */.E)(message))}`);
    const markdown = [renderHistoryMarkdown(rows, context.workflow), ...notes].join('\n\n');
    await writeSummary(markdown).catch((error) => workflow_commands/* warning */.$e(`buildx-doctor could not write the job summary: ${oneLine(error)}`));
}
/** All GitHub API calls of one run, retries and waits included. */
const API_BUDGET_MS = 5 * 60 * 1000;
/** Writes the JSON report; returns its path, or null when it could not be written. */
async function writeReport(path, analysis, warnings, extra = {}) {
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,sink/* writeFileStreaming */.O)(path, (write) => (0,json_report/* writeJsonReport */.a_)(analysis, write, extra));
        return path;
    }
    catch (error) {
        warnings.push(`could not write the report to ${path}: ${(0,errors/* describeError */.U)(error)}`);
        return null;
    }
}
function setOutputs(analysis, reportFile, commentUrl) {
    workflow_commands/* setOutput */.uH('comment-url', commentUrl ?? '');
    workflow_commands/* setOutput */.uH('report-file', reportFile ?? '');
    workflow_commands/* setOutput */.uH('status', analysis.status);
    workflow_commands/* setOutput */.uH('cache-hit-ratio', analysis.cacheHitRatio === null ? '' : String(analysis.cacheHitRatio));
    workflow_commands/* setOutput */.uH('duration-seconds', analysis.durationSeconds === null ? '' : String(Math.round(analysis.durationSeconds)));
    // A notice (an error of a step after a build that succeeded, a few cache misses) is no root cause.
    workflow_commands/* setOutput */.uH('root-cause', analysis.findings.find((f) => f.severity !== 'notice')?.id ?? '');
    workflow_commands/* setOutput */.uH('findings', String(analysis.findings.length));
}
async function writeSummary(markdown) {
    progress.summaryWritten = true;
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await workflow_commands/* appendSummary */.fe(markdown);
}

;// CONCATENATED MODULE: ./src/action/index.ts

// The entry point of the one bundle (`dist/index.js`): the action, or the command line when
// `dist/cli.js` loaded the bundle (it sets this mark first). One bundle for both, so the command
// line's code is a chunk file beside the action's chunks and the two share every other module
// (the parser, the analysis, the reports) instead of each carrying its own copy.
// Nothing here or in what it imports reads the environment at load: a malformed event file or
// URL is a warning of the run, not a crash. Nor does it work at load: V8's young generation is
// bounded where logs are read, once a read is long (src/large-input.ts), not here for every run.
const CLI_MARK = Symbol.for('buildx-doctor.cli');
if (globalThis[CLI_MARK] === true) {
    // The command line handles its own errors (exit 2, one line); this is only the chunk failing to load.
    __nccwpck_require__.e(/* import() */ 396).then(__nccwpck_require__.bind(__nccwpck_require__, 396)).catch((error) => {
        process.stderr.write(`buildx-doctor: internal error: cannot load the command line: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
}
else {
    installLastResort();
    void run();
}

