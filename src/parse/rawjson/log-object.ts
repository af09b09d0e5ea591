// Most of a rawjson log is step output, one `logs` object a line, always in the same shape:
//   {"logs":[{"vertex":"sha256:…","stream":1,"data":"<base64>","timestamp":"2026-…Z"}]}
// JSON.parse of such a line built a whole object tree and was the largest single cost of reading
// rawjson. This reads exactly that shape with one anchored regular expression (linear: every
// part is a character class closed by a literal quote) and gives back what JSON.parse would;
// anything else, even the same object with a space or an escape in it, is left to JSON.parse.

const CANONICAL_LOG =
  /^\{"logs":\[\{"vertex":"([^"\\\u0000-\u001f]*)","stream":(0|[1-9][0-9]{0,8}),"data":"([A-Za-z0-9+/=]*)","timestamp":"([^"\\\u0000-\u001f]*)"\}\]\}$/;

/** The value JSON.parse gives for a canonical one-log object, or undefined for any other text. */
export function parseCanonicalLogObject(text: string): unknown {
  if (!text.startsWith('{"logs":[{"vertex":"')) return undefined;
  const match = CANONICAL_LOG.exec(text);
  if (!match) return undefined;
  return { logs: [{ vertex: match[1]!, stream: Number(match[2]!), data: match[3]!, timestamp: match[4]! }] };
}
