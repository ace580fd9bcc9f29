import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { readGeneration } from '../storage/generation.repository.js';
import { GENERATION_MAX_AGE_MS, GenerationWatch } from './generation.watch.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';

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

  it('lets readers arriving during a read share it', async () => {
    clock += GENERATION_MAX_AGE_MS;
    const a = watch.current();
    const b = watch.current();
    assert.ok(a instanceof Promise);
    assert.equal(a, b);
    assert.equal(await a, await b);
  });
});

/**
 * A watch over a store whose generation reads are held until released, each seeing the generation as it was when
 * it began (as a PostgreSQL query on another pooled connection sees the snapshot it started with).
 */
function heldWatch() {
  const state = { generation: 1, pending: [] as (() => void)[] };
  const read = async () => {
    const seen = state.generation;
    await new Promise<void>((resolve) => state.pending.push(resolve));
    return { generation: seen };
  };
  const db = { selectFrom: () => ({ select: () => ({ where: () => ({ executeTakeFirst: read }) }) }) };
  const store = { db } as unknown as Store;
  // A clock that stands still: only this process's writes make the watch read again.
  const watch = new GenerationWatch(store, GENERATION_MAX_AGE_MS, () => 0);
  return { watch, state, releaseAll: () => state.pending.splice(0).forEach((release) => release()) };
}

/** A write of this process that has begun and committed. */
async function writeOfThisProcess() {
  const other = await openSqliteStore(':memory:');
  try {
    await other.transaction(async () => undefined);
  } finally {
    await other.close();
  }
}

describe('the generation watch, with reads under way', () => {
  it('does not hand a reader arriving after a write the read begun before it', async () => {
    const { watch, state, releaseAll } = heldWatch();
    const before = watch.current();
    await writeOfThisProcess();
    state.generation = 2;
    const after = watch.current();
    assert.notEqual(after, before, 'a read of its own');
    // The newer read ends first, the older one after it.
    const [older, newer] = state.pending.splice(0);
    newer!();
    assert.equal(await after, 2);
    older!();
    assert.equal(await before, 1);
    assert.equal(watch.current(), 2, 'the newer value kept, although the older read ended last');
    releaseAll();
  });

  it('reads again after a write that began and ended while a read was on its way', async () => {
    const { watch, state, releaseAll } = heldWatch();
    const reading = watch.current();
    await writeOfThisProcess();
    state.generation = 2;
    releaseAll();
    assert.equal(await reading, 1, 'the snapshot from before the write');
    const next = watch.current();
    assert.ok(next instanceof Promise, 'read again, although the clock has not moved');
    releaseAll();
    assert.equal(await next, 2);
  });
});

