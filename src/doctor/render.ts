import type { Finding } from '../model.js';
import { escapeCell, escapeText, inlineCode } from '../text/markdown.js';
import { redact } from '../text/redact.js';
import { SCHEMA_VERSION, findingJson, toolJson } from '../report/json-report.js';
import type { DoctorCheckV1, DoctorReportV1 } from '../report/report-v1.js';
import type { Check, CheckStatus } from './check.js';
import type { DoctorReport } from './doctor.js';

// The doctor's report in the three forms: the terminal, Markdown (job summary) and JSON. Check details
// carry command output (builder names, registry errors): redacted, and escaped for Markdown.

/** Findings shown in full in Markdown; the JSON report has all of them. */
const MAX_MARKDOWN_FINDINGS = 30;

const STATUS_WORD: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skipped: 'SKIP' };
const STATUS_ICON: Record<CheckStatus, string> = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail', skipped: '⏭️ skipped' };

export function renderDoctorText(report: DoctorReport): string {
  const lines = ['buildx-doctor doctor', ''];
  for (const c of report.checks) lines.push(`${STATUS_WORD[c.status]}  ${c.title}: ${redact(c.detail)}`);
  if (report.findings.length > 0) {
    lines.push('', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`);
    for (const f of report.findings) {
      const where = f.locations?.[0] ? ` (${f.locations[0].file}:${f.locations[0].line})` : '';
      lines.push('', `${f.severity.toUpperCase()} ${f.id}${where}: ${redact(f.title)}`, ...f.fix.split('\n').map((l) => `    ${l}`));
    }
  }
  lines.push('', summaryLine(report.checks));
  return `${lines.join('\n')}\n`;
}

/** The fix of each finding is Markdown buildx-doctor wrote (workflow text only inside code blocks). */
export function renderDoctorMarkdown(report: DoctorReport, heading = '##', problems: string[] = []): string {
  const out = [`${heading} buildx-doctor: doctor`, '', summaryLine(report.checks), ''];
  for (const problem of problems) out.push(`> [!WARNING]\n> ${escapeText(redact(problem))}`, '');
  out.push('| Status | Check | Detail |', '| --- | --- | --- |');
  for (const c of report.checks) out.push(`| ${STATUS_ICON[c.status]} | ${escapeCell(c.title)} | ${escapeCell(redact(c.detail))} |`);
  // Each finding's fix is short, but a repository of many workflows must not fill the summary.
  for (const f of report.findings.slice(0, MAX_MARKDOWN_FINDINGS)) out.push('', findingMarkdown(f, `${heading}#`));
  const rest = report.findings.length - MAX_MARKDOWN_FINDINGS;
  if (rest > 0) out.push('', `…and ${rest} more finding${rest === 1 ? '' : 's'} in the JSON report.`);
  return `${out.join('\n')}\n`;
}

function findingMarkdown(f: Finding, heading: string): string {
  const where = f.locations?.[0] ? ` (${inlineCode(`${f.locations[0].file}:${f.locations[0].line}`)})` : '';
  return `${heading} ${f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${inlineCode(f.id)}: ${escapeText(redact(f.title))}${where}\n\n${f.fix}`;
}

function summaryLine(checks: Check[]): string {
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return `${count('pass')} passed, ${count('warn')} warned, ${count('fail')} failed, ${count('skipped')} skipped`;
}

/** The `doctor` section of a report: the checks, redacted. */
export function doctorChecksJson(report: DoctorReport): DoctorCheckV1[] {
  return report.checks.map((c) => ({ id: c.id, status: c.status, title: c.title, detail: redact(c.detail) }));
}

/** The CLI's JSON: `{schemaVersion, tool, doctor: {checks}, findings}`. */
export function doctorJson(report: DoctorReport): DoctorReportV1 {
  return { schemaVersion: SCHEMA_VERSION, tool: toolJson(), doctor: { checks: doctorChecksJson(report) }, findings: report.findings.map(findingJson) };
}
