import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { DIRECTIONS, isDirection, type Direction } from '../domain/direction.js';
import { GRAM_LENGTH, noFacets, queryGrams, type SearchFacets, type SearchFilters, type SearchResult } from '../domain/search-text.js';
import { TRANSLATION_LOCALES, type Translations } from '../domain/translation.js';
import type { Database } from './database.js';
import { SearchIndexBatch, type ItemKind } from './search.index.js';
import { COMBINED_YEAR, combinedSections, listsOfRow } from './search.layout.js';
import { decodePostings, intersectSorted, unionSorted } from './search.postings.js';
import { normalizedOf } from './search-text.column.js';

/**
 * From this many candidates on, a query's facets are counted in one pass over each table, testing every text,
 * rather than by reading the candidates by id: at a million events a frequent two-character word has a quarter
 * of a million candidates, which cost several times a pass to read one by one (docs/performance.md).
 */
export const SCAN_COUNT_FROM = 50_000;
/** Ids per `in (…)` list: below both databases' bind limits. */
const CHUNK = 5000;
/** Candidates need only some of a long query's grams: the substring test that follows decides. */
const MAX_QUERY_GRAMS = 32;
/** A year with at most this many matches is ranked from their rows; a larger one by walking its partnerships in order. */
export const DIRECT_RANK_LIMIT = 500;
/** Partnerships read in the first step of that walk; each further step reads four times as many. */
const FIRST_WALK_STEP = 8;
/** Lists of at most this many ids come with their lengths, in the same query. */
const SHORT_LIST = 64;

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
  /** The event's text or the record's caption, when it was read with the ordering keys. */
  text?: string;
}

/**
 * A query as this repository runs it: a normalized string is one phrase, found as a substring; a list of normalized
 * terms (the words of what a reader typed, services/search.service.ts) finds the items that contain every one.
 */
export type SearchQuery = string | readonly string[] | AnyOfQuery;

/** Several readings of one query (a simplified character standing for several Japanese forms): an item matching any of them matches. */
export interface AnyOfQuery {
  anyOf: readonly (readonly string[])[];
}

/** The one reading of `query`, or undefined when it has several. */
function singleReading(query: SearchQuery): string | readonly string[] | undefined {
  if (typeof query === 'string' || Array.isArray(query)) return query as string | readonly string[];
  const { anyOf } = query as AnyOfQuery;
  return anyOf.length === 1 ? anyOf[0]! : anyOf.length === 0 ? [] : undefined;
}

/** A query compiled: its terms, the grams every match holds, and the like patterns a candidate must pass (none when the grams decide). */
interface CompiledQuery {
  terms: string[];
  grams: string[];
  patterns: string[];
}

function compile(query: string | readonly string[]): CompiledQuery {
  const terms = [...new Set(typeof query === 'string' ? [query] : query)].filter((t) => t !== '');
  // The exact terms' grams first: each is its term's whole list of matches.
  const ordered = [...terms.filter(isExact), ...terms.filter((t) => !isExact(t))];
  const grams = [...new Set(ordered.flatMap(queryGrams))].slice(0, MAX_QUERY_GRAMS);
  const patterns = terms.filter((t) => !isExact(t) || !grams.includes(t)).map(likePattern);
  return { terms, grams, patterns };
}

/**
 * Events and records whose normalized text contains the normalized `query` (every term of it), ordered by year,
 * partner, home, position, kind, id: exactly what a substring scan finds. The posting lists, kept per year, give the
 * candidates (for a term of up to GRAM_LENGTH characters, exactly its matches, counted by the lists' stored lengths;
 * longer terms are checked against the stored text), and only the years the page falls in are read for ranking.
 */
export async function searchItems(db: Kysely<Database>, query: SearchQuery, options: SearchOptions): Promise<SearchResult> {
  const single = singleReading(query);
  if (single === undefined) {
    const grams = oneGramEach((query as AnyOfQuery).anyOf);
    if (grams !== undefined && !needsEveryCandidate(options)) {
      const { total, page } = await pageOfYears(db, await candidatesByYear(db, grams, options, 'any'), options);
      return withDetails(db, total, page);
    }
    const matches = (await matchesOfAny(db, (query as AnyOfQuery).anyOf, options)).filter((m) => passes(m, options));
    return withDetails(db, matches.length, matches.slice(options.offset, options.offset + options.limit));
  }
  const q = compile(single);
  if (q.grams.length === 0) return { hits: [], total: 0 };
  let page: Match[];
  let total: number;
  if (needsEveryCandidate(options)) {
    // These filters need every candidate's partnership or direction: rank them all.
    const matches = (await findMatches(db, q, options)).filter((m) => passes(m, options)).sort(byRank);
    total = matches.length;
    page = matches.slice(options.offset, options.offset + options.limit);
  } else {
    ({ total, page } = q.terms.length === 1 && q.patterns.length === 0 ? await pageFromCounts(db, q.terms[0]!, options) : await pageByYear(db, q, options));
  }
  return withDetails(db, total, page);
}

