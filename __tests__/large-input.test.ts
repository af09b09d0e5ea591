// src/large-input.ts: what only a long read needs (V8's young generation bounded) runs once the
// sources have yielded enough bytes, and never for a short log; the chunks pass through unchanged.
import { describe, expect, it } from '@jest/globals';
import type { LogSource } from '../src/input/log-source.js';
import { onLargeInput } from '../src/large-input.js';
import { parseSource } from '../src/parse/parse-source.js';

/** A source yielding the given chunks, as a file does: one buffer filled again for each chunk. */
function reusingSource(label: string, chunks: string[], filled: string[]): LogSource {
  return {
    label,
    reusesChunks: true,
    async open() {
      const buffer = Buffer.alloc(Math.max(...chunks.map((c) => c.length)));
      return (async function* () {
        for (const chunk of chunks) {
          const length = buffer.write(chunk);
          filled.push(chunk);
          yield buffer.subarray(0, length);
        }
      })();
    },
  };
}

async function drain(source: LogSource, seen: string[] = []): Promise<string[]> {
  for await (const chunk of await source.open()) seen.push(chunk.toString());
  return seen;
}

describe('onLargeInput', () => {
  it('acts once, on the chunk that takes the sources together past the threshold', async () => {
    let acted = 0;
    const filled: string[] = [];
    const [a, b] = onLargeInput([reusingSource('a', ['aaaa', 'aaaa'], filled), reusingSource('b', ['bbb', 'bbbbbb', 'b'], filled)], 10, () => acted++);
    expect(await drain(a!)).toEqual(['aaaa', 'aaaa']);
    expect(acted).toBe(0);
    const seen: string[] = [];
    for await (const chunk of await b!.open()) {
      // a's 8 bytes and b's first 3 are past 10: acted before b's first chunk is handed out, and not again.
      expect(acted).toBe(1);
      seen.push(chunk.toString());
    }
    expect(seen).toEqual(['bbb', 'bbbbbb', 'b']);
    expect(acted).toBe(1);
  });

  it('never acts for inputs at or under the threshold', async () => {
    let acted = 0;
    const [only] = onLargeInput([reusingSource('small', ['12345', '67890'], [])], 10, () => acted++);
    expect(await drain(only!)).toEqual(['12345', '67890']);
    expect(acted).toBe(0);
  });

  it('reads no chunk ahead of its reader: a buffer filled again holds each chunk while it is read', async () => {
    const filled: string[] = [];
    const [source] = onLargeInput([reusingSource('file', ['first', 'second', 'third'], filled)], 0, () => undefined);
    const seen: string[] = [];
    for await (const chunk of await source!.open()) {
      // The source has filled its buffer exactly as many times as chunks were handed out.
      expect(filled).toHaveLength(seen.length + 1);
      seen.push(chunk.toString());
    }
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('keeps what the source knows besides its bytes, and the parse of a log is the same', async () => {
    const log = ['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.1s', '#2 [1/2] FROM docker.io/library/alpine', '#2 ERROR: failed', ''].join(
      '\n',
    );
    const enrich = () => undefined;
    const plain: LogSource = { ...reusingSource('build.log', [log.slice(0, 40), log.slice(40)], []), name: 'job', enrich };
    const [counted] = onLargeInput([plain], 16, () => undefined);
    expect(counted!.label).toBe('build.log');
    expect(counted!.name).toBe('job');
    expect(counted!.reusesChunks).toBe(true);
    expect(counted!.enrich).toBe(enrich);
    expect(await parseSource(counted!)).toEqual(await parseSource(plain));
  });
});
