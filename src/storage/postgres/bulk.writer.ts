import { CompiledQuery } from 'kysely';
import type { BulkColumnType, BulkWriter } from '../database.js';

/** Rows per statement: each column travels as one array parameter, so only the statement's size limits it. */
const ROWS_PER_STATEMENT = 20_000;

const ARRAY_TYPE: Record<BulkColumnType, string> = { integer: 'integer[]', text: 'text[]', real: 'real[]', binary: 'bytea[]' };

/**
 * Bulk inserts on PostgreSQL: `insert … select … from unnest($1::type[], …)`, one array parameter per column. A
 * binary column travels as one bytea parameter holding every row's bytes, sent as binary, with each row's offset
 * and length in two integer arrays: written into an array literal instead, each value would be spelt out in hex.
 */
export function postgresBulkWriter(): BulkWriter {
  return {
    async insert(db, table, columns, rows) {
      const values: string[] = [];
      const sources: string[] = [];
      let n = 0;
      for (const [name, type] of columns) {
        if (type === 'binary') {
          const [bytes, at, length] = [++n, ++n, ++n];
          sources.push(`$${at}::integer[]`, `$${length}::integer[]`);
          values.push(`case when "${name}_length" < 0 then null else substring($${bytes}::bytea from "${name}_at" for "${name}_length") end`);
        } else {
          sources.push(`$${++n}::${ARRAY_TYPE[type]}`);
          values.push(`"${name}"`);
        }
      }
      const aliases = columns.flatMap(([name, type]) => (type === 'binary' ? [`"${name}_at"`, `"${name}_length"`] : [`"${name}"`]));
      const text =
        `insert into "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) ` +
        `select ${values.join(', ')} from unnest(${sources.join(', ')}) as u(${aliases.join(', ')})`;
      // Every statement is queued at once, so that inserts started later (by a caller that does not wait) follow them all.
      const statements: Promise<unknown>[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const parameters = columns.flatMap(([, type], c): unknown[] =>
          type === 'binary' ? binaryColumn(chunk.map((row) => row[c] as Uint8Array | null | undefined)) : [chunk.map((row) => row[c] ?? null)],
        );
        statements.push(db.executeQuery(CompiledQuery.raw(text, parameters)));
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

/** A binary column's values as one buffer, each value's 1-based offset in it, and its length (-1 for null). */
function binaryColumn(values: readonly (Uint8Array | null | undefined)[]): [Buffer, number[], number[]] {
  const present = values.filter((v): v is Uint8Array => v != null);
  const bytes = Buffer.concat(present);
  const at: number[] = [];
  const length: number[] = [];
  let offset = 1;
  for (const value of values) {
    at.push(offset);
    length.push(value == null ? -1 : value.length);
    offset += value?.length ?? 0;
  }
  return [bytes, at, length];
}
