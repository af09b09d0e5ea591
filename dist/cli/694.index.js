export const id = 694;
export const ids = [694];
export const modules = {

/***/ 5037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ DockerMissingError),
/* harmony export */   T: () => (/* binding */ docker)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Output beyond this is not kept (a history log is one build's output; this is far above it). */
const MAX_OUTPUT = 64 * 1024 * 1024;
/** Thrown when docker cannot be started at all: not installed, not executable. */
class DockerMissingError extends Error {
}
/**
 * Runs the docker CLI quietly (its output is data, not for the job log) and returns what it printed.
 * A failing command is a result; it throws only when docker cannot be started (DockerMissingError)
 * or is still running at the time limit, when it is killed. node's child_process rather than
 * @actions/exec: @actions/exec has no way to end a process, and a registry that never answers would
 * keep docker, and so the action, alive.
 */
function docker(args, options = {}) {
    const binary = process.env.BUILDX_DOCTOR_DOCKER || 'docker';
    const timeoutMs = options.timeoutMs ?? 120_000;
    // The environment is passed explicitly: what this process has now (DOCKER_HOST, DOCKER_CONFIG set by
    // earlier steps or by a caller) is what docker must see.
    const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e) => e[1] !== undefined));
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, args, { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
        const out = [];
        const err = [];
        let outBytes = 0;
        let errBytes = 0;
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (b) => {
            if (outBytes < MAX_OUTPUT)
                out.push(b);
            outBytes += b.length;
        });
        child.stderr.on('data', (b) => {
            if (errBytes < MAX_OUTPUT)
                err.push(b);
            errBytes += b.length;
        });
        child.stdin.on('error', () => undefined); // docker may exit before reading its input
        child.stdin.end(options.input ?? '');
        child.once('error', (error) => {
            clearTimeout(timer);
            const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
            reject(new DockerMissingError(`cannot run ${binary}: ${why}`));
        });
        child.once('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new Error(`docker ${args.slice(0, 3).join(' ')} did not finish within ${Math.round(timeoutMs / 1000)} s`));
                return;
            }
            const text = (chunks) => Buffer.concat(chunks).toString('utf8').slice(0, MAX_OUTPUT);
            resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: text(out), stderr: text(err) });
        });
    });
}


/***/ }),

/***/ 2334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ loginToTemporaryConfig),
/* harmony export */   Ol: () => (/* binding */ neededLogins),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* unused harmony export hasDockerLogin */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5037);
/* harmony import */ var _text_bytes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1080);
// Credentials Docker does not have yet (the job token for ghcr.io, the `registry-username` and
// `registry-password` inputs) go into a temporary DOCKER_CONFIG through `docker login
// --password-stdin`, so the secret is never on a command line or in a log, and the runner's own
// config is left untouched. The temporary config is removed after the sizes are read. Everything
// else (credential helpers, mirrors, certificates) stays Docker's own.





