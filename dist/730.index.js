export const id = 730;
export const ids = [730];
export const modules = {

/***/ 6730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnPullRequest: () => (/* binding */ commentOnPullRequest),
  commentWanted: () => (/* binding */ commentWanted)
});

// EXTERNAL MODULE: ./src/github/run-context.ts
var run_context = __webpack_require__(7068);
// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
;// CONCATENATED MODULE: ./src/github/pull-request.ts

/**
 * The pull request a run belongs to. `pull_request` and `pull_request_target` carry it in the event;
 * `workflow_run` lists it, except for pull requests from forks, which are found by the head commit.
 */
async function findPullRequest(client, context, run) {
    // Only the fields read here; unknown, because the payload file is not validated.
    const payload = context.payload;
    const direct = payload.pull_request?.number;
    if ((context.eventName === 'pull_request' || context.eventName === 'pull_request_target') && isInteger(direct))
        return direct;
    let headSha;
    if (context.eventName === 'workflow_run' && payload.workflow_run) {
        const listed = payload.workflow_run.pull_requests?.[0]?.number;
        if (isInteger(listed))
            return listed;
        headSha = typeof payload.workflow_run.head_sha === 'string' ? payload.workflow_run.head_sha : null;
    }
    else if (run) {
        if (run.pullNumbers[0])
            return run.pullNumbers[0];
        headSha = run.headSha;
    }
    else {
        return null;
    }
    if (!headSha || !context.owner || !context.repo)
        return null;
    return byHeadSha(client, context.owner, context.repo, headSha);
}
async function byHeadSha(client, owner, repo, sha) {
    const associated = await (0,api/* call */.T1)(client, 'finding the pull request of the commit', () => client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { owner, repo, commit_sha: sha, per_page: 100 }));
    const open = associated.data.find((pr) => pr.state === 'open' && pr.head.sha === sha) ?? associated.data.find((pr) => pr.state === 'open');
    if (open)
        return open.number;
    // A fork's head commit is not in the base repository's history: look through the open pull requests.
    const pulls = await (0,api/* call */.T1)(client, 'listing open pull requests', () => client.paginate('GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'open', per_page: 100 }));
    return pulls.find((pr) => pr.head.sha === sha)?.number ?? null;
}
function isInteger(value) {
    return Number.isInteger(value);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/github/sticky-comment.ts


/**
 * The hidden marker that finds the comment again on the next run: one comment per workflow and job
 * (and `comment-key`, for the legs of a matrix that each run buildx-doctor), hashed so that no text
 * of it can end the HTML comment.
 */
function commentMarker(workflow, job = null, key = null) {
    const id = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([workflow ?? '', job ?? '', key ?? '']))
        .digest('hex')
        .slice(0, 12);
    return `<!-- buildx-doctor:sticky-comment id=${id} -->`;
}
/**
 * Creates or updates the pull request's comment. When nothing calls for a comment (`wanted` false)
 * an existing one is still updated, so that a green run does not leave a stale failure on the PR.
 */
async function upsertStickyComment(client, target, marker, body, wanted) {
    const comments = await (0,api/* call */.T1)(client, 'listing the pull request comments', () => client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: target.owner,
        repo: target.repo,
        issue_number: target.number,
        per_page: 100,
    }));
    // Only a comment of our own: anyone can paste the marker into a comment of theirs.
    const me = (await tokenLogin(client)).toLowerCase();
    const existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker) && c.user?.login?.toLowerCase() === me);
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', url: existing.html_url };
        const updated = await (0,api/* call */.T1)(client, 'updating the pull request comment', () => client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner: target.owner, repo: target.repo, comment_id: existing.id, body }));
        return { action: 'updated', url: updated.data.html_url };
    }
    if (!wanted)
        return { action: 'skipped', url: null };
    const created = await (0,api/* call */.T1)(client, 'commenting on the pull request', () => client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner: target.owner, repo: target.repo, issue_number: target.number, body }));
    return { action: 'created', url: created.data.html_url };
}
/** Who GITHUB_TOKEN comments as. */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login the token comments as. A personal token's user is `GET /user`; an installation token
 * (GITHUB_TOKEN) may not read it (403) and comments as github-actions[bot]. The comment of another
 * GitHub App's token is then not recognised: a new one is written, never someone else's edited.
 */
