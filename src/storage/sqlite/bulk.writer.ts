import type BetterSqlite3 from 'better-sqlite3';
import type { BulkColumn, BulkWriter } from '../database.js';

/** Rows per multi-row statement; the rest of a bulk insert goes one row per statement. SQLite binds at most 32,766 values. */
const ROWS_PER_STATEMENT = 64;

/**
 * Bulk inserts on SQLite: prepared multi-row statements, kept per table and column list, run in a loop. The store
 * has a single connection, so they run inside whatever transaction Kysely holds open on it.
 */
export function sqliteBulkWriter(database: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (table: string, columns: readonly BulkColumn[], rows: number, returning: boolean) => {
    const row = `(${columns.map(() => '?').join(', ')})`;
    const text =
      `insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')}` +
      (returning ? ' returning id' : '');
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = database.prepare(text)));
    return statement;
  };
  /** Runs the rows through statements of ROWS_PER_STATEMENT rows, then single rows; returns the statements' results. */
  const write = <T>(table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[], run: (s: BetterSqlite3.Statement, values: unknown[]) => T, returning: boolean): T[] => {
    const results: T[] = [];
    const full = rows.length - (rows.length % ROWS_PER_STATEMENT);
    if (full > 0) {
      const many = statementFor(table, columns, ROWS_PER_STATEMENT, returning);
      for (let start = 0; start < full; start += ROWS_PER_STATEMENT) results.push(run(many, rows.slice(start, start + ROWS_PER_STATEMENT).flat()));
    }
    if (full < rows.length) {
      const one = statementFor(table, columns, 1, returning);
      for (let i = full; i < rows.length; i++) results.push(run(one, rows[i] as unknown[]));
    }
    return results;
  };
  return {
    async insert(_db, table, columns, rows) {
      write(table, columns, rows, (s, values) => s.run(values), false);
    },
    async insertWithIds(_db, table, columns, rows) {
      // A statement's rows are inserted in the order given, so their ids, ascending, are in row order.
      const returned = write(table, columns, rows, (s, values) => (s.all(values) as { id: number }[]).map((r) => r.id).sort((a, b) => a - b), true);
      return returned.flat();
    },
  };
}
