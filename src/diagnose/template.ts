import { inlineCode } from '../text/markdown.js';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
// An optional part that is a whole line: dropped with its line break.
const OPTIONAL_LINE = /^[ \t]*\[\[([^\n]*?)\]\][ \t]*(?:\n|$)/gm;

/**
 * Fills a signature's title or fix. `[[ ... ]]` parts vanish when a placeholder in them has no
 * value. In Markdown, values (log text) become inline code, which cannot carry HTML or mentions.
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>, mode: 'text' | 'markdown'): string {
  const has = (name: string) => values[name] !== undefined && values[name] !== '';
  const kept = (inner: string) => [...inner.matchAll(PLACEHOLDER)].every((m) => has(m[1]!));
  const withLines = template.replace(OPTIONAL_LINE, (whole, inner: string) => (kept(inner) ? whole.replace(/\[\[|\]\]/g, '') : ''));
  const withOptional = withLines.replace(OPTIONAL, (_, inner: string) => {
    const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    return names.every(has) ? inner : '';
  });
  return withOptional.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') return mode === 'markdown' ? '(unknown)' : 'the build';
    return mode === 'markdown' ? inlineCode(value, 200) : value.length > 80 ? `${value.slice(0, 79)}…` : value;
  });
}
