import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { DIRECTIONS, isDirection, type Direction } from '../domain/direction.js';
import { GRAM_LENGTH, noFacets, queryGrams, type SearchFacets, type SearchFilters, type SearchResult } from '../domain/search-text.js';
import type { Database } from './database.js';
import { SearchIndexBatch, type ItemKind } from './search.index.js';
import { decodePostings, intersectSorted } from './search.postings.js';

/** Ids per `in (…)` list: below both databases' bind limits. */
const CHUNK = 5000;
/** Candidates need only some of a long query's grams: the substring test that follows decides. */
const MAX_QUERY_GRAMS = 32;
/** A year with at most this many matches is ranked from their rows; a larger one by walking its partnerships in order. */
export const DIRECT_RANK_LIMIT = 500;
/** Partnerships read in the first step of that walk; each further step reads four times as many. */
const FIRST_WALK_STEP = 8;

export interface SearchOptions extends SearchFilters {
  limit: number;
  offset: number;
}

/** What ordering, filters and facets need of one matching item. */
interface Match {
  kind: ItemKind;
  /** The partnership's place in (partner, home) order among the matches' partnerships. */
  rank: number;
  id: number;
  partnershipId: number;
  home: string;
  partner: string;
  year: number;
  position: number;
  direction: Direction | null;
}

/**
 * Events and records whose normalized text contains the normalized `query`, ordered by year, partner, home,
 * position, kind, id: exactly what a substring scan finds. The posting lists, kept per year, give the candidates
 * (for a query of one or two characters, exactly the matches; longer queries are checked against the stored text),
 * and only the years the page falls in are read for ranking; the others are counted.
 */
export async function searchItems(db: Kysely<Database>, query: string, options: SearchOptions): Promise<SearchResult> {
  const grams = queryGrams(query).slice(0, MAX_QUERY_GRAMS);
  if (grams.length === 0) return { hits: [], total: 0 };
  let page: Match[];
  let total: number;
  if (options.partner !== undefined || options.direction !== undefined || options.eventIds !== undefined) {
    // These filters need every candidate's partnership or direction: rank them all.
    const matches = (await findMatches(db, query, options)).filter((m) => passes(m, options)).sort(byRank);
    total = matches.length;
    page = matches.slice(options.offset, options.offset + options.limit);
  } else {
    ({ total, page } = isExact(query) ? await pageFromCounts(db, query, options) : await pageByYear(db, query, grams, options));
  }
  const texts = await textsOf(db, page);
  return {
    total,
    hits: page.map((m) => ({
      kind: m.kind,
      id: m.id,
      partnershipId: m.partnershipId,
      home: m.home,
      partner: m.partner,
      year: m.year,
      direction: m.direction,
      text: texts.get(`${m.kind}:${m.id}`) ?? '',
    })),
  };
}

/**
 * A query that is one gram: its lists are exactly its matches, so the stored lengths give the total and the years
 * the page [offset, offset + limit) falls in; only those years' lists are read, and only as much of each year is
 * ranked as the page needs.
 */