/** Filters that need every candidate's partnership or direction, so that every candidate is ranked. */
function needsEveryCandidate(options: SearchFilters): boolean {
  return options.partner !== undefined || options.home !== undefined || options.direction !== undefined || options.eventIds !== undefined;
}

/**
 * The one gram of each reading when every reading is one word of up to GRAM_LENGTH characters (发 read as 発 and
 * 髪): its list is exactly its matches, so the matches of any reading are the union of their lists, year by year.
 * Undefined when a reading has several words or a longer one.
 */
function oneGramEach(readings: readonly (readonly string[])[]): string[] | undefined {
  if (!readings.every((r) => r.length === 1 && r[0] !== '' && isExact(r[0]!))) return undefined;
  return [...new Set(readings.map((r) => r[0]!))];
}

/**
 * The page of `options` among the candidates of each year (all of them matches): the total, and the page's items
 * ranked year by year, reading only the years the page falls in.
 */
async function pageOfYears(db: Kysely<Database>, candidates: readonly YearCandidates[], options: SearchOptions): Promise<{ total: number; page: Match[] }> {
  const start = options.offset;
  const end = options.offset + options.limit;
  let total = 0;
  const wanted = new Map<number, { from: number; to: number }>();
  for (const year of candidates) {
    const count = year.events.length + year.records.length;
    if (total + count > start && total < end) wanted.set(year.year, { from: Math.max(0, start - total), to: Math.min(count, end - total) });
    total += count;
  }
  return { total, page: await rankWanted(db, candidates.filter((y) => wanted.has(y.year)), wanted) };
}

/**
 * The matches of any of several readings, each once, in rank order (ranked again over all of them): every match is
 * read, as with a partner filter; only a query with a character of several forms takes this way.
 */
async function matchesOfAny(db: Kysely<Database>, readings: readonly (readonly string[])[], filters: SearchFilters): Promise<Match[]> {
  const union = new Map<string, Match>();
  for (const reading of readings) {
    const q = compile(reading);
    if (q.grams.length > 0) for (const m of await findMatches(db, q, filters)) union.set(`${m.kind}:${m.id}`, m);
  }
  const matches = [...union.values()];
  const names = new Map(matches.map((m) => [m.partnershipId, m]));
  const ranked = [...names].sort((a, b) => compare(a[1].partner, b[1].partner) || compare(a[1].home, b[1].home));
  const rank = new Map(ranked.map(([id], i) => [id, i]));
  return matches.map((m) => ({ ...m, rank: rank.get(m.partnershipId)! })).sort(byRank);
}

