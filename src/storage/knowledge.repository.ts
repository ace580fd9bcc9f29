import { sql, type Kysely } from 'kysely';
import { isDirection, type Direction } from '../domain/direction.js';
import { EXCHANGE_FIELDS, type ExchangeField } from '../domain/exchange-field.js';
import type { EntityKind, OrganizationDecisions } from '../domain/organization.js';
import type { KeptExtras } from '../domain/editing.js';
import type { Database } from './database.js';

/** Ids per `in (…)` list: far below both databases' bind-parameter limits. */
const CHUNK = 100;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Every decision the editors made about organisations. */
export async function loadOrganizationDecisions(db: Kysely<Database>): Promise<OrganizationDecisions> {
  const decisions = await db.selectFrom('organization_decisions').selectAll().orderBy('name').execute();
  const aliases = await db.selectFrom('organization_aliases').select(['alias', 'name']).orderBy('alias').execute();
  return {
    confirmed: decisions.filter((d) => d.decision === 'confirmed').map((d) => ({ name: d.name, kind: d.kind })),
    rejected: decisions.filter((d) => d.decision === 'rejected').map((d) => d.name),
    aliases,
  };
}

/** Records an editor's decision about a name, replacing an earlier one. */
export async function saveOrganizationDecision(
  db: Kysely<Database>,
  name: string,
  decision: 'confirmed' | 'rejected',
  kind: EntityKind,
): Promise<void> {
  const updated_at = new Date().toISOString();
  await db
    .insertInto('organization_decisions')
    .values({ name, decision, kind, updated_at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ decision, kind, updated_at }))
    .execute();
}

/** `alias` is another way of writing `name`; replaces what the alias stood for before. */
export async function saveOrganizationAlias(db: Kysely<Database>, alias: string, name: string): Promise<void> {
  const updated_at = new Date().toISOString();
  await db
    .insertInto('organization_aliases')
    .values({ alias, name, updated_at })
    .onConflict((oc) => oc.column('alias').doUpdateSet({ name, updated_at }))
    .execute();
}

/** An event's fields of exchange as stored: a bit each, 1 << its index in EXCHANGE_FIELDS. */
export function fieldBits(fields: Iterable<ExchangeField>): number {
  let bits = 0;
  for (const field of fields) {
    const i = EXCHANGE_FIELDS.indexOf(field);
    if (i < 0) throw new RangeError(`${String(field)} is not a field of exchange`);
    bits |= 1 << i;
  }
  return bits;
}

/** The fields of stored bits, in the order of EXCHANGE_FIELDS. */
export function fieldsOfBits(bits: number): ExchangeField[] {
  return EXCHANGE_FIELDS.filter((_, i) => (bits & (1 << i)) !== 0);
}

/** The stored fields of the given events: an event with none stored is left out (an editor's empty set is kept). */
export async function findEventFields(
  db: Kysely<Database>,
  eventIds: readonly number[],
): Promise<Map<number, { fields: ExchangeField[]; source: 'suggested' | 'editor' }>> {
  const found = new Map<number, { fields: ExchangeField[]; source: 'suggested' | 'editor' }>();
  for (const ids of chunks(eventIds)) {
    const rows = await db.selectFrom('events').select(['id', 'fields', 'fields_source']).where('id', 'in', ids).where('fields', 'is not', null).execute();
    for (const row of rows) found.set(row.id, { fields: fieldsOfBits(row.fields!), source: row.fields_source ?? 'suggested' });
  }
  return found;
}

/**
 * Every event of the partnership (drafts, and a draft partnership's, included) with its text and its stored
 * fields (undefined when none are stored), in one query.
 */
export async function findPartnershipEventFields(
  db: Kysely<Database>,
  home: string,
  partner: string,
): Promise<{ id: number; text: string; stored: { fields: ExchangeField[]; source: 'suggested' | 'editor' } | undefined }[]> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
    .select(['e.id', 'e.text', 'e.fields', 'e.fields_source'])
    .where('p.home', '=', home)
    .where('p.partner', '=', partner)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    stored: r.fields === null ? undefined : { fields: fieldsOfBits(r.fields), source: r.fields_source ?? 'suggested' },
  }));
}

/**
 * What decides which public events hold a field: the published events (of published partnerships) with `field`
 * among their stored fields, and every such event with no stored fields at all (with its text, for the caller to
 * suggest fields from). Read with one query, however large the record.
 */
