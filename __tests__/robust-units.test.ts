// The rows of issue 13's robustness table that are one module's job each: reference-safe text,
// every password form redacted (in names too), bounded templates, a signatures file looked at before
// it is read, a CR-only file, one annotation budget, API errors as sentences. The bundled CLI under
// a small heap with such templates is in memory-bounds.e2e.test.ts.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { escapeText } from '../src/text/markdown.js';
import { redact, redactUngated } from '../src/text/redact.js';
import { readFileSync, readdirSync } from 'node:fs';
import { FIXTURES } from './support/analyze-text.js';
import { fillTemplate, MAX_FILLED_CHARS } from '../src/diagnose/template.js';
import { loadCatalog } from '../src/diagnose/load-catalog.js';
import { readLines, type RawLine } from '../src/input/line-reader.js';
import { annotationsFor } from '../src/action/annotations.js';
import { groupFindings } from '../src/analyze/group.js';
import { readRunContext } from '../src/github/run-context.js';
import { call, ApiError, type GitHubClient } from '../src/github/api.js';
import { analyzeText, readFixture } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderText } from '../src/report/text-report.js';
import { toJsonReport } from '../src/report/json-report.js';
import type { Finding } from '../src/model.js';
import { tempDir } from './support/temp-dir.js';

const dir = tempDir('bxd-robust-');
// GitHub's renderer links these; markdown-it with linkify stands in for its autolinker.
const md = new MarkdownIt({ html: true, linkify: true });

