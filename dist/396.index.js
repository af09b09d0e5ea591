export const id = 396;
export const ids = [396];
export const modules = {

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ readArgs)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _input_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1377);


/**
 * Reads a command's arguments with Node's `util.parseArgs`, in order (a command may give meaning to
 * the order, as `--baseline FILE...` does). Every option of these commands takes a value, given as
 * `--flag value` or `--flag=value`; `--` ends the options. Node's strict mode is not used because
 * its errors are paragraphs with a hint; these are one line: `unknown option --x`, `--x needs a value`.
 */
function readArgs(args, optionNames) {
    const options = Object.fromEntries(optionNames.map((name) => [name, { type: 'string' }]));
    const { tokens } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args, options, strict: false, allowPositionals: true, tokens: true });
    const read = [];
    for (const token of tokens) {
        if (token.kind === 'option-terminator')
            continue;
        if (token.kind === 'positional') {
            read.push({ kind: 'positional', value: token.value });
            continue;
        }
        if (!optionNames.includes(token.name))
            throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`unknown option ${token.rawName}`);
        if (token.value === undefined)
            throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${token.rawName} needs a value`);
        read.push({ kind: 'option', flag: token.rawName, value: token.value, inline: token.inlineValue === true });
    }
    return read;
}


/***/ }),

/***/ 396:
/***/ ((__unused_webpack_module, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: ./src/engine.ts + 1 modules
var engine = __webpack_require__(3501);
// EXTERNAL MODULE: ./src/input/log-source.ts
var log_source = __webpack_require__(2310);
// EXTERNAL MODULE: ./src/analyze/rule.ts
var rule = __webpack_require__(1312);
// EXTERNAL MODULE: ./src/report/markdown-summary.ts
var markdown_summary = __webpack_require__(6836);
// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __webpack_require__(3326);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/verdict.ts
var report_verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/report/screen-groups.ts
var screen_groups = __webpack_require__(669);
// EXTERNAL MODULE: ./src/report/baseline-section.ts
var baseline_section = __webpack_require__(3205);
// EXTERNAL MODULE: ./src/compare/cache-break-advice.ts
var cache_break_advice = __webpack_require__(7288);
// EXTERNAL MODULE: ./src/report/finding-block.ts + 1 modules
var finding_block = __webpack_require__(9025);
// EXTERNAL MODULE: ./src/report/omitted-builds.ts
var omitted_builds = __webpack_require__(5828);
// EXTERNAL MODULE: ./src/analyze/allowed-failure.ts
var allowed_failure = __webpack_require__(1431);
;// CONCATENATED MODULE: ./src/report/text-report.ts











/** A pipe or a file: full lines, no colour, so that grep and diff see everything. */
const PLAIN_TEXT = { width: null, color: false };
const SGR = { bold: '1', red: '31', yellow: '33', green: '32', cyan: '36', dim: '2' };
/** A report for a terminal: the verdict, the findings (location, first line of the fix), the builds. */
function renderText(analysis, options = PLAIN_TEXT) {
    const paint = (code, text) => (options.color ? `\u001b[${SGR[code]}m${text}\u001b[0m` : text);
    const out = [];
    const say = (text, indent = '', color) => {
        for (const line of wrap(clean(text), options.width, indent))
            out.push(color ? paint(color, line) : line);
    };
    const verdict = (0,report_verdict/* verdictOf */.Vj)(analysis);
    const statusColor = analysis.status === 'success' ? 'green' : analysis.status === 'failure' && !(0,allowed_failure/* failuresAllAllowed */.hd)(analysis) ? 'red' : 'yellow';
    say(`${version/* TOOL_NAME */.l}: ${plain(verdict.happened)}`, '', statusColor);
    if (verdict.time)
        say(plain(verdict.time), '  ');
    if (verdict.change)
        say(`Most help: ${plain(verdict.change)}`, '  ');
    const omitted = (0,omitted_builds/* omittedBuildsLine */.U)(analysis);
    if (omitted)
        say(omitted, '  ');
    for (const problem of analysis.problems)
        say(`warning: ${(0,redact/* redact */.E)(problem.message)}`, '  ', 'yellow');
    // Each thing once: consequences stay under their root cause, a cache break in the baseline's lines.
    const groups = (0,screen_groups/* screenGroups */.h)(analysis).groups;
    if (groups.length > 0)
        out.push('');
    for (const group of groups)
        findingLines(group, say);
    if (analysis.builds.length > 0) {
        out.push('');
        const header = row(['BUILD', 'STATUS', 'JOB', 'BUILD', 'CACHE HITS', 'STEPS', 'DIGEST'], options.width);
        out.push(paint('bold', header));
        for (const { build, cache } of analysis.builds) {
            const digest = build.images.find((i) => i.digest)?.digest ?? null;
            out.push(row([
                build.name,
                build.status,
                (0,format/* formatDuration */.a3)(build.jobSeconds),
                (0,format/* formatDuration */.a3)(build.buildSeconds),
                (0,format/* formatCache */.uI)(cache.hits, cache.misses, cache.ratio),
                String(build.steps.filter((s) => s.kind === 'instruction').length),
                options.width === null ? (digest ?? '\u2014') : (0,format/* shortDigest */.VK)(digest),
            ], options.width));
        }
        baselineLines(analysis, say, (line) => out.push(line));
        for (const { build, timing } of analysis.builds) {
            if (timing.slowestSteps.length === 0)
                continue;
            out.push('');
            say(`${build.name}: where the time went`, '', 'bold');
            for (const step of timing.slowestSteps.slice(0, 3))
                say(`${(0,format/* formatDuration */.a3)(step.seconds).padStart(9)}  ${(0,redact/* redact */.E)(step.name)}`, '             ');
        }
    }
    // Findings told in the baseline's lines are findings all the same.
    if (analysis.groups.length === 0 && analysis.builds.length > 0)
        out.push('', 'No findings.');
    return out.join('\n') + '\n';
}
/** Against the baseline: a line per build, where its cache broke and why, the steps that got much slower. */
function baselineLines(analysis, say, push) {
    const comparison = analysis.comparison;
    // Without a baseline a build's own chain break is already a finding (cache-miss).
    if (!comparison?.hasBaseline)
        return;
    const rows = analysis.builds.map((b, i) => ({ b, c: comparison.builds[i] })).filter((r) => r.c && (r.c.baseline || r.c.cacheBreak));
    if (rows.length === 0 && !comparison.note)
        return;
    push('');
    say(`Against the baseline${comparison.baselineLabel ? ` (${(0,redact/* redact */.E)(comparison.baselineLabel)})` : ''}`, '', 'bold');
    if (comparison.note)
        say(comparison.note, '  ');
    for (const { b, c } of rows) {
        const d = c.deltas;
        if (c.baseline && d) {
            const time = b.build.buildSeconds === null ? '' : `build ${(0,format/* formatDuration */.a3)(b.build.buildSeconds)} (${(0,format/* signedDuration */.Tp)(d.buildSeconds)}), `;
            say(`${b.build.name}: ${time}cache hits ${(0,format/* formatRatio */.B0)(b.cache.ratio)} (${(0,format/* signedPoints */.HM)(d.cacheRatio)}), baseline ${c.baseline.status}`, '  ');
        }
        const cb = c.cacheBreak;
        if (cb) {
            const where = cb.dockerfile && cb.dockerfileLine !== null ? ` (${cb.dockerfile}:${cb.dockerfileLine})` : '';
            say(`${b.build.name}: cache broke at ${(0,redact/* redact */.E)(`${cb.step} ${cb.instruction}`)}${where}: ${cb.reason}; ${cb.rebuiltSteps} step${cb.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${(0,format/* formatDuration */.a3)(cb.secondsLost)} lost`, '  ', 'yellow');
            say((0,redact/* redact */.E)(cb.detail), '      ');
        }
        for (const s of d?.slowerSteps ?? [])
            say(`${b.build.name}: much slower: ${(0,redact/* redact */.E)(`${s.step} ${s.instruction}`)} ${(0,format/* formatDuration */.a3)(s.baselineSeconds)} -> ${(0,format/* formatDuration */.a3)(s.seconds)}`, '  ');
        const added = (0,baseline_section/* newFindings */.FN)(c);
        if (d && (added.length || d.goneFindings.length))
            say(`${b.build.name}: findings new: ${added.join(', ') || 'none'}; gone: ${d.goneFindings.join(', ') || 'none'}`, '  ');
    }
    // The cache-miss finding steps back when a break is said here: its remedies come with the reason.
    for (const { reason, advice } of (0,cache_break_advice/* adviceForBreaks */.a)(rows.flatMap((r) => (r.c.cacheBreak ? [r.c.cacheBreak] : []))))
        say(`what to do (${reason}): ${advice}`, '  ');
}
function findingLines(group, say) {
    const color = group.id === 'canceled' ? 'dim' : group.severity === 'error' ? 'red' : group.severity === 'warning' ? 'yellow' : 'cyan';
    const label = group.id === 'canceled' ? 'CANCELED' : group.severity.toUpperCase();
    const who = group.findings.length === 1 && group.builds[0] && group.id !== 'canceled' ? `${group.builds[0]}: ` : '';
    say(`${label} [${group.id}] ${who}${(0,redact/* redact */.E)(group.title)}`, '', color);
    if (group.id === 'canceled')
        return;
    const places = group.findings.flatMap((f) => f.locations ?? []).filter((l) => l.verified);
    const seen = new Set();
    for (const place of places) {
        const at = `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`;
        if (seen.has(at))
            continue;
        seen.add(at);
        say(`at ${at}${place.kind === 'source' && place.message ? `  ${(0,redact/* redact */.E)(place.message)}` : ''}`, '    ');
    }
    if (places.length === 0 && group.findings.length === 1) {
        const sorted = [...group.findings[0].evidence].sort((a, b) => a.line - b.line);
        // A later step's notice quotes its last lines and its error: the line before the error says most.
        const first = group.id === 'after-build-error' && sorted.length > 1 ? sorted[sorted.length - 2] : sorted[0];
        if (first)
            say(`line ${first.line}: ${(0,redact/* redact */.E)(first.text)}`, '    ');
    }
    // A row per build, unless every row gives the title above again (the same failure in several builds).
    if (group.findings.length > 1 && !(0,finding_block/* restatesTitle */.gr)(group)) {
        for (const r of group.table?.rows ?? [])
            say(r.filter(Boolean).join(' \u00b7 '), '    ');
    }
    const fix = (0,report_verdict/* changeOf */.C2)(group);
    if (fix)
        say(`fix: ${plain(fix)}`, '    ');
}
/** Markdown of our own (code spans, bold) as plain text. */
function plain(markdown) {
    // Code spans first, left to right as CommonMark reads them: a backslash escapes the character after it (an escaped
    // backtick opens nothing), and a run of backticks opens a span that the next run of the same length closes. A span's
    // text is literal (a lone backslash, `**`); it stands in the rest as a placeholder, so that bold around a span and
    // escapes beside it are read across it.
    const source = markdown.replace(/[\ue000\ue001]/g, '');
    const spans = [];
    let rest = '';
    let at = 0;
    while (at < source.length) {
        const char = source[at];
        if (char === '\\' && ESCAPABLE.test(source[at + 1] ?? '')) {
            rest += source.slice(at, at + 2);
            at += 2;
            continue;
        }
        if (char !== '`') {
            rest += char;
            at++;
            continue;
        }
        const open = runLength(source, at);
        const close = closingRun(source, at + open, open);
        if (close === -1) {
            rest += source.slice(at, at + open);
            at += open;
            continue;
        }
        spans.push(codeText(source.slice(at + open, close)));
        rest += `\ue000${spans.length - 1}\ue001`;
        at = close + open;
    }
    return plainText(rest)
        .replace(/\ue000(\d+)\ue001/g, (_, k) => spans[Number(k)])
        .replace(/\u200b/g, '');
}
/** The characters a backslash escapes in CommonMark (ASCII punctuation). */
const ESCAPABLE = /^[!-/:-@[-`{-~]$/;
/** How many backticks run from `at`. */
function runLength(text, at) {
    let end = at;
    while (text[end] === '`')
        end++;
    return end - at;
}
/** Where the next run of exactly `length` backticks from `from` starts, or -1. */
function closingRun(text, from, length) {
    for (let at = text.indexOf('`', from); at !== -1; at = text.indexOf('`', at)) {
        const run = runLength(text, at);
        if (run === length)
            return at;
        at += run;
    }
    return -1;
}
/** A code span's text: CommonMark drops one blank at each end when both are there (inlineCode pads a backtick so). */
function codeText(body) {
    return body.length >= 2 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '' ? body.slice(1, -1) : body;
}
/** Text outside code spans without bold marks, backslash escapes and the entities our Markdown writes. */
function plainText(text) {
    return text
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+!|~<>-])/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
/** Log text on one line, without control characters: colour is added after, line by line. */
function clean(text) {
    return (0,markdown/* stripControl */.kU)(text.replace(/\s*[\r\n]+\s*/g, ' '));
}
/** Splits at spaces to fit `width` columns (a word longer than the width is broken); no width, no change. */
function wrap(text, width, indent = '') {
    if (width === null)
        return [`${indent}${text}`];
    // Continuation lines are indented two more columns.
    const room = Math.max(20, width - indent.length - 2);
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        let rest = word;
        while (visible(rest) > room) {
            if (line) {
                lines.push(line);
                line = '';
            }
            lines.push(rest.slice(0, room));
            rest = rest.slice(room);
        }
        if (!line)
            line = rest;
        else if (visible(line) + 1 + visible(rest) <= room)
            line += ` ${rest}`;
        else {
            lines.push(line);
            line = rest;
        }
    }
    if (line || lines.length === 0)
        lines.push(line);
    return lines.map((l, i) => `${i === 0 ? indent : `${indent}  `}${l}`);
}
function visible(text) {
    return [...text].length;
}
// Column widths for a terminal; without one, cells are never cut.
const COLUMNS = [20, 9, 10, 10, 14, 6, 25];
/** A table row; on a terminal narrower than the table, cut at its edge (the findings above wrap). */
function row(cells, width) {
    const line = cells
        .map((cell, i) => {
        const size = COLUMNS[i];
        const text = width === null ? (0,markdown/* stripControl */.kU)(cell) : (0,markdown/* truncate */.xv)((0,markdown/* stripControl */.kU)(cell), size);
        return i === cells.length - 1 ? text : text.padEnd(size);
    })
        .join(' ')
        .trimEnd();
    return width === null ? line : (0,markdown/* truncate */.xv)(line, width);
}

