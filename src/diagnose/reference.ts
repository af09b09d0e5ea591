// The image reference grammar (distribution/reference): [registry[:port]/]path[:tag][@digest], the
// path lowercase components of [a-z0-9] joined by `.`, `_`, `__` or `-`s and separated by `/`, the tag
// `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;

/** Which rule of the grammar a reference breaks, in words; null when it is valid. */
export function explainReference(reference: string): string | null {
  if (reference === '') return 'the reference is empty';
  if (/\s/.test(reference)) return 'it contains white space';
  let rest = reference;
  const at = rest.indexOf('@');
  if (at !== -1) {
    if (!/^sha256:[0-9a-f]{64}$/.test(rest.slice(at + 1))) return 'the part after `@` is not a digest (`sha256:` and 64 hex digits)';
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | null = null;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost') && REGISTRY.test(parts[0]!)) parts.shift();
  if (parts.some((p) => p === '')) return 'the name has an empty component (`//`, or a leading or trailing `/`): a variable in it is probably empty';
  for (const part of parts) {
    if (part !== part.toLowerCase() && COMPONENT.test(part.toLowerCase())) return `the repository name must be lowercase (\`${part}\`)`;
    if (!COMPONENT.test(part)) return `the name component \`${part}\` may only hold a-z, 0-9 and single \`.\`, \`_\`, \`__\` or \`-\` between them`;
  }
  if (tag !== null) {
    if (tag === '') return 'the tag after `:` is empty: a variable or template produced nothing';
    if (tag.length > 128) return `the tag is ${tag.length} characters long; at most 128 are allowed`;
    if (/^[.-]/.test(tag)) return `the tag \`${tag}\` starts with \`${tag[0]}\`; a tag must start with a letter, a digit or \`_\``;
    if (!TAG.test(tag)) return `the tag \`${tag}\` may only hold letters, digits, \`_\`, \`.\` and \`-\``;
  }
  return null;
}
