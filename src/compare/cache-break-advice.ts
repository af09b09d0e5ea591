import type { CacheBreak, CacheBreakReason } from './cache-break.js';

// What to do about a cache break, by its reason. With a baseline the comparison says where the cache
// broke and why, and the `cache-miss` finding (whose fix lists the generic remedies) steps back from
// the reader's screen; without this the reader would learn why and not what to do. One sentence per
// reason, written for docker/build-push-action users; the text is ours (Markdown-safe, no log text).
const ADVICE: Record<CacheBreakReason, string | null> = {
  'dockerfile-edited':
    'expected after an edit of that instruction; to keep it from rebuilding what follows, put instructions that change often (copying the sources) after those that rarely do (installing dependencies).',
  'build-arg-changed':
    'a build argument that changes every run (a commit SHA, a date) breaks the cache from the first instruction that uses it: declare such an `ARG` as late as possible, in the last stage, or pass it as a label instead.',
  'context-changed':
    'copy only what the step needs: dependency manifests (`Cargo.toml`, `Cargo.lock`, `package*.json`) before the sources, and a `.dockerignore` for files that change on every run (`.git`, build output).',
  'base-image-changed':
    'the base image tag now points at a new image: pin it by digest (`FROM image:tag@sha256:...`) and update the digest on purpose (Dependabot or Renovate), so a rebuild happens when you choose.',
  'cache-not-imported': 'the cache was not read: give `cache-from` the same type and `scope` as `cache-to`, and see the import error in the log.',
  'cache-mode-min': "`mode=min` exports only the final image's layers, so the build stages always rebuild: use `cache-to: type=gha,mode=max,scope=<image>`.",
  'cache-evicted':
    'GitHub keeps 10 GB of Actions cache per repository and evicts the least recently used first: give each image of a matrix its own `scope`, and for large multi-platform builds consider a registry cache (`type=registry,ref=<image>:buildcache,mode=max`), which GitHub does not evict.',
  'platform-added': 'a platform new to this build has no cache yet; the next run of this workflow will have one.',
  'first-build': null,
  unknown: null,
};

export function cacheBreakAdvice(reason: CacheBreakReason): string | null {
  return ADVICE[reason];
}

/** The distinct reasons of these breaks that have advice, in the order they first appear, with it. */
export function adviceForBreaks(breaks: CacheBreak[]): Array<{ reason: CacheBreakReason; advice: string }> {
  const seen = new Map<CacheBreakReason, string>();
  for (const b of breaks) {
    const advice = ADVICE[b.reason];
    if (advice && !seen.has(b.reason)) seen.set(b.reason, advice);
  }
  return [...seen].map(([reason, advice]) => ({ reason, advice }));
}
