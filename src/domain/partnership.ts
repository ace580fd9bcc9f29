import type { Direction } from './direction.js';
import type { Translations } from './translation.js';

/** One exchange: who went or came, in a year, as one line of the timeline. */
export interface ExchangeEvent {
  year: number;
  /** ISO date (YYYY-MM-DD), or YYYY-MM when the document names only the month; null when none is given. */
  date: string | null;
  direction: Direction;
  text: string;
  /** Source line in the imported document; null for data entered by hand. */
  line: number | null;
  /** The text in other languages, where someone has translated it. */
  translations?: Translations;
}

/** A caption of the photo-record section (交流の記録), optionally showing one event. */
export interface PhotoRecord {
  year: number;
  caption: string;
  /** Index of the event it shows in the partnership's `events`, or null. */
  event: number | null;
  line: number | null;
  /** Stored photo name, when one is attached. */
  photo?: string | null;
  translations?: Translations;
}

/** The record of a home municipality's exchanges with one partner city. */
export interface Partnership {
  home: string;
  partner: string;
  /** The kind as the document names it: 姉妹都市, 友好都市, 友好交流都市 … */
  kind: string;
  /** ISO date of the affiliation (提携), or null when the document does not give it. */
  affiliatedOn: string | null;
  /** Years the document marks explicitly as having no exchange (`—`). */
  noExchangeYears: number[];
  events: ExchangeEvent[];
  records: PhotoRecord[];
  /**
   * True when `records` are only the captions an event table's photo column lists (the events CSV imported without
   * its photo-record table): such a column names only the records that show an event, each under its event's year,
   * so it cannot say what the stored records are. A re-import matches each caption to a stored record (which keeps
   * its year, photo and translations), adds the others, and keeps every stored record it does not name
   * (mergeListedRecords). Absent: `records` are the partnership's whole list.
   */
  recordsListedByEvents?: true;
}

/** One year of a partnership's timeline, as it is shown. */
export interface ExchangeYear<E extends ExchangeEvent = ExchangeEvent, R extends PhotoRecord = PhotoRecord> {
  year: number;
  noExchange: boolean;
  events: E[];
  records: R[];
}

/** The years of a partnership in order, each with its events and records; no-exchange years included. */
export function yearsOf<E extends ExchangeEvent, R extends PhotoRecord>(p: {
  events: readonly E[];
  records: readonly R[];
  noExchangeYears: readonly number[];
}): ExchangeYear<E, R>[] {
  const byYear = new Map<number, ExchangeYear<E, R>>();
  const at = (year: number): ExchangeYear<E, R> => {
    let y = byYear.get(year);
    if (!y) {
      y = { year, noExchange: false, events: [], records: [] };
      byYear.set(year, y);
    }
    return y;
  };
  for (const e of p.events) at(e.year).events.push(e);
  for (const r of p.records) at(r.year).records.push(r);
  for (const year of p.noExchangeYears) at(year).noExchange = true;
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The first and last years of a partnership's record; see yearSpan. */
export interface YearSpan {
  first: number;
  last: number;
}

/**
 * The first and last years of a partnership's record, as its page shows them (年〜年) and lists its years (yearsOf):
 * those of its events, its photo records and its years marked as having no exchange; null when it has none. The
 * read API's firstYear and lastYear and the JSON-LD's temporalCoverage are these.
 */
export function yearSpan(p: { events: readonly { year: number }[]; records: readonly { year: number }[]; noExchangeYears: readonly number[] }): YearSpan | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const take = (year: number) => {
    if (year < first) first = year;
    if (year > last) last = year;
  };
  for (const e of p.events) take(e.year);
  for (const r of p.records) take(r.year);
  for (const year of p.noExchangeYears) take(year);
  return first <= last ? { first, last } : null;
}

/** The fiscal year (年度, April to March) of an ISO date. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** A partnership as the store holds it: the same record, with the identities that links and history need. */
export interface StoredPartnership extends Partnership {
  id: number;
  events: (ExchangeEvent & { id: number })[];
  records: (PhotoRecord & { id: number })[];
  updatedAt: string;
}

