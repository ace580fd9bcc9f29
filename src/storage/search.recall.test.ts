import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { normalizeForSearch } from '../domain/search-text.js';
import { generateCorpus } from '../exports/corpus.generator.js';
import { importDocuments } from '../services/import.service.js';
import { listPartnerships } from '../services/record.service.js';
import type { Store } from './database.js';
import { searchItems } from './search.repository.js';

// Recall on a generated corpus: every 1-, 2- and 3-character substring of a few thousand events and captions,
// searched through the posting lists, finds exactly what a substring scan finds, in the same order.

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

describeOnEachStore('search recall on a generated corpus', (open) => {
  let store: Store;
  let items: Item[];
  before(async () => {
    store = await open();
    const docs = [...generateCorpus({ partnerships: 10, years: 20, seed: 'recall', formats: ['table', 'pipe', 'lines'] })];
    await importDocuments(store, docs.map((d) => ({ name: d.path, bytes: Buffer.from(d.text), home: d.home })), { home: '金沢市', maxDocumentBytes: 1 << 24 });
    items = (await listPartnerships(store)).flatMap((p) => [
      ...p.events.map((e, i) => ({ key: `event:${e.id}`, normalized: normalizeForSearch(e.text), order: [e.year, p.partner, p.home, i, 'event', e.id] })),
      ...p.records.map((r, i) => ({ key: `record:${r.id}`, normalized: normalizeForSearch(r.caption), order: [r.year, p.partner, p.home, i, 'record', r.id] })),
    ]);
    items.sort((a, b) => compareOrder(a.order, b.order));
  });
  after(async () => {
    await store?.close();
  });

  it('holds a few thousand events and captions from ten partnerships of five or more home cities', () => {
    assert.ok(items.length >= 2000, `${items.length} items`);
    assert.ok(items.some((i) => i.key.startsWith('record:')));
  });

  it('finds exactly the substring scan for every 1-, 2- and 3-character query drawn from the texts', async () => {
    const queries = new Set(items.flatMap((i) => [1, 2, 3].flatMap((n) => substrings(i.normalized, n))));
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
