import {
  checkEvent,
  checkPartnership,
  checkRecord,
  diffFields,
  type EditableItem,
  type EditProblem,
  type FieldsOf,
  type HistoryEntry,
  type ItemKind,
  withFlatTexts,
} from '../domain/editing.js';
import { suggestFields } from '../domain/exchange-field.js';
import { mergeTranslations, withoutEmptyTranslations } from '../domain/translation.js';
import { KoryuError } from '../errors.js';
import type { Database, Store } from '../storage/database.js';
import { countItemsOf, deleteItem, findItem, insertItem, listItemsOf, listPartnershipItems, updateItem } from '../storage/editing.repository.js';
import { findHistoryEntry, insertHistory, lastVersion, listDeleted, listHistory, recordsUnlinkedFrom } from '../storage/history.repository.js';
import { restoreKeptExtras, saveSuggestedFields } from '../storage/knowledge.repository.js';
import { findEventPlace, placeEvent } from '../storage/event-position.repository.js';
import type { Kysely } from 'kysely';
import { EditConflictError, EditRejectedError } from './edit.errors.js';
import { isDateOutsideEra, isImpossibleDate } from './entry.read.js';

/** Who makes a change, as history records it (an account name). */
export interface Actor {
  name: string;
}

const LABEL: Readonly<Record<ItemKind, string>> = { partnership: 'partnership', event: 'event', record: 'photo record' };

/** The item, drafts included; ItemNotFound when there is none. */
export async function getItem<K extends ItemKind>(store: Store, kind: K, id: number): Promise<EditableItem<K>> {
  const item = await findItem(store.db, kind, id);
  if (!item) throw notFound(kind);
  return item;
}

/** The items of these ids that exist (drafts included), in the order given; the ids of deleted items are left out. */
export async function existingItems<K extends ItemKind>(store: Store, kind: K, ids: Iterable<number>): Promise<EditableItem<K>[]> {
  const found: EditableItem<K>[] = [];
  for (const id of ids) {
    const item = await findItem(store.db, kind, id);
    if (item) found.push(item);
  }
  return found;
}

export async function listPartnershipsForStaff(store: Store): Promise<EditableItem<'partnership'>[]> {
  return listPartnershipItems(store.db);
}

/** A partnership with all its events and records, drafts included. */
export async function getPartnershipForStaff(store: Store, id: number) {
  const partnership = await getItem(store, 'partnership', id);
  return { partnership, ...(await listItemsOf(store.db, id)) };
}

/** Creates an item (at version 1) and records it in the history, in one transaction. */
export async function createItem<K extends ItemKind>(store: Store, kind: K, fields: FieldsOf[K], actor: Actor): Promise<EditableItem<K>> {
  // What staff type or paste is stored as an import of the same text in a document's cell would store it.
  fields = withFlatTexts(kind, fields);
  if (kind !== 'partnership') {
    const f = fields as FieldsOf['event'];
    fields = { ...f, translations: withoutEmptyTranslations(f.translations) } as FieldsOf[K];
  } else {
    const p = fields as FieldsOf['partnership'];
    fields = { ...p, noExchangeYears: yearsInOrder(p.noExchangeYears) } as FieldsOf[K];
  }
  return store.transaction(async (trx) => {
    await check(trx, kind, fields, undefined);
    const now = new Date().toISOString();
    const id = await insertItem(trx, kind, fields, now);
    if (kind === 'event') await placeEvent(trx, id);
    await suggestFieldsOf(trx, kind, id, fields);
    await insertHistory(trx, { kind, itemId: id, partnershipId: partnershipOf(kind, fields, id), version: 1, action: 'create', actor: actor.name, at: now, before: null, after: fields });
    if (kind === 'event') await unmarkYearOf(trx, fields as FieldsOf['event'], now, actor);
    return (await findItem(trx, kind, id))!;
  });
}

/**
 * Applies `patch` to the item if it is still at `expectedVersion`; otherwise EditConflict with the stored item.
 * The change and its history entry are one transaction. An event's or record's partnership never changes.
 */
