import type { Direction } from './direction.js';
import { japaneseForms, japaneseFormsEach } from './simplified-chinese.js';
import { TRANSLATION_LOCALES, type Translations } from './translation.js';

/** The form both indexed text and queries are compared in: NFKC (full-width → half-width), then lower case. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Separates an item's Japanese text from its translations in its searchable text. No query word holds it (white
 * space splits words, and control characters are read as spaces), and no gram is cut across it, so a word is found
 * in one of the texts or not at all.
 */
export const TEXT_SEPARATOR = '\n';

/**
 * What search finds an item by: its Japanese text, then its English and Chinese translations where it has them,
 * each normalized (normalizeForSearch; a translation's simplified Chinese characters in their Japanese forms, as a
 * query's are) and joined by TEXT_SEPARATOR. An item without translations is its text
 * normalized, as before translations were searched.
 */
export function searchableText(text: string, translations?: Translations): string {
  let searchable = normalizeForSearch(text);
  for (const locale of TRANSLATION_LOCALES) {
    const translated = translations?.[locale];
    // A translation is read as queries are: its simplified characters in their Japanese forms (大连 as 大連).
    if (translated !== undefined && translated.trim() !== '') searchable += TEXT_SEPARATOR + japaneseForms(normalizeForSearch(translated));
  }
  return searchable;
}

/**
 * The words of a query as a reader types them, each normalized (normalizeForSearch): a match contains every one.
 * Words are separated by white space (a full-width space too); a phrase in quotes is one word; a word given twice
 * counts once. Simplified Chinese
 * characters are read in the Japanese forms the record is written in (大连 finds 大連; japaneseForms).
 */
export function searchTerms(query: string): string[] {
  return wordsOf(japaneseForms(typedForSearch(query)));
}

/**
 * The words of a query in each of its readings (searchTerms is the first): more than one when a simplified
 * character stands for several Japanese forms (发展 → 発展, 髪展; japaneseFormsEach). An item matching any reading matches.
 */
export function searchTermForms(query: string): string[][] {
  const readings = japaneseFormsEach(typedForSearch(query)).map(wordsOf);
  const seen = new Set<string>();
  return readings.filter((terms) => {
    const key = JSON.stringify(terms);
    return !seen.has(key) && (seen.add(key), true);
  });
}

/** Hiragana (ぁ–ゖ, ゝ, ゞ) and the katakana of the same sounds lie 0x60 apart. */
const KANA_OFFSET = 0x60;

/**
 * A text as typed, then with every kana in katakana, then in hiragana (each only when it differs): a record writes
 * マラソン and ソウル in katakana, a reader may type まらそん. Marks shared by both (ー, ・) and kanji stay. The search
 * reads a query in the other forms only when it finds nothing as typed (services/search.service.ts): read together,
 * a frequent kana (が and ガ) would take the search's slow way over every match.
 */
export function kanaForms(text: string): string[] {
  const katakana = text.replace(/[\u3041-\u3096\u309d\u309e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + KANA_OFFSET));
  const hiragana = text.replace(/[\u30a1-\u30f6\u30fd\u30fe]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - KANA_OFFSET));
  return [...new Set([text, katakana, hiragana])];
}

function typedForSearch(query: string): string {
  return normalizeForSearch(query).replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function wordsOf(typed: string): string[] {
  const terms: string[] = [];
  // A phrase in quotes ("…", “…”) is one word, spaces and all.
  for (const m of typed.matchAll(/["“”]([^"“”]*)["“”]|[^\s"“”]+/gu)) {
    const term = (m[1] ?? m[0]).trim();
    if (term !== '') terms.push(term);
  }
  return [...new Set(terms)];
}

/**
 * The longest gram the index holds, in code points. A query of up to this many characters is one gram, so its
 * posting lists are exactly its matches (and their lengths its total); a longer one is checked against the text.
 */
export const GRAM_LENGTH = 4;

