import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError } from './errors.js';

/** Something that yields the bytes of one log: a file, standard input, a downloaded job log. */
export interface LogSource {
  /** How reports name it: a path, `-` for standard input, a job name. */
  label: string;
  /** The name of the builds it holds, when the label is not a file name (a job's name). */
  name?: string;
  /** Adds what the source knows beyond the log to the builds parsed from it (a build record). */
  enrich?: (builds: import('../model.js').Build[]) => void;
  open(): Promise<AsyncIterable<Buffer | string> | Iterable<Buffer | string>>;
}

const CHUNK_BYTES = 64 * 1024;

export function fileSource(path: string): LogSource {
  return {
    label: path,
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
      const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
      return withReadErrors(stream, path);
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

async function* withReadErrors(stream: AsyncIterable<Buffer | string>, label: string): AsyncIterable<Buffer | string> {
  try {
    yield* stream;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${label}: read failed (${code ?? (error as Error).message})`);
  }
}
