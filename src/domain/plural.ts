import { numberFormat, pluralRules } from './intl.cache.js';

/**
 * Plural forms, for every edge that writes counts in words (pages through views/i18n/messages.ts formatPlural, the
 * command line): `one` where the language's plural rules call the number one (English: 1 event), `other` otherwise.
 */
export function pluralForm<T>(language: string, count: number, forms: { one: T; other: T }): T {
  return pluralRules(language).select(count) === 'one' ? forms.one : forms.other;
}

/** `count` and its noun in English, grouped as English writes numbers: 1 event, 2 events, 1,234 events. */
export function countOf(count: number, one: string, other: string): string {
  return `${numberFormat('en').format(count)} ${pluralForm('en', count, { one, other })}`;
}