export async function editItem<K extends ItemKind>(
  store: Store,
  kind: K,
  id: number,
  patch: Partial<FieldsOf[K]>,
  expectedVersion: number,
  actor: Actor,
  action: 'update' | 'restore' = 'update',
): Promise<EditableItem<K>> {
  return store.transaction((trx) => editItemIn(trx, kind, id, patch, expectedVersion, actor, action));
}

/** What an undo of an import (services/import-undo.service.ts) notes on the history entries it writes. */
export interface UndoMark {
  /** The import being undone (imports.id). */
  undoes: number;
}

/** editItem inside the caller's transaction; an undo of an import passes `mark`. */
export async function editItemIn<K extends ItemKind>(
  trx: Kysely<Database>,
  kind: K,
  id: number,
  patch: Partial<FieldsOf[K]>,
  expectedVersion: number,
  actor: Actor,
  action: 'update' | 'restore' = 'update',
  mark?: UndoMark,
): Promise<EditableItem<K>> {
  const current = await findItem(trx, kind, id);
  if (!current) throw notFound(kind);
  if (current.version !== expectedVersion) throw new EditConflictError(current, kind, expectedVersion);
  const before = fieldsOf(kind, current);
  // Texts are flattened as a new item's are, a restore's too: a version recorded before the editor flattened them
  // may hold a line break, which no document's cell can (its export would split it).
  const after = applyPatch(kind, before, withFlatTexts(kind, patch), action, current);
  // An edit that changes nothing is no new version and no history entry.
  if (diffFields(before, after).length === 0) return current;
  // A restore puts back a state the history recorded: only what the store decides is checked again (a year it
  // marks as without exchange that holds exchanges since, say: against the current state).
  await check(trx, kind, after, id, action === 'restore' ? after : before, before);
  const now = new Date().toISOString();
  const version = await updateItem(trx, kind, id, after, expectedVersion, now);
  if (version === undefined) throw new EditConflictError(((await findItem(trx, kind, id)) ?? current) as EditableItem<ItemKind>, kind, expectedVersion);
  if (kind === 'event' && movesInTime(before as FieldsOf['event'], after as FieldsOf['event'])) await placeEvent(trx, id);
  await suggestFieldsOf(trx, kind, id, after);
  await insertHistory(trx, { kind, itemId: id, partnershipId: partnershipOf(kind, after, id), version, action, actor: actor.name, at: now, before, after, ...mark });
  // Only an edit that moves the event into another year takes a mark away: a translation saved on an event of a
  // year marked before this rule (a translator may not change the partnership) leaves the partnership as it is.
  if (kind === 'event' && (after as FieldsOf['event']).year !== (before as FieldsOf['event']).year) await unmarkYearOf(trx, after as FieldsOf['event'], now, actor);
  return (await findItem(trx, kind, id))!;
}

/** Deletes the item if it is still at `expectedVersion`; its last state stays in the history to be restored. */
export async function removeItem(store: Store, kind: ItemKind, id: number, expectedVersion: number, actor: Actor): Promise<void> {
  await store.transaction((trx) => removeItemIn(trx, kind, id, expectedVersion, actor));
}

/** removeItem inside the caller's transaction; an undo of an import passes `mark`. */
export async function removeItemIn(trx: Kysely<Database>, kind: ItemKind, id: number, expectedVersion: number, actor: Actor, mark?: UndoMark): Promise<void> {
  const current = await findItem(trx, kind, id);
  if (!current) throw notFound(kind);
  if (current.version !== expectedVersion) throw new EditConflictError(current, kind, expectedVersion);
  if (kind === 'partnership' && (await countItemsOf(trx, id)) > 0) {
    // This partnership still has events or photo records: they are deleted first.
    throw new EditRejectedError([{ field: '', problem: 'notEmpty' }]);
  }
  const before = fieldsOf(kind, current);
  const now = new Date().toISOString();
  // The photo records showing a deleted event lose their link with it, each as an edit in its own history (the
  // database would take the links away without a word): restoring the event gives them back.
  if (kind === 'event') {
    for (const recordId of await recordsShowing(trx, id)) await setRecordEvent(trx, recordId, null, now, actor, 'update', mark);
  }
  // Where a deleted event stood in its year goes with its deletion: a restore puts it back there.
  const place = kind === 'event' ? await findEventPlace(trx, id) : undefined;
  await deleteItem(trx, kind, id);
  await insertHistory(trx, {
    kind,
    itemId: id,
    partnershipId: partnershipOf(kind, before, id),
    version: current.version + 1,
    action: 'delete',
    actor: actor.name,
    at: now,
    before,
    after: null,
    ...(place ? { place } : {}),
    ...mark,
  });
}

