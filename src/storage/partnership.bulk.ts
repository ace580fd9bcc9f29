import type { Kysely } from 'kysely';
import type { ChangeSummary, Partnership } from '../domain/partnership.js';
import { normalizeForSearch } from '../domain/search-text.js';
import type { BulkColumn, BulkWriter, Database } from './database.js';
import type { StoredPhotoLink } from './knowledge.repository.js';
import { checkLinks, storedTranslations } from './partnership.repository.js';
import type { SearchIndexBatch } from './search.index.js';

/** A partnership that is not stored yet, with what is known of it besides its items. */
export interface NewPartnership {
  partnership: Partnership;
  /** The imported file. */
  source: string;
  /** Per record (by index): how sure the link to its event is. */
  links: readonly StoredPhotoLink[];
  /** Per event (by index): its suggested fields of exchange. */
  fields: readonly (readonly string[])[];
}

/** Rows per `in (…)` list when looking up which partnerships are stored. */
const KEY_CHUNK = 500;

const PARTNERSHIP_COLUMNS: BulkColumn[] = [
  ['home', 'text'], ['partner', 'text'], ['kind', 'text'], ['affiliated_on', 'text'], ['source', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
];
const EVENT_COLUMNS: BulkColumn[] = [
  ['partnership_id', 'integer'], ['position', 'integer'], ['year', 'integer'], ['date', 'text'], ['direction', 'text'], ['text', 'text'],
  ['search_text', 'text'], ['line', 'integer'], ['created_at', 'text'], ['updated_at', 'text'],
];
const RECORD_COLUMNS: BulkColumn[] = [
  ['partnership_id', 'integer'], ['position', 'integer'], ['year', 'integer'], ['caption', 'text'], ['search_text', 'text'], ['event_id', 'integer'],
  ['line', 'integer'], ['photo', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
];
const TRANSLATION_COLUMNS: BulkColumn[] = [['item_kind', 'text'], ['item_id', 'integer'], ['locale', 'text'], ['text', 'text'], ['updated_at', 'text']];
const YEAR_COLUMNS: BulkColumn[] = [['partnership_id', 'integer'], ['year', 'integer'], ['no_exchange', 'integer']];
const FIELD_COLUMNS: BulkColumn[] = [['event_id', 'integer'], ['field', 'text'], ['source', 'text']];
const LINK_COLUMNS: BulkColumn[] = [['record_id', 'integer'], ['confidence', 'real'], ['confirmed', 'integer'], ['updated_at', 'text']];

/** The (home, partner) keys among `keys` that the store holds, as `home\u0000partner`. */
export async function findStoredPartnershipKeys(db: Kysely<Database>, keys: readonly { home: string; partner: string }[]): Promise<Set<string>> {
  const stored = new Set<string>();
  const homes = [...new Set(keys.map((k) => k.home))];
  for (let i = 0; i < homes.length; i += KEY_CHUNK) {
    const rows = await db.selectFrom('partnerships').select(['home', 'partner']).where('home', 'in', homes.slice(i, i + KEY_CHUNK)).execute();
    for (const row of rows) stored.add(partnershipKey(row));
  }
  return stored;
}

export function partnershipKey(p: { home: string; partner: string }): string {
  return `${p.home}\u0000${p.partner}`;
}

/**
 * Inserts partnerships that are not stored yet (distinct, none of them in the store) with their events, records,
 * translations, no-exchange years, photo links and suggested fields, table by table in bulk: the rows and ids are
 * those savePartnership would give them one partnership after the other. The items go into `index`.
 */
export async function insertNewPartnerships(
  db: Kysely<Database>,
  writer: BulkWriter,
  items: readonly NewPartnership[],
  index: SearchIndexBatch,
): Promise<ChangeSummary[]> {
  if (items.length === 0) return [];
  for (const item of items) checkLinks(item.partnership);
  const now = new Date().toISOString();
  const ids = await writer.insertWithIds(
    db,
    'partnerships',
    PARTNERSHIP_COLUMNS,
    items.map(({ partnership: p, source }) => [p.home, p.partner, p.kind, p.affiliatedOn, source, now, now]),
  );

  const eventRows: unknown[][] = [];
  const eventYears: number[] = [];
  for (const [n, { partnership: p }] of items.entries()) {
    for (const [position, e] of p.events.entries()) {
      eventRows.push([ids[n], position, e.year, e.date, e.direction, e.text, normalizeForSearch(e.text), e.line, now, now]);
      eventYears.push(e.year);
    }
  }
  const eventIds = await writer.insertWithIds(db, 'events', EVENT_COLUMNS, eventRows);
  eventIds.forEach((id, i) => index.add('event', id, eventYears[i]!, eventRows[i]![6] as string));

  const recordRows: unknown[][] = [];
  let firstEvent = 0;
  for (const [n, { partnership: p }] of items.entries()) {
    for (const [position, r] of p.records.entries()) {
      const eventId = r.event === null ? null : eventIds[firstEvent + r.event]!;
      recordRows.push([ids[n], position, r.year, r.caption, normalizeForSearch(r.caption), eventId, r.line, r.photo ?? null, now, now]);
    }
    firstEvent += p.events.length;
  }
  const recordIds = await writer.insertWithIds(db, 'photo_records', RECORD_COLUMNS, recordRows);
  recordIds.forEach((id, i) => index.add('record', id, recordRows[i]![2] as number, recordRows[i]![4] as string));

  const translationRows: unknown[][] = [];
  const yearRows: unknown[][] = [];
  const fieldRows: unknown[][] = [];
  const linkRows: unknown[][] = [];
  let event = 0;
  let record = 0;
  for (const [n, item] of items.entries()) {
    const p = item.partnership;
    for (const [i, e] of p.events.entries()) {
      const id = eventIds[event + i]!;
      for (const [locale, text] of storedTranslations(e.translations)) translationRows.push(['event', id, locale, text, now]);
      for (const field of new Set(item.fields[i] ?? [])) fieldRows.push([id, field, 'suggested']);
    }
    for (const [i, r] of p.records.entries()) {
      const id = recordIds[record + i]!;
      for (const [locale, text] of storedTranslations(r.translations)) translationRows.push(['record', id, locale, text, now]);
      const link = item.links[i];
      if (link) linkRows.push([id, link.confidence, link.confirmed ? 1 : 0, now]);
    }
    for (const year of new Set(p.noExchangeYears)) yearRows.push([ids[n], year, 1]);
    event += p.events.length;
    record += p.records.length;
  }
  await writer.insert(db, 'translations', TRANSLATION_COLUMNS, translationRows);
  await writer.insert(db, 'exchange_years', YEAR_COLUMNS, yearRows);
  await writer.insert(db, 'photo_links', LINK_COLUMNS, linkRows);
  await writer.insert(db, 'event_fields', FIELD_COLUMNS, fieldRows);

  return items.map(({ partnership: p }) => {
    const years = new Set(p.noExchangeYears).size;
    return {
      home: p.home,
      partner: p.partner,
      created: true,
      detailsChanged: false,
      added: { events: p.events.length, records: p.records.length, years },
      changed: { events: 0, records: 0, years: 0 },
      removed: { events: 0, records: 0, years: 0 },
    };
  });
}
