// The images the doctor checks when nobody named them: docker/metadata-action's `images:` in the
// workflow files, expressions expanded where the file says their value, with the tags its rules give
// on a push to main. The team's own workflow (verbatim) is the main case: its images are
// `${{ env.IMAGE_PREFIX }}-${{ matrix.component }}` over three components.
import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageNames, imagesFromWorkflows } from '../src/doctor/workflow-images.js';
import { runDoctor } from '../src/doctor/doctor.js';
import type { DockerRunner } from '../src/doctor/runner.js';
import { tempDir } from './support/temp-dir.js';

const dir = path.join(process.cwd(), '__tests__', 'fixtures', 'workflows');
const fromFixture = (name: string, repository: string | null = null) => imagesFromWorkflows({ workspace: dir, files: [path.join(dir, name)], repository });

/** A workflow file in a temporary directory. */
function workflowFile(text: string): string {
  const file = path.join(tempDir('bxd-images-'), 'build.yml');
  fs.writeFileSync(file, text);
  return file;
}

const metadataStep = (images: string, tags: string | null, extra = '') => `on: { push: { branches: [main] } }
env:
  PREFIX: ghcr.io/\${{ github.repository_owner }}
jobs:
  build:
    runs-on: ubuntu-latest
${extra}    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ${images}
${
  tags === null
    ? ''
    : `          tags: |\n${tags
        .split('\n')
        .map((t) => `            ${t}`)
        .join('\n')}\n`
}      - uses: docker/build-push-action@v6
        with:
          tags: \${{ steps.meta.outputs.tags }}
`;

describe('images from the workflow', () => {
  it("the team's workflow: env and the matrix expanded, the tags of a push to main (the branch and latest, not the commit's sha)", () => {
    const found = fromFixture('team-docker-build.yml');
    expect(found.images).toEqual([
      'ghcr.io/afewell-hh/demon-operate-ui:main',
      'ghcr.io/afewell-hh/demon-operate-ui:latest',
      'ghcr.io/afewell-hh/demon-runtime:main',
      'ghcr.io/afewell-hh/demon-runtime:latest',
      'ghcr.io/afewell-hh/demon-engine:main',
      'ghcr.io/afewell-hh/demon-engine:latest',
    ]);
    expect(found.sources).toEqual(['team-docker-build.yml:62']);
    expect(found.skipped).toEqual([]);
  });

  it('github.repository and repository_owner from the repository given, lowercased as metadata-action does; default tag rules give the branch', () => {
    const file = workflowFile(metadataStep('|\n            ${{ env.PREFIX }}/api\n            ghcr.io/${{ github.repository }}', null));
    const found = imagesFromWorkflows({ workspace: '/nonexistent', files: [file], repository: 'Acme/Shop' });
    expect(found.images).toEqual(['ghcr.io/acme/api:main', 'ghcr.io/acme/shop:main']);
    const unknown = imagesFromWorkflows({ workspace: '/nonexistent', files: [file], repository: null });
    expect(unknown.images).toEqual([]);
    expect(unknown.skipped).toEqual([
      'build.yml:11: ${{ env.PREFIX }}/api (the repository owner is not known: run in a workflow, or give --repository)',
      'build.yml:11: ghcr.io/${{ github.repository }} (the repository is not known: run in a workflow, or give --repository)',
    ]);
  });

  it('what cannot be known offline is left out, saying why; the rest is kept', () => {
    const file = workflowFile(
      metadataStep(
        '|\n            ${{ secrets.REGISTRY }}/app\n            ghcr.io/acme/${{ matrix.name }}\n            docker.io/acme/app',
        "type=ref,event=branch\ntype=sha\ntype=raw,value={{date 'YYYYMMDD'}}\ntype=raw,value=stable,enable=${{ github.ref == 'refs/heads/main' }}",
      ),
    );
    const found = imagesFromWorkflows({ workspace: '/nonexistent', files: [file], repository: 'acme/shop' });
    expect(found.images).toEqual(['docker.io/acme/app:main', 'docker.io/acme/app:stable']);
    expect(found.skipped).toEqual([
      'build.yml:11: ${{ secrets.REGISTRY }}/app (${{ secrets.REGISTRY }} is only known when the workflow runs)',
      "build.yml:11: ghcr.io/acme/${{ matrix.name }} (matrix.name is not a list in the job's matrix)",
    ]);
  });

  it('rules that give no fixed tag on main: the image is left out with the reason', () => {
    const found = fromFixture('clean-release.yml');
    // semver only on tags, sha and {{branch}}-{{sha}} change every commit: only type=ref,event=branch stays.
    expect(found.images).toEqual(['ghcr.io/acme/app:main']);
    const file = workflowFile(metadataStep('ghcr.io/acme/app', 'type=sha\ntype=semver,pattern={{version}}'));
    expect(imagesFromWorkflows({ workspace: '/nonexistent', files: [file], repository: null }).skipped).toEqual([
      'build.yml:11: its tag rules give no tag that is known before a push to main',
    ]);
  });

  it('the CSV form of images: name=..., and enable=false leaves one out', () => {
    expect(imageNames('name=ghcr.io/acme/app\nname=docker.io/acme/app,enable=false\nacme/a, acme/b')).toEqual(['ghcr.io/acme/app', 'acme/a', 'acme/b']);
  });
});

