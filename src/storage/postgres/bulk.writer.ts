import { CompiledQuery, type Kysely } from 'kysely';
import type { BulkColumn, BulkColumnType, BulkWriter, Database } from '../database.js';

/** Rows per statement: each column travels as one array parameter, so only the statement's size limits it. */
const ROWS_PER_STATEMENT = 20_000;

const ARRAY_TYPE: Record<BulkColumnType, string> = { integer: 'integer[]', text: 'text[]', real: 'real[]', binary: 'bytea[]' };

/** Bulk inserts on PostgreSQL: `insert … select * from unnest($1::type[], …)`, one array parameter per column. */
export function postgresBulkWriter(): BulkWriter {
  const insert = async (db: Kysely<Database>, table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]) => {
    const text =
      `insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) ` +
      `select * from unnest(${columns.map(([, type], i) => `$${i + 1}::${ARRAY_TYPE[type]}`).join(', ')})`;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const parameters = columns.map((_, c) => chunk.map((row) => row[c] ?? null));
      await db.executeQuery(CompiledQuery.raw(text, parameters));
    }
  };
  return {
    insert,
    async insertWithIds(db, table, columns, rows) {
      if (rows.length === 0) return [];
      // The ids are taken from the identity column's sequence first, then written with the rows.
      const taken = await db.executeQuery<{ id: number }>(
        CompiledQuery.raw(`select nextval(pg_get_serial_sequence($1, 'id'))::integer as id from generate_series(1, $2::integer)`, [`"${table}"`, rows.length]),
      );
      const ids = taken.rows.map((r) => r.id).sort((a, b) => a - b);
      await insert(db, table, [['id', 'integer'], ...columns], rows.map((row, i) => [ids[i], ...row]));
      return ids;
    },
  };
}
