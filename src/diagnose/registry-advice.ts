// What a registry's own denial asks for, by the registry's host. The catalog's fix for
// registry-auth-denied is written for the team's registry (ghcr.io: `packages: write`, the
// package's Actions access); a denial by Amazon ECR, Docker Hub or a cloud registry has other
// causes (an IAM policy, a read-only access token, a repository that must exist before the push),
// and a reader who pushes there should read those first, not GitHub's.

/** A registry family: the hosts it answers on and what its denial usually needs. */
interface RegistryAdvice {
  /** Named in the JSON report's data (`registryKind`): stable ids. */
  kind: string;
  host: RegExp;
  advice: string;
}

const ADVICE: readonly RegistryAdvice[] = [
  {
    kind: 'ecr',
    host: /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/,
    advice:
      'Amazon ECR answered: log in with `aws-actions/amazon-ecr-login` after `aws-actions/configure-aws-credentials` (an ECR token lasts 12 hours), ' +
      'give the role `ecr:GetAuthorizationToken` and, on the repository, the push actions (`ecr:InitiateLayerUpload`, `ecr:UploadLayerPart`, ' +
      '`ecr:CompleteLayerUpload`, `ecr:PutImage`, `ecr:BatchCheckLayerAvailability`) or, for a pull, `ecr:BatchGetImage` and ' +
      '`ecr:GetDownloadUrlForLayer`; create the repository before the first push: ECR does not create one on push.',
  },
  {
    kind: 'ecr-public',
    host: /^public\.ecr\.aws$/,
    advice:
      'Amazon ECR Public answered: log in with `aws-actions/amazon-ecr-login` and `registry-type: public` (its tokens come from `us-east-1`), ' +
      'with `ecr-public:GetAuthorizationToken` and `sts:GetServiceBearerToken`; the repository must exist in your registry alias.',
  },
  {
    kind: 'docker-hub',
    // Docker Hub's hosts as a reference or an error names them (its token service too).
    host: /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|auth\.docker\.io|registry\.hub\.docker\.com)$/,
    advice:
      'Docker Hub answered: log in with `docker/login-action` (no `registry:` input) as a Docker ID with an access token whose scope is Read & Write ' +
      '(a read-only token cannot push); the image name must start with that Docker ID or an organization it may push to (`user/app`, not `app`); ' +
      'a private image needs the login for a pull too, and a name Docker Hub does not have is denied the same way.',
  },
  {
    kind: 'google',
    host: /^(?:(?:[a-z]+\.)?gcr\.io|[a-z0-9-]+-docker\.pkg\.dev)$/,
    advice:
      'Google Artifact Registry answered: authenticate with `google-github-actions/auth`, then `gcloud auth configure-docker HOST` (or `docker/login-action` ' +
      'with `username: oauth2accesstoken` and the access token); the service account needs `roles/artifactregistry.writer` on the repository to push ' +
      '(reader to pull), and the repository must exist.',
  },
  {
    kind: 'azure',
    host: /^[a-z0-9]+\.azurecr\.(?:io|cn|us)$/,
    advice:
      'Azure Container Registry answered: log in with `azure/login` and `az acr login --name REGISTRY`, or `docker/login-action` with a service ' +
      'principal or a repository-scoped token; the identity needs the `AcrPush` role to push (`AcrPull` to pull).',
  },
  {
    kind: 'gitlab',
    host: /^registry\.gitlab\.com$/,
    advice:
      "GitLab's registry answered: log in with a deploy token or a personal or project access token that has `write_registry` (`read_registry` to pull); " +
      "in GitLab CI, `$CI_REGISTRY_USER` and `$CI_REGISTRY_PASSWORD` push only to the project's own `$CI_REGISTRY_IMAGE`.",
  },
  {
    kind: 'quay',
    host: /^quay\.io$/,
    advice:
      'Quay answered: log in as a robot account with write permission on the repository; the repository must exist unless your organization creates them on push.',
  },
];

export interface RegistryAdviceFor {
  kind: string;
  advice: string;
}

/** The advice for a denial by `registry` (a host), or null for ghcr.io and hosts of no known family. */
export function registryAdvice(registry: string): RegistryAdviceFor | null {
  // A host may come with its port (`123456789012.dkr.ecr.us-east-1.amazonaws.com:443`): the family is the host's.
  const host = registry.toLowerCase().replace(/:\d+$/, '');
  const found = ADVICE.find((a) => a.host.test(host));
  return found ? { kind: found.kind, advice: found.advice } : null;
}
