// The doctor's workflow checks on real workflow files: the team's own workflow (verbatim) must raise
// nothing, the same workflow with the tag rule that broke their pull request must raise invalid-tag
// on that line, and each pitfall fixture must raise exactly its finding, at its line, with a diff.
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runWorkflowChecks } from '../src/doctor/workflow-checks.js';
import { contextsOf, invalidTags, parseTagRule, tagIn } from '../src/doctor/metadata-tags.js';
import { parseWorkflow } from '../src/doctor/workflow-file.js';

const dir = path.join(process.cwd(), '__tests__', 'fixtures', 'workflows');
const check = (name: string) => runWorkflowChecks({ workspace: dir, files: [path.join(dir, name)] });
const lineOf = (name: string, text: string) => {
  const line =
    fs
      .readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;
  if (line === 0) throw new Error(`${name} has no line with ${text}`);
  return line;
};
const found = (name: string) => check(name).findings.map((f) => `${f.id}@${f.locations?.[0]?.line}`);
const noFlavor = { prefix: '', suffix: '' };

describe('the team workflow', () => {
  it('as it is raises nothing: scoped gha cache with mode=max, guarded push, packages: write, QEMU for arm64, valid tag rules', () => {
    const result = check('team-docker-build.yml');
    expect(result.findings).toEqual([]);
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({ id: 'workflow.team-docker-build.yml', status: 'pass' });
    expect(result.checks[0]!.detail).toContain('1 build step in 1 job; no Docker pitfalls found');
    // v5 is not wrong; the upgrade's behaviour change is noted, not raised.
    expect(result.checks[0]!.detail).toContain('build-push-action@v5 (line 73)');
    // QEMU is set up, so arm64 is no pitfall; that a native runner would be faster is a note.
    expect(result.checks[0]!.detail).toContain(
      `linux/arm64 built under QEMU on an amd64 runner (line ${lineOf('team-docker-build.yml', 'platforms:')}): a native runner (ubuntu-24.04-arm)`,
    );
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('with `type=sha,prefix={{branch}}-` raises invalid-tag on that line, with the tag pull requests get and the fix the team made', () => {
    const result = check('team-branch-prefix.yml');
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ id: 'invalid-tag', severity: 'error', source: 'team-branch-prefix.yml', build: null });
    expect(f!.locations).toEqual([{ kind: 'source', file: 'team-branch-prefix.yml', line: 66, column: null, verified: true, message: f!.title }]);
    expect(f!.title).toContain('on pull requests: -0899a35');
    expect(f!.evidence).toEqual([{ line: 66, text: '            type=sha,prefix={{branch}}-' }]);
    expect(f!.fix).toContain(
      '```diff\n--- team-branch-prefix.yml\n+++ team-branch-prefix.yml\n@@ -66 +66 @@\n-            type=sha,prefix={{branch}}-\n+            type=sha,prefix=sha-\n```',
    );
    expect(result.checks[0]!.status).toBe('fail');
  });
});

describe('clean workflows raise nothing', () => {
  it.each(['clean-release.yml', 'clean-native-arm.yml'])('%s', (name) => {
    const result = check(name);
    expect(result.findings).toEqual([]);
    expect(result.checks[0]!.status).toBe('pass');
  });
});

