// The widths terminals usually have. A paste copied from a terminal that wrapped a long line shows the line cut at
// one of them, the rest going on in the next line: a line exactly that long may be the first part of a longer one.
const TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160]);

/** Whether a line of this length may be a terminal's wrapped line (its first part, or a middle one). */
export function isTerminalWidth(length: number): boolean {
  return TERMINAL_WIDTHS.has(length);
}
