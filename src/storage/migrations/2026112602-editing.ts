import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';

/**
 * Draft and published states and edit versions for partnerships, events and photo records, and the history
 * of every change. Rows that exist already (imported ones) are published, at version 1. History rows keep no
 * foreign keys: they outlive the items they describe, which is how deleted items are brought back.
 */
export function editing(capabilities: StoreCapabilities): Migration {
  const id = (col: ColumnDefinitionBuilder) =>
    capabilities.idGeneration === 'identity'
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();
  const editable = ['partnerships', 'events', 'photo_records'] as const;

  return {
    async up(db: Kysely<unknown>) {
      for (const table of editable) {
        await db.schema
          .alterTable(table)
          .addColumn('status', 'text', (col) => col.notNull().defaultTo('published').check(sql`status in ('draft', 'published')`))
          .execute();
        await db.schema.alterTable(table).addColumn('version', 'integer', (col) => col.notNull().defaultTo(1)).execute();
      }
      await db.schema
        .createTable('history')
        .addColumn('id', 'integer', id)
        .addColumn('item_kind', 'text', (col) => col.notNull().check(sql`item_kind in ('partnership', 'event', 'record')`))
        .addColumn('item_id', 'integer', (col) => col.notNull())
        .addColumn('partnership_id', 'integer', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('action', 'text', (col) => col.notNull().check(sql`action in ('create', 'update', 'delete', 'restore', 'import')`))
        .addColumn('actor', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('history_item_idx').on('history').columns(['item_kind', 'item_id']).execute();
      await db.schema.createIndex('history_action_idx').on('history').columns(['action', 'item_kind']).execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('history').execute();
      for (const table of editable) {
        await db.schema.alterTable(table).dropColumn('version').execute();
        await db.schema.alterTable(table).dropColumn('status').execute();
      }
    },
  };
}
