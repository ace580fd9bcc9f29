import type { SearchFacets, SearchFilters } from '../domain/search-text.js';
import type { Store } from '../storage/database.js';
import { storeGeneration } from './generation.service.js';

/** Queries whose facets are kept per store: each entry is at most a few tens of KB (one count per partnership). */
const MAX_ENTRIES = 100;

/**
 * The facet counts of recent searches, per store, kept while the store's generation holds (every write
 * transaction advances it): turning the pages of a frequent word's results counts its facets once, where each
 * page took up to half a second at a million events. Searches narrowed by organisation or field are not kept.
 */
class FacetCache {
  private readonly entries = new Map<string, SearchFacets>();
  private generation = -1;

  async facets(store: Store, query: string, filters: SearchFilters, count: () => Promise<SearchFacets>): Promise<SearchFacets> {
    if (filters.eventIds !== undefined) return count();
    const generation = await storeGeneration(store);
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const key = JSON.stringify([query, filters.partner ?? null, filters.year ?? null, filters.direction ?? null, filters.kind ?? null]);
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const counted = await count();
    if (generation === this.generation) {
      this.entries.set(key, counted);
      for (const oldest of this.entries.keys()) {
        if (this.entries.size <= MAX_ENTRIES) break;
        this.entries.delete(oldest);
      }
    }
    return counted;
  }
}

const caches = new WeakMap<Store, FacetCache>();

/** The facets of `query` under `filters` on `store`: kept ones while the store is unchanged, else `count()`. */
export function cachedFacets(store: Store, query: string, filters: SearchFilters, count: () => Promise<SearchFacets>): Promise<SearchFacets> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new FacetCache()));
  return cache.facets(store, query, filters, count);
}
