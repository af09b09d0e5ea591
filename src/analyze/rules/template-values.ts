import type { Build, Step } from '../../model.js';

/** The step whose failure failed the build: a failed cache import never does (BuildKit goes on without it). */
export function failedStepOf(build: Build): Step | null {
  return build.steps.find((s) => s.status === 'error' && s.kind !== 'cache-import') ?? null;
}

/** `RUN cargo build --release`, or the step's name when it ran no instruction. */
export function stepLabel(step: Step): string {
  return step.instruction ? `${step.instruction} ${step.command}` : step.name;
}

/** What every signature's title and fix may use (signatures/builtin.yml's header): the build and its failed step. */
export function templateValues(build: Build, failedStep: Step | null): Record<string, string | undefined> {
  return {
    build: build.name,
    step: failedStep ? stepLabel(failedStep) : undefined,
    stage: failedStep?.stage ?? undefined,
    platform: failedStep?.platform ?? build.platforms[0],
    dockerfile: build.request.dockerfile ?? undefined,
    // The team's registry: the catalog's registry advice names it, unless a finding knows the registry
    // is another (enrich.ts empties it then).
    githubRegistry: 'ghcr.io',
    // How the job logs in to push: advice about the job's credentials names it, unless the denial was another's
    // (a cluster's pull, whose node has its own pull secret: enrich.ts empties it then).
    loginAction: 'docker/login-action',
    // A registry cache whose export failed (`exporting cache to registry`): the catalog's advice for that backend leads.
    registryCacheExport: build.cache.exports.some((e) => e.status === 'error' && e.kind === 'registry') ? 'type=registry' : undefined,
  };
}