async function tokenLogin(client) {
    try {
        const user = await (0,api/* call */.T1)(client, 'reading who the token belongs to', () => client.request('GET /user'));
        return user.data.login;
    }
    catch (error) {
        if (error instanceof api/* ApiError */.hD && error.status === 403)
            return ACTIONS_BOT;
        throw error;
    }
}

// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(2011);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/image-sizes.ts
var image_sizes = __webpack_require__(100);
// EXTERNAL MODULE: ./src/report/finding-block.ts + 1 modules
var finding_block = __webpack_require__(9025);
// EXTERNAL MODULE: ./src/report/verdict.ts
var report_verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/report/baseline-section.ts
var baseline_section = __webpack_require__(3205);
// EXTERNAL MODULE: ./src/report/screen-groups.ts
var screen_groups = __webpack_require__(669);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts








/** GitHub refuses a comment over 65,536 characters; keep a margin for the marker and the footer. */
const MAX_COMMENT_CHARS = 60_000;
/** What a comment aims at: one screen. The root cause always shows; others shrink to a line past this. */
const TARGET_COMMENT_CHARS = 5_500;
const UNFOLDED_EVIDENCE = 8;
const TABLE_ROWS = 10;
/**
 * The pull request comment, in the summary's order: the root cause as the headline, its evidence
 * unfolded and a one-line fix; other failures; the canceled jobs in one line; the warnings in a line
 * each; then the builds. Short by design; the job summary has the rest.
 */
