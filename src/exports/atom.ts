import { dropNonXmlCharacters } from '../domain/control-characters.js';
import { DIRECTION_NAMES_JA } from '../domain/direction.js';
import { licenceNotice } from '../domain/licence.js';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import { TRANSLATION_LOCALES } from '../domain/translation.js';
import type { ExportContext, Exporter } from './exporter.js';
import { eventIdentifier, feedIdentifier, scopeOf } from './identifiers.js';

/** Entries in the feed: the newest published events. */
export const FEED_LENGTH = 50;

/** Text as XML character data or an attribute value: escaped, and without the characters XML 1.0 forbids. */
const escapeXml = (s: string): string =>
  dropNonXmlCharacters(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

interface Entry {
  p: Partnership;
  e: ExchangeEvent;
  id: number | undefined;
  publishedAt: string;
  /** When the event last changed, never before publishedAt: the entry's `updated` (RFC 4287 §4.2.15). */
  updatedAt: string;
}

/** Events by publication, newest first; without publication times every event counts as published now. */
function newestEntries(partnerships: readonly Partnership[], context: ExportContext, now: string): Entry[] {
  const entries = partnerships.flatMap((p) =>
    p.events.map((e): Entry => {
      const known = context.events?.get(e);
      const publishedAt = known?.publishedAt ?? now;
      const updatedAt = known?.updatedAt && known.updatedAt > publishedAt ? known.updatedAt : publishedAt;
      return { p, e, id: known?.id, publishedAt, updatedAt };
    }),
  );
  entries.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : (b.id ?? 0) - (a.id ?? 0)));
  return entries.slice(0, FEED_LENGTH);
}

/** The entry's id, which a feed reader keeps to know an entry it has seen (see identifiers.ts). */
const entryId = (x: Entry, site: string | undefined): string => eventIdentifier(x.p, x.e, x.id, site);

const XHTML = 'http://www.w3.org/1999/xhtml';

/** The event's text as the document wrote it (Japanese), then each translation in its language. */
function writeContent(x: Entry, summary: string): string {
  const translations = TRANSLATION_LOCALES.flatMap((l) => {
    const text = x.e.translations?.[l];
    return text ? [`<p xml:lang="${l}">${escapeXml(text)}</p>`] : [];
  });
  return `<content type="xhtml"><div xmlns="${XHTML}"><p>${escapeXml(summary)}</p>${translations.join('')}</div></content>`;
}

/** An entry: `content` always (RFC 4287 §4.1.1 asks for it, or an alternate link, which it has when the site is known). */
function writeEntry(x: Entry, site: string | undefined): string {
  const when = x.e.date ?? `${x.e.year}年`;
  const summary = `${when} ${DIRECTION_NAMES_JA[x.e.direction]}（${x.p.home}・${x.p.partner}）${x.e.text}`;
  const link = x.id !== undefined && site ? `\n    <link rel="alternate" type="text/html" href="${escapeXml(`${site}events/${x.id}`)}"/>` : '';
  return `  <entry>
    <id>${escapeXml(entryId(x, site))}</id>
    <title>${escapeXml(`${x.p.partner}：${x.e.text}`)}</title>
    <published>${escapeXml(x.publishedAt)}</published>
    <updated>${escapeXml(x.updatedAt)}</updated>${link}
    <category term="${x.e.direction}" label="${escapeXml(DIRECTION_NAMES_JA[x.e.direction])}"/>
    <summary xml:lang="ja">${escapeXml(summary)}</summary>
    ${writeContent(x, summary)}
  </entry>`;
}

/** Home municipalities named in a feed's title, at most this many; the rest are counted. */
const HOMES_NAMED = 3;

/** `金沢市`, `金沢市・富山市`, or for a prefecture's or a country's record `金沢市・富山市・高岡市ほか42自治体`. */
export function homesNamed(homes: readonly string[]): string {
  if (homes.length <= HOMES_NAMED) return homes.join('・');
  return `${homes.slice(0, HOMES_NAMED).join('・')}ほか${homes.length - HOMES_NAMED}自治体`;
}

/**
 * An Atom 1.0 feed (RFC 4287) of the newest published events, carrying the licence as `rights`. Each entry is
 * `published` when the event became public and `updated` when it last changed, so a reader sees a correction; the
 * feed is `updated` when its newest entry was.
 */
export function writeAtom(partnerships: readonly Partnership[], context: ExportContext = {}): string {
  const now = context.generatedAt ?? new Date().toISOString();
  const site = context.siteUrl;
  const entries = newestEntries(partnerships, context, now);
  // The feed changed when its newest entry did: a correction of a published event moves it too.
  const updated = entries.reduce((max, x) => (x.updatedAt > max ? x.updatedAt : max), entries.length > 0 ? entries[0]!.updatedAt : now);
  const homes = homesNamed([...new Set(context.homes ?? partnerships.map((p) => p.home))]);
  const author = context.licence?.attribution ?? (homes || 'Koryu');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>${escapeXml(feedIdentifier(site, scopeOf(partnerships, context)))}</id>`,
    `  <title>${escapeXml(`${homes ? `${homes} ` : ''}国際交流の記録：新着の交流`)}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    ...(site ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(`${site}feed.atom`)}"/>`, `  <link rel="alternate" type="text/html" href="${escapeXml(site)}"/>`] : []),
    ...(context.licence ? [`  <rights>${escapeXml(licenceNotice(context.licence))}</rights>`, `  <link rel="license" href="${escapeXml(context.licence.url)}"/>`] : []),
    `  <generator>Koryu</generator>`,
    ...entries.map((x) => writeEntry(x, site)),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

export const atomExporter: Exporter<string> = {
  format: 'atom',
  contentType: 'application/atom+xml; charset=utf-8',
  extension: 'atom',
  label: 'Atom',
  publications: true,
  write: writeAtom,
};
