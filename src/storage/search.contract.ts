import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Migrator } from 'kysely';
import { after, before, describe, it } from 'node:test';
import type { OpenFreshStore } from '../../test/support/test-stores.js';
import type { StoredPartnership } from '../domain/partnership.js';
import type { Direction } from '../domain/direction.js';
import { gramsOf, normalizeForSearch, searchTerms, type SearchFacets, type SearchFilters, type SearchHit } from '../domain/search-text.js';
import { importDocuments, type SourceDocument } from '../services/import.service.js';
import { listPartnerships } from '../services/record.service.js';
import { MAX_SEARCH_LIMIT, SEARCH_PAGE_SIZE, searchRecord, searchWithFacets } from '../services/search.service.js';
import type { Store } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrationsFor } from './migrations/index.js';
import { deletePartnership, savePartnership } from './partnership.repository.js';
import { countPostings, searchFacets, searchItems } from './search.repository.js';
import { buildEvents, buildPartnership, buildRecords } from './test-factories.js';

const sampleText = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
const sample: SourceDocument = { name: 'kanazawa-dalian.txt', bytes: Buffer.from(sampleText) };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };

interface Item {
  key: string;
  normalized: string;
  order: [number, string, string, number, string, number];
}

/** Every event and record of the store, with the order the search promises: year, partner, home, position, kind, id. */
function itemsOf(partnerships: readonly StoredPartnership[]): Item[] {
  return partnerships.flatMap((p) => [
    ...p.events.map((e, position) => ({
      key: `event:${e.id}`,
      normalized: normalizeForSearch(e.text),
      order: [e.year, p.partner, p.home, position, 'event', e.id] as Item['order'],
    })),
    ...p.records.map((r, position) => ({
      key: `record:${r.id}`,
      normalized: normalizeForSearch(r.caption),
      order: [r.year, p.partner, p.home, position, 'record', r.id] as Item['order'],
    })),
  ]);
}

function compareOrder(a: Item['order'], b: Item['order']): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** What a plain substring scan over the normalized texts finds, in order. */
function scan(items: readonly Item[], query: string): string[] {
  const q = normalizeForSearch(query);
  return items
    .filter((item) => item.normalized.includes(q))
    .sort((a, b) => compareOrder(a.order, b.order))
    .map((item) => item.key);
}

async function search(store: Store, query: string): Promise<{ keys: string[]; total: number; hits: SearchHit[] }> {
  const result = await searchItems(store.db, normalizeForSearch(query), { limit: 10_000, offset: 0 });
  return { keys: result.hits.map((h) => `${h.kind}:${h.id}`), total: result.total, hits: result.hits };
}

/** Distinct substrings of `length` code points. */
function substrings(text: string, length: number): string[] {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + length <= chars.length; i++) out.add(chars.slice(i, i + length).join(''));
  return [...out];
}

/** The (gram, item) pairs the index holds. */
async function gramCount(store: Store): Promise<number> {
  return countPostings(store.db);
}

/** An item with what the facets and filters look at. */
interface FacetItem extends Item {
  kind: 'event' | 'record';
  home: string;
  partner: string;
  year: number;
  direction: Direction | null;
}

function facetItemsOf(partnerships: readonly StoredPartnership[]): FacetItem[] {
  const items = itemsOf(partnerships);
  const byKey = new Map(items.map((item) => [item.key, item]));
  return partnerships.flatMap((p) => [
    ...p.events.map((e) => ({ ...byKey.get(`event:${e.id}`)!, kind: 'event' as const, home: p.home, partner: p.partner, year: e.year, direction: e.direction })),
    ...p.records.map((r) => ({ ...byKey.get(`record:${r.id}`)!, kind: 'record' as const, home: p.home, partner: p.partner, year: r.year, direction: null })),
  ]);
}

function passes(item: FacetItem, f: SearchFilters): boolean {
  return (
    (f.partner === undefined || item.partner === f.partner) &&
    (f.year === undefined || item.year === f.year) &&
    (f.direction === undefined || item.direction === f.direction) &&
    (f.kind === undefined || item.kind === f.kind)
  );
}

