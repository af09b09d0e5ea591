import type { EvidenceLine, ImageRef } from '../model.js';
import { detach } from '../text/detach.js';
import { MarkedBlockReader } from './marked-block.js';

/** How many lines of the error block after a failure are kept. */
const ERROR_DETAIL_LINES = 200;
const ERROR_LINES = 20;
/** BuildKit's warnings that a cache import found nothing: a few at most. */
const CACHE_WARNINGS = 5;
// The client sending the build context and how long it had taken, as plain progress (`#3 transferring context:
// 10.79MB 74.9s done`) and the tty view (`=> => transferring context: 10.79MB  109.2s`) print it.
const CONTEXT_TRANSFER = /^transferring context: \S+\s+(\d+(?:\.\d+)?)s(?: done)?$/;

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
  /** The slowest transfer of the build context the output timed (plain progress's or the tty view's progress line). */
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

  /** Reads a step's progress text (after `#N ` or `=> => `) that times the context's transfer; false for any other. */
  readContextTransfer(progress: string, evidence: EvidenceLine): boolean {
    const transfer = progress.startsWith('transferring context: ') ? CONTEXT_TRANSFER.exec(progress) : null;
    if (!transfer) return false;
    const seconds = Number(transfer[1]);
    if (this.contextTransfer === null || seconds > this.contextTransfer.seconds)
      this.contextTransfer = { line: evidence.line, text: detach(evidence.text), seconds };
    return true;
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
