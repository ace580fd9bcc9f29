import type { ExchangeEvent } from './partnership.js';

type Placed = Pick<ExchangeEvent, 'year' | 'date'>;

/**
 * Whether `date` is later than `than`, both YYYY-MM-DD or YYYY-MM, compared as far as both go: a month is neither
 * before nor after a day of it.
 */
export function isLaterDate(date: string | null, than: string): boolean {
  if (date === null) return false;
  const n = Math.min(date.length, than.length);
  return date.slice(0, n) > than.slice(0, n);
}

/**
 * Where an event added on the web (or whose date or year staff changed) goes among its partnership's other events,
 * given in their stored order: the index to put it at. A dated event goes before the first event of its year with a
 * later date; otherwise (no later date there, or no date) after the last event of its year, so that the document
 * order of the others stands; in a year without events, before the first event of a later year, so that the stored
 * order stays in year order, which an export and its re-import keep.
 */
export function placeByDate(events: readonly Placed[], event: Placed): number {
  const { year, date } = event;
  if (date !== null) {
    const later = events.findIndex((e) => e.year === year && isLaterDate(e.date, date));
    if (later >= 0) return later;
  }
  let last = -1;
  events.forEach((e, i) => {
    if (e.year === year) last = i;
  });
  if (last >= 0) return last + 1;
  const next = events.findIndex((e) => e.year > year);
  return next >= 0 ? next : events.length;
}

/**
 * Where a deleted event stood among the events of its year when it was deleted: the ids of those before it and of
 * those after it, each nearest first. History keeps it with the deletion, so that a restore puts the event back there.
 */
export interface EventPlace {
  previous: number[];
  next: number[];
}

/** The place of `events[index]` among the events of its year (events in their stored order). */
export function placeOf(events: readonly (Placed & { id: number })[], index: number): EventPlace {
  const year = events[index]!.year;
  const ids = (list: readonly (Placed & { id: number })[]) => list.filter((e) => e.year === year).map((e) => e.id);
  return { previous: ids(events.slice(0, index)).reverse(), next: ids(events.slice(index + 1)) };
}

/**
 * Where a restored event goes among its partnership's other events (in their stored order): before the nearest of
 * the events that followed it in its year and are still there, else after the nearest of those before it, else (its
 * neighbours gone, moved to another year, or no place recorded) where placeByDate puts an event added on the web.
 */
export function placeRestored(events: readonly (Placed & { id: number })[], event: Placed, place: EventPlace | undefined): number {
  const inYear = (id: number) => events.findIndex((e) => e.id === id && e.year === event.year);
  for (const id of place?.next ?? []) {
    const at = inYear(id);
    if (at >= 0) return at;
  }
  for (const id of place?.previous ?? []) {
    const at = inYear(id);
    if (at >= 0) return at + 1;
  }
  return placeByDate(events, event);
}

/**
 * The stored order of a partnership's events (in their stored order) after staff move the undated event `id` one
 * place up (-1) or down (1) within its year: it changes places with its neighbour of the same year. Undefined when it
 * has none that way (the first or last of its year), or when the event is dated or not there: a dated event's place
 * follows its date (placeByDate), and it is changed by changing the date.
 */
export function movedWithinYear<E extends Placed & { id: number }>(events: readonly E[], id: number, step: -1 | 1): E[] | undefined {
  const at = events.findIndex((e) => e.id === id);
  const event = events[at];
  if (!event || event.date !== null) return undefined;
  const other = at + step;
  if (other < 0 || other >= events.length || events[other]!.year !== event.year) return undefined;
  const order = [...events];
  [order[at], order[other]] = [order[other]!, order[at]!];
  return order;
}

/** Whether the undated event `id` can move one place up (-1) or down (1) within its year (movedWithinYear). */
export function canMoveWithinYear(events: readonly (Placed & { id: number })[], id: number, step: -1 | 1): boolean {
  return movedWithinYear(events, id, step) !== undefined;
}
