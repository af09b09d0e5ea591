export const id = 594;
export const ids = [594];
export const modules = {

/***/ 5594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   safeFetch: () => (/* binding */ safeFetch)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);

/** Whether a response's connection closes after it, and how long its body says it is. */
function framing(rawHeaders) {
    let closes = false;
    let length = null;
    let chunked = false;
    const list = rawHeaders ?? [];
    for (let i = 0; i + 1 < list.length; i += 2) {
        const name = String(list[i]).toLowerCase();
        const value = String(list[i + 1]).toLowerCase();
        if (name === 'connection' && value.split(',').some((v) => v.trim() === 'close'))
            closes = true;
        else if (name === 'content-length' && /^\d+$/.test(value.trim()))
            length = Number(value.trim());
        else if (name === 'transfer-encoding' && value.includes('chunked'))
            chunked = true;
    }
    return { closes, length, chunked };
}
/** Wraps a dispatch handler so that undici's parser is never paused where a closing socket would crash it. */
function neverPausedAtTheEnd(handler) {
    // The wrapper inherits the handler's own methods and state (fetch's handler keeps state on `this`).
    const wrapper = Object.create(handler);
    let unbounded = false;
    let remaining = null;
    wrapper.onHeaders = function (statusCode, rawHeaders, resume, statusText) {
        const { closes, length, chunked } = framing(rawHeaders);
        // No length and no chunks: the body ends when the connection closes (HTTP/1.0 style).
        unbounded = closes || (length === null && !chunked);
        remaining = length;
        return handler.onHeaders.call(this, statusCode, rawHeaders, resume, statusText);
    };
    wrapper.onData = function (chunk) {
        const goOn = handler.onData.call(this, chunk);
        if (remaining !== null)
            remaining -= chunk.length;
        if (unbounded || (remaining !== null && remaining <= 0))
            return true;
        return goOn;
    };
    return wrapper;
}
let dispatcher = null;
/** One connection pool for the run, through the runner's proxy when one is set (HTTPS_PROXY, NO_PROXY). */
function safeDispatcher() {
    if (dispatcher)
        return dispatcher;
    const env = process.env;
    const proxied = Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
    const base = proxied ? new undici__WEBPACK_IMPORTED_MODULE_0__.EnvHttpProxyAgent() : new undici__WEBPACK_IMPORTED_MODULE_0__.Agent();
    dispatcher = base.compose((dispatch) => (options, handler) => dispatch(options, neverPausedAtTheEnd(handler)));
    return dispatcher;
}
/**
 * `fetch` for Octokit: undici's, through the dispatcher above. A JSON answer is read here, whole:
 * Octokit reads it with `text()` and takes a failure for an empty body, so a connection reset in
 * the middle of a list of jobs would read as "no jobs". Read here, it is a network error, which
 * Octokit retries. Anything else (a job's log) still streams.
 */
const safeFetch = (async (input, init) => {
    const response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.fetch)(input, { ...init, dispatcher: safeDispatcher() });
    if (!/^application\/(?:[\w.+-]*\+)?json\b/i.test(response.headers.get('content-type') ?? '')) {
        // undici cancels the body of a Response that is garbage collected before its body is read, and
        // Octokit keeps only `response.body` of a log: a collection between the answer and the first
        // read (the parser busy with another job's log) made the log read as empty, so it was
        // downloaded again. The body now holds its Response: both live while the body is in use.
        if (response.body)
            Object.defineProperty(response.body, RESPONSE_OF_BODY, { value: response });
        return response;
    }
    const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
    const copy = new undici__WEBPACK_IMPORTED_MODULE_0__.Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
});
/** Where a streamed body keeps its Response (see safeFetch). */
const RESPONSE_OF_BODY = Symbol('buildx-doctor.response');
const NULL_BODY = new Set([101, 103, 204, 205, 304]);


/***/ })

};
