import { numberFormat } from '../../domain/intl.cache.js';
import { pluralForm } from '../../domain/plural.js';
import type { Locale } from './locale.js';

/** A page's messages in every locale; the type makes a missing translation a compile error. */
export type Messages<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

/**
 * The form of a message for `count`: `one` where the language's plural rules call the number one (English: 1
 * event), `other` otherwise. Japanese and Chinese have one form, so both their templates are the same.
 */
export function pluralOf(locale: Locale, count: number, forms: { one: string; other: string }): string {
  return pluralForm(locale, count, forms);
}

/** `forms` for `count` (pluralOf), filled with `{count}` (grouped as the language writes numbers: 4,392) and `values`. */
export function formatPlural(locale: Locale, count: number, forms: { one: string; other: string }, values: Readonly<Record<string, string | number>> = {}): string {
  return format(pluralOf(locale, count, forms), { count: numberFormat(locale === 'zh' ? 'zh-Hans-CN' : locale).format(count), ...values });
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
