export const id = 394;
export const ids = [394,595];
export const modules = {

/***/ 4793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ historyRow)
/* harmony export */ });
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7401);

const STATUS_ORDER = ['failure', 'canceled', 'unknown', 'success'];
/**
 * A run's analysis folded into its table row. A component is a job: the builds of one job (`Build
 * runtime #1`, `#2`) add up, and the job's minutes are counted once, as the runbook counts them.
 */
function historyRow(analysis, facts) {
    const components = new Map();
    for (const { build } of analysis.builds)
        addToComponent(components, build.job ?? build.name.replace(/ #\d+$/, ''), build);
    // Builds past the listing limit were summed per job as they were folded (analyze/build-budget.ts).
    for (const job of analysis.omittedBuilds?.jobs ?? [])
        addToComponent(components, job.name, job);
    return { ...facts, cacheRatio: analysis.cacheHitRatio, components: [...components.values()] };
}
/** Adds a build (or a job's omitted builds, already summed) to its job's component. */
function addToComponent(components, name, part) {
    const known = components.get(name);
    if (!known) {
        components.set(name, { name, jobSeconds: part.jobSeconds, buildSeconds: part.buildSeconds, status: part.status });
        return;
    }
    known.jobSeconds = maxOf(known.jobSeconds, part.jobSeconds);
    known.buildSeconds =
        known.buildSeconds === null || part.buildSeconds === null ? (known.buildSeconds ?? part.buildSeconds) : (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .round */ .LI)(known.buildSeconds + part.buildSeconds, 1);
    if (STATUS_ORDER.indexOf(part.status) < STATUS_ORDER.indexOf(known.status))
        known.status = part.status;
}
function maxOf(a, b) {
    if (a === null)
        return b;
    if (b === null)
        return a;
    return Math.max(a, b);
}


/***/ }),

/***/ 6394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runHistoryCli: () => (/* binding */ runHistoryCli)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3501);
/* harmony import */ var _input_log_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2310);
/* harmony import */ var _analyze_rule_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1312);
/* harmony import */ var _analyze_history_row_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4793);
/* harmony import */ var _report_history_table_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6595);
/* harmony import */ var _input_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1377);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(311);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7593);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7485);











/**
 * `buildx-doctor history LOG...`: the benchmark table of several runs, one LOG each, as the action's
 * `history: N` writes it. The run id is taken from the file or folder name (`...-17964002949.log`),
 * the date from the log's first timestamp; a saved log does not say the event or the branch.
 */