async function pageFromCounts(db: Kysely<Database>, gram: string, options: SearchOptions): Promise<{ total: number; page: Match[] }> {
  const start = options.offset;
  const end = options.offset + options.limit;
  const filtered = <Q extends SelectQueryBuilder<Database, 'search_postings', object>>(q: Q): Q =>
    q
      .where('gram', '=', gram)
      .$if(options.kind === 'record', (q) => q.where('item_kind', '=', 'record'))
      .$if(options.year !== undefined, (q) => q.where('year', '=', options.year!)) as Q;
  const counts = new Map<number, number>();
  for (const row of await filtered(db.selectFrom('search_postings').select(['year', 'n'])).execute()) counts.set(row.year, (counts.get(row.year) ?? 0) + Number(row.n));
  let total = 0;
  const wanted = new Map<number, { from: number; to: number }>();
  for (const [year, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (total + count > start && total < end) wanted.set(year, { from: Math.max(0, start - total), to: Math.min(count, end - total) });
    total += count;
  }
  if (wanted.size === 0) return { total, page: [] };
  const years = new Map<number, YearCandidates>();
  for (const row of await filtered(db.selectFrom('search_postings').select(['year', 'item_kind', 'ids'])).where('year', 'in', [...wanted.keys()]).execute()) {
    const year = years.get(row.year) ?? { year: row.year, events: [], records: [] };
    if (row.item_kind === 'event') year.events = decodePostings(row.ids);
    else year.records = decodePostings(row.ids);
    years.set(row.year, year);
  }
  const page: Match[] = [];
  for (const year of [...years.values()].sort((a, b) => a.year - b.year)) {
    const { from, to } = wanted.get(year.year)!;
    page.push(...(await rankedPrefix(db, year, to)).slice(from, to));
  }
  return { total, page };
}

/**
 * The first `count` of a year's candidates in rank order. Few candidates are ranked from their rows; many are found
 * by reading the year's items partnership by partnership in (partner, home) order, in growing steps, until `count`
 * of them are candidates: every item of a later partnership ranks after them.
 */
async function rankedPrefix(db: Kysely<Database>, year: YearCandidates, count: number): Promise<Match[]> {
  if (year.events.length + year.records.length <= DIRECT_RANK_LIMIT) return (await matchesOf(db, year, null)).sort(byRank).slice(0, count);
  const found: Match[] = [];
  for (let at = 0, step = FIRST_WALK_STEP; found.length < count; at += step, step *= 4) {
    // In (partner, home) order, as both databases order these columns (code points; PostgreSQL with collation "C").
    const group = await db
      .selectFrom('partnerships')
      .select(['id', 'home', 'partner'])
      .where('status', '=', 'published')
      .orderBy('partner')
      .orderBy('home')
      .limit(step)
      .offset(at)
      .execute();
    if (group.length === 0) break;
    const rank = new Map(group.map((p, i) => [p.id, { rank: at + i, home: p.home, partner: p.partner }]));
    const ids = group.map((p) => p.id);
    const events =
      year.events.length === 0
        ? []
        : await db
            .selectFrom('events')
            .select(['id', 'partnership_id', 'position', 'direction'])
            .where('partnership_id', 'in', ids)
            .where('year', '=', year.year)
            .where('status', '=', 'published')
            .execute();
    for (const r of events) {
      if (holds(year.events, r.id)) found.push({ kind: 'event', id: r.id, partnershipId: r.partnership_id, year: year.year, position: r.position, direction: directionOf(r.direction), ...rank.get(r.partnership_id)! });
    }
    const records =
      year.records.length === 0
        ? []
        : await db
            .selectFrom('photo_records')
            .select(['id', 'partnership_id', 'position'])
            .where('partnership_id', 'in', ids)
            .where('year', '=', year.year)
            .where('status', '=', 'published')
            .execute();
    for (const r of records) {
      if (holds(year.records, r.id)) found.push({ kind: 'record', id: r.id, partnershipId: r.partnership_id, year: year.year, position: r.position, direction: null, ...rank.get(r.partnership_id)! });
    }
  }
  return found.sort(byRank).slice(0, count);
}

/** Whether the ascending `ids` hold `id` (binary search). */
function holds(ids: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = ids[mid]!;
    if (x === id) return true;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Walks the candidates year by year: counts every year, ranks only the years the page [offset, offset + limit) falls in. */
async function pageByYear(db: Kysely<Database>, query: string, grams: readonly string[], options: SearchOptions): Promise<{ total: number; page: Match[] }> {
  const pattern = isExact(query) ? null : likePattern(query);
  const start = options.offset;
  const end = options.offset + options.limit;
  let total = 0;
  const page: Match[] = [];
  // Candidates of the years after the page: only their count is needed, asked for in as few queries as possible.
  const rest: YearCandidates = { year: Number.NaN, events: [], records: [] };
  for (const year of await candidatesByYear(db, grams, options)) {
    if (pattern !== null && total >= end) {
      rest.events.push(...year.events);
      rest.records.push(...year.records);
      continue;
    }
    let keys: Match[] | undefined;
    let count: number;
    if (pattern === null) count = year.events.length + year.records.length;
    else count = (keys = await matchesOf(db, year, pattern)).length;
    if (total + count > start && total < end) {
      keys ??= await matchesOf(db, year, pattern);
      page.push(...keys.sort(byRank).slice(Math.max(0, start - total), end - total));
    }
    total += count;
  }
  if (pattern !== null) total += await countVerified(db, rest, pattern);
  return { total, page };
}

/** Every item containing the normalized `query` as `kind:id`, in the order searchItems gives: what recall is measured on. */
export async function searchKeys(db: Kysely<Database>, query: string): Promise<string[]> {
  return (await findMatches(db, query, {})).sort(byRank).map((m) => `${m.kind}:${m.id}`);
}

/**
 * The facet counts of the normalized `query` over all its matches: by partnership, by year, and by type (events by
 * direction, photo records apart). Each facet is counted under every filter but its own; `direction` and
 * `kind` are one dimension (the type facet).
 */
export async function searchFacets(db: Kysely<Database>, query: string, filters: SearchFilters = {}): Promise<SearchFacets> {
  const matches = await findMatches(db, query, filters.eventIds === undefined ? {} : { eventIds: filters.eventIds });
  if (matches.length === 0) return noFacets();
  const { partner, year, direction, kind } = filters;
  const partners = new Map<string, { home: string; partner: string; count: number }>();
  const years = new Map<number, number>();
  const byDirection = new Map<Direction, number>();
  let records = 0;
  for (const m of matches) {
    if (passes(m, { year, direction, kind })) {
      const key = `${m.partner}\u0000${m.home}`;
      const entry = partners.get(key) ?? { home: m.home, partner: m.partner, count: 0 };
      entry.count += 1;
      partners.set(key, entry);
    }
    if (passes(m, { partner, direction, kind })) years.set(m.year, (years.get(m.year) ?? 0) + 1);
    if (passes(m, { partner, year })) {
      if (m.kind === 'record') records += 1;
      else byDirection.set(m.direction ?? 'unknown', (byDirection.get(m.direction ?? 'unknown') ?? 0) + 1);
    }
  }
  return {
    partners: [...partners.values()].sort((a, b) => compare(a.partner, b.partner) || compare(a.home, b.home)),
    years: [...years].sort((a, b) => a[0] - b[0]).map(([y, count]) => ({ year: y, count })),
    directions: DIRECTIONS.filter((d) => byDirection.has(d)).map((d) => ({ direction: d, count: byDirection.get(d)! })),
    records,
  };
}

/** Drops the index entries of every item of the partnership; call before deleting it. */
export async function deletePartnershipGrams(db: Kysely<Database>, home: string, partner: string): Promise<void> {
  const partnership = db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner);
  const batch = new SearchIndexBatch();
  for (const row of await db.selectFrom('events').select(['id', 'year', 'search_text']).where('partnership_id', 'in', partnership).execute()) {
    if (row.search_text !== null) batch.remove('event', row.id, row.year, row.search_text);
  }
  for (const row of await db.selectFrom('photo_records').select(['id', 'year', 'search_text']).where('partnership_id', 'in', partnership).execute()) {
    if (row.search_text !== null) batch.remove('record', row.id, row.year, row.search_text);
  }
  await batch.flush(db);
}

/** Every (gram, item) pair the index holds, counted: the sum of gramsOf over every indexed text. */
export async function countPostings(db: Kysely<Database>): Promise<number> {
  let n = 0;
  for (const row of await db.selectFrom('search_postings').select('ids').execute()) n += decodePostings(row.ids).length;
  return n;
}

/** The candidates of one year: ids of events and records holding every gram of the query, ascending. */
interface YearCandidates {
  year: number;
  events: number[];
  records: number[];
}

/** Candidates by year, ascending; the year, kind and direction filters narrow which lists are read. */
async function candidatesByYear(db: Kysely<Database>, grams: readonly string[], filters: SearchFilters): Promise<YearCandidates[]> {
  const rows = await db
    .selectFrom('search_postings')
    .select(['item_kind', 'year', 'gram', 'ids'])
    .where('gram', 'in', grams)
    .$if(filters.kind === 'record', (q) => q.where('item_kind', '=', 'record'))
    .$if(filters.direction !== undefined, (q) => q.where('item_kind', '=', 'event'))
    .$if(filters.year !== undefined, (q) => q.where('year', '=', filters.year!))
    .execute();
  const lists = new Map<string, { kind: ItemKind; year: number; lists: number[][] }>();
  for (const row of rows) {
    const key = `${row.year}:${row.item_kind}`;
    const entry = lists.get(key) ?? { kind: row.item_kind, year: row.year, lists: [] };
    entry.lists.push(decodePostings(row.ids));
    lists.set(key, entry);
  }
  const years = new Map<number, YearCandidates>();
  for (const entry of lists.values()) {
    if (entry.lists.length < grams.length) continue;
    const ids = intersectSorted(entry.lists);
    if (ids.length === 0) continue;
    const year = years.get(entry.year) ?? { year: entry.year, events: [], records: [] };
    if (entry.kind === 'event') year.events = ids;
    else year.records = ids;
    years.set(entry.year, year);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** A query of up to GRAM_LENGTH characters is one gram, and its list is exactly the items holding it. */
const isExact = (query: string): boolean => Array.from(query).length <= GRAM_LENGTH;

/** Every item containing the normalized `query`, unordered, with what ranking and facets need. */
async function findMatches(db: Kysely<Database>, query: string, filters: SearchFilters): Promise<Match[]> {
  const grams = queryGrams(query).slice(0, MAX_QUERY_GRAMS);
  if (grams.length === 0) return [];
  const pattern = isExact(query) ? null : likePattern(query);
  const out: Match[] = [];
  for (const year of await candidatesByYear(db, grams, { kind: filters.kind, year: filters.year, direction: filters.direction })) {
    out.push(...(await matchesOf(db, year, pattern, filters.eventIds)));
  }
  return out;
}

/** The candidates of one year that contain `pattern` (all of them when it is null), with names and ranks. */
async function matchesOf(db: Kysely<Database>, year: YearCandidates, pattern: string | null, eventIds?: readonly number[]): Promise<Match[]> {
  const rows = [...(await keysOf(db, 'event', year.events, pattern, eventIds)), ...(await keysOf(db, 'record', year.records, pattern, eventIds))];
  const names = await partnershipNames(db, [...new Set(rows.map((r) => r.partnershipId))]);
  const ranked = [...names].sort((a, b) => compare(a[1].partner, b[1].partner) || compare(a[1].home, b[1].home));
  const rank = new Map(ranked.map(([id], i) => [id, i]));
  return rows.map((r) => ({ ...r, ...names.get(r.partnershipId)!, rank: rank.get(r.partnershipId)! }));
}

/** How many of the candidates contain `pattern`, counted by the database. */
async function countVerified(db: Kysely<Database>, year: YearCandidates, pattern: string): Promise<number> {
  const contains = sql<boolean>`search_text like ${pattern} escape '!'`;
  let n = 0;
  for (const [table, ids] of [['events', year.events], ['photo_records', year.records]] as const) {
    for (const list of chunksOf(ids)) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('id', 'in', list).where(contains).executeTakeFirstOrThrow();
      // PostgreSQL returns bigint counts as strings.
      n += Number(row.n);
    }
  }
  return n;
}

/** Ordering keys of the candidates `ids` whose text contains `pattern` when it is given. */
async function keysOf(
  db: Kysely<Database>,
  kind: ItemKind,
  ids: readonly number[],
  pattern: string | null,
  eventIds?: readonly number[],
): Promise<Omit<Match, 'home' | 'partner' | 'rank'>[]> {
  const out: Omit<Match, 'home' | 'partner' | 'rank'>[] = [];
  // An organisation or field filter: events among `eventIds`, records showing one of them.
  if (eventIds !== undefined && eventIds.length === 0) return out;
  for (const list of chunksOf(ids)) {
    for (const r of await keyRows(db, kind, list, pattern, eventIds)) {
      out.push({ kind, id: r.id, partnershipId: r.partnership_id, year: r.year, position: r.position, direction: kind === 'record' ? null : directionOf(r.direction) });
    }
  }
  return out;
}

interface KeyRow {
  id: number;
  partnership_id: number;
  year: number;
  position: number;
  direction: string | null;
}

/** The rows of `ids`, with the substring test when a pattern is given. */
async function keyRows(db: Kysely<Database>, kind: ItemKind, ids: readonly number[], pattern: string | null, eventIds?: readonly number[]): Promise<KeyRow[]> {
  // Both sides are lower case, so SQLite's ASCII-case-insensitive like matches as PostgreSQL's does.
  const contains = sql<boolean>`search_text like ${pattern} escape '!'`;
  // The public search sees published items of published partnerships only; drafts stay in the staff area.
  const published = db.selectFrom('partnerships').select('id').where('status', '=', 'published');
  if (kind === 'event') {
    const q = db
      .selectFrom('events')
      .select(['id', 'partnership_id', 'year', 'position', sql<string | null>`direction`.as('direction')])
      .where('id', 'in', ids)
      .where('status', '=', 'published')
      .where('partnership_id', 'in', published)
      .$if(eventIds !== undefined, (q) => q.where('id', 'in', eventIds!));
    return (pattern === null ? q : q.where(contains)).execute();
  }
  const q = db
    .selectFrom('photo_records')
    .select(['id', 'partnership_id', 'year', 'position', sql<string | null>`null`.as('direction')])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .where('partnership_id', 'in', published)
    .$if(eventIds !== undefined, (q) => q.where('event_id', 'in', eventIds!));
  return (pattern === null ? q : q.where(contains)).execute();
}

async function partnershipNames(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, { home: string; partner: string }>> {
  const names = new Map<number, { home: string; partner: string }>();
  for (const list of chunksOf(ids)) {
    for (const r of await db.selectFrom('partnerships').select(['id', 'home', 'partner']).where('id', 'in', list).execute()) {
      names.set(r.id, { home: r.home, partner: r.partner });
    }
  }
  return names;
}

/** The stored text of each event and caption of a page, by `kind:id`. */
async function textsOf(db: Kysely<Database>, page: readonly Match[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const events = page.filter((m) => m.kind === 'event').map((m) => m.id);
  const records = page.filter((m) => m.kind === 'record').map((m) => m.id);
  for (const list of chunksOf(events)) {
    for (const r of await db.selectFrom('events').select(['id', 'text']).where('id', 'in', list).execute()) texts.set(`event:${r.id}`, r.text);
  }
  for (const list of chunksOf(records)) {
    for (const r of await db.selectFrom('photo_records').select(['id', 'caption']).where('id', 'in', list).execute()) texts.set(`record:${r.id}`, r.caption);
  }
  return texts;
}

function passes(m: Match, f: SearchFilters): boolean {
  return (
    (f.partner === undefined || m.partner === f.partner) &&
    (f.year === undefined || m.year === f.year) &&
    (f.direction === undefined || m.direction === f.direction) &&
    (f.kind === undefined || m.kind === f.kind)
  );
}

/** Code point order, as both databases order names (PostgreSQL with collation "C"); UTF-16 order differs above U+D7FF. */
function compare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–DFFF) stand for code points above U+FFFF: they sort after U+E000–FFFF. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

function byRank(a: Match, b: Match): number {
  return a.year - b.year || a.rank - b.rank || a.position - b.position || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) || a.id - b.id;
}

function directionOf(value: string | null): Direction {
  return isDirection(value) ? value : 'unknown';
}

/** A like pattern matching `query` anywhere, its `%`, `_` and `!` taken literally (escape character `!`). */
function likePattern(query: string): string {
  return `%${query.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function chunksOf<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
