import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { isDirection, type Direction } from '../domain/direction.js';
import {
  isUnchanged,
  type ChangeSummary,
  detailsAfterImport,
  kindOnCreation,
  type RemovedItem,
  type ChangedItem,
  type ItemReading,
  type ExchangeEvent,
  type Partnership,
  type PartnershipSummary,
  type PartnershipTotals,
  type PhotoRecord,
  type StoredPartnership,
  yearSpan,
} from '../domain/partnership.js';
import { diffEvents, diffRecords, diffYears } from '../domain/partnership-diff.js';
import type { PartnershipName } from '../domain/record-homes.js';
import { TRANSLATION_LOCALES, type Translations } from '../domain/translation.js';
import type { Database, EventTable, PartnershipTable, PhotoRecordTable } from './database.js';
import { searchableText } from '../domain/search-text.js';
import { SearchIndexBatch } from './search.index.js';
import { normalizedOf, searchTextColumn } from './search-text.column.js';
import { writeTransaction } from './generation.repository.js';
import { deletePartnershipGrams } from './search.repository.js';

type EventRow = Selectable<EventTable>;
type RecordRow = Selectable<PhotoRecordTable>;
type StoredEvent = StoredPartnership['events'][number];
type StoredRecord = StoredPartnership['records'][number];
type ItemKind = 'event' | 'record';
/** Translations by item id; an item without any has no entry. */
type TranslationsById = ReadonlyMap<number, Translations>;
/** An item's translations as given: undefined leaves the stored ones alone. */
type ItemTranslations = { id: number; translations: Translations | undefined };

/** A changed row's next edit version (see the editing migration): an edit made on the old one is refused. */
const bump = sql<number>`version + 1`;

/** Rows per multi-row insert and ids per `in (…)` list: far below both databases' bind-parameter limits. */
const CHUNK = 100;
/** Rows per multi-row insert of events and records (12 and 11 parameters each): SQLite allows 32,766 parameters. */
const INSERT_CHUNK = 2000;

export interface SaveOptions {
  /**
   * Collects the search index's changes so that the caller applies them once for many partnerships (flush
   * inside the same transaction). Without it, the index is updated before savePartnership returns.
   */
  index?: SearchIndexBatch;
}

export interface PartnershipFilter {
  /** One partnership by its id (a page of the site): only its rows are read. */
  id?: number;
  /** These partnerships (a part of a record too large to read at once); none when empty. */
  ids?: readonly number[];
  home?: string;
  partner?: string;
  /** Include draft partnerships, events and records (the staff area); the public site leaves this unset. */
  drafts?: boolean;
  /**
   * A draft partnership too, with its published events and records alone: the items its document gave, which an
   * import of the document replaces (drafts an editor added are left alone, see save).
   */
  asImported?: boolean;
}

/**
 * Partnerships ordered by home then partner (code point order), each with its events and records by year, then in
 * their document's order (an event whose year an editor changed, or one added on the web, takes its place in its
 * year; `asImported` keeps the document's order alone, which a re-import compares with).
 */
export async function findPartnerships(
  db: Kysely<Database>,
  filter: PartnershipFilter = {},
): Promise<StoredPartnership[]> {
  const matching = () => {
    let q = db.selectFrom('partnerships');
    if (filter.id !== undefined) q = q.where('id', '=', filter.id);
    if (filter.ids !== undefined) q = q.where('id', 'in', filter.ids);
    if (filter.home !== undefined) q = q.where('home', '=', filter.home);
    if (filter.partner !== undefined) q = q.where('partner', '=', filter.partner);
    if (!filter.drafts && !filter.asImported) q = q.where('status', '=', 'published');
    return q;
  };
  if (filter.ids?.length === 0) return [];
  const rows = await matching().selectAll().orderBy('home').orderBy('partner').execute();
  if (rows.length === 0) return [];

  const ids = matching().select('id');
  const eventRows = await db
    .selectFrom('events')
    .selectAll()
    .where('partnership_id', 'in', ids)
    .$if(!filter.drafts, (q) => q.where('status', '=', 'published'))
    .$if(!filter.asImported, (q) => q.orderBy('year'))
    .orderBy('position')
    .orderBy('id')
    .execute();
  const recordRows = await db
    .selectFrom('photo_records')
    .selectAll()
    .where('partnership_id', 'in', ids)
    .$if(!filter.drafts, (q) => q.where('status', '=', 'published'))
    .$if(!filter.asImported, (q) => q.orderBy('year'))
    .orderBy('position')
    .orderBy('id')
    .execute();
  const yearRows = await db
    .selectFrom('exchange_years')
    .select(['partnership_id', 'year'])
    .where('partnership_id', 'in', ids)
    .where('no_exchange', '=', 1)
    .orderBy('year')
    .execute();
  const translations = {
    events: await loadTranslations(db, 'event', db.selectFrom('events').select('id').where('partnership_id', 'in', ids)),
    records: await loadTranslations(db, 'record', db.selectFrom('photo_records').select('id').where('partnership_id', 'in', ids)),
  };
  const events = groupBy(eventRows, (r) => r.partnership_id);
  const records = groupBy(recordRows, (r) => r.partnership_id);
  const years = groupBy(yearRows, (r) => r.partnership_id);
  return rows.map((row) =>
    rowToPartnership(row, events.get(row.id) ?? [], records.get(row.id) ?? [], years.get(row.id) ?? [], translations),
  );
}

