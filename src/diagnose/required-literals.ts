// Which plain texts a regular expression cannot match without: a cheap test (a substring search)
// that rules a line out before any regular expression runs on it.

/** Literals shorter than this rule out too little to be worth testing. */
const MIN_LITERAL = 3;

/**
 * A set of literals of which every match of `source` contains at least one, or null when there is
 * no such set of useful literals (a pattern made only of classes and wildcards). Conservative: it
 * may return null for a pattern that has literals, never a set that a match could avoid.
 */
export function requiredLiterals(source: string): string[] | null {
  try {
    const parsed = parseAlternation(source, 0);
    return parsed.end === source.length ? best(parsed.branches) : null;
  } catch {
    return null;
  }
}

interface Parsed {
  /** For each branch: the candidate literal sets (any one of them is required). */
  branches: string[][][];
  end: number;
}

/** The alternatives of a group or of the whole pattern, each with its candidate sets. */
function parseAlternation(source: string, start: number): Parsed {
  const branches: string[][][] = [];
  let candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= MIN_LITERAL) candidates.push([run]);
    run = '';
  };
  let i = start;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ')') break;
    if (c === '|') {
      flush();
      branches.push(candidates);
      candidates = [];
      i++;
      continue;
    }
    if (c === '(') {
      flush();
      let inner = i + 1;
      let capturing = true;
      if (source[inner] === '?') {
        // (?:  (?<name>  (?=  (?!  (?<=  (?<!
        const kind = source[inner + 1];
        if (kind === ':') inner += 2;
        else if (kind === '<' && source[inner + 2] !== '=' && source[inner + 2] !== '!') inner = source.indexOf('>', inner) + 1;
        else {
          // A lookaround matches no text of its own: its literals are not required.
          capturing = false;
          inner += kind === '<' ? 3 : 2;
        }
      }
      const group = parseAlternation(source, inner);
      if (source[group.end] !== ')') throw new Error('unbalanced');
      i = group.end + 1;
      const optional = isOptionalQuantifier(source, i);
      i = skipQuantifier(source, i);
      if (capturing && !optional) {
        const set = best(group.branches);
        if (set) candidates.push(set);
      }
      continue;
    }
    if (c === '[') {
      flush();
      i = skipClass(source, i);
      i = skipQuantifier(source, i);
      continue;
    }
    let literal: string | null;
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1];
      next = i + 2;
      if (e === undefined) throw new Error('trailing backslash');
      if (e === 'k' && source[i + 2] === '<') {
        // A named backreference (`(?<name>\w+)/\k<name>`) repeats its group's text: no literal of its own.
        next = source.indexOf('>', i + 3) + 1;
        if (next === 0) throw new Error('unterminated backreference');
        literal = null;
      } else if ((e === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) || (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 2, i + 6)))) {
        // A character by its code (`\x27` for a quote a YAML string cannot hold plainly, `\u2018`): that character.
        const digits = e === 'x' ? 2 : 4;
        literal = String.fromCharCode(parseInt(source.slice(i + 2, i + 2 + digits), 16));
        next = i + 2 + digits;
      } else if (/[dDsSwWbBnrtfv0-9pPuxck]/.test(e)) {
        if (e === 'u' || e === 'x' || e === 'p' || e === 'P' || e === 'k' || e === 'c') throw new Error('escape not handled');
        literal = null;
      } else {
        literal = e;
      }
    } else if (c === '.' || c === '^' || c === '$') {
      literal = null;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      throw new Error('quantifier without atom');
    } else {
      literal = c;
    }
    // A quote the tool printed straight may reach the log curled (a paste through a web page or a word
    // processor); patterns see it straightened (normalizeForMatching), the raw line holds it curled.
    if (literal === '"' || literal === "'") literal = null;
    if (literal === null) {
      flush();
      i = skipQuantifier(source, next);
      continue;
    }
    if (isOptionalQuantifier(source, next)) {
      // `colou?r`: the letter before an optional quantifier may be missing.
      flush();
      i = skipQuantifier(source, next);
      continue;
    }
    run += literal;
    if (next < source.length && (source[next] === '+' || source[next] === '{')) {
      // `a+`, `a{2,}`: the letter is there at least once, but what follows is not adjacent.
      flush();
      i = skipQuantifier(source, next);
      continue;
    }
    i = next;
  }
  flush();
  branches.push(candidates);
  return { branches, end: i };
}

/** For alternatives: each must contribute a set; the result is their union, or null. */
function best(branches: string[][][]): string[] | null {
  const union: string[] = [];
  for (const candidates of branches) {
    // The candidate whose shortest literal is longest rules out the most.
    let chosen: string[] | null = null;
    for (const set of candidates) {
      if (!chosen || shortest(set) > shortest(chosen)) chosen = set;
    }
    if (!chosen) return null;
    union.push(...chosen);
  }
  return [...new Set(union)];
}

function shortest(set: string[]): number {
  return Math.min(...set.map((s) => s.length));
}

function isOptionalQuantifier(source: string, i: number): boolean {
  const c = source[i];
  if (c === '?' || c === '*') return true;
  if (c === '{') return /^\{0\s*(?:,|\})/.test(source.slice(i, i + 6));
  return false;
}

function skipQuantifier(source: string, i: number): number {
  const c = source[i];
  if (c === '?' || c === '*' || c === '+') i++;
  else if (c === '{') {
    const close = source.indexOf('}', i);
    if (close === -1) throw new Error('unclosed quantifier');
    i = close + 1;
  } else return i;
  // A lazy or possessive marker.
  if (source[i] === '?') i++;
  return i;
}

function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  if (j >= source.length) throw new Error('unclosed class');
  return j + 1;
}
