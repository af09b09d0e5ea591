import { parseArgs } from 'node:util';
import { InputError } from '../input/errors.js';

/** One command-line argument as read: an option with its value, or a plain argument. */
export type ArgToken = { kind: 'option'; flag: string; value: string; inline: boolean } | { kind: 'positional'; value: string };

/**
 * Reads a command's arguments with Node's `util.parseArgs`, in order (a command may give meaning to
 * the order, as `--baseline FILE...` does). Every option of these commands takes a value, given as
 * `--flag value` or `--flag=value`; `--` ends the options. Node's strict mode is not used because
 * its errors are paragraphs with a hint; these are one line: `unknown option --x`, `--x needs a value`.
 */
export function readArgs(args: string[], optionNames: readonly string[]): ArgToken[] {
  const options = Object.fromEntries(optionNames.map((name) => [name, { type: 'string' as const }]));
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const read: ArgToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      read.push({ kind: 'positional', value: token.value });
      continue;
    }
    if (!optionNames.includes(token.name)) throw new InputError(`unknown option ${token.rawName}`);
    if (token.value === undefined) throw new InputError(`${token.rawName} needs a value`);
    read.push({ kind: 'option', flag: token.rawName, value: token.value, inline: token.inlineValue === true });
  }
  return read;
}
