export const id = 619;
export const ids = [619];
export const modules = {

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
const STATUS_ICON = { pass: '\u2705 pass', warn: '\u26a0\ufe0f warn', fail: '\u274c fail', skipped: '\u23ed\ufe0f skipped' };
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
        out.push('', `\u2026and ${rest} more finding${rest === 1 ? '' : 's'} in the JSON report.`);
    return `${out.join('\n')}\n`;
}
function findingMarkdown(f, heading) {
    const where = f.locations?.[0] ? ` (${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(`${f.locations[0].file}:${f.locations[0].line}`)})` : '';
    return `${heading} ${f.severity === 'error' ? '\u274c' : f.severity === 'warning' ? '\u26a0\ufe0f' : '\u2139\ufe0f'} ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(f.id)}: ${(0,_text_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeText */ .X1)((0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E)(f.title))}${where}\n\n${f.fix}`;
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
