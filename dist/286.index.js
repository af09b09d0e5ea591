export const id = 286;
export const ids = [286,619];
export const modules = {

/***/ 5286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   annotateDoctor: () => (/* binding */ annotateDoctor),
/* harmony export */   doctorForAction: () => (/* binding */ doctorForAction),
/* harmony export */   doctorSection: () => (/* binding */ doctorSection),
/* harmony export */   setDoctorOutputs: () => (/* binding */ setDoctorOutputs),
/* harmony export */   writeDoctorReport: () => (/* binding */ writeDoctorReport)
/* harmony export */ });
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6812);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _input_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1377);
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3326);
/* harmony import */ var _doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2634);
/* harmony import */ var _doctor_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6619);
/* harmony import */ var _report_json_report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4225);
/* harmony import */ var _doctor_check_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7751);
/* harmony import */ var _doctor_version_drift_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(829);











// The action's side of the doctor (`mode: doctor` or `both`): run the checks on this runner, annotate
// the workflow lines the findings point at, and give the report its `doctor` section.
/** GitHub shows at most 10 annotations of each kind per step. */
const PER_SEVERITY = 10;
/** Runs the doctor with the action's inputs; `images` adds what the analysed builds pushed. */
function doctorForAction(inputs, analysis, client, repository) {
    const pushed = analysis ? analysis.builds.flatMap((b) => b.build.images.filter((i) => i.pushed).map((i) => i.ref)) : [];
    // The run analysed (a past run by `run-id`, or this one) tells which builder it had: drift.
    const pastRun = analysis
        ? (0,_doctor_version_drift_js__WEBPACK_IMPORTED_MODULE_6__/* .versionsOfBuilds */ ._)(analysis.builds.map((b) => b.build), inputs.runId ? `run ${inputs.runId}` : 'the run analysed')
        : null;
    const github = client
        ? { client }
        : { client: null, reason: inputs.githubToken ? 'the GitHub API URL is not usable' : 'no token (the github-token input is empty)' };
    return (0,_doctor_doctor_js__WEBPACK_IMPORTED_MODULE_4__/* .runDoctor */ .j)({
        workspace: inputs.workspace,
        workflows: [],
        skip: inputs.doctorSkip,
        images: [...new Set([...inputs.images, ...pushed])],
        pastRun,
        github,
        repository,
    });
}
/** The `doctor` section of the analysis report (mode `both`). */
function doctorSection(report) {
    return { doctor: { checks: (0,_doctor_render_js__WEBPACK_IMPORTED_MODULE_5__.doctorChecksJson)(report), findings: report.findings.map(_report_json_report_js__WEBPACK_IMPORTED_MODULE_7__/* .findingJson */ .aO) } };
}
/** The report of mode `doctor`: the CLI's JSON. Returns its path, or null when it could not be written. */
async function writeDoctorReport(path, report, warnings) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, `${JSON.stringify((0,_doctor_render_js__WEBPACK_IMPORTED_MODULE_5__.doctorJson)(report), null, 2)}\n`);
        return path;
    }
    catch (error) {
        warnings.push(`could not write the report to ${path}: ${(0,_input_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .U)(error)}`);
        return null;
    }
}
function setDoctorOutputs(report) {
    _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('doctor-status', (0,_doctor_check_js__WEBPACK_IMPORTED_MODULE_8__/* .worstStatus */ .A4)(report.checks));
}
/** An annotation per finding, on the workflow line when the file is in the checkout. */
function annotateDoctor(report) {
    const used = { error: 0, warning: 0, notice: 0 };
    for (const finding of report.findings) {
        if (used[finding.severity] >= PER_SEVERITY)
            continue;
        used[finding.severity]++;
        const place = finding.locations?.find((l) => l.verified);
        const properties = place
            ? { title: `buildx-doctor: ${finding.id}`, file: place.file, startLine: place.line }
            : { title: `buildx-doctor: ${finding.id}` };
        const message = (0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .truncate */ .xv)((0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_9__/* .stripControl */ .kU)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .redact */ .E)(finding.title)).replace(/\s+/g, ' '), 1000);
        if (finding.severity === 'error')
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, properties);
        else if (finding.severity === 'warning')
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message, properties);
        else
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(message, properties);
    }
}


