// Extracts the operations buildx-doctor calls from GitHub's published OpenAPI description (the npm
// package @octokit/openapi, dereferenced), so that the tests' local API server checks requests and
// responses against GitHub's own schemas without a 385 MB dependency.
//   node scripts/extract-openapi.mjs PATH/TO/@octokit/openapi
// writes __tests__/fixtures/github/openapi-subset.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs'],
  ['get', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/actions/jobs/{job_id}'],
  ['get', '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['get', '/user'],
  // The doctor: a ghcr.io package's versions, under an organization or a user (which one, /users/{username} says).
  ['get', '/users/{username}'],
  ['get', '/orgs/{org}/packages/{package_type}/{package_name}/versions'],
  ['get', '/users/{username}/packages/{package_type}/{package_name}/versions'],
];

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/extract-openapi.mjs PATH/TO/node_modules/@octokit/openapi');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(root, 'generated', 'api.github.com.deref.json'), 'utf8'));
const paths = {};
for (const [method, path] of OPERATIONS) {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the description`);
  paths[path] ??= {};
  paths[path][method] = operation;
}
writeFileSync(
  '__tests__/fixtures/github/openapi-subset.json',
  JSON.stringify({ source: `${pkg.name}@${pkg.version} generated/api.github.com.deref.json`, openapi: spec.openapi, info: spec.info, paths }, null, 1) + '\n',
);
console.log(`wrote ${OPERATIONS.length} operations from ${pkg.name}@${pkg.version}`);
