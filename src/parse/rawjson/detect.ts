// `docker buildx build --progress=rawjson` writes one BuildKit SolveStatus per JSON object: on one line
// (buildx 0.14 and later) or pretty-printed over many, starting with a lone `{` (buildx 0.13). The
// object's first key is one of SolveStatus's four (Go writes them in this order, leaving empty ones out).
const COMPACT_START = /^\{\s*"(?:vertexes|statuses|logs|warnings)"\s*:/;

/**
 * Whether an input whose first non-empty line is `firstNonEmptyLine` is rawjson progress. A lone `{`
 * is taken as the start of a pretty-printed object: the rawjson parser makes no build from other
 * JSON, so a wrong guess ends as "no Docker build output found", as it would with the plain parser.
 */
export function looksLikeRawJson(firstNonEmptyLine: string): boolean {
  const text = firstNonEmptyLine.replace(/^\uFEFF/, '').trim();
  return text === '{' || COMPACT_START.test(text);
}
