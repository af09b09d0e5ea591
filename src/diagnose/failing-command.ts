import type { Build } from '../model.js';
import type { CandidateLine } from './matcher.js';
import { MAX_EXCERPT_LINE } from '../parse/excerpt.js';

// How build tools quote the command that failed:
//   process "/bin/sh -c npm run build" did not complete successfully: exit code: 1   (BuildKit)
//   executor failed running [/bin/sh -c npm run build]: exit code: 1                  (BuildKit < 0.11)
//   The command '/bin/sh -c npm run build' returned a non-zero code: 1              (legacy builder)
const QUOTED =
  /(?:process "|executor failed running \[|The command ')(?:\/dev\/\.buildkit_qemu_emulator )?(?:\/bin\/(?:ba)?sh -c |cmd \/S \/C )?(.+?)(?:" did not complete successfully|\]: |' returned a non-zero code)/;
const MAX_COMMANDS = 4;
// `[web internal] load metadata for IMAGE`: compose prefixes the service to BuildKit's internal
// steps, which the parser then does not take for internal ones; the command is the same.
const PREFIXED_INTERNAL = /^\[[^\]]*\binternal\] (load metadata for \S+)/;
// buildx's own line for a failed internal step, which a paste may hold alone (`ERROR [internal] load metadata for IMAGE`).
const FAILED_INTERNAL = /^ERROR \[(?:[^\]]*\s)?internal\] (load metadata for \S+)/;

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
    const quoted = QUOTED.exec(line.normalized) ?? FAILED_INTERNAL.exec(line.normalized);
    if (quoted) add(line.line, line.text, quoted[1]!);
  }
  return out;
}
