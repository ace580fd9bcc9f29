import { normalizeForSearch } from '../domain/search-text.js';

/**
 * What an item's `search_text` column holds: its text normalized for search (normalizeForSearch) where that
 * differs from the text, else null. 96% of the bench corpus's event texts are already in normal form, and the
 * second copy was 53 of the 268 bytes an event row took in COPY format. The normalized text of a row is
 * `search_text ?? text`.
 */
export function searchTextColumn(text: string, normalized: string = normalizeForSearch(text)): string | null {
  return normalized === text ? null : normalized;
}

/** The normalized text of a stored item, from its text (an event's text, a record's caption) and its search_text. */
export function normalizedOf(text: string, searchText: string | null): string {
  return searchText ?? text;
}