/***/ }),

/***/ 6619:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctorChecksJson: () => (/* binding */ doctorChecksJson),
/* harmony export */   doctorJson: () => (/* binding */ doctorJson),
/* harmony export */   renderDoctorMarkdown: () => (/* binding */ renderDoctorMarkdown),
/* harmony export */   renderDoctorText: () => (/* binding */ renderDoctorText)
/* harmony export */ });
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3326);
/* harmony import */ var _report_json_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4225);



// The doctor's report in the three forms: the terminal, Markdown (job summary) and JSON. Check details
// carry command output (builder names, registry errors): redacted, and escaped for Markdown.
/** Findings shown in full in Markdown; the JSON report has all of them. */
const MAX_MARKDOWN_FINDINGS = 30;
const STATUS_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };
const STATUS_ICON = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };
function renderDoctorText(report) {
    const lines = ['buildx-doctor doctor', ''];
    for (const c of report.checks)
        lines.push(`${STATUS_WORD[c.status]}  ${c.title}: ${(0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(c.detail)}`);
    if (report.findings.length > 0) {
        lines.push('', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`);
        for (const f of report.findings) {
            const where = f.locations?.[0] ? ` (${f.locations[0].file}:${f.locations[0].line})` : '';
            lines.push('', `${f.severity.toUpperCase()} ${f.id}${where}: ${(0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(f.title)}`, ...f.fix.split('\n').map((l) => `    ${l}`));
        }
    }
    lines.push('', summaryLine(report.checks));
    return `${lines.join('\n')}\n`;
}
/** The fix of each finding is Markdown buildx-doctor wrote (workflow text only inside code blocks). */
function renderDoctorMarkdown(report, heading = '##', problems = []) {
    const out = [`${heading} buildx-doctor: doctor`, '', summaryLine(report.checks), ''];
    for (const problem of problems)
        out.push(`> [!WARNING]\n> ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(problem))}`, '');
    out.push('| Status | Check | Detail |', '| --- | --- | --- |');
    for (const c of report.checks)
        out.push(`| ${STATUS_ICON[c.status]} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(c.title)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(c.detail))} |`);
    // Each finding's fix is short, but a repository of many workflows must not fill the summary.
    for (const f of report.findings.slice(0, MAX_MARKDOWN_FINDINGS))
        out.push('', findingMarkdown(f, `${heading}#`));
    const rest = report.findings.length - MAX_MARKDOWN_FINDINGS;
    if (rest > 0)
        out.push('', `…and ${rest} more finding${rest === 1 ? '' : 's'} in the JSON report.`);
    return `${out.join('\n')}\n`;
}
function findingMarkdown(f, heading) {
    const where = f.locations?.[0] ? ` (${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(`${f.locations[0].file}:${f.locations[0].line}`)})` : '';
    return `${heading} ${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineCode */ .ti)(f.id)}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(f.title))}${where}\n\n${f.fix}`;
}
function summaryLine(checks) {
    const count = (s) => checks.filter((c) => c.status === s).length;
    return `${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skipped')} skipped`;
}
/** The `doctor` section of a report: the checks, redacted. */
function doctorChecksJson(report) {
    return report.checks.map((c) => ({ id: c.id, status: c.status, title: c.title, detail: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(c.detail) }));
}
/** The CLI's JSON: `{schemaVersion, tool, doctor: {checks}, findings}`. */
function doctorJson(report) {
    return { schemaVersion: _report_json_report_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$, tool: (0,_report_json_report_js__WEBPACK_IMPORTED_MODULE_2__/* .toolJson */ .V4)(), doctor: { checks: doctorChecksJson(report) }, findings: report.findings.map(_report_json_report_js__WEBPACK_IMPORTED_MODULE_2__/* .findingJson */ .aO) };
}


/***/ })

};