async function runHistoryCli(argv, io) {
    let format = 'text';
    const logs = [];
    try {
        for (const arg of (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .readArgs */ .i)(argv, ['format'])) {
            if (arg.kind === 'positional') {
                logs.push(arg.value);
                continue;
            }
            const value = arg.value;
            if (value !== 'text' && value !== 'markdown' && value !== 'json')
                throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`--format must be text, markdown or json, not "${value}"`);
            format = value;
        }
        if (logs.length === 0)
            throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d('no log given: one `gh run view --log` file or folder of job logs per run');
    }
    catch (error) {
        io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .l}: ${(0,_input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .U)(error)}\n${_usage_js__WEBPACK_IMPORTED_MODULE_9__/* .HISTORY_USAGE */ .F.trimStart()}\n`);
        return 2;
    }
    const rows = [];
    for (const log of logs) {
        let sources;
        try {
            sources = await runSources(log);
        }
        catch (error) {
            io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .l}: ${(0,_input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .U)(error)}\n`);
            return 2;
        }
        // One run at a time: each is streamed through the same engine as `analyze`, then only its row is kept.
        const analysis = await (0,_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .analyzeSources */ .T)(sources, _analyze_rule_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_ANALYSIS_OPTIONS */ .a);
        if (analysis.builds.length === 0) {
            for (const problem of analysis.problems)
                io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .l}: ${problem.message}\n`);
            io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_8__/* .TOOL_NAME */ .l}: ${log}: no build found; the run is left out\n`);
            continue;
        }
        rows.push((0,_analyze_history_row_js__WEBPACK_IMPORTED_MODULE_10__/* .historyRow */ .z)(analysis, await factsOf(log, sources)));
    }
    if (rows.length === 0)
        return 2;
    if (format === 'json')
        await io.stdout((0,_report_history_table_js__WEBPACK_IMPORTED_MODULE_5__.historyJson)(rows));
    else if (format === 'markdown')
        await io.stdout((0,_report_history_table_js__WEBPACK_IMPORTED_MODULE_5__.renderHistoryMarkdown)(rows));
    else
        await io.stdout((0,_report_history_table_js__WEBPACK_IMPORTED_MODULE_5__.renderHistoryText)(rows));
    return 0;
}
/** A file is a run's log; a folder holds one log per job, named after the job (`0_Build runtime.txt`). */
async function runSources(path) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
    }
    catch {
        throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`${path}: no such file or folder`);
    }
    if (!info.isDirectory())
        return [(0,_input_log_source_js__WEBPACK_IMPORTED_MODULE_3__/* .fileSource */ .IO)(path)];
    const files = [];
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path, { withFileTypes: true }))
        if (entry.isFile())
            files.push(entry.name);
    if (files.length === 0)
        throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(`${path}: the folder holds no log file`);
    return files.sort(byNumberPrefix).map((file) => ({ ...(0,_input_log_source_js__WEBPACK_IMPORTED_MODULE_3__/* .fileSource */ .IO)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, file)), name: jobNameOf(file) }));
}
/** `0_Build runtime.txt` -> `Build runtime`: the name GitHub gives a job's log in a run's log archive. */
function jobNameOf(file) {
    return file.replace(/\.(log|txt)$/i, '').replace(/^\d+_/, '') || file;
}
function byNumberPrefix(a, b) {
    const na = Number(/^(\d+)_/.exec(a)?.[1] ?? Number.NaN);
    const nb = Number(/^(\d+)_/.exec(b)?.[1] ?? Number.NaN);
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb)
        return na - nb;
    return a.localeCompare(b);
}
async function factsOf(log, sources) {
    const id = /(\d{5,})(?!.*\d{5,})/.exec((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(log.replace(/[\\/]+$/, '')))?.[1];
    const runId = id && Number.isSafeInteger(Number(id)) ? Number(id) : null;
    return { runId, runNumber: null, url: null, date: await firstTimestamp(sources[0]?.label ?? null), event: null, branch: null };
}
/** The first runner timestamp in the log's first 64 KiB, or null: only that much is read. */
async function firstTimestamp(path) {
    if (!path)
        return null;
    try {
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
        try {
            const buffer = Buffer.alloc(64 * 1024);
            const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
            const match = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\b/.exec(buffer.subarray(0, bytesRead).toString('utf8'));
            return match ? match[1] : null;
        }
        finally {
            await file.close();
        }
    }
    catch {
        return null;
    }
}


/***/ }),

/***/ 6595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HISTORY_SCHEMA_VERSION: () => (/* binding */ HISTORY_SCHEMA_VERSION),
/* harmony export */   WARM_RATIO: () => (/* binding */ WARM_RATIO),
/* harmony export */   buildChart: () => (/* binding */ buildChart),
/* harmony export */   cacheWord: () => (/* binding */ cacheWord),
/* harmony export */   chronological: () => (/* binding */ chronological),
/* harmony export */   componentNames: () => (/* binding */ componentNames),
/* harmony export */   contextOf: () => (/* binding */ contextOf),
/* harmony export */   historyJson: () => (/* binding */ historyJson),
/* harmony export */   minutes: () => (/* binding */ minutes),
/* harmony export */   renderHistoryMarkdown: () => (/* binding */ renderHistoryMarkdown),
/* harmony export */   renderHistoryText: () => (/* binding */ renderHistoryText)
/* harmony export */ });
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6590);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2011);
/* harmony import */ var _gantt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4200);
/* harmony import */ var _json_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4225);




