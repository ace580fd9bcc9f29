import { isDirection, type Direction } from './direction.js';
import type { EventPlace } from './event-order.js';
import type { ExchangeField } from './exchange-field.js';
import type { Translations } from './translation.js';
import { isNoneText } from './none-mark.js';
import { flattenCellText } from './control-characters.js';

/** What the editor keeps: partnerships, their events and their photo records. Years are part of a partnership. */
export type ItemKind = 'partnership' | 'event' | 'record';
export const ITEM_KINDS: readonly ItemKind[] = ['partnership', 'event', 'record'];
export type ItemStatus = 'draft' | 'published';
export const ITEM_STATUSES: readonly ItemStatus[] = ['draft', 'published'];

/** The editable fields of a partnership, as history snapshots hold them. */
export interface PartnershipFields {
  home: string;
  partner: string;
  kind: string;
  affiliatedOn: string | null;
  /** Years marked as having no exchange. */
  noExchangeYears: number[];
  status: ItemStatus;
}

export interface EventFields {
  partnershipId: number;
  year: number;
  date: string | null;
  direction: Direction;
  /** The Japanese text. */
  text: string;
  translations: Translations;
  status: ItemStatus;
}

export interface RecordFields {
  partnershipId: number;
  year: number;
  caption: string;
  translations: Translations;
  /** The event the photo shows (an event of the same partnership), or null. */
  eventId: number | null;
  /** Stored photo name (see services/photo.service.ts), or null. */
  photo: string | null;
  status: ItemStatus;
}

export interface FieldsOf {
  partnership: PartnershipFields;
  event: EventFields;
  record: RecordFields;
}

/** An item as the editor sees it: its fields, its id and the version an edit must name. */
export type EditableItem<K extends ItemKind> = FieldsOf[K] & { id: number; version: number; updatedAt: string };

export type HistoryAction = 'create' | 'update' | 'delete' | 'restore' | 'import';

export interface HistoryEntry<K extends ItemKind = ItemKind> {
  id: number;
  kind: K;
  itemId: number;
  partnershipId: number;
  version: number;
  action: HistoryAction;
  actor: string;
  at: string;
  before: FieldsOf[K] | null;
  after: FieldsOf[K] | null;
  /**
   * Where a deleted event stood in its year, for its restore (on an event's deletion, recorded since 2026-12); on an
   * update that changes no field, where staff moved the event within its year (a change of order).
   */
  place?: EventPlace;
  /** The logged import this entry is part of (recorded since 2026-12). */
  importId?: number;
  /** What an undo of the import gives back beside the snapshot, on an import's changed and removed items. */
  kept?: KeptExtras;
  /** On an entry an undo wrote: the import it undid. */
  undoes?: number;
}

/**
 * What an item's snapshot does not hold but undoing an import gives back: an event's fields of exchange (null: none
 * stored) and a photo record's link confidence (null: none stored).
 */
export interface KeptExtras {
  fields?: { fields: ExchangeField[]; source: 'suggested' | 'editor' } | null;
  link?: { confidence: number; confirmed: boolean } | null;
}

/** One field that differs between two snapshots, with both values (undefined where a side has none). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * The fields that differ between two snapshots, in the order the fields first appear. Values are compared as
 * JSON with their keys in order, so arrays and translations compare by content.
 */
