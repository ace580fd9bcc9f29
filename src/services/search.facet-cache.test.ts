import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openSampleStore } from '../../test/support/sample-store.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { SearchFacets } from '../domain/search-text.js';
import type { Store } from '../storage/database.js';
import { searchWithFacets } from './search.service.js';

const total = (f: SearchFacets) => f.partners.reduce((n, p) => n + p.count, 0);

describeOnEachStore('the facets of recent searches', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openSampleStore(openFresh);
  });
  after(async () => {
    await store?.close();
  });

  it('are counted once per query and filters while the store is unchanged, and again after a write', async () => {
    const first = await searchWithFacets(store, '大連');
    const page2 = await searchWithFacets(store, '大連', { offset: 20 });
    assert.deepEqual(page2.facets, first.facets, 'the next page: the same facets');
    const year = first.facets.years[0]!.year;
    const inYear = (await searchWithFacets(store, '大連', { filters: { year } })).facets;
    assert.deepEqual(inYear.years, first.facets.years, 'the year facet is counted without its own filter');
    assert.equal(total(inYear), first.facets.years[0]!.count, 'kept apart from the unfiltered facets: the partners of that year only');
    // A change behind the store's back (no write transaction, so no new generation): the kept counts are served.
    const hit = first.hits.find((h) => h.kind === 'event')!;
    await store.db.updateTable('events').set({ status: 'draft' }).where('id', '=', hit.id).execute();
    try {
      assert.deepEqual((await searchWithFacets(store, '大連', { offset: 40 })).facets, first.facets, 'kept');
      await store.transaction(async () => undefined);
      const counted = await searchWithFacets(store, '大連', { offset: 40 });
      assert.equal(total(counted.facets), total(first.facets) - 1, 'counted again after a write transaction: the draft is left out');
    } finally {
      await store.transaction((trx) => trx.updateTable('events').set({ status: 'published' }).where('id', '=', hit.id).execute());
    }
    assert.deepEqual((await searchWithFacets(store, '大連')).facets, first.facets);
  });
});
