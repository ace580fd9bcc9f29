import { sql, type Kysely, type Migration } from 'kysely';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { Database, StoreCapabilities } from '../database.js';
import { SearchIndexBatch } from '../search.index.js';
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
      await rebuildPostings(db as Kysely<Database>);
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

/** Posting lists for every stored item, from its text; search_text set where it was missing or stale. */
async function rebuildPostings(db: Kysely<Database>): Promise<void> {
  const batch = new SearchIndexBatch();
  const events = await db.selectFrom('events').select(['id', 'year', 'text', 'search_text']).orderBy('id').execute();
  const records = await db.selectFrom('photo_records').select(['id', 'year', 'caption as text', 'search_text']).orderBy('id').execute();
  for (const [kind, table, items] of [['event', 'events', events], ['record', 'photo_records', records]] as const) {
    for (const item of items) {
      const normalized = normalizeForSearch(item.text);
      batch.add(kind, item.id, item.year, normalized);
      if (item.search_text !== normalized) await db.updateTable(table).set({ search_text: normalized }).where('id', '=', item.id).execute();
    }
  }
  await batch.flush(db);
}
