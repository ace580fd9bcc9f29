import { sql, type Kysely, type Migration } from 'kysely';
import { gramsOf, normalizeForSearch } from '../../domain/search-text.js';

// Self-contained: the repositories have moved on to search_postings (2026112605-scale), and a migration must keep
// doing what it did when it was written.

type SearchV1 = {
  events: { id: number; text: string; search_text: string | null };
  photo_records: { id: number; caption: string; search_text: string | null };
  search_grams: { gram: string; item_kind: 'event' | 'record'; item_id: number };
};

const CHUNK = 200;

export function search(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('search_grams')
        .addColumn('gram', 'text', (col) => col.notNull())
        .addColumn('item_kind', 'text', (col) => col.notNull().check(sql`item_kind in ('event', 'record')`))
        .addColumn('item_id', 'integer', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('search_grams_gram_idx').on('search_grams').columns(['gram', 'item_kind', 'item_id']).execute();
      // Removing an item's grams looks them up by item.
      await db.schema.createIndex('search_grams_item_idx').on('search_grams').columns(['item_kind', 'item_id']).execute();
      await db.schema.alterTable('events').addColumn('search_text', 'text').execute();
      await db.schema.alterTable('photo_records').addColumn('search_text', 'text').execute();
      await fillGrams(db as Kysely<SearchV1>);
    },

    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('photo_records').dropColumn('search_text').execute();
      await db.schema.alterTable('events').dropColumn('search_text').execute();
      await db.schema.dropTable('search_grams').execute();
    },
  };
}

/** One search_grams row per distinct gram of every item's normalized text, and search_text set. */
export async function fillGrams(db: Kysely<SearchV1>): Promise<void> {
  const events = await db.selectFrom('events').select(['id', 'text']).execute();
  const records = await db.selectFrom('photo_records').select(['id', 'caption as text']).execute();
  for (const [kind, table, items] of [['event', 'events', events], ['record', 'photo_records', records]] as const) {
    const rows = items.flatMap((item) => gramsOf(normalizeForSearch(item.text)).map((gram) => ({ gram, item_kind: kind, item_id: item.id })));
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('search_grams').values(rows.slice(i, i + CHUNK)).execute();
    for (const item of items) await db.updateTable(table).set({ search_text: normalizeForSearch(item.text) }).where('id', '=', item.id).execute();
  }
}
