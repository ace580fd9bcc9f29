import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { BulkColumn, BulkWriter, Database } from '../database.js';

/**
 * Rows per multi-row statement; the rest of a bulk insert goes one row per statement. Measured on 300,748 event
 * rows: 1 row 1.0 s, 16 rows 0.58 s, 64 rows 0.65 s, 256 rows 0.63 s.
 */
const ROWS_PER_STATEMENT = 16;

/**
 * Bulk inserts on SQLite: prepared multi-row statements, kept per table and column list, run in a loop. The store
 * has a single connection, so they run inside whatever transaction Kysely holds open on it.
 */
export function sqliteBulkWriter(database: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = database.prepare(text)));
    return statement;
  };
  const insertStatement = (table: string, columns: readonly BulkColumn[], rows: number) => {
    const row = `(${columns.map(() => '?').join(', ')})`;
    return prepared(`insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}`);
  };
  return {
    // Rows built for 100 partnerships at a time outlived V8's young generation: on the bench's corpus the import
    // spent 0.76 s in scavenges with them, 0.53 s with 10 (paired runs: 7.5–7.7 s against 8.0–8.2 s).
    partnershipsPerStep: 10,
    async insert(_db, table, columns, rows) {
      const full = rows.length - (rows.length % ROWS_PER_STATEMENT);
      if (full > 0) {
        const many = insertStatement(table, columns, ROWS_PER_STATEMENT);
        // One parameter array, refilled for each statement.
        const width = columns.length;
        const parameters = new Array<unknown>(ROWS_PER_STATEMENT * width);
        for (let start = 0; start < full; start += ROWS_PER_STATEMENT) {
          for (let r = 0; r < ROWS_PER_STATEMENT; r++) {
            const row = rows[start + r]!;
            for (let c = 0; c < width; c++) parameters[r * width + c] = row[c];
          }
          many.run(parameters);
        }
      }
      if (full < rows.length) {
        const one = insertStatement(table, columns, 1);
        for (let i = full; i < rows.length; i++) one.run(rows[i]);
      }
    },
    async reserveIds(_db, table, count) {
      // AUTOINCREMENT gives the next row max(largest id ever, largest id now) + 1; an explicit larger id moves it on.
      const { last } = prepared(
        `select max(coalesce((select seq from sqlite_sequence where name = ?), 0), coalesce((select max(id) from "${table}"), 0)) as last`,
      ).get(table) as { last: number };
      return Array.from({ length: count }, (_, i) => last + 1 + i);
    },
    async suspendReferences() {
      // SQLite checks a reference by one lookup in the parent's key, next to the row it writes: 904,819 events
      // copied with the check took 2.33 s, without it 2.19 s. (Nor can the check be turned off inside a transaction.)
      return async () => {};
    },
    async writeOnce(db) {
      // In WAL mode each page a load writes goes to the log first and is copied into the file at the checkpoint
      // after the commit. A rollback journal instead keeps the pages the load changes of what was there before,
      // which for a new store is next to nothing, and the pages go straight to the file. SQLite changes the mode
      // only while no other connection has the file open; otherwise the load keeps the log.
      if ((await journalMode(db, 'delete')) !== 'delete') return async () => {};
      // The store's `synchronous = NORMAL` is safe with the log; with a rollback journal, FULL is (a few more
      // syncs, at the commit of the one transaction).
      await sql`pragma synchronous = full`.execute(db);
      return async () => {
        await sql`pragma synchronous = normal`.execute(db);
        await journalMode(db, 'wal');
      };
    },
  };
}

/**
 * Sets the journal mode of the store's connection and answers with the mode in force afterwards: the one before when
 * another connection has the file open (SQLite refuses the change as busy, at once).
 */
async function journalMode(db: Kysely<Database>, mode: 'delete' | 'wal'): Promise<string> {
  try {
    const { rows } = await sql<{ journal_mode: string }>`pragma ${sql.raw(`journal_mode = ${mode}`)}`.execute(db);
    return rows[0]?.journal_mode ?? '';
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    return rows[0]?.journal_mode ?? '';
  }
}
