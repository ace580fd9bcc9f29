import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';

/**
 * Names of places in the readers' languages: one row per name the record writes (a home or a partner city, 金沢市)
 * and locale, kept once however many partnerships name the place; `updated_by` is the account that last set it
 * (null: an import).
 */
export function placeNames(capabilities: StoreCapabilities): Migration {
  const ordered = (col: ColumnDefinitionBuilder) =>
    (capabilities.textCollation === null ? col : col.modifyFront(sql`collate ${sql.raw(capabilities.textCollation)}`)).notNull();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('place_names')
        .addColumn('name', 'text', ordered)
        .addColumn('locale', 'text', (col) => col.notNull().check(sql`locale in ('en', 'zh')`))
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('updated_by', 'text')
        .addPrimaryKeyConstraint('place_names_pkey', ['name', 'locale'])
        .execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('place_names').execute();
    },
  };
}
