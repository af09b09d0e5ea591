/** `Build *`, `build (?*)`: `*` any text, `?` one character; several patterns, `!pattern` excludes. */
export function matchesAny(name: string, patterns: string[]): boolean {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const test = (pattern: string) => globToRegExp(pattern).test(name);
  return (include.length === 0 || include.some(test)) && !exclude.some(test);
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
