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
