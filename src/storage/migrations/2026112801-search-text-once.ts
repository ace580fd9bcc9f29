import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An item's search_text is null where its normalized text is the text itself (search-text.column.ts): most texts
 * are stored once instead of twice. Down writes the text back into the null ones.
 */
export function searchTextOnce(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`update events set search_text = null where search_text = text`.execute(db);
      await sql`update photo_records set search_text = null where search_text = caption`.execute(db);
    },

    async down(db: Kysely<unknown>) {
      await sql`update events set search_text = text where search_text is null`.execute(db);
      await sql`update photo_records set search_text = caption where search_text is null`.execute(db);
    },
  };
}