// EXTERNAL MODULE: ./src/report/json-report.ts
var json_report = __webpack_require__(4225);
// EXTERNAL MODULE: ./src/report/sink.ts
var sink = __webpack_require__(6443);
// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./src/analyze/fail-policy.ts
var fail_policy = __webpack_require__(797);
// EXTERNAL MODULE: ./src/diagnose/load-catalog.ts + 2 modules
var load_catalog = __webpack_require__(4983);
// EXTERNAL MODULE: ./src/input/values.ts
var values = __webpack_require__(9016);
// EXTERNAL MODULE: ./src/compare/compare.ts + 5 modules
var compare = __webpack_require__(713);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(7593);
;// CONCATENATED MODULE: ./src/cli/cli.ts















const USAGE = `usage: ${version/* TOOL_NAME */.l} analyze FILE... [--baseline FILE...] [--format text|markdown|json] [--max-build-minutes N]
       [--fail-on never|error|warning] [--report-file PATH] [--signatures FILE] [--workspace DIR]
${usage/* HISTORY_USAGE */.F}

Reads Docker Buildx build output (plain progress, GitHub Actions job logs, \`gh run view --log\`)
and reports timings, cache hits, images and findings. Use - to read standard input.
--baseline takes the logs of an earlier build (every file up to the next option) and compares:
times, cache hits, and the step where the cache broke, with the reason (the Dockerfile is read
from --workspace to tell a changed build argument from an edit).

Exit status: 0 analysed, 1 a finding met --fail-on, 2 bad usage or nothing to analyse.

${usage/* DOCTOR_USAGE */.E}`;
const defaultIo = {
    stdout: (0,sink/* streamWriter */.y)(process.stdout),
    stderr: (text) => process.stderr.write(text),
    terminal: process.stdout,
    env: process.env,
};
/**
 * A terminal gets lines wrapped to its width and colour (unless NO_COLOR is set, https://no-color.org);
 * a pipe or a file gets whole lines and no colour.
 */
