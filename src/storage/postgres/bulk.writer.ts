import { CompiledQuery } from 'kysely';
import type { BulkColumnType, BulkWriter } from '../database.js';

/** Rows per statement: each column travels as one array parameter, so only the statement's size limits it. */
const ROWS_PER_STATEMENT = 20_000;

const ARRAY_TYPE: Record<BulkColumnType, string> = { integer: 'integer[]', text: 'text[]', real: 'real[]', binary: 'bytea[]' };

/** Bulk inserts on PostgreSQL: `insert … select * from unnest($1::type[], …)`, one array parameter per column. */
export function postgresBulkWriter(): BulkWriter {
  return {
    async insert(db, table, columns, rows) {
      const text =
        `insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) ` +
        `select * from unnest(${columns.map(([, type], i) => `$${i + 1}::${ARRAY_TYPE[type]}`).join(', ')})`;
      // Every statement is queued at once, so that inserts started later (by a caller that does not wait) follow them all.
      const statements: Promise<unknown>[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        statements.push(db.executeQuery(CompiledQuery.raw(text, columns.map((_, c) => chunk.map((row) => row[c] ?? null)))));
      }
      await Promise.all(statements);
    },
    async reserveIds(db, table, count) {
      if (count === 0) return [];
      const taken = await db.executeQuery<{ id: number }>(
        CompiledQuery.raw(`select nextval(pg_get_serial_sequence($1, 'id'))::integer as id from generate_series(1, $2::integer)`, [`"${table}"`, count]),
      );
      return taken.rows.map((r) => r.id).sort((a, b) => a - b);
    },
  };
}
