import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';

export function initial(capabilities: StoreCapabilities): Migration {
  const id = (col: ColumnDefinitionBuilder) =>
    capabilities.idGeneration === 'identity'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();
  const ordered = (col: ColumnDefinitionBuilder) =>
    (capabilities.textCollation === null ? col : col.modifyFront(sql`collate ${sql.raw(capabilities.textCollation)}`)).notNull();

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('partnerships')
        .addColumn('id', 'integer', id)
        .addColumn('home', 'text', ordered)
        .addColumn('partner', 'text', ordered)
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('affiliated_on', 'text')
        .addColumn('source', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('partnerships_home_partner_key', ['home', 'partner'])
        .execute();

      await db.schema
        .createTable('exchange_years')
        .addColumn('partnership_id', 'integer', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('no_exchange', 'integer', (col) => col.notNull().defaultTo(0).check(sql`no_exchange in (0, 1)`))
        .addPrimaryKeyConstraint('exchange_years_pkey', ['partnership_id', 'year'])
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'integer', id)
        .addColumn('partnership_id', 'integer', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('date', 'text')
        .addColumn('direction', 'text', (col) =>
          col.notNull().check(sql`direction in ('dispatch', 'reception', 'mutual', 'unknown')`),
        )
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('line', 'integer')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('events_partnership_year_idx').on('events').columns(['partnership_id', 'year']).execute();

      await db.schema
        .createTable('photo_records')
        .addColumn('id', 'integer', id)
        .addColumn('partnership_id', 'integer', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('caption', 'text', (col) => col.notNull())
        .addColumn('event_id', 'integer', (col) => col.references('events.id').onDelete('set null'))
        .addColumn('line', 'integer')
        .addColumn('photo', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('photo_records_partnership_idx').on('photo_records').column('partnership_id').execute();
      await db.schema.createIndex('photo_records_event_idx').on('photo_records').column('event_id').execute();

      await db.schema
        .createTable('imports')
        .addColumn('id', 'integer', id)
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('home', 'text', (col) => col.notNull())
        .addColumn('partner', 'text', (col) => col.notNull())
        .addColumn('imported_at', 'text', (col) => col.notNull())
        .addColumn('added_events', 'integer', (col) => col.notNull())
        .addColumn('changed_events', 'integer', (col) => col.notNull())
        .addColumn('removed_events', 'integer', (col) => col.notNull())
        .addColumn('added_records', 'integer', (col) => col.notNull())
        .addColumn('changed_records', 'integer', (col) => col.notNull())
        .addColumn('removed_records', 'integer', (col) => col.notNull())
        .execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of ['imports', 'photo_records', 'events', 'exchange_years', 'partnerships']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
