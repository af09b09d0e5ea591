import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { BUILTIN_SIGNATURES_JSON } from './builtin-catalog.js';
import { fromEmbedded, mergeCatalogs, parseCatalog, type EmbeddedSignature, type Signature } from './catalog.js';
import { InputError } from '../input/errors.js';

let builtin: Signature[] | null = null;

/** The reviewed catalog shipped with buildx-doctor (signatures/builtin.yml). */
export function builtinSignatures(): Signature[] {
  // Parsed from YAML and validated at build time (scripts/embed-catalog.mjs): only JSON.parse here.
  builtin ??= fromEmbedded(JSON.parse(BUILTIN_SIGNATURES_JSON) as EmbeddedSignature[]);
  return builtin;
}

const MAX_FILE_BYTES = 1024 * 1024;

/** The built-in catalog with the team's file on top. Throws an InputError that names the entry and field. */
export async function loadCatalog(userFile: string | null): Promise<Signature[]> {
  if (!userFile) return builtinSignatures();
  return mergeCatalogs(builtinSignatures(), await parseCatalog(await readSignaturesFile(userFile), userFile));
}

/**
 * The file's text, looked at before it is read: a FIFO or a device would block or never end, and
 * a huge (or sparse) file would be read whole before a size check. Opened without blocking, then
 * checked by its descriptor, so that what is checked is what is read.
 */
async function readSignaturesFile(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a signatures file`);
    if (!info.isFile()) throw new InputError(`${path}: not a regular file (a pipe, socket or device), so it is not read`);
    if (info.size > MAX_FILE_BYTES) throw new InputError(`${path}: larger than 1 MiB (${info.size.toLocaleString('en-US')} bytes)`);
    // Read at most one byte more than allowed: a file that grew since the check is refused too.
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_FILE_BYTES) throw new InputError(`${path}: larger than 1 MiB`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close();
  }
}
