import type { Kysely, Migration } from 'kysely';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { Database } from '../database.js';
import { indexedStateOf, reindexItem, SearchIndexBatch, type ItemKind } from '../search.index.js';
import { searchTextColumn } from '../search-text.column.js';

const TABLE = { event: 'events', record: 'photo_records' } as const;

/** The events and photo records that have a translation, each once. */
export async function translatedItems(db: Kysely<Database>): Promise<{ kind: ItemKind; id: number }[]> {
  const rows = await db.selectFrom('translations').select(['item_kind', 'item_id']).distinct().orderBy('item_kind').orderBy('item_id').execute();
  return rows.flatMap((r) => (r.item_kind === 'event' || r.item_kind === 'record' ? [{ kind: r.item_kind, id: r.item_id }] : []));
}

/**
 * Search finds an item by its English and Chinese translations too (searchableText): each translated item's
 * search_text and grams are made again with its translations. Down makes them of the Japanese text alone.
 */
export function searchTranslations(): Migration {
  return {
    async up(raw: Kysely<unknown>) {
      const db = raw as Kysely<Database>;
      for (const { kind, id } of await translatedItems(db)) await reindexItem(db, kind, id, await indexedStateOf(db, kind, id));
    },

    async down(raw: Kysely<unknown>) {
      const db = raw as Kysely<Database>;
      for (const { kind, id } of await translatedItems(db)) {
        const before = await indexedStateOf(db, kind, id);
        const row =
          kind === 'event'
            ? await db.selectFrom('events').innerJoin('partnerships', 'partnerships.id', 'events.partnership_id').select(['events.text', 'events.status', 'partnerships.status as partnershipStatus']).where('events.id', '=', id).executeTakeFirst()
            : await db.selectFrom('photo_records').innerJoin('partnerships', 'partnerships.id', 'photo_records.partnership_id').select(['photo_records.caption as text', 'photo_records.status', 'partnerships.status as partnershipStatus']).where('photo_records.id', '=', id).executeTakeFirst();
        if (!row || !before) continue;
        const text = normalizeForSearch(row.text);
        await db.updateTable(TABLE[kind]).set({ search_text: searchTextColumn(row.text, text) }).where('id', '=', id).execute();
        const batch = new SearchIndexBatch();
        batch.remove(kind, id, before.year, before.searchText ?? '');
        if (row.status === 'published' && row.partnershipStatus === 'published') batch.add(kind, id, before.year, text);
        await batch.flush(db);
      }
    },
  };
}