function textOptionsFor(terminal, env = {}) {
    if (!terminal?.isTTY)
        return { width: null, color: false };
    const columns = terminal.columns && terminal.columns > 0 ? terminal.columns : 80;
    return { width: columns, color: !env.NO_COLOR };
}
/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
async function runCli(argv, io = defaultIo) {
    let options;
    try {
        if (argv[0] === '--version' || argv[0] === '-V') {
            await io.stdout(`${version/* TOOL_NAME */.l} ${version/* TOOL_VERSION */.w}\n`);
            return 0;
        }
        // The doctor and the history table are loaded only when their command runs (chunk files beside the entry).
        if (argv[0] === 'doctor')
            return await (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(601), __webpack_require__.e(15)]).then(__webpack_require__.bind(__webpack_require__, 3396))).runDoctorCommand(argv.slice(1), io);
        if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
            await io.stdout(`${USAGE}\n`);
            return argv.length === 0 ? 2 : 0;
        }
        // The benchmark table of several runs: a command of its own (history-command.ts).
        if (argv[0] === 'history')
            return await (await __webpack_require__.e(/* import() */ 394).then(__webpack_require__.bind(__webpack_require__, 6394))).runHistoryCli(argv.slice(1), io);
        options = parseAnalyzeArgs(argv);
    }
    catch (error) {
        io.stderr(`${version/* TOOL_NAME */.l}: ${(0,errors/* describeError */.U)(error)}\n${USAGE.split('\n')[0]}\n`);
        return 2;
    }
    let catalog;
    try {
        catalog = await (0,load_catalog/* loadCatalog */.a)(options.signatures);
    }
    catch (error) {
        io.stderr(`${version/* TOOL_NAME */.l}: ${(0,errors/* describeError */.U)(error)}\n`);
        return 2;
    }
    const sources = options.files.map((file) => (file === '-' ? (0,log_source/* stdinSource */.sD)(io.stdin) : (0,log_source/* fileSource */.IO)(file)));
    const analysis = await (0,engine/* analyzeSources */.T)(sources, { maxBuildMinutes: options.maxBuildMinutes, workspace: options.workspace }, catalog);
    for (const problem of analysis.problems)
        io.stderr(`${version/* TOOL_NAME */.l}: ${problem.message}\n`);
    if (analysis.builds.length === 0)
        return 2;
    // The baseline goes through the same pipeline; its own problems are only worth a line each.
    let baseline = null;
    if (options.baseline) {
        baseline = await (0,engine/* analyzeSources */.T)(options.baseline.map((file) => (0,log_source/* fileSource */.IO)(file)), { maxBuildMinutes: options.maxBuildMinutes, workspace: options.workspace }, catalog);
        for (const problem of baseline.problems)
            io.stderr(`${version/* TOOL_NAME */.l}: baseline: ${problem.message}\n`);
    }
    analysis.comparison = (0,compare/* compareAnalyses */.S)(analysis, baseline, {
        workspace: options.workspace,
        baselineLabel: options.baseline ? options.baseline.join(', ') : undefined,
    });
    if (options.reportFile) {
        const path = options.reportFile;
        try {
            await (0,sink/* writeFileStreaming */.O)(path, (write) => (0,json_report/* writeJsonReport */.a_)(analysis, write));
        }
        catch (error) {
            io.stderr(`${version/* TOOL_NAME */.l}: could not write the report to ${path}: ${(0,errors/* describeError */.U)(error)}\n`);
            return 2;
        }
    }
    if (options.format === 'json')
        await (0,json_report/* writeJsonReport */.a_)(analysis, io.stdout);
    else if (options.format === 'markdown')
        await io.stdout((0,markdown_summary/* renderMarkdown */.G)(analysis));
    else
        await io.stdout(renderText(analysis, textOptionsFor(io.terminal, io.env)));
    return (0,fail_policy/* shouldFail */.W)(analysis.findings, options.failOn, analysis.omittedBuilds?.findings) ? 1 : 0;
}
const ANALYZE_OPTIONS = ['format', 'max-build-minutes', 'fail-on', 'report-file', 'signatures', 'workspace', 'baseline'];
function parseAnalyzeArgs(argv) {
    const [command, ...rest] = argv;
    if (command !== 'analyze')
        throw new errors/* InputError */.d(`unknown command "${command}" (the commands are "analyze", "history" and "doctor")`);
    const options = {
        files: [],
        format: 'text',
        maxBuildMinutes: rule/* DEFAULT_ANALYSIS_OPTIONS */.a.maxBuildMinutes,
        failOn: 'never',
        reportFile: null,
        signatures: null,
        workspace: process.cwd(),
        baseline: null,
    };
    // After --baseline, plain arguments are the baseline's files until the next option.
    let readingBaseline = false;
    for (const arg of (0,args/* readArgs */.i)(rest, ANALYZE_OPTIONS)) {
        if (arg.kind === 'positional') {
            if (readingBaseline && arg.value === '-')
                throw new errors/* InputError */.d('the baseline cannot be read from standard input');
            if (readingBaseline)
                options.baseline.push(arg.value);
            else
                options.files.push(arg.value);
            continue;
        }
        readingBaseline = false;
        switch (arg.flag) {
            case '--format': {
                const format = arg.value;
                if (format !== 'text' && format !== 'markdown' && format !== 'json')
                    throw new errors/* InputError */.d(`--format must be text, markdown or json, not "${format}"`);
                options.format = format;
                break;
            }
            case '--max-build-minutes':
                options.maxBuildMinutes = (0,values/* parseMinutes */.l)(arg.value);
                break;
            case '--fail-on':
                options.failOn = (0,fail_policy/* parseFailOn */.X)(arg.value);
                break;
            case '--report-file':
                options.reportFile = arg.value;
                break;
            case '--signatures':
                options.signatures = arg.value;
                break;
            case '--workspace':
                options.workspace = arg.value;
                break;
            case '--baseline':
                (options.baseline ??= []).push(arg.value);
                readingBaseline = !arg.inline;
                break;
        }
    }
    if (options.files.length === 0)
        throw new errors/* InputError */.d('no log file given (use - for standard input)');
    if (options.baseline?.includes('-'))
        throw new errors/* InputError */.d('the baseline cannot be read from standard input');
    return options;
}