function renderComment(analysis, marker, links) {
    // A build whose log does not say how it ended is no success: it is told as the failures are.
    const notSucceeded = analysis.builds.filter((b) => b.build.status !== 'success');
    const footer = `<sub>${version/* TOOL_NAME */.l}${links.runUrl ? ` \u00b7 full report in the job summary of [this run](${links.runUrl})` : ''}</sub>`;
    if (analysis.builds.length === 0)
        return [marker, `### ${format/* STATUS_ICON */.tW[analysis.status]} ${version/* TOOL_NAME */.l}: no build found`, footer].join('\n\n');
    const verdict = (0,report_verdict/* verdictOf */.Vj)(analysis);
    // Each thing once: consequences under their root cause, a cache break in the baseline's lines.
    const screen = (0,screen_groups/* screenGroups */.h)(analysis);
    // A build's failure its job was allowed (continue-on-error) is told as a failure is, under a \u26a0\ufe0f headline.
    const failure = (g) => g.severity === 'error' || (0,report_verdict/* isAllowedBuildFailure */.LR)(g);
    const errors = screen.groups.filter(failure);
    const canceled = screen.groups.filter((g) => g.id === 'canceled');
    const warnings = screen.groups.filter((g) => !failure(g) && g.id !== 'canceled');
    const table = buildTable(analysis.builds);
    const sizes = (0,image_sizes/* imageSizeSection */.k)(analysis.builds, '**Image sizes**');
    const baseline = (0,baseline_section/* baselineSection */.d_)(analysis, { compact: true, heading: '**Against the baseline**', fileUrl: links.fileUrl });
    const blockOptions = { unfoldedEvidence: UNFOLDED_EVIDENCE, maxEvidence: 20, fullFix: false, details: false, fileUrl: links.fileUrl };
    // A step after the builds failed for a cause the catalog names (a push denied): told as a failure.
    if ((notSucceeded.length === 0 && !(0,report_verdict/* laterStepFailed */.oY)(errors)) || errors.length === 0) {
        // Nothing failed (or nothing was diagnosed): the verdict, then what is worth a look.
        // Builds past the listing limit are counted in the total (the budget lists all it can of the failed ones).
        const total = analysis.builds.length + (analysis.omittedBuilds?.count ?? 0);
        const head = notSucceeded.length === 0
            ? `### \u2705 ${version/* TOOL_NAME */.l}: ${total === 1 ? 'the build succeeded' : `all ${total} builds succeeded`}${(0,report_verdict/* afterBuildClause */.gq)(screen.groups, total)}`
            : `### ${(0,report_verdict/* headlineIcon */.Mb)(analysis)} ${verdict.happened}`;
        // The comment lists each warning in a line, without its advice: the change says how itself.
        const lines = [verdict.time ? `\u23f1\ufe0f ${verdict.time}` : '', verdict.changeWithHow && warnings.length ? `\ud83d\udca1 ${verdict.changeWithHow}` : '']
            .filter(Boolean)
            .join('\n');
        return fit([marker, head, lines, baseline, ...canceled.map(finding_block/* canceledLine */.E3), warningList(warnings), table, sizes], footer);
    }
    // The root cause is the headline itself; every later failure gets a smaller heading.
    const [root, ...others] = errors;
    const rootBlock = (0,finding_block/* findingBlock */.nA)(root, analysis, { ...blockOptions, heading: '###', consequences: screen.consequences.get(root) });
    const otherBlocks = others.map((g) => (0,finding_block/* findingBlock */.nA)(g, analysis, { ...blockOptions, heading: '####', consequences: screen.consequences.get(g) }));
    const otherLines = others.map((g) => `- ${format/* SEVERITY_ICON */._9[g.severity]} ${(0,finding_block/* headline */.Pl)(g)}`);
    const rest = [baseline, ...canceled.map(finding_block/* canceledLine */.E3), warningList(warnings), table, sizes];
    // Within the target, every failure in full; past it, the others in a line each.
    const full = [marker, rootBlock, ...otherBlocks, ...rest];
    if (pr_comment_length(full, footer) <= TARGET_COMMENT_CHARS)
        return fit(full, footer);
    const compact = [marker, rootBlock, otherLines.length ? `**Other failures**\n${otherLines.join('\n')}` : '', ...rest];
    return fit(compact, footer);
}
function warningList(groups) {
    if (groups.length === 0)
        return '';
    const shown = groups.slice(0, 5).map((g) => `- ${format/* SEVERITY_ICON */._9[g.severity]} ${(0,finding_block/* headline */.Pl)(g)}`);
    const more = groups.length > 5 ? [`- \u2026and ${groups.length - 5} more in the job summary`] : [];
    return ['**Also worth a look**', ...shown, ...more].join('\n');
}
/**
 * A row per build; past TABLE_ROWS, the rest are counted (the summary has them all). Three columns,
 * the status an icon before the build's name: a comment is read on phones too, where a fourth
 * column pushed the cache hits off the screen.
 */
function buildTable(builds) {
    // Without any time in the logs (a plain log has no timestamps) the column is left out, not dashed.
    const timed = builds.some((b) => (b.build.buildSeconds ?? b.build.jobSeconds) !== null);
    const rows = builds.slice(0, TABLE_ROWS).map((b) => row(b, timed));
    const more = builds.length > TABLE_ROWS ? `\n\n\u2026and ${builds.length - TABLE_ROWS} more builds in the job summary.` : '';
    const head = timed ? ['| Build | Build time | Cache hits |', '|---|---:|---:|'] : ['| Build | Cache hits |', '|---|---:|'];
    const table = [...head, ...rows].join('\n') + more;
    return builds.length > 3 ? `<details><summary>${builds.length} builds</summary>\n\n${table}\n\n</details>` : table;
}
function row({ build, cache }, timed) {
    const name = build.jobUrl ? `[${(0,markdown/* escapeCell */.kq)(build.name)}](${build.jobUrl})` : (0,markdown/* escapeCell */.kq)(build.name);
    const hits = cache.ratio === null
        ? build.steps.some((s) => s.kind === 'instruction')
            ? 'nothing cacheable'
            : 'no step ran'
        : (0,format/* formatCache */.uI)(cache.hits, cache.misses, cache.ratio);
    const time = timed ? ` ${(0,format/* formatDuration */.a3)(build.buildSeconds ?? build.jobSeconds)} |` : '';
    return `| ${format/* STATUS_ICON */.tW[build.status]} ${name} |${time} ${hits} |`;
}
function pr_comment_length(blocks, footer) {
    return [...blocks, footer].filter(Boolean).join('\n\n').length;
}
function fit(blocks, footer) {
    const present = blocks.filter(Boolean);
    const all = [...present, footer].join('\n\n');
    if (all.length <= MAX_COMMENT_CHARS)
        return all;
    const kept = [];
    let size = footer.length + 200;
    for (const block of present) {
        if (size + block.length + 2 > MAX_COMMENT_CHARS)
            break;
        kept.push(block);
        size += block.length + 2;
    }
    return [...kept, '\u2026more in the job summary.', footer].filter(Boolean).join('\n\n');
}

// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./src/action/links.ts
var links = __webpack_require__(303);
// EXTERNAL MODULE: ./src/analyze/allowed-failure.ts
var allowed_failure = __webpack_require__(1431);
;// CONCATENATED MODULE: ./src/action/comment-step.ts








/** Whether this run calls for a comment (an existing one is updated in any case). */
function commentWanted(mode, analysis) {
    if (mode === 'always')
        return true;
    if (mode === 'on-findings')
        return analysis.findings.length > 0;
    // A failure every job was allowed (continue-on-error) left the run green: no comment asked for.
    if (mode === 'on-failure')
        return analysis.status === 'failure' && !(0,allowed_failure/* failuresAllAllowed */.hd)(analysis);
    return false;
}
/**
 * The sticky pull request comment. Every failure here (no pull request, a read-only token on a
 * fork's pull request, an API error) is a warning, never a failed step. Returns the comment's URL.
 */
async function commentOnPullRequest(analysis, run, runId) {
    const { inputs, context, client, warnings } = run;
    if (inputs.comment === 'off' || !context.owner || !context.repo)
        return null;
    const wanted = commentWanted(inputs.comment, analysis);
    if (!client) {
        // With a token but no client, the reason (the API URL) was already given.
        if (wanted && !inputs.githubToken)
            warnings.push('no "github-token": the pull request comment was not written');
        return null;
    }
    const owner = context.owner;
    const repo = context.repo;
    try {
        const pastRun = inputs.runId && inputs.runId !== context.runId ? await readRun(client, owner, repo, inputs.runId) : null;
        const number = await findPullRequest(client, context, pastRun);
        if (number === null)
            return null;
        const marker = commentMarker(pastRun?.workflow ?? context.workflow, pastRun ? null : context.job, inputs.commentKey);
        const sha = pastRun?.headSha ?? pullHeadSha(context) ?? context.sha;
        const body = renderComment(analysis, marker, { runUrl: (0,run_context/* runUrl */.V)(context, runId ?? context.runId), fileUrl: (0,links/* commitFileUrl */.v)(context, sha) });
        const result = await upsertStickyComment(client, { owner, repo, number }, marker, body, wanted);
        return result.url;
    }
    catch (error) {
        const status = error instanceof api/* ApiError */.hD ? error.status : null;
        const hint = status === 403 || status === 404
            ? ' The token may be read-only (a pull request from a fork) or lack `pull-requests: write`; the report is in this summary.'
            : '';
        warnings.push(`could not write the pull request comment: ${(0,errors/* describeError */.U)(error)}.${hint}`);
        return null;
    }
}
async function readRun(client, owner, repo, runId) {
    const run = await (0,api/* call */.T1)(client, `reading run ${runId}`, () => client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: runId }));
    return {
        headSha: run.data.head_sha ?? null,
        pullNumbers: (run.data.pull_requests ?? []).map((pr) => pr.number),
        workflow: run.data.name ?? null,
    };
}
/** On a pull request the checkout is a merge commit; link to the pull request's head instead. */
function pullHeadSha(context) {
    // Only the fields read here; unknown, because the payload file is not validated.
    const payload = context.payload;
    const sha = payload.pull_request?.head?.sha ?? payload.workflow_run?.head_sha;
    return typeof sha === 'string' ? sha : null;
}


/***/ })

};
