import type { ComponentChildren } from 'preact';
import { eraLabel, eraLabelOfDate } from '../domain/era.js';
import { localizedPlace, placeText } from '../domain/place-name.js';
import { dateTimeFormat, numberFormat, pluralRules, relativeTimeFormat } from '../domain/intl.cache.js';
import { localizedText, type Translations } from '../domain/translation.js';
import { kindGloss } from './i18n/kind.messages.js';
import { HTML_LANG, type Locale } from './i18n/locale.js';
import { format } from './i18n/messages.js';
import { YEARBOOK } from './i18n/yearbook.messages.js';
import type { PageContext } from './page-context.js';

/** Pieces shared by the pages: text in Japanese on pages in other languages, dates with their era, message templates with markup. */

/** Intl locale of each interface language (en-GB for day–month–year order). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { ja: 'ja-JP', en: 'en-GB', zh: 'zh-Hans-CN' };

/**
 * Fills `{name}` placeholders of a message with nodes (elements or text), so that a part in another language can
 * carry its own `lang`. Text of the template stays text; Preact escapes it.
 */
export function fill(template: string, values: Readonly<Record<string, ComponentChildren>>): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    const name = m[1] ?? '';
    if (!(name in values)) continue;
    if (m.index > last) out.push(template.slice(last, m.index));
    out.push(values[name]);
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/**
 * The partner city as a page names it: with its home municipality (富山市・大連市) when that is not the site's, since
 * a store may hold several homes and the site's header names the site's own.
 */
export function partnerName(ctx: Pick<PageContext, 'home'> & Partial<Pick<PageContext, 'locale' | 'places'>>, p: { home: string; partner: string }): string {
  const name = (n: string) => placeText(n, ctx.places, ctx.locale ?? 'ja');
  return p.home === ctx.home ? name(p.partner) : `${name(p.home)}・${name(p.partner)}`;
}

/**
 * A home municipality or partner city as the page names it: the one place that decides how a place's name is shown.
 * In the reader's language when it has one (place_names), with the record's Japanese name beside it, marked
 * `lang="ja"`, where the reader could not tell it from the translation (domain/place-name.ts): Dalian (大連市),
 * 马赛（マルセイユ市）; in Japanese, marked as such, when there is none; as written on Japanese pages.
 */
export function Place(props: { ctx: PageContext; name: string; after?: string; brief?: boolean }) {
  const { ctx, name, after = '' } = props;
  const l = localizedPlace(name, ctx.places, ctx.locale);
  if (l.lang === 'ja') return <Ja ctx={ctx}>{name + after}</Ja>;
  const text = l.lang === ctx.locale ? l.text : <span lang={l.lang}>{l.text}</span>;
  // `brief`: the translation alone, where the name already stands in brackets ("…” (Dalian)).
  if (l.japanese === undefined || props.brief) return <>{text}{after}</>;
  const [open, close] = ctx.locale === 'zh' ? ['（', '）'] : [' (', ')'];
  // One element, so that a flex row (the footer's) keeps the name and its Japanese together.
  return <span class="place">{text}{open}<span lang="ja">{l.japanese}</span>{close}{after}</span>;
}

/** The partner city as `partnerName` names it, each place through `Place`: 富山市・Dalian (大連市). */
export function PartnerName(props: { ctx: PageContext; p: { home: string; partner: string } }) {
  const { ctx, p } = props;
  if (p.home === ctx.home) return <Place ctx={ctx} name={p.partner} />;
  const untranslated = [p.home, p.partner].every((n) => localizedPlace(n, ctx.places, ctx.locale).lang === 'ja');
  if (untranslated) return <Ja ctx={ctx}>{`${p.home}・${p.partner}`}</Ja>;
  return <><Place ctx={ctx} name={p.home} />・<Place ctx={ctx} name={p.partner} /></>;
}

/** Japanese text as written in the record (names of cities, kinds, era labels): marked `lang="ja"` on pages in other languages. */
/**
 * A partnership's kind as the record names it (友好交流都市), glossed on English and Chinese pages with what it means
 * (kind.messages.ts: "friendship-exchange city", 「友好交流城市」; "partner city" for a kind it does not know), in the
 * form of the yearbook's cover (YEARBOOK.subtitle); `kindText` is the same as plain text, for titles.
 */
export function PartnershipKind(props: { ctx: PageContext; kind: string }) {
  const { locale } = props.ctx;
  return <>{fill(YEARBOOK[locale].subtitle, { kind: <Ja ctx={props.ctx}>{props.kind}</Ja>, gloss: locale === 'ja' ? '' : kindGloss(locale, props.kind) })}</>;
}

