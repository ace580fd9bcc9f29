import { AGREEMENT_WORDS, findAgreements, type Agreement } from '../domain/agreement.js';
import type { AnniversarySource } from '../domain/anniversary.list.js';
import { EXCHANGE_FIELDS, suggestFields, type ExchangeField } from '../domain/exchange-field.js';
import { analyzeRecord } from '../domain/knowledge.js';
import { findOrganization, type EntityKind, type Organization } from '../domain/organization.js';
import type { PartnershipSummary, StoredPartnership } from '../domain/partnership.js';
import { captionFit } from '../domain/photo-link.js';
import { groupByHome, type HomePartnerships } from '../domain/record-homes.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import {
  findEventFields,
  findPhotoLinks,
  loadOrganizationDecisions,
  saveEventFields,
  saveOrganizationAlias,
  saveOrganizationDecision,
  savePhotoLink,
  setRecordEvent,
} from '../storage/knowledge.repository.js';
import { findEventsHolding, findPartnershipNames, findPartnerships, summarizePartnerships } from '../storage/partnership.repository.js';

/** A photo record's link as shown: the event it shows (index) or null, how sure Koryu is, and whether an editor confirmed it. */
export interface RecordLink {
  event: number | null;
  confidence: number;
  confirmed: boolean;
}

export interface PartnershipKnowledge {
  partnership: StoredPartnership;
  agreements: Agreement[];
  /** The fields of each event, in the order of its events: stored ones, else the suggested ones. */
  fields: ExchangeField[][];
  /** One per record, in the order of its records. */
  links: RecordLink[];
}

export interface Knowledge {
  organizations: Organization[];
  partnerships: PartnershipKnowledge[];
}

/** Everything the record knows, for all partnerships (or those of one home municipality). */
export async function loadKnowledge(store: Store, filter: { home?: string } = {}): Promise<Knowledge> {
  return knowledgeOfPartnerships(store, await findPartnerships(store.db, filter));
}

/**
 * What the record knows about one published partnership, reading only its rows: the organisations are those its
 * own events name (with the editors' decisions), so an alias is grouped with its organisation when the
 * partnership names both or an editor said so. PartnershipNotFound when there is none with this id.
 */
export async function loadPartnershipKnowledge(store: Store, partnershipId: number): Promise<Knowledge & { partnership: PartnershipKnowledge }> {
  const found = Number.isSafeInteger(partnershipId) && partnershipId > 0 ? await findPartnerships(store.db, { id: partnershipId }) : [];
  const knowledge = await knowledgeOfPartnerships(store, found);
  return { ...knowledge, partnership: knowledgeOf(knowledge, partnershipId) };
}

async function knowledgeOfPartnerships(store: Store, partnerships: StoredPartnership[]): Promise<Knowledge> {
  const decisions = await loadOrganizationDecisions(store.db);
  const { organizations, agreements } = analyzeRecord(partnerships, decisions);
  const stored = await findEventFields(store.db, partnerships.flatMap((p) => p.events.map((e) => e.id)));
  const linkRows = await findPhotoLinks(store.db, partnerships.flatMap((p) => p.records.map((r) => r.id)));
  return {
    organizations,
    partnerships: partnerships.map((p, i) => ({
      partnership: p,
      agreements: agreements[i] ?? [],
      fields: p.events.map((e) => stored.get(e.id)?.fields ?? suggestFields(e.text)),
      links: p.records.map((r) => {
        const row = linkRows.get(r.id);
        const event = r.event === null ? null : p.events[r.event];
        return {
          event: r.event,
          confidence: row?.confidence ?? (event ? captionFit(r.caption, event.text) : 0),
          confirmed: row?.confirmed ?? false,
        };
      }),
    })),
  };
}

/** The knowledge of one stored partnership; PartnershipNotFound when there is none with this id. */
export function knowledgeOf(knowledge: Knowledge, partnershipId: number): PartnershipKnowledge {
  const found = knowledge.partnerships.find((k) => k.partnership.id === partnershipId);
  if (!found) throw new KoryuError('PartnershipNotFound', 'No such partnership.');
  return found;
}

/** The organisation known by this name or alias; OrganizationNotFound otherwise. */
export function organizationNamed(knowledge: Knowledge, name: string): Organization {
  const found = findOrganization(knowledge.organizations, name);
  if (!found) throw new KoryuError('OrganizationNotFound', `No organisation named ${name} is in the record.`);
  return found;
}

function checkName(name: string, what: string): string {
  const trimmed = name.normalize('NFC').trim();
  if (trimmed === '' || trimmed.length > 100 || /[\u0000-\u001f]/u.test(trimmed)) {
    throw new KoryuError('UsageError', `${what} must be a name of 1 to 100 characters on one line.`);
  }
  return trimmed;
}

/** Confirms a name as an organisation or office holder (also one Koryu did not suggest). */
export async function confirmOrganization(store: Store, name: string, kind: EntityKind = 'organization'): Promise<void> {
  await store.transaction((trx) => saveOrganizationDecision(trx, checkName(name, 'The name'), 'confirmed', kind));
}

/** Rejects a suggested name: it is not an organisation. OrganizationNotFound when nothing of that name is known. */
export async function rejectOrganization(store: Store, name: string): Promise<void> {
  const checked = checkName(name, 'The name');
  const known = await loadKnowledge(store);
  const org = organizationNamed(known, checked);
  await store.transaction((trx) => saveOrganizationDecision(trx, checked, 'rejected', org.kind));
}

