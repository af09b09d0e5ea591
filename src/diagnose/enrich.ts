import type { Build } from '../model.js';
import type { SignatureMatch } from './matcher.js';
import { explainReference, parseReference } from '../reference/image-reference.js';
import { inlineCode } from '../text/markdown.js';
import { registryAdvice } from './registry-advice.js';
import { readRefusal } from './refused-transfer.js';
import type { TOOLCHAINS } from './catalog.js';

/** What code adds to a signature's finding for this case: values for placeholders and a first paragraph. */
export interface Enrichment {
  values: Record<string, string>;
  /** Markdown put before the signature's general fix: the cause in this build. */
  cause: string | null;
  data: Record<string, string>;
}

/**
 * @param references Image references the failing output named, before the build's own tags: a
 * later step's `docker push ghcr.io/acme/app` pushes what it names, not necessarily the build's tag.
 */
type Enricher = (match: SignatureMatch, build: Build, references: string[]) => Enrichment;

const ENRICHERS: Record<string, Enricher> = {
  'registry-auth-denied': registryAuth,
  'invalid-tag': invalidTag,
  'compile-error': toolchain,
  'package-install-failure': toolchain,
};

// Which toolchain printed the error or ran the failing command: its advice, not another's.
const TOOLCHAIN_SIGNS: Array<[(typeof TOOLCHAINS)[number], RegExp]> = [
  ['rust', /\b(?:cargo|rustc|rustup)\b|error\[E\d{4}\]|\.rs:\d+/],
  // Not `go get it` (a configure script's `ERROR!  pcre2 library not found, go get it`: go and get it).
  ['go', /\bgo (?:build|install|mod|vet|test)\b|\bgo get\b(?! it\b)|\.go:\d+:\d+|\bgo: |\bcgo\b/],
  ['node', /\b(?:npm|npx|yarn|pnpm|node|tsc|vite|webpack|next build|ng build)\b|error TS\d{4}|\.tsx?[(:]\d+/],
  ['java', /\b(?:mvnw?|gradlew?|javac|kotlinc)\b|\.(?:java|kt):|\[ERROR\] /],
  ['dotnet', /\bdotnet\b|error (?:CS|MSB|NU|NETSDK)\d{4}|\.NET SDK\b/],
  ['python', /\b(?:pip3?|python3?|poetry|uv|conda)\b|\bwheel\b/],
  ['native', /\b(?:gcc|g\+\+|clang|cc1plus|make|cmake|ld)\b|\.(?:c|cc|cpp|cxx|h|hpp):\d+/],
];

/** How a fix names each toolchain. */
const TOOL_NAMES: Record<(typeof TOOLCHAINS)[number], string> = {
  rust: 'cargo',
  go: 'go',
  node: 'node',
  java: 'javac',
  dotnet: 'dotnet',
  python: 'pip',
  native: 'cc',
};

/** The toolchain of a compile or install failure, from the matched lines and the failing command. */
function toolchain(match: SignatureMatch, build: Build): Enrichment {
  const failing = build.steps.find((s) => s.status === 'error' && s.instruction === 'RUN');
  const text = [...match.lines.map((l) => l.normalized), failing?.command ?? ''].join('\n');
  for (const [name, sign] of TOOLCHAIN_SIGNS) {
    const seen = sign.exec(text);
    if (seen) return { values: { [name]: TOOL_NAMES[name] }, cause: null, data: { toolchain: name, seen: seen[0] } };
  }
  return { values: {}, cause: null, data: {} };
}

export function enrich(match: SignatureMatch, build: Build, references: string[] = []): Enrichment {
  return ENRICHERS[match.signature.id]?.(match, build, references) ?? { values: {}, cause: null, data: {} };
}

/**
 * A registry 403 has three common causes that the error text alone does not tell apart: the job's
 * token lacks `packages: write`, the job runs for a fork's pull request (read-only token, no
 * secrets), or an organization package does not grant the repository access. The runner's "Set up
 * job" section says which permissions and secrets the job had.
 */
function registryAuth(match: SignatureMatch, build: Build, references: string[]): Enrichment {
  const text = match.lines.map((l) => l.normalized).join('\n');
  // A pull names its image in the step that pulled it (`load metadata for X`, `FROM X`); the build's own tags say
  // where it pushes, not where it pulled from. A push names its image in the lines before the refusal.
  const refusal = match.groups.podImage === undefined ? readRefusal(match, build) : null;
  const pull = refusal?.operation === 'pull';
  const named = [...(refusal?.references ?? []), ...references];
  const registry = registryOf(match.groups, pull ? null : build, named, text);
  const values: Record<string, string> = registry ? { registry } : {};
  const packages = build.runner.tokenPermissions.packages ?? null;
  // A cluster's pull (the kubelet's `Failed to pull image`) used the pod's pull secret: the job's token, its secrets,
  // its login step and the registry's advice for a push say nothing of it (the catalog's fix says what to check), and
  // GHCR's items (a token's `packages: write`, a package's Actions access) go with them.
  if (match.groups.podImage) return { values: { ...values, githubRegistry: '', loginAction: '' }, cause: null, data: jobFacts(build) };
  // docker-py (Ansible's docker modules) found no saved login for the registry and asked it nothing: the login of the user
  // that runs the tool is the cause, not the registry's own setup or a workflow's token (a review: Docker Hub's and GHCR's
  // advice did not fit).
  if (match.groups.noLogin)
    return {
      values: { ...values, githubRegistry: '', loginAction: '' },
      cause: noSavedLogin(match.groups.loginFor),
      data: { cause: 'no-saved-login', ...jobFacts(build) },
    };
  // No registry was asked either when the AWS SDK found no credentials to ask ECR with (its credential helper, an operator's
  // call), or a Docker credential helper could not run (a WSL 2 distro given Docker Desktop's `.exe`, a config copied from
  // another machine) or ran and failed (a locked keychain, `pass` without a store): neither a refused pull's check of the
  // reference nor GHCR's items apply, and the catalog's item says what to do (reviews: "a pull was refused ... a misspelled
  // name" led, and GHCR's items when the line was pasted alone).
  const notAsked = match.groups.awsNoCredentials ? 'aws-no-credentials' : match.groups.helper || match.groups.helperFailed ? 'credential-helper' : null;
  if (notAsked) return { values: { ...values, githubRegistry: '', loginAction: '' }, cause: null, data: { cause: notAsked, ...jobFacts(build) } };
  if (pull) return pullRefusal(values, registry, text, build);
  const data: Record<string, string> = refusal?.operation === 'push' ? { operation: 'push' } : {};
  let cause: string | null = null;
  if (ORG_PACKAGE.test(text)) {
    data.cause = 'org-package-access';
    cause =
      'The organization package exists but does not grant this repository write access: in the package settings, "Manage Actions access", add the repository with the Write role (or let the workflow create a new package).';
  } else if (build.runner.secretSource === 'None') {
    data.cause = 'fork-pull-request';
    cause =
      'This job ran without secrets ("Secret source: None"): a pull request from a fork, whose `GITHUB_TOKEN` is read-only. Do not push from such runs: `push: ${{ github.event_name != \'pull_request\' }}`, or push from a `workflow_run` after review.';
  } else if (packages !== null && packages !== 'write' && (!registry || isGitHubRegistry(registry))) {
    data.cause = 'missing-packages-write';
    cause = `The job's \`GITHUB_TOKEN\` had \`packages: ${packages}\` ("Set up job" lists it): add \`permissions: packages: write\` to the workflow or the job.`;
  } else if (/\b40[13]\b/.test(text) && /anonymous token/.test(text)) {
    data.cause = 'not-logged-in';
    cause = `The builder asked for an anonymous token, so it had no credentials${registry ? ` for ${inlineCode(registry)}` : ''}: log in with \`docker/login-action\` before the build step (and before \`docker/setup-buildx-action\` creates the builder, for a pull of a private base image).`;
  }
  // A registry of another family than GitHub's says what it needs first (registry-advice.ts); a fork's
  // read-only run or a package's access stays the cause, since the registry's own setup would not help.
  const own = registry ? registryAdvice(registry) : null;
  if (own) {
    data.registryKind = own.kind;
    if (cause === null || data.cause === 'not-logged-in') cause = cause === null ? own.advice : `${cause}\n\n${own.advice}`;
  }
  // The catalog's fix is written for GitHub's registry (templateValues' `githubRegistry`): for another
  // registry its GHCR items (`packages: write`, a package's Actions access) are dropped, and one that
  // has no advice of its own gets the generic check by name instead.
  if (registry && !isGitHubRegistry(registry)) {
    values.githubRegistry = '';
    if (!own) values.otherRegistry = registry;
  }
  return { values, cause, data: { ...data, ...jobFacts(build) } };
}

/** What to do when the client had no saved login for `host` (docker-py's `configuration for X not found`). */
function noSavedLogin(host: string | undefined): string {
  const where = host ? ` for ${inlineCode(host)}` : '';
  return `The client found no saved login${where} in the Docker configuration of the user that runs it (\`~/.docker/config.json\`; docker-py and Ansible's docker modules read it, and ask the registry nothing without one): log in as that user (\`docker login${host ? ` ${host}` : ''}\`), or give the tool its credentials (Ansible's \`community.docker.docker_login\` before the pull or push, docker-py's \`client.login()\`).`;
}

/**
 * A refused pull: the name is checked first (a registry refuses a name it does not have as it refuses a private
 * one), then the login that reads it. The catalog's items for a push (a token's `packages: write`, a package's
 * write access, a fork that must not push) are dropped.
 */
function pullRefusal(values: Record<string, string>, registry: string | null, text: string, build: Build): Enrichment {
  const lead = pullRefusalLead(registry, text);
  // What this log adds goes in a paragraph of its own: the lead is the one line the summary and the comment give.
  const sentences: string[] = [];
  if (build.runner.secretSource === 'None')
    sentences.push('This job ran without secrets ("Secret source: None", a pull request from a fork): it has no login for a private image.');
  if (registry && isGitHubRegistry(registry))
    sentences.push(
      "On GHCR a workflow's `GITHUB_TOKEN` reads its own repository's packages; another repository's private package must grant this one read access (package settings, \"Manage Actions access\").",
    );
  const data: Record<string, string> = { operation: 'pull' };
  const paragraphs = sentences.length > 0 ? [lead, sentences.join(' ')] : [lead];
  // The registry's own advice names what a pull needs there too (ECR's `ecr:BatchGetImage`, a reader's role).
  const own = registry ? registryAdvice(registry) : null;
  if (own) {
    data.registryKind = own.kind;
    paragraphs.push(own.advice);
  }
  return { values: { ...values, githubRegistry: '', loginAction: '' }, cause: paragraphs.join('\n\n'), data: { ...data, ...jobFacts(build) } };
}

/**
 * The one line that leads a refused pull's advice: what the refusal says of the credentials decides it.
 * - containers/image's token request refused (Podman, Buildah, skopeo, CRI-O) is about the login, not the name: it says
 *   `invalid username/password` whether it sent wrong credentials or none (a review).
 * - A client that sent no credentials at all (`no basic auth credentials`, BuildKit's anonymous token) needs a login first
 *   (a review: ECR is always private).
 * - GHCR's `read_package` denial is about the login too: GHCR says it of a private or internal package.
 * - A registry that said which permission the credentials lack leads with that (a review: Google's IAM answer led with the
 *   name's check).
 * - Otherwise the name is the likelier mistake.
 */
function pullRefusalLead(registry: string | null, text: string): string {
  const by = registry ? ` by ${inlineCode(registry)}` : '';
  if (TOKEN_REFUSED.test(text))
    return `A pull was refused${by}: the registry's token service refused the credentials (containers/image says \`invalid username/password\` also when it sent none). Log in to that registry as the user that pulls (\`podman login${registry ? ` ${registry}` : ''}\`; a node's pull needs an \`imagePullSecrets\` with them), or check the auth file the tool reads: rootless Podman's \`\${XDG_RUNTIME_DIR}/containers/auth.json\` is not root's, and \`REGISTRY_AUTH_FILE\` overrides both.`;
  if (NO_CREDENTIALS.test(text))
    return `A pull was refused${by}, and the client sent no credentials: log in to the registry before the pull (before \`docker/setup-buildx-action\` creates the builder, for a build's base image); if the login does not help, check the reference (\`docker buildx imagetools inspect <image>\`): a registry refuses a name it does not have in the same words.`;
  if (GHCR_READ_PACKAGE.test(text))
    return `A pull was refused${by}: GHCR would not let it read the package (\`permission_denied: read_package\`), which it says of a package that is private or internal to its organization, so the login is what to fix, not the name: log in before the pull with a token that has \`read:packages\`, or make the package public.`;
  if (READ_NOT_PERMITTED.test(text))
    return `A pull was refused${by}: the registry says the credentials it was given may not read that repository. Give the identity that pulls (the service account or role the job or the node logs in as) read access to it, or log in as one that has it; a repository that does not exist is refused in the same words, so check the name if the access is already there.`;
  return `A pull was refused${by}: a registry answers a pull of an image it does not have (a misspelled name or owner, a tag never pushed, a repository that moved or was removed) as it answers one of a private image. Check the reference first (\`docker buildx imagetools inspect <image>\`); if the image is private, log in before the pull with credentials that may read it.`;
}

/** What the runner's "Set up job" said of the job's token and secrets, for the JSON report. */
function jobFacts(build: Build): Record<string, string> {
  const facts: Record<string, string> = {};
  const packages = build.runner.tokenPermissions.packages;
  if (packages) facts.packagesPermission = packages;
  if (build.runner.secretSource) facts.secretSource = build.runner.secretSource;
  return facts;
}

/**
 * The registry's host, from what the error named, then the build's tags and images. A reference
 * that the error or the step named is read by the project's reference parser, so a name without a
 * host (`failed to push acme/app`, the repository of Docker's `pull access denied for app`, `docker
 * push acme/app`) is Docker Hub's; the build's own tags are read for an explicit host only: a
 * host-less tag beside a `ghcr.io/...` one, or a push tag beside a denied base image pull, says
 * nothing of where the denial came from. Without `build` (a refused pull) the tags are not read at all.
 */
function registryOf(groups: Record<string, string>, build: Build | null, references: string[], text: string): string | null {
  if (groups.registry) return groups.registry;
  for (const candidate of [groups.ref, groups.authurl, groups.repo, ...references]) {
    if (!candidate) continue;
    const host = urlHost(candidate) ?? registryOfReference(candidate);
    if (host) return host;
  }
  // Words only GitHub's registry says (a package's write permission, an organization package).
  if (GHCR_WORDS.test(text)) return 'ghcr.io';
  if (build === null) return null;
  // The build's tags say where it pushed; tags on several registries do not say which one denied it.
  const hosts = new Set<string>();
  for (const candidate of [...build.request.tags, ...build.images.map((i) => i.ref)]) {
    const host = urlHost(candidate) ?? explicitHost(candidate);
    if (host) hosts.add(host.toLowerCase());
  }
  return hosts.size === 1 ? [...hosts][0]! : null;
}

/** A registry client that sent no credentials: the docker CLI's words, and BuildKit asking for an anonymous token. */
const NO_CREDENTIALS = /no basic auth credentials|anonymous token/;
/** containers/image's words for a token request the registry refused (its own, before the registry's answer). */
const TOKEN_REFUSED = /unable to retrieve auth token: invalid username\/password/;
/**
 * A registry that said the credentials it got may not read the image (Google's registries: `denied: Permission denied for
 * "1.0"`, `denied: Permission "artifactregistry.repositories.downloadArtifacts" denied`; ECR's `not authorized to perform:
 * ecr:BatchGetImage`), not the docker CLI's guess between a missing and a private image.
 */
const READ_NOT_PERMITTED = /denied: Permission (?:denied for|\\?"[\w.]+\\?" denied)|\bnot authorized to perform: ecr:/;
/** GHCR's refusal to read a package: said of a private or internal package (two train excerpts), so the login leads. */
const GHCR_READ_PACKAGE = /permission_denied: read_package/;

/** GitHub's registry refusing a repository an organization package does not grant. */
const ORG_PACKAGE = /installation not allowed to Write organization package/;
/** Words only GitHub's registry says. */
const GHCR_WORDS = new RegExp(`permission_denied: (?:write_package|The token provided does not match expected scopes)|${ORG_PACKAGE.source}`);

/** GitHub's container registry and the older Docker registry of GitHub Packages. */
function isGitHubRegistry(host: string): boolean {
  return /^(?:ghcr\.io|docker\.pkg\.github\.com)(?::\d+)?$/i.test(host);
}

function urlHost(candidate: string): string | null {
  return /^https?:\/\/([^/\s]+)/.exec(candidate)?.[1] ?? null;
}

/** The first component of a reference when it is a host (`ghcr.io/acme/app`, `localhost:5000/x`). */
function explicitHost(candidate: string): string | null {
  const first = candidate.split('/')[0]!;
  return candidate.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : null;
}

function registryOfReference(candidate: string): string | null {
  try {
    return parseReference(candidate).registry;
  } catch {
    return null;
  }
}

/**
 * Names the rule of the reference grammar a tag breaks, and, when docker/metadata-action's inputs are
 * in the log, the template that produced it: `{{branch}}` is empty on pull_request events, so
 * `type=sha,prefix={{branch}}-` gives `-0899a35`.
 */
function invalidTag(match: SignatureMatch, build: Build): Enrichment {
  // `FROM image AS name` read as one reference by an engine older than multi-stage builds: the catalog's first bullet says
  // so; the grammar's complaint (a blank in the reference) would only hide it.
  if (match.groups.fromAs !== undefined) return { values: {}, cause: null, data: { fromAs: match.groups.fromAs } };
  const data: Record<string, string> = {};
  const reasons: string[] = [];
  const text = match.lines.map((l) => l.normalized).join('\n');
  // A repository name in capitals, as the engine names it (a cache or image reference built from a GitHub owner's name:
  // `repository name (AcmeCorp/web) must be lowercase`): the parser would read `AcmeCorp` as a registry host.
  const upper = /repository name \((\S+)\) must be lowercase/.exec(text);
  if (upper) {
    data.tag = upper[1]!;
    data.rule = 'a repository name must be lowercase';
    reasons.push(
      `${inlineCode(upper[1]!)}: a repository name must be lowercase (${inlineCode(upper[1]!.toLowerCase())}); a name made from \`github.repository\` or \`github.repository_owner\` keeps the owner's capitals: lowercase it before the build (\`\${GITHUB_REPOSITORY,,}\` in bash).`,
    );
  }
  const candidates = upper ? [] : match.groups.tag !== undefined ? [match.groups.tag] : build.request.tags;
  for (const tag of candidates) {
    const rule = explainReference(tag);
    if (rule) {
      reasons.push(`${inlineCode(tag)}: ${rule}.`);
      data.tag = tag;
      data.rule = rule;
      break;
    }
  }
  if (reasons.length === 0 && /tag is needed when pushing/.test(text)) {
    reasons.push('The build was asked to push but had no tag at all: the tag list was empty.');
  }
  const templates = build.runner.metadataTemplates;
  const suspect = templates.find((t) => /\{\{\s*(?:branch|tag|base_ref|is_default_branch)\s*\}\}|\{\{\s*raw\s*\}\}/.test(t)) ?? null;
  if (suspect) {
    data.template = suspect;
    reasons.push(
      `The tags come from \`docker/metadata-action\`, and ${inlineCode(suspect)} uses a value that is empty for some events: \`{{branch}}\` is empty on \`pull_request\` events (and \`{{tag}}\` outside tag pushes), so \`type=sha,prefix={{branch}}-\` yields \`-<sha>\`. Use \`{{base_ref}}\`/\`type=ref,event=pr\` on pull requests, or guard the rule with \`enable=\${{ github.event_name != 'pull_request' }}\`.`,
    );
  } else if (templates.length > 0 && /tag is needed when pushing/.test(text)) {
    data.template = templates[0]!;
    reasons.push(
      `No \`docker/metadata-action\` rule applied to this event (${inlineCode(templates.join('; '), 160)}): add one that always applies, such as \`type=sha\`.`,
    );
  }
  return { values: data.tag !== undefined ? { tag: data.tag } : {}, cause: reasons.length ? reasons.join(' ') : null, data };
}
