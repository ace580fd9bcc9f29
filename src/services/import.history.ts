import type { Kysely } from 'kysely';
import { diffFields, type EditableItem, type ItemKind, type KeptExtras } from '../domain/editing.js';
import type { ExchangeField } from '../domain/exchange-field.js';
import { placeOf } from '../domain/event-order.js';
import type { Partnership } from '../domain/partnership.js';
import type { Database } from '../storage/database.js';
import { findItem, listItemsOf } from '../storage/editing.repository.js';
import { findKnowledgeOfPartnership } from '../storage/knowledge.repository.js';
import { insertHistory, insertHistoryEntries, type NewHistoryEntry } from '../storage/history.repository.js';
import { fieldsOf } from './editing.service.js';

export async function findPartnershipItem(db: Kysely<Database>, home: string, partner: string): Promise<EditableItem<'partnership'> | undefined> {
  const row = await db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner).executeTakeFirst();
  return row ? findItem(db, 'partnership', row.id) : undefined;
}

/**
 * Notes an import that changed a partnership in its history (action `import`), with the partnership's own fields
 * before and after. Its events and records get entries of their own (recordItemsHistory).
 */
export async function recordImportHistory(db: Kysely<Database>, before: EditableItem<'partnership'> | undefined, p: Partnership, actor: string): Promise<number[]> {
  const after = await findPartnershipItem(db, p.home, p.partner);
  if (!after) return [];
  // An import that changed only the partnership's events and photo records notes them in their own histories.
  if (before && diffFields(fieldsOf('partnership', before), fieldsOf('partnership', after)).length === 0) return [];
  const id = await insertHistory(db, {
    kind: 'partnership',
    itemId: after.id,
    partnershipId: after.id,
    version: after.version,
    action: 'import',
    actor,
    at: new Date().toISOString(),
    before: before ? fieldsOf('partnership', before) : null,
    after: fieldsOf('partnership', after),
  });
  return [id];
}

/** A partnership's events and photo records (drafts too), as an import found or left them. */
export type PartnershipItems = Awaited<ReturnType<typeof listItemsOf>>;

export async function partnershipItems(db: Kysely<Database>, partnershipId: number): Promise<PartnershipItems> {
  return listItemsOf(db, partnershipId);
}

/**
 * Notes in each event's and photo record's history what an import did to it: an `import` entry for an item it
 * added or changed, with its fields before and after, and a `delete` entry for one it removed, so that the item is
 * listed among the deleted items and can be restored like one staff deleted.
 */
export async function recordItemsHistory(db: Kysely<Database>, partnershipId: number, before: PartnershipItems, after: PartnershipItems, actor: string, kept: KeptOfItems = NOTHING_KEPT): Promise<number[]> {
  const at = new Date().toISOString();
  const entries: NewHistoryEntry<ItemKind>[] = [];
  for (const kind of ['event', 'record'] as const) {
    const was = new Map<number, EditableItem<'event'> | EditableItem<'record'>>((kind === 'event' ? before.events : before.records).map((i) => [i.id, i]));
    const now = new Map<number, EditableItem<'event'> | EditableItem<'record'>>((kind === 'event' ? after.events : after.records).map((i) => [i.id, i]));
    for (const [id, item] of now) {
      const old = was.get(id);
      const fields = fieldsOf(kind, item as never);
      const oldFields = old ? fieldsOf(kind, old as never) : null;
      if (oldFields !== null && diffFields(oldFields, fields).length === 0) continue;
      const extras = old ? keptOf(kept, kind, id) : undefined;
      entries.push({ kind, itemId: id, partnershipId, version: item.version, action: 'import', actor, at, before: oldFields, after: fields, ...(extras ? { kept: extras } : {}) });
    }
    for (const [id, old] of was) {
      if (now.has(id)) continue;
      // A removed event's place in its year (among the events it was listed with, in their order), for its restore.
      const place = kind === 'event' ? placeOf(before.events, before.events.findIndex((e) => e.id === id)) : undefined;
      const extras = keptOf(kept, kind, id);
      entries.push({ kind, itemId: id, partnershipId, version: old.version + 1, action: 'delete', actor, at, before: fieldsOf(kind, old as never), after: null, ...(place ? { place } : {}), ...(extras ? { kept: extras } : {}) });
    }
  }
  return insertHistoryEntries(db, entries);
}

/** What an undo gives back beside the snapshots of a partnership's items (keptBeforeImport), by item id. */
export interface KeptOfItems {
  fields: Map<number, { fields: ExchangeField[]; source: 'suggested' | 'editor' }>;
  links: Map<number, { confidence: number; confirmed: boolean }>;
}

const NOTHING_KEPT: KeptOfItems = { fields: new Map(), links: new Map() };

/**
 * The fields of exchange of the events and the link confidence of the photo records of a partnership before an
 * import: the history snapshots do not hold them, and an undo of the import gives them back.
 */
export async function keptBeforeImport(db: Kysely<Database>, partnershipId: number): Promise<KeptOfItems> {
  return findKnowledgeOfPartnership(db, partnershipId);
}

function keptOf(kept: KeptOfItems, kind: 'event' | 'record', id: number): KeptExtras | undefined {
  if (kept === NOTHING_KEPT) return undefined;
  return kind === 'event' ? { fields: kept.fields.get(id) ?? null } : { link: kept.links.get(id) ?? null };
}

/** No events or records: what a partnership an import creates held before it. */
export const NO_ITEMS: PartnershipItems = { events: [], records: [] };
