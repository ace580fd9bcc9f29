import { EXCHANGE_FIELDS, isExchangeField, type ExchangeField } from '../domain/exchange-field.js';
import type { Direction } from '../domain/direction.js';
import { suggestFields } from '../domain/exchange-field.js';
import { findOrganizations, namesIn, OrganizationNameReader, type OrganizationNames } from '../domain/organization.js';
import { normalizeForSearch, type FacetedSearchResult, type SearchFilters, type SearchHit } from '../domain/search-text.js';
import type { Store } from '../storage/database.js';
import { findEventFields, findFieldEvents, findPublishedEventTexts, findPartnershipTextStamps, findRecordEvents, findRecordTextsJoined, loadOrganizationDecisions } from '../storage/knowledge.repository.js';
import { searchItems, searchKeys } from '../storage/search.repository.js';
import { GenerationCache } from './generation.cache.js';
import { searchQueryOf, searchWithFacets, withPartnerInJapanese, type FacetedSearchOptions } from './search.service.js';

export interface KnowledgeFacets {
  /** Matches per field of exchange, in EXCHANGE_FIELDS order; only fields with matches. */
  fields: { field: ExchangeField; count: number }[];
  /** Matches per organisation (not office holders), most first; only organisations with matches. */
  organizations: { name: string; count: number }[];
  /** Set when the matches were more than this many: the two facets were not counted (they read every matching text). */
  omittedAbove?: number;
}

/**
 * Above this many matches the field and organisation facets are not counted: they read and recognise every
 * matching text, which a two-character word across a country's record (tens of thousands of events) makes slow
 * and large, and a list of hundreds of organisations does not help a reader narrow such a search anyway.
 */
export const KNOWLEDGE_FACET_LIMIT = 5000;

export interface KnowledgeSearchOptions extends FacetedSearchOptions {
  /** KNOWLEDGE_FACET_LIMIT unless given. */
  knowledgeFacetLimit?: number;
}

export interface KnowledgeSearchResult extends FacetedSearchResult {
  knowledge: KnowledgeFacets;
  /** The filters as applied: an unknown organisation or field is dropped, an alias becomes its organisation's name. */
  filters: SearchFilters;
}

/**
 * The faceted search, also narrowed by an organisation (`filters.organization`, a name or alias) and a field of
 * exchange (`filters.field`), with facets by field and by organisation. Each of these two facets is counted under
 * every filter but its own, as the other facets are, from the matches alone (see countKnowledge).
 *
 * A field's events are read from the stored fields (suggested at import, or an editor's), and suggested from the
 * text of the events without any; an organisation's are those the whole record names it in (findOrganizationEvents:
 * its names are recognised in every event text, the one part of the search whose cost grows with the record
 * rather than with the matches).
 */
export async function searchWithKnowledge(store: Store, query: string, options: KnowledgeSearchOptions = {}): Promise<KnowledgeSearchResult> {
  const given = withPartnerInJapanese(options.filters ?? {});
  if (!given.organization?.trim() && !isExchangeField(given.field)) return searchCountingKnowledge(store, query, { ...options, filters: given });
  const organization = given.organization?.trim() ? await findOrganizationEvents(store, given.organization.trim()) : undefined;
  const field = isExchangeField(given.field) ? given.field : undefined;
  const { organization: _o, field: _f, eventIds: _e, ...plain } = given;
  const byOrganization = organization?.eventIds;
  const byField = field ? await eventsOfField(store, field) : undefined;
  const fieldSet = byField ? new Set(byField) : undefined;
  const both = byOrganization && fieldSet ? byOrganization.filter((id) => fieldSet.has(id)) : (byOrganization ?? byField);
  const filters: SearchFilters = {
    ...plain,
    ...(organization ? { organization: organization.name } : {}),
    ...(field ? { field } : {}),
    ...(both ? { eventIds: both } : {}),
  };
  const result = await searchWithFacets(store, query, { ...options, filters });
  const normalized = normalizeForSearch(query).trim();
  if (normalized === '') return { ...result, filters, knowledge: { fields: [], organizations: [] } };
  const limit = options.knowledgeFacetLimit ?? KNOWLEDGE_FACET_LIMIT;
  // The field facet under the organisation filter, the organisation facet under the field filter.
  const omitted = { ...result, filters, knowledge: { fields: [], organizations: [], omittedAbove: limit } };
  const fields = await countKnowledge(store, normalized, { ...plain, ...(byOrganization ? { eventIds: byOrganization } : {}) }, limit);
  if (fields === undefined) return omitted;
  const organizations = await countKnowledge(store, normalized, { ...plain, ...(byField ? { eventIds: byField } : {}) }, limit);
  if (organizations === undefined) return omitted;
  return { ...result, filters, knowledge: { fields: fields.fields, organizations: organizations.organizations } };
}

