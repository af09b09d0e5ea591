/**
 * A copy of `text` that no longer shares memory with the string it was cut from. V8 keeps a whole
 * line alive behind any slice or regex capture of it; a build keeps a few strings from thousands of
 * lines, so without copying, its memory would grow with the log instead of with the build.
 * Only for strings that outlive their line: not for the per-line hot path.
 */
export function detach(text: string): string {
  return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}
