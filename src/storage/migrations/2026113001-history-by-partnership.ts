import type { Kysely, Migration } from 'kysely';

/**
 * An index of the history by partnership and time: the organisation names of the record are kept per partnership
 * with its newest history entry's time (findPartnershipTextStamps), asked for every partnership after each write,
 * and a web import now writes an entry per item it changes.
 */
export function historyByPartnership(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('history_partnership_at_idx').on('history').columns(['partnership_id', 'at']).execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('history_partnership_at_idx').execute();
    },
  };
}
