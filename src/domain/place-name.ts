import { TRANSLATION_LOCALES, withoutEmptyTranslations, type TranslationLocale, type Translations } from './translation.js';

/**
 * Names of places (a home municipality or a partner city) in the readers' languages, by the name the record writes
 * (金沢市 → Kanazawa / 金泽市). A name has one entry whatever the number of partnerships it appears in.
 */
export type PlaceNames = ReadonlyMap<string, Translations>;

/** A place the record names, as the staff page lists it: where it appears, and its names in the readers' languages. */
export interface PlaceEntry {
  name: string;
  /** Home municipality of at least one partnership. */
  home: boolean;
  /** Partner city of at least one partnership. */
  partner: boolean;
  translations: Translations;
  /** When a translation was last set, and by whom (null: an import); null when it has none. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export const NO_PLACE_NAMES: PlaceNames = new Map();

/** Longest translated name a staff member or a document may give: a place name, not a text. */
export const MAX_PLACE_NAME_LENGTH = 100;

/**
 * A place as a page in `locale` names it: its translation when there is one, with the record's Japanese name beside
 * it where the reader could not tell it from the translation (on English pages always; on Chinese pages when the
 * Japanese is written in kana, マルセイユ市 beside 马赛, but not 大連市 beside 大连市). Untranslated: the Japanese alone.
 */
export function localizedPlace(name: string, names: PlaceNames | undefined, locale: string): { text: string; lang: 'ja' | TranslationLocale; japanese?: string } {
  const translated = locale === 'en' || locale === 'zh' ? names?.get(name)?.[locale] : undefined;
  if (!translated) return { text: name, lang: 'ja' };
  // 札幌市 given as its Chinese name too: the same characters, read as the page's language, with nothing beside.
  if (translated === name) return { text: name, lang: locale as TranslationLocale };
  const beside = locale === 'en' || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name);
  return beside ? { text: translated, lang: locale as TranslationLocale, japanese: name } : { text: translated, lang: locale as TranslationLocale };
}

/** The same as plain text (titles, attributes): Dalian (大連市), 马赛（マルセイユ市）, 金沢市. */
export function placeText(name: string, names: PlaceNames | undefined, locale: string): string {
  const l = localizedPlace(name, names, locale);
  if (l.japanese === undefined) return l.text;
  return locale === 'zh' ? `${l.text}（${l.japanese}）` : `${l.text} (${l.japanese})`;
}

/**
 * Checks given translations of one place name: each must be a single line of at most MAX_PLACE_NAME_LENGTH
 * characters. Answers the cleaned translations (blank ones dropped), or the locale of the first that is not.
 */
export function checkPlaceTranslations(given: Readonly<Record<string, string | null | undefined>>): { translations: Translations } | { invalid: TranslationLocale } {
  const translations = withoutEmptyTranslations(given);
  for (const locale of TRANSLATION_LOCALES) {
    const text = translations[locale];
    if (text !== undefined && (text.length > MAX_PLACE_NAME_LENGTH || /[\r\n]/.test(text))) return { invalid: locale };
  }
  return { translations };
}

/** The names that a text of the reader's language `query` names, for a search hint: every place whose translation holds it. */
export function placesNamedBy(query: string, names: PlaceNames): string[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const found: string[] = [];
  for (const [name, t] of names) {
    if (TRANSLATION_LOCALES.some((l) => t[l] !== undefined && t[l].toLowerCase().includes(q))) found.push(name);
  }
  return found;
}
