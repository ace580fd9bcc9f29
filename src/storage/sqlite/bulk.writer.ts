import type BetterSqlite3 from 'better-sqlite3';
import type { BulkColumn, BulkWriter } from '../database.js';

/**
 * Bulk inserts on SQLite: one prepared statement per table and column list, run once per row. The store has a
 * single connection, so the statements run inside whatever transaction Kysely holds open on it.
 */
export function sqliteBulkWriter(database: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statementFor = (table: string, columns: readonly BulkColumn[]) => {
    const text = `insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = database.prepare(text)));
    return statement;
  };
  return {
    async insert(_db, table, columns, rows) {
      if (rows.length === 0) return;
      const statement = statementFor(table, columns);
      for (const row of rows) statement.run(row);
    },
    async insertWithIds(_db, table, columns, rows) {
      if (rows.length === 0) return [];
      const statement = statementFor(table, columns);
      const ids: number[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) ids[i] = Number(statement.run(rows[i]).lastInsertRowid);
      return ids;
    },
  };
}