describe('each pitfall is flagged at its line', () => {
  it('gha cache without scope in a matrix', () => {
    expect(found('pitfall-matrix-no-scope.yml')).toEqual([`cache-miss@${lineOf('pitfall-matrix-no-scope.yml', 'cache-to:')}`]);
    expect(check('pitfall-matrix-no-scope.yml').findings[0]!.fix).toContain('+          cache-to: type=gha,mode=max,scope=${{ matrix.<key> }}');
  });

  it('the same in bake-action `set` lines', () => {
    expect(found('pitfall-bake-matrix.yml')).toEqual([`cache-miss@${lineOf('pitfall-bake-matrix.yml', '*.cache-to=')}`]);
  });

  it('cache-from and cache-to scopes that differ', () => {
    const [f] = check('pitfall-scope-mismatch.yml').findings;
    expect(f).toMatchObject({ id: 'cache-miss', severity: 'warning' });
    expect(f!.locations![0]!.line).toBe(lineOf('pitfall-scope-mismatch.yml', 'cache-from:'));
    expect(f!.fix).toContain('+          cache-from: type=gha,scope=app-cache');
  });

  it('mode=max missing: a warning for a multi-stage Dockerfile, nothing for a single stage', () => {
    const findings = check('pitfall-no-mode-max.yml').findings;
    expect(findings.map((f) => `${f.id}@${f.locations![0]!.line}`)).toEqual([
      `cache-miss@${lineOf('pitfall-no-mode-max.yml', 'cache-to: type=registry,ref=ghcr.io/acme/app:')}`,
    ]);
    expect(findings[0]!.title).toContain('2-stage Dockerfile');
    expect(findings[0]!.fix).toContain('+          cache-to: type=registry,mode=max,ref=ghcr.io/acme/app:buildcache');
  });

  it('push: true on pull requests without a guard', () => {
    const [f] = check('pitfall-push-on-pr.yml').findings;
    expect(f).toMatchObject({ id: 'registry-auth-denied', severity: 'warning' });
    expect(f!.locations![0]!.line).toBe(lineOf('pitfall-push-on-pr.yml', 'push: true'));
    expect(f!.fix).toContain("+          push: ${{ github.event_name != 'pull_request' }}");
  });

  it('a ghcr.io push with the job token and no packages: write (env-resolved registry)', () => {
    const [f, ...rest] = check('pitfall-no-packages-write.yml').findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'registry-auth-denied', severity: 'error' });
    expect(f!.locations![0]!.line).toBe(lineOf('pitfall-no-packages-write.yml', '  build:'));
    expect(f!.fix).toContain('+    permissions:\n+      contents: read\n+      packages: write\n     runs-on: ubuntu-latest');
  });

  it('a multi-platform build with load: true', () => {
    expect(found('pitfall-multi-load.yml')).toEqual([`exporter-unsupported@${lineOf('pitfall-multi-load.yml', 'load: true')}`]);
  });

  it('arm64 on an amd64 runner without setup-qemu-action', () => {
    const [f, ...rest] = check('pitfall-arm64-no-qemu.yml').findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'qemu-emulation', severity: 'warning', data: { platforms: 'linux/arm64' } });
    expect(f!.locations![0]!.line).toBe(lineOf('pitfall-arm64-no-qemu.yml', 'platforms:'));
    expect(f!.fix).toContain('+      - name: Set up QEMU\n+        uses: docker/setup-qemu-action@v3\n       - name: Build');
  });

  it('{{tag}} in a tag rule of a workflow that runs on branches', () => {
    const [f, ...rest] = check('pitfall-tag-outside-tags.yml').findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ id: 'invalid-tag', severity: 'error', data: { rule: 'type=raw,value={{tag}}-slim', tag: '-slim' } });
    expect(f!.locations![0]!.line).toBe(lineOf('pitfall-tag-outside-tags.yml', '{{tag}}-slim'));
  });

  it('majors that changed: build-push-action v1, upload-artifact v3, a buildx too old for the gha cache', () => {
    const name = 'pitfall-old-pins.yml';
    expect(found(name).sort()).toEqual(
      [
        `cache-export-failure@${lineOf(name, 'version: v0.12.1')}`,
        `action-major-changed@${lineOf(name, 'build-push-action@v1')}`,
        `action-major-changed@${lineOf(name, 'upload-artifact@v3')}`,
      ].sort(),
    );
  });
});

