import type { Kysely, Migration } from 'kysely';

/**
 * What undoing an import needs (services/import-undo.service.ts):
 * - `history.import_id`: the logged import (imports.id) whose history entries these are, indexed to read them back;
 *   null for every other entry and for imports logged before.
 * - `history.kept`: what an item's snapshot does not hold but an undo must give back (an event's fields of exchange,
 *   a photo record's link confidence), as JSON, on the entries of an import's changed and removed items.
 * - `history.undoes`: on the entries an undo writes (actions `delete` and `restore`, which the check on `action`
 *   allows: a new action would mean rebuilding the table on SQLite), the import they undid, for the history to say so.
 * - `imports.undoes` (this log row undid that import) and `imports.undone_by` (this import was undone by that row).
 * - `imports.kept`: where the partnership's items stood before the import, which no history entry holds (the file it
 *   was last imported from, each item's place and line: ImportProvenance as JSON); null for a partnership it created.
 */
export function importUndo(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('history').addColumn('import_id', 'integer').execute();
      await db.schema.alterTable('history').addColumn('kept', 'text').execute();
      await db.schema.alterTable('history').addColumn('undoes', 'integer').execute();
      await db.schema.createIndex('history_import_idx').on('history').column('import_id').execute();
      await db.schema.alterTable('imports').addColumn('undoes', 'integer').execute();
      await db.schema.alterTable('imports').addColumn('undone_by', 'integer').execute();
      await db.schema.alterTable('imports').addColumn('kept', 'text').execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('imports').dropColumn('kept').execute();
      await db.schema.alterTable('imports').dropColumn('undone_by').execute();
      await db.schema.alterTable('imports').dropColumn('undoes').execute();
      await db.schema.dropIndex('history_import_idx').execute();
      await db.schema.alterTable('history').dropColumn('undoes').execute();
      await db.schema.alterTable('history').dropColumn('kept').execute();
      await db.schema.alterTable('history').dropColumn('import_id').execute();
    },
  };
}
