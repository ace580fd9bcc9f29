import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { readGeneration } from '../storage/generation.repository.js';
import { GENERATION_MAX_AGE_MS, GenerationWatch } from './generation.watch.js';

describeOnEachStore('the generation watch', (openFresh) => {
  let store: Store;
  let clock = 0;
  let watch: GenerationWatch;
  /** What another process's write transaction does to the generation: no write of this process is counted. */
  const advanceElsewhere = () => sql`update store_generation set generation = generation + 1 where id = 1`.execute(store.db);

  before(async () => {
    store = await openFresh();
    watch = new GenerationWatch(store, GENERATION_MAX_AGE_MS, () => clock);
  });
  after(async () => store?.close());

  it('takes the generation read last as current for the max age, then reads it again', async () => {
    const first = await watch.current();
    assert.equal(first, await readGeneration(store.db));
    await advanceElsewhere();
    clock += GENERATION_MAX_AGE_MS - 1;
    assert.equal(watch.current(), first, 'within the max age: no read, the value at once');
    clock += 1;
    assert.equal(await watch.current(), first + 1, 'past it: read again');
  });

  it('reads again at once after a write transaction of this process', async () => {
    const before = await watch.current();
    await store.transaction(async () => undefined);
    const after = watch.current();
    assert.ok(after instanceof Promise, 'a read, although the clock has not moved');
    assert.equal(await after, before + 1);
    assert.equal(watch.current(), before + 1);
  });

  it('reads again after a write of another store of this process', async () => {
    const before = await watch.current();
    const other = await openFresh();
    try {
      await other.transaction(async () => undefined);
    } finally {
      await other.close();
    }
    // The other store's generation is its own; what counts is that this one is read again.
    await advanceElsewhere();
    assert.equal(await watch.current(), before + 1);
  });

  it('reads again when a write starts while a read is on its way', async () => {
    clock += GENERATION_MAX_AGE_MS;
    const reading = watch.current();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = store.transaction(() => held);
    const seen = await reading;
    release();
    await writing;
    assert.equal(await watch.current(), seen + 1, 'the write that began during the read is seen');
  });

  it('lets readers arriving during a read share it', async () => {
    clock += GENERATION_MAX_AGE_MS;
    const a = watch.current();
    const b = watch.current();
    assert.ok(a instanceof Promise);
    assert.equal(a, b);
    assert.equal(await a, await b);
  });
});