/** The distinct grams (substrings of 1 to GRAM_LENGTH code points) of normalized text, shortest first: what the index holds per item. */
export function gramsOf(normalized: string): string[] {
  if (normalized.includes(TEXT_SEPARATOR)) {
    const grams = [...new Set(normalized.split(TEXT_SEPARATOR).flatMap(gramsOfPart))];
    return grams.sort((a, b) => codePoints(a) - codePoints(b));
  }
  return gramsOfPart(normalized);
}

const codePoints = (s: string): number => s.length - (s.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);

function gramsOfPart(normalized: string): string[] {
  // Where each code point starts (a surrogate pair is one), and the end: grams are cut with slice, not joined.
  const starts: number[] = [];
  for (let i = 0; i < normalized.length; i++) {
    starts.push(i);
    if (isHighSurrogate(normalized.charCodeAt(i)) && isLowSurrogate(normalized.charCodeAt(i + 1))) i++;
  }
  const count = starts.length;
  starts.push(normalized.length);
  const grams = new Set<string>();
  for (let n = 1; n <= GRAM_LENGTH; n++) {
    for (let i = 0; i + n <= count; i++) grams.add(normalized.slice(starts[i], starts[i + n]));
  }
  return [...grams];
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The grams every text containing the normalized query holds: the query itself when it has at most GRAM_LENGTH
 * characters (its list is then exactly its matches), else its distinct GRAM_LENGTH-character substrings; none for
 * the empty query.
 */
export function queryGrams(normalizedQuery: string): string[] {
  const chars = Array.from(normalizedQuery);
  if (chars.length <= GRAM_LENGTH) return chars.length === 0 ? [] : [normalizedQuery];
  const grams = new Set<string>();
  for (let i = 0; i + GRAM_LENGTH <= chars.length; i++) grams.add(chars.slice(i, i + GRAM_LENGTH).join(''));
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
  /** The event's date (YYYY-MM-DD, or YYYY-MM when only the month is known); null when the record gives none, and for photo records. */
  date?: string | null;
  /** The event's text or the record's caption, as stored. */
  text: string;
  /** The text in other languages, when the store provides them. */
  translations?: Translations;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every matching item, not only this page. */
  total: number;
  /** The query as it was searched, when the typed one found nothing and its kana read in the other script did (まらそん → マラソン). */
  readAs?: string;
}

/** Filters that narrow a search; they combine (all must hold). `kind: 'record'` keeps only photo records. */
export interface SearchFilters {
  partner?: string;
  /** The home municipality: with `partner`, one partnership (富山市・ハノイ市, not 鳥取市・ハノイ市); alone, its partnerships. */
  home?: string;
  year?: number;
  direction?: Direction;
  kind?: 'record';
  /** An organisation (name or alias): only the events naming it, and the records showing them. */
  organization?: string;
  /** A field of exchange (see exchange-field.ts): only its events, and the records showing them. */
  field?: string;
  /** The events `organization` and `field` allow, resolved by the service; the store keeps these and the records linked to them. */
  eventIds?: readonly number[];
}

/**
 * How many matches of a query fall under each value of a facet, over every match (not only one page). Each facet
 * is counted with every filter except its own, so its other values stay visible; the type facet (directions and
 * records) shares one dimension with the `direction` and `kind` filters. Counts are numbers on every database.
 */
export interface SearchFacets {
  /** By partnership (home and partner), ordered by partner, then home; counted without the `partner` and `home` filters. */
  partners: { home: string; partner: string; count: number }[];
  /** By year, ascending. */
  years: { year: number; count: number }[];
  /** Events by direction, in DIRECTIONS order; only directions with matches. */
  directions: { direction: Direction; count: number }[];
  /** Photo records. */
  records: number;
}

/** The facets of a query with no match. */
export function noFacets(): SearchFacets {
  return { partners: [], years: [], directions: [], records: 0 };
}

/** A page of hits with the facet counts of the whole query. */
export interface FacetedSearchResult extends SearchResult {
  facets: SearchFacets;
}
