import { DIRECTION_NAMES_JA } from '../domain/direction.js';
import { eraLabel, eraLabelOfDate } from '../domain/era.js';
import { licenceNotice, type Licence } from '../domain/licence.js';
import { fiscalYearOf, type ExchangeEvent, type Partnership } from '../domain/partnership.js';
import {
  EVENT_COLUMNS,
  NO_EXCHANGE_CODE,
  NO_EXCHANGE_LABEL,
  RECORD_COLUMNS,
  RECORDS_SEPARATOR,
  type EventColumnKey,
  type RecordColumnKey,
} from '../domain/sheet-columns.js';

/** A cell of the spreadsheets: text, a whole number, or empty. */
export type Cell = string | number | null;

export const EVENT_HEADERS: readonly string[] = EVENT_COLUMNS.map((c) => c.headers[0]);
export const RECORD_HEADERS: readonly string[] = RECORD_COLUMNS.map((c) => c.headers[0]);

const eventRow = (values: Partial<Record<EventColumnKey, Cell>>): Cell[] => EVENT_COLUMNS.map((c) => values[c.key] ?? null);
const recordRow = (values: Partial<Record<RecordColumnKey, Cell>>): Cell[] => RECORD_COLUMNS.map((c) => values[c.key] ?? null);

/**
 * The 和暦 of an event's row: its date's era year when the date is known and falls in the event's year (2019-11-23:
 * 令和元年, 1989-02-25: 平成元年, as the event page says), a month's when one era holds the whole month (2019-05:
 * 令和元年); otherwise the year's label (平成31年/令和元年). The importer reads each of them as the event's year.
 */
export function eventEraLabel(e: Pick<ExchangeEvent, 'year' | 'date'>): string {
  if (!e.date?.startsWith(`${e.year}-`)) return eraLabel(e.year);
  if (e.date.length === 10) return eraLabelOfDate(e.date);
  const month = Number(e.date.slice(5, 7));
  const lastDay = new Date(Date.UTC(e.year, month, 0)).getUTCDate();
  const first = eraLabelOfDate(`${e.date}-01`);
  return first === eraLabelOfDate(`${e.date}-${lastDay}`) ? first : eraLabel(e.year);
}

/** A partnership whose events may be stored ones, with the id of /events/ID (a document's events have none). */
export type SheetPartnership = Omit<Partnership, 'events'> & { events: readonly (ExchangeEvent & { id?: number })[] };

/**
 * One row per event in the record's order, and one row for each year marked as having no exchange (direction
 * code `none`), placed before the first event of a later year. `No.` numbers the partnership's events from 1;
 * the photo-record table refers to them. `ID` is the stored event's id (blank for an event of a document), which
 * stays when events are added or removed around it and names it across the exports and the read API.
 */
export function eventRows(p: SheetPartnership, licence?: Licence): Cell[][] {
  const notice = licence ? licenceNotice(licence) : null;
  const common = { home: p.home, partner: p.partner, kind: p.kind, affiliatedOn: p.affiliatedOn, licence: notice };
  const rows: Cell[][] = [];
  const pending = [...p.noExchangeYears].sort((a, b) => a - b);
  const flushBefore = (year: number) => {
    while (pending.length > 0 && pending[0]! < year) {
      const y = pending.shift()!;
      rows.push(eventRow({ ...common, year: y, era: eraLabel(y), direction: NO_EXCHANGE_CODE, directionLabel: NO_EXCHANGE_LABEL }));
    }
  };
  p.events.forEach((e, i) => {
    flushBefore(e.year);
    const captions = p.records.filter((r) => r.event === i).map((r) => r.caption);
    rows.push(
      eventRow({
        ...common,
        no: i + 1,
        id: e.id ?? null,
        year: e.year,
        era: eventEraLabel(e),
        fiscalYear: e.date ? fiscalYearOf(e.date) : null,
        date: e.date,
        direction: e.direction,
        directionLabel: DIRECTION_NAMES_JA[e.direction],
        text: e.text,
        en: e.translations?.en ?? null,
        zh: e.translations?.zh ?? null,
        records: captions.length > 0 ? captions.join(RECORDS_SEPARATOR) : null,
      }),
    );
  });
  flushBefore(Number.POSITIVE_INFINITY);
  return rows;
}

/** One row per photo record, in order, with the number, text and stored id of the event it shows. */
export function recordRows(p: SheetPartnership, licence?: Licence): Cell[][] {
  const notice = licence ? licenceNotice(licence) : null;
  return p.records.map((r) =>
    recordRow({
      home: p.home,
      partner: p.partner,
      kind: p.kind,
      year: r.year,
      era: eraLabel(r.year),
      caption: r.caption,
      en: r.translations?.en ?? null,
      zh: r.translations?.zh ?? null,
      event: r.event === null ? null : r.event + 1,
      eventText: r.event === null ? null : (p.events[r.event]?.text ?? null),
      eventId: r.event === null ? null : (p.events[r.event]?.id ?? null),
      licence: notice,
    }),
  );
}
