import type { SearchFacets, SearchFilters } from '../domain/search-text.js';
import type { Store } from '../storage/database.js';
import { GenerationCache } from './generation.cache.js';

/** Queries whose facets are kept per store: each entry is at most a few tens of KB (one count per partnership). */
const MAX_ENTRIES = 100;

/**
 * The facet counts of recent searches, per store, kept while the store's generation holds: turning the pages of a
 * frequent word's results counts its facets once, where each page took up to half a second at a million events.
 * Searches narrowed by organisation or field are not kept.
 */
const facets = new GenerationCache<SearchFacets>(MAX_ENTRIES);

/** The facets of `query` under `filters` on `store`: kept ones while the store is unchanged, else `count()`. */
export function cachedFacets(store: Store, query: string, filters: SearchFilters, count: () => Promise<SearchFacets>): Promise<SearchFacets> {
  if (filters.eventIds !== undefined) return count();
  const key = JSON.stringify([query, filters.partner ?? null, filters.home ?? null, filters.year ?? null, filters.direction ?? null, filters.kind ?? null]);
  return facets.get(store, key, count);
}