/** The page's hits with their texts and translations. */
async function withDetails(db: Kysely<Database>, total: number, page: readonly Match[]): Promise<SearchResult> {
  const { texts, translations } = await detailsOf(db, page);
  const dates = await eventDatesOf(db, page);
  return {
    total,
    hits: page.map((m) => {
      const translated = translations.get(`${m.kind}:${m.id}`);
      return {
        kind: m.kind,
        id: m.id,
        partnershipId: m.partnershipId,
        home: m.home,
        partner: m.partner,
        year: m.year,
        direction: m.direction,
        date: m.kind === 'event' ? (dates.get(m.id) ?? null) : null,
        text: m.text ?? texts.get(`${m.kind}:${m.id}`) ?? '',
        ...(translated ? { translations: translated } : {}),
      };
    }),
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
      .$if(options.year !== undefined, (q) => q.where('year', 'in', [options.year!, COMBINED_YEAR])) as Q;
  // One query gives every list's length, and the lists themselves of the first year, of the short ones and of the
  // combined row (the short lists of the other years): for the first page, usually every list it needs.
  const firstYear = filtered(db.selectFrom('search_postings').select((eb) => eb.fn.min<number>('year').as('y'))).where('year', '<>', COMBINED_YEAR);
  const stored = await filtered(db.selectFrom('search_postings'))
    .select(['year', 'item_kind', 'n', sql<Uint8Array | null>`case when n <= ${SHORT_LIST} or year = ${COMBINED_YEAR} or year = (${firstYear}) then ids end`.as('ids')])
    .execute();
  const rows = stored.flatMap((row) => yearRows(row, options.year));
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.year, (counts.get(row.year) ?? 0) + Number(row.n));
  let total = 0;
  const wanted = new Map<number, { from: number; to: number }>();
  for (const [year, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (total + count > start && total < end) wanted.set(year, { from: Math.max(0, start - total), to: Math.min(count, end - total) });
    total += count;
  }
  if (wanted.size === 0) return { total, page: [] };
  const lists = rows.filter((row) => wanted.has(row.year));
  const missing = lists.filter((row) => row.ids === null).map((row) => row.year);
  if (missing.length > 0) {
    // With the combined row: a write between the two reads may have moved a list into it. A list gone since is
    // read as empty.
    const read = (
      await filtered(db.selectFrom('search_postings').select(['year', 'item_kind', 'n', 'ids']))
        .where('year', 'in', [...new Set(missing), COMBINED_YEAR])
        .execute()
    ).flatMap((row) => yearRows(row, options.year));
    for (const row of lists) row.ids ??= read.find((r) => r.year === row.year && r.item_kind === row.item_kind)?.ids ?? new Uint8Array();
  }
  const years = new Map<number, YearCandidates>();
  for (const row of lists) {
    const year = years.get(row.year) ?? { year: row.year, events: [], records: [] };
    if (row.item_kind === 'event') year.events = decodePostings(row.ids!);
    else year.records = decodePostings(row.ids!);
    years.set(row.year, year);
  }
  return { total, page: await rankWanted(db, [...years.values()], wanted) };
}

/** Each wanted year's slice (`from` to `to` in rank order) of its candidates, every one a match, in year order. */
async function rankWanted(db: Kysely<Database>, years: readonly YearCandidates[], wanted: ReadonlyMap<number, { from: number; to: number }>): Promise<Match[]> {
  // Years with few candidates are ranked together from their rows, read in one query.
  const few = years.filter((y) => y.events.length + y.records.length <= DIRECT_RANK_LIMIT);
  const ranked = await matchesOf(db, new PartnershipNames(db), { year: Number.NaN, events: few.flatMap((y) => y.events), records: few.flatMap((y) => y.records) }, [], true);
  const page: Match[] = [];
  for (const year of [...years].sort((a, b) => a.year - b.year)) {
    const { from, to } = wanted.get(year.year)!;
    const inYear = few.includes(year) ? ranked.filter((m) => m.year === year.year).sort(byRank) : await rankedPrefix(db, year, to);
    page.push(...inYear.slice(from, to));
  }
  return page;
}

/** A stored row as the years it holds: itself, or each year of a combined row (only `year` when given). */
function yearRows(row: { year: number; item_kind: ItemKind; n: number; ids: Uint8Array | null }, year: number | undefined) {
  if (row.year !== COMBINED_YEAR) return [row];
  return combinedSections(row.ids!)
    .filter((s) => year === undefined || s.year === year)
    .map((s) => ({ year: s.year, item_kind: row.item_kind, n: s.count, ids: row.ids!.subarray(s.start, s.end) as Uint8Array | null }));
}

/**
 * The first `count` of a year's many candidates in rank order, found by reading the year's items partnership by
 * partnership in (partner, home) order, in growing steps, until `count` of them are candidates: every item of a
 * later partnership ranks after them.
 */
async function rankedPrefix(db: Kysely<Database>, year: YearCandidates, count: number): Promise<Match[]> {
  const found: Match[] = [];
  for (let at = 0, step = FIRST_WALK_STEP; found.length < count; at += step, step *= 4) {
    // In (partner, home) order, as both databases order these columns (code points; PostgreSQL with collation "C");
    // only partnerships with items that year, so that an early year with few partnerships takes few steps.
    const group = await db
      .selectFrom('partnerships as p')
      .select(['id', 'home', 'partner'])
      .where('status', '=', 'published')
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('events as e').select('e.id').whereRef('e.partnership_id', '=', 'p.id').where('e.year', '=', year.year)),
          eb.exists(eb.selectFrom('photo_records as r').select('r.id').whereRef('r.partnership_id', '=', 'p.id').where('r.year', '=', year.year)),
        ]),
      )
      .orderBy('partner')
      .orderBy('home')
      .limit(step)
      .offset(at)
      .execute();
    if (group.length === 0) break;
    const rank = new Map(group.map((p, i) => [p.id, { rank: at + i }]));
    const names = new Map(group.map((p) => [p.id, p]));
    const inGroup: ItemSelection = { partnerships: group.map((p) => p.id), year: year.year };
    const filter = { patterns: [], withText: true };
    const query =
      year.events.length === 0
        ? itemRows(db, 'record', inGroup, filter)
        : year.records.length === 0
          ? itemRows(db, 'event', inGroup, filter)
          : itemRows(db, 'event', inGroup, filter).unionAll(itemRows(db, 'record', inGroup, filter));
    for (const row of await query.execute()) {
      if (holds(row.kind === 'event' ? year.events : year.records, row.id)) found.push({ ...rowToMatch(row, names.get(row.partnership_id)!), rank: rank.get(row.partnership_id)!.rank });
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
async function pageByYear(db: Kysely<Database>, q: CompiledQuery, options: SearchOptions): Promise<{ total: number; page: Match[] }> {
  const { patterns } = q;
  const exact = patterns.length === 0;
  const start = options.offset;
  const end = options.offset + options.limit;
  let total = 0;
  const page: Match[] = [];
  // Candidates of the years after the page: only their count is needed, asked for in as few queries as possible.
  const rest: YearCandidates = { year: Number.NaN, events: [], records: [] };
  const names = new PartnershipNames(db);
  for (const year of await candidatesByYear(db, q.grams, options)) {
    if (!exact && total >= end) {
      rest.events.push(...year.events);
      rest.records.push(...year.records);
      continue;
    }
    let keys: Match[] | undefined;
    let count: number;
    if (exact) count = year.events.length + year.records.length;
    else count = (keys = await matchesOf(db, names, year, patterns)).length;
    if (total + count > start && total < end) {
      keys ??= await matchesOf(db, names, year, patterns);
      page.push(...keys.sort(byRank).slice(Math.max(0, start - total), end - total));
    }
    total += count;
  }
  if (!exact) total += await countVerified(db, rest, patterns);
  return { total, page };
}

/** Every item containing the normalized `query` as `kind:id`, in the order searchItems gives: what recall is measured on. */
export async function searchKeys(db: Kysely<Database>, query: SearchQuery): Promise<string[]> {
  const single = singleReading(query);
  const matches = single === undefined ? await matchesOfAny(db, (query as AnyOfQuery).anyOf, {}) : (await findMatches(db, compile(single), {})).sort(byRank);
  return matches.map((m) => `${m.kind}:${m.id}`);
}

/**
 * The facet counts of the normalized `query` over all its matches: by partnership, by year, and by type (events by
 * direction, photo records apart). Each facet is counted under every filter but its own; `direction` and
 * `kind` are one dimension (the type facet).
 */
export async function searchFacets(db: Kysely<Database>, query: SearchQuery, filters: SearchFilters = {}, options: { scanCountFrom?: number } = {}): Promise<SearchFacets> {
  const single = singleReading(query);
  const anyGrams = single === undefined ? oneGramEach((query as AnyOfQuery).anyOf) : undefined;
  const groups =
    anyGrams !== undefined
      ? await countMatches(db, { terms: anyGrams, grams: anyGrams, patterns: [] }, filters.eventIds, options.scanCountFrom ?? SCAN_COUNT_FROM, 'any')
      : single === undefined
        ? (await matchesOfAny(db, (query as AnyOfQuery).anyOf, filters.eventIds === undefined ? {} : { eventIds: filters.eventIds })).map((m) => ({ ...m, count: 1 }))
        : await countMatches(db, compile(single), filters.eventIds, options.scanCountFrom ?? SCAN_COUNT_FROM);
  if (groups.length === 0) return noFacets();
  const { partner, home, year, direction, kind } = filters;
  const partners = new Map<string, { home: string; partner: string; count: number }>();
  const years = new Map<number, number>();
  const byDirection = new Map<Direction, number>();
  let records = 0;
  for (const g of groups) {
    if (passes(g, { year, direction, kind })) {
      const key = `${g.partner}\u0000${g.home}`;
      const entry = partners.get(key) ?? { home: g.home, partner: g.partner, count: 0 };
      entry.count += g.count;
      partners.set(key, entry);
    }
    if (passes(g, { partner, home, direction, kind })) years.set(g.year, (years.get(g.year) ?? 0) + g.count);
    if (passes(g, { partner, home, year })) {
      if (g.kind === 'record') records += g.count;
      else byDirection.set(g.direction ?? 'unknown', (byDirection.get(g.direction ?? 'unknown') ?? 0) + g.count);
    }
  }
  return {
    partners: [...partners.values()].sort((a, b) => compare(a.partner, b.partner) || compare(a.home, b.home)),
    years: [...years].sort((a, b) => a[0] - b[0]).map(([y, count]) => ({ year: y, count })),
    directions: DIRECTIONS.filter((d) => byDirection.has(d)).map((d) => ({ direction: d, count: byDirection.get(d)! })),
    records,
  };
}

/** The matches of a query counted by kind, partnership, year and direction: what every facet is summed from. */
interface MatchGroup {
  kind: ItemKind;
  home: string;
  partner: string;
  year: number;
  direction: Direction | null;
  count: number;
}

/**
 * Counts the matches in groups, by the database: a common word matches tens of thousands of items, and the facets
 * need only their counts, so no match is brought into memory one by one. `any`: the matches of any of the grams
 * (the readings of oneGramEach), always counted by id, as the pass over each table reads every word at once.
 */
async function countMatches(db: Kysely<Database>, q: CompiledQuery, eventIds: readonly number[] | undefined, scanCountFrom: number, mode: 'all' | 'any' = 'all'): Promise<MatchGroup[]> {
  const { grams, patterns } = q;
  if (grams.length === 0 || (eventIds !== undefined && eventIds.length === 0)) return [];
  const counts = new Map<string, { kind: ItemKind; partnershipId: number; year: number; direction: Direction | null; count: number }>();
  const add = (kind: ItemKind, row: { partnership_id: number; year: number; direction: string | null; n: unknown }) => {
    const dir = kind === 'record' ? null : directionOf(row.direction);
    const key = `${kind}|${row.partnership_id}|${row.year}|${dir}`;
    const entry = counts.get(key);
    // PostgreSQL returns bigint counts as strings.
    if (entry) entry.count += Number(row.n);
    else counts.set(key, { kind, partnershipId: row.partnership_id, year: row.year, direction: dir, count: Number(row.n) });
  };
  const allowed = eventIds === undefined ? undefined : new Set(eventIds);
  const years = await candidatesByYear(db, grams, {}, mode);
  if (mode === 'all' && allowed === undefined && years.reduce((n, y) => n + y.events.length + y.records.length, 0) >= scanCountFrom) {
    // Every candidate matches (or the text decides): one pass over each table in its own order.
    for (const kind of ['event', 'record'] as const) for (const row of await groupedCounts(db, kind, null, q.terms.map(likePattern)).execute()) add(kind, row);
  } else {
    for (const candidates of years) {
      const year = allowed ? await narrowToEvents(db, candidates, allowed) : candidates;
      for (const [kind, ids] of [['event', year.events], ['record', year.records]] as const) {
        for (const list of chunksOf(ids)) for (const row of await groupedCounts(db, kind, list, patterns).execute()) add(kind, row);
      }
    }
  }
  if (counts.size === 0) return [];
  const ids = [...new Set([...counts.values()].map((c) => c.partnershipId))];
  const names = new Map<number, { home: string; partner: string }>();
  for (const list of chunksOf(ids)) {
    for (const p of await db.selectFrom('partnerships').select(['id', 'home', 'partner']).where('id', 'in', list).execute()) names.set(p.id, p);
  }
  return [...counts.values()].map((c) => ({ kind: c.kind, ...names.get(c.partnershipId)!, year: c.year, direction: c.direction, count: c.count }));
}

/**
 * One chunk of candidates of one kind (every item when `ids` is null), counted by partnership, year and direction:
 * published items of published partnerships, containing every one of `patterns`.
 */
function groupedCounts(db: Kysely<Database>, kind: ItemKind, ids: readonly number[] | null, patterns: readonly string[]) {
  const direction = kind === 'event' ? sql<string | null>`i.direction` : sql<string | null>`null`;
  return (kind === 'event' ? db.selectFrom('events as i') : db.selectFrom('photo_records as i'))
    .innerJoin('partnerships as p', 'p.id', 'i.partnership_id')
    .select(['i.partnership_id', 'i.year', direction.as('direction'), (eb) => eb.fn.countAll().as('n')])
    .where('i.status', '=', 'published')
    .where('p.status', '=', 'published')
    .$if(ids !== null, (q) => q.where('i.id', 'in', ids!))
    .$if(patterns.length > 0, (q) => q.where(containsAll(kind === 'event' ? 'events' : 'photo_records', patterns, 'i')))
    .groupBy(['i.partnership_id', 'i.year', ...(kind === 'event' ? ['i.direction' as const] : [])]);
}

/** Drops the index entries of every item of the partnership; call before deleting it. */
export async function deletePartnershipGrams(db: Kysely<Database>, home: string, partner: string): Promise<void> {
  const partnership = db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner);
  const batch = new SearchIndexBatch();
  for (const row of await db.selectFrom('events').select(['id', 'year', 'text', 'search_text']).where('partnership_id', 'in', partnership).execute()) {
    batch.remove('event', row.id, row.year, normalizedOf(row.text, row.search_text));
  }
  for (const row of await db.selectFrom('photo_records').select(['id', 'year', 'caption', 'search_text']).where('partnership_id', 'in', partnership).execute()) {
    batch.remove('record', row.id, row.year, normalizedOf(row.caption, row.search_text));
  }
  await batch.flush(db);
}

