import type { Kysely, Selectable } from 'kysely';
import { isDirection } from '../domain/direction.js';
import {
  isUnchanged,
  type ChangeSummary,
  type ExchangeEvent,
  type Partnership,
  type PhotoRecord,
  type StoredPartnership,
} from '../domain/partnership.js';
import { diffEvents, diffRecords, diffYears } from '../domain/partnership-diff.js';
import type { Database, EventTable, PartnershipTable, PhotoRecordTable } from './database.js';
import { deleteGrams, deletePartnershipGrams, reindexPartnership } from './search.repository.js';

type EventRow = Selectable<EventTable>;
type RecordRow = Selectable<PhotoRecordTable>;
type StoredEvent = StoredPartnership['events'][number];
type StoredRecord = StoredPartnership['records'][number];

/** Rows per multi-row insert and ids per `in (…)` list: far below both databases' bind-parameter limits. */
const CHUNK = 100;

export interface PartnershipFilter {
  home?: string;
  partner?: string;
}

/** Partnerships ordered by home then partner (code point order), each with its events and records in order. */
export async function findPartnerships(
  db: Kysely<Database>,
  filter: PartnershipFilter = {},
): Promise<StoredPartnership[]> {
  const matching = () => {
    let q = db.selectFrom('partnerships');
    if (filter.home !== undefined) q = q.where('home', '=', filter.home);
    if (filter.partner !== undefined) q = q.where('partner', '=', filter.partner);
    return q;
  };
  const rows = await matching().selectAll().orderBy('home').orderBy('partner').execute();
  if (rows.length === 0) return [];

  const ids = matching().select('id');
  const eventRows = await db
    .selectFrom('events')
    .selectAll()
    .where('partnership_id', 'in', ids)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const recordRows = await db
    .selectFrom('photo_records')
    .selectAll()
    .where('partnership_id', 'in', ids)
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
  const events = groupBy(eventRows, (r) => r.partnership_id);
  const records = groupBy(recordRows, (r) => r.partnership_id);
  const years = groupBy(yearRows, (r) => r.partnership_id);
  return rows.map((row) => rowToPartnership(row, events.get(row.id) ?? [], records.get(row.id) ?? [], years.get(row.id) ?? []));
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
 * A record whose `photo` is undefined keeps the stored photo. `source` (the imported file) replaces the
 * stored one only when something changed; null (a hand edit) never clears it.
 * Runs in its own transaction unless `db` already is one.
 */
export async function savePartnership(
  db: Kysely<Database>,
  p: Partnership,
  source: string | null,
): Promise<ChangeSummary> {
  checkLinks(p);
  return db.isTransaction ? save(db, p, source) : db.transaction().execute((trx) => save(trx, p, source));
}

/** Deletes the partnership with its events, records and their search grams. Runs in its own transaction unless `db` already is one. */
export async function deletePartnership(db: Kysely<Database>, home: string, partner: string): Promise<boolean> {
  const remove = async (trx: Kysely<Database>) => {
    await deletePartnershipGrams(trx, home, partner);
    const result = await trx.deleteFrom('partnerships').where('home', '=', home).where('partner', '=', partner).executeTakeFirst();
    return result.numDeletedRows > 0n;
  };
  return db.isTransaction ? remove(db) : db.transaction().execute(remove);
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

export function rowToEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    year: row.year,
    date: row.date,
    direction: isDirection(row.direction) ? row.direction : 'unknown',
    text: row.text,
    line: row.line,
  };
}

/** `eventIndex` maps event ids to their index in the partnership's events. */
export function rowToRecord(row: RecordRow, eventIndex: ReadonlyMap<number, number>): StoredRecord {
  return {
    id: row.id,
    year: row.year,
    caption: row.caption,
    event: row.event_id === null ? null : (eventIndex.get(row.event_id) ?? null),
    line: row.line,
    photo: row.photo,
  };
}

export function rowToPartnership(
  row: Selectable<PartnershipTable>,
  eventRows: readonly EventRow[],
  recordRows: readonly RecordRow[],
  yearRows: readonly { year: number }[],
): StoredPartnership {
  const events = eventRows.map(rowToEvent);
  const eventIndex = new Map(events.map((e, index) => [e.id, index]));
  return {
    id: row.id,
    home: row.home,
    partner: row.partner,
    kind: row.kind,
    affiliatedOn: row.affiliated_on,
    noExchangeYears: yearRows.map((y) => y.year).sort((a, b) => a - b),
    events,
    records: recordRows.map((r) => rowToRecord(r, eventIndex)),
    updatedAt: row.updated_at,
  };
}

