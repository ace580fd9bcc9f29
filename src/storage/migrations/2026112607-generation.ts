import type { Kysely, Migration } from 'kysely';

/**
 * store_generation: one row whose number every write transaction advances (see `transaction` in sqlite/connect.ts
 * and postgres/connect.ts). Caches of rendered pages are keyed by it, so they hold across processes sharing a store.
 */
export function generation(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('store_generation')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('generation', 'bigint', (col) => col.notNull())
        .execute();
      await (db as Kysely<{ store_generation: { id: number; generation: number } }>).insertInto('store_generation').values({ id: 1, generation: 1 }).execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('store_generation').execute();
    },
  };
}
