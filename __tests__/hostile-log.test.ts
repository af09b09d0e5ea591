// Log text is hostile: whatever a build prints must come out of the summary inert — no HTML, no
// mentions, no code fence that closes early — and without the secrets it carried.
import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { analyzeText, readFixture } from './support/analyze-text.js';
import { diagnoseText } from './support/classify.js';
import { renderMarkdown } from '../src/report/markdown-summary.js';
import { renderText } from '../src/report/text-report.js';
import { toJsonReport } from '../src/report/json-report.js';
import { escapeText, inlineCode, codeBlock } from '../src/text/markdown.js';
import { redact } from '../src/text/redact.js';

const TOKEN = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const HOSTILE = [
  '@org/team please look',
  '</details><details open><summary>pwned</summary>',
  '</code></pre><script>alert(1)</script>',
  '```',
  '````',
  '<img src=x onerror=alert(1)>',
  `git clone https://x-access-token:${TOKEN}@github.com/org/repo`,
  `export GITHUB_TOKEN=${TOKEN}`,
];

function hostileBuild(lines: string[] = HOSTILE): string {
  return [
    '#0 building with "default" instance using docker driver',
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [1/2] FROM docker.io/library/busybox:latest',
    '#2 CACHED',
    '#3 [2/2] RUN ./build.sh @org/team <img src=x onerror=alert(1)> ```',
    ...lines.map((line, i) => `#3 0.${i}00 ${line}`),
    '#3 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1 <img src=x onerror=alert(1)> @org/team',
    'ERROR: failed to solve: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1 </details> ``` @org/team',
  ].join('\n');
}

const md = new MarkdownIt({ html: true, linkify: false });

