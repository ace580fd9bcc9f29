import { sql, type Kysely } from 'kysely';
import { DIRECTIONS, isDirection, type Direction } from '../domain/direction.js';
import { noFacets, queryGrams, type SearchFacets, type SearchFilters, type SearchResult } from '../domain/search-text.js';
import type { Database } from './database.js';
import { SearchIndexBatch, type ItemKind } from './search.index.js';
import { blockOf, decodePostings, intersectSorted, POSTING_BLOCK } from './search.postings.js';

/** Ids per `in (…)` list: below both databases' bind limits. */
const CHUNK = 5000;
/** Candidates need only some of a long query's grams: the substring test that follows decides. */
const MAX_QUERY_GRAMS = 32;
/** A block where more than this share of ids are candidates is read as a range rather than by id. */
const DENSE = 0.05;

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
 * position, kind, id: exactly what a substring scan finds. The posting lists give the candidates (for a query of
 * one or two characters, exactly the matches); longer queries are checked against the stored text.
 */
export async function searchItems(db: Kysely<Database>, query: string, options: SearchOptions): Promise<SearchResult> {
  const matches = (await findMatches(db, query, options.kind)).filter((m) => passes(m, options)).sort(byRank);
  const page = matches.slice(options.offset, options.offset + options.limit);
  const texts = await textsOf(db, page);
  return {
    total: matches.length,
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
 * The facet counts of the normalized `query` over all its matches: by partnership, by year, and by type (events by
 * direction, photo records apart). Each facet is counted under every filter but its own; `direction` and
 * `kind` are one dimension (the type facet).
 */
export async function searchFacets(db: Kysely<Database>, query: string, filters: SearchFilters = {}): Promise<SearchFacets> {
  const matches = await findMatches(db, query, undefined);
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

/** Drops the index entries of the events or records `ids` (read from their stored search_text); call before deleting them. */
export async function deleteGrams(db: Kysely<Database>, kind: ItemKind, ids: readonly number[]): Promise<void> {
  const batch = new SearchIndexBatch();
  const table = kind === 'event' ? 'events' : 'photo_records';
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom(table).select(['id', 'search_text']).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const row of rows) if (row.search_text !== null) batch.remove(kind, row.id, row.search_text);
  }
  await batch.flush(db);
}

/** Drops the index entries of every item of the partnership; call before deleting it. */
export async function deletePartnershipGrams(db: Kysely<Database>, home: string, partner: string): Promise<void> {
  const partnership = db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner);
  const batch = new SearchIndexBatch();
  for (const row of await db.selectFrom('events').select(['id', 'search_text']).where('partnership_id', 'in', partnership).execute()) {
    if (row.search_text !== null) batch.remove('event', row.id, row.search_text);
  }
  for (const row of await db.selectFrom('photo_records').select(['id', 'search_text']).where('partnership_id', 'in', partnership).execute()) {
    if (row.search_text !== null) batch.remove('record', row.id, row.search_text);
  }
  await batch.flush(db);
}

/** Every (gram, item) pair the index holds, counted: the sum of gramsOf over every indexed text. */
export async function countPostings(db: Kysely<Database>): Promise<number> {
  let n = 0;
  for (const row of await db.selectFrom('search_postings').select(['block', 'ids']).execute()) n += decodePostings(row.ids, row.block).length;
  return n;
}

/** The ids whose posting lists hold every gram of `query`, by kind and ascending. */
async function candidates(db: Kysely<Database>, grams: readonly string[], kind: ItemKind | undefined): Promise<Map<ItemKind, number[]>> {
  const rows = await db
    .selectFrom('search_postings')
    .select(['item_kind', 'block', 'gram', 'ids'])
    .where('gram', 'in', grams)
    .$if(kind !== undefined, (q) => q.where('item_kind', '=', kind!))
    .execute();
  const lists = new Map<string, { kind: ItemKind; block: number; lists: number[][] }>();
  for (const row of rows) {
    const key = `${row.item_kind}:${row.block}`;
    const entry = lists.get(key) ?? { kind: row.item_kind, block: row.block, lists: [] };
    entry.lists.push(decodePostings(row.ids, row.block));
    lists.set(key, entry);
  }
  const out = new Map<ItemKind, number[]>([['event', []], ['record', []]]);
  const ordered = [...lists.values()].sort((a, b) => a.block - b.block);
  for (const entry of ordered) {
    if (entry.lists.length < grams.length) continue;
    out.get(entry.kind)!.push(...intersectSorted(entry.lists));
  }
  return out;
}