/** A stored partnership's details and totals, as the read API lists it: what PartnershipTotals gives without its events. */
export interface PartnershipTotals {
  id: number;
  home: string;
  partner: string;
  kind: string;
  affiliatedOn: string | null;
  events: number;
  records: number;
  /** The first and last years of its record (yearSpan: events, photo records, no-exchange years); null without any. */
  firstYear: number | null;
  lastYear: number | null;
  /** Years marked as having no exchange, ascending. */
  noExchangeYears: number[];
  updatedAt: string;
}

/** The totals of a partnership read whole. */
export function totalsOf(p: StoredPartnership): PartnershipTotals {
  const span = yearSpan(p);
  return {
    id: p.id,
    home: p.home,
    partner: p.partner,
    kind: p.kind,
    affiliatedOn: p.affiliatedOn,
    events: p.events.length,
    records: p.records.length,
    firstYear: span?.first ?? null,
    lastYear: span?.last ?? null,
    noExchangeYears: [...p.noExchangeYears].sort((a, b) => a - b),
    updatedAt: p.updatedAt,
  };
}

/** A stored partnership as the home page lists it: its details and how many events it has, without the events. */
export interface PartnershipSummary {
  id: number;
  home: string;
  partner: string;
  kind: string;
  affiliatedOn: string | null;
  /** Years with at least one published event, ascending. */
  activeYears: number[];
  /** Published events per direction (directions without events are absent). */
  eventCounts: Partial<Record<Direction, number>>;
}

/** A partnership's own fields an import may change. */
export interface PartnershipDetails {
  kind: string;
  affiliatedOn: string | null;
}

/** The kind a partnership is created with when its document names none (a sheet without a 種別 column). */
export const DEFAULT_KIND = '交流都市';

/**
 * The kind a partnership is created with: the document's, or DEFAULT_KIND when it names none (''). Only creation
 * takes the default: importing a document that names no kind over a stored partnership keeps the stored kind
 * (detailsAfterImport).
 */
export function kindOnCreation(kind: string): string {
  return kind === '' ? DEFAULT_KIND : kind;
}

/**
 * The kind and affiliation date a stored partnership keeps after importing a document: the document's where it
 * gives them, the stored ones where it leaves them out (no affiliation line, no kind). A document that does not
 * say when the affiliation was signed is no statement that nobody knows; staff clear a date on the edit form.
 */
export function detailsAfterImport(stored: PartnershipDetails, document: PartnershipDetails): PartnershipDetails {
  return { kind: document.kind === '' ? stored.kind : document.kind, affiliatedOn: document.affiliatedOn ?? stored.affiliatedOn };
}

/** What an import or an edit did to one partnership. */
export interface ChangeCounts {
  events: number;
  records: number;
  years: number;
}

export interface ChangeSummary {
  home: string;
  partner: string;
  /** True when the partnership did not exist before. */
  created: boolean;
  /** True when the partnership's own fields (kind, affiliation date) changed. */
  detailsChanged: boolean;
  /** The kind and affiliation date before and after, when they changed (detailsChanged) in a stored partnership. */
  details?: { before: PartnershipDetails; after: PartnershipDetails };
  added: ChangeCounts;
  changed: ChangeCounts;
  removed: ChangeCounts;
  /** The stored events and photo records the document no longer holds, as they read (absent when none). */
  removedItems?: RemovedItem[];
  /** The stored events and photo records the import changes in what they read (year, date, direction, text), before and after (absent when none). */
  changedItems?: ChangedItem[];
}

/** An event or photo record as the import preview shows it: its year, date and direction (events), text or caption. */
export interface ItemReading {
  year: number;
  date?: string | null;
  direction?: Direction;
  text: string;
}

/** An event or photo record an import changes: how it reads before and after. */
export interface ChangedItem {
  kind: 'event' | 'record';
  before: ItemReading;
  after: ItemReading;
}

/** An event or photo record an import removes: its kind, year and text (or caption). */
export interface RemovedItem {
  kind: 'event' | 'record';
  year: number;
  text: string;
}

export function isUnchanged(s: ChangeSummary): boolean {
  const zero = (c: ChangeCounts) => c.events === 0 && c.records === 0 && c.years === 0;
  return !s.created && !s.detailsChanged && zero(s.added) && zero(s.changed) && zero(s.removed);
}