describe('the doctor without images given', () => {
  it("checks the workflow's images in the registry, and says where they came from", async () => {
    const asked: string[][] = [];
    const docker: DockerRunner = async (args) => {
      asked.push(args);
      return { ok: false, reason: 'docker could not be run (test)' };
    };
    const report = await runDoctor({
      workspace: dir,
      workflows: [path.join(dir, 'team-docker-build.yml')],
      skip: new Set(['workflow', 'builder', 'resources']),
      images: [],
      docker,
    });
    expect(report.checks.map((c) => `${c.id}:${c.status}`)).toEqual([
      'workflow:skipped',
      'builder:skipped',
      'resources:skipped',
      'registry.images:pass',
      'registry.ghcr.io/afewell-hh/demon-operate-ui:main:skipped',
      'registry.ghcr.io/afewell-hh/demon-operate-ui:latest:skipped',
      'registry.ghcr.io/afewell-hh/demon-runtime:main:skipped',
      'registry.ghcr.io/afewell-hh/demon-runtime:latest:skipped',
      'registry.ghcr.io/afewell-hh/demon-engine:main:skipped',
      'registry.ghcr.io/afewell-hh/demon-engine:latest:skipped',
      'registry.package.ghcr.io/afewell-hh/demon-operate-ui:skipped',
      'registry.package.ghcr.io/afewell-hh/demon-runtime:skipped',
      'registry.package.ghcr.io/afewell-hh/demon-engine:skipped',
      'registry.push.ghcr.io:pass',
    ]);
    expect(report.checks[3]!.detail).toMatch(
      /^from docker\/metadata-action \(team-docker-build\.yml:62\), tagged as on a push to main: ghcr\.io\/afewell-hh\/demon-operate-ui:main, /,
    );
    expect(asked[0]).toEqual(['manifest', 'inspect', '--verbose', 'ghcr.io/afewell-hh/demon-operate-ui:main']);
    // Images given win: the workflow's are not added.
    const given = await runDoctor({
      workspace: dir,
      workflows: [path.join(dir, 'team-docker-build.yml')],
      skip: new Set(['workflow', 'builder', 'resources']),
      images: ['ghcr.io/acme/app:v1'],
      docker,
    });
    expect(given.checks.map((c) => c.id)).toEqual([
      'workflow',
      'builder',
      'resources',
      'registry.ghcr.io/acme/app:v1',
      'registry.package.ghcr.io/acme/app',
      'registry.push.ghcr.io',
    ]);
  });
});