describe('hostile log text', () => {
  it('comes out of the job summary inert', async () => {
    const analysis = await analyzeText(hostileBuild(), 'evil.log');
    const markdown = renderMarkdown(analysis);
    const html = md.render(markdown);
    // No element from the log: only buildx-doctor's own <details>/<summary> pairs.
    expect(html).not.toMatch(/<img|<script|<details open|<summary>pwned/);
    expect((html.match(/<details>/g) ?? []).length).toBe((markdown.match(/^<details><summary>/gm) ?? []).length);
    expect((html.match(/<\/details>/g) ?? []).length).toBe((html.match(/<details>/g) ?? []).length);
    // Every quoted hostile line stays inside a code block.
    const text = html.replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(text).not.toMatch(/@org\/team/);
  });

  it('shows a hostile step name in a finding title as text, escaped', async () => {
    // Only markup in the step's output, no words of a cause (a tag's attributes are none: `src` decides no guess):
    // the `unknown` finding is titled by the step, whose name is the hostile text.
    const analysis = await analyzeText(hostileBuild(HOSTILE.filter((line) => !line.includes(TOKEN))), 'evil.log');
    expect(analysis.findings[0]?.id).toBe('unknown');
    expect(analysis.findings[0]?.title).toContain('RUN ./build.sh @org/team <img src=x onerror=alert(1)>');
    const html = md.render(renderMarkdown(analysis));
    expect(html).not.toMatch(/<img|<script|<details open|<summary>pwned/);
    const text = html.replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
    expect(text).not.toMatch(/@org\/team/);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('gives the terminal names as they were: a path, a URL, a reference or a mention copied from it works', async () => {
    const name = 'RUN ./ci/#1/run.sh --from https://example.com/x GH-12 @org/team';
    const text = [
      `#5 [2/2] ${name}`,
      '#5 0.2 zorblax: quux wibble plonk',
      `#5 ERROR: process "/bin/sh -c ${name.slice(4)}" did not complete successfully: exit code: 3`,
    ].join('\n');
    const output = renderText(await analyzeText(text, 'names.log'));
    expect(output).toContain('./ci/#1/run.sh --from https://example.com/x GH-12 @org/team');
    expect(output).not.toContain('\u200b');
  });

  it('takes secrets out of the build model itself: step names, slowest steps, cache refs, problems', async () => {
    const text = [
      '[command]/usr/bin/docker buildx build --cache-to type=s3,region=eu,secret_access_key=wJalrXUtnFEMI .',
      '#0 building with "default" instance using docker driver',
      `#3 [2/2] RUN curl -H "Authorization: Bearer sk_live_123456789" https://oauth2:${TOKEN}@gitlab.example/x`,
      '#3 DONE 120.0s',
      '#4 exporting cache to client directory',
      '#4 DONE 1.0s',
    ].join('\n');
    const analysis = await analyzeText(text, 'secret.log');
    const everything = [JSON.stringify(toJsonReport(analysis)), renderMarkdown(analysis), renderText(analysis)].join('\n');
    for (const secret of ['sk_live_123456789', TOKEN, 'wJalrXUtnFEMI']) expect(everything).not.toContain(secret);
    expect(analysis.builds[0]!.timing.slowestSteps[0]!.name).toContain('Authorization: Bearer ***');
  });

  it('never carries the secrets it printed', async () => {
    const analysis = await analyzeText(hostileBuild(), 'evil.log');
    for (const output of [renderMarkdown(analysis), renderText(analysis), JSON.stringify(toJsonReport(analysis))]) {
      expect(output).not.toContain(TOKEN);
    }
    expect(JSON.stringify(toJsonReport(analysis))).toContain('x-access-token:***@github.com');
  });
});

describe('escaping helpers', () => {
  it('escapeText neutralises HTML, Markdown and mentions', () => {
    const html = md.renderInline(escapeText('@octocat **bold** <b>x</b> [link](http://e.x) #1 | cell'));
    expect(html).not.toMatch(/<strong>|<b>|<a /);
    expect(html).toContain('@\u200boctocat');
    expect(escapeText('a|b')).toBe('a\\|b');
  });

  it('inlineCode cannot be closed from inside', () => {
    for (const text of ['a ` b', '``x``', '`', 'ends with `', '</code><img src=x>']) {
      const html = md.renderInline(inlineCode(text));
      expect(html.startsWith('<code>')).toBe(true);
      expect(html.endsWith('</code>')).toBe(true);
      expect((html.match(/<code>/g) ?? []).length).toBe(1);
    }
  });

  it('codeBlock keeps a fence inside the block', () => {
    const html = md.render(codeBlock(['```', 'after the fence', '~~~~', '<img src=x>']));
    expect((html.match(/<pre>/g) ?? []).length).toBe(1);
    expect(html).toContain('after the fence');
    expect(html).not.toContain('<img');
  });

  it('redact hides JSON secrets, login passwords, curl credentials and GitLab tokens; fast on long lines', () => {
    expect(redact('{"password":"hunter2","user":"me"}')).toBe('{"password":"***","user":"me"}');
    expect(redact('"auths": {"ghcr.io": {"auth": "dXNlcjpwYXNz"}}')).toBe('"auths": {"ghcr.io": {"auth": "***"}}');
    expect(redact('"Authorization": "Bearer abc.def"')).toBe('"Authorization": "***"');
    expect(redact('failed to fetch oauth token: unexpected status: 403 Forbidden')).toBe('failed to fetch oauth token: unexpected status: 403 Forbidden');
    expect(redact('GITHUB_TOKEN: ghs_abc')).toBe('GITHUB_TOKEN: ***');
    // BuildKit naming a missing secret says nothing secret: the id stays, so the diagnosis can name it.
    expect(redact('failed to compute cache key: secret GITHUB_TOKEN: not found')).toBe('failed to compute cache key: secret GITHUB_TOKEN: not found');
    // A tool failing on a secret's file names the file, not its value (GNU cat's wording).
    expect(redact('cat: /run/secrets/api_key: No such file or directory')).toBe('cat: /run/secrets/api_key: No such file or directory');
    // Rust's debug print of a URL (reqwest's errors): no password is not shown as a hidden one, a password is hidden whole.
    const url = 'url: Url { scheme: "https", username: "", password: None, host: Some(Domain("example.org")) }';
    expect(redact(url)).toBe(url);
    const withPassword = redact('url: Url { scheme: "https", username: "bob", password: Some("hunter2"), host: Some(Domain("example.org")) }');
    expect(withPassword).not.toContain('hunter2');
    expect(withPassword).toContain('password: ***,');
    expect(redact('API_KEY: hunter2')).toBe('API_KEY: ***');
    expect(redact('echo x | docker login ghcr.io -u me -p s3cr3t')).toBe('echo x | docker login ghcr.io -u me -p ***');
    expect(redact('curl -u admin:pw https://x')).toBe('curl -u admin:*** https://x');
    expect(redact('git clone https://user:p@ss@host.example/repo')).toBe('git clone https://user:***@host.example/repo');
    expect(redact(`token glpat-${'x'.repeat(20)}`)).toBe('token ***');
    expect(redact('--cache-to type=s3,region=x,secret_access_key=wJalrXUtnFEMI,session_token=SESSIONSECRET')).toBe(
      '--cache-to type=s3,region=x,secret_access_key=***,session_token=***',
    );
    // A redaction rule that backtracked on these would not return before the test's time limit.
    for (const hostile of ['a+'.repeat(32_000), 'token'.repeat(13_000), `${'x:'.repeat(20_000)}@`, `https://${'a:'.repeat(20_000)}`])
      expect(redact(hostile).length).toBeGreaterThan(0);
  });

  it('redact hides tokens, passwords and credentials in URLs but keeps ordinary words', () => {
    expect(redact(`token ${TOKEN}`)).toBe('token ***');
    expect(redact('docker login -u me --password hunter2 ghcr.io')).toBe('docker login -u me --password *** ghcr.io');
    expect(redact('DOCKER_PASSWORD=hunter2 next')).toBe('DOCKER_PASSWORD=*** next');
    expect(redact('Authorization: Bearer abc.def.ghi')).toBe('Authorization: Bearer ***');
    expect(redact('https://user:s3cret@registry.example.com/v2/')).toBe('https://user:***@registry.example.com/v2/');
    expect(redact('#3 [auth] library/rust:pull token for registry-1.docker.io')).toBe('#3 [auth] library/rust:pull token for registry-1.docker.io');
    expect(redact('github-token: ***')).toBe('github-token: ***');
  });
});

describe('size limits', () => {
  it("a summary with huge evidence stays under GitHub's limit and cuts between whole blocks", async () => {
    const steps: string[] = ['#0 building with "default" instance using docker driver'];
    for (let i = 1; i <= 400; i++) {
      steps.push(`#${i} [linux/amd64 ${i}/400] RUN step ${i}`, `#${i} DONE 300.0s`);
      steps.push(`#${1000 + i} [linux/arm64 ${i}/400] RUN step ${i}`, `#${1000 + i} DONE 3000.0s`);
    }
    const analysis = await analyzeText(steps.join('\n'));
    const full = renderMarkdown(analysis);
    expect(Buffer.byteLength(full)).toBeGreaterThan(2000);
    const markdown = renderMarkdown(analysis, { maxBytes: 2000, maxFindings: 30, maxEvidenceLines: 25 });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(2000);
    expect(markdown).toContain('The summary was cut to fit');
    expect((markdown.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('a summary of thousands of builds, cut for size, still shows the failure', async () => {
    const ok = readFixture('buildx0.29-a2-3step-plain-cached.log');
    const text = [...Array.from({ length: 300 }, () => ok), readFixture('buildx0.29-b1-fail-plain.log')].join('\n');
    const analysis = await diagnoseText(text);
    expect(analysis.builds).toHaveLength(301);
    const full = renderMarkdown(analysis);
    const markdown = renderMarkdown(analysis, { maxBytes: Buffer.byteLength(full) - 2_000, maxFindings: 30, maxEvidenceLines: 25 });
    expect(markdown).toContain('The summary was cut to fit');
    expect(Buffer.byteLength(markdown)).toBeLessThan(Buffer.byteLength(full));
    // The verdict names the failure; its finding (evidence and fix) is kept too.
    expect(markdown).toMatch(/^## ❌ .*failed: The code failed to compile/);
    expect(markdown).toMatch(/^#### ❌ Why .* failed$/m);
    expect(markdown).toContain('more builds');
  });
});