export async function findFieldEvents(db: Kysely<Database>, field: ExchangeField): Promise<{ stored: number[]; unstored: { id: number; text: string }[] }> {
  // Published events of published partnerships only: a record showing a draft event is no match of the field.
  // One pass: the events holding the field, and those with no fields stored (with their texts).
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
    .select(['e.id', sql<string | null>`case when e.fields is null then e.text end`.as('text')])
    .where('e.status', '=', 'published')
    .where('p.status', '=', 'published')
    .where(sql<boolean>`(e.fields is null or (e.fields & ${fieldBits([field])}) <> 0)`)
    .execute();
  const stored: number[] = [];
  const unstored: { id: number; text: string }[] = [];
  for (const row of rows) {
    if (row.text === null) stored.push(row.id);
    else unstored.push({ id: row.id, text: row.text });
  }
  return { stored, unstored };
}

/**
 * Replaces an event's fields. An empty set is kept too (as 0): an editor's, so that suggestions do not return, and
 * a suggestion of none, so that readers need not read the text to suggest again (findFieldEvents).
 */
export async function saveEventFields(
  db: Kysely<Database>,
  eventId: number,
  fields: readonly ExchangeField[],
  source: 'suggested' | 'editor',
): Promise<void> {
  await db.updateTable('events').set({ fields: fieldBits(fields), fields_source: source }).where('id', '=', eventId).execute();
}

/** Stores the fields suggested for an event's text, unless an editor has set its fields. */
export async function saveSuggestedFields(db: Kysely<Database>, eventId: number, fields: readonly ExchangeField[]): Promise<void> {
  await db
    .updateTable('events')
    .set({ fields: fieldBits(fields), fields_source: 'suggested' })
    .where('id', '=', eventId)
    .where((eb) => eb.or([eb('fields_source', 'is', null), eb('fields_source', '=', 'suggested')]))
    .execute();
}

export interface StoredPhotoLink {
  confidence: number;
  confirmed: boolean;
}

/** The confidences of the given photo records' links. */
export async function findPhotoLinks(db: Kysely<Database>, recordIds: readonly number[]): Promise<Map<number, StoredPhotoLink>> {
  const found = new Map<number, StoredPhotoLink>();
  for (const ids of chunks(recordIds)) {
    const rows = await db.selectFrom('photo_links').selectAll().where('record_id', 'in', ids).execute();
    for (const row of rows) found.set(row.record_id, { confidence: row.confidence, confirmed: row.confirmed === 1 });
  }
  return found;
}

/** Stores how sure Koryu is of a record's link, or an editor's confirmation (confidence 1). */
export async function savePhotoLink(db: Kysely<Database>, recordId: number, link: StoredPhotoLink): Promise<void> {
  const values = { confidence: link.confidence, confirmed: link.confirmed ? 1 : 0, updated_at: new Date().toISOString() };
  await db
    .insertInto('photo_links')
    .values({ record_id: recordId, ...values })
    .onConflict((oc) => oc.column('record_id').doUpdateSet(values))
    .execute();
}

/** Points a photo record at an event of its partnership (or at none). */
export async function setRecordEvent(db: Kysely<Database>, recordId: number, eventId: number | null): Promise<void> {
  await db.updateTable('photo_records').set({ event_id: eventId, updated_at: new Date().toISOString() }).where('id', '=', recordId).execute();
}

/** The event each of the given photo records shows (records showing none are left out). */
export async function findRecordEvents(db: Kysely<Database>, recordIds: readonly number[]): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (const ids of chunks(recordIds)) {
    const rows = await db.selectFrom('photo_records').select(['id', 'event_id']).where('id', 'in', ids).where('event_id', 'is not', null).execute();
    for (const row of rows) found.set(row.id, row.event_id!);
  }
  return found;
}

/**
 * The texts of the published events of each published partnership (of those given, else of all), joined by line
 * breaks: one string per partnership, in no order. Reading the names of the whole record needs the texts and
 * nothing else of them, and a row per partnership costs the database and this process a fraction of a row per event.
 */
