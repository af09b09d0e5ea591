import type { RunnerFacts } from '../model.js';
import { detach } from '../text/detach.js';

const PERMISSION = /^([A-Za-z][A-Za-z ]*[A-Za-z]): (read|write|none)$/;
const SECRET_SOURCE = /^Secret source: (\S+)/;
const TEMPLATE_INPUT = /^ {2}(tags|flavor|images): ?(.*)$/;
const OTHER_INPUT = /^ {2}[a-z-]+: /;

/**
 * What the runner and the actions before the build printed about the job: the GITHUB_TOKEN's
 * permissions and secret source ("Set up job"), and docker/metadata-action's tag templates. They
 * tell apart causes that look alike in the error (a 403 from a read-only token or from org settings).
 */
export class RunnerFactsReader {
  readonly facts: RunnerFacts = { tokenPermissions: {}, secretSource: null, metadataTemplates: [] };
  private section: 'permissions' | 'metadata-action' | null = null;
  private templateKey: string | null = null;

  group(title: string): void {
    this.section = title === 'GITHUB_TOKEN Permissions' ? 'permissions' : /^Run docker\/metadata-action@/.test(title) ? 'metadata-action' : null;
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
    // Runs for every line of a log: a cheap test first.
    if (this.facts.secretSource === null && text.startsWith('Secret source: ')) {
      const secret = SECRET_SOURCE.exec(text);
      if (secret) this.facts.secretSource = secret[1]!;
    }
  }

  private addTemplate(text: string): void {
    if (this.facts.metadataTemplates.length < 40) this.facts.metadataTemplates.push(detach(text.slice(0, 300)));
  }
}
