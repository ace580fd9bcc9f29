/** The languages of the interface: Japanese (default), English, Simplified Chinese. */
export const LOCALES = ['ja', 'en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

/** The value of the `lang` attribute for a locale (BCP 47). */
export const HTML_LANG: Readonly<Record<Locale, string>> = { ja: 'ja', en: 'en', zh: 'zh-Hans' };

/** Each language named in itself, for the language switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { ja: '日本語', en: 'English', zh: '简体中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The reader's language from an Accept-Language header: the first supported language by quality, else Japanese. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag !== '' && r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'zh') return 'zh';
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
