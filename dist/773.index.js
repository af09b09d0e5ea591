export const id = 773;
export const ids = [773,638];
export const modules = {

/***/ 3773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HISTORY_CONCURRENCY: () => (/* binding */ HISTORY_CONCURRENCY),
/* harmony export */   historyRows: () => (/* binding */ historyRows)
/* harmony export */ });
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8943);
/* harmony import */ var _github_run_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7068);
/* harmony import */ var _github_history_runs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(522);
/* harmony import */ var _github_jobs_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4638);
/* harmony import */ var _github_baseline_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7836);
/* harmony import */ var _engine_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3501);
/* harmony import */ var _analyze_history_row_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4793);
/* harmony import */ var _input_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1377);








/**
 * Runs read at once. Each holds one log stream open at a time (its jobs are read one after
 * another), so memory stays that of a few streams whatever N is.
 */
const HISTORY_CONCURRENCY = 3;
/**
 * The benchmark table's rows: the workflow's last N finished runs, each run's jobs read and analysed
 * like the current run's. A run whose logs cannot be read (expired) keeps its row, without times,
 * and a warning says why. Returns no rows and a warning when the runs cannot be listed.
 */
async function historyRows(run, options) {
    const { client, context, warnings } = run;
    if (!client || !context.owner || !context.repo || !context.runId) {
        warnings.push('history: the runs can only be read in GitHub Actions with a github-token');
        return [];
    }
    const repo = { owner: context.owner, repo: context.repo };
    let runs;
    try {
        runs = await (0,_github_history_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .recentRuns */ .st)(client, repo, context.runId, options.count);
    }
    catch (error) {
        warnings.push(`history: ${(0,_github_baseline_run_js__WEBPACK_IMPORTED_MODULE_4__.whyNot)(error)}`);
        return [];
    }
    if (runs.length === 0)
        warnings.push('history: this workflow has no finished run yet');
    return (0,_github_history_runs_js__WEBPACK_IMPORTED_MODULE_2__/* .mapBounded */ .yJ)(runs, HISTORY_CONCURRENCY, async (run) => {
        const facts = { runId: run.id, runNumber: run.number, url: (0,_github_run_context_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .V)(context, run.id), date: run.date, event: run.event, branch: run.branch };
        try {
            const jobs = await (0,_github_jobs_source_js__WEBPACK_IMPORTED_MODULE_3__.jobLogSources)(client, { ...repo, runId: run.id, jobPatterns: options.jobPatterns, ownRunner: null, waitMs: 0, pollMs: 200 });
            const analysis = await (0,_engine_js__WEBPACK_IMPORTED_MODULE_5__/* .analyzeSources */ .T)(jobs.sources, options.analysisOptions, options.catalog, null);
            // Per run, only what leaves it without any build is worth a warning (a job without a build is normal).
            if (analysis.builds.length === 0)
                warnings.push(`history: run ${run.id}: no build read${analysis.problems[0] ? ` (${analysis.problems[0].message})` : ''}`);
            return (0,_analyze_history_row_js__WEBPACK_IMPORTED_MODULE_7__/* .historyRow */ .z)(analysis, facts);
        }
        catch (error) {
            warnings.push(`history: run ${run.id}: ${error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD ? error.message : (0,_input_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .U)(error)}`);
            return { ...facts, cacheRatio: null, components: [] };
        }
    });
}


/***/ }),

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

/***/ 4638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jobLogSources: () => (/* binding */ jobLogSources)
});

// EXTERNAL MODULE: ./src/github/step-lines.ts
var step_lines = __webpack_require__(331);
// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(3581);
;// CONCATENATED MODULE: ./src/github/glob.ts

// Job names are not paths: `Build (linux/amd64)` and a reusable workflow's `caller / build` hold a
// slash that `*` must cross. minimatch splits patterns at `/`, so the slash is swapped for a
// character neither a job name nor a pattern holds before matching.
const SLASH_STAND_IN = '\u0000';
const OPTIONS = {
    nocase: true,
    dot: true,
    // `!pattern` is an exclusion handled below; `#` and `(` are ordinary characters in job names.
    nonegate: true,
    nocomment: true,
    noext: true,
};
/** `Build *`, `build (?*)`, `Build {amd64,arm64}`: minimatch syntax on job names, any case; `!pattern` excludes. */
function matchesAny(name, patterns) {
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const subject = name.replaceAll('/', SLASH_STAND_IN);
    const test = (pattern) => (0,esm/* minimatch */.xF)(subject, pattern.trim().replaceAll('/', SLASH_STAND_IN), OPTIONS);
    return (include.length === 0 || include.some(test)) && !exclude.some(test);
}

;// CONCATENATED MODULE: ./src/github/jobs-source.ts




const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * The logs of a run's jobs, for a follow-up job (`needs:` + `if: always()`) or a past run: lists the
 * jobs (all pages), keeps those whose names match, waits a bounded time for any still running, and
 * gives one log source per finished job, streamed from GitHub when it is read.
 */
