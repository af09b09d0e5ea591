// The doctor through the bundles as users run them: dist/index.js with `mode: doctor` and `mode: both`
// (as the runner runs it), and dist/cli.js offline. The runner here has no usable docker
// (BUILDX_DOCTOR_DOCKER names a program that does not exist): the live checks must say so and skip,
// the workflow checks must still run, and the step must stay green.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction, NODE_BIN } from './support/run-action.js';
import { ROOT, SAMPLE } from './support/analyze-text.js';
import { expectValidDoctorReport } from './support/report-schema.js';

const fixtures = join(ROOT, '__tests__', 'fixtures', 'workflows');
const NO_DOCKER = { BUILDX_DOCTOR_DOCKER: '/nonexistent/docker' };
const withWorkflow =
  (name: string, logs = false) =>
  (workspace: string) => {
    mkdirSync(join(workspace, '.github', 'workflows'), { recursive: true });
    copyFileSync(join(fixtures, name), join(workspace, '.github', 'workflows', 'docker-build.yml'));
    if (logs) {
      mkdirSync(join(workspace, 'logs'));
      copyFileSync(SAMPLE, join(workspace, 'logs', 'publish.log'));
    }
  };

describe(`doctor in dist/index.js under ${NODE_BIN}`, () => {
  it('mode doctor: the workflow line annotated, live checks skipped with the reason, summary table, report, green step', () => {
    const run = runAction({ mode: 'doctor' }, withWorkflow('team-branch-prefix.yml'), NO_DOCKER);
    expect(run.code).toBe(0);
    expect(run.outputs['doctor-status']).toBe('fail');
    expect(run.outputs.findings).toBe('1');
    expect(run.outputs['root-cause']).toBe('invalid-tag');
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations).toEqual([
      expect.stringMatching(/^::error title=buildx-doctor%3A invalid-tag,file=\.github\/workflows\/docker-build\.yml,line=66::metadata-action tag rule/),
    ]);
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.schemaVersion).toBe(1);
    const statuses = Object.fromEntries(report.doctor.checks.map((c: { id: string; status: string }) => [c.id, c.status]));
    // No images given: those of the workflow's metadata-action step, each component with the tags of a push to main.
    const images = ['operate-ui', 'runtime', 'engine'].flatMap((c) => [`ghcr.io/afewell-hh/demon-${c}:main`, `ghcr.io/afewell-hh/demon-${c}:latest`]);
    expect(statuses).toEqual({
      'workflow.docker-build.yml': 'fail',
      'builder.docker': 'skipped',
      'resources.disk': 'skipped',
      'resources.build-cache': 'skipped',
      'registry.images': 'pass',
      ...Object.fromEntries(images.map((i) => [`registry.${i}`, 'skipped'])),
      ...Object.fromEntries(['operate-ui', 'runtime', 'engine'].map((c) => [`registry.package.ghcr.io/afewell-hh/demon-${c}`, 'skipped'])),
      // It logs in with the job token and grants packages: write.
      'registry.push.ghcr.io': 'pass',
    });
    expect(report.doctor.checks.find((c: { id: string }) => c.id === 'builder.docker').detail).toMatch(/^docker could not be run/);
    expect(report.doctor.checks.find((c: { id: string }) => c.id === 'registry.package.ghcr.io/afewell-hh/demon-engine').detail).toBe(
      'skipped: no token (the github-token input is empty)',
    );
    expect(report.findings).toEqual([
      expect.objectContaining({
        id: 'invalid-tag',
        locations: [expect.objectContaining({ file: '.github/workflows/docker-build.yml', line: 66, verified: true })],
      }),
    ]);
    expect(run.summary).toContain('## buildx-doctor: doctor');
    expect(run.summary).toContain('| ❌ fail | Workflow .github/workflows/docker-build.yml |');
    expect(run.summary).toContain('+            type=sha,prefix=sha-');
  });

  it('mode doctor on the team workflow as it is: nothing raised', () => {
    const run = runAction({ mode: 'doctor', 'doctor-skip': 'builder,resources,registry' }, withWorkflow('team-docker-build.yml'), NO_DOCKER);
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.outputs['doctor-status']).toBe('pass');
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
  });

  it('mode both: the log analysis as before, plus the doctor section in the summary and the report', () => {
    const run = runAction(
      { mode: 'both', logs: 'logs/*.log', 'doctor-skip': 'builder,resources,registry', 'fail-on': 'error' },
      withWorkflow('team-branch-prefix.yml', true),
      NO_DOCKER,
    );
    // fail-on error: the doctor's invalid-tag is an error finding.
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('success');
    expect(run.outputs['root-cause']).toBe('qemu-emulation');
    const report = JSON.parse(readFileSync(run.outputs['report-file']!, 'utf8'));
    expect(report.builds).toHaveLength(3);
    expect(report.doctor.checks.map((c: { id: string }) => c.id)).toEqual(['workflow.docker-build.yml', 'builder', 'resources', 'registry']);
    expect(report.doctor.findings.map((f: { id: string }) => f.id)).toEqual(['invalid-tag']);
    expect(run.summary.indexOf('## buildx-doctor: doctor')).toBeGreaterThan(run.summary.indexOf('### Findings'));
  });

  it('a bad mode is a warning and the default (analyze) runs', () => {
    const run = runAction({ mode: 'fix-it', logs: 'logs/*.log' }, withWorkflow('team-docker-build.yml', true), NO_DOCKER);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('input mode: mode must be analyze, doctor or both, not \\"fix-it\\"'.replace(/\\"/g, '"'));
    expect(run.outputs['doctor-status']).toBeUndefined();
    expect(run.outputs.status).toBe('success');
  });
});

