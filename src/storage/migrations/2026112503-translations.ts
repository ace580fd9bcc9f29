import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Translations of event texts and captions, one row per item and locale. `item_id` is an `events.id`
 * (item_kind 'event') or a `photo_records.id` (item_kind 'record'); the repository removes an item's rows
 * with the item, as it does its search grams.
 */
export function translations(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('translations')
        .addColumn('item_kind', 'text', (col) => col.notNull().check(sql`item_kind in ('event', 'record')`))
        .addColumn('item_id', 'integer', (col) => col.notNull())
        .addColumn('locale', 'text', (col) => col.notNull().check(sql`locale in ('en', 'zh')`))
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('translations_pkey', ['item_kind', 'item_id', 'locale'])
        .execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('translations').execute();
    },
  };
}
