import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KoryuError } from '../errors.js';
import { dumpTables, listStoreTables, replaceTables, withEventFieldColumns, type TableDump } from '../storage/backup.repository.js';
import type { Store } from '../storage/database.js';
import { backupSqliteFile, readSqliteTables } from '../storage/sqlite/backup.js';

/**
 * A backup is a folder:
 *   manifest.json  what it holds (format koryu-backup/1, the store it came from, rows per table, photo files)
 *   koryu.db       a SQLite store's database, copied with SQLite's online backup; or
 *   tables.json    a PostgreSQL store's tables, every row (a logical dump through the store)
 *   photos/        the photos folder, when there is one
 * Restoring replaces every table's rows in one transaction (on either kind of store), then the photos folder.
 */
export const BACKUP_FORMAT = 'koryu-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  store: 'sqlite' | 'postgres';
  data: 'koryu.db' | 'tables.json';
  tables: Record<string, number>;
  photos: number;
}

export interface BackupOptions {
  /** The photos folder; included when it exists. */
  photosDir: string;
  now?: () => Date;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

const rowCounts = (dump: TableDump): Record<string, number> => Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.length]));

/** Writes a backup folder at `target`, which must not exist yet; it appears whole or not at all. */
export async function backupStore(store: Store, target: string, options: BackupOptions): Promise<BackupManifest> {
  if (await exists(target)) throw new KoryuError('UsageError', `${target} already exists; a backup is written to a new folder.`);
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    let tables: Record<string, number>;
    let data: BackupManifest['data'];
    if (store.kind === 'sqlite') {
      if (store.file === undefined) throw new KoryuError('UsageError', 'An in-memory store cannot be backed up.');
      data = 'koryu.db';
      await backupSqliteFile(store.file, join(partial, data));
      tables = rowCounts(readSqliteTables(join(partial, data)));
    } else {
      data = 'tables.json';
      // One read-only transaction, so that every table is read at the same moment.
      const dump = await store.transaction((trx) => dumpTables(trx, store.schema));
      await writeFile(join(partial, data), `${JSON.stringify(dump)}\n`);
      tables = rowCounts(dump);
    }
    const photos = (await exists(options.photosDir)) ? await countFiles(options.photosDir) : 0;
    if (await exists(options.photosDir)) await cp(options.photosDir, join(partial, 'photos'), { recursive: true });
    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: (options.now?.() ?? new Date()).toISOString(), store: store.kind, data, tables, photos };
    await writeFile(join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, target);
    return manifest;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function readManifest(source: string): Promise<BackupManifest> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new KoryuError('DocumentNotFound', `${source}: no such backup.`);
  if (!info.isDirectory()) throw new KoryuError('NotADocument', `${source}: a backup is a folder made by koryu backup, and this is a file.`);
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(await readFile(join(source, 'manifest.json'), 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new KoryuError('NotADocument', `${source}: not a Koryu backup (no readable manifest.json).`);
  }
  if (manifest.format !== BACKUP_FORMAT || (manifest.data !== 'koryu.db' && manifest.data !== 'tables.json')) {
    throw new KoryuError('NotADocument', `${source}: not a ${BACKUP_FORMAT} backup.`);
  }
  return manifest as BackupManifest;
}

async function readDump(source: string, manifest: BackupManifest): Promise<TableDump> {
  const path = join(source, manifest.data);
  try {
    const dump: TableDump =
      manifest.data === 'koryu.db' ? readSqliteTables(path) : (JSON.parse(await readFile(path, 'utf8')) as TableDump);
    for (const [table, count] of Object.entries(manifest.tables)) {
      if (!Array.isArray(dump[table]) || dump[table].length !== count) throw new Error(`${table} holds ${dump[table]?.length ?? 0} rows, not ${count}`);
    }
    return dump;
  } catch (error) {
    throw new KoryuError('NotADocument', `${source}: the backup is damaged: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

export interface RestoreReport {
  manifest: BackupManifest;
  tables: Record<string, number>;
  photos: number;
}

/**
 * Replaces the store's content by the backup's, in one transaction (a failure leaves the store as it was), then
 * the photos folder by the backup's photos. A backup holding a table this store does not have is refused.
 */
export async function restoreStore(store: Store, source: string, options: { photosDir: string }): Promise<RestoreReport> {
  const manifest = await readManifest(source);
  const known = await listStoreTables(store.db, store.schema);
  // A backup from before the fields of exchange became event columns is brought to this store's form.
  const read = await readDump(source, manifest);
  const dump = read['event_fields'] && !known.includes('event_fields') ? withEventFieldColumns(read) : read;
  const unknown = Object.keys(dump).filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    throw new KoryuError('NotADocument', `${source}: the backup holds tables this store does not have (${unknown.join(', ')}); restore it with the Koryu version that made it.`);
  }
  await store.transaction((trx) => replaceTables(trx, dump, store.capabilities, store.schema));
  const photos = join(source, 'photos');
  if (await exists(photos)) {
    const incoming = `${options.photosDir}.restoring-${process.pid}`;
    const outgoing = `${options.photosDir}.replaced-${process.pid}`;
    await rm(incoming, { recursive: true, force: true });
    await cp(photos, incoming, { recursive: true });
    const had = await exists(options.photosDir);
    if (had) await rename(options.photosDir, outgoing);
    await rename(incoming, options.photosDir);
    if (had) await rm(outgoing, { recursive: true, force: true });
  }
  return { manifest, tables: rowCounts(dump), photos: (await exists(photos)) ? await countFiles(photos) : 0 };
}