describe('reference-safe text', () => {
  it('issue references, GH- ids and owner/repo#N do not survive escaping as references', () => {
    for (const text of ['fix #4242 now', 'see GH-4343', 'octo/repo#4444 broke', 'gh-12']) {
      const escaped = escapeText(text);
      // What GitHub links: `#` then digits, `GH-` then digits.
      expect(escaped).not.toMatch(/#\d|\bGH-\d/i);
      // And the text still reads the same once the invisible characters are gone.
      expect(md.renderInline(escaped).replace(/\u200b/g, '')).toBe(text);
    }
  });

  it('bare URLs are not links', () => {
    for (const text of ['go to https://evil.example/login now', 'www.evil.example', 'ftp://x.example/a']) {
      const html = md.renderInline(escapeText(text));
      expect(html).not.toContain('<a ');
      expect(html.replace(/\u200b/g, '')).toBe(text);
    }
  });

  it('a step name carrying them comes out of the summary inert', async () => {
    const log = [
      '#0 building with "default" instance using docker driver',
      '#3 [2/2] RUN make #4242 GH-4343 octo/repo#4444 https://evil.example',
      '#3 DONE 1.0s',
    ].join('\n');
    const analysis = await analyzeText(log, 'refs.log');
    const html = md.render(renderMarkdown(analysis));
    const outsideCode = html.replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(outsideCode).not.toMatch(/#\d|\bGH-\d|<a href="https:\/\/evil/);
  });
});

describe('every password form is redacted', () => {
  it.each([
    ['docker login -u me -ps3cretX ghcr.io', 's3cretX'],
    ['docker login -u me -p=s3cretX ghcr.io', 's3cretX'],
    ['docker login -u me -p "two s3cretX" ghcr.io', 's3cretX'],
    ["docker login -u me -p 'two s3cretX' ghcr.io", 's3cretX'],
    ['    -p s3cretX \\', 's3cretX'],
    ['#7 0.512   -p s3cretX \\', 's3cretX'],
    ['git clone https://:s3cretX@github.com/o/r', 's3cretX'],
    ['mysql -u root -ps3cretX app', 's3cretX'],
  ])('%s', (line, secret) => {
    const out = redact(line);
    expect(out).not.toContain(secret);
    expect(out).toContain('***');
  });

  it("keeps a registry's error code after containers/image's `invalid username/password:`, and hides a password there", () => {
    const refused = 'Error: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Red Hat Registry';
    expect(redact(refused)).toBe(refused);
    expect(redact('registry password: s3cretX')).toBe('registry password: ***');
  });

  it('keeps what only looks like -p', () => {
    for (const line of ['RUN mkdir -p /app && \\', 'docker run -p 8080:80 img', 'cp -pr a b']) expect(redact(line)).toBe(line);
  });

  it('a token in a job name or a file name is redacted in every output', async () => {
    const token = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
    const log = readFixture('buildx0.29-b1-fail-plain.log');
    const analysis = await diagnoseText(log, `logs/${token}.log`);
    const gh = log
      .trimEnd()
      .split('\n')
      .map((line) => `build (${token})\tBuild\t2025-09-24T02:00:00.0000000Z ${line}`)
      .join('\n');
    const byJob = await diagnoseText(gh, 'run.log');
    for (const a of [analysis, byJob]) {
      expect(a.builds).toHaveLength(1);
      const everything = [JSON.stringify(toJsonReport(a)), renderMarkdown(a), renderText(a), JSON.stringify(annotationsFor(a.groups))].join('\n');
      expect(everything).not.toContain(token);
      expect(everything).toContain('***');
    }
  });
});

describe('redaction gates (a pattern runs only on text that holds one of its words)', () => {
  it('hold back no text any pattern changes: the same result as every pattern on every line', () => {
    const secrets = [
      'docker login -u me -ps3cretX ghcr.io',
      'mysql -u root -ps3cretX app',
      '    -p s3cretX \\',
      'curl -u bob:hunter2 https://x',
      'git clone https://user:s3cretX@github.com/o/r',
      'Authorization: Bearer abc.def',
      '"Authorization": "Basic Zm9vOmJhcg=="',
      'ghp_' + 'a'.repeat(36),
      'github_pat_' + 'B'.repeat(40),
      'glpat-' + 'c'.repeat(20),
      'npm_' + 'D'.repeat(36),
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijkl',
      'AKIAABCDEFGHIJKLMNOP',
      'ASIAABCDEFGHIJKLMNOP',
      '--password hunter2',
      '--TOKEN=abc',
      '"docker_Password": "x"',
      '"AUTH": "x"',
      'MY_SECRET_KEY=abc',
      'Api_Key: xyz',
      'GITHUB_TOKEN: abc',
      '-----BEGIN RSA PRIVATE KEY-----abc',
      'db_passwd = "two words"',
      'ACCESS_KEY:abc',
    ];
    const corpus = [...secrets, ...secrets.map((s) => s.toUpperCase()), ...secrets.map((s) => `#12 3.456 ${s} tail`)];
    // Characters that lower-case to ASCII (the Kelvin sign, the dotted capital I) pass a lower-cased
    // gate but no case-blind test: the gates may say no to them only because no pattern matches them.
    const kelvin = '\u212a';
    const dottedI = '\u0130';
    corpus.push(
      `TO${kelvin}EN=abc`,
      `"to${kelvin}en": "x"`,
      `A${kelvin}IAABCDEFGHIJKLMNOP`,
      `AP${dottedI}_KEY: xyz`,
      `--to${kelvin}en=abc`,
      `SECRET=${kelvin}x`,
    );
    for (const file of readdirSync(join(FIXTURES, 'logs'))) corpus.push(...readFileSync(join(FIXTURES, 'logs', file), 'utf8').split('\n'));
    expect(corpus.length).toBeGreaterThan(500);
    const changed = corpus.filter((line) => redactUngated(line) !== line);
    expect(changed.length).toBeGreaterThanOrEqual(secrets.length);
    for (const line of corpus) expect([line, redact(line)]).toEqual([line, redactUngated(line)]);
  });
});

describe('bounded templates', () => {
  it('a fix that repeats a capture 240,000 times is cut, between values, with its fence closed', () => {
    const template = '```\n' + '${tag}'.repeat(240_000) + '\n```';
    const out = fillTemplate(template, { tag: 'x'.repeat(150) }, 'markdown');
    expect(out.length).toBeLessThanOrEqual(MAX_FILLED_CHARS + 100);
    expect(out).toContain('(cut to 16,000 characters)');
    // Whole code spans only, and the fence closed.
    expect(out.replace(/`x{150}`/g, '').replace(/```/g, '')).not.toMatch(/[`x]{3}/);
    expect((out.match(/^```$/gm) ?? []).length % 2).toBe(0);
    expect(fillTemplate('${a}'.repeat(100_000), { a: 'y' }, 'text').length).toBeLessThanOrEqual(MAX_FILLED_CHARS + 1);
  });
});

describe('optional parts', () => {
  const fix = 'Intro.\n[[- Only with ${a}: ${a}.]]\n[[!${a} - General advice.]]\n[[!${a} !${b} - Neither ${c}.]]\n- Always.';
  it('`[[ ... ]]` keeps a part when its placeholders have values; `[[!${x} ... ]]` only while x has none', () => {
    expect(fillTemplate(fix, { c: 'z' }, 'text')).toBe('Intro.\n- General advice.\n- Neither z.\n- Always.');
    expect(fillTemplate(fix, { a: 'v', c: 'z' }, 'text')).toBe('Intro.\n- Only with v: v.\n- Always.');
    expect(fillTemplate(fix, { b: 'w', c: 'z' }, 'text')).toBe('Intro.\n- General advice.\n- Always.');
    // The part's other placeholders still need values; an empty value is no value.
    expect(fillTemplate(fix, { a: '' }, 'text')).toBe('Intro.\n- General advice.\n- Always.');
    // Inside a line, and in Markdown, where values are code: the one blank after the condition is not the text's.
    expect(fillTemplate('Failed[[!${why}  for no reason given]][[: ${why}]].', { why: 'x509' }, 'markdown')).toBe('Failed: `x509`.');
    expect(fillTemplate('Failed[[!${why}  for no reason given]][[: ${why}]].', {}, 'markdown')).toBe('Failed for no reason given.');
    // A part of several whole lines goes or stays as a block, with its line breaks.
    const block = 'Intro.\n[[!${a} - One.\n- Two.]]\n- Always.';
    expect(fillTemplate(block, {}, 'text')).toBe('Intro.\n- One.\n- Two.\n- Always.');
    expect(fillTemplate(block, { a: 'x' }, 'text')).toBe('Intro.\n- Always.');
    // Several parts on one line (a title that starts with one) are each their own.
    expect(fillTemplate('[[!${a} General]][[: ${b}]][[Only ${a}]]', { a: 'x' }, 'text')).toBe('Only x');
    expect(fillTemplate('[[!${a} General]][[: ${b}]][[Only ${a}]]', { b: 'y' }, 'text')).toBe('General: y');
  });
});

describe('a signatures file is looked at before it is read', () => {
  it('a huge sparse file is refused by its size, without reading it', async () => {
    const path = join(dir, 'sparse.yml');
    writeFileSync(path, '');
    truncateSync(path, 8 * 1024 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(loadCatalog(path)).rejects.toThrow(/^.*sparse\.yml: larger than 1 MiB \(8,589,934,592 bytes\)$/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a FIFO is refused at once, in one line, instead of blocking', async () => {
    const path = join(dir, 'fifo.yml');
    execFileSync('mkfifo', [path]);
    const error = (await loadCatalog(path).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`${path}: not a regular file (a pipe, socket or device), so it is not read`);
  });

  it('a directory is refused too', async () => {
    await expect(loadCatalog(dir)).rejects.toThrow(/is a directory, not a signatures file/);
  });
});

describe('a CR-only file', () => {
  async function lines(chunks: Array<string | Buffer>): Promise<RawLine[]> {
    const out: RawLine[] = [];
    await readLines(chunks, (line) => out.push(line));
    return out;
  }

  it('is read as lines, numbered, across chunk boundaries', async () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\r') + '\r';
    const out = await lines([text.slice(0, 100_003), text.slice(100_003)]);
    expect(out).toHaveLength(50_000);
    expect(out.every((l) => l.cutBytes === 0)).toBe(true);
    expect(out[49_999]).toEqual({ no: 50_000, text: 'line 49999', cutBytes: 0 });
  });

  it('a CRLF split between chunks is one break; a redraw keeps its line number', async () => {
    expect((await lines(['a\r', '\nb\r\n'])).map((l) => [l.no, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect((await lines(['one\ntwo\rtwo again\r\nthree\n'])).map((l) => [l.no, l.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [2, 'two again'],
      [3, 'three'],
    ]);
  });

  it('UTF-16 with a byte-order mark (Windows PowerShell redirection) is read as text, not refused as binary', async () => {
    const log = readFixture('buildx0.29-b1-fail-plain.log');
    for (const encoded of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(log, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(log, 'utf16le').swap16()]),
    ]) {
      // Split at an odd byte: a character across two chunks.
      const out = await lines([encoded.subarray(0, 1001), encoded.subarray(1001)]);
      expect(out.map((l) => l.text).join('\n')).toBe(log.trimEnd());
    }
    // The whole pipeline on such a file: the fuzz suite's utf16-bom case.
  });

  it('a real build log written with CR alone is analysed like the original', async () => {
    const log = readFixture('buildx0.29-b1-fail-plain.log');
    const original = await diagnoseText(log, 'lf.log');
    const cr = await diagnoseText(log.replace(/\n/g, '\r'), 'cr.log');
    expect(cr.problems).toEqual([]);
    expect(cr.findings.map((f) => [f.id, f.title])).toEqual(original.findings.map((f) => [f.id, f.title]));
    expect(cr.builds[0]!.build.steps.map((s) => [s.name, s.line])).toEqual(original.builds[0]!.build.steps.map((s) => [s.name, s.line]));
  });
});

describe('one annotation budget', () => {
  const finding = (id: string, severity: Finding['severity']): Finding => ({
    id,
    severity,
    title: `${id} title`,
    build: 'b',
    source: 'x.log',
    evidence: [],
    fix: '',
    locations: [],
    data: {},
  });

  it('own warnings and findings share the 10 warnings; errors and notices have their own 10', () => {
    const own = Array.from({ length: 15 }, (_, i) => `logs/empty-${i}.log: the log is empty`);
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding(`w${i}`, 'warning')),
      ...Array.from({ length: 12 }, (_, i) => finding(`e${i}`, 'error')),
      finding('n', 'notice'),
    ];
    const out = annotationsFor(groupFindings(findings), own);
    const count = (s: string) => out.filter((a) => a.severity === s).length;
    expect([count('warning'), count('error'), count('notice')]).toEqual([10, 10, 1]);
    expect(out.slice(0, 4).map((a) => a.message)).toEqual([...own.slice(0, 3), 'and 12 more warnings: all are listed in the job summary']);
  });
});

describe('run context and API errors', () => {
  it('a malformed event file, a bad API URL: problems, never a throw', () => {
    const event = join(dir, 'event.json');
    writeFileSync(event, '{"pull_request": ');
    const context = readRunContext({ GITHUB_EVENT_PATH: event, GITHUB_API_URL: 'notaurl', GITHUB_REPOSITORY: 'o/r' });
    expect(context.apiUrl).toBeNull();
    expect(context.payload).toEqual({});
    expect(context.problems).toEqual([
      'GITHUB_API_URL is not an http(s) URL ("notaurl"), so the GitHub API is not used',
      'the event payload (GITHUB_EVENT_PATH) is not valid JSON, so the pull request is not known from it',
    ]);
    const fifo = join(dir, 'event.fifo');
    execFileSync('mkfifo', [fifo]);
    expect(readRunContext({ GITHUB_EVENT_PATH: fifo }).problems).toEqual([
      'the event payload (GITHUB_EVENT_PATH) is not a regular file, so the pull request is not known from it',
    ]);
  });

  it('API failures are sentences', async () => {
    // A client made elsewhere has no time budget of ours: only the error decides the sentence.
    const client = {} as GitHubClient;
    const fail = (error: Error) => call(client, 'listing the jobs of run 5', () => Promise.reject(error)).catch((e: unknown) => e as ApiError);
    const httpError = Object.assign(new Error('Server Error'), { status: 502, response: { status: 502 } });
    expect((await fail(httpError)).message).toBe('GitHub API: listing the jobs of run 5 failed: 502 Bad Gateway (GitHub had an error; retried)');
    const reset = Object.assign(new Error('fetch failed'), {
      status: 500,
      cause: Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }),
    });
    expect((await fail(reset)).message).toBe('GitHub API: listing the jobs of run 5 failed: the connection was reset (ECONNRESET)');
    expect((await fail(new TypeError("Cannot use 'in' operator to search for 'total_count' in <html>"))).message).toBe(
      'GitHub API: listing the jobs of run 5 failed: the answer was not the JSON GitHub sends',
    );
  });
});