/** Every (gram, item) pair the index holds, counted: the sum of gramsOf over every indexed text. */
export async function countPostings(db: Kysely<Database>): Promise<number> {
  let n = 0;
  for (const row of await db.selectFrom('search_postings').select(['year', 'ids']).execute()) for (const list of listsOfRow(row)) n += list.ids.length;
  return n;
}

/** The candidates of one year: ids of events and records holding every gram of the query, ascending. */
interface YearCandidates {
  year: number;
  events: number[];
  records: number[];
}

/**
 * Candidates by year, ascending: the items in every gram's list (`all`, the words of one reading), or in any of them
 * (`any`, the grams of several readings). The year, kind and direction filters narrow which lists are read.
 */
async function candidatesByYear(db: Kysely<Database>, grams: readonly string[], filters: SearchFilters, mode: 'all' | 'any' = 'all'): Promise<YearCandidates[]> {
  const rows = await db
    .selectFrom('search_postings')
    .select(['item_kind', 'year', 'gram', 'ids'])
    .where('gram', 'in', grams)
    .$if(filters.kind === 'record', (q) => q.where('item_kind', '=', 'record'))
    .$if(filters.direction !== undefined, (q) => q.where('item_kind', '=', 'event'))
    .$if(filters.year !== undefined, (q) => q.where('year', 'in', [filters.year!, COMBINED_YEAR]))
    .execute();
  const lists = new Map<string, { kind: ItemKind; year: number; lists: (readonly number[])[] }>();
  for (const row of rows) {
    for (const list of listsOfRow(row)) {
      if (filters.year !== undefined && list.year !== filters.year) continue;
      const key = `${list.year}:${row.item_kind}`;
      const entry = lists.get(key) ?? { kind: row.item_kind, year: list.year, lists: [] };
      entry.lists.push(list.ids);
      lists.set(key, entry);
    }
  }
  const years = new Map<number, YearCandidates>();
  for (const entry of lists.values()) {
    if (mode === 'all' && entry.lists.length < grams.length) continue;
    const ids = mode === 'all' ? intersectSorted(entry.lists) : unionSorted(entry.lists);
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
async function findMatches(db: Kysely<Database>, q: CompiledQuery, filters: SearchFilters): Promise<Match[]> {
  const { grams, patterns } = q;
  if (grams.length === 0) return [];
  const out: Match[] = [];
  const allowed = filters.eventIds === undefined ? undefined : new Set(filters.eventIds);
  const names = new PartnershipNames(db);
  for (const year of await candidatesByYear(db, grams, { kind: filters.kind, year: filters.year, direction: filters.direction })) {
    out.push(...(await matchesOf(db, names, allowed ? await narrowToEvents(db, year, allowed) : year, patterns)));
  }
  return out;
}

/**
 * An organisation or field filter (`SearchFilters.eventIds`) applied to a year's candidates: the events among
 * `allowed`, and the records showing one of them. Done here rather than in SQL: a field of exchange can hold
 * hundreds of thousands of events across a country's record, more ids than a statement may bind.
 */
async function narrowToEvents(db: Kysely<Database>, year: YearCandidates, allowed: ReadonlySet<number>): Promise<YearCandidates> {
  const records: number[] = [];
  for (const list of chunksOf(year.records)) {
    const rows = await db.selectFrom('photo_records').select(['id', 'event_id']).where('id', 'in', list).execute();
    for (const row of rows) if (row.event_id !== null && allowed.has(row.event_id)) records.push(row.id);
  }
  return { year: year.year, events: year.events.filter((id) => allowed.has(id)), records: records.sort((a, b) => a - b) };
}

/** The candidates of one year that contain every one of `patterns` (all of them when there is none), with names and ranks, and texts when asked. */
async function matchesOf(db: Kysely<Database>, names: PartnershipNames, year: YearCandidates, patterns: readonly string[], withText = false): Promise<Match[]> {
  const rows = await keysOf(db, names, year.events, year.records, patterns, withText);
  const partnerships = new Map(rows.map((r) => [r.partnershipId, { home: r.home, partner: r.partner }]));
  const ranked = [...partnerships].sort((a, b) => compare(a[1].partner, b[1].partner) || compare(a[1].home, b[1].home));
  const rank = new Map(ranked.map(([id], i) => [id, i]));
  return rows.map((r) => ({ ...r, rank: rank.get(r.partnershipId)! }));
}

/** How many of the candidates contain every one of `patterns`, counted by the database. */
async function countVerified(db: Kysely<Database>, year: YearCandidates, patterns: readonly string[]): Promise<number> {
  let n = 0;
  for (const [table, ids] of [['events', year.events], ['photo_records', year.records]] as const) {
    const contains = containsAll(table, patterns);
    for (const list of chunksOf(ids)) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('id', 'in', list).where(contains).executeTakeFirstOrThrow();
      // PostgreSQL returns bigint counts as strings.
      n += Number(row.n);
    }
  }
  return n;
}

/** Ordering keys and partnership names of the candidates whose text contains every one of `patterns`. */
async function keysOf(
  db: Kysely<Database>,
  names: PartnershipNames,
  events: readonly number[],
  records: readonly number[],
  patterns: readonly string[],
  withText: boolean,
): Promise<Omit<Match, 'rank'>[]> {
  const rows: ItemRow[] = [];
  const filter = { patterns, withText };
  for (let i = 0; i < Math.max(events.length, records.length); i += CHUNK) {
    const e = events.slice(i, i + CHUNK);
    const r = records.slice(i, i + CHUNK);
    const among = (ids: readonly number[]): ItemSelection => ({ ids });
    const query = e.length === 0 ? itemRows(db, 'record', among(r), filter) : itemRows(db, 'event', among(e), filter);
    rows.push(...(await (e.length > 0 && r.length > 0 ? query.unionAll(itemRows(db, 'record', among(r), filter)) : query).execute()));
  }
  const known = await names.of(rows.map((row) => row.partnership_id));
  const out: Omit<Match, 'rank'>[] = [];
  for (const row of rows) {
    const partnership = known.get(row.partnership_id);
    if (partnership) out.push(rowToMatch(row, partnership));
  }
  return out;
}

/** A partnership's names, as search results show them. */
type Names = { home: string; partner: string };

/**
 * The names of published partnerships, read as a search meets their ids and kept for the rest of that search
 * (null for one not published). Items are read without joining their partnership: with hundreds of candidates
 * PostgreSQL joined them by hashing the whole partnerships table, whose size is the country's, not the query's.
 */
class PartnershipNames {
  private readonly known = new Map<number, Names | null>();
  constructor(private readonly db: Kysely<Database>) {}

  async of(ids: readonly number[]): Promise<ReadonlyMap<number, Names | null>> {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    for (const list of chunksOf(missing)) {
      for (const id of list) this.known.set(id, null);
      const rows = await this.db.selectFrom('partnerships').select(['id', 'home', 'partner']).where('status', '=', 'published').where('id', 'in', list).execute();
      for (const p of rows) this.known.set(p.id, { home: p.home, partner: p.partner });
    }
    return this.known;
  }
}

interface ItemRow {
  kind: ItemKind;
  id: number;
  partnership_id: number;
  year: number;
  position: number;
  direction: string | null;
  text: string | null;
}

/** Which items itemRows reads: by id, or a year's items of some partnerships. */
type ItemSelection = { ids: readonly number[] } | { partnerships: readonly number[]; year: number };

/**
 * Published items of one kind narrowed by `where`, containing every one of `patterns`; with their text when asked.
 * Whether their partnership is published is for the caller (PartnershipNames). Both kinds have the same columns,
 * so their queries can be joined by `union all`.
 */

function itemRows(db: Kysely<Database>, kind: ItemKind, where: ItemSelection, filter: { patterns: readonly string[]; withText: boolean }) {
  const byIds = 'ids' in where ? where.ids : undefined;
  const inYear = 'partnerships' in where ? where : undefined;
  // The public search sees published items of published partnerships only (the latter checked by the caller);
  // drafts stay in the staff area.
  const base = (kind === 'event' ? db.selectFrom('events as i') : db.selectFrom('photo_records as i'))
    .select([
      sql<ItemKind>`${sql.lit(kind)}`.as('kind'),
      'i.id',
      'i.partnership_id',
      'i.year',
      'i.position',
      (kind === 'event' ? sql<string | null>`i.direction` : sql<string | null>`null`).as('direction'),
      (filter.withText ? sql<string | null>`${sql.ref(kind === 'event' ? 'i.text' : 'i.caption')}` : sql<string | null>`null`).as('text'),
    ])
    .where('i.status', '=', 'published')
    .$if(byIds !== undefined, (q) => q.where('i.id', 'in', byIds!))
    .$if(inYear !== undefined, (q) => q.where('i.partnership_id', 'in', inYear!.partnerships).where('i.year', '=', inYear!.year))
    .$if(filter.patterns.length > 0, (q) => q.where(containsAll(kind === 'event' ? 'events' : 'photo_records', filter.patterns, 'i')));
  return base;
}

function rowToMatch(row: ItemRow, names: Names): Omit<Match, 'rank'> {
  return {
    kind: row.kind,
    id: row.id,
    partnershipId: row.partnership_id,
    home: names.home,
    partner: names.partner,
    year: row.year,
    position: row.position,
    direction: row.kind === 'record' ? null : directionOf(row.direction),
    ...(row.text === null ? {} : { text: row.text }),
  };
}

/** The stored text of each event and caption of a page, by `kind:id`. */
/** A row of detailsOf's query. */
type DetailRow = { kind: string; id: number; text: string; locale: string | null };

/**
 * What a page of hits shows beyond its matches: the stored text of each item that came without one, and the
 * translations of every item (by `kind:id`; items without any are absent). One query for a page where there were
 * three (events, captions, translations): each is a round trip on PostgreSQL.
 */
/** The dates of the page's events (a page is at most a hundred hits: one small query). */
async function eventDatesOf(db: Kysely<Database>, page: readonly Match[]): Promise<Map<number, string | null>> {
  const dates = new Map<number, string | null>();
  const ids = page.filter((m) => m.kind === 'event').map((m) => m.id);
  for (const list of chunksOf(ids)) for (const row of await db.selectFrom('events').select(['id', 'date']).where('id', 'in', list).execute()) dates.set(row.id, row.date);
  return dates;
}

async function detailsOf(db: Kysely<Database>, page: readonly Match[]): Promise<{ texts: Map<string, string>; translations: Map<string, Translations> }> {
  const texts = new Map<string, string>();
  const translations = new Map<string, Translations>();
  for (const part of chunksOf(page)) {
    const ids = (kind: ItemKind, withoutText: boolean) => part.filter((m) => m.kind === kind && (!withoutText || m.text === undefined)).map((m) => m.id);
    const [eventTexts, recordTexts, events, records] = [ids('event', true), ids('record', true), ids('event', false), ids('record', false)];
    // Rows of one shape: kind, id, the text, and the locale of a translation (null for the item's own text).
    let query = db
      .selectFrom('translations')
      .select(['item_kind as kind', 'item_id as id', 'text', 'locale'])
      .where((eb) =>
        eb.or([
          ...(events.length > 0 ? [eb.and([eb('item_kind', '=', 'event'), eb('item_id', 'in', events)])] : []),
          ...(records.length > 0 ? [eb.and([eb('item_kind', '=', 'record'), eb('item_id', 'in', records)])] : []),
        ]),
      )
      .$castTo<DetailRow>();
    if (eventTexts.length > 0) {
      query = query.unionAll(db.selectFrom('events').select([sql.lit('event').as('kind'), 'id', 'text', sql<null>`null`.as('locale')]).where('id', 'in', eventTexts).$castTo<DetailRow>());
    }
    if (recordTexts.length > 0) {
      query = query.unionAll(
        db.selectFrom('photo_records').select([sql.lit('record').as('kind'), 'id', 'caption as text', sql<null>`null`.as('locale')]).where('id', 'in', recordTexts).$castTo<DetailRow>(),
      );
    }
    const rows = await query.execute();
    for (const row of rows) {
      const key = `${String(row.kind)}:${Number(row.id)}`;
      if (row.locale === null) texts.set(key, row.text);
    }
    // Locales in their order of TRANSLATION_LOCALES, whatever order the rows came in.
    for (const locale of TRANSLATION_LOCALES) {
      for (const row of rows) {
        if (row.locale !== locale) continue;
        const key = `${String(row.kind)}:${Number(row.id)}`;
        translations.set(key, { ...translations.get(key), [locale]: row.text });
      }
    }
  }
  return { texts, translations };
}

function passes(m: Pick<Match, 'kind' | 'home' | 'partner' | 'year' | 'direction'>, f: SearchFilters): boolean {
  return (
    (f.partner === undefined || m.partner === f.partner) &&
    (f.home === undefined || m.home === f.home) &&
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

/**
 * An item's normalized text contains every one of `patterns` (like patterns). Both sides are lower case, so SQLite's
 * ASCII-case-insensitive like matches as PostgreSQL's does.
 */
function containsAll(table: 'events' | 'photo_records', patterns: readonly string[], alias?: string): RawBuilder<boolean> {
  const text = normalizedSql(table, alias);
  return sql<boolean>`(${sql.join(patterns.map((p) => sql`${text} like ${p} escape '!'`), sql` and `)})`;
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

/** An item's normalized text in SQL (normalizedOf), for an events or photo_records row, aliased `alias` when given. */
function normalizedSql(table: 'events' | 'photo_records', alias?: string): RawBuilder<string> {
  const column = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  return sql<string>`coalesce(${column('search_text')}, ${column(table === 'events' ? 'text' : 'caption')})`;
}
