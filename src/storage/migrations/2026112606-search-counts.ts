import { sql, type Kysely, type Migration } from 'kysely';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { Database, StoreCapabilities } from '../database.js';
import { SearchIndexBatch } from '../search.index.js';

/**
 * The search index with each list's length (`search_postings.n`, so that a total needs no decoding) and grams of
 * up to four characters (so that every query of up to four characters is one exact list), rebuilt year by year
 * from the published items of published partnerships: exactly what the public search may show.
 */
export function searchCounts(capabilities: StoreCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await recreatePostings(db, capabilities);
      // The search ranks a year's items partnership by partnership in this order, reading only the first few.
      await db.schema.createIndex('partnerships_partner_home_idx').on('partnerships').columns(['partner', 'home']).execute();
    },

    async down(db: Kysely<unknown>) {
      // The longer grams stay: an older search reads only the grams it asks for.
      await db.schema.dropIndex('partnerships_partner_home_idx').execute();
      await db.schema.alterTable('search_postings').dropColumn('n').execute();
    },
  };
}

/** search_postings made anew and filled from the published items, as the live index lays its rows out. */
export async function recreatePostings(db: Kysely<unknown>, capabilities: StoreCapabilities): Promise<void> {
  // Made anew rather than emptied: PostgreSQL would keep every old row as a dead tuple until a vacuum.
  await db.schema.dropTable('search_postings').execute();
  await db.schema
    .createTable('search_postings')
    .addColumn('gram', 'text', (col) => col.notNull())
    .addColumn('item_kind', 'text', (col) => col.notNull().check(sql`item_kind in ('event', 'record')`))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('ids', sql.raw(capabilities.binaryType), (col) => col.notNull())
    .addColumn('n', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('search_postings_pkey', ['gram', 'item_kind', 'year'])
    .execute();
  await rebuildPostings(db as Kysely<Database>);
}

/** Every published item of a published partnership indexed into the (new, empty) table, year by year, in one batch. */
async function rebuildPostings(db: Kysely<Database>): Promise<void> {
  const published = db.selectFrom('partnerships').select('id').where('status', '=', 'published');
  const years = await db.selectFrom('events').select('year').distinct().union(db.selectFrom('photo_records').select('year').distinct()).execute();
  // One batch for every year: flushed year by year, each year would rewrite every gram's combined row again.
  const batch = new SearchIndexBatch({ nothingStored: true });
  for (const year of [...new Set(years.map((y) => y.year))].sort((a, b) => a - b)) {
    const events = await db
      .selectFrom('events')
      .select(['id', 'text', 'search_text'])
      .where('year', '=', year)
      .where('status', '=', 'published')
      .where('partnership_id', 'in', published)
      .orderBy('id')
      .execute();
    for (const e of events) batch.add('event', e.id, year, e.search_text ?? normalizeForSearch(e.text));
    const records = await db
      .selectFrom('photo_records')
      .select(['id', 'caption as text', 'search_text'])
      .where('year', '=', year)
      .where('status', '=', 'published')
      .where('partnership_id', 'in', published)
      .orderBy('id')
      .execute();
    for (const r of records) batch.add('record', r.id, year, r.search_text ?? normalizeForSearch(r.text));
  }
  await batch.flush(db);
}
