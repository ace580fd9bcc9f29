import type { Kysely, Selectable } from 'kysely';
import { isDirection } from '../domain/direction.js';
import type { EditableItem, EventFields, FieldsOf, ItemKind, ItemStatus, PartnershipFields, RecordFields } from '../domain/editing.js';
import { TRANSLATION_LOCALES, type Translations } from '../domain/translation.js';
import { loadTranslations } from './partnership.repository.js';
import type { Database, EventTable, PartnershipTable, PhotoRecordTable } from './database.js';
import { indexedStateOf, reindexItem, reindexPartnershipItems, translationsOfItem } from './search.index.js';

// Item-by-item reads and writes for the editor. Every write takes the caller's transaction; history is written
// beside it by history.repository.ts. Versions: a new item is 1, every update adds 1.

const TABLE = { partnership: 'partnerships', event: 'events', record: 'photo_records' } as const;

export async function findItem<K extends ItemKind>(db: Kysely<Database>, kind: K, id: number): Promise<EditableItem<K> | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  if (kind === 'partnership') {
    const row = await db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const years = await noExchangeYears(db, id);
    return rowToPartnershipItem(row, years) as unknown as EditableItem<K>;
  }
  if (kind === 'event') {
    const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (rowToEventItem(row, await translationsOfItem(db, 'event', id)) as unknown as EditableItem<K>) : undefined;
  }
  const row = await db.selectFrom('photo_records').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (rowToRecordItem(row, await translationsOfItem(db, 'record', id)) as unknown as EditableItem<K>) : undefined;
}

/** Every partnership, drafts included, ordered as the public list is. */
export async function listPartnershipItems(db: Kysely<Database>): Promise<EditableItem<'partnership'>[]> {
  const rows = await db.selectFrom('partnerships').selectAll().orderBy('home').orderBy('partner').execute();
  const years = await db.selectFrom('exchange_years').select(['partnership_id', 'year']).where('no_exchange', '=', 1).orderBy('year').execute();
  return rows.map((row) => rowToPartnershipItem(row, years.filter((y) => y.partnership_id === row.id).map((y) => y.year)));
}

/** A partnership's events (by year, then position) and records, drafts included. */
export async function listItemsOf(
  db: Kysely<Database>,
  partnershipId: number,
): Promise<{ events: EditableItem<'event'>[]; records: EditableItem<'record'>[] }> {
  const eventRows = await db.selectFrom('events').selectAll().where('partnership_id', '=', partnershipId).orderBy('year').orderBy('position').orderBy('id').execute();
  const recordRows = await db
    .selectFrom('photo_records')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .orderBy('year')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const events = [];
  // The translations of all of them in one query per kind, not one per item: a partnership holds hundreds.
  const eventTranslations = await translationsOfPartnership(db, 'event', partnershipId);
  const recordTranslations = await translationsOfPartnership(db, 'record', partnershipId);
  for (const row of eventRows) events.push(rowToEventItem(row, eventTranslations.get(row.id) ?? {}));
  const records = [];
  for (const row of recordRows) records.push(rowToRecordItem(row, recordTranslations.get(row.id) ?? {}));
  return { events, records };
}

