import { sql, type Kysely, type Migration } from 'kysely';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { StoreCapabilities } from '../database.js';
import { encodePostings } from '../search.postings.js';
import { fillGrams } from './2026112502-search.js';

/**
 * The search index as posting lists (search_postings: one row per gram and year) in place of one row per
 * gram and item (search_grams), which made an import write some 35 index rows per event.
 */
export function scale(capabilities: StoreCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('search_postings')
        .addColumn('gram', 'text', (col) => col.notNull())
        .addColumn('item_kind', 'text', (col) => col.notNull().check(sql`item_kind in ('event', 'record')`))
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('ids', sql.raw(capabilities.binaryType), (col) => col.notNull())
        .addPrimaryKeyConstraint('search_postings_pkey', ['gram', 'item_kind', 'year'])
        .execute();
      await db.schema.dropTable('search_grams').execute();
      await rebuildPostings(db as Kysely<PostingsV1>);
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('search_postings').execute();
      await db.schema
        .createTable('search_grams')
        .addColumn('gram', 'text', (col) => col.notNull())
        .addColumn('item_kind', 'text', (col) => col.notNull().check(sql`item_kind in ('event', 'record')`))
        .addColumn('item_id', 'integer', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('search_grams_gram_idx').on('search_grams').columns(['gram', 'item_kind', 'item_id']).execute();
      await db.schema.createIndex('search_grams_item_idx').on('search_grams').columns(['item_kind', 'item_id']).execute();
      await fillGrams(db as Parameters<typeof fillGrams>[0]);
    },
  };
}

// Self-contained since 2026112606-search-counts: the live index writes longer grams and list lengths into a column
// this migration does not create, and a migration must keep doing what it did when it was written.

/** The distinct unigrams and bigrams (by code point) of normalized text, as the index held them then. */
function bigramsOf(normalized: string): string[] {
  const chars = Array.from(normalized);
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

type PostingsV1 = {
  events: { id: number; year: number; text: string; search_text: string | null };
  photo_records: { id: number; year: number; caption: string; search_text: string | null };
  search_postings: { gram: string; item_kind: 'event' | 'record'; year: number; ids: Uint8Array };
};

/** Posting lists for every stored item, from its text; search_text set where it was missing or stale. */
async function rebuildPostings(db: Kysely<PostingsV1>): Promise<void> {
  const events = await db.selectFrom('events').select(['id', 'year', 'text', 'search_text']).orderBy('id').execute();
  const records = await db.selectFrom('photo_records').select(['id', 'year', 'caption as text', 'search_text']).orderBy('id').execute();
  const lists = new Map<string, { gram: string; item_kind: 'event' | 'record'; year: number; ids: number[] }>();
  for (const [kind, table, items] of [['event', 'events', events], ['record', 'photo_records', records]] as const) {
    for (const item of items) {
      const normalized = normalizeForSearch(item.text);
      for (const gram of bigramsOf(normalized)) {
        const key = `${gram}\u0000${kind}\u0000${item.year}`;
        const list = lists.get(key);
        if (list) list.ids.push(item.id);
        else lists.set(key, { gram, item_kind: kind, year: item.year, ids: [item.id] });
      }
      if (item.search_text !== normalized) await db.updateTable(table).set({ search_text: normalized }).where('id', '=', item.id).execute();
    }
  }
  const rows = [...lists.values()].map((l) => ({ gram: l.gram, item_kind: l.item_kind, year: l.year, ids: encodePostings(l.ids) }));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('search_postings').values(rows.slice(i, i + 1000)).execute();
}
