import type { Kysely, Migration } from 'kysely';
import type { Database } from '../database.js';
import { indexedStateOf, reindexItem } from '../search.index.js';
import { translatedItems } from './2026120101-search-translations.js';

/**
 * The table of simplified characters grew (simplified-chinese.ts: 发, 桥, 树 … read in their Japanese forms), and a
 * Chinese translation is indexed in those forms: each translated item's search_text and grams are made again.
 * Down leaves them: they are what the code of either version would find them by, short of the new characters.
 */
export function searchSimplifiedForms(): Migration {
  return {
    async up(raw: Kysely<unknown>) {
      const db = raw as Kysely<Database>;
      for (const { kind, id } of await translatedItems(db)) await reindexItem(db, kind, id, await indexedStateOf(db, kind, id));
    },
    async down() {},
  };
}
