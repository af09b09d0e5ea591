import { inlineCode, truncate } from '../text/markdown.js';

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
// An optional part that is whole lines (it opens a line and closes one, several lines when one condition holds for a
// block of advice): dropped with its line breaks. One part only: a line of several (`[[a]] [[b]]`, a title that starts
// with one) is left to OPTIONAL, part by part.
const OPTIONAL_LINE = /^[ \t]*\[\[((?:(?!\[\[|\]\])[\s\S])*)\]\][ \t]*(?:\n|$)/gm;
// `[[!${name} ...]]` (or `[[!${a} !${b} ...]]`): a part kept only while those have no value, for general advice that stops holding once a
// cause it names was found (a network failure's "re-run, it is usually transient" beside an untrusted certificate).
// `[[?${name} ...]]`: a part kept only while `name` has a value, without printing it (a title's `, which RUN x runs` that belongs
// to one cause's wording, and must not fall away with the rest of the title when the paste has no step).
const CONDITION = /^([!?])\$\{([A-Za-z_][A-Za-z0-9_]*)\}[ \t]?/;

/**
 * The longest a filled title or fix may be. A signature file may repeat a placeholder a quarter of
 * a million times, and every failed build fills it again: without a bound, 300 builds took 4 GB.
 * A fix longer than this would not fit a pull request comment anyway.
 */
export const MAX_FILLED_CHARS = 16_000;

/**
 * Fills a signature's title or fix. `[[ ... ]]` parts vanish when a placeholder in them has no
 * value; `[[!${name} ... ]]` parts vanish when `name` has one, `[[?${name} ... ]]` parts when it has none. In Markdown, values (log text) become inline code, which cannot carry HTML or mentions.
 * The result is at most `max` characters, cut between a value and the text around it (never inside
 * an inline code span), with any code fence left open closed again.
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>, mode: 'text' | 'markdown', max = MAX_FILLED_CHARS): string {
  const has = (name: string) => values[name] !== undefined && values[name] !== '';
  /** The text an optional part leaves, or null when it is dropped. */
  const keep = (inner: string): string | null => {
    for (let condition = CONDITION.exec(inner); condition !== null; condition = CONDITION.exec(inner)) {
      if (has(condition[2]!) === (condition[1] === '!')) return null;
      inner = inner.slice(condition[0].length);
    }
    return [...inner.matchAll(PLACEHOLDER)].every((m) => has(m[1]!)) ? inner : null;
  };
  const withLines = template.replace(OPTIONAL_LINE, (whole: string, inner: string) => {
    const part = keep(inner);
    return part === null ? '' : whole.replace(`[[${inner}]]`, () => part);
  });
  const withOptional = withLines.replace(OPTIONAL, (_, inner: string) => keep(inner) ?? '');
  const fill = (name: string): string => {
    const value = values[name];
    if (value === undefined || value === '') return mode === 'markdown' ? '(unknown)' : 'the build';
    return mode === 'markdown' ? inlineCode(value, 200) : value.length > 80 ? `${value.slice(0, 79)}…` : value;
  };
  const pieces: string[] = [];
  let length = 0;
  let from = 0;
  let cut = false;
  for (const match of withOptional.matchAll(PLACEHOLDER)) {
    const text = withOptional.slice(from, match.index);
    const value = fill(match[1]!);
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
  if (!cut) return out;
  return mode === 'markdown' ? `${closeOpenFence(out)}\n\n(cut to ${max.toLocaleString('en-US')} characters)` : `${out}…`;
}

/** A Markdown text cut short may end inside a fenced block: close it, or the rest of the page is code. */
function closeOpenFence(text: string): string {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === null) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length) open = null;
  }
  return open === null ? text : `${text}\n${open}`;
}
