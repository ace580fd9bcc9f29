import { movedWithinYear, placeOf } from '../domain/event-order.js';
import type { EditableItem } from '../domain/editing.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { findItem, updateItem } from '../storage/editing.repository.js';
import { listEventOrder, writeEventOrder } from '../storage/event-position.repository.js';
import { insertHistory } from '../storage/history.repository.js';
import { EditConflictError, EditRejectedError } from './edit.errors.js';
import { fieldsOf, type Actor } from './editing.service.js';

/**
 * Moves an undated event one place up (-1) or down (1) among the events of its year, if it is still at
 * `expectedVersion` (else EditConflict): the order the pages, exports and a re-import of an export keep. It is a new
 * version of the event, with a history entry whose fields are unchanged and whose `place` is where it now stands (the
 * history page shows it as a change of order). A dated event is refused (`orderedByDate`: its date decides its
 * place), and so is a move past the first or last event of its year (`noPlaceToMove`).
 */
export async function moveEventWithinYear(store: Store, id: number, step: -1 | 1, expectedVersion: number, actor: Actor): Promise<EditableItem<'event'>> {
  return store.transaction(async (trx) => {
    const current = await findItem(trx, 'event', id);
    if (!current) throw new KoryuError('ItemNotFound', 'No such event.');
    if (current.version !== expectedVersion) throw new EditConflictError(current, 'event', expectedVersion);
    if (current.date !== null) throw new EditRejectedError([{ field: 'date', problem: 'orderedByDate' }]);
    const order = movedWithinYear(await listEventOrder(trx, current.partnershipId), id, step);
    if (!order) throw new EditRejectedError([{ field: '', problem: 'noPlaceToMove' }]);
    await writeEventOrder(trx, order);
    const now = new Date().toISOString();
    const fields = fieldsOf('event', current);
    const version = await updateItem(trx, 'event', id, fields, expectedVersion, now);
    if (version === undefined) throw new EditConflictError(((await findItem(trx, 'event', id)) ?? current) as EditableItem<'event'>, 'event', expectedVersion);
    const place = placeOf(order, order.findIndex((e) => e.id === id));
    await insertHistory(trx, { kind: 'event', itemId: id, partnershipId: current.partnershipId, version, action: 'update', actor: actor.name, at: now, before: fields, after: fields, place });
    return (await findItem(trx, 'event', id))!;
  });
}
