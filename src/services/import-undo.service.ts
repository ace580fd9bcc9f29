import type { Kysely } from 'kysely';
import type { EditableItem, FieldsOf, HistoryEntry, ItemKind } from '../domain/editing.js';
import type { NotUndoableReason, UndoItem, UndoItems, UndoPlan } from '../domain/import-undo.js';
import type { ImportEntry } from '../domain/import-log.js';
import { KoryuError } from '../errors.js';
import type { Database, Store } from '../storage/database.js';
import { findItem, listItemsOf } from '../storage/editing.repository.js';
import { findImportHistoryEnd, latestHistoryId, listImportHistory } from '../storage/history.repository.js';
import { findImport, findLatestImportId, markImportUndone, recordImport } from '../storage/import.repository.js';
import { findImportProvenance, restoreProvenance } from '../storage/import-provenance.repository.js';
import { restoreKeptExtras } from '../storage/knowledge.repository.js';
export type { NotUndoableReason, UndoItem, UndoItems, UndoPlan } from '../domain/import-undo.js';
import { editItemIn, removeItemIn, restoreEntryIn, type Actor, type UndoMark } from './editing.service.js';

const RESTORE_INSTEAD = '個々の項目は、各項目の「変更履歴」から元の版を一つずつ復元してください。';

const MESSAGES: Readonly<Record<NotUndoableReason, (id: number, by: number | null) => string>> = {
  isUndo: (id) => `#${id} は取り込みの取り消しの記録なので、取り消せません。${RESTORE_INSTEAD}`,
  alreadyUndone: (id, by) => `取り込み #${id} はすでに取り消されています（#${by}）。`,
  laterImport: (id) => `取り込み #${id} の後に、同じ提携先への取り込み（または取り消し）があるため、取り消せません。取り消せるのは提携先の最新の取り込みだけです。${RESTORE_INSTEAD}`,
  laterChange: (id) => `取り込み #${id} の後に、この提携先の項目が編集されているため、取り消せません（取り消すと、その編集も失われます）。${RESTORE_INSTEAD}`,
  notLinked: (id) => `取り込み #${id} は取り消しの仕組みができる前に記録されたため、どの変更がこの取り込みのものか分からず、取り消せません。${RESTORE_INSTEAD}`,
  nothingChanged: (id) => `取り込み #${id} は何も変えていないため、取り消すものがありません。`,
};

/** An import that cannot be undone (ImportNotUndoable), with its reason. Nothing was written. */
export class ImportNotUndoableError extends KoryuError {
  constructor(
    readonly reason: NotUndoableReason,
    readonly importId: number,
    readonly undoneBy: number | null = null,
  ) {
    super('ImportNotUndoable', MESSAGES[reason](importId, undoneBy));
  }
}

/**
 * Whether a logged import can be undone now, from its log row and a few indexed reads: its partnership and the
 * newest of its history entries, or ImportNotUndoable saying why not.
 */
async function checkUndoable(db: Kysely<Database>, entry: ImportEntry): Promise<{ partnershipId: number; lastId: number }> {
  if (entry.undoes !== null) throw new ImportNotUndoableError('isUndo', entry.id);
  if (entry.undoneBy !== null) throw new ImportNotUndoableError('alreadyUndone', entry.id, entry.undoneBy);
  if ((await findLatestImportId(db, entry.home, entry.partner)) !== entry.id) throw new ImportNotUndoableError('laterImport', entry.id);
  const end = await findImportHistoryEnd(db, entry.id);
  if (!end) throw new ImportNotUndoableError(changedNothing(entry) ? 'nothingChanged' : 'notLinked', entry.id);
  if ((await latestHistoryId(db, end.partnershipId)) > end.lastId) throw new ImportNotUndoableError('laterChange', entry.id);
  return end;
}

/** What undoing one import would do, or ImportNotUndoable saying why it cannot be undone (ImportNotFound: no such import). */
export async function planUndo(db: Kysely<Database>, importId: number): Promise<UndoPlan> {
  const entry = await findImport(db, importId);
  if (!entry) throw new KoryuError('ImportNotFound', `No import #${importId} is logged.`);
  const { partnershipId } = await checkUndoable(db, entry);
  const entries = await listImportHistory(db, entry.id);
  const created = entries.some((e) => e.kind === 'partnership' && e.before === null);
  const plan: UndoPlan = {
    entry,
    partnershipId,
    removesPartnership: created,
    remove: { events: [], records: [] },
    putBack: { events: [], records: [] },
    restore: { events: [], records: [] },
    partnershipChanged: !created && entries.some((e) => e.kind === 'partnership'),
    entries,
  };
  if (created) {
    // Everything the partnership holds came with the import (no change since): all of it goes with it.
    const { events, records } = await listItemsOf(db, partnershipId);
    plan.remove = { events: events.map((e) => itemOf(e.id, e)), records: records.map((r) => itemOf(r.id, r)) };
    return plan;
  }
  for (const e of entries) {
    if (e.kind === 'partnership') continue;
    const list = e.action === 'delete' ? plan.restore : e.before === null ? plan.remove : plan.putBack;
    const shown = (e.action === 'delete' ? e.before : e.before === null ? e.after : e.after) as FieldsOf['event'] | FieldsOf['record'];
    (e.kind === 'event' ? list.events : list.records).push(itemOf(e.itemId, shown));
  }
  return plan;
}