/** The docker config dir `env` points at: DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_2__.join(env.HOME || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.docker');
}
/** `https://ghcr.io/v1/` -> `ghcr.io`: config keys as docker login and login-action write them. */
function keyHost(key) {
    return key
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
}
/** True when Docker's config has credentials (or a credential helper) for `registry`. */
function hasDockerLogin(registry, env) {
    try {
        const config = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dockerConfigDir(env), 'config.json'), 'utf8'));
        const keys = [...Object.keys(config.auths ?? {}), ...Object.keys(config.credHelpers ?? {})].map(keyHost);
        const wanted = registry === 'docker.io' ? ['docker.io', 'index.docker.io', 'registry-1.docker.io'] : [registry];
        return keys.some((k) => wanted.includes(k));
    }
    catch {
        return false; // no config, or one docker could not read either
    }
}
/** The logins Docker lacks: explicit credentials, and the job token for ghcr.io when Docker has no login for it. */
function neededLogins(registries, credentials, githubToken, githubUser, env) {
    const logins = [];
    for (const registry of registries) {
        const given = credentials.find((c) => c.registry === registry) ?? credentials.find((c) => !c.registry);
        if (given)
            logins.push({ registry, username: given.username, password: given.password });
        else if (registry === 'ghcr.io' && githubToken && !hasDockerLogin(registry, env)) {
            logins.push({ registry, username: githubUser || 'buildx-doctor', password: githubToken });
        }
    }
    return logins;
}
/** Logs in to each registry in a fresh DOCKER_CONFIG that keeps the CLI plugins (buildx) and builders of `base`. */
async function loginToTemporaryConfig(logins, base, timeoutMs) {
    const original = dockerConfigDir(base);
    const dir = node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(), 'buildx-doctor-docker-config-')); // mode 0700
    const remove = () => node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync(dir, { recursive: true, force: true });
    const env = { ...base, DOCKER_CONFIG: dir };
    const refused = new Map();
    try {
        if (node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(original, 'cli-plugins')))
            node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(original, 'cli-plugins'), node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, 'cli-plugins'));
        // buildx keeps its builders under DOCKER_CONFIG/buildx; the current one (and its registry config) stays.
        if (!env.BUILDX_CONFIG && node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(original, 'buildx')))
            env.BUILDX_CONFIG = node_path__WEBPACK_IMPORTED_MODULE_2__.join(original, 'buildx');
        for (const login of logins) {
            const hide = (text) => (login.password ? text.split(login.password).join('***') : text);
            try {
                const result = await (0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .docker */ .T)(['login', '--username', login.username, '--password-stdin', login.registry], { env, input: login.password, timeoutMs });
                if (result.exitCode !== 0) {
                    const said = result.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.exitCode}`;
                    refused.set(login.registry, `docker login to ${login.registry} failed (${(0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(hide(said), 240)})`);
                }
            }
            catch (error) {
                const why = error instanceof _docker_cli_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerMissingError */ .$ ? error.message : `no answer within ${Math.round(timeoutMs / 1000)} s`;
                refused.set(login.registry, `docker login to ${login.registry} failed (${(0,_text_bytes_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(hide(why), 240)})`);
            }
        }
    }
    catch (error) {
        remove();
        throw error;
    }
    return { env, refused, remove };
}


/***/ }),

/***/ 4694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDoctorCommand: () => (/* binding */ runDoctorCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/input/errors.ts
var errors = __webpack_require__(1377);
// EXTERNAL MODULE: ./src/analyze/fail-policy.ts
var fail_policy = __webpack_require__(797);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/doctor/check.ts
const CHECK_GROUPS = ['workflow', 'builder', 'resources', 'registry'];
/** `builder,resources` → the groups; an unknown name is an error the caller reports. */
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/doctor/workflow-file.ts

class WorkflowParseError extends Error {
}
function parseWorkflow(path, text) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) {
        const error = doc.errors[0];
        const line = lineCounter.linePos(error.pos[0]).line;
        throw new WorkflowParseError(`${path}:${line}: not valid YAML (${error.message.split('\n')[0]})`);
    }
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        throw new WorkflowParseError(`${path}: not a workflow (the top level is not a mapping)`);
    const lineOf = (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
    const keyLine = (map, key) => {
        const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
        return pair ? lineOf(pair.key) : null;
    };
    const jobs = [];
    const jobsNode = get(root, 'jobs');
    if ((0,dist/* isMap */.jh)(jobsNode)) {
        for (const pair of jobsNode.items) {
            const job = pair.value;
            if (!(0,dist/* isMap */.jh)(job))
                continue;
            const steps = [];
            const stepsNode = get(job, 'steps');
            if ((0,dist/* isSeq */.oP)(stepsNode)) {
                stepsNode.items.forEach((item, index) => {
                    if (!(0,dist/* isMap */.jh)(item))
                        return;
                    const usesNode = get(item, 'uses');
                    const withNode = get(item, 'with');
                    const inputs = new Map();
                    if ((0,dist/* isMap */.jh)(withNode)) {
                        for (const p of withNode.items) {
                            const key = scalarText(p.key);
                            if (key !== null)
                                inputs.set(key, { value: nodeText(p.value), line: lineOf(p.value) });
                        }
                    }
                    steps.push({
                        index,
                        name: scalarText(get(item, 'name')),
                        uses: (0,dist/* isScalar */.jn)(usesNode) ? { value: String(usesNode.value), line: lineOf(usesNode) } : null,
                        if: scalarText(get(item, 'if')),
                        with: inputs,
                        line: lineOf(item),
                    });
                });
            }
            const strategy = get(job, 'strategy');
            jobs.push({
                id: scalarText(pair.key) ?? '?',
                line: lineOf(pair.key),
                runsOn: nodeText(get(job, 'runs-on')),
                if: scalarText(get(job, 'if')),
                permissions: permissionsOf(get(job, 'permissions')),
                permissionsLine: keyLine(job, 'permissions'),
                env: envOf(get(job, 'env')),
                matrix: (0,dist/* isMap */.jh)(strategy) && get(strategy, 'matrix') !== undefined,
                matrixValues: (0,dist/* isMap */.jh)(strategy) ? matrixValuesOf(get(strategy, 'matrix')) : new Map(),
                steps,
            });
        }
    }
    // YAML 1.1 readers turn an unquoted `on` into true; the yaml package's default (1.2) keeps "on".
    const onNode = get(root, 'on') ?? get(root, true);
    return {
        path,
        lines: text.split(/\r?\n/),
        triggers: triggersOf(onNode),
        env: envOf(get(root, 'env')),
        permissions: permissionsOf(get(root, 'permissions')),
        jobs,
    };
}
function get(map, key) {
    const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    return (pair?.value ?? undefined);
}
function scalarText(node) {
    return (0,dist/* isScalar */.jn)(node) && node.value !== null && node.value !== undefined ? primitiveText(node.value) : null;
}
/** A scalar's text; a sequence as its items joined by newlines (`platforms: [a, b]`); else "". */
function nodeText(node) {
    if ((0,dist/* isScalar */.jn)(node))
        return node.value === null || node.value === undefined ? '' : primitiveText(node.value);
    if ((0,dist/* isSeq */.oP)(node))
        return node.items.map((i) => nodeText(i)).join('\n');
    return '';
}
/** A YAML scalar's value is a string, number or boolean (the core schema makes no objects), typed unknown by the library. */
function primitiveText(value) {
    return String(value);
}
function envOf(node) {
    const env = new Map();
    if ((0,dist/* isMap */.jh)(node))
        for (const p of node.items)
            if ((0,dist/* isScalar */.jn)(p.key))
                env.set(String(p.key.value), nodeText(p.value));
    return env;
}
function matrixValuesOf(node) {
    const values = new Map();
    if (!(0,dist/* isMap */.jh)(node))
        return values;
    for (const p of node.items) {
        const key = scalarText(p.key);
        if (key === null || key === 'include' || key === 'exclude' || !(0,dist/* isSeq */.oP)(p.value))
            continue;
        const items = p.value.items.map((i) => scalarText(i));
        if (items.every((i) => i !== null))
            values.set(key, items);
    }
    return values;
}
function permissionsOf(node) {
    if (node === undefined)
        return null;
    if ((0,dist/* isScalar */.jn)(node)) {
        const text = primitiveText(node.value ?? '');
        if (text === 'write-all')
            return { all: 'write' };
        if (text === 'read-all')
            return { all: 'read' };
        return { all: 'none' };
    }
    const scopes = new Map();
    if ((0,dist/* isMap */.jh)(node))
        for (const p of node.items)
            if ((0,dist/* isScalar */.jn)(p.key))
                scopes.set(String(p.key.value), nodeText(p.value));
    return { scopes };
}
function triggersOf(node) {
    const events = new Set();
    let pushBranches = false;
    let pushTags = false;
    if ((0,dist/* isScalar */.jn)(node))
        events.add(String(node.value));
    else if ((0,dist/* isSeq */.oP)(node))
        for (const item of node.items)
            events.add(nodeText(item));
    else if ((0,dist/* isMap */.jh)(node)) {
        for (const p of node.items) {
            if (!(0,dist/* isScalar */.jn)(p.key))
                continue;
            const name = String(p.key.value);
            events.add(name);
            if (name === 'push' && (0,dist/* isMap */.jh)(p.value)) {
                const keys = p.value.items.map((i) => ((0,dist/* isScalar */.jn)(i.key) ? String(i.key.value) : ''));
                pushBranches = keys.includes('branches') || keys.includes('branches-ignore');
                pushTags = keys.includes('tags') || keys.includes('tags-ignore');
            }
        }
    }
    // A push without ref filters runs for branches and tags alike.
    if (events.has('push') && !pushBranches && !pushTags)
        pushBranches = pushTags = true;
    return { events, pushBranches, pushTags };
}
/** Whether the job may write packages: its own permissions, else the workflow's; null when neither sets any. */
function packagesWrite(workflow, job) {
    const permissions = job.permissions ?? workflow.permissions;
    if (permissions === null)
        return null;
    if ('all' in permissions)
        return permissions.all === 'write';
    return permissions.scopes.get('packages') === 'write';
}
/** `owner/name@ref` split; null for local (`./`) and docker:// actions. */
function actionOf(uses) {
    const at = uses.lastIndexOf('@');
    if (at <= 0 || uses.startsWith('./') || uses.startsWith('docker://'))
        return null;
    return { name: uses.slice(0, at).toLowerCase(), ref: uses.slice(at + 1) };
}

;// CONCATENATED MODULE: ./src/doctor/workflow-inputs.ts

// Reading a workflow step's inputs the way the Docker actions read them.
const BUILD_ACTIONS = new Set(['docker/build-push-action', 'docker/bake-action']);
function isBuildStep(step) {
    const action = step.uses ? actionOf(step.uses.value) : null;
    return action !== null && (BUILD_ACTIONS.has(action.name) || action.name.startsWith('docker/bake-action/'));
}
/** `true`, `false`, or an expression (null) for a boolean input. */
function literalBoolean(value) {
    if (value === undefined || value.trim() === '')
        return false;
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === '${{ true }}')
        return true;
    if (text === 'false' || text === '${{ false }}')
        return false;
    return null;
}
/** Inputs that hold one entry a line (`cache-from`, `tags`); commas separate only when on one line for `platforms`. */
function entries(value) {
    return value
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s && !s.startsWith('#'));
}
function parseCacheEntry(text) {
    const attrs = new Map();
    // A bare reference (`user/app:cache`) is a registry cache.
    if (!text.includes('='))
        return { text, type: 'registry', attrs: new Map([['ref', text]]) };
    for (const part of text.split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0)
            attrs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    return { text, type: attrs.get('type') ?? 'registry', attrs };
}
/** cache-from / cache-to of a build-push-action step, or of a bake-action's `set` (`*.cache-to=...`). */
function cacheInputs(step) {
    const from = entries(step.with.get('cache-from')?.value ?? '').map(parseCacheEntry);
    const to = entries(step.with.get('cache-to')?.value ?? '').map(parseCacheEntry);
    let toLine = step.with.get('cache-to')?.line ?? null;
    let fromLine = step.with.get('cache-from')?.line ?? null;
    const set = step.with.get('set');
    if (set) {
        for (const line of entries(set.value)) {
            const match = /^[^.=]+\.(cache-from|cache-to)=(.*)$/.exec(line);
            if (!match)
                continue;
            if (match[1] === 'cache-to') {
                to.push(parseCacheEntry(match[2]));
                toLine ??= set.line;
            }
            else {
                from.push(parseCacheEntry(match[2]));
                fromLine ??= set.line;
            }
        }
    }
    return { from, to, toLine, fromLine };
}

// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(6590);
;// CONCATENATED MODULE: ./src/doctor/workflow-findings.ts


function finding(ctx, id, severity, title, line, advice, diff, data) {
    const file = ctx.workflow.path;
    const fix = diff ? `${advice}\n\n${(0,markdown/* codeBlock */.DV)([`--- ${file}`, `+++ ${file}`, ...diff], 'diff')}` : advice;
    return doctorFinding({
        id,
        severity,
        title,
        fix,
        source: file,
        evidence: [{ line, text: ctx.workflow.lines[line - 1] ?? '' }],
        locations: [{ kind: 'source', file, line, column: null, verified: ctx.verified, message: title }],
        ...(data ? { data } : {}),
    });
}
/** A hunk that replaces line `line` with `replacement` (same indentation). */
function replaceHunk(ctx, line, from, to) {
    const text = ctx.workflow.lines[line - 1] ?? '';
    return [`@@ -${line} +${line} @@`, `-${text}`, `+${text.replace(from, to)}`];
}
/** A hunk that inserts `added` lines before line `line`. */
function insertHunk(ctx, line, added) {
    const text = ctx.workflow.lines[line - 1] ?? '';
    return [`@@ -${line} +${line},${added.length + 1} @@`, ...added.map((a) => `+${a}`), ` ${text}`];
}
function indentOf(ctx, line) {
    return /^\s*/.exec(ctx.workflow.lines[line - 1] ?? '')?.[0] ?? '';
}
/** The line of `text` inside a multi-line input that starts at `from`, else `from`. */
function lineWithin(ctx, from, text) {
    for (let i = from - 1; i < Math.min(ctx.workflow.lines.length, from + 200); i++)
        if (ctx.workflow.lines[i].includes(text))
            return i + 1;
    return from;
}

;// CONCATENATED MODULE: ./src/doctor/workflow-cache-rules.ts






// Cache pitfalls of a build step: matrix legs sharing a gha scope, mode=max missing, a scope read that nobody writes.
function cacheRules(ctx, job, step) {
    const out = [];
    const { from, to, toLine, fromLine } = cacheInputs(step);
    for (const entry of to) {
        const line = toLine === null ? step.line : lineWithin(ctx, toLine, entry.text);
        if (entry.type === 'gha' && job.matrix) {
            const scope = entry.attrs.get('scope');
            if (scope === undefined || !/matrix\.|strategy\.job-index/.test(scope)) {
                const title = scope === undefined
                    ? "cache-to type=gha has no scope in a matrix job: the legs overwrite each other's cache"
                    : `cache-to type=gha uses the same scope ${JSON.stringify(scope)} in every leg of the matrix`;
                const newEntry = scope === undefined ? `${entry.text},scope=\${{ matrix.<key> }}` : entry.text.replace(`scope=${scope}`, 'scope=${{ matrix.<key> }}');
                out.push(finding(ctx, 'cache-miss', 'warning', title, line, `Every leg of ${(0,markdown/* inlineCode */.ti)(job.id)} writes the cache under one scope, so the last leg to finish replaces the others' cache and the next run misses. Give each leg its own scope (the matrix key that names the image), the same in \`cache-from\`.`, replaceHunk(ctx, line, entry.text, newEntry)));
            }
        }
        // An explicit `mode=min` is a choice (a small cache on purpose); only a missing mode is flagged.
        if (entry.type !== 'inline' && !entry.attrs.has('mode')) {
            const stages = dockerfileStages(ctx, step);
            if (stages === null || stages > 1) {
                const newEntry = entry.text.includes('=') ? entry.text.replace(/^type=([^,]+)/, 'type=$1,mode=max') : `type=registry,ref=${entry.text},mode=max`;
                const known = stages !== null;
                out.push(finding(ctx, 'cache-miss', known ? 'warning' : 'notice', known
                    ? `cache-to exports only the final stage of a ${stages}-stage Dockerfile (mode=max is missing)`
                    : 'cache-to exports only the final stage (mode=max is missing)', line, `Without \`mode=max\` the cache holds only the layers of the stage that ends in the image; the builder stages (dependencies, compilation) are rebuilt on every run${known ? '' : ' when the Dockerfile has several stages'}.`, replaceHunk(ctx, line, entry.text, newEntry)));
            }
        }
    }
    const ghaTo = to.filter((e) => e.type === 'gha');
    const ghaFrom = from.filter((e) => e.type === 'gha');
    if (ghaTo.length > 0 && ghaFrom.length > 0) {
        const scopeOf = (e) => e.attrs.get('scope') ?? 'buildkit';
        const read = new Set(ghaFrom.map(scopeOf));
        for (const entry of ghaTo) {
            if (read.has(scopeOf(entry)))
                continue;
            const fromEntry = ghaFrom[0];
            const line = fromLine === null ? step.line : lineWithin(ctx, fromLine, fromEntry.text);
            const newFrom = fromEntry.attrs.has('scope')
                ? fromEntry.text.replace(`scope=${scopeOf(fromEntry)}`, `scope=${scopeOf(entry)}`)
                : `${fromEntry.text},scope=${scopeOf(entry)}`;
            out.push(finding(ctx, 'cache-miss', 'warning', `cache-from reads scope ${JSON.stringify(scopeOf(fromEntry))} but cache-to writes scope ${JSON.stringify(scopeOf(entry))}`, line, 'The build reads a cache that no build writes, so every run starts cold. Read the scope that `cache-to` writes.', replaceHunk(ctx, line, fromEntry.text, newFrom)));
        }
    }
    return out;
}
/** Number of `FROM` lines of the step's Dockerfile when it can be read without expressions, else null. */
function dockerfileStages(ctx, step) {
    if (!ctx.workspace || step.with.has('set') || actionOf(step.uses.value)?.name !== 'docker/build-push-action')
        return null;
    const context = step.with.get('context')?.value ?? '.';
    const file = step.with.get('file')?.value ?? external_node_path_.join(context, 'Dockerfile');
    if (file.includes('${{') || context.includes('${{') || /^[a-z]+:\/\//.test(context))
        return null;
    try {
        const text = external_node_fs_.readFileSync(external_node_path_.resolve(ctx.workspace, file), 'utf8');
        return text.split('\n').filter((l) => /^\s*FROM\s/i.test(l)).length;
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/doctor/workflow-push-rules.ts



// Push and permission pitfalls: pushing from pull requests (forks get a read-only token), ghcr.io without packages: write.
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/** Whether a condition keeps pull requests (and forks) out. */
function guardsPullRequests(condition) {
    return condition !== null && /pull_request|event_name|github\.ref\b|refs\/(heads|tags)|\.fork\b|head\.repo|github\.repository\b/.test(condition);
}
/** Text with `${{ env.X }}` replaced from the job's and the workflow's env. */
function withEnv(ctx, job, text) {
    return text.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name) => job.env.get(name) ?? ctx.workflow.env.get(name) ?? whole);
}
function pushRules(ctx, job, step) {
    const out = [];
    const push = step.with.get('push');
    const pushes = literalBoolean(push?.value);
    if (pushes === false)
        return out;
    const events = ctx.workflow.triggers.events;
    const onPullRequests = PULL_REQUEST_EVENTS.some((e) => events.has(e));
    if (pushes === true && onPullRequests && !guardsPullRequests(step.if) && !guardsPullRequests(job.if)) {
        const line = push.line;
        out.push(finding(ctx, 'registry-auth-denied', 'warning', 'push: true also on pull requests: a pull request from a fork gets a read-only token and the push is denied', line, 'Build on pull requests, push only from branches and tags: make `push` depend on the event (and log in only when pushing).', replaceHunk(ctx, line, push.value.trim(), "${{ github.event_name != 'pull_request' }}")));
    }
    // The job token needs `packages: write` to push to ghcr.io; a personal token does not.
    const login = job.steps.find((s) => s.uses && actionOf(s.uses.value)?.name === 'docker/login-action');
    const registry = login ? withEnv(ctx, job, login.with.get('registry')?.value ?? '') : '';
    const password = login?.with.get('password')?.value ?? '';
    if (registry.includes('ghcr.io') && /GITHUB_TOKEN|github\.token/.test(password)) {
        const allowed = packagesWrite(ctx.workflow, job);
        if (allowed !== true) {
            const title = allowed === null
                ? 'pushes to ghcr.io with the job token but declares no permissions (new repositories default to read-only packages)'
                : 'pushes to ghcr.io with the job token, whose permissions lack packages: write';
            const indent = `${indentOf(ctx, job.line)}  `;
            const diff = job.permissionsLine !== null
                ? insertHunk(ctx, job.permissionsLine + 1, [`${indent}  packages: write`])
                : insertHunk(ctx, job.line + 1, [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  packages: write`]);
            out.push(finding(ctx, 'registry-auth-denied', allowed === null ? 'warning' : 'error', title, job.permissionsLine ?? job.line, `GitHub's token can push to ghcr.io only with \`packages: write\` in the job's (or the workflow's) \`permissions\`.`, diff));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/doctor/workflow-platform-rules.ts




// Platform pitfalls: loading a multi-platform image, foreign platforms without QEMU.
const PLATFORM = /\b(linux|windows|darwin)\/(amd64|arm64|arm|386|ppc64le|s390x|riscv64|mips64le|mips64|loong64)(\/v\d)?\b/g;
/** The platform lists the input can take: one per quoted alternative of an expression, else one. */
function platformLists(value) {
    const alternatives = value.includes('${{') ? [...value.matchAll(/'([^']*)'/g)].map((m) => m[1]) : [value];
    return alternatives.map((alt) => [...new Set([...alt.matchAll(PLATFORM)].map((m) => m[0]))]).filter((list) => list.length > 0);
}
/** The runner's architecture from `runs-on`, null when a label does not say (self-hosted, expressions). */
function runnerArch(runsOn) {
    if (/\barm\b|arm64|aarch64/i.test(runsOn))
        return 'arm64';
    if (/^(ubuntu|windows)-[\w.]+$/.test(runsOn.trim()) || /^ubuntu-latest$/.test(runsOn.trim()))
        return 'amd64';
    return null;
}
function platformRules(ctx, job, step) {
    const out = [];
    const platforms = step.with.get('platforms');
    if (!platforms)
        return out;
    const lists = platformLists(platforms.value);
    const multi = lists.some((l) => l.length > 1);
    const load = step.with.get('load');
    if (multi && literalBoolean(load?.value) !== false) {
        out.push(finding(ctx, 'exporter-unsupported', 'warning', 'load: true with several platforms: the docker exporter cannot load a multi-platform image', load.line, 'Without the containerd image store, `load` takes one platform only ("docker exporter does not currently support exporting manifest lists"). Push the multi-platform image, or load one platform per build.', replaceHunk(ctx, load.line, load.value.trim(), 'false')));
    }
    const native = runnerArch(job.runsOn);
    if (native === null)
        return out;
    const foreign = [...new Set(lists.flat().filter((p) => !p.includes(`/${native}`)))];
    const qemu = job.steps.some((s) => s.index < step.index && s.uses && actionOf(s.uses.value)?.name === 'docker/setup-qemu-action');
    if (foreign.length > 0 && !qemu) {
        const indent = indentOf(ctx, step.line);
        out.push(finding(ctx, 'qemu-emulation', 'warning', `platforms ${foreign.join(', ')} on an ${native} runner without docker/setup-qemu-action`, platforms.line, `A \`RUN\` step for ${foreign.map((p) => (0,markdown/* inlineCode */.ti)(p)).join(', ')} needs an emulator registered on the ${native} runner ("exec format error" otherwise). Register QEMU before the build, or build that platform on a native runner${native === 'amd64' ? ' (`ubuntu-24.04-arm` for arm64)' : ''}.`, insertHunk(ctx, step.line, [`${indent}- name: Set up QEMU`, `${indent}  uses: docker/setup-qemu-action@v3`]), { platforms: foreign.join(',') }));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/doctor/metadata-tags.ts
// docker/metadata-action's `tags` rules, evaluated for each kind of ref the workflow runs on, to find
// rules whose templates are empty on some event and leave an invalid tag: the team's pull request
// failed on `type=sha,prefix={{branch}}-`, because `{{branch}}` is empty on `pull_request` and the
// tag became `-0899a35`. Only what decides the tag's text is modelled; the values are stand-ins.
/** A Docker tag: a word character first, then word characters, dots and dashes, at most 128. */
const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Which contexts a workflow's events give. pull_request_target runs on the base branch's ref. */
function contextsOf(events, pushBranches, pushTags) {
    const contexts = new Set();
    if (events.has('pull_request'))
        contexts.add('pull_request');
    if ((events.has('push') && pushBranches) ||
        ['workflow_dispatch', 'schedule', 'repository_dispatch', 'workflow_run', 'merge_group', 'pull_request_target'].some((e) => events.has(e))) {
        contexts.add('branch');
    }
    if ((events.has('push') && pushTags) || events.has('release'))
        contexts.add('tag');
    return [...contexts];
}
/** Splits `a=1,b={{date 'YYYY,MM'}}` at the commas outside quotes and braces. */
function splitAttributes(text) {
    const parts = [];
    let depth = 0;
    let quote = null;
    let current = '';
    for (const ch of text) {
        if (quote) {
            if (ch === quote)
                quote = null;
        }
        else if (ch === '"' || ch === "'")
            quote = ch;
        else if (ch === '{')
            depth++;
        else if (ch === '}')
            depth = Math.max(0, depth - 1);
        else if (ch === ',' && depth === 0) {
            parts.push(current);
            current = '';
            continue;
        }
        current += ch;
    }
    parts.push(current);
    return parts.map((p) => p.trim()).filter(Boolean);
}
/** One line of `tags`; a line without `key=value` pairs is a raw value, as metadata-action reads it. */
function parseTagRule(text) {
    const attrs = new Map();
    const parts = splitAttributes(text);
    if (!parts.some((p) => p.startsWith('type='))) {
        attrs.set('value', text.trim());
        return { text, type: 'raw', attrs };
    }
    for (const part of parts) {
        const eq = part.indexOf('=');
        if (eq > 0)
            attrs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    return { text, type: attrs.get('type') ?? 'raw', attrs };
}
/** The contexts a rule's `enable=` leaves on, read from the usual forms; unknown forms leave all on. */
function enabledIn(rule, context) {
    const enable = rule.attrs.get('enable');
    if (enable === undefined)
        return true;
    const text = enable.replace(/\s+/g, ' ');
    if (/^false$/i.test(text))
        return false;
    if (text.includes('is_default_branch'))
        return context === 'branch';
    if (/event_name\s*!=\s*'pull_request'/.test(text) && context === 'pull_request')
        return false;
    if (/event_name\s*==\s*'pull_request'/.test(text) && !text.includes('!'))
        return context === 'pull_request';
    if (/!\s*startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/'/.test(text))
        return context !== 'tag';
    if (/startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/'/.test(text))
        return context === 'tag';
    if (/github\.ref\s*==\s*'refs\/heads\//.test(text))
        return context === 'branch';
    return true;
}
/** metadata-action's handlebars values in one context: empty where the ref has none. */
function expand(template, context) {
    return (template
        // GitHub expressions are replaced by the runner before the action reads them: assume a value.
        .replace(/\$\{\{[^}]*\}\}/g, 'x')
        .replace(/\{\{\s*([a-z_]+)[^}]*\}\}/g, (_, name) => {
        switch (name) {
            case 'branch':
                return context === 'branch' ? 'main' : '';
            case 'tag':
                return context === 'tag' ? 'v1.2.3' : '';
            case 'base_ref':
                return context === 'pull_request' ? 'main' : '';
            case 'is_default_branch':
                return context === 'branch' ? 'true' : 'false';
            case 'sha':
                return '0899a35';
            case 'date':
                return '20250101';
            case 'version':
            case 'raw':
                return '1.2.3';
            case 'major':
            case 'minor':
            case 'patch':
                return '1';
            default:
                return 'x';
        }
    }));
}
/** The tag a rule makes in a context, '' when the rule does not apply there or makes no tag. */
function tagIn(rule, context, flavor) {
    if (!enabledIn(rule, context))
        return '';
    const attr = (name, fallback) => rule.attrs.get(name) ?? fallback;
    let value;
    let defaultPrefix = '';
    switch (rule.type) {
        case 'sha':
            value = attr('format', 'short') === 'long' ? '0899a35d2c1e4b7a9f0e3c5d7b9a1c3e5f7a9b1c' : '0899a35';
            defaultPrefix = 'sha-';
            break;
        case 'ref': {
            const event = attr('event', '');
            if (event === 'branch' && context !== 'branch')
                return '';
            if (event === 'tag' && context !== 'tag')
                return '';
            if (event === 'pr' && context !== 'pull_request')
                return '';
            value = event === 'branch' ? 'main' : event === 'tag' ? 'v1.2.3' : event === 'pr' ? '123' : '';
            if (event === 'pr')
                defaultPrefix = 'pr-';
            break;
        }
        case 'semver':
        case 'pep440':
        case 'match':
            if (context !== 'tag')
                return '';
            value = expand(attr('pattern', '{{version}}'), context);
            break;
        case 'edge':
            if (context !== 'branch')
                return '';
            value = 'edge';
            break;
        case 'schedule':
            // Runs only on `schedule`, whose ref is a branch.
            if (context !== 'branch')
                return '';
            value = expand(attr('pattern', 'nightly'), context);
            break;
        default:
            value = expand(attr('value', ''), context);
    }
    // metadata-action skips a rule whose value is empty.
    if (value === '')
        return '';
    const prefix = expand(rule.attrs.get('prefix') ?? (flavor.prefix || defaultPrefix), context);
    const suffix = expand(rule.attrs.get('suffix') ?? flavor.suffix, context);
    return `${prefix}${value}${suffix}`;
}
function isValidTag(tag) {
    return VALID_TAG.test(tag);
}
/** `flavor: |` lines `prefix=...` / `suffix=...` (the global ones). */
function parseFlavor(text) {
    const flavor = { prefix: '', suffix: '' };
    for (const line of text.split(/[\n]/)) {
        for (const part of splitAttributes(line)) {
            const eq = part.indexOf('=');
            const key = part.slice(0, eq).trim();
            if (key === 'prefix' || key === 'suffix')
                flavor[key] = part.slice(eq + 1).trim();
        }
    }
    return flavor;
}
/** Where a rule makes an invalid tag: each context with the tag it makes there. */
function invalidTags(rule, contexts, flavor) {
    return contexts.map((context) => ({ context, tag: tagIn(rule, context, flavor) })).filter((o) => o.tag !== '' && !isValidTag(o.tag));
}

;// CONCATENATED MODULE: ./src/doctor/workflow-tag-rules.ts




// metadata-action tag rules that make an invalid tag where their template is empty.
const CONTEXT_NAME = { branch: 'branch pushes', tag: 'tag pushes', pull_request: 'pull requests' };
const GUARD = {
    pull_request: "enable=${{ github.event_name != 'pull_request' }}",
    tag: "enable=${{ !startsWith(github.ref, 'refs/tags/') }}",
    branch: "enable=${{ startsWith(github.ref, 'refs/tags/') }}",
};
function metadataRules(ctx, step) {
    const tags = step.with.get('tags');
    if (!tags)
        return [];
    const { events, pushBranches, pushTags } = ctx.workflow.triggers;
    const contexts = contextsOf(events, pushBranches, pushTags);
    const flavor = parseFlavor(step.with.get('flavor')?.value ?? '');
    const out = [];
    for (const text of entries(tags.value)) {
        const rule = parseTagRule(text);
        const bad = invalidTags(rule, contexts, flavor);
        if (bad.length === 0)
            continue;
        const line = lineWithin(ctx, tags.line, text);
        const where = bad.map((b) => `${(0,markdown/* inlineCode */.ti)(b.tag)} on ${CONTEXT_NAME[b.context]}`).join(', ');
        const template = /\{\{\s*(branch|tag|base_ref)\b[^}]*\}\}/.exec(text)?.[0] ?? 'a template';
        // A sha tag whose prefix is a template: the fixed prefix is what metadata-action uses by default.
        const prefix = rule.attrs.get('prefix');
        const newText = rule.type === 'sha' && prefix !== undefined && /\{\{/.test(prefix)
            ? text.replace(`prefix=${prefix}`, 'prefix=sha-')
            : `${text},${bad
                .map((b) => GUARD[b.context])
                .filter((g, i, all) => all.indexOf(g) === i)
                .join(',')}`;
        out.push(finding(ctx, 'invalid-tag', 'error', `metadata-action tag rule ${text} makes an invalid tag on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}: ${bad[0].tag}`, line, `${(0,markdown/* inlineCode */.ti)(template)} is empty on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}, so this rule makes the tag ${where}; a tag must start with a letter, digit or underscore, and the build fails with "invalid tag". Use a fixed text there, or turn the rule off where the template is empty.`, replaceHunk(ctx, line, text, newText), { rule: text, tag: bad[0].tag }));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/doctor/workflow-pin-rules.ts


/** Majors whose behaviour changed in ways that break or silently change a Docker workflow. */
const PIN_RULES = [
    {
        action: 'docker/build-push-action',
        below: 2,
        severity: 'error',
        id: 'action-major-changed',
        title: 'docker/build-push-action v1 has different inputs (repository, tag_with_ref) from v2 on',
        advice: 'v2 moved to buildx: `tags`, `push`, `cache-from`/`cache-to` replace the v1 inputs, which later majors ignore.',
        to: 'v6',
    },
    {
        action: 'docker/metadata-action',
        below: 3,
        severity: 'warning',
        id: 'action-major-changed',
        title: 'docker/metadata-action before v3 takes the old tag inputs (tag-sha, tag-edge)',
        advice: 'v3 replaced them with `tags: type=...` rules.',
        to: 'v5',
    },
    {
        action: 'actions/upload-artifact',
        below: 4,
        severity: 'error',
        id: 'action-major-changed',
        title: 'actions/upload-artifact before v4 no longer runs (turned off on 2025-01-30)',
        advice: 'v4 artifacts are immutable per name: give each matrix leg its own `name` and merge on download (`pattern`, `merge-multiple`).',
        to: 'v4',
    },
    {
        action: 'actions/download-artifact',
        below: 4,
        severity: 'error',
        id: 'action-major-changed',
        title: 'actions/download-artifact before v4 no longer runs (turned off on 2025-01-30)',
        advice: "Use v4 together with upload-artifact v4: the two majors cannot read each other's artifacts.",
        to: 'v4',
    },
];
function pinRules(ctx, job, step, action) {
    const major = /^v?(\d+)(?:\.|$)/.exec(action.ref);
    const out = [];
    if (major) {
        for (const rule of PIN_RULES) {
            if (rule.action !== action.name || Number(major[1]) >= rule.below)
                continue;
            const line = step.uses.line;
            out.push(finding(ctx, rule.id, rule.severity, rule.title, line, rule.advice, replaceHunk(ctx, line, `@${action.ref}`, `@${rule.to}`), {
                action: action.name,
                pinned: action.ref,
            }));
        }
    }
    // setup-buildx-action pinned to a buildx older than 0.21 cannot use GitHub's cache service v2
    // (the v1 service was shut down on 2025-04-15): every type=gha cache import and export fails.
    if (action.name === 'docker/setup-buildx-action') {
        const version = step.with.get('version');
        const v = version ? /^v?0\.(\d+)\./.exec(version.value.trim()) : null;
        const usesGha = job.steps.some((s) => isBuildStep(s) && [...cacheInputs(s).from, ...cacheInputs(s).to].some((e) => e.type === 'gha'));
        if (v && Number(v[1]) < 21 && usesGha) {
            out.push(finding(ctx, 'cache-export-failure', 'error', `buildx ${version.value.trim()} cannot use the GitHub Actions cache (service v1 was shut down; buildx 0.21 or later needed)`, version.line, 'type=gha needs buildx 0.21 or later since GitHub moved to its cache service v2; pin a newer buildx or let setup-buildx-action pick the latest.', replaceHunk(ctx, version.line, version.value.trim(), 'latest')));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/doctor/workflow-rules.ts









// The Docker-specific pitfalls of a workflow, each a rule over one job: what a generic workflow linter
// cannot know (cache scopes, metadata-action templates, QEMU, the docker exporter). Every finding
// points at the line to change and shows the change as a diff; ids are the log catalog's where one fits.
// The rules live by subject: workflow-cache-rules, -push-rules, -platform-rules, -tag-rules, -pin-rules.
function checkJob(ctx, job) {
    const findings = [];
    for (const step of job.steps) {
        if (isBuildStep(step)) {
            findings.push(...cacheRules(ctx, job, step), ...pushRules(ctx, job, step), ...platformRules(ctx, job, step));
        }
        const action = step.uses ? actionOf(step.uses.value) : null;
        if (action?.name === 'docker/metadata-action')
            findings.push(...metadataRules(ctx, step));
        if (action)
            findings.push(...pinRules(ctx, job, step, action));
    }
    return findings;
}
/**
 * What is not wrong but worth knowing (for the check's detail, not findings): a pinned major whose
 * next one behaves differently, and platforms emulated where a native runner would be much faster.
 */
function workflowNotes(workflow) {
    const notes = [];
    for (const job of workflow.jobs) {
        const native = runnerArch(job.runsOn);
        for (const step of job.steps) {
            const platforms = isBuildStep(step) ? step.with.get('platforms') : undefined;
            if (platforms && native) {
                const emulated = [
                    ...new Set(platformLists(platforms.value)
                        .flat()
                        .filter((p) => !p.includes(`/${native}`))),
                ];
                if (emulated.length > 0)
                    notes.push(`${emulated.join(', ')} built under QEMU on an ${native} runner (line ${platforms.line}): a native runner${emulated.some((p) => p.includes('arm64')) ? ' (ubuntu-24.04-arm)' : ''} builds it many times faster`);
            }
            const action = step.uses ? actionOf(step.uses.value) : null;
            if (action?.name === 'docker/build-push-action' && /^v?5(\.|$)/.test(action.ref)) {
                notes.push(`build-push-action@${action.ref} (line ${step.uses.line}): v6 adds a build summary and uploads the build record as an artifact (DOCKER_BUILD_SUMMARY / DOCKER_BUILD_RECORD_UPLOAD turn them off)`);
            }
        }
    }
    return [...new Set(notes)];
}

;// CONCATENATED MODULE: ./src/doctor/workflow-checks.ts




/** Larger files are not workflows anyone wrote by hand; they are skipped, not parsed. */
const MAX_WORKFLOW_BYTES = 1024 * 1024;
function workflowFiles(options) {
    if (options.files.length > 0)
        return options.files;
    const dir = external_node_path_.join(options.workspace, '.github', 'workflows');
    try {
        return external_node_fs_.readdirSync(dir)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort()
            .map((f) => external_node_path_.join(dir, f));
    }
    catch {
        return [];
    }
}
function runWorkflowChecks(options) {
    const checks = [];
    const findings = [];
    const platforms = new Set();
    const files = workflowFiles(options);
    if (files.length === 0) {
        checks.push({
            id: 'workflow.files',
            status: 'skipped',
            title: 'Workflow files',
            detail: `no workflow files under ${external_node_path_.join(options.workspace, '.github', 'workflows')} (give them with --workflow)`,
        });
        return { checks, findings, platforms: [] };
    }
    let building = 0;
    for (const file of files) {
        const shown = displayPath(options.workspace, file);
        const id = `workflow.${external_node_path_.basename(file)}`;
        let workflow;
        try {
            const size = external_node_fs_.statSync(file).size;
            if (size > MAX_WORKFLOW_BYTES) {
                checks.push({ id, status: 'skipped', title: `Workflow ${shown}`, detail: `${size} bytes, larger than a workflow file (not read)` });
                continue;
            }
            workflow = parseWorkflow(shown, external_node_fs_.readFileSync(file, 'utf8'));
        }
        catch (error) {
            const detail = error instanceof WorkflowParseError ? error.message : `could not read ${shown}: ${error.message.split('\n')[0]}`;
            checks.push({ id, status: 'warn', title: `Workflow ${shown}`, detail });
            continue;
        }
        const builds = workflow.jobs.flatMap((job) => job.steps.filter(isBuildStep).map((step) => ({ job, step })));
        if (builds.length === 0)
            continue;
        building++;
        for (const { step } of builds) {
            for (const m of (step.with.get('platforms')?.value ?? '').matchAll(/\b(linux|windows)\/[a-z0-9]+(\/v\d)?\b/g))
                platforms.add(m[0]);
        }
        const verified = !external_node_path_.isAbsolute(shown) && !shown.startsWith('..');
        const own = workflow.jobs.flatMap((job) => checkJob({ workflow, workspace: options.workspace, verified }, job));
        findings.push(...own);
        const jobCount = new Set(builds.map((b) => b.job.id)).size;
        const status = own.some((f) => f.severity === 'error') ? 'fail' : own.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
        const counted = own.length === 0 ? 'no Docker pitfalls found' : `${own.length} finding${own.length === 1 ? '' : 's'}: ${[...new Set(own.map((f) => f.id))].join(', ')}`;
        const notes = workflowNotes(workflow);
        checks.push({
            id,
            status,
            title: `Workflow ${shown}`,
            detail: `${builds.length} build step${builds.length === 1 ? '' : 's'} in ${jobCount} job${jobCount === 1 ? '' : 's'}; ${counted}${notes.length > 0 ? `. Note: ${notes.join('; ')}` : ''}`,
        });
    }
    if (building === 0 && checks.length === 0) {
        checks.push({
            id: 'workflow.files',
            status: 'pass',
            title: 'Workflow files',
            detail: `${files.length} workflow file${files.length === 1 ? '' : 's'}, none builds with docker/build-push-action or bake`,
        });
    }
    return { checks, findings, platforms: [...platforms].sort() };
}
/** Relative to the workspace when inside it (as annotations need), else as given. */
function displayPath(workspace, file) {
    const relative = external_node_path_.relative(external_node_path_.resolve(workspace), external_node_path_.resolve(file));
    return relative && !relative.startsWith('..') && !external_node_path_.isAbsolute(relative) ? relative.split(external_node_path_.sep).join('/') : file;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/buildx/docker-cli.ts
var docker_cli = __webpack_require__(5037);
;// CONCATENATED MODULE: ./src/buildx/buildx-version.ts

/** `github.com/docker/buildx v0.29.1 b128...` or Debian's `github.com/docker/buildx 0.29.1+ds1 0.29.1+ds1-4`. */
function parseBuildxVersion(output) {
    const match = /buildx\s+v?(\d+)\.(\d+)\.(\d+)/.exec(output);
    if (!match)
        return null;
    return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), raw: `${match[1]}.${match[2]}.${match[3]}` };
}
function atLeast(version, major, minor) {
    return version.major > major || (version.major === major && version.minor >= minor);
}
/** What the history source needs: `buildx history` came in 0.20, `history inspect --format json` in 0.21. */
const HISTORY_MIN = { major: 0, minor: 20 };
const INSPECT_JSON_MIN = { major: 0, minor: 21 };
let detected = null;
/** The buildx version, detected once per process; a string says why there is none. */
function detectBuildx() {
    detected ??= (async () => {
        try {
            const result = await docker(['buildx', 'version'], { timeoutMs: 30_000 });
            if (result.exitCode !== 0)
                return `docker buildx is not available (${firstLine(result.stderr) || `exit code ${result.exitCode}`})`;
            return parseBuildxVersion(result.stdout) ?? `could not read the buildx version from "${firstLine(result.stdout)}"`;
        }
        catch (error) {
            return `docker is not installed on this runner (${error.message.split('\n')[0]})`;
        }
    })();
    return detected;
}
/** For tests: forget the detected version. */
function resetBuildxDetection() {
    detected = null;
}
function firstLine(text) {
    return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}

;// CONCATENATED MODULE: ./src/doctor/version-drift.ts

/**
 * `v0.24.0`, `0.24.0-rc1` → `0.24.0`: only the release numbers are compared. A BuildKit built into a
 * distribution's dockerd reports `v0.0.0+unknown`: no version, not a drift.
 */
function release(version) {
    const numbers = version ? (/(\d+\.\d+\.\d+)/.exec(version)?.[1] ?? null) : null;
    return numbers === '0.0.0' ? null : numbers;
}
function versionDrift(live, past) {
    if (!past || (!past.buildx && !past.buildkit))
        return { checks: [], findings: [] };
    const differs = [];
    const same = [];
    for (const [name, now, then] of [
        ['buildx', release(live.buildx), release(past.buildx)],
        ['BuildKit', release(live.buildkit), release(past.buildkit)],
    ]) {
        if (!now || !then)
            continue;
        (now === then ? same : differs).push(now === then ? `${name} ${now}` : `${name} ${then} in ${past.label}, ${now} here`);
    }
    if (differs.length === 0) {
        return same.length === 0
            ? { checks: [], findings: [] }
            : {
                checks: [{ id: 'builder.drift', status: 'pass', title: 'Versions against the last run', detail: `as in ${past.label}: ${same.join(', ')}` }],
                findings: [],
            };
    }
    const detail = differs.join('; ');
    return {
        checks: [{ id: 'builder.drift', status: 'warn', title: 'Versions against the last run', detail }],
        findings: [
            doctorFinding({
                id: 'builder-missing',
                severity: 'warning',
                title: `The builder drifted since ${past.label}: ${detail}`,
                fix: [
                    'A build that broke after working may come from the newer builder rather than the code.',
                    '- Pin the versions in the workflow: `docker/setup-buildx-action` with `version: v<buildx>` and `driver-opts: image=moby/buildkit:v<buildkit>`.',
                    '- Or re-run the last good commit with `workflow_dispatch` on this builder to tell the two apart.',
                ].join('\n'),
                source: null,
                data: { drift: detail },
            }),
        ],
    };
}
/** The first versions the builds of a log show (every job of a run sets up the same builder). */
function versionsOfBuilds(builds, label) {
    const buildx = builds.find((b) => b.runner.buildxVersion)?.runner.buildxVersion ?? null;
    const buildkit = builds.find((b) => b.runner.buildkitVersion)?.runner.buildkitVersion ?? null;
    return buildx || buildkit ? { label, buildx, buildkit } : null;
}

;// CONCATENATED MODULE: ./src/doctor/runner.ts

const DEFAULT_TIME_LIMITS = { timeoutMs: 20_000, slowTimeoutMs: 45_000 };
/** The runner used by the doctor: `docker` (or BUILDX_DOCTOR_DOCKER) with the current environment. */
function dockerRunner(env = process.env, limits = DEFAULT_TIME_LIMITS) {
    return async (args, slow = false) => {
        try {
            return { ok: true, result: await (0,docker_cli/* docker */.T)(args, { env, timeoutMs: slow ? limits.slowTimeoutMs : limits.timeoutMs }) };
        }
        catch (error) {
            const message = error.message.split('\n')[0] ?? String(error);
            // docker missing from PATH comes back from the docker runner as a DockerMissingError (spawn ENOENT).
            const reason = /did not finish within/.test(message) ? message : `docker could not be run (${message})`;
            return { ok: false, reason };
        }
    };
}
/** The first line of a command's error output, short, for a check's detail. */
function runner_firstLine(text) {
    return (text.trim().split('\n')[0] ?? '').slice(0, 300);
}

;// CONCATENATED MODULE: ./src/doctor/builder-checks.ts








/** `docker buildx ls --format json`: one builder object a line (buildx 0.13 and later). */
function parseBuildersJson(text) {
    const builders = [];
    for (const line of text.split('\n')) {
        if (!line.trim().startsWith('{'))
            continue;
        const raw = JSON.parse(line);
        builders.push({
            name: String(raw.Name ?? ''),
            driver: String(raw.Driver ?? ''),
            current: raw.Current === true,
            nodes: (raw.Nodes ?? []).map((n) => ({
                name: String(n.Name ?? ''),
                endpoint: String(n.Endpoint ?? ''),
                status: String(n.Status ?? (n.Err ? 'error' : '')),
                buildkit: typeof n.Version === 'string' && n.Version ? n.Version : null,
                platforms: Array.isArray(n.Platforms) ? n.Platforms.map(String) : [],
                error: typeof n.Err === 'string' && n.Err ? n.Err : raw.Err ? String(raw.Err) : null,
            })),
        });
    }
    return builders;
}
/**
 * The table of `docker buildx ls` for buildx before 0.13 (no --format): builder lines start at the
 * margin (`name *  driver`), node lines are indented (old) or start with `\_` (new), their columns
 * separated by two or more spaces: name, endpoint, status, BuildKit version, platforms.
 */
function parseBuildersTable(text) {
    const builders = [];
    const lines = text.split('\n');
    for (const line of lines.slice(1)) {
        if (!line.trim())
            continue;
        if (/^\S/.test(line)) {
            const columns = line.trim().split(/\s{2,}/);
            const name = columns[0].replace(/\s*\*$/, '');
            const error = columns.find((c) => /error|cannot|failed/i.test(c)) ?? null;
            builders.push({
                name,
                driver: (columns[1] ?? '').trim(),
                current: /\*$/.test(columns[0]),
                nodes: error ? [{ name, endpoint: '', status: 'error', buildkit: null, platforms: [], error }] : [],
            });
            continue;
        }
        const builder = builders[builders.length - 1];
        if (!builder)
            continue;
        const columns = line
            .replace(/\\_/g, '')
            .trim()
            .split(/\s{2,}/);
        const [name = '', endpoint = '', status = '', buildkit = '', platforms = ''] = columns;
        builder.nodes.push({
            name,
            endpoint,
            status,
            buildkit: buildkit || null,
            platforms: platforms
                .split(/,\s*/)
                // The new table shortens the list (`linux/amd64 (+4)`): the rest is only in the JSON.
                .map((p) => p
                .replace(/\s*\(\+\d+\)$/, '')
                .replace(/\*$/, '')
                .trim())
                .filter((p) => p.includes('/')),
            error: /error/i.test(status) ? status : null,
        });
    }
    return builders;
}
/** How long a builder's TCP endpoint may take to accept a connection. */
const CONNECT_TIMEOUT_MS = 3_000;
/**
 * Why a node's endpoint is gone, or null: a unix socket that no longer exists, or a TCP endpoint that
 * refuses connections (nothing listens there any more). Only connects; sends nothing.
 */
async function goneEndpoint(node) {
    const unix = /^unix:\/\/(\/.+)$/.exec(node.endpoint);
    if (unix)
        return external_node_fs_.existsSync(unix[1]) ? null : `points at ${unix[1]}, which is gone`;
    const tcp = /^tcp:\/\/([^/:]+|\[[^\]]+\]):(\d+)/.exec(node.endpoint);
    if (!tcp)
        return null;
    const host = tcp[1].replace(/^\[|\]$/g, '');
    return new Promise((resolve) => {
        const socket = external_node_net_.connect({ host, port: Number(tcp[2]) });
        const done = (result) => {
            socket.destroy();
            resolve(result);
        };
        socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(null));
        socket.once('connect', () => done(null));
        socket.once('error', (error) => done(error.code === 'ECONNREFUSED' ? `points at ${node.endpoint}, which refuses connections` : null));
    });
}
const BINFMT_NAME = {
    amd64: 'qemu-x86_64',
    arm64: 'qemu-aarch64',
    arm: 'qemu-arm',
    '386': 'qemu-i386',
    ppc64le: 'qemu-ppc64le',
    s390x: 'qemu-s390x',
    riscv64: 'qemu-riscv64',
    mips64le: 'qemu-mips64el',
    loong64: 'qemu-loongarch64',
};
/** The architecture this machine runs natively, in Docker's words. */
function nativeArch() {
    const arch = external_node_os_.arch();
    return arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
}
/** Whether an emulator for `arch` is registered and enabled; null when binfmt_misc cannot be read. */
function emulatorRegistered(arch, binfmtDir = '/proc/sys/fs/binfmt_misc') {
    const name = BINFMT_NAME[arch];
    if (!name)
        return false;
    try {
        external_node_fs_.readdirSync(binfmtDir);
    }
    catch {
        return null;
    }
    try {
        return /^enabled/m.test(external_node_fs_.readFileSync(`${binfmtDir}/${name}`, 'utf8'));
    }
    catch {
        return false;
    }
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
async function runBuilderChecks(docker, options) {
    const checks = [];
    const findings = [];
    // --- docker and the daemon --------------------------------------------------------------------
    const version = await docker(['version', '--format', '{{json .}}']);
    if (!version.ok) {
        checks.push({ id: 'builder.docker', status: 'skipped', title: 'Docker', detail: version.reason });
        return { checks, findings };
    }
    let info = {};
    try {
        info = JSON.parse(version.result.stdout.trim() || '{}');
    }
    catch {
        /* an old client prints no JSON: the versions stay unknown */
    }
    const client = info.Client?.Version ?? 'unknown';
    if (version.result.exitCode !== 0 || !info.Server) {
        const why = runner_firstLine(version.result.stderr) || `exit code ${version.result.exitCode}`;
        checks.push({ id: 'builder.docker', status: 'fail', title: 'Docker', detail: `client ${client}; the daemon does not answer: ${why}` });
        findings.push(doctorFinding({
            id: 'builder-missing',
            severity: 'error',
            title: 'The Docker daemon does not answer',
            fix: `\`docker version\` reached no daemon (${(0,markdown/* inlineCode */.ti)(why)}). Check \`DOCKER_HOST\` and the docker context (\`docker context ls\`), and that the daemon runs on this runner.`,
            source: null,
        }));
        return { checks, findings };
    }
    checks.push({ id: 'builder.docker', status: 'pass', title: 'Docker', detail: `client ${client}, engine ${info.Server.Version ?? 'unknown'}` });
    const buildx = await docker(['buildx', 'version']);
    const buildxVersion = buildx.ok && buildx.result.exitCode === 0 ? parseBuildxVersion(buildx.result.stdout) : null;
    if (!buildxVersion) {
        const why = buildx.ok ? runner_firstLine(buildx.result.stderr) || runner_firstLine(buildx.result.stdout) : buildx.reason;
        checks.push({ id: 'builder.buildx', status: 'fail', title: 'Buildx', detail: `docker buildx is not available: ${why}` });
        findings.push(doctorFinding({
            id: 'builder-missing',
            severity: 'error',
            title: 'docker buildx is not installed',
            fix: 'Install the buildx plugin (`docker/setup-buildx-action` on GitHub runners, `docker-buildx-plugin` elsewhere).',
            source: null,
        }));
        return { checks, findings };
    }
    checks.push({ id: 'builder.buildx', status: 'pass', title: 'Buildx', detail: `buildx ${buildxVersion.raw}` });
    // --- builders ---------------------------------------------------------------------------------
    // `--format json` came with buildx 0.13; older ones print only the table.
    const json = buildxVersion.major > 0 || buildxVersion.minor >= 13;
    // buildx itself waits up to 20 s for each node that does not answer: the slow time limit.
    const ls = await docker(json ? ['buildx', 'ls', '--format', 'json'] : ['buildx', 'ls'], true);
    if (!ls.ok || ls.result.exitCode !== 0) {
        checks.push({
            id: 'builder.list',
            status: 'skipped',
            title: 'Builders',
            detail: `docker buildx ls failed: ${ls.ok ? runner_firstLine(ls.result.stderr) : ls.reason}`,
        });
        return { checks, findings };
    }
    let builders;
    try {
        builders = json ? parseBuildersJson(ls.result.stdout) : parseBuildersTable(ls.result.stdout);
    }
    catch (error) {
        checks.push({ id: 'builder.list', status: 'skipped', title: 'Builders', detail: `could not read docker buildx ls: ${error.message}` });
        return { checks, findings };
    }
    const current = builders.find((b) => b.current) ?? null;
    if (!current) {
        checks.push({
            id: 'builder.current',
            status: 'fail',
            title: 'Builder in use',
            detail: `none of ${plural(builders.length, 'builder')} is marked as in use`,
        });
        findings.push(doctorFinding({
            id: 'builder-missing',
            severity: 'error',
            title: 'No buildx builder is in use',
            fix: 'Select one: `docker buildx use default`, or create one with `docker/setup-buildx-action`.',
            source: null,
        }));
    }
    else {
        const node = current.nodes[0];
        const gone = (await Promise.all(current.nodes.map(goneEndpoint))).find((g) => g !== null) ?? null;
        const describe = `${current.name} (driver ${current.driver}${node ? `, ${node.status || 'status unknown'}, BuildKit ${node.buildkit ?? 'unknown'}` : ''})`;
        if (gone) {
            checks.push({ id: 'builder.current', status: 'fail', title: 'Builder in use', detail: `${describe}: its node ${gone}` });
            findings.push(builderGone(current, gone));
        }
        else if (node?.error || node?.status === 'error') {
            checks.push({ id: 'builder.current', status: 'fail', title: 'Builder in use', detail: `${describe}: ${node.error ?? 'error'}` });
            findings.push(doctorFinding({
                id: 'builder-missing',
                severity: 'error',
                title: `The builder in use, ${current.name}, is in error`,
                fix: `Recreate it: \`docker buildx rm ${current.name}\` and \`docker buildx create --use\` (or re-run \`docker/setup-buildx-action\`).`,
                source: null,
            }));
        }
        else if (node && node.status !== 'running') {
            checks.push({
                id: 'builder.current',
                status: 'warn',
                title: 'Builder in use',
                detail: `${describe}: not running; the next build starts it${current.driver === 'docker-container' ? ' (pulling moby/buildkit if needed)' : ''}`,
            });
        }
        else {
            checks.push({ id: 'builder.current', status: 'pass', title: 'Builder in use', detail: describe });
        }
    }
    const drift = versionDrift({ buildx: buildxVersion.raw, buildkit: current?.nodes[0]?.buildkit ?? null }, options.pastRun ?? null);
    checks.push(...drift.checks);
    findings.push(...drift.findings);
    const stale = [];
    for (const builder of builders) {
        if (builder === current)
            continue;
        for (const node of builder.nodes) {
            const gone = await goneEndpoint(node);
            if (gone)
                stale.push(`${builder.name} (${builder.driver}): node ${node.name} ${gone}`);
            else if (node.error || node.status === 'error')
                stale.push(`${builder.name} (${builder.driver}): error ${node.error ?? ''}`.trim());
            else if (node.status !== 'running')
                stale.push(`${builder.name} (${builder.driver}): ${node.status || 'status unknown'}`);
        }
    }
    checks.push({
        id: 'builder.stale',
        status: stale.length > 0 ? 'warn' : 'pass',
        title: 'Other builders',
        detail: stale.length > 0
            ? `${plural(stale.length, 'stale builder')}: ${stale.join('; ')}`
            : `${plural(builders.length - (current ? 1 : 0), 'other builder')}, none stale`,
    });
    if (stale.length > 0) {
        const names = [...new Set(stale.map((s) => s.split(' ')[0]))];
        findings.push(doctorFinding({
            id: 'builder-missing',
            severity: 'warning',
            title: `${plural(names.length, 'stale buildx builder')}: ${names.join(', ')}`,
            fix: `Builders left behind by earlier jobs are picked up by name and fail with "failed to find builder" or a mismatched BuildKit. Remove them: ${names.map((n) => (0,markdown/* inlineCode */.ti)(`docker buildx rm ${n}`)).join(', ')}.`,
            source: null,
            data: { builders: names.join(',') },
        }));
    }
    // --- platforms --------------------------------------------------------------------------------
    if (current) {
        const supported = new Set(current.nodes.flatMap((n) => n.platforms).map((p) => p.replace(/\*$/, '')));
        const native = nativeArch();
        const notes = [];
        const missing = [];
        for (const platform of options.platforms) {
            const arch = platform.split('/')[1] ?? '';
            const emulator = arch === native ? null : emulatorRegistered(arch, options.binfmtDir);
            const listed = supported.has(platform) || [...supported].some((p) => p.startsWith(`${platform}/`));
            if (arch === native)
                notes.push(`${platform}: native`);
            else if (listed)
                notes.push(`${platform}: ${emulator ? 'emulated (QEMU registered)' : 'listed by the builder'}; a native ${arch} runner builds it many times faster`);
            else {
                missing.push(platform);
                notes.push(`${platform}: not supported by ${current.name}${emulator === null ? ' (binfmt_misc not readable)' : emulator ? ' although QEMU is registered (restart the builder)' : ', no QEMU emulator registered'}`);
            }
        }
        if (options.platforms.length === 0) {
            checks.push({
                id: 'builder.platforms',
                status: 'pass',
                title: 'Platforms',
                detail: `${current.name} builds ${[...supported].join(', ') || 'no listed platform'} (native ${native}); no workflow asks for platforms`,
            });
        }
        else {
            checks.push({ id: 'builder.platforms', status: missing.length > 0 ? 'fail' : 'pass', title: 'Platforms', detail: `asked: ${notes.join('; ')}` });
        }
        if (missing.length > 0) {
            findings.push(doctorFinding({
                id: 'qemu-emulation',
                severity: 'error',
                title: `The builder ${current.name} cannot build ${missing.join(', ')}`,
                fix: `The workflow asks for ${missing.map((p) => (0,markdown/* inlineCode */.ti)(p)).join(', ')}, which this ${native} runner's builder does not list. Register emulators with \`docker/setup-qemu-action\` (\`docker run --privileged --rm tonistiigi/binfmt --install all\`) before \`docker/setup-buildx-action\`, or build those platforms on native runners.`,
                source: null,
                data: { platforms: missing.join(','), native },
            }));
        }
    }
    return { checks, findings };
}
function builderGone(builder, why) {
    return doctorFinding({
        id: 'builder-missing',
        severity: 'error',
        title: `The builder in use, ${builder.name}, has a node that is gone`,
        fix: `Its node ${why.replace(/^points at (\S+)/, (_, e) => `points at ${(0,markdown/* inlineCode */.ti)(e)}`)}, so every build fails to reach BuildKit. Remove it and select another: \`docker buildx rm ${builder.name}\` then \`docker buildx use default\` (or re-run \`docker/setup-buildx-action\`).`,
        source: null,
    });
}

;// CONCATENATED MODULE: ./src/doctor/resource-checks.ts



const DEFAULT_RESOURCE_OPTIONS = { warnFreeBytes: 10 * 1024 ** 3, failFreeBytes: 2 * 1024 ** 3 };
const UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3, TIB: 1024 ** 4 };
/** `1.982MB`, `3.346GiB`, `0B` as bytes; null when it is no size. */
function parseSize(text) {
    const match = /^([\d.]+)\s*([KMGT]i?B|B)$/i.exec(text.trim());
    if (!match)
        return null;
    const unit = UNITS[match[2].toUpperCase()];
    return unit === undefined ? null : Math.round(Number(match[1]) * unit);
}
/** The `Total:` line of `docker buildx du`. */
function parseDuTotal(output) {
    const match = /^Total:\s*(\S+)/m.exec(output);
    return match ? parseSize(match[1]) : null;
}
function formatBytes(bytes) {
    if (bytes >= 1024 ** 3)
        return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
    if (bytes >= 1024 ** 2)
        return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} B`;
}
async function runResourceChecks(docker, options = DEFAULT_RESOURCE_OPTIONS) {
    const checks = [];
    const findings = [];
    const info = await docker(['info', '--format', '{{.DockerRootDir}}']);
    const root = info.ok && info.result.exitCode === 0 ? info.result.stdout.trim() : '';
    if (!root) {
        const why = !info.ok ? info.reason : runner_firstLine(info.result.stderr) || 'docker info named no data root';
        checks.push({ id: 'resources.disk', status: 'skipped', title: 'Free disk', detail: `Docker's data root is unknown: ${why}` });
    }
    else {
        let free = null;
        let size = 0;
        let why = '';
        try {
            // The data root belongs to root; statfs needs no permission on it, only that it exists here
            // (a remote daemon's data root is not on this machine).
            const stat = external_node_fs_.statfsSync(root);
            free = Number(stat.bavail) * Number(stat.bsize);
            size = Number(stat.blocks) * Number(stat.bsize);
        }
        catch (error) {
            why = error.code ?? error.message;
        }
        if (free === null) {
            checks.push({
                id: 'resources.disk',
                status: 'skipped',
                title: 'Free disk',
                detail: `cannot read the file system of ${root} here (${why}); is the daemon remote?`,
            });
        }
        else {
            const status = free < options.failFreeBytes ? 'fail' : free < options.warnFreeBytes ? 'warn' : 'pass';
            const detail = `${formatBytes(free)} free of ${formatBytes(size)} under ${root} (warns under ${formatBytes(options.warnFreeBytes)}, fails under ${formatBytes(options.failFreeBytes)})`;
            checks.push({ id: 'resources.disk', status, title: 'Free disk', detail });
            if (status !== 'pass') {
                findings.push(doctorFinding({
                    id: 'disk-full',
                    severity: status === 'fail' ? 'error' : 'warning',
                    title: `Only ${formatBytes(free)} free where Docker keeps its data`,
                    fix: `Builds fail with "no space left on device" when layers, exports and the cache outgrow the disk. Free space before the build (\`docker buildx prune -f --keep-storage 5gb\`, \`docker image prune -af\`; on GitHub runners remove unused toolchains such as \`/usr/share/dotnet\`), or use a larger runner.`,
                    source: null,
                    data: { freeBytes: free, warnFreeBytes: options.warnFreeBytes, failFreeBytes: options.failFreeBytes },
                }));
            }
        }
    }
    if (options.skipCacheReason) {
        checks.push({ id: 'resources.build-cache', status: 'skipped', title: 'Build cache', detail: options.skipCacheReason });
        return { checks, findings };
    }
    const du = await docker(['buildx', 'du']);
    const total = du.ok && du.result.exitCode === 0 ? parseDuTotal(du.result.stdout) : null;
    if (total === null) {
        const why = !du.ok ? du.reason : runner_firstLine(du.result.stderr) || 'no Total line';
        checks.push({ id: 'resources.build-cache', status: 'skipped', title: 'Build cache', detail: `docker buildx du: ${why}` });
    }
    else {
        checks.push({
            id: 'resources.build-cache',
            status: 'pass',
            title: 'Build cache',
            detail: `${formatBytes(total)} used by the builder's cache (docker buildx du)`,
        });
    }
    return { checks, findings };
}

// EXTERNAL MODULE: ./src/text/redact.ts
var redact = __webpack_require__(3326);
;// CONCATENATED MODULE: ./src/doctor/registry-checks.ts




/** `docker manifest inspect --verbose`: one object for a single manifest, an array for an index. */
function parseVerboseManifest(text) {
    const parsed = JSON.parse(text);
    const entries = Array.isArray(parsed) ? parsed : [parsed];
    return entries
        .map((e) => {
        const p = e.Descriptor?.platform;
        const platform = p?.os ? `${p.os}/${p.architecture ?? '?'}${p.variant ? `/${p.variant}` : ''}` : 'unknown';
        return { platform, digest: e.Descriptor?.digest ?? '' };
    })
        .filter((e) => e.platform !== 'unknown/unknown');
}
function isLoopback(ref) {
    return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//.test(ref);
}
async function runRegistryChecks(docker, images) {
    const checks = [];
    const findings = [];
    if (images.length === 0) {
        checks.push({
            id: 'registry.images',
            status: 'skipped',
            title: 'Registry',
            detail: 'no images to look up (give them with --image or the images input, or name them in a docker/metadata-action step)',
        });
        return { checks, findings };
    }
    for (const ref of [...new Set(images)]) {
        const id = `registry.${ref}`;
        const title = `Image ${ref}`;
        const args = ['manifest', 'inspect', '--verbose', ...(isLoopback(ref) ? ['--insecure'] : []), ref];
        const outcome = await docker(args);
        if (!outcome.ok) {
            checks.push({ id, status: 'skipped', title, detail: outcome.reason });
            continue;
        }
        const { exitCode, stdout, stderr } = outcome.result;
        const error = (0,redact/* redact */.E)(runner_firstLine(stderr) || runner_firstLine(stdout));
        if (exitCode === 0) {
            let platforms;
            try {
                platforms = parseVerboseManifest(stdout);
            }
            catch {
                checks.push({ id, status: 'warn', title, detail: 'the registry answered, but not with a manifest docker could read' });
                continue;
            }
            const listed = platforms.map((p) => `${p.platform} ${p.digest.slice(0, 19)}`).join(', ');
            checks.push({ id, status: 'pass', title, detail: `exists: ${listed || 'no platform listed'}` });
        }
        else if (/no such manifest|manifest unknown|not found/i.test(error)) {
            checks.push({ id, status: 'fail', title, detail: `the tag does not exist (${error})` });
            findings.push(doctorFinding({
                id: 'image-pull-backoff',
                severity: 'error',
                title: `${ref} does not exist in the registry`,
                fix: `Whatever pulls ${(0,markdown/* inlineCode */.ti)(ref)} (a deployment, a smoke test) fails with ImagePullBackOff. A tag pushed only from \`main\` does not exist for a pull request; check the workflow's push condition and the tags metadata-action makes for the event.`,
                source: null,
                data: { image: ref },
            }));
        }
        else if (/unauthorized|denied|authentication required|no basic auth credentials|\b40[13]\b/i.test(error)) {
            checks.push({ id, status: 'fail', title, detail: `the registry refused to show it (${error})` });
            findings.push(doctorFinding({
                id: 'registry-auth-denied',
                severity: 'error',
                title: `The registry refused access to ${ref}`,
                fix: `Log in before the check and the build (\`docker/login-action\`); for ghcr.io with the job token, the job needs \`packages: read\` (\`write\` to push) and the package must grant the repository access.`,
                source: null,
                data: { image: ref },
            }));
        }
        else {
            checks.push({ id, status: 'warn', title, detail: `could not look it up: ${error || `exit code ${exitCode}`}` });
        }
    }
    return { checks, findings };
}

;// CONCATENATED MODULE: ./src/github/api.ts
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
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856)),
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(594)]).then(__webpack_require__.bind(__webpack_require__, 5594)),
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
        return await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(758)]).then(__webpack_require__.bind(__webpack_require__, 1758));
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
        const { STATUS_CODES } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
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

// EXTERNAL MODULE: ./src/reference/image-reference.ts
var image_reference = __webpack_require__(5676);
;// CONCATENATED MODULE: ./src/doctor/package-versions.ts



/** Versions listed in a check's detail; the API's first page (30) is searched for the wanted tags. */
const SHOWN_VERSIONS = 5;
/** The ghcr.io packages the references name, each once; other registries and bad references are left out. */
function ghcrPackages(images) {
    const packages = new Map();
    for (const text of images) {
        let ref;
        try {
            ref = (0,image_reference/* parseReference */.F2)(text);
        }
        catch {
            continue;
        }
        if (ref.registry !== 'ghcr.io' || !ref.repository.includes('/'))
            continue;
        const slash = ref.repository.indexOf('/');
        const owner = ref.repository.slice(0, slash);
        const name = ref.repository.slice(slash + 1);
        const key = `${owner}/${name}`;
        const entry = packages.get(key) ?? { owner, name, tags: [] };
        if (ref.tag && !entry.tags.includes(ref.tag))
            entry.tags.push(ref.tag);
        packages.set(key, entry);
    }
    return [...packages.values()];
}
async function runPackageChecks(access, images) {
    const checks = [];
    const findings = [];
    const ownerKinds = new Map();
    for (const pkg of ghcrPackages(images)) {
        const id = `registry.package.ghcr.io/${pkg.owner}/${pkg.name}`;
        const title = `Package ghcr.io/${pkg.owner}/${pkg.name}`;
        if (access.client === null) {
            checks.push({ id, status: 'skipped', title, detail: `skipped: ${access.reason}` });
            continue;
        }
        const client = access.client;
        try {
            if (!ownerKinds.has(pkg.owner))
                ownerKinds.set(pkg.owner, ownerKind(client, pkg.owner));
            const kind = await ownerKinds.get(pkg.owner);
            const versions = await listVersions(client, kind, pkg);
            checks.push({ id, title, ...describeVersions(pkg, versions) });
        }
        catch (error) {
            const status = error instanceof ApiError ? error.status : null;
            checks.push({ id, status: 'warn', title, detail: `${error instanceof ApiError ? error.message : String(error)}. ${adviceFor(status, pkg)}` });
            if (status === 401 || status === 403) {
                findings.push(doctorFinding({
                    id: 'registry-auth-denied',
                    severity: 'warning',
                    title: `The GitHub token may not read the package ghcr.io/${pkg.owner}/${pkg.name}`,
                    fix: adviceFor(status, pkg),
                    source: null,
                    data: { image: `ghcr.io/${pkg.owner}/${pkg.name}` },
                }));
            }
        }
    }
    return { checks, findings };
}
/** `orgs` or `users`: the packages API has one path for each kind of owner. */
async function ownerKind(client, owner) {
    const response = await call(client, `looking up the owner ${owner}`, () => client.request('GET /users/{username}', { username: owner }));
    return response.data.type === 'Organization' ? 'orgs' : 'users';
}
async function listVersions(client, kind, pkg) {
    const what = `listing the versions of the package ${pkg.owner}/${pkg.name}`;
    // Octokit encodes path parameters: a package name with `/` goes as `%2F`, as the API wants it.
    const response = kind === 'orgs'
        ? await call(client, what, () => client.request('GET /orgs/{org}/packages/{package_type}/{package_name}/versions', {
            org: pkg.owner,
            package_type: 'container',
            package_name: pkg.name,
        }))
        : await call(client, what, () => client.request('GET /users/{username}/packages/{package_type}/{package_name}/versions', {
            username: pkg.owner,
            package_type: 'container',
            package_name: pkg.name,
        }));
    return response.data
        .map((v) => ({ tags: v.metadata?.container?.tags ?? [], updated: v.updated_at ?? v.created_at }))
        .sort((a, b) => b.updated.localeCompare(a.updated));
}
function describeVersions(pkg, versions) {
    if (versions.length === 0)
        return { status: 'warn', detail: 'the package has no versions' };
    const shown = versions
        .slice(0, SHOWN_VERSIONS)
        .map((v) => `${v.tags.length > 0 ? v.tags.join(', ') : '(untagged)'} (${v.updated.slice(0, 10)})`)
        .join('; ');
    const listed = new Set(versions.flatMap((v) => v.tags));
    const absent = pkg.tags.filter((t) => !listed.has(t));
    const latest = `latest ${Math.min(SHOWN_VERSIONS, versions.length)} of ${versions.length} listed: ${shown}`;
    if (absent.length === 0)
        return { status: 'pass', detail: latest };
    const names = absent.map((t) => `:${t}`).join(', ');
    return { status: 'warn', detail: `${names} not among the ${versions.length} latest versions (older, or never pushed); ${latest}` };
}
/** What to change, plain text (it goes into a check's detail and a finding's fix). */
function adviceFor(status, pkg) {
    if (status === 403 || status === 401) {
        return 'Give the job permissions: packages: read; with the job token, the package must also grant this repository access (the package settings, Manage Actions access).';
    }
    if (status === 404) {
        return `The package does not exist under ${pkg.owner}, or the token cannot see it: a private package not linked to this repository (connect it in the package settings), or a token without packages: read.`;
    }
    return 'The other checks went on.';
}

;// CONCATENATED MODULE: ./src/doctor/workflow-images.ts






/** metadata-action's tags when the step gives none: the branch name on a branch push, among others. */
const DEFAULT_TAG_RULES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];
/** Larger files are skipped by the workflow check too. */
const workflow_images_MAX_WORKFLOW_BYTES = 1024 * 1024;
/** The workflow files the options name, parsed; those that cannot be read are left to the workflow check. */
function readWorkflows(options) {
    const workflows = [];
    for (const file of workflowFiles(options)) {
        try {
            if (external_node_fs_.statSync(file).size > workflow_images_MAX_WORKFLOW_BYTES)
                continue;
            workflows.push(parseWorkflow(external_node_path_.basename(file), external_node_fs_.readFileSync(file, 'utf8')));
        }
        catch {
            continue; // the workflow check reports files it cannot read
        }
    }
    return workflows;
}
function imagesFromWorkflows(options) {
    const result = { images: [], sources: [], skipped: [] };
    for (const workflow of readWorkflows(options)) {
        for (const job of workflow.jobs) {
            for (const step of job.steps) {
                if (step.uses && actionOf(step.uses.value)?.name === 'docker/metadata-action')
                    addStepImages(result, workflow, job, step, options.repository);
            }
        }
    }
    return result;
}
function addStepImages(result, workflow, job, step, repository) {
    const input = step.with.get('images');
    if (!input)
        return;
    const where = `${workflow.path}:${input.line}`;
    const tags = mainTags(step);
    if (tags.length === 0) {
        result.skipped.push(`${where}: its tag rules give no tag that is known before a push to main`);
        return;
    }
    for (const name of imageNames(input.value)) {
        const expanded = expandAll(name, workflow, job, repository);
        if (typeof expanded === 'string') {
            result.skipped.push(`${where}: ${name} (${expanded})`);
            continue;
        }
        for (const image of expanded) {
            // metadata-action lowercases the image name; ghcr.io accepts nothing else.
            const refs = tags.map((tag) => `${image.toLowerCase()}:${tag}`);
            const bad = refs.find((ref) => !isReference(ref));
            if (bad) {
                result.skipped.push(`${where}: ${bad} is not an image reference`);
                continue;
            }
            for (const ref of refs)
                if (!result.images.includes(ref))
                    result.images.push(ref);
            if (!result.sources.includes(where))
                result.sources.push(where);
        }
    }
}
/** `images:` lines (commas also separate), or the CSV form `name=...,enable=...`; disabled ones left out. */
function imageNames(text) {
    const names = [];
    for (const line of text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))) {
        if (/^name=/.test(line)) {
            const attrs = new Map(line.split(',').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()]));
            if (attrs.get('enable') !== 'false' && attrs.get('name'))
                names.push(attrs.get('name'));
        }
        else {
            names.push(...line
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean));
        }
    }
    return names;
}
/** The tags the step's rules give on a push to the default branch, leaving out those that change every commit or day. */
function mainTags(step) {
    const text = step.with.get('tags')?.value;
    const lines = text === undefined
        ? DEFAULT_TAG_RULES
        : text
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'));
    const flavor = parseFlavor(step.with.get('flavor')?.value ?? '');
    const tags = [];
    for (const rule of lines.map(parseTagRule)) {
        if (changesPerCommit(rule) || rule.type === 'schedule')
            continue;
        const tag = tagIn(rule, 'branch', flavor);
        if (tag && isValidTag(tag) && !tags.includes(tag))
            tags.push(tag);
    }
    return tags;
}
/** A rule whose tag is a commit, a date or an expression's value: no fixed tag to look up. */
function changesPerCommit(rule) {
    if (rule.type === 'sha')
        return true;
    // `enable` only decides whether the rule applies (metadata-tags reads it), not the tag's text.
    return [...rule.attrs].some(([key, v]) => key !== 'enable' && /\{\{\s*(sha|date|commit_date)\b|\$\{\{/.test(v));
}
/**
 * The names an image name stands for, one per matrix value it uses; or why it cannot be expanded.
 * `env` values are expanded too (they often hold `${{ github.repository }}`).
 */
function expandAll(name, workflow, job, repository) {
    let names = [name];
    // Each round expands the first expression left in every name; an env value may bring more, and
    // one that names itself must not loop: a few rounds are enough for any real workflow.
    for (let round = 0; round < 8 && names.some((n) => n.includes('${{')); round++) {
        const next = [];
        for (const text of names) {
            const match = /\$\{\{\s*([^}]*?)\s*\}\}/.exec(text);
            if (!match) {
                next.push(text);
                continue;
            }
            const values = valuesOf(match[1], workflow, job, repository);
            if (typeof values === 'string')
                return values;
            for (const value of values)
                next.push(text.slice(0, match.index) + value + text.slice(match.index + match[0].length));
        }
        names = next;
    }
    const left = names.find((n) => n.includes('${{'));
    return left ? `${/\$\{\{[^}]*\}\}/.exec(left)[0]} was not expanded` : names;
}
function valuesOf(expression, workflow, job, repository) {
    if (expression === 'github.repository')
        return repository ? [repository] : 'the repository is not known: run in a workflow, or give --repository';
    if (expression === 'github.repository_owner')
        return repository ? [repository.split('/')[0]] : 'the repository owner is not known: run in a workflow, or give --repository';
    const env = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression);
    if (env) {
        const value = job.env.get(env[1]) ?? workflow.env.get(env[1]);
        return value === undefined ? `${expression} is set neither by the workflow nor by the job` : [value];
    }
    const matrix = /^matrix\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression);
    if (matrix) {
        const values = job.matrixValues.get(matrix[1]);
        return values && values.length > 0 ? values : `${expression} is not a list in the job's matrix`;
    }
    return `\${{ ${expression} }} is only known when the workflow runs`;
}
function isReference(text) {
    try {
        (0,image_reference/* parseReference */.F2)(text);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/buildx/docker-login.ts
var docker_login = __webpack_require__(2334);
;// CONCATENATED MODULE: ./src/doctor/registry-push-scope.ts




const TIME_LIMIT_MS = 10_000;
async function checkPushScope(ref, env = process.env) {
    const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(ref.registry);
    const host = ref.registry === 'docker.io' ? 'registry-1.docker.io' : ref.registry;
    try {
        const ping = await fetch(`${loopback ? 'http' : 'https'}://${host}/v2/`, { signal: AbortSignal.timeout(TIME_LIMIT_MS) });
        await ping.body?.cancel();
        if (ping.ok)
            return { status: 'pass', detail: `the registry asks for no credentials (GET /v2/ answered ${ping.status}): whoever reaches it can push` };
        if (ping.status !== 401)
            return { status: 'warn', detail: `push rights: not checked (GET /v2/ answered ${ping.status}, not a request for credentials)` };
        const challenge = parseChallenge(ping.headers.get('www-authenticate') ?? '');
        if (!challenge)
            return { status: 'skipped', detail: 'push rights: not checked for this registry (it does not use token auth, so it decides on each push)' };
        const credentials = storedCredentials(ref.registry, env);
        if (credentials?.kind === 'helper')
            return { status: 'skipped', detail: 'push rights: not checked for this registry (its credentials are in a credential helper, which is not read)' };
        const url = new URL(challenge.realm);
        if (challenge.service)
            url.searchParams.set('service', challenge.service);
        url.searchParams.set('scope', `repository:${ref.repository}:push,pull`);
        const answer = await fetch(url, { headers: credentials ? { authorization: `Basic ${credentials.auth}` } : {}, signal: AbortSignal.timeout(TIME_LIMIT_MS) });
        if (answer.status === 401 || answer.status === 403) {
            await answer.body?.cancel();
            return { status: 'fail', detail: `the registry's token service refused the stored credentials (${answer.status})` };
        }
        if (!answer.ok) {
            await answer.body?.cancel();
            return { status: 'warn', detail: `push rights: not checked (the token service answered ${answer.status})` };
        }
        const body = (await answer.json());
        const actions = grantedActions(body.token ?? body.access_token ?? '', ref.repository);
        if (actions === null)
            return { status: 'skipped', detail: 'push rights: not checked for this registry (its token does not say what it grants)' };
        const who = credentials ? 'the stored credentials' : 'without credentials (none stored for it)';
        if (actions.includes('push'))
            return { status: 'pass', detail: `${who}: the token service grants push on ${ref.repository}` };
        return { status: 'fail', detail: `${who}: the token service grants ${actions.length > 0 ? actions.join(', ') : 'nothing'} on ${ref.repository}, not push` };
    }
    catch (error) {
        // fetch says only "fetch failed"; the cause (connection refused, no such host) is in its chain.
        const message = error.name === 'TimeoutError' ? `no answer within ${TIME_LIMIT_MS / 1000} s` : whyNoAnswer(error);
        return { status: 'warn', detail: `push rights: not checked (${message})` };
    }
}
/** `Bearer realm="https://auth/token",service="registry"`; null for any other scheme. */
function parseChallenge(header) {
    if (!/^bearer\s/i.test(header.trim()))
        return null;
    const params = new Map([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
    const realm = params.get('realm');
    if (!realm || !/^https?:\/\//i.test(realm))
        return null;
    return { realm, service: params.get('service') ?? null };
}
/** The actions a registry JWT's `access` claim grants on a repository; null when it is no JWT. */
function grantedActions(token, repository) {
    const payload = token.split('.')[1];
    if (!payload)
        return null;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (!Array.isArray(claims.access))
            return null;
        return claims.access.filter((a) => a.type === 'repository' && a.name === repository).flatMap((a) => a.actions ?? []);
    }
    catch {
        return null;
    }
}
/** The credentials Docker's config holds for the registry, null when none. */
function storedCredentials(registry, env) {
    let config;
    try {
        config = JSON.parse(external_node_fs_.readFileSync(external_node_path_.join((0,docker_login/* dockerConfigDir */.kG)(env), 'config.json'), 'utf8'));
    }
    catch {
        return null;
    }
    const names = registry === 'docker.io' ? ['docker.io', 'index.docker.io', 'registry-1.docker.io'] : [registry];
    const hostOf = (key) => key
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
    const entry = Object.entries(config.auths ?? {}).find(([key]) => names.includes(hostOf(key)))?.[1];
    if (entry?.auth)
        return { kind: 'auth', auth: entry.auth };
    if (Object.keys(config.credHelpers ?? {}).some((key) => names.includes(hostOf(key))) || (entry && config.credsStore))
        return { kind: 'helper' };
    return null;
}

;// CONCATENATED MODULE: ./src/doctor/push-rights.ts






/** The docker/login-action steps of the workflows that log in to ghcr.io. */
function ghcrLogins(workflows) {
    const logins = [];
    for (const workflow of workflows) {
        for (const job of workflow.jobs) {
            for (const step of job.steps) {
                if (!step.uses || actionOf(step.uses.value)?.name !== 'docker/login-action')
                    continue;
                const registry = expandAll(step.with.get('registry')?.value ?? '', workflow, job, null);
                if (typeof registry === 'string' || !registry.some((r) => r.trim() === 'ghcr.io'))
                    continue;
                const password = step.with.get('password')?.value.trim() ?? '';
                logins.push({
                    file: workflow.path,
                    job: job.id,
                    jobToken: /secrets\.GITHUB_TOKEN\b|github\.token\b/.test(password),
                    password,
                    packagesWrite: packagesWrite(workflow, job),
                });
            }
        }
    }
    return logins;
}
async function runPushRightsChecks(access, images, logins, env = process.env) {
    const checks = [];
    const findings = [];
    const refs = images.flatMap((i) => referenceOf(i) ?? []);
    const repositories = new Map(refs.filter((r) => r.registry !== 'ghcr.io').map((r) => [`${r.registry}/${r.repository}`, r]));
    for (const [name, ref] of repositories) {
        const scope = await checkPushScope(ref, env);
        checks.push({ id: `registry.push.${name}`, status: scope.status, title: `Push rights on ${name}`, detail: scope.detail });
        if (scope.status === 'fail') {
            findings.push(doctorFinding({
                id: 'registry-auth-denied',
                severity: 'error',
                title: `The credentials cannot push to ${name}`,
                fix: 'Log in (`docker/login-action`) with an account that may push to this repository before the build.',
                source: null,
                data: { image: name },
            }));
        }
    }
    if (!refs.some((r) => r.registry === 'ghcr.io'))
        return { checks, findings };
    const parts = [];
    // The job token: the rights are the permissions of the job that logs in.
    for (const login of logins.filter((l) => l.jobToken)) {
        const where = `${login.file} job ${login.job} logs in with the job token`;
        if (login.packagesWrite === true)
            parts.push({ status: 'pass', text: `${where}, which has packages: write` });
        else if (login.packagesWrite === false)
            parts.push({ status: 'fail', text: `${where}, whose permissions lack packages: write (see the workflow finding)` });
        else
            parts.push({ status: 'warn', text: `${where} and sets no permissions: the repository's default decides (read-only packages for new repositories)` });
    }
    // Another secret, or no workflow that says: the scopes of the token given, if it is a personal one.
    const others = logins.filter((l) => !l.jobToken);
    if (others.length > 0 || logins.length === 0) {
        const pushedWith = others.length > 0 ? `the workflow pushes with ${[...new Set(others.map((l) => l.password))].join(', ')}` : 'no workflow here logs in to ghcr.io';
        parts.push(await tokenScopes(access, pushedWith, findings));
    }
    const status = worstStatus(parts.map((p) => ({ id: '', title: '', detail: '', status: p.status })));
    checks.push({ id: 'registry.push.ghcr.io', status, title: 'Push rights on ghcr.io', detail: parts.map((p) => p.text).join('; ') });
    return { checks, findings };
}
/** The token's scopes from `GET /user`: a classic token lists them, the job token is refused (403). */
async function tokenScopes(access, pushedWith, findings) {
    if (access.client === null)
        return { status: 'skipped', text: `${pushedWith}; its scopes not checked: ${access.reason}` };
    const client = access.client;
    try {
        const response = await call(client, 'reading who the token belongs to', () => client.request('GET /user'));
        const login = response.data.login ?? '?';
        const header = response.headers['x-oauth-scopes'];
        if (header === undefined) {
            return {
                status: 'warn',
                text: `${pushedWith}; the token given (of ${login}) has no scopes: a fine-grained token, which GitHub Packages does not take; use a personal access token (classic) with write:packages, or the job token with packages: write`,
            };
        }
        const scopes = String(header)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        if (scopes.includes('write:packages'))
            return { status: 'pass', text: `${pushedWith}; the token given (of ${login}) has write:packages` };
        findings.push(doctorFinding({
            id: 'registry-auth-denied',
            severity: 'error',
            title: 'The token lacks the write:packages scope: pushes to ghcr.io are denied',
            fix: "Give the personal access token (classic) the `write:packages` scope (it includes `read:packages`), or log in with the job token and `packages: write` in the job's permissions.",
            source: null,
            data: { scopes: scopes.join(', ') },
        }));
        return { status: 'fail', text: `${pushedWith}; the token given (of ${login}) lacks write:packages (its scopes: ${scopes.join(', ') || 'none'})` };
    }
    catch (error) {
        // GitHub refuses `GET /user` to installation tokens, the job token among them.
        if (error instanceof ApiError && error.status === 403)
            return {
                status: 'skipped',
                text: `${pushedWith}; the token given is the job token (or an app's), whose rights are the workflow's permissions, not scopes`,
            };
        return { status: 'warn', text: `${pushedWith}; ${error instanceof Error ? error.message : String(error)}` };
    }
}
function referenceOf(image) {
    try {
        return (0,image_reference/* parseReference */.F2)(image);
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/doctor/doctor.ts
// parseSkip lives beside CHECK_GROUPS so that reading the action's inputs does not load the doctor.









const NO_GITHUB = { client: null, reason: 'no GitHub token' };
async function runDoctor(options) {
    const docker = options.docker ?? dockerRunner();
    const checks = [];
    const findings = [];
    const skipped = (group) => checks.push({ id: group, status: 'skipped', title: titleOf(group), detail: 'skipped on request' });
    // A check group that throws is a bug in it; the others still run and the reason is shown.
    const guarded = async (group, run) => {
        if (options.skip.has(group)) {
            skipped(group);
            return;
        }
        try {
            const result = await run();
            checks.push(...result.checks);
            findings.push(...result.findings);
        }
        catch (error) {
            checks.push({ id: group, status: 'skipped', title: titleOf(group), detail: `could not run: ${error.message.split('\n')[0]}` });
        }
    };
    let platforms = [];
    await guarded('workflow', () => {
        const result = runWorkflowChecks({ workspace: options.workspace, files: options.workflows });
        platforms = result.platforms;
        return result;
    });
    await guarded('builder', () => runBuilderChecks(docker, { platforms, binfmtDir: options.binfmtDir, pastRun: options.pastRun ?? null }));
    // `docker buildx du` would start a builder that is not running: only ask a running one.
    const current = checks.find((c) => c.id === 'builder.current');
    const skipCacheReason = current && current.status !== 'pass' ? 'the builder in use is not running (docker buildx du would start it)' : null;
    await guarded('resources', () => runResourceChecks(docker, {
        warnFreeBytes: options.warnFreeBytes ?? DEFAULT_RESOURCE_OPTIONS.warnFreeBytes,
        failFreeBytes: options.failFreeBytes ?? DEFAULT_RESOURCE_OPTIONS.failFreeBytes,
        skipCacheReason,
    }));
    await guarded('registry', async () => {
        const { images, source } = imagesToCheck(options);
        if (images.length === 0 && source)
            return { checks: [source], findings: [] };
        const manifests = await runRegistryChecks(docker, images);
        const packages = await runPackageChecks(options.github ?? NO_GITHUB, images);
        const logins = ghcrLogins(readWorkflows({ workspace: options.workspace, files: options.workflows }));
        const push = await runPushRightsChecks(options.github ?? NO_GITHUB, images, logins);
        const parts = [manifests, packages, push];
        return { checks: [...(source ? [source] : []), ...parts.flatMap((p) => p.checks)], findings: parts.flatMap((p) => p.findings) };
    });
    return { checks, findings: rankFindings(findings) };
}
/**
 * The images given (the input, a past run's tags), else those the workflows' metadata-action steps
 * name, with the tags they get on main; then a row says where they came from and what was left out.
 */
function imagesToCheck(options) {
    if (options.images.length > 0)
        return { images: options.images, source: null };
    const found = imagesFromWorkflows({ workspace: options.workspace, files: options.workflows, repository: options.repository ?? null });
    if (found.images.length === 0 && found.skipped.length === 0)
        return { images: [], source: null };
    const left = found.skipped.length > 0 ? `; left out: ${found.skipped.join('; ')}` : '';
    const source = found.images.length > 0
        ? {
            id: 'registry.images',
            status: 'pass',
            title: 'Images to check',
            detail: `from docker/metadata-action (${found.sources.join(', ')}), tagged as on a push to main: ${found.images.join(', ')}${left}`,
        }
        : {
            id: 'registry.images',
            status: 'skipped',
            title: 'Images to check',
            detail: `none could be read from docker/metadata-action${left} (give them with --image or the images input)`,
        };
    return { images: found.images, source };
}
function titleOf(group) {
    return { workflow: 'Workflow files', builder: 'Builder', resources: 'Runner resources', registry: 'Registry' }[group];
}
/** Errors first, then warnings, then notices; the order of the checks within a severity. */
function rankFindings(findings) {
    const order = { error: 0, warning: 1, notice: 2 };
    return findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => order[a.f.severity] - order[b.f.severity] || a.i - b.i)
        .map(({ f }) => f);
}

// EXTERNAL MODULE: ./src/report/json-report.ts
var json_report = __webpack_require__(4225);
;// CONCATENATED MODULE: ./src/doctor/render.ts



// The doctor's report in the three forms: the terminal, Markdown (job summary) and JSON. Check details
// carry command output (builder names, registry errors): redacted, and escaped for Markdown.
/** Findings shown in full in Markdown; the JSON report has all of them. */
const MAX_MARKDOWN_FINDINGS = 30;
const STATUS_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };
const STATUS_ICON = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };
function renderDoctorText(report) {
    const lines = ['buildx-doctor doctor', ''];
    for (const c of report.checks)
        lines.push(`${STATUS_WORD[c.status]}  ${c.title}: ${(0,redact/* redact */.E)(c.detail)}`);
    if (report.findings.length > 0) {
        lines.push('', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`);
        for (const f of report.findings) {
            const where = f.locations?.[0] ? ` (${f.locations[0].file}:${f.locations[0].line})` : '';
            lines.push('', `${f.severity.toUpperCase()} ${f.id}${where}: ${(0,redact/* redact */.E)(f.title)}`, ...f.fix.split('\n').map((l) => `    ${l}`));
        }
    }
    lines.push('', summaryLine(report.checks));
    return `${lines.join('\n')}\n`;
}
/** The fix of each finding is Markdown buildx-doctor wrote (workflow text only inside code blocks). */
function renderDoctorMarkdown(report, heading = '##', problems = []) {
    const out = [`${heading} buildx-doctor: doctor`, '', summaryLine(report.checks), ''];
    for (const problem of problems)
        out.push(`> [!WARNING]\n> ${(0,markdown/* escapeText */.X1)((0,redact/* redact */.E)(problem))}`, '');
    out.push('| Status | Check | Detail |', '| --- | --- | --- |');
    for (const c of report.checks)
        out.push(`| ${STATUS_ICON[c.status]} | ${(0,markdown/* escapeCell */.kq)(c.title)} | ${(0,markdown/* escapeCell */.kq)((0,redact/* redact */.E)(c.detail))} |`);
    // Each finding's fix is short, but a repository of many workflows must not fill the summary.
    for (const f of report.findings.slice(0, MAX_MARKDOWN_FINDINGS))
        out.push('', findingMarkdown(f, `${heading}#`));
    const rest = report.findings.length - MAX_MARKDOWN_FINDINGS;
    if (rest > 0)
        out.push('', `…and ${rest} more finding${rest === 1 ? '' : 's'} in the JSON report.`);
    return `${out.join('\n')}\n`;
}
function findingMarkdown(f, heading) {
    const where = f.locations?.[0] ? ` (${(0,markdown/* inlineCode */.ti)(`${f.locations[0].file}:${f.locations[0].line}`)})` : '';
    return `${heading} ${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${(0,markdown/* inlineCode */.ti)(f.id)}: ${(0,markdown/* escapeText */.X1)((0,redact/* redact */.E)(f.title))}${where}\n\n${f.fix}`;
}
function summaryLine(checks) {
    const count = (s) => checks.filter((c) => c.status === s).length;
    return `${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skipped')} skipped`;
}
/** The `doctor` section of a report: the checks, redacted. */
function doctorChecksJson(report) {
    return report.checks.map((c) => ({ id: c.id, status: c.status, title: c.title, detail: (0,redact/* redact */.E)(c.detail) }));
}
/** The CLI's JSON: `{schemaVersion, tool, doctor: {checks}, findings}`. */
function doctorJson(report) {
    return { schemaVersion: json_report/* SCHEMA_VERSION */.f$, tool: (0,json_report/* toolJson */.V4)(), doctor: { checks: doctorChecksJson(report) }, findings: report.findings.map(json_report/* findingJson */.aO) };
}

// EXTERNAL MODULE: ./src/input/log-source.ts
var log_source = __webpack_require__(2310);
// EXTERNAL MODULE: ./src/parse/parse-source.ts + 38 modules
var parse_source = __webpack_require__(5159);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/doctor-command.ts













/** The GitHub API's time budget for the doctor: a few lookups per image, retries included. */
const API_BUDGET_MS = 60_000;
async function runDoctorCommand(args, io) {
    let options;
    try {
        if (args.includes('--help') || args.includes('-h')) {
            await io.stdout(`${usage/* DOCTOR_USAGE */.E}\n`);
            return 0;
        }
        options = parseDoctorArgs(args);
    }
    catch (error) {
        io.stderr(`${version/* TOOL_NAME */.l}: ${(0,errors/* describeError */.U)(error)}\n${usage/* DOCTOR_USAGE */.E.split('\n')[0]}\n`);
        return 2;
    }
    let pastRun = null;
    if (options.log) {
        const parsed = await (0,parse_source/* parseSource */.P)((0,log_source/* fileSource */.IO)(options.log));
        if (parsed.builds.length === 0 && parsed.problems.length > 0) {
            io.stderr(`${version/* TOOL_NAME */.l}: --log ${options.log}: ${parsed.problems[0].message}\n`);
            return 2;
        }
        pastRun = versionsOfBuilds(parsed.builds, options.log);
    }
    const report = await runDoctor({ ...options, pastRun, github: await githubAccess(options.githubToken) });
    const json = `${JSON.stringify(doctorJson(report), null, 2)}\n`;
    if (options.reportFile) {
        try {
            await (0,promises_.writeFile)(options.reportFile, json);
        }
        catch (error) {
            io.stderr(`${version/* TOOL_NAME */.l}: could not write the report to ${options.reportFile}: ${(0,errors/* describeError */.U)(error)}\n`);
            return 2;
        }
    }
    if (options.format === 'json')
        await io.stdout(json);
    else if (options.format === 'markdown')
        await io.stdout(renderDoctorMarkdown(report));
    else
        await io.stdout(renderDoctorText(report));
    return (0,fail_policy/* shouldFail */.W)(report.findings, options.failOn) ? 1 : 0;
}
/** The API client when a token is given; else why not, for the checks that need it. */
async function githubAccess(token) {
    if (!token)
        return { client: null, reason: 'no token (set GITHUB_TOKEN or give --github-token)' };
    const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    if (!/^https?:\/\/[^\s]+$/i.test(apiUrl))
        return { client: null, reason: 'GITHUB_API_URL is not an http(s) URL' };
    return { client: await createClient({ token, apiUrl, budgetMs: API_BUDGET_MS, retries: 2 }) };
}
function gigabytes(flag, text) {
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0)
        throw new errors/* InputError */.d(`${flag} must be a number of GiB, not "${text}"`);
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
        warnFreeBytes: DEFAULT_RESOURCE_OPTIONS.warnFreeBytes,
        failFreeBytes: DEFAULT_RESOURCE_OPTIONS.failFreeBytes,
        githubToken: process.env.GITHUB_TOKEN ?? '',
        repository: process.env.GITHUB_REPOSITORY || null,
    };
    for (const arg of (0,cli_args/* readArgs */.i)(args, DOCTOR_OPTIONS)) {
        if (arg.kind === 'positional')
            throw new errors/* InputError */.d(`unexpected argument "${arg.value}" (workflow files go after --workflow)`);
        switch (arg.flag) {
            case '--workflow':
                options.workflows.push(arg.value);
                break;
            case '--workspace':
                options.workspace = arg.value;
                break;
            case '--skip':
                try {
                    for (const group of parseSkip(arg.value))
                        options.skip.add(group);
                }
                catch (error) {
                    throw new errors/* InputError */.d(`--skip: ${(0,errors/* describeError */.U)(error)}`);
                }
                break;
            case '--image':
                options.images.push(arg.value);
                break;
            case '--format': {
                const format = arg.value;
                if (format !== 'text' && format !== 'markdown' && format !== 'json')
                    throw new errors/* InputError */.d(`--format must be text, markdown or json, not "${format}"`);
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
                options.failOn = (0,fail_policy/* parseFailOn */.X)(arg.value);
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
                    throw new errors/* InputError */.d(`--repository must be OWNER/NAME, not "${repository}"`);
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
