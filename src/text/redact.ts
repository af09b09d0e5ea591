// Log text can carry credentials that GitHub's own masking missed (a token echoed by a script, a
// password in a URL). Everything buildx-doctor quotes from a log passes through here first.

const PATTERNS: Array<[RegExp, string]> = [
  // GitHub tokens: classic, fine-grained, app, OAuth, refresh.
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '***'],
  // JSON Web Tokens (registry bearer tokens, OIDC tokens).
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '***'],
  // AWS access key ids and npm tokens.
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '***'],
  [/\bnpm_[A-Za-z0-9]{30,}\b/g, '***'],
  // `Authorization: Bearer xxx`, `Basic xxx`.
  [/\b(Authorization:\s*(?:Bearer|Basic|token)\s+)\S+/gi, '$1***'],
  // Credentials in URLs: scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, '$1***@'],
  // --password xxx, --token=xxx (command lines)
  [/(--(?:password|passwd|token|secret|api-key|access-key)(?:=|\s+))(?!\*\*\*)("[^"]*"|'[^']*'|\S+)/gi, '$1***'],
  // password=xxx, token: xxx, SECRET_KEY=xxx (assignments and config dumps)
  [/\b([A-Z0-9_]*(?:password|passwd|token|secret|api_?key|access_?key)[A-Z0-9_]*\s*[=:]\s*)(?!\*\*\*)("[^"]*"|'[^']*'|[^\s,;]+)/gi, '$1***'],
  // PEM private keys (the header line is enough to know the rest is secret).
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----.*/g, '-----BEGIN PRIVATE KEY----- ***'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
