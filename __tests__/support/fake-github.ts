// A local stand-in for api.github.com: the endpoints buildx-doctor calls, with every request and
// every JSON response checked against GitHub's published OpenAPI description (the operations
// extracted into fixtures/github/openapi-subset.json by scripts/extract-openapi.mjs). Responses are
// made from the schemas themselves (a minimal valid instance, then the fields a test cares about),
// so a shape that GitHub does not publish fails the test instead of passing silently.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { FIXTURES } from './analyze-text.js';

// OpenAPI documents and request bodies are walked generically here and checked by ajv, not by types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the line above
type Json = any;

const spec: Json = JSON.parse(readFileSync(join(FIXTURES, 'github', 'openapi-subset.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its plugin is the module or its `default`.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (a: Ajv) => void;
addFormats(ajv);

/** OpenAPI 3.0's `nullable` is not JSON Schema: rewrite it as a type union. */
function jsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    out[key] = jsonSchema(value);
  }
  if (schema.nullable) {
    if (out.type) out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
    if (!out.type && !out.enum) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const validators = new Map<string, ValidateFunction>();
function validator(key: string, schema: Json): ValidateFunction {
  const known = validators.get(key);
  if (known) return known;
  const compiled = ajv.compile(jsonSchema(schema));
  validators.set(key, compiled);
  return compiled;
}

/** A minimal instance of a schema: required properties only, examples where the spec gives them. */
export function sample(schema: Json): Json {
  if (!schema) return null;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(sample));
  if (schema.oneOf || schema.anyOf) return sample((schema.oneOf ?? schema.anyOf)[0]);
  if (schema.enum) return schema.enum[0];
  if (schema.example !== undefined && schema.type !== 'object' && schema.type !== 'array') return schema.example;
  switch (schema.type) {
    case 'object': {
      const out: Json = {};
      for (const name of schema.required ?? []) out[name] = sample(schema.properties?.[name] ?? { type: 'string' });
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date-time') return '2025-09-24T01:56:21Z';
      if (schema.format === 'uri') return 'https://example.com/x';
      return 'x';
    default:
      return schema.nullable ? null : {};
  }
}

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  op: Json;
}

const operations: Operation[] = [];
for (const [template, methods] of Object.entries<Json>(spec.paths)) {
  for (const [method, op] of Object.entries<Json>(methods)) {
    const names: string[] = [];
    const regex = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, n) => (names.push(n), '([^/]+)'))}$`);
    operations.push({ method: method.toUpperCase(), template, regex, names, op });
  }
}

export function schemaOf(method: string, template: string, status: number): Json {
  return spec.paths[template][method.toLowerCase()].responses[String(status)]?.content?.['application/json']?.schema;
}

export interface FakeRequest {
  method: string;
  path: string;
  template: string | null;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  headers: IncomingMessage['headers'];
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  json?: Json;
  text?: string;
  /** Reset the connection after the headers and this many bytes of the body; 0: before any answer. */
  resetAfterBytes?: number;
}

/** The template of a log download from storage (behind the API's redirect), for faults to match. */
export const BLOB_TEMPLATE = '/_blob/job-logs/{job_id}';

type Handler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** Job logs as GitHub serves them (behind the redirect), one per job id. */
export interface FakeJob {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | null;
  runnerName: string | null;
  log: string;
  /** The job's steps as the API lists them (number, name, start time). */
  steps?: Array<{ number: number; name: string; startedAt: string }>;
}

/** A workflow run: what the run, the runs listing and its filters answer from. */
export interface FakeRun {
  headSha: string;
  pullNumbers: number[];
  name: string;
  workflowId?: number;
  runNumber?: number;
  branch?: string;
  event?: string;
  status?: 'queued' | 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'cancelled' | null;
  /** ISO 8601; the listing is newest first by it. */
  createdAt?: string;
}

export interface FakeComment {
  id: number;
  body: string;
  /** The login of whoever wrote it. */
  author: string;
}

/** Who GITHUB_TOKEN acts as: its comments are this bot's. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** What a test sets up and then inspects. */
export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  /** Schema violations in requests or responses: a test asserts there are none. */
  readonly violations: string[] = [];
  jobs: FakeJob[] = [];
  comments = new Map<number, FakeComment[]>();
  /** Pull requests by head commit, for the commit → pull request lookups. */
  pullsBySha = new Map<string, number>();
  runs = new Map<number, FakeRun>();
  /** The jobs of other runs than the one diagnosed (a baseline, the history); others list `jobs`. */
  jobsByRun = new Map<number, FakeJob[]>();
  /** The repository's default branch (`GET /repos/{owner}/{repo}`). */
  defaultBranch = 'main';
  /** Replies served before the normal handler, for one matching request each (502s, 429s, 403s). */
  readonly faults: Array<{ match: (r: FakeRequest) => boolean; reply: FakeReply }> = [];
  /**
   * Answer like an HTTP/1.0 server: no length, no chunking, the body ends when the connection
   * closes (old proxies and some storage front ends do this).
   */
  closeEachResponse = false;
  /** Every answer this much later (a slow server). */
  slowMs = 0;
  /**
   * Log downloads are held until this many are in flight at once, then no more are held: shows
   * whether a client reads logs concurrently, without timing anything. A client that never gets
   * there is released after `holdLogsMaxMs`, far longer than a loaded machine takes between the
   * requests of a concurrent client, so that the fallback cannot decide a passing run.
   */
  holdLogsUntil = 0;
  holdLogsMaxMs = 30_000;
  private holdReached = false;
  /** The most log downloads that were in flight at the same time. */
  maxLogsInFlight = 0;
  private logsInFlight = 0;
  private readonly heldLogs: Array<() => void> = [];
  /**
   * The user a personal access token belongs to (`GET /user` answers it); null for GITHUB_TOKEN, an
   * installation token, for which GitHub answers 403 and whose comments are ACTIONS_BOT's.
   */
  tokenUser: string | null = null;
  /**
   * A personal access token (classic)'s scopes, sent as `X-OAuth-Scopes` by `GET /user`
   * (`write:packages, read:packages`); null: no such header (a fine-grained token).
   */
  tokenScopes: string | null = null;
  /** Accounts `GET /users/{username}` knows: their kind decides the packages API path. */
  owners = new Map<string, 'User' | 'Organization'>();
  /** ghcr.io packages by `owner/name`: their versions, each with its tags and last update. */
  packages = new Map<string, Array<{ tags: string[]; updatedAt: string }>>();
  /** Called on each jobs listing: lets a test finish a running job after some polls. */
  onListJobs: (() => void) | null = null;
  private server: Server | null = null;
  private nextCommentId = 1000;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    // Node's server closes an idle keep-alive connection after 5 s, undici's client after 4 s: on a
    // loaded machine the client's timer can fire late, reuse the socket the server is closing, and
    // Octokit retries the request (a log downloaded twice). GitHub's own keep-alive is not what the
    // tests are about, so the server never closes first.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The requests to an operation (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs`). */
  calls(method: string, template: string): FakeRequest[] {
    return this.requests.filter((r) => r.method === method && r.template === template);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, this.slowMs));
    if (this.closeEachResponse) {
      res.shouldKeepAlive = false;
      res.useChunkedEncodingByDefault = false;
    }
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Json = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${req.method} ${url.pathname}: request body is not JSON`);
      }
    }
    // Log downloads are served by storage behind the API's redirect, outside the description.
    const blob = /^\/_blob\/job-logs\/(\d+)$/.exec(url.pathname);
    if (blob) {
      const job = this.allJobs().find((j) => j.id === Number(blob[1]));
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        template: BLOB_TEMPLATE,
        params: { job_id: blob[1]! },
        query: url.searchParams,
        body,
        headers: req.headers,
      };
      this.requests.push(request);
      this.logsInFlight++;
      this.maxLogsInFlight = Math.max(this.maxLogsInFlight, this.logsInFlight);
      res.on('close', () => this.logsInFlight--);
      if (this.holdLogsUntil > 0) await this.holdLog();
      const faultIndex = this.faults.findIndex((f) => f.match(request));
      const reply: FakeReply =
        faultIndex >= 0
          ? this.faults.splice(faultIndex, 1)[0]!.reply
          : { status: job ? 200 : 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, text: job?.log ?? 'not found' };
      this.reply(res, reply);
      return;
    }
    const operation = operations.find((o) => o.method === req.method && o.regex.test(url.pathname));
    const params: Record<string, string> = {};
    if (operation)
      operation.regex
        .exec(url.pathname)!
        .slice(1)
        .forEach((v, i) => (params[operation.names[i]!] = decodeURIComponent(v)));
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      template: operation?.template ?? null,
      params,
      query: url.searchParams,
      body,
      headers: req.headers,
    };
    this.requests.push(request);
    if (!operation) {
      this.violations.push(`${req.method} ${url.pathname}: no such operation in the description`);
      return this.reply(res, { status: 404, json: { message: 'Not Found' } });
    }
    this.checkRequest(operation, request);
    const faultIndex = this.faults.findIndex((f) => f.match(request));
    const reply = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0]!.reply : await this.route(operation, request);
    if (reply.json !== undefined && reply.status < 300) {
      const schema = operation.op.responses[String(reply.status)]?.content?.['application/json']?.schema;
      if (!schema) this.violations.push(`${operation.method} ${operation.template}: ${reply.status} is not a documented JSON response`);
      else {
        const validate = validator(`res ${operation.method} ${operation.template} ${reply.status}`, schema);
        if (!validate(reply.json)) this.violations.push(`${operation.method} ${operation.template} response: ${ajv.errorsText(validate.errors)}`);
      }
    } else if (reply.status < 400 && !operation.op.responses[String(reply.status)]) {
      this.violations.push(`${operation.method} ${operation.template}: ${reply.status} is not a documented response`);
    }
    this.reply(res, reply);
  }

  private checkRequest(operation: Operation, request: FakeRequest): void {
    for (const parameter of operation.op.parameters ?? []) {
      const value = parameter.in === 'path' ? request.params[parameter.name] : parameter.in === 'query' ? request.query.get(parameter.name) : undefined;
      if (value === undefined || value === null) {
        if (parameter.required) this.violations.push(`${operation.method} ${operation.template}: missing ${parameter.in} parameter ${parameter.name}`);
        continue;
      }
      const schema = jsonSchema(parameter.schema);
      const typed = schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')) ? Number(value) : value;
      const validate = validator(`param ${operation.method} ${operation.template} ${parameter.name}`, parameter.schema);
      if (!validate(typed)) this.violations.push(`${operation.method} ${operation.template}: ${parameter.name}=${value}: ${ajv.errorsText(validate.errors)}`);
    }
    const known = new Set((operation.op.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => p.name));
    for (const name of request.query.keys())
      if (!known.has(name)) this.violations.push(`${operation.method} ${operation.template}: unknown query parameter ${name}`);
    const bodySchema = operation.op.requestBody?.content?.['application/json']?.schema;
    if (bodySchema) {
      const validate = validator(`req ${operation.method} ${operation.template}`, bodySchema);
      if (!validate(request.body)) this.violations.push(`${operation.method} ${operation.template} request body: ${ajv.errorsText(validate.errors)}`);
    }
  }

  private route(operation: Operation, request: FakeRequest): FakeReply | Promise<FakeReply> {
    const handler = this.handlers[`${operation.method} ${operation.template}`];
    return handler ? handler(request) : { status: 404, json: { message: 'Not Found' } };
  }

  /** Waits until `holdLogsUntil` downloads are in flight (then releases them all), or the time limit. */
  private holdLog(): Promise<void> {
    if (this.holdReached) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.holdLogsMaxMs);
      this.heldLogs.push(() => {
        clearTimeout(timer);
        resolve();
      });
      if (this.logsInFlight >= this.holdLogsUntil) {
        this.holdReached = true;
        for (const release of this.heldLogs.splice(0)) release();
      }
    });
  }

  private reply(res: ServerResponse, reply: FakeReply): void {
    const headers = { ...(reply.headers ?? {}) };
    if (reply.json !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
    if (reply.resetAfterBytes === 0) {
      // No answer at all: the connection is reset.
      res.socket?.resetAndDestroy();
      return;
    }
    if (reply.resetAfterBytes !== undefined) {
      // Promise a whole body, send part of it, then reset the connection.
      res.writeHead(reply.status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.write(Buffer.from(body).subarray(0, reply.resetAfterBytes), () => res.socket?.resetAndDestroy());
      return;
    }
    res.writeHead(reply.status, headers);
    this.endBody(res, body);
  }

  /** `end(body)` would add a Content-Length; written first, an HTTP/1.0-style body ends with the connection. */
  private endBody(res: ServerResponse, body: string): void {
    if (!this.closeEachResponse) return void res.end(body);
    res.write(body);
    res.end();
  }

  private readonly handlers: Record<string, Handler> = {
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs': (r) => {
      this.onListJobs?.();
      const jobs = this.jobsByRun.get(Number(r.params.run_id)) ?? this.jobs;
      const perPage = Number(r.query.get('per_page') ?? 30);
      const page = Number(r.query.get('page') ?? 1);
      const slice = jobs.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < jobs.length) {
        const next = new URL(`${this.url}${r.path}`);
        for (const [k, v] of r.query) next.searchParams.set(k, v);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next}>; rel="next"`;
      }
      return { status: 200, headers, json: { total_count: jobs.length, jobs: slice.map((job) => this.jobJson(job, r)) } };
    },
    'GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs': (r) => {
      const job = this.allJobs().find((j) => j.id === Number(r.params.job_id));
      if (!job) return { status: 404, json: { message: 'Not Found' } };
      return { status: 302, headers: { location: `${this.url}/_blob/job-logs/${job.id}` } };
    },
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}': (r) => {
      const run = this.runs.get(Number(r.params.run_id));
      if (!run) return { status: 404, json: { message: 'Not Found' } };
      return { status: 200, json: this.runJson(Number(r.params.run_id), run, sample(schemaOf('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', 200))) };
    },
    'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': (r) => {
      // The filters GitHub applies: workflow, branch, event, and status (a status or a conclusion).
      const status = r.query.get('status');
      const matching = [...this.runs]
        .filter(([, run]) => String(run.workflowId ?? 1) === r.params.workflow_id)
        .filter(([, run]) => !r.query.has('branch') || run.branch === r.query.get('branch'))
        .filter(([, run]) => !r.query.has('event') || run.event === r.query.get('event'))
        .filter(([, run]) => !status || (run.status ?? 'completed') === status || (run.conclusion ?? 'success') === status)
        .sort(([ida, a], [idb, b]) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || idb - ida);
      const perPage = Number(r.query.get('per_page') ?? 30);
      const page = Number(r.query.get('page') ?? 1);
      const item = schemaOf('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', 200).properties.workflow_runs.items;
      const workflowRuns = matching.slice((page - 1) * perPage, page * perPage).map(([id, run]) => this.runJson(id, run, sample(item)));
      return { status: 200, json: { total_count: matching.length, workflow_runs: workflowRuns } };
    },
    'GET /repos/{owner}/{repo}': (r) => {
      const json = sample(schemaOf('GET', '/repos/{owner}/{repo}', 200));
      return {
        status: 200,
        json: Object.assign(json, { name: r.params.repo, full_name: `${r.params.owner}/${r.params.repo}`, default_branch: this.defaultBranch }),
      };
    },
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (r) => {
      const list = this.comments.get(Number(r.params.issue_number)) ?? [];
      return { status: 200, json: list.map((c) => this.commentJson(c, r)) };
    },
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (r) => {
      const number = Number(r.params.issue_number);
      const comment = { id: this.nextCommentId++, body: r.body.body, author: this.tokenUser ?? ACTIONS_BOT };
      this.comments.set(number, [...(this.comments.get(number) ?? []), comment]);
      return { status: 201, json: this.commentJson(comment, r) };
    },
    'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (r) => {
      for (const list of this.comments.values()) {
        const comment = list.find((c) => c.id === Number(r.params.comment_id));
        if (comment) {
          comment.body = r.body.body;
          return { status: 200, json: this.commentJson(comment, r) };
        }
      }
      return { status: 404, json: { message: 'Not Found' } };
    },
    'GET /user': (): FakeReply => {
      if (this.tokenUser === null)
        return {
          status: 403,
          json: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403',
          },
        };
      const json = sample(schemaOf('GET', '/user', 200));
      return {
        status: 200,
        headers: this.tokenScopes === null ? {} : { 'x-oauth-scopes': this.tokenScopes },
        json: Object.assign(json, { login: this.tokenUser, type: 'User' }),
      };
    },
    'GET /users/{username}': (r) => {
      const kind = this.owners.get(r.params.username!);
      if (!kind) return { status: 404, json: { message: 'Not Found' } };
      // The public user's shape (the second of the oneOf: a private user is the token's own account).
      const json = sample(schemaOf('GET', '/users/{username}', 200).oneOf[1]);
      return { status: 200, json: Object.assign(json, { login: r.params.username, type: kind, email: null }) };
    },
    'GET /orgs/{org}/packages/{package_type}/{package_name}/versions': (r) =>
      this.packageVersions('Organization', r.params.org!, r.params.package_name!, '/orgs/{org}/packages/{package_type}/{package_name}/versions'),
    'GET /users/{username}/packages/{package_type}/{package_name}/versions': (r) =>
      this.packageVersions('User', r.params.username!, r.params.package_name!, '/users/{username}/packages/{package_type}/{package_name}/versions'),
    'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls': (r) => {
      const number = this.pullsBySha.get(r.params.commit_sha!);
      return { status: 200, json: number ? [this.pullJson(number, r.params.commit_sha!, 'GET', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls')] : [] };
    },
    'GET /repos/{owner}/{repo}/pulls': () => ({
      status: 200,
      json: [...this.pullsBySha].map(([sha, number]) => this.pullJson(number, sha, 'GET', '/repos/{owner}/{repo}/pulls')),
    }),
  };

  /** A package's versions, newest last as stored; 404 under the other kind of owner, as GitHub answers. */
  private packageVersions(kind: 'User' | 'Organization', owner: string, name: string, template: string): FakeReply {
    const versions = this.packages.get(`${owner}/${name}`);
    if (!versions || this.owners.get(owner) !== kind) return { status: 404, json: { message: 'Package not found.' } };
    const item = schemaOf('GET', template, 200).items;
    return {
      status: 200,
      json: versions.map((v, i) =>
        Object.assign(sample(item), {
          id: i + 1,
          name: `sha256:${String(i + 1).padStart(64, '0')}`,
          created_at: v.updatedAt,
          updated_at: v.updatedAt,
          metadata: { package_type: 'container', container: { tags: v.tags } },
        }),
      ),
    };
  }

  private allJobs(): FakeJob[] {
    return [...this.jobs, ...[...this.jobsByRun.values()].flat()];
  }

  private runJson(id: number, run: FakeRun, json: Json): Json {
    const createdAt = run.createdAt ?? '2025-09-24T01:56:21Z';
    return Object.assign(json, {
      id,
      name: run.name,
      head_sha: run.headSha,
      head_branch: run.branch ?? 'main',
      run_number: run.runNumber ?? 1,
      workflow_id: run.workflowId ?? 1,
      event: run.event ?? 'push',
      status: run.status ?? 'completed',
      conclusion: run.status && run.status !== 'completed' ? null : (run.conclusion ?? 'success'),
      created_at: createdAt,
      updated_at: createdAt,
      run_started_at: createdAt,
      html_url: `https://github.com/afewell-hh/Demon/actions/runs/${id}`,
      pull_requests: run.pullNumbers.map((n) => this.pullRef(n)),
    });
  }

  private jobJson(job: FakeJob, r: FakeRequest): Json {
    const json = sample(schemaOf('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', 200).properties.jobs.items);
    return Object.assign(json, {
      id: job.id,
      run_id: Number(r.params.run_id),
      name: job.name,
      status: job.status,
      conclusion: job.conclusion,
      runner_name: job.runnerName,
      html_url: `https://github.com/${r.params.owner}/${r.params.repo}/actions/runs/${r.params.run_id}/job/${job.id}`,
      steps: (job.steps ?? []).map((step) => ({
        name: step.name,
        status: 'completed',
        conclusion: 'success',
        number: step.number,
        started_at: step.startedAt,
        completed_at: step.startedAt,
      })),
      labels: ['ubuntu-latest'],
    });
  }

  private commentJson(comment: FakeComment, r: FakeRequest): Json {
    const json = sample(schemaOf('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 200).items);
    return Object.assign(json, {
      id: comment.id,
      body: comment.body,
      user: Object.assign(sample(schemaOf('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 200).items.properties.user), {
        login: comment.author,
        type: comment.author.endsWith('[bot]') ? 'Bot' : 'User',
      }),
      html_url: `https://github.com/${r.params.owner}/${r.params.repo}/pull/1#issuecomment-${comment.id}`,
    });
  }

  private pullRef(number: number): Json {
    const item = sample(schemaOf('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', 200).properties.pull_requests.items);
    return Object.assign(item, { number });
  }

  private pullJson(number: number, sha: string, method: string, template: string): Json {
    const json = sample(schemaOf(method, template, 200).items);
    json.head = { ...json.head, sha };
    return Object.assign(json, { number, state: 'open' });
  }
}

/**
 * The real `gh run view --log` file split into one log per job, as the API serves a job's log: the
 * `JOB<TAB>STEP<TAB>` prefix gone, the rest byte for byte.
 */
export function splitRunLog(text: string): Map<string, string> {
  const jobs = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^([^\t]+)\t[^\t]*\t(.*)$/s.exec(line);
    if (!match) continue;
    const list = jobs.get(match[1]!) ?? [];
    list.push(match[2]!);
    jobs.set(match[1]!, list);
  }
  return new Map([...jobs].map(([job, lines]) => [job, lines.join('\n') + '\n']));
}
