import type { Kysely, Selectable } from 'kysely';
import type { HistoryEntry, ItemKind, KeptExtras } from '../domain/editing.js';
import type { EventPlace } from '../domain/event-order.js';
import type { Database, HistoryTable } from './database.js';

/** A history entry before the store gives it an id. */
export type NewHistoryEntry<K extends ItemKind> = Omit<HistoryEntry<K>, 'id'>;

/** Records one change; call it in the transaction that makes the change. */
export async function insertHistory<K extends ItemKind>(db: Kysely<Database>, e: NewHistoryEntry<K>): Promise<number> {
  const { id } = await db.insertInto('history').values(historyRow(e)).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Entries per insert statement: 13 columns each, below both databases' bind limits. */
const HISTORY_CHUNK = 500;

/** Records many changes in a few statements (an import's items), in the order given; answers their ids. */
export async function insertHistoryEntries(db: Kysely<Database>, entries: readonly NewHistoryEntry<ItemKind>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < entries.length; i += HISTORY_CHUNK) {
    const rows = await db.insertInto('history').values(entries.slice(i, i + HISTORY_CHUNK).map(historyRow)).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Ids per update statement, below both databases' bind limits. */
const LINK_CHUNK = 5000;

/** Marks these history entries as part of the logged import `importId` (an import's entries are written before its log row). */
export async function linkHistoryToImport(db: Kysely<Database>, importId: number, historyIds: readonly number[]): Promise<void> {
  for (let i = 0; i < historyIds.length; i += LINK_CHUNK) {
    await db.updateTable('history').set({ import_id: importId }).where('id', 'in', historyIds.slice(i, i + LINK_CHUNK)).execute();
  }
}

/** The entries of one logged import, oldest first. */
export async function listImportHistory(db: Kysely<Database>, importId: number): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom('history').selectAll().where('import_id', '=', importId).orderBy('id').execute();
  return rows.map(rowToHistory);
}

/** The partnership of a logged import's entries and the id of its newest entry; undefined when none is linked to it. */
export async function findImportHistoryEnd(db: Kysely<Database>, importId: number): Promise<{ partnershipId: number; lastId: number } | undefined> {
  const row = await db
    .selectFrom('history')
    .select((eb) => ['partnership_id', eb.fn.max('id').as('last')])
    .where('import_id', '=', importId)
    .groupBy('partnership_id')
    .executeTakeFirst();
  return row ? { partnershipId: row.partnership_id, lastId: Number(row.last) } : undefined;
}

/** The id of the newest history entry of a partnership and its items (0 when it has none). */
export async function latestHistoryId(db: Kysely<Database>, partnershipId: number): Promise<number> {
  const row = await db
    .selectFrom('history')
    .select((eb) => eb.fn.max('id').as('m'))
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m);
}

function historyRow(e: NewHistoryEntry<ItemKind>) {
  return {
    item_kind: e.kind,
    item_id: e.itemId,
    partnership_id: e.partnershipId,
    version: e.version,
    action: e.action,
    actor: e.actor,
    at: e.at,
    before: e.before === null ? null : JSON.stringify(e.before),
    after: e.after === null ? null : JSON.stringify(e.after),
    place: e.place === undefined ? null : JSON.stringify(e.place),
    import_id: e.importId ?? null,
    kept: e.kept === undefined ? null : JSON.stringify(e.kept),
    undoes: e.undoes ?? null,
  };
}

/** An item's changes, newest first. */
export async function listHistory<K extends ItemKind>(db: Kysely<Database>, kind: K, itemId: number): Promise<HistoryEntry<K>[]> {
  const rows = await db.selectFrom('history').selectAll().where('item_kind', '=', kind).where('item_id', '=', itemId).orderBy('id', 'desc').execute();
  return rows.map((r) => rowToHistory(r) as HistoryEntry<K>);
}

export async function findHistoryEntry(db: Kysely<Database>, id: number): Promise<HistoryEntry | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await db.selectFrom('history').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToHistory(row) : undefined;
}

/** The last deletion of every item that is still deleted, newest first. */
export async function listDeleted(db: Kysely<Database>): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('history as h')
    .selectAll('h')
    .where('h.action', '=', 'delete')
    .where((eb) =>
      eb.or([
        eb.and([eb('h.item_kind', '=', 'partnership'), eb('h.item_id', 'not in', eb.selectFrom('partnerships').select('id'))]),
        eb.and([eb('h.item_kind', '=', 'event'), eb('h.item_id', 'not in', eb.selectFrom('events').select('id'))]),
        eb.and([eb('h.item_kind', '=', 'record'), eb('h.item_id', 'not in', eb.selectFrom('photo_records').select('id'))]),
      ]),
    )
    .where((eb) =>
      eb(
        'h.id',
        '=',
        eb.selectFrom('history as later').select((l) => l.fn.max('later.id').as('m')).whereRef('later.item_kind', '=', 'h.item_kind').whereRef('later.item_id', '=', 'h.item_id'),
      ),
    )
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map(rowToHistory);
}

/** The highest version any history entry gives the item (0 when it has none). */
export async function lastVersion(db: Kysely<Database>, kind: ItemKind, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('history')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('item_kind', '=', kind)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row?.v === null || row?.v === undefined ? 0 : Number(row.v);
}

function rowToHistory(r: Selectable<HistoryTable>): HistoryEntry {
  return {
    id: r.id,
    kind: r.item_kind,
    itemId: r.item_id,
    partnershipId: r.partnership_id,
    version: r.version,
    action: r.action,
    actor: r.actor,
    at: r.at,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    ...(r.place === null || r.place === undefined ? {} : { place: JSON.parse(r.place) as EventPlace }),
    ...(r.import_id === null || r.import_id === undefined ? {} : { importId: r.import_id }),
    ...(r.kept === null || r.kept === undefined ? {} : { kept: JSON.parse(r.kept) as KeptExtras }),
    ...(r.undoes === null || r.undoes === undefined ? {} : { undoes: r.undoes }),
  };
}

/**
 * The photo records the deletion of an event unlinked from it: the record edits of the deletion's moment (`at`) in
 * the event's partnership that took the link to `eventId` away.
 */
export async function recordsUnlinkedFrom(db: Kysely<Database>, partnershipId: number, eventId: number, at: string): Promise<number[]> {
  const rows = await db
    .selectFrom('history')
    .selectAll()
    .where('item_kind', '=', 'record')
    .where('action', '=', 'update')
    .where('partnership_id', '=', partnershipId)
    .where('at', '=', at)
    .orderBy('id')
    .execute();
  return rows
    .map(rowToHistory)
    .filter((e) => (e.before as { eventId?: unknown } | null)?.eventId === eventId && (e.after as { eventId?: unknown } | null)?.eventId === null)
    .map((e) => e.itemId);
}

