import type { Direction } from './direction.js';

/** The form both indexed text and queries are compared in: NFKC (full-width → half-width), then lower case. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The distinct unigrams and bigrams (by code point) of normalized text: what the index holds per item. */
export function gramsOf(normalized: string): string[] {
  const chars = Array.from(normalized);
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/**
 * The grams every text containing the normalized query holds: its distinct bigrams, or the query itself
 * when it is one character; none for the empty query.
 */
export function queryGrams(normalizedQuery: string): string[] {
  const chars = Array.from(normalizedQuery);
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** One event or photo record whose normalized text contains the query. */
export interface SearchHit {
  kind: 'event' | 'record';
  id: number;
  partnershipId: number;
  home: string;
  partner: string;
  year: number;
  /** The event's direction; null for photo records. */
  direction: Direction | null;
  /** The event's text or the record's caption, as stored. */
  text: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every matching item, not only this page. */
  total: number;
}
