import type { Kysely, Migration } from 'kysely';

/**
 * Who made each logged import (the signed-in account of a web import; null for the command line and for imports
 * logged before), and an index to list a partnership's imports newest first, for the staff pages' import log.
 */
export function importActor(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('imports').addColumn('actor', 'text').execute();
      await db.schema.createIndex('imports_partnership_idx').on('imports').columns(['home', 'partner', 'id']).execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('imports_partnership_idx').execute();
      await db.schema.alterTable('imports').dropColumn('actor').execute();
    },
  };
}
