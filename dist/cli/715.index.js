export const id = 715;
export const ids = [715];
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

/***/ 5715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  measureImages: () => (/* binding */ measureImages)
});

// UNUSED EXPORTS: describeFailure

// EXTERNAL MODULE: ./src/buildx/docker-login.ts
var docker_login = __webpack_require__(2334);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/buildx/docker-cli.ts
var docker_cli = __webpack_require__(5037);
// EXTERNAL MODULE: ./src/reference/image-reference.ts
var image_reference = __webpack_require__(5676);
// EXTERNAL MODULE: ./src/text/bytes.ts
var bytes = __webpack_require__(1080);
;// CONCATENATED MODULE: ./src/buildx/imagetools.ts
// Reading manifests through Docker's own client: `docker buildx imagetools inspect --raw REF` prints
// the manifest or index exactly as the registry stores it, and Docker brings everything needed to get
// it: credentials (config, credential helpers), mirrors, proxies and certificates. No daemon needed.
// Every failure becomes an ImageSizeError whose message is one line in words.




/** Why an image could not be measured, in one line (no stack, no secret). */
class ImageSizeError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'ImageSizeError';
    }
}
/** The last `ERROR: ...` line docker printed (or its first line: docker's own usage errors), without the prefix. */
function dockerSaid(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const error = [...lines].reverse().find((l) => /^ERROR:/.test(l)) ?? lines[0] ?? '';
    return (0,bytes/* oneLine */.TN)(error.replace(/^ERROR:\s*/, ''), 240);
}
/** Docker's words, sorted into what the report says about them. */
function classifyFailure(name, registry, stderr, exitCode) {
    const said = dockerSaid(stderr) || `exit code ${exitCode}`;
    if (/unknown command|is not a docker command|unknown flag: --raw/i.test(said)) {
        return new ImageSizeError('docker', `docker buildx imagetools is not available (${said})`);
    }
    if (/\b(?:401|403)\b|unauthorized|authorization failed|authentication required|no basic auth credentials|denied|forbidden/i.test(said)) {
        return new ImageSizeError('auth', `${registry} refused access to ${name} (${said})`);
    }
    if (/toomanyrequests|\b429\b|rate limit/i.test(said))
        return new ImageSizeError('rate-limited', `${registry} is rate limiting (${said})`);
    if (/connection refused|no such host|network is unreachable|no route to host|dial tcp|connection reset|EOF$|timeout/i.test(said)) {
        return new ImageSizeError('unreachable', `cannot reach ${registry} (${said})`);
    }
    if (/not found|manifest unknown|name unknown/i.test(said))
        return new ImageSizeError('not-found', `${name} was not found in the registry (${said})`);
    return new ImageSizeError('docker', `docker buildx imagetools inspect ${name} failed (${said})`);
}
async function imagetools(args, name, registry, options) {
    let result;
    try {
        result = await (0,docker_cli/* docker */.T)(['buildx', 'imagetools', 'inspect', ...args, name], { env: options.env, timeoutMs: options.timeoutMs });
    }
    catch (error) {
        if (error instanceof docker_cli/* DockerMissingError */.$)
            throw new ImageSizeError('docker', `docker CLI not found (${error.message})`);
        throw new ImageSizeError('timeout', `${registry} did not answer within ${Math.round(options.timeoutMs / 1000)} s (docker buildx imagetools inspect was stopped)`);
    }
    if (result.exitCode !== 0)
        throw classifyFailure(name, registry, result.stderr, result.exitCode);
    return result.stdout;
}
/** Why docker cannot read manifests here (no docker, no buildx), or null when `docker buildx` answers. */
async function imagetoolsProblem(env, timeoutMs) {
    try {
        const result = await (0,docker_cli/* docker */.T)(['buildx', 'version'], { env, timeoutMs });
        if (result.exitCode === 0)
            return null;
        return `docker buildx is not available (${(0,bytes/* oneLine */.TN)(result.stderr, 200) || `exit code ${result.exitCode}`})`;
    }
    catch (error) {
        if (error instanceof docker_cli/* DockerMissingError */.$)
            return 'not measured: docker CLI not found';
        return `docker buildx did not answer within ${Math.round(timeoutMs / 1000)} s`;
    }
}
/** The manifest or index `name` names, as the registry's bytes (its sha256 is its digest). */
function inspectRaw(name, registry, options) {
    return imagetools(['--raw'], name, registry, options);
}
/** The image config (`os`, `architecture`, `variant`, ...) of a single-platform manifest. */
async function inspectConfig(name, registry, options) {
    const text = await imagetools(['--format', '{{json .Image}}'], name, registry, options);
    try {
        return JSON.parse(text);
    }
    catch {
        throw new ImageSizeError('bad-manifest', `the image config of ${name} is not JSON`);
    }
}
/** At most `limit` of `fn` running at once. */
function limiter(limit) {
    let running = 0;
    const waiting = [];
    return async (fn) => {
        if (running >= limit)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await fn();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}
/**
 * Manifests of one measuring run: a bounded number of docker processes at once, each registry with
 * its environment (a temporary login, or Docker's own), and a registry that did not answer is not
 * asked again (its other images fail at once, the same way, instead of each waiting the time limit).
 */
class ManifestReader {
    envOf;
    timeoutMs;
    refused;
    run;
    down = new Map();
    constructor(envOf, timeoutMs, concurrency, 
    /** Registry -> why it cannot be read at all (a refused login). */
    refused = new Map()) {
        this.envOf = envOf;
        this.timeoutMs = timeoutMs;
        this.refused = refused;
        this.run = limiter(concurrency);
    }
    /** The manifest or index `ref` names, parsed, and its digest (the sha256 of the registry's bytes). */
    async manifest(ref) {
        const refused = this.refused.get(ref.registry);
        if (refused)
            throw new ImageSizeError('auth', refused);
        const known = this.down.get(ref.registry);
        if (known)
            throw known;
        const name = (0,image_reference/* formatReference */.FH)(ref);
        let text;
        try {
            text = await this.run(() => inspectRaw(name, ref.registry, { env: this.envOf(ref.registry), timeoutMs: this.timeoutMs }));
        }
        catch (error) {
            if (error instanceof ImageSizeError && (error.kind === 'unreachable' || error.kind === 'timeout'))
                this.down.set(ref.registry, error);
            throw error;
        }
        try {
            return { body: JSON.parse(text), digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('hex')}` };
        }
        catch {
            throw new ImageSizeError('bad-manifest', `the manifest of ${name} is not JSON`);
        }
    }
    /** The image config of a single-platform manifest, null when it cannot be read. */
    async config(ref) {
        try {
            return await this.run(() => inspectConfig((0,image_reference/* formatReference */.FH)(ref), ref.registry, { env: this.envOf(ref.registry), timeoutMs: this.timeoutMs }));
        }
        catch {
            return null;
        }
    }
}

;// CONCATENATED MODULE: ./src/registry/manifest.ts
// What manifests say, read defensively: index entries (platforms, attestations) and the compressed
// size of an image manifest (config.size plus layers[].size, as the manifest states them). The media
// type comes from the manifest's own field, else from its shape (umoci writes none).


const bad = (message) => new ImageSizeError('bad-manifest', message);
function manifestKind(body) {
    const shape = (body ?? {});
    const type = typeof shape.mediaType === 'string' ? shape.mediaType : '';
    if (/manifest\.list\.v2\+json$|image\.index\.v1\+json$/.test(type))
        return 'index';
    if (/distribution\.manifest\.v2\+json$|image\.manifest\.v1\+json$/.test(type))
        return 'image';
    if (shape.schemaVersion === 1 || Array.isArray(shape.fsLayers) || /manifest\.v1\+(?:pretty)?jws|manifest\.v1\+json$/.test(type))
        return 'schema1';
    if (type !== '')
        return 'other';
    if (Array.isArray(shape.manifests))
        return 'index';
    return Array.isArray(shape.layers) ? 'image' : 'other';
}
/** An index entry or manifest that is a container image (not an artifact), by its media type when it has one. */
function isImageType(mediaType) {
    return (mediaType === null || /distribution\.manifest\.v2\+json$|image\.manifest\.v1\+json$|container\.image\.v1\+json$|image\.config\.v1\+json$/.test(mediaType));
}
function isIndexType(mediaType) {
    return mediaType !== null && /manifest\.list\.v2\+json$|image\.index\.v1\+json$/.test(mediaType);
}
function readPlatform(value) {
    if (!value || typeof value !== 'object')
        return null;
    const { os, architecture, variant } = value;
    if (typeof os !== 'string' || typeof architecture !== 'string' || os === '' || architecture === '')
        return null;
    return typeof variant === 'string' && variant !== '' ? { os, architecture, variant } : { os, architecture };
}
/** `linux/arm64/v8`, `linux/amd64`. */
function formatPlatform(platform) {
    return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}
function readDescriptor(value, where) {
    if (!value || typeof value !== 'object')
        throw bad(`${where} is not a descriptor`);
    const { mediaType, digest, size, platform, annotations } = value;
    if (typeof digest !== 'string' || !image_reference/* DIGEST */.Dh.test(digest))
        throw bad(`${where} has no valid digest`);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw bad(`${where} has no valid size`);
    const notes = {};
    if (annotations && typeof annotations === 'object')
        for (const [k, v] of Object.entries(annotations))
            if (typeof v === 'string')
                notes[k] = v;
    return {
        mediaType: typeof mediaType === 'string' && mediaType !== '' ? mediaType : null,
        digest,
        size,
        platform: readPlatform(platform),
        annotations: notes,
    };
}
/** The entries of an index or manifest list. */
function indexEntries(body) {
    const manifests = body?.manifests;
    if (!Array.isArray(manifests))
        throw bad('the index has no `manifests` list');
    return manifests.map((entry, i) => readDescriptor(entry, `index entry ${i + 1}`));
}
/** BuildKit's attestation manifests: annotation `vnd.docker.reference.type`, platform `unknown/unknown`. */
function isAttestationEntry(entry) {
    if (entry.annotations['vnd.docker.reference.type'] === 'attestation-manifest')
        return true;
    return entry.platform !== null && entry.platform.os === 'unknown' && entry.platform.architecture === 'unknown';
}
/** An image manifest's compressed size, config.size + the sum of layers[].size as it states them, and its config's media type. */
function imageManifestSize(body) {
    const { config, layers } = (body ?? {});
    if (config === undefined)
        throw bad('the image manifest has no config');
    if (!Array.isArray(layers))
        throw bad('the image manifest has no `layers` list');
    const configDescriptor = readDescriptor(config, 'the config descriptor');
    const bytes = layers.reduce((sum, layer, i) => sum + readDescriptor(layer, `layer ${i + 1}`).size, configDescriptor.size);
    if (!Number.isSafeInteger(bytes))
        throw bad('the manifest states sizes too large to add up');
    return { bytes, configType: configDescriptor.mediaType };
}

;// CONCATENATED MODULE: ./src/registry/sizes.ts
// Image sizes per platform, and their change against a baseline tag. BuildKit does not report sizes,
// so each pushed image's index (or manifest) and each platform's manifest are read through Docker's
// CLI (`docker buildx imagetools inspect --raw`), and config.size + layers[].size are added up.
// Failure is information, not an exception: an image that cannot be measured gets
// `unavailable: "size unavailable: <reason>"`, and the others go on.





/** A one-line reason for any failure, never a stack trace. */
function describeFailure(error) {
    if (error instanceof ImageSizeError || error instanceof image_reference/* InvalidReferenceError */.x_)
        return (0,bytes/* oneLine */.TN)(error.message, 300);
    return (0,bytes/* oneLine */.TN)(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, 300);
}
/**
 * Measures each image: per platform, the compressed size, and with `baselineTag`, the size of the same
 * platform at `repository:baselineTag`. Never throws for an image: see `unavailable` and
 * `baselineUnavailable`. Results are in the order of `images`.
 */
async function measureImages(images, options = {}) {
    const baseEnv = options.env ?? process.env;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const baselineTag = options.baselineTag?.trim() || null;
    // What to ask for, per image, before anything runs: invalid references need no docker.
    const plans = images.map((image) => {
        const result = { ref: image.ref, digest: image.digest ?? null, platforms: [], unavailable: null, baselineUnavailable: null };
        try {
            if (image.pushed === false)
                throw new ImageSizeError('docker', 'the image was not pushed');
            let ref = (0,image_reference/* parseReference */.F2)(image.ref);
            if (image.digest) {
                if (!image_reference/* DIGEST */.Dh.test(image.digest))
                    throw new ImageSizeError('docker', `${JSON.stringify((0,bytes/* oneLine */.TN)(image.digest, 80))} is not a digest`);
                ref = { ...ref, digest: image.digest };
            }
            let baseline = null;
            try {
                baseline = baselineTag ? (0,image_reference/* withTag */.Rd)(ref, baselineTag) : null;
            }
            catch (error) {
                result.baselineUnavailable = `baseline: ${describeFailure(error)}`;
            }
            return { result, ref, baseline };
        }
        catch (error) {
            result.unavailable = `size unavailable: ${describeFailure(error)}`;
            return { result, ref: null, baseline: null };
        }
    });
    const wanted = plans.filter((p) => p.ref !== null);
    if (wanted.length === 0)
        return plans.map((p) => p.result);
    const problem = await imagetoolsProblem(baseEnv, timeoutMs);
    if (problem) {
        for (const p of wanted)
            p.result.unavailable = `size unavailable: ${problem}`;
        return plans.map((p) => p.result);
    }
    // Logins Docker does not have (explicit credentials, the job token for ghcr.io) in a temporary config.
    const registries = [...new Set(wanted.map((p) => p.ref.registry))];
    const logins = (0,docker_login/* neededLogins */.Ol)(registries, options.credentials ?? [], options.githubToken ?? null, options.githubUsername ?? null, baseEnv);
    const temporary = logins.length > 0 ? await (0,docker_login/* loginToTemporaryConfig */.G4)(logins, baseEnv, timeoutMs) : null;
    const envOf = (registry) => (temporary && logins.some((l) => l.registry === registry) ? temporary.env : baseEnv);
    const reader = new ManifestReader(envOf, timeoutMs, options.concurrency ?? 4, temporary?.refused);
    const platformOf = async (ref) => {
        const platform = readPlatform(await reader.config(ref));
        return platform ? formatPlatform(platform) : 'unknown';
    };
    const walk = async (ref, body, depth) => {
        const entries = indexEntries(body).filter((entry) => !isAttestationEntry(entry));
        const found = await Promise.all(entries.map(async (entry) => {
            const at = (0,image_reference/* withDigest */.hQ)(ref, entry.digest);
            const manifest = isIndexType(entry.mediaType) || isImageType(entry.mediaType) ? await reader.manifest(at) : null; // else an artifact
            if (manifest && manifestKind(manifest.body) === 'index')
                return depth < 2 ? walk(at, manifest.body, depth + 1) : [];
            if (!manifest || manifestKind(manifest.body) !== 'image')
                return [];
            const image = imageManifestSize(manifest.body);
            if (!entry.platform && !isImageType(image.configType))
                return [];
            const platform = entry.platform ? formatPlatform(entry.platform) : await platformOf(at);
            return platform === 'unknown/unknown' ? [] : [{ platform, digest: entry.digest, compressedBytes: image.bytes }];
        }));
        return found.flat();
    };
    const resolve = async (ref) => {
        const top = await reader.manifest(ref);
        const name = (0,image_reference/* formatReference */.FH)(ref);
        const kind = manifestKind(top.body);
        if (kind === 'index') {
            const platforms = await walk(ref, top.body, 1);
            if (platforms.length === 0)
                throw new ImageSizeError('bad-manifest', `the index of ${name} lists no image for a platform (only attestations or artifacts)`);
            return { digest: top.digest, platforms };
        }
        if (kind === 'image') {
            const image = imageManifestSize(top.body);
            if (!isImageType(image.configType))
                throw new ImageSizeError('bad-manifest', `${name} is not a container image (its config is ${(0,bytes/* oneLine */.TN)(image.configType ?? '', 80)})`);
            return { digest: top.digest, platforms: [{ platform: await platformOf(ref), digest: top.digest, compressedBytes: image.bytes }] };
        }
        if (kind === 'schema1')
            throw new ImageSizeError('bad-manifest', `${name} has a Docker schema 1 manifest, which states no layer sizes`);
        throw new ImageSizeError('bad-manifest', `${name} has a manifest of unknown type`);
    };
    const lookups = new Map();
    const lookup = (ref) => {
        const key = (0,image_reference/* formatReference */.FH)(ref);
        if (!lookups.has(key))
            lookups.set(key, resolve(ref));
        lookups.get(key).catch(() => undefined); // awaited by every user; never an unhandled rejection
        return lookups.get(key);
    };
    try {
        await Promise.all(wanted.map(async ({ result, ref, baseline }) => {
            const [current, base] = await Promise.allSettled([lookup(ref), baseline ? lookup(baseline) : Promise.resolve(null)]);
            if (current.status === 'rejected') {
                result.unavailable = `size unavailable: ${describeFailure(current.reason)}`;
                return;
            }
            result.digest = result.digest ?? current.value.digest;
            if (base.status === 'rejected')
                result.baselineUnavailable = `baseline ${baselineTag}: ${describeFailure(base.reason)}`;
            const basePlatforms = base.status === 'fulfilled' ? base.value?.platforms : undefined;
            result.platforms = current.value.platforms.map((p) => ({
                ...p,
                baselineBytes: basePlatforms?.find((b) => b.platform === p.platform)?.compressedBytes ?? null,
            }));
        }));
    }
    finally {
        temporary?.remove();
    }
    return plans.map((p) => p.result);
}


/***/ })

};
