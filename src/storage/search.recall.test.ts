import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { normalizeForSearch } from '../domain/search-text.js';
import { generateCorpus } from '../exports/corpus.generator.js';
import { parseDocument } from '../importer/parse-document.js';
import { importDocuments } from '../services/import.service.js';
import { listPartnerships } from '../services/record.service.js';
import type { Store } from './database.js';
import { savePartnership } from './partnership.repository.js';
import { DIRECT_RANK_LIMIT, searchItems } from './search.repository.js';

// Recall on a generated corpus: every 1- to 4-character substring of a few thousand events and captions,
// searched through the posting lists, finds exactly what a substring scan finds, in the same order; and years with
// more matches than are ranked from their rows page as the scan does.

interface Item {
  key: string;
  normalized: string;
  order: (number | string)[];
}

function substrings(text: string, length: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i + length <= chars.length; i++) out.push(chars.slice(i, i + length).join(''));
  return out;
}

function compareOrder(a: Item['order'], b: Item['order']): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** Every item of the store, in the order a search ranks them: year, partner, home, then the item's place in its document. */
async function itemsOf(store: Store): Promise<Item[]> {
  const place = async (table: 'events' | 'photo_records') =>
    new Map((await store.db.selectFrom(table).select(['id', 'position']).execute()).map((r) => [r.id, r.position]));
  const [events, records] = [await place('events'), await place('photo_records')];
  const items = (await listPartnerships(store)).flatMap((p) => [
    ...p.events.map((e) => ({ key: `event:${e.id}`, normalized: normalizeForSearch(e.text), order: [e.year, p.partner, p.home, events.get(e.id)!, 'event', e.id] })),
    ...p.records.map((r) => ({ key: `record:${r.id}`, normalized: normalizeForSearch(r.caption), order: [r.year, p.partner, p.home, records.get(r.id)!, 'record', r.id] })),
  ]);
  return items.sort((a, b) => compareOrder(a.order, b.order));
}

describeOnEachStore('search pages of years with many matches', (open) => {
  let store: Store;
  let items: Item[];
  before(async () => {
    store = await open();
    // Sixty generated partnerships, their years folded into two, so that each year holds several hundred items.
    for (const doc of generateCorpus({ partnerships: 60, years: 2, seed: 'walk' })) {
      for (const p of parseDocument(Buffer.from(doc.text), { home: doc.home }).partnerships) {
        const fold = (year: number) => 2020 + (year % 2);
        const events = p.events.map((e) => ({ ...e, year: fold(e.year) }));
        const records = p.records.map((r) => ({ ...r, year: fold(r.year) }));
        await savePartnership(store.db, { ...p, noExchangeYears: [], events, records }, doc.path);
      }
    }
    items = await itemsOf(store);
  });
  after(async () => {
    await store?.close();
  });

  it('ranks every page of a year holding more matches than are ranked from their rows as a substring scan does', async () => {
    const counts = new Map<string, number>();
    for (const item of items) for (const c of new Set(Array.from(item.normalized))) counts.set(c, (counts.get(c) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c]) => c);
    for (const q of [...common, '交流', '市長']) {
      const expected = items.filter((i) => i.normalized.includes(q));
      const byYear = new Map<number, number>();
      for (const i of expected) byYear.set(i.order[0] as number, (byYear.get(i.order[0] as number) ?? 0) + 1);
      if (q === common[0]) assert.ok(Math.max(...byYear.values()) > DIRECT_RANK_LIMIT, `${q}: ${[...byYear.values()].join(', ')} matches a year`);
      const keys = expected.map((i) => i.key);
      for (const offset of [0, 20, 137, DIRECT_RANK_LIMIT - 10, DIRECT_RANK_LIMIT + 3, keys.length - 15, keys.length + 5]) {
        const found = await searchItems(store.db, q, { limit: 20, offset: Math.max(0, offset) });
        assert.equal(found.total, keys.length, `${q} total`);
        assert.deepEqual(found.hits.map((h) => `${h.kind}:${h.id}`), keys.slice(Math.max(0, offset), Math.max(0, offset) + 20), `${q} at ${offset}`);
      }
      for (const year of byYear.keys()) {
        const inYear = expected.filter((i) => i.order[0] === year).map((i) => i.key);
        const found = await searchItems(store.db, q, { limit: 20, offset: 40, year });
        assert.equal(found.total, inYear.length, `${q} in ${year}`);
        assert.deepEqual(found.hits.map((h) => `${h.kind}:${h.id}`), inYear.slice(40, 60), `${q} in ${year}`);
      }
      const records = expected.filter((i) => i.key.startsWith('record:')).map((i) => i.key);
      const found = await searchItems(store.db, q, { limit: 20, offset: 0, kind: 'record' });
      assert.equal(found.total, records.length, `${q} records`);
      assert.deepEqual(found.hits.map((h) => `${h.kind}:${h.id}`), records.slice(0, 20), `${q} records`);
    }
  });
});

describeOnEachStore('search recall on a generated corpus', (open) => {
  let store: Store;
  let items: Item[];
  before(async () => {
    store = await open();
    const docs = [...generateCorpus({ partnerships: 10, years: 20, seed: 'recall', formats: ['table', 'pipe', 'lines'] })];
    await importDocuments(store, docs.map((d) => ({ name: d.path, bytes: Buffer.from(d.text), home: d.home })), { home: '金沢市', maxDocumentBytes: 1 << 24 });
    items = await itemsOf(store);
  });
  after(async () => {
    await store?.close();
  });

  it('holds a few thousand events and captions from ten partnerships of five or more home cities', () => {
    assert.ok(items.length >= 2000, `${items.length} items`);
    assert.ok(items.some((i) => i.key.startsWith('record:')));
  });

  it('finds exactly the substring scan for every 1-, 2-, 3- and 4-character query drawn from the texts', async () => {
    const queries = new Set(items.flatMap((i) => [1, 2, 3, 4].flatMap((n) => substrings(i.normalized, n))));
    assert.ok(queries.size > 3000, `${queries.size} queries`);
    for (const q of queries) {
      const expected = items.filter((i) => i.normalized.includes(q)).map((i) => i.key);
      const found = await searchItems(store.db, q, { limit: 100_000, offset: 0 });
      assert.equal(found.total, expected.length, q);
      assert.deepEqual(found.hits.map((h) => `${h.kind}:${h.id}`), expected, q);
    }
  });

  it('finds nothing for 3-character queries absent from every text, made of characters that occur', async () => {
    const chars = [...new Set(items.flatMap((i) => Array.from(i.normalized)))].slice(0, 40);
    let checked = 0;
    for (const a of chars) {
      for (const b of chars) {
        const q = `${a}${b}${a}`;
        if (items.some((i) => i.normalized.includes(q))) continue;
        assert.equal((await searchItems(store.db, q, { limit: 10, offset: 0 })).total, 0, q);
        checked += 1;
      }
    }
    assert.ok(checked > 1000);
  });
});
