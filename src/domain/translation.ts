/** Languages an event text or caption may be translated into; Japanese is the text as the document wrote it. */
export const TRANSLATION_LOCALES = ['en', 'zh'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];
export type Translations = Partial<Record<TranslationLocale, string>>;

/** The text in the reader's language when a translation exists, in Japanese otherwise; `lang` says which it is. */
export function localizedText(
  original: string,
  translations: Translations | undefined,
  locale: string,
): { text: string; lang: 'ja' | TranslationLocale } {
  const translated = locale === 'en' || locale === 'zh' ? translations?.[locale] : undefined;
  return translated ? { text: translated, lang: locale as TranslationLocale } : { text: original, lang: 'ja' };
}

/**
 * The translations after an edit that gives some languages: each language given replaces the stored one, an empty
 * one removes it, and a language not given stays as stored (a translator adding English keeps the Chinese).
 */
export function mergeTranslations(stored: Translations, given: Readonly<Record<string, string | null | undefined>>): Translations {
  const merged: Translations = { ...stored };
  for (const locale of TRANSLATION_LOCALES) {
    if (!(locale in given) || given[locale] === undefined) continue;
    const value = given[locale]?.trim() ?? '';
    if (value === '') delete merged[locale];
    else merged[locale] = value;
  }
  return merged;
}

/** Translations without empty languages. */
export function withoutEmptyTranslations(t: Readonly<Record<string, string | null | undefined>>): Translations {
  return mergeTranslations({}, t);
}
