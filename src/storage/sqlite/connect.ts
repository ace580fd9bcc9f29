import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { DEFAULT_CAPABILITIES, type Database, type Store, type StoreCapabilities } from '../database.js';
import { writeTransaction } from '../generation.repository.js';
import { migrateToLatest } from '../migrate.js';
import { StoreError } from '../store.error.js';
import { sqliteBulkWriter } from './bulk.writer.js';
import { keepingStatements } from './statement.cache.js';
import { readTransaction } from '../snapshot.js';

const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if needed) the SQLite database at `path`, or an in-memory one for ':memory:', and migrates it. */
export async function openSqliteStore(path: string): Promise<Store> {
  let database: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new StoreError('StoreUnavailable', `Cannot open SQLite database ${path}: ${messageOf(error)}`, { cause: error });
  }

  const capabilities: StoreCapabilities = { ...DEFAULT_CAPABILITIES };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
  try {
    await migrateToLatest(db, capabilities);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store: Store = {
    kind: 'sqlite',
    db,
    capabilities,
    bulk: sqliteBulkWriter(database),
    transaction: keepingJournalsInMemory(db),
    snapshot: (fn) => (path === ':memory:' ? readTransaction(store, db, 'begin', fn) : readOnlySnapshot(store, path, fn)),
    close: () => db.destroy(),
    ...(path === ':memory:' ? {} : { file: path }),
  };
  return store;
}

/**
 * A snapshot of the file store on a connection of its own, opened read-only for it and closed after: in WAL mode
 * its read transaction keeps seeing one moment while the store's connection writes and reads on.
 */
async function readOnlySnapshot<T>(store: Store, path: string, fn: (reader: Store) => Promise<T>): Promise<T> {
  let database: BetterSqlite3.Database | undefined;
  try {
    database = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    database?.close();
    throw new StoreError('StoreUnavailable', `Cannot open SQLite database ${path} to read: ${messageOf(error)}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) });
  try {
    return await readTransaction(store, db, 'begin', fn);
  } finally {
    await db.destroy();
  }
}

/**
 * The store's write transactions, each with its temporary files in memory. A statement that writes several rows
 * keeps a journal of the pages it changes, to undo itself alone; past 64 KiB that journal becomes a temporary file,
 * written page by page for the rest of the transaction. Kept in memory, a first import of 905k events took 13.9 s
 * where it took 14.8-15.1 s with the file (two runs each). Reads keep the default, files: a sort of every event in
 * memory raised the server's peak RSS from 82 to 233 MB at a million events. SQLite reads the setting when a
 * transaction begins, so it is set on the connection just before and put back after.
 */
function keepingJournalsInMemory(db: Kysely<Database>) {
  return <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.connection().execute(async (connection) => {
      await sql`pragma temp_store = memory`.execute(connection);
      try {
        return await writeTransaction(connection)(fn);
      } finally {
        await sql`pragma temp_store = default`.execute(connection);
      }
    });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
