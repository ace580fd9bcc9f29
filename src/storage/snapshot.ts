import { sql, type Kysely } from 'kysely';
import type { Database, Store } from './database.js';

/**
 * The store as `snapshot` hands it to its function: reads through `db` see the snapshot, and writes are refused
 * (its transaction rejects; the database refuses the rest, except on an in-memory SQLite store). A snapshot asked
 * of it is itself.
 */
export function snapshotReader(store: Store, db: Kysely<Database>): Store {
  const reader: Store = {
    ...store,
    db,
    transaction: () => Promise.reject(new Error('A snapshot of the store only reads: write through the store itself.')),
    snapshot: (fn) => fn(reader),
    close: async () => {},
  };
  return reader;
}

/**
 * Runs `fn` in a read transaction on one connection of `db`, begun by `begin` and started at once: a transaction's
 * snapshot begins with its first read (SQLite in WAL mode, and PostgreSQL's repeatable read), so a write committed
 * between `begin` and the caller's first read would otherwise be in it. The transaction is rolled back at the end:
 * it wrote nothing, and a write refused in it (which ends a PostgreSQL transaction) fails that write alone.
 */
export function readTransaction<T>(store: Store, db: Kysely<Database>, begin: string, fn: (reader: Store) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    try {
      await sql`select generation from store_generation limit 1`.execute(connection);
      return await fn(snapshotReader(store, connection));
    } finally {
      await sql`rollback`.execute(connection);
    }
  });
}
