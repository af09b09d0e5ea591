import { MAX_EXCERPT_LINE } from '../parse/excerpt.js';

// What signature patterns see of a line: the message, without the framing that build tools, CI
// systems and copy-paste put around it.
const FRAMING: RegExp[] = [
  /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? /, // AWS CodeBuild
  /^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] /, // devcontainer CLI
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z /, // a runner timestamp left in a pasted log
  /^(?:[>│|]\s?)+/, // quoting and box drawing
  /^##\[error\]/, // a runner's error annotation (Azure's Docker task repeats each build line as one)
  /^#\d+ (?=\S)/, // BuildKit's vertex number
  /^\d+\.\d+ /, // seconds since the step started (progress and the error block)
];

const SMART_QUOTES = /[\u2018-\u201F]/;

/** The line as patterns see it. Bounded in length, so no pattern ever runs on a huge line. */
export function normalizeForMatching(text: string): string {
  let out = text.length > MAX_EXCERPT_LINE ? text.slice(0, MAX_EXCERPT_LINE) : text;
  // A paste from a web page can carry no-break spaces where the tool printed spaces.
  if (out.includes('\u00a0')) out = out.replace(/\u00a0/g, ' ');
  out = out.trimStart();
  for (let pass = 0; pass < 2; pass++) {
    for (const framing of FRAMING) {
      const next = out.replace(framing, '');
      if (next !== out) out = next.trimStart();
    }
  }
  out = out.replace(/^##\[error\]/, '').trimEnd();
  // A paste through a word processor or a Markdown renderer curls the quotes the tools printed
  // straight (`caused “exec format error”`): patterns are written with the tools' own.
  return SMART_QUOTES.test(out) ? out.replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/[\u2018\u2019\u201A\u201B]/g, "'") : out;
}