describe('metadata-action tag rules', () => {
  it('reads the contexts a workflow runs in from its events', () => {
    expect(contextsOf(new Set(['pull_request']), false, false)).toEqual(['pull_request']);
    expect(contextsOf(new Set(['push']), true, false)).toEqual(['branch']);
    expect(contextsOf(new Set(['push']), false, true)).toEqual(['tag']);
    expect(contextsOf(new Set(['push', 'pull_request']), true, true).sort()).toEqual(['branch', 'pull_request', 'tag']);
    expect(parseWorkflow('x.yml', 'on:\n  push:\n    tags: [v*]\njobs: {}\n').triggers).toMatchObject({ pushBranches: false, pushTags: true });
    expect(parseWorkflow('x.yml', 'on: push\njobs: {}\n').triggers).toMatchObject({ pushBranches: true, pushTags: true });
  });

  it('makes the tags metadata-action makes, and finds the invalid ones', () => {
    expect(tagIn(parseTagRule('type=sha,prefix={{branch}}-'), 'branch', noFlavor)).toBe('main-0899a35');
    expect(tagIn(parseTagRule('type=sha,prefix={{branch}}-'), 'pull_request', noFlavor)).toBe('-0899a35');
    expect(tagIn(parseTagRule('type=sha'), 'pull_request', noFlavor)).toBe('sha-0899a35');
    expect(tagIn(parseTagRule('type=ref,event=pr'), 'pull_request', noFlavor)).toBe('pr-123');
    expect(tagIn(parseTagRule('type=ref,event=pr'), 'branch', noFlavor)).toBe('');
    expect(tagIn(parseTagRule('type=semver,pattern={{major}}.{{minor}}'), 'tag', noFlavor)).toBe('1.1');
    expect(tagIn(parseTagRule('type=raw,value=latest,enable={{is_default_branch}}'), 'pull_request', noFlavor)).toBe('');
    // A raw rule that is wholly empty makes no tag (metadata-action skips it): nothing to flag.
    expect(invalidTags(parseTagRule('type=raw,value={{branch}}'), ['pull_request'], noFlavor)).toEqual([]);
    expect(invalidTags(parseTagRule('type=raw,value={{branch}}-{{sha}}'), ['pull_request', 'branch'], noFlavor)).toEqual([
      { context: 'pull_request', tag: '-0899a35' },
    ]);
    // A bare line is a raw value.
    expect(tagIn(parseTagRule('nightly'), 'branch', noFlavor)).toBe('nightly');
    expect(
      invalidTags(parseTagRule("type=raw,value={{branch}}-x,enable=${{ github.event_name != 'pull_request' }}"), ['pull_request', 'branch'], noFlavor),
    ).toEqual([]);
  });
});

describe('files', () => {
  it('finds the workflows of a workspace, skips those that do not build, and reports a file that is not YAML', () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-wf-'));
    try {
      const wf = path.join(workspace, '.github', 'workflows');
      fs.mkdirSync(wf, { recursive: true });
      fs.copyFileSync(path.join(dir, 'team-branch-prefix.yml'), path.join(wf, 'docker.yml'));
      fs.writeFileSync(path.join(wf, 'lint.yaml'), 'on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
      fs.writeFileSync(path.join(wf, 'broken.yml'), 'jobs:\n  a: [\n');
      const result = runWorkflowChecks({ workspace, files: [] });
      expect(result.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['workflow.broken.yml:warn', 'workflow.docker.yml:fail']);
      expect(result.checks[0]!.detail).toMatch(/^\.github\/workflows\/broken\.yml:\d+: not valid YAML/);
      expect(result.findings.map((f) => f.locations![0]!.file)).toEqual(['.github/workflows/docker.yml']);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('mode=min chosen explicitly is respected; a bare registry reference gets a mode=max fix it can take', () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-wf-'));
    try {
      const file = path.join(workspace, 'cache.yml');
      const step = (cacheTo: string) => `      - uses: docker/build-push-action@v6\n        with:\n          cache-to: ${cacheTo}\n`;
      fs.writeFileSync(file, `on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${step('type=gha,mode=min')}${step('acme/app:buildcache')}`);
      const result = runWorkflowChecks({ workspace, files: [file] });
      // No Dockerfile in the workspace: the stages are unknown, so a notice, not a warning.
      expect(result.findings.map((f) => `${f.id}:${f.severity}@${f.locations![0]!.line}`)).toEqual(['cache-miss:notice@11']);
      expect(result.findings[0]!.fix).toContain('+          cache-to: type=registry,ref=acme/app:buildcache,mode=max');
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('an empty workspace is a skipped check, not an error', () => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bxd-wf-'));
    try {
      expect(runWorkflowChecks({ workspace, files: [] }).checks).toEqual([expect.objectContaining({ id: 'workflow.files', status: 'skipped' })]);
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
