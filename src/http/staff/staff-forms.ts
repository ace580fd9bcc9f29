import type { EditableItem, FieldsOf, ItemStatus } from '../../domain/editing.js';
import type { Direction } from '../../domain/direction.js';
import { TRANSLATION_LOCALES, type Translations } from '../../domain/translation.js';
import { readEnteredDate, readEnteredYear, readEnteredYears } from '../../services/entry.read.js';

// Form fields (all strings) → the services' fields. Checking is the services' job: these only convert, reading years
// and dates as staff type them (services/entry.read.ts).

const status = (v: string | undefined): ItemStatus => (v === 'published' ? 'published' : 'draft');
const year = readEnteredYear;
/**
 * The translations a form sends, each language it has a box for: an emptied box is an empty string, which removes
 * that translation when the edit is saved (editing.service's merge).
 */
export function translationsFromForm(f: Record<string, string>): Translations {
  return Object.fromEntries(TRANSLATION_LOCALES.filter((locale) => f[locale] !== undefined).map((locale) => [locale, f[locale]!.trim()]));
}

export function versionOf(f: Record<string, string>): number {
  return Number(f.version);
}

export function partnershipFromForm(f: Record<string, string>, home: string): FieldsOf['partnership'] {
  const years = readEnteredYears(f.noExchangeYears);
  return { home, partner: (f.partner ?? '').trim(), kind: (f.kind ?? '').trim(), affiliatedOn: readEnteredDate(f.affiliatedOn), noExchangeYears: years, status: status(f.status) };
}

export function eventFromForm(f: Record<string, string>, partnershipId: number): FieldsOf['event'] {
  return { partnershipId, year: year(f.year), date: readEnteredDate(f.date), direction: (f.direction ?? 'unknown') as Direction, text: (f.text ?? '').trim(), translations: translationsFromForm(f), status: status(f.status) };
}

export function recordFromForm(f: Record<string, string>, partnershipId: number, photo: string | null): FieldsOf['record'] {
  const eventId = f.eventId && /^\d+$/.test(f.eventId) ? Number(f.eventId) : null;
  return { partnershipId, year: year(f.year), caption: (f.caption ?? '').trim(), translations: translationsFromForm(f), eventId, photo, status: status(f.status) };
}

/** What the user entered, shown again in the form at the stored version when an edit is refused. */
export function asItem<K extends 'partnership' | 'event' | 'record'>(fields: FieldsOf[K], stored: EditableItem<K>): EditableItem<K> {
  return { ...stored, ...fields, id: stored.id, version: stored.version, updatedAt: stored.updatedAt } as EditableItem<K>;
}
