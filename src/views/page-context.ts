import type { Licence } from '../domain/licence.js';
import type { PlaceNames } from '../domain/place-name.js';
import { LOCALES, type Locale } from './i18n/locale.js';

/** What every view needs to know about the request it renders. */
export interface PageContext {
  locale: Locale;
  /** True when the URL named the language (/en/…); false when it came from Accept-Language. */
  explicitLocale: boolean;
  /** The path without its language prefix, e.g. /partnerships/1. */
  path: string;
  /** The query string of the request, without `?` (kept by the language switch). */
  query: string;
  home: string;
  /** Version of the style sheet, for a URL that can be cached for ever. */
  assetVersion: string;
  /** The terms of use shown in the footer, when the site publishes its data under one. */
  licence?: Licence;
  /** Names of places in the readers' languages (English and Chinese pages); views show them through parts.tsx `Place`. */
  places?: PlaceNames;
  /** The public site's absolute URL ending in / (KORYU_SITE_URL), for the canonical address; unset: site-absolute. */
  siteUrl?: string;
}

/** A link within the site in the reader's language: /en/partnerships/1 for English; unprefixed paths stay as they are for ja. */
export function localHref(ctx: Pick<PageContext, 'locale' | 'explicitLocale'>, path: string): string {
  return ctx.explicitLocale || ctx.locale !== 'ja' ? `/${ctx.locale}${path === '/' ? '/' : path}` : path;
}

/** The same page in another language. */
export function switchHref(ctx: PageContext, locale: Locale): string {
  const base = `/${locale}${ctx.path === '/' ? '/' : ctx.path}`;
  return ctx.query ? `${base}?${ctx.query}` : base;
}

/**
 * The page's canonical address (`<link rel="canonical">`): in its language's prefix whichever address it was reached
 * by (/events/3 shown in English is /en/events/3), without the query that filters a page (a timeline's years are a
 * view of one page), except the search's, whose query is the page. Absolute when the site's URL is known.
 */
export function canonicalHref(ctx: PageContext): string {
  const path = `/${ctx.locale}${ctx.path === '/' ? '/' : ctx.path}${ctx.path === '/search' && ctx.query ? `?${ctx.query}` : ''}`;
  return ctx.siteUrl ? new URL(path.slice(1), ctx.siteUrl).href : path;
}

export const OTHER_LOCALES = (locale: Locale): Locale[] => LOCALES.filter((l) => l !== locale);
