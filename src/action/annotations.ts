import * as core from '@actions/core';
import type { Finding } from '../model.js';
import { redact } from '../text/redact.js';
import { stripControl, truncate } from '../text/markdown.js';

/** GitHub shows at most 10 annotations of each kind per step; more are dropped silently. */
const PER_SEVERITY = 10;

/** Annotates findings, most important first, within GitHub's limits. */
export function annotate(findings: Finding[]): void {
  const used = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) {
    if (used[finding.severity] >= PER_SEVERITY) continue;
    used[finding.severity]++;
    const message = truncate(stripControl(redact(`${finding.build ? `${finding.build}: ` : ''}${finding.title}`)), 1000);
    const properties = { title: `buildx-doctor: ${finding.id}` };
    if (finding.severity === 'error') core.error(message, properties);
    else if (finding.severity === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}
