import type { RunnerFacts } from '../model.js';
import { detach } from '../text/detach.js';

const PERMISSION = /^([A-Za-z][A-Za-z ]*[A-Za-z]): (read|write|none)$/;
const SECRET_SOURCE = /^Secret source: (\S+)/;
const TEMPLATE_INPUT = /^ {2}(tags|flavor|images): ?(.*)$/;
const OTHER_INPUT = /^ {2}[a-z-]+: /;
// docker/setup-buildx-action's groups: `github.com/docker/buildx v0.28.0 <commit>`, and
// `<builder>: v0.24.0` under "BuildKit version" (also `BuildKit version:  v0.24.0` in its inspect).
const BUILDX_VERSION = /^github\.com\/docker\/buildx v(\d+\.\d+\.\d+\S*)/;
const BUILDKIT_NODE_VERSION = /^\S+: v(\d+\.\d+\.\d+\S*)$/;
const BUILDKIT_INSPECT_VERSION = /^BuildKit version:\s+v(\d+\.\d+\.\d+\S*)/;

/**
 * What the runner and the actions before the build printed about the job: the GITHUB_TOKEN's
 * permissions and secret source ("Set up job"), and docker/metadata-action's tag templates. They
 * tell apart causes that look alike in the error (a 403 from a read-only token or from org settings).
 */
export class RunnerFactsReader {
  readonly facts: RunnerFacts = { tokenPermissions: {}, secretSource: null, metadataTemplates: [] };
  private section: 'permissions' | 'metadata-action' | 'buildx-version' | 'buildkit-version' | null = null;
  private templateKey: string | null = null;

  group(title: string): void {
    this.section =
      title === 'GITHUB_TOKEN Permissions'
        ? 'permissions'
        : /^Run docker\/metadata-action@/.test(title)
          ? 'metadata-action'
          : title === 'Buildx version'
            ? 'buildx-version'
            : title === 'BuildKit version'
              ? 'buildkit-version'
              : null;
    this.templateKey = null;
  }

  endGroup(): void {
    this.section = null;
    this.templateKey = null;
  }

  line(text: string): void {
    if (this.section === 'permissions') {
      const permission = PERMISSION.exec(text);
      if (permission) this.facts.tokenPermissions[permission[1]!.toLowerCase().replace(/ /g, '-')] = permission[2]!;
      return;
    }
    if (this.section === 'metadata-action') {
      const input = TEMPLATE_INPUT.exec(text);
      if (input) {
        this.templateKey = input[1]!;
        if (input[2]!.trim()) this.addTemplate(`${this.templateKey}: ${input[2]!.trim()}`);
      } else if (OTHER_INPUT.test(text)) {
        this.templateKey = null;
      } else if (this.templateKey && text.trim() && !/^(with|env):$/.test(text)) {
        this.addTemplate(`${this.templateKey}: ${text.trim()}`);
      }
      return;
    }
    if (this.section === 'buildx-version') {
      const version = BUILDX_VERSION.exec(text);
      if (version) this.facts.buildxVersion = version[1]!;
      return;
    }
    if (this.section === 'buildkit-version') {
      const version = BUILDKIT_NODE_VERSION.exec(text);
      if (version) this.facts.buildkitVersion ??= version[1]!;
      return;
    }
    // Runs for every line of a log: a cheap test first.
    if (this.facts.buildkitVersion === undefined && text.startsWith('BuildKit version:')) {
      const version = BUILDKIT_INSPECT_VERSION.exec(text);
      if (version) this.facts.buildkitVersion = version[1]!;
    }
    if (this.facts.secretSource === null && text.startsWith('Secret source: ')) {
      const secret = SECRET_SOURCE.exec(text);
      if (secret) this.facts.secretSource = secret[1]!;
    }
  }

  /**
   * Whether `line` would change nothing for a step's line (`#N ...`): none of the patterns can
   * match a line that starts with `#N `; only a metadata-action template list takes any line as its
   * next value.
   */
  ignoresStepOutput(): boolean {
    return this.section !== 'metadata-action' || this.templateKey === null;
  }

  /**
   * Whether `line` would change nothing for a line without `BuildKit version:` and `Secret source: `:
   * outside the groups it reads, nothing else is tested.
   */
  ignoresQuietLine(): boolean {
    return this.section === null;
  }

  private addTemplate(text: string): void {
    if (this.facts.metadataTemplates.length < 40) this.facts.metadataTemplates.push(detach(text.slice(0, 300)));
  }
}