/** Every item containing the normalized `query`, unordered, with what ranking and facets need. */
async function findMatches(db: Kysely<Database>, query: string, kind: SearchFilters['kind']): Promise<Match[]> {
  const grams = queryGrams(query).slice(0, MAX_QUERY_GRAMS);
  if (grams.length === 0) return [];
  const found = await candidates(db, grams, kind === 'record' ? 'record' : undefined);
  // One gram that is the whole query (one or two characters) is exact; otherwise the text decides.
  const exact = Array.from(query).length <= 2;
  const pattern = exact ? null : likePattern(query);
  const rows: Omit<Match, 'home' | 'partner' | 'rank'>[] = [];
  for (const itemKind of ['event', 'record'] as const) {
    for (const group of byBlock(found.get(itemKind) ?? [])) rows.push(...(await keysOf(db, itemKind, group, pattern)));
  }
  const names = await partnershipNames(db, [...new Set(rows.map((r) => r.partnershipId))]);
  const ranked = [...names].sort((a, b) => compare(a[1].partner, b[1].partner) || compare(a[1].home, b[1].home));
  const rank = new Map(ranked.map(([id], i) => [id, i]));
  return rows.map((r) => ({ ...r, ...names.get(r.partnershipId)!, rank: rank.get(r.partnershipId)! }));
}

/** Ids grouped by posting block, each group ascending. */
function byBlock(ids: readonly number[]): number[][] {
  const groups: number[][] = [];
  for (const id of ids) {
    const last = groups.at(-1);
    if (last && blockOf(last[0]!) === blockOf(id)) last.push(id);
    else groups.push([id]);
  }
  return groups;
}

/** Ordering keys of the candidates `ids` (one block, ascending) whose text contains `pattern` when it is given. */
async function keysOf(db: Kysely<Database>, kind: ItemKind, ids: readonly number[], pattern: string | null): Promise<Omit<Match, 'home' | 'partner' | 'rank'>[]> {
  const wanted = new Set(ids);
  const dense = ids.length > POSTING_BLOCK * DENSE;
  const out: Omit<Match, 'home' | 'partner' | 'rank'>[] = [];
  for (const list of dense ? [ids] : chunksOf(ids)) {
    for (const r of await keyRows(db, kind, list, dense, pattern)) {
      if (dense && !wanted.has(r.id)) continue;
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

/** The rows of `ids` (or, when dense, of every id from the first to the last), with the substring test when given. */
async function keyRows(db: Kysely<Database>, kind: ItemKind, ids: readonly number[], dense: boolean, pattern: string | null): Promise<KeyRow[]> {
  // Both sides are lower case, so SQLite's ASCII-case-insensitive like matches as PostgreSQL's does.
  const contains = sql<boolean>`search_text like ${pattern} escape '!'`;
  if (kind === 'event') {
    let q = db.selectFrom('events').select(['id', 'partnership_id', 'year', 'position', sql<string | null>`direction`.as('direction')]);
    q = dense ? q.where('id', '>=', ids[0]!).where('id', '<=', ids.at(-1)!) : q.where('id', 'in', ids);
    return (pattern === null ? q : q.where(contains)).execute();
  }
  let q = db.selectFrom('photo_records').select(['id', 'partnership_id', 'year', 'position', sql<string | null>`null`.as('direction')]);
  q = dense ? q.where('id', '>=', ids[0]!).where('id', '<=', ids.at(-1)!) : q.where('id', 'in', ids);
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
  if (events.length > 0) for (const r of await db.selectFrom('events').select(['id', 'text']).where('id', 'in', events).execute()) texts.set(`event:${r.id}`, r.text);
  if (records.length > 0) {
    for (const r of await db.selectFrom('photo_records').select(['id', 'caption']).where('id', 'in', records).execute()) texts.set(`record:${r.id}`, r.caption);
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
