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

/**
 * How many times a write transaction of this process (on any store) has started or ended, and a generation been
 * advanced: a reader that saw the same count twice knows that no write of this process happened in between.
 */
export function localWrites(): number {
  return writes;
}

let writes = 0;

/** Advances the generation; run inside the writing transaction, so readers see the new number with the new content. */
export async function advanceGeneration(db: Kysely<Database>): Promise<void> {
  writes++;
  await db
    .updateTable('store_generation')
    .set({ generation: sql<number>`generation + 1` })
    .where('id', '=', 1)
    .execute();
}

/**
 * A store transaction that advances the generation: every write made through it is seen by the caches. The advance
 * comes first, so that it also orders the writers. On PostgreSQL the generation row stays locked until the commit,
 * and write transactions run one after the other, as on SQLite's single connection: the search index's shared rows
 * are read, merged and written again, and two writers merging the same row at once would lose one's change (or,
 * writing it anew, collide on its key). Nothing of it shows unless `fn` succeeds: a rollback undoes the advance.
 */
export function writeTransaction(db: Kysely<Database>) {
  return async <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> => {
    writes++;
    try {
      return await db.transaction().execute(async (trx) => {
        await advanceGeneration(trx);
        return fn(trx);
      });
    } finally {
      writes++;
    }
  };
}