export async function historyOf<K extends ItemKind>(store: Store, kind: K, id: number): Promise<HistoryEntry<K>[]> {
  const entries = await listHistory(store.db, kind, id);
  if (entries.length === 0 && !(await findItem(store.db, kind, id))) throw notFound(kind);
  return entries;
}

/** One history entry by its id, or undefined. */
export async function historyEntry(store: Store, historyId: number): Promise<HistoryEntry | undefined> {
  return findHistoryEntry(store.db, historyId);
}

export async function deletedItems(store: Store): Promise<HistoryEntry[]> {
  return listDeleted(store.db);
}

/**
 * What a restore puts back: the whole recorded state, or (`translations`, what a translator may restore) only the
 * translations of an existing event or photo record.
 */
export type RestorePart = 'whole' | 'translations';

/**
 * Brings the item back to the state a history entry recorded (for a deletion, the state before it). An item that
 * exists is edited (as editItem, on `expectedVersion`, default its current version); a deleted one is
 * inserted again under its old id. An event's or record's translations are put back for the languages the recorded
 * state has, and a translation added since in another language is kept (applyPatch): a restore of the Japanese
 * text never silently takes away a translator's later work, which an edit can still remove. `part` `translations`
 * restores nothing else; it is refused (EditRejected, `translationsOnly`) for a partnership or a deleted item.
 */
export async function restoreVersion(store: Store, historyId: number, actor: Actor, expectedVersion?: number, part: RestorePart = 'whole'): Promise<EditableItem<ItemKind>> {
  const entry = await findHistoryEntry(store.db, historyId);
  if (!entry) throw new KoryuError('ItemNotFound', 'No such history entry.');
  return store.transaction((trx) => restoreEntryIn(trx, entry, actor, expectedVersion, undefined, part));
}

