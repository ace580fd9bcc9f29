import { kanaForms, noFacets, normalizeForSearch, searchTermForms, type FacetedSearchResult, type SearchFilters, type SearchResult } from '../domain/search-text.js';
import { japaneseForms } from '../domain/simplified-chinese.js';
import type { Store } from '../storage/database.js';
import { searchFacets, searchItems, type AnyOfQuery } from '../storage/search.repository.js';
import { cachedFacets } from './search.facet-cache.js';

export const MAX_SEARCH_LIMIT = 100;
/** Hits per page of the faceted search unless a limit is given. */
export const SEARCH_PAGE_SIZE = 20;

export interface SearchRecordOptions {
  limit?: number;
  offset?: number;
  partner?: string;
  /** The home municipality (with `partner`, one partnership); simplified characters read as the partner's are. */
  home?: string;
  /** Only the events and photo records of this year. */
  year?: number;
}

/**
 * Events and photo records containing every word of `query` (searchTerms: compared after normalizeForSearch, words
 * separated by spaces); a blank query finds nothing.
 */
export async function searchRecord(store: Store, query: string, options: SearchRecordOptions = {}): Promise<SearchResult> {
  const normalized = normalizeForSearch(query).trim();
  if (normalized === '') return { hits: [], total: 0 };
  const limit = Math.min(wholeOr(options.limit, MAX_SEARCH_LIMIT), MAX_SEARCH_LIMIT);
  const offset = wholeOr(options.offset, 0);
  const filters = {
    ...withPartnerInJapanese({ ...(options.partner === undefined ? {} : { partner: options.partner }), ...(options.home === undefined ? {} : { home: options.home }) }),
    ...(options.year === undefined ? {} : { year: options.year }),
  };
  return readInOtherKana(normalized, (q) => searchItems(store.db, searchQueryOf(q), { limit, offset, ...filters }));
}

/**
 * `search` of the query as typed; when that finds nothing, of the query with its kana in katakana, then in hiragana
 * (kanaForms), the first that finds something, marked `readAs`. A reader types まらそん for the record's マラソン.
 */
async function readInOtherKana<R extends SearchResult>(normalized: string, search: (query: string) => Promise<R>): Promise<R> {
  const typed = await search(normalized);
  if (typed.total > 0) return typed;
  for (const other of kanaForms(normalized).slice(1)) {
    const found = await search(other);
    if (found.total > 0) return { ...found, readAs: other };
  }
  return typed;
}

export interface FacetedSearchOptions {
  filters?: SearchFilters;
  /** Hits per page: SEARCH_PAGE_SIZE by default, at most MAX_SEARCH_LIMIT. */
  limit?: number;
  offset?: number;
}

/**
 * One page of the events and photo records containing every word of `query`, narrowed by the filters, with the total and the
 * facet counts over all matches (see SearchFacets). A blank query finds nothing.
 */
export async function searchWithFacets(store: Store, query: string, options: FacetedSearchOptions = {}): Promise<FacetedSearchResult> {
  const normalized = normalizeForSearch(query).trim();
  if (normalized === '') return { hits: [], total: 0, facets: noFacets() };
  const filters = definedFilters(options.filters ?? {});
  const limit = Math.min(Math.max(wholeOr(options.limit, SEARCH_PAGE_SIZE), 1), MAX_SEARCH_LIMIT);
  const offset = wholeOr(options.offset, 0);
  return readInOtherKana(normalized, async (q) => {
    const readings = searchQueryOf(q);
    const { hits, total } = await searchItems(store.db, readings, { ...filters, limit, offset });
    const key = readings.anyOf.map((terms) => terms.join(' ')).join('\u0000');
    const facets = await cachedFacets(store, key, filters, () => searchFacets(store.db, readings, filters));
    return { hits, total, facets };
  });
}

/** The words of a normalized query in each of its readings (searchTermForms): a simplified character may stand for several Japanese ones. */
export function searchQueryOf(normalized: string): AnyOfQuery {
  return { anyOf: searchTermForms(normalized) };
}

/**
 * The partner and home filters as the record names cities: in Japanese forms, so that a reader of Chinese choosing
 * 大连市 or 富山市 (typed, or from a link of their own) filters by 大連市 as the query 大连 finds 大連.
 */
export function withPartnerInJapanese(filters: SearchFilters): SearchFilters {
  const out = { ...filters };
  if (filters.partner !== undefined) out.partner = japaneseForms(filters.partner.trim());
  if (filters.home !== undefined) out.home = japaneseForms(filters.home.trim());
  return out;
}

function definedFilters(filters: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  if (filters.partner !== undefined) out.partner = japaneseForms(filters.partner.trim());
  if (filters.home !== undefined) out.home = japaneseForms(filters.home.trim());
  if (filters.year !== undefined) out.year = filters.year;
  if (filters.direction !== undefined) out.direction = filters.direction;
  if (filters.kind !== undefined) out.kind = filters.kind;
  if (filters.eventIds !== undefined) out.eventIds = filters.eventIds;
  return out;
}

function wholeOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(Math.trunc(value), 0) : fallback;
}
