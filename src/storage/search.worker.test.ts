import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { generateCorpus } from '../exports/corpus.generator.js';
import { normalizeForSearch } from '../domain/search-text.js';
import { parseDocument } from '../importer/parse-document.js';
import type { Store } from './database.js';
import { SearchIndexBatch } from './search.index.js';

/** Items of a generated corpus, numbered, with their years and normalized texts. */
function corpusItems(): { id: number; year: number; text: string }[] {
  const items: { id: number; year: number; text: string }[] = [];
  for (const doc of generateCorpus({ partnerships: 12, years: 12, seed: 'index-worker' })) {
    for (const p of parseDocument(Buffer.from(doc.text), { home: doc.home }).partnerships) {
      for (const e of p.events) items.push({ id: items.length + 1, year: e.year, text: normalizeForSearch(e.text) });
    }
  }
  return items;
}

async function postings(store: Store) {
  return (await store.db.selectFrom('search_postings').selectAll().orderBy('gram').orderBy('item_kind').orderBy('year').execute()).map((r) => ({
    ...r,
    ids: [...r.ids],
  }));
}

describeOnEachStore('the search index laid out in a worker thread', (openFresh) => {
  it('writes the same rows as the batch in this thread, removals included', async () => {
    const items = corpusItems();
    assert.ok(items.length > 1000, `${items.length} items`);
    const [here, there] = [await openFresh(), await openFresh()];
    try {
      for (const [store, worker] of [[here, false], [there, true]] as const) {
        const batch = new SearchIndexBatch({ nothingStored: true, worker });
        for (const item of items) batch.add(item.id % 5 === 0 ? 'record' : 'event', item.id, item.year, item.text);
        // Taken out again: an item added by mistake within the same batch leaves nothing behind.
        for (const item of items.slice(0, 40)) batch.remove(item.id % 5 === 0 ? 'record' : 'event', item.id, item.year, item.text);
        // The worker lays its rows out while the transaction goes on; it takes no change after that.
        batch.startLayOut();
        if (worker) assert.throws(() => batch.add('event', 1, 2006, '大連'), /takes no more changes/);
        await store.transaction((trx) => batch.flush(trx, store.bulk));
      }
      const expected = await postings(here);
      assert.ok(expected.length > 500);
      assert.ok(!expected.some((r) => r.gram === items[0]!.text.slice(0, 4) && r.n === 1 && r.year === items[0]!.year), 'the removed item is gone');
      assert.deepEqual(await postings(there), expected);
    } finally {
      await here.close();
      await there.close();
    }
  });

  it('refuses a year the index cannot hold before it reaches the worker, and leaves nothing behind a failed transaction', async () => {
    const store = await openFresh();
    try {
      const batch = new SearchIndexBatch({ nothingStored: true, worker: true });
      batch.add('event', 1, 2006, '大連市');
      assert.throws(() => batch.add('event', 2, 0, '金沢市'), RangeError);
      await assert.rejects(
        store.transaction(async (trx) => {
          batch.add('event', 3, 2007, '交流');
          await batch.flush(trx, store.bulk);
          throw new Error('not reached');
        }),
        /not reached/,
      );
      assert.equal((await store.db.selectFrom('search_postings').selectAll().execute()).length, 0);
      const closed = new SearchIndexBatch({ nothingStored: true, worker: true });
      closed.add('event', 4, 2008, '訪問');
      closed.close();
    } finally {
      await store.close();
    }
  });
});
