// Terminal escape sequences in log text.
//
// Node's util.stripVTControlCharacters is not used: its pattern (that of ansi-regex) leaves part of
// an OSC title that contains a space (`\e]0;my build\a`), the whole of an APC sequence (Buildkite's
// `\e_bk;t=...\a` timestamps) and the intermediate bytes of a CSI sequence (`\e[1 q`) in the text.
// __tests__/line-decoder.test.ts shows each case on both.

// CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks), APC sequences and the
// two-byte escapes (`\eM`).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]_][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** The text without its terminal escape sequences. */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}
