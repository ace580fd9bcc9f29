import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { GenerationCache } from './generation.cache.js';

describeOnEachStore('the generation cache', (openFresh) => {
  let store: Store;
  let other: Store;
  before(async () => {
    store = await openFresh();
    other = await openFresh();
  });
  after(async () => {
    await store?.close();
    await other?.close();
  });

  it('computes a value once per key while the store is unchanged, again after a write, and apart per store', async () => {
    const cache = new GenerationCache<string | undefined>(10);
    let computed = 0;
    const compute = (value: string | undefined) => async () => (computed++, value);
    assert.equal(await cache.get(store, 'a', compute('first')), 'first');
    assert.equal(await cache.get(store, 'a', compute('second')), 'first');
    assert.equal(await cache.get(store, 'none', compute(undefined)), undefined);
    assert.equal(await cache.get(store, 'none', compute('late')), undefined, 'nothing found is kept too');
    assert.equal(computed, 2);
    assert.equal(await cache.get(other, 'a', compute('other store')), 'other store');
    await store.transaction(async () => undefined);
    assert.equal(await cache.get(store, 'a', compute('after the write')), 'after the write');
    assert.equal(await cache.get(other, 'a', compute('unused')), 'other store', 'a write to one store leaves the other kept');
    assert.equal(computed, 4);
  });

  it('keeps the most recently used values up to its size', async () => {
    const cache = new GenerationCache<number>(2);
    let computed = 0;
    const compute = (n: number) => async () => (computed++, n);
    await cache.get(store, 'one', compute(1));
    await cache.get(store, 'two', compute(2));
    await cache.get(store, 'one', compute(-1));
    await cache.get(store, 'three', compute(3));
    assert.equal(computed, 3);
    assert.equal(await cache.get(store, 'one', compute(-1)), 1, 'used last but one: kept');
    assert.equal(await cache.get(store, 'two', compute(22)), 22, 'least recently used: computed again');
  });
});
