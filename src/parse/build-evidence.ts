import type { EvidenceLine, ImageRef } from '../model.js';
import { detach } from '../text/detach.js';
import { MarkedBlockReader } from './marked-block.js';

/** How many lines of the error block after a failure are kept. */
const ERROR_DETAIL_LINES = 200;
const ERROR_LINES = 20;
/** BuildKit's warnings that a cache import found nothing: a few at most. */
const CACHE_WARNINGS = 5;

/**
 * What a build's output quoted as evidence and the images it named: bounded lists, each line detached
 * from the (possibly huge) input line it was sliced from. The base of BuildState.
 */
export class BuildEvidence {
  readonly images = new Map<string, ImageRef>();
  readonly errors: EvidenceLine[] = [];
  readonly errorDetails: EvidenceLine[] = [];
  /** BuildKit's warnings that a cache import found nothing. */
  readonly cacheWarnings: EvidenceLine[] = [];
  readonly notes: string[] = [];
  /** Reads every line of the error block, kept or not, for a Dockerfile excerpt that did not parse. */
  readonly markedBlocks = new MarkedBlockReader();
  /** The slowest transfer of the build context the tty form printed (`=> => transferring context: 10.79MB  109.2s`). */
  contextTransfer: (EvidenceLine & { seconds: number }) | null = null;

  addError(evidence: EvidenceLine): void {
    if (this.errors.length < ERROR_LINES && !this.errors.some((e) => e.text === evidence.text)) {
      this.errors.push({ line: evidence.line, text: detach(evidence.text) });
    }
  }

  addCacheWarning(evidence: EvidenceLine): void {
    if (this.cacheWarnings.length < CACHE_WARNINGS) this.cacheWarnings.push({ line: evidence.line, text: detach(evidence.text) });
  }

  addErrorDetail(evidence: EvidenceLine): void {
    this.markedBlocks.read(evidence.line, evidence.text);
    if (this.errorDetails.length < ERROR_DETAIL_LINES) this.errorDetails.push({ line: evidence.line, text: detach(evidence.text) });
  }

  noteContextTransfer(evidence: EvidenceLine, seconds: number): void {
    if (this.contextTransfer === null || seconds > this.contextTransfer.seconds)
      this.contextTransfer = { line: evidence.line, text: detach(evidence.text), seconds };
  }

  addImage(ref: string, digest: string | null, pushed: boolean): void {
    const known = this.images.get(ref);
    if (known) {
      known.digest = digest === null ? known.digest : detach(digest);
      known.pushed ||= pushed;
    } else {
      const own = detach(ref);
      this.images.set(own, { ref: own, digest: digest === null ? null : detach(digest), pushed });
    }
  }
}