async function save(trx: Kysely<Database>, p: Partnership, source: string | null): Promise<ChangeSummary> {
  const now = new Date().toISOString();
  const noExchangeYears = [...new Set(p.noExchangeYears)];
  const stored = await trx
    .selectFrom('partnerships')
    .selectAll()
    .where('home', '=', p.home)
    .where('partner', '=', p.partner)
    .executeTakeFirst();

  if (!stored) {
    const { id } = await trx
      .insertInto('partnerships')
      .values({
        home: p.home,
        partner: p.partner,
        kind: p.kind,
        affiliated_on: p.affiliatedOn,
        source,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const eventIds: number[] = [];
    await insertEvents(trx, id, p.events.map((event, position) => ({ event, position })), now, eventIds);
    await insertRecords(trx, id, p.records.map((record, position) => ({ record, position })), eventIds, now);
    await markNoExchange(trx, id, noExchangeYears);
    await reindexPartnership(trx, id);
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
  const oldEvents = await trx.selectFrom('events').selectAll().where('partnership_id', '=', id).orderBy('position').orderBy('id').execute();
  const oldRecords = await trx
    .selectFrom('photo_records')
    .selectAll()
    .where('partnership_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const oldYears = await trx
    .selectFrom('exchange_years')
    .select('year')
    .where('partnership_id', '=', id)
    .where('no_exchange', '=', 1)
    .execute();

  // Events first: records link to the ids they end up with.
  const eventPlan = diffEvents(oldEvents.map(rowToEvent), p.events);
  const eventIds: number[] = [];
  await deleteByIds(trx, 'events', eventPlan.removed.map((i) => oldEvents[i]!.id));
  for (const pair of eventPlan.changed) {
    const old = oldEvents[pair.old]!;
    const e = p.events[pair.new]!;
    await trx
      .updateTable('events')
      .set({ position: pair.new, year: e.year, date: e.date, direction: e.direction, text: e.text, line: e.line, updated_at: now })
      .where('id', '=', old.id)
      .execute();
    eventIds[pair.new] = old.id;
  }
  for (const pair of eventPlan.kept) {
    const old = oldEvents[pair.old]!;
    const e = p.events[pair.new]!;
    // Moving or a shifted source line is not a change of the event itself.
    if (old.position !== pair.new || old.line !== e.line) {
      await trx.updateTable('events').set({ position: pair.new, line: e.line }).where('id', '=', old.id).execute();
    }
    eventIds[pair.new] = old.id;
  }
  await insertEvents(trx, id, eventPlan.added.map((i) => ({ event: p.events[i]!, position: i })), now, eventIds);

  const recordPlan = diffRecords(oldRecords, p.records);
  const linkOf = (r: PhotoRecord) => (r.event === null ? null : eventIds[r.event]!);
  const relinked = recordPlan.kept.filter((pair) => {
    const old = oldRecords[pair.old]!;
    const r = p.records[pair.new]!;
    return old.event_id !== linkOf(r) || (r.photo !== undefined && r.photo !== old.photo);
  });
  const updatedRecords = [...recordPlan.changed, ...relinked];
  await deleteByIds(trx, 'photo_records', recordPlan.removed.map((i) => oldRecords[i]!.id));
  for (const pair of updatedRecords) {
    const r = p.records[pair.new]!;
    await trx
      .updateTable('photo_records')
      .set({
        position: pair.new,
        year: r.year,
        caption: r.caption,
        event_id: linkOf(r),
        line: r.line,
        ...(r.photo === undefined ? {} : { photo: r.photo }),
        updated_at: now,
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
  await insertRecords(trx, id, recordPlan.added.map((i) => ({ record: p.records[i]!, position: i })), eventIds, now);

  const yearPlan = diffYears(oldYears.map((y) => y.year), noExchangeYears);
  await markNoExchange(trx, id, yearPlan.added);
  for (const years of chunks(yearPlan.removed)) {
    await trx.deleteFrom('exchange_years').where('partnership_id', '=', id).where('year', 'in', years).execute();
  }

  await reindexPartnership(trx, id);

  const summary: ChangeSummary = {
    home: p.home,
    partner: p.partner,
    created: false,
    detailsChanged: stored.kind !== p.kind || stored.affiliated_on !== p.affiliatedOn,
    added: { events: eventPlan.added.length, records: recordPlan.added.length, years: yearPlan.added.length },
    changed: { events: eventPlan.changed.length, records: updatedRecords.length, years: 0 },
    removed: { events: eventPlan.removed.length, records: recordPlan.removed.length, years: yearPlan.removed.length },
  };
  if (!isUnchanged(summary)) {
    await trx
      .updateTable('partnerships')
      .set({ kind: p.kind, affiliated_on: p.affiliatedOn, updated_at: now, ...(source === null ? {} : { source }) })
      .where('id', '=', id)
      .execute();
  }
  return summary;
}

/** Inserts events and notes their new ids in `ids`, by position. */
async function insertEvents(
  trx: Kysely<Database>,
  partnershipId: number,
  items: readonly { event: ExchangeEvent; position: number }[],
  now: string,
  ids: number[],
): Promise<void> {
  for (const chunk of chunks(items)) {
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
          line: e.line,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'position'])
      .execute();
    for (const row of rows) ids[row.position] = row.id;
  }
}

async function insertRecords(
  trx: Kysely<Database>,
  partnershipId: number,
  items: readonly { record: PhotoRecord; position: number }[],
  eventIds: readonly number[],
  now: string,
): Promise<void> {
  for (const chunk of chunks(items)) {
    await trx
      .insertInto('photo_records')
      .values(
        chunk.map(({ record: r, position }) => ({
          partnership_id: partnershipId,
          position,
          year: r.year,
          caption: r.caption,
          event_id: r.event === null ? null : eventIds[r.event]!,
          line: r.line,
          photo: r.photo ?? null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
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

async function deleteByIds(trx: Kysely<Database>, table: 'events' | 'photo_records', ids: readonly number[]): Promise<void> {
  await deleteGrams(trx, table === 'events' ? 'event' : 'record', ids);
  for (const chunk of chunks(ids)) await trx.deleteFrom(table).where('id', 'in', chunk).execute();
}

function checkLinks(p: Partnership): void {
  for (const r of p.records) {
    if (r.event !== null && !(Number.isInteger(r.event) && r.event >= 0 && r.event < p.events.length)) {
      throw new RangeError(
        `Photo record "${r.caption}" links to event ${r.event}, but ${p.home}/${p.partner} has ${p.events.length} events`,
      );
    }
  }
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
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
