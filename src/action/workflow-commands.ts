import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

// The runner's side of a step, as GitHub documents it ("Workflow commands for GitHub Actions"):
// inputs in INPUT_* variables, outputs and the job summary in the files GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY name, annotations and masks as `::command::` lines on stdout.
//
// Why not @actions/core: it loads its OIDC HTTP client (undici, http, https, tunnel) and
// @actions/exec when imported, and that alone took the bundle's start from 1× to 2.1× `node -e 0`
// (measured with a bundle that only reads an input and sets an output). The action uses the eight
// calls below, so they are written against the runner's documented protocol instead.

/** Where an annotation points (the names of the `::warning` command's parameters). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** An input of the step, as the runner passes it: `INPUT_` and the name upper-cased, spaces as `_`; trimmed. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * A step output. In the GITHUB_OUTPUT file as a heredoc whose delimiter occurs nowhere in the name
 * or the value, so that no value (log text) can end it early and set outputs of its own; outside a
 * runner, on stdout.
 */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    issue('set-output', value, { name });
    return;
  }
  const delimiter = heredocDelimiter(`${name}\n${value}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/**
 * A heredoc delimiter that does not occur in the text: a random one, drawn again in the (unlikely)
 * case that the text holds it. What keeps a value from ending the heredoc is that check, not the
 * delimiter being unpredictable, so Math.random serves: node:crypto (which randomUUID needs) took
 * about a twentieth of the action's start to load, for the outputs of every run.
 */
export function heredocDelimiter(text: string, random: () => number = Math.random): string {
  for (;;) {
    let suffix = '';
    while (suffix.length < 32)
      suffix += Math.floor(random() * 0x1_0000_0000)
        .toString(16)
        .padStart(8, '0');
    const delimiter = `ghadelimiter_${suffix}`;
    if (!text.includes(delimiter)) return delimiter;
  }
}

/** Asks the runner to mask a value in every later line of the log. */
export function setSecret(value: string): void {
  issue('add-mask', value);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, annotationParameters(properties));
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, annotationParameters(properties));
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', message, annotationParameters(properties));
}

/** Marks the step failed (exit status 1 when the process ends) with an error annotation saying why. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends Markdown to the job summary. Outside a runner (no GITHUB_STEP_SUMMARY) there is none. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  await appendFile(file, markdown, 'utf8');
}

function annotationParameters(properties: AnnotationProperties): Record<string, string | number | undefined> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

/** `::name key=value,...::message`, escaped so that no text can end the command or start another. */
function issue(name: string, message: string, parameters: Record<string, string | number | undefined> = {}): void {
  const list = Object.entries(parameters)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeParameter(String(value))}`)
    .join(',');
  process.stdout.write(`::${name}${list ? ` ${list}` : ''}::${escapeData(message)}${EOL}`);
}

/** The runner's escapes for a command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A parameter's value also may not hold the `:` or `,` that separate parameters. */
export function escapeParameter(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
