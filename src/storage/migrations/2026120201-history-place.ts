import type { Kysely, Migration } from 'kysely';

/**
 * Where a deleted event stood in its year (`domain/event-order.ts`, EventPlace, as JSON) beside the history entry of
 * its deletion, so that restoring it puts it back there rather than last in its year. Null for every other entry and
 * for deletions recorded before.
 */
export function historyPlace(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('history').addColumn('place', 'text').execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('history').dropColumn('place').execute();
    },
  };
}
