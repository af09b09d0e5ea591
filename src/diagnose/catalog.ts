import type { Severity } from '../model.js';
import { InputError } from '../input/errors.js';
import { requiredLiterals } from './required-literals.js';

/** A failure signature, validated and compiled. The file format is documented in the README. */
export interface Signature {
  id: string;
  title: string;
  severity: Severity;
  /** Higher is the more specific cause: it ranks first when several signatures match. */
  priority: number;
  patterns: CompiledPattern[];
  /**
   * Patterns for the command of the step that failed (`cargo build --release`): the cause when
   * the log shows nothing more specific, ranked after every match of a pattern on a line.
   */
  commands: CompiledPattern[];
  /** Ids of causes that, printed earlier in the same failure, explain this one (a DNS error before apt's). */
  causedBy: string[];
  /** `consequence`: what follows from another failure (a cancellation); ranked after every cause. */
  role: 'cause' | 'consequence';
  /**
   * Also read in the output of a job's step after its last build that succeeded (a `docker push`, a
   * smoke test's pull): only for wordings that Docker, a registry or a cluster prints, never a test's.
   */
  laterSteps: boolean;
  ignoreCase: boolean;
  /** Markdown with `${name}` placeholders and `[[ ... ]]` optional parts. */
  fix: string;
  /** Where the entry came from: `built-in` or the user's file. */
  origin: string;
  /** Where its patterns came from: only built-in (reviewed) patterns run without a time limit. */
  patternsOrigin: string;
}

export interface CompiledPattern {
  readonly source: string;
  readonly regex: RegExp;
  /** Texts every match contains (required-literals.ts), or null when there is no useful set: the line selection's prefilter. */
  readonly literals: string[] | null;
}

/**
 * A pattern whose regular expression is built the first time it is used, and its required literals
 * likewise unless given. The built-in catalog's 440 patterns were all compiled (and their literals
 * worked out) at every start, while a log that fails runs them once and a green one never does.
 */
export class Pattern implements CompiledPattern {
  #regex: RegExp | undefined;
  #literals: string[] | null | undefined;

  constructor(
    readonly source: string,
    private readonly ignoreCase: boolean,
    /** Worked out at build time for the built-in catalog (scripts/embed-catalog.mjs); else on first use. */
    literals?: string[] | null,
    /** Already compiled (a user's pattern is compiled when read, to report a syntax error then). */
    regex?: RegExp,
  ) {
    this.#literals = literals;
    this.#regex = regex;
  }