/**
 * The organisation `name` stands for (its name, else one of its aliases) and the ids of the published events that
 * name it: what findOrganization and the organisation's mentions give over the whole record, without building the
 * record or reading every text for every known name. The names and their grouping come from recognising the
 * whole record's texts (recordNames); then only the events the search index finds holding one of the
 * organisation's written forms are read, for names, longest first, as findOrganizations reads them all. Undefined
 * when no organisation goes by that name.
 */
export function findOrganizationEvents(store: Store, name: string): Promise<{ name: string; eventIds: number[] } | undefined> {
  return organizationEvents.get(store, name, () => readOrganizationEvents(store, name));
}

/** What findOrganizationEvents found, per name, while the store is unchanged: the pages of an organisation's search, and its facets, find it once. */
const organizationEvents = new GenerationCache<{ name: string; eventIds: number[] } | undefined>(50);

/**
 * The names of the whole record's organisations and office holders, grouped and corrected by the editors'
 * decisions, while the store is unchanged. Every published text is read for them (a partnership's texts as one
 * string: 0.7 s for the texts and 0.7 s for the names at a million events, on a 2.1 GHz machine), once; after a
 * write, only the partnerships whose texts may have changed are read again (partnershipNames).
 */
function recordNames(store: Store): Promise<OrganizationNames> {
  return namesOfRecord.get(store, 'names', async () => {
    const reader = new OrganizationNameReader();
    for (const read of await partnershipNames(store)) reader.add(read);
    return reader.names(await loadOrganizationDecisions(store.db));
  });
}

const namesOfRecord = new GenerationCache<OrganizationNames>(1);

/** Per store, each published partnership's names as read from its texts, with the stamp they were read at. */
const namesByPartnership = new WeakMap<Store, Map<number, { stamp: string; names: OrganizationNameReader }>>();

/**
 * The names read from each published partnership's texts, in partnership order. A partnership's are read again only
 * when its stamp (findPartnershipTextStamps: its version and newest history entry) differs from the one they were
 * read at: an edit of one event after a country's record was read costs one partnership's texts, not every text.
 */
async function partnershipNames(store: Store): Promise<OrganizationNameReader[]> {
  const stamps = await findPartnershipTextStamps(store.db);
  const kept = namesByPartnership.get(store) ?? new Map<number, { stamp: string; names: OrganizationNameReader }>();
  const stale = [...stamps].filter(([id, stamp]) => kept.get(id)?.stamp !== stamp).map(([id]) => id);
  const fresh = new Map<number, OrganizationNameReader>();
  if (stale.length > 0) {
    // All of them in one query when nothing is kept yet (the first reading), else only the stale ones.
    for (const { partnershipId, texts } of await findRecordTextsJoined(store.db, kept.size === 0 ? undefined : stale)) {
      const reader = new OrganizationNameReader();
      reader.read(texts);
      fresh.set(partnershipId, reader);
    }
  }
  const next = new Map<number, { stamp: string; names: OrganizationNameReader }>();
  for (const [id, stamp] of [...stamps].sort((a, b) => a[0] - b[0])) {
    // A partnership with no published event has no row of texts, and no names.
    const names = fresh.get(id) ?? (kept.get(id)?.stamp === stamp ? kept.get(id)!.names : new OrganizationNameReader());
    next.set(id, { stamp, names });
  }
  namesByPartnership.set(store, next);
  return [...next.values()].map((v) => v.names);
}