/** restoreVersion of a history entry, inside the caller's transaction; an undo of an import passes `mark`. */
export async function restoreEntryIn(
  trx: Kysely<Database>,
  entry: HistoryEntry,
  actor: Actor,
  expectedVersion?: number,
  mark?: UndoMark,
  part: RestorePart = 'whole',
): Promise<EditableItem<ItemKind>> {
  const snapshot = entry.after ?? entry.before;
  if (!snapshot) throw new KoryuError('ItemNotFound', 'That history entry holds no state to restore.');
  const existing = await findItem(trx, entry.kind, entry.itemId);
  if (part === 'translations') {
    if (!existing || entry.kind === 'partnership') throw new EditRejectedError([{ field: '', problem: 'translationsOnly' }]);
    const translations = (snapshot as FieldsOf['event']).translations;
    return editItemIn(trx, entry.kind, entry.itemId, { translations } as Partial<FieldsOf[ItemKind]>, expectedVersion ?? existing.version, actor, 'restore', mark);
  }
  if (existing) return editItemIn(trx, entry.kind, entry.itemId, snapshot, expectedVersion ?? existing.version, actor, 'restore', mark);
  const fields = withFlatTexts(entry.kind, { ...snapshot } as FieldsOf[ItemKind]);
  if (entry.kind === 'record') {
    const r = fields as FieldsOf['record'];
    if (r.eventId !== null && !(await findItem(trx, 'event', r.eventId))) r.eventId = null;
  }
  // The state the history recorded is checked only on what the store decides (its partner not taken, say), and
  // an event or record is not brought back beside its own copy (one a re-import added again since its deletion).
  await check(trx, entry.kind, fields, undefined, snapshot as FieldsOf[ItemKind]);
  await refuseCopy(trx, entry.kind, fields);
  const now = new Date().toISOString();
  const version = (await lastVersion(trx, entry.kind, entry.itemId)) + 1;
  await insertItem(trx, entry.kind, fields, now, { id: entry.itemId, version });
  if (entry.kind === 'event') await placeEvent(trx, entry.itemId, entry.place);
  await suggestFieldsOf(trx, entry.kind, entry.itemId, fields);
  // A deletion by an import kept what the snapshot does not hold (fields of exchange, link confidence).
  if (entry.after === null) await restoreKeptExtras(trx, entry.kind, entry.itemId, entry.kept);
  // The photo records the deletion unlinked show the event again, where no one has linked them elsewhere since.
  if (entry.kind === 'event' && entry.action === 'delete') {
    for (const recordId of await recordsUnlinkedFrom(trx, entry.partnershipId, entry.itemId, entry.at)) {
      const record = await findItem(trx, 'record', recordId);
      if (record && record.eventId === null) await setRecordEvent(trx, recordId, entry.itemId, now, actor, 'restore', mark);
    }
  }
  await insertHistory(trx, {
    kind: entry.kind,
    itemId: entry.itemId,
    partnershipId: entry.partnershipId,
    version,
    action: 'restore',
    actor: actor.name,
    at: now,
    before: null,
    after: fields,
    ...mark,
  });
  if (entry.kind === 'event') await unmarkYearOf(trx, fields as FieldsOf['event'], now, actor);
  return (await findItem(trx, entry.kind, entry.itemId))!;
}

/**
 * Refuses to insert again an event identical to one its partnership holds (same year, direction and text) or a
 * photo record identical to one (same year and caption): restoring it would make the record say it twice.
 */
async function refuseCopy(trx: Kysely<Database>, kind: ItemKind, fields: FieldsOf[ItemKind]): Promise<void> {
  if (kind === 'event') {
    const f = fields as FieldsOf['event'];
    const same = await trx
      .selectFrom('events')
      .select('id')
      .where('partnership_id', '=', f.partnershipId)
      .where('year', '=', f.year)
      .where('direction', '=', f.direction)
      .where('text', '=', f.text)
      .executeTakeFirst();
    if (same) throw new EditRejectedError([{ field: '', problem: 'duplicateEvent' }]);
  } else if (kind === 'record') {
    const f = fields as FieldsOf['record'];
    const same = await trx.selectFrom('photo_records').select('id').where('partnership_id', '=', f.partnershipId).where('year', '=', f.year).where('caption', '=', f.caption).executeTakeFirst();
    if (same) throw new EditRejectedError([{ field: '', problem: 'duplicateRecord' }]);
  }
}

/**
 * An exchange added to (or moved into, or restored in) a year its partnership marks as without exchange takes the
 * mark away, as a change of the partnership in its own history by the same person: the record never says both of
 * one year (every export would). The page that saved the event says so (see unmarkedYear in the staff pages).
 */
async function unmarkYearOf(trx: Kysely<Database>, event: FieldsOf['event'], now: string, actor: Actor): Promise<void> {
  const current = await findItem(trx, 'partnership', event.partnershipId);
  if (!current || !current.noExchangeYears.includes(event.year)) return;
  const before = fieldsOf('partnership', current);
  const after: FieldsOf['partnership'] = { ...before, noExchangeYears: before.noExchangeYears.filter((y) => y !== event.year) };
  const version = await updateItem(trx, 'partnership', current.id, after, current.version, now);
  if (version === undefined) throw new EditConflictError(current, 'partnership', current.version);
  await insertHistory(trx, { kind: 'partnership', itemId: current.id, partnershipId: current.id, version, action: 'update', actor: actor.name, at: now, before, after });
}

