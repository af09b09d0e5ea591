// docker/metadata-action's `tags` rules, evaluated for each kind of ref the workflow runs on, to find
// rules whose templates are empty on some event and leave an invalid tag: the team's pull request
// failed on `type=sha,prefix={{branch}}-`, because `{{branch}}` is empty on `pull_request` and the
// tag became `-0899a35`. Only what decides the tag's text is modelled; the values are stand-ins.

/** The kinds of ref a run can have, as metadata-action sees them. */
export type RefContext = 'branch' | 'tag' | 'pull_request';

/** A Docker tag: a word character first, then word characters, dots and dashes, at most 128. */
const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface TagRule {
  /** The rule as written (one line of `tags`). */
  text: string;
  type: string;
  attrs: Map<string, string>;
}

export interface TagOutcome {
  context: RefContext;
  /** The tag this rule makes in that context ('' when it makes none). */
  tag: string;
}

/** Which contexts a workflow's events give. pull_request_target runs on the base branch's ref. */
export function contextsOf(events: Set<string>, pushBranches: boolean, pushTags: boolean): RefContext[] {
  const contexts = new Set<RefContext>();
  if (events.has('pull_request')) contexts.add('pull_request');
  if (
    (events.has('push') && pushBranches) ||
    ['workflow_dispatch', 'schedule', 'repository_dispatch', 'workflow_run', 'merge_group', 'pull_request_target'].some((e) => events.has(e))
  ) {
    contexts.add('branch');
  }
  if ((events.has('push') && pushTags) || events.has('release')) contexts.add('tag');
  return [...contexts];
}

/** Splits `a=1,b={{date 'YYYY,MM'}}` at the commas outside quotes and braces. */
function splitAttributes(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** One line of `tags`; a line without `key=value` pairs is a raw value, as metadata-action reads it. */
export function parseTagRule(text: string): TagRule {
  const attrs = new Map<string, string>();
  const parts = splitAttributes(text);
  if (!parts.some((p) => p.startsWith('type='))) {
    attrs.set('value', text.trim());
    return { text, type: 'raw', attrs };
  }
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq > 0) attrs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return { text, type: attrs.get('type') ?? 'raw', attrs };
}

/** The contexts a rule's `enable=` leaves on, read from the usual forms; unknown forms leave all on. */
function enabledIn(rule: TagRule, context: RefContext): boolean {
  const enable = rule.attrs.get('enable');
  if (enable === undefined) return true;
  const text = enable.replace(/\s+/g, ' ');
  if (/^false$/i.test(text)) return false;
  if (text.includes('is_default_branch')) return context === 'branch';
  if (/event_name\s*!=\s*'pull_request'/.test(text) && context === 'pull_request') return false;
  if (/event_name\s*==\s*'pull_request'/.test(text) && !text.includes('!')) return context === 'pull_request';
  if (/!\s*startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/'/.test(text)) return context !== 'tag';
  if (/startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/'/.test(text)) return context === 'tag';
  if (/github\.ref\s*==\s*'refs\/heads\//.test(text)) return context === 'branch';
  return true;
}

/** metadata-action's handlebars values in one context: empty where the ref has none. */
function expand(template: string, context: RefContext): string {
  return (
    template
      // GitHub expressions are replaced by the runner before the action reads them: assume a value.
      .replace(/\$\{\{[^}]*\}\}/g, 'x')
      .replace(/\{\{\s*([a-z_]+)[^}]*\}\}/g, (_, name: string) => {
        switch (name) {
          case 'branch':
            return context === 'branch' ? 'main' : '';
          case 'tag':
            return context === 'tag' ? 'v1.2.3' : '';
          case 'base_ref':
            return context === 'pull_request' ? 'main' : '';
          case 'is_default_branch':
            return context === 'branch' ? 'true' : 'false';
          case 'sha':
            return '0899a35';
          case 'date':
            return '20250101';
          case 'version':
          case 'raw':
            return '1.2.3';
          case 'major':
          case 'minor':
          case 'patch':
            return '1';
          default:
            return 'x';
        }
      })
  );
}

/** The tag a rule makes in a context, '' when the rule does not apply there or makes no tag. */
export function tagIn(rule: TagRule, context: RefContext, flavor: { prefix: string; suffix: string }): string {
  if (!enabledIn(rule, context)) return '';
  const attr = (name: string, fallback: string) => rule.attrs.get(name) ?? fallback;
  let value: string;
  let defaultPrefix = '';
  switch (rule.type) {
    case 'sha':
      value = attr('format', 'short') === 'long' ? '0899a35d2c1e4b7a9f0e3c5d7b9a1c3e5f7a9b1c' : '0899a35';
      defaultPrefix = 'sha-';
      break;
    case 'ref': {
      const event = attr('event', '');
      if (event === 'branch' && context !== 'branch') return '';
      if (event === 'tag' && context !== 'tag') return '';
      if (event === 'pr' && context !== 'pull_request') return '';
      value = event === 'branch' ? 'main' : event === 'tag' ? 'v1.2.3' : event === 'pr' ? '123' : '';
      if (event === 'pr') defaultPrefix = 'pr-';
      break;
    }
    case 'semver':
    case 'pep440':
    case 'match':
      if (context !== 'tag') return '';
      value = expand(attr('pattern', '{{version}}'), context);
      break;
    case 'edge':
      if (context !== 'branch') return '';
      value = 'edge';
      break;
    case 'schedule':
      // Runs only on `schedule`, whose ref is a branch.
      if (context !== 'branch') return '';
      value = expand(attr('pattern', 'nightly'), context);
      break;
    default:
      value = expand(attr('value', ''), context);
  }
  // metadata-action skips a rule whose value is empty.
  if (value === '') return '';
  const prefix = expand(rule.attrs.get('prefix') ?? (flavor.prefix || defaultPrefix), context);
  const suffix = expand(rule.attrs.get('suffix') ?? flavor.suffix, context);
  return `${prefix}${value}${suffix}`;
}

export function isValidTag(tag: string): boolean {
  return VALID_TAG.test(tag);
}

/** `flavor: |` lines `prefix=...` / `suffix=...` (the global ones). */
export function parseFlavor(text: string): { prefix: string; suffix: string } {
  const flavor = { prefix: '', suffix: '' };
  for (const line of text.split(/[\n]/)) {
    for (const part of splitAttributes(line)) {
      const eq = part.indexOf('=');
      const key = part.slice(0, eq).trim();
      if (key === 'prefix' || key === 'suffix') flavor[key] = part.slice(eq + 1).trim();
    }
  }
  return flavor;
}

/** Where a rule makes an invalid tag: each context with the tag it makes there. */
export function invalidTags(rule: TagRule, contexts: RefContext[], flavor: { prefix: string; suffix: string }): TagOutcome[] {
  return contexts.map((context) => ({ context, tag: tagIn(rule, context, flavor) })).filter((o) => o.tag !== '' && !isValidTag(o.tag));
}
