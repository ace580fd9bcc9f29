import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { KoryuError } from '../errors.js';
import type { SourceDocument } from '../services/import.service.js';

export interface ReadDocumentsOptions {
  /** A folder names every document under it, read in code-point order of path (hidden ones left out). */
  folders?: boolean;
  /** Each document's home municipality is the name of the folder it is in (koryu generate's HOME/ folders). */
  homeFromFolder?: boolean;
}

/**
 * Reads the documents named on the command line. A missing path, a folder (unless `folders`), an empty folder, or
 * a file over the size limit is refused before anything is read, so that a wrong argument fails at once.
 */
export async function readDocuments(paths: readonly string[], maxBytes: number, options: ReadDocumentsOptions = {}): Promise<SourceDocument[]> {
  const found: { path: string; name: string }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new KoryuError('DocumentNotFound', `${path}: no such file.`);
    if (info.isDirectory()) {
      if (!options.folders) throw new KoryuError('NotADocument', `${path}: is a directory, not a document.`);
      const inside = await documentsIn(path);
      if (inside.length === 0) throw new KoryuError('DocumentNotFound', `${path}: the folder holds no documents.`);
      for (const file of inside) found.push({ path: join(path, file), name: join(basename(resolve(path)), file) });
      continue;
    }
    found.push({ path, name: basename(path) });
  }
  for (const { path } of found) await checkFile(path, maxBytes);
  const docs: SourceDocument[] = [];
  for (const { path, name } of found) {
    const handle = await open(path, 'r');
    try {
      const bytes = await handle.readFile();
      docs.push(options.homeFromFolder ? { name, bytes, home: folderHome(path) } : { name, bytes });
    } finally {
      await handle.close();
    }
  }
  return docs;
}

async function checkFile(path: string, maxBytes: number): Promise<void> {
  const info = await stat(path);
  if (!info.isFile()) throw new KoryuError('NotADocument', `${path}: is not a regular file.`);
  if (info.size > maxBytes) {
    throw new KoryuError('ImportRejected', `${path}: the document is ${info.size} bytes; the limit is ${maxBytes} bytes (KORYU_MAX_DOCUMENT_BYTES).`);
  }
}

/** The paths, relative to `folder`, of the files under it, in code-point order; names starting with a dot are left out. */
async function documentsIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => !e.isDirectory())
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .filter((path) => !path.split(sep).some((part) => part.startsWith('.')));
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The name of the folder holding `path`: the document's home municipality. */
function folderHome(path: string): string {
  const home = basename(dirname(resolve(path))).normalize('NFC').trim();
  if (home === '') throw new KoryuError('UsageError', `${path}: --home-from-folder needs each document in a folder named after its home municipality.`);
  return home;
}
