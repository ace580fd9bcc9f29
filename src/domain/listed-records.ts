import { diffEvents } from './partnership-diff.js';
import type { Partnership, PhotoRecord } from './partnership.js';

/**
 * The whole list of records for a partnership whose document lists only some of them (`recordsListedByEvents`: an
 * events CSV without its photo-record table), given what is stored. Every stored record stays, with its own year,
 * caption and order, and without `photo` or `translations` (undefined keeps the stored ones); its link follows its
 * event to the event's new place (an event the document no longer holds leaves it unlinked). A listed caption
 * names the stored record of that caption (the one showing the same event first), which then shows the event of the
 * row it was listed in; a caption no stored record has is added as a new record of that event, in the event's year.
 * So importing the events CSV alone never removes a record, never moves a caption onto another record's photo,
 * and re-importing an unchanged one changes nothing.
 */
export function mergeListedRecords(stored: Pick<Partnership, 'events' | 'records'>, p: Partnership): Partnership {
  const { recordsListedByEvents: _listed, ...rest } = p;
  if (!p.recordsListedByEvents) return rest;
  const plan = diffEvents(stored.events, p.events);
  const newIndex = new Map<number, number>([...plan.kept, ...plan.changed].map((pair) => [pair.old, pair.new]));
  const records: PhotoRecord[] = stored.records.map((r) => ({
    year: r.year,
    caption: r.caption,
    event: r.event === null ? null : (newIndex.get(r.event) ?? null),
    line: r.line,
  }));
  const named = new Set<number>();
  for (const listed of p.records) {
    const unnamed = (r: PhotoRecord, i: number) => !named.has(i) && r.caption === listed.caption;
    let at = records.findIndex((r, i) => unnamed(r, i) && r.event === listed.event);
    if (at < 0) at = records.findIndex(unnamed);
    if (at < 0) {
      named.add(records.push({ ...listed }) - 1);
      continue;
    }
    named.add(at);
    records[at] = { ...records[at]!, event: listed.event, line: listed.line, ...(listed.translations ? { translations: listed.translations } : {}) };
  }
  return { ...rest, records };
}
