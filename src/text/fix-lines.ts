// The lines of a fix (Markdown written by buildx-doctor and the catalog) that reports quote alone: the
// change to make, said in one line, and the rest without it.

/** The first sentence-like line of a fix: what to do, in one line. */
export function firstLine(fix: string): string | null {
  const index = firstLineIndex(fix);
  return index === -1 ? null : bare(fix.split('\n')[index]!);
}

/** The first list item of a fix (`- ...`, `1. ...`), without its marker; null when it has none. */
export function firstListItem(fix: string): string | null {
  const item = fix.split('\n').find((l) => LIST_ITEM.test(l) && bare(l) !== '');
  return item === undefined ? null : bare(item);
}

/** The fix without the line `firstLine` gives: the rest, for a report that said the first line already. */
export function withoutFirstLine(fix: string): string {
  return withoutLine(fix, firstLine(fix));
}

/** Whether a line of the fix says `line` (without its list marker). */
export function hasLine(fix: string, line: string): boolean {
  return fix.split('\n').some((l) => bare(l) === line);
}

/** The fix without its first line whose text (without a list marker) is `line`; the fix as it is when none is. */
export function withoutLine(fix: string, line: string | null): string {
  if (line === null) return fix;
  const lines = fix.split('\n');
  const index = lines.findIndex((l) => bare(l) === line);
  if (index === -1) return fix;
  lines.splice(index, 1);
  return lines.join('\n').trim();
}

const LIST_ITEM = /^\s*(?:[-*]|\d+\.)\s+/;

function firstLineIndex(fix: string): number {
  return fix.split('\n').findIndex((l) => {
    const line = bare(l);
    return line !== '' && !line.startsWith('```') && !line.startsWith('|') && !line.startsWith('<');
  });
}

/** A line without its list marker. */
function bare(line: string): string {
  return line.replace(LIST_ITEM, '').trim();
}