async function readOrganizationEvents(store: Store, name: string): Promise<{ name: string; eventIds: number[] } | undefined> {
  const names = await recordNames(store);
  const eventsOf = async (organization: string) => {
    const forms = names.written.filter((w) => names.canonicalOf.get(w) === organization);
    // The index holds every published event of a published partnership, by its text in the search's form: the
    // events holding a form are among those it finds for the form, and only they are read.
    const candidates = new Set<number>();
    for (const form of forms) {
      const query = normalizeForSearch(form);
      if (query.trim() === '') continue;
      for (const key of await searchKeys(store.db, query)) if (key.startsWith('event:')) candidates.add(Number(key.slice('event:'.length)));
    }
    const eventIds = (await findPublishedEventTexts(store.db, [...candidates]))
      .filter((e) => forms.some((w) => e.text.includes(w)) && namesIn(e.text, names.written).some((w) => names.canonicalOf.get(w) === organization))
      .map((e) => e.id)
      .sort((a, b) => a - b);
    return { name: organization, eventIds };
  };
  // As findOrganizations leaves them out: an organisation that no event names, unless an editor confirmed it.
  const known = (o: { name: string; eventIds: number[] }) => o.eventIds.length > 0 || names.confirmed.has(o.name);
  const byName = names.groups.has(name) ? await eventsOf(name) : undefined;
  if (byName && known(byName)) return byName;
  const aliasOf = [...names.groups].filter(([, aliases]) => aliases.includes(name)).map(([organization]) => organization);
  const found: { name: string; eventIds: number[] }[] = [];
  for (const organization of aliasOf) found.push(await eventsOf(organization));
  return found.filter(known).sort((a, b) => b.eventIds.length - a.eventIds.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

/**
 * The events holding `field`: stored, else suggested by their text (an event stored by an older Koryu). Kept while
 * the store is unchanged: reading a field's events takes some 0.2–0.3 s at a million events, and 0.6 s when most
 * of them had no fields stored.
 */
function eventsOfField(store: Store, field: ExchangeField): Promise<number[]> {
  return fieldEvents.get(store, field, () => readFieldEvents(store, field));
}

const fieldEvents = new GenerationCache<number[]>(EXCHANGE_FIELDS.length);

async function readFieldEvents(store: Store, field: ExchangeField): Promise<number[]> {
  const { stored, unstored } = await findFieldEvents(store.db, field);
  return [...stored, ...unstored.filter((e) => suggestFields(e.text).includes(field)).map((e) => e.id)];
}

/** The search without an organisation or field filter, with the field and organisation facets of its matches. */
async function searchCountingKnowledge(store: Store, query: string, options: KnowledgeSearchOptions): Promise<KnowledgeSearchResult> {
  const { organization: _o, field: _f, eventIds: _e, ...plain } = options.filters ?? {};
  const result = await searchWithFacets(store, query, { ...options, filters: plain });
  const normalized = normalizeForSearch(query).trim();
  if (normalized === '') return { ...result, filters: plain, knowledge: { fields: [], organizations: [] } };
  const limit = options.knowledgeFacetLimit ?? KNOWLEDGE_FACET_LIMIT;
  if (result.total > limit) return { ...result, filters: plain, knowledge: { fields: [], organizations: [], omittedAbove: limit } };
  const knowledge = await countKnowledge(store, normalized, plain, limit);
  return { ...result, filters: plain, knowledge: knowledge ?? { fields: [], organizations: [], omittedAbove: limit } };
}

/**
 * The field and organisation facets of the matches of `normalized` under `filters`, reading only the matches: the
 * fields of their events (stored, else suggested) and the organisations their texts name (recognised in the
 * matching events, with the editors' decisions), each record counting under the event it shows. Undefined when
 * there are more than `limit` matches: counting them would read and recognise every matching text.
 */
async function countKnowledge(store: Store, normalized: string, filters: SearchFilters, limit: number): Promise<Omit<KnowledgeFacets, 'omittedAbove'> | undefined> {
  const { hits, total } = await searchItems(store.db, searchQueryOf(normalized), { ...filters, limit: limit + 1, offset: 0 });
  if (total > limit) return undefined;
  const matched = await matchedEvents(store, hits);
  const stored = await findEventFields(store.db, [...matched.events.keys()]);
  const organizations = findOrganizations(
    [{ home: '', partner: '', events: [...matched.events.values()].map((e) => ({ ...e, date: null, line: null })) }],
    await loadOrganizationDecisions(store.db),
  ).filter((o) => o.kind === 'organization');
  const fieldCounts = new Map<ExchangeField, number>();
  const organizationCounts = new Map<string, number>();
  const namesById = new Map<number, string[]>();
  for (const o of organizations) for (const m of o.mentions) if (m.eventId !== null) namesById.set(m.eventId, [...(namesById.get(m.eventId) ?? []), o.name]);
  for (const hit of hits) {
    const id = hit.kind === 'event' ? hit.id : matched.recordEvents.get(hit.id);
    const event = id === undefined ? undefined : matched.events.get(id);
    if (id === undefined || event === undefined) continue;
    for (const f of stored.get(id)?.fields ?? suggestFields(event.text)) fieldCounts.set(f, (fieldCounts.get(f) ?? 0) + 1);
    for (const name of namesById.get(id) ?? []) organizationCounts.set(name, (organizationCounts.get(name) ?? 0) + 1);
  }
  return {
    fields: EXCHANGE_FIELDS.filter((f) => fieldCounts.has(f)).map((f) => ({ field: f, count: fieldCounts.get(f)! })),
    organizations: [...organizationCounts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** The events the hits are about (an event hit itself, the event a record hit shows), by id, and each record's event. */
async function matchedEvents(store: Store, hits: readonly SearchHit[]) {
  const events = new Map<number, { id: number; text: string; year: number; direction: Direction }>();
  for (const hit of hits) if (hit.kind === 'event' && hit.direction !== null) events.set(hit.id, { id: hit.id, text: hit.text, year: hit.year, direction: hit.direction });
  const recordEvents = await findRecordEvents(store.db, hits.filter((h) => h.kind === 'record').map((h) => h.id));
  const missing = [...new Set(recordEvents.values())].filter((id) => !events.has(id));
  for (const e of await findPublishedEventTexts(store.db, missing)) events.set(e.id, e);
  return { events, recordEvents };
}