/**
 * What a scan finds: hits under every filter, each facet under every filter but its own. A string is one phrase; a
 * list of terms finds the items holding every one.
 */
function scanFacets(items: readonly FacetItem[], query: string | readonly string[], f: SearchFilters): { keys: string[]; facets: SearchFacets } {
  const terms = typeof query === 'string' ? [normalizeForSearch(query)] : query;
  const found = items.filter((item) => terms.every((t) => item.normalized.includes(t)));
  const tally = <K>(list: readonly FacetItem[], keyOf: (item: FacetItem) => K) => {
    const counts = new Map<string, { key: K; count: number }>();
    for (const item of list) {
      const key = keyOf(item);
      const id = JSON.stringify(key);
      counts.set(id, { key, count: (counts.get(id)?.count ?? 0) + 1 });
    }
    return [...counts.values()];
  };
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const types = found.filter((item) => passes(item, { partner: f.partner, year: f.year }));
  return {
    keys: found
      .filter((item) => passes(item, f))
      .sort((a, b) => compareOrder(a.order, b.order))
      .map((item) => item.key),
    facets: {
      partners: tally(
        found.filter((item) => passes(item, { year: f.year, direction: f.direction, kind: f.kind })),
        (item) => [item.home, item.partner] as const,
      )
        .sort((a, b) => byCodePoint(a.key[1], b.key[1]) || byCodePoint(a.key[0], b.key[0]))
        .map(({ key, count }) => ({ home: key[0], partner: key[1], count })),
      years: tally(found.filter((item) => passes(item, { partner: f.partner, direction: f.direction, kind: f.kind })), (item) => item.year)
        .sort((a, b) => a.key - b.key)
        .map(({ key, count }) => ({ year: key, count })),
      directions: (['dispatch', 'reception', 'mutual', 'unknown'] as const)
        .map((direction) => ({ direction, count: types.filter((item) => item.direction === direction).length }))
        .filter((d) => d.count > 0),
      records: types.filter((item) => item.kind === 'record').length,
    },
  };
}

