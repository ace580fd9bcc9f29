import { sql, type Kysely } from 'kysely';
import { DIRECTIONS, isDirection, type Direction } from '../domain/direction.js';
import { gramsOf, noFacets, normalizeForSearch, queryGrams, type SearchFacets, type SearchFilters, type SearchResult } from '../domain/search-text.js';
import type { Database } from './database.js';

type ItemKind = 'event' | 'record';

/** Ids per `in (…)` list and gram rows (3 parameters each) per insert: below both databases' bind limits. */
const CHUNK = 200;
/** Candidates need only some of a long query's grams: the substring test that follows decides. */
const MAX_QUERY_GRAMS = 32;

export interface SearchOptions extends SearchFilters {
  limit: number;
  offset: number;
}

/**
 * Brings `search_text` and the grams of one partnership's events and records up to date with their text.
 * Only items whose text changed are rewritten. Removed items' grams are dropped by deleteGrams.
 */
export async function reindexPartnership(db: Kysely<Database>, partnershipId: number): Promise<void> {
  await reindex(db, partnershipId);
}

/** reindexPartnership for every partnership (the migration's backfill). */
export async function reindexAll(db: Kysely<Database>): Promise<void> {
  await reindex(db, null);
}

export async function deleteGrams(db: Kysely<Database>, kind: ItemKind, ids: readonly number[]): Promise<void> {
  for (const chunk of chunks(ids)) {
    await db.deleteFrom('search_grams').where('item_kind', '=', kind).where('item_id', 'in', chunk).execute();
  }
}

/** Drops the grams of every item of the partnership; call before deleting it. */
export async function deletePartnershipGrams(db: Kysely<Database>, home: string, partner: string): Promise<void> {
  const partnership = db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner);
  await db
    .deleteFrom('search_grams')
    .where('item_kind', '=', 'event')
    .where('item_id', 'in', db.selectFrom('events').select('id').where('partnership_id', 'in', partnership))
    .execute();
  await db
    .deleteFrom('search_grams')
    .where('item_kind', '=', 'record')
    .where('item_id', 'in', db.selectFrom('photo_records').select('id').where('partnership_id', 'in', partnership))
    .execute();
}

/**
 * Events and records whose normalized text contains the normalized `query` (already normalized), ordered by
 * year, partner, position. Exactly the items a substring scan finds: the grams only narrow the candidates.
 * The filters in `options` (partner, year, direction, kind) narrow them further and combine.
 */
export async function searchItems(db: Kysely<Database>, query: string, options: SearchOptions): Promise<SearchResult> {
  const grams = queryGrams(query).slice(0, MAX_QUERY_GRAMS);
  if (grams.length === 0) return { hits: [], total: 0 };
  const matches = matchesOf(db, grams, query, options);

  const { n } = await db
    .selectFrom(matches)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom(matches)
    .selectAll()
    .orderBy('year')
    .orderBy('partner')
    .orderBy('home')
    .orderBy('position')
    .orderBy('kind')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    // PostgreSQL returns bigint counts as strings.
    total: Number(n),
    hits: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      partnershipId: r.partnership_id,
      home: r.home,
      partner: r.partner,
      year: r.year,
      direction: r.kind === 'record' ? null : directionOf(r.direction),
      text: r.text,
    })),
  };
}

/**
 * The facet counts of the normalized `query` over all its matches: by partnership, by year, and by type (events by
 * direction, photo records apart). Each facet is counted under every filter but its own; `direction` and
 * `kind` are one dimension (the type facet).
 */
export async function searchFacets(db: Kysely<Database>, query: string, filters: SearchFilters = {}): Promise<SearchFacets> {
  const grams = queryGrams(query).slice(0, MAX_QUERY_GRAMS);
  if (grams.length === 0) return noFacets();
  const { partner, year, direction, kind, eventIds } = filters;
  const partners = await db
    .selectFrom(matchesOf(db, grams, query, { year, direction, kind, eventIds }))
    .select((eb) => ['home', 'partner', eb.fn.countAll().as('n')] as const)
    .groupBy(['home', 'partner'])
    .orderBy('partner')
    .orderBy('home')
    .execute();
  const years = await db
    .selectFrom(matchesOf(db, grams, query, { partner, direction, kind, eventIds }))
    .select((eb) => ['year', eb.fn.countAll().as('n')] as const)
    .groupBy('year')
    .orderBy('year')
    .execute();
  const types = await db
    .selectFrom(matchesOf(db, grams, query, { partner, year, eventIds }))
    .select((eb) => ['kind', 'direction', eb.fn.countAll().as('n')] as const)
    .groupBy(['kind', 'direction'])
    .execute();
  const byDirection = new Map<Direction, number>();
  let records = 0;
  for (const t of types) {
    // PostgreSQL returns bigint counts as strings.
    if (t.kind === 'record') records += Number(t.n);
    else byDirection.set(directionOf(t.direction), (byDirection.get(directionOf(t.direction)) ?? 0) + Number(t.n));
  }
  return {
    partners: partners.map((r) => ({ home: r.home, partner: r.partner, count: Number(r.n) })),
    years: years.map((r) => ({ year: r.year, count: Number(r.n) })),
    directions: DIRECTIONS.filter((d) => byDirection.has(d)).map((d) => ({ direction: d, count: byDirection.get(d)! })),
    records,
  };
}

