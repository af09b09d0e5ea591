#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.parse = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/input/errors.ts
/**
 * A problem with what the user gave us (a missing file, an empty or binary log, a bad input value).
 * It is reported as one line, never as a stack trace.
 */
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/** One line for a person, whatever was thrown. */
function describeError(error) {
    if (error instanceof Error)
        return error.message.split('\n')[0] ?? String(error);
    return String(error).split('\n')[0] ?? 'unknown error';
}

;// CONCATENATED MODULE: ./src/input/line-reader.ts


const DEFAULT_LINE_READER_OPTIONS = {
    // BuildKit lines are short; the longest real ones (build-push-action's metadata JSON, a
    // `docker buildx build` command line) stay well under this.
    maxLineBytes: 64 * 1024,
    maxJsonLineBytes: 8 * 1024 * 1024,
    sniffBytes: 8 * 1024,
};
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const OPEN_BRACE = 0x7b;
/**
 * Splits a byte stream into lines and hands each to `onLine` as soon as it is complete.
 * Memory is bounded by the chunk size plus `maxLineBytes`, whatever the size of the input or of a
 * single line. Push-based rather than an async iterator: it is the hot path of every analysis.
 *
 * Line breaks are LF and CRLF, and a lone CR too: a file written with CR alone (old Mac tools, some
 * terminal captures) must not become one 64 KiB line. Where a lone CR is a break is told by the
 * file's first line break: when it is a lone CR, every CR is a line of its own (numbered as an
 * editor numbers it); otherwise a lone CR is a terminal's redraw inside a line, and its parts keep
 * that line's number (empty parts are dropped).
 */
async function readLines(chunks, onLine, options = DEFAULT_LINE_READER_OPTIONS) {
    let lineNo = 0;
    let bytes = 0;
    let parts = [];
    let kept = 0;
    let cut = 0;
    let sniffed = 0;
    let cap = options.maxLineBytes;
    /** null until the first line break; then whether a lone CR ends a numbered line. */
    let crEndsLines = null;
    /** The next part belongs to the line already numbered (after a redraw CR). */
    let sameLine = false;
    /** The chunk ended with a CR: whether it is CRLF or a lone CR shows in the next chunk. */
    let pendingCr = false;
    const append = (piece) => {
        if (kept === 0 && cut === 0 && piece.length > 0)
            cap = piece[0] === OPEN_BRACE ? options.maxJsonLineBytes : options.maxLineBytes;
        const room = cap - kept;
        if (piece.length <= room) {
            if (piece.length > 0)
                parts.push(piece);
            kept += piece.length;
        }
        else {
            if (room > 0)
                parts.push(piece.subarray(0, room));
            kept += Math.max(room, 0);
            cut += piece.length - Math.max(room, 0);
        }
    };
    const emit = () => {
        let buffer = parts.length === 1 ? parts[0] : Buffer.concat(parts, kept);
        if (buffer.length > 0 && buffer[buffer.length - 1] === CARRIAGE_RETURN && cut === 0) {
            buffer = buffer.subarray(0, buffer.length - 1);
        }
        if (!sameLine)
            lineNo += 1;
        sameLine = false;
        onLine({ no: lineNo, text: buffer.toString('utf8'), cutBytes: cut });
        parts = [];
        kept = 0;
        cut = 0;
    };
    /** A line ended by LF or CRLF. */
    const endLine = () => {
        crEndsLines ??= false;
        // The empty rest of a line whose redraws were already given (`text\r\r\n`).
        if (sameLine && kept === 0 && cut === 0) {
            sameLine = false;
            return;
        }
        emit();
    };
    /** A line (or a redraw's part) ended by a lone CR. */
    const endAtLoneCr = () => {
        crEndsLines ??= true;
        if (crEndsLines)
            return emit();
        const empty = kept === 0 && cut === 0;
        if (!empty)
            emit();
        sameLine = true;
    };
    /** Set when the input starts with a UTF-16 byte-order mark: its text is read as UTF-8 from then on. */
    let utf16 = null;
    let first = true;
    for await (const chunk of chunks) {
        let data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (first && data.length > 0) {
            first = false;
            utf16 = utf16Decoder(data);
        }
        // Windows PowerShell 5 writes redirected output as UTF-16 with a BOM: its NUL bytes are text.
        if (utf16)
            data = Buffer.from(utf16.decode(data, { stream: true }), 'utf8');
        if (sniffed < options.sniffBytes) {
            const window = data.subarray(0, options.sniffBytes - sniffed);
            if (window.includes(0)) {
                throw new InputError(`binary data (a NUL byte within the first ${options.sniffBytes} bytes), not a build log`);
            }
            sniffed += window.length;
        }
        if (data.length === 0)
            continue;
        bytes += data.length;
        let start = 0;
        if (pendingCr) {
            pendingCr = false;
            if (data[0] === NEWLINE) {
                endLine();
                start = 1;
            }
            else {
                endAtLoneCr();
            }
        }
        // Most logs have no lone CR: its search is done once a chunk until one is found.
        let cr = data.indexOf(CARRIAGE_RETURN, start);
        for (;;) {
            const end = data.indexOf(NEWLINE, start);
            if (cr !== -1 && cr < start)
                cr = data.indexOf(CARRIAGE_RETURN, start);
            if (cr !== -1 && (end === -1 || cr < end - 1)) {
                // A CR before the next LF, and not the CR of a CRLF.
                append(data.subarray(start, cr));
                start = cr + 1;
                if (start === data.length) {
                    pendingCr = true;
                    break;
                }
                endAtLoneCr();
                continue;
            }
            if (end === -1)
                break;
            append(data.subarray(start, end));
            endLine();
            start = end + 1;
        }
        if (start < data.length)
            append(data.subarray(start));
    }
    const tail = utf16?.decode();
    if (tail)
        append(Buffer.from(tail, 'utf8'));
    if (pendingCr)
        endAtLoneCr();
    else if (kept > 0 || cut > 0)
        emit();
    return { lines: lineNo, bytes };
}
/** A decoder for input that starts with a UTF-16 byte-order mark (which it drops), else null. */
function utf16Decoder(start) {
    if (start.length < 2)
        return null;
    if (start[0] === 0xff && start[1] === 0xfe)
        return new external_node_util_.TextDecoder('utf-16le');
    if (start[0] === 0xfe && start[1] === 0xff)
        return new external_node_util_.TextDecoder('utf-16be');
    return null;
}

;// CONCATENATED MODULE: ./src/decode/timestamp.ts
// GitHub's runner writes `2025-09-24T01:56:21.9780659Z` (seven fractional digits). This runs for
// every line of a log, so it reads digits by char code (no regex, no Date.parse per line) and caches
// the date part, which changes once a day of log.
let cachedDate = '';
let cachedDateMs = 0;
const ZERO = 48;
function digits(text, start, count) {
    let value = 0;
    for (let i = start; i < start + count; i++) {
        const d = text.charCodeAt(i) - ZERO;
        if (d < 0 || d > 9)
            return -1;
        value = value * 10 + d;
    }
    return value;
}
/** Milliseconds since the epoch, or null when `text` is not a runner timestamp. */
function parseRunnerTimestamp(text) {
    // YYYY-MM-DDTHH:MM:SS[.fffffff]Z
    if (text.length < 20 || text.charCodeAt(10) !== 84 /* T */ || text.charCodeAt(text.length - 1) !== 90 /* Z */)
        return null;
    if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
        return null;
    const date = text.slice(0, 10);
    if (date !== cachedDate) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
            return null;
        const dayMs = Date.parse(`${date}T00:00:00Z`);
        if (Number.isNaN(dayMs))
            return null;
        cachedDate = date;
        cachedDateMs = dayMs;
    }
    const h = digits(text, 11, 2);
    const m = digits(text, 14, 2);
    const s = digits(text, 17, 2);
    if (h < 0 || m < 0 || s < 0 || h > 23 || m > 59 || s > 60)
        return null;
    let ms = 0;
    const end = text.length - 1;
    if (end > 19) {
        if (text.charCodeAt(19) !== 46 /* . */ || end === 20)
            return null;
        const fraction = digits(text, 20, Math.min(3, end - 20));
        if (fraction < 0 || digits(text, 20, end - 20) < 0)
            return null;
        ms = end - 20 >= 3 ? fraction : fraction * 10 ** (3 - (end - 20));
    }
    else if (end !== 19) {
        return null;
    }
    return cachedDateMs + ((h * 60 + m) * 60 + s) * 1000 + ms;
}

;// CONCATENATED MODULE: ./src/decode/ci-framing.ts
// What CI systems and copy-paste put in front of the lines a build printed, when the log is not a
// GitHub Actions log (those are decoded by the line decoder itself). Removing it lets the parser
// read a GitLab, Jenkins, Buildkite or CircleCI log, or a paste cut mid-timestamp, like a terminal's.
const PREFIXES = [
    // GitLab: `section_start:1600000000:step_script` / `section_end:...` markers (the `\r\e[0K` after
    // them is already a line break and an ANSI code removed).
    /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?/,
    // GitLab runner 16+ timestamps each line: `2024-01-02T03:04:05.123456Z 00O ` (stream, `+` continues).
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z \d{2}[OE]\+? ?/,
    // Buildkite's timestamp marker, its escape lost in a paste: `_bk;t=1600000000000`.
    /^_bk;t=\d+\u0007?/,
    // TeamCity's build log: `[10:51:35] :\t [Step 2/3] ` (`W:` and `E:` for warnings and errors,
    // `i:` for its own messages); the time goes with the marker, so it comes before Jenkins' below.
    /^\[\d{2}:\d{2}:\d{2}\](?:[WEi]:|\s:)\s*(?:\[Step \d+\/\d+\] ?)?/,
    // Jenkins' timestamper and many tools: `[2023-01-02T03:04:05.678Z] `, `[10:51:35] `, `[10:51:35.123]`.
    /^\[(?:\d{4}-\d{2}-\d{2}[T ])?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\] ?/,
    // A runner timestamp cut at its start by a paste (`.1234567Z `, `3:04:05.1234567Z `).
    /^[\d:T-]{0,19}\.\d{3,9}Z (?=\S)/,
    // Google Cloud Build names the build step before each line: `Step #1 - "build": `, `Step #0: `
    // (never the legacy builder's `Step 3/14 : `, which has no `#`).
    /^Step #\d+(?: - "[^"]*")?: /,
    // AWS CodeBuild and Drone: `[Container] 2023/01/02 03:04:05.678 `.
    /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /,
    // A date and time, then a space: log shippers and exports (`2024-03-01 10:11:12.123 | `,
    // `2024/03/01 10:11:12 UTC `). A program's own dated lines lose only their date.
    /^\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}| UTC)?(?: \|)? /,
    // A date and time, then a tab (Bamboo, TeamCity exports: `09-Apr-2018 05:40:02\t`).
    /^[\w/.:-]{6,12}[ T]\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\t/,
];
// BuildKit's vertex lines pasted as shell comments or Markdown (`# #12 1.542 ...`).
const COMMENTED_VERTEX = /^# (?=#\d+ )/;
// Logs copied from a web page that escaped them (Azure DevOps, some CI exports): `&#x27;`, `&quot;`.
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(quot|amp|lt|gt|apos));/g;
const NAMED = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
/** The line with HTML character references decoded, when a web page escaped it. */
function unescapeEntities(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(ENTITY, (whole, hex, dec, name) => {
        if (name)
            return NAMED[name];
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
/**
 * The line without CI framing. Cheap for the common case: only a line that starts with one of the
 * characters a framing starts with is tested.
 */
function stripCiFraming(text) {
    const first = text.charCodeAt(0);
    if (first === 0x23 /* # */)
        return text.charCodeAt(1) === 0x20 ? text.replace(COMMENTED_VERTEX, '') : text;
    // s(ection), S(tep #), digits, _ (buildkite), [ (brackets), . or : (a cut timestamp)
    if (!(first === 0x73 || first === 0x53 || (first >= 0x30 && first <= 0x39) || first === 0x5f || first === 0x5b || first === 0x2e || first === 0x3a))
        return text;
    let out = text;
    for (const prefix of PREFIXES) {
        const match = prefix.exec(out);
        if (match && match[0].length > 0)
            out = out.slice(match[0].length);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/text/ansi.ts
// Terminal escape sequences in log text.
//
// Node's util.stripVTControlCharacters is not used: its pattern (that of ansi-regex) leaves part of
// an OSC title that contains a space (`\e]0;my build\a`), the whole of an APC sequence (Buildkite's
// `\e_bk;t=...\a` timestamps) and the intermediate bytes of a CSI sequence (`\e[1 q`) in the text.
// __tests__/line-decoder.test.ts shows each case on both.
// CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), APC sequences and the
// two-byte escapes (`\eM`).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]_][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/** The text without its terminal escape sequences. */
function stripAnsi(text) {
    return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

;// CONCATENATED MODULE: ./src/decode/line-decoder.ts



// `gh run view --log`: JOB<TAB>STEP<TAB>[BOM]TIMESTAMP TEXT
const GH_RUN_VIEW = /^([^\t]+)\t([^\t]*)\t\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
// A job log as the API or the web UI gives it: [BOM]TIMESTAMP TEXT
const ACTIONS = /^\uFEFF?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?(.*)$/s;
const RUNNER_COMMAND = /^##\[(group|endgroup|error|warning|notice|debug|section)\]/;
// GitLab runner 16+ writes each line as `TIMESTAMP 00O TEXT` (stream number, O or E, `+` continues).
const GITLAB_STREAM = /^\d{2}[OE]\+? ?/;
/**
 * Turns raw lines into decoded ones. Detection is per line, so files that mix formats (a
 * `gh run view` file with multi-line values, a job log with plain continuation lines) decode
 * correctly; the only state is what a continuation line inherits from the line before it.
 */
class LineDecoder {
    job = null;
    step = null;
    timestamp = null;
    format = 'plain';
    decode(raw) {
        let text = raw.text;
        let format;
        const gh = text.includes('\t') ? GH_RUN_VIEW.exec(text) : null;
        if (gh) {
            format = 'gh-run-view';
            this.job = gh[1];
            this.step = gh[2];
            this.timestamp = parseRunnerTimestamp(gh[3]) ?? this.timestamp;
            text = gh[4];
        }
        else if (this.format === 'gh-run-view' && this.isSameJobStep(text)) {
            // A continuation of a multi-line value: `JOB<TAB>STEP<TAB>TEXT` without a timestamp.
            format = 'gh-run-view';
            text = text.slice(this.job.length + this.step.length + 2);
        }
        else {
            const actions = ACTIONS.exec(text);
            if (actions) {
                format = 'actions';
                this.timestamp = parseRunnerTimestamp(actions[1]) ?? this.timestamp;
                text = actions[2];
                if (this.format === 'gh-run-view')
                    this.job = this.step = null;
                if (text.charCodeAt(2) === 0x4f /* O */ || text.charCodeAt(2) === 0x45 /* E */)
                    text = text.replace(GITLAB_STREAM, '');
            }
            else {
                // No prefix: a continuation line of whatever came before, or a plain BuildKit log.
                format = this.format;
                if (text.charCodeAt(0) === 0xfeff)
                    text = text.slice(1);
            }
        }
        this.format = format;
        // Colours and cursor moves, and Buildkite's APC timestamps (`\e_bk;t=...\a`).
        text = stripAnsi(text);
        // Other CI systems' framing (GitLab sections, Jenkins timestamps, a cut timestamp) on lines
        // that carry no GitHub prefix.
        if (format === 'plain')
            text = stripCiFraming(unescapeEntities(text));
        let command = null;
        if (text.startsWith('##[')) {
            const match = RUNNER_COMMAND.exec(text);
            if (match) {
                command = match[1];
                text = text.slice(match[0].length);
            }
        }
        return {
            no: raw.no,
            text,
            timestamp: format === 'plain' ? null : this.timestamp,
            job: format === 'gh-run-view' ? this.job : null,
            step: format === 'gh-run-view' ? this.step : null,
            command,
            format,
        };
    }
    isSameJobStep(text) {
        if (this.job === null || this.step === null)
            return false;
        return text.startsWith(`${this.job}\t${this.step}\t`);
    }
}

;// CONCATENATED MODULE: ./src/parse/invocation.ts
function emptyInvocation() {
    return { dockerfile: null, platforms: [], cacheFrom: [], cacheTo: [], tags: [], push: false };
}
// `docker build`, `docker buildx build`, `docker buildx bake`, `docker image build`, as the runner echoes
// them (`[command]/usr/bin/docker buildx build ...`) or as a shell prints them (`+ docker build ...`).
// Checked word by word, not with one regular expression: global flags before the subcommand
// (`docker -H unix:///x --debug build`) would otherwise make the pattern backtrack exponentially.
const DOCKER_WORD = /^(?:\[command\]|\+ |\$ )?\S*docker$/;
const GLOBAL_FLAGS_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const MAX_COMMAND_WORDS = 12;
/** Whether a line is a build command being run, which starts a new build. */
function isBuildCommand(text) {
    if (text.length > 16384 || !text.includes('docker'))
        return false;
    const head = text
        .replace(/^(?:\[command\]|\+ |\$ )/, '')
        .trimStart()
        .split(/\s+/, MAX_COMMAND_WORDS);
    if (!DOCKER_WORD.test(head[0] ?? ''))
        return false;
    let i = 1;
    while (i < head.length && head[i].startsWith('-'))
        i += GLOBAL_FLAGS_WITH_VALUE.has(head[i]) ? 2 : 1;
    const [first, second] = [head[i], head[i + 1]];
    if (first === 'build')
        return true;
    if (first === 'buildx')
        return second === 'build' || second === 'b' || second === 'bake';
    return (first === 'builder' || first === 'image') && second === 'build';
}
/** Splits a command line into words, honouring simple quotes. */
function words(text) {
    const out = [];
    const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        out.push(match[1] ?? match[2] ?? match[3] ?? '');
    }
    return out;
}
/** Reads the options buildx-doctor cares about from a build command line. */
function parseBuildCommand(text) {
    const result = emptyInvocation();
    const argv = words(text);
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => inline ?? argv[++i] ?? '';
        switch (flag) {
            case '-f':
            case '--file':
                result.dockerfile = value();
                break;
            case '--platform':
                result.platforms.push(...splitList(value()));
                break;
            case '--cache-from':
                result.cacheFrom.push(value());
                break;
            case '--cache-to':
                result.cacheTo.push(value());
                break;
            case '-t':
            case '--tag':
                result.tags.push(value());
                break;
            case '--push':
                result.push = true;
                break;
            case '--output':
            case '-o': {
                const output = value();
                if (/(?:^|,)push=true/.test(output) || /^type=registry/.test(output))
                    result.push = true;
                break;
            }
            default:
                break;
        }
    }
    return result;
}
/**
 * docker/build-push-action echoes its inputs under `##[group]Run docker/build-push-action@vN` as
 * `  key: value` lines. Returns true when the line was one of the inputs it knows.
 */
function applyActionInput(invocation, text) {
    const match = /^ {2}([a-z-]+): (.*)$/.exec(text);
    if (!match)
        return false;
    const [, key, value] = match;
    switch (key) {
        case 'file':
            invocation.dockerfile = value.trim() || invocation.dockerfile;
            return true;
        case 'platforms':
            invocation.platforms = splitList(value);
            return true;
        case 'cache-from':
            invocation.cacheFrom = value.trim() ? [value.trim()] : [];
            return true;
        case 'cache-to':
            invocation.cacheTo = value.trim() ? [value.trim()] : [];
            return true;
        case 'push':
            invocation.push = value.trim() === 'true';
            return true;
        default:
            return false;
    }
}
function splitList(value) {
    return value
        .split(/[,\s]+/)
        .map((part) => part.trim())
        .filter(Boolean);
}
/** The command line wins; build-push-action's echoed inputs fill what it lacks. */
function mergeInvocations(command, inputs) {
    if (!command)
        return inputs ?? emptyInvocation();
    if (!inputs)
        return command;
    return {
        dockerfile: command.dockerfile ?? inputs.dockerfile,
        platforms: command.platforms.length ? command.platforms : inputs.platforms,
        cacheFrom: command.cacheFrom.length ? command.cacheFrom : inputs.cacheFrom,
        cacheTo: command.cacheTo.length ? command.cacheTo : inputs.cacheTo,
        tags: command.tags.length ? command.tags : inputs.tags,
        push: command.push || inputs.push,
    };
}

;// CONCATENATED MODULE: ./src/parse/vertex-name.ts
// `[linux/arm64 builder  2/15] RUN ...`, `[stage-1 2/2] COPY ...`, `[1/4] FROM ...`,
// `[linux/amd64->arm64 build 3/7] RUN ...` (cross-compiling from the build platform), `[3/?] RUN ...`
// (the legacy builder before Docker 1.13 did not print the number of steps), and docker compose's
// `[web builder 3/5] RUN ...` (the service's name first).
const INSTRUCTION = /^\[([^\]]*?) *(\d+)\/(\d+|\?)\] +([A-Z]+)\b ?(.*)$/s;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?(?:->[a-z0-9_/]+)?$/;
// `[internal] load build context`, `[linux/arm64 internal] load metadata for ...`, `[auth] ...`
const BRACKETED = /^\[(?:([a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?) +)?(internal|auth)\] ?(.*)$/s;
const CACHE_IMPORT = /^importing cache manifest from (\S+)/;
// Exporter vertex names across BuildKit versions; the older ones do not name the backend.
const CACHE_EXPORTS = [
    [/^exporting to GitHub Actions Cache/i, 'gha'],
    [/^exporting cache to GitHub Actions Cache/i, 'gha'],
    [/^exporting cache to registry/i, 'registry'],
    [/^exporting cache to client directory/i, 'local'],
    [/^exporting cache to Amazon S3/i, 's3'],
    [/^exporting cache to Azure Blob Storage/i, 'azblob'],
    [/^exporting cache\b/i, null],
    [/^exporting content cache\b/i, null],
];
const IMAGE_EXPORT = /^(exporting to |copying files\b|exporting layers\b)/;
/** Splits a vertex name into its parts. Never throws: an unknown shape is kind `other`. */
function parseVertexName(name) {
    const base = {
        platform: null,
        stage: null,
        index: null,
        total: null,
        instruction: null,
        command: name,
        kind: 'other',
        cacheKind: null,
        cacheRef: null,
    };
    const instruction = INSTRUCTION.exec(name);
    if (instruction) {
        // Before `n/m`: a platform (it has a slash), then the service (compose) and the stage.
        const words = instruction[1].split(/ +/).filter(Boolean);
        const platform = words.find((w) => PLATFORM.test(w)) ?? null;
        const names = words.filter((w) => w !== platform);
        return {
            ...base,
            platform,
            stage: names[names.length - 1] ?? null,
            index: Number(instruction[2]),
            total: instruction[3] === '?' ? null : Number(instruction[3]),
            instruction: instruction[4],
            command: instruction[5] ?? '',
            kind: 'instruction',
        };
    }
    const bracketed = BRACKETED.exec(name);
    if (bracketed) {
        return { ...base, platform: bracketed[1] ?? null, command: bracketed[3] ?? '', kind: bracketed[2] };
    }
    const cacheImport = CACHE_IMPORT.exec(name);
    if (cacheImport) {
        const ref = cacheImport[1];
        return { ...base, kind: 'cache-import', cacheKind: cacheKindOfRef(ref), cacheRef: ref };
    }
    for (const [pattern, kind] of CACHE_EXPORTS) {
        if (pattern.test(name))
            return { ...base, kind: 'cache-export', cacheKind: kind };
    }
    if (IMAGE_EXPORT.test(name))
        return { ...base, kind: 'export' };
    return base;
}
/** The cache backend of an `importing cache manifest from REF` reference. */
function cacheKindOfRef(ref) {
    const scheme = /^([a-z0-9]+):/.exec(ref);
    if (scheme && ['gha', 'local', 's3', 'azblob'].includes(scheme[1]))
        return scheme[1];
    return 'registry';
}
/** The `type=` of a `--cache-to`/`--cache-from` value (`type=gha,mode=max` -> `gha`). */
function cacheKindOfOption(value) {
    const type = /(?:^|,)type=([a-z0-9]+)/.exec(value);
    if (type)
        return type[1];
    // A bare reference (`--cache-from ghcr.io/org/app:cache`) is a registry cache.
    return value.trim() ? 'registry' : null;
}

;// CONCATENATED MODULE: ./src/text/detach.ts
/**
 * A copy of `text` that no longer shares memory with the string it was cut from. V8 keeps a whole
 * line alive behind any slice or regex capture of it; a build keeps a few strings from thousands of
 * lines, so without copying, its memory would grow with the log instead of with the build.
 * Only for strings that outlive their line: not for the per-line hot path.
 */
function detach(text) {
    return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}

;// CONCATENATED MODULE: ./src/parse/step-budget.ts
/** Steps a build lists one by one; past this, the quickest finished ones are counted instead. */
const MAX_LISTED_STEPS = 1000;
/** Steps are dropped in batches (when twice the limit is reached), so sorting stays cheap. */
const PRUNE_AT = 2 * MAX_LISTED_STEPS;
/** Platforms counted separately in the omitted steps' seconds (a build names a few). */
const MAX_PLATFORMS = 64;
/** Vertex numbers below this are remembered in a bitmap (at most 2 MiB); larger ones in a set. */
const BITMAP_IDS = 1 << 24;
/**
 * A build's budget of listed steps: which steps to drop when there are too many, what is known of
 * the dropped ones (counts and seconds, for the cache ratio and the timing), and their numbers,
 * so that a later line of a dropped step (BuildKit prints a step's header again after it is DONE)
 * does not bring it back as a new step. Memory stays bounded by the limit, not the log.
 */
class StepBudget {
    summary = { count: 0, cached: 0, cacheHits: 0, cacheMisses: 0, platformSeconds: {}, maxSeconds: 0 };
    bitmap = null;
    largeIds = new Set();
    /**
     * The steps to drop from `order` so that at most MAX_LISTED_STEPS stay: the quickest of those
     * that finished well (DONE or CACHED). Failing, unfinished and canceled steps and the export and
     * cache steps are always kept: the reports and the build's status are made from them.
     */
    static choose(order) {
        const droppable = order.filter(isDroppable);
        const room = Math.max(0, MAX_LISTED_STEPS - (order.length - droppable.length));
        if (droppable.length <= room)
            return new Set();
        // Slowest first; among equals the earlier one stays.
        droppable.sort((a, b) => (b.seconds ?? 0) - (a.seconds ?? 0) || a.line - b.line);
        return new Set(droppable.slice(room));
    }
    /** Counts a dropped step and remembers its number. */
    omit(vertex) {
        const s = this.summary;
        s.count++;
        if (vertex.status === 'cached')
            s.cached++;
        const { kind, instruction, platform } = vertex.parsed;
        if (kind === 'instruction' && instruction !== 'FROM') {
            if (vertex.status === 'cached')
                s.cacheHits++;
            else
                s.cacheMisses++;
        }
        if (kind === 'instruction' && vertex.seconds !== null) {
            const key = platform ?? 'default';
            if (key in s.platformSeconds || Object.keys(s.platformSeconds).length < MAX_PLATFORMS)
                s.platformSeconds[key] = (s.platformSeconds[key] ?? 0) + vertex.seconds;
        }
        if (vertex.seconds !== null && vertex.seconds > s.maxSeconds)
            s.maxSeconds = vertex.seconds;
        this.remember(vertex.id);
    }
    /** Whether the step with this number was dropped. */
    has(id) {
        if (this.summary.count === 0)
            return false;
        if (id >= 0 && id < BITMAP_IDS && Number.isInteger(id))
            return this.bitmap !== null && id >> 3 < this.bitmap.length && (this.bitmap[id >> 3] & (1 << (id & 7))) !== 0;
        return this.largeIds.has(id);
    }
    /** What is known of the dropped steps, or null when none was dropped. */
    omitted() {
        if (this.summary.count === 0)
            return null;
        const platformSeconds = {};
        for (const [key, seconds] of Object.entries(this.summary.platformSeconds))
            platformSeconds[key] = Math.round(seconds * 10) / 10;
        return { ...this.summary, platformSeconds };
    }
    remember(id) {
        if (id >= 0 && id < BITMAP_IDS && Number.isInteger(id)) {
            const byte = id >> 3;
            if (this.bitmap === null || byte >= this.bitmap.length) {
                const grown = new Uint8Array(Math.min(BITMAP_IDS >> 3, Math.max(byte + 1, (this.bitmap?.length ?? 0) * 2, 1024)));
                if (this.bitmap)
                    grown.set(this.bitmap);
                this.bitmap = grown;
            }
            this.bitmap[byte] |= 1 << (id & 7);
        }
        else {
            this.largeIds.add(id);
        }
    }
}
function isDroppable(vertex) {
    if (vertex.status !== 'done' && vertex.status !== 'cached')
        return false;
    const kind = vertex.parsed.kind;
    return kind !== 'export' && kind !== 'cache-export' && kind !== 'cache-import';
}

;// CONCATENATED MODULE: ./src/parse/build-steps.ts



/** How many of a step's last output lines are kept while it runs (for error evidence). */
const TAIL_LINES = 30;
const BOOTING = /^\[internal\] booting buildkit/;
/** Stages (per platform) whose last instruction is tracked; a real build has a few dozen. */
const MAX_STAGES_TRACKED = 10_000;
/** The record behind a step handed out as read-only: the same object, writable here only. */
function own(vertex) {
    return vertex;
}
/**
 * The steps of one build and the changes of a step that do not touch the build as a whole (BuildState
 * makes those: a failed step fails the build). Bounded: past the listing limit the quickest steps
 * that finished well are counted instead of kept.
 */
class BuildSteps {
    vertices = new Map();
    /** The steps in the order they appeared, and how many of them export (an image or the cache). */
    order = [];
    exporters = 0;
    /** Steps past the listing limit: counted, not kept. */
    budget = new StepBudget();
    /** For each stage (and platform): its highest instruction number seen, and of how many. */
    stageLast = new Map();
    /** The step with this number, started now if it is new. */
    vertex(id, name, line) {
        const known = this.vertices.get(id);
        if (known)
            return known;
        const text = detach(name);
        const vertex = {
            id,
            name: text,
            parsed: parseVertexName(text),
            status: 'running',
            seconds: null,
            line,
            endLine: null,
            endText: null,
            error: null,
            tail: [],
        };
        this.vertices.set(id, vertex);
        this.order.push(vertex);
        if (vertex.parsed.kind === 'export' || vertex.parsed.kind === 'cache-export')
            this.exporters++;
        this.noteStage(vertex.parsed);
        if (this.vertices.size > PRUNE_AT)
            this.prune();
        return vertex;
    }
    /** The step of this name, or a new one with the next free number. */
    named(name, line) {
        for (const vertex of this.vertices.values())
            if (vertex.name === name)
                return vertex;
        let id = this.vertices.size + 1;
        while (this.vertices.has(id))
            id++;
        return this.vertex(id, name, line);
    }
    /** Whether the step with this number was counted and dropped (past the listing limit). */
    wasOmitted(id) {
        return this.budget.has(id);
    }
    omitted() {
        return this.budget.omitted();
    }
    /**
     * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
     * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
     */
    get hasBuildSteps() {
        for (const vertex of this.vertices.values())
            if (!BOOTING.test(vertex.name))
                return true;
        return false;
    }
    /** Whether any step reported an error (a cache import or export can fail in a successful build). */
    get hasStepErrors() {
        for (const vertex of this.vertices.values())
            if (vertex.status === 'error')
                return true;
        return false;
    }
    /** Every step ended and one of them exported (an image or the cache). */
    get exportedAll() {
        // Asked for every line or object: without an exporter it is answered at once, and steps still
        // running are found from the newest, where they are (not by rescanning every step each time).
        if (this.exporters === 0)
            return false;
        for (let i = this.order.length - 1; i >= 0; i--)
            if (this.order[i].status === 'running')
                return false;
        return true;
    }
    /** A stage stopped before its last instruction (`[2/4]` was the last one printed). */
    get stageUnfinished() {
        for (const stage of this.stageLast.values())
            if (stage.index < stage.total)
                return true;
        return false;
    }
    /** The line that ends the step (its status line), quoted as the step's end. */
    markEnd(vertex, end) {
        own(vertex).endLine = end.line;
        own(vertex).endText = detach(end.text);
    }
    done(vertex, end, seconds) {
        const step = own(vertex);
        this.markEnd(step, end);
        step.status = 'done';
        if (seconds !== null)
            step.seconds = seconds;
        step.tail = [];
    }
    cached(vertex, end, seconds) {
        const step = own(vertex);
        this.markEnd(step, end);
        step.status = 'cached';
        step.seconds = seconds ?? step.seconds ?? 0;
        step.tail = [];
    }
    canceled(vertex, end, seconds) {
        const step = own(vertex);
        this.markEnd(step, end);
        if (step.status !== 'running' && seconds === null)
            return;
        step.status = 'canceled';
        if (seconds !== null)
            step.seconds = seconds;
    }
    /** The step ended with an error; whether that fails the build (a cache import or export does not). */
    failed(vertex, end, seconds, error) {
        const step = own(vertex);
        this.markEnd(step, end);
        step.status = 'error';
        if (seconds !== null)
            step.seconds = seconds;
        if (error !== null)
            step.error = detach(error);
        return !isCacheStep(step);
    }
    /** An error block names the step, without an `ERROR` status line; whether that fails the build. */
    failedByErrorBlock(vertex, line, text) {
        const step = own(vertex);
        if (step.status === 'error')
            return false;
        step.status = 'error';
        step.endLine ??= line;
        step.endText ??= detach(text);
        return !isCacheStep(step);
    }
    restart(vertex) {
        const step = own(vertex);
        step.status = 'running';
        step.seconds = null;
        step.endLine = null;
        step.endText = null;
    }
    output(vertex, evidence) {
        const tail = own(vertex).tail;
        tail.push(evidence);
        if (tail.length > TAIL_LINES)
            tail.shift();
    }
    /** Keeps the highest instruction number of each stage: a log cut between steps shows there. */
    noteStage(parsed) {
        const { kind, index, total, platform, stage } = parsed;
        if (kind !== 'instruction' || index === null || total === null)
            return;
        const key = `${platform ?? ''}|${stage ?? ''}`;
        const last = this.stageLast.get(key);
        if (last === undefined) {
            if (index > 0 && this.stageLast.size < MAX_STAGES_TRACKED)
                this.stageLast.set(key, { index, total });
        }
        else if (last.index < index) {
            last.index = index;
            last.total = total;
        }
    }
    /** Too many steps: the quickest that finished well are counted instead of kept. */
    prune() {
        const drop = StepBudget.choose(this.order);
        if (drop.size === 0)
            return;
        for (const vertex of drop) {
            this.vertices.delete(vertex.id);
            this.budget.omit(vertex);
        }
        this.order = this.order.filter((vertex) => !drop.has(vertex));
    }
}
/** A failed cache import is only a warning for BuildKit, and a failed cache export fails the build only when buildx says so. */
function isCacheStep(step) {
    return step.parsed.kind === 'cache-import' || step.parsed.kind === 'cache-export';
}

;// CONCATENATED MODULE: ./src/parse/build-evidence.ts

/** How many lines of the error block after a failure are kept. */
const ERROR_DETAIL_LINES = 200;
const ERROR_LINES = 20;
/** BuildKit's warnings that a cache import found nothing: a few at most. */
const CACHE_WARNINGS = 5;
/**
 * What a build's output quoted as evidence and the images it named: bounded lists, each line detached
 * from the (possibly huge) input line it was sliced from. The base of BuildState.
 */
class BuildEvidence {
    images = new Map();
    errors = [];
    errorDetails = [];
    /** BuildKit's warnings that a cache import found nothing. */
    cacheWarnings = [];
    notes = [];
    addError(evidence) {
        if (this.errors.length < ERROR_LINES && !this.errors.some((e) => e.text === evidence.text)) {
            this.errors.push({ line: evidence.line, text: detach(evidence.text) });
        }
    }
    addCacheWarning(evidence) {
        if (this.cacheWarnings.length < CACHE_WARNINGS)
            this.cacheWarnings.push({ line: evidence.line, text: detach(evidence.text) });
    }
    addErrorDetail(evidence) {
        if (this.errorDetails.length < ERROR_DETAIL_LINES)
            this.errorDetails.push({ line: evidence.line, text: detach(evidence.text) });
    }
    addImage(ref, digest, pushed) {
        const known = this.images.get(ref);
        if (known) {
            known.digest = digest === null ? known.digest : detach(digest);
            known.pushed ||= pushed;
        }
        else {
            const own = detach(ref);
            this.images.set(own, { ref: own, digest: digest === null ? null : detach(digest), pushed });
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/build-model.ts



/** The build's outcome as far as its output tells. */
function buildStatus(state, jobCanceled) {
    if (state.failed)
        return 'failure';
    if (state.canceled || jobCanceled)
        return 'canceled';
    const vertices = [...state.vertices.values()];
    // A failed cache import or export alone does not fail a build (BuildKit goes on; a failing
    // export without ignore-error prints the final ERROR line, which sets `failed`).
    if (vertices.some((v) => v.status === 'error' && v.parsed.kind !== 'cache-import' && v.parsed.kind !== 'cache-export'))
        return 'failure';
    if (vertices.length === 0)
        return 'unknown';
    if (vertices.some((v) => v.status === 'running'))
        return 'unknown';
    if (state.cutBetweenSteps)
        return 'unknown';
    if (vertices.some((v) => v.status === 'canceled'))
        return 'canceled';
    return 'success';
}
/** The build model the reports read, made from what was gathered while reading. */
function buildModel(state, options) {
    const { invocation } = state;
    const steps = [];
    const imports = [];
    const exports = [];
    const platforms = [];
    for (const vertex of state.vertices.values()) {
        const parsed = vertex.parsed;
        if (parsed.platform && !platforms.includes(parsed.platform))
            platforms.push(parsed.platform);
        if (parsed.kind === 'cache-import') {
            imports.push({ kind: parsed.cacheKind ?? 'unknown', ref: parsed.cacheRef, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
        }
        else if (parsed.kind === 'cache-export') {
            const option = invocation.cacheTo[0] ?? null;
            const kind = parsed.cacheKind ?? (option ? cacheKindOfOption(option) : null) ?? 'unknown';
            exports.push({ kind, ref: option, seconds: vertex.seconds, status: vertex.status, line: vertex.line });
        }
        steps.push({
            id: vertex.id,
            name: vertex.name,
            platform: parsed.platform,
            stage: parsed.stage,
            index: parsed.index,
            total: parsed.total,
            instruction: parsed.instruction,
            command: parsed.command,
            kind: parsed.kind,
            cached: vertex.status === 'cached',
            seconds: vertex.seconds,
            status: vertex.status,
            line: vertex.line,
            endLine: vertex.endLine,
            endText: vertex.endText,
            error: vertex.error,
        });
    }
    for (const platform of invocation.platforms)
        if (!platforms.includes(platform))
            platforms.push(platform);
    const status = state.status(options.jobCanceled);
    const omittedSteps = state.omittedSteps;
    const timed = state.startTs !== null && state.endTs !== null ? round((state.endTs - state.startTs) / 1000) : null;
    return {
        name: options.name,
        origin: options.origin,
        source: options.source,
        job: options.job,
        status,
        jobSeconds: options.jobSeconds,
        buildSeconds: options.buildSeconds !== undefined ? options.buildSeconds : timed,
        platforms,
        nativePlatform: options.nativePlatform,
        request: {
            ...invocation,
            dockerfile: invocation.dockerfile === null ? null : detach(invocation.dockerfile),
            platforms: invocation.platforms.map(detach),
            cacheFrom: invocation.cacheFrom.map(detach),
            cacheTo: invocation.cacheTo.map(detach),
            tags: invocation.tags.map(detach),
        },
        steps,
        cache: state.cacheWarnings.length > 0 ? { imports, exports, warnings: [...state.cacheWarnings] } : { imports, exports },
        images: [...state.images.values()],
        errors: [...state.errors],
        errorDetails: [...state.errorDetails],
        failedStepTail: ([...state.vertices.values()].find((v) => v.status === 'error')?.tail ?? []).map((e) => ({ line: e.line, text: detach(e.text) })),
        firstLine: state.firstLine,
        lastLine: state.lastLine,
        excerpt: [],
        runner: { tokenPermissions: {}, secretSource: null, metadataTemplates: [] },
        withoutBuildKit: state.withoutBuildKit,
        checks: [],
        boundary: { first: { line: state.firstLine, text: detach(state.firstText) }, last: { line: state.lastLine, text: detach(state.lastText) } },
        notes: buildNotes(state, status, steps),
        omittedSteps,
    };
}
/** The build's own notes, then why its status is unknown and what was counted but not listed. */
function buildNotes(state, status, steps) {
    const notes = [...state.notes];
    const running = steps.filter((s) => s.status === 'running').length;
    if (status === 'unknown' && running > 0) {
        notes.push(`the log ends while ${running} step(s) were still running: it may be truncated or the build still in progress`);
    }
    else if (status === 'unknown' && state.cutBetweenSteps) {
        notes.push('the log ends between two steps, before the last instruction and any export: it may be truncated or the build still in progress');
    }
    const omitted = state.omittedSteps;
    if (omitted) {
        notes.push(`${omitted.count} of its ${omitted.count + steps.length} steps (${omitted.cached} cached, none over ${omitted.maxSeconds} s) are counted but not listed: past ${MAX_LISTED_STEPS} steps, only the slowest, failing, unfinished and export steps are kept`);
    }
    return notes;
}
function round(seconds) {
    return Math.round(seconds * 10) / 10;
}

;// CONCATENATED MODULE: ./src/parse/build-state.ts




/**
 * Everything known about one build while its lines are read. Holds per-step summaries and a few
 * bounded buffers, never the log itself. The parsers tell it what the output said (a step started,
 * ended, failed; the build failed, was canceled, its runner step ended) and it keeps the state
 * consistent: nothing outside sets its flags.
 */
class BuildState extends BuildEvidence {
    steps = new BuildSteps();
    vertices = this.steps.vertices;
    invocation;
    firstLine;
    firstText;
    /** The runner step the build ran in (gh run view logs), to tell its errors from later steps'. */
    step;
    start;
    end;
    last;
    lastSaid;
    failedFlag = false;
    canceledFlag = false;
    /** Set when the runner starts another step: later lines are not this build's. */
    closedFlag = false;
    /** A row for a job that failed without any BuildKit output. */
    noBuildKit = false;
    /** After a failure BuildKit prints the `------` block and the Dockerfile excerpt: keep them. */
    capturing = false;
    /** How the progress was printed (BuildKit plain, the tty form, the legacy builder). */
    printed;
    /** The output said the build finished (the legacy builder's `Successfully built`). */
    completed = false;
    constructor(start) {
        super();
        this.firstLine = start.line;
        this.last = start.line;
        this.firstText = start.text ?? '';
        this.lastSaid = this.firstText;
        this.start = start.timestamp;
        this.end = start.timestamp;
        this.step = start.step;
        this.printed = start.form ?? 'plain';
        this.invocation = start.invocation ?? emptyInvocation();
    }
    /** The row of a job that failed (or was canceled) before or without building: its own span, no build time. */
    static withoutBuildKit(job) {
        const build = new BuildState({ line: job.firstLine, timestamp: job.firstTs, step: null });
        build.canceledFlag = job.canceled;
        build.failedFlag = !job.canceled && job.failed;
        for (const error of job.errors)
            build.addError(error);
        build.touch(job.lastLine, job.lastTs);
        build.start = null;
        build.noBuildKit = true;
        return build;
    }
    get failed() {
        return this.failedFlag;
    }
    get canceled() {
        return this.canceledFlag;
    }
    get closed() {
        return this.closedFlag;
    }
    get withoutBuildKit() {
        return this.noBuildKit;
    }
    get capturingErrorBlock() {
        return this.capturing;
    }
    get form() {
        return this.printed;
    }
    get startTs() {
        return this.start;
    }
    get endTs() {
        return this.end;
    }
    get lastLine() {
        return this.last;
    }
    get lastText() {
        return this.lastSaid;
    }
    /** Steps past the listing limit, counted but not listed (null when none were dropped). */
    get omittedSteps() {
        return this.steps.omitted();
    }
    get hasVertices() {
        return this.vertices.size > 0;
    }
    /**
     * Whether BuildKit did any building. `docker buildx inspect --bootstrap` (setup-buildx-action)
     * prints a lone `#1 [internal] booting buildkit` vertex that is not a build.
     */
    get hasBuildSteps() {
        return this.steps.hasBuildSteps;
    }
    /**
     * A log cut between two steps: nothing is running, but no exporter finished and a stage stopped
     * before its last instruction (`[2/4]` was the last one printed).
     */
    get cutBetweenSteps() {
        return !this.ended && this.steps.stageUnfinished;
    }
    /** Whether any step reported an error (a cache import or export can fail in a successful build). */
    get hasStepErrors() {
        return this.steps.hasStepErrors;
    }
    /**
     * True once the build has visibly ended: it failed, or every step ended and an exporter finished.
     * A `#1` header after that belongs to the next build (old BuildKit prints no `#0` line); before
     * that it is the same step printed again, which BuildKit does after a step is DONE.
     */
    get ended() {
        return this.failedFlag || this.completed || this.steps.exportedAll;
    }
    // ---- the build as a whole ----------------------------------------------------------------------
    /** The output said the build finished: no export step will follow. */
    complete() {
        this.completed = true;
    }
    /** A line of the build was read (its text, when given, is the build's last line so far). */
    touch(line, timestamp, text) {
        this.last = line;
        if (text !== undefined)
            this.lastSaid = text;
        if (timestamp !== null) {
            this.end = timestamp;
            if (this.start === null)
                this.start = timestamp;
        }
    }
    /** Evidence at `line` belongs to the build (a rawjson entry): its last line moves on, never back. */
    reach(line) {
        if (line > this.last)
            this.last = line;
    }
    /** The output says the build failed; `evidence`, when given, is the line that says so. */
    fail(evidence) {
        this.failedFlag = true;
        if (evidence)
            this.addError(evidence);
    }
    /** The build failed and BuildKit's error block follows (the `------` excerpt, the Dockerfile lines). */
    failWithErrorBlock(evidence) {
        this.fail(evidence);
        this.capturing = true;
    }
    /** The job was canceled while this build ran; a build that already failed stays failed. */
    cancel() {
        if (!this.failedFlag)
            this.canceledFlag = true;
    }
    /** A runner group began: an error block does not run past it. */
    endErrorBlock() {
        this.capturing = false;
    }
    /** The runner began another step: nothing after this is part of the build. */
    close() {
        this.closedFlag = true;
    }
    /** Output in another form (tty, legacy builder) came for a build opened by its echoed command. */
    printedAs(form) {
        this.printed = form;
    }
    // ---- steps -------------------------------------------------------------------------------------
    /** The step with this number, started now if it is new. */
    vertex(id, name, line) {
        return this.steps.vertex(id, name, line);
    }
    /**
     * The step of this name, or a new one when the build has none (forms without vertex numbers: the
     * tty form, an error block pasted alone). New steps take the next free number.
     */
    vertexNamed(name, line) {
        return this.steps.named(name, line);
    }
    /** Whether the step with this number was counted and dropped (past the listing limit). */
    wasOmitted(id) {
        return this.steps.wasOmitted(id);
    }
    /** The line that ends the step (its status line), quoted as the step's end. */
    markStepEnd(vertex, end) {
        this.steps.markEnd(vertex, end);
    }
    /** The step finished (DONE); `seconds` when the output says how long. Its output is no longer needed. */
    stepDone(vertex, end, seconds) {
        this.steps.done(vertex, end, seconds);
    }
    /** The step's result came from the cache (no time unless the output gives one). */
    stepCached(vertex, end, seconds) {
        this.steps.cached(vertex, end, seconds);
    }
    /**
     * The step was canceled. A plain `CANCELED` line after the step ended leaves its status (BuildKit
     * repeats steps it stopped); a rawjson update, which carries the time, is the step's whole state.
     */
    stepCanceled(vertex, end, seconds) {
        this.steps.canceled(vertex, end, seconds);
    }
    /**
     * The step failed (`ERROR`). A failed cache import is only a warning for BuildKit, and a failed
     * cache export fails the build only without `ignore-error=true` (then the final `ERROR: failed to
     * solve` says so): other steps fail the build, and their error block follows.
     */
    stepFailed(vertex, end, seconds, error) {
        if (this.steps.failed(vertex, end, seconds, error))
            this.failWithErrorBlock(end);
    }
    /** The output says this step failed (its error block), though no `ERROR` status line was seen. */
    failStep(vertex, line) {
        if (!this.steps.failedByErrorBlock(vertex, line.no, line.text))
            return;
        this.failedFlag = true;
        this.capturing = true;
    }
    /** The step started again (BuildKit does that with the build definition): running until it ends again. */
    restartStep(vertex) {
        this.steps.restart(vertex);
    }
    /** A line the step printed: its last few are kept while it runs, for the evidence of a failure. */
    stepOutput(vertex, evidence) {
        this.steps.output(vertex, evidence);
    }
    // ---- the result --------------------------------------------------------------------------------
    /** The build's outcome as far as its output tells (`jobCanceled`: the job it ran in was canceled). */
    status(jobCanceled) {
        return buildStatus(this, jobCanceled);
    }
    /** The build for the reports. */
    toBuild(options) {
        return buildModel(this, options);
    }
}

;// CONCATENATED MODULE: ./src/parse/build-lines.ts
// Lines of build output that the plain and the rawjson parser read the same way (buildx prints them
// as plain text in both: after a rawjson progress, its error trailer is plain text too).
/** Top-level error lines of buildx/BuildKit and the docker CLI after a failed solve. */
// docker compose names the service's target: `target web: failed to solve: ...`; compose v2 prints
// the CLI's `unable to prepare context: ...` (no context, no Dockerfile) without `ERROR:`. A CI runner's
// verdict on the whole job (GitLab's `ERROR: Job failed: exit code 1`, Jenkins's `ERROR: script
// returned exit code 1`) begins like buildx's `ERROR: ...` but says only that some command of the job failed,
// perhaps a test long after the build: it is not the build's error, and a build that ended well
// before it stays a success.
const FINAL_ERROR = /^(?:ERROR:? (?!Job failed\b|script returned exit code \d)|error: |(?:target "?[\w.-]+"?: )?failed to solve\b|Error response from daemon: |ERROR \[|unable to prepare context: )/;
/** buildx prints this after the build when a --cache-from source has nothing (the build goes on uncached). */
const CACHE_IMPORT_WARNING = /^WARNING: .*\b(?:cache import|import cache|cache importer)\b/i;

;// CONCATENATED MODULE: ./src/parse/build-identity.ts
// How both parsers name a build and time its job: the same input read as plain or rawjson progress
// gives the same names and job seconds.
/** `logs/build-runtime.log` -> `build-runtime`: the file name is what a person calls the build. */
function buildNameOf(source) {
    const file = source.split(/[\\/]/).pop() || source;
    return file === '-' ? 'stdin' : file.replace(/\.(log|txt|out|err|stderr|stdout)$/i, '') || file;
}
/** The name of build `index` (from 0) of `count` found under one name: numbered only when there are several. */
function numberedName(base, index, count) {
    return count > 1 ? `${base} #${index + 1}` : base;
}
/** Seconds between a job's first and last timestamped line (to a tenth), or null without timestamps. */
function jobSecondsBetween(firstTs, lastTs) {
    return firstTs !== null && lastTs !== null ? Math.round((lastTs - firstTs) / 100) / 10 : null;
}

;// CONCATENATED MODULE: ./src/parse/vertex-line.ts
// The status words BuildKit's plain printer puts after `#N `.
const DONE = /^DONE(?: (\d+(?:\.\d+)?)s)?$/;
const ERROR = /^ERROR(?: (\d+(?:\.\d+)?)s)?(?::\s?(.*))?$/s;
// `#N 12.34 text`: output of a running step, with seconds since it started.
const OUTPUT = /^\d+\.\d+ (.*)$/s;
const PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const vertex_line_NAMED = /^naming to (\S+)(?: done)?/;
const VERTEX_DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * Applies one `#N ...` line to the build. The plain printer writes a header (`#N NAME`) the first
 * time a step shows up and again whenever the output switches back to it, so a line that repeats
 * the step's name is a header and everything else is status or output of that step.
 */
function applyVertexLine(build, id, rest, line) {
    const known = build.vertices.get(id);
    if (!known) {
        // A step counted and dropped past the listing limit stays dropped, unless it now fails.
        if (build.wasOmitted(id) && !rest.startsWith('ERROR'))
            return;
        if (isStatus(rest) || OUTPUT.test(rest)) {
            // A status or output of a step whose header we never saw (the log was cut at its start).
            applyStatus(build, build.vertex(id, `#${id}`, line.no), rest, line);
        }
        else {
            build.vertex(id, rest, line.no);
        }
        return;
    }
    if (rest === known.name)
        return;
    applyStatus(build, known, rest, line);
}
function isStatus(rest) {
    return rest === 'CACHED' || rest === 'CANCELED' || rest === '...' || DONE.test(rest) || rest.startsWith('ERROR');
}
function applyStatus(build, vertex, rest, line) {
    if (rest === '...')
        return;
    const end = { line: line.no, text: line.text };
    if (rest === 'CACHED') {
        build.stepCached(vertex, end, null);
        return;
    }
    if (rest === 'CANCELED') {
        build.stepCanceled(vertex, end, null);
        return;
    }
    const done = DONE.exec(rest);
    if (done) {
        // A step can be reported DONE more than once (the build context is); the last one counts.
        build.stepDone(vertex, end, done[1] !== undefined ? Number(done[1]) : null);
        return;
    }
    const error = rest.startsWith('ERROR') ? ERROR.exec(rest) : null;
    if (error) {
        build.stepFailed(vertex, end, error[1] !== undefined ? Number(error[1]) : null, error[2] ?? null);
        return;
    }
    // `ERROR` followed by something that is not its status form: quoted as the step's end, read as output.
    if (rest.startsWith('ERROR'))
        build.markStepEnd(vertex, end);
    // BuildKit before v0.9 prints each step's digest as its first status line: not output.
    if (VERTEX_DIGEST.test(rest))
        return;
    const output = OUTPUT.exec(rest);
    applyVertexOutput(build, vertex, line);
    if (!output)
        applyProgress(build, rest);
}
/** A line the step printed. Evidence quotes it as printed (with its `#N 1.234` prefix, if any). */
function applyVertexOutput(build, vertex, line) {
    build.stepOutput(vertex, { line: line.no, text: line.text });
}
/** Progress lines of exporter steps name the images that were written or pushed. */
function applyProgress(build, rest) {
    const pushed = PUSHED_MANIFEST.exec(rest);
    if (pushed) {
        build.addImage(pushed[1], pushed[2], true);
        return;
    }
    const named = vertex_line_NAMED.exec(rest);
    if (named)
        build.addImage(named[1], null, false);
}

;// CONCATENATED MODULE: ./src/parse/metadata-group.ts
const MAX_LINES = 400;
/**
 * docker/build-push-action prints the build's metadata file as JSON in a `##[group]Metadata` block.
 * The lines are collected (bounded) and read when the group ends.
 */
class MetadataGroup {
    lines = [];
    add(text) {
        if (this.lines.length < MAX_LINES)
            this.lines.push(text);
    }
    applyTo(build) {
        let metadata;
        try {
            metadata = JSON.parse(this.lines.join('\n'));
        }
        catch {
            build.notes.push('the build-push-action Metadata group is not valid JSON; image digests come from the progress output only');
            return;
        }
        if (!metadata || typeof metadata !== 'object')
            return;
        const record = metadata;
        const digest = typeof record['containerimage.digest'] === 'string' ? record['containerimage.digest'] : null;
        const names = typeof record['image.name'] === 'string' ? record['image.name'].split(',') : [];
        for (const name of names.map((n) => n.trim()).filter(Boolean)) {
            build.addImage(name, digest, build.images.get(name)?.pushed ?? false);
        }
    }
}

;// CONCATENATED MODULE: ./src/parse/excerpt.ts

/** Lines kept before a failure: where its cause usually is. */
const BEFORE = 200;
/** Lines kept after a failure: the error block, the runner's `##[error]`, the exit status. */
const AFTER = 120;
/** At most this many lines per job, whatever the number of failures. */
const excerpt_MAX_LINES = 1200;
/** Longer lines are cut before they are kept (and before any pattern sees them). */
const MAX_EXCERPT_LINE = 2000;
/**
 * The lines around failures in a job, for diagnosis. A ring of the last lines is kept while
 * reading; when a failure shows, the ring is copied out and the lines after it are kept too. Memory
 * is bounded per job, and nothing is copied for a job that does not fail.
 */
class ExcerptCollector {
    // The ring is three parallel arrays rather than an object per line: it takes every line of a
    // log, and an object each was a good part of the parser's garbage.
    ringLine = new Array(BEFORE).fill(0);
    ringText = new Array(BEFORE).fill('');
    /** 0 for a slot not filled yet. */
    ringSeq = new Array(BEFORE).fill(0);
    next = 0;
    seq = 0;
    lastKeptSeq = 0;
    afterLeft = 0;
    kept = [];
    push(no, text) {
        const slot = this.next;
        this.ringLine[slot] = no;
        this.ringText[slot] = text;
        this.ringSeq[slot] = ++this.seq;
        this.next = slot + 1 === BEFORE ? 0 : slot + 1;
        if (this.afterLeft > 0) {
            this.afterLeft--;
            this.keep(slot);
        }
    }
    /** The line just pushed shows a failure: keep it, what came before it, and what follows. */
    mark() {
        for (let i = 0; i < BEFORE; i++) {
            const slot = (this.next + i) % BEFORE;
            if (this.ringSeq[slot] !== 0)
                this.keep(slot);
        }
        this.afterLeft = AFTER;
    }
    /** Kept lines with line numbers in [first, last], in order of arrival. */
    between(first, last) {
        return this.kept.filter((e) => e.line >= first && e.line <= last).map((e) => ({ line: e.line, text: e.text }));
    }
    keep(slot) {
        const seq = this.ringSeq[slot];
        if (seq <= this.lastKeptSeq || this.kept.length >= excerpt_MAX_LINES)
            return;
        this.lastKeptSeq = seq;
        const text = this.ringText[slot];
        const cut = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
        this.kept.push({ line: this.ringLine[slot], text: detach(cut), seq });
    }
}

;// CONCATENATED MODULE: ./src/parse/runner-facts.ts

const PERMISSION = /^([A-Za-z][A-Za-z ]*[A-Za-z]): (read|write|none)$/;
const SECRET_SOURCE = /^Secret source: (\S+)/;
const TEMPLATE_INPUT = /^ {2}(tags|flavor|images): ?(.*)$/;
const OTHER_INPUT = /^ {2}[a-z-]+: /;
// docker/setup-buildx-action's groups: `github.com/docker/buildx v0.28.0 <commit>`, and
// `<builder>: v0.24.0` under "BuildKit version" (also `BuildKit version:  v0.24.0` in its inspect).
const BUILDX_VERSION = /^github\.com\/docker\/buildx v(\d+\.\d+\.\d+\S*)/;
const BUILDKIT_NODE_VERSION = /^\S+: v(\d+\.\d+\.\d+\S*)$/;
const BUILDKIT_INSPECT_VERSION = /^BuildKit version:\s+v(\d+\.\d+\.\d+\S*)/;
/**
 * What the runner and the actions before the build printed about the job: the GITHUB_TOKEN's
 * permissions and secret source ("Set up job"), and docker/metadata-action's tag templates. They
 * tell apart causes that look alike in the error (a 403 from a read-only token or from org settings).
 */
class RunnerFactsReader {
    facts = { tokenPermissions: {}, secretSource: null, metadataTemplates: [] };
    section = null;
    templateKey = null;
    group(title) {
        this.section =
            title === 'GITHUB_TOKEN Permissions'
                ? 'permissions'
                : /^Run docker\/metadata-action@/.test(title)
                    ? 'metadata-action'
                    : title === 'Buildx version'
                        ? 'buildx-version'
                        : title === 'BuildKit version'
                            ? 'buildkit-version'
                            : null;
        this.templateKey = null;
    }
    endGroup() {
        this.section = null;
        this.templateKey = null;
    }
    line(text) {
        if (this.section === 'permissions') {
            const permission = PERMISSION.exec(text);
            if (permission)
                this.facts.tokenPermissions[permission[1].toLowerCase().replace(/ /g, '-')] = permission[2];
            return;
        }
        if (this.section === 'metadata-action') {
            const input = TEMPLATE_INPUT.exec(text);
            if (input) {
                this.templateKey = input[1];
                if (input[2].trim())
                    this.addTemplate(`${this.templateKey}: ${input[2].trim()}`);
            }
            else if (OTHER_INPUT.test(text)) {
                this.templateKey = null;
            }
            else if (this.templateKey && text.trim() && !/^(with|env):$/.test(text)) {
                this.addTemplate(`${this.templateKey}: ${text.trim()}`);
            }
            return;
        }
        if (this.section === 'buildx-version') {
            const version = BUILDX_VERSION.exec(text);
            if (version)
                this.facts.buildxVersion = version[1];
            return;
        }
        if (this.section === 'buildkit-version') {
            const version = BUILDKIT_NODE_VERSION.exec(text);
            if (version)
                this.facts.buildkitVersion ??= version[1];
            return;
        }
        // Runs for every line of a log: a cheap test first.
        if (this.facts.buildkitVersion === undefined && text.startsWith('BuildKit version:')) {
            const version = BUILDKIT_INSPECT_VERSION.exec(text);
            if (version)
                this.facts.buildkitVersion = version[1];
        }
        if (this.facts.secretSource === null && text.startsWith('Secret source: ')) {
            const secret = SECRET_SOURCE.exec(text);
            if (secret)
                this.facts.secretSource = secret[1];
        }
    }
    addTemplate(text) {
        if (this.facts.metadataTemplates.length < 40)
            this.facts.metadataTemplates.push(detach(text.slice(0, 300)));
    }
}

;// CONCATENATED MODULE: ./src/parse/dialects/tty-progress.ts

// The interactive (tty) printer of buildx and docker compose, as people copy it from a terminal:
//   [+] Building 12.3s (8/10) FINISHED                       docker:default
//    => CACHED [stage 2/5] WORKDIR /app                      0.0s
//    => ERROR [stage 3/5] RUN npm ci                         12.3s
//    => => transferring context: 2B                           0.0s
//    => => # npm ERR! code ERESOLVE                           (a running step's last output lines)
// The error block after it (`------`, ` > [stage 3/5] RUN npm ci:`) is read by ErrorBlockDialect.
const HEADER = /^\[\+\] Building (\d+(?:\.\d+)?)s \((\d+)\/(\d+)\)( FINISHED)?/;
const STEP = /^=> (?:(CACHED|ERROR|CANCELED|DONE) )?(.+?)(?:\s+(\d+(?:\.\d+)?)s)?$/;
const SUB_STEP = /^=> => (# )?(.*)$/;
/**
 * Reads the tty form into steps. It has no vertex numbers: a step is known by its name, and a
 * redrawn screen (the whole tty output pasted, one frame after another) updates the same steps.
 */
class TtyProgressDialect {
    build = null;
    lastStep = null;
    lastSeconds = 0;
    finished = false;
    accept(bare, line, sink) {
        if (bare.startsWith('[+] Building')) {
            const header = HEADER.exec(bare);
            if (!header)
                return false;
            const seconds = Number(header[1]);
            // A new screen of the same build redraws from the top; a later build starts again near 0 s.
            const fresh = this.build === null || this.build !== sink.current() || (this.finished && seconds < this.lastSeconds);
            this.open(sink, line, fresh);
            this.lastSeconds = seconds;
            this.finished = header[4] !== undefined;
            this.build.touch(line.no, line.timestamp, line.text);
            // FINISHED also heads the last screen of a failed build: it says the build ended, not how.
            if (this.finished)
                this.build.complete();
            return true;
        }
        if (bare.startsWith('=> '))
            return this.step(bare, line, sink);
        return false;
    }
    open(sink, line, fresh) {
        const build = sink.buildFor('tty', line, fresh);
        if (build !== this.build) {
            this.build = build;
            this.lastStep = null;
            this.lastSeconds = 0;
            this.finished = false;
        }
    }
    step(bare, line, sink) {
        if (this.build === null || this.build !== sink.current())
            this.open(sink, line, false);
        const build = this.build;
        build.touch(line.no, line.timestamp, line.text);
        const sub = SUB_STEP.exec(bare);
        if (sub) {
            // `=> => # output` is what a running step printed last; `=> => transferring ...` is progress.
            if (sub[1] && this.lastStep)
                applyVertexOutput(build, this.lastStep, line);
            return true;
        }
        const match = STEP.exec(bare);
        if (!match)
            return false;
        const [, status, name, seconds] = match;
        const vertex = build.vertexNamed(name.trim(), line.no);
        this.lastStep = vertex;
        if (status === 'CACHED')
            applyVertexLine(build, vertex.id, 'CACHED', line);
        else if (status === 'ERROR')
            applyVertexLine(build, vertex.id, seconds ? `ERROR ${seconds}s` : 'ERROR', line);
        else if (status === 'CANCELED')
            applyVertexLine(build, vertex.id, 'CANCELED', line);
        // A step with its time and no status word is done, or still running in an unfinished screen:
        // a later frame (or the error) says which.
        else if (seconds !== undefined && vertex.status !== 'error')
            applyVertexLine(build, vertex.id, `DONE ${seconds}s`, line);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/dialects/legacy-builder.ts

// The legacy builder (DOCKER_BUILDKIT=0, Docker before 23, docker-compose v1):
//   Sending build context to Docker daemon  2.048kB
//   Step 3/14 : RUN make            (`Step 3 : RUN make` before Docker 1.13)
//    ---> Using cache | ---> Running in 1a2b3c4d5e6f | ---> 1a2b3c4d5e6f
//   The command '/bin/sh -c make' returned a non-zero code: 2
//   Successfully built 1a2b3c4d5e6f / Successfully tagged app:latest
const CONTEXT = /^Sending build context to Docker daemon\b/;
const legacy_builder_STEP = /^Step (\d+)(?:\/(\d+))? : ([A-Za-z]+)\b ?(.*)$/s;
const ARROW = /^---> (.*)$/;
const IMAGE_ID = /^[0-9a-f]{12}$/;
// How a step fails: the RUN command's status, or the daemon refusing the instruction; docker-compose
// v1 gives the daemon's refusal after the service's name (`ERROR: Service 'web' failed to build: lstat
// docs: no such file or directory`), which is the running step's failure too.
const STEP_FAILED = /^(?:The command .* returned a non-zero code: \d+|(?:COPY|ADD) failed: |failed to (?:copy|export|process|register) |unable to (?:find|prepare) |Error response from daemon: |\w+ requires (?:at least|exactly) |(?:ERROR: )?Service '[^']+' failed to build\b)/s;
const SUCCESS = /^Successfully (built|tagged) (\S+)/;
/** Reads the legacy builder's output into steps: one step per `Step N/M :` line. */
class LegacyBuilderDialect {
    build = null;
    step = null;
    lastNumber = -1;
    accept(bare, line, sink) {
        if (bare.charCodeAt(0) === 0x53 /* S */ && CONTEXT.test(bare)) {
            this.open(sink, line, true);
            return true;
        }
        const step = bare.startsWith('Step ') ? legacy_builder_STEP.exec(bare) : null;
        if (step)
            return this.startStep(step, line, sink);
        if (this.build === null || this.build !== sink.current())
            return false;
        const build = this.build;
        const arrow = bare.startsWith('--->') ? ARROW.exec(bare) : null;
        if (arrow) {
            build.touch(line.no, line.timestamp, line.text);
            const what = arrow[1].trim();
            if (!this.step)
                return true;
            if (what === 'Using cache')
                applyVertexLine(build, this.step.id, 'CACHED', line);
            else if (IMAGE_ID.test(what) && this.step.status === 'running')
                applyVertexLine(build, this.step.id, 'DONE', line);
            return true;
        }
        const success = bare.startsWith('Successfully ') ? SUCCESS.exec(bare) : null;
        if (success) {
            build.touch(line.no, line.timestamp, line.text);
            if (this.step?.status === 'running')
                applyVertexLine(build, this.step.id, 'DONE', line);
            if (success[1] === 'tagged')
                build.addImage(success[2], null, false);
            build.complete();
            return true;
        }
        if (this.step && this.step.status === 'running' && STEP_FAILED.test(bare)) {
            build.touch(line.no, line.timestamp, line.text);
            applyVertexLine(build, this.step.id, `ERROR: ${bare}`, line);
            return true;
        }
        // Output of the running step (a RUN command's own lines).
        if (this.step && this.step.status === 'running' && !bare.startsWith('Removing intermediate container')) {
            applyVertexOutput(build, this.step, line);
            build.touch(line.no, line.timestamp, line.text);
            // Not consumed: the parser still sees it (final errors, failure lines).
            return false;
        }
        return false;
    }
    open(sink, line, fresh) {
        const build = sink.buildFor('legacy', line, fresh);
        if (build !== this.build) {
            this.build = build;
            this.step = null;
            this.lastNumber = -1;
        }
        build.touch(line.no, line.timestamp, line.text);
        return build;
    }
    startStep(step, line, sink) {
        const [, index, total, instruction, args] = step;
        const number = Number(index);
        // Numbering that starts again opens the next build (docker-compose v1 builds services in turn).
        const fresh = this.build === null || this.build !== sink.current() || number <= this.lastNumber;
        const build = this.open(sink, line, fresh);
        this.lastNumber = number;
        if (this.step?.status === 'running')
            applyVertexLine(build, this.step.id, 'DONE', line);
        this.step = build.vertex(number, `[${index}/${total ?? '?'}] ${instruction.toUpperCase()} ${args}`.trimEnd(), line.no);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/dialects/error-block.ts

// After a failed step, buildx prints the step's last output in a block, in plain and tty output
// alike (and people often paste only this block):
//   ------
//    > [builder 3/5] RUN npm ci:
//   #8 0.712 npm ERR! code ERESOLVE        (`0.712 npm ERR! ...` in newer buildx)
//   ------
const RULE = /^-{6}$/;
// ` > [builder 3/5] RUN npm ci:`; a terminal may cut a long one before its colon.
const error_block_HEADER = /^> (\[[^\]]*\] .+?):?$|^> (.+):$/;
// A paste that starts at the header, its `------` left out: only a numbered step's header with its
// colon is taken then (BuildKit prints it only for a step that failed).
const PASTED_HEADER = /^> (\[[^\]]*\d+\/\d+\] .+):$/;
/**
 * Reads that block into the failing step: its name from the header, its output from the lines
 * inside. A `------` not followed by a header is not a block and is left alone.
 */
class ErrorBlockDialect {
    /** `rule`: a `------` was seen, a header may follow; `inside`: lines belong to the step. */
    state = 'none';
    build = null;
    step = null;
    /**
     * Whether the block's lines are the step's output. In plain progress the step printed them
     * already as it ran (`#8 0.712 ...`) and the block repeats them: they are not added twice.
     */
    feedTail = false;
    accept(bare, line, sink) {
        if (this.state === 'inside') {
            if (RULE.test(bare)) {
                this.state = 'none';
                this.build?.addErrorDetail({ line: line.no, text: line.text });
                return true;
            }
            // A new block's header right after the last one (several steps failed).
            const header = error_block_HEADER.exec(bare);
            if (header && this.build && !bare.includes(' > '))
                return this.open(header[1] ?? header[2], line, sink);
            this.build?.addErrorDetail({ line: line.no, text: line.text });
            if (this.step && this.build && this.feedTail) {
                applyVertexOutput(this.build, this.step, line);
                this.build.touch(line.no, line.timestamp, line.text);
            }
            return true;
        }
        if (RULE.test(bare)) {
            this.state = 'rule';
            return false;
        }
        if (this.state === 'rule') {
            this.state = 'none';
            const header = error_block_HEADER.exec(bare);
            if (header)
                return this.open(header[1] ?? header[2], line, sink);
        }
        if (sink.current() === null && bare.startsWith('> [')) {
            const header = PASTED_HEADER.exec(bare);
            if (header)
                return this.open(header[1], line, sink);
        }
        return false;
    }
    open(name, line, sink) {
        const build = sink.current() ?? sink.buildFor('plain', line);
        this.build = build;
        this.step = build.vertexNamed(name, line.no);
        this.feedTail = this.step.tail.length === 0;
        build.failStep(this.step, line);
        build.addErrorDetail({ line: line.no, text: line.text });
        build.touch(line.no, line.timestamp, line.text);
        this.state = 'inside';
        return true;
    }
}

;// CONCATENATED MODULE: ./src/parse/job-state.ts





const OS_ARCH = /^\s*(?:OS\/Arch|Architecture):\s+(\S+)/;
/** One job of a run (a `gh run view` job), or the whole input when it has no jobs. */
class JobState {
    name;
    firstTs = null;
    lastTs = null;
    builds = [];
    current = null;
    canceled = false;
    nativePlatform = null;
    /** build-push-action inputs seen before its `docker buildx build` command. */
    pendingInputs = null;
    readingActionInputs = false;
    metadata = null;
    /** `##[error]` lines that belong to no build (a job that failed before or after building). */
    strayErrors = [];
    /** Lines that state a failure outside BuildKit's progress (legacy builder, Kubernetes, CLI). */
    failureLines = 0;
    cancelLines = 0;
    /**
     * Final errors of a paste seen before any build: a terminal's tty display can be copied with its
     * last screen after the error. They go to the paste's first build when it is a tty one.
     */
    orphanErrors = [];
    /** Whether a line only Docker prints was seen (tested until one is). */
    dockerRelated = false;
    /**
     * Whether the GitHub runner's own commands (`##[group]`, `##[error]`) were seen. Timestamps alone
     * do not make a runner's log: a pasted excerpt keeps them, and GitLab 16+ writes them too.
     */
    runnerCommands = false;
    /** Builds whose failure has marked the excerpt (a dialect's step error marks it once). */
    marked = new WeakSet();
    /** How the job's lines were written, for the report's "where the numbers come from". */
    format = 'plain';
    excerpt = new ExcerptCollector();
    facts = new RunnerFactsReader();
    /** Readers for the forms of build output other than BuildKit's plain progress. */
    dialects = [new ErrorBlockDialect(), new TtyProgressDialect(), new LegacyBuilderDialect()];
    sink = null;
    firstLine;
    lastLine;
    constructor(name, line) {
        this.name = name;
        this.firstLine = line;
        this.lastLine = line;
    }
    /** A line of the job: where it ends and when. */
    reached(line) {
        this.lastLine = line.no;
        this.format = line.format;
        if (line.timestamp !== null) {
            this.firstTs ??= line.timestamp;
            this.lastTs = line.timestamp;
        }
    }
    /** `docker version` / `docker info` (`OS/Arch:`, `Architecture:`) says what the runner's platform is. */
    noteArchitecture(text) {
        // Runs for every other line of a log: a cheap test first.
        if (this.nativePlatform !== null || !text.includes('Arch'))
            return;
        const arch = OS_ARCH.exec(text);
        if (arch)
            this.nativePlatform = normalizeArch(arch[1]);
    }
    /** A runner's job log (`gh run view`, or one with runner commands), not a paste or another CI's log. */
    get fromRunner() {
        return this.name !== null || this.runnerCommands;
    }
    /** A pasted or terminal log (no runner) with a line only Docker prints. */
    get pastedDocker() {
        return !this.fromRunner && this.dockerRelated;
    }
    /**
     * A job whose log has no build: did it fail? A runner's `##[error]` says so; without runner
     * commands (a pasted or terminal log), a line that states a failure does.
     */
    get failedWithoutBuild() {
        if (this.strayErrors.length > 0)
            return true;
        return !this.fromRunner && this.failureLines > 0;
    }
}
function normalizeArch(arch) {
    if (arch.includes('/'))
        return arch;
    const map = { x86_64: 'linux/amd64', amd64: 'linux/amd64', aarch64: 'linux/arm64', arm64: 'linux/arm64' };
    return map[arch] ?? `linux/${arch}`;
}

;// CONCATENATED MODULE: ./src/parse/failure-line.ts
// What marks a line as a failure, or as Docker's at all, whatever printed it. Shared by the parser
// (which keeps the lines around failures) and the fallback diagnosis (which quotes them).
// Lines that state a failure, in any build tool's words (BuildKit, the legacy builder, buildx, the
// docker CLI, Kubernetes, CI systems). Vertex lines (`#N ERROR`) are recognised by the vertex parser.
const FAILURE_LINE = /(?:^|[\s>│|])(?:ERROR|[Ee]rror)(?::|\s\[)|\berror\[E\d+\]|failed to (?:solve|build|push|fetch|authorize|copy|compute cache key|read dockerfile|create LLB|register layer|create shim)|OCI runtime \w+ failed|did not complete successfully|returned a non-zero code|executor failed running|Error response from daemon|ImagePullBackOff|ErrImagePull|The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|no space left on device|toomanyrequests|(?:^|\s)Killed$|\bFATAL\b|\bexit code:? \d+|\bsignal: killed\b|\bexited with code [1-9]|[Nn]o space left on device|^E: |has no installation candidate|\[ERROR\]|\bERR!|^fatal: |unexpected (?:HTTP )?status|^(?:denied|unauthorized|forbidden): |\b[Pp]ermission denied\b|Cannot connect to the Docker daemon|requires (?:exactly|at least) \d+ arguments?|no matching manifest|\bpanic: |^Traceback \(most recent call last\)|\*\*\* \[[^\]]*\] Error \d+|\bFinished: FAILURE\b|\bERR_PNPM_\w+|[Cc]ould not connect to|Error parsing reference|marked build as failure|^(?:unknown|blob unknown|name unknown|manifest unknown|name invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|digest invalid|size invalid|range invalid): /;
// Lines only Docker, BuildKit, a registry or a Docker CLI print: a paste that holds one is never
// refused as "no Docker build output", whatever else it lacks.
const DOCKER_WORDS = /docker|buildx|buildkit|containerd|\bmoby\b|failed to register layer|\bOCI runtime\b|failed to create shim|\bDockerfile\b|\bPulling from\b|The push refers to a repository|manifest (?:list|unknown)|\bfailed to solve\b|^Step \d+(?:\/\d+)? : |^\[\+\] Building|^=> |^#\d+ |^---> /i;
// BuildKit's error block quotes a step's output as `12.34 text` (seconds since the step started).
const STEP_OUTPUT = /^\d+\.\d+ \S/;
// A registry's answer as the docker CLI prints it (`denied: ...`, `toomanyrequests: ...`): the
// error codes of the registry API (distribution's errcode), lowercased with spaces.
const REGISTRY_REPLY = /^(?:denied|unauthorized|forbidden|toomanyrequests|unknown|blob unknown|name unknown|manifest unknown|name invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|digest invalid|size invalid|range invalid|unavailable): /;
/** Whether a failure line is Docker's own: a failure printed after a build that ended is the build's only then. */
function isDockerFailure(bare) {
    return REGISTRY_REPLY.test(bare) || isDockerRelated(bare);
}
/** Whether a line (without leading blanks) can only come from Docker or its tools. */
function isDockerRelated(bare) {
    return DOCKER_WORDS.test(bare) || STEP_OUTPUT.test(bare);
}

;// CONCATENATED MODULE: ./src/parse/build-log-parser.ts








const VERTEX_LINE = /^#(\d+) (.*)$/s;
const BUILDER_LINE = /^#0 building with /;
const CANCELED = /^The operation was canceled\.|^The runner has received a shutdown signal|^Canceling since a higher priority waiting request/;
const DOCKERFILE_POINTER = /^\d+ \| >>> /;
const MAX_ORPHAN_ERRORS = 20;
const CANCEL_LINE = /The operation was canceled|Canceling since a higher priority|\bBuild canceled\b|^The runner has received a shutdown signal/;
/**
 * Turns decoded lines into builds: splits the input into jobs and builds, follows BuildKit's vertex
 * lines, and keeps what the reports need. It consumes one line at a time and holds no lines itself.
 */
class BuildLogParser {
    source;
    name;
    selector;
    job = null;
    finished = [];
    constructor(source, 
    /** What to call builds of an input without job names (a job's log: the job's name). */
    name = null, 
    /** Lines the signatures will want: the lines around them are kept for the diagnosis. */
    selector = null) {
        this.source = source;
        this.name = name;
        this.selector = selector;
    }
    push(line) {
        const job = this.jobFor(line);
        job.reached(line);
        const text = line.text;
        job.excerpt.push(line.no, line.command === 'error' ? `##[error]${text}` : text);
        if (line.command !== null) {
            job.runnerCommands = true;
            this.onRunnerCommand(job, line);
            if (line.command === 'error')
                job.excerpt.mark();
            return;
        }
        job.facts.line(text);
        if (job.metadata) {
            job.metadata.add(text);
            return;
        }
        if (job.readingActionInputs && job.pendingInputs && applyActionInput(job.pendingInputs, text))
            return;
        // Pastes indent whole logs (Markdown code blocks, quoted e-mails) and terminals pad lines with
        // blanks: recognise lines without them.
        const first = text.charCodeAt(0);
        const last = text.charCodeAt(text.length - 1);
        const bare = first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09 ? text.trim() : text;
        for (const dialect of job.dialects) {
            if (dialect.accept(bare, line, this.sinkFor(job))) {
                if ((job.current?.failed && !job.marked.has(job.current)) || this.selector?.select(bare)) {
                    if (job.current)
                        job.marked.add(job.current);
                    job.excerpt.mark();
                }
                return;
            }
        }
        if (bare.charCodeAt(0) === 0x23 /* # */) {
            const match = VERTEX_LINE.exec(bare);
            if (match) {
                this.onVertexLine(job, line, Number(match[1]), match[2]);
                // A step's own output the catalog knows (an earlier cause of the failure) is kept too.
                if (match[2].startsWith('ERROR') || this.selector?.select(match[2]))
                    job.excerpt.mark();
                return;
            }
        }
        if (isBuildCommand(text)) {
            this.startBuild(job, line, parseBuildCommand(text.replace(/^\[command\]/, '')));
            return;
        }
        const failure = FAILURE_LINE.test(bare) || (this.selector?.select(bare) ?? false);
        if (failure) {
            job.excerpt.mark();
            job.failureLines++;
            if (CANCEL_LINE.test(text))
                job.cancelLines++;
        }
        const build = job.current;
        if (build && this.belongsTo(build, line)) {
            if (CACHE_IMPORT_WARNING.test(bare))
                build.addCacheWarning({ line: line.no, text });
            // After a legacy or tty build reported its end, a failure (a `docker push` refused, `make`
            // giving up) is what the pasted log ended with: the build's row carries it. So in a pasted
            // plain build when the failure is Docker's (a later test failing in a GitLab job is not the
            // build's); in a runner's log a later step's failure is never the build's.
            const carried = build.form !== 'plain' || (!job.fromRunner && isDockerFailure(bare));
            if (failure && carried && build.ended && !build.failed && !CANCEL_LINE.test(text))
                build.fail({ line: line.no, text });
            if (FINAL_ERROR.test(bare)) {
                build.failWithErrorBlock({ line: line.no, text });
                build.touch(line.no, line.timestamp, line.text);
            }
            else if (DOCKERFILE_POINTER.test(bare)) {
                // BuildKit points into the Dockerfile (`  69 | >>> RUN ...`) only for an error, even when
                // the error line itself was not pasted.
                build.failWithErrorBlock();
            }
            if (build.capturingErrorBlock)
                build.addErrorDetail({ line: line.no, text });
            return;
        }
        if (!build && job.builds.length === 0 && job.orphanErrors.length < MAX_ORPHAN_ERRORS && FINAL_ERROR.test(bare))
            job.orphanErrors.push({ line: line.no, text });
        if (!job.dockerRelated && job.builds.length === 0)
            job.dockerRelated = isDockerRelated(bare);
        job.noteArchitecture(text);
    }
    /** Ends the input: returns every build found, in input order. */
    end() {
        if (this.job)
            this.finishJob(this.job);
        this.job = null;
        return this.finished;
    }
    jobFor(line) {
        const name = line.job;
        if (this.job && this.job.name !== name && name !== null) {
            this.finishJob(this.job);
            this.job = null;
        }
        this.job ??= new JobState(name, line.no);
        return this.job;
    }
    onRunnerCommand(job, line) {
        const text = line.text;
        if (line.command === 'group')
            job.facts.group(text);
        if (line.command === 'endgroup')
            job.facts.endGroup();
        switch (line.command) {
            case 'group':
                job.readingActionInputs = /^Run docker\/build-push-action@/.test(text);
                if (job.readingActionInputs)
                    job.pendingInputs = emptyInvocation();
                if (text === 'Metadata' && job.current)
                    job.metadata = new MetadataGroup();
                if (text.startsWith('Run ') && isBuildCommand(text.slice(4))) {
                    job.pendingInputs = parseBuildCommand(text.slice(4));
                }
                if (job.current) {
                    job.current.endErrorBlock();
                    // A new runner step begins: nothing after this is part of the build that ran before it.
                    if (/^(Run|Post) /.test(text) && job.current.hasVertices)
                        job.current.close();
                }
                break;
            case 'endgroup':
                job.readingActionInputs = false;
                if (job.metadata && job.current)
                    job.metadata.applyTo(job.current);
                job.metadata = null;
                break;
            case 'error': {
                const evidence = { line: line.no, text: `##[error]${text}` };
                if (CANCELED.test(text)) {
                    job.canceled = true;
                    job.current?.cancel();
                }
                const build = job.current;
                if (build && this.belongsTo(build, line) && (line.step !== null || /buildx|docker|failed to solve|ERROR:/i.test(text))) {
                    if (CANCELED.test(text))
                        build.addError(evidence);
                    else
                        build.fail(evidence);
                    build.touch(line.no, line.timestamp, evidence.text);
                }
                else if (job.strayErrors.length < 20) {
                    job.strayErrors.push(evidence);
                }
                break;
            }
            default:
                break;
        }
    }
    onVertexLine(job, line, id, rest) {
        let build = job.current;
        if (BUILDER_LINE.test(line.text)) {
            if (!build || build.hasVertices)
                build = this.startBuild(job, line, null);
            build.touch(line.no, line.timestamp, line.text);
            return;
        }
        // Vertex numbers restart with each build: a `#1` header once the build has ended opens a new one.
        if (!build || build.closed || build.form !== 'plain' || (id === 1 && build.ended && !isStatusWord(rest))) {
            build = this.startBuild(job, line, null);
        }
        build.touch(line.no, line.timestamp, line.text);
        applyVertexLine(build, id, rest, line);
    }
    /** What a dialect may ask of this job: its open build, or a new one. */
    sinkFor(job) {
        return (job.sink ??= {
            current: () => job.current,
            buildFor: (form, line, fresh = false) => {
                const build = job.current;
                // A build command echoed just before (`$ docker build ...`) opened the build this output belongs to.
                if (build && !build.closed && this.belongsTo(build, line) && !build.hasVertices && !build.failed && build.form === 'plain') {
                    build.printedAs(form);
                    return build;
                }
                if (!fresh && build && build.form === form && !build.closed && this.belongsTo(build, line))
                    return build;
                return this.startBuild(job, line, null, form);
            },
        });
    }
    startBuild(job, line, invocation, form = 'plain') {
        const build = new BuildState({
            line: line.no,
            timestamp: line.timestamp,
            step: line.step,
            text: line.text,
            form,
            invocation: mergeInvocations(invocation, job.pendingInputs),
        });
        job.pendingInputs = null;
        job.readingActionInputs = false;
        if (form === 'tty' && job.builds.length === 0 && job.orphanErrors.length > 0 && !job.fromRunner) {
            build.fail();
            for (const error of job.orphanErrors)
                build.addError(error);
        }
        job.builds.push(build);
        job.current = build;
        job.dockerRelated = true;
        return build;
    }
    /** Whether a line of the job is part of the build (same runner step, when the log names steps). */
    belongsTo(build, line) {
        if (build.closed)
            return false;
        return build.step === null || line.step === null || build.step === line.step;
    }
    finishJob(job) {
        const jobSeconds = jobSecondsBetween(job.firstTs, job.lastTs);
        const kept = job.builds.filter((b) => b.hasBuildSteps || b.errors.length > 0);
        const failed = job.failedWithoutBuild;
        if (kept.length === 0 && (failed || job.pastedDocker)) {
            // The job failed without BuildKit building anything (a refused login, a push, a CLI usage
            // error, a smoke test), or a paste holds Docker's output but no build: still a row, so that
            // its failure is diagnosed (or its state said).
            const canceled = job.canceled || (job.cancelLines > 0 && job.cancelLines === job.failureLines && job.strayErrors.length === 0);
            kept.push(BuildState.withoutBuildKit({
                firstLine: job.firstLine,
                firstTs: job.firstTs,
                lastLine: job.lastLine,
                lastTs: job.lastTs,
                failed,
                canceled,
                errors: job.strayErrors,
            }));
        }
        // A build that did not end well but printed no error (a log cut off, a runner that died) is
        // explained, if at all, by the last lines of its job: keep them.
        if (kept.some((b) => b.status(job.canceled) === 'unknown'))
            job.excerpt.mark();
        const base = job.name ?? this.name ?? buildNameOf(this.source);
        kept.forEach((build, index) => {
            const origin = job.format === 'plain' ? FORM_ORIGIN[build.form] : ORIGIN[job.format];
            const name = numberedName(base, index, kept.length);
            const result = build.toBuild({
                name,
                source: this.source,
                job: job.name,
                jobSeconds,
                nativePlatform: job.nativePlatform,
                jobCanceled: job.canceled,
                origin,
            });
            if (result.status !== 'success' || build.hasStepErrors) {
                // Lines from where the build starts to where the next one starts (the job's start for the first).
                const first = index === 0 ? job.firstLine : build.firstLine;
                const last = index + 1 < kept.length ? kept[index + 1].firstLine - 1 : job.lastLine;
                result.excerpt = job.excerpt.between(first, last);
            }
            result.runner = job.facts.facts;
            this.finished.push(result);
        });
    }
}
const ORIGIN = { plain: 'plain progress', actions: 'GitHub job log', 'gh-run-view': 'gh run view log' };
const FORM_ORIGIN = { plain: 'plain progress', tty: 'tty progress', legacy: 'legacy builder' };
function isStatusWord(rest) {
    return /^(DONE|CACHED|ERROR|CANCELED|\.\.\.)/.test(rest);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/detect.ts
// `docker buildx build --progress=rawjson` writes one BuildKit SolveStatus per JSON object: on one line
// (buildx 0.14 and later) or pretty-printed over many, starting with a lone `{` (buildx 0.13). The
// object's first key is one of SolveStatus's four (Go writes them in this order, leaving empty ones out).
const COMPACT_START = /^\{\s*"(?:vertexes|statuses|logs|warnings)"\s*:/;
/**
 * Whether an input whose first non-empty line is `firstNonEmptyLine` is rawjson progress. A lone `{`
 * is taken as the start of a pretty-printed object: the rawjson parser makes no build from other
 * JSON, so a wrong guess ends as "no Docker build output found", as it would with the plain parser.
 */
function looksLikeRawJson(firstNonEmptyLine) {
    const text = firstNonEmptyLine.replace(/^\uFEFF/, '').trim();
    return text === '{' || COMPACT_START.test(text);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/log-object.ts
// Most of a rawjson log is step output, one `logs` object a line, always in the same shape:
//   {"logs":[{"vertex":"sha256:…","stream":1,"data":"<base64>","timestamp":"2026-…Z"}]}
// JSON.parse of such a line built a whole object tree and was the largest single cost of reading
// rawjson. This reads exactly that shape with one anchored regular expression (linear: every
// part is a character class closed by a literal quote) and gives back what JSON.parse would;
// anything else, even the same object with a space or an escape in it, is left to JSON.parse.
const CANONICAL_LOG = /^\{"logs":\[\{"vertex":"([^"\\\u0000-\u001f]*)","stream":(0|[1-9][0-9]{0,8}),"data":"([A-Za-z0-9+/=]*)","timestamp":"([^"\\\u0000-\u001f]*)"\}\]\}$/;
/** The value JSON.parse gives for a canonical one-log object, or undefined for any other text. */
function parseCanonicalLogObject(text) {
    if (!text.startsWith('{"logs":[{"vertex":"'))
        return undefined;
    const match = CANONICAL_LOG.exec(text);
    if (!match)
        return undefined;
    return { logs: [{ vertex: match[1], stream: Number(match[2]), data: match[3], timestamp: match[4] }] };
}

;// CONCATENATED MODULE: ./src/parse/rawjson/json-splitter.ts

/** A pretty-printed object larger than this is skipped (with a note), never held in memory. */
const MAX_OBJECT_CHARS = 8 * 1024 * 1024;
const json_splitter_OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
/** A byte-order mark before the first object is not part of its indentation. */
const BOM = /\ufeff/g;
const OVERSIZE = `the object is over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB`;
/**
 * Splits a stream of lines into JSON objects and plain text. An object is either on one line (the
 * fast path: one JSON.parse, as buildx 0.14+ writes every one) or pretty-printed over several (buildx
 * 0.13): Go's encoder puts the opening `{` alone on its line and the closing `}` alone at the same
 * column, everything between is indented. So lines are gathered, not scanned, until that closing line,
 * and parsed once. Only the object being read is held, and never more than MAX_OBJECT_CHARS of it.
 *
 * Recovery never needs more than the current line: a one-line object that does not parse is reported
 * and dropped; a line that cannot be inside a pretty-printed object (it does not start with blank space
 * or a closing bracket) ends a broken one and is read afresh. Why an object did not parse (a string
 * cut at the end of its line, unbalanced brackets) is worked out only then, from its lines.
 */
class JsonObjectSplitter {
    handler;
    pending = null;
    /** After a broken one-line object: indented lines that may follow are skipped, not read as text. */
    recovering = false;
    /** A line cut inside a string: reported when the next line comes, or as truncation if none does. */
    cut = null;
    constructor(handler) {
        this.handler = handler;
    }
    push(line) {
        const text = line.text;
        if (this.cut) {
            this.handler.problem(this.cut);
            this.cut = null;
        }
        const pending = this.pending;
        if (pending) {
            if (continuesObject(text)) {
                this.gather(pending, line);
                return;
            }
            this.pending = null;
            this.handler.problem(whyBroken(pending) ?? { kind: 'broken', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'the object ends before its closing brace' });
        }
        if (this.recovering) {
            if (continuesObject(text))
                return;
            this.recovering = false;
        }
        const start = firstNonBlank(text);
        if (start === -1 || text.charCodeAt(start) !== json_splitter_OPEN_BRACE) {
            this.handler.text(line);
            return;
        }
        this.startObject(line, start);
    }
    /** The input ended: an object still open was cut off. */
    end() {
        const pending = this.pending;
        this.pending = null;
        const cut = this.cut;
        this.cut = null;
        if (pending) {
            // A string cut before the last line was the object's end, as a line that cannot continue it is.
            const broken = whyBroken(pending);
            if (broken && broken.lastLine < pending.lastLine)
                this.handler.problem(broken);
            else
                this.handler.problem({ kind: 'truncated', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'the input ends inside a JSON object' });
        }
        else if (cut) {
            this.handler.problem({ kind: 'truncated', firstLine: cut.firstLine, lastLine: cut.lastLine, detail: 'the input ends inside a JSON object' });
        }
    }
    startObject(line, start) {
        const text = line.text;
        if (text.length > MAX_OBJECT_CHARS) {
            // Only if the line reader lets such lines through: skipped whole, as a pretty-printed one would be.
            this.handler.problem({ kind: 'oversize', firstLine: line.no, lastLine: line.no, detail: OVERSIZE });
            this.recovering = true;
            return;
        }
        // Fast path: a whole object on its line, as buildx 0.14+ writes every one.
        if (text.charCodeAt(text.length - 1) === CLOSE_BRACE || text.trimEnd().endsWith('}')) {
            const value = parseCanonicalLogObject(text) ?? tryParse(text);
            if (value !== undefined) {
                this.handler.object({ value, firstLine: line.no, lastLine: line.no, lines: null });
                return;
            }
        }
        const scanned = scan(start === 0 ? text : text.slice(start), 0);
        if (scanned.openString) {
            this.cut = { kind: 'broken', firstLine: line.no, lastLine: line.no, detail: 'a string runs to the end of the line (the line was cut?)' };
            this.recovering = true;
        }
        else if (scanned.negative) {
            this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'unbalanced brackets' });
        }
        else if (scanned.depth === 0) {
            this.handler.problem({ kind: 'invalid', firstLine: line.no, lastLine: line.no, detail: 'not valid JSON' });
        }
        else {
            // Still open at the end of its line: the first line of a pretty-printed object.
            this.pending = {
                firstLine: line.no,
                lastLine: line.no,
                closing: `${text.slice(0, start).replace(BOM, '')}}`,
                lines: [text],
                chars: text.length,
                skipping: false,
            };
        }
    }
    /** One more line of a pretty-printed object; its closing line ends it. */
    gather(pending, line) {
        const text = line.text;
        pending.lastLine = line.no;
        pending.chars += text.length + 1;
        if (!pending.skipping) {
            if (pending.chars > MAX_OBJECT_CHARS) {
                pending.skipping = true;
                pending.lines = [];
            }
            else {
                pending.lines.push(text);
            }
        }
        if (text.trimEnd() !== pending.closing)
            return;
        this.pending = null;
        if (pending.skipping) {
            this.handler.problem({ kind: 'oversize', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: OVERSIZE });
            return;
        }
        const value = tryParse(pending.lines.join('\n'));
        if (value !== undefined) {
            this.handler.object({ value, firstLine: pending.firstLine, lastLine: pending.lastLine, lines: pending.lines });
            return;
        }
        // Broken inside (then the rest of its lines were read as part of it), or balanced but not JSON.
        this.handler.problem(whyBroken(pending) ?? { kind: 'invalid', firstLine: pending.firstLine, lastLine: pending.lastLine, detail: 'not valid JSON' });
    }
}
/**
 * Where and why a pretty-printed object that did not parse broke: the first line where a string runs
 * to the end of the line (JSON strings never span lines: the line was cut), or where more brackets
 * close than opened. Null when neither happened. Runs once per bad object, never on a good one.
 */
function whyBroken(pending) {
    let depth = 0;
    for (let i = 0; i < pending.lines.length; i++) {
        const scanned = scan(pending.lines[i], depth);
        const at = pending.firstLine + i;
        if (scanned.openString)
            return { kind: 'broken', firstLine: pending.firstLine, lastLine: at, detail: 'a string runs to the end of a line (a line was cut?)' };
        if (scanned.negative)
            return { kind: 'broken', firstLine: pending.firstLine, lastLine: at, detail: 'unbalanced brackets' };
        depth = scanned.depth;
    }
    return null;
}
/** Bracket depth after `text`, counting only brackets outside strings. */
function scan(text, depth) {
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c /* \ */)
                i++;
            else if (c === 0x22 /* " */)
                inString = false;
        }
        else if (c === 0x22) {
            inString = true;
        }
        else if (c === json_splitter_OPEN_BRACE || c === 0x5b /* [ */) {
            depth++;
        }
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth--;
            if (depth < 0)
                return { depth, openString: false, negative: true };
        }
    }
    return { depth, openString: inString, negative: false };
}
/** Inside a pretty-printed object every line is indented, except the closing brace of the top level. */
function continuesObject(text) {
    if (text.length === 0)
        return false;
    const c = text.charCodeAt(0);
    return c === SPACE || c === TAB || c === CLOSE_BRACE || c === CLOSE_BRACKET;
}
function firstNonBlank(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== SPACE && c !== TAB && c !== 0xfeff)
            return i;
    }
    return -1;
}
function tryParse(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/parse/rawjson/entry-lines.ts
// Go's encoder writes a SolveStatus's arrays in order (vertexes, statuses, logs, warnings) and each
// entry's keys in struct order, one key a line when pretty-printed. So the k-th `"digest":` line is
// the k-th vertex (only vertices have that key), the k-th `"vertex":` line the k-th status (statuses
// come before logs and warnings, which also have one), the k-th `"data":` line the k-th log (warnings,
// whose source info also has `data`, come last).
const KEY_LINE = /^\s*"(digest|error|completed|vertex|data)":/;
/** Which input line holds each entry of an object, so that evidence points at the right line. */
class EntryLines {
    digest = [];
    error = [];
    completed = [];
    vertexKey = [];
    data = [];
    first;
    multiLine;
    constructor(chunk) {
        this.first = chunk.firstLine;
        this.multiLine = chunk.lines !== null && chunk.lines.length > 1;
        if (!this.multiLine)
            return;
        chunk.lines.forEach((text, i) => {
            const match = KEY_LINE.exec(text);
            if (!match)
                return;
            const no = chunk.firstLine + i;
            switch (match[1]) {
                case 'digest':
                    this.digest.push(no);
                    break;
                case 'error':
                    this.error.push(no);
                    break;
                case 'completed':
                    this.completed.push(no);
                    break;
                case 'vertex':
                    this.vertexKey.push(no);
                    break;
                default:
                    this.data.push(no);
            }
        });
    }
    /** The line where vertex entry k begins. */
    vertex(k) {
        return this.digest[k] ?? this.first;
    }
    /** The line of vertex entry k's `error` (or else `completed`) field. */
    vertexEnd(k, hasError) {
        if (!this.multiLine)
            return this.first;
        const start = this.digest[k];
        if (start === undefined)
            return this.first;
        const end = this.digest[k + 1] ?? this.vertexKey[0] ?? Number.POSITIVE_INFINITY;
        const inEntry = (l) => l > start && l < end;
        return (hasError ? this.error.find(inEntry) : undefined) ?? this.completed.find(inEntry) ?? start;
    }
    status(k) {
        return this.vertexKey[k] ?? this.first;
    }
    log(k) {
        return this.data[k] ?? this.first;
    }
}

;// CONCATENATED MODULE: ./src/parse/rawjson/solve-status.ts
// BuildKit's SolveStatus (github.com/moby/buildkit/client/graph.go) as `--progress=rawjson` writes it.
// The input is untrusted: every field is read through the guards below, never assumed.
const KEYS = ['vertexes', 'statuses', 'logs', 'warnings'];
/** The SolveStatus in `value`, or null when it is some other JSON (no SolveStatus key holds an array). */
function readSolveStatus(value) {
    if (!isRecord(value))
        return null;
    if (!KEYS.some((key) => Array.isArray(value[key])))
        return null;
    return {
        vertexes: records(value.vertexes)
            .map(readVertex)
            .filter((v) => v !== null),
        statuses: records(value.statuses)
            .map(readStatus)
            .filter((s) => s !== null),
        logs: records(value.logs)
            .map(readLog)
            .filter((l) => l !== null),
        warnings: records(value.warnings).map(readWarning),
    };
}
function readVertex(v, index) {
    if (!v || typeof v.digest !== 'string' || v.digest === '')
        return null;
    const group = isRecord(v.progressGroup) && typeof v.progressGroup.id === 'string' && v.progressGroup.id !== '' ? v.progressGroup : null;
    return {
        index,
        digest: v.digest,
        name: typeof v.name === 'string' ? v.name : '',
        started: timestamp(v.started),
        completed: timestamp(v.completed),
        cached: v.cached === true,
        error: typeof v.error === 'string' && v.error !== '' ? v.error : null,
        group: group ? { id: group.id, name: typeof group.name === 'string' ? group.name : '' } : null,
    };
}
function readStatus(s, index) {
    if (!s || typeof s.vertex !== 'string' || typeof s.id !== 'string')
        return null;
    return { index, id: s.id, vertex: s.vertex, started: timestamp(s.started), completed: timestamp(s.completed) };
}
function readLog(l, index) {
    if (!l || typeof l.vertex !== 'string' || typeof l.data !== 'string')
        return null;
    return { index, vertex: l.vertex, stream: typeof l.stream === 'number' ? l.stream : 1, data: l.data, timestamp: timestamp(l.timestamp) };
}
function readWarning(w, index) {
    const record = w ?? {};
    return {
        index,
        vertex: typeof record.vertex === 'string' ? record.vertex : '',
        level: typeof record.level === 'number' ? record.level : 0,
        short: typeof record.short === 'string' ? decodeBase64Text(record.short) : '',
        detail: Array.isArray(record.detail)
            ? record.detail
                .filter((d) => typeof d === 'string')
                .slice(0, 20)
                .map(decodeBase64Text)
            : [],
        url: typeof record.url === 'string' && record.url !== '' ? record.url : null,
    };
}
function records(value) {
    return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : null)) : [];
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function decodeBase64Text(data) {
    return Buffer.from(data, 'base64').toString('utf8');
}
// RFC 3339 with up to nanoseconds, as Go writes time.Time: `2026-11-29T05:58:51.139608677Z`.
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
/**
 * Milliseconds since the epoch, fractional (a double keeps well under a microsecond at today's
 * epoch), or null for a missing value and Go's zero time (`0001-01-01T00:00:00Z`).
 */
function timestamp(value) {
    if (typeof value !== 'string')
        return null;
    const match = RFC3339.exec(value);
    if (!match)
        return null;
    if (match[1].startsWith('0001-'))
        return null;
    const whole = Date.parse(`${match[1]}${match[3]}`);
    if (Number.isNaN(whole))
        return null;
    return match[2] === undefined ? whole : whole + Number(`0.${match[2]}`) * 1000;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/input-problems.ts

/** Counts one more problem of `kind`; the first of each kind says where and what. */
function countProblem(counts, kind, problem) {
    const known = counts.get(kind);
    if (known) {
        known.count++;
    }
    else {
        counts.set(kind, { count: 1, firstLine: problem.firstLine, lastLine: problem.lastLine, detail: problem.detail });
    }
}
/** The notes that tell what was skipped of a rawjson input, and why. */
function renderProblems(problems) {
    const notes = [];
    const at = (p) => (p.firstLine === p.lastLine ? `line ${p.firstLine}` : `lines ${p.firstLine}-${p.lastLine}`);
    for (const [kind, p] of problems) {
        switch (kind) {
            case 'truncated':
                notes.push(`the rawjson progress ends inside a JSON object (from line ${p.firstLine}): the log was cut off`);
                break;
            case 'oversize':
                notes.push(`${p.count} rawjson object(s) over ${MAX_OBJECT_CHARS / (1024 * 1024)} MiB were skipped (first at ${at(p)}): the steps they updated may be incomplete`);
                break;
            case 'broken':
                notes.push(`${p.count} rawjson object(s) were cut off or malformed and skipped (first at ${at(p)}: ${p.detail})`);
                break;
            case 'not-progress':
                notes.push(`${p.count} JSON object(s) that are not BuildKit progress were skipped (first at ${at(p)})`);
                break;
            default:
                notes.push(`${p.count} line(s) of the rawjson progress were not valid JSON and were skipped (first at ${at(p)})`);
        }
    }
    return notes;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/step-output.ts


const step_output_NEWLINE = 0x0a;
/** An unfinished output line of a step is kept up to this many bytes until its newline comes. */
const MAX_PARTIAL_BYTES = 8 * 1024;
/**
 * A step's output as rawjson carries it: base64 bytes whose lines may span log objects. Cuts them
 * into lines where their newlines are; holds at most one unfinished line (bounded) per step.
 */
class StepOutput {
    /** Start of the step's current run, for the `#N 1.234` offsets of its output lines. */
    runStart = null;
    /** Bytes of an output line whose newline has not come yet. */
    partial = null;
    partialLine = 0;
    partialTs = null;
    /** The bytes of one log object, read at input line `line`. */
    add(step, log, line, sink) {
        const bytes = Buffer.from(log.data, 'base64');
        // The lines of one log object share its time: its `1.234` offset is written once, not per line.
        let at = null;
        let start = 0;
        for (;;) {
            const end = bytes.indexOf(step_output_NEWLINE, start);
            if (end === -1)
                break;
            const piece = bytes.subarray(start, end);
            const whole = this.partial ? Buffer.concat([this.partial, piece]) : piece;
            this.partial = null;
            at ??= offset(log.timestamp, this.runStart);
            sink(step, line, render(step, whole, at));
            start = end + 1;
        }
        if (start < bytes.length) {
            const rest = bytes.subarray(start);
            if (!this.partial) {
                // The line is quoted where, and timed when, its first bytes came (as the plain printer does).
                this.partialLine = line;
                this.partialTs = log.timestamp;
            }
            const kept = this.partial ? Buffer.concat([this.partial, rest]) : Buffer.from(rest);
            this.partial = kept.length > MAX_PARTIAL_BYTES ? kept.subarray(0, MAX_PARTIAL_BYTES) : kept;
        }
    }
    /** The step ended (or the input did): an unfinished last line is a line too. */
    flush(step, sink) {
        if (!this.partial)
            return;
        const partial = this.partial;
        this.partial = null;
        sink(step, this.partialLine, render(step, partial, offset(this.partialTs, this.runStart)));
    }
}
/** One output line; `at` is its offset from the step's start as the plain printer writes it. */
function render(step, bytes, at) {
    let text = bytes.toString('utf8');
    if (text.endsWith('\r'))
        text = text.slice(0, -1);
    text = stripAnsi(text);
    if (text.length > MAX_EXCERPT_LINE)
        text = text.slice(0, MAX_EXCERPT_LINE);
    return `#${step.id} ${at} ${text}`;
}
/** `1.234`, `12.34`, `123.4`: seconds since the step started, as the plain printer writes them. */
function offset(ts, start) {
    const seconds = ts !== null && start !== null ? Math.max(0, (ts - start) / 1000) : 0;
    return seconds.toFixed(seconds < 10 ? 3 : seconds < 100 ? 2 : 1);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/raw-build.ts



const raw_build_PUSHED_MANIFEST = /^pushing manifest for (\S+)@(sha256:[0-9a-f]{64})/;
const raw_build_NAMED = /^naming to (\S+)(?: done)?/;
// BuildKit's printers show a vertex whose error ends so as CANCELED, not ERROR.
const CANCELED_ERROR = /context canceled$/;
/** Completed status lines remembered per running step (to print each once). */
const MAX_STATUS_IDS = 256;
const MAX_WARNINGS = 100;
/**
 * One build of a rawjson stream: merges vertex updates by digest (a progress group into one step),
 * numbers steps in order of first start as the plain printer does, and tells its BuildState what
 * happened. Evidence quotes what the plain printer would have printed (`#6 ERROR: ...`).
 */
class RawBuild {
    echo;
    state;
    tracks = new Map();
    groups = new Map();
    /** Step id -> the vertex digest (or `progress-group:ID` for a group of vertices shown as one step). */
    digests = new Map();
    warnings = [];
    problems = new Map();
    nextId = 1;
    firstStart = null;
    lastEnd = null;
    /** Plain text came after the progress (the error trailer): new vertices after it are a new build. */
    trailer = false;
    /** The last thing the build printed, as the plain printer would have: its boundary's last line. */
    lastEvent = null;
    constructor(line, text, echo) {
        this.echo = echo;
        this.state = new BuildState({ line, timestamp: null, step: null, text });
    }
    applyVertex(vertex, lines) {
        let track = this.tracks.get(vertex.digest);
        if (!track) {
            if (vertex.group) {
                const key = `progress-group:${vertex.group.id}`;
                track = this.groups.get(key);
                if (!track) {
                    track = newTrack(key, vertex.group.name || vertex.name);
                    this.groups.set(key, track);
                }
            }
            else {
                track = newTrack(vertex.digest, vertex.name);
            }
            this.tracks.set(vertex.digest, track);
        }
        if (track.name === '' && vertex.name !== '')
            track.name = detach(vertex.name);
        const known = track.members.get(vertex.digest);
        // BuildKit announces vertices before they start, and may announce them again: such an update does
        // not undo a start (its own printer ignores it too).
        if (known && known.start !== null && vertex.started === null)
            return;
        track.members.set(vertex.digest, {
            start: vertex.started,
            end: vertex.completed,
            cached: vertex.cached,
            error: vertex.error === null ? null : detach(vertex.error),
            line: lines.vertex(vertex.index),
            endLine: lines.vertexEnd(vertex.index, vertex.error !== null),
        });
        this.refresh(track);
    }
    /** Applies the merged state of a track's vertices to its step. */
    refresh(track) {
        let start = null;
        let latest = null;
        let end = null;
        let allEnded = true;
        let allCached = true;
        let error = null;
        let line = Number.POSITIVE_INFINITY;
        let endLine = 0;
        for (const member of track.members.values()) {
            if (member.start === null)
                continue;
            if (start === null || member.start < start)
                start = member.start;
            if (!latest || member.start >= latest.start)
                latest = member;
            line = Math.min(line, member.line);
            if (member.end === null) {
                allEnded = false;
                continue;
            }
            if (end === null || member.end > end)
                end = member.end;
            endLine = Math.max(endLine, member.endLine);
            allCached &&= member.cached;
            error ??= member.error;
        }
        // Never started: BuildKit's printers do not show it, and neither does the build model.
        if (start === null || latest === null)
            return;
        if (this.firstStart === null || start < this.firstStart)
            this.firstStart = start;
        track.output.runStart = latest.start;
        let step = track.step;
        if (!step) {
            const id = this.nextId++;
            step = this.state.vertex(id, track.name || track.key, line);
            track.step = step;
            this.digests.set(id, track.key);
            this.render(step.line, `#${id} ${step.name}`);
        }
        if (!allEnded || end === null) {
            if (step.status !== 'running') {
                this.state.restartStep(step);
                track.endSignature = null;
            }
            return;
        }
        if (this.lastEnd === null || end > this.lastEnd)
            this.lastEnd = end;
        const canceled = error !== null && CANCELED_ERROR.test(error);
        const status = error !== null ? (canceled ? 'canceled' : 'error') : allCached ? 'cached' : 'done';
        const signature = `${status}|${end}|${error ?? ''}`;
        if (track.endSignature === signature)
            return;
        track.endSignature = signature;
        this.flushOutput(track);
        // A progress group runs from its first start to its last end; a vertex as its latest update says,
        // which is what the plain printer's `DONE x.ys` shows.
        const seconds = exactSeconds(track.members.size > 1 ? end - start : latest.end - latest.start);
        // As the plain printer ends a step (`DONE` with one decimal; `seconds` keeps the exact value).
        const endText = status === 'error'
            ? `#${step.id} ERROR: ${error}`
            : status === 'canceled'
                ? `#${step.id} CANCELED`
                : status === 'cached'
                    ? `#${step.id} CACHED`
                    : `#${step.id} DONE ${seconds.toFixed(1)}s`;
        const ending = { line: endLine, text: endText };
        if (status === 'error')
            this.state.stepFailed(step, ending, seconds, error);
        else if (status === 'canceled')
            this.state.stepCanceled(step, ending, seconds);
        else if (status === 'cached')
            this.state.stepCached(step, ending, seconds);
        else
            this.state.stepDone(step, ending, seconds);
        if (status === 'done' || status === 'cached')
            track.doneStatuses = null;
        this.render(endLine, endText);
        if (status === 'error')
            this.echo.failure();
    }
    applyStatus(status, line) {
        const track = this.tracks.get(status.vertex);
        const step = track?.step;
        if (!track || !step)
            return;
        const pushed = raw_build_PUSHED_MANIFEST.exec(status.id);
        if (pushed)
            this.state.addImage(pushed[1], pushed[2], true);
        else {
            const named = raw_build_NAMED.exec(status.id);
            if (named)
                this.state.addImage(named[1], null, false);
        }
        if (status.completed === null)
            return;
        track.doneStatuses ??= new Set();
        if (track.doneStatuses.has(status.id) || track.doneStatuses.size >= MAX_STATUS_IDS)
            return;
        track.doneStatuses.add(status.id);
        const elapsed = status.started !== null ? (status.completed - status.started) / 1000 : 0;
        const text = `#${step.id} ${status.id}${elapsed > 0.01 ? ` ${elapsed.toFixed(1)}s` : ''} done`;
        this.state.stepOutput(step, { line, text });
        this.render(line, text);
    }
    /** A step's output: base64 bytes, cut into lines where their newlines are (a line may span logs). */
    applyLog(log, line) {
        const track = this.tracks.get(log.vertex);
        if (!track || !track.step)
            return;
        track.output.add(track.step, log, line, this.outputLine);
    }
    applyWarning(warning, line) {
        const step = this.tracks.get(warning.vertex)?.step ?? null;
        const text = warning.short.replace(/\s+$/, '');
        if (this.warnings.length < MAX_WARNINGS) {
            this.warnings.push({
                line,
                stepId: step?.id ?? null,
                level: warning.level,
                text: detach(text),
                detail: warning.detail.map(detach),
                url: warning.url === null ? null : detach(warning.url),
            });
        }
        const rendered = step ? `#${step.id} WARN: ${text}` : `WARN: ${text}`;
        if (step)
            this.state.stepOutput(step, { line, text: rendered });
        this.render(line, rendered);
    }
    /** The input ended or the build did: unfinished output lines of every step are lines too. */
    flushAll() {
        for (const track of this.tracks.values())
            this.flushOutput(track);
    }
    flushOutput(track) {
        if (track.step)
            track.output.flush(track.step, this.outputLine);
    }
    outputLine = (step, line, text) => {
        this.state.stepOutput(step, { line, text });
        this.render(line, text);
    };
    /** A line as the plain printer would have printed it: for the excerpt and the build's last line. */
    render(line, text) {
        this.echo.print(line, text);
        this.state.reach(line);
        if (!this.lastEvent || line >= this.lastEvent.line)
            this.lastEvent = { line, text };
    }
}
function newTrack(key, name) {
    return { key: detach(key), name: detach(name), members: new Map(), step: null, output: new StepOutput(), doneStatuses: null, endSignature: null };
}
/** Seconds from milliseconds, to the millisecond (BuildKit's timestamps have nanoseconds). */
function exactSeconds(ms) {
    return Math.max(0, Math.round(ms)) / 1000;
}

;// CONCATENATED MODULE: ./src/parse/rawjson/rawjson-parser.ts










// The first vertex of every build: once a build has ended, one more starts a new build.
const BUILD_START = /^\[internal\] load (?:build definition|remote build context)\b/;
/**
 * Reads `docker buildx build --progress=rawjson` output (and `buildx history logs --progress=rawjson`)
 * into the same build model as BuildKit's plain progress: one SolveStatus JSON object per line
 * (buildx 0.14+) or pretty-printed over many lines (buildx 0.13), then the plain-text error trailer of
 * a failed build. Vertex updates are merged by digest; steps are numbered in order of first start, as
 * the plain printer numbers them. Holds per-step summaries, the last output lines of running steps and
 * the object being read, never the log.
 *
 * Evidence quotes what the plain printer would have printed (`#6 ERROR: ...`, `#6 0.053 error: ...`)
 * with the line number of the JSON line it came from: several quoted lines can share a line number.
 */
class RawJsonParser {
    source;
    name;
    splitter;
    /** Lines the signatures will want: the lines around them are kept for the diagnosis. */
    selector;
    excerpt = new ExcerptCollector();
    /** Builds print here what the plain printer would have printed: the excerpt, marked where the catalog wants. */
    echo = {
        print: (line, text) => {
            this.excerpt.push(line, text);
            if (this.selector?.select(text))
                this.excerpt.mark();
        },
        failure: () => this.excerpt.mark(),
    };
    current = null;
    finished = [];
    /** Problems seen before any build exists: they go to the first build. */
    orphanProblems = new Map();
    firstLine = null;
    lastLine = 0;
    firstTs = null;
    lastTs = null;
    job = null;
    ended = false;
    resultExtras = [];
    resultNotes = [];
    constructor(source, 
    /** What to call its builds when the input has no job names (as BuildLogParser's `name`). */
    name = null, selector = null) {
        this.source = source;
        this.name = name;
        this.selector = selector;
        this.splitter = new JsonObjectSplitter({
            object: (chunk) => this.onObject(chunk),
            text: (line) => this.onText(line),
            problem: (problem) => this.onProblem(problem),
        });
    }
    push(line) {
        this.firstLine ??= line.no;
        this.lastLine = line.no;
        if (line.timestamp !== null) {
            this.firstTs ??= line.timestamp;
            this.lastTs = line.timestamp;
        }
        if (this.job === null && line.job !== null)
            this.job = line.job;
        this.splitter.push(line);
    }
    /** Ends the input: every build found, in input order. */
    end() {
        if (!this.ended) {
            this.ended = true;
            this.splitter.end();
            if (this.current)
                this.finish(this.current, this.lastLine);
            this.current = null;
            const base = this.job ?? this.name ?? buildNameOf(this.source);
            this.finished.forEach(({ build }, index) => {
                build.name = numberedName(base, index, this.finished.length);
            });
            this.resultExtras = this.finished.map((f) => f.extras);
            // Problems no build took (no build at all, or after the last one): the parser's, or the last build's.
            const left = renderProblems(this.orphanProblems);
            const last = this.finished.at(-1);
            if (last)
                last.build.notes.push(...left);
            else
                this.resultNotes = left;
        }
        return this.finished.map((f) => f.build);
    }
    /** Per build returned by end(), in the same order: step digests and warnings. */
    get extras() {
        return this.resultExtras;
    }
    /** Input problems when no build was found (otherwise they are in the builds' notes), after end(). */
    get notes() {
        return this.resultNotes;
    }
    // ---- input -------------------------------------------------------------------------------------
    onObject(chunk) {
        const status = readSolveStatus(chunk.value);
        if (!status) {
            this.problem('not-progress', {
                kind: 'invalid',
                firstLine: chunk.firstLine,
                lastLine: chunk.lastLine,
                detail: 'a JSON object that is not BuildKit progress',
            });
            return;
        }
        let build = this.current;
        if (build && this.startsNewBuild(build, status)) {
            this.finish(build, chunk.firstLine - 1);
            build = null;
        }
        build ??= this.startBuild(chunk.firstLine, status.vertexes[0]?.name ?? 'rawjson progress');
        const lines = new EntryLines(chunk);
        for (const vertex of status.vertexes)
            build.applyVertex(vertex, lines);
        for (const s of status.statuses)
            build.applyStatus(s, lines.status(s.index));
        for (const log of status.logs)
            build.applyLog(log, lines.log(log.index));
        for (const warning of status.warnings)
            build.applyWarning(warning, chunk.firstLine);
        build.state.reach(chunk.lastLine);
    }
    onText(line) {
        const text = line.text;
        this.excerpt.push(line.no, text);
        if (text.trim() === '')
            return;
        let build = this.current;
        if (isBuildCommand(text)) {
            // A build command echoed before the progress (a script, a CI step): what it asked for.
            if (build && build.state.hasVertices) {
                this.finish(build, line.no - 1);
                build = null;
            }
            build ??= this.startBuild(line.no, text);
            build.state.invocation = parseBuildCommand(text.replace(/^\[command\]/, ''));
            return;
        }
        if (FINAL_ERROR.test(text)) {
            build ??= this.startBuild(line.no, text);
            build.state.failWithErrorBlock({ line: line.no, text });
            build.state.touch(line.no, null);
            build.lastEvent = { line: line.no, text };
            this.excerpt.mark();
        }
        if (!build)
            return;
        if (CACHE_IMPORT_WARNING.test(text))
            build.state.addCacheWarning({ line: line.no, text });
        if (build.state.hasVertices)
            build.trailer = true;
        if (build.state.capturingErrorBlock)
            build.state.addErrorDetail({ line: line.no, text });
    }
    onProblem(problem) {
        this.problem(problem.kind, problem);
    }
    problem(kind, problem) {
        countProblem(this.current?.problems ?? this.orphanProblems, kind, problem);
    }
    // ---- builds ------------------------------------------------------------------------------------
    startBuild(line, firstText) {
        const build = new RawBuild(line, firstText, this.echo);
        for (const [kind, count] of this.orphanProblems)
            build.problems.set(kind, count);
        this.orphanProblems.clear();
        this.current = build;
        return build;
    }
    /**
     * Several invocations in one input. Once a build has visibly ended (it failed, or its steps are done
     * and an exporter finished), the next one shows as its build definition being loaded again, or as
     * vertices never seen before after the plain-text trailer. Text in the middle of a build that has not
     * ended (a stray line) does not split it.
     */
    startsNewBuild(build, status) {
        if (!build.state.hasVertices || !build.state.ended)
            return false;
        return status.vertexes.some((v) => {
            const known = build.tracks.has(v.digest);
            if (BUILD_START.test(v.name))
                return !known || (v.started !== null && build.lastEnd !== null && v.started > build.lastEnd);
            return build.trailer && !known;
        });
    }
    finish(build, lastLine) {
        if (this.current === build)
            this.current = null;
        const state = build.state;
        if (!state.hasBuildSteps && state.errors.length === 0) {
            // Nothing was built (progress without a started step): no build, as with the plain parser;
            // what was wrong with the input is still told.
            for (const [kind, count] of build.problems)
                if (!this.orphanProblems.has(kind))
                    this.orphanProblems.set(kind, count);
            return;
        }
        build.flushAll();
        const result = state.toBuild({
            name: '',
            source: this.source,
            job: this.job,
            jobSeconds: jobSecondsBetween(this.firstTs, this.lastTs),
            nativePlatform: null,
            jobCanceled: false,
            origin: 'rawjson progress',
            buildSeconds: build.firstStart !== null && build.lastEnd !== null ? exactSeconds(build.lastEnd - build.firstStart) : null,
        });
        result.notes.push(...renderProblems(build.problems));
        // The first step's header, as the plain printer would show it (an object may only announce vertices).
        const first = result.steps[0];
        if (first)
            result.boundary.first = { line: first.line, text: `#${first.id} ${first.name}` };
        if (build.lastEvent)
            result.boundary.last = { line: build.lastEvent.line, text: detach(build.lastEvent.text) };
        // A build that did not end well without an error (a log cut off) is explained, if at all, by its last lines.
        if (result.status === 'unknown')
            this.excerpt.mark();
        if (result.status !== 'success' || state.hasStepErrors) {
            const from = this.finished.length === 0 ? (this.firstLine ?? state.firstLine) : state.firstLine;
            result.excerpt = mergeEvidence(this.excerpt.between(from, lastLine), result.failedStepTail, result.errorDetails, result.errors);
        }
        this.finished.push({ build: result, extras: { digests: build.digests, warnings: build.warnings } });
    }
}
/** Several lists of evidence as one, in input order, each line once. */
function mergeEvidence(...lists) {
    const seen = new Set();
    const out = [];
    for (const list of lists) {
        for (const line of list) {
            const key = `${line.line}\u0000${line.text}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(line);
        }
    }
    // Stable: lines that share a line number keep their order of arrival.
    return out.sort((a, b) => a.line - b.line);
}

;// CONCATENATED MODULE: ./src/parse/rawjson/auto-parser.ts



/** Blank lines held at most before the first line with text decides the format. */
const MAX_HELD = 1000;
/**
 * A parser with BuildLogParser's shape that picks the format from the first line with text: rawjson
 * progress goes to RawJsonParser, anything else to BuildLogParser. Nothing is read twice: blank lines
 * before that line are held (a few) and handed over once the format is known.
 */
class AutoDetectParser {
    source;
    name;
    selector;
    parser = null;
    held = [];
    constructor(source, 
    /** What to call builds of an input without job names (BuildLogParser's and RawJsonParser's `name`). */
    name = null, 
    /** Which lines the signatures will want (the catalog decides what is kept for the diagnosis). */
    selector = null) {
        this.source = source;
        this.name = name;
        this.selector = selector;
    }
    /** The format chosen, once a line with text was seen. */
    get format() {
        if (this.parser === null)
            return null;
        return this.parser instanceof RawJsonParser ? 'rawjson' : 'plain';
    }
    /** Input problems a rawjson input had when it held no build (in the builds' notes otherwise). */
    get notes() {
        return this.parser instanceof RawJsonParser ? this.parser.notes : [];
    }
    push(line) {
        if (this.parser === null) {
            if (line.text.trim() === '') {
                if (this.held.length < MAX_HELD)
                    this.held.push(line);
                return;
            }
            this.parser = looksLikeRawJson(line.text)
                ? new RawJsonParser(this.source, this.name, this.selector)
                : new BuildLogParser(this.source, this.name, this.selector);
            for (const held of this.held)
                this.parser.push(held);
            this.held = [];
        }
        this.parser.push(line);
    }
    end() {
        // Nothing but blank lines: the plain parser says what it says about an empty log.
        const parser = this.parser ?? new BuildLogParser(this.source, this.name, this.selector);
        for (const held of this.held)
            parser.push(held);
        this.held = [];
        return parser.end();
    }
}

;// CONCATENATED MODULE: ./src/text/redact.ts
// Log text can carry credentials that GitHub's own masking missed (a token echoed by a script, a
// password in a URL or a JSON config). Everything buildx-doctor keeps from a log passes through here
// once, when the build model is made (src/parse/redact-build.ts); reports may call it again.
//
// Every pattern has bounded repetition before its anchor, so a long line cannot make it quadratic,
// and text is cut to MAX_REDACT characters first.
const MAX_REDACT = 8192;
/**
 * Each pattern with the texts it cannot match without (lower case; at least one must be in the
 * lower-cased text), so that a line with none of them costs a few substring searches instead of
 * every regular expression. Redaction runs on every line an excerpt keeps and again in the reports,
 * and this was a tenth of a whole analysis. A gate may let through text its pattern does not match
 * (then the pattern runs and changes nothing), never hold back text it matches. A replacement only
 * ever puts `***` in, so it cannot make a gate's text appear for a later pattern.
 */
const PATTERNS = [
    // GitHub, GitLab and npm tokens.
    [
        /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255}|glpat-[A-Za-z0-9_-]{20,255}|npm_[A-Za-z0-9]{30,255})\b/g,
        '***',
        ['gh', 'github_pat_', 'glpat-', 'npm_'],
    ],
    // JSON Web Tokens (registry bearer tokens, OIDC tokens).
    [/\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}/g, '***', ['eyj']],
    // AWS access key ids.
    [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '***', ['akia', 'asia']],
    // `Authorization: Bearer xxx`, `"Authorization": "Basic xxx"`.
    [/(Authorization"?\s{0,8}[:=]\s{0,8}"?(?:Bearer|Basic|token)\s{1,8})[^\s"']{1,4096}/gi, '$1***', ['authorization']],
    // Credentials in URLs: scheme://user:password@host (the password may itself hold an @).
    // The user may be empty (`https://:token@host`).
    [/\b([a-z][a-z0-9+.-]{0,32}:\/\/[^\s:/@]{0,256}:)(?!\*\*\*@)[^\s/]{1,512}@(?=[^\s@/]{1,256}(?:[/:\s]|$))/gi, '$1***@', ['://']],
    // --password xxx, --token=xxx, -p xxx after a login, curl -u user:pass (command lines).
    [/(--(?:password|passwd|token|secret|api-key|access-key)(?:=|\s{1,8}))(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|\S{1,4096})/gi, '$1***', ['--']],
    // -p after a login (docker, helm, oras, podman), a mysql client or a -u user, in every form:
    // `-p X`, `-pX`, `-p=X`, `-p "two words"`.
    [
        /(\b(?:login|mysql\w{0,16})\b[^\n]{0,256}?\s-p|\s-u\s{1,8}\S{1,256}\s{1,8}-p)(=|\s{1,8})?(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s"']\S{0,4095})/g,
        '$1$2***',
        ['-p'],
    ],
    // A continuation line that holds only `-p X \` (the `login` was on the line before).
    [
        /^(\s{0,64}(?:#\d{1,9}\s(?:\d{1,9}\.\d{1,9}\s)?)?\s{0,64}-p)(=|\s{1,8})(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s"'\\]\S{0,4095})(?=\s{1,8}\\\s{0,8}$)/g,
        '$1$2***',
        ['-p'],
    ],
    [/(\s-u\s{1,8}[^\s:]{1,256}:)(?!\*\*\*)\S{1,4096}/g, '$1***', ['-u']],
    // "password": "xxx", "token": "xxx", "auth": "xxx" (JSON and docker config.json).
    [
        /("[\w-]{0,64}(?:password|passwd|token|secret|auth|api_?key|access_?key)[\w-]{0,64}"\s{0,8}:\s{0,8}")(?!\*\*\*)[^"]{1,4096}"/gi,
        '$1***"',
        ['pass', 'token', 'secret', 'auth', 'api', 'access'],
    ],
    // password=xxx, TOKEN=xxx, SECRET_KEY=xxx (assignments).
    [
        /\b([A-Z0-9_]{0,64}(?:password|passwd|token|secret|api_?key|access_?key)[A-Z0-9_]{0,64}\s{0,8}=\s{0,8})(?!\*\*\*)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s,;"']{1,4096})/gi,
        '$1***',
        ['pass', 'token', 'secret', 'api', 'access'],
    ],
    // password: xxx, api_key: xxx, GITHUB_TOKEN: xxx (config dumps). Not a bare "token:", which is
    // BuildKit's own wording ("failed to fetch oauth token: unexpected status: 403") and must stay;
    // nor BuildKit's "secret GITHUB_TOKEN: not found", which names the missing secret, not its value.
    [
        /\b([A-Z0-9_]{0,64}(?:password|passwd|secret|api_?key|access_?key|_token)[A-Z0-9_]{0,64}\s{0,8}:\s{0,8})(?!\*\*\*|not found\b)("[^"]{0,4096}"|'[^']{0,4096}'|[^\s,;"']{1,4096})/gi,
        '$1***',
        ['pass', 'secret', 'api', 'access', '_token'],
    ],
    // PEM private keys (the header line is enough to know the rest is secret).
    [/-----BEGIN [A-Z ]{0,64}PRIVATE KEY-----.*/g, '-----BEGIN PRIVATE KEY----- ***', ['-----begin']],
];
function redact(text) {
    let out = text.length > MAX_REDACT ? `${text.slice(0, MAX_REDACT)}…` : text;
    let lower = null;
    for (const [pattern, replacement, gate] of PATTERNS) {
        lower ??= out.toLowerCase();
        if (gate.some((needle) => lower.includes(needle)))
            out = out.replace(pattern, replacement);
    }
    return out;
}
/** redact without the gates: every pattern on every text. The reference the gates are tested against. */
function redactUngated(text) {
    let out = text.length > MAX_REDACT ? `${text.slice(0, MAX_REDACT)}…` : text;
    for (const [pattern, replacement] of PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}

;// CONCATENATED MODULE: ./src/parse/redact-build.ts

/** Step names longer than this are cut: a name is a label, and memory must not grow with one line. */
const MAX_NAME = 1024;
/**
 * Takes secrets out of everything a build keeps from its log, once, before anything reports on it:
 * the build's, job's and file's names, step names and errors, error lines and excerpts, the command's options (a `--cache-to` can hold
 * S3 keys), notes. Reports, findings and the JSON report are made from this model only.
 */
function redactBuild(build) {
    // A token can sit in a job's or a file's name too (a matrix value, a path built from a secret).
    build.name = redact(cut(build.name));
    build.source = redact(build.source);
    if (build.job !== null)
        build.job = redact(cut(build.job));
    for (const step of build.steps) {
        step.name = redact(cut(step.name));
        step.command = redact(cut(step.command));
        if (step.error !== null)
            step.error = redact(step.error);
        if (step.endText !== null)
            step.endText = redact(step.endText);
    }
    const lines = (list) => {
        for (const line of list)
            line.text = redact(line.text);
    };
    lines(build.errors);
    lines(build.errorDetails);
    lines(build.failedStepTail);
    lines(build.cache.warnings ?? []);
    lines(build.excerpt);
    build.boundary.first.text = redact(build.boundary.first.text);
    build.boundary.last.text = redact(build.boundary.last.text);
    for (const list of [build.cache.imports, build.cache.exports])
        for (const op of list)
            if (op.ref !== null)
                op.ref = redact(op.ref);
    build.request.cacheFrom = build.request.cacheFrom.map(redact);
    build.request.cacheTo = build.request.cacheTo.map(redact);
    build.request.tags = build.request.tags.map(redact);
    if (build.request.dockerfile !== null)
        build.request.dockerfile = redact(build.request.dockerfile);
    build.notes = build.notes.map(redact);
    build.runner.metadataTemplates = build.runner.metadataTemplates.map(redact);
}
function cut(text) {
    return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text;
}

;// CONCATENATED MODULE: ./src/parse/parse-source.ts






const FIRST_LINE_QUOTE = 120;
/** Reads one source through the pipeline: bytes -> lines -> decoded lines -> builds. */
/**
 * `selector` is the catalog's say in what is kept for the diagnosis (diagnose/line-selector.ts);
 * without one, only lines that state a failure in general words are.
 */
async function parseSource(source, selector = null) {
    const decoder = new LineDecoder();
    const parser = new AutoDetectParser(source.label, source.name, selector);
    let cutLines = 0;
    let firstText = null;
    let counts = { lines: 0, bytes: 0 };
    const problems = [];
    try {
        const chunks = await source.open();
        const take = (raw) => {
            const line = decoder.decode(raw);
            if (firstText === null && line.text.trim() !== '')
                firstText = line.text.trim();
            parser.push(line);
        };
        counts = await readLines(chunks, (raw) => {
            if (raw.cutBytes > 0)
                cutLines++;
            // Terminal output pasted into a file redraws with a lone `\r`: each part is a line of its own
            // (with the same line number, which is where it is in the file).
            if (raw.text.includes('\r')) {
                for (const part of raw.text.split('\r'))
                    if (part !== '')
                        take({ ...raw, text: part });
            }
            else {
                take(raw);
            }
        });
    }
    catch (error) {
        const message = describeError(error);
        problems.push({ source: source.label, message: message.startsWith(source.label) ? message : `${source.label}: ${message}` });
    }
    const builds = parser.end();
    source.enrich?.(builds);
    for (const build of builds)
        redactBuild(build);
    if (problems.length === 0) {
        if (counts.bytes === 0 || firstText === null) {
            problems.push({ source: source.label, message: `${source.label}: the log is empty` });
        }
        else if (builds.length === 0) {
            problems.push({ source: source.label, message: noBuildMessage(source.label, firstText) });
            for (const note of parser.notes)
                problems.push({ source: source.label, message: `${source.label}: ${note}` });
        }
    }
    if (cutLines > 0) {
        problems.push({ source: source.label, message: `${source.label}: ${cutLines} line(s) longer than 64 KiB were cut` });
    }
    return { source: source.label, builds, problems: problems.map((p) => ({ ...p, message: redact(p.message) })), ...counts };
}
function noBuildMessage(label, firstText) {
    const quote = firstText.length > FIRST_LINE_QUOTE ? `${firstText.slice(0, FIRST_LINE_QUOTE)}…` : firstText;
    if (/still in progress|not (yet )?(be )?available/i.test(firstText)) {
        return `${label}: the run was still in progress when this log was saved, so it holds no build output ("${quote}"); fetch the log again once the run has finished`;
    }
    return `${label}: no Docker build output found (first line: "${quote}")`;
}

;// CONCATENATED MODULE: ./src/parse/parse-sources.ts

/**
 * How many sources are read at once. A matrix's job logs come from GitHub one request each: while
 * one downloads, others are parsed as their bytes arrive. Each source streams through its own
 * bounded parser, so memory grows with this number, never with the size of a log.
 */
const CONCURRENT_SOURCES = 4;
/**
 * parseSource for every source, at most `limit` at a time, results in the order of `sources`
 * (reports do not depend on which download finished first).
 */
async function parseSources(sources, selector, limit = CONCURRENT_SOURCES) {
    const results = new Array(sources.length);
    let next = 0;
    const worker = async () => {
        while (next < sources.length) {
            const index = next++;
            results[index] = await parseSource(sources[index], selector);
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), sources.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/diagnose/required-literals.ts
// Which plain texts a regular expression cannot match without: a cheap test (a substring search)
// that rules a line out before any regular expression runs on it.
/** Literals shorter than this rule out too little to be worth testing. */
const MIN_LITERAL = 3;
/**
 * A set of literals of which every match of `source` contains at least one, or null when there is
 * no such set of useful literals (a pattern made only of classes and wildcards). Conservative: it
 * may return null for a pattern that has literals, never a set that a match could avoid.
 */
function requiredLiterals(source) {
    try {
        const parsed = parseAlternation(source, 0);
        return parsed.end === source.length ? best(parsed.branches) : null;
    }
    catch {
        return null;
    }
}
/** The alternatives of a group or of the whole pattern, each with its candidate sets. */
function parseAlternation(source, start) {
    const branches = [];
    let candidates = [];
    let run = '';
    const flush = () => {
        if (run.length >= MIN_LITERAL)
            candidates.push([run]);
        run = '';
    };
    let i = start;
    while (i < source.length) {
        const c = source[i];
        if (c === ')')
            break;
        if (c === '|') {
            flush();
            branches.push(candidates);
            candidates = [];
            i++;
            continue;
        }
        if (c === '(') {
            flush();
            let inner = i + 1;
            let capturing = true;
            if (source[inner] === '?') {
                // (?:  (?<name>  (?=  (?!  (?<=  (?<!
                const kind = source[inner + 1];
                if (kind === ':')
                    inner += 2;
                else if (kind === '<' && source[inner + 2] !== '=' && source[inner + 2] !== '!')
                    inner = source.indexOf('>', inner) + 1;
                else {
                    // A lookaround matches no text of its own: its literals are not required.
                    capturing = false;
                    inner += kind === '<' ? 3 : 2;
                }
            }
            const group = parseAlternation(source, inner);
            if (source[group.end] !== ')')
                throw new Error('unbalanced');
            i = group.end + 1;
            const optional = isOptionalQuantifier(source, i);
            i = skipQuantifier(source, i);
            if (capturing && !optional) {
                const set = best(group.branches);
                if (set)
                    candidates.push(set);
            }
            continue;
        }
        if (c === '[') {
            flush();
            i = skipClass(source, i);
            i = skipQuantifier(source, i);
            continue;
        }
        let literal;
        let next = i + 1;
        if (c === '\\') {
            const e = source[i + 1];
            next = i + 2;
            if (e === undefined)
                throw new Error('trailing backslash');
            if (/[dDsSwWbBnrtfv0-9pPuxck]/.test(e)) {
                if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'k' || e === 'c')
                    throw new Error('escape not handled');
                literal = null;
            }
            else {
                literal = e;
            }
        }
        else if (c === '.' || c === '^' || c === '$') {
            literal = null;
        }
        else if (c === '*' || c === '+' || c === '?' || c === '{') {
            throw new Error('quantifier without atom');
        }
        else {
            literal = c;
        }
        if (literal === null) {
            flush();
            i = skipQuantifier(source, next);
            continue;
        }
        if (isOptionalQuantifier(source, next)) {
            // `colou?r`: the letter before an optional quantifier may be missing.
            flush();
            i = skipQuantifier(source, next);
            continue;
        }
        run += literal;
        if (next < source.length && (source[next] === '+' || source[next] === '{')) {
            // `a+`, `a{2,}`: the letter is there at least once, but what follows is not adjacent.
            flush();
            i = skipQuantifier(source, next);
            continue;
        }
        i = next;
    }
    flush();
    branches.push(candidates);
    return { branches, end: i };
}
/** For alternatives: each must contribute a set; the result is their union, or null. */
function best(branches) {
    const union = [];
    for (const candidates of branches) {
        // The candidate whose shortest literal is longest rules out the most.
        let chosen = null;
        for (const set of candidates) {
            if (!chosen || shortest(set) > shortest(chosen))
                chosen = set;
        }
        if (!chosen)
            return null;
        union.push(...chosen);
    }
    return [...new Set(union)];
}
function shortest(set) {
    return Math.min(...set.map((s) => s.length));
}
function isOptionalQuantifier(source, i) {
    const c = source[i];
    if (c === '?' || c === '*')
        return true;
    if (c === '{')
        return /^\{0\s*(?:,|\})/.test(source.slice(i, i + 6));
    return false;
}
function skipQuantifier(source, i) {
    const c = source[i];
    if (c === '?' || c === '*' || c === '+')
        i++;
    else if (c === '{') {
        const close = source.indexOf('}', i);
        if (close === -1)
            throw new Error('unclosed quantifier');
        i = close + 1;
    }
    else
        return i;
    // A lazy or possessive marker.
    if (source[i] === '?')
        i++;
    return i;
}
function skipClass(source, i) {
    let j = i + 1;
    if (source[j] === '^')
        j++;
    if (source[j] === ']')
        j++;
    while (j < source.length && source[j] !== ']')
        j += source[j] === '\\' ? 2 : 1;
    if (j >= source.length)
        throw new Error('unclosed class');
    return j + 1;
}

;// CONCATENATED MODULE: ./src/diagnose/normalize.ts

// What signature patterns see of a line: the message, without the framing that build tools, CI
// systems and copy-paste put around it.
const FRAMING = [
    /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /, // AWS CodeBuild
    /^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] /, // devcontainer CLI
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z /, // a runner timestamp left in a pasted log
    /^(?:[>│|]\s?)+/, // quoting and box drawing
    /^#\d+ (?=\S)/, // BuildKit's vertex number
    /^\d+\.\d+ /, // seconds since the step started (progress and the error block)
];
/** The line as patterns see it. Bounded in length, so no pattern ever runs on a huge line. */
function normalizeForMatching(text) {
    let out = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
    out = out.trimStart();
    for (let pass = 0; pass < 2; pass++) {
        for (const framing of FRAMING) {
            const next = out.replace(framing, '');
            if (next !== out)
                out = next.trimStart();
        }
    }
    return out.replace(/^##\[error\]/, '').trimEnd();
}

;// CONCATENATED MODULE: ./src/diagnose/literal-set.ts
/** Characters are folded to 7-bit ASCII lower case; anything else shares one class. */
const ASCII = 128;
/**
 * Which of many literals a text contains, ignoring ASCII case, in one pass over the text (an
 * Aho-Corasick automaton compiled to a transition table). Each literal carries the id of what it
 * stands for (a pattern). It is a prefilter: a character outside ASCII matches any other such
 * character, so it may report a literal that is not there, never miss one that is.
 *
 * It runs over nearly every line of a log, so the table is kept small enough to stay in the CPU's
 * cache: a column per character class (the characters the literals use, folded; all the others
 * share column 0) instead of per ASCII character, and 16-bit state numbers when they fit. With the
 * built-in catalog's 8,000 states that is a table of about 1 MB instead of 4 MB (the line selection
 * over the sample's lines took about a quarter less time).
 */
class LiteralSet {
    /** next[(state << shift) + class]: the state after reading a character of that class, or `unknown`. */
    next;
    /** The table's mark of a transition not worked out yet (resolve). */
    unknown;
    /** Each state's failure state: where the scan goes on when no literal continues. */
    failure;
    shift;
    /** The class of each character code below 128; codes above share the class of non-ASCII. */
    classOf;
    nonAsciiClass;
    /** Whether reaching a state means a literal ended there. */
    accepts;
    /** The ids of the literals that end at a state (its own and its failure states'). */
    outputs;
    size;
    constructor(literals) {
        // Classes: 0 for characters no literal uses, then one per folded character a literal uses.
        const classOf = new Uint8Array(ASCII);
        let classes = 1;
        let nonAsciiClass = 0;
        for (const { text } of literals) {
            for (let i = 0; i < text.length; i++) {
                const code = text.charCodeAt(i);
                if (code >= ASCII) {
                    if (nonAsciiClass === 0)
                        nonAsciiClass = classes++;
                    continue;
                }
                const folded = fold(code);
                if (classOf[folded] === 0)
                    classOf[folded] = classes++;
            }
        }
        // Upper-case letters read as their lower case.
        for (let code = 65; code <= 90; code++)
            classOf[code] = classOf[code + 32];
        this.classOf = classOf;
        this.nonAsciiClass = nonAsciiClass;
        let shift = 0;
        while (1 << shift < classes)
            shift++;
        this.shift = shift;
        const width = 1 << shift;
        const column = (code) => (code < ASCII ? classOf[code] : nonAsciiClass);
        // The trie is built straight into a table (no map per state: the built-in catalog's set is made
        // at every start). Only the trie's edges and the root's row are filled now; every other
        // transition is UNKNOWN until a scan first needs it (resolve). Completing the whole table up
        // front meant states × classes steps (about 500,000 for the built-in catalog) in code that runs
        // once, in V8's interpreter: a quarter of a short run's time.
        let capacity = 1;
        for (const { text } of literals)
            capacity += text.length;
        const unknown = capacity < 0xffff ? 0xffff : -1;
        const table = unknown === 0xffff ? new Uint16Array(capacity * width) : new Int32Array(capacity * width);
        table.fill(unknown);
        const own = [[]];
        const accepting = [false];
        /** Each state's trie edges as [class, target] pairs, for the breadth-first pass. */
        const edges = [[]];
        let states = 1;
        for (const { text: literal, id } of literals) {
            if (literal.length === 0)
                continue;
            let state = 0;
            for (let i = 0; i < literal.length; i++) {
                const c = column(literal.charCodeAt(i));
                const slot = state * width + c;
                let target = table[slot];
                if (target === unknown) {
                    target = states++;
                    table[slot] = target;
                    own.push([]);
                    accepting.push(false);
                    edges.push([]);
                    edges[state].push(c, target);
                }
                state = target;
            }
            accepting[state] = true;
            own[state].push(id);
        }
        // The root's missing edges lead back to it.
        for (let c = 0; c < width; c++)
            if (table[c] === unknown)
                table[c] = 0;
        this.next = table;
        this.unknown = unknown;
        this.failure = new Int32Array(states);
        // Locals, not fields, in the loops: the object's shape is still changing in its constructor.
        const outputs = own;
        const accepts = new Uint8Array(states);
        const failure = this.failure;
        // Breadth first: a state's failure state is complete before the state itself.
        const queue = new Int32Array(states);
        let tail = 0;
        accepts[0] = accepting[0] ? 1 : 0;
        for (let k = 0; k < edges[0].length; k += 2)
            queue[tail++] = edges[0][k + 1];
        for (let head = 0; head < tail; head++) {
            const state = queue[head];
            const fail = failure[state];
            accepts[state] = accepting[state] || accepts[fail] === 1 ? 1 : 0;
            if (accepts[fail] === 1)
                outputs[state] = [...own[state], ...outputs[fail]];
            const out = edges[state];
            for (let k = 0; k < out.length; k += 2) {
                const target = out[k + 1];
                failure[target] = this.resolve(fail, out[k]);
                queue[tail++] = target;
            }
        }
        this.size = states;
        this.outputs = outputs;
        this.accepts = accepts;
    }
    /**
     * The state after reading a character of class `c` in `state`, where the table does not know it
     * yet: the failure state's transition (the longest suffix that is a prefix of some literal),
     * remembered in the table. Iterative: a chain of failure states is at most a literal long.
     */
    resolve(state, c) {
        const next = this.next;
        const shift = this.shift;
        let s = state;
        let target = next[(s << shift) + c];
        while (target === this.unknown) {
            s = this.failure[s];
            target = next[(s << shift) + c];
        }
        // Every state on the way (their transitions are all this one) learns it.
        for (let t = state; t !== s; t = this.failure[t])
            next[(t << shift) + c] = target;
        return target;
    }
    /** Whether the text contains one of the literals (or, beyond ASCII, may contain one). */
    test(text) {
        return this.firstEnd(text, 0, 0) !== -1;
    }
    /**
     * Calls `found` with the id of each literal the text contains, in the order they end, until it
     * returns true; returns whether it did. An id may be reported more than once.
     */
    find(text, found) {
        let from = 0;
        let state = 0;
        for (;;) {
            const end = this.firstEnd(text, from, state);
            if (end === -1)
                return false;
            // Taken before `found` runs, which may use this set again.
            state = this.stateAt;
            for (const id of this.outputs[state])
                if (found(id))
                    return true;
            from = end + 1;
        }
    }
    /** The state the scan was in when firstEnd last returned a match (to resume from there). */
    stateAt = 0;
    /**
     * The index of the first character, from `from` on, at which a literal ends, starting in `start`;
     * or -1. The hot loop of the line selection: no calls, no allocation.
     */
    firstEnd(text, from, start) {
        if (this.size === 1)
            return -1;
        const next = this.next;
        const accepts = this.accepts;
        const classOf = this.classOf;
        const nonAscii = this.nonAsciiClass;
        const shift = this.shift;
        const unknown = this.unknown;
        let state = start;
        for (let i = from; i < text.length; i++) {
            const code = text.charCodeAt(i);
            const c = code < ASCII ? classOf[code] : nonAscii;
            const target = next[(state << shift) + c];
            state = target === unknown ? this.resolve(state, c) : target;
            if (accepts[state] === 1) {
                this.stateAt = state;
                return i;
            }
        }
        return -1;
    }
}
function fold(code) {
    return code >= 65 && code <= 90 ? code + 32 : code;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/diagnose/builtin-catalog.ts
// Generated by scripts/embed-catalog.mjs from signatures/builtin.yml: edit that file, then run
// `npm run build`. A test fails when this document differs from what the file parses to.
// The file parsed (with the options parseCatalog uses); validated like any catalog at load.
const BUILTIN_CATALOG_DOCUMENT = JSON.parse("{\"version\":1,\"signatures\":[{\"id\":\"image-pull-backoff\",\"title\":\"Kubernetes could not pull the image[[ ${image}]]\",\"severity\":\"error\",\"priority\":100,\"ignoreCase\":true,\"patterns\":[\"\\\\b(?:ImagePullBackOff|ErrImagePull)\\\\b\",\"Back-off pulling image \\\"(?<image>[^\\\"]+)\\\"\",\"Failed to pull image \\\"(?<image>[^\\\"]+)\\\"\",\"\\\\bErrImageNeverPull\\\\b|\\\\bInvalidImageName\\\\b\",\"pull QPS exceeded|Error: ImagePullBackOff|ImageInspectError|rpc error: code = NotFound desc = failed to pull and unpack image\"],\"fix\":\"The image was built, but the cluster could not pull it.\\n- Check that the tag exists and holds your platform: `docker manifest inspect <image>` (or `docker buildx imagetools inspect <image>`). A tag pushed only on `main` does not exist for a pull request build.\\n- A private GHCR package needs an `imagePullSecrets` entry with a token that has `read:packages`, or the package made public.\\n- A manifest the node cannot read (an OCI index with attestations for an old container runtime): build with `provenance: false` or update the runtime.\\n\"},{\"id\":\"disk-full\",\"title\":\"The runner ran out of disk space\",\"severity\":\"error\",\"priority\":95,\"ignoreCase\":true,\"patterns\":[\"[Nn]o space left on device\",\"\\\\bResourceExhausted\\\\b\",\"[Dd]isk quota exceeded\",\"\\\\bENOSPC\\\\b\",\"[Nn]ot enough (?:free )?(?:disk )?space\",\"There is not enough space on the disk\",\"enough free space in \\\\S+|\\\\[Errno 28\\\\]|[Ii]nsufficient (?:disk |storage )?space|database or disk is full|Thin Pool has \\\\d+ free data blocks|[Dd]isk is full|write error: No space\",\"[Nn]o space left\\\\b|out of disk space|[Dd]isk (?:space )?(?:is )?(?:almost )?full\",\"running out of disk space|Free space left: \\\\d+ MB\"],\"fix\":\"GitHub-hosted runners have about 14 GB free; multi-platform builds and their exports fill it fast.\\n- Free space before the build: remove preinstalled toolchains you do not need (`sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc`), or use a larger runner.\\n- Do not `--load` multi-platform images; push them, or build one platform per job.\\n- Prune between builds on self-hosted runners: `docker buildx prune -f --keep-storage 10gb`.\\n\"},{\"id\":\"oom-killed\",\"title\":\"A build step was killed for lack of memory[[ (exit code ${exit})]]\",\"severity\":\"error\",\"priority\":92,\"patterns\":[\"exit code: (?<exit>137)\\\\b\",\"returned a non-zero code: (?<exit>137)\\\\b\",\"(?:^|\\\\s)Killed$\",\"\\\\bsignal: 9\\\\b|\\\\bSIGKILL\\\\b\",\"\\\\bOOMKilled\\\\b\",\"[Oo]ut of memory|Cannot allocate memory|JavaScript heap out of memory|fatal error: runtime: out of memory\",\"Killed signal terminated program\",\"internal compiler error: Killed\",\"FATAL ERROR: (?:Reached heap limit|Ineffective mark-compacts|CALL_AND_RETRY_LAST)\",\"java\\\\.lang\\\\.OutOfMemoryError\",\"memory allocation of \\\\d+ bytes failed\",\"\\\\(signal: 9, SIGKILL\",\"\\\\bexit (?:code|status):? 137\\\\b\",\"[Cc]annot allocate memory|[Oo]ut of memory\",\"<--- (?:Last few GCs|JS stacktrace) --->\",\"virtual memory exhausted|out of memory allocating|LLVM ERROR: out of memory|GC overhead limit exceeded\",\"runtime: (?:out of memory|cannot allocate memory)|Out of memory: Killed process\",\"std::bad_alloc|\\\\bMemoryError\\\\b|\\\\bENOMEM\\\\b|\\\\b(?:code|status)\\\\W{1,3}137\\\\b|exited with (?:code )?137\\\\b|killed by (?:the )?OOM|\\\\boom[-_]kill|[Mm]emory limit exceeded|terminated by signal (?:9|SIGKILL)\",\"\\\\bsignal: killed\\\\b|fatal error: Killed\\\\b|\\\\berrno 137\\\\b|killed due to memory|memory cgroup out of memory|OOM command not allowed\"],\"fix\":\"The kernel killed a process in ${step} (exit code 137 is SIGKILL, usually the out-of-memory killer).\\n- Lower the build's parallelism: `CARGO_BUILD_JOBS=2`, `make -j2`, `NODE_OPTIONS=--max-old-space-size=...`; fat LTO and large link steps need the most memory.\\n- Under QEMU emulation memory use is higher and slower to free: build that platform natively.\\n- For cargo under emulation, use the sparse registry protocol (`CARGO_REGISTRIES_CRATES_IO_PROTOCOL=sparse`) instead of cloning the crates.io index.\\n- Use a runner with more memory, or add swap on a self-hosted one.\\n\"},{\"id\":\"qemu-emulation\",\"title\":\"A step failed under QEMU emulation\",\"severity\":\"error\",\"priority\":90,\"ignoreCase\":true,\"patterns\":[\"^(?!.*(?:exec user process caused|cannot execute binary file)).*\\\\bexec format error\\\\b\",\"QEMU internal SIG[A-Z]+\",\"qemu: uncaught target signal\",\"\\\\bqemu-[a-z0-9_]+(?:-static)?: .*(?:[Ee]rror|failed|[Uu]nsupported)\",\"\\\\.buildkit_qemu_emulator\",\"^exec /\\\\S+: exec format error\",\"\\\\bqemu-\\\\w+(?:-static)?: (?:Could not|Unable to|unknown|uncaught)\",\"fatal error: (?:schedule: holding locks|unexpected signal during runtime execution)\",\"qemu: unhandled CPU exception|Invalid ELF image for this architecture\",\"Value too large for defined data type\",\"Segmentation fault|\\\\bSIGSEGV\\\\b|(?:exit code|non-zero code): 139\\\\b|[Ii]llegal instruction|\\\\bSIGILL\\\\b|core dumped|Bus error|\\\\bSIGBUS\\\\b\",\"rosetta error|Rosetta is only intended to run on Apple Silicon|lfstack\\\\.push invalid packing|qemu: Unsupported syscall|qemu.*: Unsupported|ld-linux-\\\\S+\\\\.so\\\\.\\\\d+. ?: No such file or directory\"],\"fix\":\"The step ran an emulated (non-native) binary, and the emulator crashed, could not run it, or was so slow that the tool's timeouts fired.\\n- `exec format error`: register QEMU before the build (`docker/setup-qemu-action`) or build only the native platform.\\n- Emulated builds are many times slower and some programs crash under QEMU: build each platform on a native runner (`ubuntu-24.04-arm` for arm64) and merge the digests with `docker buildx imagetools create`, or cross-compile from `FROM --platform=$BUILDPLATFORM`.\\n- yarn timing out under emulation: `yarn install --network-timeout 600000`.\\n\"},{\"id\":\"builder-missing\",\"title\":\"The buildx builder is missing, broken or misconfigured[[: ${builder}]]\",\"severity\":\"error\",\"priority\":88,\"ignoreCase\":true,\"patterns\":[\"no builder \\\"?(?<builder>[^\\\"\\\\s]+)\\\"? found\",\"failed to find builder\",\"could not create a builder instance\",\"failed to initialize builder\",\"no valid drivers found\",\"'buildx' is not a docker command|buildx: command not found|unknown flag: --(?:platform|push|load|cache-to)\",\"buildkit version .* (?:is not|not) supported|requires BuildKit v?\\\\d\",\"network bridge not found\",\"[Cc]annot connect to the Docker daemon\",\"Is the docker daemon running\",\"\\\\berror during connect\\\\b\",\"permission denied while trying to connect to the Docker daemon\",\"dial unix \\\\S*(?:docker|buildkitd)\\\\.sock: (?:connect: )?(?:permission denied|no such file or directory|connection refused)\",\"unsupported frontend capability\",\"BuildKit is enabled but the buildx component is missing\",\"failed to find driver\",\"auto-push is currently not implemented for docker driver\",\"(?:push-by-digest|push) is currently not implemented for (?:the )?docker driver|multi-node push can.t currently be performed\",\"(?:the )?--(?:platform|load|push|ssh|secret|cache-from|cache-to)\\\\b.* (?:flag|option) (?:is only supported|requires) (?:with )?(?:BuildKit|buildx)\",\"current builder instance is not running|builder \\\\S+ is not running\",\"Are you trying to connect to a TLS-enabled daemon\",\"Is your docker daemon up and running\",\"failed to dial gRPC|unable to upgrade to h2c\",\"(?:^|[/\\\\s])docker: (?:command )?not found\",\"the --mount option requires BuildKit\",\"the classic builder doesn.t support|set DOCKER_BUILDKIT=1 to use BuildKit|compose build requires buildx \\\\S+ or later\",\"listing workers for Build|failed to list workers\",\"(?:[Cc]ould not|[Cc]annot|failed to) connect to (?:unix://)?\\\\S*(?:buildkitd|docker)\\\\.sock\",\"client version \\\\S+ is too (?:new|old)|Minimum supported API version|requires (?:API|Docker) version|docker-buildx: (?:command )?not found|buildx plugin not found|ERROR: (?:failed to initialize builder|no builder)|the docker driver (?:does not support|cannot)|current driver \\\\S+ does not support|BuildKit is (?:disabled|not enabled)\",\"buildx_buildkit_\\\\S+|\\\\.docker/buildx/\\\\S+: permission denied|is not a docker command|option requires BuildKit\\\\b|requires BuildKit to be enabled\",\"unknown flag: --(?:iidfile|secret|ssh|builder|provenance|sbom|attest|metadata-file|output|progress|cache-from|build-context|allow|call|check)\\\\b\"],\"fix\":\"The build talks to a buildx builder that is gone, was never created, runs an incompatible BuildKit, or lacks what the build needs.\\n- In CI, create it in the same job right before the build with `docker/setup-buildx-action`, and do not remove it in a step that runs before later docker steps (a post step of another action).\\n- On self-hosted runners remove stale builders: `docker buildx ls`, then `docker buildx rm <name>`; re-run.\\n- Pin the BuildKit version so runs do not drift: `docker/setup-buildx-action` with `driver-opts: image=moby/buildkit:v0.x.y`.\\n- `network bridge not found`: the daemon runs without its bridge network (`dockerd --bridge=none`); build with `--network=host` or use a `docker-container` builder.\\n\"},{\"id\":\"session-lost\",\"title\":\"BuildKit lost the client session\",\"severity\":\"error\",\"priority\":86,\"ignoreCase\":true,\"patterns\":[\"no active session for (?<session>\\\\S+)\",\"\\\\bsession (?:\\\\S+ )?not found\\\\b\",\"failed to get session\",\"session canceled\",\"no active sessions?\\\\b|failed to (?:get|find) (?:a )?session|session (?:\\\\S+ )?(?:has )?(?:expired|closed)|context for session \\\\S+ (?:is )?(?:done|canceled)\"],\"causedBy\":[\"cache-import-failure\",\"qemu-emulation\"],\"fix\":\"The build outlived the client session (long builds, a slow export) or the client went away.\\n- Make the build shorter (cache, native runners instead of emulation) so it finishes well within limits.\\n- Retry: this failure is usually not reproducible; keep exports and pushes fast (push by digest, smaller images).\\n\"},{\"id\":\"cache-export-failure\",\"title\":\"Exporting the build cache failed\",\"severity\":\"error\",\"priority\":85,\"ignoreCase\":true,\"patterns\":[\"^(?:exporting (?:cache\\\\b.*|content cache|inline cache|to GitHub Actions Cache)|preparing (?:build cache for export|layers for inline cache)):$\",\"OCI mediatypes are required for image-manifest cache format\",\"unknown cache exporter\",\"Cache export is not supported for the docker driver\",\"This legacy service is shutting down\",\"error writing (?:manifest|layer) blob(?:.*(?:cache|400 Bad Request)|: )\",\"failed to (?:export|upload) (?:remote )?cache\",\"cache export feature is currently not supported\",\"ERROR exporting (?:cache|to GitHub Actions Cache)\",\"failed to configure \\\\w+ cache exporter\",\"operation error S3: (?:PutObject|CreateMultipartUpload|UploadPart|CompleteMultipartUpload)\",\"failed to (?:reserve|commit|save) cache\",\"Cache service responded with (?:4\\\\d\\\\d|5\\\\d\\\\d)\",\"(?:failed|unable) to export (?:remote |local |gha |registry |inline )?cache|error exporting cache|cache-to .*(?:not supported|invalid)|export cache .*(?:failed|error)|failed to upload \\\\S+ to (?:GitHub Actions )?cache\",\"Unable to reserve cache|another job may be creating this cache|failed to (?:commit|finalize) (?:cache|upload)|Cache upload failed|error writing layer blob: .*(?:cache|:buildcache|-cache)\"],\"fix\":\"The image may be fine; writing the cache was what failed.\\n- `type=gha` needs a builder that can export cache (`docker/setup-buildx-action`, not the plain `docker` driver) and a current buildx/BuildKit (the legacy cache service was shut down on 2025-04-15).\\n- GitHub's cache API rate-limits (429) busy repositories: use `mode=max` with a `scope` per image, or add `ignore-error=true` to `cache-to` so a cache hiccup does not fail the build.\\n- A registry cache (`type=registry`) needs write access to its `ref` and a registry that accepts OCI manifests (`image-manifest=true,oci-mediatypes=true` for some registries).\\n\"},{\"id\":\"exporter-unsupported\",\"title\":\"The chosen output cannot hold this build\",\"severity\":\"error\",\"priority\":84,\"ignoreCase\":true,\"patterns\":[\"docker exporter does not currently support exporting manifest lists\",\"[Mm]ulti(?:ple)?[- ]platform(?:s)? (?:build |feature )?is (?:currently )?not supported for (?:the )?docker driver\",\"is not supported (?:by|for) the docker driver\",\"exporter is not supported for the docker driver\",\"docker exporter does not (?:currently )?support\",\"[Mm]ulti(?:ple)?[- ]platforms? (?:build |feature )?(?:is )?(?:currently )?not supported\",\"exporter feature is currently not supported for docker driver\",\"multiple outputs (?:are )?(?:currently )?(?:not supported|unsupported)|push and load may not be set together|[Aa]ttestations? (?:is|are) not supported\"],\"fix\":\"`--load` and `type=docker` write to the classic image store, which cannot hold a multi-platform image.\\n- Push multi-platform images (`push: true`), or write `type=oci,dest=image.tar`.\\n- To test locally, build and load one platform: `platforms: linux/amd64` with `load: true`.\\n- Or enable the containerd image store on the daemon, which can hold multi-platform images.\\n\"},{\"id\":\"cache-import-failure\",\"title\":\"Importing the build cache failed\",\"severity\":\"error\",\"priority\":83,\"ignoreCase\":true,\"patterns\":[\"^importing cache manifest from (?<cache>\\\\S+):$\",\"blob (?:sha256:[0-9a-f]{64} )?not found\",\"failed to (?:load|fetch|get) cache\",\"failed to configure \\\\w+ cache importer|unknown cache importer\",\"local cache importer requires\",\"could not read \\\\S*index\\\\.json\",\"operation error S3: (?:GetObject|HeadObject|ListObjects)\",\"failed to load cache key\",\"invalid status response \\\\d+ .*blob\\\\.core\\\\.windows\\\\.net\",\"cache import at \\\\S+ not found|(?:failed|unable) to import cache|error importing cache|importing cache manifest from \\\\S+ failed|failed to parse cache manifest|invalid cache config|cache manifest .* not found|AzureBlobStorage.*(?:BlobNotFound|ContainerNotFound)\"],\"causedBy\":[\"registry-rate-limit\"],\"fix\":\"The cache that was read refers to layers that are gone (evicted from the GitHub Actions cache, deleted from the registry) or could not be fetched.\\n- Re-run once: a fresh export repairs it. If it repeats, change the cache `scope` (or `ref`) to start clean.\\n- Write and read the same scope per image, with `mode=max`, so the manifest and its blobs are saved together.\\n\"},{\"id\":\"secret-missing\",\"title\":\"A build secret is missing[[: ${secret}]]\",\"severity\":\"error\",\"priority\":82,\"ignoreCase\":true,\"patterns\":[\"/run/secrets/(?<secret>[^'\\\"\\\\s:]+)'?:? No such file or directory\",\"secret (?<secret>\\\\S+) not found\",\"could not read (?:Username|Password) for .(?<host>[^']+).: terminal prompts disabled\",\"failed to (?:read|load) secret\",\"Permission denied \\\\(publickey\\\\)\",\"Host key verification failed\",\"could not read (?:Username|Password) for\",\"no SSH key .* forwarded from the client\",\"no auth sock variable|SSH_AUTH_SOCK\",\"attempted ssh-agent authentication\",\"failed to authenticate when downloading repository\",\"[Aa]uthentication failed for .https?://\",\"npm (?:ERR!|error) code E401|Unable to authenticate, need: \",\"invalid empty ssh agent socket|could not parse ssh\",\"stat \\\\S*ssh[\\\\w.-]*\\\\.sock: no such file or directory\",\"ERR_PNPM_FETCH_40[13]|No authorization settings were found\",\"fatal: Could not read from remote repository|(?:^|remote: |ERROR: )Repository not found|remote: (?:Invalid username or password|Support for password authentication was removed)|^Username for .https?://|fatal: could not read Username\",\"HTTP error 40[13] while getting|40[13] Client Error: (?:Unauthorized|Forbidden) for url|npm (?:ERR!|error) (?:code E403|403 Forbidden|need auth|401 Unauthorized)|This command requires you to be logged in|Incorrect or missing password\",\"Load key .*: (?:invalid format|No such file)|Could not open a connection to your authentication agent|sign_and_send_pubkey: signing failed|ssh: handshake failed|no such identity|Permission denied, please try again|Error: Could not find SSH agent|ssh-add: .*(?:not found|No such file)\",\"secret (?:not found|is required)|secret \\\"(?<secret>[^\\\"]+)\\\" (?:not found|is required)|required secret \\\\S+ not found|SECRET_\\\\w+.*(?:unbound variable|not set)\",\"The requested URL returned error: 40[13]|fatal: Authentication failed|could not read Password for|Bad credentials\",\"Response status code does not indicate success: 40[13]\\\\b\",\"/run/buildkit/ssh_agent\\\\.\\\\d+\",\"unset ssh forward key|make sure SSH_AUTH_SOCK is set\",\"[Uu]sername and password required\"],\"commands\":[\"\\\\bgit clone (?:\\\\S+ )*(?:git@|ssh://)\"],\"fix\":\"The step expected a secret (a `RUN --mount=type=secret` file, or credentials for a private dependency) that the build did not receive.\\n- With build-push-action pass it with the same id: `secrets: |` then `id=value` (or `secret-files:`); with the CLI, `--secret id=<id>,env=<VAR>`.\\n- Secrets are not available to pull requests from forks.\\n- Read it in the same `RUN` that mounts it: exports do not persist to later layers, and `ARG`/`ENV` would leak it into the image.\\n\"},{\"id\":\"platform-mismatch\",\"title\":\"No image for the requested platform[[ (${wanted})]]\",\"severity\":\"error\",\"priority\":81,\"ignoreCase\":true,\"patterns\":[\"no match for platform in manifest\",\"image with reference .* was found but does not match the specified platform\",\"The requested image's platform \\\\((?<found>[^)]+)\\\\) does not match the detected host platform \\\\((?<wanted>[^)]+)\\\\)\",\"no matching manifest for (?<wanted>\\\\S+) in the manifest list entries\",\"exec user process caused:? \\\"?exec format error\",\"does not match the specified platform\",\"image platform \\\\((?<found>[^)]+)\\\\) does not match\",\"cannot execute binary file: Exec format error\",\"(?:only provides|no) (?:pre-?built|precompiled) binar(?:y|ies) for\",\"[Uu]nsupported (?:architecture|arch|platform)\\\\b|not supported on (?:arm64|aarch64|armv7l?|x86_64|amd64)\\\\b\",\"no image found in manifest list for architecture|does not (?:provide|support) (?:the )?(?:platform|architecture)|wanted \\\\S+, actual: \\\\S+\"],\"fix\":\"A base image has no variant for the platform being built.\\n- Check what it offers: `docker buildx imagetools inspect <image>`.\\n- Build for the platforms it has (`platforms:`), pick a multi-platform base, or set `FROM --platform=...` to a valid value (check build args that form it).\\n\"},{\"id\":\"registry-rate-limit\",\"title\":\"The registry refused with a rate limit\",\"severity\":\"error\",\"priority\":80,\"ignoreCase\":true,\"patterns\":[\"\\\\btoomanyrequests\\\\b\",\"\\\\b429 Too Many Requests\\\\b\",\"[Yy]ou have reached your (?:unauthenticated )?pull rate limit\",\"\\\\b[Tt]oo [Mm]any [Rr]equests\\\\b\",\"\\\\brate limit(?:ed| exceeded)\\\\b\",\"\\\\bTOOMANYREQUESTS\\\\b|\\\\bRate exceeded\\\\b|\\\\bThrottlingException\\\\b|\\\\bQuota ?Exceeded\\\\b|429 Client Error|(?:status|code)(?: code)?:? 429\\\\b|\\\\b429\\\\b (?:Too|too)\"],\"fix\":\"Docker Hub limits anonymous pulls per IP, and runners share IPs.\\n- Log in before building, even for public images: `docker/login-action` with a Docker Hub token.\\n- Mirror base images to GHCR or use `mirror.gcr.io`.\\n- setup-buildx-action pulls `moby/buildkit` too: log in before it, or set `driver-opts: image=<mirror>/moby/buildkit`.\\n\"},{\"id\":\"registry-auth-denied\",\"title\":\"The registry denied access[[ to ${registry}]]\",\"severity\":\"error\",\"priority\":78,\"ignoreCase\":true,\"patterns\":[\"installation not allowed to Write organization package\",\"permission_denied: (?:write_package|The token provided does not match expected scopes)\",\"failed to fetch (?:anonymous|oauth) token: unexpected status(?: from \\\\w+ request to (?<authurl>\\\\S+))?: (?<status>40[13]) \",\"failed to authorize: .*(?<status>40[13]) (?:Unauthorized|Forbidden)\",\"failed to push (?<ref>\\\\S+): (?:denied|unauthorized|.*40[13])\",\"\\\\bdenied: (?:requested access to the resource is denied|denied|permission_denied)\",\"unauthorized: (?:authentication required|incorrect username or password)\",\"pull access denied for (?<repo>\\\\S+?),\",\"unexpected status from \\\\w+ request to https://(?<registry>[^/\\\\s]+)/\\\\S*: (?<status>40[13]) \",\"insufficient_scope: authorization failed\",\"authorization status: 40[13]\",\"unexpected status(?: code)?: 40[13] (?:Unauthorized|Forbidden)\",\"failed with status code \\\\[[^\\\\]]*\\\\]: 40[13] (?:Unauthorized|Forbidden)\",\"\\\\bno basic auth credentials\\\\b\",\"^(?:denied|unauthorized|forbidden): \",\"Cannot perform an interactive login from a non[- ]TTY device\",\"error getting credentials\",\"\\\\b40[13] (?:Unauthorized|Forbidden)\\\\b\",\"Error (?:authenticating|saving credentials)|error storing credentials\",\"authorization token has expired|[Rr]eauthenticate and try again\",\"don.t have the needed permissions|Permission \\\"[\\\\w.]+\\\" denied\",\"\\\\bauthentication required\\\\b|\\\\bnot authorized\\\\b|User cannot be authenticated\",\"installation not allowed to (?:Write|Create)\",\"error from registry: (?:denied|unauthorized)\",\"\\\"\\\\S+/(?:manifests|blobs)/\\\\S+\\\": (?:unauthorized|denied|forbidden)\\\\b\",\"(?:^|: )unauthorized(?::|$)\",\"\\\\bUNAUTHORIZED: |\\\\bDENIED: |security token included in the request is invalid|HTTP Basic: Access denied|access to the requested resource is not authorized|not authorized to perform: ecr:|unauthorized to access repository|requested access to the resource is denied\"],\"causedBy\":[\"manifest-unknown\"],\"fix\":\"- In GitHub Actions, pushing to `ghcr.io` needs `permissions: packages: write` in the workflow (or job) and `docker/login-action` with `registry: ghcr.io`, `username: ${{ github.actor }}`, `password: ${{ secrets.GITHUB_TOKEN }}`.\\n- An organization package must grant this repository access: package settings, \\\"Manage Actions access\\\", role Write.\\n- Pull requests from forks get a read-only token: do not push there (`push: ${{ github.event_name != 'pull_request' }}`).\\n- For other registries check the credentials of the login step and that the repository exists.\\n\"},{\"id\":\"invalid-tag\",\"title\":\"An image tag is not a valid reference[[: \\\"${tag}\\\"]]\",\"severity\":\"error\",\"priority\":76,\"ignoreCase\":true,\"patterns\":[\"invalid tag \\\"(?<tag>[^\\\"]*)\\\": invalid reference format\",\"invalid argument \\\"(?<tag>[^\\\"]*)\\\" for \\\"-t, --tag\\\" flag\",\"tag is needed when pushing to registry\",\"invalid reference format(?:: repository name (?:\\\\(\\\\S+\\\\) )?must be lowercase)?\",\"could not parse reference\",\"repository name must be lowercase\",\"invalid reference format\",\"invalid argument \\\"(?<tag>[^\\\"]*)\\\" for [^:]*\\\\bt(?:ag)?\\\\b\",\"Error parsing reference: .* is not a valid repository/tag\",\"(?:could not|failed to|cannot|unable to) parse (?:image )?reference|invalid repository name|repository name .*must (?:be lowercase|match)|invalid reference: \"],\"fix\":\"A reference is `[registry/]name[:tag][@digest]`: the name lowercase, the tag 1 to 128 of `[A-Za-z0-9_.-]`, not starting with `.` or `-`.\\n- An empty tag usually comes from an empty variable or a metadata template that produced nothing for this event.\\n- `docker/metadata-action` with no tag rule that applies to the event (a pull request, a tag push) gives no tags at all: add `type=ref,event=pr` or `type=sha`.\\n\"},{\"id\":\"dockerfile-missing\",\"title\":\"The Dockerfile could not be read\",\"severity\":\"error\",\"priority\":75,\"ignoreCase\":true,\"patterns\":[\"failed to read dockerfile\",\"open (?<path>\\\\S*Dockerfile\\\\S*): no such file or directory\",\"unable to prepare context: unable to evaluate symlinks in Dockerfile path\",\"Cannot locate specified Dockerfile\",\"requires exactly 1 argument\",\"unable to prepare context: (?:path \\\\S+ not found|context must be a directory)\",\"lstat \\\\S*Dockerfile\\\\S*: no such file or directory\",\"the Dockerfile \\\\(\\\\S+\\\\) cannot be empty\",\"the Dockerfile \\\\(\\\\S+\\\\) must be within the build context|unable to stat Dockerfile|unable to evaluate symlinks in context path\",\"\\\\bDockerfile not found\\\\b\",\"(?:could not|cannot|can.t|unable to) (?:find|locate|open|read) (?:the )?(?:specified )?Dockerfile|Dockerfile(?:\\\\.\\\\w+)?: no such file or directory|failed to read dockerfile\",\"\\\\bresolve : lstat \\\\S+: no such file or directory|Dockerfile (?:\\\\(\\\\S+\\\\) )?cannot be empty|build path \\\\S+ either does not exist|^(?!.*(?:COPY|ADD) failed).*The system cannot find the (?:file|path) specified\"],\"fix\":\"- The `file` (or `-f`) path is relative to the repository root in build-push-action, not to `context`: check both, and that `actions/checkout` ran first.\\n- A `.dockerignore` that excludes the Dockerfile (`*` without `!Dockerfile`) hides it from the builder.\\n- File names are case-sensitive on Linux runners.\\n\"},{\"id\":\"dockerfile-parse-error\",\"title\":\"The Dockerfile does not parse\",\"severity\":\"error\",\"priority\":74,\"ignoreCase\":true,\"patterns\":[\"[Dd]ockerfile parse error(?: on)? line (?<line>\\\\d+)\",\"failed to parse (?:dockerfile|stage name)\",\"unknown instruction: (?<instruction>\\\\S+)\",\"unexpected key .(?<key>[^' ]+). for mount type\",\"failed to process \\\"(?<expr>[^\\\"]+)\\\": unexpected end of statement\",\"\\\\b(?:FROM|COPY|ADD|RUN|ENV|ARG|LABEL|EXPOSE|WORKDIR|USER|VOLUME|ENTRYPOINT|CMD|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL) requires (?:at least |exactly )?(?:one|two|three|\\\\d+) arguments?\",\"unexpected end of statement|missing .}.|ARG names can not be blank|[Ss]yntax error - can.t find = in\",\"circular dependency detected on stage|dockerfile contains no stages to build|invalid name for build stage|variable expansion is not supported for --from|doesn.t support variable expansion, define alias stage|only one \\\\S+ parser directive can be used|invalid escape token|Unknown type .* in HEALTHCHECK\",\"failed to create LLB definition: (?:failed to parse|dockerfile parse error|unknown instruction)\",\"\\\\bunknown flag: --\\\\S+ in (?:RUN|COPY|ADD)\",\"requires either one or three arguments|base name \\\\(\\\\S*\\\\) should not be blank|unsupported modifier .* in substitution|[Ss]yntax error - |failed to parse platform|empty continuation line found|unterminated heredoc|Dockerfile: ?\\\\S*:\\\\d+: (?:syntax|unexpected)|parse error on line|invalid (?:field|mount type|reference format) .*in (?:RUN|COPY|ADD|FROM)\"],\"fix\":\"- Check the line named in the error; a `# syntax=docker/dockerfile:1` line at the top picks the current frontend, which older daemons do not have by default.\\n- Mount options depend on the frontend version (`RUN --mount=type=secret,required` needs dockerfile:1.4 or later).\\n\"},{\"id\":\"copy-source-missing\",\"title\":\"A COPY or ADD source is not in the build context[[: ${path}]]\",\"severity\":\"error\",\"priority\":72,\"patterns\":[\"failed to (?:compute cache key|calculate checksum of ref \\\\S+): (?:failed to calculate checksum of ref \\\\S+: )?\\\"(?<path>[^\\\"]+)\\\": not found\",\"\\\"(?<path>/[^\\\"]+)\\\" not found: not found\",\"failed to walk \\\\S+: lstat \\\\S+: no such file or directory\",\"COPY failed: (?:file not found in build context|stat .*: no such file or directory)\",\"(?:ADD|COPY) failed: (?:stat|lstat) \\\\S+: no such file or directory\",\"(?:ADD|COPY) failed: forbidden path outside the build context\",\"failed to compute cache key: .*not found\",\"lstat /var/lib/docker/tmp/\\\\S+: no such file or directory\",\"COPY failed: no source files were specified\",\"file not found in build context or excluded by \\\\.dockerignore|file \\\\(.\\\\S+.\\\\) not found or excluded by \\\\.dockerignore\",\"[Ff]orbidden path outside the build context|ADD failed: failed to GET \\\\S+ with status 404\",\"(?:ADD|COPY) failed: \\\\S\",\"(?:^|failed to build ?: )lstat (?![^:]*[Dd]ockerfile)\\\\S+: no such file or directory$\"],\"commands\":[\"^(?:COPY|ADD) \"],\"causedBy\":[\"secret-missing\",\"compile-error\",\"package-install-failure\"],\"fix\":\"The path must exist inside the build context (the `context` input, `.` by default) after `.dockerignore` is applied.\\n- Check `.dockerignore` first: `*` followed by `!` exceptions hides everything not listed.\\n- Paths are relative to the context, not to the Dockerfile; with `COPY --from=<image>` the path must exist in that image.\\n- Files produced by earlier workflow steps must be written inside the context.\\n\"},{\"id\":\"package-install-failure\",\"title\":\"Installing packages failed in ${step}\",\"severity\":\"error\",\"priority\":70,\"patterns\":[\"^E: Unable to locate package (?<package>\\\\S+)\",\"^E: Package .(?<package>[^']+). has no installation candidate\",\"^E: (?:Failed to fetch|Some packages could not be installed)\",\"has no installation candidate|^Package \\\\S+ is not available, but is referred to by another package\",\"ERROR: unable to select packages|ERROR: \\\\S+ \\\\(no such package\\\\)\",\"No matching distribution found for (?<package>\\\\S+)\",\"npm ERR! (?:code E404|404 Not Found|notarget)\",\"error Couldn't find package \\\"(?<package>[^\\\"]+)\\\"\",\"returned a non-zero code: 100\\\\b\",\"^E: (?:Version .* was not found|Unable to correct problems|The repository .* (?:does not have a Release file|is not signed|no longer has a Release file)|Sub-process /usr/bin/dpkg returned an error code)\",\"The following packages have unmet dependencies\",\"\\\\bNO_PUBKEY\\\\b\",\"ERROR: (?:unable to select packages|\\\\S+: (?:UNTRUSTED signature|No such file or directory))\",\"\\\\(no such package\\\\)|breaks: world\\\\[\",\"No package \\\\S+ available|Error: Unable to find a match|No match for argument|Cannot find a valid baseurl for repo|Failed to download metadata for repo\",\"Could not find a version that satisfies the requirement\",\"ResolutionImpossible|conflicting dependencies|version solving failed|SolverProblemError\",\"Failed building wheel for (?<package>\\\\S+)\",\"Could not build wheels for \\\\S+\",\"metadata-generation-failed|Getting requirements to build wheel did not run successfully|egg_info\\\" failed\",\"externally-managed-environment\",\"npm (?:ERR!|error) (?:code )?(?:ERESOLVE|E404|ETARGET|EINTEGRITY|ENOVERSIONS|notarget)\\\\b\",\"npm (?:ERR!|error) (?:Could not resolve dependency|While resolving|Conflicting peer dependency)\",\"error An unexpected error occurred: \\\".*(?:Not found|404)\",\"Your lockfile needs to be updated|The lockfile would have been modified|lockfile .* (?:is )?not up to date|ERR_PNPM_(?:OUTDATED_LOCKFILE|NO_MATCHING_VERSION|FETCH_404|LOCKFILE)\",\"Your requirements could not be resolved to an installable set of packages\",\"Could not find gem|Bundler could not find compatible versions|An error occurred while installing \\\\S+\",\"error: failed to select a version for|error: no matching package named|error: cannot install package `|lock ?file\\\\b.{0,40} needs to be updated,? but `?--locked`? was (?:passed|provided)\",\"\\\\bgo: \\\\S+@\\\\S+: (?:invalid version|unknown revision|reading \\\\S+: 404|verifying module)\",\"^(?:/bin/(?:ba)?sh: )?(?:\\\\d+: )?(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|pip3?|npm|yarn|pnpm|gem|bundle|composer|conda): (?:command )?not found\",\"exec: \\\"(?:apt-get|apk|yum|dnf|pip3?|npm|yarn|pnpm)\\\": executable file not found\",\"exit code: 100\\\\b\",\"error: could not find `\\\\S+` in registry|some crates failed to install|error: failed to download\",\"\\\\bgyp ERR!|Failed to build gem native extension\",\"dpkg: error processing|Errors were encountered while processing|E: dpkg was interrupted\",\"The following signatures couldn.t be verified|is not signed|GPG error\",\"Couldn.t find any versions for|Your lock file does not contain a compatible set of packages\",\"\\\\berror NU\\\\d{4}\\\\b\",\"^E: [A-Z]\",\"^404\\\\s+Not Found(?: \\\\[IP: [^\\\\]]*\\\\])?$|Release file for \\\\S+ is not valid yet|Could not get lock /var/lib/|Unable to fetch some archives|Couldn.t find any package by|You have held broken packages|Broken packages\",\"^ERROR: \\\\d+ errors?; \\\\d+|package mentioned in index not found|^ERROR: unable to (?:select|lock|install)\",\"nothing provides \\\\S+|none of the providers can be installed|Could not retrieve mirrorlist|One of the configured repositories failed|doesn.t have enough cached data to continue|conflicting requests|No provider of .\\\\S+. found|Errors during downloading metadata for repository|There are no enabled repos|not registered with an entitlement server|GPG check FAILED|requires a different Python|Requires-Python|subprocess-exited-with-error|command .\\\\S*(?:gcc|cc|g\\\\+\\\\+|clang)(?:-\\\\d+)?. failed|unable to execute .\\\\S*(?:gcc|cc|g\\\\+\\\\+)(?:-\\\\d+)?.| is not installed\\\\. Try running|legacy-install-failure|Could not install packages due to an\",\"pyproject\\\\.toml changed significantly since poetry\\\\.lock|poetry\\\\.lock is not consistent|[Pp]oetry could not find a pyproject\\\\.toml|Because (?:\\\\S+ )?(?:depends on|requires) .* (?:version solving failed|is forbidden)|Hash mismatch|THESE PACKAGES DO NOT MATCH THE HASHES|PackagesNotFoundError|ResolvePackageNotFound|UnsatisfiableError|LibMambaUnsatisfiableError|Solving environment: failed|nothing provides requested\",\"npm (?:ERR!|error) (?:code )?(?:EBADENGINE|ENOTSUP|EUSAGE|ENOLOCK|EBADPLATFORM|EINVALIDPACKAGENAME)\\\\b|can only install (?:packages )?(?:when your package\\\\.json and package-lock\\\\.json|with an existing package-lock)|Missing: \\\\S+ from lock file|Invalid: lock file|The engine \\\"\\\\S+\\\" is incompatible with this module|Found incompatible module|doesn.t seem to be present in your lockfile|ERR_PNPM_(?:NO_LOCKFILE|UNSUPPORTED_ENGINE|PEER_DEP_ISSUES|BAD_PM_VERSION|NO_MATCHING_VERSION\\\\w*|LOCKFILE\\\\w*|OUTDATED\\\\w*|FROZEN\\\\w*|IGNORED_BUILDS)|\\\\bYN00(?:01|18|28|35|60)\\\\b|Unsupported engine\",\"Your Ruby version is \\\\S+, but your Gemfile specified|Bundler::GemNotFound|Could not find \\\\S+ in any of the sources|Gem::Ext::BuildError|requires Ruby version|You must use Bundler \\\\d|Could not find compatible versions|the requested PHP extension \\\\S+ is missing|requires php [^ ]+ -> your php version|lock file is not up to date with the latest changes in composer\\\\.json|composer\\\\.lock.* not up to date\",\"the lock file \\\\S+ needs to be updated but --locked was passed|failed to load source for dependency|failed to select a version for the requirement|\\\\bgo: (?:\\\\S+: )?(?:reading \\\\S+: 4\\\\d\\\\d|unrecognized import path|module \\\\S+ found .* but does not contain package|\\\\S+@\\\\S+: (?:invalid version|unknown revision|reading))|go: updates to go\\\\.mod needed|inconsistent vendoring\",\"Could not resolve dependencies for project|Could not find artifact \\\\S+|Non-resolvable (?:parent|import) POM|Failed to read artifact descriptor|Could not transfer artifact|Could not resolve all (?:files|dependencies|artifacts|task dependencies) for configuration|Could not find [\\\\w.-]+:[\\\\w.-]+:[\\\\w.-]+\\\\.\",\"^(?:\\\\S*(?:ba|da|z)?sh: )?(?:line \\\\d+: )?(?:\\\\d+: )?(?:apt-get|apt|apk|yum|dnf|microdnf|zypper|pip3?|pipenv|poetry|npm|npx|yarn|pnpm|gem|bundle|composer|conda|mamba|uv|easy_install|dpkg|rpm): (?:command )?not found\",\"exec: \\\"(?:apt-get|apt|apk|yum|dnf|microdnf|pip3?|npm|yarn|pnpm|bundle|composer|conda|poetry)\\\": executable file not found|No module named pip\\\\b|pip: No such file or directory\",\"ModuleNotFoundError: No module named|ImportError: No module named|No module named .?(?:pip|setuptools|distutils|wheel)\\\\b\"],\"causedBy\":[\"network-timeout\",\"qemu-emulation\",\"disk-full\",\"secret-missing\"],\"commands\":[\"\\\\bapt(?:-get)? (?:-\\\\S+ )*(?:install|update)\\\\b\",\"\\\\bapk (?:-\\\\S+ )*(?:update|add)\\\\b\",\"\\\\b(?:yum|dnf|microdnf|zypper) (?:-\\\\S+ )*install\\\\b\",\"\\\\bpip3? (?:-\\\\S+ )*install\\\\b|-m pip install\\\\b\",\"\\\\bnpm (?:ci|install|i)\\\\b\",\"\\\\byarn(?: install)?(?: --\\\\S+)*\\\\s*(?:$|&&)\",\"\\\\bpnpm (?:install|i)\\\\b\",\"\\\\b(?:gem|bundle) install\\\\b\",\"\\\\bcomposer (?:install|require|update)\\\\b\",\"\\\\bgo mod (?:download|tidy)\\\\b\",\"\\\\b(?:poetry install|conda install|conda env create|uv sync|uv pip install)\\\\b\",\"\\\\b(?:apt(?:-get)?|yum|dnf) (?:-\\\\S+ )*(?:upgrade|dist-upgrade|update)\\\\b|\\\\b(?:dpkg|rpm) -[iU]\",\"\\\\b(?:pipenv (?:install|sync)|pip-sync|conda env update|(?:micro)?mamba (?:install|create|env)|poetry add|yarn add|pnpm add|bun install|npm (?:add|update))\\\\b\",\"\\\\b(?:dotnet restore|go get|go mod vendor|cpanm?|luarocks install|opam install)\\\\b|install\\\\.packages\\\\(\",\"\\\\bcomposer-setup\\\\.php\\\\b|getcomposer\\\\.org/installer|\\\\bget-pip\\\\.py\\\\b|install\\\\.python-poetry\\\\.org\"],\"fix\":\"- apt: run `apt-get update` in the same `RUN` as `apt-get install`; a package missing from a new base image release was renamed or dropped (check the distribution's package search).\\n- Pin the base image (`debian:bookworm-20250101`) so package sets do not change under you.\\n- Network errors inside the build (DNS, proxies) show up here too: check the lines before the error.\\n\"},{\"id\":\"compile-error\",\"title\":\"[[${message} — ]]The code failed to compile in ${step}\",\"severity\":\"error\",\"priority\":68,\"patterns\":[\"(?<message>error\\\\[E\\\\d{4}\\\\]: .+)\",\"error: could not compile `(?<crate>[^`]+)`\",\"requires rustc (?<rustc>\\\\d+\\\\.\\\\d+(?:\\\\.\\\\d+)?)(?: or newer)?\",\"^(?<message>(?<file>[\\\\w./-]+\\\\.go):\\\\d+:\\\\d+: .+)\",\"^(?<message>(?<file>[\\\\w./-]+\\\\.tsx?)\\\\(\\\\d+,\\\\d+\\\\): error TS\\\\d+.*)\",\"(?<message>error TS\\\\d{4}: .+)\",\"^(?<message>(?<file>[\\\\w./-]+\\\\.(?:c|cc|cpp|cxx|h|hpp)):\\\\d+:\\\\d+: (?:fatal )?error: .+)\",\"^(?<message>(?<file>[\\\\w./-]+\\\\.java):\\\\d+: error: .+)\",\"\\\\bBUILD FAILED\\\\b|Compilation failed|COMPILATION ERROR\",\"error: failed to run custom build command for\",\"failed to parse manifest at\",\"feature `edition20\\\\d\\\\d` is required\",\"error: linking with `\\\\S+` failed\",\"error: aborting due to\",\"cgo: C compiler \\\"\\\\S+\\\" not found\",\"^(?:\\\\S+\\\\.go:\\\\d+:\\\\d+: )?(?:undefined: \\\\S+|cannot use .* as .* value)\",\"no Go files in\",\"\\\\bgo: (?:\\\\S+ )?requires go >= \",\"missing go\\\\.sum entry\",\"\\\\[ERROR\\\\] \\\\S+\\\\.(?:java|kt|scala):\\\\[\\\\d+,\\\\d+\\\\]\",\"\\\\[ERROR\\\\] (?:COMPILATION ERROR|Failed to execute goal .*(?:compil|compile))\",\"cannot find symbol|package \\\\S+ does not exist\",\"Execution failed for task .\\\\S*(?:[Cc]ompile|assemble|build)\",\"Module not found: (?:Error: )?Can.t resolve\",\"Failed to compile\\\\.?$|Type error: |Build failed with \\\\d+ errors?|error during build:|✘ \\\\[ERROR\\\\]|ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL\",\"(?<message>\\\\berror CS\\\\d{4}\\\\b.*)|\\\\bBuild FAILED\\\\.\",\"fatal error: \\\\S+\\\\.h(?:pp)?: No such file or directory\",\"undefined reference to|ld: cannot find -l\\\\S+|collect2: error: ld returned\",\"\\\\b(?:gcc|g\\\\+\\\\+|cc|c\\\\+\\\\+|clang|clang\\\\+\\\\+)(?:-\\\\d+)?: (?:fatal )?error: \",\"CMake Error|configure: error: \",\"\\\\bmake(?:\\\\[\\\\d+\\\\])?: \\\\*\\\\*\\\\* \\\\[[^\\\\]]*\\\\] Error \\\\d+\",\"Rust toolchain not found|toolchain .* is not installed\",\"^e: (?:file://)?\\\\S+\\\\.kts?:\",\"\\\\berror (?:MSB|NETSDK)\\\\d{4}\\\\b\",\"^ERROR in \\\\S|^\\\\s*-->\\\\s+\\\\S+\\\\.rs:\\\\d+:\\\\d+\",\"\\\\[error\\\\] \\\\S+\\\\.scala:\\\\d+\",\"(?:^|\\\\s)[\\\\w./-]+\\\\.swift:\\\\d+:\\\\d+: error:\",\"fatal error: .?[\\\\w./+-]+\\\\.(?:h|hh|hpp|hxx).? file not found|fatal error: [\\\\w./+-]+\\\\.(?:h|hh|hpp|hxx): No such file or directory|ld(?:\\\\.\\\\w+)?: library not found for -l|cannot find -l\\\\S+|error: linker .\\\\S+. not found\",\"^(?:\\\\S*(?:ba|da|z)?sh: )?(?:line \\\\d+: )?(?:\\\\d+: )?(?:cc|gcc|g\\\\+\\\\+|c\\\\+\\\\+|clang|clang\\\\+\\\\+|make|cmake|ninja|pkg-config|autoreconf|autoconf|automake|libtool|cargo|rustc|go|javac|mvn|gradle|dotnet|tsc): (?:command )?not found\",\"Package .?\\\\S+.? was not found in the pkg-config search path|No package .\\\\S+. found|Could NOT find \\\\S+|No CMAKE_\\\\w+_COMPILER could be found|C compiler cannot create executables|no acceptable C compiler found|Could not find a package configuration file provided by\",\"\\\\bBUILD FAILURE\\\\b|FAILURE: Build failed with an exception|> Build error occurred|Build error occurred$|\\\\[vite\\\\]: Rollup failed to resolve|npm (?:ERR!|error) Failed at the \\\\S+ (?:build|compile|dist)\\\\S* script|An unhandled exception occurred:\",\"== Compilation error in file|\\\\*\\\\* \\\\((?:CompileError|SyntaxError|TokenMissingError)\\\\)|(?:^|\\\\s)[\\\\w./-]+\\\\.hs:\\\\d+:\\\\d+: error|PHP Parse error|SyntaxError: (?:invalid syntax|Unexpected token)|No rule to make target|Error: Cannot find module .\"],\"causedBy\":[\"network-timeout\",\"package-install-failure\",\"qemu-emulation\",\"disk-full\",\"secret-missing\"],\"commands\":[\"\\\\b(?:cargo|cross) (?:\\\\+\\\\S+ )?(?:build|install|test|check|chef cook)\\\\b\",\"\\\\bgo (?:build|install|vet|test|generate)\\\\b\",\"\\\\b(?:npm|pnpm|bun) run (?:build|compile|dist|bundle|prod)\",\"\\\\byarn (?:run )?(?:build|compile|dist)\",\"(?:\\\\bmvn|mvnw)\\\\b.*\\\\b(?:package|install|compile|verify)\\\\b\",\"\\\\bgradlew?\\\\b.*\\\\b(?:build|assemble|bootJar|jar|shadowJar|installDist|compile\\\\w*)\\\\b\",\"^(?:.*&& *)?(?:make|cmake --build|ninja|bazel build)\\\\b\",\"\\\\b(?:tsc|ng build|next build|vite build|webpack|nuxt build)\\\\b\",\"\\\\bdotnet (?:build|publish)\\\\b\",\"\\\\b(?:javac|g\\\\+\\\\+|gcc|clang\\\\+\\\\+|clang)\\\\b\",\"\\\\b(?:mix compile|cabal build|stack build|swift build|zig build)\\\\b\",\"\\\\bgo-wrapper (?:install|download)\\\\b\",\"\\\\bpython3? -m (?:compileall|py_compile)\\\\b\",\"\\\\b(?:node|bun|deno run|tsx|ts-node) (?:\\\\S+/)?build\\\\w*\\\\.(?:m?js|cjs|ts)\\\\b\",\"(?:^|&& *|; *)(?:cmake\\\\b|meson (?:setup|compile)|scons|bjam|b2 |sbt |\\\\./mvnw|\\\\./gradlew)\"],\"fix\":\"The compiler rejected the code inside the build, so the same error shows without Docker: fix the first error it printed, later ones often follow from it.\\n[[- Rust, with ${rust}: reproduce with the image's toolchain, `docker buildx build --target <stage> --progress=plain .` or `cargo build --release --locked`. \\\"requires rustc X or newer\\\" or \\\"feature `edition2024` is required\\\": a dependency needs a newer compiler than the base image has; update the base image tag (`rust:1.xx`, or `rust-toolchain.toml`) or pin the dependency (`cargo update <crate> --precise <version>`).]]\\n[[- Go, with ${go}: build with the Go version of `go.mod`'s `go` line (`golang:1.xx` base image); \\\"undefined:\\\" after a dependency update means a module API changed: `go mod tidy` and rebuild locally.]]\\n[[- Node, with ${node}: run the same script locally with the image's Node version (`node:xx`) and a clean install (`npm ci`); dev dependencies the build needs (`tsc`, `vite`) must not be pruned before it.]]\\n[[- Java, with ${java}: run the same Maven or Gradle goal locally with the image's JDK; a missing package or symbol is often a dependency that is not declared for that module.]]\\n[[- .NET, with ${dotnet}: `dotnet build` locally with the SDK of the base image (`mcr.microsoft.com/dotnet/sdk:x.y`) and the project's `global.json`.]]\\n[[- C/C++, with ${native}: a missing header or library (`fatal error: x.h`, `ld: cannot find -lx`) needs its `-dev` package in the build stage (`apt-get install libx-dev`, `apk add x-dev`).]]\\n[[- Python, with ${python}: a C extension needs a compiler and headers in the image (`build-essential`, `python3-dev`), or a wheel for the image's platform and Python version.]]\\n\"},{\"id\":\"manifest-unknown\",\"title\":\"An image or tag does not exist[[: ${image}]]\",\"severity\":\"error\",\"priority\":65,\"ignoreCase\":true,\"patterns\":[\"\\\\bmanifest unknown\\\\b\",\"failed to resolve source metadata for (?<image>\\\\S+?): .*not found\",\"failed to create LLB definition: (?<image>\\\\S+?): not found\",\"content at \\\\S+ not found: not found\",\"pull access denied for (?<image>\\\\S+?), repository does not exist\",\"invalid stage name|failed to resolve stage|stage (?<stage_name>\\\\S+) not found\",\"failed to get stage\",\"manifest for \\\\S+ not found\",\"pull access denied for (?<image>[a-z0-9._-]+), repository does not exist\",\"pull access denied, repository does not exist or may require authorization\",\"docker\\\\.io/library/(?<image>[a-z0-9._-]+)(?::\\\\S+)?: pull access denied\",\"failed to resolve (?:source metadata for|reference) \\\\S+: .*not found\",\"\\\\bnot found: not found\\\\b|reference does not exist\",\"repository (?<image>\\\\S+) not found\",\"\\\\bNo such image: |\\\\bMANIFEST_UNKNOWN\\\\b\",\"An image does not exist locally with the tag\",\"invalid from flag value \\\\S+|failed to solve with frontend dockerfile\\\\.v0: failed to create LLB definition: \\\\S+: not found|: not found: manifest unknown|repository does not exist or may require|not found: not found$|\\\\bdoes not exist on the registry\",\"\\\\(did you mean \\\\S+\\\\?\\\\)\",\"target stage .* could not be found|cannot (?:copy|mount) from stage .*(?:needs to be defined|stage needs)\"],\"commands\":[\"^load metadata for \\\\S+\",\"^FROM \\\\S+\"],\"fix\":\"- Check the reference: `docker buildx imagetools inspect <image>`. Tags are removed upstream too (old distribution releases).\\n- `COPY --from=<name>` needs a stage of that name defined earlier in the Dockerfile, or an image that exists.\\n- An image you pushed yourself may carry an index your client cannot read: try `provenance: false` when pushing.\\n\"},{\"id\":\"registry-push-failure\",\"title\":\"Pushing to the registry failed\",\"severity\":\"error\",\"priority\":62,\"ignoreCase\":true,\"patterns\":[\"failed commit on ref \\\"(?<ref>[^\\\"]+)\\\": (?<reason>.+)\",\"failed to push (?<image>\\\\S+): (?!denied|unauthorized)(?<reason>.+)\",\"error (?:writing|pushing) (?:layer|manifest)(?: blob)?\",\"unexpected status from PUT request to \\\\S+: 5\\\\d\\\\d\",\"[Rr]eceived unexpected HTTP status: 5\\\\d\\\\d\",\"\\\\bblob upload (?:unknown|invalid)\\\\b|^unknown blob\\\\b\",\"\\\\bname unknown: repository name not known to registry\",\"^name unknown: |does not exist in the registry with id\",\"\\\\bMANIFEST_INVALID\\\\b|manifest invalid\",\"client disconnected during blob PATCH\",\"failed to (?:copy|do request): .*(?:PUT|PATCH) .*: (?:EOF|broken pipe|connection reset)\",\"failed to do request: (?:Put|Post|Patch|PUT|POST|PATCH) \\\"?\\\\S+/blobs/uploads/\",\"^(?:unknown|blob unknown|name invalid|size invalid|digest invalid|unsupported|tag invalid|manifest invalid|manifest blob unknown|blob upload (?:unknown|invalid)|range invalid|manifest unverified): \",\"Error pushing to registry: Server error: \\\\d{3}|Server error: \\\\d{3} trying to push\",\"Request Entity Too Large|Payload Too Large|manifest blob unknown|unexpected status(?: code)? from (?:PUT|POST|PATCH) request to \\\\S+: (?:400|404|405|409|413|500|502|503|504)\\\\b|failed to upload (?:layer|blob)\"],\"causedBy\":[\"network-timeout\",\"disk-full\",\"registry-rate-limit\"],\"fix\":\"The image was built; the registry failed while receiving it.\\n- Retry: registry 5xx and dropped connections are usually transient.\\n- Very large layers time out: make them smaller (multi-stage builds, fewer files in the final image).\\n- Some registries reject OCI indexes with attestations: try `provenance: false`.\\n\"},{\"id\":\"network-timeout\",\"title\":\"A network request timed out during the build\",\"severity\":\"error\",\"priority\":60,\"ignoreCase\":true,\"patterns\":[\"\\\\bi/o timeout\\\\b\",\"TLS handshake timeout\",\"Client\\\\.Timeout exceeded\",\"context deadline exceeded\",\"request canceled while waiting for connection\",\"Temporary failure (?:in name resolution|resolving)\",\"Could not resolve host|no such host|Connection timed out|connection reset by peer\",\"dial tcp \\\\S+: connect: (?:connection refused|network is unreachable)\",\"Could not resolve [\\\"\\\\x27\\\\u2018][\\\\w.-]+[\\\"\\\\x27\\\\u2019]\",\"getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|\\\\bEAI_AGAIN\\\\b|\\\\bETIMEDOUT\\\\b|\\\\bECONNRESET\\\\b|socket hang up\",\"Read timed out|ReadTimeoutError|ConnectTimeoutError|Failed to establish a new connection|Max retries exceeded with url\",\"[Nn]etwork is unreachable|server misbehaving\",\"curl: \\\\((?:6|7|18|28|35|52|56)\\\\)\",\"unable to resolve host address|Temporary failure in name resolution\",\"\\\\bnetwork timeout\\\\b|timed out after \\\\d+\",\"temporary error \\\\(try again later\\\\)\",\"There appears to be trouble with your network connection\",\"\\\\bEHOSTUNREACH\\\\b|Name or service not known|nodename nor servname provided\",\"Failed to connect to \\\\S+ port \\\\d+|Could not connect to \\\\S+:\\\\d+|proxyconnect tcp\",\"timeout awaiting response headers|net/http: request canceled|Operation timed out\",\"dial tcp: lookup \\\\S+(?: on \\\\S+)?: (?:no such host|server misbehaving|i/o timeout)\",\"Unable to load the service index for source\",\"Could not fetch specs from|Bundler::HTTPError|Retrying fetcher due to error\",\"spurious network error|network failure seems to have happened\",\"stream error: stream ID \\\\d+\",\"npm (?:ERR!|error) (?:code )?(?:ERR_SOCKET_TIMEOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|EPROTO)\\\\b\",\"npm (?:ERR!|error) network\\\\b|problem related to network connectivity|request to https?://\\\\S+ failed, reason:\",\"\\\\b(?:ESOCKETTIMEDOUT|ECONNREFUSED|ENETUNREACH|ECONNABORTED|ERR_SOCKET_TIMEOUT)\\\\b\",\"connection broken by|ProtocolError\\\\(|NewConnectionError|RemoteDisconnected|Connection aborted|IncompleteRead|ProxyError|ConnectionResetError|ConnectionRefusedError\",\"\\\\b[Cc]onnect(?:ion)? (?:timed out|refused)\\\\b|\\\\bNo route to host\\\\b\",\"(?:[Rr]ead|[Ss]ocket|[Rr]equest|[Hh]andshake|[Cc]onnect) tim(?:ed out|eout)\\\\b|\\\\bTimeout was reached\\\\b\",\"Could not connect to \\\\S+|Unable to connect to \\\\S+|Connection failed \\\\[IP:|Undetermined Error|Clearsigned file isn.t valid|does the network require authentication\",\"network error \\\\(check Internet connection|DNS lookup error|could not connect to server \\\\(check repositories file\\\\)\",\"gnutls_handshake\\\\(\\\\) failed|RPC failed; curl|\\\\bearly EOF\\\\b|remote end hung up unexpectedly|SSL_ERROR_SYSCALL|SSL_read: |SSL_connect: |unable to access .https?://[^ ]+: (?:Failed to connect|Could not resolve|Operation timed out|OpenSSL|GnuTLS)\",\"curl: \\\\((?:5|16|55|92)\\\\)|Couldn.t resolve (?:host|proxy)|Could not resolve (?:proxy|host):|Curl error \\\\((?:5|6|7|28|35|56)\\\\)\",\"Connect to \\\\S+ (?:\\\\[[^\\\\]]*\\\\] )?failed|Could not (?:GET|HEAD) .https?://|(?:Transfer|Download) failed for|SocketTimeoutException|UnknownHostException|java\\\\.net\\\\.ConnectException|SSLHandshakeException|NoHttpResponseException\",\"CondaHTTPError|CONNECTION FAILED for url|Cannot retrieve repository metadata\",\"(?:Head|Get|HEAD|GET) \\\"https?://\\\\S+\\\": (?:unexpected )?EOF\\\\b|failed to do request: (?:Head|Get|HEAD|GET) \\\"?\\\\S+\\\"?: (?:EOF|dial tcp|read tcp|net/http|remote error)\",\"x509: certificate (?:signed by unknown authority|has expired|is valid for)|CERTIFICATE_VERIFY_FAILED|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SSL certificate problem|unable to get local issuer certificate\",\"short read: expected \\\\d+ bytes but got \\\\d+|read tcp \\\\S+->\\\\S+: read: |unexpected EOF while reading|wget: (?:download timed out|unable to connect)|failed: (?:Connection timed out|Connection refused|Temporary failure|No route to host|Network is unreachable)\",\"HTTPSConnectionPool\\\\(host=|HTTPConnectionPool\\\\(host=|[Cc]onnection reset\\\\b|[Tt]emporary failure in name resolution|Could not resolve hostname\",\"\\\"https?://[^\\\"]+\\\": dial tcp\\\\b\",\"\\\\bDeadlineExceeded\\\\b\",\"Hash Sum mismatch|Bad header line|Mirror sync in progress\\\\?\",\"Gem::RemoteFetcher::(?:UnknownHost|Fetch)Error|Net::(?:Open|Read)Timeout\",\"\\\\bcurl\\\\b[^\\\"']*(?:\\\" did not complete successfully: exit code: |' returned a non-zero code: |\\\\]: exit code: )(?:6|7|18|28|35|52|56)$\",\"\\\\bwget\\\\b[^\\\"']*(?:\\\" did not complete successfully: exit code: |' returned a non-zero code: |\\\\]: exit code: )4$\"],\"causedBy\":[\"qemu-emulation\"],\"fix\":\"- Usually transient: re-run the job. When it repeats, the host named in the error is down or unreachable from the runner.\\n- Pull base images through a mirror or log in (anonymous pulls are throttled and slower).\\n- Inside `RUN` steps, retry downloads (`apt-get -o Acquire::Retries=3`, `npm ci --fetch-retries=5`).\\n\"},{\"id\":\"buildkit-connection-lost\",\"title\":\"The connection to BuildKit broke during the build\",\"severity\":\"error\",\"priority\":55,\"ignoreCase\":true,\"patterns\":[\"failed to receive status: rpc error\",\"error reading from server: EOF\",\"rpc error: code = Unavailable\",\"closing transport due to|transport is closing\",\"buildkitd (?:exited|has been killed|died)\",\"transport is closing|the connection is unavailable|closing transport due to\",\"http2: server sent GOAWAY|graceful_stop\",\"grpc: the client connection is closing|error reading from server: (?:EOF|connection reset)|received prior goaway\"],\"causedBy\":[\"oom-killed\",\"disk-full\"],\"fix\":\"The builder (BuildKit) stopped answering: it crashed, was killed for memory, or its container or host went away.\\n- Re-run; if it repeats at the same step, that step crashes BuildKit (very large layers, inline cache on old engines): update Docker/BuildKit via `docker/setup-buildx-action`.\\n- Check the runner's memory and disk: BuildKit dies when the host runs out.\\n\"},{\"id\":\"canceled\",\"title\":\"The build was canceled before it finished\",\"severity\":\"warning\",\"priority\":40,\"role\":\"consequence\",\"patterns\":[\"The operation was canceled\",\"Canceling since a higher priority waiting request\",\"\\\\bBuild canceled\\\\b\",\"The runner has received a shutdown signal\",\"The job running on runner .* has exceeded the maximum execution time\",\"The job was canceled because\",\"received cancellation signal\",\"ran longer than the maximum time of \\\\d+ minutes\",\"Build was aborted|execution took longer than \\\\S+ seconds|Canceled: context canceled\"],\"fix\":\"- When another job of the matrix failed, fix that job first: with `strategy.fail-fast` (the default) GitHub cancels the others.\\n- A newer push to the same branch cancels older runs when the workflow sets `concurrency` with `cancel-in-progress: true`.\\n- A job that reached `timeout-minutes` is canceled too: compare the job time with the timeout.\\n\"},{\"id\":\"cache-miss\",\"title\":\"The build cache did not match\",\"severity\":\"warning\",\"priority\":30,\"patterns\":[],\"fix\":\"- With `docker/build-push-action`, read and write the cache: `cache-from: type=gha,scope=<image>` and `cache-to: type=gha,mode=max,scope=<image>`, one scope per image of a matrix so they do not evict each other.\\n- A first run, or one after the cache was evicted (GitHub keeps 10 GB per repository, least recently used first), misses everything; warm the cache by running the workflow on a branch before merging large dependency changes.\\n- Copy dependency manifests and build dependencies before the sources (for Rust: `cargo chef`), so a source change does not rebuild them, and keep compiler caches with `RUN --mount=type=cache,...`.\\n\"},{\"id\":\"slow-build\",\"title\":\"The build took longer than its budget\",\"severity\":\"warning\",\"priority\":20,\"patterns\":[],\"fix\":\"- Fix the causes named in the other findings of this build first (emulation, cache misses).\\n- A cold cache (first publish, large dependency update) is expected to be slow; the next run with a warm cache should be much faster.\\n- Raise the budget with the `max-build-minutes` input if this duration is expected.\\n\"},{\"id\":\"unknown\",\"title\":\"The build failed\",\"severity\":\"error\",\"priority\":0,\"patterns\":[],\"fix\":\"No known signature matched. Read the failing step's output (in the evidence) for the first error, not the last, and reproduce locally with the same Dockerfile and platform: `docker buildx build --progress=plain --platform <platform> -f <Dockerfile> .`\\nAdd a signature for this failure to your own `signatures` file so the next one is recognised.\\n\"}]}");

;// CONCATENATED MODULE: ./src/diagnose/catalog.ts

const CATALOG_VERSION = 1;
/**
 * Placeholders every title and fix may use, whatever the patterns capture. The toolchain ones
 * (`rust`, `go`, ...) have a value (the tool seen) only when the failure came from that toolchain,
 * so a fix can give each its own advice in `[[ ... ]]` parts.
 */
const TOOLCHAINS = ['rust', 'go', 'node', 'java', 'native', 'dotnet', 'python'];
const CONTEXT_VARIABLES = ['build', 'step', 'stage', 'platform', 'dockerfile', 'registry', ...TOOLCHAINS];
const SEVERITIES = ['error', 'warning', 'notice'];
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_PATTERN = 1000;
const MAX_PATTERNS = 50;
const FIELDS = new Set(['id', 'title', 'severity', 'priority', 'patterns', 'commands', 'causedBy', 'role', 'ignoreCase', 'fix']);
const ROLES = ['cause', 'consequence'];
/**
 * Reads a catalog file (YAML). Throws an InputError naming the entry and the field. The YAML parser
 * is loaded here, not at start: only a team's own signatures file is YAML at run time.
 */
async function parseCatalog(text, origin, options = { requirePatterns: true }) {
    const { parse: parseYaml } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    let document;
    try {
        document = parseYaml(text, { maxAliasCount: 50 });
    }
    catch (error) {
        throw new InputError(`${origin}: not valid YAML: ${error.message.split('\n')[0]}`);
    }
    return readCatalogDocument(document, origin, options);
}
/** Validates a parsed catalog document (parseCatalog's YAML, or the built-in one parsed at build time). */
function readCatalogDocument(document, origin, options = { requirePatterns: true }) {
    const root = document;
    if (!root || typeof root !== 'object' || Array.isArray(root))
        throw new InputError(`${origin}: expected a mapping with "version" and "signatures"`);
    if (root.version !== CATALOG_VERSION)
        throw new InputError(`${origin}: field "version": must be ${CATALOG_VERSION}, not ${JSON.stringify(root.version)}`);
    if (!Array.isArray(root.signatures))
        throw new InputError(`${origin}: field "signatures": must be a list`);
    const seen = new Set();
    return root.signatures.map((entry, index) => {
        const where = (field, id) => `${origin}: signature ${index + 1}${id ? ` (${id})` : ''}, field "${field}"`;
        if (!entry || typeof entry !== 'object' || Array.isArray(entry))
            throw new InputError(`${origin}: signature ${index + 1}: must be a mapping`);
        const raw = entry;
        const id = raw.id;
        if (typeof id !== 'string' || !ID.test(id))
            throw new InputError(`${where('id')}: must be a kebab-case id such as "registry-auth-denied"`);
        if (seen.has(id))
            throw new InputError(`${where('id', id)}: "${id}" appears twice`);
        seen.add(id);
        for (const key of Object.keys(raw))
            if (!FIELDS.has(key))
                throw new InputError(`${where(key, id)}: unknown field (known: ${[...FIELDS].join(', ')})`);
        const out = { id, origin };
        if (raw.title !== undefined) {
            if (typeof raw.title !== 'string' || !raw.title.trim() || raw.title.includes('\n'))
                throw new InputError(`${where('title', id)}: must be a one-line text`);
            out.title = raw.title.trim();
        }
        if (raw.severity !== undefined) {
            if (!SEVERITIES.includes(raw.severity))
                throw new InputError(`${where('severity', id)}: must be error, warning or notice`);
            out.severity = raw.severity;
        }
        if (raw.priority !== undefined) {
            if (typeof raw.priority !== 'number' || !Number.isFinite(raw.priority) || raw.priority < 0 || raw.priority > 1000) {
                throw new InputError(`${where('priority', id)}: must be a number from 0 to 1000`);
            }
            out.priority = raw.priority;
        }
        if (raw.ignoreCase !== undefined) {
            if (typeof raw.ignoreCase !== 'boolean')
                throw new InputError(`${where('ignoreCase', id)}: must be true or false`);
            out.ignoreCase = raw.ignoreCase;
        }
        if (raw.patterns !== undefined) {
            if (!Array.isArray(raw.patterns) || raw.patterns.length > MAX_PATTERNS)
                throw new InputError(`${where('patterns', id)}: must be a list of at most ${MAX_PATTERNS} regular expressions`);
            out.patterns = raw.patterns.map((pattern, i) => compilePattern(pattern, out.ignoreCase ?? false, `${where(`patterns[${i + 1}]`, id)}`));
        }
        if (raw.commands !== undefined) {
            if (!Array.isArray(raw.commands) || raw.commands.length > MAX_PATTERNS)
                throw new InputError(`${where('commands', id)}: must be a list of at most ${MAX_PATTERNS} regular expressions`);
            out.commands = raw.commands.map((pattern, i) => compilePattern(pattern, out.ignoreCase ?? false, `${where(`commands[${i + 1}]`, id)}`));
        }
        if (raw.causedBy !== undefined) {
            if (!Array.isArray(raw.causedBy) || raw.causedBy.some((c) => typeof c !== 'string' || !ID.test(c)))
                throw new InputError(`${where('causedBy', id)}: must be a list of signature ids`);
            out.causedBy = raw.causedBy;
        }
        if (raw.role !== undefined) {
            if (!ROLES.includes(raw.role))
                throw new InputError(`${where('role', id)}: must be cause or consequence`);
            out.role = raw.role;
        }
        if (raw.fix !== undefined) {
            if (typeof raw.fix !== 'string' || !raw.fix.trim())
                throw new InputError(`${where('fix', id)}: must be Markdown text`);
            out.fix = raw.fix.trim();
        }
        if (options.requirePatterns && raw.patterns !== undefined && out.patterns.length === 0) {
            throw new InputError(`${where('patterns', id)}: needs at least one pattern`);
        }
        return out;
    });
}
function compilePattern(pattern, ignoreCase, where) {
    if (typeof pattern !== 'string' || pattern === '')
        throw new InputError(`${where}: must be a non-empty regular expression (a quoted string)`);
    if (pattern.length > MAX_PATTERN)
        throw new InputError(`${where}: longer than ${MAX_PATTERN} characters`);
    try {
        return { source: pattern, regex: new RegExp(pattern, ignoreCase ? 'i' : '') };
    }
    catch (error) {
        throw new InputError(`${where}: ${error.message}`);
    }
}
/**
 * The built-in catalog with a user's entries on top: an entry with a known id replaces the fields
 * it gives (a team's own fix and runbook link, extra patterns); a new id adds a signature.
 */
function mergeCatalogs(builtin, user) {
    const merged = new Map(builtin.map((s) => [s.id, s]));
    for (const entry of user) {
        const base = merged.get(entry.id);
        if (base) {
            const ignoreCase = entry.ignoreCase ?? base.ignoreCase;
            const patterns = entry.patterns ??
                (ignoreCase === base.ignoreCase ? base.patterns : base.patterns.map((p) => ({ source: p.source, regex: new RegExp(p.source, ignoreCase ? 'i' : '') })));
            const commands = entry.commands ??
                (ignoreCase === base.ignoreCase ? base.commands : base.commands.map((p) => ({ source: p.source, regex: new RegExp(p.source, ignoreCase ? 'i' : '') })));
            // Patterns and commands run in the worker as soon as either came from the user's file.
            const patternsOrigin = entry.patterns || entry.commands ? (entry.origin ?? 'user') : base.patternsOrigin;
            merged.set(entry.id, { ...base, ...definedFields(entry), patterns, commands, ignoreCase, origin: entry.origin ?? base.origin, patternsOrigin });
        }
        else {
            const where = `${entry.origin}: signature ${entry.id}`;
            if (!entry.title)
                throw new InputError(`${where}, field "title": required for a new signature`);
            if (!entry.fix)
                throw new InputError(`${where}, field "fix": required for a new signature`);
            if (!entry.patterns || entry.patterns.length === 0)
                throw new InputError(`${where}, field "patterns": required for a new signature`);
            merged.set(entry.id, {
                id: entry.id,
                title: entry.title,
                severity: entry.severity ?? 'error',
                priority: entry.priority ?? 50,
                patterns: entry.patterns,
                commands: entry.commands ?? [],
                causedBy: entry.causedBy ?? [],
                role: entry.role ?? 'cause',
                ignoreCase: entry.ignoreCase ?? false,
                fix: entry.fix,
                origin: entry.origin ?? 'user',
                patternsOrigin: entry.origin ?? 'user',
            });
        }
    }
    const signatures = [...merged.values()];
    for (const signature of signatures) {
        checkPlaceholders(signature);
        checkCausedBy(signature, merged);
    }
    return signatures;
}
function definedFields(entry) {
    return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
/** Every `${name}` must be a named group of one of the patterns or a context variable. */
function checkPlaceholders(signature) {
    const groups = new Set(CONTEXT_VARIABLES);
    for (const pattern of [...signature.patterns, ...signature.commands])
        for (const name of namedGroups(pattern.source))
            groups.add(name);
    for (const field of ['title', 'fix']) {
        for (const match of signature[field].matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
            if (!groups.has(match[1])) {
                throw new InputError(`${signature.origin}: signature ${signature.id}, field "${field}": \${${match[1]}} is neither a named group of its patterns nor one of ${CONTEXT_VARIABLES.join(', ')}`);
            }
        }
    }
}
/** Every id a signature names as its cause must be a signature of the catalog. */
function checkCausedBy(signature, known) {
    for (const id of signature.causedBy) {
        if (!known.has(id))
            throw new InputError(`${signature.origin}: signature ${signature.id}, field "causedBy": "${id}" is not a signature id`);
    }
}
function namedGroups(source) {
    return [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]);
}
/** The built-in catalog: every entry complete; entries without patterns give advice to analysis rules. */
function loadBuiltinCatalog(document) {
    const entries = readCatalogDocument(document, 'built-in signatures', { requirePatterns: false });
    const signatures = entries.map((entry) => {
        for (const field of ['title', 'severity', 'priority', 'patterns', 'fix']) {
            if (entry[field] === undefined)
                throw new InputError(`built-in signatures: ${entry.id}: field "${field}" is missing`);
        }
        const signature = { ignoreCase: false, commands: [], causedBy: [], role: 'cause', ...entry, origin: 'built-in', patternsOrigin: 'built-in' };
        checkPlaceholders(signature);
        return signature;
    });
    const known = new Map(signatures.map((s) => [s.id, s]));
    for (const signature of signatures)
        checkCausedBy(signature, known);
    return signatures;
}

;// CONCATENATED MODULE: ./src/diagnose/load-catalog.ts





let builtin = null;
/** The reviewed catalog shipped with buildx-doctor (signatures/builtin.yml). */
function builtinSignatures() {
    // Parsed from YAML at build time (scripts/embed-catalog.mjs); validated here like any catalog.
    builtin ??= loadBuiltinCatalog(BUILTIN_CATALOG_DOCUMENT);
    return builtin;
}
const MAX_FILE_BYTES = 1024 * 1024;
/** The built-in catalog with the team's file on top. Throws an InputError that names the entry and field. */
async function loadCatalog(userFile) {
    if (!userFile)
        return builtinSignatures();
    return mergeCatalogs(builtinSignatures(), await parseCatalog(await readSignaturesFile(userFile), userFile));
}
/**
 * The file's text, looked at before it is read: a FIFO or a device would block or never end, and
 * a huge (or sparse) file would be read whole before a size check. Opened without blocking, then
 * checked by its descriptor, so that what is checked is what is read.
 */
async function readSignaturesFile(path) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(path, external_node_fs_namespaceObject.constants.O_RDONLY | external_node_fs_namespaceObject.constants.O_NONBLOCK);
    }
    catch (error) {
        const code = error.code;
        throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`}`);
    }
    try {
        const info = await handle.stat();
        if (info.isDirectory())
            throw new InputError(`${path}: is a directory, not a signatures file`);
        if (!info.isFile())
            throw new InputError(`${path}: not a regular file (a pipe, socket or device), so it is not read`);
        if (info.size > MAX_FILE_BYTES)
            throw new InputError(`${path}: larger than 1 MiB (${info.size.toLocaleString('en-US')} bytes)`);
        // Read at most one byte more than allowed: a file that grew since the check is refused too.
        const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_FILE_BYTES)
                throw new InputError(`${path}: larger than 1 MiB`);
        }
        return buffer.subarray(0, length).toString('utf8');
    }
    catch (error) {
        if (error instanceof InputError)
            throw error;
        throw new InputError(`${path}: cannot read (${error.code ?? 'error'})`);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/diagnose/line-selector.ts




/**
 * Decides, while a log is read, which lines the signatures will want to see: the parser keeps the
 * lines around them for the diagnosis. Derived from the catalog itself (built-in and the team's own
 * signatures), so a signature's line is never dropped before it could match.
 *
 * Cheap first: one search for the literals every pattern needs. A built-in (reviewed) pattern then
 * confirms the line; a user's pattern is not run here (it runs later in a worker with a time
 * budget), so its literals alone select the line.
 */
class LineSelector {
    prefilter;
    /** Built-in patterns that have no required literal: run on every line (kept few and cheap). */
    unfiltered;
    confirm;
    userLiterals;
    constructor(signatures) {
        const builtinLiterals = [];
        const userLiterals = [];
        const unfiltered = [];
        const confirm = [];
        for (const signature of signatures) {
            const trusted = signature.patternsOrigin === 'built-in';
            for (const pattern of signature.patterns) {
                const literals = requiredLiterals(pattern.source);
                if (trusted) {
                    if (literals) {
                        for (const text of literals)
                            builtinLiterals.push({ text, id: confirm.length });
                        confirm.push(pattern.regex);
                    }
                    else {
                        unfiltered.push(pattern.regex);
                    }
                }
                else if (literals) {
                    for (const text of literals)
                        userLiterals.push({ text, id: 0 });
                }
                // A user pattern with no literal selects nothing: it sees the lines kept for the others.
            }
        }
        this.prefilter = new LiteralSet(builtinLiterals);
        this.userLiterals = new LiteralSet(userLiterals);
        this.unfiltered = unfiltered;
        this.confirm = confirm;
    }
    /** Whether a built-in signature matches the line, or a user signature may. */
    select(text) {
        if (this.userLiterals.test(text))
            return true;
        // Only the patterns whose literal is in the line are run, on the line as patterns see it.
        let normalized = null;
        const confirmed = this.prefilter.find(text, (id) => this.confirm[id].test((normalized ??= normalizeForMatching(text))));
        if (confirmed || this.unfiltered.length === 0)
            return confirmed;
        normalized ??= normalizeForMatching(text);
        return this.unfiltered.some((regex) => regex.test(normalized));
    }
}
let builtinSelector = null;
/** The selector of a catalog: the built-in one is made once. */
function lineSelectorFor(catalog) {
    if (catalog !== builtinSignatures())
        return new LineSelector(catalog);
    builtinSelector ??= new LineSelector(catalog);
    return builtinSelector;
}

;// CONCATENATED MODULE: ./src/analyze/metrics.ts
const SLOWEST = 5;
/**
 * Steps that can hit the build cache: Dockerfile instructions other than FROM. A FROM shown as
 * CACHED means the base image was already in the builder, not that the build cache matched, so
 * counting it would report hits on a build that rebuilt everything.
 */
function isCacheable(step) {
    return step.kind === 'instruction' && step.instruction !== 'FROM' && step.status !== 'running' && step.status !== 'canceled';
}
function cacheStats(build) {
    let hits = 0;
    let misses = 0;
    for (const step of build.steps) {
        if (!isCacheable(step))
            continue;
        if (step.cached)
            hits++;
        else
            misses++;
    }
    // Steps past the listing limit were counted when they were dropped (parse/step-budget.ts).
    hits += build.omittedSteps?.cacheHits ?? 0;
    misses += build.omittedSteps?.cacheMisses ?? 0;
    const total = hits + misses;
    return { hits, misses, ratio: total === 0 ? null : metrics_round(hits / total, 3) };
}
function timing(build) {
    const ran = build.steps.filter((s) => !s.cached && s.seconds !== null && s.seconds > 0 && s.kind !== 'internal' && s.kind !== 'auth');
    const slowestSteps = [...ran]
        .sort((a, b) => b.seconds - a.seconds)
        .slice(0, SLOWEST)
        .map((s) => ({ name: s.name, platform: s.platform, seconds: s.seconds, line: s.line }));
    const platformSeconds = {};
    for (const step of build.steps) {
        if (step.kind !== 'instruction' || step.seconds === null)
            continue;
        const key = step.platform ?? 'default';
        platformSeconds[key] = metrics_round((platformSeconds[key] ?? 0) + step.seconds, 1);
    }
    for (const [key, seconds] of Object.entries(build.omittedSteps?.platformSeconds ?? {}))
        platformSeconds[key] = metrics_round((platformSeconds[key] ?? 0) + seconds, 1);
    const sum = (kind) => metrics_round(build.cache[kind].reduce((total, op) => total + (op.seconds ?? 0), 0), 1);
    const cacheExportSeconds = sum('exports');
    return {
        slowestSteps,
        platformSeconds,
        cacheImportSeconds: sum('imports'),
        cacheExportSeconds,
        cacheExportShare: build.buildSeconds ? metrics_round(cacheExportSeconds / build.buildSeconds, 3) : null,
    };
}
function metrics_round(value, digits) {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

;// CONCATENATED MODULE: ./src/analyze/rule.ts
const DEFAULT_ANALYSIS_OPTIONS = { maxBuildMinutes: 60, workspace: null, maxImageBytes: null };

;// CONCATENATED MODULE: ./src/analyze/evidence.ts

const MAX_EVIDENCE_TEXT = 500;
/** A quoted line, redacted and bounded: the only way log text becomes evidence. */
function quote(line, text) {
    const safe = redact(text);
    return { line, text: safe.length > MAX_EVIDENCE_TEXT ? `${safe.slice(0, MAX_EVIDENCE_TEXT)}…` : safe };
}
/** The header and end lines of a step, as BuildKit printed them. */
function stepEvidence(step) {
    const lines = [quote(step.line, `#${step.id} ${step.name}`)];
    if (step.endLine !== null && step.endText !== null)
        lines.push(quote(step.endLine, step.endText));
    return lines;
}


;// CONCATENATED MODULE: ./src/text/markdown.ts
// Everything a log says is hostile by the time it reaches Markdown: it may hold `@org/team`
// mentions, HTML (`<img onerror>`, `</details>`), backtick runs that close a code span, or control
// characters. These helpers are the only way log text enters Markdown, the job summary or a comment.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ZERO_WIDTH_SPACE = '\u200b';
/** Removes control and bidi-override characters (they can hide or reorder text). */
function stripControl(text) {
    return text.replace(CONTROL, '');
}
/** Shortens to `max` characters with an ellipsis. */
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
/**
 * Plain text for Markdown: no HTML, no formatting, no mentions, no links. GitHub links references
 * even where Markdown is escaped (`\#4242` still becomes a link to issue 4242, github/cmark-gfm#181),
 * so a zero-width space breaks each one up as it does mentions: `#42`, `GH-42`, `owner/repo#42`,
 * and bare URLs (`https://`, `www.`), which GitHub's autolinking would otherwise make clickable.
 */
function escapeText(text) {
    return stripControl(text)
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()+!|~])/g, '\\$1')
        .replace(/#/g, `\\#${ZERO_WIDTH_SPACE}`)
        .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZERO_WIDTH_SPACE}`)
        .replace(/\b([a-z][a-z0-9+.-]{0,31}):\/\//gi, `$1:${ZERO_WIDTH_SPACE}//`)
        .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
        .replace(/^(\s*)([-=]{3,})/, '$1\\$2');
}
/** Text inside a table cell: escaped, on one line. */
function escapeCell(text) {
    return escapeText(text);
}
/**
 * An inline code span that cannot be broken out of: the fence is one backtick longer than the
 * longest run inside. Code spans render HTML and mentions as literal text.
 */
function inlineCode(text, max = 200) {
    const body = truncate(stripControl(text).replace(/[\r\n]+/g, ' '), max);
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = body.startsWith('`') || body.endsWith('`') || body === '' ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A fenced code block for quoted log lines; the fence is longer than any backtick run inside. */
function codeBlock(lines, language = 'text') {
    const body = lines.map((line) => stripControl(line)).join('\n');
    const longest = Math.max(2, ...(body.match(/`{3,}|~{3,}/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language}\n${body}\n${fence}`;
}

;// CONCATENATED MODULE: ./src/analyze/rules/build-outcome.ts




const TAIL = 10;
// Words of a failure in any tool's output, for the paste whose lines none of the stricter failure
// lines recognise (`ls: cannot access '/x': No such file or directory`, `cd: /src: No such file`):
// used only when nothing else names an error, so that a pasted failure is never left silent.
const LOOSE_FAILURE = /\b(?:cannot|can't|could not|couldn't|unable to|failed|failure|fatal|denied|refused|not found|no such file or directory|timed out|invalid|exception|segmentation fault|aborted)\b|\berror\b|\bexit (?:code|status):? [1-9]/i;
/** At most this many of the failure's own error lines are quoted. */
const MAX_ERROR_LINES = 8;
/**
 * The baseline for a build that did not succeed: a failure is never left without a finding, even
 * when nothing more specific recognises it, and a canceled build says so.
 */
const buildOutcomeRule = {
    ids: ['unknown', 'canceled'],
    run({ build, diagnosis, catalog }) {
        const matched = diagnosis?.matches ?? [];
        if (build.status === 'canceled') {
            if (matched.some((m) => m.signature.id === 'canceled'))
                return [];
            const advice = catalog.get('canceled');
            return [
                {
                    id: 'canceled',
                    severity: advice?.severity ?? 'warning',
                    title: 'The build was canceled before it finished',
                    evidence: build.errors.slice(0, 5).map((e) => quote(e.line, e.text)),
                    fix: advice?.fix ?? '',
                },
            ];
        }
        // A signature that matched more than a WARNING line names the cause; this is the fallback.
        if (matched.some((m) => !m.onlyWarnings))
            return [];
        const lines = diagnosis?.allLines ?? build.excerpt;
        const strictLines = ownErrorLines(build, lines, FAILURE_LINE);
        // Failure words looser than a failure line's say less: a build that did not say it failed is
        // then only a warning (the paste may have been cut before its end).
        const loose = strictLines.length === 0;
        const errorLines = loose ? ownErrorLines(build, lines, LOOSE_FAILURE) : strictLines;
        // A paste whose only trace of the failure is a tool's WARNING (a cache import that found
        // nothing) is better explained by that warning than by a finding that has nothing to quote.
        if (matched.length > 0 && strictLines.length === 0 && build.errors.length === 0 && build.failedStepTail.length === 0)
            return [];
        // A log cut before its end that still shows errors is a failure to explain, not a silence.
        if (build.status !== 'failure' && !(build.status === 'unknown' && errorLines.length > 0))
            return [];
        const final = build.errors[build.errors.length - 1] ?? null;
        const failedStep = build.steps.find((s) => s.status === 'error' && s.kind !== 'cache-import');
        const first = errorLines[0] ?? final;
        const evidence = errorLines.length > 0 ? [...errorLines, ...build.errors] : [...build.failedStepTail.slice(-TAIL), ...build.errors];
        return [
            {
                id: 'unknown',
                severity: loose && build.status !== 'failure' ? 'warning' : 'error',
                title: failedStep ? stepFailureTitle(failedStep) : first ? `The build failed: ${shorten(first.text)}` : 'The build failed',
                evidence: dedupe(evidence).map((e) => quote(e.line, e.text)),
                fix: [
                    final ? `The last error reported: ${inlineCode(final.text, 300)}.` : 'The log shows the build failed but no error line.',
                    catalog.get('unknown')?.fix ?? '',
                ].join('\n\n'),
            },
        ];
    },
};
/** `RUN cargo build --release failed: exit code: 101`: the step and why, without the shell quoting. */
function stepFailureTitle(step) {
    const error = step.error ?? '';
    const reason = /did not complete successfully: (.*)$/.exec(error)?.[1] ?? /^executor failed running \[.*\]: (.*)$/s.exec(error)?.[1] ?? error;
    const what = step.instruction ? `${step.instruction} ${step.command}` : step.name;
    return `${what.length > 60 ? `${what.slice(0, 59)}…` : what} failed${reason ? `: ${shorten(reason)}` : ''}`;
}
/**
 * The error lines of the failure itself, in log order: the failing step's own output when a step
 * failed, else the lines of the paste that state a failure.
 */
function ownErrorLines(build, lines, failure) {
    const source = build.failedStepTail.length > 0 ? build.failedStepTail : lines;
    return dedupe(source.filter((l) => failure.test(normalizeForMatching(l.text)))).slice(0, MAX_ERROR_LINES);
}
/** One line per line number and text, in log order. */
function dedupe(lines) {
    const seen = new Set();
    return lines.filter((l) => {
        const key = `${l.line}\u0000${l.text}`;
        return !seen.has(key) && seen.add(key) !== undefined;
    });
}
function shorten(text) {
    const clean = text.replace(/^##\[error\]/, '').replace(/^#\d+ ERROR:\s*/, '');
    return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

;// CONCATENATED MODULE: ./src/analyze/rules/cache-miss.ts



/** Below this share of cache hits a build is reported as mostly rebuilt. */
const FEW_HITS = 0.25;
/** Builds with fewer cacheable steps say too little about the cache to report on. */
const MIN_CACHEABLE = 2;
/** Rebuilding steps that took less than this in all is not worth a finding. */
const MIN_RERUN_SECONDS = 30;
const cacheMissRule = {
    ids: ['cache-miss'],
    run({ build, cache, catalog }) {
        // A build that failed or was canceled says more about that than about its cache.
        if (build.status !== 'success' && build.status !== 'unknown')
            return [];
        if (cache.ratio === null || cache.hits + cache.misses < MIN_CACHEABLE || cache.ratio >= FEW_HITS)
            return brokenChain(build, catalog);
        const rerunSeconds = build.steps.filter((s) => isCacheable(s) && !s.cached).reduce((total, s) => total + (s.seconds ?? 0), 0);
        if (rerunSeconds < MIN_RERUN_SECONDS)
            return [];
        const none = cache.hits === 0;
        const firstRan = firstStepsThatRan(build);
        const evidence = [...cacheImportSteps(build).flatMap(stepEvidence), ...firstRan.flatMap((step) => stepEvidence(step))];
        const total = cache.hits + cache.misses;
        return [
            {
                id: 'cache-miss',
                severity: none ? 'warning' : 'notice',
                title: none ? `No cache hits: all ${total} cacheable steps ran` : `Few cache hits: ${cache.hits} of ${total} cacheable steps came from the cache`,
                evidence,
                // What this build shows, then the advice (the catalog's, which a team can override), once.
                fix: [factsFor(build, firstRan), catalog.get('cache-miss')?.fix ?? ''].filter(Boolean).join('\n\n'),
                data: {
                    pattern: none ? 'no-hits' : 'few-hits',
                    hits: cache.hits,
                    misses: cache.misses,
                    ratio: cache.ratio,
                    rerunSeconds: Math.round(rerunSeconds * 10) / 10,
                    firstStep: firstRan[0] ? `${firstRan[0].instruction} ${firstRan[0].command}`.slice(0, 200) : null,
                    cacheSource: build.cache.imports[0]?.ref ?? build.request.cacheFrom[0] ?? null,
                },
            },
        ];
    },
};
function cacheImportSteps(build) {
    return build.steps.filter((s) => s.kind === 'cache-import');
}
/**
 * A RUN that ran although the step before it in its stage came from the cache. Its parent layer
 * matched, so only its own cache entry was missing: the cache was exported without it (`mode=min`
 * keeps only the final stage), it was evicted, or a build argument it uses changed. (A COPY that
 * runs after cached steps is different: the files it copies changed, which is what caches are for.)
 */
function brokenChain(build, catalog) {
    if (build.cache.imports.length === 0 && build.request.cacheFrom.length === 0)
        return [];
    const byPlace = new Map();
    for (const step of build.steps) {
        if (step.kind === 'instruction' && step.index !== null)
            byPlace.set(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index}`, step);
    }
    for (const step of build.steps) {
        if (step.kind !== 'instruction' || step.instruction !== 'RUN' || step.cached || step.status === 'canceled' || step.index === null)
            continue;
        const previous = byPlace.get(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index - 1}`);
        if (!previous || !previous.cached || previous.instruction === 'FROM')
            continue;
        const what = `${step.instruction} ${step.command}`;
        const lines = [
            `${inlineCode(what, 120)} ran although ${inlineCode(`${previous.instruction} ${previous.command}`, 120)} before it came from the cache: the cache held its parent layer but not this step.`,
            '',
            `- \`cache-to\` without \`mode=max\` exports only the final stage's layers${build.request.cacheTo.length ? ` (this build: ${inlineCode(build.request.cacheTo.join(' '))})` : ''}: use \`mode=max\`.`,
            '- A build argument or secret this step uses changed (its value is part of the cache key), or the entry was evicted from the cache.',
            '- Downloads in such steps are better kept in a cache mount (`RUN --mount=type=cache,target=/go/pkg/mod go mod download`), which survives a miss.',
        ];
        return [
            {
                id: 'cache-miss',
                severity: step.status === 'running' || (step.seconds ?? 0) >= 10 ? 'warning' : 'notice',
                title: `A cached chain broke at ${what.length > 70 ? `${what.slice(0, 69)}…` : what}`,
                evidence: [...cacheImportSteps(build).flatMap(stepEvidence), ...stepEvidence(previous), ...stepEvidence(step)],
                fix: [lines.join('\n'), catalog.get('cache-miss')?.fix ?? ''].filter(Boolean).join('\n\n'),
                data: { pattern: 'broken-chain', step: what.slice(0, 200), seconds: step.seconds },
            },
        ];
    }
    return [];
}
/** The first instruction that ran in each stage and platform: it invalidated everything after it. */
function firstStepsThatRan(build) {
    const first = new Map();
    for (const step of build.steps) {
        if (!isCacheable(step) || step.cached)
            continue;
        const key = `${step.platform ?? ''}|${step.stage ?? ''}`;
        const known = first.get(key);
        if (!known || (step.index ?? 0) < (known.index ?? 0))
            first.set(key, step);
    }
    // One per stage is enough: the same step on another platform says nothing new.
    const byStage = new Map();
    for (const step of first.values())
        if (!byStage.has(step.stage ?? ''))
            byStage.set(step.stage ?? '', step);
    return [...byStage.values()].slice(0, 3);
}
/**
 * What the log says about this build's cache, in sentences; the general advice (cache-from/cache-to,
 * warming, dependency layers) is the catalog's and follows once.
 */
function factsFor(build, firstRan) {
    const facts = [];
    const source = build.cache.imports[0]?.ref ?? build.request.cacheFrom[0] ?? null;
    facts.push(source
        ? `The cache was read from ${inlineCode(source)} but nothing matched: expected on a first run or after the cache was evicted, not on a warm run.`
        : 'This build reads no cache (no `cache-from`).');
    const cacheTo = build.request.cacheTo.join(' ');
    if (cacheTo && !/mode=max/.test(cacheTo) && new Set(build.steps.map((s) => s.stage)).size > 1) {
        facts.push(`${inlineCode(cacheTo)} exports only the final stage (mode=min): add \`mode=max\` so the builder stages are cached too.`);
    }
    const first = firstRan[0];
    if (first)
        facts.push(`The first step that ran was ${inlineCode(`${first.instruction} ${first.command}`)}; every step after it in its stage ran too.`);
    return facts.join(' ');
}

;// CONCATENATED MODULE: ./src/text/duration.ts
/** `45.2 s` under a minute and a half, `64.3 min` above: the runbook's unit for builds. */
function formatDuration(seconds) {
    if (seconds === null)
        return '—';
    if (seconds < 90)
        return `${Math.round(seconds * 10) / 10} s`;
    return `${(seconds / 60).toFixed(1)} min`;
}

;// CONCATENATED MODULE: ./src/analyze/rules/qemu-emulation.ts



/** An emulated step this many times slower than the same step on the native platform. */
const MIN_RATIO = 3;
/** Ignore steps too short for the ratio to mean anything. */
const MIN_EMULATED_SECONDS = 30;
/** GitHub's hosted runners are amd64 unless the log says otherwise. */
const ASSUMED_NATIVE = 'linux/amd64';
const qemuEmulationRule = {
    ids: ['qemu-emulation'],
    run({ build, catalog }) {
        const native = build.nativePlatform ?? ASSUMED_NATIVE;
        const byKey = new Map();
        for (const step of build.steps) {
            if (step.kind === 'instruction' && step.platform === native && step.status === 'done')
                byKey.set(keyOf(step), step);
        }
        const pairs = [];
        for (const step of build.steps) {
            if (step.kind !== 'instruction' || step.platform === null || step.platform === native || step.status !== 'done')
                continue;
            if (step.seconds === null || step.seconds < MIN_EMULATED_SECONDS)
                continue;
            const twin = byKey.get(keyOf(step));
            if (!twin || twin.seconds === null || twin.seconds <= 0)
                continue;
            const ratio = step.seconds / twin.seconds;
            if (ratio >= MIN_RATIO)
                pairs.push({ native: twin, emulated: step, ratio, extra: step.seconds - twin.seconds });
        }
        if (pairs.length === 0)
            return [];
        pairs.sort((a, b) => b.extra - a.extra);
        const worst = pairs[0];
        const extra = metrics_round(pairs.reduce((total, pair) => total + pair.extra, 0), 1);
        const share = build.buildSeconds ? metrics_round(Math.min(1, extra / build.buildSeconds), 3) : null;
        const emulatedPlatform = worst.emulated.platform;
        const what = `${worst.emulated.instruction} ${worst.emulated.command}`;
        return [
            {
                id: 'qemu-emulation',
                severity: 'warning',
                title: `${emulatedPlatform} ran under QEMU emulation: ${truncateTitle(what)} took ${formatDuration(worst.emulated.seconds)} against ${formatDuration(worst.native.seconds)} on ${native} (${metrics_round(worst.ratio, 1)}×)`,
                evidence: [...stepEvidence(worst.native), ...stepEvidence(worst.emulated)],
                fix: [
                    `Emulated steps cost about ${formatDuration(extra)} more than their native twins${share !== null ? `, ${Math.round(share * 100)}% of this build's ${formatDuration(build.buildSeconds)}` : ''}${build.nativePlatform ? '' : ` (native platform assumed to be ${native}: the log does not say)`}. The slowest: ${inlineCode(what)} on ${inlineCode(emulatedPlatform)}.`,
                    '',
                    // The advice after the blank line is the same for every build: a group of builds shows it once.
                    `- Build each platform on a native runner (\`runs-on: ubuntu-24.04-arm\` for arm64) in a matrix, push by digest (\`outputs: type=image,push-by-digest=true,name-canonical=true,push=true\`), then merge the digests into one tag with \`docker buildx imagetools create\`.`,
                    `- Or cross-compile: start the build stage with \`FROM --platform=$BUILDPLATFORM\` and compile for \`$TARGETPLATFORM\` (for Rust: \`rustup target add\` and a cross linker, or \`cargo zigbuild\`), so only the final, cheap stage runs per platform.`,
                    `- If the emulated platform is not needed on pull requests, build \`linux/amd64\` only there and all platforms on \`main\`.`,
                    ...(catalog.get('qemu-emulation')?.origin === 'built-in' ? [] : ['', catalog.get('qemu-emulation').fix]),
                ].join('\n'),
                data: {
                    platform: emulatedPlatform,
                    nativePlatform: native,
                    ratio: metrics_round(worst.ratio, 2),
                    emulatedSeconds: worst.emulated.seconds,
                    nativeSeconds: worst.native.seconds,
                    extraSeconds: extra,
                    shareOfBuild: share,
                    step: what.slice(0, 200),
                    buildSeconds: build.buildSeconds,
                },
            },
        ];
    },
};
function keyOf(step) {
    return `${step.stage ?? ''}|${step.index ?? ''}|${step.instruction ?? ''} ${step.command}`;
}
function truncateTitle(text) {
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

;// CONCATENATED MODULE: ./src/analyze/rules/slow-build.ts


const slowBuildRule = {
    ids: ['slow-build'],
    run({ build, timing, options, catalog }) {
        const seconds = build.buildSeconds ?? build.jobSeconds;
        const budget = options.maxBuildMinutes * 60;
        if (seconds === null || seconds <= budget)
            return [];
        const which = build.buildSeconds !== null ? 'build' : 'job';
        const slowest = timing.slowestSteps.slice(0, 3);
        return [
            {
                id: 'slow-build',
                severity: 'warning',
                title: `The ${which} took ${formatDuration(seconds)}, over the ${options.maxBuildMinutes} min budget`,
                evidence: [quote(build.boundary.first.line, build.boundary.first.text), quote(build.boundary.last.line, build.boundary.last.text)],
                fix: [
                    `Where the time went: ${slowest.map((s) => `${inlineCode(s.name, 80)} ${formatDuration(s.seconds)}`).join(', ') || 'no step timings in the log'}${timing.cacheExportSeconds > 0 ? `; cache export ${formatDuration(timing.cacheExportSeconds)}` : ''}.`,
                    '',
                    catalog.get('slow-build')?.fix ?? '',
                ].join('\n'),
                data: { seconds, budgetSeconds: budget },
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/diagnose/template.ts

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
// An optional part that is a whole line: dropped with its line break.
const OPTIONAL_LINE = /^[ \t]*\[\[([^\n]*?)\]\][ \t]*(?:\n|$)/gm;
/**
 * The longest a filled title or fix may be. A signature file may repeat a placeholder a quarter of
 * a million times, and every failed build fills it again: without a bound, 300 builds took 4 GB.
 * A fix longer than this would not fit a pull request comment anyway.
 */
const MAX_FILLED_CHARS = 16_000;
/**
 * Fills a signature's title or fix. `[[ ... ]]` parts vanish when a placeholder in them has no
 * value. In Markdown, values (log text) become inline code, which cannot carry HTML or mentions.
 * The result is at most `max` characters, cut between a value and the text around it (never inside
 * an inline code span), with any code fence left open closed again.
 */
function fillTemplate(template, values, mode, max = MAX_FILLED_CHARS) {
    const has = (name) => values[name] !== undefined && values[name] !== '';
    const kept = (inner) => [...inner.matchAll(PLACEHOLDER)].every((m) => has(m[1]));
    const withLines = template.replace(OPTIONAL_LINE, (whole, inner) => (kept(inner) ? whole.replace(/\[\[|\]\]/g, '') : ''));
    const withOptional = withLines.replace(OPTIONAL, (_, inner) => {
        const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]);
        return names.every(has) ? inner : '';
    });
    const fill = (name) => {
        const value = values[name];
        if (value === undefined || value === '')
            return mode === 'markdown' ? '(unknown)' : 'the build';
        return mode === 'markdown' ? inlineCode(value, 200) : value.length > 80 ? `${value.slice(0, 79)}…` : value;
    };
    const pieces = [];
    let length = 0;
    let from = 0;
    let cut = false;
    for (const match of withOptional.matchAll(PLACEHOLDER)) {
        const text = withOptional.slice(from, match.index);
        const value = fill(match[1]);
        if (length + text.length + value.length > max) {
            pieces.push(truncate(text, Math.max(0, max - length)));
            cut = true;
            break;
        }
        pieces.push(text, value);
        length += text.length + value.length;
        from = match.index + match[0].length;
    }
    if (!cut) {
        const rest = withOptional.slice(from);
        cut = length + rest.length > max;
        pieces.push(cut ? truncate(rest, Math.max(0, max - length)) : rest);
    }
    const out = pieces.join('');
    if (!cut)
        return out;
    return mode === 'markdown' ? `${closeOpenFence(out)}\n\n(cut to ${max.toLocaleString('en-US')} characters)` : `${out}…`;
}
/** A Markdown text cut short may end inside a fenced block: close it, or the rest of the page is code. */
function closeOpenFence(text) {
    let open = null;
    for (const line of text.split('\n')) {
        const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (!fence)
            continue;
        if (open === null)
            open = fence;
        else if (fence[0] === open[0] && fence.length >= open.length)
            open = null;
    }
    return open === null ? text : `${text}\n${open}`;
}

;// CONCATENATED MODULE: ./src/reference/image-reference.ts
// Image references, the one parser of the project (distribution/reference's grammar):
// `[host[:port]/]path[:tag][@digest]`. The first component is a host when it has a `.` or a `:`, is
// `localhost`, or has upper case letters; path components are lowercase [a-z0-9] joined by `.`, `_`,
// `__` or `-`s; a tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. Docker Hub names (`alpine`, `user/app`,
// `index.docker.io/...`) are `docker.io/...`, one-component names under `library/`, as docker writes them.
// The image sizes read references with it, and the diagnosis names the rule a bad tag breaks.
/** Docker Hub, as docker names it in references. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** Any algorithm's digest (`sha256:...`, `sha512:...`). */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const HOST = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
/** A reference that does not follow the grammar; the message is one line. */
class InvalidReferenceError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidReferenceError';
    }
}
/** The grammar, once: the parts of a reference, or the rule it breaks in words. */
function check(text) {
    if (text === '')
        return { problem: 'the reference is empty' };
    if (/\s/.test(text))
        return { problem: 'it contains white space' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
        return { problem: 'a reference has no scheme (drop the `://` part)' };
    let rest = text;
    let digest = null;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest) || (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest))) {
            return { problem: 'the part after `@` is not a digest (`sha256:` and 64 hex digits)' };
        }
    }
    const components = rest.split('/');
    let host = null;
    const first = components[0];
    if (components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
        host = first;
        components.shift();
    }
    // The tag is after the last `:` of the path (a host's port went with the host).
    let tag = null;
    const last = components[components.length - 1];
    const colon = last.lastIndexOf(':');
    if (colon !== -1) {
        tag = last.slice(colon + 1);
        components[components.length - 1] = last.slice(0, colon);
        if (tag === '')
            return { problem: 'the tag after `:` is empty: a variable or template produced nothing' };
        if (tag.length > 128)
            return { problem: `the tag is ${tag.length} characters long; at most 128 are allowed` };
        if (/^[.-]/.test(tag))
            return { problem: `the tag \`${tag}\` starts with \`${tag[0]}\`; a tag must start with a letter, a digit or \`_\`` };
        if (!TAG.test(tag))
            return { problem: `the tag \`${tag}\` may only hold letters, digits, \`_\`, \`.\` and \`-\`` };
    }
    if (host !== null && !HOST.test(host))
        return { problem: `\`${host}\` is not a valid registry host` };
    if (components.some((c) => c === '')) {
        return { problem: 'the name has an empty component (`//`, or a leading or trailing `/`): a variable in it is probably empty' };
    }
    for (const component of components) {
        if (component !== component.toLowerCase() && COMPONENT.test(component.toLowerCase()))
            return { problem: `the repository name must be lowercase (\`${component}\`)` };
        if (!COMPONENT.test(component))
            return { problem: `the name component \`${component}\` may only hold a-z, 0-9 and single \`.\`, \`_\`, \`__\` or \`-\` between them` };
    }
    const registry = host === null || DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? DOCKER_HUB : host.toLowerCase();
    let repository = components.join('/');
    if (registry === DOCKER_HUB && components.length === 1)
        repository = `library/${repository}`;
    if (repository.length > 255)
        return { problem: 'the repository name is over 255 characters' };
    if (tag === null && digest === null)
        tag = 'latest';
    return { ok: { registry, repository, tag, digest } };
}
/** Parses `ghcr.io/org/app:tag`, `app@sha256:...`, `127.0.0.1:5000/x:y`; throws InvalidReferenceError. */
function parseReference(input) {
    const text = input.trim();
    const checked = check(text);
    if (checked.problem === undefined)
        return checked.ok;
    const shown = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
    throw new InvalidReferenceError(`invalid image reference ${shown}: ${checked.problem}`);
}
/** Which rule of the grammar a reference breaks, in words; null when it is valid. */
function explainReference(reference) {
    return check(reference).problem ?? null;
}
/** `registry/repository[:tag][@digest]`, e.g. `127.0.0.1:5000/app:v1`, `docker.io/library/alpine:3`. */
function formatReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}
/** The same repository at another tag (the baseline), without a digest. */
function withTag(ref, tag) {
    if (!TAG.test(tag))
        throw new InvalidReferenceError(`invalid tag ${JSON.stringify(tag)}: a tag is 1 to 128 of letters, digits, \`_\`, \`.\`, \`-\`, not starting with \`.\` or \`-\``);
    return { registry: ref.registry, repository: ref.repository, tag, digest: null };
}
/** The same repository at a digest: one manifest of an index. */
function withDigest(ref, digest) {
    return { registry: ref.registry, repository: ref.repository, tag: null, digest };
}

;// CONCATENATED MODULE: ./src/diagnose/enrich.ts


const ENRICHERS = {
    'registry-auth-denied': registryAuth,
    'invalid-tag': invalidTag,
    'compile-error': toolchain,
    'package-install-failure': toolchain,
};
// Which toolchain printed the error or ran the failing command: its advice, not another's.
const TOOLCHAIN_SIGNS = [
    ['rust', /\b(?:cargo|rustc|rustup)\b|error\[E\d{4}\]|\.rs:\d+/],
    ['go', /\bgo (?:build|install|mod|vet|test|get)\b|\.go:\d+:\d+|\bgo: |\bcgo\b/],
    ['node', /\b(?:npm|npx|yarn|pnpm|node|tsc|vite|webpack|next build|ng build)\b|error TS\d{4}|\.tsx?[(:]\d+/],
    ['java', /\b(?:mvnw?|gradlew?|javac|kotlinc)\b|\.(?:java|kt):|\[ERROR\] /],
    ['dotnet', /\bdotnet\b|error (?:CS|MSB|NU|NETSDK)\d{4}/],
    ['python', /\b(?:pip3?|python3?|poetry|uv|conda)\b|\bwheel\b/],
    ['native', /\b(?:gcc|g\+\+|clang|cc1plus|make|cmake|ld)\b|\.(?:c|cc|cpp|cxx|h|hpp):\d+/],
];
/** How a fix names each toolchain. */
const TOOL_NAMES = {
    rust: 'cargo',
    go: 'go',
    node: 'node',
    java: 'javac',
    dotnet: 'dotnet',
    python: 'pip',
    native: 'cc',
};
/** The toolchain of a compile or install failure, from the matched lines and the failing command. */
function toolchain(match, build) {
    const failing = build.steps.find((s) => s.status === 'error' && s.instruction === 'RUN');
    const text = [...match.lines.map((l) => l.normalized), failing?.command ?? ''].join('\n');
    for (const [name, sign] of TOOLCHAIN_SIGNS) {
        const seen = sign.exec(text);
        if (seen)
            return { values: { [name]: TOOL_NAMES[name] }, cause: null, data: { toolchain: name, seen: seen[0] } };
    }
    return { values: {}, cause: null, data: {} };
}
function enrich(match, build) {
    return ENRICHERS[match.signature.id]?.(match, build) ?? { values: {}, cause: null, data: {} };
}
/**
 * A registry 403 has three common causes that the error text alone does not tell apart: the job's
 * token lacks `packages: write`, the job runs for a fork's pull request (read-only token, no
 * secrets), or an organization package does not grant the repository access. The runner's "Set up
 * job" section says which permissions and secrets the job had.
 */
function registryAuth(match, build) {
    const text = match.lines.map((l) => l.normalized).join('\n');
    const registry = registryOf(match.groups, build);
    const values = registry ? { registry } : {};
    const packages = build.runner.tokenPermissions.packages ?? null;
    const data = {};
    let cause = null;
    if (/installation not allowed to Write organization package/.test(text)) {
        data.cause = 'org-package-access';
        cause =
            'The organization package exists but does not grant this repository write access: in the package settings, "Manage Actions access", add the repository with the Write role (or let the workflow create a new package).';
    }
    else if (build.runner.secretSource === 'None') {
        data.cause = 'fork-pull-request';
        cause =
            'This job ran without secrets ("Secret source: None"): a pull request from a fork, whose `GITHUB_TOKEN` is read-only. Do not push from such runs: `push: ${{ github.event_name != \'pull_request\' }}`, or push from a `workflow_run` after review.';
    }
    else if (packages !== null && packages !== 'write' && (!registry || registry === 'ghcr.io')) {
        data.cause = 'missing-packages-write';
        cause = `The job's \`GITHUB_TOKEN\` had \`packages: ${packages}\` ("Set up job" lists it): add \`permissions: packages: write\` to the workflow or the job.`;
    }
    else if (/\b40[13]\b/.test(text) && /anonymous token/.test(text)) {
        data.cause = 'not-logged-in';
        cause = `The builder asked for an anonymous token, so it had no credentials${registry ? ` for ${inlineCode(registry)}` : ''}: log in with \`docker/login-action\` before the build step (and before \`docker/setup-buildx-action\` creates the builder, for a pull of a private base image).`;
    }
    if (packages)
        data.packagesPermission = packages;
    if (build.runner.secretSource)
        data.secretSource = build.runner.secretSource;
    return { values, cause, data };
}
function registryOf(groups, build) {
    if (groups.registry)
        return groups.registry;
    for (const candidate of [groups.ref, groups.authurl, groups.repo, ...build.request.tags, ...build.images.map((i) => i.ref)]) {
        if (!candidate)
            continue;
        const url = /^https?:\/\/([^/\s]+)/.exec(candidate);
        if (url)
            return url[1];
        const first = candidate.split('/')[0];
        if (candidate.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'))
            return first;
    }
    return null;
}
/**
 * Names the rule of the reference grammar a tag breaks, and, when docker/metadata-action's inputs are
 * in the log, the template that produced it: `{{branch}}` is empty on pull_request events, so
 * `type=sha,prefix={{branch}}-` gives `-0899a35`.
 */
function invalidTag(match, build) {
    const data = {};
    const reasons = [];
    const candidates = match.groups.tag !== undefined ? [match.groups.tag] : build.request.tags;
    for (const tag of candidates) {
        const rule = explainReference(tag);
        if (rule) {
            reasons.push(`${inlineCode(tag)}: ${rule}.`);
            data.tag = tag;
            data.rule = rule;
            break;
        }
    }
    const text = match.lines.map((l) => l.normalized).join('\n');
    if (reasons.length === 0 && /tag is needed when pushing/.test(text)) {
        reasons.push('The build was asked to push but had no tag at all: the tag list was empty.');
    }
    const templates = build.runner.metadataTemplates;
    const suspect = templates.find((t) => /\{\{\s*(?:branch|tag|base_ref|is_default_branch)\s*\}\}|\{\{\s*raw\s*\}\}/.test(t)) ?? null;
    if (suspect) {
        data.template = suspect;
        reasons.push(`The tags come from \`docker/metadata-action\`, and ${inlineCode(suspect)} uses a value that is empty for some events: \`{{branch}}\` is empty on \`pull_request\` events (and \`{{tag}}\` outside tag pushes), so \`type=sha,prefix={{branch}}-\` yields \`-<sha>\`. Use \`{{base_ref}}\`/\`type=ref,event=pr\` on pull requests, or guard the rule with \`enable=\${{ github.event_name != 'pull_request' }}\`.`);
    }
    else if (templates.length > 0 && /tag is needed when pushing/.test(text)) {
        data.template = templates[0];
        reasons.push(`No \`docker/metadata-action\` rule applied to this event (${inlineCode(templates.join('; '), 160)}): add one that always applies, such as \`type=sha\`.`);
    }
    return { values: data.tag !== undefined ? { tag: data.tag } : {}, cause: reasons.length ? reasons.join(' ') : null, data };
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/diagnose/locations.ts



// `Dockerfile:12` (or `docker/app.Dockerfile:3`) then a `----` rule, then numbered lines with `>>>`.
const DOCKERFILE_HEADER = /^(?<file>[^\s:]+):(?<line>\d+)$/;
const EXCERPT_LINE = /^\s*(?<line>\d+) \|\s?(?<marker>>>>)?/;
// Compiler locations, each tool's own form.
const SOURCE_FORMS = [
    { tool: 'rustc', regex: /^-+> (?<file>[^\s:]+):(?<line>\d+):(?<col>\d+)\s*$/ },
    { tool: 'tsc', regex: /^(?<file>[^\s(:]+\.(?:ts|tsx|mts|cts))\((?<line>\d+),(?<col>\d+)\): error/ },
    { tool: 'go', regex: /^(?:\.\/)?(?<file>[^\s:]+\.go):(?<line>\d+):(?<col>\d+): / },
    { tool: 'gcc', regex: /^(?<file>[^\s:]+\.(?:c|cc|cpp|cxx|h|hh|hpp)):(?<line>\d+):(?<col>\d+): (?:fatal )?error/ },
    { tool: 'javac', regex: /^(?<file>[^\s:]+\.java):(?<line>\d+): error/ },
];
// Paths inside dependency caches are not the team's code.
const DEPENDENCY_PATH = /\/(?:\.cargo|cargo)\/registry\/|\/go\/pkg\/mod\/|node_modules\/|\/usr\/(?:lib|include|local\/include)\//;
const MAX_SOURCE_LOCATIONS = 5;
const MAX_STRIPPED_COMPONENTS = 8;
/**
 * Where in the repository a failure points: the Dockerfile line BuildKit marked with `>>>`, and the
 * source lines compilers named. Paths are mapped from the container (WORKDIR) back to the workspace
 * and kept only when the file exists there, so annotations never point at nothing.
 */
function findLocations(build, lines, workspace, message) {
    const locations = [];
    const dockerfile = dockerfileLocation(build, lines, workspace, message);
    if (dockerfile)
        locations.push(dockerfile);
    locations.push(...sourceLocations(build, lines, workspace));
    return locations;
}
function dockerfileLocation(build, lines, workspace, message) {
    for (let i = 0; i < lines.length; i++) {
        const header = DOCKERFILE_HEADER.exec(normalizeForMatching(lines[i].text));
        if (!header || !/dockerfile/i.test(header.groups.file))
            continue;
        // The first `>>>` line of the excerpt that follows: the instruction that failed.
        let line = Number(header.groups.line);
        for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
            const numbered = EXCERPT_LINE.exec(normalizeForMatching(lines[j].text).replace(/^-+$/, ''));
            if (numbered?.groups.marker) {
                line = Number(numbered.groups.line);
                break;
            }
        }
        const printed = header.groups.file;
        const candidates = [build.request.dockerfile, printed].filter((c) => !!c);
        const file = resolveInWorkspace(candidates, workspace);
        return { kind: 'dockerfile', file: file ?? cleanPath(build.request.dockerfile ?? printed), line, column: null, verified: file !== null, message };
    }
    return dockerfileLineOfFailedStep(build, workspace, message);
}
/**
 * Older BuildKit (Docker 20.10) prints no `Dockerfile:N` excerpt: find the failed instruction in
 * the workspace's Dockerfile by its text, which BuildKit prints as written (continuations joined).
 * Only an exact match counts; nothing is guessed.
 */
function dockerfileLineOfFailedStep(build, workspace, message) {
    const step = build.steps.find((s) => s.status === 'error' && s.kind === 'instruction' && s.instruction !== 'FROM');
    if (!step || !workspace)
        return null;
    const file = resolveInWorkspace([build.request.dockerfile ?? 'Dockerfile'], workspace);
    if (!file)
        return null;
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(workspace, file), 'utf8');
    }
    catch {
        return null;
    }
    const wanted = collapse(step.command);
    const candidates = readInstructions(text).filter((i) => i.keyword === step.instruction && collapse(i.args) === wanted);
    const found = candidates.find((i) => step.stage === null || i.stage === step.stage) ?? (candidates.length === 1 ? candidates[0] : undefined);
    return found ? { kind: 'dockerfile', file, line: found.line, column: null, verified: true, message } : null;
}
/** The instructions of a Dockerfile with the line each starts on (continuations joined, comments skipped). */
function readInstructions(text) {
    const out = [];
    const lines = text.split(/\r?\n/);
    let stageIndex = -1;
    let stage = 'stage-0';
    for (let i = 0; i < lines.length && i < 5000; i++) {
        const first = lines[i];
        if (/^\s*(#|$)/.test(first))
            continue;
        const start = i;
        let joined = first;
        while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
            joined = joined.replace(/\\\s*$/, ' ');
            i++;
            if (/^\s*#/.test(lines[i]))
                continue;
            joined += lines[i];
        }
        const match = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(joined);
        if (!match)
            continue;
        const keyword = match[1].toUpperCase();
        if (keyword === 'FROM') {
            stageIndex++;
            stage = /\s+[Aa][Ss]\s+(\S+)\s*$/.exec(match[2])?.[1]?.toLowerCase() ?? `stage-${stageIndex}`;
        }
        out.push({ line: start + 1, keyword, args: match[2], stage });
    }
    return out;
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function sourceLocations(build, lines, workspace) {
    const out = [];
    const seen = new Set();
    let lastMessage = '';
    for (const evidence of lines) {
        const text = normalizeForMatching(evidence.text);
        if (/^(?:error|fatal error)\b|: error\b|error\[E\d+\]/.test(text))
            lastMessage = text;
        for (const { regex } of SOURCE_FORMS) {
            const match = regex.exec(text);
            if (!match)
                continue;
            const raw = match.groups.file;
            if (DEPENDENCY_PATH.test(raw) || DEPENDENCY_PATH.test(`/${raw}`))
                break;
            const key = `${raw}:${match.groups.line}`;
            if (seen.has(key))
                break;
            seen.add(key);
            const dockerfileDir = build.request.dockerfile ? external_node_path_namespaceObject.posix.dirname(cleanPath(build.request.dockerfile)) : null;
            const candidates = containerPathCandidates(raw, dockerfileDir);
            const file = resolveInWorkspace(candidates, workspace);
            if (file === null)
                break;
            out.push({
                kind: 'source',
                file,
                line: Number(match.groups.line),
                column: match.groups.col ? Number(match.groups.col) : null,
                verified: true,
                message: (lastMessage || text).slice(0, 300),
            });
            break;
        }
        if (out.length >= MAX_SOURCE_LOCATIONS)
            break;
    }
    return out;
}
/**
 * `/app/crates/engine/src/lib.rs` -> `app/crates/engine/src/lib.rs`, `crates/engine/src/lib.rs`, ...:
 * the WORKDIR is unknown, so leading components are dropped one by one; a relative path is also
 * tried beside the Dockerfile (a crate built from its own directory).
 */
function containerPathCandidates(raw, dockerfileDir) {
    const parts = raw
        .replace(/^\/+/, '')
        .split('/')
        .filter((p) => p && p !== '.');
    const out = [];
    for (let drop = 0; drop < Math.min(parts.length, MAX_STRIPPED_COMPONENTS); drop++)
        out.push(parts.slice(drop).join('/'));
    if (!(0,external_node_path_namespaceObject.isAbsolute)(raw) && dockerfileDir && dockerfileDir !== '.')
        out.push(external_node_path_namespaceObject.posix.join(dockerfileDir, raw));
    return out;
}
/** The first candidate that is a file in the workspace, as a workspace-relative path. */
function resolveInWorkspace(candidates, workspace) {
    if (!workspace)
        return null;
    for (const candidate of candidates) {
        const relative = cleanPath(candidate);
        if (!relative || relative.startsWith('..'))
            continue;
        const full = (0,external_node_path_namespaceObject.join)(workspace, relative);
        try {
            if ((0,external_node_fs_namespaceObject.existsSync)(full) && (0,external_node_fs_namespaceObject.statSync)(full).isFile())
                return relative;
        }
        catch {
            // unreadable: not a candidate
        }
    }
    return null;
}
function cleanPath(path) {
    return (0,external_node_path_namespaceObject.normalize)(path)
        .replace(/\\/g, '/')
        .replace(/^(?:\.\/)+/, '')
        .replace(/^\/+/, '');
}

;// CONCATENATED MODULE: ./src/analyze/rules/signature-diagnosis.ts





/** Besides the root cause, this many other signatures are reported, as possible contributors. */
const MAX_SECONDARY = 2;
const MAX_EVIDENCE = 12;
const CONTINUES_ERROR = /^(?:\s|-->|\||\^|=|at |Caused by|note:|help:|error|fatal|ERROR|ERR!|E: )|\d+ \|/;
/** Lines of the root cause's error quoted as the tool printed them. */
const MAX_PRINTED = 8;
/**
 * Names the cause of a failure from the signature catalog: the best match is the root cause, with
 * its evidence, the line it points at and a fix that uses what the match extracted.
 */
const signatureDiagnosisRule = {
    // Every id of the signature catalog (signatures/builtin.yml and the team's own file).
    ids: ['(catalog)'],
    run(context) {
        const { diagnosis } = context;
        if (!diagnosis || diagnosis.matches.length === 0)
            return [];
        const seen = new Set();
        const chosen = diagnosis.matches.filter((m) => !seen.has(m.signature.id) && seen.add(m.signature.id)).slice(0, 1 + MAX_SECONDARY);
        return chosen.map((match, index) => toFinding(match, index === 0, context, index === 0 ? chosen.slice(1) : []));
    },
};
function toFinding(match, primary, { build, diagnosis, options }, others) {
    const signature = match.signature;
    const failedStep = build.steps.find((s) => s.status === 'error' && s.kind !== 'cache-import') ?? null;
    const enrichment = enrich(match, build);
    const values = {
        build: build.name,
        step: failedStep ? stepLabel(failedStep) : undefined,
        stage: failedStep?.stage ?? undefined,
        platform: failedStep?.platform ?? build.platforms[0],
        dockerfile: build.request.dockerfile ?? undefined,
        ...match.groups,
        ...enrichment.values,
    };
    // A build that succeeded (a cache export with ignore-error) or a tool's own WARNING is never an
    // error, unless the warnings are the root cause of an error that followed (a retry loop before
    // the package manager gave up).
    const explainsError = primary && others.some((m) => !m.onlyWarnings && m.signature.causedBy.includes(signature.id));
    let severity = signature.severity;
    if (build.status === 'success' || (match.onlyWarnings && !explainsError) || !primary)
        severity = capAt(severity, 'warning');
    const title = fillTemplate(signature.title, values, 'text');
    // What to do comes first (reports show the fix's first line alone); which line came first last.
    const fix = [enrichment.cause, afterTheBuild(build, failedStep), fillTemplate(signature.fix, values, 'markdown'), causality(match, others)]
        .filter(Boolean)
        .join('\n\n');
    const printed = primary ? asPrinted(match.lines[0], diagnosis.allLines) : [];
    const evidence = signature_diagnosis_dedupe([...printed, ...match.lines, ...(primary ? build.errors : [])])
        .slice(0, MAX_EVIDENCE)
        .map((l) => quote(l.line, l.text));
    const locations = primary && severity === 'error' ? findLocations(build, diagnosis.allLines, options.workspace, title) : [];
    return {
        id: signature.id,
        severity,
        title,
        fix,
        evidence,
        locations,
        rank: primary ? 0 : 50,
        data: {
            ...Object.fromEntries(Object.entries(match.groups).map(([k, v]) => [k, v.slice(0, 200)])),
            ...enrichment.data,
            priority: signature.priority,
            signatureOrigin: signature.origin,
            role: primary ? 'root-cause' : 'contributing',
        },
    };
}
/**
 * Which line came first and what followed from it: the root cause's first line, and the other
 * signatures that matched later lines of the same failure.
 */
function causality(root, others) {
    const first = root.lines[0];
    const later = others.filter((m) => !m.onlyWarnings && m.lines[0].line > first.line);
    if (later.length === 0)
        return null;
    const what = later.map((m) => `${m.signature.id} (line ${m.lines[0].line})`).join(', ');
    return `The first error is on line ${first.line}; what the log reports after it follows from it: ${what}.`;
}
/** A failure in an exporter after every instruction ran: say so, the image itself was built. */
function afterTheBuild(build, failedStep) {
    if (!failedStep || (failedStep.kind !== 'export' && failedStep.kind !== 'cache-export'))
        return null;
    const instructions = build.steps.filter((s) => s.kind === 'instruction');
    if (instructions.length === 0 || instructions.some((s) => s.status !== 'done' && s.status !== 'cached'))
        return null;
    return `All ${instructions.length} build steps finished; the failure came afterwards, in ${inlineCode(failedStep.name)}.`;
}
function stepLabel(step) {
    return step.instruction ? `${step.instruction} ${step.command}` : step.name;
}
function capAt(severity, cap) {
    const order = ['error', 'warning', 'notice'];
    return order.indexOf(severity) < order.indexOf(cap) ? cap : severity;
}
/**
 * The error as the tool printed it: from the root cause's first line, the lines that follow it
 * without a gap (a compiler's `-->` location and caret lines), up to 8, each text once.
 */
function asPrinted(first, lines) {
    const start = lines.findIndex((l) => l.line === first.line && l.text === first.text);
    if (start === -1)
        return [];
    // Plain progress interleaves the steps that run at once: follow the root cause's own step.
    const step = /^#\d+ /.exec(first.text)?.[0] ?? null;
    const out = [];
    const seen = new Set();
    let previous = first.line;
    for (let i = start; i < lines.length && out.length < MAX_PRINTED; i++) {
        const line = lines[i];
        if (step !== null && !line.text.startsWith(step))
            continue;
        if (line.line - previous > (step === null ? 1 : 3))
            break;
        previous = line.line;
        const text = line.text.replace(/^#\d+ (?:\d+\.\d+ )?|^\d+\.\d+ /, '');
        if (text.trim() === '' || seen.has(text))
            continue;
        // After the first line, only what continues the error: indented lines, a compiler's location,
        // source and caret lines, notes, and further error lines.
        if (i > start && !CONTINUES_ERROR.test(text))
            break;
        seen.add(text);
        out.push(line);
    }
    return out;
}
function signature_diagnosis_dedupe(lines) {
    const seen = new Set();
    return lines.filter((l) => !seen.has(l.line) && seen.add(l.line));
}

;// CONCATENATED MODULE: ./src/analyze/rules/build-checks.ts


/**
 * Dockerfile build checks BuildKit reported (`buildx.build.warnings` in the build's metadata): each
 * names a rule and a line, so each becomes a warning annotated on that line of the Dockerfile.
 */
const buildChecksRule = {
    ids: ['build-check'],
    run({ build, options }) {
        return build.checks.map((check) => {
            const file = resolveInWorkspace([check.file, build.request.dockerfile].filter((f) => !!f), options.workspace);
            return {
                id: 'build-check',
                severity: 'warning',
                title: `${check.rule}: ${check.message}`,
                evidence: [],
                fix: [
                    `BuildKit's build check ${inlineCode(check.rule)} flagged ${check.line ? `line ${check.line} of ` : ''}${inlineCode(check.file ?? build.request.dockerfile ?? 'the Dockerfile')}.`,
                    check.url
                        ? `The rule, and how to fix or silence it (\`# check=skip=${check.rule}\`): ${check.url}`
                        : `Silence it with \`# check=skip=${check.rule}\` at the top of the Dockerfile if it is intended.`,
                ].join('\n\n'),
                locations: check.line && file ? [{ kind: 'dockerfile', file, line: check.line, column: null, verified: true, message: `${check.rule}: ${check.message}` }] : [],
                data: { rule: check.rule, line: check.line },
            };
        });
    },
};

;// CONCATENATED MODULE: ./src/text/bytes.ts
// Sizes in words: size budgets as people write them (`25MiB`, `1.5GB`) and byte counts and their
// changes as the reports show them.
/** Control characters and runs of white space to one space, cut to `max` characters. */
function oneLine(text, max = 200) {
    const flat = text
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
const UNITS = {
    b: 1,
    k: 1000,
    kb: 1000,
    mb: 1000 ** 2,
    gb: 1000 ** 3,
    tb: 1000 ** 4,
    kib: 1024,
    mib: 1024 ** 2,
    gib: 1024 ** 3,
    tib: 1024 ** 4,
    ki: 1024,
    mi: 1024 ** 2,
    gi: 1024 ** 3,
    ti: 1024 ** 4,
};
/**
 * `25MiB`, `1.5GB`, `800kB`, `1048576`, `25 MiB` -> bytes (kB/MB/GB decimal, KiB/MiB/GiB binary, unit
 * letters in any case). Throws an Error with a one-line message for anything else.
 */
function parseSizeLimit(text) {
    const shown = JSON.stringify(oneLine(String(text), 60));
    const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(String(text));
    const hint = 'expected bytes or a number with a unit: B, kB, MB, GB, TB, KiB, MiB, GiB, TiB (e.g. 25MiB, 1.5GB, 800kB)';
    if (!match)
        throw new Error(`invalid size limit ${shown}: ${hint}`);
    const unit = match[2].toLowerCase();
    const factor = unit === '' ? 1 : UNITS[unit];
    if (factor === undefined)
        throw new Error(`invalid size limit ${shown}: unknown unit "${match[2]}"; ${hint}`);
    const bytes = Math.round(Number(match[1]) * factor);
    if (!Number.isSafeInteger(bytes))
        throw new Error(`invalid size limit ${shown}: too large`);
    if (bytes <= 0)
        throw new Error(`invalid size limit ${shown}: must be more than 0 bytes`);
    return bytes;
}
/** `512 B`, `1.5 KiB`, `24.8 MiB`, `1.02 GiB`: binary units, three significant digits. */
function formatBytes(bytes) {
    if (!Number.isFinite(bytes))
        return String(bytes);
    const sign = bytes < 0 ? '-' : '';
    let value = Math.abs(bytes);
    if (value < 1024)
        return `${sign}${Math.round(value)} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    // 1023.96 KiB would print as "1024 KiB": go up a unit instead.
    if (value >= 999.5 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${sign}${value.toFixed(digits)} ${units[unit]}`;
}
/** `+1.20 MiB (+5.1%)`, `-300 B (-0.2%)`, `±0 B (0.0%)`; without a percentage when the baseline is 0. */
function formatByteDelta(current, baseline) {
    const delta = current - baseline;
    const amount = delta === 0 ? '±0 B' : `${delta > 0 ? '+' : '-'}${formatBytes(Math.abs(delta))}`;
    if (baseline === 0)
        return amount;
    const percent = (delta / baseline) * 100;
    return `${amount} (${percent > 0 ? '+' : ''}${percent.toFixed(1)}%)`;
}

;// CONCATENATED MODULE: ./src/analyze/rules/image-size.ts


/** An image whose compressed size on a platform is over the `max-image-size` budget. */
const imageSizeRule = {
    ids: ['image-too-large'],
    run({ build, options }) {
        const limit = options.maxImageBytes ?? null;
        if (limit === null)
            return [];
        const findings = [];
        for (const image of build.images) {
            const over = (image.platforms ?? []).filter((p) => p.compressedBytes > limit);
            if (over.length === 0)
                continue;
            const worst = over.reduce((a, b) => (b.compressedBytes > a.compressedBytes ? b : a));
            findings.push({
                id: 'image-too-large',
                severity: 'warning',
                title: `${image.ref} is ${formatBytes(worst.compressedBytes)} on ${worst.platform}, over the ${formatBytes(limit)} budget`,
                evidence: [],
                fix: [
                    `Compressed size per platform: ${over.map((p) => `${inlineCode(p.platform)} ${formatBytes(p.compressedBytes)}${p.baselineBytes !== null ? ` (${formatByteDelta(p.compressedBytes, p.baselineBytes)} against the baseline)` : ''}`).join(', ')}.`,
                    '',
                    '- Build in stages and copy only the artifacts into a small final image (`distroless`, `alpine`, `scratch` for static binaries).',
                    '- Leave caches and build tools out of the final stage (`--mount=type=cache` for package managers, `rm -rf /var/lib/apt/lists/*` in the same `RUN`).',
                    '- Raise the `max-image-size` input if the size is expected.',
                ].join('\n'),
                data: { platform: worst.platform, bytes: worst.compressedBytes, limitBytes: limit },
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/analyze/rules/index.ts







/** Every rule, in no particular order: ranking decides what comes first. */
const RULES = [signatureDiagnosisRule, buildOutcomeRule, qemuEmulationRule, cacheMissRule, slowBuildRule, buildChecksRule, imageSizeRule];

;// CONCATENATED MODULE: ./src/analyze/rank.ts
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/**
 * Within a severity, causes come before their consequences: a failure before the cancellation of the
 * jobs it took down; emulation and cache misses before the slow build they produce.
 */
const CAUSE_ORDER = {
    unknown: 90,
    'qemu-emulation': 20,
    'cache-miss': 30,
    canceled: 60,
    'slow-build': 80,
};
const DEFAULT_CAUSE_ORDER = 10;
function compareFindings(a, b) {
    return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || orderOf(a) - orderOf(b);
}
/** A finding's own rank (a diagnosis says which match is the root cause), else its kind's. */
function orderOf(finding) {
    return finding.rank ?? CAUSE_ORDER[finding.id] ?? DEFAULT_CAUSE_ORDER;
}
/** Sorts findings most likely root cause first; stable, so equal findings keep build order. */
function rankFindings(findings) {
    return [...findings].sort(compareFindings);
}

;// CONCATENATED MODULE: ./src/analyze/run-level.ts

/**
 * A matrix job canceled because another one failed (fail-fast) is a consequence: its `canceled`
 * finding names the failed jobs, and a failure always ranks before cancellations.
 */
function linkCanceledToFailures(analyses) {
    const failed = analyses.filter((a) => a.build.status === 'failure').map((a) => a.build.name);
    if (failed.length === 0)
        return analyses;
    for (const analysis of analyses) {
        if (analysis.build.status !== 'canceled')
            continue;
        for (const finding of analysis.findings) {
            if (finding.id !== 'canceled')
                continue;
            finding.title = `Canceled after ${failed.join(', ')} failed`;
            finding.fix = `${failed.map((name) => inlineCode(name)).join(', ')} failed in the same run; with \`strategy.fail-fast\` (the default) GitHub then cancels the other jobs of the matrix. Fix that failure first: this job has no problem of its own in the log.\n\n${finding.fix}`;
            finding.data = { ...finding.data, canceledBecause: failed.join(', ') };
        }
    }
    return analyses;
}

;// CONCATENATED MODULE: ./src/analyze/group.ts



/** Kinds whose fix is `facts\n\nadvice`: the advice is the same for every build. */
const ADVICE_AFTER_FACTS = new Set(['qemu-emulation', 'cache-miss']);
/** A slow build is explained by these, when the same build has one. */
const EXPLAINS_SLOW = ['qemu-emulation', 'cache-miss'];
/** Groups ranked findings (most likely root cause first): each group sits where its first finding was. */
function groupFindings(findings) {
    const slowExplainedBy = new Map();
    for (const slow of findings.filter((f) => f.id === 'slow-build')) {
        const cause = EXPLAINS_SLOW.map((id) => findings.find((f) => f.id === id && f.build === slow.build && f.severity !== 'notice')).find(Boolean);
        if (cause)
            slowExplainedBy.set(slow, cause);
    }
    const byKey = new Map();
    for (const finding of findings) {
        if (slowExplainedBy.has(finding))
            continue;
        const key = groupKey(finding);
        const members = byKey.get(key) ?? [];
        members.push(finding);
        byKey.set(key, members);
    }
    return [...byKey.values()].map((members) => {
        const folded = [...slowExplainedBy].filter(([, cause]) => members.includes(cause)).map(([slow]) => slow);
        return makeGroup(members, folded);
    });
}
/**
 * Same kind: the same id, and for causes that differ by their text (failures, build checks) the same
 * title; cache findings by what they found (no hits, few hits, a broken chain).
 */
function groupKey(finding) {
    if (finding.id === 'qemu-emulation' || finding.id === 'slow-build' || finding.id === 'canceled')
        return `${finding.id}|${finding.data?.platform ?? ''}`;
    if (finding.id === 'cache-miss')
        return `${finding.id}|${finding.data?.pattern ?? ''}`;
    return `${finding.id}|${finding.severity}|${finding.title}`;
}
function makeGroup(findings, folded) {
    const first = findings[0];
    const builds = findings.map((f) => f.build ?? '');
    const severity = findings.map((f) => f.severity).sort((a, b) => group_SEVERITY_ORDER[a] - group_SEVERITY_ORDER[b])[0];
    const lostSeconds = lost(findings);
    const base = { id: first.id, severity, findings, builds, folded, lostSeconds };
    if (first.id === 'canceled')
        return { ...base, title: canceledTitle(findings), fix: first.fix, table: null };
    if (findings.length === 1)
        return { ...base, title: first.title, fix: withFolded(first.fix, folded), table: null };
    const advice = ADVICE_AFTER_FACTS.has(first.id) ? adviceOf(first.fix) : first.fix;
    return { ...base, title: groupTitle(findings, lostSeconds), fix: withFolded(advice, folded), table: tableFor(findings, folded) };
}
const group_SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
/** The advice part of a `facts\n\nadvice` fix. */
function adviceOf(fix) {
    const cut = fix.indexOf('\n\n');
    return cut === -1 ? fix : fix.slice(cut + 2);
}
function withFolded(fix, folded) {
    if (folded.length === 0)
        return fix;
    // A fix is Markdown: build names (job names, `x #2`) go in escaped, never as references or HTML.
    const which = folded.length === 1
        ? `${escapeText(folded[0].build ?? 'The build')} went over its time budget`
        : `${folded.map((f) => escapeText(f.build ?? 'the build')).join(', ')} went over their time budget`;
    return `${fix}\n\n${which} because of this.`;
}
/** `runtime, engine: canceled after operate-ui failed`: one line however many jobs were canceled. */
function canceledTitle(findings) {
    const names = findings.map((f) => f.build ?? 'the build').join(', ');
    const because = findings.map((f) => f.data?.canceledBecause).find((b) => typeof b === 'string');
    return because ? `${names}: canceled after ${because} failed` : `${names}: canceled before ${findings.length === 1 ? 'it' : 'they'} finished`;
}
function groupTitle(findings, lostSeconds) {
    const first = findings[0];
    const n = findings.length;
    const data = first.data ?? {};
    switch (first.id) {
        case 'qemu-emulation': {
            const ratios = findings.map((f) => Number(f.data?.ratio)).filter(Number.isFinite);
            const range = ratios.length ? `${metrics_round(Math.min(...ratios), 1)}–${metrics_round(Math.max(...ratios), 1)}× slower than on ${data.nativePlatform}` : 'slower';
            return `${data.platform} ran under QEMU emulation in ${n} builds: ${range}, ${formatDuration(lostSeconds)} lost`;
        }
        case 'cache-miss':
            if (data.pattern === 'no-hits')
                return `No cache hits in ${n} builds: every cacheable step ran`;
            if (data.pattern === 'few-hits')
                return `Few cache hits in ${n} builds`;
            return `A cached chain broke in ${n} builds`;
        case 'slow-build':
            return `${n} builds went over the time budget`;
        default:
            // The same failure in several builds: the reports name the builds in front of it.
            return first.title;
    }
}
/** Seconds the cause cost, summed over builds, when the findings measure it. */
function lost(findings) {
    const key = findings[0].id === 'qemu-emulation' ? 'extraSeconds' : findings[0].id === 'cache-miss' ? 'rerunSeconds' : null;
    if (!key)
        return null;
    const values = findings.map((f) => Number(f.data?.[key])).filter(Number.isFinite);
    return values.length
        ? metrics_round(values.reduce((a, b) => a + b, 0), 1)
        : null;
}
function tableFor(findings, folded) {
    const id = findings[0].id;
    const overBudget = (build) => (folded.some((f) => f.build === build) ? ' (over budget)' : '');
    if (id === 'qemu-emulation') {
        return {
            columns: ['Build', 'Slowest emulated step', 'Native', 'Emulated', 'Ratio', 'Lost', 'Build time'],
            rows: findings.map((f) => {
                const d = f.data ?? {};
                const share = typeof d.shareOfBuild === 'number' ? ` (${Math.round(d.shareOfBuild * 100)}%)` : '';
                return [
                    f.build ?? '',
                    String(d.step ?? ''),
                    formatDuration(num(d.nativeSeconds)),
                    formatDuration(num(d.emulatedSeconds)),
                    `${metrics_round(Number(d.ratio), 1)}×`,
                    `${formatDuration(num(d.extraSeconds))}${share}`,
                    `${formatDuration(num(d.buildSeconds))}${overBudget(f.build)}`,
                ];
            }),
        };
    }
    if (id === 'cache-miss') {
        return {
            columns: ['Build', 'Cache hits', 'First step that ran', 'Time in steps that ran'],
            rows: findings.map((f) => {
                const d = f.data ?? {};
                const hits = typeof d.hits === 'number' && typeof d.misses === 'number' ? `${d.hits} of ${d.hits + d.misses}` : '';
                return [f.build ?? '', hits, String(d.firstStep ?? d.step ?? ''), `${formatDuration(num(d.rerunSeconds ?? d.seconds))}${overBudget(f.build)}`];
            }),
        };
    }
    return { columns: ['Build', 'Finding'], rows: findings.map((f) => [f.build ?? '', f.title]) };
}
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

;// CONCATENATED MODULE: ./src/analyze/analyze.ts







const STATUS_ORDER = ['failure', 'canceled', 'unknown', 'success'];
function analyzeBuild(build, options = DEFAULT_ANALYSIS_OPTIONS, inputs = {}) {
    const catalog = new Map((inputs.catalog ?? builtinSignatures()).map((s) => [s.id, s]));
    const diagnosis = inputs.diagnosis?.byBuild.get(build) ?? null;
    const context = { build, cache: cacheStats(build), timing: timing(build), options, diagnosis, catalog };
    const findings = [];
    for (const rule of RULES) {
        for (const finding of rule.run(context))
            findings.push({ ...finding, build: build.name, source: build.source });
    }
    return { build, cache: context.cache, timing: context.timing, findings: rankFindings(findings) };
}
function analyze(builds, problems, options = DEFAULT_ANALYSIS_OPTIONS, inputs = {}) {
    const analyses = linkCanceledToFailures(builds.map((build) => analyzeBuild(build, options, inputs)));
    let hits = 0;
    let total = 0;
    for (const { cache } of analyses) {
        hits += cache.hits;
        total += cache.hits + cache.misses;
    }
    const durations = builds.map((b) => b.buildSeconds ?? b.jobSeconds).filter((s) => s !== null);
    const status = builds.length === 0 ? 'unknown' : (STATUS_ORDER.find((s) => builds.some((b) => b.status === s)) ?? 'unknown');
    const findings = rankFindings(analyses.flatMap((a) => a.findings));
    return {
        builds: analyses,
        findings,
        groups: groupFindings(findings),
        problems,
        status,
        cacheHitRatio: total === 0 ? null : metrics_round(hits / total, 3),
        durationSeconds: durations.length ? Math.max(...durations) : null,
    };
}

;// CONCATENATED MODULE: ./src/diagnose/matcher.ts
const MAX_MATCHED_LINES = 8;
const WARNING_LINE = /^(?:WARNING|WARN|warning)\b/;
// Lines a wrapper prints when something it ran failed, with no word of why: make's `*** [target]
// Error 2`, a CI runner's exit status. Inside a RUN they still point at a compiler; around a
// `docker build` they only restate the build's failure, so any concrete error outranks them.
const WRAPPER_LINE = /^(?:(?:g?make|mingw32-make)(?:\[\d+\])?: \*\*\* .*\bError \d+(?: \(ignored\))?|ERROR: Job failed: .*|script returned exit code \d+|Error: Process completed with exit code \d+\.?)$/;
/**
 * Runs every pattern of every signature over the lines, and its command patterns over the failing
 * commands (hit indexes past the lines). Pure and self-contained (no imports used inside), so the
 * same function can run in a worker for patterns that are not ours.
 */
function runPatterns(signatures, lines, maxHits, commands = []) {
    const out = [];
    for (const signature of signatures) {
        const hits = [];
        const seen = new Set();
        const scan = (source, texts, offset) => {
            const regex = new RegExp(source, signature.ignoreCase ? 'i' : '');
            for (let index = 0; index < texts.length && hits.length < maxHits; index++) {
                if (seen.has(index + offset))
                    continue;
                const match = regex.exec(texts[index]);
                if (!match)
                    continue;
                seen.add(index + offset);
                const groups = {};
                for (const [name, value] of Object.entries(match.groups ?? {}))
                    if (value !== undefined && value !== '')
                        groups[name] = value;
                hits.push({ index: index + offset, groups });
            }
        };
        for (const source of signature.sources)
            scan(source, lines, 0);
        for (const source of signature.commandSources)
            scan(source, commands, lines.length);
        if (hits.length > 0) {
            hits.sort((a, b) => a.index - b.index);
            out.push({ id: signature.id, hits });
        }
    }
    return out;
}
/** The plain data of signatures, for runPatterns. */
function patternSpecs(signatures) {
    return signatures
        .filter((s) => s.patterns.length > 0 || s.commands.length > 0)
        .map((s) => ({ id: s.id, sources: s.patterns.map((p) => p.source), commandSources: s.commands.map((p) => p.source), ignoreCase: s.ignoreCase }));
}
/** Turns raw pattern hits into matches over the candidate lines (and the failing commands after them). */
function toMatches(raw, signatures, lines, commands = []) {
    const byId = new Map(signatures.map((s) => [s.id, s]));
    return raw.flatMap(({ id, hits }) => {
        const signature = byId.get(id);
        if (!signature)
            return [];
        const lineHits = hits.filter((h) => h.index < lines.length);
        // A command hit counts only when no line of the log matched: what it printed says more.
        const used = lineHits.length > 0 ? lineHits : hits;
        const matched = used.map((h) => (h.index < lines.length ? lines[h.index] : commands[h.index - lines.length]));
        const groups = {};
        for (const hit of used)
            for (const [name, value] of Object.entries(hit.groups))
                groups[name] ??= value;
        return [
            {
                signature,
                lines: matched.slice(0, MAX_MATCHED_LINES),
                groups,
                inFailure: matched.some((l) => l.inFailure),
                onlyWarnings: matched.every((l) => WARNING_LINE.test(l.normalized)),
                byCommand: lineHits.length === 0,
                onlyWrappers: lineHits.length > 0 && matched.every((l) => WRAPPER_LINE.test(l.normalized)),
            },
        ];
    });
}
/** Matches trusted (built-in, reviewed) signatures in this thread. */
function matchTrusted(signatures, lines, commands = []) {
    const raw = runPatterns(patternSpecs(signatures), lines.map((l) => l.normalized), MAX_MATCHED_LINES * 4, commands.map((c) => c.normalized));
    return toMatches(raw, signatures, lines, commands);
}
/**
 * Most likely cause first. A match on a line beats one on the failing command or on a wrapper's
 * line (`make: *** ... Error 2`), and a cause beats a consequence (a cancellation); then a match
 * in the failure itself, then the more specific signature, then the earlier line. Last, causality: when an earlier line matched a signature that
 * the leader names in `causedBy` (a DNS failure before apt's "unable to locate"), the earlier one
 * is the root cause (a repeated warning too: a retry loop); followed as a chain.
 */
function rankMatches(matches) {
    const ranked = [...matches].sort((a, b) => Number(a.onlyWarnings) - Number(b.onlyWarnings) ||
        tier(a) - tier(b) ||
        Number(b.inFailure) - Number(a.inFailure) ||
        b.signature.priority - a.signature.priority ||
        a.lines[0].line - b.lines[0].line);
    for (let step = 0; step < ranked.length; step++) {
        const leader = ranked[0];
        const cause = ranked.find((m) => m !== leader &&
            // A warning is no cause, unless it repeats: a retry loop (pip's `WARNING: Retrying ... after
            // connection broken by`) is the real failure behind the package manager's final error.
            (!m.onlyWarnings || m.lines.length >= 2) &&
            !m.byCommand &&
            !m.onlyWrappers &&
            (m.inFailure || !leader.inFailure) &&
            leader.signature.causedBy.includes(m.signature.id) &&
            // A cause on the same line counts (`failed to compute cache key: secret not found`), and
            // one printed after the leader under a `Caused by:` that follows it (cargo's `failed to
            // download` ... `Caused by:` ... `[28] Timeout was reached`).
            (m.lines[0].line <= leader.lines[0].line || m.lines.some((l) => l.causeChain !== undefined && l.causeChain > leader.lines[0].line)));
        if (!cause)
            break;
        ranked.splice(ranked.indexOf(cause), 1);
        ranked.unshift(cause);
    }
    return ranked;
}
function tier(match) {
    if (match.signature.role === 'consequence')
        return 2;
    // A wrapper's line or the command that ran say that something failed, not what: after any concrete line.
    return match.byCommand || match.onlyWrappers ? 1 : 0;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __nccwpck_require__(643);
;// CONCATENATED MODULE: ./src/diagnose/safe-matcher.ts



const DEFAULT_BUDGET = { perSignatureMs: 2000, totalMs: 10000 };
const MAX_HITS = 32;
// The worker runs the same pure function as the main thread, from its source text: no file to
// bundle, and a pattern that backtracks forever only ever blocks the worker, which is terminated.
// It talks over its own MessageChannel so that the main thread can read what the worker already
// said (receiveMessageOnPort) before it decides that a signature ran out of time.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const runPatterns = ${runPatterns.toString()};
const { port, specs, lines, commands, maxHits } = workerData;
for (const spec of specs) {
  port.postMessage({ type: 'start', id: spec.id });
  port.postMessage({ type: 'done', id: spec.id, result: runPatterns([spec], lines, maxHits, commands) });
}
port.postMessage({ type: 'end' });
`;
/**
 * What is left of the total budget. Only time spent running patterns counts: starting a worker
 * thread on a loaded machine can take longer than any budget, and must not make a fast pattern
 * look slow.
 */
class BudgetClock {
    leftMs;
    constructor(leftMs) {
        this.leftMs = leftMs;
    }
}
/**
 * Matches signatures whose patterns come from the user, in a worker thread with a time budget. A
 * pattern that does not finish in time is reported and skipped; the others still run.
 */
async function matchUntrusted(signatures, lines, budget = DEFAULT_BUDGET, 
/** The total budget left, shared by the builds of one analysis. */
clock = new BudgetClock(budget.totalMs), 
/** The failing step's command, for `commands` patterns. */
commands = []) {
    const specs = patternSpecs(signatures);
    const texts = { lines: lines.map((l) => l.normalized), commands: commands.map((c) => c.normalized) };
    const raw = [];
    const slow = [];
    let remaining = specs;
    while (remaining.length > 0) {
        if (clock.leftMs <= 0) {
            // Out of total time: whatever did not run is reported as slow too.
            slow.push(...remaining.map((s) => s.id));
            break;
        }
        const { done, stuck } = await runWorker(remaining, texts, budget.perSignatureMs, clock);
        for (const result of done)
            raw.push(...result.raw);
        const finished = new Set(done.map((d) => d.id));
        remaining = remaining.filter((spec) => !finished.has(spec.id));
        if (stuck === undefined)
            break;
        if (stuck === null) {
            slow.push(...remaining.map((s) => s.id));
            break;
        }
        slow.push(stuck);
        remaining = remaining.filter((spec) => spec.id !== stuck);
    }
    return { matches: toMatches(raw, signatures, lines, commands), slow };
}
function runWorker(specs, texts, perSignatureMs, clock) {
    return new Promise((resolve) => {
        const { port1, port2 } = new external_node_worker_threads_.MessageChannel();
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { port: port2, specs, lines: texts.lines, commands: texts.commands, maxHits: MAX_HITS },
            transferList: [port2],
            resourceLimits: { maxOldGenerationSizeMb: 256 },
        });
        const done = [];
        let current = null;
        let startedAt = 0;
        let timer;
        let settled = false;
        const finish = (stuck) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            port1.close();
            void worker.terminate();
            resolve({ done, stuck });
        };
        const handle = (message) => {
            if (settled)
                return;
            if (message.type === 'start') {
                current = message.id;
                startedAt = external_node_perf_hooks_.performance.now();
                // The clock runs only while a signature runs: from its start, never from the thread's.
                clearTimeout(timer);
                timer = setTimeout(expire, Math.max(0, Math.min(perSignatureMs, clock.leftMs)));
            }
            else if (message.type === 'done') {
                clock.leftMs -= external_node_perf_hooks_.performance.now() - startedAt;
                clearTimeout(timer);
                done.push({ id: message.id, raw: message.result ?? [] });
                current = null;
            }
            else {
                finish(undefined);
            }
        };
        const expire = () => {
            // The worker may have finished just as the timer fired: read what it already said first.
            for (let pending = (0,external_node_worker_threads_.receiveMessageOnPort)(port1); pending && !settled; pending = (0,external_node_worker_threads_.receiveMessageOnPort)(port1))
                handle(pending.message);
            if (settled || current === null)
                return;
            const spent = external_node_perf_hooks_.performance.now() - startedAt;
            clock.leftMs -= spent;
            finish(spent >= perSignatureMs || clock.leftMs > 0 ? current : null);
        };
        port1.on('message', handle);
        worker.on('error', () => finish(current));
        // A worker that exits before saying 'end' (out of memory) loses the signature it was running.
        worker.on('exit', () => {
            for (let pending = (0,external_node_worker_threads_.receiveMessageOnPort)(port1); pending && !settled; pending = (0,external_node_worker_threads_.receiveMessageOnPort)(port1))
                handle(pending.message);
            finish(current ?? (done.length < specs.length ? specs[done.length].id : undefined));
        });
    });
}

;// CONCATENATED MODULE: ./src/diagnose/failing-command.ts

// How build tools quote the command that failed:
//   process "/bin/sh -c npm run build" did not complete successfully: exit code: 1   (BuildKit)
//   executor failed running [/bin/sh -c npm run build]: exit code: 1                  (BuildKit < 0.11)
//   The command '/bin/sh -c npm run build' returned a non-zero code: 1              (legacy builder)
const QUOTED = /(?:process "|executor failed running \[|The command ')(?:\/dev\/\.buildkit_qemu_emulator )?(?:\/bin\/(?:ba)?sh -c |cmd \/S \/C )?(.+?)(?:" did not complete successfully|\]: |' returned a non-zero code)/;
const MAX_COMMANDS = 4;
// `[web internal] load metadata for IMAGE`: compose prefixes the service to BuildKit's internal
// steps, which the parser then does not take for internal ones; the command is the same.
const PREFIXED_INTERNAL = /^\[[^\]]*\binternal\] (load metadata for \S+)/;
/**
 * The commands that failed, for the catalog's `commands` patterns: the failing step's own (a RUN's
 * shell command; `COPY ...`, `FROM ...` for other instructions; `load metadata for IMAGE` for
 * BuildKit's internal steps), and any a final error quotes. Each is offered as a line whose text is
 * where it was seen.
 */
function failingCommands(build, lines) {
    const out = [];
    const add = (line, text, command) => {
        const normalized = command.trim().slice(0, MAX_EXCERPT_LINE);
        if (normalized && out.length < MAX_COMMANDS && !out.some((c) => c.normalized === normalized))
            out.push({ line, text, normalized, inFailure: true });
    };
    for (const step of build.steps) {
        if (step.status !== 'error')
            continue;
        const prefixed = step.kind === 'other' ? PREFIXED_INTERNAL.exec(step.name) : null;
        if (prefixed)
            add(step.line, step.name, prefixed[1]);
        if (step.kind !== 'instruction' && step.kind !== 'internal')
            continue;
        add(step.line, step.name, step.instruction === 'RUN' || step.instruction === null ? step.command : `${step.instruction} ${step.command}`);
    }
    for (const line of lines) {
        if (!line.inFailure)
            continue;
        const quoted = QUOTED.exec(line.normalized);
        if (quoted)
            add(line.line, line.text, quoted[1]);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/diagnose/diagnose.ts




/** Builds worth diagnosing: those that did not succeed, and those whose steps reported errors. */
function needsDiagnosis(build) {
    return build.status !== 'success' || build.steps.some((s) => s.status === 'error');
}
async function diagnoseBuilds(builds, signatures, budget = DEFAULT_BUDGET) {
    const trusted = signatures.filter((s) => s.patternsOrigin === 'built-in');
    const untrusted = signatures.filter((s) => s.patternsOrigin !== 'built-in');
    const byBuild = new Map();
    const slow = new Set();
    // One time budget for the user's patterns over all builds; a signature found slow once is not run again.
    const clock = new BudgetClock(budget.totalMs);
    for (const build of builds) {
        if (!needsDiagnosis(build))
            continue;
        const allLines = excerptLines(build);
        const lines = candidateLines(build, allLines);
        const commands = failingCommands(build, lines);
        const matches = matchTrusted(trusted, lines, commands);
        const runnable = untrusted.filter((s) => !slow.has(s.id));
        if (runnable.length > 0) {
            const result = await matchUntrusted(runnable, lines, budget, clock, commands);
            matches.push(...result.matches);
            for (const id of result.slow)
                slow.add(id);
        }
        byBuild.set(build, { matches: rankMatches(matches), lines, allLines });
    }
    const problems = [...slow].map((id) => {
        const origin = signatures.find((s) => s.id === id)?.origin ?? 'signatures';
        return `${origin}: signature ${id} was skipped: its patterns took longer than ${budget.perSignatureMs} ms (a pattern that backtracks catastrophically?)`;
    });
    return { byBuild, problems };
}
/** The excerpt and the failure's own lines, in input order. */
function excerptLines(build) {
    // Keyed by line and text: in rawjson input one log object (one line) holds several output lines.
    const byLine = new Map();
    for (const lines of [build.excerpt, build.failedStepTail, build.errorDetails, build.errors])
        for (const line of lines)
            byLine.set(`${line.line}\u0000${line.text}`, line);
    return [...byLine.values()].sort((a, b) => a.line - b.line);
}
/** The lines signatures see, each marked whether it is the failure itself. */
function candidateLines(build, lines = excerptLines(build)) {
    const failing = new Set();
    for (const own of [build.failedStepTail, build.errorDetails, build.errors])
        for (const line of own)
            failing.add(line.line);
    if (build.withoutBuildKit)
        for (const line of lines)
            failing.add(line.line);
    // A failed cache import never fails a build (BuildKit goes on without the cache): not the failure.
    const failedIds = build.steps.filter((s) => s.status === 'error' && s.kind !== 'cache-import').map((s) => `#${s.id} `);
    // Lines that only restate a step's command (its header, the error block's ` > [2/3] RUN ...:`,
    // the Dockerfile excerpt) say what the step was, not how it failed: a command that mentions
    // "error" or "Killed" must not match a signature.
    const headers = new Set(build.steps.filter((s) => s.kind === 'instruction').map((s) => `#${s.id} ${s.name}`));
    // A cache import or export that failed says so only in its `#N ERROR` line; buildx would head its
    // error block with the step's name (` > importing cache manifest from X:`), which the catalog
    // knows: offer that header too, so that the error is read as the cache's.
    const cacheHeaders = build.steps
        .filter((s) => s.status === 'error' && (s.kind === 'cache-import' || s.kind === 'cache-export') && s.endLine !== null)
        .map((s) => ({
        line: s.endLine,
        text: s.endText ?? s.name,
        normalized: `${s.name}:`,
        inFailure: s.kind === 'cache-export' && build.status === 'failure',
    }));
    const candidates = lines
        .filter((line) => !headers.has(line.text))
        .map((line) => ({
        line: line.line,
        text: line.text,
        normalized: normalizeForMatching(line.text),
        inFailure: failing.has(line.line) || line.text.startsWith('##[error]') || failedIds.some((id) => line.text.startsWith(id)),
    }))
        // Blank lines say nothing; a pattern that matches anything must not make them evidence.
        .filter((line) => line.normalized !== '' && !RESTATED_COMMAND.test(line.normalized))
        .concat(cacheHeaders)
        .sort((a, b) => a.line - b.line);
    let chain;
    for (const line of candidates) {
        if (CAUSED_BY.test(line.normalized))
            chain = line.line;
        if (chain !== undefined)
            line.causeChain = chain;
    }
    return candidates;
}
// The header of an error's cause in tools that chain them: cargo and anyhow (`Caused by:`), the
// JVM (`Caused by: java.net.ConnectException: ...`).
const CAUSED_BY = /^Caused by\b/;
// ` > [builder 2/3] RUN make:` (the error block's header, after quoting is stripped) and
// `  12 | >>> RUN make` (the Dockerfile excerpt).
const RESTATED_COMMAND = /^\[[^\]]*\d+\/\d+\] .*:$|^\d+ \|/;

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/buildx/docker-cli.ts

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
function docker_cli_docker(args, options = {}) {
    const binary = process.env.BUILDX_DOCTOR_DOCKER || 'docker';
    const timeoutMs = options.timeoutMs ?? 120_000;
    // The environment is passed explicitly: what this process has now (DOCKER_HOST, DOCKER_CONFIG set by
    // earlier steps or by a caller) is what docker must see.
    const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((e) => e[1] !== undefined));
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(binary, args, { env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
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

;// CONCATENATED MODULE: ./src/buildx/docker-login.ts
// Credentials Docker does not have yet (the job token for ghcr.io, the `registry-username` and
// `registry-password` inputs) go into a temporary DOCKER_CONFIG through `docker login
// --password-stdin`, so the secret is never on a command line or in a log, and the runner's own
// config is left untouched. The temporary config is removed after the sizes are read. Everything
// else (credential helpers, mirrors, certificates) stays Docker's own.





/** The docker config dir `env` points at: DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || external_node_path_namespaceObject.join(env.HOME || external_node_os_namespaceObject.homedir(), '.docker');
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
        const config = JSON.parse(external_node_fs_namespaceObject.readFileSync(external_node_path_namespaceObject.join(dockerConfigDir(env), 'config.json'), 'utf8'));
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
    const dir = external_node_fs_namespaceObject.mkdtempSync(external_node_path_namespaceObject.join(external_node_os_namespaceObject.tmpdir(), 'buildx-doctor-docker-config-')); // mode 0700
    const remove = () => external_node_fs_namespaceObject.rmSync(dir, { recursive: true, force: true });
    const env = { ...base, DOCKER_CONFIG: dir };
    const refused = new Map();
    try {
        if (external_node_fs_namespaceObject.existsSync(external_node_path_namespaceObject.join(original, 'cli-plugins')))
            external_node_fs_namespaceObject.symlinkSync(external_node_path_namespaceObject.join(original, 'cli-plugins'), external_node_path_namespaceObject.join(dir, 'cli-plugins'));
        // buildx keeps its builders under DOCKER_CONFIG/buildx; the current one (and its registry config) stays.
        if (!env.BUILDX_CONFIG && external_node_fs_namespaceObject.existsSync(external_node_path_namespaceObject.join(original, 'buildx')))
            env.BUILDX_CONFIG = external_node_path_namespaceObject.join(original, 'buildx');
        for (const login of logins) {
            const hide = (text) => (login.password ? text.split(login.password).join('***') : text);
            try {
                const result = await docker_cli_docker(['login', '--username', login.username, '--password-stdin', login.registry], { env, input: login.password, timeoutMs });
                if (result.exitCode !== 0) {
                    const said = result.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.exitCode}`;
                    refused.set(login.registry, `docker login to ${login.registry} failed (${oneLine(hide(said), 240)})`);
                }
            }
            catch (error) {
                const why = error instanceof DockerMissingError ? error.message : `no answer within ${Math.round(timeoutMs / 1000)} s`;
                refused.set(login.registry, `docker login to ${login.registry} failed (${oneLine(hide(why), 240)})`);
            }
        }
    }
    catch (error) {
        remove();
        throw error;
    }
    return { env, refused, remove };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
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
    return oneLine(error.replace(/^ERROR:\s*/, ''), 240);
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
        result = await docker_cli_docker(['buildx', 'imagetools', 'inspect', ...args, name], { env: options.env, timeoutMs: options.timeoutMs });
    }
    catch (error) {
        if (error instanceof DockerMissingError)
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
        const result = await docker_cli_docker(['buildx', 'version'], { env, timeoutMs });
        if (result.exitCode === 0)
            return null;
        return `docker buildx is not available (${oneLine(result.stderr, 200) || `exit code ${result.exitCode}`})`;
    }
    catch (error) {
        if (error instanceof DockerMissingError)
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
        const name = formatReference(ref);
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
            return await this.run(() => inspectConfig(formatReference(ref), ref.registry, { env: this.envOf(ref.registry), timeoutMs: this.timeoutMs }));
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
    if (typeof digest !== 'string' || !DIGEST.test(digest))
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
    if (error instanceof ImageSizeError || error instanceof InvalidReferenceError)
        return oneLine(error.message, 300);
    return oneLine(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, 300);
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
            let ref = parseReference(image.ref);
            if (image.digest) {
                if (!DIGEST.test(image.digest))
                    throw new ImageSizeError('docker', `${JSON.stringify(oneLine(image.digest, 80))} is not a digest`);
                ref = { ...ref, digest: image.digest };
            }
            let baseline = null;
            try {
                baseline = baselineTag ? withTag(ref, baselineTag) : null;
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
    const logins = neededLogins(registries, options.credentials ?? [], options.githubToken ?? null, options.githubUsername ?? null, baseEnv);
    const temporary = logins.length > 0 ? await loginToTemporaryConfig(logins, baseEnv, timeoutMs) : null;
    const envOf = (registry) => (temporary && logins.some((l) => l.registry === registry) ? temporary.env : baseEnv);
    const reader = new ManifestReader(envOf, timeoutMs, options.concurrency ?? 4, temporary?.refused);
    const platformOf = async (ref) => {
        const platform = readPlatform(await reader.config(ref));
        return platform ? formatPlatform(platform) : 'unknown';
    };
    const walk = async (ref, body, depth) => {
        const entries = indexEntries(body).filter((entry) => !isAttestationEntry(entry));
        const found = await Promise.all(entries.map(async (entry) => {
            const at = withDigest(ref, entry.digest);
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
        const name = formatReference(ref);
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
                throw new ImageSizeError('bad-manifest', `${name} is not a container image (its config is ${oneLine(image.configType ?? '', 80)})`);
            return { digest: top.digest, platforms: [{ platform: await platformOf(ref), digest: top.digest, compressedBytes: image.bytes }] };
        }
        if (kind === 'schema1')
            throw new ImageSizeError('bad-manifest', `${name} has a Docker schema 1 manifest, which states no layer sizes`);
        throw new ImageSizeError('bad-manifest', `${name} has a manifest of unknown type`);
    };
    const lookups = new Map();
    const lookup = (ref) => {
        const key = formatReference(ref);
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

;// CONCATENATED MODULE: ./src/registry/measure-builds.ts


/**
 * Measures the images the builds pushed (or the user named), once per image: the tags of one push
 * share a digest, so only the first is measured and the sizes are shown on it. The result is written
 * onto the builds' images; nothing here throws.
 */
async function measureBuildImages(builds, options) {
    if (builds.length === 0 && options.extraImages.length === 0)
        return;
    for (const ref of options.extraImages) {
        const target = builds[0];
        if (target && !target.images.some((i) => i.ref === ref))
            target.images.push({ ref, digest: null, pushed: true });
    }
    const chosen = [];
    for (const build of builds) {
        const seen = new Set();
        for (const image of build.images) {
            const key = image.digest ?? image.ref;
            if (seen.has(key))
                continue;
            seen.add(key);
            chosen.push(image);
        }
    }
    // A push of the baseline tag itself (a push to main) would be compared with itself.
    const isBaseline = (ref) => !!options.baselineTag && explainReference(ref) === null && parseReference(ref).tag === options.baselineTag;
    const plain = chosen.filter((i) => !isBaseline(i.ref));
    const baselines = chosen.filter((i) => isBaseline(i.ref));
    const results = [...(await measureImages(plain, options)), ...(await measureImages(baselines, { ...options, baselineTag: null }))];
    for (const [index, image] of [...plain, ...baselines].entries()) {
        const result = results[index];
        image.platforms = result.platforms;
        image.sizeUnavailable = result.unavailable;
        image.baselineUnavailable = isBaseline(image.ref) ? `this image is the baseline tag ${options.baselineTag} itself` : result.baselineUnavailable;
    }
}

;// CONCATENATED MODULE: ./src/engine.ts






/**
 * The whole pipeline for a set of logs: each source is streamed through decoding and parsing (a
 * few at a time: parse/parse-sources.ts), failed builds are diagnosed against the signature catalog,
 * then all builds are analysed together. The action and the CLI both call this.
 */
async function analyzeSources(sources, options, catalog = builtinSignatures(), sizes = null) {
    const builds = [];
    const problems = [];
    // The catalog decides which lines are kept for the diagnosis, the team's own signatures included.
    const selector = lineSelectorFor(catalog);
    for (const parsed of await parseSources(sources, selector)) {
        builds.push(...parsed.builds);
        problems.push(...parsed.problems);
    }
    // Image sizes come from the registry, not the log: measured when asked, before the analysis.
    if (sizes)
        await measureBuildImages(builds, sizes);
    const diagnosis = await diagnoseBuilds(builds, catalog);
    problems.push(...diagnosis.problems.map((message) => ({ source: 'signatures', message })));
    return analyze(builds, problems, options, { diagnosis, catalog });
}

;// CONCATENATED MODULE: ./src/input/log-source.ts



const CHUNK_BYTES = 64 * 1024;
function fileSource(path) {
    return {
        label: path,
        async open() {
            let info;
            try {
                info = await (0,promises_namespaceObject.stat)(path);
            }
            catch (error) {
                const code = error.code;
                if (code === 'ENOENT')
                    throw new InputError(`${path}: no such file`);
                if (code === 'EACCES')
                    throw new InputError(`${path}: permission denied`);
                throw new InputError(`${path}: cannot read (${code ?? 'unknown error'})`);
            }
            if (info.isDirectory())
                throw new InputError(`${path}: is a directory, not a log file`);
            const stream = (0,external_node_fs_namespaceObject.createReadStream)(path, { highWaterMark: CHUNK_BYTES });
            return withReadErrors(stream, path);
        },
    };
}
function stdinSource(stdin = process.stdin) {
    return {
        label: '-',
        async open() {
            return withReadErrors(stdin, 'standard input');
        },
    };
}
/** A source over text already in memory (tests, small API responses). */
function textSource(label, text) {
    return {
        label,
        async open() {
            return [typeof text === 'string' ? Buffer.from(text, 'utf8') : text];
        },
    };
}
async function* withReadErrors(stream, label) {
    try {
        yield* stream;
    }
    catch (error) {
        const code = error.code;
        throw new InputError(`${label}: read failed (${code ?? error.message})`);
    }
}

;// CONCATENATED MODULE: ./src/report/format.ts


function formatRatio(ratio) {
    return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}
function formatCache(hits, misses, ratio) {
    if (ratio === null)
        return '—';
    return `${hits}/${hits + misses} (${formatRatio(ratio)})`;
}
/** `sha256:1564b5e107af…f27e`: enough to recognise, short enough for a table. */
function shortDigest(digest) {
    if (!digest)
        return '—';
    const match = /^sha256:([0-9a-f]{64})$/.exec(digest);
    return match ? `sha256:${match[1].slice(0, 12)}…${match[1].slice(-4)}` : digest;
}
const STATUS_ICON = { success: '✅', failure: '❌', canceled: '⏹️', unknown: '❔' };
const SEVERITY_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/** `+32 s`, `−1.2 min`, `±0 s`. */
function signedDuration(seconds) {
    if (seconds === null)
        return '—';
    if (seconds === 0)
        return '±0 s';
    return `${seconds > 0 ? '+' : '−'}${formatDuration(Math.abs(seconds))}`;
}
/** A change of ratio in percentage points: `−40 pts`. */
function signedPoints(change) {
    if (change === null)
        return '—';
    const points = Math.round(change * 100);
    if (points === 0)
        return '±0 pts';
    return `${points > 0 ? '+' : '−'}${Math.abs(points)} pts`;
}

;// CONCATENATED MODULE: ./src/version.ts
// Kept in step with package.json by a test (bundles cannot read package.json at run time).
const TOOL_NAME = 'buildx-doctor';
const TOOL_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/report/image-sizes.ts



/**
 * The image size table (per build, image and platform, with the change against the baseline), and
 * one line for each image whose size could not be had. Empty when no size was measured.
 */
function imageSizeSection(builds, heading = '### Image sizes') {
    const rows = [];
    const unavailable = [];
    for (const { build } of builds) {
        for (const image of build.images) {
            if (image.sizeUnavailable)
                unavailable.push(`- ${escapeText(build.name)}: ${inlineCode(image.ref, 120)}: ${escapeText(redact(image.sizeUnavailable))}`);
            for (const platform of image.platforms ?? []) {
                const change = platform.baselineBytes === null ? '—' : formatByteDelta(platform.compressedBytes, platform.baselineBytes);
                const baseline = platform.baselineBytes === null ? '—' : formatBytes(platform.baselineBytes);
                rows.push(`| ${escapeCell(build.name)} | ${inlineCode(image.ref, 80)} | ${escapeCell(platform.platform)} | ${formatBytes(platform.compressedBytes)} | ${baseline} | ${change} |`);
            }
        }
    }
    if (rows.length === 0 && unavailable.length === 0)
        return '';
    const table = rows.length ? ['| Build | Image | Platform | Compressed | Baseline | Change |', '|---|---|---|---:|---:|---:|', ...rows].join('\n') : '';
    return [heading, table, unavailable.join('\n')].filter(Boolean).join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/verdict.ts



function verdictOf(analysis) {
    return { happened: happened(analysis), time: timeLine(analysis), change: change(analysis) };
}
/** The group that answers "why": the first failure, else the cause that cost the most time. */
function mainCause(analysis) {
    const failure = analysis.groups.find((g) => g.severity === 'error');
    if (failure)
        return failure;
    const costly = analysis.groups.filter((g) => g.lostSeconds !== null && g.severity !== 'notice');
    // Measured against a native twin, emulation is a fact; a cold cache's cost is an upper bound.
    return costly.find((g) => g.id === 'qemu-emulation') ?? costly.sort((a, b) => b.lostSeconds - a.lostSeconds)[0] ?? null;
}
function names(list) {
    return list.map((n) => `**${escapeText(n)}**`).join(', ');
}
function happened(analysis) {
    const builds = analysis.builds.map((b) => b.build);
    if (builds.length === 0)
        return 'No build was found in the input.';
    const failed = builds.filter((b) => b.status === 'failure');
    const canceled = builds.filter((b) => b.status === 'canceled');
    if (failed.length === 0 && canceled.length === 0) {
        const warnings = analysis.groups.filter((g) => g.severity === 'warning').length;
        const all = builds.length === 1 ? 'The build succeeded' : `All ${builds.length} builds succeeded`;
        return `${all}${warnings ? `, with ${warnings} warning${warnings === 1 ? '' : 's'} below` : ''}.`;
    }
    const parts = [];
    const cause = analysis.groups.find((g) => g.severity === 'error');
    if (failed.length > 0) {
        const more = failed.length > 1 ? ` (${failed.length} builds failed)` : '';
        parts.push(cause ? `${names(cause.builds)} failed: ${escapeText(redact(cause.title))}${more}` : `${names(failed.map((b) => b.name))} failed`);
    }
    if (canceled.length > 0)
        parts.push(`${names(canceled.map((b) => b.name))} ${canceled.length === 1 ? 'was' : 'were'} canceled${failed.length ? ' after it' : ''}`);
    return `${parts.join('; ')}.`;
}
function timeLine(analysis) {
    const spans = analysis.builds.map((b) => b.build.jobSeconds ?? b.build.buildSeconds).filter((s) => s !== null);
    if (spans.length === 0)
        return null;
    const wall = Math.max(...spans);
    const runner = spans.reduce((a, b) => a + b, 0);
    const jobs = spans.length > 1 ? `, ${(runner / 60).toFixed(1)} runner minutes over ${spans.length} jobs` : '';
    const wallText = `${formatDuration(wall)} wall time${spans.length > 1 ? ' (the longest job)' : ''}${jobs}`;
    const cause = mainCause(analysis);
    if (cause?.id === 'qemu-emulation' && cause.lostSeconds) {
        const platform = cause.findings[0].data?.platform ?? 'the emulated platform';
        return `${wallText}; ${formatDuration(cause.lostSeconds)} of it (${share(cause.lostSeconds, runner)}) went to ${escapeText(String(platform))} under QEMU emulation.`;
    }
    if (cause?.id === 'cache-miss' && cause.lostSeconds) {
        return `${wallText}; up to ${formatDuration(cause.lostSeconds)} (${share(cause.lostSeconds, runner)}) went to steps a warm cache would have skipped.`;
    }
    return `${wallText}.`;
}
function share(part, whole) {
    return `${Math.min(100, Math.round((part / whole) * 100))}%`;
}
function change(analysis) {
    const cause = mainCause(analysis);
    if (!cause)
        return analysis.groups.length === 0 && analysis.builds.length > 0 ? 'Nothing to change.' : null;
    if (cause.id === 'qemu-emulation') {
        const platform = String(cause.findings[0].data?.platform ?? 'the emulated platform');
        const arch = platform.split('/')[1] ?? platform;
        // The how (runner labels, pushing by digest) is in the finding's advice, said once there.
        return `Build ${escapeText(platform)} on native ${escapeText(arch)} runners instead of under QEMU emulation (how: the first finding below).`;
    }
    return firstLine(cause.fix);
}
/** The first sentence-like line of a fix: what to do, in one line. */
function firstLine(fix) {
    const line = fix
        .split('\n')
        .map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').trim())
        .find((l) => l !== '' && !l.startsWith('```') && !l.startsWith('|') && !l.startsWith('<'));
    return line ?? null;
}

;// CONCATENATED MODULE: ./src/github/step-lines.ts
/** The runner's timestamp at the start of every job log line: `2025-09-24T01:02:03.1234567Z `. */
// Read as latin1 (one byte a character), so a UTF-8 byte-order mark shows as `ï»¿`.
const TIMESTAMP = /^(?:\u00EF\u00BB\u00BF)?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?Z /;
/** Enough of a line to hold its timestamp. */
const HEAD_BYTES = 48;
/**
 * Learns, while a job log streams by, the line each step's output starts on. A job log is one file,
 * but GitHub's links to its lines (`/job/ID#step:N:L`) count lines within a step; the API gives each
 * step's start time, and each log line carries its time, so the first line at or after a step's start
 * is where the step begins. Line numbers are counted as the line reader counts them (by `\n`).
 */
class StepLineIndex {
    pending;
    found = [];
    lineNo = 0;
    head = '';
    headDone = false;
    constructor(steps) {
        this.pending = steps
            .filter((s) => s.startedAt !== null && Number.isFinite(Date.parse(s.startedAt)))
            .map((s) => ({ number: s.number, name: s.name, start: Math.floor(Date.parse(s.startedAt) / 1000) }))
            .sort((a, b) => a.number - b.number);
    }
    /** Passes the chunks through unchanged, reading the start of each line on the way. */
    async *watch(chunks) {
        this.lineNo = 1;
        for await (const chunk of chunks) {
            this.scan(chunk);
            yield chunk;
        }
        this.endLine();
    }
    /** The steps found, in line order. */
    starts() {
        return [...this.found];
    }
    /** The step a line of the log belongs to: the last one that started at or before it. */
    static stepOf(steps, line) {
        let best = null;
        for (const step of steps ?? [])
            if (step.firstLine <= line && (!best || step.firstLine >= best.firstLine))
                best = step;
        return best;
    }
    scan(chunk) {
        let from = 0;
        while (from <= chunk.length) {
            const newline = chunk.indexOf(0x0a, from);
            const end = newline === -1 ? chunk.length : newline;
            if (!this.headDone && this.head.length < HEAD_BYTES)
                this.head += chunk.subarray(from, Math.min(end, from + HEAD_BYTES - this.head.length)).toString('latin1');
            if (!this.headDone && this.head.length >= HEAD_BYTES)
                this.endHead();
            if (newline === -1)
                break;
            this.endLine();
            this.lineNo++;
            from = newline + 1;
        }
    }
    endLine() {
        if (!this.headDone)
            this.endHead();
        this.head = '';
        this.headDone = false;
    }
    /** The line's time is known: every step that started by then (the last of them owns the line). */
    endHead() {
        this.headDone = true;
        const match = TIMESTAMP.exec(this.head);
        if (!match || this.pending.length === 0)
            return;
        const seconds = Math.floor(Date.parse(`${match[1]}Z`) / 1000);
        let owner = null;
        // The first line of the log belongs to the first step even if its time is a hair earlier.
        while (this.pending.length > 0 && (seconds >= this.pending[0].start || (this.found.length === 0 && owner === null && this.lineNo === 1))) {
            owner = this.pending.shift();
        }
        if (owner)
            this.found.push({ number: owner.number, name: owner.name, firstLine: this.lineNo });
    }
}

;// CONCATENATED MODULE: ./src/report/links.ts

/**
 * A link to a line of a job's log on GitHub (`.../job/ID#step:N:L`), when the log came from the API
 * and the line's step is known; else the job's page, else null.
 */
function logLineUrl(build, line) {
    if (!build?.jobUrl)
        return null;
    const step = StepLineIndex.stepOf(build.jobSteps, line);
    return step ? `${build.jobUrl}#step:${step.number}:${line - step.firstLine + 1}` : build.jobUrl;
}
/** The build a finding is about, by name. */
function buildNamed(analysis, name) {
    return name === null ? undefined : analysis.builds.find((b) => b.build.name === name)?.build;
}

;// CONCATENATED MODULE: ./src/report/finding-block.ts





/** `⏹️ runtime, engine: canceled after operate-ui failed`: a canceled job is a consequence, one line. */
function canceledLine(group) {
    return `${STATUS_ICON.canceled} ${escapeText(redact(group.title))}`;
}
/** Kinds whose group title already says how many builds it is about. */
const COUNTED = new Set(['qemu-emulation', 'cache-miss', 'slow-build']);
/** The headline: the title, after the builds it is about (unless a group's title counts them). */
function headline(group) {
    const title = escapeText(redact(group.title));
    if (group.findings.length > 1 && COUNTED.has(group.id))
        return title;
    const builds = group.builds.filter(Boolean);
    return builds.length ? `${builds.map(escapeText).join(', ')}: ${title}` : title;
}
function findingBlock(group, analysis, options) {
    const first = group.findings[0];
    const out = [`${options.heading} ${SEVERITY_ICON[group.severity]} ${headline(group)}`];
    const places = placesOf(group.findings, options.fileUrl);
    if (places)
        out.push(`**Points at** ${places}`);
    if (group.table && options.details)
        out.push(table(group.table));
    // The same failure in several builds: the first build's lines show it.
    const evidence = group.findings.length === 1 || !COUNTED.has(group.id) ? evidenceOf(first, options.maxEvidence) : [];
    const unfolded = evidence.slice(0, options.unfoldedEvidence);
    const folded = evidence.slice(options.unfoldedEvidence);
    if (unfolded.length > 0)
        out.push(codeBlock(unfolded.map(quoteLine)) + sourceNote(first, unfolded[0], analysis));
    const diff = typeof first.data?.diff === 'string' && first.data.diff.trim() ? codeBlock(first.data.diff.split('\n'), 'diff') : '';
    const more = [];
    if (options.fullFix || !firstLine(group.fix)) {
        out.push(group.fix);
        if (diff)
            out.push(diff);
    }
    else {
        const fixLine = firstLine(group.fix);
        out.push(`**Fix:** ${fixLine}`);
        if (diff)
            out.push(diff);
        const rest = group.fix.replace(/^[\s\S]*?\n/, '').trim();
        if (group.fix.includes('\n') && rest)
            more.push(rest);
    }
    if (folded.length > 0)
        more.push(codeBlock(folded.map(quoteLine)));
    if (options.details && group.findings.length > 1 && COUNTED.has(group.id)) {
        const perBuild = group.findings
            .map((f) => ({ f, lines: evidenceOf(f, 6) }))
            .filter(({ lines }) => lines.length > 0)
            .map(({ f, lines }) => `${escapeText(f.build ?? '')}${sourceNote(f, lines[0], analysis)}\n\n${codeBlock(lines.map(quoteLine))}`);
        more.push(...perBuild);
    }
    if (more.length > 0) {
        const what = folded.length > 0 || group.findings.length > 1 ? 'More from the log' : 'More';
        out.push(`<details><summary>${what}</summary>\n\n${more.join('\n\n')}\n\n</details>`);
    }
    return out.join('\n\n');
}
/** The evidence in log order, each line once. */
function evidenceOf(finding, max) {
    const seen = new Set();
    return [...finding.evidence]
        .sort((a, b) => a.line - b.line)
        .filter((e) => !seen.has(e.line) && seen.add(e.line))
        .slice(0, max);
}
function quoteLine(e) {
    return `${String(e.line).padStart(5)}: ${truncate(redact(e.text), 400)}`;
}
/**
 * Where the quoted lines come from: a link to the first one in the job's log on GitHub when the log
 * came from the API, else the file's name (never a runner's absolute path).
 */
function sourceNote(finding, first, analysis) {
    const build = buildNamed(analysis, finding.build);
    const url = logLineUrl(build, first.line);
    if (url)
        return `\n<sub>[Line ${first.line} of the job's log](${url})</sub>`;
    const file = finding.source ? finding.source.split(/[\\/]/).pop() : null;
    return file && file !== '-' ? `\n<sub>Lines of ${escapeText(file)}</sub>` : '';
}
function placesOf(findings, fileUrl) {
    const seen = new Set();
    const links = [];
    for (const place of findings.flatMap((f) => f.locations ?? []).filter((l) => l.verified)) {
        const key = `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const label = inlineCode(key);
        const url = fileUrl?.(place.file, place.line) ?? null;
        links.push(url ? `[${label}](${url})` : label);
    }
    return links.join(', ');
}
function table({ columns, rows }) {
    // A step is quoted as code; the numbers are right-aligned.
    const code = columns.findIndex((c) => /step/i.test(c));
    return [
        `| ${columns.join(' | ')} |`,
        `|${columns.map((_, i) => (i === 0 || i === code ? '---' : '---:')).join('|')}|`,
        ...rows.map((row) => `| ${row.map((cell, i) => (i === code && cell ? inlineCode(cell, 70) : escapeCell(cell))).join(' | ')} |`),
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/gantt.ts

const DEFAULT_GANTT = { maxTasksPerSection: 6 };
/** Steps shorter than this are never drawn alone. */
const MIN_DRAWN_SECONDS = 1;
/** Steps under this share of the build are merged with their neighbours (they would be a sliver). */
const TINY_SHARE = 0.01;
const MAX_LABEL = 48;
function ganttChart(build, options = DEFAULT_GANTT) {
    const tasks = schedule(build);
    if (tasks.length === 0)
        return null;
    const sections = new Map();
    for (const task of tasks)
        sections.set(task.section, [...(sections.get(task.section) ?? []), task]);
    const lines = ['gantt', `  title ${mermaidText(build.name, 60)}`, '  dateFormat HH:mm:ss', '  axisFormat %H:%M', '  todayMarker off'];
    let id = 0;
    const makespan = Math.max(...tasks.map((t) => t.start + t.seconds));
    for (const [section, sectionTasks] of sections) {
        lines.push(`  section ${mermaidText(section, 40)}`);
        for (const task of bucket(sectionTasks, options.maxTasksPerSection, Math.max(MIN_DRAWN_SECONDS, makespan * TINY_SHARE))) {
            const label = `${mermaidText(task.label, MAX_LABEL)} (${task.note ?? formatDuration(task.seconds)})`;
            lines.push(`    ${label} :${task.crit ? 'crit, ' : ''}t${++id}, ${clock(task.start)}, ${Math.max(1, Math.round(task.seconds))}s`);
        }
    }
    return lines.join('\n');
}
function schedule(build) {
    const steps = build.steps.filter((s) => s.kind === 'instruction' && (s.seconds !== null || s.status === 'error' || s.status === 'running'));
    if (steps.length === 0)
        return [];
    const chains = new Map();
    const stages = new Set(steps.map((s) => s.stage).filter((s) => s !== null));
    for (const step of [...steps].sort((a, b) => (a.index ?? 0) - (b.index ?? 0) || a.line - b.line)) {
        const chain = chainOf(step.platform, step.stage);
        const deps = stageRefs(step.command)
            .filter((name) => stages.has(name) && name !== step.stage)
            .map((name) => chainOf(step.platform, name));
        chains.set(chain, [...(chains.get(chain) ?? []), { step, chain, deps, start: 0, end: 0, crit: false }]);
    }
    // Each chain is timed once; a chain waits for the chains it copies from (a cycle is broken).
    const done = new Map();
    const visiting = new Set();
    const time = (key) => {
        const known = done.get(key);
        if (known !== undefined)
            return known;
        if (visiting.has(key))
            return 0;
        visiting.add(key);
        let clockAt = 0;
        for (const node of chains.get(key) ?? []) {
            node.start = Math.max(clockAt, ...node.deps.map((dep) => (chains.has(dep) ? time(dep) : 0)));
            node.end = node.start + durationOf(node.step);
            clockAt = node.end;
        }
        visiting.delete(key);
        done.set(key, clockAt);
        return clockAt;
    };
    for (const key of chains.keys())
        time(key);
    const nodes = [...chains.values()].flat();
    markCritical(nodes, chains);
    const tasks = nodes.map((n) => ({
        label: labelOf(n.step),
        section: n.step.platform ?? 'build',
        start: n.start,
        seconds: n.end - n.start,
        crit: n.crit,
        note: noteOf(n.step),
    }));
    // The exporters (image, cache) run after the last step.
    let at = Math.max(...nodes.map((n) => n.end));
    for (const step of build.steps.filter((s) => (s.kind === 'export' || s.kind === 'cache-export') && s.seconds !== null)) {
        tasks.push({ label: step.name, section: 'export', start: at, seconds: step.seconds, crit: true });
        at += step.seconds;
    }
    return tasks.sort((a, b) => a.start - b.start);
}
/** From the step that ends last back to the start: each step's predecessor is what it waited for. */
function markCritical(nodes, chains) {
    let current = nodes.reduce((a, b) => (b.end > a.end ? b : a));
    for (let guard = 0; guard < nodes.length; guard++) {
        current.crit = true;
        if (current.start <= 0)
            return;
        const chain = chains.get(current.chain);
        const before = chain[chain.indexOf(current) - 1];
        const dep = current.deps.map((d) => chains.get(d)?.at(-1)).find((last) => last && last.end === current.start);
        const next = dep ?? (before && before.end === current.start ? before : undefined);
        if (!next)
            return;
        current = next;
    }
}
/**
 * Many short steps merged into one bar, so that the long ones stay readable: neighbouring slivers
 * first, then, past `max` bars, everything but the longest.
 */
function bucket(tasks, max, tiny) {
    const drawn = tasks.filter((t) => t.seconds >= MIN_DRAWN_SECONDS || t.crit);
    const merged = mergeRuns(drawn, (t) => t.seconds >= tiny);
    if (merged.length <= max)
        return merged;
    const keep = new Set([...merged].sort((a, b) => b.seconds - a.seconds).slice(0, max - 1));
    return mergeRuns(merged, (t) => keep.has(t));
}
/** Consecutive tasks that are not kept become one bar from the first start to the last end. */
function mergeRuns(tasks, kept) {
    const out = [];
    let run = [];
    const flush = () => {
        if (run.length === 1)
            out.push(run[0]);
        if (run.length > 1) {
            const start = Math.min(...run.map((t) => t.start));
            const end = Math.max(...run.map((t) => t.start + t.seconds));
            const count = run.reduce((n, t) => n + (t.merged ?? 1), 0);
            out.push({ label: `${count} shorter steps`, section: run[0].section, start, seconds: end - start, crit: run.some((t) => t.crit), merged: count });
        }
        run = [];
    };
    for (const task of tasks) {
        if (kept(task)) {
            flush();
            out.push(task);
        }
        else
            run.push(task);
    }
    flush();
    return out;
}
function chainOf(platform, stage) {
    return `${platform ?? ''}|${stage ?? ''}`;
}
/** Stages a step reads from: `COPY --from=builder`, `RUN --mount=type=cache,from=deps`. */
function stageRefs(command) {
    return [...command.matchAll(/(?:--from=|[,\s]from=)([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
}
/** A failed or unfinished step is drawn one second long: it started, its end is unknown. */
function durationOf(step) {
    return step.seconds ?? 1;
}
function noteOf(step) {
    if (step.status === 'error')
        return step.seconds === null ? 'failed' : `failed after ${formatDuration(step.seconds)}`;
    if (step.seconds === null)
        return 'did not finish';
    return undefined;
}
function labelOf(step) {
    return step.instruction ? `${step.instruction} ${step.command}` : step.name;
}
/** Seconds from the start as a clock time (`01:02:03`), the chart's date format. */
function clock(seconds) {
    const s = Math.min(Math.round(seconds), 24 * 3600 - 1);
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}
/** Words Mermaid's gantt grammar reads as statements when a line starts with them. */
const KEYWORDS = /^(gantt|title|section|dateformat|axisformat|tickinterval|todaymarker|excludes|includes|inclusiveenddates|topaxis|weekday|weekend|click|accTitle|accDescr)\b/i;
/**
 * Text that cannot break a gantt line: `:` ends a task's name, `#` and `%%` start comments, `;` ends a
 * statement, backticks could close the code fence, and Mermaid reads `<...>` as HTML.
 */
function mermaidText(text, max) {
    let clean = text
        .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
        .replace(/:/g, '∶')
        .replace(/;/g, ',')
        .replace(/#/g, '♯')
        .replace(/%/g, '٪')
        .replace(/`/g, "'")
        .replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›'))
        .replace(/[{}[\]"]/g, (c) => ({ '{': '(', '}': ')', '[': '(', ']': ')', '"': "'" })[c])
        .replace(/&/g, '+')
        .replace(/\s+/g, ' ')
        .trim();
    if (clean.length > max)
        clean = `${clean.slice(0, max - 1).trimEnd()}…`;
    if (KEYWORDS.test(clean))
        clean = `· ${clean}`;
    return clean || '·';
}

;// CONCATENATED MODULE: ./src/report/baseline-section.ts




// "Against the baseline": how each build compares with the baseline's, and where its cache broke.
// Every value that comes from a log (instructions, names, BuildKit's warnings) is escaped here.
/** In the PR comment: rows of the table and cache break sentences shown, the rest counted. */
const COMPACT_ROWS = 10;
const COMPACT_BREAKS = 5;
/**
 * Empty without a baseline: a build's own chain break is already a finding (`cache-miss`); the JSON
 * report still has its `cacheBreak`.
 */
function baselineSection(analysis, options) {
    const comparison = analysis.comparison;
    if (!comparison?.hasBaseline)
        return '';
    const pairs = analysis.builds
        .map((b, i) => ({ head: b, compared: comparison.builds[i] }))
        .filter((p) => p.compared !== undefined);
    const breaks = pairs.filter((p) => p.compared.cacheBreak);
    const compared = pairs.filter((p) => p.compared.baseline);
    if (compared.length === 0 && breaks.length === 0)
        return comparison.note ? [options.heading, `<sub>${escapeText(comparison.note)}</sub>`].join('\n\n') : '';
    const many = analysis.builds.length > 1;
    const blocks = [options.heading];
    const about = comparison.baselineLabel ? `Baseline: ${escapeText(redact(comparison.baselineLabel))}` : '';
    const sub = [about, comparison.note ? escapeText(comparison.note) : ''].filter(Boolean).join(' · ');
    if (sub)
        blocks.push(`<sub>${sub}</sub>`);
    if (options.compact) {
        // A comment stays short for a big matrix: the job summary has every build.
        if (compared.length > 0)
            blocks.push(compactTable(compared.slice(0, COMPACT_ROWS)) +
                (compared.length > COMPACT_ROWS ? `\n\n…and ${compared.length - COMPACT_ROWS} more builds in the job summary.` : ''));
        const sentences = breaks
            .slice(0, COMPACT_BREAKS)
            .map((p) => `- ${cacheBreakSentence(p.compared.cacheBreak, many ? p.head.build.name : null, options.fileUrl)}`);
        if (breaks.length > COMPACT_BREAKS)
            sentences.push(`- …and ${breaks.length - COMPACT_BREAKS} more in the job summary`);
        if (sentences.length > 0)
            blocks.push(sentences.join('\n'));
        return blocks.join('\n\n');
    }
    for (const { head, compared: c } of pairs) {
        if (!c.baseline && !c.cacheBreak)
            continue;
        const parts = [];
        if (many)
            parts.push(`**${escapeText(head.build.name)}**${c.baseline && c.baseline.name !== head.build.name ? ` against ${escapeText(c.baseline.name)}` : ''}`);
        if (c.baseline && c.deltas)
            parts.push(buildTable(head, c));
        if (c.cacheBreak)
            parts.push(`${cacheBreakSentence(c.cacheBreak, null, options.fileUrl)}\n<sub>${escapeText(redact(c.cacheBreak.detail))}</sub>`);
        if (c.deltas) {
            const slower = c.deltas.slowerSteps.map((s) => `- ${inlineCode(redact(`${s.step} ${s.instruction}`), 120)}: ${formatDuration(s.baselineSeconds)} → ${formatDuration(s.seconds)}`);
            if (slower.length)
                parts.push(['Much slower than in the baseline:', ...slower].join('\n'));
            const findings = [
                c.deltas.newFindings.length ? `new: ${c.deltas.newFindings.map((id) => inlineCode(id, 60)).join(', ')}` : '',
                c.deltas.goneFindings.length ? `gone: ${c.deltas.goneFindings.map((id) => inlineCode(id, 60)).join(', ')}` : '',
            ].filter(Boolean);
            if (findings.length)
                parts.push(`Findings against the baseline: ${findings.join('; ')}`);
            if (c.deltas.baselineDigests.length) {
                const lines = c.deltas.baselineDigests.map((d) => redact(`${d.ref.replace(/(@.*|:[^:/]*)$/, '')}@${d.digest}`));
                parts.push(`<details><summary>The baseline's digests</summary>\n\n${codeBlock(lines, 'text')}\n\n</details>`);
            }
        }
        blocks.push(parts.join('\n\n'));
    }
    return blocks.join('\n\n');
}
/** `Cache broke at [4/6] RUN cargo build (Dockerfile:12): build-arg-changed; 3 steps rebuilt, 2.2 min lost.` */
function cacheBreakSentence(cacheBreak, build, fileUrl) {
    let where = '';
    if (cacheBreak.dockerfile && cacheBreak.dockerfileLine !== null) {
        const text = `${escapeText(cacheBreak.dockerfile)}:${cacheBreak.dockerfileLine}`;
        const url = fileUrl?.(cacheBreak.dockerfile, cacheBreak.dockerfileLine) ?? null;
        where = ` (${url ? `[${text}](${url})` : text})`;
    }
    const who = build ? `${escapeText(build)}: c` : 'C';
    const steps = `${cacheBreak.rebuiltSteps} step${cacheBreak.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${formatDuration(cacheBreak.secondsLost)} lost`;
    return `${who}ache broke at ${inlineCode(redact(`${cacheBreak.step} ${cacheBreak.instruction}`), 160)}${where}: **${cacheBreak.reason}**; ${steps}.`;
}
function buildTable(head, c) {
    const d = c.deltas;
    const base = c.baseline;
    const rows = [];
    const row = (what, now, before, change) => rows.push(`| ${what} | ${now} | ${before} | ${change} |`);
    if (head.build.buildSeconds !== null || base.buildSeconds !== null)
        row('Build time', formatDuration(head.build.buildSeconds), formatDuration(base.buildSeconds), signedDuration(d.buildSeconds));
    if (d.jobSeconds !== null)
        row('Job time', formatDuration(head.build.jobSeconds), formatDuration(base.jobSeconds), signedDuration(d.jobSeconds));
    row('Cache hits', formatCache(head.cache.hits, head.cache.misses, head.cache.ratio), formatRatio(base.cacheRatio), signedPoints(d.cacheRatio));
    for (const p of d.platformSeconds) {
        const change = p.seconds !== null && p.baselineSeconds !== null ? signedDuration(Math.round((p.seconds - p.baselineSeconds) * 10) / 10) : '—';
        row(`Steps${p.platform === 'default' ? '' : ` ${escapeCell(p.platform)}`}`, formatDuration(p.seconds), formatDuration(p.baselineSeconds), change);
    }
    for (const s of d.imageSizes)
        row(`Image ${escapeCell(s.platform)}`, formatBytes(s.bytes), formatBytes(s.baselineBytes), formatByteDelta(s.bytes, s.baselineBytes));
    return ['| | This run | Baseline | Change |', '|---|---:|---:|---:|', ...rows].join('\n');
}
function compactTable(pairs) {
    // Without times in the logs (plain progress has no timestamps) the column is left out, not dashed.
    const timed = pairs.some(({ head }) => head.build.buildSeconds !== null);
    const rows = pairs.map(({ head, compared }) => {
        const d = compared.deltas;
        const time = head.build.buildSeconds === null
            ? '—'
            : `${formatDuration(head.build.buildSeconds)}${d.buildSeconds === null ? '' : ` (${signedDuration(d.buildSeconds)})`}`;
        const cache = `${formatRatio(head.cache.ratio)}${d.cacheRatio === null ? '' : ` (${signedPoints(d.cacheRatio)})`}`;
        return `| ${escapeCell(head.build.name)} |${timed ? ` ${time} |` : ''} ${cache} |`;
    });
    const head = timed ? ['| Build | Build time (change) | Cache hits (change) |', '|---|---:|---:|'] : ['| Build | Cache hits (change) |', '|---|---:|'];
    return [...head, ...rows].join('\n');
}

;// CONCATENATED MODULE: ./src/report/markdown-summary.ts









const DEFAULT_MARKDOWN_OPTIONS = { maxBytes: 900 * 1024, maxFindings: 30, maxEvidenceLines: 25 };
/** Charts drawn; past this many builds the table and the JSON report have the rest. */
const MAX_CHARTS = 12;
/** Lines of a failing step's own error shown unfolded. */
const UNFOLDED_EVIDENCE = 8;
/**
 * The job summary (exactly what `--format markdown` prints). It opens with the verdict (what happened,
 * where the time went, the one change that helps most), then the findings, root cause first, each
 * kind once; then the builds, their timelines, and the pushed images.
 */
function renderMarkdown(analysis, options = DEFAULT_MARKDOWN_OPTIONS) {
    // Each block with its priority for the size limit (lower is kept first): the failure and its fix
    // matter more than the timelines.
    const blocks = [];
    const add = (text, priority) => {
        if (text)
            blocks.push({ text, priority });
    };
    const verdict = verdictOf(analysis);
    add(`## ${STATUS_ICON[analysis.status]} ${verdict.happened}`, 0);
    if (verdict.time)
        add(`⏱️ ${verdict.time}`, 0);
    if (verdict.change)
        add(`💡 ${verdict.change}`, 0);
    const source = [options.note ? escapeText(options.note) : '', options.runUrl ? `[The run](${options.runUrl})` : ''].filter(Boolean).join(' · ');
    add(`<sub>${TOOL_NAME}${source ? ` · ${source}` : ''}</sub>`, 1);
    if (options.baseline)
        add(`<sub>${escapeText(redact(options.baseline.text))}${options.baseline.url ? ` · [The baseline run](${options.baseline.url})` : ''}</sub>`, 1);
    if (analysis.problems.length > 0) {
        add(analysis.problems.map((p) => `> [!WARNING]\n> ${escapeText(redact(p.message))}`).join('\n\n'), 1);
    }
    findingsSection(analysis, options).forEach((block, index) => add(block, index <= 1 ? 1 : 2));
    add(baselineSection(analysis, { compact: false, heading: '### Against the baseline', fileUrl: options.fileUrl }), 2);
    if (analysis.builds.length > 0) {
        add(markdown_summary_buildTable(analysis), 3);
        add(imagesFold(analysis.builds), 4);
        add(imageSizeSection(analysis.builds), 4);
        timelines(analysis.builds).forEach((block) => add(block, 5));
    }
    return fitToSize(blocks, options.maxBytes);
}
/** The findings as separate blocks, so that cutting for size never splits one. */
function findingsSection(analysis, options) {
    // The comment's order: failures, then the jobs they took down, then the rest.
    const groups = [
        ...analysis.groups.filter((g) => g.severity === 'error'),
        ...analysis.groups.filter((g) => g.severity !== 'error' && g.id === 'canceled'),
        ...analysis.groups.filter((g) => g.severity !== 'error' && g.id !== 'canceled'),
    ];
    if (groups.length === 0)
        return [];
    const shown = groups.slice(0, options.maxFindings);
    const blocks = ['### Findings'];
    for (const group of shown) {
        if (group.id === 'canceled')
            blocks.push(canceledLine(group));
        else
            blocks.push(findingBlock(group, analysis, {
                heading: '####',
                unfoldedEvidence: UNFOLDED_EVIDENCE,
                maxEvidence: options.maxEvidenceLines,
                fullFix: true,
                details: true,
                fileUrl: options.fileUrl,
            }));
    }
    if (groups.length > shown.length)
        blocks.push(`…and ${groups.length - shown.length} more findings in the JSON report.`);
    return blocks;
}
function markdown_summary_buildTable(analysis) {
    const builds = analysis.builds;
    // A column the logs say nothing about (no timestamps in a plain log) is left out, not filled with dashes.
    const columns = [
        { head: 'Build', align: '---', cell: (b) => escapeCell(b.build.name), shown: true },
        { head: 'Status', align: '---', cell: (b) => `${STATUS_ICON[b.build.status]} ${b.build.status}`, shown: true },
        { head: 'Job time', align: '---:', cell: (b) => formatDuration(b.build.jobSeconds), shown: builds.some((b) => b.build.jobSeconds !== null) },
        { head: 'Build time', align: '---:', cell: (b) => formatDuration(b.build.buildSeconds), shown: builds.some((b) => b.build.buildSeconds !== null) },
        { head: 'Cache hits', align: '---:', cell: (b) => cacheCell(b.build, b.cache), shown: true },
        { head: 'Steps', align: '---:', cell: (b) => String(b.build.steps.filter((s) => s.kind === 'instruction').length), shown: true },
        { head: 'Step time per platform', align: '---', cell: platformTimes, shown: builds.some((b) => Object.keys(b.timing.platformSeconds).length > 0) },
        { head: 'Log', align: '---', cell: (b) => (b.build.jobUrl ? `[job](${b.build.jobUrl})` : ''), shown: builds.some((b) => b.build.jobUrl) },
    ];
    const shown = columns.filter((c) => c.shown);
    return [
        '### Builds',
        '',
        `| ${shown.map((c) => c.head).join(' | ')} |`,
        `|${shown.map((c) => c.align).join('|')}|`,
        ...builds.map((b) => `| ${shown.map((c) => c.cell(b)).join(' | ')} |`),
    ].join('\n');
}
/** A build that stopped before any step has no cache to speak of: say so instead of a dash. */
function cacheCell(build, cache) {
    if (cache.ratio === null)
        return build.steps.some((s) => s.kind === 'instruction') ? 'nothing cacheable' : 'no step ran';
    return formatCache(cache.hits, cache.misses, cache.ratio);
}
function platformTimes({ timing, build }) {
    const entries = Object.entries(timing.platformSeconds);
    const steps = entries.length === 1 && entries[0][0] === 'default' ? [formatDuration(entries[0][1])] : entries.map(([p, s]) => `${escapeText(p)} ${formatDuration(s)}`);
    const cache = build.cache.exports.length > 0
        ? [`cache export ${formatDuration(timing.cacheExportSeconds)}${timing.cacheExportShare !== null ? ` (${formatRatio(timing.cacheExportShare)})` : ''}`]
        : [];
    return [...steps, ...cache].join(', ');
}
/** Pushed tags and full digests, folded, ready to copy into `docker pull`. */
function imagesFold(builds) {
    const lines = [];
    let tags = 0;
    const digests = new Set();
    for (const { build } of builds) {
        const pushed = build.images.filter((i) => i.pushed || i.digest);
        if (pushed.length === 0)
            continue;
        lines.push(`# ${build.name}`);
        for (const image of pushed) {
            tags++;
            lines.push(`docker pull ${image.ref}`);
        }
        for (const digest of new Set(pushed.map((i) => i.digest).filter((d) => !!d))) {
            digests.add(digest);
            const repo = pushed.find((i) => i.digest === digest).ref.replace(/(@.*|:[^:/]*)$/, '');
            lines.push(`docker pull ${repo}@${digest}`);
        }
    }
    if (lines.length === 0)
        return '';
    const summary = `Pushed images: ${tags} tag${tags === 1 ? '' : 's'}, ${digests.size} digest${digests.size === 1 ? '' : 's'}`;
    return `<details><summary>${summary}</summary>\n\n${codeBlock(lines.map((l) => redact(l)), 'sh')}\n\n</details>`;
}
/** A gantt chart per build (the first MAX_CHARTS), each a block of its own. */
function timelines(builds) {
    const charts = builds
        .slice(0, MAX_CHARTS)
        .map(({ build }) => ganttChart(build))
        .filter((c) => c !== null)
        .map((chart) => codeBlock(chart.split('\n'), 'mermaid'));
    if (charts.length === 0)
        return [];
    const more = builds.length > MAX_CHARTS ? [`…and ${builds.length - MAX_CHARTS} more builds: their steps are in the JSON report.`] : [];
    return [
        '### Timeline\n\n<sub>Steps placed from their durations in Dockerfile order (the log gives no start times); the critical path is red.</sub>',
        ...charts,
        ...more,
    ];
}
/**
 * Keeps whole blocks, the most important first, while they fit, and prints them in their order: a
 * long report never breaks a table, a fence or a <details>, and never loses a finding to timings.
 */
function fitToSize(blocks, maxBytes) {
    const note = "> [!NOTE]\n> The summary was cut to fit GitHub's size limit: the JSON report has everything.";
    const all = blocks.map((b) => b.text).join('\n\n') + '\n';
    if (Buffer.byteLength(all) <= maxBytes)
        return all;
    const kept = new Set();
    let size = Buffer.byteLength(note) + 4;
    const order = blocks.map((block, index) => ({ ...block, index })).sort((a, b) => a.priority - b.priority || a.index - b.index);
    for (const block of order) {
        const next = Buffer.byteLength(block.text) + 2;
        if (size + next > maxBytes)
            continue;
        kept.add(block.index);
        size += next;
    }
    return [...blocks.filter((_, index) => kept.has(index)).map((b) => b.text), note].join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/text-report.ts





/** A pipe or a file: full lines, no colour, so that grep and diff see everything. */
const PLAIN_TEXT = { width: null, color: false };
const SGR = { bold: '1', red: '31', yellow: '33', green: '32', cyan: '36', dim: '2' };
/** A report for a terminal: the verdict, the findings (location, first line of the fix), the builds. */
function renderText(analysis, options = PLAIN_TEXT) {
    const paint = (code, text) => (options.color ? `\u001b[${SGR[code]}m${text}\u001b[0m` : text);
    const out = [];
    const say = (text, indent = '', color) => {
        for (const line of wrap(clean(text), options.width, indent))
            out.push(color ? paint(color, line) : line);
    };
    const verdict = verdictOf(analysis);
    const statusColor = analysis.status === 'success' ? 'green' : analysis.status === 'failure' ? 'red' : 'yellow';
    say(`${TOOL_NAME}: ${plain(verdict.happened)}`, '', statusColor);
    if (verdict.time)
        say(plain(verdict.time), '  ');
    if (verdict.change)
        say(`Most help: ${plain(verdict.change)}`, '  ');
    for (const problem of analysis.problems)
        say(`warning: ${redact(problem.message)}`, '  ', 'yellow');
    if (analysis.groups.length > 0)
        out.push('');
    for (const group of analysis.groups)
        findingLines(group, say);
    if (analysis.builds.length > 0) {
        out.push('');
        const header = row(['BUILD', 'STATUS', 'JOB', 'BUILD', 'CACHE HITS', 'STEPS', 'DIGEST'], options.width);
        out.push(paint('bold', header));
        for (const { build, cache } of analysis.builds) {
            const digest = build.images.find((i) => i.digest)?.digest ?? null;
            out.push(row([
                build.name,
                build.status,
                formatDuration(build.jobSeconds),
                formatDuration(build.buildSeconds),
                formatCache(cache.hits, cache.misses, cache.ratio),
                String(build.steps.filter((s) => s.kind === 'instruction').length),
                options.width === null ? (digest ?? '—') : shortDigest(digest),
            ], options.width));
        }
        baselineLines(analysis, say, (line) => out.push(line));
        for (const { build, timing } of analysis.builds) {
            if (timing.slowestSteps.length === 0)
                continue;
            out.push('');
            say(`${build.name}: where the time went`, '', 'bold');
            for (const step of timing.slowestSteps.slice(0, 3))
                say(`${formatDuration(step.seconds).padStart(9)}  ${redact(step.name)}`, '             ');
        }
    }
    if (analysis.groups.length === 0 && analysis.builds.length > 0)
        out.push('', 'No findings.');
    return out.join('\n') + '\n';
}
/** Against the baseline: a line per build, where its cache broke and why, the steps that got much slower. */
function baselineLines(analysis, say, push) {
    const comparison = analysis.comparison;
    // Without a baseline a build's own chain break is already a finding (cache-miss).
    if (!comparison?.hasBaseline)
        return;
    const rows = analysis.builds.map((b, i) => ({ b, c: comparison.builds[i] })).filter((r) => r.c && (r.c.baseline || r.c.cacheBreak));
    if (rows.length === 0 && !comparison.note)
        return;
    push('');
    say(`Against the baseline${comparison.baselineLabel ? ` (${redact(comparison.baselineLabel)})` : ''}`, '', 'bold');
    if (comparison.note)
        say(comparison.note, '  ');
    for (const { b, c } of rows) {
        const d = c.deltas;
        if (c.baseline && d) {
            const time = b.build.buildSeconds === null ? '' : `build ${formatDuration(b.build.buildSeconds)} (${signedDuration(d.buildSeconds)}), `;
            say(`${b.build.name}: ${time}cache hits ${formatRatio(b.cache.ratio)} (${signedPoints(d.cacheRatio)}), baseline ${c.baseline.status}`, '  ');
        }
        const cb = c.cacheBreak;
        if (cb) {
            const where = cb.dockerfile && cb.dockerfileLine !== null ? ` (${cb.dockerfile}:${cb.dockerfileLine})` : '';
            say(`${b.build.name}: cache broke at ${redact(`${cb.step} ${cb.instruction}`)}${where}: ${cb.reason}; ${cb.rebuiltSteps} step${cb.rebuiltSteps === 1 ? '' : 's'} rebuilt, ${formatDuration(cb.secondsLost)} lost`, '  ', 'yellow');
            say(redact(cb.detail), '      ');
        }
        for (const s of d?.slowerSteps ?? [])
            say(`${b.build.name}: much slower: ${redact(`${s.step} ${s.instruction}`)} ${formatDuration(s.baselineSeconds)} -> ${formatDuration(s.seconds)}`, '  ');
        if (d && (d.newFindings.length || d.goneFindings.length))
            say(`${b.build.name}: findings new: ${d.newFindings.join(', ') || 'none'}; gone: ${d.goneFindings.join(', ') || 'none'}`, '  ');
    }
}
function findingLines(group, say) {
    const color = group.id === 'canceled' ? 'dim' : group.severity === 'error' ? 'red' : group.severity === 'warning' ? 'yellow' : 'cyan';
    const label = group.id === 'canceled' ? 'CANCELED' : group.severity.toUpperCase();
    const who = group.findings.length === 1 && group.builds[0] && group.id !== 'canceled' ? `${group.builds[0]}: ` : '';
    say(`${label} [${group.id}] ${who}${redact(group.title)}`, '', color);
    if (group.id === 'canceled')
        return;
    const places = group.findings.flatMap((f) => f.locations ?? []).filter((l) => l.verified);
    const seen = new Set();
    for (const place of places) {
        const at = `${place.file}:${place.line}${place.column ? `:${place.column}` : ''}`;
        if (seen.has(at))
            continue;
        seen.add(at);
        say(`at ${at}${place.kind === 'source' && place.message ? `  ${redact(place.message)}` : ''}`, '    ');
    }
    if (places.length === 0 && group.findings.length === 1) {
        const first = [...group.findings[0].evidence].sort((a, b) => a.line - b.line)[0];
        if (first)
            say(`line ${first.line}: ${redact(first.text)}`, '    ');
    }
    if (group.findings.length > 1) {
        for (const r of group.table?.rows ?? [])
            say(r.filter(Boolean).join(' · '), '    ');
    }
    const fix = firstLine(group.fix);
    if (fix)
        say(`fix: ${plain(fix)}`, '    ');
}
/** Markdown of our own (code spans, bold) as plain text. */
function plain(markdown) {
    return markdown
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/(?<!\\)`+([^`]*?[^`\\])`+/g, '$1')
        .replace(/\\([\\`*_{}[\]()#+!|~<>-])/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
        .replace(/@\u200b/g, '@');
}
/** Log text on one line, without control characters: colour is added after, line by line. */
function clean(text) {
    return stripControl(text.replace(/\s*[\r\n]+\s*/g, ' '));
}
/** Splits at spaces to fit `width` columns (a word longer than the width is broken); no width, no change. */
function wrap(text, width, indent = '') {
    if (width === null)
        return [`${indent}${text}`];
    // Continuation lines are indented two more columns.
    const room = Math.max(20, width - indent.length - 2);
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        let rest = word;
        while (visible(rest) > room) {
            if (line) {
                lines.push(line);
                line = '';
            }
            lines.push(rest.slice(0, room));
            rest = rest.slice(room);
        }
        if (!line)
            line = rest;
        else if (visible(line) + 1 + visible(rest) <= room)
            line += ` ${rest}`;
        else {
            lines.push(line);
            line = rest;
        }
    }
    if (line || lines.length === 0)
        lines.push(line);
    return lines.map((l, i) => `${i === 0 ? indent : `${indent}  `}${l}`);
}
function visible(text) {
    return [...text].length;
}
// Column widths for a terminal; without one, cells are never cut.
const COLUMNS = [20, 9, 10, 10, 14, 6, 25];
/** A table row; on a terminal narrower than the table, cut at its edge (the findings above wrap). */
function row(cells, width) {
    const line = cells
        .map((cell, i) => {
        const size = COLUMNS[i];
        const text = width === null ? stripControl(cell) : truncate(stripControl(cell), size);
        return i === cells.length - 1 ? text : text.padEnd(size);
    })
        .join(' ')
        .trimEnd();
    return width === null ? line : truncate(line, width);
}

;// CONCATENATED MODULE: ./src/report/json-report.ts


/**
 * The JSON report: a public, versioned contract (its type is ReportV1, its schema generated from
 * that, both documented in the README). Add fields freely; renaming or removing one, or changing
 * its meaning, needs a new `schemaVersion`.
 */
const SCHEMA_VERSION = 1;
/** The report's arrays, written one item at a time, in this order. */
const ARRAY_KEYS = ['builds', 'findings', 'groups', 'problems'];
/** The tool's name and version, as every document buildx-doctor writes carries them. */
function toolJson() {
    return { name: TOOL_NAME, version: TOOL_VERSION };
}
/** The whole report as one object (for callers that need it in memory; files are streamed). */
function toJsonReport(analysis, extra = {}) {
    const arrays = arraysOf(analysis);
    const all = (key) => arrays[key].map((item) => item());
    return { ...headerJson(analysis), builds: all('builds'), findings: all('findings'), groups: all('groups'), problems: all('problems'), ...extra };
}
/**
 * Writes the report as `JSON.stringify(toJsonReport(analysis), null, 2)` would, one build and one
 * finding at a time: a report of hundreds of builds is never one string in memory.
 */
async function writeJsonReport(analysis, write, extra = {}) {
    const header = JSON.stringify(headerJson(analysis), null, 2);
    await write(header.slice(0, header.lastIndexOf('\n}')));
    const arrays = arraysOf(analysis);
    for (const key of ARRAY_KEYS) {
        const items = arrays[key];
        await write(`,\n  ${JSON.stringify(key)}: [`);
        for (let i = 0; i < items.length; i++) {
            await write(`${i > 0 ? ',' : ''}\n    ${JSON.stringify(items[i](), null, 2).replace(/\n/g, '\n    ')}`);
        }
        await write(items.length > 0 ? '\n  ]' : ']');
    }
    // Sections other parts add (the doctor's), after the arrays; small, so written whole.
    for (const [key, value] of Object.entries(extra))
        await write(`,\n  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`);
    await write('\n}\n');
}
function headerJson(analysis) {
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: toolJson(),
        status: analysis.status,
        cacheHitRatio: analysis.cacheHitRatio,
        durationSeconds: analysis.durationSeconds,
        // Only when a comparison was made (`--baseline`, the action's baseline): additive to schema 1.
        ...(analysis.comparison
            ? {
                comparison: {
                    hasBaseline: analysis.comparison.hasBaseline,
                    baselineLabel: analysis.comparison.baselineLabel === null ? null : redact(analysis.comparison.baselineLabel),
                    note: analysis.comparison.note,
                },
            }
            : {}),
    };
}
/** The report's arrays, as lazy items so that a writer can convert one at a time. */
function arraysOf(analysis) {
    return {
        builds: analysis.builds.map((b, i) => () => buildJson(b, analysis.comparison?.builds[i])),
        findings: analysis.findings.map((f) => () => findingJson(f)),
        groups: analysis.groups.map((g) => () => ({
            id: g.id,
            severity: g.severity,
            title: redact(g.title),
            builds: g.builds,
            folded: g.folded.map((f) => ({ id: f.id, build: f.build })),
            lostSeconds: g.lostSeconds,
        })),
        problems: analysis.problems.map((p) => () => ({ source: p.source, message: redact(p.message) })),
    };
}
function buildJson({ build, cache, timing, findings }, compared) {
    return {
        name: build.name,
        origin: build.origin,
        source: build.source,
        job: build.job,
        jobId: build.jobId ?? null,
        jobUrl: build.jobUrl ?? null,
        step: stepJson(build),
        status: build.status,
        jobSeconds: build.jobSeconds,
        buildSeconds: build.buildSeconds,
        platforms: build.platforms,
        nativePlatform: build.nativePlatform,
        dockerfile: build.request.dockerfile,
        steps: build.steps.map((s) => ({
            name: redact(s.name),
            platform: s.platform,
            stage: s.stage,
            index: s.index,
            total: s.total,
            instruction: s.instruction,
            kind: s.kind,
            cached: s.cached,
            seconds: s.seconds,
            status: s.status,
            line: s.line,
            error: s.error === null ? null : redact(s.error),
        })),
        cache: {
            hits: cache.hits,
            misses: cache.misses,
            ratio: cache.ratio,
            imports: build.cache.imports.map(cacheOperationJson),
            exports: build.cache.exports.map(cacheOperationJson),
        },
        // Field by field: a field added to the analysis' Timing must not reach the report unnoticed.
        timing: {
            slowestSteps: timing.slowestSteps.map((s) => ({ name: redact(s.name), platform: s.platform, seconds: s.seconds, line: s.line })),
            platformSeconds: timing.platformSeconds,
            cacheImportSeconds: timing.cacheImportSeconds,
            cacheExportSeconds: timing.cacheExportSeconds,
            cacheExportShare: timing.cacheExportShare,
        },
        images: build.images.map((i) => ({
            ref: i.ref,
            digest: i.digest,
            pushed: i.pushed,
            ...(i.platforms !== undefined || i.sizeUnavailable
                ? { platforms: i.platforms ?? [], sizeUnavailable: i.sizeUnavailable ?? null, baselineUnavailable: i.baselineUnavailable ?? null }
                : {}),
        })),
        errors: build.errors.map((e) => ({ line: e.line, text: redact(e.text) })),
        notes: build.notes,
        omittedSteps: build.omittedSteps ? { count: build.omittedSteps.count, cached: build.omittedSteps.cached, maxSeconds: build.omittedSteps.maxSeconds } : null,
        lines: { first: build.firstLine, last: build.lastLine },
        findings: findings.map(findingJson),
        ...(compared ? comparisonJson(compared) : {}),
    };
}
function cacheOperationJson(op) {
    return { kind: op.kind, ref: op.ref, seconds: op.seconds, status: op.status, line: op.line };
}
/** The build against its baseline (README: "Against the baseline"). */
function comparisonJson(c) {
    const b = c.cacheBreak;
    const base = c.baseline;
    const d = c.deltas;
    return {
        baseline: base && {
            run: base.run === null ? null : redact(base.run),
            name: base.name,
            status: base.status,
            buildSeconds: base.buildSeconds,
            jobSeconds: base.jobSeconds,
            cacheRatio: base.cacheRatio,
        },
        cacheBreak: b && {
            step: redact(b.step),
            instruction: redact(b.instruction),
            platform: b.platform,
            dockerfile: b.dockerfile,
            dockerfileLine: b.dockerfileLine,
            reason: b.reason,
            detail: redact(b.detail),
            rebuiltSteps: b.rebuiltSteps,
            secondsLost: b.secondsLost,
            line: b.line,
        },
        deltas: d && {
            buildSeconds: d.buildSeconds,
            jobSeconds: d.jobSeconds,
            cacheRatio: d.cacheRatio,
            platformSeconds: d.platformSeconds.map((p) => ({ platform: p.platform, seconds: p.seconds, baselineSeconds: p.baselineSeconds })),
            slowerSteps: d.slowerSteps.map((s) => ({
                step: redact(s.step),
                instruction: redact(s.instruction),
                platform: s.platform,
                seconds: s.seconds,
                baselineSeconds: s.baselineSeconds,
            })),
            imageSizes: d.imageSizes.map((i) => ({ ref: i.ref, platform: i.platform, bytes: i.bytes, baselineBytes: i.baselineBytes, change: i.change })),
            newFindings: d.newFindings,
            goneFindings: d.goneFindings,
            baselineDigests: d.baselineDigests.map((pushed) => ({ ref: pushed.ref, digest: pushed.digest })),
        },
    };
}
/** The job's step that ran the build (GitHub's step number and name), when the log came from the API. */
function stepJson(build) {
    if (build.stepNumber === null || build.stepNumber === undefined)
        return null;
    const step = build.jobSteps?.find((s) => s.number === build.stepNumber);
    return { number: build.stepNumber, name: step?.name ?? null };
}
function findingJson(finding) {
    return {
        id: finding.id,
        severity: finding.severity,
        title: redact(finding.title),
        build: finding.build,
        source: finding.source,
        evidence: finding.evidence.map((e) => ({ line: e.line, text: redact(e.text) })),
        fix: finding.fix,
        locations: (finding.locations ?? []).map((l) => ({ kind: l.kind, file: l.file, line: l.line, column: l.column, verified: l.verified })),
        data: finding.data ?? {},
    };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(8474);
;// CONCATENATED MODULE: ./src/report/sink.ts


/** A chunk writer over a stream that waits when the stream asks it to (backpressure). */
function streamWriter(stream) {
    return async (chunk) => {
        if (!stream.write(chunk))
            await (0,external_node_events_.once)(stream, 'drain');
    };
}
/** Writes a file chunk by chunk with `produce`, and closes it. */
async function writeFileStreaming(path, produce) {
    const stream = (0,external_node_fs_namespaceObject.createWriteStream)(path);
    const failed = (0,external_node_events_.once)(stream, 'error').then(([error]) => {
        throw error;
    });
    await Promise.race([
        (async () => {
            await (0,external_node_events_.once)(stream, 'open');
            await produce(streamWriter(stream));
            stream.end();
            await (0,external_node_events_.once)(stream, 'finish');
        })(),
        failed,
    ]);
}

;// CONCATENATED MODULE: ./src/analyze/fail-policy.ts

function parseFailOn(text) {
    const value = text.trim().toLowerCase() || 'never';
    if (value === 'never' || value === 'error' || value === 'warning')
        return value;
    throw new InputError(`fail-on must be never, error or warning, not "${text}"`);
}
function shouldFail(findings, policy) {
    if (policy === 'never')
        return false;
    if (policy === 'error')
        return findings.some((f) => f.severity === 'error');
    return findings.some((f) => f.severity === 'error' || f.severity === 'warning');
}

;// CONCATENATED MODULE: ./src/input/values.ts

/** A positive number of minutes (the `max-build-minutes` input and `--max-build-minutes`). */
function parseMinutes(text) {
    const minutes = Number(text.trim());
    if (!Number.isFinite(minutes) || minutes <= 0)
        throw new InputError(`max-build-minutes must be a positive number of minutes, not "${text}"`);
    return minutes;
}

;// CONCATENATED MODULE: ./src/analyze/history-row.ts

const history_row_STATUS_ORDER = ['failure', 'canceled', 'unknown', 'success'];
/**
 * A run's analysis folded into its table row. A component is a job: the builds of one job (`Build
 * runtime #1`, `#2`) add up, and the job's minutes are counted once, as the runbook counts them.
 */
function historyRow(analysis, facts) {
    const components = new Map();
    for (const { build } of analysis.builds) {
        const name = build.job ?? build.name.replace(/ #\d+$/, '');
        const known = components.get(name);
        if (!known) {
            components.set(name, { name, jobSeconds: build.jobSeconds, buildSeconds: build.buildSeconds, status: build.status });
            continue;
        }
        known.jobSeconds = maxOf(known.jobSeconds, build.jobSeconds);
        known.buildSeconds =
            known.buildSeconds === null || build.buildSeconds === null
                ? (known.buildSeconds ?? build.buildSeconds)
                : metrics_round(known.buildSeconds + build.buildSeconds, 1);
        if (history_row_STATUS_ORDER.indexOf(build.status) < history_row_STATUS_ORDER.indexOf(known.status))
            known.status = build.status;
    }
    return { ...facts, cacheRatio: analysis.cacheHitRatio, components: [...components.values()] };
}
function maxOf(a, b) {
    if (a === null)
        return b;
    if (b === null)
        return a;
    return Math.max(a, b);
}

;// CONCATENATED MODULE: ./src/report/history-table.ts




/**
 * The runbook's benchmark table, made from runs instead of typed by hand: run, date, context (event,
 * branch, cold or warm cache), then the job minutes of each component (a job, a matrix leg), and a
 * chart of each component's build minutes over the runs. Pure: rows in, Markdown, text or JSON out.
 */
/** A run is warm when at least this share of its cacheable steps came from the cache. */
const WARM_RATIO = 0.5;
/** Charts drawn (one per component); the table has every component. */
const history_table_MAX_CHARTS = 6;
const MAX_COMPONENT_NAME = 60;
/** Oldest run first, as the runbook reads; runs without a date keep their order, after the others. */
function chronological(rows) {
    return rows
        .map((row, index) => ({ row, index, time: row.date ? Date.parse(row.date) : Number.NaN }))
        .sort((a, b) => {
        const aKnown = !Number.isNaN(a.time);
        const bKnown = !Number.isNaN(b.time);
        if (aKnown && bKnown && a.time !== b.time)
            return a.time - b.time;
        if (aKnown !== bKnown)
            return aKnown ? -1 : 1;
        return a.index - b.index;
    })
        .map((entry) => entry.row);
}
/** The components in the order they first appear, oldest run first. */
function componentNames(rows) {
    const names = [];
    for (const row of rows)
        for (const component of row.components)
            if (!names.includes(component.name))
                names.push(component.name);
    return names;
}
/** `cold cache (0% cached)`: the runbook's words, with the number behind them. */
function cacheWord(ratio) {
    if (ratio === null)
        return 'no cacheable step';
    return `${ratio >= WARM_RATIO ? 'warm' : 'cold'} cache (${formatRatio(ratio)} cached)`;
}
/** `push · main · cold cache (0% cached)`; what is unknown (a saved log has no event) is left out. */
function contextOf(row) {
    return [row.event, row.branch, cacheWord(row.cacheRatio)].filter((part) => Boolean(part)).join(' · ');
}
/** The runbook's unit: minutes with one decimal, even for a short job. */
function minutes(seconds) {
    return seconds === null ? '—' : `${(seconds / 60).toFixed(1)} min`;
}
function dateOf(row) {
    return row.date && /^\d{4}-\d{2}-\d{2}/.test(row.date) ? row.date.slice(0, 10) : '—';
}
function runLabel(row) {
    if (row.runId !== null)
        return String(row.runId);
    return row.runNumber !== null ? `#${row.runNumber}` : '—';
}
function cell(component) {
    if (!component)
        return '—';
    const time = minutes(component.jobSeconds ?? component.buildSeconds);
    return component.status === 'success' ? time : `${time} ${STATUS_ICON[component.status]}`;
}
/** The table and the charts, for the job summary and `history --format markdown`. */
function renderHistoryMarkdown(input, title = null) {
    const rows = chronological(input);
    const heading = `### 📊 ${title ? escapeText(title) : 'Benchmark'}: ${rows.length} run${rows.length === 1 ? '' : 's'}`;
    if (rows.length === 0)
        return `${heading}\n\nNo run to show.\n`;
    const names = componentNames(rows);
    const header = ['Run', 'Date (UTC)', 'Context', ...names.map((n) => escapeCell(n))];
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    for (const row of rows) {
        const run = row.url ? `[${runLabel(row)}](${row.url})` : runLabel(row);
        const byName = new Map(row.components.map((c) => [c.name, c]));
        lines.push(`| ${[run, dateOf(row), escapeCell(contextOf(row)), ...names.map((n) => cell(byName.get(n)))].join(' | ')} |`);
    }
    const parts = [
        heading,
        lines.join('\n'),
        `<sub>Job minutes per component, first to last line of the job's log. Warm: at least ${Math.round(WARM_RATIO * 100)}% of the cacheable steps came from the cache.</sub>`,
    ];
    const charts = names
        .slice(0, history_table_MAX_CHARTS)
        .map((name) => buildChart(rows, name))
        .filter((chart) => chart !== null);
    if (charts.length > 0)
        parts.push(...charts.map((chart) => `\`\`\`mermaid\n${chart}\n\`\`\``));
    if (names.length > history_table_MAX_CHARTS)
        parts.push(`<sub>Charts for the first ${history_table_MAX_CHARTS} of ${names.length} components; the table has them all.</sub>`);
    return `${parts.join('\n\n')}\n`;
}
/**
 * A Mermaid `xychart-beta` of one component's build minutes, one bar per run (GitHub renders it; its
 * charts have no legend, so one chart a component keeps every bar named). Labels are quoted and
 * cleaned: a job or branch name must not end the chart's syntax.
 */
function buildChart(rows, name) {
    const points = [];
    for (const row of rows) {
        const component = row.components.find((c) => c.name === name);
        const seconds = component ? (component.buildSeconds ?? component.jobSeconds) : null;
        if (seconds === null)
            continue;
        // The run number is short enough for an axis label; a saved log knows only its run id.
        points.push({ label: row.runNumber !== null ? String(row.runNumber) : runLabel(row), value: Math.round((seconds / 60) * 10) / 10 });
    }
    if (points.length === 0)
        return null;
    const top = Math.max(1, Math.ceil(Math.max(...points.map((p) => p.value)) * 1.1));
    return [
        'xychart-beta',
        `  title "${chartText(name)}: build minutes per run"`,
        `  x-axis "run" [${points.map((p) => `"${chartText(p.label)}"`).join(', ')}]`,
        `  y-axis "minutes" 0 --> ${top}`,
        `  bar [${points.map((p) => p.value).join(', ')}]`,
    ].join('\n');
}
/** Text inside a quoted xychart label: no quote, bracket or line break can end it. */
function chartText(text) {
    return mermaidText(text, MAX_COMPONENT_NAME).replace(/["\\]/g, "'");
}
/** The same table for a terminal: columns padded, no Markdown. */
function renderHistoryText(input) {
    const rows = chronological(input);
    if (rows.length === 0)
        return 'No run to show.\n';
    const names = componentNames(rows);
    const table = [
        ['Run', 'Date (UTC)', 'Context', ...names],
        ...rows.map((row) => {
            const byName = new Map(row.components.map((c) => [c.name, c]));
            return [runLabel(row), dateOf(row), contextOf(row), ...names.map((n) => cell(byName.get(n)))];
        }),
    ].map((cells) => cells.map((c) => c.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')));
    const widths = table[0].map((_, column) => Math.max(...table.map((cells) => [...cells[column]].length)));
    return `${table
        .map((cells) => cells
        .map((c, column) => c + ' '.repeat(widths[column] - [...c].length))
        .join('  ')
        .trimEnd())
        .join('\n')}\n`;
}
/** The rows for scripts: a document of its own, versioned like the report. */
function historyJson(input) {
    const runs = chronological(input).map((row) => ({
        runId: row.runId,
        runNumber: row.runNumber,
        url: row.url,
        date: row.date,
        event: row.event,
        branch: row.branch,
        cacheRatio: row.cacheRatio,
        cache: row.cacheRatio === null ? null : row.cacheRatio >= WARM_RATIO ? 'warm' : 'cold',
        components: row.components.map((c) => ({ name: c.name, status: c.status, jobSeconds: c.jobSeconds, buildSeconds: c.buildSeconds })),
    }));
    const document = { schemaVersion: HISTORY_SCHEMA_VERSION, tool: toolJson(), runs };
    return `${JSON.stringify(document, null, 2)}\n`;
}
const HISTORY_SCHEMA_VERSION = 1;

;// CONCATENATED MODULE: ./src/cli/args.ts


/**
 * Reads a command's arguments with Node's `util.parseArgs`, in order (a command may give meaning to
 * the order, as `--baseline FILE...` does). Every option of these commands takes a value, given as
 * `--flag value` or `--flag=value`; `--` ends the options. Node's strict mode is not used because
 * its errors are paragraphs with a hint; these are one line: `unknown option --x`, `--x needs a value`.
 */
function readArgs(args, optionNames) {
    const options = Object.fromEntries(optionNames.map((name) => [name, { type: 'string' }]));
    const { tokens } = (0,external_node_util_.parseArgs)({ args, options, strict: false, allowPositionals: true, tokens: true });
    const read = [];
    for (const token of tokens) {
        if (token.kind === 'option-terminator')
            continue;
        if (token.kind === 'positional') {
            read.push({ kind: 'positional', value: token.value });
            continue;
        }
        if (!optionNames.includes(token.name))
            throw new InputError(`unknown option ${token.rawName}`);
        if (token.value === undefined)
            throw new InputError(`${token.rawName} needs a value`);
        read.push({ kind: 'option', flag: token.rawName, value: token.value, inline: token.inlineValue === true });
    }
    return read;
}

;// CONCATENATED MODULE: ./src/cli/history-command.ts










const HISTORY_USAGE = `       ${TOOL_NAME} history LOG... [--format text|markdown|json]
         each LOG one run: its \`gh run view --log\` file, or a folder of its job logs`;
/**
 * `buildx-doctor history LOG...`: the benchmark table of several runs, one LOG each, as the action's
 * `history: N` writes it. The run id is taken from the file or folder name (`...-17964002949.log`),
 * the date from the log's first timestamp; a saved log does not say the event or the branch.
 */
async function runHistoryCli(argv, io) {
    let format = 'text';
    const logs = [];
    try {
        for (const arg of readArgs(argv, ['format'])) {
            if (arg.kind === 'positional') {
                logs.push(arg.value);
                continue;
            }
            const value = arg.value;
            if (value !== 'text' && value !== 'markdown' && value !== 'json')
                throw new InputError(`--format must be text, markdown or json, not "${value}"`);
            format = value;
        }
        if (logs.length === 0)
            throw new InputError('no log given: one `gh run view --log` file or folder of job logs per run');
    }
    catch (error) {
        io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${HISTORY_USAGE.trimStart()}\n`);
        return 2;
    }
    const rows = [];
    for (const log of logs) {
        let sources;
        try {
            sources = await runSources(log);
        }
        catch (error) {
            io.stderr(`${TOOL_NAME}: ${describeError(error)}\n`);
            return 2;
        }
        // One run at a time: each is streamed through the same engine as `analyze`, then only its row is kept.
        const analysis = await analyzeSources(sources, DEFAULT_ANALYSIS_OPTIONS);
        if (analysis.builds.length === 0) {
            for (const problem of analysis.problems)
                io.stderr(`${TOOL_NAME}: ${problem.message}\n`);
            io.stderr(`${TOOL_NAME}: ${log}: no build found; the run is left out\n`);
            continue;
        }
        rows.push(historyRow(analysis, await factsOf(log, sources)));
    }
    if (rows.length === 0)
        return 2;
    if (format === 'json')
        await io.stdout(historyJson(rows));
    else if (format === 'markdown')
        await io.stdout(renderHistoryMarkdown(rows));
    else
        await io.stdout(renderHistoryText(rows));
    return 0;
}
/** A file is a run's log; a folder holds one log per job, named after the job (`0_Build runtime.txt`). */
async function runSources(path) {
    let info;
    try {
        info = await (0,promises_namespaceObject.stat)(path);
    }
    catch {
        throw new InputError(`${path}: no such file or folder`);
    }
    if (!info.isDirectory())
        return [fileSource(path)];
    const files = [];
    for (const entry of await (0,promises_namespaceObject.readdir)(path, { withFileTypes: true }))
        if (entry.isFile())
            files.push(entry.name);
    if (files.length === 0)
        throw new InputError(`${path}: the folder holds no log file`);
    return files.sort(byNumberPrefix).map((file) => ({ ...fileSource((0,external_node_path_namespaceObject.join)(path, file)), name: jobNameOf(file) }));
}
/** `0_Build runtime.txt` -> `Build runtime`: the name GitHub gives a job's log in a run's log archive. */
function jobNameOf(file) {
    return file.replace(/\.(log|txt)$/i, '').replace(/^\d+_/, '') || file;
}
function byNumberPrefix(a, b) {
    const na = Number(/^(\d+)_/.exec(a)?.[1] ?? Number.NaN);
    const nb = Number(/^(\d+)_/.exec(b)?.[1] ?? Number.NaN);
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb)
        return na - nb;
    return a.localeCompare(b);
}
async function factsOf(log, sources) {
    const id = /(\d{5,})(?!.*\d{5,})/.exec((0,external_node_path_namespaceObject.basename)(log.replace(/[\\/]+$/, '')))?.[1];
    const runId = id && Number.isSafeInteger(Number(id)) ? Number(id) : null;
    return { runId, runNumber: null, url: null, date: await firstTimestamp(sources[0]?.label ?? null), event: null, branch: null };
}
/** The first runner timestamp in the log's first 64 KiB, or null: only that much is read. */
async function firstTimestamp(path) {
    if (!path)
        return null;
    try {
        const file = await (0,promises_namespaceObject.open)(path, 'r');
        try {
            const buffer = Buffer.alloc(64 * 1024);
            const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
            const match = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\b/.exec(buffer.subarray(0, bytesRead).toString('utf8'));
            return match ? match[1] : null;
        }
        finally {
            await file.close();
        }
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/compare/dockerfile.ts


/** Files bigger than this are not a Dockerfile worth reading. */
const MAX_BYTES = 1024 * 1024;
/**
 * Reads `relative` (or `Dockerfile`) under `workspace`. Null when there is no workspace or no such
 * readable file: the reasoning then works from the logs alone.
 */
function readDockerfile(workspace, relative) {
    if (!workspace)
        return null;
    const path = relative && relative !== '-' ? relative : 'Dockerfile';
    if ((0,external_node_path_namespaceObject.isAbsolute)(path) || path.split(/[\\/]/).includes('..'))
        return null;
    const full = (0,external_node_path_namespaceObject.join)(workspace, path);
    try {
        if (!(0,external_node_fs_namespaceObject.statSync)(full).isFile() || (0,external_node_fs_namespaceObject.statSync)(full).size > MAX_BYTES)
            return null;
        return { path, stages: parseDockerfile((0,external_node_fs_namespaceObject.readFileSync)(full, 'utf8')) };
    }
    catch {
        return null;
    }
}
/** Splits Dockerfile text into stages and instructions (comments, blank lines and continuations handled). */
function parseDockerfile(text) {
    const logical = [];
    let pending = '';
    let start = 0;
    const lines = text.split(/\r?\n/);
    // A heredoc (`RUN <<EOF` ... `EOF`) belongs to its instruction: its lines are no instructions.
    let heredoc = null;
    lines.forEach((raw, i) => {
        if (heredoc !== null) {
            if (raw.replace(/^\t+/, '') === heredoc)
                heredoc = null;
            return;
        }
        const trimmed = raw.trim();
        // Comments and blank lines may sit inside a continued instruction; they are skipped.
        if (trimmed.startsWith('#') || trimmed === '')
            return;
        if (pending === '')
            start = i + 1;
        if (/\\\s*$/.test(raw)) {
            pending += `${raw.replace(/\\\s*$/, '')} `;
            return;
        }
        logical.push({ text: dockerfile_collapse(pending + raw), line: start });
        heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(raw)?.[1] ?? null;
        pending = '';
    });
    if (pending.trim())
        logical.push({ text: dockerfile_collapse(pending), line: start });
    const stages = [];
    for (const { text: instruction, line } of logical) {
        const space = instruction.indexOf(' ');
        const keyword = (space < 0 ? instruction : instruction.slice(0, space)).toUpperCase();
        const args = space < 0 ? '' : instruction.slice(space + 1);
        if (keyword === 'FROM') {
            const as = /\s+AS\s+(\S+)\s*$/i.exec(args);
            stages.push({ name: as ? as[1] : null, instructions: [{ keyword, args, line, index: 1 }], args: [] });
            continue;
        }
        const stage = stages[stages.length - 1];
        if (!stage)
            continue; // global ARGs before the first FROM: they reach a stage only if it redeclares them
        if (keyword === 'ARG') {
            for (const name of args
                .split(/\s+/)
                .map((a) => a.split('=')[0])
                .filter(Boolean))
                stage.args.push({ name, index: stage.instructions.length });
            continue; // BuildKit prints no step for ARG (nor ENV, LABEL, ... below)
        }
        if (!STEP_KEYWORDS.has(keyword))
            continue;
        stage.instructions.push({ keyword, args, line, index: stage.instructions.length + 1 });
    }
    const multi = stages.length > 1;
    return stages.map((s, i) => ({ label: multi ? (s.name ?? `stage-${i}`) : null, instructions: s.instructions, args: s.args }));
}
/**
 * The keywords BuildKit makes a step of (`[2/5] RUN ...`). ENV, ARG, LABEL, EXPOSE, CMD and the other
 * metadata instructions change the image config only and get no step number.
 */
const STEP_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** The instruction BuildKit printed as `[label index/...]`, if the file has it. */
function instructionAt(dockerfile, label, index) {
    const stage = dockerfile.stages.find((s) => s.label === label) ?? (dockerfile.stages.length === 1 ? dockerfile.stages[0] : undefined);
    return stage?.instructions.find((i) => i.index === index) ?? null;
}
/** Whether a build argument is in scope for the stage's instruction at `index`. */
function argsInScope(dockerfile, label, index) {
    const stage = dockerfile.stages.find((s) => s.label === label) ?? (dockerfile.stages.length === 1 ? dockerfile.stages[0] : undefined);
    return (stage?.args ?? []).filter((a) => a.index < index).map((a) => a.name);
}
/**
 * Whether BuildKit's printed text could come from the Dockerfile's instruction with some values for
 * its `$VAR` / `${VAR}` / `${VAR:-default}` references: the file's text with each reference as a wildcard.
 */
function matchesWithArgs(dockerfileArgs, printed) {
    const parts = dockerfile_collapse(dockerfileArgs).split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
    const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?');
    return new RegExp(`^${pattern}$`).test(dockerfile_collapse(printed));
}
/** Whether the instruction refers to any variable. */
function usesVariables(dockerfileArgs) {
    return /\$\{[^}]*\}|\$[A-Za-z_]/.test(dockerfileArgs);
}
function dockerfile_collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/compare/steps.ts


// How a step of one build is found again in another: by platform, stage and position, the way
// BuildKit numbers Dockerfile instructions (`[linux/arm64 builder 3/7]`). Vertex numbers (`#12`)
// differ from build to build; the position does not unless the Dockerfile changed.
function stepKey(step) {
    return `${step.platform ?? ''}|${step.stage ?? ''}|${step.index ?? ''}`;
}
/** `RUN cargo build --release`, whitespace collapsed: what is compared between builds. */
function instructionText(step) {
    return dockerfile_collapse(`${step.instruction ?? ''} ${step.command}`);
}
/** The bracket BuildKit prints before the instruction: `[4/6]`, `[linux/amd64 builder 2/3]`. */
function steps_stepLabel(step) {
    return /^\[[^\]]*\]/.exec(step.name)?.[0] ?? `#${step.id}`;
}
/** A Dockerfile step that ran (it was not taken from the cache), in build order (vertex number). */
function ranSteps(build) {
    return build.steps.filter((s) => isCacheable(s) && !s.cached && (s.status === 'done' || s.status === 'error')).sort((a, b) => a.id - b.id);
}
/** The instruction steps by key; the first of a key wins (BuildKit prints a step once per build). */
function stepsByKey(build) {
    const map = new Map();
    for (const step of build.steps)
        if (step.kind === 'instruction' && !map.has(stepKey(step)))
            map.set(stepKey(step), step);
    return map;
}
/** The step before this one in its stage (index - 1), when the log has it. */
function previousStep(byKey, step) {
    if (step.index === null || step.index <= 1)
        return null;
    return byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|${step.index - 1}`) ?? null;
}
/**
 * The digest the stage's FROM resolved to (`FROM docker.io/library/alpine:3.19@sha256:...`), if
 * printed. BuildKit prints a FROM once when two stages start from the same image (under the first
 * stage's name): a stage without its own FROM takes the build's only base digest, if there is one.
 */
function baseDigest(build, byKey, step) {
    const from = byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|1`);
    if (from && from.instruction === 'FROM')
        return digestOf(from);
    const all = new Set(build.steps.filter((s) => s.instruction === 'FROM' && s.platform === step.platform).map(digestOf));
    return all.size === 1 ? [...all][0] : null;
}
function digestOf(from) {
    return /@(sha256:[0-9a-f]{64})/.exec(from.command)?.[1] ?? null;
}
/** The stage that produced the image: the one of the last Dockerfile step of the build. */
function finalStage(build) {
    const steps = build.steps.filter((s) => s.kind === 'instruction');
    if (steps.length === 0)
        return null;
    return steps.reduce((last, s) => (s.id > last.id ? s : last)).stage;
}

;// CONCATENATED MODULE: ./src/compare/cache-break.ts




/**
 * The first step, in build order, that ran in `head` although the baseline had it (and a cache it
 * could come from), with the reason. `base` undefined: the build has no counterpart in the baseline
 * (a first build). `base` null: no baseline at all, only a miss after hits within `head` is told.
 */
function findCacheBreak(head, base, context) {
    const ran = ranSteps(head);
    if (ran.length === 0)
        return null;
    const headByKey = stepsByKey(head);
    if (base === null)
        return breakWithoutBaseline(ran, headByKey, context);
    if (base === undefined) {
        if (head.steps.some((s) => s.kind === 'instruction' && s.cached))
            return breakWithoutBaseline(ran, headByKey, context);
        return make(ran, ran[0], 'first-build', 'the baseline has no build of this name: nothing could come from its cache', context);
    }
    const baseByKey = stepsByKey(base);
    const headHits = head.steps.some((s) => s.kind === 'instruction' && s.cached && s.instruction !== 'FROM');
    const baseExported = exported(base);
    const modeMin = modeMinBreak(head, base, ran, baseByKey, context);
    if (modeMin)
        return modeMin;
    // A baseline that names no platform built one: the one this build names first (its native one).
    const samePlatform = base.platforms.length === 0 ? primaryPlatform(head) : null;
    let newPlatform = null;
    for (const step of ran) {
        const known = step.platform === null || base.platforms.includes(step.platform) || step.platform === samePlatform;
        if (!known) {
            newPlatform ??= step;
            continue;
        }
        // A baseline of one platform may not name it: its steps are this platform's.
        const counterpart = baseByKey.get(stepKey(step)) ?? baseByKey.get(stepKey({ ...step, platform: null }));
        if (!counterpart) {
            // A stage of another length: instructions were added or removed.
            const sibling = base.steps.find((s) => s.kind === 'instruction' && (s.platform === step.platform || s.platform === null) && s.stage === step.stage);
            if (sibling && sibling.total !== step.total)
                return make(ran, step, 'dockerfile-edited', `the stage has ${step.total ?? '?'} steps, ${sibling.total ?? '?'} in the baseline: instructions were added or removed`, context);
            continue;
        }
        if (counterpart.status !== 'done' && counterpart.status !== 'cached')
            continue;
        // Without a cache the step could have come from, its running is no break.
        if (!counterpart.cached && !baseExported && !headHits)
            continue;
        return reasonFor(head, base, ran, step, counterpart, headByKey, baseByKey, context);
    }
    if (newPlatform)
        return make(ran, newPlatform, 'platform-added', `the baseline built ${base.platforms.length ? base.platforms.join(', ') : 'one platform'}, not ${newPlatform.platform}`, context);
    return null;
}
/** The platform a build names first: its native one when it builds that, else linux/amd64 if it builds that. */
function primaryPlatform(build) {
    if (build.nativePlatform && build.platforms.includes(build.nativePlatform))
        return build.nativePlatform;
    if (build.platforms.includes('linux/amd64'))
        return 'linux/amd64';
    return build.platforms[0] ?? null;
}
/**
 * mode=min exports the final stage's layers only. When a step of the final stage changed before its
 * `COPY --from`, the intermediate stage it copies from has to run again, although nothing of it
 * changed: with mode=max it would have come from the cache. The tell-tale: the cache was imported,
 * the final stage had hits, its first ran step comes before its first `COPY --from` (so it is not the
 * intermediate stage's change arriving), and an intermediate stage's unchanged steps ran.
 */
function modeMinBreak(head, base, ran, baseByKey, context) {
    if (!head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached') || !exported(base) || exportModeOf(base) === 'max')
        return null;
    if (importProblem(head, base))
        return null;
    const final = finalStage(head);
    const finalSteps = head.steps.filter((s) => s.kind === 'instruction' && s.stage === final && s.instruction !== 'FROM' && s.index !== null);
    if (!finalSteps.some((s) => s.cached))
        return null;
    const firstCopyFrom = Math.min(...finalSteps.filter((s) => /--from=/.test(s.command)).map((s) => s.index));
    const firstRan = Math.min(...finalSteps.filter((s) => !s.cached).map((s) => s.index));
    if (!Number.isFinite(firstCopyFrom) || !(firstRan < firstCopyFrom))
        return null;
    // An intermediate stage that was itself edited broke by its edit, not by the export mode.
    const others = ran.filter((s) => s.stage !== final);
    const unchanged = (s) => {
        const before = baseByKey.get(stepKey(s)) ?? baseByKey.get(stepKey({ ...s, platform: null }));
        return before !== undefined && instructionText(before) === instructionText(s) && before.total === s.total;
    };
    if (others.length === 0 || !others.every(unchanged))
        return null;
    const intermediate = others[0];
    const trigger = finalSteps.find((s) => s.index === firstRan);
    return make(ran, intermediate, 'cache-mode-min', `the baseline exported its cache with mode=min (the final stage only): when ${steps_stepLabel(trigger)} ${instructionText(trigger)} ran, the unchanged stage ${intermediate.stage ?? ''} had to run again; mode=max would have kept it`, context);
}
function reasonFor(head, base, ran, step, counterpart, headByKey, baseByKey, context) {
    const said = instructionText(step);
    const before = instructionText(counterpart);
    if (said !== before || step.total !== counterpart.total)
        return editOrArgument(ran, step, before, context);
    const headBase = baseDigest(head, headByKey, step);
    const baseBase = baseDigest(base, baseByKey, counterpart);
    if (headBase && baseBase && headBase !== baseBase)
        return make(ran, step, 'base-image-changed', `the stage's FROM resolved to ${cache_break_short(headBase)}, ${cache_break_short(baseBase)} in the baseline`, context);
    const imported = importProblem(head, base);
    if (imported)
        return make(ran, step, 'cache-not-imported', imported, context);
    const previous = previousStep(headByKey, step);
    const hits = head.steps.filter((s) => s.kind === 'instruction' && s.instruction !== 'FROM' && s.cached).length;
    const importOk = head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached');
    const baseExported = exported(base);
    const copies = (step.instruction === 'COPY' || step.instruction === 'ADD') && !/--from=/.test(step.command);
    if (importOk && baseExported && hits === 0)
        return make(ran, step, 'cache-evicted', "the cache was imported, yet no step came from it: the baseline's entries are gone (evicted or overwritten)", context);
    if (copies && previous && (previous.cached || previous.instruction === 'FROM'))
        return make(ran, step, 'context-changed', `the instruction is unchanged and the step before it ${previous.cached ? 'came from the cache' : 'is the FROM'}: the files it copies changed`, context);
    if (step.instruction === 'RUN' && context.dockerfile && step.index !== null) {
        const args = argsInScope(context.dockerfile, step.stage, step.index);
        if (args.length > 0)
            return make(ran, step, 'build-arg-changed', `the instruction is unchanged, and the build arguments in scope (${args.join(', ')}) are part of its cache key: one of them took another value`, context);
    }
    if (importOk && baseExported)
        return make(ran, step, 'cache-evicted', 'the cache was imported, yet this unchanged step missed: its entry is gone (evicted or overwritten)', context);
    return make(ran, step, 'unknown', 'the instruction and the base image are unchanged and no cache import failed', context);
}
/** The printed text changed: an edit, unless the Dockerfile's own text (with its variables) gives both. */
function editOrArgument(ran, step, before, context) {
    const line = context.dockerfile && step.index !== null ? instructionAt(context.dockerfile, step.stage, step.index) : null;
    if (line &&
        line.keyword === step.instruction &&
        usesVariables(line.args) &&
        matchesWithArgs(line.args, step.command) &&
        matchesWithArgs(line.args, before.slice(before.indexOf(' ') + 1))) {
        return make(ran, step, 'build-arg-changed', `the Dockerfile's instruction is the same, but a build argument it uses took another value (the baseline ran: ${before})`, context);
    }
    return make(ran, step, 'dockerfile-edited', `the instruction changed (the baseline ran: ${before})`, context);
}
/**
 * Why the cache the baseline exported did not reach this build: no import at all, a failed import,
 * BuildKit's warning that the source was not found, or another scope or reference than the export's.
 */
function importProblem(head, base) {
    if (!exported(base))
        return null;
    const warning = head.cache.warnings?.[0];
    if (warning)
        return `BuildKit warned: ${warning.text}`;
    const failed = head.cache.imports.find((op) => op.status === 'error');
    if (failed && !head.cache.imports.some((op) => op.status === 'done' || op.status === 'cached'))
        return `the cache import from ${failed.ref ?? failed.kind} failed`;
    if (head.cache.imports.length === 0) {
        return head.request.cacheFrom.length > 0
            ? 'the build asked for a cache (cache-from) but imported none'
            : 'the baseline exported a cache, but this build imported none (no cache-from)';
    }
    const from = new Set(head.request.cacheFrom.map(cacheLocation).filter((l) => l !== null));
    const to = base.request.cacheTo.map(cacheLocation).filter((l) => l !== null);
    if (from.size > 0 && to.length > 0 && !to.some((l) => from.has(l)))
        return `this build imports ${[...from].join(', ')}, the baseline exported ${to.join(', ')}`;
    return null;
}
function exported(build) {
    return build.cache.exports.some((op) => op.status === 'done') || build.request.cacheTo.length > 0;
}
/** `min` unless the baseline's cache-to said `mode=max` (BuildKit's default is min); null when unknown. */
function exportModeOf(base) {
    if (base.request.cacheTo.length === 0)
        return null;
    return base.request.cacheTo.some((o) => /(?:^|,)mode=max\b/.test(o)) ? 'max' : 'min';
}
/** Where a cache-from/cache-to option points, comparable between the two (`gha:app`, `registry:ghcr.io/o/a:cache`, `local:/dir`). */
function cacheLocation(option) {
    const kind = cacheKindOfOption(option);
    if (!kind)
        return null;
    const fields = new Map(option.split(',').map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    if (!option.includes('type='))
        return `registry:${option.trim()}`;
    switch (kind) {
        case 'gha':
            return `gha:${fields.get('scope') ?? 'buildkit'}`;
        case 'local':
            return `local:${fields.get('src') ?? fields.get('dest') ?? ''}`;
        case 'registry':
            return `registry:${fields.get('ref') ?? ''}`;
        default:
            return `${kind}:${fields.get('name') ?? fields.get('ref') ?? fields.get('bucket') ?? ''}`;
    }
}
/** Without a baseline: the first step that ran after an earlier step of its stage came from the cache. */
function breakWithoutBaseline(ran, byKey, context) {
    for (const step of ran) {
        if (step.index === null)
            continue;
        let hitBefore = false;
        for (let i = step.index - 1; i >= 2 && !hitBefore; i--)
            hitBefore = byKey.get(`${step.platform ?? ''}|${step.stage ?? ''}|${i}`)?.cached ?? false;
        if (!hitBefore)
            continue;
        const copies = (step.instruction === 'COPY' || step.instruction === 'ADD') && !/--from=/.test(step.command);
        if (copies)
            return make(ran, step, 'context-changed', 'the steps before it came from the cache: the files it copies changed', context);
        const line = context.dockerfile ? instructionAt(context.dockerfile, step.stage, step.index) : null;
        const args = context.dockerfile ? argsInScope(context.dockerfile, step.stage, step.index) : [];
        if (line && line.keyword === step.instruction && args.length > 0)
            return make(ran, step, 'build-arg-changed', `the steps before it came from the cache and build arguments in scope (${args.join(', ')}) are part of its cache key`, context);
        return make(ran, step, 'dockerfile-edited', 'the steps before it came from the cache: the instruction (or what it depends on) changed', context);
    }
    return null;
}
function make(ran, step, reason, detail, context) {
    const rebuilt = ran.filter((s) => s.id >= step.id);
    const line = context.dockerfile && step.index !== null ? instructionAt(context.dockerfile, step.stage, step.index) : null;
    return {
        step: steps_stepLabel(step),
        instruction: instructionText(step),
        platform: step.platform,
        dockerfile: line ? context.dockerfile.path : null,
        dockerfileLine: line && line.keyword === step.instruction ? line.line : null,
        reason,
        detail,
        rebuiltSteps: rebuilt.length,
        secondsLost: metrics_round(rebuilt.reduce((sum, s) => sum + (s.seconds ?? 0), 0), 1),
        line: step.line,
    };
}
function cache_break_short(digest) {
    return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

;// CONCATENATED MODULE: ./src/compare/deltas.ts


/** A step is "much slower" when it took this many seconds more... */
const SLOWER_BY = 5;
/** ...and this many times as long. */
const SLOWER_FACTOR = 1.5;
function buildDeltas(head, base) {
    const diff = (a, b, digits = 1) => (a === null || b === null ? null : metrics_round(a - b, digits));
    const platforms = [...new Set([...Object.keys(head.timing.platformSeconds), ...Object.keys(base.timing.platformSeconds)])];
    const baseSteps = stepsByKey(base.build);
    const slowerSteps = [];
    for (const step of head.build.steps) {
        if (step.kind !== 'instruction' || step.cached || step.seconds === null)
            continue;
        const before = baseSteps.get(stepKey(step));
        if (!before || before.cached || before.seconds === null || instructionText(before) !== instructionText(step))
            continue;
        if (step.seconds - before.seconds >= SLOWER_BY && step.seconds >= before.seconds * SLOWER_FACTOR) {
            slowerSteps.push({
                step: steps_stepLabel(step),
                instruction: instructionText(step),
                platform: step.platform,
                seconds: step.seconds,
                baselineSeconds: before.seconds,
            });
        }
    }
    slowerSteps.sort((a, b) => b.seconds - b.baselineSeconds - (a.seconds - a.baselineSeconds));
    const imageSizes = [];
    for (const image of head.build.images) {
        for (const platform of image.platforms ?? []) {
            const before = base.build.images.find((i) => sameRepository(i.ref, image.ref))?.platforms?.find((p) => p.platform === platform.platform);
            if (before)
                imageSizes.push({
                    ref: image.ref,
                    platform: platform.platform,
                    bytes: platform.compressedBytes,
                    baselineBytes: before.compressedBytes,
                    change: platform.compressedBytes - before.compressedBytes,
                });
        }
    }
    const headIds = new Set(head.findings.map((f) => f.id));
    const baseIds = new Set(base.findings.map((f) => f.id));
    return {
        buildSeconds: diff(head.build.buildSeconds, base.build.buildSeconds),
        jobSeconds: diff(head.build.jobSeconds, base.build.jobSeconds),
        cacheRatio: diff(head.cache.ratio, base.cache.ratio, 3),
        platformSeconds: platforms.map((platform) => ({
            platform,
            seconds: head.timing.platformSeconds[platform] ?? null,
            baselineSeconds: base.timing.platformSeconds[platform] ?? null,
        })),
        slowerSteps: slowerSteps.slice(0, 5),
        imageSizes,
        newFindings: [...headIds].filter((id) => !baseIds.has(id)),
        goneFindings: [...baseIds].filter((id) => !headIds.has(id)),
        baselineDigests: base.build.images.filter((i) => i.digest).map((i) => ({ ref: i.ref, digest: i.digest })),
    };
}
/** `ghcr.io/o/app:pr-7` and `ghcr.io/o/app:main` are the same image, another tag. */
function sameRepository(a, b) {
    const repo = (ref) => ref.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
    return repo(a) === repo(b);
}

;// CONCATENATED MODULE: ./src/compare/match-builds.ts
/**
 * Pairs each build of this run with the baseline's: same job (matrix leg) and build name first, then
 * the same name, then the same job; builds left over on both sides are paired in order (two single
 * logs given to the CLI carry their file names, which differ). Each baseline build is used once.
 * Returns, per head build in order, its baseline build or undefined.
 */
function matchBuilds(head, baseline) {
    const result = head.map(() => undefined);
    const free = new Set(baseline);
    const pass = (same) => {
        head.forEach((h, i) => {
            if (result[i])
                return;
            const match = [...free].find((b) => same(h, b));
            if (match) {
                result[i] = match;
                free.delete(match);
            }
        });
    };
    pass((a, b) => a.build.job === b.build.job && a.build.name === b.build.name);
    pass((a, b) => a.build.name === b.build.name);
    pass((a, b) => a.build.job !== null && a.build.job === b.build.job);
    const leftHead = head.map((_, i) => i).filter((i) => !result[i]);
    const leftBase = [...free];
    if (leftHead.length === leftBase.length)
        leftHead.forEach((i, n) => (result[i] = leftBase[n]));
    return result;
}

;// CONCATENATED MODULE: ./src/compare/compare.ts




/**
 * Compares each build with its baseline build. Without a baseline (`null`), a build that had cache
 * hits and then a miss still gets its cache break, from its own log.
 */
function compareAnalyses(head, baseline, options) {
    const label = options.baselineLabel ?? null;
    const matches = baseline ? matchBuilds(head.builds, baseline.builds) : head.builds.map(() => undefined);
    const dockerfiles = new Map();
    const dockerfileFor = (b) => {
        const key = b.build.request.dockerfile ?? 'Dockerfile';
        if (!dockerfiles.has(key))
            dockerfiles.set(key, readDockerfile(options.workspace, b.build.request.dockerfile));
        return dockerfiles.get(key);
    };
    const builds = head.builds.map((b, i) => {
        const base = matches[i];
        const context = { dockerfile: dockerfileFor(b) };
        return {
            build: b.build.name,
            baseline: base
                ? {
                    run: label,
                    name: base.build.name,
                    status: base.build.status,
                    buildSeconds: base.build.buildSeconds,
                    jobSeconds: base.build.jobSeconds,
                    cacheRatio: base.cache.ratio,
                }
                : null,
            cacheBreak: findCacheBreak(b.build, baseline ? base?.build : null, context),
            deltas: base ? buildDeltas(b, base) : null,
        };
    });
    let note = null;
    if (!baseline)
        note = "no baseline to compare with: the cache break is told from this run's own logs";
    else if (baseline.builds.length === 0)
        note = `the baseline${label ? ` (${label})` : ''} has no build`;
    else if (builds.every((b) => b.baseline === null))
        note = `no build of this run is in the baseline${label ? ` (${label})` : ''}`;
    return { hasBaseline: baseline !== null, baselineLabel: label, note, builds };
}

;// CONCATENATED MODULE: ./src/doctor/check.ts
const CHECK_GROUPS = ['workflow', 'builder', 'resources', 'registry'];
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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
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

;// CONCATENATED MODULE: ./src/doctor/workflow-findings.ts


function finding(ctx, id, severity, title, line, advice, diff, data) {
    const file = ctx.workflow.path;
    const fix = diff ? `${advice}\n\n${codeBlock([`--- ${file}`, `+++ ${file}`, ...diff], 'diff')}` : advice;
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
                out.push(finding(ctx, 'cache-miss', 'warning', title, line, `Every leg of ${inlineCode(job.id)} writes the cache under one scope, so the last leg to finish replaces the others' cache and the next run misses. Give each leg its own scope (the matrix key that names the image), the same in \`cache-from\`.`, replaceHunk(ctx, line, entry.text, newEntry)));
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
    const file = step.with.get('file')?.value ?? external_node_path_namespaceObject.join(context, 'Dockerfile');
    if (file.includes('${{') || context.includes('${{') || /^[a-z]+:\/\//.test(context))
        return null;
    try {
        const text = external_node_fs_namespaceObject.readFileSync(external_node_path_namespaceObject.resolve(ctx.workspace, file), 'utf8');
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
const workflow_platform_rules_PLATFORM = /\b(linux|windows|darwin)\/(amd64|arm64|arm|386|ppc64le|s390x|riscv64|mips64le|mips64|loong64)(\/v\d)?\b/g;
/** The platform lists the input can take: one per quoted alternative of an expression, else one. */
function platformLists(value) {
    const alternatives = value.includes('${{') ? [...value.matchAll(/'([^']*)'/g)].map((m) => m[1]) : [value];
    return alternatives.map((alt) => [...new Set([...alt.matchAll(workflow_platform_rules_PLATFORM)].map((m) => m[0]))]).filter((list) => list.length > 0);
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
        out.push(finding(ctx, 'qemu-emulation', 'warning', `platforms ${foreign.join(', ')} on an ${native} runner without docker/setup-qemu-action`, platforms.line, `A \`RUN\` step for ${foreign.map((p) => inlineCode(p)).join(', ')} needs an emulator registered on the ${native} runner ("exec format error" otherwise). Register QEMU before the build, or build that platform on a native runner${native === 'amd64' ? ' (`ubuntu-24.04-arm` for arm64)' : ''}.`, insertHunk(ctx, step.line, [`${indent}- name: Set up QEMU`, `${indent}  uses: docker/setup-qemu-action@v3`]), { platforms: foreign.join(',') }));
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
        const where = bad.map((b) => `${inlineCode(b.tag)} on ${CONTEXT_NAME[b.context]}`).join(', ');
        const template = /\{\{\s*(branch|tag|base_ref)\b[^}]*\}\}/.exec(text)?.[0] ?? 'a template';
        // A sha tag whose prefix is a template: the fixed prefix is what metadata-action uses by default.
        const prefix = rule.attrs.get('prefix');
        const newText = rule.type === 'sha' && prefix !== undefined && /\{\{/.test(prefix)
            ? text.replace(`prefix=${prefix}`, 'prefix=sha-')
            : `${text},${bad
                .map((b) => GUARD[b.context])
                .filter((g, i, all) => all.indexOf(g) === i)
                .join(',')}`;
        out.push(finding(ctx, 'invalid-tag', 'error', `metadata-action tag rule ${text} makes an invalid tag on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}: ${bad[0].tag}`, line, `${inlineCode(template)} is empty on ${bad.map((b) => CONTEXT_NAME[b.context]).join(' and ')}, so this rule makes the tag ${where}; a tag must start with a letter, digit or underscore, and the build fails with "invalid tag". Use a fixed text there, or turn the rule off where the template is empty.`, replaceHunk(ctx, line, text, newText), { rule: text, tag: bad[0].tag }));
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
    const dir = external_node_path_namespaceObject.join(options.workspace, '.github', 'workflows');
    try {
        return external_node_fs_namespaceObject.readdirSync(dir)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort()
            .map((f) => external_node_path_namespaceObject.join(dir, f));
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
            detail: `no workflow files under ${external_node_path_namespaceObject.join(options.workspace, '.github', 'workflows')} (give them with --workflow)`,
        });
        return { checks, findings, platforms: [] };
    }
    let building = 0;
    for (const file of files) {
        const shown = displayPath(options.workspace, file);
        const id = `workflow.${external_node_path_namespaceObject.basename(file)}`;
        let workflow;
        try {
            const size = external_node_fs_namespaceObject.statSync(file).size;
            if (size > MAX_WORKFLOW_BYTES) {
                checks.push({ id, status: 'skipped', title: `Workflow ${shown}`, detail: `${size} bytes, larger than a workflow file (not read)` });
                continue;
            }
            workflow = parseWorkflow(shown, external_node_fs_namespaceObject.readFileSync(file, 'utf8'));
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
        const verified = !external_node_path_namespaceObject.isAbsolute(shown) && !shown.startsWith('..');
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
    const relative = external_node_path_namespaceObject.relative(external_node_path_namespaceObject.resolve(workspace), external_node_path_namespaceObject.resolve(file));
    return relative && !relative.startsWith('..') && !external_node_path_namespaceObject.isAbsolute(relative) ? relative.split(external_node_path_namespaceObject.sep).join('/') : file;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
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
                return `docker buildx is not available (${buildx_version_firstLine(result.stderr) || `exit code ${result.exitCode}`})`;
            return parseBuildxVersion(result.stdout) ?? `could not read the buildx version from "${buildx_version_firstLine(result.stdout)}"`;
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
function buildx_version_firstLine(text) {
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
            return { ok: true, result: await docker_cli_docker(args, { env, timeoutMs: slow ? limits.slowTimeoutMs : limits.timeoutMs }) };
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
        return external_node_fs_namespaceObject.existsSync(unix[1]) ? null : `points at ${unix[1]}, which is gone`;
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
    const arch = external_node_os_namespaceObject.arch();
    return arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
}
/** Whether an emulator for `arch` is registered and enabled; null when binfmt_misc cannot be read. */
function emulatorRegistered(arch, binfmtDir = '/proc/sys/fs/binfmt_misc') {
    const name = BINFMT_NAME[arch];
    if (!name)
        return false;
    try {
        external_node_fs_namespaceObject.readdirSync(binfmtDir);
    }
    catch {
        return null;
    }
    try {
        return /^enabled/m.test(external_node_fs_namespaceObject.readFileSync(`${binfmtDir}/${name}`, 'utf8'));
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
            fix: `\`docker version\` reached no daemon (${inlineCode(why)}). Check \`DOCKER_HOST\` and the docker context (\`docker context ls\`), and that the daemon runs on this runner.`,
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
            fix: `Builders left behind by earlier jobs are picked up by name and fail with "failed to find builder" or a mismatched BuildKit. Remove them: ${names.map((n) => inlineCode(`docker buildx rm ${n}`)).join(', ')}.`,
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
                fix: `The workflow asks for ${missing.map((p) => inlineCode(p)).join(', ')}, which this ${native} runner's builder does not list. Register emulators with \`docker/setup-qemu-action\` (\`docker run --privileged --rm tonistiigi/binfmt --install all\`) before \`docker/setup-buildx-action\`, or build those platforms on native runners.`,
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
        fix: `Its node ${why.replace(/^points at (\S+)/, (_, e) => `points at ${inlineCode(e)}`)}, so every build fails to reach BuildKit. Remove it and select another: \`docker buildx rm ${builder.name}\` then \`docker buildx use default\` (or re-run \`docker/setup-buildx-action\`).`,
        source: null,
    });
}

;// CONCATENATED MODULE: ./src/doctor/resource-checks.ts



const DEFAULT_RESOURCE_OPTIONS = { warnFreeBytes: 10 * 1024 ** 3, failFreeBytes: 2 * 1024 ** 3 };
const resource_checks_UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3, TIB: 1024 ** 4 };
/** `1.982MB`, `3.346GiB`, `0B` as bytes; null when it is no size. */
function parseSize(text) {
    const match = /^([\d.]+)\s*([KMGT]i?B|B)$/i.exec(text.trim());
    if (!match)
        return null;
    const unit = resource_checks_UNITS[match[2].toUpperCase()];
    return unit === undefined ? null : Math.round(Number(match[1]) * unit);
}
/** The `Total:` line of `docker buildx du`. */
function parseDuTotal(output) {
    const match = /^Total:\s*(\S+)/m.exec(output);
    return match ? parseSize(match[1]) : null;
}
function resource_checks_formatBytes(bytes) {
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
            const stat = external_node_fs_namespaceObject.statfsSync(root);
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
            const detail = `${resource_checks_formatBytes(free)} free of ${resource_checks_formatBytes(size)} under ${root} (warns under ${resource_checks_formatBytes(options.warnFreeBytes)}, fails under ${resource_checks_formatBytes(options.failFreeBytes)})`;
            checks.push({ id: 'resources.disk', status, title: 'Free disk', detail });
            if (status !== 'pass') {
                findings.push(doctorFinding({
                    id: 'disk-full',
                    severity: status === 'fail' ? 'error' : 'warning',
                    title: `Only ${resource_checks_formatBytes(free)} free where Docker keeps its data`,
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
            detail: `${resource_checks_formatBytes(total)} used by the builder's cache (docker buildx du)`,
        });
    }
    return { checks, findings };
}

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
        const error = redact(runner_firstLine(stderr) || runner_firstLine(stdout));
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
                fix: `Whatever pulls ${inlineCode(ref)} (a deployment, a smoke test) fails with ImagePullBackOff. A tag pushed only from \`main\` does not exist for a pull request; check the workflow's push condition and the tags metadata-action makes for the event.`,
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
        Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(735)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9735)),
        Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(856)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6856)),
        Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(594)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5594)),
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
        return await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(758)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1758));
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
        const { STATUS_CODES } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
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

;// CONCATENATED MODULE: ./src/doctor/package-versions.ts



/** Versions listed in a check's detail; the API's first page (30) is searched for the wanted tags. */
const SHOWN_VERSIONS = 5;
/** The ghcr.io packages the references name, each once; other registries and bad references are left out. */
function ghcrPackages(images) {
    const packages = new Map();
    for (const text of images) {
        let ref;
        try {
            ref = parseReference(text);
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
            if (external_node_fs_namespaceObject.statSync(file).size > workflow_images_MAX_WORKFLOW_BYTES)
                continue;
            workflows.push(parseWorkflow(external_node_path_namespaceObject.basename(file), external_node_fs_namespaceObject.readFileSync(file, 'utf8')));
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
        parseReference(text);
        return true;
    }
    catch {
        return false;
    }
}

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
        config = JSON.parse(external_node_fs_namespaceObject.readFileSync(external_node_path_namespaceObject.join(dockerConfigDir(env), 'config.json'), 'utf8'));
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
        return parseReference(image);
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/doctor/doctor.ts









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
    return { checks, findings: doctor_rankFindings(findings) };
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
function doctor_rankFindings(findings) {
    const order = { error: 0, warning: 1, notice: 2 };
    return findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => order[a.f.severity] - order[b.f.severity] || a.i - b.i)
        .map(({ f }) => f);
}
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

;// CONCATENATED MODULE: ./src/doctor/render.ts



// The doctor's report in the three forms: the terminal, Markdown (job summary) and JSON. Check details
// carry command output (builder names, registry errors): redacted, and escaped for Markdown.
/** Findings shown in full in Markdown; the JSON report has all of them. */
const MAX_MARKDOWN_FINDINGS = 30;
const STATUS_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };
const render_STATUS_ICON = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };
function renderDoctorText(report) {
    const lines = ['buildx-doctor doctor', ''];
    for (const c of report.checks)
        lines.push(`${STATUS_WORD[c.status]}  ${c.title}: ${redact(c.detail)}`);
    if (report.findings.length > 0) {
        lines.push('', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`);
        for (const f of report.findings) {
            const where = f.locations?.[0] ? ` (${f.locations[0].file}:${f.locations[0].line})` : '';
            lines.push('', `${f.severity.toUpperCase()} ${f.id}${where}: ${redact(f.title)}`, ...f.fix.split('\n').map((l) => `    ${l}`));
        }
    }
    lines.push('', summaryLine(report.checks));
    return `${lines.join('\n')}\n`;
}
/** The fix of each finding is Markdown buildx-doctor wrote (workflow text only inside code blocks). */
function renderDoctorMarkdown(report, heading = '##', problems = []) {
    const out = [`${heading} buildx-doctor: doctor`, '', summaryLine(report.checks), ''];
    for (const problem of problems)
        out.push(`> [!WARNING]\n> ${escapeText(redact(problem))}`, '');
    out.push('| Status | Check | Detail |', '| --- | --- | --- |');
    for (const c of report.checks)
        out.push(`| ${render_STATUS_ICON[c.status]} | ${escapeCell(c.title)} | ${escapeCell(redact(c.detail))} |`);
    // Each finding's fix is short, but a repository of many workflows must not fill the summary.
    for (const f of report.findings.slice(0, MAX_MARKDOWN_FINDINGS))
        out.push('', findingMarkdown(f, `${heading}#`));
    const rest = report.findings.length - MAX_MARKDOWN_FINDINGS;
    if (rest > 0)
        out.push('', `…and ${rest} more finding${rest === 1 ? '' : 's'} in the JSON report.`);
    return `${out.join('\n')}\n`;
}
function findingMarkdown(f, heading) {
    const where = f.locations?.[0] ? ` (${inlineCode(`${f.locations[0].file}:${f.locations[0].line}`)})` : '';
    return `${heading} ${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${inlineCode(f.id)}: ${escapeText(redact(f.title))}${where}\n\n${f.fix}`;
}
function summaryLine(checks) {
    const count = (s) => checks.filter((c) => c.status === s).length;
    return `${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skipped')} skipped`;
}
/** The `doctor` section of a report: the checks, redacted. */
function doctorChecksJson(report) {
    return report.checks.map((c) => ({ id: c.id, status: c.status, title: c.title, detail: redact(c.detail) }));
}
/** The CLI's JSON: `{schemaVersion, tool, doctor: {checks}, findings}`. */
function doctorJson(report) {
    return { schemaVersion: SCHEMA_VERSION, tool: toolJson(), doctor: { checks: doctorChecksJson(report) }, findings: report.findings.map(findingJson) };
}

;// CONCATENATED MODULE: ./src/cli/doctor-command.ts












// `buildx-doctor doctor`: the live checks from the command line. With --workflow and
// --skip builder,resources,registry it reads only the given files (no docker, no network).
const DOCTOR_USAGE = `usage: ${TOOL_NAME} doctor [--workflow FILE...] [--workspace DIR] [--skip builder,resources,registry,workflow]
       [--image REF...] [--warn-free-gb N] [--fail-free-gb N] [--format text|markdown|json] [--report-file PATH]
       [--log PAST_RUN.log] [--fail-on never|error|warning] [--github-token TOKEN] [--repository OWNER/NAME]

Checks the workflow files (offline), the buildx builder, free disk and the build cache, and that
the given images exist in their registry. With --log (a past run's saved log), also whether buildx
and BuildKit are the versions that run had. Read-only: nothing is built, pushed or started.
Without --image, the images are those the workflows' docker/metadata-action steps name.
With a GitHub token (GITHUB_TOKEN, or --github-token) the ghcr.io packages' versions are listed
and the token's scopes checked; GITHUB_API_URL sets the API (default https://api.github.com).
--repository (default GITHUB_REPOSITORY) stands for \${{ github.repository }} in image names.

Exit status: 0 checked, 1 a finding met --fail-on, 2 bad usage.`;
/** The GitHub API's time budget for the doctor: a few lookups per image, retries included. */
const API_BUDGET_MS = 60_000;
async function runDoctorCommand(args, io) {
    let options;
    try {
        if (args.includes('--help') || args.includes('-h')) {
            await io.stdout(`${DOCTOR_USAGE}\n`);
            return 0;
        }
        options = parseDoctorArgs(args);
    }
    catch (error) {
        io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${DOCTOR_USAGE.split('\n')[0]}\n`);
        return 2;
    }
    let pastRun = null;
    if (options.log) {
        const parsed = await parseSource(fileSource(options.log));
        if (parsed.builds.length === 0 && parsed.problems.length > 0) {
            io.stderr(`${TOOL_NAME}: --log ${options.log}: ${parsed.problems[0].message}\n`);
            return 2;
        }
        pastRun = versionsOfBuilds(parsed.builds, options.log);
    }
    const report = await runDoctor({ ...options, pastRun, github: await githubAccess(options.githubToken) });
    const json = `${JSON.stringify(doctorJson(report), null, 2)}\n`;
    if (options.reportFile) {
        try {
            await (0,promises_namespaceObject.writeFile)(options.reportFile, json);
        }
        catch (error) {
            io.stderr(`${TOOL_NAME}: could not write the report to ${options.reportFile}: ${describeError(error)}\n`);
            return 2;
        }
    }
    if (options.format === 'json')
        await io.stdout(json);
    else if (options.format === 'markdown')
        await io.stdout(renderDoctorMarkdown(report));
    else
        await io.stdout(renderDoctorText(report));
    return shouldFail(report.findings, options.failOn) ? 1 : 0;
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
        throw new InputError(`${flag} must be a number of GiB, not "${text}"`);
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
    for (const arg of readArgs(args, DOCTOR_OPTIONS)) {
        if (arg.kind === 'positional')
            throw new InputError(`unexpected argument "${arg.value}" (workflow files go after --workflow)`);
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
                    throw new InputError(`--skip: ${describeError(error)}`);
                }
                break;
            case '--image':
                options.images.push(arg.value);
                break;
            case '--format': {
                const format = arg.value;
                if (format !== 'text' && format !== 'markdown' && format !== 'json')
                    throw new InputError(`--format must be text, markdown or json, not "${format}"`);
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
                options.failOn = parseFailOn(arg.value);
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
                    throw new InputError(`--repository must be OWNER/NAME, not "${repository}"`);
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

;// CONCATENATED MODULE: ./src/cli/cli.ts
















const USAGE = `usage: ${TOOL_NAME} analyze FILE... [--baseline FILE...] [--format text|markdown|json] [--max-build-minutes N]
       [--fail-on never|error|warning] [--report-file PATH] [--signatures FILE] [--workspace DIR]
${HISTORY_USAGE}

Reads Docker Buildx build output (plain progress, GitHub Actions job logs, \`gh run view --log\`)
and reports timings, cache hits, images and findings. Use - to read standard input.
--baseline takes the logs of an earlier build (every file up to the next option) and compares:
times, cache hits, and the step where the cache broke, with the reason (the Dockerfile is read
from --workspace to tell a changed build argument from an edit).

Exit status: 0 analysed, 1 a finding met --fail-on, 2 bad usage or nothing to analyse.

${DOCTOR_USAGE}`;
const defaultIo = {
    stdout: streamWriter(process.stdout),
    stderr: (text) => process.stderr.write(text),
    terminal: process.stdout,
    env: process.env,
};
/**
 * A terminal gets lines wrapped to its width and colour (unless NO_COLOR is set, https://no-color.org);
 * a pipe or a file gets whole lines and no colour.
 */
function textOptionsFor(terminal, env = {}) {
    if (!terminal?.isTTY)
        return { width: null, color: false };
    const columns = terminal.columns && terminal.columns > 0 ? terminal.columns : 80;
    return { width: columns, color: !env.NO_COLOR };
}
/** Runs the command line; returns the exit status instead of exiting, so tests can call it. */
async function runCli(argv, io = defaultIo) {
    let options;
    try {
        if (argv[0] === '--version' || argv[0] === '-V') {
            await io.stdout(`${TOOL_NAME} ${TOOL_VERSION}\n`);
            return 0;
        }
        if (argv[0] === 'doctor')
            return await runDoctorCommand(argv.slice(1), io);
        if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
            await io.stdout(`${USAGE}\n`);
            return argv.length === 0 ? 2 : 0;
        }
        // The benchmark table of several runs: a command of its own (history-command.ts).
        if (argv[0] === 'history')
            return await runHistoryCli(argv.slice(1), io);
        options = parseAnalyzeArgs(argv);
    }
    catch (error) {
        io.stderr(`${TOOL_NAME}: ${describeError(error)}\n${USAGE.split('\n')[0]}\n`);
        return 2;
    }
    let catalog;
    try {
        catalog = await loadCatalog(options.signatures);
    }
    catch (error) {
        io.stderr(`${TOOL_NAME}: ${describeError(error)}\n`);
        return 2;
    }
    const sources = options.files.map((file) => (file === '-' ? stdinSource(io.stdin) : fileSource(file)));
    const analysis = await analyzeSources(sources, { maxBuildMinutes: options.maxBuildMinutes, workspace: options.workspace }, catalog);
    for (const problem of analysis.problems)
        io.stderr(`${TOOL_NAME}: ${problem.message}\n`);
    if (analysis.builds.length === 0)
        return 2;
    // The baseline goes through the same pipeline; its own problems are only worth a line each.
    let baseline = null;
    if (options.baseline) {
        baseline = await analyzeSources(options.baseline.map(fileSource), { maxBuildMinutes: options.maxBuildMinutes, workspace: options.workspace }, catalog);
        for (const problem of baseline.problems)
            io.stderr(`${TOOL_NAME}: baseline: ${problem.message}\n`);
    }
    analysis.comparison = compareAnalyses(analysis, baseline, {
        workspace: options.workspace,
        baselineLabel: options.baseline ? options.baseline.join(', ') : undefined,
    });
    if (options.reportFile) {
        const path = options.reportFile;
        try {
            await writeFileStreaming(path, (write) => writeJsonReport(analysis, write));
        }
        catch (error) {
            io.stderr(`${TOOL_NAME}: could not write the report to ${path}: ${describeError(error)}\n`);
            return 2;
        }
    }
    if (options.format === 'json')
        await writeJsonReport(analysis, io.stdout);
    else if (options.format === 'markdown')
        await io.stdout(renderMarkdown(analysis));
    else
        await io.stdout(renderText(analysis, textOptionsFor(io.terminal, io.env)));
    return shouldFail(analysis.findings, options.failOn) ? 1 : 0;
}
const ANALYZE_OPTIONS = ['format', 'max-build-minutes', 'fail-on', 'report-file', 'signatures', 'workspace', 'baseline'];
function parseAnalyzeArgs(argv) {
    const [command, ...rest] = argv;
    if (command !== 'analyze')
        throw new InputError(`unknown command "${command}" (the commands are "analyze", "history" and "doctor")`);
    const options = {
        files: [],
        format: 'text',
        maxBuildMinutes: DEFAULT_ANALYSIS_OPTIONS.maxBuildMinutes,
        failOn: 'never',
        reportFile: null,
        signatures: null,
        workspace: process.cwd(),
        baseline: null,
    };
    // After --baseline, plain arguments are the baseline's files until the next option.
    let readingBaseline = false;
    for (const arg of readArgs(rest, ANALYZE_OPTIONS)) {
        if (arg.kind === 'positional') {
            if (readingBaseline && arg.value === '-')
                throw new InputError('the baseline cannot be read from standard input');
            if (readingBaseline)
                options.baseline.push(arg.value);
            else
                options.files.push(arg.value);
            continue;
        }
        readingBaseline = false;
        switch (arg.flag) {
            case '--format': {
                const format = arg.value;
                if (format !== 'text' && format !== 'markdown' && format !== 'json')
                    throw new InputError(`--format must be text, markdown or json, not "${format}"`);
                options.format = format;
                break;
            }
            case '--max-build-minutes':
                options.maxBuildMinutes = parseMinutes(arg.value);
                break;
            case '--fail-on':
                options.failOn = parseFailOn(arg.value);
                break;
            case '--report-file':
                options.reportFile = arg.value;
                break;
            case '--signatures':
                options.signatures = arg.value;
                break;
            case '--workspace':
                options.workspace = arg.value;
                break;
            case '--baseline':
                (options.baseline ??= []).push(arg.value);
                readingBaseline = !arg.inline;
                break;
        }
    }
    if (options.files.length === 0)
        throw new InputError('no log file given (use - for standard input)');
    if (options.baseline?.includes('-'))
        throw new InputError('the baseline cannot be read from standard input');
    return options;
}

;// CONCATENATED MODULE: ./src/cli/main.ts


// The CLI entry point (`dist/cli.js`). Any error that escapes is a bug: one line, exit 2, no trace.
// A reader that closed the pipe early (`| head`) is not an error.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE')
        process.exit(process.exitCode ?? 0);
});
runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`buildx-doctor: internal error: ${describeError(error)}\n`);
    process.exitCode = 2;
});

