/**
 * Japanese collation (ICU's `ja`: kana by the gojūon, kanji in the order of JIS X 0208), for lists a reader scans
 * by name, such as the home municipalities of a record. The store orders names by code point instead (both
 * databases alike), which is what queries and exports keep; this order is for reading only. Names the collation
 * holds equal are ordered by code point, so that the order never depends on the input's.
 */
const JAPANESE = new Intl.Collator('ja');

export function compareJapanese(a: string, b: string): number {
  return JAPANESE.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