export function runSearchContract(open: OpenFreshStore): void {
  describe('search facets and filters', () => {
    let store: Store;
    let items: FacetItem[];
    before(async () => {
      store = await open();
      await importDocuments(store, [sample], options);
      // A second partner of the same home and a second home of the same partner: the partner facet is (home, partner).
      await savePartnership(store.db, buildPartnership({ partner: '上海市', kind: '友好都市' }), null);
      await savePartnership(store.db, buildPartnership({ home: '富山市', events: buildEvents(), records: buildRecords() }), null);
      items = facetItemsOf(await listPartnerships(store));
    });
    after(async () => {
      await store?.close();
    });

    const queries = ['大', '大連', '市', '市長', '訪問', '交流', '２１世紀', 'ファッション', '締結', '存在しない語'];

    it('counts each facet over all matches as a scan does, with numbers on this database', async () => {
      const chars = [...new Set(items.flatMap((item) => Array.from(item.normalized)))].slice(0, 80);
      for (const q of [...queries, ...chars]) {
        const facets = await searchFacets(store.db, normalizeForSearch(q));
        assert.deepEqual(facets, scanFacets(items, q, {}).facets, q);
        assert.deepEqual(await searchFacets(store.db, normalizeForSearch(q), {}, { scanCountFrom: 0 }), facets, `${q}, counted in one pass`);
      }
      const { facets } = await searchWithFacets(store, '市');
      const numbers = [...facets.partners, ...facets.years, ...facets.directions].map((f) => f.count).concat(facets.records);
      assert.ok(numbers.length > 10 && numbers.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0));
      assert.deepEqual(
        facets.partners.map((p) => [p.home, p.partner]),
        [
          ['金沢市', '上海市'],
          ['富山市', '大連市'],
          ['金沢市', '大連市'],
        ],
      );
      assert.equal(
        facets.partners.reduce((n, p) => n + p.count, 0),
        (await searchWithFacets(store, '市')).total,
      );
    });

    it('narrows the hits and the other facets by partner, year, direction and kind=record, combined', async () => {
      const filterSets: SearchFilters[] = [
        { partner: '大連市' },
        { partner: '上海市' },
        { partner: '存在しない市' },
        { year: 2016 },
        { year: 2017 },
        { year: 1900 },
        { direction: 'reception' },
        { direction: 'dispatch' },
        { direction: 'unknown' },
        { kind: 'record' },
        { partner: '大連市', year: 2016 },
        { partner: '大連市', direction: 'dispatch' },
        { year: 2016, direction: 'dispatch' },
        { partner: '大連市', year: 2016, direction: 'dispatch' },
        { partner: '大連市', year: 2016, kind: 'record' },
        { direction: 'dispatch', kind: 'record' },
      ];
      let nonEmpty = 0;
      for (const q of queries) {
        for (const f of filterSets) {
          const expected = scanFacets(items, q, f);
          const label = `${q} ${JSON.stringify(f)}`;
          const found = await searchItems(store.db, normalizeForSearch(q), { ...f, limit: 10_000, offset: 0 });
          assert.deepEqual(
            found.hits.map((h) => `${h.kind}:${h.id}`),
            expected.keys,
            label,
          );
          assert.equal(found.total, expected.keys.length, label);
          assert.deepEqual(await searchFacets(store.db, normalizeForSearch(q), f), expected.facets, label);
          assert.deepEqual(await searchFacets(store.db, normalizeForSearch(q), f, { scanCountFrom: 0 }), expected.facets, `${label}, counted in one pass`);
          const service = await searchWithFacets(store, q, { filters: f });
          assert.equal(service.total, expected.keys.length, label);
          assert.deepEqual(service.facets, expected.facets, label);
          if (expected.keys.length > 0) nonEmpty++;
        }
      }
      assert.ok(nonEmpty > 60, `${nonEmpty} non-empty combinations`);
      const both = await searchWithFacets(store, '市', { filters: { direction: 'dispatch', kind: 'record' } });
      assert.equal(both.total, 0);
      assert.ok(both.facets.directions.length > 0, 'the type facet ignores its own filters');
    });

    it('finds the items holding every word of a query of several words, with facets, filters and pages, as a scan for each word does', async () => {
      const multi = ['大連 金沢', '市長 訪問', '大連市　友好', '２１世紀 市', '友好交流合意書 大連', 'ファッション 市 団', '市 市', '大連 存在しない', ' 大連  市 '];
      const filterSets: SearchFilters[] = [{}, { partner: '大連市' }, { year: 2016 }, { direction: 'dispatch' }, { kind: 'record' }];
      let found = 0;
      for (const q of multi) {
        const terms = searchTerms(q);
        for (const f of filterSets) {
          const expected = scanFacets(items, terms, f);
          const label = `${q} ${JSON.stringify(f)}`;
          const page = await searchWithFacets(store, q, { filters: f, limit: 100 });
          assert.deepEqual(page.hits.map((h) => `${h.kind}:${h.id}`), expected.keys.slice(0, 100), label);
          assert.equal(page.total, expected.keys.length, label);
          assert.deepEqual(page.facets, expected.facets, label);
          assert.deepEqual(await searchFacets(store.db, terms, f, { scanCountFrom: 0 }), expected.facets, `${label}, counted in one pass`);
          if (expected.keys.length > 0) found++;
        }
        const all = scanFacets(items, terms, {}).keys;
        const second = await searchRecord(store, q, { limit: 3, offset: 3 });
        assert.deepEqual(second.hits.map((h) => `${h.kind}:${h.id}`), all.slice(3, 6), `${q}, second page`);
        assert.equal(second.total, all.length, q);
      }
      assert.ok(found > 15, `${found} non-empty combinations`);
      assert.ok(scanFacets(items, searchTerms('大連 金沢'), {}).keys.length > 0, 'two words that are not next to each other are found');
      assert.equal(scanFacets(items, '大連 金沢', {}).keys.length, 0, '…where the phrase is not');
      const phrase = await searchWithFacets(store, '"大連市外事弁公室主任 市長表敬訪問"');
      assert.deepEqual(phrase.hits.map((h) => h.text), ['大連市外事弁公室主任 市長表敬訪問'], 'a phrase in quotes, its space and all');
      const simplified = await searchWithFacets(store, '大连 访问');
      const japanese = await searchWithFacets(store, '大連 訪問');
      assert.ok(japanese.total > 0);
      assert.deepEqual(simplified.hits.map((h) => h.id), japanese.hits.map((h) => h.id), 'simplified characters find what their Japanese forms find');
    });

    it('finds the items holding any of several readings (a character of several forms), with facets, filters and pages, as a scan for each reading does', async () => {
      const readingSets: string[][][] = [[['大'], ['市']], [['大連'], ['市長'], ['訪問']], [['交流'], ['存在しない']], [['２１世紀'.normalize('NFKC')], ['締結']], [['大連', '市長'], ['訪問']]];
      const filterSets: SearchFilters[] = [{}, { year: 2016 }, { kind: 'record' }, { partner: '大連市' }, { direction: 'reception' }, { year: 2006, kind: 'record' }];
      let found = 0;
      for (const anyOf of readingSets) {
        const union = items.filter((item) => anyOf.some((terms) => terms.every((t) => item.normalized.includes(t))));
        for (const f of filterSets) {
          const expected = scanFacets(union, [], f);
          const label = `${JSON.stringify(anyOf)} ${JSON.stringify(f)}`;
          const page = await searchItems(store.db, { anyOf }, { ...f, limit: 100, offset: 0 });
          assert.deepEqual(page.hits.map((h) => `${h.kind}:${h.id}`), expected.keys.slice(0, 100), label);
          assert.equal(page.total, expected.keys.length, label);
          for (const offset of [1, 3, 7, Math.max(expected.keys.length - 2, 0)]) {
            const paged = await searchItems(store.db, { anyOf }, { ...f, limit: 3, offset });
            assert.deepEqual(paged.hits.map((h) => `${h.kind}:${h.id}`), expected.keys.slice(offset, offset + 3), `${label} from ${offset}`);
          }
          assert.deepEqual(await searchFacets(store.db, { anyOf }, f), expected.facets, label);
          if (expected.keys.length > 0) found++;
        }
      }
      assert.ok(found > 15, `${found} non-empty combinations`);
    });

    it('pages by 20 with a cap of 100, and finds nothing for a blank query', async () => {
      const all = scanFacets(items, '市', {}).keys;
      assert.ok(all.length > 40);
      const first = await searchWithFacets(store, '市');
      assert.equal(first.hits.length, SEARCH_PAGE_SIZE);
      assert.equal(first.total, all.length);
      const pages: string[] = [];
      for (let offset = 0; offset < all.length; offset += SEARCH_PAGE_SIZE) {
        const page = await searchWithFacets(store, '市', { offset });
        assert.deepEqual(page.facets, first.facets);
        pages.push(...page.hits.map((h) => `${h.kind}:${h.id}`));
      }
      assert.deepEqual(pages, all);
      assert.equal((await searchWithFacets(store, '市', { limit: 1000 })).hits.length, Math.min(all.length, MAX_SEARCH_LIMIT));
      assert.equal((await searchWithFacets(store, '市', { limit: 0 })).hits.length, 1);
      assert.deepEqual(await searchWithFacets(store, ' 　', { filters: { year: 2016 } }), {
        hits: [],
        total: 0,
        facets: { partners: [], years: [], directions: [], records: 0 },
      });
    });
  });

  describe('search over the bigram index', () => {
    let store: Store;
    let items: Item[];
    before(async () => {
      store = await open();
      await importDocuments(store, [sample], options);
      items = itemsOf(await listPartnerships(store));
    });
    after(async () => {
      await store?.close();
    });

    it('indexes every item: one posting per distinct gram of its normalized text', async () => {
      assert.equal(items.length, 74);
      assert.equal(await gramCount(store), items.reduce((n, item) => n + gramsOf(item.normalized).length, 0));
    });

    it('finds exactly what a substring scan finds for every 1- and 2-character substring', async () => {
      const texts = items.map((item) => item.normalized);
      const raw = (await listPartnerships(store)).flatMap((p) => [...p.events.map((e) => e.text), ...p.records.map((r) => r.caption)]);
      const queries = new Set([...texts, ...raw].flatMap((t) => [...substrings(t, 1), ...substrings(t, 2)]));
      assert.ok(queries.size > 800, `${queries.size} queries`);
      for (const q of queries) {
        const found = await search(store, q);
        const expected = scan(items, q);
        assert.deepEqual(found.keys, expected, q);
        assert.equal(found.total, expected.length, q);
      }
    });

    it('finds exactly what a substring scan finds for longer queries, present or not', async () => {
      const queries = new Set<string>(['交流年表', '大連市分会', '友好交流都市協定', '市長表敬訪問', '金沢マラソン', '大連東京', '長が来', '市市長', 'マラソン大会に選']);
      for (const item of items) for (let n = 3; n <= 6; n++) for (const s of substrings(item.normalized, n).slice(0, 4)) queries.add(s);
      for (const q of queries) assert.deepEqual((await search(store, q)).keys, scan(items, q), q);
    });

    it('counts 大連, 市長 and 訪問 as the scan does; 市長 is in 5 event texts and 2 captions', async () => {
      for (const q of ['大連', '市長', '訪問']) assert.equal((await search(store, q)).total, scan(items, q).length, q);
      const mayor = await search(store, '市長');
      assert.equal(mayor.hits.filter((h) => h.kind === 'event').length, 5);
      assert.equal(mayor.hits.filter((h) => h.kind === 'record').length, 2);
      assert.equal((await search(store, '大連')).total, 30 + 10);
    });

    it('returns domain hits with partner, home, year, direction and the stored text, by year, partner, position', async () => {
      const { hits } = await search(store, '山野市長');
      assert.deepEqual(
        hits.map(({ kind, home, partner, year, direction, text }) => ({ kind, home, partner, year, direction, text })),
        [
          { kind: 'record', home: '金沢市', partner: '大連市', year: 2016, direction: null, text: '山野市長が訪問' },
          {
            kind: 'event',
            home: '金沢市',
            partner: '大連市',
            year: 2016,
            direction: 'dispatch',
            text: '山野市長が訪問、「友好交流の更なる発展に関する合意書」、「スポーツ交流の推進に関する合意書」に調印',
          },
        ],
      );
      assert.ok(hits.every((h) => typeof h.id === 'number' && typeof h.partnershipId === 'number'));
    });

    it('finds half-width text from full-width queries', async () => {
      const expected = scan(items, '21世紀');
      assert.equal(expected.length, 1);
      for (const q of ['２１世紀', '２１', '＆ファッション']) {
        const found = await searchRecord(store, q);
        assert.deepEqual(found.hits.map((h) => `${h.kind}:${h.id}`), scan(items, q), q);
        assert.ok(found.total > 0, q);
      }
    });

    it('pages, caps the limit at 100 and finds nothing for a blank query', async () => {
      const all = scan(items, '交');
      const pages = [];
      for (let offset = 0; offset < all.length; offset += 7) {
        const page = await searchRecord(store, ' 交 ', { limit: 7, offset });
        assert.equal(page.total, all.length);
        pages.push(...page.hits.map((h) => `${h.kind}:${h.id}`));
      }
      assert.deepEqual(pages, all);
      const events = Array.from({ length: 120 }, (_, i) => ({ year: 2000, date: null, direction: 'unknown' as const, text: `上限試験${i}`, line: null }));
      await savePartnership(store.db, buildPartnership({ partner: '上限市', events, records: [] }), null);
      const many = await searchRecord(store, '上限', { limit: 1000 });
      assert.equal(many.total, 120);
      assert.equal(many.hits.length, MAX_SEARCH_LIMIT);
      assert.ok(await deletePartnership(store.db, '金沢市', '上限市'));
      assert.deepEqual(await searchRecord(store, ' 　 '), { hits: [], total: 0 });
      assert.equal((await searchRecord(store, '大連', { partner: '上海市' })).total, 0);
      assert.equal((await searchRecord(store, '大連', { partner: '大連市' })).total, scan(items, '大連').length);
    });

    it('takes %, _ and \\ in a query literally', async () => {
      const texts = ['達成率100%', '1000人', 'a_b', 'axb', 'c\\d', 'cd', '%_\\'];
      await savePartnership(
        store.db,
        buildPartnership({
          partner: '記号市',
          events: texts.map((text, i) => ({ year: 2000 + i, date: null, direction: 'unknown', text, line: null })),
          records: [],
        }),
        null,
      );
      const all = itemsOf(await listPartnerships(store));
      for (const q of ['%', '_', '\\', '100%', 'a_b', 'c\\d', '%_', '_\\', '%_\\', '0%', '!', 'x']) {
        assert.deepEqual((await search(store, q)).keys, scan(all, q), q);
      }
      assert.equal((await search(store, '_')).total, 2);
      assert.equal((await search(store, '\\')).total, 2);
      assert.ok(await deletePartnership(store.db, '金沢市', '記号市'));
    });

    it('forgets an old text and finds the corrected one after re-import', async () => {
      const gramsBefore = await gramCount(store);
      assert.equal((await search(store, '市民証を授与')).total, 1);
      const corrected = sampleText.replace('趙氏に特別名誉市民証を授与', '趙氏に特別名誉市民章を贈呈');
      const report = await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(corrected) }], options);
      assert.equal(report.changes[0]!.changed.events, 1);
      assert.equal((await search(store, '市民証')).total, 0);
      assert.equal((await search(store, '証')).total, 0);
      const found = await search(store, '市民章を贈呈');
      assert.deepEqual(found.hits.map((h) => h.text), ['趙氏に特別名誉市民章を贈呈']);
      const now = itemsOf(await listPartnerships(store));
      assert.equal(await gramCount(store), now.reduce((n, item) => n + gramsOf(item.normalized).length, 0));
      assert.notEqual(await gramCount(store), 0);
      assert.ok(gramsBefore > 0);
    });

    it('drops the grams of removed events and of a deleted partnership', async () => {
      const shorter = sampleText.replace(' 趙氏に特別名誉市民章を贈呈', '').replace(' 趙氏に特別名誉市民証を授与', '');
      const report = await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(shorter) }], options);
      assert.equal(report.changes[0]!.removed.events, 1);
      assert.equal((await search(store, '趙')).total, 0);
      const now = itemsOf(await listPartnerships(store));
      assert.equal(await gramCount(store), now.reduce((n, item) => n + gramsOf(item.normalized).length, 0));
      assert.ok(await deletePartnership(store.db, '金沢市', '大連市'));
      assert.equal(await gramCount(store), 0);
      assert.equal((await search(store, '大連')).total, 0);
    });

    it('rebuilds the index from stored texts when migrated down and up again', async () => {
      const other = await open();
      try {
        await importDocuments(other, [sample], options);
        const migrations = migrationsFor(other.capabilities);
        const migrator = new Migrator({ db: other.db, provider: { getMigrations: async () => migrations } });
        const down = await migrator.migrateTo('2026112501-initial');
        assert.equal(down.error, undefined);
        await assert.rejects(other.db.selectFrom('search_postings').selectAll().execute());
        await migrateToLatest(other.db, other.capabilities);
        const stored = itemsOf(await listPartnerships(other));
        assert.equal(await gramCount(other), stored.reduce((n, item) => n + gramsOf(item.normalized).length, 0));
        for (const q of ['大', '大連', '市長', '訪問', '２１世紀']) assert.deepEqual((await search(other, q)).keys, scan(stored, q), q);
      } finally {
        await other.close();
      }
    });
  });
}
