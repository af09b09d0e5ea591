// Where a step's command or Docker's own lines name the image it pushes, pulls or runs: shared by the reading of a later
// step's error (analyze/rules/after-build-error.ts) and of a registry's refusal (diagnose/refused-transfer.ts).
import { words } from '../parse/invocation.js';

// Docker's own lines, and a command's first word after the subcommand that is no option (`docker push --quiet ghcr.io/acme/app:1`).
const REFERENCE_SIGNS = [/The push refers to repository \[([^\]\s]+)\]/, /Unable to find image '([^'\s]+)' locally/];
const DOCKER_SUBCOMMAND = /\bdocker (?:image )?(?:push|pull|run) /;
/** Lines are read up to this many characters: a command line of any length costs the same. */
const MAX_READ = 400;

/** The image references the texts give (a step's name, its command, its output), in order, once each. */
export function referencesIn(texts: string[]): string[] {
  const found: string[] = [];
  const add = (reference: string | undefined) => {
    if (reference && !found.includes(reference)) found.push(reference);
  };
  for (const full of texts) {
    const text = full.slice(0, MAX_READ);
    for (const sign of REFERENCE_SIGNS) add(sign.exec(text)?.[1]);
    const command = DOCKER_SUBCOMMAND.exec(text);
    if (command) add(imageArgument(words(text.slice(command.index + command[0].length))));
  }
  return found;
}

// Options of `docker run`/`pull`/`push` that take a value as the next word (`--platform linux/amd64`,
// `-e KEY=v`, `-v a:b`): that word is no image. Boolean flags (`--rm`, `-it`) and `--opt=value` take none.
const VALUE_OPTIONS = new Set(
  '--platform -e --env --env-file -v --volume --mount --name -p --publish --network --net --entrypoint -w --workdir -u --user -l --label --pull --add-host -h --hostname -m --memory --cpus --restart --log-driver --log-opt --cap-add --cap-drop --device --gpus --shm-size --tmpfs --ulimit --dns --cidfile --label-file --health-cmd --stop-signal'.split(
    ' ',
  ),
);

/** The first word of a docker command's arguments that is neither an option nor an option's value: its image. */
function imageArgument(words: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      if (VALUE_OPTIONS.has(word)) i++;
      continue;
    }
    if (/^[a-z0-9][\w.:/@-]*$/.test(word)) return word;
  }
  return undefined;
}
