import type { Kysely } from 'kysely';
import type { ExchangeField } from '../domain/exchange-field.js';
import { kindOnCreation, type ChangeSummary, type Partnership } from '../domain/partnership.js';
import { searchableText } from '../domain/search-text.js';
import type { BulkColumn, BulkWriter, Database } from './database.js';
import { fieldBits, type StoredPhotoLink } from './knowledge.repository.js';
import { checkLinks, storedTranslations } from './partnership.repository.js';
import type { SearchIndexBatch } from './search.index.js';
import { searchTextColumn } from './search-text.column.js';

/** A partnership that is not stored yet, with what is known of it besides its items. */
export interface NewPartnership {
  partnership: Partnership;
  /** The imported file. */
  source: string;
  /** Per record (by index): how sure the link to its event is. */
  links: readonly StoredPhotoLink[];
  /** Per event (by index): its suggested fields of exchange. */
  fields: readonly (readonly ExchangeField[])[];
}

/** Rows per `in (…)` list when looking up which partnerships are stored. */
const KEY_CHUNK = 500;

const PARTNERSHIP_COLUMNS: BulkColumn[] = [
  ['id', 'integer'], ['home', 'text'], ['partner', 'text'], ['kind', 'text'], ['affiliated_on', 'text'], ['source', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
];
const EVENT_COLUMNS: BulkColumn[] = [
  ['id', 'integer'], ['partnership_id', 'integer'], ['position', 'integer'], ['year', 'integer'], ['date', 'text'], ['direction', 'text'], ['text', 'text'],
  ['search_text', 'text'], ['line', 'integer'], ['created_at', 'text'], ['updated_at', 'text'], ['fields', 'integer'], ['fields_source', 'text'],
];
const RECORD_COLUMNS: BulkColumn[] = [
  ['id', 'integer'], ['partnership_id', 'integer'], ['position', 'integer'], ['year', 'integer'], ['caption', 'text'], ['search_text', 'text'], ['event_id', 'integer'],
  ['line', 'integer'], ['photo', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
];
const TRANSLATION_COLUMNS: BulkColumn[] = [['item_kind', 'text'], ['item_id', 'integer'], ['locale', 'text'], ['text', 'text'], ['updated_at', 'text']];
const YEAR_COLUMNS: BulkColumn[] = [['partnership_id', 'integer'], ['year', 'integer'], ['no_exchange', 'integer']];
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

/** The tables insertNewPartnerships writes rows to. */
export const BULK_TABLES = ['partnerships', 'events', 'photo_records', 'translations', 'exchange_years', 'photo_links'] as const satisfies readonly (keyof Database)[];

/**
 * Inserts partnerships that are not stored yet (distinct, none of them in the store) with their events, records,
 * translations, no-exchange years, photo links and suggested fields, table by table in bulk: the rows and ids are
 * those savePartnership would give them one partnership after the other. The items go into `index`.
 *
 * The ids are taken first; then, step by step (`writer.partnershipsPerStep` at a time), partnerships are prepared
 * (`prepare`: their links and fields), their rows built and their inserts queued, so that PostgreSQL writes one
 * step while the next is prepared (on SQLite each insert runs at once). Returns once every insert is queued:
 * `written` settles when they are written, and the caller must await it before its transaction ends (a failed
 * insert rejects it; on PostgreSQL the transaction's later queries fail too, on SQLite they go on and the rollback
 * undoes them). When this throws, every insert it queued has settled.
 */
export async function insertNewPartnerships(
  db: Kysely<Database>,
  writer: BulkWriter,
  partnerships: readonly { partnership: Partnership; source: string }[],
  index: SearchIndexBatch,
  prepare: (p: Partnership, source: string) => NewPartnership,
): Promise<{ summaries: ChangeSummary[]; written: Promise<unknown> }> {
  if (partnerships.length === 0) return { summaries: [], written: Promise.resolve() };
  const items = partnerships;
  // The links a document gives, checked before anything is written (the proposed ones are valid by construction).
  for (const item of items) checkLinks(item.partnership);
  const now = new Date().toISOString();
  const ids = await writer.reserveIds(db, 'partnerships', items.length);
  const eventIds = await writer.reserveIds(db, 'events', items.reduce((n, item) => n + item.partnership.events.length, 0));
  const recordIds = await writer.reserveIds(db, 'photo_records', items.reduce((n, item) => n + item.partnership.records.length, 0));

  // The index first: every item's normalized text goes into it before any row is built, so that a batch with a
  // worker lays out its rows while this thread builds and writes the others.
  const eventTexts: string[] = [];
  const recordTexts: string[] = [];
  for (const { partnership: p } of items) {
    for (const e of p.events) {
      const text = searchableText(e.text, e.translations);
      index.add('event', eventIds[eventTexts.length]!, e.year, text);
      eventTexts.push(text);
    }
    for (const r of p.records) {
      const text = searchableText(r.caption, r.translations);
      index.add('record', recordIds[recordTexts.length]!, r.year, text);
      recordTexts.push(text);
    }
  }
  index.startLayOut();

  const writes: Promise<void>[] = [];
  const queue = (table: keyof Database, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]) => {
    if (rows.length === 0) return;
    const write = writer.insert(db, table, columns, rows);
    // Awaited below, all together; a failure also fails every later query of the transaction.
    write.catch(() => {});
    writes.push(write);
  };
  let event = 0;
  let record = 0;
  const stepSize = Math.max(1, writer.partnershipsPerStep);
  try {
    for (let first = 0; first < items.length; first += stepSize) {
      const step = items.slice(first, first + stepSize).map(({ partnership, source }) => prepare(partnership, source));
      for (const item of step) checkLinks(item.partnership);
      const partnershipRows: unknown[][] = [];
      const eventRows: unknown[][] = [];
      const recordRows: unknown[][] = [];
      const translationRows: unknown[][] = [];
      const yearRows: unknown[][] = [];
      const linkRows: unknown[][] = [];
      for (const [k, item] of step.entries()) {
        const p = item.partnership;
        const id = ids[first + k]!;
        partnershipRows.push([id, p.home, p.partner, kindOnCreation(p.kind), p.affiliatedOn, item.source, now, now]);
        for (const [position, e] of p.events.entries()) {
          const eventId = eventIds[event + position]!;
          const searchText = eventTexts[event + position]!;
          // As saveEventFields stores a suggestion, an empty one too (as 0).
          const bits = fieldBits(item.fields[position] ?? []);
          eventRows.push([eventId, id, position, e.year, e.date, e.direction, e.text, searchTextColumn(e.text, searchText), e.line, now, now, bits, 'suggested']);
          for (const [locale, text] of storedTranslations(e.translations)) translationRows.push(['event', eventId, locale, text, now]);
        }
        for (const [position, r] of p.records.entries()) {
          const recordId = recordIds[record + position]!;
          const searchText = recordTexts[record + position]!;
          const eventId = r.event === null ? null : eventIds[event + r.event]!;
          recordRows.push([recordId, id, position, r.year, r.caption, searchTextColumn(r.caption, searchText), eventId, r.line, r.photo ?? null, now, now]);
          for (const [locale, text] of storedTranslations(r.translations)) translationRows.push(['record', recordId, locale, text, now]);
          const link = item.links[position];
          if (link) linkRows.push([recordId, link.confidence, link.confirmed ? 1 : 0, now]);
        }
        for (const year of new Set(p.noExchangeYears)) yearRows.push([id, year, 1]);
        event += p.events.length;
        record += p.records.length;
      }
      queue('partnerships', PARTNERSHIP_COLUMNS, partnershipRows);
      queue('events', EVENT_COLUMNS, eventRows);
      queue('photo_records', RECORD_COLUMNS, recordRows);
      queue('translations', TRANSLATION_COLUMNS, translationRows);
      queue('exchange_years', YEAR_COLUMNS, yearRows);
      queue('photo_links', LINK_COLUMNS, linkRows);
      // Lets the database driver send what is queued before the next step is built.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    // The caller's transaction ends when this throws: no insert may still be waiting to run after it.
    await Promise.allSettled(writes);
    throw error;
  }
  const written = Promise.all(writes);
  // Handled by the caller; this keeps it from counting as unhandled while the caller has not reached it yet.
  written.catch(() => {});

  const summaries = items.map(({ partnership: p }): ChangeSummary => {
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
  return { summaries, written };
}
