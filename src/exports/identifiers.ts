import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import type { ExportContext } from './exporter.js';

/**
 * The identifiers every export gives the same thing (the Atom feed's entry ids, JSON-LD's @id): with the public
 * site's URL (ending in /), URLs on the site; without it, `urn:koryu:` URNs, so each is still absolute and a
 * consumer of both formats can join them. Names are percent-encoded.
 */

/** FNV-1a (32 bits) in hex: a short fingerprint of an event's own values, for an event the store gave no id. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of text) {
    hash ^= unit.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * An exchange: with the site's URL, the event page's URL; otherwise a URN of the home municipality and the stored
 * event's id, which an edit or a re-import keeping the event keeps. An event the store gave no id (one of a
 * document) is named by its own values, so the events around it do not change it.
 */
export function eventIdentifier(p: Pick<Partnership, 'home' | 'partner'>, e: ExchangeEvent, id: number | undefined, site: string | undefined): string {
  if (id !== undefined && site) return `${site}events/${id}`;
  const home = encodeURIComponent(p.home);
  if (id !== undefined) return `urn:koryu:event:${home}:${id}`;
  const own = [p.partner, e.year, e.date ?? '', e.direction, e.text].join('\u0000');
  return `urn:koryu:event:${home}:${encodeURIComponent(p.partner)}:${e.year}-${fingerprint(own)}`;
}

/** A city, by its name. */
export const placeIdentifier = (name: string, site: string | undefined): string =>
  site ? `${site}#place-${encodeURIComponent(name)}` : `urn:koryu:place:${encodeURIComponent(name)}`;

/** A partnership, by its two cities (what stays when partnerships are added before it). */
export const partnershipIdentifier = (p: Pick<Partnership, 'home' | 'partner'>, site: string | undefined): string =>
  site
    ? `${site}#partnership-${encodeURIComponent(p.home)}-${encodeURIComponent(p.partner)}`
    : `urn:koryu:partnership:${encodeURIComponent(p.home)}:${encodeURIComponent(p.partner)}`;

/**
 * What an export is of: the whole record of a site, named by the site's own home municipality (KORYU_HOME), or one
 * partnership, by its stored id (which edits and re-imports keep) and its home. Not by the list of the record's
 * homes: that grows as homes are added, and an Atom feed's id must never change (RFC 4287 §4.2.6), nor a cited
 * dataset's.
 */
export type ExportScope = { site: string } | { partnershipId: number; home: string };

const scopeUrn = (scope: ExportScope): string =>
  'partnershipId' in scope ? `${encodeURIComponent(scope.home)}:partnership:${scope.partnershipId}` : encodeURIComponent(scope.site);

/** The dataset of JSON-LD: the whole record's, or one partnership's (its page's dataset). */
export const datasetIdentifier = (site: string | undefined, scope: ExportScope): string =>
  site ? ('partnershipId' in scope ? `${site}partnerships/${scope.partnershipId}#dataset` : `${site}#dataset`) : `urn:koryu:dataset:${scopeUrn(scope)}`;

/** The Atom feed: the whole record's (/feed.atom), or one partnership's (its download). */
export const feedIdentifier = (site: string | undefined, scope: ExportScope): string =>
  site ? ('partnershipId' in scope ? `${site}partnerships/${scope.partnershipId}/downloads/atom` : `${site}feed.atom`) : `urn:koryu:feed:${scopeUrn(scope)}`;

/**
 * The scope of an export of `partnerships` under `context`: one partnership when the context names it, else the
 * whole record, named by the site's home (`siteHome`); a caller that gives none (a document's export) names it by
 * the first home of the record.
 */
export function scopeOf(partnerships: readonly Pick<Partnership, 'home'>[], context: Pick<ExportContext, 'partnershipId' | 'homes' | 'siteHome'>): ExportScope {
  if (context.partnershipId !== undefined && partnerships.length === 1) return { partnershipId: context.partnershipId, home: partnerships[0]!.home };
  return { site: context.siteHome ?? context.homes?.[0] ?? partnerships[0]?.home ?? '' };
}
