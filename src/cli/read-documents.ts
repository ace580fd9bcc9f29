import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { KoryuError } from '../errors.js';
import type { SourceDocument } from '../services/import.service.js';

export interface ReadDocumentsOptions {
  /** A folder names every document under it, read in code-point order of path (hidden ones left out). */
  folders?: boolean;
  /**
   * Each document's home municipality is the name of a folder (koryu generate's HOME/ folders): under a FOLDER
   * given, the folder directly under it that holds the document (FOLDER's own name for a document directly in
   * it); for a document given by its path, the folder it is in. A name that is not a municipality's is refused.
   */
  homeFromFolder?: boolean;
  /** Told of each file under a folder left out as no document: a photo, or a file the system or Office leaves there. */
  onSkipped?: (path: string) => void;
}

/** Files a folder of documents holds beside them that are never documents: photos, Windows' and Office's own files. */
const NOT_A_DOCUMENT = /(^|[/\\])(thumbs\.db|desktop\.ini|~\$[^/\\]*|[^/\\]+\.(jpe?g|png|gif|webp|heic|heif|tiff?|bmp))$/i;

/**
 * Reads the documents named on the command line. A missing path, a folder (unless `folders`), an empty folder, or
 * a file over the size limit is refused before anything is read, so that a wrong argument fails at once.
 */
export async function readDocuments(paths: readonly string[], maxBytes: number, options: ReadDocumentsOptions = {}): Promise<SourceDocument[]> {
  const found: { path: string; name: string; folder: string }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new KoryuError('DocumentNotFound', `${path}: no such file.`);
    if (info.isDirectory()) {
      if (!options.folders) throw new KoryuError('NotADocument', `${path}: is a directory, not a document.`);
      const inside = (await documentsIn(path)).filter((file) => {
        if (!NOT_A_DOCUMENT.test(file)) return true;
        options.onSkipped?.(join(path, file));
        return false;
      });
      if (inside.length === 0) throw new KoryuError('DocumentNotFound', `${path}: the folder holds no documents.`);
      const own = basename(resolve(path));
      for (const file of inside) {
        const top = file.split(sep);
        found.push({ path: join(path, file), name: join(own, file), folder: top.length > 1 ? top[0]! : own });
      }
      continue;
    }
    found.push({ path, name: basename(path), folder: basename(dirname(resolve(path))) });
  }
  for (const { path, folder } of found) {
    await checkFile(path, maxBytes);
    if (options.homeFromFolder) folderHome(path, folder);
  }
  const docs: SourceDocument[] = [];
  for (const { path, name, folder } of found) {
    const handle = await open(path, 'r');
    try {
      const bytes = await handle.readFile();
      docs.push(options.homeFromFolder ? { name, bytes, home: folderHome(path, folder) } : { name, bytes });
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

/** What the name of a municipality ends in: a city, town, village, ward or prefecture (大阪府, 北海道, 東京都). */
const MUNICIPALITY = /[市町村区都道府県]$/u;

/** The home municipality a folder's name gives the document at `path`; refused when it is not a municipality's name. */
function folderHome(path: string, folder: string): string {
  const home = folder.normalize('NFC').trim();
  if (!MUNICIPALITY.test(home)) {
    throw new KoryuError(
      'UsageError',
      `${path}: --home-from-folder takes the home municipality from the folder "${folder}", which is not the name of one (it ends in 市, 町, 村, 区, 都, 道, 府 or 県). Put each home's documents in a folder named after it, directly under the folder given.`,
    );
  }
  return home;
}
