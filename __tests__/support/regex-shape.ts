// A static look at a regular expression's shape, for the built-in catalog's tests: catastrophic
// backtracking needs a repeated group that itself holds an unbounded repetition (`(a+)*`), so a
// pattern without one cannot blow up, whatever the line, and no clock is needed to say so.

/** Each repeated group's body that holds an unbounded repetition and is not clearly unambiguous. */
export function ambiguousNestedRepeats(source: string): string[] {
  const found: string[] = [];
  const open: { start: number; innerUnbounded: boolean }[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      i = endOfClass(source, i);
      continue;
    }
    if (c === '(') {
      open.push({ start: i, innerUnbounded: false });
      i++;
      continue;
    }
    if (c === ')') {
      const group = open.pop();
      const repeat = unboundedAt(source, i + 1);
      if (group && group.innerUnbounded && repeat) {
        const body = source.slice(group.start + 1, i).replace(/^\?(?::|<?[=!]|<[A-Za-z]\w*>)/, '');
        if (!delimitedByWhitespace(body)) found.push(source.slice(group.start, i + 1));
      }
      if (open.length > 0 && (group?.innerUnbounded || repeat)) open[open.length - 1]!.innerUnbounded = true;
      i++;
      continue;
    }
    if (open.length > 0 && unboundedAt(source, i)) open[open.length - 1]!.innerUnbounded = true;
    i++;
  }
  return found;
}

function endOfClass(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

function unboundedAt(source: string, i: number): boolean {
  return source[i] === '*' || source[i] === '+' || /^\{\d+,\}/.test(source.slice(i));
}

/**
 * A body of literal characters and one `\S+` (or `\S*`), with a literal space in it: each repetition
 * must cross that space, which `\S` cannot take, so a line splits into repetitions one way only.
 */
function delimitedByWhitespace(body: string): boolean {
  const repeats = body.match(/\\S[+*]/g) ?? [];
  if (repeats.length !== 1 || !body.includes(' ')) return false;
  const rest = body.replace(/\\S[+*]/, '');
  return !/[\\()[\]*+?{}|.]/.test(rest);
}
