import { readFile } from 'node:fs/promises';
import { BUILTIN_CATALOG_YAML } from './builtin-catalog.js';
import { loadBuiltinCatalog, mergeCatalogs, parseCatalog, type Signature } from './catalog.js';
import { InputError } from '../input/errors.js';

let builtin: Signature[] | null = null;

/** The reviewed catalog shipped with buildx-doctor (signatures/builtin.yml). */
export function builtinSignatures(): Signature[] {
  builtin ??= loadBuiltinCatalog(BUILTIN_CATALOG_YAML);
  return builtin;
}

const MAX_FILE_BYTES = 1024 * 1024;

/** The built-in catalog with the team's file on top. Throws an InputError that names the entry and field. */
export async function loadCatalog(userFile: string | null): Promise<Signature[]> {
  if (!userFile) return builtinSignatures();
  let text: string;
  try {
    text = await readFile(userFile, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${userFile}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'error'})`}`);
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new InputError(`${userFile}: larger than 1 MiB`);
  return mergeCatalogs(builtinSignatures(), parseCatalog(text, userFile));
}