/** What an undo did: the import it undid (now marked undone) and the log row of the undo. */
export interface UndoResult {
  plan: UndoPlan;
  undone: ImportEntry;
  logged: ImportEntry;
}

/**
 * Undoes one logged import of one partnership, in one transaction: items it added are removed, changed ones get
 * their fields before it back, removed ones are restored in their old place (with their translations, photo links,
 * fields of exchange), and the partnership's own fields are put back; a partnership it created is removed. Each
 * change is a history entry marked with the import it undid, and the import log gets a row saying so.
 */
export async function undoImport(store: Store, importId: number, actor: Actor): Promise<UndoResult> {
  return store.transaction(async (trx) => {
    // Checked again in the transaction: the page that asked may be stale.
    const plan = await planUndo(trx, importId);
    const mark: UndoMark = { undoes: importId };
    if (plan.removesPartnership) await removeCreated(trx, plan.partnershipId, actor, mark);
    else {
      await undoChanges(trx, plan.entries, actor, mark);
      // Last, every item's place and line in its document, and the partnership's source file, as before the import.
      const provenance = await findImportProvenance(trx, importId);
      if (provenance) await restoreProvenance(trx, plan.partnershipId, provenance);
    }
    const { entry } = plan;
    const counts = (items: UndoItems) => ({ events: items.events.length, records: items.records.length, years: 0 });
    const logged = await recordImport(
      trx,
      entry.source,
      {
        home: entry.home,
        partner: entry.partner,
        created: false,
        detailsChanged: plan.partnershipChanged,
        added: counts(plan.restore),
        changed: counts(plan.putBack),
        removed: counts(plan.remove),
      },
      actor.name,
      entry.id,
    );
    await markImportUndone(trx, entry.id, logged.id);
    return { plan, undone: { ...entry, undoneBy: logged.id }, logged };
  });
}

/** Removes a partnership an import created, with its photo records and events (each noted in its history). */
async function removeCreated(trx: Kysely<Database>, partnershipId: number, actor: Actor, mark: UndoMark): Promise<void> {
  const { events, records } = await listItemsOf(trx, partnershipId);
  for (const r of records) await removeItemIn(trx, 'record', r.id, r.version, actor, mark);
  for (const e of events) await removeItemIn(trx, 'event', e.id, e.version, actor, mark);
  const partnership = await findItem(trx, 'partnership', partnershipId);
  if (partnership) await removeItemIn(trx, 'partnership', partnershipId, partnership.version, actor, mark);
}

/**
 * Reverses an import's entries of a partnership it updated. The order keeps every link valid: added records, then
 * added events go; removed events come back and changed events get their old fields before the records, which may
 * show them; the partnership's own fields last.
 */
async function undoChanges(trx: Kysely<Database>, entries: readonly HistoryEntry[], actor: Actor, mark: UndoMark): Promise<void> {
  const added = (kind: ItemKind) => entries.filter((e) => e.kind === kind && e.action === 'import' && e.before === null);
  const removed = (kind: ItemKind) => entries.filter((e) => e.kind === kind && e.action === 'delete');
  const changed = (kind: ItemKind) => entries.filter((e) => e.kind === kind && e.action === 'import' && e.before !== null);
  for (const kind of ['record', 'event'] as const) {
    for (const e of added(kind)) {
      const item = await findItem(trx, kind, e.itemId);
      if (item) await removeItemIn(trx, kind, e.itemId, item.version, actor, mark);
    }
  }
  for (const kind of ['event', 'record'] as const) {
    for (const e of removed(kind)) await restoreEntryIn(trx, e, actor, undefined, mark);
    for (const e of changed(kind)) await putBack(trx, e, actor, mark);
  }
  for (const e of changed('partnership')) await putBack(trx, e, actor, mark);
}

/** Gives an item the fields it had before the import (and what the history kept beside them). */
async function putBack(trx: Kysely<Database>, e: HistoryEntry, actor: Actor, mark: UndoMark): Promise<void> {
  const current: EditableItem<ItemKind> | undefined = await findItem(trx, e.kind, e.itemId);
  if (!current) return;
  await editItemIn(trx, e.kind, e.itemId, e.before!, current.version, actor, 'restore', mark);
  await restoreKeptExtras(trx, e.kind, e.itemId, e.kept);
}

function changedNothing(entry: ImportEntry): boolean {
  const { added, changed, removed } = entry;
  return [added, changed, removed].every((c) => c.events === 0 && c.records === 0);
}

function itemOf(id: number, fields: FieldsOf['event'] | FieldsOf['record']): UndoItem {
  return { id, year: fields.year, text: 'text' in fields ? fields.text : fields.caption };
}

/**
 * Which of these logged imports (a page of the log, newest first) can be undone now. Only the first row of each
 * partnership in a newest-first list can be its latest import; each of those is checked as an undo would be.
 */
export async function undoableImports(db: Kysely<Database>, entries: readonly ImportEntry[]): Promise<Set<number>> {
  const seen = new Set<string>();
  const undoable = new Set<number>();
  for (const entry of entries) {
    const key = `${entry.home}\u0000${entry.partner}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      await checkUndoable(db, entry);
      undoable.add(entry.id);
    } catch (error) {
      if (!(error instanceof ImportNotUndoableError)) throw error;
    }
  }
  return undoable;
}
