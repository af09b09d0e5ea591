import type { BuildRequest } from '../model.js';

/** What the command that started a build asked for: used to name things the progress output does not. */
export type Invocation = BuildRequest;

export function emptyInvocation(): Invocation {
  return { dockerfile: null, platforms: [], cacheFrom: [], cacheTo: [], tags: [], push: false };
}

// `docker build`, `docker buildx build`, `docker buildx bake`, `docker image build`, as the runner echoes
// them (`[command]/usr/bin/docker buildx build ...`) or as a shell prints them (`+ docker build ...`).
// Checked word by word, not with one regular expression: global flags before the subcommand
// (`docker -H unix:///x --debug build`) would otherwise make the pattern backtrack exponentially.
const DOCKER_WORD = /^(?:\[command\]|\+ |\$ )?\S*docker$/;
const GLOBAL_FLAGS_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);
const MAX_COMMAND_WORDS = 12;

/** Whether a line is a build command being run, which starts a new build. */
export function isBuildCommand(text: string): boolean {
  if (text.length > 16384 || !text.includes('docker')) return false;
  const head = text
    .replace(/^(?:\[command\]|\+ |\$ )/, '')
    .trimStart()
    .split(/\s+/, MAX_COMMAND_WORDS);
  if (!DOCKER_WORD.test(head[0] ?? '')) return false;
  let i = 1;
  while (i < head.length && head[i]!.startsWith('-')) i += GLOBAL_FLAGS_WITH_VALUE.has(head[i]!) ? 2 : 1;
  const [first, second] = [head[i], head[i + 1]];
  if (first === 'build') return true;
  if (first === 'buildx') return second === 'build' || second === 'b' || second === 'bake';
  return (first === 'builder' || first === 'image') && second === 'build';
}

/** Splits a command line into words, honouring simple quotes. */
export function words(text: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    out.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return out;
}

/** Reads the options buildx-doctor cares about from a build command line. */
export function parseBuildCommand(text: string): Invocation {
  const result = emptyInvocation();
  const argv = words(text);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '-f':
      case '--file':
        result.dockerfile = value();
        break;
      case '--platform':
        result.platforms.push(...splitList(value()));
        break;
      case '--cache-from':
        result.cacheFrom.push(value());
        break;
      case '--cache-to':
        result.cacheTo.push(value());
        break;
      case '-t':
      case '--tag':
        result.tags.push(value());
        break;
      case '--push':
        result.push = true;
        break;
      case '--build-arg':
        // The legacy way to ask for an inline cache export: the same as `--cache-to type=inline`.
        if (/^BUILDKIT_INLINE_CACHE=(?:1|true)$/i.test(value())) result.cacheTo.push('type=inline');
        break;
      case '--output':
      case '-o': {
        const output = value();
        if (/(?:^|,)push=true/.test(output) || /^type=registry/.test(output)) result.push = true;
        break;
      }
      default:
        break;
    }
  }
  return result;
}

/**
 * docker/build-push-action echoes its inputs under `##[group]Run docker/build-push-action@vN` as
 * `  key: value` lines. Returns true when the line was one of the inputs it knows.
 */
export function applyActionInput(invocation: Invocation, text: string): boolean {
  const match = /^ {2}([a-z-]+): (.*)$/.exec(text);
  if (!match) return false;
  const [, key, value] = match;
  switch (key) {
    case 'file':
      invocation.dockerfile = value!.trim() || invocation.dockerfile;
      return true;
    case 'platforms':
      invocation.platforms = splitList(value!);
      return true;
    case 'cache-from':
      invocation.cacheFrom = value!.trim() ? [value!.trim()] : [];
      return true;
    case 'cache-to':
      invocation.cacheTo = value!.trim() ? [value!.trim()] : [];
      return true;
    case 'push':
      invocation.push = value!.trim() === 'true';
      return true;
    default:
      return false;
  }
}

function splitList(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The command line wins; build-push-action's echoed inputs fill what it lacks. */
export function mergeInvocations(command: Invocation | null, inputs: Invocation | null): Invocation {
  if (!command) return inputs ?? emptyInvocation();
  if (!inputs) return command;
  return {
    dockerfile: command.dockerfile ?? inputs.dockerfile,
    platforms: command.platforms.length ? command.platforms : inputs.platforms,
    cacheFrom: command.cacheFrom.length ? command.cacheFrom : inputs.cacheFrom,
    cacheTo: command.cacheTo.length ? command.cacheTo : inputs.cacheTo,
    tags: command.tags.length ? command.tags : inputs.tags,
    push: command.push || inputs.push,
  };
}
