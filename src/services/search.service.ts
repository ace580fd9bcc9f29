import { normalizeForSearch, type SearchResult } from '../domain/search-text.js';
import type { Store } from '../storage/database.js';
import { searchItems } from '../storage/search.repository.js';

export const MAX_SEARCH_LIMIT = 100;

export interface SearchRecordOptions {
  limit?: number;
  offset?: number;
  partner?: string;
}

/** Events and photo records containing `query` (compared after normalizeForSearch); a blank query finds nothing. */
export async function searchRecord(store: Store, query: string, options: SearchRecordOptions = {}): Promise<SearchResult> {
  const normalized = normalizeForSearch(query).trim();
  if (normalized === '') return { hits: [], total: 0 };
  const limit = Math.min(wholeOr(options.limit, MAX_SEARCH_LIMIT), MAX_SEARCH_LIMIT);
  const offset = wholeOr(options.offset, 0);
  return searchItems(store.db, normalized, { limit, offset, ...(options.partner === undefined ? {} : { partner: options.partner }) });
}

function wholeOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(Math.trunc(value), 0) : fallback;
}
