import { yearsOf, type PartnershipTotals, type StoredPartnership } from '../../../domain/partnership.js';

type StoredEvent = StoredPartnership['events'][number];
type StoredRecord = StoredPartnership['records'][number];

/** A partnership as the API gives it: its totals as they are (the response schema, partnershipSchema, names the fields sent). */
export function presentPartnership(p: PartnershipTotals): PartnershipTotals {
  return p;
}

export function presentYears(p: StoredPartnership) {
  return yearsOf(p).map((y) => ({ year: y.year, noExchange: y.noExchange, events: y.events.length, records: y.records.length }));
}

export function presentEvent(p: StoredPartnership, e: StoredEvent) {
  const index = p.events.indexOf(e);
  return {
    id: e.id,
    partnershipId: p.id,
    year: e.year,
    date: e.date,
    direction: e.direction,
    text: e.text,
    ...(e.translations ? { translations: e.translations } : {}),
    records: p.records.filter((r) => r.event === index).map((r) => r.id),
  };
}

export function presentRecord(p: StoredPartnership, r: StoredRecord) {
  return {
    id: r.id,
    partnershipId: p.id,
    year: r.year,
    caption: r.caption,
    ...(r.translations ? { translations: r.translations } : {}),
    eventId: r.event === null ? null : (p.events[r.event]?.id ?? null),
  };
}

/** One page of `items`, with the URL of the next page made from the request's own. */
export function page<T>(all: readonly T[], limit: number, offset: number, url: string) {
  return paged(all.slice(offset, offset + limit), all.length, limit, offset, url);
}

export function paged<T>(items: readonly T[], total: number, limit: number, offset: number, url: string) {
  let next: string | null = null;
  if (offset + limit < total) {
    const u = new URL(url, 'http://x');
    u.searchParams.set('offset', String(offset + limit));
    u.searchParams.set('limit', String(limit));
    next = `${u.pathname}${u.search}`;
  }
  return { items, total, limit, offset, next };
}