async function jobLogSources(client, options) {
    const problems = [];
    const deadline = Date.now() + options.waitMs;
    let jobs = await listJobs(client, options);
    // Only running jobs are waited for: a queued or waiting one (an approval, a job that needs this
    // one) may not start for a long time.
    while (jobs.some((j) => j.status === 'in_progress') && Date.now() < deadline) {
        await sleep(Math.min(options.pollMs, Math.max(0, deadline - Date.now())));
        try {
            jobs = await listJobs(client, options);
        }
        catch {
            break; // keep the last listing: its finished jobs can still be read
        }
    }
    if (jobs.length === 0)
        problems.push(`no job of run ${options.runId} matches ${options.jobPatterns.join(', ') || '*'} (besides this one)`);
    const sources = [];
    for (const job of jobs) {
        // A skipped job has no log to read.
        if (job.conclusion === 'skipped')
            continue;
        if (job.status !== 'completed') {
            problems.push(job.status === 'in_progress'
                ? `${job.name}: still in progress after ${Math.round(options.waitMs / 1000)} s, so its log is not ready; run buildx-doctor in a job that \`needs:\` it`
                : `${job.name}: ${job.status.replace(/_/g, ' ')}, so there is no log yet`);
            continue;
        }
        sources.push(jobLogSource(client, options, job));
    }
    return { sources, jobs, problems };
}
async function listJobs(client, options) {
    const all = await (0,api/* call */.T1)(client, `listing the jobs of run ${options.runId}`, () => client.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
        owner: options.owner,
        repo: options.repo,
        run_id: options.runId,
        filter: 'latest',
        per_page: 100,
    }));
    return all
        .filter((job) => !(options.ownRunner && job.runner_name === options.ownRunner && job.status !== 'completed'))
        .filter((job) => matchesAny(job.name, options.jobPatterns))
        .map((job) => ({
        id: job.id,
        name: job.name,
        status: job.status,
        conclusion: job.conclusion ?? null,
        htmlUrl: job.html_url ?? null,
        steps: (job.steps ?? []).map((step) => ({ number: step.number, name: step.name, startedAt: step.started_at ?? null })),
    }));
}
/** A job's log, downloaded when read (the API redirects to a short-lived URL that streams it). */
function jobLogSource(client, options, job) {
    // Which lines start which step, learnt while the log streams by: evidence then links to `#step:N:L`.
    const index = new step_lines/* StepLineIndex */.P(job.steps ?? []);
    return {
        label: job.name,
        name: job.name,
        enrich(builds) {
            const steps = index.starts();
            for (const build of builds) {
                build.jobId = job.id;
                build.jobUrl = job.htmlUrl;
                build.jobConclusion = job.conclusion;
                build.jobSteps = steps;
                build.stepNumber = step_lines/* StepLineIndex */.P.stepOf(steps, build.firstLine)?.number ?? null;
            }
        },
        async open() {
            for (let attempt = 0;; attempt++) {
                try {
                    const response = await (0,api/* call */.T1)(client, `downloading the log of ${job.name}`, () => client.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
                        owner: options.owner,
                        repo: options.repo,
                        job_id: job.id,
                        request: { parseSuccessResponseBody: false },
                    }));
                    const body = response.data;
                    const chunks = body && typeof body[Symbol.asyncIterator] === 'function'
                        ? toBuffers(body, job.name)
                        : [Buffer.from(typeof body === 'string' ? body : '')];
                    // A finished job's log can also come back empty for a moment before it is stored: ask again.
                    const started = await startOf(chunks);
                    if (started === null && attempt < 2) {
                        await sleep(options.pollMs);
                        continue;
                    }
                    return index.watch(started ?? []);
                }
                catch (error) {
                    // A job that just finished can answer 404 for a moment before its log is stored.
                    if (error instanceof api/* ApiError */.hD && error.status === 404 && attempt < 2) {
                        await sleep(options.pollMs);
                        continue;
                    }
                    throw new errors/* InputError */.d(error.message);
                }
            }
        },
    };
}
/** The stream with its first chunk read (null when it had none), the rest still to come. */
async function startOf(chunks) {
    const iterator = chunks[Symbol.asyncIterator]?.() ?? chunks[Symbol.iterator]();
    let first = await iterator.next();
    while (!first.done && first.value.length === 0)
        first = await iterator.next();
    if (first.done)
        return null;
    const head = first.value;
    return (async function* () {
        yield head;
        for (let next = await iterator.next(); !next.done; next = await iterator.next())
            yield next.value;
    })();
}
/** The body as it streams in; a connection that breaks midway is one sentence, like any API error. */
async function* toBuffers(stream, name) {
    try {
        for await (const chunk of stream)
            yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d)
            throw error;
        throw new errors/* InputError */.d(`GitHub API: downloading the log of ${name} broke off: ${(0,api/* whyNoAnswer */.MR)(error)}`);
    }
}


/***/ })

};
