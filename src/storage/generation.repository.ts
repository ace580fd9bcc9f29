import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * The store's generation: a number that every write transaction advances and nothing sets back (a restore
 * advances it too; backups leave the table out). Equal generations mean equal content.
 */
export async function readGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('store_generation').select('generation').where('id', '=', 1).executeTakeFirst();
  return Number(row?.generation ?? 0);
}

/** Advances the generation; run inside the writing transaction, so readers see the new number with the new content. */
export async function advanceGeneration(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('store_generation')
    .set({ generation: sql<number>`generation + 1` })
    .where('id', '=', 1)
    .execute();
}

/** A store transaction that advances the generation when `fn` succeeds: every write made through it is seen by the caches. */
export function writeTransaction(db: Kysely<Database>) {
  return <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx) => {
      const result = await fn(trx);
      await advanceGeneration(trx);
      return result;
    });
}