export function diffFields(before: object | null, after: object | null): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  // A field with no value on either side (null or absent) did not change, as on a deletion's snapshot.
  const none = (v: unknown) => v === null || v === undefined;
  return fields
    .filter((field) => !(none(b[field]) && none(a[field])) && stableJson(b[field]) !== stableJson(a[field]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

/** JSON with every object's keys in order, so that two objects holding the same compare equal however they were built. */
function stableJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

/** Why an edit is refused: a field and a stable problem code the views translate. */
export interface EditProblem {
  field: string;
  problem:
    | 'required'
    | 'tooLong'
    | 'duplicate'
    /** A deleted event restored beside an identical one of its partnership (same year, direction and text). */
    | 'duplicateEvent'
    /** A deleted photo record restored beside an identical one of its partnership (same year and caption). */
    | 'duplicateRecord'
    | 'notFound'
    | 'invalidYear'
    | 'invalidDate'
    /** A date typed in an era it lies outside (令和元年4月30日: 令和 began on 1 May 2019), so which day is meant is unclear. */
    | 'dateOutsideEra'
    /** A date written in a form the editor reads that names a day or month no calendar has (2024-02-30, 2024/13/01). */
    | 'noSuchDay'
    | 'dateOutsideYear'
    | 'invalidDirection'
    | 'invalidStatus'
    | 'invalidLink'
    | 'notEmpty'
    | 'noneMark'
    /** A year marked as without exchange that holds exchanges: every export would say both. */
    | 'yearHasEvents'
    /** A restore of translations alone (a translator's) asked of what has none to restore: a partnership, a deleted item. */
    | 'translationsOnly'
    /** A dated event moved up or down by hand: its date decides its place in its year. */
    | 'orderedByDate'
    /** An event moved past the first or last event of its year. */
    | 'noPlaceToMove';
}

/** The free-text fields of each kind of item (translations aside, which every event and record has). */
const FREE_TEXT: Readonly<Record<ItemKind, readonly string[]>> = { partnership: ['home', 'partner', 'kind'], event: ['text'], record: ['caption'] };

/**
 * The fields (all of an item's, or the part an edit gives) with each free text as an imported document's cell holds
 * it (flattenCellText): control characters, line breaks and tabs as spaces, trimmed. A text left empty is refused
 * by the checks as `required`; a translation left empty removes that translation, as an emptied box does.
 */
export function withFlatTexts<K extends ItemKind, F extends Partial<FieldsOf[K]>>(kind: K, fields: F): F {
  const flat: Record<string, unknown> = { ...fields };
  for (const field of FREE_TEXT[kind]) if (typeof flat[field] === 'string') flat[field] = flattenCellText(flat[field]);
  const t = flat.translations;
  if (kind !== 'partnership' && t !== null && typeof t === 'object') {
    flat.translations = Object.fromEntries(Object.entries(t).map(([locale, v]) => [locale, typeof v === 'string' ? flattenCellText(v) : v]));
  }
  return flat as F;
}

export const MIN_YEAR = 1868;
export const MAX_YEAR = 2100;
/** The longest text or caption (and each translation) the editor takes, in characters. */
export const MAX_TEXT = 2000;
/** The longest name (home, partner, kind) the editor takes, in characters. */
export const MAX_NAME = 200;

export function checkPartnership(f: PartnershipFields): EditProblem[] {
  const problems: EditProblem[] = [];
  text(problems, 'home', f.home, MAX_NAME);
  text(problems, 'partner', f.partner, MAX_NAME);
  text(problems, 'kind', f.kind, MAX_NAME);
  if (f.affiliatedOn !== null && !isDay(f.affiliatedOn)) problems.push({ field: 'affiliatedOn', problem: 'invalidDate' });
  if (!f.noExchangeYears.every(isYear)) problems.push({ field: 'noExchangeYears', problem: 'invalidYear' });
  status(problems, f.status);
  return problems;
}

export function checkEvent(f: EventFields): EditProblem[] {
  const problems: EditProblem[] = [];
  if (!isYear(f.year)) problems.push({ field: 'year', problem: 'invalidYear' });
  if (f.date !== null && !(isDay(f.date) || isMonth(f.date))) problems.push({ field: 'date', problem: 'invalidDate' });
  else if (f.date !== null && isYear(f.year) && !dateInYear(f.date, f.year)) problems.push({ field: 'date', problem: 'dateOutsideYear' });
  if (!isDirection(f.direction)) problems.push({ field: 'direction', problem: 'invalidDirection' });
  text(problems, 'text', f.text, MAX_TEXT);
  // A text of only — or なし reads back from every export as a year without exchange: the event would be lost.
  if (typeof f.text === 'string' && isNoneText(f.text)) problems.push({ field: 'text', problem: 'noneMark' });
  translations(problems, f.translations);
  status(problems, f.status);
  return problems;
}

export function checkRecord(f: RecordFields): EditProblem[] {
  const problems: EditProblem[] = [];
  if (!isYear(f.year)) problems.push({ field: 'year', problem: 'invalidYear' });
  text(problems, 'caption', f.caption, MAX_TEXT);
  translations(problems, f.translations);
  status(problems, f.status);
  return problems;
}

/**
 * Whether an event's date falls in its year: the calendar year, or January to March of the next one (the year of a
 * 年度 document, April to March).
 */
export function dateInYear(date: string, year: number): boolean {
  const dateYear = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return dateYear === year || (dateYear === year + 1 && month <= 3);
}

export function isYear(y: unknown): y is number {
  return typeof y === 'number' && Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function isMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function text(problems: EditProblem[], field: string, value: string, max: number): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push({ field, problem: 'required' });
  else if (value.length > max) problems.push({ field, problem: 'tooLong' });
}

function translations(problems: EditProblem[], t: Translations): void {
  for (const [locale, value] of Object.entries(t)) {
    if (typeof value === 'string' && value.length > MAX_TEXT) problems.push({ field: `translations.${locale}`, problem: 'tooLong' });
  }
}

function status(problems: EditProblem[], s: string): void {
  if (!(ITEM_STATUSES as readonly string[]).includes(s)) problems.push({ field: 'status', problem: 'invalidStatus' });
}
