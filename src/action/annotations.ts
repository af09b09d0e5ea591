import * as core from './workflow-commands.js';
import type { Severity } from '../model.js';
import type { FindingGroup } from '../analyze/group.js';
import { redact } from '../text/redact.js';
import { stripControl, truncate } from '../text/markdown.js';

/** GitHub shows at most 10 annotations of each kind per step; more are dropped silently. */
const PER_SEVERITY = 10;
/** buildx-doctor's own warnings (unreadable inputs, API errors) take at most this many of them. */
const OWN_WARNINGS = 4;

export interface Annotation {
  severity: Severity;
  message: string;
  properties: core.AnnotationProperties;
}

/**
 * The annotations for the findings, most important first, within GitHub's limits: one per kind of
 * finding, however many builds it is about (the same warning on three components is one annotation).
 * A finding that points at files (the Dockerfile line, the source line a compiler named) is annotated
 * on each of them; the others on the run.
 */
export function annotationsFor(groups: FindingGroup[], ownWarnings: string[] = []): Annotation[] {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const out: Annotation[] = [];
  // One budget for everything the step annotates: buildx-doctor's own warnings first (few, and
  // folded into one when there are many: 15 empty logs are one problem), then the findings.
  const shown = ownWarnings.length > OWN_WARNINGS ? ownWarnings.slice(0, OWN_WARNINGS - 1) : ownWarnings;
  for (const warning of shown) out.push({ severity: 'warning', message: clean(redact(warning)), properties: { title: 'buildx-doctor' } });
  if (shown.length < ownWarnings.length) {
    const rest = ownWarnings.length - shown.length;
    out.push({
      severity: 'warning',
      message: `and ${rest} more warning${rest === 1 ? '' : 's'}: all are listed in the job summary`,
      properties: { title: 'buildx-doctor' },
    });
  }
  used.warning = out.length;
  for (const finding of groups) {
    const title = `buildx-doctor: ${finding.id}`;
    // The title is redacted alone: a build called "secrets" must not turn "secrets: ..." into "***".
    const build = finding.findings.length === 1 ? finding.builds[0] : null;
    const summary = clean(`${build ? `${build}: ` : ''}${redact(finding.title)}`);
    const seen = new Set<string>();
    const places = finding.findings
      .flatMap((f) => f.locations ?? [])
      .filter((l) => l.verified && !seen.has(`${l.file}:${l.line}`) && seen.add(`${l.file}:${l.line}`));
    const targets = places.length > 0 ? places : [null];
    for (const place of targets) {
      if (used[finding.severity] >= PER_SEVERITY) break;
      used[finding.severity]++;
      out.push({
        severity: finding.severity,
        message: place ? clean(place.kind === 'source' && place.message ? `${redact(place.message)} (${summary})` : summary) : summary,
        properties: place ? { title, file: place.file, startLine: place.line, ...(place.column ? { startColumn: place.column } : {}) } : { title },
      });
    }
  }
  return out;
}

/** Annotates the step: buildx-doctor's own warnings always, the findings when `withFindings`. */
export function annotate(groups: FindingGroup[], ownWarnings: string[], withFindings: boolean): void {
  for (const { severity, message, properties } of annotationsFor(withFindings ? groups : [], ownWarnings)) {
    if (severity === 'error') core.error(message, properties);
    else if (severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

function clean(text: string): string {
  return truncate(stripControl(text).replace(/\s+/g, ' '), 1000);
}