/** The partner names of a home municipality's partnerships, drafts included, in code-point order. */
export async function findPartnerNames(db: Kysely<Database>, home: string): Promise<string[]> {
  return (await db.selectFrom('partnerships').select('partner').where('home', '=', home).orderBy('partner').execute()).map((r) => r.partner);
}

/** The published partnerships (of one home municipality) in order, each with its event counts, without reading its events. */
export async function summarizePartnerships(db: Kysely<Database>, filter: { home?: string } = {}): Promise<PartnershipSummary[]> {
  const matching = () => db.selectFrom('partnerships').where('status', '=', 'published').$if(filter.home !== undefined, (q) => q.where('home', '=', filter.home!));
  const rows = await matching().select(['id', 'home', 'partner', 'kind', 'affiliated_on']).orderBy('home').orderBy('partner').execute();
  const counts = await db
    .selectFrom('events')
    .select(['partnership_id', 'year', 'direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('partnership_id', 'in', matching().select('id'))
    .where('status', '=', 'published')
    .groupBy(['partnership_id', 'year', 'direction'])
    .execute();
  const byPartnership = groupBy(counts, (r) => r.partnership_id);
  return rows.map((row) => {
    const own = byPartnership.get(row.id) ?? [];
    const eventCounts: Partial<Record<Direction, number>> = {};
    for (const c of own) if (isDirection(c.direction)) eventCounts[c.direction] = (eventCounts[c.direction] ?? 0) + Number(c.n);
    return {
      id: row.id,
      home: row.home,
      partner: row.partner,
      kind: row.kind,
      affiliatedOn: row.affiliated_on,
      activeYears: [...new Set(own.map((c) => c.year))].sort((a, b) => a - b),
      eventCounts,
    };
  });
}

/**
 * The published partnerships of every home municipality but `exceptHome` (of every one when it is unset), by name
 * alone, in the record's order (home, partner): one query on the partnerships, none on their events, for a list of
 * links to the whole record (a country's: 1,800 partnerships of some 1,000 homes).
 */
export async function findPartnershipNames(db: Kysely<Database>, filter: { exceptHome?: string } = {}): Promise<PartnershipName[]> {
  const rows = await db
    .selectFrom('partnerships')
    .select(['id', 'home', 'partner', 'kind'])
    .where('status', '=', 'published')
    .$if(filter.exceptHome !== undefined, (q) => q.where('home', '<>', filter.exceptHome!))
    .orderBy('home')
    .orderBy('partner')
    .execute();
  return rows.map((row) => ({ id: row.id, home: row.home, partner: row.partner, kind: row.kind }));
}

/**
 * The published partnerships in order (home, partner), each with its totals of published events and records, its
 * first and last years (yearSpan, from the first and last years of its events and records and its no-exchange years)
 * and its no-exchange years: counted by the database, without reading the events.
 */
export async function findPartnershipTotals(db: Kysely<Database>): Promise<PartnershipTotals[]> {
  const published = () => db.selectFrom('partnerships').select('id').where('status', '=', 'published');
  const rows = await db
    .selectFrom('partnerships')
    .select(['id', 'home', 'partner', 'kind', 'affiliated_on', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('home')
    .orderBy('partner')
    .execute();
  const events = await db
    .selectFrom('events')
    .select(['partnership_id', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('year').as('first'), (eb) => eb.fn.max('year').as('last')])
    .where('partnership_id', 'in', published())
    .where('status', '=', 'published')
    .groupBy('partnership_id')
    .execute();
  const records = await db
    .selectFrom('photo_records')
    .select(['partnership_id', (eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('year').as('first'), (eb) => eb.fn.max('year').as('last')])
    .where('partnership_id', 'in', published())
    .where('status', '=', 'published')
    .groupBy('partnership_id')
    .execute();
  const years = await db
    .selectFrom('exchange_years')
    .select(['partnership_id', 'year'])
    .where('partnership_id', 'in', published())
    .where('no_exchange', '=', 1)
    .orderBy('year')
    .execute();
  const eventsOf = new Map(events.map((r) => [r.partnership_id, r]));
  const recordsOf = new Map(records.map((r) => [r.partnership_id, r]));
  const yearsOf = groupBy(years, (r) => r.partnership_id);
  /** The first and last years of the rows counted, as yearSpan takes them. */
  const bounds = (counted: { first: unknown; last: unknown } | undefined) => (counted ? [{ year: Number(counted.first) }, { year: Number(counted.last) }] : []);
  return rows.map((row) => {
    const e = eventsOf.get(row.id);
    const r = recordsOf.get(row.id);
    const noExchangeYears = (yearsOf.get(row.id) ?? []).map((y) => y.year);
    const span = yearSpan({ events: bounds(e), records: bounds(r), noExchangeYears });
    return {
      id: row.id,
      home: row.home,
      partner: row.partner,
      kind: row.kind,
      affiliatedOn: row.affiliated_on,
      events: e ? Number(e.n) : 0,
      records: r ? Number(r.n) : 0,
      firstYear: span?.first ?? null,
      lastYear: span?.last ?? null,
      noExchangeYears,
      updatedAt: row.updated_at,
    };
  });
}

/**
 * The published events (of one home municipality's published partnerships) whose text holds one of `words`, by
 * partnership in event order: a narrow read for what only such events can hold (the agreements).
 */
export async function findEventsHolding(
  db: Kysely<Database>,
  words: readonly string[],
  filter: { home?: string } = {},
): Promise<Map<number, (ExchangeEvent & { id: number })[]>> {
  if (words.length === 0) return new Map();
  const partnerships = db.selectFrom('partnerships').select('id').where('status', '=', 'published').$if(filter.home !== undefined, (q) => q.where('home', '=', filter.home!));
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('partnership_id', 'in', partnerships)
    .where('status', '=', 'published')
    .where((eb) => eb.or(words.map((w) => eb('text', 'like', `%${w}%`))))
    .orderBy('partnership_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const found = new Map<number, (ExchangeEvent & { id: number })[]>();
  for (const row of rows) found.set(row.partnership_id, [...(found.get(row.partnership_id) ?? []), rowToEvent(row, undefined)]);
  return found;
}

/** The partnership holding the event with this id (published ones only unless `drafts`), or undefined. */
export async function findPartnershipIdOfEvent(db: Kysely<Database>, eventId: number, filter: { drafts?: boolean } = {}): Promise<number | undefined> {
  const row = await db
    .selectFrom('events')
    .select('partnership_id')
    .where('id', '=', eventId)
    .$if(!filter.drafts, (q) => q.where('status', '=', 'published'))
    .executeTakeFirst();
  return row?.partnership_id;
}

export async function findPartnership(
  db: Kysely<Database>,
  home: string,
  partner: string,
): Promise<StoredPartnership | undefined> {
  const [found] = await findPartnerships(db, { home, partner });
  return found;
}

/**
 * Inserts the partnership, or updates the stored one in place: events and records that are kept or
 * changed (see diffItems) keep their ids, and `updated_at` moves only for what changed.
 * A record whose `photo` is undefined keeps the stored photo. An event or record with a `translations`
 * property replaces its stored translations with those (a different set counts as a change of the item);
 * one without keeps them. `source` (the imported file) replaces the
 * stored one only when something changed; null (a hand edit) never clears it.
 * Runs in its own transaction (advancing the generation) unless `db` already is one.
 */
export async function savePartnership(
  db: Kysely<Database>,
  p: Partnership,
  source: string | null,
  options: SaveOptions = {},
): Promise<ChangeSummary> {
  checkLinks(p);
  const run = async (trx: Kysely<Database>) => {
    const index = options.index ?? new SearchIndexBatch();
    const summary = await save(trx, p, source, index);
    if (!options.index) await index.flush(trx);
    return summary;
  };
  return db.isTransaction ? run(db) : writeTransaction(db)(run);
}

/** Deletes the partnership with its events, records and their search grams. Runs in its own transaction unless `db` already is one. */
export async function deletePartnership(db: Kysely<Database>, home: string, partner: string): Promise<boolean> {
  const remove = async (trx: Kysely<Database>) => {
    await deletePartnershipGrams(trx, home, partner);
    await deletePartnershipTranslations(trx, home, partner);
    const result = await trx.deleteFrom('partnerships').where('home', '=', home).where('partner', '=', partner).executeTakeFirst();
    return result.numDeletedRows > 0n;
  };
  return db.isTransaction ? remove(db) : writeTransaction(db)(remove);
}

export async function countStore(db: Kysely<Database>): Promise<{ partnerships: number; events: number; records: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('partnerships').select(eb.fn.countAll().as('n')).as('partnerships'),
      eb.selectFrom('events').select(eb.fn.countAll().as('n')).as('events'),
      eb.selectFrom('photo_records').select(eb.fn.countAll().as('n')).as('records'),
    ])
    .executeTakeFirstOrThrow();
  // PostgreSQL returns bigint counts as strings.
  return { partnerships: Number(row.partnerships), events: Number(row.events), records: Number(row.records) };
}

/** `translations` is set on the event only when it holds at least one. */
export function rowToEvent(row: EventRow, translations?: Translations): StoredEvent {
  return {
    id: row.id,
    year: row.year,
    date: row.date,
    direction: isDirection(row.direction) ? row.direction : 'unknown',
    text: row.text,
    line: row.line,
    ...withTranslations(translations),
  };
}

/** `eventIndex` maps event ids to their index in the partnership's events; `translations` as for rowToEvent. */
export function rowToRecord(row: RecordRow, eventIndex: ReadonlyMap<number, number>, translations?: Translations): StoredRecord {
  return {
    id: row.id,
    year: row.year,
    caption: row.caption,
    event: row.event_id === null ? null : (eventIndex.get(row.event_id) ?? null),
    line: row.line,
    photo: row.photo,
    ...withTranslations(translations),
  };
}

export function rowToPartnership(
  row: Selectable<PartnershipTable>,
  eventRows: readonly EventRow[],
  recordRows: readonly RecordRow[],
  yearRows: readonly { year: number }[],
  translations: { events: TranslationsById; records: TranslationsById } = { events: new Map(), records: new Map() },
): StoredPartnership {
  const events = eventRows.map((r) => rowToEvent(r, translations.events.get(r.id)));
  const eventIndex = new Map(events.map((e, index) => [e.id, index]));
  return {
    id: row.id,
    home: row.home,
    partner: row.partner,
    kind: row.kind,
    affiliatedOn: row.affiliated_on,
    noExchangeYears: yearRows.map((y) => y.year).sort((a, b) => a - b),
    events,
    records: recordRows.map((r) => rowToRecord(r, eventIndex, translations.records.get(r.id))),
    updatedAt: row.updated_at,
  };
}

async function save(trx: Kysely<Database>, p: Partnership, source: string | null, publicIndex: SearchIndexBatch): Promise<ChangeSummary> {
  const now = new Date().toISOString();
  const noExchangeYears = [...new Set(p.noExchangeYears)];
  const stored = await trx
    .selectFrom('partnerships')
    .selectAll()
    .where('home', '=', p.home)
    .where('partner', '=', p.partner)
    .executeTakeFirst();

  // The index holds what the public search shows: a draft partnership's items join it when it is published
  // (reindexPartnershipItems), so a re-import of a draft writes none of them.
  const index = !stored || stored.status === 'published' ? publicIndex : new SearchIndexBatch();
  if (!stored) {
    const { id } = await trx
      .insertInto('partnerships')
      .values({
        home: p.home,
        partner: p.partner,
        kind: kindOnCreation(p.kind),
        affiliated_on: p.affiliatedOn,
        source,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const eventIds: number[] = [];
    const recordIds: number[] = [];
    await insertEvents(trx, id, p.events.map((event, position) => ({ event, position })), now, eventIds, index);
    await insertRecords(trx, id, p.records.map((record, position) => ({ record, position })), eventIds, now, recordIds, index);
    await replaceTranslations(trx, 'event', p.events.map((e, i) => ({ id: eventIds[i]!, translations: e.translations })), now);
    await replaceTranslations(trx, 'record', p.records.map((r, i) => ({ id: recordIds[i]!, translations: r.translations })), now);
    await markNoExchange(trx, id, noExchangeYears);
    return {
      home: p.home,
      partner: p.partner,
      created: true,
      detailsChanged: false,
      added: { events: p.events.length, records: p.records.length, years: noExchangeYears.length },
      changed: { events: 0, records: 0, years: 0 },
      removed: { events: 0, records: 0, years: 0 },
    };
  }

  const id = stored.id;
  // Drafts made in the editor are not part of any document: a re-import leaves them alone.
  const oldEvents = await trx
    .selectFrom('events')
    .selectAll()
    .where('partnership_id', '=', id)
    .where('status', '=', 'published')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const oldRecords = await trx
    .selectFrom('photo_records')
    .selectAll()
    .where('partnership_id', '=', id)
    .where('status', '=', 'published')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const oldYears = await trx
    .selectFrom('exchange_years')
    .select('year')
    .where('partnership_id', '=', id)
    .where('no_exchange', '=', 1)
    .execute();
  const oldEventTranslations = await loadTranslations(trx, 'event', trx.selectFrom('events').select('id').where('partnership_id', '=', id));
  const oldRecordTranslations = await loadTranslations(
    trx,
    'record',
    trx.selectFrom('photo_records').select('id').where('partnership_id', '=', id),
  );
  // Items whose translations are given and differ from the stored ones: their sets are replaced.
  const retranslatedEvents: ItemTranslations[] = [];
  const retranslatedRecords: ItemTranslations[] = [];
  const retranslate = (
    into: ItemTranslations[],
    stored: TranslationsById,
    itemId: number,
    given: Translations | undefined,
  ): boolean => {
    if (given === undefined || sameTranslations(stored.get(itemId), given)) return false;
    into.push({ id: itemId, translations: given });
    return true;
  };

  // Events first: records link to the ids they end up with.
  const eventPlan = diffEvents(oldEvents.map((r) => rowToEvent(r)), p.events);
  const eventIds: number[] = [];
  await deleteByIds(trx, 'events', eventPlan.removed.map((i) => oldEvents[i]!), index);
  for (const pair of eventPlan.changed) {
    const old = oldEvents[pair.old]!;
    const e = p.events[pair.new]!;
    const searchText = searchableText(e.text, e.translations ?? oldEventTranslations.get(old.id));
    await trx
      .updateTable('events')
      .set({ position: pair.new, year: e.year, date: e.date, direction: e.direction, text: e.text, search_text: searchTextColumn(e.text, searchText), line: e.line, updated_at: now, version: bump })
      .where('id', '=', old.id)
      .execute();
    index.change('event', old.id, { year: old.year, text: normalizedOf(old.text, old.search_text) }, { year: e.year, text: searchText });
    retranslate(retranslatedEvents, oldEventTranslations, old.id, e.translations);
    eventIds[pair.new] = old.id;
  }
  let retranslatedKeptEvents = 0;
  for (const pair of eventPlan.kept) {
    const old = oldEvents[pair.old]!;
    const e = p.events[pair.new]!;
    if (retranslate(retranslatedEvents, oldEventTranslations, old.id, e.translations)) {
      // Other translations are a change of the event, and of what search finds it by.
      retranslatedKeptEvents += 1;
      const searchText = searchableText(e.text, e.translations);
      await trx.updateTable('events').set({ position: pair.new, line: e.line, search_text: searchTextColumn(e.text, searchText), updated_at: now, version: bump }).where('id', '=', old.id).execute();
      index.change('event', old.id, { year: old.year, text: normalizedOf(old.text, old.search_text) }, { year: old.year, text: searchText });
    } else if (old.position !== pair.new || old.line !== e.line) {
      // Moving or a shifted source line is not a change of the event itself.
      await trx.updateTable('events').set({ position: pair.new, line: e.line }).where('id', '=', old.id).execute();
    }
    eventIds[pair.new] = old.id;
  }
  // An event of the document that staff have since unpublished is a draft now: it is that event, not a new one, and
  // stays as staff left it (a re-import does not publish it again beside itself).
  // Read only when the document adds something: a re-import that adds nothing asks for no drafts.
  const draftEvents = eventPlan.added.length > 0 ? await draftsByKey(trx, 'events', id) : new Map<string, number[]>();
  const addedPositions = eventPlan.added.filter((i) => {
    const draft = takeDraft(draftEvents, eventKey(p.events[i]!));
    if (draft !== undefined) eventIds[i] = draft;
    return draft === undefined;
  });
  const addedEvents = addedPositions.map((i) => ({ event: p.events[i]!, position: i }));
  await insertEvents(trx, id, addedEvents, now, eventIds, index);
  await replaceTranslations(trx, 'event', retranslatedEvents, now);
  await replaceTranslations(trx, 'event', addedEvents.map(({ event, position }) => ({ id: eventIds[position]!, translations: event.translations })), now);

  const recordPlan = diffRecords(oldRecords, p.records);
  const linkOf = (r: PhotoRecord) => (r.event === null ? null : eventIds[r.event]!);
  for (const pair of recordPlan.changed) {
    retranslate(retranslatedRecords, oldRecordTranslations, oldRecords[pair.old]!.id, p.records[pair.new]!.translations);
  }
  // Kept records that are relinked, get a photo or other translations are updated, and count as changed.
  const relinked = recordPlan.kept.filter((pair) => {
    const old = oldRecords[pair.old]!;
    const r = p.records[pair.new]!;
    const retranslated = retranslate(retranslatedRecords, oldRecordTranslations, old.id, r.translations);
    return retranslated || old.event_id !== linkOf(r) || (r.photo !== undefined && r.photo !== old.photo);
  });
  const updatedRecords = [...recordPlan.changed, ...relinked];
  await deleteByIds(trx, 'photo_records', recordPlan.removed.map((i) => oldRecords[i]!), index);
  for (const pair of updatedRecords) {
    const r = p.records[pair.new]!;
    const old = oldRecords[pair.old]!;
    const searchText = searchableText(r.caption, r.translations ?? oldRecordTranslations.get(old.id));
    index.change('record', old.id, { year: old.year, text: normalizedOf(old.caption, old.search_text) }, { year: r.year, text: searchText });
    await trx
      .updateTable('photo_records')
      .set({
        position: pair.new,
        year: r.year,
        caption: r.caption,
        search_text: searchTextColumn(r.caption, searchText),
        event_id: linkOf(r),
        line: r.line,
        ...(r.photo === undefined ? {} : { photo: r.photo }),
        updated_at: now,
        version: bump,
      })
      .where('id', '=', oldRecords[pair.old]!.id)
      .execute();
  }
  for (const pair of recordPlan.kept) {
    if (relinked.includes(pair)) continue;
    const old = oldRecords[pair.old]!;
    const r = p.records[pair.new]!;
    if (old.position !== pair.new || old.line !== r.line) {
      await trx.updateTable('photo_records').set({ position: pair.new, line: r.line }).where('id', '=', old.id).execute();
    }
  }
  const draftRecords = recordPlan.added.length > 0 ? await draftsByKey(trx, 'photo_records', id) : new Map<string, number[]>();
  const addedRecords = recordPlan.added
    .filter((i) => takeDraft(draftRecords, recordKey(p.records[i]!)) === undefined)
    .map((i) => ({ record: p.records[i]!, position: i }));
  const recordIds: number[] = [];
  await insertRecords(trx, id, addedRecords, eventIds, now, recordIds, index);
  await replaceTranslations(trx, 'record', retranslatedRecords, now);
  await replaceTranslations(
    trx,
    'record',
    addedRecords.map(({ record, position }) => ({ id: recordIds[position]!, translations: record.translations })),
    now,
  );

  const yearPlan = diffYears(oldYears.map((y) => y.year), noExchangeYears);
  await markNoExchange(trx, id, yearPlan.added);
  for (const years of chunks(yearPlan.removed)) {
    await trx.deleteFrom('exchange_years').where('partnership_id', '=', id).where('year', 'in', years).execute();
  }

  const storedDetails = { kind: stored.kind, affiliatedOn: stored.affiliated_on };
  const details = detailsAfterImport(storedDetails, p);
  const detailsChanged = details.kind !== stored.kind || details.affiliatedOn !== stored.affiliated_on;
  const summary: ChangeSummary = {
    home: p.home,
    partner: p.partner,
    created: false,
    detailsChanged,
    added: { events: addedEvents.length, records: addedRecords.length, years: yearPlan.added.length },
    changed: { events: eventPlan.changed.length + retranslatedKeptEvents, records: updatedRecords.length, years: 0 },
    removed: { events: eventPlan.removed.length, records: recordPlan.removed.length, years: yearPlan.removed.length },
  };
  const removedItems: RemovedItem[] = [
    ...eventPlan.removed.map((i) => ({ kind: 'event' as const, year: oldEvents[i]!.year, text: oldEvents[i]!.text })),
    ...recordPlan.removed.map((i) => ({ kind: 'record' as const, year: oldRecords[i]!.year, text: oldRecords[i]!.caption })),
  ];
  if (detailsChanged) summary.details = { before: storedDetails, after: details };
  if (removedItems.length > 0) summary.removedItems = removedItems;
  const reading = (e: { year: number; date: string | null; direction: string; text: string }): ItemReading => ({ year: e.year, date: e.date, direction: e.direction as Direction, text: e.text });
  const reads = (a: ItemReading, b: ItemReading) => a.year !== b.year || a.date !== b.date || a.direction !== b.direction || a.text !== b.text;
  const changedItems: ChangedItem[] = [
    ...eventPlan.changed.map((pair) => ({ kind: 'event' as const, before: reading(oldEvents[pair.old]!), after: reading(p.events[pair.new]!) })),
    ...updatedRecords.map((pair) => ({
      kind: 'record' as const,
      before: { year: oldRecords[pair.old]!.year, text: oldRecords[pair.old]!.caption },
      after: { year: p.records[pair.new]!.year, text: p.records[pair.new]!.caption },
    })),
  ].filter((c) => reads(c.before, c.after));
  if (changedItems.length > 0) summary.changedItems = changedItems;
  if (!isUnchanged(summary)) {
    // The partnership's version counts changes of its own fields (those its staff form edits), so that a form
    // opened before an import that changed only its events is no conflict; its time says when anything changed.
    const ownChange = summary.detailsChanged || yearPlan.added.length > 0 || yearPlan.removed.length > 0;
    await trx
      .updateTable('partnerships')
      .set({ kind: details.kind, affiliated_on: details.affiliatedOn, updated_at: now, ...(ownChange ? { version: bump } : {}), ...(source === null ? {} : { source }) })
      .where('id', '=', id)
      .execute();
  }
  return summary;
}

/** The draft events or records of a partnership, by what identifies them in a document (eventKey, recordKey). */
async function draftsByKey(trx: Kysely<Database>, table: 'events' | 'photo_records', partnershipId: number): Promise<Map<string, number[]>> {
  const drafts = new Map<string, number[]>();
  const rows =
    table === 'events'
      ? (await trx.selectFrom('events').select(['id', 'year', 'date', 'direction', 'text']).where('partnership_id', '=', partnershipId).where('status', '=', 'draft').orderBy('id').execute()).map(
          (r) => [r.id, eventKey({ year: r.year, date: r.date, direction: r.direction, text: r.text })] as const,
        )
      : (await trx.selectFrom('photo_records').select(['id', 'year', 'caption']).where('partnership_id', '=', partnershipId).where('status', '=', 'draft').orderBy('id').execute()).map(
          (r) => [r.id, recordKey(r)] as const,
        );
  for (const [rowId, key] of rows) drafts.set(key, [...(drafts.get(key) ?? []), rowId]);
  return drafts;
}

/** The first draft of `key` not matched yet, taken. */
function takeDraft(drafts: Map<string, number[]>, key: string): number | undefined {
  return drafts.get(key)?.shift();
}

const eventKey = (e: { year: number; date: string | null; direction: string; text: string }) => JSON.stringify([e.year, e.date, e.direction, e.text]);
const recordKey = (r: { year: number; caption: string }) => JSON.stringify([r.year, r.caption]);

/** Inserts events and notes their new ids in `ids`, by position. */
async function insertEvents(
  trx: Kysely<Database>,
  partnershipId: number,
  items: readonly { event: ExchangeEvent; position: number }[],
  now: string,
  ids: number[],
  index: SearchIndexBatch,
): Promise<void> {
  for (const chunk of chunks(items, INSERT_CHUNK)) {
    const searchTexts = new Map(chunk.map(({ event, position }) => [position, searchableText(event.text, event.translations)]));
    const years = new Map(chunk.map(({ event, position }) => [position, event.year]));
    // Rows come back from `returning` in no guaranteed order: match them by position.
    const rows = await trx
      .insertInto('events')
      .values(
        chunk.map(({ event: e, position }) => ({
          partnership_id: partnershipId,
          position,
          year: e.year,
          date: e.date,
          direction: e.direction,
          text: e.text,
          search_text: searchTextColumn(e.text, searchTexts.get(position)!),
          line: e.line,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'position'])
      .execute();
    for (const row of rows) {
      ids[row.position] = row.id;
      index.add('event', row.id, years.get(row.position)!, searchTexts.get(row.position)!);
    }
  }
}

async function insertRecords(
  trx: Kysely<Database>,
  partnershipId: number,
  items: readonly { record: PhotoRecord; position: number }[],
  eventIds: readonly number[],
  now: string,
  ids: number[],
  index: SearchIndexBatch,
): Promise<void> {
  for (const chunk of chunks(items, INSERT_CHUNK)) {
    const searchTexts = new Map(chunk.map(({ record, position }) => [position, searchableText(record.caption, record.translations)]));
    const years = new Map(chunk.map(({ record, position }) => [position, record.year]));
    const rows = await trx
      .insertInto('photo_records')
      .values(
        chunk.map(({ record: r, position }) => ({
          partnership_id: partnershipId,
          position,
          year: r.year,
          caption: r.caption,
          search_text: searchTextColumn(r.caption, searchTexts.get(position)!),
          event_id: r.event === null ? null : eventIds[r.event]!,
          line: r.line,
          photo: r.photo ?? null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'position'])
      .execute();
    for (const row of rows) {
      ids[row.position] = row.id;
      index.add('record', row.id, years.get(row.position)!, searchTexts.get(row.position)!);
    }
  }
}

async function markNoExchange(trx: Kysely<Database>, partnershipId: number, years: readonly number[]): Promise<void> {
  for (const chunk of chunks(years)) {
    await trx
      .insertInto('exchange_years')
      .values(chunk.map((year) => ({ partnership_id: partnershipId, year, no_exchange: 1 })))
      .onConflict((oc) => oc.columns(['partnership_id', 'year']).doUpdateSet({ no_exchange: 1 }))
      .execute();
  }
}

async function deleteByIds(
  trx: Kysely<Database>,
  table: 'events' | 'photo_records',
  rows: readonly ({ id: number; year: number; search_text: string | null } & ({ text: string } | { caption: string }))[],
  index: SearchIndexBatch,
): Promise<void> {
  const kind = table === 'events' ? 'event' : 'record';
  for (const row of rows) index.remove(kind, row.id, row.year, normalizedOf('text' in row ? row.text : row.caption, row.search_text));
  for (const chunk of chunks(rows.map((row) => row.id))) {
    await trx.deleteFrom('translations').where('item_kind', '=', kind).where('item_id', 'in', chunk).execute();
    await trx.deleteFrom(table).where('id', 'in', chunk).execute();
  }
}

/** The translations of the items `ids` selects, by item id, each in TRANSLATION_LOCALES order. */
export async function loadTranslations(
  db: Kysely<Database>,
  kind: ItemKind,
  ids: SelectQueryBuilder<Database, 'events' | 'photo_records', { id: number }>,
): Promise<Map<number, Translations>> {
  const rows = await db
    .selectFrom('translations')
    .select(['item_id', 'locale', 'text'])
    .where('item_kind', '=', kind)
    .where('item_id', 'in', ids)
    .execute();
  const byItem = new Map<number, Translations>();
  for (const locale of TRANSLATION_LOCALES) {
    for (const row of rows) {
      if (row.locale !== locale) continue;
      const translations = byItem.get(row.item_id) ?? {};
      translations[locale] = row.text;
      byItem.set(row.item_id, translations);
    }
  }
  return byItem;
}

/** The translations worth storing, in locale order: known locales with a non-blank text. */
export function storedTranslations(t: Translations | undefined): [locale: (typeof TRANSLATION_LOCALES)[number], text: string][] {
  if (t === undefined) return [];
  return TRANSLATION_LOCALES.flatMap((locale) => {
    const text = t?.[locale];
    return typeof text === 'string' && text.trim() !== '' ? [[locale, text] as [typeof locale, string]] : [];
  });
}

function sameTranslations(stored: Translations | undefined, given: Translations): boolean {
  return JSON.stringify(storedTranslations(stored)) === JSON.stringify(storedTranslations(given));
}

function withTranslations(t: Translations | undefined): { translations?: Translations } {
  const entries = storedTranslations(t);
  return entries.length === 0 ? {} : { translations: Object.fromEntries(entries) };
}

/**
 * Replaces the stored translations of each item whose `translations` is given (an empty set removes them);
 * items without the property are left alone.
 */
async function replaceTranslations(
  trx: Kysely<Database>,
  kind: ItemKind,
  items: readonly ItemTranslations[],
  now: string,
): Promise<void> {
  const given = items.filter((item) => item.translations !== undefined);
  for (const chunk of chunks(given.map((item) => item.id))) {
    await trx.deleteFrom('translations').where('item_kind', '=', kind).where('item_id', 'in', chunk).execute();
  }
  const rows = given.flatMap((item) =>
    storedTranslations(item.translations).map(([locale, text]) => ({ item_kind: kind, item_id: item.id, locale, text, updated_at: now })),
  );
  for (const chunk of chunks(rows)) await trx.insertInto('translations').values(chunk).execute();
}

/** Drops the translations of every item of the partnership; call before deleting it. */
async function deletePartnershipTranslations(db: Kysely<Database>, home: string, partner: string): Promise<void> {
  const partnership = db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner);
  await db
    .deleteFrom('translations')
    .where('item_kind', '=', 'event')
    .where('item_id', 'in', db.selectFrom('events').select('id').where('partnership_id', 'in', partnership))
    .execute();
  await db
    .deleteFrom('translations')
    .where('item_kind', '=', 'record')
    .where('item_id', 'in', db.selectFrom('photo_records').select('id').where('partnership_id', 'in', partnership))
    .execute();
}

/** Throws when a record links to an event the partnership does not have. */
export function checkLinks(p: Partnership): void {
  for (const r of p.records) {
    if (r.event !== null && !(Number.isInteger(r.event) && r.event >= 0 && r.event < p.events.length)) {
      throw new RangeError(
        `Photo record "${r.caption}" links to event ${r.event}, but ${p.home}/${p.partner} has ${p.events.length} events`,
      );
    }
  }
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
