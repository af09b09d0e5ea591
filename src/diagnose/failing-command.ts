import type { Build } from '../model.js';
import type { CandidateLine } from './matcher.js';
import { MAX_EXCERPT_LINE } from '../parse/excerpt.js';

// How build tools quote the command that failed:
//   process "/bin/sh -c npm run build" did not complete successfully: exit code: 1   (BuildKit)
//   executor failed running [/bin/sh -c npm run build]: exit code: 1                  (BuildKit < 0.11)
//   The command '/bin/sh -c npm run build' returned a non-zero code: 1              (legacy builder)
const QUOTED =
  /(?:process "|executor failed running \[|The command ')(?:\/dev\/\.buildkit_qemu_emulator )?(?:\/bin\/(?:ba)?sh -c |cmd \/S \/C )?(.+?)(?:" did not complete successfully|\]: |' returned a non-zero code)/;
// The same lines with what the command would print cut out, for the `patterns`: a message a Dockerfile's
// command echoes (`echo "unsupported architecture"`, `|| printf 'no space left\n'`) is not what the step
// printed. Only what `echo` and `printf` would print goes: every argument (quoted as BuildKit escapes quotes
// inside `process "..."` or as the other two print them, or bare), past redirections (`echo >&2 "msg"`), up to
// the next `;`, `&`, `|`, `)`, `>` or a line break BuildKit wrote as `\n` (a heredoc, a CRLF Dockerfile), after
// which an `echo` is found too. The rest of the command stays, so that a pattern may still read a tool and its
// exit code together (`curl ...`, also inside `bash -c "curl ..."`, with `exit code: 6`: the host could not be
// resolved). A line cut before the command's closing quote (a command over 2,000 characters) is masked to its end.
const QUOTED_COMMAND = /(process "|executor failed running \[|The command ')(.+?)(" did not complete successfully|\]: |' returned a non-zero code|$)/;
const PRINTED_MESSAGE =
  /(?:(?<=\\[nt])|(?<![\w./-]))(echo|printf)((?:\s+-[A-Za-z]+)*)((?:\s+\d*>>?&?\d*)*)(?:\s+(?:\\"(?:[^"\\]|\\[^"])*\\"|"[^"]*"|'[^']*'|(?:(?!\\[nt])[^\s;&|)>])+))+/g;
const MAX_COMMANDS = 4;

// `[web internal] load metadata for IMAGE`: compose prefixes the service to BuildKit's internal
// steps, which the parser then does not take for internal ones; the command is the same.
const PREFIXED_INTERNAL = /^\[[^\]]*\binternal\] (load metadata for \S+)/;
// buildx's own line for a failed internal step, which a paste may hold alone (`ERROR [internal] load metadata for IMAGE`).
const FAILED_INTERNAL = /^ERROR \[(?:[^\]]*\s)?internal\] (load metadata for \S+)/;

/** A wrapper's line with the messages the command it quotes would print emptied (other lines unchanged): what patterns read. */
export function withoutQuotedCommand(normalized: string): string {
  return normalized.replace(
    QUOTED_COMMAND,
    (_, open: string, command: string, close: string) =>
      `${open}${command.replace(PRINTED_MESSAGE, (_m, verb: string, flags: string, redirects: string) => `${verb}${flags}${redirects} ""`)}${close}`,
  );
}

/**
 * The commands that failed, for the catalog's `commands` patterns: the failing step's own (a RUN's
 * shell command; `COPY ...`, `FROM ...` for other instructions; `load metadata for IMAGE` for
 * BuildKit's internal steps), and any a final error quotes. Each is offered as a line whose text is
 * where it was seen.
 */
export function failingCommands(build: Build, lines: CandidateLine[]): CandidateLine[] {
  const out: CandidateLine[] = [];
  const add = (line: number, text: string, command: string) => {
    const normalized = command.trim().slice(0, MAX_EXCERPT_LINE);
    if (normalized && out.length < MAX_COMMANDS && !out.some((c) => c.normalized === normalized)) out.push({ line, text, normalized, inFailure: true });
  };
  for (const step of build.steps) {
    if (step.status !== 'error') continue;
    const prefixed = step.kind === 'other' ? PREFIXED_INTERNAL.exec(step.name) : null;
    if (prefixed) add(step.line, step.name, prefixed[1]!);
    if (step.kind !== 'instruction' && step.kind !== 'internal') continue;
    add(step.line, step.name, step.instruction === 'RUN' || step.instruction === null ? step.command : `${step.instruction} ${step.command}`);
  }
  for (const line of lines) {
    if (!line.inFailure) continue;
    // As patterns see it: what the command would echo is emptied there too, and is no command.
    const quoted = QUOTED.exec(line.normalized) ?? FAILED_INTERNAL.exec(line.normalized);
    if (quoted) add(line.line, line.text, quoted[1]!);
  }
  return out;
}