/** Records that `alias` is another way of writing the organisation `name` (which must be known). */
export async function addOrganizationAlias(store: Store, alias: string, name: string): Promise<Organization> {
  const a = checkName(alias, 'The alias');
  const n = checkName(name, 'The name');
  if (a === n) throw new KoryuError('UsageError', 'An alias must differ from the name.');
  const org = organizationNamed(await loadKnowledge(store), n);
  await store.transaction((trx) => saveOrganizationAlias(trx, a, org.name));
  return organizationNamed(await loadKnowledge(store), org.name);
}

/** Sets an event's fields as an editor decides them (an empty list: the event belongs to no field). */
export async function setEventFields(store: Store, eventId: number, fields: readonly string[]): Promise<ExchangeField[]> {
  const unknown = fields.filter((f) => !(EXCHANGE_FIELDS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new KoryuError('UsageError', `Unknown field ${unknown.join(', ')}; the fields are ${EXCHANGE_FIELDS.join(', ')}.`);
  const exists = await store.db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
  if (!Number.isSafeInteger(eventId) || !exists) throw new KoryuError('EventNotFound', `No event ${eventId}.`);
  const chosen = EXCHANGE_FIELDS.filter((f) => fields.includes(f));
  await store.transaction((trx) => saveEventFields(trx, eventId, chosen, 'editor'));
  return chosen;
}

/**
 * An editor's link of a photo record to an event of the same partnership (or to none), kept across re-imports.
 * RecordNotFound or EventNotFound when either is not in the record; UsageError when the event belongs to another partnership.
 */
export async function linkPhotoRecord(store: Store, recordId: number, eventId: number | null): Promise<void> {
  const record = await store.db.selectFrom('photo_records').select(['id', 'partnership_id']).where('id', '=', recordId).executeTakeFirst();
  if (!record) throw new KoryuError('RecordNotFound', `No photo record ${recordId}.`);
  if (eventId !== null) {
    const event = await store.db.selectFrom('events').select(['id', 'partnership_id']).where('id', '=', eventId).executeTakeFirst();
    if (!event) throw new KoryuError('EventNotFound', `No event ${eventId}.`);
    if (event.partnership_id !== record.partnership_id) throw new KoryuError('UsageError', `Event ${eventId} belongs to another partnership than photo record ${recordId}.`);
  }
  await store.transaction(async (trx) => {
    await setRecordEvent(trx, recordId, eventId);
    await savePhotoLink(trx, recordId, { confidence: 1, confirmed: true });
  });
}

/**
 * What the home page shows: the site's home municipality's partnerships with their event counts, the affiliations
 * and agreements of theirs whose anniversaries come round, and the record's other home municipalities (a store may
 * hold a prefecture's or a country's), each with its partnerships by name.
 */
export interface HomeOverview {
  partnerships: PartnershipSummary[];
  anniversaries: AnniversarySource[];
  /** In Japanese collation order, each home's partners too; empty when the record holds the site's home alone. */
  otherHomes: HomePartnerships[];
}

/**
 * The home page's data in four queries whatever the size of the record, reading no event but those that name an
 * agreement: the partnerships of `home` with their counts and anniversaries (loadHomeAnniversaries), and the names
 * of every other home's partnerships, without their events or counts.
 */
export async function loadHomeOverview(store: Store, home: string): Promise<HomeOverview> {
  const partnerships = await summarizePartnerships(store.db, { home });
  return {
    partnerships,
    anniversaries: await anniversariesOf(store, home, partnerships),
    otherHomes: groupByHome(await findPartnershipNames(store.db, { exceptHome: home })),
  };
}

/**
 * The anniversaries of the affiliations and agreements of `home`'s partnerships (an agreement's title and year come
 * from its own event's text, so the other events are not read): the home page's and the calendar's.
 */
export async function loadHomeAnniversaries(store: Store, home: string): Promise<AnniversarySource[]> {
  return anniversariesOf(store, home, await summarizePartnerships(store.db, { home }));
}

async function anniversariesOf(store: Store, home: string, partnerships: readonly PartnershipSummary[]): Promise<AnniversarySource[]> {
  const candidates = await findEventsHolding(store.db, AGREEMENT_WORDS, { home });
  const agreements = partnerships.map((p) => findAgreements({ home: p.home, partner: p.partner, events: candidates.get(p.id) ?? [] }));
  return anniversarySources({ partnerships: partnerships.map((p, i) => ({ partnership: p, agreements: agreements[i] ?? [] })) });
}

/** Every affiliation and agreement of the knowledge whose anniversaries are kept (affiliations with a known date or year). */
export function anniversarySources(knowledge: {
  partnerships: readonly { partnership: Pick<StoredPartnership, 'id' | 'partner' | 'kind' | 'affiliatedOn'>; agreements: readonly Agreement[] }[];
}): AnniversarySource[] {
  return knowledge.partnerships.flatMap(({ partnership: p, agreements }) => [
    ...(p.affiliatedOn
      ? [{ kind: 'affiliation' as const, partnershipId: p.id, partner: p.partner, label: p.kind, date: /^\d{4}-\d{2}-\d{2}$/.test(p.affiliatedOn) ? p.affiliatedOn : null, year: Number(p.affiliatedOn.slice(0, 4)) }]
      : []),
    ...agreements.map((a) => ({ kind: 'agreement' as const, partnershipId: p.id, partner: p.partner, label: a.title, date: null, year: a.year })),
  ]);
}
