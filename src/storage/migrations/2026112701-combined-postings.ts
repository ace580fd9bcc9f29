import type { Kysely, Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';
import { COMBINED_YEAR, decodeCombined } from '../search.layout.js';
import { encodePostings } from '../search.postings.js';
import { recreatePostings } from './2026112606-search-counts.js';

type Postings = { search_postings: { gram: string; item_kind: 'event' | 'record'; year: number; ids: Uint8Array; n: number } };

/**
 * The search index with the short lists of a gram's years in one combined row (search.layout.ts): rebuilt from the
 * published items. Down, each combined row is split into rows of their own, one per year, as before.
 */
export function combinedPostings(capabilities: StoreCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await recreatePostings(db, capabilities);
    },

    async down(db: Kysely<unknown>) {
      const postings = db as Kysely<Postings>;
      const combined = await postings.selectFrom('search_postings').selectAll().where('year', '=', COMBINED_YEAR).execute();
      await postings.deleteFrom('search_postings').where('year', '=', COMBINED_YEAR).execute();
      const rows = combined.flatMap((row) =>
        decodeCombined(row.ids).map((list) => ({ gram: row.gram, item_kind: row.item_kind, year: list.year, ids: encodePostings(list.ids), n: list.ids.length })),
      );
      for (let i = 0; i < rows.length; i += 1000) await postings.insertInto('search_postings').values(rows.slice(i, i + 1000)).execute();
    },
  };
}
