import { sql } from 'kysely';
import type { Store } from '../src/storage/database.js';

/** The order the search promises, compared key by key: year, partner, home, position, kind, id. */
export function compareOrder(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** The baseline: every event and caption whose normalized text holds the query, by LIKE over the whole table. */
export async function likeScan(store: Store, q: string): Promise<number> {
  const pattern = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  // An item's normalized text is its search_text, or its text where that is already normalized (null search_text).
  const events = await sql<{ id: number }>`select id from events where coalesce(search_text, text) like ${pattern} escape '!'`.execute(store.db);
  const records = await sql<{ id: number }>`select id from photo_records where coalesce(search_text, caption) like ${pattern} escape '!'`.execute(store.db);
  return events.rows.length + records.rows.length;
}
