// The bundled action, run as the runner runs it (see support/run-action.ts).
import { describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, NODE_BIN } from './support/run-action.js';
import { FIXTURES, fixturePath, SAMPLE } from './support/analyze-text.js';
import { matrix } from './support/report-cases.js';

const withLogs = (files: Record<string, string>) => (workspace: string) => {
  mkdirSync(join(workspace, 'logs'), { recursive: true });
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(workspace, 'logs', name));
};

describe(`dist/index.js under ${NODE_BIN}`, () => {
  it('analyses the publish run: summary, outputs, report file, annotations; the step stays green', () => {
    const run = runAction({ logs: 'logs/*.log' }, withLogs({ 'publish.log': SAMPLE }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      'report-file': join(run.runnerTemp, 'buildx-doctor', 'report.json'),
      status: 'success',
      'cache-hit-ratio': '0',
      'comment-url': '',
      // The slowest build, operate-ui: `[command]...buildx build` at 01:56:35.2024587Z to `#51 DONE` at 03:14:44.0979818Z.
      'duration-seconds': '4689',
      'root-cause': 'qemu-emulation',
      findings: '9',
    });
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.builds.map((b: { name: string }) => b.name)).toEqual(['Build runtime', 'Build engine', 'Build operate-ui']);
    expect(report.builds[0].source).toBe('logs/publish.log');
    expect(run.summary).toContain('| Build operate-ui | ✅ success | 78.5 min | 78.1 min | 0/34 (0%) | 38 |');
    expect(run.summary).toContain('### Findings');
    // Annotations: workflow commands on stdout, the root cause first, each kind of warning once
    // (not once per component); the slow builds are explained by the emulation, not annotated again.
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations[0]).toMatch(/^::warning title=buildx-doctor%3A qemu-emulation::linux\/arm64 ran under QEMU emulation in 3 builds/);
    expect(annotations.map((a) => /%3A ([a-z-]+)::/.exec(a)?.[1])).toEqual(['qemu-emulation', 'cache-miss']);
  });

  it('a failing matrix: one annotation per root cause, what follows from it named there, not annotated again', () => {
    const run = runAction({ logs: 'logs/run.log' }, (workspace) => {
      mkdirSync(join(workspace, 'logs'));
      writeFileSync(join(workspace, 'logs', 'run.log'), matrix(10));
    });
    expect(run.code).toBe(0);
    // The findings' annotations (buildx-doctor's own warnings are titled `buildx-doctor` alone).
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) title=buildx-doctor%3A /.test(l));
    // The job summary folds "Pushing to the registry failed" under the 403 it restates: so do the annotations.
    expect(run.summary).toContain('The same lines also read as “Pushing to the registry failed”');
    expect(annotations.map((a) => /^::(\w+) title=buildx-doctor%3A ([a-z-]+)/.exec(a)?.slice(1).join(' '))).toEqual([
      'error compile-error',
      'error invalid-tag',
      'error registry-auth-denied',
      'warning canceled',
    ]);
    expect(annotations[2]).toBe(
      '::error title=buildx-doctor%3A registry-auth-denied::Build c03, Build c08: The registry denied access to ghcr.io (the same lines also read as "Pushing to the registry failed": that follows from it)',
    );
    // The two invalid tags are one cause, said once, naming both builds.
    expect(annotations[1]).toMatch(/::Build c02, Build c07: Image tags are not valid references: the tag "-0899a35" starts with "-"$/);
  });

  it('a job whose test step failed after its build: a notice, no root cause, no failure for fail-on: warning', () => {
    // after-build-e2e-job.log is after-build-smoke-job.log with the smoke step's `docker run` replaced by a test script.
    const run = runAction({ logs: 'logs/e2e.log', 'fail-on': 'warning' }, withLogs({ 'e2e.log': fixturePath('after-build-e2e-job.log') }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('success');
    expect(run.outputs['root-cause']).toBe('');
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).toContain('## ✅ The build succeeded; a later step of its job reported an error.');
    expect(run.summary).toContain('after the build exited with code 1');
  });

  it('a job whose `docker run` of the image failed after its build: the cause named, an error that only fail-on turns red', () => {
    const files = withLogs({ 'smoke.log': fixturePath('after-build-smoke-job.log') });
    const lenient = runAction({ logs: 'logs/smoke.log' }, files);
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.status).toBe('success');
    expect(lenient.outputs['root-cause']).toBe('entrypoint-not-found');
    expect(lenient.summary).toContain('## ❌ The build succeeded; a later step of its job failed: The container could not start its entrypoint /app/server.');
    const strict = runAction({ logs: 'logs/smoke.log', 'fail-on': 'error' }, files);
    expect(strict.code).toBe(1);
  });

  it('fails the step only when fail-on asks for it', () => {
    const files = withLogs({ 'build.log': fixturePath('buildx0.29-b1-fail-plain.log') });
    const lenient = runAction({ logs: 'logs/build.log' }, files);
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.status).toBe('failure');
    expect(lenient.outputs['root-cause']).toBe('compile-error');
    expect(lenient.stdout).toMatch(/^::error title=buildx-doctor%3A compile-error::build: The code failed to compile in RUN echo/m);
    const strict = runAction({ logs: 'logs/build.log', 'fail-on': 'error' }, files);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::error::buildx-doctor: findings of severity error or worse/m);
    const warnings = runAction({ logs: 'logs/*.log', 'fail-on': 'warning' }, withLogs({ 'ok.log': fixturePath('buildx0.29-a2-3step-plain-cached.log') }));
    expect(warnings.code).toBe(0);
  });

  it('bad inputs are warnings and defaults, never a red step', () => {
    const run = runAction(
      { logs: 'logs/*.log', 'fail-on': 'sometimes', 'max-build-minutes': 'an hour', summary: 'maybe' },
      withLogs({ 'publish.log': SAMPLE }),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=buildx-doctor::input fail-on: fail-on must be never, error or warning, not "sometimes"; using the default$/m);
    expect(run.stdout).toMatch(/input max-build-minutes: .*not "an hour"/);
    expect(run.outputs.status).toBe('success');
    expect(run.summary).toContain('using the default');
  });

  it('with no logs, or logs that match nothing, says so in the summary and stays green', () => {
    const none = runAction({});
    expect(none.code).toBe(0);
    expect(none.summary).toContain('nothing to analyse: give the "logs" input');
    // No build record either (no buildx on this machine, or none built here): said too.
    expect(none.summary).toMatch(/buildx history is not available|has no "buildx history"|no build record/);
    expect(none.outputs.status).toBe('unknown');
    const missing = runAction({ logs: 'logs/nope-*.log' });
    expect(missing.code).toBe(0);
    expect(missing.summary).toContain('no file matches logs/nope-\\*.log');
  });

  it('bad log files are warnings: empty, binary, in progress', () => {
    const run = runAction({ logs: 'logs/*' }, (workspace) => {
      withLogs({ 'in-progress.log': fixturePath('docker-build-17962523423-in-progress.log') })(workspace);
      writeFileSync(join(workspace, 'logs', 'empty.log'), '');
      writeFileSync(join(workspace, 'logs', 'logs.zip'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('logs/empty.log: the log is empty');
    expect(run.summary).toContain('logs/logs.zip: binary data');
    expect(run.summary).toContain('still in progress');
    expect(run.stderr).toBe('');
  });

  it('a report file it cannot write is a warning, the rest still works', () => {
    // A directory cannot be made under a file.
    const run = runAction({ logs: 'logs/*.log', 'report-file': 'logs/publish.log/report.json' }, withLogs({ 'publish.log': SAMPLE }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/could not write the report to logs\/publish.log\/report.json: EEXIST/);
    expect(run.summary).toContain('Build runtime');
  });

  it('annotates the Dockerfile line that broke, and links it in the summary', () => {
    const run = runAction(
      { logs: 'logs/build.log' },
      (workspace) => {
        withLogs({ 'build.log': fixturePath('buildx0.29-b1-fail-plain.log') })(workspace);
        copyFileSync(join(FIXTURES, 'buildkit-contexts', 'b', 'Dockerfile'), join(workspace, 'Dockerfile'));
      },
      { GITHUB_SHA: '3602c031eefd1181a945355a54a4b94644014f16' },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::error title=buildx-doctor%3A compile-error,file=Dockerfile,line=3::build: The code failed to compile in RUN echo/m);
    expect(run.summary).toContain(
      '**Points at** [`Dockerfile:3`](https://github.com/afewell-hh/Demon/blob/3602c031eefd1181a945355a54a4b94644014f16/Dockerfile#L3)',
    );
  });

  it("reads the team's signatures file, and warns about a broken one without failing", () => {
    const good = runAction({ logs: 'logs/build.log', signatures: '.github/buildx-doctor.yml' }, (workspace) => {
      withLogs({ 'build.log': fixturePath('buildx0.29-b1-fail-plain.log') })(workspace);
      mkdirSync(join(workspace, '.github'));
      writeFileSync(join(workspace, '.github', 'buildx-doctor.yml'), 'version: 1\nsignatures:\n  - id: compile-error\n    fix: See our runbook, section 1.\n');
    });
    expect(good.code).toBe(0);
    expect(good.summary).toContain('See our runbook, section 1.');
    const bad = runAction({ logs: 'logs/build.log', signatures: '.github/buildx-doctor.yml' }, (workspace) => {
      withLogs({ 'build.log': fixturePath('buildx0.29-b1-fail-plain.log') })(workspace);
      mkdirSync(join(workspace, '.github'));
      writeFileSync(join(workspace, '.github', 'buildx-doctor.yml'), 'version: 1\nsignatures:\n  - id: compile-error\n    severity: fatal\n');
    });
    expect(bad.code).toBe(0);
    expect(bad.stdout).toMatch(
      /::warning title=buildx-doctor::input signatures: .github\/buildx-doctor.yml: signature 1 \(compile-error\), field "severity": must be error, warning or notice; using the built-in signatures only/,
    );
    expect(bad.outputs['root-cause']).toBe('compile-error');
  });
});