/** The ids of the photo records linked to an event. */
async function recordsShowing(trx: Kysely<Database>, eventId: number): Promise<number[]> {
  return (await trx.selectFrom('photo_records').select('id').where('event_id', '=', eventId).orderBy('id').execute()).map((r) => r.id);
}

/** Links a photo record to an event (or unlinks it: null) as a new version with its history entry. */
async function setRecordEvent(trx: Kysely<Database>, recordId: number, eventId: number | null, now: string, actor: Actor, action: 'update' | 'restore', mark?: UndoMark): Promise<void> {
  const current = (await findItem(trx, 'record', recordId))!;
  const before = fieldsOf('record', current);
  const after: FieldsOf['record'] = { ...before, eventId };
  const version = await updateItem(trx, 'record', recordId, after, current.version, now);
  if (version === undefined) throw new EditConflictError(current, 'record', current.version);
  await insertHistory(trx, { kind: 'record', itemId: recordId, partnershipId: before.partnershipId, version, action, actor: actor.name, at: now, before, after, ...mark });
}

/**
 * An event's fields of exchange as suggested by its text, stored as an import stores them, after the event is
 * created, edited or restored; fields an editor set stay as they are.
 */
async function suggestFieldsOf(trx: Kysely<Database>, kind: ItemKind, id: number, fields: FieldsOf[ItemKind]): Promise<void> {
  if (kind === 'event') await saveSuggestedFields(trx, id, suggestFields((fields as FieldsOf['event']).text));
}

/**
 * Whether an edit gives the event another place in time: another year, or another date (an event whose date is
 * removed keeps its place in its year).
 */
function movesInTime(before: FieldsOf['event'], after: FieldsOf['event']): boolean {
  return after.year !== before.year || (after.date !== null && after.date !== before.date);
}

/** The editable fields of a stored item, as history snapshots hold them. */
export function fieldsOf<K extends ItemKind>(kind: K, item: EditableItem<K>): FieldsOf[K] {
  const { id: _id, version: _v, updatedAt: _u, ...fields } = item;
  void kind;
  return fields as unknown as FieldsOf[K];
}

/**
 * The item's fields after `patch`: an event's or record's partnership never changes, and an update's translations
 * are merged by language (mergeTranslations), while a restore puts back the snapshot's translations and keeps the
 * stored ones of the languages the snapshot has none in (translations added since).
 */
function applyPatch<K extends ItemKind>(kind: K, before: FieldsOf[K], patch: Partial<FieldsOf[K]>, action: 'update' | 'restore', current: EditableItem<K>): FieldsOf[K] {
  const after = { ...before, ...withoutUndefined(patch), ...fixed(kind, current) } as FieldsOf[K];
  if (kind === 'partnership') {
    const p = after as FieldsOf['partnership'];
    p.noExchangeYears = yearsInOrder(p.noExchangeYears);
  }
  if (kind !== 'partnership' && 'translations' in after) {
    const given = (patch as Partial<FieldsOf['event']>).translations;
    const stored = (before as FieldsOf['event']).translations;
    (after as FieldsOf['event']).translations =
      given === undefined ? stored : action === 'update' ? mergeTranslations(stored, given) : { ...stored, ...withoutEmptyTranslations(given) };
  }
  return after;
}

/**
 * Refuses the fields with every problem found. An edit is checked on what it changes: a value it leaves as stored
 * (an imported text longer than the editor allows, say) does not stop the edit of another field, nor the restore of
 * a state the history recorded. What the store decides (a partner taken, a partnership or event gone) is checked
 * whatever changed.
 */
