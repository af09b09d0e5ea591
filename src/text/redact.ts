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
const PATTERNS: Array<[RegExp, string, string[]]> = [
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
  // nor BuildKit's "secret GITHUB_TOKEN: not found", which names the missing secret, not its value;
  // nor a tool's error on a secret's file (`cat: /run/secrets/api_key: No such file or directory`), nor Rust's debug print
  // of a URL without one (`reqwest::Error { ..., password: None, ... }`: `***` there would say a credential was in it);
  // its print of one (`password: Some("x")`) is hidden whole, not cut at the quote. Nor a registry's error code after
  // containers/image's `invalid username/password: ` (`unauthorized: Please login ...`): the registry's answer, which the
  // diagnosis reads (a pod's pull refused, not a missing image).
  [
    /\b([A-Z0-9_]{0,64}(?:password|passwd|secret|api_?key|access_?key|_token)[A-Z0-9_]{0,64}\s{0,8}:\s{0,8})(?!\*\*\*|not found\b|No such file or directory\b|Permission denied\b|None\b|(?:unauthorized|denied): )(Some\("[^"]{0,4096}"\)|"[^"]{0,4096}"|'[^']{0,4096}'|[^\s,;"']{1,4096})/gi,
    '$1***',
    ['pass', 'secret', 'api', 'access', '_token'],
  ],
  // PEM private keys (the header line is enough to know the rest is secret).
  [/-----BEGIN [A-Z ]{0,64}PRIVATE KEY-----.*/g, '-----BEGIN PRIVATE KEY----- ***', ['-----begin']],
];

/**
 * Every gate's words in one expression over the lower-cased text: most texts (step names, commands,
 * quoted lines) hold none, and one search rules them all out where the gates took two dozen.
 */
const GATE_WORDS = [...new Set(PATTERNS.flatMap(([, , gate]) => gate))].map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
const ANY_GATE = new RegExp(GATE_WORDS);
/**
 * The same words ignoring case, tried on the text itself: no lower-cased copy of every line (most of
 * the garbage redaction made). Where it finds none, no pattern can match: a match needs its gate's
 * ASCII word in the text in some case, and `i` without `u` folds only ASCII onto ASCII (a character
 * that lower-cases to ASCII, the Kelvin sign or `İ`, may pass a gate below, but no pattern matches it).
 */
const ANY_GATE_ANY_CASE = new RegExp(GATE_WORDS, 'i');

export function redact(text: string): string {
  let out = text.length > MAX_REDACT ? `${text.slice(0, MAX_REDACT)}…` : text;
  if (!ANY_GATE_ANY_CASE.test(out)) return out;
  const lower = out.toLowerCase();
  if (!ANY_GATE.test(lower)) return out;
  for (const [pattern, replacement, gate] of PATTERNS) {
    // A replacement only puts `***` in: the text as lowered before still tells each gate.
    if (gate.some((needle) => lower.includes(needle))) out = out.replace(pattern, replacement);
  }
  return out;
}

/** redact without the gates: every pattern on every text. The reference the gates are tested against. */
export function redactUngated(text: string): string {
  let out = text.length > MAX_REDACT ? `${text.slice(0, MAX_REDACT)}…` : text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
