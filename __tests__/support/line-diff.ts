// A line diff for the golden tests: what changed between the committed golden file and the engine's
// output, as unified-diff hunks (`-` golden, `+` now) with a few lines of context, so a failing
// golden says what moved instead of printing two 3,000-line strings.

const CONTEXT = 3;
/** Past this many differing lines the rest is counted, not printed: the point is to see the change. */
const MAX_PRINTED = 120;
/** The LCS table is (a × b) cells of the region that differs; past this, fall back to a plain listing. */
const MAX_CELLS = 16_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

/** '' when equal; else hunks headed `@@ -a,n +b,m @@` (line numbers from 1). */
export function lineDiff(expected: string, actual: string): string {
  if (expected === actual) return '';
  const a = expected.split('\n');
  const b = actual.split('\n');
  // The common head and tail are context only: the table is built for the region between them.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', text: a[i]!, a: i, b: i });
  for (const op of middleOps(midA, midB)) ops.push({ ...op, a: op.a + head, b: op.b + head });
  for (let i = tail; i > 0; i--) ops.push({ kind: ' ', text: a[a.length - i]!, a: a.length - i, b: b.length - i });
  return hunks(ops);
}

function middleOps(a: string[], b: string[]): Op[] {
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    // Too large to align: everything between the common head and tail, removed then added.
    return [...a.map((text, i) => ({ kind: '-' as const, text, a: i, b: 0 })), ...b.map((text, j) => ({ kind: '+' as const, text, a: a.length, b: j }))];
  }
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', text: a[i]!, a: i++, b: j++ });
    // On a tie the golden's line goes first, as diff(1) prints a changed line: `-old` then `+new`.
    else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) ops.push({ kind: '-', text: a[i]!, a: i++, b: j });
    else ops.push({ kind: '+', text: b[j]!, a: i, b: j++ });
  }
  return ops;
}

function hunks(ops: Op[]): string {
  const changed = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  const out: string[] = [];
  let printed = 0;
  let k = 0;
  while (k < changed.length) {
    // A hunk: changes closer than 2 × CONTEXT lines apart, with CONTEXT lines around them.
    let last = k;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[k]! - CONTEXT);
    const to = Math.min(ops.length - 1, changed[last]! + CONTEXT);
    const slice = ops.slice(from, to + 1);
    const countA = slice.filter((op) => op.kind !== '+').length;
    const countB = slice.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${ops[from]!.a + 1},${countA} +${ops[from]!.b + 1},${countB} @@`);
    for (const op of slice) {
      if (printed >= MAX_PRINTED) break;
      out.push(`${op.kind}${op.text}`);
      if (op.kind !== ' ') printed++;
    }
    if (printed >= MAX_PRINTED) {
      out.push(`… and ${changed.length - printed} more changed lines`);
      break;
    }
    k = last + 1;
  }
  return out.join('\n');
}