export function kindText(locale: Locale, kind: string): string {
  return format(YEARBOOK[locale].subtitle, { kind, gloss: locale === 'ja' ? '' : kindGloss(locale, kind) });
}

export function Ja(props: { ctx: PageContext; children: ComponentChildren }) {
  return props.ctx.locale === 'ja' ? <>{props.children}</> : <span lang="ja">{props.children}</span>;
}

/**
 * A line the municipality configured (its credit, KORYU_ATTRIBUTION): marked Japanese on an English or Chinese page
 * when it is written in Japanese script, as the default 金沢市 国際交流の記録 is, and left unmarked when a city set
 * it in the reader's language (Kanazawa City International Exchange Records).
 */
export function Credit(props: { locale: PageContext['locale']; children: string }) {
  const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(props.children);
  return props.locale === 'ja' || !japanese ? <>{props.children}</> : <span lang="ja">{props.children}</span>;
}

/** The `lang` an element needs when its text is in `lang` on a page in the reader's locale; undefined when they agree. */
export function langAttr(ctx: PageContext, lang: 'ja' | 'en' | 'zh'): string | undefined {
  return lang === ctx.locale ? undefined : HTML_LANG[lang];
}

/** An event text or caption in the reader's language when translated, in Japanese otherwise, with the matching `lang`. */
export function localized(ctx: PageContext, text: string, translations: Translations | undefined): { text: string; lang: string | undefined } {
  const l = localizedText(text, translations, ctx.locale);
  return { text: l.text, lang: langAttr(ctx, l.lang) };
}

function utcDate(year: number, month: number, day: number): Date {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d;
}

/** A date (YYYY-MM-DD, or YYYY-MM for a month only) written for the locale: 2006年11月24日, 24 Nov 2006, 2006年11月24日. */
export function formatDate(iso: string, locale: Locale, month: 'short' | 'long' = 'short'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number | undefined];
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', month: locale === 'en' ? month : 'long' };
  if (d !== undefined) options.day = 'numeric';
  return dateTimeFormat(INTL_LOCALE[locale], options).format(utcDate(y, m, d ?? 1));
}

/**
 * The Japanese era after a year or a date, in the one form pages write it (the timeline's): a space, then the label in
 * half-width brackets, Japanese text — 1998年 (平成10年), 1998年2月21日 (平成10年), 21 Feb 1998 (平成10年).
 */
export function EraNote(props: { ctx: PageContext; label: string }) {
  return (
    <>
      {' '}
      <span class="era" lang={langAttr(props.ctx, 'ja')}>
        ({props.label})
      </span>
    </>
  );
}

/** A date in the locale's calendar with its era label (EraNote): 2006年11月24日 (平成18年), 24 Nov 2006 (平成18年). */
export function DateWithEra(props: { ctx: PageContext; iso: string }) {
  const { ctx, iso } = props;
  const era = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? eraLabelOfDate(iso) : eraLabel(Number(iso.slice(0, 4)));
  const date = formatDate(iso, ctx.locale);
  return (
    <>
      <time dateTime={iso}>{date}</time>
      <EraNote ctx={ctx} label={era} />
    </>
  );
}

/** A year with its era label: 2019年 (平成31年/令和元年) in Japanese, 2019 (平成31年/令和元年) elsewhere. */
export function YearWithEra(props: { ctx: PageContext; year: number }) {
  const { ctx, year } = props;
  return (
    <>
      {ctx.locale === 'en' ? String(year) : `${year}年`}
      <EraNote ctx={ctx} label={eraLabel(year)} />
    </>
  );
}

/**
 * "in 3 days", "yesterday", "today", in the locale. Japanese is written without the space Intl puts between the
 * number and its unit (4日前, not 4 日前), as Chinese is (4天前).
 */
export function relativeDays(days: number, locale: Locale): string {
  const text = relativeTimeFormat(INTL_LOCALE[locale], { numeric: 'auto' }).format(days, 'day');
  return locale === 'ja' ? text.replace(/\s+/gu, '') : text;
}

const ORDINAL_SUFFIX: Readonly<Record<string, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** 20th in English; the number alone in Japanese and Chinese, whose messages add 周年. */
export function ordinal(n: number, locale: Locale): string {
  if (locale !== 'en') return String(n);
  return `${n}${ORDINAL_SUFFIX[pluralRules('en-GB', { type: 'ordinal' }).select(n)] ?? 'th'}`;
}

/** A count written for the locale (1,825). */
export function formatCount(n: number, locale: Locale): string {
  return numberFormat(INTL_LOCALE[locale]).format(n);
}