/** Inserts the item at version `version`; `id` brings a deleted item back under its old id. Returns the id. */
export async function insertItem<K extends ItemKind>(
  db: Kysely<Database>,
  kind: K,
  fields: FieldsOf[K],
  now: string,
  options: { id?: number; version?: number } = {},
): Promise<number> {
  const version = options.version ?? 1;
  const withId = options.id === undefined ? {} : { id: options.id };
  if (kind === 'partnership') {
    const f = fields as PartnershipFields;
    const { id } = await db
      .insertInto('partnerships')
      .values({ ...withId, home: f.home, partner: f.partner, kind: f.kind, affiliated_on: f.affiliatedOn, source: null, status: f.status, version, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceYears(db, id, f.noExchangeYears);
    return id;
  }
  const position = await nextPosition(db, kind, (fields as EventFields | RecordFields).partnershipId);
  let id: number;
  if (kind === 'event') {
    const f = fields as EventFields;
    ({ id } = await db
      .insertInto('events')
      .values({ ...withId, partnership_id: f.partnershipId, position, year: f.year, date: f.date, direction: f.direction, text: f.text, line: null, status: f.status, version, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow());
  } else {
    const f = fields as RecordFields;
    ({ id } = await db
      .insertInto('photo_records')
      .values({ ...withId, partnership_id: f.partnershipId, position, year: f.year, caption: f.caption, event_id: f.eventId, line: null, photo: f.photo, status: f.status, version, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow());
  }
  await replaceTranslations(db, kind as 'event' | 'record', id, (fields as EventFields | RecordFields).translations, now);
  await reindexItem(db, kind as 'event' | 'record', id, undefined);
  return id;
}

/**
 * Writes `fields` over the item if its stored version is `expectedVersion` and raises the version by one.
 * Returns the new version, or undefined when the item is gone or was changed meanwhile (nothing is written).
 */
export async function updateItem<K extends ItemKind>(
  db: Kysely<Database>,
  kind: K,
  id: number,
  fields: FieldsOf[K],
  expectedVersion: number,
  now: string,
): Promise<number | undefined> {
  const version = expectedVersion + 1;
  const before = kind === 'partnership' ? undefined : await indexedStateOf(db, kind as 'event' | 'record', id);
  let updated: bigint;
  if (kind === 'partnership') {
    const f = fields as PartnershipFields;
    ({ numUpdatedRows: updated } = await db
      .updateTable('partnerships')
      .set({ partner: f.partner, kind: f.kind, affiliated_on: f.affiliatedOn, status: f.status, version, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst());
    if (updated > 0n) {
      await replaceYears(db, id, f.noExchangeYears);
      // Its status decides whether its items are in the public search.
      await reindexPartnershipItems(db, id);
    }
  } else if (kind === 'event') {
    const f = fields as EventFields;
    ({ numUpdatedRows: updated } = await db
      .updateTable('events')
      .set({ year: f.year, date: f.date, direction: f.direction, text: f.text, status: f.status, version, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst());
  } else {
    const f = fields as RecordFields;
    ({ numUpdatedRows: updated } = await db
      .updateTable('photo_records')
      .set({ year: f.year, caption: f.caption, event_id: f.eventId, photo: f.photo, status: f.status, version, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst());
  }
  if (updated === 0n) return undefined;
  if (kind !== 'partnership') {
    const f = fields as EventFields | RecordFields;
    await replaceTranslations(db, kind as 'event' | 'record', id, f.translations, now);
    await reindexItem(db, kind as 'event' | 'record', id, before);
  }
  return version;
}

/** Deletes the item with its translations and search grams (a partnership also with its years). */
export async function deleteItem(db: Kysely<Database>, kind: ItemKind, id: number): Promise<boolean> {
  if (kind === 'partnership') await reindexPartnershipItems(db, id, { remove: true });
  else {
    await reindexItem(db, kind as 'event' | 'record', id, await indexedStateOf(db, kind as 'event' | 'record', id));
    await db.deleteFrom('translations').where('item_kind', '=', kind).where('item_id', '=', id).execute();
  }
  const result = await db.deleteFrom(TABLE[kind]).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** How many events and records the partnership holds. */
export async function countItemsOf(db: Kysely<Database>, partnershipId: number): Promise<number> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('events').select(eb.fn.countAll().as('n')).where('partnership_id', '=', partnershipId).as('events'),
      eb.selectFrom('photo_records').select(eb.fn.countAll().as('n')).where('partnership_id', '=', partnershipId).as('records'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.events) + Number(row.records);
}

function rowToPartnershipItem(row: Selectable<PartnershipTable>, years: number[]): EditableItem<'partnership'> {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at,
    home: row.home,
    partner: row.partner,
    kind: row.kind,
    affiliatedOn: row.affiliated_on,
    noExchangeYears: years,
    status: statusOf(row.status),
  };
}

function rowToEventItem(row: Selectable<EventTable>, translations: Translations): EditableItem<'event'> {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at,
    partnershipId: row.partnership_id,
    year: row.year,
    date: row.date,
    direction: isDirection(row.direction) ? row.direction : 'unknown',
    text: row.text,
    translations,
    status: statusOf(row.status),
  };
}

function rowToRecordItem(row: Selectable<PhotoRecordTable>, translations: Translations): EditableItem<'record'> {
  return {
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at,
    partnershipId: row.partnership_id,
    year: row.year,
    caption: row.caption,
    translations,
    eventId: row.event_id,
    photo: row.photo,
    status: statusOf(row.status),
  };
}

function statusOf(s: string): ItemStatus {
  return s === 'draft' ? 'draft' : 'published';
}

async function noExchangeYears(db: Kysely<Database>, partnershipId: number): Promise<number[]> {
  const rows = await db.selectFrom('exchange_years').select('year').where('partnership_id', '=', partnershipId).where('no_exchange', '=', 1).orderBy('year').execute();
  return rows.map((r) => r.year);
}

async function replaceYears(db: Kysely<Database>, partnershipId: number, years: readonly number[]): Promise<void> {
  await db.deleteFrom('exchange_years').where('partnership_id', '=', partnershipId).execute();
  const unique = [...new Set(years)].sort((a, b) => a - b);
  if (unique.length > 0) {
    await db.insertInto('exchange_years').values(unique.map((year) => ({ partnership_id: partnershipId, year, no_exchange: 1 }))).execute();
  }
}

/** The translations of every event or photo record of a partnership, by item id. */
function translationsOfPartnership(db: Kysely<Database>, kind: 'event' | 'record', partnershipId: number): Promise<Map<number, Translations>> {
  const items = kind === 'event' ? db.selectFrom('events').select('id').where('partnership_id', '=', partnershipId) : db.selectFrom('photo_records').select('id').where('partnership_id', '=', partnershipId);
  return loadTranslations(db, kind, items);
}


async function replaceTranslations(db: Kysely<Database>, kind: 'event' | 'record', id: number, t: Translations, now: string): Promise<void> {
  await db.deleteFrom('translations').where('item_kind', '=', kind).where('item_id', '=', id).execute();
  const rows = TRANSLATION_LOCALES.flatMap((locale) => {
    const text = t[locale]?.trim();
    return text ? [{ item_kind: kind, item_id: id, locale, text, updated_at: now }] : [];
  });
  if (rows.length > 0) await db.insertInto('translations').values(rows).execute();
}

async function nextPosition(db: Kysely<Database>, kind: 'event' | 'record', partnershipId: number): Promise<number> {
  const row = await db
    .selectFrom(TABLE[kind])
    .select((eb) => eb.fn.max('position').as('max'))
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}
