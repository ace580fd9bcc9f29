import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';

/**
 * What the record knows beyond its texts: the editors' decisions about organisations (confirmed or rejected
 * names, aliases), the fields of exchange of each event, and the confidence of each photo record's link.
 */
export function knowledge(capabilities: StoreCapabilities): Migration {
  const ordered = (col: ColumnDefinitionBuilder) =>
    (capabilities.textCollation === null ? col : col.modifyFront(sql`collate ${sql.raw(capabilities.textCollation)}`)).notNull();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('organization_decisions')
        .addColumn('name', 'text', (col) => ordered(col).primaryKey())
        .addColumn('decision', 'text', (col) => col.notNull().check(sql`decision in ('confirmed', 'rejected')`))
        .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('organization', 'office')`))
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('organization_aliases')
        .addColumn('alias', 'text', (col) => ordered(col).primaryKey())
        .addColumn('name', 'text', ordered)
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('event_fields')
        .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
        .addColumn('field', 'text', (col) =>
          col.notNull().check(sql`field in ('education', 'culture', 'sports', 'economy', 'government', 'disaster', 'health', 'youth', 'academic', 'none')`),
        )
        .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('suggested', 'editor')`))
        .addPrimaryKeyConstraint('event_fields_pkey', ['event_id', 'field'])
        .execute();
      await db.schema
        .createTable('photo_links')
        .addColumn('record_id', 'integer', (col) => col.primaryKey().references('photo_records.id').onDelete('cascade'))
        .addColumn('confidence', 'real', (col) => col.notNull())
        .addColumn('confirmed', 'integer', (col) => col.notNull().defaultTo(0).check(sql`confirmed in (0, 1)`))
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of ['photo_links', 'event_fields', 'organization_aliases', 'organization_decisions']) await db.schema.dropTable(table).execute();
    },
  };
}
