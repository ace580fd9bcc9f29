import type { EditableItem, FieldsOf, ItemStatus } from '../../domain/editing.js';
import type { Direction } from '../../domain/direction.js';

// Form fields (all strings) → the services' fields. Checking is the services' job: these only convert.

const status = (v: string | undefined): ItemStatus => (v === 'published' ? 'published' : 'draft');
const year = (v: string | undefined) => (v !== undefined && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN);
const optional = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const translations = (f: Record<string, string>) => ({ ...(f.en?.trim() ? { en: f.en.trim() } : {}), ...(f.zh?.trim() ? { zh: f.zh.trim() } : {}) });

export function versionOf(f: Record<string, string>): number {
  return Number(f.version);
}

export function partnershipFromForm(f: Record<string, string>, home: string): FieldsOf['partnership'] {
  const years = (f.noExchangeYears ?? '').split(/[,、\s]+/).filter((y) => y !== '').map((y) => year(y));
  return { home, partner: (f.partner ?? '').trim(), kind: (f.kind ?? '').trim(), affiliatedOn: optional(f.affiliatedOn), noExchangeYears: years, status: status(f.status) };
}

export function eventFromForm(f: Record<string, string>, partnershipId: number): FieldsOf['event'] {
  return { partnershipId, year: year(f.year), date: optional(f.date), direction: (f.direction ?? 'unknown') as Direction, text: (f.text ?? '').trim(), translations: translations(f), status: status(f.status) };
}

export function recordFromForm(f: Record<string, string>, partnershipId: number, photo: string | null): FieldsOf['record'] {
  const eventId = f.eventId && /^\d+$/.test(f.eventId) ? Number(f.eventId) : null;
  return { partnershipId, year: year(f.year), caption: (f.caption ?? '').trim(), translations: translations(f), eventId, photo, status: status(f.status) };
}

/** What the user entered, shown again in the form at the stored version when an edit is refused. */
export function asItem<K extends 'partnership' | 'event' | 'record'>(fields: FieldsOf[K], stored: EditableItem<K>): EditableItem<K> {
  return { ...stored, ...fields, id: stored.id, version: stored.version, updatedAt: stored.updatedAt } as EditableItem<K>;
}
