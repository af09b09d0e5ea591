export const id = 469;
export const ids = [469];
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
// EXTERNAL MODULE: ./src/doctor/doctor.ts + 17 modules
var doctor = __webpack_require__(5303);
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


/***/ })

};
