export const id = 469;
export const ids = [469,619];
export const modules = {

/***/ 9469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  annotateDoctor: () => (/* binding */ annotateDoctor),
  doctorForAction: () => (/* binding */ doctorForAction),
  doctorSection: () => (/* binding */ doctorSection),
  setDoctorOutputs: () => (/* binding */ setDoctorOutputs),
  writeDoctorReport: () => (/* binding */ writeDoctorReport)
});

// EXTERNAL MODULE: ./src/action/workflow-commands.ts
var workflow_commands = __webpack_require__(6812);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __webpack_require__(3326);
// EXTERNAL MODULE: ./src/doctor/doctor.ts + 19 modules
var doctor = __webpack_require__(2634);
// EXTERNAL MODULE: ./src/doctor/render.ts
var render = __webpack_require__(6619);
// EXTERNAL MODULE: ./src/report/json-report.ts
var json_report = __webpack_require__(4225);
// EXTERNAL MODULE: ./src/doctor/check.ts
var check = __webpack_require__(7751);
// EXTERNAL MODULE: ./src/doctor/version-drift.ts
var version_drift = __webpack_require__(829);
;// CONCATENATED MODULE: ./src/action/action-run.ts
/** `owner/name` of the repository the run belongs to, when known. */
function repositoryOf(run) {
    return run.context.owner && run.context.repo ? `${run.context.owner}/${run.context.repo}` : null;
}

;// CONCATENATED MODULE: ./src/action/doctor-step.ts












// The action's side of the doctor (`mode: doctor` or `both`): run the checks on this runner, annotate
// the workflow lines the findings point at, and give the report its `doctor` section.
/** GitHub shows at most 10 annotations of each kind per step. */
const PER_SEVERITY = 10;
/** Runs the doctor with the action's inputs; `images` adds what the analysed builds pushed. */
function doctorForAction(run, analysis) {
    const { inputs, client } = run;
    const pushed = analysis ? analysis.builds.flatMap((b) => b.build.images.filter((i) => i.pushed).map((i) => i.ref)) : [];
    // The run analysed (a past run by `run-id`, or this one) tells which builder it had: drift.
    const pastRun = analysis
        ? (0,version_drift/* versionsOfBuilds */._)(analysis.builds.map((b) => b.build), inputs.runId ? `run ${inputs.runId}` : 'the run analysed')
        : null;
    const github = client
        ? { client }
        : { client: null, reason: inputs.githubToken ? 'the GitHub API URL is not usable' : 'no token (the github-token input is empty)' };
    return (0,doctor/* runDoctor */.j)({
        workspace: inputs.workspace,
        workflows: [],
        skip: inputs.doctorSkip,
        images: [...new Set([...inputs.images, ...pushed])],
        pastRun,
        github,
        repository: repositoryOf(run),
    });
}
/** The `doctor` section of the analysis report (mode `both`). */
function doctorSection(report) {
    return { doctor: { checks: (0,render.doctorChecksJson)(report), findings: report.findings.map(json_report/* findingJson */.aO) } };
}
/** The report of mode `doctor`: the CLI's JSON. Returns its path, or null when it could not be written. */
async function writeDoctorReport(run, report) {
    const path = run.inputs.reportFile;
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(path, `${JSON.stringify((0,render.doctorJson)(report), null, 2)}\n`);
        return path;
    }
    catch (error) {
        run.warnings.push(`could not write the report to ${path}: ${(0,errors/* describeError */.U)(error)}`);
        return null;
    }
}
function setDoctorOutputs(report) {
    workflow_commands/* setOutput */.uH('doctor-status', (0,check/* worstStatus */.A4)(report.checks));
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
        const message = (0,markdown/* truncate */.xv)((0,markdown/* stripControl */.kU)((0,redact/* redact */.E)(finding.title)).replace(/\s+/g, ' '), 1000);
        if (finding.severity === 'error')
            workflow_commands/* error */.z3(message, properties);
        else if (finding.severity === 'warning')
            workflow_commands/* warning */.$e(message, properties);
        else
            workflow_commands/* notice */.lm(message, properties);
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
/* harmony import */ var _text_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6590);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3326);
/* harmony import */ var _report_json_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4225);



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
        out.push(`> [!WARNING]\n> ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(problem))}`, '');
    out.push('| Status | Check | Detail |', '| --- | --- | --- |');
    for (const c of report.checks)
        out.push(`| ${STATUS_ICON[c.status]} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)(c.title)} | ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeCell */ .kq)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(c.detail))} |`);
    // Each finding's fix is short, but a repository of many workflows must not fill the summary.
    for (const f of report.findings.slice(0, MAX_MARKDOWN_FINDINGS))
        out.push('', findingMarkdown(f, `${heading}#`));
    const rest = report.findings.length - MAX_MARKDOWN_FINDINGS;
    if (rest > 0)
        out.push('', `…and ${rest} more finding${rest === 1 ? '' : 's'} in the JSON report.`);
    return `${out.join('\n')}\n`;
}
function findingMarkdown(f, heading) {
    const where = f.locations?.[0] ? ` (${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(`${f.locations[0].file}:${f.locations[0].line}`)})` : '';
    return `${heading} ${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(f.id)}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(f.title))}${where}\n\n${f.fix}`;
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
    return { schemaVersion: _report_json_report_js__WEBPACK_IMPORTED_MODULE_1__/* .SCHEMA_VERSION */ .f$, tool: (0,_report_json_report_js__WEBPACK_IMPORTED_MODULE_1__/* .toolJson */ .V4)(), doctor: { checks: doctorChecksJson(report) }, findings: report.findings.map(_report_json_report_js__WEBPACK_IMPORTED_MODULE_1__/* .findingJson */ .aO) };
}


/***/ })

};