async function check<K extends ItemKind>(
  db: Kysely<Database>,
  kind: K,
  fields: FieldsOf[K],
  id: number | undefined,
  before?: FieldsOf[K],
  storedState: FieldsOf[K] | undefined = before,
): Promise<void> {
  const own: EditProblem[] = [];
  const stored: EditProblem[] = [];
  if (kind === 'partnership') {
    const f = fields as FieldsOf['partnership'];
    own.push(...checkPartnership(f));
    const same = await db.selectFrom('partnerships').select('id').where('home', '=', f.home).where('partner', '=', f.partner).executeTakeFirst();
    if (same && same.id !== id) stored.push({ field: 'partner', problem: 'duplicate' });
    // A year newly marked as without exchange must hold none (a year marked before stays, whatever it holds).
    const marked = f.noExchangeYears.filter((y) => !(storedState as FieldsOf['partnership'] | undefined)?.noExchangeYears.includes(y));
    if (id !== undefined && marked.length > 0) {
      const held = await db.selectFrom('events').select('id').where('partnership_id', '=', id).where('year', 'in', marked).limit(1).executeTakeFirst();
      if (held) stored.push({ field: 'noExchangeYears', problem: 'yearHasEvents' });
    }
  } else {
    const f = fields as FieldsOf['event'] | FieldsOf['record'];
    own.push(...(kind === 'event' ? checkEvent(f as FieldsOf['event']) : checkRecord(f as FieldsOf['record'])));
    if (!(await findItem(db, 'partnership', f.partnershipId))) stored.push({ field: 'partnershipId', problem: 'notFound' });
    if (kind === 'record') {
      const eventId = (f as FieldsOf['record']).eventId;
      if (eventId !== null) {
        const event = await findItem(db, 'event', eventId);
        if (!event || event.partnershipId !== f.partnershipId) stored.push({ field: 'eventId', problem: 'invalidLink' });
      }
    }
  }
  // A date the checks cannot read may be one typed in an era it lies outside: say that, not "not a date".
  // Nor "not a date" for a date in the right form naming a day no calendar has (2024-02-30): say the day does not exist.
  for (const p of own) {
    if (p.problem !== 'invalidDate') continue;
    if (isDateOutsideEra(valueOf(fields, p.field))) p.problem = 'dateOutsideEra';
    else if (isImpossibleDate(valueOf(fields, p.field))) p.problem = 'noSuchDay';
  }
  const changed = own.filter((p) => before === undefined || fieldsOfProblem(p).some((field) => valueAt(before, field) !== valueAt(fields, field)));
  const problems = [...changed, ...stored];
  if (problems.length > 0) throw new EditRejectedError(problems);
}

/** The fields whose values a problem is about: a date outside its year is about both. */
function fieldsOfProblem(p: EditProblem): string[] {
  return p.problem === 'dateOutsideYear' ? ['date', 'year'] : [p.field];
}

/** A field's value, by its name. */
function valueOf(fields: object, field: string): unknown {
  return (fields as Record<string, unknown>)[field];
}

/** A field's value as JSON, by a dotted path (`translations.en`), for comparing two states of an item. */
function valueAt(fields: object, path: string): string | undefined {
  let value: unknown = fields;
  for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return JSON.stringify(value);
}

/** Years without exchange as a set: each once, ascending (one that is not a year last, for the checks to name). */
function yearsInOrder(years: readonly number[]): number[] {
  const rank = (y: number) => (Number.isInteger(y) ? y : Number.POSITIVE_INFINITY);
  return [...new Set(years)].sort((a, b) => rank(a) - rank(b));
}

/** Fields an edit may not change: a partnership's home, an item's partnership. */
function fixed<K extends ItemKind>(kind: K, current: EditableItem<K>): Partial<FieldsOf[K]> {
  if (kind === 'partnership') return { home: (current as EditableItem<'partnership'>).home } as unknown as Partial<FieldsOf[K]>;
  return { partnershipId: (current as EditableItem<'event'>).partnershipId } as unknown as Partial<FieldsOf[K]>;
}

function partnershipOf(kind: ItemKind, fields: object, id: number): number {
  return kind === 'partnership' ? id : (fields as { partnershipId: number }).partnershipId;
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function notFound(kind: ItemKind): KoryuError {
  return new KoryuError('ItemNotFound', `No such ${LABEL[kind]}.`);
}
