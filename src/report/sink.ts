import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** A chunk writer over a stream that waits when the stream asks it to (backpressure). */
export function streamWriter(stream: Writable): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

/** Writes a file chunk by chunk with `produce`, and closes it. */
export async function writeFileStreaming(path: string, produce: (write: (chunk: string) => Promise<void>) => Promise<void>): Promise<void> {
  const stream = createWriteStream(path);
  const failed = once(stream, 'error').then(([error]) => {
    throw error;
  });
  await Promise.race([
    (async () => {
      await once(stream, 'open');
      await produce(streamWriter(stream));
      stream.end();
      await once(stream, 'finish');
    })(),
    failed,
  ]);
}
