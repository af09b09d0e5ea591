import type { Build, EvidenceLine } from '../model.js';
import { redact } from '../text/redact.js';

/** Step names longer than this are cut: a name is a label, and memory must not grow with one line. */
const MAX_NAME = 1024;

/**
 * Takes secrets out of everything a build keeps from its log, once, before anything reports on it:
 * the build's, job's and file's names, step names and errors, error lines and excerpts, the command's options (a `--cache-to` can hold
 * S3 keys), notes. Reports, findings and the JSON report are made from this model only.
 */
export function redactBuild(build: Build): void {
  // A token can sit in a job's or a file's name too (a matrix value, a path built from a secret).
  build.name = redact(cut(build.name));
  build.source = redact(build.source);
  if (build.job !== null) build.job = redact(cut(build.job));
  for (const step of build.steps) {
    step.name = redact(cut(step.name));
    step.command = redact(cut(step.command));
    if (step.error !== null) step.error = redact(step.error);
    if (step.endText !== null) step.endText = redact(step.endText);
  }
  const lines = (list: EvidenceLine[]) => {
    for (const line of list) line.text = redact(line.text);
  };
  lines(build.errors);
  lines(build.errorDetails);
  lines(build.failedStepTail);
  lines(build.cache.warnings ?? []);
  lines(build.excerpt);
  for (const marked of build.markedNonInstructions) {
    marked.text = redact(marked.text);
    marked.word = redact(marked.word);
  }
  build.boundary.first.text = redact(build.boundary.first.text);
  build.boundary.last.text = redact(build.boundary.last.text);
  for (const list of [build.cache.imports, build.cache.exports]) for (const op of list) if (op.ref !== null) op.ref = redact(op.ref);
  build.request.cacheFrom = build.request.cacheFrom.map(redact);
  build.request.cacheTo = build.request.cacheTo.map(redact);
  build.request.tags = build.request.tags.map(redact);
  if (build.request.dockerfile !== null) build.request.dockerfile = redact(build.request.dockerfile);
  build.notes = build.notes.map(redact);
  if (build.contextTransfer) build.contextTransfer.text = redact(build.contextTransfer.text);
  build.runner.metadataTemplates = build.runner.metadataTemplates.map(redact);
}

function cut(text: string): string {
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text;
}
