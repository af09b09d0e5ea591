// The cases a reader meets, as analyses: the publish run, the team's failing pull request run, a
// compile error, a missing COPY source, a 403 on push, and matrices of 10 and 100 builds. Each is the
// whole engine (parse, diagnose, analyse) on a log made of real captures.
import { readFileSync } from 'node:fs';
import { diagnoseText } from './classify.js';
import { readFixture, SAMPLE } from './analyze-text.js';
import type { Analysis } from '../../src/analyze/analyze.js';

const ts = (i: number) => `2025-09-24T02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.0000000Z`;

/** A `gh run view --log` file: JOB<TAB>STEP<TAB>TIMESTAMP LINE, a job after another. */
export function ghRunLog(jobs: Array<{ job: string; steps: Array<{ step: string; lines: string[] }> }>): string {
  let i = 0;
  return jobs.flatMap(({ job, steps }) => steps.flatMap(({ step, lines }) => lines.map((line) => `${job}\t${step}\t${ts(i++)} ${line}`))).join('\n') + '\n';
}

/** docker/metadata-action's inputs as the runner echoes them: `{{branch}}` is empty on pull_request. */
const METADATA = [
  '##[group]Run docker/metadata-action@v5',
  'with:',
  '  images: ghcr.io/afewell-hh/demon-operate-ui',
  '  tags: type=ref,event=branch',
  'type=sha,prefix={{branch}}-',
  '  flavor: latest=auto',
  '##[endgroup]',
];

export function invalidTagJob(component: string): { job: string; steps: Array<{ step: string; lines: string[] }> } {
  const tag = `ghcr.io/afewell-hh/demon-${component}:-0899a35`;
  return {
    job: `Build ${component}`,
    steps: [
      { step: 'Docker meta', lines: METADATA.map((l) => l.replace('operate-ui', component)) },
      {
        step: 'Build and push',
        lines: [
          '##[group]Run docker/build-push-action@v5',
          '##[endgroup]',
          `[command]/usr/bin/docker buildx build --platform linux/amd64,linux/arm64 --tag ${tag} --file ./${component}/Dockerfile .`,
          `ERROR: invalid tag "${tag}": invalid reference format`,
          `##[error]buildx failed with: ERROR: invalid tag "${tag}": invalid reference format`,
        ],
      },
    ],
  };
}

function canceledJob(component: string): { job: string; steps: Array<{ step: string; lines: string[] }> } {
  return {
    job: `Build ${component}`,
    steps: [
      {
        step: 'Build and push',
        lines: [
          `[command]/usr/bin/docker buildx build --platform linux/amd64,linux/arm64 --file ./${component}/Dockerfile .`,
          '#0 building with "builder" instance using docker-container driver',
          `#14 [linux/amd64 builder 2/15] RUN apk add --no-cache musl-dev openssl-dev openssl-libs-static`,
          '#14 DONE 4.6s',
          `#28 [linux/amd64 builder 15/15] RUN cargo build --release --bin ${component}`,
          '#28 40.0    Compiling tokio v1.40.0',
          '##[error]The operation was canceled.',
        ],
      },
    ],
  };
}

function pushDeniedJob(component: string): { job: string; steps: Array<{ step: string; lines: string[] }> } {
  const error = `failed to push ghcr.io/afewell-hh/demon-${component}:main: unexpected status from POST request to https://ghcr.io/v2/afewell-hh/demon-${component}/blobs/uploads/: 403 Forbidden`;
  return {
    job: `Build ${component}`,
    steps: [
      {
        step: 'Set up job',
        lines: ['##[group]GITHUB_TOKEN Permissions', 'Contents: read', 'Metadata: read', 'Packages: read', '##[endgroup]', 'Secret source: Actions'],
      },
      {
        step: 'Build and push',
        lines: [
          `[command]/usr/bin/docker buildx build --tag ghcr.io/afewell-hh/demon-${component}:main --push .`,
          '#0 building with "builder" instance using docker-container driver',
          '#5 [2/2] RUN make',
          '#5 DONE 30.1s',
          '#9 exporting to image',
          '#9 pushing layers',
          `#9 ERROR: ${error}`,
          `ERROR: failed to solve: ${error}`,
          `##[error]buildx failed with: ERROR: failed to solve: ${error}`,
        ],
      },
    ],
  };
}

/** A plain BuildKit capture as one job's build step. */
function captureJob(job: string, capture: string): { job: string; steps: Array<{ step: string; lines: string[] }> } {
  return { job, steps: [{ step: 'Build', lines: ['[command]/usr/bin/docker buildx build .', ...capture.trimEnd().split('\n')] }] };
}

export interface ReportCase {
  name: string;
  /** What the root cause's headline says (for a failing case). */
  headline: RegExp | null;
  analysis: () => Promise<Analysis>;
}

export const CASES: ReportCase[] = [
  { name: 'publish-run', headline: null, analysis: () => diagnoseText(readFileSync(SAMPLE, 'utf8'), 'docker-publish-17964002949.log') },
  {
    name: 'failing-matrix',
    headline: /Build operate-ui: .*-0899a35/,
    analysis: () => diagnoseText(ghRunLog([canceledJob('runtime'), canceledJob('engine'), invalidTagJob('operate-ui')]), 'run.log'),
  },
  { name: 'compile-error', headline: /compile/i, analysis: () => diagnoseText(readFixture('dockerd20-failing-run.log'), 'build.log') },
  { name: 'copy-source-missing', headline: /\/missing\.txt/, analysis: () => diagnoseText(readFixture('dockerd20-failing-copy.log'), 'build.log') },
  { name: 'push-403', headline: /denied|403/i, analysis: () => diagnoseText(ghRunLog([pushDeniedJob('runtime')]), 'run.log') },
  { name: 'ten-builds', headline: /Build c01[,:] /, analysis: () => diagnoseText(matrix(10), 'run.log') },
];

/**
 * A matrix of `n` builds where most things go wrong at once: different failures, cancellations,
 * and successful builds, so that every part of the reports has something to say.
 */
export function matrix(n: number): string {
  const ok = readFixture('buildx0.29-a1-3step-plain-first.log');
  const fail = readFixture('buildx0.29-b1-fail-plain.log');
  const jobs = Array.from({ length: n }, (_, i) => {
    const name = `c${String(i + 1).padStart(2, '0')}`;
    switch (i % 5) {
      case 0:
        return captureJob(`Build ${name}`, fail);
      case 1:
        return { ...invalidTagJob(name), job: `Build ${name}` };
      case 2:
        return { ...pushDeniedJob(name), job: `Build ${name}` };
      case 3:
        return { ...canceledJob(name), job: `Build ${name}` };
      default:
        return captureJob(`Build ${name}`, ok);
    }
  });
  return ghRunLog(jobs);
}
