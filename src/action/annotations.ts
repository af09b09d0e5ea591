import * as core from '@actions/core';
import type { Severity } from '../model.js';
import type { FindingGroup } from '../analyze/group.js';
import { redact } from '../text/redact.js';
import { stripControl, truncate } from '../text/markdown.js';

/** GitHub shows at most 10 annotations of each kind per step; more are dropped silently. */
const PER_SEVERITY = 10;

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
export function annotationsFor(groups: FindingGroup[]): Annotation[] {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const out: Annotation[] = [];
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

export function annotate(groups: FindingGroup[]): void {
  for (const { severity, message, properties } of annotationsFor(groups)) {
    if (severity === 'error') core.error(message, properties);
    else if (severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

function clean(text: string): string {
  return truncate(stripControl(text).replace(/\s+/g, ' '), 1000);
}
