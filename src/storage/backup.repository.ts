import { sql, type Kysely } from 'kysely';
import type { ExchangeField } from '../domain/exchange-field.js';
import type { Database, StoreCapabilities } from './database.js';
import { fieldBits } from './knowledge.repository.js';

/** Every row of every table of the store, by table name; the logical form of a backup. */
export type TableDump = Record<string, Record<string, unknown>[]>;

/**
 * The order tables are filled in, parents before children (they are emptied in reverse). Tables not named here
 * (added by later migrations) follow in name order: a table with a foreign key to another must be listed here.
 */
export const TABLE_ORDER: readonly string[] = ['partnerships', 'exchange_years', 'events', 'photo_records', 'imports', 'search_grams', 'translations'];

const INSERT_CHUNK = 200;

/** Bookkeeping that a restore must not set back: the generation only ever advances (generation.repository.ts). */
const NOT_BACKED_UP: readonly string[] = ['store_generation'];

/** The application's tables as they exist in this store (Kysely's own bookkeeping tables left out), parents first. */
export async function listStoreTables(db: Kysely<Database>, schema: string | undefined): Promise<string[]> {
  // PostgreSQL lists the tables of every schema of the database: only the store's own schema counts.
  const tables = await db.introspection.getTables();
  const names = tables.filter((t) => schema === undefined || t.schema === schema).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
  return orderTables(names);
}

/** The tables a backup holds, parents first: every application table but the bookkeeping that is never restored. */
export function orderTables(all: readonly string[]): string[] {
  const names = all.filter((n) => !NOT_BACKED_UP.includes(n));
  const known = TABLE_ORDER.filter((t) => names.includes(t));
  const others = names.filter((n) => !TABLE_ORDER.includes(n)).sort();
  return [...known, ...others];
}

/**
 * A backup made before migration 2026112702, which kept an event's fields of exchange as rows of `event_fields`,
 * in the form of this store: each event's rows as its `fields` bits and `fields_source` (the editor's when any
 * row is), the table left out. A backup without that table is returned as it is.
 */
export function withEventFieldColumns(dump: TableDump): TableDump {
  const rows = dump['event_fields'];
  if (rows === undefined) return dump;
  const byEvent = new Map<unknown, { bits: number; source: string }>();
  for (const row of rows) {
    const entry = byEvent.get(row['event_id']) ?? { bits: 0, source: 'suggested' };
    // 'none' is an editor's empty set: the event has fields stored, and none of them.
    if (row['field'] !== 'none') entry.bits |= fieldBits([row['field'] as ExchangeField]);
    if (row['source'] === 'editor') entry.source = 'editor';
    byEvent.set(row['event_id'], entry);
  }
  const { event_fields: _dropped, ...rest } = dump;
  return {
    ...rest,
    events: (dump['events'] ?? []).map((event) => {
      const entry = byEvent.get(event['id']);
      return { ...event, fields: entry?.bits ?? null, fields_source: entry?.source ?? null };
    }),
  };
}

/** Every row of every application table, each table in the order of its first column. */
export async function dumpTables(db: Kysely<Database>, schema: string | undefined): Promise<TableDump> {
  const dump: TableDump = {};
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  // Rows in the order of their first three columns that are not binary (every table's key is among them: the
  // id, or search_postings' gram, kind and year), so that two dumps of the same rows are equal whatever order the
  // database keeps them in.
  const sortable = new Map(
    (await db.introspection.getTables())
      .filter((t) => schema === undefined || t.schema === schema)
      .map((t) => [t.name, t.columns.filter((c) => !/^(bytea|blob)$/i.test(c.dataType)).map((c) => c.name).slice(0, 3)]),
  );
  for (const table of await listStoreTables(db, schema)) {
    const order = sortable.get(table) ?? [];
    const rows = await untyped
      .selectFrom(table)
      .selectAll()
      .$call((q) => (order.length > 0 ? q.orderBy(order.map((c) => sql.ref(c)) as never) : q.orderBy(sql.raw('1'))))
      .execute();
    dump[table] = rows.map((row) => mapValues(row, encodeBytes));
  }
  return dump;
}

/** Binary columns (the search postings) survive JSON as `{ "$base64": "…" }`. */
function encodeBytes(value: unknown): unknown {
  return value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value;
}

function decodeBytes(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && typeof (value as { $base64?: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  return value;
}

function mapValues(row: Record<string, unknown>, fn: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, fn(v)]));
}

/**
 * Replaces the whole content of the store's tables by `dump`, keeping every id. Run it inside a transaction:
 * the store then holds either the old content or the new, never a mix. Tables of the store that the dump lacks
 * are emptied; tables of the dump the store lacks are refused by the caller before this runs.
 */
export async function replaceTables(trx: Kysely<Database>, dump: TableDump, capabilities: StoreCapabilities, schema: string | undefined): Promise<void> {
  const untyped = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const tables = await listStoreTables(trx, schema);
  for (const table of [...tables].reverse()) await untyped.deleteFrom(table).execute();
  for (const table of tables) {
    const rows = (dump[table] ?? []).map((row) => mapValues(row, decodeBytes));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await untyped.insertInto(table).values(rows.slice(i, i + INSERT_CHUNK)).execute();
  }
  if (capabilities.idGeneration === 'identity') {
    // Identity columns do not move past ids inserted explicitly; SQLite's AUTOINCREMENT does so by itself.
    for (const t of await trx.introspection.getTables()) {
      if ((schema !== undefined && t.schema !== schema) || !tables.includes(t.name) || !t.columns.some((c) => c.name === 'id' && c.isAutoIncrementing)) continue;
      await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(trx);
    }
  }
}
