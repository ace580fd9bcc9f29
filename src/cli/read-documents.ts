import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KoryuError } from '../errors.js';
import type { SourceDocument } from '../services/import.service.js';

/**
 * Reads the documents named on the command line. A missing path, a directory, or a file over the size limit is
 * refused before anything is read, so that a wrong argument fails at once.
 */
export async function readDocuments(paths: readonly string[], maxBytes: number): Promise<SourceDocument[]> {
  const docs: SourceDocument[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new KoryuError('DocumentNotFound', `${path}: no such file.`);
    if (info.isDirectory()) throw new KoryuError('NotADocument', `${path}: is a directory, not a document.`);
    if (!info.isFile()) throw new KoryuError('NotADocument', `${path}: is not a regular file.`);
    if (info.size > maxBytes) {
      throw new KoryuError('ImportRejected', `${path}: the document is ${info.size} bytes; the limit is ${maxBytes} bytes (KORYU_MAX_DOCUMENT_BYTES).`);
    }
    const handle = await open(path, 'r');
    try {
      docs.push({ name: basename(path), bytes: await handle.readFile() });
    } finally {
      await handle.close();
    }
  }
  return docs;
}