export async function findRecordTextsJoined(db: Kysely<Database>, partnershipIds?: readonly number[]): Promise<{ partnershipId: number; texts: string }[]> {
  const query = (ids: readonly number[] | undefined) =>
    db
      .selectFrom('events as e')
      .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
      .select(['e.partnership_id', sql<string>`string_agg(e.text, cast(${'\n'} as text))`.as('texts')])
      .where('e.status', '=', 'published')
      .where('p.status', '=', 'published')
      .$if(ids !== undefined, (q) => q.where('e.partnership_id', 'in', ids!))
      .groupBy('e.partnership_id')
      .execute();
  const rows = partnershipIds === undefined ? await query(undefined) : (await Promise.all(chunks(partnershipIds).map((ids) => query(ids)))).flat();
  return rows.map((r) => ({ partnershipId: r.partnership_id, texts: r.texts }));
}

/**
 * What changes when any published text of a partnership may have changed, per published partnership: when the
 * partnership itself last changed (an import that changes it updates it) and its newest history entry's time (every
 * editor's change, and an import's by a person, writes one). Times, not versions or ids: a restored backup puts
 * versions and ids back, and the writes after it would give stamps met before for other texts; a time is not met
 * again (the newest entry's id is in the stamp too, for two writes within one millisecond). A partnership whose
 * stamp is as it was holds the texts it held.
 */
export async function findPartnershipTextStamps(db: Kysely<Database>): Promise<Map<number, string>> {
  const partnerships = await db.selectFrom('partnerships').select(['id', 'updated_at']).where('status', '=', 'published').execute();
  const last = new Map(
    (
      await db
        .selectFrom('history')
        .select(['partnership_id', (eb) => eb.fn.max<string>('at').as('at'), (eb) => eb.fn.max<number>('id').as('id')])
        .groupBy('partnership_id')
        .execute()
    ).map((r) => [r.partnership_id, `${r.at}|${Number(r.id)}`]),
  );
  return new Map(partnerships.map((p) => [p.id, `${p.updated_at}|${last.get(p.id) ?? ''}`]));
}

/** The text, year and direction of the given events that are published. */
export async function findPublishedEventTexts(
  db: Kysely<Database>,
  eventIds: readonly number[],
): Promise<{ id: number; text: string; year: number; direction: Direction }[]> {
  const found: { id: number; text: string; year: number; direction: Direction }[] = [];
  for (const ids of chunks(eventIds)) {
    const rows = await db.selectFrom('events').select(['id', 'text', 'year', 'direction']).where('id', 'in', ids).where('status', '=', 'published').execute();
    for (const row of rows) if (isDirection(row.direction)) found.push({ id: row.id, text: row.text, year: row.year, direction: row.direction });
  }
  return found;
}

/**
 * Gives an item back what the history kept beside its snapshot (KeptExtras): an event's fields of exchange as they
 * were stored (whoever set them), a photo record's link confidence. A value kept as null (none was stored) clears it.
 */
export async function restoreKeptExtras(db: Kysely<Database>, kind: 'partnership' | 'event' | 'record', id: number, kept: KeptExtras | undefined): Promise<void> {
  if (kept === undefined) return;
  if (kind === 'event' && kept.fields !== undefined) {
    const values = kept.fields === null ? { fields: null, fields_source: null } : { fields: fieldBits(kept.fields.fields), fields_source: kept.fields.source };
    await db.updateTable('events').set(values).where('id', '=', id).execute();
  }
  if (kind === 'record' && kept.link !== undefined) {
    if (kept.link === null) await db.deleteFrom('photo_links').where('record_id', '=', id).execute();
    else await savePhotoLink(db, id, kept.link);
  }
}

/** The stored fields of exchange of a partnership's events and the link confidences of its photo records, by id (two queries). */
export async function findKnowledgeOfPartnership(
  db: Kysely<Database>,
  partnershipId: number,
): Promise<{ fields: Map<number, { fields: ExchangeField[]; source: 'suggested' | 'editor' }>; links: Map<number, StoredPhotoLink> }> {
  const events = await db.selectFrom('events').select(['id', 'fields', 'fields_source']).where('partnership_id', '=', partnershipId).where('fields', 'is not', null).execute();
  const links = await db
    .selectFrom('photo_links as l')
    .innerJoin('photo_records as r', 'r.id', 'l.record_id')
    .select(['l.record_id', 'l.confidence', 'l.confirmed'])
    .where('r.partnership_id', '=', partnershipId)
    .execute();
  return {
    fields: new Map(events.map((e) => [e.id, { fields: fieldsOfBits(e.fields!), source: e.fields_source ?? 'suggested' }])),
    links: new Map(links.map((l) => [l.record_id, { confidence: l.confidence, confirmed: l.confirmed === 1 }])),
  };
}
