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
 * it wrote nothing, and a write refused in it (which ends a PostgreSQL transaction) fails that write alone. A read
 * through the reader after the end (by work `fn` left running) fails, rather than run on a connection given back.
 */
export function readTransaction<T>(store: Store, db: Kysely<Database>, begin: string, fn: (reader: Store) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    let ended = false;
    const guarded = connection.withPlugin({
      transformQuery: (args) => {
        if (ended) throw new Error('This snapshot of the store has ended: read it within the function it was given to.');
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    await sql.raw(begin).execute(connection);
    let result: T;
    try {
      await sql`select generation from store_generation limit 1`.execute(connection);
      result = await fn(snapshotReader(store, guarded));
    } catch (error) {
      ended = true;
      // The function's failure is the one reported, not the rollback's.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
    ended = true;
    await sql`rollback`.execute(connection);
    return result;
  });
}
