import type { Kysely } from 'kysely';
import { placeByDate, placeOf, placeRestored, type EventPlace } from '../domain/event-order.js';
import type { Database } from './database.js';

/** Ids per statement: well under SQLite's limit of bound parameters. */
const CHUNK = 500;

/** The event's place in its year among its partnership's events (in their stored order), to keep with its deletion. */
export async function findEventPlace(db: Kysely<Database>, id: number): Promise<EventPlace | undefined> {
  const self = await db.selectFrom('events').select('partnership_id').where('id', '=', id).executeTakeFirst();
  if (!self) return undefined;
  const events = await db.selectFrom('events').select(['id', 'year', 'date']).where('partnership_id', '=', self.partnership_id).orderBy('position').orderBy('id').execute();
  return placeOf(events, events.findIndex((e) => e.id === id));
}

/**
 * Moves the event to its place among its partnership's events (placeByDate over the others in their stored order:
 * position, then id; for a restored event given the place it had, placeRestored), numbering the partnership's
 * events 0, 1, 2 … in that order. Only positions that change are written: one statement for the events that move
 * one place on (those after it, the usual case), one per other.
 */
export async function placeEvent(db: Kysely<Database>, id: number, restoredTo?: EventPlace): Promise<void> {
  const self = await db.selectFrom('events').select(['id', 'partnership_id', 'year', 'date', 'position']).where('id', '=', id).executeTakeFirst();
  if (!self) return;
  const others = await db
    .selectFrom('events')
    .select(['id', 'year', 'date', 'position'])
    .where('partnership_id', '=', self.partnership_id)
    .where('id', '<>', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const at = restoredTo ? placeRestored(others, self, restoredTo) : placeByDate(others, self);
  const order = [...others.slice(0, at), self, ...others.slice(at)];
  const onePlaceOn: number[] = [];
  for (const [position, e] of order.entries()) {
    if (e.position === position) continue;
    if (e.position + 1 === position) onePlaceOn.push(e.id);
    else await db.updateTable('events').set({ position }).where('id', '=', e.id).execute();
  }
  for (let i = 0; i < onePlaceOn.length; i += CHUNK) {
    await db
      .updateTable('events')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('id', 'in', onePlaceOn.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * A partnership's events in their stored order (position, then id), with what ordering them needs, for the
 * editor's move within a year.
 */
export async function listEventOrder(db: Kysely<Database>, partnershipId: number): Promise<{ id: number; year: number; date: string | null; position: number }[]> {
  return db.selectFrom('events').select(['id', 'year', 'date', 'position']).where('partnership_id', '=', partnershipId).orderBy('position').orderBy('id').execute();
}

/** Numbers the events 0, 1, 2 … in the order given (a partnership's, all of them), writing only the positions that change. */
export async function writeEventOrder(db: Kysely<Database>, order: readonly { id: number; position: number }[]): Promise<void> {
  for (const [position, e] of order.entries()) {
    if (e.position !== position) await db.updateTable('events').set({ position }).where('id', '=', e.id).execute();
  }
}
