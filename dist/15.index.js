export const id = 15;
export const ids = [15];
export const modules = {

/***/ 3396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDoctorCommand: () => (/* binding */ runDoctorCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _input_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1377);
/* harmony import */ var _analyze_fail_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(797);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(311);
/* harmony import */ var _doctor_doctor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5303);
/* harmony import */ var _doctor_resource_checks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(193);
/* harmony import */ var _doctor_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6619);
/* harmony import */ var _doctor_version_drift_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(829);
/* harmony import */ var _input_log_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2310);
/* harmony import */ var _parse_parse_sources_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7077);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7593);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7485);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8943);













/** The GitHub API's time budget for the doctor: a few lookups per image, retries included. */
const API_BUDGET_MS = 60_000;
async function runDoctorCommand(args, io) {
    let options;
    try {
        if (args.includes('--help') || args.includes('-h')) {
            await io.stdout(`${_usage_js__WEBPACK_IMPORTED_MODULE_10__/* .DOCTOR_USAGE */ .E}\n`);
            return 0;
        }
        options = parseDoctorArgs(args);
    }
    catch (error) {
        io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_11__/* .TOOL_NAME */ .l}: ${(0,_input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .U)(error)}\n${_usage_js__WEBPACK_IMPORTED_MODULE_10__/* .DOCTOR_USAGE */ .E.split('\n')[0]}\n`);
        return 2;
    }
    let pastRun = null;
    if (options.log) {
        // Read as `analyze` reads its logs (parseSources: a long log with V8's young generation bounded).
        const parsed = (await (0,_parse_parse_sources_js__WEBPACK_IMPORTED_MODULE_7__/* .parseSources */ .u)([(0,_input_log_source_js__WEBPACK_IMPORTED_MODULE_6__/* .fileSource */ .IO)(options.log)], null))[0];
        if (parsed.builds.length === 0 && parsed.problems.length > 0) {
            io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_11__/* .TOOL_NAME */ .l}: --log ${options.log}: ${parsed.problems[0].message}\n`);
            return 2;
        }
        pastRun = (0,_doctor_version_drift_js__WEBPACK_IMPORTED_MODULE_12__/* .versionsOfBuilds */ ._)(parsed.builds, options.log);
    }
    const report = await (0,_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_3__/* .runDoctor */ .j)({ ...options, pastRun, github: await githubAccess(options.githubToken) });
    const json = `${JSON.stringify((0,_doctor_render_js__WEBPACK_IMPORTED_MODULE_5__.doctorJson)(report), null, 2)}\n`;
    if (options.reportFile) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(options.reportFile, json);
        }
        catch (error) {
            io.stderr(`${_version_js__WEBPACK_IMPORTED_MODULE_11__/* .TOOL_NAME */ .l}: could not write the report to ${options.reportFile}: ${(0,_input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .U)(error)}\n`);
            return 2;
        }
    }
    if (options.format === 'json')
        await io.stdout(json);
    else if (options.format === 'markdown')
        await io.stdout((0,_doctor_render_js__WEBPACK_IMPORTED_MODULE_5__.renderDoctorMarkdown)(report));
    else
        await io.stdout((0,_doctor_render_js__WEBPACK_IMPORTED_MODULE_5__.renderDoctorText)(report));
    return (0,_analyze_fail_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .shouldFail */ .W)(report.findings, options.failOn) ? 1 : 0;
}
/** The API client when a token is given; else why not, for the checks that need it. */
async function githubAccess(token) {
    if (!token)
        return { client: null, reason: 'no token (set GITHUB_TOKEN or give --github-token)' };
    const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    if (!/^https?:\/\/[^\s]+$/i.test(apiUrl))
        return { client: null, reason: 'GITHUB_API_URL is not an http(s) URL' };
    return { client: await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_9__/* .createClient */ .UU)({ token, apiUrl, budgetMs: API_BUDGET_MS, retries: 2 }) };
}
function gigabytes(flag, text) {
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0)
        throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`${flag} must be a number of GiB, not "${text}"`);
    return Math.round(n * 1024 ** 3);
}
const DOCTOR_OPTIONS = [
    'workflow',
    'workspace',
    'skip',
    'image',
    'format',
    'report-file',
    'log',
    'fail-on',
    'warn-free-gb',
    'fail-free-gb',
    'github-token',
    'repository',
];
function parseDoctorArgs(args) {
    const options = {
        workflows: [],
        workspace: process.cwd(),
        skip: new Set(),
        images: [],
        format: 'text',
        reportFile: null,
        log: null,
        failOn: 'never',
        warnFreeBytes: _doctor_resource_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RESOURCE_OPTIONS */ .ST.warnFreeBytes,
        failFreeBytes: _doctor_resource_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RESOURCE_OPTIONS */ .ST.failFreeBytes,
        githubToken: process.env.GITHUB_TOKEN ?? '',
        repository: process.env.GITHUB_REPOSITORY || null,
    };
    for (const arg of (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .readArgs */ .i)(args, DOCTOR_OPTIONS)) {
        if (arg.kind === 'positional')
            throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`unexpected argument "${arg.value}" (workflow files go after --workflow)`);
        switch (arg.flag) {
            case '--workflow':
                options.workflows.push(arg.value);
                break;
            case '--workspace':
                options.workspace = arg.value;
                break;
            case '--skip':
                try {
                    for (const group of (0,_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSkip */ .l)(arg.value))
                        options.skip.add(group);
                }
                catch (error) {
                    throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`--skip: ${(0,_input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .U)(error)}`);
                }
                break;
            case '--image':
                options.images.push(arg.value);
                break;
            case '--format': {
                const format = arg.value;
                if (format !== 'text' && format !== 'markdown' && format !== 'json')
                    throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`--format must be text, markdown or json, not "${format}"`);
                options.format = format;
                break;
            }
            case '--report-file':
                options.reportFile = arg.value;
                break;
            case '--log':
                options.log = arg.value;
                break;
            case '--fail-on':
                options.failOn = (0,_analyze_fail_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFailOn */ .X)(arg.value);
                break;
            case '--warn-free-gb':
                options.warnFreeBytes = gigabytes(arg.flag, arg.value);
                break;
            case '--github-token':
                options.githubToken = arg.value;
                break;
            case '--repository': {
                const repository = arg.value;
                if (!/^[\w.-]+\/[\w.-]+$/.test(repository))
                    throw new _input_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(`--repository must be OWNER/NAME, not "${repository}"`);
                options.repository = repository;
                break;
            }
            case '--fail-free-gb':
                options.failFreeBytes = gigabytes(arg.flag, arg.value);
                break;
        }
    }
    return options;
}


/***/ })

};