/** The events and records holding `query` (normalized) under `filters`, as one derived table `matches`. */
function matchesOf(db: Kysely<Database>, grams: readonly string[], query: string, filters: SearchFilters) {
  const candidates = (kind: ItemKind) =>
    db
      .selectFrom('search_grams')
      .select('item_id')
      .where('item_kind', '=', kind)
      .where('gram', 'in', grams)
      .groupBy('item_id')
      .having((eb) => eb.fn.count('gram').distinct(), '=', grams.length);
  // Both sides are lower case, so SQLite's ASCII-case-insensitive like matches as PostgreSQL's does.
  const contains = sql<boolean>`search_text like ${likePattern(query)} escape '!'`;
  const nothing = sql<boolean>`1 = 0`;
  const events = db
    .selectFrom('events')
    .innerJoin('partnerships', 'partnerships.id', 'events.partnership_id')
    .select([
      sql<ItemKind>`'event'`.as('kind'),
      'events.id',
      'events.partnership_id',
      'partnerships.home',
      'partnerships.partner',
      'events.year',
      'events.position',
      sql<string | null>`events.direction`.as('direction'),
      'events.text',
    ])
    .where('events.id', 'in', candidates('event'))
    .where(contains)
    .$if(filters.partner !== undefined, (q) => q.where('partnerships.partner', '=', filters.partner!))
    .$if(filters.year !== undefined, (q) => q.where('events.year', '=', filters.year!))
    .$if(filters.direction !== undefined, (q) => q.where('events.direction', '=', filters.direction!))
    .$if(filters.kind === 'record', (q) => q.where(nothing))
    .$if(filters.eventIds !== undefined, (q) => q.where('events.id', 'in', allowed(filters.eventIds!)));
  const records = db
    .selectFrom('photo_records')
    .innerJoin('partnerships', 'partnerships.id', 'photo_records.partnership_id')
    .select([
      sql<ItemKind>`'record'`.as('kind'),
      'photo_records.id',
      'photo_records.partnership_id',
      'partnerships.home',
      'partnerships.partner',
      'photo_records.year',
      'photo_records.position',
      sql<string | null>`null`.as('direction'),
      'photo_records.caption as text',
    ])
    .where('photo_records.id', 'in', candidates('record'))
    .where(contains)
    .$if(filters.partner !== undefined, (q) => q.where('partnerships.partner', '=', filters.partner!))
    .$if(filters.year !== undefined, (q) => q.where('photo_records.year', '=', filters.year!))
    .$if(filters.direction !== undefined, (q) => q.where(nothing))
    .$if(filters.eventIds !== undefined, (q) => q.where('photo_records.event_id', 'in', allowed(filters.eventIds!)));
  return events.unionAll(records).as('matches');
}

/** An `in` list that is never empty (no id is negative). */
function allowed(ids: readonly number[]): number[] {
  return ids.length > 0 ? [...ids] : [-1];
}

function directionOf(value: string | null): Direction {
  return isDirection(value) ? value : 'unknown';
}

/** A like pattern matching `query` anywhere, its `%`, `_` and `!` taken literally (escape character `!`). */
function likePattern(query: string): string {
  return `%${query.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

async function reindex(db: Kysely<Database>, partnershipId: number | null): Promise<void> {
  const events = await db
    .selectFrom('events')
    .select(['id', 'text', 'search_text'])
    .$if(partnershipId !== null, (q) => q.where('partnership_id', '=', partnershipId!))
    .execute();
  const records = await db
    .selectFrom('photo_records')
    .select(['id', 'caption as text', 'search_text'])
    .$if(partnershipId !== null, (q) => q.where('partnership_id', '=', partnershipId!))
    .execute();
  await refresh(db, 'event', events);
  await refresh(db, 'record', records);
}

async function refresh(
  db: Kysely<Database>,
  kind: ItemKind,
  items: readonly { id: number; text: string; search_text: string | null }[],
): Promise<void> {
  const stale = items
    .map((item) => ({ id: item.id, old: item.search_text, now: normalizeForSearch(item.text) }))
    .filter((item) => item.old !== item.now);
  if (stale.length === 0) return;
  await deleteGrams(db, kind, stale.map((item) => item.id));
  const rows = stale.flatMap((item) => gramsOf(item.now).map((gram) => ({ gram, item_kind: kind, item_id: item.id })));
  for (const chunk of chunks(rows)) await db.insertInto('search_grams').values(chunk).execute();
  const table = kind === 'event' ? 'events' : 'photo_records';
  for (const item of stale) await db.updateTable(table).set({ search_text: item.now }).where('id', '=', item.id).execute();
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