describe('doctor in dist/cli.js, offline', () => {
  const cli = (args: string[]) => spawnSync(NODE_BIN, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: '/nonexistent' } });

  it('--workflow with --skip builder,resources,registry reads only the file: text, markdown and json', () => {
    const file = join(fixtures, 'team-branch-prefix.yml');
    // Inside the workspace (the working directory by default): shown relative to it, as annotations need.
    const shown = '__tests__/fixtures/workflows/team-branch-prefix.yml';
    const text = cli(['doctor', '--workflow', file, '--skip', 'builder,resources,registry']);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(`ERROR invalid-tag (${shown}:66)`);
    expect(text.stdout).toContain('0 passed, 0 warned, 1 failed, 3 skipped');
    const printed = cli(['doctor', '--workflow', file, '--skip', 'builder,resources,registry', '--format', 'json']).stdout;
    expectValidDoctorReport(printed);
    const json = JSON.parse(printed);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'doctor', 'findings']);
    expect(json.findings[0]).toMatchObject({
      id: 'invalid-tag',
      severity: 'error',
      locations: [{ kind: 'source', file: shown, line: 66, column: null, verified: true }],
    });
    const markdown = cli(['doctor', '--workflow', file, '--skip', 'builder,resources,registry', '--format', 'markdown']).stdout;
    expect(markdown).toContain('| ⏭️ skipped | Builder | skipped on request |');
    expect(cli(['doctor', '--workflow', file, '--skip', 'builder,resources,registry', '--fail-on', 'error']).status).toBe(1);
  });

  it('without docker on PATH the live checks are skipped with the reason, the others go on', () => {
    const run = cli(['doctor', '--workflow', join(fixtures, 'team-docker-build.yml'), '--image', 'ghcr.io/acme/app:main', '--format', 'json']);
    expect(run.status).toBe(0);
    expectValidDoctorReport(run.stdout);
    const checks = JSON.parse(run.stdout).doctor.checks as Array<{ id: string; status: string; detail: string }>;
    expect(checks.map((c) => `${c.id}:${c.status}`)).toEqual([
      'workflow.team-docker-build.yml:pass',
      'builder.docker:skipped',
      'resources.disk:skipped',
      'resources.build-cache:skipped',
      'registry.ghcr.io/acme/app:main:skipped',
      'registry.package.ghcr.io/acme/app:skipped',
      'registry.push.ghcr.io:pass',
    ]);
    for (const c of checks.slice(1, 5)) expect(c.detail).toMatch(/docker could not be run/);
    expect(checks[5]!.detail).toBe('skipped: no token (set GITHUB_TOKEN or give --github-token)');
  });

  it('bad usage is one line and exit 2', () => {
    const run = cli(['doctor', '--skip', 'network']);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('buildx-doctor: --skip: unknown check group "network" (the groups are workflow, builder, resources, registry)');
    expect(cli(['doctor', 'stray.yml']).stderr).toContain('unexpected argument "stray.yml" (workflow files go after --workflow)');
  });
});