  get regex(): RegExp {
    return (this.#regex ??= new RegExp(this.source, this.ignoreCase ? 'i' : ''));
  }

  get literals(): string[] | null {
    if (this.#literals === undefined) this.#literals = requiredLiterals(this.source);
    return this.#literals;
  }
}

export const CATALOG_VERSION = 1;
/**
 * Placeholders every title and fix may use, whatever the patterns capture. The toolchain ones
 * (`rust`, `go`, ...) have a value (the tool seen) only when the failure came from that toolchain,
 * so a fix can give each its own advice in `[[ ... ]]` parts.
 */
export const TOOLCHAINS = ['rust', 'go', 'node', 'java', 'native', 'dotnet', 'python'] as const;
export const CONTEXT_VARIABLES = [
  'build',
  'step',
  'stage',
  'platform',
  'dockerfile',
  'registry',
  'githubRegistry',
  'otherRegistry',
  'loginAction',
  'registryCacheExport',
  ...TOOLCHAINS,
];
const SEVERITIES: Severity[] = ['error', 'warning', 'notice'];
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_PATTERN = 1000;
const MAX_PATTERNS = 50;
const FIELDS = new Set(['id', 'title', 'severity', 'priority', 'patterns', 'commands', 'causedBy', 'role', 'ignoreCase', 'laterSteps', 'fix']);
const ROLES = ['cause', 'consequence'] as const;

/**
 * Reads a catalog file (YAML). Throws an InputError naming the entry and the field. The YAML parser
 * is loaded here, not at start: only a team's own signatures file is YAML at run time.
 */
export async function parseCatalog(
  text: string,
  origin: string,
  options: { requirePatterns: boolean } = { requirePatterns: true },
): Promise<Array<Partial<Signature> & { id: string }>> {
  const { parse: parseYaml } = await import('yaml');
  let document: unknown;
  try {
    document = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    throw new InputError(`${origin}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return readCatalogDocument(document, origin, options);
}

/** Validates a parsed catalog document (parseCatalog's YAML, or the built-in one parsed at build time). */
export function readCatalogDocument(
  document: unknown,
  origin: string,
  options: { requirePatterns: boolean } = { requirePatterns: true },
): Array<Partial<Signature> & { id: string }> {
  const root = document as Record<string, unknown> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new InputError(`${origin}: expected a mapping with "version" and "signatures"`);
  if (root.version !== CATALOG_VERSION) throw new InputError(`${origin}: field "version": must be ${CATALOG_VERSION}, not ${JSON.stringify(root.version)}`);
  if (!Array.isArray(root.signatures)) throw new InputError(`${origin}: field "signatures": must be a list`);
  const seen = new Set<string>();
  return root.signatures.map((entry: unknown, index: number) => {
    const where = (field: string, id?: string) => `${origin}: signature ${index + 1}${id ? ` (${id})` : ''}, field "${field}"`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new InputError(`${origin}: signature ${index + 1}: must be a mapping`);
    const raw = entry as Record<string, unknown>;
    const id = raw.id;
    if (typeof id !== 'string' || !ID.test(id)) throw new InputError(`${where('id')}: must be a kebab-case id such as "registry-auth-denied"`);
    if (seen.has(id)) throw new InputError(`${where('id', id)}: "${id}" appears twice`);
    seen.add(id);
    for (const key of Object.keys(raw)) if (!FIELDS.has(key)) throw new InputError(`${where(key, id)}: unknown field (known: ${[...FIELDS].join(', ')})`);
    const out: Partial<Signature> & { id: string } = { id, origin };
    if (raw.title !== undefined) {
      if (typeof raw.title !== 'string' || !raw.title.trim() || raw.title.includes('\n'))
        throw new InputError(`${where('title', id)}: must be a one-line text`);
      out.title = raw.title.trim();
    }
    if (raw.severity !== undefined) {
      if (!SEVERITIES.includes(raw.severity as Severity)) throw new InputError(`${where('severity', id)}: must be error, warning or notice`);
      out.severity = raw.severity as Severity;
    }
    if (raw.priority !== undefined) {
      if (typeof raw.priority !== 'number' || !Number.isFinite(raw.priority) || raw.priority < 0 || raw.priority > 1000) {
        throw new InputError(`${where('priority', id)}: must be a number from 0 to 1000`);
      }
      out.priority = raw.priority;
    }
    if (raw.ignoreCase !== undefined) {
      if (typeof raw.ignoreCase !== 'boolean') throw new InputError(`${where('ignoreCase', id)}: must be true or false`);
      out.ignoreCase = raw.ignoreCase;
    }
    if (raw.laterSteps !== undefined) {
      if (typeof raw.laterSteps !== 'boolean') throw new InputError(`${where('laterSteps', id)}: must be true or false`);
      out.laterSteps = raw.laterSteps;
    }
    if (raw.patterns !== undefined) {
      if (!Array.isArray(raw.patterns) || raw.patterns.length > MAX_PATTERNS)
        throw new InputError(`${where('patterns', id)}: must be a list of at most ${MAX_PATTERNS} regular expressions`);
      out.patterns = raw.patterns.map((pattern, i) => compilePattern(pattern, out.ignoreCase ?? false, `${where(`patterns[${i + 1}]`, id)}`));
    }
    if (raw.commands !== undefined) {
      if (!Array.isArray(raw.commands) || raw.commands.length > MAX_PATTERNS)
        throw new InputError(`${where('commands', id)}: must be a list of at most ${MAX_PATTERNS} regular expressions`);
      out.commands = raw.commands.map((pattern, i) => compilePattern(pattern, out.ignoreCase ?? false, `${where(`commands[${i + 1}]`, id)}`));
    }
    if (raw.causedBy !== undefined) {
      if (!Array.isArray(raw.causedBy) || raw.causedBy.some((c) => typeof c !== 'string' || !ID.test(c)))
        throw new InputError(`${where('causedBy', id)}: must be a list of signature ids`);
      out.causedBy = raw.causedBy as string[];
    }
    if (raw.role !== undefined) {
      if (!ROLES.includes(raw.role as Signature['role'])) throw new InputError(`${where('role', id)}: must be cause or consequence`);
      out.role = raw.role as Signature['role'];
    }
    if (raw.fix !== undefined) {
      if (typeof raw.fix !== 'string' || !raw.fix.trim()) throw new InputError(`${where('fix', id)}: must be Markdown text`);
      out.fix = raw.fix.trim();
    }
    if (options.requirePatterns && raw.patterns !== undefined && out.patterns!.length === 0) {
      throw new InputError(`${where('patterns', id)}: needs at least one pattern`);
    }
    return out;
  });
}

function compilePattern(pattern: unknown, ignoreCase: boolean, where: string): CompiledPattern {
  if (typeof pattern !== 'string' || pattern === '') throw new InputError(`${where}: must be a non-empty regular expression (a quoted string)`);
  if (pattern.length > MAX_PATTERN) throw new InputError(`${where}: longer than ${MAX_PATTERN} characters`);
  try {
    return new Pattern(pattern, ignoreCase, undefined, new RegExp(pattern, ignoreCase ? 'i' : ''));
  } catch (error) {
    throw new InputError(`${where}: ${(error as Error).message}`);
  }
}

/**
 * The built-in catalog with a user's entries on top: an entry with a known id replaces the fields
 * it gives (a team's own fix and runbook link, extra patterns); a new id adds a signature.
 */
export function mergeCatalogs(builtin: Signature[], user: Array<Partial<Signature> & { id: string }>): Signature[] {
  const merged = new Map(builtin.map((s) => [s.id, s]));
  for (const entry of user) {
    const base = merged.get(entry.id);
    if (base) {
      const ignoreCase = entry.ignoreCase ?? base.ignoreCase;
      const patterns =
        entry.patterns ?? (ignoreCase === base.ignoreCase ? base.patterns : base.patterns.map((p) => new Pattern(p.source, ignoreCase, p.literals)));
      const commands =
        entry.commands ?? (ignoreCase === base.ignoreCase ? base.commands : base.commands.map((p) => new Pattern(p.source, ignoreCase, p.literals)));
      // Patterns and commands run in the worker as soon as either came from the user's file.
      const patternsOrigin = entry.patterns || entry.commands ? (entry.origin ?? 'user') : base.patternsOrigin;
      merged.set(entry.id, { ...base, ...definedFields(entry), patterns, commands, ignoreCase, origin: entry.origin ?? base.origin, patternsOrigin });
    } else {
      const where = `${entry.origin}: signature ${entry.id}`;
      if (!entry.title) throw new InputError(`${where}, field "title": required for a new signature`);
      if (!entry.fix) throw new InputError(`${where}, field "fix": required for a new signature`);
      if (!entry.patterns || entry.patterns.length === 0) throw new InputError(`${where}, field "patterns": required for a new signature`);
      merged.set(entry.id, {
        id: entry.id,
        title: entry.title,
        severity: entry.severity ?? 'error',
        priority: entry.priority ?? 50,
        patterns: entry.patterns,
        commands: entry.commands ?? [],
        causedBy: entry.causedBy ?? [],
        role: entry.role ?? 'cause',
        ignoreCase: entry.ignoreCase ?? false,
        laterSteps: entry.laterSteps ?? false,
        fix: entry.fix,
        origin: entry.origin ?? 'user',
        patternsOrigin: entry.origin ?? 'user',
      });
    }
  }
  const signatures = [...merged.values()];
  for (const signature of signatures) {
    checkPlaceholders(signature);
    checkCausedBy(signature, merged);
  }
  return signatures;
}

function definedFields<T extends object>(entry: T): Partial<T> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Every `${name}` must be a named group of one of the patterns or a context variable. */
function checkPlaceholders(signature: Signature): void {
  const groups = new Set(CONTEXT_VARIABLES);
  for (const pattern of [...signature.patterns, ...signature.commands]) for (const name of namedGroups(pattern.source)) groups.add(name);
  for (const field of ['title', 'fix'] as const) {
    for (const match of signature[field].matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      if (!groups.has(match[1]!)) {
        throw new InputError(
          `${signature.origin}: signature ${signature.id}, field "${field}": \${${match[1]}} is neither a named group of its patterns nor one of ${CONTEXT_VARIABLES.join(', ')}`,
        );
      }
    }
  }
}

/** Every id a signature names as its cause must be a signature of the catalog. */
function checkCausedBy(signature: Signature, known: Map<string, Signature>): void {
  for (const id of signature.causedBy) {
    if (!known.has(id)) throw new InputError(`${signature.origin}: signature ${signature.id}, field "causedBy": "${id}" is not a signature id`);
  }
}

export function namedGroups(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
}

/** The built-in catalog: every entry complete; entries without patterns give advice to analysis rules. */
export function loadBuiltinCatalog(document: unknown): Signature[] {
  const entries = readCatalogDocument(document, 'built-in signatures', { requirePatterns: false });
  const signatures = entries.map((entry) => {
    for (const field of ['title', 'severity', 'priority', 'patterns', 'fix'] as const) {
      if (entry[field] === undefined) throw new InputError(`built-in signatures: ${entry.id}: field "${field}" is missing`);
    }
    const signature = {
      ignoreCase: false,
      commands: [],
      causedBy: [],
      role: 'cause',
      laterSteps: false,
      ...entry,
      origin: 'built-in',
      patternsOrigin: 'built-in',
    } as Signature;
    checkPlaceholders(signature);
    return signature;
  });
  const known = new Map(signatures.map((s) => [s.id, s]));
  for (const signature of signatures) checkCausedBy(signature, known);
  return signatures;
}

/**
 * A built-in signature as the bundle carries it (src/diagnose/builtin-catalog.ts): read from
 * signatures/builtin.yml and validated by loadBuiltinCatalog when the bundle is built
 * (scripts/embed-catalog.mjs), every default filled in, each pattern with its required literals. Plain
 * JSON, parsed with JSON.parse at start: nothing is validated or worked out again at run time.
 */
export interface EmbeddedSignature {
  id: string;
  title: string;
  severity: Severity;
  priority: number;
  ignoreCase: boolean;
  role: Signature['role'];
  causedBy: string[];
  laterSteps: boolean;
  /** Each pattern's source and required literals. */
  patterns: Array<[source: string, literals: string[] | null]>;
  commands: string[];
  fix: string;
}

/** The embedded form of validated built-in signatures (scripts/embed-catalog.mjs writes it). */
export function embedSignatures(signatures: Signature[]): EmbeddedSignature[] {
  return signatures.map((s) => ({
    id: s.id,
    title: s.title,
    severity: s.severity,
    priority: s.priority,
    ignoreCase: s.ignoreCase,
    role: s.role,
    causedBy: s.causedBy,
    laterSteps: s.laterSteps,
    patterns: s.patterns.map((p): [string, string[] | null] => [p.source, p.literals]),
    commands: s.commands.map((p) => p.source),
    fix: s.fix,
  }));
}

/** The built-in signatures from their embedded form: no validation (done at build time), patterns compiled on first use. */
export function fromEmbedded(entries: EmbeddedSignature[]): Signature[] {
  return entries.map((e) => ({
    id: e.id,
    title: e.title,
    severity: e.severity,
    priority: e.priority,
    patterns: e.patterns.map(([source, literals]) => new Pattern(source, e.ignoreCase, literals)),
    commands: e.commands.map((source) => new Pattern(source, e.ignoreCase)),
    causedBy: e.causedBy,
    role: e.role,
    ignoreCase: e.ignoreCase,
    laterSteps: e.laterSteps,
    fix: e.fix,
    origin: 'built-in',
    patternsOrigin: 'built-in',
  }));
}