/**
 * The runbook's benchmark table, made from runs instead of typed by hand: run, date, context (event,
 * branch, cold or warm cache), then the job minutes of each component (a job, a matrix leg), and a
 * chart of each component's build minutes over the runs. Pure: rows in, Markdown, text or JSON out.
 */
/** A run is warm when at least this share of its cacheable steps came from the cache. */
const WARM_RATIO = 0.5;
/** Charts drawn (one per component); the table has every component. */
const MAX_CHARTS = 6;
const MAX_COMPONENT_NAME = 60;
/** Oldest run first, as the runbook reads; runs without a date keep their order, after the others. */
function chronological(rows) {
    return rows
        .map((row, index) => ({ row, index, time: row.date ? Date.parse(row.date) : Number.NaN }))
        .sort((a, b) => {
        const aKnown = !Number.isNaN(a.time);
        const bKnown = !Number.isNaN(b.time);
        if (aKnown && bKnown && a.time !== b.time)
            return a.time - b.time;
        if (aKnown !== bKnown)
            return aKnown ? -1 : 1;
        return a.index - b.index;
    })
        .map((entry) => entry.row);
}
/** The components in the order they first appear, oldest run first. */
function componentNames(rows) {
    const names = [];
    for (const row of rows)
        for (const component of row.components)
            if (!names.includes(component.name))
                names.push(component.name);
    return names;
}
/** `cold cache (0% cached)`: the runbook's words, with the number behind them. */
function cacheWord(ratio) {
    if (ratio === null)
        return 'no cacheable step';
    return `${ratio >= WARM_RATIO ? 'warm' : 'cold'} cache (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRatio */ .B0)(ratio)} cached)`;
}
/** `push \u00b7 main \u00b7 cold cache (0% cached)`; what is unknown (a saved log has no event) is left out. */
function contextOf(row) {
    return [row.event, row.branch, cacheWord(row.cacheRatio)].filter((part) => Boolean(part)).join(' \u00b7 ');
}
/** The runbook's unit: minutes with one decimal, even for a short job. */
function minutes(seconds) {
    return seconds === null ? '\u2014' : `${(seconds / 60).toFixed(1)} min`;
}
function dateOf(row) {
    return row.date && /^\d{4}-\d{2}-\d{2}/.test(row.date) ? row.date.slice(0, 10) : '\u2014';
}
function runLabel(row) {
    if (row.runId !== null)
        return String(row.runId);
    return row.runNumber !== null ? `#${row.runNumber}` : '\u2014';
}
function cell(component) {
    if (!component)
        return '\u2014';
    const time = minutes(component.jobSeconds ?? component.buildSeconds);
    return component.status === 'success' ? time : `${time} ${_format_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_ICON */ .tW[component.status]}`;
}
/** The table and the charts, for the job summary and `history --format markdown`. */
function renderHistoryMarkdown(input, title = null) {
    const rows = chronological(input);
    const heading = `### \ud83d\udcca ${title ? (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeText */ .X1)(title) : 'Benchmark'}: ${rows.length} run${rows.length === 1 ? '' : 's'}`;
    if (rows.length === 0)
        return `${heading}\n\nNo run to show.\n`;
    const names = componentNames(rows);
    const header = ['Run', 'Date (UTC)', 'Context', ...names.map((n) => (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(n))];
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    for (const row of rows) {
        const run = row.url ? `[${runLabel(row)}](${row.url})` : runLabel(row);
        const byName = new Map(row.components.map((c) => [c.name, c]));
        lines.push(`| ${[run, dateOf(row), (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeCell */ .kq)(contextOf(row)), ...names.map((n) => cell(byName.get(n)))].join(' | ')} |`);
    }
    const parts = [
        heading,
        lines.join('\n'),
        `<sub>Job minutes per component, first to last line of the job's log. Warm: at least ${Math.round(WARM_RATIO * 100)}% of the cacheable steps came from the cache.</sub>`,
    ];
    const charts = names
        .slice(0, MAX_CHARTS)
        .map((name) => buildChart(rows, name))
        .filter((chart) => chart !== null);
    if (charts.length > 0)
        parts.push(...charts.map((chart) => `\`\`\`mermaid\n${chart}\n\`\`\``));
    if (names.length > MAX_CHARTS)
        parts.push(`<sub>Charts for the first ${MAX_CHARTS} of ${names.length} components; the table has them all.</sub>`);
    return `${parts.join('\n\n')}\n`;
}
/**
 * A Mermaid `xychart-beta` of one component's build minutes, one bar per run (GitHub renders it; its
 * charts have no legend, so one chart a component keeps every bar named). Labels are quoted and
 * cleaned: a job or branch name must not end the chart's syntax.
 */
function buildChart(rows, name) {
    const points = [];
    for (const row of rows) {
        const component = row.components.find((c) => c.name === name);
        const seconds = component ? (component.buildSeconds ?? component.jobSeconds) : null;
        if (seconds === null)
            continue;
        // The run number is short enough for an axis label; a saved log knows only its run id.
        points.push({ label: row.runNumber !== null ? String(row.runNumber) : runLabel(row), value: Math.round((seconds / 60) * 10) / 10 });
    }
    if (points.length === 0)
        return null;
    const top = Math.max(1, Math.ceil(Math.max(...points.map((p) => p.value)) * 1.1));
    return [
        'xychart-beta',
        `  title "${chartText(name)}: build minutes per run"`,
        `  x-axis "run" [${points.map((p) => `"${chartText(p.label)}"`).join(', ')}]`,
        `  y-axis "minutes" 0 --> ${top}`,
        `  bar [${points.map((p) => p.value).join(', ')}]`,
    ].join('\n');
}
/** Text inside a quoted xychart label: no quote, bracket or line break can end it. */
function chartText(text) {
    return (0,_gantt_js__WEBPACK_IMPORTED_MODULE_1__/* .mermaidText */ .Hg)(text, MAX_COMPONENT_NAME).replace(/["\\]/g, "'");
}
/** The same table for a terminal: columns padded, no Markdown. */
function renderHistoryText(input) {
    const rows = chronological(input);
    if (rows.length === 0)
        return 'No run to show.\n';
    const names = componentNames(rows);
    const table = [
        ['Run', 'Date (UTC)', 'Context', ...names],
        ...rows.map((row) => {
            const byName = new Map(row.components.map((c) => [c.name, c]));
            return [runLabel(row), dateOf(row), contextOf(row), ...names.map((n) => cell(byName.get(n)))];
        }),
    ].map((cells) => cells.map((c) => c.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')));
    const widths = table[0].map((_, column) => Math.max(...table.map((cells) => [...cells[column]].length)));
    return `${table
        .map((cells) => cells
        .map((c, column) => c + ' '.repeat(widths[column] - [...c].length))
        .join('  ')
        .trimEnd())
        .join('\n')}\n`;
}
/** The rows for scripts: a document of its own, versioned like the report. */
function historyJson(input) {
    const runs = chronological(input).map((row) => ({
        runId: row.runId,
        runNumber: row.runNumber,
        url: row.url,
        date: row.date,
        event: row.event,
        branch: row.branch,
        cacheRatio: row.cacheRatio,
        cache: row.cacheRatio === null ? null : row.cacheRatio >= WARM_RATIO ? 'warm' : 'cold',
        components: row.components.map((c) => ({ name: c.name, status: c.status, jobSeconds: c.jobSeconds, buildSeconds: c.buildSeconds })),
    }));
    const document = { schemaVersion: HISTORY_SCHEMA_VERSION, tool: (0,_json_report_js__WEBPACK_IMPORTED_MODULE_2__/* .toolJson */ .V4)(), runs };
    return `${JSON.stringify(document, null, 2)}\n`;
}
const HISTORY_SCHEMA_VERSION = 1;


/***/ })

};
