import { open, stat } from 'node:fs/promises';
import { InputError } from './errors.js';

/** Something that yields the bytes of one log: a file, standard input, a downloaded job log. */
export interface LogSource {
  /** How reports name it: a path, `-` for standard input, a job name. */
  label: string;
  /** The name of the builds it holds, when the label is not a file name (a job's name). */
  name?: string;
  /** Adds what the source knows beyond the log to the builds parsed from it (a build record). */
  enrich?: (builds: import('../model.js').Build[]) => void;
  /**
   * open() yields views of one buffer that it fills again for the next chunk (a file): whoever
   * keeps a view of a chunk must decode or copy it before the next is read (readLines' `chunkDone`).
   * Absent for sources whose every chunk is a buffer of its own (streams, downloads, text).
   */
  reusesChunks?: boolean;
  open(): Promise<AsyncIterable<Buffer | string> | Iterable<Buffer | string>>;
}

/**
 * A file is read into one buffer of this size, filled again for each chunk. A fresh buffer per
 * chunk (fs.createReadStream's 64 KiB) cost its allocation and the page faults of new memory at
 * every chunk: on the 100 MB rawjson input, reading that way was a quarter to a third of the CPU. At 1 MiB
 * the parser's bytes are settled (excerpt ring decoded) once per ~8,000 lines; reused 64 KiB
 * reads measured no better than the stream (README, Benchmark).
 */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/** A log file; `chunkBytes` is the size of the buffer it is read into (tests read in small chunks). */
export function fileSource(path: string, chunkBytes = FILE_CHUNK_BYTES): LogSource {
  return {
    label: path,
    reusesChunks: true,
    async open() {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
        if (code === 'EACCES') throw new InputError(`${path}: permission denied`);
        throw new InputError(`${path}: cannot read (${code ?? 'unknown error'})`);
      }
      if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a log file`);
      return withReadErrors(reusedBufferChunks(path, chunkBytes), path);
    },
  };
}

export function stdinSource(stdin: NodeJS.ReadableStream = process.stdin): LogSource {
  return {
    label: '-',
    async open() {
      return withReadErrors(stdin as AsyncIterable<Buffer>, 'standard input');
    },
  };
}

/** A source over text already in memory (tests, small API responses). */
export function textSource(label: string, text: string | Buffer): LogSource {
  return {
    label,
    async open() {
      return [typeof text === 'string' ? Buffer.from(text, 'utf8') : text];
    },
  };
}

/**
 * The file's bytes as views of one buffer, filled again for each chunk (see LogSource.reusesChunks).
 * Reads go through the thread pool (FileHandle.read), so other sources read concurrently go on; a
 * FIFO is read as it is written. The file is closed when the reader stops, early or at the end.
 */
async function* reusedBufferChunks(path: string, size: number): AsyncIterable<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(size);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* withReadErrors(stream: AsyncIterable<Buffer | string>, label: string): AsyncIterable<Buffer | string> {
  try {
    yield* stream;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${label}: read failed (${code ?? (error as Error).message})`);
  }
}
