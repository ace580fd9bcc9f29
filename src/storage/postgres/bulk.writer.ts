import { CompiledQuery, type Kysely } from 'kysely';
import type { BulkWriter, Database } from '../database.js';
import { StoreError } from '../store.error.js';
import { CopyRows, copyStatement } from './copy.js';

/**
 * Bulk inserts on PostgreSQL: one `copy … from stdin with (format binary)` per insert, on the connection of the
 * transaction (a client made ready by `allowCopy`). PostgreSQL takes COPY about twice as fast as an insert from
 * array parameters, and the rows need no escaping (docs/performance.md).
 */
export function postgresBulkWriter(): BulkWriter {
  return {
    // Fewer partnerships per step send more, smaller copies: 10.4–11.0 s for the bench's corpus with 10 or 25,
    // against 8.9–9.3 s with 100.
    partnershipsPerStep: 100,
    async insert(db, table, columns, rows) {
      if (rows.length === 0) return;
      // Queued at once on the connection, so that inserts started later (by a caller that does not wait) follow it.
      await db.executeQuery(CompiledQuery.raw(copyStatement(table, columns), [new CopyRows(columns, rows)]));
    },
    async reserveIds(db, table, count) {
      if (count === 0) return [];
      // The sequence is looked up once: pg_get_serial_sequence per row took 3.0 s of the 3.5 s for 905,000 ids.
      // A sequence stepping by 1 is moved past the ids in one step: its next value, then set to the last id
      // (asking it for 905,000 values one by one took 0.43 s). No writer of Koryu takes a value in between: each
      // write transaction first advances the store's generation, whose row lock holds the others back until it
      // ends (advanceGeneration), and the two calls are one statement. A session outside Koryu that inserts into
      // the table between them would take one of these ids, and the insert with it would fail on the duplicate key.
      const jumped = await db.executeQuery<{ first: number | null }>(
        CompiledQuery.raw(
          `with s as materialized (select q.seqrelid::regclass as seq from pg_sequence q
                                    where q.seqrelid = pg_get_serial_sequence($1, 'id')::regclass and q.seqincrement = 1),
                f as materialized (select s.seq, nextval(s.seq) as first from s)
           select first::integer, setval(f.seq, f.first + $2::integer - 1) from f`,
          [`"${table}"`, count],
        ),
      );
      const first = jumped.rows[0]?.first;
      if (first !== undefined && first !== null) return Array.from({ length: count }, (_, i) => first + i);
      // Any other step: the values one by one. Taken together they are consecutive unless another session took
      // some meanwhile; only then are they sent one by one (the subquery in the case runs only when reached).
      const taken = await db.executeQuery<{ first: number; last: number; ids: number[] | null }>(
        CompiledQuery.raw(
          `with s as materialized (select pg_get_serial_sequence($1, 'id')::regclass as seq),
                t as materialized (select nextval(s.seq) as id from s, generate_series(1, $2::integer)),
                r as (select min(id) as first, max(id) as last, count(*) as n from t)
           select first::integer, last::integer,
                  case when last - first + 1 = n then null else (select array_agg(id::integer order by id) from t) end as ids
             from r`,
          [`"${table}"`, count],
        ),
      );
      const { first: start, ids } = taken.rows[0]!;
      return ids ?? Array.from({ length: count }, (_, i) => start + i);
    },
    async suspendReferences(db, tables) {
      // PostgreSQL checks each inserted row's reference by a trigger and a query of its own, which doubled the time
      // of copying the events (904,819 rows: 7.1 s with the check, 3.4 s without). Dropping the constraints and
      // adding them back checks all the rows in one join each (0.14 s), as restoring a dump does.
      const { rows } = await db.executeQuery<{ table: string; name: string; definition: string; referenced: string }>(
        CompiledQuery.raw(
          `select quote_ident(t.relname) as "table", quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as definition,
                  quote_ident(r.relname) as referenced
             from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_class r on r.oid = c.confrelid
            where c.contype = 'f' and c.conrelid = any($1::regclass[])
            order by t.relname, c.conname`,
          [tables.map((table) => `"${table}"`)],
        ),
      );
      // Dropping a reference locks both its tables; every lock is taken first, all at once.
      // The store's table names are lower-case words, which quote_ident leaves bare: the two lists compare alike.
      await lockAll(db, [...new Set([...tables, ...rows.map((row) => row.referenced)])]);
      const byTable = new Map<string, typeof rows>();
      for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
      for (const [table, constraints] of byTable) {
        await db.executeQuery(CompiledQuery.raw(`alter table ${table} ${constraints.map((c) => `drop constraint ${c.name}`).join(', ')}`));
      }
      return async () => {
        for (const [table, constraints] of byTable) {
          await db.executeQuery(CompiledQuery.raw(`alter table ${table} ${constraints.map((c) => `add constraint ${c.name} ${c.definition}`).join(', ')}`));
        }
      };
    },
    async writeOnce() {
      // PostgreSQL writes a new table's pages to its log and its file either way; skipping the log (an unlogged
      // table) would lose the table in a crash, and switching it back writes the whole table to the log anyway.
      return async () => {};
    },
  };
}

/** How long lockAll keeps trying before it gives up. */
const LOCK_WAIT_MS = 10_000;
/** PostgreSQL's lock_not_available, which `nowait` raises. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Takes access-exclusive locks on `tables` (names as quote_ident gives them) all at once or none: `lock … nowait` in a savepoint,
 * tried again until LOCK_WAIT_MS have passed. It never waits holding some of them, so a session that reads one
 * table and then another cannot deadlock with it (which PostgreSQL would settle by cancelling one of the two).
 * The caller must hold no lock on them yet: a session queued behind one it held would make every try fail.
 */
async function lockAll(db: Kysely<Database>, tables: readonly string[]): Promise<void> {
  const run = (text: string) => db.executeQuery(CompiledQuery.raw(text));
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    await run('savepoint koryu_lock_all');
    try {
      await run(`lock table ${tables.join(', ')} in access exclusive mode nowait`);
      await run('release savepoint koryu_lock_all');
      return;
    } catch (error) {
      // Rolling back to a savepoint keeps it: released too, or every try would nest one more subtransaction.
      await run('rollback to savepoint koryu_lock_all');
      await run('release savepoint koryu_lock_all');
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      if (Date.now() >= deadline) {
        throw new StoreError('StoreUnavailable', `Other sessions kept using ${tables.join(', ')} for ${LOCK_WAIT_MS / 1000} s; an exclusive import needs them to itself. Try again when nothing else reads them.`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