;// CONCATENATED MODULE: ./src/cli/main.ts


// The CLI entry point (`dist/cli.js`). Any error that escapes is a bug: one line, exit 2, no trace.
// A reader that closed the pipe early (`| head`) is not an error.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
});
runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`buildx-doctor: internal error: ${(0,errors/* describeError */.U)(error)}\n`);
    process.exitCode = 2;
});


/***/ }),

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ DOCTOR_USAGE),
/* harmony export */   F: () => (/* binding */ HISTORY_USAGE)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(311);

// The usage texts of the commands that are loaded on demand (doctor-command.ts, history-command.ts):
// the main usage prints them, and must not load the doctor (its YAML parser) or the history code to do so.
const HISTORY_USAGE = `       ${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_NAME */ .l} history LOG... [--format text|markdown|json]
         each LOG one run: its \`gh run view --log\` file, or a folder of its job logs`;
const DOCTOR_USAGE = `usage: ${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_NAME */ .l} doctor [--workflow FILE...] [--workspace DIR] [--skip builder,resources,registry,workflow]
       [--image REF...] [--warn-free-gb N] [--fail-free-gb N] [--format text|markdown|json] [--report-file PATH]
       [--log PAST_RUN.log] [--fail-on never|error|warning] [--github-token TOKEN] [--repository OWNER/NAME]

Checks the workflow files (offline), the buildx builder, free disk and the build cache, and that
the given images exist in their registry. With --log (a past run's saved log), also whether buildx
and BuildKit are the versions that run had. Read-only: nothing is built, pushed or started.
Without --image, the images are those the workflows' docker/metadata-action steps name.
With a GitHub token (GITHUB_TOKEN, or --github-token) the ghcr.io packages' versions are listed
and the token's scopes checked; GITHUB_API_URL sets the API (default https://api.github.com).
--repository (default GITHUB_REPOSITORY) stands for \${{ github.repository }} in image names.

Exit status: 0 checked, 1 a finding met --fail-on, 2 bad usage.`;


/***/ })

};
