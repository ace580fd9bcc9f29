import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../database.js';
import { reindexAll } from '../search.repository.js';

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
      await reindexAll(db as Kysely<Database>);
    },

    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('photo_records').dropColumn('search_text').execute();
      await db.schema.alterTable('events').dropColumn('search_text').execute();
      await db.schema.dropTable('search_grams').execute();
    },
  };
}
